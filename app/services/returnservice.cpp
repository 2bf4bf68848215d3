#include "returnservice.h"

#include "paymentservice.h"
#include "receiptservice.h"
#include "saleservice.h"
#include "session.h"
#include "shiftgate_p.h"

#include "app/core/payment.h"
#include "app/core/permissions.h"
#include "app/core/tr.h"
#include "app/devices/nexo.h"
#include "app/devices/paymentterminal.h"
#include "app/devices/receiptprinter.h"
#include "app/store/catalog.h"
#include "app/store/localdatabase.h"
#include "app/store/returnsledger.h"
#include "app/store/salesledger.h"
#include "app/store/staffdirectory.h"
#include "sync/protocol/returns.h"

#include <QDebug>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <QUuid>

namespace Toonbank::Services {

using Core::Error;
using Core::Money;
using Core::RefundMethod;
using Core::Tr;
namespace Protocol = Sync::Protocol;

namespace {

const QString partPlanned = QStringLiteral("planned");
const QString partPending = QStringLiteral("pending");
const QString partDone = QStringLiteral("done");
const QString partFailed = QStringLiteral("failed");
const QString policySettingKey = QStringLiteral("returns.policy");
const QString draftNumber = QStringLiteral("DRAFT");

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

RefundPartView::State viewState(const QString &state)
{
    if (state == partPending)
        return RefundPartView::State::Pending;
    if (state == partDone)
        return RefundPartView::State::Done;
    if (state == partFailed)
        return RefundPartView::State::Failed;
    return RefundPartView::State::Planned;
}

QString methodLabel(RefundMethod method, const QString &maskedPan)
{
    switch (method) {
    case RefundMethod::Cash:
        return Tr::tr("Cash");
    case RefundMethod::Card:
        return maskedPan.isEmpty() ? Tr::tr("Card") : Tr::tr("Card %1").arg(maskedPan);
    case RefundMethod::WebPayment:
        return Tr::tr("Web payment");
    case RefundMethod::GiftCard:
        return Tr::tr("Gift card");
    case RefundMethod::StoreCredit:
        return Tr::tr("Store credit");
    case RefundMethod::LoyaltyPoints:
        return Tr::tr("Loyalty points");
    case RefundMethod::Exchange:
        return Tr::tr("Towards the new sale");
    }
    return {};
}

Error needsNetwork()
{
    return Error::make(QStringLiteral("return.needs_network"),
        Tr::tr("This receipt is not from this tablet. Returning it needs the network; try again "
               "when the tablet is online."));
}

/// The reference of a card refund in training mode: the terminal is never asked.
const QString trainingReference = QStringLiteral("TRAINING");

/// Gift card, store credit and points move real value: never in training mode.
Error trainingRefused()
{
    return Error::make(QStringLiteral("training.not_allowed"),
        Tr::tr("Not in training mode: refund in cash or to the card instead."));
}

Error claimUnknown(const QString &detail)
{
    return Error::make(QStringLiteral("return.claim_unknown"),
        Tr::tr("The server has not answered whether these items can be returned. Nothing was "
               "refunded. Press Check again when the tablet is online, or cancel the return."),
        detail);
}

QJsonObject draftJson(
    const Core::Return &ret, const Core::ReturnableOrder &order, const Core::ReturnPolicy &policy)
{
    // The wire form needs a receipt number; the real one is drawn when the return is recorded.
    Core::Return draft = ret;
    draft.receiptNumber = draftNumber;
    return { { QStringLiteral("return"), Protocol::returnToJson(draft) },
        { QStringLiteral("order"), Protocol::toJson(order) },
        { QStringLiteral("policy"), Protocol::toJson(policy) } };
}

} // namespace

struct ReturnService::Private
{
    Store::LocalDatabase &db;
    Store::Catalog &catalog;
    Session &session;
    SaleService &sales;
    const Core::Clock &clock;
    ReturnsClient *client = nullptr;
    Devices::PaymentTerminal *terminal = nullptr;
    PaymentService *payments = nullptr;
    ShiftService *shifts = nullptr;
    std::unique_ptr<Store::ReturnsLedger> ledger;

    ReturnView view;
    Core::ReturnPolicy policy = Core::ReturnPolicy::defaults();
    bool noReceipt = false;
    QList<Core::Authorisation> authorisations;

    // The refund in progress (on disk as refund_sessions / refund_parts).
    std::optional<Store::RefundSessionRecord> running;
    Core::Return planned;
    Core::ReturnableOrder plannedOrder;
    QString inFlightServiceId; // the reversal or status asked of the terminal now
    bool askingStatus = false;
    int statusAttempt = 0;
    QTimer statusTimer;
    QList<int> backoff { 500, 1000, 2000, 4000 };
    bool exchangeRecorded = false;
    // An exchange's plan: its points parts go back as points (Core::alternativeRefunds), the
    // rest is the exchange credit.
    Core::RefundPlan exchangePlan;

    Private(Store::LocalDatabase &database, Store::Catalog &cat, Session &s, SaleService &sale,
        const Core::Clock &c)
        : db(database)
        , catalog(cat)
        , session(s)
        , sales(sale)
        , clock(c)
    { }

    QTimeZone timeZone() const { return QTimeZone::systemTimeZone(); }
    QDate today() const { return clock.nowUtc().toTimeZone(timeZone()).date(); }
    bool cashRounding() const { return sales.location().cashRounding; }
    bool exceptionApproved() const
    {
        return std::any_of(authorisations.cbegin(), authorisations.cend(),
            [](const auto &a) { return a.permission == Core::Permission::ApproveReturnException; });
    }
    bool noReceiptApproved() const
    {
        return std::any_of(authorisations.cbegin(), authorisations.cend(),
            [](const auto &a) { return a.permission == Core::Permission::RefundWithoutReceipt; });
    }

    QList<Core::ReturnRequestLine> requests() const
    {
        QList<Core::ReturnRequestLine> out;
        for (const ReturnLineView &line : view.lines) {
            if (line.selected > 0)
                out.append({ line.line.lineId, line.selected, line.reason, line.condition });
        }
        return out;
    }

