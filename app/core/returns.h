#pragma once

#include "loyalty.h"
#include "money.h"
#include "result.h"
#include "sale.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <optional>

namespace Toonbank::Core {

// The rules of returns (issue "Returns"), the same on the tablet (ReturnService) and on the
// server (return handler, POST /v1/returns). PRODUCT.md:
//  - web orders (distance sales, also when collected in store): 14-day right of withdrawal
//    from delivery, refunded to the original payment method, delivery cost included when the
//    whole order is withdrawn; store credit only if the customer paid with it;
//  - store sales: store policy (window per category, final-sale categories, receipt
//    required); no receipt: store credit only, at the current price, with a manager;
//  - a refund per method never exceeds what was paid with that method;
//  - a line bought under a multi-buy or basket discount refunds its paid share (its line
//    total, which already holds the spread discounts, per unit), not its list price;
//  - a refund is never refunded; a returned quantity is counted once.

/// Where the returned goods were bought.
enum class ReturnOrigin { StoreSale, WebOrder, NoReceipt };
QString name(ReturnOrigin origin); // "store_sale", "web_order", "no_receipt"
std::optional<ReturnOrigin> returnOriginFromName(const QString &name);

/// Why the customer brings it back (reporting; does not change the refund).
enum class ReturnReason { ChangedMind, WrongSize, Defective, NotAsDescribed, Other };
QString name(ReturnReason reason); // "changed_mind", "wrong_size", "defective",
                                   // "not_as_described", "other"
std::optional<ReturnReason> returnReasonFromName(const QString &name);

/// Where a returned item goes: back on the shelf of this store, or the damaged location.
enum class ItemCondition { Resellable, Damaged };
QString name(ItemCondition condition); // "resellable", "damaged"
std::optional<ItemCondition> itemConditionFromName(const QString &name);

/// How money goes back. Card: a referenced refund through the terminal (nexo Reversal naming
/// the original POI transaction; partial allowed). WebPayment: a refund request recorded on the
/// server for the web shop's payment provider. GiftCard: loaded onto the gift card paid with
/// (or a new card). StoreCredit: credited to the customer. LoyaltyPoints: redeemed points given
/// back. Exchange: put towards the new sale of an exchange (Tender ReturnCredit there).
enum class RefundMethod { Cash, Card, WebPayment, GiftCard, StoreCredit, LoyaltyPoints, Exchange };
QString name(RefundMethod method); // "cash", "card", "web_payment", "gift_card",
                                   // "store_credit", "loyalty_points", "exchange"
std::optional<RefundMethod> refundMethodFromName(const QString &name);

/// The refund method that gives back to an original tender of `method` ("cash", "card",
/// "gift_card", "store_credit", "loyalty_points", and a web order's "web_card", "ideal",
/// "paypal", "web_payment", … → WebPayment). Unknown names: WebPayment for a web order,
/// none otherwise.
std::optional<RefundMethod> refundMethodForTender(const QString &tenderMethod, ReturnOrigin origin);

/// One line of the original order or sale as a return sees it.
struct ReturnableLine
{
    QString lineId; // the original line's stable id ("L1"; a web order's line id)
    qint64 productId = 0;
    QString sku;
    QString name;
    QString category;
    VatClass vatClass = VatClass::Standard;
    int vatBasisPoints = 0;
    int sold = 0; // quantity bought
    int returned = 0; // already returned, anywhere, any channel (server truth; offline: local)
    Money lineTotal; // what was paid for all `sold` units, every discount applied
    QString giftCardNumber; // a gift card sold on the line: never returnable ("return.gift_card")
    int returnable() const { return qMax(0, sold - returned); }
};

/// One tender of the original, with what was refunded to it already.
struct OriginalTender
{
    QString method; // "cash", "card", "gift_card", "store_credit", "loyalty_points", web names
    Money amount; // paid with it (cash: after rounding, change excluded)
    Money refunded; // refunded to it by earlier returns
    QString reference; // card: POI transaction id; gift card: number; web: PSP reference;
                       // store credit / points: the customer's card number
    QDateTime at; // UTC, when it was paid (a card Reversal names the original timestamp)
    qint64 points = 0; // loyalty points tender: points redeemed
    qint64 pointsGivenBack = 0; // of those, given back by earlier returns
    Money refundable() const { return amount - refunded; }
};

/// An order or sale found for a return: what may come back and how it was paid.
struct ReturnableOrder
{
    ReturnOrigin origin = ReturnOrigin::StoreSale;
    QString number; // receipt number / web order number (what staff typed or scanned)
    QString saleId; // store sale UUID, or the web order's id as text
    QString storeCode; // the store that sold it; "" for a web order
    QDateTime soldAt; // UTC (web: ordered at)
    std::optional<QDate> deliveredOn; // web orders once delivered or collected
    Money total; // goods total of the original (sum of line totals)
    Money deliveryCost; // web orders
    bool deliveryRefunded = false;
    QList<ReturnableLine> lines;
    QList<OriginalTender> tenders;
    std::optional<SaleCustomer> customer;
    qint64 pointsEarned = 0; // earned by the original
    qint64 pointsTakenBack = 0; // of those, taken back by earlier returns
    bool isReturn
        = false; // the number found is itself a return: never returnable ("return.of_return")
    bool fromLocalLedger = false; // found offline on this tablet (own sale): no server claim
};

/// The store's return policy (data; server settings, cached on the tablet).
struct ReturnPolicy
{
    int webWithdrawalDays = 14; // from delivery (EU right of withdrawal)
    int defaultWindowDays = 30; // store sales, categories not listed below
    QHash<QString, int> windowDaysByCategory; // category → days
    QStringList finalSaleCategories; // not returnable without a manager override
    bool receiptRequired = true; // no receipt: store credit only, with RefundWithoutReceipt
    bool storeCreditForStoreSales = true; // staff may refund a store sale as store credit
    bool giftCardForStoreSales = true; // … or onto a new gift card

