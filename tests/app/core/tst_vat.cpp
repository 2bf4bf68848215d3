#include "app/core/vat.h"

#include <QTest>

using namespace Toonbank::Core;

class tst_Vat : public QObject
{
    Q_OBJECT

private slots:
    void builtInRate_data();
    void builtInRate();
    void unknownRate_data();
    void unknownRate();
    void customTable();
    void vatIncluded_data();
    void vatIncluded();
    void displayString_data();
    void displayString();
};

void tst_Vat::builtInRate_data()
{
    QTest::addColumn<QString>("country");
    QTest::addColumn<QString>("vatClass");
    QTest::addColumn<QDate>("date");
    QTest::addColumn<int>("basisPoints");

    const QDate today(2025, 6, 1);
    QTest::newRow("nl standard") << QStringLiteral("NL") << QStringLiteral("standard") << today
                                 << 2100;
    QTest::newRow("nl reduced") << QStringLiteral("NL") << QStringLiteral("reduced") << today
                                << 900;
    QTest::newRow("nl zero") << QStringLiteral("NL") << QStringLiteral("zero") << today << 0;
    QTest::newRow("nl intermediate is reduced")
        << QStringLiteral("NL") << QStringLiteral("intermediate") << today << 900;
    QTest::newRow("be standard") << QStringLiteral("BE") << QStringLiteral("standard") << today
                                 << 2100;
    QTest::newRow("be intermediate")
        << QStringLiteral("BE") << QStringLiteral("intermediate") << today << 1200;
    QTest::newRow("be reduced") << QStringLiteral("BE") << QStringLiteral("reduced") << today
                                << 600;
    QTest::newRow("be zero") << QStringLiteral("BE") << QStringLiteral("zero") << today << 0;
    // NL raised the reduced rate from 6 to 9 % on 1 January 2019.
    QTest::newRow("nl reduced 2018-12-31")
        << QStringLiteral("NL") << QStringLiteral("reduced") << QDate(2018, 12, 31) << 600;
    QTest::newRow("nl reduced 2019-01-01")
        << QStringLiteral("NL") << QStringLiteral("reduced") << QDate(2019, 1, 1) << 900;
    QTest::newRow("nl reduced 2015")
        << QStringLiteral("NL") << QStringLiteral("reduced") << QDate(2015, 3, 14) << 600;
    QTest::newRow("nl intermediate 2018-12-31")
        << QStringLiteral("NL") << QStringLiteral("intermediate") << QDate(2018, 12, 31) << 600;
    QTest::newRow("nl standard 2019-01-01 unchanged")
        << QStringLiteral("NL") << QStringLiteral("standard") << QDate(2019, 1, 1) << 2100;
    // NL raised the standard rate from 19 to 21 % on 1 October 2012.
    QTest::newRow("nl standard 2012-09-30")
        << QStringLiteral("NL") << QStringLiteral("standard") << QDate(2012, 9, 30) << 1900;
    QTest::newRow("nl standard 2012-10-01")
        << QStringLiteral("NL") << QStringLiteral("standard") << QDate(2012, 10, 1) << 2100;
    QTest::newRow("be reduced 2018")
        << QStringLiteral("BE") << QStringLiteral("reduced") << QDate(2018, 12, 31) << 600;
    QTest::newRow("far future") << QStringLiteral("NL") << QStringLiteral("reduced")
                                << QDate(2090, 1, 1) << 900;
}

void tst_Vat::builtInRate()
{
    QFETCH(QString, country);
    QFETCH(QString, vatClass);
    QFETCH(QDate, date);
    QFETCH(int, basisPoints);

    const Result<VatRate> rate = VatTable::builtIn().rateFor(country, vatClass, date);
    QVERIFY2(rate.ok(), qPrintable(rate ? QString() : rate.error().detail));
    QCOMPARE(rate->basisPoints, basisPoints);
    QCOMPARE(rate->vatClass, vatClass);
}

void tst_Vat::unknownRate_data()
{
    QTest::addColumn<QString>("country");
    QTest::addColumn<QString>("vatClass");
    QTest::addColumn<QDate>("date");

    const QDate today(2025, 6, 1);
    QTest::newRow("unknown country") << QStringLiteral("DE") << QStringLiteral("standard") << today;
    QTest::newRow("unknown class") << QStringLiteral("NL") << QStringLiteral("luxury") << today;
    QTest::newRow("empty class") << QStringLiteral("BE") << QString() << today;
    QTest::newRow("before any rule")
        << QStringLiteral("NL") << QStringLiteral("standard") << QDate(1990, 1, 1);
    QTest::newRow("invalid date") << QStringLiteral("NL") << QStringLiteral("standard") << QDate();
}

void tst_Vat::unknownRate()
{
    QFETCH(QString, country);
    QFETCH(QString, vatClass);
    QFETCH(QDate, date);

    const Result<VatRate> rate = VatTable::builtIn().rateFor(country, vatClass, date);
    QVERIFY(!rate.ok());
    QCOMPARE(rate.error().code, QStringLiteral("vat.unknown"));
    QVERIFY(!rate.error().message.isEmpty());
    QVERIFY(rate.error().message.contains(country));
}

