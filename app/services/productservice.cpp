#include "productservice.h"

#include "session.h"

#include "app/store/catalog.h"

namespace Toonbank::Services {

ProductService::ProductService(Store::Catalog &catalog, const Session &session)
    : m_catalog(catalog)
    , m_session(session)
{ }

Core::Result<Store::ProductDetail> ProductService::product(qint64 productId) const
{
    if (const Core::Status allowed = m_session.require(Permission::Sell); !allowed)
        return allowed.error();
    return m_catalog.product(productId);
}

Core::Result<QList<Store::StockFigure>> ProductService::stockEverywhere(qint64 productId) const
{
    if (const Core::Status allowed = m_session.require(Permission::Sell); !allowed)
        return allowed.error();
    return m_catalog.stockEverywhere(productId);
}

QString ProductService::ageText(const QDateTime &asOf, const QDateTime &now)
{
    if (!asOf.isValid())
        return tr("unknown");
    const qint64 seconds = qMax<qint64>(0, asOf.secsTo(now));
    if (seconds < 60)
        return tr("just now");
    if (seconds < 3600)
        return tr("%n min ago", nullptr, int(seconds / 60));
    if (seconds < 86400)
        return tr("%n h ago", nullptr, int(seconds / 3600));
    return tr("%n day(s) ago", nullptr, int(seconds / 86400));
}

} // namespace Toonbank::Services
