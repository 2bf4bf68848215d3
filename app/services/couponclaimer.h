#pragma once

#include "app/core/result.h"

#include <QString>

namespace Toonbank::Services {

// Header-only, so the sync client can implement it without linking the services.

/// A granted claim on a single-use coupon.
struct CouponClaim
{
    QString code;
    QString claimId; // the server's reference, recorded in the sale
};

/// Claims single-use coupons on the server (one yes per code, chain-wide). The sync client
/// implements it; without one, or offline, single-use coupons are refused with
/// "coupon.needs_network". Called on the GUI thread; must answer within a few seconds.
class CouponClaimer
{
public:
    virtual ~CouponClaimer() = default;
    virtual bool isOnline() const = 0;
    /// Errors: "coupon.already_used", "coupon.unknown", "sync.*" (network).
    virtual Core::Result<CouponClaim> claim(
        const QString &code, const QString &saleId, const QString &storeCode)
        = 0;
    /// Gives a claim back (the coupon was removed or the sale abandoned). Best effort.
    virtual void release(const CouponClaim &claim) = 0;
};

} // namespace Toonbank::Services
