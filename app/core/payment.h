#pragma once

#include "loyalty.h"
#include "money.h"
#include "result.h"

#include <QDate>

namespace Toonbank::Core {

struct Sale;

// The rules of paying, the same on the tablet (PaymentService) and the server (sale handler).
//
// A sale is paid by one or more tenders. Non-cash tenders (card, gift card, store credit,
// loyalty points) pay an exact amount and never more than is left. Cash pays the rest; when
// the store rounds cash (PRODUCT.md: mandatory in BE, customary in NL), the cash part is
// rounded to 5 cents — the cash part only, never the card part — and a cash part paid before
// another tender must itself be a multiple of 5 cents. The sale's `rounding` is the
// difference between the cash paid and the unrounded cash part; paid = total + rounding.

/// The cash that settles what is left of a sale.
struct CashPart
{
    Money unrounded; // what is left to pay
    Money rounding; // roundToFiveCents(unrounded) − unrounded when the store rounds, else 0
    Money due; // unrounded + rounding: what the customer hands over at least
};
CashPart cashPart(Money remaining, bool cashRounding);

/// Checks a finished sale's tenders against its total. Errors (stable codes, plain message):
/// "tender.none" (no tender), "tender.not_positive" (an amount ≤ 0),
/// "tender.sum_mismatch" (the tenders do not pay total + rounding),
/// "tender.rounding" (rounding without cash, rounding not the 5-cent rounding of the cash
/// part, rounding when the store does not round, or a cash part not in 5-cent steps),
/// "tender.change" (change on a non-cash tender, or cash tendered − amount ≠ change),
/// "tender.reference_missing" (a card without ServiceID and transaction id, a gift card
/// without number or claim, store credit or points without the customer),
/// "tender.points_value" (points × point value ≠ amount, or points on a non-points tender).
Status checkTenders(const Sale &sale, bool cashRounding, const LoyaltyRules &loyalty);

/// What `points` are worth when redeemed (points × LoyaltyRules::pointValue).
Money pointsValue(qint64 points, const LoyaltyRules &loyalty);
/// The fewest whole points worth at least `amount` (rounded up).
qint64 pointsNeeded(Money amount, const LoyaltyRules &loyalty);

/// When a gift card issued on `issuedOn` expires: `validityYears` later (NL: cards issued
/// from 2022 are valid at least 2 years; that is the default and the minimum accepted).
QDate giftCardExpiry(const QDate &issuedOn, int validityYears = 2);

/// What a gift card may be loaded with in one sale line. The chain's limits (default € 5 to
/// € 500) are what the server accepts; a store's tablet settings may only narrow them.
struct GiftCardLimits
{
    Money minimum = Money::fromCents(500);
    Money maximum = Money::fromCents(50000);
};
/// Error "giftcard.amount" (plain message naming the limits) when `amount` is outside them.
Status checkGiftCardAmount(Money amount, const GiftCardLimits &limits = {});

/// A gift card number as typed or scanned: digits only, 12–19 of them ("gift.number").
Result<QString> normaliseGiftCardNumber(const QString &text);

} // namespace Toonbank::Core
