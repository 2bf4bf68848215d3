// The catalog import through the bulk path (docs/STOCK.md §1, sync/server/bulkwriter.*):
// bad rows reported by line with nothing written, an update import taking new feed sequence
// numbers, `held` untouched by a stock import, and demo-seed writing the generator's rows
// exactly. SQLite, and PostgreSQL when registered with TOONBANK_TEST_BACKEND=postgresql.
#include "app/store/catalogsink.h"
#include "app/store/demochain.h"
#include "sync/protocol/changefeed.h"
#include "sync/server/bulkwriter.h"
#include "sync/server/chainadmin.h"
#include "sync/server/demoseed.h"
#include "sync/server/serverdatabase.h"

#include <QFile>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUuid>

using namespace Toonbank;
namespace Protocol = Toonbank::Sync::Protocol;
using Store::DemoChain;
using Sync::Server::ChainAdmin;
using Sync::Server::ImportProblem;
using Sync::Server::ServerDatabase;

namespace {

// Records what the generator hands out, to compare with what the server stored.
class RecordingSink final : public Store::CatalogSink
{
public:
    explicit RecordingSink(Store::CatalogSink &next)
        : m_next(next)
    { }
    Core::Status upsertLocation(const Store::Location &location) override
    {
        kinds.insert(location.id, location.kind);
        return m_next.upsertLocation(location);
    }
    Core::Status upsertProduct(const Store::ProductRecord &product) override
    {
        products.append(product);
        return m_next.upsertProduct(product);
    }
    Core::Status setStock(
        qint64 productId, qint64 locationId, int quantity, const QDateTime &asOf) override
    {
        stock.insert({ productId, locationId }, { quantity, asOf });
        return m_next.setStock(productId, locationId, quantity, asOf);
    }
    Core::Status upsertStaff(const Store::StaffMember &member, const QString &pinHash) override
    {
        return m_next.upsertStaff(member, pinHash);
    }

    QHash<qint64, Store::LocationKind> kinds;
    QList<Store::ProductRecord> products;
    QHash<QPair<qint64, qint64>, QPair<int, QDateTime>> stock;

private:
    Store::CatalogSink &m_next;
};

} // namespace

