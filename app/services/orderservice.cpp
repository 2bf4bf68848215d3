#include "orderservice.h"

#include "saleservice.h"
#include "serverlookups.h"
#include "session.h"

#include "app/core/tr.h"
#include "app/store/catalog.h"
#include "sync/protocol/stockelsewhere.h"

#include <QJsonObject>
#include <QLocale>
#include <QLoggingCategory>
#include <QUuid>

#include <algorithm>

Q_LOGGING_CATEGORY(lcOrders, "toonbank.orders")

namespace Toonbank::Services {

using Core::Error;
using Core::Money;

// --- ServerOrders -----------------------------------------------------------------------------

ServerOrders::ServerOrders(ServerLookups &lookups)
    : m_lookups(lookups)
{ }

Core::Result<Sync::Protocol::OrderData> ServerOrders::placeOrder(
    const Sync::Protocol::OrderRequest &request)
{
    const QJsonObject body = Sync::Protocol::toJson(request);
    auto answer = m_lookups.onlineCall("POST", QStringLiteral("/v1/orders"), &body,
        QStringLiteral("stock.needs_network"),
        tr("Ordering needs the network. Try again when the tablet is online."));
    if (!answer)
        return answer.error();
    if (answer->status != 200 && answer->status != 201) {
        const QJsonObject error = answer->json.value(QStringLiteral("error")).toObject();
        return Error::make(
            error.value(QStringLiteral("code")).toString(QStringLiteral("order.refused")),
            error.value(QStringLiteral("message")).toString(),
            QStringLiteral("HTTP %1 on POST /v1/orders").arg(answer->status));
    }
    return Sync::Protocol::orderFromJson(answer->json, Sync::Protocol::Reading::Tolerant);
}

Core::Status ServerOrders::cancelHold(const QString &holdId)
{
    auto answer = m_lookups.onlineCall("POST", QStringLiteral("/v1/holds/%1/cancel").arg(holdId),
        nullptr, QStringLiteral("stock.needs_network"),
        tr("Ordering needs the network. Try again when the tablet is online."));
    if (!answer)
        return answer.error();
    if (answer->status != 200) {
        const QJsonObject error = answer->json.value(QStringLiteral("error")).toObject();
        return Error::make(
            error.value(QStringLiteral("code")).toString(QStringLiteral("hold.cancel")),
            error.value(QStringLiteral("message")).toString(),
            QStringLiteral("HTTP %1 on cancel %2").arg(answer->status).arg(holdId));
    }
    return Core::success();
}

// --- OrderService -----------------------------------------------------------------------------

OrderService::OrderService(SaleService &sale, Store::Catalog &catalog, Session &session,
    OrderClient &client, QObject *parent)
    : QObject(parent)
    , m_sale(sale)
    , m_catalog(catalog)
    , m_session(session)
    , m_client(&client)
{
    m_sale.setOrderReleaser([this](const BasketOrder &order) { release(order); });
}

OrderService::~OrderService()
{
    m_sale.setOrderReleaser({});
}

QList<Core::DeliveryOption> OrderService::options() const
{
    return Core::defaultDeliveryOptions();
}

QList<Core::DeliveryOption> OrderService::options(Core::DeliveryKind kind) const
{
    QList<Core::DeliveryOption> out;
    for (const Core::DeliveryOption &option : Core::defaultDeliveryOptions()) {
        if (option.kind == kind)
            out.append(option);
    }
    return out;
}

Money OrderService::priceOf(const QString &code, Money goodsTotal) const
{
    auto price = Core::deliveryPrice(options(), code, goodsTotal);
    return price ? price.value() : Money();
}

Money OrderService::goodsTotal(const QList<OrderChoice::Item> &items) const
{
    const QDate today = m_sale.clock().nowLocal().date();
    Money total;
    for (const OrderChoice::Item &item : items) {
        if (auto detail = m_catalog.product(item.productId))
            total += detail->record.priceOn(today) * item.quantity;
    }
    return total;
}

QString OrderService::productName(qint64 productId) const
{
    auto detail = m_catalog.product(productId);
    return detail ? detail->record.name : QString();
}

QString OrderService::optionText(const Core::DeliveryOption &option, Money goodsTotal)
{
    const QString label = Core::deliveryOptionLabel(option.code);
    if (option.kind == Core::DeliveryKind::StorePickup)
        return label;
    auto price = Core::deliveryPrice({ option }, option.code, goodsTotal);
    const Money cost = price ? price.value() : option.price;
    const QString priceText = cost.isZero() ? Core::Tr::tr("free") : cost.toDisplayString();
    const QString days = option.workingDays == 1
        ? Core::Tr::tr("1 working day")
        : Core::Tr::tr("%1 working days").arg(option.workingDays);
    QString text = QStringLiteral("%1 · %2 · %3").arg(label, priceText, days);
    if (!option.freeFrom.isZero() && !cost.isZero())
        text += QStringLiteral(" · ")
            + Core::Tr::tr("free from %1").arg(option.freeFrom.toDisplayString());
    return text;
}

QList<Store::Location> OrderService::pickupStores() const
{
    QList<Store::Location> stores;
    auto all = m_catalog.locations();
    if (!all)
        return stores;
    for (const Store::Location &location : all.value()) {
        if (location.kind == Store::LocationKind::Store
            && location.id != m_catalog.hereLocationId())
            stores.append(location);
    }
    std::sort(stores.begin(), stores.end(),
        [](const Store::Location &a, const Store::Location &b) { return a.name < b.name; });
    return stores;
}

Store::Location OrderService::webWarehouse() const
{
    auto all = m_catalog.locations();
    if (all) {
        for (const Store::Location &location : all.value()) {
            if (location.kind == Store::LocationKind::WebWarehouse)
                return location;
        }
    }
    return {};
}

Core::Error OrderService::serverError(const Core::Error &error) const
{
    const QString &code = error.code;
    QString message;
    if (code == QLatin1String("order.price"))
        message = tr("A price changed since this tablet last synced. Sync, then order again.");
    else if (code == QLatin1String("hold.unavailable"))
        message = tr("There is not enough stock there any more for this order.");
    else if (code == QLatin1String("hold.quantity"))
        message = tr("Order between 1 and 99 of a product.");
    else if (code.startsWith(QLatin1String("address.")))
        message = tr("The server did not accept the address. Check it and try again.");
    else if (code.startsWith(QLatin1String("delivery.")))
        message = tr("This delivery option cannot be used for this order.");
    else if (code == QLatin1String("permission.denied"))
        message = tr("You may not place orders.");
    else if (code == QLatin1String("stock.needs_network")
        || code.startsWith(QLatin1String("sync.")))
        return error;
    if (message.isEmpty())
        message = error.message.isEmpty() ? tr("The server refused the order.") : error.message;
    return Error::make(code, message, error.detail + QStringLiteral(" / ") + error.message);
}

Core::Result<PlacedOrder> OrderService::placeOrder(const OrderChoice &choice)
{
    if (!m_session.isLoggedIn())
        return Error::make(QStringLiteral("session.locked"), tr("Log in first."));
    if (m_sale.isFrozen())
        return Error::make(QStringLiteral("basket.frozen"),
            tr("A payment is in progress. Finish or cancel it first."));
    if (m_sale.basketOrder())
        return Error::make(QStringLiteral("order.one_per_sale"),
            tr("This sale has an order already. Pay it first, or remove it, before ordering "
               "again."));
    if (choice.items.isEmpty())
        return Error::make(QStringLiteral("order.empty"), tr("There is nothing to order."));

    // Everything that can be checked here is checked before the server is asked.
    Core::Delivery delivery = choice.delivery;
    const QList<Core::DeliveryOption> all = Core::defaultDeliveryOptions();
    bool optionKnown = false;
    for (const Core::DeliveryOption &o : all)
        optionKnown = optionKnown || (o.code == delivery.optionCode && o.kind == delivery.kind);
    if (!optionKnown)
        return Error::make(QStringLiteral("delivery.option"), tr("Choose a delivery option."),
            delivery.optionCode);
    Store::Location from;
    QString pickupStoreName;
    if (delivery.kind == Core::DeliveryKind::Home) {
        delivery.address.postcode = delivery.address.postcode.trimmed();
        delivery.address.country = delivery.address.country.trimmed().toUpper();
        if (const Core::Status ok = Core::checkAddress(delivery.address); !ok)
            return ok.error();
        const QString canonical
            = Core::normalisedPostcode(delivery.address.country, delivery.address.postcode);
        if (!canonical.isEmpty())
            delivery.address.postcode = canonical;
        delivery.pickupStoreCode.clear();
        from = webWarehouse();
        if (from.code.isEmpty())
            return Error::make(QStringLiteral("delivery.store"),
                tr("This tablet does not know the web warehouse yet. Sync first."));
    } else {
        delivery.address = {};
        for (const Store::Location &store : pickupStores()) {
            if (store.code == delivery.pickupStoreCode)
                from = store;
        }
        if (from.code.isEmpty())
            return Error::make(QStringLiteral("delivery.store"),
                tr("Choose the store where the customer picks it up."), delivery.pickupStoreCode);
        pickupStoreName = from.name;
    }

    Sync::Protocol::HoldCustomer customer;
    const BasketView &basket = m_sale.view();
    if (basket.customer) {
        customer.cardNumber = basket.customer->cardNumber;
        customer.name = basket.customer->name;
    }
    if (!choice.customerName.trimmed().isEmpty())
        customer.name = choice.customerName.trimmed();
    customer.phone = choice.customerPhone.trimmed();
    if (customer.name.isEmpty() && delivery.kind == Core::DeliveryKind::Home)
        customer.name = delivery.address.name.trimmed();
    if (customer.name.isEmpty())
        return Error::make(QStringLiteral("order.customer"), tr("Enter the customer's name."));
    if (!customer.phone.isEmpty()
        && std::count_if(
               customer.phone.cbegin(), customer.phone.cend(), [](QChar c) { return c.isDigit(); })
            < 6)
        return Error::make(
            QStringLiteral("order.phone"), tr("Enter a phone number of at least 6 digits."));

    // The lines as the basket will hold them, at the price shown now.
    const QDate today = m_sale.clock().nowLocal().date();
    Sync::Protocol::OrderRequest request;
    request.orderId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    request.staffId = m_session.staff()->id;
    request.fromLocationCode = from.code;
    request.delivery = delivery;
    request.customer = customer;
    QList<Core::DraftLine> lines;
    for (const OrderChoice::Item &item : choice.items) {
        if (item.quantity < 1 || item.quantity > 99)
            return Error::make(
                QStringLiteral("hold.quantity"), tr("Order between 1 and 99 of a product."));
        auto detail = m_catalog.product(item.productId);
        if (!detail)
            return detail.error();
        const Store::ProductRecord &record = detail->record;
        const auto vatClass = Core::vatClassFromName(record.vatClass);
        if (!vatClass)
            return Error::make(QStringLiteral("vat.unknown_class"),
                tr("This product has no valid VAT class; it cannot be sold."), record.vatClass);
        Core::DraftLine line;
        line.productId = record.id;
        line.sku = record.sku;
        line.name = record.name;
        line.category = record.category;
        line.brand = record.brand;
        line.vatClass = *vatClass;
        line.quantity = item.quantity;
        line.unitPrice = record.priceOn(today);
        line.regularPrice = record.price;
        lines.append(line);
        request.lines.append({ record.id, item.quantity, line.unitPrice.cents() });
    }

    Core::Result<Sync::Protocol::OrderData> placed = m_client->placeOrder(request);
    if (!placed) {
        qCInfo(lcOrders) << "order refused" << placed.error().code << placed.error().detail;
        return serverError(placed.error());
    }
    const Sync::Protocol::OrderData &data = placed.value();

    BasketOrder order;
    order.order.orderId = request.orderId;
    order.order.orderNumber = data.orderNumber;
    order.order.delivery = delivery;
    order.order.delivery.price = Money::fromCents(data.deliveryPriceCents);
    for (const Sync::Protocol::HoldData &hold : data.holds)
        order.holdIds.append(hold.holdId);
    order.pickupCode = data.pickupCode;
    order.pickupStoreName = pickupStoreName;
    order.expiresAt = data.expiresAt;

    std::optional<Core::DraftLine> deliveryLine;
    if (data.deliveryPriceCents > 0) {
        // The delivery is a line of the sale at the server's price, standard VAT. It carries
        // the first ordered product's id (a sale line names a product); the sale's order
        // section names it as the delivery line, so nothing treats it as that product.
        Core::DraftLine line;
        line.productId = lines.first().productId;
        line.sku = QStringLiteral("DELIVERY");
        line.name = tr("Delivery");
        line.category = QStringLiteral("delivery");
        line.vatClass = Core::VatClass::Standard;
        line.quantity = 1;
        line.unitPrice = order.order.delivery.price;
        line.regularPrice = order.order.delivery.price;
        deliveryLine = line;
    }
    Core::Result<QStringList> added = m_sale.addOrder(lines, deliveryLine, order);
    if (!added) {
        release(order); // the server holds stock for an order the basket could not take
        return added.error();
    }
    PlacedOrder out;
    out.orderNumber = data.orderNumber;
    out.deliveryPrice = order.order.delivery.price;
    out.pickupCode = data.pickupCode;
    out.expiresAt = data.expiresAt;
    out.lineIds = added.value();
    if (const auto &inBasket = m_sale.basketOrder())
        out.deliveryLineId = inBasket->order.deliveryLineId;
    qCInfo(lcOrders) << "order placed" << data.orderNumber << "lines" << out.lineIds;
    emit orderPlaced(data.orderNumber);
    return out;
}

void OrderService::release(const BasketOrder &order)
{
    for (const QString &holdId : order.holdIds) {
        const Core::Status cancelled = m_client->cancelHold(holdId);
        if (!cancelled)
            qCInfo(lcOrders) << "hold" << holdId << "of" << order.order.orderNumber
                             << "not cancelled (it expires):" << cancelled.error().code
                             << cancelled.error().detail;
    }
}

} // namespace Toonbank::Services
