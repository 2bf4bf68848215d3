#include "app/core/promotionengine.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace Toonbank::Core;

namespace {

struct Product
{
    const char *sku;
    qint64 unitCents;
    const char *category;
    const char *brand;
};

// The catalog the rows use. Prices in cents, VAT-inclusive.
const Product sock { "SOCK", 500, "clothing", "Acme" };
const Product shirt { "SHIRT", 2000, "clothing", "Acme" };
const Product cap { "CAP", 1200, "clothing", "Bolt" };
const Product milk { "MILK", 129, "food", "Dairyco" };
const Product bread { "BREAD", 249, "food", "Bakker" };

struct LineSpec
{
    Product product;
    int quantity = 1;
};

// What one line must get: the promotion (or coupon code) and the amount in cents.
struct Adj
{
    const char *source = "";
    qint64 cents = 0;
    AdjustmentKind kind = AdjustmentKind::Promotion;
};

struct Ctx
{
    QDateTime localTime = QDateTime(QDate(2026, 11, 29), QTime(12, 0));
    QString storeCode = QStringLiteral("S1");
    qint64 customerId = 0;
    QString tier;
    QStringList coupons;
};

// A promotion built fluently in a row: P::percent("P1", Item, {"SOCK"}, 2000).priority(2).
struct P
{
    Promotion p;

    static P make(const char *id, PromotionKind kind, PromotionTarget target,
        std::initializer_list<const char *> keys)
    {
        P result;
        result.p.id = QLatin1String(id);
        result.p.label = QStringLiteral("Label %1").arg(QLatin1String(id));
        result.p.kind = kind;
        result.p.target = target;
        for (const char *key : keys)
            result.p.targetKeys.append(QLatin1String(key));
        return result;
    }
    static P percent(const char *id, PromotionTarget target,
        std::initializer_list<const char *> keys, int basisPoints)
    {
        P result = make(id, PromotionKind::PercentOff, target, keys);
        result.p.percentBasisPoints = basisPoints;
        return result;
    }
    static P amountOff(const char *id, PromotionTarget target,
        std::initializer_list<const char *> keys, qint64 cents)
    {
        P result = make(id, PromotionKind::AmountOff, target, keys);
        result.p.amount = Money::fromCents(cents);
        return result;
    }
    static P fixedPrice(const char *id, PromotionTarget target,
        std::initializer_list<const char *> keys, qint64 cents)
    {
        P result = make(id, PromotionKind::FixedPrice, target, keys);
        result.p.amount = Money::fromCents(cents);
        return result;
    }
    static P buyPay(const char *id, PromotionTarget target,
        std::initializer_list<const char *> keys, int buy, int pay)
    {
        P result = make(id, PromotionKind::BuyNPayM, target, keys);
        result.p.buyQuantity = buy;
        result.p.payQuantity = pay;
        return result;
    }
    static P nth(const char *id, PromotionTarget target, std::initializer_list<const char *> keys,
        int n, int basisPoints)
    {
        P result = make(id, PromotionKind::NthAtPercentOff, target, keys);
        result.p.buyQuantity = n;
        result.p.percentBasisPoints = basisPoints;
        return result;
    }
    static P cheapestFree(
        const char *id, PromotionTarget target, std::initializer_list<const char *> keys, int among)
    {
        P result = make(id, PromotionKind::CheapestFree, target, keys);
        result.p.buyQuantity = among;
        return result;
    }
    static P bundle(const char *id, std::initializer_list<const char *> skus, qint64 cents)
    {
        P result = make(id, PromotionKind::BundlePrice, PromotionTarget::Item, skus);
        result.p.amount = Money::fromCents(cents);
        return result;
    }
    static P spend(const char *id, PromotionTarget target, std::initializer_list<const char *> keys,
        qint64 thresholdCents, qint64 cents)
    {
        P result = make(id, PromotionKind::SpendThreshold, target, keys);
        result.p.threshold = Money::fromCents(thresholdCents);
        result.p.amount = Money::fromCents(cents);
        return result;
    }

    P &priority(int value)
    {
        p.priority = value;
        return *this;
    }
    P &exclusive()
    {
        p.exclusive = true;
        return *this;
    }
    P &coupon(const char *code)
    {
        p.couponCode = QLatin1String(code);
        return *this;
    }
    P &customer(qint64 id)
    {
        p.customerId = id;
        return *this;
    }
    P &tier(const char *name)
    {
        p.tier = QLatin1String(name);
        return *this;
    }
    P &from(QDateTime time)
    {
        p.validFrom = std::move(time);
        return *this;
    }
    P &until(QDateTime time)
    {
        p.validUntil = std::move(time);
        return *this;
    }
    P &stores(std::initializer_list<const char *> codes)
    {
        for (const char *code : codes)
            p.storeCodes.append(QLatin1String(code));
        return *this;
    }
    operator Promotion() const { return p; }
};

constexpr auto Item = PromotionTarget::Item;
constexpr auto Category = PromotionTarget::Category;
constexpr auto Brand = PromotionTarget::Brand;
constexpr auto Basket = PromotionTarget::Basket;

struct PromoCase
{
    QList<Promotion> promotions;
    QList<LineSpec> lines;
    Ctx context;
    QList<QList<Adj>> expected; // per line, in stacking order
};

QDateTime at(int month, int day, int hour, int minute = 0, int second = 0)
{
    return QDateTime(QDate(2026, month, day), QTime(hour, minute, second));
}

QList<SaleLine> makeLines(const QList<LineSpec> &specs)
{
    QList<SaleLine> lines;
    int n = 0;
    for (const LineSpec &spec : specs) {
        SaleLine line;
        line.lineId = QStringLiteral("L%1").arg(++n);
        line.sku = QLatin1String(spec.product.sku);
        line.name = line.sku;
        line.category = QLatin1String(spec.product.category);
        line.brand = QLatin1String(spec.product.brand);
        line.quantity = spec.quantity;
        line.unitPrice = Money::fromCents(spec.product.unitCents);
        line.regularPrice = line.unitPrice;
        lines.append(line);
    }
    return lines;
}

PromotionContext makeContext(const Ctx &ctx)
{
    PromotionContext context;
    context.localTime = ctx.localTime;
    context.storeCode = ctx.storeCode;
    context.customerId = ctx.customerId;
    context.customerTier = ctx.tier;
    context.couponCodes = ctx.coupons;
    return context;
}

QString describe(const QList<QList<Adjustment>> &result)
{
    QStringList lines;
    for (const QList<Adjustment> &line : result) {
        QStringList parts;
        for (const Adjustment &adjustment : line)
            parts.append(
                QStringLiteral("%1=%2").arg(adjustment.sourceId).arg(adjustment.amount.cents()));
        lines.append(QLatin1Char('[') + parts.join(QLatin1Char(' ')) + QLatin1Char(']'));
    }
    return lines.join(QLatin1Char(' '));
}

QString describe(const QList<QList<Adj>> &expected)
{
    QStringList lines;
    for (const QList<Adj> &line : expected) {
        QStringList parts;
        for (const Adj &adjustment : line)
            parts.append(QStringLiteral("%1=%2")
                             .arg(QLatin1String(adjustment.source))
                             .arg(adjustment.cents));
        lines.append(QLatin1Char('[') + parts.join(QLatin1Char(' ')) + QLatin1Char(']'));
    }
    return lines.join(QLatin1Char(' '));
}

} // namespace

