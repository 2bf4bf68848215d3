// End to end over real processes and real HTTPS: a tablet (toonbank-synctool on its own cache)
// enrols, pulls the catalog, sells offline while the server is down, and syncs when it is back;
// every sale reaches the server exactly once and a second tablet sees the new stock. Then the
// faults: the tablet SIGKILLed in the middle of a long push, and two tablets pushing at once
// through haproxy to two server instances on one PostgreSQL database.
#include "serverfixture.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QFile>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

using namespace Toonbank;
using namespace Toonbank::Tests;

namespace {

struct ToolRun
{
    int exitCode = -1;
    QString output;
};

QString synctool()
{
    return qEnvironmentVariable("TOONBANK_TEST_BUILD_DIR")
        + QStringLiteral("/sync/client/synctool/toonbank-synctool");
}

ToolRun runTool(const QString &cache, const QStringList &args, int timeoutMs = 120000)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(synctool(), QStringList { QStringLiteral("--cache"), cache } + args);
    process.waitForFinished(timeoutMs);
    ToolRun run;
    run.output = QString::fromUtf8(process.readAll());
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return run;
}

/// Counts rows in a tablet cache (read-only; the cache is in WAL mode, so this never blocks it).
qint64 cacheScalar(const QString &cache, const QString &sql)
{
    qint64 value = -1;
    const QString name = QStringLiteral("e2e-cache-") + cache;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(cache);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                value = q.value(0).toLongLong();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return value;
}

QString fingerprint(ServerFixture &server)
{
    return QString::fromLatin1(
        server.caCertificates().first().digest(QCryptographicHash::Sha256).toHex());
}

} // namespace

class TestEndToEnd final : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_tablets;

    QString cache(const QString &name) const
    {
        return m_tablets.filePath(name + QStringLiteral(".sqlite"));
    }

    bool enrol(
        ServerFixture &server, const QString &cacheFile, const QString &store, const QString &url)
    {
        const ToolRun run = runTool(cacheFile,
            { QStringLiteral("enrol"), url, server.enrolmentCode(store), fingerprint(server) });
        if (run.exitCode != 0)
            qWarning().noquote() << "enrol failed:" << run.output;
        return run.exitCode == 0;
    }

    static bool syncOnce(const QString &cacheFile, const QStringList &extra = {})
    {
        const ToolRun run = runTool(cacheFile, QStringList { QStringLiteral("sync-once") } + extra);
        if (run.exitCode != 0)
            qWarning().noquote() << "sync-once failed:" << run.output;
        return run.exitCode == 0;
    }

