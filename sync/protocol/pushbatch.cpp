#include "pushbatch.h"

#include "jsonreader.h"

#include <QJsonArray>
#include <QSet>

namespace Toonbank::Sync::Protocol {

QJsonObject PushRequest::toJson() const
{
    QJsonArray eventArray;
    for (const EventEnvelope &event : events)
        eventArray.append(event.toJson());
    QJsonObject json { { QStringLiteral("deviceId"), deviceId },
        { QStringLiteral("events"), eventArray } };
    if (!journal.isEmpty()) {
        QJsonArray journalArray;
        for (const Core::JournalEntry &entry : journal)
            journalArray.append(entry.toJson());
        json.insert(QStringLiteral("journal"), journalArray);
    }
    return json;
}

Core::Result<PushRequest> PushRequest::fromJson(const QJsonObject &json)
{
    JsonReader reader(json, QStringLiteral("push"));
    PushRequest request;
    request.deviceId = reader.string(QStringLiteral("deviceId"));
    const QJsonArray eventArray = reader.array(QStringLiteral("events"));
    const QJsonArray journalArray = reader.array(QStringLiteral("journal"), false);
    reader.rejectUnknownFields();
    if (reader.ok() && (eventArray.size() > maxEventsPerPush))
        reader.fail(QStringLiteral("protocol.batch_size"),
            QStringLiteral("push.events must hold at most %1 events").arg(maxEventsPerPush));
    if (reader.ok() && journalArray.size() > maxEventsPerPush)
        reader.fail(QStringLiteral("protocol.batch_size"),
            QStringLiteral("push.journal must hold at most %1 entries").arg(maxEventsPerPush));
    // A push carries events, journal entries or both; never nothing.
    if (reader.ok() && eventArray.isEmpty() && journalArray.isEmpty())
        reader.fail(QStringLiteral("protocol.batch_size"),
            QStringLiteral("push.events must hold 1 to %1 events").arg(maxEventsPerPush));
    if (!reader.ok())
        return reader.error();
    qint64 previousJournalSeq = 0;
    for (qsizetype i = 0; i < journalArray.size(); ++i) {
        if (!journalArray.at(i).isObject()) {
            reader.fail(QStringLiteral("protocol.wrong_type"),
                QStringLiteral("push.journal[%1] must be an object").arg(i));
            return reader.error();
        }
        Core::Result<Core::JournalEntry> entry
            = Core::JournalEntry::fromJson(journalArray.at(i).toObject());
        if (!entry)
            return entry.error();
        if (entry->seq <= previousJournalSeq) {
            reader.fail(QStringLiteral("protocol.sequence"),
                QStringLiteral("push.journal[%1] is out of seq order").arg(i));
            return reader.error();
        }
        previousJournalSeq = entry->seq;
        request.journal.append(std::move(entry).value());
    }
    qint64 previousSeq = 0;
    QSet<QString> ids;
    for (qsizetype i = 0; i < eventArray.size(); ++i) {
        if (!eventArray.at(i).isObject()) {
            reader.fail(QStringLiteral("protocol.wrong_type"),
                QStringLiteral("push.events[%1] must be an object").arg(i));
            return reader.error();
        }
        Core::Result<EventEnvelope> event = EventEnvelope::fromJson(eventArray.at(i).toObject());
        if (!event)
            return event.error();
        // A batch is a slice of one device's outbox: mixing devices or reordering would let
        // one tablet write in another's name or apply events out of order.
        if (event->deviceId != request.deviceId) {
            reader.fail(QStringLiteral("protocol.device_mismatch"),
                QStringLiteral("push.events[%1] belongs to another device").arg(i));
            return reader.error();
        }
        if (event->deviceSeq <= previousSeq) {
            reader.fail(QStringLiteral("protocol.sequence"),
                QStringLiteral("push.events[%1] is out of device sequence order").arg(i));
            return reader.error();
        }
        if (ids.contains(event->eventId)) {
            reader.fail(QStringLiteral("protocol.duplicate_id"),
                QStringLiteral("push.events[%1] repeats an event id of the batch").arg(i));
            return reader.error();
        }
        ids.insert(event->eventId);
        previousSeq = event->deviceSeq;
        request.events.append(std::move(event).value());
    }
    return request;
}

QString outcomeName(PushOutcome outcome)
{
    switch (outcome) {
    case PushOutcome::Applied:
        return QStringLiteral("applied");
    case PushOutcome::Duplicate:
        return QStringLiteral("duplicate");
    case PushOutcome::Rejected:
        return QStringLiteral("rejected");
    case PushOutcome::NotApplied:
        return QStringLiteral("not_applied");
    }
    return {};
}

QJsonObject PushResponse::toJson() const
{
    QJsonArray resultArray;
    for (const PushResult &result : results) {
        QJsonObject item { { QStringLiteral("eventId"), result.eventId },
            { QStringLiteral("outcome"), outcomeName(result.outcome) } };
        if (result.outcome == PushOutcome::Rejected) {
            item.insert(QStringLiteral("code"), result.code);
            item.insert(QStringLiteral("reason"), result.reason);
        }
        if (result.serverId != 0)
            item.insert(QStringLiteral("serverId"), result.serverId);
        if (result.merged)
            item.insert(QStringLiteral("merged"), true);
        if (!result.cardNumber.isEmpty())
            item.insert(QStringLiteral("cardNumber"), result.cardNumber);
        if (!result.mergedOn.isEmpty())
            item.insert(QStringLiteral("mergedOn"), result.mergedOn);
        resultArray.append(item);
    }
    QJsonObject json { { QStringLiteral("results"), resultArray } };
    if (journalSeq > 0)
        json.insert(QStringLiteral("journalSeq"), journalSeq);
    return json;
}

Core::Result<PushResponse> PushResponse::fromJson(const QJsonObject &json)
{
    JsonReader reader(json, QStringLiteral("pushResponse"));
    const QJsonArray resultArray = reader.array(QStringLiteral("results"));
    reader.object(QStringLiteral("error"), false); // present on 422, informational
    const qint64 journalSeq = reader.integer(QStringLiteral("journalSeq"), false);
    reader.rejectUnknownFields();
    if (!reader.ok())
        return reader.error();
    PushResponse response;
    response.journalSeq = journalSeq;
    for (qsizetype i = 0; i < resultArray.size(); ++i) {
        JsonReader item(resultArray.at(i).toObject(), QStringLiteral("results[%1]").arg(i));
        PushResult result;
        result.eventId = item.string(QStringLiteral("eventId"));
        const QString outcome = item.string(QStringLiteral("outcome"));
        result.code = item.string(QStringLiteral("code"), false);
        result.reason = item.string(QStringLiteral("reason"), false);
        result.serverId = item.integer(QStringLiteral("serverId"), false);
        result.merged = item.boolean(QStringLiteral("merged"), false);
        result.cardNumber = item.string(QStringLiteral("cardNumber"), false);
        result.mergedOn = item.string(QStringLiteral("mergedOn"), false);
        // Tolerant: a newer server may tell more about an event; the tablet reads what it knows.
        if (outcome == QLatin1String("applied"))
            result.outcome = PushOutcome::Applied;
        else if (outcome == QLatin1String("duplicate"))
            result.outcome = PushOutcome::Duplicate;
        else if (outcome == QLatin1String("rejected"))
            result.outcome = PushOutcome::Rejected;
        else if (outcome == QLatin1String("not_applied"))
            result.outcome = PushOutcome::NotApplied;
        else if (item.ok())
            item.fail(QStringLiteral("protocol.bad_value"),
                QStringLiteral("unknown outcome %1").arg(outcome));
        if (!item.ok())
            return item.error();
        response.results.append(result);
    }
    return response;
}

} // namespace Toonbank::Sync::Protocol