Q_DECLARE_METATYPE(PromoCase)
Q_DECLARE_METATYPE(Promotion)

class tst_Promotions : public QObject
{
    Q_OBJECT

private slots:
    void apply_data();
    void apply();
    void recomputingNeverStacksAgain();
    void cheapestFreeNeverMoreThanTheItem();
    void partialReturnRefundsOnlyThePaidShare();
    void lineIdsAndOrderKept();
    void invalidPromotionsAreIgnored();
    void randomisedInvariants();
    void spreadProRata_data();
    void spreadProRata();
    void validate_data();
    void validate();
    void isActive_data();
    void isActive();
    void names();
};

void tst_Promotions::apply_data()
{
    QTest::addColumn<PromoCase>("data");

    const Ctx now;
    Ctx customer42 = now;
    customer42.customerId = 42;
    Ctx customer7 = now;
    customer7.customerId = 7;
    Ctx gold = now;
    gold.customerId = 42;
    gold.tier = QStringLiteral("Gold");
    Ctx silver = gold;
    silver.tier = QStringLiteral("silver");
    Ctx welcome = now;
    welcome.coupons = { QStringLiteral("welcome5") };
    Ctx otherCoupon = now;
    otherCoupon.coupons = { QStringLiteral("OTHER") };
    Ctx store2 = now;
    store2.storeCode = QStringLiteral("S2");

    // Each row: promotions, lines {product, quantity}, context, and per line what it gets,
    // worked out by hand in cents. Every row is also checked to give the same result when
    // recomputed and when the promotions come in the reverse order.
    // clang-format off

    // Percent off.
    QTest::newRow("percent item 20%") << PromoCase{{P::percent("P1", Item, {"SOCK"}, 2000)},
        {{sock}}, now, {{{"P1", 100}}}};
    QTest::newRow("percent item rounds once per line") << PromoCase{{P::percent("P1", Item, {"MILK"}, 2000)},
        {{milk, 3}}, now, {{{"P1", 77}}}}; // 387 * 20 % = 77.4
    QTest::newRow("percent category") << PromoCase{{P::percent("P1", Category, {"clothing"}, 1000)},
        {{sock, 2}, {shirt}, {milk}}, now, {{{"P1", 100}}, {{"P1", 200}}, {}}};
    QTest::newRow("percent brand case-insensitive") << PromoCase{{P::percent("P1", Brand, {"acme"}, 1500)},
        {{sock}, {cap}}, now, {{{"P1", 75}}, {}}};
    QTest::newRow("percent 100% makes free, not negative") << PromoCase{{P::percent("P1", Item, {"BREAD"}, 10000)},
        {{bread}}, now, {{{"P1", 249}}}};
    QTest::newRow("percent basket spread pro rata") << PromoCase{{P::percent("B1", Basket, {}, 1000)},
        {{sock}, {milk}}, now, {{{"B1", 50}}, {{"B1", 13}}}}; // 62.9 → 63: 50.08 + 12.92

    // Amount off.
    QTest::newRow("amount item per unit") << PromoCase{{P::amountOff("P1", Item, {"SOCK"}, 100)},
        {{sock, 3}}, now, {{{"P1", 300}}}};
    QTest::newRow("amount item capped at unit price") << PromoCase{{P::amountOff("P1", Item, {"MILK"}, 300)},
        {{milk, 2}}, now, {{{"P1", 258}}}};
    QTest::newRow("amount basket once") << PromoCase{{P::amountOff("B1", Basket, {}, 500)},
        {{shirt}, {sock}}, now, {{{"B1", 400}}, {{"B1", 100}}}};
    QTest::newRow("amount basket capped at basket") << PromoCase{{P::amountOff("B1", Basket, {}, 5000)},
        {{bread}}, now, {{{"B1", 249}}}};

    // Fixed price.
    QTest::newRow("fixed price per unit") << PromoCase{{P::fixedPrice("P1", Item, {"SHIRT"}, 1500)},
        {{shirt, 2}}, now, {{{"P1", 1000}}}};
    QTest::newRow("fixed price above unit price saves nothing") << PromoCase{{P::fixedPrice("P1", Item, {"SOCK"}, 600)},
        {{sock}}, now, {{}}};

    // Buy N pay M.
    QTest::newRow("3 for 2 exact") << PromoCase{{P::buyPay("M1", Item, {"SOCK"}, 3, 2)},
        {{sock, 3}}, now, {{{"M1", 500}}}};
    QTest::newRow("3 for 2 with 4 units") << PromoCase{{P::buyPay("M1", Item, {"SOCK"}, 3, 2)},
        {{sock, 4}}, now, {{{"M1", 500}}}};
    QTest::newRow("3 for 2 with 6 units") << PromoCase{{P::buyPay("M1", Item, {"SOCK"}, 3, 2)},
        {{sock, 6}}, now, {{{"M1", 1000}}}};
    QTest::newRow("3 for 2 with 2 units") << PromoCase{{P::buyPay("M1", Item, {"SOCK"}, 3, 2)},
        {{sock, 2}}, now, {{}}};
    QTest::newRow("3 for 2 category cheapest free") << PromoCase{{P::buyPay("M1", Category, {"clothing"}, 3, 2)},
        {{shirt}, {cap}, {sock}}, now, {{}, {}, {{"M1", 500}}}};
    QTest::newRow("3 for 2 across lines dearest grouped first") << PromoCase{{P::buyPay("M1", Category, {"clothing"}, 3, 2)},
        {{shirt, 2}, {cap, 2}, {sock, 2}}, now, {{}, {{"M1", 1200}}, {{"M1", 500}}}};
    QTest::newRow("buy 5 pay 3") << PromoCase{{P::buyPay("M1", Item, {"SOCK"}, 5, 3)},
        {{sock, 5}}, now, {{{"M1", 1000}}}};

    // Nth at percent off.
    QTest::newRow("second at half price") << PromoCase{{P::nth("N1", Item, {"SOCK"}, 2, 5000)},
        {{sock, 2}}, now, {{{"N1", 250}}}};
    QTest::newRow("second at half price odd quantity") << PromoCase{{P::nth("N1", Item, {"SOCK"}, 2, 5000)},
        {{sock, 3}}, now, {{{"N1", 250}}}};
    QTest::newRow("second at half price on the cheaper unit") << PromoCase{{P::nth("N1", Category, {"clothing"}, 2, 5000)},
        {{shirt}, {cap}}, now, {{}, {{"N1", 600}}}};
    QTest::newRow("second at 25% rounds per unit") << PromoCase{{P::nth("N1", Item, {"MILK"}, 2, 2500)},
        {{milk, 2}}, now, {{{"N1", 32}}}}; // 32.25

    // Cheapest free.
    QTest::newRow("cheapest free among 3") << PromoCase{{P::cheapestFree("C1", Category, {"clothing"}, 3)},
        {{shirt}, {cap}, {sock}}, now, {{}, {}, {{"C1", 500}}}};
    QTest::newRow("cheapest free is exactly the cheapest price") << PromoCase{{P::cheapestFree("C1", Category, {"food"}, 2)},
        {{bread}, {milk}}, now, {{}, {{"C1", 129}}}};
    QTest::newRow("cheapest free needs enough units") << PromoCase{{P::cheapestFree("C1", Category, {"clothing"}, 3)},
        {{shirt}, {cap}}, now, {{}, {}}};

    // Bundle price.
    QTest::newRow("bundle shirt and cap") << PromoCase{{P::bundle("D1", {"SHIRT", "CAP"}, 2500)},
        {{shirt}, {cap}}, now, {{{"D1", 438}}, {{"D1", 262}}}}; // 700 pro rata, tie → first
    QTest::newRow("bundle twice") << PromoCase{{P::bundle("D1", {"SHIRT", "CAP"}, 2500)},
        {{shirt, 2}, {cap, 2}}, now, {{{"D1", 876}}, {{"D1", 524}}}};
    QTest::newRow("bundle once for three units") << PromoCase{{P::bundle("D1", {"SHIRT", "CAP"}, 2500)},
        {{shirt, 2}, {cap}}, now, {{{"D1", 438}}, {{"D1", 262}}}};
    QTest::newRow("bundle missing a product") << PromoCase{{P::bundle("D1", {"SHIRT", "CAP"}, 2500)},
        {{shirt}}, now, {{}}};
    QTest::newRow("bundle dearer than its parts") << PromoCase{{P::bundle("D1", {"SHIRT", "CAP"}, 4000)},
        {{shirt}, {cap}}, now, {{}, {}}};

    // Spend threshold.
    QTest::newRow("5 off from 50 reached") << PromoCase{{P::spend("T1", Basket, {}, 5000, 500)},
        {{shirt, 2}, {cap}}, now, {{{"T1", 385}}, {{"T1", 115}}}};
    QTest::newRow("5 off from 50 not reached") << PromoCase{{P::spend("T1", Basket, {}, 5000, 500)},
        {{shirt, 2}, {bread}}, now, {{}, {}}};
    QTest::newRow("5 off from 50 exactly at threshold") << PromoCase{{P::spend("T1", Basket, {}, 5000, 500)},
        {{shirt, 2}, {sock, 2}}, now, {{{"T1", 400}}, {{"T1", 100}}}};
    QTest::newRow("5 off from 50 judged after line promotions") << PromoCase{{P::spend("T1", Basket, {}, 5000, 500), P::percent("P1", Item, {"CAP"}, 2000)},
        {{shirt, 2}, {cap}}, now, {{}, {{"P1", 240}}}};
    QTest::newRow("spend threshold on a category") << PromoCase{{P::spend("T1", Category, {"clothing"}, 3000, 500)},
        {{shirt}, {milk}, {cap}}, now, {{{"T1", 313}}, {}, {{"T1", 187}}}};

    // Dates (store local time, inclusive) and store scope.
    QTest::newRow("before valid from") << PromoCase{{P::percent("P1", Item, {"SOCK"}, 2000).from(at(12, 1, 0))},
        {{sock}}, now, {{}}};
    QTest::newRow("on valid from") << PromoCase{{P::percent("P1", Item, {"SOCK"}, 2000).from(at(11, 29, 12))},
        {{sock}}, now, {{{"P1", 100}}}};
    QTest::newRow("after valid until") << PromoCase{{P::percent("P1", Item, {"SOCK"}, 2000).until(at(11, 29, 11, 59, 59))},
        {{sock}}, now, {{}}};
    QTest::newRow("on valid until") << PromoCase{{P::percent("P1", Item, {"SOCK"}, 2000).until(at(11, 29, 12))},
        {{sock}}, now, {{{"P1", 100}}}};
    QTest::newRow("inside from and until") << PromoCase{{P::percent("P1", Item, {"SOCK"}, 2000).from(at(11, 1, 0)).until(at(11, 30, 23, 59, 59))},
        {{sock}}, now, {{{"P1", 100}}}};
    QTest::newRow("other store") << PromoCase{{P::percent("P1", Item, {"SOCK"}, 2000).stores({"S2"})},
        {{sock}}, now, {{}}};
    QTest::newRow("listed store") << PromoCase{{P::percent("P1", Item, {"SOCK"}, 2000).stores({"S2", "S1"})},
        {{sock}}, now, {{{"P1", 100}}}};
    QTest::newRow("store-scoped and general promotion") << PromoCase{{P::percent("P1", Item, {"SOCK"}, 2000).stores({"S1"}), P::percent("P2", Item, {"SOCK"}, 1000)},
        {{sock}}, store2, {{{"P2", 50}}}};

    // Coupons: a code condition, matched case-insensitively.
    QTest::newRow("coupon entered") << PromoCase{{P::amountOff("CP1", Basket, {}, 500).coupon("WELCOME5")},
        {{shirt}}, welcome, {{{"WELCOME5", 500, AdjustmentKind::Coupon}}}};
    QTest::newRow("coupon not entered") << PromoCase{{P::amountOff("CP1", Basket, {}, 500).coupon("WELCOME5")},
        {{shirt}}, now, {{}}};
    QTest::newRow("coupon other code") << PromoCase{{P::amountOff("CP1", Basket, {}, 500).coupon("WELCOME5")},
        {{shirt}}, otherCoupon, {{}}};
    QTest::newRow("coupon on an item") << PromoCase{{P::percent("CP1", Item, {"SOCK"}, 5000).coupon("Welcome5")},
        {{sock}, {shirt}}, welcome, {{{"Welcome5", 250, AdjustmentKind::Coupon}}, {}}};

    // Personal offers: for one customer only.
    QTest::newRow("personal offer for this customer") << PromoCase{{P::percent("PO1", Item, {"SHIRT"}, 1000).customer(42)},
        {{shirt}}, customer42, {{{"PO1", 200, AdjustmentKind::PersonalOffer}}}};
    QTest::newRow("personal offer for another customer") << PromoCase{{P::percent("PO1", Item, {"SHIRT"}, 1000).customer(42)},
        {{shirt}}, customer7, {{}}};
    QTest::newRow("personal offer without customer") << PromoCase{{P::percent("PO1", Item, {"SHIRT"}, 1000).customer(42)},
        {{shirt}}, now, {{}}};

    // Tier discounts.
    QTest::newRow("gold tier discount for gold") << PromoCase{{P::percent("TG", Basket, {}, 500).tier("gold")},
        {{shirt}}, gold, {{{"TG", 100, AdjustmentKind::Tier}}}};
    QTest::newRow("gold tier discount not for silver") << PromoCase{{P::percent("TG", Basket, {}, 500).tier("gold")},
        {{shirt}}, silver, {{}}};
    QTest::newRow("tier discount without customer") << PromoCase{{P::percent("TG", Basket, {}, 500).tier("gold")},
        {{shirt}}, now, {{}}};

    // Stackable line and basket promotions; exclusive ones weighed alone.
    QTest::newRow("line and basket promotions stack") << PromoCase{{P::percent("P1", Item, {"SOCK"}, 2000), P::percent("B1", Basket, {}, 1000)},
        {{sock}}, now, {{{"P1", 100}, {"B1", 40}}}};
    QTest::newRow("exclusive with larger saving wins alone") << PromoCase{{P::percent("P1", Item, {"SOCK"}, 2000), P::percent("B1", Basket, {}, 1000), P::percent("X1", Item, {"SOCK"}, 3000).exclusive()},
        {{sock}}, now, {{{"X1", 150}}}};
    QTest::newRow("exclusive with smaller saving loses") << PromoCase{{P::percent("P1", Item, {"SOCK"}, 2000), P::percent("B1", Basket, {}, 1000), P::percent("X1", Item, {"SOCK"}, 2500).exclusive().priority(9)},
        {{sock}}, now, {{{"P1", 100}, {"B1", 40}}}};
    QTest::newRow("exclusive tie goes to the combination") << PromoCase{{P::percent("P1", Item, {"SOCK"}, 2000), P::percent("B1", Basket, {}, 1000), P::amountOff("X1", Item, {"SOCK"}, 140).exclusive()},
        {{sock}}, now, {{{"P1", 100}, {"B1", 40}}}};
    QTest::newRow("of two exclusives the larger wins") << PromoCase{{P::percent("X1", Item, {"SOCK"}, 3000).exclusive().priority(5), P::amountOff("X2", Item, {"SOCK"}, 200).exclusive()},
        {{sock}}, now, {{{"X2", 200}}}};
    QTest::newRow("exclusive excludes promotions on other lines") << PromoCase{{P::percent("P1", Item, {"SHIRT"}, 1000), P::percent("X1", Item, {"SOCK"}, 10000).exclusive()},
        {{sock}, {shirt}}, now, {{{"X1", 500}}, {}}};

    // Priority and ties.
    QTest::newRow("equal saving: higher priority wins") << PromoCase{{P::percent("PA", Item, {"SOCK"}, 2000).priority(1), P::amountOff("PB", Item, {"SOCK"}, 100).priority(5)},
        {{sock}}, now, {{{"PB", 100}}}};
    QTest::newRow("equal saving and priority: smaller id wins") << PromoCase{{P::amountOff("PB", Item, {"SOCK"}, 100), P::percent("PA", Item, {"SOCK"}, 2000)},
        {{sock}}, now, {{{"PA", 100}}}};
    QTest::newRow("larger saving beats priority") << PromoCase{{P::percent("P1", Item, {"SOCK"}, 1000).priority(9), P::percent("P2", Item, {"SOCK"}, 2000)},
        {{sock}}, now, {{{"P2", 100}}}};
    QTest::newRow("basket promotions stack in priority order") << PromoCase{{P::amountOff("B1", Basket, {}, 500).priority(1), P::percent("B2", Basket, {}, 1000).priority(2)},
        {{shirt}}, now, {{{"B2", 200}, {"B1", 500}}}};
    QTest::newRow("basket promotions of equal priority by id") << PromoCase{{P::percent("B2", Basket, {}, 1000), P::amountOff("B1", Basket, {}, 500)},
        {{shirt}}, now, {{{"B1", 500}, {"B2", 150}}}};

    // Conflicting promotions on the same units: per unit, what saves most.
    QTest::newRow("3 for 2 beats 20% off") << PromoCase{{P::buyPay("M1", Item, {"SOCK"}, 3, 2), P::percent("P1", Item, {"SOCK"}, 2000)},
        {{sock, 3}}, now, {{{"M1", 500}}}};
    QTest::newRow("50% off beats 3 for 2") << PromoCase{{P::buyPay("M1", Item, {"SOCK"}, 3, 2), P::percent("P1", Item, {"SOCK"}, 5000)},
        {{sock, 3}}, now, {{{"P1", 750}}}};
    QTest::newRow("3 for 2 on three units, 20% on the fourth") << PromoCase{{P::buyPay("M3", Item, {"SOCK"}, 3, 2), P::percent("P20", Item, {"SOCK"}, 2000)},
        {{sock, 4}}, now, {{{"M3", 500}, {"P20", 100}}}};
    QTest::newRow("category percent beats bundle") << PromoCase{{P::bundle("D1", {"SHIRT", "CAP"}, 2500), P::percent("P1", Category, {"clothing"}, 2500)},
        {{shirt}, {cap}}, now, {{{"P1", 500}}, {{"P1", 300}}}};
    QTest::newRow("bundle beats category percent") << PromoCase{{P::bundle("D1", {"SHIRT", "CAP"}, 2500), P::percent("P1", Category, {"clothing"}, 1000)},
        {{shirt}, {cap}}, now, {{{"D1", 438}}, {{"D1", 262}}}};
    QTest::newRow("two multi-buys: the larger takes the units") << PromoCase{{P::nth("N1", Item, {"SOCK"}, 2, 5000), P::buyPay("M1", Category, {"clothing"}, 3, 2)},
        {{sock, 3}}, now, {{{"M1", 500}}}};
    QTest::newRow("multi-buy and cheapest free on different lines") << PromoCase{{P::buyPay("M1", Item, {"SOCK"}, 3, 2), P::cheapestFree("C1", Category, {"food"}, 2)},
        {{sock, 3}, {bread}, {milk}}, now, {{{"M1", 500}}, {}, {{"C1", 129}}}};
    QTest::newRow("free line takes no basket discount") << PromoCase{{P::percent("P1", Item, {"MILK"}, 10000), P::amountOff("B1", Basket, {}, 500)},
        {{milk}, {sock}}, now, {{{"P1", 129}}, {{"B1", 500}}}};
    QTest::newRow("return line takes no promotion") << PromoCase{{P::percent("P1", Item, {"SOCK"}, 2000), P::amountOff("B1", Basket, {}, 100)},
        {{sock, -1}}, now, {{}}};
    QTest::newRow("no promotions") << PromoCase{{},
        {{sock}, {shirt}}, now, {{}, {}}};

    // clang-format on
}

