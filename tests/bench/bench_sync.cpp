// bench_sync: initial sync of a big catalog server → tablet, and sustained push throughput of
// sale events on SQLite, PostgreSQL, and two instances behind haproxy. Run by hand; prints
// figures, asserts nothing on time (STYLE.md), but checks that no event was lost or doubled.
//
//   bench_sync initial --server-data DIR      DIR seeded by `toonbank-admin --data-dir DIR
//   demo-seed …`
//                                             and `dev-cert` (SQLite); the tablet cache starts
//                                             empty
//   bench_sync push [--tablets K] [--events M] [--batch B] [--backends sqlite,postgresql,haproxy]
//                                             postgresql/haproxy need TOONBANK_TEST_PG_URL
//   bench_sync recheck [--batches N] [--batch B] [--backends sqlite,postgresql]
//                                             pushes N batches of B sales (3 lines, a customer,
//                                             50 promotions on the server) to a server that
//                                             re-checks every sale and to one started with
//                                             --no-sale-checks; prints both and the overhead
#include "serverfixture.h"

#include "app/store/localdatabase.h"
#include "sync/client/deviceconfig.h"
#include "sync/client/serverconnection.h"
#include "sync/client/syncengine.h"
#include "sync/protocol/enrolment.h"
#include "sync/protocol/promotionjson.h"

#include "app/core/loyalty.h"
#include "app/core/sale.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace Toonbank;
using namespace Toonbank::Tests;
using Sync::Client::SyncEngine;

namespace {

void say(const QString &text)
{
    std::printf("%s\n", qPrintable(text));
    std::fflush(stdout);
}

/// Enrols a fresh cache at `cachePath` against `url` (the fixture's data folder gives the code).
bool enrolCache(
    ServerFixture &server, const QUrl &url, const QString &cachePath, const QString &code)
{
    auto db = Store::LocalDatabase::open(cachePath);
    if (!db)
        return false;
    Sync::Client::ServerConnection connection(url);
    std::optional<Core::Result<Sync::Protocol::EnrolResponse>> answer;
    QEventLoop loop;
    connection.enrol(code, QStringLiteral("bench"),
        QString::fromLatin1(
            server.caCertificates().first().digest(QCryptographicHash::Sha256).toHex()),
        [&](auto result) {
            answer = std::move(result);
            loop.quit();
        });
    loop.exec();
    if (!answer || !answer->ok()) {
        say(QStringLiteral("enrol failed: %1")
                .arg(answer ? answer->error().detail : QStringLiteral("no answer")));
        return false;
    }
    Sync::Client::DeviceConfig config;
    config.serverUrl = url;
    config.deviceId = answer->value().deviceId;
    config.token = answer->value().token;
    config.caCertificatePem = answer->value().caCertificatePem;
    config.locationId = answer->value().locationId;
    config.locationCode = answer->value().locationCode;
    return bool(config.save(*db.value()));
}

/// Runs one cycle on each engine at once; returns false if any failed.
bool runCycles(const std::vector<std::unique_ptr<SyncEngine>> &engines, int timeoutMs = 600000)
{
    int running = int(engines.size());
    bool ok = true;
    QEventLoop loop;
    std::vector<QMetaObject::Connection> connections;
    for (const auto &engine : engines) {
        connections.push_back(
            QObject::connect(engine.get(), &SyncEngine::cycleFinished, &loop, [&](bool finished) {
                ok = ok && finished;
                if (--running == 0)
                    loop.quit();
            }));
        engine->syncNow();
    }
    QTimer::singleShot(timeoutMs, &loop, [&] {
        ok = false;
        loop.quit();
    });
    loop.exec();
    for (const auto &connection : connections)
        QObject::disconnect(connection);
    return ok && running == 0;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5));
    return values.at(index);
}

