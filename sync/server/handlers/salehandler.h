#pragma once

#include "eventhandler.h"

namespace Toonbank::Sync::Server {

/// "sale": a finished sale. Parse checks the sale adds up and belongs to the device's store;
/// check re-prices it against the server's catalog; apply writes the sale rows and moves stock.
class SaleHandler final : public EventHandler
{
public:
    explicit SaleHandler(bool checkPrices = true)
        : m_checkPrices(checkPrices)
    { }
    Protocol::EventType type() const override { return Protocol::EventType::Sale; }
    Core::Result<std::any> parse(
        const DeviceIdentity &device, const Protocol::EventEnvelope &envelope) const override;
    Core::Status check(BatchContext &context, const QList<BatchEvent *> &events) override;
    Core::Status apply(BatchContext &context, const QList<BatchEvent *> &events) override;

private:
    bool m_checkPrices = true;
};

} // namespace Toonbank::Sync::Server
