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

// Version 2 (issue 8, "Checkout I"): a cursor per feed kind, promotions, the customer cache
// with personal data encrypted at rest, loyalty points not yet confirmed, wish lists, consent
// history, and the ledger of the one Sale (adjustments, authorisations, customer, points).
QStringList version2()
{
    return {
        // One cursor per change-feed kind; v1's single pull cursor covered locations,
        // products, stock and staff, so it becomes the "catalog" cursor.
        QStringLiteral(R"(CREATE TABLE feed_cursors(
            kind TEXT PRIMARY KEY,
            cursor INTEGER NOT NULL CHECK(cursor >= 0)) WITHOUT ROWID)"),
        QStringLiteral("INSERT INTO feed_cursors(kind, cursor) SELECT 'catalog', "
                       "max(0, CAST(value AS INTEGER)) FROM sync_state WHERE key = 'pull_cursor'"),
        QStringLiteral("DELETE FROM sync_state WHERE key = 'pull_cursor'"),
        // Core::Promotion as columns. valid_from/valid_until are store local time
        // "yyyy-MM-ddTHH:mm:ss" (NULL = open); lists are JSON arrays.
        QStringLiteral(R"(CREATE TABLE promotions(
            id TEXT PRIMARY KEY,
            label TEXT NOT NULL,
            kind TEXT NOT NULL,
            target TEXT NOT NULL,
            target_keys TEXT NOT NULL DEFAULT '[]',
            percent_basis_points INTEGER NOT NULL DEFAULT 0,
            amount_cents INTEGER NOT NULL DEFAULT 0,
            threshold_cents INTEGER NOT NULL DEFAULT 0,
            buy_quantity INTEGER NOT NULL DEFAULT 0,
            pay_quantity INTEGER NOT NULL DEFAULT 0,
            valid_from TEXT,
            valid_until TEXT,
            store_codes TEXT NOT NULL DEFAULT '[]',
            exclusive INTEGER NOT NULL DEFAULT 0,
            priority INTEGER NOT NULL DEFAULT 0,
            coupon_code TEXT NOT NULL DEFAULT '',
            single_use INTEGER NOT NULL DEFAULT 0,
            customer_id INTEGER NOT NULL DEFAULT 0,
            tier TEXT NOT NULL DEFAULT '',
            version INTEGER NOT NULL DEFAULT 0))"),
        QStringLiteral("CREATE INDEX promotions_coupon ON promotions(lower(coupon_code)) "
                       "WHERE coupon_code <> ''"),
        QStringLiteral("CREATE INDEX promotions_until ON promotions(valid_until)"),
        // The customers of this store and those seen here. name/email/phone are AES-256-GCM
        // sealed (nonce ‖ ciphertext ‖ tag); *_index are HMAC-SHA256 blind indexes of the
        // normalised value under a separate key, so lookups are indexed equality matches.
        // The card number is the pseudonymous loyalty key that every sale event carries in
        // clear, so it is stored in clear too. seen_at (unix s) = max(server's last seen,
        // last use here): the purge of customers unseen for N days runs on it.
        QStringLiteral(R"(CREATE TABLE customers(
            card_number TEXT PRIMARY KEY,
            server_id INTEGER NOT NULL DEFAULT 0,
            local_id TEXT NOT NULL DEFAULT '',
            name_sealed BLOB NOT NULL,
            email_sealed BLOB,
            phone_sealed BLOB,
            email_index BLOB,
            phone_index BLOB,
            tier TEXT NOT NULL DEFAULT 'basic',
            points_balance INTEGER NOT NULL DEFAULT 0,
            lifetime_points INTEGER NOT NULL DEFAULT 0,
            home_store_code TEXT NOT NULL DEFAULT '',
            consent_email INTEGER NOT NULL DEFAULT 0,
            consent_sms INTEGER NOT NULL DEFAULT 0,
            consent_personalised INTEGER NOT NULL DEFAULT 0,
            consent_changed_at TEXT,
            last_seen_at TEXT,
            seen_at INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID)"),
        QStringLiteral("CREATE INDEX customers_email ON customers(email_index) "
                       "WHERE email_index IS NOT NULL"),
        QStringLiteral("CREATE INDEX customers_phone ON customers(phone_index) "
                       "WHERE phone_index IS NOT NULL"),
        QStringLiteral(
            "CREATE INDEX customers_server ON customers(server_id) WHERE server_id <> 0"),
        QStringLiteral("CREATE INDEX customers_seen ON customers(seen_at)"),
        // HMAC of each lower-cased, diacritic-free name token: name search without decrypting.
        QStringLiteral(R"(CREATE TABLE customer_name_tokens(
            token_index BLOB NOT NULL,
            card_number TEXT NOT NULL REFERENCES customers(card_number) ON DELETE CASCADE,
            PRIMARY KEY(token_index, card_number)) WITHOUT ROWID)"),
        QStringLiteral(
            "CREATE INDEX customer_name_tokens_card ON customer_name_tokens(card_number)"),
        // Points this tablet earned or spent that the server has not confirmed yet: shown as
        // server balance + these, removed when the server confirms the sale.
        QStringLiteral(R"(CREATE TABLE loyalty_pending(
            id INTEGER PRIMARY KEY,
            card_number TEXT NOT NULL,
            sale_uuid TEXT NOT NULL,
            points INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            UNIQUE(sale_uuid, card_number)))"),
        QStringLiteral("CREATE INDEX loyalty_pending_card ON loyalty_pending(card_number)"),
        QStringLiteral(R"(CREATE TABLE wishlist(
            card_number TEXT NOT NULL,
            product_id INTEGER NOT NULL,
            sku TEXT NOT NULL,
            added_at TEXT NOT NULL,
            PRIMARY KEY(card_number, product_id)) WITHOUT ROWID)"),
        QStringLiteral(R"(CREATE TABLE consent_history(
            id INTEGER PRIMARY KEY,
            card_number TEXT NOT NULL,
            consent_email INTEGER NOT NULL,
            consent_sms INTEGER NOT NULL,
            consent_personalised INTEGER NOT NULL,
            changed_at TEXT NOT NULL,
            staff_id INTEGER NOT NULL DEFAULT 0,
            source TEXT NOT NULL CHECK(source IN ('enrolment','edit','server'))))"),
        QStringLiteral("CREATE INDEX consent_history_card ON consent_history(card_number, id)"),
        // The one Sale in the ledger: what v1 lacked.
        QStringLiteral("ALTER TABLE sales ADD COLUMN customer_code TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE sales ADD COLUMN customer_tier TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE sales ADD COLUMN coupon_codes TEXT NOT NULL DEFAULT '[]'"),
        QStringLiteral("ALTER TABLE sales ADD COLUMN points_earned INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE sales ADD COLUMN points_redeemed INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE sales ADD COLUMN catalog_version INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("CREATE INDEX sales_customer ON sales(customer_code) "
                       "WHERE customer_code <> ''"),
        QStringLiteral("ALTER TABLE sale_lines ADD COLUMN line_id TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE sale_lines ADD COLUMN category TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE sale_lines ADD COLUMN brand TEXT NOT NULL DEFAULT ''"),
        QStringLiteral(
            "ALTER TABLE sale_lines ADD COLUMN regular_price_cents INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral(R"(CREATE TABLE sale_adjustments(
            sale_id INTEGER NOT NULL REFERENCES sales(id),
            line_no INTEGER NOT NULL,
            position INTEGER NOT NULL,
            kind TEXT NOT NULL
                CHECK(kind IN ('promotion','coupon','personal_offer','tier','manual')),
            source_id TEXT NOT NULL,
            label TEXT NOT NULL,
            amount_cents INTEGER NOT NULL CHECK(amount_cents >= 0),
            approved_by INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY(sale_id, line_no, position)))"),
        QStringLiteral(R"(CREATE TABLE sale_authorisations(
            sale_id INTEGER NOT NULL REFERENCES sales(id),
            position INTEGER NOT NULL,
            permission TEXT NOT NULL,
            requested_by INTEGER NOT NULL,
            approved_by INTEGER NOT NULL,
            line_id TEXT NOT NULL DEFAULT '',
            amount_cents INTEGER NOT NULL DEFAULT 0,
            reason TEXT NOT NULL DEFAULT '',
            approved_at TEXT NOT NULL,
            PRIMARY KEY(sale_id, position)))"),
    };
}

