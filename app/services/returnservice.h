#pragma once

#include "app/core/clock.h"
#include "app/core/result.h"
#include "app/core/returns.h"
#include "app/core/sale.h"

#include <QObject>

#include <functional>
#include <memory>
#include <optional>

namespace Toonbank::Devices {
class PaymentTerminal;
struct ReversalResult;
} // namespace Toonbank::Devices

namespace Toonbank::Store {
class LocalDatabase;
class Catalog;
class ReturnsLedger;
struct RecordedReturn;
struct RefundPartRecord;
} // namespace Toonbank::Store

namespace Toonbank::Devices {
struct CardPaymentResult;
} // namespace Toonbank::Devices

namespace Toonbank::Services {

class SaleService;
class PaymentService;
class Session;
class ShiftService;

/// Online part of returns (docs/RETURNS.md has the HTTP contract). ServerLookups implements
/// it; tests may use the real server through it. Called on the GUI thread; answers within a
/// few seconds; offline answers "return.needs_network" at once.
class ReturnsClient
{
public:
    virtual ~ReturnsClient() = default;
    virtual bool isOnline() const = 0;
    struct Found
    {
        Core::ReturnableOrder order;
        Core::ReturnPolicy policy; // the store's policy now (the tablet caches it)
    };
    /// GET /v1/returns/lookup?code=<the scanned or typed text>. Errors: "return.not_found",
    /// "return.other_chain", "return.of_return", "return.invalid_code",
    /// "return.needs_network", "sync.*".
    virtual Core::Result<Found> lookup(const QString &code) = 0;
    /// POST /v1/returns. Errors: "return.quantity" (someone returned it first: the message says
    /// what is still returnable; `left` is filled), "claim.mismatch", "return.needs_network",
    /// "sync.*" (outcome unknown: ask claimStatus() before anything else).
    virtual Core::Result<Core::ReturnableOrder> claim(const QString &claimId,
        const QString &returnId, const Core::ReturnableOrder &order,
        const QList<Core::ReturnRequestLine> &lines, const QString &storeCode,
        QList<QPair<QString, int>> *left = nullptr)
        = 0;
    /// Gives the claimed quantities back (the return was abandoned). Idempotent.
    /// Errors: "claim.used", "return.needs_network", "sync.*".
    virtual Core::Status releaseClaim(const QString &claimId) = 0;
    /// Whether the server granted the claim (recovery). Error "claim.unknown": never granted.
    virtual Core::Result<bool> claimGranted(const QString &claimId) = 0;
};

/// One line of the found order as the return screen shows it.
struct ReturnLineView
{
    Core::ReturnableLine line;
    std::optional<QDate> deadline; // last day without an override
    bool windowPassed = false;
    bool finalSale = false;
    QString blockedWhy; // plain words when it cannot come back at all (gift card, nothing left)
    int selected = 0; // quantity chosen to return (0..returnable)
    Core::ReturnReason reason = Core::ReturnReason::ChangedMind;
    Core::ItemCondition condition = Core::ItemCondition::Resellable;
    Core::Money refund; // paid share of `selected`
};

/// One part of the refund as the return screen lists it while it runs.
struct RefundPartView
{
    enum class State { Planned, Pending, Done, Failed };
    Core::RefundMethod method = Core::RefundMethod::Cash;
    QString label; // "Card VISA **** 1234", "Cash", "Store credit", "Web payment (iDEAL)"
    Core::Money amount;
    State state = State::Planned;
    QString detail; // "Follow the instructions on the terminal", "Give €4.95 in cash", …
    /// What staff can do now with a failed part (the return screen's buttons):
    bool canRetry = false; // a refused card reversal: ReturnService::retryPart()
    /// The methods ReturnService::refundFailedPartWith() accepts for it (Core::
    /// allowedRefundMethods, checked with Core::checkRefunds for the whole return).
    QList<Core::RefundMethod> moveTo;
    QString noAlternativeWhy; // moveTo empty: plain words (the law wants the original method)
};

/// Where the return in progress stands.
struct ReturnView
{
    enum class Stage {
        Empty, // nothing found yet: scan or type a number
        Found, // lines listed; staff choose quantities, reason, condition, method
        Refunding, // claimed; parts running (card reversal at the terminal)
        Done, // recorded; completed() was emitted
    };
    Stage stage = Stage::Empty;
    std::optional<Core::ReturnableOrder> order;
    QList<ReturnLineView> lines;
    Core::Money goods; // selected paid shares
    Core::Money delivery; // web: delivery cost refunded with a full withdrawal
    Core::Money total;
    Core::Money rounding; // cash rounding of the refund
    QList<Core::RefundMethod> methods; // allowed alternatives (allowedRefundMethods)
    std::optional<Core::RefundMethod> chosenMethod; // none: to the original tenders
    QList<RefundPartView> parts; // the plan, then the progress
    QString giftCardNumber; // normalised; where RefundMethod::GiftCard loads (setGiftCardNumber)
    /// Refunding, but the server's answer to the claim was lost: nothing runs until
    /// checkAgain() learns it (the screen offers "Check again" and Cancel).
    bool waitingForClaim = false;
    /// An approval is needed before refund(): window passed / final sale
    /// (ApproveReturnException) or no receipt (RefundWithoutReceipt).
    std::optional<Core::Permission> needsApproval;
    QString approvalWhy; // plain words for the override sheet
    bool online = false;
    bool offlineOwnSale = false; // found in this tablet's ledger without the network
    qint64 pointsTakenBack = 0;
    qint64 pointsGivenBack = 0;
};

/// A return that is on disk: what the receipt needs.
struct CompletedReturn
{
    Core::Return ret;
    QString receiptNumber;
    QString storeName;
    QString staffName;
    QString printError;
};

/// Takes goods back and refunds them exactly once (issue "Returns", PRODUCT.md journey 2).
///
/// - find() looks the number / QR up on the server (any store's sale, web orders); offline it
///   finds this tablet's own sales in the local ledger (returned quantities counted locally).
/// - Staff pick quantities, reason and condition per line, and a refund method (the original
///   tenders by default); the core rules (Core::checkReturnLine, planRefund, finaliseCash)
///   decide the amounts. An exception (window, final sale, no receipt) needs approve() with
///   an Authorisation from OverrideService — checked here, not only in the UI.
/// - refund(): online, the lines are claimed on the server first (POST /v1/returns; one 201
///   for the last unit, whatever other store asks at the same moment). Then the parts run:
///   a card part is a nexo Reversal naming the original POI transaction (pending state
///   written durably before the terminal is asked; a lost answer is settled with
///   TransactionStatus, never repeated blindly); cash is handed out; web payment, store
///   credit, gift card and points are effects the server applies with the event. When every
///   part is done, the return is recorded in one durable transaction (return rows, stock back
///   here when resellable, own-sale returned quantities, outbox "return" event, journal
///   entry) and completed() is emitted.
/// - startExchange(): claims like refund(), then hands the value to the sale in progress as an
///   exchange credit (a ReturnCredit tender taken by PaymentService); the return is recorded
///   in the same transaction as the new sale. A credit larger than the new sale refunds the
///   rest by the chosen method (cash or store credit).
/// - cancel() releases a claim that no money went against; recover() at start-up settles a
///   refund that was running when the tablet died.
/// Permissions: Permission::Refund for everyone who sells; exceptions need approvals.
class ReturnService final : public QObject
{
    Q_OBJECT
public:
    ReturnService(Store::LocalDatabase &database, Store::Catalog &catalog, Session &session,
        SaleService &sales, const Core::Clock &clock, QObject *parent = nullptr);
    ~ReturnService() override;

