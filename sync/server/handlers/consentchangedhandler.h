#pragma once

#include "eventhandler.h"

namespace Toonbank::Sync::Server {

/// "consent_changed": the customer's e-mail / SMS / personalised-offer consent as it is now.
/// The customer row takes it (when newer than what it has) and consent_history keeps a row per
/// change with who recorded it where.
class ConsentChangedHandler final : public EventHandler
{
public:
    Protocol::EventType type() const override { return Protocol::EventType::ConsentChanged; }
    Core::Result<std::any> parse(
        const DeviceIdentity &device, const Protocol::EventEnvelope &envelope) const override;
    Core::Status check(BatchContext &context, const QList<BatchEvent *> &events) override;
    Core::Status apply(BatchContext &context, const QList<BatchEvent *> &events) override;
};

} // namespace Toonbank::Sync::Server
