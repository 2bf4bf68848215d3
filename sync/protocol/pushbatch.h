#pragma once

#include "saleevent.h"

#include "app/core/journal.h"
#include "app/core/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Toonbank::Sync::Protocol {

/// Largest number of events one push may carry; the client batches below it.
constexpr int maxEventsPerPush = 500;

/// POST /v1/events: a batch of outbox events of one device, in device_seq order.
struct PushRequest
{
    QString deviceId;
    QList<EventEnvelope> events;
    /// The device's journal entries the server has not acknowledged yet, in seq order, at most
    /// maxEventsPerPush (optional key "journal"; a push may carry entries and no events). The
    /// server verifies each device's chain as they arrive and stores them whether or not the
    /// events are applied; a break or gap becomes a journal alert, never a rejected push.
    QList<Core::JournalEntry> journal;

    QJsonObject toJson() const;
    /// Validates the batch and every envelope (types, unknown fields, ids, sequence strictly
    /// increasing, at most maxEventsPerPush). The payloads are checked per event by the server.
    static Core::Result<PushRequest> fromJson(const QJsonObject &json);
};

enum class PushOutcome {
    Applied, // applied now, in this request
    Duplicate, // applied before (a replay): nothing changed
    Rejected, // invalid: kept on the server for a supervisor, never applied
    NotApplied, // valid, but the batch held a rejected event so nothing was applied: resend
};

QString outcomeName(PushOutcome outcome);

struct PushResult
{
    QString eventId;
    PushOutcome outcome = PushOutcome::NotApplied;
    QString code; // for Rejected: a stable error code ("sale.total", "scope.location", …)
    QString reason; // for Rejected: a plain sentence for the supervisor
    qint64 serverId = 0; // customer_enrolled: the server id of the customer (new or merged into)
    bool merged = false; // customer_enrolled: an existing customer (same e-mail/phone) was kept
    QString cardNumber; // customer_enrolled, merged: the card number the server kept
    QString mergedOn; // customer_enrolled, merged: "email" or "phone" (what matched)
};

/// The answer to a push: one result per event, in request order. HTTP 200 when nothing was
/// rejected; 422 when something was (then nothing of the batch was applied).
struct PushResponse
{
    QList<PushResult> results;
    /// The highest journal seq of this device the server holds (optional key "journalSeq";
    /// 0 = none): the tablet sends entries after it next time.
    qint64 journalSeq = 0;

    QJsonObject toJson() const;
    static Core::Result<PushResponse> fromJson(const QJsonObject &json);
};

} // namespace Toonbank::Sync::Protocol
