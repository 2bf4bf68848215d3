#include "saleservice.h"

#include "customerservice.h"
#include "session.h"
#include "shiftgate_p.h"

#include "app/core/cashrounding.h"
#include "app/core/customerrules.h"
#include "app/core/loyalty.h"
#include "app/core/payment.h"
#include "app/core/promotionengine.h"
#include "app/core/tr.h"
#include "app/devices/cashdrawer.h"
#include "app/devices/receiptprinter.h"
#include "app/store/catalog.h"
#include "app/store/feedcursors.h"
#include "app/store/localdatabase.h"
#include "app/store/parkedbaskets.h"
#include "app/store/promotionstore.h"
#include "app/store/salesledger.h"
#include "app/store/staffdirectory.h"
#include "sync/protocol/saleevent.h"
#include "sync/protocol/stockelsewhere.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace Toonbank::Services {

using Core::Error;
using Core::Money;

struct SaleService::Rules
{
    Core::SaleRules rules;
    QDate day;
    qint64 generation = -1;
    // Which promotions can touch a line: by lower-cased "sku:", "category:" or "brand:" key;
    // basket-wide ones always take part.
    QHash<QString, QList<int>> byKey;
    QList<int> always;
};

namespace {

constexpr int parkedVersion = 2;

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

Error noLine()
{
    return Error::make(
        QStringLiteral("basket.no_line"), Core::Tr::tr("This line is no longer in the basket."));
}

Error orderLineLocked()
{
    return Error::make(QStringLiteral("order.line_locked"),
        Core::Tr::tr("This line is part of an order. Remove it to cancel the order, then order "
                     "again."));
}

QJsonObject basketOrderToJson(const BasketOrder &order)
{
    return QJsonObject {
        { QStringLiteral("order"), Sync::Protocol::toJson(order.order) },
        { QStringLiteral("holdIds"), QJsonArray::fromStringList(order.holdIds) },
        { QStringLiteral("pickupCode"), order.pickupCode },
        { QStringLiteral("pickupStoreName"), order.pickupStoreName },
        { QStringLiteral("expiresAt"), order.expiresAt.toUTC().toString(Qt::ISODateWithMs) },
    };
}

std::optional<BasketOrder> basketOrderFromJson(const QJsonObject &o)
{
    auto order = Sync::Protocol::saleOrderFromJson(o.value(QStringLiteral("order")).toObject());
    if (!order)
        return std::nullopt;
    BasketOrder out;
    out.order = order.value();
    for (const QJsonValue &id : o.value(QStringLiteral("holdIds")).toArray())
        out.holdIds.append(id.toString());
    out.pickupCode = o.value(QStringLiteral("pickupCode")).toString();
    out.pickupStoreName = o.value(QStringLiteral("pickupStoreName")).toString();
    out.expiresAt
        = QDateTime::fromString(o.value(QStringLiteral("expiresAt")).toString(), Qt::ISODateWithMs)
              .toUTC();
    return out;
}

Error approvalMismatch(const QString &detail)
{
    return Error::make(QStringLiteral("approval.mismatch"),
        Core::Tr::tr("This approval is for something else. Ask the manager again."), detail);
}

int settingInt(const Store::LocalDatabase &db, const QString &key, int fallback)
{
    bool ok = false;
    const int value = db.setting(key).toInt(&ok);
    return ok && value >= 0 ? value : fallback;
}

QJsonObject authorisationToJson(const Core::Authorisation &a)
{
    return {
        { QStringLiteral("permission"), Core::name(a.permission) },
        { QStringLiteral("requestedBy"), a.requestedBy },
        { QStringLiteral("approvedBy"), a.approvedBy },
        { QStringLiteral("lineId"), a.lineId },
        { QStringLiteral("amountCents"), a.amount.cents() },
        { QStringLiteral("reason"), a.reason },
        { QStringLiteral("approvedAt"), a.approvedAt.toUTC().toString(Qt::ISODateWithMs) },
    };
}

std::optional<Core::Authorisation> authorisationFromJson(const QJsonObject &o)
{
    const auto permission
        = Core::permissionFromName(o.value(QStringLiteral("permission")).toString());
    if (!permission)
        return std::nullopt;
    Core::Authorisation a;
    a.permission = *permission;
    a.requestedBy = o.value(QStringLiteral("requestedBy")).toInteger();
    a.approvedBy = o.value(QStringLiteral("approvedBy")).toInteger();
    a.lineId = o.value(QStringLiteral("lineId")).toString();
    a.amount = Money::fromCents(o.value(QStringLiteral("amountCents")).toInteger());
    a.reason = o.value(QStringLiteral("reason")).toString();
    a.approvedAt
        = QDateTime::fromString(o.value(QStringLiteral("approvedAt")).toString(), Qt::ISODateWithMs)
              .toUTC();
    return a;
}

QJsonObject draftToJson(const Core::DraftLine &line)
{
    QJsonObject o {
        { QStringLiteral("lineId"), line.lineId },
        { QStringLiteral("productId"), line.productId },
        { QStringLiteral("sku"), line.sku },
        { QStringLiteral("name"), line.name },
        { QStringLiteral("category"), line.category },
        { QStringLiteral("brand"), line.brand },
        { QStringLiteral("vatClass"), Core::name(line.vatClass) },
        { QStringLiteral("quantity"), line.quantity },
        { QStringLiteral("unitPriceCents"), line.unitPrice.cents() },
        { QStringLiteral("regularPriceCents"), line.regularPrice.cents() },
    };
    if (!line.giftCardNumber.isEmpty())
        o.insert(QStringLiteral("giftCardNumber"), line.giftCardNumber);
    if (line.manualDiscount) {
        o.insert(QStringLiteral("manualDiscount"),
            QJsonObject {
                { QStringLiteral("amountCents"), line.manualDiscount->amount.cents() },
                { QStringLiteral("percentBasisPoints"), line.manualDiscount->percentBasisPoints },
                { QStringLiteral("reason"), line.manualDiscount->reason },
                { QStringLiteral("requestedBy"), line.manualDiscount->requestedBy },
                { QStringLiteral("approvedBy"), line.manualDiscount->approvedBy },
            });
    }
    return o;
}

} // namespace

SaleService::SaleService(Store::LocalDatabase &database, Store::Catalog &catalog, Session &session,
    const Core::Clock &clock, QObject *parent)
    : QObject(parent)
    , m_db(database)
    , m_catalog(catalog)
    , m_session(session)
    , m_clock(clock)
    , m_ledger(std::make_unique<Store::SalesLedger>(database))
    , m_parked(std::make_unique<Store::ParkedBaskets>(database))
    , m_promotions(std::make_unique<Store::PromotionStore>(database))
    , m_saleId(newUuid())
{
    if (Core::Result<Store::Location> here = catalog.location(catalog.hereLocationId()))
        m_location = here.value();
    else
        m_location.id = catalog.hereLocationId();
}

SaleService::~SaleService() = default;

Core::Status SaleService::requireSell() const
{
    return m_session.require(Core::Permission::Sell);
}

Core::Status SaleService::requireEditable() const
{
    if (const Core::Status allowed = requireSell(); !allowed)
        return allowed;
    if (m_frozen)
        return Error::make(QStringLiteral("basket.frozen"),
            tr("The sale is being paid. Cancel the payment first to change it."));
    return Core::success();
}

