// bench_wallet: the online wallet under load (issue "Checkout II", docs/PAYMENTS.md). Real
// toonbank-server processes like the e2e tests; run by hand; prints figures, asserts nothing
// on time (STYLE.md), but counts overdrafts and checks the balance adds up.
//
//   export TOONBANK_TEST_PG_URL=$(bash packaging/pg-test-cluster.sh)
//   build/tests/bench/bench_wallet --backend haproxy --tablets 50 --claims 20 --spends 1000
//                       [--instances N]
//                       PostgreSQL, N (default two) server instances behind haproxy (TCP mode, TLS
//                       passed through; the fixture writes packaging/haproxy.cfg's setup on free
//                       ports)
//   TOONBANK_TEST_PG_URL=… build/tests/bench/bench_wallet --backend postgresql   (one instance)
//   build/tests/bench/bench_wallet --backend sqlite                              (one instance)
//
// 1. Round trip: `--tablets` threads, each its own HTTPS connection (warmed up by a balance
//    look-up, as a tablet keeps its connection), claim `--claims` times one euro on its own
//    gift card, all tablets at once. Prints the claim round trip median and p99 (target p99 ≤
//    100 ms on PostgreSQL through haproxy with 50 tablets).
// 2. Contention: `--spends` claims of 1.00–9.99 on ONE card holding `--start-balance` cents,
//    spread over the tablets and released at the same instant. Prints how many were granted,
//    the final balance, and the overdraft count: granted claims whose balance left is below
//    zero, plus a final balance below zero, plus a final balance that is not start − the sum
//    of the granted claims (each must be 0).
#include "serverfixture.h"

#include "sync/protocol/enrolment.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSslConfiguration>
#include <QThread>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <latch>
#include <memory>
#include <vector>

using namespace Toonbank;
using namespace Toonbank::Tests;

namespace {

void say(const QString &text)
{
    std::printf("%s\n", qPrintable(text));
    std::fflush(stdout);
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5));
    return values.at(index);
}

QString cardNumber(int i)
{
    return QStringLiteral("60369977%1").arg(i, 8, 10, QLatin1Char('0'));
}

QByteArray claimBody(const QString &number, qint64 cents)
{
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    return QJsonDocument(
        QJsonObject { { QStringLiteral("claimId"), id },
            { QStringLiteral("kind"), QStringLiteral("gift_card") },
            { QStringLiteral("number"), number }, { QStringLiteral("amountCents"), cents },
            { QStringLiteral("saleId"), id },
            { QStringLiteral("storeCode"), QStringLiteral("AMS01") } })
        .toJson(QJsonDocument::Compact);
}

// One tablet: its own connection, requests one after the other (a tablet waits for its claim).
struct Tablet
{
    QList<QByteArray> bodies;
    std::vector<double> latenciesMs;
    int granted = 0;
    int refused = 0;
    int failed = 0;
    qint64 grantedCents = 0;
    int negativeLeft = 0; // granted claims whose balance left is below zero: overdrafts
};

struct Link
{
    QUrl base;
    QList<QSslCertificate> ca;
    QString token;
};

QNetworkRequest makeRequest(const Link &link, const QString &path)
{
    QUrl url = link.base;
    const qsizetype question = path.indexOf(QLatin1Char('?'));
    url.setPath(path.left(question));
    if (question >= 0)
        url.setQuery(path.mid(question + 1));
    QNetworkRequest request(url);
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates(link.ca);
    request.setSslConfiguration(ssl);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    request.setRawHeader("Authorization", "Bearer " + link.token.toLatin1());
    request.setTransferTimeout(30000);
    return request;
}

void waitFor(QNetworkReply *reply)
{
    if (reply->isFinished())
        return;
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
}

void runTablet(const Link &link, const QString &warmUpNumber, Tablet &tablet, std::latch &ready,
    std::latch &go)
{
    QNetworkAccessManager network;
    // Warm up: TLS handshake and keep-alive, as a tablet that has been talking to the server.
    QNetworkReply *warm = network.get(
        makeRequest(link, QStringLiteral("/v1/giftcards/balance?number=") + warmUpNumber));
    waitFor(warm);
    warm->deleteLater();
    ready.count_down();
    go.wait();
    for (const QByteArray &body : std::as_const(tablet.bodies)) {
        QElapsedTimer timer;
        timer.start();
        QNetworkReply *reply
            = network.post(makeRequest(link, QStringLiteral("/v1/wallet/claims")), body);
        waitFor(reply);
        tablet.latenciesMs.push_back(double(timer.nsecsElapsed()) / 1e6);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        if (status == 201 || status == 200) {
            ++tablet.granted;
            tablet.grantedCents += json.value(QStringLiteral("amountCents")).toInteger();
            if (json.value(QStringLiteral("balanceLeftCents")).toInteger() < 0)
                ++tablet.negativeLeft;
        } else if (status == 409 || status == 422) {
            ++tablet.refused;
        } else {
            ++tablet.failed;
        }
    }
}

