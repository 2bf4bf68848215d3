// The tablet's first sync from a snapshot (docs/STOCK.md §2 "Tablet"): a damaged snapshot is
// refused and the cache stays as it was; the download resumes at the part file's size; staging
// resumes from the stored keys after the loader is destroyed; the swapped catalog equals the
// snapshot; and the whole path through the real SyncEngine against a small local HTTP server
// that speaks the snapshot endpoints (no toonbank-server needed), with sales committing on
// another connection meanwhile.
#include "snapshotfixture.h"
#include "tests/support/testcache.h"

#include "app/store/catalog.h"
#include "app/store/demochain.h"
#include "app/store/feedcursors.h"
#include "app/store/localdatabase.h"
#include "sync/client/deviceconfig.h"
#include "sync/client/snapshotloader.h"
#include "sync/client/syncengine.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QtTest>

#include <algorithm>

using namespace Toonbank;
using Sync::Client::BootstrapProgress;
using Sync::Client::SnapshotLoader;
using Sync::Client::SyncEngine;
using Sync::Client::SyncState;
using Sync::Protocol::SnapshotManifest;

using namespace Toonbank::Tests::SnapshotFixture;

class TestSnapshotLoader final : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    Snapshot m_snapshot; // built once: 3000 demo products
    int m_caches = 0;

    // A fresh copy of the small test cache (4 products) at a new path.
    QString oldCache()
    {
        const QString path = m_dir.filePath(QStringLiteral("cache%1.sqlite").arg(++m_caches));
        const QString problem = Tests::TestCache::create(path);
        if (!problem.isEmpty())
            qWarning() << problem;
        return path;
    }

    static void verifyOldCacheSellable(Store::LocalDatabase &db)
    {
        QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM products")), 4);
        Store::Catalog catalog(db, Tests::TestCache::hereId);
        auto jeans = catalog.findByBarcode(Tests::TestCache::jeansBarcode, QDate(2025, 6, 2));
        QVERIFY2(jeans.ok(), qPrintable(jeans.ok() ? QString() : jeans.error().detail));
        QCOMPARE(jeans->id, Tests::TestCache::jeansId);
        // A write (what a sale does) still commits.
        QVERIFY(db.durableTransaction(
            [&] { return db.setSetting(QStringLiteral("probe"), QStringLiteral("1")); }));
        QCOMPARE(text(db, QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
        QCOMPARE(
            count(db,
                QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name LIKE '%\\_next%' "
                               "ESCAPE '\\'")),
            0);
        QCOMPARE(count(db,
                     QStringLiteral("SELECT count(*) FROM sync_state WHERE key LIKE 'snapshot.%'")),
            0);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_snapshot = buildSnapshot(m_dir.filePath(QStringLiteral("snapshot.sqlite")), 3000, 4242);
        QVERIFY(!m_snapshot.bytes.isEmpty());
        QVERIFY(m_snapshot.products == 3000);
        QVERIFY(!m_snapshot.aBarcode.isEmpty());
        qInfo() << "snapshot" << m_snapshot.bytes.size() << "bytes," << m_snapshot.manifest.rowCount
                << "rows";
    }

    void corruptSnapshotIsRefused_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("truncated") << QStringLiteral("truncated");
        QTest::newRow("flipped byte") << QStringLiteral("flipped");
        QTest::newRow("wrong format") << QStringLiteral("format");
        QTest::newRow("not sqlite") << QStringLiteral("garbage");
        QTest::newRow("wrong cursor") << QStringLiteral("cursor");
    }

    void corruptSnapshotIsRefused()
    {
        QFETCH(QString, damage);
        QByteArray served = m_snapshot.bytes;
        SnapshotManifest manifest = m_snapshot.manifest;
        if (damage == QLatin1String("truncated")) {
            // Honest size and hash of a cut file: only the file itself can tell.
            served = served.left(served.size() / 2);
            manifest = manifestOf(served, manifest.cursor, manifest.rowCount);
        } else if (damage == QLatin1String("flipped")) {
            served[served.size() / 3] = char(served.at(served.size() / 3) ^ 0x10);
        } else if (damage == QLatin1String("format")) {
            const Snapshot other = buildSnapshot(
                m_dir.filePath(QStringLiteral("format2.sqlite")), 50, manifest.cursor, 2);
            served = other.bytes;
            manifest = other.manifest;
        } else if (damage == QLatin1String("garbage")) {
            served = QByteArray(100000, 'x');
            manifest = manifestOf(served, manifest.cursor, manifest.rowCount);
        } else if (damage == QLatin1String("cursor")) {
            manifest.cursor += 1; // the file says 4242
        }
        const QString path = oldCache();
        auto db = Store::LocalDatabase::open(path);
        QVERIFY(db);
        SnapshotLoader loader(*db.value());
        QVERIFY(loader.begin(manifest));
        QVERIFY(download(loader, served, 1 << 20) == served.size());
        const Core::Status verified = loader.verify();
        QVERIFY(!verified);
        QCOMPARE(verified.error().code, QStringLiteral("snapshot.corrupt"));
        QVERIFY(!verified.error().message.isEmpty());
        qInfo() << damage << "→" << verified.error().detail;
        QVERIFY(!QFile::exists(SnapshotLoader::partPath(path)));
        QCOMPARE(loader.stage(), QString());
        QCOMPARE(Store::FeedCursors(*db.value()).cursor(Store::FeedCursors::catalog).value(), 0);
        verifyOldCacheSellable(*db.value());
    }

    void downloadResumesAtThePartFilesSize()
    {
        const QString path = oldCache();
        auto db = Store::LocalDatabase::open(path);
        QVERIFY(db);
        const qint64 range = 256 * 1024;
        qint64 first = 0;
        {
            SnapshotLoader loader(*db.value());
            QVERIFY(loader.begin(m_snapshot.manifest));
            first = download(loader, m_snapshot.bytes, range, 3 * range);
            QCOMPARE(first, 3 * range);
        } // "killed"
        SnapshotLoader again(*db.value());
        QCOMPARE(again.stage(), QStringLiteral("download"));
        QVERIFY(again.begin(m_snapshot.manifest)); // same id: resume
        QCOMPARE(again.downloadedBytes(), first);
        const qint64 rest = download(again, m_snapshot.bytes, range);
        QCOMPARE(first + rest, qint64(m_snapshot.bytes.size())); // nothing fetched twice
        QVERIFY(again.verify());

        // Another snapshot id: the part file starts again from nothing.
        SnapshotManifest other = m_snapshot.manifest;
        other.snapshotId = QStringLiteral("another");
        SnapshotLoader third(*db.value());
        QCOMPARE(third.stage(), QStringLiteral("stage"));
        QVERIFY(!third.begin(other)); // a verified one is staged first, never replaced
        third.abandon();
        QVERIFY(third.begin(other));
        QCOMPARE(third.downloadedBytes(), 0);
        third.abandon();
        verifyOldCacheSellable(*db.value());
    }

    void stagingResumesAndSwapEqualsSnapshot()
    {
        const QString path = oldCache();
        auto db = Store::LocalDatabase::open(path);
        QVERIFY(db);
        {
            SnapshotLoader loader(*db.value());
            QVERIFY(loader.begin(m_snapshot.manifest));
            QVERIFY(download(loader, m_snapshot.bytes, 1 << 20) > 0);
            QVERIFY(loader.verify());
        }
        qint64 lastDone = 0;
        int steps = 0;
        int loaders = 0;
        bool staged = false;
        while (!staged) {
            // A new loader (as after a kill) every few chunks; each carries on from the keys.
            SnapshotLoader loader(*db.value());
            loader.chunkRows = 1000;
            ++loaders;
            QCOMPARE(loader.progress().rowsDone, lastDone);
            for (int i = 0; i < 5 && !staged; ++i) {
                auto step = loader.stageStep();
                QVERIFY2(step.ok(), qPrintable(step.ok() ? QString() : step.error().detail));
                staged = step.value();
                ++steps;
                QVERIFY(loader.progress().rowsDone >= lastDone);
                lastDone = loader.progress().rowsDone;
            }
            // Meanwhile the old catalog still sells.
            Store::Catalog catalog(*db.value(), Tests::TestCache::hereId);
            QVERIFY(catalog.findByBarcode(Tests::TestCache::jeansBarcode, QDate(2025, 6, 2)).ok());
        }
        QVERIFY(loaders > 3);
        const qint64 countedRows
            = m_snapshot.locations + m_snapshot.products + m_snapshot.barcodes + m_snapshot.stock;
        QCOMPARE(lastDone, countedRows);
        qInfo() << steps << "chunks over" << loaders << "loaders";
        {
            SnapshotLoader loader(*db.value());
            // Only empty old tables are dropped in the swap: the old catalog's rows go through
            // the clean-up's chunks, as a big one's would (the default drops up to 2000 rows).
            loader.swapDropRows = 0;
            QVERIFY(loader.swap());
            QCOMPARE(loader.stage(), QStringLiteral("swapped"));
            QCOMPARE(count(*db.value(), QStringLiteral("SELECT count(*) FROM products_old")), 4);
            QCOMPARE(Store::FeedCursors(*db.value()).cursor(Store::FeedCursors::catalog).value(),
                m_snapshot.manifest.cursor);
            QVERIFY(loader.markPulled());
            int cleanups = 0;
            for (;;) {
                auto step = loader.cleanupStep();
                QVERIFY2(step.ok(), qPrintable(step.ok() ? QString() : step.error().detail));
                ++cleanups;
                if (step.value())
                    break;
            }
        }
        Store::LocalDatabase &cache = *db.value();
        QCOMPARE(
            count(cache, QStringLiteral("SELECT count(*) FROM locations")), m_snapshot.locations);
        QCOMPARE(
            count(cache, QStringLiteral("SELECT count(*) FROM products")), m_snapshot.products);
        QCOMPARE(
            count(cache, QStringLiteral("SELECT count(*) FROM barcodes")), m_snapshot.barcodes);
        QCOMPARE(count(cache, QStringLiteral("SELECT count(*) FROM stock")), m_snapshot.stock);
        QCOMPARE(count(cache,
                     QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name LIKE '%\\_old%' "
                                    "ESCAPE '\\' OR name LIKE '%\\_next%' ESCAPE '\\'")),
            0);
        // The indexes are there under their own names, on the new tables; barcodes has none
        // by product since schema v8 (the product lists its codes): its copy is sequential.
        QCOMPARE(count(cache,
                     QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND "
                                    "tbl_name = 'barcodes' AND sql IS NOT NULL")),
            qint64(0));
        QCOMPARE(count(cache,
                     QStringLiteral("SELECT count(*) FROM products p, json_each(p.barcodes) j "
                                    "JOIN barcodes b ON b.code = j.value AND b.product_id = p.id")),
            m_snapshot.barcodes);
        QCOMPARE(
            text(cache,
                QStringLiteral(
                    "SELECT tbl_name FROM sqlite_master WHERE name = 'products_variant_group'")),
            QStringLiteral("products"));
        QVERIFY(text(cache, QStringLiteral("SELECT sql FROM sqlite_master WHERE name = 'barcodes'"))
                    .contains(QLatin1String("REFERENCES products(id)")));
        QCOMPARE(text(cache, QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
        QCOMPARE(count(cache, QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check")), 0);
        QSqlQuery fts(cache.connection());
        QVERIFY2(fts.exec(QStringLiteral(
                     "INSERT INTO product_search(product_search) VALUES('integrity-check')")),
            qPrintable(fts.lastError().text()));
        QVERIFY(!QFile::exists(SnapshotLoader::partPath(path)));
        QCOMPARE(count(cache,
                     QStringLiteral("SELECT count(*) FROM sync_state WHERE key LIKE 'snapshot.%'")),
            0);

        Store::Catalog catalog(cache, 1);
        auto hit = catalog.findByBarcode(m_snapshot.aBarcode, QDate(2025, 6, 2));
        QVERIFY2(hit.ok(), qPrintable(hit.ok() ? QString() : hit.error().detail));
        QCOMPARE(hit->name, m_snapshot.aName);
        const QString word = m_snapshot.aName.section(QLatin1Char(' '), 0, 0);
        auto found = catalog.search(word, QDate(2025, 6, 2), 500);
        QVERIFY(found.ok());
        QVERIFY(!found->isEmpty());
        QVERIFY(std::any_of(found->cbegin(), found->cend(),
            [&](const Store::ProductSummary &p) { return p.name.contains(word); }));
        // The old test catalog is gone (the snapshot replaced it whole).
        QVERIFY(!catalog.findByBarcode(Tests::TestCache::jeansBarcode, QDate(2025, 6, 2)).ok()
            || m_snapshot.aBarcode == Tests::TestCache::jeansBarcode);
    }

    // A server before cache schema v8 sends products without their barcode list (and a
    // barcodes table with the index by product): the loader fills the list from that table,
    // so a scanned product still shows all its codes.
    void snapshotOfAnOlderServerListsTheBarcodes()
    {
        const QString file = m_dir.filePath(QStringLiteral("snapshot-v7.sqlite"));
        QVERIFY(QFile::copy(m_snapshot.path, file));
        {
            QSqlDatabase raw
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v7"));
            raw.setDatabaseName(file);
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            QVERIFY(q.exec(QStringLiteral("ALTER TABLE products DROP COLUMN barcodes")));
            QVERIFY(
                q.exec(QStringLiteral("CREATE INDEX barcodes_product ON barcodes(product_id)")));
            q.finish();
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v7"));
        QFile read(file);
        QVERIFY(read.open(QIODevice::ReadOnly));
        const QByteArray bytes = read.readAll();
        const SnapshotManifest manifest
            = manifestOf(bytes, m_snapshot.manifest.cursor, m_snapshot.manifest.rowCount);

        auto db = Store::LocalDatabase::open(oldCache());
        QVERIFY(db);
        {
            SnapshotLoader loader(*db.value());
            QVERIFY(loader.begin(manifest));
            QVERIFY(download(loader, bytes, 1 << 20) > 0);
            QVERIFY(loader.verify());
            for (;;) {
                auto step = loader.stageStep();
                QVERIFY2(step.ok(), qPrintable(step.ok() ? QString() : step.error().detail));
                if (step.value())
                    break;
            }
            QVERIFY(loader.swap());
        }
        // The old catalog was small (4 products): dropped in the swap, nothing left to clean.
        QCOMPARE(count(*db.value(),
                     QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name LIKE "
                                    "'%\\_old' ESCAPE '\\'")),
            0);
        // Every product lists exactly the codes the barcodes table gives it.
        QCOMPARE(count(*db.value(),
                     QStringLiteral("SELECT count(*) FROM products p, json_each(p.barcodes) j "
                                    "JOIN barcodes b ON b.code = j.value AND b.product_id = p.id")),
            m_snapshot.barcodes);
        const qint64 productId = count(*db.value(),
            QStringLiteral("SELECT product_id FROM barcodes WHERE code = '%1'")
                .arg(m_snapshot.aBarcode));
        Store::Catalog catalog(*db.value(), Tests::TestCache::hereId);
        auto product = catalog.product(productId);
        QVERIFY2(product.ok(), qPrintable(product.ok() ? QString() : product.error().detail));
        QVERIFY(product->record.barcodes.contains(m_snapshot.aBarcode));
        QCOMPARE(qint64(product->record.barcodes.size()),
            count(*db.value(),
                QStringLiteral("SELECT count(*) FROM barcodes WHERE product_id = %1")
                    .arg(productId)));
    }

    void engineFirstSyncFromSnapshot()
    {
        FakeServer server;
        server.file = m_snapshot.bytes;
        server.manifest = m_snapshot.manifest;
        server.failRangesAfter = 2; // the first cycle stops mid-download
        server.staff.id = 77;
        server.staff.code = QStringLiteral("E7777");
        server.staff.displayName = QStringLiteral("Snap Shot");
        server.staff.role = QStringLiteral("cashier");
        server.staff.homeLocationId = 1;
        server.staff.pinHash = QStringLiteral("pbkdf2$1$c2FsdA==$aGFzaA==");
        QVERIFY(server.listen());

        const QString path = oldCache();
        {
            auto db = Store::LocalDatabase::open(path);
            QVERIFY(db);
            Sync::Client::DeviceConfig config;
            config.serverUrl = server.url();
            config.deviceId = QStringLiteral("dev-1");
            config.token = QStringLiteral("token");
            config.caCertificatePem = QStringLiteral("none");
            config.locationId = 1;
            config.locationCode = QStringLiteral("AMS01");
            QVERIFY(config.save(*db.value()));
        }
        SyncEngine::Options options;
        options.automatic = false;
        options.snapshotRangeBytes = 128 * 1024;
        const qint64 range = options.snapshotRangeBytes;
        {
            SyncEngine engine(path, options);
            std::optional<bool> finished;
            connect(&engine, &SyncEngine::cycleFinished, this, [&](bool ok) { finished = ok; });
            engine.start();
            engine.syncNow();
            QTRY_VERIFY_WITH_TIMEOUT(finished.has_value(), 30000);
            QVERIFY(!*finished); // 503 after two ranges
            QCOMPARE(engine.state().bootstrap.phase, BootstrapProgress::Phase::Download);
            QCOMPARE(engine.state().bootstrap.bytesDone, 2 * range);
        } // the engine and its worker are gone
        QCOMPARE(server.bytesServed, 2 * range);
        server.failRangesAfter = -1;

        // Sales commit on the GUI's own connection while the second run stages and swaps.
        auto gui = Store::LocalDatabase::open(path);
        QVERIFY(gui);
        QList<qint64> commitMs;
        QString lastLine;
        QTimer sales;
        int saleNo = 0;
        connect(&sales, &QTimer::timeout, this, [&] {
            QElapsedTimer took;
            took.start();
            const Core::Status done = gui.value()->durableTransaction([&]() -> Core::Status {
                QSqlQuery q(gui.value()->connection());
                q.prepare(QStringLiteral("INSERT INTO outbox(event_id, type, staff_id, "
                                         "occurred_at, payload) VALUES(?, 'probe', 1, ?, '{}')"));
                q.addBindValue(QStringLiteral("probe-%1").arg(++saleNo));
                q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
                if (!q.exec())
                    return Core::Error::make(QStringLiteral("x"), {}, q.lastError().text());
                q.prepare(QStringLiteral("DELETE FROM outbox WHERE event_id = ?"));
                q.addBindValue(QStringLiteral("probe-%1").arg(saleNo));
                q.exec();
                return Core::success();
            });
            commitMs.append(took.elapsed());
            if (took.elapsed() > 50)
                qInfo() << "slow sale commit" << took.elapsed() << "ms after" << lastLine;
            QVERIFY(done.ok());
        });

        SyncEngine engine(path, options);
        QList<SyncState> states;
        QStringList lines;
        connect(&engine, &SyncEngine::stateChanged, this,
            [&](const SyncState &s) { states.append(s); });
        connect(&engine, &SyncEngine::progress, this, [&](const QString &l) { lines.append(l); });
        std::optional<bool> finished;
        connect(&engine, &SyncEngine::cycleFinished, this, [&](bool ok) { finished = ok; });
        emit sales.timeout({}); // the connection's first commit (statements, WAL index) first
        commitMs.clear();
        sales.start(5);
        engine.start();
        engine.syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(finished.has_value(), 60000);
        sales.stop();
        QVERIFY2(*finished,
            qPrintable(
                engine.state().lastErrorCode + QLatin1Char(' ') + lines.join(QLatin1Char('\n'))));
        // The download went on at the offset the first run reached: nothing twice.
        QCOMPARE(server.rangeStarts.value(2), 2 * range);
        QCOMPARE(server.bytesServed, qint64(m_snapshot.bytes.size()));
        QVERIFY(std::any_of(states.cbegin(), states.cend(), [](const SyncState &s) {
            return s.bootstrap.phase == BootstrapProgress::Phase::Stage
                && s.bootstrap.rowsTotal > 0;
        }));
        QCOMPARE(engine.state().bootstrap.phase, BootstrapProgress::Phase::None);
        QVERIFY(server.requests.filter(QStringLiteral("only=staff,webOrders")).size() >= 1);
        QVERIFY(server.requests.filter(QStringLiteral("until=4242")).size() >= 1);

        Store::LocalDatabase &cache = *gui.value();
        QCOMPARE(Store::FeedCursors(cache).cursor(Store::FeedCursors::catalog).value(), 4242);
        QCOMPARE(
            count(cache, QStringLiteral("SELECT count(*) FROM products")), m_snapshot.products);
        QCOMPARE(count(cache, QStringLiteral("SELECT count(*) FROM stock")), m_snapshot.stock);
        QCOMPARE(text(cache, QStringLiteral("SELECT code FROM staff WHERE id = 77")),
            QStringLiteral("E7777"));
        QCOMPARE(text(cache, QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
        QVERIFY(!QFile::exists(SnapshotLoader::partPath(path)));

        QVERIFY(!commitMs.isEmpty());
        std::sort(commitMs.begin(), commitMs.end());
        const qint64 worst = commitMs.last();
        qInfo() << commitMs.size() << "sale commits during the first sync: median"
                << commitMs.at(commitMs.size() / 2) << "ms, p99"
                << commitMs.at(qMin<qsizetype>(commitMs.size() - 1, commitMs.size() * 99 / 100))
                << "ms, worst" << worst << "ms";
        QVERIFY2(worst <= 400, qPrintable(QStringLiteral("worst sale commit %1 ms").arg(worst)));
    }

    void serverWithoutSnapshotPagesAsBefore()
    {
        FakeServer server;
        server.hasSnapshot = false;
        Sync::Protocol::ProductData product;
        product.id = 900;
        product.sku = QStringLiteral("SKU-900");
        product.name = QStringLiteral("Paged product");
        product.vatClass = QStringLiteral("standard");
        product.priceCents = 1234;
        server.pagedProducts.append(Sync::Protocol::toJson(product));
        QVERIFY(server.listen());
        const QString path = oldCache();
        {
            auto db = Store::LocalDatabase::open(path);
            QVERIFY(db);
            Sync::Client::DeviceConfig config;
            config.serverUrl = server.url();
            config.deviceId = QStringLiteral("dev-1");
            config.token = QStringLiteral("token");
            config.caCertificatePem = QStringLiteral("none");
            config.locationId = 1;
            config.locationCode = QStringLiteral("AMS01");
            QVERIFY(config.save(*db.value()));
        }
        SyncEngine::Options options;
        options.automatic = false;
        SyncEngine engine(path, options);
        std::optional<bool> finished;
        connect(&engine, &SyncEngine::cycleFinished, this, [&](bool ok) { finished = ok; });
        engine.start();
        engine.syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(finished.has_value(), 30000);
        QVERIFY2(*finished, qPrintable(engine.state().lastErrorCode));
        QCOMPARE(server.rangeStarts.size(), 0);
        auto db = Store::LocalDatabase::open(path);
        QVERIFY(db);
        QCOMPARE(text(*db.value(), QStringLiteral("SELECT name FROM products WHERE id = 900")),
            QStringLiteral("Paged product"));
        QCOMPARE(Store::FeedCursors(*db.value()).cursor(Store::FeedCursors::catalog).value(), 5);
    }
};

QTEST_GUILESS_MAIN(TestSnapshotLoader)
#include "tst_snapshotloader.moc"
