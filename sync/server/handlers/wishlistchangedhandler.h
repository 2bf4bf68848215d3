#pragma once

#include "eventhandler.h"

namespace Toonbank::Sync::Server {

/// "wishlist_changed": a product added to or removed from a customer's wishlist.
class WishlistChangedHandler final : public EventHandler
{
public:
    Protocol::EventType type() const override { return Protocol::EventType::WishlistChanged; }
    Core::Result<std::any> parse(
        const DeviceIdentity &device, const Protocol::EventEnvelope &envelope) const override;
    Core::Status check(BatchContext &context, const QList<BatchEvent *> &events) override;
    Core::Status apply(BatchContext &context, const QList<BatchEvent *> &events) override;
};

} // namespace Toonbank::Sync::Server
