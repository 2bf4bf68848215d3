#include "app/core/customerrules.h"

#include <QTest>

using namespace Toonbank::Core;

class tst_CustomerRules : public QObject
{
    Q_OBJECT

private slots:
    void classify_data();
    void classify();
    void phone_data();
    void phone();
    void email_data();
    void email();
};

Q_DECLARE_METATYPE(ScanKind)

void tst_CustomerRules::classify_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<ScanKind>("kind");
    QTest::addColumn<QString>("card"); // the card number inside, empty when none

    const auto product = ScanKind::Product;
    const auto card = ScanKind::LoyaltyCard;
    const auto app = ScanKind::CustomerAppQr;
    const auto unknown = ScanKind::Unknown;
    // clang-format off
    QTest::newRow("loyalty card") << QStringLiteral("2990000012340") << card << QStringLiteral("2990000012340");
    QTest::newRow("another loyalty card") << QStringLiteral("2991234567897") << card << QStringLiteral("2991234567897");
    QTest::newRow("loyalty card with spaces around") << QStringLiteral(" 2990000012340 ") << card << QStringLiteral("2990000012340");
    QTest::newRow("299 with a wrong check digit") << QStringLiteral("2990000012345") << unknown << QString();
    QTest::newRow("app qr") << QStringLiteral("TBCUST:2990000012340") << app << QStringLiteral("2990000012340");
    QTest::newRow("app qr lower-case prefix") << QStringLiteral("tbcust:2991234567897") << app << QStringLiteral("2991234567897");
    QTest::newRow("app qr with a bad card number") << QStringLiteral("TBCUST:2990000012345") << unknown << QString();
    QTest::newRow("app qr with a product code") << QStringLiteral("TBCUST:8712345678906") << unknown << QString();
    QTest::newRow("app qr empty") << QStringLiteral("TBCUST:") << unknown << QString();
    QTest::newRow("ean-13 product") << QStringLiteral("8712345678906") << product << QString();
    QTest::newRow("other in-store number is a product") << QStringLiteral("2000000000015") << product << QString();
    QTest::newRow("ean-8 product") << QStringLiteral("96385074") << product << QString();
    QTest::newRow("upc-a product") << QStringLiteral("036000291452") << product << QString();
    QTest::newRow("product with a wrong check digit") << QStringLiteral("8712345678907") << unknown << QString();
    QTest::newRow("letters") << QStringLiteral("HELLO") << unknown << QString();
    QTest::newRow("empty") << QString() << unknown << QString();
    // clang-format on
}

void tst_CustomerRules::classify()
{
    QFETCH(QString, code);
    QFETCH(ScanKind, kind);
    QFETCH(QString, card);
    QCOMPARE(classifyScan(code), kind);
    const auto number = loyaltyCardNumber(code);
    if (card.isEmpty()) {
        QVERIFY(!number.ok());
        QCOMPARE(number.error().code, QStringLiteral("customer.card"));
    } else {
        QVERIFY(number.ok());
        QCOMPARE(number.value(), card);
    }
}

