// Schema v1 → current (v2, then v3) on a fixture cache written with the v1 schema
// (fixtures/cache_v1.sql): the upgrade runs in one transaction, the pending outbox events are still
// there in order with their ids and device_seq and come out of the outbox exactly once, the v1 pull
// cursor becomes the "catalog" feed cursor, and the new tables exist. v2 → v3 starts from
// fixtures/cache_v2.sql.
#include "app/store/catalog.h"
#include "app/store/feedcursors.h"
#include "app/store/localdatabase.h"
#include "app/store/outbox.h"
#include "app/store/parkedbaskets.h"
#include "app/store/salesledger.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

using namespace Toonbank;
using Store::LocalDatabase;

class TestMigration final : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    QString v1Cache(const QString &name)
    {
        QFile fixture(QStringLiteral(TOONBANK_FIXTURE_DIR "/cache_v1.sql"));
        if (!fixture.open(QIODevice::ReadOnly))
            qFatal("no fixture");
        const QByteArray sql = fixture.readAll();
        const QString path = m_dir.filePath(name);
        sqlite3 *db = nullptr;
        sqlite3_open(QFile::encodeName(path).constData(), &db);
        char *error = nullptr;
        if (sqlite3_exec(db, sql.constData(), nullptr, nullptr, &error) != SQLITE_OK)
            qFatal("fixture: %s", error);
        sqlite3_close(db);
        return path;
    }

    static qint64 scalar(LocalDatabase &db, const QString &sql)
    {
        QSqlQuery q(db.connection());
        if (!q.exec(sql) || !q.next())
            return -1;
        return q.value(0).toLongLong();
    }

