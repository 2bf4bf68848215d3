#include "syncengine.h"

#include "syncworker.h"

#include <QMetaObject>
#include <QMutexLocker>

namespace Toonbank::Sync::Client {

SyncEngine::SyncEngine(QString cachePath, QObject *parent)
    : SyncEngine(std::move(cachePath), Options {}, parent)
{ }

SyncEngine::SyncEngine(QString cachePath, Options options, QObject *parent)
    : QObject(parent)
    , m_cachePath(std::move(cachePath))
    , m_options(options)
{
    qRegisterMetaType<SyncState>();
    m_thread.setObjectName(QStringLiteral("toonbank-sync"));
}

SyncEngine::~SyncEngine()
{
    // Quitting mid-cycle is safe: every outbox change and every page is its own transaction,
    // and a request whose answer never arrives is simply sent again next time.
    m_thread.quit();
    m_thread.wait();
}

void SyncEngine::start()
{
    if (m_worker)
        return;
    m_worker = new Internal::SyncWorker(
        m_cachePath, m_options); // owned by the thread (deleteLater on finish)
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &Internal::SyncWorker::stateChanged, this, &SyncEngine::publish);
    connect(m_worker, &Internal::SyncWorker::cycleFinished, this, &SyncEngine::cycleFinished);
    connect(m_worker, &Internal::SyncWorker::progress, this, &SyncEngine::progress);
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, &Internal::SyncWorker::open, Qt::QueuedConnection);
}

void SyncEngine::syncNow()
{
    if (m_worker)
        QMetaObject::invokeMethod(
            m_worker, &Internal::SyncWorker::requestSync, Qt::QueuedConnection);
}

SyncState SyncEngine::state() const
{
    QMutexLocker lock(&m_stateMutex);
    return m_state;
}

void SyncEngine::publish(const SyncState &state)
{
    {
        QMutexLocker lock(&m_stateMutex);
        m_state = state;
    }
    emit stateChanged(state);
}

} // namespace Toonbank::Sync::Client
