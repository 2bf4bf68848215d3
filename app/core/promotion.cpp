#include "promotion.h"

#include "enumnames_p.h"
#include "tr.h"
#include "wallclock_p.h"

#include <array>
#include <utility>

namespace Toonbank::Core {

namespace {

constexpr std::array<std::pair<PromotionKind, const char *>, 8> kindNames { {
    { PromotionKind::PercentOff, "percent_off" },
    { PromotionKind::AmountOff, "amount_off" },
    { PromotionKind::FixedPrice, "fixed_price" },
    { PromotionKind::BuyNPayM, "buy_n_pay_m" },
    { PromotionKind::NthAtPercentOff, "nth_at_percent_off" },
    { PromotionKind::CheapestFree, "cheapest_free" },
    { PromotionKind::BundlePrice, "bundle_price" },
    { PromotionKind::SpendThreshold, "spend_threshold" },
} };

constexpr std::array<std::pair<PromotionTarget, const char *>, 4> targetNames { {
    { PromotionTarget::Item, "item" },
    { PromotionTarget::Category, "category" },
    { PromotionTarget::Brand, "brand" },
    { PromotionTarget::Basket, "basket" },
} };

using Internal::nameOf;
using Internal::valueOf;

} // namespace

QString name(PromotionKind kind)
{
    return nameOf(kindNames, kind);
}

std::optional<PromotionKind> promotionKindFromName(const QString &name)
{
    return valueOf(kindNames, name);
}

QString name(PromotionTarget target)
{
    return nameOf(targetNames, target);
}

std::optional<PromotionTarget> promotionTargetFromName(const QString &name)
{
    return valueOf(targetNames, name);
}

Status Promotion::validate() const
{
    const QString who = id.isEmpty() ? label.left(40) : id.left(40);
    auto invalid = [&](const char *code, const QString &message, const QString &detail) {
        return Error::make(QLatin1String(code), message,
            QStringLiteral("promotion=%1 kind=%2: %3").arg(who, name(kind), detail));
    };
    if (id.trimmed().isEmpty())
        return invalid("promotion.id", Tr::tr("A promotion needs an id."), QStringLiteral("no id"));
    if (amount.isNegative() || threshold.isNegative())
        return invalid("promotion.amount", Tr::tr("Promotion %1 has a negative amount.").arg(who),
            QStringLiteral("negative"));
    if (percentBasisPoints < 0 || percentBasisPoints > 10000)
        return invalid("promotion.percent",
            Tr::tr("Promotion %1 has a percentage outside 0–100 %.").arg(who),
            QStringLiteral("basis points %1").arg(percentBasisPoints));
    if (validFrom.isValid() && validUntil.isValid() && validUntil < validFrom)
        return invalid("promotion.dates", Tr::tr("Promotion %1 ends before it starts.").arg(who),
            QStringLiteral("from %1 until %2")
                .arg(validFrom.toString(Qt::ISODate), validUntil.toString(Qt::ISODate)));
    if (target != PromotionTarget::Basket && targetKeys.isEmpty())
        return invalid("promotion.target_keys",
            Tr::tr("Promotion %1 does not say which products it is for.").arg(who),
            QStringLiteral("no target keys for target %1").arg(name(target)));

    auto needsPercent = [&]() -> Status {
        if (percentBasisPoints <= 0)
            return invalid("promotion.percent", Tr::tr("Promotion %1 has no percentage.").arg(who),
                QStringLiteral("0 bp"));
        return success();
    };
    auto basketOnlyFor = [&](bool allowed) -> Status {
        if (target == PromotionTarget::Basket && !allowed)
            return invalid("promotion.target",
                Tr::tr("Promotion %1 cannot apply to the whole basket.").arg(who),
                QStringLiteral("basket target"));
        return success();
    };
    auto quantityError = [&](const QString &detail) {
        return invalid("promotion.quantity",
            Tr::tr("Promotion %1 has quantities that do not make sense.").arg(who), detail);
    };

    switch (kind) {
    case PromotionKind::PercentOff:
        return needsPercent();
    case PromotionKind::AmountOff:
        if (amount.cents() <= 0)
            return invalid("promotion.amount", Tr::tr("Promotion %1 has no amount.").arg(who),
                QStringLiteral("amount 0"));
        return success();
    case PromotionKind::FixedPrice:
        return basketOnlyFor(false);
    case PromotionKind::BuyNPayM:
        if (auto status = basketOnlyFor(false); !status)
            return status;
        if (buyQuantity < 2 || payQuantity < 1 || payQuantity >= buyQuantity)
            return quantityError(QStringLiteral("buy %1 pay %2").arg(buyQuantity).arg(payQuantity));
        return success();
    case PromotionKind::NthAtPercentOff:
        if (auto status = basketOnlyFor(false); !status)
            return status;
        if (buyQuantity < 2)
            return quantityError(QStringLiteral("every %1th").arg(buyQuantity));
        return needsPercent();
    case PromotionKind::CheapestFree:
        if (auto status = basketOnlyFor(false); !status)
            return status;
        if (buyQuantity < 2)
            return quantityError(QStringLiteral("among %1").arg(buyQuantity));
        return success();
    case PromotionKind::BundlePrice:
        if (target != PromotionTarget::Item)
            return invalid("promotion.target",
                Tr::tr("Bundle promotion %1 must list products.").arg(who),
                QStringLiteral("target %1").arg(name(target)));
        if (targetKeys.size() < 2)
            return invalid("promotion.target_keys",
                Tr::tr("Bundle promotion %1 needs at least two products.").arg(who),
                QStringLiteral("%1 keys").arg(targetKeys.size()));
        return success();
    case PromotionKind::SpendThreshold:
        if (amount.cents() <= 0 || threshold.cents() <= 0)
            return invalid("promotion.threshold",
                Tr::tr("Promotion %1 needs a threshold and an amount.").arg(who),
                QStringLiteral("threshold %1 amount %2")
                    .arg(threshold.toPlainString(), amount.toPlainString()));
        return success();
    }
    return success();
}

bool isActive(const Promotion &promotion, const QDateTime &localTime, const QString &storeCode)
{
    if (!promotion.storeCodes.isEmpty() && !promotion.storeCodes.contains(storeCode))
        return false;
    if (!promotion.validFrom.isValid() && !promotion.validUntil.isValid())
        return true;
    if (!localTime.isValid())
        return false;
    const qint64 now = Detail::wallClockMsecs(localTime);
    if (promotion.validFrom.isValid() && now < Detail::wallClockMsecs(promotion.validFrom))
        return false;
    if (promotion.validUntil.isValid() && now > Detail::wallClockMsecs(promotion.validUntil))
        return false;
    return true;
}

} // namespace Toonbank::Core
