// Holds, endless-aisle orders and pickups through the real toonbank-server (docs/STOCK.md
// §4–6): a hold lowers what is available in the catalog feed, more than available is 409
// hold.unavailable, a repeat answers the same hold, another request under the same id is 409
// hold.id_conflict, cancel and expiry give the units back; pickup events are applied once
// (replay: duplicate), a second handover of a collected pickup and another store's handover are
// refused, a partial handover then the rest; a handover's pickup code is checked again against
// the server's hash (a wrong one is rejected, changes nothing and is never stored in clear; the
// right one applies once), an ID check is recorded with the staff member, a cashier may not
// release; not collected releases; a store-pickup order paid
// by a sale becomes a ready web order in the pickup store's feed (stock moved at the holding
// store, not the selling one) that the Returns lookup finds; a wrong delivery price is refused.
// SQLite, and PostgreSQL when registered with TOONBANK_TEST_BACKEND=postgresql.
#include "serverfixture.h"

#include "sync/protocol/enrolment.h"
#include "sync/protocol/pushbatch.h"
#include "sync/protocol/stockelsewhere.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>
#include <QtTest>

using namespace Toonbank;
using namespace Toonbank::Tests;
namespace Protocol = Toonbank::Sync::Protocol;

namespace {

constexpr qint64 amsCashier = 7;
constexpr qint64 utrSupervisor = 8;

QByteArray toBody(const QJsonObject &json)
{
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString errorCode(const HttpAnswer &answer)
{
    return answer.json.value(QStringLiteral("error"))
        .toObject()
        .value(QStringLiteral("code"))
        .toString();
}

Protocol::HoldRequest holdRequest(qint64 productId, const QString &store, int quantity)
{
    Protocol::HoldRequest request;
    request.holdId = newId();
    request.productId = productId;
    request.locationCode = store;
    request.quantity = quantity;
    request.staffId = amsCashier;
    request.customer.name = QStringLiteral("Eva de Vries");
    request.customer.phone = QStringLiteral("+31612345678");
    return request;
}

} // namespace

class TestHolds final : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_server;
    QString m_amsDevice;
    QString m_amsToken;
    QString m_utrDevice;
    QString m_utrToken;
    QString m_rtmDevice;
    QString m_rtmToken; // a third store: neither made nor holds the holds below
    qint64 m_amsSeq = 1;
    qint64 m_utrSeq = 1;

    QString enrol(const QString &store, QString *deviceId)
    {
        const HttpAnswer enrolled = m_server.request("POST", QStringLiteral("/v1/enrol"),
            toBody({ { QStringLiteral("code"), m_server.enrolmentCode(store) },
                { QStringLiteral("deviceName"), QStringLiteral("Till ") + store } }));
        auto parsed = Protocol::EnrolResponse::fromJson(enrolled.json);
        if (enrolled.status != 200 || !parsed)
            return {};
        *deviceId = parsed->deviceId;
        return parsed->token;
    }

    HttpAnswer hold(const Protocol::HoldRequest &request, const QString &token)
    {
        return m_server.request(
            "POST", QStringLiteral("/v1/holds"), toBody(Protocol::toJson(request)), token);
    }

    qint64 held(qint64 productId, qint64 locationId)
    {
        return m_server.scalar(
            QStringLiteral("SELECT held FROM stock WHERE product_id = ? AND location_id = ?"),
            { productId, locationId });
    }
    qint64 onHand(qint64 productId, qint64 locationId)
    {
        return m_server.scalar(
            QStringLiteral("SELECT quantity FROM stock WHERE product_id = ? AND location_id = ?"),
            { productId, locationId });
    }
    QString holdStatus(const QString &holdId)
    {
        return m_server.text(
            QStringLiteral("SELECT status FROM holds WHERE hold_id = ?"), { holdId });
    }

    // What the catalog feed tells a tablet about (product, location) now.
    qint64 feedAvailable(qint64 productId, qint64 locationId, const QString &token)
    {
        qint64 since = 0;
        qint64 found = -1;
        for (int page = 0; page < 50; ++page) {
            const HttpAnswer answer = m_server.request("GET",
                QStringLiteral("/v1/changes?kind=catalog&since=%1&limit=1000").arg(since), {},
                token);
            if (answer.status != 200)
                return -2;
            for (const QJsonValue &row : answer.json.value(QStringLiteral("stock")).toArray()) {
                if (row[QStringLiteral("productId")].toInteger() == productId
                    && row[QStringLiteral("locationId")].toInteger() == locationId)
                    found = row[QStringLiteral("quantity")].toInteger();
            }
            since = answer.json.value(QStringLiteral("next")).toInteger();
            if (!answer.json.value(QStringLiteral("more")).toBool())
                break;
        }
        return found;
    }

    // The pickups feed row of `reference` for the store of `token` (empty: not in it).
    QJsonObject pickupRow(const QString &reference, const QString &token)
    {
        const HttpAnswer answer = m_server.request(
            "GET", QStringLiteral("/v1/changes?kind=pickups&since=0&limit=1000"), {}, token);
        if (answer.status != 200) {
            qWarning() << "pickups feed:" << answer.status << answer.body;
            return {};
        }
        QJsonObject last;
        if (qEnvironmentVariableIsSet("TST_HOLDS_DEBUG"))
            qWarning() << answer.body;
        for (const QJsonValue &row : answer.json.value(QStringLiteral("pickups")).toArray()) {
            if (row[QStringLiteral("reference")].toString() == reference)
                last = row.toObject();
        }
        return last;
    }

    Protocol::EventEnvelope envelope(const QString &deviceId, qint64 staffId, const QString &type,
        const QJsonObject &payload, qint64 &seq)
    {
        Protocol::EventEnvelope event;
        event.eventId = newId();
        event.deviceId = deviceId;
        event.deviceSeq = seq++;
        event.type = type;
        event.staffId = staffId;
        event.occurredAt = QDateTime::currentDateTimeUtc();
        event.payload = payload;
        return event;
    }