// Version 3 (issue 9, "Checkout II"): durable payment state — a payment session per sale with
// the frozen basket, and its tenders, each written before the terminal or the server is asked
// — the full tender in the ledger, gift-card lines, and the seller's VAT number.
QStringList version3()
{
    return {
        QStringLiteral("ALTER TABLE locations ADD COLUMN vat_number TEXT NOT NULL DEFAULT ''"),
        // A gift card sold or topped up on a sale line (no stock movement, no VAT).
        QStringLiteral(
            "ALTER TABLE sale_lines ADD COLUMN gift_card_number TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE sale_payments ADD COLUMN claim_id TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE sale_payments ADD COLUMN masked_pan TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE sale_payments ADD COLUMN card_brand TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE sale_payments ADD COLUMN auth_code TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE sale_payments ADD COLUMN points INTEGER NOT NULL DEFAULT 0"),
        // NULL: no balance to show (cash, card).
        QStringLiteral("ALTER TABLE sale_payments ADD COLUMN balance_left_cents INTEGER"),
        // One payment of one sale. basket_json is the frozen draft basket in the versioned
        // parked form (restored and frozen after a crash); sale_json the sale as built when
        // the payment began (lines, adjustments, VAT, total), so the recorded sale is exactly
        // what the tenders paid even when recovered on another day. At most one open payment
        // per tablet.
        QStringLiteral(R"(CREATE TABLE payment_sessions(
            id INTEGER PRIMARY KEY,
            sale_uuid TEXT NOT NULL,
            basket_json TEXT NOT NULL,
            sale_json TEXT NOT NULL,
            total_cents INTEGER NOT NULL CHECK(total_cents >= 0),
            customer_code TEXT NOT NULL DEFAULT '',
            coupon_codes TEXT NOT NULL DEFAULT '[]',
            staff_id INTEGER NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            state TEXT NOT NULL DEFAULT 'open'
                CHECK(state IN ('open','completed','cancelled'))))"),
        QStringLiteral("CREATE UNIQUE INDEX payment_sessions_one_open ON payment_sessions(state) "
                       "WHERE state = 'open'"),
        QStringLiteral("CREATE UNIQUE INDEX payment_sessions_completed ON "
                       "payment_sessions(sale_uuid) WHERE state = 'completed'"),
        // Every tender of a payment, written (pending) before the terminal or server is asked.
        // claim_id: the nexo ServiceID of a card, the server claim id of a gift card or store
        // credit, a UUID for cash and points. reference: the POI transaction id (card), the
        // gift card number, the customer's card number (store credit, points).
        QStringLiteral(R"(CREATE TABLE payment_tenders(
            claim_id TEXT PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES payment_sessions(id),
            sale_uuid TEXT NOT NULL,
            position INTEGER NOT NULL,
            method TEXT NOT NULL CHECK(method IN
                ('cash','card','gift_card','store_credit','loyalty_points')),
            amount_cents INTEGER NOT NULL CHECK(amount_cents > 0),
            tendered_cents INTEGER NOT NULL DEFAULT 0,
            change_cents INTEGER NOT NULL DEFAULT 0,
            state TEXT NOT NULL
                CHECK(state IN ('pending','settled','failed','reversing','reversed')),
            reference TEXT NOT NULL DEFAULT '',
            masked_pan TEXT NOT NULL DEFAULT '',
            card_brand TEXT NOT NULL DEFAULT '',
            auth_code TEXT NOT NULL DEFAULT '',
            poi_timestamp TEXT,
            points INTEGER NOT NULL DEFAULT 0 CHECK(points >= 0),
            balance_left_cents INTEGER,
            detail TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE(session_id, position)))"),
        QStringLiteral("CREATE INDEX payment_tenders_open ON payment_tenders(state) "
                       "WHERE state IN ('pending','reversing')"),
        QStringLiteral("CREATE INDEX payment_tenders_sale ON payment_tenders(sale_uuid)"),
    };
}

