// A shift step is written in one transaction with its outbox event and journal entry: a
// process SIGKILLed right before the COMMIT of an open, a cash movement or a close leaves none of
// it. After the crash the shift is as it was before the step (a killed close leaves it open, no
// Z number drawn), the journal chain is intact, and the step can be done again (the next close
// gets Z 1: no gap).
#include "app/services/session.h"
#include "app/services/shiftservice.h"
#include "app/services/terminal.h"
#include "app/store/localdatabase.h"
#include "app/store/salesledger.h"
#include "tests/support/testcache.h"

#include <QDeadlineTimer>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Toonbank;
using namespace Toonbank::Tests;

class TestShiftCrash final : public QObject
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

    QString freshCache(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        const QString failure = TestCache::create(path);
        if (!failure.isEmpty())
            qWarning("%s", qPrintable(failure));
        return path;
    }

    // Runs the helper until it pauses before the COMMIT of `step`, then kills it.
    QByteArray killBeforeCommit(const QString &path, const QString &step)
    {
        QProcess child;
        child.start(QStringLiteral(SHIFTCRASH_HELPER), { path, step });
        if (!child.waitForStarted())
            return {};
        QByteArray output;
        QDeadlineTimer deadline(30000);
        while (!output.contains("PAUSED") && !deadline.hasExpired()
            && child.state() == QProcess::Running) {
            child.waitForReadyRead(200);
            output += child.readAllStandardOutput();
        }
        if (!output.contains("PAUSED"))
            qWarning("the helper did not pause: %s", child.readAllStandardError().constData());
        child.kill(); // SIGKILL: no destructor, no rollback, no flush
        child.waitForFinished();
        if (child.exitStatus() != QProcess::CrashExit)
            qWarning("the helper was not killed: %s", child.readAllStandardError().constData());
        return output;
    }

    // The journal kinds and outbox types in order, and the chain intact.
    static QStringList trail(Store::LocalDatabase &db)
    {
        QStringList kinds;
        QSqlQuery q(db.connection());
        q.exec(QStringLiteral("SELECT kind FROM journal ORDER BY seq"));
        while (q.next())
            kinds.append(q.value(0).toString());
        QStringList types;
        q.exec(QStringLiteral("SELECT type FROM outbox ORDER BY device_seq"));
        while (q.next())
            types.append(q.value(0).toString());
        if (types != kinds)
            qWarning("outbox %s / journal %s", qPrintable(types.join(QLatin1Char(','))),
                qPrintable(kinds.join(QLatin1Char(','))));
        const Core::Status chain = Store::SalesLedger(db).verifyJournal();
        if (!chain)
            kinds.append(QStringLiteral("BROKEN: ") + chain.error().message);
        return kinds;
    }

private slots:
    void killedBeforeTheOpenCommitsLeavesNoShift()
    {
        const QString path = freshCache(QStringLiteral("open.sqlite"));
        const QByteArray output = killBeforeCommit(path, QStringLiteral("open"));
        QVERIFY(output.contains("PAUSED"));
        QVERIFY(!output.contains("DONE"));
        auto terminal = Services::Terminal::open(path);
        QVERIFY(terminal);
        Store::LocalDatabase &db = terminal.value()->database();
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM shifts")), 0);
        QCOMPARE(trail(db), QStringList());
        QVERIFY(terminal.value()->session().logIn(TestCache::managerId, QStringLiteral("3333")));
        QVERIFY(terminal.value()->shifts().open({}));
    }

    void killedBeforeAMovementCommitsLeavesTheDrawerAsItWas()
    {
        const QString path = freshCache(QStringLiteral("move.sqlite"));
        const QByteArray output = killBeforeCommit(path, QStringLiteral("move"));
        QVERIFY(output.contains("PAUSED"));
        QVERIFY(output.contains("DONE sale"));
        QVERIFY(!output.contains("DONE move"));
        auto terminal = Services::Terminal::open(path);
        QVERIFY(terminal);
        Store::LocalDatabase &db = terminal.value()->database();
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM cash_movements")), 0);
        QCOMPARE(
            trail(db), QStringList({ QStringLiteral("shift_opened"), QStringLiteral("sale") }));
        QVERIFY(terminal.value()->session().logIn(TestCache::managerId, QStringLiteral("3333")));
        // € 50 float + € 89,95 sold for cash.
        QCOMPARE(terminal.value()->shifts().expectedCash().value(), Core::Money::fromCents(13995));
    }

    void killedBeforeTheCloseCommitsLeavesTheShiftOpen()
    {
        const QString path = freshCache(QStringLiteral("close.sqlite"));
        const QByteArray output = killBeforeCommit(path, QStringLiteral("close"));
        QVERIFY(output.contains("PAUSED"));
        QVERIFY(output.contains("DONE move"));
        QVERIFY(!output.contains("DONE close"));

        auto terminal = Services::Terminal::open(path);
        QVERIFY(terminal);
        Store::LocalDatabase &db = terminal.value()->database();
        QCOMPARE(scalar(db,
                     QStringLiteral("SELECT count(*) FROM shifts WHERE state = 'open' "
                                    "AND z_number = 0 AND closed_at = '' "
                                    "AND report_json = ''")),
            1);
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM shifts")), 1);
        const QStringList before { QStringLiteral("shift_opened"), QStringLiteral("sale"),
            QStringLiteral("cash_movement") };
        QCOMPARE(trail(db), before);

        // After the restart the shift is still open with its figures, and closes as Z 1.
        Services::ShiftService &shifts = terminal.value()->shifts();
        QVERIFY(terminal.value()->session().logIn(TestCache::managerId, QStringLiteral("3333")));
        auto x = shifts.xReport();
        QVERIFY(x);
        QCOMPARE(x->totals.saleCount, 1);
        QCOMPARE(x->totals.expectedCash(), Core::Money::fromCents(15995));
        Core::CashCount counted;
        counted.pieces = { { 5000, 3 }, { 500, 2 } }; // € 160: 5 cents over
        auto z = shifts.close(counted, false);
        QVERIFY2(z, z ? "" : qPrintable(z.error().message));
        QCOMPARE(z->zNumber, 1);
        QCOMPARE(z->variance->variance(), Core::Money::fromCents(5));
        QCOMPARE(trail(db), before + QStringList { QStringLiteral("shift_closed") });
    }
};

QTEST_GUILESS_MAIN(TestShiftCrash)
#include "tst_shiftcrash.moc"
