#include "outbox.h"

#include "customercache.h"
#include "datacipher.h"
#include "feedcursors.h"
#include "localdatabase.h"
#include "storeerrors.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace Toonbank::Store {

namespace {

const QString lastPullKey = QStringLiteral("last_pull_at");

Core::Error failed(const QSqlQuery &query)
{
    return Internal::queryFailed(query.lastError().text());
}

bool run(QSqlQuery &query, const QString &sql, const QVariantList &values)
{
    if (!query.prepare(sql))
        return false;
    for (const QVariant &value : values)
        query.addBindValue(value);
    return query.exec();
}

const QLatin1String sealedPrefix("sealed:gcm1:");

OutboxEvent eventFrom(const QSqlQuery &q)
{
    OutboxEvent event;
    event.deviceSeq = q.value(0).toLongLong();
    event.eventId = q.value(1).toString();
    event.type = q.value(2).toString();
    event.staffId = q.value(3).toLongLong();
    event.occurredAt = QDateTime::fromString(q.value(4).toString(), Qt::ISODateWithMs).toUTC();
    event.payload = q.value(5).toString().toUtf8();
    event.attempts = q.value(6).toInt();
    return event;
}

const QString eventColumns
    = QStringLiteral("device_seq, event_id, type, staff_id, occurred_at, payload, attempts");

} // namespace

Outbox::Outbox(LocalDatabase &database)
    : m_db(database)
{ }

Outbox::~Outbox() = default;

QByteArray Outbox::clearPayload(const QString &stored) const
{
    if (!stored.startsWith(sealedPrefix))
        return stored.toUtf8();
    if (!m_cipher) {
        auto cipher = Internal::DataCipher::forDatabase(m_db);
        if (!cipher)
            return {};
        m_cipher = cipher.value();
    }
    Core::Result<QByteArray> plain
        = m_cipher->open(QByteArray::fromBase64(stored.mid(sealedPrefix.size()).toLatin1()));
    return plain ? plain.value() : QByteArray();
}

Core::Result<QString> Outbox::append(const QString &type, qint64 staffId,
    const QDateTime &occurredAt, const QByteArray &payload, Privacy privacy)
{
    QString stored = QString::fromUtf8(payload);
    if (privacy == Privacy::Personal) {
        if (!m_cipher) {
            auto cipher = Internal::DataCipher::forDatabase(m_db);
            if (!cipher)
                return cipher.error();
            m_cipher = cipher.value();
        }
        stored = sealedPrefix + QString::fromLatin1(m_cipher->seal(payload).toBase64());
    }
    const QString eventId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QSqlQuery q(m_db.connection());
    if (!run(q,
            QStringLiteral("INSERT INTO outbox(event_id, type, staff_id, occurred_at, payload) "
                           "VALUES(?, ?, ?, ?, ?)"),
            { eventId, type, staffId, occurredAt.toUTC().toString(Qt::ISODateWithMs), stored }))
        return failed(q);
    return eventId;
}

Core::Result<QList<OutboxEvent>> Outbox::pending(int limit) const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!run(q,
            QStringLiteral("SELECT ") + eventColumns
                + QStringLiteral(
                    " FROM outbox WHERE state = 'pending' ORDER BY device_seq LIMIT ?"),
            { limit }))
        return failed(q);
    QList<OutboxEvent> events;
    while (q.next()) {
        events.append(eventFrom(q));
        events.last().payload = clearPayload(q.value(5).toString());
    }
    return events;
}

Core::Status Outbox::recordOutcome(const QStringList &acknowledged,
    const QHash<QString, QString> &rejectedReasons, const QStringList &attempted)
{
    return recordOutcome(acknowledged, rejectedReasons, attempted, {});
}

Core::Status Outbox::recordOutcome(const QStringList &acknowledged,
    const QHash<QString, QString> &rejectedReasons, const QStringList &attempted,
    const QHash<QString, EnrolmentAck> &enrolments)
{
    return m_db.transaction([&]() -> Core::Status {
        QSqlQuery q(m_db.connection());
        for (const QString &id : attempted) {
            if (!run(q,
                    QStringLiteral("UPDATE outbox SET attempts = attempts + 1 WHERE event_id = ?"),
                    { id }))
                return failed(q);
        }
        QStringList settledSales;
        for (const QString &id : acknowledged) {
            if (!run(q, QStringLiteral("SELECT type, payload FROM outbox WHERE event_id = ?"),
                    { id }))
                return failed(q);
            const bool found = q.next();
            if (found && enrolments.contains(id)
                && q.value(0).toString() == QLatin1String("customer_enrolled")) {
                // The enrolment's card (sealed payload: personal data) and the server's answer.
                const QString card = QJsonDocument::fromJson(clearPayload(q.value(1).toString()))
                                         .object()
                                         .value(QStringLiteral("cardNumber"))
                                         .toString();
                q.finish();
                if (auto applied = CustomerCache(m_db).applyEnrolmentAck(
                        card, enrolments.value(id), QDateTime::currentDateTimeUtc());
                    !applied)
                    return applied;
            } else if (found && q.value(0).toString() == QLatin1String("sale")) {
                const QString saleId = QJsonDocument::fromJson(q.value(1).toString().toUtf8())
                                           .object()
                                           .value(QStringLiteral("saleId"))
                                           .toString();
                if (!saleId.isEmpty())
                    settledSales.append(saleId);
            }
            q.finish();
            if (!run(q, QStringLiteral("DELETE FROM outbox WHERE event_id = ?"), { id }))
                return failed(q);
        }
        // The points of an applied sale are the server's now.
        if (!settledSales.isEmpty()) {
            if (auto settled = CustomerCache(m_db).settlePoints(settledSales); !settled)
                return settled;
        }
        for (auto it = rejectedReasons.cbegin(); it != rejectedReasons.cend(); ++it) {
            if (!run(q,
                    QStringLiteral(
                        "UPDATE outbox SET state = 'rejected', last_error = ? WHERE event_id = ?"),
                    { it.value(), it.key() }))
                return failed(q);
        }
        return Core::success();
    });
}

