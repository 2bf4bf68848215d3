// bench_firstsync: a fresh tablet's first sync from a catalog snapshot (docs/STOCK.md §2).
//
//   bench_firstsync [--products 1000000] [--dir DIR]
//
// A: toonbank-demogen writes the demo chain's cache of N products (the time the tablet would
//    need to build its catalog itself).
// The snapshot: that file without staff, with snapshot_meta (format 1), in rollback-journal
//    mode — the form SnapshotBuilder writes (printed, not counted). It is served by the local
//    snapshot server of the tests (tests/sync/client/snapshotfixture.h: manifest, 8 MiB
//    ranges read from disk, feed pages) in this process, so the figures are the tablet's own:
//    a server's demo-seed of a million products is far too slow before the bulk import lands.
// B: toonbank-synctool sync-once on a fresh enrolled cache until "snapshot done at cursor"
//    and the feed after it (the process's wall time). Its peak RSS (VmHWM) is sampled every
//    50 ms from /proc while it runs. Meanwhile this process commits a sale-sized durable
//    transaction on its own connection to the same cache every 100 ms: median / p99 / max.
// Prints A, B, B/A (target ≤ 1.5). Not registered with CTest; never asserted on.
#include "tests/sync/client/snapshotfixture.h"

#include "app/store/localdatabase.h"
#include "sync/client/deviceconfig.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>

using namespace Toonbank;
using namespace Toonbank::Tests::SnapshotFixture;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

