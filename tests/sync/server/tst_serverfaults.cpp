// Faults against the real server process: SIGKILL while a batch is being applied, then the
// tablet's retry; afterwards every event is present exactly once and stock is right.
#include "serverfixture.h"

#include "sync/protocol/enrolment.h"
#include "sync/protocol/pushbatch.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSslConfiguration>
#include <QtTest>

using namespace Toonbank;
using namespace Toonbank::Tests;

class TestServerFaults final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (ServerFixture::wantsPostgres() && qEnvironmentVariableIsEmpty("TOONBANK_TEST_PG_URL"))
            QSKIP("TOONBANK_TEST_PG_URL is not set (tests/run.sh sets it)");
    }

    void killServerWhileApplyingBatches()
    {
        ServerFixture server;
        QVERIFY(server.seed(20));
        QVERIFY(server.start());
        const QString code = server.enrolmentCode(QStringLiteral("AMS01"));
        const HttpAnswer enrolled = server.request("POST", QStringLiteral("/v1/enrol"),
            QJsonDocument(Sync::Protocol::EnrolRequest { code, QStringLiteral("Till") }.toJson())
                .toJson());
        QCOMPARE(enrolled.status, 200);
        auto device = Sync::Protocol::EnrolResponse::fromJson(enrolled.json);
        QVERIFY(device.ok());

        constexpr int batches = 6;
        constexpr int perBatch = 400;
        QList<QByteArray> bodies;
        QList<QStringList> ids(batches);
        qint64 sold[21] = {};
        for (int b = 0; b < batches; ++b) {
            QList<Core::Sale> sales;
            for (int i = 0; i < perBatch; ++i) {
                const int product = 1 + (b * perBatch + i) % 20;
                sales.append(makeSale(QStringLiteral("AMS01"), product, 1));
                ++sold[product];
            }
            bodies.append(
                QJsonDocument(makePush(device->deviceId, 7, sales, 1 + b * perBatch, &ids[b]))
                    .toJson(QJsonDocument::Compact));
        }

        int kills = 0;
        for (int b = 0; b < batches; ++b) {
            // Send the batch and SIGKILL the server a random moment later: before, during or
            // after the transaction. The client never saw an answer, so it sends again.
            QNetworkAccessManager network;
            QNetworkRequest request(server.url(QStringLiteral("/v1/events")));
            QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
            ssl.setCaCertificates(server.caCertificates());
            request.setSslConfiguration(ssl);
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
            request.setRawHeader("Authorization", "Bearer " + device->token.toLatin1());
            QNetworkReply *reply = network.post(request, bodies.at(b));
            QTest::qWait(int(QRandomGenerator::global()->bounded(5, 120)));
            server.kill();
            ++kills;
            QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
            reply->deleteLater();
            QVERIFY(server.start());
            const HttpAnswer retry
                = server.request("POST", QStringLiteral("/v1/events"), bodies.at(b), device->token);
            QCOMPARE(retry.status, 200);
            auto parsed = Sync::Protocol::PushResponse::fromJson(retry.json);
            QVERIFY(parsed.ok());
            QCOMPARE(parsed->results.size(), perBatch);
            // Either all were applied before the kill (all duplicate) or none (all applied):
            // the batch is one transaction.
            const auto first = parsed->results.first().outcome;
            for (const auto &result : parsed->results)
                QCOMPARE(result.outcome, first);
        }
        QCOMPARE(kills, batches);
        QCOMPARE(
            server.scalar(QStringLiteral("SELECT COUNT(*) FROM events WHERE status = 'applied'")),
            batches * perBatch);
        QCOMPARE(server.scalar(QStringLiteral("SELECT COUNT(*) FROM sales")), batches * perBatch);
        for (int product = 1; product <= 20; ++product)
            QCOMPARE(server.scalar(
                         QStringLiteral(
                             "SELECT quantity FROM stock WHERE product_id = ? AND location_id = 1"),
                         { product }),
                100 - sold[product]);
    }
};

QTEST_GUILESS_MAIN(TestServerFaults)
#include "tst_serverfaults.moc"