void tst_Promotions::apply()
{
    QFETCH(PromoCase, data);

    const QList<SaleLine> lines = makeLines(data.lines);
    const PromotionContext context = makeContext(data.context);
    const PromotionEngine engine(data.promotions);
    const QList<QList<Adjustment>> result = engine.apply(lines, context);

    QCOMPARE(result.size(), lines.size());
    QCOMPARE(describe(result), describe(data.expected));
    for (qsizetype i = 0; i < result.size(); ++i) {
        const QList<Adjustment> &actual = result.at(i);
        const QList<Adj> &expected = data.expected.at(i);
        Money left = lines.at(i).grossTotal();
        for (qsizetype k = 0; k < actual.size(); ++k) {
            QCOMPARE(actual.at(k).kind, expected.at(k).kind);
            QVERIFY(!actual.at(k).label.isEmpty());
            QVERIFY(actual.at(k).amount.cents() > 0);
            QVERIFY(actual.at(k).amount <= left); // never more than what is left of the line
            left -= actual.at(k).amount;
        }
    }

    // A pure function: recomputed, or with the promotions in another order, the same result.
    QCOMPARE(engine.apply(lines, context), result);
    QList<Promotion> reversed = data.promotions;
    std::reverse(reversed.begin(), reversed.end());
    QCOMPARE(PromotionEngine(reversed).apply(lines, context), result);
}