void SaleService::refreshRules() const
{
    const QDate today = m_clock.nowLocal().date();
    const Core::Result<qint64> generation = m_promotions->generation();
    const qint64 current = generation ? generation.value() : -1;
    if (m_rules && m_rules->day == today && m_rules->generation == current)
        return;
    auto rules = std::make_unique<Rules>();
    rules->day = today;
    rules->generation = current;
    Core::SaleRules &r = rules->rules;
    r.vatTable = Core::VatTable::builtIn();
    r.country = m_location.country;
    r.storeCode = m_location.code;
    r.cashRounding = m_location.cashRounding;
    r.loyalty = Core::LoyaltyRules::defaults();
    // Promotions that can run today here: loaded once per day and per feed change, never
    // per scan. The engine judges each at the sale's own time.
    if (auto promotions = m_promotions->activeOn(today, m_location.code))
        r.promotions = promotions.value();
    Core::DiscountLimits &limits = r.discountLimits;
    limits.cashierMaxBasisPoints = settingInt(
        m_db, QStringLiteral("discount.cashier_max_basis_points"), limits.cashierMaxBasisPoints);
    limits.cashierMaxAmount = Money::fromCents(settingInt(
        m_db, QStringLiteral("discount.cashier_max_cents"), int(limits.cashierMaxAmount.cents())));
    limits.supervisorMaxBasisPoints = settingInt(m_db,
        QStringLiteral("discount.supervisor_max_basis_points"), limits.supervisorMaxBasisPoints);
    limits.supervisorMaxAmount = Money::fromCents(settingInt(m_db,
        QStringLiteral("discount.supervisor_max_cents"), int(limits.supervisorMaxAmount.cents())));
    for (int i = 0; i < r.promotions.size(); ++i) {
        const Core::Promotion &p = r.promotions.at(i);
        QString prefix;
        switch (p.target) {
        case Core::PromotionTarget::Item:
            prefix = QStringLiteral("sku:");
            break;
        case Core::PromotionTarget::Category:
            prefix = QStringLiteral("category:");
            break;
        case Core::PromotionTarget::Brand:
            prefix = QStringLiteral("brand:");
            break;
        case Core::PromotionTarget::Basket:
            break;
        }
        if (prefix.isEmpty() || p.targetKeys.isEmpty()) {
            rules->always.append(i);
            continue;
        }
        for (const QString &key : p.targetKeys)
            rules->byKey[prefix + key.toLower()].append(i);
    }
    m_rules = std::move(rules);
}

Core::SaleRules SaleService::rulesFor(const QList<Core::DraftLine> &lines) const
{
    refreshRules();
    // Only the promotions that can touch one of these lines (or the whole basket) go to the
    // engine: the same result as all of them, without weighing hundreds per scan.
    Core::SaleRules subset = m_rules->rules;
    QList<int> picked = m_rules->always;
    for (const Core::DraftLine &line : lines) {
        for (const QString &key : { QStringLiteral("sku:") + line.sku.toLower(),
                 QStringLiteral("category:") + line.category.toLower(),
                 QStringLiteral("brand:") + line.brand.toLower() }) {
            const auto it = m_rules->byKey.constFind(key);
            if (it != m_rules->byKey.cend())
                picked += it.value();
        }
    }
    std::sort(picked.begin(), picked.end());
    picked.erase(std::unique(picked.begin(), picked.end()), picked.end());
    subset.promotions.clear();
    subset.promotions.reserve(picked.size());
    for (const int index : std::as_const(picked))
        subset.promotions.append(m_rules->rules.promotions.at(index));
    return subset;
}

const Core::SaleRules &SaleService::rules() const
{
    refreshRules();
    return m_rules->rules;
}

Core::SaleContext SaleService::context(const QDateTime &at) const
{
    Core::SaleContext context;
    context.soldAt = at;
    context.customer = m_customer;
    context.couponCodes = m_coupons;
    context.authorisations = m_authorisations;
    if (m_order)
        context.order = m_order->order;
    return context;
}

void SaleService::rebuild() const
{
    if (m_sale && m_view)
        return;
    refreshRules();
    m_sale = Core::buildSale(m_lines, rulesFor(m_lines), context(m_clock.nowUtc()));
    if (m_sale->ok())
        withOrder(m_sale->value());
    BasketView view;
    view.customer = m_customerChip;
    view.couponCodes = m_coupons;
    if (m_sale->ok()) {
        const Core::Sale &sale = m_sale->value();
        QHash<qint64, QString> approverNames;
        for (const Core::SaleLine &line : sale.lines) {
            BasketLineView out;
            out.lineId = line.lineId;
            out.productId = line.productId;
            out.sku = line.sku;
            out.name = line.name;
            out.quantity = line.quantity;
            out.unitPrice = line.unitPrice;
            out.regularPrice = line.regularPrice;
            out.grossTotal = line.grossTotal();
            out.lineTotal = line.lineTotal();
            out.vatLabel = line.vatRate.toDisplayString();
            if (m_order) {
                out.ordered = m_order->order.lineIds.contains(line.lineId);
                out.delivery = m_order->order.deliveryLineId == line.lineId;
            }
            for (const Core::Adjustment &adjustment : line.adjustments) {
                AdjustmentView a { adjustment.kind, adjustment.label, adjustment.amount, {} };
                if (adjustment.approvedBy != 0) {
                    if (!approverNames.contains(adjustment.approvedBy)) {
                        auto member = Store::StaffDirectory(m_db).member(adjustment.approvedBy);
                        approverNames.insert(
                            adjustment.approvedBy, member ? member->displayName : QString());
                    }
                    a.approvedBy = approverNames.value(adjustment.approvedBy);
                }
                out.adjustments.append(a);
            }
            view.grossTotal += out.grossTotal;
            view.discountTotal += line.discountTotal();
            view.itemCount += line.quantity;
            view.lines.append(out);
        }
        for (const Core::VatBreakdown &vat : sale.vat)
            view.vat.append({ vat.rate.toDisplayString(), vat.net, vat.vat, vat.gross });
        view.total = sale.total;
        view.pointsToEarn = m_customer ? Core::pointsEarned(sale, m_rules->rules.loyalty) : 0;
    } else {
        // Never expected (every change is checked before it is kept): show the plain lines.
        for (const Core::DraftLine &line : m_lines) {
            BasketLineView out;
            out.lineId = line.lineId;
            out.productId = line.productId;
            out.sku = line.sku;
            out.name = line.name;
            out.quantity = line.quantity;
            out.unitPrice = line.unitPrice;
            out.regularPrice = line.regularPrice;
            out.grossTotal = line.unitPrice * line.quantity;
            out.lineTotal = out.grossTotal;
            view.grossTotal += out.grossTotal;
            view.itemCount += line.quantity;
            view.lines.append(out);
        }
        view.total = view.grossTotal;
    }
    m_view = view;
}

const BasketView &SaleService::view() const
{
    rebuild();
    return *m_view;
}

Core::Result<Core::Sale> SaleService::currentSale() const
{
    rebuild();
    return *m_sale;
}

void SaleService::changed()
{
    m_view.reset();
    m_sale.reset();
    emit basketChanged();
}

int SaleService::indexOf(const QString &lineId) const
{
    for (int i = 0; i < m_lines.size(); ++i) {
        if (m_lines.at(i).lineId == lineId)
            return i;
    }
    return -1;
}

QString SaleService::nextLineId()
{
    return QStringLiteral("L%1").arg(++m_lineCounter);
}

// Applies `change` to the basket; keeps it only when the sale still builds, so every error
// leaves the basket as it was.
#define TOONBANK_TRY_CHANGE(...)                                                                   \
    do {                                                                                           \
        const auto savedLines = m_lines;                                                           \
        const auto savedAuthorisations = m_authorisations;                                         \
        const auto savedCoupons = m_coupons;                                                       \
        const auto savedCustomer = m_customer;                                                     \
        const auto savedChip = m_customerChip;                                                     \
        const int savedCounter = m_lineCounter;                                                    \
        __VA_ARGS__;                                                                               \
        m_view.reset();                                                                            \
        m_sale.reset();                                                                            \
        rebuild();                                                                                 \
        if (!m_sale->ok()) {                                                                       \
            const Error failure = m_sale->error();                                                 \
            m_lines = savedLines;                                                                  \
            m_authorisations = savedAuthorisations;                                                \
            m_coupons = savedCoupons;                                                              \
            m_customer = savedCustomer;                                                            \
            m_customerChip = savedChip;                                                            \
            m_lineCounter = savedCounter;                                                          \
            m_view.reset();                                                                        \
            m_sale.reset();                                                                        \
            return failure;                                                                        \
        }                                                                                          \
    } while (false)

