#include "syncworker.h"

#include "journalqueue.h"
#include "serverconnection.h"
#include "snapshotloader.h"

#include "app/core/tr.h"
#include "app/store/catalogwriter.h"
#include "app/store/customercache.h"
#include "app/store/feedcursors.h"
#include "app/store/localdatabase.h"
#include "app/store/outbox.h"
#include "app/store/pickupstore.h"
#include "app/store/promotionstore.h"
#include "sync/protocol/eventtype.h"
#include "sync/protocol/pushbatch.h"
#include "sync/protocol/stockelsewhere.h"
#include "sync/protocol/storerecords.h"

#include <QDateTime>
#include <QDebug>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSslCertificate>
#include <QThread>
#include <QTimer>

namespace Toonbank::Sync::Client::Internal {

using Core::Error;
using Core::Tr;

namespace {

using Protocol::toStore;

Error pageRefused(const Error &cause)
{
    return Error::make(QStringLiteral("sync.apply_failed"),
        Tr::tr("Changes from the server could not be saved on this tablet."),
        cause.code + QLatin1String(": ") + cause.detail);
}

} // namespace

SyncWorker::SyncWorker(QString cachePath, SyncEngine::Options options)
    : m_cachePath(std::move(cachePath))
    , m_options(options)
    , m_backoff(options.backoffBaseMs, options.backoffCapMs)
{
    // A child, so it moves to the sync thread with the worker (a member alone would not).
    m_timer.setParent(this);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SyncWorker::requestSync);
}

SyncWorker::~SyncWorker()
{
    // Prepared statements and the server connection go before the database.
    m_loader.reset();
    m_snapshot.reset();
    m_journal.reset();
    m_outbox.reset();
    m_connection.reset();
    m_db.reset();
}

void SyncWorker::open()
{
    auto db = Store::LocalDatabase::open(m_cachePath, Store::LocalDatabase::OpenMode::ExistingOnly);
    if (!db) {
        m_state.lastError = db.error().message;
        m_state.lastErrorCode = db.error().code;
        publish();
        emit cycleFinished(false);
        return;
    }
    m_db = std::move(db).value();
    m_outbox = std::make_unique<Store::Outbox>(*m_db);
    m_journal = std::make_unique<JournalQueue>(*m_db);
    m_cursor = m_outbox->pullCursor();
    m_state.lastPullAt = m_outbox->lastPullAt();
    auto config = DeviceConfig::load(*m_db);
    if (config) {
        m_config = config.value();
        m_state.enrolled = true;
        m_connection = std::make_unique<ServerConnection>(m_config.serverUrl);
        m_connection->setTimeoutMs(m_options.requestTimeoutMs);
        m_connection->setCredentials(
            QSslCertificate::fromData(m_config.caCertificatePem.toLatin1()), m_config.token);
    } else {
        m_state.lastError = config.error().message;
        m_state.lastErrorCode = config.error().code;
    }
    m_state.bootstrap = SnapshotLoader(*m_db).progress(); // a first sync stopped mid-way
    refreshCounts();
    publish();
    if (m_options.automatic && m_state.enrolled)
        requestSync();
}

void SyncWorker::requestSync()
{
    if (!m_db || !m_state.enrolled) {
        emit cycleFinished(false);
        return;
    }
    if (m_busy) {
        m_again = true; // e.g. a sale during a pull: one more cycle right after
        return;
    }
    m_timer.stop();
    startCycle();
}

void SyncWorker::startCycle()
{
    m_busy = true;
    m_again = false;
    m_pushProgressless = 0;
    m_journalStalled = false;
    m_pagedFirstSync = false;
    m_bootstrapped = false;
    m_manifestRestarts = 0;
    m_state.syncing = true;
    publish();
    pushNext();
}

