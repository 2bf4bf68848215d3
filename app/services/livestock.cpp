#include "livestock.h"

#include "serverlookups.h"

#include "app/store/catalog.h"
#include "sync/protocol/stockelsewhere.h"

namespace Toonbank::Services {

LiveStock::LiveStock(ServerLookups &lookups, Store::Catalog &catalog)
    : m_lookups(lookups)
    , m_catalog(catalog)
{ }

bool LiveStock::isOnline() const
{
    return m_lookups.isOnline();
}

Core::Result<LiveStock::Refreshed> LiveStock::refresh(qint64 productId)
{
    auto answer = m_lookups.onlineCall("GET", QStringLiteral("/v1/stock?product=%1").arg(productId),
        nullptr, QStringLiteral("stock.needs_network"),
        tr("No connection to the server: these are the last figures this tablet received."));
    if (!answer)
        return answer.error();
    if (answer.value().status != 200) {
        const QJsonObject error = answer.value().json.value(QStringLiteral("error")).toObject();
        const QString code = error.value(QStringLiteral("code")).toString();
        return Core::Error::make(code.isEmpty() ? QStringLiteral("stock.refused") : code,
            tr("The server could not give the stock of this product."),
            QStringLiteral("HTTP %1 %2: %3")
                .arg(answer.value().status)
                .arg(code, error.value(QStringLiteral("message")).toString().left(200)));
    }
    auto live
        = Sync::Protocol::liveStockFromJson(answer.value().json, Sync::Protocol::Reading::Tolerant);
    if (!live)
        return live.error();
    QList<Store::Catalog::StockUpdate> updates;
    for (const Sync::Protocol::LiveStockFigure &figure : std::as_const(live.value().figures))
        updates.append({ figure.locationId, figure.available, figure.asOf });
    auto written = m_catalog.writeStock(productId, updates);
    if (!written)
        return written.error();
    return Refreshed { int(updates.size()), written.value(), live.value().at };
}

} // namespace Toonbank::Services
