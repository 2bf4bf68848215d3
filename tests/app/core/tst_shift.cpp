#include "app/core/cashrounding.h"
#include "app/core/shift.h"

#include <QTest>
#include <QTimeZone>

using namespace Toonbank::Core;

namespace {

Money eur(qint64 cents)
{
    return Money::fromCents(cents);
}

VatBreakdown vat21(qint64 gross)
{
    // 21 % included: vat = gross × 21 / 121, rounded half up.
    const qint64 vat = (gross * 21 + 60) / 121;
    return VatBreakdown { VatRate { 2100, QStringLiteral("standard") }, eur(gross), eur(vat),
        eur(gross - vat) };
}

Tender tender(TenderMethod method, qint64 cents)
{
    Tender t;
    t.method = method;
    t.amount = eur(cents);
    return t;
}

// A sale paid in cash: the cash part is rounded to 5 cents, the rounding recorded on the sale.
ShiftDocument cashSale(qint64 total)
{
    const Money paid = roundToFiveCents(eur(total));
    ShiftDocument doc;
    doc.total = eur(total);
    doc.rounding = paid - eur(total);
    doc.items = 1;
    doc.vat = { vat21(total) };
    doc.tenders = { tender(TenderMethod::Cash, paid.cents()) };
    return doc;
}

ShiftDocument cardSale(qint64 total)
{
    ShiftDocument doc;
    doc.total = eur(total);
    doc.items = 1;
    doc.vat = { vat21(total) };
    doc.tenders = { tender(TenderMethod::Card, total) };
    return doc;
}

// A return refunded in cash (amounts positive, rounded like a sale).
ShiftDocument cashReturn(qint64 total)
{
    const Money handed = roundToFiveCents(eur(total));
    ShiftDocument doc;
    doc.sign = -1;
    doc.total = eur(total);
    doc.rounding = handed - eur(total);
    doc.items = 1;
    doc.vat = { vat21(total) };
    doc.tenders = { tender(TenderMethod::Cash, handed.cents()) };
    return doc;
}

CashMovement move(
    CashMovementKind kind, qint64 cents, const QString &reason = QStringLiteral("safe"))
{
    CashMovement m;
    m.kind = kind;
    m.amount = eur(cents);
    m.reason = reason;
    m.staffId = 7;
    return m;
}

// A count of `cents` in the largest pieces first, as staff would count a drawer.
CashCount countOf(qint64 cents)
{
    CashCount count;
    const QList<qint64> &denominations = euroDenominations();
    for (qsizetype i = denominations.size() - 1; i >= 0 && cents > 0; --i) {
        const qint64 pieces = cents / denominations.at(i);
        if (pieces > 0) {
            count.pieces.insert(denominations.at(i), pieces);
            cents -= pieces * denominations.at(i);
        }
    }
    return count;
}

} // namespace

class tst_Shift : public QObject
{
    Q_OBJECT

private slots:
    void denominations();
    void cashCountTotal();
    void variance_data();
    void variance();
    void totalsFigures();
    void acrossMidnightIsOneShift();
    void trainingAndVoidedLeftOut();
    void movementsCounted();
    void parseCashCountAccepts();
    void parseCashCountRejects_data();
    void parseCashCountRejects();
    void checkCashCountRejects();
    void checkCashMovement_data();
    void checkCashMovement();
    void names();
};

void tst_Shift::denominations()
{
    QCOMPARE(euroDenominations().size(), 15);
    QCOMPARE(euroDenominations().first(), qint64(1));
    QCOMPARE(euroDenominations().last(), qint64(50000));
    QVERIFY(isCoin(1));
    QVERIFY(isCoin(200));
    QVERIFY(!isCoin(500));
    QVERIFY(!isCoin(50000));
    QVERIFY(!isCoin(25)); // not a euro coin at all
}

void tst_Shift::cashCountTotal()
{
    CashCount count;
    QVERIFY(count.isEmpty());
    QCOMPARE(count.total(), eur(0));
    count.pieces.insert(50, 3); // 3 × € 0,50
    count.pieces.insert(2000, 2); // 2 × € 20
    count.pieces.insert(1, 4); // 4 × 1 cent
    QVERIFY(!count.isEmpty());
    QCOMPARE(count.total(), eur(150 + 4000 + 4));
    CashCount zeros;
    zeros.pieces.insert(500, 0);
    QVERIFY(zeros.isEmpty());
    QCOMPARE(countOf(12345).total(), eur(12345));
}

