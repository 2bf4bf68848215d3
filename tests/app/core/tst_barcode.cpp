#include "app/core/barcode.h"

#include <QTest>

using namespace Toonbank::Core;

Q_DECLARE_METATYPE(Toonbank::Core::Barcode::Kind)

class tst_Barcode : public QObject
{
    Q_OBJECT

private slots:
    void parseValid_data();
    void parseValid();
    void parseInvalid_data();
    void parseInvalid();
    void longInputIsNotEchoed();
    void checkDigit_data();
    void checkDigit();
    void kindName();
};

void tst_Barcode::parseValid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Barcode::Kind>("kind");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("lookupKey");

    QTest::newRow("ean13") << QStringLiteral("4006381333931") << Barcode::Kind::Ean13
                           << QStringLiteral("4006381333931") << QStringLiteral("4006381333931");
    QTest::newRow("ean13 nl prefix")
        << QStringLiteral("8712345678906") << Barcode::Kind::Ean13
        << QStringLiteral("8712345678906") << QStringLiteral("8712345678906");
    QTest::newRow("ean13 check digit zero")
        << QStringLiteral("0000000000000") << Barcode::Kind::Ean13
        << QStringLiteral("0000000000000") << QStringLiteral("0000000000000");
    QTest::newRow("ean8") << QStringLiteral("96385074") << Barcode::Kind::Ean8
                          << QStringLiteral("96385074") << QStringLiteral("96385074");
    QTest::newRow("ean8 other") << QStringLiteral("73513537") << Barcode::Kind::Ean8
                                << QStringLiteral("73513537") << QStringLiteral("73513537");
    QTest::newRow("upc-a widened to ean13 key")
        << QStringLiteral("036000291452") << Barcode::Kind::UpcA << QStringLiteral("036000291452")
        << QStringLiteral("0036000291452");
    QTest::newRow("internal prefix 20")
        << QStringLiteral("2012345678903") << Barcode::Kind::Internal
        << QStringLiteral("2012345678903") << QStringLiteral("2012345678903");
    QTest::newRow("internal prefix 28")
        << QStringLiteral("2800000000004") << Barcode::Kind::Internal
        << QStringLiteral("2800000000004") << QStringLiteral("2800000000004");
    QTest::newRow("internal prefix 29")
        << QStringLiteral("2901234567896") << Barcode::Kind::Internal
        << QStringLiteral("2901234567896") << QStringLiteral("2901234567896");
    QTest::newRow("leading and trailing spaces")
        << QStringLiteral("  5901234123457 ") << Barcode::Kind::Ean13
        << QStringLiteral("5901234123457") << QStringLiteral("5901234123457");
    QTest::newRow("scanner carriage return")
        << QStringLiteral("96385074\r\n") << Barcode::Kind::Ean8 << QStringLiteral("96385074")
        << QStringLiteral("96385074");
    QTest::newRow("tab before") << QStringLiteral("\t036000291452") << Barcode::Kind::UpcA
                                << QStringLiteral("036000291452")
                                << QStringLiteral("0036000291452");
}

void tst_Barcode::parseValid()
{
    QFETCH(QString, text);
    QFETCH(Barcode::Kind, kind);
    QFETCH(QString, code);
    QFETCH(QString, lookupKey);

    const Result<Barcode> barcode = Barcode::parse(text);
    QVERIFY2(barcode.ok(), qPrintable(barcode ? QString() : barcode.error().message));
    QCOMPARE(barcode->kind(), kind);
    QCOMPARE(barcode->code(), code);
    QCOMPARE(barcode->lookupKey(), lookupKey);
}

