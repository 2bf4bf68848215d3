#include "eventapplier.h"

#include "serverdatabase.h"

#include <QHash>
#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>

namespace Toonbank::Sync::Server {

using Protocol::PushOutcome;
using Protocol::PushResult;

namespace {

QString placeholders(qsizetype count)
{
    return QStringList(count, QStringLiteral("?")).join(QLatin1Char(','));
}

QString isoTime(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}

struct Pending
{
    BatchEvent event;
    EventHandler *handler = nullptr;
    PushResult parsed; // the outcome of the checks that need no database
};

} // namespace

EventApplier::EventApplier(ServerDatabase &database, const EventHandlerRegistry &handlers)
    : m_db(database)
    , m_handlers(handlers)
{ }

std::variant<EventApplier::Outcome, ApiError> EventApplier::apply(
    const DeviceIdentity &device, const Protocol::PushRequest &request)
{
    if (request.deviceId != device.deviceId)
        return ApiError { ApiErrorKind::Forbidden, QStringLiteral("scope.device"),
            QStringLiteral("a device can only push its own events") };

    // Validation that needs no database: the handler of the type parses the payload.
    QList<Pending> batch;
    batch.reserve(request.events.size());
    for (const Protocol::EventEnvelope &envelope : request.events) {
        Pending item;
        item.event.envelope = &envelope;
        item.event.result.eventId = envelope.eventId;
        item.event.result.outcome = PushOutcome::Applied;
        item.handler = m_handlers.find(envelope.type);
        if (!item.handler) {
            item.event.reject(QStringLiteral("event.unknown_type"),
                QStringLiteral("unknown event type %1").arg(envelope.type.left(40)));
        } else if (Core::Result<std::any> payload = item.handler->parse(device, envelope);
                   !payload) {
            item.event.reject(payload.error().code,
                payload.error().detail.isEmpty() ? payload.error().message
                                                 : payload.error().detail);
        } else {
            item.event.payload = std::move(payload).value();
        }
        item.parsed = item.event.result;
        batch.append(std::move(item));
    }

    QStringList eventIds;
    for (const Pending &item : batch)
        eventIds.append(item.event.envelope->eventId);

    bool anyRejected = false;
    Core::Status done = m_db.transaction([&]() -> Core::Status {
        anyRejected = false;
        for (Pending &item : batch) // a rerun after a conflict starts from the parse result
            item.event.result = item.parsed;
        // The feed lock first: it orders writers (see reserveSequence), and taking it before
        // any row lock means two batches can never deadlock on stock rows. Handlers reserve
        // the sequence numbers they need under it.
        if (Core::Status locked = m_db.lockFeed(); !locked)
            return locked;

        // Events seen before keep their first outcome.
        auto seen = m_db.exec(
            QStringLiteral(
                "SELECT event_id, status, reason_code, reason FROM events WHERE event_id IN (")
                + placeholders(eventIds.size()) + QStringLiteral(")"),
            QVariantList(eventIds.cbegin(), eventIds.cend()));
        if (!seen)
            return seen.error();
        QHash<QString, PushResult> earlier;
        while (seen.value().next()) {
            PushResult result;
            result.eventId = seen.value().value(0).toString();
            const bool rejected = seen.value().value(1).toString() == QLatin1String("rejected");
            result.outcome = rejected ? PushOutcome::Rejected : PushOutcome::Duplicate;
            result.code = seen.value().value(2).toString();
            result.reason = seen.value().value(3).toString();
            earlier.insert(result.eventId, result);
        }
        seen.value().finish();
        // An enrolment sent again (its answer was lost) gets the customer it became again,
        // so the tablet still learns the server id and a merge.
        for (const Pending &item : batch) {
            auto it = earlier.find(item.event.envelope->eventId);
            if (it == earlier.end() || it->outcome != PushOutcome::Duplicate
                || item.event.envelope->type
                    != Protocol::name(Protocol::EventType::CustomerEnrolled))
                continue;
            const QJsonObject &payload = item.event.envelope->payload;
            const QString card = payload.value(QStringLiteral("cardNumber")).toString();
            auto customer = m_db.exec(
                QStringLiteral("SELECT id, card_number, email FROM customers WHERE card_number = ? "
                               "UNION ALL SELECT c.id, c.card_number, c.email FROM "
                               "customer_card_aliases a JOIN customers c ON c.id = a.customer_id "
                               "WHERE a.card_number = ?"),
                { card, card });
            if (!customer)
                return customer.error();
            if (!customer.value().next())
                continue;
            it->serverId = customer.value().value(0).toLongLong();
            const QString kept = customer.value().value(1).toString();
            if (kept != card) {
                it->merged = true;
                it->cardNumber = kept;
                const QString email
                    = payload.value(QStringLiteral("email")).toString().trimmed().toLower();
                it->mergedOn = !email.isEmpty() && customer.value().value(2).toString() == email
                    ? QStringLiteral("email")
                    : QStringLiteral("phone");
            }
        }

        // The envelope's staff member must exist.
        QSet<qint64> staffIds;
        for (const Pending &item : batch) {
            if (!earlier.contains(item.event.envelope->eventId))
                staffIds.insert(item.event.envelope->staffId);
        }
        QSet<qint64> knownStaff;
        if (!staffIds.isEmpty()) {
            auto q = m_db.exec(QStringLiteral("SELECT id FROM staff WHERE id IN (")
                    + placeholders(staffIds.size()) + QStringLiteral(")"),
                QVariantList(staffIds.cbegin(), staffIds.cend()));
            if (!q)
                return q.error();
            while (q.value().next())
                knownStaff.insert(q.value().value(0).toLongLong());
        }

        // New, parsed events go to their handler's check, grouped by handler in batch order.
        QList<EventHandler *> handlerOrder;
        QHash<EventHandler *, QList<BatchEvent *>> byHandler;
        for (Pending &item : batch) {
            if (auto it = earlier.constFind(item.event.envelope->eventId);
                it != earlier.constEnd()) {
                item.event.result = *it;
                continue;
            }
            if (item.event.rejected())
                continue;
            if (!knownStaff.contains(item.event.envelope->staffId)) {
                item.event.reject(QStringLiteral("event.unknown_staff"),
                    QStringLiteral("staff %1 is unknown").arg(item.event.envelope->staffId));
                continue;
            }
            if (!byHandler.contains(item.handler))
                handlerOrder.append(item.handler);
            byHandler[item.handler].append(&item.event);
        }
        BatchContext context { m_db, device, isoTime(QDateTime::currentDateTimeUtc()), {} };
        for (const Pending &item : batch)
            context.batch.append(item.event.envelope);
        for (EventHandler *handler : handlerOrder) {
            if (Core::Status checked = handler->check(context, byHandler.value(handler)); !checked)
                return checked;
        }
        for (const Pending &item : batch)
            anyRejected = anyRejected || item.event.rejected();

        auto eventRow = [&](const Pending &item, const QString &status) -> QVariantList {
            const Protocol::EventEnvelope &e = *item.event.envelope;
            const bool rejected = status == QLatin1String("rejected");
            return { e.eventId, device.deviceId, e.deviceSeq, e.type, e.staffId,
                isoTime(e.occurredAt), context.now, status,
                rejected ? item.event.result.code : QString(),
                rejected ? item.event.result.reason : QString(),
                QString::fromUtf8(
                    QJsonDocument(item.handler ? item.handler->payloadToKeep(e) : e.payload)
                        .toJson(QJsonDocument::Compact)) };
        };
        const QStringList eventColumns { QStringLiteral("event_id"), QStringLiteral("device_id"),
            QStringLiteral("device_seq"), QStringLiteral("type"), QStringLiteral("staff_id"),
            QStringLiteral("occurred_at"), QStringLiteral("received_at"), QStringLiteral("status"),
            QStringLiteral("reason_code"), QStringLiteral("reason"), QStringLiteral("payload") };
        const QString onConflict = QStringLiteral("ON CONFLICT(event_id) DO NOTHING");

        if (anyRejected) {
            // Nothing of the batch is applied; the newly rejected are kept for the supervisor.
            QList<QVariantList> rows;
            for (Pending &item : batch) {
                if (item.event.rejected() && !earlier.contains(item.event.envelope->eventId))
                    rows.append(eventRow(item, QStringLiteral("rejected")));
                else if (item.event.result.outcome == PushOutcome::Applied)
                    item.event.result.outcome = PushOutcome::NotApplied;
            }
            return m_db.insertRows(QStringLiteral("events"), eventColumns, rows, onConflict);
        }

        // Record the ids first; only the rows this transaction really inserted get effects.
        // The primary key, not the SELECT above, is what makes this exactly-once.
        QList<QVariantList> rows;
        for (const Pending &item : batch) {
            if (item.event.result.outcome == PushOutcome::Applied)
                rows.append(eventRow(item, QStringLiteral("applied")));
        }
        if (rows.isEmpty())
            return Core::success();
        QString sql = QStringLiteral("INSERT INTO events(") + eventColumns.join(QLatin1Char(','))
            + QStringLiteral(") VALUES ");
        QVariantList params;
        for (qsizetype i = 0; i < rows.size(); ++i) {
            sql += (i ? QStringLiteral(",(") : QStringLiteral("("))
                + placeholders(eventColumns.size()) + QStringLiteral(")");
            params += rows.at(i);
        }
        sql += QLatin1Char(' ') + onConflict + QStringLiteral(" RETURNING event_id");
        auto inserted = m_db.exec(sql, params);
        if (!inserted)
            return inserted.error();
        QSet<QString> mine;
        while (inserted.value().next())
            mine.insert(inserted.value().value(0).toString());

        // Effects in batch order: each run of consecutive events of one type goes to its
        // handler in one call (so a sale after the enrolment of its customer sees it).
        EventHandler *runHandler = nullptr;
        QList<BatchEvent *> run;
        auto flush = [&]() -> Core::Status {
            if (run.isEmpty())
                return Core::success();
            Core::Status applied = runHandler->apply(context, run);
            run.clear();
            return applied;
        };
        for (Pending &item : batch) {
            if (item.event.result.outcome != PushOutcome::Applied)
                continue;
            if (!mine.contains(item.event.envelope->eventId)) {
                item.event.result.outcome = PushOutcome::Duplicate;
                continue;
            }
            if (item.handler != runHandler) {
                if (Core::Status s = flush(); !s)
                    return s;
                runHandler = item.handler;
            }
            run.append(&item.event);
        }
        return flush();
    });
    if (!done)
        return ApiError::fromCore(ApiErrorKind::Internal, done.error());

    Outcome outcome;
    outcome.anyRejected = anyRejected;
    for (const Pending &item : batch)
        outcome.response.results.append(item.event.result);
    return outcome;
}

} // namespace Toonbank::Sync::Server
