#include "syncstatus.h"

#include "session.h"

#include "app/store/outbox.h"
#include "sync/client/syncengine.h"

namespace Toonbank::Services {

SyncStatus::SyncStatus(Store::LocalDatabase &database, const Session &session, QObject *parent)
    : QObject(parent)
    , m_db(database)
    , m_session(session)
    , m_outbox(std::make_unique<Store::Outbox>(database))
{
    m_overview.lastError = tr("Not connected to the server yet.");
    refresh();
}

SyncStatus::~SyncStatus() = default;

void SyncStatus::attachEngine(Sync::Client::SyncEngine *engine)
{
    if (m_engine)
        disconnect(m_engine, nullptr, this, nullptr);
    m_engine = engine;
    if (!engine)
        return;
    // The engine publishes from its worker thread's results; queue so the slot always runs
    // here, on the GUI thread that owns this object and its cache connection.
    connect(engine, &Sync::Client::SyncEngine::stateChanged, this, &SyncStatus::applyEngineState,
        Qt::QueuedConnection);
    applyEngineState(engine->state());
}

void SyncStatus::applyEngineState(const Sync::Client::SyncState &state)
{
    SyncOverview next = m_overview;
    next.enrolled = state.enrolled;
    next.online = state.online;
    next.syncing = state.syncing;
    next.lastPullAt = state.lastPullAt;
    next.lastError = state.lastError;
    next.lastErrorCode = state.lastErrorCode;
    // The counts come from this connection: the engine of an unenrolled cache never runs a
    // cycle, and a sale made a moment ago is in the outbox before the engine looks.
    next.pendingEvents = state.pendingEvents;
    next.rejectedEvents = state.rejectedEvents;
    if (auto counts = m_outbox->counts()) {
        next.pendingEvents = counts->pending;
        next.rejectedEvents = counts->rejected;
    }
    update(std::move(next));
}

void SyncStatus::refresh()
{
    SyncOverview next = m_overview;
    if (auto counts = m_outbox->counts()) {
        next.pendingEvents = counts->pending;
        next.rejectedEvents = counts->rejected;
    }
    if (!m_engine)
        next.lastPullAt = m_outbox->lastPullAt();
    update(std::move(next));
}

void SyncStatus::update(SyncOverview overview)
{
    if (overview == m_overview)
        return;
    m_overview = std::move(overview);
    emit changed(m_overview);
}

Core::Result<QList<RejectedEvent>> SyncStatus::rejectedEvents() const
{
    auto rows = m_outbox->rejected();
    if (!rows)
        return rows.error();
    QList<RejectedEvent> events;
    events.reserve(rows->size());
    for (const auto &[event, reason] : rows.value()) {
        RejectedEvent rejected;
        rejected.deviceSeq = event.deviceSeq;
        rejected.eventId = event.eventId;
        rejected.type = event.type;
        rejected.staffId = event.staffId;
        rejected.occurredAt = event.occurredAt;
        rejected.attempts = event.attempts;
        // The outbox keeps "code: reason" (see SyncWorker::pushNext).
        const qsizetype colon = reason.indexOf(QLatin1String(": "));
        if (colon > 0 && !reason.left(colon).contains(QLatin1Char(' '))) {
            rejected.reasonCode = reason.left(colon);
            rejected.reason = reason.mid(colon + 2);
        } else {
            rejected.reason = reason;
        }
        events.append(rejected);
    }
    return events;
}

Core::Result<int> SyncStatus::retryRejected()
{
    if (const Core::Status allowed = m_session.require(Permission::RetrySync); !allowed)
        return allowed.error();
    Core::Result<int> requeued = m_outbox->retryRejected();
    if (!requeued)
        return requeued;
    refresh();
    if (m_engine && requeued.value() > 0)
        m_engine->syncNow();
    return requeued;
}

} // namespace Toonbank::Services
