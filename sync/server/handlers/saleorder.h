#pragma once

#include "eventhandler.h"

#include "app/core/sale.h"

#include <QSet>

// The endless-aisle part of a sale (docs/STOCK.md §5): a sale that carries `order` pays for
// lines held by POST /v1/orders. SaleHandler calls these; the rest of the sale is as any sale.
namespace Toonbank::Sync::Server {

/// The sale without its delivery line (what the catalog re-check prices): the delivery is
/// checked by checkSaleOrder against Core::checkDelivery instead.
Core::Sale goodsOfOrderSale(const Core::Sale &sale);

/// The lines whose stock the selling store does not give out: the ordered lines and the
/// delivery line.
QSet<QString> orderLineIds(const Core::Sale &sale);

/// Checks a sale's order against the server's holds: they exist with purpose order
/// (order.unknown), are still held (order.closed), were made by a device of this store
/// (order.store), the ordered lines name the same products and quantities (order.lines), the
/// delivery is valid and priced by Core::checkDelivery for the ordered lines' total, and the
/// delivery line carries that price (order.delivery). An empty code: it passes. `inBatch`:
/// orders earlier sales of the batch paid (a second one is order.closed).
Core::Result<QPair<QString, QString>> checkSaleOrder(ServerDatabase &db,
    const DeviceIdentity &device, const Core::Sale &sale, QSet<QString> &inBatch);

/// Applies a checked sale's order in the batch's transaction: its holds become `ordered`
/// (quantity −= q and held −= q at the holding location), and a web order is written (channel
/// store, the sale's line prices and a pro-rata part of its tenders, delivery cents, sale id):
/// `ready` at the pickup store (ready_at, the order's pickup code hash) or `ordered` for home.
Core::Status applySaleOrder(BatchContext &context, const BatchEvent &event, qint64 customerId);

} // namespace Toonbank::Sync::Server
