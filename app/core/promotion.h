#pragma once

#include "money.h"
#include "result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Toonbank::Core {

/// What a promotion does. Names for storage, wire and import: see name()/promotionKindFromName().
enum class PromotionKind {
    PercentOff, // `percentBasisPoints` off each qualifying unit (or the basket)
    AmountOff, // `amount` off each qualifying unit (or once off the basket)
    FixedPrice, // each qualifying unit for `amount`
    BuyNPayM, // "3 for 2": in every group of `buyQuantity` units, the `buyQuantity - payQuantity`
              // cheapest are free
    NthAtPercentOff, // "second at half price": every `buyQuantity`-th unit (cheapest first)
                     // gets `percentBasisPoints` off
    CheapestFree, // among `buyQuantity` qualifying units, the cheapest one is free (never more
                  // than its own price)
    BundlePrice, // one of each `targetKeys` SKU together for `amount`
    SpendThreshold, // `amount` off the basket once the qualifying total reaches `threshold`
};
QString name(PromotionKind kind);
std::optional<PromotionKind> promotionKindFromName(const QString &name);

/// Which lines a promotion looks at.
enum class PromotionTarget { Item, Category, Brand, Basket };
QString name(PromotionTarget target);
std::optional<PromotionTarget> promotionTargetFromName(const QString &name);

/// One promotion as data (imported with `toonbank-admin import promotions`, sent to tablets in
/// the "promotions" feed kind). Which adjustment kind it produces follows from its condition:
/// a coupon code → Coupon, a customer → PersonalOffer, a tier → Tier, otherwise Promotion.
struct Promotion
{
    QString id; // stable, e.g. "PR-2026-114"
    QString label; // what the line shows: "3 voor 2 sokken"
    PromotionKind kind = PromotionKind::PercentOff;
    PromotionTarget target = PromotionTarget::Item;
    QStringList targetKeys; // SKUs, categories or brands (empty for Basket)
    int percentBasisPoints = 0; // 2000 = 20 %
    Money amount; // amount off, fixed price, bundle price or threshold discount
    Money threshold; // SpendThreshold only
    int buyQuantity = 0; // BuyNPayM, NthAtPercentOff, CheapestFree
    int payQuantity = 0; // BuyNPayM
    QDateTime validFrom; // store local time, inclusive; invalid = no start
    QDateTime validUntil; // store local time, inclusive; invalid = no end
    QStringList storeCodes; // empty = every store
    bool exclusive = false; // an exclusive promotion never combines with another
    int priority = 0; // higher first among equals; ties broken by id
    QString couponCode; // non-empty: applies only when this code is entered
    bool singleUse = false; // single-use coupons are claimed online, once
    qint64 customerId = 0; // non-zero: a personal offer for this customer only
    QString tier; // non-empty: a tier discount for customers of this tier
    qint64 version = 0; // server feed sequence of its last change

    /// Checks the fields agree with the kind (no negative amount, from <= until, quantities
    /// that make sense, target keys where needed). Errors: "promotion.*".
    Status validate() const;
};

/// "Is this promotion valid here and now" — the one function tablet, server and tools call.
bool isActive(const Promotion &promotion, const QDateTime &localTime, const QString &storeCode);

} // namespace Toonbank::Core
