#pragma once

#include "backoff.h"
#include "deviceconfig.h"
#include "syncengine.h"

#include "app/core/result.h"
#include "sync/protocol/changefeed.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace Toonbank::Store {
class CatalogWriter;
class LocalDatabase;
class Outbox;
} // namespace Toonbank::Store

namespace Toonbank::Sync::Client {

class JournalQueue;
class ServerConnection;
class SnapshotLoader;

namespace Internal {

/// The sync engine's inside: lives in the engine's thread and owns everything it touches
/// there (cache connection, server connection, timers). One cycle = push until the outbox
/// has nothing pending and the server holds the whole journal, then pull until the feed has
/// no more pages. Each push carries the journal entries after the last one the server
/// acknowledged (JournalQueue); a push with only journal entries is fine.
class SyncWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncWorker)
public:
    SyncWorker(QString cachePath, SyncEngine::Options options);
    ~SyncWorker() override;

public slots:
    void open();
    void requestSync();

signals:
    void stateChanged(const Toonbank::Sync::Client::SyncState &state);
    void cycleFinished(bool ok);
    void progress(const QString &message);

private:
    void startCycle();
    void pushNext();
    void pullNext();
    void requestPage(qint64 since);
    void onPage(const Core::Result<Protocol::ChangePage> &page);
    /// Writes a catalog page; `moveCursor` false for the staff/web-order pull after a
    /// snapshot (the catalog cursor is the snapshot's already).
    Core::Status applyPage(const Protocol::ChangePage &page, bool moveCursor = true);
    // First sync from a snapshot (SnapshotLoader): manifest, ranged download, verify, stage
    // in short transactions, swap, the store's staff and web orders up to the snapshot's
    // cursor, then the old tables removed. Each step resumes after a kill.
    bool continueBootstrap(); // true when a snapshot step took over the cycle
    void fetchManifest();
    void downloadNext();
    void stageNext();
    void pullOnly();
    void nextChunk(void (SyncWorker::*step)());
    void cleanupNext();
    void publishBootstrap(bool force);
    /// After the catalog: the other feed kinds, each from its own cursor (Store::FeedCursors)
    /// when the cache has them; otherwise the cycle ends with the catalog.
    void pullKinds();
    void requestKindPage(qint64 since);
    void onKindPage(const Core::Result<Protocol::ChangePage> &page);
    void finishCycle();
    void failCycle(const Core::Error &error);
    void refreshCounts();
    void publish();
    void scheduleNext(int delayMs);

    QString m_cachePath;
    SyncEngine::Options m_options;
    // Declaration order matters: the writer and outbox use the database and go first.
    std::unique_ptr<Store::LocalDatabase> m_db;
    std::unique_ptr<Store::Outbox> m_outbox;
    std::unique_ptr<JournalQueue> m_journal;
    std::unique_ptr<Store::CatalogWriter> m_snapshot; // open across pages during a first sync
    std::unique_ptr<SnapshotLoader> m_loader; // during a first sync from a snapshot
    std::unique_ptr<ServerConnection> m_connection;
    DeviceConfig m_config;
    Backoff m_backoff;
    QTimer m_timer;
    SyncState m_state;
    bool m_busy = false;
    bool m_again = false;
    qint64 m_cursor = 0;
    int m_kindIndex = 0; // the feed kind being pulled after the catalog
    qint64 m_kindCursor = 0;
    int m_pushProgressless = 0;
    bool m_journalStalled = false; // this cycle: the server did not take a journal-only push
    qsizetype m_journalSent = 0; // journal entries in the push under way (for progress)
    bool m_pagedFirstSync = false; // this cycle: the server has no snapshot, pages instead
    bool m_bootstrapped = false; // this cycle finished a snapshot: no second manifest
    int m_manifestRestarts = 0; // snapshot.gone answers this cycle
    qint64 m_lastBootstrapPublish = 0; // ms since epoch, throttles progress
    quint64 m_generation = 0; // bumped when a cycle fails: late answers of it are ignored
};

} // namespace Internal
} // namespace Toonbank::Sync::Client