void SyncWorker::pushNext()
{
    auto events = m_outbox->pending(qBound(1, m_options.pushBatchSize, Protocol::maxEventsPerPush));
    if (!events)
        return failCycle(events.error());
    // The journal entries the server has not acknowledged ride along with every push; an
    // approval or a training switch journals without an outbox event, so a push may carry
    // only journal entries.
    auto journal = m_journal->unsent(Protocol::maxEventsPerPush);
    if (!journal)
        return failCycle(journal.error());
    if (events->isEmpty() && (journal->isEmpty() || m_journalStalled))
        return pullNext();
    // A return always starts a push of its own: the server checks every event of a push
    // before it applies any, so a return pushed with the (offline) sale it returns would not
    // find that sale. An exchange's sale follows its return in the same push, as it must.
    QList<Store::OutboxEvent> batch = events.value();
    const QString returnType = Protocol::name(Protocol::EventType::Return);
    for (qsizetype i = 1; i < batch.size(); ++i) {
        if (batch.at(i).type == returnType) {
            batch.resize(i);
            break;
        }
    }

    Protocol::PushRequest request;
    request.deviceId = m_config.deviceId;
    QStringList attempted;
    for (const Store::OutboxEvent &event : std::as_const(batch)) {
        Protocol::EventEnvelope envelope;
        envelope.eventId = event.eventId;
        envelope.deviceId = m_config.deviceId;
        envelope.deviceSeq = event.deviceSeq;
        envelope.type = event.type;
        envelope.staffId = event.staffId;
        envelope.occurredAt = event.occurredAt;
        envelope.payload = QJsonDocument::fromJson(event.payload).object();
        request.events.append(envelope);
        attempted.append(event.eventId);
    }
    request.journal = journal.value();
    m_journalSent = request.journal.size();
    m_connection->push(request, [this, attempted](Core::Result<Protocol::PushResponse> response) {
        if (!response) {
            // Nothing is known about this batch: it stays pending and is sent again as is —
            // the server answers "duplicate" for whatever it had already applied.
            (void)m_outbox->noteFailedAttempt(
                attempted, response.error().code + QLatin1Char(' ') + response.error().detail);
            return failCycle(response.error());
        }
        if (m_options.afterPushAnswer)
            m_options.afterPushAnswer();
        m_state.online = true;
        QStringList acknowledged;
        QHash<QString, QString> rejected;
        QHash<QString, Store::EnrolmentAck> enrolments; // customer_enrolled answers
        int applied = 0;
        int duplicate = 0;
        for (const Protocol::PushResult &result : response->results) {
            if (!attempted.contains(result.eventId))
                continue; // never act on an id we did not send
            if (result.serverId != 0
                && (result.outcome == Protocol::PushOutcome::Applied
                    || result.outcome == Protocol::PushOutcome::Duplicate))
                enrolments.insert(result.eventId,
                    { result.serverId, result.merged, result.cardNumber, result.mergedOn });
            switch (result.outcome) {
            case Protocol::PushOutcome::Applied:
                ++applied;
                acknowledged.append(result.eventId);
                break;
            case Protocol::PushOutcome::Duplicate:
                ++duplicate;
                acknowledged.append(result.eventId);
                break;
            case Protocol::PushOutcome::Rejected:
                rejected.insert(result.eventId, result.code + QLatin1String(": ") + result.reason);
                break;
            case Protocol::PushOutcome::NotApplied:
                break; // resent in the next batch, without the rejected ones
            }
        }
        if (!attempted.isEmpty()) {
            if (auto done = m_outbox->recordOutcome(acknowledged, rejected, attempted, enrolments);
                !done)
                return failCycle(done.error());
        }
        // After the outbox: the acknowledged seq only goes up, and a crash before it merely
        // sends the same entries again (the server finds them stored with the same hash).
        Core::Result<bool> journalMoved = m_journal->acknowledge(response->journalSeq);
        if (!journalMoved)
            return failCycle(journalMoved.error());
        emit progress(
            QStringLiteral("pushed %1 (applied %2, duplicate %3, rejected %4), journal %5 "
                           "(server holds %6)")
                .arg(attempted.size())
                .arg(applied)
                .arg(duplicate)
                .arg(rejected.size())
                .arg(m_journalSent)
                .arg(response->journalSeq));
        refreshCounts();
        publish();
        if (attempted.isEmpty() && !journalMoved.value()) {
            // Only journal entries went and the server did not take them (an older server):
            // the cycle goes on with the pull, and the entries go again with the next push.
            qWarning().noquote() << "sync: the server did not acknowledge the journal, holds"
                                 << response->journalSeq;
            m_journalStalled = true;
            return pushNext();
        }
        // A batch that moved nothing forward would loop for ever; the server always answers
        // every event, so this only guards against a broken answer.
        if (acknowledged.isEmpty() && rejected.isEmpty() && !journalMoved.value()
            && ++m_pushProgressless >= 2)
            return failCycle(Error::make(QStringLiteral("sync.refused"),
                Tr::tr("The server refused the data from this tablet."),
                QStringLiteral("push made no progress")));
        pushNext();
    });
}

