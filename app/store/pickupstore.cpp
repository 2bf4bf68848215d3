#include "pickupstore.h"

#include "datacipher.h"
#include "localdatabase.h"
#include "outbox.h"
#include "salesledger.h"
#include "storeerrors.h"

#include "app/core/tr.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Toonbank::Store {

using Core::Error;
using Core::Tr;

namespace {

QString iso(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString(QLatin1String(""));
}

QDateTime fromIso(const QString &text)
{
    if (text.isEmpty())
        return {};
    return QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}

bool run(QSqlQuery &query, const QString &sql, const QVariantList &values)
{
    if (!query.prepare(sql))
        return false;
    for (const QVariant &value : values)
        query.addBindValue(value);
    return query.exec();
}

Error storeFailed(const QString &detail)
{
    return Error::make(QStringLiteral("pickup.store_failed"),
        Tr::tr("The pickup could not be saved. Nothing was recorded; please try again."), detail);
}

Error storeFailed(const QSqlQuery &query)
{
    return storeFailed(query.lastError().text());
}

Error unknown(const QString &reference)
{
    return Error::make(QStringLiteral("pickup.unknown"),
        Tr::tr("This order is not in this store's pickup list."),
        QStringLiteral("reference %1").arg(reference));
}

// The effective status: this tablet's own handover or release counts while the server still
// reports the pickup open (the event is on its way).
Core::PickupStatus effective(const QString &server, const QString &local)
{
    const Core::PickupStatus serverStatus
        = Core::pickupStatusFromName(server).value_or(Core::PickupStatus::Ready);
    if (local.isEmpty() || !Core::isOpen(serverStatus))
        return serverStatus;
    return Core::pickupStatusFromName(local).value_or(serverStatus);
}

QByteArray linesToJson(const QList<Core::HandoverLine> &lines)
{
    QJsonArray array;
    for (const Core::HandoverLine &line : lines)
        array.append(QJsonObject { { QStringLiteral("lineId"), line.lineId },
            { QStringLiteral("quantity"), line.quantity } });
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

} // namespace

QList<Core::PickupLineState> StoredPickup::lineStates() const
{
    QList<Core::PickupLineState> states;
    for (const PickupLine &line : lines)
        states.append({ line.lineId, line.quantity, line.collected });
    return states;
}

int StoredPickup::unitsRemaining() const
{
    int units = 0;
    for (const PickupLine &line : lines)
        units += line.remaining();
    return units;
}

PickupStore::PickupStore(LocalDatabase &database)
    : m_db(database)
    , m_ledger(std::make_unique<SalesLedger>(database))
{ }

PickupStore::~PickupStore() = default;

Core::Status PickupStore::ensureCipher() const
{
    if (m_cipher)
        return Core::success();
    auto cipher = Internal::DataCipher::forDatabase(m_db);
    if (!cipher)
        return cipher.error();
    m_cipher = cipher.value();
    return Core::success();
}

Core::Status PickupStore::upsertFromFeed(const StoredPickup &p)
{
    if (auto ready = ensureCipher(); !ready)
        return ready;
    return m_db.transaction([&]() -> Core::Status {
        QSqlQuery q(m_db.connection());
        // What this tablet has handed over already (its events may not have reached the
        // server when the row was read there).
        QHash<QString, int> collectedHere;
        if (!run(q,
                QStringLiteral(
                    "SELECT line_id, collected_quantity FROM pickup_lines WHERE reference = ?"),
                { p.reference }))
            return Internal::queryFailed(q.lastError().text());
        while (q.next())
            collectedHere.insert(q.value(0).toString(), q.value(1).toInt());
        q.finish();

        const QJsonObject customer { { QStringLiteral("name"), p.customerName },
            { QStringLiteral("phone"), p.customerPhone } };
        const QString sealed = QString::fromLatin1(
            m_cipher->seal(QJsonDocument(customer).toJson(QJsonDocument::Compact)).toBase64());
        // The server's status is stored as is; local_status (this tablet's) stays until the
        // server reports the pickup closed or as far along.
        if (!run(q,
                QStringLiteral(
                    "INSERT INTO pickups(reference, kind, location_id, status, customer_sealed, "
                    "code_hash, ready_at, expires_at, total_cents, paid, local_status, "
                    "updated_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?) "
                    "ON CONFLICT(reference) DO UPDATE SET kind = excluded.kind, "
                    "location_id = excluded.location_id, status = excluded.status, "
                    "customer_sealed = excluded.customer_sealed, "
                    "code_hash = excluded.code_hash, ready_at = excluded.ready_at, "
                    "expires_at = excluded.expires_at, total_cents = excluded.total_cents, "
                    "paid = excluded.paid, updated_at = excluded.updated_at, "
                    "local_status = CASE WHEN excluded.status IN ('ready', 'partly_collected') "
                    "THEN pickups.local_status ELSE '' END"),
                { p.reference, Core::name(p.kind), p.locationId, Core::name(p.status), sealed,
                    p.codeHash, iso(p.readyAt), iso(p.expiresAt), p.total.cents(), p.paid ? 1 : 0,
                    iso(QDateTime::currentDateTimeUtc()) }))
            return Internal::queryFailed(q.lastError().text());
        if (!run(
                q, QStringLiteral("DELETE FROM pickup_lines WHERE reference = ?"), { p.reference }))
            return Internal::queryFailed(q.lastError().text());
        for (const PickupLine &line : p.lines) {
            const int collected = std::min(
                line.quantity, std::max(line.collected, collectedHere.value(line.lineId, 0)));
            if (!run(q,
                    QStringLiteral(
                        "INSERT INTO pickup_lines(reference, line_id, product_id, sku, "
                        "name, quantity, collected_quantity) VALUES(?, ?, ?, ?, ?, ?, ?)"),
                    { p.reference, line.lineId, line.productId, line.sku, line.name, line.quantity,
                        collected }))
                return Internal::queryFailed(q.lastError().text());
        }
        return Core::success();
    });
}

Core::Result<QList<StoredPickup>> PickupStore::select(
    const QString &where, const QVariantList &values) const
{
    if (auto ready = ensureCipher(); !ready)
        return ready.error();
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!run(q,
            QStringLiteral("SELECT reference, kind, location_id, status, local_status, "
                           "customer_sealed, code_hash, ready_at, expires_at, total_cents, paid, "
                           "wrong_codes FROM pickups WHERE ")
                + where + QStringLiteral(" ORDER BY ready_at, reference"),
            values))
        return Internal::queryFailed(q.lastError().text());
    QList<StoredPickup> pickups;
    while (q.next()) {
        StoredPickup p;
        p.reference = q.value(0).toString();
        p.kind
            = Core::pickupKindFromName(q.value(1).toString()).value_or(Core::PickupKind::WebOrder);
        p.locationId = q.value(2).toLongLong();
        p.status = effective(q.value(3).toString(), q.value(4).toString());
        const QByteArray sealed = QByteArray::fromBase64(q.value(5).toString().toLatin1());
        if (!sealed.isEmpty()) {
            Core::Result<QByteArray> opened = m_cipher->open(sealed);
            if (!opened)
                return opened.error();
            const QJsonObject customer = QJsonDocument::fromJson(opened.value()).object();
            p.customerName = customer.value(QStringLiteral("name")).toString();
            p.customerPhone = customer.value(QStringLiteral("phone")).toString();
        }
        p.codeHash = q.value(6).toString();
        p.readyAt = fromIso(q.value(7).toString());
        p.expiresAt = fromIso(q.value(8).toString());
        p.total = Core::Money::fromCents(q.value(9).toLongLong());
        p.paid = q.value(10).toInt() != 0;
        p.wrongCodes = q.value(11).toInt();
        pickups.append(p);
    }
    q.finish();
    for (StoredPickup &p : pickups) {
        if (!run(q,
                QStringLiteral("SELECT line_id, product_id, sku, name, quantity, "
                               "collected_quantity FROM pickup_lines WHERE reference = ? "
                               "ORDER BY line_id"),
                { p.reference }))
            return Internal::queryFailed(q.lastError().text());
        while (q.next())
            p.lines.append({ q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toString(),
                q.value(3).toString(), q.value(4).toInt(), q.value(5).toInt() });
        q.finish();
    }
    return pickups;
}

