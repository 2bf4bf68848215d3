#include "returnsledger.h"

#include "localdatabase.h"
#include "outbox.h"
#include "salesledger.h"

#include "app/core/tr.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Toonbank::Store {

using Core::Error;
using Core::Money;
using Core::Tr;

namespace {

QString isoUtc(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}

QVariant isoOrNull(const QDateTime &when)
{
    return when.isValid() ? QVariant(isoUtc(when)) : QVariant();
}

QDateTime fromIso(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC();
}

QString notNull(const QString &text)
{
    return text.isNull() ? QString(QLatin1String("")) : text;
}

Error storeFailed(const QString &detail)
{
    return Error::make(QStringLiteral("return.store_failed"),
        Tr::tr("The return could not be saved. Nothing was recorded; please try again."), detail);
}

Error storeFailed(const QSqlQuery &query)
{
    return storeFailed(query.lastError().text());
}

bool run(QSqlQuery &query, const QString &sql, const QVariantList &values)
{
    if (!query.prepare(sql))
        return false;
    for (const QVariant &value : values)
        query.addBindValue(value);
    return query.exec();
}

} // namespace

ReturnsLedger::ReturnsLedger(LocalDatabase &database, SalesLedger &sales)
    : m_db(database)
    , m_sales(sales)
{ }

