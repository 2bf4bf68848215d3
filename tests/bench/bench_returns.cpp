// bench_returns: returns under load (issue "Returns", docs/RETURNS.md). Real toonbank-server
// processes like the e2e tests; run by hand; prints figures, asserts nothing on time
// (STYLE.md), but checks that every claim was granted once and the database counts them.
//
//   export TOONBANK_TEST_PG_URL=$(bash packaging/pg-test-cluster.sh)
//   build/tests/bench/bench_returns --backend haproxy --tablets 50 --lookups 20 --claims 20
//                       [--instances N]
//                       PostgreSQL, N (default two) server instances behind haproxy
//   TOONBANK_TEST_PG_URL=… build/tests/bench/bench_returns --backend postgresql  (one instance)
//   build/tests/bench/bench_returns --backend sqlite                             (one instance)
//
// The chain holds tablets × claims web orders of three lines each (imported through
// `toonbank-admin import web-orders`). `--tablets` threads, each its own HTTPS connection
// (warmed up, as a tablet keeps its connection), all at once:
// 1. Lookup: each tablet looks up `--lookups` orders by their packing-slip QR (the order with
//    its lines, tenders, customer and the store's policy). Target p99 ≤ 200 ms.
// 2. Claim: each tablet claims one unit of `--claims` orders (its own, so every claim is
//    granted). Target p99 ≤ 100 ms. Afterwards the database must count exactly one returned
//    unit and one claim per order.
#include "serverfixture.h"

#include "sync/protocol/enrolment.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
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

QString orderNumber(int i)
{
    return QStringLiteral("B-%1").arg(i, 6, 10, QLatin1Char('0'));
}

QByteArray claimBody(int order)
{
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    return QJsonDocument(
        QJsonObject { { QStringLiteral("claimId"), id }, { QStringLiteral("returnId"), id },
            { QStringLiteral("origin"), QStringLiteral("web_order") },
            { QStringLiteral("number"), orderNumber(order) },
            { QStringLiteral("storeCode"), QStringLiteral("AMS01") },
            { QStringLiteral("lines"),
                QJsonArray { QJsonObject { { QStringLiteral("lineId"), QStringLiteral("2") },
                    { QStringLiteral("quantity"), 1 } } } } })
        .toJson(QJsonDocument::Compact);
}

struct Call
{
    QString path; // with query
    QByteArray body; // empty: GET
};

