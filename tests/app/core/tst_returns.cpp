#include "app/core/returns.h"

#include <QTest>

using namespace Toonbank::Core;
namespace Core = Toonbank::Core;

namespace {

Money eur(qint64 cents)
{
    return Money::fromCents(cents);
}

QDateTime utc(int year, int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), QTimeZone::utc());
}

QTimeZone amsterdam()
{
    return QTimeZone(QByteArrayLiteral("Europe/Amsterdam"));
}

ReturnableLine line(
    const char *id, const char *category, int sold, qint64 lineTotalCents, int returned = 0)
{
    ReturnableLine l;
    l.lineId = QLatin1String(id);
    l.productId = 100;
    l.sku = QStringLiteral("SKU-%1").arg(QLatin1String(id));
    l.name = QStringLiteral("Product %1").arg(QLatin1String(id));
    l.category = QLatin1String(category);
    l.vatBasisPoints = 2100;
    l.sold = sold;
    l.returned = returned;
    l.lineTotal = eur(lineTotalCents);
    return l;
}

OriginalTender tender(
    const char *method, qint64 amountCents, qint64 refundedCents = 0, const char *reference = "")
{
    OriginalTender t;
    t.method = QLatin1String(method);
    t.amount = eur(amountCents);
    t.refunded = eur(refundedCents);
    t.reference = QLatin1String(reference);
    t.at = utc(2026, 11, 1, 10);
    return t;
}

ReturnableOrder storeSale(QList<ReturnableLine> lines, QList<OriginalTender> tenders)
{
    ReturnableOrder order;
    order.origin = ReturnOrigin::StoreSale;
    order.number = QStringLiteral("AMS01-T1-000042");
    order.saleId = QStringLiteral("6f1c2a5e-2b7f-4a59-9a0e-6a3c1d2e4f50");
    order.storeCode = QStringLiteral("AMS01");
    order.soldAt = utc(2026, 11, 1, 10);
    for (const ReturnableLine &l : lines)
        order.total += l.lineTotal;
    order.lines = std::move(lines);
    order.tenders = std::move(tenders);
    return order;
}

ReturnableOrder webOrder(QList<ReturnableLine> lines, QList<OriginalTender> tenders,
    qint64 deliveryCents, std::optional<QDate> deliveredOn = QDate(2026, 11, 3))
{
    ReturnableOrder order = storeSale(std::move(lines), std::move(tenders));
    order.origin = ReturnOrigin::WebOrder;
    order.number = QStringLiteral("W-100234");
    order.saleId = QStringLiteral("100234");
    order.storeCode.clear();
    order.deliveryCost = eur(deliveryCents);
    order.deliveredOn = deliveredOn;
    return order;
}

ReturnRequestLine request(const char *lineId, int quantity)
{
    ReturnRequestLine r;
    r.lineId = QLatin1String(lineId);
    r.quantity = quantity;
    return r;
}

Promotion buyPay(const char *id, PromotionTarget target, const QStringList &keys, int buy, int pay)
{
    Promotion p;
    p.id = QLatin1String(id);
    p.label = QLatin1String(id);
    p.kind = PromotionKind::BuyNPayM;
    p.target = target;
    p.targetKeys = keys;
    p.buyQuantity = buy;
    p.payQuantity = pay;
    return p;
}

Promotion spend(const char *id, qint64 thresholdCents, qint64 offCents)
{
    Promotion p;
    p.id = QLatin1String(id);
    p.label = QLatin1String(id);
    p.kind = PromotionKind::SpendThreshold;
    p.target = PromotionTarget::Basket;
    p.threshold = eur(thresholdCents);
    p.amount = eur(offCents);
    return p;
}

Promotion basketPercent(const char *id, int basisPoints)
{
    Promotion p;
    p.id = QLatin1String(id);
    p.label = QLatin1String(id);
    p.kind = PromotionKind::PercentOff;
    p.target = PromotionTarget::Basket;
    p.percentBasisPoints = basisPoints;
    return p;
}

Promotion bundle(const char *id, const QStringList &skus, qint64 priceCents)
{
    Promotion p;
    p.id = QLatin1String(id);
    p.label = QLatin1String(id);
    p.kind = PromotionKind::BundlePrice;
    p.target = PromotionTarget::Item;
    p.targetKeys = skus;
    p.amount = eur(priceCents);
    return p;
}

struct DraftSpec
{
    const char *sku;
    const char *category;
    int quantity;
    qint64 unitCents;
};

Sale buildWith(const QList<DraftSpec> &specs, const QList<Promotion> &promotions)
{
    QList<DraftLine> drafts;
    int n = 0;
    for (const DraftSpec &spec : specs) {
        DraftLine d;
        d.lineId = QStringLiteral("L%1").arg(++n);
        d.productId = n;
        d.sku = QLatin1String(spec.sku);
        d.name = d.sku;
        d.category = QLatin1String(spec.category);
        d.quantity = spec.quantity;
        d.unitPrice = eur(spec.unitCents);
        d.regularPrice = d.unitPrice;
        drafts.append(d);
    }
    SaleRules rules;
    rules.vatTable = VatTable::builtIn();
    rules.country = QStringLiteral("NL");
    rules.storeCode = QStringLiteral("AMS01");
    rules.promotions = promotions;
    rules.loyalty = LoyaltyRules::defaults();
    SaleContext context;
    context.soldAt = utc(2026, 11, 28, 11);
    Result<Sale> sale = buildSale(drafts, rules, context);
    if (!sale)
        qFatal("buildSale failed: %s", qPrintable(sale.error().detail));
    return sale.value();
}

} // namespace

Q_DECLARE_METATYPE(DraftSpec)
Q_DECLARE_METATYPE(Toonbank::Core::Promotion)
Q_DECLARE_METATYPE(Toonbank::Core::Refund)
Q_DECLARE_METATYPE(Toonbank::Core::RefundMethod)

class tst_Returns : public QObject
{
    Q_OBJECT

private slots:
    void names();
    void policyDefaults();

    void paidShare_data();
    void paidShare();
    void paidShareOfPromotionLines_data();
    void paidShareOfPromotionLines();

    void window_data();
    void window();
    void checkReturnLineCodes_data();
    void checkReturnLineCodes();

    void planSingleTender();
    void planSplitCardCash();
    void planGiftCard();
    void planPoints();
    void alternativeMethodKeepsThePoints();
    void planAlreadyRefundedCapsAndOverflows();
    void planTenderExceeded();
    void planNothing();
    void planDeliveryOnFullWithdrawalOnly();
    void planPointsTakenBackCumulative();
    void planPointsTakenBackStep_data();
    void planPointsTakenBackStep();
    void planPromotionSaleOverVisits();

    void finaliseCash_data();
    void finaliseCash();
    void checkRefunds_data();
    void checkRefunds();
    void allowedRefundMethods_data();
    void allowedRefundMethods();

    void parseReturnCode_data();
    void parseReturnCode();
    void qrPayloadsRoundTrip();
    void returnVatPerRate();
};

void tst_Returns::names()
{
    for (auto origin : { ReturnOrigin::StoreSale, ReturnOrigin::WebOrder, ReturnOrigin::NoReceipt })
        QCOMPARE(returnOriginFromName(name(origin)), origin);
    for (auto reason : { ReturnReason::ChangedMind, ReturnReason::WrongSize,
             ReturnReason::Defective, ReturnReason::NotAsDescribed, ReturnReason::Other })
        QCOMPARE(returnReasonFromName(name(reason)), reason);
    for (auto condition : { ItemCondition::Resellable, ItemCondition::Damaged })
        QCOMPARE(itemConditionFromName(name(condition)), condition);
    for (auto method :
        { RefundMethod::Cash, RefundMethod::Card, RefundMethod::WebPayment, RefundMethod::GiftCard,
            RefundMethod::StoreCredit, RefundMethod::LoyaltyPoints, RefundMethod::Exchange })
        QCOMPARE(refundMethodFromName(name(method)), method);
    QCOMPARE(name(ReturnOrigin::NoReceipt), QStringLiteral("no_receipt"));
    QCOMPARE(name(RefundMethod::WebPayment), QStringLiteral("web_payment"));
    QVERIFY(!refundMethodFromName(QStringLiteral("bitcoin")));
    QVERIFY(!returnOriginFromName(QString()));

    QCOMPARE(refundMethodForTender(QStringLiteral("ideal"), ReturnOrigin::WebOrder),
        RefundMethod::WebPayment);
    QCOMPARE(refundMethodForTender(QStringLiteral("klarna"), ReturnOrigin::WebOrder),
        RefundMethod::WebPayment);
    QCOMPARE(
        refundMethodForTender(QStringLiteral("klarna"), ReturnOrigin::StoreSale), std::nullopt);
    QCOMPARE(
        refundMethodForTender(QStringLiteral("card"), ReturnOrigin::StoreSale), RefundMethod::Card);
    QCOMPARE(refundMethodForTender(QStringLiteral("loyalty_points"), ReturnOrigin::StoreSale),
        RefundMethod::LoyaltyPoints);
}