Core::Result<RecordedReturn> ReturnsLedger::record(
    Core::Return &ret, qint64 locationId, const PayloadBuilder &payload, const AlsoWrite &alsoWrite)
{
    if (ret.lines.isEmpty())
        return Error::make(
            QStringLiteral("return.nothing"), Tr::tr("Choose at least one item to return."));
    RecordedReturn recorded;
    const QString terminal = m_sales.terminalCode();
    const QString previousNumber = ret.receiptNumber;
    const Core::Status status = m_db.durableTransaction([&]() -> Core::Status {
        QSqlDatabase db = m_db.connection();
        QSqlQuery q(db);
        if (!run(q,
                QStringLiteral("INSERT INTO counters(name, value) VALUES('return_receipt', 1) "
                               "ON CONFLICT(name) DO UPDATE SET value = value + 1 RETURNING value"),
                {})
            || !q.next())
            return storeFailed(q);
        const qint64 number = q.value(0).toLongLong();
        q.finish();
        ret.receiptNumber = QStringLiteral("%1-%2-R%3")
                                .arg(ret.storeCode, terminal)
                                .arg(number, 6, 10, QLatin1Char('0'));
        const QByteArray eventJson = payload(ret.receiptNumber);
        if (eventJson.isEmpty())
            return Error::make(QStringLiteral("return.invalid_event"),
                Tr::tr("The return could not be saved. Nothing was recorded; please try again."));
        const QString returnedAt = isoUtc(ret.returnedAt);
        if (!run(q,
                QStringLiteral(
                    "INSERT INTO returns(return_uuid, receipt_number, location_id, staff_id, "
                    "returned_at, origin, origin_number, origin_sale_id, claim_id, goods_cents, "
                    "delivery_cents, total_cents, rounding_cents, customer_code, "
                    "points_taken_back, points_given_back, exchange_sale_id, training, "
                    "return_json, shift_id) "
                    "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                { ret.returnId, ret.receiptNumber, locationId, ret.staffId, returnedAt,
                    Core::name(ret.origin), notNull(ret.originNumber), notNull(ret.originSaleId),
                    notNull(ret.claimId), ret.goods.cents(), ret.delivery.cents(),
                    ret.total.cents(), ret.rounding.cents(),
                    ret.customer ? notNull(ret.customer->code) : QString(QLatin1String("")),
                    ret.pointsTakenBack, ret.pointsGivenBack, notNull(ret.exchangeSaleId),
                    ret.training ? 1 : 0, QString::fromUtf8(eventJson), notNull(ret.shiftId) }))
            return storeFailed(q);
        recorded.returnRowId = q.lastInsertId().toLongLong();

        // This tablet's own sale, when the original is one (a training return leaves its
        // returned quantities and refunded tenders as they are).
        qint64 saleRow = 0;
        if (ret.origin == Core::ReturnOrigin::StoreSale && !ret.originSaleId.isEmpty()
            && !ret.training) {
            if (!run(q, QStringLiteral("SELECT id FROM sales WHERE sale_uuid = ?"),
                    { ret.originSaleId }))
                return storeFailed(q);
            if (q.next())
                saleRow = q.value(0).toLongLong();
            q.finish();
        }

        const qint64 nowSeconds = ret.returnedAt.toSecsSinceEpoch();
        int lineNo = 0;
        for (const Core::ReturnLine &line : ret.lines) {
            if (!run(q,
                    QStringLiteral(
                        "INSERT INTO return_lines(return_id, line_no, line_id, original_line_id, "
                        "product_id, sku, name, category, quantity, refund_cents, "
                        "vat_basis_points, reason, condition) "
                        "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                    { recorded.returnRowId, ++lineNo, line.lineId, notNull(line.originalLineId),
                        line.productId, notNull(line.sku), notNull(line.name),
                        notNull(line.category), line.quantity, line.refund.cents(),
                        line.vatBasisPoints, Core::name(line.reason), Core::name(line.condition) }))
                return storeFailed(q);
            if (saleRow > 0 && !line.originalLineId.isEmpty()) {
                // Counted once, under CHECK(returned_quantity <= quantity): a line already
                // returned does not update.
                if (!run(q,
                        QStringLiteral(
                            "UPDATE sale_lines SET returned_quantity = returned_quantity + ? "
                            "WHERE sale_id = ? AND line_id = ? "
                            "AND returned_quantity + ? <= quantity"),
                        { line.quantity, saleRow, line.originalLineId, line.quantity }))
                    return storeFailed(q);
                // A claim granted by the server is the truth (it counted every store);
                // without one this tablet's count is all there is.
                if (q.numRowsAffected() == 0 && ret.claimId.isEmpty())
                    return Error::make(QStringLiteral("return.quantity"),
                        Tr::tr("%1 was already returned.").arg(line.name),
                        QStringLiteral("sale %1 line %2")
                            .arg(ret.originSaleId, line.originalLineId));
            }
            if (line.condition == Core::ItemCondition::Resellable && !ret.training
                && line.productId > 0) {
                if (!run(q,
                        QStringLiteral(
                            "INSERT INTO stock(product_id, location_id, quantity, as_of) "
                            "VALUES(?, ?, ?, ?) ON CONFLICT(product_id, location_id) DO UPDATE "
                            "SET quantity = quantity + ?, as_of = ?"),
                        { line.productId, locationId, line.quantity, nowSeconds, line.quantity,
                            nowSeconds }))
                    return storeFailed(q);
            }
        }
        int position = 0;
        for (const Core::Refund &refund : ret.refunds) {
            if (!run(q,
                    QStringLiteral(
                        "INSERT INTO return_refunds(return_id, position, method, amount_cents, "
                        "reference, original_reference, claim_id, masked_pan, points) "
                        "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                    { recorded.returnRowId, ++position, Core::name(refund.method),
                        refund.amount.cents(), notNull(refund.reference),
                        notNull(refund.originalReference), notNull(refund.claimId),
                        notNull(refund.maskedPan), refund.points }))
                return storeFailed(q);
            if (saleRow == 0)
                continue;
            // What went back to one of the sale's own tenders: card by its POI transaction,
            // the others by method (and reference when the tender has one).
            QString tenderMethod;
            QString tenderReference;
            switch (refund.method) {
            case Core::RefundMethod::Cash:
                tenderMethod = QStringLiteral("cash");
                break;
            case Core::RefundMethod::Card:
                tenderMethod = QStringLiteral("card");
                tenderReference = refund.originalReference;
                break;
            case Core::RefundMethod::GiftCard:
                tenderMethod = QStringLiteral("gift_card");
                tenderReference = refund.reference;
                break;
            case Core::RefundMethod::StoreCredit:
                tenderMethod = QStringLiteral("store_credit");
                break;
            case Core::RefundMethod::LoyaltyPoints:
                tenderMethod = QStringLiteral("loyalty_points");
                break;
            case Core::RefundMethod::WebPayment:
            case Core::RefundMethod::Exchange:
                continue;
            }
            Money left = refund.amount;
            if (!run(q,
                    QStringLiteral("SELECT payment_no, amount_cents - refunded_cents FROM "
                                   "sale_payments WHERE sale_id = ? AND method = ? "
                                   "AND (? = '' OR reference = ?) ORDER BY payment_no"),
                    { saleRow, tenderMethod, notNull(tenderReference), notNull(tenderReference) }))
                return storeFailed(q);
            QList<QPair<int, qint64>> tenders;
            while (q.next())
                tenders.append({ q.value(0).toInt(), q.value(1).toLongLong() });
            q.finish();
            for (const auto &[paymentNo, refundable] : tenders) {
                const qint64 take = qMin(refundable, left.cents());
                if (take <= 0)
                    continue;
                if (!run(q,
                        QStringLiteral(
                            "UPDATE sale_payments SET refunded_cents = refunded_cents + ? "
                            "WHERE sale_id = ? AND payment_no = ?"),
                        { take, saleRow, paymentNo }))
                    return storeFailed(q);
                left -= Money::fromCents(take);
            }
        }

        Core::Result<QString> eventId
            = Outbox(m_db).append(QStringLiteral("return"), ret.staffId, ret.returnedAt, eventJson);
        if (!eventId)
            return storeFailed(eventId.error().detail);
        recorded.eventId = eventId.value();

        // A training return is journaled as such and takes nothing off the grand total.
        Core::Result<qint64> seq = m_sales.recordJournal(
            ret.training ? QStringLiteral("training_return") : QStringLiteral("return"),
            ret.receiptNumber, QJsonDocument::fromJson(eventJson).object(), ret.returnedAt,
            ret.training ? Money() : Money() - (ret.total + ret.rounding));
        if (!seq)
            return storeFailed(seq.error().detail);
        recorded.journalSeq = seq.value();

        if (alsoWrite) {
            if (const Core::Status also = alsoWrite(); !also)
                return also;
        }
        if (m_beforeCommit)
            m_beforeCommit();
        return Core::success();
    });
    if (!status) {
        ret.receiptNumber = previousNumber;
        return status.error();
    }
    recorded.receiptNumber = ret.receiptNumber;
    return recorded;
}

