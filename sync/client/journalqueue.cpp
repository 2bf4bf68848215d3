#include "journalqueue.h"

#include "app/store/localdatabase.h"
#include "app/store/storeerrors.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Toonbank::Sync::Client {

Core::Result<QList<Core::JournalEntry>> readJournal(
    const QSqlDatabase &db, qint64 afterSeq, int limit)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(QStringLiteral(
            "SELECT seq, recorded_at, kind, reference, amount_cents, grand_total_cents, body, "
            "prev_hash, hash FROM journal WHERE seq > ? ORDER BY seq LIMIT ?")))
        return Store::Internal::queryFailed(q.lastError().text());
    q.addBindValue(afterSeq);
    q.addBindValue(limit < 0 ? qint64(-1) : qint64(limit)); // SQLite: LIMIT -1 is no limit
    if (!q.exec())
        return Store::Internal::queryFailed(q.lastError().text());
    QList<Core::JournalEntry> entries;
    while (q.next()) {
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
        entries.append(std::move(entry));
    }
    if (q.lastError().isValid())
        return Store::Internal::queryFailed(q.lastError().text());
    return entries;
}

QString JournalQueue::ackedKey()
{
    return QStringLiteral("journal_acked_seq");
}

JournalQueue::JournalQueue(Store::LocalDatabase &database)
    : m_db(database)
{ }

qint64 JournalQueue::ackedSeq() const
{
    QSqlQuery q(m_db.connection());
    if (q.prepare(QStringLiteral("SELECT value FROM sync_state WHERE key = ?"))) {
        q.addBindValue(ackedKey());
        if (q.exec() && q.next())
            return qMax<qint64>(0, q.value(0).toString().toLongLong());
    }
    return 0;
}

Core::Result<QList<Core::JournalEntry>> JournalQueue::unsent(int limit) const
{
    return readJournal(m_db.connection(), ackedSeq(), qMax(1, limit));
}

Core::Result<bool> JournalQueue::acknowledge(qint64 serverSeq)
{
    if (serverSeq <= 0)
        return false;
    // One statement, so two answers applied in any order leave the higher one.
    QSqlQuery q(m_db.connection());
    if (!q.prepare(QStringLiteral(
            "INSERT INTO sync_state(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET "
            "value = excluded.value WHERE CAST(sync_state.value AS INTEGER) < "
            "CAST(excluded.value AS INTEGER)")))
        return Store::Internal::queryFailed(q.lastError().text());
    q.addBindValue(ackedKey());
    q.addBindValue(QString::number(serverSeq));
    if (!q.exec())
        return Store::Internal::queryFailed(q.lastError().text());
    return q.numRowsAffected() > 0;
}

} // namespace Toonbank::Sync::Client
