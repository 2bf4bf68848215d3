#include "salehandler.h"
#include "saleorder.h"
#include "shiftstate.h"

#include "sync/protocol/changefeed.h"
#include "sync/protocol/returns.h"
#include "sync/protocol/saleevent.h"
#include "sync/server/promotionrows.h"
#include "sync/server/serverdatabase.h"

#include "app/core/loyalty.h"
#include "app/core/payment.h"
#include "app/core/permissions.h"
#include "app/core/sale.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>

#include <cstdlib>
#include <functional>
#include <map>

namespace Toonbank::Sync::Server {

using Core::Money;

namespace {

QString placeholders(qsizetype count)
{
    return QStringList(count, QStringLiteral("?")).join(QLatin1Char(','));
}

QString isoTime(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}

// What the server's catalog says about a product.
struct CatalogProduct
{
    QString sku;
    QString name;
    QString category;
    QString brand;
    QString vatClass;
};

// One version of a product's price (product_prices).
struct PriceVersion
{
    qint64 priceCents = 0;
    std::optional<qint64> promoCents;
    QDate promoFrom;
    QDate promoUntil;
};

struct StaffMember
{
    Core::Role role = Core::Role::Cashier;
    bool active = true;
};

struct CustomerRow
{
    qint64 id = 0;
    QString cardNumber;
    QString tier;
};

// Everything the re-check of one batch reads, loaded with one query per table.
struct Reference
{
    QHash<qint64, CatalogProduct> products;
    QHash<qint64, QList<PriceVersion>> prices;
    QHash<qint64, StaffMember> staff;
    QHash<qint64, CustomerRow> customersById;
    QHash<QString, CustomerRow> customersByCard;
    QHash<QString, QString> claims; // coupon code (upper case) → sale id
    QList<Core::Promotion> promotions;
    QString country;
    bool cashRounding = true;
};

Core::Status selectIn(ServerDatabase &db, const QString &sqlPrefix, const QVariantList &keys,
    const std::function<void(const QSqlQuery &)> &row)
{
    if (keys.isEmpty())
        return Core::success();
    auto q = db.exec(sqlPrefix + placeholders(keys.size()) + QStringLiteral(")"), keys);
    if (!q)
        return q.error();
    while (q.value().next())
        row(q.value());
    return Core::success();
}

bool priceExplained(const QList<PriceVersion> &versions, Money unitPrice, QDate localDate)
{
    for (const PriceVersion &v : versions) {
        if (v.priceCents == unitPrice.cents())
            return true;
        if (v.promoCents && *v.promoCents == unitPrice.cents()
            && (!v.promoFrom.isValid() || v.promoFrom <= localDate)
            && (!v.promoUntil.isValid() || localDate <= v.promoUntil))
            return true;
    }
    return false;
}

// A price changed at the till: an authorisation for the line (Permission::ChangePrice; whether
// its approver may give it is checked with the other authorisations) covering the difference
// to a price the product had.
bool priceChangeApproved(const Core::Sale &sale, const Core::SaleLine &line,
    const QList<PriceVersion> &versions, QDate localDate)
{
    for (const Core::Authorisation &a : sale.authorisations) {
        if (a.permission != Core::Permission::ChangePrice || a.lineId != line.lineId)
            continue;
        for (const PriceVersion &v : versions) {
            QList<qint64> prices { v.priceCents };
            if (v.promoCents && (!v.promoFrom.isValid() || v.promoFrom <= localDate)
                && (!v.promoUntil.isValid() || localDate <= v.promoUntil))
                prices.append(*v.promoCents);
            for (qint64 price : prices) {
                if (std::abs(price - line.unitPrice.cents()) <= a.amount.cents())
                    return true;
            }
        }
    }
    return false;
}

bool sameAdjustment(const Core::Adjustment &a, const Core::Adjustment &b)
{
    // Labels are display text (translated, shortened): kind, source, amount and approver count.
    return a.kind == b.kind && a.sourceId == b.sourceId && a.amount == b.amount
        && a.approvedBy == b.approvedBy;
}

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

// The re-check of one sale against the reference data (see SaleHandler).
Verdict recheck(const Core::Sale &sale, const Reference &ref)
{
    const Core::DiscountLimits limits;
    const Core::LoyaltyRules loyalty = Core::LoyaltyRules::defaults();
    const Core::VatTable vatTable = Core::VatTable::builtIn();
    const QDate localDate = sale.soldAt.toLocalTime().date();

    // Staff: the seller's role decides their own discount limit.
    const auto seller = ref.staff.constFind(sale.staffId);
    if (seller == ref.staff.constEnd())
        return fail("event.unknown_staff", QStringLiteral("staff %1 is unknown").arg(sale.staffId));

    QList<Core::DraftLine> drafts;
    drafts.reserve(sale.lines.size());
    for (const Core::SaleLine &line : sale.lines) {
        const CatalogProduct &product = ref.products.value(line.productId);
        if (product.sku != line.sku)
            return fail("sale.sku_mismatch",
                QStringLiteral("line %1: product %2 is %3, not %4")
                    .arg(line.lineId)
                    .arg(line.productId)
                    .arg(product.sku, line.sku.left(40)));
        // A gift card is sold for the amount the customer asks (giftcard.line checks the rest).
        if (line.giftCardNumber.isEmpty()
            && !priceExplained(ref.prices.value(line.productId), line.unitPrice, localDate)
            && !priceChangeApproved(sale, line, ref.prices.value(line.productId), localDate))
            return fail("sale.price_unexplained",
                QStringLiteral("line %1: %2 at %3 is no price %4 ever had on %5")
                    .arg(line.lineId, line.sku, line.unitPrice.toPlainString(), line.sku,
                        localDate.toString(Qt::ISODate)));
        const QString vatClass
            = product.vatClass.isEmpty() ? Core::name(line.vatClass) : product.vatClass;
        const auto vatClassValue = Core::vatClassFromName(vatClass);
        Core::Result<Core::VatRate> rate = vatTable.rateFor(ref.country, vatClass, localDate);
        if (!vatClassValue || !rate || *vatClassValue != line.vatClass
            || rate->basisPoints != line.vatRate.basisPoints)
            return fail("sale.vat_mismatch",
                QStringLiteral("line %1: VAT %2 bp is not the %3 rate of %4 on %5")
                    .arg(line.lineId)
                    .arg(line.vatRate.basisPoints)
                    .arg(vatClass, ref.country, localDate.toString(Qt::ISODate)));

        Core::DraftLine draft;
        draft.lineId = line.lineId;
        draft.productId = line.productId;
        draft.sku = line.sku;
        draft.name = product.name.isEmpty() ? line.name : product.name;
        draft.category = product.category;
        draft.brand = product.brand;
        draft.vatClass = *vatClassValue;
        draft.quantity = line.quantity;
        draft.unitPrice = line.unitPrice;
        draft.regularPrice = line.regularPrice;
        draft.giftCardNumber = line.giftCardNumber;
        Money promotional;
        int manualCount = 0;
        for (const Core::Adjustment &adjustment : line.adjustments) {
            if (adjustment.kind != Core::AdjustmentKind::Manual) {
                promotional += adjustment.amount;
                continue;
            }
            ++manualCount;
            Core::ManualDiscount manual;
            manual.amount = adjustment.amount;
            manual.reason = adjustment.label;
            manual.requestedBy = sale.staffId;
            manual.approvedBy = adjustment.approvedBy;
            draft.manualDiscount = manual;
        }
        if (manualCount > 1)
            return fail("sale.adjustment_unexplained",
                QStringLiteral("line %1 has more than one manual discount").arg(line.lineId));
        // A manual discount beyond the seller's own limit needs a recorded approval by someone
        // whose role may give it.
        if (draft.manualDiscount) {
            const Money base = line.grossTotal() - promotional;
            const Core::ManualDiscount &manual = *draft.manualDiscount;
            if (Core::manualDiscountNeedsApproval(seller->role, base, manual.amount, limits)) {
                bool approved = false;
                for (const Core::Authorisation &a : sale.authorisations) {
                    const auto approver = ref.staff.constFind(a.approvedBy);
                    if (a.permission == Core::Permission::ApproveManualDiscount
                        && a.approvedBy == manual.approvedBy && a.approvedBy != 0
                        && (a.lineId.isEmpty() || a.lineId == line.lineId)
                        && approver != ref.staff.constEnd() && approver->active
                        && Core::allows(approver->role, Core::Permission::ApproveManualDiscount)) {
                        approved = true;
                        break;
                    }
                }
                if (!approved)
                    return fail("sale.approval_missing",
                        QStringLiteral("line %1: a manual discount of %2 is above the %3's "
                                       "limit and has no valid approval")
                            .arg(line.lineId, manual.amount.toPlainString(),
                                Core::name(seller->role)));
            }
        }
        drafts.append(draft);
    }
    // Every recorded approval must come from a role that may give it.
    for (const Core::Authorisation &a : sale.authorisations) {
        const auto approver = ref.staff.constFind(a.approvedBy);
        if (approver == ref.staff.constEnd() || !Core::allows(approver->role, a.permission))
            return fail("sale.approval_missing",
                QStringLiteral("staff %1 may not approve %2")
                    .arg(a.approvedBy)
                    .arg(Core::name(a.permission)));
    }

    // Single-use coupons: claimed online, for this sale.
    for (const QString &code : sale.couponCodes) {
        for (const Core::Promotion &promotion : ref.promotions) {
            if (!promotion.singleUse
                || promotion.couponCode.compare(code, Qt::CaseInsensitive) != 0)
                continue;
            if (ref.claims.value(code.toUpper()) != sale.saleId)
                return fail("sale.coupon_unclaimed",
                    QStringLiteral("single-use coupon %1 was not claimed for this sale")
                        .arg(code.left(40)));
        }
    }

    Core::SaleRules rules;
    rules.vatTable = vatTable;
    rules.country = ref.country;
    rules.storeCode = sale.storeCode;
    rules.cashRounding = ref.cashRounding;
    rules.promotions = ref.promotions;
    rules.loyalty = loyalty;
    rules.discountLimits = limits;
    Core::SaleContext context;
    context.soldAt = sale.soldAt;
    if (sale.customer) {
        Core::SaleCustomer customer = *sale.customer;
        // The server's tier and id count; a customer enrolled offline keeps the sale's tier.
        const CustomerRow known = customer.id != 0 ? ref.customersById.value(customer.id)
                                                   : ref.customersByCard.value(customer.code);
        if (customer.id != 0 && known.id == 0)
            return fail(
                "customer.unknown", QStringLiteral("customer %1 is unknown").arg(customer.id));
        if (known.id != 0) {
            customer.id = known.id;
            // Tiers only go up: a tablet that has not pulled the customer since an upgrade
            // sells at the older, lower tier, which is fine; a tier above the server's is not.
            auto rank = [&loyalty](const QString &tier) {
                for (qsizetype i = 0; i < loyalty.tiers.size(); ++i) {
                    if (loyalty.tiers.at(i).name == tier)
                        return i;
                }
                return qsizetype(-1);
            };
            if (rank(customer.tier) < 0 || rank(customer.tier) > rank(known.tier))
                customer.tier = known.tier;
        }
        context.customer = customer;
    }
    context.couponCodes = sale.couponCodes;
    context.authorisations = sale.authorisations;
    context.order = sale.order;
    Core::Result<Core::Sale> built = Core::buildSale(drafts, rules, context);
    if (!built)
        return { built.error().code,
            built.error().detail.isEmpty() ? built.error().message : built.error().detail };
    Core::Sale rebuilt = std::move(built).value();
    for (qsizetype i = 0; i < sale.lines.size(); ++i) {
        const QList<Core::Adjustment> &sent = sale.lines.at(i).adjustments;
        const QList<Core::Adjustment> &expected = rebuilt.lines.at(i).adjustments;
        bool same = sent.size() == expected.size();
        for (qsizetype a = 0; same && a < sent.size(); ++a)
            same = sameAdjustment(sent.at(a), expected.at(a));
        if (!same) {
            QStringList want;
            for (const Core::Adjustment &a : expected)
                want.append(QStringLiteral("%1 %2 %3")
                                .arg(Core::name(a.kind), a.sourceId, a.amount.toPlainString()));
            return fail("sale.adjustment_unexplained",
                QStringLiteral("line %1: the adjustments differ from the rules (expected: %2)")
                    .arg(sale.lines.at(i).lineId,
                        want.isEmpty() ? QStringLiteral("none") : want.join(QStringLiteral(", "))));
        }
    }
    if (rebuilt.total != sale.total)
        return fail("sale.total_mismatch",
            QStringLiteral("total %1, the rules give %2")
                .arg(sale.total.toPlainString(), rebuilt.total.toPlainString()));
    bool vatSame = rebuilt.vat.size() == sale.vat.size();
    for (qsizetype i = 0; vatSame && i < sale.vat.size(); ++i)
        vatSame = rebuilt.vat.at(i).rate.basisPoints == sale.vat.at(i).rate.basisPoints
            && rebuilt.vat.at(i).gross == sale.vat.at(i).gross
            && rebuilt.vat.at(i).vat == sale.vat.at(i).vat;
    if (!vatSame)
        return fail("sale.vat_mismatch", QStringLiteral("the VAT summary differs from the rules"));
    rebuilt.tenders = sale.tenders;
    rebuilt.pointsRedeemed = sale.pointsRedeemed;
    rebuilt.training = sale.training;
    const qint64 points = Core::pointsEarned(rebuilt, loyalty);
    if (points != sale.pointsEarned)
        return fail("sale.points_mismatch",
            QStringLiteral("%1 points earned, the rules give %2")
                .arg(sale.pointsEarned)
                .arg(points));
    return {};
}

// What the payment checks of one batch read (issue 9): the wallet claims its gift-card and
// store-credit tenders name, the gift cards its lines sell or top up, and the points balance of
// each customer who pays with points.
struct WalletClaim
{
    QString kind;
    QString number;
    qint64 customerId = 0;
    qint64 amountCents = 0;
    QString state;
    QString usedBySale;
};

struct GiftCardRow
{
    QString state;
    QDate expiresOn; // invalid: no end date
};

struct WalletReference
{
    QHash<QString, WalletClaim> claims; // by claim id
    QHash<QString, GiftCardRow> giftCards; // by number
    QHash<qint64, qint64> pointsBalance; // by customer id
    // What earlier sales of this batch took: a claim is used once, points once.
    QSet<QString> claimsUsed;
    QHash<qint64, qint64> pointsRedeemed;
};

// The payment checks of one sale: Core::checkTenders with the store's cash rounding; every
// gift-card / store-credit tender names a granted claim of its card / customer and amount that
// no other sale used; points redeemed are covered by the customer's balance on the server;
// a gift card sold on a line is a VAT-free voucher without adjustments, and a top-up goes to
// an active, unexpired card.
Verdict walletCheck(
    const Core::Sale &sale, qint64 customerId, bool cashRounding, WalletReference &wallet)
{
    const Core::LoyaltyRules loyalty = Core::LoyaltyRules::defaults();
    if (Core::Status tenders = Core::checkTenders(sale, cashRounding, loyalty); !tenders)
        return { tenders.error().code,
            tenders.error().detail.isEmpty()
                ? tenders.error().message
                : QStringLiteral("%1: %2").arg(tenders.error().message, tenders.error().detail) };
    const QDate localDate = sale.soldAt.toLocalTime().date();
    for (const Core::SaleLine &line : sale.lines) {
        if (line.giftCardNumber.isEmpty())
            continue;
        const Core::Result<QString> number = Core::normaliseGiftCardNumber(line.giftCardNumber);
        if (!number || line.vatClass != Core::VatClass::Zero || line.vatRate.basisPoints != 0
            || !line.adjustments.isEmpty() || line.quantity != 1 || line.lineTotal().cents() <= 0)
            return fail("giftcard.line",
                QStringLiteral("line %1: a gift card is sold once per line, VAT class zero, "
                               "without discounts, for more than zero")
                    .arg(line.lineId));
        // The same amount rule as the tablet's (Core::checkGiftCardAmount, chain limits).
        if (const Core::Status amount = Core::checkGiftCardAmount(line.lineTotal()); !amount)
            return fail("giftcard.amount",
                QStringLiteral("line %1: %2").arg(line.lineId, amount.error().detail));
        const auto card = wallet.giftCards.constFind(number.value());
        if (card == wallet.giftCards.constEnd())
            continue; // a new card: activated when the sale is applied
        if (card->state != QLatin1String("active"))
            return fail("giftcard.inactive",
                QStringLiteral("line %1: gift card %2 is blocked and cannot be topped up")
                    .arg(line.lineId, number.value()));
        if (card->expiresOn.isValid() && card->expiresOn < localDate)
            return fail("giftcard.expired",
                QStringLiteral("line %1: gift card %2 expired on %3 and cannot be topped up")
                    .arg(line.lineId, number.value(), card->expiresOn.toString(Qt::ISODate)));
    }

    qint64 tenderPoints = 0;
    QSet<QString> claimsHere;
    for (const Core::Tender &tender : sale.tenders) {
        if (tender.method == Core::TenderMethod::LoyaltyPoints)
            tenderPoints += tender.points;
        const bool giftCard = tender.method == Core::TenderMethod::GiftCard;
        if (!giftCard && tender.method != Core::TenderMethod::StoreCredit)
            continue;
        const auto claim = wallet.claims.constFind(tender.claimId);
        if (claim == wallet.claims.constEnd())
            return fail("wallet.claim_unknown",
                QStringLiteral("%1 tender of %2: the server granted no claim %3")
                    .arg(Core::name(tender.method), tender.amount.toPlainString(),
                        tender.claimId.left(100)));
        const Core::Result<QString> number = Core::normaliseGiftCardNumber(tender.reference);
        const bool sameSource = giftCard
            ? claim->kind == QLatin1String("gift_card") && number && claim->number == number.value()
            : claim->kind == QLatin1String("store_credit") && customerId != 0
                && claim->customerId == customerId;
        if (!sameSource || claim->amountCents != tender.amount.cents())
            return fail("wallet.claim_mismatch",
                QStringLiteral("claim %1 is for %2 %3 cents, the tender for %4 %5")
                    .arg(tender.claimId.left(100), claim->kind)
                    .arg(claim->amountCents)
                    .arg(Core::name(tender.method), tender.amount.toPlainString()));
        if (claim->state == QLatin1String("released"))
            return fail("wallet.claim_released",
                QStringLiteral("claim %1 was given back before the sale arrived")
                    .arg(tender.claimId.left(100)));
        if ((claim->state == QLatin1String("used") && claim->usedBySale != sale.saleId)
            || wallet.claimsUsed.contains(tender.claimId) || claimsHere.contains(tender.claimId))
            return fail("wallet.claim_used",
                QStringLiteral("claim %1 already paid another sale").arg(tender.claimId.left(100)));
        claimsHere.insert(tender.claimId);
    }
    if (tenderPoints != 0 && tenderPoints != sale.pointsRedeemed)
        return fail("sale.points_mismatch",
            QStringLiteral("the points tenders redeem %1 points, the sale says %2")
                .arg(tenderPoints)
                .arg(sale.pointsRedeemed));
    if (sale.pointsRedeemed > 0 && !sale.training) {
        const qint64 available = customerId == 0
            ? 0
            : wallet.pointsBalance.value(customerId) - wallet.pointsRedeemed.value(customerId);
        if (available < sale.pointsRedeemed)
            return fail("loyalty.overdraft",
                QStringLiteral("%1 points redeemed, the customer has %2 on the server")
                    .arg(sale.pointsRedeemed)
                    .arg(available));
        wallet.pointsRedeemed[customerId] += sale.pointsRedeemed;
    }
    wallet.claimsUsed.unite(claimsHere);
    return {};
}

// The server id of a sale's customer: its id, or its card (or a card merged into another
// customer) for one enrolled offline. 0 when the server does not know the customer.
Core::Result<qint64> customerIdOf(ServerDatabase &db, const Core::Sale &sale)
{
    if (!sale.customer)
        return qint64(0);
    if (sale.customer->id != 0)
        return sale.customer->id;
    auto q = db.exec(QStringLiteral("SELECT id FROM customers WHERE card_number = ? UNION ALL "
                                    "SELECT customer_id FROM customer_card_aliases WHERE "
                                    "card_number = ?"),
        { sale.customer->code, sale.customer->code });
    if (!q)
        return q.error();
    return q.value().next() ? q.value().value(0).toLongLong() : qint64(0);
}

// An exchange (issue "Returns"): a return_credit tender names a return, earlier in the same
// batch or already applied, whose exchange refund part is exactly the tender's amount (and
// names this sale, when it names one), and no other sale took that credit
// (exchange.return_missing, exchange.mismatch, exchange.used).
Core::Result<Verdict> exchangeCheck(
    BatchContext &context, const BatchEvent &event, QSet<QString> &creditsUsed)
{
    const auto &sale = std::any_cast<const Core::Sale &>(event.payload);
    QSet<QString> here;
    for (const Core::Tender &tender : sale.tenders) {
        if (tender.method != Core::TenderMethod::ReturnCredit)
            continue;
        const QString returnId = tender.reference;
        std::optional<Money> credit;
        QStringList namedSales;
        // Earlier in this batch (the return is applied before the sale: batch order).
        for (const Protocol::EventEnvelope *envelope : context.batch) {
            if (envelope == event.envelope)
                break;
            if (envelope->type != Protocol::name(Protocol::EventType::Return)
                || envelope->payload.value(QStringLiteral("returnId")).toString() != returnId)
                continue;
            Core::Result<Core::Return> ret = Protocol::returnFromJson(envelope->payload);
            if (!ret)
                continue;
            Money sum;
            for (const Core::Refund &part : ret->refunds) {
                if (part.method == Core::RefundMethod::Exchange) {
                    sum += part.amount;
                    namedSales.append(part.reference);
                }
            }
            credit = sum;
        }
        if (!credit) {
            auto applied = context.db.exec(
                QStringLiteral("SELECT rr.amount_cents, rr.reference FROM returns r LEFT JOIN "
                               "return_refunds rr ON rr.return_id = r.return_id AND rr.method = "
                               "'exchange' WHERE r.return_id = ?"),
                { returnId });
            if (!applied)
                return applied.error();
            while (applied.value().next()) {
                credit = credit.value_or(Money())
                    + Money::fromCents(applied.value().value(0).toLongLong());
                if (!applied.value().value(1).isNull())
                    namedSales.append(applied.value().value(1).toString());
            }
        }
        if (!credit)
            return fail("exchange.return_missing",
                QStringLiteral("the exchange credit of %1 names return %2, which the server does "
                               "not have")
                    .arg(tender.amount.toPlainString(), returnId.left(60)));
        namedSales.removeAll(QString());
        if (*credit != tender.amount
            || (!namedSales.isEmpty() && !namedSales.contains(sale.saleId)))
            return fail("exchange.mismatch",
                QStringLiteral("return %1 put %2 towards an exchange, the sale takes %3")
                    .arg(
                        returnId.left(60), credit->toPlainString(), tender.amount.toPlainString()));
        auto used = context.db.exec(
            QStringLiteral("SELECT sale_id FROM sale_tenders WHERE method = 'return_credit' AND "
                           "reference = ? AND sale_id <> ?"),
            { returnId, sale.saleId });
        if (!used)
            return used.error();
        if (used.value().next() || creditsUsed.contains(returnId) || here.contains(returnId))
            return fail("exchange.used",
                QStringLiteral("the credit of return %1 already paid another sale")
                    .arg(returnId.left(60)));
        here.insert(returnId);
    }
    creditsUsed.unite(here);
    return Verdict {};
}

} // namespace

Core::Result<std::any> SaleHandler::parse(
    const DeviceIdentity &device, const Protocol::EventEnvelope &envelope) const
{
    Core::Result<Core::Sale> parsed = Protocol::saleFromJson(envelope.payload);
    if (!parsed)
        return parsed.error();
    Core::Sale sale = std::move(parsed).value();
    if (sale.staffId == 0) // a protocol-1 sale: its seller is the envelope's
        sale.staffId = envelope.staffId;
    if (sale.storeCode != device.locationCode)
        return Core::Error::make(QStringLiteral("scope.location"), QString(),
            QStringLiteral("sale of store %1 pushed by a device of store %2")
                .arg(sale.storeCode.left(20), device.locationCode));
    if (sale.staffId != envelope.staffId)
        return Core::Error::make(QStringLiteral("sale.staff_mismatch"), QString(),
            QStringLiteral("sale of staff %1 in an event of staff %2")
                .arg(sale.staffId)
                .arg(envelope.staffId));
    for (const Core::SaleLine &line : sale.lines) {
        // Returns inside an exchange travel as return events once the server knows them.
        if (line.quantity < 0)
            return Core::Error::make(QStringLiteral("sale.negative_quantity"), QString(),
                QStringLiteral("line %1 has a negative quantity").arg(line.lineId.left(40)));
    }
    return std::any(std::move(sale));
}

Core::Status SaleHandler::check(BatchContext &context, const QList<BatchEvent *> &events)
{
    ServerDatabase &db = context.db;
    QSet<qint64> productIds;
    QSet<qint64> staffIds;
    QSet<qint64> customerIds;
    QSet<QString> cards;
    QSet<QString> coupons;
    QStringList saleIds;
    for (BatchEvent *event : events) {
        const auto &sale = event->as<Core::Sale>();
        saleIds.append(sale.saleId);
        staffIds.insert(sale.staffId);
        for (const Core::Authorisation &a : sale.authorisations)
            staffIds.insert(a.approvedBy);
        for (const Core::SaleLine &line : sale.lines)
            productIds.insert(line.productId);
        if (sale.customer) {
            if (sale.customer->id != 0)
                customerIds.insert(sale.customer->id);
            else
                cards.insert(sale.customer->code);
        }
        for (const QString &code : sale.couponCodes)
            coupons.insert(code.toUpper());
    }
    auto list = [](const auto &set) { return QVariantList(set.cbegin(), set.cend()); };

    Reference ref;
    Core::Status loaded
        = selectIn(db, QStringLiteral("SELECT id, sku, data FROM products WHERE id IN ("),
            list(productIds), [&ref, this](const QSqlQuery &q) {
                CatalogProduct product;
                product.sku = q.value(1).toString();
                if (m_recheck) {
                    const QJsonObject data
                        = QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object();
                    product.name = data.value(QStringLiteral("name")).toString();
                    product.category = data.value(QStringLiteral("category")).toString();
                    product.brand = data.value(QStringLiteral("brand")).toString();
                    product.vatClass = data.value(QStringLiteral("vatClass")).toString();
                }
                ref.products.insert(q.value(0).toLongLong(), product);
            });
    if (!loaded)
        return loaded;
    QSet<QString> recordedSales;
    loaded = selectIn(db, QStringLiteral("SELECT sale_id FROM sales WHERE sale_id IN ("),
        QVariantList(saleIds.cbegin(), saleIds.cend()),
        [&recordedSales](const QSqlQuery &q) { recordedSales.insert(q.value(0).toString()); });
    if (!loaded)
        return loaded;

    if (m_recheck) {
        loaded = selectIn(db,
            QStringLiteral("SELECT product_id, price_cents, promo_price_cents, promo_from, "
                           "promo_until FROM product_prices WHERE product_id IN ("),
            list(productIds), [&ref](const QSqlQuery &q) {
                PriceVersion v;
                v.priceCents = q.value(1).toLongLong();
                if (!q.value(2).isNull())
                    v.promoCents = q.value(2).toLongLong();
                v.promoFrom = QDate::fromString(q.value(3).toString(), Qt::ISODate);
                v.promoUntil = QDate::fromString(q.value(4).toString(), Qt::ISODate);
                ref.prices[q.value(0).toLongLong()].append(v);
            });
        if (!loaded)
            return loaded;
        loaded = selectIn(db, QStringLiteral("SELECT id, role, active FROM staff WHERE id IN ("),
            list(staffIds), [&ref](const QSqlQuery &q) {
                ref.staff.insert(q.value(0).toLongLong(),
                    { Core::roleFromName(q.value(1).toString()).value_or(Core::Role::Cashier),
                        q.value(2).toInt() != 0 });
            });
        if (!loaded)
            return loaded;
        auto customer = [&ref](const QSqlQuery &q) {
            const CustomerRow row { q.value(0).toLongLong(), q.value(1).toString(),
                q.value(2).toString() };
            ref.customersById.insert(row.id, row);
            ref.customersByCard.insert(row.cardNumber, row);
        };
        loaded = selectIn(db,
            QStringLiteral("SELECT id, card_number, tier FROM customers WHERE id IN ("),
            list(customerIds), customer);
        if (!loaded)
            return loaded;
        loaded = selectIn(db,
            QStringLiteral("SELECT id, card_number, tier FROM customers WHERE card_number IN ("),
            list(cards), customer);
        if (!loaded)
            return loaded;
        // A card merged into an existing customer names that customer.
        loaded = selectIn(db,
            QStringLiteral("SELECT c.id, a.card_number, c.tier FROM customer_card_aliases a "
                           "JOIN customers c ON c.id = a.customer_id WHERE a.card_number IN ("),
            list(cards), [&ref](const QSqlQuery &q) {
                ref.customersByCard.insert(q.value(1).toString(),
                    { q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString() });
            });
        if (!loaded)
            return loaded;
        loaded = selectIn(db,
            QStringLiteral("SELECT code, claimed_by_sale FROM coupon_claims WHERE code IN ("),
            list(coupons), [&ref](const QSqlQuery &q) {
                ref.claims.insert(q.value(0).toString(), q.value(1).toString());
            });
        if (!loaded)
            return loaded;
        Core::Result<QList<Core::Promotion>> promotions = PromotionRows::loadAll(db);
        if (!promotions)
            return promotions.error();
        ref.promotions = std::move(promotions).value();
    }
    auto location
        = db.exec(QStringLiteral("SELECT country, cash_rounding FROM locations WHERE id = ?"),
            { context.device.locationId });
    if (!location)
        return location.error();
    if (location.value().next()) {
        ref.country = location.value().value(0).toString();
        ref.cashRounding = location.value().value(1).toInt() != 0;
    }

    // The payment side (always checked, also without the catalog re-check: money moves here).
    WalletReference wallet;
    QSet<QString> claimIds;
    QSet<QString> giftCardNumbers;
    QHash<const BatchEvent *, qint64> customerOf;
    // The shift the tablet put the sale in must be an open shift of this store (its cash is
    // counted in that shift's close).
    const ShiftBatch shifts(context.batch, false);
    for (BatchEvent *event : events) {
        const auto &sale = event->as<Core::Sale>();
        if (!event->rejected()) {
            Core::Result<std::optional<QString>> refused = shiftRefusal(db, shifts, sale.shiftId,
                context.device.locationCode, shifts.indexOf(event->envelope));
            if (!refused)
                return refused.error();
            if (refused.value())
                event->reject(QStringLiteral("shift.not_open"), *refused.value());
        }
        for (const Core::Tender &t : sale.tenders) {
            if (t.method == Core::TenderMethod::GiftCard
                || t.method == Core::TenderMethod::StoreCredit)
                claimIds.insert(t.claimId);
        }
        for (const Core::SaleLine &line : sale.lines) {
            if (auto number = Core::normaliseGiftCardNumber(line.giftCardNumber); number)
                giftCardNumbers.insert(number.value());
        }
        if (sale.customer) {
            Core::Result<qint64> id = customerIdOf(db, sale);
            if (!id)
                return id.error();
            customerOf.insert(event, id.value());
            if (sale.pointsRedeemed > 0 && id.value() != 0)
                wallet.pointsBalance.insert(id.value(), 0);
        }
    }
    loaded = selectIn(db,
        QStringLiteral("SELECT claim_id, kind, number, customer_id, amount_cents, state, "
                       "used_by_sale FROM wallet_claims WHERE claim_id IN ("),
        list(claimIds), [&wallet](const QSqlQuery &q) {
            wallet.claims.insert(q.value(0).toString(),
                { q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong(),
                    q.value(4).toLongLong(), q.value(5).toString(), q.value(6).toString() });
        });
    if (!loaded)
        return loaded;
    loaded = selectIn(db,
        QStringLiteral("SELECT number, state, COALESCE(expires_on, '') FROM gift_cards WHERE "
                       "number IN ("),
        list(giftCardNumbers), [&wallet](const QSqlQuery &q) {
            wallet.giftCards.insert(q.value(0).toString(),
                { q.value(1).toString(), QDate::fromString(q.value(2).toString(), Qt::ISODate) });
        });
    if (!loaded)
        return loaded;
    loaded = selectIn(db, QStringLiteral("SELECT id, points_balance FROM customers WHERE id IN ("),
        QVariantList(wallet.pointsBalance.keyBegin(), wallet.pointsBalance.keyEnd()),
        [&wallet](const QSqlQuery &q) {
            wallet.pointsBalance.insert(q.value(0).toLongLong(), q.value(1).toLongLong());
        });
    if (!loaded)
        return loaded;

    QSet<QString> salesInBatch;
    QSet<QString> creditsUsed; // returns whose credit an earlier sale of the batch took
    QSet<QString> ordersInBatch; // endless-aisle orders paid by earlier sales of the batch
    for (BatchEvent *event : events) {
        const auto &sale = event->as<Core::Sale>();
        if (recordedSales.contains(sale.saleId) || salesInBatch.contains(sale.saleId)) {
            event->reject(QStringLiteral("sale.duplicate_sale"),
                QStringLiteral("sale %1 was already recorded under another event")
                    .arg(sale.saleId));
            continue;
        }
        salesInBatch.insert(sale.saleId);
        // A training sale moves no gift card, store credit or points (docs/STOREOPS.md).
        if (sale.training) {
            bool refused = sale.pointsRedeemed != 0;
            for (const Core::Tender &t : sale.tenders)
                refused = refused || t.method == Core::TenderMethod::GiftCard
                    || t.method == Core::TenderMethod::StoreCredit
                    || t.method == Core::TenderMethod::LoyaltyPoints;
            if (refused) {
                event->reject(QStringLiteral("training.not_allowed"),
                    QStringLiteral("training sale %1 pays with a gift card, store credit or "
                                   "points")
                        .arg(sale.saleId));
                continue;
            }
        }
        // Endless aisle: the order's holds, lines and delivery (docs/STOCK.md §5).
        if (sale.order) {
            auto refused = checkSaleOrder(db, context.device, sale, ordersInBatch);
            if (!refused)
                return refused.error();
            if (!refused.value().first.isEmpty()) {
                event->reject(refused.value().first, refused.value().second);
                continue;
            }
        }
        bool known = true;
        for (const Core::SaleLine &line : sale.lines) {
            if (sale.order && line.lineId == sale.order->deliveryLineId)
                continue; // the delivery is no product (checkSaleOrder checked its price)
            if (!ref.products.contains(line.productId)) {
                event->reject(QStringLiteral("sale.unknown_product"),
                    QStringLiteral("product %1 is unknown").arg(line.productId));
                known = false;
                break;
            }
        }
        if (!known)
            continue;
        if (m_recheck) {
            if (const Verdict verdict = recheck(goodsOfOrderSale(sale), ref); !verdict) {
                event->reject(verdict.code, verdict.reason);
                continue;
            }
        }
        if (const Verdict verdict
            = walletCheck(sale, customerOf.value(event), ref.cashRounding, wallet);
            !verdict) {
            event->reject(verdict.code, verdict.reason);
            continue;
        }
        Core::Result<Verdict> exchange = exchangeCheck(context, *event, creditsUsed);
        if (!exchange)
            return exchange.error();
        if (!exchange.value())
            event->reject(exchange.value().code, exchange.value().reason);
    }
    return Core::success();
}

Core::Status SaleHandler::applyWallet(BatchContext &context, const QList<BatchEvent *> &events)
{
    ServerDatabase &db = context.db;
    for (BatchEvent *event : events) {
        const auto &sale = event->as<Core::Sale>();
        // Each claim the sale paid with is used now, by this sale only (check() saw it
        // claimed under the same lock; the condition keeps it so even if it had not).
        for (const Core::Tender &t : sale.tenders) {
            if (t.method != Core::TenderMethod::GiftCard
                && t.method != Core::TenderMethod::StoreCredit)
                continue;
            auto used = db.exec(
                QStringLiteral("UPDATE wallet_claims SET state = 'used', used_by_sale = ? WHERE "
                               "claim_id = ? AND (state = 'claimed' OR (state = 'used' AND "
                               "used_by_sale = ?)) RETURNING claim_id"),
                { sale.saleId, t.claimId, sale.saleId });
            if (!used)
                return used.error();
            if (!used.value().next())
                return Core::Error::make(QStringLiteral("wallet.claim_state"), QString(),
                    QStringLiteral("claim %1 of sale %2 is no longer claimed")
                        .arg(t.claimId, sale.saleId));
        }
        if (sale.training)
            continue; // a training sale issues no real gift card
        // Gift cards sold: a new card is activated with the line's amount and the legal
        // validity from the sale's date; a top-up adds to the balance and extends a dated
        // card's validity to two years from this sale.
        const QDate soldOn = sale.soldAt.toLocalTime().date();
        for (const Core::SaleLine &line : sale.lines) {
            const Core::Result<QString> number = Core::normaliseGiftCardNumber(line.giftCardNumber);
            if (!number)
                continue;
            auto issued = db.exec(
                QStringLiteral(
                    "INSERT INTO gift_cards(number, balance_cents, issued_at, expires_on, state, "
                    "issued_by_sale, store) VALUES (?, ?, ?, ?, 'active', ?, ?) "
                    "ON CONFLICT(number) DO UPDATE SET balance_cents = gift_cards.balance_cents "
                    "+ excluded.balance_cents, expires_on = CASE WHEN gift_cards.expires_on IS "
                    "NULL THEN NULL WHEN gift_cards.expires_on < excluded.expires_on THEN "
                    "excluded.expires_on ELSE gift_cards.expires_on END"),
                { number.value(), line.lineTotal().cents(), isoTime(sale.soldAt),
                    Core::giftCardExpiry(soldOn).toString(Qt::ISODate), sale.saleId,
                    sale.storeCode });
            if (!issued)
                return issued.error();
        }
    }
    return Core::success();
}

Core::Status SaleHandler::apply(BatchContext &context, const QList<BatchEvent *> &events)
{
    ServerDatabase &db = context.db;
    QList<QVariantList> saleRows;
    QList<QVariantList> lineRows;
    QList<QVariantList> adjustmentRows;
    QList<QVariantList> vatRows;
    QList<QVariantList> tenderRows;
    QList<QVariantList> authorisationRows;
    QList<QVariantList> couponRows;
    std::map<qint64, qint64> soldPerProduct; // ordered: the same row order in every batch
    struct Credit
    {
        BatchEvent *event;
        qint64 customerId;
    };
    QList<Credit> credits;
    QList<Credit> orders; // sales that pay an endless-aisle order
    for (BatchEvent *event : events) {
        const auto &sale = event->as<Core::Sale>();
        const QSet<QString> ordered = orderLineIds(sale);
        qint64 customerId = 0;
        if (sale.customer) {
            // A customer enrolled offline is known by card once its enrolment is applied.
            customerId = sale.customer->id;
            if (customerId == 0) {
                // (or by the card an enrolment merged into an existing customer)
                auto q = db.exec(QStringLiteral("SELECT id FROM customers WHERE card_number = ? "
                                                "UNION ALL SELECT customer_id FROM "
                                                "customer_card_aliases WHERE card_number = ?"),
                    { sale.customer->code, sale.customer->code });
                if (!q)
                    return q.error();
                if (q.value().next())
                    customerId = q.value().value(0).toLongLong();
            }
            if (customerId != 0 && !sale.training) // training earns and spends no points
                credits.append({ event, customerId });
        }
        saleRows.append({ sale.saleId, event->envelope->eventId, context.device.locationId,
            context.device.deviceId, sale.staffId, sale.receiptNumber, isoTime(sale.soldAt),
            sale.total.cents(), sale.rounding.cents(), customerId, sale.training ? 1 : 0,
            sale.storeCode, sale.customer ? sale.customer->code : QString(),
            sale.customer ? sale.customer->tier : QString(), sale.pointsEarned, sale.pointsRedeemed,
            sale.catalogVersion, sale.shiftId });
        int lineNo = 0;
        for (const Core::SaleLine &line : sale.lines) {
            ++lineNo;
            lineRows.append({ sale.saleId, lineNo, line.lineId, line.productId, line.sku, line.name,
                line.quantity, line.unitPrice.cents(), line.regularPrice.cents(),
                line.discountTotal().cents(), line.lineTotal().cents(), Core::name(line.vatClass),
                line.vatRate.basisPoints });
            int adjustmentNo = 0;
            for (const Core::Adjustment &a : line.adjustments)
                adjustmentRows.append({ sale.saleId, lineNo, ++adjustmentNo, Core::name(a.kind),
                    a.sourceId, a.label, a.amount.cents(), a.approvedBy });
            // Training sales teach the till; they never move stock.
            // Ordered lines leave the holding location (applySaleOrder), not this store.
            if (!sale.training && !ordered.contains(line.lineId))
                soldPerProduct[line.productId] += line.quantity;
        }
        for (const Core::VatBreakdown &vat : sale.vat)
            vatRows.append({ sale.saleId, vat.rate.basisPoints, vat.rate.vatClass,
                vat.gross.cents(), vat.vat.cents(), vat.net.cents() });
        int tenderNo = 0;
        for (const Core::Tender &t : sale.tenders)
            tenderRows.append({ sale.saleId, ++tenderNo, Core::name(t.method), t.amount.cents(),
                t.tendered.cents(), t.change.cents(), t.reference });
        int authorisationNo = 0;
        for (const Core::Authorisation &a : sale.authorisations)
            authorisationRows.append(
                { sale.saleId, ++authorisationNo, Core::name(a.permission), a.requestedBy,
                    a.approvedBy, a.lineId, a.amount.cents(), a.reason, isoTime(a.approvedAt) });
        if (sale.order && !sale.training)
            orders.append({ event, customerId });
        QSet<QString> codes;
        for (const QString &code : sale.couponCodes) {
            if (!codes.contains(code.toUpper()))
                couponRows.append({ sale.saleId, code.toUpper() });
            codes.insert(code.toUpper());
        }
    }
    const QList<std::tuple<QString, QStringList, const QList<QVariantList> *>> tables {
        { QStringLiteral("sales"),
            { QStringLiteral("sale_id"), QStringLiteral("event_id"), QStringLiteral("location_id"),
                QStringLiteral("device_id"), QStringLiteral("staff_id"),
                QStringLiteral("receipt_number"), QStringLiteral("sold_at"),
                QStringLiteral("total_cents"), QStringLiteral("rounding_cents"),
                QStringLiteral("customer_id"), QStringLiteral("training"),
                QStringLiteral("store_code"), QStringLiteral("customer_code"),
                QStringLiteral("customer_tier"), QStringLiteral("points_earned"),
                QStringLiteral("points_redeemed"), QStringLiteral("catalog_version"),
                QStringLiteral("shift_id") },
            &saleRows },
        { QStringLiteral("sale_lines"),
            { QStringLiteral("sale_id"), QStringLiteral("line_no"), QStringLiteral("line_id"),
                QStringLiteral("product_id"), QStringLiteral("sku"), QStringLiteral("name"),
                QStringLiteral("quantity"), QStringLiteral("unit_price_cents"),
                QStringLiteral("regular_price_cents"), QStringLiteral("line_discount_cents"),
                QStringLiteral("line_total_cents"), QStringLiteral("vat_class"),
                QStringLiteral("vat_basis_points") },
            &lineRows },
        { QStringLiteral("sale_adjustments"),
            { QStringLiteral("sale_id"), QStringLiteral("line_no"), QStringLiteral("adjustment_no"),
                QStringLiteral("kind"), QStringLiteral("source_id"), QStringLiteral("label"),
                QStringLiteral("amount_cents"), QStringLiteral("approved_by") },
            &adjustmentRows },
        { QStringLiteral("sale_vat"),
            { QStringLiteral("sale_id"), QStringLiteral("basis_points"),
                QStringLiteral("vat_class"), QStringLiteral("gross_cents"),
                QStringLiteral("vat_cents"), QStringLiteral("net_cents") },
            &vatRows },
        { QStringLiteral("sale_tenders"),
            { QStringLiteral("sale_id"), QStringLiteral("tender_no"), QStringLiteral("method"),
                QStringLiteral("amount_cents"), QStringLiteral("tendered_cents"),
                QStringLiteral("change_cents"), QStringLiteral("reference") },
            &tenderRows },
        { QStringLiteral("sale_authorisations"),
            { QStringLiteral("sale_id"), QStringLiteral("authorisation_no"),
                QStringLiteral("permission"), QStringLiteral("requested_by"),
                QStringLiteral("approved_by"), QStringLiteral("line_id"),
                QStringLiteral("amount_cents"), QStringLiteral("reason"),
                QStringLiteral("approved_at") },
            &authorisationRows },
        { QStringLiteral("sale_coupons"), { QStringLiteral("sale_id"), QStringLiteral("code") },
            &couponRows },
    };
    for (const auto &[table, columns, rows] : tables) {
        if (Core::Status s = db.insertRows(table, columns, *rows); !s)
            return s;
    }
    if (Core::Status s = applyWallet(context, events); !s)
        return s;
    for (const Credit &order : std::as_const(orders)) {
        if (Core::Status s = applySaleOrder(context, *order.event, order.customerId); !s)
            return s;
    }

    // Decrement in SQL (quantity = quantity - n), never read-modify-write in C++, so two
    // instances selling the same product both count. A product never stocked here starts
    // below zero: the sale happened, the count will correct it.
    const qint64 sequences = qint64(soldPerProduct.size()) + credits.size();
    Core::Result<qint64> firstSeq = db.reserveSequence(sequences);
    if (!firstSeq)
        return firstSeq.error();
    qint64 seq = firstSeq.value();
    QList<QVariantList> stockRows;
    for (const auto &[productId, sold] : soldPerProduct)
        stockRows.append({ productId, context.device.locationId, -sold, context.now, seq++ });
    if (Core::Status s = db.addStock(stockRows); !s)
        return s;

    // Loyalty: the ledger's unique (event, customer, reason) credits a sale's points once,
    // and only a row this transaction inserted moves the balance.
    const Core::LoyaltyRules loyalty = Core::LoyaltyRules::defaults();
    for (const Credit &credit : credits) {
        const auto &sale = credit.event->as<Core::Sale>();
        qint64 earned = 0;
        qint64 redeemed = 0;
        const std::pair<QString, qint64> entries[] {
            { QStringLiteral("sale"), sale.pointsEarned },
            { QStringLiteral("redeem"), -sale.pointsRedeemed },
        };
        for (const auto &[reason, points] : entries) {
            if (points == 0 || sale.training)
                continue;
            auto inserted = db.exec(
                QStringLiteral("INSERT INTO loyalty_ledger(customer_id, event_id, points, reason, "
                               "sale_id, location_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                               "ON CONFLICT(event_id, customer_id, reason) DO NOTHING "
                               "RETURNING points"),
                { credit.customerId, credit.event->envelope->eventId, points, reason, sale.saleId,
                    context.device.locationId, context.now });
            if (!inserted)
                return inserted.error();
            if (inserted.value().next()) {
                if (points > 0)
                    earned += points;
                else
                    redeemed -= points;
            }
        }
        auto updated
            = db.exec(QStringLiteral("UPDATE customers SET points_balance = points_balance + ?, "
                                     "lifetime_points = lifetime_points + ?, last_seen_at = ?, "
                                     "last_seen_location_id = ?, change_seq = ? WHERE id = ? "
                                     "RETURNING lifetime_points, tier"),
                { earned - redeemed, earned, context.now, context.device.locationId, seq++,
                    credit.customerId });
        if (!updated)
            return updated.error();
        if (updated.value().next()) {
            // Tiers only go up with lifetime points; a tier given by hand is never lowered.
            const QString tier = loyalty.tierFor(updated.value().value(0).toLongLong());
            auto rank = [&loyalty](const QString &name) {
                for (qsizetype i = 0; i < loyalty.tiers.size(); ++i) {
                    if (loyalty.tiers.at(i).name == name)
                        return i;
                }
                return qsizetype(-1);
            };
            if (rank(tier) > rank(updated.value().value(1).toString())) {
                auto promoted
                    = db.exec(QStringLiteral("UPDATE customers SET tier = ? WHERE id = ?"),
                        { tier, credit.customerId });
                if (!promoted)
                    return promoted.error();
            }
        }
    }
    return Core::success();
}

} // namespace Toonbank::Sync::Server