Core::Result<std::optional<Core::ReturnableOrder>> ReturnsLedger::ownSale(
    const QString &numberOrUuid) const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    // A return's own number: never returnable.
    if (!run(q,
            QStringLiteral("SELECT return_uuid, receipt_number, returned_at, total_cents FROM "
                           "returns WHERE receipt_number = ? OR return_uuid = ?"),
            { numberOrUuid, numberOrUuid }))
        return storeFailed(q);
    if (q.next()) {
        Core::ReturnableOrder order;
        order.isReturn = true;
        order.fromLocalLedger = true;
        order.saleId = q.value(0).toString();
        order.number = q.value(1).toString();
        order.soldAt = fromIso(q.value(2));
        order.total = Money::fromCents(q.value(3).toLongLong());
        return std::optional<Core::ReturnableOrder>(order);
    }
    q.finish();
    if (!run(q,
            QStringLiteral(
                "SELECT s.id, s.sale_uuid, s.receipt_number, s.created_at, s.total_cents, "
                "coalesce(s.customer_id, 0), s.customer_code, s.customer_tier, s.points_earned, "
                "l.code, (SELECT coalesce(sum(r.points_taken_back), 0) FROM returns r "
                "WHERE r.origin_sale_id = s.sale_uuid) "
                "FROM sales s LEFT JOIN locations l ON l.id = s.location_id "
                "WHERE s.receipt_number = ? OR s.sale_uuid = ?"),
            { numberOrUuid, numberOrUuid }))
        return storeFailed(q);
    if (!q.next())
        return std::optional<Core::ReturnableOrder>();
    Core::ReturnableOrder order;
    order.origin = Core::ReturnOrigin::StoreSale;
    order.fromLocalLedger = true;
    const qint64 saleRow = q.value(0).toLongLong();
    order.saleId = q.value(1).toString();
    order.number = q.value(2).toString();
    order.soldAt = fromIso(q.value(3));
    order.total = Money::fromCents(q.value(4).toLongLong());
    if (!q.value(6).toString().isEmpty())
        order.customer = Core::SaleCustomer { q.value(5).toLongLong(), q.value(6).toString(),
            q.value(7).toString() };
    order.pointsEarned = q.value(8).toLongLong();
    order.storeCode = q.value(9).toString();
    order.pointsTakenBack = q.value(10).toLongLong();
    q.finish();

    if (!run(q,
            QStringLiteral("SELECT line_id, product_id, sku, name, category, vat_class, "
                           "vat_basis_points, quantity, returned_quantity, line_total_cents, "
                           "gift_card_number FROM sale_lines WHERE sale_id = ? ORDER BY line_no"),
            { saleRow }))
        return storeFailed(q);
    while (q.next()) {
        Core::ReturnableLine line;
        line.lineId = q.value(0).toString();
        line.productId = q.value(1).toLongLong();
        line.sku = q.value(2).toString();
        line.name = q.value(3).toString();
        line.category = q.value(4).toString();
        line.vatClass
            = Core::vatClassFromName(q.value(5).toString()).value_or(Core::VatClass::Standard);
        line.vatBasisPoints = q.value(6).toInt();
        line.sold = q.value(7).toInt();
        line.returned = q.value(8).toInt();
        line.lineTotal = Money::fromCents(q.value(9).toLongLong());
        line.giftCardNumber = q.value(10).toString();
        order.lines.append(line);
    }
    q.finish();
    // A card's original POI timestamp is on its payment tender (a Reversal names it).
    if (!run(q,
            QStringLiteral(
                "SELECT p.method, p.amount_cents, p.refunded_cents, p.reference, "
                "coalesce((SELECT t.poi_timestamp FROM payment_tenders t WHERE p.claim_id <> '' "
                "AND t.claim_id = p.claim_id), s.created_at), p.points, "
                "(SELECT coalesce(sum(rr.points), 0) FROM return_refunds rr JOIN returns r ON "
                "r.id = rr.return_id WHERE r.origin_sale_id = s.sale_uuid AND rr.method = "
                "'loyalty_points') "
                "FROM sale_payments p JOIN sales s ON s.id = p.sale_id WHERE p.sale_id = ? "
                "ORDER BY p.payment_no"),
            { saleRow }))
        return storeFailed(q);
    while (q.next()) {
        Core::OriginalTender tender;
        tender.method = q.value(0).toString();
        tender.amount = Money::fromCents(q.value(1).toLongLong());
        tender.refunded = Money::fromCents(q.value(2).toLongLong());
        tender.reference = q.value(3).toString();
        tender.at = fromIso(q.value(4));
        tender.points = q.value(5).toLongLong();
        tender.pointsGivenBack
            = tender.method == QLatin1String("loyalty_points") ? q.value(6).toLongLong() : 0;
        order.tenders.append(tender);
    }
    return std::optional<Core::ReturnableOrder>(order);
}

