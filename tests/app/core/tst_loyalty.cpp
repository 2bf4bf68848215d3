#include "app/core/loyalty.h"
#include "app/core/sale.h"

#include <QTest>

using namespace Toonbank::Core;

namespace {

struct LineSpec
{
    const char *category = "clothing";
    qint64 grossCents = 0;
    qint64 discountCents = 0;
};

struct EarnCase
{
    QList<LineSpec> lines;
    const char *tier = "basic"; // nullptr: no customer
    qint64 pointsTenderCents = 0;
    qint64 cardTenderCents = 0;
    bool training = false;
    qint64 points = 0;
};

Sale makeSale(const EarnCase &data)
{
    Sale sale;
    for (const LineSpec &spec : data.lines) {
        SaleLine line;
        line.category = QLatin1String(spec.category);
        // "@gift": a gift card sold on the line (SaleLine::giftCardNumber), in no excluded
        // category, so only the gift-card rule keeps it from earning.
        if (line.category == QLatin1String("@gift")) {
            line.category = QStringLiteral("misc");
            line.giftCardNumber = QStringLiteral("6036990000000017");
        }
        line.unitPrice = Money::fromCents(spec.grossCents);
        line.quantity = 1;
        if (spec.discountCents != 0)
            line.adjustments = { Adjustment { AdjustmentKind::Promotion, QStringLiteral("P1"),
                QStringLiteral("promo"), Money::fromCents(spec.discountCents), 0 } };
        sale.lines.append(line);
    }
    if (data.tier)
        sale.customer
            = SaleCustomer { 42, QStringLiteral("2990000000015"), QLatin1String(data.tier) };
    auto tender = [](TenderMethod method, qint64 cents) {
        Tender t;
        t.method = method;
        t.amount = Money::fromCents(cents);
        return t;
    };
    if (data.pointsTenderCents != 0)
        sale.tenders.append(tender(TenderMethod::LoyaltyPoints, data.pointsTenderCents));
    if (data.cardTenderCents != 0)
        sale.tenders.append(tender(TenderMethod::Card, data.cardTenderCents));
    sale.training = data.training;
    return sale;
}

} // namespace

Q_DECLARE_METATYPE(EarnCase)

class tst_Loyalty : public QObject
{
    Q_OBJECT

private slots:
    void defaults();
    void tierFor_data();
    void tierFor();
    void pointsPerEuro_data();
    void pointsPerEuro();
    void earned_data();
    void earned();
    void noTiers();
};

void tst_Loyalty::defaults()
{
    const LoyaltyRules rules = LoyaltyRules::defaults();
    QCOMPARE(rules.tiers.size(), 3);
    QCOMPARE(rules.tiers.at(0).name, QStringLiteral("basic"));
    QCOMPARE(rules.tiers.at(1).thresholdPoints, 1000);
    QCOMPARE(rules.tiers.at(2).thresholdPoints, 5000);
    QCOMPARE(rules.tiers.at(2).pointsPerEuro, 3);
    QVERIFY(rules.excludedCategories.contains(QStringLiteral("gift_cards")));
    QCOMPARE(rules.pointValue.cents(), 1);
}

void tst_Loyalty::tierFor_data()
{
    QTest::addColumn<qint64>("points");
    QTest::addColumn<QString>("tier");
    QTest::newRow("new customer") << qint64(0) << QStringLiteral("basic");
    QTest::newRow("negative") << qint64(-5) << QStringLiteral("basic");
    QTest::newRow("just below silver") << qint64(999) << QStringLiteral("basic");
    QTest::newRow("silver threshold") << qint64(1000) << QStringLiteral("silver");
    QTest::newRow("just below gold") << qint64(4999) << QStringLiteral("silver");
    QTest::newRow("gold threshold") << qint64(5000) << QStringLiteral("gold");
    QTest::newRow("far above gold") << qint64(1000000) << QStringLiteral("gold");
}

void tst_Loyalty::tierFor()
{
    QFETCH(qint64, points);
    QFETCH(QString, tier);
    QCOMPARE(LoyaltyRules::defaults().tierFor(points), tier);
}

