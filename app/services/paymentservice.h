#pragma once

#include "saleservice.h"
#include "storedvalue.h"

#include "app/core/payment.h"
#include "app/core/sale.h"

#include <QObject>

#include <functional>
#include <memory>
#include <optional>

namespace Toonbank::Devices {
class PaymentTerminal;
struct CardPaymentResult;
struct ReversalResult;
} // namespace Toonbank::Devices

namespace Toonbank::Store {
struct PaymentTenderRecord;
} // namespace Toonbank::Store

namespace Toonbank::Services {

class CustomerService;
class Session;

/// One tender of the payment in progress, as the pay screen lists it.
struct TenderView
{
    enum class State {
        Pending, // sent to the terminal / server, no answer yet (or being checked)
        Settled, // approved / claimed: counts as paid
        Failed, // declined, cancelled, refused: does not count; stays listed until the next try
        Reversing, // the payment was cancelled and this tender is being given back
        Reversed, // given back
    };
    QString claimId;
    Core::TenderMethod method = Core::TenderMethod::Cash;
    QString label; // "Card VISA **** 1234", "Gift card …5678", "Cash", "Points (1,250)"
    Core::Money amount;
    State state = State::Pending;
    QString detail; // plain words: "Declined by the card issuer", "€12.50 left on the card"
};

/// What the terminal is doing, in plain words for the pay screen (SCREENS.md: the pay screen
/// follows the terminal).
enum class TerminalState {
    Idle,
    Waiting, // "Follow the instructions on the terminal"
    Approved,
    Declined, // "Declined — ask for another card or another way to pay"
    Cancelled, // "Cancelled on the terminal — try again or choose another way to pay"
    Busy, // "The terminal is busy — wait a moment and try again"
    Checking, // "No answer from the terminal — checking what happened…"
    Unreachable, // "The terminal cannot be reached — check that it is on and connected"
};

/// A way to pay, and whether it can be used now.
struct PaymentMethodView
{
    Core::TenderMethod method = Core::TenderMethod::Cash;
    bool usable = true;
    QString whyNot; // when !usable: "Needs the network", "No customer attached", "No terminal"
};

/// Where the payment of the current sale stands.
struct PaymentView
{
    bool open = false; // a payment is in progress (the basket is frozen)
    Core::Money total; // the sale's total, unrounded
    Core::Money paid; // settled tenders
    Core::Money remaining; // total − paid (before cash rounding)
    Core::CashPart cash; // what settles the remaining in cash (rounding line)
    QList<TenderView> tenders;
    TerminalState terminal = TerminalState::Idle;
    QString terminalText; // the plain words for `terminal`, or what the terminal displays
    QList<PaymentMethodView> methods;
    std::optional<qint64> pointsAvailable; // customer's points usable now (offline-aware)
};

/// Pays the sale in progress with any mix of tenders — card through the payment terminal,
/// cash, gift card, store credit, loyalty points — exactly once (issue "Checkout II").
///
/// - begin() freezes the basket and writes the payment session durably. Every non-cash
///   tender is written durably as pending (with its ServiceID / claim id) BEFORE the terminal
///   or server is asked, and settled from the answer. A lost terminal answer is never retried
///   blindly: TransactionStatus for the original ServiceID settles it.
/// - When the settled tenders pay the total (cash rounded per the store's setting, the cash
///   part only), the sale is recorded in one durable transaction with its tenders (through
///   SaleService) and completed() is emitted. Core::checkTenders is checked first.
/// - cancel() gives back every settled tender (card reversal, claim release) and unfreezes
///   the basket. A failed or cancelled part leaves the other settled parts intact.
/// - recover() (at start-up, after a crash) settles pending tenders with the terminal /
///   server, restores an open payment, and records the sale when it was fully paid.
/// Permissions are checked here (Permission::Sell), not only in the UI.
class PaymentService final : public QObject
{
    Q_OBJECT
public:
    PaymentService(
        SaleService &sales, Session &session, const Core::Clock &clock, QObject *parent = nullptr);
    ~PaymentService() override;

    /// Optional parts, wired by Terminal / main(): the card terminal and the online wallet.
    void setTerminal(Devices::PaymentTerminal *terminal);
    void setStoredValue(StoredValueClient *client);
    void setCustomers(CustomerService *customers);

    PaymentView view() const;
    bool isOpen() const;