Core::Result<QString> SaleService::addSummary(const Store::ProductSummary &product)
{
    const auto vatClass = Core::vatClassFromName(product.vatClass);
    if (!vatClass)
        return Error::make(QStringLiteral("vat.unknown_class"),
            tr("This product has no valid VAT class; it cannot be sold."), product.vatClass);
    const Money price = product.effectivePrice();
    QString lineId;
    for (const Core::DraftLine &line : std::as_const(m_lines)) {
        const bool priceChanged = std::any_of(
            m_authorisations.cbegin(), m_authorisations.cend(), [&](const Core::Authorisation &a) {
                return a.lineId == line.lineId && a.permission == Core::Permission::ChangePrice;
            });
        if (line.productId == product.id && line.unitPrice == price && !line.manualDiscount
            && !priceChanged && !isOrderLine(line.lineId)) {
            lineId = line.lineId;
            break;
        }
    }
    TOONBANK_TRY_CHANGE({
        if (!lineId.isEmpty()) {
            m_lines[indexOf(lineId)].quantity += 1;
        } else {
            Core::DraftLine line;
            line.lineId = nextLineId();
            line.productId = product.id;
            line.sku = product.sku;
            line.name = product.name;
            line.category = product.category;
            line.brand = product.brand;
            line.vatClass = *vatClass;
            line.quantity = 1;
            line.unitPrice = price;
            line.regularPrice = product.price;
            m_lines.append(line);
            lineId = line.lineId;
        }
    });
    emit basketChanged();
    return lineId;
}

Core::Result<ScanResult> SaleService::scan(const QString &code)
{
    if (const Core::Status allowed = requireEditable(); !allowed)
        return allowed.error();
    const QString trimmed = code.trimmed();
    const Core::ScanKind kind = Core::classifyScan(trimmed);
    if (kind == Core::ScanKind::LoyaltyCard || kind == Core::ScanKind::CustomerAppQr) {
        Core::Result<QString> card = Core::loyaltyCardNumber(trimmed);
        if (!card)
            return card.error();
        if (const Core::Status attached = attachCustomer(card.value()); !attached)
            return attached.error();
        ScanResult result;
        result.kind = ScanResult::Kind::CustomerAttached;
        result.cardNumber = card.value();
        return result;
    }
    Core::Result<Store::ProductSummary> product
        = m_catalog.findByBarcode(trimmed, m_clock.nowLocal().date());
    if (!product)
        return product.error();
    Core::Result<QString> lineId = addSummary(product.value());
    if (!lineId)
        return lineId.error();
    ScanResult result;
    result.lineId = lineId.value();
    return result;
}

Core::Result<QList<Store::ProductSummary>> SaleService::search(const QString &text, int limit) const
{
    if (const Core::Status allowed = requireSell(); !allowed)
        return allowed.error();
    return m_catalog.search(text, m_clock.nowLocal().date(), limit);
}

Core::Result<QString> SaleService::addProduct(qint64 productId)
{
    if (const Core::Status allowed = requireEditable(); !allowed)
        return allowed.error();
    Core::Result<Store::ProductDetail> detail = m_catalog.product(productId);
    if (!detail)
        return detail.error();
    const Store::ProductRecord &record = detail->record;
    const QDate today = m_clock.nowLocal().date();
    Store::ProductSummary summary;
    summary.id = record.id;
    summary.sku = record.sku;
    summary.name = record.name;
    summary.brand = record.brand;
    summary.category = record.category;
    summary.vatClass = record.vatClass;
    summary.price = record.price;
    if (record.promoActiveOn(today))
        summary.promoPrice = record.promoPrice;
    return addSummary(summary);
}

Core::Status SaleService::setQuantity(const QString &lineId, int quantity)
{
    if (const Core::Status allowed = requireEditable(); !allowed)
        return allowed;
    if (quantity < 0 || quantity > 9999)
        return Error::make(
            QStringLiteral("basket.bad_quantity"), tr("A quantity must be between 0 and 9999."));
    const int index = indexOf(lineId);
    if (index < 0)
        return noLine();
    if (quantity == 0)
        return removeLine(lineId);
    if (isOrderLine(lineId))
        return orderLineLocked();
    if (giftLine(lineId) && quantity != 1)
        return Error::make(QStringLiteral("giftcard.quantity"),
            tr("A gift card is one line per card. Add another card instead."));
    TOONBANK_TRY_CHANGE(m_lines[index].quantity = quantity);
    emit basketChanged();
    return Core::success();
}

Core::Status SaleService::removeLine(const QString &lineId)
{
    if (const Core::Status allowed = requireEditable(); !allowed)
        return allowed;
    const int index = indexOf(lineId);
    if (index < 0)
        return noLine();
    if (isOrderLine(lineId)) {
        // The order is one whole (its delivery price is the server's for all its lines):
        // removing one of its lines gives the order up and takes all its lines out.
        const BasketOrder order = *m_order;
        QStringList gone = order.order.lineIds;
        if (!order.order.deliveryLineId.isEmpty())
            gone.append(order.order.deliveryLineId);
        TOONBANK_TRY_CHANGE({
            m_lines.removeIf(
                [&](const Core::DraftLine &line) { return gone.contains(line.lineId); });
            m_authorisations.removeIf(
                [&](const Core::Authorisation &a) { return gone.contains(a.lineId); });
        });
        releaseOrder();
        changed();
        return Core::success();
    }
    TOONBANK_TRY_CHANGE({
        m_lines.removeAt(index);
        m_authorisations.removeIf([&](const Core::Authorisation &a) { return a.lineId == lineId; });
    });
    emit basketChanged();
    return Core::success();
}

void SaleService::setExchangeCredit(std::optional<ExchangeCredit> credit)
{
    m_exchange = std::move(credit);
    changed();
}

void SaleService::abandonExchange()
{
    if (!m_exchange)
        return;
    const std::function<void()> abandon = m_exchange->abandon;
    m_exchange.reset();
    if (abandon)
        abandon();
    changed();
}

Core::Status SaleService::clear()
{
    if (const Core::Status allowed = requireEditable(); !allowed)
        return allowed;
    abandonExchange();
    if (m_claimer) {
        for (const CouponClaim &claim : std::as_const(m_claims))
            m_claimer->release(claim);
    }
    releaseOrder();
    const bool hadCustomer = m_customer.has_value();
    m_lines.clear();
    m_authorisations.clear();
    m_coupons.clear();
    m_claims.clear();
    m_customer.reset();
    m_customerChip.reset();
    m_lineCounter = 0;
    m_saleId = newUuid();
    changed();
    if (hadCustomer)
        emit customerChanged();
    return Core::success();
}

Core::Status SaleService::attachCustomer(const QString &cardNumber)
{
    if (const Core::Status allowed = requireEditable(); !allowed)
        return allowed;
    if (!m_customers)
        return Error::make(QStringLiteral("customer.unavailable"),
            tr("Customers cannot be looked up on this tablet."));
    Core::Result<CustomerSummary> found = m_customers->customerForSale(cardNumber);
    if (!found)
        return found.error();
    const CustomerSummary &customer = found.value();
    TOONBANK_TRY_CHANGE({
        m_customer = Core::SaleCustomer { customer.id, customer.cardNumber, customer.tier };
        m_customerChip
            = CustomerChip { customer.cardNumber, customer.name, customer.tier, customer.points };
    });
    emit basketChanged();
    emit customerChanged();
    return Core::success();
}

void SaleService::detachCustomer()
{
    if (!m_customer || m_frozen)
        return;
    m_customer.reset();
    m_customerChip.reset();
    changed();
    emit customerChanged();
}

