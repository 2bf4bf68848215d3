#include "app/core/sale.h"

#include <QTest>

#include <ctime>

using namespace Toonbank::Core;

namespace {

struct LineSpec
{
    const char *sku = "SKU";
    qint64 unitCents = 0;
    int quantity = 1;
    VatClass vatClass = VatClass::Standard;
    const char *category = "clothing";
    qint64 manualCents = 0; // manual discount: an amount …
    int manualBasisPoints = 0; // … or a percentage of what is left
    bool manual = false;
};

LineSpec manualAmount(LineSpec spec, qint64 cents)
{
    spec.manual = true;
    spec.manualCents = cents;
    return spec;
}

LineSpec manualPercent(LineSpec spec, int basisPoints)
{
    spec.manual = true;
    spec.manualBasisPoints = basisPoints;
    return spec;
}

struct RateSpec
{
    int basisPoints = 0;
    qint64 gross = 0;
    qint64 vat = 0;
};

struct SaleCase
{
    QList<LineSpec> lines;
    QString country = QStringLiteral("NL");
    QDateTime soldAt = QDateTime(QDate(2026, 11, 29), QTime(11, 0), Qt::UTC);
    QList<Promotion> promotions;
    QString tier; // non-empty: a customer of this tier is attached
    QString error; // non-empty: the error code expected
    qint64 total = 0;
    QList<qint64> lineTotals;
    QList<RateSpec> rates; // highest first
    qint64 points = 0;
};

Promotion percentOff(const char *id, const char *sku, int basisPoints)
{
    Promotion promotion;
    promotion.id = QLatin1String(id);
    promotion.label = QLatin1String(id);
    promotion.kind = PromotionKind::PercentOff;
    promotion.target = PromotionTarget::Item;
    promotion.targetKeys = { QLatin1String(sku) };
    promotion.percentBasisPoints = basisPoints;
    return promotion;
}

Promotion until(Promotion promotion, QDateTime localTime)
{
    promotion.validUntil = std::move(localTime);
    return promotion;
}

QList<DraftLine> makeLines(const QList<LineSpec> &specs)
{
    QList<DraftLine> lines;
    int n = 0;
    for (const LineSpec &spec : specs) {
        DraftLine line;
        line.lineId = QStringLiteral("L%1").arg(++n);
        line.productId = n;
        line.sku = QLatin1String(spec.sku);
        line.name = QStringLiteral("Product %1").arg(line.sku);
        line.category = QLatin1String(spec.category);
        line.vatClass = spec.vatClass;
        line.quantity = spec.quantity;
        line.unitPrice = Money::fromCents(spec.unitCents);
        line.regularPrice = line.unitPrice;
        if (spec.manual) {
            ManualDiscount manual;
            manual.amount = Money::fromCents(spec.manualCents);
            manual.percentBasisPoints = spec.manualBasisPoints;
            manual.reason = QStringLiteral("damaged box");
            manual.requestedBy = 7;
            line.manualDiscount = manual;
        }
        lines.append(line);
    }
    return lines;
}

SaleRules makeRules(const SaleCase &data)
{
    SaleRules rules;
    rules.vatTable = VatTable::builtIn();
    rules.country = data.country;
    rules.storeCode = QStringLiteral("S1");
    rules.promotions = data.promotions;
    rules.loyalty = LoyaltyRules::defaults();
    return rules;
}

SaleContext makeContext(const SaleCase &data)
{
    SaleContext context;
    context.soldAt = data.soldAt;
    if (!data.tier.isEmpty())
        context.customer = SaleCustomer { 42, QStringLiteral("2990000000015"), data.tier };
    return context;
}

const auto Standard = VatClass::Standard;
const auto Reduced = VatClass::Reduced;
const auto Intermediate = VatClass::Intermediate;
const auto Zero = VatClass::Zero;

QDateTime utc(int year, int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), Qt::UTC);
}

} // namespace

Q_DECLARE_METATYPE(SaleCase)

class tst_Sale : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void build_data();
    void build();
    void copiesContext();
    void rebuildingGivesTheSameSale();
    void orderDeliveryTakesNoPromotionNorPoints();
    void manualDiscountAdjustment();
    void lineTotalAndCounts();
    void vatBreakdownSumsExactly();
    void names();
};

