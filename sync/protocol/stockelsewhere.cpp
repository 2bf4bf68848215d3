#include "stockelsewhere.h"

#include "jsonreader.h"

#include "app/core/tr.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QUuid>

#include <limits>

namespace Toonbank::Sync::Protocol {

using Core::Error;
using Core::Tr;

namespace {

QString isoTime(const QDateTime &when)
{
    return when.isValid() ? when.toUTC().toString(Qt::ISODateWithMs) : QString();
}

Error badValue(const QString &detail)
{
    return Error::make(QStringLiteral("protocol.bad_value"),
        Tr::tr("The data received is not valid: %1").arg(detail), detail);
}

// An optional timestamp: empty or absent → invalid; anything else must be ISO-8601.
QDateTime optionalTime(JsonReader &r, const QString &key, const QString &context)
{
    const QString text = r.string(key, false);
    if (!r.ok() || text.isEmpty())
        return {};
    const QDateTime when = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!when.isValid())
        r.fail(QStringLiteral("protocol.bad_time"),
            QStringLiteral("%1.%2 is not an ISO-8601 time").arg(context, key));
    return when.toUTC();
}

// Reads an enum by name; an unknown name fails the reader.
template <typename Enum, typename Parse>
Enum enumField(JsonReader &r, const QString &key, const QString &context, Parse parse,
    Enum fallback, bool required = true)
{
    const QString text = r.string(key, required);
    if (!r.ok() || (!required && text.isEmpty()))
        return fallback;
    const auto value = parse(text);
    if (!value) {
        r.fail(QStringLiteral("protocol.bad_value"),
            QStringLiteral("%1.%2 has unknown value %3").arg(context, key, text.left(30)));
        return fallback;
    }
    return *value;
}

bool isUuid(const QString &text)
{
    return !QUuid::fromString(text).isNull();
}

void requireUuid(JsonReader &r, const QString &value, const QString &what)
{
    if (r.ok() && !isUuid(value))
        r.fail(QStringLiteral("protocol.bad_value"), QStringLiteral("%1 is not a UUID").arg(what));
}

template <typename T, typename Parse>
bool readObjects(const QJsonArray &array, QList<T> &out, Parse parse, Error &error)
{
    for (const QJsonValue &value : array) {
        if (!value.isObject()) {
            error = badValue(QStringLiteral("a list holds something that is not an object"));
            return false;
        }
        auto item = parse(value.toObject());
        if (!item) {
            error = item.error();
            return false;
        }
        out.append(std::move(item.value()));
    }
    return true;
}

QJsonObject customerToJson(const HoldCustomer &c)
{
    return { { QStringLiteral("cardNumber"), c.cardNumber }, { QStringLiteral("name"), c.name },
        { QStringLiteral("phone"), c.phone } };
}

Core::Result<HoldCustomer> holdCustomerFromJson(const QJsonObject &json)
{
    JsonReader r(json, QStringLiteral("customer"));
    HoldCustomer c;
    c.cardNumber = r.string(QStringLiteral("cardNumber"), false);
    c.name = r.string(QStringLiteral("name"));
    c.phone = r.string(QStringLiteral("phone"), false);
    r.rejectUnknownFields();
    if (r.ok() && c.name.trimmed().isEmpty())
        r.fail(QStringLiteral("protocol.bad_value"), QStringLiteral("customer.name is empty"));
    if (!r.ok())
        return r.error();
    return c;
}

} // namespace

QJsonObject toJson(const LiveStock &stock)
{
    QJsonArray figures;
    for (const LiveStockFigure &f : stock.figures)
        figures.append(QJsonObject { { QStringLiteral("locationId"), f.locationId },
            { QStringLiteral("locationCode"), f.locationCode },
            { QStringLiteral("available"), f.available }, { QStringLiteral("onHand"), f.onHand },
            { QStringLiteral("held"), f.held }, { QStringLiteral("asOf"), isoTime(f.asOf) } });
    return { { QStringLiteral("productId"), stock.productId },
        { QStringLiteral("at"), isoTime(stock.at) }, { QStringLiteral("figures"), figures } };
}

