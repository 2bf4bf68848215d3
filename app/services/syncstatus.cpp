#include "syncstatus.h"

#include "session.h"

#include "app/store/outbox.h"
#include "sync/client/syncengine.h"

#include <QLocale>

namespace Toonbank::Services {

static_assert(int(CatalogLoad::Phase::Swap) == int(Sync::Client::BootstrapProgress::Phase::Swap));

int CatalogLoad::permille() const
{
    switch (phase) {
    case Phase::Download:
        return bytesTotal > 0 ? int(qBound(qint64(0), bytesDone * 1000 / bytesTotal, qint64(1000)))
                              : 0;
    case Phase::Stage:
        return rowsTotal > 0 ? int(qBound(qint64(0), rowsDone * 1000 / rowsTotal, qint64(1000)))
                             : 0;
    case Phase::Verify:
        return 0;
    case Phase::Swap:
        return 1000;
    case Phase::None:
        break;
    }
    return 0;
}

QString CatalogLoad::text() const
{
    const QLocale locale;
    QString left;
    if (secondsLeft >= 0 && (phase == Phase::Download || phase == Phase::Stage)) {
        left = secondsLeft >= 120
            ? SyncStatus::tr("about %n min left", nullptr, (secondsLeft + 30) / 60)
            : SyncStatus::tr("about %1 s left").arg(qMax(1, secondsLeft));
    }
    QString main;
    switch (phase) {
    case Phase::None:
        return {};
    case Phase::Download:
        main = SyncStatus::tr("Catalog download %1 of %2 MB")
                   .arg(locale.toString(bytesDone / (1024 * 1024)),
                       locale.toString((bytesTotal + 1024 * 1024 - 1) / (1024 * 1024)));
        break;
    case Phase::Verify:
        main = SyncStatus::tr("Catalog download is being checked");
        break;
    case Phase::Stage:
        main = SyncStatus::tr("Catalog %1 of %2 rows")
                   .arg(locale.toString(rowsDone), locale.toString(rowsTotal));
        break;
    case Phase::Swap:
        main = SyncStatus::tr("Catalog is being switched over");
        break;
    }
    return left.isEmpty() ? main : SyncStatus::tr("%1 · %2").arg(main, left);
}

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
    next.catalogLoad.phase = CatalogLoad::Phase(int(state.bootstrap.phase));
    next.catalogLoad.rowsDone = state.bootstrap.rowsDone;
    next.catalogLoad.rowsTotal = state.bootstrap.rowsTotal;
    next.catalogLoad.bytesDone = state.bootstrap.bytesDone;
    next.catalogLoad.bytesTotal = state.bootstrap.bytesTotal;
    next.catalogLoad.secondsLeft = state.bootstrap.secondsLeft;
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
