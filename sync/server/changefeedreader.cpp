#include "changefeedreader.h"

#include "serverdatabase.h"

#include "sync/protocol/changefeed.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QSqlRecord>

#include <algorithm>
#include <array>

namespace Toonbank::Sync::Server {

namespace {

struct Kind
{
    const char *key; // field of the page
    QString sql; // selects (document columns..., change_seq) after `since`, scoped
    bool scoped = false; // binds the device's location
};

struct Row
{
    qint64 seq = 0;
    QByteArray json;
};

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

ChangeFeedReader::ChangeFeedReader(ServerDatabase &database)
    : m_db(database)
{ }

std::variant<QByteArray, ApiError> ChangeFeedReader::page(
    const DeviceIdentity &device, qint64 since, int limit)
{
    const std::array<Kind, 6> kinds { {
        { "locations",
            QStringLiteral(
                "SELECT id, code, name, kind, address, city, country, latitude, longitude, "
                "cash_rounding, change_seq FROM locations WHERE change_seq > ?") },
        { "products",
            QStringLiteral("SELECT data, change_seq FROM products WHERE change_seq > ?") },
        { "stock",
            QStringLiteral("SELECT product_id, location_id, quantity, as_of, change_seq FROM stock "
                           "WHERE change_seq > ?") },
        { "staff",
            QStringLiteral("SELECT id, code, display_name, role, home_location_id, pin_hash, "
                           "active, change_seq "
                           "FROM staff WHERE change_seq > ? AND home_location_id = ?"),
            true },
        { "customers",
            QStringLiteral("SELECT data, change_seq FROM customers WHERE change_seq > ?") },
        { "webOrders",
            QStringLiteral(
                "SELECT data, change_seq FROM web_orders WHERE change_seq > ? AND location_id = ?"),
            true },
    } };

    // Each kind's first `limit` rows after the cursor; the page ends at the limit-th smallest
    // sequence over all kinds, so no row is skipped and a page never exceeds the limit.
    std::array<QList<Row>, 6> rows;
    std::vector<qint64> seqs;
    bool more = false;
    for (size_t k = 0; k < kinds.size(); ++k) {
        QVariantList params { since };
        if (kinds[k].scoped)
            params.append(device.locationId);
        params.append(limit + 1);
        auto query
            = m_db.exec(kinds[k].sql + QStringLiteral(" ORDER BY change_seq LIMIT ?"), params);
        if (!query)
            return ApiError::fromCore(ApiErrorKind::Internal, query.error());
        QSqlQuery &q = query.value();
        const int seqColumn = q.record().count() - 1;
        while (q.next()) {
            Row row;
            row.seq = q.value(seqColumn).toLongLong();
            switch (k) {
            case 0:
                row.json
                    = compact(Protocol::toJson(Protocol::LocationData { q.value(0).toLongLong(),
                        q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                        q.value(4).toString(), q.value(5).toString(), q.value(6).toString(),
                        q.value(7).toDouble(), q.value(8).toDouble(), q.value(9).toInt() != 0 }));
                break;
            case 2:
                row.json = compact(Protocol::toJson(Protocol::StockData { q.value(0).toLongLong(),
                    q.value(1).toLongLong(), q.value(2).toLongLong(),
                    QDateTime::fromString(q.value(3).toString(), Qt::ISODateWithMs) }));
                break;
            case 3:
                row.json = compact(Protocol::toJson(Protocol::StaffData { q.value(0).toLongLong(),
                    q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                    q.value(4).toLongLong(), q.value(5).toString(), q.value(6).toInt() != 0 }));
                break;
            default:
                row.json = q.value(0).toString().toUtf8();
                break;
            }
            rows[k].append(std::move(row));
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

    QByteArray body;
    body.reserve(1 << 16);
    body += "{\"since\":" + QByteArray::number(since) + ",\"next\":" + QByteArray::number(next)
        + ",\"more\":" + (more ? "true" : "false");
    for (size_t k = 0; k < kinds.size(); ++k) {
        body += ",\"" + QByteArray(kinds[k].key) + "\":[";
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
    body += '}';
    return body;
}

} // namespace Toonbank::Sync::Server
