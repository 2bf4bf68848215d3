#pragma once

#include "delivery.h"
#include "loyalty.h"
#include "money.h"
#include "permissions.h"
#include "promotion.h"
#include "result.h"
#include "vat.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace Toonbank::Core {

/// VAT classes of goods; the rate of a class in a country on a day comes from the VatTable.
enum class VatClass { Standard, Intermediate, Reduced, Zero };
QString name(VatClass vatClass); // "standard", "intermediate", "reduced", "zero"
std::optional<VatClass> vatClassFromName(const QString &name);

/// Why a line costs less than unit price × quantity.
enum class AdjustmentKind { Promotion, Coupon, PersonalOffer, Tier, Manual };
QString name(AdjustmentKind kind); // "promotion", "coupon", "personal_offer", "tier", "manual"
std::optional<AdjustmentKind> adjustmentKindFromName(const QString &name);

/// How (part of) a sale was paid.
/// ReturnCredit: the value of the return of an exchange, put towards its new sale (reference:
/// the return's id; recorded in the same transaction as the return).
enum class TenderMethod { Cash, Card, GiftCard, StoreCredit, LoyaltyPoints, ReturnCredit };
QString name(TenderMethod method); // "cash", "card", "gift_card", "store_credit",
                                   // "loyalty_points", "return_credit"
std::optional<TenderMethod> tenderMethodFromName(const QString &name);

/// One reduction of one line. `amount` is positive and never more than what is left of the line.
struct Adjustment
{
    AdjustmentKind kind = AdjustmentKind::Promotion;
    QString sourceId; // promotion id, coupon code or "manual"
    QString label; // what staff and the receipt see
    Money amount;
    qint64 approvedBy = 0; // staff id of the manager who approved (manual above the limit)
    auto operator<=>(const Adjustment &) const = default;
};

/// A line of a sale. `unitPrice` is the catalog price valid at the sale's time (the product's
/// own promo price when one runs); every reduction from there is an adjustment.
struct SaleLine
{
    QString lineId; // stable within the sale ("L1", "L2", …), survives parking and edits
    qint64 productId = 0;
    QString sku;
    QString name;
    QString category;
    QString brand;
    VatClass vatClass = VatClass::Standard;
    VatRate vatRate; // from the VatTable for the store's country on the sale's date
    int quantity = 1;
    Money unitPrice;
    Money regularPrice; // the list price, to show what a product promo price saves
    /// A gift card sold or topped up on this line (a multi-purpose voucher: VAT class Zero,
    /// no points, no promotions); the server activates the card when it applies the sale.
    QString giftCardNumber;
    QList<Adjustment> adjustments;

    Money grossTotal() const { return unitPrice * quantity; }
    Money discountTotal() const;
    /// The one line-total function: unit price × quantity − adjustments.
    Money lineTotal() const { return grossTotal() - discountTotal(); }
};

/// A tender (part payment). Every non-cash tender is settled by an outside party before the
/// sale is recorded: the card terminal, or the server (gift card, store credit claims); its
/// `claimId` is the one id that finds that settlement again (nexo ServiceID for a card, the
/// claim id for a gift card or store credit, a UUID for points).
struct Tender
{
    TenderMethod method = TenderMethod::Cash;
    Money amount; // what this tender settles (cash: after rounding)
    Money tendered; // cash handed over (0 otherwise)
    Money change;
    QString reference; // card: POI transaction id; gift card: card number; store credit:
                       // the customer's card number; points: the customer's card number
    QString claimId; // card: nexo ServiceID; gift card / store credit: server claim id
    QString maskedPan; // card: "**** **** **** 1234"
    QString cardBrand; // card: "VISA", "MC", "MAESTRO", …
    QString authCode; // card: the approval code
    qint64 points = 0; // loyalty points tender: points redeemed (amount = points × value)
    std::optional<Money> balanceLeft; // gift card / store credit / points value after it
    bool operator==(const Tender &) const = default;
};

/// A recorded approval: who asked, who approved, what and why.
struct Authorisation
{
    Permission permission = Permission::ApproveManualDiscount;
    qint64 requestedBy = 0;
    qint64 approvedBy = 0;
    QString lineId; // empty when it concerns the whole sale
    Money amount; // the discount or price difference approved
    QString reason;
    QDateTime approvedAt; // UTC
};

/// The customer attached to a sale.
struct SaleCustomer
{
    qint64 id = 0; // server id; 0 while enrolled offline and not yet known to the server
    QString code; // loyalty card number, stable across devices
    QString tier; // "basic", "silver", "gold"
};

