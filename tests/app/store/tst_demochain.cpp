#include "app/core/barcode.h"
#include "app/store/catalog.h"
#include "app/store/demochain.h"
#include "app/store/localdatabase.h"
#include "app/store/staffdirectory.h"

#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace Toonbank;
using Store::DemoChain;
using Store::LocalDatabase;

namespace {

const QDate referenceDay(2025, 6, 2);

DemoChain::Options options(quint64 seed, int products)
{
    DemoChain::Options o;
    o.seed = seed;
    o.productCount = products;
    o.pinIterations = 1000;
    o.referenceDate = referenceDay;
    return o;
}

} // namespace

class tst_DemoChain : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_fileNo = 0;

    std::unique_ptr<LocalDatabase> generate(quint64 seed, int products)
    {
        auto db = LocalDatabase::open(m_dir.filePath(QStringLiteral("demo-%1.db").arg(++m_fileNo)));
        if (!db)
            qFatal("open");
        const auto summary = DemoChain::generateInto(**db, options(seed, products));
        if (!summary)
            qFatal("generate: %s", qPrintable(summary.error().detail));
        return std::move(db).value();
    }

    static QList<QVariantList> rows(LocalDatabase &db, const QString &sql)
    {
        QSqlQuery query(db.connection());
        if (!query.exec(sql))
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

    // A digest of everything generated except the salted PIN hashes.
    static QByteArray fingerprint(LocalDatabase &db)
    {
        QCryptographicHash hash(QCryptographicHash::Sha256);
        for (const char *sql : {"SELECT * FROM products ORDER BY id", "SELECT * FROM barcodes ORDER BY code",
                                "SELECT * FROM stock ORDER BY product_id, location_id",
                                "SELECT * FROM locations ORDER BY id",
                                "SELECT id, code, display_name, role, home_location_id FROM staff ORDER BY id"}) {
            for (const auto &row : rows(db, QString::fromLatin1(sql))) {
                for (const QVariant &value : row)
                    hash.addData(value.toString().toUtf8() + '\x1f');
                hash.addData(QByteArrayView("\x1e"));
            }
        }
        return hash.result();
    }

private slots:
    void sameSeedSameChain()
    {
        auto first = generate(11, 700);
        auto second = generate(11, 700);
        auto other = generate(12, 700);
        QCOMPARE(fingerprint(*first), fingerprint(*second));
        QVERIFY(fingerprint(*first) != fingerprint(*other));
    }

    void exactProductCountAndLimits()
    {
        auto db = generate(3, 1234);
        QCOMPARE(rows(*db, QStringLiteral("SELECT count(*) FROM products")).constFirst().at(0).toInt(), 1234);
        QCOMPARE(rows(*db, QStringLiteral("SELECT max(id) FROM products")).constFirst().at(0).toInt(), 1234);
        // Stock for every product in all 13 locations.
        QCOMPARE(rows(*db, QStringLiteral("SELECT count(*) FROM stock")).constFirst().at(0).toInt(), 1234 * 13);

        auto empty = LocalDatabase::open(m_dir.filePath(QStringLiteral("limits.db")));
        QVERIFY(empty);
        for (int bad : {0, -5, DemoChain::maxProducts + 1}) {
            const auto summary = DemoChain::generateInto(**empty, options(1, bad));
            QVERIFY(!summary);
            QCOMPARE(summary.error().code, QStringLiteral("demo.product_count"));
        }
        QCOMPARE(rows(**empty, QStringLiteral("SELECT count(*) FROM locations")).constFirst().at(0).toInt(), 0);
    }

    void chainLocationsAndHome()
    {
        auto db = generate(5, 200);
        QCOMPARE(db->setting(QStringLiteral("location_id")), QStringLiteral("1"));
        Store::Catalog catalog(*db, 1);
        const auto locations = catalog.locations();
        QVERIFY(locations);
        QCOMPARE(locations->size(), 13);
        int nl = 0;
        int be = 0;
        int web = 0;
        for (const auto &location : *locations) {
            QVERIFY(location.cashRounding);
            QVERIFY(location.latitude > 50.5 && location.latitude < 53.5);
            QVERIFY(location.longitude > 3.0 && location.longitude < 7.0);
            if (location.kind == Store::LocationKind::WebWarehouse)
                ++web;
            else if (location.country == QLatin1String("NL"))
                ++nl;
            else if (location.country == QLatin1String("BE"))
                ++be;
        }
        QCOMPARE(web, 1);
        QCOMPARE(nl, 6);
        QCOMPARE(be, 6);
    }

    void staffPerStoreWithOwnSalts()
    {
        auto db = generate(5, 100);
        QCOMPARE(rows(*db, QStringLiteral("SELECT count(*) FROM staff")).constFirst().at(0).toInt(), 60);
        QCOMPARE(rows(*db, QStringLiteral("SELECT count(DISTINCT pin_hash) FROM staff")).constFirst().at(0).toInt(), 60);
        const auto perStore = rows(*db, QStringLiteral(
            "SELECT home_location_id, sum(role = 'cashier'), sum(role = 'supervisor'), sum(role = 'manager')"
            " FROM staff GROUP BY home_location_id"));
        QCOMPARE(perStore.size(), 12);
        for (const auto &row : perStore) {
            QCOMPARE(row.at(1).toInt(), 3);
            QCOMPARE(row.at(2).toInt(), 1);
            QCOMPARE(row.at(3).toInt(), 1);
        }
        Store::StaffDirectory directory(*db);
        const auto here = directory.staffAt(1).value();
        QCOMPARE(here.size(), 5);
        for (const auto &member : here) {
            QVERIFY(directory.verifyPin(member.id, DemoChain::demoPin(member.role), QDateTime::currentDateTimeUtc()));
        }
    }

    void productsLookLikeRetail()
    {
        auto db = generate(9, 3000);
        // Every barcode is valid and re-parses to its own lookup key.
        const auto codes = rows(*db, QStringLiteral("SELECT code, kind FROM barcodes"));
        QVERIFY(codes.size() >= 3000);
        QSet<QString> kinds;
        for (const auto &row : codes) {
            const QString code = row.at(0).toString();
            const auto parsed = Core::Barcode::parse(code);
            QVERIFY2(parsed, qPrintable(code));
            QCOMPARE(parsed->lookupKey(), code);
            kinds.insert(row.at(1).toString());
        }
        QCOMPARE(kinds, (QSet<QString>{QStringLiteral("ean13"), QStringLiteral("ean8"),
                                       QStringLiteral("upca"), QStringLiteral("internal")}));

        const auto vat = rows(*db, QStringLiteral("SELECT vat_class, count(*) FROM products GROUP BY 1 ORDER BY 2 DESC"));
        QCOMPARE(vat.constFirst().at(0).toString(), QStringLiteral("standard"));
        QSet<QString> classes;
        for (const auto &row : vat)
            classes.insert(row.at(0).toString());
        QVERIFY(classes.contains(QStringLiteral("reduced")));
        QVERIFY(classes.contains(QStringLiteral("zero")));

        // Prices end like shop prices.
        QCOMPARE(rows(*db, QStringLiteral("SELECT count(*) FROM products WHERE price_cents % 100 NOT IN (0, 29, 49, 79, 95, 99)"))
                     .constFirst().at(0).toInt(), 0);
        QVERIFY(rows(*db, QStringLiteral("SELECT count(*) FROM products WHERE promo_price_cents IS NOT NULL"))
                    .constFirst().at(0).toInt() > 100);
        QCOMPARE(rows(*db, QStringLiteral("SELECT count(*) FROM products WHERE promo_price_cents >= price_cents"))
                     .constFirst().at(0).toInt(), 0);
        QVERIFY(rows(*db, QStringLiteral("SELECT count(DISTINCT variant_group) FROM products")).constFirst().at(0).toInt() > 100);
        QVERIFY(rows(*db, QStringLiteral("SELECT count(*) FROM products WHERE rating_tenths BETWEEN 30 AND 50"))
                    .constFirst().at(0).toInt() > 2000);
        QVERIFY(rows(*db, QStringLiteral("SELECT count(*) FROM products WHERE web_delivery_days BETWEEN 1 AND 4"))
                    .constFirst().at(0).toInt() > 2000);
        QVERIFY(rows(*db, QStringLiteral("SELECT count(DISTINCT brand) FROM products")).constFirst().at(0).toInt() > 40);
        // The generated catalog is searchable at once.
        Store::Catalog catalog(*db, 1);
        QVERIFY(!catalog.search(QStringLiteral("levi"), referenceDay)->isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_DemoChain)
#include "tst_demochain.moc"
