#include "stockcontroller.h"

#include "serverdatabase.h"

#include "sync/protocol/stockelsewhere.h"

#include <QSqlQuery>
#include <QUrlQuery>

namespace Toonbank::Sync::Server {

namespace {

QDateTime fromIso(const QString &text)
{
    QDateTime at = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!at.isValid())
        at = QDateTime::fromString(text, Qt::ISODate);
    return at.toUTC();
}

} // namespace

ApiReply StockController::stock(const ApiRequest &request)
{
    const QUrlQuery query(request.http.url());
    bool ok = false;
    const qint64 productId = query.queryItemValue(QStringLiteral("product")).toLongLong(&ok);
    if (!ok || productId <= 0)
        return ApiReply::error({ ApiErrorKind::BadRequest, QStringLiteral("protocol.bad_value"),
            QStringLiteral("product must be a positive product id") });

    auto known = m_db.execKept(
        QStringLiteral("SELECT 1 FROM products WHERE id = ?"), { QVariant(productId) });
    if (!known)
        return ApiReply::error(ApiError::fromCore(ApiErrorKind::Internal, known.error()));
    if (!known.value().next())
        return ApiReply::error({ ApiErrorKind::NotFound, QStringLiteral("product.unknown"),
            QStringLiteral("no product %1").arg(productId) });

    auto rows = m_db.execKept(
        QStringLiteral("SELECT l.id, l.code, COALESCE(s.quantity, 0), COALESCE(s.held, 0), "
                       "COALESCE(s.as_of, '') FROM locations l LEFT JOIN stock s "
                       "ON s.location_id = l.id AND s.product_id = ? ORDER BY l.id"),
        { QVariant(productId) });
    if (!rows)
        return ApiReply::error(ApiError::fromCore(ApiErrorKind::Internal, rows.error()));
    Protocol::LiveStock live;
    live.productId = productId;
    live.at = QDateTime::currentDateTimeUtc();
    while (rows.value().next()) {
        Protocol::LiveStockFigure figure;
        figure.locationId = rows.value().value(0).toLongLong();
        figure.locationCode = rows.value().value(1).toString();
        figure.onHand = rows.value().value(2).toLongLong();
        figure.held = rows.value().value(3).toLongLong();
        figure.available = Core::availableQuantity(figure.onHand, figure.held);
        const QString asOf = rows.value().value(4).toString();
        // A location that never counted this product: "now" it has none.
        figure.asOf = asOf.isEmpty() ? live.at : fromIso(asOf);
        live.figures.append(figure);
    }
    return ApiReply::json(Protocol::toJson(live));
}

} // namespace Toonbank::Sync::Server
