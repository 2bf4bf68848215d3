#include "catalog.h"

#include "localdatabase.h"
#include "searchrank.h"
#include "sqlitestatement.h"
#include "storeerrors.h"

#include "app/core/barcode.h"
#include "app/core/tr.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>

namespace Toonbank::Store {

using Internal::Statement;
using Internal::StatementScope;

namespace {

// The columns every ProductSummary is read from, in this order. The promo price comes back
// only while the promotion runs on the bound day (?today, ISO text compares in date order).
#define TOONBANK_SUMMARY_COLUMNS                                                                   \
    "p.id, p.sku, p.name, p.brand, p.vat_class, p.price_cents, "                                   \
    "CASE WHEN p.promo_price_cents IS NOT NULL "                                                   \
    " AND (p.promo_from IS NULL OR p.promo_from <= :today) "                                       \
    " AND (p.promo_until IS NULL OR p.promo_until >= :today) THEN p.promo_price_cents END, "       \
    "s.quantity, p.category, p.image_ref"

#define TOONBANK_STOCK_HERE_JOIN                                                                   \
    " LEFT JOIN stock s ON s.product_id = p.id AND s.location_id = :here "

// A prefix query on a very common word ("jea*") can match a quarter of a million products;
// ranking every one costs ~0.5 µs. Beyond this many matches we rank the first ones by id and
// let the next keystroke narrow the set: the answer stays within the keystroke budget.
constexpr int searchCandidateCap = 3000;
constexpr int maxSearchTokens = 8;
constexpr int maxTokenLength = 48;

ProductSummary readSummary(const Statement &row)
{
    ProductSummary summary;
    summary.id = row.int64(0);
    summary.sku = row.text(1);
    summary.name = row.text(2);
    summary.brand = row.text(3);
    summary.vatClass = row.text(4);
    summary.price = Core::Money::fromCents(row.int64(5));
    if (!row.isNull(6))
        summary.promoPrice = Core::Money::fromCents(row.int64(6));
    summary.stockHereKnown = !row.isNull(7);
    summary.stockHere = summary.stockHereKnown ? row.integer(7) : 0;
    summary.category = row.text(8);
    summary.imageRef = row.text(9);
    return summary;
}

Location readLocation(const Statement &row, int first)
{
    Location location;
    location.id = row.int64(first);
    location.code = row.text(first + 1);
    location.name = row.text(first + 2);
    location.kind = row.text(first + 3) == QLatin1String("web_warehouse")
        ? LocationKind::WebWarehouse
        : LocationKind::Store;
    location.address = row.text(first + 4);
    location.city = row.text(first + 5);
    location.country = row.text(first + 6);
    location.latitude = row.real(first + 7);
    location.longitude = row.real(first + 8);
    location.cashRounding = row.integer(first + 9) != 0;
    location.vatNumber = row.text(first + 10);
    return location;
}

#define TOONBANK_LOCATION_COLUMNS                                                                  \
    "l.id, l.code, l.name, l.kind, l.address, l.city, l.country, l.latitude, l.longitude, "        \
    "l.cash_rounding, l.vat_number"

QDate parseDate(const QString &text)
{
    return text.isEmpty() ? QDate() : QDate::fromString(text, Qt::ISODate);
}

/// Turns what staff typed into a safe FTS5 query: split exactly where the unicode61 tokenizer
/// splits (anything not a letter, digit or mark), quote each word, make it a prefix, AND them.
/// No FTS5 operator, quote or parenthesis survives, so no input can make the query fail.
QString ftsQuery(const QString &text)
{
    QStringList tokens;
    QString current;
    auto flush = [&] {
        if (!current.isEmpty() && tokens.size() < maxSearchTokens)
            tokens.append(current.left(maxTokenLength));
        current.clear();
    };
    for (const QChar ch : text) {
        if (ch.isLetterOrNumber() || ch.isMark())
            current.append(ch);
        else
            flush();
    }
    flush();
    QString query;
    for (const QString &token : std::as_const(tokens)) {
        if (!query.isEmpty())
            query += QLatin1String(" AND ");
        query += QLatin1Char('"') + token + QLatin1String("\"*");
    }
    return query;
}

} // namespace

struct Catalog::Private
{
    Statement byBarcode;
    Statement bySku;
    Statement search;
    Statement product;
    Statement barcodesOf;
    Statement variants;
    Statement stock;
    Statement locations;
    Statement location;
    QString prepareError;

    bool customRank = false;

