// The tablet's HTTPS link against the real server: enrolment pinned by CA fingerprint, push
// with exactly-once answers, pull, and "offline" when the server is gone.
#include "serverfixture.h"

#include "sync/client/serverconnection.h"

#include <QCryptographicHash>
#include <QFile>
#include <QtTest>

using namespace Toonbank;
using namespace Toonbank::Tests;
using Sync::Client::ServerConnection;

class TestServerConnection final : public QObject
{
    Q_OBJECT
private slots:
    void enrolPushPullOffline()
    {
        ServerFixture server;
        QVERIFY(server.seed(5));
        QVERIFY(server.start());
        const QString fingerprint = QString::fromLatin1(
            server.caCertificates().first().digest(QCryptographicHash::Sha256).toHex());

        ServerConnection connection(server.url(QString()));
        // A wrong fingerprint never sends the code.
        std::optional<Core::Result<Sync::Protocol::EnrolResponse>> refused;
        connection.enrol(server.enrolmentCode(QStringLiteral("AMS01")), QStringLiteral("Till"),
            QString(64, QLatin1Char('0')), [&](auto result) { refused = result; });
        QTRY_VERIFY(refused.has_value());
        QCOMPARE(refused->error().code, QStringLiteral("sync.ca_mismatch"));

        std::optional<Core::Result<Sync::Protocol::EnrolResponse>> enrolled;
        connection.enrol(server.enrolmentCode(QStringLiteral("AMS01")), QStringLiteral("Till"),
            fingerprint, [&](auto result) { enrolled = result; });
        QTRY_VERIFY_WITH_TIMEOUT(enrolled.has_value(), 20000);
        QVERIFY2(enrolled->ok(),
            qPrintable(enrolled->ok()
                    ? QString()
                    : enrolled->error().code + QLatin1Char(' ') + enrolled->error().detail));
        connection.setCredentials(server.caCertificates(), enrolled->value().token);

        Sync::Protocol::PushRequest push;
        const QJsonObject body = makePush(
            enrolled->value().deviceId, 7, { makeSale(QStringLiteral("AMS01"), 1, 2) }, 1);
        push = Sync::Protocol::PushRequest::fromJson(body).value();
        for (auto expected :
            { Sync::Protocol::PushOutcome::Applied, Sync::Protocol::PushOutcome::Duplicate }) {
            std::optional<Core::Result<Sync::Protocol::PushResponse>> pushed;
            connection.push(push, [&](auto result) { pushed = result; });
            QTRY_VERIFY_WITH_TIMEOUT(pushed.has_value(), 20000);
            QVERIFY(pushed->ok());
            QCOMPARE(pushed->value().results.first().outcome, expected);
        }

        std::optional<Core::Result<Sync::Protocol::ChangePage>> page;
        connection.pull(0, 1000, [&](auto result) { page = result; });
        QTRY_VERIFY_WITH_TIMEOUT(page.has_value(), 20000);
        QVERIFY(page->ok());
        QCOMPARE(page->value().products.size(), 5);
        bool sawSale = false;
        for (const auto &figure : page->value().stock)
            sawSale = sawSale
                || (figure.productId == 1 && figure.locationId == 1 && figure.quantity == 98);
        QVERIFY(sawSale);

        // Feed kinds and the online customer calls.
        QFile customers(server.dataDir() + QStringLiteral("/customers.csv"));
        QVERIFY(customers.open(QIODevice::WriteOnly));
        customers.write("id,code,name,email,phone,homeStoreCode\n"
                        "1,2990000000011,Eva de Vries,eva@example.nl,+31611111111,AMS01\n"
                        "2,2990000000028,Sam,sam@example.nl,,UTR01\n");
        customers.close();
        QFile promotions(server.dataDir() + QStringLiteral("/promotions.csv"));
        QVERIFY(promotions.open(QIODevice::WriteOnly));
        promotions.write("id,label,kind,target,amountCents,couponCode,singleUse\n"
                         "PR-C1,5 off,amount_off,basket,500,WELCOME5,true\n");
        promotions.close();
        QVERIFY(server.admin(
            { QStringLiteral("import"), QStringLiteral("customers"), customers.fileName() }));
        QVERIFY(server.admin(
            { QStringLiteral("import"), QStringLiteral("promotions"), promotions.fileName() }));

        std::optional<Core::Result<Sync::Protocol::ChangePage>> customerPage;
        connection.pull(Sync::Protocol::FeedKind::Customers, 0, 100,
            [&](auto result) { customerPage = result; });
        QTRY_VERIFY_WITH_TIMEOUT(customerPage.has_value(), 20000);
        QVERIFY(customerPage->ok());
        QCOMPARE(customerPage->value().kind, QStringLiteral("customers"));
        QCOMPARE(customerPage->value().customers.size(), 1); // AMS01's own, not UTR01's
        QCOMPARE(customerPage->value().customers.first().homeStoreCode, QStringLiteral("AMS01"));
        QVERIFY(customerPage->value().products.isEmpty());

        std::optional<Core::Result<Sync::Protocol::ChangePage>> promotionPage;
        connection.pull(Sync::Protocol::FeedKind::Promotions, 0, 100,
            [&](auto result) { promotionPage = result; });
        QTRY_VERIFY_WITH_TIMEOUT(promotionPage.has_value(), 20000);
        QVERIFY(promotionPage->ok());
        QCOMPARE(promotionPage->value().promotions.size(), 1);
        QCOMPARE(promotionPage->value().promotions.first().couponCode, QStringLiteral("WELCOME5"));
        QVERIFY(promotionPage->value().promotions.first().singleUse);

        std::optional<Core::Result<QList<Sync::Protocol::CustomerData>>> found;
        connection.searchCustomers(
            QStringLiteral("+31611111111"), [&](auto result) { found = result; });
        QTRY_VERIFY_WITH_TIMEOUT(found.has_value(), 20000);
        QVERIFY(found->ok());
        QCOMPARE(found->value().size(), 1);
        QCOMPARE(found->value().first().id, 1);

        std::optional<Core::Result<Sync::Protocol::CustomerProfile>> profile;
        connection.customerProfile(1, [&](auto result) { profile = result; });
        QTRY_VERIFY_WITH_TIMEOUT(profile.has_value(), 20000);
        QVERIFY(profile->ok());
        QCOMPARE(profile->value().customer.name, QStringLiteral("Eva de Vries"));

        for (const auto &[saleId, expected] :
            { std::pair { QStringLiteral("a"), true }, std::pair { QStringLiteral("b"), false } }) {
            std::optional<Core::Result<bool>> claimed;
            connection.claimCoupon(
                QStringLiteral("welcome5"), saleId, [&](auto result) { claimed = result; });
            QTRY_VERIFY_WITH_TIMEOUT(claimed.has_value(), 20000);
            QVERIFY(claimed->ok());
            QCOMPARE(claimed->value(), expected);
        }

        server.kill();
        std::optional<Core::Result<Sync::Protocol::ChangePage>> offline;
        connection.pull(0, 10, [&](auto result) { offline = result; });
        QTRY_VERIFY_WITH_TIMEOUT(offline.has_value(), 20000);
        QCOMPARE(offline->error().code, QStringLiteral("sync.offline"));
    }
};

QTEST_GUILESS_MAIN(TestServerConnection)
#include "tst_serverconnection.moc"