    ReturnLineView *line(const QString &lineId)
    {
        for (ReturnLineView &l : view.lines) {
            if (l.line.lineId == lineId)
                return &l;
        }
        return nullptr;
    }
};

ReturnService::ReturnService(Store::LocalDatabase &database, Store::Catalog &catalog,
    Session &session, SaleService &sales, const Core::Clock &clock, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(database, catalog, session, sales, clock))
{
    d->ledger = std::make_unique<Store::ReturnsLedger>(database, sales.ledger());
    const QString cached = database.setting(policySettingKey);
    if (!cached.isEmpty()) {
        if (auto policy
            = Protocol::returnPolicyFromJson(QJsonDocument::fromJson(cached.toUtf8()).object());
            policy)
            d->policy = policy.value();
    }
    d->statusTimer.setSingleShot(true);
    connect(&d->statusTimer, &QTimer::timeout, this, [this] {
        if (d->terminal && d->askingStatus && !d->inFlightServiceId.isEmpty())
            d->terminal->requestStatus(d->inFlightServiceId);
    });
    connect(&sales, &SaleService::saleCompleted, this, [this](const QString &) {
        if (d->exchangeRecorded)
            finishExchange();
    });
}

ReturnService::~ReturnService() = default;

void ReturnService::setClient(ReturnsClient *client)
{
    d->client = client;
}

void ReturnService::setTerminal(Devices::PaymentTerminal *terminal)
{
    if (d->terminal == terminal)
        return;
    if (d->terminal)
        disconnect(d->terminal, nullptr, this, nullptr);
    d->terminal = terminal;
    if (!terminal)
        return;
    connect(terminal, &Devices::PaymentTerminal::reversalFinished, this,
        [this](const Devices::ReversalResult &result) { onReversal(result); });
    connect(terminal, &Devices::PaymentTerminal::statusReceived, this,
        [this](const QString &serviceId, const Devices::CardPaymentResult &result) {
            onStatus(serviceId, result);
        });
}

void ReturnService::setPayments(PaymentService *payments)
{
    d->payments = payments;
}

void ReturnService::setShiftService(ShiftService *shifts)
{
    d->shifts = shifts;
}

void ReturnService::setStatusBackoff(const QList<int> &delaysMs)
{
    if (!delaysMs.isEmpty())
        d->backoff = delaysMs;
}

Store::ReturnsLedger &ReturnService::ledger()
{
    return *d->ledger;
}

ReturnView ReturnService::view() const
{
    return d->view;
}

// --- finding -------------------------------------------------------------------------------

Core::Status ReturnService::checkIdle() const
{
    if (const Core::Status allowed = d->session.require(Core::Permission::Refund); !allowed)
        return allowed;
    if (d->running)
        return Error::make(QStringLiteral("return.busy"),
            tr("A refund is running. Finish it before starting another return."));
    return Core::success();
}

Core::Status ReturnService::find(const QString &scannedOrTyped)
{
    if (const Core::Status idle = checkIdle(); !idle)
        return idle;
    const Core::ReturnCode code = Core::parseReturnCode(scannedOrTyped);
    if (code.kind == Core::ReturnCode::Kind::Invalid)
        return Error::make(QStringLiteral("return.invalid_code"),
            tr("This is not a receipt or order number. Scan the QR code on the receipt or "
               "type its number."),
            scannedOrTyped.left(80));
    if (code.kind == Core::ReturnCode::Kind::ReturnReceipt)
        return ofReturn();

    std::optional<Core::ReturnableOrder> order;
    bool online = false;
    if (d->client && d->client->isOnline()) {
        Core::Result<ReturnsClient::Found> found = d->client->lookup(scannedOrTyped);
        if (found) {
            order = found->order;
            d->policy = found->policy;
            online = true;
            (void)d->db.setSetting(policySettingKey,
                QString::fromUtf8(
                    QJsonDocument(Protocol::toJson(found->policy)).toJson(QJsonDocument::Compact)));
        } else if (found.error().code != QLatin1String("return.needs_network")
            && found.error().code != QLatin1String("return.not_found")
            && !found.error().code.startsWith(QLatin1String("sync."))) {
            return found.error();
        } else if (found.error().code == QLatin1String("return.not_found")) {
            // Not on the server (yet): this tablet's own sale still in the outbox.
            Core::Result<std::optional<Core::ReturnableOrder>> own
                = d->ledger->ownSale(code.id.isEmpty() ? code.number : code.id);
            if (!own)
                return own.error();
            if (!own->has_value())
                return found.error();
        }
    }
    if (!order) {
        if (code.kind == Core::ReturnCode::Kind::WebOrder)
            return needsNetwork();
        Core::Result<std::optional<Core::ReturnableOrder>> own
            = d->ledger->ownSale(code.id.isEmpty() ? code.number : code.id);
        if (!own)
            return own.error();
        if (!own->has_value() && !code.id.isEmpty())
            own = d->ledger->ownSale(code.number);
        if (!own)
            return own.error();
        if (!own->has_value())
            return needsNetwork();
        order = own->value();
    }
    if (order->isReturn)
        return ofReturn();
    setOrder(*order, online, false);
    return Core::success();
}

Core::Error ReturnService::ofReturn() const
{
    return Error::make(QStringLiteral("return.of_return"),
        tr("This is a return receipt. A refund cannot be returned."));
}

void ReturnService::setOrder(const Core::ReturnableOrder &order, bool online, bool noReceipt)
{
    d->noReceipt = noReceipt;
    d->authorisations.clear();
    d->view = ReturnView();
    d->view.stage = ReturnView::Stage::Found;
    d->view.order = order;
    d->view.online = online;
    d->view.offlineOwnSale = order.fromLocalLedger;
    d->view.methods = Core::allowedRefundMethods(order, d->policy);
    for (const Core::ReturnableLine &line : order.lines)
        d->view.lines.append(lineView(line));
    recompute();
}

ReturnLineView ReturnService::lineView(const Core::ReturnableLine &line) const
{
    ReturnLineView view;
    view.line = line;
    if (d->view.order && !d->noReceipt) {
        view.deadline = Core::returnDeadline(*d->view.order, line, d->policy, d->timeZone());
        view.windowPassed = view.deadline && d->today() > *view.deadline;
        view.finalSale = d->view.order->origin != Core::ReturnOrigin::WebOrder
            && d->policy.finalSaleCategories.contains(line.category);
    }
    if (!line.giftCardNumber.isEmpty())
        view.blockedWhy = tr("A gift card cannot be returned.");
    else if (line.returnable() <= 0)
        view.blockedWhy = tr("Already returned.");
    return view;
}

Core::Status ReturnService::startWithoutReceipt()
{
    if (const Core::Status idle = checkIdle(); !idle)
        return idle;
    Core::ReturnableOrder order;
    order.origin = Core::ReturnOrigin::NoReceipt;
    order.storeCode = d->sales.location().code;
    order.soldAt = d->clock.nowUtc();
    // Store credit goes to the customer whose card is on the sale in progress.
    if (Core::Result<Core::Sale> sale = d->sales.currentSale(); sale && sale->customer)
        order.customer = sale->customer;
    setOrder(order, d->client && d->client->isOnline(), true);
    return Core::success();
}

Core::Status ReturnService::addProduct(qint64 productId, int quantity)
{
    if (const Core::Status idle = checkIdle(); !idle)
        return idle;
    if (!d->noReceipt || !d->view.order)
        return Error::make(QStringLiteral("return.not_no_receipt"),
            tr("Products can be added only to a return without receipt."));
    if (quantity <= 0)
        return Error::make(QStringLiteral("return.quantity"), tr("Choose at least one item."));
    Core::Result<Store::ProductDetail> product = d->catalog.product(productId);
    if (!product)
        return product.error();
    const Store::ProductRecord &p = product->record;
    Core::ReturnableOrder &order = *d->view.order;
    // At today's price: one line per product, as if sold now.
    for (Core::ReturnableLine &line : order.lines) {
        if (line.productId == productId) {
            const Money unit = Money::fromCents(line.lineTotal.cents() / qMax(1, line.sold));
            line.sold += quantity;
            line.lineTotal = unit * line.sold;
            for (ReturnLineView &view : d->view.lines) {
                if (view.line.lineId == line.lineId) {
                    view.line = line;
                    view.selected = line.sold;
                }
            }
            order.total = Money();
            for (const Core::ReturnableLine &l : order.lines)
                order.total += l.lineTotal;
            recompute();
            return Core::success();
        }
    }
    Core::ReturnableLine line;
    line.lineId = QStringLiteral("N%1").arg(order.lines.size() + 1);
    line.productId = p.id;
    line.sku = p.sku;
    line.name = p.name;
    line.category = p.category;
    line.vatClass = Core::vatClassFromName(p.vatClass).value_or(Core::VatClass::Standard);
    const Core::SaleRules &rules = d->sales.rules();
    if (auto rate = rules.vatTable.rateFor(rules.country, p.vatClass, d->today()); rate)
        line.vatBasisPoints = rate->basisPoints;
    line.sold = quantity;
    line.lineTotal = p.priceOn(d->today()) * quantity;
    order.lines.append(line);
    order.total += line.lineTotal;
    ReturnLineView view = lineView(line);
    view.selected = quantity;
    d->view.lines.append(view);
    recompute();
    return Core::success();
}

// --- choosing --------------------------------------------------------------------------------

Core::Status ReturnService::setQuantity(const QString &lineId, int quantity)
{
    if (const Core::Status idle = checkIdle(); !idle)
        return idle;
    ReturnLineView *line = d->line(lineId);
    if (!line)
        return Error::make(
            QStringLiteral("return.unknown_line"), tr("This line is not on the receipt."), lineId);
    if (quantity < 0 || quantity > line->line.returnable())
        return Error::make(QStringLiteral("return.quantity"),
            tr("Only %n of %1 can still be returned.", nullptr, line->line.returnable())
                .arg(line->line.name),
            QStringLiteral("%1: asked %2").arg(lineId).arg(quantity));
    if (quantity > 0 && !line->blockedWhy.isEmpty())
        return Error::make(QStringLiteral("return.quantity"), line->blockedWhy, lineId);
    line->selected = quantity;
    recompute();
    return Core::success();
}

Core::Status ReturnService::setReason(const QString &lineId, Core::ReturnReason reason)
{
    if (const Core::Status idle = checkIdle(); !idle)
        return idle;
    ReturnLineView *line = d->line(lineId);
    if (!line)
        return Error::make(
            QStringLiteral("return.unknown_line"), tr("This line is not on the receipt."), lineId);
    line->reason = reason;
    emit changed();
    return Core::success();
}

Core::Status ReturnService::setCondition(const QString &lineId, Core::ItemCondition condition)
{
    if (const Core::Status idle = checkIdle(); !idle)
        return idle;
    ReturnLineView *line = d->line(lineId);
    if (!line)
        return Error::make(
            QStringLiteral("return.unknown_line"), tr("This line is not on the receipt."), lineId);
    line->condition = condition;
    emit changed();
    return Core::success();
}

Core::Status ReturnService::chooseMethod(
    std::optional<Core::RefundMethod> method, const QString &giftCardNumber)
{
    if (const Core::Status idle = checkIdle(); !idle)
        return idle;
    if (!d->view.order)
        return Error::make(QStringLiteral("return.nothing"), tr("Find the receipt first."));
    if (method) {
        if (!d->view.methods.contains(*method))
            return Error::make(QStringLiteral("refund.method"),
                tr("%1 is not possible for this return.").arg(methodLabel(*method, {})),
                Core::name(*method));
        if (*method == RefundMethod::StoreCredit
            && (!d->view.order->customer || d->view.order->customer->code.isEmpty()))
            return Error::make(QStringLiteral("customer.none"),
                tr("Store credit needs the customer of the receipt."));
    }
    // A gift card refund names a gift card: the one given, else the one already entered
    // (setGiftCardNumber), else the one the order paid with (never the customer's loyalty
    // card). None yet: refund() asks for it (refund.reference_missing).
    if (method && *method == RefundMethod::GiftCard) {
        if (!giftCardNumber.trimmed().isEmpty()) {
            const Core::Result<QString> number = Core::normaliseGiftCardNumber(giftCardNumber);
            if (!number)
                return Error::make(QStringLiteral("gift.number"),
                    tr("Scan or type the gift card to load the refund onto."),
                    number.error().detail);
            d->view.giftCardNumber = number.value();
        } else if (d->view.giftCardNumber.isEmpty()) {
            for (const Core::OriginalTender &tender : d->view.order->tenders) {
                if (tender.method != QLatin1String("gift_card"))
                    continue;
                if (const Core::Result<QString> paidWith
                    = Core::normaliseGiftCardNumber(tender.reference);
                    paidWith) {
                    d->view.giftCardNumber = paidWith.value();
                    break;
                }
            }
        }
    }
    d->view.chosenMethod = method;
    recompute();
    return Core::success();
}

Core::Status ReturnService::setGiftCardNumber(const QString &typedOrScanned)
{
    if (const Core::Status allowed = d->session.require(Core::Permission::Refund); !allowed)
        return allowed;
    QString number;
    if (!typedOrScanned.trimmed().isEmpty()) {
        Core::Result<QString> normalised = Core::normaliseGiftCardNumber(typedOrScanned);
        if (!normalised)
            return normalised.error();
        number = normalised.value();
        // A blocked card cannot be topped up (the server would refuse the return's event).
        // Unknown is fine: the server activates a new card with the return.
        if (d->payments) {
            Core::Result<StoredValueBalance> balance = d->payments->giftCardBalance(number);
            if (!balance && balance.error().code == QLatin1String("giftcard.inactive"))
                return Error::make(QStringLiteral("giftcard.inactive"),
                    tr("This gift card is blocked. Use another card."), number);
        }
    }
    d->view.giftCardNumber = number;
    if (d->running)
        showParts();
    else
        recompute();
    return Core::success();
}

Core::Status ReturnService::approve(const Core::Authorisation &authorisation)
{
    if (const Core::Status idle = checkIdle(); !idle)
        return idle;
    if (!d->view.needsApproval)
        return Error::make(
            QStringLiteral("return.no_approval_needed"), tr("This return needs no approval."));
    // Checked here, not only on the sheet: the approver's role must allow it.
    auto approver = Store::StaffDirectory(d->db).member(authorisation.approvedBy);
    if (authorisation.permission != *d->view.needsApproval || !approver
        || !Core::allows(Session::coreRole(approver->role), authorisation.permission))
        return Error::make(QStringLiteral("override.not_allowed"),
            tr("This approval cannot be accepted: ask a manager."),
            QStringLiteral("%1 by %2")
                .arg(Core::name(authorisation.permission))
                .arg(authorisation.approvedBy));
    d->authorisations.append(authorisation);
    recompute();
    return Core::success();
}

void ReturnService::recompute()
{
    ReturnView &v = d->view;
    v.goods = v.delivery = v.total = v.rounding = Money();
    v.parts.clear();
    v.waitingForClaim = false;
    v.pointsTakenBack = v.pointsGivenBack = 0;
    v.needsApproval.reset();
    v.approvalWhy.clear();
    for (ReturnLineView &line : v.lines)
        line.refund = Money();
    if (!v.order) {
        emit changed();
        return;
    }
    const QList<Core::ReturnRequestLine> requests = d->requests();
    if (d->noReceipt) {
        if (!d->noReceiptApproved()) {
            v.needsApproval = Core::Permission::RefundWithoutReceipt;
            v.approvalWhy = tr("A return without receipt needs a manager.");
        }
    } else if (!d->exceptionApproved()) {
        for (const ReturnLineView &line : v.lines) {
            if (line.selected <= 0)
                continue;
            if (line.windowPassed) {
                v.needsApproval = Core::Permission::ApproveReturnException;
                v.approvalWhy = tr("%1 was due back by %2.")
                                    .arg(line.line.name,
                                        QLocale().toString(*line.deadline, QLocale::ShortFormat));
                break;
            }
            if (line.finalSale) {
                v.needsApproval = Core::Permission::ApproveReturnException;
                v.approvalWhy = tr("%1 is a final-sale item.").arg(line.line.name);
                break;
            }
        }
    }
    if (requests.isEmpty()) {
        emit changed();
        return;
    }
    Core::Result<Core::RefundPlan> plan = planFor(requests);
    if (!plan) {
        qWarning().noquote() << "return: no plan:" << plan.error().code << plan.error().detail;
        emit changed();
        return;
    }
    for (int i = 0; i < requests.size() && i < plan->lineRefunds.size(); ++i) {
        if (ReturnLineView *line = d->line(requests.at(i).lineId))
            line->refund = plan->lineRefunds.at(i);
    }
    v.goods = plan->goods;
    v.delivery = plan->delivery;
    v.total = plan->total;
    v.pointsTakenBack = plan->pointsTakenBack;
    v.pointsGivenBack = plan->pointsGivenBack;
    QList<Core::Refund> refunds = refundsFor(*plan);
    v.rounding = Core::finaliseCash(refunds, *v.order, d->cashRounding());
    for (const Core::Refund &refund : refunds) {
        RefundPartView part;
        part.method = refund.method;
        part.label = methodLabel(refund.method, refund.maskedPan);
        part.amount = refund.amount;
        v.parts.append(part);
    }
    emit changed();
}

Core::Result<Core::RefundPlan> ReturnService::planFor(
    const QList<Core::ReturnRequestLine> &requests) const
{
    if (!d->noReceipt)
        return Core::planRefund(*d->view.order, requests, d->sales.rules().loyalty);
    // Without receipt: today's price of what comes back, all as store credit (no tenders).
    Core::RefundPlan plan;
    for (const Core::ReturnRequestLine &request : requests) {
        Money refund;
        for (const Core::ReturnableLine &line : d->view.order->lines) {
            if (line.lineId == request.lineId)
                refund = Core::paidShare(line.lineTotal, line.sold, 0, request.quantity);
        }
        plan.lineRefunds.append(refund);
        plan.goods += refund;
    }
    if (requests.isEmpty())
        return Error::make(
            QStringLiteral("return.nothing"), tr("Choose at least one item to return."));
    plan.total = plan.goods;
    return plan;
}

QList<Core::Refund> ReturnService::refundsFor(const Core::RefundPlan &plan) const
{
    const std::optional<RefundMethod> chosen = d->view.chosenMethod;
    if (d->noReceipt || (chosen && *chosen != RefundMethod::Exchange)) {
        // The core's rule for an alternative method: redeemed points still go back as points.
        const RefundMethod method = d->noReceipt ? RefundMethod::StoreCredit : *chosen;
        // A gift card refund names the card it loads, never the customer's loyalty card.
        const QString reference = method == RefundMethod::GiftCard ? d->view.giftCardNumber
            : d->view.order->customer                              ? d->view.order->customer->code
                                                                   : QString();
        return Core::alternativeRefunds(plan, method, reference);
    }
    QList<Core::Refund> refunds = plan.refunds;
    // A card refund names the original payment; its own reference comes from the terminal.
    for (Core::Refund &refund : refunds) {
        if (refund.method == RefundMethod::Card || refund.method == RefundMethod::WebPayment) {
            if (refund.originalReference.isEmpty())
                refund.originalReference = refund.reference;
            if (refund.method == RefundMethod::Card)
                refund.reference.clear();
        }
    }
    return refunds;
}

// --- refunding -------------------------------------------------------------------------------

Core::Result<Core::Return> ReturnService::buildReturn(bool exchange)
{
    if (const Core::Status idle = checkIdle(); !idle)
        return idle.error();
    ReturnView &v = d->view;
    if (!v.order || v.stage != ReturnView::Stage::Found)
        return Error::make(QStringLiteral("return.nothing"), tr("Find the receipt first."));
    const QList<Core::ReturnRequestLine> requests = d->requests();
    if (requests.isEmpty())
        return Error::make(
            QStringLiteral("return.nothing"), tr("Choose at least one item to return."));
    if (v.needsApproval)
        return Error::make(QStringLiteral("return.approval_missing"),
            v.approvalWhy.isEmpty() ? tr("This return needs a manager's approval.")
                                    : v.approvalWhy);
    if (d->noReceipt && (!v.order->customer || v.order->customer->code.isEmpty()))
        return Error::make(QStringLiteral("customer.none"),
            tr("Store credit needs a customer: scan the customer's card first."));
    if (!d->noReceipt) {
        for (const Core::ReturnRequestLine &request : requests) {
            if (const Core::Status ok = Core::checkReturnLine(*v.order, request, d->policy,
                    d->today(), d->timeZone(), d->exceptionApproved());
                !ok)
                return ok.error();
        }
    }
    Core::Result<Core::RefundPlan> plan = planFor(requests);
    if (!plan)
        return plan.error();
    // Before any money goes back: the drawer's open shift (issue 12).
    Core::Result<QString> shift = Internal::shiftForMoney(d->shifts, d->session.isTraining());
    if (!shift)
        return shift.error();

    Core::Return ret;
    ret.returnId = newUuid();
    ret.shiftId = shift.value();
    ret.storeCode = d->sales.location().code;
    ret.returnedAt = d->clock.nowUtc();
    ret.staffId = d->session.staff() ? d->session.staff()->id : 0;
    ret.origin = v.order->origin;
    ret.originNumber = v.order->number;
    ret.originSaleId = v.order->saleId;
    // A training return claims nothing: practising must not use up what the customer can
    // still return (the server stores it without a claim and moves nothing).
    const bool claimed = !v.order->fromLocalLedger && !d->noReceipt && !d->session.isTraining();
    ret.claimId = claimed ? newUuid() : QString();
    for (int i = 0; i < requests.size(); ++i) {
        const Core::ReturnRequestLine &request = requests.at(i);
        const ReturnLineView *view = d->line(request.lineId);
        Core::ReturnLine line;
        line.lineId = QStringLiteral("R%1").arg(i + 1);
        line.originalLineId = d->noReceipt ? QString() : request.lineId;
        line.productId = view->line.productId;
        line.sku = view->line.sku;
        line.name = view->line.name;
        line.category = view->line.category;
        line.vatClass = view->line.vatClass;
        line.vatBasisPoints = view->line.vatBasisPoints;
        line.quantity = request.quantity;
        line.refund = plan->lineRefunds.value(i);
        line.reason = request.reason;
        line.condition = request.condition;
        ret.lines.append(line);
    }
    ret.goods = plan->goods;
    ret.delivery = plan->delivery;
    ret.total = plan->total;
    ret.vat = Core::returnVat(ret.lines);
    ret.customer = v.order->customer;
    // Training (Session::setTraining): no stock, no points, journaled as training.
    ret.training = d->session.isTraining();
    ret.pointsTakenBack = ret.training ? 0 : plan->pointsTakenBack;
    ret.pointsGivenBack = ret.training ? 0 : plan->pointsGivenBack;
    ret.authorisations = d->authorisations;
    d->exchangePlan = exchange ? plan.value() : Core::RefundPlan();
    if (!exchange) {
        ret.refunds = refundsFor(*plan);
        ret.rounding = Core::finaliseCash(ret.refunds, *v.order, d->cashRounding());
        if (std::any_of(ret.refunds.cbegin(), ret.refunds.cend(), [](const Core::Refund &r) {
                return r.method == RefundMethod::GiftCard && r.reference.isEmpty();
            }))
            return Error::make(QStringLiteral("refund.reference_missing"),
                tr("Scan or type the number of the gift card the refund goes onto."));
        // The references a card part gets from the terminal are not known yet.
        QList<Core::Refund> check = ret.refunds;
        for (Core::Refund &refund : check) {
            if (refund.method == RefundMethod::Card && refund.reference.isEmpty())
                refund.reference = QStringLiteral("pending");
        }
        if (const Core::Status ok = Core::checkRefunds(
                *v.order, check, ret.total, ret.rounding, d->policy, d->cashRounding());
            !ok)
            return ok.error();
        if (ret.training
            && std::any_of(ret.refunds.cbegin(), ret.refunds.cend(), [](const Core::Refund &r) {
                   return r.method == RefundMethod::GiftCard
                       || r.method == RefundMethod::StoreCredit
                       || r.method == RefundMethod::LoyaltyPoints;
               }))
            return trainingRefused();
        const bool card = std::any_of(ret.refunds.cbegin(), ret.refunds.cend(),
            [](const Core::Refund &r) { return r.method == RefundMethod::Card; });
        // Training: a card refund is not sent to the terminal (runParts).
        if (card && !d->terminal && !ret.training)
            return Error::make(QStringLiteral("pay.no_terminal"),
                tr("No payment terminal is connected: the card refund cannot run."));
    }
    return ret;
}

Core::Status ReturnService::claimAndOpen(Core::Return &ret, bool exchange)
{
    const Core::ReturnableOrder order = *d->view.order;
    Store::RefundSessionRecord session;
    session.returnId = ret.returnId;
    session.claimId = ret.claimId;
    session.claimState = ret.claimId.isEmpty() ? QStringLiteral("none") : QStringLiteral("asking");
    session.exchange = exchange;
    session.draftJson
        = QJsonDocument(draftJson(ret, order, d->policy)).toJson(QJsonDocument::Compact);
    session.staffId = ret.staffId;
    session.startedAt = d->clock.nowUtc();
    int position = 0;
    for (const Core::Refund &refund : ret.refunds) {
        Store::RefundPartRecord part;
        part.position = ++position;
        part.method = Core::name(refund.method);
        part.amount = refund.amount;
        part.reference = refund.reference;
        part.originalReference = refund.originalReference;
        part.maskedPan = refund.maskedPan;
        part.points = refund.points;
        if (refund.method == RefundMethod::Card) {
            for (const Core::OriginalTender &tender : order.tenders) {
                if (tender.reference == refund.originalReference)
                    part.originalAt = tender.at;
            }
        }
        session.parts.append(part);
    }
    // Durable before the server is asked: a crash leaves the claim id to settle.
    Core::Result<qint64> id = d->ledger->openSession(session);
    if (!id)
        return id.error();
    session.id = id.value();

    if (!ret.claimId.isEmpty()) {
        if (!d->client || !d->client->isOnline()) {
            (void)d->ledger->finishSession(
                session.id, QStringLiteral("cancelled"), d->clock.nowUtc());
            return needsNetwork();
        }
        QList<QPair<QString, int>> left;
        Core::Result<Core::ReturnableOrder> claim = d->client->claim(
            ret.claimId, ret.returnId, order, d->requests(), ret.storeCode, &left);
        if (!claim && claim.error().code.startsWith(QLatin1String("sync."))) {
            // The outcome is unknown: ask before anything else.
            Core::Result<bool> granted = d->client->claimGranted(ret.claimId);
            if (granted && granted.value()) {
                claim = order;
            } else if (granted || granted.error().code == QLatin1String("claim.unknown")) {
                // never granted: nothing taken
            } else if (!exchange) {
                // Still unknown: the return waits, claim "asking", no money goes; "Check
                // again" asks the server again (checkAgain), cancel() releases it.
                d->running = session;
                d->planned = ret;
                d->plannedOrder = order;
                d->view.stage = ReturnView::Stage::Refunding;
                showParts();
                return claimUnknown(granted.error().detail);
            } else {
                (void)d->client->releaseClaim(ret.claimId);
            }
        }
        if (!claim) {
            (void)d->ledger->finishSession(
                session.id, QStringLiteral("cancelled"), d->clock.nowUtc());
            if (claim.error().code == QLatin1String("return.quantity")) {
                // Someone else returned it first: show what is still returnable.
                for (const auto &[lineId, returnable] : left) {
                    if (ReturnLineView *line = d->line(lineId)) {
                        line->line.returned = qMax(0, line->line.sold - returnable);
                        line->selected = qMin(line->selected, line->line.returnable());
                        *line = [&] {
                            ReturnLineView fresh = lineView(line->line);
                            fresh.selected = line->selected;
                            fresh.reason = line->reason;
                            fresh.condition = line->condition;
                            return fresh;
                        }();
                    }
                    for (Core::ReturnableLine &l : d->view.order->lines) {
                        if (l.lineId == lineId)
                            l.returned = qMax(0, l.sold - returnable);
                    }
                }
                recompute();
                QStringList still;
                for (const auto &[lineId, returnable] : left) {
                    if (const ReturnLineView *line = d->line(lineId))
                        still.append(tr("%1: %n", nullptr, returnable).arg(line->line.name));
                }
                Error error = claim.error();
                error.message = tr("Someone else returned some of these items first. Still "
                                   "returnable now — %1.")
                                    .arg(still.join(QStringLiteral("; ")));
                return error;
            }
            return claim.error();
        }
        session.claimState = QStringLiteral("granted");
        if (const Core::Status saved = d->ledger->saveSession(session); !saved)
            return saved;
    }
    d->running = session;
    d->planned = ret;
    d->plannedOrder = order;
    d->view.stage = ReturnView::Stage::Refunding;
    return Core::success();
}

Core::Status ReturnService::refund()
{
    Core::Result<Core::Return> ret = buildReturn(false);
    if (!ret)
        return ret.error();
    if (const Core::Status opened = claimAndOpen(ret.value(), false); !opened)
        return opened;
    showParts();
    runParts();
    return Core::success();
}

void ReturnService::showParts()
{
    d->view.parts.clear();
    d->view.waitingForClaim = false;
    if (!d->running)
        return;
    d->view.waitingForClaim = d->running->claimState == QLatin1String("asking");
    for (const Store::RefundPartRecord &part : std::as_const(d->running->parts)) {
        RefundPartView view;
        view.method = Core::refundMethodFromName(part.method).value_or(RefundMethod::Cash);
        view.label = methodLabel(view.method, part.maskedPan);
        view.amount = part.amount;
        view.state = viewState(part.state);
        view.detail = part.detail;
        if (part.state == partFailed) {
            const int index = int(d->view.parts.size());
            view.canRetry = view.method == RefundMethod::Card;
            view.moveTo = alternativesFor(index);
            if (view.moveTo.isEmpty())
                view.noAlternativeWhy = d->plannedOrder.origin == Core::ReturnOrigin::WebOrder
                    ? tr("A web order is refunded to the way it was paid only. Retry the card "
                         "refund, or cancel the return.")
                    : tr("This amount can go back to the card only. Retry the card refund, or "
                         "cancel the return.");
        }
        d->view.parts.append(view);
    }
    emit changed();
}

void ReturnService::runParts()
{
    if (!d->running || !d->inFlightServiceId.isEmpty())
        return;
    if (d->running->claimState == QLatin1String("asking"))
        return; // no money before the server granted the claim (checkAgain asks again)
    for (Store::RefundPartRecord &part : d->running->parts) {
        if (part.state == partDone)
            continue;
        if (part.state == partFailed || part.state == partPending)
            return; // staff decide (failed) / the terminal answers (pending)
        const RefundMethod method
            = Core::refundMethodFromName(part.method).value_or(RefundMethod::Cash);
        if (method == RefundMethod::Card && d->planned.training) {
            // Training: the terminal is never asked; the part counts as refunded.
            part.state = partDone;
            part.reference = trainingReference;
            part.detail = tr("Training: nothing was refunded to the card");
            if (const Core::Status saved = d->ledger->saveSession(*d->running); !saved) {
                emit failed(saved.error());
                return;
            }
            continue;
        }
        if (method == RefundMethod::Card) {
            if (!d->terminal) {
                part.detail = tr("Connect the payment terminal to refund the card.");
                showParts();
                return;
            }
            // The ServiceID is on disk before the terminal is asked.
            part.serviceId = Devices::Nexo::newServiceId();
            part.state = partPending;
            part.detail = tr("Follow the instructions on the terminal");
            if (const Core::Status saved = d->ledger->saveSession(*d->running); !saved) {
                part.state = partPlanned;
                part.serviceId.clear();
                emit failed(saved.error());
                showParts();
                return;
            }
            showParts();
            sendReversal(part);
            return;
        }
        part.state = partDone;
        if (method == RefundMethod::Cash)
            part.detail = tr("Give %1 in cash").arg(part.amount.toDisplayString());
        else
            part.detail = tr("Recorded with the return");
        if (const Core::Status saved = d->ledger->saveSession(*d->running); !saved) {
            emit failed(saved.error());
            return;
        }
    }
    showParts();
    finish();
}

void ReturnService::sendReversal(const Store::RefundPartRecord &part)
{
    Devices::ReversalRequest request;
    request.serviceId = part.serviceId;
    request.originalPoiTransactionId = part.originalReference;
    request.originalTimestamp = part.originalAt;
    request.amount = part.amount;
    request.reason = QStringLiteral("MerchantCancel");
    d->inFlightServiceId = part.serviceId;
    d->askingStatus = false;
    d->terminal->reverse(request);
}

Store::RefundPartRecord *ReturnService::partByServiceId(const QString &serviceId)
{
    if (!d->running || serviceId.isEmpty())
        return nullptr;
    for (Store::RefundPartRecord &part : d->running->parts) {
        if (part.serviceId == serviceId)
            return &part;
    }
    return nullptr;
}

void ReturnService::settleCard(Store::RefundPartRecord &part, bool approved,
    const QString &poiTransactionId, const QString &why)
{
    d->inFlightServiceId.clear();
    d->askingStatus = false;
    d->statusAttempt = 0;
    if (approved) {
        part.state = partDone;
        part.reference = poiTransactionId;
        part.detail = tr("Refunded to the card");
    } else {
        part.state = partFailed;
        // What staff can do now (retry, another way, cancel) is on the part's buttons.
        part.detail = tr("The terminal refused the card refund. Nothing was refunded to the "
                         "card.");
    }
    if (const Core::Status saved = d->ledger->saveSession(*d->running); !saved)
        emit failed(saved.error());
    if (!approved)
        emit failed(Error::make(QStringLiteral("refund.card_refused"), part.detail, why));
    showParts();
    if (approved)
        runParts();
}

void ReturnService::onReversal(const Devices::ReversalResult &result)
{
    Store::RefundPartRecord *part = partByServiceId(result.serviceId);
    if (!part || d->askingStatus || result.serviceId != d->inFlightServiceId)
        return; // PaymentService's reversal, or an answer we no longer wait for
    switch (result.outcome) {
    case Devices::TerminalOutcome::Approved:
        settleCard(*part, true, result.poiTransactionId, {});
        return;
    case Devices::TerminalOutcome::Unreachable:
    case Devices::TerminalOutcome::Invalid:
    case Devices::TerminalOutcome::InProgress:
    case Devices::TerminalOutcome::NotFound:
        // Outcome unknown: never sent again blindly; TransactionStatus settles it.
        startStatus(*part, true);
        return;
    case Devices::TerminalOutcome::Busy:
        d->inFlightServiceId.clear();
        part->detail = tr("The terminal is busy — check again in a moment.");
        showParts();
        return;
    case Devices::TerminalOutcome::Declined:
    case Devices::TerminalOutcome::Cancelled:
        settleCard(*part, false, {},
            QStringLiteral("%1 %2 %3")
                .arg(Devices::name(result.outcome), result.errorCondition, result.message));
        return;
    }
}

void ReturnService::startStatus(Store::RefundPartRecord &part, bool first)
{
    d->inFlightServiceId = part.serviceId;
    d->askingStatus = true;
    if (first)
        d->statusAttempt = 0;
    part.detail = tr("No answer from the terminal — checking what happened…");
    showParts();
    if (d->statusAttempt >= d->backoff.size()) {
        d->inFlightServiceId.clear();
        d->askingStatus = false;
        part.detail = tr("Not known yet whether the card was refunded. Check again when the "
                         "terminal answers; do not refund again.");
        (void)d->ledger->saveSession(*d->running);
        emit failed(Error::make(QStringLiteral("card.unknown"), part.detail, part.serviceId));
        showParts();
        return;
    }
    d->statusTimer.start(d->backoff.at(d->statusAttempt++));
}

void ReturnService::onStatus(const QString &serviceId, const Devices::CardPaymentResult &result)
{
    Store::RefundPartRecord *part = partByServiceId(serviceId);
    if (!part || !d->askingStatus || serviceId != d->inFlightServiceId)
        return;
    switch (result.outcome) {
    case Devices::TerminalOutcome::Approved:
        settleCard(*part, true, result.poiTransactionId, {});
        return;
    case Devices::TerminalOutcome::NotFound:
        // The terminal never saw it: safe to send, with the same ServiceID.
        if (d->terminal)
            sendReversal(*part);
        return;
    case Devices::TerminalOutcome::Declined:
    case Devices::TerminalOutcome::Cancelled:
        settleCard(*part, false, {},
            QStringLiteral("status %1 %2").arg(Devices::name(result.outcome), result.message));
        return;
    case Devices::TerminalOutcome::Busy: // the status is not known yet: ask again
    case Devices::TerminalOutcome::InProgress:
    case Devices::TerminalOutcome::Unreachable:
    case Devices::TerminalOutcome::Invalid:
        startStatus(*part, false);
        return;
    }
}

void ReturnService::checkAgain()
{
    if (d->running && d->running->claimState == QLatin1String("asking")) {
        switch (settleClaim()) {
        case ClaimAnswer::Unknown:
            emit failed(claimUnknown(d->running->claimId));
            showParts();
            return;
        case ClaimAnswer::NeverGranted: {
            // Nothing was taken on the server: the lines are shown again to refund anew.
            const std::optional<Core::ReturnableOrder> order = d->view.order;
            d->view.stage = order ? ReturnView::Stage::Found : ReturnView::Stage::Empty;
            recompute();
            return;
        }
        case ClaimAnswer::Granted:
            if (d->running->exchange)
                return; // recover() gives the credit back to the sale
            showParts();
            break;
        }
    }
    if (!d->running || !d->terminal || !d->inFlightServiceId.isEmpty()) {
        runParts();
        return;
    }
    for (Store::RefundPartRecord &part : d->running->parts) {
        if (part.state == partPending && !part.serviceId.isEmpty()) {
            startStatus(part, true);
            return;
        }
    }
    runParts();
}

ReturnService::ClaimAnswer ReturnService::settleClaim()
{
    Core::Result<bool> granted = d->client ? d->client->claimGranted(d->running->claimId)
                                           : Core::Result<bool>(needsNetwork());
    if (!granted && granted.error().code == QLatin1String("claim.unknown"))
        granted = false;
    if (!granted) {
        qWarning().noquote() << "return: claim" << d->running->claimId
                             << "still unknown:" << granted.error().code;
        return ClaimAnswer::Unknown;
    }
    if (!granted.value()) {
        (void)d->ledger->finishSession(
            d->running->id, QStringLiteral("cancelled"), d->clock.nowUtc());
        d->running.reset();
        return ClaimAnswer::NeverGranted;
    }
    d->running->claimState = QStringLiteral("granted");
    (void)d->ledger->saveSession(*d->running);
    return ClaimAnswer::Granted;
}

QList<Core::Refund> ReturnService::refundsFromParts() const
{
    QList<Core::Refund> refunds;
    if (!d->running)
        return refunds;
    for (const Store::RefundPartRecord &part : std::as_const(d->running->parts)) {
        Core::Refund refund;
        refund.method = Core::refundMethodFromName(part.method).value_or(RefundMethod::Cash);
        refund.amount = part.amount;
        refund.reference = part.reference;
        refund.originalReference = part.originalReference;
        refund.claimId = part.serviceId;
        refund.maskedPan = part.maskedPan;
        refund.points = part.points;
        refunds.append(refund);
    }
    return refunds;
}

Core::Result<ReturnService::Moved> ReturnService::moveFailedPart(
    int partIndex, RefundMethod method) const
{
    if (!d->running || d->running->exchange || partIndex < 0
        || partIndex >= d->running->parts.size()
        || d->running->parts.at(partIndex).state != partFailed)
        return Error::make(QStringLiteral("refund.not_failed"),
            tr("Only a refund part that failed can be given back another way."),
            QString::number(partIndex));
    const Core::ReturnableOrder &order = d->plannedOrder;
    if (method == RefundMethod::Card || method == RefundMethod::WebPayment
        || method == RefundMethod::LoyaltyPoints || method == RefundMethod::Exchange
        || !Core::allowedRefundMethods(order, d->policy).contains(method))
        return Error::make(QStringLiteral("refund.method"),
            tr("%1 is not possible for this return.").arg(methodLabel(method, {})),
            Core::name(method));
    Moved moved;
    moved.refunds = refundsFromParts();
    moved.rounding = d->planned.rounding;
    Core::Refund &part = moved.refunds[partIndex];
    const Money failed = part.amount;
    part = Core::Refund();
    part.method = method;
    part.amount = failed;
    if (method == RefundMethod::StoreCredit) {
        if (!order.customer || order.customer->code.isEmpty())
            return Error::make(QStringLiteral("customer.none"),
                tr("Store credit needs the customer of the receipt."));
        part.reference = order.customer->code;
    } else if (method == RefundMethod::GiftCard) {
        part.reference = d->view.giftCardNumber;
    } else if (method == RefundMethod::Cash) {
        // The cash of the whole return is rounded once: what is handed out now makes the cash
        // parts together the rounded sum of their unrounded amounts.
        Money handedOut;
        for (qsizetype i = 0; i < moved.refunds.size(); ++i) {
            if (i != partIndex && moved.refunds.at(i).method == RefundMethod::Cash)
                handedOut += moved.refunds.at(i).amount;
        }
        QList<Core::Refund> all { Core::Refund() };
        all.first().method = RefundMethod::Cash;
        all.first().amount = handedOut - d->planned.rounding + failed;
        moved.rounding = Core::finaliseCash(all, order, d->cashRounding());
        part.amount = all.first().amount - handedOut;
    }
    moved.amount = part.amount;
    QList<Core::Refund> check = moved.refunds;
    for (Core::Refund &refund : check) {
        if (refund.reference.isEmpty()
            && (refund.method == RefundMethod::Card || refund.method == RefundMethod::GiftCard))
            refund.reference = QStringLiteral("pending"); // not known yet: checked when set
    }
    if (const Core::Status ok = Core::checkRefunds(
            order, check, d->planned.total, moved.rounding, d->policy, d->cashRounding());
        !ok)
        return Error::make(QStringLiteral("refund.method"),
            tr("%1 is not possible for this amount: %2")
                .arg(methodLabel(method, {}), ok.error().message),
            ok.error().code + QLatin1Char(' ') + ok.error().detail);
    return moved;
}

QList<RefundMethod> ReturnService::alternativesFor(int partIndex) const
{
    QList<RefundMethod> out;
    for (RefundMethod method : Core::allowedRefundMethods(d->plannedOrder, d->policy)) {
        if (moveFailedPart(partIndex, method))
            out.append(method);
    }
    return out;
}

Core::Status ReturnService::retryPart(int partIndex)
{
    if (const Core::Status allowed = d->session.require(Core::Permission::Refund); !allowed)
        return allowed;
    if (!d->running || partIndex < 0 || partIndex >= d->running->parts.size()
        || d->running->parts.at(partIndex).state != partFailed
        || d->running->parts.at(partIndex).method != Core::name(RefundMethod::Card))
        return Error::make(QStringLiteral("refund.not_failed"),
            tr("Only a card refund that failed can be tried again."), QString::number(partIndex));
    if (!d->terminal)
        return Error::make(QStringLiteral("pay.no_terminal"),
            tr("No payment terminal is connected: the card refund cannot run."));
    if (!d->inFlightServiceId.isEmpty())
        return Error::make(QStringLiteral("return.busy"),
            tr("The terminal is still being asked. Wait for its answer."));
    // The refused reversal took no money: a new one gets its own ServiceID (runParts).
    Store::RefundPartRecord &part = d->running->parts[partIndex];
    const Store::RefundPartRecord before = part;
    part.state = partPlanned;
    part.serviceId.clear();
    part.detail.clear();
    if (const Core::Status saved = d->ledger->saveSession(*d->running); !saved) {
        part = before;
        return saved;
    }
    runParts();
    return Core::success();
}

Core::Status ReturnService::refundFailedPartWith(int partIndex, RefundMethod method)
{
    if (const Core::Status allowed = d->session.require(Core::Permission::Refund); !allowed)
        return allowed;
    if (!d->inFlightServiceId.isEmpty())
        return Error::make(QStringLiteral("return.busy"),
            tr("The terminal is still being asked. Wait for its answer."));
    if (d->running && partIndex >= 0 && partIndex < d->running->parts.size()
        && d->running->parts.at(partIndex).state == partFailed
        && alternativesFor(partIndex).isEmpty())
        return Error::make(QStringLiteral("refund.method"),
            d->plannedOrder.origin == Core::ReturnOrigin::WebOrder
                ? tr("A web order is refunded to the way it was paid only. Retry the card "
                     "refund, or cancel the return.")
                : tr("This amount can go back to the card only. Retry the card refund, or "
                     "cancel the return."),
            Core::name(method));
    if (method == RefundMethod::GiftCard && d->view.giftCardNumber.isEmpty())
        return Error::make(QStringLiteral("refund.reference_missing"),
            tr("Scan or type the number of the gift card the refund goes onto."));
    Core::Result<Moved> moved = moveFailedPart(partIndex, method);
    if (!moved)
        return moved.error();
    Store::RefundSessionRecord before = *d->running;
    const Core::Return plannedBefore = d->planned;
    const Core::Refund &refund = moved->refunds.at(partIndex);
    Store::RefundPartRecord &part = d->running->parts[partIndex];
    qInfo().noquote() << "return:" << d->planned.returnId << "part" << partIndex + 1 << "of"
                      << part.amount.toPlainString() << "moved from" << part.method << "to"
                      << Core::name(method) << refund.amount.toPlainString();
    part.method = Core::name(method);
    part.amount = refund.amount;
    part.reference = refund.reference;
    part.originalReference.clear();
    part.originalAt = QDateTime();
    part.serviceId.clear();
    part.maskedPan.clear();
    part.state = partPlanned;
    part.detail.clear();
    // The rounding is the return's (the receipt, the event and recover() read it).
    d->planned.rounding = moved->rounding;
    d->running->draftJson = QJsonDocument(draftJson(d->planned, d->plannedOrder, d->policy))
                                .toJson(QJsonDocument::Compact);
    if (const Core::Status saved = d->ledger->saveSession(*d->running); !saved) {
        *d->running = before;
        d->planned = plannedBefore;
        return saved;
    }
    runParts();
    return Core::success();
}

void ReturnService::finish()
{
    if (!d->running)
        return;
    Core::Return ret = d->planned;
    for (const Store::RefundPartRecord &part : std::as_const(d->running->parts)) {
        if (part.state != partDone)
            return;
    }
    ret.refunds = refundsFromParts();
    const qint64 sessionId = d->running->id;
    Core::Result<Store::RecordedReturn> recorded = record(ret, [this, sessionId]() {
        return d->ledger->finishSession(sessionId, QStringLiteral("completed"), d->clock.nowUtc());
    });
    if (!recorded) {
        emit failed(recorded.error());
        return;
    }
    completeWith(ret);
}

Core::Result<Store::RecordedReturn> ReturnService::record(
    Core::Return &ret, const std::function<Core::Status()> &alsoWrite)
{
    // Money went back already (buildReturn asked for the shift): never refused here, but a
    // return without its shift (recovered from before an update) gets the open one.
    if (ret.shiftId.isEmpty() && d->shifts) {
        if (auto open = d->shifts->openShift(); open && open.value())
            ret.shiftId = open.value()->shiftId;
    }
    Core::Error invalid;
    auto payload = [&ret, &invalid](const QString &receiptNumber) {
        Core::Return wire = ret;
        wire.receiptNumber = receiptNumber;
        const QJsonObject json = Protocol::returnToJson(wire);
        if (Core::Result<Core::Return> check = Protocol::returnFromJson(json); !check) {
            invalid = check.error();
            return QByteArray();
        }
        return QJsonDocument(json).toJson(QJsonDocument::Compact);
    };
    Core::Result<Store::RecordedReturn> recorded
        = d->ledger->record(ret, d->sales.location().id, payload, alsoWrite);
    if (!invalid.code.isEmpty())
        return invalid;
    return recorded;
}

void ReturnService::completeWith(const Core::Return &ret)
{
    CompletedReturn done;
    done.ret = ret;
    done.receiptNumber = ret.receiptNumber;
    done.storeName = d->sales.location().name;
    if (auto staff = Store::StaffDirectory(d->db).member(ret.staffId); staff)
        done.staffName = staff->displayName;
    // The return receipt prints like a sale's (the customer signs nothing; it is their proof).
    if (Devices::ReceiptPrinter *printer = d->sales.receiptPrinter()) {
        const Core::Status printed = printer->print(
            Devices::ReceiptLayout::layout(ReceiptService::receiptFor(done, d->sales.location())));
        if (!printed)
            done.printError = printed.error().message;
    }
    m_lastCompleted = done;
    d->running.reset();
    d->exchangeRecorded = false;
    d->view.stage = ReturnView::Stage::Done;
    showParts();
    emit completed(done);
}

// --- exchange --------------------------------------------------------------------------------

Core::Status ReturnService::startExchange()
{
    if (d->sales.exchangeCredit())
        return Error::make(QStringLiteral("return.busy"),
            tr("The sale in progress already has an exchange credit."));
    // What the new sale does not use goes back by the chosen method (cash or store credit).
    const std::optional<RefundMethod> chosen = d->view.chosenMethod;
    std::optional<RefundMethod> rest;
    if (chosen && (*chosen == RefundMethod::Cash || *chosen == RefundMethod::StoreCredit))
        rest = chosen;
    else if (d->view.methods.contains(RefundMethod::Cash))
        rest = RefundMethod::Cash;
    else if (d->view.methods.contains(RefundMethod::StoreCredit) && d->view.order
        && d->view.order->customer)
        rest = RefundMethod::StoreCredit;
    if (!rest)
        return Error::make(QStringLiteral("refund.method"),
            tr("Choose how to give back what the new sale does not use."));
    if (*rest == RefundMethod::StoreCredit && d->session.isTraining())
        return trainingRefused();
    Core::Result<Core::Return> ret = buildReturn(true);
    if (!ret)
        return ret.error();
    if (const Core::Status opened = claimAndOpen(ret.value(), true); !opened)
        return opened;
    giveCredit(*rest);
    return Core::success();
}

void ReturnService::giveCredit(RefundMethod rest)
{
    ExchangeCredit credit;
    credit.returnId = d->planned.returnId;
    credit.amount = Core::alternativeAmount(d->exchangePlan);
    credit.recordReturn = [this, rest](const Core::Sale &sale) -> Core::Status {
        return recordExchange(sale, rest);
    };
    credit.abandon = [this] { abandonExchange(); };
    d->sales.setExchangeCredit(credit);
    d->view.parts.clear();
    RefundPartView part;
    part.method = RefundMethod::Exchange;
    part.label = methodLabel(RefundMethod::Exchange, {});
    part.amount = Core::alternativeAmount(d->exchangePlan);
    part.state = RefundPartView::State::Pending;
    part.detail = tr("Add the new items to the sale and take the payment.");
    d->view.parts.append(part);
    emit changed();
}

Core::Status ReturnService::recordExchange(const Core::Sale &sale, RefundMethod rest)
{
    if (!d->running)
        return Error::make(
            QStringLiteral("return.store_failed"), tr("The exchange's return is no longer open."));
    Core::Return ret = d->planned;
    Money used;
    for (const Core::Tender &tender : sale.tenders) {
        if (tender.method == Core::TenderMethod::ReturnCredit && tender.reference == ret.returnId)
            used += tender.amount;
    }
    // The points parts stay points; the credit (the rest) is split into what the new sale used
    // and what goes back by `rest`.
    const Money credit = Core::alternativeAmount(d->exchangePlan);
    used = qMin(used, credit);
    ret.exchangeSaleId = sale.saleId;
    ret.returnedAt = sale.soldAt;
    ret.refunds = Core::alternativeRefunds(d->exchangePlan, RefundMethod::Exchange, sale.saleId);
    if (!ret.refunds.isEmpty() && ret.refunds.last().method == RefundMethod::Exchange)
        ret.refunds.removeLast();
    if (used.cents() > 0) {
        Core::Refund part;
        part.method = RefundMethod::Exchange;
        part.amount = used;
        part.reference = sale.saleId;
        ret.refunds.append(part);
    }
    if (const Money left = credit - used; left.cents() > 0) {
        Core::Refund part;
        part.method = rest;
        part.amount = left;
        if (rest == RefundMethod::StoreCredit && ret.customer)
            part.reference = ret.customer->code;
        ret.refunds.append(part);
    }
    ret.rounding = Core::finaliseCash(ret.refunds, d->plannedOrder, d->cashRounding());
    if (const Core::Status ok = Core::checkRefunds(
            d->plannedOrder, ret.refunds, ret.total, ret.rounding, d->policy, d->cashRounding());
        !ok)
        return ok;
    const qint64 sessionId = d->running->id;
    Core::Result<Store::RecordedReturn> recorded = record(ret, [this, sessionId]() {
        return d->ledger->finishSession(sessionId, QStringLiteral("completed"), d->clock.nowUtc());
    });
    if (!recorded)
        return recorded.error();
    d->planned = ret;
    d->exchangeRecorded = true;
    return Core::success();
}

void ReturnService::finishExchange()
{
    d->sales.setExchangeCredit(std::nullopt);
    completeWith(d->planned);
}

void ReturnService::abandonExchange()
{
    d->sales.setExchangeCredit(std::nullopt);
    if (d->running)
        releaseAndClose();
    d->view.stage = d->view.order ? ReturnView::Stage::Found : ReturnView::Stage::Empty;
    recompute();
}

// --- cancel, recover -------------------------------------------------------------------------

void ReturnService::releaseAndClose()
{
    if (!d->running)
        return;
    // Granted, or asked with the answer unknown (a release of a claim never granted is a no-op).
    if (!d->running->claimId.isEmpty()
        && (d->running->claimState == QLatin1String("granted")
            || d->running->claimState == QLatin1String("asking"))) {
        const Core::Status released
            = d->client ? d->client->releaseClaim(d->running->claimId) : needsNetwork();
        if (!released && released.error().code != QLatin1String("claim.unknown"))
            qWarning().noquote() << "return: release of claim" << d->running->claimId
                                 << "deferred:" << released.error().code;
        // A claim not released now stays open on the server until its time-out there.
        d->running->claimState = QStringLiteral("released");
        (void)d->ledger->saveSession(*d->running);
    }
    (void)d->ledger->finishSession(d->running->id, QStringLiteral("cancelled"), d->clock.nowUtc());
    d->running.reset();
}

Core::Status ReturnService::cancel()
{
    if (d->running) {
        const bool cardWent = std::any_of(d->running->parts.cbegin(), d->running->parts.cend(),
            [](const Store::RefundPartRecord &p) {
                return p.state == partPending
                    || (p.state == partDone && p.method == Core::name(RefundMethod::Card));
            });
        if (cardWent || !d->inFlightServiceId.isEmpty())
            return Error::make(QStringLiteral("return.busy"),
                tr("A card refund is running or done: the return cannot be abandoned now."));
        // Cash handed out is money out of the drawer: the return must be recorded, not dropped.
        const bool cashWent = std::any_of(d->running->parts.cbegin(), d->running->parts.cend(),
            [](const Store::RefundPartRecord &p) {
                return p.state == partDone && p.method == Core::name(RefundMethod::Cash);
            });
        if (cashWent)
            return Error::make(QStringLiteral("return.busy"),
                tr("Cash was already given back: finish the return (retry the card or refund "
                   "that part another way)."));
        if (d->running->exchange && d->payments && d->payments->isOpen())
            return Error::make(QStringLiteral("return.busy"),
                tr("The new sale's payment is open: cancel the payment first."));
        if (d->running->exchange)
            d->sales.setExchangeCredit(std::nullopt);
        releaseAndClose();
    }
    d->view = ReturnView();
    d->authorisations.clear();
    d->noReceipt = false;
    emit changed();
    return Core::success();
}

void ReturnService::recover()
{
    Core::Result<std::optional<Store::RefundSessionRecord>> open = d->ledger->openedSession();
    if (!open || !open->has_value())
        return;
    Store::RefundSessionRecord session = open->value();
    const QJsonObject draft = QJsonDocument::fromJson(session.draftJson).object();
    Core::Result<Core::Return> ret
        = Protocol::returnFromJson(draft.value(QStringLiteral("return")).toObject());
    Core::Result<Core::ReturnableOrder> order
        = Protocol::returnableOrderFromJson(draft.value(QStringLiteral("order")).toObject());
    if (auto policy
        = Protocol::returnPolicyFromJson(draft.value(QStringLiteral("policy")).toObject());
        policy)
        d->policy = policy.value();
    if (!ret || !order) {
        qWarning().noquote() << "return: unreadable refund session" << session.returnId
                             << (ret ? order.error().detail : ret.error().detail);
        return;
    }
    d->running = session;
    d->planned = ret.value();
    d->planned.receiptNumber.clear();
    d->plannedOrder = order.value();
    d->view = ReturnView();
    d->view.order = order.value();
    d->view.stage = ReturnView::Stage::Refunding;
    d->authorisations = ret->authorisations;
    for (const Core::ReturnableLine &line : order->lines)
        d->view.lines.append(lineView(line));

    if (session.claimState == QLatin1String("asking")) {
        // Did the server grant the claim before the crash?
        switch (settleClaim()) {
        case ClaimAnswer::Unknown:
            showParts();
            return;
        case ClaimAnswer::NeverGranted:
            d->view = ReturnView();
            emit changed();
            return;
        case ClaimAnswer::Granted:
            break;
        }
    }
    if (session.exchange) {
        // The new sale was not recorded (it would have closed this session): the credit goes
        // back to the sale in progress; clearing the basket abandons it.
        d->view.methods = Core::allowedRefundMethods(order.value(), d->policy);
        giveCredit(d->view.methods.contains(RefundMethod::Cash) ? RefundMethod::Cash
                                                                : RefundMethod::StoreCredit);
        return;
    }
    showParts();
    // A card part left pending: its outcome is asked for, never sent again blindly.
    for (Store::RefundPartRecord &part : d->running->parts) {
        if (part.state == partPending && !part.serviceId.isEmpty()) {
            if (d->terminal)
                startStatus(part, true);
            return;
        }
    }
    runParts();
}

} // namespace Toonbank::Services
