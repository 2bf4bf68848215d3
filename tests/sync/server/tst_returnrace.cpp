// The last unit, claimed twice at the same moment (docs/RETURNS.md, "Once"): two
// toonbank-server instances on one PostgreSQL database behind haproxy; each round a fresh web
// order line with one returnable unit, and two tablets of two stores (each its own connection,
// so haproxy's round robin puts them on different instances) claiming it at once. Every round
// must answer exactly one 201 and one 409 return.quantity, and afterwards the database must hold
// exactly one claim and one returned unit per order — counted with SQL, not trusted from the
// answers. PostgreSQL only (SQLite runs one instance); skipped without TOONBANK_TEST_PG_URL.
#include "serverfixture.h"

#include "sync/protocol/enrolment.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QTimer>
#include <QUuid>
#include <QtTest>

using namespace Toonbank;
using namespace Toonbank::Tests;

namespace {

constexpr int rounds = 1000;
constexpr qint64 firstOrderId = 50001;

QByteArray toBody(const QJsonObject &json)
{
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

QString orderNumber(int round)
{
    return QStringLiteral("R-%1").arg(round, 5, 10, QLatin1Char('0'));
}

// One tablet: its own network access manager, so its own (kept-alive) connection.
struct Tablet
{
    QString store;
    QString token;
    std::unique_ptr<QNetworkAccessManager> network;
};

} // namespace

class TestReturnRace final : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_server;
    QUrl m_front; // haproxy
    Tablet m_tablets[2];

    QNetworkRequest request(const Tablet &tablet, const QString &path) const
    {
        QUrl url = m_front;
        url.setPath(path);
        QNetworkRequest r(url);
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates(m_server.caCertificates());
        r.setSslConfiguration(ssl);
        r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        r.setRawHeader("Authorization", "Bearer " + tablet.token.toLatin1());
        r.setTransferTimeout(30000);
        return r;
    }

    static QJsonObject claimBody(int round, const QString &store)
    {
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        return { { QStringLiteral("claimId"), id }, { QStringLiteral("returnId"), id },
            { QStringLiteral("origin"), QStringLiteral("web_order") },
            { QStringLiteral("number"), orderNumber(round) },
            { QStringLiteral("storeCode"), store },
            { QStringLiteral("lines"),
                QJsonArray { QJsonObject { { QStringLiteral("lineId"), QStringLiteral("1") },
                    { QStringLiteral("quantity"), 1 } } } } };
    }

