#include "paymentservice.h"

#include "customerservice.h"
#include "session.h"

#include "app/core/loyalty.h"
#include "app/core/tr.h"
#include "app/devices/paymentterminal.h"
#include "app/store/customercache.h"
#include "app/store/localdatabase.h"
#include "app/store/paymentstore.h"
#include "sync/protocol/saleevent.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTimer>
#include <QUuid>

namespace Toonbank::Services {

using Core::Error;
using Core::Money;
using Core::TenderMethod;
using Store::PaymentTenderRecord;

namespace {

const QString statePending = QStringLiteral("pending");
const QString stateSettled = QStringLiteral("settled");
const QString stateFailed = QStringLiteral("failed");
const QString stateReversing = QStringLiteral("reversing");
const QString stateReversed = QStringLiteral("reversed");

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

/// A nexo ServiceID: 10 characters from a UUID (unique per sale system for far more than the
/// day nexo asks for).
QString newServiceId()
{
    return QUuid::createUuid().toString(QUuid::Id128).left(10).toUpper();
}

TenderView::State viewState(const QString &state)
{
    if (state == stateSettled)
        return TenderView::State::Settled;
    if (state == stateFailed)
        return TenderView::State::Failed;
    if (state == stateReversing)
        return TenderView::State::Reversing;
    if (state == stateReversed)
        return TenderView::State::Reversed;
    return TenderView::State::Pending;
}

TenderMethod methodOf(const PaymentTenderRecord &tender)
{
    return Core::tenderMethodFromName(tender.method).value_or(TenderMethod::Cash);
}

Core::Tender coreTender(const PaymentTenderRecord &record)
{
    Core::Tender tender;
    tender.method = methodOf(record);
    tender.amount = record.amount;
    tender.tendered = record.tendered;
    tender.change = record.change;
    tender.reference = record.reference;
    // Cash is settled in the drawer: no claim to find again.
    if (tender.method != TenderMethod::Cash)
        tender.claimId = record.claimId;
    tender.maskedPan = record.maskedPan;
    tender.cardBrand = record.cardBrand;
    tender.authCode = record.authCode;
    tender.points = record.points;
    tender.balanceLeft = record.balanceLeft;
    return tender;
}

/// The reference of a card tender taken in training mode: the terminal is never asked.
const QString trainingReference = QStringLiteral("TRAINING");

/// Gift card, store credit and points move real value: never in training mode.
Error trainingRefused()
{
    return Error::make(QStringLiteral("training.not_allowed"),
        Core::Tr::tr("Not in training mode: take cash or card instead."));
}

/// A stored-value error that the server (or the client, before sending) decided: nothing was
/// taken. Anything else ("sync.*": timeout, connection lost) leaves the outcome unknown.
bool definiteRefusal(const Error &error)
{
    return !error.code.startsWith(QLatin1String("sync."));
}

QString terminalWords(TerminalState state)
{
    switch (state) {
    case TerminalState::Idle:
        return {};
    case TerminalState::Waiting:
        return Core::Tr::tr("Follow the instructions on the terminal");
    case TerminalState::Approved:
        return Core::Tr::tr("Approved");
    case TerminalState::Declined:
        return Core::Tr::tr("Declined — ask for another card or another way to pay");
    case TerminalState::Cancelled:
        return Core::Tr::tr("Cancelled on the terminal — try again or choose another way to pay");
    case TerminalState::Busy:
        return Core::Tr::tr("The terminal is busy — wait a moment and try again");
    case TerminalState::Checking:
        return Core::Tr::tr("No answer from the terminal — checking what happened…");
    case TerminalState::Unreachable:
        return Core::Tr::tr(
            "The terminal cannot be reached — check that it is on and connected, then check "
            "again");
    }
    return {};
}

} // namespace

struct PaymentService::Private
{
    /// One conversation with the terminal at a time (it runs one transaction at a time).
    struct TerminalJob
    {
        enum class Kind { Payment, Status, Reverse };
        Kind kind = Kind::Status;
        QString serviceId; // the payment's ServiceID (Payment, Status) or the reversal's own
        QString claimId; // the tender concerned
        int attempt = 0; // Status: tries made so far
    };

    Devices::PaymentTerminal *terminal = nullptr;
    StoredValueClient *storedValue = nullptr;
    CustomerService *customers = nullptr;
    std::unique_ptr<Store::PaymentStore> store;

    std::optional<Store::PaymentSessionRecord> session; // the open payment
    Core::Sale frozen; // the sale as built when it began (no tenders)
    QList<PaymentTenderRecord> tenders; // of the open payment, or of the one just cancelled
    QList<PaymentTenderRecord> background; // unfinished tenders of earlier payments
    bool recording = false;

    TerminalState terminalState = TerminalState::Idle;
    QString terminalText;
    std::optional<TerminalJob> inFlight;
    QList<TerminalJob> queue;
    QTimer statusTimer;
    QList<int> backoff { 500, 1000, 2000, 4000 };

    PaymentTenderRecord *find(const QString &claimId)
    {
        for (PaymentTenderRecord &tender : tenders) {
            if (tender.claimId == claimId)
                return &tender;
        }
        for (PaymentTenderRecord &tender : background) {
            if (tender.claimId == claimId)
                return &tender;
        }
        return nullptr;
    }

    bool anyPending() const
    {
        return std::any_of(tenders.cbegin(), tenders.cend(),
            [](const PaymentTenderRecord &t) { return t.state == statePending; });
    }

    Money paid() const
    {
        Money sum;
        for (const PaymentTenderRecord &tender : tenders) {
            if (tender.state == stateSettled)
                sum += tender.amount;
        }
        return sum;
    }