void tst_Shift::variance_data()
{
    QTest::addColumn<qint64>("openingFloat");
    QTest::addColumn<QList<qint64>>("cashSales"); // unrounded totals, paid in cash
    QTest::addColumn<QList<qint64>>("cardSales");
    QTest::addColumn<QList<qint64>>("cashRefunds"); // unrounded return totals, cash back
    QTest::addColumn<qint64>("cashIn");
    QTest::addColumn<qint64>("cashOut");
    QTest::addColumn<qint64>("counted");
    QTest::addColumn<qint64>("expected");
    QTest::addColumn<qint64>("variance");

    using L = QList<qint64>;
    QTest::newRow("empty shift, zero float")
        << 0LL << L {} << L {} << L {} << 0LL << 0LL << 0LL << 0LL << 0LL;
    QTest::newRow("float only") << 10000LL << L {} << L {} << L {} << 0LL << 0LL << 10000LL
                                << 10000LL << 0LL;
    QTest::newRow("cash sale, no rounding")
        << 10000LL << L { 1250 } << L {} << L {} << 0LL << 0LL << 11250LL << 11250LL << 0LL;
    QTest::newRow("cash sale rounds down to 0")
        << 10000LL << L { 1242 } << L {} << L {} << 0LL << 0LL << 11240LL << 11240LL << 0LL;
    QTest::newRow("cash sale rounds up to 10")
        << 10000LL << L { 1248 } << L {} << L {} << 0LL << 0LL << 11250LL << 11250LL << 0LL;
    QTest::newRow("cash sale rounds up to 5")
        << 10000LL << L { 1243 } << L {} << L {} << 0LL << 0LL << 11245LL << 11245LL << 0LL;
    QTest::newRow("cash sale rounds down to 5")
        << 10000LL << L { 1247 } << L {} << L {} << 0LL << 0LL << 11245LL << 11245LL << 0LL;
    QTest::newRow("card only") << 10000LL << L {} << L { 5000, 1999 } << L {} << 0LL << 0LL
                               << 10000LL << 10000LL << 0LL;
    QTest::newRow("card only, zero float")
        << 0LL << L {} << L { 2500 } << L {} << 0LL << 0LL << 0LL << 0LL << 0LL;
    QTest::newRow("zero float, cash sales rounding both ways")
        << 0LL << L { 999, 1 } << L {} << L {} << 0LL << 0LL << 1000LL << 1000LL << 0LL;
    QTest::newRow("cash refund") << 10000LL << L { 2000 } << L {} << L { 500 } << 0LL << 0LL
                                 << 11500LL << 11500LL << 0LL;
    QTest::newRow("cash refund rounded up")
        << 10000LL << L {} << L {} << L { 1243 } << 0LL << 0LL << 8755LL << 8755LL << 0LL;
    QTest::newRow("cash refund rounded down")
        << 10000LL << L {} << L {} << L { 1241 } << 0LL << 0LL << 8760LL << 8760LL << 0LL;
    QTest::newRow("cash in") << 5000LL << L {} << L {} << L {} << 2000LL << 0LL << 7000LL << 7000LL
                             << 0LL;
    QTest::newRow("cash out") << 20000LL << L {} << L {} << L {} << 0LL << 15000LL << 5000LL
                              << 5000LL << 0LL;
    QTest::newRow("cash in and out")
        << 10000LL << L { 3000 } << L {} << L {} << 5000LL << 12000LL << 6000LL << 6000LL << 0LL;
    QTest::newRow("negative variance: short")
        << 10000LL << L { 2500 } << L {} << L {} << 0LL << 0LL << 12000LL << 12500LL << -500LL;
    QTest::newRow("positive variance: over")
        << 10000LL << L { 2500 } << L {} << L {} << 0LL << 0LL << 12510LL << 12500LL << 10LL;
    QTest::newRow("short by a note")
        << 10000LL << L { 5000 } << L {} << L {} << 0LL << 0LL << 10000LL << 15000LL << -5000LL;
    QTest::newRow("drawer emptied")
        << 10000LL << L {} << L {} << L {} << 0LL << 0LL << 0LL << 10000LL << -10000LL;
    QTest::newRow("mixed day, 5 cents short")
        << 15000LL << L { 1243, 1248, 502 } << L { 4000 } << L { 1001 } << 1000LL << 2000LL
        << 15990LL << 15995LL << -5LL; // cash 1245 + 1250 + 500, refund 1000
    QTest::newRow("many small cash sales")
        << 0LL << L { 101, 102, 103, 104, 105, 106, 107, 108, 109 } << L {} << L {} << 0LL << 0LL
        << 945LL << 945LL << 0LL; // 100 100 105 105 105 105 105 110 110
    QTest::newRow("refund paid from cash in")
        << 0LL << L {} << L {} << L { 1000 } << 1000LL << 0LL << 0LL << 0LL << 0LL;
    QTest::newRow("card and cash, float kept")
        << 20000LL << L { 1999 } << L { 1999 } << L {} << 0LL << 0LL << 22000LL << 22000LL << 0LL;
}

