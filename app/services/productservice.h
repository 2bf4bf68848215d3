#pragma once

#include "app/core/result.h"
#include "app/store/catalogtypes.h"

#include <QCoreApplication>

namespace Toonbank::Store {
class Catalog;
} // namespace Toonbank::Store

namespace Toonbank::Services {

class Session;

/// What staff may look up about a product: the detail screen and stock everywhere.
class ProductService final
{
    Q_DECLARE_TR_FUNCTIONS(Toonbank::Services::ProductService)
    Q_DISABLE_COPY_MOVE(ProductService)
public:
    ProductService(Store::Catalog &catalog, const Session &session);

    Core::Result<Store::ProductDetail> product(qint64 productId) const;
    /// This store first, then other stores nearest first, then the web warehouse.
    Core::Result<QList<Store::StockFigure>> stockEverywhere(qint64 productId) const;

    /// "just now", "3 min ago", "2 h ago", "4 days ago" — how fresh a stock figure is.
    static QString ageText(const QDateTime &asOf, const QDateTime &now);

private:
    Store::Catalog &m_catalog;
    const Session &m_session;
};

} // namespace Toonbank::Services
