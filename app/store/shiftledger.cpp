#include "shiftledger.h"

#include "localdatabase.h"
#include "outbox.h"
#include "salesledger.h"
#include "sqlitestatement.h"

#include "app/core/sale.h"
#include "app/core/tr.h"
#include "app/core/vat.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
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

QDateTime fromIso(const QString &text)
{
    if (text.isEmpty())
        return {};
    return QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}

Error storeFailed(const QString &detail)
{
    return Error::make(QStringLiteral("shift.store_failed"),
        Tr::tr("The shift could not be saved. Nothing was recorded; please try again."), detail);
}

Error storeFailed(const QSqlQuery &query)
{
    return storeFailed(query.lastError().text());
}

Error notOpen(const QString &shiftId)
{
    return Error::make(QStringLiteral("shift.not_open"),
        Tr::tr("This shift is not open any more. Open a new shift on the Shift screen."),
        QStringLiteral("shift %1").arg(shiftId));
}

bool run(QSqlQuery &query, const QString &sql, const QVariantList &values)
{
    if (!query.prepare(sql))
        return false;
    for (const QVariant &value : values)
        query.addBindValue(value);
    return query.exec();
}

const QString shiftColumns = QStringLiteral(
    "shift_id, drawer_id, store_code, opened_by, opened_at, opening_count, state, closed_by, "
    "closed_at, closing_count, counted_cents, expected_cents, z_number");

StoredShift shiftFrom(const QSqlQuery &q)
{
    StoredShift stored;
    Core::Shift &s = stored.shift;
    s.shiftId = q.value(0).toString();
    s.drawerId = q.value(1).toString();
    s.storeCode = q.value(2).toString();
    s.openedBy = q.value(3).toLongLong();
    s.openedAt = fromIso(q.value(4).toString());
    s.openingCount = ShiftLedger::countFromJson(q.value(5).toString().toUtf8());
    s.state = Core::shiftStateFromName(q.value(6).toString()).value_or(Core::ShiftState::Open);
    s.closedBy = q.value(7).toLongLong();
    s.closedAt = fromIso(q.value(8).toString());
    s.closingCount = ShiftLedger::countFromJson(q.value(9).toString().toUtf8());
    stored.counted = Money::fromCents(q.value(10).toLongLong());
    stored.expected = Money::fromCents(q.value(11).toLongLong());
    s.zNumber = q.value(12).toInt();
    return stored;
}

Core::Result<std::optional<StoredShift>> oneShift(
    LocalDatabase &db, const QString &where, const QVariantList &values)
{
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    if (!run(q,
            QStringLiteral("SELECT ") + shiftColumns + QStringLiteral(" FROM shifts WHERE ")
                + where,
            values))
        return storeFailed(q);
    if (!q.next())
        return std::optional<StoredShift>();
    return std::optional<StoredShift>(shiftFrom(q));
}

// A refund method as the tender the shift report counts it under. A web order's refund goes
// back through its payment provider: never the drawer, reported with the cards.
std::optional<Core::TenderMethod> refundTender(const QString &method)
{
    if (method == QLatin1String("exchange"))
        return Core::TenderMethod::ReturnCredit;
    if (method == QLatin1String("web_payment"))
        return Core::TenderMethod::Card;
    return Core::tenderMethodFromName(method);
}

// Runs a read-only statement on the raw handle (the shift's documents: thousands of rows, so
// the C API rather than QSqlQuery's conversions per value).
template <typename OnRow>
Core::Status readRows(LocalDatabase &db, const char *sql, const QString &shiftId, OnRow &&onRow)
{
    Internal::Statement statement;
    if (statement.prepare(db.rawHandle(), sql) != SQLITE_OK)
        return storeFailed(statement.errorMessage());
    statement.bind(1, shiftId);
    if (!statement.forEachRow([&] { onRow(statement); }))
        return storeFailed(statement.errorMessage());
    return Core::success();
}

} // namespace

ShiftLedger::ShiftLedger(LocalDatabase &database)
    : m_db(database)
    , m_sales(std::make_unique<SalesLedger>(database))
{ }

ShiftLedger::~ShiftLedger() = default;