void tst_Shift::variance()
{
    QFETCH(qint64, openingFloat);
    QFETCH(QList<qint64>, cashSales);
    QFETCH(QList<qint64>, cardSales);
    QFETCH(QList<qint64>, cashRefunds);
    QFETCH(qint64, cashIn);
    QFETCH(qint64, cashOut);
    QFETCH(qint64, counted);
    QFETCH(qint64, expected);
    QFETCH(qint64, variance);

    QList<ShiftDocument> docs;
    for (qint64 total : cashSales)
        docs.append(cashSale(total));
    for (qint64 total : cardSales)
        docs.append(cardSale(total));
    for (qint64 total : cashRefunds)
        docs.append(cashReturn(total));
    QList<CashMovement> moves;
    if (cashIn)
        moves.append(move(CashMovementKind::CashIn, cashIn));
    if (cashOut)
        moves.append(move(CashMovementKind::CashOut, cashOut));

    const ShiftTotals totals = shiftTotals(countOf(openingFloat).total(), docs, moves);
    QCOMPARE(totals.saleCount, int(cashSales.size() + cardSales.size()));
    QCOMPARE(totals.returnCount, int(cashRefunds.size()));
    QCOMPARE(totals.expectedCash(), eur(expected));
    const ShiftVariance v { totals.expectedCash(), countOf(counted).total() };
    QCOMPARE(v.counted, eur(counted));
    QCOMPARE(v.variance(), eur(variance));
}

void tst_Shift::totalsFigures()
{
    ShiftDocument split = cardSale(3000);
    split.tenders = { tender(TenderMethod::Card, 1000), tender(TenderMethod::Cash, 2000) };
    ShiftDocument reduced;
    reduced.total = eur(1060);
    reduced.items = 2;
    reduced.vat = { VatBreakdown {
        VatRate { 900, QStringLiteral("reduced") }, eur(1060), eur(88), eur(972) } };
    reduced.tenders = { tender(TenderMethod::GiftCard, 1060) };
    ShiftDocument cardReturn = cashReturn(500);
    cardReturn.rounding = eur(0);
    cardReturn.tenders = { tender(TenderMethod::Card, 500) };
    const QList<ShiftDocument> docs { cashSale(1243), split, reduced, cashReturn(1248),
        cardReturn };

    const ShiftTotals t = shiftTotals(eur(5000), docs, {});
    QCOMPARE(t.openingFloat, eur(5000));
    QCOMPARE(t.saleCount, 3);
    QCOMPARE(t.returnCount, 2);
    QCOMPARE(t.itemsSold, 4);
    QCOMPARE(t.grossSales, eur(1245 + 3000 + 1060));
    QCOMPARE(t.refunds, eur(1248 + 500));
    // Sale +2 (1243 → 1245), return 1248 → 1250 handed out (+2 to the customer): net 0.
    QCOMPARE(t.rounding, eur(0));
    QCOMPARE(t.salesByTender.value(QStringLiteral("cash")), eur(1245 + 2000));
    QCOMPARE(t.salesByTender.value(QStringLiteral("card")), eur(1000));
    QCOMPARE(t.salesByTender.value(QStringLiteral("gift_card")), eur(1060));
    QCOMPARE(t.refundsByTender.value(QStringLiteral("cash")), eur(1250));
    QCOMPARE(t.refundsByTender.value(QStringLiteral("card")), eur(500));
    QCOMPARE(t.cashSales, eur(3245));
    QCOMPARE(t.cashRefunds, eur(1250));
    QCOMPARE(t.expectedCash(), eur(5000 + 3245 - 1250));
    // VAT per rate, highest first, returns subtracted.
    QCOMPARE(t.vat.size(), 2);
    QCOMPARE(t.vat.at(0).rate.basisPoints, 2100);
    const qint64 gross21 = 1243 + 3000 - 1248 - 500;
    QCOMPARE(t.vat.at(0).gross, eur(gross21));
    QCOMPARE(t.vat.at(0).vat, vat21(1243).vat + vat21(3000).vat - vat21(1248).vat - vat21(500).vat);
    QCOMPARE(t.vat.at(0).net + t.vat.at(0).vat, t.vat.at(0).gross);
    QCOMPARE(t.vat.at(1).rate.basisPoints, 900);
    QCOMPARE(t.vat.at(1).gross, eur(1060));
    QCOMPARE(t.vat.at(1).vat, eur(88));
    QCOMPARE(t.trainingCount, 0);
    QCOMPARE(t.voidCount, 0);
}

