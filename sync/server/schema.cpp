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

// Version 2 (issue 8): sales as relational rows (lines, adjustments, VAT, tenders,
// authorisations, coupons) instead of only the event payload; customers as columns (card
// number, e-mail and phone unique, tier, consent, home store) with consent history, wishlist
// and a loyalty ledger credited once per (event, customer, reason); promotions; the price
// history of every product, so a sale is checked against the prices its catalog knew; coupon
// claims, one per single-use code. Existing rows are carried over inside the same transaction.
QStringList version2(Dialect dialect)
{
    const bool pg = dialect == Dialect::Postgres;
    // JSON field of a TEXT column holding a v1 document, as text / as a number.
    auto text = [pg](const char *column, const char *field) {
        return pg ? QStringLiteral("COALESCE((%1::jsonb)->>'%2', '')")
                        .arg(QLatin1String(column), QLatin1String(field))
                  : QStringLiteral("COALESCE(json_extract(%1, '$.%2'), '')")
                        .arg(QLatin1String(column), QLatin1String(field));
    };
    auto number = [pg](const char *column, const char *field) {
        return pg ? QStringLiteral("COALESCE(((%1::jsonb)->>'%2')::BIGINT, 0)")
                        .arg(QLatin1String(column), QLatin1String(field))
                  : QStringLiteral("COALESCE(json_extract(%1, '$.%2'), 0)")
                        .arg(QLatin1String(column), QLatin1String(field));
    };
    auto nullableNumber = [pg](const char *column, const char *field) {
        return pg ? QStringLiteral("((%1::jsonb)->>'%2')::BIGINT")
                        .arg(QLatin1String(column), QLatin1String(field))
                  : QStringLiteral("json_extract(%1, '$.%2')")
                        .arg(QLatin1String(column), QLatin1String(field));
    };
    // The elements of a JSON array inside an event payload, as a FROM item named `v`, and
    // a field of such an element.
    const QString vatItems = pg
        ? QStringLiteral("jsonb_array_elements((e.payload::jsonb)->'vat') AS v")
        : QStringLiteral("json_each(e.payload, '$.vat') AS v");
    const QString paymentItems = pg
        ? QStringLiteral("jsonb_array_elements((e.payload::jsonb)->'payments') AS v")
        : QStringLiteral("json_each(e.payload, '$.payments') AS v");
    auto item = [pg](const char *field) {
        return pg ? QStringLiteral("COALESCE(v->>'%1', '0')").arg(QLatin1String(field))
                  : QStringLiteral("COALESCE(json_extract(v.value, '$.%1'), 0)")
                        .arg(QLatin1String(field));
    };
    auto itemNumber = [pg, item](const char *field) {
        return pg ? QStringLiteral("(%1)::BIGINT").arg(item(field)) : item(field);
    };

    QStringList s {
        // --- sales ---
        QStringLiteral("ALTER TABLE sales ADD COLUMN store_code TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE sales ADD COLUMN customer_code TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE sales ADD COLUMN customer_tier TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE sales ADD COLUMN points_earned BIGINT NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE sales ADD COLUMN points_redeemed BIGINT NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE sales ADD COLUMN catalog_version BIGINT NOT NULL DEFAULT 0"),
        QStringLiteral("CREATE INDEX sales_customer ON sales(customer_id)"),
        QStringLiteral("CREATE INDEX sales_location ON sales(location_id, sold_at)"),
        QStringLiteral(
            "UPDATE sales SET store_code = COALESCE((SELECT code FROM locations l WHERE l.id = "
            "sales.location_id), '')"),
        QStringLiteral("ALTER TABLE sale_lines ADD COLUMN line_id TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE sale_lines ADD COLUMN name TEXT NOT NULL DEFAULT ''"),
        QStringLiteral(
            "ALTER TABLE sale_lines ADD COLUMN vat_class TEXT NOT NULL DEFAULT 'standard'"),
        QStringLiteral(
            "ALTER TABLE sale_lines ADD COLUMN regular_price_cents BIGINT NOT NULL DEFAULT 0"),
        QStringLiteral("UPDATE sale_lines SET line_id = 'L' || CAST(line_no AS TEXT), "
                       "regular_price_cents = unit_price_cents"),
        QStringLiteral(R"(CREATE TABLE sale_adjustments(
            sale_id TEXT NOT NULL REFERENCES sales(sale_id),
            line_no INTEGER NOT NULL,
            adjustment_no INTEGER NOT NULL,
            kind TEXT NOT NULL
                CHECK(kind IN ('promotion','coupon','personal_offer','tier','manual')),
            source_id TEXT NOT NULL,
            label TEXT NOT NULL,
            amount_cents BIGINT NOT NULL,
            approved_by BIGINT NOT NULL DEFAULT 0,
            PRIMARY KEY(sale_id, line_no, adjustment_no)))"),
        QStringLiteral(R"(CREATE TABLE sale_vat(
            sale_id TEXT NOT NULL REFERENCES sales(sale_id),
            basis_points INTEGER NOT NULL,
            vat_class TEXT NOT NULL DEFAULT '',
            gross_cents BIGINT NOT NULL,
            vat_cents BIGINT NOT NULL,
            net_cents BIGINT NOT NULL,
            PRIMARY KEY(sale_id, basis_points)))"),
        QStringLiteral(R"(CREATE TABLE sale_tenders(
            sale_id TEXT NOT NULL REFERENCES sales(sale_id),
            tender_no INTEGER NOT NULL,
            method TEXT NOT NULL,
            amount_cents BIGINT NOT NULL,
            tendered_cents BIGINT NOT NULL DEFAULT 0,
            change_cents BIGINT NOT NULL DEFAULT 0,
            reference TEXT NOT NULL DEFAULT '',
            PRIMARY KEY(sale_id, tender_no)))"),
        QStringLiteral(R"(CREATE TABLE sale_authorisations(
            sale_id TEXT NOT NULL REFERENCES sales(sale_id),
            authorisation_no INTEGER NOT NULL,
            permission TEXT NOT NULL,
            requested_by BIGINT NOT NULL,
            approved_by BIGINT NOT NULL,
            line_id TEXT NOT NULL DEFAULT '',
            amount_cents BIGINT NOT NULL DEFAULT 0,
            reason TEXT NOT NULL DEFAULT '',
            approved_at TEXT NOT NULL DEFAULT '',
            PRIMARY KEY(sale_id, authorisation_no)))"),
        QStringLiteral(R"(CREATE TABLE sale_coupons(
            sale_id TEXT NOT NULL REFERENCES sales(sale_id),
            code TEXT NOT NULL,
            PRIMARY KEY(sale_id, code)))"),
        // v1 sales kept VAT and payments only in the event payload: carried over from there.
        QStringLiteral("INSERT INTO sale_vat(sale_id, basis_points, gross_cents, vat_cents, "
                       "net_cents) SELECT s.sale_id, %1, %2, %3, %4 FROM sales s JOIN events e "
                       "ON e.event_id = s.event_id, %5")
            .arg(itemNumber("basisPoints"), itemNumber("grossCents"), itemNumber("vatCents"),
                itemNumber("netCents"), vatItems),
        QStringLiteral("INSERT INTO sale_tenders(sale_id, tender_no, method, amount_cents, "
                       "tendered_cents, change_cents, reference) SELECT s.sale_id, %1, %2, %3, "
                       "%4, %5, %6 FROM sales s JOIN events e ON e.event_id = s.event_id, %7")
            .arg(pg ? QStringLiteral("ROW_NUMBER() OVER (PARTITION BY s.sale_id)")
                    : QStringLiteral("v.key + 1"),
                pg ? QStringLiteral("COALESCE(v->>'method', '')")
                   : QStringLiteral("COALESCE(json_extract(v.value, '$.method'), '')"),
                itemNumber("amountCents"), itemNumber("tenderedCents"), itemNumber("changeCents"),
                pg ? QStringLiteral("COALESCE(v->>'reference', '')")
                   : QStringLiteral("COALESCE(json_extract(v.value, '$.reference'), '')"),
                paymentItems),

        // --- customers ---
        QStringLiteral(R"(CREATE TABLE customers_v2(
            id BIGINT PRIMARY KEY,
            card_number TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            email TEXT UNIQUE,
            phone TEXT UNIQUE,
            tier TEXT NOT NULL DEFAULT 'basic',
            points_balance BIGINT NOT NULL DEFAULT 0,
            lifetime_points BIGINT NOT NULL DEFAULT 0,
            home_location_id BIGINT NOT NULL DEFAULT 0,
            consent_email INTEGER NOT NULL DEFAULT 0,
            consent_sms INTEGER NOT NULL DEFAULT 0,
            consent_personalised INTEGER NOT NULL DEFAULT 0,
            consent_changed_at TEXT NOT NULL DEFAULT '',
            enrolled_at TEXT NOT NULL DEFAULT '',
            last_seen_at TEXT NOT NULL DEFAULT '',
            last_seen_location_id BIGINT NOT NULL DEFAULT 0,
            change_seq BIGINT NOT NULL))"),
        // e-mail and phone are unique now: a v1 duplicate keeps them only on its lowest id.
        QStringLiteral(
            "INSERT INTO customers_v2(id, card_number, name, email, phone, points_balance, "
            "lifetime_points, change_seq) SELECT c.id, c.code, %1, "
            "CASE WHEN %2 = '' OR EXISTS(SELECT 1 FROM customers d WHERE d.id < c.id AND %3 = "
            "%2) THEN NULL ELSE %2 END, "
            "CASE WHEN %4 = '' OR EXISTS(SELECT 1 FROM customers d WHERE d.id < c.id AND %5 = "
            "%4) THEN NULL ELSE %4 END, %6, %6, c.change_seq FROM customers c")
            .arg(text("c.data", "name"), text("c.data", "email"), text("d.data", "email"),
                text("c.data", "phone"), text("d.data", "phone"),
                number("c.data", "loyaltyPoints")),
        QStringLiteral("DROP TABLE customers"),
        QStringLiteral("ALTER TABLE customers_v2 RENAME TO customers"),
        QStringLiteral("CREATE INDEX customers_seq ON customers(change_seq)"),
        QStringLiteral("CREATE INDEX customers_home ON customers(home_location_id)"),
        QStringLiteral("CREATE INDEX customers_name ON customers(name)"),
        QStringLiteral(R"(CREATE TABLE consent_history(
            customer_id BIGINT NOT NULL,
            event_id TEXT NOT NULL,
            changed_at TEXT NOT NULL,
            consent_email INTEGER NOT NULL,
            consent_sms INTEGER NOT NULL,
            consent_personalised INTEGER NOT NULL,
            staff_id BIGINT NOT NULL DEFAULT 0,
            location_id BIGINT NOT NULL DEFAULT 0,
            PRIMARY KEY(customer_id, event_id)))"),
        QStringLiteral(R"(CREATE TABLE wishlist(
            customer_id BIGINT NOT NULL,
            product_id BIGINT NOT NULL,
            added_at TEXT NOT NULL,
            location_id BIGINT NOT NULL DEFAULT 0,
            PRIMARY KEY(customer_id, product_id)))"),
        // Points are credited once per (event, customer, reason): a replay inserts nothing.
        QStringLiteral(R"(CREATE TABLE loyalty_ledger(
            customer_id BIGINT NOT NULL,
            event_id TEXT NOT NULL,
            points BIGINT NOT NULL,
            reason TEXT NOT NULL,
            sale_id TEXT NOT NULL DEFAULT '',
            location_id BIGINT NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            UNIQUE(event_id, customer_id, reason)))"),
        QStringLiteral("CREATE INDEX loyalty_ledger_customer ON loyalty_ledger(customer_id)"),

        // --- promotions and prices ---
        QStringLiteral(R"(CREATE TABLE promotions(
            id TEXT PRIMARY KEY,
            label TEXT NOT NULL,
            kind TEXT NOT NULL,
            target TEXT NOT NULL,
            target_keys TEXT NOT NULL DEFAULT '',
            percent_basis_points INTEGER NOT NULL DEFAULT 0,
            amount_cents BIGINT NOT NULL DEFAULT 0,
            threshold_cents BIGINT NOT NULL DEFAULT 0,
            buy_quantity INTEGER NOT NULL DEFAULT 0,
            pay_quantity INTEGER NOT NULL DEFAULT 0,
            valid_from TEXT NOT NULL DEFAULT '',
            valid_until TEXT NOT NULL DEFAULT '',
            store_codes TEXT NOT NULL DEFAULT '',
            exclusive INTEGER NOT NULL DEFAULT 0,
            priority INTEGER NOT NULL DEFAULT 0,
            coupon_code TEXT NOT NULL DEFAULT '',
            single_use INTEGER NOT NULL DEFAULT 0,
            customer_id BIGINT NOT NULL DEFAULT 0,
            tier TEXT NOT NULL DEFAULT '',
            change_seq BIGINT NOT NULL))"),
        QStringLiteral("CREATE INDEX promotions_seq ON promotions(change_seq)"),
        QStringLiteral(R"(CREATE TABLE product_prices(
            product_id BIGINT NOT NULL,
            valid_from_seq BIGINT NOT NULL,
            price_cents BIGINT NOT NULL,
            promo_price_cents BIGINT,
            promo_from TEXT NOT NULL DEFAULT '',
            promo_until TEXT NOT NULL DEFAULT '',
            PRIMARY KEY(product_id, valid_from_seq)))"),
        QStringLiteral("INSERT INTO product_prices(product_id, valid_from_seq, price_cents, "
                       "promo_price_cents, promo_from, promo_until) SELECT p.id, p.change_seq, "
                       "%1, %2, %3, %4 FROM products p")
            .arg(number("p.data", "priceCents"), nullableNumber("p.data", "promoPriceCents"),
                text("p.data", "promoFrom"), text("p.data", "promoUntil")),
        // A single-use code is claimed once: the primary key makes the second claim a no-op.
        QStringLiteral(R"(CREATE TABLE coupon_claims(
            code TEXT PRIMARY KEY,
            claimed_by_sale TEXT NOT NULL,
            device_id TEXT NOT NULL,
            claimed_at TEXT NOT NULL))"),
        // The card number of an offline enrolment that was merged into an existing customer
        // (same e-mail or phone): later events naming that card (a sale made offline before
        // the tablet heard of the merge) resolve to the customer kept.
        QStringLiteral(R"(CREATE TABLE customer_card_aliases(
            card_number TEXT PRIMARY KEY,
            customer_id BIGINT NOT NULL REFERENCES customers(id),
            merged_at TEXT NOT NULL))"),
    };
    return s;
}

