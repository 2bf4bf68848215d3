// The one mapping of a Core::Sale to the ledger's rows. (The wire mapping is
// Sync::Protocol's; the receipt's is the SaleService's.)
#include "salesledger.h"

#include "app/core/sale.h"

namespace Toonbank::Store {

LedgerSale ledgerSaleFrom(const Core::Sale &sale, qint64 locationId)
{
    LedgerSale ledger;
    ledger.saleUuid = sale.saleId;
    ledger.locationId = locationId;
    ledger.locationCode = sale.storeCode;
    ledger.staffId = sale.staffId;
    ledger.customerId = sale.customer ? sale.customer->id : 0;
    ledger.customerCode = sale.customer ? sale.customer->code : QString();
    ledger.customerTier = sale.customer ? sale.customer->tier : QString();
    ledger.soldAt = sale.soldAt;
    ledger.total = sale.total;
    ledger.rounding = sale.rounding;
    ledger.training = sale.training;
    ledger.couponCodes = sale.couponCodes;
    ledger.pointsEarned = sale.pointsEarned;
    ledger.pointsRedeemed = sale.pointsRedeemed;
    ledger.catalogVersion = sale.catalogVersion;
    ledger.shiftId = sale.shiftId;
    for (const Core::SaleLine &line : sale.lines) {
        LedgerLine out;
        out.productId = line.productId;
        out.sku = line.sku;
        out.name = line.name;
        out.quantity = line.quantity;
        out.unitPrice = line.unitPrice;
        out.lineDiscount = line.discountTotal();
        out.lineTotal = line.lineTotal();
        out.vatClass = Core::name(line.vatClass);
        out.vatBasisPoints = line.vatRate.basisPoints;
        out.lineId = line.lineId;
        out.category = line.category;
        out.brand = line.brand;
        out.regularPrice = line.regularPrice;
        out.giftCardNumber = line.giftCardNumber;
        if (sale.order
            && (sale.order->lineIds.contains(line.lineId)
                || sale.order->deliveryLineId == line.lineId))
            out.movesStock = false;
        for (const Core::Adjustment &adjustment : line.adjustments) {
            out.adjustments.append({ Core::name(adjustment.kind), adjustment.sourceId,
                adjustment.label, adjustment.amount, adjustment.approvedBy });
        }
        ledger.lines.append(out);
    }
    for (const Core::VatBreakdown &vat : sale.vat)
        ledger.vat.append({ vat.rate.basisPoints, vat.gross, vat.vat, vat.net });
    for (const Core::Tender &tender : sale.tenders) {
        ledger.payments.append({ Core::name(tender.method), tender.amount, tender.tendered,
            tender.change, tender.reference, tender.claimId, tender.maskedPan, tender.cardBrand,
            tender.authCode, tender.points, tender.balanceLeft });
    }
    for (const Core::Authorisation &a : sale.authorisations) {
        ledger.authorisations.append({ Core::name(a.permission), a.requestedBy, a.approvedBy,
            a.lineId, a.amount, a.reason, a.approvedAt });
    }
    return ledger;
}

} // namespace Toonbank::Store