void tst_Returns::policyDefaults()
{
    const ReturnPolicy policy = ReturnPolicy::defaults();
    QCOMPARE(policy.webWithdrawalDays, 14);
    QCOMPARE(policy.defaultWindowDays, 30);
    QCOMPARE(policy.windowDaysByCategory.value(QStringLiteral("Electronics")), 14);
    QVERIFY(policy.finalSaleCategories.contains(QStringLiteral("Underwear")));
    QVERIFY(policy.finalSaleCategories.contains(QStringLiteral("Gift cards")));
    QVERIFY(policy.receiptRequired);
}

// ---- paid share ------------------------------------------------------------------------------

void tst_Returns::paidShare_data()
{
    QTest::addColumn<qint64>("lineTotal");
    QTest::addColumn<int>("sold");
    QTest::addColumn<int>("alreadyReturned");
    QTest::addColumn<int>("quantity");
    QTest::addColumn<qint64>("expected");

    QTest::newRow("one of one") << qint64(1999) << 1 << 0 << 1 << qint64(1999);
    QTest::newRow("all at once") << qint64(1000) << 3 << 0 << 3 << qint64(1000);
    QTest::newRow("first of 3 of 10.00") << qint64(1000) << 3 << 0 << 1 << qint64(333);
    QTest::newRow("second of 3 of 10.00") << qint64(1000) << 3 << 1 << 1 << qint64(333);
    QTest::newRow("third of 3 of 10.00 takes the cent")
        << qint64(1000) << 3 << 2 << 1 << qint64(334);
    QTest::newRow("two then one: two") << qint64(1000) << 3 << 0 << 2 << qint64(666);
    QTest::newRow("two then one: one") << qint64(1000) << 3 << 2 << 1 << qint64(334);
    QTest::newRow("3 for 2 of 4.99 first") << qint64(998) << 3 << 0 << 1 << qint64(332);
    QTest::newRow("3 for 2 of 4.99 second") << qint64(998) << 3 << 1 << 1 << qint64(333);
    QTest::newRow("3 for 2 of 4.99 last") << qint64(998) << 3 << 2 << 1 << qint64(333);
    QTest::newRow("even split") << qint64(1200) << 4 << 1 << 2 << qint64(600);
    QTest::newRow("7 units of 1.00 first") << qint64(100) << 7 << 0 << 1 << qint64(14);
    QTest::newRow("7 units of 1.00 middle") << qint64(100) << 7 << 3 << 1 << qint64(15);
    QTest::newRow("7 units of 1.00 last") << qint64(100) << 7 << 6 << 1 << qint64(15);
    QTest::newRow("1 cent over 2 first") << qint64(1) << 2 << 0 << 1 << qint64(0);
    QTest::newRow("1 cent over 2 second") << qint64(1) << 2 << 1 << 1 << qint64(1);
    QTest::newRow("free line") << qint64(0) << 2 << 0 << 2 << qint64(0);
    QTest::newRow("quantity 0") << qint64(1000) << 3 << 0 << 0 << qint64(0);
    QTest::newRow("negative quantity") << qint64(1000) << 3 << 0 << -1 << qint64(0);
    QTest::newRow("sold 0") << qint64(1000) << 0 << 0 << 1 << qint64(0);
    QTest::newRow("beyond sold is capped at the line")
        << qint64(1000) << 3 << 2 << 5 << qint64(334);
    QTest::newRow("large line") << qint64(99999999) << 9 << 4 << 3 << qint64(33333333);
    QTest::newRow("basket spread 35.67 over 3 last") << qint64(3567) << 3 << 2 << 1 << qint64(1189);
}

void tst_Returns::paidShare()
{
    QFETCH(qint64, lineTotal);
    QFETCH(int, sold);
    QFETCH(int, alreadyReturned);
    QFETCH(int, quantity);
    QFETCH(qint64, expected);
    QCOMPARE(Core::paidShare(eur(lineTotal), sold, alreadyReturned, quantity), eur(expected));
}

void tst_Returns::paidShareOfPromotionLines_data()
{
    QTest::addColumn<QList<DraftSpec>>("specs");
    QTest::addColumn<QList<Promotion>>("promotions");
    QTest::addColumn<QList<qint64>>("lineTotals"); // what the engine must make
    QTest::addColumn<QList<QList<int>>>("visits"); // per line: units returned per visit

    // 3 for 2 on one line: the free unit is spread over the line's three units.
    QTest::newRow("3 for 2 socks, one by one")
        << QList<DraftSpec> { { "SOCK", "Socks", 3, 499 } }
        << QList<Promotion> { buyPay(
               "3V2", PromotionTarget::Item, { QStringLiteral("SOCK") }, 3, 2) }
        << QList<qint64> { 998 } << QList<QList<int>> { { 1, 1, 1 } };
    QTest::newRow("3 for 2 socks, two then one")
        << QList<DraftSpec> { { "SOCK", "Socks", 3, 499 } }
        << QList<Promotion> { buyPay(
               "3V2", PromotionTarget::Item, { QStringLiteral("SOCK") }, 3, 2) }
        << QList<qint64> { 998 } << QList<QList<int>> { { 2, 1 } };
    // 3 for 2 over a category, three lines of different prices: the engine gives the
    // cheapest unit free, so that line refunds nothing and the others their full price.
    QTest::newRow("3 for 2 over a category, three lines")
        << QList<DraftSpec> { { "SOCK-A", "Socks", 1, 500 }, { "SOCK-B", "Socks", 1, 400 },
               { "SOCK-C", "Socks", 1, 300 } }
        << QList<Promotion> { buyPay(
               "3V2", PromotionTarget::Category, { QStringLiteral("Socks") }, 3, 2) }
        << QList<qint64> { 500, 400, 0 } << QList<QList<int>> { { 1 }, { 1 }, { 1 } };
    // A bundle price spreads the saving over its SKUs: shirt 40.00 + tie 20.00 for 50.00,
    // twice: 6.67 and 3.33 off per bundle.
    QTest::newRow("bundle shirt and tie, twice")
        << QList<DraftSpec> { { "SHIRT", "Shirts", 2, 4000 }, { "TIE", "Ties", 2, 2000 } }
        << QList<Promotion> { bundle(
               "DUO", { QStringLiteral("SHIRT"), QStringLiteral("TIE") }, 5000) }
        << QList<qint64> { 6666, 3334 } << QList<QList<int>> { { 1, 1 }, { 2 } };
    // Six units of 2.99 in two groups: two units free, 5.98 off the line.
    QTest::newRow("3 for 2 twice on six units, 4 then 2")
        << QList<DraftSpec> { { "SOCK", "Socks", 6, 299 } }
        << QList<Promotion> { buyPay(
               "3V2", PromotionTarget::Item, { QStringLiteral("SOCK") }, 3, 2) }
        << QList<qint64> { 1196 } << QList<QList<int>> { { 4, 2 } };
    // €5 off from €50, spread pro rata over 38.97 and 19.99: 3.30 and 1.70.
    QTest::newRow("basket 5 off from 50")
        << QList<DraftSpec> { { "SHIRT", "Shirts", 3, 1299 }, { "BELT", "Belts", 1, 1999 } }
        << QList<Promotion> { spend("SPEND50", 5000, 500) } << QList<qint64> { 3567, 1829 }
        << QList<QList<int>> { { 1, 1, 1 }, { 1 } };
    // 10 % off the basket on top of a 3 for 2: 9.98 − 1.00 (rounded spread) and 7.00 − 0.70.
    QTest::newRow("3 for 2 and 10% basket")
        << QList<DraftSpec> { { "SOCK", "Socks", 3, 499 }, { "CAP", "Caps", 1, 700 } }
        << QList<Promotion> { buyPay(
                                  "3V2", PromotionTarget::Item, { QStringLiteral("SOCK") }, 3, 2),
               basketPercent("B10", 1000) }
        << QList<qint64> { 898, 630 } << QList<QList<int>> { { 1, 2 }, { 1 } };
}