Core::Result<std::optional<QJsonObject>> ReturnsLedger::returnJson(
    const QString &numberOrUuid) const
{
    QSqlQuery q(m_db.connection());
    if (!run(q,
            QStringLiteral(
                "SELECT return_json FROM returns WHERE receipt_number = ? OR return_uuid = ?"),
            { numberOrUuid, numberOrUuid }))
        return storeFailed(q);
    if (!q.next())
        return std::optional<QJsonObject>();
    return std::optional<QJsonObject>(
        QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object());
}

// --- the return in progress ------------------------------------------------------------------

namespace {

Core::Status writeParts(QSqlQuery &q, qint64 sessionId, const QList<RefundPartRecord> &parts)
{
    if (!run(q, QStringLiteral("DELETE FROM refund_parts WHERE session_id = ?"), { sessionId }))
        return storeFailed(q);
    const QString now = isoUtc(QDateTime::currentDateTimeUtc());
    for (const RefundPartRecord &part : parts) {
        if (!run(q,
                QStringLiteral(
                    "INSERT INTO refund_parts(session_id, position, method, amount_cents, state, "
                    "service_id, reference, original_reference, original_at, masked_pan, points, "
                    "detail, updated_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                { sessionId, part.position, part.method, part.amount.cents(), part.state,
                    notNull(part.serviceId), notNull(part.reference),
                    notNull(part.originalReference), isoOrNull(part.originalAt),
                    notNull(part.maskedPan), part.points, notNull(part.detail), now }))
            return storeFailed(q);
    }
    return Core::success();
}

} // namespace