void tst_Promotions::recomputingNeverStacksAgain()
{
    // The peers' bug: a discount applied again on every basket change. The engine computes from
    // the lines' prices only, so adding and removing lines brings back exactly the first result.
    const PromotionEngine engine({ P::percent("P1", Item, { "SOCK" }, 2000),
        P::amountOff("B1", Basket, {}, 500), P::buyPay("M1", Item, { "MILK" }, 3, 2) });
    const PromotionContext context = makeContext(Ctx {});
    QList<SaleLine> lines = makeLines({ { sock, 2 }, { shirt }, { milk, 3 } });
    const QList<QList<Adjustment>> first = engine.apply(lines, context);
    QCOMPARE(describe(first), QStringLiteral("[P1=200 B1=131] [B1=327] [M1=129 B1=42]"));
    for (int change = 0; change < 20; ++change) {
        // The caller keeps the previous adjustments on its lines: they must not count again.
        const QList<QList<Adjustment>> again = engine.apply(lines, context);
        for (qsizetype i = 0; i < lines.size(); ++i)
            lines[i].adjustments = again.at(i);
        QCOMPARE(again, first);
        QList<SaleLine> changed = lines;
        changed.append(makeLines({ { bread, change + 1 } }).first());
        changed.last().lineId = QStringLiteral("L9");
        QCOMPARE(engine.apply(changed, context).size(), 4);
    }
}

