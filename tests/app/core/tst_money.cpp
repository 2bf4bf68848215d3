#include "app/core/money.h"

#include <QTest>

using namespace Toonbank::Core;

class tst_Money : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void parseRejects_data();
    void parseRejects();
    void display_data();
    void display();
    void plainString_data();
    void plainString();
    void arithmetic();
};

void tst_Money::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("cents");

    QTest::newRow("whole euros") << QStringLiteral("12") << qint64(1200);
    QTest::newRow("one decimal") << QStringLiteral("12.5") << qint64(1250);
    QTest::newRow("two decimals dot") << QStringLiteral("12.50") << qint64(1250);
    QTest::newRow("two decimals comma") << QStringLiteral("12,50") << qint64(1250);
    QTest::newRow("negative") << QStringLiteral("-3.10") << qint64(-310);
    QTest::newRow("explicit plus") << QStringLiteral("+7,05") << qint64(705);
    QTest::newRow("cents only") << QStringLiteral("0.01") << qint64(1);
    QTest::newRow("leading point") << QStringLiteral(".5") << qint64(50);
    QTest::newRow("zero") << QStringLiteral("0") << qint64(0);
    QTest::newRow("surrounding spaces") << QStringLiteral("  4,99 ") << qint64(499);
    QTest::newRow("large") << QStringLiteral("1000000.99") << qint64(100000099);
}

void tst_Money::parse()
{
    QFETCH(QString, text);
    QFETCH(qint64, cents);

    const Result<Money> money = Money::parse(text);
    QVERIFY2(money.ok(), qPrintable(money ? QString() : money.error().detail));
    QCOMPARE(money->cents(), cents);
}

void tst_Money::parseRejects_data()
{
    QTest::addColumn<QString>("text");

    QTest::newRow("empty") << QString();
    QTest::newRow("spaces only") << QStringLiteral("   ");
    QTest::newRow("letters") << QStringLiteral("abc");
    QTest::newRow("trailing letter") << QStringLiteral("12a");
    QTest::newRow("three decimals") << QStringLiteral("1.234");
    QTest::newRow("sign only") << QStringLiteral("-");
    QTest::newRow("point only") << QStringLiteral(".");
    QTest::newRow("two separators") << QStringLiteral("1,2,3");
    QTest::newRow("inner space") << QStringLiteral("1 000");
    QTest::newRow("currency sign") << QStringLiteral("€5");
    QTest::newRow("double sign") << QStringLiteral("--5");
    QTest::newRow("out of range") << QStringLiteral("99999999999999999999");
}

void tst_Money::parseRejects()
{
    QFETCH(QString, text);

    const Result<Money> money = Money::parse(text);
    QVERIFY(!money.ok());
    QCOMPARE(money.error().code, QStringLiteral("money.invalid"));
    QVERIFY(!money.error().message.isEmpty());
}

void tst_Money::display_data()
{
    QTest::addColumn<qint64>("cents");
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("expected");

    const QLocale dutch(QLocale::Dutch, QLocale::Netherlands);
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    QTest::newRow("nl 12,50") << qint64(1250) << dutch << QStringLiteral("€ 12,50");
    QTest::newRow("nl zero") << qint64(0) << dutch << QStringLiteral("€ 0,00");
    QTest::newRow("nl cents") << qint64(5) << dutch << QStringLiteral("€ 0,05");
    QTest::newRow("nl thousands") << qint64(123456) << dutch << QStringLiteral("€ 1.234,56");
    QTest::newRow("nl negative") << qint64(-1250) << dutch << QStringLiteral("€ -12,50");
    QTest::newRow("en 12.50") << qint64(1250) << english << QStringLiteral("€12.50");
    QTest::newRow("en zero") << qint64(0) << english << QStringLiteral("€0.00");
    QTest::newRow("en thousands") << qint64(123456) << english << QStringLiteral("€1,234.56");
    QTest::newRow("en negative") << qint64(-310) << english << QStringLiteral("-€3.10");
    QTest::newRow("language only nl")
        << qint64(1250) << QLocale(QLocale::Dutch) << QStringLiteral("€ 12,50");
}

void tst_Money::display()
{
    QFETCH(qint64, cents);
    QFETCH(QLocale, locale);
    QFETCH(QString, expected);

    QCOMPARE(Money::fromCents(cents).toDisplayString(locale), expected);
}

void tst_Money::plainString_data()
{
    QTest::addColumn<qint64>("cents");
    QTest::addColumn<QString>("expected");

    QTest::newRow("positive") << qint64(1250) << QStringLiteral("12.50");
    QTest::newRow("zero") << qint64(0) << QStringLiteral("0.00");
    QTest::newRow("one cent") << qint64(1) << QStringLiteral("0.01");
    QTest::newRow("negative cents") << qint64(-5) << QStringLiteral("-0.05");
    QTest::newRow("negative") << qint64(-123456) << QStringLiteral("-1234.56");
}

void tst_Money::plainString()
{
    QFETCH(qint64, cents);
    QFETCH(QString, expected);

    QCOMPARE(Money::fromCents(cents).toPlainString(), expected);
    // The wire form reads back to the same amount.
    QCOMPARE(Money::parse(expected)->cents(), cents);
}

void tst_Money::arithmetic()
{
    const Money a = Money::fromCents(1999);
    const Money b = Money::fromCents(-500);
    QCOMPARE((a + b).cents(), 1499);
    QCOMPARE((a - b).cents(), 2499);
    QCOMPARE((-a).cents(), -1999);
    QCOMPARE((a * 3).cents(), 5997);
    QVERIFY(b.isNegative());
    QVERIFY(!a.isNegative());
    QVERIFY(Money().isZero());
    QVERIFY(b < a);
}

QTEST_GUILESS_MAIN(tst_Money)

#include "tst_money.moc"
