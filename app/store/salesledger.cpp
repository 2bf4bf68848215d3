#include "salesledger.h"

#include "customercache.h"
#include "localdatabase.h"
#include "storeerrors.h"

#include "app/core/journal.h"
#include "app/core/tr.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace Toonbank::Store {

using Core::Error;
using Core::Tr;

namespace {

QString isoUtc(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}

Error storeFailed(const QSqlQuery &query)
{
    return Error::make(QStringLiteral("sale.store_failed"),
        Tr::tr("The sale could not be saved. Nothing was recorded; please try again."),
        query.lastError().text());
}

// A null QString binds as SQL NULL; NOT NULL text columns get '' instead.
QString notNull(const QString &text)
{
    return text.isNull() ? QString(QLatin1String("")) : text;
}

// Runs a prepared statement with its values bound in order.
bool exec(QSqlQuery &query, const QString &sql, const QVariantList &values)
{
    if (!query.prepare(sql))
        return false;
    for (const QVariant &value : values)
        query.addBindValue(value);
    return query.exec();
}

// Chains one entry onto the last one and carries the perpetual grand total forward. Runs
// inside the caller's transaction.
Core::Result<qint64> appendJournal(QSqlDatabase db, const QString &kind, const QString &reference,
    qint64 amountCents, const QJsonObject &event, const QString &at)
{
    QSqlQuery q(db);
    QString previousHash = Core::journalGenesisHash();
    qint64 grandTotal = 0;
    qint64 seq = 1;
    if (!exec(q,
            QStringLiteral(
                "SELECT seq, hash, grand_total_cents FROM journal ORDER BY seq DESC LIMIT 1"),
            {}))
        return storeFailed(q);
    if (q.next()) {
        seq = q.value(0).toLongLong() + 1;
        previousHash = q.value(1).toString();
        grandTotal = q.value(2).toLongLong();
    }
    grandTotal += amountCents;
    const QByteArray body
        = Core::journalBody(seq, at, kind, reference, amountCents, grandTotal, event);
    if (!exec(q,
            QStringLiteral("INSERT INTO journal(seq, recorded_at, kind, reference, amount_cents, "
                           "grand_total_cents, body, prev_hash, hash) "
                           "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            { seq, at, kind, reference, amountCents, grandTotal, QString::fromUtf8(body),
                previousHash, SalesLedger::chainHash(previousHash, body) }))
        return storeFailed(q);
    return seq;
}

} // namespace

Core::Result<qint64> SalesLedger::recordJournal(const QString &kind, const QString &reference,
    const QJsonObject &event, const QDateTime &at, Core::Money amount)
{
    Core::Result<qint64> seq = qint64(0);
    const Core::Status status = m_db.transaction([&]() -> Core::Status {
        seq = appendJournal(m_db.connection(), kind, reference, amount.cents(), event, isoUtc(at));
        if (!seq)
            return seq.error();
        return Core::success();
    });
    if (!status)
        return status.error();
    return seq;
}

SalesLedger::SalesLedger(LocalDatabase &database)
    : m_db(database)
{ }

QString SalesLedger::chainHash(const QString &previousHash, const QByteArray &body)
{
    return Core::journalHash(previousHash, body);
}

QString SalesLedger::terminalCode() const
{
    return m_db.setting(QStringLiteral("terminal_code"), QStringLiteral("T1"));
}

