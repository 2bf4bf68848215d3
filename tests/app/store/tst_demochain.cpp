#include "app/core/barcode.h"
#include "app/core/customerrules.h"
#include "app/core/loyalty.h"
#include "app/core/promotion.h"
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

#include <algorithm>

Q_DECLARE_METATYPE(Toonbank::Core::PromotionKind)

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
        for (const char *sql :
            { "SELECT * FROM products ORDER BY id", "SELECT * FROM barcodes ORDER BY code",
                "SELECT * FROM stock ORDER BY product_id, location_id",
                "SELECT * FROM locations ORDER BY id",
                "SELECT id, code, display_name, role, home_location_id FROM staff ORDER BY id" }) {
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

    void unjournaledLoadEndsInWal()
    {
        auto db = LocalDatabase::open(m_dir.filePath(QStringLiteral("fresh-unjournaled.db")));
        QVERIFY(db);
        DemoChain::Options o = options(21, 300);
        o.unjournaledFreshFile = true;
        QVERIFY(DemoChain::generateInto(**db, o));
        QCOMPARE(rows(**db, QStringLiteral("PRAGMA journal_mode")).constFirst().at(0).toString(),
            QStringLiteral("wal"));
        QCOMPARE(
            rows(**db, QStringLiteral("SELECT count(*) FROM products")).constFirst().at(0).toInt(),
            300);
        QVERIFY((*db)->checkIntegrity());
        // Identical to a journaled load with the same seed.
        auto journaled = generate(21, 300);
        QCOMPARE(fingerprint(**db), fingerprint(*journaled));
    }

    void exactProductCountAndLimits()
    {
        auto db = generate(3, 1234);
        QCOMPARE(
            rows(*db, QStringLiteral("SELECT count(*) FROM products")).constFirst().at(0).toInt(),
            1234);
        QCOMPARE(
            rows(*db, QStringLiteral("SELECT max(id) FROM products")).constFirst().at(0).toInt(),
            1234);
        // Stock for every product in all 13 locations.
        QCOMPARE(rows(*db, QStringLiteral("SELECT count(*) FROM stock")).constFirst().at(0).toInt(),
            1234 * 13);

        auto empty = LocalDatabase::open(m_dir.filePath(QStringLiteral("limits.db")));
        QVERIFY(empty);
        for (int bad : { 0, -5, DemoChain::maxProducts + 1 }) {
            const auto summary = DemoChain::generateInto(**empty, options(1, bad));
            QVERIFY(!summary);
            QCOMPARE(summary.error().code, QStringLiteral("demo.product_count"));
        }
        QCOMPARE(rows(**empty, QStringLiteral("SELECT count(*) FROM locations"))
                     .constFirst()
                     .at(0)
                     .toInt(),
            0);
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
        QCOMPARE(
            rows(*db, QStringLiteral("SELECT count(*) FROM staff")).constFirst().at(0).toInt(), 60);
        QCOMPARE(rows(*db, QStringLiteral("SELECT count(DISTINCT pin_hash) FROM staff"))
                     .constFirst()
                     .at(0)
                     .toInt(),
            60);
        const auto perStore = rows(*db,
            QStringLiteral("SELECT home_location_id, sum(role = 'cashier'), sum(role = "
                           "'supervisor'), sum(role = 'manager')"
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
            QVERIFY(directory.verifyPin(
                member.id, DemoChain::demoPin(member.role), QDateTime::currentDateTimeUtc()));
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
        QCOMPARE(kinds,
            (QSet<QString> { QStringLiteral("ean13"), QStringLiteral("ean8"),
                QStringLiteral("upca"), QStringLiteral("internal") }));

        const auto vat = rows(*db,
            QStringLiteral("SELECT vat_class, count(*) FROM products GROUP BY 1 ORDER BY 2 DESC"));
        QCOMPARE(vat.constFirst().at(0).toString(), QStringLiteral("standard"));
        QSet<QString> classes;
        for (const auto &row : vat)
            classes.insert(row.at(0).toString());
        QVERIFY(classes.contains(QStringLiteral("reduced")));
        QVERIFY(classes.contains(QStringLiteral("zero")));

        // Prices end like shop prices.
        QCOMPARE(rows(*db,
                     QStringLiteral("SELECT count(*) FROM products WHERE price_cents % 100 NOT IN "
                                    "(0, 29, 49, 79, 95, 99)"))
                     .constFirst()
                     .at(0)
                     .toInt(),
            0);
        QVERIFY(
            rows(*db,
                QStringLiteral("SELECT count(*) FROM products WHERE promo_price_cents IS NOT NULL"))
                .constFirst()
                .at(0)
                .toInt()
            > 100);
        QCOMPARE(rows(*db,
                     QStringLiteral(
                         "SELECT count(*) FROM products WHERE promo_price_cents >= price_cents"))
                     .constFirst()
                     .at(0)
                     .toInt(),
            0);
        QVERIFY(rows(*db, QStringLiteral("SELECT count(DISTINCT variant_group) FROM products"))
                    .constFirst()
                    .at(0)
                    .toInt()
            > 100);
        QVERIFY(rows(*db,
                    QStringLiteral(
                        "SELECT count(*) FROM products WHERE rating_tenths BETWEEN 30 AND 50"))
                    .constFirst()
                    .at(0)
                    .toInt()
            > 2000);
        QVERIFY(rows(*db,
                    QStringLiteral(
                        "SELECT count(*) FROM products WHERE web_delivery_days BETWEEN 1 AND 4"))
                    .constFirst()
                    .at(0)
                    .toInt()
            > 2000);
        QVERIFY(rows(*db, QStringLiteral("SELECT count(DISTINCT brand) FROM products"))
                    .constFirst()
                    .at(0)
                    .toInt()
            > 40);
        // The generated catalog is searchable at once.
        Store::Catalog catalog(*db, 1);
        QVERIFY(!catalog.search(QStringLiteral("levi"), referenceDay)->isEmpty());
    }
    // --- promotions and loyalty customers (issue 8: the demo shows Checkout I) ---

    void everyPromotionValidates()
    {
        const auto promotions = DemoChain::promotions(options(42, 2000));
        QVERIFY(promotions.size() >= 15);
        QSet<QString> ids;
        for (const Core::Promotion &p : promotions) {
            const Core::Status valid = p.validate();
            QVERIFY2(valid,
                qPrintable(
                    p.id + QStringLiteral(": ") + (valid ? QString() : valid.error().detail)));
            QVERIFY2(!ids.contains(p.id), qPrintable(p.id));
            ids.insert(p.id);
            QVERIFY(!p.label.isEmpty());
        }
    }

    void everyPromotionKindPresent_data()
    {
        QTest::addColumn<Core::PromotionKind>("kind");
        for (auto kind : { Core::PromotionKind::PercentOff, Core::PromotionKind::AmountOff,
                 Core::PromotionKind::FixedPrice, Core::PromotionKind::BuyNPayM,
                 Core::PromotionKind::NthAtPercentOff, Core::PromotionKind::CheapestFree,
                 Core::PromotionKind::BundlePrice, Core::PromotionKind::SpendThreshold })
            QTest::newRow(qPrintable(Core::name(kind))) << kind;
    }

    void everyPromotionKindPresent()
    {
        QFETCH(Core::PromotionKind, kind);
        const auto promotions = DemoChain::promotions(options(42, 2000));
        QVERIFY(std::any_of(promotions.cbegin(), promotions.cend(),
            [kind](const Core::Promotion &p) { return p.kind == kind; }));
    }

    void promotionsFitTheCatalog()
    {
        auto db = generate(42, 2000);
        auto set = [&](const QString &sql) {
            QSet<QString> values;
            for (const QVariantList &row : rows(*db, sql))
                values.insert(row.at(0).toString());
            return values;
        };
        const QSet<QString> skus = set(QStringLiteral("SELECT sku FROM products"));
        const QSet<QString> brands = set(QStringLiteral("SELECT DISTINCT brand FROM products"));
        const QSet<QString> categories
            = set(QStringLiteral("SELECT DISTINCT category FROM products"));
        for (const Core::Promotion &p : DemoChain::promotions(options(42, 2000))) {
            const QSet<QString> &known = p.target == Core::PromotionTarget::Item ? skus
                : p.target == Core::PromotionTarget::Brand                       ? brands
                                                                                 : categories;
            for (const QString &key : p.targetKeys)
                QVERIFY2(known.contains(key), qPrintable(p.id + QStringLiteral(": ") + key));
        }
        // A tiny catalog still gives valid promotions (the SKU-based ones are left out).
        for (const Core::Promotion &p : DemoChain::promotions(options(42, 1)))
            QVERIFY2(p.validate(), qPrintable(p.id));
    }

    void promotionsShowWhatCheckoutDoes()
    {
        DemoChain::Options o = options(42, 2000);
        const auto promotions = DemoChain::promotions(o);
        const QDateTime noon(referenceDay, QTime(12, 0));
        auto find = [&](auto predicate) {
            return std::find_if(promotions.cbegin(), promotions.cend(), predicate);
        };
        const auto welcome = find(
            [](const Core::Promotion &p) { return p.couponCode == QLatin1String("WELKOM10"); });
        QVERIFY(welcome != promotions.cend());
        QVERIFY(!welcome->singleUse);
        QCOMPARE(welcome->percentBasisPoints, 1000);
        QCOMPARE(welcome->target, Core::PromotionTarget::Basket);
        QVERIFY(find([](const Core::Promotion &p) {
            return p.singleUse && !p.couponCode.isEmpty();
        }) != promotions.cend());
        QVERIFY(find([](const Core::Promotion &p) {
            return p.tier == QLatin1String("gold") && p.percentBasisPoints == 500;
        }) != promotions.cend());
        QVERIFY(find([](const Core::Promotion &p) { return p.exclusive; }) != promotions.cend());
        QVERIFY(find([](const Core::Promotion &p) {
            return p.kind == Core::PromotionKind::SpendThreshold && p.amount.cents() == 500
                && p.threshold.cents() == 5000;
        }) != promotions.cend());

        // Dates matter: one expired, one not yet started; the others run today.
        int expired = 0;
        int future = 0;
        int running = 0;
        for (const Core::Promotion &p : promotions) {
            if (p.validUntil.isValid() && p.validUntil < noon) {
                ++expired;
                QVERIFY(!Core::isActive(p, noon, QStringLiteral("AMS01")));
            } else if (p.validFrom.isValid() && p.validFrom > noon) {
                ++future;
                QVERIFY(!Core::isActive(p, noon, QStringLiteral("AMS01")));
            } else {
                ++running;
                QVERIFY2(Core::isActive(p, noon, QStringLiteral("AMS01")), qPrintable(p.id));
            }
        }
        QCOMPARE(expired, 1);
        QCOMPARE(future, 1);
        QVERIFY(running >= 13);

        // One store only: active in AMS01, not in Rotterdam.
        const auto oneStore
            = find([](const Core::Promotion &p) { return !p.storeCodes.isEmpty(); });
        QVERIFY(oneStore != promotions.cend());
        QCOMPARE(oneStore->storeCodes, QStringList { QStringLiteral("AMS01") });
        QVERIFY(!Core::isActive(*oneStore, noon, QStringLiteral("RTD01")));

        // Personal offers name existing customers.
        const auto customers = DemoChain::customers(o);
        QSet<qint64> customerIds;
        for (const auto &c : customers)
            customerIds.insert(c.id);
        int personal = 0;
        for (const Core::Promotion &p : promotions) {
            if (p.customerId != 0) {
                ++personal;
                QVERIFY(customerIds.contains(p.customerId));
            }
        }
        QVERIFY(personal >= 3);
    }

    void customersAreValid()
    {
        DemoChain::Options o = options(42, 100);
        o.customersPerStore = 200;
        const auto customers = DemoChain::customers(o);
        QHash<QString, QString> countryOf;
        for (const Store::Location &l : DemoChain::locations()) {
            if (l.kind == Store::LocationKind::Store)
                countryOf.insert(l.code, l.country);
        }
        QCOMPARE(customers.size(), countryOf.size() * 200);
        const Core::LoyaltyRules rules = Core::LoyaltyRules::defaults();
        QSet<QString> cards, emails, phones;
        QHash<QString, int> tiers;
        for (const DemoChain::Customer &c : customers) {
            QVERIFY(c.id > 0);
            QVERIFY(c.name.contains(QLatin1Char(' ')));
            QCOMPARE(Core::classifyScan(c.cardNumber), Core::ScanKind::LoyaltyCard);
            QVERIFY(c.cardNumber.startsWith(QLatin1String("299")));
            QCOMPARE(Core::loyaltyCardNumber(c.cardNumber).value(), c.cardNumber);
            QVERIFY2(countryOf.contains(c.homeStoreCode), qPrintable(c.homeStoreCode));
            const auto phone = Core::normalisePhone(c.phone, countryOf.value(c.homeStoreCode));
            QVERIFY2(phone, qPrintable(c.phone));
            QCOMPARE(phone.value(), c.phone);
            QVERIFY(c.phone.startsWith(countryOf.value(c.homeStoreCode) == QLatin1String("BE")
                    ? QLatin1String("+324")
                    : QLatin1String("+316")));
            const auto email = Core::normaliseEmail(c.email);
            QVERIFY2(email, qPrintable(c.email));
            QCOMPARE(email.value(), c.email);
            cards.insert(c.cardNumber);
            emails.insert(c.email);
            phones.insert(c.phone);
            ++tiers[c.tier];

            // Points: the ledger adds up, never goes below zero, and the tier follows it.
            QVERIFY(!c.ledger.isEmpty());
            qint64 balance = 0;
            qint64 lifetime = 0;
            QDateTime previous;
            QSet<QString> events;
            for (const DemoChain::LedgerEntry &e : c.ledger) {
                balance += e.points;
                lifetime += std::max<qint64>(0, e.points);
                QVERIFY(balance >= 0);
                QVERIFY(e.at.isValid());
                QVERIFY(!previous.isValid() || previous <= e.at);
                previous = e.at;
                QVERIFY(!events.contains(e.eventId));
                events.insert(e.eventId);
                QVERIFY(QStringList(
                    { QStringLiteral("welcome"), QStringLiteral("sale"), QStringLiteral("redeem") })
                            .contains(e.reason));
            }
            QCOMPARE(c.points, balance);
            QCOMPARE(c.lifetimePoints, lifetime);
            QCOMPARE(c.tier, rules.tierFor(c.lifetimePoints));
            QVERIFY(previous.date() < referenceDay);
        }
        QCOMPARE(cards.size(), customers.size());
        QCOMPARE(emails.size(), customers.size());
        QCOMPARE(phones.size(), customers.size());
        QVERIFY(tiers.value(QStringLiteral("basic")) > tiers.value(QStringLiteral("silver")));
        QVERIFY(tiers.value(QStringLiteral("silver")) > tiers.value(QStringLiteral("gold")));
        QVERIFY(tiers.value(QStringLiteral("gold")) > 0);
        // The README's cards: gold, silver and basic in the first store.
        QCOMPARE(customers.at(0).tier, QStringLiteral("gold"));
        QCOMPARE(customers.at(1).tier, QStringLiteral("silver"));
        QCOMPARE(customers.at(2).tier, QStringLiteral("basic"));
        QCOMPARE(customers.at(0).homeStoreCode, QStringLiteral("AMS01"));
        QCOMPARE(customers.at(0).cardNumber, QStringLiteral("2990000000019"));
    }

    void sameSeedSameLoyaltyData()
    {
        auto digest = [](const DemoChain::Options &o) {
            QCryptographicHash hash(QCryptographicHash::Sha256);
            auto add = [&hash](const QString &text) {
                hash.addData(text.toUtf8());
                hash.addData(QByteArrayView("\x1f"));
            };
            for (const Core::Promotion &p : DemoChain::promotions(o)) {
                add(p.id + p.label + Core::name(p.kind) + Core::name(p.target)
                    + p.targetKeys.join(QLatin1Char(',')) + p.couponCode + p.tier
                    + p.storeCodes.join(QLatin1Char(',')) + p.validFrom.toString(Qt::ISODate)
                    + p.validUntil.toString(Qt::ISODate));
                add(QStringLiteral("%1/%2/%3/%4/%5/%6/%7/%8")
                        .arg(p.percentBasisPoints)
                        .arg(p.amount.cents())
                        .arg(p.threshold.cents())
                        .arg(p.buyQuantity)
                        .arg(p.payQuantity)
                        .arg(p.customerId)
                        .arg(int(p.exclusive))
                        .arg(int(p.singleUse)));
            }
            for (const DemoChain::Customer &c : DemoChain::customers(o)) {
                add(c.cardNumber + c.name + c.email + c.phone + c.tier + c.homeStoreCode);
                add(QStringLiteral("%1/%2/%3%4%5")
                        .arg(c.points)
                        .arg(c.lifetimePoints)
                        .arg(int(c.consentEmail))
                        .arg(int(c.consentSms))
                        .arg(int(c.consentPersonalised)));
                for (const DemoChain::LedgerEntry &e : c.ledger)
                    add(e.eventId + e.reason + QString::number(e.points)
                        + e.at.toString(Qt::ISODate));
            }
            return hash.result();
        };
        DemoChain::Options o = options(42, 2000);
        o.customersPerStore = 50;
        DemoChain::Options other = o;
        other.seed = 43;
        DemoChain::Options later = o;
        later.referenceDate = referenceDay.addDays(10);
        QCOMPARE(digest(o), digest(o));
        QVERIFY(digest(o) != digest(other));
        QVERIFY(digest(o) != digest(later));
    }
};

QTEST_GUILESS_MAIN(tst_DemoChain)
#include "tst_demochain.moc"
