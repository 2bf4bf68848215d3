#pragma once

#include "apiserver.h"

namespace Toonbank::Sync::Server {

/// Live stock for the product screen's Refresh (docs/STOCK.md §3).
///
/// GET /v1/stock?product=ID → Protocol::LiveStock: one figure for every location of the chain
/// (stores and the web warehouse; a location without a stock row counts 0), available =
/// quantity − held (never below 0), onHand, held and when the on-hand figure was true. One
/// indexed query (stock's primary key). 400 `protocol.bad_value` without a product id, 404
/// `product.unknown` for an id the catalog does not have.
class StockController final
{
public:
    explicit StockController(ServerDatabase &database)
        : m_db(database)
    { }
    ApiReply stock(const ApiRequest &request);

private:
    ServerDatabase &m_db;
};

} // namespace Toonbank::Sync::Server