int initialSync(const QString &serverData)
{
    // The fixture owns a throw-away folder; the seeded one is used in place via --data-dir.
    ServerFixture server;
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(qEnvironmentVariable("TOONBANK_TEST_BUILD_DIR")
            + QStringLiteral("/sync/server/toonbank-server"),
        { QStringLiteral("--data-dir"), serverData, QStringLiteral("--port"),
            QStringLiteral("0") });
    process.waitForReadyRead(30000);
    const auto match = QRegularExpression(QStringLiteral(":(\\d+) \\("))
                           .match(QString::fromUtf8(process.readAll()));
    if (!match.hasMatch())
        return 1;
    const QUrl url(QStringLiteral("https://127.0.0.1:%1").arg(match.captured(1)));
    QProcess admin;
    admin.start(qEnvironmentVariable("TOONBANK_TEST_BUILD_DIR")
            + QStringLiteral("/sync/server/toonbank-admin"),
        { QStringLiteral("--data-dir"), serverData, QStringLiteral("enrol"),
            QStringLiteral("AMS01") });
    admin.waitForFinished(60000);
    const QString code = QRegularExpression(QStringLiteral("enrolment code: (\\S+)"))
                             .match(QString::fromUtf8(admin.readAll()))
                             .captured(1);
    // The fixture reads the CA from its own folder: copy it there.
    QDir().mkpath(server.dataDir() + QStringLiteral("/tls"));
    QFile::copy(serverData + QStringLiteral("/tls/ca.crt"),
        server.dataDir() + QStringLiteral("/tls/ca.crt"));

    QTemporaryDir tablet;
    const QString cache = tablet.filePath(QStringLiteral("cache.sqlite"));
    if (!enrolCache(server, url, cache, code))
        return 1;
    SyncEngine::Options options;
    options.automatic = false;
    options.requestTimeoutMs = 300000;
    std::vector<std::unique_ptr<SyncEngine>> engines;
    engines.push_back(std::make_unique<SyncEngine>(cache, options));
    int pages = 0;
    QObject::connect(
        engines.front().get(), &SyncEngine::progress, [&pages](const QString &) { ++pages; });
    engines.front()->start();
    QElapsedTimer timer;
    timer.start();
    const bool ok = runCycles(engines);
    const double seconds = double(timer.elapsed()) / 1000.0;
    engines.clear();
    process.kill();
    process.waitForFinished();

    auto db = Store::LocalDatabase::open(cache, Store::LocalDatabase::OpenMode::ExistingOnly);
    qint64 products = 0;
    qint64 rows = 0;
    QSqlQuery q(db.value()->connection());
    if (q.exec(QStringLiteral("SELECT (SELECT count(*) FROM products), (SELECT count(*) FROM "
                              "products) + (SELECT count(*) FROM stock) "
                              "+ (SELECT count(*) FROM locations) + (SELECT count(*) FROM staff)"))
        && q.next()) {
        products = q.value(0).toLongLong();
        rows = q.value(1).toLongLong();
    }
    say(QStringLiteral(
        "initial sync: %1 products, %2 rows in %3 pages, %4 s, %5 rows/s, cache %6 MB, %7")
            .arg(products)
            .arg(rows)
            .arg(pages)
            .arg(seconds, 0, 'f', 1)
            .arg(qint64(double(rows) / seconds))
            .arg(QFileInfo(cache).size() / (1024 * 1024))
            .arg(ok ? QStringLiteral("ok") : QStringLiteral("FAILED")));
    return ok ? 0 : 1;
}