    static int waitStatus(QNetworkReply *reply, QByteArray *body = nullptr)
    {
        if (!reply->isFinished()) {
            QEventLoop loop;
            QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            QTimer::singleShot(30000, &loop, &QEventLoop::quit);
            loop.exec();
        }
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (body)
            *body = reply->readAll();
        reply->deleteLater();
        return status;
    }

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("TOONBANK_TEST_PG_URL"))
            QSKIP("TOONBANK_TEST_PG_URL is not set (tests/run.sh sets it)");
        QVERIFY(ServerFixture::wantsPostgres());
        QVERIFY(m_server.seed(1));
        // One web order per round: one line, one unit, collected at AMS01.
        QByteArray orders;
        for (int round = 1; round <= rounds; ++round)
            orders += toBody({ { QStringLiteral("id"), firstOrderId + round },
                          { QStringLiteral("orderNumber"), orderNumber(round) },
                          { QStringLiteral("locationCode"), QStringLiteral("AMS01") },
                          { QStringLiteral("status"), QStringLiteral("collected") },
                          { QStringLiteral("deliveredOn"), QStringLiteral("2026-11-20") },
                          { QStringLiteral("totalCents"), 1000 },
                          { QStringLiteral("lines"),
                              QJsonArray {
                                  QJsonObject { { QStringLiteral("lineId"), QStringLiteral("1") },
                                      { QStringLiteral("sku"), QStringLiteral("SKU1") },
                                      { QStringLiteral("quantity"), 1 },
                                      { QStringLiteral("unitPriceCents"), 1000 },
                                      { QStringLiteral("lineTotalCents"), 1000 } } } },
                          { QStringLiteral("tenders"),
                              QJsonArray { QJsonObject {
                                  { QStringLiteral("method"), QStringLiteral("ideal") },
                                  { QStringLiteral("amountCents"), 1000 },
                                  { QStringLiteral("reference"), orderNumber(round) } } } } })
                + '\n';
        QFile file(m_server.dataDir() + QStringLiteral("/race-orders.jsonl"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(orders);
        file.close();
        QString output;
        QVERIFY2(m_server.admin(
                     { QStringLiteral("import"), QStringLiteral("web-orders"), file.fileName() },
                     &output),
            qPrintable(output));

        QVERIFY(m_server.start());
        QVERIFY(m_server.startExtraInstance() != 0);
        const quint16 front = m_server.startHaproxy();
        QVERIFY(front != 0);
        m_front = m_server.url(QString());
        m_front.setPort(front);

        const QString stores[2] = { QStringLiteral("AMS01"), QStringLiteral("UTR01") };
        for (int t = 0; t < 2; ++t) {
            const HttpAnswer enrolled = m_server.request("POST", QStringLiteral("/v1/enrol"),
                toBody({ { QStringLiteral("code"), m_server.enrolmentCode(stores[t]) },
                    { QStringLiteral("deviceName"), QStringLiteral("Till ") + stores[t] } }));
            auto parsed = Sync::Protocol::EnrolResponse::fromJson(enrolled.json);
            QVERIFY(parsed);
            m_tablets[t] = { stores[t], parsed->token, std::make_unique<QNetworkAccessManager>() };
        }
        // Each tablet opens its connection in turn (round robin: one per instance) and keeps it.
        for (Tablet &tablet : m_tablets) {
            QNetworkRequest r = request(tablet, QStringLiteral("/v1/status"));
            QCOMPARE(waitStatus(tablet.network->get(r)), 200);
        }
    }

    void exactlyOneClaimPerUnit()
    {
        int granted[2] = { 0, 0 };
        int rounds201 = 0;
        QStringList problems;
        for (int round = 1; round <= rounds; ++round) {
            QNetworkReply *replies[2];
            for (int t = 0; t < 2; ++t) {
                // Alternate who sends first, so neither side always wins.
                const int who = (round % 2) ? t : 1 - t;
                replies[who] = m_tablets[who].network->post(
                    request(m_tablets[who], QStringLiteral("/v1/returns")),
                    toBody(claimBody(round, m_tablets[who].store)));
            }
            QByteArray bodies[2];
            const int a = waitStatus(replies[0], &bodies[0]);
            const int b = waitStatus(replies[1], &bodies[1]);
            if (a == 201)
                ++granted[0];
            if (b == 201)
                ++granted[1];
            const bool onePerRound = (a == 201 && b == 409) || (a == 409 && b == 201);
            if (onePerRound) {
                ++rounds201;
                const QByteArray &refusal = a == 409 ? bodies[0] : bodies[1];
                if (!refusal.contains("\"return.quantity\"") && problems.size() < 5)
                    problems.append(QStringLiteral("round %1: refusal %2")
                                        .arg(round)
                                        .arg(QString::fromUtf8(refusal.left(200))));
            } else if (problems.size() < 5) {
                problems.append(QStringLiteral("round %1: %2 and %3 (%4 / %5)")
                                    .arg(round)
                                    .arg(a)
                                    .arg(b)
                                    .arg(QString::fromUtf8(bodies[0].left(200)),
                                        QString::fromUtf8(bodies[1].left(200))));
            }
        }
        qInfo("granted to AMS01 %d, to UTR01 %d", granted[0], granted[1]);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        QCOMPARE(rounds201, rounds);

        // What the database holds, counted, not trusted from the answers.
        const QString orders = QStringLiteral("order_id > %1 AND order_id <= %2")
                                   .arg(firstOrderId)
                                   .arg(firstOrderId + rounds);
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COALESCE(SUM(returned_quantity), 0) FROM "
                                                "web_order_lines WHERE ")
                     + orders),
            rounds);
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM web_order_lines WHERE "
                                                "returned_quantity <> 1 AND ")
                     + orders),
            0);
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM return_claims WHERE "
                                                "origin_number LIKE 'R-%'")),
            rounds);
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM (SELECT origin_number FROM "
                                                "return_claims WHERE origin_number LIKE 'R-%' "
                                                "GROUP BY origin_number HAVING COUNT(*) <> 1) x")),
            0);
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COALESCE(SUM(l.quantity), 0) FROM "
                                                "return_claim_lines l JOIN return_claims c ON "
                                                "c.claim_id = l.claim_id WHERE c.origin_number "
                                                "LIKE 'R-%'")),
            rounds);
    }

    void cleanupTestCase() { m_server.kill(); }
};

QTEST_GUILESS_MAIN(TestReturnRace)
#include "tst_returnrace.moc"
