#include "app/core/payment.h"
#include "app/core/sale.h"

#include <QTest>

using namespace Toonbank::Core;

namespace {

// A tender written as "method:amount" with optional fields, amounts in cents:
//   "cash:1345/2000"   cash settling 13.45, handed over 20.00 (change follows)
//   "cash:1345/2000/600" the same with an explicit (wrong) change of 6.00
//   "card:1000"        an approved card tender (ServiceID and transaction id filled)
//   "card!:1000"       a card tender without its transaction id
//   "gift:500"         a gift card tender with card number and claim id
//   "gift!:500"        a gift card tender without claim id
//   "credit:500"       store credit (needs the customer)
//   "points:250@250"   a points tender: 2.50 for 250 points (value 1 cent each)
Tender tenderFrom(const QString &spec)
{
    const QStringList parts = spec.split(QLatin1Char(':'));
    const QString kind = parts.at(0);
    Tender tender;
    QString amount = parts.at(1);
    if (kind == QLatin1String("points")) {
        const QStringList pointsParts = amount.split(QLatin1Char('@'));
        amount = pointsParts.at(0);
        tender.points = pointsParts.at(1).toLongLong();
    }
    const QStringList cents = amount.split(QLatin1Char('/'));
    tender.amount = Money::fromCents(cents.at(0).toLongLong());
    if (kind == QLatin1String("cash")) {
        tender.method = TenderMethod::Cash;
        tender.tendered
            = cents.size() > 1 ? Money::fromCents(cents.at(1).toLongLong()) : tender.amount;
        tender.change = cents.size() > 2 ? Money::fromCents(cents.at(2).toLongLong())
                                         : tender.tendered - tender.amount;
    } else if (kind.startsWith(QLatin1String("card"))) {
        tender.method = TenderMethod::Card;
        tender.claimId = QStringLiteral("SVC0000001");
        if (!kind.endsWith(QLatin1Char('!')))
            tender.reference = QStringLiteral("POI-TX-1");
    } else if (kind.startsWith(QLatin1String("gift"))) {
        tender.method = TenderMethod::GiftCard;
        tender.reference = QStringLiteral("6280001234567890");
        if (!kind.endsWith(QLatin1Char('!')))
            tender.claimId = QStringLiteral("claim-1");
    } else if (kind == QLatin1String("credit")) {
        tender.method = TenderMethod::StoreCredit;
        tender.claimId = QStringLiteral("claim-2");
    } else if (kind == QLatin1String("points")) {
        tender.method = TenderMethod::LoyaltyPoints;
    }
    return tender;
}

} // namespace

class TestPayment : public QObject
{
    Q_OBJECT
private slots:
    void cashPartRoundsOnlyWhenTheStoreRounds_data()
    {
        QTest::addColumn<qint64>("remaining");
        QTest::addColumn<bool>("rounds");
        QTest::addColumn<qint64>("due");
        QTest::newRow("1 → 0") << qint64(1341) << true << qint64(1340);
        QTest::newRow("2 → 0") << qint64(1342) << true << qint64(1340);
        QTest::newRow("3 → 5") << qint64(1343) << true << qint64(1345);
        QTest::newRow("7 → 5") << qint64(1347) << true << qint64(1345);
        QTest::newRow("8 → 10") << qint64(1348) << true << qint64(1350);
        QTest::newRow("exact") << qint64(1345) << true << qint64(1345);
        QTest::newRow("store does not round") << qint64(1347) << false << qint64(1347);
        QTest::newRow("zero left") << qint64(0) << true << qint64(0);
    }
    void cashPartRoundsOnlyWhenTheStoreRounds()
    {
        QFETCH(qint64, remaining);
        QFETCH(bool, rounds);
        QFETCH(qint64, due);
        const CashPart part = cashPart(Money::fromCents(remaining), rounds);
        QCOMPARE(part.unrounded.cents(), remaining);
        QCOMPARE(part.due.cents(), due);
        QCOMPARE(part.rounding.cents(), due - remaining);
    }