void tst_Barcode::parseInvalid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("errorCode");

    const QString empty = QStringLiteral("barcode.empty");
    const QString notDigits = QStringLiteral("barcode.not_digits");
    const QString length = QStringLiteral("barcode.length");
    const QString checkDigit = QStringLiteral("barcode.check_digit");
    QTest::newRow("empty") << QString() << empty;
    QTest::newRow("whitespace only") << QStringLiteral(" \t\r\n") << empty;
    QTest::newRow("letters") << QStringLiteral("ABCDEFGHIJKLM") << notDigits;
    QTest::newRow("letter inside") << QStringLiteral("40063813339X1") << notDigits;
    QTest::newRow("inner space") << QStringLiteral("4006381 333931") << notDigits;
    QTest::newRow("minus sign") << QStringLiteral("-96385074") << notDigits;
    QTest::newRow("arabic-indic digits")
        << QString::fromUtf16(u"\u0669\u0666\u0663\u0668\u0665\u0660\u0667\u0664") << notDigits;
    QTest::newRow("11 digits") << QStringLiteral("03600029145") << length;
    QTest::newRow("14 digits") << QStringLiteral("40063813339310") << length;
    QTest::newRow("7 digits") << QStringLiteral("9638507") << length;
    QTest::newRow("one digit") << QStringLiteral("5") << length;
    QTest::newRow("200 digits") << QString(200, QLatin1Char('7')) << length;
    QTest::newRow("ean13 wrong check digit") << QStringLiteral("4006381333932") << checkDigit;
    QTest::newRow("ean13 swapped digits") << QStringLiteral("4006381339331") << checkDigit;
    QTest::newRow("ean8 wrong check digit") << QStringLiteral("96385070") << checkDigit;
    QTest::newRow("upc-a wrong check digit") << QStringLiteral("036000291453") << checkDigit;
    QTest::newRow("internal wrong check digit") << QStringLiteral("2012345678900") << checkDigit;
}

void tst_Barcode::parseInvalid()
{
    QFETCH(QString, text);
    QFETCH(QString, errorCode);

    const Result<Barcode> barcode = Barcode::parse(text);
    QVERIFY(!barcode.ok());
    QCOMPARE(barcode.error().code, errorCode);
    QVERIFY(!barcode.error().message.isEmpty());
    const QString trimmed = text.trimmed();
    if (!trimmed.isEmpty())
        QVERIFY2(barcode.error().message.contains(trimmed.left(20)),
            qPrintable(barcode.error().message));
}

void tst_Barcode::longInputIsNotEchoed()
{
    for (const QChar c : { QLatin1Char('7'), QLatin1Char('x') }) {
        const QString text(200, c);
        const Result<Barcode> barcode = Barcode::parse(text);
        QVERIFY(!barcode.ok());
        const QString message = barcode.error().message;
        QVERIFY2(message.size() < 120, qPrintable(message));
        QVERIFY(message.contains(QString(20, c) + QChar(0x2026)));
        QVERIFY(!message.contains(QString(21, c)));
    }
}

void tst_Barcode::checkDigit_data()
{
    QTest::addColumn<QString>("digits");
    QTest::addColumn<int>("expected");

    QTest::newRow("ean13") << QStringLiteral("400638133393") << 1;
    QTest::newRow("ean13 other") << QStringLiteral("590123412345") << 7;
    QTest::newRow("ean8") << QStringLiteral("9638507") << 4;
    QTest::newRow("upc-a") << QStringLiteral("03600029145") << 2;
    QTest::newRow("all zero") << QStringLiteral("000000000000") << 0;
    QTest::newRow("only the weight-three digit set") << QStringLiteral("0000000000001") << 7;
}

void tst_Barcode::checkDigit()
{
    QFETCH(QString, digits);
    QFETCH(int, expected);

    QCOMPARE(Barcode::checkDigit(digits), expected);
}

void tst_Barcode::kindName()
{
    QCOMPARE(Barcode::kindName(Barcode::Kind::Ean13), QStringLiteral("ean13"));
    QCOMPARE(Barcode::kindName(Barcode::Kind::Ean8), QStringLiteral("ean8"));
    QCOMPARE(Barcode::kindName(Barcode::Kind::UpcA), QStringLiteral("upca"));
    QCOMPARE(Barcode::kindName(Barcode::Kind::Internal), QStringLiteral("internal"));
}

QTEST_GUILESS_MAIN(tst_Barcode)

#include "tst_barcode.moc"
