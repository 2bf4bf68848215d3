#include "returns.h"

#include "cashrounding.h"
#include "enumnames_p.h"
#include "tr.h"

#include <QUuid>

#include <algorithm>
#include <array>
#include <utility>

namespace Toonbank::Core {

namespace {

constexpr std::array<std::pair<ReturnOrigin, const char *>, 3> originNames { {
    { ReturnOrigin::StoreSale, "store_sale" },
    { ReturnOrigin::WebOrder, "web_order" },
    { ReturnOrigin::NoReceipt, "no_receipt" },
} };

constexpr std::array<std::pair<ReturnReason, const char *>, 5> reasonNames { {
    { ReturnReason::ChangedMind, "changed_mind" },
    { ReturnReason::WrongSize, "wrong_size" },
    { ReturnReason::Defective, "defective" },
    { ReturnReason::NotAsDescribed, "not_as_described" },
    { ReturnReason::Other, "other" },
} };

constexpr std::array<std::pair<ItemCondition, const char *>, 2> conditionNames { {
    { ItemCondition::Resellable, "resellable" },
    { ItemCondition::Damaged, "damaged" },
} };

constexpr std::array<std::pair<RefundMethod, const char *>, 7> refundMethodNames { {
    { RefundMethod::Cash, "cash" },
    { RefundMethod::Card, "card" },
    { RefundMethod::WebPayment, "web_payment" },
    { RefundMethod::GiftCard, "gift_card" },
    { RefundMethod::StoreCredit, "store_credit" },
    { RefundMethod::LoyaltyPoints, "loyalty_points" },
    { RefundMethod::Exchange, "exchange" },
} };

using Internal::nameOf;
using Internal::valueOf;

Error returnError(const char *code, const QString &message, const QString &detail)
{
    return Error::make(QString::fromLatin1(code), message, detail);
}

const ReturnableLine *findLine(const ReturnableOrder &order, const QString &lineId)
{
    for (const ReturnableLine &line : order.lines) {
        if (line.lineId == lineId)
            return &line;
    }
    return nullptr;
}

// floor(a × b / c) for non-negative a, b and positive c, without overflow.
qint64 floorShare(qint64 a, qint64 b, qint64 c)
{
    if (c <= 0)
        return 0;
    const __int128 product = __int128(a) * b;
    __int128 quotient = product / c;
    if (product % c != 0 && product < 0)
        --quotient; // floor, also for a negative line total
    return qint64(quotient);
}

// The cash handed out for `unrounded` (rounded to 5 cents when the store rounds), never above
// `cap` when there is one: then the 5-cent step below, or the cap itself.
Money roundCash(Money unrounded, bool cashRounding, std::optional<Money> cap)
{
    if (!cashRounding)
        return unrounded;
    Money rounded = roundToFiveCents(unrounded);
    if (cap && rounded > *cap) {
        rounded = Money::fromCents(unrounded.cents() - unrounded.cents() % 5);
        if (rounded > *cap)
            rounded = *cap;
    }
    return rounded;
}

std::optional<Money> cashRefundable(const ReturnableOrder &order)
{
    std::optional<Money> cap;
    for (const OriginalTender &tender : order.tenders) {
        if (tender.method == QLatin1String("cash"))
            cap = cap.value_or(Money()) + tender.refundable();
    }
    return cap;
}

bool isFinalSale(const ReturnPolicy &policy, const QString &category)
{
    return std::any_of(policy.finalSaleCategories.cbegin(), policy.finalSaleCategories.cend(),
        [&category](const QString &c) { return c.compare(category, Qt::CaseInsensitive) == 0; });
}

int windowDays(const ReturnPolicy &policy, const QString &category)
{
    for (auto it = policy.windowDaysByCategory.cbegin(); it != policy.windowDaysByCategory.cend();
         ++it) {
        if (it.key().compare(category, Qt::CaseInsensitive) == 0)
            return it.value();
    }
    return policy.defaultWindowDays;
}

} // namespace

QString name(ReturnOrigin origin)
{
    return nameOf(originNames, origin);
}

std::optional<ReturnOrigin> returnOriginFromName(const QString &name)
{
    return valueOf(originNames, name);
}

QString name(ReturnReason reason)
{
    return nameOf(reasonNames, reason);
}

std::optional<ReturnReason> returnReasonFromName(const QString &name)
{
    return valueOf(reasonNames, name);
}

QString name(ItemCondition condition)
{
    return nameOf(conditionNames, condition);
}

std::optional<ItemCondition> itemConditionFromName(const QString &name)
{
    return valueOf(conditionNames, name);
}

QString name(RefundMethod method)
{
    return nameOf(refundMethodNames, method);
}

std::optional<RefundMethod> refundMethodFromName(const QString &name)
{
    return valueOf(refundMethodNames, name);
}

std::optional<RefundMethod> refundMethodForTender(const QString &tenderMethod, ReturnOrigin origin)
{
    if (tenderMethod == QLatin1String("cash"))
        return RefundMethod::Cash;
    if (tenderMethod == QLatin1String("card"))
        return RefundMethod::Card;
    if (tenderMethod == QLatin1String("gift_card"))
        return RefundMethod::GiftCard;
    if (tenderMethod == QLatin1String("store_credit"))
        return RefundMethod::StoreCredit;
    if (tenderMethod == QLatin1String("loyalty_points"))
        return RefundMethod::LoyaltyPoints;
    if (tenderMethod == QLatin1String("web_payment") || tenderMethod == QLatin1String("web_card")
        || tenderMethod == QLatin1String("ideal") || tenderMethod == QLatin1String("paypal"))
        return RefundMethod::WebPayment;
    if (origin == ReturnOrigin::WebOrder)
        return RefundMethod::WebPayment;
    return std::nullopt;
}

ReturnPolicy ReturnPolicy::defaults()
{
    ReturnPolicy policy;
    policy.webWithdrawalDays = 14;
    policy.defaultWindowDays = 30;
    policy.windowDaysByCategory.insert(QStringLiteral("Electronics"), 14);
    policy.finalSaleCategories = { QStringLiteral("Underwear"), QStringLiteral("Gift cards") };
    policy.receiptRequired = true;
    policy.storeCreditForStoreSales = true;
    policy.giftCardForStoreSales = true;
    return policy;
}

std::optional<QDate> returnDeadline(const ReturnableOrder &order, const ReturnableLine &line,
    const ReturnPolicy &policy, const QTimeZone &timeZone)
{
    switch (order.origin) {
    case ReturnOrigin::WebOrder:
        // The legal right of withdrawal never shrinks below 14 days; not yet delivered: the
        // period has not started.
        if (!order.deliveredOn || !order.deliveredOn->isValid())
            return std::nullopt;
        return order.deliveredOn->addDays(std::max(policy.webWithdrawalDays, 14));
    case ReturnOrigin::StoreSale: {
        if (!order.soldAt.isValid())
            return std::nullopt;
        const QDate soldOn = timeZone.isValid() ? order.soldAt.toTimeZone(timeZone).date()
                                                : order.soldAt.toUTC().date();
        return soldOn.addDays(windowDays(policy, line.category));
    }
    case ReturnOrigin::NoReceipt:
        return std::nullopt;
    }
    return std::nullopt;
}

Status checkReturnLine(const ReturnableOrder &order, const ReturnRequestLine &request,
    const ReturnPolicy &policy, const QDate &today, const QTimeZone &timeZone,
    bool exceptionApproved)
{
    if (order.isReturn)
        return returnError("return.of_return", Tr::tr("A return cannot be returned."),
            QStringLiteral("order %1 is a return").arg(order.number));
    const ReturnableLine *line = findLine(order, request.lineId);
    if (!line)
        return returnError("return.unknown_line",
            Tr::tr("This item is not on the receipt or order."),
            QStringLiteral("order %1 line %2").arg(order.number, request.lineId.left(40)));
    if (!line->giftCardNumber.isEmpty())
        return returnError("return.gift_card", Tr::tr("A gift card cannot be returned."),
            QStringLiteral("order %1 line %2").arg(order.number, line->lineId));
    if (request.quantity <= 0 || request.quantity > line->returnable())
        return returnError("return.quantity",
            line->returnable() == 0
                ? Tr::tr("%1 has already been returned.").arg(line->name)
                : Tr::tr("Only %n of %1 can still be returned.", nullptr, line->returnable())
                      .arg(line->name),
            QStringLiteral("order %1 line %2 asked %3 sold %4 returned %5")
                .arg(order.number, line->lineId)
                .arg(request.quantity)
                .arg(line->sold)
                .arg(line->returned));
    if (exceptionApproved)
        return success();
    const std::optional<QDate> deadline = returnDeadline(order, *line, policy, timeZone);
    if (deadline && today > *deadline)
        return returnError("return.window_passed",
            Tr::tr("The return period ended on %1.")
                .arg(QLocale().toString(*deadline, QLocale::ShortFormat)),
            QStringLiteral("order %1 line %2 deadline %3 today %4")
                .arg(order.number, line->lineId, deadline->toString(Qt::ISODate),
                    today.toString(Qt::ISODate)));
    if (order.origin != ReturnOrigin::WebOrder && isFinalSale(policy, line->category))
        return returnError("return.final_sale",
            Tr::tr("%1 is a final-sale item and cannot be returned.").arg(line->name),
            QStringLiteral("order %1 line %2 category %3")
                .arg(order.number, line->lineId, line->category));
    return success();
}

Money paidShare(Money lineTotal, int sold, int alreadyReturned, int quantity)
{
    if (sold <= 0 || quantity <= 0)
        return {};
    const qint64 before = std::clamp(alreadyReturned, 0, sold);
    const qint64 after = std::clamp(qint64(alreadyReturned) + quantity, before, qint64(sold));
    return Money::fromCents(
        floorShare(lineTotal.cents(), after, sold) - floorShare(lineTotal.cents(), before, sold));
}

Result<RefundPlan> planRefund(const ReturnableOrder &order,
    const QList<ReturnRequestLine> &requests, const LoyaltyRules &loyalty)
{
    Q_UNUSED(loyalty) // points are pro rata to what the original recorded, not re-earned
    if (requests.isEmpty())
        return returnError("return.nothing", Tr::tr("Choose at least one item to return."),
            QStringLiteral("order %1: no lines").arg(order.number));
    RefundPlan plan;
    QHash<QString, int> returning; // line id → units in this return so far
    for (const ReturnRequestLine &request : requests) {
        const ReturnableLine *line = findLine(order, request.lineId);
        if (!line)
            return returnError("return.unknown_line",
                Tr::tr("This item is not on the receipt or order."),
                QStringLiteral("order %1 line %2").arg(order.number, request.lineId.left(40)));
        const int earlier = line->returned + returning.value(line->lineId);
        const Money share = paidShare(line->lineTotal, line->sold, earlier, request.quantity);
        returning[line->lineId] += std::max(0, request.quantity);
        plan.lineRefunds.append(share);
        plan.goods += share;
    }

    // The delivery cost goes back once, with the return that completes a full withdrawal.
    if (order.origin == ReturnOrigin::WebOrder && !order.deliveryRefunded
        && order.deliveryCost.cents() > 0) {
        const bool everything = std::all_of(
            order.lines.cbegin(), order.lines.cend(), [&returning](const ReturnableLine &line) {
                // A gift card sold on the order is never returnable: it does not hold the
                // withdrawal of the goods back.
                return !line.giftCardNumber.isEmpty()
                    || line.returned + returning.value(line.lineId) >= line.sold;
            });
        if (everything)
            plan.delivery = order.deliveryCost;
    }
    plan.total = plan.goods + plan.delivery;

    // Split over the original tenders pro rata to what each paid; a tender takes no more than
    // it can still refund, the rest moves on to the next tender in order.
    const qsizetype count = order.tenders.size();
    QList<Money> weights;
    QList<Money> room;
    weights.reserve(count);
    room.reserve(count);
    for (const OriginalTender &tender : order.tenders) {
        const bool refundable = refundMethodForTender(tender.method, order.origin).has_value();
        weights.append(refundable ? tender.amount : Money());
        room.append(refundable ? std::max(Money(), tender.refundable()) : Money());
    }
    QList<Money> parts = spreadProRata(plan.total, weights);
    Money spread;
    for (const Money &part : parts)
        spread += part;
    Money overflow = plan.total - spread; // what the weights could not hold at all
    for (qsizetype i = 0; i < count; ++i) {
        if (parts[i] > room[i]) {
            Money excess = parts[i] - room[i];
            parts[i] = room[i];
            for (qsizetype step = 1; step < count && excess.cents() > 0; ++step) {
                const qsizetype j = (i + step) % count;
                const Money take = std::min(excess, room[j] - parts[j]);
                if (take.cents() > 0) {
                    parts[j] += take;
                    excess -= take;
                }
            }
            overflow += excess;
        }
    }
    for (qsizetype j = 0; j < count && overflow.cents() > 0; ++j) {
        const Money take = std::min(overflow, room[j] - parts[j]);
        if (take.cents() > 0) {
            parts[j] += take;
            overflow -= take;
        }
    }
    if (overflow.cents() > 0)
        return returnError("return.tender_exceeded",
            Tr::tr("The payments of this order cannot take a refund of %1: part of it was "
                   "refunded already.")
                .arg(plan.total.toDisplayString()),
            QStringLiteral("order %1 total %2 left over %3")
                .arg(order.number, plan.total.toPlainString(), overflow.toPlainString()));

    for (qsizetype i = 0; i < count; ++i) {
        if (parts[i].cents() <= 0)
            continue;
        const OriginalTender &tender = order.tenders.at(i);
        Refund refund;
        refund.method = *refundMethodForTender(tender.method, order.origin);
        refund.amount = parts[i];
        switch (refund.method) {
        case RefundMethod::Card:
            refund.originalReference = tender.reference;
            break;
        case RefundMethod::WebPayment:
            refund.reference = tender.reference;
            refund.originalReference = tender.reference;
            break;
        case RefundMethod::GiftCard:
        case RefundMethod::StoreCredit:
            refund.reference = tender.reference;
            break;
        case RefundMethod::LoyaltyPoints: {
            refund.reference = tender.reference;
            // Cumulative floor over the money refunded to the points tender.
            const qint64 total = floorShare(
                tender.points, (tender.refunded + parts[i]).cents(), tender.amount.cents());
            refund.points = std::clamp(total - tender.pointsGivenBack, qint64(0),
                std::max(qint64(0), tender.points - tender.pointsGivenBack));
            plan.pointsGivenBack += refund.points;
            break;
        }
        case RefundMethod::Cash:
        case RefundMethod::Exchange:
            break;
        }
        plan.refunds.append(refund);
    }

    // Points earned: this return's step of the cumulative floor share over the goods returned
    // before it (line.returned, claimed units included) — not "cumulative − taken back", as
    // order.pointsTakenBack counts only returns already applied and would lag a claim granted
    // before an earlier claim's return arrived. Never more than is left of what was earned.
    if (order.pointsEarned > 0 && order.total.cents() > 0) {
        Money goodsBefore;
        for (const ReturnableLine &line : order.lines)
            goodsBefore += paidShare(line.lineTotal, line.sold, 0, line.returned);
        const qint64 total = order.total.cents();
        const qint64 before
            = floorShare(order.pointsEarned, std::min(goodsBefore, order.total).cents(), total);
        const qint64 after = floorShare(
            order.pointsEarned, std::min(goodsBefore + plan.goods, order.total).cents(), total);
        plan.pointsTakenBack = std::clamp(after - before, qint64(0),
            std::max(qint64(0), order.pointsEarned - order.pointsTakenBack));
    }
    return plan;
}

QList<Refund> alternativeRefunds(
    const RefundPlan &plan, RefundMethod method, const QString &reference)
{
    QList<Refund> refunds;
    for (const Refund &refund : plan.refunds) {
        if (refund.method == RefundMethod::LoyaltyPoints)
            refunds.append(refund);
    }
    const Money rest = alternativeAmount(plan);
    if (rest.cents() > 0) {
        Refund refund;
        refund.method = method;
        refund.amount = rest;
        refund.reference = reference;
        refunds.append(refund);
    }
    return refunds;
}

Money alternativeAmount(const RefundPlan &plan)
{
    Money rest = plan.total;
    for (const Refund &refund : plan.refunds) {
        if (refund.method == RefundMethod::LoyaltyPoints)
            rest -= refund.amount;
    }
    return rest;
}

Status checkPointsRefunds(const RefundPlan &plan, const QList<Refund> &refunds)
{
    Money planned;
    qint64 plannedPoints = 0;
    for (const Refund &refund : plan.refunds) {
        if (refund.method == RefundMethod::LoyaltyPoints) {
            planned += refund.amount;
            plannedPoints += refund.points;
        }
    }
    Money given;
    qint64 givenPoints = 0;
    for (const Refund &refund : refunds) {
        if (refund.method == RefundMethod::LoyaltyPoints) {
            given += refund.amount;
            givenPoints += refund.points;
        }
    }
    if (given != planned || givenPoints != plannedPoints)
        return returnError("refund.points_mismatch",
            Tr::tr("The points paid with must go back as points."),
            QStringLiteral("points parts %1 (%2 points), the rules give %3 (%4 points)")
                .arg(given.toPlainString())
                .arg(givenPoints)
                .arg(planned.toPlainString())
                .arg(plannedPoints));
    return success();
}

QList<RefundMethod> allowedRefundMethods(const ReturnableOrder &order, const ReturnPolicy &policy)
{
    QList<RefundMethod> methods;
    auto add = [&methods](RefundMethod method) {
        if (!methods.contains(method))
            methods.append(method);
    };
    if (order.origin == ReturnOrigin::NoReceipt) {
        add(RefundMethod::StoreCredit);
        add(RefundMethod::Exchange);
        return methods;
    }
    for (const OriginalTender &tender : order.tenders) {
        if (const auto method = refundMethodForTender(tender.method, order.origin))
            add(*method);
    }
    if (order.origin == ReturnOrigin::StoreSale) {
        if (policy.storeCreditForStoreSales && order.customer)
            add(RefundMethod::StoreCredit);
        if (policy.giftCardForStoreSales)
            add(RefundMethod::GiftCard);
    }
    add(RefundMethod::Exchange);
    return methods;
}

Money finaliseCash(QList<Refund> &refunds, const ReturnableOrder &order, bool cashRounding)
{
    std::optional<Money> cap = cashRefundable(order);
    Money rounding;
    for (Refund &refund : refunds) {
        if (refund.method != RefundMethod::Cash)
            continue;
        const Money unrounded = refund.amount;
        refund.amount = roundCash(unrounded, cashRounding, cap);
        rounding += refund.amount - unrounded;
        if (cap)
            *cap -= refund.amount;
    }
    return rounding;
}

Status checkRefunds(const ReturnableOrder &order, const QList<Refund> &refunds, Money total,
    Money rounding, const ReturnPolicy &policy, bool cashRounding)
{
    if (refunds.isEmpty() && !(total.isZero() && rounding.isZero()))
        return returnError("refund.none", Tr::tr("The return has no refund."), order.number);
    const QList<RefundMethod> allowed = allowedRefundMethods(order, policy);
    Money paid;
    Money cash;
    bool hasCash = false;
    QHash<int, Money> perMethod;
    for (qsizetype i = 0; i < refunds.size(); ++i) {
        const Refund &refund = refunds.at(i);
        const QString where = QStringLiteral("refund %1 (%2)").arg(i).arg(name(refund.method));
        if (refund.amount.cents() <= 0)
            return returnError("refund.not_positive",
                Tr::tr("Every refund must be more than zero."),
                QStringLiteral("%1 amount %2").arg(where, refund.amount.toPlainString()));
        if (!allowed.contains(refund.method))
            return returnError(
                "refund.method", Tr::tr("This order cannot be refunded this way."), where);
        bool referenced = true;
        switch (refund.method) {
        case RefundMethod::Cash:
            hasCash = true;
            cash += refund.amount;
            break;
        case RefundMethod::Card:
            referenced = !refund.originalReference.isEmpty()
                && !(refund.reference.isEmpty() && refund.claimId.isEmpty());
            break;
        case RefundMethod::WebPayment:
            referenced = !refund.originalReference.isEmpty() || !refund.reference.isEmpty();
            break;
        case RefundMethod::GiftCard:
        case RefundMethod::Exchange:
            referenced = !refund.reference.isEmpty();
            break;
        case RefundMethod::StoreCredit:
        case RefundMethod::LoyaltyPoints:
            referenced = !refund.reference.isEmpty() || order.customer.has_value();
            break;
        }
        if (!referenced)
            return returnError("refund.reference_missing",
                Tr::tr("A refund must name where the money goes."), where);
        perMethod[int(refund.method)] += refund.amount;
        paid += refund.amount;
    }
    if (paid != total + rounding)
        return returnError("refund.sum_mismatch",
            Tr::tr("The refunds (%1) do not match the amount to refund (%2).")
                .arg(paid.toDisplayString(), (total + rounding).toDisplayString()),
            QStringLiteral("total %1 rounding %2 refunds %3")
                .arg(total.toPlainString(), rounding.toPlainString(), paid.toPlainString()));
    // Methods tied to the original tenders never exceed what those tenders can still refund.
    // Store credit and a gift card offered as an alternative for a store sale, and an exchange,
    // are bounded by the total only.
    for (auto it = perMethod.cbegin(); it != perMethod.cend(); ++it) {
        const RefundMethod method = RefundMethod(it.key());
        if (method == RefundMethod::Exchange || order.origin == ReturnOrigin::NoReceipt)
            continue;
        if (order.origin == ReturnOrigin::StoreSale
            && ((method == RefundMethod::StoreCredit && policy.storeCreditForStoreSales)
                || (method == RefundMethod::GiftCard && policy.giftCardForStoreSales)))
            continue;
        Money room;
        for (const OriginalTender &tender : order.tenders) {
            if (refundMethodForTender(tender.method, order.origin) == method)
                room += std::max(Money(), tender.refundable());
        }
        if (it.value() > room)
            return returnError("refund.tender_exceeded",
                Tr::tr("More than was paid this way would be refunded (%1 of %2).")
                    .arg(it.value().toDisplayString(), room.toDisplayString()),
                QStringLiteral("%1 refunds %2 room %3")
                    .arg(name(method), it.value().toPlainString(), room.toPlainString()));
    }
    if (!rounding.isZero() || hasCash) {
        const std::optional<Money> cap = cashRefundable(order);
        const Money unrounded = cash - rounding;
        const Money expected
            = hasCash ? roundCash(unrounded, cashRounding, cap) - unrounded : Money();
        if (rounding != expected)
            return returnError("refund.rounding",
                Tr::tr("The cash rounding of this return is not right."),
                QStringLiteral("rounding %1 expected %2 (cash %3, store rounds: %4)")
                    .arg(rounding.toPlainString(), expected.toPlainString(), cash.toPlainString())
                    .arg(cashRounding));
    }
    return success();
}

namespace {

const QLatin1String qrPrefix("TOONBANK:");

bool hasControlCharacters(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) {
        return c.category() == QChar::Other_Control || c.category() == QChar::Other_Format
            || c == QChar::LineSeparator || c == QChar::ParagraphSeparator;
    });
}

