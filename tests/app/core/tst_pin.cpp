#include "app/core/pin.h"

#include <QTest>

using namespace Toonbank::Core;

namespace {

// Low on purpose: the tests check behaviour, not the work factor, and must stay fast.
constexpr int testIterations = 1000;

} // namespace

class tst_Pin : public QObject
{
    Q_OBJECT

private slots:
    void validate_data();
    void validate();
    void hashRejectsInvalidPin();
    void hashFormat();
    void roundTrip_data();
    void roundTrip();
    void saltMakesHashesDiffer();
    void iterationCountIsHonoured();
    void malformedStoredHash_data();
    void malformedStoredHash();
    void lockSeconds_data();
    void lockSeconds();
};

void tst_Pin::validate_data()
{
    QTest::addColumn<QString>("pin");
    QTest::addColumn<QString>("errorCode"); // empty: valid

    QTest::newRow("four digits") << QStringLiteral("1234") << QString();
    QTest::newRow("eight digits") << QStringLiteral("12345678") << QString();
    QTest::newRow("leading zeros") << QStringLiteral("0007") << QString();
    QTest::newRow("empty") << QString() << QStringLiteral("pin.empty");
    QTest::newRow("letters") << QStringLiteral("12a4") << QStringLiteral("pin.not_digits");
    QTest::newRow("space") << QStringLiteral("1234 ") << QStringLiteral("pin.not_digits");
    QTest::newRow("spaces only") << QStringLiteral("    ") << QStringLiteral("pin.not_digits");
    QTest::newRow("arabic-indic digits")
        << QString::fromUtf16(u"\u0661\u0662\u0663\u0664") << QStringLiteral("pin.not_digits");
    QTest::newRow("three digits") << QStringLiteral("123") << QStringLiteral("pin.length");
    QTest::newRow("nine digits") << QStringLiteral("123456789") << QStringLiteral("pin.length");
    QTest::newRow("one digit") << QStringLiteral("1") << QStringLiteral("pin.length");
}

void tst_Pin::validate()
{
    QFETCH(QString, pin);
    QFETCH(QString, errorCode);

    const Status status = Pin::validate(pin);
    if (errorCode.isEmpty()) {
        QVERIFY(status.ok());
    } else {
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, errorCode);
        QVERIFY(!status.error().message.isEmpty());
        QVERIFY(!status.error().message.contains(pin) || pin.trimmed().isEmpty());
    }
}

void tst_Pin::hashRejectsInvalidPin()
{
    const Result<QString> hashed = Pin::hash(QStringLiteral("12"), testIterations);
    QVERIFY(!hashed.ok());
    QCOMPARE(hashed.error().code, QStringLiteral("pin.length"));
}

void tst_Pin::hashFormat()
{
    const Result<QString> hashed = Pin::hash(QStringLiteral("4321"), testIterations);
    QVERIFY(hashed.ok());
    const QStringList parts = hashed->split(QLatin1Char('$'));
    QCOMPARE(parts.size(), 4);
    QCOMPARE(parts.at(0), QStringLiteral("pbkdf2-sha256"));
    QCOMPARE(parts.at(1), QString::number(testIterations));
    QCOMPARE(QByteArray::fromBase64(parts.at(2).toLatin1()).size(), 16);
    QCOMPARE(QByteArray::fromBase64(parts.at(3).toLatin1()).size(), 32);
    QVERIFY(!hashed->contains(QStringLiteral("4321")));
}

void tst_Pin::roundTrip_data()
{
    QTest::addColumn<QString>("pin");
    QTest::addColumn<QString>("attempt");
    QTest::addColumn<bool>("matches");

    QTest::newRow("same pin") << QStringLiteral("1234") << QStringLiteral("1234") << true;
    QTest::newRow("eight digits") << QStringLiteral("98765432") << QStringLiteral("98765432")
                                  << true;
    QTest::newRow("wrong pin") << QStringLiteral("1234") << QStringLiteral("1235") << false;
    QTest::newRow("prefix") << QStringLiteral("12345") << QStringLiteral("1234") << false;
    QTest::newRow("longer") << QStringLiteral("1234") << QStringLiteral("12340") << false;
    QTest::newRow("leading zero matters")
        << QStringLiteral("0123") << QStringLiteral("1230") << false;
    QTest::newRow("empty attempt") << QStringLiteral("1234") << QString() << false;
    QTest::newRow("attempt with space")
        << QStringLiteral("1234") << QStringLiteral(" 1234") << false;
}

void tst_Pin::roundTrip()
{
    QFETCH(QString, pin);
    QFETCH(QString, attempt);
    QFETCH(bool, matches);

    const Result<QString> hashed = Pin::hash(pin, testIterations);
    QVERIFY(hashed.ok());
    QCOMPARE(Pin::verify(attempt, *hashed), matches);
}