    bool prepareAll(sqlite3 *db)
    {
        customRank = Internal::registerSearchRank(db);
        struct
        {
            Statement *statement;
            const char *sql;
        } const all[] = {
            { &byBarcode,
                "SELECT " TOONBANK_SUMMARY_COLUMNS
                " FROM barcodes b JOIN products p ON p.id = b.product_id" TOONBANK_STOCK_HERE_JOIN
                "WHERE b.code = :code" },
            { &bySku,
                "SELECT " TOONBANK_SUMMARY_COLUMNS " FROM products p" TOONBANK_STOCK_HERE_JOIN
                "WHERE p.sku IN (:sku, :skuUpper)" },
            // Column weights: sku 1, name 10, brand 6 — a word in the name or brand ranks far
            // above the same letters in a SKU; lower is better. The candidates are ranked and
            // cut to :limit before the join, so only the rows shown are read from products.
            { &search,
                customRank
                    ? "SELECT " TOONBANK_SUMMARY_COLUMNS " FROM (SELECT id, score FROM"
                      " (SELECT rowid AS id, toonbank_rank(product_search, 1.0, 10.0, 6.0) AS score"
                      "  FROM product_search WHERE product_search MATCH :match LIMIT :cap)"
                      " ORDER BY score, id LIMIT :limit) hits"
                      " JOIN products p ON p.id = hits.id" TOONBANK_STOCK_HERE_JOIN
                      "ORDER BY hits.score, p.id"
                    : "SELECT " TOONBANK_SUMMARY_COLUMNS " FROM (SELECT id, score FROM"
                      " (SELECT rowid AS id, bm25(product_search, 1.0, 10.0, 6.0) AS score"
                      "  FROM product_search WHERE product_search MATCH :match LIMIT :cap)"
                      " ORDER BY score, id LIMIT :limit) hits"
                      " JOIN products p ON p.id = hits.id" TOONBANK_STOCK_HERE_JOIN
                      "ORDER BY hits.score, p.id" },
            { &product,
                "SELECT id, sku, name, brand, category, description, vat_class, price_cents,"
                " promo_price_cents, promo_from, promo_until, attributes, variant_group,"
                " variant_label, rating_tenths, review_count, image_ref, web_delivery_days"
                " FROM products WHERE id = :id" },
            { &barcodesOf,
                // The codes the product lists (schema v8) that are still its own.
                "SELECT b.code FROM products p, json_each(p.barcodes) j JOIN barcodes b ON "
                "b.code = j.value WHERE p.id = :id AND b.product_id = p.id ORDER BY b.position, "
                "b.code" },
            { &variants,
                "SELECT id, sku, variant_label FROM products"
                " WHERE variant_group = :group ORDER BY id" },
            { &stock,
                "SELECT " TOONBANK_LOCATION_COLUMNS ", s.quantity, s.as_of"
                " FROM stock s JOIN locations l ON l.id = s.location_id"
                " WHERE s.product_id = :id" },
            { &locations, "SELECT " TOONBANK_LOCATION_COLUMNS " FROM locations l ORDER BY l.id" },
            { &location, "SELECT " TOONBANK_LOCATION_COLUMNS " FROM locations l WHERE l.id = :id" },
        };
        for (const auto &entry : all) {
            if (entry.statement->prepare(db, entry.sql) != SQLITE_OK) {
                prepareError = QString::fromUtf8(sqlite3_errmsg(db));
                return false;
            }
        }
        return true;
    }
};

Catalog::Catalog(LocalDatabase &database, qint64 hereLocationId)
    : m_db(database)
    , m_here(hereLocationId)
    , d(std::make_unique<Private>())
{
    sqlite3 *handle = m_db.rawHandle();
    if (handle)
        d->prepareAll(handle);
    else
        d->prepareError = QStringLiteral("database not open");
}

Catalog::~Catalog() = default;

namespace {

void bindSummaryContext(Statement &statement, QDate today, qint64 here)
{
    sqlite3_stmt *stmt = statement.handle();
    statement.bind(sqlite3_bind_parameter_index(stmt, ":today"), today.toString(Qt::ISODate));
    statement.bind(sqlite3_bind_parameter_index(stmt, ":here"), here);
}

} // namespace

Core::Result<ProductSummary> Catalog::findByBarcode(const QString &scanned, QDate today) const
{
    const auto barcode = Core::Barcode::parse(scanned);
    if (!barcode)
        return barcode.error();
    if (!d->byBarcode.isValid())
        return Internal::queryFailed(d->prepareError);

    Statement &statement = d->byBarcode;
    StatementScope scope(statement);
    bindSummaryContext(statement, today, m_here);
    statement.bind(sqlite3_bind_parameter_index(statement.handle(), ":code"), barcode->lookupKey());
    const int rc = statement.step();
    if (rc == SQLITE_ROW)
        return readSummary(statement);
    if (rc != SQLITE_DONE)
        return Internal::queryFailed(statement.errorMessage());
    return Core::Error::make(QStringLiteral("barcode.unknown"),
        Core::Tr::tr("No product has the barcode %1.").arg(barcode->code()));
}

Core::Result<QList<ProductSummary>> Catalog::search(
    const QString &text, QDate today, int limit) const
{
    QList<ProductSummary> hits;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || limit <= 0)
        return hits;
    if (!d->search.isValid())
        return Internal::queryFailed(d->prepareError);