    // Pushes the events; the results (outcome name, code) in order.
    QList<QPair<QString, QString>> push(
        const QString &deviceId, const QString &token, const QList<Protocol::EventEnvelope> &events)
    {
        Protocol::PushRequest request;
        request.deviceId = deviceId;
        request.events = events;
        const HttpAnswer answer = m_server.request(
            "POST", QStringLiteral("/v1/events"), toBody(request.toJson()), token);
        auto parsed = Protocol::PushResponse::fromJson(answer.json);
        QList<QPair<QString, QString>> results;
        if (!parsed) {
            qWarning() << "push answer" << answer.status << answer.body;
            return results;
        }
        for (const Protocol::PushResult &result : parsed->results)
            results.append({ Protocol::outcomeName(result.outcome), result.code });
        return results;
    }

    // Verified by `code` (as typed at the counter); no code: by ID.
    Protocol::PickupHandover handover(const QString &reference, Core::PickupKind kind,
        const QString &store, qint64 staffId, const QList<Core::HandoverLine> &lines,
        const QString &code)
    {
        Protocol::PickupHandover h;
        h.handoverId = newId();
        h.reference = reference;
        h.kind = kind;
        h.storeCode = store;
        h.staffId = staffId;
        h.at = QDateTime::currentDateTimeUtc();
        h.verifiedBy = code.isEmpty() ? Core::PickupVerification::IdDocument
                                      : Core::PickupVerification::Code;
        h.code = code;
        h.lines = lines;
        return h;
    }

    QString writeFile(const QString &name, const QByteArray &content)
    {
        QFile file(m_server.dataDir() + QLatin1Char('/') + name);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(content);
        return file.fileName();
    }

    // POST /v1/orders: a store pickup at UTR01 of `quantity` × product `productId` (€ 10).
    // The sale's order section for order(): line L1 ordered for pickup at UTR01, free.
    static Core::SaleOrder utrPickupOrder(const QString &orderId, const QString &number)
    {
        Core::SaleOrder saleOrder;
        saleOrder.orderId = orderId;
        saleOrder.orderNumber = number;
        saleOrder.delivery.kind = Core::DeliveryKind::StorePickup;
        saleOrder.delivery.optionCode = QStringLiteral("store_pickup");
        saleOrder.delivery.pickupStoreCode = QStringLiteral("UTR01");
        saleOrder.lineIds = { QStringLiteral("L1") };
        return saleOrder;
    }

    HttpAnswer order(const QString &orderId, qint64 productId, int quantity)
    {
        Protocol::OrderRequest request;
        request.orderId = orderId;
        request.staffId = amsCashier;
        request.fromLocationCode = QStringLiteral("UTR01");
        request.lines = { { productId, quantity, 1000 } };
        request.delivery.kind = Core::DeliveryKind::StorePickup;
        request.delivery.optionCode = QStringLiteral("store_pickup");
        request.delivery.pickupStoreCode = QStringLiteral("UTR01");
        request.customer.name = QStringLiteral("Eva de Vries");
        request.customer.phone = QStringLiteral("+31612345678");
        return m_server.request(
            "POST", QStringLiteral("/v1/orders"), toBody(Protocol::toJson(request)), m_amsToken);
    }

    QString webOrderStatus(const QString &orderNumber)
    {
        return m_server.text(QStringLiteral("SELECT status FROM web_orders WHERE order_number = ?"),
            { orderNumber });
    }

    // Pushes `sale` as the AMS01 tablet's next event; the server's answer.
    HttpAnswer pushSaleFromAms(const Core::Sale &sale, QStringList *eventIds = nullptr)
    {
        const HttpAnswer pushed = m_server.request("POST", QStringLiteral("/v1/events"),
            toBody(makePush(m_amsDevice, amsCashier, { sale }, m_amsSeq, eventIds)), m_amsToken);
        m_amsSeq += 1;
        return pushed;
    }

    // A delivery line "D1" of `cents`, made from the sale's first line.
    static Core::SaleLine deliveryLine(const Core::Sale &sale, qint64 cents)
    {
        Core::SaleLine delivery = sale.lines.first();
        delivery.lineId = QStringLiteral("D1");
        delivery.quantity = 1;
        delivery.unitPrice = Core::Money::fromCents(cents);
        delivery.regularPrice = delivery.unitPrice;
        return delivery;
    }

private slots:
    void initTestCase()
    {
        if (ServerFixture::wantsPostgres() && qEnvironmentVariableIsEmpty("TOONBANK_TEST_PG_URL"))
            QSKIP("TOONBANK_TEST_PG_URL is not set (tests/run.sh sets it)");
        QVERIFY(m_server.seed(6));
        // Product 2 has only 2 units at UTR01.
        QVERIFY(m_server.admin({ QStringLiteral("import"), QStringLiteral("stock"),
            writeFile(QStringLiteral("low.csv"), "sku,locationCode,quantity\nSKU2,UTR01,2\n") }));
        // The web warehouse (id 3) with 10 units of product 6, for home delivery.
        QVERIFY(m_server.admin({ QStringLiteral("add-store"), QStringLiteral("WEB01"),
            QStringLiteral("Web warehouse"), QStringLiteral("--id"), QStringLiteral("3"),
            QStringLiteral("--kind"), QStringLiteral("web_warehouse") }));
        QVERIFY(m_server.admin({ QStringLiteral("import"), QStringLiteral("stock"),
            writeFile(QStringLiteral("web.csv"), "sku,locationCode,quantity\nSKU6,WEB01,10\n") }));
        QVERIFY(m_server.start({ QStringLiteral("--sweep-ms"), QStringLiteral("200") }));
        m_amsToken = enrol(QStringLiteral("AMS01"), &m_amsDevice);
        m_utrToken = enrol(QStringLiteral("UTR01"), &m_utrDevice);
        QVERIFY(m_server.admin({ QStringLiteral("add-store"), QStringLiteral("RTM01"),
            QStringLiteral("Toonbank Rotterdam"), QStringLiteral("--id"), QStringLiteral("4") }));
        m_rtmToken = enrol(QStringLiteral("RTM01"), &m_rtmDevice);
        QVERIFY(!m_amsToken.isEmpty() && !m_utrToken.isEmpty() && !m_rtmToken.isEmpty());
    }

