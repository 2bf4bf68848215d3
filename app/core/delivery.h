#pragma once

#include "money.h"
#include "result.h"

#include <QList>
#include <QString>

#include <optional>

// Endless aisle (issue 11): delivery to the customer's home or to another store for pickup,
// with the chain's delivery options and prices as data. Shared by the tablet (the order sheet,
// the basket's delivery line) and the server (POST /v1/orders recomputes the price, the sale
// handler re-checks it). docs/STOCK.md is the reference.
namespace Toonbank::Core {

struct Address
{
    QString name; // who receives it
    QString street; // street and house number
    QString postcode;
    QString city;
    QString country; // "NL" or "BE"
    bool operator==(const Address &) const = default;
};

/// The postcode in its canonical form for the country: NL "1234 AB" (4 digits, not starting
/// with 0, then 2 letters other than SA, SD, SS), BE "1000" (4 digits 1000..9999). Empty when
/// it does not fit.
QString normalisedPostcode(const QString &country, const QString &typed);

/// Errors: "address.name", "address.street" (missing or no house number), "address.postcode"
/// (missing: "Enter the postcode."; wrong shape for the country), "address.city",
/// "address.country" (not NL or BE). The first problem wins.
Status checkAddress(const Address &address);

enum class DeliveryKind { Home, StorePickup };
QString name(DeliveryKind kind);
std::optional<DeliveryKind> deliveryKindFromName(const QString &name);

/// A delivery option of the chain: its price, the working days it takes, and the goods total
/// from which it is free (0: never free).
struct DeliveryOption
{
    QString code; // "standard", "express", "store_pickup"
    DeliveryKind kind = DeliveryKind::Home;
    Money price;
    int workingDays = 0;
    Money freeFrom;
};

/// standard (Home) € 4.95, 2 working days, free from € 50; express (Home) € 9.95, 1 working
/// day; store_pickup (StorePickup) € 0, 0 days (from that store's stock, ready at once).
QList<DeliveryOption> defaultDeliveryOptions();
/// Translated name of an option code ("Standard delivery", "Express delivery", "Pick up in
/// store").
QString deliveryOptionLabel(const QString &code);

/// The price of option `code` for a goods total. Error: "delivery.option" (unknown code).
Result<Money> deliveryPrice(
    const QList<DeliveryOption> &options, const QString &code, Money goodsTotal);

/// An endless-aisle order's delivery as the customer chose it.
struct Delivery
{
    DeliveryKind kind = DeliveryKind::Home;
    QString optionCode;
    Address address; // Home only
    QString pickupStoreCode; // StorePickup only
    Money price; // what the customer pays for it (a sale line "delivery")
    bool operator==(const Delivery &) const = default;
};

/// Errors: "delivery.option" (unknown, or its kind differs from `delivery.kind`),
/// the "address.*" errors (Home), "delivery.store" (StorePickup without a store code),
/// "delivery.price" (differs from deliveryPrice for `goodsTotal`).
Status checkDelivery(
    const Delivery &delivery, const QList<DeliveryOption> &options, Money goodsTotal);

} // namespace Toonbank::Core
