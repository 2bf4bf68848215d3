#pragma once

#include "promotion.h"
#include "sale.h"

#include <memory>

namespace Toonbank::Core {

/// Who and what the engine prices for.
struct PromotionContext
{
    QDateTime localTime; // store local time of the sale
    QString storeCode;
    qint64 customerId = 0; // 0 = no customer attached
    QString customerTier; // empty = no tier
    QStringList couponCodes; // entered coupon codes (case-insensitive match)
};

/// Best price for the customer, deterministically. Stacking rules (stated here, tested in
/// tst_promotions):
///  1. Only promotions active at `localTime` in `storeCode` whose condition holds (coupon
///     entered, customer matches, tier matches) take part.
///  2. Line-level promotions (Item/Category/Brand targets, multi-buy, cheapest free, bundle):
///     each unit gets at most one; the engine picks, per unit, what saves the customer most;
///     ties → higher priority, then smaller id.
///  3. Basket-level promotions (Basket target, spend threshold) stack on what the line-level
///     ones left, in priority order, each spread over the lines pro rata to the cent.
///  4. An exclusive promotion is weighed alone against the best non-exclusive combination;
///     the larger saving wins (ties → the non-exclusive combination).
///  5. No adjustment ever exceeds what is left of its line; a line never goes below zero.
/// The result is a pure function of its inputs: the same basket gives the same adjustments,
/// however often it is recomputed.
class PromotionEngine
{
public:
    explicit PromotionEngine(QList<Promotion> promotions);

    /// The adjustments per line, in the order of `lines` (lineId kept). Only promotion-made
    /// kinds (Promotion, Coupon, PersonalOffer, Tier); manual discounts are not touched.
    QList<QList<Adjustment>> apply(
        const QList<SaleLine> &lines, const PromotionContext &context) const;

    const QList<Promotion> &promotions() const { return m_promotions; }

    struct Index; // promotions indexed by target key, built once in the constructor

private:
    QList<Promotion> m_promotions;
    std::shared_ptr<const Index> m_index;
};

} // namespace Toonbank::Core
