#pragma once

#include "app/core/money.h"
#include "app/core/result.h"

#include <QDate>
#include <QString>

#include <optional>

namespace Toonbank::Services {

// Header-only, so the sync client side (ServerLookups) can implement it without the services.

/// A gift card or a customer's store credit as the server knows it now.
struct StoredValueBalance
{
    enum class State { Active, Inactive, Expired };
    QString number; // gift card number; for store credit the customer's card number
    Core::Money balance;
    std::optional<QDate> expiresOn; // none: no end date
    State state = State::Active;
};

/// A granted claim: the server took `amount` off the balance, once, for this claim id.
struct StoredValueClaim
{
    enum class State { Claimed, Used, Released };
    QString claimId;
    QString number;
    Core::Money amount;
    Core::Money balanceLeft;
    State state = State::Claimed;
};

/// Online-only spending of gift cards and store credit (docs/PAYMENTS.md has the HTTP
/// contract). A claim takes the amount off the balance at once, atomically on the server; the
/// sale that carries the claim id uses it; a cancelled payment releases it. Claims are
/// idempotent by claim id: asking again with the same id answers the same claim, never a
/// second one. Called on the GUI thread; answers within a few seconds.
class StoredValueClient
{
public:
    virtual ~StoredValueClient() = default;
    virtual bool isOnline() const = 0;
    /// Errors: "giftcard.unknown", "wallet.needs_network", "sync.*".
    virtual Core::Result<StoredValueBalance> giftCardBalance(const QString &number) = 0;
    /// Errors: "giftcard.unknown", "giftcard.expired", "giftcard.inactive", "giftcard.empty",
    /// "giftcard.insufficient" (message names the balance), "wallet.needs_network", "sync.*".
    virtual Core::Result<StoredValueClaim> redeemGiftCard(const QString &claimId,
        const QString &number, Core::Money amount, const QString &saleId, const QString &storeCode)
        = 0;
    /// Errors: "storecredit.none", "wallet.needs_network", "sync.*".
    virtual Core::Result<StoredValueBalance> storeCreditBalance(qint64 customerServerId) = 0;
    /// Errors: "storecredit.insufficient", "storecredit.none", "wallet.needs_network", "sync.*".
    virtual Core::Result<StoredValueClaim> redeemStoreCredit(const QString &claimId,
        qint64 customerServerId, Core::Money amount, const QString &saleId,
        const QString &storeCode)
        = 0;
    /// Gives a claim back (payment cancelled). Idempotent. Error "claim.used" when a sale
    /// already used it, "wallet.needs_network" offline (the caller keeps it and tries again).
    virtual Core::Status releaseClaim(const QString &claimId) = 0;
    /// What the server knows of a claim (recovery after a crash). Error "claim.unknown" when
    /// the server never granted it (safe: nothing was taken).
    virtual Core::Result<StoredValueClaim> claimStatus(const QString &claimId) = 0;
};

} // namespace Toonbank::Services
