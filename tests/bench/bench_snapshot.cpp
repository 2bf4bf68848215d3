// bench_snapshot: building the catalog snapshot of a chain (docs/STOCK.md §2 "Server").
// Seeds a SQLite server with `toonbank-admin demo-seed --products N` (13 locations' stock)
// into --data-dir unless that folder already holds a seeded toonbank.db, then builds the
// snapshot --runs times in this process with SnapshotBuilder::build and prints, per run and as
// median / p99: build seconds, file MB and rows/s, plus the process's peak RSS (the rows are
// streamed, never held). Not registered with CTest; never asserted on wall-clock time.
//
//   bench_snapshot [--products 1000000] [--runs 3] [--data-dir DIR] [--database URL]
#include "sync/server/serverdatabase.h"
#include "sync/server/snapshotbuilder.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <vector>

using namespace Toonbank::Sync::Server;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

qint64 peakRssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

double percentile(std::vector<double> samples, double p)
{
    std::sort(samples.begin(), samples.end());
    const size_t n = samples.size();
    return samples[std::min(n - 1, size_t(std::ceil(p * double(n))) - 1)];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Catalog snapshot build benchmark"));
    parser.addHelpOption();
    const QCommandLineOption productsOption(QStringLiteral("products"),
        QStringLiteral("Products to seed (demo chain, 13 locations)."), QStringLiteral("n"),
        QStringLiteral("1000000"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Builds to time."),
        QStringLiteral("n"), QStringLiteral("3"));
    const QCommandLineOption dirOption(QStringLiteral("data-dir"),
        QStringLiteral("Server data folder (kept; seeded only when it has no toonbank.db)."),
        QStringLiteral("dir"));
    const QCommandLineOption databaseOption(QStringLiteral("database"),
        QStringLiteral("postgresql://… (default: SQLite in the data folder)."),
        QStringLiteral("url"));
    parser.addOptions({ productsOption, runsOption, dirOption, databaseOption });
    parser.process(app);

    const int products = parser.value(productsOption).toInt();
    const int runs = std::max(1, parser.value(runsOption).toInt());
    QTemporaryDir temp;
    const QString dataDir = parser.isSet(dirOption) ? parser.value(dirOption) : temp.path();
    QDir().mkpath(dataDir);
    const QString spec = parser.value(databaseOption);

    const bool seeded
        = spec.isEmpty() && QFile::exists(QDir(dataDir).filePath(QStringLiteral("toonbank.db")));
    if (!seeded) {
        QElapsedTimer seedTimer;
        seedTimer.start();
        QProcess admin;
        admin.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QStringList args { QStringLiteral("--data-dir"), dataDir };
        if (!spec.isEmpty())
            args << QStringLiteral("--database") << spec;
        args << QStringLiteral("demo-seed") << QStringLiteral("--products")
             << QString::number(products);
        admin.start(QStringLiteral(TOONBANK_BUILD_DIR "/sync/server/toonbank-admin"), args);
        if (!admin.waitForFinished(-1) || admin.exitCode() != 0) {
            out() << "demo-seed failed: " << admin.readAllStandardOutput() << Qt::endl;
            return 1;
        }
        out() << QStringLiteral("seeded %1 products with demo-seed in %2 s")
                     .arg(products)
                     .arg(double(seedTimer.elapsed()) / 1000.0, 0, 'f', 1)
              << Qt::endl;
    } else {
        out() << QStringLiteral("using the chain already seeded in %1").arg(dataDir) << Qt::endl;
    }

    auto database = ServerDatabase::open(spec, dataDir);
    if (!database) {
        out() << "cannot open the database: " << database.error().detail << Qt::endl;
        return 1;
    }
    std::vector<double> seconds;
    std::vector<double> rates;
    double megabytes = 0;
    qint64 rows = 0;
    for (int run = 1; run <= runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        auto built = SnapshotBuilder::build(*database.value(), dataDir);
        const double s = double(timer.nsecsElapsed()) / 1e9;
        if (!built) {
            out() << "build failed: " << built.error().detail << Qt::endl;
            return 1;
        }
        rows = built->rowCount;
        megabytes = double(built->sizeBytes) / (1024.0 * 1024.0);
        seconds.push_back(s);
        rates.push_back(double(rows) / s);
        out() << QStringLiteral("run %1: %2 s, %3 MB, %4 rows, %5 rows/s (%6)")
                     .arg(run)
                     .arg(s, 0, 'f', 1)
                     .arg(megabytes, 0, 'f', 1)
                     .arg(rows)
                     .arg(double(rows) / s, 0, 'f', 0)
                     .arg(built->fileName)
              << Qt::endl;
    }
    out() << QStringLiteral("snapshot build (%1 products, %2 rows, %3 MB, %4): median %5 s  "
                            "p99 %6 s  median %7 rows/s  peak RSS %8 MB")
                 .arg(products)
                 .arg(rows)
                 .arg(megabytes, 0, 'f', 1)
                 .arg(database.value()->dialect() == Dialect::Sqlite ? QStringLiteral("sqlite")
                                                                     : QStringLiteral("postgresql"))
                 .arg(percentile(seconds, 0.5), 0, 'f', 1)
                 .arg(percentile(seconds, 0.99), 0, 'f', 1)
                 .arg(percentile(rates, 0.5), 0, 'f', 0)
                 .arg(double(peakRssKb()) / 1024.0, 0, 'f', 0)
          << Qt::endl;
    return 0;
}
