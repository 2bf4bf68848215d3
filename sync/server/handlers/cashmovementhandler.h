#pragma once

#include "eventhandler.h"

namespace Toonbank::Sync::Server {

/// "cash_movement" (docs/STOREOPS.md "Shifts and cash"): cash in, cash out or a no-sale in an
/// open shift. parse: Protocol::cashMovementFromJson. check: the shift is known, open and of the
/// device's store (shift.not_open); the movement id is new (shift.duplicate); cash in / out by
/// a role that may move cash (permission.denied); Core::checkCashMovement against the cash the
/// server computes for the shift so far — Core::shiftTotals over the shift's sales, returns and
/// movements in the tables and earlier in the batch (shift.cash_out_exceeds, shift.amount,
/// shift.reason); a no-sale carries an OpenDrawerNoSale approval (approval.missing) by an
/// active manager of this store (approval.role). apply: the cash_movements row.
class CashMovementHandler final : public EventHandler
{
public:
    Protocol::EventType type() const override { return Protocol::EventType::CashMoved; }
    Core::Result<std::any> parse(
        const DeviceIdentity &device, const Protocol::EventEnvelope &envelope) const override;
    Core::Status check(BatchContext &context, const QList<BatchEvent *> &events) override;
    Core::Status apply(BatchContext &context, const QList<BatchEvent *> &events) override;
};

} // namespace Toonbank::Sync::Server