void tst_Promotions::cheapestFreeNeverMoreThanTheItem()
{
    // The peers' bug: "cheapest item free" took a fixed amount larger than the item itself.
    const PromotionEngine engine({ P::cheapestFree("C1", Category, { "food" }, 2) });
    const QList<SaleLine> lines = makeLines({ { bread }, { milk } });
    const QList<QList<Adjustment>> result = engine.apply(lines, makeContext(Ctx {}));
    QCOMPARE(result.at(1).size(), 1);
    QCOMPARE(result.at(1).first().amount, lines.at(1).unitPrice);
    QVERIFY(result.at(0).isEmpty());
    Money total;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        SaleLine line = lines.at(i);
        line.adjustments = result.at(i);
        QVERIFY(!line.lineTotal().isNegative());
        total += line.lineTotal();
    }
    QCOMPARE(total.cents(), 249);
}

void tst_Promotions::partialReturnRefundsOnlyThePaidShare()
{
    // The peers' bug: a €5 basket discount was refunded whole when one item of two came back.
    // Spread pro rata, each line carries its share, so returning the socks refunds what was
    // paid for them.
    const PromotionEngine engine({ P::amountOff("B1", Basket, {}, 500) });
    QList<SaleLine> lines = makeLines({ { shirt }, { sock } });
    const QList<QList<Adjustment>> result = engine.apply(lines, makeContext(Ctx {}));
    for (qsizetype i = 0; i < lines.size(); ++i)
        lines[i].adjustments = result.at(i);
    QCOMPARE(lines.at(0).discountTotal().cents(), 400);
    QCOMPARE(lines.at(1).discountTotal().cents(), 100);
    QCOMPARE(lines.at(0).lineTotal() + lines.at(1).lineTotal(), Money::fromCents(2000));
    const Money refundForSocks = lines.at(1).lineTotal();
    QCOMPARE(refundForSocks.cents(), 400); // not 500 - 500 = 0, nor 500
    QCOMPARE(lines.at(0).lineTotal().cents(), 1600);
}