    QSet<qint64> seen;
    auto addUnique = [&](ProductSummary summary) {
        if (!seen.contains(summary.id) && hits.size() < limit) {
            seen.insert(summary.id);
            hits.append(std::move(summary));
        }
    };

    // A whole barcode typed or pasted into the search box finds its product first.
    const bool allDigits
        = std::all_of(trimmed.cbegin(), trimmed.cend(), [](QChar ch) { return ch.isDigit(); });
    if (allDigits && (trimmed.size() == 8 || trimmed.size() == 12 || trimmed.size() == 13)) {
        if (auto hit = findByBarcode(trimmed, today))
            addUnique(std::move(hit).value());
    }

    // An exact SKU next (typed in any case).
    {
        Statement &statement = d->bySku;
        StatementScope scope(statement);
        bindSummaryContext(statement, today, m_here);
        statement.bind(sqlite3_bind_parameter_index(statement.handle(), ":sku"), trimmed);
        statement.bind(
            sqlite3_bind_parameter_index(statement.handle(), ":skuUpper"), trimmed.toUpper());
        if (!statement.forEachRow([&] { addUnique(readSummary(statement)); }))
            return Internal::queryFailed(statement.errorMessage());
    }

    const QString match = ftsQuery(trimmed);
    if (match.isEmpty() || hits.size() >= limit)
        return hits;

    Statement &statement = d->search;
    StatementScope scope(statement);
    sqlite3_stmt *stmt = statement.handle();
    bindSummaryContext(statement, today, m_here);
    statement.bind(sqlite3_bind_parameter_index(stmt, ":match"), match);
    statement.bind(sqlite3_bind_parameter_index(stmt, ":cap"), qMax(searchCandidateCap, limit));
    statement.bind(sqlite3_bind_parameter_index(stmt, ":limit"), limit);
    if (!statement.forEachRow([&] { addUnique(readSummary(statement)); }))
        return Internal::queryFailed(statement.errorMessage());
    return hits;
}

Core::Result<ProductDetail> Catalog::product(qint64 productId) const
{
    if (!d->product.isValid())
        return Internal::queryFailed(d->prepareError);

    ProductDetail detail;
    ProductRecord &record = detail.record;
    {
        Statement &statement = d->product;
        StatementScope scope(statement);
        statement.bind(1, productId);
        const int rc = statement.step();
        if (rc == SQLITE_DONE) {
            return Core::Error::make(QStringLiteral("product.unknown"),
                Core::Tr::tr("This product is no longer in the catalog."),
                QStringLiteral("product id %1").arg(productId));
        }
        if (rc != SQLITE_ROW)
            return Internal::queryFailed(statement.errorMessage());
        record.id = statement.int64(0);
        record.sku = statement.text(1);
        record.name = statement.text(2);
        record.brand = statement.text(3);
        record.category = statement.text(4);
        record.description = statement.text(5);
        record.vatClass = statement.text(6);
        record.price = Core::Money::fromCents(statement.int64(7));
        if (!statement.isNull(8))
            record.promoPrice = Core::Money::fromCents(statement.int64(8));
        record.promoFrom = parseDate(statement.text(9));
        record.promoUntil = parseDate(statement.text(10));
        const QJsonArray pairs = QJsonDocument::fromJson(statement.text(11).toUtf8()).array();
        for (const auto &pair : pairs) {
            const QJsonArray kv = pair.toArray();
            if (kv.size() == 2)
                record.attributes.append({ kv.at(0).toString(), kv.at(1).toString() });
        }
        record.variantGroup = statement.text(12);
        record.variantLabel = statement.text(13);
        record.ratingTenths = statement.integer(14);
        record.reviewCount = statement.integer(15);
        record.imageRef = statement.text(16);
        record.webDeliveryDays = statement.integer(17);
    }
    {
        Statement &statement = d->barcodesOf;
        StatementScope scope(statement);
        statement.bind(1, productId);
        if (!statement.forEachRow([&] { record.barcodes.append(statement.text(0)); }))
            return Internal::queryFailed(statement.errorMessage());
    }
    if (!record.variantGroup.isEmpty()) {
        Statement &statement = d->variants;
        StatementScope scope(statement);
        statement.bind(1, record.variantGroup);
        const auto readVariant = [&] {
            detail.variants.append({ statement.int64(0), statement.text(1), statement.text(2) });
        };
        if (!statement.forEachRow(readVariant))
            return Internal::queryFailed(statement.errorMessage());
    }
    return detail;
}

