#pragma once

#include "couponclaimer.h"

#include "app/core/basket.h"
#include "app/core/clock.h"
#include "app/core/permissions.h"
#include "app/core/result.h"
#include "app/core/sale.h"
#include "app/devices/receipt.h"
#include "app/store/catalogtypes.h"

#include <QDateTime>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>

namespace Toonbank::Store {
class Catalog;
class CustomerCache;
class LocalDatabase;
class ParkedBaskets;
class PromotionStore;
class SalesLedger;
} // namespace Toonbank::Store

namespace Toonbank::Devices {
class CashDrawer;
class ReceiptPrinter;
} // namespace Toonbank::Devices

namespace Toonbank::Services {

class CustomerService;
class Session;
class ShiftService;

/// What the customer pays in cash: the total, the 5-cent rounding (when the store rounds) and
/// the rounded amount due.
struct CashQuote
{
    Core::Money total;
    Core::Money rounding;
    Core::Money due;
};

/// A sale that is on disk. Everything the receipt needs. `sale` is the one Core::Sale as the
/// ledger and the outbox event carry it; `lines`/`totals` are the flattened basket view of it
/// (line discount = the line's adjustments) kept for the receipt and existing screens.
struct CompletedSale
{
    QString saleId;
    QString receiptNumber;
    QDateTime soldAt; // UTC
    QList<Core::BasketLine> lines;
    Core::BasketTotals totals;
    CashQuote cash;
    Core::Money tendered;
    Core::Money change;
    Store::StaffMember staff;
    Store::Location location;
    QString printError; // set when the sale is saved but the receipt did not print
    Core::Sale sale;
    QString pickupCode; // endless aisle, store pickup: the code the customer shows there
};

/// An endless-aisle order on the sale in progress (docs/STOCK.md §5): the server's order (its
/// holds keep the stock for 30 minutes), the basket lines it made (marked as ordered: no stock
/// moves here for them) and its "Delivery" line. It travels with a parked basket; it is given
/// back (its holds cancelled) when the basket is cleared or one of its lines removed.
struct BasketOrder
{
    Core::SaleOrder order; // lineIds and deliveryLineId are the basket's
    QStringList holdIds; // the server's holds, one per ordered line
    QString pickupCode; // store pickup: printed on the receipt
    QString pickupStoreName; // store pickup: for the receipt and the basket
    QDateTime expiresAt; // until when the unpaid order holds its stock (UTC)
};

/// The value of goods brought back in an exchange (ReturnService::startExchange), put towards
/// the sale in progress: PaymentService::begin takes it as a settled ReturnCredit tender
/// (reference = returnId) of at most the sale's total; recordSale() records the return in the
/// sale's own transaction (before the sale's rows, so its event is pushed first); clear()
/// abandons it.
struct ExchangeCredit
{
    QString returnId;
    Core::Money amount;
    /// Records the return for the new `sale` (tenders set) inside the sale's transaction.
    std::function<Core::Status(const Core::Sale &sale)> recordReturn;
    /// The exchange was given up (basket cleared, payment cancelled): release the claim.
    std::function<void()> abandon;
};

/// The basket as a payment freezes it (PaymentService::begin): the sale as built now (lines,
/// adjustments, VAT, total, customer; no tenders yet) and the draft basket in the versioned
/// parked form, to restore it after a crash.
struct PaymentBasket
{
    Core::Sale sale;
    QByteArray basketJson;
};

struct ParkedSummary
{
    qint64 id = 0;
    QDateTime parkedAt; // UTC
    QString label;
    int itemCount = 0;
    Core::Money total; // before promotions (they are recomputed when it is resumed)
};

/// One adjustment as a basket line shows it: "3 voor 2 sokken  −€ 4,99".
struct AdjustmentView
{
    Core::AdjustmentKind kind = Core::AdjustmentKind::Promotion;
    QString label;
    Core::Money amount; // positive: what it takes off the line
    QString approvedBy; // manager's display name for an approved manual discount; else empty
};

/// One basket line for the sell screen.
struct BasketLineView
{
    QString lineId; // stable: use it, not the row, for quantity/remove/discount calls
    qint64 productId = 0;
    QString sku;
    QString name;
    int quantity = 0;
    Core::Money unitPrice; // catalog price valid now (product promo price included)
    Core::Money regularPrice; // list price; > unitPrice when a product promo price runs
    Core::Money grossTotal; // unit price × quantity
    Core::Money lineTotal; // after every adjustment
    QList<AdjustmentView> adjustments;
    QString vatLabel; // "21%"
    bool ordered = false; // endless aisle: ordered for delivery / pickup elsewhere, no stock here
    bool delivery = false; // the order's "Delivery" line
};

struct VatView
{
    QString rateLabel; // "21%"
    Core::Money net;
    Core::Money vat;
    Core::Money gross;
};

/// The customer chip in the top bar and on the basket.
struct CustomerChip
{
    QString cardNumber;
    QString name;
    QString tier; // "basic", "silver", "gold"
    qint64 points = 0; // server balance + this tablet's pending changes
};

/// The basket as the sell and pay screens paint it: computed once per change by
/// Core::buildSale with the promotions, VAT table, loyalty rules and the service's clock.
struct BasketView
{
    QList<BasketLineView> lines;
    QList<VatView> vat; // per rate, highest first
    Core::Money grossTotal; // before adjustments
    Core::Money discountTotal; // sum of every adjustment
    Core::Money total; // to pay before cash rounding
    int itemCount = 0;
    std::optional<CustomerChip> customer;
    QStringList couponCodes; // as entered and accepted
    qint64 pointsToEarn = 0; // with the attached customer
    bool isEmpty() const { return lines.isEmpty(); }
};

/// What a scan did: the one scan path adds a product or attaches a customer.
struct ScanResult
{
    enum class Kind { ProductAdded, CustomerAttached };
    Kind kind = Kind::ProductAdded;
    QString lineId; // ProductAdded: the line that changed
    QString cardNumber; // CustomerAttached
};

/// A change the requester may not make alone: what the override sheet asks a manager for.
struct ApprovalRequest
{
    Core::Permission permission = Core::Permission::ApproveManualDiscount;
    QString lineId;
    Core::Money amount; // the discount (or price difference) to approve
    QString what; // translated, for the sheet: "Manual discount € 15,00 on 501 Original Jeans"
};

/// The answer to a manual discount or price change: applied, or waiting for an approval
/// (nothing changed yet; pass the Authorisation from OverrideService::approve() to the same
/// call again).
struct ChangeOutcome
{
    enum class State { Applied, NeedsApproval };
    State state = State::Applied;
    ApprovalRequest approval; // NeedsApproval only
    bool applied() const { return state == State::Applied; }
};

/// The sale in progress: lines (Core::DraftLine with stable ids), customer, coupons, manual
/// discounts and their approvals; parking; taking cash. Every call checks the session's
/// permission first; on any error the basket is unchanged. Time comes from the injected clock.
class SaleService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SaleService)
public:
    SaleService(Store::LocalDatabase &database, Store::Catalog &catalog, Session &session,
        const Core::Clock &clock, QObject *parent = nullptr);
    ~SaleService() override;

    /// Optional collaborators. Without a customer service a card scan answers
    /// "customer.unavailable"; without a claimer single-use coupons need the network.
    void setCustomerService(CustomerService *customers) { m_customers = customers; }
    void setCouponClaimer(CouponClaimer *claimer) { m_claimer = claimer; }
    void setReceiptPrinter(Devices::ReceiptPrinter *printer) { m_printer = printer; }
    void setCashDrawer(Devices::CashDrawer *drawer) { m_drawer = drawer; }
    /// Selling needs an open shift (issue 12): when set, payCash() and freezeForPayment() ask
    /// ShiftService::requireOpenShift() ("shift.not_open") and the sale records the open
    /// shift's id (Core::Sale::shiftId). Not set: no shift is asked for.
    void setShiftService(ShiftService *shifts) { m_shifts = shifts; }

    // --- lines -------------------------------------------------------------------------
    /// The one scan path (Core::classifyScan): a product barcode adds a unit; a loyalty card
    /// or the customer's app QR attaches the customer. Errors: barcode.*, "barcode.unknown",
    /// customer.* (see attachCustomer).
    Core::Result<ScanResult> scan(const QString &code);
    Core::Result<QList<Store::ProductSummary>> search(const QString &text, int limit = 50) const;
    /// Adds one unit of a product; a line of the same product without a manual discount or
    /// price change gets its quantity raised. Returns the line id.
    Core::Result<QString> addProduct(qint64 productId);
    /// 0 removes the line. Errors "basket.bad_quantity", "basket.no_line".
    Core::Status setQuantity(const QString &lineId, int quantity);
    Core::Status removeLine(const QString &lineId);
    /// Empties the basket, detaches the customer, releases coupon claims.
    Core::Status clear();

    /// A gift card sold or topped up at the till: a line of `amount` without VAT (a
    /// multi-purpose voucher, VAT class Zero), category "gift_cards", no promotions, no points,
    /// no stock; the server activates the card when it applies the sale. Returns the line id.
    /// Errors: "gift.number" (Core::normaliseGiftCardNumber), "giftcard.amount" (outside the
    /// store's limits, by default € 5 – € 500: settings giftcard.min_cents / max_cents),
    /// "giftcard.duplicate" (this card is already on the sale), "giftcard.no_product" (the
    /// catalog has no product in the gift-card category to sell it as), "basket.frozen".
    Core::Result<QString> addGiftCard(const QString &number, Core::Money amount);
    /// The gift-card amount limits of this store.
    Core::Money giftCardMinimum() const;
    Core::Money giftCardMaximum() const;

    // --- endless aisle (docs/STOCK.md §5) ------------------------------------------------
    /// Puts an order the server accepted into the basket: `lines` (their ids are given here)
    /// marked as ordered, plus `deliveryLine` when the delivery costs something. Fills the
    /// order's lineIds and deliveryLineId; the sale carries it (Core::Sale::order) from now on.
    /// Errors: "order.one_per_sale" (the basket has an order already), "basket.frozen",
    /// "sale.*"/"vat.*" (the lines do not build). Returns the ordered line ids.
    Core::Result<QStringList> addOrder(const QList<Core::DraftLine> &lines,
        const std::optional<Core::DraftLine> &deliveryLine, BasketOrder order);
    const std::optional<BasketOrder> &basketOrder() const { return m_order; }
    /// Called with the order when it is given up (basket cleared, an order line removed):
    /// cancels its holds (best effort). Not set: nothing is told (the holds expire).
    void setOrderReleaser(std::function<void(const BasketOrder &)> releaser)
    {
        m_orderReleaser = std::move(releaser);
    }
    /// True for an ordered line or the order's delivery line.
    bool isOrderLine(const QString &lineId) const;

    // --- customer and coupons ----------------------------------------------------------
    /// Attaches a cached (or, online, fetched) customer by card number. Errors:
    /// "customer.not_found", "customer.unavailable".
    Core::Status attachCustomer(const QString &cardNumber);
    void detachCustomer();
    /// Adds a coupon code. Multi-use codes work offline; single-use ones are claimed through
    /// the CouponClaimer. Errors: "coupon.unknown", "coupon.expired" (not valid now),
    /// "coupon.other_store", "coupon.needs_customer" (a personal coupon of another or no
    /// customer), "coupon.duplicate", "coupon.needs_network", "coupon.already_used".
    Core::Status addCoupon(const QString &code);
    Core::Status removeCoupon(const QString &code);

    // --- manual discount and price change -----------------------------------------------
    /// A manual discount on a line: `amount`, or `percentBasisPoints` of what is left of the
    /// line after promotions. Within the requester's limit
    /// (Core::manualDiscountNeedsApproval) it is applied; above it the outcome is
    /// NeedsApproval and nothing changes, unless `approval` (from OverrideService::approve,
    /// for Permission::ApproveManualDiscount, this line and at least this amount) is given:
    /// then it is applied and the Authorisation recorded in the sale. Errors:
    /// "basket.no_line", "discount.invalid" (none, negative, both kinds, more than the line),
    /// "approval.mismatch" (an approval for another permission, line or a smaller amount).
    Core::Result<ChangeOutcome> setManualDiscount(const QString &lineId, Core::Money amount,
        int percentBasisPoints, const QString &reason,
        const std::optional<Core::Authorisation> &approval = std::nullopt);
    Core::Status removeManualDiscount(const QString &lineId);
    /// A new unit price for a line: needs Permission::ChangePrice (the requester's own role or
    /// an approval). Errors: "basket.no_line", "price.invalid", "approval.mismatch".
    Core::Result<ChangeOutcome> changePrice(const QString &lineId, Core::Money unitPrice,
        const QString &reason, const std::optional<Core::Authorisation> &approval = std::nullopt);

    // --- reading -------------------------------------------------------------------------
    /// The basket as built now (promotions, coupons, tier, manual discounts, VAT).
    const BasketView &view() const;
    /// The Core::Sale the basket builds to now (no tenders yet). Errors: vat.*, sale.*.
    Core::Result<Core::Sale> currentSale() const;
    const QList<Core::DraftLine> &draftLines() const { return m_lines; }
    bool isEmpty() const { return m_lines.isEmpty(); }
    CashQuote cashQuote() const;

    // --- parking -------------------------------------------------------------------------
    /// Puts the basket aside in the versioned form ("version": 2: draft lines, customer,
    /// coupons, authorisations) and starts an empty one.
    Core::Status park(const QString &label = {});
    Core::Result<QList<ParkedSummary>> listParked() const;
    /// Brings a parked basket back (v2 or v1 JSON). Promotions are recomputed for now.
    /// Error "basket.not_empty" when a sale is in progress, "parked.unknown".
    Core::Status resume(qint64 parkedId);

    // --- paying --------------------------------------------------------------------------
    /// Takes cash and records the Core::Sale in one durable transaction (lines, adjustments,
    /// VAT, tender, customer, points, authorisations, receipt number, stock here, outbox
    /// "sale" event, journal, pending points). Then opens the drawer and prints.
    /// Errors: "basket.empty", "pay.insufficient", "pay.negative", "sale.*"; on error nothing
    /// is recorded and the basket stays.
    Core::Result<CompletedSale> payCash(Core::Money tendered);

    // --- paying with PaymentService (issue "Checkout II") ----------------------------------
    /// While a payment runs the basket is frozen: every change answers "basket.frozen".
    bool isFrozen() const { return m_frozen; }
    /// Builds the sale now and freezes the basket. Errors: "permission.denied",
    /// "session.locked", "basket.frozen", "basket.empty", "pay.negative", "sale.*", "vat.*".
    Core::Result<PaymentBasket> freezeForPayment();
    /// The exchange credit of the sale in progress (none: a plain sale).
    const std::optional<ExchangeCredit> &exchangeCredit() const { return m_exchange; }
    void setExchangeCredit(std::optional<ExchangeCredit> credit);
    /// Gives up the exchange credit (its abandon() releases the return's claim).
    void abandonExchange();
    /// Lets the basket be changed again (the payment was cancelled).
    void unfreeze();
    /// After a crash: brings back the basket an open payment froze, frozen again.
    /// Error "parked.unreadable".
    Core::Status restoreFrozen(const QByteArray &basketJson);
    /// Records `sale` (tenders, rounding, points set by the caller; Core::checkTenders passed)
    /// in one durable transaction like payCash, with `alsoWrite` (the payment session marked
    /// completed) inside it. When it is the basket's sale the basket is emptied. Then opens the
    /// drawer (when cash was taken) and prints. No permission check: the caller checked, and a
    /// sale paid before a crash is recorded at start-up before anyone logs in.
    /// Errors: "sale.empty", "sale.store_failed", "sale.invalid_event", those of `alsoWrite`.
    Core::Result<CompletedSale> recordSale(
        Core::Sale sale, const std::function<Core::Status()> &alsoWrite = {});
    Store::LocalDatabase &database() { return m_db; }

    /// Prints a completed sale's receipt (a duplicate is marked as such).
    /// Errors: "permission.denied", "session.locked", "printer.none", "printer.*".
    Core::Status printReceipt(const CompletedSale &sale, bool duplicate);
    bool hasReceiptPrinter() const { return m_printer != nullptr; }
    /// The connected receipt printer (nullptr: none), for other receipts (returns).
    Devices::ReceiptPrinter *receiptPrinter() const { return m_printer; }
    Devices::ReceiptData receiptFor(
        const CompletedSale &sale, const QLocale &locale = QLocale()) const;

    const Store::Location &location() const { return m_location; }
    /// Events waiting for the server (for "offline — N waiting").
    int waitingEventCount() const;
    /// For the crash tests: see Store::SalesLedger::setBeforeCommitHook.
    Store::SalesLedger &ledger() { return *m_ledger; }
    const Core::Clock &clock() const { return m_clock; }
    /// The rules sales are built under here (promotions of today, VAT, loyalty, limits).
    const Core::SaleRules &rules() const;

