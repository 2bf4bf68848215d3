#include "sale.h"

#include "enumnames_p.h"
#include "promotionengine.h"
#include "tr.h"

#include <QSet>

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

namespace Toonbank::Core {

namespace {

constexpr std::array<std::pair<VatClass, const char *>, 4> vatClassNames { {
    { VatClass::Standard, "standard" },
    { VatClass::Intermediate, "intermediate" },
    { VatClass::Reduced, "reduced" },
    { VatClass::Zero, "zero" },
} };

constexpr std::array<std::pair<AdjustmentKind, const char *>, 5> adjustmentKindNames { {
    { AdjustmentKind::Promotion, "promotion" },
    { AdjustmentKind::Coupon, "coupon" },
    { AdjustmentKind::PersonalOffer, "personal_offer" },
    { AdjustmentKind::Tier, "tier" },
    { AdjustmentKind::Manual, "manual" },
} };

constexpr std::array<std::pair<TenderMethod, const char *>, 6> tenderMethodNames { {
    { TenderMethod::Cash, "cash" },
    { TenderMethod::Card, "card" },
    { TenderMethod::GiftCard, "gift_card" },
    { TenderMethod::StoreCredit, "store_credit" },
    { TenderMethod::LoyaltyPoints, "loyalty_points" },
    { TenderMethod::ReturnCredit, "return_credit" },
} };

using Internal::nameOf;
using Internal::valueOf;

// The engine for a list of promotions, built once and kept while the caller passes the same
// list. The cached engine holds a copy of the list, so the caller cannot change that data in
// place (Qt's copy-on-write detaches it first): the same data pointer means the same promotions.
const PromotionEngine &engineFor(const QList<Promotion> &promotions)
{
    thread_local std::optional<PromotionEngine> cached;
    if (!cached || cached->promotions().constData() != promotions.constData()
        || cached->promotions().size() != promotions.size())
        cached.emplace(promotions);
    return *cached;
}

Error saleError(const char *code, const QString &message, const QString &detail)
{
    return Error::make(QLatin1String(code), message, detail);
}

} // namespace

QString name(VatClass vatClass)
{
    return nameOf(vatClassNames, vatClass);
}

std::optional<VatClass> vatClassFromName(const QString &name)
{
    return valueOf(vatClassNames, name);
}

QString name(AdjustmentKind kind)
{
    return nameOf(adjustmentKindNames, kind);
}

std::optional<AdjustmentKind> adjustmentKindFromName(const QString &name)
{
    return valueOf(adjustmentKindNames, name);
}

QString name(TenderMethod method)
{
    return nameOf(tenderMethodNames, method);
}

std::optional<TenderMethod> tenderMethodFromName(const QString &name)
{
    return valueOf(tenderMethodNames, name);
}

Money SaleLine::discountTotal() const
{
    Money total;
    for (const Adjustment &adjustment : adjustments)
        total += adjustment.amount;
    return total;
}

int Sale::itemCount() const
{
    int count = 0;
    for (const SaleLine &line : lines)
        count += line.quantity;
    return count;
}

Money Sale::totalVat() const
{
    Money total;
    for (const VatBreakdown &breakdown : vat)
        total += breakdown.vat;
    return total;
}

QList<VatBreakdown> vatBreakdown(const QList<SaleLine> &lines)
{
    QList<VatBreakdown> perRate;
    perRate.reserve(4);
    for (const SaleLine &line : lines) {
        const Money lineTotal = line.lineTotal();
        auto group
            = std::find_if(perRate.begin(), perRate.end(), [&line](const VatBreakdown &breakdown) {
                  return breakdown.rate.basisPoints == line.vatRate.basisPoints;
              });
        if (group == perRate.end())
            perRate.append(VatBreakdown { line.vatRate, lineTotal, {}, {} });
        else
            group->gross += lineTotal;
    }
    for (VatBreakdown &breakdown : perRate) {
        breakdown.vat = vatIncluded(breakdown.gross, breakdown.rate.basisPoints);
        breakdown.net = breakdown.gross - breakdown.vat;
    }
    std::sort(perRate.begin(), perRate.end(), [](const VatBreakdown &a, const VatBreakdown &b) {
        return a.rate.basisPoints > b.rate.basisPoints;
    });
    return perRate;
}

QList<Money> spreadProRata(Money amount, const QList<Money> &weights)
{
    const qsizetype count = weights.size();
    QList<Money> parts(count);
    // Spread the magnitude over the positive weights; a negative amount (a refund) mirrors.
    const bool negative = amount.isNegative();
    qint64 toSpread = negative ? -amount.cents() : amount.cents();
    __int128 weightSum = 0;
    for (const Money &weight : weights) {
        if (weight.cents() > 0)
            weightSum += weight.cents();
    }
    if (toSpread == 0 || weightSum == 0)
        return parts;
    // None exceeds its weight: more than all weights together cannot be spread.
    if (toSpread > weightSum)
        toSpread = qint64(weightSum);

    // Whole cents first; the cents left over go to the largest remainders (ties: the earlier
    // index). Fewer cents are left than there are positive weights.
    std::vector<std::pair<qint64, qsizetype>> remainders;
    remainders.reserve(std::size_t(count));
    qint64 spread = 0;
    for (qsizetype i = 0; i < count; ++i) {
        const qint64 weight = weights.at(i).cents();
        if (weight <= 0)
            continue;
        const __int128 product = __int128(toSpread) * weight;
        const qint64 share = qint64(product / weightSum);
        const qint64 remainder = qint64(product % weightSum);
        if (remainder > 0)
            remainders.emplace_back(remainder, i);
        parts[i] = Money::fromCents(share);
        spread += share;
    }
    const std::size_t left = std::size_t(toSpread - spread);
    if (left > 0) {
        Q_ASSERT(left <= remainders.size());
        std::partial_sort(remainders.begin(), remainders.begin() + qsizetype(left),
            remainders.end(), [](const auto &a, const auto &b) {
                return a.first != b.first ? a.first > b.first : a.second < b.second;
            });
        for (std::size_t i = 0; i < left; ++i)
            parts[remainders[i].second] += Money::fromCents(1);
    }
    if (negative) {
        for (Money &part : parts)
            part = -part;
    }
    return parts;
}

Result<Sale> buildSale(
    const QList<DraftLine> &lines, const SaleRules &rules, const SaleContext &context)
{
    if (!context.soldAt.isValid())
        return saleError("sale.sold_at", Tr::tr("The sale has no date and time."),
            QStringLiteral("soldAt invalid"));
    const QDateTime localTime = context.soldAt.toLocalTime();
    const QDate localDate = localTime.date();

    QList<SaleLine> saleLines;
    saleLines.reserve(lines.size());
    QSet<QString> lineIds;
    lineIds.reserve(lines.size());
    for (const DraftLine &draft : lines) {
        if (draft.lineId.isEmpty() || lineIds.contains(draft.lineId))
            return saleError("sale.line_id", Tr::tr("A line of the sale has no unique id."),
                QStringLiteral("lineId \"%1\"").arg(draft.lineId.left(40)));
        lineIds.insert(draft.lineId);
        if (draft.quantity == 0)
            return saleError("sale.quantity",
                Tr::tr("The quantity of \"%1\" cannot be zero.").arg(draft.name.left(60)),
                QStringLiteral("line %1 quantity 0").arg(draft.lineId));
        if (draft.unitPrice.isNegative())
            return saleError("sale.price",
                Tr::tr("The price of \"%1\" cannot be negative.").arg(draft.name.left(60)),
                QStringLiteral("line %1 unit price %2")
                    .arg(draft.lineId, draft.unitPrice.toPlainString()));
        auto rate = rules.vatTable.rateFor(rules.country, name(draft.vatClass), localDate);
        if (!rate)
            return rate.error();
        SaleLine line;
        line.lineId = draft.lineId;
        line.productId = draft.productId;
        line.sku = draft.sku;
        line.name = draft.name;
        line.category = draft.category;
        line.brand = draft.brand;
        line.vatClass = draft.vatClass;
        line.vatRate = rate.value();
        line.quantity = draft.quantity;
        line.unitPrice = draft.unitPrice;
        line.regularPrice = draft.regularPrice;
        line.giftCardNumber = draft.giftCardNumber;
        saleLines.append(std::move(line));
    }

    // Promotions, coupons, personal offers and tier discounts: from scratch on every call.
    PromotionContext promotionContext;
    promotionContext.localTime = localTime;
    promotionContext.storeCode = rules.storeCode;
    if (context.customer) {
        promotionContext.customerId = context.customer->id;
        promotionContext.customerTier = context.customer->tier;
    }
    promotionContext.couponCodes = context.couponCodes;
    // An order's delivery line is a charge, not goods: the engine sees it as a free line.
    const QString deliveryLineId = context.order ? context.order->deliveryLineId : QString();
    QList<SaleLine> goods = saleLines;
    for (SaleLine &line : goods) {
        if (!deliveryLineId.isEmpty() && line.lineId == deliveryLineId)
            line.unitPrice = Money();
    }
    const QList<QList<Adjustment>> adjustments
        = engineFor(rules.promotions).apply(goods, promotionContext);
    for (qsizetype i = 0; i < saleLines.size(); ++i)
        saleLines[i].adjustments = adjustments.at(i);

    // Manual discounts last, on what is left of the line.
    for (qsizetype i = 0; i < saleLines.size(); ++i) {
        const DraftLine &draft = lines.at(i);
        if (!draft.manualDiscount)
            continue;
        SaleLine &line = saleLines[i];
        const ManualDiscount &manual = *draft.manualDiscount;
        const Money left = line.lineTotal();
        if (manual.amount.isNegative() || manual.percentBasisPoints < 0)
            return saleError("sale.manual_negative",
                Tr::tr("A discount on \"%1\" cannot be negative.").arg(line.name.left(60)),
                QStringLiteral("line %1 amount %2 bp %3")
                    .arg(line.lineId, manual.amount.toPlainString())
                    .arg(manual.percentBasisPoints));
        Money discount = manual.amount;
        if (manual.percentBasisPoints > 0) {
            if (manual.percentBasisPoints > 10000)
                return saleError("sale.manual_exceeds_line",
                    Tr::tr("A discount on \"%1\" cannot be more than 100 %.")
                        .arg(line.name.left(60)),
                    QStringLiteral("line %1 bp %2")
                        .arg(line.lineId)
                        .arg(manual.percentBasisPoints));
            const qint64 base = left.cents() > 0 ? left.cents() : 0;
            discount = Money::fromCents((base * manual.percentBasisPoints + 5000) / 10000);
        }
        if (discount.isZero())
            continue;
        if (discount > left)
            return saleError("sale.manual_exceeds_line",
                Tr::tr("A discount of %1 on \"%2\" is more than the %3 left of the line.")
                    .arg(discount.toDisplayString(), line.name.left(60), left.toDisplayString()),
                QStringLiteral("line %1 discount %2 left %3")
                    .arg(line.lineId, discount.toPlainString(), left.toPlainString()));
        Adjustment adjustment;
        adjustment.kind = AdjustmentKind::Manual;
        adjustment.sourceId = QStringLiteral("manual");
        adjustment.label = manual.reason.isEmpty() ? Tr::tr("Manual discount") : manual.reason;
        adjustment.amount = discount;
        adjustment.approvedBy = manual.approvedBy;
        line.adjustments.append(adjustment);
    }

    Sale sale;
    sale.storeCode = rules.storeCode;
    sale.soldAt = context.soldAt;
    sale.lines = std::move(saleLines);
    sale.vat = vatBreakdown(sale.lines);
    for (const SaleLine &line : sale.lines)
        sale.total += line.lineTotal();
    sale.customer = context.customer;
    sale.couponCodes = context.couponCodes;
    sale.authorisations = context.authorisations;
    sale.order = context.order;
    // No tenders yet: the whole total counts as paid for the points a customer earns.
    sale.pointsEarned = pointsEarned(sale, rules.loyalty);
    return sale;
}

} // namespace Toonbank::Core