Core::Result<LiveStock> liveStockFromJson(const QJsonObject &json, Reading reading)
{
    JsonReader r(json, QStringLiteral("stock"));
    LiveStock stock;
    stock.productId = r.integer(QStringLiteral("productId"), true, 1);
    stock.at = r.timestamp(QStringLiteral("at"));
    const QJsonArray figures = r.array(QStringLiteral("figures"));
    if (reading == Reading::Strict)
        r.rejectUnknownFields();
    if (!r.ok())
        return r.error();
    Error error;
    const bool read = readObjects(
        figures, stock.figures,
        [reading](const QJsonObject &o) -> Core::Result<LiveStockFigure> {
            JsonReader f(o, QStringLiteral("stock.figures"));
            LiveStockFigure figure;
            figure.locationId = f.integer(QStringLiteral("locationId"), true, 1);
            figure.locationCode = f.string(QStringLiteral("locationCode"));
            figure.available
                = f.integer(QStringLiteral("available"), true, std::numeric_limits<qint64>::min());
            figure.onHand
                = f.integer(QStringLiteral("onHand"), true, std::numeric_limits<qint64>::min());
            figure.held = f.integer(QStringLiteral("held"));
            figure.asOf = f.timestamp(QStringLiteral("asOf"));
            if (reading == Reading::Strict)
                f.rejectUnknownFields();
            if (!f.ok())
                return f.error();
            return figure;
        },
        error);
    if (!read)
        return error;
    return stock;
}

QJsonObject toJson(const HoldRequest &request)
{
    return { { QStringLiteral("holdId"), request.holdId },
        { QStringLiteral("productId"), request.productId },
        { QStringLiteral("locationCode"), request.locationCode },
        { QStringLiteral("quantity"), request.quantity },
        { QStringLiteral("staffId"), request.staffId },
        { QStringLiteral("customer"), customerToJson(request.customer) } };
}

Core::Result<HoldRequest> holdRequestFromJson(const QJsonObject &json)
{
    JsonReader r(json, QStringLiteral("hold"));
    HoldRequest request;
    request.holdId = r.string(QStringLiteral("holdId"));
    request.productId = r.integer(QStringLiteral("productId"), true, 1);
    request.locationCode = r.string(QStringLiteral("locationCode"));
    request.quantity = int(r.integer(QStringLiteral("quantity"), true, 1, Core::maxHoldQuantity));
    request.staffId = r.integer(QStringLiteral("staffId"), true, 1);
    const QJsonObject customer = r.object(QStringLiteral("customer"));
    r.rejectUnknownFields();
    requireUuid(r, request.holdId, QStringLiteral("hold.holdId"));
    if (!r.ok())
        return r.error();
    auto c = holdCustomerFromJson(customer);
    if (!c)
        return c.error();
    request.customer = c.value();
    return request;
}

QJsonObject toJson(const HoldData &hold)
{
    QJsonObject json { { QStringLiteral("holdId"), hold.holdId },
        { QStringLiteral("purpose"), Core::name(hold.purpose) },
        { QStringLiteral("productId"), hold.productId },
        { QStringLiteral("locationCode"), hold.locationCode },
        { QStringLiteral("quantity"), hold.quantity },
        { QStringLiteral("status"), Core::name(hold.status) },
        { QStringLiteral("createdAt"), isoTime(hold.createdAt) },
        { QStringLiteral("expiresAt"), isoTime(hold.expiresAt) },
        { QStringLiteral("available"), hold.available } };
    if (!hold.pickupCode.isEmpty())
        json.insert(QStringLiteral("pickupCode"), hold.pickupCode);
    if (!hold.orderNumber.isEmpty())
        json.insert(QStringLiteral("orderNumber"), hold.orderNumber);
    return json;
}

