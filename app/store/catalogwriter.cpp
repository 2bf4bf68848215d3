#include "catalogwriter.h"

#include "localdatabase.h"
#include "sqlitestatement.h"
#include "storeerrors.h"

#include "app/core/barcode.h"
#include "app/core/tr.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <vector>

namespace Toonbank::Store {

using Internal::Statement;
using Internal::StatementScope;

struct CatalogWriter::Private
{
    sqlite3 *db = nullptr;
    bool active = false;
    // First load into an empty catalog: the FTS index is built once at commit ('rebuild'
    // reads products in rowid order and writes each index segment once — several times faster
    // than a million single-row FTS inserts, and nothing needs deleting). Later upserts from
    // the sync pull keep the index in step row by row instead.
    bool bulk = false;
    bool productsWritten = false;

    Statement oldSearchText;
    Statement searchDelete;
    Statement searchInsert;
    Statement barcodesDelete;
    Statement product;
    Statement barcode;
    Statement stock;
    Statement location;
    Statement staff;

    // Bulk loads buffer stock rows and write them stockBatchRows at a time with one multi-row
    // INSERT: 13 million single-row steps cost more in statement overhead than in b-tree work.
    static constexpr int stockBatchRows = 64;
    struct StockRow
    {
        qint64 productId;
        qint64 locationId;
        int quantity;
        qint64 asOf;
    };
    std::vector<StockRow> pendingStock;
    Statement stockBatch;
    QByteArray stockBatchSql;

    Core::Status flushStock()
    {
        if (pendingStock.empty())
            return Core::success();
        if (int(pendingStock.size()) == stockBatchRows) {
            int index = 0;
            for (const StockRow &row : pendingStock) {
                stockBatch.bind(++index, row.productId);
                stockBatch.bind(++index, row.locationId);
                stockBatch.bind(++index, row.quantity);
                stockBatch.bind(++index, row.asOf);
            }
            pendingStock.clear();
            return run(stockBatch);
        }
        for (const StockRow &row : pendingStock) {
            stock.bind(1, row.productId);
            stock.bind(2, row.locationId);
            stock.bind(3, row.quantity);
            stock.bind(4, row.asOf);
            if (auto status = run(stock); !status)
                return status;
        }
        pendingStock.clear();
        return Core::success();
    }

    Core::Status exec(const char *sql)
    {
        char *message = nullptr;
        if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
            const QString detail = QString::fromUtf8(message ? message : sqlite3_errmsg(db));
            sqlite3_free(message);
            return Internal::queryFailed(detail);
        }
        return Core::success();
    }