void tst_Promotions::lineIdsAndOrderKept()
{
    const PromotionEngine engine({ P::percent("P1", Item, { "SOCK" }, 2000) });
    QList<SaleLine> lines = makeLines({ { shirt }, { sock }, { sock, 2 } });
    lines[0].lineId = QStringLiteral("Z");
    lines[1].lineId = QStringLiteral("A");
    const QList<QList<Adjustment>> result = engine.apply(lines, makeContext(Ctx {}));
    QCOMPARE(describe(result), QStringLiteral("[] [P1=100] [P1=200]"));
    QVERIFY(engine.apply({}, makeContext(Ctx {})).isEmpty());
}

void tst_Promotions::invalidPromotionsAreIgnored()
{
    Promotion broken = P::percent("BAD", Item, { "SOCK" }, 20000);
    Promotion noKeys = P::percent("NOKEYS", Item, {}, 2000);
    const PromotionEngine engine({ broken, noKeys, P::percent("P1", Item, { "SOCK" }, 1000) });
    QCOMPARE(engine.promotions().size(), 3);
    QCOMPARE(describe(engine.apply(makeLines({ { sock } }), makeContext(Ctx {}))),
        QStringLiteral("[P1=50]"));
}

void tst_Promotions::randomisedInvariants()
{
    // Seeded random baskets against random promotions of every kind: whatever the mix, no
    // adjustment is empty or larger than what is left of its line, exclusives stand alone, and
    // the result does not depend on recomputation or on the order of the promotion list.
    QRandomGenerator random(20261129);
    const Product products[] = { sock, shirt, cap, milk, bread };
    const char *skus[] = { "SOCK", "SHIRT", "CAP", "MILK", "BREAD" };
    const char *categories[] = { "clothing", "food" };
    const char *brands[] = { "Acme", "Bolt", "Dairyco", "Bakker" };
    const PromotionContext context = makeContext(Ctx {});
    for (int round = 0; round < 300; ++round) {
        QList<Promotion> promotions;
        const int count = 1 + int(random.bounded(8));
        for (int n = 0; n < count; ++n) {
            const QByteArray id = QByteArray("R") + QByteArray::number(n);
            const char *sku = skus[random.bounded(5)];
            const char *other = skus[random.bounded(5)];
            const int which = int(random.bounded(3));
            const PromotionTarget target = which == 0 ? Item : which == 1 ? Category : Brand;
            const char *key = which == 0 ? sku
                : which == 1             ? categories[random.bounded(2)]
                                         : brands[random.bounded(4)];
            P p;
            switch (random.bounded(10)) {
            case 0:
                p = P::percent(id.constData(), target, { key }, 500 + int(random.bounded(9500)));
                break;
            case 1:
                p = P::amountOff(id.constData(), target, { key }, 1 + random.bounded(3000));
                break;
            case 2:
                p = P::fixedPrice(id.constData(), target, { key }, random.bounded(3000));
                break;
            case 3:
                p = P::buyPay(id.constData(), target, { key }, 3, 2);
                break;
            case 4:
                p = P::nth(id.constData(), target, { key }, 2, 5000);
                break;
            case 5:
                p = P::cheapestFree(id.constData(), target, { key }, 2 + int(random.bounded(2)));
                break;
            case 6:
                p = P::bundle(id.constData(), { sku, other }, random.bounded(3000));
                break;
            case 7:
                p = P::spend(id.constData(), Basket, {}, 500 + random.bounded(5000), 500);
                break;
            case 8:
                p = P::percent(id.constData(), Basket, {}, 500 + int(random.bounded(2000)));
                break;
            default:
                p = P::amountOff(id.constData(), Basket, {}, 1 + random.bounded(2000));
                break;
            }
            p.priority(int(random.bounded(3)));
            if (random.bounded(6) == 0)
                p.exclusive();
            promotions.append(p);
        }
        QList<LineSpec> specs;
        const int lineCount = 1 + int(random.bounded(6));
        for (int n = 0; n < lineCount; ++n)
            specs.append(LineSpec { products[random.bounded(5)], 1 + int(random.bounded(5)) });
        const QList<SaleLine> lines = makeLines(specs);

        const PromotionEngine engine(promotions);
        const QList<QList<Adjustment>> result = engine.apply(lines, context);
        QCOMPARE(result.size(), lines.size());
        QStringList used;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            Money left = lines.at(i).grossTotal();
            for (const Adjustment &adjustment : result.at(i)) {
                QVERIFY(adjustment.amount.cents() > 0);
                QVERIFY(adjustment.amount <= left);
                left -= adjustment.amount;
                if (!used.contains(adjustment.sourceId))
                    used.append(adjustment.sourceId);
            }
        }
        for (const Promotion &promotion : promotions) {
            if (promotion.exclusive && used.contains(promotion.id))
                QCOMPARE(used.size(), 1);
        }
        QCOMPARE(engine.apply(lines, context), result);
        QList<Promotion> reversed = promotions;
        std::reverse(reversed.begin(), reversed.end());
        QCOMPARE(PromotionEngine(reversed).apply(lines, context), result);
    }
}