int pushThroughput(const QString &backend, int tablets, int eventsPerTablet, int batch)
{
    qputenv("TOONBANK_TEST_BACKEND", backend == QLatin1String("sqlite") ? "sqlite" : "postgresql");
    ServerFixture server;
    if (!server.seed(20) || !server.start()) {
        say(QStringLiteral("%1: server did not start").arg(backend));
        return 1;
    }
    QUrl url = server.url(QString());
    if (backend == QLatin1String("haproxy")) {
        if (!server.startExtraInstance())
            return 1;
        const quint16 front = server.startHaproxy();
        if (!front)
            return 1;
        url.setPort(front);
    }
    QTemporaryDir dir;
    std::vector<std::unique_ptr<SyncEngine>> engines;
    std::vector<QString> caches;
    SyncEngine::Options options;
    options.automatic = false;
    options.pushBatchSize = batch;
    for (int t = 0; t < tablets; ++t) {
        caches.push_back(dir.filePath(QStringLiteral("tablet%1.sqlite").arg(t)));
        if (!enrolCache(server, url, caches.back(), server.enrolmentCode(QStringLiteral("AMS01"))))
            return 1;
        engines.push_back(std::make_unique<SyncEngine>(caches.back(), options));
        engines.back()->start();
    }
    if (!runCycles(engines)) // first pull, so the measured cycle is the push
        return 1;

    // The outbox, filled as the sales ledger would (the ledger itself is the app's concern and
    // costs an fsync per sale; this measures the wire and the server).
    for (const QString &cache : caches) {
        auto db = Store::LocalDatabase::open(cache, Store::LocalDatabase::OpenMode::ExistingOnly);
        const auto done = db.value()->transaction([&]() -> Core::Status {
            QSqlQuery q(db.value()->connection());
            q.prepare(QStringLiteral("INSERT INTO outbox(event_id, type, staff_id, occurred_at, "
                                     "payload) VALUES(?, 'sale', 7, ?, ?)"));
            for (int i = 0; i < eventsPerTablet; ++i) {
                auto sale = makeSale(QStringLiteral("AMS01"), 1 + i % 20, 1);
                sale.staffId = 7;
                q.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
                q.addBindValue(sale.soldAt.toString(Qt::ISODateWithMs));
                q.addBindValue(QString::fromUtf8(QJsonDocument(Sync::Protocol::saleToJson(sale))
                                                     .toJson(QJsonDocument::Compact)));
                if (!q.exec())
                    return Core::Error::make(
                        QStringLiteral("bench"), QStringLiteral("outbox insert failed"));
            }
            return Core::success();
        });
        if (!done)
            return 1;
    }

    std::vector<double> latenciesMs;
    QElapsedTimer timer;
    std::vector<qint64> lastPush(engines.size(), 0);
    std::vector<qint64> previous(engines.size(), 0);
    for (size_t i = 0; i < engines.size(); ++i) {
        QObject::connect(engines[i].get(), &SyncEngine::progress, [&, i](const QString &message) {
            if (!message.startsWith(QLatin1String("pushed")))
                return;
            const qint64 now = timer.nsecsElapsed();
            latenciesMs.push_back(double(now - previous[i]) / 1e6);
            previous[i] = now;
            lastPush[i] = now;
        });
    }
    timer.start();
    const bool ok = runCycles(engines);
    const double seconds = double(*std::max_element(lastPush.begin(), lastPush.end())) / 1e9;
    engines.clear();

    const qint64 expected = qint64(tablets) * eventsPerTablet;
    const qint64 events = server.scalar(QStringLiteral("SELECT COUNT(*) FROM events"));
    const qint64 distinctEvents
        = server.scalar(QStringLiteral("SELECT COUNT(DISTINCT event_id) FROM events"));
    const qint64 sales = server.scalar(QStringLiteral("SELECT COUNT(*) FROM sales"));
    const qint64 sold = server.scalar(
        QStringLiteral("SELECT SUM(100 - quantity) FROM stock WHERE location_id = 1"));
    const bool exact
        = events == expected && distinctEvents == expected && sales == expected && sold == expected;
    say(QStringLiteral("push %1: %2 tablets x %3 events, batch %4: %5 s, %6 events/s, batch "
                       "latency median %7 ms p99 %8 ms; "
                       "server events %9 distinct %10 sales %11 stock sold %12 -> %13")
            .arg(backend)
            .arg(tablets)
            .arg(eventsPerTablet)
            .arg(batch)
            .arg(seconds, 0, 'f', 2)
            .arg(qint64(double(expected) / seconds))
            .arg(percentile(latenciesMs, 0.5), 0, 'f', 1)
            .arg(percentile(latenciesMs, 0.99), 0, 'f', 1)
            .arg(events)
            .arg(distinctEvents)
            .arg(sales)
            .arg(sold)
            .arg(ok && exact ? QStringLiteral("exactly once") : QStringLiteral("MISMATCH")));
    return ok && exact ? 0 : 1;
}

// A server seeded with the bench's promotions and one customer, and a device enrolled on it.
struct RecheckServer
{
    std::unique_ptr<ServerFixture> server;
    QString deviceId;
    QString token;
    qint64 seq = 1;
    std::vector<double> latencies;
};

bool startRecheckServer(
    RecheckServer &r, const QString &backend, bool checks, const QByteArray &promotionFile)
{
    qputenv("TOONBANK_TEST_BACKEND", backend == QLatin1String("sqlite") ? "sqlite" : "postgresql");
    r.server = std::make_unique<ServerFixture>();
    ServerFixture &server = *r.server;
    if (!server.seed(20))
        return false;
    QFile file(server.dataDir() + QStringLiteral("/promotions.json"));
    if (!file.open(QIODevice::WriteOnly) || file.write(promotionFile) < 0)
        return false;
    file.close();
    QFile customers(server.dataDir() + QStringLiteral("/customers.csv"));
    if (!customers.open(QIODevice::WriteOnly))
        return false;
    customers.write("id,code,name,tier,homeStoreCode\n1,2990000000011,Eva,basic,AMS01\n");
    customers.close();
    if (!server.admin({ QStringLiteral("import"), QStringLiteral("promotions"), file.fileName() })
        || !server.admin(
            { QStringLiteral("import"), QStringLiteral("customers"), customers.fileName() })
        || !server.start(
            checks ? QStringList() : QStringList { QStringLiteral("--no-sale-checks") }))
        return false;
    const HttpAnswer enrolled = server.request("POST", QStringLiteral("/v1/enrol"),
        QJsonDocument(
            QJsonObject { { QStringLiteral("code"), server.enrolmentCode(QStringLiteral("AMS01")) },
                { QStringLiteral("deviceName"), QStringLiteral("bench") } })
            .toJson(QJsonDocument::Compact));
    auto device = Sync::Protocol::EnrolResponse::fromJson(enrolled.json);
    if (!device)
        return false;
    r.deviceId = device->deviceId;
    r.token = device->token;
    return true;
}

