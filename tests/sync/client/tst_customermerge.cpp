// The tablet against the real server (toonbank-synctool for enrolment and sync, the services for
// the sale): a customer enrolled offline with the e-mail of an existing server customer is merged
// by the server, and the tablet folds its offline record into that customer when the push is
// acknowledged; the sale made for the offline card is credited to the kept customer once.
// And ServerLookups gives single-use coupon claims back (release), offline later.
#include "app/services/customerservice.h"
#include "app/services/saleservice.h"
#include "app/services/serverlookups.h"
#include "app/services/session.h"
#include "app/services/terminal.h"
#include "app/store/customercache.h"
#include "app/store/outbox.h"
#include "serverfixture.h"

#include <QCryptographicHash>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

using namespace Toonbank;
using namespace Toonbank::Tests;

namespace {

constexpr qint64 cashier = 7; // Ann, AMS01, PIN 1234 (ServerFixture::seed)
const QString keptCard = QStringLiteral("2990000000011");

qint64 cacheScalar(const QString &cache, const QString &sql)
{
    const QString connection = QStringLiteral("customermerge-check");
    qint64 value = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(cache);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                value = q.value(0).toLongLong();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return value;
}

} // namespace

class TestCustomerMerge final : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    ServerFixture m_server;
    QString m_cache;

    bool syncOnce(const QString &cache = QString())
    {
        int code = 0;
        const QString output = runSyncTool(
            cache.isEmpty() ? m_cache : cache, { QStringLiteral("sync-once") }, &code);
        if (code != 0 || qEnvironmentVariableIsSet("H6DEBUG"))
            qWarning().noquote() << output;
        return code == 0;
    }

