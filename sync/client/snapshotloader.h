#pragma once

#include "app/core/result.h"
#include "sync/protocol/stockelsewhere.h"

#include <QElapsedTimer>
#include <QHash>
#include <QString>
#include <QStringList>

namespace Toonbank::Store {
class LocalDatabase;
} // namespace Toonbank::Store

namespace Toonbank::Sync::Client {

/// Where a first sync from a snapshot stands (docs/STOCK.md §2 "Tablet"). A value.
struct BootstrapProgress
{
    enum class Phase { None, Download, Verify, Stage, Swap };
    Phase phase = Phase::None;
    qint64 rowsDone = 0;
    qint64 rowsTotal = 0;
    qint64 bytesDone = 0;
    qint64 bytesTotal = 0;
    int secondsLeft = -1; // -1: not known yet

    bool active() const { return phase != Phase::None; }
    bool operator==(const BootstrapProgress &) const = default;
};

QString name(BootstrapProgress::Phase phase);

/// The tablet's side of a first sync from a snapshot: the file is downloaded next to the cache
/// (`<cache>.snapshot.part`), verified, copied table by table into `<table>_next` tables in
/// short transactions, then swapped in with one transaction. Every step records where it is
/// in `sync_state` (`snapshot.id`, `.size`, `.sha256`, `.cursor`, `.rows`, `.stage`,
/// `.copied.<table>` = the last copied key, `.rows_done`), so a new loader on the same cache
/// carries on where a killed one stopped. No network here: the caller (SyncWorker) fetches
/// the ranges and hands the bytes over; the tests do the same from a local file.
///
/// Stages (sync_state `snapshot.stage`): "download" → "stage" → "swapped" → (after the
/// caller's staff/web-order pull) "cleanup" → cleared.
class SnapshotLoader final
{
    Q_DISABLE_COPY_MOVE(SnapshotLoader)
public:
    /// `database` is the sync worker's own connection to the cache.
    explicit SnapshotLoader(Store::LocalDatabase &database);
    ~SnapshotLoader(); // detaches the snapshot file

    /// The download's file: `<cache>.snapshot.part`.
    static QString partPath(const QString &cachePath);
    static constexpr qint64 rangeBytes = 8 * 1024 * 1024;

    /// The stage recorded in the cache ("" when no snapshot is under way).
    QString stage() const;
    /// The snapshot being loaded, as recorded (valid when stage() is not empty).
    Protocol::SnapshotManifest recorded() const;

    /// Starts (or resumes) loading `manifest`. With another snapshot recorded, or none, the
    /// state is reset and the part file deleted; with the same one the download resumes at the
    /// part file's size. Error: "snapshot.corrupt" for a manifest with an unknown format.
    Core::Status begin(const Protocol::SnapshotManifest &manifest);
    /// Bytes already downloaded (the part file's size); the next range starts here.
    qint64 downloadedBytes() const;
    bool downloadComplete() const;
    /// Appends one downloaded range; `from` must equal downloadedBytes().
    Core::Status append(qint64 from, const QByteArray &bytes);

    /// Size, SHA-256, opens read-only as SQLite, snapshot_meta.format known. On failure the
    /// part file is deleted and the state cleared ("snapshot.corrupt"); the cache is untouched.
    Core::Status verify();

    /// Copies the next chunk (≈ chunkRows rows, fewer when one chunk takes longer than
    /// targetMs) into the `_next` tables, with the chunk's last key in the same transaction.
    /// True when every table is staged. The first call creates the `_next` tables.
    Core::Result<bool> stageStep();
    /// Drops nothing: renames the old catalog tables to `_old`, the `_next` ones to their
    /// names, sets the catalog cursor to the snapshot's, stage "swapped" — one transaction.
    Core::Status swap();
    /// After the caller pulled the store's staff and web orders up to the cursor.
    Core::Status markPulled();
    /// Removes the old catalog tables a chunk at a time; true when done (then the part file is
    /// deleted and the snapshot state cleared).
    Core::Result<bool> cleanupStep();
    /// Forgets the snapshot: deletes the part file, the `_next` tables and the state.
    void abandon();

    BootstrapProgress progress() const;

    int chunkRows = 50000;
    int firstChunkRows = 500; // each table starts here: its rows may be 50× wider than the last's
    int targetMs = 15; // a chunk's transaction aims below this, so a sale waits little
    /// An old catalog table of at most this many rows is dropped in the swap instead of
    /// renamed to `_old` and emptied by the clean-up (a drop is cheaper than a rename).
    int swapDropRows = 2000;
    /// The longest write transaction so far (stage, swap, cleanup), for the progress log.
    qint64 longestTransactionMs() const { return m_longestMs; }
    /// Which one it was ("stage stock_next 4000 rows", "swap", "cleanup …").
    QString longestTransaction() const { return m_longestWhat; }
    /// Staff/web-order pull position during the "swapped" stage.
    qint64 onlyCursor() const;
    Core::Status setOnlyCursor(qint64 value);

private:
    QString value(const QString &key) const;
    Core::Status setValue(const QString &key, const QString &value);
    Core::Status clearState();
    Core::Status attach();
    void detach();
    Core::Status createNextTables();
    Core::Status dropTables(const QStringList &names);
    void updateRate(qint64 done);
    void checkpoint();
    Core::Error corrupt(const QString &detail);

    Store::LocalDatabase &m_db;
    QString m_partPath;
    bool m_attached = false;
    BootstrapProgress m_progress;
    QElapsedTimer m_rateClock;
    qint64 m_rateStart = 0;
    /// Rows for the next chunk of `table`; then its time adapts the next one (to targetMs).
    int chunkFor(const QString &table) const;
    void adapt(const QString &table, int limit, qint64 rows, qint64 ms);
    void noteTransaction(qint64 ms, const QString &what);
    QHash<QString, int> m_chunks; // per table: rows of one chunk now
    qint64 m_longestMs = 0;
    QString m_longestWhat;
};

} // namespace Toonbank::Sync::Client