// Version 3 (issue 9): the online wallet. Gift cards and store credit hold integer cents
// under CHECK (balance_cents >= 0): a claim is one conditional UPDATE (… WHERE balance_cents >=
// amount) in one transaction with its wallet_claims row, so the balance can never go below
// zero whatever races. A claim is taken by a tablet before the sale, used by the sale when the
// server applies it, or released when the payment is cancelled. Stores get their VAT number
// for receipts.
QStringList version3()
{
    return {
        QStringLiteral("ALTER TABLE locations ADD COLUMN vat_number TEXT NOT NULL DEFAULT ''"),
        QStringLiteral(R"(CREATE TABLE gift_cards(
            number TEXT PRIMARY KEY,
            balance_cents BIGINT NOT NULL CHECK(balance_cents >= 0),
            issued_at TEXT NOT NULL,
            expires_on TEXT,
            state TEXT NOT NULL DEFAULT 'active' CHECK(state IN ('active','inactive')),
            issued_by_sale TEXT NOT NULL DEFAULT '',
            store TEXT NOT NULL DEFAULT ''))"),
        QStringLiteral(R"(CREATE TABLE wallet_claims(
            claim_id TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK(kind IN ('gift_card','store_credit')),
            number TEXT NOT NULL DEFAULT '',
            customer_id BIGINT NOT NULL DEFAULT 0,
            amount_cents BIGINT NOT NULL CHECK(amount_cents > 0),
            balance_left_cents BIGINT NOT NULL,
            sale_id TEXT NOT NULL,
            store TEXT NOT NULL,
            device TEXT NOT NULL,
            state TEXT NOT NULL CHECK(state IN ('claimed','used','released')),
            created_at TEXT NOT NULL,
            used_by_sale TEXT NOT NULL DEFAULT ''))"),
        QStringLiteral("CREATE INDEX wallet_claims_number ON wallet_claims(number)"),
        QStringLiteral("CREATE INDEX wallet_claims_sale ON wallet_claims(sale_id)"),
        QStringLiteral(R"(CREATE TABLE store_credit(
            customer_id BIGINT PRIMARY KEY,
            balance_cents BIGINT NOT NULL CHECK(balance_cents >= 0)))"),
    };
}