QByteArray ShiftLedger::countToJson(const Core::CashCount &count)
{
    QJsonObject json;
    for (auto it = count.pieces.constBegin(); it != count.pieces.constEnd(); ++it) {
        if (it.value() != 0)
            json.insert(QString::number(it.key()), it.value());
    }
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

Core::CashCount ShiftLedger::countFromJson(const QByteArray &json)
{
    Core::CashCount count;
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const qint64 pieces = it.value().toInteger();
        if (pieces != 0)
            count.pieces.insert(it.key().toLongLong(), pieces);
    }
    return count;
}

// --- writes ----------------------------------------------------------------------------------

Core::Result<RecordedShiftEvent> ShiftLedger::open(
    const Core::Shift &shift, const QByteArray &payload)
{
    RecordedShiftEvent recorded;
    const Core::Status status = m_db.durableTransaction([&]() -> Core::Status {
        QSqlQuery q(m_db.connection());
        if (!run(q,
                QStringLiteral(
                    "SELECT shift_id FROM shifts WHERE drawer_id = ? AND state = 'open'"),
                { shift.drawerId }))
            return storeFailed(q);
        if (q.next())
            return Error::make(QStringLiteral("shift.already_open"),
                Tr::tr("Drawer %1 already has an open shift. Close it before opening a new one.")
                    .arg(shift.drawerId),
                QStringLiteral("open shift %1").arg(q.value(0).toString()));
        q.finish();
        const QString openedAt = isoUtc(shift.openedAt);
        if (!run(q,
                QStringLiteral(
                    "INSERT INTO shifts(shift_id, drawer_id, store_code, opened_by, opened_at, "
                    "opening_count, opening_float_cents, state) VALUES(?, ?, ?, ?, ?, ?, ?, "
                    "'open')"),
                { shift.shiftId, shift.drawerId, shift.storeCode, shift.openedBy, openedAt,
                    QString::fromUtf8(countToJson(shift.openingCount)),
                    shift.openingCount.total().cents() }))
            return storeFailed(q);
        Core::Result<QString> eventId = Outbox(m_db).append(
            QStringLiteral("shift_opened"), shift.openedBy, shift.openedAt, payload);
        if (!eventId)
            return storeFailed(eventId.error().detail);
        recorded.eventId = eventId.value();
        Core::Result<qint64> seq = m_sales->recordJournal(QStringLiteral("shift_opened"),
            shift.shiftId, QJsonDocument::fromJson(payload).object(), shift.openedAt);
        if (!seq)
            return storeFailed(seq.error().detail);
        recorded.journalSeq = seq.value();
        if (m_beforeCommit)
            m_beforeCommit();
        return Core::success();
    });
    if (!status)
        return status.error();
    return recorded;
}

Core::Result<RecordedShiftEvent> ShiftLedger::addMovement(
    const QString &shiftId, const Core::CashMovement &move, const QByteArray &payload)
{
    RecordedShiftEvent recorded;
    const Core::Status status = m_db.durableTransaction([&]() -> Core::Status {
        QSqlQuery q(m_db.connection());
        if (!run(q, QStringLiteral("SELECT state FROM shifts WHERE shift_id = ?"), { shiftId }))
            return storeFailed(q);
        if (!q.next() || q.value(0).toString() != QLatin1String("open"))
            return notOpen(shiftId);
        q.finish();
        if (!run(q,
                QStringLiteral("INSERT INTO cash_movements(movement_id, shift_id, kind, "
                               "amount_cents, reason, staff_id, at, approved_by) "
                               "VALUES(?, ?, ?, ?, ?, ?, ?, ?)"),
                { move.movementId, shiftId, Core::name(move.kind), move.amount.cents(), move.reason,
                    move.staffId, isoUtc(move.at),
                    move.approval ? move.approval->approvedBy : qint64(0) }))
            return storeFailed(q);
        Core::Result<QString> eventId
            = Outbox(m_db).append(QStringLiteral("cash_movement"), move.staffId, move.at, payload);
        if (!eventId)
            return storeFailed(eventId.error().detail);
        recorded.eventId = eventId.value();
        Core::Result<qint64> seq = m_sales->recordJournal(QStringLiteral("cash_movement"), shiftId,
            QJsonDocument::fromJson(payload).object(), move.at);
        if (!seq)
            return storeFailed(seq.error().detail);
        recorded.journalSeq = seq.value();
        if (m_beforeCommit)
            m_beforeCommit();
        return Core::success();
    });
    if (!status)
        return status.error();
    return recorded;
}