Core::Result<HoldData> holdFromJson(const QJsonObject &json, Reading reading)
{
    const QString context = QStringLiteral("hold");
    JsonReader r(json, context);
    HoldData hold;
    hold.holdId = r.string(QStringLiteral("holdId"));
    hold.purpose = enumField(r, QStringLiteral("purpose"), context, Core::holdPurposeFromName,
        Core::HoldPurpose::Reservation);
    hold.productId = r.integer(QStringLiteral("productId"), true, 1);
    hold.locationCode = r.string(QStringLiteral("locationCode"));
    hold.quantity = int(r.integer(QStringLiteral("quantity"), true, 1, Core::maxHoldQuantity));
    hold.status = enumField(
        r, QStringLiteral("status"), context, Core::holdStatusFromName, Core::HoldStatus::Held);
    hold.createdAt = r.timestamp(QStringLiteral("createdAt"));
    hold.expiresAt = r.timestamp(QStringLiteral("expiresAt"));
    hold.available = r.integer(QStringLiteral("available"), false);
    hold.pickupCode = r.string(QStringLiteral("pickupCode"), false);
    hold.orderNumber = r.string(QStringLiteral("orderNumber"), false);
    if (reading == Reading::Strict)
        r.rejectUnknownFields();
    if (!r.ok())
        return r.error();
    return hold;
}

QJsonObject toJson(const Core::Address &address)
{
    return { { QStringLiteral("name"), address.name }, { QStringLiteral("street"), address.street },
        { QStringLiteral("postcode"), address.postcode }, { QStringLiteral("city"), address.city },
        { QStringLiteral("country"), address.country } };
}

Core::Result<Core::Address> addressFromJson(const QJsonObject &json)
{
    JsonReader r(json, QStringLiteral("address"));
    Core::Address a;
    a.name = r.string(QStringLiteral("name"), false);
    a.street = r.string(QStringLiteral("street"), false);
    a.postcode = r.string(QStringLiteral("postcode"), false);
    a.city = r.string(QStringLiteral("city"), false);
    a.country = r.string(QStringLiteral("country"), false);
    r.rejectUnknownFields();
    if (!r.ok())
        return r.error();
    return a;
}

QJsonObject toJson(const Core::Delivery &delivery)
{
    QJsonObject json { { QStringLiteral("kind"), Core::name(delivery.kind) },
        { QStringLiteral("optionCode"), delivery.optionCode },
        { QStringLiteral("priceCents"), delivery.price.cents() } };
    if (delivery.kind == Core::DeliveryKind::Home)
        json.insert(QStringLiteral("address"), toJson(delivery.address));
    else
        json.insert(QStringLiteral("pickupStoreCode"), delivery.pickupStoreCode);
    return json;
}

Core::Result<Core::Delivery> deliveryFromJson(const QJsonObject &json)
{
    const QString context = QStringLiteral("delivery");
    JsonReader r(json, context);
    Core::Delivery d;
    d.kind = enumField(
        r, QStringLiteral("kind"), context, Core::deliveryKindFromName, Core::DeliveryKind::Home);
    d.optionCode = r.string(QStringLiteral("optionCode"));
    d.price = r.money(QStringLiteral("priceCents"), false, false);
    const QJsonObject address = r.object(QStringLiteral("address"), false);
    d.pickupStoreCode = r.string(QStringLiteral("pickupStoreCode"), false);
    r.rejectUnknownFields();
    if (!r.ok())
        return r.error();
    if (!address.isEmpty()) {
        auto a = addressFromJson(address);
        if (!a)
            return a.error();
        d.address = a.value();
    }
    return d;
}

QJsonObject toJson(const OrderRequest &request)
{
    QJsonArray lines;
    for (const OrderRequestLine &l : request.lines)
        lines.append(QJsonObject { { QStringLiteral("productId"), l.productId },
            { QStringLiteral("quantity"), l.quantity },
            { QStringLiteral("unitPriceCents"), l.unitPriceCents } });
    return { { QStringLiteral("orderId"), request.orderId },
        { QStringLiteral("staffId"), request.staffId },
        { QStringLiteral("fromLocationCode"), request.fromLocationCode },
        { QStringLiteral("lines"), lines },
        { QStringLiteral("delivery"), toJson(request.delivery) },
        { QStringLiteral("customer"), customerToJson(request.customer) } };
}