void tst_Sale::initTestCase()
{
    // Promotions are judged, and VAT looked up, in the store's local time: Amsterdam.
    qputenv("TZ", "Europe/Amsterdam");
    ::tzset();
    QCOMPARE(utc(2026, 11, 29, 23, 30).toLocalTime().date(), QDate(2026, 11, 30));
}

void tst_Sale::build_data()
{
    QTest::addColumn<SaleCase>("data");

    const LineSpec shirt { "SHIRT", 2000 };
    const LineSpec bread { "BREAD", 249, 2, Reduced, "food" };
    const LineSpec book { "BOOK", 1850, 1, Intermediate, "books" };
    const LineSpec stamp { "STAMP", 150, 1, Zero, "services" };
    const LineSpec giftCard { "GIFT", 2500, 1, Zero, "gift_cards" };

    auto row = [](const char *name, SaleCase data) { QTest::newRow(name) << data; };
    SaleCase c;

    // VAT per rate from the table, on the sale's local date. All amounts in cents by hand:
    // VAT = gross * rate / (100 + rate), half away from zero.
    c = {};
    c.lines = { shirt };
    c.total = 2000;
    c.lineTotals = { 2000 };
    c.rates = { { 2100, 2000, 347 } };
    row("nl one standard line", c);

    c = {};
    c.lines = { shirt, bread, stamp };
    c.total = 2648;
    c.lineTotals = { 2000, 498, 150 };
    c.rates = { { 2100, 2000, 347 }, { 900, 498, 41 }, { 0, 150, 0 } };
    row("nl standard, reduced and zero", c);

    c = {};
    c.lines = { bread };
    c.soldAt = utc(2018, 12, 31, 12);
    c.total = 498;
    c.lineTotals = { 498 };
    c.rates = { { 600, 498, 28 } };
    row("nl reduced was 6% in 2018", c);

    c = {};
    c.lines = { bread };
    c.soldAt = utc(2018, 12, 31, 23, 30); // 00:30 on 1 January 2019 in Amsterdam
    c.total = 498;
    c.lineTotals = { 498 };
    c.rates = { { 900, 498, 41 } };
    row("VAT on the local date, not the UTC date", c);

    c = {};
    c.lines = { book, shirt };
    c.country = QStringLiteral("BE");
    c.total = 3850;
    c.lineTotals = { 1850, 2000 };
    c.rates = { { 2100, 2000, 347 }, { 1200, 1850, 198 } };
    row("be intermediate 12%", c);

    c = {};
    c.lines = { book };
    c.total = 1850;
    c.lineTotals = { 1850 };
    c.rates = { { 900, 1850, 153 } };
    row("nl intermediate falls under 9%", c);

    c = {};
    c.lines = { shirt };
    c.country = QStringLiteral("DE");
    c.error = QStringLiteral("vat.unknown");
    row("no rate for the country", c);

    // Promotions from the engine, in the sale's local time.
    c = {};
    c.lines = { shirt, bread };
    c.promotions = { percentOff("P1", "SHIRT", 2000) };
    c.total = 2098;
    c.lineTotals = { 1600, 498 };
    c.rates = { { 2100, 1600, 278 }, { 900, 498, 41 } };
    row("promotion lowers the line and its VAT", c);

    c = {};
    c.lines = { shirt };
    c.promotions = { until(
        percentOff("P1", "SHIRT", 2000), QDateTime(QDate(2026, 11, 29), QTime(23, 59, 59))) };
    c.soldAt = utc(2026, 11, 29, 22, 59); // 23:59 local
    c.total = 1600;
    c.lineTotals = { 1600 };
    c.rates = { { 2100, 1600, 278 } };
    row("promotion until local midnight applies at 23:59", c);

    c.soldAt = utc(2026, 11, 29, 23, 30); // 00:30 local on the 30th: ended
    c.total = 2000;
    c.lineTotals = { 2000 };
    c.rates = { { 2100, 2000, 347 } };
    row("promotion ended by local time though UTC date is the same", c);

    // Manual discounts, last, on what is left.
    c = {};
    c.lines = { manualAmount(shirt, 500) };
    c.total = 1500;
    c.lineTotals = { 1500 };
    c.rates = { { 2100, 1500, 260 } };
    row("manual amount", c);

    c = {};
    c.lines = { manualPercent(shirt, 1000) };
    c.total = 1800;
    c.lineTotals = { 1800 };
    c.rates = { { 2100, 1800, 312 } };
    row("manual percent", c);

    c = {};
    c.lines = { manualPercent(shirt, 1000) };
    c.promotions = { percentOff("P1", "SHIRT", 2000) };
    c.total = 1440;
    c.lineTotals = { 1440 };
    c.rates = { { 2100, 1440, 250 } };
    row("manual percent of what the promotion left", c);

    c = {};
    c.lines = { manualPercent(LineSpec { "MILK", 129, 3, Reduced, "food" }, 1250) };
    c.total = 339;
    c.lineTotals = { 339 }; // 387 - 48.375 → 48
    c.rates = { { 900, 339, 28 } };
    row("manual percent rounds half away from zero", c);

    c = {};
    c.lines = { manualAmount(shirt, 2000) };
    c.total = 0;
    c.lineTotals = { 0 };
    c.rates = { { 2100, 0, 0 } };
    row("manual equal to the line makes it free", c);

    c = {};
    c.lines = { manualAmount(shirt, 0) };
    c.total = 2000;
    c.lineTotals = { 2000 };
    c.rates = { { 2100, 2000, 347 } };
    row("manual of zero is no discount", c);

    c = {};
    c.lines = { manualAmount(shirt, 2001) };
    c.error = QStringLiteral("sale.manual_exceeds_line");
    row("manual more than the line", c);

    c = {};
    c.lines = { manualAmount(shirt, 1001) };
    c.promotions = { percentOff("P1", "SHIRT", 5000) };
    c.error = QStringLiteral("sale.manual_exceeds_line");
    row("manual more than the promotion left", c);

    c = {};
    c.lines = { manualPercent(shirt, 10001) };
    c.error = QStringLiteral("sale.manual_exceeds_line");
    row("manual above 100 percent", c);

    c = {};
    c.lines = { manualAmount(shirt, -100) };
    c.error = QStringLiteral("sale.manual_negative");
    row("manual negative amount", c);

    c = {};
    c.lines = { manualPercent(shirt, -500) };
    c.error = QStringLiteral("sale.manual_negative");
    row("manual negative percent", c);

    // Validation.
    c = {};
    c.lines = { LineSpec { "SHIRT", 2000, 0 } };
    c.error = QStringLiteral("sale.quantity");
    row("zero quantity", c);

    c = {};
    c.lines = { LineSpec { "SHIRT", -1 } };
    c.error = QStringLiteral("sale.price");
    row("negative price", c);

    c = {};
    c.lines = { shirt };
    c.soldAt = QDateTime();
    c.error = QStringLiteral("sale.sold_at");
    row("no sale time", c);

    c = {};
    c.total = 0;
    row("empty sale", c);

    // Points, through the loyalty rules, when a customer is attached.
    c = {};
    c.lines = { shirt, bread };
    c.tier = QStringLiteral("basic");
    c.total = 2498;
    c.lineTotals = { 2000, 498 };
    c.rates = { { 2100, 2000, 347 }, { 900, 498, 41 } };
    c.points = 24;
    row("basic customer earns per whole euro", c);

    c.tier = QStringLiteral("gold");
    c.points = 72;
    row("gold customer earns three per euro", c);

    c = {};
    c.lines = { shirt, giftCard };
    c.tier = QStringLiteral("silver");
    c.total = 4500;
    c.lineTotals = { 2000, 2500 };
    c.rates = { { 2100, 2000, 347 }, { 0, 2500, 0 } };
    c.points = 40;
    row("gift cards earn no points", c);

    c = {};
    c.lines = { manualPercent(shirt, 1000) };
    c.promotions = { percentOff("P1", "SHIRT", 2000) };
    c.tier = QStringLiteral("gold");
    c.total = 1440;
    c.lineTotals = { 1440 };
    c.rates = { { 2100, 1440, 250 } };
    c.points = 42;
    row("points on what is paid after every discount", c);
}