// `batch` sales of 3 lines for customer 1, built by Core::buildSale under `rules`.
QList<Core::Sale> recheckBatch(const Core::SaleRules &rules, int b, int batch)
{
    QList<Core::Sale> sales;
    for (int i = 0; i < batch; ++i) {
        QList<Core::DraftLine> lines;
        for (int l = 0; l < 3; ++l) {
            Core::DraftLine line;
            const int product = 1 + (b * batch + i * 3 + l) % 20;
            line.lineId = QStringLiteral("L%1").arg(l + 1);
            line.productId = product;
            line.sku = QStringLiteral("SKU%1").arg(product);
            line.name = QStringLiteral("Product %1").arg(product);
            line.brand = QStringLiteral("Brand");
            line.quantity = 1 + l;
            line.unitPrice = Core::Money::fromCents(1000);
            line.regularPrice = line.unitPrice;
            lines.append(line);
        }
        Core::SaleContext context;
        context.soldAt = QDateTime::currentDateTimeUtc();
        context.customer
            = Core::SaleCustomer { 1, QStringLiteral("2990000000011"), QStringLiteral("basic") };
        auto built = Core::buildSale(lines, rules, context);
        if (!built)
            return {};
        Core::Sale sale = built.value();
        sale.saleId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        sale.receiptNumber = QStringLiteral("AMS01-B-") + sale.saleId.left(8);
        Core::Tender card;
        card.method = Core::TenderMethod::Card;
        card.amount = sale.total;
        card.reference = QStringLiteral("b");
        card.claimId = sale.saleId; // the nexo ServiceID stands in
        sale.tenders = { card };
        sale.pointsEarned = Core::pointsEarned(sale, rules.loyalty);
        sales.append(sale);
    }
    return sales;
}

bool pushRecheckBatch(RecheckServer &r, const QList<Core::Sale> &sales)
{
    const QByteArray body
        = QJsonDocument(makePush(r.deviceId, 7, sales, r.seq)).toJson(QJsonDocument::Compact);
    r.seq += sales.size();
    QElapsedTimer timer;
    timer.start();
    const HttpAnswer answer
        = r.server->request("POST", QStringLiteral("/v1/events"), body, r.token);
    r.latencies.push_back(double(timer.nsecsElapsed()) / 1e6);
    if (answer.status != 200)
        say(QStringLiteral("push refused: %1").arg(QString::fromUtf8(answer.body.left(400))));
    return answer.status == 200;
}

