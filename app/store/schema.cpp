#include "schema.h"

namespace Toonbank::Store::Internal {

namespace {

// Version 1: catalog, stock, staff, and the tablet's own writes (sales, parked baskets,
// outbox, hash-chained journal). Money columns are integer cents; times are ISO-8601 UTC.
QStringList version1()
{
    return {
        QStringLiteral(R"(CREATE TABLE settings(
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL))"),
        QStringLiteral(R"(CREATE TABLE locations(
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            kind TEXT NOT NULL CHECK(kind IN ('store','web_warehouse')),
            address TEXT NOT NULL DEFAULT '',
            city TEXT NOT NULL DEFAULT '',
            country TEXT NOT NULL,
            latitude REAL NOT NULL,
            longitude REAL NOT NULL,
            cash_rounding INTEGER NOT NULL DEFAULT 1))"),
        QStringLiteral(R"(CREATE TABLE products(
            id INTEGER PRIMARY KEY,
            sku TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            brand TEXT NOT NULL DEFAULT '',
            category TEXT NOT NULL DEFAULT '',
            description TEXT NOT NULL DEFAULT '',
            vat_class TEXT NOT NULL,
            price_cents INTEGER NOT NULL CHECK(price_cents >= 0),
            promo_price_cents INTEGER CHECK(promo_price_cents IS NULL OR promo_price_cents >= 0),
            promo_from TEXT,
            promo_until TEXT,
            attributes TEXT NOT NULL DEFAULT '[]',
            variant_group TEXT,
            variant_label TEXT NOT NULL DEFAULT '',
            rating_tenths INTEGER NOT NULL DEFAULT -1,
            review_count INTEGER NOT NULL DEFAULT 0,
            image_ref TEXT NOT NULL DEFAULT '',
            web_delivery_days INTEGER NOT NULL DEFAULT -1))"),
        QStringLiteral("CREATE INDEX products_variant_group ON products(variant_group) "
                       "WHERE variant_group IS NOT NULL"),
        // position: the order the product lists its barcodes in (the first is the one printed).
        QStringLiteral(R"(CREATE TABLE barcodes(
            code TEXT PRIMARY KEY,
            product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            position INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID)"),
        QStringLiteral("CREATE INDEX barcodes_product ON barcodes(product_id)"),
        // External-content FTS5 over products: the index holds only tokens, the text stays in
        // products. Prefix indexes for 1–3 characters keep "as you type" search fast.
        QStringLiteral(R"(CREATE VIRTUAL TABLE product_search USING fts5(
            sku, name, brand,
            content='products', content_rowid='id',
            prefix='1 2 3', tokenize='unicode61 remove_diacritics 2'))"),
        // One row per product and location: 13 million rows for a million products, so
        // as_of is unix seconds (UTC) rather than ISO text, which halves the table.
        QStringLiteral(R"(CREATE TABLE stock(
            product_id INTEGER NOT NULL,
            location_id INTEGER NOT NULL,
            quantity INTEGER NOT NULL,
            as_of INTEGER NOT NULL,
            PRIMARY KEY(product_id, location_id)) WITHOUT ROWID)"),
        QStringLiteral(R"(CREATE TABLE staff(
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            display_name TEXT NOT NULL,
            role TEXT NOT NULL CHECK(role IN ('cashier','supervisor','manager')),
            home_location_id INTEGER NOT NULL,
            pin_hash TEXT NOT NULL,
            failed_attempts INTEGER NOT NULL DEFAULT 0,
            locked_until TEXT,
            active INTEGER NOT NULL DEFAULT 1))"),
        QStringLiteral(R"(CREATE TABLE sales(
            id INTEGER PRIMARY KEY,
            sale_uuid TEXT NOT NULL UNIQUE,
            receipt_number TEXT NOT NULL UNIQUE,
            location_id INTEGER NOT NULL,
            staff_id INTEGER NOT NULL,
            customer_id INTEGER,
            created_at TEXT NOT NULL,
            total_cents INTEGER NOT NULL,
            rounding_cents INTEGER NOT NULL DEFAULT 0,
            training INTEGER NOT NULL DEFAULT 0))"),
        QStringLiteral(R"(CREATE TABLE sale_lines(
            sale_id INTEGER NOT NULL REFERENCES sales(id),
            line_no INTEGER NOT NULL,
            product_id INTEGER NOT NULL,
            sku TEXT NOT NULL,
            name TEXT NOT NULL,
            quantity INTEGER NOT NULL,
            unit_price_cents INTEGER NOT NULL,
            line_discount_cents INTEGER NOT NULL DEFAULT 0,
            line_total_cents INTEGER NOT NULL,
            vat_class TEXT NOT NULL,
            vat_basis_points INTEGER NOT NULL,
            PRIMARY KEY(sale_id, line_no)))"),
        QStringLiteral(R"(CREATE TABLE sale_vat(
            sale_id INTEGER NOT NULL REFERENCES sales(id),
            vat_basis_points INTEGER NOT NULL,
            gross_cents INTEGER NOT NULL,
            vat_cents INTEGER NOT NULL,
            net_cents INTEGER NOT NULL,
            PRIMARY KEY(sale_id, vat_basis_points)))"),
        QStringLiteral(R"(CREATE TABLE sale_payments(
            sale_id INTEGER NOT NULL REFERENCES sales(id),
            payment_no INTEGER NOT NULL,
            method TEXT NOT NULL,
            amount_cents INTEGER NOT NULL,
            tendered_cents INTEGER NOT NULL DEFAULT 0,
            change_cents INTEGER NOT NULL DEFAULT 0,
            reference TEXT NOT NULL DEFAULT '',
            PRIMARY KEY(sale_id, payment_no)))"),
        // Per-device receipt counter; bumped in the same transaction as the sale.
        QStringLiteral(R"(CREATE TABLE counters(
            name TEXT PRIMARY KEY,
            value INTEGER NOT NULL))"),
        QStringLiteral(R"(CREATE TABLE parked_baskets(
            id INTEGER PRIMARY KEY,
            parked_at TEXT NOT NULL,
            staff_id INTEGER NOT NULL,
            label TEXT NOT NULL DEFAULT '',
            basket_json TEXT NOT NULL))"),
        // Events waiting for the server, sent in device_seq order. A row leaves only after
        // the server acknowledged it (applied or duplicate); rejected rows stay, marked.
        QStringLiteral(R"(CREATE TABLE outbox(
            device_seq INTEGER PRIMARY KEY AUTOINCREMENT,
            event_id TEXT NOT NULL UNIQUE,
            type TEXT NOT NULL,
            staff_id INTEGER NOT NULL,
            occurred_at TEXT NOT NULL,
            payload TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'pending' CHECK(state IN ('pending','rejected')),
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT NOT NULL DEFAULT ''))"),
        // Tamper-evident journal: each entry's hash covers the previous hash, so changing or
        // removing any entry breaks every hash after it. grand_total_cents is perpetual.
        QStringLiteral(R"(CREATE TABLE journal(
            seq INTEGER PRIMARY KEY,
            recorded_at TEXT NOT NULL,
            kind TEXT NOT NULL,
            reference TEXT NOT NULL,
            amount_cents INTEGER NOT NULL,
            grand_total_cents INTEGER NOT NULL,
            body TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL))"),
        QStringLiteral(R"(CREATE TABLE sync_state(
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL))"),
    };
}

} // namespace

const QList<Migration> &migrations()
{
    static const QList<Migration> all = {
        { 1, version1() },
    };
    return all;
}

} // namespace Toonbank::Store::Internal