void tst_Sale::build()
{
    QFETCH(SaleCase, data);

    const auto built = buildSale(makeLines(data.lines), makeRules(data), makeContext(data));
    if (!data.error.isEmpty()) {
        QVERIFY(!built.ok());
        QCOMPARE(built.error().code, data.error);
        QVERIFY(!built.error().message.isEmpty());
        QVERIFY(!built.error().detail.isEmpty());
        return;
    }
    QVERIFY2(built.ok(), qPrintable(built.ok() ? QString() : built.error().detail));
    const Sale &sale = built.value();
    QCOMPARE(sale.total.cents(), data.total);
    QCOMPARE(sale.lines.size(), data.lineTotals.size());
    Money sum;
    for (qsizetype i = 0; i < sale.lines.size(); ++i) {
        QCOMPARE(sale.lines.at(i).lineTotal().cents(), data.lineTotals.at(i));
        QCOMPARE(sale.lines.at(i).lineId, QStringLiteral("L%1").arg(i + 1));
        sum += sale.lines.at(i).lineTotal();
    }
    QCOMPARE(sum, sale.total);
    QCOMPARE(sale.vat.size(), data.rates.size());
    Money gross;
    for (qsizetype i = 0; i < sale.vat.size(); ++i) {
        QCOMPARE(sale.vat.at(i).rate.basisPoints, data.rates.at(i).basisPoints);
        QCOMPARE(sale.vat.at(i).gross.cents(), data.rates.at(i).gross);
        QCOMPARE(sale.vat.at(i).vat.cents(), data.rates.at(i).vat);
        QCOMPARE(sale.vat.at(i).net + sale.vat.at(i).vat, sale.vat.at(i).gross);
        gross += sale.vat.at(i).gross;
    }
    QCOMPARE(gross, sale.total);
    QCOMPARE(sale.pointsEarned, data.points);
    QCOMPARE(sale.rounding, Money());
}