Core::Status SaleService::addCoupon(const QString &code)
{
    if (const Core::Status allowed = requireEditable(); !allowed)
        return allowed;
    const QString trimmed = code.trimmed();
    if (m_coupons.contains(trimmed, Qt::CaseInsensitive))
        return Error::make(
            QStringLiteral("coupon.duplicate"), tr("This coupon is already on the sale."), trimmed);
    Core::Result<QList<Core::Promotion>> promotions = m_promotions->withCoupon(trimmed);
    if (!promotions)
        return promotions.error();
    if (trimmed.isEmpty() || promotions->isEmpty())
        return Error::make(QStringLiteral("coupon.unknown"),
            tr("The coupon code %1 is not known.").arg(trimmed), trimmed);
    const QDateTime now = m_clock.nowLocal();
    const QString store = m_location.code;
    const Core::Promotion *usable = nullptr;
    bool datesOk = false;
    for (const Core::Promotion &p : promotions.value()) {
        if (Core::isActive(p, now, store)) {
            usable = &p;
            break;
        }
        // Valid now somewhere else?
        const QString anyOfItsStores = p.storeCodes.isEmpty() ? store : p.storeCodes.first();
        datesOk = datesOk || Core::isActive(p, now, anyOfItsStores);
    }
    if (!usable) {
        if (datesOk)
            return Error::make(QStringLiteral("coupon.other_store"),
                tr("The coupon %1 is not valid in this store.").arg(trimmed), trimmed);
        return Error::make(QStringLiteral("coupon.expired"),
            tr("The coupon %1 is not valid today.").arg(trimmed), trimmed);
    }
    if (usable->customerId != 0 && (!m_customer || m_customer->id != usable->customerId))
        return Error::make(QStringLiteral("coupon.needs_customer"),
            tr("The coupon %1 is personal: attach its customer first.").arg(trimmed), trimmed);
    std::optional<CouponClaim> claim;
    if (usable->singleUse) {
        if (!m_claimer || !m_claimer->isOnline())
            return Error::make(QStringLiteral("coupon.needs_network"),
                tr("The coupon %1 can be used only once and needs a connection to the server. "
                   "Try again when the tablet is online.")
                    .arg(trimmed),
                trimmed);
        Core::Result<CouponClaim> claimed = m_claimer->claim(usable->couponCode, m_saleId, store);
        if (!claimed)
            return claimed.error();
        claim = claimed.value();
    }
    const QString canonical = usable->couponCode;
    const auto attempt = [&]() -> Core::Status {
        TOONBANK_TRY_CHANGE(m_coupons.append(canonical));
        return Core::success();
    }();
    if (!attempt) {
        if (claim && m_claimer)
            m_claimer->release(*claim);
        return attempt;
    }
    if (claim)
        m_claims.append(*claim);
    emit basketChanged();
    return Core::success();
}

Core::Status SaleService::removeCoupon(const QString &code)
{
    if (const Core::Status allowed = requireEditable(); !allowed)
        return allowed;
    const qsizetype index = m_coupons.indexOf(code.trimmed(), 0);
    qsizetype found = index;
    if (found < 0) {
        for (qsizetype i = 0; i < m_coupons.size(); ++i) {
            if (m_coupons.at(i).compare(code.trimmed(), Qt::CaseInsensitive) == 0)
                found = i;
        }
    }
    if (found < 0)
        return Error::make(QStringLiteral("coupon.unknown"),
            tr("The coupon code %1 is not on this sale.").arg(code.trimmed()));
    const QString removed = m_coupons.at(found);
    TOONBANK_TRY_CHANGE(m_coupons.removeAt(found));
    for (qsizetype i = m_claims.size() - 1; i >= 0; --i) {
        if (m_claims.at(i).code.compare(removed, Qt::CaseInsensitive) == 0) {
            if (m_claimer)
                m_claimer->release(m_claims.at(i));
            m_claims.removeAt(i);
        }
    }
    emit basketChanged();
    return Core::success();
}

Core::Result<ChangeOutcome> SaleService::setManualDiscount(const QString &lineId, Money amount,
    int percentBasisPoints, const QString &reason,
    const std::optional<Core::Authorisation> &approval)
{
    if (const Core::Status allowed = requireEditable(); !allowed)
        return allowed.error();
    const int index = indexOf(lineId);
    if (index < 0)
        return noLine();
    if (isOrderLine(lineId))
        return orderLineLocked();
    if (giftLine(lineId))
        return Error::make(QStringLiteral("giftcard.no_discount"),
            tr("A gift card is sold at its value: no discount or price change."));
    const bool byAmount = amount > Money();
    const bool byPercent = percentBasisPoints > 0;
    if (byAmount == byPercent || amount.isNegative() || percentBasisPoints < 0
        || percentBasisPoints > 10000)
        return Error::make(QStringLiteral("discount.invalid"),
            tr("Enter either an amount or a percentage for the discount."));

    // What is left of the line after the promotions (its current manual discount not counted).
    Money base;
    {
        Core::DraftLine plain = m_lines.at(index);
        plain.manualDiscount.reset();
        QList<Core::DraftLine> lines = m_lines;
        lines[index] = plain;
        refreshRules();
        Core::Result<Core::Sale> sale
            = Core::buildSale(lines, rulesFor(lines), context(m_clock.nowUtc()));
        if (!sale)
            return sale.error();
        for (const Core::SaleLine &line : sale->lines) {
            if (line.lineId == lineId)
                base = line.lineTotal();
        }
    }
    const Money discount
        = byAmount ? amount : Money::fromCents((base.cents() * percentBasisPoints + 5000) / 10000);
    if (discount > base || discount.isZero())
        return Error::make(QStringLiteral("discount.invalid"),
            tr("The discount is larger than what is left of the line (%1).")
                .arg(base.toDisplayString()));

    const Store::StaffMember &me = *m_session.staff();
    const bool needsApproval = Core::manualDiscountNeedsApproval(
        Session::coreRole(me.role), base, discount, m_rules->rules.discountLimits);
    if (needsApproval && !approval) {
        ChangeOutcome outcome;
        outcome.state = ChangeOutcome::State::NeedsApproval;
        outcome.approval.permission = Core::Permission::ApproveManualDiscount;
        outcome.approval.lineId = lineId;
        outcome.approval.amount = discount;
        outcome.approval.what = tr("Manual discount %1 on %2")
                                    .arg(discount.toDisplayString(), m_lines.at(index).name);
        return outcome;
    }
    if (approval
        && (approval->permission != Core::Permission::ApproveManualDiscount
            || approval->lineId != lineId || approval->amount < discount
            || approval->requestedBy != me.id))
        return approvalMismatch(QStringLiteral("approval for %1 on %2, %3 cents; asked %4 on %5")
                                    .arg(Core::name(approval->permission), approval->lineId)
                                    .arg(approval->amount.cents())
                                    .arg(discount.cents())
                                    .arg(lineId));

    Core::ManualDiscount manual;
    manual.amount = discount; // a percentage becomes the amount it was approved for
    manual.reason = reason;
    manual.requestedBy = me.id;
    manual.approvedBy = approval && needsApproval ? approval->approvedBy : 0;
    TOONBANK_TRY_CHANGE({
        m_lines[index].manualDiscount = manual;
        m_authorisations.removeIf([&](const Core::Authorisation &a) {
            return a.lineId == lineId && a.permission == Core::Permission::ApproveManualDiscount;
        });
        if (approval && needsApproval)
            m_authorisations.append(*approval);
    });
    emit basketChanged();
    return ChangeOutcome {};
}

Core::Status SaleService::removeManualDiscount(const QString &lineId)
{
    if (const Core::Status allowed = requireEditable(); !allowed)
        return allowed;
    const int index = indexOf(lineId);
    if (index < 0)
        return noLine();
    TOONBANK_TRY_CHANGE({
        m_lines[index].manualDiscount.reset();
        m_authorisations.removeIf([&](const Core::Authorisation &a) {
            return a.lineId == lineId && a.permission == Core::Permission::ApproveManualDiscount;
        });
    });
    emit basketChanged();
    return Core::success();
}

