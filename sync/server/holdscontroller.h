#pragma once

#include "apiserver.h"

namespace Toonbank::Sync::Server {

/// Holds (reservations) and endless-aisle orders (docs/STOCK.md §4, §5). The server is the
/// truth: a hold is taken by ONE conditional statement
/// (`UPDATE stock SET held = held + q … WHERE … AND quantity - held >= q`): one row updated or
/// 409 `hold.unavailable` with the number available. The hold's row goes in the same
/// transaction. Requests are idempotent on the tablet's id (request_hash): the same request
/// answers the same hold (200, without the pickup code), other content 409 `hold.id_conflict`.
///
/// POST /v1/holds                 HoldRequest → 201 HoldData (pickupCode once)
/// GET  /v1/holds/{holdId}        HoldData
/// POST /v1/holds/{holdId}/cancel HoldData (cancelled; the units are available again)
/// POST /v1/orders                OrderRequest → 201 OrderData (all lines held, or none)
class HoldsController final
{
public:
    explicit HoldsController(ServerDatabase &database)
        : m_db(database)
    { }
    ApiReply create(const ApiRequest &request);
    ApiReply status(const ApiRequest &request);
    ApiReply cancel(const ApiRequest &request);
    ApiReply order(const ApiRequest &request);

private:
    ServerDatabase &m_db;
};

} // namespace Toonbank::Sync::Server
