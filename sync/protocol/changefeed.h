#pragma once

#include "app/core/promotion.h"
#include "app/core/result.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace Toonbank::Sync::Protocol {

/// The change feed is read per kind, each with its own cursor on the tablet, so a new kind
/// starts at 0 without pulling the others again. GET /v1/changes?kind=K (default catalog).
enum class FeedKind {
    Catalog, // locations, products, stock, staff, web orders (the v1 feed)
    Promotions, // Core::Promotion rows (promotionToJson)
    Customers, // customers of the device's store: home store, bought or seen there
    Pickups, // web orders and reservations for pickup at the device's store (stockelsewhere.h)
};
QString name(FeedKind kind);
std::optional<FeedKind> feedKindFromName(const QString &name);

/// How strictly a row is read: imports and pushed events are strict (an unknown field is an
/// error); the tablet reads feed pages tolerantly (a newer server may add fields).
enum class Reading { Strict, Tolerant };

/// Page sizes of GET /v1/changes: the client asks for `limit`, the server caps it.
constexpr int defaultChangePageSize = 2000;
constexpr int maxChangePageSize = 20000;

struct LocationData
{
    qint64 id = 0;
    QString code;
    QString name;
    QString kind; // "store" | "web_warehouse"
    QString address;
    QString city;
    QString country;
    double latitude = 0;
    double longitude = 0;
    bool cashRounding = true;
    QString vatNumber; // the seller's VAT number for receipts (issue 9; "" when not set)
};

struct ProductData
{
    qint64 id = 0;
    QString sku;
    QString name;
    QString brand;
    QString category;
    QString description;
    QString vatClass;
    qint64 priceCents = 0;
    std::optional<qint64> promoPriceCents;
    QDate promoFrom;
    QDate promoUntil;
    QList<QPair<QString, QString>> attributes;
    QString variantGroup;
    QString variantLabel;
    int ratingTenths = -1;
    int reviewCount = 0;
    QString imageRef;
    int webDeliveryDays = -1;
    QStringList barcodes;
};

/// A stock figure and the moment it was true at the server.
struct StockData
{
    qint64 productId = 0;
    qint64 locationId = 0;
    qint64 quantity = 0;
    QDateTime asOf;
};

struct StaffData
{
    qint64 id = 0;
    QString code;
    QString displayName;
    QString role; // "cashier" | "supervisor" | "manager"
    qint64 homeLocationId = 0;
    QString pinHash; // Core::Pin::hash form; the PIN itself never travels
    bool active = true;
};

struct CustomerData
{
    qint64 id = 0;
    QString code;
    QString name;
    QString email;
    QString phone;
    qint64 loyaltyPoints = 0; // points balance
    // v2 (customers feed kind); empty/false from a v1 source.
    QString tier;
    qint64 lifetimePoints = 0;
    QString homeStoreCode;
    bool consentEmail = false;
    bool consentSms = false;
    bool consentPersonalised = false;
    QDateTime consentChangedAt;
    QDateTime lastSeenAt;
};

struct WebOrderData
{
    qint64 id = 0;
    QString orderNumber;
    qint64 locationId = 0; // pickup / return store
    qint64 customerId = 0;
    QString status;
    qint64 totalCents = 0;
    QJsonObject details; // lines etc., as imported
};

/// One page of GET /v1/changes?since=S&limit=N: every row whose change sequence is in
/// (since, next], grouped by kind. `more` says whether another page follows. Rows carry their
/// whole current state, so applying a page is an upsert and replaying one is harmless.
struct ChangePage
{
    qint64 since = 0;
    qint64 next = 0;
    bool more = false;
    QString kind; // the feed kind of the page ("catalog" when a v1 server answered: empty)
    QList<LocationData> locations;
    QList<ProductData> products;
    QList<StockData> stock;
    QList<StaffData> staff;
    QList<CustomerData> customers;
    QList<WebOrderData> webOrders;
    QList<Core::Promotion> promotions; // promotions kind
    QList<QJsonObject> pickups; // pickups kind: rows as sent (pickupFromJson reads one)

    qsizetype size() const
    {
        return locations.size() + products.size() + stock.size() + staff.size() + customers.size()
            + webOrders.size() + promotions.size() + pickups.size();
    }

    QJsonObject toJson() const;
    static Core::Result<ChangePage> fromJson(const QJsonObject &json);
};

QJsonObject toJson(const LocationData &location);
QJsonObject toJson(const ProductData &product);
QJsonObject toJson(const StockData &stock);
QJsonObject toJson(const StaffData &staff);
QJsonObject toJson(const CustomerData &customer);
QJsonObject toJson(const WebOrderData &order);

Core::Result<LocationData> locationFromJson(
    const QJsonObject &json, Reading reading = Reading::Strict);
Core::Result<ProductData> productFromJson(
    const QJsonObject &json, Reading reading = Reading::Strict);
Core::Result<StockData> stockFromJson(const QJsonObject &json, Reading reading = Reading::Strict);
Core::Result<StaffData> staffFromJson(const QJsonObject &json, Reading reading = Reading::Strict);
Core::Result<CustomerData> customerFromJson(
    const QJsonObject &json, Reading reading = Reading::Strict);
Core::Result<WebOrderData> webOrderFromJson(
    const QJsonObject &json, Reading reading = Reading::Strict);

} // namespace Toonbank::Sync::Protocol