void tst_Loyalty::pointsPerEuro_data()
{
    QTest::addColumn<QString>("tier");
    QTest::addColumn<int>("rate");
    QTest::newRow("basic") << QStringLiteral("basic") << 1;
    QTest::newRow("silver") << QStringLiteral("silver") << 2;
    QTest::newRow("gold") << QStringLiteral("gold") << 3;
    QTest::newRow("case-insensitive") << QStringLiteral("Gold") << 3;
    QTest::newRow("no tier earns like basic") << QString() << 1;
    QTest::newRow("unknown tier earns like basic") << QStringLiteral("platinum") << 1;
}

void tst_Loyalty::pointsPerEuro()
{
    QFETCH(QString, tier);
    QFETCH(int, rate);
    QCOMPARE(LoyaltyRules::defaults().pointsPerEuroFor(tier), rate);
}

void tst_Loyalty::earned_data()
{
    QTest::addColumn<EarnCase>("data");
    // Lines {category, gross, discount}; tier (nullptr = no customer); points tender; card
    // tender; training; points expected, per whole euro paid for non-excluded lines.
    // clang-format off
    QTest::newRow("basic 12.99") << EarnCase{{{"clothing", 1299}}, "basic", 0, 0, false, 12};
    QTest::newRow("less than a euro") << EarnCase{{{"food", 99}}, "basic", 0, 0, false, 0};
    QTest::newRow("exactly a euro") << EarnCase{{{"food", 100}}, "basic", 0, 0, false, 1};
    QTest::newRow("whole euros of the sum, not per line") << EarnCase{{{"food", 150}, {"food", 150}}, "basic", 0, 0, false, 3};
    QTest::newRow("silver 12.99") << EarnCase{{{"clothing", 1299}}, "silver", 0, 0, false, 24};
    QTest::newRow("gold 12.99") << EarnCase{{{"clothing", 1299}}, "gold", 0, 0, false, 36};
    QTest::newRow("no customer") << EarnCase{{{"clothing", 1299}}, nullptr, 0, 0, false, 0};
    QTest::newRow("training sale") << EarnCase{{{"clothing", 1299}}, "gold", 0, 0, true, 0};
    QTest::newRow("after discounts") << EarnCase{{{"clothing", 2000, 150}}, "basic", 0, 0, false, 18};
    QTest::newRow("gift cards excluded") << EarnCase{{{"gift_cards", 2500}}, "gold", 0, 0, false, 0};
    QTest::newRow("excluded category case-insensitive") << EarnCase{{{"Gift_Cards", 2500}, {"food", 500}}, "basic", 0, 0, false, 5};
    QTest::newRow("mixed with gift card") << EarnCase{{{"clothing", 2000}, {"gift_cards", 2500}}, "basic", 0, 0, false, 20};
    QTest::newRow("gift card sold on a line earns nothing") << EarnCase{{{"@gift", 2500}}, "gold", 0, 0, false, 0};
    QTest::newRow("gift card line next to goods") << EarnCase{{{"clothing", 2000}, {"@gift", 5000}}, "basic", 0, 0, false, 20};
    QTest::newRow("paid partly with points") << EarnCase{{{"clothing", 2000}}, "basic", 500, 1500, false, 15};
    QTest::newRow("paid wholly with points") << EarnCase{{{"clothing", 2000}}, "gold", 2000, 0, false, 0};
    QTest::newRow("card tender does not reduce") << EarnCase{{{"clothing", 2000}}, "basic", 0, 2000, false, 20};
    QTest::newRow("return earns nothing") << EarnCase{{{"clothing", -2000}}, "basic", 0, 0, false, 0};
    QTest::newRow("empty sale") << EarnCase{{}, "basic", 0, 0, false, 0};
    // clang-format on
}

void tst_Loyalty::earned()
{
    QFETCH(EarnCase, data);
    QCOMPARE(pointsEarned(makeSale(data), LoyaltyRules::defaults()), data.points);
}

void tst_Loyalty::noTiers()
{
    LoyaltyRules rules;
    QCOMPARE(rules.tierFor(100), QString());
    QCOMPARE(rules.pointsPerEuroFor(QStringLiteral("basic")), 0);
    QCOMPARE(
        pointsEarned(makeSale(EarnCase { { { "food", 5000 } }, "basic", 0, 0, false, 0 }), rules),
        0);
}

QTEST_GUILESS_MAIN(tst_Loyalty)

#include "tst_loyalty.moc"