void tst_Returns::paidShareOfPromotionLines()
{
    QFETCH(QList<DraftSpec>, specs);
    QFETCH(QList<Promotion>, promotions);
    QFETCH(QList<qint64>, lineTotals);
    QFETCH(QList<QList<int>>, visits);

    const Sale sale = buildWith(specs, promotions);
    QCOMPARE(sale.lines.size(), lineTotals.size());
    Money refundedAll;
    for (qsizetype i = 0; i < sale.lines.size(); ++i) {
        const SaleLine &saleLine = sale.lines.at(i);
        // The engine made the discount; the paid share is of the discounted line total.
        QCOMPARE(saleLine.lineTotal(), eur(lineTotals.at(i)));
        int returned = 0;
        Money refunded;
        const qint64 ceilingPerUnit
            = (saleLine.lineTotal().cents() + saleLine.quantity - 1) / saleLine.quantity;
        for (int quantity : visits.at(i)) {
            const Money share
                = Core::paidShare(saleLine.lineTotal(), saleLine.quantity, returned, quantity);
            QVERIFY2(share.cents() <= ceilingPerUnit * quantity,
                qPrintable(QStringLiteral("line %1 share %2").arg(i).arg(share.cents())));
            QVERIFY(share.cents() >= (saleLine.lineTotal().cents() / saleLine.quantity) * quantity);
            refunded += share;
            returned += quantity;
        }
        QCOMPARE(returned, saleLine.quantity);
        QCOMPARE(refunded, saleLine.lineTotal());
        refundedAll += refunded;
    }
    QCOMPARE(refundedAll, sale.total);
    Money gross;
    for (const SaleLine &saleLine : sale.lines)
        gross += saleLine.grossTotal();
    QVERIFY(sale.total < gross); // the engine did discount
}

// ---- windows ---------------------------------------------------------------------------------

void tst_Returns::window_data()
{
    QTest::addColumn<int>("origin");
    QTest::addColumn<QDateTime>("soldAt");
    QTest::addColumn<QDate>("deliveredOn"); // invalid: not delivered
    QTest::addColumn<QString>("category");
    QTest::addColumn<int>("webDays");
    QTest::addColumn<QDateTime>("now"); // UTC; today is its Amsterdam date
    QTest::addColumn<QDate>("deadline"); // invalid: none
    QTest::addColumn<QString>("code");

    const int web = int(ReturnOrigin::WebOrder);
    const int store = int(ReturnOrigin::StoreSale);
    const QDateTime ordered = utc(2026, 10, 28, 9);
    const QDate delivered(2026, 11, 1);
    QTest::newRow("web day of delivery")
        << web << ordered << delivered << QStringLiteral("Shirts") << 14 << utc(2026, 11, 1, 12)
        << QDate(2026, 11, 15) << QString();
    QTest::newRow("web day 14 inclusive")
        << web << ordered << delivered << QStringLiteral("Shirts") << 14 << utc(2026, 11, 15, 12)
        << QDate(2026, 11, 15) << QString();
    QTest::newRow("web day 15 refused")
        << web << ordered << delivered << QStringLiteral("Shirts") << 14 << utc(2026, 11, 16, 9)
        << QDate(2026, 11, 15) << QStringLiteral("return.window_passed");
    QTest::newRow("web not yet delivered") << web << ordered << QDate() << QStringLiteral("Shirts")
                                           << 14 << utc(2027, 3, 1, 9) << QDate() << QString();
    QTest::newRow("web never below 14 days")
        << web << ordered << delivered << QStringLiteral("Shirts") << 7 << utc(2026, 11, 15, 12)
        << QDate(2026, 11, 15) << QString();
    QTest::newRow("web longer policy")
        << web << ordered << delivered << QStringLiteral("Shirts") << 30 << utc(2026, 12, 1, 12)
        << QDate(2026, 12, 1) << QString();
    QTest::newRow("web final-sale category still withdrawable")
        << web << ordered << delivered << QStringLiteral("Underwear") << 14 << utc(2026, 11, 10, 12)
        << QDate(2026, 11, 15) << QString();

    const QDateTime sold = utc(2026, 10, 1, 10); // 12:00 in Amsterdam
    QTest::newRow("store default window last day")
        << store << sold << QDate() << QStringLiteral("Shirts") << 14 << utc(2026, 10, 31, 10)
        << QDate(2026, 10, 31) << QString();
    QTest::newRow("store default window passed")
        << store << sold << QDate() << QStringLiteral("Shirts") << 14 << utc(2026, 11, 1, 10)
        << QDate(2026, 10, 31) << QStringLiteral("return.window_passed");
    QTest::newRow("store electronics 14 days last day")
        << store << sold << QDate() << QStringLiteral("Electronics") << 14 << utc(2026, 10, 15, 10)
        << QDate(2026, 10, 15) << QString();
    QTest::newRow("store electronics day 15 refused")
        << store << sold << QDate() << QStringLiteral("Electronics") << 14 << utc(2026, 10, 16, 10)
        << QDate(2026, 10, 15) << QStringLiteral("return.window_passed");
    QTest::newRow("store category matched case-insensitively")
        << store << sold << QDate() << QStringLiteral("electronics") << 14 << utc(2026, 10, 16, 10)
        << QDate(2026, 10, 15) << QStringLiteral("return.window_passed");
    QTest::newRow("store final sale")
        << store << sold << QDate() << QStringLiteral("Underwear") << 14 << utc(2026, 10, 2, 10)
        << QDate(2026, 10, 31) << QStringLiteral("return.final_sale");
    // Sold at 23:30 Amsterdam time on 31 October (22:30 UTC): the window counts from the
    // store's date, and ends on 30 November, Amsterdam time.
    const QDateTime lateSale = utc(2026, 10, 31, 22, 30);
    QTest::newRow("sold 23:30 local, last day at 23:30 local")
        << store << lateSale << QDate() << QStringLiteral("Shirts") << 14
        << utc(2026, 11, 30, 22, 30) << QDate(2026, 11, 30) << QString();
    QTest::newRow("sold 23:30 local, next day 00:30 local (still 30 Nov in UTC)")
        << store << lateSale << QDate() << QStringLiteral("Shirts") << 14
        << utc(2026, 11, 30, 23, 30) << QDate(2026, 11, 30)
        << QStringLiteral("return.window_passed");
    // Sold at 00:30 Amsterdam time on 1 November (still 31 October in UTC): its window runs
    // to 1 December.
    QTest::newRow("sold 00:30 local is the local date")
        << store << utc(2026, 10, 31, 23, 30) << QDate() << QStringLiteral("Shirts") << 14
        << utc(2026, 12, 1, 12) << QDate(2026, 12, 1) << QString();
    QTest::newRow("summer time: sold 01:30 CEST")
        << store << utc(2026, 7, 14, 23, 30) << QDate() << QStringLiteral("Shirts") << 14
        << utc(2026, 8, 14, 12) << QDate(2026, 8, 14) << QString();
}

void tst_Returns::window()
{
    QFETCH(int, origin);
    QFETCH(QDateTime, soldAt);
    QFETCH(QDate, deliveredOn);
    QFETCH(QString, category);
    QFETCH(int, webDays);
    QFETCH(QDateTime, now);
    QFETCH(QDate, deadline);
    QFETCH(QString, code);

    ReturnableLine l = line("L1", "", 1, 2500);
    l.category = category;
    ReturnableOrder order = storeSale({ l }, { tender("card", 2500, 0, "POI-1") });
    order.origin = ReturnOrigin(origin);
    order.soldAt = soldAt;
    if (deliveredOn.isValid())
        order.deliveredOn = deliveredOn;
    ReturnPolicy policy = ReturnPolicy::defaults();
    policy.webWithdrawalDays = webDays;
    const QTimeZone zone = amsterdam();
    QVERIFY(zone.isValid());

    const std::optional<QDate> computed = returnDeadline(order, l, policy, zone);
    QCOMPARE(computed.has_value(), deadline.isValid());
    if (computed)
        QCOMPARE(*computed, deadline);

    const QDate today = now.toTimeZone(zone).date();
    const Status status = checkReturnLine(order, request("L1", 1), policy, today, zone, false);
    QCOMPARE(status.ok() ? QString() : status.error().code, code);
    if (code == QLatin1String("return.window_passed"))
        QVERIFY(!status.error().message.isEmpty());
    // A recorded exception lets every refused row through.
    QVERIFY(checkReturnLine(order, request("L1", 1), policy, today, zone, true).ok());
}

