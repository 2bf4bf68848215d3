#include "app/core/clock.h"

#include <QTest>

using namespace Toonbank::Core;

class tst_Clock : public QObject
{
    Q_OBJECT

private slots:
    void fixedClock();
    void systemClock();
};

void tst_Clock::fixedClock()
{
    const QDateTime start(QDate(2026, 11, 29), QTime(10, 0), Qt::UTC);
    FixedClock clock(start);
    QCOMPARE(clock.nowUtc(), start);
    QCOMPARE(clock.nowLocal(), start.toLocalTime());
    QCOMPARE(clock.nowLocal().timeSpec(), Qt::LocalTime);
    clock.advanceSecs(90);
    QCOMPARE(clock.nowUtc(), start.addSecs(90));
    const QDateTime later(QDate(2027, 1, 1), QTime(0, 0), Qt::UTC);
    clock.set(later);
    QCOMPARE(clock.nowUtc(), later);
    const Clock &asBase = clock;
    QCOMPARE(asBase.nowUtc(), later);
}

void tst_Clock::systemClock()
{
    const SystemClock &clock = SystemClock::instance();
    QCOMPARE(&clock, &SystemClock::instance());
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const QDateTime now = clock.nowUtc();
    QVERIFY(now >= before);
    QVERIFY(now.secsTo(QDateTime::currentDateTimeUtc()) < 5);
    QCOMPARE(now.timeSpec(), Qt::UTC);
}

QTEST_GUILESS_MAIN(tst_Clock)

#include "tst_clock.moc"