// One tablet: its own connection, requests one after the other.
struct Tablet
{
    QList<Call> calls;
    std::vector<double> latenciesMs;
    int ok = 0;
    int failed = 0;
    QString firstFailure;
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

void runTablet(const Link &link, Tablet &tablet, std::latch &ready, std::latch &go)
{
    QNetworkAccessManager network;
    QNetworkReply *warm = network.get(makeRequest(link, QStringLiteral("/v1/status")));
    waitFor(warm);
    warm->deleteLater();
    ready.count_down();
    go.wait();
    for (const Call &call : std::as_const(tablet.calls)) {
        QElapsedTimer timer;
        timer.start();
        QNetworkReply *reply = call.body.isEmpty()
            ? network.get(makeRequest(link, call.path))
            : network.post(makeRequest(link, call.path), call.body);
        waitFor(reply);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        tablet.latenciesMs.push_back(double(timer.nsecsElapsed()) / 1e6);
        reply->deleteLater();
        if (status == 200 || status == 201) {
            ++tablet.ok;
        } else {
            ++tablet.failed;
            if (tablet.firstFailure.isEmpty())
                tablet.firstFailure
                    = QStringLiteral("%1 %2").arg(status).arg(QString::fromUtf8(body.left(200)));
        }
    }
}

struct Figures
{
    std::vector<double> latencies;
    int ok = 0;
    int failed = 0;
    double seconds = 0;
    QString firstFailure;
};

Figures runAll(const Link &link, std::vector<Tablet> &tablets)
{
    std::latch ready(std::ptrdiff_t(tablets.size()));
    std::latch go(1);
    std::vector<std::unique_ptr<QThread>> threads;
    for (Tablet &tablet : tablets) {
        threads.emplace_back(
            QThread::create([&link, &tablet, &ready, &go] { runTablet(link, tablet, ready, go); }));
        threads.back()->start();
    }
    ready.wait();
    QElapsedTimer wall;
    wall.start();
    go.count_down();
    for (auto &thread : threads)
        thread->wait();
    Figures f;
    f.seconds = double(wall.nsecsElapsed()) / 1e9;
    for (const Tablet &t : tablets) {
        f.latencies.insert(f.latencies.end(), t.latenciesMs.begin(), t.latenciesMs.end());
        f.ok += t.ok;
        f.failed += t.failed;
        if (f.firstFailure.isEmpty())
            f.firstFailure = t.firstFailure;
    }
    return f;
}

QByteArray orderRow(int i)
{
    QJsonArray lines;
    for (int l = 1; l <= 3; ++l)
        lines.append(QJsonObject { { QStringLiteral("lineId"), QString::number(l) },
            { QStringLiteral("sku"), QStringLiteral("SKU%1").arg(l) },
            { QStringLiteral("quantity"), 2 }, { QStringLiteral("unitPriceCents"), 1000 },
            { QStringLiteral("lineTotalCents"), 2000 - l * 10 } });
    return QJsonDocument(
               QJsonObject { { QStringLiteral("id"), 100000 + i },
                   { QStringLiteral("orderNumber"), orderNumber(i) },
                   { QStringLiteral("locationCode"), QStringLiteral("AMS01") },
                   { QStringLiteral("customerId"), 1 },
                   { QStringLiteral("status"), QStringLiteral("collected") },
                   { QStringLiteral("orderedAt"), QStringLiteral("2026-11-10T09:00:00Z") },
                   { QStringLiteral("deliveredOn"), QStringLiteral("2026-11-12") },
                   { QStringLiteral("deliveryCents"), 495 },
                   { QStringLiteral("totalCents"), 6000 - 60 }, { QStringLiteral("lines"), lines },
                   { QStringLiteral("tenders"),
                       QJsonArray {
                           QJsonObject { { QStringLiteral("method"), QStringLiteral("ideal") },
                               { QStringLiteral("amountCents"), 6000 - 60 + 495 - 1000 },
                               { QStringLiteral("reference"), orderNumber(i) } },
                           QJsonObject { { QStringLiteral("method"), QStringLiteral("gift_card") },
                               { QStringLiteral("amountCents"), 1000 },
                               { QStringLiteral("reference"),
                                   QStringLiteral("6036990000000001") } } } } })
               .toJson(QJsonDocument::Compact)
        + '\n';
}

int run(const QString &backend, int tabletCount, int lookups, int claims, int instanceCount)
{
    qputenv("TOONBANK_TEST_BACKEND", backend == QLatin1String("sqlite") ? "sqlite" : "postgresql");
    if (backend != QLatin1String("sqlite") && qEnvironmentVariableIsEmpty("TOONBANK_TEST_PG_URL")) {
        say(QStringLiteral("%1 needs TOONBANK_TEST_PG_URL (bash packaging/pg-test-cluster.sh)")
                .arg(backend));
        return 1;
    }
    ServerFixture server;
    if (!server.seed(3)) {
        say(QStringLiteral("%1: seeding failed").arg(backend));
        return 1;
    }
    const int orderCount = tabletCount * claims;
    QFile file(server.dataDir() + QStringLiteral("/bench-orders.jsonl"));
    QFile customers(server.dataDir() + QStringLiteral("/bench-customers.csv"));
    if (!file.open(QIODevice::WriteOnly) || !customers.open(QIODevice::WriteOnly))
        return 1;
    for (int i = 1; i <= orderCount; ++i)
        file.write(orderRow(i));
    file.close();
    customers.write("id,code,name,email,phone,loyaltyPoints,tier,homeStoreCode\n"
                    "1,2990000000011,Eva de Vries,eva@example.nl,,500,gold,AMS01\n");
    customers.close();
    if (!server.admin(
            { QStringLiteral("import"), QStringLiteral("customers"), customers.fileName() })
        || !server.admin(
            { QStringLiteral("import"), QStringLiteral("web-orders"), file.fileName() })
        || !server.start()) {
        say(QStringLiteral("%1: import or start failed").arg(backend));
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

    // 1. Lookups by packing-slip QR, spread over all orders.
    std::vector<Tablet> lookers(static_cast<size_t>(tabletCount));
    for (int t = 0; t < tabletCount; ++t) {
        for (int n = 0; n < lookups; ++n) {
            const int order = 1 + (t * 7919 + n * 104729) % orderCount;
            lookers[size_t(t)].calls.append({ QStringLiteral("/v1/returns/lookup?code=")
                    + QString::fromLatin1(QUrl::toPercentEncoding(
                        QStringLiteral("TOONBANK:WEB:TESTCHAIN:") + orderNumber(order))),
                {} });
        }
    }
    const Figures lookup = runAll(link, lookers);
    say(QStringLiteral("%1, %2: %3 tablets × %4 lookups (order of 3 lines, 2 tenders): lookup "
                       "median %5 ms, p99 %6 ms (max %7 ms); %8 lookups/s; ok %9, failed %10 %11")
            .arg(database, instances)
            .arg(tabletCount)
            .arg(lookups)
            .arg(percentile(lookup.latencies, 0.5), 0, 'f', 1)
            .arg(percentile(lookup.latencies, 0.99), 0, 'f', 1)
            .arg(percentile(lookup.latencies, 1.0), 0, 'f', 1)
            .arg(double(lookup.latencies.size()) / lookup.seconds, 0, 'f', 0)
            .arg(lookup.ok)
            .arg(lookup.failed)
            .arg(lookup.firstFailure));

    // 2. Claims: each tablet its own orders.
    std::vector<Tablet> claimers(static_cast<size_t>(tabletCount));
    for (int t = 0; t < tabletCount; ++t) {
        for (int c = 0; c < claims; ++c)
            claimers[size_t(t)].calls.append(
                { QStringLiteral("/v1/returns"), claimBody(1 + t * claims + c) });
    }
    const Figures claim = runAll(link, claimers);
    const qint64 returned = server.scalar(QStringLiteral(
        "SELECT COALESCE(SUM(returned_quantity), 0) FROM web_order_lines WHERE order_id > 100000"));
    const qint64 claimRows = server.scalar(QStringLiteral("SELECT COUNT(*) FROM return_claims"));
    const bool counted = returned == claim.ok && claimRows == claim.ok;
    say(QStringLiteral("%1, %2: %3 tablets × %4 claims: claim median %5 ms, p99 %6 ms (max %7 ms); "
                       "%8 claims/s; granted %9, failed %10 %11; database: %12 returned units, "
                       "%13 claims (%14)")
            .arg(database, instances)
            .arg(tabletCount)
            .arg(claims)
            .arg(percentile(claim.latencies, 0.5), 0, 'f', 1)
            .arg(percentile(claim.latencies, 0.99), 0, 'f', 1)
            .arg(percentile(claim.latencies, 1.0), 0, 'f', 1)
            .arg(double(claim.latencies.size()) / claim.seconds, 0, 'f', 0)
            .arg(claim.ok)
            .arg(claim.failed)
            .arg(claim.firstFailure)
            .arg(returned)
            .arg(claimRows)
            .arg(counted ? QStringLiteral("adds up") : QStringLiteral("DOES NOT ADD UP")));
    return lookup.failed == 0 && claim.failed == 0 && counted ? 0 : 1;
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
        QStringLiteral("haproxy (PostgreSQL, N instances) | postgresql | sqlite"),
        QStringLiteral("name"), QStringLiteral("haproxy"));
    const QCommandLineOption tablets(QStringLiteral("tablets"),
        QStringLiteral("Tablets (connections, threads) at once."), QStringLiteral("k"),
        QStringLiteral("50"));
    const QCommandLineOption lookups(QStringLiteral("lookups"),
        QStringLiteral("Lookups per tablet."), QStringLiteral("n"), QStringLiteral("20"));
    const QCommandLineOption claims(QStringLiteral("claims"), QStringLiteral("Claims per tablet."),
        QStringLiteral("n"), QStringLiteral("20"));
    const QCommandLineOption instances(QStringLiteral("instances"),
        QStringLiteral("haproxy: toonbank-server instances behind it."), QStringLiteral("n"),
        QStringLiteral("2"));
    parser.addOptions({ backend, tablets, lookups, claims, instances });
    parser.process(app);
    return run(parser.value(backend), std::max(1, parser.value(tablets).toInt()),
        std::max(1, parser.value(lookups).toInt()), std::max(1, parser.value(claims).toInt()),
        std::max(1, parser.value(instances).toInt()));
}