    Core::Status prepareAll()
    {
        struct
        {
            Statement *statement;
            const char *sql;
        } const all[] = {
            { &oldSearchText, "SELECT sku, name, brand FROM products WHERE id = ?1" },
            { &searchDelete,
                "INSERT INTO product_search(product_search, rowid, sku, name, brand)"
                " VALUES('delete', ?1, ?2, ?3, ?4)" },
            { &searchInsert,
                "INSERT INTO product_search(rowid, sku, name, brand) VALUES(?1, ?2, ?3, ?4)" },
            // The codes the product listed until now (schema v8: no index by product); one
            // that moved to another product since stays with that product.
            { &barcodesDelete,
                "DELETE FROM barcodes WHERE code IN (SELECT value FROM json_each((SELECT "
                "barcodes FROM products WHERE id = ?1))) AND product_id = ?1" },
            // Upsert, never INSERT OR REPLACE: REPLACE deletes the row first, and the
            // ON DELETE CASCADE would take the product's barcodes with it.
            { &product,
                "INSERT INTO products(id, sku, name, brand, category, description, vat_class,"
                " price_cents, promo_price_cents, promo_from, promo_until, attributes, "
                "variant_group,"
                " variant_label, rating_tenths, review_count, image_ref, web_delivery_days,"
                " barcodes)"
                " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
                "?17, ?18, ?19)"
                " ON CONFLICT(id) DO UPDATE SET sku = excluded.sku, name = excluded.name,"
                " brand = excluded.brand, category = excluded.category,"
                " description = excluded.description, vat_class = excluded.vat_class,"
                " price_cents = excluded.price_cents, promo_price_cents = "
                "excluded.promo_price_cents,"
                " promo_from = excluded.promo_from, promo_until = excluded.promo_until,"
                " attributes = excluded.attributes, variant_group = excluded.variant_group,"
                " variant_label = excluded.variant_label, rating_tenths = excluded.rating_tenths,"
                " review_count = excluded.review_count, image_ref = excluded.image_ref,"
                " web_delivery_days = excluded.web_delivery_days, barcodes = excluded.barcodes" },
            // A code moved to another product (a supplier reused it) follows the newest record.
            { &barcode,
                "INSERT INTO barcodes(code, product_id, kind, position) VALUES(?1, ?2, ?3, ?4)"
                " ON CONFLICT(code) DO UPDATE SET product_id = excluded.product_id,"
                " kind = excluded.kind, position = excluded.position" },
            { &stock,
                "INSERT INTO stock(product_id, location_id, quantity, as_of) VALUES(?1, ?2, ?3, ?4)"
                " ON CONFLICT(product_id, location_id) DO UPDATE SET"
                " quantity = excluded.quantity, as_of = excluded.as_of" },
            { &location,
                "INSERT INTO locations(id, code, name, kind, address, city, country,"
                " latitude, longitude, cash_rounding, vat_number)"
                " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
                " ON CONFLICT(id) DO UPDATE SET code = excluded.code, name = excluded.name,"
                " kind = excluded.kind, address = excluded.address, city = excluded.city,"
                " country = excluded.country, latitude = excluded.latitude,"
                " longitude = excluded.longitude, cash_rounding = excluded.cash_rounding,"
                " vat_number = excluded.vat_number" },
            // A new PIN hash clears the failure count and the lock; anything else keeps them.
            { &staff,
                "INSERT INTO staff(id, code, display_name, role, home_location_id, pin_hash, "
                "active)"
                " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                " ON CONFLICT(id) DO UPDATE SET code = excluded.code,"
                " display_name = excluded.display_name, role = excluded.role,"
                " home_location_id = excluded.home_location_id, active = excluded.active,"
                " failed_attempts = CASE WHEN pin_hash = excluded.pin_hash"
                "   THEN failed_attempts ELSE 0 END,"
                " locked_until = CASE WHEN pin_hash = excluded.pin_hash"
                "   THEN locked_until ELSE NULL END,"
                " pin_hash = excluded.pin_hash" },
        };
        for (const auto &entry : all) {
            if (entry.statement->prepare(db, entry.sql) != SQLITE_OK)
                return Internal::queryFailed(QString::fromUtf8(sqlite3_errmsg(db)));
        }
        stockBatchSql
            = "INSERT INTO stock(product_id, location_id, quantity, as_of) VALUES(?, ?, ?, ?)";
        for (int i = 1; i < stockBatchRows; ++i)
            stockBatchSql += ", (?, ?, ?, ?)";
        stockBatchSql += " ON CONFLICT(product_id, location_id) DO UPDATE SET"
                         " quantity = excluded.quantity, as_of = excluded.as_of";
        if (stockBatch.prepare(db, stockBatchSql.constData()) != SQLITE_OK)
            return Internal::queryFailed(QString::fromUtf8(sqlite3_errmsg(db)));
        pendingStock.reserve(stockBatchRows);
        return Core::success();
    }

    // Every statement here binds all its parameters on each use, so a plain sqlite3_reset is
    // enough (no clear_bindings).
    Core::Status run(Statement &statement)
    {
        const int rc = statement.step();
        sqlite3_reset(statement.handle());
        if (rc != SQLITE_DONE && rc != SQLITE_ROW)
            return Internal::queryFailed(QString::fromUtf8(sqlite3_errmsg(db)));
        return Core::success();
    }
};

namespace {

Core::Status notActive()
{
    return Internal::queryFailed(QStringLiteral("CatalogWriter used outside begin()/commit()"));
}

QString attributesJson(const QList<QPair<QString, QString>> &attributes)
{
    QJsonArray pairs;
    for (const auto &[key, value] : attributes)
        pairs.append(QJsonArray { key, value });
    return QString::fromUtf8(QJsonDocument(pairs).toJson(QJsonDocument::Compact));
}

} // namespace