void SyncWorker::pullNext()
{
    if (!m_snapshot && continueBootstrap())
        return;
    // The first sync (empty cursor) is a bulk snapshot: big pages, all in one cache
    // transaction so the writer's fast path (FTS built once at the end) holds for all of them.
    const bool snapshot = m_cursor == 0 || m_snapshot;
    if (snapshot && !m_snapshot) {
        m_snapshot = std::make_unique<Store::CatalogWriter>(*m_db);
        if (auto begun = m_snapshot->begin(); !begun) {
            m_snapshot.reset();
            return failCycle(pageRefused(begun.error()));
        }
    }
    requestPage(m_cursor);
}

void SyncWorker::requestPage(qint64 since)
{
    const int limit = m_snapshot ? m_options.snapshotPageSize : m_options.pageSize;
    const quint64 generation = m_generation;
    m_connection->pull(since, limit, [this, generation](Core::Result<Protocol::ChangePage> page) {
        if (generation != m_generation)
            return; // the cycle this answer belonged to has failed meanwhile
        onPage(page);
    });
}

void SyncWorker::onPage(const Core::Result<Protocol::ChangePage> &page)
{
    if (!page)
        return failCycle(page.error());
    m_state.online = true;
    if (page->since != m_cursor)
        return failCycle(pageRefused(Error::make(
            QStringLiteral("sync.feed"), {}, QStringLiteral("page for another cursor"))));
    // Ask for the next page before writing this one: the server reads it while we write.
    if (page->more)
        requestPage(page->next);
    if (auto done = applyPage(page.value()); !done)
        return failCycle(pageRefused(done.error()));
    emit progress(QStringLiteral("pulled %1 rows up to %2").arg(page->size()).arg(page->next));
    if (page->more)
        return;
    if (m_snapshot) {
        if (auto stamped = m_outbox->setLastPullAt(QDateTime::currentDateTimeUtc()); !stamped)
            return failCycle(pageRefused(stamped.error()));
        auto done = m_snapshot->commit();
        m_snapshot.reset();
        if (!done) {
            m_cursor = m_outbox->pullCursor();
            return failCycle(pageRefused(done.error()));
        }
    } else if (auto stamped = m_outbox->setLastPullAt(QDateTime::currentDateTimeUtc()); !stamped) {
        return failCycle(pageRefused(stamped.error()));
    }
    m_state.lastPullAt = m_outbox->lastPullAt();
    m_kindIndex = 0;
    pullKinds();
}

namespace {

constexpr Protocol::FeedKind otherKinds[] = { Protocol::FeedKind::Promotions,
    Protocol::FeedKind::Customers, Protocol::FeedKind::Pickups };

// A "pickups" feed row (docs/STOCK.md §6) as the cache keeps it.
Store::StoredPickup toStore(const Protocol::PickupData &in)
{
    Store::StoredPickup out;
    out.reference = in.reference;
    out.kind = in.kind;
    out.locationId = in.locationId;
    out.status = in.status;
    out.customerName = in.customerName;
    out.customerPhone = in.customerPhone;
    out.codeHash = in.codeHash;
    out.readyAt = in.readyAt;
    out.expiresAt = in.expiresAt;
    out.total = Core::Money::fromCents(in.totalCents);
    out.paid = in.paid;
    for (const Protocol::PickupLineData &line : in.lines)
        out.lines.append({ line.lineId, line.productId, line.sku, line.name, line.quantity,
            line.collectedQuantity });
    return out;
}

// A server from before issue 11 does not know the "pickups" kind: the tablet skips it.
bool unknownKind(const Core::Error &error)
{
    return error.code == QLatin1String("sync.refused")
        && error.detail.contains(QLatin1String("protocol.unknown_kind"));
}

} // namespace

