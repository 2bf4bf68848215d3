#include "app/core/basket.h"
#include "app/core/cashrounding.h"

#include <QTest>

using namespace Toonbank::Core;

namespace {

struct LineSpec
{
    qint64 productId = 0;
    qint64 unitCents = 0;
    int quantity = 1;
    int basisPoints = 0;
    qint64 discountCents = 0;
};

struct RateSpec
{
    int basisPoints = 0;
    qint64 gross = 0;
    qint64 vat = 0;
    qint64 net = 0;
};

// One row: the lines added in order and what the receipt must show, in cents worked out by
// hand: VAT = gross * rate / (100 + rate), half away from zero, per rate.
struct TotalsCase
{
    QList<LineSpec> lines;
    int lineCount = 0;
    qint64 total = 0;
    qint64 totalVat = 0;
    int itemCount = 0;
    qint64 cashTotal = 0;
    QList<RateSpec> rates;
};

QString classFor(int basisPoints)
{
    switch (basisPoints) {
    case 2100:
        return QStringLiteral("standard");
    case 1200:
        return QStringLiteral("intermediate");
    case 0:
        return QStringLiteral("zero");
    default:
        return QStringLiteral("reduced");
    }
}

BasketLine makeLine(const LineSpec &spec)
{
    BasketLine line;
    line.productId = spec.productId;
    line.sku = QStringLiteral("SKU-%1").arg(spec.productId);
    line.name = QStringLiteral("Product %1").arg(spec.productId);
    line.unitPrice = Money::fromCents(spec.unitCents);
    line.regularPrice = Money::fromCents(spec.unitCents);
    line.quantity = spec.quantity;
    line.vatRate = VatRate { spec.basisPoints, classFor(spec.basisPoints) };
    line.lineDiscount = Money::fromCents(spec.discountCents);
    return line;
}

BasketLine product(qint64 productId, qint64 unitCents, int quantity = 1, int basisPoints = 2100)
{
    return makeLine(LineSpec { productId, unitCents, quantity, basisPoints, 0 });
}

} // namespace

Q_DECLARE_METATYPE(TotalsCase)

class tst_Basket : public QObject
{
    Q_OBJECT

private slots:
    void totals_data();
    void totals();
    void emptyBasket();
    void addReturnsIndexOfChangedLine();
    void mergeNeedsSameVatRate();
    void setQuantity();
    void setQuantityZeroRemoves();
    void removeAndClear();
    void outOfRangeIndex();
    void reducedAndIntermediateAtSameRateShareAGroup();
    void fiftyLines();
};

