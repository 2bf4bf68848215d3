#include "shiftopenedhandler.h"

#include "shiftstate.h"

#include "sync/protocol/storeops.h"
#include "sync/server/serverdatabase.h"

#include <QJsonDocument>
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

} // namespace

Core::Result<std::any> ShiftOpenedHandler::parse(
    const DeviceIdentity &device, const Protocol::EventEnvelope &envelope) const
{
    Core::Result<Core::Shift> parsed = Protocol::shiftOpenedFromJson(envelope.payload);
    if (!parsed)
        return parsed.error();
    Core::Shift shift = std::move(parsed).value();
    if (shift.storeCode != device.locationCode)
        return Core::Error::make(QStringLiteral("scope.location"), QString(),
            QStringLiteral("shift of store %1 opened by a device of store %2")
                .arg(shift.storeCode.left(20), device.locationCode));
    return std::any(std::move(shift));
}

Core::Status ShiftOpenedHandler::check(BatchContext &context, const QList<BatchEvent *> &events)
{
    ServerDatabase &db = context.db;
    const ShiftBatch batch(context.batch, false); // opens and closes only
    QSet<QString> idsInBatch;
    for (BatchEvent *event : events) {
        const auto &shift = event->as<Core::Shift>();
        if (Core::Status count = Core::checkCashCount(shift.openingCount); !count) {
            event->reject(count.error().code, reasonOf(count.error()));
            continue;
        }
        auto known
            = db.exec(QStringLiteral("SELECT 1 FROM shifts WHERE shift_id = ?"), { shift.shiftId });
        if (!known)
            return known.error();
        if (known.value().next() || idsInBatch.contains(shift.shiftId)) {
            event->reject(QStringLiteral("shift.duplicate"),
                QStringLiteral("shift %1 was already opened under another event")
                    .arg(shift.shiftId.left(60)));
            continue;
        }
        known.value().finish();
        Core::Result<QStringList> open
            = batch.openShifts(db, shift.storeCode, shift.drawerId, batch.indexOf(event->envelope));
        if (!open)
            return open.error();
        if (!open.value().isEmpty()) {
            event->reject(QStringLiteral("shift.already_open"),
                QStringLiteral("drawer %1 of %2 already has an open shift (%3)")
                    .arg(shift.drawerId.left(40), shift.storeCode, open.value().first()));
            continue;
        }
        idsInBatch.insert(shift.shiftId);
    }
    return Core::success();
}

Core::Status ShiftOpenedHandler::apply(BatchContext &context, const QList<BatchEvent *> &events)
{
    QList<QVariantList> rows;
    for (BatchEvent *event : events) {
        const auto &shift = event->as<Core::Shift>();
        rows.append({ shift.shiftId, event->envelope->eventId, context.device.locationId,
            shift.storeCode, context.device.deviceId, shift.drawerId, shift.openedBy,
            isoTime(shift.openedAt),
            QString::fromUtf8(
                QJsonDocument(Protocol::toJson(shift.openingCount)).toJson(QJsonDocument::Compact)),
            shift.openingCount.total().cents(), QStringLiteral("open") });
    }
    return context.db.insertRows(QStringLiteral("shifts"),
        { QStringLiteral("shift_id"), QStringLiteral("event_id"), QStringLiteral("location_id"),
            QStringLiteral("store_code"), QStringLiteral("device_id"), QStringLiteral("drawer_id"),
            QStringLiteral("opened_by"), QStringLiteral("opened_at"),
            QStringLiteral("opening_count"), QStringLiteral("opening_float_cents"),
            QStringLiteral("state") },
        rows);
}

} // namespace Toonbank::Sync::Server
