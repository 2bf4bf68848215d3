#include "cashmovementhandler.h"

#include "shiftstate.h"

#include "sync/protocol/storeops.h"
#include "sync/server/serverdatabase.h"

#include "app/core/permissions.h"

#include <QSet>
#include <QSqlQuery>

namespace Toonbank::Sync::Server {

namespace {

QString isoTime(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}

QString reasonOf(const Core::Error &error)
{
    return error.detail.isEmpty() ? error.message
                                  : QStringLiteral("%1: %2").arg(error.message, error.detail);
}

struct StaffRow
{
    bool found = false;
    std::optional<Core::Role> role;
    bool active = false;
    qint64 locationId = 0;
};

Core::Result<StaffRow> loadStaff(ServerDatabase &db, qint64 staffId)
{
    auto q
        = db.exec(QStringLiteral("SELECT role, active, home_location_id FROM staff WHERE id = ?"),
            { staffId });
    if (!q)
        return q.error();
    StaffRow row;
    if (q.value().next()) {
        row.found = true;
        row.role = Core::roleFromName(q.value().value(0).toString());
        row.active = q.value().value(1).toInt() != 0;
        row.locationId = q.value().value(2).toLongLong();
    }
    return row;
}

} // namespace

Core::Result<std::any> CashMovementHandler::parse(
    const DeviceIdentity &, const Protocol::EventEnvelope &envelope) const
{
    Core::Result<Protocol::ShiftCashMovement> parsed
        = Protocol::cashMovementFromJson(envelope.payload);
    if (!parsed)
        return parsed.error();
    return std::any(std::move(parsed).value());
}

Core::Status CashMovementHandler::check(BatchContext &context, const QList<BatchEvent *> &events)
{
    ServerDatabase &db = context.db;
    const ShiftBatch batch(context.batch);
    QSet<QString> idsInBatch;
    for (BatchEvent *event : events) {
        const auto &data = event->as<Protocol::ShiftCashMovement>();
        const Core::CashMovement &move = data.movement;
        const qsizetype position = batch.indexOf(event->envelope);

        Core::Result<std::optional<ShiftBatch::ShiftView>> shift
            = batch.shift(db, data.shiftId, position);
        if (!shift)
            return shift.error();
        if (!shift.value() || !shift.value()->open
            || shift.value()->storeCode != context.device.locationCode) {
            event->reject(QStringLiteral("shift.not_open"),
                QStringLiteral("shift %1 is not an open shift of store %2")
                    .arg(data.shiftId.left(60), context.device.locationCode));
            continue;
        }
        auto known = db.exec(QStringLiteral("SELECT 1 FROM cash_movements WHERE movement_id = ?"),
            { move.movementId });
        if (!known)
            return known.error();
        if (known.value().next() || idsInBatch.contains(move.movementId)) {
            event->reject(QStringLiteral("shift.duplicate"),
                QStringLiteral("cash movement %1 was already recorded under another event")
                    .arg(move.movementId.left(60)));
            continue;
        }
        known.value().finish();

        if (move.kind == Core::CashMovementKind::NoSale) {
            // A no-sale opens the drawer without a sale: only with a manager of this store.
            if (!move.approval || move.approval->permission != Core::Permission::OpenDrawerNoSale
                || move.approval->approvedBy == 0) {
                event->reject(QStringLiteral("approval.missing"),
                    QStringLiteral("a no-sale needs a manager's approval (open_drawer_no_sale)"));
                continue;
            }
            Core::Result<StaffRow> approver = loadStaff(db, move.approval->approvedBy);
            if (!approver)
                return approver.error();
            if (!approver->found || !approver->active) {
                event->reject(QStringLiteral("approval.missing"),
                    QStringLiteral("the approver %1 of the no-sale is unknown or inactive")
                        .arg(move.approval->approvedBy));
                continue;
            }
            if (!approver->role
                || !Core::allows(*approver->role, Core::Permission::OpenDrawerNoSale)
                || approver->locationId != context.device.locationId) {
                event->reject(QStringLiteral("approval.role"),
                    QStringLiteral("staff %1 is no manager of store %2 and may not approve a "
                                   "no-sale")
                        .arg(move.approval->approvedBy)
                        .arg(context.device.locationCode));
                continue;
            }
        } else {
            Core::Result<StaffRow> staff = loadStaff(db, move.staffId);
            if (!staff)
                return staff.error();
            if (!staff->found || !staff->active || !staff->role
                || !Core::allows(*staff->role, Core::Permission::MoveCash)) {
                event->reject(QStringLiteral("permission.denied"),
                    QStringLiteral("staff %1 may not move cash in or out of the drawer")
                        .arg(move.staffId));
                continue;
            }
        }

        Core::Result<Core::ShiftTotals> totals = batch.totals(db, *shift.value(), position);
        if (!totals)
            return totals.error();
        if (Core::Status ok = Core::checkCashMovement(move, totals->expectedCash()); !ok) {
            event->reject(ok.error().code, reasonOf(ok.error()));
            continue;
        }
        idsInBatch.insert(move.movementId);
    }
    return Core::success();
}

Core::Status CashMovementHandler::apply(BatchContext &context, const QList<BatchEvent *> &events)
{
    QList<QVariantList> rows;
    for (BatchEvent *event : events) {
        const auto &data = event->as<Protocol::ShiftCashMovement>();
        const Core::CashMovement &move = data.movement;
        rows.append({ move.movementId, event->envelope->eventId, data.shiftId,
            Core::name(move.kind), move.amount.cents(), move.reason, move.staffId, isoTime(move.at),
            move.approval ? move.approval->approvedBy : qint64(0) });
    }
    return context.db.insertRows(QStringLiteral("cash_movements"),
        { QStringLiteral("movement_id"), QStringLiteral("event_id"), QStringLiteral("shift_id"),
            QStringLiteral("kind"), QStringLiteral("amount_cents"), QStringLiteral("reason"),
            QStringLiteral("staff_id"), QStringLiteral("at"), QStringLiteral("approved_by") },
        rows);
}

} // namespace Toonbank::Sync::Server