Core::Result<qint64> ReturnsLedger::openSession(const RefundSessionRecord &session)
{
    qint64 id = 0;
    const Core::Status status = m_db.durableTransaction([&]() -> Core::Status {
        QSqlQuery q(m_db.connection());
        if (!run(q, QStringLiteral("SELECT count(*) FROM refund_sessions WHERE state = 'open'"), {})
            || !q.next())
            return storeFailed(q);
        if (q.value(0).toInt() > 0)
            return Error::make(QStringLiteral("return.busy"),
                Tr::tr("Another return is still running on this tablet. Finish it first."));
        q.finish();
        const QString now = isoUtc(session.startedAt);
        if (!run(q,
                QStringLiteral("INSERT INTO refund_sessions(return_uuid, claim_id, claim_state, "
                               "exchange, draft_json, staff_id, started_at, updated_at, state) "
                               "VALUES(?, ?, ?, ?, ?, ?, ?, ?, 'open')"),
                { session.returnId, notNull(session.claimId), session.claimState,
                    session.exchange ? 1 : 0, QString::fromUtf8(session.draftJson), session.staffId,
                    now, now }))
            return storeFailed(q);
        id = q.lastInsertId().toLongLong();
        return writeParts(q, id, session.parts);
    });
    if (!status)
        return status.error();
    return id;
}

Core::Result<std::optional<RefundSessionRecord>> ReturnsLedger::openedSession() const
{
    QSqlQuery q(m_db.connection());
    if (!run(q,
            QStringLiteral("SELECT id, return_uuid, claim_id, claim_state, exchange, draft_json, "
                           "staff_id, started_at, state FROM refund_sessions "
                           "WHERE state = 'open'"),
            {}))
        return storeFailed(q);
    if (!q.next())
        return std::optional<RefundSessionRecord>();
    RefundSessionRecord session;
    session.id = q.value(0).toLongLong();
    session.returnId = q.value(1).toString();
    session.claimId = q.value(2).toString();
    session.claimState = q.value(3).toString();
    session.exchange = q.value(4).toInt() != 0;
    session.draftJson = q.value(5).toString().toUtf8();
    session.staffId = q.value(6).toLongLong();
    session.startedAt = fromIso(q.value(7));
    session.state = q.value(8).toString();
    q.finish();
    if (!run(q,
            QStringLiteral("SELECT position, method, amount_cents, state, service_id, reference, "
                           "original_reference, original_at, masked_pan, points, detail "
                           "FROM refund_parts WHERE session_id = ? ORDER BY position"),
            { session.id }))
        return storeFailed(q);
    while (q.next()) {
        RefundPartRecord part;
        part.position = q.value(0).toInt();
        part.method = q.value(1).toString();
        part.amount = Money::fromCents(q.value(2).toLongLong());
        part.state = q.value(3).toString();
        part.serviceId = q.value(4).toString();
        part.reference = q.value(5).toString();
        part.originalReference = q.value(6).toString();
        part.originalAt = fromIso(q.value(7));
        part.maskedPan = q.value(8).toString();
        part.points = q.value(9).toLongLong();
        part.detail = q.value(10).toString();
        session.parts.append(part);
    }
    return std::optional<RefundSessionRecord>(session);
}

Core::Status ReturnsLedger::saveSession(const RefundSessionRecord &session)
{
    return m_db.durableTransaction([&]() -> Core::Status {
        QSqlQuery q(m_db.connection());
        if (!run(q,
                QStringLiteral("UPDATE refund_sessions SET claim_id = ?, claim_state = ?, "
                               "exchange = ?, draft_json = ?, updated_at = ? WHERE id = ?"),
                { notNull(session.claimId), session.claimState, session.exchange ? 1 : 0,
                    QString::fromUtf8(session.draftJson), isoUtc(QDateTime::currentDateTimeUtc()),
                    session.id }))
            return storeFailed(q);
        return writeParts(q, session.id, session.parts);
    });
}

Core::Status ReturnsLedger::finishSession(qint64 id, const QString &state, const QDateTime &at)
{
    return m_db.durableTransaction([&]() -> Core::Status {
        QSqlQuery q(m_db.connection());
        if (!run(q,
                QStringLiteral("UPDATE refund_sessions SET state = ?, updated_at = ? WHERE id = ?"),
                { state, isoUtc(at), id }))
            return storeFailed(q);
        return Core::success();
    });
}

} // namespace Toonbank::Store