void tst_Basket::totals_data()
{
    QTest::addColumn<TotalsCase>("data");

    // Lines are {productId, unit price, quantity, rate bp[, line discount]}; then the line count
    // after merging, total, total VAT, item count, cash total rounded to 5 cents, and per rate
    // {rate bp, gross, VAT, net}, highest rate first. All in cents.
    // clang-format off
    QTest::newRow("nl 21% one item") << TotalsCase{{{1, 1000, 1, 2100}},
        1, 1000, 174, 1, 1000, {{2100, 1000, 174, 826}}};
    QTest::newRow("nl 21% three of one product") << TotalsCase{{{1, 299, 3, 2100}},
        1, 897, 156, 3, 895, {{2100, 897, 156, 741}}};
    QTest::newRow("nl 9% one item") << TotalsCase{{{1, 249, 1, 900}},
        1, 249, 21, 1, 250, {{900, 249, 21, 228}}};
    QTest::newRow("nl 0% one item") << TotalsCase{{{1, 500, 1, 0}},
        1, 500, 0, 1, 500, {{0, 500, 0, 500}}};
    QTest::newRow("nl 21% one cent") << TotalsCase{{{1, 1, 1, 2100}},
        1, 1, 0, 1, 0, {{2100, 1, 0, 1}}};
    QTest::newRow("nl 21% five cents") << TotalsCase{{{1, 5, 1, 2100}},
        1, 5, 1, 1, 5, {{2100, 5, 1, 4}}};
    QTest::newRow("nl 21% VAT per rate not per line") << TotalsCase{{{1, 100, 1, 2100}, {2, 100, 1, 2100}, {3, 100, 1, 2100}},
        3, 300, 52, 3, 300, {{2100, 300, 52, 248}}};
    QTest::newRow("nl 9% VAT per rate not per line") << TotalsCase{{{1, 105, 1, 900}, {2, 105, 1, 900}, {3, 105, 1, 900}, {4, 105, 1, 900}},
        4, 420, 35, 4, 420, {{900, 420, 35, 385}}};
    QTest::newRow("nl mixed 21/9/0") << TotalsCase{{{1, 1999, 1, 2100}, {2, 349, 2, 900}, {3, 150, 1, 0}},
        3, 2847, 405, 4, 2845, {{2100, 1999, 347, 1652}, {900, 698, 58, 640}, {0, 150, 0, 150}}};
    QTest::newRow("nl mixed 21/9 groceries") << TotalsCase{{{1, 129, 6, 900}, {2, 89, 2, 900}, {3, 1495, 1, 2100}, {4, 379, 1, 2100}},
        4, 2826, 404, 10, 2825, {{2100, 1874, 325, 1549}, {900, 952, 79, 873}}};
    QTest::newRow("nl mixed 9 before 21 in basket") << TotalsCase{{{1, 1099, 1, 900}, {2, 2495, 2, 2100}, {3, 49, 3, 0}},
        3, 6236, 957, 6, 6235, {{2100, 4990, 866, 4124}, {900, 1099, 91, 1008}, {0, 147, 0, 147}}};
    QTest::newRow("nl large quantity") << TotalsCase{{{1, 1, 1000, 2100}},
        1, 1000, 174, 1000, 1000, {{2100, 1000, 174, 826}}};
    QTest::newRow("nl large amount") << TotalsCase{{{1, 149999, 3, 2100}, {2, 89900, 1, 900}},
        2, 539897, 85522, 4, 539895, {{2100, 449997, 78099, 371898}, {900, 89900, 7423, 82477}}};
    QTest::newRow("be 21% one item") << TotalsCase{{{1, 4999, 1, 2100}},
        1, 4999, 868, 1, 5000, {{2100, 4999, 868, 4131}}};
    QTest::newRow("be 12% one item") << TotalsCase{{{1, 1850, 1, 1200}},
        1, 1850, 198, 1, 1850, {{1200, 1850, 198, 1652}}};
    QTest::newRow("be 6% one item") << TotalsCase{{{1, 239, 1, 600}},
        1, 239, 14, 1, 240, {{600, 239, 14, 225}}};
    QTest::newRow("be 12% half cent rounds up") << TotalsCase{{{1, 14, 1, 1200}},
        1, 14, 2, 1, 15, {{1200, 14, 2, 12}}};
    QTest::newRow("be 12% 4.5 cents rounds up") << TotalsCase{{{1, 42, 1, 1200}},
        1, 42, 5, 1, 40, {{1200, 42, 5, 37}}};
    QTest::newRow("be mixed 21/12/6/0") << TotalsCase{{{1, 2999, 1, 2100}, {2, 1450, 2, 1200}, {3, 315, 4, 600}, {4, 250, 1, 0}},
        4, 7409, 902, 8, 7410, {{2100, 2999, 520, 2479}, {1200, 2900, 311, 2589}, {600, 1260, 71, 1189}, {0, 250, 0, 250}}};
    QTest::newRow("be mixed 6/12 restaurant takeaway") << TotalsCase{{{1, 895, 2, 1200}, {2, 350, 3, 600}, {3, 275, 2, 2100}},
        3, 3390, 346, 7, 3390, {{2100, 550, 95, 455}, {1200, 1790, 192, 1598}, {600, 1050, 59, 991}}};
    QTest::newRow("be 6% many small lines") << TotalsCase{{{1, 99, 1, 600}, {2, 119, 1, 600}, {3, 79, 1, 600}, {4, 149, 2, 600}, {5, 59, 5, 600}},
        5, 890, 50, 10, 890, {{600, 890, 50, 840}}};
    QTest::newRow("return line alone 21%") << TotalsCase{{{1, 1999, -1, 2100}},
        1, -1999, -347, -1, -2000, {{2100, -1999, -347, -1652}}};
    QTest::newRow("return line alone 9%") << TotalsCase{{{1, 249, -2, 900}},
        1, -498, -41, -2, -500, {{900, -498, -41, -457}}};
    QTest::newRow("sale and return same rate") << TotalsCase{{{1, 2999, 1, 2100}, {2, 1999, -1, 2100}},
        2, 1000, 174, 0, 1000, {{2100, 1000, 174, 826}}};
    QTest::newRow("sale and return of same product kept apart") << TotalsCase{{{1, 1000, 2, 2100}, {1, 1000, -1, 2100}},
        2, 1000, 174, 1, 1000, {{2100, 1000, 174, 826}}};
    QTest::newRow("return larger than sale negative total") << TotalsCase{{{1, 500, 1, 900}, {2, 4999, -1, 2100}},
        2, -4499, -827, 0, -4500, {{2100, -4999, -868, -4131}, {900, 500, 41, 459}}};
    QTest::newRow("be return mixed rates") << TotalsCase{{{1, 1450, -1, 1200}, {2, 315, -2, 600}, {3, 2999, 1, 2100}},
        3, 919, 329, -2, 920, {{2100, 2999, 520, 2479}, {1200, -1450, -155, -1295}, {600, -630, -36, -594}}};
    QTest::newRow("discount on 21% line") << TotalsCase{{{1, 2000, 1, 2100, 500}},
        1, 1500, 260, 1, 1500, {{2100, 1500, 260, 1240}}};
    QTest::newRow("discount on multi-quantity 9% line") << TotalsCase{{{1, 349, 3, 900, 47}},
        1, 1000, 83, 3, 1000, {{900, 1000, 83, 917}}};
    QTest::newRow("discount and undiscounted same product") << TotalsCase{{{1, 1000, 1, 2100, 100}, {1, 1000, 1, 2100}},
        2, 1900, 330, 2, 1900, {{2100, 1900, 330, 1570}}};
    QTest::newRow("discount mixed rates") << TotalsCase{{{1, 4999, 1, 2100, 1000}, {2, 899, 2, 900, 99}, {3, 650, 1, 1200, 50}},
        3, 6298, 898, 4, 6300, {{2100, 3999, 694, 3305}, {1200, 600, 64, 536}, {900, 1699, 140, 1559}}};
    QTest::newRow("merge same product twice") << TotalsCase{{{1, 250, 1, 900}, {1, 250, 1, 900}},
        1, 500, 41, 2, 500, {{900, 500, 41, 459}}};
    QTest::newRow("merge three adds and another product") << TotalsCase{{{1, 250, 1, 900}, {2, 1999, 1, 2100}, {1, 250, 2, 900}, {1, 250, 1, 900}},
        2, 2999, 430, 5, 3000, {{2100, 1999, 347, 1652}, {900, 1000, 83, 917}}};
    QTest::newRow("no merge at different price") << TotalsCase{{{1, 250, 1, 900}, {1, 199, 1, 900}},
        2, 449, 37, 2, 450, {{900, 449, 37, 412}}};
    QTest::newRow("no merge for discounted adds") << TotalsCase{{{1, 250, 1, 900, 25}, {1, 250, 1, 900, 25}},
        2, 450, 37, 2, 450, {{900, 450, 37, 413}}};
    QTest::newRow("merge return lines") << TotalsCase{{{1, 1999, -1, 2100}, {1, 1999, -1, 2100}},
        1, -3998, -694, -2, -4000, {{2100, -3998, -694, -3304}}};
    QTest::newRow("all zero rate") << TotalsCase{{{1, 1000, 1, 0}, {2, 2345, 2, 0}},
        2, 5690, 0, 3, 5690, {{0, 5690, 0, 5690}}};
    QTest::newRow("free item") << TotalsCase{{{1, 0, 1, 2100}, {2, 995, 1, 2100}},
        2, 995, 173, 2, 995, {{2100, 995, 173, 822}}};

    // clang-format on
}