// Version 4 (issue 9, e-mailed receipts; version 3 is the gift-card step): the mail queue.
// One row per message; `dedupe_key` is unique per (sale, address) — or per event when the
// tablet asked to send it again — so a receipt pushed twice or asked for twice is sent once.
// The mailer moves a row from queued to sent, or to failed after its last attempt; rows are
// never deleted, so a refused message is never lost.
QStringList version4()
{
    return {
        QStringLiteral(R"(CREATE TABLE mail_queue(
            id TEXT PRIMARY KEY,
            dedupe_key TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL DEFAULT 'receipt',
            location_id BIGINT NOT NULL,
            store_code TEXT NOT NULL,
            device_id TEXT NOT NULL,
            sale_id TEXT NOT NULL,
            receipt_number TEXT NOT NULL,
            address TEXT NOT NULL,
            language TEXT NOT NULL CHECK(language IN ('nl','en')),
            pdf TEXT NOT NULL,
            state TEXT NOT NULL CHECK(state IN ('queued','sent','failed')),
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT NOT NULL,
            last_error TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            sent_at TEXT NOT NULL DEFAULT ''))"),
        QStringLiteral("CREATE INDEX mail_queue_due ON mail_queue(state, next_attempt_at)"),
        QStringLiteral("CREATE INDEX mail_queue_store ON mail_queue(store_code, state)"),
    };
}

