#pragma once

#include "eventhandler.h"

namespace Toonbank::Sync::Server {

/// "receipt_email": a receipt the customer asked for by e-mail. Applying it queues one message
/// in mail_queue (the mailer sends it): once per event (the applier's exactly-once) and once
/// per (sale, address) unless the tablet asked to send it again (`resend`).
class ReceiptEmailHandler final : public EventHandler
{
public:
    Protocol::EventType type() const override { return Protocol::EventType::ReceiptEmail; }
    Core::Result<std::any> parse(
        const DeviceIdentity &device, const Protocol::EventEnvelope &envelope) const override;
    Core::Status check(BatchContext &context, const QList<BatchEvent *> &events) override;
    Core::Status apply(BatchContext &context, const QList<BatchEvent *> &events) override;
};

} // namespace Toonbank::Sync::Server
