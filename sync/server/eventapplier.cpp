#include "eventapplier.h"

#include "serverdatabase.h"

#include "sync/protocol/saleevent.h"

#include <QHash>
#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>

#include <map>

namespace Toonbank::Sync::Server {

using Protocol::PushOutcome;
using Protocol::PushResult;

namespace {

QString placeholders(qsizetype count)
{
    return QStringList(count, QStringLiteral("?")).join(QLatin1Char(','));
}

QString isoTime(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}

// One event of the batch as the applier sees it.
struct Pending
{
    const Protocol::EventEnvelope *envelope = nullptr;
    std::optional<Protocol::SaleEvent> sale;
    PushResult parsed; // the outcome of the checks that need no database
    PushResult result;
};

} // namespace

EventApplier::EventApplier(ServerDatabase &database)
    : m_db(database)
{ }

std::variant<EventApplier::Outcome, ApiError> EventApplier::apply(
    const DeviceIdentity &device, const Protocol::PushRequest &request)
{
    if (request.deviceId != device.deviceId)
        return ApiError { ApiErrorKind::Forbidden, QStringLiteral("scope.device"),
            QStringLiteral("a device can only push its own events") };

    // Validation that needs no database: the payload must parse and add up.
    QList<Pending> batch;
    batch.reserve(request.events.size());
    for (const Protocol::EventEnvelope &envelope : request.events) {
        Pending item;
        item.envelope = &envelope;
        item.result.eventId = envelope.eventId;
        item.result.outcome = PushOutcome::Applied;
        auto reject = [&item](const QString &code, const QString &reason) {
            item.result.outcome = PushOutcome::Rejected;
            item.result.code = code;
            item.result.reason = reason;
        };
        if (envelope.type != QLatin1String("sale")) {
            reject(QStringLiteral("event.unknown_type"),
                QStringLiteral("unknown event type %1").arg(envelope.type.left(40)));
        } else if (Core::Result<Protocol::SaleEvent> sale
                   = Protocol::SaleEvent::fromJson(envelope.payload);
                   !sale) {
            reject(sale.error().code,
                sale.error().detail.isEmpty() ? sale.error().message : sale.error().detail);
        } else if (sale->locationCode != device.locationCode) {
            reject(QStringLiteral("scope.location"),
                QStringLiteral("sale of store %1 pushed by a device of store %2")
                    .arg(sale->locationCode.left(20), device.locationCode));
        } else {
            for (const Protocol::SaleLine &line : sale->lines) {
                // Returns inside an exchange travel as return events once the server knows them.
                if (line.quantity < 0) {
                    reject(QStringLiteral("sale.negative_quantity"),
                        QStringLiteral("line %1 has a negative quantity").arg(line.sku.left(40)));
                    break;
                }
            }
            if (item.result.outcome != PushOutcome::Rejected)
                item.sale = std::move(sale).value();
        }
        item.parsed = item.result;
        batch.append(std::move(item));
    }

    QStringList eventIds;
    for (const Pending &item : batch)
        eventIds.append(item.envelope->eventId);

    bool anyRejected = false;
    Core::Status done = m_db.transaction([&]() -> Core::Status {
        anyRejected = false;
        for (Pending &item : batch) // a rerun after a conflict starts from the parse result
            item.result = item.parsed;
        // The feed lock first: it orders writers (see reserveSequence), and taking it before
        // any row lock means two batches can never deadlock on stock rows.
        qsizetype stockChanges = 0;
        for (const Pending &item : batch)
            stockChanges += item.sale ? item.sale->lines.size() : 0;
        Core::Result<qint64> firstSeq = m_db.reserveSequence(stockChanges);
        if (!firstSeq)
            return firstSeq.error();

        // Events seen before keep their first outcome.
        auto seen = m_db.exec(
            QStringLiteral(
                "SELECT event_id, status, reason_code, reason FROM events WHERE event_id IN (")
                + placeholders(eventIds.size()) + QStringLiteral(")"),
            QVariantList(eventIds.cbegin(), eventIds.cend()));
        if (!seen)
            return seen.error();
        QHash<QString, PushResult> earlier;
        while (seen.value().next()) {
            PushResult result;
            result.eventId = seen.value().value(0).toString();
            const bool rejected = seen.value().value(1).toString() == QLatin1String("rejected");
            result.outcome = rejected ? PushOutcome::Rejected : PushOutcome::Duplicate;
            result.code = seen.value().value(2).toString();
            result.reason = seen.value().value(3).toString();
            earlier.insert(result.eventId, result);
        }

        // Checks against the database for the new ones: products, staff, sale id.
        QSet<qint64> productIds;
        QSet<qint64> staffIds;
        QStringList saleIds;
        for (const Pending &item : batch) {
            if (earlier.contains(item.envelope->eventId))
                continue;
            staffIds.insert(item.envelope->staffId);
            if (item.sale) {
                saleIds.append(item.sale->saleId);
                for (const Protocol::SaleLine &line : item.sale->lines)
                    productIds.insert(line.productId);
            }
        }
        QSet<qint64> knownProducts;
        if (!productIds.isEmpty()) {
            auto q = m_db.exec(QStringLiteral("SELECT id FROM products WHERE id IN (")
                    + placeholders(productIds.size()) + QStringLiteral(")"),
                QVariantList(productIds.cbegin(), productIds.cend()));
            if (!q)
                return q.error();
            while (q.value().next())
                knownProducts.insert(q.value().value(0).toLongLong());
        }
        QSet<qint64> knownStaff;
        if (!staffIds.isEmpty()) {
            auto q = m_db.exec(QStringLiteral("SELECT id FROM staff WHERE id IN (")
                    + placeholders(staffIds.size()) + QStringLiteral(")"),
                QVariantList(staffIds.cbegin(), staffIds.cend()));
            if (!q)
                return q.error();
            while (q.value().next())
                knownStaff.insert(q.value().value(0).toLongLong());
        }
        QSet<QString> recordedSales;
        if (!saleIds.isEmpty()) {
            auto q = m_db.exec(QStringLiteral("SELECT sale_id FROM sales WHERE sale_id IN (")
                    + placeholders(saleIds.size()) + QStringLiteral(")"),
                QVariantList(saleIds.cbegin(), saleIds.cend()));
            if (!q)
                return q.error();
            while (q.value().next())
                recordedSales.insert(q.value().value(0).toString());
        }

        QSet<QString> salesInBatch;
        for (Pending &item : batch) {
            if (auto it = earlier.constFind(item.envelope->eventId); it != earlier.constEnd()) {
                item.result = *it;
                anyRejected = anyRejected || item.result.outcome == PushOutcome::Rejected;
                continue;
            }
            if (item.result.outcome == PushOutcome::Rejected) {
                anyRejected = true;
                continue;
            }
            auto reject = [&](const QString &code, const QString &reason) {
                item.result.outcome = PushOutcome::Rejected;
                item.result.code = code;
                item.result.reason = reason;
                anyRejected = true;
            };
            if (!knownStaff.contains(item.envelope->staffId)) {
                reject(QStringLiteral("event.unknown_staff"),
                    QStringLiteral("staff %1 is unknown").arg(item.envelope->staffId));
                continue;
            }
            if (recordedSales.contains(item.sale->saleId)
                || salesInBatch.contains(item.sale->saleId)) {
                reject(QStringLiteral("sale.duplicate_sale"),
                    QStringLiteral("sale %1 was already recorded under another event")
                        .arg(item.sale->saleId));
                continue;
            }
            salesInBatch.insert(item.sale->saleId);
            for (const Protocol::SaleLine &line : item.sale->lines) {
                if (!knownProducts.contains(line.productId)) {
                    reject(QStringLiteral("sale.unknown_product"),
                        QStringLiteral("product %1 is unknown").arg(line.productId));
                    break;
                }
            }
        }

        const QString now = isoTime(QDateTime::currentDateTimeUtc());
        auto eventRow = [&](const Pending &item, const QString &status) -> QVariantList {
            const Protocol::EventEnvelope &e = *item.envelope;
            return { e.eventId, device.deviceId, e.deviceSeq, e.type, e.staffId,
                isoTime(e.occurredAt), now, status,
                status == QLatin1String("rejected") ? item.result.code : QString(),
                status == QLatin1String("rejected") ? item.result.reason : QString(),
                QString::fromUtf8(QJsonDocument(e.payload).toJson(QJsonDocument::Compact)) };
        };
        const QStringList eventColumns { QStringLiteral("event_id"), QStringLiteral("device_id"),
            QStringLiteral("device_seq"), QStringLiteral("type"), QStringLiteral("staff_id"),
            QStringLiteral("occurred_at"), QStringLiteral("received_at"), QStringLiteral("status"),
            QStringLiteral("reason_code"), QStringLiteral("reason"), QStringLiteral("payload") };
        const QString onConflict = QStringLiteral("ON CONFLICT(event_id) DO NOTHING");

        if (anyRejected) {
            // Nothing of the batch is applied; the newly rejected are kept for the supervisor.
            QList<QVariantList> rows;
            for (Pending &item : batch) {
                if (item.result.outcome == PushOutcome::Rejected
                    && !earlier.contains(item.envelope->eventId))
                    rows.append(eventRow(item, QStringLiteral("rejected")));
                else if (item.result.outcome == PushOutcome::Applied)
                    item.result.outcome = PushOutcome::NotApplied;
            }
            return m_db.insertRows(QStringLiteral("events"), eventColumns, rows, onConflict);
        }

        // Record the ids first; only the rows this transaction really inserted get effects.
        // The primary key, not the SELECT above, is what makes this exactly-once.
        QList<QVariantList> rows;
        for (const Pending &item : batch) {
            if (item.result.outcome == PushOutcome::Applied)
                rows.append(eventRow(item, QStringLiteral("applied")));
        }
        if (rows.isEmpty())
            return Core::success();
        QString sql = QStringLiteral("INSERT INTO events(") + eventColumns.join(QLatin1Char(','))
            + QStringLiteral(") VALUES ");
        QVariantList params;
        for (qsizetype i = 0; i < rows.size(); ++i) {
            sql += (i ? QStringLiteral(",(") : QStringLiteral("("))
                + placeholders(eventColumns.size()) + QStringLiteral(")");
            params += rows.at(i);
        }
        sql += QLatin1Char(' ') + onConflict + QStringLiteral(" RETURNING event_id");
        auto inserted = m_db.exec(sql, params);
        if (!inserted)
            return inserted.error();
        QSet<QString> mine;
        while (inserted.value().next())
            mine.insert(inserted.value().value(0).toString());

        QList<QVariantList> saleRows;
        QList<QVariantList> lineRows;
        std::map<qint64, qint64> soldPerProduct; // ordered: the same row order in every batch
        for (Pending &item : batch) {
            if (item.result.outcome != PushOutcome::Applied)
                continue;
            if (!mine.contains(item.envelope->eventId)) {
                item.result.outcome = PushOutcome::Duplicate;
                continue;
            }
            const Protocol::SaleEvent &sale = *item.sale;
            saleRows.append({ sale.saleId, item.envelope->eventId, device.locationId,
                device.deviceId, item.envelope->staffId, sale.receiptNumber, isoTime(sale.soldAt),
                sale.total.cents(), sale.rounding.cents(), sale.customerId,
                sale.training ? 1 : 0 });
            int lineNo = 0;
            for (const Protocol::SaleLine &line : sale.lines) {
                lineRows.append({ sale.saleId, ++lineNo, line.productId, line.sku, line.quantity,
                    line.unitPrice.cents(), line.lineDiscount.cents(), line.lineTotal.cents(),
                    line.vatBasisPoints });
                // Training sales teach the till; they never move stock.
                if (!sale.training)
                    soldPerProduct[line.productId] += line.quantity;
            }
        }
        if (Core::Status s = m_db.insertRows(QStringLiteral("sales"),
                { QStringLiteral("sale_id"), QStringLiteral("event_id"),
                    QStringLiteral("location_id"), QStringLiteral("device_id"),
                    QStringLiteral("staff_id"), QStringLiteral("receipt_number"),
                    QStringLiteral("sold_at"), QStringLiteral("total_cents"),
                    QStringLiteral("rounding_cents"), QStringLiteral("customer_id"),
                    QStringLiteral("training") },
                saleRows);
            !s)
            return s;
        if (Core::Status s = m_db.insertRows(QStringLiteral("sale_lines"),
                { QStringLiteral("sale_id"), QStringLiteral("line_no"),
                    QStringLiteral("product_id"), QStringLiteral("sku"), QStringLiteral("quantity"),
                    QStringLiteral("unit_price_cents"), QStringLiteral("line_discount_cents"),
                    QStringLiteral("line_total_cents"), QStringLiteral("vat_basis_points") },
                lineRows);
            !s)
            return s;
        // Decrement in SQL (quantity = quantity - n), never read-modify-write in C++, so two
        // instances selling the same product both count. A product never stocked here starts
        // below zero: the sale happened, the count will correct it.
        QList<QVariantList> stockRows;
        qint64 seq = firstSeq.value();
        for (const auto &[productId, sold] : soldPerProduct)
            stockRows.append({ productId, device.locationId, -sold, now, seq++ });
        return m_db.insertRows(QStringLiteral("stock"),
            { QStringLiteral("product_id"), QStringLiteral("location_id"),
                QStringLiteral("quantity"), QStringLiteral("as_of"), QStringLiteral("change_seq") },
            stockRows,
            QStringLiteral("ON CONFLICT(product_id, location_id) DO UPDATE SET "
                           "quantity = stock.quantity + excluded.quantity, "
                           "as_of = excluded.as_of, change_seq = excluded.change_seq"));
    });
    if (!done)
        return ApiError::fromCore(ApiErrorKind::Internal, done.error());

    Outcome outcome;
    outcome.anyRejected = anyRejected;
    for (const Pending &item : batch)
        outcome.response.results.append(item.result);
    return outcome;
}

} // namespace Toonbank::Sync::Server
