#pragma once

#include "app/core/money.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace Toonbank::Store {

enum class LocationKind { Store, WebWarehouse };

/// A store of the chain or the web warehouse.
struct Location
{
    qint64 id = 0;
    QString code; // "AMS01", "WEB"
    QString name;
    LocationKind kind = LocationKind::Store;
    QString address;
    QString city;
    QString country; // "NL", "BE"
    double latitude = 0;
    double longitude = 0;
    bool cashRounding = true; // 5-cent rounding of cash totals (on by default)
    QString vatNumber; // the seller's VAT number for receipts ("NL001234567B01"); issue 9
};

/// A product as the cache holds it (also what the generator and the sync pull write).
struct ProductRecord
{
    qint64 id = 0;
    QString sku;
    QString name;
    QString brand;
    QString category;
    QString description;
    QString vatClass; // "standard", "intermediate", "reduced", "zero"
    Core::Money price; // VAT-inclusive list price
    std::optional<Core::Money> promoPrice;
    QDate promoFrom; // inclusive; null = no start limit
    QDate promoUntil; // inclusive; null = no end limit
    QList<QPair<QString, QString>> attributes; // ("Colour", "Navy"), ("Size", "M")
    QString variantGroup; // products sharing it are variants of one another
    QString variantLabel; // "Navy / M"
    int ratingTenths = -1; // 0..50 (4.3 stars = 43); -1 = no rating
    int reviewCount = 0;
    QString imageRef;
    int webDeliveryDays = -1; // -1 = not sold on the web
    QStringList barcodes; // lookup keys (see Core::Barcode::lookupKey)

    /// The price charged on `day`: the promo price while the promotion runs, else the list price.
    Core::Money priceOn(QDate day) const;
    bool promoActiveOn(QDate day) const;
};

/// A search or scan hit: what the sell screen shows in a result row.
struct ProductSummary
{
    qint64 id = 0;
    QString sku;
    QString name;
    QString brand;
    QString category;
    QString vatClass;
    Core::Money price; // list price
    std::optional<Core::Money> promoPrice; // only when the promotion runs today
    int stockHere = 0;
    bool stockHereKnown = false;
    QString imageRef; // the photo's ref ("demo/jeans/indigo"); empty: none

    Core::Money effectivePrice() const { return promoPrice.value_or(price); }
};

struct Variant
{
    qint64 productId = 0;
    QString sku;
    QString label;
};

/// Everything the product screen shows.
struct ProductDetail
{
    ProductRecord record;
    QList<Variant> variants; // siblings in the same variant group, including this product
};

/// The last known stock figure of a product at one location.
struct StockFigure
{
    Location location;
    int quantity = 0;
    QDateTime asOf; // when the figure was true (UTC)
    double distanceKm = 0; // from this store; 0 for this store itself
};

enum class StaffRole { Cashier, Supervisor, Manager };

struct StaffMember
{
    qint64 id = 0;
    QString code; // staff number, e.g. "E1042"
    QString displayName;
    StaffRole role = StaffRole::Cashier;
    qint64 homeLocationId = 0;
    bool active = true;
};

QString roleName(StaffRole role); // "cashier" … (stable, for storage/wire)
std::optional<StaffRole> roleFromName(const QString &name);

} // namespace Toonbank::Store