Core::Result<QList<StoredPickup>> PickupStore::openPickups(qint64 locationId) const
{
    Core::Result<QList<StoredPickup>> all
        = select(QStringLiteral("location_id = ? AND status IN ('ready', 'partly_collected')"),
            { locationId });
    if (!all)
        return all;
    QList<StoredPickup> open;
    for (const StoredPickup &p : all.value()) {
        if (Core::isOpen(p.status))
            open.append(p);
    }
    return open;
}

Core::Result<std::optional<StoredPickup>> PickupStore::find(const QString &reference) const
{
    Core::Result<QList<StoredPickup>> found
        = select(QStringLiteral("reference = ?"), { reference });
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<StoredPickup>();
    return std::optional<StoredPickup>(found->first());
}

Core::Result<StoredPickup> PickupStore::pickup(const QString &reference) const
{
    Core::Result<std::optional<StoredPickup>> found = find(reference);
    if (!found)
        return found.error();
    if (!found.value())
        return unknown(reference);
    return *found.value();
}

Core::Result<StoredPickup> PickupStore::pickupToWrite(const QString &reference) const
{
    Core::Result<std::optional<StoredPickup>> found = find(reference);
    if (!found)
        return storeFailed(found.error().detail);
    if (!found.value())
        return unknown(reference);
    return *found.value();
}

