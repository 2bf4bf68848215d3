#pragma once

#include "app/core/result.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

namespace Toonbank::Store {
class LocalDatabase;
class Outbox;
} // namespace Toonbank::Store

namespace Toonbank::Sync::Client {
class SyncEngine;
struct SyncState;
} // namespace Toonbank::Sync::Client

namespace Toonbank::Services {

class Session;

/// A first sync from a snapshot under way (docs/STOCK.md §2): the catalog arrives in bulk.
struct CatalogLoad
{
    enum class Phase { None, Download, Verify, Stage, Swap };
    Phase phase = Phase::None;
    qint64 rowsDone = 0;
    qint64 rowsTotal = 0;
    qint64 bytesDone = 0;
    qint64 bytesTotal = 0;
    int secondsLeft = -1; // -1: not known yet

    bool active() const { return phase != Phase::None; }
    /// 0–1000 for a progress bar.
    int permille() const;
    /// "Catalog 412,000 of 15,250,000 rows · about 40 s left" (translated, in the UI's
    /// locale); empty when nothing loads.
    QString text() const;
    bool operator==(const CatalogLoad &) const = default;
};

/// What the screens show about the link to the server: the engine's last state with the
/// outbox counts read fresh from this device's cache.
struct SyncOverview
{
    bool enrolled = false; // false: this cache has no server to sync with
    bool online = false; // the last request got an answer
    bool syncing = false; // a push/pull cycle is running
    int pendingEvents = 0; // waiting to be sent
    int rejectedEvents = 0; // refused by the server; a supervisor must look at them
    QDateTime lastPullAt; // UTC; null = never
    QString lastError; // translated; empty after a successful cycle
    QString lastErrorCode;
    CatalogLoad catalogLoad; // the first sync's bulk catalog, while it loads

    bool operator==(const SyncOverview &) const = default;
};

/// One event the server refused, with its reason.
struct RejectedEvent
{
    qint64 deviceSeq = 0;
    QString eventId;
    QString type; // "sale", …
    qint64 staffId = 0;
    QDateTime occurredAt; // UTC
    int attempts = 0;
    QString reasonCode; // stable, from the server ("sale.unknown_product"); may be empty
    QString reason; // the server's words
};

/// The screens' door to sync: follows the SyncEngine (which runs on its own thread) and reads
/// the outbox on the GUI thread's cache connection. The UI never includes sync/client itself.
class SyncStatus final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncStatus)
public:
    SyncStatus(Store::LocalDatabase &database, const Session &session, QObject *parent = nullptr);
    ~SyncStatus() override;

    /// Follows this engine from now on (queued: its signal may come from another thread).
    /// Without an engine the overview says offline and still counts the outbox.
    void attachEngine(Sync::Client::SyncEngine *engine);

    SyncOverview overview() const { return m_overview; }
    /// Oldest first.
    Core::Result<QList<RejectedEvent>> rejectedEvents() const;

    /// Re-queues every rejected event and asks the engine to send them now. Needs
    /// Permission::RetrySync (supervisor or manager). Returns how many were re-queued.
    Core::Result<int> retryRejected();

    /// Re-reads the outbox counts (after a sale, a retry); emits changed() when they moved.
    void refresh();

signals:
    void changed(const Toonbank::Services::SyncOverview &overview);

private:
    void applyEngineState(const Sync::Client::SyncState &state);
    void update(SyncOverview overview);

    Store::LocalDatabase &m_db;
    const Session &m_session;
    std::unique_ptr<Store::Outbox> m_outbox;
    QPointer<Sync::Client::SyncEngine> m_engine;
    SyncOverview m_overview;
};

} // namespace Toonbank::Services
