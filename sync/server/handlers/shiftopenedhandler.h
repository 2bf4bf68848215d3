#pragma once

#include "eventhandler.h"

namespace Toonbank::Sync::Server {

/// "shift_opened" (docs/STOREOPS.md "Shifts and cash"): a drawer's shift opened with its
/// counted float. parse: Protocol::shiftOpenedFromJson, the shift belongs to the device's store
/// (scope.location). check: the count passes Core::checkCashCount (count.*); the shift id is
/// new (shift.duplicate); the drawer has no other open shift, in the table or earlier in the
/// batch (shift.already_open; the partial unique index shifts_one_open backs it up). apply: the
/// shifts row, state open.
class ShiftOpenedHandler final : public EventHandler
{
public:
    Protocol::EventType type() const override { return Protocol::EventType::ShiftOpened; }
    Core::Result<std::any> parse(
        const DeviceIdentity &device, const Protocol::EventEnvelope &envelope) const override;
    Core::Status check(BatchContext &context, const QList<BatchEvent *> &events) override;
    Core::Status apply(BatchContext &context, const QList<BatchEvent *> &events) override;
};

} // namespace Toonbank::Sync::Server