void tst_Sale::copiesContext()
{
    SaleRules rules;
    rules.vatTable = VatTable::builtIn();
    rules.country = QStringLiteral("NL");
    rules.storeCode = QStringLiteral("AMS-01");
    rules.loyalty = LoyaltyRules::defaults();
    SaleContext context;
    context.soldAt = utc(2026, 11, 29, 10);
    context.customer = SaleCustomer { 42, QStringLiteral("2990000000015"), QStringLiteral("gold") };
    context.couponCodes = { QStringLiteral("WELCOME5") };
    Authorisation authorisation;
    authorisation.requestedBy = 7;
    authorisation.approvedBy = 3;
    authorisation.lineId = QStringLiteral("L1");
    authorisation.amount = Money::fromCents(500);
    authorisation.reason = QStringLiteral("damaged box");
    authorisation.approvedAt = context.soldAt;
    context.authorisations = { authorisation };

    const auto sale = buildSale(makeLines({ LineSpec { "SHIRT", 2000 } }), rules, context);
    QVERIFY(sale.ok());
    QCOMPARE(sale->storeCode, QStringLiteral("AMS-01"));
    QCOMPARE(sale->soldAt, context.soldAt);
    QVERIFY(sale->customer.has_value());
    QCOMPARE(sale->customer->id, 42);
    QCOMPARE(sale->customer->tier, QStringLiteral("gold"));
    QCOMPARE(sale->couponCodes, context.couponCodes);
    QCOMPARE(sale->authorisations.size(), 1);
    QCOMPARE(sale->authorisations.first().approvedBy, 3);
    QCOMPARE(sale->authorisations.first().amount.cents(), 500);
    QCOMPARE(sale->lines.first().vatRate.basisPoints, 2100);
    QCOMPARE(sale->lines.first().vatRate.vatClass, QStringLiteral("standard"));
    QVERIFY(sale->tenders.isEmpty());
}