CatalogWriter::CatalogWriter(LocalDatabase &database)
    : m_db(database)
    , d(std::make_unique<Private>())
{ }

CatalogWriter::~CatalogWriter()
{
    rollback();
}

Core::Status CatalogWriter::begin()
{
    if (d->active)
        return Internal::queryFailed(QStringLiteral("CatalogWriter::begin() called twice"));
    d->db = m_db.rawHandle();
    if (!d->db)
        return Internal::queryFailed(QStringLiteral("database not open"));
    if (!d->product.isValid()) {
        if (auto status = d->prepareAll(); !status)
            return status;
    }
    if (auto status = d->exec("BEGIN IMMEDIATE"); !status)
        return status;
    d->active = true;
    d->productsWritten = false;

    Statement any;
    any.prepare(d->db, "SELECT EXISTS(SELECT 1 FROM products)");
    d->bulk = any.step() == SQLITE_ROW && any.integer(0) == 0;
    if (d->bulk) {
        // A first load touches the barcode b-tree in random order: a bigger page cache
        // for the duration keeps it from thrashing. Restored at commit/rollback.
        (void)d->exec("PRAGMA cache_size=-262144");
    }
    return Core::success();
}

Core::Status CatalogWriter::upsertLocation(const Location &location)
{
    if (!d->active)
        return notActive();
    Statement &s = d->location;
    s.bind(1, location.id);
    s.bind(2, location.code);
    s.bind(3, location.name);
    s.bind(4,
        location.kind == LocationKind::WebWarehouse ? QStringLiteral("web_warehouse")
                                                    : QStringLiteral("store"));
    s.bind(5, location.address);
    s.bind(6, location.city);
    s.bind(7, location.country);
    s.bind(8, location.latitude);
    s.bind(9, location.longitude);
    s.bind(10, location.cashRounding ? 1 : 0);
    s.bind(11, location.vatNumber.isNull() ? QString(QLatin1String("")) : location.vatNumber);
    return d->run(s);
}

Core::Status CatalogWriter::upsertProduct(const ProductRecord &product)
{
    if (!d->active)
        return notActive();

    // Validate every barcode before writing anything of this product.
    QList<Core::Barcode> codes;
    codes.reserve(product.barcodes.size());
    for (const QString &code : product.barcodes) {
        auto parsed = Core::Barcode::parse(code);
        if (!parsed) {
            return Core::Error::make(QStringLiteral("catalog.invalid_barcode"),
                Core::Tr::tr("Product %1 has an invalid barcode %2.").arg(product.sku, code),
                parsed.error().detail);
        }
        codes.append(std::move(parsed).value());
    }

    if (!d->bulk) {
        // External-content FTS5 needs the old text to remove a row's tokens.
        Statement &old = d->oldSearchText;
        old.bind(1, product.id);
        const int rc = old.step();
        if (rc == SQLITE_ROW) {
            Statement &del = d->searchDelete;
            del.bind(1, product.id);
            del.bind(2, old.text(0));
            del.bind(3, old.text(1));
            del.bind(4, old.text(2));
            old.reset();
            if (auto status = d->run(del); !status)
                return status;
        } else {
            old.reset();
            if (rc != SQLITE_DONE)
                return Internal::queryFailed(QString::fromUtf8(sqlite3_errmsg(d->db)));
        }
        d->barcodesDelete.bind(1, product.id);
        if (auto status = d->run(d->barcodesDelete); !status)
            return status;
    }

    Statement &s = d->product;
    s.bind(1, product.id);
    s.bind(2, product.sku);
    s.bind(3, product.name);
    s.bind(4, product.brand);
    s.bind(5, product.category);
    s.bind(6, product.description);
    s.bind(7, product.vatClass);
    s.bind(8, product.price.cents());
    if (product.promoPrice)
        s.bind(9, product.promoPrice->cents());
    else
        s.bindNull(9);
    if (product.promoFrom.isValid())
        s.bind(10, product.promoFrom.toString(Qt::ISODate));
    else
        s.bindNull(10);
    if (product.promoUntil.isValid())
        s.bind(11, product.promoUntil.toString(Qt::ISODate));
    else
        s.bindNull(11);
    if (product.attributes.isEmpty())
        s.bind(12, QByteArrayLiteral("[]"));
    else
        s.bind(12, attributesJson(product.attributes));
    if (product.variantGroup.isEmpty())
        s.bindNull(13);
    else
        s.bind(13, product.variantGroup);
    s.bind(14, product.variantLabel);
    s.bind(15, product.ratingTenths);
    s.bind(16, product.reviewCount);
    s.bind(17, product.imageRef);
    s.bind(18, product.webDeliveryDays);
    QJsonArray keys;
    for (const Core::Barcode &code : std::as_const(codes))
        keys.append(code.lookupKey());
    s.bind(19, QJsonDocument(keys).toJson(QJsonDocument::Compact));
    if (auto status = d->run(s); !status)
        return status;

    if (!d->bulk) {
        Statement &ins = d->searchInsert;
        ins.bind(1, product.id);
        ins.bind(2, product.sku);
        ins.bind(3, product.name);
        ins.bind(4, product.brand);
        if (auto status = d->run(ins); !status)
            return status;
    }

    Statement &b = d->barcode;
    for (int i = 0; i < codes.size(); ++i) {
        b.bind(1, codes.at(i).lookupKey());
        b.bind(2, product.id);
        // A 13-digit key starting with 0 is a UPC-A in its EAN-13 form (GS1 prefix 0).
        const Core::Barcode &code = codes.at(i);
        const bool upc
            = code.kind() == Core::Barcode::Kind::Ean13 && code.code().startsWith(QLatin1Char('0'));
        b.bind(3, Core::Barcode::kindName(upc ? Core::Barcode::Kind::UpcA : code.kind()));
        b.bind(4, i);
        if (auto status = d->run(b); !status)
            return status;
    }
    d->productsWritten = true;
    return Core::success();
}