Core::Result<ChangeOutcome> SaleService::changePrice(const QString &lineId, Money unitPrice,
    const QString &reason, const std::optional<Core::Authorisation> &approval)
{
    if (const Core::Status allowed = requireEditable(); !allowed)
        return allowed.error();
    const int index = indexOf(lineId);
    if (index < 0)
        return noLine();
    if (isOrderLine(lineId))
        return orderLineLocked();
    if (giftLine(lineId))
        return Error::make(QStringLiteral("giftcard.no_discount"),
            tr("A gift card is sold at its value: no discount or price change."));
    const Money current = m_lines.at(index).unitPrice;
    if (unitPrice.isNegative() || unitPrice == current)
        return Error::make(QStringLiteral("price.invalid"),
            tr("Enter a new price that differs from %1.").arg(current.toDisplayString()));
    const Money difference = current > unitPrice ? current - unitPrice : unitPrice - current;
    const Store::StaffMember &me = *m_session.staff();
    const bool ownRight = Core::allows(Session::coreRole(me.role), Core::Permission::ChangePrice);
    if (!ownRight && !approval) {
        ChangeOutcome outcome;
        outcome.state = ChangeOutcome::State::NeedsApproval;
        outcome.approval.permission = Core::Permission::ChangePrice;
        outcome.approval.lineId = lineId;
        outcome.approval.amount = difference;
        outcome.approval.what = tr("Price of %1 from %2 to %3")
                                    .arg(m_lines.at(index).name, current.toDisplayString(),
                                        unitPrice.toDisplayString());
        return outcome;
    }
    Core::Authorisation record;
    if (approval && !ownRight) {
        if (approval->permission != Core::Permission::ChangePrice || approval->lineId != lineId
            || approval->amount < difference || approval->requestedBy != me.id)
            return approvalMismatch(QStringLiteral("price change approval does not match"));
        record = *approval;
    } else {
        record.permission = Core::Permission::ChangePrice;
        record.requestedBy = me.id;
        record.approvedBy = me.id;
        record.lineId = lineId;
        record.amount = difference;
        record.reason = reason;
        record.approvedAt = m_clock.nowUtc();
    }
    TOONBANK_TRY_CHANGE({
        m_lines[index].unitPrice = unitPrice;
        m_authorisations.removeIf([&](const Core::Authorisation &a) {
            return a.lineId == lineId && a.permission == Core::Permission::ChangePrice;
        });
        m_authorisations.append(record);
    });
    emit basketChanged();
    return ChangeOutcome {};
}

CashQuote SaleService::cashQuote() const
{
    CashQuote quote;
    quote.total = view().total;
    quote.due = m_location.cashRounding ? Core::roundToFiveCents(quote.total) : quote.total;
    quote.rounding = quote.due - quote.total;
    return quote;
}

Core::Status SaleService::park(const QString &label)
{
    if (const Core::Status allowed = requireEditable(); !allowed)
        return allowed;
    if (m_lines.isEmpty())
        return Error::make(QStringLiteral("basket.empty"), tr("The basket is empty."));
    const QByteArray json = basketJson();
    Core::Result<qint64> parked
        = m_parked->park(m_session.staff()->id, label, json, m_clock.nowUtc());
    if (!parked)
        return parked.error();
    // The claims (and an order's holds) travel with the parked basket: nothing is released.
    m_claims.clear();
    m_order.reset();
    m_lines.clear();
    m_authorisations.clear();
    m_coupons.clear();
    const bool hadCustomer = m_customer.has_value();
    m_customer.reset();
    m_customerChip.reset();
    m_lineCounter = 0;
    m_saleId = newUuid();
    changed();
    if (hadCustomer)
        emit customerChanged();
    return Core::success();
}

QByteArray SaleService::basketJson() const
{
    QJsonArray lines;
    for (const Core::DraftLine &line : std::as_const(m_lines))
        lines.append(draftToJson(line));
    QJsonArray authorisations;
    for (const Core::Authorisation &a : std::as_const(m_authorisations))
        authorisations.append(authorisationToJson(a));
    QJsonArray claims;
    for (const CouponClaim &claim : std::as_const(m_claims))
        claims.append(QJsonObject {
            { QStringLiteral("code"), claim.code }, { QStringLiteral("claimId"), claim.claimId } });
    QJsonObject basket {
        { QStringLiteral("version"), parkedVersion },
        { QStringLiteral("saleId"), m_saleId },
        { QStringLiteral("lineCounter"), m_lineCounter },
        { QStringLiteral("lines"), lines },
        { QStringLiteral("coupons"), QJsonArray::fromStringList(m_coupons) },
        { QStringLiteral("claims"), claims },
        { QStringLiteral("authorisations"), authorisations },
    };
    if (m_order)
        basket.insert(QStringLiteral("order"), basketOrderToJson(*m_order));
    // Only the card number, id and tier: the customer's personal data stays sealed in the
    // customer cache.
    if (m_customer) {
        basket.insert(QStringLiteral("customer"),
            QJsonObject { { QStringLiteral("id"), m_customer->id },
                { QStringLiteral("code"), m_customer->code },
                { QStringLiteral("tier"), m_customer->tier } });
    }
    return QJsonDocument(basket).toJson(QJsonDocument::Compact);
}

namespace {

struct ParkedState
{
    QString saleId;
    int lineCounter = 0;
    QList<Core::DraftLine> lines;
    QStringList coupons;
    QList<CouponClaim> claims;
    QList<Core::Authorisation> authorisations;
    std::optional<Core::SaleCustomer> customer;
    std::optional<BasketOrder> order; // endless aisle
};

Core::Result<ParkedState> parseParked(const QByteArray &json)
{
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    const int version = root.value(QStringLiteral("version")).toInt(1);
    ParkedState state;
    const auto bad = [](const QString &detail) {
        return Error::make(QStringLiteral("parked.unreadable"),
            Core::Tr::tr("This parked sale cannot be read by this version of Toonbank."), detail);
    };
    if (version > parkedVersion)
        return bad(QStringLiteral("version %1").arg(version));
    const QJsonArray lines = root.value(QStringLiteral("lines")).toArray();
    int counter = 0;
    for (const QJsonValue &value : lines) {
        const QJsonObject o = value.toObject();
        Core::DraftLine line;
        line.productId = o.value(QStringLiteral("productId")).toInteger();
        line.sku = o.value(QStringLiteral("sku")).toString();
        line.name = o.value(QStringLiteral("name")).toString();
        line.quantity = o.value(QStringLiteral("quantity")).toInt();
        line.unitPrice = Money::fromCents(o.value(QStringLiteral("unitPriceCents")).toInteger());
        line.regularPrice
            = Money::fromCents(o.value(QStringLiteral("regularPriceCents")).toInteger());
        const auto vatClass
            = Core::vatClassFromName(o.value(QStringLiteral("vatClass")).toString());
        if (!vatClass)
            return bad(
                QStringLiteral("vat class %1").arg(o.value(QStringLiteral("vatClass")).toString()));
        line.vatClass = *vatClass;
        if (version >= 2) {
            line.lineId = o.value(QStringLiteral("lineId")).toString();
            line.category = o.value(QStringLiteral("category")).toString();
            line.brand = o.value(QStringLiteral("brand")).toString();
            line.giftCardNumber = o.value(QStringLiteral("giftCardNumber")).toString();
            const QJsonObject manual = o.value(QStringLiteral("manualDiscount")).toObject();
            if (!manual.isEmpty()) {
                Core::ManualDiscount discount;
                discount.amount
                    = Money::fromCents(manual.value(QStringLiteral("amountCents")).toInteger());
                discount.percentBasisPoints
                    = manual.value(QStringLiteral("percentBasisPoints")).toInt();
                discount.reason = manual.value(QStringLiteral("reason")).toString();
                discount.requestedBy = manual.value(QStringLiteral("requestedBy")).toInteger();
                discount.approvedBy = manual.value(QStringLiteral("approvedBy")).toInteger();
                line.manualDiscount = discount;
            }
        } else {
            // v1: no line ids; a line discount (never set by v1 screens) becomes a manual one.
            line.lineId = QStringLiteral("L%1").arg(++counter);
            const Money discount
                = Money::fromCents(o.value(QStringLiteral("lineDiscountCents")).toInteger());
            if (discount > Money()) {
                Core::ManualDiscount manual;
                manual.amount = discount;
                line.manualDiscount = manual;
            }
        }
        state.lines.append(line);
    }
    if (version >= 2) {
        state.saleId = root.value(QStringLiteral("saleId")).toString();
        state.lineCounter = root.value(QStringLiteral("lineCounter")).toInt();
        for (const QJsonValue &code : root.value(QStringLiteral("coupons")).toArray())
            state.coupons.append(code.toString());
        for (const QJsonValue &claim : root.value(QStringLiteral("claims")).toArray()) {
            const QJsonObject o = claim.toObject();
            state.claims.append({ o.value(QStringLiteral("code")).toString(),
                o.value(QStringLiteral("claimId")).toString() });
        }
        for (const QJsonValue &a : root.value(QStringLiteral("authorisations")).toArray()) {
            if (auto authorisation = authorisationFromJson(a.toObject()))
                state.authorisations.append(*authorisation);
        }
        if (root.contains(QStringLiteral("order"))) {
            state.order = basketOrderFromJson(root.value(QStringLiteral("order")).toObject());
            if (!state.order)
                return bad(QStringLiteral("order section unreadable"));
        }
        const QJsonObject customer = root.value(QStringLiteral("customer")).toObject();
        if (!customer.isEmpty()) {
            state.customer = Core::SaleCustomer { customer.value(QStringLiteral("id")).toInteger(),
                customer.value(QStringLiteral("code")).toString(),
                customer.value(QStringLiteral("tier")).toString() };
        }
    } else {
        state.lineCounter = counter;
    }
    if (state.saleId.isEmpty())
        state.saleId = newUuid();
    return state;
}

} // namespace

