#include "saleorder.h"

#include "sync/protocol/changefeed.h"
#include "sync/protocol/stockelsewhere.h"
#include "sync/server/holds.h"
#include "sync/server/serverdatabase.h"

#include "app/core/delivery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

#include <map>

namespace Toonbank::Sync::Server {

using Core::Money;

namespace {

QPair<QString, QString> refusal(const char *code, const QString &reason)
{
    return { QLatin1String(code), reason };
}

const Core::SaleLine *lineOf(const Core::Sale &sale, const QString &lineId)
{
    for (const Core::SaleLine &line : sale.lines) {
        if (line.lineId == lineId)
            return &line;
    }
    return nullptr;
}

} // namespace

Core::Sale goodsOfOrderSale(const Core::Sale &sale)
{
    if (!sale.order || sale.order->deliveryLineId.isEmpty())
        return sale;
    Core::Sale goods = sale;
    goods.lines.clear();
    for (const Core::SaleLine &line : sale.lines) {
        if (line.lineId == sale.order->deliveryLineId)
            goods.total -= line.lineTotal();
        else
            goods.lines.append(line);
    }
    goods.vat = Core::vatBreakdown(goods.lines);
    return goods;
}

QSet<QString> orderLineIds(const Core::Sale &sale)
{
    QSet<QString> ids;
    if (!sale.order)
        return ids;
    for (const QString &id : sale.order->lineIds)
        ids.insert(id);
    if (!sale.order->deliveryLineId.isEmpty())
        ids.insert(sale.order->deliveryLineId);
    return ids;
}

Core::Result<QPair<QString, QString>> checkSaleOrder(ServerDatabase &db,
    const DeviceIdentity &device, const Core::Sale &sale, QSet<QString> &inBatch)
{
    const Core::SaleOrder &order = *sale.order;
    auto q = db.exec(QStringLiteral("SELECT h.purpose, h.status, h.product_id, h.quantity, "
                                    "COALESCE(d.location_id, -1) FROM holds h LEFT JOIN devices "
                                    "d ON d.id = h.device_id WHERE h.order_number = ?"),
        { order.orderNumber });
    if (!q)
        return q.error();
    std::map<qint64, qint64> held;
    bool any = false;
    while (q.value().next()) {
        any = true;
        const QSqlQuery &h = q.value();
        if (h.value(0).toString() != QLatin1String("order"))
            return refusal("order.unknown",
                QStringLiteral("%1 is not an endless-aisle order").arg(order.orderNumber));
        if (h.value(1).toString() != QLatin1String("held"))
            return refusal("order.closed",
                QStringLiteral("order %1 is %2, no longer held")
                    .arg(order.orderNumber, h.value(1).toString()));
        if (h.value(4).toLongLong() != device.locationId)
            return refusal("order.store",
                QStringLiteral("order %1 was made by another store").arg(order.orderNumber));
        held[h.value(2).toLongLong()] += h.value(3).toLongLong();
    }
    if (!any || order.orderNumber.isEmpty())
        return refusal("order.unknown",
            QStringLiteral("no order %1 holds stock").arg(order.orderNumber.left(40)));
    if (inBatch.contains(order.orderNumber))
        return refusal("order.closed",
            QStringLiteral("order %1 was paid by an earlier sale").arg(order.orderNumber));
    std::map<qint64, qint64> ordered;
    Money goods;
    for (const QString &lineId : order.lineIds) {
        const Core::SaleLine *line = lineOf(sale, lineId);
        if (!line || lineId == order.deliveryLineId)
            return refusal("order.lines",
                QStringLiteral("ordered line %1 is not a goods line of the sale")
                    .arg(lineId.left(40)));
        ordered[line->productId] += line->quantity;
        // The delivery was priced on the order's prices when it was made: a discount given
        // at the till afterwards does not change what the delivery costs.
        goods += line->grossTotal();
    }
    if (ordered != held)
        return refusal("order.lines",
            QStringLiteral("the ordered lines differ from what order %1 holds")
                .arg(order.orderNumber));
    if (const Core::Status ok
        = Core::checkDelivery(order.delivery, Core::defaultDeliveryOptions(), goods);
        !ok)
        return refusal("order.delivery",
            QStringLiteral("%1: %2").arg(ok.error().code,
                ok.error().detail.isEmpty() ? ok.error().message : ok.error().detail));
    const Core::SaleLine *deliveryLine
        = order.deliveryLineId.isEmpty() ? nullptr : lineOf(sale, order.deliveryLineId);
    if (!order.deliveryLineId.isEmpty() && !deliveryLine)
        return refusal("order.delivery",
            QStringLiteral("the delivery line %1 is missing").arg(order.deliveryLineId.left(40)));
    const Money charged = deliveryLine ? deliveryLine->lineTotal() : Money();
    if (charged != order.delivery.price)
        return refusal("order.delivery",
            QStringLiteral("the delivery line charges %1, the delivery costs %2")
                .arg(charged.toPlainString(), order.delivery.price.toPlainString()));
    inBatch.insert(order.orderNumber);
    return QPair<QString, QString>();
}

Core::Status applySaleOrder(BatchContext &context, const BatchEvent &event, qint64 customerId)
{
    ServerDatabase &db = context.db;
    const auto &sale = std::any_cast<const Core::Sale &>(event.payload);
    const Core::SaleOrder &order = *sale.order;
    const bool pickup = order.delivery.kind == Core::DeliveryKind::StorePickup;

    // The holds become ordered: the units leave the holding location's stock.
    auto seq = db.reserveSequence(1);
    if (!seq)
        return seq.error();
    auto closed = db.exec(
        QStringLiteral("UPDATE holds SET status = 'ordered', closed_at = ?, closed_by = ?, "
                       "change_seq = ? WHERE order_number = ? AND status = 'held' RETURNING "
                       "product_id, location_id, quantity, customer_name, customer_phone, "
                       "code_hash, customer_id"),
        { context.now, QStringLiteral("sale:") + sale.saleId, seq.value(), order.orderNumber });
    if (!closed)
        return closed.error();
    struct Taken
    {
        qint64 productId;
        qint64 locationId;
        qint64 quantity;
    };
    QList<Taken> taken;
    qint64 holdingLocation = 0;
    QString customerName;
    QString customerPhone;
    QString codeHash;
    while (closed.value().next()) {
        const QSqlQuery &h = closed.value();
        taken.append({ h.value(0).toLongLong(), h.value(1).toLongLong(), h.value(2).toLongLong() });
        holdingLocation = h.value(1).toLongLong();
        customerName = h.value(3).toString();
        customerPhone = h.value(4).toString();
        codeHash = h.value(5).toString();
        if (customerId == 0)
            customerId = h.value(6).toLongLong();
    }
    auto stockSeq = db.reserveSequence(std::max<qint64>(1, taken.size()));
    if (!stockSeq)
        return stockSeq.error();
    qint64 next = stockSeq.value();
    for (const Taken &t : std::as_const(taken)) {
        auto moved = db.exec(
            QStringLiteral("UPDATE stock SET quantity = quantity - ?, held = CASE WHEN held >= ? "
                           "THEN held - ? ELSE 0 END, change_seq = ? WHERE product_id = ? AND "
                           "location_id = ?"),
            { t.quantity, t.quantity, t.quantity, next++, t.productId, t.locationId });
        if (!moved)
            return moved.error();
    }

    // The web order, found by the Returns lookup like an imported one.
    auto maxId = db.exec(QStringLiteral("SELECT COALESCE(MAX(id), 0) + 1 FROM web_orders"));
    if (!maxId)
        return maxId.error();
    const qint64 orderId = maxId.value().next() ? maxId.value().value(0).toLongLong() : 1;
    const qint64 locationId = pickup ? holdingLocation : context.device.locationId;
    Money goods;
    QList<QVariantList> lineRows;
    QJsonArray linesJson;
    int lineNo = 0;
    for (const QString &lineId : order.lineIds) {
        for (const Core::SaleLine &line : sale.lines) {
            if (line.lineId != lineId)
                continue;
            goods += line.lineTotal();
            lineRows.append({ orderId, line.lineId, ++lineNo, line.productId, line.sku, line.name,
                QString(), Core::name(line.vatClass), line.vatRate.basisPoints, line.quantity,
                line.unitPrice.cents(), line.lineTotal().cents() });
            linesJson.append(QJsonObject { { QStringLiteral("lineId"), line.lineId },
                { QStringLiteral("productId"), line.productId },
                { QStringLiteral("sku"), line.sku }, { QStringLiteral("name"), line.name },
                { QStringLiteral("quantity"), line.quantity },
                { QStringLiteral("unitPriceCents"), line.unitPrice.cents() },
                { QStringLiteral("lineTotalCents"), line.lineTotal().cents() } });
        }
    }
    const Money delivery = order.delivery.price;
    const QString status = pickup ? QStringLiteral("ready") : QStringLiteral("ordered");
    Protocol::WebOrderData data;
    data.id = orderId;
    data.orderNumber = order.orderNumber;
    data.locationId = locationId;
    data.customerId = customerId;
    data.status = status;
    data.totalCents = goods.cents();
    data.details = QJsonObject { { QStringLiteral("channel"), QStringLiteral("store") },
        { QStringLiteral("lines"), linesJson }, { QStringLiteral("saleId"), sale.saleId },
        { QStringLiteral("customerName"), customerName },
        { QStringLiteral("customerPhone"), customerPhone },
        { QStringLiteral("delivery"), Protocol::toJson(order.delivery) } };
    auto orderSeq = db.reserveSequence(1);
    if (!orderSeq)
        return orderSeq.error();
    if (Core::Status s = db.insertRows(QStringLiteral("web_orders"),
            { QStringLiteral("id"), QStringLiteral("order_number"), QStringLiteral("location_id"),
                QStringLiteral("data"), QStringLiteral("change_seq"), QStringLiteral("customer_id"),
                QStringLiteral("status"), QStringLiteral("channel"), QStringLiteral("ordered_at"),
                QStringLiteral("delivery_cents"), QStringLiteral("total_cents"),
                QStringLiteral("code_hash"), QStringLiteral("ready_at"),
                QStringLiteral("sale_id") },
            { { orderId, order.orderNumber, locationId,
                QString::fromUtf8(
                    QJsonDocument(Protocol::toJson(data)).toJson(QJsonDocument::Compact)),
                orderSeq.value(), customerId, status, QStringLiteral("store"), isoUtc(sale.soldAt),
                delivery.cents(), goods.cents(), pickup ? codeHash : QString(),
                pickup ? context.now : QString(), sale.saleId } });
        !s)
        return s;
    if (Core::Status s = db.insertRows(QStringLiteral("web_order_lines"),
            { QStringLiteral("order_id"), QStringLiteral("line_id"), QStringLiteral("line_no"),
                QStringLiteral("product_id"), QStringLiteral("sku"), QStringLiteral("name"),
                QStringLiteral("category"), QStringLiteral("vat_class"),
                QStringLiteral("vat_basis_points"), QStringLiteral("quantity"),
                QStringLiteral("unit_price_cents"), QStringLiteral("line_total_cents") },
            lineRows);
        !s)
        return s;
    // The order's part of each tender (a basket may hold more than the order).
    QList<Money> weights;
    for (const Core::Tender &t : sale.tenders)
        weights.append(t.amount);
    const QList<Money> parts = Core::spreadProRata(goods + delivery, weights);
    QList<QVariantList> tenderRows;
    for (qsizetype i = 0; i < parts.size() && i < sale.tenders.size(); ++i) {
        if (parts.at(i).cents() <= 0)
            continue;
        tenderRows.append(
            { orderId, int(tenderRows.size() + 1), Core::name(sale.tenders.at(i).method),
                parts.at(i).cents(), sale.tenders.at(i).reference, isoUtc(sale.soldAt) });
    }
    return db.insertRows(QStringLiteral("web_order_tenders"),
        { QStringLiteral("order_id"), QStringLiteral("tender_no"), QStringLiteral("method"),
            QStringLiteral("amount_cents"), QStringLiteral("reference"),
            QStringLiteral("paid_at") },
        tenderRows);
}

} // namespace Toonbank::Sync::Server
