#pragma once

#include "apiserver.h"

namespace Toonbank::Sync::Server {

/// Returns (docs/RETURNS.md): looking up what a code names, and claiming returned quantities
/// before any money goes back.
///
/// A claim is one transaction: its return_claims row (primary key claim_id: a retry or the
/// same claim through another instance inserts nothing and answers the claim that exists),
/// its return_claim_lines, and per line ONE conditional statement
/// (`UPDATE … SET returned_quantity = returned_quantity + q WHERE … AND returned_quantity + q
/// <= quantity`, under `CHECK (returned_quantity <= quantity)`). A line that does not update
/// rolls everything back: of two stores claiming the last unit at the same moment one gets 201,
/// the other 409 `return.quantity` with what is still returnable. The return event that carries
/// the claim marks it used (ReturnHandler); an abandoned return releases it (the quantities go
/// back, once). The return window is not decided here: the event carries the approvals.
///
/// GET  /v1/returns/lookup?code=TEXT
/// POST /v1/returns                      ReturnClaimRequest
/// POST /v1/returns/{claimId}/release
/// GET  /v1/returns/{claimId}
class ReturnsController final
{
public:
    explicit ReturnsController(ServerDatabase &database)
        : m_db(database)
    { }
    ApiReply lookup(const ApiRequest &request);
    ApiReply claim(const ApiRequest &request);
    ApiReply release(const ApiRequest &request);
    ApiReply status(const ApiRequest &request);

private:
    ServerDatabase &m_db;
};

} // namespace Toonbank::Sync::Server