Core::Result<QList<ParkedSummary>> SaleService::listParked() const
{
    if (const Core::Status allowed = requireSell(); !allowed)
        return allowed.error();
    Core::Result<QList<Store::ParkedBasket>> parked = m_parked->list();
    if (!parked)
        return parked.error();
    QList<ParkedSummary> summaries;
    for (const Store::ParkedBasket &basket : parked.value()) {
        ParkedSummary summary { basket.id, basket.parkedAt, basket.label, 0, {} };
        if (Core::Result<ParkedState> state = parseParked(basket.basketJson)) {
            for (const Core::DraftLine &line : state->lines) {
                summary.itemCount += line.quantity;
                summary.total += line.unitPrice * line.quantity
                    - (line.manualDiscount ? line.manualDiscount->amount : Money());
            }
        }
        summaries.append(summary);
    }
    return summaries;
}

Core::Status SaleService::resume(qint64 parkedId)
{
    if (const Core::Status allowed = requireEditable(); !allowed)
        return allowed;
    if (!m_lines.isEmpty())
        return Error::make(QStringLiteral("basket.not_empty"),
            tr("Finish or park the current sale before resuming another one."));
    Core::Result<QList<Store::ParkedBasket>> parked = m_parked->list();
    if (!parked)
        return parked.error();
    for (const Store::ParkedBasket &candidate : parked.value()) {
        if (candidate.id != parkedId)
            continue;
        // Rebuild first, remove after: a basket that cannot be rebuilt stays parked.
        Core::Result<ParkedState> parsed = parseParked(candidate.basketJson);
        if (!parsed)
            return parsed.error();
        ParkedState *state = &parsed.value();
        // v1 lines did not carry category and brand, which category/brand promotions need.
        for (Core::DraftLine &line : state->lines) {
            if (line.category.isEmpty() && line.brand.isEmpty()) {
                if (auto detail = m_catalog.product(line.productId)) {
                    line.category = detail->record.category;
                    line.brand = detail->record.brand;
                }
            }
        }
        std::optional<CustomerChip> chip;
        if (state->customer) {
            chip = CustomerChip { state->customer->code, {}, state->customer->tier, 0 };
            if (m_customers) {
                if (auto customer = m_customers->customerForSale(state->customer->code))
                    chip = CustomerChip { customer->cardNumber, customer->name, customer->tier,
                        customer->points };
            }
        }
        TOONBANK_TRY_CHANGE({
            m_lines = state->lines;
            m_lineCounter = state->lineCounter;
            m_coupons = state->coupons;
            m_authorisations = state->authorisations;
            m_customer = state->customer;
            m_customerChip = chip;
        });
        Core::Result<Store::ParkedBasket> taken = m_parked->take(parkedId);
        if (!taken) {
            m_lines.clear();
            m_coupons.clear();
            m_authorisations.clear();
            m_customer.reset();
            m_customerChip.reset();
            m_lineCounter = 0;
            changed();
            return taken.error();
        }
        m_saleId = state->saleId;
        m_claims = state->claims;
        m_order = state->order;
        changed();
        if (m_customer)
            emit customerChanged();
        return Core::success();
    }
    return Error::make(
        QStringLiteral("parked.unknown"), tr("This parked sale was already resumed."));
}

Core::Result<CompletedSale> SaleService::payCash(Money tendered)
{
    if (const Core::Status allowed = requireEditable(); !allowed)
        return allowed.error();
    if (m_lines.isEmpty())
        return Error::make(QStringLiteral("basket.empty"), tr("The basket is empty."));
    Core::Result<QString> shift
        = Internal::shiftForMoney(m_shifts, m_session.isTraining()); // issue 12
    if (!shift)
        return shift.error();
    refreshRules();
    const QDateTime soldAt = m_clock.nowUtc();
    Core::Result<Core::Sale> built = Core::buildSale(m_lines, rulesFor(m_lines), context(soldAt));
    if (!built)
        return built.error();
    Core::Sale sale = built.value();
    withOrder(sale);
    sale.shiftId = shift.value();
    const Core::CashPart part = Core::cashPart(sale.total, m_location.cashRounding);
    if (part.due.isNegative())
        return Error::make(
            QStringLiteral("pay.negative"), tr("A sale with a negative total needs a refund."));
    if (tendered < part.due)
        return Error::make(QStringLiteral("pay.insufficient"),
            tr("%1 is not enough: %2 is due.")
                .arg(tendered.toDisplayString(), part.due.toDisplayString()));

    sale.saleId = m_saleId;
    sale.storeCode = m_location.code;
    sale.soldAt = soldAt;
    sale.staffId = m_session.staff()->id;
    // Training (Session::setTraining): no stock, no points, journaled as training.
    sale.training = m_session.isTraining();
    sale.rounding = part.rounding;
    Core::Tender cash;
    cash.method = Core::TenderMethod::Cash;
    cash.amount = part.due;
    cash.tendered = tendered;
    cash.change = tendered - part.due;
    sale.tenders = { cash };
    sale.pointsEarned = Core::pointsEarned(sale, m_rules->rules.loyalty);
    if (auto cursor = Store::FeedCursors(m_db).cursor(Store::FeedCursors::catalog))
        sale.catalogVersion = cursor.value();
    return recordSale(sale);
}

