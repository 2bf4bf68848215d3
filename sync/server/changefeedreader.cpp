#include "changefeedreader.h"

#include "promotionrows.h"
#include "serverdatabase.h"

#include "sync/protocol/promotionjson.h"

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
                    QStringLiteral("SELECT product_id, location_id, quantity, as_of, change_seq "
                                   "FROM stock WHERE change_seq > ?"),
                    0,
                    [](const QSqlQuery &q) {
                        return compact(
                            Protocol::toJson(Protocol::StockData { q.value(0).toLongLong(),
                                q.value(1).toLongLong(), q.value(2).toLongLong(),
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
        while (q.next())
            rows[k].append({ q.value(seqColumn).toLongLong(), sections[k].row(q) });
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
