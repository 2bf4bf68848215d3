// bench_import: the server's catalog import at chain scale (docs/STOCK.md §1).
//
//   bench_import [--products N] [--backends sqlite,postgresql] [--updates K] [--rounds R]
//
// For each backend, in a fresh database (SQLite in a temporary folder; PostgreSQL a new
// database on TOONBANK_TEST_PG_URL, dropped afterwards):
//  1. the full import: the demo chain's N products with their barcodes and the stock of all
//     13 locations through the demo-seed path (DemoSeedSink::generate: the generator in a
//     thread of its own, batches written through ChainAdmin::writeCatalog → BulkWriter),
//     generation included; the generation alone is timed too (into a sink that drops the
//     rows) so the write share is visible;
//     On PostgreSQL the loaded tables are then vacuumed and analysed (timed, printed as
//     "settle"), so the updates meet the steady state and not autovacuum's catch-up;
//  2. a price update of K products and a stock update of K figures, each a CSV file through
//     `toonbank-admin import prices|stock` (ChainAdmin::importFile: every row checked, one
//     transaction), R rounds each: median and p99.
// Prints seconds and rows/s; nothing is asserted (STYLE.md: benchmarks are run by hand).
// BENCH_IMPORT_KEEP=1 keeps the PostgreSQL database (its name is printed) for a look with psql.

#include "app/store/catalogsink.h"
#include "app/store/demochain.h"
#include "sync/server/chainadmin.h"
#include "sync/server/demoseed.h"
#include "sync/server/serverdatabase.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QUrl>
#include <QUuid>

#include <sys/resource.h>

#include <algorithm>
#include <vector>

using namespace Toonbank;
using Sync::Server::ChainAdmin;
using Sync::Server::ServerDatabase;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

struct Rng
{
    quint64 state;
    quint64 next()
    {
        quint64 z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    int below(int n) { return int(next() % quint64(n)); }
};

// Drops every row: times the generator alone.
class NullSink final : public Store::CatalogSink
{
public:
    Core::Status upsertLocation(const Store::Location &) override { return Core::success(); }
    Core::Status upsertProduct(const Store::ProductRecord &) override { return Core::success(); }
    Core::Status setStock(qint64, qint64, int, const QDateTime &) override
    {
        return Core::success();
    }
    Core::Status upsertStaff(const Store::StaffMember &, const QString &) override
    {
        return Core::success();
    }
};

QSqlDatabase pgAdmin(const QString &name)
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

bool pgRun(const QString &sql)
{
    bool ok = false;
    {
        QSqlDatabase admin = pgAdmin(QStringLiteral("bench-admin"));
        ok = admin.open() && QSqlQuery(admin).exec(sql);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bench-admin"));
    return ok;
}

// CPU seconds of this process (the machine may be shared: wall time alone misleads). The
// PostgreSQL server's own CPU is not in it.
double cpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const size_t index = std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5));
    return values.at(index);
}

QString rate(double rows, double seconds)
{
    return QString::number(qint64(rows / std::max(seconds, 1e-9)));
}