void tst_Basket::totals()
{
    QFETCH(TotalsCase, data);

    Basket basket;
    for (const LineSpec &spec : data.lines)
        basket.add(makeLine(spec));
    QCOMPARE(basket.lines().size(), data.lineCount);

    const BasketTotals totals = basket.totals();
    QCOMPARE(totals.total.cents(), data.total);
    QCOMPARE(totals.totalVat.cents(), data.totalVat);
    QCOMPARE(totals.itemCount, data.itemCount);
    QCOMPARE(roundToFiveCents(totals.total).cents(), data.cashTotal);

    QCOMPARE(totals.perRate.size(), data.rates.size());
    Money grossSum;
    Money vatSum;
    for (qsizetype i = 0; i < data.rates.size(); ++i) {
        const VatBreakdown &actual = totals.perRate.at(i);
        const RateSpec &expected = data.rates.at(i);
        QCOMPARE(actual.rate.basisPoints, expected.basisPoints);
        QCOMPARE(actual.gross.cents(), expected.gross);
        QCOMPARE(actual.vat.cents(), expected.vat);
        QCOMPARE(actual.net.cents(), expected.net);
        QCOMPARE(actual.net + actual.vat, actual.gross);
        if (i > 0)
            QVERIFY(totals.perRate.at(i - 1).rate.basisPoints > actual.rate.basisPoints);
        grossSum += actual.gross;
        vatSum += actual.vat;
    }
    QCOMPARE(grossSum, totals.total);
    QCOMPARE(vatSum, totals.totalVat);
}

void tst_Basket::emptyBasket()
{
    Basket basket;
    QVERIFY(basket.isEmpty());
    const BasketTotals totals = basket.totals();
    QCOMPARE(totals.total, Money());
    QCOMPARE(totals.totalVat, Money());
    QCOMPARE(totals.itemCount, 0);
    QVERIFY(totals.perRate.isEmpty());
}