Core::Status CatalogWriter::setStock(
    qint64 productId, qint64 locationId, int quantity, const QDateTime &asOf)
{
    if (!d->active)
        return notActive();
    if (d->bulk) {
        d->pendingStock.push_back({ productId, locationId, quantity, asOf.toSecsSinceEpoch() });
        if (int(d->pendingStock.size()) < Private::stockBatchRows)
            return Core::success();
        return d->flushStock();
    }
    Statement &s = d->stock;
    s.bind(1, productId);
    s.bind(2, locationId);
    s.bind(3, quantity);
    s.bind(4, asOf.toSecsSinceEpoch());
    return d->run(s);
}

Core::Status CatalogWriter::upsertStaff(const StaffMember &member, const QString &pinHash)
{
    if (!d->active)
        return notActive();
    Statement &s = d->staff;
    s.bind(1, member.id);
    s.bind(2, member.code);
    s.bind(3, member.displayName);
    s.bind(4, roleName(member.role));
    s.bind(5, member.homeLocationId);
    s.bind(6, pinHash);
    s.bind(7, member.active ? 1 : 0);
    return d->run(s);
}

Core::Status CatalogWriter::commit()
{
    if (!d->active)
        return notActive();
    if (auto status = d->flushStock(); !status) {
        rollback();
        return status;
    }
    if (d->bulk && d->productsWritten) {
        if (auto status = d->exec("INSERT INTO product_search(product_search) VALUES('rebuild')");
            !status) {
            rollback();
            return status;
        }
    }
    if (auto status = d->exec("COMMIT"); !status) {
        rollback();
        return status;
    }
    d->active = false;
    if (d->bulk) {
        // Best effort: a failure here leaves a bigger cache or WAL, never wrong data.
        (void)d->exec("PRAGMA cache_size=-32768");
        // The first load went through the WAL; fold it into the main file now rather than
        // leaving a WAL the size of the catalog for the first reader to wade through.
        (void)d->exec("PRAGMA wal_checkpoint(TRUNCATE)");
        (void)d->exec("PRAGMA optimize");
    }
    return Core::success();
}

void CatalogWriter::rollback()
{
    if (!d->active)
        return;
    d->active = false;
    d->pendingStock.clear();
    sqlite3_exec(d->db, "ROLLBACK", nullptr, nullptr, nullptr);
    if (d->bulk)
        sqlite3_exec(d->db, "PRAGMA cache_size=-32768", nullptr, nullptr, nullptr);
}

} // namespace Toonbank::Store
