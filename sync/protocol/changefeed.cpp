#include "changefeed.h"

#include "jsonreader.h"
#include "promotionjson.h"

#include <QJsonArray>

namespace Toonbank::Sync::Protocol {

QString name(FeedKind kind)
{
    switch (kind) {
    case FeedKind::Catalog:
        return QStringLiteral("catalog");
    case FeedKind::Promotions:
        return QStringLiteral("promotions");
    case FeedKind::Customers:
        return QStringLiteral("customers");
    case FeedKind::Pickups:
        return QStringLiteral("pickups");
    }
    return {};
}

std::optional<FeedKind> feedKindFromName(const QString &name)
{
    for (FeedKind kind :
        { FeedKind::Catalog, FeedKind::Promotions, FeedKind::Customers, FeedKind::Pickups }) {
        if (Protocol::name(kind) == name)
            return kind;
    }
    return std::nullopt;
}

namespace {

QString isoTime(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}

QString isoDate(QDate day)
{
    return day.isValid() ? day.toString(Qt::ISODate) : QString();
}

QDate readDate(JsonReader &reader, const QString &key)
{
    const QString text = reader.string(key, false);
    if (text.isEmpty() || !reader.ok())
        return {};
    const QDate day = QDate::fromString(text, Qt::ISODate);
    if (!day.isValid())
        reader.fail(QStringLiteral("protocol.bad_date"),
            QStringLiteral("%1 is not an ISO-8601 date").arg(key));
    return day;
}

template <typename T, typename Parse>
bool readList(
    const QJsonObject &json, const QString &key, QList<T> &into, Parse parse, Core::Error &error)
{
    const QJsonArray items = json.value(key).toArray();
    into.reserve(items.size());
    for (const QJsonValue &item : items) {
        Core::Result<T> parsed = parse(item.toObject());
        if (!parsed) {
            error = parsed.error();
            return false;
        }
        into.append(std::move(parsed).value());
    }
    return true;
}

template <typename T> QJsonArray writeList(const QList<T> &items)
{
    QJsonArray array;
    for (const T &item : items)
        array.append(toJson(item));
    return array;
}

} // namespace

QJsonObject toJson(const LocationData &l)
{
    return { { QStringLiteral("id"), l.id }, { QStringLiteral("code"), l.code },
        { QStringLiteral("name"), l.name }, { QStringLiteral("kind"), l.kind },
        { QStringLiteral("address"), l.address }, { QStringLiteral("city"), l.city },
        { QStringLiteral("country"), l.country }, { QStringLiteral("latitude"), l.latitude },
        { QStringLiteral("longitude"), l.longitude },
        { QStringLiteral("cashRounding"), l.cashRounding },
        { QStringLiteral("vatNumber"), l.vatNumber } };
}

Core::Result<LocationData> locationFromJson(const QJsonObject &json, Reading reading)
{
    JsonReader r(json, QStringLiteral("location"));
    LocationData l;
    l.id = r.integer(QStringLiteral("id"), true, 1);
    l.code = r.string(QStringLiteral("code"));
    l.name = r.string(QStringLiteral("name"));
    l.kind = r.string(QStringLiteral("kind"));
    l.address = r.string(QStringLiteral("address"), false);
    l.city = r.string(QStringLiteral("city"), false);
    l.country = r.string(QStringLiteral("country"));
    l.latitude = r.real(QStringLiteral("latitude"));
    l.longitude = r.real(QStringLiteral("longitude"));
    l.cashRounding = r.boolean(QStringLiteral("cashRounding"));
    l.vatNumber = r.string(QStringLiteral("vatNumber"), false); // issue 9, optional
    if (reading == Reading::Strict)
        r.rejectUnknownFields();
    if (r.ok() && l.kind != QLatin1String("store") && l.kind != QLatin1String("web_warehouse"))
        r.fail(QStringLiteral("protocol.bad_value"), QStringLiteral("location.kind is unknown"));
    if (!r.ok())
        return r.error();
    return l;
}

QJsonObject toJson(const ProductData &p)
{
    QJsonArray attributes;
    for (const auto &[name, value] : p.attributes)
        attributes.append(QJsonArray { name, value });
    QJsonObject json { { QStringLiteral("id"), p.id }, { QStringLiteral("sku"), p.sku },
        { QStringLiteral("name"), p.name }, { QStringLiteral("brand"), p.brand },
        { QStringLiteral("category"), p.category },
        { QStringLiteral("description"), p.description },
        { QStringLiteral("vatClass"), p.vatClass }, { QStringLiteral("priceCents"), p.priceCents },
        { QStringLiteral("attributes"), attributes },
        { QStringLiteral("variantGroup"), p.variantGroup },
        { QStringLiteral("variantLabel"), p.variantLabel },
        { QStringLiteral("ratingTenths"), p.ratingTenths },
        { QStringLiteral("reviewCount"), p.reviewCount },
        { QStringLiteral("imageRef"), p.imageRef },
        { QStringLiteral("webDeliveryDays"), p.webDeliveryDays },
        { QStringLiteral("barcodes"), QJsonArray::fromStringList(p.barcodes) } };
    if (p.promoPriceCents) {
        json.insert(QStringLiteral("promoPriceCents"), *p.promoPriceCents);
        json.insert(QStringLiteral("promoFrom"), isoDate(p.promoFrom));
        json.insert(QStringLiteral("promoUntil"), isoDate(p.promoUntil));
    }
    return json;
}

Core::Result<ProductData> productFromJson(const QJsonObject &json, Reading reading)
{
    JsonReader r(json, QStringLiteral("product"));
    ProductData p;
    p.id = r.integer(QStringLiteral("id"), true, 1);
    p.sku = r.string(QStringLiteral("sku"));
    p.name = r.string(QStringLiteral("name"));
    p.brand = r.string(QStringLiteral("brand"), false);
    p.category = r.string(QStringLiteral("category"), false);
    p.description = r.string(QStringLiteral("description"), false);
    p.vatClass = r.string(QStringLiteral("vatClass"));
    p.priceCents = r.integer(QStringLiteral("priceCents"), true, 0, 100'000'000'00);
    if (json.contains(QStringLiteral("promoPriceCents"))
        && !json.value(QStringLiteral("promoPriceCents")).isNull())
        p.promoPriceCents = r.integer(QStringLiteral("promoPriceCents"), true, 0, 100'000'000'00);
    else
        r.integer(QStringLiteral("promoPriceCents"), false);
    p.promoFrom = readDate(r, QStringLiteral("promoFrom"));
    p.promoUntil = readDate(r, QStringLiteral("promoUntil"));
    const QJsonArray attributes = r.array(QStringLiteral("attributes"), false);
    for (const QJsonValue &pair : attributes) {
        const QJsonArray kv = pair.toArray();
        if (kv.size() != 2 || !kv.at(0).isString() || !kv.at(1).isString()) {
            r.fail(QStringLiteral("protocol.wrong_type"),
                QStringLiteral("product.attributes holds a bad pair"));
            break;
        }
        p.attributes.append({ kv.at(0).toString(), kv.at(1).toString() });
    }
    p.variantGroup = r.string(QStringLiteral("variantGroup"), false);
    p.variantLabel = r.string(QStringLiteral("variantLabel"), false);
    if (json.contains(QStringLiteral("ratingTenths")))
        p.ratingTenths = static_cast<int>(r.integer(QStringLiteral("ratingTenths"), true, -1, 50));
    p.reviewCount
        = static_cast<int>(r.integer(QStringLiteral("reviewCount"), false, 0, 1'000'000'000));
    p.imageRef = r.string(QStringLiteral("imageRef"), false);
    if (json.contains(QStringLiteral("webDeliveryDays")))
        p.webDeliveryDays
            = static_cast<int>(r.integer(QStringLiteral("webDeliveryDays"), true, -1, 365));
    const QJsonArray barcodes = r.array(QStringLiteral("barcodes"), false);
    for (const QJsonValue &code : barcodes) {
        if (!code.isString()) {
            r.fail(QStringLiteral("protocol.wrong_type"),
                QStringLiteral("product.barcodes must hold strings"));
            break;
        }
        p.barcodes.append(code.toString());
    }
    if (reading == Reading::Strict)
        r.rejectUnknownFields();
    if (!r.ok())
        return r.error();
    return p;
}

QJsonObject toJson(const StockData &s)
{
    return { { QStringLiteral("productId"), s.productId },
        { QStringLiteral("locationId"), s.locationId }, { QStringLiteral("quantity"), s.quantity },
        { QStringLiteral("asOf"), isoTime(s.asOf) } };
}

Core::Result<StockData> stockFromJson(const QJsonObject &json, Reading reading)
{
    JsonReader r(json, QStringLiteral("stock"));
    StockData s;
    s.productId = r.integer(QStringLiteral("productId"), true, 1);
    s.locationId = r.integer(QStringLiteral("locationId"), true, 1);
    // Sales made offline can take a figure below zero until a count corrects it.
    s.quantity = r.integer(QStringLiteral("quantity"), true, -1'000'000'000, 1'000'000'000);
    s.asOf = r.timestamp(QStringLiteral("asOf"));
    if (reading == Reading::Strict)
        r.rejectUnknownFields();
    if (!r.ok())
        return r.error();
    return s;
}

QJsonObject toJson(const StaffData &s)
{
    return { { QStringLiteral("id"), s.id }, { QStringLiteral("code"), s.code },
        { QStringLiteral("displayName"), s.displayName }, { QStringLiteral("role"), s.role },
        { QStringLiteral("homeLocationId"), s.homeLocationId },
        { QStringLiteral("pinHash"), s.pinHash }, { QStringLiteral("active"), s.active } };
}

Core::Result<StaffData> staffFromJson(const QJsonObject &json, Reading reading)
{
    JsonReader r(json, QStringLiteral("staff"));
    StaffData s;
    s.id = r.integer(QStringLiteral("id"), true, 1);
    s.code = r.string(QStringLiteral("code"));
    s.displayName = r.string(QStringLiteral("displayName"));
    s.role = r.string(QStringLiteral("role"));
    s.homeLocationId = r.integer(QStringLiteral("homeLocationId"), true, 1);
    s.pinHash = r.string(QStringLiteral("pinHash"));
    s.active = r.boolean(QStringLiteral("active"));
    if (reading == Reading::Strict)
        r.rejectUnknownFields();
    if (!r.ok())
        return r.error();
    return s;
}

QJsonObject toJson(const CustomerData &c)
{
    QJsonObject json { { QStringLiteral("id"), c.id }, { QStringLiteral("code"), c.code },
        { QStringLiteral("name"), c.name }, { QStringLiteral("email"), c.email },
        { QStringLiteral("phone"), c.phone },
        { QStringLiteral("loyaltyPoints"), c.loyaltyPoints } };
    // v2 fields only when set, so a v1 import file round-trips unchanged.
    if (!c.tier.isEmpty()) {
        json.insert(QStringLiteral("tier"), c.tier);
        json.insert(QStringLiteral("lifetimePoints"), c.lifetimePoints);
        json.insert(QStringLiteral("homeStoreCode"), c.homeStoreCode);
        json.insert(QStringLiteral("consentEmail"), c.consentEmail);
        json.insert(QStringLiteral("consentSms"), c.consentSms);
        json.insert(QStringLiteral("consentPersonalised"), c.consentPersonalised);
        json.insert(QStringLiteral("consentChangedAt"), isoTime(c.consentChangedAt));
        json.insert(QStringLiteral("lastSeenAt"), isoTime(c.lastSeenAt));
    }
    return json;
}

Core::Result<CustomerData> customerFromJson(const QJsonObject &json, Reading reading)
{
    JsonReader r(json, QStringLiteral("customer"));
    CustomerData c;
    c.id = r.integer(QStringLiteral("id"), true, 1);
    c.code = r.string(QStringLiteral("code"));
    c.name = r.string(QStringLiteral("name"));
    c.email = r.string(QStringLiteral("email"), false);
    c.phone = r.string(QStringLiteral("phone"), false);
    c.loyaltyPoints = r.integer(QStringLiteral("loyaltyPoints"), false, 0);
    c.tier = r.string(QStringLiteral("tier"), false);
    c.lifetimePoints = r.integer(QStringLiteral("lifetimePoints"), false, 0);
    c.homeStoreCode = r.string(QStringLiteral("homeStoreCode"), false);
    c.consentEmail = r.boolean(QStringLiteral("consentEmail"), false);
    c.consentSms = r.boolean(QStringLiteral("consentSms"), false);
    c.consentPersonalised = r.boolean(QStringLiteral("consentPersonalised"), false);
    const QString consentAt = r.string(QStringLiteral("consentChangedAt"), false);
    const QString seenAt = r.string(QStringLiteral("lastSeenAt"), false);
    if (reading == Reading::Strict)
        r.rejectUnknownFields();
    if (!r.ok())
        return r.error();
    c.consentChangedAt = QDateTime::fromString(consentAt, Qt::ISODateWithMs);
    c.lastSeenAt = QDateTime::fromString(seenAt, Qt::ISODateWithMs);
    return c;
}

QJsonObject toJson(const WebOrderData &o)
{
    return { { QStringLiteral("id"), o.id }, { QStringLiteral("orderNumber"), o.orderNumber },
        { QStringLiteral("locationId"), o.locationId },
        { QStringLiteral("customerId"), o.customerId }, { QStringLiteral("status"), o.status },
        { QStringLiteral("totalCents"), o.totalCents }, { QStringLiteral("details"), o.details } };
}

Core::Result<WebOrderData> webOrderFromJson(const QJsonObject &json, Reading reading)
{
    JsonReader r(json, QStringLiteral("webOrder"));
    WebOrderData o;
    o.id = r.integer(QStringLiteral("id"), true, 1);
    o.orderNumber = r.string(QStringLiteral("orderNumber"));
    o.locationId = r.integer(QStringLiteral("locationId"), true, 1);
    o.customerId = r.integer(QStringLiteral("customerId"), false, 0);
    o.status = r.string(QStringLiteral("status"));
    o.totalCents = r.integer(QStringLiteral("totalCents"), true, 0);
    o.details = r.object(QStringLiteral("details"), false);
    if (reading == Reading::Strict)
        r.rejectUnknownFields();
    if (!r.ok())
        return r.error();
    return o;
}

QJsonObject ChangePage::toJson() const
{
    QJsonObject json { { QStringLiteral("since"), since }, { QStringLiteral("next"), next },
        { QStringLiteral("more"), more }, { QStringLiteral("locations"), writeList(locations) },
        { QStringLiteral("products"), writeList(products) },
        { QStringLiteral("stock"), writeList(stock) },
        { QStringLiteral("staff"), writeList(staff) },
        { QStringLiteral("customers"), writeList(customers) },
        { QStringLiteral("webOrders"), writeList(webOrders) },
        { QStringLiteral("kind"), kind.isEmpty() ? name(FeedKind::Catalog) : kind } };
    if (!promotions.isEmpty()) {
        QJsonArray array;
        for (const Core::Promotion &promotion : promotions)
            array.append(promotionToJson(promotion));
        json.insert(QStringLiteral("promotions"), array);
    }
    if (!pickups.isEmpty()) {
        QJsonArray array;
        for (const QJsonObject &pickup : pickups)
            array.append(pickup);
        json.insert(QStringLiteral("pickups"), array);
    }
    return json;
}

Core::Result<ChangePage> ChangePage::fromJson(const QJsonObject &json)
{
    // Tolerant: a newer server may send kinds and fields this tablet does not know yet; it
    // reads what it knows and ignores the rest (pushed events stay strict on the server).
    JsonReader r(json, QStringLiteral("changes"));
    ChangePage page;
    page.since = r.integer(QStringLiteral("since"));
    page.next = r.integer(QStringLiteral("next"));
    page.more = r.boolean(QStringLiteral("more"));
    page.kind = r.string(QStringLiteral("kind"), false);
    for (const char *key : { "locations", "products", "stock", "staff", "customers", "webOrders" })
        r.array(QLatin1String(key), false);
    if (r.ok() && page.next < page.since)
        r.fail(QStringLiteral("protocol.sequence"), QStringLiteral("changes.next is before since"));
    if (!r.ok())
        return r.error();
    Core::Error error;
    auto tolerant = [](auto parse) {
        return [parse](const QJsonObject &row) { return parse(row, Reading::Tolerant); };
    };
    if (!readList(
            json, QStringLiteral("locations"), page.locations, tolerant(locationFromJson), error)
        || !readList(
            json, QStringLiteral("products"), page.products, tolerant(productFromJson), error)
        || !readList(json, QStringLiteral("stock"), page.stock, tolerant(stockFromJson), error)
        || !readList(json, QStringLiteral("staff"), page.staff, tolerant(staffFromJson), error)
        || !readList(
            json, QStringLiteral("customers"), page.customers, tolerant(customerFromJson), error)
        || !readList(
            json, QStringLiteral("webOrders"), page.webOrders, tolerant(webOrderFromJson), error))
        return error;
    if (!readList(json, QStringLiteral("promotions"), page.promotions, tolerant(promotionFromJson),
            error))
        return error;
    // Pickup rows stay JSON here; stockelsewhere.h pickupFromJson reads each (tolerant).
    const QJsonValue pickups = json.value(QStringLiteral("pickups"));
    if (pickups.isArray()) {
        for (const QJsonValue &row : pickups.toArray()) {
            if (row.isObject())
                page.pickups.append(row.toObject());
        }
    }
    return page;
}

} // namespace Toonbank::Sync::Protocol
