#include "schema.h"

namespace Toonbank::Sync::Server::Internal {

namespace {

// Version 1. Portable DDL: BIGINT/TEXT/INTEGER/DOUBLE PRECISION mean the same on both
// databases; ids are given by the importer or generated as UUID text, so neither dialect's
// auto-increment is needed. Every replicated table carries change_seq (the feed position of
// its last write) with an index, so a pull is a range scan. Money is integer cents, times
// ISO-8601 UTC text.
QStringList version1()
{
    return {
        QStringLiteral("CREATE TABLE feed_head(id INTEGER PRIMARY KEY, seq BIGINT NOT NULL)"),
        QStringLiteral("INSERT INTO feed_head(id, seq) VALUES (1, 0)"),
        QStringLiteral("CREATE TABLE chain(id INTEGER PRIMARY KEY, name TEXT NOT NULL)"),
        QStringLiteral(R"(CREATE TABLE locations(
            id BIGINT PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            kind TEXT NOT NULL CHECK(kind IN ('store','web_warehouse')),
            address TEXT NOT NULL DEFAULT '',
            city TEXT NOT NULL DEFAULT '',
            country TEXT NOT NULL,
            latitude DOUBLE PRECISION NOT NULL,
            longitude DOUBLE PRECISION NOT NULL,
            cash_rounding INTEGER NOT NULL DEFAULT 1,
            change_seq BIGINT NOT NULL))"),
        QStringLiteral("CREATE INDEX locations_seq ON locations(change_seq)"),
        QStringLiteral(R"(CREATE TABLE products(
            id BIGINT PRIMARY KEY,
            sku TEXT NOT NULL UNIQUE,
            data TEXT NOT NULL,
            change_seq BIGINT NOT NULL))"),
        QStringLiteral("CREATE INDEX products_seq ON products(change_seq)"),
        QStringLiteral(R"(CREATE TABLE stock(
            product_id BIGINT NOT NULL,
            location_id BIGINT NOT NULL,
            quantity BIGINT NOT NULL,
            as_of TEXT NOT NULL,
            change_seq BIGINT NOT NULL,
            PRIMARY KEY(product_id, location_id)))"),
        QStringLiteral("CREATE INDEX stock_seq ON stock(change_seq)"),
        QStringLiteral(R"(CREATE TABLE staff(
            id BIGINT PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            display_name TEXT NOT NULL,
            role TEXT NOT NULL CHECK(role IN ('cashier','supervisor','manager')),
            home_location_id BIGINT NOT NULL REFERENCES locations(id),
            pin_hash TEXT NOT NULL,
            active INTEGER NOT NULL DEFAULT 1,
            change_seq BIGINT NOT NULL))"),
        QStringLiteral("CREATE INDEX staff_seq ON staff(change_seq)"),
        QStringLiteral(R"(CREATE TABLE customers(
            id BIGINT PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            data TEXT NOT NULL,
            change_seq BIGINT NOT NULL))"),
        QStringLiteral("CREATE INDEX customers_seq ON customers(change_seq)"),
        QStringLiteral(R"(CREATE TABLE web_orders(
            id BIGINT PRIMARY KEY,
            order_number TEXT NOT NULL UNIQUE,
            location_id BIGINT NOT NULL,
            data TEXT NOT NULL,
            change_seq BIGINT NOT NULL))"),
        QStringLiteral("CREATE INDEX web_orders_seq ON web_orders(change_seq)"),
        QStringLiteral(R"(CREATE TABLE devices(
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            location_id BIGINT NOT NULL REFERENCES locations(id),
            token_hash TEXT NOT NULL UNIQUE,
            enrolled_at TEXT NOT NULL,
            revoked_at TEXT))"),
        QStringLiteral(R"(CREATE TABLE enrolment_codes(
            code_hash TEXT PRIMARY KEY,
            location_id BIGINT NOT NULL REFERENCES locations(id),
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            used_at TEXT,
            device_id TEXT))"),
        // Exactly-once: an event's id is inserted in the same transaction as its effects, and
        // the primary key makes a second insert a no-op. Rejected events stay here too.
        QStringLiteral(R"(CREATE TABLE events(
            event_id TEXT PRIMARY KEY,
            device_id TEXT NOT NULL,
            device_seq BIGINT NOT NULL,
            type TEXT NOT NULL,
            staff_id BIGINT NOT NULL,
            occurred_at TEXT NOT NULL,
            received_at TEXT NOT NULL,
            status TEXT NOT NULL CHECK(status IN ('applied','rejected')),
            reason_code TEXT NOT NULL DEFAULT '',
            reason TEXT NOT NULL DEFAULT '',
            payload TEXT NOT NULL))"),
        QStringLiteral("CREATE INDEX events_device ON events(device_id, device_seq)"),
        QStringLiteral("CREATE INDEX events_status ON events(status)"),
        QStringLiteral(R"(CREATE TABLE sales(
            sale_id TEXT PRIMARY KEY,
            event_id TEXT NOT NULL UNIQUE REFERENCES events(event_id),
            location_id BIGINT NOT NULL,
            device_id TEXT NOT NULL,
            staff_id BIGINT NOT NULL,
            receipt_number TEXT NOT NULL,
            sold_at TEXT NOT NULL,
            total_cents BIGINT NOT NULL,
            rounding_cents BIGINT NOT NULL,
            customer_id BIGINT NOT NULL DEFAULT 0,
            training INTEGER NOT NULL DEFAULT 0))"),
        QStringLiteral(R"(CREATE TABLE sale_lines(
            sale_id TEXT NOT NULL REFERENCES sales(sale_id),
            line_no INTEGER NOT NULL,
            product_id BIGINT NOT NULL,
            sku TEXT NOT NULL,
            quantity INTEGER NOT NULL,
            unit_price_cents BIGINT NOT NULL,
            line_discount_cents BIGINT NOT NULL,
            line_total_cents BIGINT NOT NULL,
            vat_basis_points INTEGER NOT NULL,
            PRIMARY KEY(sale_id, line_no)))"),
    };
}

} // namespace

QList<Migration> migrations(Dialect dialect)
{
    Q_UNUSED(dialect) // version 1 is the same on both; later steps may differ here
    return { { 1, version1() } };
}

} // namespace Toonbank::Sync::Server::Internal