// Version 5 (issue "Returns"): web orders as relational rows (lines with the price paid after
// discounts, tenders with what was refunded to them, delivery), returned quantities on the
// lines of web orders and store sales under CHECK (returned <= sold), return claims (one
// conditional UPDATE per line inside one transaction decides who gets the last unit), the
// returns themselves, web refund requests for the web shop's payment provider, the damaged
// location's stock, conflicts of offline returns for the supervisor, and return policies.
QStringList version5(Dialect dialect)
{
    const bool pg = dialect == Dialect::Postgres;
    QStringList s {
        QStringLiteral("ALTER TABLE web_orders ADD COLUMN customer_id BIGINT NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE web_orders ADD COLUMN status TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE web_orders ADD COLUMN channel TEXT NOT NULL DEFAULT 'web'"),
        QStringLiteral("ALTER TABLE web_orders ADD COLUMN ordered_at TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE web_orders ADD COLUMN delivered_on TEXT NOT NULL DEFAULT ''"),
        QStringLiteral(
            "ALTER TABLE web_orders ADD COLUMN delivery_cents BIGINT NOT NULL DEFAULT 0"),
        QStringLiteral(
            "ALTER TABLE web_orders ADD COLUMN delivery_refunded_cents BIGINT NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE web_orders ADD COLUMN total_cents BIGINT NOT NULL DEFAULT 0"),
        QStringLiteral("CREATE INDEX web_orders_customer ON web_orders(customer_id)"),
        QStringLiteral(R"(CREATE TABLE web_order_lines(
            order_id BIGINT NOT NULL REFERENCES web_orders(id),
            line_id TEXT NOT NULL,
            line_no INTEGER NOT NULL,
            product_id BIGINT NOT NULL,
            sku TEXT NOT NULL,
            name TEXT NOT NULL,
            category TEXT NOT NULL DEFAULT '',
            vat_class TEXT NOT NULL DEFAULT 'standard',
            vat_basis_points INTEGER NOT NULL,
            quantity INTEGER NOT NULL CHECK(quantity > 0),
            unit_price_cents BIGINT NOT NULL,
            line_total_cents BIGINT NOT NULL CHECK(line_total_cents >= 0),
            returned_quantity INTEGER NOT NULL DEFAULT 0,
            CHECK(returned_quantity >= 0 AND returned_quantity <= quantity),
            PRIMARY KEY(order_id, line_id)))"),
        QStringLiteral(R"(CREATE TABLE web_order_tenders(
            order_id BIGINT NOT NULL REFERENCES web_orders(id),
            tender_no INTEGER NOT NULL,
            method TEXT NOT NULL,
            amount_cents BIGINT NOT NULL CHECK(amount_cents > 0),
            reference TEXT NOT NULL DEFAULT '',
            paid_at TEXT NOT NULL DEFAULT '',
            refunded_cents BIGINT NOT NULL DEFAULT 0,
            CHECK(refunded_cents >= 0 AND refunded_cents <= amount_cents),
            PRIMARY KEY(order_id, tender_no)))"),
        QStringLiteral(
            "ALTER TABLE sale_lines ADD COLUMN returned_quantity INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral(
            "ALTER TABLE sale_tenders ADD COLUMN refunded_cents BIGINT NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE sales ADD COLUMN points_taken_back BIGINT NOT NULL DEFAULT 0"),
        QStringLiteral("CREATE INDEX sales_receipt ON sales(receipt_number)"),
        QStringLiteral(R"(CREATE TABLE return_claims(
            claim_id TEXT PRIMARY KEY,
            return_id TEXT NOT NULL,
            origin TEXT NOT NULL CHECK(origin IN ('store_sale','web_order')),
            origin_number TEXT NOT NULL,
            origin_sale_id TEXT NOT NULL,
            store_code TEXT NOT NULL,
            device_id TEXT NOT NULL,
            state TEXT NOT NULL CHECK(state IN ('claimed','used','released')),
            created_at TEXT NOT NULL,
            used_by_return TEXT NOT NULL DEFAULT ''))"),
        QStringLiteral("CREATE INDEX return_claims_origin ON return_claims(origin_number)"),
        QStringLiteral(R"(CREATE TABLE return_claim_lines(
            claim_id TEXT NOT NULL REFERENCES return_claims(claim_id),
            line_id TEXT NOT NULL,
            quantity INTEGER NOT NULL CHECK(quantity > 0),
            returned_before INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY(claim_id, line_id)))"),
        QStringLiteral(R"(CREATE TABLE returns(
            return_id TEXT PRIMARY KEY,
            event_id TEXT NOT NULL UNIQUE REFERENCES events(event_id),
            receipt_number TEXT NOT NULL UNIQUE,
            location_id BIGINT NOT NULL,
            store_code TEXT NOT NULL,
            device_id TEXT NOT NULL,
            staff_id BIGINT NOT NULL,
            returned_at TEXT NOT NULL,
            origin TEXT NOT NULL CHECK(origin IN ('store_sale','web_order','no_receipt')),
            origin_number TEXT NOT NULL DEFAULT '',
            origin_sale_id TEXT NOT NULL DEFAULT '',
            claim_id TEXT NOT NULL DEFAULT '',
            goods_cents BIGINT NOT NULL,
            delivery_cents BIGINT NOT NULL DEFAULT 0,
            total_cents BIGINT NOT NULL,
            rounding_cents BIGINT NOT NULL DEFAULT 0,
            customer_id BIGINT NOT NULL DEFAULT 0,
            points_taken_back BIGINT NOT NULL DEFAULT 0,
            points_given_back BIGINT NOT NULL DEFAULT 0,
            exchange_sale_id TEXT NOT NULL DEFAULT '',
            training INTEGER NOT NULL DEFAULT 0,
            conflict TEXT NOT NULL DEFAULT ''))"),
        QStringLiteral("CREATE INDEX returns_origin ON returns(origin_number)"),
        QStringLiteral(R"(CREATE TABLE return_lines(
            return_id TEXT NOT NULL REFERENCES returns(return_id),
            line_no INTEGER NOT NULL,
            line_id TEXT NOT NULL,
            original_line_id TEXT NOT NULL DEFAULT '',
            product_id BIGINT NOT NULL,
            sku TEXT NOT NULL,
            name TEXT NOT NULL DEFAULT '',
            quantity INTEGER NOT NULL CHECK(quantity > 0),
            refund_cents BIGINT NOT NULL CHECK(refund_cents >= 0),
            vat_basis_points INTEGER NOT NULL,
            reason TEXT NOT NULL,
            item_condition TEXT NOT NULL CHECK(item_condition IN ('resellable','damaged')),
            PRIMARY KEY(return_id, line_no)))"),
        QStringLiteral(R"(CREATE TABLE return_refunds(
            return_id TEXT NOT NULL REFERENCES returns(return_id),
            refund_no INTEGER NOT NULL,
            method TEXT NOT NULL CHECK(method IN ('cash','card','web_payment','gift_card',
                'store_credit','loyalty_points','exchange')),
            amount_cents BIGINT NOT NULL CHECK(amount_cents > 0),
            reference TEXT NOT NULL DEFAULT '',
            original_reference TEXT NOT NULL DEFAULT '',
            claim_id TEXT NOT NULL DEFAULT '',
            points BIGINT NOT NULL DEFAULT 0,
            PRIMARY KEY(return_id, refund_no)))"),
        QStringLiteral(R"(CREATE TABLE return_authorisations(
            return_id TEXT NOT NULL REFERENCES returns(return_id),
            authorisation_no INTEGER NOT NULL,
            permission TEXT NOT NULL,
            requested_by BIGINT NOT NULL,
            approved_by BIGINT NOT NULL,
            line_id TEXT NOT NULL DEFAULT '',
            amount_cents BIGINT NOT NULL DEFAULT 0,
            reason TEXT NOT NULL DEFAULT '',
            approved_at TEXT NOT NULL DEFAULT '',
            PRIMARY KEY(return_id, authorisation_no)))"),
        // A refund to the web shop's payment provider: recorded once per (return, tender);
        // the provider integration (outside this system) picks them up.
        QStringLiteral(R"(CREATE TABLE web_refunds(
            id TEXT PRIMARY KEY,
            return_id TEXT NOT NULL,
            order_number TEXT NOT NULL,
            method TEXT NOT NULL,
            psp_reference TEXT NOT NULL,
            amount_cents BIGINT NOT NULL CHECK(amount_cents > 0),
            store_code TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'requested'
                CHECK(state IN ('requested','sent','refunded','failed')),
            created_at TEXT NOT NULL,
            UNIQUE(return_id, psp_reference)))"),
        QStringLiteral("CREATE INDEX web_refunds_state ON web_refunds(state, created_at)"),
        QStringLiteral(R"(CREATE TABLE damaged_stock(
            product_id BIGINT NOT NULL,
            location_id BIGINT NOT NULL,
            quantity BIGINT NOT NULL CHECK(quantity >= 0),
            PRIMARY KEY(product_id, location_id)))"),
        // An offline return of a store's own sale that found the line already returned when it
        // reached the server: applied (the money left the drawer) and flagged, never counted twice.
        QStringLiteral(R"(CREATE TABLE return_conflicts(
            return_id TEXT NOT NULL,
            line_id TEXT NOT NULL,
            origin_number TEXT NOT NULL,
            store_code TEXT NOT NULL,
            asked INTEGER NOT NULL,
            returnable INTEGER NOT NULL,
            detected_at TEXT NOT NULL,
            resolved_at TEXT NOT NULL DEFAULT '',
            PRIMARY KEY(return_id, line_id)))"),
        // Return policy per store (location_id 0: the chain's default). Lists are JSON.
        QStringLiteral(R"(CREATE TABLE return_policies(
            location_id BIGINT PRIMARY KEY,
            web_withdrawal_days INTEGER NOT NULL CHECK(web_withdrawal_days >= 14),
            default_window_days INTEGER NOT NULL CHECK(default_window_days >= 0),
            category_windows TEXT NOT NULL DEFAULT '{}',
            final_sale_categories TEXT NOT NULL DEFAULT '[]',
            receipt_required INTEGER NOT NULL DEFAULT 1,
            store_credit_allowed INTEGER NOT NULL DEFAULT 1,
            gift_card_allowed INTEGER NOT NULL DEFAULT 1))"),
    };
    // SQLite cannot add a table CHECK to an existing table; a column CHECK may name other
    // columns there. PostgreSQL adds the same rule as a table constraint.
    if (pg) {
        s.append(QStringLiteral("ALTER TABLE sale_lines ADD CONSTRAINT sale_lines_returned CHECK("
                                "returned_quantity >= 0 AND returned_quantity <= quantity)"));
        s.append(QStringLiteral("ALTER TABLE sale_tenders ADD CONSTRAINT sale_tenders_refunded "
                                "CHECK(refunded_cents >= 0 AND refunded_cents <= amount_cents)"));
    } else {
        s.replaceInStrings(
            QStringLiteral("ADD COLUMN returned_quantity INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ADD COLUMN returned_quantity INTEGER NOT NULL DEFAULT 0 "
                           "CHECK(returned_quantity >= 0 AND returned_quantity <= quantity)"));
        s.replaceInStrings(QStringLiteral("ADD COLUMN refunded_cents BIGINT NOT NULL DEFAULT 0"),
            QStringLiteral("ADD COLUMN refunded_cents BIGINT NOT NULL DEFAULT 0 "
                           "CHECK(refunded_cents >= 0 AND refunded_cents <= amount_cents)"));
    }
    return s;
}