void tst_Returns::checkReturnLineCodes_data()
{
    QTest::addColumn<QString>("lineId");
    QTest::addColumn<int>("quantity");
    QTest::addColumn<bool>("isReturn");
    QTest::addColumn<bool>("exceptionApproved");
    QTest::addColumn<QString>("code");

    QTest::newRow("ok") << QStringLiteral("L1") << 2 << false << false << QString();
    QTest::newRow("all returnable") << QStringLiteral("L1") << 3 << false << false << QString();
    QTest::newRow("unknown line") << QStringLiteral("L9") << 1 << false << false
                                  << QStringLiteral("return.unknown_line");
    QTest::newRow("quantity 0") << QStringLiteral("L1") << 0 << false << false
                                << QStringLiteral("return.quantity");
    QTest::newRow("negative quantity")
        << QStringLiteral("L1") << -1 << false << false << QStringLiteral("return.quantity");
    QTest::newRow("more than left")
        << QStringLiteral("L1") << 4 << false << false << QStringLiteral("return.quantity");
    QTest::newRow("already all returned")
        << QStringLiteral("L2") << 1 << false << false << QStringLiteral("return.quantity");
    QTest::newRow("gift card line")
        << QStringLiteral("L3") << 1 << false << false << QStringLiteral("return.gift_card");
    QTest::newRow("gift card line even with exception")
        << QStringLiteral("L3") << 1 << false << true << QStringLiteral("return.gift_card");
    QTest::newRow("return of a return")
        << QStringLiteral("L1") << 1 << true << false << QStringLiteral("return.of_return");
    QTest::newRow("return of a return even with exception")
        << QStringLiteral("L1") << 1 << true << true << QStringLiteral("return.of_return");
    QTest::newRow("quantity even with exception")
        << QStringLiteral("L1") << 4 << false << true << QStringLiteral("return.quantity");
    QTest::newRow("final sale") << QStringLiteral("L4") << 1 << false << false
                                << QStringLiteral("return.final_sale");
    QTest::newRow("final sale with exception approved")
        << QStringLiteral("L4") << 1 << false << true << QString();
}

void tst_Returns::checkReturnLineCodes()
{
    QFETCH(QString, lineId);
    QFETCH(int, quantity);
    QFETCH(bool, isReturn);
    QFETCH(bool, exceptionApproved);
    QFETCH(QString, code);

    ReturnableLine gift = line("L3", "Gift cards", 1, 2500);
    gift.giftCardNumber = QStringLiteral("6064360000000001");
    ReturnableOrder order
        = storeSale({ line("L1", "Shirts", 5, 5000, 2), line("L2", "Shirts", 1, 1000, 1), gift,
                        line("L4", "Underwear", 2, 1800) },
            { tender("card", 10300, 0, "POI-1") });
    order.isReturn = isReturn;
    const Status status = checkReturnLine(order, request(qPrintable(lineId), quantity),
        ReturnPolicy::defaults(), QDate(2026, 11, 2), amsterdam(), exceptionApproved);
    QCOMPARE(status.ok() ? QString() : status.error().code, code);
    if (!status.ok())
        QVERIFY(!status.error().message.isEmpty());
    if (code == QLatin1String("return.quantity") && lineId == QLatin1String("L1"))
        QVERIFY2(status.error().message.contains(QLatin1Char('3')),
            qPrintable(status.error().message)); // names the 3 still returnable
}

// ---- planRefund ------------------------------------------------------------------------------

void tst_Returns::planSingleTender()
{
    const ReturnableOrder order
        = storeSale({ line("L1", "Shirts", 2, 5998) }, { tender("card", 5998, 0, "POI-TX-1") });
    const auto plan = planRefund(order, { request("L1", 1) }, LoyaltyRules::defaults());
    QVERIFY(plan.ok());
    QCOMPARE(plan->lineRefunds, QList<Money> { eur(2999) });
    QCOMPARE(plan->goods, eur(2999));
    QCOMPARE(plan->delivery, Money());
    QCOMPARE(plan->total, eur(2999));
    QCOMPARE(plan->refunds.size(), 1);
    QCOMPARE(plan->refunds.at(0).method, RefundMethod::Card);
    QCOMPARE(plan->refunds.at(0).amount, eur(2999));
    QCOMPARE(plan->refunds.at(0).originalReference, QStringLiteral("POI-TX-1"));
    QVERIFY(plan->refunds.at(0).reference.isEmpty()); // set once the terminal refunded
}

void tst_Returns::planSplitCardCash()
{
    // 100.00 paid 60.00 card + 40.00 cash; returning a 25.00 line: 15.00 card, 10.00 cash.
    const ReturnableOrder order
        = storeSale({ line("L1", "Shirts", 1, 2500), line("L2", "Shirts", 1, 7500) },
            { tender("card", 6000, 0, "POI-TX-2"), tender("cash", 4000) });
    const auto plan = planRefund(order, { request("L1", 1) }, LoyaltyRules::defaults());
    QVERIFY(plan.ok());
    QCOMPARE(plan->total, eur(2500));
    QCOMPARE(plan->refunds.size(), 2);
    QCOMPARE(plan->refunds.at(0).method, RefundMethod::Card);
    QCOMPARE(plan->refunds.at(0).amount, eur(1500));
    QCOMPARE(plan->refunds.at(1).method, RefundMethod::Cash);
    QCOMPARE(plan->refunds.at(1).amount, eur(1000));

    // Odd cents: 33.33 over 60/40 → 20.00 / 13.33 (largest remainder to the earlier).
    const ReturnableOrder odd
        = storeSale({ line("L1", "Shirts", 3, 9999), line("L2", "Shirts", 1, 1) },
            { tender("card", 6000, 0, "POI-TX-3"), tender("cash", 4000) });
    const auto oddPlan = planRefund(odd, { request("L1", 1) }, LoyaltyRules::defaults());
    QVERIFY(oddPlan.ok());
    QCOMPARE(oddPlan->total, eur(3333));
    QCOMPARE(oddPlan->refunds.at(0).amount + oddPlan->refunds.at(1).amount, eur(3333));
    QCOMPARE(oddPlan->refunds.at(0).amount, eur(2000));
    QCOMPARE(oddPlan->refunds.at(1).amount, eur(1333));
}

void tst_Returns::planGiftCard()
{
    const ReturnableOrder order = storeSale({ line("L1", "Shirts", 1, 4000) },
        { tender("gift_card", 1000, 0, "6064360000000001"), tender("card", 3000, 0, "POI-4") });
    const auto plan = planRefund(order, { request("L1", 1) }, LoyaltyRules::defaults());
    QVERIFY(plan.ok());
    QCOMPARE(plan->refunds.size(), 2);
    QCOMPARE(plan->refunds.at(0).method, RefundMethod::GiftCard);
    QCOMPARE(plan->refunds.at(0).amount, eur(1000));
    QCOMPARE(plan->refunds.at(0).reference, QStringLiteral("6064360000000001"));
    QCOMPARE(plan->refunds.at(1).method, RefundMethod::Card);
    QCOMPARE(plan->refunds.at(1).amount, eur(3000));
}

void tst_Returns::planPoints()
{
    // 50.00 paid with 1000 points (10.00) and 40.00 card; two of five equal units back.
    OriginalTender points = tender("loyalty_points", 1000, 0, "2990000000015");
    points.points = 1000;
    ReturnableOrder order = storeSale(
        { line("L1", "Shirts", 5, 5000) }, { points, tender("card", 4000, 0, "POI-5") });
    order.customer = SaleCustomer { 42, QStringLiteral("2990000000015"), QStringLiteral("basic") };
    const auto first = planRefund(order, { request("L1", 2) }, LoyaltyRules::defaults());
    QVERIFY(first.ok());
    QCOMPARE(first->total, eur(2000));
    QCOMPARE(first->refunds.at(0).method, RefundMethod::LoyaltyPoints);
    QCOMPARE(first->refunds.at(0).amount, eur(400));
    QCOMPARE(first->refunds.at(0).points, 400);
    QCOMPARE(first->refunds.at(0).reference, QStringLiteral("2990000000015"));
    QCOMPARE(first->pointsGivenBack, 400);
    QCOMPARE(first->refunds.at(1).amount, eur(1600));

    // The rest later: all 1000 points given back over the two returns.
    order.lines[0].returned = 2;
    order.tenders[0].refunded = eur(400);
    order.tenders[0].pointsGivenBack = 400;
    order.tenders[1].refunded = eur(1600);
    const auto rest = planRefund(order, { request("L1", 3) }, LoyaltyRules::defaults());
    QVERIFY(rest.ok());
    QCOMPARE(rest->pointsGivenBack, 600);
    QCOMPARE(rest->refunds.at(0).amount, eur(600));
}