private slots:
    void upgradesV1WithPendingEvents()
    {
        const QString path = v1Cache(QStringLiteral("v1.sqlite"));
        auto db = LocalDatabase::open(path, LocalDatabase::OpenMode::ExistingOnly);
        QVERIFY2(db, db ? "" : qPrintable(db.error().detail));
        QCOMPARE(db.value()->schemaVersion(), LocalDatabase::currentSchemaVersion);

        // The events: the same ids, the same device_seq, the same order, the rejected one
        // still rejected with its reason.
        Store::Outbox outbox(*db.value());
        auto pending = outbox.pending(100);
        QVERIFY(pending);
        QCOMPARE(pending->size(), 3);
        const QList<qint64> seqs { 2, 3, 5 };
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(pending->at(i).deviceSeq, seqs.at(i));
            QCOMPARE(pending->at(i).eventId,
                QStringLiteral("a0000000-0000-4000-8000-00000000000%1").arg(seqs.at(i)));
            QVERIFY(pending->at(i).payload.contains("\"n\":" + QByteArray::number(seqs.at(i))));
        }
        QCOMPARE(pending->at(0).attempts, 1);
        auto rejected = outbox.rejected();
        QVERIFY(rejected);
        QCOMPARE(rejected->size(), 1);
        QCOMPARE(rejected->first().second, QStringLiteral("sale.unknown_product"));

        // Pushed once: after the acknowledgement nothing of them is offered again.
        QVERIFY(outbox.recordOutcome(
            { pending->at(0).eventId, pending->at(1).eventId, pending->at(2).eventId }, {},
            { pending->at(0).eventId, pending->at(1).eventId, pending->at(2).eventId }));
        QCOMPARE(outbox.pending(100)->size(), 0);

        // A new event continues the device sequence after the highest ever used (5).
        auto appended = outbox.append(QStringLiteral("sale"), 10,
            QDateTime(QDate(2026, 11, 21), QTime(9, 0), Qt::UTC), "{\"n\":6}");
        QVERIFY(appended);
        QCOMPARE(outbox.pending(10)->first().deviceSeq, 6);

        // The v1 cursor is the catalog cursor now; the new kinds start at 0.
        Store::FeedCursors cursors(*db.value());
        QCOMPARE(cursors.cursor(QStringLiteral("catalog")).value(), 4711);
        QCOMPARE(cursors.cursor(QStringLiteral("promotions")).value(), 0);
        QCOMPARE(cursors.cursor(QStringLiteral("customers")).value(), 0);
        QCOMPARE(outbox.pullCursor(), 4711);
        QCOMPARE(outbox.syncValue(QStringLiteral("pull_cursor"), QStringLiteral("gone")),
            QStringLiteral("gone"));
        QCOMPARE(outbox.lastPullAt(), QDateTime(QDate(2026, 11, 20), QTime(9, 59), Qt::UTC));

        // v8: the product lists its barcodes (there is no index by product any more), and the
        // catalog reads them from there.
        QCOMPARE(scalar(*db.value(),
                     QStringLiteral("SELECT count(*) FROM products WHERE id = 100 AND barcodes = "
                                    "'[\"8712345000011\"]'")),
            1);
        QCOMPARE(scalar(*db.value(),
                     QStringLiteral(
                         "SELECT count(*) FROM sqlite_schema WHERE name = 'barcodes_product'")),
            0);
        {
            Store::Catalog catalog(*db.value(), 1);
            auto product = catalog.product(100);
            QVERIFY2(product, product ? "" : qPrintable(product.error().detail));
            QCOMPARE(product->record.barcodes, QStringList { QStringLiteral("8712345000011") });
        }

        // v1 data untouched; new columns have their defaults; new tables exist.
        QCOMPARE(scalar(*db.value(), QStringLiteral("SELECT count(*) FROM sales")), 1);
        QCOMPARE(
            scalar(*db.value(), QStringLiteral("SELECT points_earned FROM sales WHERE id = 1")), 0);
        QCOMPARE(scalar(*db.value(), QStringLiteral("SELECT count(*) FROM parked_baskets")), 1);
        for (const char *table :
            { "feed_cursors", "promotions", "customers", "customer_name_tokens", "loyalty_pending",
                "wishlist", "consent_history", "sale_adjustments", "sale_authorisations",
                "payment_sessions", "payment_tenders" }) {
            QCOMPARE(scalar(*db.value(),
                         QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = '%1'")
                             .arg(QLatin1String(table))),
                1);
        }
    }

    // v2 → v3 (issue 9, "Checkout II"), from a v2 cache (fixtures/cache_v2.sql): payment
    // sessions and tenders, the full tender in sale_payments, gift-card lines, the seller's
    // VAT number; v2 data untouched, new columns with their defaults, the tables usable.
    void upgradesV2ToV3()
    {
        QFile fixture(QStringLiteral(TOONBANK_FIXTURE_DIR "/cache_v2.sql"));
        QVERIFY(fixture.open(QIODevice::ReadOnly));
        const QString path = m_dir.filePath(QStringLiteral("v2.sqlite"));
        sqlite3 *raw = nullptr;
        sqlite3_open(QFile::encodeName(path).constData(), &raw);
        char *error = nullptr;
        QVERIFY2(
            sqlite3_exec(raw, fixture.readAll().constData(), nullptr, nullptr, &error) == SQLITE_OK,
            error);
        sqlite3_stmt *stmt = nullptr;
        sqlite3_prepare_v2(raw, "PRAGMA user_version", -1, &stmt, nullptr);
        QCOMPARE(sqlite3_step(stmt), SQLITE_ROW);
        QCOMPARE(sqlite3_column_int(stmt, 0), 2);
        sqlite3_finalize(stmt);
        sqlite3_close(raw);

        auto db = LocalDatabase::open(path, LocalDatabase::OpenMode::ExistingOnly);
        QVERIFY2(db, db ? "" : qPrintable(db.error().detail));
        QCOMPARE(db.value()->schemaVersion(), LocalDatabase::currentSchemaVersion);
        LocalDatabase &cache = *db.value();
        QCOMPARE(scalar(cache, QStringLiteral("SELECT count(*) FROM sales")), 1);
        QCOMPARE(scalar(cache, QStringLiteral("SELECT count(*) FROM outbox")), 4);
        QCOMPARE(scalar(cache,
                     QStringLiteral("SELECT count(*) FROM sale_payments WHERE claim_id = '' AND "
                                    "points = 0 AND balance_left_cents IS NULL")),
            scalar(cache, QStringLiteral("SELECT count(*) FROM sale_payments")));
        QCOMPARE(
            scalar(cache,
                QStringLiteral("SELECT count(*) FROM sale_lines WHERE gift_card_number <> ''")),
            0);
        QCOMPARE(
            scalar(cache, QStringLiteral("SELECT count(*) FROM locations WHERE vat_number = ''")),
            scalar(cache, QStringLiteral("SELECT count(*) FROM locations")));
        for (const char *table : { "payment_sessions", "payment_tenders" }) {
            QCOMPARE(scalar(cache,
                         QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = '%1'")
                             .arg(QLatin1String(table))),
                1);
        }
        // The constraints hold: one open payment per tablet, tender states and amounts.
        QSqlQuery q(cache.connection());
        const QString session = QStringLiteral(
            "INSERT INTO payment_sessions(sale_uuid, basket_json, sale_json, total_cents, "
            "staff_id, started_at) VALUES('%1', '{}', '{}', 100, 10, '2026-11-29T08:00:00Z')");
        QVERIFY(q.exec(session.arg(QStringLiteral("s1"))));
        QVERIFY(!q.exec(session.arg(QStringLiteral("s2"))));
        const QString tender = QStringLiteral(
            "INSERT INTO payment_tenders(claim_id, session_id, sale_uuid, position, method, "
            "amount_cents, state, created_at, updated_at) VALUES('%1', 1, 's1', %2, '%3', %4, "
            "'%5', 'x', 'x')");
        QVERIFY(q.exec(tender.arg(QStringLiteral("A1"))
                           .arg(1)
                           .arg(QStringLiteral("card"))
                           .arg(100)
                           .arg(QStringLiteral("pending"))));
        QVERIFY(!q.exec(tender.arg(QStringLiteral("A2"))
                            .arg(2)
                            .arg(QStringLiteral("card"))
                            .arg(0)
                            .arg(QStringLiteral("pending"))));
        QVERIFY(!q.exec(tender.arg(QStringLiteral("A3"))
                            .arg(3)
                            .arg(QStringLiteral("cheque"))
                            .arg(100)
                            .arg(QStringLiteral("pending"))));
        QVERIFY(!q.exec(tender.arg(QStringLiteral("A4"))
                            .arg(4)
                            .arg(QStringLiteral("card"))
                            .arg(100)
                            .arg(QStringLiteral("lost"))));
        QVERIFY(!q.exec(tender.arg(QStringLiteral("A1"))
                            .arg(5)
                            .arg(QStringLiteral("card"))
                            .arg(100)
                            .arg(QStringLiteral("pending"))));
    }

    void reopeningDoesNotMigrateAgain()
    {
        const QString path = v1Cache(QStringLiteral("twice.sqlite"));
        {
            auto db = LocalDatabase::open(path);
            QVERIFY(db);
            QVERIFY(Store::FeedCursors(*db.value()).setCursor(QStringLiteral("catalog"), 5000));
        }
        auto db = LocalDatabase::open(path);
        QVERIFY(db);
        QCOMPARE(Store::FeedCursors(*db.value()).cursor(QStringLiteral("catalog")).value(), 5000);
        QCOMPARE(Store::Outbox(*db.value()).pending(10)->size(), 3);
    }

    void failedMigrationLeavesV1Intact()
    {
        const QString path = v1Cache(QStringLiteral("blocked.sqlite"));
        {
            // A table in the way of a v2 statement: the whole upgrade must roll back.
            sqlite3 *raw = nullptr;
            sqlite3_open(QFile::encodeName(path).constData(), &raw);
            QCOMPARE(sqlite3_exec(raw, "CREATE TABLE wishlist(x)", nullptr, nullptr, nullptr),
                SQLITE_OK);
            sqlite3_close(raw);
        }
        auto db = LocalDatabase::open(path);
        QVERIFY(!db);
        QCOMPARE(db.error().code, QStringLiteral("cache.open_failed"));
        sqlite3 *raw = nullptr;
        sqlite3_open(QFile::encodeName(path).constData(), &raw);
        sqlite3_stmt *stmt = nullptr;
        sqlite3_prepare_v2(raw,
            "SELECT (SELECT count(*) FROM sqlite_schema WHERE name = 'feed_cursors'), "
            "(SELECT value FROM sync_state WHERE key = 'pull_cursor'), "
            "(SELECT count(*) FROM outbox)",
            -1, &stmt, nullptr);
        QCOMPARE(sqlite3_step(stmt), SQLITE_ROW);
        QCOMPARE(sqlite3_column_int(stmt, 0), 0);
        QCOMPARE(sqlite3_column_int(stmt, 1), 4711);
        QCOMPARE(sqlite3_column_int(stmt, 2), 4);
        sqlite3_finalize(stmt);
        sqlite3_close(raw);
    }
};

QTEST_GUILESS_MAIN(TestMigration)
#include "tst_migration.moc"
