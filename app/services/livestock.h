#pragma once

#include "app/core/result.h"

#include <QCoreApplication>
#include <QDateTime>

namespace Toonbank::Store {
class Catalog;
} // namespace Toonbank::Store

namespace Toonbank::Services {

class ServerLookups;

/// The product screen's Refresh (docs/STOCK.md §3): every location's figure for one product
/// now, from GET /v1/stock over ServerLookups::onlineCall, written into the cache where it is
/// newer than the cached figure (Store::Catalog::writeStock), so the list repaints from the
/// cache. Online only: "stock.needs_network" otherwise (the cached figures stay).
class LiveStock final
{
    Q_DECLARE_TR_FUNCTIONS(Toonbank::Services::LiveStock)
    Q_DISABLE_COPY_MOVE(LiveStock)
public:
    LiveStock(ServerLookups &lookups, Store::Catalog &catalog);

    bool isOnline() const;
    struct Refreshed
    {
        int figures = 0; // in the server's answer
        int written = 0; // newer than the cache, written
        QDateTime at; // the server's time of the answer
    };
    /// Errors: "stock.needs_network" (not enrolled, no answer in time, a server error), the
    /// server's refusal ("product.unknown", …), "protocol.*" (an answer that cannot be read),
    /// the cache's "db.*".
    Core::Result<Refreshed> refresh(qint64 productId);

private:
    ServerLookups &m_lookups;
    Store::Catalog &m_catalog;
};

} // namespace Toonbank::Services