// Version 6 (issue 12, "Store operations"): shifts and cash movements per drawer, the shift of
// every sale and return, and each device's journal as it arrives, verified entry by entry,
// with the alerts for the chain's IT.
QStringList version6(Dialect dialect)
{
    const bool pg = dialect == Dialect::Postgres;
    return {
        QStringLiteral(R"(CREATE TABLE shifts(
            shift_id TEXT PRIMARY KEY,
            event_id TEXT NOT NULL UNIQUE REFERENCES events(event_id),
            location_id BIGINT NOT NULL,
            store_code TEXT NOT NULL,
            device_id TEXT NOT NULL,
            drawer_id TEXT NOT NULL,
            opened_by BIGINT NOT NULL,
            opened_at TEXT NOT NULL,
            opening_count TEXT NOT NULL,
            opening_float_cents BIGINT NOT NULL CHECK(opening_float_cents >= 0),
            state TEXT NOT NULL CHECK(state IN ('open','closed')),
            closed_by BIGINT NOT NULL DEFAULT 0,
            closed_at TEXT NOT NULL DEFAULT '',
            closing_count TEXT NOT NULL DEFAULT '',
            counted_cents BIGINT NOT NULL DEFAULT 0,
            expected_cents BIGINT NOT NULL DEFAULT 0,
            variance_cents BIGINT NOT NULL DEFAULT 0,
            z_number INTEGER NOT NULL DEFAULT 0 CHECK(z_number >= 0),
            close_event_id TEXT NOT NULL DEFAULT '',
            CHECK((state = 'open') = (z_number = 0))))"),
        QStringLiteral("CREATE UNIQUE INDEX shifts_one_open ON shifts(store_code, drawer_id) "
                       "WHERE state = 'open'"),
        QStringLiteral("CREATE UNIQUE INDEX shifts_z_number ON shifts(store_code, drawer_id, "
                       "z_number) WHERE z_number > 0"),
        QStringLiteral(R"(CREATE TABLE cash_movements(
            movement_id TEXT PRIMARY KEY,
            event_id TEXT NOT NULL UNIQUE REFERENCES events(event_id),
            shift_id TEXT NOT NULL REFERENCES shifts(shift_id),
            kind TEXT NOT NULL CHECK(kind IN ('cash_in','cash_out','no_sale')),
            amount_cents BIGINT NOT NULL CHECK(amount_cents >= 0),
            reason TEXT NOT NULL,
            staff_id BIGINT NOT NULL,
            at TEXT NOT NULL,
            approved_by BIGINT NOT NULL DEFAULT 0))"),
        QStringLiteral("CREATE INDEX cash_movements_shift ON cash_movements(shift_id)"),
        QStringLiteral("ALTER TABLE sales ADD COLUMN shift_id TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("CREATE INDEX sales_shift ON sales(shift_id)"),
        QStringLiteral("ALTER TABLE returns ADD COLUMN shift_id TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("CREATE INDEX returns_shift ON returns(shift_id)"),
        // Each device's journal exactly as it sent it. The first entry stored for a seq stays;
        // another body for the same seq is an alert ("journal.conflict").
        QStringLiteral(R"(CREATE TABLE journal_entries(
            device_id TEXT NOT NULL,
            seq BIGINT NOT NULL CHECK(seq > 0),
            recorded_at TEXT NOT NULL,
            kind TEXT NOT NULL,
            reference TEXT NOT NULL,
            amount_cents BIGINT NOT NULL,
            grand_total_cents BIGINT NOT NULL,
            body TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL,
            received_at TEXT NOT NULL,
            PRIMARY KEY(device_id, seq)))"),
        QStringLiteral("CREATE INDEX journal_entries_kind ON journal_entries(kind, recorded_at)"),
        QStringLiteral(R"(CREATE TABLE journal_alerts(
            id )")
            + (pg ? QStringLiteral("BIGSERIAL PRIMARY KEY")
                  : QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT"))
            + QStringLiteral(R"(,
            device_id TEXT NOT NULL,
            seq BIGINT NOT NULL,
            code TEXT NOT NULL,
            detail TEXT NOT NULL,
            detected_at TEXT NOT NULL,
            resolved_at TEXT NOT NULL DEFAULT ''))"),
        QStringLiteral("CREATE INDEX journal_alerts_device ON journal_alerts(device_id, seq)"),
    };
}

