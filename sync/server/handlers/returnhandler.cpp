#include "returnhandler.h"
#include "shiftstate.h"

#include "sync/protocol/returns.h"
#include "sync/server/returnorders.h"
#include "sync/server/serverdatabase.h"

#include "app/core/loyalty.h"
#include "app/core/payment.h"
#include "app/core/permissions.h"
#include "app/core/returns.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>
#include <QUuid>

#include <map>

namespace Toonbank::Sync::Server {

using Core::Money;

namespace {

QString isoTime(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}

// The original as the handler found it, with the keys its rows are updated by.
struct LoadedOrder
{
    Core::ReturnableOrder order;
    QString saleId; // store sale: sales.sale_id
    qint64 webOrderId = 0; // web order: web_orders.id
    QList<int> tenderNos; // parallel to order.tenders
    qint64 customerId = 0; // the original's customer (0: none)
};

// What check() worked out for apply().
struct ReturnEvent
{
    Core::Return ret;
    LoadedOrder loaded; // the order as it stood before this return
    QList<Money> tenderRefunds; // per original tender: what this return refunds to it
    QHash<int, QString> tenderMethodOf; // refund index → the original tender's method
    qint64 customerId = 0; // who gets points and store credit back
};

struct Verdict
{
    QString code;
    QString reason;
    explicit operator bool() const { return code.isEmpty(); }
};

Verdict fail(const char *code, const QString &reason)
{
    return { QLatin1String(code), reason };
}

Verdict fromStatus(const Core::Error &error)
{
    return { error.code,
        error.detail.isEmpty() ? error.message
                               : QStringLiteral("%1: %2").arg(error.message, error.detail) };
}

QString orderKey(Core::ReturnOrigin origin, const QString &saleId)
{
    return Core::name(origin) + QLatin1Char(':') + saleId;
}

// What earlier returns of the same batch did to an order (not yet in its rows).
struct BatchDelta
{
    QHash<QString, int> returned; // line id → units (returns without a claim only)
    QHash<int, Money> refunded; // tender index → amount
    qint64 pointsTakenBack = 0;
    qint64 pointsGivenBack = 0;
    bool deliveryRefunded = false;
};

struct StaffRow
{
    Core::Role role = Core::Role::Cashier;
    bool active = true;
};

// The original (Protocol loadReturnableOrder, the lookup's reading of the tables) with the keys
// its rows are updated by: the sale id or web order id and the tender numbers in order.
Core::Result<std::optional<LoadedOrder>> loadOriginal(ServerDatabase &db, const Core::Return &ret)
{
    Core::Result<Core::ReturnableOrder> found
        = loadReturnableOrder(db, ret.origin, ret.originNumber, ret.originSaleId);
    if (!found) {
        if (found.error().code == QLatin1String("return.not_found"))
            return std::optional<LoadedOrder>();
        return found.error();
    }
    LoadedOrder loaded;
    loaded.order = std::move(found).value();
    loaded.customerId = loaded.order.customer ? loaded.order.customer->id : 0;
    const bool web = ret.origin == Core::ReturnOrigin::WebOrder;
    if (web)
        loaded.webOrderId = loaded.order.saleId.toLongLong();
    else
        loaded.saleId = loaded.order.saleId;
    auto tenders = web
        ? db.exec(QStringLiteral("SELECT tender_no FROM web_order_tenders WHERE order_id = ? "
                                 "ORDER BY tender_no"),
            { loaded.webOrderId })
        : db.exec(QStringLiteral("SELECT tender_no FROM sale_tenders WHERE sale_id = ? ORDER BY "
                                 "tender_no"),
            { loaded.saleId });
    if (!tenders)
        return tenders.error();
    while (tenders.value().next())
        loaded.tenderNos.append(tenders.value().value(0).toInt());
    if (loaded.tenderNos.size() != loaded.order.tenders.size())
        return Core::Error::make(QStringLiteral("db.inconsistent"), QString(),
            QStringLiteral("the tenders of %1 changed while reading").arg(loaded.order.number));
    return std::optional<LoadedOrder>(std::move(loaded));
}

// The customer a card number names (its own or one merged into it); 0 when unknown.
Core::Result<qint64> customerByCard(ServerDatabase &db, const QString &card)
{
    if (card.isEmpty())
        return qint64(0);
    auto q = db.exec(QStringLiteral("SELECT id FROM customers WHERE card_number = ? UNION ALL "
                                    "SELECT customer_id FROM customer_card_aliases WHERE "
                                    "card_number = ?"),
        { card, card });
    if (!q)
        return q.error();
    return q.value().next() ? q.value().value(0).toLongLong() : qint64(0);
}

// Which original tender each refund part goes back to: the tenders its method gives back to
// (Core::refundMethodForTender), the one its reference names first, in order, never more
// than a tender can still take (the last one takes any rest). Parts of another method (store
// credit or a gift card instead of the original, an exchange) touch no tender.
QList<Money> allocateToTenders(const Core::ReturnableOrder &order,
    const QList<Core::Refund> &refunds, QHash<int, QString> *methodOf)
{
    QList<Money> allocated(order.tenders.size());
    for (qsizetype p = 0; p < refunds.size(); ++p) {
        const Core::Refund &part = refunds.at(p);
        QList<qsizetype> candidates;
        QList<qsizetype> named;
        for (qsizetype i = 0; i < order.tenders.size(); ++i) {
            const Core::OriginalTender &t = order.tenders.at(i);
            if (Core::refundMethodForTender(t.method, order.origin) != part.method)
                continue;
            candidates.append(i);
            bool names = false;
            switch (part.method) {
            case Core::RefundMethod::Card:
            case Core::RefundMethod::WebPayment:
                names = !t.reference.isEmpty()
                    && (part.originalReference == t.reference || part.reference == t.reference);
                break;
            case Core::RefundMethod::GiftCard: {
                const auto a = Core::normaliseGiftCardNumber(part.reference);
                const auto b = Core::normaliseGiftCardNumber(t.reference);
                names = a && b && a.value() == b.value();
                break;
            }
            default:
                names = true;
            }
            if (names)
                named.append(i);
        }
        if (candidates.isEmpty())
            continue;
        if (part.method == Core::RefundMethod::GiftCard && named.isEmpty())
            continue; // onto another (new) card: no original tender
        const QList<qsizetype> &order_ = named.isEmpty() ? candidates : named;
        if (methodOf)
            methodOf->insert(int(p), order.tenders.at(order_.first()).method);
        Money left = part.amount;
        for (qsizetype k = 0; k < order_.size() && left.cents() > 0; ++k) {
            const qsizetype i = order_.at(k);
            const Money room = order.tenders.at(i).refundable() - allocated.at(i);
            const bool last = k + 1 == order_.size();
            const Money take
                = last ? left : Money::fromCents(qMin(left.cents(), qMax<qint64>(0, room.cents())));
            allocated[i] += take;
            left -= take;
        }
    }
    return allocated;
}

} // namespace

Core::Result<std::any> ReturnHandler::parse(
    const DeviceIdentity &device, const Protocol::EventEnvelope &envelope) const
{
    Core::Result<Core::Return> parsed = Protocol::returnFromJson(envelope.payload);
    if (!parsed)
        return parsed.error();
    ReturnEvent event;
    event.ret = std::move(parsed).value();
    const Core::Return &ret = event.ret;
    if (ret.storeCode != device.locationCode)
        return Core::Error::make(QStringLiteral("scope.location"), QString(),
            QStringLiteral("return of store %1 pushed by a device of store %2")
                .arg(ret.storeCode.left(20), device.locationCode));
    if (ret.staffId != envelope.staffId)
        return Core::Error::make(QStringLiteral("return.staff_mismatch"), QString(),
            QStringLiteral("return of staff %1 in an event of staff %2")
                .arg(ret.staffId)
                .arg(envelope.staffId));
    return std::any(std::move(event));
}

Core::Status ReturnHandler::check(BatchContext &context, const QList<BatchEvent *> &events)
{
    ServerDatabase &db = context.db;
    const Core::LoyaltyRules loyalty = Core::LoyaltyRules::defaults();
    const QTimeZone timeZone = QTimeZone::systemTimeZone();

    Core::Result<Core::ReturnPolicy> policyLoaded = loadReturnPolicy(db, context.device.locationId);
    if (!policyLoaded)
        return policyLoaded.error();
    const Core::ReturnPolicy policy = policyLoaded.value();
    bool cashRounding = true;
    {
        auto location = db.exec(QStringLiteral("SELECT cash_rounding FROM locations WHERE id = ?"),
            { context.device.locationId });
        if (!location)
            return location.error();
        if (location.value().next())
            cashRounding = location.value().value(0).toInt() != 0;
    }

    QHash<QString, BatchDelta> deltas; // by orderKey
    QSet<QString> idsInBatch;
    QSet<QString> receiptsInBatch;
    QSet<QString> claimsInBatch;
    const ShiftBatch shifts(context.batch, false);
    for (BatchEvent *event : events) {
        auto &data = event->as<ReturnEvent>();
        const Core::Return &ret = data.ret;
        auto reject = [event](const Verdict &v) { event->reject(v.code, v.reason); };

        // The same return (or receipt number) under another event.
        auto known = db.exec(QStringLiteral("SELECT return_id FROM returns WHERE return_id = ? "
                                            "OR receipt_number = ?"),
            { ret.returnId, ret.receiptNumber });
        if (!known)
            return known.error();
        if (known.value().next() || idsInBatch.contains(ret.returnId)
            || receiptsInBatch.contains(ret.receiptNumber)) {
            reject(fail("return.duplicate",
                QStringLiteral("return %1 (%2) was already recorded under another event")
                    .arg(ret.returnId, ret.receiptNumber)));
            continue;
        }
        known.value().finish();

        // The shift the tablet put the return in: an open shift of this store.
        Core::Result<std::optional<QString>> refused = shiftRefusal(
            db, shifts, ret.shiftId, context.device.locationCode, shifts.indexOf(event->envelope));
        if (!refused)
            return refused.error();
        if (refused.value()) {
            reject(fail("shift.not_open", *refused.value()));
            continue;
        }

        // Every recorded approval comes from an active staff member whose role allows it.
        bool approvalsValid = true;
        QSet<Core::Permission> approved;
        QSet<QString> exceptionLines; // "" = the whole return
        for (const Core::Authorisation &a : ret.authorisations) {
            auto staff = db.exec(
                QStringLiteral("SELECT role, active FROM staff WHERE id = ?"), { a.approvedBy });
            if (!staff)
                return staff.error();
            const bool found = staff.value().next();
            const auto role = found ? Core::roleFromName(staff.value().value(0).toString())
                                    : std::optional<Core::Role>();
            if (!found || !role || staff.value().value(1).toInt() == 0
                || !Core::allows(*role, a.permission)) {
                reject(fail("return.approval_missing",
                    QStringLiteral("staff %1 may not approve %2")
                        .arg(a.approvedBy)
                        .arg(Core::name(a.permission))));
                approvalsValid = false;
                break;
            }
            approved.insert(a.permission);
            if (a.permission == Core::Permission::ApproveReturnException)
                exceptionLines.insert(a.lineId);
        }
        if (!approvalsValid)
            continue;

        // Who gets points and store credit back: the original's customer, or the return's.
        auto resolveCustomer = [&](qint64 fallback) -> Core::Result<qint64> {
            if (fallback != 0)
                return fallback;
            if (!ret.customer)
                return qint64(0);
            if (ret.customer->id != 0)
                return ret.customer->id;
            return customerByCard(db, ret.customer->code);
        };

        Core::ReturnableOrder checkOrder;
        LoadedOrder loaded;
        if (ret.origin == Core::ReturnOrigin::NoReceipt) {
            if (!approved.contains(Core::Permission::RefundWithoutReceipt)) {
                reject(fail("return.approval_missing",
                    QStringLiteral("a return without receipt needs a manager's approval")));
                continue;
            }
            // Today's price (or a promotion price valid on the day) × quantity.
            Verdict verdict;
            for (const Core::ReturnLine &line : ret.lines) {
                auto product
                    = db.exec(QStringLiteral("SELECT sku, data FROM products WHERE id = ?"),
                        { line.productId });
                if (!product)
                    return product.error();
                if (!product.value().next() || product.value().value(0).toString() != line.sku) {
                    verdict = fail("return.unknown_product",
                        QStringLiteral("line %1: product %2 (%3) is unknown")
                            .arg(line.lineId)
                            .arg(line.productId)
                            .arg(line.sku.left(40)));
                    break;
                }
                const QJsonObject data
                    = QJsonDocument::fromJson(product.value().value(1).toString().toUtf8())
                          .object();
                QList<qint64> prices { data.value(QStringLiteral("priceCents")).toInteger() };
                const QDate day = ret.returnedAt.toTimeZone(timeZone).date();
                const QDate from = QDate::fromString(
                    data.value(QStringLiteral("promoFrom")).toString(), Qt::ISODate);
                const QDate until = QDate::fromString(
                    data.value(QStringLiteral("promoUntil")).toString(), Qt::ISODate);
                if (data.contains(QStringLiteral("promoPriceCents"))
                    && (!from.isValid() || from <= day) && (!until.isValid() || day <= until))
                    prices.append(data.value(QStringLiteral("promoPriceCents")).toInteger());
                bool explained = false;
                for (qint64 price : prices)
                    explained = explained || Money::fromCents(price) * line.quantity == line.refund;
                if (!explained) {
                    verdict = fail("return.refund_mismatch",
                        QStringLiteral("line %1: %2 × %3 is not the refund %4 at today's price")
                            .arg(line.lineId)
                            .arg(line.quantity)
                            .arg(Money::fromCents(prices.first()).toPlainString(),
                                line.refund.toPlainString()));
                    break;
                }
            }
            if (!verdict) {
                reject(verdict);
                continue;
            }
            if (ret.delivery.cents() != 0 || ret.pointsTakenBack != 0 || ret.pointsGivenBack != 0) {
                reject(fail("return.refund_mismatch",
                    QStringLiteral("a return without receipt refunds no delivery and no points")));
                continue;
            }
            checkOrder.origin = Core::ReturnOrigin::NoReceipt;
            checkOrder.customer = ret.customer;
            loaded.order = checkOrder;
        } else {
            // The original, and whether the number is a return.
            auto isReturn = db.exec(
                QStringLiteral("SELECT 1 FROM returns WHERE receipt_number = ? OR return_id = ?"),
                { ret.originNumber, ret.originSaleId });
            if (!isReturn)
                return isReturn.error();
            if (isReturn.value().next()) {
                reject(fail("return.of_return",
                    QStringLiteral("%1 is a return; a return is never returned")
                        .arg(ret.originNumber.left(40))));
                continue;
            }
            isReturn.value().finish();
            Core::Result<std::optional<LoadedOrder>> found = loadOriginal(db, ret);
            if (!found)
                return found.error();
            if (!found.value()
                || (!ret.originSaleId.isEmpty()
                    && found.value()->order.saleId != ret.originSaleId)) {
                reject(fail("return.not_found",
                    QStringLiteral("no %1 %2 (%3) on the server")
                        .arg(Core::name(ret.origin), ret.originNumber.left(40),
                            ret.originSaleId.left(40))));
                continue;
            }
            loaded = std::move(*found.value());

            // A training sale never happened: only a training return takes it back.
            if (!ret.training && ret.origin == Core::ReturnOrigin::StoreSale) {
                auto training
                    = db.exec(QStringLiteral("SELECT training FROM sales WHERE sale_id = ?"),
                        { loaded.saleId });
                if (!training)
                    return training.error();
                if (training.value().next() && training.value().value(0).toInt() != 0) {
                    reject(fail("return.training_sale",
                        QStringLiteral("%1 was a training sale; only a training return can take "
                                       "it back")
                            .arg(loaded.order.number.left(40))));
                    continue;
                }
            }

            // The quantities per original line this return takes.
            std::map<QString, int> asked;
            for (const Core::ReturnLine &line : ret.lines)
                asked[line.originalLineId] += line.quantity;

            bool conflict = false;
            if (!ret.claimId.isEmpty()) {
                // The claim already holds the quantities: it must be exactly this return's.
                auto claim = db.exec(
                    QStringLiteral("SELECT return_id, origin, origin_sale_id, origin_number, "
                                   "state, used_by_return FROM return_claims WHERE claim_id = ?"),
                    { ret.claimId });
                if (!claim)
                    return claim.error();
                if (!claim.value().next()) {
                    reject(fail("claim.unknown",
                        QStringLiteral("the server granted no claim %1")
                            .arg(ret.claimId.left(60))));
                    continue;
                }
                const QSqlQuery &c = claim.value();
                const QString state = c.value(4).toString();
                if (c.value(0).toString() != ret.returnId
                    || c.value(1).toString() != Core::name(ret.origin)
                    || c.value(2).toString() != loaded.order.saleId
                    || c.value(3).toString() != loaded.order.number) {
                    reject(fail("claim.mismatch",
                        QStringLiteral("claim %1 is for return %2 of %3, not return %4 of %5")
                            .arg(ret.claimId.left(60), c.value(0).toString(), c.value(3).toString(),
                                ret.returnId, loaded.order.number)));
                    continue;
                }
                if (state == QLatin1String("released")) {
                    reject(fail("claim.released",
                        QStringLiteral("claim %1 was released before the return arrived")
                            .arg(ret.claimId.left(60))));
                    continue;
                }
                if ((state == QLatin1String("used") && c.value(5).toString() != ret.returnId)
                    || claimsInBatch.contains(ret.claimId)) {
                    reject(fail("claim.used",
                        QStringLiteral("claim %1 was used by another return")
                            .arg(ret.claimId.left(60))));
                    continue;
                }
                claim.value().finish();
                auto claimLines = db.exec(QStringLiteral("SELECT line_id, quantity, "
                                                         "returned_before FROM return_claim_lines "
                                                         "WHERE claim_id = ?"),
                    { ret.claimId });
                if (!claimLines)
                    return claimLines.error();
                std::map<QString, int> claimed;
                QHash<QString, int> returnedBefore;
                while (claimLines.value().next()) {
                    const QString lineId = claimLines.value().value(0).toString();
                    claimed[lineId] = claimLines.value().value(1).toInt();
                    returnedBefore.insert(lineId, claimLines.value().value(2).toInt());
                }
                if (claimed != asked) {
                    reject(fail("claim.mismatch",
                        QStringLiteral("claim %1 holds other lines or quantities than return %2")
                            .arg(ret.claimId.left(60), ret.returnId)));
                    continue;
                }
                // Returned before this return = the line's returned_quantity just before the
                // claim's UPDATE (not returned − this claim: that would still count the claims
                // granted after this one, whose returns may not have arrived yet).
                for (Core::ReturnableLine &line : loaded.order.lines) {
                    if (auto it = returnedBefore.constFind(line.lineId);
                        it != returnedBefore.constEnd())
                        line.returned = qMax(0, *it);
                }
            } else if (!ret.training
                && (ret.origin != Core::ReturnOrigin::StoreSale
                    || loaded.order.storeCode != ret.storeCode)) {
                // (A training return claims nothing: it takes nothing from the order.)
                reject(fail("return.claim_missing",
                    QStringLiteral("a return of %1 needs a server claim (only a store's own sale "
                                   "can be returned offline)")
                        .arg(loaded.order.number.left(40))));
                continue;
            }

            // What earlier returns of this batch did.
            const BatchDelta delta = deltas.value(orderKey(ret.origin, loaded.order.saleId));
            for (Core::ReturnableLine &line : loaded.order.lines)
                line.returned += delta.returned.value(line.lineId);
            for (qsizetype i = 0; i < loaded.order.tenders.size(); ++i)
                loaded.order.tenders[i].refunded += delta.refunded.value(int(i));
            loaded.order.pointsTakenBack += delta.pointsTakenBack;
            for (Core::OriginalTender &t : loaded.order.tenders) {
                if (t.method == QLatin1String("loyalty_points")) {
                    t.pointsGivenBack += delta.pointsGivenBack;
                    break;
                }
            }
            loaded.order.deliveryRefunded = loaded.order.deliveryRefunded || delta.deliveryRefunded;

            // An offline return of the store's own sale that meets a line already returned
            // elsewhere: the money left the drawer, so it is checked as the tablet saw the sale
            // (only its own earlier returns) and flagged when applied.
            checkOrder = loaded.order;
            if (ret.claimId.isEmpty() && !ret.training) {
                for (Core::ReturnableLine &line : checkOrder.lines) {
                    const auto it = asked.find(line.lineId);
                    if (it != asked.end() && line.returned + it->second > line.sold) {
                        conflict = true;
                        line.returned = qMax(0, line.sold - it->second);
                    }
                }
                if (conflict) {
                    for (Core::OriginalTender &t : checkOrder.tenders)
                        t.refunded = Money();
                }
            }

            // The core's line rules, an exception only with a valid approval.
            Verdict verdict;
            for (const auto &[lineId, quantity] : asked) {
                Core::ReturnRequestLine request;
                request.lineId = lineId;
                request.quantity = quantity;
                bool exception
                    = exceptionLines.contains(QString()) || exceptionLines.contains(lineId);
                for (const Core::ReturnLine &line : ret.lines) {
                    if (line.originalLineId == lineId && exceptionLines.contains(line.lineId))
                        exception = true;
                }
                const QDate today = ret.returnedAt.toTimeZone(timeZone).date();
                if (Core::Status ok = Core::checkReturnLine(
                        checkOrder, request, policy, today, timeZone, exception);
                    !ok) {
                    const QString code = ok.error().code;
                    if (code == QLatin1String("return.window_passed")
                        || code == QLatin1String("return.final_sale"))
                        verdict = { QStringLiteral("return.approval_missing"),
                            QStringLiteral("line %1 needs an approved exception (%2): %3")
                                .arg(lineId, code,
                                    ok.error().detail.isEmpty() ? ok.error().message
                                                                : ok.error().detail) };
                    else
                        verdict = fromStatus(ok.error());
                    break;
                }
            }
            if (!verdict) {
                reject(verdict);
                continue;
            }

            // Each line refunds its paid share.
            QHash<QString, int> before;
            QList<Core::ReturnRequestLine> requests;
            for (const Core::ReturnLine &line : ret.lines) {
                const Core::ReturnableLine *original = nullptr;
                for (const Core::ReturnableLine &l : checkOrder.lines) {
                    if (l.lineId == line.originalLineId)
                        original = &l;
                }
                if (!original)
                    break; // checkReturnLine rejected it above
                if (original->productId != line.productId || original->sku != line.sku) {
                    verdict = fail("return.line_mismatch",
                        QStringLiteral("line %1 is %2, the original line %3 is %4")
                            .arg(line.lineId, line.sku.left(40), original->lineId, original->sku));
                    break;
                }
                const int already = original->returned + before.value(line.originalLineId);
                const Money share
                    = Core::paidShare(original->lineTotal, original->sold, already, line.quantity);
                if (share != line.refund) {
                    verdict = fail("return.refund_mismatch",
                        QStringLiteral("line %1 refunds %2, its paid share is %3")
                            .arg(line.lineId, line.refund.toPlainString(), share.toPlainString()));
                    break;
                }
                before[line.originalLineId] += line.quantity;
                Core::ReturnRequestLine request;
                request.lineId = line.originalLineId;
                request.quantity = line.quantity;
                request.reason = line.reason;
                request.condition = line.condition;
                requests.append(request);
            }
            if (!verdict) {
                reject(verdict);
                continue;
            }
            Core::Result<Core::RefundPlan> plan = Core::planRefund(checkOrder, requests, loyalty);
            if (!plan) {
                reject(fromStatus(plan.error()));
                continue;
            }
            if (plan->delivery != ret.delivery) {
                reject(fail("return.delivery_mismatch",
                    QStringLiteral("the return refunds %1 delivery, the rules give %2 (only a "
                                   "full withdrawal refunds the delivery)")
                        .arg(ret.delivery.toPlainString(), plan->delivery.toPlainString())));
                continue;
            }
            if (plan->pointsTakenBack != ret.pointsTakenBack
                || plan->pointsGivenBack != ret.pointsGivenBack) {
                reject(fail("return.points_mismatch",
                    QStringLiteral(
                        "%1 points taken back and %2 given back, the rules give %3 and %4")
                        .arg(ret.pointsTakenBack)
                        .arg(ret.pointsGivenBack)
                        .arg(plan->pointsTakenBack)
                        .arg(plan->pointsGivenBack)));
                continue;
            }
            // Whatever method staff chose, the redeemed points go back as points, once.
            if (Core::Status points = Core::checkPointsRefunds(*plan, ret.refunds); !points) {
                reject(fromStatus(points.error()));
                continue;
            }
        }

        if (Core::Status refunds = Core::checkRefunds(
                checkOrder, ret.refunds, ret.total, ret.rounding, policy, cashRounding);
            !refunds) {
            reject(fromStatus(refunds.error()));
            continue;
        }

        Core::Result<qint64> customer = resolveCustomer(loaded.customerId);
        if (!customer)
            return customer.error();
        data.customerId = customer.value();
        // Store credit goes to a customer the server knows; a gift card refund to an active card.
        Verdict verdict;
        for (const Core::Refund &part : ret.refunds) {
            if (part.method == Core::RefundMethod::StoreCredit) {
                Core::Result<qint64> holder = customerByCard(db, part.reference);
                if (!holder)
                    return holder.error();
                if (holder.value() == 0 && data.customerId == 0) {
                    verdict = fail("customer.unknown",
                        QStringLiteral("store credit for card %1: no such customer")
                            .arg(part.reference.left(40)));
                    break;
                }
            } else if (part.method == Core::RefundMethod::GiftCard) {
                const Core::Result<QString> number = Core::normaliseGiftCardNumber(part.reference);
                if (!number) {
                    verdict = fail("refund.reference_missing",
                        QStringLiteral("gift card refund to %1: not a card number")
                            .arg(part.reference.left(40)));
                    break;
                }
                // A customer's loyalty card is no gift card: never activate one in its name.
                Core::Result<qint64> holder = customerByCard(db, number.value());
                if (!holder)
                    return holder.error();
                if (holder.value() != 0) {
                    verdict = fail("refund.reference_missing",
                        QStringLiteral("gift card refund to %1: that is a customer's card")
                            .arg(number.value()));
                    break;
                }
                auto card = db.exec(QStringLiteral("SELECT state FROM gift_cards WHERE number = ?"),
                    { number.value() });
                if (!card)
                    return card.error();
                if (card.value().next()
                    && card.value().value(0).toString() != QLatin1String("active")) {
                    verdict = fail("giftcard.inactive",
                        QStringLiteral("gift card %1 is blocked and cannot be topped up")
                            .arg(number.value()));
                    break;
                }
            }
        }
        if (!verdict) {
            reject(verdict);
            continue;
        }

        data.loaded = loaded;
        data.tenderRefunds = allocateToTenders(loaded.order, ret.refunds, &data.tenderMethodOf);
        idsInBatch.insert(ret.returnId);
        receiptsInBatch.insert(ret.receiptNumber);
        if (!ret.claimId.isEmpty())
            claimsInBatch.insert(ret.claimId);
        if (ret.origin != Core::ReturnOrigin::NoReceipt && !ret.training) {
            BatchDelta &delta = deltas[orderKey(ret.origin, loaded.order.saleId)];
            if (ret.claimId.isEmpty()) {
                for (const Core::ReturnLine &line : ret.lines)
                    delta.returned[line.originalLineId] += line.quantity;
            }
            for (qsizetype i = 0; i < data.tenderRefunds.size(); ++i)
                delta.refunded[int(i)] += data.tenderRefunds.at(i);
            delta.pointsTakenBack += ret.pointsTakenBack;
            delta.pointsGivenBack += ret.pointsGivenBack;
            delta.deliveryRefunded = delta.deliveryRefunded || ret.delivery.cents() > 0;
        }
    }
    return Core::success();
}

Core::Status ReturnHandler::apply(BatchContext &context, const QList<BatchEvent *> &events)
{
    ServerDatabase &db = context.db;
    QList<QVariantList> returnRows;
    QList<QVariantList> lineRows;
    QList<QVariantList> refundRows;
    QList<QVariantList> authorisationRows;
    for (BatchEvent *event : events) {
        const auto &data = event->as<ReturnEvent>();
        const Core::Return &ret = data.ret;
        returnRows.append({ ret.returnId, event->envelope->eventId, ret.receiptNumber,
            context.device.locationId, ret.storeCode, context.device.deviceId, ret.staffId,
            isoTime(ret.returnedAt), Core::name(ret.origin), ret.originNumber,
            ret.origin == Core::ReturnOrigin::NoReceipt ? QString() : data.loaded.order.saleId,
            ret.claimId, ret.goods.cents(), ret.delivery.cents(), ret.total.cents(),
            ret.rounding.cents(), data.customerId, ret.pointsTakenBack, ret.pointsGivenBack,
            ret.exchangeSaleId, ret.training ? 1 : 0, ret.shiftId });
        int lineNo = 0;
        for (const Core::ReturnLine &line : ret.lines)
            lineRows.append({ ret.returnId, ++lineNo, line.lineId, line.originalLineId,
                line.productId, line.sku, line.name, line.quantity, line.refund.cents(),
                line.vatBasisPoints, Core::name(line.reason), Core::name(line.condition) });
        int refundNo = 0;
        for (const Core::Refund &r : ret.refunds)
            refundRows.append({ ret.returnId, ++refundNo, Core::name(r.method), r.amount.cents(),
                r.reference, r.originalReference, r.claimId, r.points });
        int authorisationNo = 0;
        for (const Core::Authorisation &a : ret.authorisations)
            authorisationRows.append(
                { ret.returnId, ++authorisationNo, Core::name(a.permission), a.requestedBy,
                    a.approvedBy, a.lineId, a.amount.cents(), a.reason, isoTime(a.approvedAt) });
    }
    const QList<std::tuple<QString, QStringList, const QList<QVariantList> *>> tables {
        { QStringLiteral("returns"),
            { QStringLiteral("return_id"), QStringLiteral("event_id"),
                QStringLiteral("receipt_number"), QStringLiteral("location_id"),
                QStringLiteral("store_code"), QStringLiteral("device_id"),
                QStringLiteral("staff_id"), QStringLiteral("returned_at"), QStringLiteral("origin"),
                QStringLiteral("origin_number"), QStringLiteral("origin_sale_id"),
                QStringLiteral("claim_id"), QStringLiteral("goods_cents"),
                QStringLiteral("delivery_cents"), QStringLiteral("total_cents"),
                QStringLiteral("rounding_cents"), QStringLiteral("customer_id"),
                QStringLiteral("points_taken_back"), QStringLiteral("points_given_back"),
                QStringLiteral("exchange_sale_id"), QStringLiteral("training"),
                QStringLiteral("shift_id") },
            &returnRows },
        { QStringLiteral("return_lines"),
            { QStringLiteral("return_id"), QStringLiteral("line_no"), QStringLiteral("line_id"),
                QStringLiteral("original_line_id"), QStringLiteral("product_id"),
                QStringLiteral("sku"), QStringLiteral("name"), QStringLiteral("quantity"),
                QStringLiteral("refund_cents"), QStringLiteral("vat_basis_points"),
                QStringLiteral("reason"), QStringLiteral("item_condition") },
            &lineRows },
        { QStringLiteral("return_refunds"),
            { QStringLiteral("return_id"), QStringLiteral("refund_no"), QStringLiteral("method"),
                QStringLiteral("amount_cents"), QStringLiteral("reference"),
                QStringLiteral("original_reference"), QStringLiteral("claim_id"),
                QStringLiteral("points") },
            &refundRows },
        { QStringLiteral("return_authorisations"),
            { QStringLiteral("return_id"), QStringLiteral("authorisation_no"),
                QStringLiteral("permission"), QStringLiteral("requested_by"),
                QStringLiteral("approved_by"), QStringLiteral("line_id"),
                QStringLiteral("amount_cents"), QStringLiteral("reason"),
                QStringLiteral("approved_at") },
            &authorisationRows },
    };
    for (const auto &[table, columns, rows] : tables) {
        if (Core::Status s = db.insertRows(table, columns, *rows); !s)
            return s;
    }

    std::map<qint64, qint64> resellable; // product → units back on this store's shelf
    QList<ReturnEvent *> withPoints;
    for (BatchEvent *event : events) {
        auto &data = event->as<ReturnEvent>();
        const Core::Return &ret = data.ret;
        const LoadedOrder &loaded = data.loaded;

        // The claim is used now, by this return only.
        if (!ret.claimId.isEmpty()) {
            auto used = db.exec(QStringLiteral("UPDATE return_claims SET state = 'used', "
                                               "used_by_return = ? WHERE claim_id = ? AND (state "
                                               "= 'claimed' OR (state = 'used' AND "
                                               "used_by_return = ?)) RETURNING claim_id"),
                { ret.returnId, ret.claimId, ret.returnId });
            if (!used)
                return used.error();
            if (!used.value().next())
                return Core::Error::make(QStringLiteral("claim.state"), QString(),
                    QStringLiteral("claim %1 of return %2 is no longer claimed")
                        .arg(ret.claimId, ret.returnId));
        }
        if (ret.training)
            continue; // a training return moves no goods, money or points

        // Without a claim (an offline return of the store's own sale) the return counts its
        // quantities itself, only where they are still returnable; otherwise it is flagged.
        if (ret.claimId.isEmpty() && ret.origin == Core::ReturnOrigin::StoreSale) {
            std::map<QString, int> asked;
            for (const Core::ReturnLine &line : ret.lines)
                asked[line.originalLineId] += line.quantity;
            QStringList conflicted;
            for (const auto &[lineId, quantity] : asked) {
                auto counted = db.exec(
                    QStringLiteral("UPDATE sale_lines SET returned_quantity = returned_quantity "
                                   "+ ? WHERE sale_id = ? AND line_id = ? AND returned_quantity + "
                                   "? <= quantity RETURNING returned_quantity"),
                    { quantity, loaded.saleId, lineId, quantity });
                if (!counted)
                    return counted.error();
                if (counted.value().next())
                    continue;
                counted.value().finish();
                auto left = db.exec(QStringLiteral("SELECT quantity - returned_quantity FROM "
                                                   "sale_lines WHERE sale_id = ? AND line_id = ?"),
                    { loaded.saleId, lineId });
                if (!left)
                    return left.error();
                const int returnable = left.value().next() ? left.value().value(0).toInt() : 0;
                left.value().finish();
                auto flagged = db.exec(
                    QStringLiteral("INSERT INTO return_conflicts(return_id, line_id, "
                                   "origin_number, store_code, asked, returnable, detected_at) "
                                   "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(return_id, line_id) "
                                   "DO NOTHING"),
                    { ret.returnId, lineId, loaded.order.number, ret.storeCode, quantity,
                        returnable, context.now });
                if (!flagged)
                    return flagged.error();
                conflicted.append(lineId);
            }
            if (!conflicted.isEmpty()) {
                auto marked
                    = db.exec(QStringLiteral("UPDATE returns SET conflict = ? WHERE return_id = ?"),
                        { QStringLiteral("returned_quantity:") + conflicted.join(QLatin1Char(',')),
                            ret.returnId });
                if (!marked)
                    return marked.error();
            }
        }

        // What went back to each original tender (conditional: never above what it paid).
        for (qsizetype i = 0; i < data.tenderRefunds.size(); ++i) {
            const qint64 cents = data.tenderRefunds.at(i).cents();
            if (cents <= 0)
                continue;
            const bool web = ret.origin == Core::ReturnOrigin::WebOrder;
            const QString table
                = web ? QStringLiteral("web_order_tenders") : QStringLiteral("sale_tenders");
            const QString key = web ? QStringLiteral("order_id") : QStringLiteral("sale_id");
            const QVariant id = web ? QVariant(loaded.webOrderId) : QVariant(loaded.saleId);
            const int tenderNo = loaded.tenderNos.at(i);
            auto refunded = db.exec(QStringLiteral("UPDATE %1 SET refunded_cents = "
                                                   "refunded_cents + ? WHERE %2 = ? AND "
                                                   "tender_no = ? AND refunded_cents + ? <= "
                                                   "amount_cents RETURNING tender_no")
                                        .arg(table, key),
                { cents, id, tenderNo, cents });
            if (!refunded)
                return refunded.error();
            if (refunded.value().next())
                continue;
            refunded.value().finish();
            // Only an offline return that met another store's refund gets here: the tender is
            // fully refunded now, never more.
            auto capped = db.exec(
                QStringLiteral(
                    "UPDATE %1 SET refunded_cents = amount_cents WHERE %2 = ? AND tender_no = ?")
                    .arg(table, key),
                { id, tenderNo });
            if (!capped)
                return capped.error();
        }

        // Goods: back on this store's shelf, or to the damaged location.
        for (const Core::ReturnLine &line : ret.lines) {
            if (line.condition == Core::ItemCondition::Resellable) {
                resellable[line.productId] += line.quantity;
                continue;
            }
            auto damaged = db.exec(
                QStringLiteral("INSERT INTO damaged_stock(product_id, location_id, quantity) "
                               "VALUES (?, ?, ?) ON CONFLICT(product_id, location_id) DO UPDATE "
                               "SET quantity = damaged_stock.quantity + excluded.quantity"),
                { line.productId, context.device.locationId, line.quantity });
            if (!damaged)
                return damaged.error();
        }

        // Money that stays with us: store credit, gift cards, web refund requests.
        const QDate returnedOn = ret.returnedAt.toLocalTime().date();
        for (qsizetype p = 0; p < ret.refunds.size(); ++p) {
            const Core::Refund &part = ret.refunds.at(p);
            switch (part.method) {
            case Core::RefundMethod::StoreCredit: {
                Core::Result<qint64> holder = customerByCard(db, part.reference);
                if (!holder)
                    return holder.error();
                const qint64 customerId = holder.value() != 0 ? holder.value() : data.customerId;
                auto credited = db.exec(
                    QStringLiteral("INSERT INTO store_credit(customer_id, balance_cents) VALUES "
                                   "(?, ?) ON CONFLICT(customer_id) DO UPDATE SET balance_cents "
                                   "= store_credit.balance_cents + excluded.balance_cents"),
                    { customerId, part.amount.cents() });
                if (!credited)
                    return credited.error();
                break;
            }
            case Core::RefundMethod::GiftCard: {
                const Core::Result<QString> number = Core::normaliseGiftCardNumber(part.reference);
                if (!number)
                    break; // check() refused it
                auto loaded_ = db.exec(
                    QStringLiteral(
                        "INSERT INTO gift_cards(number, balance_cents, issued_at, expires_on, "
                        "state, issued_by_sale, store) VALUES (?, ?, ?, ?, 'active', ?, ?) "
                        "ON CONFLICT(number) DO UPDATE SET balance_cents = "
                        "gift_cards.balance_cents + excluded.balance_cents, expires_on = CASE "
                        "WHEN gift_cards.expires_on IS NULL THEN NULL WHEN gift_cards.expires_on "
                        "< excluded.expires_on THEN excluded.expires_on ELSE "
                        "gift_cards.expires_on END"),
                    { number.value(), part.amount.cents(), isoTime(ret.returnedAt),
                        Core::giftCardExpiry(returnedOn).toString(Qt::ISODate), ret.returnId,
                        ret.storeCode });
                if (!loaded_)
                    return loaded_.error();
                break;
            }
            case Core::RefundMethod::WebPayment: {
                const QString psp
                    = part.originalReference.isEmpty() ? part.reference : part.originalReference;
                auto requested = db.exec(
                    QStringLiteral("INSERT INTO web_refunds(id, return_id, order_number, method, "
                                   "psp_reference, amount_cents, store_code, state, created_at) "
                                   "VALUES (?, ?, ?, ?, ?, ?, ?, 'requested', ?) "
                                   "ON CONFLICT(return_id, psp_reference) DO NOTHING"),
                    { QUuid::createUuid().toString(QUuid::WithoutBraces), ret.returnId,
                        ret.originNumber,
                        data.tenderMethodOf.value(int(p), Core::name(part.method)), psp,
                        part.amount.cents(), ret.storeCode, context.now });
                if (!requested)
                    return requested.error();
                break;
            }
            default:
                break;
            }
        }

        if (ret.origin == Core::ReturnOrigin::WebOrder && ret.delivery.cents() > 0) {
            auto delivery
                = db.exec(QStringLiteral("UPDATE web_orders SET delivery_refunded_cents = "
                                         "delivery_refunded_cents + ? WHERE id = ? AND "
                                         "delivery_refunded_cents + ? <= delivery_cents"),
                    { ret.delivery.cents(), loaded.webOrderId, ret.delivery.cents() });
            if (!delivery)
                return delivery.error();
        }
        if (ret.origin == Core::ReturnOrigin::StoreSale && ret.pointsTakenBack > 0) {
            auto taken = db.exec(QStringLiteral("UPDATE sales SET points_taken_back = "
                                                "points_taken_back + ? WHERE sale_id = ?"),
                { ret.pointsTakenBack, loaded.saleId });
            if (!taken)
                return taken.error();
        }
        if (data.customerId != 0 && (ret.pointsTakenBack != 0 || ret.pointsGivenBack != 0))
            withPoints.append(&data);
    }

    // Stock back (and the customers whose points move) get change_seq numbers, like a sale's.
    Core::Result<qint64> firstSeq
        = db.reserveSequence(qint64(resellable.size()) + withPoints.size());
    if (!firstSeq)
        return firstSeq.error();
    qint64 seq = firstSeq.value();
    QList<QVariantList> stockRows;
    for (const auto &[productId, units] : resellable)
        stockRows.append({ productId, context.device.locationId, units, context.now, seq++ });
    if (Core::Status s = db.addStock(stockRows); !s)
        return s;

    // Loyalty: once per (event, customer, reason); only rows inserted here move the balance.
    for (BatchEvent *event : events) {
        auto &data = event->as<ReturnEvent>();
        if (!withPoints.contains(&data))
            continue;
        const Core::Return &ret = data.ret;
        qint64 moved = 0;
        const std::pair<QString, qint64> entries[] {
            { QStringLiteral("return_taken_back"), -ret.pointsTakenBack },
            { QStringLiteral("return_given_back"), ret.pointsGivenBack },
        };
        for (const auto &[reason, points] : entries) {
            if (points == 0)
                continue;
            auto inserted = db.exec(
                QStringLiteral("INSERT INTO loyalty_ledger(customer_id, event_id, points, reason, "
                               "sale_id, location_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                               "ON CONFLICT(event_id, customer_id, reason) DO NOTHING "
                               "RETURNING points"),
                { data.customerId, event->envelope->eventId, points, reason, ret.returnId,
                    context.device.locationId, context.now });
            if (!inserted)
                return inserted.error();
            if (inserted.value().next())
                moved += points;
        }
        auto updated = db.exec(QStringLiteral("UPDATE customers SET points_balance = "
                                              "points_balance + ?, change_seq = ? WHERE id = ?"),
            { moved, seq++, data.customerId });
        if (!updated)
            return updated.error();
    }
    return Core::success();
}

} // namespace Toonbank::Sync::Server