void tst_Vat::customTable()
{
    // BE's 2026 move of some goods from 6 to 12 % is a new class row, not a code change.
    const VatTable table({
        VatRule {
            QStringLiteral("BE"), QStringLiteral("reduced"), 600, QDate(1996, 1, 1), QDate() },
        VatRule { QStringLiteral("BE"), QStringLiteral("takeaway"), 600, QDate(1996, 1, 1),
            QDate(2025, 12, 31) },
        VatRule {
            QStringLiteral("BE"), QStringLiteral("takeaway"), 1200, QDate(2026, 1, 1), QDate() },
    });
    QCOMPARE(table.rules().size(), 3);
    const auto basisPoints = [&table](const char *vatClass, QDate onDate) {
        const Result<VatRate> rate
            = table.rateFor(QStringLiteral("BE"), QLatin1String(vatClass), onDate);
        return rate ? rate->basisPoints : -1;
    };
    QCOMPARE(basisPoints("takeaway", QDate(2025, 12, 31)), 600);
    QCOMPARE(basisPoints("takeaway", QDate(2026, 1, 1)), 1200);
    QCOMPARE(basisPoints("reduced", QDate(2026, 1, 1)), 600);
    QCOMPARE(basisPoints("takeaway", QDate(1995, 12, 31)), -1);
    QVERIFY(
        !VatTable().rateFor(QStringLiteral("BE"), QStringLiteral("reduced"), QDate(2026, 1, 1)));
}

void tst_Vat::vatIncluded_data()
{
    QTest::addColumn<qint64>("gross");
    QTest::addColumn<int>("basisPoints");
    QTest::addColumn<qint64>("vat");

    // Expected values: gross * rate / (100 + rate), rounded half away from zero by hand.
    QTest::newRow("21% of 12.10") << qint64(1210) << 2100 << qint64(210);
    QTest::newRow("21% of 10.00") << qint64(1000) << 2100 << qint64(174); // 173.55
    QTest::newRow("21% of 0.05") << qint64(5) << 2100 << qint64(1); // 0.87
    QTest::newRow("21% of 0.02") << qint64(2) << 2100 << qint64(0); // 0.35
    QTest::newRow("21% of 0.03") << qint64(3) << 2100 << qint64(1); // 0.52
    QTest::newRow("9% of 10.90") << qint64(1090) << 900 << qint64(90);
    QTest::newRow("9% of 2.49") << qint64(249) << 900 << qint64(21); // 20.56
    QTest::newRow("6% of 10.60") << qint64(1060) << 600 << qint64(60);
    QTest::newRow("6% of 2.39") << qint64(239) << 600 << qint64(14); // 13.53
    QTest::newRow("12% of 0.14 half up") << qint64(14) << 1200 << qint64(2); // 1.5
    QTest::newRow("12% of 0.42 half up") << qint64(42) << 1200 << qint64(5); // 4.5
    QTest::newRow("12% of 0.28 exact") << qint64(28) << 1200 << qint64(3);
    QTest::newRow("100% of 0.01 half up") << qint64(1) << 10000 << qint64(1); // 0.5
    QTest::newRow("100% of 0.03 half up") << qint64(3) << 10000 << qint64(2); // 1.5
    QTest::newRow("0% of 99.99") << qint64(9999) << 0 << qint64(0);
    QTest::newRow("zero gross") << qint64(0) << 2100 << qint64(0);
    // Refunds mirror sales, half away from zero.
    QTest::newRow("21% of -10.00") << qint64(-1000) << 2100 << qint64(-174);
    QTest::newRow("21% of -0.02") << qint64(-2) << 2100 << qint64(0);
    QTest::newRow("12% of -0.14 half down") << qint64(-14) << 1200 << qint64(-2);
    QTest::newRow("12% of -0.42 half down") << qint64(-42) << 1200 << qint64(-5);
    QTest::newRow("100% of -0.01 half down") << qint64(-1) << 10000 << qint64(-1);
    QTest::newRow("9% of -4.98") << qint64(-498) << 900 << qint64(-41); // 41.12
    QTest::newRow("21% of 1 million euros") << qint64(100000000) << 2100 << qint64(17355372); // .90
}

void tst_Vat::vatIncluded()
{
    QFETCH(qint64, gross);
    QFETCH(int, basisPoints);
    QFETCH(qint64, vat);

    QCOMPARE(Toonbank::Core::vatIncluded(Money::fromCents(gross), basisPoints).cents(), vat);
}

void tst_Vat::displayString_data()
{
    QTest::addColumn<int>("basisPoints");
    QTest::addColumn<QString>("expected");

    QTest::newRow("21") << 2100 << QStringLiteral("21%");
    QTest::newRow("6") << 600 << QStringLiteral("6%");
    QTest::newRow("0") << 0 << QStringLiteral("0%");
    QTest::newRow("5.5") << 550 << QStringLiteral("5.5%");
    QTest::newRow("12.25") << 1225 << QStringLiteral("12.25%");
    QTest::newRow("0.05") << 5 << QStringLiteral("0.05%");
}

void tst_Vat::displayString()
{
    QFETCH(int, basisPoints);
    QFETCH(QString, expected);

    const VatRate rate { basisPoints, QStringLiteral("standard") };
    QCOMPARE(rate.toDisplayString(), expected);
}

QTEST_GUILESS_MAIN(tst_Vat)

#include "tst_vat.moc"
