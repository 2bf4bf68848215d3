#pragma once

#include "eventhandler.h"

namespace Toonbank::Sync::Server {

/// "customer_enrolled": a customer enrolled at the till. A customer with the same card number,
/// e-mail or phone already on the server is kept (the enrolment merges into it); the push
/// result carries the server id either way, and `merged` when it was an existing customer.
class CustomerEnrolledHandler final : public EventHandler
{
public:
    Protocol::EventType type() const override { return Protocol::EventType::CustomerEnrolled; }
    Core::Result<std::any> parse(
        const DeviceIdentity &device, const Protocol::EventEnvelope &envelope) const override;
    Core::Status check(BatchContext &context, const QList<BatchEvent *> &events) override;
    Core::Status apply(BatchContext &context, const QList<BatchEvent *> &events) override;
};

} // namespace Toonbank::Sync::Server
