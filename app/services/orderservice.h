#pragma once

#include "app/core/delivery.h"
#include "app/core/money.h"
#include "app/core/result.h"
#include "app/store/catalogtypes.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

namespace Toonbank::Sync::Protocol {
struct OrderRequest;
struct OrderData;
} // namespace Toonbank::Sync::Protocol

namespace Toonbank::Store {
class Catalog;
} // namespace Toonbank::Store

namespace Toonbank::Services {

class SaleService;
class ServerLookups;
class Session;
struct BasketOrder;

/// The server's side of an endless-aisle order (docs/STOCK.md §5): POST /v1/orders and the
/// release of its holds. An interface so the service can be tested without a server.
class OrderClient
{
public:
    virtual ~OrderClient() = default;
    /// POST /v1/orders. Errors: "stock.needs_network" (offline), the server's refusal with its
    /// code ("order.price", "hold.unavailable", "address.*", "delivery.*", …).
    virtual Core::Result<Sync::Protocol::OrderData> placeOrder(
        const Sync::Protocol::OrderRequest &request)
        = 0;
    /// POST /v1/holds/<id>/cancel (best effort: the holds also expire after 30 minutes).
    virtual Core::Status cancelHold(const QString &holdId) = 0;
};

/// OrderClient over this tablet's enrolment (ServerLookups::onlineCall).
class ServerOrders final : public OrderClient
{
    Q_DECLARE_TR_FUNCTIONS(Toonbank::Services::ServerOrders)
    Q_DISABLE_COPY_MOVE(ServerOrders)
public:
    explicit ServerOrders(ServerLookups &lookups);
    Core::Result<Sync::Protocol::OrderData> placeOrder(
        const Sync::Protocol::OrderRequest &request) override;
    Core::Status cancelHold(const QString &holdId) override;

private:
    ServerLookups &m_lookups;
};

/// What the order sheet asks for: the product(s), how it reaches the customer, and who the
/// customer is (the attached customer's card, or a name and phone number).
struct OrderChoice
{
    struct Item
    {
        qint64 productId = 0;
        int quantity = 1;
    };
    QList<Item> items;
    Core::Delivery delivery; // kind, optionCode, address (Home) or pickupStoreCode; no price
    QString customerName; // empty with an attached customer: the customer's name
    QString customerPhone;
};

/// What placing an order did.
struct PlacedOrder
{
    QString orderNumber; // "WS12345678"
    Core::Money deliveryPrice;
    QString pickupCode; // store pickup
    QDateTime expiresAt; // until when it holds the stock unpaid (UTC)
    QStringList lineIds; // the ordered basket lines
    QString deliveryLineId; // empty when delivery is free
};

/// The endless aisle on the tablet (docs/STOCK.md §5): an order for home delivery or pickup in
/// another store, placed online (POST /v1/orders holds its stock), then put in the basket as
/// ordered lines plus a "Delivery" line and paid with the normal checkout. Clearing the basket
/// or removing an ordered line cancels the order's holds (best effort).
class OrderService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrderService)
public:
    OrderService(SaleService &sale, Store::Catalog &catalog, Session &session, OrderClient &client,
        QObject *parent = nullptr);
    ~OrderService() override;
    /// Another server side (tests); not owned, must outlive this service.
    void setClient(OrderClient &client) { m_client = &client; }

    /// The chain's delivery options (Core::defaultDeliveryOptions).
    QList<Core::DeliveryOption> options() const;
    /// The options of one kind.
    QList<Core::DeliveryOption> options(Core::DeliveryKind kind) const;
    /// What option `code` costs for these goods (0 when unknown).
    Core::Money priceOf(const QString &code, Core::Money goodsTotal) const;
    /// The product's name as the catalog has it ("" when unknown).
    QString productName(qint64 productId) const;
    /// What the choice's products cost now.
    Core::Money goodsTotal(const QList<OrderChoice::Item> &items) const;
    /// "Standard delivery · € 4,95 · 2 working days", "… · free", "Pick up in store".
    static QString optionText(const Core::DeliveryOption &option, Core::Money goodsTotal);
    /// The other stores of the chain (where an order can be picked up), by name.
    QList<Store::Location> pickupStores() const;
    /// The web warehouse (home deliveries come from there); id 0 when the cache has none.
    Store::Location webWarehouse() const;

    /// Checks the choice here first (address: Core::checkAddress, pickup store, customer name;
    /// nothing is sent when one fails), then POST /v1/orders, then puts the lines in the basket.
    /// Errors: "address.*", "delivery.*", "order.customer", "order.empty", "order.one_per_sale",
    /// "basket.frozen", "stock.needs_network", "order.price", "hold.unavailable", the
    /// server's other refusals with a plain message.
    Core::Result<PlacedOrder> placeOrder(const OrderChoice &choice);

signals:
    void orderPlaced(const QString &orderNumber);

private:
    void release(const BasketOrder &order);
    Core::Error serverError(const Core::Error &error) const;

    SaleService &m_sale;
    Store::Catalog &m_catalog;
    Session &m_session;
    OrderClient *m_client;
};

} // namespace Toonbank::Services