Core::Status Outbox::markAcknowledged(const QStringList &eventIds)
{
    return recordOutcome(eventIds, {}, {});
}

Core::Status Outbox::markRejected(const QString &eventId, const QString &reason)
{
    return recordOutcome({}, { { eventId, reason } }, {});
}

Core::Status Outbox::noteFailedAttempt(const QStringList &eventIds, const QString &error)
{
    return m_db.transaction([&]() -> Core::Status {
        QSqlQuery q(m_db.connection());
        for (const QString &id : eventIds) {
            if (!run(q,
                    QStringLiteral("UPDATE outbox SET attempts = attempts + 1, last_error = ? "
                                   "WHERE event_id = ?"),
                    { error.left(500), id }))
                return failed(q);
        }
        return Core::success();
    });
}

Core::Result<OutboxCounts> Outbox::counts() const
{
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("SELECT coalesce(sum(state = 'pending'), 0), coalesce(sum(state = "
                               "'rejected'), 0) FROM outbox"))
        || !q.next())
        return failed(q);
    return OutboxCounts { q.value(0).toInt(), q.value(1).toInt() };
}

Core::Result<int> Outbox::retryRejected()
{
    int requeued = 0;
    const Core::Status done = m_db.transaction([&]() -> Core::Status {
        QSqlQuery select(m_db.connection());
        if (!select.exec(QStringLiteral(
                "SELECT device_seq FROM outbox WHERE state = 'rejected' ORDER BY device_seq")))
            return failed(select);
        QList<qint64> seqs;
        while (select.next())
            seqs.append(select.value(0).toLongLong());
        QSqlQuery q(m_db.connection());
        for (const qint64 seq : seqs) {
            // A copy under a fresh id and the next device_seq, then the old row goes: the
            // server would answer the old id "rejected" again for ever.
            if (!run(q,
                    QStringLiteral(
                        "INSERT INTO outbox(event_id, type, staff_id, occurred_at, payload) "
                        "SELECT ?, type, staff_id, occurred_at, payload FROM outbox WHERE "
                        "device_seq = ?"),
                    { QUuid::createUuid().toString(QUuid::WithoutBraces), seq })
                || !run(q, QStringLiteral("DELETE FROM outbox WHERE device_seq = ?"), { seq }))
                return failed(q);
            ++requeued;
        }
        return Core::success();
    });
    if (!done)
        return done.error();
    return requeued;
}

Core::Result<QList<QPair<OutboxEvent, QString>>> Outbox::rejected() const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT ") + eventColumns
            + QStringLiteral(
                ", last_error FROM outbox WHERE state = 'rejected' ORDER BY device_seq")))
        return failed(q);
    QList<QPair<OutboxEvent, QString>> events;
    while (q.next()) {
        events.append({ eventFrom(q), q.value(7).toString() });
        events.last().first.payload = clearPayload(q.value(5).toString());
    }
    return events;
}

QString Outbox::syncValue(const QString &key, const QString &fallback) const
{
    QSqlQuery q(m_db.connection());
    if (run(q, QStringLiteral("SELECT value FROM sync_state WHERE key = ?"), { key }) && q.next())
        return q.value(0).toString();
    return fallback;
}

Core::Status Outbox::setSyncValue(const QString &key, const QString &value)
{
    QSqlQuery q(m_db.connection());
    if (!run(q,
            QStringLiteral("INSERT INTO sync_state(key, value) VALUES(?, ?) "
                           "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
            { key, value }))
        return failed(q);
    return Core::success();
}

qint64 Outbox::pullCursor() const
{
    Core::Result<qint64> cursor = FeedCursors(m_db).cursor(FeedCursors::catalog);
    return cursor ? cursor.value() : 0;
}

Core::Status Outbox::setPullCursor(qint64 cursor)
{
    return FeedCursors(m_db).setCursor(FeedCursors::catalog, cursor);
}

QDateTime Outbox::lastPullAt() const
{
    const QString text = syncValue(lastPullKey);
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}

Core::Status Outbox::setLastPullAt(const QDateTime &when)
{
    return setSyncValue(lastPullKey, when.toUTC().toString(Qt::ISODateWithMs));
}

} // namespace Toonbank::Store
