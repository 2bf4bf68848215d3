#include "loyalty.h"

#include "sale.h"

namespace Toonbank::Core {

LoyaltyRules LoyaltyRules::defaults()
{
    LoyaltyRules rules;
    rules.tiers = {
        { QStringLiteral("basic"), 0, 1 },
        { QStringLiteral("silver"), 1000, 2 },
        { QStringLiteral("gold"), 5000, 3 },
    };
    rules.excludedCategories = { QStringLiteral("gift_cards") };
    rules.pointValue = Money::fromCents(1);
    return rules;
}

QString LoyaltyRules::tierFor(qint64 lifetimePoints) const
{
    QString tier = tiers.isEmpty() ? QString() : tiers.first().name;
    for (const LoyaltyTier &candidate : tiers) {
        if (lifetimePoints >= candidate.thresholdPoints)
            tier = candidate.name;
    }
    return tier;
}

int LoyaltyRules::pointsPerEuroFor(const QString &tier) const
{
    for (const LoyaltyTier &candidate : tiers) {
        if (candidate.name.compare(tier, Qt::CaseInsensitive) == 0)
            return candidate.pointsPerEuro;
    }
    // An unknown or empty tier earns like the lowest one.
    return tiers.isEmpty() ? 0 : tiers.first().pointsPerEuro;
}

qint64 pointsEarned(const Sale &sale, const LoyaltyRules &rules)
{
    if (sale.training || !sale.customer)
        return 0;
    Money eligible;
    const QString deliveryLineId = sale.order ? sale.order->deliveryLineId : QString();
    for (const SaleLine &line : sale.lines) {
        // A gift card sold or topped up is a voucher, not a purchase: it earns when spent. An
        // order's delivery is a charge, not a purchase.
        if (!line.giftCardNumber.isEmpty()
            || rules.excludedCategories.contains(line.category, Qt::CaseInsensitive)
            || (!deliveryLineId.isEmpty() && line.lineId == deliveryLineId))
            continue;
        eligible += line.lineTotal();
    }
    for (const Tender &tender : sale.tenders) {
        if (tender.method == TenderMethod::LoyaltyPoints)
            eligible -= tender.amount;
    }
    if (eligible.cents() <= 0)
        return 0;
    return eligible.cents() / 100 * rules.pointsPerEuroFor(sale.customer->tier);
}

} // namespace Toonbank::Core