    void holdLowersAvailable()
    {
        const Protocol::HoldRequest request = holdRequest(2, QStringLiteral("UTR01"), 1);
        const HttpAnswer taken = hold(request, m_amsToken);
        QVERIFY2(taken.status == 201, taken.body.constData());
        auto data = Protocol::holdFromJson(taken.json, Protocol::Reading::Tolerant);
        QVERIFY2(data, taken.body.constData());
        QCOMPARE(data->pickupCode.size(), 6);
        QCOMPARE(data->available, 1);
        QCOMPARE(data->status, Core::HoldStatus::Held);
        QCOMPARE(held(2, 2), 1);
        QCOMPARE(feedAvailable(2, 2, m_amsToken), 1);
        // Only the code's hash is kept.
        QCOMPARE(m_server.text(QStringLiteral("SELECT code_hash FROM holds WHERE hold_id = ?"),
                     { request.holdId }),
            Core::pickupCodeHash(request.holdId, data->pickupCode));

        // The same request again: the same hold, no code, nothing more held.
        const HttpAnswer again = hold(request, m_amsToken);
        QVERIFY2(again.status == 200, again.body.constData());
        QVERIFY(!again.json.contains(QStringLiteral("pickupCode"))
            || again.json.value(QStringLiteral("pickupCode")).toString().isEmpty());
        QCOMPARE(held(2, 2), 1);

        // The same id for another request.
        Protocol::HoldRequest other = request;
        other.quantity = 2;
        const HttpAnswer conflict = hold(other, m_amsToken);
        QCOMPARE(conflict.status, 409);
        QCOMPARE(errorCode(conflict), QStringLiteral("hold.id_conflict"));

        // More than is available.
        const HttpAnswer tooMany = hold(holdRequest(2, QStringLiteral("UTR01"), 2), m_amsToken);
        QCOMPARE(tooMany.status, 409);
        QCOMPARE(errorCode(tooMany), QStringLiteral("hold.unavailable"));
        QCOMPARE(tooMany.json.value(QStringLiteral("available")).toInteger(), 1);
        QCOMPARE(held(2, 2), 1);

        // A third store neither reads it (the customer's name and phone are on it) nor
        // cancels it.
        const HttpAnswer peek = m_server.request(
            "GET", QStringLiteral("/v1/holds/%1").arg(request.holdId), {}, m_rtmToken);
        QCOMPARE(peek.status, 403);
        QCOMPARE(errorCode(peek), QStringLiteral("hold.store"));
        const HttpAnswer foreignCancel = m_server.request("POST",
            QStringLiteral("/v1/holds/%1/cancel").arg(request.holdId), QByteArray(), m_rtmToken);
        QCOMPARE(foreignCancel.status, 403);
        QCOMPARE(errorCode(foreignCancel), QStringLiteral("hold.store"));
        QCOMPARE(held(2, 2), 1);

        // Cancelled by the store that made it: the unit is available again.
        const HttpAnswer cancelled = m_server.request("POST",
            QStringLiteral("/v1/holds/%1/cancel").arg(request.holdId), QByteArray(), m_amsToken);
        QVERIFY2(cancelled.status == 200, cancelled.body.constData());
        QCOMPARE(holdStatus(request.holdId), QStringLiteral("cancelled"));
        QCOMPARE(held(2, 2), 0);
        QCOMPARE(feedAvailable(2, 2, m_utrToken), 2);
        const HttpAnswer status = m_server.request(
            "GET", QStringLiteral("/v1/holds/%1").arg(request.holdId), {}, m_utrToken);
        QCOMPARE(status.status, 200);
        QCOMPARE(
            status.json.value(QStringLiteral("status")).toString(), QStringLiteral("cancelled"));
    }

    void badRequests_data()
    {
        QTest::addColumn<int>("quantity");
        QTest::addColumn<QString>("store");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        // The wire form bounds the quantity (1..99) before Core::checkHoldRequest.
        QTest::newRow("zero") << 0 << QStringLiteral("UTR01") << 400
                              << QStringLiteral("protocol.out_of_range");
        QTest::newRow("above 99") << 100 << QStringLiteral("UTR01") << 400
                                  << QStringLiteral("protocol.out_of_range");
        QTest::newRow("unknown store")
            << 1 << QStringLiteral("XXX99") << 404 << QStringLiteral("hold.location_unknown");
    }
    void badRequests()
    {
        QFETCH(int, quantity);
        QFETCH(QString, store);
        QFETCH(int, status);
        QFETCH(QString, code);
        const HttpAnswer answer = hold(holdRequest(1, store, quantity), m_amsToken);
        QCOMPARE(answer.status, status);
        QCOMPARE(errorCode(answer), code);
    }