class tst_CatalogImport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_spec; // empty: SQLite in a fresh folder per test
    QString m_pgDatabase;
    std::unique_ptr<ServerDatabase> m_db;
    int m_files = 0;

    static bool postgres()
    {
        return qEnvironmentVariable("TOONBANK_TEST_BACKEND") == QLatin1String("postgresql");
    }

    static QSqlDatabase pgAdmin(const QString &name)
    {
        const QUrl url(qEnvironmentVariable("TOONBANK_TEST_PG_URL"));
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
        return db;
    }

    static bool pgRun(const QString &sql)
    {
        bool ok = false;
        {
            QSqlDatabase admin = pgAdmin(QStringLiteral("admin"));
            ok = admin.open() && QSqlQuery(admin).exec(sql);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("admin"));
        return ok;
    }

    QString file(const QString &suffix, const QByteArray &content)
    {
        const QString path = m_dir.filePath(QStringLiteral("f%1.%2").arg(++m_files).arg(suffix));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
            return {};
        return path;
    }

    qint64 scalar(const QString &sql, const QVariantList &params = {})
    {
        auto q = m_db->exec(sql, params);
        if (!q || !q.value().next())
            return -1;
        return q.value().value(0).toLongLong();
    }

    qint64 head() { return scalar(QStringLiteral("SELECT seq FROM feed_head WHERE id = 1")); }

    // Two stores and the web warehouse.
    bool addLocations()
    {
        ChainAdmin admin(*m_db);
        QList<Protocol::LocationData> locations;
        for (const auto &[id, code, kind] : { std::tuple(1, "AMS", "store"),
                 std::tuple(2, "UTR", "store"), std::tuple(3, "WEB", "web_warehouse") }) {
            Protocol::LocationData l;
            l.id = id;
            l.code = QLatin1String(code);
            l.name = QLatin1String(code);
            l.kind = QLatin1String(kind);
            l.country = QStringLiteral("NL");
            l.latitude = 52.0;
            l.longitude = 5.0;
            locations.append(l);
        }
        return bool(admin.createChain(QStringLiteral("Test")))
            && bool(admin.upsertLocations(locations));
    }

    static QByteArray productsCsv()
    {
        return "id,sku,name,vatClass,priceCents,barcodes\n"
               "1,SKU-1,Shirt,standard,1999,8712345000014\n"
               "2,SKU-2,Jeans,standard,5999,8712345000021|8712345000038\n"
               "3,SKU-3,\"Socks, 3 pairs\",standard,899,\n";
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (postgres() && qEnvironmentVariable("TOONBANK_TEST_PG_URL").isEmpty())
            QSKIP("TOONBANK_TEST_PG_URL not set");
    }

    void init()
    {
        if (qstrcmp(QTest::currentTestFunction(), "isoTextMatchesQt") == 0)
            return; // no database
        if (postgres()) {
            m_pgDatabase = QStringLiteral("toonbank_import_")
                + QUuid::createUuid().toString(QUuid::Id128).left(16);
            QVERIFY(pgRun(QStringLiteral("CREATE DATABASE ") + m_pgDatabase));
            QUrl url(qEnvironmentVariable("TOONBANK_TEST_PG_URL"));
            url.setPath(QLatin1Char('/') + m_pgDatabase);
            m_spec = url.toString();
        } else {
            m_spec = QStringLiteral("sqlite:")
                + m_dir.filePath(
                    QUuid::createUuid().toString(QUuid::Id128) + QStringLiteral(".db"));
        }
        auto opened = ServerDatabase::open(m_spec, m_dir.path());
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().detail));
        m_db = std::move(opened.value());
    }

    void cleanup()
    {
        m_db.reset();
        if (!m_pgDatabase.isEmpty())
            pgRun(QStringLiteral("DROP DATABASE IF EXISTS ") + m_pgDatabase);
        m_pgDatabase.clear();
    }

    void badRowsAreReportedByLineAndNothingIsWritten_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QList<int>>("lines");
        QTest::addColumn<QStringList>("codes");

        QTest::newRow("products: bad price, duplicate sku, missing name")
            << int(ChainAdmin::ImportKind::Products)
            << QByteArray("id,sku,name,vatClass,priceCents\n"
                          "1,SKU-1,Shirt,standard,1999\n"
                          "2,SKU-2,Jeans,standard,12.50\n"
                          "3,SKU-1,Shirt again,standard,1999\n"
                          "\n"
                          "0,SKU-4,Cap,standard,100\n"
                          "5,SKU-5,Belt,standard,2500\n")
            << QList<int> { 3, 4, 6 }
            << QStringList { QStringLiteral("import.bad_row"), QStringLiteral("import.duplicate"),
                   QStringLiteral("import.bad_row") };
        QTest::newRow("stock: unknown location, unknown sku, bad quantity, duplicate")
            << int(ChainAdmin::ImportKind::Stock)
            << QByteArray("sku,locationCode,quantity\n"
                          "SKU-1,AMS,4\n"
                          "SKU-1,XXX,4\n"
                          "SKU-9,AMS,1\n"
                          "SKU-2,UTR,many\n"
                          "SKU-2,AMS,-3\n"
                          "SKU-1,AMS,5\n"
                          "SKU-3,WEB,100\n")
            << QList<int> { 3, 4, 5, 6, 7 }
            << QStringList { QStringLiteral("import.location_unknown"),
                   QStringLiteral("import.sku_unknown"), QStringLiteral("import.bad_row"),
                   QStringLiteral("import.bad_row"), QStringLiteral("import.duplicate") };
        QTest::newRow("stock: unknown location id")
            << int(ChainAdmin::ImportKind::Stock)
            << QByteArray("sku,locationId,quantity\n"
                          "SKU-1,1,4\n"
                          "SKU-2,77,4\n")
            << QList<int> { 3 } << QStringList { QStringLiteral("import.location_unknown") };
        QTest::newRow("prices: unknown sku, negative price, not a number")
            << int(ChainAdmin::ImportKind::Prices)
            << QByteArray("sku,priceCents\n"
                          "SKU-1,2099\n"
                          "SKU-8,100\n"
                          "SKU-2,-5\n"
                          "SKU-3,abc\n")
            << QList<int> { 3, 4, 5 }
            << QStringList { QStringLiteral("import.sku_unknown"), QStringLiteral("import.bad_row"),
                   QStringLiteral("import.bad_row") };
    }

    void badRowsAreReportedByLineAndNothingIsWritten()
    {
        QFETCH(int, kind);
        QFETCH(QByteArray, content);
        QFETCH(QList<int>, lines);
        QFETCH(QStringList, codes);
        QVERIFY(addLocations());
        ChainAdmin admin(*m_db);
        const auto importKind = ChainAdmin::ImportKind(kind);
        if (importKind != ChainAdmin::ImportKind::Products) {
            QList<ImportProblem> problems;
            int imported = 0;
            QVERIFY(admin.importFile(ChainAdmin::ImportKind::Products,
                file(QStringLiteral("csv"), productsCsv()), problems, imported));
            QCOMPARE(imported, 3);
        }
        const qint64 headBefore = head();
        const qint64 productsBefore = scalar(QStringLiteral("SELECT COUNT(*) FROM products"));

        QList<ImportProblem> problems;
        int imported = -1;
        const Core::Status done = admin.importFile(
            importKind, file(QStringLiteral("csv"), content), problems, imported);
        QVERIFY(!done);
        QCOMPARE(done.error().code, QStringLiteral("import.bad_rows"));
        QCOMPARE(imported, 0);
        QList<int> gotLines;
        QStringList gotCodes;
        for (const ImportProblem &p : std::as_const(problems)) {
            gotLines.append(p.line);
            gotCodes.append(p.code);
            QVERIFY(!p.reason.isEmpty());
        }
        QCOMPARE(gotLines, lines);
        QCOMPARE(gotCodes, codes);
        // Nothing written: no feed sequence taken, no row changed.
        QCOMPARE(head(), headBefore);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM products")), qint64(productsBefore));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM stock")), qint64(0));
        QCOMPARE(
            scalar(QStringLiteral("SELECT COUNT(*) FROM product_prices")), qint64(productsBefore));
    }

    void updateImportTakesNewSequenceNumbers()
    {
        QVERIFY(addLocations());
        ChainAdmin admin(*m_db);
        QList<ImportProblem> problems;
        int imported = 0;
        QVERIFY(admin.importFile(ChainAdmin::ImportKind::Products,
            file(QStringLiteral("csv"), productsCsv()), problems, imported));
        QCOMPARE(imported, 3);
        QVERIFY(admin.importFile(ChainAdmin::ImportKind::Stock,
            file(QStringLiteral("csv"),
                "sku,locationCode,quantity,asOf\n"
                "SKU-1,AMS,4,2026-03-02T08:00:00.000Z\n"
                "SKU-1,UTR,0,2026-03-02T08:00:00.000Z\n"
                "SKU-2,AMS,7,2026-03-02T08:00:00.000Z\n"
                "SKU-3,WEB,120,2026-03-02T08:00:00.000Z\n"),
            problems, imported));
        QCOMPARE(imported, 4);
        QVERIFY(problems.isEmpty());
        // Every row its own sequence number, none beyond the head.
        const qint64 afterFirst = head();
        QCOMPARE(afterFirst, qint64(3 + 3 + 4)); // locations, products, stock
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(DISTINCT change_seq) FROM stock")), qint64(4));
        QCOMPARE(scalar(QStringLiteral("SELECT MAX(change_seq) FROM stock")), qint64(afterFirst));
        QCOMPARE(scalar(QStringLiteral("SELECT quantity FROM stock WHERE product_id = 2 AND "
                                       "location_id = 1")),
            qint64(7));

        // The update: two prices and two stock figures.
        QVERIFY(admin.importFile(ChainAdmin::ImportKind::Prices,
            file(QStringLiteral("csv"),
                "sku,priceCents,promoPriceCents,promoFrom,promoUntil\n"
                "SKU-2,4999,3999,2026-03-01,2026-03-31\n"),
            problems, imported));
        QCOMPARE(imported, 1);
        QVERIFY(admin.importFile(ChainAdmin::ImportKind::Prices,
            file(QStringLiteral("json"), "[{\"sku\":\"SKU-3\",\"priceCents\":999}]"), problems,
            imported));
        QCOMPARE(imported, 1);
        QVERIFY(admin.importFile(ChainAdmin::ImportKind::Stock,
            file(QStringLiteral("json"),
                "{\"sku\":\"SKU-1\",\"locationCode\":\"AMS\",\"quantity\":2,"
                "\"asOf\":\"2026-03-02T09:30:00.000Z\"}\n"
                "{\"productId\":3,\"locationId\":3,\"quantity\":90,"
                "\"asOf\":\"2026-03-02T09:31:00.000Z\"}\n"),
            problems, imported));
        QCOMPARE(imported, 2);

        // What the feed reads (rows with change_seq past the last pull): exactly the updates.
        const qint64 headNow = head(); // read before: PostgreSQL reads one result at a time
        auto changed = m_db->exec(
            QStringLiteral("SELECT sku, data, change_seq FROM products WHERE change_seq > ? "
                           "ORDER BY id"),
            { afterFirst });
        QVERIFY(changed);
        QStringList skus;
        while (changed.value().next()) {
            skus.append(changed.value().value(0).toString());
            QVERIFY(changed.value().value(2).toLongLong() <= headNow);
            const QJsonObject data
                = QJsonDocument::fromJson(changed.value().value(1).toString().toUtf8()).object();
            auto product = Protocol::productFromJson(data);
            QVERIFY(product);
            if (product->sku == QLatin1String("SKU-2")) {
                QCOMPARE(product->priceCents, qint64(4999));
                QCOMPARE(product->promoPriceCents.value_or(0), qint64(3999));
                QCOMPARE(product->barcodes.size(), 2); // the rest of the product is kept
                QCOMPARE(product->name, QStringLiteral("Jeans"));
            } else {
                QCOMPARE(product->priceCents, qint64(999));
                QCOMPARE(product->name, QStringLiteral("Socks, 3 pairs"));
            }
        }
        QCOMPARE(skus, (QStringList { QStringLiteral("SKU-2"), QStringLiteral("SKU-3") }));
        // Every version keeps its price.
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM product_prices WHERE product_id = 2")),
            qint64(2));
        QCOMPARE(scalar(QStringLiteral("SELECT price_cents FROM product_prices WHERE product_id = "
                                       "2 ORDER BY valid_from_seq DESC")),
            qint64(4999));
        auto stock = m_db->exec(
            QStringLiteral("SELECT product_id, location_id, quantity, as_of FROM stock WHERE "
                           "change_seq > ? ORDER BY product_id"),
            { afterFirst });
        QVERIFY(stock);
        QVERIFY(stock.value().next());
        QCOMPARE(stock.value().value(0).toLongLong(), qint64(1));
        QCOMPARE(stock.value().value(2).toLongLong(), qint64(2));
        QCOMPARE(stock.value().value(3).toString(), QStringLiteral("2026-03-02T09:30:00.000Z"));
        QVERIFY(stock.value().next());
        QCOMPARE(stock.value().value(0).toLongLong(), qint64(3));
        QCOMPARE(stock.value().value(2).toLongLong(), qint64(90));
        QVERIFY(!stock.value().next());
        QCOMPARE(head(), afterFirst + 4);
    }

    void stockImportKeepsHeld()
    {
        QVERIFY(addLocations());
        ChainAdmin admin(*m_db);
        QList<ImportProblem> problems;
        int imported = 0;
        QVERIFY(admin.importFile(ChainAdmin::ImportKind::Products,
            file(QStringLiteral("csv"), productsCsv()), problems, imported));
        QVERIFY(admin.importFile(ChainAdmin::ImportKind::Stock,
            file(QStringLiteral("csv"), "sku,locationCode,quantity\nSKU-1,AMS,5\nSKU-2,AMS,3\n"),
            problems, imported));
        QVERIFY(m_db->exec(
            QStringLiteral("UPDATE stock SET held = 2 WHERE product_id = 1 AND location_id = 1")));
        QVERIFY(admin.importFile(ChainAdmin::ImportKind::Stock,
            file(QStringLiteral("csv"), "sku,locationCode,quantity\nSKU-1,AMS,9\nSKU-3,AMS,1\n"),
            problems, imported));
        QCOMPARE(imported, 2);
        QCOMPARE(scalar(QStringLiteral(
                     "SELECT quantity FROM stock WHERE product_id = 1 AND location_id = 1")),
            qint64(9));
        QCOMPARE(scalar(QStringLiteral(
                     "SELECT held FROM stock WHERE product_id = 1 AND location_id = 1")),
            qint64(2));
        QCOMPARE(scalar(QStringLiteral(
                     "SELECT held FROM stock WHERE product_id = 3 AND location_id = 1")),
            qint64(0));
        // setStock (the API of other writers) keeps it too.
        QVERIFY(admin.setStock({ { 1, 1, 11, QDateTime::currentDateTimeUtc() } }));
        QCOMPARE(scalar(QStringLiteral(
                     "SELECT held FROM stock WHERE product_id = 1 AND location_id = 1")),
            qint64(2));
    }

    // A price update rewrites the stored document in place: the result must be byte for byte
    // what the product import writes for the product with its new price fields (the feed
    // sends the document as it is), the rest of the product kept.
    void priceUpdateWritesWhatTheProductImportWrites_data()
    {
        QTest::addColumn<QByteArray>("before"); // priceCents,promoPriceCents,promoFrom,promoUntil
        QTest::addColumn<QByteArray>("update"); // the same columns in the prices file

        QTest::newRow("price only") << QByteArray("1999,,,") << QByteArray("2099,,,");
        QTest::newRow("no promotion to a promotion")
            << QByteArray("1999,,,") << QByteArray("1999,1499,2026-03-01,2026-03-31");
        QTest::newRow("a promotion ends")
            << QByteArray("1999,1499,2026-03-01,2026-03-31") << QByteArray("1899,,,");
        QTest::newRow("another promotion") << QByteArray("1999,1499,2026-03-01,2026-03-31")
                                           << QByteArray("100000,99999,2026-04-01,");
        QTest::newRow("free, promotion without dates")
            << QByteArray("1999,,,") << QByteArray("0,0,,");
    }

    void priceUpdateWritesWhatTheProductImportWrites()
    {
        QFETCH(QByteArray, before);
        QFETCH(QByteArray, update);
        QVERIFY(addLocations());
        ChainAdmin admin(*m_db);
        QList<ImportProblem> problems;
        int imported = 0;
        QVERIFY(admin.importFile(ChainAdmin::ImportKind::Products,
            file(QStringLiteral("csv"),
                "id,sku,name,vatClass,brand,description,attributes,barcodes,priceCents,"
                "promoPriceCents,promoFrom,promoUntil\n"
                "7,SKU-7,\"Coat, \"\"wool\"\"\",standard,Brand \\ Co,\"has \"\"priceCents\"\":1 "
                "in it\",Colour=Navy|Size=M,8712345000014|8712345000021,"
                    + before + "\n"),
            problems, imported));
        QCOMPARE(imported, 1);
        QVERIFY(admin.importFile(ChainAdmin::ImportKind::Prices,
            file(QStringLiteral("csv"),
                "sku,priceCents,promoPriceCents,promoFrom,promoUntil\nSKU-7," + update + "\n"),
            problems, imported));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.value(0).reason));
        QCOMPARE(imported, 1);

        // What the product import writes for the same product with the new price fields.
        const QList<QByteArray> cells = update.split(',');
        auto stored = m_db->exec(QStringLiteral("SELECT data FROM products WHERE id = 7"));
        QVERIFY(stored && stored.value().next());
        const QByteArray data = stored.value().value(0).toString().toUtf8();
        auto product = Protocol::productFromJson(QJsonDocument::fromJson(data).object());
        QVERIFY(product);
        QCOMPARE(product->priceCents, cells.at(0).toLongLong());
        QCOMPARE(product->promoPriceCents.has_value(), !cells.at(1).isEmpty());
        if (product->promoPriceCents)
            QCOMPARE(*product->promoPriceCents, cells.at(1).toLongLong());
        QCOMPARE(
            product->promoFrom, QDate::fromString(QString::fromLatin1(cells.at(2)), Qt::ISODate));
        QCOMPARE(product->name, QStringLiteral("Coat, \"wool\""));
        QCOMPARE(product->barcodes.size(), 2);
        QCOMPARE(product->attributes.size(), 2);
        QCOMPARE(
            data, QJsonDocument(Protocol::toJson(product.value())).toJson(QJsonDocument::Compact));
        // Its price version.
        auto price = m_db->exec(
            QStringLiteral("SELECT price_cents, promo_price_cents, promo_from, promo_until FROM "
                           "product_prices WHERE product_id = 7 ORDER BY valid_from_seq DESC"));
        QVERIFY(price && price.value().next());
        QCOMPARE(price.value().value(0).toLongLong(), cells.at(0).toLongLong());
        QCOMPARE(price.value().value(1).isNull(), cells.at(1).isEmpty());
        QCOMPARE(price.value().value(2).toString(), QString::fromLatin1(cells.at(2)));
        QCOMPARE(price.value().value(3).toString(), QString::fromLatin1(cells.at(3)));
    }

    // A large price file with bad rows deep inside: they are reported by line and nothing
    // at all is written; the corrected file then goes in whole.
    void badPricesDeepInALargeFileWriteNothing()
    {
        QVERIFY(addLocations());
        ChainAdmin admin(*m_db);
        constexpr int count = 3000;
        QByteArray products = "id,sku,name,vatClass,priceCents,barcodes\n";
        QByteArray prices = "sku,priceCents,promoPriceCents,promoFrom,promoUntil\n";
        for (int i = 1; i <= count; ++i) {
            products += QByteArray::number(i) + ",P-" + QByteArray::number(i) + ",Item "
                + QByteArray::number(i) + ",standard," + QByteArray::number(100 + i) + ",\n";
            prices += "P-" + QByteArray::number(i) + ',' + QByteArray::number(200 + i)
                + (i % 3 == 0 ? ",150,2026-03-01,2026-03-31\n" : ",,,\n");
        }
        QList<ImportProblem> problems;
        int imported = 0;
        QVERIFY(admin.importFile(ChainAdmin::ImportKind::Products,
            file(QStringLiteral("csv"), products), problems, imported));
        QCOMPARE(imported, count);
        const qint64 headBefore = head();
        auto documents = [&]() {
            QByteArray all;
            auto q = m_db->exec(QStringLiteral("SELECT data FROM products ORDER BY id"));
            while (q && q.value().next())
                all += q.value().value(0).toString().toUtf8();
            return all;
        };
        const QByteArray documentsBefore = documents();

        // Line 1501 is product 1500 (a bad promotion date), line 2501 product 2500 (a price
        // with cents after a point), line 2999 product 2998 (a negative promotion price).
        QByteArray bad = prices;
        bad.replace(
            "P-1500,1700,150,2026-03-01,2026-03-31", "P-1500,1700,150,2026-02-30,2026-03-31");
        bad.replace("P-2500,2700,,,", "P-2500,27.00,,,");
        bad.replace("P-2998,3198,,,", "P-2998,3198,-1,,");
        QVERIFY(bad != prices);
        imported = -1;
        const Core::Status refused = admin.importFile(
            ChainAdmin::ImportKind::Prices, file(QStringLiteral("csv"), bad), problems, imported);
        QVERIFY(!refused);
        QCOMPARE(imported, 0);
        QList<int> lines;
        for (const ImportProblem &p : std::as_const(problems)) {
            lines.append(p.line);
            QCOMPARE(p.code, QStringLiteral("import.bad_row"));
        }
        QCOMPARE(lines, (QList<int> { 1501, 2501, 2999 }));
        QCOMPARE(head(), headBefore);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM product_prices")), qint64(count));
        QCOMPARE(documents(), documentsBefore);

        problems.clear();
        QVERIFY(admin.importFile(ChainAdmin::ImportKind::Prices,
            file(QStringLiteral("csv"), prices), problems, imported));
        QCOMPARE(imported, count);
        QCOMPARE(head(), headBefore + count);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM product_prices")), qint64(2 * count));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM products WHERE change_seq > ?"),
                     { headBefore }),
            qint64(count));
        auto q = m_db->exec(QStringLiteral("SELECT data FROM products WHERE id = 1500"));
        QVERIFY(q && q.value().next());
        auto product = Protocol::productFromJson(
            QJsonDocument::fromJson(q.value().value(0).toString().toUtf8()).object());
        QVERIFY(product);
        QCOMPARE(product->priceCents, qint64(1700));
        QCOMPARE(product->promoPriceCents.value_or(0), qint64(150));
        QCOMPARE(product->name, QStringLiteral("Item 1500"));
    }

    void isoTextMatchesQt_data()
    {
        QTest::addColumn<QDateTime>("at");
        QTest::newRow("epoch") << QDateTime::fromMSecsSinceEpoch(0, Qt::UTC);
        QTest::newRow("leap day") << QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59, 999), Qt::UTC);
        QTest::newRow("new year") << QDateTime(QDate(2026, 1, 1), QTime(0, 0, 0, 1), Qt::UTC);
        QTest::newRow("1999") << QDateTime(QDate(1999, 12, 31), QTime(12, 30, 5, 40), Qt::UTC);
        QTest::newRow("before epoch") << QDateTime(QDate(1969, 7, 20), QTime(20, 17), Qt::UTC);
    }

    void isoTextMatchesQt()
    {
        QFETCH(QDateTime, at);
        QCOMPARE(Sync::Server::BulkWriter::isoUtc(at.toMSecsSinceEpoch()),
            at.toString(Qt::ISODateWithMs).toUtf8());
    }

    void demoSeedWritesTheGeneratorsRows()
    {
        DemoChain::Options options;
        options.seed = 42;
        options.productCount = 2500;
        options.pinIterations = 1000;
        options.referenceDate = QDate(2026, 3, 2);
        options.referenceTime = QDateTime(QDate(2026, 3, 2), QTime(14, 5), Qt::UTC);
        ChainAdmin admin(*m_db);
        QVERIFY(admin.createChain(QStringLiteral("Toonbank demo")));
        Sync::Server::DemoSeedSink sink(admin);
        RecordingSink recording(sink);
        auto summary = DemoChain::generate(recording, options);
        QVERIFY(summary);
        QVERIFY(sink.flush());
        QCOMPARE(summary->products, 2500);
        QCOMPARE(summary->stockRows, qint64(2500) * 13);

        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM products")), qint64(2500));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM product_prices")), qint64(2500));
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM stock")), qint64(2500 * 13));
        // One sequence number per row.
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(DISTINCT change_seq) FROM stock")),
            qint64(2500 * 13));
        QCOMPARE(head(), qint64(13 + 60 + 2500 + 2500 * 13));

        // Products: the wire form of what was generated, its price row at its version.
        QHash<qint64, Store::ProductRecord> generated;
        for (const Store::ProductRecord &p : std::as_const(recording.products))
            generated.insert(p.id, p);
        auto q = m_db->exec(
            QStringLiteral("SELECT p.id, p.sku, p.data, pp.price_cents, pp.promo_price_cents FROM "
                           "products p JOIN product_prices pp ON pp.product_id = p.id AND "
                           "pp.valid_from_seq = p.change_seq ORDER BY p.id"));
        QVERIFY(q);
        int rows = 0;
        while (q.value().next()) {
            ++rows;
            const Store::ProductRecord &g = generated[q.value().value(0).toLongLong()];
            QCOMPARE(q.value().value(1).toString(), g.sku);
            auto p = Protocol::productFromJson(
                QJsonDocument::fromJson(q.value().value(2).toString().toUtf8()).object());
            QVERIFY(p);
            QCOMPARE(p->name, g.name);
            QCOMPARE(p->barcodes, g.barcodes);
            QCOMPARE(p->priceCents, qint64(g.price.cents()));
            QCOMPARE(p->variantGroup, g.variantGroup);
            QCOMPARE(q.value().value(3).toLongLong(), qint64(g.price.cents()));
            QCOMPARE(q.value().value(4).isNull(), !g.promoPrice.has_value());
        }
        QCOMPARE(rows, 2500);

        // Stock: every figure as generated, as_of as Qt writes an ISO time, realistic ages.
        auto s = m_db->exec(QStringLiteral(
            "SELECT product_id, location_id, quantity, as_of, held FROM stock ORDER BY 1, 2"));
        QVERIFY(s);
        qint64 youngestStore = 1'000'000;
        qint64 oldestStore = 0;
        qint64 youngestWeb = 1'000'000;
        qint64 oldestWeb = 0;
        while (s.value().next()) {
            const QPair<qint64, qint64> key { s.value().value(0).toLongLong(),
                s.value().value(1).toLongLong() };
            QVERIFY(recording.stock.contains(key));
            const auto &[quantity, asOf] = recording.stock.value(key);
            QCOMPARE(s.value().value(2).toInt(), quantity);
            QCOMPARE(s.value().value(3).toString(), asOf.toUTC().toString(Qt::ISODateWithMs));
            QCOMPARE(s.value().value(4).toInt(), 0);
            const qint64 age = asOf.secsTo(options.referenceTime);
            if (recording.kinds.value(key.second) == Store::LocationKind::WebWarehouse) {
                youngestWeb = std::min(youngestWeb, age);
                oldestWeb = std::max(oldestWeb, age);
            } else {
                youngestStore = std::min(youngestStore, age);
                oldestStore = std::max(oldestStore, age);
            }
        }
        QVERIFY2(youngestStore >= 120 && oldestStore <= 6 * 3600,
            qPrintable(QStringLiteral("%1..%2").arg(youngestStore).arg(oldestStore)));
        QVERIFY(oldestStore > 5 * 3600); // spread over the whole range
        QVERIFY2(youngestWeb >= 60 && oldestWeb <= 20 * 60,
            qPrintable(QStringLiteral("%1..%2").arg(youngestWeb).arg(oldestWeb)));

        // The same seed again through the threaded path of demo-seed (DemoSeedSink::generate):
        // the same rows (upserts), new sequence numbers.
        const qint64 headBefore = head();
        QVERIFY(m_db->exec(QStringLiteral("UPDATE stock SET quantity = -1")));
        auto again = Sync::Server::DemoSeedSink::generate(*m_db, options);
        QVERIFY2(again, qPrintable(again ? QString() : again.error().detail));
        QCOMPARE(again->stockRows, summary->stockRows);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM stock")), qint64(2500 * 13));
        QCOMPARE(
            scalar(QStringLiteral("SELECT COUNT(*) FROM stock WHERE quantity < 0")), qint64(0));
        QCOMPARE(scalar(QStringLiteral("SELECT MIN(change_seq) FROM stock")),
            headBefore + 13 + 60 + 2500 + 1);
        QCOMPARE(head(), headBefore + 13 + 60 + 2500 + 2500 * 13);
    }
};

QTEST_GUILESS_MAIN(tst_CatalogImport)
#include "tst_catalogimport.moc"