    /// NL demo defaults: 30 days, "Electronics" 14 days, "Underwear" and "Gift cards" final sale.
    static ReturnPolicy defaults();
};

/// The last day (store local date) a line may be returned without an override: web: delivered
/// on + webWithdrawalDays (not yet delivered: no deadline yet, returnable); store sale: the sale's
/// local date + the category's window. `timeZone` turns UTC into the store's local date.
std::optional<QDate> returnDeadline(const ReturnableOrder &order, const ReturnableLine &line,
    const ReturnPolicy &policy, const QTimeZone &timeZone);

/// What staff ask to return of one line.
struct ReturnRequestLine
{
    QString lineId;
    int quantity = 0;
    ReturnReason reason = ReturnReason::ChangedMind;
    ItemCondition condition = ItemCondition::Resellable;
};

/// Whether a line may be returned now. Errors (plain message, detail in `detail`):
/// "return.unknown_line", "return.quantity" (≤ 0 or above returnable; the message names what is
/// still returnable), "return.gift_card", "return.of_return" (the order is itself a return);
/// and, unless `exceptionApproved` (a recorded Permission::ApproveReturnException):
/// "return.window_passed" (names the deadline), "return.final_sale".
Status checkReturnLine(const ReturnableOrder &order, const ReturnRequestLine &request,
    const ReturnPolicy &policy, const QDate &today, const QTimeZone &timeZone,
    bool exceptionApproved);

/// The paid share of returning `quantity` units of a line of which `alreadyReturned` came back
/// before: floor(lineTotal × (alreadyReturned + quantity) / sold) − floor(lineTotal ×
/// alreadyReturned / sold). Returning every unit over any number of visits sums to lineTotal
/// exactly; no unit is refunded at more than its share rounded up.
Money paidShare(Money lineTotal, int sold, int alreadyReturned, int quantity);

/// One part of a refund.
struct Refund
{
    RefundMethod method = RefundMethod::Cash;
    Money amount; // positive: what goes back (cash: after rounding)
    QString reference; // card: the refund's own POI transaction id (after it ran);
                       // gift card: card number; store credit / points: customer card number;
                       // web: the original PSP reference; exchange: the new sale's id
    QString originalReference; // card: the original POI transaction id; web: PSP reference
    QString claimId; // card: the Reversal's nexo ServiceID
    QString maskedPan; // card
    qint64 points = 0; // loyalty points given back
    bool operator==(const Refund &) const = default;
};

/// The refund the rules give for a set of returned lines, before staff choose an alternative.
struct RefundPlan
{
    QList<Money> lineRefunds; // per request line, in request order (paidShare)
    Money goods; // sum of lineRefunds
    Money delivery; // web: the delivery cost when this return completes a full withdrawal
    Money total; // goods + delivery
    QList<Refund> refunds; // to the original tenders (cash unrounded here; see finaliseCash)
    qint64 pointsTakenBack = 0; // of the points the original earned, pro rata to `goods`
    qint64 pointsGivenBack = 0; // of the points redeemed, pro rata (through the points tender)
};

/// Plans the refund of `requests` (each already passed checkReturnLine): the paid shares, the
/// delivery cost, and the split over the original tenders — pro rata to what each paid
/// (spreadProRata), never more than a tender's refundable(); what a tender cannot take moves
/// to the next tender in order. Points taken back: floorShare(pointsEarned, goodsBefore + goods,
/// total) − floorShare(pointsEarned, goodsBefore, total), goodsBefore being the paid share of
/// the units returned before (ReturnableLine::returned, claimed units included), capped at
/// pointsEarned − order.pointsTakenBack (never more than earned in all); points given back:
/// the cumulative floor share from the points tender.
/// Errors: "return.nothing" (no line), "return.tender_exceeded" (the tenders cannot take the
/// refund: already refunded elsewhere).
Result<RefundPlan> planRefund(const ReturnableOrder &order,
    const QList<ReturnRequestLine> &requests, const LoyaltyRules &loyalty);

/// "Alternative method chosen" — the one rule for the tablet (ReturnService) and the server
/// (return handler): when staff give a return back by `method` (store credit, a gift card,
/// cash, an exchange) instead of to the original tenders, the redeemed loyalty points still go
/// back as points — planRefund's LoyaltyPoints parts are kept as they are (so pointsGivenBack
/// stays the plan's), points never turn into money — and only the rest of plan.total
/// (alternativeAmount) goes by `method`, as one part naming `reference` (store credit / points:
/// the customer's card; gift card: its number; exchange: the new sale's id). No part for
/// `method` when nothing is left.
QList<Refund> alternativeRefunds(
    const RefundPlan &plan, RefundMethod method, const QString &reference);
/// plan.total less the plan's LoyaltyPoints parts: what an alternative method may give.
Money alternativeAmount(const RefundPlan &plan);
/// The points side of a finished return against its plan: its LoyaltyPoints parts give back
/// exactly the plan's (amount and points), whatever method took the rest. Error
/// "refund.points_mismatch".
Status checkPointsRefunds(const RefundPlan &plan, const QList<Refund> &refunds);

/// The methods staff may choose for this order instead of "to the original tenders":
/// web order: original only (store credit only when it paid with store credit);
/// store sale: the original methods, plus StoreCredit / GiftCard as the policy allows (a
/// customer is needed for store credit); no receipt: StoreCredit only. Exchange is always
/// allowed (the new sale takes it).
QList<RefundMethod> allowedRefundMethods(const ReturnableOrder &order, const ReturnPolicy &policy);

/// Rounds the cash parts of `refunds` to 5 cents when the store rounds cash (the cash part
/// only, nearest, halves up), never above the cash tender's refundable(); returns the
/// rounding (cash handed out − unrounded cash), to record on the return.
Money finaliseCash(QList<Refund> &refunds, const ReturnableOrder &order, bool cashRounding);

/// Checks a finished return's refunds against its total like checkTenders does for a sale:
/// the parts pay total + rounding, each positive, each method allowed for the order, each
/// within what its original tender can take, references present. Errors: "refund.none",
/// "refund.not_positive", "refund.sum_mismatch", "refund.rounding", "refund.method",
/// "refund.tender_exceeded", "refund.reference_missing".
Status checkRefunds(const ReturnableOrder &order, const QList<Refund> &refunds, Money total,
    Money rounding, const ReturnPolicy &policy, bool cashRounding);

/// One returned line as recorded.
struct ReturnLine
{
    QString lineId; // within the return ("R1", "R2", …)
    QString originalLineId; // the original's line id ("" for a no-receipt return)
    qint64 productId = 0;
    QString sku;
    QString name;
    QString category;
    VatClass vatClass = VatClass::Standard;
    int vatBasisPoints = 0;
    int quantity = 0; // positive: units coming back
    Money refund; // paidShare (no receipt: current price × quantity)
    ReturnReason reason = ReturnReason::ChangedMind;
    ItemCondition condition = ItemCondition::Resellable;
};

/// A finished return, as the tablet records it and pushes it ("return" event).
struct Return
{
    QString returnId; // UUID
    QString receiptNumber; // its own number ("<store>-<terminal>-R000001")
    QString storeCode;
    QDateTime returnedAt; // UTC
    qint64 staffId = 0;
    ReturnOrigin origin = ReturnOrigin::StoreSale;
    QString originNumber; // receipt / web order number ("" without receipt)
    QString originSaleId; // the original sale's UUID / web order id
    QString claimId; // server claim (POST /v1/returns); "" for an offline own-sale return
    QList<ReturnLine> lines;
    Money goods; // sum of line refunds
    Money delivery; // delivery cost refunded (web, full withdrawal)
    Money total; // goods + delivery
    Money rounding; // cash rounding; handed back = total + rounding
    QList<Refund> refunds;
    QList<VatBreakdown> vat; // of the refunded goods, per rate (negative of the sale's side)
    std::optional<SaleCustomer> customer;
    qint64 pointsTakenBack = 0;
    qint64 pointsGivenBack = 0;
    QList<Authorisation> authorisations; // window/final-sale exceptions, no-receipt refunds
    QString exchangeSaleId; // the new sale of an exchange ("" otherwise)
    bool training = false;
    QString shiftId; // the drawer's open shift it belongs to (empty: a store without shifts)
};

/// What a scanned or typed text names for a return.
struct ReturnCode
{
    enum class Kind {
        Receipt, // "TOONBANK:SALE:<receipt number>:<sale uuid>" (our receipt QR)
        WebOrder, // "TOONBANK:WEB:<chain tag>:<order number>" (packing slip / order e-mail QR)
        ReturnReceipt, // "TOONBANK:RETURN:<receipt number>:<return uuid>" (a return's QR)
        Typed, // anything else that looks like a number: the server decides what it is
        Invalid, // empty, control characters, a number longer than 64 (a QR payload: at most
                 // 128 in all), or a TOONBANK: text we cannot read
    };
    Kind kind = Kind::Invalid;
    QString number; // receipt / order number, trimmed and upper-cased
    QString id; // sale or return uuid from a QR; "" otherwise
    QString
        chainTag; // web QR: the chain's tag ("" otherwise); another chain's → "return.other_chain"
};
ReturnCode parseReturnCode(const QString &text);
/// The QR payloads: the one place that writes them (receipts, packing slips, the admin tool).
QString webOrderQrPayload(const QString &chainTag, const QString &orderNumber);
QString returnQrPayload(const QString &receiptNumber, const QString &returnId);

/// The VAT of returned lines per rate (the one VAT function applied to their refunds).
QList<VatBreakdown> returnVat(const QList<ReturnLine> &lines);

} // namespace Toonbank::Core