void SyncWorker::pullKinds()
{
    if (m_kindIndex < int(std::size(otherKinds))) {
        const QString kind = Protocol::name(otherKinds[m_kindIndex]);
        Store::FeedCursors cursors(*m_db);
        Core::Result<qint64> cursor = cursors.cursor(kind);
        if (!cursor)
            return failCycle(pageRefused(cursor.error()));
        m_kindCursor = cursor.value();
        return requestKindPage(m_kindCursor);
    }
    finishCycle();
}

void SyncWorker::requestKindPage(qint64 since)
{
    const quint64 generation = m_generation;
    m_connection->pull(otherKinds[m_kindIndex], since, m_options.pageSize,
        [this, generation](Core::Result<Protocol::ChangePage> page) {
            if (generation != m_generation)
                return;
            onKindPage(page);
        });
}

void SyncWorker::onKindPage(const Core::Result<Protocol::ChangePage> &page)
{
    if (!page) {
        if (otherKinds[m_kindIndex] == Protocol::FeedKind::Pickups && unknownKind(page.error())) {
            ++m_kindIndex;
            return pullKinds();
        }
        return failCycle(page.error());
    }
    if (page->since != m_kindCursor)
        return failCycle(pageRefused(Error::make(
            QStringLiteral("sync.feed"), {}, QStringLiteral("page for another cursor"))));
    const QString kind = Protocol::name(otherKinds[m_kindIndex]);
    // The rows and the kind's cursor in one transaction: a crash keeps both or neither.
    const Core::Status applied = m_db->transaction([&]() -> Core::Status {
        Store::PromotionStore promotions(*m_db);
        for (const Core::Promotion &promotion : page->promotions) {
            if (auto done = promotions.upsert(promotion); !done)
                return done;
        }
        if (!page->customers.isEmpty()) {
            Store::CustomerCache customers(*m_db);
            for (const Protocol::CustomerData &c : page->customers) {
                Store::CustomerRecord record;
                record.id = c.id;
                record.cardNumber = c.code;
                record.name = c.name;
                record.email = c.email;
                record.phone = c.phone;
                record.tier = c.tier;
                record.pointsBalance = c.loyaltyPoints;
                record.lifetimePoints = c.lifetimePoints;
                record.homeStoreCode = c.homeStoreCode;
                record.consentEmail = c.consentEmail;
                record.consentSms = c.consentSms;
                record.consentPersonalised = c.consentPersonalised;
                record.consentChangedAt = c.consentChangedAt;
                record.lastSeenAt = c.lastSeenAt;
                if (auto done = customers.upsertFromServer(record); !done)
                    return done;
            }
        }
        if (!page->pickups.isEmpty()) {
            Store::PickupStore pickups(*m_db);
            for (const QJsonObject &row : page->pickups) {
                Core::Result<Protocol::PickupData> pickup
                    = Protocol::pickupFromJson(row, Protocol::Reading::Tolerant);
                if (!pickup)
                    return pickup.error();
                if (auto done = pickups.upsertFromFeed(toStore(pickup.value())); !done)
                    return done;
            }
        }
        return Store::FeedCursors(*m_db).setCursor(kind, page->next);
    });
    if (!applied)
        return failCycle(pageRefused(applied.error()));
    emit progress(
        QStringLiteral("pulled %1 %2 up to %3").arg(page->size()).arg(kind).arg(page->next));
    m_kindCursor = page->next;
    if (page->more)
        return requestKindPage(m_kindCursor);
    ++m_kindIndex;
    pullKinds();
}