// Version 4 (issue 10, "Returns"): the tablet's returns (rows plus the Core::Return as JSON for
// a reprint), what was returned of its own sales and refunded to their tenders (under CHECKs,
// so nothing is returned or refunded twice), and the refund in progress, durable: its draft,
// its server claim and every part, a card reversal's ServiceID written before the terminal is
// asked. payment_tenders also takes an exchange's return_credit tender.
QStringList version4()
{
    return {
        QStringLiteral("ALTER TABLE sale_lines ADD COLUMN returned_quantity INTEGER NOT NULL "
                       "DEFAULT 0 CHECK(returned_quantity >= 0 AND returned_quantity <= quantity)"),
        QStringLiteral("ALTER TABLE sale_payments ADD COLUMN refunded_cents INTEGER NOT NULL "
                       "DEFAULT 0 CHECK(refunded_cents >= 0 AND refunded_cents <= amount_cents)"),
        QStringLiteral(R"(CREATE TABLE returns(
            id INTEGER PRIMARY KEY,
            return_uuid TEXT NOT NULL UNIQUE,
            receipt_number TEXT NOT NULL UNIQUE,
            location_id INTEGER NOT NULL,
            staff_id INTEGER NOT NULL,
            returned_at TEXT NOT NULL,
            origin TEXT NOT NULL CHECK(origin IN ('store_sale','web_order','no_receipt')),
            origin_number TEXT NOT NULL DEFAULT '',
            origin_sale_id TEXT NOT NULL DEFAULT '',
            claim_id TEXT NOT NULL DEFAULT '',
            goods_cents INTEGER NOT NULL CHECK(goods_cents >= 0),
            delivery_cents INTEGER NOT NULL DEFAULT 0 CHECK(delivery_cents >= 0),
            total_cents INTEGER NOT NULL CHECK(total_cents >= 0),
            rounding_cents INTEGER NOT NULL DEFAULT 0,
            customer_code TEXT NOT NULL DEFAULT '',
            points_taken_back INTEGER NOT NULL DEFAULT 0,
            points_given_back INTEGER NOT NULL DEFAULT 0,
            exchange_sale_id TEXT NOT NULL DEFAULT '',
            training INTEGER NOT NULL DEFAULT 0,
            return_json TEXT NOT NULL))"),
        QStringLiteral("CREATE INDEX returns_origin ON returns(origin_sale_id)"),
        QStringLiteral(R"(CREATE TABLE return_lines(
            return_id INTEGER NOT NULL REFERENCES returns(id),
            line_no INTEGER NOT NULL,
            line_id TEXT NOT NULL,
            original_line_id TEXT NOT NULL DEFAULT '',
            product_id INTEGER NOT NULL,
            sku TEXT NOT NULL,
            name TEXT NOT NULL,
            category TEXT NOT NULL DEFAULT '',
            quantity INTEGER NOT NULL CHECK(quantity > 0),
            refund_cents INTEGER NOT NULL CHECK(refund_cents >= 0),
            vat_basis_points INTEGER NOT NULL,
            reason TEXT NOT NULL,
            condition TEXT NOT NULL CHECK(condition IN ('resellable','damaged')),
            PRIMARY KEY(return_id, line_no)))"),
        QStringLiteral(R"(CREATE TABLE return_refunds(
            return_id INTEGER NOT NULL REFERENCES returns(id),
            position INTEGER NOT NULL,
            method TEXT NOT NULL,
            amount_cents INTEGER NOT NULL CHECK(amount_cents > 0),
            reference TEXT NOT NULL DEFAULT '',
            original_reference TEXT NOT NULL DEFAULT '',
            claim_id TEXT NOT NULL DEFAULT '',
            masked_pan TEXT NOT NULL DEFAULT '',
            points INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY(return_id, position)))"),
        // The return in progress. draft_json: {"return": the planned Core::Return (returnToJson,
        // no receipt number yet), "order": the ReturnableOrder, "policy"}. At most one open.
        QStringLiteral(R"(CREATE TABLE refund_sessions(
            id INTEGER PRIMARY KEY,
            return_uuid TEXT NOT NULL UNIQUE,
            claim_id TEXT NOT NULL DEFAULT '',
            claim_state TEXT NOT NULL DEFAULT 'none'
                CHECK(claim_state IN ('none','asking','granted','released')),
            exchange INTEGER NOT NULL DEFAULT 0,
            draft_json TEXT NOT NULL,
            staff_id INTEGER NOT NULL,
            started_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'open'
                CHECK(state IN ('open','completed','cancelled'))))"),
        QStringLiteral("CREATE UNIQUE INDEX refund_sessions_one_open ON refund_sessions(state) "
                       "WHERE state = 'open'"),
        // Every part of the refund in progress. service_id: a card reversal's nexo ServiceID,
        // written (pending) before the terminal is asked; reference: its own POI transaction id.
        QStringLiteral(R"(CREATE TABLE refund_parts(
            session_id INTEGER NOT NULL REFERENCES refund_sessions(id),
            position INTEGER NOT NULL,
            method TEXT NOT NULL,
            amount_cents INTEGER NOT NULL CHECK(amount_cents > 0),
            state TEXT NOT NULL CHECK(state IN ('planned','pending','done','failed')),
            service_id TEXT NOT NULL DEFAULT '',
            reference TEXT NOT NULL DEFAULT '',
            original_reference TEXT NOT NULL DEFAULT '',
            original_at TEXT,
            masked_pan TEXT NOT NULL DEFAULT '',
            points INTEGER NOT NULL DEFAULT 0,
            detail TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL,
            PRIMARY KEY(session_id, position)))"),
        // An exchange pays part of the new sale with the return's credit: payment_tenders gets
        // 'return_credit' (SQLite changes a CHECK only by rebuilding the table).
        QStringLiteral(R"(CREATE TABLE payment_tenders_v4(
            claim_id TEXT PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES payment_sessions(id),
            sale_uuid TEXT NOT NULL,
            position INTEGER NOT NULL,
            method TEXT NOT NULL CHECK(method IN
                ('cash','card','gift_card','store_credit','loyalty_points','return_credit')),
            amount_cents INTEGER NOT NULL CHECK(amount_cents > 0),
            tendered_cents INTEGER NOT NULL DEFAULT 0,
            change_cents INTEGER NOT NULL DEFAULT 0,
            state TEXT NOT NULL
                CHECK(state IN ('pending','settled','failed','reversing','reversed')),
            reference TEXT NOT NULL DEFAULT '',
            masked_pan TEXT NOT NULL DEFAULT '',
            card_brand TEXT NOT NULL DEFAULT '',
            auth_code TEXT NOT NULL DEFAULT '',
            poi_timestamp TEXT,
            points INTEGER NOT NULL DEFAULT 0 CHECK(points >= 0),
            balance_left_cents INTEGER,
            detail TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE(session_id, position)))"),
        QStringLiteral("INSERT INTO payment_tenders_v4 SELECT * FROM payment_tenders"),
        QStringLiteral("DROP TABLE payment_tenders"),
        QStringLiteral("ALTER TABLE payment_tenders_v4 RENAME TO payment_tenders"),
        QStringLiteral("CREATE INDEX payment_tenders_open ON payment_tenders(state) "
                       "WHERE state IN ('pending','reversing')"),
        QStringLiteral("CREATE INDEX payment_tenders_sale ON payment_tenders(sale_uuid)"),
    };
}

