#pragma once

// What the store-operations suites (tst_shifthandler, tst_dayreport) share: an enrolled
// device, pushes of mixed events (sales, returns, shift events), and the shift events as the
// tablet's ShiftService sends them (sync/protocol/storeops.h).
#include "serverfixture.h"

#include "sync/protocol/enrolment.h"
#include "sync/protocol/pushbatch.h"
#include "sync/protocol/returns.h"
#include "sync/protocol/saleevent.h"
#include "sync/protocol/storeops.h"

#include "app/core/shift.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace Toonbank::Tests::StoreOps {

inline QByteArray toBody(const QJsonObject &json)
{
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

inline QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

struct Device
{
    QString store;
    qint64 staffId = 0; // the envelope's staff member unless an event names another
    QString id;
    QString token;
    qint64 seq = 1;
};

// One event to push.
struct Event
{
    QString type;
    QJsonObject payload;
    QDateTime at;
    qint64 staffId = 0; // 0: the device's
};

inline Event saleEvent(const Core::Sale &sale)
{
    return { QStringLiteral("sale"), Sync::Protocol::saleToJson(sale), sale.soldAt, sale.staffId };
}

inline Event returnEvent(const Core::Return &ret)
{
    return { QStringLiteral("return"), Sync::Protocol::returnToJson(ret), ret.returnedAt,
        ret.staffId };
}

inline Event openEvent(const Core::Shift &shift)
{
    return { QStringLiteral("shift_opened"), Sync::Protocol::shiftOpenedToJson(shift),
        shift.openedAt, shift.openedBy };
}

inline Event moveEvent(const QString &shiftId, const Core::CashMovement &move)
{
    return { QStringLiteral("cash_movement"), Sync::Protocol::cashMovementToJson(shiftId, move),
        move.at, move.staffId };
}

inline Event closeEvent(const Sync::Protocol::ShiftClosed &closed)
{
    return { QStringLiteral("shift_closed"), Sync::Protocol::toJson(closed), closed.shift.closedAt,
        closed.shift.closedBy };
}

/// A count of `pieces` per denomination in cents.
inline Core::CashCount count(const QList<std::pair<qint64, qint64>> &pieces)
{
    Core::CashCount c;
    for (const auto &[denomination, n] : pieces)
        c.pieces.insert(denomination, n);
    return c;
}

inline Core::Shift shift(const QString &store, const QString &drawer, qint64 staff,
    const Core::CashCount &openingFloat, const QDateTime &at = QDateTime::currentDateTimeUtc())
{
    Core::Shift s;
    s.shiftId = newId();
    s.drawerId = drawer;
    s.storeCode = store;
    s.openedBy = staff;
    s.openedAt = at;
    s.openingCount = openingFloat;
    return s;
}

inline Core::CashMovement move(Core::CashMovementKind kind, qint64 cents, qint64 staff,
    const QDateTime &at = QDateTime::currentDateTimeUtc())
{
    Core::CashMovement m;
    m.movementId = newId();
    m.kind = kind;
    m.amount = Core::Money::fromCents(cents);
    m.reason = QStringLiteral("to the safe");
    m.staffId = staff;
    m.at = at;
    return m;
}

inline Core::Authorisation noSaleApproval(qint64 requestedBy, qint64 approvedBy)
{
    Core::Authorisation a;
    a.permission = Core::Permission::OpenDrawerNoSale;
    a.requestedBy = requestedBy;
    a.approvedBy = approvedBy;
    a.reason = QStringLiteral("change for the market stall");
    a.approvedAt = QDateTime::currentDateTimeUtc();
    return a;
}

inline Sync::Protocol::ShiftClosed close(const Core::Shift &open, qint64 staff,
    const Core::CashCount &counted, qint64 expectedCents, int zNumber,
    const QDateTime &at = QDateTime::currentDateTimeUtc())
{
    Sync::Protocol::ShiftClosed c;
    c.shift = open;
    c.shift.state = Core::ShiftState::Closed;
    c.shift.closedBy = staff;
    c.shift.closedAt = at;
    c.shift.closingCount = counted;
    c.shift.zNumber = zNumber;
    c.variance.counted = counted.total();
    c.variance.expected = Core::Money::fromCents(expectedCents);
    return c;
}

/// `quantity` × product `productId` at €10.00 for `store`, sold by `staff` in `shiftId`, paid
/// in cash (`cash`) or by card.
inline Core::Sale sale(const QString &store, qint64 staff, const QString &shiftId, qint64 productId,
    int quantity, bool cash, const QDateTime &at = QDateTime::currentDateTimeUtc())
{
    Core::Sale s = makeSale(store, productId, quantity);
    s.staffId = staff;
    s.shiftId = shiftId;
    s.soldAt = at;
    if (cash) {
        Core::Tender t;
        t.method = Core::TenderMethod::Cash;
        t.amount = s.total;
        t.tendered = s.total;
        s.tenders = { t };
    }
    return s;
}

/// Enrols, pushes and reads results against a ServerFixture.
class Client
{
public:
    explicit Client(ServerFixture &server)
        : m_server(server)
    { }

    bool enrol(Device &device)
    {
        const HttpAnswer enrolled = m_server.request("POST", QStringLiteral("/v1/enrol"),
            toBody({ { QStringLiteral("code"), m_server.enrolmentCode(device.store) },
                { QStringLiteral("deviceName"), QStringLiteral("Till ") + device.store } }));
        auto parsed = Sync::Protocol::EnrolResponse::fromJson(enrolled.json);
        if (enrolled.status != 200 || !parsed)
            return false;
        device.id = parsed->deviceId;
        device.token = parsed->token;
        return true;
    }

    QByteArray pushBody(Device &device, const QList<Event> &events)
    {
        Sync::Protocol::PushRequest push;
        push.deviceId = device.id;
        for (const Event &e : events) {
            Sync::Protocol::EventEnvelope envelope;
            envelope.eventId = newId();
            envelope.deviceId = device.id;
            envelope.deviceSeq = device.seq++;
            envelope.type = e.type;
            envelope.staffId = e.staffId != 0 ? e.staffId : device.staffId;
            envelope.occurredAt = e.at;
            envelope.payload = e.payload;
            push.events.append(envelope);
        }
        return toBody(push.toJson());
    }

    HttpAnswer send(Device &device, const QByteArray &body)
    {
        return m_server.request("POST", QStringLiteral("/v1/events"), body, device.token);
    }

    static QStringList outcomes(const HttpAnswer &answer)
    {
        QStringList list;
        for (const QJsonValue &r : answer.json.value(QStringLiteral("results")).toArray())
            list.append(r[QStringLiteral("outcome")].toString());
        return list;
    }

    static QJsonObject result(const HttpAnswer &answer, int index)
    {
        return answer.json.value(QStringLiteral("results")).toArray().at(index).toObject();
    }

    bool pushApplied(Device &device, const QList<Event> &events, QByteArray *body = nullptr)
    {
        const QByteArray sent = pushBody(device, events);
        if (body)
            *body = sent;
        const HttpAnswer answer = send(device, sent);
        if (answer.status != 200
            || outcomes(answer) != QStringList(events.size(), QStringLiteral("applied"))) {
            qWarning() << "push:" << answer.status << answer.body;
            return false;
        }
        return true;
    }

    /// Pushes `events`; the last one must come back rejected with `code` (and a reason); the
    /// code, or the whole answer when it differs.
    QString rejectedCode(Device &device, const QList<Event> &events)
    {
        const HttpAnswer answer = send(device, pushBody(device, events));
        const QJsonObject last = result(answer, int(events.size()) - 1);
        if (answer.status != 422
            || last.value(QStringLiteral("outcome")).toString() != QLatin1String("rejected")
            || last.value(QStringLiteral("reason")).toString().isEmpty())
            return QString::fromUtf8(answer.body);
        return last.value(QStringLiteral("code")).toString();
    }

    QString writeFile(const QString &name, const QByteArray &content)
    {
        QFile file(m_server.dataDir() + QLatin1Char('/') + name);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(content);
        return file.fileName();
    }

private:
    ServerFixture &m_server;
};

} // namespace Toonbank::Tests::StoreOps