void tst_Promotions::spreadProRata_data()
{
    QTest::addColumn<qint64>("amount");
    QTest::addColumn<QList<qint64>>("weights");
    QTest::addColumn<QList<qint64>>("expected");

    // clang-format off
    QTest::newRow("even split") << qint64(100) << QList<qint64>{100, 100} << QList<qint64>{50, 50};
    QTest::newRow("pro rata exact") << qint64(500) << QList<qint64>{4000, 1000} << QList<qint64>{400, 100};
    QTest::newRow("largest remainder gets the cent") << qint64(63) << QList<qint64>{500, 129} << QList<qint64>{50, 13};
    QTest::newRow("remainder tie goes to the earlier index") << qint64(1) << QList<qint64>{100, 100} << QList<qint64>{1, 0};
    QTest::newRow("three way tie") << qint64(1) << QList<qint64>{1, 1, 1} << QList<qint64>{1, 0, 0};
    QTest::newRow("thirds") << qint64(100) << QList<qint64>{300, 300, 300} << QList<qint64>{34, 33, 33};
    QTest::newRow("remainders decide, not index") << qint64(10) << QList<qint64>{100, 100, 700} << QList<qint64>{1, 1, 8};
    QTest::newRow("zero weights get nothing") << qint64(300) << QList<qint64>{0, 200, 0, 100} << QList<qint64>{0, 200, 0, 100};
    QTest::newRow("all zero weights") << qint64(300) << QList<qint64>{0, 0} << QList<qint64>{0, 0};
    QTest::newRow("negative weight counts as zero") << qint64(50) << QList<qint64>{-100, 100} << QList<qint64>{0, 50};
    QTest::newRow("zero amount") << qint64(0) << QList<qint64>{100, 200} << QList<qint64>{0, 0};
    QTest::newRow("amount equal to weights") << qint64(629) << QList<qint64>{500, 129} << QList<qint64>{500, 129};
    QTest::newRow("amount above weights capped") << qint64(1000) << QList<qint64>{500, 129} << QList<qint64>{500, 129};
    QTest::newRow("negative amount mirrors") << qint64(-63) << QList<qint64>{500, 129} << QList<qint64>{-50, -13};
    QTest::newRow("no weights") << qint64(100) << QList<qint64>{} << QList<qint64>{};
    QTest::newRow("large amounts") << qint64(99999999) << QList<qint64>{3333333333, 6666666667} << QList<qint64>{33333333, 66666666};
    QTest::newRow("one cent over many lines") << qint64(1) << QList<qint64>{10, 30, 20} << QList<qint64>{0, 1, 0};
    // clang-format on
}

void tst_Promotions::spreadProRata()
{
    QFETCH(qint64, amount);
    QFETCH(QList<qint64>, weights);
    QFETCH(QList<qint64>, expected);

    QList<Money> weightMoney;
    for (qint64 weight : weights)
        weightMoney.append(Money::fromCents(weight));
    const QList<Money> parts = Toonbank::Core::spreadProRata(Money::fromCents(amount), weightMoney);
    QList<qint64> actual;
    Money sum;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        actual.append(parts.at(i).cents());
        sum += parts.at(i);
        if (amount >= 0)
            QVERIFY(parts.at(i).cents() <= std::max<qint64>(0, weights.at(i)));
    }
    QCOMPARE(actual, expected);
    qint64 positive = 0;
    for (qint64 weight : weights)
        positive += std::max<qint64>(0, weight);
    if (positive > 0)
        QCOMPARE(
            sum.cents(), amount >= 0 ? std::min(amount, positive) : -std::min(-amount, positive));
}

