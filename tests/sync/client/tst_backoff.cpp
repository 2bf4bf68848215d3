#include "sync/client/backoff.h"

#include <QtTest>

using Toonbank::Sync::Client::Backoff;

class TestBackoff final : public QObject
{
    Q_OBJECT
private slots:
    void doublesUpToTheCapWithJitter()
    {
        Backoff top(500, 8000, [] { return 0.999999; });
        QList<int> delays;
        for (int i = 0; i < 7; ++i)
            delays.append(top.nextDelayMs());
        QCOMPARE(delays, (QList<int> { 499, 999, 1999, 3999, 7999, 7999, 7999 }));
        Backoff bottom(500, 8000, [] { return 0.0; });
        QCOMPARE(bottom.nextDelayMs(), 0);
        top.reset();
        QCOMPARE(top.failures(), 0);
        QCOMPARE(top.nextDelayMs(), 499);
    }
};

QTEST_GUILESS_MAIN(TestBackoff)
#include "tst_backoff.moc"
