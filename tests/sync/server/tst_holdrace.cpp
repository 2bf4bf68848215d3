// The last unit, asked twice at the same moment (docs/STOCK.md §4): two toonbank-server
// instances on one PostgreSQL database behind haproxy, two tablets of two stores (each its own
// connection, so round robin puts them on different instances). 500 rounds: a product with one
// unit at UTR01, both tablets POST /v1/holds at once → exactly one 201 and one 409
// hold.unavailable per round; then 100 rounds of a hold against an endless-aisle order for the
// last unit. Afterwards the database is counted: one hold per unit, held never above quantity.
// PostgreSQL only (SQLite runs one instance); skipped without TOONBANK_TEST_PG_URL.
#include "serverfixture.h"

#include "sync/protocol/enrolment.h"
#include "sync/protocol/stockelsewhere.h"

#include <QFile>
#include <QJsonDocument>
#include <QUuid>
#include <QtTest>

using namespace Toonbank;
using namespace Toonbank::Tests;
namespace Protocol = Toonbank::Sync::Protocol;

namespace {

constexpr int holdRounds = 500;
constexpr int orderRounds = 100;

QByteArray toBody(const QJsonObject &json)
{
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonObject holdBody(qint64 productId)
{
    Protocol::HoldRequest request;
    request.holdId = newId();
    request.productId = productId;
    request.locationCode = QStringLiteral("UTR01");
    request.quantity = 1;
    request.staffId = 7;
    request.customer.name = QStringLiteral("Race customer");
    return Protocol::toJson(request);
}

QJsonObject orderBody(qint64 productId)
{
    Protocol::OrderRequest request;
    request.orderId = newId();
    request.staffId = 8;
    request.fromLocationCode = QStringLiteral("UTR01");
    request.lines = { { productId, 1, 1000 } };
    request.delivery.kind = Core::DeliveryKind::StorePickup;
    request.delivery.optionCode = QStringLiteral("store_pickup");
    request.delivery.pickupStoreCode = QStringLiteral("UTR01");
    request.customer.name = QStringLiteral("Race customer");
    return Protocol::toJson(request);
}

} // namespace

class TestHoldRace final : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_server;
    QUrl m_front; // haproxy
    RaceTablet m_tablets[2];

    // One round: both requests sent before either answer is read. Returns a problem or "".
    QString race(int round, const QString paths[2], const QJsonObject bodies[2], int *won)
    {
        QNetworkReply *replies[2];
        for (int t = 0; t < 2; ++t) {
            // Alternate who sends first, so neither side always wins.
            const int who = (round % 2) ? t : 1 - t;
            replies[who] = m_tablets[who].network->post(
                raceRequest(m_server, m_front, m_tablets[who], paths[who]), toBody(bodies[who]));
        }
        QByteArray answers[2];
        const int a = waitReply(replies[0], &answers[0]);
        const int b = waitReply(replies[1], &answers[1]);
        const bool one = (a == 201 && b == 409) || (a == 409 && b == 201);
        if (!one)
            return QStringLiteral("round %1: %2 and %3 (%4 / %5)")
                .arg(round)
                .arg(a)
                .arg(b)
                .arg(QString::fromUtf8(answers[0].left(200)),
                    QString::fromUtf8(answers[1].left(200)));
        ++won[a == 201 ? 0 : 1];
        const QByteArray &refusal = a == 409 ? answers[0] : answers[1];
        if (!refusal.contains("\"hold.unavailable\""))
            return QStringLiteral("round %1: refusal %2")
                .arg(round)
                .arg(QString::fromUtf8(refusal.left(200)));
        return {};
    }

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("TOONBANK_TEST_PG_URL"))
            QSKIP("TOONBANK_TEST_PG_URL is not set (tests/run.sh sets it)");
        QVERIFY(ServerFixture::wantsPostgres());
        QVERIFY(m_server.seed(holdRounds + orderRounds));
        // One unit of every product at UTR01.
        QByteArray stock("sku,locationCode,quantity\n");
        for (int p = 1; p <= holdRounds + orderRounds; ++p)
            stock += QStringLiteral("SKU%1,UTR01,1\n").arg(p).toUtf8();
        QFile file(m_server.dataDir() + QStringLiteral("/race-stock.csv"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(stock);
        file.close();
        QString output;
        QVERIFY2(
            m_server.admin(
                { QStringLiteral("import"), QStringLiteral("stock"), file.fileName() }, &output),
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
            auto parsed = Protocol::EnrolResponse::fromJson(enrolled.json);
            QVERIFY(parsed);
            m_tablets[t] = { stores[t], parsed->deviceId, parsed->token,
                std::make_unique<QNetworkAccessManager>() };
        }
        // Each tablet opens its connection in turn (round robin: one per instance) and keeps it.
        for (RaceTablet &tablet : m_tablets)
            QCOMPARE(waitReply(tablet.network->get(
                         raceRequest(m_server, m_front, tablet, QStringLiteral("/v1/status")))),
                200);
    }

    void exactlyOneHoldPerUnit()
    {
        int won[2] = { 0, 0 };
        QStringList problems;
        const QString paths[2] = { QStringLiteral("/v1/holds"), QStringLiteral("/v1/holds") };
        for (int round = 1; round <= holdRounds; ++round) {
            const QJsonObject bodies[2] = { holdBody(round), holdBody(round) };
            const QString problem = race(round, paths, bodies, won);
            if (!problem.isEmpty() && problems.size() < 5)
                problems.append(problem);
        }
        qInfo("holds won by AMS01 %d, by UTR01 %d", won[0], won[1]);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        QCOMPARE(won[0] + won[1], holdRounds);
        // Counted in the database, not trusted from the answers.
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM holds WHERE product_id <= ?"),
                     { holdRounds }),
            holdRounds);
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COALESCE(SUM(held), 0) FROM stock WHERE "
                                                "location_id = 2 AND product_id <= ?"),
                     { holdRounds }),
            holdRounds);
        QCOMPARE(
            m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM stock WHERE held > quantity")), 0);
    }

    void holdAgainstOrder()
    {
        int won[2] = { 0, 0 };
        QStringList problems;
        const QString paths[2] = { QStringLiteral("/v1/holds"), QStringLiteral("/v1/orders") };
        for (int round = 1; round <= orderRounds; ++round) {
            const qint64 product = holdRounds + round;
            const QJsonObject bodies[2] = { holdBody(product), orderBody(product) };
            const QString problem = race(round, paths, bodies, won);
            if (!problem.isEmpty() && problems.size() < 5)
                problems.append(problem);
        }
        qInfo("last unit to the hold %d times, to the order %d times", won[0], won[1]);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        QCOMPARE(won[0] + won[1], orderRounds);
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM holds WHERE product_id > ?"),
                     { holdRounds }),
            orderRounds);
        QCOMPARE(
            m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM stock WHERE held > quantity")), 0);
    }

    void cleanupTestCase() { m_server.kill(); }
};

QTEST_GUILESS_MAIN(TestHoldRace)
#include "tst_holdrace.moc"
