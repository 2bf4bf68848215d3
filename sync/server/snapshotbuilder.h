#pragma once

#include "snapshotcontroller.h"

#include "app/core/clock.h"
#include "app/core/result.h"

#include <QThread>

#include <atomic>

namespace Toonbank::Sync::Server {

class ServerDatabase;

/// Writes the catalog snapshot a fresh tablet bootstraps from (docs/STOCK.md §2): a tablet
/// cache file (Store::LocalDatabase schema, Store::CatalogWriter's bulk path, like
/// toonbank-demogen) with locations, products, barcodes, the built FTS index and stock as
/// available figures (quantity - held, never below 0), plus snapshot_meta(format, cursor,
/// built_at, row_count). No staff, web orders, customers or sales: those are per store.
class SnapshotBuilder final
{
public:
    /// Snapshots of one instance kept on disk (the newest ones).
    static constexpr int keep = 2;
    /// chain_settings `snapshot.rebuild_rows`: rebuild when the feed moved on by more.
    static constexpr qint64 defaultRebuildRows = 200000;
    /// A snapshot older than this is rebuilt whatever the feed did.
    static constexpr qint64 maxAgeSecs = 24 * 3600;
    static constexpr int format = 1;

    /// Reads the catalog in one consistent read (SQLite: one read transaction; PostgreSQL:
    /// REPEATABLE READ) with `cursor` = the feed head inside it, streaming rows, writes
    /// `<dataDir>/snapshots/.building-*.sqlite`, fsyncs it, renames it to
    /// `catalog-<cursor>-<sha8>.sqlite`, records it in `snapshots` and deletes this instance's
    /// older ones beyond `keep`. Errors: "snapshot.build" (file system), "db.error",
    /// "snapshot.product" (a stored product document that does not read).
    static Core::Result<SnapshotInfo> build(ServerDatabase &database, const QString &dataDir,
        const Core::Clock &clock = Core::SystemClock::instance());

    /// Whether this instance should build one now: none on disk, the newest lags the feed head
    /// by more than `snapshot.rebuild_rows`, or it is older than maxAgeSecs.
    static Core::Result<bool> due(
        ServerDatabase &database, const QString &dataDir, const QDateTime &nowUtc);
};

/// The server's background rebuild: a thread with its own database connection that builds a
/// snapshot at start when none exists and then checks SnapshotBuilder::due() every
/// `intervalMs` (10 minutes).
class SnapshotRebuilder final : public QThread
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SnapshotRebuilder)
public:
    SnapshotRebuilder(QString databaseSpec, QString dataDir, qint64 intervalMs = 600000,
        QObject *parent = nullptr);
    ~SnapshotRebuilder() override;
    void stop();

protected:
    void run() override;

private:
    QString m_spec;
    QString m_dataDir;
    qint64 m_intervalMs;
    std::atomic_bool m_stop { false };
};

} // namespace Toonbank::Sync::Server