// Version 7 (issue 11, "Stock elsewhere"): holds on stock (reservations and endless-aisle
// orders; available = quantity - held, taken by one conditional UPDATE so the last unit goes
// once), chain settings (hold expiry, pickup release days), pickup fields on web orders, the
// handovers applied from tablets, and the catalog snapshots tablets bootstrap from.
QStringList version7(Dialect dialect)
{
    const bool pg = dialect == Dialect::Postgres;
    Q_UNUSED(pg)
    return {
        QStringLiteral(
            "ALTER TABLE stock ADD COLUMN held BIGINT NOT NULL DEFAULT 0 CHECK(held >= 0)"),
        QStringLiteral(R"(CREATE TABLE chain_settings(
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL))"),
        QStringLiteral(R"(CREATE TABLE holds(
            hold_id TEXT PRIMARY KEY,
            purpose TEXT NOT NULL CHECK(purpose IN ('reservation','order')),
            product_id BIGINT NOT NULL,
            location_id BIGINT NOT NULL,
            quantity INTEGER NOT NULL CHECK(quantity > 0),
            status TEXT NOT NULL CHECK(status IN ('held','collected','released','expired',
                'cancelled','ordered')),
            customer_id BIGINT NOT NULL DEFAULT 0,
            customer_name TEXT NOT NULL DEFAULT '',
            customer_phone TEXT NOT NULL DEFAULT '',
            code_hash TEXT NOT NULL DEFAULT '',
            device_id TEXT NOT NULL,
            staff_id BIGINT NOT NULL,
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            closed_at TEXT NOT NULL DEFAULT '',
            closed_by TEXT NOT NULL DEFAULT '',
            order_number TEXT NOT NULL DEFAULT '',
            request_hash TEXT NOT NULL DEFAULT '',
            change_seq BIGINT NOT NULL))"),
        QStringLiteral("CREATE INDEX holds_location ON holds(location_id, status, created_at)"),
        QStringLiteral("CREATE INDEX holds_expiry ON holds(status, expires_at)"),
        QStringLiteral("CREATE INDEX holds_seq ON holds(change_seq)"),
        QStringLiteral("CREATE INDEX holds_order ON holds(order_number)"),
        QStringLiteral("ALTER TABLE web_orders ADD COLUMN code_hash TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE web_orders ADD COLUMN ready_at TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE web_orders ADD COLUMN collected_at TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE web_orders ADD COLUMN sale_id TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE web_order_lines ADD COLUMN collected_quantity INTEGER NOT "
                       "NULL DEFAULT 0"),
        QStringLiteral(R"(CREATE TABLE pickup_handovers(
            handover_id TEXT PRIMARY KEY,
            event_id TEXT NOT NULL UNIQUE REFERENCES events(event_id),
            kind TEXT NOT NULL CHECK(kind IN ('handed_over','not_collected')),
            reference TEXT NOT NULL,
            reference_kind TEXT NOT NULL CHECK(reference_kind IN ('web_order','reservation')),
            store_code TEXT NOT NULL,
            staff_id BIGINT NOT NULL,
            verified_by TEXT NOT NULL DEFAULT '',
            lines TEXT NOT NULL DEFAULT '[]',
            at TEXT NOT NULL))"),
        QStringLiteral("CREATE INDEX pickup_handovers_reference ON pickup_handovers(reference)"),
        QStringLiteral(R"(CREATE TABLE snapshots(
            snapshot_id TEXT PRIMARY KEY,
            cursor BIGINT NOT NULL,
            file_name TEXT NOT NULL,
            size_bytes BIGINT NOT NULL,
            sha256 TEXT NOT NULL,
            row_count BIGINT NOT NULL,
            built_at TEXT NOT NULL,
            instance TEXT NOT NULL DEFAULT ''))"),
    };
}

} // namespace

QList<Migration> migrations(Dialect dialect)
{
    return { { 1, version1() }, { 2, version2(dialect) }, { 3, version3() }, { 4, version4() },
        { 5, version5(dialect) }, { 6, version6(dialect) }, { 7, version7(dialect) } };
}

} // namespace Toonbank::Sync::Server::Internal