// Version 5 (issue 12, "Store operations"): the drawer's shifts (one open per drawer, Z numbers
// without gaps), cash movements, and the shift every sale and return belongs to.
QStringList version5()
{
    return {
        QStringLiteral(R"(CREATE TABLE shifts(
            shift_id TEXT PRIMARY KEY,
            drawer_id TEXT NOT NULL,
            store_code TEXT NOT NULL,
            opened_by INTEGER NOT NULL,
            opened_at TEXT NOT NULL,
            opening_count TEXT NOT NULL,
            opening_float_cents INTEGER NOT NULL CHECK(opening_float_cents >= 0),
            state TEXT NOT NULL CHECK(state IN ('open','closed')),
            closed_by INTEGER NOT NULL DEFAULT 0,
            closed_at TEXT NOT NULL DEFAULT '',
            closing_count TEXT NOT NULL DEFAULT '',
            counted_cents INTEGER NOT NULL DEFAULT 0,
            expected_cents INTEGER NOT NULL DEFAULT 0,
            z_number INTEGER NOT NULL DEFAULT 0 CHECK(z_number >= 0),
            report_json TEXT NOT NULL DEFAULT '',
            CHECK((state = 'open') = (z_number = 0))))"),
        QStringLiteral("CREATE UNIQUE INDEX shifts_one_open ON shifts(drawer_id) "
                       "WHERE state = 'open'"),
        QStringLiteral("CREATE UNIQUE INDEX shifts_z_number ON shifts(drawer_id, z_number) "
                       "WHERE z_number > 0"),
        QStringLiteral(R"(CREATE TABLE cash_movements(
            movement_id TEXT PRIMARY KEY,
            shift_id TEXT NOT NULL REFERENCES shifts(shift_id),
            kind TEXT NOT NULL CHECK(kind IN ('cash_in','cash_out','no_sale')),
            amount_cents INTEGER NOT NULL CHECK(amount_cents >= 0),
            reason TEXT NOT NULL,
            staff_id INTEGER NOT NULL,
            at TEXT NOT NULL,
            approved_by INTEGER NOT NULL DEFAULT 0))"),
        QStringLiteral("CREATE INDEX cash_movements_shift ON cash_movements(shift_id)"),
        QStringLiteral("ALTER TABLE sales ADD COLUMN shift_id TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("CREATE INDEX sales_shift ON sales(shift_id)"),
        QStringLiteral("ALTER TABLE returns ADD COLUMN shift_id TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("CREATE INDEX returns_shift ON returns(shift_id)"),
    };
}

