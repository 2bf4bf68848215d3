#pragma once

#include "apiserver.h"

namespace Toonbank::Sync::Server {

/// The online wallet (docs/PAYMENTS.md): gift cards and store credit, spent by claims.
///
/// A claim takes the amount off the balance at once with one conditional statement
/// (`UPDATE … SET balance_cents = balance_cents - :amount WHERE … AND balance_cents >=
/// :amount`, under `CHECK (balance_cents >= 0)`) in one transaction with its wallet_claims row:
/// of two tablets spending the last euro of a card at the same moment one gets 201, the other
/// 409, and the balance never goes below zero. Claims are idempotent by claim id: the same id
/// again answers the same claim (200), never a second deduction; the same id for another card,
/// customer or amount is 409 `claim.mismatch`. The sale that carries the claim marks it used
/// (SaleHandler); a cancelled payment releases it (the amount goes back, once).
///
/// GET  /v1/giftcards/balance?number=N
/// GET  /v1/storecredit?customerId=ID
/// POST /v1/wallet/claims            {claimId, kind, number | customerId, amountCents, saleId,
///                                    storeCode}
/// POST /v1/wallet/claims/release    {claimId}
/// GET  /v1/wallet/claims?id=CLAIM
class WalletController final
{
public:
    explicit WalletController(ServerDatabase &database)
        : m_db(database)
    { }
    ApiReply giftCardBalance(const ApiRequest &request);
    ApiReply storeCreditBalance(const ApiRequest &request);
    ApiReply claim(const ApiRequest &request);
    ApiReply release(const ApiRequest &request);
    ApiReply status(const ApiRequest &request);

private:
    ServerDatabase &m_db;
};

} // namespace Toonbank::Sync::Server
