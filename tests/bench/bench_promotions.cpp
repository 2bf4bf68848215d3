// Benchmark of the pricing core (not a CTest test; run by hand):
//   bench_promotions [--iterations N] [--seed S]
//   [--basket-percent P]
// A 50-line basket against 500 active promotions of every kind (item, category, brand and
// basket targets (P % of them, default 2: basket-wide promotions all stack); multi-buys, cheapest
// free, bundles, spend thresholds, coupons, personal offers, tiers, exclusives). Prints median and
// p99 of PromotionEngine::apply (the engine built once, as the checkout keeps it), of buildSale
// (which builds its engine each call), and of building the engine alone.
#include "app/core/promotionengine.h"
#include "app/core/sale.h"
#include "benchreport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace Toonbank::Core;

using Toonbank::Bench::msSince;
using Toonbank::Bench::threadCpuMs;

namespace {

void report(const char *what, const QList<double> &ms)
{
    Toonbank::Bench::report(what, ms, { 40, 5, 7, 3 });
}

constexpr int skuPool = 200; // promotions and basket draw from the same SKUs: many overlaps
constexpr int categoryCount = 12;
constexpr int brandCount = 15;

QString sku(int n)
{
    return QStringLiteral("SKU-%1").arg(n, 5, 10, QLatin1Char('0'));
}
QString category(int n)
{
    return QStringLiteral("category-%1").arg(n);
}
QString brand(int n)
{
    return QStringLiteral("Brand %1").arg(n);
}

QList<Promotion> makePromotions(QRandomGenerator &random, const QDateTime &now, int basketPercent)
{
    QList<Promotion> promotions;
    for (int i = 0; i < 500; ++i) {
        Promotion p;
        p.id = QStringLiteral("PR-%1").arg(i, 4, 10, QLatin1Char('0'));
        p.label = QStringLiteral("Promotion %1").arg(i);
        p.priority = int(random.bounded(5));
        p.validFrom = now.addDays(-int(random.bounded(30)) - 1);
        p.validUntil = now.addDays(int(random.bounded(30)) + 1);
        const int target = int(random.bounded(100));
        if (target < basketPercent) {
            p.target = PromotionTarget::Basket;
        } else if (target < 45) {
            p.target = PromotionTarget::Item;
            p.targetKeys = { sku(int(random.bounded(skuPool))), sku(int(random.bounded(skuPool))) };
        } else if (target < 70) {
            p.target = PromotionTarget::Category;
            p.targetKeys = { category(int(random.bounded(categoryCount))) };
        } else {
            p.target = PromotionTarget::Brand;
            p.targetKeys = { brand(int(random.bounded(brandCount))) };
        }
        const int kind = int(random.bounded(100));
        if (p.target == PromotionTarget::Basket) {
            if (kind < 40) {
                p.kind = PromotionKind::PercentOff;
                p.percentBasisPoints = 200 + int(random.bounded(800));
            } else if (kind < 70) {
                p.kind = PromotionKind::AmountOff;
                p.amount = Money::fromCents(100 + random.bounded(900));
            } else {
                p.kind = PromotionKind::SpendThreshold;
                p.threshold = Money::fromCents(2000 + random.bounded(20000));
                p.amount = Money::fromCents(500);
            }
        } else if (kind < 25) {
            p.kind = PromotionKind::PercentOff;
            p.percentBasisPoints = 500 + int(random.bounded(4000));
        } else if (kind < 40) {
            p.kind = PromotionKind::AmountOff;
            p.amount = Money::fromCents(50 + random.bounded(500));
        } else if (kind < 50) {
            p.kind = PromotionKind::FixedPrice;
            p.amount = Money::fromCents(100 + random.bounded(3000));
        } else if (kind < 65) {
            p.kind = PromotionKind::BuyNPayM;
            p.buyQuantity = 2 + int(random.bounded(3));
            p.payQuantity = p.buyQuantity - 1;
        } else if (kind < 78) {
            p.kind = PromotionKind::NthAtPercentOff;
            p.buyQuantity = 2;
            p.percentBasisPoints = 5000;
        } else if (kind < 90) {
            p.kind = PromotionKind::CheapestFree;
            p.buyQuantity = 3;
        } else {
            p.kind = PromotionKind::BundlePrice;
            p.target = PromotionTarget::Item;
            p.targetKeys = { sku(int(random.bounded(skuPool))), sku(int(random.bounded(skuPool))) };
            p.amount = Money::fromCents(500 + random.bounded(3000));
        }
        const int condition = int(random.bounded(100));
        if (condition < 5)
            p.couponCode = QStringLiteral("WELCOME5");
        else if (condition < 10)
            p.customerId = 42;
        else if (condition < 15)
            p.tier = QStringLiteral("gold");
        p.exclusive = random.bounded(100) < 5;
        promotions.append(p);
    }
    return promotions;
}

QList<DraftLine> makeBasket(QRandomGenerator &random)
{
    QList<DraftLine> lines;
    for (int i = 0; i < 50; ++i) {
        const int n = int(random.bounded(skuPool));
        DraftLine line;
        line.lineId = QStringLiteral("L%1").arg(i + 1);
        line.productId = n + 1;
        line.sku = sku(n);
        line.name = QStringLiteral("Product %1").arg(n);
        line.category = category(n % categoryCount);
        line.brand = brand(n % brandCount);
        line.vatClass = n % 3 == 0 ? VatClass::Reduced : VatClass::Standard;
        line.quantity = 1 + int(random.bounded(4));
        line.unitPrice = Money::fromCents(99 + random.bounded(4900));
        line.regularPrice = line.unitPrice;
        lines.append(line);
    }
    return lines;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Pricing core benchmark."));
    parser.addHelpOption();
    const QCommandLineOption iterationsOption(QStringLiteral("iterations"),
        QStringLiteral("Samples per figure."), QStringLiteral("n"), QStringLiteral("2000"));
    const QCommandLineOption seedOption(QStringLiteral("seed"),
        QStringLiteral("Random seed for the promotions and the basket."), QStringLiteral("s"),
        QStringLiteral("8"));
    const QCommandLineOption basketOption(QStringLiteral("basket-percent"),
        QStringLiteral("Share of basket-wide promotions (they all stack), in percent."),
        QStringLiteral("p"), QStringLiteral("2"));
    parser.addOption(iterationsOption);
    parser.addOption(basketOption);
    parser.addOption(seedOption);
    parser.process(app);
    const int iterations = std::max(1, parser.value(iterationsOption).toInt());
    QRandomGenerator random(parser.value(seedOption).toUInt());

    const QDateTime soldAt(QDate(2026, 11, 29), QTime(11, 0), Qt::UTC);
    SaleRules rules;
    rules.vatTable = VatTable::builtIn();
    rules.country = QStringLiteral("NL");
    rules.storeCode = QStringLiteral("AMS-01");
    rules.promotions = makePromotions(
        random, soldAt.toLocalTime(), std::clamp(parser.value(basketOption).toInt(), 0, 100));
    rules.loyalty = LoyaltyRules::defaults();
    const QList<DraftLine> basket = makeBasket(random);
    SaleContext context;
    context.soldAt = soldAt;
    context.customer = SaleCustomer { 42, QStringLiteral("2990000012340"), QStringLiteral("gold") };
    context.couponCodes = { QStringLiteral("welcome5") };

    const auto sale = buildSale(basket, rules, context);
    if (!sale) {
        std::fprintf(stderr, "%s\n", qPrintable(sale.error().detail));
        return 1;
    }
    int adjustments = 0;
    for (const SaleLine &line : sale->lines)
        adjustments += int(line.adjustments.size());
    Money gross;
    for (const SaleLine &line : sale->lines)
        gross += line.grossTotal();
    std::printf("basket: %lld lines, %d items, gross %s, total %s, %d adjustments; "
                "%lld promotions\n",
        qlonglong(sale->lines.size()), sale->itemCount(), qPrintable(gross.toPlainString()),
        qPrintable(sale->total.toPlainString()), adjustments, qlonglong(rules.promotions.size()));

    QList<SaleLine> lines = sale->lines;
    for (SaleLine &line : lines)
        line.adjustments.clear();
    PromotionContext promotionContext;
    promotionContext.localTime = soldAt.toLocalTime();
    promotionContext.storeCode = rules.storeCode;
    promotionContext.customerId = 42;
    promotionContext.customerTier = QStringLiteral("gold");
    promotionContext.couponCodes = context.couponCodes;

    QList<double> engineBuild;
    QList<double> apply;
    QList<double> build;
    QList<double> applyCpu;
    QList<double> buildCpu;
    QElapsedTimer timer;
    for (int i = 0; i < iterations; ++i) {
        timer.start();
        const PromotionEngine engine(rules.promotions);
        engineBuild.append(msSince(timer));
        double cpu = threadCpuMs();
        timer.start();
        const auto result = engine.apply(lines, promotionContext);
        apply.append(msSince(timer));
        applyCpu.append(threadCpuMs() - cpu);
        if (result.size() != lines.size())
            return 1;
        cpu = threadCpuMs();
        timer.start();
        const auto built = buildSale(basket, rules, context);
        build.append(msSince(timer));
        buildCpu.append(threadCpuMs() - cpu);
        if (!built || built->total != sale->total)
            return 1;
    }
    report("PromotionEngine constructor (500)", engineBuild);
    report("PromotionEngine::apply (50 lines)", apply);
    report("  thread CPU time", applyCpu);
    report("buildSale (50 lines, 500 promotions)", build);
    report("  thread CPU time", buildCpu);
    return 0;
}