void tst_Returns::alternativeMethodKeepsThePoints()
{
    // 20.00 paid with 500 points (5.00) and 15.00 cash; one of two units back as store credit.
    OriginalTender points = tender("loyalty_points", 500, 0, "2990000000015");
    points.points = 500;
    ReturnableOrder order
        = storeSale({ line("L1", "Shirts", 2, 2000) }, { points, tender("cash", 1500) });
    order.customer = SaleCustomer { 42, QStringLiteral("2990000000015"), QStringLiteral("basic") };
    const auto plan = planRefund(order, { request("L1", 1) }, LoyaltyRules::defaults());
    QVERIFY(plan.ok());
    QCOMPARE(plan->pointsGivenBack, 250);
    QCOMPARE(alternativeAmount(*plan), eur(750));
    const QList<Refund> refunds
        = alternativeRefunds(*plan, RefundMethod::StoreCredit, QStringLiteral("2990000000015"));
    QCOMPARE(refunds.size(), 2);
    QCOMPARE(refunds.at(0).method, RefundMethod::LoyaltyPoints);
    QCOMPARE(refunds.at(0).points, 250);
    QCOMPARE(refunds.at(0).amount, eur(250));
    QCOMPARE(refunds.at(1).method, RefundMethod::StoreCredit);
    QCOMPARE(refunds.at(1).amount, eur(750));
    QCOMPARE(refunds.at(1).reference, QStringLiteral("2990000000015"));
    QVERIFY(checkPointsRefunds(*plan, refunds).ok());
    QVERIFY(Toonbank::Core::checkRefunds(
        order, refunds, plan->total, Money(), ReturnPolicy::defaults(), true)
                .ok());
    // Everything as store credit and the points given back too: refunded twice.
    Refund all;
    all.method = RefundMethod::StoreCredit;
    all.amount = plan->total;
    all.reference = QStringLiteral("2990000000015");
    QCOMPARE(
        checkPointsRefunds(*plan, { all }).error().code, QStringLiteral("refund.points_mismatch"));
    // Without a points tender the method takes it all.
    const ReturnableOrder cash
        = storeSale({ line("L1", "Shirts", 2, 2000) }, { tender("cash", 2000) });
    const auto cashPlan = planRefund(cash, { request("L1", 1) }, LoyaltyRules::defaults());
    QVERIFY(cashPlan.ok());
    const QList<Refund> credit
        = alternativeRefunds(*cashPlan, RefundMethod::GiftCard, QStringLiteral("6036990000002001"));
    QCOMPARE(credit.size(), 1);
    QCOMPARE(credit.first().amount, eur(1000));
    QVERIFY(checkPointsRefunds(*cashPlan, credit).ok());
}

void tst_Returns::planAlreadyRefundedCapsAndOverflows()
{
    // Paid 50.00 card + 50.00 cash; an earlier return refunded 45.00 of the card (staff chose
    // the card). Returning 20.00 now: pro rata 10/10, the card can take 5.00 only, the other
    // 5.00 moves to the cash.
    const ReturnableOrder order = storeSale({ line("L1", "Shirts", 5, 10000, 2) },
        { tender("card", 5000, 4500, "POI-6"), tender("cash", 5000, 0) });
    const auto plan = planRefund(order, { request("L1", 1) }, LoyaltyRules::defaults());
    QVERIFY(plan.ok());
    QCOMPARE(plan->total, eur(2000));
    QCOMPARE(plan->refunds.size(), 2);
    QCOMPARE(plan->refunds.at(0).method, RefundMethod::Card);
    QCOMPARE(plan->refunds.at(0).amount, eur(500));
    QCOMPARE(plan->refunds.at(1).method, RefundMethod::Cash);
    QCOMPARE(plan->refunds.at(1).amount, eur(1500));

    // A fully refunded first tender: its whole share overflows to the next.
    const ReturnableOrder drained = storeSale({ line("L1", "Shirts", 4, 8000, 1) },
        { tender("card", 4000, 4000, "POI-7"), tender("gift_card", 4000, 0, "6064360000000002") });
    const auto drainedPlan = planRefund(drained, { request("L1", 1) }, LoyaltyRules::defaults());
    QVERIFY(drainedPlan.ok());
    QCOMPARE(drainedPlan->refunds.size(), 1);
    QCOMPARE(drainedPlan->refunds.at(0).method, RefundMethod::GiftCard);
    QCOMPARE(drainedPlan->refunds.at(0).amount, eur(2000));

    // The overflow of the last tender wraps to the first.
    const ReturnableOrder last = storeSale({ line("L1", "Shirts", 4, 8000, 1) },
        { tender("card", 4000, 0, "POI-8"), tender("cash", 4000, 4000) });
    const auto lastPlan = planRefund(last, { request("L1", 1) }, LoyaltyRules::defaults());
    QVERIFY(lastPlan.ok());
    QCOMPARE(lastPlan->refunds.size(), 1);
    QCOMPARE(lastPlan->refunds.at(0).method, RefundMethod::Card);
    QCOMPARE(lastPlan->refunds.at(0).amount, eur(2000));
}

void tst_Returns::planTenderExceeded()
{
    const ReturnableOrder order
        = storeSale({ line("L1", "Shirts", 2, 4000) }, { tender("card", 4000, 3000, "POI-9") });
    const auto plan = planRefund(order, { request("L1", 1) }, LoyaltyRules::defaults());
    QVERIFY(!plan.ok());
    QCOMPARE(plan.error().code, QStringLiteral("return.tender_exceeded"));
    QVERIFY(!plan.error().message.isEmpty());
}

void tst_Returns::planNothing()
{
    const ReturnableOrder order
        = storeSale({ line("L1", "Shirts", 2, 4000) }, { tender("card", 4000, 0, "POI-10") });
    const auto plan = planRefund(order, {}, LoyaltyRules::defaults());
    QVERIFY(!plan.ok());
    QCOMPARE(plan.error().code, QStringLiteral("return.nothing"));
}

void tst_Returns::planDeliveryOnFullWithdrawalOnly()
{
    // 30.00 + 2 × 10.00 of goods, 4.95 delivery, paid 54.95 by iDEAL.
    ReturnableOrder order
        = webOrder({ line("W1", "Shirts", 1, 3000), line("W2", "Socks", 2, 2000) },
            { tender("ideal", 5495, 0, "PSP-778") }, 495);
    // Part of the order: no delivery.
    auto part = planRefund(order, { request("W1", 1) }, LoyaltyRules::defaults());
    QVERIFY(part.ok());
    QCOMPARE(part->delivery, Money());
    QCOMPARE(part->total, eur(3000));
    QCOMPARE(part->refunds.at(0).method, RefundMethod::WebPayment);
    QCOMPARE(part->refunds.at(0).originalReference, QStringLiteral("PSP-778"));
    QCOMPARE(part->refunds.at(0).reference, QStringLiteral("PSP-778"));
    // Everything at once: the delivery too.
    auto all = planRefund(order, { request("W1", 1), request("W2", 2) }, LoyaltyRules::defaults());
    QVERIFY(all.ok());
    QCOMPARE(all->goods, eur(5000));
    QCOMPARE(all->delivery, eur(495));
    QCOMPARE(all->total, eur(5495));
    QCOMPARE(all->refunds.at(0).amount, eur(5495));
    // The last line of an order of which the rest came back before: the delivery with it.
    order.lines[0].returned = 1;
    order.lines[1].returned = 1;
    order.tenders[0].refunded = eur(4000);
    auto completing = planRefund(order, { request("W2", 1) }, LoyaltyRules::defaults());
    QVERIFY(completing.ok());
    QCOMPARE(completing->delivery, eur(495));
    QCOMPARE(completing->total, eur(1495));
    // … unless the delivery was refunded already.
    order.deliveryRefunded = true;
    auto again = planRefund(order, { request("W2", 1) }, LoyaltyRules::defaults());
    QVERIFY(again.ok());
    QCOMPARE(again->delivery, Money());
    // A gift card on the order cannot come back: withdrawing all the goods still refunds the
    // delivery.
    ReturnableLine gift = line("W3", "Gift cards", 1, 2500);
    gift.giftCardNumber = QStringLiteral("6064360000000003");
    ReturnableOrder withGift = webOrder(
        { line("W1", "Shirts", 1, 3000), gift }, { tender("ideal", 5995, 0, "PSP-9") }, 495);
    auto withGiftPlan = planRefund(withGift, { request("W1", 1) }, LoyaltyRules::defaults());
    QVERIFY(withGiftPlan.ok());
    QCOMPARE(withGiftPlan->delivery, eur(495));
    QCOMPARE(withGiftPlan->total, eur(3495));
    // A store sale never refunds a delivery.
    ReturnableOrder store = order;
    store.origin = ReturnOrigin::StoreSale;
    store.deliveryRefunded = false;
    auto storePlan = planRefund(store, { request("W2", 1) }, LoyaltyRules::defaults());
    QVERIFY(storePlan.ok());
    QCOMPARE(storePlan->delivery, Money());
}