// Version 6 (issue 11, "Stock elsewhere"): orders waiting for pickup at this store (web orders
// and reservations, from the "pickups" feed kind) with their lines, and the handovers made on
// this tablet. The customer's name and phone are sealed with the cache's DataCipher like the
// customers table; the pickup code is only kept as Core::pickupCodeHash.
QStringList version6()
{
    return {
        QStringLiteral(R"(CREATE TABLE pickups(
            reference TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK(kind IN ('web_order','reservation')),
            location_id INTEGER NOT NULL,
            status TEXT NOT NULL,
            customer_sealed TEXT NOT NULL DEFAULT '',
            code_hash TEXT NOT NULL DEFAULT '',
            ready_at TEXT NOT NULL,
            expires_at TEXT NOT NULL DEFAULT '',
            total_cents INTEGER NOT NULL DEFAULT 0,
            paid INTEGER NOT NULL DEFAULT 1,
            local_status TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL))"),
        QStringLiteral("CREATE INDEX pickups_ready ON pickups(location_id, status, ready_at)"),
        QStringLiteral(R"(CREATE TABLE pickup_lines(
            reference TEXT NOT NULL REFERENCES pickups(reference) ON DELETE CASCADE,
            line_id TEXT NOT NULL,
            product_id INTEGER NOT NULL,
            sku TEXT NOT NULL,
            name TEXT NOT NULL,
            quantity INTEGER NOT NULL CHECK(quantity > 0),
            collected_quantity INTEGER NOT NULL DEFAULT 0,
            CHECK(collected_quantity >= 0 AND collected_quantity <= quantity),
            PRIMARY KEY(reference, line_id)) WITHOUT ROWID)"),
        QStringLiteral(R"(CREATE TABLE pickup_handovers(
            handover_id TEXT PRIMARY KEY,
            reference TEXT NOT NULL,
            kind TEXT NOT NULL CHECK(kind IN ('handed_over','not_collected')),
            staff_id INTEGER NOT NULL,
            verified_by TEXT NOT NULL DEFAULT '',
            lines TEXT NOT NULL DEFAULT '[]',
            at TEXT NOT NULL))"),
        QStringLiteral("CREATE INDEX pickup_handovers_reference ON pickup_handovers(reference)"),
    };
}