void tst_Sale::orderDeliveryTakesNoPromotionNorPoints()
{
    // An endless-aisle order: line 1 is the ordered product, line 2 its delivery charge,
    // which names the same product (a sale line names one) and is the order's delivery line.
    SaleCase data;
    data.tier = QStringLiteral("basic"); // 1 point per euro
    data.promotions = { percentOff("P1", "JEANS", 2000) };
    Promotion basket;
    basket.id = QStringLiteral("B1");
    basket.label = QStringLiteral("10 % off everything");
    basket.kind = PromotionKind::PercentOff;
    basket.target = PromotionTarget::Basket;
    basket.percentBasisPoints = 1000;
    data.promotions.append(basket);
    QList<DraftLine> lines = makeLines({ LineSpec { "JEANS", 8995 }, LineSpec { "JEANS", 495 } });
    lines[1].productId = lines[0].productId;
    lines[1].category = QStringLiteral("delivery");
    SaleContext context = makeContext(data);
    SaleOrder order;
    order.orderNumber = QStringLiteral("WS00000001");
    order.lineIds = { QStringLiteral("L1") };
    order.deliveryLineId = QStringLiteral("L2");
    order.delivery.price = Money::fromCents(495);
    context.order = order;

    const auto sale = buildSale(lines, makeRules(data), context);
    QVERIFY2(sale.ok(), qPrintable(sale.ok() ? QString() : sale.error().detail));
    QVERIFY(!sale->lines.at(0).adjustments.isEmpty()); // the goods take the promotions
    QVERIFY(sale->lines.at(1).adjustments.isEmpty()); // the delivery costs what was agreed
    QCOMPARE(sale->lines.at(1).lineTotal().cents(), 495);
    QVERIFY(sale->order.has_value());
    QCOMPARE(sale->order->deliveryLineId, QStringLiteral("L2"));
    // Points on the goods only: whole euros of line 1's total.
    QCOMPARE(sale->pointsEarned, sale->lines.at(0).lineTotal().cents() / 100);
    QCOMPARE(pointsEarned(*sale, LoyaltyRules::defaults()), sale->pointsEarned);

    // Without the order the same line is goods: promotions and points reach it.
    context.order.reset();
    const auto plain = buildSale(lines, makeRules(data), context);
    QVERIFY(plain.ok());
    QVERIFY(!plain->lines.at(1).adjustments.isEmpty());
    QVERIFY(plain->lines.at(1).lineTotal().cents() < 495);
}

void tst_Sale::rebuildingGivesTheSameSale()
{
    // The basket rebuilds the sale on every change: nothing may stack again.
    SaleCase data;
    data.promotions = { percentOff("P1", "SHIRT", 2000) };
    Promotion basket;
    basket.id = QStringLiteral("B1");
    basket.label = QStringLiteral("5 off");
    basket.kind = PromotionKind::AmountOff;
    basket.target = PromotionTarget::Basket;
    basket.amount = Money::fromCents(500);
    data.promotions.append(basket);
    const SaleRules rules = makeRules(data);
    const SaleContext context = makeContext(data);
    QList<DraftLine> lines
        = makeLines({ manualAmount(LineSpec { "SHIRT", 2000 }, 100), LineSpec { "SOCK", 500, 2 } });

    const auto first = buildSale(lines, rules, context);
    QVERIFY(first.ok());
    QCOMPARE(first->total.cents(), 2000 - 400 - 500 - 100 + 1000);
    for (int change = 0; change < 10; ++change) {
        QList<DraftLine> more = lines;
        more.append(makeLines({ LineSpec { "CAP", 1200, change + 1 } }).first());
        more.last().lineId = QStringLiteral("L9");
        QVERIFY(buildSale(more, rules, context).ok());
        const auto again = buildSale(lines, rules, context);
        QVERIFY(again.ok());
        QCOMPARE(again->total, first->total);
        for (qsizetype i = 0; i < lines.size(); ++i)
            QCOMPARE(again->lines.at(i).adjustments, first->lines.at(i).adjustments);
    }
}

void tst_Sale::manualDiscountAdjustment()
{
    SaleCase data;
    data.lines = { manualAmount(LineSpec { "SHIRT", 2000 }, 300) };
    QList<DraftLine> lines = makeLines(data.lines);
    lines[0].manualDiscount->approvedBy = 3;
    data.promotions = { percentOff("P1", "SHIRT", 1000) };
    const auto sale = buildSale(lines, makeRules(data), makeContext(data));
    QVERIFY(sale.ok());
    const QList<Adjustment> &adjustments = sale->lines.first().adjustments;
    QCOMPARE(adjustments.size(), 2);
    QCOMPARE(adjustments.at(0).kind, AdjustmentKind::Promotion);
    QCOMPARE(adjustments.at(0).sourceId, QStringLiteral("P1"));
    QCOMPARE(adjustments.at(0).amount.cents(), 200);
    QCOMPARE(adjustments.at(1).kind, AdjustmentKind::Manual); // manual last
    QCOMPARE(adjustments.at(1).sourceId, QStringLiteral("manual"));
    QCOMPARE(adjustments.at(1).label, QStringLiteral("damaged box"));
    QCOMPARE(adjustments.at(1).amount.cents(), 300);
    QCOMPARE(adjustments.at(1).approvedBy, 3);
    QCOMPARE(sale->lines.first().discountTotal().cents(), 500);

    lines[0].manualDiscount->reason.clear();
    const auto unlabelled = buildSale(lines, makeRules(data), makeContext(data));
    QVERIFY(unlabelled.ok());
    QVERIFY(!unlabelled->lines.first().adjustments.at(1).label.isEmpty());
}

