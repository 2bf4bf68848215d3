// Exactly once with money across a crash: a child process pays a sale by card against the real
// toonbank-terminal-sim process and is SIGKILLed (after the terminal approved and before the
// sale's commit; after the request left and before the answer). A second child recovers.
// Afterwards the terminal charged the sale's amount once, the ledger holds one sale with that
// card tender and one outbox event, and the database is intact.
#include "app/services/saleservice.h"
#include "app/services/terminal.h"
#include "app/store/localdatabase.h"
#include "app/store/salesledger.h"
#include "tests/support/terminalsimprocess.h"
#include "tests/support/testcache.h"

#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Toonbank;
using namespace Toonbank::Tests;

class TestPaymentCrash final : public QObject
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

    QByteArray runChild(const QString &path, const QString &mode, QProcess::ExitStatus *status)
    {
        QProcess child;
        child.start(
            QStringLiteral(PAYMENTCRASH_HELPER), { path, m_sim.endpoint().toString(), mode });
        if (!child.waitForStarted() || !child.waitForFinished(60000)) {
            child.kill();
            child.waitForFinished();
            qWarning("child %s did not finish", qPrintable(mode));
        }
        *status = child.exitStatus();
        const QByteArray errors = child.readAllStandardError();
        if (!errors.isEmpty())
            qInfo("child %s stderr: %s", qPrintable(mode), errors.right(2000).constData());
        return child.readAllStandardOutput();
    }

private slots:
    void initTestCase() { QVERIFY(m_sim.start()); }

    void killedAndRecovered_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("simAction");
        QTest::addColumn<QString>("pendingStateAfterKill");
        QTest::newRow("approved, killed before the sale commit") << "approved"
                                                                 << "approve"
                                                                 << "settled";
        QTest::newRow("request left, killed before the answer") << "in-flight"
                                                                << "lose_answer"
                                                                << "pending";
    }

    void killedAndRecovered()
    {
        QFETCH(QString, mode);
        QFETCH(QString, simAction);
        QFETCH(QString, pendingStateAfterKill);
        QVERIFY(m_sim.reset());
        QVERIFY(m_sim.queue(simAction));
        const QString path = m_dir.filePath(mode + QStringLiteral(".sqlite"));
        const QString failure = TestCache::create(path);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));

        QProcess::ExitStatus status = QProcess::NormalExit;
        const QByteArray paid = runChild(path, mode, &status);
        QVERIFY2(paid.contains("KILLED"), paid.constData());
        QCOMPARE(status, QProcess::CrashExit);
        QCOMPARE(m_sim.approvedPayments(), 1);

        {
            // After the kill: no sale, the tender durable with its ServiceID.
            auto terminal = Services::Terminal::open(path);
            QVERIFY(terminal);
            Store::LocalDatabase &db = terminal.value()->database();
            QCOMPARE(value(db, QStringLiteral("SELECT count(*) FROM sales")).toInt(), 0);
            QCOMPARE(value(db, QStringLiteral("SELECT state FROM payment_tenders")).toString(),
                pendingStateAfterKill);
            QCOMPARE(value(db, QStringLiteral("SELECT claim_id FROM payment_tenders")).toString(),
                m_sim.transactions()
                    .first()
                    .toObject()
                    .value(QStringLiteral("serviceId"))
                    .toString());
        }

        const QByteArray recovered = runChild(path, QStringLiteral("recover"), &status);
        QCOMPARE(status, QProcess::NormalExit);
        QVERIFY2(recovered.contains("RECOVERED"), recovered.constData());

        // A second start finds nothing left to do.
        const QByteArray again = runChild(path, QStringLiteral("recover"), &status);
        QVERIFY2(again.contains("NONE"), again.constData());

        auto terminal = Services::Terminal::open(path);
        QVERIFY(terminal);
        Store::LocalDatabase &db = terminal.value()->database();
        const QJsonObject charge = m_sim.transactions().first().toObject();
        const qint64 total
            = value(db, QStringLiteral("SELECT total_cents + rounding_cents FROM sales"))
                  .toLongLong();
        QCOMPARE(total, 9194);
        QCOMPARE(m_sim.approvedPayments(), 1);
        QCOMPARE(m_sim.chargedCents(), total);
        QCOMPARE(value(db, QStringLiteral("SELECT count(*) FROM sales")).toInt(), 1);
        QCOMPARE(value(db, QStringLiteral("SELECT count(*) FROM sale_payments")).toInt(), 1);
        QCOMPARE(value(db, QStringLiteral("SELECT method FROM sale_payments")).toString(),
            QStringLiteral("card"));
        QCOMPARE(value(db, QStringLiteral("SELECT claim_id FROM sale_payments")).toString(),
            charge.value(QStringLiteral("serviceId")).toString());
        QCOMPARE(value(db, QStringLiteral("SELECT reference FROM sale_payments")).toString(),
            charge.value(QStringLiteral("poiTransactionId")).toString());
        QCOMPARE(value(db, QStringLiteral("SELECT amount_cents FROM sale_payments")).toLongLong(),
            total);
        QCOMPARE(
            value(db, QStringLiteral("SELECT count(*) FROM outbox WHERE type = 'sale'")).toInt(),
            1);
        QCOMPARE(
            value(db, QStringLiteral("SELECT count(*) FROM journal WHERE kind = 'sale'")).toInt(),
            1);
        QCOMPARE(
            value(db,
                QStringLiteral("SELECT count(*) FROM payment_sessions WHERE state = 'completed'"))
                .toInt(),
            1);
        QCOMPARE(
            value(db, QStringLiteral("SELECT count(*) FROM payment_sessions WHERE state = 'open'"))
                .toInt(),
            0);
        QCOMPARE(
            value(db, QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
        QVERIFY(terminal.value()->sale().ledger().verifyJournal());
        QVERIFY(!terminal.value()->sale().isFrozen());
    }

    void killedBeforeTheRequestLeft()
    {
        // The pending tender is on disk but the terminal never saw the ServiceID: at the next
        // start TransactionStatus answers NotFound, the tender fails (nothing charged) and the
        // payment is open again for another try.
        QVERIFY(m_sim.reset());
        const QString path = m_dir.filePath(QStringLiteral("unsent.sqlite"));
        const QString failure = TestCache::create(path);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QProcess::ExitStatus status = QProcess::NormalExit;
        const QByteArray paid = runChild(path, QStringLiteral("unsent"), &status);
        QVERIFY2(paid.contains("KILLED"), paid.constData());
        QCOMPARE(status, QProcess::CrashExit);
        const QByteArray recovered = runChild(path, QStringLiteral("recover"), &status);
        QVERIFY2(recovered.contains("OPEN"), recovered.constData());
        QCOMPARE(m_sim.transactions().size(), 0);
        auto terminal = Services::Terminal::open(path);
        QVERIFY(terminal);
        Store::LocalDatabase &db = terminal.value()->database();
        QCOMPARE(value(db, QStringLiteral("SELECT state FROM payment_tenders")).toString(),
            QStringLiteral("failed"));
        QCOMPARE(value(db, QStringLiteral("SELECT count(*) FROM sales")).toInt(), 0);
        QCOMPARE(value(db, QStringLiteral("SELECT count(*) FROM outbox")).toInt(), 0);
        QCOMPARE(
            value(db, QStringLiteral("SELECT count(*) FROM payment_sessions WHERE state = 'open'"))
                .toInt(),
            1);
        QCOMPARE(
            value(db, QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
    }
};

QTEST_GUILESS_MAIN(TestPaymentCrash)
#include "tst_paymentcrash.moc"
