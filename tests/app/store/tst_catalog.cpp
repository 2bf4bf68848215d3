#include "app/core/barcode.h"
#include "app/store/catalog.h"
#include "app/store/catalogwriter.h"
#include "app/store/demochain.h"
#include "app/store/localdatabase.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace Toonbank;
using Store::Catalog;
using Store::LocalDatabase;

namespace {

const QDate referenceDay(2025, 6, 2);
constexpr int productCount = 3000;

QString withCheckDigit(const QString &digits)
{
    return digits + QChar(u'0' + Core::Barcode::checkDigit(digits));
}

} // namespace

class tst_Catalog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<LocalDatabase> m_db;
    std::unique_ptr<Catalog> m_catalog;

    QList<QVariantList> rows(const QString &sql, const QVariantList &binds = {}) const
    {
        QSqlQuery query(m_db->connection());
        query.prepare(sql);
        for (const QVariant &value : binds)
            query.addBindValue(value);
        if (!query.exec())
            qFatal("%s", qPrintable(query.lastError().text()));
        QList<QVariantList> all;
        while (query.next()) {
            QVariantList row;
            for (int i = 0; i < query.record().count(); ++i)
                row.append(query.value(i));
            all.append(row);
        }
        return all;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto db = LocalDatabase::open(m_dir.filePath(QStringLiteral("catalog.db")));
        QVERIFY(db);
        m_db = std::move(db).value();
        Store::DemoChain::Options options;
        options.seed = 7;
        options.productCount = productCount;
        options.pinIterations = 1000;
        options.referenceDate = referenceDay;
        const auto summary = Store::DemoChain::generateInto(*m_db, options);
        QVERIFY2(summary, summary ? "" : qPrintable(summary.error().detail));
        m_catalog = std::make_unique<Catalog>(
            *m_db, m_db->setting(QStringLiteral("location_id")).toLongLong());
        QCOMPARE(m_catalog->hereLocationId(), 1);
    }

    void cleanupTestCase()
    {
        m_catalog.reset(); // statements go before the connection
        m_db.reset();
    }

    void findsEveryKindOfBarcode_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("ean13") << QStringLiteral("ean13");
        QTest::newRow("ean8") << QStringLiteral("ean8");
        QTest::newRow("upca") << QStringLiteral("upca");
        QTest::newRow("internal") << QStringLiteral("internal");
    }

    void findsEveryKindOfBarcode()
    {
        QFETCH(QString, kind);
        const auto found
            = rows(QStringLiteral("SELECT code, product_id FROM barcodes WHERE kind = ? LIMIT 20"),
                { kind });
        QVERIFY(!found.isEmpty());
        for (const auto &row : found) {
            QString scanned = row.at(0).toString();
            if (kind == QLatin1String("upca"))
                scanned = scanned.mid(1); // the scanner sends the 12 printed digits
            const auto hit = m_catalog->findByBarcode(scanned, referenceDay);
            QVERIFY2(hit, hit ? "" : qPrintable(hit.error().code));
            QCOMPARE(hit->id, row.at(1).toLongLong());
            QVERIFY(!hit->name.isEmpty());
            QVERIFY(hit->price.cents() > 0);
        }
        // Surrounding whitespace from a keyboard-wedge scanner is fine.
        const QString code = found.constFirst().at(0).toString();
        QVERIFY(
            m_catalog->findByBarcode(QLatin1Char(' ') + code + QLatin1Char('\n'), referenceDay));
    }

    void summaryCarriesStockHereAndTodaysPromo()
    {
        const auto products = rows(QStringLiteral(
            "SELECT p.id, b.code FROM products p JOIN barcodes b ON b.product_id = p.id "
            "WHERE b.position = 0 AND p.promo_price_cents IS NOT NULL LIMIT 200"));
        QVERIFY(products.size() > 20);
        int active = 0;
        int inactive = 0;
        for (const auto &row : products) {
            const auto detail = m_catalog->product(row.at(0).toLongLong());
            QVERIFY(detail);
            const auto hit = m_catalog->findByBarcode(row.at(1).toString(), referenceDay);
            QVERIFY(hit);
            const bool runs = detail->record.promoActiveOn(referenceDay);
            QCOMPARE(hit->promoPrice.has_value(), runs);
            if (runs) {
                ++active;
                QCOMPARE(*hit->promoPrice, *detail->record.promoPrice);
                QCOMPARE(hit->effectivePrice(), *detail->record.promoPrice);
            } else {
                ++inactive;
                QCOMPARE(hit->effectivePrice(), hit->price);
            }
            const auto stock
                = rows(QStringLiteral(
                           "SELECT quantity FROM stock WHERE product_id = ? AND location_id = 1"),
                    { row.at(0) });
            QCOMPARE(hit->stockHereKnown, !stock.isEmpty());
            if (!stock.isEmpty())
                QCOMPARE(hit->stockHere, stock.constFirst().at(0).toInt());
        }
        QVERIFY(active > 0);
        QVERIFY(inactive > 0);
    }

    void invalidBarcodes_data()
    {
        QTest::addColumn<QString>("scanned");
        QTest::addColumn<QString>("code");
        const QString good = withCheckDigit(QStringLiteral("871234567890"));
        QString wrongCheck = good;
        wrongCheck[12] = QChar(u'0' + (good.at(12).digitValue() + 1) % 10);
        QTest::newRow("wrong check digit") << wrongCheck << QStringLiteral("barcode.check_digit");
        QTest::newRow("letters") << QStringLiteral("87123456789AB")
                                 << QStringLiteral("barcode.not_digits");
        QTest::newRow("empty") << QString() << QStringLiteral("barcode.empty");
        QTest::newRow("spaces") << QStringLiteral("   ") << QStringLiteral("barcode.empty");
        QTest::newRow("200 digits")
            << QString(200, QLatin1Char('7')) << QStringLiteral("barcode.length");
        QTest::newRow("200 chars")
            << QString(200, QLatin1Char('x')) << QStringLiteral("barcode.not_digits");
        QTest::newRow("7 digits") << QStringLiteral("1234567") << QStringLiteral("barcode.length");
        QTest::newRow("sql") << QStringLiteral("1' OR '1'='1")
                             << QStringLiteral("barcode.not_digits");
    }

    void invalidBarcodes()
    {
        QFETCH(QString, scanned);
        QFETCH(QString, code);
        const auto hit = m_catalog->findByBarcode(scanned, referenceDay);
        QVERIFY(!hit);
        QCOMPARE(hit.error().code, code);
        QVERIFY(!hit.error().message.isEmpty());
    }

    void unknownBarcode()
    {
        // Prefix 99 is never generated (coupons), so this valid code is in no product.
        const QString code = withCheckDigit(QStringLiteral("990000000001"));
        QVERIFY(Core::Barcode::parse(code));
        const auto hit = m_catalog->findByBarcode(code, referenceDay);
        QVERIFY(!hit);
        QCOMPARE(hit.error().code, QStringLiteral("barcode.unknown"));
        QVERIFY(hit.error().message.contains(code));
    }

    void searchByWordPrefixes()
    {
        const auto hits = m_catalog->search(QStringLiteral("lev jea"), referenceDay, 20);
        QVERIFY(hits);
        QVERIFY(!hits->isEmpty());
        QVERIFY(hits->size() <= 20);
        for (const auto &hit : *hits) {
            QCOMPARE(hit.brand, QStringLiteral("Levi's"));
            QVERIFY(hit.name.contains(QStringLiteral("Jeans")));
        }
        // Case and diacritics do not matter.
        const auto dutch = m_catalog->search(QStringLiteral("COTE D'OR"), referenceDay, 5);
        QVERIFY(dutch && !dutch->isEmpty());
        QCOMPARE(dutch->constFirst().brand, QString::fromUtf8("Côte d'Or"));
    }

    void searchRanksNameAndBrandAboveSku()
    {
        const auto hits = m_catalog->search(QStringLiteral("nike"), referenceDay, 10);
        QVERIFY(hits && !hits->isEmpty());
        QCOMPARE(hits->constFirst().brand, QStringLiteral("Nike"));
    }

    void searchRanksNameAboveLongerNames()
    {
        // Same word, same column: the shorter row ranks first (BM25 length normalisation), and
        // the ranking is deterministic.
        const auto first = m_catalog->search(QStringLiteral("jeans"), referenceDay, 30);
        const auto second = m_catalog->search(QStringLiteral("jeans"), referenceDay, 30);
        QVERIFY(first && second && first->size() == 30);
        for (int i = 0; i < first->size(); ++i)
            QCOMPARE(first->at(i).id, second->at(i).id);
        // Tokens the way the FTS tokenizer counts them, over every indexed column.
        auto tokens = [](const Store::ProductSummary &hit) {
            const QString text
                = hit.sku + QLatin1Char(' ') + hit.name + QLatin1Char(' ') + hit.brand;
            int count = 0;
            bool inToken = false;
            for (const QChar ch : text) {
                const bool tokenChar = ch.isLetterOrNumber();
                count += tokenChar && !inToken ? 1 : 0;
                inToken = tokenChar;
            }
            return count;
        };
        for (int i = 1; i < first->size(); ++i)
            QVERIFY2(
                tokens(first->at(i - 1)) <= tokens(first->at(i)), qPrintable(first->at(i).name));
    }

    void searchLimitAndEmpty()
    {
        const auto many = m_catalog->search(QStringLiteral("s"), referenceDay, 7);
        QVERIFY(many);
        QCOMPARE(many->size(), 7);
        for (const QString &blank : { QString(), QStringLiteral("   "), QStringLiteral("\t\n") }) {
            const auto none = m_catalog->search(blank, referenceDay);
            QVERIFY(none);
            QVERIFY(none->isEmpty());
        }
    }

    void searchFindsSkuAndBarcodeExactly()
    {
        const auto bySku = m_catalog->search(QStringLiteral("tb0000042"), referenceDay, 5);
        QVERIFY(bySku && !bySku->isEmpty());
        QCOMPARE(bySku->constFirst().id, 42);
        const QString code = rows(
            QStringLiteral("SELECT code FROM barcodes WHERE product_id = 99 AND position = 0"))
                                 .constFirst()
                                 .at(0)
                                 .toString();
        const auto byCode = m_catalog->search(code, referenceDay, 5);
        QVERIFY(byCode && !byCode->isEmpty());
        QCOMPARE(byCode->constFirst().id, 99);
    }

    void searchSurvivesFtsSyntax_data()
    {
        QTest::addColumn<QString>("text");
        for (const char *text : { "\"", "\"\"", "AND(", "AND", "OR", "NOT", "NEAR(a b)", "*", "**",
                 "-", "^", ":", "sku:tb", "{sku name}: x", ")))", "(((", "a\"b", "'", "lev\" OR \"",
                 "+", "\\", "%", "_", "jeans;DROP TABLE products", "Liège café", "🙂", "\u00ad",
                 "nike    adidas" }) {
            QTest::newRow(text) << QString::fromUtf8(text);
        }
        QTest::newRow("long") << QString(5000, QLatin1Char('a'));
        QTest::newRow("many words") << QStringLiteral("a b c d e f g h i j k l m n o p");
    }

    void searchSurvivesFtsSyntax()
    {
        QFETCH(QString, text);
        const auto hits = m_catalog->search(text, referenceDay, 10);
        QVERIFY2(hits, hits ? "" : qPrintable(hits.error().detail));
        QVERIFY(hits->size() <= 10);
        // And the products table is still there.
        QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM products")).constFirst().at(0).toInt(),
            productCount);
    }

    void productDetail()
    {
        const auto withVariants = rows(QStringLiteral(
            "SELECT id, variant_group FROM products WHERE variant_group IS NOT NULL LIMIT 1"));
        QVERIFY(!withVariants.isEmpty());
        const qint64 id = withVariants.constFirst().at(0).toLongLong();
        const auto detail = m_catalog->product(id);
        QVERIFY(detail);
        QCOMPARE(detail->record.id, id);
        QVERIFY(!detail->record.attributes.isEmpty());
        QVERIFY(!detail->record.barcodes.isEmpty());
        QVERIFY(detail->variants.size() > 1);
        QVERIFY(std::any_of(detail->variants.cbegin(), detail->variants.cend(),
            [&](const Store::Variant &v) { return v.productId == id; }));
        for (const QString &code : detail->record.barcodes)
            QCOMPARE(m_catalog->findByBarcode(code, referenceDay)->id, id);

        const auto missing = m_catalog->product(999'999'999);
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, QStringLiteral("product.unknown"));
    }

    void stockEverywhereHereFirstThenNearestThenWeb()
    {
        const auto figures = m_catalog->stockEverywhere(5);
        QVERIFY(figures);
        QCOMPARE(figures->size(), 13);
        QCOMPARE(figures->constFirst().location.id, 1);
        QCOMPARE(figures->constFirst().distanceKm, 0.0);
        QCOMPARE(figures->constLast().location.kind, Store::LocationKind::WebWarehouse);
        for (int i = 2; i < figures->size() - 1; ++i)
            QVERIFY(figures->at(i - 1).distanceKm <= figures->at(i).distanceKm);
        // Amsterdam's nearest store in the demo chain is Utrecht (~35 km).
        QCOMPARE(figures->at(1).location.city, QStringLiteral("Utrecht"));
        QVERIFY(figures->at(1).distanceKm > 30 && figures->at(1).distanceKm < 40);
        QVERIFY(figures->constFirst().asOf.isValid());
        QCOMPARE(figures->constFirst().asOf.timeSpec(), Qt::UTC);
    }

    void distances_data()
    {
        QTest::addColumn<double>("lat1");
        QTest::addColumn<double>("lon1");
        QTest::addColumn<double>("lat2");
        QTest::addColumn<double>("lon2");
        QTest::addColumn<double>("km");
        QTest::newRow("same point") << 52.37 << 4.89 << 52.37 << 4.89 << 0.0;
        QTest::newRow("Amsterdam-Brussel") << 52.3702 << 4.8910 << 50.8523 << 4.3560 << 173.0;
        QTest::newRow("Gent-Antwerpen") << 51.0522 << 3.7224 << 51.2180 << 4.4079 << 51.0;
        QTest::newRow("one degree of latitude") << 0.0 << 0.0 << 1.0 << 0.0 << 111.2;
    }

    void distances()
    {
        QFETCH(double, lat1);
        QFETCH(double, lon1);
        QFETCH(double, lat2);
        QFETCH(double, lon2);
        QFETCH(double, km);
        QVERIFY(std::abs(Store::distanceKm(lat1, lon1, lat2, lon2) - km) < 2.0);
    }

    void locations()
    {
        const auto all = m_catalog->locations();
        QVERIFY(all);
        QCOMPARE(all->size(), 13);
        QCOMPARE(all->constFirst().code, QStringLiteral("AMS01"));
        const auto liege = m_catalog->location(12);
        QVERIFY(liege);
        QCOMPARE(liege->country, QStringLiteral("BE"));
        QVERIFY(liege->cashRounding);
        QCOMPARE(m_catalog->location(4242).error().code, QStringLiteral("location.unknown"));
    }

    void incrementalUpsertKeepsSearchAndBarcodesInStep()
    {
        auto before = m_catalog->product(10);
        QVERIFY(before);
        Store::ProductRecord record = before->record;
        const QString oldCode = record.barcodes.constFirst();
        record.name = QStringLiteral("Zwartewaterklooster Special Edition");
        record.brand = QStringLiteral("Kwakkelbrand");
        record.barcodes = { withCheckDigit(QStringLiteral("871999000001")) };
        {
            Store::CatalogWriter writer(*m_db);
            QVERIFY(writer.begin());
            QVERIFY(writer.upsertProduct(record));
            QVERIFY(writer.setStock(10, 1, 77, QDateTime(referenceDay, QTime(9, 0), Qt::UTC)));
            QVERIFY(writer.commit());
        }
        const auto found = m_catalog->search(QStringLiteral("zwartewater kwak"), referenceDay);
        QVERIFY(found);
        QCOMPARE(found->size(), 1);
        QCOMPARE(found->constFirst().id, 10);
        QCOMPARE(found->constFirst().stockHere, 77);
        // The old name's tokens left the index with it.
        const auto oldName = m_catalog->search(before->record.name, referenceDay, 50);
        QVERIFY(oldName);
        for (const auto &hit : *oldName)
            QVERIFY(hit.id != 10);
        QCOMPARE(m_catalog->findByBarcode(oldCode, referenceDay).error().code,
            QStringLiteral("barcode.unknown"));
        QCOMPARE(m_catalog->findByBarcode(record.barcodes.constFirst(), referenceDay)->id, 10);
        QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM products")).constFirst().at(0).toInt(),
            productCount);
        // The FTS index still matches its content table.
        QSqlQuery check(m_db->connection());
        QVERIFY(check.exec(QStringLiteral(
            "INSERT INTO product_search(product_search, rank) VALUES('integrity-check', 1)")));
    }

    // A code given to another product (a supplier reused it) follows the newest record. The
    // product that had it stops listing it (schema v8: the list is on the product), and that
    // product's own next update does not take it away from the new one.
    void movedBarcodeStaysWithTheNewProduct()
    {
        auto first = m_catalog->product(20);
        auto second = m_catalog->product(21);
        QVERIFY(first && second);
        QVERIFY(!first->record.barcodes.isEmpty());
        const QString code = first->record.barcodes.constFirst();
        Store::ProductRecord taker = second->record;
        taker.barcodes.append(code);
        {
            Store::CatalogWriter writer(*m_db);
            QVERIFY(writer.begin());
            QVERIFY(writer.upsertProduct(taker));
            QVERIFY(writer.commit());
        }
        QCOMPARE(m_catalog->findByBarcode(code, referenceDay)->id, 21);
        QVERIFY(!m_catalog->product(20)->record.barcodes.contains(code));
        QCOMPARE(m_catalog->product(21)->record.barcodes.constLast(), code);

        Store::ProductRecord giver = m_catalog->product(20)->record;
        giver.name = QStringLiteral("Renamed after its code moved");
        {
            Store::CatalogWriter writer(*m_db);
            QVERIFY(writer.begin());
            QVERIFY(writer.upsertProduct(giver));
            QVERIFY(writer.commit());
        }
        const auto owner = m_catalog->findByBarcode(code, referenceDay);
        QVERIFY2(owner, owner ? "" : qPrintable(owner.error().code));
        QCOMPARE(owner->id, 21);
        QCOMPARE(m_catalog->product(20)->record.barcodes, giver.barcodes);
    }

    void invalidBarcodeInUpsertWritesNothing()
    {
        Store::ProductRecord record;
        record.id = 5'000'000;
        record.sku = QStringLiteral("TB5000000");
        record.name = QStringLiteral("Broken");
        record.vatClass = QStringLiteral("standard");
        record.price = Core::Money::fromCents(100);
        record.barcodes = { QStringLiteral("8712345678901") }; // wrong check digit
        {
            Store::CatalogWriter writer(*m_db);
            QVERIFY(writer.begin());
            const auto status = writer.upsertProduct(record);
            QVERIFY(!status);
            QCOMPARE(status.error().code, QStringLiteral("catalog.invalid_barcode"));
        }
        QCOMPARE(m_catalog->product(5'000'000).error().code, QStringLiteral("product.unknown"));
    }

    void writerWithoutCommitRollsBack()
    {
        Store::ProductRecord record;
        record.id = 5'000'001;
        record.sku = QStringLiteral("TB5000001");
        record.name = QStringLiteral("Never committed");
        record.vatClass = QStringLiteral("standard");
        record.price = Core::Money::fromCents(100);
        {
            Store::CatalogWriter writer(*m_db);
            QVERIFY(writer.begin());
            QVERIFY(writer.upsertProduct(record));
        }
        QVERIFY(!m_catalog->product(5'000'001));
        QVERIFY(m_catalog->search(QStringLiteral("never committed"), referenceDay)->isEmpty());
        // And the connection is usable again.
        QVERIFY(m_db->setSetting(QStringLiteral("after"), QStringLiteral("rollback")));
    }
};

QTEST_GUILESS_MAIN(tst_Catalog)
#include "tst_catalog.moc"