Core::Result<Core::PickupCodeAttempt> PickupStore::checkCode(
    const QString &reference, const QString &code)
{
    Core::PickupCodeAttempt attempt;
    // Durable: a lock-out must survive a power cut as well as a restart.
    const Core::Status status = m_db.durableTransaction([&]() -> Core::Status {
        Core::Result<StoredPickup> found = pickupToWrite(reference);
        if (!found)
            return found.error();
        const StoredPickup &pickup = found.value();
        attempt = Core::checkPickupCode(reference, code, pickup.codeHash, pickup.wrongCodes);
        if (attempt.wrongCodes == pickup.wrongCodes)
            return Core::success();
        QSqlQuery q(m_db.connection());
        if (!run(q, QStringLiteral("UPDATE pickups SET wrong_codes = ? WHERE reference = ?"),
                { attempt.wrongCodes, reference })
            || q.numRowsAffected() != 1)
            return storeFailed(q);
        return Core::success();
    });
    if (!status)
        return status.error();
    return attempt;
}

Core::Result<RecordedPickupEvent> PickupStore::recordHandover(const QString &reference,
    const QString &handoverId, qint64 staffId, Core::PickupVerification verifiedBy,
    const QList<Core::HandoverLine> &lines, const QDateTime &at, const PayloadBuilder &payload)
{
    return record(
        reference, handoverId, staffId, Core::name(verifiedBy), lines, false, at, payload);
}

Core::Result<RecordedPickupEvent> PickupStore::recordNotCollected(const QString &reference,
    const QString &handoverId, qint64 staffId, const QDateTime &at, const PayloadBuilder &payload)
{
    return record(
        reference, handoverId, staffId, QString(QLatin1String("")), {}, true, at, payload);
}

