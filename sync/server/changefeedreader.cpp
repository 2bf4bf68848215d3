#include "changefeedreader.h"

#include "promotionrows.h"
#include "serverdatabase.h"

#include "sync/protocol/promotionjson.h"
#include "sync/protocol/stockelsewhere.h"

#include "app/core/pickup.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QSqlRecord>

#include <algorithm>
#include <functional>

namespace Toonbank::Sync::Server {

namespace {

struct Row
{
    qint64 seq = 0;
    QByteArray json;
};

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

/// One array of a page: the query selects (columns..., change_seq) after `since`; the
/// device's location id is bound `scopeBinds` times after `since`.
struct Section
{
    const char *key;
    QString sql;
    int scopeBinds = 0;
    std::function<QByteArray(const QSqlQuery &)> row;
    const char *seqColumn = "change_seq"; // qualified when the query joins
};

struct FeedKindTable
{
    Protocol::FeedKind kind;
    QList<Section> sections;
    QList<const char *> emptyKeys; // arrays always present (empty) for older tablets
};

// The pickups kind (docs/STOCK.md §6): web orders ready (or handed over, or not collected) at
// the device's store, and reservations held there, in any status. Columns: kind ('w' / 'h'),
// reference, web order id, location, status, customer name (a web order: its data document),
// phone, code hash, ready at, expires at, total, product, quantity, change_seq.
const QString pickupsSql = QStringLiteral(
    "WITH s(v) AS (SELECT CAST(? AS BIGINT)) "
    "SELECT 'w' AS k, w.order_number AS ref, w.id AS oid, w.location_id AS loc, w.status AS st, "
    "w.data AS cname, '' AS cphone, w.code_hash AS hash, w.ready_at AS ready, '' AS expires, "
    "w.total_cents AS total, CAST(0 AS BIGINT) AS pid, CAST(0 AS BIGINT) AS qty, w.change_seq "
    "AS change_seq FROM web_orders w, s WHERE w.change_seq > s.v AND w.location_id = ? AND "
    "w.ready_at <> '' AND w.status IN ('ready', 'partly_collected', 'collected', "
    "'not_collected') "
    "UNION ALL SELECT 'h', h.hold_id, CAST(0 AS BIGINT), h.location_id, h.status, "
    "h.customer_name, h.customer_phone, h.code_hash, h.created_at, h.expires_at, "
    "CAST(0 AS BIGINT), h.product_id, CAST(h.quantity AS BIGINT), h.change_seq FROM holds h, s "
    "WHERE h.change_seq > s.v AND h.location_id = ? AND h.purpose = 'reservation'");

Core::PickupStatus pickupStatusOfHold(const QString &status)
{
    switch (Core::holdStatusFromName(status).value_or(Core::HoldStatus::Held)) {
    case Core::HoldStatus::Held:
        return Core::PickupStatus::Ready;
    case Core::HoldStatus::Collected:
        return Core::PickupStatus::Collected;
    case Core::HoldStatus::Released:
        return Core::PickupStatus::NotCollected;
    case Core::HoldStatus::Expired:
        return Core::PickupStatus::Expired;
    case Core::HoldStatus::Cancelled:
    case Core::HoldStatus::Ordered:
        break;
    }
    return Core::PickupStatus::Cancelled;
}

// One row of pickupsSql, read out before the lines are queried (on PostgreSQL a forward-only
// result is fetched row by row: no other statement may run while it is read).
struct PickupSqlRow
{
    QVariantList v;
    QVariant value(int i) const { return v.value(i); }
};

Core::Result<QByteArray> pickupRow(ServerDatabase &db, const PickupSqlRow &q)
{
    Protocol::PickupData p;
    p.reference = q.value(1).toString();
    p.locationId = q.value(3).toLongLong();
    p.codeHash = q.value(7).toString();
    p.readyAt = QDateTime::fromString(q.value(8).toString(), Qt::ISODateWithMs);
    if (q.value(0).toString() == QLatin1String("w")) {
        p.kind = Core::PickupKind::WebOrder;
        p.status
            = Core::pickupStatusFromName(q.value(4).toString()).value_or(Core::PickupStatus::Ready);
        const QJsonObject data = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
        const QJsonObject details = data.value(QStringLiteral("details")).toObject();
        p.customerName = details.value(QStringLiteral("customerName")).toString();
        p.customerPhone = details.value(QStringLiteral("customerPhone")).toString();
        p.totalCents = q.value(10).toLongLong();
        p.paid = true;
        auto lines = db.exec(QStringLiteral("SELECT line_id, product_id, sku, name, quantity, "
                                            "collected_quantity FROM web_order_lines WHERE "
                                            "order_id = ? ORDER BY line_no"),
            { q.value(2).toLongLong() });
        if (!lines)
            return lines.error();
        while (lines.value().next()) {
            const QSqlQuery &l = lines.value();
            p.lines.append({ l.value(0).toString(), l.value(1).toLongLong(), l.value(2).toString(),
                l.value(3).toString(), l.value(4).toInt(), l.value(5).toInt() });
        }
    } else {
        p.kind = Core::PickupKind::Reservation;
        p.status = pickupStatusOfHold(q.value(4).toString());
        p.customerName = q.value(5).toString();
        p.customerPhone = q.value(6).toString();
        p.expiresAt = QDateTime::fromString(q.value(9).toString(), Qt::ISODateWithMs);
        p.paid = false;
        const qint64 productId = q.value(11).toLongLong();
        const int quantity = q.value(12).toInt();
        auto product
            = db.exec(QStringLiteral("SELECT sku, data FROM products WHERE id = ?"), { productId });
        if (!product)
            return product.error();
        Protocol::PickupLineData line { QStringLiteral("1"), productId, QString(), QString(),
            quantity, p.status == Core::PickupStatus::Collected ? quantity : 0 };
        if (product.value().next()) {
            line.sku = product.value().value(0).toString();
            const QJsonObject data
                = QJsonDocument::fromJson(product.value().value(1).toString().toUtf8()).object();
            line.name = data.value(QStringLiteral("name")).toString();
            p.totalCents = qint64(data.value(QStringLiteral("priceCents")).toDouble()) * quantity;
        }
        p.lines.append(line);
    }
    return compact(Protocol::toJson(p));
}

const QList<FeedKindTable> &feedKinds()
{
    static const QList<FeedKindTable> table {
        { Protocol::FeedKind::Catalog,
            {
                { "locations",
                    QStringLiteral(
                        "SELECT id, code, name, kind, address, city, country, latitude, "
                        "longitude, cash_rounding, change_seq, vat_number FROM locations WHERE "
                        "change_seq > ?"),
                    0,
                    [](const QSqlQuery &q) {
                        return compact(Protocol::toJson(Protocol::LocationData {
                            q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                            q.value(3).toString(), q.value(4).toString(), q.value(5).toString(),
                            q.value(6).toString(), q.value(7).toDouble(), q.value(8).toDouble(),
                            q.value(9).toInt() != 0, q.value(11).toString() }));
                    } },
                { "products",
                    QStringLiteral("SELECT data, change_seq FROM products WHERE change_seq > ?"), 0,
                    [](const QSqlQuery &q) { return q.value(0).toString().toUtf8(); } },
                { "stock",
                    QStringLiteral("SELECT product_id, location_id, quantity, as_of, held, "
                                   "change_seq FROM stock WHERE change_seq > ?"),
                    0,
                    // Tablets see what is available: on hand − held (Core::availableQuantity).
                    [](const QSqlQuery &q) {
                        return compact(Protocol::toJson(
                            Protocol::StockData { q.value(0).toLongLong(), q.value(1).toLongLong(),
                                Core::availableQuantity(
                                    q.value(2).toLongLong(), q.value(4).toLongLong()),
                                QDateTime::fromString(q.value(3).toString(), Qt::ISODateWithMs) }));
                    } },
                { "staff",
                    QStringLiteral("SELECT id, code, display_name, role, home_location_id, "
                                   "pin_hash, active, change_seq FROM staff WHERE change_seq > ? "
                                   "AND home_location_id = ?"),
                    1,
                    [](const QSqlQuery &q) {
                        return compact(Protocol::toJson(Protocol::StaffData {
                            q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                            q.value(3).toString(), q.value(4).toLongLong(), q.value(5).toString(),
                            q.value(6).toInt() != 0 }));
                    } },
                { "webOrders",
                    QStringLiteral("SELECT data, change_seq FROM web_orders WHERE change_seq > ? "
                                   "AND location_id = ?"),
                    1, [](const QSqlQuery &q) { return q.value(0).toString().toUtf8(); } },
            },
            { "customers" } },
        { Protocol::FeedKind::Promotions,
            { { "promotions",
                QStringLiteral("SELECT ") + PromotionRows::columns().join(QLatin1Char(','))
                    + QStringLiteral(", change_seq FROM promotions WHERE change_seq > ?"),
                0,
                [](const QSqlQuery &q) {
                    return compact(Protocol::promotionToJson(PromotionRows::fromQuery(q)));
                } } },
            {} },
        { Protocol::FeedKind::Customers,
            { { "customers",
                QStringLiteral(
                    "SELECT c.id, c.card_number, c.name, COALESCE(c.email, ''), "
                    "COALESCE(c.phone, ''), c.points_balance, c.tier, c.lifetime_points, "
                    "COALESCE(l.code, ''), c.consent_email, c.consent_sms, "
                    "c.consent_personalised, c.consent_changed_at, c.last_seen_at, c.change_seq "
                    "FROM customers c LEFT JOIN locations l ON l.id = c.home_location_id "
                    "WHERE c.change_seq > ? AND (c.home_location_id = ? OR "
                    "c.last_seen_location_id = ? OR EXISTS(SELECT 1 FROM sales s WHERE "
                    "s.customer_id = c.id AND s.location_id = ?))"),
                3,
                [](const QSqlQuery &q) {
                    Protocol::CustomerData c;
                    c.id = q.value(0).toLongLong();
                    c.code = q.value(1).toString();
                    c.name = q.value(2).toString();
                    c.email = q.value(3).toString();
                    c.phone = q.value(4).toString();
                    c.loyaltyPoints = q.value(5).toLongLong();
                    c.tier = q.value(6).toString();
                    c.lifetimePoints = q.value(7).toLongLong();
                    c.homeStoreCode = q.value(8).toString();
                    c.consentEmail = q.value(9).toInt() != 0;
                    c.consentSms = q.value(10).toInt() != 0;
                    c.consentPersonalised = q.value(11).toInt() != 0;
                    c.consentChangedAt
                        = QDateTime::fromString(q.value(12).toString(), Qt::ISODateWithMs);
                    c.lastSeenAt = QDateTime::fromString(q.value(13).toString(), Qt::ISODateWithMs);
                    return compact(Protocol::toJson(c));
                },
                "c.change_seq" } },
            {} },
        { Protocol::FeedKind::Pickups, { { "pickups", pickupsSql, 2, {} } }, {} },
    };
    return table;
}

} // namespace

ChangeFeedReader::ChangeFeedReader(ServerDatabase &database)
    : m_db(database)
{ }

std::variant<QByteArray, ApiError> ChangeFeedReader::page(const DeviceIdentity &device,
    Protocol::FeedKind kind, qint64 since, int limit, const FeedWindow &window)
{
    const auto found = std::find_if(feedKinds().cbegin(), feedKinds().cend(),
        [kind](const FeedKindTable &entry) { return entry.kind == kind; });
    if (found == feedKinds().cend())
        return ApiError { ApiErrorKind::BadRequest, QStringLiteral("protocol.unknown_kind"),
            QStringLiteral("unknown feed kind") };
    const QList<Section> &sections = found->sections;
    for (const QString &name : window.only) {
        if (std::none_of(sections.cbegin(), sections.cend(),
                [&name](const Section &s) { return name == QLatin1String(s.key); }))
            return ApiError {
                ApiErrorKind::BadRequest, QStringLiteral("protocol.unknown_section"),
                QStringLiteral("kind %1 has no section %2").arg(Protocol::name(kind), name.left(40))
            };
    }
    auto wanted = [&window](const Section &s) {
        return window.only.isEmpty() || window.only.contains(QLatin1String(s.key));
    };

    // Each section's first `limit` rows after the cursor; the page ends at the limit-th
    // smallest sequence over all sections, so no row is skipped and a page never exceeds it.
    QList<QList<Row>> rows(sections.size());
    std::vector<qint64> seqs;
    bool more = false;
    for (qsizetype k = 0; k < sections.size(); ++k) {
        if (!wanted(sections[k]))
            continue;
        QVariantList params { since };
        for (int i = 0; i < sections[k].scopeBinds; ++i)
            params.append(device.locationId);
        QString upTo;
        if (window.until >= 0) {
            upTo = QStringLiteral(" AND ") + QLatin1String(sections[k].seqColumn)
                + QStringLiteral(" <= ?");
            params.append(window.until);
        }
        params.append(limit + 1);
        auto query = m_db.exec(sections[k].sql + upTo + QStringLiteral(" ORDER BY ")
                + QLatin1String(sections[k].seqColumn) + QStringLiteral(" LIMIT ?"),
            params);
        if (!query)
            return ApiError::fromCore(ApiErrorKind::Internal, query.error());
        QSqlQuery &q = query.value();
        const int seqColumn = q.record().count() - 1;
        // Rows that need a second read (the pickups' lines): read out first, mapped after.
        const bool withLines = qstrcmp(sections[k].key, "pickups") == 0;
        QList<PickupSqlRow> pending;
        while (q.next()) {
            if (withLines) {
                PickupSqlRow row;
                for (int c = 0; c <= seqColumn; ++c)
                    row.v.append(q.value(c));
                pending.append(row);
                continue;
            }
            rows[k].append({ q.value(seqColumn).toLongLong(), sections[k].row(q) });
        }
        q.finish();
        for (const PickupSqlRow &row : std::as_const(pending)) {
            auto json = pickupRow(m_db, row);
            if (!json)
                return ApiError::fromCore(ApiErrorKind::Internal, json.error());
            rows[k].append({ row.value(seqColumn).toLongLong(), json.value() });
        }
        if (rows[k].size() > limit) {
            more = true;
            rows[k].removeLast();
        }
        for (const Row &row : rows[k])
            seqs.push_back(row.seq);
    }

    qint64 next = since;
    if (!seqs.empty()) {
        std::sort(seqs.begin(), seqs.end());
        if (qsizetype(seqs.size()) > limit) {
            more = true;
            next = seqs[size_t(limit) - 1];
        } else {
            next = seqs.back();
        }
    }
    if (!more && window.until > next) {
        // Every row of the window is in this page: the window is read up to `until` (not
        // beyond the head, which a later change would otherwise be skipped behind).
        auto head = m_db.exec(QStringLiteral("SELECT seq FROM feed_head WHERE id = 1"));
        if (!head)
            return ApiError::fromCore(ApiErrorKind::Internal, head.error());
        if (head.value().next())
            next = std::max(next, std::min(window.until, head.value().value(0).toLongLong()));
    }

    QByteArray body;
    body.reserve(1 << 16);
    body += "{\"since\":" + QByteArray::number(since) + ",\"next\":" + QByteArray::number(next)
        + ",\"more\":" + (more ? "true" : "false") + ",\"kind\":\""
        + Protocol::name(kind).toLatin1() + '"';
    for (qsizetype k = 0; k < sections.size(); ++k) {
        body += ",\"" + QByteArray(sections[k].key) + "\":[";
        bool first = true;
        for (const Row &row : rows[k]) {
            if (row.seq > next)
                break;
            if (!first)
                body += ',';
            first = false;
            body += row.json;
        }
        body += ']';
    }
    for (const char *key : found->emptyKeys)
        body += ",\"" + QByteArray(key) + "\":[]";
    body += '}';
    return body;
}

} // namespace Toonbank::Sync::Server
