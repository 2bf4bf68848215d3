#pragma once

#include "apierror.h"
#include "deviceregistry.h"
#include "handlers/eventhandler.h"

#include "sync/protocol/pushbatch.h"

#include <variant>

namespace Toonbank::Sync::Server {

class ServerDatabase;

/// Applies pushed outbox events exactly once. It knows the envelope, not the event types:
/// each type's parse / check / apply is an EventHandler from the registry. The whole batch is
/// one transaction; each event's id goes into `events` (primary key) together with its
/// effects, so a replay — a retry after a lost answer, the same batch through two connections
/// or two server instances — finds its id and changes nothing. A batch with an invalid event
/// applies nothing: the invalid events are recorded as rejected (for the supervisor) and the
/// valid ones come back "not_applied". Effects are written in batch order.
class EventApplier final
{
    Q_DISABLE_COPY_MOVE(EventApplier)
public:
    EventApplier(ServerDatabase &database, const EventHandlerRegistry &handlers);

    struct Outcome
    {
        Protocol::PushResponse response;
        bool anyRejected = false;
    };

    std::variant<Outcome, ApiError> apply(
        const DeviceIdentity &device, const Protocol::PushRequest &request);

private:
    ServerDatabase &m_db;
    const EventHandlerRegistry &m_handlers;
};

} // namespace Toonbank::Sync::Server
