// The tablet's HTTPS link against the real server: enrolment pinned by CA fingerprint, push
// with exactly-once answers, pull, and "offline" when the server is gone.
#include "serverfixture.h"

#include "sync/client/serverconnection.h"

#include <QCryptographicHash>
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

        server.kill();
        std::optional<Core::Result<Sync::Protocol::ChangePage>> offline;
        connection.pull(0, 10, [&](auto result) { offline = result; });
        QTRY_VERIFY_WITH_TIMEOUT(offline.has_value(), 20000);
        QCOMPARE(offline->error().code, QStringLiteral("sync.offline"));
    }
};

QTEST_GUILESS_MAIN(TestServerConnection)
#include "tst_serverconnection.moc"