int recheckOverhead(const QString &backend, int batches, int batch)
{
    // 50 promotions: percent off on single SKUs, 3-for-2 on a few, a brand discount.
    QJsonArray items;
    QList<Core::Promotion> promotions;
    for (int i = 0; i < 50; ++i) {
        Core::Promotion p;
        p.id = QStringLiteral("PR-%1").arg(i, 3, 10, QLatin1Char('0'));
        p.label = p.id;
        if (i % 10 == 0) {
            p.kind = Core::PromotionKind::BuyNPayM;
            p.buyQuantity = 3;
            p.payQuantity = 2;
        } else {
            p.kind = Core::PromotionKind::PercentOff;
            p.percentBasisPoints = 500 + 100 * (i % 5);
        }
        p.target = Core::PromotionTarget::Item;
        p.targetKeys = { QStringLiteral("SKU%1").arg(1 + i % 20) };
        p.priority = i % 3;
        promotions.append(p);
        items.append(Sync::Protocol::promotionToJson(p));
    }
    const QByteArray file = QJsonDocument(items).toJson(QJsonDocument::Compact);
    // Both servers run side by side and get the same batches in turn, so drift in the shared
    // box's load hits both alike.
    RecheckServer plain;
    RecheckServer checked;
    if (!startRecheckServer(plain, backend, false, file)
        || !startRecheckServer(checked, backend, true, file)) {
        say(QStringLiteral("recheck %1: servers did not start").arg(backend));
        return 1;
    }
    Core::SaleRules rules;
    rules.vatTable = Core::VatTable::builtIn();
    rules.country = QStringLiteral("NL");
    rules.storeCode = QStringLiteral("AMS01");
    rules.promotions = promotions;
    rules.loyalty = Core::LoyaltyRules::defaults();
    for (int b = 0; b < batches; ++b) {
        const QList<Core::Sale> sales = recheckBatch(rules, b, batch);
        // Alternate which server goes first.
        RecheckServer &first = b % 2 ? checked : plain;
        RecheckServer &second = b % 2 ? plain : checked;
        if (sales.isEmpty() || !pushRecheckBatch(first, sales)
            || !pushRecheckBatch(second, sales)) {
            say(QStringLiteral("recheck %1: FAILED").arg(backend));
            return 1;
        }
    }
    const qint64 expected = qint64(batches) * batch;
    if (plain.server->scalar(QStringLiteral("SELECT COUNT(*) FROM sales")) != expected
        || checked.server->scalar(QStringLiteral("SELECT COUNT(*) FROM sales")) != expected) {
        say(QStringLiteral("recheck %1: sales missing").arg(backend));
        return 1;
    }
    const std::vector<double> &without = plain.latencies;
    const std::vector<double> &with = checked.latencies;
    const double base = percentile(without, 0.5);
    const double withChecks = percentile(with, 0.5);
    say(QStringLiteral("recheck %1: %2 batches x %3 sales (3 lines, customer, 50 promotions): "
                       "without checks median %4 ms p99 %5 ms; with checks median %6 ms p99 %7 "
                       "ms; overhead %8 % (median; the two servers side by side, batches "
                       "alternating)")
            .arg(backend)
            .arg(batches)
            .arg(batch)
            .arg(base, 0, 'f', 1)
            .arg(percentile(without, 0.99), 0, 'f', 1)
            .arg(withChecks, 0, 'f', 1)
            .arg(percentile(with, 0.99), 0, 'f', 1)
            .arg((withChecks / base - 1.0) * 100.0, 0, 'f', 1));
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsEmpty("TOONBANK_TEST_BUILD_DIR"))
        qputenv("TOONBANK_TEST_BUILD_DIR", TOONBANK_BUILD_DIR);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption serverData(QStringLiteral("server-data"),
        QStringLiteral("Seeded server data folder."), QStringLiteral("dir"));
    const QCommandLineOption tablets(QStringLiteral("tablets"),
        QStringLiteral("Tablets pushing at once."), QStringLiteral("k"), QStringLiteral("4"));
    const QCommandLineOption events(QStringLiteral("events"), QStringLiteral("Events per tablet."),
        QStringLiteral("m"), QStringLiteral("2500"));
    const QCommandLineOption batch(QStringLiteral("batch"), QStringLiteral("Events per push."),
        QStringLiteral("b"), QStringLiteral("200"));
    const QCommandLineOption backends(QStringLiteral("backends"),
        QStringLiteral("sqlite,postgresql,haproxy"), QStringLiteral("list"),
        QStringLiteral("sqlite,postgresql,haproxy"));
    const QCommandLineOption batchCount(QStringLiteral("batches"),
        QStringLiteral("recheck: batches per server."), QStringLiteral("n"), QStringLiteral("30"));
    parser.addOptions({ serverData, tablets, events, batch, backends, batchCount });
    parser.addPositionalArgument(
        QStringLiteral("what"), QStringLiteral("initial | push | recheck"));
    parser.process(app);
    const QStringList args = parser.positionalArguments();
    if (args.value(0) == QLatin1String("initial") && parser.isSet(serverData))
        return initialSync(parser.value(serverData));
    if (args.value(0) == QLatin1String("push")) {
        int failures = 0;
        for (const QString &backend :
            parser.value(backends).split(QLatin1Char(','), Qt::SkipEmptyParts))
            failures += pushThroughput(backend, parser.value(tablets).toInt(),
                parser.value(events).toInt(), parser.value(batch).toInt());
        return failures == 0 ? 0 : 1;
    }
    if (args.value(0) == QLatin1String("recheck")) {
        int failures = 0;
        for (const QString &backend :
            parser.value(backends).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (backend != QLatin1String("haproxy"))
                failures += recheckOverhead(
                    backend, parser.value(batchCount).toInt(), parser.value(batch).toInt());
        }
        return failures == 0 ? 0 : 1;
    }
    parser.showHelp(2);
}
