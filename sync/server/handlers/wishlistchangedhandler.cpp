#include "wishlistchangedhandler.h"

#include "customerref.h"

#include "sync/server/serverdatabase.h"

#include <QSqlQuery>

namespace Toonbank::Sync::Server {

namespace {

struct WishlistChange
{
    CustomerRef customer;
    qint64 productId = 0;
    bool add = true;
    QDateTime changedAt;
};

} // namespace

Core::Result<std::any> WishlistChangedHandler::parse(
    const DeviceIdentity &, const Protocol::EventEnvelope &envelope) const
{
    Protocol::JsonReader r(envelope.payload, QStringLiteral("wishlist_changed"));
    WishlistChange w;
    w.customer.read(r);
    w.productId = r.integer(QStringLiteral("productId"), true, 1);
    const QString action = r.string(QStringLiteral("action"));
    w.changedAt = r.timestamp(QStringLiteral("changedAt"));
    r.rejectUnknownFields();
    if (r.ok() && action != QLatin1String("add") && action != QLatin1String("remove"))
        r.fail(
            QStringLiteral("protocol.bad_value"), QStringLiteral("action must be add or remove"));
    if (!r.ok())
        return r.error();
    w.add = action == QLatin1String("add");
    return std::any(w);
}

Core::Status WishlistChangedHandler::check(BatchContext &context, const QList<BatchEvent *> &events)
{
    for (BatchEvent *event : events) {
        const auto &w = event->as<WishlistChange>();
        Core::Result<bool> known = w.customer.knownFor(context, *event);
        if (!known)
            return known.error();
        if (!known.value()) {
            event->reject(QStringLiteral("customer.unknown"),
                QStringLiteral("wishlist of a customer the server does not know"));
            continue;
        }
        auto product = context.db.exec(
            QStringLiteral("SELECT 1 FROM products WHERE id = ?"), { w.productId });
        if (!product)
            return product.error();
        if (!product.value().next())
            event->reject(QStringLiteral("sale.unknown_product"),
                QStringLiteral("product %1 is unknown").arg(w.productId));
    }
    return Core::success();
}

Core::Status WishlistChangedHandler::apply(BatchContext &context, const QList<BatchEvent *> &events)
{
    for (BatchEvent *event : events) {
        const auto &w = event->as<WishlistChange>();
        Core::Result<qint64> id = w.customer.resolve(context.db);
        if (!id)
            return id.error();
        auto done = w.add
            ? context.db.exec(
                QStringLiteral("INSERT INTO wishlist(customer_id, product_id, added_at, "
                               "location_id) VALUES (?, ?, ?, ?) ON CONFLICT(customer_id, "
                               "product_id) DO NOTHING"),
                { id.value(), w.productId, w.changedAt.toUTC().toString(Qt::ISODateWithMs),
                    context.device.locationId })
            : context.db.exec(
                QStringLiteral("DELETE FROM wishlist WHERE customer_id = ? AND product_id = ?"),
                { id.value(), w.productId });
        if (!done)
            return done.error();
        event->result.serverId = id.value();
    }
    return Core::success();
}

} // namespace Toonbank::Sync::Server