Core::Result<RecordedPickupEvent> PickupStore::record(const QString &reference,
    const QString &handoverId, qint64 staffId, const QString &verifiedBy,
    const QList<Core::HandoverLine> &lines, bool notCollected, const QDateTime &at,
    const PayloadBuilder &payload)
{
    RecordedPickupEvent recorded;
    const Core::Status status = m_db.durableTransaction([&]() -> Core::Status {
        Core::Result<StoredPickup> found = pickupToWrite(reference);
        if (!found)
            return found.error();
        const StoredPickup &before = found.value();
        Core::PickupStatus after = Core::PickupStatus::NotCollected;
        if (notCollected) {
            if (before.status == Core::PickupStatus::Collected)
                return Error::make(QStringLiteral("pickup.already_collected"),
                    Tr::tr("This order has already been collected."),
                    QStringLiteral("status collected"));
            if (!Core::isOpen(before.status))
                return Error::make(QStringLiteral("pickup.closed"),
                    Tr::tr("This order is no longer waiting for pickup: it was released."),
                    QStringLiteral("status %1").arg(Core::name(before.status)));
        } else {
            const QList<Core::PickupLineState> states = before.lineStates();
            if (auto ok = Core::checkHandover(before.status, states, lines); !ok)
                return ok;
            after = Core::statusAfter(Core::applyHandover(states, lines));
        }
        Core::Result<QByteArray> body = payload(before);
        if (!body)
            return body.error();

        QSqlQuery q(m_db.connection());
        for (const Core::HandoverLine &line : lines) {
            if (line.quantity == 0)
                continue;
            if (!run(q,
                    QStringLiteral("UPDATE pickup_lines SET collected_quantity = "
                                   "collected_quantity + ? WHERE reference = ? AND line_id = ?"),
                    { line.quantity, reference, line.lineId })
                || q.numRowsAffected() != 1)
                return storeFailed(q);
        }
        if (!run(q,
                QStringLiteral("UPDATE pickups SET local_status = ?, updated_at = ? "
                               "WHERE reference = ?"),
                { Core::name(after), iso(at), reference }))
            return storeFailed(q);
        if (!run(q,
                QStringLiteral("INSERT INTO pickup_handovers(handover_id, reference, kind, "
                               "staff_id, verified_by, lines, at) VALUES(?, ?, ?, ?, ?, ?, ?)"),
                { handoverId, reference,
                    notCollected ? QStringLiteral("not_collected") : QStringLiteral("handed_over"),
                    staffId, verifiedBy, QString::fromUtf8(linesToJson(lines)), iso(at) }))
            return storeFailed(q);
        const QString eventType = notCollected ? QStringLiteral("pickup_not_collected")
                                               : QStringLiteral("pickup_handed_over");
        // The typed pickup code: sealed in the outbox (until the server has it), never in the
        // journal.
        QJsonObject journalBody = QJsonDocument::fromJson(body.value()).object();
        const bool carriesCode = journalBody.contains(QLatin1String("code"));
        journalBody.remove(QLatin1String("code"));
        Core::Result<QString> eventId = Outbox(m_db).append(eventType, staffId, at, body.value(),
            carriesCode ? Outbox::Privacy::Personal : Outbox::Privacy::Plain);
        if (!eventId)
            return storeFailed(eventId.error().detail);
        recorded.eventId = eventId.value();
        Core::Result<qint64> seq
            = m_ledger->recordJournal(QStringLiteral("pickup"), reference, journalBody, at);
        if (!seq)
            return storeFailed(seq.error().detail);
        recorded.journalSeq = seq.value();
        recorded.status = after;
        if (m_beforeCommit)
            m_beforeCommit();
        return Core::success();
    });
    if (!status)
        return status.error();
    return recorded;
}

Core::Result<QList<PickupStore::HandoverRow>> PickupStore::handovers(const QString &reference) const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!run(q,
            QStringLiteral("SELECT handover_id, kind, staff_id, verified_by, lines, at FROM "
                           "pickup_handovers WHERE reference = ? ORDER BY at, rowid"),
            { reference }))
        return Internal::queryFailed(q.lastError().text());
    QList<HandoverRow> rows;
    while (q.next())
        rows.append({ q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(),
            q.value(3).toString(), q.value(4).toString().toUtf8(),
            fromIso(q.value(5).toString()) });
    return rows;
}

} // namespace Toonbank::Store