private slots:
    void init()
    {
        if (ServerFixture::wantsPostgres() && qEnvironmentVariableIsEmpty("TOONBANK_TEST_PG_URL"))
            QSKIP("TOONBANK_TEST_PG_URL is not set (tests/run.sh starts a cluster)");
    }

    void offlineSalesReachTheServerExactlyOnce()
    {
        ServerFixture server;
        QVERIFY(server.seed(20));
        QVERIFY(server.start());
        const QString url = server.url(QString()).toString();
        const QString till = cache(QStringLiteral("ams-till"));
        const QString other = cache(QStringLiteral("utr-till"));
        QVERIFY(enrol(server, till, QStringLiteral("AMS01"), url));
        QVERIFY(enrol(server, other, QStringLiteral("UTR01"), url));

        // First sync: the whole catalog and stock arrive.
        QVERIFY(syncOnce(till));
        QCOMPARE(cacheScalar(till, QStringLiteral("SELECT count(*) FROM products")), 20);
        QCOMPARE(cacheScalar(till, QStringLiteral("SELECT count(*) FROM stock")), 40);
        QCOMPARE(cacheScalar(till, QStringLiteral("SELECT count(*) FROM staff")),
            1); // own store's staff only
        QCOMPARE(
            runTool(till, { QStringLiteral("stock"), QStringLiteral("3"), QStringLiteral("1") })
                .output.trimmed(),
            QStringLiteral("100"));
        // The token is not in the cache in clear.
        QVERIFY(cacheScalar(
                    till, QStringLiteral("SELECT count(*) FROM settings WHERE value LIKE 'gcm1:%'"))
            == 1);

        // The server goes away; the store keeps selling.
        const quint16 port = server.port();
        server.kill();
        QCOMPARE(runTool(till,
                     { QStringLiteral("sell"), QStringLiteral("5"), QStringLiteral("--product"),
                         QStringLiteral("3"), QStringLiteral("--quantity"), QStringLiteral("2") })
                     .exitCode,
            0);
        const ToolRun offline = runTool(till, { QStringLiteral("sync-once") });
        QCOMPARE(offline.exitCode, 1);
        QVERIFY2(offline.output.contains(QStringLiteral("error=sync.offline")),
            qPrintable(offline.output));
        QCOMPARE(cacheScalar(
                     till, QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'pending'")),
            5);
        QCOMPARE(
            runTool(till, { QStringLiteral("stock"), QStringLiteral("3"), QStringLiteral("1") })
                .output.trimmed(),
            QStringLiteral("90"));

        // Back on the same address (the tablet keeps its server URL); the sales go through once.
        QVERIFY(server.start({ QStringLiteral("--port"), QString::number(port) }));
        QVERIFY(syncOnce(till));
        QVERIFY(syncOnce(till)); // a second cycle sends nothing again
        QCOMPARE(cacheScalar(till, QStringLiteral("SELECT count(*) FROM outbox")), 0);
        QCOMPARE(server.scalar(QStringLiteral("SELECT COUNT(*) FROM events")), 5);
        QCOMPARE(server.scalar(QStringLiteral("SELECT COUNT(*) FROM sales")), 5);
        QCOMPARE(server.scalar(QStringLiteral(
                     "SELECT quantity FROM stock WHERE product_id = 3 AND location_id = 1")),
            90);

        // The other store's tablet sees Amsterdam's new figure.
        QVERIFY(syncOnce(other));
        QCOMPARE(
            runTool(other, { QStringLiteral("stock"), QStringLiteral("3"), QStringLiteral("1") })
                .output.trimmed(),
            QStringLiteral("90"));
        QCOMPARE(
            runTool(other, { QStringLiteral("stock"), QStringLiteral("3"), QStringLiteral("2") })
                .output.trimmed(),
            QStringLiteral("100"));
    }

    void tabletKilledMidPushLosesAndDoublesNothing()
    {
        ServerFixture server;
        QVERIFY(server.seed(5));
        QVERIFY(server.start());
        const QString till = cache(QStringLiteral("killed-till"));
        QVERIFY(enrol(server, till, QStringLiteral("AMS01"), server.url(QString()).toString()));
        QVERIFY(syncOnce(till));
        constexpr int sales = 600;
        QCOMPARE(runTool(till,
                     { QStringLiteral("sell"), QString::number(sales), QStringLiteral("--product"),
                         QStringLiteral("2") })
                     .exitCode,
            0);

        // Kill on the first acknowledged batch: later batches are in flight or queued, and the
        // kill may land between the server's commit and the tablet's outbox delete.
        int kills = 0;
        for (int round = 0; round < 3; ++round) {
            QProcess tool;
            tool.setProcessChannelMode(QProcess::MergedChannels);
            tool.start(synctool(),
                { QStringLiteral("--cache"), till, QStringLiteral("sync-once"),
                    QStringLiteral("--batch"), QStringLiteral("10") });
            QVERIFY(tool.waitForStarted());
            QByteArray seen;
            QDeadlineTimer deadline(60000);
            while (!seen.contains("pushed") && !deadline.hasExpired()
                && tool.state() == QProcess::Running) {
                tool.waitForReadyRead(50);
                seen += tool.readAll();
            }
            if (tool.state() == QProcess::Running) {
                tool.kill();
                ++kills;
            }
            tool.waitForFinished(5000);
        }
        QVERIFY(kills >= 1);
        const qint64 left = cacheScalar(till, QStringLiteral("SELECT count(*) FROM outbox"));
        QVERIFY2(left > 0 && left < sales, qPrintable(QString::number(left)));

        QVERIFY(syncOnce(till));
        QCOMPARE(cacheScalar(till, QStringLiteral("SELECT count(*) FROM outbox")), 0);
        QCOMPARE(server.scalar(QStringLiteral("SELECT COUNT(*) FROM events")), sales);
        QCOMPARE(
            server.scalar(QStringLiteral("SELECT COUNT(*) FROM events WHERE status = 'applied'")),
            sales);
        QCOMPARE(server.scalar(QStringLiteral("SELECT COUNT(*) FROM sales")), sales);
        QCOMPARE(server.scalar(QStringLiteral(
                     "SELECT quantity FROM stock WHERE product_id = 2 AND location_id = 1")),
            100 - sales);
        // And the tablet's own figure is the server's again after the pull.
        QCOMPARE(
            runTool(till, { QStringLiteral("stock"), QStringLiteral("2"), QStringLiteral("1") })
                .output.trimmed(),
            QString::number(100 - sales));
    }

    void answerLostAfterServerCommitIsNotDoubled()
    {
        // The peers' bug: the server applied the orders, its answer never reached the till, the
        // till sent them again and they were booked twice. Here the tablet dies (SIGKILL) exactly
        // after the server committed a batch and before the outbox forgot it, twice over.
        ServerFixture server;
        QVERIFY(server.seed(5));
        QVERIFY(server.start());
        const QString till = cache(QStringLiteral("lost-answer"));
        QVERIFY(enrol(server, till, QStringLiteral("AMS01"), server.url(QString()).toString()));
        QVERIFY(syncOnce(till));
        constexpr int sales = 30;
        QCOMPARE(runTool(till,
                     { QStringLiteral("sell"), QString::number(sales), QStringLiteral("--product"),
                         QStringLiteral("3") })
                     .exitCode,
            0);

        for (int round = 1; round <= 2; ++round) {
            QProcess tool;
            tool.setProcessChannelMode(QProcess::MergedChannels);
            tool.start(synctool(),
                { QStringLiteral("--cache"), till, QStringLiteral("sync-once"),
                    QStringLiteral("--batch"), QStringLiteral("10"),
                    QStringLiteral("--die-after-ack") });
            QVERIFY(tool.waitForFinished(60000));
            QCOMPARE(tool.exitStatus(), QProcess::CrashExit);
            // The server holds the first batch of this round; the tablet still has all of them
            // (it died before it could record the answer).
            QCOMPARE(server.scalar(QStringLiteral("SELECT COUNT(*) FROM events")), 10);
            QCOMPARE(cacheScalar(till, QStringLiteral("SELECT count(*) FROM outbox")), sales);
        }

        QVERIFY(syncOnce(till));
        QCOMPARE(cacheScalar(till, QStringLiteral("SELECT count(*) FROM outbox")), 0);
        QCOMPARE(server.scalar(QStringLiteral("SELECT COUNT(*) FROM events")), sales);
        QCOMPARE(server.scalar(QStringLiteral("SELECT COUNT(*) FROM sales")), sales);
        QCOMPARE(server.scalar(QStringLiteral(
                     "SELECT quantity FROM stock WHERE product_id = 3 AND location_id = 1")),
            100 - sales);
    }

    void twoSyncProcessesOnOneQueueDoubleNothing()
    {
        // The peers' other duplicate: two tabs pushing the same queue. Two sync processes work
        // one tablet cache at the same time; the server's event ids make the overlap harmless.
        ServerFixture server;
        QVERIFY(server.seed(5));
        QVERIFY(server.start());
        const QString till = cache(QStringLiteral("two-tabs"));
        QVERIFY(enrol(server, till, QStringLiteral("AMS01"), server.url(QString()).toString()));
        QVERIFY(syncOnce(till));
        constexpr int sales = 200;
        QCOMPARE(runTool(till,
                     { QStringLiteral("sell"), QString::number(sales), QStringLiteral("--product"),
                         QStringLiteral("4") })
                     .exitCode,
            0);

        QProcess first;
        QProcess second;
        for (QProcess *tool : { &first, &second }) {
            tool->setProcessChannelMode(QProcess::MergedChannels);
            tool->start(synctool(),
                { QStringLiteral("--cache"), till, QStringLiteral("sync-once"),
                    QStringLiteral("--batch"), QStringLiteral("20") });
        }
        QVERIFY(first.waitForFinished(120000));
        QVERIFY(second.waitForFinished(120000));
        // Either may lose a race for the cache's write lock and report it; a last sync settles.
        QVERIFY(syncOnce(till));
        QCOMPARE(cacheScalar(till, QStringLiteral("SELECT count(*) FROM outbox")), 0);
        QCOMPARE(server.scalar(QStringLiteral("SELECT COUNT(*) FROM events")), sales);
        QCOMPARE(server.scalar(QStringLiteral("SELECT COUNT(*) FROM sales")), sales);
        QCOMPARE(server.scalar(QStringLiteral(
                     "SELECT quantity FROM stock WHERE product_id = 4 AND location_id = 1")),
            100 - sales);
    }

    void twoTabletsThroughHaproxyToTwoInstances()
    {
        if (!ServerFixture::wantsPostgres())
            QSKIP("several instances share one database only on PostgreSQL");
        if (!QFile::exists(QStringLiteral("/usr/sbin/haproxy")))
            QSKIP("haproxy is not installed (packaging/install-deps.sh)");
        ServerFixture server;
        QVERIFY(server.seed(5));
        QVERIFY(server.start());
        QVERIFY(server.startExtraInstance() != 0);
        // TCP mode: TLS passes through, so tablets verify the servers' own certificate with the
        // chain CA exactly as without a balancer.
        const quint16 front = server.startHaproxy();
        QVERIFY(front != 0);

        const QString url = QStringLiteral("https://127.0.0.1:%1").arg(front);
        const QString tillA = cache(QStringLiteral("lb-a"));
        const QString tillB = cache(QStringLiteral("lb-b"));
        QVERIFY(enrol(server, tillA, QStringLiteral("AMS01"), url));
        QVERIFY(enrol(server, tillB, QStringLiteral("AMS01"), url));
        QVERIFY(syncOnce(tillA));
        QVERIFY(syncOnce(tillB));
        constexpr int perTablet = 300;
        QCOMPARE(runTool(tillA,
                     { QStringLiteral("sell"), QString::number(perTablet),
                         QStringLiteral("--product"), QStringLiteral("1") })
                     .exitCode,
            0);
        QCOMPARE(runTool(tillB,
                     { QStringLiteral("sell"), QString::number(perTablet),
                         QStringLiteral("--product"), QStringLiteral("1") })
                     .exitCode,
            0);

        // Both push at once, small batches so they interleave on both instances and contend for
        // the same stock row.
        QProcess a;
        QProcess b;
        for (QProcess *tool : { &a, &b }) {
            tool->setProcessChannelMode(QProcess::MergedChannels);
            tool->start(synctool(),
                { QStringLiteral("--cache"), tool == &a ? tillA : tillB,
                    QStringLiteral("sync-once"), QStringLiteral("--batch"), QStringLiteral("20") });
        }
        QVERIFY(a.waitForFinished(120000));
        QVERIFY(b.waitForFinished(120000));
        QVERIFY2(a.exitCode() == 0, a.readAll().constData());
        QVERIFY2(b.exitCode() == 0, b.readAll().constData());

        QCOMPARE(server.scalar(QStringLiteral("SELECT COUNT(*) FROM events")), 2 * perTablet);
        QCOMPARE(server.scalar(QStringLiteral("SELECT COUNT(*) FROM sales")), 2 * perTablet);
        QCOMPARE(server.scalar(QStringLiteral(
                     "SELECT quantity FROM stock WHERE product_id = 1 AND location_id = 1")),
            100 - 2 * perTablet);
        // Both instances served traffic.
        QVERIFY(server.scalar(QStringLiteral("SELECT COUNT(DISTINCT device_id) FROM events")) == 2);
        QVERIFY(syncOnce(tillA));
        QCOMPARE(
            runTool(tillA, { QStringLiteral("stock"), QStringLiteral("1"), QStringLiteral("1") })
                .output.trimmed(),
            QString::number(100 - 2 * perTablet));
    }
};

QTEST_GUILESS_MAIN(TestEndToEnd)
#include "tst_e2e.moc"