    void checkTenders_data()
    {
        QTest::addColumn<qint64>("total");
        QTest::addColumn<qint64>("rounding");
        QTest::addColumn<bool>("storeRounds");
        QTest::addColumn<bool>("customer");
        QTest::addColumn<QStringList>("tenders");
        QTest::addColumn<QString>("error"); // empty: accepted

        const QString ok;
        auto row = [](const char *name, qint64 total, qint64 rounding, bool rounds, bool customer,
                       QStringList tenders, const QString &error) {
            QTest::newRow(name) << total << rounding << rounds << customer << tenders << error;
        };
        // Cash alone, rounded per the store's setting.
        row("cash exact, rounded down", 2347, -2, true, false, { QStringLiteral("cash:2345/5000") },
            ok);
        row("cash rounded up", 2348, 2, true, false, { QStringLiteral("cash:2350/2350") }, ok);
        row("cash, store does not round", 2347, 0, false, false,
            { QStringLiteral("cash:2347/3000") }, ok);
        row("cash, rounding although store does not round", 2347, -2, false, false,
            { QStringLiteral("cash:2345/3000") }, QStringLiteral("tender.rounding"));
        row("cash, rounding the wrong way", 2347, 3, true, false,
            { QStringLiteral("cash:2350/3000") }, QStringLiteral("tender.rounding"));
        row("cash, not in 5-cent steps when the store rounds", 2347, 0, true, false,
            { QStringLiteral("cash:2347/3000") }, QStringLiteral("tender.rounding"));
        // Card is never rounded.
        row("card alone, not rounded", 2347, 0, true, false, { QStringLiteral("card:2347") }, ok);
        row("card alone with rounding", 2347, -2, true, false, { QStringLiteral("card:2345") },
            QStringLiteral("tender.rounding"));
        // Split: the cash part only is rounded.
        row("card then cash rests rounded", 2347, -2, true, false,
            { QStringLiteral("card:1000"), QStringLiteral("cash:1345/2000") }, ok);
        row("cash part first (round), card pays the odd rest", 2347, 0, true, false,
            { QStringLiteral("cash:1000/1000"), QStringLiteral("card:1347") }, ok);
        row("cash part first not in 5-cent steps", 2347, 0, true, false,
            { QStringLiteral("cash:1003/1003"), QStringLiteral("card:1344") },
            QStringLiteral("tender.rounding"));
        row("card + gift card + cash", 5000, 0, true, false,
            { QStringLiteral("card:2000"), QStringLiteral("gift:1500"),
                QStringLiteral("cash:1500/2000") },
            ok);
        row("gift card + card, odd total", 1999, 0, true, false,
            { QStringLiteral("gift:1000"), QStringLiteral("card:999") }, ok);
        // Sums.
        row("too little", 2347, 0, false, false, { QStringLiteral("card:2000") },
            QStringLiteral("tender.sum_mismatch"));
        row("too much on card", 2347, 0, false, false, { QStringLiteral("card:2400") },
            QStringLiteral("tender.sum_mismatch"));
        row("no tender", 2347, 0, false, false, QStringList(), QStringLiteral("tender.none"));
        row("zero tender", 0, 0, false, false, { QStringLiteral("card:0") },
            QStringLiteral("tender.not_positive"));
        row("negative tender", 1000, 0, false, false,
            { QStringLiteral("card:1500"), QStringLiteral("cash:-500/-500") },
            QStringLiteral("tender.not_positive"));
        // Change.
        row("change does not match", 1000, 0, true, false, { QStringLiteral("cash:1000/2000/500") },
            QStringLiteral("tender.change"));
        // References.
        row("card without transaction id", 1000, 0, true, false, { QStringLiteral("card!:1000") },
            QStringLiteral("tender.reference_missing"));
        row("gift card without claim", 1000, 0, true, false, { QStringLiteral("gift!:1000") },
            QStringLiteral("tender.reference_missing"));
        row("store credit with customer", 1000, 0, true, true, { QStringLiteral("credit:1000") },
            ok);
        row("store credit without customer", 1000, 0, true, false,
            { QStringLiteral("credit:1000") }, QStringLiteral("tender.reference_missing"));
        // Points.
        row("points at their value", 1000, 0, true, true,
            { QStringLiteral("points:250@250"), QStringLiteral("card:750") }, ok);
        row("points worth less than claimed", 1000, 0, true, true,
            { QStringLiteral("points:250@200"), QStringLiteral("card:750") },
            QStringLiteral("tender.points_value"));
        row("points without customer", 1000, 0, true, false,
            { QStringLiteral("points:250@250"), QStringLiteral("card:750") },
            QStringLiteral("tender.reference_missing"));
    }
    void checkTenders()
    {
        QFETCH(qint64, total);
        QFETCH(qint64, rounding);
        QFETCH(bool, storeRounds);
        QFETCH(bool, customer);
        QFETCH(QStringList, tenders);
        QFETCH(QString, error);
        Sale sale;
        sale.saleId = QStringLiteral("S1");
        sale.total = Money::fromCents(total);
        sale.rounding = Money::fromCents(rounding);
        if (customer)
            sale.customer = SaleCustomer { 7, QStringLiteral("2990000000019"), QString() };
        for (const QString &spec : tenders)
            sale.tenders.append(tenderFrom(spec));
        const Status checked
            = Toonbank::Core::checkTenders(sale, storeRounds, LoyaltyRules::defaults());
        if (error.isEmpty())
            QVERIFY2(checked.ok(), qPrintable(checked.ok() ? QString() : checked.error().detail));
        else {
            QVERIFY(!checked.ok());
            QCOMPARE(checked.error().code, error);
            QVERIFY(!checked.error().message.isEmpty());
        }
    }

