#include "payment.h"

#include "cashrounding.h"
#include "sale.h"
#include "tr.h"

namespace Toonbank::Core {

namespace {

Error tenderError(const char *code, const QString &message, const QString &detail)
{
    return Error::make(QString::fromLatin1(code), message, detail);
}

bool isFiveCentStep(Money amount)
{
    return amount.cents() % 5 == 0;
}

} // namespace

CashPart cashPart(Money remaining, bool cashRounding)
{
    CashPart part;
    part.unrounded = remaining;
    part.due = cashRounding ? roundToFiveCents(remaining) : remaining;
    part.rounding = part.due - remaining;
    return part;
}

Status checkTenders(const Sale &sale, bool cashRounding, const LoyaltyRules &loyalty)
{
    if (sale.tenders.isEmpty())
        return tenderError("tender.none", Tr::tr("The sale has no payment."), sale.saleId);
    Money nonCash;
    Money cash;
    bool hasCash = false;
    for (qsizetype i = 0; i < sale.tenders.size(); ++i) {
        const Tender &tender = sale.tenders.at(i);
        const QString where = QStringLiteral("tender %1 (%2)").arg(i).arg(name(tender.method));
        if (tender.amount.cents() <= 0)
            return tenderError("tender.not_positive",
                Tr::tr("Every payment must be more than zero."),
                QStringLiteral("%1 amount %2").arg(where, tender.amount.toPlainString()));
        if (tender.method != TenderMethod::LoyaltyPoints && tender.points != 0)
            return tenderError("tender.points_value",
                Tr::tr("Only a points payment can redeem points."),
                QStringLiteral("%1 points %2").arg(where).arg(tender.points));
        switch (tender.method) {
        case TenderMethod::Cash:
            hasCash = true;
            cash += tender.amount;
            if (tender.change.isNegative() || tender.tendered - tender.amount != tender.change)
                return tenderError("tender.change",
                    Tr::tr("The change does not match the cash handed over."),
                    QStringLiteral("%1 tendered %2 amount %3 change %4")
                        .arg(where, tender.tendered.toPlainString(), tender.amount.toPlainString(),
                            tender.change.toPlainString()));
            if (cashRounding && !isFiveCentStep(tender.amount))
                return tenderError("tender.rounding",
                    Tr::tr("Cash is paid in steps of 5 cents in this store."),
                    QStringLiteral("%1 amount %2").arg(where, tender.amount.toPlainString()));
            continue;
        case TenderMethod::Card:
            if (tender.claimId.isEmpty() || tender.reference.isEmpty())
                return tenderError("tender.reference_missing",
                    Tr::tr("A card payment must name its terminal transaction."), where);
            break;
        case TenderMethod::GiftCard:
            if (tender.claimId.isEmpty() || tender.reference.isEmpty())
                return tenderError("tender.reference_missing",
                    Tr::tr("A gift card payment must name the card and its claim."), where);
            break;
        case TenderMethod::StoreCredit:
            if (tender.claimId.isEmpty() || !sale.customer)
                return tenderError("tender.reference_missing",
                    Tr::tr("Store credit can only be used by the customer it belongs to."), where);
            break;
        case TenderMethod::ReturnCredit:
            if (tender.reference.isEmpty())
                return tenderError("tender.reference_missing",
                    Tr::tr("An exchange credit must name its return."), where);
            break;
        case TenderMethod::LoyaltyPoints:
            if (!sale.customer)
                return tenderError("tender.reference_missing",
                    Tr::tr("Points can only be redeemed by the customer they belong to."), where);
            if (tender.points <= 0 || pointsValue(tender.points, loyalty) != tender.amount)
                return tenderError("tender.points_value",
                    Tr::tr("The points do not match the amount they pay."),
                    QStringLiteral("%1 points %2 amount %3")
                        .arg(where)
                        .arg(tender.points)
                        .arg(tender.amount.toPlainString()));
            break;
        }
        if (!tender.tendered.isZero() || !tender.change.isZero())
            return tenderError(
                "tender.change", Tr::tr("Only cash can be handed over with change."), where);
        nonCash += tender.amount;
    }

    const Money paid = nonCash + cash;
    if (paid != sale.total + sale.rounding)
        return tenderError("tender.sum_mismatch",
            Tr::tr("The payments (%1) do not match the amount due (%2).")
                .arg(paid.toDisplayString(), (sale.total + sale.rounding).toDisplayString()),
            QStringLiteral("total %1 rounding %2 paid %3")
                .arg(sale.total.toPlainString(), sale.rounding.toPlainString(),
                    paid.toPlainString()));
    const Money expectedRounding
        = hasCash ? cashPart(sale.total - nonCash, cashRounding).rounding : Money();
    if (sale.rounding != expectedRounding)
        return tenderError("tender.rounding",
            Tr::tr("The cash rounding of this sale is not right."),
            QStringLiteral("rounding %1 expected %2 (cash part %3, store rounds: %4)")
                .arg(sale.rounding.toPlainString(), expectedRounding.toPlainString(),
                    (sale.total - nonCash).toPlainString())
                .arg(cashRounding));
    return success();
}

Money pointsValue(qint64 points, const LoyaltyRules &loyalty)
{
    return loyalty.pointValue * points;
}

qint64 pointsNeeded(Money amount, const LoyaltyRules &loyalty)
{
    const qint64 value = loyalty.pointValue.cents();
    if (value <= 0 || amount.cents() <= 0)
        return 0;
    return (amount.cents() + value - 1) / value;
}

QDate giftCardExpiry(const QDate &issuedOn, int validityYears)
{
    return issuedOn.addYears(std::max(validityYears, 2));
}

Status checkGiftCardAmount(Money amount, const GiftCardLimits &limits)
{
    if (amount < limits.minimum || amount > limits.maximum)
        return Error::make(QStringLiteral("giftcard.amount"),
            Tr::tr("A gift card can be loaded with %1 to %2.")
                .arg(limits.minimum.toDisplayString(), limits.maximum.toDisplayString()),
            amount.toPlainString());
    return success();
}

Result<QString> normaliseGiftCardNumber(const QString &text)
{
    QString digits;
    for (const QChar c : text) {
        if (c.isDigit())
            digits.append(c);
        else if (c != QLatin1Char(' ') && c != QLatin1Char('-'))
            return Error::make(QStringLiteral("gift.number"),
                Tr::tr("A gift card number has only digits."), text.left(40));
    }
    if (digits.size() < 12 || digits.size() > 19)
        return Error::make(QStringLiteral("gift.number"),
            Tr::tr("A gift card number has 12 to 19 digits."), text.left(40));
    return digits;
}

} // namespace Toonbank::Core