Core::Result<OrderRequest> orderRequestFromJson(const QJsonObject &json)
{
    JsonReader r(json, QStringLiteral("order"));
    OrderRequest request;
    request.orderId = r.string(QStringLiteral("orderId"));
    request.staffId = r.integer(QStringLiteral("staffId"), true, 1);
    request.fromLocationCode = r.string(QStringLiteral("fromLocationCode"));
    const QJsonArray lines = r.array(QStringLiteral("lines"));
    const QJsonObject delivery = r.object(QStringLiteral("delivery"));
    const QJsonObject customer = r.object(QStringLiteral("customer"));
    r.rejectUnknownFields();
    requireUuid(r, request.orderId, QStringLiteral("order.orderId"));
    if (r.ok() && (lines.isEmpty() || lines.size() > 50))
        r.fail(QStringLiteral("protocol.bad_value"), QStringLiteral("order.lines: 1 to 50 lines"));
    if (!r.ok())
        return r.error();
    Error error;
    if (!readObjects(
            lines, request.lines,
            [](const QJsonObject &o) -> Core::Result<OrderRequestLine> {
                JsonReader l(o, QStringLiteral("order.lines"));
                OrderRequestLine line;
                line.productId = l.integer(QStringLiteral("productId"), true, 1);
                line.quantity
                    = int(l.integer(QStringLiteral("quantity"), true, 1, Core::maxHoldQuantity));
                line.unitPriceCents = l.integer(QStringLiteral("unitPriceCents"));
                l.rejectUnknownFields();
                if (!l.ok())
                    return l.error();
                return line;
            },
            error))
        return error;
    auto d = deliveryFromJson(delivery);
    if (!d)
        return d.error();
    request.delivery = d.value();
    auto c = holdCustomerFromJson(customer);
    if (!c)
        return c.error();
    request.customer = c.value();
    return request;
}

QJsonObject toJson(const OrderData &order)
{
    QJsonArray holds;
    for (const HoldData &h : order.holds)
        holds.append(toJson(h));
    QJsonObject json { { QStringLiteral("orderId"), order.orderId },
        { QStringLiteral("orderNumber"), order.orderNumber }, { QStringLiteral("holds"), holds },
        { QStringLiteral("deliveryPriceCents"), order.deliveryPriceCents },
        { QStringLiteral("expiresAt"), isoTime(order.expiresAt) } };
    if (!order.pickupCode.isEmpty())
        json.insert(QStringLiteral("pickupCode"), order.pickupCode);
    return json;
}

Core::Result<OrderData> orderFromJson(const QJsonObject &json, Reading reading)
{
    JsonReader r(json, QStringLiteral("order"));
    OrderData order;
    order.orderId = r.string(QStringLiteral("orderId"));
    order.orderNumber = r.string(QStringLiteral("orderNumber"));
    const QJsonArray holds = r.array(QStringLiteral("holds"));
    order.deliveryPriceCents = r.integer(QStringLiteral("deliveryPriceCents"));
    order.expiresAt = r.timestamp(QStringLiteral("expiresAt"));
    order.pickupCode = r.string(QStringLiteral("pickupCode"), false);
    if (reading == Reading::Strict)
        r.rejectUnknownFields();
    if (!r.ok())
        return r.error();
    Error error;
    if (!readObjects(
            holds, order.holds,
            [reading](const QJsonObject &o) { return holdFromJson(o, reading); }, error))
        return error;
    return order;
}

QJsonObject toJson(const Core::SaleOrder &order)
{
    return { { QStringLiteral("orderId"), order.orderId },
        { QStringLiteral("orderNumber"), order.orderNumber },
        { QStringLiteral("delivery"), toJson(order.delivery) },
        { QStringLiteral("lineIds"), QJsonArray::fromStringList(order.lineIds) },
        { QStringLiteral("deliveryLineId"), order.deliveryLineId } };
}