Core::Result<Core::Shift> ShiftLedger::close(const QString &shiftId, qint64 closedBy,
    const QDateTime &closedAt, const Core::CashCount &counted, const CloseBuilder &build)
{
    Core::Shift closed;
    const Core::Status status = m_db.durableTransaction([&]() -> Core::Status {
        Core::Result<std::optional<StoredShift>> stored = shift(shiftId);
        if (!stored)
            return stored.error();
        if (!stored.value() || stored.value()->shift.state != Core::ShiftState::Open)
            return notOpen(shiftId);
        closed = stored.value()->shift;
        // The drawer's next number, drawn in this transaction: 1, 2, 3, … without gaps.
        QSqlQuery q(m_db.connection());
        if (!run(q,
                QStringLiteral(
                    "SELECT coalesce(max(z_number), 0) + 1 FROM shifts WHERE drawer_id = ?"),
                { closed.drawerId })
            || !q.next())
            return storeFailed(q);
        closed.zNumber = q.value(0).toInt();
        q.finish();
        closed.state = Core::ShiftState::Closed;
        closed.closedBy = closedBy;
        closed.closedAt = closedAt;
        closed.closingCount = counted;

        Core::Result<ShiftClosePayload> built = build(closed);
        if (!built)
            return built.error();
        const QByteArray &payload = built->payload;
        if (!run(q,
                QStringLiteral(
                    "UPDATE shifts SET state = 'closed', closed_by = ?, closed_at = ?, "
                    "closing_count = ?, counted_cents = ?, expected_cents = ?, "
                    "z_number = ?, report_json = ? WHERE shift_id = ? AND state = 'open'"),
                { closedBy, isoUtc(closedAt), QString::fromUtf8(countToJson(counted)),
                    counted.total().cents(), built->expected.cents(), closed.zNumber,
                    QString::fromUtf8(payload), shiftId }))
            return storeFailed(q);
        if (q.numRowsAffected() != 1)
            return notOpen(shiftId);
        Core::Result<QString> eventId
            = Outbox(m_db).append(QStringLiteral("shift_closed"), closedBy, closedAt, payload);
        if (!eventId)
            return storeFailed(eventId.error().detail);
        Core::Result<qint64> seq = m_sales->recordJournal(QStringLiteral("shift_closed"), shiftId,
            QJsonDocument::fromJson(payload).object(), closedAt);
        if (!seq)
            return storeFailed(seq.error().detail);
        if (m_beforeCommit)
            m_beforeCommit();
        return Core::success();
    });
    if (!status)
        return status.error();
    return closed;
}

// --- reading ---------------------------------------------------------------------------------

Core::Result<std::optional<StoredShift>> ShiftLedger::openShift(const QString &drawerId) const
{
    return oneShift(m_db, QStringLiteral("drawer_id = ? AND state = 'open'"), { drawerId });
}

Core::Result<std::optional<StoredShift>> ShiftLedger::shift(const QString &shiftId) const
{
    return oneShift(m_db, QStringLiteral("shift_id = ?"), { shiftId });
}

Core::Result<std::optional<StoredShift>> ShiftLedger::shiftByZNumber(
    const QString &drawerId, int zNumber) const
{
    if (zNumber <= 0)
        return std::optional<StoredShift>();
    return oneShift(m_db, QStringLiteral("drawer_id = ? AND z_number = ?"), { drawerId, zNumber });
}

Core::Result<QList<StoredShift>> ShiftLedger::closedShifts(const QString &drawerId, int limit) const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!run(q,
            QStringLiteral("SELECT ") + shiftColumns
                + QStringLiteral(" FROM shifts WHERE drawer_id = ? AND z_number > 0 "
                                 "ORDER BY z_number DESC LIMIT ?"),
            { drawerId, limit }))
        return storeFailed(q);
    QList<StoredShift> shifts;
    while (q.next())
        shifts.append(shiftFrom(q));
    return shifts;
}

