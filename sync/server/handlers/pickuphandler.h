#pragma once

#include "eventhandler.h"

namespace Toonbank::Sync::Server {

/// "pickup_handed_over" (docs/STOCK.md §6): units of a web order or a reservation handed over
/// at the counter. check: the pickup exists (pickup.unknown) at the device's store
/// (pickup.store), the staff member is known (event.unknown_staff) and may hand over
/// (Permission::HandOverPickup, else permission.denied), the handover id is new
/// (pickup.duplicate), a code check's code matches the server's own hash of the pickup
/// (Core::pickupCodeMatches, else pickup.code_mismatch, logged with the device), and
/// Core::checkHandover against the server's rows (pickup.already_collected, pickup.closed,
/// pickup.quantity, …), counting earlier handovers of the same batch. The events table keeps
/// the payload without the code (payloadToKeep).
/// apply: web order lines' collected_quantity, the order's status by Core::statusAfter and
/// collected_at; a reservation's hold collected (held −= q; the sale made at pickup moves the
/// quantity as any sale); a pickup_handovers row; change_seq bumps so the pickups feed carries it.
class PickupHandedOverHandler final : public EventHandler
{
public:
    Protocol::EventType type() const override { return Protocol::EventType::PickupHandedOver; }
    Core::Result<std::any> parse(
        const DeviceIdentity &device, const Protocol::EventEnvelope &envelope) const override;
    QJsonObject payloadToKeep(const Protocol::EventEnvelope &envelope) const override;
    Core::Status check(BatchContext &context, const QList<BatchEvent *> &events) override;
    Core::Status apply(BatchContext &context, const QList<BatchEvent *> &events) override;
};

/// "pickup_not_collected": staff release an overdue pickup. The same checks (an open pickup of
/// this store; Permission::ReleasePickup, else permission.denied); apply: the web order becomes
/// not_collected, a reservation's hold released (held −= q), a pickup_handovers row.
class PickupNotCollectedHandler final : public EventHandler
{
public:
    Protocol::EventType type() const override { return Protocol::EventType::PickupNotCollected; }
    Core::Result<std::any> parse(
        const DeviceIdentity &device, const Protocol::EventEnvelope &envelope) const override;
    Core::Status check(BatchContext &context, const QList<BatchEvent *> &events) override;
    Core::Status apply(BatchContext &context, const QList<BatchEvent *> &events) override;
};

} // namespace Toonbank::Sync::Server
