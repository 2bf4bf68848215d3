#include "shiftstate.h"

#include "sync/protocol/returns.h"
#include "sync/protocol/saleevent.h"
#include "sync/server/serverdatabase.h"

#include "app/core/returns.h"

#include <QSet>
#include <QSqlQuery>

namespace Toonbank::Sync::Server {

using Core::Money;

namespace {

Core::TenderMethod tenderMethodOfRefund(const QString &method)
{
    if (method == QLatin1String("exchange"))
        return Core::TenderMethod::ReturnCredit;
    if (method == QLatin1String("web_payment"))
        return Core::TenderMethod::Card;
    return Core::tenderMethodFromName(method).value_or(Core::TenderMethod::Card);
}

} // namespace

QList<Core::Tender> refundsAsTenders(const QList<std::pair<QString, Money>> &refunds)
{
    QList<Core::Tender> tenders;
    for (const auto &[method, amount] : refunds) {
        Core::Tender t;
        t.method = tenderMethodOfRefund(method);
        t.amount = amount;
        tenders.append(t);
    }
    return tenders;
}

ShiftBatch::ShiftBatch(const QList<const Protocol::EventEnvelope *> &batch, bool withDocuments)
    : m_envelopes(batch)
{
    using Protocol::EventType;
    const QString shiftIdKey = QStringLiteral("shiftId");
    m_items.reserve(batch.size());
    for (const Protocol::EventEnvelope *envelope : batch) {
        Item item;
        const std::optional<EventType> type = Protocol::eventTypeFromName(envelope->type);
        if (type == EventType::ShiftOpened) {
            if (auto shift = Protocol::shiftOpenedFromJson(envelope->payload))
                item.opened = std::move(shift).value();
        } else if (type == EventType::ShiftClosed) {
            if (auto closed = Protocol::shiftClosedFromJson(envelope->payload))
                item.closed = std::move(closed).value();
        } else if (type == EventType::CashMoved) {
            if (auto move = Protocol::cashMovementFromJson(envelope->payload))
                item.movement = std::move(move).value();
        } else if (!withDocuments) {
            // the sales and returns are not needed
        } else if (type == EventType::Sale
            && !envelope->payload.value(shiftIdKey).toString().isEmpty()) {
            if (auto sale = Protocol::saleFromJson(envelope->payload)) {
                Document d;
                d.id = sale->saleId;
                d.shiftId = sale->shiftId;
                d.document.sign = 1;
                d.document.training = sale->training;
                d.document.total = sale->total;
                d.document.rounding = sale->rounding;
                d.document.items = sale->itemCount();
                d.document.vat = sale->vat;
                d.document.tenders = sale->tenders;
                item.document = d;
            }
        } else if (type == EventType::Return
            && !envelope->payload.value(shiftIdKey).toString().isEmpty()) {
            if (auto ret = Protocol::returnFromJson(envelope->payload)) {
                Document d;
                d.id = ret->returnId;
                d.shiftId = ret->shiftId;
                d.document.sign = -1;
                d.document.training = ret->training;
                d.document.total = ret->total;
                d.document.rounding = ret->rounding;
                QList<std::pair<QString, Money>> refunds;
                for (const Core::Refund &r : ret->refunds)
                    refunds.append({ Core::name(r.method), r.amount });
                for (const Core::ReturnLine &line : ret->lines)
                    d.document.items += line.quantity;
                d.document.tenders = refundsAsTenders(refunds);
                item.document = d;
            }
        }
        m_items.append(std::move(item));
    }
}

qsizetype ShiftBatch::indexOf(const Protocol::EventEnvelope *envelope) const
{
    return m_envelopes.indexOf(envelope);
}

Core::Result<std::optional<ShiftBatch::ShiftView>> ShiftBatch::shift(
    ServerDatabase &db, const QString &shiftId, qsizetype before) const
{
    std::optional<ShiftView> view;
    auto row = db.exec(QStringLiteral("SELECT store_code, drawer_id, opening_float_cents, state "
                                      "FROM shifts WHERE shift_id = ?"),
        { shiftId });
    if (!row)
        return row.error();
    if (row.value().next()) {
        ShiftView v;
        v.shiftId = shiftId;
        v.storeCode = row.value().value(0).toString();
        v.drawerId = row.value().value(1).toString();
        v.openingFloat = Money::fromCents(row.value().value(2).toLongLong());
        v.open = row.value().value(3).toString() == QLatin1String("open");
        view = v;
    }
    for (qsizetype i = 0; i < before && i < m_items.size(); ++i) {
        const Item &item = m_items.at(i);
        if (item.opened && item.opened->shiftId == shiftId && !view) {
            ShiftView v;
            v.shiftId = shiftId;
            v.storeCode = item.opened->storeCode;
            v.drawerId = item.opened->drawerId;
            v.openingFloat = item.opened->openingCount.total();
            v.open = true;
            view = v;
        } else if (item.closed && item.closed->shift.shiftId == shiftId && view) {
            view->open = false;
        }
    }
    return view;
}

Core::Result<QStringList> ShiftBatch::openShifts(
    ServerDatabase &db, const QString &storeCode, const QString &drawerId, qsizetype before) const
{
    QStringList open;
    auto rows = db.exec(QStringLiteral("SELECT shift_id FROM shifts WHERE store_code = ? AND "
                                       "drawer_id = ? AND state = 'open'"),
        { storeCode, drawerId });
    if (!rows)
        return rows.error();
    while (rows.value().next())
        open.append(rows.value().value(0).toString());
    for (qsizetype i = 0; i < before && i < m_items.size(); ++i) {
        const Item &item = m_items.at(i);
        if (item.opened && item.opened->storeCode == storeCode && item.opened->drawerId == drawerId
            && !open.contains(item.opened->shiftId))
            open.append(item.opened->shiftId);
        else if (item.closed)
            open.removeAll(item.closed->shift.shiftId);
    }
    return open;
}

Core::Result<int> ShiftBatch::lastZNumber(
    ServerDatabase &db, const QString &storeCode, const QString &drawerId, qsizetype before) const
{
    auto row = db.exec(QStringLiteral("SELECT COALESCE(MAX(z_number), 0) FROM shifts WHERE "
                                      "store_code = ? AND drawer_id = ?"),
        { storeCode, drawerId });
    if (!row)
        return row.error();
    int last = row.value().next() ? row.value().value(0).toInt() : 0;
    row.value().finish();
    for (qsizetype i = 0; i < before && i < m_items.size(); ++i) {
        const Item &item = m_items.at(i);
        if (!item.closed)
            continue;
        // The drawer of a close is the drawer of its shift (as the table or the batch has it).
        auto closedShift = shift(db, item.closed->shift.shiftId, i);
        if (!closedShift)
            return closedShift.error();
        if (closedShift.value() && closedShift.value()->storeCode == storeCode
            && closedShift.value()->drawerId == drawerId)
            last = qMax(last, item.closed->shift.zNumber);
    }
    return last;
}

Core::Result<Core::ShiftTotals> ShiftBatch::totals(
    ServerDatabase &db, const ShiftView &shift, qsizetype before) const
{
    QList<Core::ShiftDocument> documents;
    QSet<QString> known; // sale and return ids (and movement ids) the tables hold

    // Sales of the shift with their tenders.
    {
        auto rows = db.exec(
            QStringLiteral("SELECT s.sale_id, s.total_cents, s.rounding_cents, s.training, "
                           "t.method, t.amount_cents FROM sales s LEFT JOIN sale_tenders t ON "
                           "t.sale_id = s.sale_id WHERE s.shift_id = ? ORDER BY s.sale_id, "
                           "t.tender_no"),
            { shift.shiftId });
        if (!rows)
            return rows.error();
        QString current;
        while (rows.value().next()) {
            const QSqlQuery &q = rows.value();
            const QString id = q.value(0).toString();
            if (id != current) {
                current = id;
                known.insert(id);
                Core::ShiftDocument d;
                d.sign = 1;
                d.total = Money::fromCents(q.value(1).toLongLong());
                d.rounding = Money::fromCents(q.value(2).toLongLong());
                d.training = q.value(3).toInt() != 0;
                documents.append(d);
            }
            if (q.value(4).isNull())
                continue;
            Core::Tender t;
            t.method = Core::tenderMethodFromName(q.value(4).toString())
                           .value_or(Core::TenderMethod::Card);
            t.amount = Money::fromCents(q.value(5).toLongLong());
            documents.last().tenders.append(t);
        }
    }
    // Returns of the shift with their refunds.
    {
        auto rows = db.exec(
            QStringLiteral("SELECT r.return_id, r.total_cents, r.rounding_cents, r.training, "
                           "f.method, f.amount_cents FROM returns r LEFT JOIN return_refunds f "
                           "ON f.return_id = r.return_id WHERE r.shift_id = ? ORDER BY "
                           "r.return_id, f.refund_no"),
            { shift.shiftId });
        if (!rows)
            return rows.error();
        QString current;
        while (rows.value().next()) {
            const QSqlQuery &q = rows.value();
            const QString id = q.value(0).toString();
            if (id != current) {
                current = id;
                known.insert(id);
                Core::ShiftDocument d;
                d.sign = -1;
                d.total = Money::fromCents(q.value(1).toLongLong());
                d.rounding = Money::fromCents(q.value(2).toLongLong());
                d.training = q.value(3).toInt() != 0;
                documents.append(d);
            }
            if (q.value(4).isNull())
                continue;
            documents.last().tenders.append(refundsAsTenders(
                { { q.value(4).toString(), Money::fromCents(q.value(5).toLongLong()) } }));
        }
    }
    QList<Core::CashMovement> moves;
    {
        auto rows = db.exec(QStringLiteral("SELECT movement_id, kind, amount_cents FROM "
                                           "cash_movements WHERE shift_id = ?"),
            { shift.shiftId });
        if (!rows)
            return rows.error();
        while (rows.value().next()) {
            const QSqlQuery &q = rows.value();
            Core::CashMovement m;
            m.movementId = q.value(0).toString();
            m.kind = Core::cashMovementKindFromName(q.value(1).toString())
                         .value_or(Core::CashMovementKind::NoSale);
            m.amount = Money::fromCents(q.value(2).toLongLong());
            known.insert(m.movementId);
            moves.append(m);
        }
    }
    // The batch's events before this one that the tables do not hold yet (a replayed event
    // earlier in the batch is in the tables already: counted once, by its id).
    for (qsizetype i = 0; i < before && i < m_items.size(); ++i) {
        const Item &item = m_items.at(i);
        if (item.document && item.document->shiftId == shift.shiftId
            && !known.contains(item.document->id)) {
            known.insert(item.document->id);
            documents.append(item.document->document);
        } else if (item.movement && item.movement->shiftId == shift.shiftId
            && !known.contains(item.movement->movement.movementId)) {
            known.insert(item.movement->movement.movementId);
            moves.append(item.movement->movement);
        }
    }
    return Core::shiftTotals(shift.openingFloat, documents, moves);
}

Core::Result<std::optional<QString>> shiftRefusal(ServerDatabase &db, const ShiftBatch &batch,
    const QString &shiftId, const QString &storeCode, qsizetype position)
{
    if (shiftId.isEmpty())
        return std::optional<QString>();
    Core::Result<std::optional<ShiftBatch::ShiftView>> shift = batch.shift(db, shiftId, position);
    if (!shift)
        return shift.error();
    if (shift.value() && shift.value()->open && shift.value()->storeCode == storeCode)
        return std::optional<QString>();
    return std::optional<QString>(QStringLiteral("shift %1 is not an open shift of store %2")
                                      .arg(shiftId.left(60), storeCode));
}

} // namespace Toonbank::Sync::Server