    void expiryGivesTheUnitBack()
    {
        const Protocol::HoldRequest request = holdRequest(2, QStringLiteral("UTR01"), 2);
        QCOMPARE(hold(request, m_amsToken).status, 201);
        QCOMPARE(held(2, 2), 2);
        // As if its time had passed: the sweep (every 200 ms here) expires it.
        QCOMPARE(m_server.scalar(QStringLiteral("UPDATE holds SET expires_at = ? WHERE hold_id = "
                                                "? RETURNING 1"),
                     { QDateTime::currentDateTimeUtc().addSecs(-60).toString(Qt::ISODateWithMs),
                         request.holdId }),
            1);
        QTRY_COMPARE_WITH_TIMEOUT(holdStatus(request.holdId), QStringLiteral("expired"), 10000);
        QCOMPARE(held(2, 2), 0);
        QCOMPARE(feedAvailable(2, 2, m_amsToken), 2);
    }

    void reservationHandedOverOnce()
    {
        const Protocol::HoldRequest request = holdRequest(1, QStringLiteral("UTR01"), 2);
        const HttpAnswer taken = hold(request, m_amsToken);
        QCOMPARE(taken.status, 201);
        const QString code = taken.json.value(QStringLiteral("pickupCode")).toString();
        QCOMPARE(code.size(), 6);
        const QJsonObject row = pickupRow(request.holdId, m_utrToken);
        auto pickup = Protocol::pickupFromJson(row, Protocol::Reading::Tolerant);
        QVERIFY2(pickup, QJsonDocument(row).toJson().constData());
        QCOMPARE(pickup->kind, Core::PickupKind::Reservation);
        QCOMPARE(pickup->status, Core::PickupStatus::Ready);
        QCOMPARE(pickup->lines.size(), 1);
        QCOMPARE(pickup->lines.first().quantity, 2);
        QCOMPARE(pickup->lines.first().sku, QStringLiteral("SKU1"));
        QVERIFY(pickupRow(request.holdId, m_amsToken).isEmpty()); // another store's pickup

        // Another store cannot hand it over.
        const auto wrong = push(m_amsDevice, m_amsToken,
            { envelope(m_amsDevice, amsCashier, QStringLiteral("pickup_handed_over"),
                Protocol::toJson(handover(request.holdId, Core::PickupKind::Reservation,
                    QStringLiteral("AMS01"), amsCashier, { { QStringLiteral("1"), 2 } }, code)),
                m_amsSeq) });
        QCOMPARE(wrong.size(), 1);
        QCOMPARE(wrong.first().second, QStringLiteral("pickup.store"));

        const Protocol::EventEnvelope event
            = envelope(m_utrDevice, utrSupervisor, QStringLiteral("pickup_handed_over"),
                Protocol::toJson(handover(request.holdId, Core::PickupKind::Reservation,
                    QStringLiteral("UTR01"), utrSupervisor, { { QStringLiteral("1"), 2 } }, code)),
                m_utrSeq);
        const auto applied = push(m_utrDevice, m_utrToken, { event });
        QCOMPARE(applied.size(), 1);
        QCOMPARE(applied.first().first, QStringLiteral("applied"));
        QCOMPARE(holdStatus(request.holdId), QStringLiteral("collected"));
        QCOMPARE(held(1, 2), 0);
        QCOMPARE(onHand(1, 2), 100); // the sale at pickup moves the quantity
        QCOMPARE(pickupRow(request.holdId, m_utrToken).value(QStringLiteral("status")).toString(),
            QStringLiteral("collected"));
        // The same event again: a duplicate, nothing changes.
        const auto replay = push(m_utrDevice, m_utrToken, { event });
        QCOMPARE(replay.first().first, QStringLiteral("duplicate"));
        QCOMPARE(m_server.scalar(
                     QStringLiteral("SELECT COUNT(*) FROM pickup_handovers WHERE reference = ?"),
                     { request.holdId }),
            1);
        // A second handover of the collected reservation.
        const auto second = push(m_utrDevice, m_utrToken,
            { envelope(m_utrDevice, utrSupervisor, QStringLiteral("pickup_handed_over"),
                Protocol::toJson(handover(request.holdId, Core::PickupKind::Reservation,
                    QStringLiteral("UTR01"), utrSupervisor, { { QStringLiteral("1"), 1 } }, code)),
                m_utrSeq) });
        QCOMPARE(second.first().second, QStringLiteral("pickup.already_collected"));
    }

