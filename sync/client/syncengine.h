#pragma once

#include "snapshotloader.h"

#include <QDateTime>
#include <QMetaType>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QThread>

#include <functional>

namespace Toonbank::Sync::Client {

namespace Internal {
class SyncWorker;
} // namespace Internal

/// What the top bar shows about the link to the server. A value: copy it freely.
struct SyncState
{
    bool enrolled = false; // the cache holds a device config; false = nothing to sync with
    bool online = false; // the last request got an answer from the server
    bool syncing = false; // a push/pull cycle is running
    int pendingEvents = 0; // sales etc. waiting to be sent
    int rejectedEvents = 0; // refused by the server; a supervisor must look at them
    QDateTime lastPullAt; // UTC end of the last complete pull; null = never
    QString lastError; // translated, for the screen; empty after a successful cycle
    QString lastErrorCode; // stable ("sync.offline", "sync.unauthorized", …)
    /// A first sync from a snapshot under way (phase None otherwise): download, verify,
    /// stage, swap, with rows/bytes done and the time left (docs/STOCK.md §2).
    BootstrapProgress bootstrap;

    bool operator==(const SyncState &) const = default;
};

/// The tablet's sync engine: pushes the outbox in device_seq order in batches, applies the
/// server's answer, then pulls the change feed into the cache. All work runs on its own
/// thread with its own cache connection and ServerConnection, so the UI never waits on the
/// network; this object is the thread-safe front the UI talks to (create it in the GUI thread).
///
/// Failures are retried with jittered exponential backoff; while idle it pulls every
/// pollIntervalMs. Call syncNow() after a sale to send it at once.
class SyncEngine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncEngine)
public:
    struct Options
    {
        int pushBatchSize = 200; // events per POST /v1/events (server max 500)
        int pageSize = 5000; // change-feed rows per page after the first sync
        int snapshotPageSize = 20000; // first sync (bulk snapshot): the server's maximum
        /// First sync from a snapshot: bytes per ranged download request (the server answers
        /// at most 8 MiB per request).
        qint64 snapshotRangeBytes = 8 * 1024 * 1024;
        /// Pause between two of the snapshot's staging or clean-up transactions, so a sale
        /// waiting for the write lock gets it (docs/SYNC.md, "Selling during the first sync").
        /// A waiting connection polls every 200 µs (LocalDatabase), so 0.5 ms is enough.
        int snapshotYieldUs = 500;
        int pollIntervalMs = 60000; // pull this often while nothing else happens
        int backoffBaseMs = 1000;
        int backoffCapMs = 60000;
        bool automatic = true; // false: only syncNow() starts a cycle (tools, tests)
        int requestTimeoutMs = 60000;
        /// Fault injection for the crash tests (toonbank-synctool --die-after-ack): runs when
        /// the server's answer to a push has arrived and before the outbox records it — the
        /// window in which "the server id never reached the client" duplicated peers' orders.
        std::function<void()> afterPushAnswer;
    };

    explicit SyncEngine(QString cachePath, QObject *parent = nullptr);
    SyncEngine(QString cachePath, Options options, QObject *parent = nullptr);
    ~SyncEngine() override; // stops the thread; an unfinished cycle is simply redone next time

    /// Starts the thread, opens the cache there and runs a first cycle (when automatic).
    void start();
    /// Thread-safe: runs a push/pull cycle as soon as possible (after the running one).
    void syncNow();
    /// Thread-safe snapshot of the last published state.
    SyncState state() const;

signals:
    void stateChanged(const Toonbank::Sync::Client::SyncState &state);
    /// After each cycle; `ok` false when it stopped on an error (state().lastError says which).
    void cycleFinished(bool ok);
    /// "pushed 200 (applied 198, duplicate 2)", "pulled 5000 rows" — for logs and tools.
    void progress(const QString &message);

private:
    void publish(const SyncState &state);

    QString m_cachePath;
    Options m_options;
    QThread m_thread;
    Internal::SyncWorker *m_worker = nullptr; // lives in m_thread, deleted when it finishes
    mutable QMutex m_stateMutex;
    SyncState m_state;
};

} // namespace Toonbank::Sync::Client

Q_DECLARE_METATYPE(Toonbank::Sync::Client::SyncState)