Core::Status SyncWorker::applyPage(const Protocol::ChangePage &page, bool moveCursor)
{
    // Outside a snapshot each page is its own transaction, the cursor written inside it:
    // a crash keeps either the page and its cursor, or neither.
    std::unique_ptr<Store::CatalogWriter> single;
    Store::CatalogWriter *writer = m_snapshot.get();
    if (!writer) {
        single = std::make_unique<Store::CatalogWriter>(*m_db);
        if (auto begun = single->begin(); !begun)
            return begun;
        writer = single.get();
    }
    for (const auto &location : page.locations) {
        if (auto done = writer->upsertLocation(toStore(location)); !done)
            return done;
    }
    for (const auto &product : page.products) {
        if (auto done = writer->upsertProduct(toStore(product)); !done)
            return done;
    }
    for (const auto &figure : page.stock) {
        if (auto done = writer->setStock(
                figure.productId, figure.locationId, int(figure.quantity), figure.asOf);
            !done)
            return done;
    }
    for (const auto &member : page.staff) {
        Store::StaffMember staff;
        staff.id = member.id;
        staff.code = member.code;
        staff.displayName = member.displayName;
        staff.role = Store::roleFromName(member.role).value_or(Store::StaffRole::Cashier);
        staff.homeLocationId = member.homeLocationId;
        staff.active = member.active;
        if (auto done = writer->upsertStaff(staff, member.pinHash); !done)
            return done;
    }
    // Customers and web orders have no table in the cache yet (schema v1); the cursor moves
    // past them and a later schema version pulls them again from 0 for those kinds.
    if (moveCursor) {
        if (auto done = m_outbox->setPullCursor(page.next); !done)
            return done;
    } else if (m_loader) {
        if (auto done = m_loader->setOnlyCursor(page.next); !done)
            return done;
    }
    if (single) {
        if (auto done = single->commit(); !done)
            return done;
    }
    if (moveCursor)
        m_cursor = page.next;
    return Core::success();
}

bool SyncWorker::continueBootstrap()
{
    if (!m_loader)
        m_loader = std::make_unique<SnapshotLoader>(*m_db);
    const QString stage = m_loader->stage();
    if (stage == QLatin1String("stage")) {
        stageNext();
        return true;
    }
    if (stage == QLatin1String("swapped")) {
        pullOnly();
        return true;
    }
    if (stage == QLatin1String("cleanup")) {
        cleanupNext();
        return true;
    }
    if (m_cursor == 0 && !m_pagedFirstSync && !m_bootstrapped) {
        fetchManifest();
        return true;
    }
    m_loader.reset();
    return false;
}

void SyncWorker::fetchManifest()
{
    const quint64 generation = m_generation;
    m_connection->snapshotManifest(
        [this, generation](Core::Result<Protocol::SnapshotManifest> manifest) {
            if (generation != m_generation)
                return;
            if (!manifest && manifest.error().code == QLatin1String("snapshot.none")) {
                // No snapshot (yet, or an older server): the paged first sync as before.
                emit progress(QStringLiteral("snapshot none, paged first sync"));
                m_pagedFirstSync = true;
                m_loader.reset();
                return pullNext();
            }
            if (!manifest)
                return failCycle(manifest.error());
            m_state.online = true;
            if (auto begun = m_loader->begin(manifest.value()); !begun)
                return failCycle(begun.error());
            emit progress(QStringLiteral("snapshot %1: %2 bytes, %3 rows, cursor %4, resume at %5")
                              .arg(manifest->snapshotId.left(12))
                              .arg(manifest->sizeBytes)
                              .arg(manifest->rowCount)
                              .arg(manifest->cursor)
                              .arg(m_loader->downloadedBytes()));
            downloadNext();
        });
}