private slots:
    void initTestCase()
    {
        if (ServerFixture::wantsPostgres() && qEnvironmentVariableIsEmpty("TOONBANK_TEST_PG_URL"))
            QSKIP("TOONBANK_TEST_PG_URL is not set");
        QFile key(m_dir.filePath(QStringLiteral("machine-id")));
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write("00112233445566778899aabbccddeeff\n");
        key.close();
        qputenv("TOONBANK_DEVICE_KEY_FILE", QFile::encodeName(key.fileName()));

        QVERIFY(m_server.seed(5));
        // An existing customer of another store (not in this tablet's cache) and one of this
        // store (cached by the first sync).
        QFile customers(m_dir.filePath(QStringLiteral("customers.csv")));
        QVERIFY(customers.open(QIODevice::WriteOnly));
        customers.write("id,code,name,email,phone,loyaltyPoints,tier,homeStoreCode\n"
                        "1,2990000000011,Eva de Vries,eva@example.nl,+31611111111,0,basic,UTR01\n"
                        "2,2990000000028,Sam Jansen,,+31633333333,5,basic,AMS01\n");
        customers.close();
        QVERIFY(m_server.admin(
            { QStringLiteral("import"), QStringLiteral("customers"), customers.fileName() }));
        QFile promotions(m_dir.filePath(QStringLiteral("promotions.json")));
        QVERIFY(promotions.open(QIODevice::WriteOnly));
        promotions.write(R"([{"id":"PR-ONCE","label":"1 euro off once","kind":"amount_off",
            "target":"basket","amountCents":100,"couponCode":"ONCE1","singleUse":true}])");
        promotions.close();
        QVERIFY(m_server.admin(
            { QStringLiteral("import"), QStringLiteral("promotions"), promotions.fileName() }));
        QVERIFY(m_server.start());

        m_cache = m_dir.filePath(QStringLiteral("till.sqlite"));
        int code = 0;
        const QString enrolled = runSyncTool(m_cache,
            { QStringLiteral("enrol"), m_server.url(QString()).toString(),
                m_server.enrolmentCode(QStringLiteral("AMS01")),
                QString::fromLatin1(
                    m_server.caCertificates().first().digest(QCryptographicHash::Sha256).toHex()) },
            &code);
        QVERIFY2(code == 0, qPrintable(enrolled));
        QVERIFY(syncOnce());
        // Sam was served here recently (else the purge of customers unseen for 90 days, run
        // when the terminal opens, would remove him: the import gives no last-seen date).
        QCOMPARE(cacheScalar(m_cache,
                     QStringLiteral("SELECT count(*) FROM customers WHERE card_number = "
                                    "'2990000000028'")),
            1);
        cacheScalar(m_cache,
            QStringLiteral(
                "UPDATE customers SET seen_at = CAST(strftime('%s', 'now') AS INTEGER)"));
    }

    void offlineEnrolmentWithAKnownEmailIsMergedOnTheTablet()
    {
        QString offlineCard;
        {
            auto opened = Services::Terminal::open(m_cache);
            QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message));
            Services::Terminal &terminal = *opened.value();
            QVERIFY(terminal.session().logIn(cashier, QStringLiteral("1234")));
            {
                // Offline (no directory) and not cached: the tablet cannot know her.
                terminal.customers().setDirectory(nullptr);
                auto cached = Store::CustomerCache(terminal.database())
                                  .byEmail(QStringLiteral("eva@example.nl"));
                QVERIFY(cached);
                QVERIFY(cached->isEmpty());
            }
            Services::EnrolmentRequest request;
            request.name = QStringLiteral("Eva V.");
            request.email = QStringLiteral("EVA@example.nl");
            request.consentEmail = true;
            auto customer = terminal.customers().enrol(request);
            QVERIFY2(customer, customer ? "" : qPrintable(customer.error().message));
            offlineCard = customer->cardNumber;
            QVERIFY(offlineCard != keptCard);

            QVERIFY(terminal.sale().attachCustomer(offlineCard));
            QVERIFY(terminal.sale().addProduct(2));
            QVERIFY(terminal.sale().addProduct(2));
            auto paid = terminal.sale().payCash(Core::Money::fromCents(2000));
            QVERIFY2(paid, paid ? "" : qPrintable(paid.error().message));
            QCOMPARE(paid->sale.pointsEarned, 20);
            QVERIFY(terminal.customers().addToWishlist(offlineCard, 4));
            QCOMPARE(terminal.customers().pointsOf(offlineCard).value(), 20);
        }
        const qint64 customersBefore
            = m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM customers"));

        QVERIFY(syncOnce());
        QVERIFY(syncOnce()); // nothing again
        QCOMPARE(cacheScalar(m_cache, QStringLiteral("SELECT count(*) FROM outbox")), 0);

        // The server kept its customer and credited the offline card's sale to it, once.
        QCOMPARE(
            m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM customers")), customersBefore);
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT customer_id FROM customer_card_aliases "
                                                "WHERE card_number = ?"),
                     { offlineCard }),
            1);
        QCOMPARE(
            m_server.scalar(QStringLiteral("SELECT points_balance FROM customers WHERE id = 1")),
            20);
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM loyalty_ledger WHERE "
                                                "customer_id = 1")),
            1);
        QCOMPARE(
            m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM sales WHERE customer_id = 1")), 1);
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM wishlist WHERE "
                                                "customer_id = 1 AND product_id = 4")),
            1);

        // The tablet holds one customer for that e-mail: the server's, with its id and card.
        QCOMPARE(cacheScalar(m_cache, QStringLiteral("SELECT count(*) FROM customers")), 2);
        QCOMPARE(cacheScalar(
                     m_cache, QStringLiteral("SELECT count(*) FROM customers WHERE server_id = 0")),
            0);
        auto opened = Services::Terminal::open(m_cache);
        QVERIFY(opened);
        Services::Terminal &terminal = *opened.value();
        QVERIFY(terminal.session().logIn(cashier, QStringLiteral("1234")));
        Store::CustomerCache cache(terminal.database());
        QCOMPARE(cache.byCard(offlineCard).error().code, QStringLiteral("customer.not_found"));
        auto kept = cache.byCard(keptCard);
        QVERIFY2(kept, kept ? "" : qPrintable(kept.error().detail));
        QCOMPARE(kept->id, 1);
        auto byEmail = cache.byEmail(QStringLiteral("eva@example.nl"));
        QVERIFY(byEmail);
        QCOMPARE(byEmail->size(), 1);
        QCOMPARE(byEmail->first().cardNumber, keptCard);
        // Points: the server's figure, nothing pending twice.
        QCOMPARE(cache.pendingPoints(keptCard).value(), 0);
        QCOMPARE(terminal.customers().pointsOf(keptCard).value(), 20);

        // Staff see what happened, and the sale made with the offline card.
        auto profile = terminal.customers().profile(keptCard);
        QVERIFY2(profile, profile ? "" : qPrintable(profile.error().detail));
        QCOMPARE(profile->mergedNotice,
            QStringLiteral("Enrolled offline as a new customer; the server found an existing "
                           "customer with the same e-mail and merged them."));
        QCOMPARE(profile->mergedFromCard, offlineCard);
        QCOMPARE(profile->purchases.size(), 1);
        QCOMPARE(profile->wishlist.size(), 1);
        QCOMPARE(profile->customer.points, 20);
    }

    void offlineEnrolmentWithTheCachedCustomersPhoneIsMergedOnTheTablet()
    {
        const QString samCard = QStringLiteral("2990000000028");
        QString offlineCard;
        {
            auto opened = Services::Terminal::open(m_cache);
            QVERIFY(opened);
            Services::Terminal &terminal = *opened.value();
            QVERIFY(terminal.session().logIn(cashier, QStringLiteral("1234")));
            terminal.customers().setDirectory(nullptr);
            Store::CustomerCache cache(terminal.database());
            auto sam = cache.byCard(samCard);
            QVERIFY(sam);
            QCOMPARE(sam->id, 2);
            // Not cached when the same person is enrolled again offline (the tablet refuses a
            // phone it knows) …
            QVERIFY(cache.removeFromServer(samCard));
            Services::EnrolmentRequest request;
            request.name = QStringLiteral("Sam J.");
            request.phone = QStringLiteral("06 3333 3333");
            auto customer = terminal.customers().enrol(request);
            QVERIFY2(customer, customer ? "" : qPrintable(customer.error().message));
            offlineCard = customer->cardNumber;
            QVERIFY(terminal.sale().attachCustomer(offlineCard));
            QVERIFY(terminal.sale().addProduct(3));
            auto paid = terminal.sale().payCash(Core::Money::fromCents(1000));
            QVERIFY2(paid, paid ? "" : qPrintable(paid.error().message));
            QCOMPARE(paid->sale.pointsEarned, 10);
            // … and cached again before the push (an online look-up, the feed): the offline
            // record is folded into the cached one.
            QVERIFY(cache.upsertFromServer(sam.value()));
        }
        QVERIFY(syncOnce());
        QCOMPARE(cacheScalar(m_cache, QStringLiteral("SELECT count(*) FROM outbox")), 0);
        QCOMPARE(
            m_server.scalar(QStringLiteral("SELECT points_balance FROM customers WHERE id = 2")),
            15);

        auto opened = Services::Terminal::open(m_cache);
        QVERIFY(opened);
        Services::Terminal &terminal = *opened.value();
        QVERIFY(terminal.session().logIn(cashier, QStringLiteral("1234")));
        Store::CustomerCache cache(terminal.database());
        QCOMPARE(cache.byCard(offlineCard).error().code, QStringLiteral("customer.not_found"));
        auto byPhone = cache.byPhone(QStringLiteral("+31633333333"));
        QVERIFY(byPhone);
        QCOMPARE(byPhone->size(), 1);
        QCOMPARE(byPhone->first().id, 2);
        QCOMPARE(byPhone->first().cardNumber, samCard);
        QCOMPARE(cache.pendingPoints(samCard).value(), 0);
        QCOMPARE(terminal.customers().pointsOf(samCard).value(), 15);
        auto profile = terminal.customers().profile(samCard);
        QVERIFY(profile);
        QCOMPARE(profile->mergedNotice,
            QStringLiteral("Enrolled offline as a new customer; the server found an existing "
                           "customer with the same phone number and merged them."));
        QCOMPARE(profile->purchases.size(), 1);
    }

    void couponClaimsAreGivenBack()
    {
        auto opened = Services::Terminal::open(m_cache);
        QVERIFY(opened);
        Services::Terminal &terminal = *opened.value();
        const QString saleA = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString saleB = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString claimed
            = QStringLiteral("SELECT COUNT(*) FROM coupon_claims WHERE code = 'ONCE1'");

        Services::ServerLookups lookups(terminal.database());
        QVERIFY(lookups.isOnline());
        auto first = lookups.claim(QStringLiteral("ONCE1"), saleA, QStringLiteral("AMS01"));
        QVERIFY2(first, first ? "" : qPrintable(first.error().detail));
        QCOMPARE(
            lookups.claim(QStringLiteral("ONCE1"), saleB, QStringLiteral("AMS01")).error().code,
            QStringLiteral("coupon.already_used"));
        lookups.release(first.value()); // the sale was abandoned
        QCOMPARE(m_server.scalar(claimed), 0);
        QCOMPARE(lookups.flushPendingReleases(), 0);
        auto second = lookups.claim(QStringLiteral("ONCE1"), saleB, QStringLiteral("AMS01"));
        QVERIFY2(second, second ? "" : qPrintable(second.error().detail));

        // Offline: the release is kept and sent before the next claim once the server is back.
        const quint16 port = m_server.port();
        m_server.kill();
        Services::ServerLookups offline(terminal.database(), 1500);
        offline.release(second.value());
        QCOMPARE(offline.flushPendingReleases(), 1);
        QVERIFY(Store::Outbox(terminal.database())
                    .syncValue(QStringLiteral("coupon.pending_releases"))
                    .contains(saleB));
        QVERIFY(m_server.start({ QStringLiteral("--port"), QString::number(port) }));
        Services::ServerLookups back(terminal.database());
        QCOMPARE(m_server.scalar(claimed), 1);
        auto third = back.claim(QStringLiteral("ONCE1"), saleA, QStringLiteral("AMS01"));
        QVERIFY2(third, third ? "" : qPrintable(third.error().detail));
        QCOMPARE(back.flushPendingReleases(), 0);
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM coupon_claims WHERE code = "
                                                "'ONCE1' AND claimed_by_sale = ?"),
                     { saleA }),
            1);
    }

    // The customer screen's purchase history: online the server's (every store, one row per
    // sale even when this tablet also holds it) plus this tablet's pending sale; offline this
    // tablet's sales only, said so.
    void profileHistoryComesFromTheServerWhenOnline()
    {
        // Another tablet, in Utrecht, sells to Eva and syncs.
        const QString utrecht = m_dir.filePath(QStringLiteral("utrecht.sqlite"));
        int code = 0;
        const QString enrolled = runSyncTool(utrecht,
            { QStringLiteral("enrol"), m_server.url(QString()).toString(),
                m_server.enrolmentCode(QStringLiteral("UTR01")),
                QString::fromLatin1(
                    m_server.caCertificates().first().digest(QCryptographicHash::Sha256).toHex()) },
            &code);
        QVERIFY2(code == 0, qPrintable(enrolled));
        QVERIFY(syncOnce(utrecht));
        cacheScalar(utrecht,
            QStringLiteral(
                "UPDATE customers SET seen_at = CAST(strftime('%s', 'now') AS INTEGER)"));
        QString utrechtReceipt;
        {
            auto opened = Services::Terminal::open(utrecht);
            QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message));
            Services::Terminal &terminal = *opened.value();
            QVERIFY(terminal.session().logIn(8, QStringLiteral("5678"))); // Bob, UTR01
            QVERIFY(terminal.sale().attachCustomer(keptCard));
            QVERIFY(terminal.sale().addProduct(3));
            auto paid = terminal.sale().payCash(Core::Money::fromCents(1000));
            QVERIFY2(paid, paid ? "" : qPrintable(paid.error().message));
            utrechtReceipt = paid->sale.receiptNumber;
        }
        QVERIFY(syncOnce(utrecht));
        QCOMPARE(
            m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM sales WHERE customer_id = 1")), 2);
        // And she ordered in the web shop.
        QFile orders(m_dir.filePath(QStringLiteral("weborders.json")));
        QVERIFY(orders.open(QIODevice::WriteOnly));
        orders.write(R"([{"id":501,"orderNumber":"W-1001","locationCode":"UTR01",
            "customerId":1,"status":"shipped","totalCents":4599}])");
        orders.close();
        QVERIFY(m_server.admin(
            { QStringLiteral("import"), QStringLiteral("web-orders"), orders.fileName() }));

        // This tablet sells to her again and has not synced yet.
        auto opened = Services::Terminal::open(m_cache);
        QVERIFY(opened);
        Services::Terminal &terminal = *opened.value();
        QVERIFY(terminal.session().logIn(cashier, QStringLiteral("1234")));
        QVERIFY(terminal.sale().attachCustomer(keptCard));
        QVERIFY(terminal.sale().addProduct(2));
        auto paid = terminal.sale().payCash(Core::Money::fromCents(1000));
        QVERIFY2(paid, paid ? "" : qPrintable(paid.error().message));
        const QString pendingReceipt = paid->sale.receiptNumber;

        auto online = terminal.customers().profile(keptCard);
        QVERIFY2(online, online ? "" : qPrintable(online.error().detail));
        QVERIFY(online->historyFromServer);
        // The first sale made here is on the server and on this tablet: shown once; the web
        // order (no date) last.
        QCOMPARE(online->purchases.size(), 4);
        QCOMPARE(online->purchases.last().channel, QStringLiteral("web"));
        QCOMPARE(online->purchases.last().receiptNumber, QStringLiteral("W-1001"));
        QCOMPARE(online->purchases.last().total.cents(), 4599);
        QCOMPARE(online->purchases.first().receiptNumber, pendingReceipt);
        QCOMPARE(online->purchases.first().storeCode, QStringLiteral("AMS01"));
        QCOMPARE(online->purchases.first().channel, QStringLiteral("store"));
        int fromUtrecht = 0;
        for (const Services::PurchaseView &purchase : online->purchases) {
            if (purchase.storeCode == QLatin1String("UTR01")
                && purchase.channel == QLatin1String("store")) {
                ++fromUtrecht;
                QCOMPARE(purchase.receiptNumber, utrechtReceipt);
                QVERIFY(purchase.soldAt.isValid());
            }
        }
        QCOMPARE(fromUtrecht, 1);
        // The ledger: the server's two sales and this tablet's pending one, newest first.
        QCOMPARE(online->recentLedger.size(), 3);
        QCOMPARE(online->recentLedger.first().reference, pendingReceipt);
        QVERIFY(online->recentLedger.first().pending);
        QVERIFY(!online->recentLedger.at(1).pending);
        QVERIFY(!online->recentLedger.at(2).pending);
        for (int i = 1; i < online->recentLedger.size(); ++i)
            QVERIFY(online->recentLedger.at(i - 1).at >= online->recentLedger.at(i).at);

        // Offline: this tablet's sales only, flagged as such.
        m_server.kill();
        auto offline = terminal.customers().profile(keptCard);
        QVERIFY2(offline, offline ? "" : qPrintable(offline.error().detail));
        QVERIFY(!offline->historyFromServer);
        QCOMPARE(offline->purchases.size(), 2);
        for (const Services::PurchaseView &purchase : offline->purchases) {
            QCOMPARE(purchase.storeCode, QStringLiteral("AMS01"));
            QVERIFY(purchase.receiptNumber != utrechtReceipt);
        }
        QCOMPARE(offline->purchases.first().receiptNumber, pendingReceipt);
        QVERIFY(m_server.restartOnSamePort());
    }
};

QTEST_GUILESS_MAIN(TestCustomerMerge)
#include "tst_customermerge.moc"