Core::Result<RecordedSale> SalesLedger::record(const LedgerSale &sale,
    const PayloadBuilder &payload, const AlsoWrite &alsoWrite, const AlsoWrite &beforeWrite)
{
    if (sale.lines.isEmpty())
        return Error::make(QStringLiteral("sale.empty"), Tr::tr("The basket is empty."));

    QSqlDatabase db = m_db.connection();
    // The sale must be on disk before the screen says "done": a flat battery right after must
    // not lose it. FULL syncs the WAL at every commit; bulk catalog writes keep their setting.
    QSqlQuery pragma(db);
    pragma.exec(QStringLiteral("PRAGMA synchronous"));
    const QVariant previousSync = pragma.next() ? pragma.value(0) : QVariant(1);
    pragma.exec(QStringLiteral("PRAGMA synchronous=FULL"));

    RecordedSale recorded;
    const QString terminal = terminalCode();
    const Core::Status status = m_db.transaction([&]() -> Core::Status {
        if (beforeWrite) {
            if (const Core::Status before = beforeWrite(); !before)
                return before;
        }
        QSqlQuery q(db);
        // Receipt number from the per-device counter, bumped in this same transaction.
        if (!exec(q,
                QStringLiteral("INSERT INTO counters(name, value) VALUES('receipt', 1) "
                               "ON CONFLICT(name) DO UPDATE SET value = value + 1 RETURNING value"),
                {})
            || !q.next())
            return storeFailed(q);
        const qint64 number = q.value(0).toLongLong();
        recorded.receiptNumber = QStringLiteral("%1-%2-%3")
                                     .arg(sale.locationCode, terminal)
                                     .arg(number, 6, 10, QLatin1Char('0'));

        const QString soldAt = isoUtc(sale.soldAt);
        if (!exec(q,
                QStringLiteral(
                    "INSERT INTO sales(sale_uuid, receipt_number, location_id, staff_id, "
                    "customer_id, created_at, total_cents, rounding_cents, training, "
                    "customer_code, customer_tier, coupon_codes, points_earned, "
                    "points_redeemed, catalog_version, shift_id) "
                    "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                { sale.saleUuid, recorded.receiptNumber, sale.locationId, sale.staffId,
                    sale.customerId > 0 ? QVariant(sale.customerId) : QVariant(), soldAt,
                    sale.total.cents(), sale.rounding.cents(), sale.training ? 1 : 0,
                    notNull(sale.customerCode), notNull(sale.customerTier),
                    QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(sale.couponCodes))
                                          .toJson(QJsonDocument::Compact)),
                    sale.pointsEarned, sale.pointsRedeemed, sale.catalogVersion,
                    notNull(sale.shiftId) }))
            return storeFailed(q);
        recorded.saleRowId = q.lastInsertId().toLongLong();

        const qint64 nowSeconds = sale.soldAt.toSecsSinceEpoch();
        int lineNo = 0;
        for (const LedgerLine &line : sale.lines) {
            if (!exec(q,
                    QStringLiteral(
                        "INSERT INTO sale_lines(sale_id, line_no, product_id, sku, name, "
                        "quantity, unit_price_cents, line_discount_cents, line_total_cents, "
                        "vat_class, vat_basis_points, line_id, category, brand, "
                        "regular_price_cents, gift_card_number) "
                        "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                    { recorded.saleRowId, ++lineNo, line.productId, line.sku, notNull(line.name),
                        line.quantity, line.unitPrice.cents(), line.lineDiscount.cents(),
                        line.lineTotal.cents(), line.vatClass, line.vatBasisPoints,
                        notNull(line.lineId), notNull(line.category), notNull(line.brand),
                        line.regularPrice.cents(), notNull(line.giftCardNumber) }))
                return storeFailed(q);
            int position = 0;
            for (const LedgerAdjustment &adjustment : line.adjustments) {
                if (!exec(q,
                        QStringLiteral("INSERT INTO sale_adjustments(sale_id, line_no, position, "
                                       "kind, source_id, label, amount_cents, approved_by) "
                                       "VALUES(?, ?, ?, ?, ?, ?, ?, ?)"),
                        { recorded.saleRowId, lineNo, ++position, adjustment.kind,
                            notNull(adjustment.sourceId), notNull(adjustment.label),
                            adjustment.amount.cents(), adjustment.approvedBy }))
                    return storeFailed(q);
            }
            // Stock here goes down with the sale; a product with no known figure gets a
            // negative one, which the next stock pull corrects. A gift card is no stock, and a
            // training sale moves none, nor does a line ordered for delivery or pickup
            // elsewhere (the server moves the holding location's stock; docs/STOCK.md §5).
            if (!line.giftCardNumber.isEmpty() || sale.training || !line.movesStock)
                continue;
            if (!exec(q,
                    QStringLiteral(
                        "INSERT INTO stock(product_id, location_id, quantity, as_of) "
                        "VALUES(?, ?, ?, ?) ON CONFLICT(product_id, location_id) DO UPDATE "
                        "SET quantity = quantity - ?, as_of = ?"),
                    { line.productId, sale.locationId, -line.quantity, nowSeconds, line.quantity,
                        nowSeconds }))
                return storeFailed(q);
        }
        for (const LedgerVat &vat : sale.vat) {
            if (!exec(q,
                    QStringLiteral("INSERT INTO sale_vat(sale_id, vat_basis_points, gross_cents, "
                                   "vat_cents, net_cents) VALUES(?, ?, ?, ?, ?)"),
                    { recorded.saleRowId, vat.basisPoints, vat.gross.cents(), vat.vat.cents(),
                        vat.net.cents() }))
                return storeFailed(q);
        }
        int paymentNo = 0;
        for (const LedgerPayment &payment : sale.payments) {
            if (!exec(q,
                    QStringLiteral(
                        "INSERT INTO sale_payments(sale_id, payment_no, method, amount_cents, "
                        "tendered_cents, change_cents, reference, claim_id, masked_pan, "
                        "card_brand, auth_code, points, balance_left_cents) "
                        "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                    { recorded.saleRowId, ++paymentNo, payment.method, payment.amount.cents(),
                        payment.tendered.cents(), payment.change.cents(),
                        notNull(payment.reference), notNull(payment.claimId),
                        notNull(payment.maskedPan), notNull(payment.cardBrand),
                        notNull(payment.authCode), payment.points,
                        payment.balanceLeft ? QVariant(payment.balanceLeft->cents())
                                            : QVariant() }))
                return storeFailed(q);
        }

        int authorisationNo = 0;
        for (const LedgerAuthorisation &a : sale.authorisations) {
            if (!exec(q,
                    QStringLiteral("INSERT INTO sale_authorisations(sale_id, position, "
                                   "permission, requested_by, approved_by, line_id, "
                                   "amount_cents, reason, approved_at) "
                                   "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                    { recorded.saleRowId, ++authorisationNo, a.permission, a.requestedBy,
                        a.approvedBy, notNull(a.lineId), a.amount.cents(), notNull(a.reason),
                        isoUtc(a.approvedAt) }))
                return storeFailed(q);
        }
        // Points shown as server balance + pending until the server confirms this sale.
        const qint64 pointsDelta = sale.pointsEarned - sale.pointsRedeemed;
        if (!sale.customerCode.isEmpty() && pointsDelta != 0 && !sale.training) {
            if (auto pending = CustomerCache(m_db).addPendingPoints(
                    sale.customerCode, sale.saleUuid, pointsDelta, sale.soldAt);
                !pending)
                return pending;
        }

        const QByteArray eventJson = payload(recorded.receiptNumber);
        if (eventJson.isEmpty())
            return Error::make(QStringLiteral("sale.invalid_event"),
                Tr::tr("The sale could not be saved. Nothing was recorded; please try again."));
        recorded.eventId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        if (!exec(q,
                QStringLiteral("INSERT INTO outbox(event_id, type, staff_id, occurred_at, payload) "
                               "VALUES(?, 'sale', ?, ?, ?)"),
                { recorded.eventId, sale.staffId, soldAt, QString::fromUtf8(eventJson) }))
            return storeFailed(q);

        // A training sale is journaled as such and adds nothing to the grand total.
        const qint64 paid = sale.training ? 0 : (sale.total + sale.rounding).cents();
        Core::Result<qint64> seq = appendJournal(db,
            sale.training ? QStringLiteral("training_sale") : QStringLiteral("sale"),
            recorded.receiptNumber, paid, QJsonDocument::fromJson(eventJson).object(), soldAt);
        if (!seq)
            return seq.error();
        recorded.journalSeq = seq.value();

        if (alsoWrite) {
            if (const Core::Status also = alsoWrite(); !also)
                return also;
        }
        if (m_beforeCommit)
            m_beforeCommit();
        return Core::success();
    });
    pragma.exec(QStringLiteral("PRAGMA synchronous=%1").arg(previousSync.toInt()));
    if (!status)
        return status.error();
    return recorded;
}

