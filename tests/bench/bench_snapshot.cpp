// bench_snapshot: building the catalog snapshot of a chain (docs/STOCK.md §2 "Server").
// Seeds a SQLite server with `toonbank-admin demo-seed --products N` (13 locations' stock)
// into --data-dir unless that folder already holds a seeded toonbank.db, then builds the
// snapshot --runs times in this process with SnapshotBuilder::build and prints, per run and as
// median / p99: build seconds, file MB and rows/s, plus the process's peak RSS (the rows are
// streamed, never held). Not registered with CTest; never asserted on wall-clock time.
//
// demo-seed's insert path writes ~55 products/s on this loaded 2-core machine (before the
// bulk import of issue 11 lands), far too slow for a million. So, with --demo-products M
// (default 2000; SQLite only), demo-seed writes an M-product chain and the bench clones its
// products in SQL up to --products N: each clone is the demo product's stored document with a
// new id, SKU, variant group and one valid EAN-13, and the stock rows of its original at all
// 13 locations (same figures and ages). The builder reads the same tables, JSON and row
// counts as from a demo-seeded chain of N products. --demo-products 0: demo-seed all N.
//
//   bench_snapshot [--products 1000000] [--demo-products 2000] [--runs 3] [--data-dir DIR]
//                  [--database URL]
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

/// Clones the seeded products (and their stock) in SQL until the chain has `wanted` products.
bool cloneProducts(ServerDatabase &db, qint64 wanted)
{
    auto scalar = [&db](const QString &sql) -> qint64 {
        auto q = db.exec(sql);
        return q && q.value().next() ? q.value().value(0).toLongLong() : -1;
    };
    const qint64 originals = scalar(QStringLiteral("SELECT COUNT(*) FROM products"));
    const qint64 maxId = scalar(QStringLiteral("SELECT MAX(id) FROM products"));
    if (originals <= 0 || maxId <= 0)
        return false;
    // The EAN-13 "2" + 11 digits of the new id + its check digit, in SQL.
    const QString digits = QStringLiteral("printf('2%011d', p.id + :off)");
    QStringList terms;
    for (int i = 0; i < 12; ++i)
        terms.append(QString::number(i % 2 ? 3 : 1) + QStringLiteral(" * CAST(substr(") + digits
            + QStringLiteral(", ") + QString::number(i + 1) + QStringLiteral(", 1) AS INTEGER)"));
    const QString ean = digits + QStringLiteral(" || ((10 - (") + terms.join(QLatin1String(" + "))
        + QStringLiteral(") % 10) % 10)");
    QElapsedTimer timer;
    timer.start();
    for (qint64 k = 1; originals * (k + 0) < wanted; ++k) {
        const qint64 offset = k * maxId;
        const qint64 take = std::min(originals, wanted - originals * k);
        QString products = QStringLiteral(
            "INSERT INTO products(id, sku, data, change_seq) SELECT p.id + :off, p.sku || '-' || "
            ":k, json_set(p.data, '$.id', p.id + :off, '$.sku', p.sku || '-' || :k, "
            "'$.barcodes', json_array(EAN), '$.variantGroup', "
            "COALESCE(json_extract(p.data, '$.variantGroup') || '-' || :k, '')), :seq + p.id "
            "FROM products p WHERE p.id <= :max ORDER BY p.id LIMIT :take");
        products.replace(QStringLiteral("EAN"), ean);
        QString stock = QStringLiteral(
            "INSERT INTO stock(product_id, location_id, quantity, held, as_of, change_seq) "
            "SELECT s.product_id + :off, s.location_id, s.quantity, 0, s.as_of, :seq + "
            "s.product_id FROM stock s WHERE s.product_id IN (SELECT id FROM products WHERE id "
            "<= :max ORDER BY id LIMIT :take)");
        for (QString *sql : { &products, &stock }) {
            sql->replace(QStringLiteral(":off"), QString::number(offset));
            sql->replace(QStringLiteral(":k"), QString::number(k));
            sql->replace(QStringLiteral(":max"), QString::number(maxId));
            sql->replace(QStringLiteral(":take"), QString::number(take));
        }
        const Toonbank::Core::Status done = db.transaction([&]() -> Toonbank::Core::Status {
            auto seq = db.reserveSequence(take);
            if (!seq)
                return seq.error();
            for (QString sql : { products, stock }) {
                sql.replace(QStringLiteral(":seq"), QString::number(seq.value() - 1));
                if (auto ran = db.exec(sql); !ran)
                    return ran.error();
            }
            return Toonbank::Core::success();
        });
        if (!done) {
            out() << "clone failed: " << done.error().detail << Qt::endl;
            return false;
        }
        if (k % 50 == 0)
            out() << QStringLiteral("  cloned to %1 products (%2 s)")
                         .arg(originals * (k + 1))
                         .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 0)
                  << Qt::endl;
    }
    out() << QStringLiteral("cloned to %1 products, %2 stock rows in %3 s")
                 .arg(scalar(QStringLiteral("SELECT COUNT(*) FROM products")))
                 .arg(scalar(QStringLiteral("SELECT COUNT(*) FROM stock")))
                 .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1)
          << Qt::endl;
    return true;
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
    const QCommandLineOption demoOption(QStringLiteral("demo-products"),
        QStringLiteral("Products demo-seed writes; the rest are cloned in SQL (0: all by "
                       "demo-seed)."),
        QStringLiteral("m"), QStringLiteral("2000"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Builds to time."),
        QStringLiteral("n"), QStringLiteral("3"));
    const QCommandLineOption dirOption(QStringLiteral("data-dir"),
        QStringLiteral("Server data folder (kept; seeded only when it has no toonbank.db)."),
        QStringLiteral("dir"));
    const QCommandLineOption databaseOption(QStringLiteral("database"),
        QStringLiteral("postgresql://… (default: SQLite in the data folder)."),
        QStringLiteral("url"));
    parser.addOptions({ productsOption, demoOption, runsOption, dirOption, databaseOption });
    parser.process(app);

    const int products = parser.value(productsOption).toInt();
    int demoProducts = parser.value(demoOption).toInt();
    if (demoProducts <= 0 || demoProducts > products)
        demoProducts = products;
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
             << QString::number(demoProducts);
        admin.start(QStringLiteral(TOONBANK_BUILD_DIR "/sync/server/toonbank-admin"), args);
        if (!admin.waitForFinished(-1) || admin.exitCode() != 0) {
            out() << "demo-seed failed: " << admin.readAllStandardOutput() << Qt::endl;
            return 1;
        }
        out() << QStringLiteral("seeded %1 products with demo-seed in %2 s")
                     .arg(demoProducts)
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
    {
        auto have = database.value()->exec(QStringLiteral("SELECT COUNT(*) FROM products"));
        const qint64 count = have && have.value().next() ? have.value().value(0).toLongLong() : 0;
        if (count < products) {
            if (database.value()->dialect() != Dialect::Sqlite) {
                out() << "cloning is SQLite only: use --demo-products 0" << Qt::endl;
                return 1;
            }
            if (!cloneProducts(*database.value(), products))
                return 1;
        }
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
