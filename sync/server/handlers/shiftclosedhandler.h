#pragma once

#include "eventhandler.h"

namespace Toonbank::Sync::Server {

/// "shift_closed" (docs/STOREOPS.md "Shifts and cash"): the closing count and the Z report.
/// parse: Protocol::shiftClosedFromJson, the device's store (scope.location). check: the shift
/// is known, of this store and drawer and still open, in the table and after the earlier events
/// of the batch (shift.not_open — also a second close); the closing count passes
/// Core::checkCashCount (count.*); the server's own expected cash (Core::shiftTotals over the
/// shift's sales, returns and movements it holds and those earlier in the batch), counted =
/// the closing count's total and variance = counted − expected must be the close's figures
/// (shift.expected); the Z number is the drawer's previous highest + 1 (shift.z_number).
/// apply: the shift row closed with its count, expected, counted, variance and Z number.
class ShiftClosedHandler final : public EventHandler
{
public:
    Protocol::EventType type() const override { return Protocol::EventType::ShiftClosed; }
    Core::Result<std::any> parse(
        const DeviceIdentity &device, const Protocol::EventEnvelope &envelope) const override;
    Core::Status check(BatchContext &context, const QList<BatchEvent *> &events) override;
    Core::Status apply(BatchContext &context, const QList<BatchEvent *> &events) override;
};

} // namespace Toonbank::Sync::Server