void SyncWorker::downloadNext()
{
    if (m_loader->downloadComplete()) {
        publishBootstrap(true);
        if (auto verified = m_loader->verify(); !verified)
            return failCycle(verified.error());
        emit progress(QStringLiteral("snapshot verified"));
        publishBootstrap(true);
        return stageNext();
    }
    const Protocol::SnapshotManifest manifest = m_loader->recorded();
    const qint64 from = m_loader->downloadedBytes();
    const qint64 to
        = qMin(
              from + qBound<qint64>(4096, m_options.snapshotRangeBytes, SnapshotLoader::rangeBytes),
              manifest.sizeBytes)
        - 1;
    const quint64 generation = m_generation;
    m_connection->downloadRange(QStringLiteral("/v1/snapshot/file?id=") + manifest.snapshotId, from,
        to,
        [this, generation, from, manifest](
            const QByteArray &bytes, qint64 total, const Core::Error &error) {
            if (generation != m_generation)
                return;
            if (!error.code.isEmpty()) {
                if (error.code == QLatin1String("snapshot.gone") && ++m_manifestRestarts <= 3) {
                    // Behind haproxy the other instance may have another snapshot: start
                    // again with the manifest we get now.
                    m_loader->abandon();
                    return fetchManifest();
                }
                return failCycle(error);
            }
            if (total >= 0 && total != manifest.sizeBytes) {
                m_loader->abandon();
                return failCycle(Error::make(QStringLiteral("snapshot.corrupt"),
                    Tr::tr("The product catalog from the server arrived damaged; it is "
                           "downloaded again."),
                    QStringLiteral("file is %1 bytes, manifest %2")
                        .arg(total)
                        .arg(manifest.sizeBytes)));
            }
            if (bytes.isEmpty())
                return failCycle(Error::make(QStringLiteral("sync.offline"),
                    Tr::tr("The server cannot be reached; sales are kept and sent later."),
                    QStringLiteral("empty range answer")));
            if (auto appended = m_loader->append(from, bytes); !appended)
                return failCycle(appended.error());
            emit progress(QStringLiteral("snapshot download %1 of %2 bytes")
                              .arg(m_loader->downloadedBytes())
                              .arg(manifest.sizeBytes));
            publishBootstrap(false);
            downloadNext();
        });
}

void SyncWorker::stageNext()
{
    Core::Result<bool> staged = m_loader->stageStep();
    if (!staged)
        return failCycle(staged.error());
    if (!staged.value()) {
        const BootstrapProgress now = m_loader->progress();
        const qint64 ms = QDateTime::currentMSecsSinceEpoch();
        if (ms - m_lastBootstrapPublish >= 250) {
            emit progress(QStringLiteral("snapshot stage %1 of %2 rows")
                              .arg(now.rowsDone)
                              .arg(now.rowsTotal));
            publishBootstrap(true);
        }
        // One chunk per event: the thread stays responsive (a stop, a sale's sync request).
        nextChunk(&SyncWorker::stageNext);
        return;
    }
    emit progress(QStringLiteral("snapshot staged (longest transaction %1 ms: %2)")
                      .arg(m_loader->longestTransactionMs())
                      .arg(m_loader->longestTransaction()));
    QElapsedTimer took;
    took.start();
    if (auto swapped = m_loader->swap(); !swapped)
        return failCycle(pageRefused(swapped.error()));
    m_cursor = m_outbox->pullCursor();
    emit progress(
        QStringLiteral("snapshot swapped at cursor %1 in %2 ms").arg(m_cursor).arg(took.elapsed()));
    publishBootstrap(true);
    pullOnly();
}

void SyncWorker::pullOnly()
{
    const qint64 until = m_loader->recorded().cursor;
    const qint64 since = m_loader->onlyCursor();
    const quint64 generation = m_generation;
    m_connection->pullRange(Protocol::FeedKind::Catalog, since, until,
        { QStringLiteral("staff"), QStringLiteral("webOrders") }, m_options.pageSize,
        [this, generation, since](Core::Result<Protocol::ChangePage> page) {
            if (generation != m_generation)
                return;
            if (!page)
                return failCycle(page.error());
            if (page->since != since)
                return failCycle(pageRefused(Error::make(
                    QStringLiteral("sync.feed"), {}, QStringLiteral("page for another cursor"))));
            if (auto done = applyPage(page.value(), false); !done)
                return failCycle(pageRefused(done.error()));
            emit progress(QStringLiteral("pulled %1 staff and web order rows up to %2")
                              .arg(page->size())
                              .arg(page->next));
            if (page->more && page->next > since)
                return pullOnly();
            if (auto done = m_loader->markPulled(); !done)
                return failCycle(pageRefused(done.error()));
            cleanupNext();
        });
}