    // The server trusts nothing: a handover verified by code carries the code typed at the
    // counter; the server checks it against its own hash. A wrong one is rejected with
    // pickup.code_mismatch and changes nothing; the right one applies once; the events table
    // never keeps the plain code.
    void wrongCodeRejectedRightCodeAppliedOnce()
    {
        const Protocol::HoldRequest request = holdRequest(5, QStringLiteral("UTR01"), 1);
        const HttpAnswer taken = hold(request, m_amsToken);
        QCOMPARE(taken.status, 201);
        const QString code = taken.json.value(QStringLiteral("pickupCode")).toString();
        QCOMPARE(code.size(), 6);
        QString wrong = code;
        wrong[5] = wrong[5] == QLatin1Char('0') ? QLatin1Char('1') : QLatin1Char('0');
        QCOMPARE(held(5, 2), 1);

        const Protocol::EventEnvelope bad
            = envelope(m_utrDevice, utrSupervisor, QStringLiteral("pickup_handed_over"),
                Protocol::toJson(handover(request.holdId, Core::PickupKind::Reservation,
                    QStringLiteral("UTR01"), utrSupervisor, { { QStringLiteral("1"), 1 } }, wrong)),
                m_utrSeq);
        const auto rejected = push(m_utrDevice, m_utrToken, { bad });
        QCOMPARE(rejected.size(), 1);
        QCOMPARE(rejected.first().first, QStringLiteral("rejected"));
        QCOMPARE(rejected.first().second, QStringLiteral("pickup.code_mismatch"));
        // Nothing changed.
        QCOMPARE(holdStatus(request.holdId), QStringLiteral("held"));
        QCOMPARE(held(5, 2), 1);
        QCOMPARE(m_server.scalar(
                     QStringLiteral("SELECT COUNT(*) FROM pickup_handovers WHERE reference = ?"),
                     { request.holdId }),
            0);
        QCOMPARE(pickupRow(request.holdId, m_utrToken).value(QStringLiteral("status")).toString(),
            QStringLiteral("ready"));
        // Kept for the supervisor, without the code.
        const QString keptBad = m_server.text(
            QStringLiteral("SELECT payload FROM events WHERE event_id = ?"), { bad.eventId });
        QVERIFY(keptBad.contains(request.holdId));
        QVERIFY(!keptBad.contains(wrong));
        QVERIFY(
            !QJsonDocument::fromJson(keptBad.toUtf8()).object().contains(QStringLiteral("code")));
        QCOMPARE(m_server.text(QStringLiteral("SELECT reason_code FROM events WHERE event_id = ?"),
                     { bad.eventId }),
            QStringLiteral("pickup.code_mismatch"));
        QVERIFY(!m_server
                     .text(QStringLiteral("SELECT reason FROM events WHERE event_id = ?"),
                         { bad.eventId })
                     .contains(wrong));

        // Verified by code without the code: refused as malformed.
        Protocol::PickupHandover noCode = handover(request.holdId, Core::PickupKind::Reservation,
            QStringLiteral("UTR01"), utrSupervisor, { { QStringLiteral("1"), 1 } }, code);
        QJsonObject noCodeJson = Protocol::toJson(noCode);
        noCodeJson.remove(QStringLiteral("code"));
        const auto missing = push(m_utrDevice, m_utrToken,
            { envelope(m_utrDevice, utrSupervisor, QStringLiteral("pickup_handed_over"), noCodeJson,
                m_utrSeq) });
        QCOMPARE(missing.first().second, QStringLiteral("protocol.missing_field"));
        QCOMPARE(holdStatus(request.holdId), QStringLiteral("held"));

        // The right code: applied once.
        const Protocol::EventEnvelope good
            = envelope(m_utrDevice, utrSupervisor, QStringLiteral("pickup_handed_over"),
                Protocol::toJson(handover(request.holdId, Core::PickupKind::Reservation,
                    QStringLiteral("UTR01"), utrSupervisor, { { QStringLiteral("1"), 1 } }, code)),
                m_utrSeq);
        const auto applied = push(m_utrDevice, m_utrToken, { good });
        QCOMPARE(applied.first().first, QStringLiteral("applied"));
        QCOMPARE(holdStatus(request.holdId), QStringLiteral("collected"));
        QCOMPARE(held(5, 2), 0);
        const auto replay = push(m_utrDevice, m_utrToken, { good });
        QCOMPARE(replay.first().first, QStringLiteral("duplicate"));
        QCOMPARE(m_server.scalar(
                     QStringLiteral("SELECT COUNT(*) FROM pickup_handovers WHERE reference = ?"),
                     { request.holdId }),
            1);
        QCOMPARE(m_server.text(QStringLiteral("SELECT verified_by FROM pickup_handovers WHERE "
                                              "reference = ?"),
                     { request.holdId }),
            QStringLiteral("code"));
        const QString keptGood = m_server.text(
            QStringLiteral("SELECT payload FROM events WHERE event_id = ?"), { good.eventId });
        QVERIFY(keptGood.contains(request.holdId));
        QVERIFY(!keptGood.contains(code));
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM events WHERE payload LIKE ?"),
                     { QStringLiteral("%") + code + QStringLiteral("%") }),
            0);
    }

    // An ID check is the staff member's word: allowed for every role that may hand over
    // (a cashier too), recorded with who checked; a release needs a supervisor or manager.
    void idCheckRecordedWithStaffReleaseNeedsSupervisor()
    {
        const Protocol::HoldRequest request = holdRequest(5, QStringLiteral("UTR01"), 1);
        QCOMPARE(hold(request, m_amsToken).status, 201);
        // A cashier (staff 7) working at Utrecht's tablet.
        const auto cashierRelease = [&] {
            Protocol::PickupNotCollected release;
            release.handoverId = newId();
            release.reference = request.holdId;
            release.kind = Core::PickupKind::Reservation;
            release.storeCode = QStringLiteral("UTR01");
            release.staffId = amsCashier;
            release.at = QDateTime::currentDateTimeUtc();
            return push(m_utrDevice, m_utrToken,
                { envelope(m_utrDevice, amsCashier, QStringLiteral("pickup_not_collected"),
                    Protocol::toJson(release), m_utrSeq) });
        }();
        QCOMPARE(cashierRelease.first().second, QStringLiteral("permission.denied"));
        QCOMPARE(holdStatus(request.holdId), QStringLiteral("held"));

        // An ID check with a code in it is malformed.
        Protocol::PickupHandover mixed = handover(request.holdId, Core::PickupKind::Reservation,
            QStringLiteral("UTR01"), amsCashier, { { QStringLiteral("1"), 1 } }, {});
        QJsonObject mixedJson = Protocol::toJson(mixed);
        mixedJson.insert(QStringLiteral("code"), QStringLiteral("123456"));
        QCOMPARE(push(m_utrDevice, m_utrToken,
                     { envelope(m_utrDevice, amsCashier, QStringLiteral("pickup_handed_over"),
                         mixedJson, m_utrSeq) })
                     .first()
                     .second,
            QStringLiteral("protocol.bad_value"));

        const auto byId = push(m_utrDevice, m_utrToken,
            { envelope(m_utrDevice, amsCashier, QStringLiteral("pickup_handed_over"),
                Protocol::toJson(handover(request.holdId, Core::PickupKind::Reservation,
                    QStringLiteral("UTR01"), amsCashier, { { QStringLiteral("1"), 1 } }, {})),
                m_utrSeq) });
        QCOMPARE(byId.first().first, QStringLiteral("applied"));
        QCOMPARE(holdStatus(request.holdId), QStringLiteral("collected"));
        QCOMPARE(m_server.text(QStringLiteral("SELECT verified_by || ':' || staff_id FROM "
                                              "pickup_handovers WHERE reference = ?"),
                     { request.holdId }),
            QStringLiteral("id:%1").arg(amsCashier));
    }

    void notCollectedReleases()
    {
        const Protocol::HoldRequest request = holdRequest(4, QStringLiteral("UTR01"), 3);
        QCOMPARE(hold(request, m_amsToken).status, 201);
        QCOMPARE(held(4, 2), 3);
        Protocol::PickupNotCollected release;
        release.handoverId = newId();
        release.reference = request.holdId;
        release.kind = Core::PickupKind::Reservation;
        release.storeCode = QStringLiteral("UTR01");
        release.staffId = utrSupervisor;
        release.at = QDateTime::currentDateTimeUtc();
        const auto results = push(m_utrDevice, m_utrToken,
            { envelope(m_utrDevice, utrSupervisor, QStringLiteral("pickup_not_collected"),
                Protocol::toJson(release), m_utrSeq) });
        QCOMPARE(results.size(), 1);
        QCOMPARE(results.first().first, QStringLiteral("applied"));
        QCOMPARE(holdStatus(request.holdId), QStringLiteral("released"));
        QCOMPARE(held(4, 2), 0);
        QCOMPARE(pickupRow(request.holdId, m_utrToken).value(QStringLiteral("status")).toString(),
            QStringLiteral("not_collected"));
    }

    void storePickupOrderBecomesReadyWebOrder()
    {
        const QString orderId = newId();
        const HttpAnswer ordered = order(orderId, 3, 2);
        QVERIFY2(ordered.status == 201, ordered.body.constData());
        auto data = Protocol::orderFromJson(ordered.json, Protocol::Reading::Tolerant);
        QVERIFY2(data, ordered.body.constData());
        QVERIFY(data->orderNumber.startsWith(QLatin1String("WS")));
        QCOMPARE(data->orderNumber.size(), 10);
        QCOMPARE(data->pickupCode.size(), 6);
        QCOMPARE(data->deliveryPriceCents, 0);
        QCOMPARE(data->holds.size(), 1);
        QCOMPARE(held(3, 2), 2);
        // The same order again: the same number.
        const HttpAnswer again = order(orderId, 3, 2);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json.value(QStringLiteral("orderNumber")).toString(), data->orderNumber);
        QCOMPARE(held(3, 2), 2);

        Core::Sale sale = makeSale(QStringLiteral("AMS01"), 3, 2);
        sale.order = utrPickupOrder(orderId, data->orderNumber);
        QStringList eventIds;
        const HttpAnswer pushed = pushSaleFromAms(sale, &eventIds);
        QVERIFY2(pushed.status == 200, pushed.body.constData());
        QCOMPARE(m_server.text(QStringLiteral("SELECT status FROM holds WHERE order_number = ?"),
                     { data->orderNumber }),
            QStringLiteral("ordered"));
        // Stock moved at the holding store, not at the selling store.
        QCOMPARE(onHand(3, 2), 98);
        QCOMPARE(held(3, 2), 0);
        QCOMPARE(onHand(3, 1), 100);
        QCOMPARE(webOrderStatus(data->orderNumber), QStringLiteral("ready"));

        // In the pickup store's list at once, with the order's code.
        const QJsonObject row = pickupRow(data->orderNumber, m_utrToken);
        auto pickup = Protocol::pickupFromJson(row, Protocol::Reading::Tolerant);
        QVERIFY2(pickup, QJsonDocument(row).toJson().constData());
        QCOMPARE(pickup->kind, Core::PickupKind::WebOrder);
        QCOMPARE(pickup->status, Core::PickupStatus::Ready);
        QCOMPARE(pickup->customerName, QStringLiteral("Eva de Vries"));
        QVERIFY(Core::pickupCodeMatches(data->orderNumber, data->pickupCode, pickup->codeHash));
        QCOMPARE(pickup->lines.size(), 1);
        QCOMPARE(pickup->lines.first().quantity, 2);

        // The Returns lookup finds it like any web order.
        const HttpAnswer found = m_server.request(
            "GET", QStringLiteral("/v1/returns/lookup?code=") + data->orderNumber, {}, m_utrToken);
        QVERIFY2(found.status == 200, found.body.constData());
        const QJsonObject lookedUp = found.json.value(QStringLiteral("order")).toObject();
        QCOMPARE(lookedUp.value(QStringLiteral("origin")).toString(), QStringLiteral("web_order"));
        QCOMPARE(lookedUp.value(QStringLiteral("tenders")).toArray().size(), 1);

        // Handed over in two visits.
        const auto first = push(m_utrDevice, m_utrToken,
            { envelope(m_utrDevice, utrSupervisor, QStringLiteral("pickup_handed_over"),
                Protocol::toJson(
                    handover(data->orderNumber, Core::PickupKind::WebOrder, QStringLiteral("UTR01"),
                        utrSupervisor, { { QStringLiteral("L1"), 1 } }, data->pickupCode)),
                m_utrSeq) });
        QCOMPARE(first.first().first, QStringLiteral("applied"));
        QCOMPARE(webOrderStatus(data->orderNumber), QStringLiteral("partly_collected"));
        const auto tooMany = push(m_utrDevice, m_utrToken,
            { envelope(m_utrDevice, utrSupervisor, QStringLiteral("pickup_handed_over"),
                Protocol::toJson(
                    handover(data->orderNumber, Core::PickupKind::WebOrder, QStringLiteral("UTR01"),
                        utrSupervisor, { { QStringLiteral("L1"), 2 } }, data->pickupCode)),
                m_utrSeq) });
        QCOMPARE(tooMany.first().second, QStringLiteral("pickup.quantity"));
        const auto rest = push(m_utrDevice, m_utrToken,
            { envelope(m_utrDevice, utrSupervisor, QStringLiteral("pickup_handed_over"),
                Protocol::toJson(
                    handover(data->orderNumber, Core::PickupKind::WebOrder, QStringLiteral("UTR01"),
                        utrSupervisor, { { QStringLiteral("L1"), 1 } }, data->pickupCode)),
                m_utrSeq) });
        QCOMPARE(rest.first().first, QStringLiteral("applied"));
        QCOMPARE(
            pickupRow(data->orderNumber, m_utrToken).value(QStringLiteral("status")).toString(),
            QStringLiteral("collected"));
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT collected_quantity FROM web_order_lines l "
                                                "JOIN web_orders w ON w.id = l.order_id WHERE "
                                                "w.order_number = ?"),
                     { data->orderNumber }),
            2);
    }

    void uncollectedWebOrderGoesBackToStock()
    {
        // A store-pickup order of 3, paid; the customer takes 1 and never comes back for 2.
        const qint64 before = onHand(1, 2);
        const QString orderId = newId();
        const HttpAnswer ordered = order(orderId, 1, 3);
        QVERIFY2(ordered.status == 201, ordered.body.constData());
        auto data = Protocol::orderFromJson(ordered.json, Protocol::Reading::Tolerant);
        QVERIFY2(data, ordered.body.constData());
        Core::Sale sale = makeSale(QStringLiteral("AMS01"), 1, 3);
        sale.order = utrPickupOrder(orderId, data->orderNumber);
        const HttpAnswer pushed = pushSaleFromAms(sale);
        QVERIFY2(pushed.status == 200, pushed.body.constData());
        QCOMPARE(onHand(1, 2), before - 3);
        const auto first = push(m_utrDevice, m_utrToken,
            { envelope(m_utrDevice, utrSupervisor, QStringLiteral("pickup_handed_over"),
                Protocol::toJson(
                    handover(data->orderNumber, Core::PickupKind::WebOrder, QStringLiteral("UTR01"),
                        utrSupervisor, { { QStringLiteral("L1"), 1 } }, data->pickupCode)),
                m_utrSeq) });
        QCOMPARE(first.first().first, QStringLiteral("applied"));

        Protocol::PickupNotCollected release;
        release.handoverId = newId();
        release.reference = data->orderNumber;
        release.kind = Core::PickupKind::WebOrder;
        release.storeCode = QStringLiteral("UTR01");
        release.staffId = utrSupervisor;
        release.at = QDateTime::currentDateTimeUtc();
        const auto released = push(m_utrDevice, m_utrToken,
            { envelope(m_utrDevice, utrSupervisor, QStringLiteral("pickup_not_collected"),
                Protocol::toJson(release), m_utrSeq) });
        QCOMPARE(released.first().first, QStringLiteral("applied"));
        QCOMPARE(webOrderStatus(data->orderNumber), QStringLiteral("not_collected"));
        // The 2 left on the shelf are the store's stock again, and the feed says so.
        QCOMPARE(onHand(1, 2), before - 1);
        QCOMPARE(feedAvailable(1, 2, m_utrToken), before - 1 - held(1, 2));

        // A second release (another handover id) finds the order closed: no stock twice.
        release.handoverId = newId();
        const auto again = push(m_utrDevice, m_utrToken,
            { envelope(m_utrDevice, utrSupervisor, QStringLiteral("pickup_not_collected"),
                Protocol::toJson(release), m_utrSeq) });
        QCOMPARE(again.first().first, QStringLiteral("rejected"));
        QCOMPARE(onHand(1, 2), before - 1);

        // The sweep does the same for an order past pickup.release_days (7 by default).
        const QString lateId = newId();
        const HttpAnswer late = order(lateId, 1, 2);
        QVERIFY2(late.status == 201, late.body.constData());
        const QString lateNumber = late.json.value(QStringLiteral("orderNumber")).toString();
        Core::Sale lateSale = makeSale(QStringLiteral("AMS01"), 1, 2);
        lateSale.order = utrPickupOrder(lateId, lateNumber);
        QVERIFY(pushSaleFromAms(lateSale).status == 200);
        QCOMPARE(onHand(1, 2), before - 3);
        QCOMPARE(m_server.scalar(QStringLiteral("UPDATE web_orders SET ready_at = ? WHERE "
                                                "order_number = ? RETURNING 1"),
                     { QDateTime::currentDateTimeUtc().addDays(-8).toString(Qt::ISODateWithMs),
                         lateNumber }),
            1);
        QTRY_COMPARE_WITH_TIMEOUT(
            webOrderStatus(lateNumber), QStringLiteral("not_collected"), 10000);
        QCOMPARE(onHand(1, 2), before - 1);
    }

    void wrongDeliveryPriceRefused()
    {
        const QString orderId = newId();
        const HttpAnswer ordered = order(orderId, 5, 1);
        QVERIFY2(ordered.status == 201, ordered.body.constData());
        const QString number = ordered.json.value(QStringLiteral("orderNumber")).toString();
        Core::Sale sale = makeSale(QStringLiteral("AMS01"), 5, 1);
        sale.lines.append(deliveryLine(sale, 495));
        finishSale(sale);
        Core::SaleOrder saleOrder = utrPickupOrder(orderId, number);
        saleOrder.delivery.price = Core::Money::fromCents(495); // store pickup is free
        saleOrder.deliveryLineId = QStringLiteral("D1");
        sale.order = saleOrder;
        const HttpAnswer pushed = pushSaleFromAms(sale);
        auto parsed = Protocol::PushResponse::fromJson(pushed.json);
        QVERIFY2(parsed, pushed.body.constData());
        QCOMPARE(parsed->results.first().outcome, Protocol::PushOutcome::Rejected);
        QCOMPARE(parsed->results.first().code, QStringLiteral("order.delivery"));
        // Nothing changed: the hold still holds, no web order, no stock moved.
        QCOMPARE(m_server.text(
                     QStringLiteral("SELECT status FROM holds WHERE order_number = ?"), { number }),
            QStringLiteral("held"));
        QCOMPARE(m_server.scalar(
                     QStringLiteral("SELECT COUNT(*) FROM web_orders WHERE order_number = ?"),
                     { number }),
            0);
        QCOMPARE(onHand(5, 1), 100);
        QCOMPARE(onHand(5, 2), 100);
    }

    void orderRefusals_data()
    {
        QTest::addColumn<qint64>("unitPrice");
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("postcode");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("price the product does not have")
            << qint64(900) << QStringLiteral("WEB01") << QStringLiteral("1011 AB") << 409
            << QStringLiteral("order.price");
        QTest::newRow("home delivery from a store")
            << qint64(1000) << QStringLiteral("UTR01") << QStringLiteral("1011 AB") << 400
            << QStringLiteral("delivery.store");
        QTest::newRow("no postcode") << qint64(1000) << QStringLiteral("WEB01") << QString() << 400
                                     << QStringLiteral("address.postcode");
    }
    void orderRefusals()
    {
        QFETCH(qint64, unitPrice);
        QFETCH(QString, from);
        QFETCH(QString, postcode);
        QFETCH(int, status);
        QFETCH(QString, code);
        Protocol::OrderRequest request;
        request.orderId = newId();
        request.staffId = amsCashier;
        request.fromLocationCode = from;
        request.lines = { { 6, 1, unitPrice } };
        request.delivery.kind = Core::DeliveryKind::Home;
        request.delivery.optionCode = QStringLiteral("standard");
        request.delivery.address = { QStringLiteral("Eva de Vries"), QStringLiteral("Damrak 1"),
            postcode, QStringLiteral("Amsterdam"), QStringLiteral("NL") };
        request.customer.name = QStringLiteral("Eva de Vries");
        const HttpAnswer answer = m_server.request(
            "POST", QStringLiteral("/v1/orders"), toBody(Protocol::toJson(request)), m_amsToken);
        QCOMPARE(answer.status, status);
        QCOMPARE(errorCode(answer), code);
        QCOMPARE(held(6, 3), 0); // nothing held
    }

    void homeDeliveryOrderIsOrdered()
    {
        Protocol::OrderRequest request;
        request.orderId = newId();
        request.staffId = amsCashier;
        request.fromLocationCode = QStringLiteral("WEB01");
        request.lines = { { 6, 2, 1000 } };
        request.delivery.kind = Core::DeliveryKind::Home;
        request.delivery.optionCode = QStringLiteral("standard");
        request.delivery.address = { QStringLiteral("Eva de Vries"), QStringLiteral("Damrak 1"),
            QStringLiteral("1011 AB"), QStringLiteral("Amsterdam"), QStringLiteral("NL") };
        request.customer.name = QStringLiteral("Eva de Vries");
        const HttpAnswer ordered = m_server.request(
            "POST", QStringLiteral("/v1/orders"), toBody(Protocol::toJson(request)), m_amsToken);
        QVERIFY2(ordered.status == 201, ordered.body.constData());
        auto data = Protocol::orderFromJson(ordered.json, Protocol::Reading::Tolerant);
        QVERIFY2(data, ordered.body.constData());
        QCOMPARE(data->deliveryPriceCents, 495); // € 20 of goods: standard delivery costs
        QVERIFY(data->pickupCode.isEmpty());
        QCOMPARE(held(6, 3), 2);

        Core::Sale sale = makeSale(QStringLiteral("AMS01"), 6, 2);
        Core::SaleLine delivery = deliveryLine(sale, 495);
        delivery.productId = 999999; // no catalog product: the delivery line is not priced by it
        delivery.sku = QStringLiteral("DELIVERY");
        delivery.name = QStringLiteral("Delivery");
        sale.lines.append(delivery);
        finishSale(sale);
        Core::SaleOrder saleOrder;
        saleOrder.orderId = request.orderId;
        saleOrder.orderNumber = data->orderNumber;
        saleOrder.delivery = request.delivery;
        saleOrder.delivery.price = Core::Money::fromCents(495);
        saleOrder.lineIds = { QStringLiteral("L1") };
        saleOrder.deliveryLineId = QStringLiteral("D1");
        sale.order = saleOrder;
        const HttpAnswer pushed = pushSaleFromAms(sale);
        auto parsed = Protocol::PushResponse::fromJson(pushed.json);
        QVERIFY2(parsed, pushed.body.constData());
        QVERIFY2(parsed->results.first().outcome == Protocol::PushOutcome::Applied,
            qPrintable(
                parsed->results.first().code + QLatin1Char(' ') + parsed->results.first().reason));
        QCOMPARE(onHand(6, 3), 8);
        QCOMPARE(held(6, 3), 0);
        QCOMPARE(onHand(6, 1), 100);
        QCOMPARE(webOrderStatus(data->orderNumber), QStringLiteral("ordered"));
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT delivery_cents + total_cents FROM "
                                                "web_orders WHERE order_number = ?"),
                     { data->orderNumber }),
            2495);
        QVERIFY(pickupRow(data->orderNumber, m_amsToken).isEmpty()); // nothing to pick up
    }

    void cleanupTestCase() { m_server.kill(); }
};

QTEST_GUILESS_MAIN(TestHolds)
#include "tst_holds.moc"
