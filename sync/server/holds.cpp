#include "holds.h"

#include "serverdatabase.h"

#include <QSqlQuery>

namespace Toonbank::Sync::Server {

QString isoUtc(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}

Core::Result<QString> chainSetting(ServerDatabase &db, const QString &key, const QString &fallback)
{
    auto q = db.exec(QStringLiteral("SELECT value FROM chain_settings WHERE key = ?"), { key });
    if (!q)
        return q.error();
    if (q.value().next())
        return q.value().value(0).toString();
    return fallback;
}

Core::Result<int> chainSettingInt(ServerDatabase &db, const QString &key, int fallback)
{
    auto value = chainSetting(db, key, QString());
    if (!value)
        return value.error();
    bool ok = false;
    const int number = value.value().trimmed().toInt(&ok);
    return ok ? number : fallback;
}

Core::Result<int> pickupReleaseDays(ServerDatabase &db, const QString &storeCode)
{
    auto store = chainSettingInt(db, QStringLiteral("pickup.release_days:") + storeCode, -1);
    if (!store)
        return store.error();
    if (store.value() >= 0)
        return store.value();
    return chainSettingInt(db, QStringLiteral("pickup.release_days"), 7);
}

Core::Result<std::optional<HoldRow>> loadHold(ServerDatabase &db, const QString &holdId)
{
    auto q = db.exec(
        QStringLiteral("SELECT h.hold_id, h.purpose, h.product_id, h.location_id, "
                       "COALESCE(l.code, ''), h.quantity, h.status, h.customer_name, "
                       "h.customer_phone, h.code_hash, h.device_id, h.staff_id, h.created_at, "
                       "h.expires_at, h.order_number, h.request_hash FROM holds h LEFT JOIN "
                       "locations l ON l.id = h.location_id WHERE h.hold_id = ?"),
        { holdId });
    if (!q)
        return q.error();
    QSqlQuery &r = q.value();
    if (!r.next())
        return std::optional<HoldRow>();
    HoldRow h;
    h.holdId = r.value(0).toString();
    h.purpose
        = Core::holdPurposeFromName(r.value(1).toString()).value_or(Core::HoldPurpose::Reservation);
    h.productId = r.value(2).toLongLong();
    h.locationId = r.value(3).toLongLong();
    h.locationCode = r.value(4).toString();
    h.quantity = r.value(5).toInt();
    h.status = Core::holdStatusFromName(r.value(6).toString()).value_or(Core::HoldStatus::Held);
    h.customerName = r.value(7).toString();
    h.customerPhone = r.value(8).toString();
    h.codeHash = r.value(9).toString();
    h.deviceId = r.value(10).toString();
    h.staffId = r.value(11).toLongLong();
    h.createdAt = QDateTime::fromString(r.value(12).toString(), Qt::ISODateWithMs);
    h.expiresAt = QDateTime::fromString(r.value(13).toString(), Qt::ISODateWithMs);
    h.orderNumber = r.value(14).toString();
    h.requestHash = r.value(15).toString();
    return std::optional<HoldRow>(h);
}

Core::Status restockUncollected(
    ServerDatabase &db, qint64 orderId, qint64 locationId, const QString &nowText)
{
    auto lines = db.exec(QStringLiteral("SELECT product_id, SUM(quantity - collected_quantity - "
                                        "returned_quantity) FROM web_order_lines WHERE order_id "
                                        "= ? GROUP BY product_id ORDER BY product_id"),
        { orderId });
    if (!lines)
        return lines.error();
    QList<std::pair<qint64, qint64>> units;
    while (lines.value().next()) {
        const qint64 left = lines.value().value(1).toLongLong();
        if (left > 0)
            units.append({ lines.value().value(0).toLongLong(), left });
    }
    lines.value().finish();
    if (units.isEmpty())
        return Core::success();
    auto firstSeq = db.reserveSequence(units.size());
    if (!firstSeq)
        return firstSeq.error();
    qint64 seq = firstSeq.value();
    QList<QVariantList> rows;
    for (const auto &[productId, left] : units)
        rows.append({ productId, locationId, left, nowText, seq++ });
    return db.addStock(rows);
}

Core::Result<bool> closeHeldHold(ServerDatabase &db, const QString &holdId, Core::HoldStatus to,
    const QString &now, const QString &closedBy)
{
    auto seq = db.reserveSequence(2);
    if (!seq)
        return seq.error();
    auto closed = db.exec(
        QStringLiteral("UPDATE holds SET status = ?, closed_at = ?, closed_by = ?, change_seq = ? "
                       "WHERE hold_id = ? AND status = 'held' RETURNING product_id, "
                       "location_id, quantity"),
        { Core::name(to), now, closedBy, seq.value(), holdId });
    if (!closed)
        return closed.error();
    if (!closed.value().next())
        return false;
    const qint64 productId = closed.value().value(0).toLongLong();
    const qint64 locationId = closed.value().value(1).toLongLong();
    const qint64 quantity = closed.value().value(2).toLongLong();
    auto released = db.exec(
        QStringLiteral("UPDATE stock SET held = CASE WHEN held >= ? THEN held - ? ELSE 0 END, "
                       "change_seq = ? WHERE product_id = ? AND location_id = ?"),
        { quantity, quantity, seq.value() + 1, productId, locationId });
    if (!released)
        return released.error();
    return true;
}

Core::Result<int> sweepHolds(ServerDatabase &db, const QDateTime &now)
{
    const QString nowText = isoUtc(now);
    int changed = 0;
    // Holds past their expiry (reservations and unpaid endless-aisle orders).
    QStringList expired;
    {
        auto q = db.exec(QStringLiteral("SELECT hold_id FROM holds WHERE status = 'held' AND "
                                        "expires_at < ? ORDER BY expires_at LIMIT 1000"),
            { nowText });
        if (!q)
            return q.error();
        while (q.value().next())
            expired.append(q.value().value(0).toString());
    }
    // Reservations and ready web orders not collected within the store's release days.
    QList<QPair<qint64, QString>> stores;
    {
        auto q = db.exec(QStringLiteral("SELECT id, code FROM locations WHERE kind = 'store'"));
        if (!q)
            return q.error();
        while (q.value().next())
            stores.append({ q.value().value(0).toLongLong(), q.value().value(1).toString() });
    }
    QList<qint64> overdueOrders;
    for (const auto &[locationId, code] : stores) {
        auto days = pickupReleaseDays(db, code);
        if (!days)
            return days.error();
        const QString cutoff = isoUtc(now.addDays(-days.value()));
        auto holds = db.exec(QStringLiteral("SELECT hold_id FROM holds WHERE location_id = ? AND "
                                            "status = 'held' AND purpose = 'reservation' AND "
                                            "created_at < ? LIMIT 1000"),
            { locationId, cutoff });
        if (!holds)
            return holds.error();
        while (holds.value().next()) {
            const QString id = holds.value().value(0).toString();
            if (!expired.contains(id))
                expired.append(id);
        }
        auto orders = db.exec(
            QStringLiteral("SELECT id FROM web_orders WHERE location_id = ? AND status IN "
                           "('ready', 'partly_collected') AND ready_at <> '' AND ready_at < ? "
                           "LIMIT 1000"),
            { locationId, cutoff });
        if (!orders)
            return orders.error();
        while (orders.value().next())
            overdueOrders.append(orders.value().value(0).toLongLong());
    }
    for (const QString &holdId : std::as_const(expired)) {
        bool closed = false;
        const Core::Status done = db.transaction([&]() -> Core::Status {
            auto result = closeHeldHold(
                db, holdId, Core::HoldStatus::Expired, nowText, QStringLiteral("sweep"));
            if (!result)
                return result.error();
            closed = result.value();
            return Core::success();
        });
        if (!done)
            return done.error();
        changed += closed ? 1 : 0;
    }
    for (const qint64 orderId : std::as_const(overdueOrders)) {
        bool updated = false;
        const Core::Status done = db.transaction([&]() -> Core::Status {
            auto seq = db.reserveSequence(1);
            if (!seq)
                return seq.error();
            auto q = db.exec(QStringLiteral("UPDATE web_orders SET status = 'not_collected', "
                                            "change_seq = ? WHERE id = ? AND status IN "
                                            "('ready', 'partly_collected') RETURNING location_id"),
                { seq.value(), orderId });
            if (!q)
                return q.error();
            updated = q.value().next();
            if (!updated)
                return Core::success(); // another instance's sweep or a tablet was first
            const qint64 locationId = q.value().value(0).toLongLong();
            q.value().finish();
            return restockUncollected(db, orderId, locationId, nowText);
        });
        if (!done)
            return done.error();
        changed += updated ? 1 : 0;
    }
    return changed;
}

} // namespace Toonbank::Sync::Server
