#include "delivery.h"

#include "enumnames_p.h"
#include "tr.h"

#include <QRegularExpression>

namespace Toonbank::Core {

namespace {

constexpr Internal::EnumNames<DeliveryKind, 2> kindNames { {
    { DeliveryKind::Home, "home" },
    { DeliveryKind::StorePickup, "store_pickup" },
} };

} // namespace

QString name(DeliveryKind kind)
{
    return Internal::nameOf(kindNames, kind);
}
std::optional<DeliveryKind> deliveryKindFromName(const QString &name)
{
    return Internal::valueOf(kindNames, name);
}

QString normalisedPostcode(const QString &country, const QString &typed)
{
    QString compact = typed.trimmed().toUpper();
    compact.remove(QLatin1Char(' '));
    if (country == QLatin1String("NL")) {
        static const QRegularExpression nl(QStringLiteral("^([1-9][0-9]{3})([A-Z]{2})$"));
        const auto m = nl.match(compact);
        if (!m.hasMatch())
            return {};
        const QString letters = m.captured(2);
        if (letters == QLatin1String("SA") || letters == QLatin1String("SD")
            || letters == QLatin1String("SS"))
            return {};
        return m.captured(1) + QLatin1Char(' ') + letters;
    }
    if (country == QLatin1String("BE")) {
        static const QRegularExpression be(QStringLiteral("^[1-9][0-9]{3}$"));
        return be.match(compact).hasMatch() ? compact : QString();
    }
    return {};
}

Status checkAddress(const Address &address)
{
    if (address.name.trimmed().isEmpty())
        return Error::make(QStringLiteral("address.name"),
            Tr::tr("Enter the name of the person receiving the order."), QStringLiteral("name"));
    static const QRegularExpression houseNumber(QStringLiteral("\\d"));
    if (address.street.trimmed().isEmpty() || !address.street.contains(houseNumber))
        return Error::make(QStringLiteral("address.street"),
            Tr::tr("Enter the street and house number."), address.street);
    if (address.country != QLatin1String("NL") && address.country != QLatin1String("BE"))
        return Error::make(QStringLiteral("address.country"),
            Tr::tr("We deliver in the Netherlands and Belgium only."), address.country);
    if (address.postcode.trimmed().isEmpty())
        return Error::make(QStringLiteral("address.postcode"), Tr::tr("Enter the postcode."),
            QStringLiteral("empty"));
    if (normalisedPostcode(address.country, address.postcode).isEmpty())
        return Error::make(QStringLiteral("address.postcode"),
            address.country == QLatin1String("NL")
                ? Tr::tr("A Dutch postcode has 4 digits and 2 letters, like 1012 AB.")
                : Tr::tr("A Belgian postcode has 4 digits, like 1000."),
            address.postcode);
    if (address.city.trimmed().isEmpty())
        return Error::make(QStringLiteral("address.city"), Tr::tr("Enter the town or city."),
            QStringLiteral("city"));
    return success();
}

QList<DeliveryOption> defaultDeliveryOptions()
{
    return {
        { QStringLiteral("standard"), DeliveryKind::Home, Money::fromCents(495), 2,
            Money::fromCents(5000) },
        { QStringLiteral("express"), DeliveryKind::Home, Money::fromCents(995), 1, Money() },
        { QStringLiteral("store_pickup"), DeliveryKind::StorePickup, Money(), 0, Money() },
    };
}

QString deliveryOptionLabel(const QString &code)
{
    if (code == QLatin1String("standard"))
        return Tr::tr("Standard delivery");
    if (code == QLatin1String("express"))
        return Tr::tr("Express delivery");
    if (code == QLatin1String("store_pickup"))
        return Tr::tr("Pick up in store");
    return code;
}

Result<Money> deliveryPrice(
    const QList<DeliveryOption> &options, const QString &code, Money goodsTotal)
{
    for (const DeliveryOption &o : options) {
        if (o.code != code)
            continue;
        if (o.freeFrom.cents() > 0 && goodsTotal.cents() >= o.freeFrom.cents())
            return Money();
        return o.price;
    }
    return Error::make(
        QStringLiteral("delivery.option"), Tr::tr("This delivery option is not offered."), code);
}

Status checkDelivery(
    const Delivery &delivery, const QList<DeliveryOption> &options, Money goodsTotal)
{
    const auto option = std::find_if(options.cbegin(), options.cend(),
        [&](const DeliveryOption &o) { return o.code == delivery.optionCode; });
    if (option == options.cend() || option->kind != delivery.kind)
        return Error::make(QStringLiteral("delivery.option"),
            Tr::tr("This delivery option is not offered."), delivery.optionCode);
    if (delivery.kind == DeliveryKind::Home) {
        if (auto ok = checkAddress(delivery.address); !ok)
            return ok;
    } else if (delivery.pickupStoreCode.trimmed().isEmpty()) {
        return Error::make(QStringLiteral("delivery.store"),
            Tr::tr("Choose the store where the customer picks the order up."),
            QStringLiteral("no store"));
    }
    auto price = deliveryPrice(options, delivery.optionCode, goodsTotal);
    if (!price)
        return price.error();
    if (price.value() != delivery.price)
        return Error::make(QStringLiteral("delivery.price"),
            Tr::tr("The delivery price does not match the delivery option."),
            QStringLiteral("expected %1 got %2")
                .arg(price.value().cents())
                .arg(delivery.price.cents()));
    return success();
}

} // namespace Toonbank::Core
