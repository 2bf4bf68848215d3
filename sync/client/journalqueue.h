#pragma once

#include "app/core/journal.h"
#include "app/core/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace Toonbank::Store {
class LocalDatabase;
} // namespace Toonbank::Store

namespace Toonbank::Sync::Client {

/// Reads journal entries from a tablet cache connection (the `journal` table, written by
/// Store::SalesLedger): those with seq > `afterSeq`, in seq order, at most `limit` (< 0: all).
/// Works on any connection to a cache, also a read-only one (toonbank-synctool verify-journal).
/// Error: "cache.query_failed".
Core::Result<QList<Core::JournalEntry>> readJournal(
    const QSqlDatabase &db, qint64 afterSeq, int limit);

/// The tablet's journal entries the server has not acknowledged yet (docs/STOREOPS.md, "The
/// journal, verified end to end"). The acknowledged seq lives in sync_state
/// (`journal_acked_seq`) and only ever goes up: it is the highest seq the server said it holds
/// (PushResponse::journalSeq).
class JournalQueue final
{
    Q_DISABLE_COPY_MOVE(JournalQueue)
public:
    static QString ackedKey(); // "journal_acked_seq"

    explicit JournalQueue(Store::LocalDatabase &database);

    /// The highest seq the server acknowledged (0: none).
    qint64 ackedSeq() const;
    /// The entries after ackedSeq(), in seq order, at most `limit`.
    Core::Result<QList<Core::JournalEntry>> unsent(int limit) const;
    /// Stores the server's highest seq when it is above the acknowledged one; a lower value
    /// (an older answer, a server restored from backup) changes nothing. True when it moved.
    Core::Result<bool> acknowledge(qint64 serverSeq);

private:
    Store::LocalDatabase &m_db;
};

} // namespace Toonbank::Sync::Client