void tst_Pin::saltMakesHashesDiffer()
{
    const QString first = Pin::hash(QStringLiteral("1234"), testIterations).value();
    const QString second = Pin::hash(QStringLiteral("1234"), testIterations).value();
    QVERIFY(first != second);
    QVERIFY(first.section(QLatin1Char('$'), 2, 2) != second.section(QLatin1Char('$'), 2, 2));
    QVERIFY(Pin::verify(QStringLiteral("1234"), first));
    QVERIFY(Pin::verify(QStringLiteral("1234"), second));
}

void tst_Pin::iterationCountIsHonoured()
{
    // The stored count is the one used: a hash relabelled with another count no longer matches.
    const QString stored = Pin::hash(QStringLiteral("2468"), testIterations).value();
    QString relabelled = stored;
    relabelled.replace(QStringLiteral("$1000$"), QStringLiteral("$1001$"));
    QVERIFY(relabelled != stored);
    QVERIFY(Pin::verify(QStringLiteral("2468"), stored));
    QVERIFY(!Pin::verify(QStringLiteral("2468"), relabelled));
}

void tst_Pin::malformedStoredHash_data()
{
    QTest::addColumn<QString>("stored");

    const QString good = Pin::hash(QStringLiteral("1234"), testIterations).value();
    const QStringList parts = good.split(QLatin1Char('$'));
    const auto join = [](const QStringList &fields) { return fields.join(QLatin1Char('$')); };

    QTest::newRow("empty") << QString();
    QTest::newRow("garbage") << QStringLiteral("not a hash");
    QTest::newRow("clear text pin") << QStringLiteral("1234");
    QTest::newRow("dollars only") << QStringLiteral("$$$");
    QTest::newRow("three fields") << join(parts.mid(0, 3));
    QTest::newRow("five fields") << good + QStringLiteral("$extra");
    QTest::newRow("other algorithm")
        << join({ QStringLiteral("pbkdf2-sha1"), parts.at(1), parts.at(2), parts.at(3) });
    QTest::newRow("iterations not a number")
        << join({ parts.at(0), QStringLiteral("many"), parts.at(2), parts.at(3) });
    QTest::newRow("zero iterations")
        << join({ parts.at(0), QStringLiteral("0"), parts.at(2), parts.at(3) });
    QTest::newRow("negative iterations")
        << join({ parts.at(0), QStringLiteral("-1000"), parts.at(2), parts.at(3) });
    QTest::newRow("absurd iterations")
        << join({ parts.at(0), QStringLiteral("2000000000"), parts.at(2), parts.at(3) });
    QTest::newRow("iterations overflow")
        << join({ parts.at(0), QStringLiteral("99999999999999999999"), parts.at(2), parts.at(3) });
    QTest::newRow("empty salt") << join({ parts.at(0), parts.at(1), QString(), parts.at(3) });
    QTest::newRow("salt not base64")
        << join({ parts.at(0), parts.at(1), QStringLiteral("!!!!"), parts.at(3) });
    QTest::newRow("hash not base64")
        << join({ parts.at(0), parts.at(1), parts.at(2), QStringLiteral("@@@@") });
    QTest::newRow("hash too short")
        << join({ parts.at(0), parts.at(1), parts.at(2), parts.at(3).left(20) });
    QTest::newRow("hash empty") << join({ parts.at(0), parts.at(1), parts.at(2), QString() });
    QTest::newRow("hash of other pin") << Pin::hash(QStringLiteral("9999"), testIterations).value();
}

void tst_Pin::malformedStoredHash()
{
    QFETCH(QString, stored);

    QVERIFY(!Pin::verify(QStringLiteral("1234"), stored));
}

void tst_Pin::lockSeconds_data()
{
    QTest::addColumn<int>("failures");
    QTest::addColumn<int>("seconds");

    QTest::newRow("none") << 0 << 0;
    QTest::newRow("negative") << -3 << 0;
    QTest::newRow("1") << 1 << 0;
    QTest::newRow("4") << 4 << 0;
    QTest::newRow("5") << 5 << 30;
    QTest::newRow("6") << 6 << 60;
    QTest::newRow("7") << 7 << 120;
    QTest::newRow("8") << 8 << 240;
    QTest::newRow("9") << 9 << 480;
    QTest::newRow("10 capped") << 10 << 900;
    QTest::newRow("11 capped") << 11 << 900;
    QTest::newRow("100 capped") << 100 << 900;
    QTest::newRow("int max capped") << std::numeric_limits<int>::max() << 900;
}

void tst_Pin::lockSeconds()
{
    QFETCH(int, failures);
    QFETCH(int, seconds);

    QCOMPARE(LoginThrottle::lockSeconds(failures), seconds);
}

QTEST_GUILESS_MAIN(tst_Pin)

#include "tst_pin.moc"