Core::Result<QList<Core::CashMovement>> ShiftLedger::movements(const QString &shiftId) const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!run(q,
            QStringLiteral("SELECT movement_id, kind, amount_cents, reason, staff_id, at, "
                           "approved_by FROM cash_movements WHERE shift_id = ? ORDER BY at, rowid"),
            { shiftId }))
        return storeFailed(q);
    QList<Core::CashMovement> moves;
    while (q.next()) {
        Core::CashMovement move;
        move.movementId = q.value(0).toString();
        move.kind = Core::cashMovementKindFromName(q.value(1).toString())
                        .value_or(Core::CashMovementKind::NoSale);
        move.amount = Money::fromCents(q.value(2).toLongLong());
        move.reason = q.value(3).toString();
        move.staffId = q.value(4).toLongLong();
        move.at = fromIso(q.value(5).toString());
        if (const qint64 approvedBy = q.value(6).toLongLong(); approvedBy > 0) {
            Core::Authorisation approval;
            approval.permission = Core::Permission::OpenDrawerNoSale;
            approval.requestedBy = move.staffId;
            approval.approvedBy = approvedBy;
            approval.reason = move.reason;
            approval.approvedAt = move.at;
            move.approval = approval;
        }
        moves.append(move);
    }
    return moves;
}