void tst_Sale::lineTotalAndCounts()
{
    SaleLine line;
    line.unitPrice = Money::fromCents(299);
    line.quantity = 3;
    QCOMPARE(line.grossTotal().cents(), 897);
    QCOMPARE(line.discountTotal(), Money());
    line.adjustments = { Adjustment { AdjustmentKind::Promotion, QStringLiteral("P1"),
                             QStringLiteral("3 for 2"), Money::fromCents(299), 0 },
        Adjustment { AdjustmentKind::Manual, QStringLiteral("manual"), QStringLiteral("x"),
            Money::fromCents(98), 0 } };
    QCOMPARE(line.discountTotal().cents(), 397);
    QCOMPARE(line.lineTotal().cents(), 500);

    Sale sale;
    SaleLine other = line;
    other.quantity = 2;
    other.adjustments.clear();
    sale.lines = { line, other };
    QCOMPARE(sale.itemCount(), 5);
    sale.vat = { VatBreakdown { { 2100, QStringLiteral("standard") }, Money::fromCents(1000),
                     Money::fromCents(174), Money::fromCents(826) },
        VatBreakdown { { 900, QStringLiteral("reduced") }, Money::fromCents(109),
            Money::fromCents(9), Money::fromCents(100) } };
    QCOMPARE(sale.totalVat().cents(), 183);
}

void tst_Sale::vatBreakdownSumsExactly()
{
    QList<SaleLine> lines;
    const int rates[] = { 2100, 900, 0, 2100, 900 };
    for (int i = 0; i < 50; ++i) {
        SaleLine line;
        line.vatRate = VatRate { rates[i % 5], QStringLiteral("x") };
        line.unitPrice = Money::fromCents(101 + i * 37);
        line.quantity = 1 + i % 4;
        if (i % 7 == 0)
            line.adjustments = { Adjustment { AdjustmentKind::Manual, QStringLiteral("manual"),
                QStringLiteral("x"), Money::fromCents(13 + i), 0 } };
        lines.append(line);
    }
    const QList<VatBreakdown> perRate = vatBreakdown(lines);
    QCOMPARE(perRate.size(), 3);
    QCOMPARE(perRate.at(0).rate.basisPoints, 2100);
    QCOMPARE(perRate.at(1).rate.basisPoints, 900);
    QCOMPARE(perRate.at(2).rate.basisPoints, 0);
    Money total;
    for (const SaleLine &line : lines)
        total += line.lineTotal();
    Money gross;
    for (const VatBreakdown &breakdown : perRate) {
        QCOMPARE(breakdown.net + breakdown.vat, breakdown.gross);
        QCOMPARE(breakdown.vat, vatIncluded(breakdown.gross, breakdown.rate.basisPoints));
        gross += breakdown.gross;
    }
    QCOMPARE(gross, total);
    QVERIFY(vatBreakdown({}).isEmpty());
}

void tst_Sale::names()
{
    for (VatClass value : { Standard, Intermediate, Reduced, Zero })
        QCOMPARE(vatClassFromName(name(value)), value);
    for (AdjustmentKind value : { AdjustmentKind::Promotion, AdjustmentKind::Coupon,
             AdjustmentKind::PersonalOffer, AdjustmentKind::Tier, AdjustmentKind::Manual })
        QCOMPARE(adjustmentKindFromName(name(value)), value);
    for (TenderMethod value : { TenderMethod::Cash, TenderMethod::Card, TenderMethod::GiftCard,
             TenderMethod::StoreCredit, TenderMethod::LoyaltyPoints })
        QCOMPARE(tenderMethodFromName(name(value)), value);
    QCOMPARE(name(VatClass::Intermediate), QStringLiteral("intermediate"));
    QCOMPARE(name(AdjustmentKind::PersonalOffer), QStringLiteral("personal_offer"));
    QCOMPARE(name(TenderMethod::LoyaltyPoints), QStringLiteral("loyalty_points"));
    QCOMPARE(name(TenderMethod::GiftCard), QStringLiteral("gift_card"));
    QVERIFY(!vatClassFromName(QStringLiteral("Standard")));
    QVERIFY(!tenderMethodFromName(QStringLiteral("cheque")));
}

QTEST_GUILESS_MAIN(tst_Sale)

#include "tst_sale.moc"