int runBackend(const QString &backend, const Store::DemoChain::Options &options, int updates,
    int rounds, double generateSeconds)
{
    QTemporaryDir dir;
    QString spec;
    QString pgDatabase;
    if (backend == QLatin1String("postgresql")) {
        if (qEnvironmentVariable("TOONBANK_TEST_PG_URL").isEmpty()) {
            out() << "postgresql: TOONBANK_TEST_PG_URL not set, skipped\n";
            return 0;
        }
        pgDatabase = QStringLiteral("toonbank_bench_")
            + QUuid::createUuid().toString(QUuid::Id128).left(16);
        if (!pgRun(QStringLiteral("CREATE DATABASE ") + pgDatabase)) {
            out() << "postgresql: cannot create a database\n";
            return 1;
        }
        QUrl url(qEnvironmentVariable("TOONBANK_TEST_PG_URL"));
        url.setPath(QLatin1Char('/') + pgDatabase);
        spec = url.toString();
    } else if (backend != QLatin1String("sqlite")) {
        out() << "unknown backend " << backend << "\n";
        return 1;
    }
    int failed = 0;
    {
        auto opened = ServerDatabase::open(spec, dir.path());
        if (!opened) {
            out() << backend << ": " << opened.error().detail << "\n";
            return 1;
        }
        ServerDatabase &db = *opened.value();
        ChainAdmin admin(db);
        out() << "== " << backend << " ==\n";
        out().flush();

        QElapsedTimer timer;
        timer.start();
        const double cpuStart = cpuSeconds();
        Store::DemoChain::Summary summary;
        {
            auto generated = Sync::Server::DemoSeedSink::generate(db, options);
            if (!generated) {
                out() << backend << ": the import failed: " << generated.error().detail << "\n";
                return 1;
            }
            summary = generated.value();
        }
        const double full = double(timer.nsecsElapsed()) / 1e9;
        const double cpu = cpuSeconds() - cpuStart;
        const double rows = double(summary.products) + double(summary.stockRows);
        out() << "full import: " << summary.products << " products (" << summary.barcodes
              << " barcodes) + " << summary.stockRows << " stock rows of " << summary.locations
              << " locations = " << qint64(rows) << " rows in " << QString::number(full, 'f', 2)
              << " s, " << rate(rows, full) << " rows/s (generation alone "
              << QString::number(generateSeconds, 'f', 2) << " s; writing "
              << QString::number(full - generateSeconds, 'f', 2) << " s, "
              << rate(rows, full - generateSeconds) << " rows/s); this process's CPU "
              << QString::number(cpu, 'f', 2) << " s\n";
        out().flush();

        // A database that has just taken 14 million rows is not the steady state an update
        // meets: PostgreSQL's autovacuum would now vacuum and analyse the new tables while
        // the updates run. Do that first, timed, as an operator would after a first load.
        if (backend == QLatin1String("postgresql")) {
            timer.restart();
            if (auto vacuum
                = db.exec(QStringLiteral("VACUUM (ANALYZE) products, product_prices, stock"));
                !vacuum) {
                out() << backend << ": " << vacuum.error().detail << "\n";
                return 1;
            }
            out() << "settle: VACUUM (ANALYZE) of the loaded tables "
                  << QString::number(double(timer.nsecsElapsed()) / 1e9, 'f', 2) << " s\n";
            out().flush();
        }

        // The updates: K random products, CSV files as the admin would import them.
        const int count = std::min(updates, summary.products);
        QStringList storeCodes;
        for (const Store::Location &l : Store::DemoChain::locations())
            storeCodes.append(l.code);
        QHash<qint64, QString> skus;
        {
            auto q = db.exec(QStringLiteral("SELECT id, sku FROM products"));
            if (!q) {
                out() << backend << ": " << q.error().detail << "\n";
                return 1;
            }
            while (q.value().next())
                skus.insert(q.value().value(0).toLongLong(), q.value().value(1).toString());
        }
        std::vector<double> priceSeconds;
        std::vector<double> stockSeconds;
        std::vector<double> priceCpu;
        std::vector<double> stockCpu;
        for (int round = 0; round < rounds; ++round) {
            Rng rng { quint64(1000 + round) };
            QList<qint64> ids;
            QSet<qint64> seen;
            while (ids.size() < count) {
                const qint64 id = 1 + rng.below(summary.products);
                if (!seen.contains(id)) {
                    seen.insert(id);
                    ids.append(id);
                }
            }
            const QString prices = dir.filePath(QStringLiteral("prices-%1.csv").arg(round));
            const QString stock = dir.filePath(QStringLiteral("stock-%1.csv").arg(round));
            {
                QFile p(prices);
                QFile s(stock);
                if (!p.open(QIODevice::WriteOnly) || !s.open(QIODevice::WriteOnly))
                    return 1;
                QTextStream pt(&p);
                QTextStream st(&s);
                pt << "sku,priceCents\n";
                st << "sku,locationCode,quantity\n";
                for (const qint64 id : std::as_const(ids)) {
                    pt << skus.value(id) << ',' << 100 + rng.below(20000) << '\n';
                    st << skus.value(id) << ',' << storeCodes.at(rng.below(int(storeCodes.size())))
                       << ',' << rng.below(40) << '\n';
                }
            }
            for (const auto &[kind, path, seconds, cpuUsed] :
                { std::tuple(ChainAdmin::ImportKind::Prices, prices, &priceSeconds, &priceCpu),
                    std::tuple(ChainAdmin::ImportKind::Stock, stock, &stockSeconds, &stockCpu) }) {
                QList<Sync::Server::ImportProblem> problems;
                int imported = 0;
                timer.restart();
                const double cpuBefore = cpuSeconds();
                const Core::Status done = admin.importFile(kind, path, problems, imported);
                seconds->push_back(double(timer.nsecsElapsed()) / 1e9);
                cpuUsed->push_back(cpuSeconds() - cpuBefore);
                if (!done || imported != count) {
                    out() << backend << ": update failed: "
                          << (done ? QStringLiteral("%1 rows").arg(imported) : done.error().detail)
                          << (problems.isEmpty() ? QString() : problems.constFirst().reason)
                          << "\n";
                    failed = 1;
                }
            }
        }
        for (const auto &[name, seconds, cpuUsed] :
            { std::tuple(QStringLiteral("price update"), &priceSeconds, &priceCpu),
                std::tuple(QStringLiteral("stock update"), &stockSeconds, &stockCpu) }) {
            const double median = percentile(*seconds, 0.5);
            out() << name << ": " << count << " rows, median " << QString::number(median, 'f', 3)
                  << " s (" << rate(count, median) << " rows/s), p99 "
                  << QString::number(percentile(*seconds, 0.99), 'f', 3) << " s over "
                  << seconds->size() << " rounds; this process's CPU median "
                  << QString::number(percentile(*cpuUsed, 0.5), 'f', 3) << " s\n";
        }
        out().flush();
    }
    if (!pgDatabase.isEmpty() && qEnvironmentVariableIsSet("BENCH_IMPORT_KEEP"))
        out() << "kept " << pgDatabase << "\n";
    else if (!pgDatabase.isEmpty())
        pgRun(QStringLiteral("DROP DATABASE IF EXISTS ") + pgDatabase);
    return failed;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption productsOption(QStringLiteral("products"), QStringLiteral("Products."),
        QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption backendsOption(QStringLiteral("backends"),
        QStringLiteral("sqlite,postgresql"), QStringLiteral("list"),
        QStringLiteral("sqlite,postgresql"));
    const QCommandLineOption updatesOption(QStringLiteral("updates"),
        QStringLiteral("Rows per incremental update."), QStringLiteral("K"),
        QStringLiteral("100000"));
    const QCommandLineOption roundsOption(QStringLiteral("rounds"),
        QStringLiteral("Rounds of each update."), QStringLiteral("R"), QStringLiteral("3"));
    parser.addOptions({ productsOption, backendsOption, updatesOption, roundsOption });
    parser.process(app);

    Store::DemoChain::Options options;
    options.seed = 7;
    options.productCount = parser.value(productsOption).toInt();
    options.pinIterations = 1000; // staff PIN hashing is not what is measured here
    options.referenceDate = QDate(2026, 3, 2);
    options.referenceTime = QDateTime(options.referenceDate, QTime(10, 0), Qt::UTC);

    QElapsedTimer timer;
    timer.start();
    {
        NullSink sink;
        if (!Store::DemoChain::generate(sink, options))
            return 1;
    }
    const double generateSeconds = double(timer.nsecsElapsed()) / 1e9;

    int failed = 0;
    for (const QString &backend :
        parser.value(backendsOption).split(QLatin1Char(','), Qt::SkipEmptyParts))
        failed |= runBackend(backend.trimmed(), options, parser.value(updatesOption).toInt(),
            std::max(1, parser.value(roundsOption).toInt()), generateSeconds);
    return failed;
}