// Runs every tablet on its own thread; they start their measured part at the same instant.
void runAll(const Link &link, std::vector<Tablet> &tablets, const QString &warmUpNumber)
{
    std::latch ready(std::ptrdiff_t(tablets.size()));
    std::latch go(1);
    std::vector<std::unique_ptr<QThread>> threads;
    for (Tablet &tablet : tablets) {
        threads.emplace_back(QThread::create([&link, &tablet, &ready, &go, &warmUpNumber] {
            runTablet(link, warmUpNumber, tablet, ready, go);
        }));
        threads.back()->start();
    }
    ready.wait();
    go.count_down();
    for (auto &thread : threads)
        thread->wait();
}

int run(const QString &backend, int tabletCount, int claimsPerTablet, int spends,
    qint64 startBalance, int instanceCount)
{
    qputenv("TOONBANK_TEST_BACKEND", backend == QLatin1String("sqlite") ? "sqlite" : "postgresql");
    if (backend != QLatin1String("sqlite") && qEnvironmentVariableIsEmpty("TOONBANK_TEST_PG_URL")) {
        say(QStringLiteral("%1 needs TOONBANK_TEST_PG_URL (bash packaging/pg-test-cluster.sh)")
                .arg(backend));
        return 1;
    }
    ServerFixture server;
    if (!server.seed(1)) {
        say(QStringLiteral("%1: seeding failed").arg(backend));
        return 1;
    }
    // One card per tablet for the round trips, and the hot card for the contention run.
    const QString hotCard = cardNumber(0);
    QFile cards(server.dataDir() + QStringLiteral("/bench-cards.csv"));
    if (!cards.open(QIODevice::WriteOnly))
        return 1;
    cards.write("number,balance\n");
    cards.write(QStringLiteral("%1,%2\n")
                    .arg(hotCard, Core::Money::fromCents(startBalance).toPlainString())
                    .toUtf8());
    for (int t = 1; t <= tabletCount; ++t)
        cards.write(QStringLiteral("%1,100000.00\n").arg(cardNumber(t)).toUtf8());
    cards.close();
    if (!server.admin({ QStringLiteral("import"), QStringLiteral("gift-cards"), cards.fileName() })
        || !server.start()) {
        say(QStringLiteral("%1: server did not start").arg(backend));
        return 1;
    }
    Link link { server.url(QString()), server.caCertificates(), QString() };
    QString instances = QStringLiteral("one instance");
    if (backend == QLatin1String("haproxy")) {
        for (int i = 1; i < instanceCount; ++i) {
            if (!server.startExtraInstance())
                return 1;
        }
        const quint16 front = server.startHaproxy();
        if (!front)
            return 1;
        link.base.setPort(front);
        instances = QStringLiteral("%1 instances behind haproxy").arg(instanceCount);
    }
    const HttpAnswer enrolled = server.request("POST", QStringLiteral("/v1/enrol"),
        QJsonDocument(
            QJsonObject { { QStringLiteral("code"), server.enrolmentCode(QStringLiteral("AMS01")) },
                { QStringLiteral("deviceName"), QStringLiteral("bench") } })
            .toJson(QJsonDocument::Compact));
    auto parsed = Sync::Protocol::EnrolResponse::fromJson(enrolled.json);
    if (!parsed) {
        say(QStringLiteral("enrolment failed: %1").arg(QString::fromUtf8(enrolled.body)));
        return 1;
    }
    link.token = parsed->token;
    const QString database = backend == QLatin1String("sqlite") ? QStringLiteral("SQLite")
                                                                : QStringLiteral("PostgreSQL");

    // 1. Round trip.
    std::vector<Tablet> tablets(static_cast<size_t>(tabletCount));
    for (int t = 0; t < tabletCount; ++t) {
        for (int c = 0; c < claimsPerTablet; ++c)
            tablets[size_t(t)].bodies.append(claimBody(cardNumber(t + 1), 100));
    }
    QElapsedTimer wall;
    wall.start();
    runAll(link, tablets, cardNumber(1));
    const double seconds = double(wall.nsecsElapsed()) / 1e9;
    std::vector<double> latencies;
    int granted = 0;
    int failed = 0;
    for (const Tablet &t : tablets) {
        latencies.insert(latencies.end(), t.latenciesMs.begin(), t.latenciesMs.end());
        granted += t.granted;
        failed += t.failed;
    }
    say(QStringLiteral("%1, %2: %3 tablets × %4 claims: claim round trip median %5 ms, p99 %6 ms "
                       "(max %7 ms); %8 claims/s; granted %9, failed %10")
            .arg(database, instances)
            .arg(tabletCount)
            .arg(claimsPerTablet)
            .arg(percentile(latencies, 0.5), 0, 'f', 1)
            .arg(percentile(latencies, 0.99), 0, 'f', 1)
            .arg(percentile(latencies, 1.0), 0, 'f', 1)
            .arg(double(latencies.size()) / seconds, 0, 'f', 0)
            .arg(granted)
            .arg(failed));

    // 2. Contention on one card.
    std::vector<Tablet> spenders(static_cast<size_t>(tabletCount));
    QRandomGenerator random(42);
    qint64 asked = 0;
    for (int s = 0; s < spends; ++s) {
        const qint64 cents = 100 + qint64(random.bounded(900));
        asked += cents;
        spenders[size_t(s % tabletCount)].bodies.append(claimBody(hotCard, cents));
    }
    runAll(link, spenders, hotCard);
    int spent = 0;
    int refused = 0;
    int spendFailures = 0;
    int overdrafts = 0;
    qint64 spentCents = 0;
    std::vector<double> spendLatencies;
    for (const Tablet &t : spenders) {
        spent += t.granted;
        refused += t.refused;
        spendFailures += t.failed;
        spentCents += t.grantedCents;
        overdrafts += t.negativeLeft;
        spendLatencies.insert(spendLatencies.end(), t.latenciesMs.begin(), t.latenciesMs.end());
    }
    const qint64 finalBalance = server.scalar(
        QStringLiteral("SELECT balance_cents FROM gift_cards WHERE number = ?"), { hotCard });
    const qint64 claimedInDb = server.scalar(
        QStringLiteral("SELECT COALESCE(SUM(amount_cents), 0) FROM wallet_claims WHERE number = ?"),
        { hotCard });
    if (finalBalance < 0)
        ++overdrafts;
    if (finalBalance != startBalance - spentCents || claimedInDb != spentCents)
        ++overdrafts;
    say(QStringLiteral("%1, %2: %3 concurrent spends (%4 asked) of one card holding %5: %6 "
                       "granted (%7), %8 refused, %9 failed; final balance %10 = start − granted: "
                       "%11; overdrafts %12; spend round trip median %13 ms, p99 %14 ms")
            .arg(database, instances)
            .arg(spends)
            .arg(Core::Money::fromCents(asked).toPlainString(),
                Core::Money::fromCents(startBalance).toPlainString())
            .arg(spent)
            .arg(Core::Money::fromCents(spentCents).toPlainString())
            .arg(refused)
            .arg(spendFailures)
            .arg(Core::Money::fromCents(finalBalance).toPlainString(),
                finalBalance == startBalance - spentCents ? QStringLiteral("yes")
                                                          : QStringLiteral("NO"))
            .arg(overdrafts)
            .arg(percentile(spendLatencies, 0.5), 0, 'f', 1)
            .arg(percentile(spendLatencies, 0.99), 0, 'f', 1));
    return overdrafts == 0 && failed == 0 && spendFailures == 0 ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsEmpty("TOONBANK_TEST_BUILD_DIR"))
        qputenv("TOONBANK_TEST_BUILD_DIR", TOONBANK_BUILD_DIR);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption backend(QStringLiteral("backend"),
        QStringLiteral("haproxy (PostgreSQL, two instances) | postgresql | sqlite"),
        QStringLiteral("name"), QStringLiteral("haproxy"));
    const QCommandLineOption tablets(QStringLiteral("tablets"),
        QStringLiteral("Tablets (connections, threads) at once."), QStringLiteral("k"),
        QStringLiteral("50"));
    const QCommandLineOption claims(QStringLiteral("claims"),
        QStringLiteral("Round-trip claims per tablet."), QStringLiteral("n"), QStringLiteral("20"));
    const QCommandLineOption spends(QStringLiteral("spends"),
        QStringLiteral("Concurrent spends of one card."), QStringLiteral("n"),
        QStringLiteral("1000"));
    const QCommandLineOption startBalance(QStringLiteral("start-balance"),
        QStringLiteral("Cents on the contended card."), QStringLiteral("cents"),
        QStringLiteral("100000"));
    const QCommandLineOption instances(QStringLiteral("instances"),
        QStringLiteral("haproxy: toonbank-server instances behind it (a chain runs several)."),
        QStringLiteral("n"), QStringLiteral("2"));
    parser.addOptions({ backend, tablets, claims, spends, startBalance, instances });
    parser.process(app);
    return run(parser.value(backend), std::max(1, parser.value(tablets).toInt()),
        std::max(1, parser.value(claims).toInt()), std::max(1, parser.value(spends).toInt()),
        parser.value(startBalance).toLongLong(), std::max(1, parser.value(instances).toInt()));
}