/// A manual discount a staff member asks for on a line (before the engine computes the rest).
struct ManualDiscount
{
    Money amount; // either an amount …
    int percentBasisPoints = 0; // … or a percentage of what is left of the line
    QString reason;
    qint64 requestedBy = 0;
    qint64 approvedBy = 0; // 0 = within the requester's own limit
};

/// A line as the basket holds it, before rules are applied.
struct DraftLine
{
    QString lineId;
    qint64 productId = 0;
    QString sku;
    QString name;
    QString category;
    QString brand;
    VatClass vatClass = VatClass::Standard;
    int quantity = 1;
    Money unitPrice; // catalog price valid now (product promo price included)
    Money regularPrice;
    QString giftCardNumber; // a gift card sold or topped up (see SaleLine::giftCardNumber)
    std::optional<ManualDiscount> manualDiscount;
};

/// The rules a sale is built under: the same data on tablet and server.
struct SaleRules
{
    VatTable vatTable;
    QString country; // "NL", "BE"
    QString storeCode;
    bool cashRounding = true;
    QList<Promotion> promotions; // all known; the engine picks the active ones
    LoyaltyRules loyalty;
    DiscountLimits discountLimits;
};

/// An endless-aisle order paid in this sale (issue 11, docs/STOCK.md): the server's order
/// (POST /v1/orders made it and holds its stock), the sale lines that are ordered rather than
/// taken home (no stock moves here for them), and the delivery (its price is the sale line
/// `deliveryLineId`).
struct SaleOrder
{
    QString orderId; // the tablet's UUID of POST /v1/orders
    QString orderNumber; // the server's web order number ("WS…")
    Delivery delivery;
    QStringList lineIds; // the ordered lines (not the delivery line)
    QString deliveryLineId; // empty when delivery is free
    bool operator==(const SaleOrder &) const = default;
};

/// What the sale is about besides its lines.
struct SaleContext
{
    QDateTime soldAt; // UTC; promotions are judged in its local time, VAT on its local date
    std::optional<SaleCustomer> customer;
    QStringList couponCodes; // as entered; single-use ones must already be claimed
    QList<Authorisation> authorisations;
    /// The endless-aisle order paid in this sale. Its delivery line is a charge, not goods: no
    /// promotion and no points (its price is the server's, fixed when the order was made).
    std::optional<SaleOrder> order;
};

/// The one description of a sale (later also of a return or an exchange).
struct Sale
{
    QString saleId; // UUID
    QString receiptNumber;
    QString storeCode;
    QDateTime soldAt; // UTC
    qint64 staffId = 0;
    QList<SaleLine> lines;
    QList<VatBreakdown> vat; // per rate, highest first (computed by vatBreakdown())
    Money total; // sum of line totals, unrounded
    Money rounding; // cash rounding (may be negative); paid = total + rounding
    QList<Tender> tenders;
    std::optional<SaleCustomer> customer;
    QStringList couponCodes;
    QList<Authorisation> authorisations;
    qint64 pointsEarned = 0;
    qint64 pointsRedeemed = 0;
    qint64 catalogVersion = 0; // the feed cursor the tablet's prices came from
    bool training = false;
    QString shiftId; // the drawer's open shift it belongs to (empty: a store without shifts)
    std::optional<SaleOrder> order; // endless aisle: lines ordered for delivery / pickup elsewhere

    int itemCount() const;
    Money totalVat() const;
};

/// VAT per rate on the summed gross of each rate (NL/BE receipts): net + VAT == gross exactly.
/// The one VAT function; Basket, the server and the tools call it.
QList<VatBreakdown> vatBreakdown(const QList<SaleLine> &lines);

/// Spreads `amount` over `weights` pro rata, to the cent, largest remainder first (ties: the
/// earlier index). The parts sum to `amount` exactly and none exceeds its weight.
QList<Money> spreadProRata(Money amount, const QList<Money> &weights);

/// Builds a sale from the basket's lines, the rules and the context: VAT rates for the date,
/// promotion/coupon/personal-offer/tier adjustments from the engine (recomputed from scratch,
/// so nothing stacks again on a basket change), manual discounts last. Errors: "vat.*",
/// "sale.*" (e.g. a manual discount larger than what is left of the line).
Result<Sale> buildSale(
    const QList<DraftLine> &lines, const SaleRules &rules, const SaleContext &context);

} // namespace Toonbank::Core
