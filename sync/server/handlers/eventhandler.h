#pragma once

#include "sync/protocol/eventtype.h"
#include "sync/protocol/pushbatch.h"
#include "sync/server/deviceregistry.h"

#include "app/core/result.h"

#include <QHash>
#include <QList>

#include <any>
#include <memory>
#include <vector>

namespace Toonbank::Sync::Server {

class ServerDatabase;

/// One event of a pushed batch as a handler sees it.
struct BatchEvent
{
    const Protocol::EventEnvelope *envelope = nullptr;
    std::any payload; // what the handler's parse() made of the envelope's payload
    Protocol::PushResult result; // Applied until a check rejects it

    void reject(const QString &code, const QString &reason)
    {
        result.outcome = Protocol::PushOutcome::Rejected;
        result.code = code;
        result.reason = reason;
    }
    bool rejected() const { return result.outcome == Protocol::PushOutcome::Rejected; }
    template <typename T> T &as() { return std::any_cast<T &>(payload); }
};

/// What a handler gets besides its events: the batch's transaction and who pushed.
struct BatchContext
{
    ServerDatabase &db;
    const DeviceIdentity &device;
    QString now; // ISO-8601 UTC, the batch's receive time
    QList<const Protocol::EventEnvelope *> batch; // every event of the push, in order
};

/// One event type on the server: parse (no database), check (reads, inside the batch's
/// transaction) and apply (writes). The applier handles the envelope, exactly-once and the
/// transaction; a handler only ever sees new events of its own type, in batch order, so adding
/// a type touches no other handler.
class EventHandler
{
public:
    virtual ~EventHandler() = default;
    virtual Protocol::EventType type() const = 0;

    /// Parses and validates the payload strictly (unknown fields are errors). The error's
    /// code becomes the rejection code.
    virtual Core::Result<std::any> parse(
        const DeviceIdentity &device, const Protocol::EventEnvelope &envelope) const = 0;
    /// What the events table keeps of the payload (applied or rejected). Default: all of it; a
    /// handler drops what must never be at rest in clear (pickup_handed_over: the typed code).
    virtual QJsonObject payloadToKeep(const Protocol::EventEnvelope &envelope) const
    {
        return envelope.payload;
    }
    /// Checks the new events against the database; calls BatchEvent::reject() on those that
    /// fail. An error return is a database failure (the batch fails, nothing is kept).
    virtual Core::Status check(BatchContext &context, const QList<BatchEvent *> &events) = 0;
    /// Writes the effects of events that passed every check, in batch order. Called only when
    /// nothing in the batch was rejected, after their ids went into `events`. The handler may
    /// fill in PushResult fields (e.g. the server id a customer was merged into).
    virtual Core::Status apply(BatchContext &context, const QList<BatchEvent *> &events) = 0;
};

/// The handlers by type name.
class EventHandlerRegistry final
{
    Q_DISABLE_COPY_MOVE(EventHandlerRegistry)
public:
    EventHandlerRegistry() = default;

    struct Options
    {
        bool checkSales = true; // false only for bench_sync: measures what the checks cost
    };
    /// Sale, customer_enrolled, consent_changed, wishlist_changed, receipt_email, return,
    /// shift_opened, cash_movement, shift_closed.
    static std::unique_ptr<EventHandlerRegistry> standard(const Options &options);

    void add(std::unique_ptr<EventHandler> handler);
    EventHandler *find(const QString &typeName) const;

private:
    std::vector<std::unique_ptr<EventHandler>> m_handlers;
    QHash<QString, EventHandler *> m_byName;
};

} // namespace Toonbank::Sync::Server
