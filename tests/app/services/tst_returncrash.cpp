// Exactly once with money across a crash, for returns: a child process refunds a card sale by a
// nexo Reversal against the real toonbank-terminal-sim process and is SIGKILLed (after the
// terminal approved the reversal and before the return's commit; after the pending refund part
// was written and before the request left). A second child recovers. Afterwards the terminal
// made exactly one reversal of the refund's amount, the ledger holds one return with one outbox
// event, the journal verifies and the database is intact.
#include "app/services/saleservice.h"
#include "app/services/terminal.h"
#include "app/store/localdatabase.h"
#include "app/store/salesledger.h"
#include "tests/support/terminalsimprocess.h"
#include "tests/support/testcache.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Toonbank;
using namespace Toonbank::Tests;

class TestReturnCrash final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    TerminalSimProcess m_sim;

    static QVariant value(Store::LocalDatabase &db, const QString &sql)
    {
        QSqlQuery q(db.connection());
        if (!q.exec(sql) || !q.next())
            return {};
        return q.value(0);
    }

    QByteArray runChild(const QStringList &args, QProcess::ExitStatus *status)
    {
        QProcess child;
        QStringList all { args.first(), m_sim.endpoint().toString() };
        all += args.mid(1);
        child.start(QStringLiteral(RETURNCRASH_HELPER), all);
        if (!child.waitForStarted() || !child.waitForFinished(60000)) {
            child.kill();
            child.waitForFinished();
            qWarning("child %s did not finish", qPrintable(args.value(1)));
        }
        *status = child.exitStatus();
        const QByteArray errors = child.readAllStandardError();
        if (!errors.isEmpty())
            qInfo("child %s stderr: %s", qPrintable(args.value(1)), errors.right(2000).constData());
        return child.readAllStandardOutput();
    }

    QList<QJsonObject> reversals()
    {
        QList<QJsonObject> out;
        for (const QJsonValue &t : m_sim.transactions()) {
            if (t.toObject().value(QStringLiteral("kind")).toString() == QLatin1String("reversal"))
                out.append(t.toObject());
        }
        return out;
    }

private slots:
    void initTestCase() { QVERIFY(m_sim.start()); }

    void killedAndRecovered_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<int>("reversalsAtKill");
        QTest::addColumn<QString>("partStateAtKill");
        QTest::newRow("reversal approved, killed before the return commit")
            << "approved" << 1 << "done";
        QTest::newRow("part written, killed before the request left") << "unsent" << 0 << "pending";
    }

    void killedAndRecovered()
    {
        QFETCH(QString, mode);
        QFETCH(int, reversalsAtKill);
        QFETCH(QString, partStateAtKill);
        QVERIFY(m_sim.reset());
        const QString path = m_dir.filePath(mode + QStringLiteral(".sqlite"));
        const QString failure = TestCache::create(path);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));

        QProcess::ExitStatus status = QProcess::NormalExit;
        const QByteArray sold = runChild({ path, QStringLiteral("sell") }, &status);
        QVERIFY2(sold.startsWith("SOLD "), sold.constData());
        const QString receipt = QString::fromUtf8(sold.mid(5).trimmed());
        QCOMPARE(m_sim.approvedPayments(), 1);

        const QByteArray killed = runChild({ path, mode, receipt }, &status);
        QVERIFY2(killed.contains("KILLED"), killed.constData());
        QCOMPARE(status, QProcess::CrashExit);
        QCOMPARE(reversals().size(), reversalsAtKill);
        {
            // After the kill: no return; the part durable with its ServiceID.
            auto terminal = Services::Terminal::open(path);
            QVERIFY(terminal);
            Store::LocalDatabase &db = terminal.value()->database();
            QCOMPARE(value(db, QStringLiteral("SELECT count(*) FROM returns")).toInt(), 0);
            QCOMPARE(value(db, QStringLiteral("SELECT state FROM refund_parts")).toString(),
                partStateAtKill);
            const QString serviceId
                = value(db, QStringLiteral("SELECT service_id FROM refund_parts")).toString();
            QVERIFY(!serviceId.isEmpty());
            if (reversalsAtKill > 0)
                QCOMPARE(
                    reversals().first().value(QStringLiteral("serviceId")).toString(), serviceId);
        }

        const QByteArray recovered = runChild({ path, QStringLiteral("recover") }, &status);
        QCOMPARE(status, QProcess::NormalExit);
        QVERIFY2(recovered.contains("RECOVERED"), recovered.constData());
        const QByteArray again = runChild({ path, QStringLiteral("recover") }, &status);
        QVERIFY2(again.contains("NONE"), again.constData());

        auto terminal = Services::Terminal::open(path);
        QVERIFY(terminal);
        Store::LocalDatabase &db = terminal.value()->database();
        // Exactly one reversal, of exactly the jeans' paid share.
        QCOMPARE(reversals().size(), 1);
        QCOMPARE(reversals().first().value(QStringLiteral("amountCents")).toInteger(), 8995);
        QCOMPARE(reversals().first().value(QStringLiteral("state")).toString(),
            QStringLiteral("approved"));
        QCOMPARE(value(db, QStringLiteral("SELECT count(*) FROM returns")).toInt(), 1);
        QCOMPARE(value(db, QStringLiteral("SELECT total_cents FROM returns")).toLongLong(), 8995);
        QCOMPARE(value(db, QStringLiteral("SELECT reference FROM return_refunds")).toString(),
            reversals().first().value(QStringLiteral("poiTransactionId")).toString());
        QCOMPARE(
            value(db, QStringLiteral("SELECT count(*) FROM outbox WHERE type = 'return'")).toInt(),
            1);
        QCOMPARE(value(db, QStringLiteral("SELECT amount_cents FROM journal WHERE kind = 'return'"))
                     .toLongLong(),
            -8995);
        QCOMPARE(value(db, QStringLiteral("SELECT returned_quantity FROM sale_lines")).toInt(), 1);
        QCOMPARE(value(db, QStringLiteral("SELECT refunded_cents FROM sale_payments")).toLongLong(),
            8995);
        QCOMPARE(
            value(db, QStringLiteral("SELECT count(*) FROM refund_sessions WHERE state = 'open'"))
                .toInt(),
            0);
        QCOMPARE(
            value(db, QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
        QVERIFY(terminal.value()->sale().ledger().verifyJournal());
    }
};

QTEST_GUILESS_MAIN(TestReturnCrash)
#include "tst_returncrash.moc"