void tst_Basket::addReturnsIndexOfChangedLine()
{
    Basket basket;
    QCOMPARE(basket.add(product(1, 250)), 0);
    QCOMPARE(basket.add(product(2, 999)), 1);
    QCOMPARE(basket.add(product(1, 250, 3)), 0);
    QCOMPARE(basket.lines().at(0).quantity, 4);
    QCOMPARE(basket.add(product(2, 899)), 2); // a different price is a line of its own
    QCOMPARE(basket.add(product(1, 250, -1)), 3); // a return stays apart from the sale
    QCOMPARE(basket.lines().size(), 4);
    QCOMPARE(basket.lines().at(0).quantity, 4);
}

void tst_Basket::mergeNeedsSameVatRate()
{
    Basket basket;
    basket.add(product(7, 500, 1, 2100));
    QCOMPARE(basket.add(product(7, 500, 1, 900)), 1);
    QCOMPARE(basket.lines().size(), 2);
}

void tst_Basket::setQuantity()
{
    Basket basket;
    basket.add(product(1, 250));
    basket.add(product(2, 1000));
    QVERIFY(basket.setQuantity(1, 3));
    QCOMPARE(basket.lines().at(1).quantity, 3);
    QCOMPARE(basket.totals().total.cents(), 3250);
    QVERIFY(basket.setQuantity(0, -2));
    QCOMPARE(basket.totals().total.cents(), 2500);
    QCOMPARE(basket.totals().itemCount, 1);
}

void tst_Basket::setQuantityZeroRemoves()
{
    Basket basket;
    basket.add(product(1, 250));
    basket.add(product(2, 1000));
    QVERIFY(basket.setQuantity(0, 0));
    QCOMPARE(basket.lines().size(), 1);
    QCOMPARE(basket.lines().at(0).productId, 2);
    QCOMPARE(basket.totals().total.cents(), 1000);
}

void tst_Basket::removeAndClear()
{
    Basket basket;
    basket.add(product(1, 250));
    basket.add(product(2, 1000));
    basket.add(product(3, 1));
    QVERIFY(basket.remove(1));
    QCOMPARE(basket.lines().size(), 2);
    QCOMPARE(basket.lines().at(1).productId, 3);
    QCOMPARE(basket.totals().total.cents(), 251);
    basket.clear();
    QVERIFY(basket.isEmpty());
    QCOMPARE(basket.totals().total, Money());
}

void tst_Basket::outOfRangeIndex()
{
    Basket basket;
    QVERIFY(!basket.remove(0));
    QVERIFY(!basket.setQuantity(0, 1));
    basket.add(product(1, 250));
    QVERIFY(!basket.remove(1));
    QVERIFY(!basket.remove(-1));
    QVERIFY(!basket.setQuantity(1, 2));
    QVERIFY(!basket.setQuantity(-1, 2));
    QCOMPARE(basket.lines().size(), 1);
    QCOMPARE(basket.lines().at(0).quantity, 1);
}

void tst_Basket::reducedAndIntermediateAtSameRateShareAGroup()
{
    // NL maps "intermediate" to 9 %: both classes land on one receipt line for 9 %.
    Basket basket;
    BasketLine bread = product(1, 249, 1, 900);
    bread.vatRate.vatClass = QStringLiteral("reduced");
    BasketLine book = product(2, 1999, 1, 900);
    book.vatRate.vatClass = QStringLiteral("intermediate");
    basket.add(bread);
    basket.add(book);
    const BasketTotals totals = basket.totals();
    QCOMPARE(totals.perRate.size(), 1);
    QCOMPARE(totals.perRate.at(0).gross.cents(), 2248);
    QCOMPARE(totals.perRate.at(0).vat.cents(), 186); // 2248 * 9 / 109 = 185.61
}

void tst_Basket::fiftyLines()
{
    Basket basket;
    const int rates[] = { 2100, 900, 0 };
    for (int i = 0; i < 50; ++i)
        basket.add(product(i + 1, 100 + i, 1 + i % 3, rates[i % 3]));
    QCOMPARE(basket.lines().size(), 50);
    BasketTotals totals;
    QBENCHMARK
    {
        totals = basket.totals();
    }
    QCOMPARE(totals.perRate.size(), 3);
    Money grossSum;
    for (const VatBreakdown &breakdown : totals.perRate)
        grossSum += breakdown.gross;
    QCOMPARE(grossSum, totals.total);
}

QTEST_GUILESS_MAIN(tst_Basket)

#include "tst_basket.moc"