// Version 7 (issue 11, "server trusts nothing"): wrong pickup codes typed for a pickup on this
// tablet (Core::checkPickupCode); at Core::maxWrongPickupCodes its code check is locked until
// the pickup leaves the list. The feed's upsert leaves the count alone.
QStringList version7()
{
    return {
        QStringLiteral("ALTER TABLE pickups ADD COLUMN wrong_codes INTEGER NOT NULL DEFAULT 0"),
    };
}

// Version 8 (issue 11, first sync): a product's barcodes are listed on the product (the
// lookup keys as a JSON array, in the product's order) instead of found through an index on
// barcodes(product_id). The snapshot copies barcodes in code order; every row also went into
// that index at a random place, so each 15 ms chunk rewrote most of its pages: 25 of a
// million-product first sync's 40 s. Without it the copy is sequential (about 2 s). No
// product is ever deleted on the tablet, so the foreign key needs no index of its own.
QStringList version8()
{
    return {
        QStringLiteral("ALTER TABLE products ADD COLUMN barcodes TEXT NOT NULL DEFAULT '[]'"),
        // The lists first, in one pass in product order, then one join: 7 s on a million
        // products where a subquery per product took 9 s (this runs once, at start).
        QStringLiteral("CREATE TEMP TABLE product_codes AS SELECT product_id, "
                       "json_group_array(code) AS codes FROM (SELECT product_id, code FROM "
                       "barcodes ORDER BY product_id, position, code) GROUP BY product_id"),
        QStringLiteral("UPDATE products SET barcodes = c.codes FROM temp.product_codes c WHERE "
                       "c.product_id = products.id"),
        QStringLiteral("DROP TABLE temp.product_codes"),
        QStringLiteral("DROP INDEX barcodes_product"),
    };
}

} // namespace

const QList<Migration> &migrations()
{
    static const QList<Migration> all = {
        { 1, version1() },
        { 2, version2() },
        { 3, version3() },
        { 4, version4() },
        { 5, version5() },
        { 6, version6() },
        { 7, version7() },
        { 8, version8() },
    };
    return all;
}

} // namespace Toonbank::Store::Internal
