#include "app/services/checkoutservice.h"
#include "app/services/terminal.h"
#include "app/store/localdatabase.h"
#include "app/store/salesledger.h"
#include "tests/support/testcache.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Toonbank;
using namespace Toonbank::Tests;

/// A sale is written in one transaction: a process killed with SIGKILL at any moment between
/// "pay" and "done" leaves either the whole sale or none of it.
class TestSaleCrash final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static qint64 scalar(Store::LocalDatabase &db, const QString &sql)
    {
        QSqlQuery q(db.connection());
        if (!q.exec(sql) || !q.next())
            return -1;
        return q.value(0).toLongLong();
    }

    /// Every sale complete, nothing orphaned, journal chain intact. Returns the sale count.
    static int verifyWholeSales(const QString &path)
    {
        auto terminal = Services::Terminal::open(path);
        if (!terminal) {
            qWarning("cannot open: %s", qPrintable(terminal.error().message));
            return -1;
        }
        Store::LocalDatabase &db = terminal.value()->database();
        const qint64 sales = scalar(db, QStringLiteral("SELECT count(*) FROM sales"));
        auto expect = [&](const char *what, qint64 value, qint64 wanted) {
            if (value != wanted)
                qWarning("%s: %lld, expected %lld", what, value, wanted);
            return value == wanted;
        };
        bool ok = true;
        ok &= expect(
            "lines", scalar(db, QStringLiteral("SELECT count(*) FROM sale_lines")), sales * 2);
        ok &= expect(
            "vat rows", scalar(db, QStringLiteral("SELECT count(*) FROM sale_vat")), sales * 2);
        ok &= expect(
            "payments", scalar(db, QStringLiteral("SELECT count(*) FROM sale_payments")), sales);
        ok &= expect("outbox", scalar(db, QStringLiteral("SELECT count(*) FROM outbox")), sales);
        ok &= expect("journal", scalar(db, QStringLiteral("SELECT count(*) FROM journal")), sales);
        ok &= expect("sales without lines",
            scalar(db,
                QStringLiteral("SELECT count(*) FROM sales s WHERE NOT EXISTS "
                               "(SELECT 1 FROM sale_lines l WHERE l.sale_id = s.id)")),
            0);
        ok &= expect("vat not adding up",
            scalar(db,
                QStringLiteral("SELECT count(*) FROM sales s WHERE total_cents <> "
                               "(SELECT sum(gross_cents) FROM sale_vat v WHERE v.sale_id = s.id)")),
            0);
        ok &= expect("outbox without its sale",
            scalar(db,
                QStringLiteral(
                    "SELECT count(*) FROM outbox o WHERE NOT EXISTS (SELECT 1 FROM sales s "
                    "WHERE instr(o.payload, s.receipt_number) > 0)")),
            0);
        ok &= expect("receipt counter",
            qMax<qint64>(0,
                scalar(db,
                    QStringLiteral("SELECT coalesce(max(value), 0) FROM counters "
                                   "WHERE name = 'receipt'"))),
            sales);
        ok &= expect("stock here",
            scalar(db,
                QStringLiteral(
                    "SELECT quantity FROM stock WHERE product_id = 100 AND location_id = 1")),
            7 - sales);
        const Core::Status journal = terminal.value()->checkout().ledger().verifyJournal();
        if (!journal)
            qWarning("journal: %s", qPrintable(journal.error().message));
        ok &= journal.ok();
        return ok ? int(sales) : -1;
    }

    QString freshCache(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        const QString failure = TestCache::create(path);
        if (!failure.isEmpty())
            qWarning("%s", qPrintable(failure));
        return path;
    }

private slots:
    void killedRightBeforeCommitLeavesNoTrace()
    {
        const QString path = freshCache(QStringLiteral("pause.sqlite"));
        QProcess child;
        child.start(QStringLiteral(SALECRASH_HELPER),
            { path, QStringLiteral("pause"), QStringLiteral("3") });
        QVERIFY(child.waitForStarted());
        QByteArray output;
        QTRY_VERIFY_WITH_TIMEOUT(
            (output += child.readAllStandardOutput()).contains("PAUSED"), 30000);
        QCOMPARE(output.count("DONE"), 3);
        child.kill(); // SIGKILL: no destructor, no rollback, no flush
        QVERIFY(child.waitForFinished());
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        QCOMPARE(verifyWholeSales(path), 3);
    }

    void killedAtRandomMomentsKeepsWholeSales()
    {
        const QString path = freshCache(QStringLiteral("random.sqlite"));
        int confirmed = 0;
        for (int round = 0; round < 6; ++round) {
            QProcess child;
            child.start(QStringLiteral(SALECRASH_HELPER), { path, QStringLiteral("loop") });
            QVERIFY(child.waitForStarted());
            QByteArray output;
            QTRY_VERIFY_WITH_TIMEOUT(
                (output += child.readAllStandardOutput()).contains("DONE"), 30000);
            QTest::qWait(int(QRandomGenerator::global()->bounded(20, 400)));
            child.kill();
            QVERIFY(child.waitForFinished());
            output += child.readAllStandardOutput();
            confirmed += int(output.count("DONE"));
            const int sales = verifyWholeSales(path);
            QVERIFY2(sales >= 0, "a sale was left half written");
            // Everything the app reported done is on disk (synchronous=FULL before "done").
            QVERIFY2(sales >= confirmed,
                qPrintable(QStringLiteral("%1 sales, %2 confirmed").arg(sales).arg(confirmed)));
            QVERIFY(sales <= confirmed + round + 1);
            confirmed = sales;
        }
    }
};

QTEST_GUILESS_MAIN(TestSaleCrash)
#include "tst_salecrash.moc"