Core::Result<Core::SaleOrder> saleOrderFromJson(const QJsonObject &json)
{
    JsonReader r(json, QStringLiteral("sale.order"));
    Core::SaleOrder order;
    order.orderId = r.string(QStringLiteral("orderId"));
    order.orderNumber = r.string(QStringLiteral("orderNumber"));
    const QJsonObject delivery = r.object(QStringLiteral("delivery"));
    const QJsonArray lineIds = r.array(QStringLiteral("lineIds"));
    order.deliveryLineId = r.string(QStringLiteral("deliveryLineId"), false);
    r.rejectUnknownFields();
    requireUuid(r, order.orderId, QStringLiteral("sale.order.orderId"));
    if (r.ok() && lineIds.isEmpty())
        r.fail(QStringLiteral("protocol.bad_value"), QStringLiteral("sale.order.lineIds is empty"));
    if (!r.ok())
        return r.error();
    for (const QJsonValue &id : lineIds) {
        if (!id.isString() || id.toString().isEmpty())
            return badValue(QStringLiteral("sale.order.lineIds holds a non-string"));
        order.lineIds.append(id.toString());
    }
    auto d = deliveryFromJson(delivery);
    if (!d)
        return d.error();
    order.delivery = d.value();
    return order;
}

QJsonObject toJson(const PickupData &pickup)
{
    QJsonArray lines;
    for (const PickupLineData &l : pickup.lines)
        lines.append(QJsonObject { { QStringLiteral("lineId"), l.lineId },
            { QStringLiteral("productId"), l.productId }, { QStringLiteral("sku"), l.sku },
            { QStringLiteral("name"), l.name }, { QStringLiteral("quantity"), l.quantity },
            { QStringLiteral("collectedQuantity"), l.collectedQuantity } });
    return { { QStringLiteral("reference"), pickup.reference },
        { QStringLiteral("kind"), Core::name(pickup.kind) },
        { QStringLiteral("locationId"), pickup.locationId },
        { QStringLiteral("status"), Core::name(pickup.status) },
        { QStringLiteral("customerName"), pickup.customerName },
        { QStringLiteral("customerPhone"), pickup.customerPhone },
        { QStringLiteral("codeHash"), pickup.codeHash },
        { QStringLiteral("readyAt"), isoTime(pickup.readyAt) },
        { QStringLiteral("expiresAt"), isoTime(pickup.expiresAt) },
        { QStringLiteral("totalCents"), pickup.totalCents },
        { QStringLiteral("paid"), pickup.paid }, { QStringLiteral("lines"), lines } };
}

Core::Result<PickupData> pickupFromJson(const QJsonObject &json, Reading reading)
{
    const QString context = QStringLiteral("pickup");
    JsonReader r(json, context);
    PickupData p;
    p.reference = r.string(QStringLiteral("reference"));
    p.kind = enumField(
        r, QStringLiteral("kind"), context, Core::pickupKindFromName, Core::PickupKind::WebOrder);
    p.locationId = r.integer(QStringLiteral("locationId"), true, 1);
    p.status = enumField(r, QStringLiteral("status"), context, Core::pickupStatusFromName,
        Core::PickupStatus::Ready);
    p.customerName = r.string(QStringLiteral("customerName"), false);
    p.customerPhone = r.string(QStringLiteral("customerPhone"), false);
    p.codeHash = r.string(QStringLiteral("codeHash"), false);
    p.readyAt = r.timestamp(QStringLiteral("readyAt"));
    p.expiresAt = optionalTime(r, QStringLiteral("expiresAt"), context);
    p.totalCents = r.integer(QStringLiteral("totalCents"), false);
    p.paid = r.boolean(QStringLiteral("paid"), false);
    const QJsonArray lines = r.array(QStringLiteral("lines"));
    if (reading == Reading::Strict)
        r.rejectUnknownFields();
    if (r.ok() && p.reference.isEmpty())
        r.fail(QStringLiteral("protocol.bad_value"), QStringLiteral("pickup.reference is empty"));
    if (!r.ok())
        return r.error();
    if (!json.contains(QStringLiteral("paid")))
        p.paid = p.kind == Core::PickupKind::WebOrder;
    Error error;
    if (!readObjects(
            lines, p.lines,
            [reading](const QJsonObject &o) -> Core::Result<PickupLineData> {
                JsonReader l(o, QStringLiteral("pickup.lines"));
                PickupLineData line;
                line.lineId = l.string(QStringLiteral("lineId"));
                line.productId = l.integer(QStringLiteral("productId"));
                line.sku = l.string(QStringLiteral("sku"), false);
                line.name = l.string(QStringLiteral("name"), false);
                line.quantity = int(l.integer(QStringLiteral("quantity"), true, 1, 100000));
                line.collectedQuantity
                    = int(l.integer(QStringLiteral("collectedQuantity"), false, 0, 100000));
                if (reading == Reading::Strict)
                    l.rejectUnknownFields();
                if (l.ok() && line.collectedQuantity > line.quantity)
                    l.fail(QStringLiteral("protocol.bad_value"),
                        QStringLiteral("pickup.lines: collected above quantity"));
                if (!l.ok())
                    return l.error();
                return line;
            },
            error))
        return error;
    return p;
}