    void pointsValueAndPointsNeeded()
    {
        LoyaltyRules rules = LoyaltyRules::defaults();
        QCOMPARE(pointsValue(250, rules).cents(), 250);
        QCOMPARE(pointsNeeded(Money::fromCents(250), rules), 250);
        rules.pointValue = Money::fromCents(2);
        QCOMPARE(pointsValue(250, rules).cents(), 500);
        QCOMPARE(pointsNeeded(Money::fromCents(501), rules), 251); // rounded up
        QCOMPARE(pointsNeeded(Money(), rules), 0);
    }

    void giftCardsAreValidAtLeastTwoYears()
    {
        QCOMPARE(giftCardExpiry(QDate(2026, 11, 29)), QDate(2028, 11, 29));
        QCOMPARE(giftCardExpiry(QDate(2028, 2, 29)), QDate(2030, 2, 28));
        QCOMPARE(giftCardExpiry(QDate(2026, 1, 1), 1), QDate(2028, 1, 1)); // never less than 2
        QCOMPARE(giftCardExpiry(QDate(2026, 1, 1), 3), QDate(2029, 1, 1));
    }

    void giftCardAmountsWithinTheLimits_data()
    {
        QTest::addColumn<qint64>("cents");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("below the minimum") << qint64(499) << false;
        QTest::newRow("the minimum") << qint64(500) << true;
        QTest::newRow("between") << qint64(2500) << true;
        QTest::newRow("the maximum") << qint64(50000) << true;
        QTest::newRow("above the maximum") << qint64(50001) << false;
        QTest::newRow("zero") << qint64(0) << false;
        QTest::newRow("negative") << qint64(-1000) << false;
    }
    void giftCardAmountsWithinTheLimits()
    {
        QFETCH(qint64, cents);
        QFETCH(bool, allowed);
        const Status checked = checkGiftCardAmount(Money::fromCents(cents));
        QCOMPARE(checked.ok(), allowed);
        if (!allowed)
            QCOMPARE(checked.error().code, QStringLiteral("giftcard.amount"));
        // A store's narrower limits refuse what the chain would allow.
        const GiftCardLimits store { Money::fromCents(1000), Money::fromCents(10000) };
        QCOMPARE(checkGiftCardAmount(Money::fromCents(cents), store).ok(),
            cents >= 1000 && cents <= 10000);
    }

    void giftCardNumbers_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("number"); // empty: refused
        QTest::newRow("plain") << QStringLiteral("6280001234567890")
                               << QStringLiteral("6280001234567890");
        QTest::newRow("grouped") << QStringLiteral("6280 0012 3456 7890")
                                 << QStringLiteral("6280001234567890");
        QTest::newRow("dashes") << QStringLiteral("6280-0012-3456-7890")
                                << QStringLiteral("6280001234567890");
        QTest::newRow("too short") << QStringLiteral("12345678901") << QString();
        QTest::newRow("too long") << QStringLiteral("12345678901234567890") << QString();
        QTest::newRow("letters") << QStringLiteral("6280A01234567890") << QString();
        QTest::newRow("empty") << QString() << QString();
    }
    void giftCardNumbers()
    {
        QFETCH(QString, text);
        QFETCH(QString, number);
        const Result<QString> normalised = normaliseGiftCardNumber(text);
        if (number.isEmpty()) {
            QVERIFY(!normalised.ok());
            QCOMPARE(normalised.error().code, QStringLiteral("gift.number"));
        } else {
            QVERIFY(normalised.ok());
            QCOMPARE(normalised.value(), number);
        }
    }
};

QTEST_GUILESS_MAIN(TestPayment)
#include "tst_payment.moc"
