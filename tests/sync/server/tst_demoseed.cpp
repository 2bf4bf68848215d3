// The demo seed on the server (toonbank-admin demo-seed): promotions and customers go in
// through ChainAdmin's import checks, each balance has its ledger, and the first pull of the
// home store's tablet gets every promotion and that store's customers. SQLite, and PostgreSQL
// when registered with TOONBANK_TEST_BACKEND=postgresql.
#include "app/core/customerrules.h"
#include "app/store/demochain.h"
#include "sync/protocol/changefeed.h"
#include "sync/server/changefeedreader.h"
#include "sync/server/demoseed.h"
#include "sync/server/deviceregistry.h"
#include "sync/server/promotionrows.h"
#include "sync/server/serverdatabase.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUuid>

using namespace Toonbank;
using Store::DemoChain;
using Sync::Server::ServerDatabase;

class tst_DemoSeed : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_spec; // empty: SQLite in m_dir
    QString m_pgDatabase;

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

    static DemoChain::Options options()
    {
        DemoChain::Options o;
        o.seed = 42;
        o.productCount = 400;
        o.pinIterations = 1000;
        o.referenceDate = QDate(2026, 3, 2);
        o.customersPerStore = 40;
        return o;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (!postgres())
            return;
        if (qEnvironmentVariable("TOONBANK_TEST_PG_URL").isEmpty())
            QSKIP("TOONBANK_TEST_PG_URL not set");
        m_pgDatabase = QStringLiteral("toonbank_demo_")
            + QUuid::createUuid().toString(QUuid::Id128).left(16);
        {
            QSqlDatabase admin = pgAdmin(QStringLiteral("admin"));
            QVERIFY(admin.open());
            QVERIFY(QSqlQuery(admin).exec(QStringLiteral("CREATE DATABASE ") + m_pgDatabase));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("admin"));
        QUrl url(qEnvironmentVariable("TOONBANK_TEST_PG_URL"));
        url.setPath(QLatin1Char('/') + m_pgDatabase);
        m_spec = url.toString();
    }

    void cleanupTestCase()
    {
        if (m_pgDatabase.isEmpty())
            return;
        {
            QSqlDatabase admin = pgAdmin(QStringLiteral("drop"));
            if (admin.open())
                QSqlQuery(admin).exec(QStringLiteral("DROP DATABASE IF EXISTS ") + m_pgDatabase);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("drop"));
    }

    void seedWritesPromotionsCustomersAndLedger()
    {
        auto opened = ServerDatabase::open(m_spec, m_dir.path());
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().detail));
        ServerDatabase &db = *opened.value();
        const DemoChain::Options o = options();
        const auto summary = Sync::Server::DemoSeedSink::seed(db, o);
        QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().detail));
        const auto expected = DemoChain::promotions(o);
        QCOMPARE(summary->promotions, int(expected.size()));
        QCOMPARE(summary->customers, 12 * o.customersPerStore);
        QVERIFY(summary->ledgerEntries > summary->customers);

        // Promotions: as generated, and every stored one still validates.
        const auto stored = Sync::Server::PromotionRows::loadAll(db);
        QVERIFY(stored);
        QCOMPARE(stored->size(), expected.size());
        for (const Core::Promotion &p : stored.value()) {
            QVERIFY2(p.validate(), qPrintable(p.id));
            const auto same = std::find_if(expected.cbegin(), expected.cend(),
                [&p](const Core::Promotion &e) { return e.id == p.id; });
            QVERIFY(same != expected.cend());
            QCOMPARE(p.kind, same->kind);
            QCOMPARE(p.targetKeys, same->targetKeys);
            QCOMPARE(p.couponCode, same->couponCode);
            QCOMPARE(p.customerId, same->customerId);
            QCOMPARE(p.validUntil, same->validUntil);
        }

        // Customers: every balance is the sum of its ledger; cards scan as loyalty cards.
        auto q = db.exec(QStringLiteral(
            "SELECT c.card_number, c.points_balance, c.lifetime_points, "
            "(SELECT COALESCE(SUM(l.points), 0) FROM loyalty_ledger l WHERE l.customer_id = c.id), "
            "(SELECT COALESCE(SUM(l.points), 0) FROM loyalty_ledger l WHERE l.customer_id = c.id "
            "AND l.points > 0) FROM customers c"));
        QVERIFY(q);
        int rows = 0;
        while (q.value().next()) {
            ++rows;
            QCOMPARE(
                Core::classifyScan(q.value().value(0).toString()), Core::ScanKind::LoyaltyCard);
            QCOMPARE(q.value().value(1).toLongLong(), q.value().value(3).toLongLong());
            QCOMPARE(q.value().value(2).toLongLong(), q.value().value(4).toLongLong());
        }
        QCOMPARE(rows, summary->customers);
    }

    void firstPullOfTheHomeStoreGetsThem()
    {
        auto opened = ServerDatabase::open(m_spec, m_dir.path());
        QVERIFY(opened);
        Sync::Server::ChangeFeedReader reader(*opened.value());
        const Sync::Server::DeviceIdentity tablet { QStringLiteral("demo-tablet"), 1,
            QStringLiteral("AMS01") };
        auto pull = [&](Sync::Protocol::FeedKind kind) {
            const auto body = reader.page(tablet, kind, 0, 5000);
            if (!std::holds_alternative<QByteArray>(body))
                qFatal("pull failed");
            auto page = Sync::Protocol::ChangePage::fromJson(
                QJsonDocument::fromJson(std::get<QByteArray>(body)).object());
            if (!page)
                qFatal("page: %s", qPrintable(page.error().detail));
            return page.value();
        };
        const auto promotions = pull(Sync::Protocol::FeedKind::Promotions);
        QCOMPARE(promotions.promotions.size(), DemoChain::promotions(options()).size());
        QVERIFY(!promotions.more);
        const auto customers = pull(Sync::Protocol::FeedKind::Customers);
        QCOMPARE(customers.customers.size(), options().customersPerStore);
        for (const auto &c : customers.customers) {
            QCOMPARE(c.homeStoreCode, QStringLiteral("AMS01"));
            QVERIFY(!c.tier.isEmpty());
            QVERIFY(c.lastSeenAt.isValid()); // else a tablet purges them as never seen
            QVERIFY(Core::normalisePhone(c.phone, QStringLiteral("NL")));
        }
        // The catalog feed carries each store's VAT number, of its country's shape.
        const auto catalog = pull(Sync::Protocol::FeedKind::Catalog);
        QVERIFY(!catalog.locations.isEmpty());
        for (const auto &l : catalog.locations) {
            if (l.country == QLatin1String("NL"))
                QVERIFY2(QRegularExpression(QStringLiteral("^NL\\d{9}B\\d{2}$"))
                             .match(l.vatNumber)
                             .hasMatch(),
                    qPrintable(l.vatNumber));
            else if (l.country == QLatin1String("BE"))
                QVERIFY2(QRegularExpression(QStringLiteral("^BE[01]\\d{9}$"))
                             .match(l.vatNumber)
                             .hasMatch(),
                    qPrintable(l.vatNumber));
        }
    }

    void seedWritesTheDemoWallet()
    {
        auto opened = ServerDatabase::open(m_spec, m_dir.path());
        QVERIFY(opened);
        ServerDatabase &db = *opened.value();
        auto count = [&db](const QString &sql) {
            auto q = db.exec(sql);
            return q && q.value().next() ? q.value().value(0).toLongLong() : -1;
        };
        const auto cards = Sync::Server::DemoSeedSink::demoGiftCards();
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM gift_cards")), cards.size());
        QCOMPARE(
            count(QStringLiteral("SELECT COUNT(*) FROM gift_cards WHERE balance_cents = 0")), 1);
        QCOMPARE(
            count(QStringLiteral("SELECT COUNT(*) FROM gift_cards WHERE state = 'inactive'")), 1);
        const QString today = options().referenceDate.toString(Qt::ISODate);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM gift_cards WHERE expires_on < '")
                     + today + QStringLiteral("'")),
            1);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM store_credit s JOIN customers c ON "
                                      "c.id = s.customer_id")),
            Sync::Server::DemoSeedSink::demoStoreCredit().size());
        // A second seed changes nothing.
        QVERIFY(Sync::Server::DemoSeedSink::seedWallet(db, options().referenceDate));
        QCOMPARE(count(QStringLiteral("SELECT SUM(balance_cents) FROM gift_cards")),
            5000 + 2500 + 1250 + 10000 + 2000 + 3000);
    }

    void seedWritesReturnableWebOrders()
    {
        auto opened = ServerDatabase::open(m_spec, m_dir.path());
        QVERIFY(opened);
        ServerDatabase &db = *opened.value();
        auto count = [&db](const QString &sql) {
            auto q = db.exec(sql);
            return q && q.value().next() ? q.value().value(0).toLongLong() : -1;
        };
        const auto numbers = Sync::Server::DemoSeedSink::demoWebOrderNumbers();
        // The returns demo's orders and the pickup demo's (issue 11) ready ones.
        const auto pickups = Sync::Server::DemoSeedSink::demoPickups();
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM web_orders")),
            numbers.size() + pickups.size());
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM web_orders WHERE status = 'ready' AND "
                                      "ready_at <> '' AND code_hash <> ''")),
            pickups.size());
        // Every order: lines add up to its goods total, tenders to goods + delivery, real
        // products and customers, a demo store.
        QCOMPARE(count(QStringLiteral(
                     "SELECT COUNT(*) FROM web_orders w WHERE total_cents <> (SELECT SUM("
                     "line_total_cents) FROM web_order_lines l WHERE l.order_id = w.id) OR "
                     "total_cents + delivery_cents <> (SELECT SUM(amount_cents) FROM "
                     "web_order_tenders t WHERE t.order_id = w.id)")),
            0);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM web_order_lines l LEFT JOIN products p "
                                      "ON p.id = l.product_id AND p.sku = l.sku WHERE p.id IS "
                                      "NULL")),
            0);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM web_orders w JOIN customers c ON c.id "
                                      "= w.customer_id JOIN locations l ON l.id = w.location_id "
                                      "AND l.kind = 'store'")),
            numbers.size() + pickups.size());
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM web_orders WHERE delivered_on = '' AND "
                                      "ready_at = ''")),
            1);
        // Delivered 1 to 20 days before the reference date, some outside the 14 days.
        const QDate today = options().referenceDate;
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM web_orders WHERE delivered_on <> '' "
                                      "AND (delivered_on < '%1' OR delivered_on > '%2')")
                           .arg(today.addDays(-20).toString(Qt::ISODate),
                               today.addDays(-1).toString(Qt::ISODate))),
            0);
        QVERIFY(count(QStringLiteral("SELECT COUNT(*) FROM web_orders WHERE delivered_on <> '' "
                                     "AND delivered_on < '%1'")
                          .arg(today.addDays(-14).toString(Qt::ISODate)))
            >= 2);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM web_order_tenders WHERE method = "
                                      "'gift_card'")),
            1);
        QVERIFY(count(QStringLiteral("SELECT COUNT(*) FROM web_orders WHERE delivery_cents = 495"))
            >= 1);
        // The 3-for-2: three lines whose totals are below their list price.
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM (SELECT order_id FROM web_order_lines "
                                      "WHERE line_total_cents < unit_price_cents * quantity GROUP "
                                      "BY order_id HAVING COUNT(*) = 3) x")),
            1);
        QCOMPARE(count(QStringLiteral("SELECT default_window_days FROM return_policies WHERE "
                                      "location_id = 0")),
            30);
        // A second seed changes nothing.
        const qint64 lines = count(QStringLiteral("SELECT COUNT(*) FROM web_order_lines"));
        QVERIFY(Sync::Server::DemoSeedSink::seedReturns(db, today));
        QVERIFY(Sync::Server::DemoSeedSink::seedPickups(db, today));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM web_order_lines")), lines);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM web_orders")),
            numbers.size() + pickups.size());
    }
};

QTEST_GUILESS_MAIN(tst_DemoSeed)
#include "tst_demoseed.moc"