Core::Result<QList<Core::ShiftDocument>> ShiftLedger::documents(const StoredShift &stored) const
{
    const QString &shiftId = stored.shift.shiftId;
    QList<Core::ShiftDocument> docs;
    QHash<qint64, qsizetype> returnIndex; // returns.id → docs index

    // Sales: ONE aggregate query over the shift's index (a drawer sells thousands a day). Kind
    // 0: count, totals and rounding per training flag; 1: items sold; 2: VAT per rate; 3: the
    // tenders per method — of the real (non-training) sales. Summing each sale's own VAT rows
    // and tenders gives exactly what adding them up one sale at a time gives.
    int saleCount = 0;
    int trainingSales = 0;
    Core::ShiftDocument sold; // every real sale's money, gathered
    sold.sign = 1;
    Core::Status read = readRows(m_db,
        "SELECT 0, training, count(*), coalesce(sum(total_cents), 0), "
        "coalesce(sum(rounding_cents), 0), '' FROM sales WHERE shift_id = ?1 GROUP BY training "
        "UNION ALL "
        "SELECT 1, 0, coalesce(sum(l.quantity), 0), 0, 0, '' FROM sales s "
        "JOIN sale_lines l ON l.sale_id = s.id WHERE s.shift_id = ?1 AND s.training = 0 "
        "UNION ALL "
        "SELECT 2, v.vat_basis_points, sum(v.gross_cents), sum(v.vat_cents), sum(v.net_cents), '' "
        "FROM sales s JOIN sale_vat v ON v.sale_id = s.id WHERE s.shift_id = ?1 "
        "AND s.training = 0 GROUP BY v.vat_basis_points "
        "UNION ALL "
        "SELECT 3, 0, sum(p.amount_cents), 0, 0, p.method FROM sales s "
        "JOIN sale_payments p ON p.sale_id = s.id WHERE s.shift_id = ?1 AND s.training = 0 "
        "GROUP BY p.method",
        shiftId, [&](const Internal::Statement &row) {
            switch (row.integer(0)) {
            case 0:
                if (row.integer(1) != 0) {
                    trainingSales = row.integer(2);
                } else {
                    saleCount = row.integer(2);
                    sold.total = Money::fromCents(row.int64(3));
                    sold.rounding = Money::fromCents(row.int64(4));
                }
                break;
            case 1:
                sold.items = row.integer(2);
                break;
            case 2:
                sold.vat.append(
                    { Core::VatRate { row.integer(1), {} }, Money::fromCents(row.int64(2)),
                        Money::fromCents(row.int64(3)), Money::fromCents(row.int64(4)) });
                break;
            case 3:
                if (const auto method = Core::tenderMethodFromName(row.text(5)); method) {
                    Core::Tender tender;
                    tender.method = *method;
                    tender.amount = Money::fromCents(row.int64(2));
                    sold.tenders.append(tender);
                }
                break;
            }
        });
    if (!read)
        return read.error();
    // One document per sale, so the counts stay counts: the first carries the money of all.
    docs.reserve(saleCount + trainingSales);
    if (saleCount > 0) {
        docs.append(sold);
        docs.resize(saleCount);
    }
    Core::ShiftDocument training;
    training.training = true;
    for (int i = 0; i < trainingSales; ++i)
        docs.append(training);

    // Returns (a few a day): one document each, with its VAT per rate (on the summed refunds of
    // each rate, as Core::returnVat computes it) and its refunds as tenders.
    const qsizetype firstReturn = docs.size();
    read = readRows(m_db,
        "SELECT r.id, r.total_cents, r.rounding_cents, r.training, "
        "(SELECT coalesce(sum(l.quantity), 0) FROM return_lines l WHERE l.return_id = r.id) "
        "FROM returns r WHERE r.shift_id = ?1",
        shiftId, [&](const Internal::Statement &row) {
            Core::ShiftDocument doc;
            doc.sign = -1;
            doc.total = Money::fromCents(row.int64(1));
            doc.rounding = Money::fromCents(row.int64(2));
            doc.training = row.integer(3) != 0;
            doc.items = row.integer(4);
            returnIndex.insert(row.int64(0), docs.size());
            docs.append(std::move(doc));
        });
    if (!read)
        return read.error();
    if (docs.size() > firstReturn) {
        read = readRows(m_db,
            "SELECT l.return_id, l.vat_basis_points, sum(l.refund_cents) FROM returns r "
            "JOIN return_lines l ON l.return_id = r.id WHERE r.shift_id = ?1 "
            "GROUP BY l.return_id, l.vat_basis_points ORDER BY l.return_id, l.vat_basis_points "
            "DESC",
            shiftId, [&](const Internal::Statement &row) {
                const auto at = returnIndex.constFind(row.int64(0));
                if (at == returnIndex.constEnd())
                    return;
                const int basisPoints = row.integer(1);
                const Money gross = Money::fromCents(row.int64(2));
                const Money vat = Core::vatIncluded(gross, basisPoints);
                docs[*at].vat.append(
                    { Core::VatRate { basisPoints, {} }, gross, vat, gross - vat });
            });
        if (!read)
            return read.error();
        read = readRows(m_db,
            "SELECT f.return_id, f.method, f.amount_cents FROM returns r "
            "JOIN return_refunds f ON f.return_id = r.id WHERE r.shift_id = ?1 "
            "ORDER BY f.return_id, f.position",
            shiftId, [&](const Internal::Statement &row) {
                const auto at = returnIndex.constFind(row.int64(0));
                if (at == returnIndex.constEnd())
                    return;
                const std::optional<Core::TenderMethod> method = refundTender(row.text(1));
                if (!method)
                    return;
                Core::Tender tender;
                tender.method = *method;
                tender.amount = Money::fromCents(row.int64(2));
                docs[*at].tenders.append(tender);
            });
        if (!read)
            return read.error();
    }

    // Voided sales: payments cancelled after a part was taken (and given back at once) while
    // the shift was open. They are no sale rows; the report counts them.
    QSqlQuery q(m_db.connection());
    if (!run(q,
            QStringLiteral("SELECT count(*) FROM payment_sessions p WHERE p.state = 'cancelled' "
                           "AND p.started_at >= ? AND (? = '' OR p.started_at <= ?) AND EXISTS("
                           "SELECT 1 FROM payment_tenders t WHERE t.session_id = p.id "
                           "AND t.state IN ('settled', 'reversing', 'reversed'))"),
            { isoUtc(stored.shift.openedAt),
                stored.shift.closedAt.isValid() ? isoUtc(stored.shift.closedAt)
                                                : QString(QLatin1String("")),
                stored.shift.closedAt.isValid() ? isoUtc(stored.shift.closedAt)
                                                : QString(QLatin1String("")) })
        || !q.next())
        return storeFailed(q);
    for (int voids = q.value(0).toInt(); voids > 0; --voids) {
        Core::ShiftDocument doc;
        doc.voided = true;
        docs.append(doc);
    }
    return docs;
}

Core::Result<bool> ShiftLedger::paymentInProgress() const
{
    QSqlQuery q(m_db.connection());
    if (!q.exec(
            QStringLiteral("SELECT (SELECT count(*) FROM payment_sessions WHERE state = 'open') + "
                           "(SELECT count(*) FROM refund_sessions WHERE state = 'open')"))
        || !q.next())
        return storeFailed(q);
    return q.value(0).toInt() > 0;
}

} // namespace Toonbank::Store