namespace {

QJsonArray handoverLinesToJson(const QList<Core::HandoverLine> &lines)
{
    QJsonArray array;
    for (const Core::HandoverLine &l : lines)
        array.append(QJsonObject {
            { QStringLiteral("lineId"), l.lineId }, { QStringLiteral("quantity"), l.quantity } });
    return array;
}

} // namespace

QJsonObject toJson(const PickupHandover &handover)
{
    QJsonObject json { { QStringLiteral("handoverId"), handover.handoverId },
        { QStringLiteral("reference"), handover.reference },
        { QStringLiteral("kind"), Core::name(handover.kind) },
        { QStringLiteral("storeCode"), handover.storeCode },
        { QStringLiteral("staffId"), handover.staffId },
        { QStringLiteral("at"), isoTime(handover.at) },
        { QStringLiteral("verifiedBy"), Core::name(handover.verifiedBy) },
        { QStringLiteral("lines"), handoverLinesToJson(handover.lines) } };
    if (!handover.code.isEmpty())
        json.insert(QStringLiteral("code"), handover.code);
    if (!handover.saleId.isEmpty())
        json.insert(QStringLiteral("saleId"), handover.saleId);
    return json;
}

Core::Result<PickupHandover> pickupHandoverFromJson(const QJsonObject &json)
{
    const QString context = QStringLiteral("pickup_handed_over");
    JsonReader r(json, context);
    PickupHandover h;
    h.handoverId = r.string(QStringLiteral("handoverId"));
    h.reference = r.string(QStringLiteral("reference"));
    h.kind = enumField(
        r, QStringLiteral("kind"), context, Core::pickupKindFromName, Core::PickupKind::WebOrder);
    h.storeCode = r.string(QStringLiteral("storeCode"));
    h.staffId = r.integer(QStringLiteral("staffId"), true, 1);
    h.at = r.timestamp(QStringLiteral("at"));
    h.verifiedBy = enumField(r, QStringLiteral("verifiedBy"), context,
        Core::pickupVerificationFromName, Core::PickupVerification::Code);
    const QJsonArray lines = r.array(QStringLiteral("lines"));
    h.code = r.string(QStringLiteral("code"), false);
    h.saleId = r.string(QStringLiteral("saleId"), false);
    r.rejectUnknownFields();
    requireUuid(r, h.handoverId, QStringLiteral("pickup_handed_over.handoverId"));
    if (r.ok() && h.reference.isEmpty())
        r.fail(QStringLiteral("protocol.bad_value"),
            QStringLiteral("pickup_handed_over.reference is empty"));
    // The typed code goes with a code check, never with an ID check. Details never quote it.
    if (r.ok() && h.verifiedBy == Core::PickupVerification::Code && h.code.isEmpty())
        r.fail(QStringLiteral("protocol.missing_field"),
            QStringLiteral("pickup_handed_over.code is required when verifiedBy is code"));
    if (r.ok() && h.verifiedBy == Core::PickupVerification::IdDocument && !h.code.isEmpty())
        r.fail(QStringLiteral("protocol.bad_value"),
            QStringLiteral("pickup_handed_over.code is only sent when verifiedBy is code"));
    if (r.ok() && h.code.size() > 32)
        r.fail(QStringLiteral("protocol.bad_value"),
            QStringLiteral("pickup_handed_over.code is too long"));
    if (!r.ok())
        return r.error();
    Error error;
    if (!readObjects(
            lines, h.lines,
            [](const QJsonObject &o) -> Core::Result<Core::HandoverLine> {
                JsonReader l(o, QStringLiteral("pickup_handed_over.lines"));
                Core::HandoverLine line;
                line.lineId = l.string(QStringLiteral("lineId"));
                line.quantity = int(l.integer(QStringLiteral("quantity"), true, 0, 100000));
                l.rejectUnknownFields();
                if (!l.ok())
                    return l.error();
                return line;
            },
            error))
        return error;
    return h;
}

