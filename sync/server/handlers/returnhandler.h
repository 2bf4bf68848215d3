#pragma once

#include "eventhandler.h"

namespace Toonbank::Sync::Server {

/// "return": a finished Core::Return (docs/RETURNS.md "The return event"). parse: the return
/// adds up on its own (Protocol::returnFromJson) and belongs to the device's store and staff
/// member. check: the server re-checks it with the core rules the tablet ran, against the order
/// as it stood before this return (a claimed return: returned quantities minus this claim's):
///  - the order exists and is no return itself (return.not_found, return.of_return), and is
///    no training sale unless the return is a training return too (return.training_sale); a claim
///    is this return's, still claimed, for the same order, lines and quantities (claim.unknown,
///    claim.mismatch, claim.released, claim.used); without a claim only the store's own sale
///    (return.claim_missing);
///  - Core::checkReturnLine per original line, an exception only with a recorded
///    ApproveReturnException by a role that allows it (return.approval_missing; every recorded
///    approval must come from a role that may give it);
///  - each line refunds its Core::paidShare, a no-receipt line the current price × quantity
///    with a RefundWithoutReceipt approval, store credit only (return.refund_mismatch);
///  - the delivery cost only on a full withdrawal (return.delivery_mismatch);
///  - Core::checkRefunds with the store's cash rounding (refund.* codes);
///  - points taken back and given back as Core::planRefund gives them
///    (return.points_mismatch).
/// apply: the return rows, the claim used (or, without a claim, the conditional returned-quantity
/// update, a `return_conflicts` row when the line was already returned elsewhere), tender
/// refunded amounts, stock back (resellable) or damaged_stock, loyalty_ledger once per event,
/// store credit credited, a gift card topped up or activated, web_refunds per web refund part,
/// the web order's refunded delivery and the sale's points taken back; returns.shift_id is the
/// shift it belongs to. A training return writes its rows only (whatever its refund methods:
/// no store credit, gift card, points or stock moves).
class ReturnHandler final : public EventHandler
{
public:
    Protocol::EventType type() const override { return Protocol::EventType::Return; }
    Core::Result<std::any> parse(
        const DeviceIdentity &device, const Protocol::EventEnvelope &envelope) const override;
    Core::Status check(BatchContext &context, const QList<BatchEvent *> &events) override;
    Core::Status apply(BatchContext &context, const QList<BatchEvent *> &events) override;
};

} // namespace Toonbank::Sync::Server
