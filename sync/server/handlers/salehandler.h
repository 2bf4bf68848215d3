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
/// Always, also without the re-check (issue 9, money):
///  - Core::checkTenders with the store's cash rounding (its `tender.*` codes);
///  - a gift-card or store-credit tender names a claim the server granted for that card or
///    customer and amount, not released and not used by another sale (wallet.claim_unknown,
///    wallet.claim_mismatch, wallet.claim_released, wallet.claim_used);
///  - points redeemed (= the points tenders) are covered by the customer's balance on the
///    server, counting earlier sales of the batch (loyalty.overdraft);
///  - a gift card sold on a line (giftCardNumber) is VAT class zero, quantity 1, without
///    adjustments (giftcard.line); a top-up goes to an active, unexpired card
///    (giftcard.inactive, giftcard.expired);
///  - an exchange's return_credit tender names a return earlier in the batch or already
///    applied whose exchange refund part is exactly the tender's amount, and no other sale took
///    that credit (exchange.return_missing, exchange.mismatch, exchange.used).
///  - a training sale pays with no gift card, store credit or points (training.not_allowed).
/// apply: the relational sale rows (with the shift it belongs to, sales.shift_id), stock,
/// points into loyalty_ledger (once), the sale's claims marked used, gift cards sold activated
/// (balance = line total, expiry Core::giftCardExpiry of the sale's date) or topped up. A
/// training sale writes its rows only (training = 1): no stock, points or gift cards.
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
    /// Marks the gift-card / store-credit claims of the sales used and activates or tops up
    /// the gift cards sold on their lines (in the batch's transaction).
    Core::Status applyWallet(BatchContext &context, const QList<BatchEvent *> &events);
    bool m_recheck = true;
};

} // namespace Toonbank::Sync::Server