Core::Result<QList<StockFigure>> Catalog::stockEverywhere(qint64 productId) const
{
    if (!d->stock.isValid())
        return Internal::queryFailed(d->prepareError);
    const auto here = location(m_here);

    QList<StockFigure> figures;
    Statement &statement = d->stock;
    StatementScope scope(statement);
    statement.bind(1, productId);
    const bool complete = statement.forEachRow([&] {
        StockFigure figure;
        figure.location = readLocation(statement, 0);
        figure.quantity = statement.integer(11);
        figure.asOf = QDateTime::fromSecsSinceEpoch(statement.int64(12), Qt::UTC);
        if (here && figure.location.id != m_here) {
            figure.distanceKm = distanceKm(here->latitude, here->longitude,
                figure.location.latitude, figure.location.longitude);
        }
        figures.append(std::move(figure));
    });
    if (!complete)
        return Internal::queryFailed(statement.errorMessage());

    // Here first, then the other stores nearest first, then the web warehouse(s).
    const auto rank = [this](const StockFigure &figure) {
        if (figure.location.id == m_here)
            return 0;
        return figure.location.kind == LocationKind::Store ? 1 : 2;
    };
    std::stable_sort(
        figures.begin(), figures.end(), [&](const StockFigure &a, const StockFigure &b) {
            if (rank(a) != rank(b))
                return rank(a) < rank(b);
            if (a.distanceKm != b.distanceKm)
                return a.distanceKm < b.distanceKm;
            return a.location.id < b.location.id;
        });
    return figures;
}

Core::Result<int> Catalog::writeStock(qint64 productId, const QList<StockUpdate> &figures)
{
    int written = 0;
    const Core::Status status = m_db.transaction([&]() -> Core::Status {
        QSqlQuery query(m_db.connection());
        query.prepare(QStringLiteral(
            "INSERT INTO stock(product_id, location_id, quantity, as_of) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(product_id, location_id) DO UPDATE SET quantity = excluded.quantity, "
            "as_of = excluded.as_of WHERE excluded.as_of > stock.as_of"));
        for (const StockUpdate &figure : figures) {
            query.addBindValue(productId);
            query.addBindValue(figure.locationId);
            query.addBindValue(figure.quantity);
            query.addBindValue(figure.asOf.toSecsSinceEpoch());
            if (!query.exec())
                return Internal::queryFailed(query.lastError().text());
            written += query.numRowsAffected() > 0 ? 1 : 0;
        }
        return Core::success();
    });
    if (!status)
        return status.error();
    return written;
}

Core::Result<QList<Location>> Catalog::locations() const
{
    if (!d->locations.isValid())
        return Internal::queryFailed(d->prepareError);
    QList<Location> all;
    Statement &statement = d->locations;
    StatementScope scope(statement);
    if (!statement.forEachRow([&] { all.append(readLocation(statement, 0)); }))
        return Internal::queryFailed(statement.errorMessage());
    return all;
}

Core::Result<Location> Catalog::location(qint64 locationId) const
{
    if (!d->location.isValid())
        return Internal::queryFailed(d->prepareError);
    Statement &statement = d->location;
    StatementScope scope(statement);
    statement.bind(1, locationId);
    const int rc = statement.step();
    if (rc == SQLITE_ROW)
        return readLocation(statement, 0);
    if (rc != SQLITE_DONE)
        return Internal::queryFailed(statement.errorMessage());
    return Core::Error::make(QStringLiteral("location.unknown"),
        Core::Tr::tr("This store is not in the chain's list of locations."),
        QStringLiteral("location id %1").arg(locationId));
}

double distanceKm(double lat1, double lon1, double lat2, double lon2)
{
    constexpr double earthRadiusKm = 6371.0088; // mean radius (IUGG)
    constexpr double degToRad = M_PI / 180.0;
    const double dLat = (lat2 - lat1) * degToRad;
    const double dLon = (lon2 - lon1) * degToRad;
    const double a = std::sin(dLat / 2) * std::sin(dLat / 2)
        + std::cos(lat1 * degToRad) * std::cos(lat2 * degToRad) * std::sin(dLon / 2)
            * std::sin(dLon / 2);
    return 2 * earthRadiusKm * std::asin(std::min(1.0, std::sqrt(a)));
}

} // namespace Toonbank::Store