void tst_CustomerRules::phone_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("country");
    QTest::addColumn<QString>("e164"); // empty: rejected with "customer.phone"

    const QString nl = QStringLiteral("NL");
    const QString be = QStringLiteral("BE");
    // clang-format off
    QTest::newRow("nl mobile with spaces") << QStringLiteral("06 1234 5678") << nl << QStringLiteral("+31612345678");
    QTest::newRow("nl mobile with a dash") << QStringLiteral("06-12345678") << nl << QStringLiteral("+31612345678");
    QTest::newRow("nl landline") << QStringLiteral("020 123 4567") << nl << QStringLiteral("+31201234567");
    QTest::newRow("nl landline with brackets") << QStringLiteral("(010) 123 45 67") << nl << QStringLiteral("+31101234567");
    QTest::newRow("nl already e164") << QStringLiteral("+31 6 12345678") << nl << QStringLiteral("+31612345678");
    QTest::newRow("nl with 00") << QStringLiteral("0031612345678") << nl << QStringLiteral("+31612345678");
    QTest::newRow("be mobile") << QStringLiteral("0470 12 34 56") << be << QStringLiteral("+32470123456");
    QTest::newRow("be landline") << QStringLiteral("02 123 45 67") << be << QStringLiteral("+3221234567");
    QTest::newRow("be number typed in nl store") << QStringLiteral("+32 470 12 34 56") << nl << QStringLiteral("+32470123456");
    QTest::newRow("german number kept") << QStringLiteral("+49 30 1234567") << nl << QStringLiteral("+49301234567");
    QTest::newRow("lower-case country") << QStringLiteral("0612345678") << QStringLiteral("nl") << QStringLiteral("+31612345678");
    QTest::newRow("letters") << QStringLiteral("06 1234 ABCD") << nl << QString();
    QTest::newRow("nl too short") << QStringLiteral("06 1234 567") << nl << QString();
    QTest::newRow("nl too long") << QStringLiteral("06 1234 56789") << nl << QString();
    QTest::newRow("be too short") << QStringLiteral("02 123 456") << be << QString();
    QTest::newRow("be too long") << QStringLiteral("0470 12 34 56 7") << be << QString();
    QTest::newRow("e164 too long") << QStringLiteral("+49 1234 5678 901234") << nl << QString();
    QTest::newRow("e164 too short") << QStringLiteral("+49 123") << nl << QString();
    QTest::newRow("no trunk prefix") << QStringLiteral("612345678") << nl << QString();
    QTest::newRow("national in unknown country") << QStringLiteral("0612345678") << QStringLiteral("DE") << QString();
    QTest::newRow("plus in the middle") << QStringLiteral("06+12345678") << nl << QString();
    QTest::newRow("empty") << QString() << nl << QString();
    // clang-format on
}

void tst_CustomerRules::phone()
{
    QFETCH(QString, text);
    QFETCH(QString, country);
    QFETCH(QString, e164);
    const auto result = normalisePhone(text, country);
    if (e164.isEmpty()) {
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("customer.phone"));
        QVERIFY(!result.error().message.isEmpty());
    } else {
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().detail));
        QCOMPARE(result.value(), e164);
    }
}

void tst_CustomerRules::email_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("normalised"); // empty: rejected with "customer.email"
    // clang-format off
    QTest::newRow("plain") << QStringLiteral("jan@example.nl") << QStringLiteral("jan@example.nl");
    QTest::newRow("trimmed and lower-cased") << QStringLiteral("  Jan.Jansen@Example.NL ") << QStringLiteral("jan.jansen@example.nl");
    QTest::newRow("plus and subdomain") << QStringLiteral("a+b@mail.example.be") << QStringLiteral("a+b@mail.example.be");
    QTest::newRow("no at") << QStringLiteral("jan.example.nl") << QString();
    QTest::newRow("two ats") << QStringLiteral("jan@@example.nl") << QString();
    QTest::newRow("nothing before at") << QStringLiteral("@example.nl") << QString();
    QTest::newRow("no dot in domain") << QStringLiteral("jan@localhost") << QString();
    QTest::newRow("domain starts with dot") << QStringLiteral("jan@.example.nl") << QString();
    QTest::newRow("domain ends with dot") << QStringLiteral("jan@example.") << QString();
    QTest::newRow("double dot") << QStringLiteral("jan@example..nl") << QString();
    QTest::newRow("space inside") << QStringLiteral("jan jansen@example.nl") << QString();
    QTest::newRow("empty") << QStringLiteral("   ") << QString();
    // clang-format on
}

void tst_CustomerRules::email()
{
    QFETCH(QString, text);
    QFETCH(QString, normalised);
    const auto result = normaliseEmail(text);
    if (normalised.isEmpty()) {
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("customer.email"));
    } else {
        QVERIFY(result.ok());
        QCOMPARE(result.value(), normalised);
    }
}

QTEST_GUILESS_MAIN(tst_CustomerRules)

#include "tst_customerrules.moc"