void tst_Shift::acrossMidnightIsOneShift()
{
    // Opened at 23:30, sales at 23:50 and 00:20 the next day, closed at 01:00: one shift,
    // every sale counted in it (its business date is the opening date).
    Shift shift;
    shift.openedAt = QDateTime(QDate(2026, 12, 31), QTime(23, 30), QTimeZone::utc());
    shift.closedAt = QDateTime(QDate(2027, 1, 1), QTime(1, 0), QTimeZone::utc());
    QList<Sale> sales(2);
    sales[0].soldAt = QDateTime(QDate(2026, 12, 31), QTime(23, 50), QTimeZone::utc());
    sales[0].total = eur(1000);
    sales[0].tenders = { tender(TenderMethod::Cash, 1000) };
    sales[1].soldAt = QDateTime(QDate(2027, 1, 1), QTime(0, 20), QTimeZone::utc());
    sales[1].total = eur(2000);
    sales[1].tenders = { tender(TenderMethod::Cash, 2000) };
    QVERIFY(sales[0].soldAt.date() != sales[1].soldAt.date());
    QList<ShiftDocument> docs;
    for (const Sale &sale : sales) {
        QVERIFY(sale.soldAt >= shift.openedAt && sale.soldAt <= shift.closedAt);
        ShiftDocument doc;
        doc.total = sale.total;
        doc.tenders = sale.tenders;
        docs.append(doc);
    }
    const ShiftTotals t = shiftTotals(eur(10000), docs, {});
    QCOMPARE(t.saleCount, 2);
    QCOMPARE(t.cashSales, eur(3000));
    QCOMPARE(t.expectedCash(), eur(13000));
}

void tst_Shift::trainingAndVoidedLeftOut()
{
    ShiftDocument training = cashSale(5000);
    training.training = true;
    ShiftDocument trainingReturn = cashReturn(700);
    trainingReturn.training = true;
    ShiftDocument voided = cardSale(2500);
    voided.voided = true;
    const QList<ShiftDocument> docs { cashSale(1000), training, trainingReturn, voided };

    const ShiftTotals t = shiftTotals(eur(0), docs, {});
    QCOMPARE(t.saleCount, 1);
    QCOMPARE(t.returnCount, 0);
    QCOMPARE(t.itemsSold, 1);
    QCOMPARE(t.trainingCount, 2);
    QCOMPARE(t.voidCount, 1);
    QCOMPARE(t.grossSales, eur(1000));
    QCOMPARE(t.refunds, eur(0));
    QCOMPARE(t.cashSales, eur(1000));
    QCOMPARE(t.cashRefunds, eur(0));
    QCOMPARE(t.salesByTender.value(QStringLiteral("card")), eur(0));
    QCOMPARE(t.vat.size(), 1);
    QCOMPARE(t.vat.at(0).gross, eur(1000));
    QCOMPARE(t.expectedCash(), eur(1000));
}