void tst_Promotions::validate_data()
{
    QTest::addColumn<Promotion>("promotion");
    QTest::addColumn<QString>("code"); // empty: valid

    Promotion noId = P::percent("", Item, { "SOCK" }, 1000);
    Promotion negativeAmount = P::amountOff("A", Item, { "SOCK" }, -100);
    Promotion zeroAmount = P::amountOff("A", Item, { "SOCK" }, 0);
    Promotion reversedDates
        = P::percent("A", Item, { "SOCK" }, 1000).from(at(12, 1, 0)).until(at(11, 1, 0));
    Promotion payTooMuch = P::buyPay("A", Item, { "SOCK" }, 3, 3);
    Promotion payZero = P::buyPay("A", Item, { "SOCK" }, 3, 0);
    Promotion nthOne = P::nth("A", Item, { "SOCK" }, 1, 5000);
    Promotion nthNoPercent = P::nth("A", Item, { "SOCK" }, 2, 0);
    Promotion cheapestOne = P::cheapestFree("A", Item, { "SOCK" }, 1);
    Promotion bundleOne = P::bundle("A", { "SOCK" }, 500);
    Promotion bundleCategory = P::bundle("A", { "SOCK", "CAP" }, 500);
    bundleCategory.target = Category;
    Promotion fixedBasket = P::fixedPrice("A", Basket, {}, 500);
    Promotion multiBuyBasket = P::buyPay("A", Basket, {}, 3, 2);
    Promotion spendNoThreshold = P::spend("A", Basket, {}, 0, 500);

    // clang-format off
    QTest::newRow("valid percent") << Promotion(P::percent("A", Item, {"SOCK"}, 1000)) << QString();
    QTest::newRow("valid basket amount") << Promotion(P::amountOff("A", Basket, {}, 500)) << QString();
    QTest::newRow("valid 3 for 2") << Promotion(P::buyPay("A", Category, {"clothing"}, 3, 2)) << QString();
    QTest::newRow("valid bundle") << Promotion(P::bundle("A", {"SOCK", "CAP"}, 1500)) << QString();
    QTest::newRow("valid spend threshold") << Promotion(P::spend("A", Basket, {}, 5000, 500)) << QString();
    QTest::newRow("valid fixed price zero") << Promotion(P::fixedPrice("A", Item, {"SOCK"}, 0)) << QString();
    QTest::newRow("no id") << noId << QStringLiteral("promotion.id");
    QTest::newRow("negative amount") << negativeAmount << QStringLiteral("promotion.amount");
    QTest::newRow("zero amount off") << zeroAmount << QStringLiteral("promotion.amount");
    QTest::newRow("percent above 100") << Promotion(P::percent("A", Item, {"SOCK"}, 10001)) << QStringLiteral("promotion.percent");
    QTest::newRow("percent zero") << Promotion(P::percent("A", Item, {"SOCK"}, 0)) << QStringLiteral("promotion.percent");
    QTest::newRow("until before from") << reversedDates << QStringLiteral("promotion.dates");
    QTest::newRow("no target keys") << Promotion(P::percent("A", Category, {}, 1000)) << QStringLiteral("promotion.target_keys");
    QTest::newRow("pay as many as buy") << payTooMuch << QStringLiteral("promotion.quantity");
    QTest::newRow("pay nothing") << payZero << QStringLiteral("promotion.quantity");
    QTest::newRow("every first unit") << nthOne << QStringLiteral("promotion.quantity");
    QTest::newRow("nth without percent") << nthNoPercent << QStringLiteral("promotion.percent");
    QTest::newRow("cheapest free among one") << cheapestOne << QStringLiteral("promotion.quantity");
    QTest::newRow("bundle of one") << bundleOne << QStringLiteral("promotion.target_keys");
    QTest::newRow("bundle of categories") << bundleCategory << QStringLiteral("promotion.target");
    QTest::newRow("fixed price basket") << fixedBasket << QStringLiteral("promotion.target");
    QTest::newRow("multi-buy basket") << multiBuyBasket << QStringLiteral("promotion.target");
    QTest::newRow("spend without threshold") << spendNoThreshold << QStringLiteral("promotion.threshold");
    // clang-format on
}

void tst_Promotions::validate()
{
    QFETCH(Promotion, promotion);
    QFETCH(QString, code);
    const Status status = promotion.validate();
    if (code.isEmpty()) {
        QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().detail));
    } else {
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, code);
        QVERIFY(!status.error().message.isEmpty());
    }
}

void tst_Promotions::isActive_data()
{
    QTest::addColumn<Promotion>("promotion");
    QTest::addColumn<QDateTime>("localTime");
    QTest::addColumn<QString>("store");
    QTest::addColumn<bool>("active");

    const Promotion always = P::percent("A", Item, { "SOCK" }, 1000);
    const Promotion november
        = P::percent("A", Item, { "SOCK" }, 1000).from(at(11, 1, 0)).until(at(11, 30, 23, 59, 59));
    const Promotion s1Only = P::percent("A", Item, { "SOCK" }, 1000).stores({ "S1" });
    const QString s1 = QStringLiteral("S1");
    const QString s2 = QStringLiteral("S2");

    // clang-format off
    QTest::newRow("no dates") << always << at(6, 1, 12) << s1 << true;
    QTest::newRow("no dates, no time known") << always << QDateTime() << s1 << true;
    QTest::newRow("inside") << november << at(11, 15, 9) << s1 << true;
    QTest::newRow("first second") << november << at(11, 1, 0) << s1 << true;
    QTest::newRow("last second") << november << at(11, 30, 23, 59, 59) << s1 << true;
    QTest::newRow("a second before") << november << at(10, 31, 23, 59, 59) << s1 << false;
    QTest::newRow("a second after") << november << at(12, 1, 0) << s1 << false;
    QTest::newRow("dated, no time known") << november << QDateTime() << s1 << false;
    QTest::newRow("own store") << s1Only << at(11, 15, 9) << s1 << true;
    QTest::newRow("other store") << s1Only << at(11, 15, 9) << s2 << false;
    // clang-format on
}

void tst_Promotions::isActive()
{
    QFETCH(Promotion, promotion);
    QFETCH(QDateTime, localTime);
    QFETCH(QString, store);
    QFETCH(bool, active);
    QCOMPARE(Toonbank::Core::isActive(promotion, localTime, store), active);
}

void tst_Promotions::names()
{
    for (PromotionKind kind :
        { PromotionKind::PercentOff, PromotionKind::AmountOff, PromotionKind::FixedPrice,
            PromotionKind::BuyNPayM, PromotionKind::NthAtPercentOff, PromotionKind::CheapestFree,
            PromotionKind::BundlePrice, PromotionKind::SpendThreshold }) {
        QVERIFY(!name(kind).isEmpty());
        QCOMPARE(promotionKindFromName(name(kind)), kind);
    }
    for (PromotionTarget target : { Item, Category, Brand, Basket }) {
        QVERIFY(!name(target).isEmpty());
        QCOMPARE(promotionTargetFromName(name(target)), target);
    }
    QCOMPARE(name(PromotionKind::BuyNPayM), QStringLiteral("buy_n_pay_m"));
    QCOMPARE(name(PromotionTarget::Basket), QStringLiteral("basket"));
    QVERIFY(!promotionKindFromName(QStringLiteral("Percent_Off")));
    QVERIFY(!promotionTargetFromName(QString()));
}

QTEST_GUILESS_MAIN(tst_Promotions)

#include "tst_promotions.moc"