void tst_Returns::planPointsTakenBackCumulative()
{
    // 3 × 10.00, 30 points earned; units come back one by one: 10, 10, 10 points.
    ReturnableOrder order
        = storeSale({ line("L1", "Shirts", 3, 3000) }, { tender("card", 3000, 0, "POI-11") });
    order.pointsEarned = 30;
    qint64 takenBack = 0;
    for (int visit = 0; visit < 3; ++visit) {
        const auto plan = planRefund(order, { request("L1", 1) }, LoyaltyRules::defaults());
        QVERIFY(plan.ok());
        QCOMPARE(plan->pointsTakenBack, 10);
        takenBack += plan->pointsTakenBack;
        order.lines[0].returned += 1;
        order.tenders[0].refunded += plan->total;
        order.pointsTakenBack += plan->pointsTakenBack;
    }
    QCOMPARE(takenBack, 30);

    // 7 points over 3 units: floor cumulative 2, 2, 3.
    ReturnableOrder odd
        = storeSale({ line("L1", "Shirts", 3, 3000) }, { tender("card", 3000, 0, "POI-12") });
    odd.pointsEarned = 7;
    QList<qint64> perVisit;
    for (int visit = 0; visit < 3; ++visit) {
        const auto plan = planRefund(odd, { request("L1", 1) }, LoyaltyRules::defaults());
        QVERIFY(plan.ok());
        perVisit.append(plan->pointsTakenBack);
        odd.lines[0].returned += 1;
        odd.tenders[0].refunded += plan->total;
        odd.pointsTakenBack += plan->pointsTakenBack;
    }
    QCOMPARE(perVisit, (QList<qint64> { 2, 2, 3 }));
}

void tst_Returns::planPointsTakenBackStep_data()
{
    // 3 × 10.00 paid by card. `before`: units returned before (claimed units included),
    // `applied`: points the server has taken back so far (returns already applied only).
    QTest::addColumn<qint64>("earned");
    QTest::addColumn<int>("before");
    QTest::addColumn<qint64>("applied");
    QTest::addColumn<int>("quantity");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("first unit") << qint64(30) << 0 << qint64(0) << 1 << qint64(10);
    QTest::newRow("second unit, first applied") << qint64(30) << 1 << qint64(10) << 1 << qint64(10);
    QTest::newRow("second unit, first only claimed")
        << qint64(30) << 1 << qint64(0) << 1 << qint64(10);
    QTest::newRow("two units, one claimed before")
        << qint64(30) << 1 << qint64(0) << 2 << qint64(20);
    QTest::newRow("7 points, second unit, first only claimed")
        << qint64(7) << 1 << qint64(0) << 1 << qint64(2);
    QTest::newRow("7 points, third unit, two claimed")
        << qint64(7) << 2 << qint64(0) << 1 << qint64(3);
    QTest::newRow("7 points, third unit, two applied")
        << qint64(7) << 2 << qint64(4) << 1 << qint64(3);
    QTest::newRow("capped at what is left of earned")
        << qint64(30) << 1 << qint64(25) << 1 << qint64(5);
    QTest::newRow("nothing left of earned") << qint64(30) << 2 << qint64(30) << 1 << qint64(0);
    QTest::newRow("no points earned") << qint64(0) << 0 << qint64(0) << 3 << qint64(0);
}

void tst_Returns::planPointsTakenBackStep()
{
    QFETCH(qint64, earned);
    QFETCH(int, before);
    QFETCH(qint64, applied);
    QFETCH(int, quantity);
    QFETCH(qint64, expected);
    ReturnableOrder order
        = storeSale({ line("L1", "Shirts", 3, 3000) }, { tender("card", 3000, 0, "POI-13") });
    order.pointsEarned = earned;
    order.lines[0].returned = before;
    order.tenders[0].refunded = eur(1000 * before);
    order.pointsTakenBack = applied;
    const auto plan = planRefund(order, { request("L1", quantity) }, LoyaltyRules::defaults());
    QVERIFY(plan.ok());
    QCOMPARE(plan->pointsTakenBack, expected);
}

void tst_Returns::planPromotionSaleOverVisits()
{
    // A real 3 for 2 sale paid by card and cash: three visits refund exactly what was paid.
    const Sale sale = buildWith({ { "SOCK", "Socks", 3, 499 }, { "CAP", "Caps", 1, 700 } },
        { buyPay("3V2", PromotionTarget::Item, { QStringLiteral("SOCK") }, 3, 2) });
    QCOMPARE(sale.total, eur(1698));
    ReturnableOrder order;
    order.number = QStringLiteral("AMS01-T1-000050");
    order.soldAt = sale.soldAt;
    order.total = sale.total;
    for (const SaleLine &saleLine : sale.lines) {
        ReturnableLine l;
        l.lineId = saleLine.lineId;
        l.category = saleLine.category;
        l.sold = saleLine.quantity;
        l.lineTotal = saleLine.lineTotal();
        order.lines.append(l);
    }
    order.tenders = { tender("card", 998, 0, "POI-13"), tender("cash", 700) };
    Money refunded;
    for (const QList<ReturnRequestLine> &visit : { QList<ReturnRequestLine> { request("L1", 1) },
             QList<ReturnRequestLine> { request("L1", 1), request("L2", 1) },
             QList<ReturnRequestLine> { request("L1", 1) } }) {
        const auto plan = planRefund(order, visit, LoyaltyRules::defaults());
        QVERIFY(plan.ok());
        for (qsizetype i = 0; i < visit.size(); ++i) {
            for (ReturnableLine &l : order.lines) {
                if (l.lineId == visit.at(i).lineId)
                    l.returned += visit.at(i).quantity;
            }
        }
        for (const Refund &refund : plan->refunds) {
            for (OriginalTender &t : order.tenders) {
                if ((t.method == QLatin1String("card")) == (refund.method == RefundMethod::Card))
                    t.refunded += refund.amount;
            }
        }
        refunded += plan->total;
    }
    QCOMPARE(refunded, sale.total);
    QCOMPARE(order.tenders.at(0).refunded, eur(998));
    QCOMPARE(order.tenders.at(1).refunded, eur(700));
}

// ---- cash, refunds, methods ------------------------------------------------------------------

void tst_Returns::finaliseCash_data()
{
    QTest::addColumn<qint64>("unrounded");
    QTest::addColumn<bool>("cashRounding");
    QTest::addColumn<qint64>("cashRefundable");
    QTest::addColumn<qint64>("expected");
    QTest::addColumn<qint64>("rounding");

    QTest::newRow("exact") << qint64(1000) << true << qint64(5000) << qint64(1000) << qint64(0);
    QTest::newRow("1 down") << qint64(1001) << true << qint64(5000) << qint64(1000) << qint64(-1);
    QTest::newRow("2 down") << qint64(1002) << true << qint64(5000) << qint64(1000) << qint64(-2);
    QTest::newRow("3 up") << qint64(1003) << true << qint64(5000) << qint64(1005) << qint64(2);
    QTest::newRow("4 up") << qint64(1004) << true << qint64(5000) << qint64(1005) << qint64(1);
    QTest::newRow("6 down") << qint64(1006) << true << qint64(5000) << qint64(1005) << qint64(-1);
    QTest::newRow("7 down") << qint64(1007) << true << qint64(5000) << qint64(1005) << qint64(-2);
    QTest::newRow("8 up") << qint64(1008) << true << qint64(5000) << qint64(1010) << qint64(2);
    QTest::newRow("no rounding in this store")
        << qint64(1003) << false << qint64(5000) << qint64(1003) << qint64(0);
    QTest::newRow("capped: rounds down instead")
        << qint64(1003) << true << qint64(1003) << qint64(1000) << qint64(-3);
    QTest::newRow("capped exactly at a step")
        << qint64(998) << true << qint64(1000) << qint64(1000) << qint64(2);
}

void tst_Returns::finaliseCash()
{
    QFETCH(qint64, unrounded);
    QFETCH(bool, cashRounding);
    QFETCH(qint64, cashRefundable);
    QFETCH(qint64, expected);
    QFETCH(qint64, rounding);

    const ReturnableOrder order = storeSale({ line("L1", "Shirts", 1, 5000) },
        { tender("card", 5000, 0, "POI-14"), tender("cash", cashRefundable) });
    Refund card;
    card.method = RefundMethod::Card;
    card.amount = eur(1234);
    Refund cash;
    cash.method = RefundMethod::Cash;
    cash.amount = eur(unrounded);
    QList<Refund> refunds { card, cash };
    QCOMPARE(Core::finaliseCash(refunds, order, cashRounding), eur(rounding));
    QCOMPARE(refunds.at(1).amount, eur(expected));
    QCOMPARE(refunds.at(0).amount, eur(1234)); // the card part is never rounded
}