QJsonObject toJson(const PickupNotCollected &release)
{
    return { { QStringLiteral("handoverId"), release.handoverId },
        { QStringLiteral("reference"), release.reference },
        { QStringLiteral("kind"), Core::name(release.kind) },
        { QStringLiteral("storeCode"), release.storeCode },
        { QStringLiteral("staffId"), release.staffId },
        { QStringLiteral("at"), isoTime(release.at) } };
}

Core::Result<PickupNotCollected> pickupNotCollectedFromJson(const QJsonObject &json)
{
    const QString context = QStringLiteral("pickup_not_collected");
    JsonReader r(json, context);
    PickupNotCollected n;
    n.handoverId = r.string(QStringLiteral("handoverId"));
    n.reference = r.string(QStringLiteral("reference"));
    n.kind = enumField(
        r, QStringLiteral("kind"), context, Core::pickupKindFromName, Core::PickupKind::WebOrder);
    n.storeCode = r.string(QStringLiteral("storeCode"));
    n.staffId = r.integer(QStringLiteral("staffId"), true, 1);
    n.at = r.timestamp(QStringLiteral("at"));
    r.rejectUnknownFields();
    requireUuid(r, n.handoverId, QStringLiteral("pickup_not_collected.handoverId"));
    if (!r.ok())
        return r.error();
    return n;
}

QJsonObject toJson(const SnapshotManifest &m)
{
    return { { QStringLiteral("snapshotId"), m.snapshotId }, { QStringLiteral("format"), m.format },
        { QStringLiteral("cursor"), m.cursor }, { QStringLiteral("sizeBytes"), m.sizeBytes },
        { QStringLiteral("sha256"), m.sha256 }, { QStringLiteral("rowCount"), m.rowCount },
        { QStringLiteral("builtAt"), isoTime(m.builtAt) },
        { QStringLiteral("cacheSchemaVersion"), m.cacheSchemaVersion } };
}

Core::Result<SnapshotManifest> snapshotManifestFromJson(const QJsonObject &json, Reading reading)
{
    JsonReader r(json, QStringLiteral("snapshot"));
    SnapshotManifest m;
    m.snapshotId = r.string(QStringLiteral("snapshotId"));
    m.format = int(r.integer(QStringLiteral("format"), true, 1, 1000));
    m.cursor = r.integer(QStringLiteral("cursor"));
    m.sizeBytes = r.integer(QStringLiteral("sizeBytes"), true, 1);
    m.sha256 = r.string(QStringLiteral("sha256"));
    m.rowCount = r.integer(QStringLiteral("rowCount"));
    m.builtAt = r.timestamp(QStringLiteral("builtAt"));
    m.cacheSchemaVersion = int(r.integer(QStringLiteral("cacheSchemaVersion"), false, 0, 1000));
    if (reading == Reading::Strict)
        r.rejectUnknownFields();
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    if (r.ok() && !hex.match(m.sha256).hasMatch())
        r.fail(QStringLiteral("protocol.bad_value"), QStringLiteral("snapshot.sha256 is not hex"));
    if (!r.ok())
        return r.error();
    return m;
}

} // namespace Toonbank::Sync::Protocol
