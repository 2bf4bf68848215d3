#pragma once

#include "eventhandler.h"

namespace Toonbank::Sync::Server {

/// "sale": a finished Core::Sale. parse: the sale adds up on its own (saleFromJson) and
/// belongs to the device's store and staff member. check: the server re-checks it with the
/// same core code the tablet ran —
///  - every line's product exists and its SKU agrees (sale.unknown_product, sale.sku_mismatch);
///  - the unit price is a price or promo price (valid on the sale's date) that the product
///    had in some catalog version, so a price the tablet knew offline before a later change
///    passes and a price no version ever had does not (sale.price_unexplained);
///  - the VAT rate is the table's for the store's country on the sale's date
///    (sale.vat_mismatch);
///  - Core::buildSale from the lines (unit price, quantity, manual discounts as recorded), the
///    server's promotions, customer, coupons and authorisations gives the same adjustments,
///    VAT, total and points (sale.adjustment_unexplained, sale.vat_mismatch,
///    sale.total_mismatch, sale.points_mismatch);
///  - a manual discount beyond the requester's own limit carries an authorisation by someone
///    whose role allows approving it (sale.approval_missing);
///  - a single-use coupon was claimed online for this sale (sale.coupon_unclaimed).
/// apply: the relational sale rows, stock, and points into loyalty_ledger (once).
class SaleHandler final : public EventHandler
{
public:
    /// `recheck` false skips the catalog/promotion re-check (bench_sync's baseline only).
    explicit SaleHandler(bool recheck = true)
        : m_recheck(recheck)
    { }
    Protocol::EventType type() const override { return Protocol::EventType::Sale; }
    Core::Result<std::any> parse(
        const DeviceIdentity &device, const Protocol::EventEnvelope &envelope) const override;
    Core::Status check(BatchContext &context, const QList<BatchEvent *> &events) override;
    Core::Status apply(BatchContext &context, const QList<BatchEvent *> &events) override;

private:
    bool m_recheck = true;
};

} // namespace Toonbank::Sync::Server