signals:
    void basketChanged();
    void customerChanged();
    void saleCompleted(const QString &receiptNumber);

private:
    /// The receipt number of the return `returnId` recorded on this tablet (an exchange's
    /// credit); empty when there is none.
    QString returnReceiptNumber(const QString &returnId) const;
    struct Rules;
    Core::Status requireSell() const;
    Core::Status requireEditable() const;
    QByteArray basketJson() const;
    const Core::DraftLine *giftLine(const QString &lineId) const;
    Core::Result<QString> addSummary(const Store::ProductSummary &product);
    int indexOf(const QString &lineId) const;
    QString nextLineId();
    void changed();
    void rebuild() const;
    void refreshRules() const;
    Core::SaleRules rulesFor(const QList<Core::DraftLine> &lines) const;
    Core::SaleContext context(const QDateTime &at) const;

    Store::LocalDatabase &m_db;
    Store::Catalog &m_catalog;
    Session &m_session;
    const Core::Clock &m_clock;
    CustomerService *m_customers = nullptr;
    CouponClaimer *m_claimer = nullptr;
    Devices::ReceiptPrinter *m_printer = nullptr;
    Devices::CashDrawer *m_drawer = nullptr;
    ShiftService *m_shifts = nullptr;
    std::unique_ptr<Store::SalesLedger> m_ledger;
    std::unique_ptr<Store::ParkedBaskets> m_parked;
    std::unique_ptr<Store::PromotionStore> m_promotions;
    Store::Location m_location;

    // The sale in progress.
    QString m_saleId;
    QList<Core::DraftLine> m_lines;
    int m_lineCounter = 0;
    std::optional<Core::SaleCustomer> m_customer;
    std::optional<CustomerChip> m_customerChip;
    QStringList m_coupons;
    QList<CouponClaim> m_claims;
    QList<Core::Authorisation> m_authorisations;
    bool m_frozen = false; // a payment is in progress
    std::optional<BasketOrder> m_order; // endless aisle
    std::function<void(const BasketOrder &)> m_orderReleaser;
    void releaseOrder();
    void withOrder(Core::Sale &sale) const;
    std::optional<ExchangeCredit> m_exchange;

    // Built lazily after each change; the rules are reloaded once per day or promotion change.
    mutable std::unique_ptr<Rules> m_rules;
    mutable std::optional<BasketView> m_view;
    mutable std::optional<Core::Result<Core::Sale>> m_sale;
};

} // namespace Toonbank::Services
