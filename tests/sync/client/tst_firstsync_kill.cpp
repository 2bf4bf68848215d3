// A first sync from a snapshot survives SIGKILL (docs/STOCK.md §2 "Tablet"): the real
// toonbank-synctool runs `sync-once` on a fresh enrolled cache against a local server that
// speaks the snapshot endpoints, is killed as soon as it printed download or stage progress,
// and a second run completes without downloading from zero: the cache passes integrity_check,
// its catalog cursor is the snapshot's, and the product and stock counts equal the snapshot's.
// Meanwhile sales commit on the test's own connection to the same cache.
#include "snapshotfixture.h"

#include "app/store/feedcursors.h"
#include "sync/client/deviceconfig.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <algorithm>

using namespace Toonbank;
using namespace Toonbank::Tests::SnapshotFixture;

class TestFirstSyncKill final : public QObject
{
    Q_OBJECT
private slots:
    void killedFirstSyncResumes()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Snapshot snapshot
            = buildSnapshot(dir.filePath(QStringLiteral("snapshot.sqlite")), 20000, 9000);
        QVERIFY(snapshot.products == 20000);
        qInfo() << "snapshot" << snapshot.bytes.size() << "bytes," << snapshot.manifest.rowCount
                << "rows";

        FakeServer server;
        server.file = snapshot.bytes;
        server.manifest = snapshot.manifest;
        server.staff.id = 5;
        server.staff.code = QStringLiteral("E1001");
        server.staff.displayName = QStringLiteral("Anna");
        server.staff.role = QStringLiteral("cashier");
        server.staff.homeLocationId = 1;
        server.staff.pinHash = QStringLiteral("pbkdf2$1$c2FsdA==$aGFzaA==");
        QVERIFY(server.listen());

        const QString cache = dir.filePath(QStringLiteral("tablet.sqlite"));
        auto db = Store::LocalDatabase::open(cache);
        QVERIFY(db);
        Sync::Client::DeviceConfig config;
        config.serverUrl = server.url();
        config.deviceId = QStringLiteral("dev-kill");
        config.token = QStringLiteral("token");
        config.caCertificatePem = QStringLiteral("none");
        config.locationId = 1;
        config.locationCode = QStringLiteral("AMS01");
        QVERIFY(config.save(*db.value()));

        const QString tool = qEnvironmentVariable("TOONBANK_TEST_BUILD_DIR")
            + QStringLiteral("/sync/client/synctool/toonbank-synctool");
        const QStringList arguments = { QStringLiteral("--cache"), cache,
            QStringLiteral("--timeout"), QStringLiteral("120"), QStringLiteral("sync-once") };

        // Run 1: killed at the first progress line of the snapshot's download or staging.
        QProcess first;
        QString firstOut;
        QString killedAfter;
        connect(&first, &QProcess::readyReadStandardOutput, this, [&] {
            firstOut += QString::fromUtf8(first.readAllStandardOutput());
            if (killedAfter.isEmpty()
                && (firstOut.contains(QLatin1String("snapshot download"))
                    || firstOut.contains(QLatin1String("snapshot stage")))) {
                killedAfter = firstOut.trimmed().section(QLatin1Char('\n'), -1);
                first.kill(); // SIGKILL
            }
        });
        first.start(tool, arguments);
        QVERIFY(first.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(first.state() == QProcess::NotRunning, 60000);
        QVERIFY2(!killedAfter.isEmpty(), qPrintable(firstOut));
        QCOMPARE(first.exitStatus(), QProcess::CrashExit);
        const qsizetype rangesBefore = server.rangeStarts.size();
        qInfo() << "killed after" << killedAfter << "having served" << server.bytesServed
                << "bytes in" << rangesBefore << "ranges";
        QVERIFY(server.bytesServed > 0);
        QCOMPARE(Store::FeedCursors(*db.value()).cursor(Store::FeedCursors::catalog).value(), 0);

        // Run 2, with sales on this connection every 20 ms meanwhile.
        QList<qint64> commitMs;
        int saleNo = 0;
        QTimer sales;
        connect(&sales, &QTimer::timeout, this, [&] {
            QElapsedTimer took;
            took.start();
            const Core::Status done = db.value()->durableTransaction([&]() -> Core::Status {
                QSqlQuery q(db.value()->connection());
                q.prepare(QStringLiteral("INSERT INTO outbox(event_id, type, staff_id, "
                                         "occurred_at, payload) VALUES(?, 'probe', 1, ?, '{}')"));
                q.addBindValue(QStringLiteral("probe-%1").arg(++saleNo));
                q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
                if (!q.exec())
                    return Core::Error::make(QStringLiteral("x"), {}, q.lastError().text());
                q.prepare(QStringLiteral("DELETE FROM outbox WHERE event_id = ?"));
                q.addBindValue(QStringLiteral("probe-%1").arg(saleNo));
                q.exec();
                return Core::success();
            });
            commitMs.append(took.elapsed());
            QVERIFY(done.ok());
        });
        QProcess second;
        QString secondOut;
        connect(&second, &QProcess::readyReadStandardOutput, this,
            [&] { secondOut += QString::fromUtf8(second.readAllStandardOutput()); });
        sales.start(20);
        second.start(tool, arguments);
        QVERIFY(second.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(second.state() == QProcess::NotRunning, 120000);
        sales.stop();
        secondOut += QString::fromUtf8(second.readAllStandardOutput());
        QVERIFY2(second.exitStatus() == QProcess::NormalExit && second.exitCode() == 0,
            qPrintable(secondOut + QString::fromUtf8(second.readAllStandardError())));
        QVERIFY2(secondOut.contains(QLatin1String("snapshot done at cursor 9000")),
            qPrintable(secondOut));

        // Not from zero: either the download went on where the part file ended, or it was
        // complete and only staging went on.
        const QList<qint64> later = server.rangeStarts.mid(rangesBefore);
        qInfo() << "second run asked ranges from" << later;
        QVERIFY(later.isEmpty() || later.first() > 0);
        QVERIFY(!later.contains(0));
        QVERIFY(server.bytesServed < 2 * qint64(snapshot.bytes.size()));

        Store::LocalDatabase &tablet = *db.value();
        QCOMPARE(text(tablet, QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
        QCOMPARE(Store::FeedCursors(tablet).cursor(Store::FeedCursors::catalog).value(), 9000);
        QCOMPARE(count(tablet, QStringLiteral("SELECT count(*) FROM products")), snapshot.products);
        QCOMPARE(count(tablet, QStringLiteral("SELECT count(*) FROM stock")), snapshot.stock);
        QCOMPARE(count(tablet, QStringLiteral("SELECT count(*) FROM barcodes")), snapshot.barcodes);
        QCOMPARE(text(tablet, QStringLiteral("SELECT code FROM staff WHERE id = 5")),
            QStringLiteral("E1001"));
        QVERIFY(!QFile::exists(SnapshotLoader::partPath(cache)));

        QVERIFY(!commitMs.isEmpty());
        std::sort(commitMs.begin(), commitMs.end());
        qInfo() << commitMs.size() << "sale commits during the resumed first sync: median"
                << commitMs.at(commitMs.size() / 2) << "ms, p99"
                << commitMs.at(qMin<qsizetype>(commitMs.size() - 1, commitMs.size() * 99 / 100))
                << "ms, worst" << commitMs.last() << "ms";
        QVERIFY2(commitMs.last() <= 400,
            qPrintable(QStringLiteral("worst sale commit %1 ms").arg(commitMs.last())));
    }
};

QTEST_GUILESS_MAIN(TestFirstSyncKill)
#include "tst_firstsync_kill.moc"