Core::Result<CompletedSale> SaleService::recordSale(
    Core::Sale sale, const std::function<Core::Status()> &alsoWrite)
{
    // Money was taken already (payCash and freezeForPayment asked for the shift): never refused
    // here, but a sale without its shift (paid before an update) gets the open one.
    if (sale.shiftId.isEmpty() && m_shifts) {
        if (auto open = m_shifts->openShift(); open && open.value())
            sale.shiftId = open.value()->shiftId;
    }
    // The wire event is the Core::Sale itself (Protocol::saleToJson), checked by the same
    // parser the server runs, so a sale the server would refuse never enters the outbox.
    Core::Error invalid;
    auto payload = [&sale, &invalid](const QString &receiptNumber) {
        Core::Sale wire = sale;
        wire.receiptNumber = receiptNumber;
        const QJsonObject json = Sync::Protocol::saleToJson(wire);
        if (Core::Result<Core::Sale> check = Sync::Protocol::saleFromJson(json); !check) {
            invalid = check.error();
            return QByteArray();
        }
        return QJsonDocument(json).toJson(QJsonDocument::Compact);
    };
    // An exchange: the return is recorded in the same transaction, before the sale's rows.
    std::function<Core::Status()> beforeWrite;
    const bool exchange = m_exchange && m_exchange->recordReturn
        && std::any_of(sale.tenders.cbegin(), sale.tenders.cend(), [&](const Core::Tender &t) {
               return t.method == Core::TenderMethod::ReturnCredit
                   && t.reference == m_exchange->returnId;
           });
    if (exchange) {
        const auto recordReturn = m_exchange->recordReturn;
        beforeWrite = [recordReturn, &sale]() { return recordReturn(sale); };
    }
    Core::Result<Store::RecordedSale> recorded = m_ledger->record(
        Store::ledgerSaleFrom(sale, m_location.id), payload, alsoWrite, beforeWrite);
    if (!invalid.code.isEmpty())
        return invalid;
    if (!recorded)
        return recorded.error();
    sale.receiptNumber = recorded->receiptNumber;

    CompletedSale done;
    done.saleId = sale.saleId;
    done.receiptNumber = sale.receiptNumber;
    done.soldAt = sale.soldAt;
    for (const Core::SaleLine &line : sale.lines) {
        Core::BasketLine flat;
        flat.productId = line.productId;
        flat.sku = line.sku;
        flat.name = line.name;
        flat.unitPrice = line.unitPrice;
        flat.regularPrice = line.regularPrice;
        flat.quantity = line.quantity;
        flat.vatRate = line.vatRate;
        flat.lineDiscount = line.discountTotal();
        done.lines.append(flat);
    }
    done.totals.total = sale.total;
    done.totals.perRate = sale.vat;
    done.totals.totalVat = sale.totalVat();
    done.totals.itemCount = sale.itemCount();
    done.cash.total = sale.total;
    done.cash.rounding = sale.rounding;
    done.cash.due = sale.total + sale.rounding;
    bool tookCash = false;
    for (const Core::Tender &tender : std::as_const(sale.tenders)) {
        if (tender.method != Core::TenderMethod::Cash)
            continue;
        tookCash = true;
        done.tendered += tender.tendered;
        done.change += tender.change;
    }
    if (m_session.staff() && m_session.staff()->id == sale.staffId) {
        done.staff = *m_session.staff();
    } else if (auto member = Store::StaffDirectory(m_db).member(sale.staffId)) {
        done.staff = member.value();
    } else {
        done.staff.id = sale.staffId;
    }
    done.location = m_location;
    done.sale = sale;
    if (m_order && sale.order && sale.order->orderId == m_order->order.orderId)
        done.pickupCode = m_order->pickupCode;

    if (exchange)
        m_exchange.reset(); // used up: ReturnService completes on saleCompleted
    if (sale.saleId == m_saleId) {
        // The claims (and the order's holds) are used up by the recorded sale.
        m_claims.clear();
        m_order.reset();
        const bool hadCustomer = m_customer.has_value();
        m_lines.clear();
        m_authorisations.clear();
        m_coupons.clear();
        m_customer.reset();
        m_customerChip.reset();
        m_lineCounter = 0;
        m_saleId = newUuid();
        m_frozen = false;
        changed();
        if (hadCustomer)
            emit customerChanged();
    }
    emit saleCompleted(done.receiptNumber);

    if (m_drawer && tookCash)
        (void)m_drawer->open();
    if (m_printer) {
        const Core::Status printed
            = m_printer->print(Devices::ReceiptLayout::layout(receiptFor(done)));
        if (!printed)
            done.printError = printed.error().message;
    }
    return done;
}

Core::Result<PaymentBasket> SaleService::freezeForPayment()
{
    if (const Core::Status allowed = requireEditable(); !allowed)
        return allowed.error();
    if (m_lines.isEmpty())
        return Error::make(QStringLiteral("basket.empty"), tr("The basket is empty."));
    Core::Result<QString> shift
        = Internal::shiftForMoney(m_shifts, m_session.isTraining()); // issue 12
    if (!shift)
        return shift.error();
    refreshRules();
    const QDateTime soldAt = m_clock.nowUtc();
    Core::Result<Core::Sale> built = Core::buildSale(m_lines, rulesFor(m_lines), context(soldAt));
    if (!built)
        return built.error();
    PaymentBasket basket;
    basket.sale = built.value();
    withOrder(basket.sale);
    basket.sale.shiftId = shift.value();
    if (basket.sale.total.isNegative())
        return Error::make(
            QStringLiteral("pay.negative"), tr("A sale with a negative total needs a refund."));
    basket.sale.saleId = m_saleId;
    basket.sale.storeCode = m_location.code;
    basket.sale.soldAt = soldAt;
    basket.sale.staffId = m_session.staff()->id;
    basket.sale.training = m_session.isTraining();
    if (auto cursor = Store::FeedCursors(m_db).cursor(Store::FeedCursors::catalog))
        basket.sale.catalogVersion = cursor.value();
    basket.basketJson = basketJson();
    m_frozen = true;
    emit basketChanged();
    return basket;
}

void SaleService::unfreeze()
{
    if (!m_frozen)
        return;
    m_frozen = false;
    emit basketChanged();
}

Core::Status SaleService::restoreFrozen(const QByteArray &json)
{
    Core::Result<ParkedState> parsed = parseParked(json);
    if (!parsed)
        return parsed.error();
    const ParkedState &state = parsed.value();
    std::optional<CustomerChip> chip;
    if (state.customer) {
        chip = CustomerChip { state.customer->code, {}, state.customer->tier, 0 };
        if (m_customers) {
            if (auto customer = m_customers->customerForSale(state.customer->code))
                chip = CustomerChip { customer->cardNumber, customer->name, customer->tier,
                    customer->points };
        }
    }
    m_lines = state.lines;
    m_lineCounter = state.lineCounter;
    m_coupons = state.coupons;
    m_claims = state.claims;
    m_authorisations = state.authorisations;
    m_customer = state.customer;
    m_customerChip = chip;
    m_saleId = state.saleId;
    m_order = state.order;
    m_frozen = true;
    changed();
    emit customerChanged();
    return Core::success();
}

Money SaleService::giftCardMinimum() const
{
    return Money::fromCents(settingInt(m_db, QStringLiteral("giftcard.min_cents"), 500));
}

Money SaleService::giftCardMaximum() const
{
    return Money::fromCents(settingInt(m_db, QStringLiteral("giftcard.max_cents"), 50000));
}

const Core::DraftLine *SaleService::giftLine(const QString &lineId) const
{
    const int index = indexOf(lineId);
    if (index < 0 || m_lines.at(index).giftCardNumber.isEmpty())
        return nullptr;
    return &m_lines.at(index);
}

Core::Result<QString> SaleService::addGiftCard(const QString &number, Money amount)
{
    if (const Core::Status allowed = requireEditable(); !allowed)
        return allowed.error();
    Core::Result<QString> card = Core::normaliseGiftCardNumber(number);
    if (!card)
        return card.error();
    // The store's limits, never wider than the chain's (the server checks those again).
    const Core::GiftCardLimits chain;
    const Core::GiftCardLimits store { std::max(giftCardMinimum(), chain.minimum),
        std::min(giftCardMaximum(), chain.maximum) };
    if (const Core::Status allowed = Core::checkGiftCardAmount(amount, store); !allowed)
        return allowed.error();
    for (const Core::DraftLine &line : std::as_const(m_lines)) {
        if (line.giftCardNumber == card.value())
            return Error::make(QStringLiteral("giftcard.duplicate"),
                tr("This gift card is already on the sale."), card.value());
    }
    // The line sells the catalog's gift card product (the server checks every line against
    // the catalog): the one of this amount when there is one, else the first.
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral(
        "SELECT id, sku, name, brand FROM products WHERE lower(category) IN ('gift cards', "
        "'gift_cards', 'giftcards', 'gift card') ORDER BY price_cents = ? DESC, id LIMIT 1"));
    q.addBindValue(amount.cents());
    if (!q.exec() || !q.next())
        return Error::make(QStringLiteral("giftcard.no_product"),
            tr("Gift cards cannot be sold here: the catalog has no gift card product."),
            q.lastError().text());
    const qint64 productId = q.value(0).toLongLong();
    const QString sku = q.value(1).toString();
    const QString brand = q.value(3).toString();
    QString lineId;
    TOONBANK_TRY_CHANGE({
        Core::DraftLine line;
        line.lineId = nextLineId();
        line.productId = productId;
        line.sku = sku;
        line.brand = brand;
        line.name = tr("Gift card …%1").arg(card.value().right(4));
        line.category = QStringLiteral("gift_cards");
        line.vatClass = Core::VatClass::Zero;
        line.quantity = 1;
        line.unitPrice = amount;
        line.regularPrice = amount;
        line.giftCardNumber = card.value();
        m_lines.append(line);
        lineId = line.lineId;
    });
    emit basketChanged();
    return lineId;
}

