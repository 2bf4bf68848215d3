#include "app/core/cashrounding.h"

#include <QTest>

using namespace Toonbank::Core;

class tst_CashRounding : public QObject
{
    Q_OBJECT

private slots:
    void roundToFiveCents_data();
    void roundToFiveCents();
};

void tst_CashRounding::roundToFiveCents_data()
{
    QTest::addColumn<qint64>("cents");
    QTest::addColumn<qint64>("expected");

    // Every last digit, on a total that also has euros.
    QTest::newRow("12.40") << qint64(1240) << qint64(1240);
    QTest::newRow("12.41") << qint64(1241) << qint64(1240);
    QTest::newRow("12.42") << qint64(1242) << qint64(1240);
    QTest::newRow("12.43") << qint64(1243) << qint64(1245);
    QTest::newRow("12.44") << qint64(1244) << qint64(1245);
    QTest::newRow("12.45") << qint64(1245) << qint64(1245);
    QTest::newRow("12.46") << qint64(1246) << qint64(1245);
    QTest::newRow("12.47") << qint64(1247) << qint64(1245);
    QTest::newRow("12.48") << qint64(1248) << qint64(1250);
    QTest::newRow("12.49") << qint64(1249) << qint64(1250);
    // Rounding up across a euro boundary.
    QTest::newRow("9.98") << qint64(998) << qint64(1000);
    QTest::newRow("0.99") << qint64(99) << qint64(100);
    // Small amounts.
    QTest::newRow("zero") << qint64(0) << qint64(0);
    QTest::newRow("0.01") << qint64(1) << qint64(0);
    QTest::newRow("0.02") << qint64(2) << qint64(0);
    QTest::newRow("0.03") << qint64(3) << qint64(5);
    QTest::newRow("0.07") << qint64(7) << qint64(5);
    QTest::newRow("0.08") << qint64(8) << qint64(10);
    // Refunds round symmetrically: the customer gets what they would have paid.
    QTest::newRow("-12.40") << qint64(-1240) << qint64(-1240);
    QTest::newRow("-12.41") << qint64(-1241) << qint64(-1240);
    QTest::newRow("-12.42") << qint64(-1242) << qint64(-1240);
    QTest::newRow("-12.43") << qint64(-1243) << qint64(-1245);
    QTest::newRow("-12.44") << qint64(-1244) << qint64(-1245);
    QTest::newRow("-12.45") << qint64(-1245) << qint64(-1245);
    QTest::newRow("-12.46") << qint64(-1246) << qint64(-1245);
    QTest::newRow("-12.47") << qint64(-1247) << qint64(-1245);
    QTest::newRow("-12.48") << qint64(-1248) << qint64(-1250);
    QTest::newRow("-12.49") << qint64(-1249) << qint64(-1250);
    QTest::newRow("-0.01") << qint64(-1) << qint64(0);
    QTest::newRow("-0.99") << qint64(-99) << qint64(-100);
    QTest::newRow("large") << qint64(123456789) << qint64(123456790);
}

void tst_CashRounding::roundToFiveCents()
{
    QFETCH(qint64, cents);
    QFETCH(qint64, expected);

    const Money rounded = Toonbank::Core::roundToFiveCents(Money::fromCents(cents));
    QCOMPARE(rounded.cents(), expected);
    QCOMPARE(rounded.cents() % 5, 0);
    QVERIFY(qAbs(rounded.cents() - cents) <= 2);
}

QTEST_GUILESS_MAIN(tst_CashRounding)

#include "tst_cashrounding.moc"