    void setClient(ReturnsClient *client);
    void setTerminal(Devices::PaymentTerminal *terminal);
    void setPayments(PaymentService *payments);
    /// Refunding needs an open shift (issue 12): when set, a refund or an exchange asks
    /// ShiftService::requireOpenShift() before money goes back ("shift.not_open") and the
    /// return records the open shift's id (Core::Return::shiftId). Not set: none is asked for.
    void setShiftService(ShiftService *shifts);

    ReturnView view() const;

    /// Finds what a scanned or typed text names. Errors: "return.invalid_code",
    /// "return.not_found", "return.other_chain", "return.of_return", "return.needs_network"
    /// (not this tablet's own sale and offline), "permission.denied", "session.locked",
    /// "return.busy" (a refund is running).
    Core::Status find(const QString &scannedOrTyped);
    /// Starts a return without receipt: lines are added by product, refunded at today's price,
    /// store credit only, with a manager's RefundWithoutReceipt approval.
    Core::Status startWithoutReceipt();
    /// No-receipt returns only. Errors: "return.not_no_receipt", "scan.*".
    Core::Status addProduct(qint64 productId, int quantity = 1);

    /// Errors: "return.quantity" (message names what is returnable), "return.unknown_line".
    Core::Status setQuantity(const QString &lineId, int quantity);
    Core::Status setReason(const QString &lineId, Core::ReturnReason reason);
    Core::Status setCondition(const QString &lineId, Core::ItemCondition condition);
    /// none: to the original tenders. GiftCard names the card to load (`giftCardNumber`; else
    /// the one set by setGiftCardNumber; else the card the order paid with; none yet: refund()
    /// answers "refund.reference_missing"). Errors: "refund.method" (not allowed for this
    /// order), "customer.none" (store credit needs the order's customer), "gift.number" (the
    /// number given is no valid gift card number).
    Core::Status chooseMethod(
        std::optional<Core::RefundMethod> method, const QString &giftCardNumber = {});
    /// The gift card a GiftCard refund loads (chooseMethod(GiftCard) or refundFailedPartWith):
    /// typed or scanned, normalised (Core::normaliseGiftCardNumber). A number the server does
    /// not know is a new card, activated by the server with the return; a known active card is
    /// topped up. Empty clears it. Allowed while a refund runs (for a failed part).
    /// Errors: "gift.number", "giftcard.inactive" (a blocked card, checked when online),
    /// "permission.denied".
    Core::Status setGiftCardNumber(const QString &typedOrScanned);
    /// Records an approval for view().needsApproval. Errors: "override.not_allowed",
    /// "return.no_approval_needed".
    Core::Status approve(const Core::Authorisation &authorisation);