Core::Status SaleService::printReceipt(const CompletedSale &sale, bool duplicate)
{
    if (const Core::Status allowed = requireSell(); !allowed)
        return allowed;
    if (!m_printer)
        return Core::Error::make(QStringLiteral("printer.none"),
            Core::Tr::tr("No receipt printer is connected to this tablet."));
    Devices::ReceiptData receipt = receiptFor(sale);
    receipt.duplicate = duplicate;
    return m_printer->print(Devices::ReceiptLayout::layout(receipt));
}

QString SaleService::returnReceiptNumber(const QString &returnId) const
{
    if (returnId.isEmpty())
        return {};
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT receipt_number FROM returns WHERE return_uuid = ?"));
    q.addBindValue(returnId);
    if (!q.exec() || !q.next())
        return {}; // not recorded here: nothing rather than an id that means nothing to anyone
    return q.value(0).toString();
}

Devices::ReceiptData SaleService::receiptFor(const CompletedSale &sale, const QLocale &locale) const
{
    Devices::ReceiptData receipt;
    receipt.storeName = sale.location.name;
    receipt.storeAddress = sale.location.address;
    receipt.storeCity = sale.location.city;
    receipt.vatNumber = sale.location.vatNumber;
    receipt.soldAt = sale.soldAt.toLocalTime();
    receipt.staffName = sale.staff.displayName;
    receipt.receiptNumber = sale.receiptNumber;
    receipt.saleId = sale.saleId;
    receipt.training = sale.sale.training;
    // The Core::Sale's lines are the basket lines in the same order: their adjustments are
    // printed under each line.
    const bool sameLines = sale.sale.lines.size() == sale.lines.size();
    for (qsizetype i = 0; i < sale.lines.size(); ++i) {
        const Core::BasketLine &line = sale.lines.at(i);
        Devices::ReceiptData::Line printed { line.name, line.quantity, line.unitPrice,
            line.lineTotal(), line.vatRate.toDisplayString(), {} };
        if (sameLines && sale.sale.lines.at(i).productId == line.productId) {
            for (const Core::Adjustment &adjustment : sale.sale.lines.at(i).adjustments)
                printed.discounts.append({ adjustment.label, adjustment.amount });
        }
        receipt.lines.append(printed);
    }
    for (const Core::VatBreakdown &vat : sale.totals.perRate)
        receipt.vat.append({ vat.rate.toDisplayString(), vat.net, vat.vat, vat.gross });
    receipt.total = sale.cash.total;
    receipt.rounding = sale.cash.rounding;
    receipt.paid = sale.cash.due;
    receipt.tendered = sale.tendered;
    receipt.change = sale.change;
    // Every tender of the sale (a cash-only sale keeps the cash-only form).
    const QList<Core::Tender> &tenders = sale.sale.tenders;
    const bool cashOnly = tenders.size() == 1 && tenders.first().method == Core::TenderMethod::Cash;
    if (cashOnly && sale.cash.due.isZero() && !sale.sale.total.isZero()) {
        // Paid in cash through the payment flow: the figures come from the sale and its tender.
        receipt.total = sale.sale.total;
        receipt.rounding = sale.sale.rounding;
        receipt.paid = sale.sale.total + sale.sale.rounding;
        receipt.tendered = tenders.first().tendered;
        receipt.change = tenders.first().change;
    } else if (!cashOnly && !tenders.isEmpty()) {
        for (const Core::Tender &tender : tenders) {
            QString reference = tender.reference;
            // An exchange credit's reference is the return's id: the customer is shown the
            // return's receipt number, recorded in the same transaction as this sale.
            if (tender.method == Core::TenderMethod::ReturnCredit)
                reference = returnReceiptNumber(tender.reference);
            receipt.tenders.append({ tender.method, tender.amount, tender.tendered, tender.change,
                tender.cardBrand, tender.maskedPan, reference, tender.authCode, tender.points,
                tender.balanceLeft });
        }
        // The totals of a split payment come from the sale itself.
        receipt.total = sale.sale.total;
        receipt.rounding = sale.sale.rounding;
        receipt.paid = sale.sale.total + sale.sale.rounding;
    }
    if (sale.sale.customer) {
        receipt.pointsEarned = sale.sale.pointsEarned;
        if (m_customers) {
            if (Core::Result<qint64> points = m_customers->pointsOf(sale.sale.customer->code))
                receipt.pointsBalance = points.value();
        }
    }
    if (sale.sale.order) {
        // The endless-aisle order paid in this sale (docs/STOCK.md §5).
        const Core::SaleOrder &order = *sale.sale.order;
        Devices::ReceiptData::OrderPart part;
        part.orderNumber = order.orderNumber;
        part.kind = order.delivery.kind;
        part.optionLabel = Core::deliveryOptionLabel(order.delivery.optionCode);
        for (const Core::DeliveryOption &option : Core::defaultDeliveryOptions()) {
            if (option.code == order.delivery.optionCode)
                part.workingDays = option.workingDays;
        }
        part.deliveryPrice = order.delivery.price;
        if (order.delivery.kind == Core::DeliveryKind::Home) {
            const Core::Address &a = order.delivery.address;
            part.addressLines = QStringList { a.name, a.street,
                QStringLiteral("%1 %2").arg(a.postcode, a.city).trimmed(), a.country };
            part.addressLines.removeAll(QString());
        } else {
            part.pickupStoreName = order.delivery.pickupStoreCode;
            if (auto locations = m_catalog.locations()) {
                for (const Store::Location &location : locations.value()) {
                    if (location.code == order.delivery.pickupStoreCode)
                        part.pickupStoreName = location.name;
                }
            }
            part.pickupCode = sale.pickupCode;
        }
        receipt.orderPart = part;
    }
    receipt.locale = locale;
    return receipt;
}

int SaleService::waitingEventCount() const
{
    return m_ledger->waitingEventCount();
}

// --- endless aisle ------------------------------------------------------------------------

bool SaleService::isOrderLine(const QString &lineId) const
{
    return m_order
        && (m_order->order.lineIds.contains(lineId) || m_order->order.deliveryLineId == lineId);
}

void SaleService::withOrder(Core::Sale &sale) const
{
    if (m_order)
        sale.order = m_order->order;
}

void SaleService::releaseOrder()
{
    if (!m_order)
        return;
    const BasketOrder order = *m_order;
    m_order.reset();
    if (m_orderReleaser)
        m_orderReleaser(order);
}

Core::Result<QStringList> SaleService::addOrder(const QList<Core::DraftLine> &lines,
    const std::optional<Core::DraftLine> &deliveryLine, BasketOrder order)
{
    if (const Core::Status allowed = requireEditable(); !allowed)
        return allowed.error();
    if (m_order)
        return Error::make(QStringLiteral("order.one_per_sale"),
            tr("This sale has an order already. Pay it first, or remove it, before ordering "
               "again."),
            m_order->order.orderNumber);
    if (lines.isEmpty())
        return Error::make(QStringLiteral("order.empty"), tr("There is nothing to order."));
    QStringList ids;
    order.order.lineIds.clear();
    order.order.deliveryLineId.clear();
    TOONBANK_TRY_CHANGE({
        for (Core::DraftLine line : lines) {
            line.lineId = nextLineId();
            ids.append(line.lineId);
            m_lines.append(line);
        }
        if (deliveryLine) {
            Core::DraftLine line = *deliveryLine;
            line.lineId = nextLineId();
            order.order.deliveryLineId = line.lineId;
            m_lines.append(line);
        }
        order.order.lineIds = ids;
    });
    m_order = order;
    changed();
    return ids;
}

} // namespace Toonbank::Services