void SyncWorker::nextChunk(void (SyncWorker::*step)())
{
    // A short pause between two of the loader's write transactions: a sale waiting for the
    // write lock polls every 200 µs (LocalDatabase's busy handler) and gets in here, instead
    // of finding the next chunk's transaction begun a microsecond after the last. A timer
    // cannot wait less than a millisecond, so the pause is a sleep; the next step is still an
    // event of its own, so a stop or a sync request is seen between chunks.
    if (m_options.snapshotYieldUs > 0)
        QThread::usleep(ulong(m_options.snapshotYieldUs));
    const quint64 generation = m_generation;
    QTimer::singleShot(0, this, [this, generation, step] {
        if (generation == m_generation && m_loader)
            (this->*step)();
    });
}

void SyncWorker::cleanupNext()
{
    Core::Result<bool> cleaned = m_loader->cleanupStep();
    if (!cleaned)
        return failCycle(pageRefused(cleaned.error()));
    if (!cleaned.value()) {
        nextChunk(&SyncWorker::cleanupNext);
        return;
    }
    const QString longest = QStringLiteral("%1 ms: %2")
                                .arg(m_loader->longestTransactionMs())
                                .arg(m_loader->longestTransaction());
    m_loader.reset();
    m_bootstrapped = true;
    m_cursor = m_outbox->pullCursor();
    m_state.bootstrap = {};
    emit progress(QStringLiteral("snapshot done at cursor %1 (longest transaction %2)")
                      .arg(m_cursor)
                      .arg(longest));
    publish();
    pullNext(); // the feed from the snapshot's cursor on
}

void SyncWorker::publishBootstrap(bool force)
{
    const qint64 ms = QDateTime::currentMSecsSinceEpoch();
    if (!force && ms - m_lastBootstrapPublish < 250)
        return;
    m_lastBootstrapPublish = ms;
    if (m_loader)
        m_state.bootstrap = m_loader->progress();
    publish();
}

void SyncWorker::finishCycle()
{
    m_busy = false;
    m_backoff.reset();
    m_state.syncing = false;
    m_state.lastError.clear();
    m_state.lastErrorCode.clear();
    refreshCounts();
    publish();
    emit cycleFinished(true);
    if (m_again)
        scheduleNext(0);
    else if (m_options.automatic)
        scheduleNext(m_options.pollIntervalMs);
}

void SyncWorker::failCycle(const Error &error)
{
    ++m_generation;
    // A snapshot under way keeps its place in sync_state; the next cycle carries on there.
    if (m_loader && m_loader->progress().active())
        m_state.bootstrap = m_loader->progress();
    m_loader.reset();
    if (m_snapshot) {
        // An interrupted first sync starts again from nothing: half a snapshot is never kept.
        m_snapshot.reset();
        m_cursor = m_outbox->pullCursor();
    }
    m_busy = false;
    m_state.syncing = false;
    m_state.online = error.code != QLatin1String("sync.offline");
    m_state.lastError = error.message;
    m_state.lastErrorCode = error.code;
    qWarning().noquote() << "sync:" << error.code << error.detail;
    refreshCounts();
    publish();
    emit cycleFinished(false);
    // Back off even when a sale asked for a sync: hammering a server that is down helps no one.
    if (m_options.automatic)
        scheduleNext(m_backoff.nextDelayMs());
}

void SyncWorker::scheduleNext(int delayMs)
{
    m_timer.start(qMax(0, delayMs));
}

void SyncWorker::refreshCounts()
{
    if (!m_outbox)
        return;
    if (auto counts = m_outbox->counts()) {
        m_state.pendingEvents = counts->pending;
        m_state.rejectedEvents = counts->rejected;
    }
}

void SyncWorker::publish()
{
    emit stateChanged(m_state);
}

} // namespace Toonbank::Sync::Client::Internal