    /// Starts paying the basket. Errors: "basket.empty", "pay.negative", "permission.denied",
    /// "session.locked", "sale.*" (the basket cannot be built), "pay.already_open" (another
    /// payment is open on this tablet), "pay.store_failed".
    Core::Status begin();
    /// Cash for the rest (or a part: `amount` < remaining, in 5-cent steps when the store
    /// rounds). `tendered` ≥ the cash due; change = tendered − due.
    /// Errors: "pay.not_open", "pay.insufficient", "pay.amount" (zero, negative, more than
    /// remaining), "tender.rounding".
    Core::Status payCash(Core::Money tendered, std::optional<Core::Money> amount = {});
    /// Card for `amount` (≤ remaining; never rounded). Asynchronous: changed() follows the
    /// terminal. Errors: "pay.not_open", "pay.amount", "pay.no_terminal", "pay.busy" (a card
    /// payment is still running here).
    Core::Status payCard(Core::Money amount);
    /// Asks the terminal to stop the running card payment (nexo Abort).
    void abortCard();
    /// Errors of StoredValueClient::giftCardBalance.
    Core::Result<StoredValueBalance> giftCardBalance(const QString &number);
    /// Claims `amount` (≤ remaining, ≤ balance) on the gift card online.
    /// Errors: "gift.number", StoredValueClient errors, "pay.amount", "pay.not_open".
    Core::Status payGiftCard(const QString &number, Core::Money amount);
    /// Claims `amount` of the attached customer's store credit online.
    /// Errors: "customer.none", StoredValueClient errors, "pay.amount", "pay.not_open".
    Core::Status payStoreCredit(Core::Money amount);
    /// Redeems `points` of the attached customer (value = points × point value ≤ remaining).
    /// Works offline up to the cached balance minus this tablet's pending redemptions.
    /// Errors: "customer.none", "points.insufficient", "pay.amount", "pay.not_open".
    Core::Status payPoints(qint64 points);
    /// Gives back every settled tender and unfreezes the basket. Card reversals run
    /// asynchronously; a tender that cannot be given back now stays listed as Reversing and
    /// is retried (it is durable). Errors: "pay.not_open", "pay.busy".
    Core::Status cancel();
    /// After a crash: settles every pending tender and restores or finishes the payment.
    void recover();
    /// Asks again about every tender whose outcome is not known yet (a card answer lost and
    /// the terminal still not answering, a claim the server did not confirm) and retries the
    /// give-backs of a cancelled payment. The pay screen's "Check again" action.
    void checkAgain();
    /// The waits (ms) before each TransactionStatus try after a lost card answer; after the
    /// last one the tender stays pending until checkAgain(). Default 500, 1000, 2000, 4000.
    void setStatusBackoff(const QList<int> &delaysMs);

    /// The last sale this service completed (for the receipt screen).
    const std::optional<CompletedSale> &lastCompleted() const { return m_lastCompleted; }

signals:
    void changed();
    void completed(const Toonbank::Services::CompletedSale &sale);
    /// A tender failed or an answer could not be used; the message is for staff.
    void failed(const Toonbank::Core::Error &error);

private:
    struct Private;
    std::optional<qint64> availablePoints() const;
    QString labelFor(const Store::PaymentTenderRecord &tender) const;
    Core::Status checkCanAdd(Core::Money amount) const;
    Store::PaymentTenderRecord newTender(Core::TenderMethod method, Core::Money amount) const;
    Core::Status addTender(Store::PaymentTenderRecord &tender);
    Core::Status saveTender(Store::PaymentTenderRecord &tender);
    void settleCard(Store::PaymentTenderRecord &tender, const Devices::CardPaymentResult &result);
    void failCard(Store::PaymentTenderRecord &tender, const QString &code, const QString &message,
        const QString &log);
    bool applyCardOutcome(
        Store::PaymentTenderRecord &tender, const Devices::CardPaymentResult &result);
    void onPaymentFinished(const Devices::CardPaymentResult &result);
    void onStatusReceived(const QString &serviceId, const Devices::CardPaymentResult &result);
    void onReversalFinished(const Devices::ReversalResult &result);
    void startChecking(const QString &claimId, bool first);
    void pumpTerminal();
    Core::Error needsNetwork() const;
    void settleClaim(Store::PaymentTenderRecord &tender, const StoredValueClaim &claim);
    bool resolveClaim(Store::PaymentTenderRecord &tender);
    Core::Status claimStoredValue(Store::PaymentTenderRecord &tender,
        const std::function<Core::Result<StoredValueClaim>()> &claim);
    void maybeComplete();
    void giveBack(Store::PaymentTenderRecord &tender);
    void giveBackAll();
    void settleUnfinished();

    SaleService &m_sales;
    Session &m_session;
    const Core::Clock &m_clock;
    std::optional<CompletedSale> m_lastCompleted;
    std::unique_ptr<Private> d;
};

} // namespace Toonbank::Services