    /// Errors: "return.nothing", "return.*" (checkReturnLine), "return.approval_missing",
    /// "return.needs_network" (a claim is needed and the tablet is offline), "return.quantity"
    /// (claimed first elsewhere: the lines are refreshed), "refund.*", "pay.no_terminal",
    /// "return.store_failed".
    Core::Status refund();
    /// Same checks as refund(); then the sale in progress gets the exchange credit.
    Core::Status startExchange();
    /// A failed card part (view().parts[partIndex].canRetry): sends a new reversal (new
    /// ServiceID; the refused one took no money). Errors: "refund.not_failed",
    /// "pay.no_terminal", "return.busy" (the terminal is asked something now).
    Core::Status retryPart(int partIndex);
    /// Gives a failed part's amount back by `method` instead (view().parts[partIndex].moveTo):
    /// cash (rounded with the cash already handed out), store credit (the order's customer) or
    /// a gift card (setGiftCardNumber first). The whole return still passes Core::checkRefunds,
    /// so the server accepts its event. A web order (and a card the law wants refunded to the
    /// original method) has no alternative: retry or cancel(). Errors: "refund.not_failed",
    /// "refund.method" (plain words, names what is possible), "refund.reference_missing" (no gift
    /// card number), "return.store_failed".
    Core::Status refundFailedPartWith(int partIndex, Core::RefundMethod method);
    /// Abandons the return in progress (releases its claim when no money went against it).
    /// Errors: "return.busy" (a card refund is running).
    Core::Status cancel();
    /// After a crash: settles a pending card reversal, records a fully refunded return.
    void recover();
    /// The return screen's "Check again": after a lost server answer to the claim it asks
    /// ReturnsClient::claimGranted() again (granted: the parts run; never granted: back to the
    /// found lines; still unknown: failed() "return.claim_unknown"); after a lost terminal
    /// answer it asks TransactionStatus.
    void checkAgain();

    const std::optional<CompletedReturn> &lastCompleted() const { return m_lastCompleted; }

    /// The waits (ms) before each TransactionStatus try after a lost reversal answer.
    void setStatusBackoff(const QList<int> &delaysMs);
    /// For the crash tests (Store::ReturnsLedger::setBeforeCommitHook) and reprints.
    Store::ReturnsLedger &ledger();

signals:
    void changed();
    void completed(const Toonbank::Services::CompletedReturn &ret);
    void failed(const Toonbank::Core::Error &error);

private:
    struct Private;
    Core::Status checkIdle() const;
    Core::Error ofReturn() const;
    void setOrder(const Core::ReturnableOrder &order, bool online, bool noReceipt);
    ReturnLineView lineView(const Core::ReturnableLine &line) const;
    void recompute();
    Core::Result<Core::RefundPlan> planFor(const QList<Core::ReturnRequestLine> &requests) const;
    QList<Core::Refund> refundsFor(const Core::RefundPlan &plan) const;
    Core::Result<Core::Return> buildReturn(bool exchange);
    Core::Status claimAndOpen(Core::Return &ret, bool exchange);
    void showParts();
    enum class ClaimAnswer { Granted, NeverGranted, Unknown };
    ClaimAnswer settleClaim();
    QList<Core::Refund> refundsFromParts() const;
    struct Moved
    {
        QList<Core::Refund> refunds;
        Core::Money amount;
        Core::Money rounding;
    };
    Core::Result<Moved> moveFailedPart(int partIndex, Core::RefundMethod method) const;
    QList<Core::RefundMethod> alternativesFor(int partIndex) const;
    void runParts();
    void sendReversal(const Store::RefundPartRecord &part);
    Store::RefundPartRecord *partByServiceId(const QString &serviceId);
    void settleCard(Store::RefundPartRecord &part, bool approved, const QString &poiTransactionId,
        const QString &why);
    void onReversal(const Devices::ReversalResult &result);
    void startStatus(Store::RefundPartRecord &part, bool first);
    void onStatus(const QString &serviceId, const Devices::CardPaymentResult &result);
    void finish();
    Core::Result<Store::RecordedReturn> record(
        Core::Return &ret, const std::function<Core::Status()> &alsoWrite);
    void completeWith(const Core::Return &ret);
    void giveCredit(Core::RefundMethod rest);
    Core::Status recordExchange(const Core::Sale &sale, Core::RefundMethod rest);
    void finishExchange();
    void abandonExchange();
    void releaseAndClose();

    std::unique_ptr<Private> d;
    std::optional<CompletedReturn> m_lastCompleted;
};

} // namespace Toonbank::Services
