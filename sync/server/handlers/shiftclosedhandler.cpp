#include "shiftclosedhandler.h"

#include "shiftstate.h"

#include "sync/protocol/storeops.h"
#include "sync/server/serverdatabase.h"

#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>

namespace Toonbank::Sync::Server {

using Core::Money;

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

struct CloseEvent
{
    Protocol::ShiftClosed closed;
    Money variance; // as the tablet sent it
    Money expected; // the server's (check)
};

} // namespace

Core::Result<std::any> ShiftClosedHandler::parse(
    const DeviceIdentity &device, const Protocol::EventEnvelope &envelope) const
{
    Core::Result<Protocol::ShiftClosed> parsed = Protocol::shiftClosedFromJson(envelope.payload);
    if (!parsed)
        return parsed.error();
    CloseEvent event;
    event.closed = std::move(parsed).value();
    if (event.closed.shift.storeCode != device.locationCode)
        return Core::Error::make(QStringLiteral("scope.location"), QString(),
            QStringLiteral("shift of store %1 closed by a device of store %2")
                .arg(event.closed.shift.storeCode.left(20), device.locationCode));
    event.variance
        = Money::fromCents(envelope.payload.value(QStringLiteral("varianceCents")).toInteger());
    return std::any(std::move(event));
}

Core::Status ShiftClosedHandler::check(BatchContext &context, const QList<BatchEvent *> &events)
{
    ServerDatabase &db = context.db;
    const ShiftBatch batch(context.batch);
    for (BatchEvent *event : events) {
        auto &data = event->as<CloseEvent>();
        const Core::Shift &closing = data.closed.shift;
        const qsizetype position = batch.indexOf(event->envelope);

        Core::Result<std::optional<ShiftBatch::ShiftView>> shift
            = batch.shift(db, closing.shiftId, position);
        if (!shift)
            return shift.error();
        if (!shift.value() || !shift.value()->open
            || shift.value()->storeCode != context.device.locationCode) {
            event->reject(QStringLiteral("shift.not_open"),
                QStringLiteral("shift %1 is not an open shift of store %2 (closed already?)")
                    .arg(closing.shiftId.left(60), context.device.locationCode));
            continue;
        }
        if (shift.value()->drawerId != closing.drawerId) {
            event->reject(QStringLiteral("shift.not_open"),
                QStringLiteral("shift %1 is a shift of drawer %2, not of drawer %3")
                    .arg(closing.shiftId.left(60), shift.value()->drawerId,
                        closing.drawerId.left(40)));
            continue;
        }
        if (Core::Status count = Core::checkCashCount(closing.closingCount); !count) {
            event->reject(count.error().code, reasonOf(count.error()));
            continue;
        }

        Core::Result<Core::ShiftTotals> totals = batch.totals(db, *shift.value(), position);
        if (!totals)
            return totals.error();
        const Money expected = totals->expectedCash();
        const Money counted = closing.closingCount.total();
        if (expected != data.closed.variance.expected || counted != data.closed.variance.counted
            || data.variance != counted - expected) {
            event->reject(QStringLiteral("shift.expected"),
                QStringLiteral("the close says expected %1, counted %2, variance %3; the server "
                               "computes expected %4, counted %5, variance %6")
                    .arg(data.closed.variance.expected.toPlainString(),
                        data.closed.variance.counted.toPlainString(), data.variance.toPlainString(),
                        expected.toPlainString(), counted.toPlainString(),
                        (counted - expected).toPlainString()));
            continue;
        }

        Core::Result<int> last
            = batch.lastZNumber(db, shift.value()->storeCode, shift.value()->drawerId, position);
        if (!last)
            return last.error();
        if (closing.zNumber != last.value() + 1) {
            event->reject(QStringLiteral("shift.z_number"),
                QStringLiteral("Z report %1 of drawer %2: the next number is %3")
                    .arg(closing.zNumber)
                    .arg(shift.value()->drawerId)
                    .arg(last.value() + 1));
            continue;
        }
        data.expected = expected;
    }
    return Core::success();
}

Core::Status ShiftClosedHandler::apply(BatchContext &context, const QList<BatchEvent *> &events)
{
    for (BatchEvent *event : events) {
        const auto &data = event->as<CloseEvent>();
        const Core::Shift &closing = data.closed.shift;
        const Money counted = closing.closingCount.total();
        auto closed = context.db.exec(
            QStringLiteral("UPDATE shifts SET state = 'closed', closed_by = ?, closed_at = ?, "
                           "closing_count = ?, counted_cents = ?, expected_cents = ?, "
                           "variance_cents = ?, z_number = ?, close_event_id = ? WHERE shift_id "
                           "= ? AND state = 'open' RETURNING shift_id"),
            { closing.closedBy, isoTime(closing.closedAt),
                QString::fromUtf8(QJsonDocument(Protocol::toJson(closing.closingCount))
                                      .toJson(QJsonDocument::Compact)),
                counted.cents(), data.expected.cents(), (counted - data.expected).cents(),
                closing.zNumber, event->envelope->eventId, closing.shiftId });
        if (!closed)
            return closed.error();
        if (!closed.value().next())
            return Core::Error::make(QStringLiteral("shift.state"), QString(),
                QStringLiteral("shift %1 is no longer open").arg(closing.shiftId));
    }
    return Core::success();
}

} // namespace Toonbank::Sync::Server