    bool queued(const QString &claimId) const
    {
        if (inFlight && inFlight->claimId == claimId)
            return true;
        return std::any_of(queue.cbegin(), queue.cend(),
            [&](const TerminalJob &job) { return job.claimId == claimId; });
    }
};

PaymentService::PaymentService(
    SaleService &sales, Session &session, const Core::Clock &clock, QObject *parent)
    : QObject(parent)
    , m_sales(sales)
    , m_session(session)
    , m_clock(clock)
    , d(std::make_unique<Private>())
{
    d->store = std::make_unique<Store::PaymentStore>(sales.database());
    d->statusTimer.setSingleShot(true);
    connect(&d->statusTimer, &QTimer::timeout, this, [this] {
        if (d->inFlight && d->inFlight->kind == Private::TerminalJob::Kind::Status && d->terminal)
            d->terminal->requestStatus(d->inFlight->serviceId);
    });
}

PaymentService::~PaymentService() = default;

void PaymentService::setTerminal(Devices::PaymentTerminal *terminal)
{
    if (d->terminal == terminal)
        return;
    if (d->terminal)
        disconnect(d->terminal, nullptr, this, nullptr);
    d->terminal = terminal;
    d->inFlight.reset();
    d->statusTimer.stop();
    if (!terminal)
        return;
    connect(terminal, &Devices::PaymentTerminal::paymentFinished, this,
        [this](const Devices::CardPaymentResult &result) { onPaymentFinished(result); });
    connect(terminal, &Devices::PaymentTerminal::statusReceived, this,
        [this](const QString &serviceId, const Devices::CardPaymentResult &result) {
            onStatusReceived(serviceId, result);
        });
    connect(terminal, &Devices::PaymentTerminal::reversalFinished, this,
        [this](const Devices::ReversalResult &result) { onReversalFinished(result); });
    connect(terminal, &Devices::PaymentTerminal::displayChanged, this, [this](const QString &text) {
        if (d->inFlight && d->inFlight->kind == Private::TerminalJob::Kind::Payment) {
            d->terminalText = text;
            emit changed();
        }
    });
    pumpTerminal();
}

void PaymentService::setStoredValue(StoredValueClient *client)
{
    d->storedValue = client;
}

void PaymentService::setCustomers(CustomerService *customers)
{
    d->customers = customers;
}

void PaymentService::setStatusBackoff(const QList<int> &delaysMs)
{
    if (!delaysMs.isEmpty())
        d->backoff = delaysMs;
}

bool PaymentService::isOpen() const
{
    return d->session.has_value();
}

// --- reading -------------------------------------------------------------------------------

std::optional<qint64> PaymentService::availablePoints() const
{
    if (!d->frozen.customer || d->frozen.customer->code.isEmpty())
        return std::nullopt;
    const QString &card = d->frozen.customer->code;
    Core::Result<Store::CustomerRecord> cached
        = Store::CustomerCache(m_sales.database()).byCard(card);
    if (!cached)
        return qint64(0);
    Core::Result<qint64> spent = d->store->pendingRedemptions(card);
    const qint64 available = cached->pointsBalance - (spent ? spent.value() : 0);
    return std::max<qint64>(0, available);
}

QString PaymentService::labelFor(const PaymentTenderRecord &tender) const
{
    switch (methodOf(tender)) {
    case TenderMethod::Cash:
        return tr("Cash");
    case TenderMethod::Card:
        if (tender.maskedPan.isEmpty())
            return tr("Card");
        return tr("Card %1 %2").arg(tender.cardBrand, tender.maskedPan).simplified();
    case TenderMethod::GiftCard:
        return tr("Gift card …%1").arg(tender.reference.right(4));
    case TenderMethod::StoreCredit:
        return tr("Store credit");
    case TenderMethod::LoyaltyPoints:
        return tr("Points (%1)").arg(QLocale().toString(tender.points));
    case TenderMethod::ReturnCredit:
        return tr("Exchange credit");
    }
    return {};
}

PaymentView PaymentService::view() const
{
    PaymentView view;
    view.open = d->session.has_value();
    const bool rounds = m_sales.location().cashRounding;
    if (view.open) {
        view.total = d->frozen.total;
        view.paid = d->paid();
        view.remaining = view.total - view.paid;
        view.cash = Core::cashPart(view.remaining, rounds);
    }
    for (qsizetype i = 0; i < d->tenders.size(); ++i) {
        const PaymentTenderRecord &tender = d->tenders.at(i);
        // A failed try stays listed until the next one.
        if (tender.state == stateFailed && i + 1 < d->tenders.size())
            continue;
        TenderView out;
        out.claimId = tender.claimId;
        out.method = methodOf(tender);
        out.label = labelFor(tender);
        out.amount = tender.amount;
        out.state = viewState(tender.state);
        out.detail = tender.detail;
        view.tenders.append(out);
    }
    view.terminal = d->terminalState;
    view.terminalText
        = d->terminalText.isEmpty() ? terminalWords(d->terminalState) : d->terminalText;

    const bool pending = d->anyPending();
    const bool online = d->storedValue && d->storedValue->isOnline();
    const auto customer = d->frozen.customer;
    if (view.open)
        view.pointsAvailable = availablePoints();
    const QString busy = tr("Wait until the running payment has an answer");
    auto method = [&](TenderMethod m, QString whyNot) {
        if (whyNot.isEmpty() && pending)
            whyNot = busy;
        view.methods.append({ m, whyNot.isEmpty(), whyNot });
    };
    method(TenderMethod::Cash,
        view.open && view.cash.due.cents() <= 0 && view.remaining.cents() > 0
            ? tr("Pay the last %1 by card").arg(view.remaining.toDisplayString())
            : QString());
    // Training: the card is not sent to the terminal; stored value is never used.
    const bool training = view.open && d->frozen.training;
    const QString notInTraining = tr("Not in training mode");
    method(TenderMethod::Card,
        training           ? QString()
            : !d->terminal ? tr("No card terminal connected")
                           : (d->inFlight ? tr("The terminal is busy") : QString()));
    method(TenderMethod::GiftCard,
        training ? notInTraining : (online ? QString() : tr("Needs the network")));
    method(TenderMethod::StoreCredit,
        training        ? notInTraining
            : !customer ? tr("Attach a customer first")
                        : (online ? QString() : tr("Needs the network")));
    method(TenderMethod::LoyaltyPoints,
        training ? notInTraining
            : !customer
            ? tr("Attach a customer first")
            : (view.pointsAvailable.value_or(0) <= 0 ? tr("No points to spend") : QString()));
    return view;
}

// --- starting and checks -------------------------------------------------------------------

Core::Status PaymentService::begin()
{
    if (const Core::Status allowed = m_session.require(Core::Permission::Sell); !allowed)
        return allowed;
    if (d->session)
        return Core::success();
    Core::Result<PaymentBasket> basket = m_sales.freezeForPayment();
    if (!basket)
        return basket.error();
    const Core::Sale &sale = basket->sale;
    Store::PaymentSessionRecord record;
    record.saleId = sale.saleId;
    record.basketJson = basket->basketJson;
    record.saleJson
        = QJsonDocument(Sync::Protocol::saleToJson(sale)).toJson(QJsonDocument::Compact);
    record.total = sale.total;
    record.customerCode = sale.customer ? sale.customer->code : QString();
    record.couponCodes = sale.couponCodes;
    record.staffId = sale.staffId;
    record.startedAt = sale.soldAt;
    Core::Result<qint64> id = d->store->openSession(record);
    if (!id) {
        m_sales.unfreeze();
        return id.error();
    }
    record.id = id.value();
    d->session = record;
    d->frozen = sale;
    // What an earlier, cancelled payment still gives back is followed in the background.
    for (const PaymentTenderRecord &tender : std::as_const(d->tenders)) {
        if (tender.state == stateReversing || tender.state == statePending)
            d->background.append(tender);
    }
    d->tenders.clear();
    d->terminalState = TerminalState::Idle;
    d->terminalText.clear();
    // An exchange: the returned goods' value pays (part of) the new sale, settled at once.
    if (const std::optional<ExchangeCredit> &credit = m_sales.exchangeCredit();
        credit && credit->amount.cents() > 0 && sale.total.cents() > 0) {
        PaymentTenderRecord tender
            = newTender(TenderMethod::ReturnCredit, qMin(credit->amount, sale.total));
        tender.claimId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        tender.reference = credit->returnId;
        tender.state = stateSettled;
        tender.detail = tr("Value of the returned goods");
        if (const Core::Status added = addTender(tender); !added)
            return added;
    }
    emit changed();
    maybeComplete();
    return Core::success();
}

Core::Status PaymentService::checkCanAdd(Money amount) const
{
    if (const Core::Status allowed = m_session.require(Core::Permission::Sell); !allowed)
        return allowed;
    if (!d->session)
        return Error::make(QStringLiteral("pay.not_open"), tr("Start the payment first."));
    if (d->anyPending() || d->recording)
        return Error::make(QStringLiteral("pay.busy"),
            tr("Wait until the running payment has an answer before adding another one."));
    const Money remaining = d->frozen.total - d->paid();
    if (amount.cents() <= 0)
        return Error::make(QStringLiteral("pay.amount"), tr("Enter an amount of more than zero."),
            amount.toPlainString());
    if (amount > remaining)
        return Error::make(QStringLiteral("pay.amount"),
            tr("%1 is more than the %2 still to pay.")
                .arg(amount.toDisplayString(), remaining.toDisplayString()),
            amount.toPlainString());
    return Core::success();
}

PaymentTenderRecord PaymentService::newTender(TenderMethod method, Money amount) const
{
    PaymentTenderRecord tender;
    tender.sessionId = d->session->id;
    tender.saleId = d->session->saleId;
    tender.method = Core::name(method);
    tender.amount = amount;
    tender.createdAt = m_clock.nowUtc();
    tender.updatedAt = tender.createdAt;
    return tender;
}

Core::Status PaymentService::addTender(PaymentTenderRecord &tender)
{
    Core::Result<int> position = d->store->addTender(tender);
    if (!position)
        return position.error();
    tender.position = position.value();
    d->tenders.append(tender);
    return Core::success();
}

Core::Status PaymentService::saveTender(PaymentTenderRecord &tender)
{
    tender.updatedAt = m_clock.nowUtc();
    const Core::Status saved = d->store->updateTender(tender);
    if (!saved)
        qWarning().noquote() << "payment: tender" << tender.claimId
                             << "not saved:" << saved.error().detail;
    return saved;
}

// --- cash ----------------------------------------------------------------------------------

Core::Status PaymentService::payCash(Money tendered, std::optional<Money> amount)
{
    if (const Core::Status allowed = m_session.require(Core::Permission::Sell); !allowed)
        return allowed;
    if (!d->session)
        return Error::make(QStringLiteral("pay.not_open"), tr("Start the payment first."));
    const bool rounds = m_sales.location().cashRounding;
    const Money remaining = d->frozen.total - d->paid();
    const Core::CashPart part = Core::cashPart(remaining, rounds);
    Money cash = amount.value_or(part.due);
    if (amount && *amount != part.due) {
        // A part in cash, the rest another way: an exact amount, in 5-cent steps when the
        // store rounds, never more than what is left.
        if (amount->cents() <= 0 || *amount > remaining)
            return Error::make(QStringLiteral("pay.amount"),
                amount->cents() <= 0
                    ? tr("Enter an amount of more than zero.")
                    : tr("%1 is more than the %2 still to pay.")
                          .arg(amount->toDisplayString(), remaining.toDisplayString()),
                amount->toPlainString());
        if (rounds && amount->cents() % 5 != 0)
            return Error::make(QStringLiteral("tender.rounding"),
                tr("Cash is paid in steps of 5 cents in this store."), amount->toPlainString());
    }
    if (cash.cents() <= 0) {
        if (remaining.cents() > 0)
            return Error::make(QStringLiteral("pay.amount"),
                tr("%1 cannot be paid in cash here; pay it by card.")
                    .arg(remaining.toDisplayString()));
        return Error::make(QStringLiteral("pay.amount"), tr("Nothing is left to pay."));
    }
    // The amount checks above; the common ones (open, busy, permission) here.
    if (const Core::Status can = checkCanAdd(std::min(cash, remaining)); !can)
        return can;
    if (tendered < cash)
        return Error::make(QStringLiteral("pay.insufficient"),
            tr("%1 is not enough: %2 is due.")
                .arg(tendered.toDisplayString(), cash.toDisplayString()));
    PaymentTenderRecord tender = newTender(TenderMethod::Cash, cash);
    tender.claimId = newUuid();
    tender.state = stateSettled;
    tender.tendered = tendered;
    tender.change = tendered - cash;
    if (!tender.change.isZero())
        tender.detail = tr("Change %1").arg(tender.change.toDisplayString());
    if (const Core::Status added = addTender(tender); !added)
        return added;
    emit changed();
    maybeComplete();
    return Core::success();
}

// --- card ----------------------------------------------------------------------------------

Core::Status PaymentService::payCard(Money amount)
{
    if (const Core::Status can = checkCanAdd(amount); !can)
        return can;
    if (d->frozen.training) {
        // Training: the terminal is never asked; the tender counts as approved.
        PaymentTenderRecord tender = newTender(TenderMethod::Card, amount);
        tender.claimId = newServiceId();
        tender.state = stateSettled;
        tender.reference = trainingReference;
        tender.detail = tr("Training: no card was charged");
        if (const Core::Status added = addTender(tender); !added)
            return added;
        emit changed();
        maybeComplete();
        return Core::success();
    }
    if (!d->terminal)
        return Error::make(QStringLiteral("pay.no_terminal"),
            tr("No payment terminal is connected to this tablet."));
    if (d->inFlight)
        return Error::make(QStringLiteral("pay.busy"),
            tr("The terminal is still busy. Wait a moment and try again."));
    // Durable BEFORE the request leaves: whatever happens next, this ServiceID can be asked
    // for again.
    PaymentTenderRecord tender = newTender(TenderMethod::Card, amount);
    tender.claimId = newServiceId();
    tender.state = statePending;
    if (const Core::Status added = addTender(tender); !added)
        return added;
    d->inFlight = Private::TerminalJob { Private::TerminalJob::Kind::Payment, tender.claimId,
        tender.claimId, 0 };
    d->terminalState = TerminalState::Waiting;
    d->terminalText.clear();
    emit changed();
    Devices::CardPaymentRequest request;
    request.serviceId = tender.claimId;
    request.saleTransactionId = tender.saleId;
    request.amount = amount;
    d->terminal->startPayment(request);
    return Core::success();
}

void PaymentService::abortCard()
{
    if (d->terminal && d->inFlight && d->inFlight->kind == Private::TerminalJob::Kind::Payment)
        d->terminal->abort(d->inFlight->serviceId);
}

void PaymentService::settleCard(
    PaymentTenderRecord &tender, const Devices::CardPaymentResult &result)
{
    tender.state = stateSettled;
    tender.reference = result.poiTransactionId;
    tender.maskedPan = result.maskedPan;
    tender.cardBrand = result.cardBrand;
    tender.authCode = result.authCode;
    tender.poiTimestamp = result.poiTimestamp;
    tender.detail.clear();
    (void)saveTender(tender);
}

void PaymentService::failCard(
    PaymentTenderRecord &tender, const QString &code, const QString &message, const QString &log)
{
    tender.state = stateFailed;
    tender.detail = message;
    (void)saveTender(tender);
    emit failed(Error::make(code, message, log));
}

/// Applies what the terminal said about a card tender (a PaymentResponse or the payment inside
/// a TransactionStatusResponse). Returns false when the outcome is still unknown.
bool PaymentService::applyCardOutcome(
    PaymentTenderRecord &tender, const Devices::CardPaymentResult &result)
{
    using Devices::TerminalOutcome;
    const QString log = QStringLiteral("%1 %2 %3 %4")
                            .arg(tender.claimId, Devices::name(result.outcome),
                                result.errorCondition, result.message);
    switch (result.outcome) {
    case TerminalOutcome::Approved:
        if (!result.amount.isZero() && result.amount != tender.amount) {
            qWarning().noquote() << "payment: terminal approved" << result.amount.toPlainString()
                                 << "for" << tender.amount.toPlainString() << log;
            return false;
        }
        settleCard(tender, result);
        d->terminalState = TerminalState::Approved;
        return true;
    case TerminalOutcome::Declined:
        d->terminalState = TerminalState::Declined;
        failCard(tender, QStringLiteral("card.declined"),
            tr("The card was declined. Ask for another card or another way to pay."), log);
        return true;
    case TerminalOutcome::Cancelled:
        d->terminalState = TerminalState::Cancelled;
        failCard(tender, QStringLiteral("card.cancelled"),
            tr("The card payment was cancelled on the terminal."), log);
        return true;
    case TerminalOutcome::Busy:
        d->terminalState = TerminalState::Busy;
        failCard(tender, QStringLiteral("card.busy"),
            tr("The terminal was busy and did not start the payment. Try again in a moment."), log);
        return true;
    case TerminalOutcome::NotFound:
        d->terminalState = TerminalState::Idle;
        failCard(tender, QStringLiteral("card.not_started"),
            tr("The terminal never started this payment; nothing was charged. You can try "
               "again."),
            log);
        return true;
    case TerminalOutcome::InProgress:
    case TerminalOutcome::Unreachable:
    case TerminalOutcome::Invalid:
        return false;
    }
    return false;
}

void PaymentService::onPaymentFinished(const Devices::CardPaymentResult &result)
{
    if (!d->inFlight || d->inFlight->kind != Private::TerminalJob::Kind::Payment) {
        qWarning().noquote() << "payment: answer for no running payment:" << result.serviceId;
        return;
    }
    const QString serviceId = d->inFlight->serviceId;
    d->inFlight.reset();
    d->terminalText.clear();
    PaymentTenderRecord *tender = d->find(serviceId);
    if (!tender) {
        pumpTerminal();
        return;
    }
    // An answer for another ServiceID tells nothing about ours: ask for ours.
    if (result.serviceId != serviceId || !applyCardOutcome(*tender, result)) {
        qWarning().noquote() << "payment: outcome of" << serviceId << "unknown ("
                             << Devices::name(result.outcome) << result.serviceId << result.message
                             << "); asking TransactionStatus";
        startChecking(serviceId, true);
    }
    emit changed();
    pumpTerminal();
    maybeComplete();
}

void PaymentService::startChecking(const QString &claimId, bool first)
{
    Private::TerminalJob job { Private::TerminalJob::Kind::Status, claimId, claimId, 0 };
    d->terminalState = TerminalState::Checking;
    d->terminalText.clear();
    if (PaymentTenderRecord *tender = d->find(claimId)) {
        tender->detail = tr("Checking with the terminal whether this payment went through…");
        (void)saveTender(*tender);
    }
    if (first && !d->inFlight) {
        d->inFlight = job;
        d->statusTimer.start(d->backoff.value(0, 500));
        return;
    }
    if (!d->queued(claimId))
        d->queue.append(job);
    pumpTerminal();
}

void PaymentService::onStatusReceived(
    const QString &serviceId, const Devices::CardPaymentResult &result)
{
    if (!d->inFlight || d->inFlight->kind != Private::TerminalJob::Kind::Status
        || d->inFlight->serviceId != serviceId) {
        qWarning().noquote() << "payment: status for no running check:" << serviceId;
        return;
    }
    PaymentTenderRecord *tender = d->find(serviceId);
    if (!tender || tender->state != statePending) {
        d->inFlight.reset();
        pumpTerminal();
        return;
    }
    using Devices::TerminalOutcome;
    // The status must be about this payment; an answer naming another one is no answer.
    const bool aboutUs = result.serviceId.isEmpty() || result.serviceId == serviceId;
    if (aboutUs && applyCardOutcome(*tender, result)) {
        d->inFlight.reset();
        emit changed();
        pumpTerminal();
        maybeComplete();
        return;
    }
    Private::TerminalJob &job = *d->inFlight;
    if (aboutUs && result.outcome == TerminalOutcome::InProgress) {
        // Still running on the terminal (the customer is at the PIN pad): ask again later,
        // without using up the tries.
        d->terminalState = TerminalState::Waiting;
        d->statusTimer.start(d->backoff.value(1, 1000));
        emit changed();
        return;
    }
    ++job.attempt;
    if (job.attempt < d->backoff.size()) {
        d->terminalState = TerminalState::Checking;
        d->statusTimer.start(d->backoff.at(job.attempt));
        emit changed();
        return;
    }
    // Out of tries: the outcome stays unknown. The tender stays pending (never charged
    // again blindly); the pay screen offers "Check again".
    qWarning().noquote() << "payment: no status for" << serviceId << "after" << job.attempt
                         << "tries:" << Devices::name(result.outcome) << result.message;
    d->inFlight.reset();
    d->terminalState = TerminalState::Unreachable;
    tender->detail = tr("Not known yet whether this card payment went through. Check again when "
                        "the terminal answers; do not charge the card again.");
    (void)saveTender(*tender);
    emit failed(Error::make(QStringLiteral("card.unknown"), tender->detail,
        QStringLiteral("%1 %2").arg(serviceId, Devices::name(result.outcome))));
    emit changed();
    pumpTerminal();
}

void PaymentService::pumpTerminal()
{
    if (d->inFlight || d->queue.isEmpty() || !d->terminal)
        return;
    Private::TerminalJob job = d->queue.takeFirst();
    PaymentTenderRecord *tender = d->find(job.claimId);
    if (!tender) {
        pumpTerminal();
        return;
    }
    d->inFlight = job;
    if (job.kind == Private::TerminalJob::Kind::Status) {
        d->terminalState = TerminalState::Checking;
        d->terminal->requestStatus(job.serviceId);
        return;
    }
    // A reversal names the original POI transaction, with its own ServiceID.
    Devices::ReversalRequest request;
    request.serviceId = newServiceId();
    request.originalPoiTransactionId = tender->reference;
    request.originalTimestamp = tender->poiTimestamp;
    request.amount = tender->amount;
    d->inFlight->serviceId = request.serviceId;
    d->terminal->reverse(request);
}

void PaymentService::onReversalFinished(const Devices::ReversalResult &result)
{
    if (!d->inFlight || d->inFlight->kind != Private::TerminalJob::Kind::Reverse
        || (!result.serviceId.isEmpty() && result.serviceId != d->inFlight->serviceId)) {
        qWarning().noquote() << "payment: reversal answer for no running reversal:"
                             << result.serviceId;
        return;
    }
    const QString claimId = d->inFlight->claimId;
    d->inFlight.reset();
    if (PaymentTenderRecord *tender = d->find(claimId)) {
        if (result.outcome == Devices::TerminalOutcome::Approved) {
            tender->state = stateReversed;
            tender->detail = tr("Given back to the card");
        } else {
            tender->detail = result.outcome == Devices::TerminalOutcome::Unreachable
                    || result.outcome == Devices::TerminalOutcome::Invalid
                ? tr("The terminal did not confirm giving this back yet; it is tried again.")
                : tr("The terminal refused to give this back. Ask a supervisor.");
            emit failed(Error::make(QStringLiteral("card.reversal"), tender->detail,
                QStringLiteral("%1 %2 %3 %4")
                    .arg(claimId, Devices::name(result.outcome), result.errorCondition,
                        result.message)));
        }
        (void)saveTender(*tender);
    }
    d->background.removeIf([](const PaymentTenderRecord &t) { return t.state == stateReversed; });
    emit changed();
    pumpTerminal();
}

// --- gift card, store credit ---------------------------------------------------------------

Core::Result<StoredValueBalance> PaymentService::giftCardBalance(const QString &number)
{
    if (const Core::Status allowed = m_session.require(Core::Permission::Sell); !allowed)
        return allowed.error();
    Core::Result<QString> card = Core::normaliseGiftCardNumber(number);
    if (!card)
        return card.error();
    if (!d->storedValue || !d->storedValue->isOnline())
        return needsNetwork();
    return d->storedValue->giftCardBalance(card.value());
}

Error PaymentService::needsNetwork() const
{
    return Error::make(QStringLiteral("wallet.needs_network"),
        tr("Gift cards and store credit need a connection to the server. Choose another way to "
           "pay."));
}

void PaymentService::settleClaim(PaymentTenderRecord &tender, const StoredValueClaim &claim)
{
    tender.state = stateSettled;
    tender.balanceLeft = claim.balanceLeft;
    tender.detail = tr("%1 left").arg(claim.balanceLeft.toDisplayString());
    (void)saveTender(tender);
}

/// After an answer that leaves a claim's outcome unknown: asks the server what it knows.
/// Returns true when the tender is settled or failed now.
bool PaymentService::resolveClaim(PaymentTenderRecord &tender)
{
    if (!d->storedValue)
        return false;
    Core::Result<StoredValueClaim> status = d->storedValue->claimStatus(tender.claimId);
    if (status) {
        if (status->state == StoredValueClaim::State::Released) {
            tender.state = stateFailed;
            tender.detail = tr("The server gave this amount back; nothing was taken.");
            (void)saveTender(tender);
        } else {
            settleClaim(tender, status.value());
        }
        return true;
    }
    if (status.error().code == QLatin1String("claim.unknown")) {
        tender.state = stateFailed;
        tender.detail = tr("The server never took this amount. You can try again.");
        (void)saveTender(tender);
        return true;
    }
    tender.detail = tr("Not known yet whether the server took this amount. Check again when the "
                       "tablet is online.");
    (void)saveTender(tender);
    return false;
}

Core::Status PaymentService::claimStoredValue(
    PaymentTenderRecord &tender, const std::function<Core::Result<StoredValueClaim>()> &claim)
{
    // Durable BEFORE the server is asked; a crash in between is settled by claimStatus.
    if (const Core::Status added = addTender(tender); !added)
        return added;
    emit changed();
    Core::Result<StoredValueClaim> claimed = claim();
    PaymentTenderRecord *stored = d->find(tender.claimId);
    if (claimed) {
        settleClaim(*stored, claimed.value());
        emit changed();
        maybeComplete();
        return Core::success();
    }
    if (definiteRefusal(claimed.error())) {
        stored->state = stateFailed;
        stored->detail = claimed.error().message;
        (void)saveTender(*stored);
        emit changed();
        return claimed.error();
    }
    // Timeout or connection lost: the server may have taken it.
    const bool known = resolveClaim(*stored);
    emit changed();
    if (known && stored->state == stateSettled) {
        maybeComplete();
        return Core::success();
    }
    return claimed.error();
}

Core::Status PaymentService::payGiftCard(const QString &number, Money amount)
{
    Core::Result<QString> card = Core::normaliseGiftCardNumber(number);
    if (!card)
        return card.error();
    if (const Core::Status can = checkCanAdd(amount); !can)
        return can;
    if (d->frozen.training)
        return trainingRefused();
    if (!d->storedValue || !d->storedValue->isOnline())
        return needsNetwork();
    PaymentTenderRecord tender = newTender(TenderMethod::GiftCard, amount);
    tender.claimId = newUuid();
    tender.reference = card.value();
    const QString saleId = d->session->saleId;
    const QString store = m_sales.location().code;
    StoredValueClient *client = d->storedValue;
    const QString claimId = tender.claimId;
    return claimStoredValue(tender,
        [=]() { return client->redeemGiftCard(claimId, card.value(), amount, saleId, store); });
}

Core::Status PaymentService::payStoreCredit(Money amount)
{
    if (!d->session)
        return Error::make(QStringLiteral("pay.not_open"), tr("Start the payment first."));
    if (d->frozen.training)
        return trainingRefused();
    if (!d->frozen.customer)
        return Error::make(
            QStringLiteral("customer.none"), tr("Attach the customer to use their store credit."));
    if (const Core::Status can = checkCanAdd(amount); !can)
        return can;
    if (d->frozen.customer->id <= 0)
        return Error::make(QStringLiteral("storecredit.none"),
            tr("This customer has no store credit yet."), d->frozen.customer->code);
    if (!d->storedValue || !d->storedValue->isOnline())
        return needsNetwork();
    PaymentTenderRecord tender = newTender(TenderMethod::StoreCredit, amount);
    tender.claimId = newUuid();
    tender.reference = d->frozen.customer->code;
    const QString saleId = d->session->saleId;
    const QString store = m_sales.location().code;
    const qint64 customerId = d->frozen.customer->id;
    StoredValueClient *client = d->storedValue;
    const QString claimId = tender.claimId;
    return claimStoredValue(tender,
        [=]() { return client->redeemStoreCredit(claimId, customerId, amount, saleId, store); });
}

// --- points --------------------------------------------------------------------------------

Core::Status PaymentService::payPoints(qint64 points)
{
    if (!d->session)
        return Error::make(QStringLiteral("pay.not_open"), tr("Start the payment first."));
    if (d->frozen.training)
        return trainingRefused();
    if (!d->frozen.customer)
        return Error::make(
            QStringLiteral("customer.none"), tr("Attach the customer to redeem their points."));
    const Core::LoyaltyRules &loyalty = m_sales.rules().loyalty;
    if (points <= 0)
        return Error::make(
            QStringLiteral("pay.amount"), tr("Enter a number of points."), QString::number(points));
    const Money value = Core::pointsValue(points, loyalty);
    if (const Core::Status can = checkCanAdd(value); !can)
        return can;
    // Offline too: up to the cached balance minus what this tablet spent and the server has
    // not confirmed yet (the server refuses an overdraft and tells the supervisor).
    const qint64 available = availablePoints().value_or(0);
    if (points > available)
        return Error::make(QStringLiteral("points.insufficient"),
            tr("The customer has %1 points to spend.").arg(QLocale().toString(available)),
            QStringLiteral("asked %1 available %2").arg(points).arg(available));
    PaymentTenderRecord tender = newTender(TenderMethod::LoyaltyPoints, value);
    tender.claimId = newUuid();
    tender.state = stateSettled;
    tender.reference = d->frozen.customer->code;
    tender.points = points;
    tender.balanceLeft = Core::pointsValue(available - points, loyalty);
    tender.detail = tr("%1 points left").arg(QLocale().toString(available - points));
    if (const Core::Status added = addTender(tender); !added)
        return added;
    emit changed();
    maybeComplete();
    return Core::success();
}

// --- finishing -----------------------------------------------------------------------------

void PaymentService::maybeComplete()
{
    if (!d->session || d->recording || d->anyPending())
        return;
    const bool rounds = m_sales.location().cashRounding;
    Money nonCash;
    Money paid;
    bool hasCash = false;
    QList<Core::Tender> tenders;
    qint64 pointsRedeemed = 0;
    for (const PaymentTenderRecord &record : std::as_const(d->tenders)) {
        if (record.state != stateSettled)
            continue;
        const Core::Tender tender = coreTender(record);
        paid += tender.amount;
        if (tender.method == TenderMethod::Cash)
            hasCash = true;
        else
            nonCash += tender.amount;
        pointsRedeemed += tender.points;
        tenders.append(tender);
    }
    const Money total = d->frozen.total;
    const Money rounding = hasCash ? Core::cashPart(total - nonCash, rounds).rounding : Money();
    if (tenders.isEmpty() || paid != total + rounding)
        return;

    Core::Sale sale = d->frozen;
    sale.tenders = tenders;
    sale.rounding = rounding;
    sale.pointsRedeemed = pointsRedeemed;
    const Core::LoyaltyRules &loyalty = m_sales.rules().loyalty;
    sale.pointsEarned = Core::pointsEarned(sale, loyalty);
    if (const Core::Status checked = Core::checkTenders(sale, rounds, loyalty); !checked) {
        qWarning().noquote() << "payment: tenders refused:" << checked.error().detail;
        emit failed(checked.error());
        return;
    }
    const qint64 sessionId = d->session->id;
    const QDateTime now = m_clock.nowUtc();
    Store::PaymentStore *store = d->store.get();
    d->recording = true;
    Core::Result<CompletedSale> done = m_sales.recordSale(sale, [store, sessionId, now] {
        return store->finishSession(sessionId, QStringLiteral("completed"), now);
    });
    d->recording = false;
    if (!done) {
        // The tenders stay settled and the payment open: recording is tried again by
        // checkAgain() or at the next start.
        qWarning().noquote() << "payment: sale not recorded:" << done.error().detail;
        emit failed(done.error());
        emit changed();
        return;
    }
    m_lastCompleted = done.value();
    d->session.reset();
    d->frozen = Core::Sale();
    d->tenders.clear();
    d->terminalState = TerminalState::Idle;
    d->terminalText.clear();
    emit changed();
    emit completed(done.value());
}

Core::Status PaymentService::cancel()
{
    if (const Core::Status allowed = m_session.require(Core::Permission::Sell); !allowed)
        return allowed;
    if (!d->session)
        return Error::make(QStringLiteral("pay.not_open"), tr("No payment is open."));
    if (d->anyPending() || d->recording
        || (d->inFlight && d->inFlight->kind == Private::TerminalJob::Kind::Payment))
        return Error::make(QStringLiteral("pay.busy"),
            tr("Wait until the running payment has an answer before cancelling."));
    QList<PaymentTenderRecord> updated = d->tenders;
    QList<PaymentTenderRecord> changedTenders;
    const QDateTime now = m_clock.nowUtc();
    for (PaymentTenderRecord &tender : updated) {
        if (tender.state != stateSettled)
            continue;
        switch (methodOf(tender)) {
        case TenderMethod::Cash:
            tender.state = stateReversed;
            tender.detail = tr("Give back %1 in cash").arg(tender.amount.toDisplayString());
            break;
        case TenderMethod::LoyaltyPoints:
            tender.state = stateReversed;
            tender.detail = tr("The points were given back");
            break;
        case TenderMethod::ReturnCredit:
            tender.state = stateReversed;
            tender.detail = tr("The exchange was given up");
            break;
        case TenderMethod::Card:
            if (tender.reference == trainingReference && d->frozen.training) {
                tender.state = stateReversed; // the terminal never charged it
                tender.detail = tr("Training: nothing to give back");
                break;
            }
            [[fallthrough]];
        case TenderMethod::GiftCard:
        case TenderMethod::StoreCredit:
            tender.state = stateReversing;
            tender.detail = tr("Being given back…");
            break;
        }
        tender.updatedAt = now;
        changedTenders.append(tender);
    }
    if (const Core::Status cancelled = d->store->cancelSession(d->session->id, changedTenders, now);
        !cancelled)
        return cancelled;
    d->tenders = updated;
    d->session.reset();
    d->frozen = Core::Sale();
    d->terminalState = TerminalState::Idle;
    d->terminalText.clear();
    m_sales.unfreeze();
    // Cancelling the payment gives the exchange up: the return's claim is released.
    m_sales.abandonExchange();
    // The cancelled payment's list stays on screen (what is being given back, what to hand
    // back in cash) until the next payment begins.
    giveBackAll();
    emit changed();
    return Core::success();
}

void PaymentService::giveBack(PaymentTenderRecord &tender)
{
    switch (methodOf(tender)) {
    case TenderMethod::Card:
        if (!d->queued(tender.claimId))
            d->queue.append({ Private::TerminalJob::Kind::Reverse, {}, tender.claimId, 0 });
        if (!d->terminal) {
            tender.detail = tr("Will be given back to the card when the terminal is connected.");
            (void)saveTender(tender);
        }
        return;
    case TenderMethod::GiftCard:
    case TenderMethod::StoreCredit: {
        if (!d->storedValue) {
            tender.detail = tr("Will be given back when the tablet is online.");
            (void)saveTender(tender);
            return;
        }
        const Core::Status released = d->storedValue->releaseClaim(tender.claimId);
        if (released || released.error().code == QLatin1String("claim.unknown")) {
            tender.state = stateReversed;
            tender.detail = tr("Given back");
        } else {
            tender.detail = tr("Will be given back when the tablet is online.");
            qWarning().noquote() << "payment: release of" << tender.claimId
                                 << "deferred:" << released.error().code;
        }
        (void)saveTender(tender);
        return;
    }
    case TenderMethod::Cash:
    case TenderMethod::LoyaltyPoints:
    case TenderMethod::ReturnCredit:
        return;
    }
}

void PaymentService::giveBackAll()
{
    for (QList<PaymentTenderRecord> *list : { &d->tenders, &d->background }) {
        for (PaymentTenderRecord &tender : *list) {
            if (tender.state == stateReversing)
                giveBack(tender);
        }
    }
    pumpTerminal();
}

// --- recovery ------------------------------------------------------------------------------

namespace {

/// The sale a payment froze, read back from its session (saleToJson without tenders).
Core::Result<Core::Sale> frozenSale(const Store::PaymentSessionRecord &session)
{
    QJsonObject json = QJsonDocument::fromJson(session.saleJson).object();
    // The parser wants paid tenders; a stand-in cash tender of the total is removed again.
    json.insert(QStringLiteral("tenders"),
        QJsonArray { QJsonObject { { QStringLiteral("method"), QStringLiteral("cash") },
            { QStringLiteral("amountCents"), json.value(QStringLiteral("totalCents")).toInteger() },
            { QStringLiteral("tenderedCents"), 0 }, { QStringLiteral("changeCents"), 0 },
            { QStringLiteral("reference"), QString() } } });
    json.insert(QStringLiteral("roundingCents"), 0);
    // Drawn when the sale is recorded; the parser wants one.
    json.insert(QStringLiteral("receiptNumber"), QStringLiteral("PENDING"));
    Core::Result<Core::Sale> sale = Sync::Protocol::saleFromJson(json);
    if (!sale)
        return sale;
    Core::Sale frozen = sale.value();
    frozen.receiptNumber.clear();
    frozen.tenders.clear();
    frozen.rounding = Money();
    return frozen;
}

} // namespace

void PaymentService::recover()
{
    // The open payment of this tablet, if a crash (or a flat battery) left one.
    Core::Result<std::optional<Store::PaymentSessionRecord>> opened = d->store->openedSession();
    if (!opened) {
        qWarning().noquote() << "payment: cannot read the open payment:" << opened.error().detail;
        return;
    }
    if (opened.value() && !d->session) {
        const Store::PaymentSessionRecord &session = *opened.value();
        Core::Result<Core::Sale> sale = frozenSale(session);
        Core::Result<QList<PaymentTenderRecord>> tenders = d->store->tenders(session.id);
        if (!sale || !tenders) {
            qWarning().noquote() << "payment: cannot restore payment" << session.id
                                 << (sale ? tenders.error().detail : sale.error().detail);
        } else {
            d->session = session;
            d->frozen = sale.value();
            d->tenders = tenders.value();
            if (m_sales.isEmpty() || !m_sales.isFrozen()) {
                if (const Core::Status restored = m_sales.restoreFrozen(session.basketJson);
                    !restored)
                    qWarning().noquote()
                        << "payment: basket not restored:" << restored.error().detail;
            }
        }
    }
    Core::Result<QList<PaymentTenderRecord>> unfinished = d->store->unfinishedTenders();
    if (unfinished) {
        for (const PaymentTenderRecord &tender : unfinished.value()) {
            if (!d->find(tender.claimId))
                d->background.append(tender);
        }
    }
    settleUnfinished();
    emit changed();
    maybeComplete();
}

void PaymentService::checkAgain()
{
    settleUnfinished();
    emit changed();
    maybeComplete();
}

void PaymentService::settleUnfinished()
{
    for (QList<PaymentTenderRecord> *list : { &d->tenders, &d->background }) {
        for (PaymentTenderRecord &tender : *list) {
            if (tender.state != statePending)
                continue;
            switch (methodOf(tender)) {
            case TenderMethod::Card:
                if (!d->queued(tender.claimId))
                    startChecking(tender.claimId, false);
                break;
            case TenderMethod::GiftCard:
            case TenderMethod::StoreCredit:
                (void)resolveClaim(tender);
                break;
            case TenderMethod::Cash:
            case TenderMethod::LoyaltyPoints:
            case TenderMethod::ReturnCredit:
                // Written settled at once; a pending one was never handed over.
                tender.state = stateFailed;
                (void)saveTender(tender);
                break;
            }
        }
    }
    giveBackAll();
}

} // namespace Toonbank::Services