void tst_Shift::movementsCounted()
{
    const QList<CashMovement> moves { move(CashMovementKind::CashIn, 2000),
        move(CashMovementKind::CashOut, 500), move(CashMovementKind::NoSale, 0),
        move(CashMovementKind::NoSale, 0), move(CashMovementKind::CashIn, 100) };
    const ShiftTotals t = shiftTotals(eur(1000), {}, moves);
    QCOMPARE(t.cashIn, eur(2100));
    QCOMPARE(t.cashOut, eur(500));
    QCOMPARE(t.noSaleCount, 2);
    QCOMPARE(t.expectedCash(), eur(2600));
}

void tst_Shift::parseCashCountAccepts()
{
    const QMap<qint64, QString> typed { { 50, QStringLiteral("3") },
        { 2000, QStringLiteral(" 2 ") }, { 100, QString() }, { 500, QStringLiteral("0") },
        { 1, QStringLiteral("99999") } };
    const Result<CashCount> count = parseCashCount(typed);
    QVERIFY2(count.ok(), qPrintable(count.ok() ? QString() : count.error().detail));
    QCOMPARE(count->pieces.value(50), qint64(3));
    QCOMPARE(count->pieces.value(2000), qint64(2));
    QCOMPARE(count->pieces.value(100), qint64(0));
    QCOMPARE(count->total(), eur(150 + 4000 + 99999));
    QVERIFY(checkCashCount(count.value()).ok());

    const Result<CashCount> empty = parseCashCount({});
    QVERIFY(empty.ok());
    QVERIFY(empty->isEmpty());
    QCOMPARE(empty->total(), eur(0));
}

void tst_Shift::parseCashCountRejects_data()
{
    QTest::addColumn<qint64>("denomination");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("named"); // the denomination as the message names it

    QTest::newRow("negative") << 50LL << QStringLiteral("-2") << QStringLiteral("count.negative")
                              << QStringLiteral("€ 0,50");
    QTest::newRow("decimal comma") << 2000LL << QStringLiteral("2,5")
                                   << QStringLiteral("count.not_integer") << QStringLiteral("€ 20");
    QTest::newRow("decimal point") << 500LL << QStringLiteral("1.5")
                                   << QStringLiteral("count.not_integer") << QStringLiteral("€ 5");
    QTest::newRow("letters") << 10LL << QStringLiteral("abc") << QStringLiteral("count.not_integer")
                             << QStringLiteral("€ 0,10");
    QTest::newRow("exponent") << 1LL << QStringLiteral("1e3") << QStringLiteral("count.not_integer")
                              << QStringLiteral("€ 0,01");
    QTest::newRow("plus sign") << 200LL << QStringLiteral("+3")
                               << QStringLiteral("count.not_integer") << QStringLiteral("€ 2");
    QTest::newRow("unknown denomination")
        << 25LL << QStringLiteral("1") << QStringLiteral("count.unknown_denomination")
        << QStringLiteral("€ 0,25");
    QTest::newRow("unknown note") << 100000LL << QStringLiteral("1")
                                  << QStringLiteral("count.unknown_denomination")
                                  << QStringLiteral("€ 1000");
    QTest::newRow("too large") << 10000LL << QStringLiteral("100000")
                               << QStringLiteral("count.too_large") << QStringLiteral("€ 100");
    QTest::newRow("far too large") << 5LL << QStringLiteral("99999999999999999999999")
                                   << QStringLiteral("count.too_large") << QStringLiteral("€ 0,05");
}

void tst_Shift::parseCashCountRejects()
{
    QFETCH(qint64, denomination);
    QFETCH(QString, typed);
    QFETCH(QString, code);
    QFETCH(QString, named);

    const QMap<qint64, QString> input { { 100, QStringLiteral("4") }, { denomination, typed } };
    const Result<CashCount> count = parseCashCount(input);
    QVERIFY(!count.ok());
    QCOMPARE(count.error().code, code);
    QVERIFY2(count.error().message.contains(named), qPrintable(count.error().message));
}

void tst_Shift::checkCashCountRejects()
{
    CashCount negative;
    negative.pieces.insert(500, -1);
    QCOMPARE(checkCashCount(negative).error().code, QStringLiteral("count.negative"));
    CashCount unknown;
    unknown.pieces.insert(300, 1);
    QCOMPARE(checkCashCount(unknown).error().code, QStringLiteral("count.unknown_denomination"));
    CashCount large;
    large.pieces.insert(1, 100000);
    QCOMPARE(checkCashCount(large).error().code, QStringLiteral("count.too_large"));
    QVERIFY(checkCashCount(countOf(98765)).ok());
}