Core::Result<QList<LedgerSaleSummary>> SalesLedger::salesForCustomer(
    const QString &cardNumber, int limit) const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!exec(q,
            QStringLiteral(
                "SELECT s.sale_uuid, s.receipt_number, s.created_at, "
                "s.total_cents + s.rounding_cents, (SELECT coalesce(sum(quantity), 0) FROM "
                "sale_lines l WHERE l.sale_id = s.id), s.points_earned, s.points_redeemed "
                "FROM sales s WHERE s.customer_code = ? AND s.training = 0 "
                "ORDER BY s.id DESC LIMIT ?"),
            { cardNumber, limit }))
        return storeFailed(q);
    QList<LedgerSaleSummary> sales;
    while (q.next()) {
        sales.append({ q.value(0).toString(), q.value(1).toString(),
            QDateTime::fromString(q.value(2).toString(), Qt::ISODateWithMs).toUTC(),
            Core::Money::fromCents(q.value(3).toLongLong()), q.value(4).toInt(),
            q.value(5).toLongLong(), q.value(6).toLongLong() });
    }
    return sales;
}

int SalesLedger::waitingEventCount() const
{
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM outbox")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

Core::Status SalesLedger::verifyJournal() const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
            "SELECT seq, recorded_at, kind, reference, amount_cents, grand_total_cents, "
            "body, prev_hash, hash FROM journal ORDER BY seq")))
        return storeFailed(q);
    std::optional<Core::JournalEntry> previous;
    while (q.next()) {
        Core::JournalEntry entry;
        entry.seq = q.value(0).toLongLong();
        entry.recordedAt = q.value(1).toString();
        entry.kind = q.value(2).toString();
        entry.reference = q.value(3).toString();
        entry.amountCents = q.value(4).toLongLong();
        entry.grandTotalCents = q.value(5).toLongLong();
        entry.body = q.value(6).toString().toUtf8();
        entry.prevHash = q.value(7).toString();
        entry.hash = q.value(8).toString();
        const Core::Status intact = Core::checkJournalEntry(previous ? &*previous : nullptr, entry);
        if (!intact)
            return Error::make(QStringLiteral("journal.broken"),
                Tr::tr("The journal has been altered at entry %1.").arg(entry.seq),
                intact.error().code + QStringLiteral(": ") + intact.error().detail);
        previous = std::move(entry);
    }
    return Core::success();
}

} // namespace Toonbank::Store
