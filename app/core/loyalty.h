#pragma once

#include "money.h"
#include "result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Toonbank::Core {

struct LoyaltyTier
{
    QString name; // "basic", "silver", "gold"
    qint64 thresholdPoints = 0; // lifetime points from which a customer is in this tier
    int pointsPerEuro = 1; // earned per whole euro paid
};

/// Loyalty earn and burn rules as data: the same on tablet and server.
struct LoyaltyRules
{
    QList<LoyaltyTier> tiers; // ascending threshold
    QStringList excludedCategories; // no points on these (gift cards, tobacco, …)
    Money pointValue = Money::fromCents(1); // what one point is worth when redeemed

    /// NL demo defaults: basic 1/€, silver from 1000 points 2/€, gold from 5000 points 3/€;
    /// gift cards excluded; a point is worth 1 cent.
    static LoyaltyRules defaults();
    /// The tier for lifetime points.
    QString tierFor(qint64 lifetimePoints) const;
    int pointsPerEuroFor(const QString &tier) const;
};

struct Sale;

/// Points a sale earns: per whole euro of the amount paid for non-excluded lines (not gift
/// cards sold on a line, SaleLine::giftCardNumber, nor an order's delivery line; line totals
/// after every adjustment, minus what was paid with points), at the customer's tier rate.
/// 0 without a customer or for a training sale. The one earn function, tablet and server.
qint64 pointsEarned(const Sale &sale, const LoyaltyRules &rules);

} // namespace Toonbank::Core