qint64 vmHwmKb(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

qint64 percentile(QList<qint64> values, int p)
{
    if (values.isEmpty())
        return -1;
    std::sort(values.begin(), values.end());
    return values.at(qMin<qsizetype>(values.size() - 1, values.size() * p / 100));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption productsOption(QStringLiteral("products"), QStringLiteral("Products."),
        QStringLiteral("n"), QStringLiteral("1000000"));
    const QCommandLineOption dirOption(QStringLiteral("dir"),
        QStringLiteral("Work folder (default: a temporary one)."), QStringLiteral("dir"));
    parser.addHelpOption();
    parser.addOptions({ productsOption, dirOption });
    parser.process(app);
    const int products = parser.value(productsOption).toInt();
    QTemporaryDir temp;
    const QString dir = parser.isSet(dirOption) ? parser.value(dirOption) : temp.path();
    QDir().mkpath(dir);
    const QString bin = QStringLiteral(TOONBANK_BUILD_DIR);
    const QString snapshotPath = dir + QStringLiteral("/snapshot.sqlite");
    const QString cachePath = dir + QStringLiteral("/tablet.sqlite");
    for (const QString &path : { snapshotPath, cachePath }) {
        for (const QString &suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm"),
                 QStringLiteral(".snapshot.part") })
            QFile::remove(path + suffix);
    }

    // A: demogen.
    QElapsedTimer clock;
    clock.start();
    QProcess demogen;
    demogen.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    demogen.start(bin + QStringLiteral("/app/store/demogen/toonbank-demogen"),
        { QStringLiteral("--out"), snapshotPath, QStringLiteral("--products"),
            QString::number(products), QStringLiteral("--pin-iterations"), QStringLiteral("1"),
            QStringLiteral("--date"), QStringLiteral("2025-06-02") });
    if (!demogen.waitForFinished(-1) || demogen.exitCode() != 0) {
        out() << "demogen failed" << Qt::endl;
        return 1;
    }
    const double a = clock.elapsed() / 1000.0;
    out() << QStringLiteral("A demogen %1 products: %2 s").arg(products).arg(a, 0, 'f', 1)
          << Qt::endl;

    // The snapshot (not counted).
    clock.restart();
    const qint64 cursor = 1000000;
    qint64 rows = 0;
    {
        auto db = Store::LocalDatabase::open(
            snapshotPath, Store::LocalDatabase::OpenMode::ExistingOnly);
        if (!db) {
            out() << "cannot open the demo cache" << Qt::endl;
            return 1;
        }
        rows = count(*db.value(),
            QStringLiteral("SELECT (SELECT count(*) FROM locations) + (SELECT count(*) FROM "
                           "products) + (SELECT count(*) FROM barcodes) + (SELECT count(*) FROM "
                           "stock)"));
        QSqlQuery q(db.value()->connection());
        q.exec(QStringLiteral("DELETE FROM staff"));
        q.exec(QStringLiteral("CREATE TABLE snapshot_meta(key TEXT PRIMARY KEY, value)"));
        q.exec(QStringLiteral("INSERT INTO snapshot_meta VALUES('format', '1'), ('cursor', '%1'), "
                              "('built_at', '2025-06-02T00:00:00Z'), ('row_count', '%2')")
                   .arg(cursor)
                   .arg(rows));
        q.finish();
        q.exec(QStringLiteral("PRAGMA journal_mode=DELETE"));
    }
    SnapshotManifest manifest;
    {
        QFile file(snapshotPath);
        if (!file.open(QIODevice::ReadOnly))
            return 1;
        QCryptographicHash hash(QCryptographicHash::Sha256);
        hash.addData(&file);
        manifest.sha256 = QString::fromLatin1(hash.result().toHex());
        manifest.snapshotId = manifest.sha256;
        manifest.sizeBytes = file.size();
        manifest.cursor = cursor;
        manifest.rowCount = rows;
        manifest.format = 1;
        manifest.builtAt = QDateTime::currentDateTimeUtc();
    }
    out() << QStringLiteral("snapshot: %1 MB, %2 rows, prepared in %3 s (not counted)")
                 .arg(manifest.sizeBytes / (1024 * 1024))
                 .arg(rows)
                 .arg(clock.elapsed() / 1000.0, 0, 'f', 1)
          << Qt::endl;

    FakeServer server;
    server.filePath = snapshotPath;
    server.manifest = manifest;
    server.staff.id = 1;
    server.staff.code = QStringLiteral("E1001");
    server.staff.displayName = QStringLiteral("Anna");
    server.staff.role = QStringLiteral("cashier");
    server.staff.homeLocationId = 1;
    server.staff.pinHash = QStringLiteral("pbkdf2$1$c2FsdA==$aGFzaA==");
    if (!server.listen())
        return 1;

    auto db = Store::LocalDatabase::open(cachePath);
    if (!db)
        return 1;
    Sync::Client::DeviceConfig config;
    config.serverUrl = server.url();
    config.deviceId = QStringLiteral("bench");
    config.token = QStringLiteral("token");
    config.caCertificatePem = QStringLiteral("none");
    config.locationId = 1;
    config.locationCode = QStringLiteral("AMS01");
    if (!config.save(*db.value()))
        return 1;

    // B: the first sync in its own process, sales here.
    QList<qint64> commitMs;
    struct Slow
    {
        qint64 at; // ms of B
        qint64 took;
        qint64 locked; // ms until the write lock was held
    };
    QList<Slow> slowCommits;
    QList<std::pair<qint64, QString>> phases; // (ms of B, the sync's progress line)
    int saleNo = 0;
    QTimer sales;
    QObject::connect(&sales, &QTimer::timeout, [&] {
        QElapsedTimer took;
        took.start();
        const qint64 at = clock.elapsed();
        qint64 lockedAt = -1;
        (void)db.value()->durableTransaction([&]() -> Core::Status {
            lockedAt = took.elapsed();
            QSqlQuery q(db.value()->connection());
            q.prepare(QStringLiteral("INSERT INTO outbox(event_id, type, staff_id, occurred_at, "
                                     "payload) VALUES(?, 'probe', 1, ?, '{}')"));
            q.addBindValue(QStringLiteral("probe-%1").arg(++saleNo));
            q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
            q.exec();
            q.prepare(QStringLiteral("DELETE FROM outbox WHERE event_id = ?"));
            q.addBindValue(QStringLiteral("probe-%1").arg(saleNo));
            q.exec();
            return Core::success();
        });
        commitMs.append(took.elapsed());
        if (took.elapsed() > 50)
            slowCommits.append({ at, took.elapsed(), lockedAt });
    });
    qint64 peakKb = 0;
    QProcess sync;
    QTimer rss;
    QObject::connect(&rss, &QTimer::timeout, [&] {
        if (sync.processId() > 0)
            peakKb = qMax(peakKb, vmHwmKb(sync.processId()));
    });
    QString lastLine;
    QObject::connect(&sync, &QProcess::readyReadStandardOutput, [&] {
        const QString text = QString::fromUtf8(sync.readAllStandardOutput()).trimmed();
        if (text.isEmpty())
            return;
        lastLine = text.section(QLatin1Char('\n'), -1);
        for (const QString &line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            phases.append({ clock.elapsed(), line.trimmed() });
    });
    QObject::connect(&sync, &QProcess::finished, &app, &QCoreApplication::quit);
    clock.restart();
    sync.start(bin + QStringLiteral("/sync/client/synctool/toonbank-synctool"),
        { QStringLiteral("--cache"), cachePath, QStringLiteral("--timeout"), QStringLiteral("3600"),
            QStringLiteral("sync-once") });
    sales.start(100);
    rss.start(50);
    app.exec();
    const double b = clock.elapsed() / 1000.0;
    sales.stop();
    rss.stop();
    out() << QStringLiteral("B first sync (snapshot %1 MB, %2 rows): %3 s, exit %4 (%5)")
                 .arg(manifest.sizeBytes / (1024 * 1024))
                 .arg(rows)
                 .arg(b, 0, 'f', 1)
                 .arg(sync.exitCode())
                 .arg(lastLine)
          << Qt::endl;
    out() << QStringLiteral("B/A %1 (target <= 1.5)").arg(b / a, 0, 'f', 2) << Qt::endl;
    out() << QStringLiteral("peak RSS of the syncing process (VmHWM): %1 MB").arg(peakKb / 1024)
          << Qt::endl;
    out() << QStringLiteral("sale commits during B: %1, median %2 ms, p99 %3 ms, max %4 ms")
                 .arg(commitMs.size())
                 .arg(percentile(commitMs, 50))
                 .arg(percentile(commitMs, 99))
                 .arg(percentile(commitMs, 100))
          << Qt::endl;
    // Where the slow ones fell: the sync's last progress line before each.
    for (const Slow &slow : slowCommits) {
        QString doing;
        for (const auto &[when, line] : phases) {
            if (when > slow.at)
                break;
            doing = line;
        }
        out() << QStringLiteral("  slow commit at %1 s: %2 ms, %3 ms of them for the lock "
                                "(after \"%4\")")
                     .arg(slow.at / 1000.0, 0, 'f', 2)
                     .arg(slow.took)
                     .arg(slow.locked)
                     .arg(doing.left(70))
              << Qt::endl;
    }
    for (const auto &[when, line] : phases) {
        if (line.contains(QLatin1String("longest")) || line.contains(QLatin1String("swapped")))
            out() << QStringLiteral("  at %1 s: %2").arg(when / 1000.0, 0, 'f', 2).arg(line)
                  << Qt::endl;
    }
    out() << QStringLiteral("cache after: %1 products, %2 stock rows, integrity %3")
                 .arg(count(*db.value(), QStringLiteral("SELECT count(*) FROM products")))
                 .arg(count(*db.value(), QStringLiteral("SELECT count(*) FROM stock")))
                 .arg(text(*db.value(), QStringLiteral("PRAGMA quick_check")))
          << Qt::endl;
    return sync.exitCode();
}