void tst_Returns::checkRefunds_data()
{
    QTest::addColumn<int>("origin");
    QTest::addColumn<QList<Refund>>("refunds");
    QTest::addColumn<qint64>("total");
    QTest::addColumn<qint64>("rounding");
    QTest::addColumn<bool>("cashRounding");
    QTest::addColumn<QString>("code");

    auto refund = [](RefundMethod method, qint64 cents, const char *reference = "",
                      const char *original = "") {
        Refund r;
        r.method = method;
        r.amount = eur(cents);
        r.reference = QLatin1String(reference);
        r.originalReference = QLatin1String(original);
        return r;
    };
    const int store = int(ReturnOrigin::StoreSale);
    const int web = int(ReturnOrigin::WebOrder);
    const int none = int(ReturnOrigin::NoReceipt);
    const Refund card = refund(RefundMethod::Card, 2000, "POI-R1", "POI-15");

    QTest::newRow("card ok") << store << QList<Refund> { card } << qint64(2000) << qint64(0) << true
                             << QString();
    QTest::newRow("card and rounded cash ok")
        << store << QList<Refund> { card, refund(RefundMethod::Cash, 1005) } << qint64(3003)
        << qint64(2) << true << QString();
    QTest::newRow("none") << store << QList<Refund> {} << qint64(2000) << qint64(0) << true
                          << QStringLiteral("refund.none");
    QTest::newRow("zero return needs no refund")
        << store << QList<Refund> {} << qint64(0) << qint64(0) << true << QString();
    QTest::newRow("not positive") << store << QList<Refund> { refund(RefundMethod::Cash, 0) }
                                  << qint64(0) << qint64(0) << true
                                  << QStringLiteral("refund.not_positive");
    QTest::newRow("sum mismatch") << store << QList<Refund> { card } << qint64(2100) << qint64(0)
                                  << true << QStringLiteral("refund.sum_mismatch");
    QTest::newRow("rounding without cash")
        << store << QList<Refund> { refund(RefundMethod::Card, 2002, "POI-R1", "POI-15") }
        << qint64(2000) << qint64(2) << true << QStringLiteral("refund.rounding");
    QTest::newRow("rounding wrong")
        << store << QList<Refund> { refund(RefundMethod::Cash, 1010) } << qint64(1003) << qint64(7)
        << true << QStringLiteral("refund.rounding");
    QTest::newRow("rounding in a store that does not round")
        << store << QList<Refund> { refund(RefundMethod::Cash, 1005) } << qint64(1003) << qint64(2)
        << false << QStringLiteral("refund.rounding");
    QTest::newRow("web order to store credit")
        << web << QList<Refund> { refund(RefundMethod::StoreCredit, 2000, "2990000000015") }
        << qint64(2000) << qint64(0) << true << QStringLiteral("refund.method");
    QTest::newRow("no receipt in cash")
        << none << QList<Refund> { refund(RefundMethod::Cash, 2000) } << qint64(2000) << qint64(0)
        << true << QStringLiteral("refund.method");
    QTest::newRow("no receipt as store credit")
        << none << QList<Refund> { refund(RefundMethod::StoreCredit, 2000, "2990000000015") }
        << qint64(2000) << qint64(0) << true << QString();
    QTest::newRow("card above its tender")
        << store << QList<Refund> { refund(RefundMethod::Card, 6001, "POI-R1", "POI-15") }
        << qint64(6001) << qint64(0) << true << QStringLiteral("refund.tender_exceeded");
    QTest::newRow("cash above its tender")
        << store << QList<Refund> { refund(RefundMethod::Cash, 4005) } << qint64(4005) << qint64(0)
        << true << QStringLiteral("refund.tender_exceeded");
    QTest::newRow("store sale to a new gift card above its tenders")
        << store << QList<Refund> { refund(RefundMethod::GiftCard, 9000, "6064360000000009") }
        << qint64(9000) << qint64(0) << true << QString();
    QTest::newRow("card without original reference")
        << store << QList<Refund> { refund(RefundMethod::Card, 2000, "POI-R1") } << qint64(2000)
        << qint64(0) << true << QStringLiteral("refund.reference_missing");
    QTest::newRow("gift card without number")
        << store << QList<Refund> { refund(RefundMethod::GiftCard, 2000) } << qint64(2000)
        << qint64(0) << true << QStringLiteral("refund.reference_missing");
    QTest::newRow("exchange without the new sale")
        << store << QList<Refund> { refund(RefundMethod::Exchange, 2000) } << qint64(2000)
        << qint64(0) << true << QStringLiteral("refund.reference_missing");
    QTest::newRow("exchange") << store
                              << QList<Refund> { refund(RefundMethod::Exchange, 2000,
                                     "9b6f3c1e-6c1d-4a55-8d0e-2f4c1a7b9e10") }
                              << qint64(2000) << qint64(0) << true << QString();
    QTest::newRow("web payment") << web
                                 << QList<Refund> { refund(
                                        RefundMethod::WebPayment, 2000, "PSP-1", "PSP-1") }
                                 << qint64(2000) << qint64(0) << true << QString();
}

void tst_Returns::checkRefunds()
{
    QFETCH(int, origin);
    QFETCH(QList<Refund>, refunds);
    QFETCH(qint64, total);
    QFETCH(qint64, rounding);
    QFETCH(bool, cashRounding);
    QFETCH(QString, code);

    ReturnableOrder order = storeSale({ line("L1", "Shirts", 5, 10000) },
        { tender("card", 6000, 0, "POI-15"), tender("cash", 4000) });
    order.origin = ReturnOrigin(origin);
    if (order.origin == ReturnOrigin::WebOrder)
        order.tenders = { tender("ideal", 10000, 0, "PSP-1") };
    if (order.origin == ReturnOrigin::NoReceipt) {
        order.tenders.clear();
        order.lines.clear();
    }
    order.customer = SaleCustomer { 42, QStringLiteral("2990000000015"), QStringLiteral("basic") };
    const Status status = Core::checkRefunds(
        order, refunds, eur(total), eur(rounding), ReturnPolicy::defaults(), cashRounding);
    QCOMPARE(status.ok() ? QString() : status.error().code, code);
}

void tst_Returns::allowedRefundMethods_data()
{
    QTest::addColumn<int>("origin");
    QTest::addColumn<QStringList>("tenders");
    QTest::addColumn<bool>("customer");
    QTest::addColumn<bool>("storeCredit");
    QTest::addColumn<bool>("giftCard");
    QTest::addColumn<QList<RefundMethod>>("expected");

    using M = RefundMethod;
    const int store = int(ReturnOrigin::StoreSale);
    const int web = int(ReturnOrigin::WebOrder);
    QTest::newRow("web paid by iDEAL") << web << QStringList { QStringLiteral("ideal") } << true
                                       << true << true << QList<M> { M::WebPayment, M::Exchange };
    QTest::newRow("web paid partly with store credit")
        << web << QStringList { QStringLiteral("store_credit"), QStringLiteral("paypal") } << true
        << true << true << QList<M> { M::StoreCredit, M::WebPayment, M::Exchange };
    QTest::newRow("store card and cash, customer")
        << store << QStringList { QStringLiteral("card"), QStringLiteral("cash") } << true << true
        << true << QList<M> { M::Card, M::Cash, M::StoreCredit, M::GiftCard, M::Exchange };
    QTest::newRow("store without customer: no store credit")
        << store << QStringList { QStringLiteral("card") } << false << true << true
        << QList<M> { M::Card, M::GiftCard, M::Exchange };
    QTest::newRow("store policy allows neither")
        << store << QStringList { QStringLiteral("cash") } << true << false << false
        << QList<M> { M::Cash, M::Exchange };
    QTest::newRow("store paid with gift card and points")
        << store << QStringList { QStringLiteral("gift_card"), QStringLiteral("loyalty_points") }
        << true << false << false << QList<M> { M::GiftCard, M::LoyaltyPoints, M::Exchange };
    QTest::newRow("no receipt") << int(ReturnOrigin::NoReceipt) << QStringList {} << true << true
                                << true << QList<M> { M::StoreCredit, M::Exchange };
}

