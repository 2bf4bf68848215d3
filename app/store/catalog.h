#pragma once

#include "catalogtypes.h"

#include "app/core/result.h"

#include <QDate>
#include <QDateTime>

#include <memory>

namespace Toonbank::Store {

class LocalDatabase;

/// Read side of the product cache: the scan path and the search box. Built for a million
/// products: indexed barcode lookup with a prepared statement, FTS5 prefix search, nothing
/// loaded whole into memory.
class Catalog final
{
    Q_DISABLE_COPY_MOVE(Catalog)
public:
    /// `hereLocationId` is this tablet's store: its stock comes with every hit.
    Catalog(LocalDatabase &database, qint64 hereLocationId);
    ~Catalog();

    /// Validates the scanned text as a barcode (Core::Barcode) and finds its product.
    /// Errors: the barcode.* errors of Core::Barcode::parse, "barcode.unknown".
    Core::Result<ProductSummary> findByBarcode(const QString &scanned, QDate today) const;

    /// Ranked search over name, brand and SKU, every word a prefix ("lev jea" finds
    /// "Levi's 501 Jeans"); a full barcode typed into the box also finds its product.
    /// Empty or whitespace text gives an empty list.
    Core::Result<QList<ProductSummary>> search(
        const QString &text, QDate today, int limit = 50) const;

    Core::Result<ProductDetail> product(qint64 productId) const;

    /// Stock in every location: this store first, then other stores nearest first, then the
    /// web warehouse.
    Core::Result<QList<StockFigure>> stockEverywhere(qint64 productId) const;

    /// A figure fetched live (Refresh on the product screen): available units at a location
    /// and when that was true.
    struct StockUpdate
    {
        qint64 locationId = 0;
        qint64 quantity = 0;
        QDateTime asOf;
    };
    /// Writes live figures into the cache in one transaction, each only when it is newer than
    /// the cached figure (a feed row that came in meanwhile wins when it is newer). Returns how
    /// many were written.
    Core::Result<int> writeStock(qint64 productId, const QList<StockUpdate> &figures);

    Core::Result<QList<Location>> locations() const;
    Core::Result<Location> location(qint64 locationId) const;
    qint64 hereLocationId() const { return m_here; }

private:
    struct Private;
    LocalDatabase &m_db;
    qint64 m_here;
    std::unique_ptr<Private> d;
};

/// Great-circle distance in km (haversine) between two coordinates.
double distanceKm(double lat1, double lon1, double lat2, double lon2);

} // namespace Toonbank::Store