bool looksLikeNumber(const QString &text)
{
    bool digit = false;
    for (const QChar c : text) {
        if (c.isDigit() && c.unicode() < 128)
            digit = true;
        else if (!(c.unicode() < 128
                     && (c.isLetter() || c == QLatin1Char('-') || c == QLatin1Char('_')
                         || c == QLatin1Char('/') || c == QLatin1Char('.'))))
            return false;
    }
    return digit;
}

QString uuidText(const QString &text)
{
    const QUuid uuid = QUuid::fromString(text);
    return uuid.isNull() ? QString() : uuid.toString(QUuid::WithoutBraces);
}

QString chainTagOf(const QString &tag)
{
    QString normalised = tag.toUpper();
    normalised.remove(QLatin1Char(' '));
    return normalised;
}

} // namespace

ReturnCode parseReturnCode(const QString &text)
{
    ReturnCode code;
    const QString trimmed = text.trimmed();
    // A number is at most 64 characters; a QR payload adds its prefix and a UUID to it.
    constexpr qsizetype maxNumber = 64;
    constexpr qsizetype maxPayload = 128;
    if (trimmed.isEmpty() || trimmed.size() > maxPayload || hasControlCharacters(trimmed))
        return code;
    if (trimmed.startsWith(qrPrefix, Qt::CaseInsensitive)) {
        const QStringList parts = trimmed.split(QLatin1Char(':'));
        if (parts.size() != 4)
            return code;
        const QString kind = parts.at(1).toUpper();
        const QString third = parts.at(2).trimmed();
        const QString fourth = parts.at(3).trimmed();
        if (kind == QLatin1String("SALE") || kind == QLatin1String("RETURN")) {
            const QString id = uuidText(fourth);
            if (third.size() > maxNumber || id.isEmpty() || !looksLikeNumber(third))
                return code;
            code.kind = kind == QLatin1String("SALE") ? ReturnCode::Kind::Receipt
                                                      : ReturnCode::Kind::ReturnReceipt;
            code.number = third.toUpper();
            code.id = id;
            return code;
        }
        if (kind == QLatin1String("WEB")) {
            if (third.isEmpty() || third.size() > maxNumber || fourth.size() > maxNumber
                || !looksLikeNumber(fourth))
                return code;
            code.kind = ReturnCode::Kind::WebOrder;
            code.chainTag = chainTagOf(third);
            code.number = fourth.toUpper();
            return code;
        }
        return code;
    }
    if (trimmed.size() > maxNumber || !looksLikeNumber(trimmed))
        return code;
    code.kind = ReturnCode::Kind::Typed;
    code.number = trimmed.toUpper();
    return code;
}

QString webOrderQrPayload(const QString &chainTag, const QString &orderNumber)
{
    return QStringLiteral("TOONBANK:WEB:%1:%2").arg(chainTagOf(chainTag), orderNumber.trimmed());
}

QString returnQrPayload(const QString &receiptNumber, const QString &returnId)
{
    const QString id = uuidText(returnId);
    return QStringLiteral("TOONBANK:RETURN:%1:%2")
        .arg(receiptNumber.trimmed(), id.isEmpty() ? returnId : id);
}

QList<VatBreakdown> returnVat(const QList<ReturnLine> &lines)
{
    // The one VAT function (vatBreakdown) over the refunds, as one-unit lines per returned line.
    QList<SaleLine> asSaleLines;
    asSaleLines.reserve(lines.size());
    for (const ReturnLine &line : lines) {
        SaleLine saleLine;
        saleLine.lineId = line.lineId;
        saleLine.vatClass = line.vatClass;
        saleLine.vatRate = VatRate { line.vatBasisPoints, name(line.vatClass) };
        saleLine.quantity = 1;
        saleLine.unitPrice = line.refund;
        asSaleLines.append(saleLine);
    }
    return vatBreakdown(asSaleLines);
}

} // namespace Toonbank::Core