void tst_Returns::allowedRefundMethods()
{
    QFETCH(int, origin);
    QFETCH(QStringList, tenders);
    QFETCH(bool, customer);
    QFETCH(bool, storeCredit);
    QFETCH(bool, giftCard);
    QFETCH(QList<RefundMethod>, expected);

    ReturnableOrder order = storeSale({ line("L1", "Shirts", 1, 1000) }, {});
    order.origin = ReturnOrigin(origin);
    for (const QString &method : tenders)
        order.tenders.append(tender(qPrintable(method), 1000 / qMax(1, int(tenders.size()))));
    if (customer)
        order.customer
            = SaleCustomer { 42, QStringLiteral("2990000000015"), QStringLiteral("basic") };
    ReturnPolicy policy = ReturnPolicy::defaults();
    policy.storeCreditForStoreSales = storeCredit;
    policy.giftCardForStoreSales = giftCard;
    QCOMPARE(Core::allowedRefundMethods(order, policy), expected);
}

// ---- codes -----------------------------------------------------------------------------------

void tst_Returns::parseReturnCode_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("number");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("chainTag");

    using K = ReturnCode::Kind;
    const QString uuid = QStringLiteral("6f1c2a5e-2b7f-4a59-9a0e-6a3c1d2e4f50");
    QTest::newRow("receipt QR") << QStringLiteral("TOONBANK:SALE:AMS01-T1-000042:") + uuid
                                << int(K::Receipt) << QStringLiteral("AMS01-T1-000042") << uuid
                                << QString();
    QTest::newRow("receipt QR with scanner newline")
        << QStringLiteral("TOONBANK:SALE:AMS01-T1-000042:") + uuid + QStringLiteral("\r\n")
        << int(K::Receipt) << QStringLiteral("AMS01-T1-000042") << uuid << QString();
    QTest::newRow("receipt QR braces and upper-case uuid")
        << QStringLiteral("TOONBANK:SALE:ams01-t1-000042:{") + uuid.toUpper() + QStringLiteral("}")
        << int(K::Receipt) << QStringLiteral("AMS01-T1-000042") << uuid << QString();
    QTest::newRow("web QR") << QStringLiteral("TOONBANK:WEB:TOONBANK:W-100234") << int(K::WebOrder)
                            << QStringLiteral("W-100234") << QString()
                            << QStringLiteral("TOONBANK");
    QTest::newRow("web QR of another chain")
        << QStringLiteral("TOONBANK:WEB:OTHERSHOP:W-1") << int(K::WebOrder) << QStringLiteral("W-1")
        << QString() << QStringLiteral("OTHERSHOP");
    QTest::newRow("return QR") << QStringLiteral("TOONBANK:RETURN:AMS01-T1-R000007:") + uuid
                               << int(K::ReturnReceipt) << QStringLiteral("AMS01-T1-R000007")
                               << uuid << QString();
    QTest::newRow("typed receipt number")
        << QStringLiteral("  ams01-t1-000042 ") << int(K::Typed)
        << QStringLiteral("AMS01-T1-000042") << QString() << QString();
    QTest::newRow("typed digits") << QStringLiteral("100234") << int(K::Typed)
                                  << QStringLiteral("100234") << QString() << QString();
    QTest::newRow("empty") << QString() << int(K::Invalid) << QString() << QString() << QString();
    QTest::newRow("blank") << QStringLiteral("   ") << int(K::Invalid) << QString() << QString()
                           << QString();
    QTest::newRow("no digit") << QStringLiteral("hello") << int(K::Invalid) << QString()
                              << QString() << QString();
    QTest::newRow("garbage") << QStringLiteral("DROP TABLE sales; --1") << int(K::Invalid)
                             << QString() << QString() << QString();
    QTest::newRow("too long") << QString(65, QLatin1Char('1')) << int(K::Invalid) << QString()
                              << QString() << QString();
    QTest::newRow("64 is fine") << QString(64, QLatin1Char('1')) << int(K::Typed)
                                << QString(64, QLatin1Char('1')) << QString() << QString();
    QTest::newRow("control character") << QStringLiteral("1234\x07"
                                                         "5678")
                                       << int(K::Invalid) << QString() << QString() << QString();
    QTest::newRow("tab inside") << QStringLiteral("1234\t5678") << int(K::Invalid) << QString()
                                << QString() << QString();
    QTest::newRow("escape in a QR") << QStringLiteral("TOONBANK:SALE:AMS\x1b-1:") + uuid
                                    << int(K::Invalid) << QString() << QString() << QString();
    QTest::newRow("sale QR without uuid")
        << QStringLiteral("TOONBANK:SALE:AMS01-T1-000042:not-a-uuid") << int(K::Invalid)
        << QString() << QString() << QString();
    QTest::newRow("sale QR missing part") << QStringLiteral("TOONBANK:SALE:AMS01-T1-000042")
                                          << int(K::Invalid) << QString() << QString() << QString();
    QTest::newRow("web QR empty number") << QStringLiteral("TOONBANK:WEB:TOONBANK:")
                                         << int(K::Invalid) << QString() << QString() << QString();
    QTest::newRow("unknown kind") << QStringLiteral("TOONBANK:GIFT:1234:5678") << int(K::Invalid)
                                  << QString() << QString() << QString();
    QTest::newRow("extra part") << QStringLiteral("TOONBANK:RETURN:A1:") + uuid
            + QStringLiteral(":x")
                                << int(K::Invalid) << QString() << QString() << QString();
}

void tst_Returns::parseReturnCode()
{
    QFETCH(QString, text);
    QFETCH(int, kind);
    QFETCH(QString, number);
    QFETCH(QString, id);
    QFETCH(QString, chainTag);

    const ReturnCode code = Core::parseReturnCode(text);
    QCOMPARE(int(code.kind), kind);
    QCOMPARE(code.number, number);
    QCOMPARE(code.id, id);
    QCOMPARE(code.chainTag, chainTag);
}

void tst_Returns::qrPayloadsRoundTrip()
{
    const QString web = webOrderQrPayload(QStringLiteral("Toon Bank"), QStringLiteral("W-100234"));
    QCOMPARE(web, QStringLiteral("TOONBANK:WEB:TOONBANK:W-100234"));
    const ReturnCode webCode = Core::parseReturnCode(web);
    QCOMPARE(webCode.kind, ReturnCode::Kind::WebOrder);
    QCOMPARE(webCode.number, QStringLiteral("W-100234"));
    QCOMPARE(webCode.chainTag, QStringLiteral("TOONBANK"));

    const QString uuid = QStringLiteral("9b6f3c1e-6c1d-4a55-8d0e-2f4c1a7b9e10");
    const QString ret = returnQrPayload(
        QStringLiteral("AMS01-T1-R000001"), QStringLiteral("{") + uuid + QStringLiteral("}"));
    QCOMPARE(ret, QStringLiteral("TOONBANK:RETURN:AMS01-T1-R000001:") + uuid);
    const ReturnCode retCode = Core::parseReturnCode(ret);
    QCOMPARE(retCode.kind, ReturnCode::Kind::ReturnReceipt);
    QCOMPARE(retCode.number, QStringLiteral("AMS01-T1-R000001"));
    QCOMPARE(retCode.id, uuid);
}

void tst_Returns::returnVatPerRate()
{
    auto returned = [](const char *id, int basisPoints, VatClass vatClass, qint64 cents) {
        ReturnLine l;
        l.lineId = QLatin1String(id);
        l.vatBasisPoints = basisPoints;
        l.vatClass = vatClass;
        l.quantity = 1;
        l.refund = eur(cents);
        return l;
    };
    // 21 %: 12.10 + 6.05 = 18.15 gross → 3.15 VAT; 9 %: 10.90 → 0.90 VAT.
    const QList<VatBreakdown> vat = returnVat({ returned("R1", 900, VatClass::Reduced, 1090),
        returned("R2", 2100, VatClass::Standard, 1210),
        returned("R3", 2100, VatClass::Standard, 605) });
    QCOMPARE(vat.size(), 2);
    QCOMPARE(vat.at(0).rate.basisPoints, 2100);
    QCOMPARE(vat.at(0).rate.vatClass, QStringLiteral("standard"));
    QCOMPARE(vat.at(0).gross, eur(1815));
    QCOMPARE(vat.at(0).vat, eur(315));
    QCOMPARE(vat.at(0).net, eur(1500));
    QCOMPARE(vat.at(1).rate.basisPoints, 900);
    QCOMPARE(vat.at(1).gross, eur(1090));
    QCOMPARE(vat.at(1).vat, eur(90));
    QCOMPARE(vat.at(1).net, eur(1000));
    QVERIFY(returnVat({}).isEmpty());
}

QTEST_GUILESS_MAIN(tst_Returns)
#include "tst_returns.moc"