void tst_Shift::checkCashMovement_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<qint64>("amount");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<qint64>("inDrawer");
    QTest::addColumn<QString>("code"); // empty: allowed

    const int in = int(CashMovementKind::CashIn);
    const int out = int(CashMovementKind::CashOut);
    const int noSale = int(CashMovementKind::NoSale);
    const QString reason = QStringLiteral("to the safe");
    QTest::newRow("cash in") << in << 5000LL << reason << 0LL << QString();
    QTest::newRow("cash out within drawer") << out << 5000LL << reason << 5000LL << QString();
    QTest::newRow("cash out beyond drawer")
        << out << 5001LL << reason << 5000LL << QStringLiteral("shift.cash_out_exceeds");
    QTest::newRow("cash out of an empty drawer")
        << out << 1LL << reason << 0LL << QStringLiteral("shift.cash_out_exceeds");
    QTest::newRow("cash in zero") << in << 0LL << reason << 0LL << QStringLiteral("shift.amount");
    QTest::newRow("cash out zero")
        << out << 0LL << reason << 100LL << QStringLiteral("shift.amount");
    QTest::newRow("cash in negative")
        << in << -100LL << reason << 0LL << QStringLiteral("shift.amount");
    QTest::newRow("cash in over 100,000")
        << in << 10000001LL << reason << 0LL << QStringLiteral("shift.amount");
    QTest::newRow("cash in exactly 100,000") << in << 10000000LL << reason << 0LL << QString();
    QTest::newRow("reason missing")
        << in << 100LL << QString() << 0LL << QStringLiteral("shift.reason");
    QTest::newRow("reason blank") << out << 100LL << QStringLiteral("   ") << 500LL
                                  << QStringLiteral("shift.reason");
    QTest::newRow("reason too long")
        << in << 100LL << QString(201, QLatin1Char('x')) << 0LL << QStringLiteral("shift.reason");
    QTest::newRow("reason 200 characters")
        << in << 100LL << QString(200, QLatin1Char('x')) << 0LL << QString();
    QTest::newRow("no-sale") << noSale << 0LL << QStringLiteral("customer needed change") << 0LL
                             << QString();
    QTest::newRow("no-sale with an amount")
        << noSale << 100LL << reason << 500LL << QStringLiteral("shift.amount");
    QTest::newRow("no-sale without reason")
        << noSale << 0LL << QString() << 0LL << QStringLiteral("shift.reason");
}

void tst_Shift::checkCashMovement()
{
    QFETCH(int, kind);
    QFETCH(qint64, amount);
    QFETCH(QString, reason);
    QFETCH(qint64, inDrawer);
    QFETCH(QString, code);

    const Status status = Toonbank::Core::checkCashMovement(
        move(CashMovementKind(kind), amount, reason), eur(inDrawer));
    if (code.isEmpty()) {
        QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().detail));
    } else {
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, code);
        QVERIFY(!status.error().message.isEmpty());
    }
}

void tst_Shift::names()
{
    for (CashMovementKind kind :
        { CashMovementKind::CashIn, CashMovementKind::CashOut, CashMovementKind::NoSale })
        QCOMPARE(cashMovementKindFromName(name(kind)), kind);
    QCOMPARE(name(CashMovementKind::CashIn), QStringLiteral("cash_in"));
    QCOMPARE(name(CashMovementKind::CashOut), QStringLiteral("cash_out"));
    QCOMPARE(name(CashMovementKind::NoSale), QStringLiteral("no_sale"));
    QVERIFY(!cashMovementKindFromName(QStringLiteral("cash")));
    QCOMPARE(name(ShiftState::Open), QStringLiteral("open"));
    QCOMPARE(name(ShiftState::Closed), QStringLiteral("closed"));
    QCOMPARE(shiftStateFromName(QStringLiteral("closed")), ShiftState::Closed);
    QVERIFY(!shiftStateFromName(QStringLiteral("Closed")));
}

QTEST_APPLESS_MAIN(tst_Shift)
#include "tst_shift.moc"
