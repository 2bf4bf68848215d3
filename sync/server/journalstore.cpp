#include "journalstore.h"

#include "serverdatabase.h"

#include "app/core/tr.h"

#include <QDateTime>
#include <QMap>
#include <QSqlQuery>

#include <algorithm>

namespace Toonbank::Sync::Server {

namespace {

const QString entryColumns = QStringLiteral(
    "seq, recorded_at, kind, reference, amount_cents, grand_total_cents, body, prev_hash, hash");

Core::JournalEntry entryFrom(QSqlQuery &q)
{
    Core::JournalEntry entry;
    entry.seq = q.value(0).toLongLong();
    entry.recordedAt = q.value(1).toString();
    entry.kind = q.value(2).toString();
    entry.reference = q.value(3).toString();
    entry.amountCents = q.value(4).toLongLong();
    entry.grandTotalCents = q.value(5).toLongLong();
    entry.body = q.value(6).toString().toUtf8();
    entry.prevHash = q.value(7).toString();
    entry.hash = q.value(8).toString();
    return entry;
}

struct NewAlert
{
    qint64 seq = 0;
    QString code;
    QString detail;
};

} // namespace

JournalStore::JournalStore(ServerDatabase &database)
    : m_db(database)
{ }

Core::Result<qint64> JournalStore::highestSeq(const QString &deviceId)
{
    auto q = m_db.exec(
        QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM journal_entries WHERE device_id = ?"),
        { deviceId });
    if (!q)
        return q.error();
    return q.value().next() ? q.value().value(0).toLongLong() : 0;
}

Core::Result<qint64> JournalStore::receive(
    const QString &deviceId, const QList<Core::JournalEntry> &entries)
{
    if (entries.isEmpty())
        return highestSeq(deviceId);
    // The tablet sends them in seq order; sorting (stable) only guards the chain check.
    QList<Core::JournalEntry> incoming = entries;
    std::stable_sort(incoming.begin(), incoming.end(),
        [](const Core::JournalEntry &a, const Core::JournalEntry &b) { return a.seq < b.seq; });
    const qint64 firstSeq = incoming.constFirst().seq;
    const qint64 lastSeq = incoming.constLast().seq;

    qint64 highest = 0;
    Core::Status done = m_db.transaction([&]() -> Core::Status {
        const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        // One writer per device's journal at a time, so "the previous stored entry" is the
        // one every instance sees. SQLite's write transaction already is exclusive.
        if (m_db.dialect() == Dialect::Postgres) {
            auto locked = m_db.exec(
                QStringLiteral("SELECT id FROM devices WHERE id = ? FOR UPDATE"), { deviceId });
            if (!locked)
                return locked.error();
            locked.value().finish();
        }
        std::optional<Core::JournalEntry> previous;
        {
            auto q = m_db.exec(QStringLiteral("SELECT ") + entryColumns
                    + QStringLiteral(" FROM journal_entries WHERE device_id = ? AND seq < ? "
                                     "ORDER BY seq DESC LIMIT 1"),
                { deviceId, firstSeq });
            if (!q)
                return q.error();
            if (q.value().next())
                previous = entryFrom(q.value());
        }
        QMap<qint64, Core::JournalEntry> stored;
        {
            auto q = m_db.exec(QStringLiteral("SELECT ") + entryColumns
                    + QStringLiteral(" FROM journal_entries WHERE device_id = ? AND seq >= ? "
                                     "AND seq <= ?"),
                { deviceId, firstSeq, lastSeq });
            if (!q)
                return q.error();
            while (q.value().next()) {
                Core::JournalEntry entry = entryFrom(q.value());
                stored.insert(entry.seq, entry);
            }
        }

        QList<QVariantList> rows;
        QList<NewAlert> alerts;
        for (const Core::JournalEntry &entry : std::as_const(incoming)) {
            if (auto it = stored.constFind(entry.seq); it != stored.constEnd()) {
                if (it->hash != entry.hash)
                    alerts.append({ entry.seq, QStringLiteral("journal.conflict"),
                        Core::Tr::tr("Entry %1 arrived again with another content: the entry "
                                     "stored first (hash %2) was kept, hash %3 was not.")
                            .arg(entry.seq)
                            .arg(it->hash.left(16), entry.hash.left(16)) });
                previous = *it;
                continue;
            }
            const Core::Status checked
                = Core::checkJournalEntry(previous ? &*previous : nullptr, entry);
            if (!checked)
                alerts.append({ entry.seq, checked.error().code, checked.error().message });
            if (entry.seq <= 0)
                continue; // cannot be stored (seq > 0); the alert says so
            rows.append({ deviceId, entry.seq, entry.recordedAt, entry.kind, entry.reference,
                entry.amountCents, entry.grandTotalCents, QString::fromUtf8(entry.body),
                entry.prevHash, entry.hash, now });
            stored.insert(entry.seq, entry);
            previous = entry;
        }
        // The primary key decides: an entry another instance stored meanwhile stays as it is
        // (the device lock makes that impossible in practice; SQLite has one writer).
        if (Core::Status inserted = m_db.insertRows(QStringLiteral("journal_entries"),
                { QStringLiteral("device_id"), QStringLiteral("seq"), QStringLiteral("recorded_at"),
                    QStringLiteral("kind"), QStringLiteral("reference"),
                    QStringLiteral("amount_cents"), QStringLiteral("grand_total_cents"),
                    QStringLiteral("body"), QStringLiteral("prev_hash"), QStringLiteral("hash"),
                    QStringLiteral("received_at") },
                rows, QStringLiteral("ON CONFLICT(device_id, seq) DO NOTHING"));
            !inserted)
            return inserted;
        for (const NewAlert &alert : std::as_const(alerts)) {
            // A conflict sent again (a retry after a lost answer) is alerted once.
            auto q = m_db.exec(
                QStringLiteral("INSERT INTO journal_alerts(device_id, seq, code, detail, "
                               "detected_at) SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 "
                               "FROM journal_alerts WHERE device_id = ? AND seq = ? AND code = "
                               "? AND detail = ?)"),
                { deviceId, alert.seq, alert.code, alert.detail, now, deviceId, alert.seq,
                    alert.code, alert.detail });
            if (!q)
                return q.error();
        }
        Core::Result<qint64> max = highestSeq(deviceId);
        if (!max)
            return max.error();
        highest = max.value();
        return Core::success();
    });
    if (!done)
        return done.error();
    return highest;
}

Core::Result<QList<Core::JournalEntry>> JournalStore::entries(const QString &deviceId)
{
    auto q = m_db.exec(QStringLiteral("SELECT ") + entryColumns
            + QStringLiteral(" FROM journal_entries WHERE device_id = ? ORDER BY seq"),
        { deviceId });
    if (!q)
        return q.error();
    QList<Core::JournalEntry> list;
    while (q.value().next())
        list.append(entryFrom(q.value()));
    return list;
}

Core::Result<QList<JournalAlert>> JournalStore::unresolvedAlerts(const QString &deviceId)
{
    const bool one = !deviceId.isEmpty();
    auto q = m_db.exec(
        QStringLiteral("SELECT id, device_id, seq, code, detail, detected_at FROM journal_alerts "
                       "WHERE resolved_at = ''")
            + (one ? QStringLiteral(" AND device_id = ?") : QString())
            + QStringLiteral(" ORDER BY id"),
        one ? QVariantList { deviceId } : QVariantList {});
    if (!q)
        return q.error();
    QList<JournalAlert> list;
    while (q.value().next()) {
        JournalAlert alert;
        alert.id = q.value().value(0).toLongLong();
        alert.deviceId = q.value().value(1).toString();
        alert.seq = q.value().value(2).toLongLong();
        alert.code = q.value().value(3).toString();
        alert.detail = q.value().value(4).toString();
        alert.detectedAt = q.value().value(5).toString();
        list.append(alert);
    }
    return list;
}

Core::Result<bool> JournalStore::knowsDevice(const QString &deviceId)
{
    auto q = m_db.exec(QStringLiteral("SELECT (SELECT COUNT(*) FROM devices WHERE id = ?) + "
                                      "(SELECT COUNT(*) FROM journal_entries WHERE device_id = ?)"),
        { deviceId, deviceId });
    if (!q)
        return q.error();
    return q.value().next() && q.value().value(0).toLongLong() > 0;
}

} // namespace Toonbank::Sync::Server
