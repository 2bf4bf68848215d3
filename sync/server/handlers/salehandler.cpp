#include "salehandler.h"

#include "sync/protocol/saleevent.h"
#include "sync/server/serverdatabase.h"

#include <QSet>
#include <QSqlQuery>

#include <map>

namespace Toonbank::Sync::Server {

namespace {

QString placeholders(qsizetype count)
{
    return QStringList(count, QStringLiteral("?")).join(QLatin1Char(','));
}

QString isoTime(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

Core::Result<std::any> SaleHandler::parse(
    const DeviceIdentity &device, const Protocol::EventEnvelope &envelope) const
{
    Core::Result<Protocol::SaleEvent> sale = Protocol::SaleEvent::fromJson(envelope.payload);
    if (!sale)
        return sale.error();
    if (sale->locationCode != device.locationCode)
        return Core::Error::make(QStringLiteral("scope.location"), QString(),
            QStringLiteral("sale of store %1 pushed by a device of store %2")
                .arg(sale->locationCode.left(20), device.locationCode));
    for (const Protocol::SaleLine &line : sale->lines) {
        // Returns inside an exchange travel as return events once the server knows them.
        if (line.quantity < 0)
            return Core::Error::make(QStringLiteral("sale.negative_quantity"), QString(),
                QStringLiteral("line %1 has a negative quantity").arg(line.sku.left(40)));
    }
    return std::any(std::move(sale).value());
}

Core::Status SaleHandler::check(BatchContext &context, const QList<BatchEvent *> &events)
{
    QSet<qint64> productIds;
    QStringList saleIds;
    for (BatchEvent *event : events) {
        const auto &sale = event->as<Protocol::SaleEvent>();
        saleIds.append(sale.saleId);
        for (const Protocol::SaleLine &line : sale.lines)
            productIds.insert(line.productId);
    }
    QHash<qint64, QString> knownProducts;
    if (!productIds.isEmpty()) {
        auto q = context.db.exec(QStringLiteral("SELECT id, sku FROM products WHERE id IN (")
                + placeholders(productIds.size()) + QStringLiteral(")"),
            QVariantList(productIds.cbegin(), productIds.cend()));
        if (!q)
            return q.error();
        while (q.value().next())
            knownProducts.insert(q.value().value(0).toLongLong(), q.value().value(1).toString());
    }
    QSet<QString> recordedSales;
    if (!saleIds.isEmpty()) {
        auto q = context.db.exec(QStringLiteral("SELECT sale_id FROM sales WHERE sale_id IN (")
                + placeholders(saleIds.size()) + QStringLiteral(")"),
            QVariantList(saleIds.cbegin(), saleIds.cend()));
        if (!q)
            return q.error();
        while (q.value().next())
            recordedSales.insert(q.value().value(0).toString());
    }
    QSet<QString> salesInBatch;
    for (BatchEvent *event : events) {
        const auto &sale = event->as<Protocol::SaleEvent>();
        if (recordedSales.contains(sale.saleId) || salesInBatch.contains(sale.saleId)) {
            event->reject(QStringLiteral("sale.duplicate_sale"),
                QStringLiteral("sale %1 was already recorded under another event")
                    .arg(sale.saleId));
            continue;
        }
        salesInBatch.insert(sale.saleId);
        for (const Protocol::SaleLine &line : sale.lines) {
            auto known = knownProducts.constFind(line.productId);
            if (known == knownProducts.constEnd()) {
                event->reject(QStringLiteral("sale.unknown_product"),
                    QStringLiteral("product %1 is unknown").arg(line.productId));
                break;
            }
            if (m_checkPrices && *known != line.sku) {
                event->reject(QStringLiteral("sale.sku_mismatch"),
                    QStringLiteral("product %1 is %2, not %3")
                        .arg(line.productId)
                        .arg(*known, line.sku.left(40)));
                break;
            }
        }
    }
    return Core::success();
}

Core::Status SaleHandler::apply(BatchContext &context, const QList<BatchEvent *> &events)
{
    ServerDatabase &db = context.db;
    QList<QVariantList> saleRows;
    QList<QVariantList> lineRows;
    QList<QVariantList> vatRows;
    QList<QVariantList> tenderRows;
    std::map<qint64, qint64> soldPerProduct; // ordered: the same row order in every batch
    for (BatchEvent *event : events) {
        const auto &sale = event->as<Protocol::SaleEvent>();
        saleRows.append({ sale.saleId, event->envelope->eventId, context.device.locationId,
            context.device.deviceId, event->envelope->staffId, sale.receiptNumber,
            isoTime(sale.soldAt), sale.total.cents(), sale.rounding.cents(), sale.customerId,
            sale.training ? 1 : 0, sale.locationCode });
        int lineNo = 0;
        for (const Protocol::SaleLine &line : sale.lines) {
            ++lineNo;
            lineRows.append({ sale.saleId, lineNo, QStringLiteral("L%1").arg(lineNo),
                line.productId, line.sku, line.quantity, line.unitPrice.cents(),
                line.unitPrice.cents(), line.lineDiscount.cents(), line.lineTotal.cents(),
                line.vatClass, line.vatBasisPoints });
            // Training sales teach the till; they never move stock.
            if (!sale.training)
                soldPerProduct[line.productId] += line.quantity;
        }
        for (const Protocol::SaleVat &vat : sale.vat)
            vatRows.append({ sale.saleId, vat.basisPoints, vat.gross.cents(), vat.vat.cents(),
                vat.net.cents() });
        int tenderNo = 0;
        for (const Protocol::SalePayment &payment : sale.payments)
            tenderRows.append({ sale.saleId, ++tenderNo, payment.method, payment.amount.cents(),
                payment.tendered.cents(), payment.change.cents(), payment.reference });
    }
    if (Core::Status s = db.insertRows(QStringLiteral("sales"),
            { QStringLiteral("sale_id"), QStringLiteral("event_id"), QStringLiteral("location_id"),
                QStringLiteral("device_id"), QStringLiteral("staff_id"),
                QStringLiteral("receipt_number"), QStringLiteral("sold_at"),
                QStringLiteral("total_cents"), QStringLiteral("rounding_cents"),
                QStringLiteral("customer_id"), QStringLiteral("training"),
                QStringLiteral("store_code") },
            saleRows);
        !s)
        return s;
    if (Core::Status s = db.insertRows(QStringLiteral("sale_lines"),
            { QStringLiteral("sale_id"), QStringLiteral("line_no"), QStringLiteral("line_id"),
                QStringLiteral("product_id"), QStringLiteral("sku"), QStringLiteral("quantity"),
                QStringLiteral("unit_price_cents"), QStringLiteral("regular_price_cents"),
                QStringLiteral("line_discount_cents"), QStringLiteral("line_total_cents"),
                QStringLiteral("vat_class"), QStringLiteral("vat_basis_points") },
            lineRows);
        !s)
        return s;
    if (Core::Status s = db.insertRows(QStringLiteral("sale_vat"),
            { QStringLiteral("sale_id"), QStringLiteral("basis_points"),
                QStringLiteral("gross_cents"), QStringLiteral("vat_cents"),
                QStringLiteral("net_cents") },
            vatRows);
        !s)
        return s;
    if (Core::Status s = db.insertRows(QStringLiteral("sale_tenders"),
            { QStringLiteral("sale_id"), QStringLiteral("tender_no"), QStringLiteral("method"),
                QStringLiteral("amount_cents"), QStringLiteral("tendered_cents"),
                QStringLiteral("change_cents"), QStringLiteral("reference") },
            tenderRows);
        !s)
        return s;
    // Decrement in SQL (quantity = quantity - n), never read-modify-write in C++, so two
    // instances selling the same product both count. A product never stocked here starts
    // below zero: the sale happened, the count will correct it.
    if (soldPerProduct.empty())
        return Core::success();
    Core::Result<qint64> firstSeq = db.reserveSequence(qint64(soldPerProduct.size()));
    if (!firstSeq)
        return firstSeq.error();
    QList<QVariantList> stockRows;
    qint64 seq = firstSeq.value();
    for (const auto &[productId, sold] : soldPerProduct)
        stockRows.append({ productId, context.device.locationId, -sold, context.now, seq++ });
    return db.insertRows(QStringLiteral("stock"),
        { QStringLiteral("product_id"), QStringLiteral("location_id"), QStringLiteral("quantity"),
            QStringLiteral("as_of"), QStringLiteral("change_seq") },
        stockRows,
        QStringLiteral("ON CONFLICT(product_id, location_id) DO UPDATE SET "
                       "quantity = stock.quantity + excluded.quantity, "
                       "as_of = excluded.as_of, change_seq = excluded.change_seq"));
}

} // namespace Toonbank::Sync::Server
