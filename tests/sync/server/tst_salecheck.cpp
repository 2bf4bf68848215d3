// The server re-checks every pushed sale with the same core code the tablet runs, through the
// real toonbank-server process: prices against the catalog's price history, SKUs, the
// promotions it knows, manual discounts and their approvals, single-use coupons, VAT and
// points. A refused sale changes nothing and the supervisor sees its reason code. Also:
// points are credited once, customer enrolment merges, consent history, and the promotion
// import refuses a file with bad rows as a whole. SQLite, and PostgreSQL when registered with
// TOONBANK_TEST_BACKEND=postgresql.
#include "serverfixture.h"

#include "sync/protocol/enrolment.h"
#include "sync/protocol/promotionjson.h"
#include "sync/protocol/pushbatch.h"

#include "app/core/loyalty.h"
#include "app/core/sale.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>
#include <QtTest>

using namespace Toonbank;
using namespace Toonbank::Tests;
using Core::Money;

namespace {

QByteArray toBody(const QJsonObject &json)
{
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

// The chain's promotions, as the import file and as the tablet knows them from its feed.
const char promotionsJson[] = R"([
  {"id":"PR-3FOR2","label":"3 for 2 socks","kind":"buy_n_pay_m","target":"item",
   "targetKeys":["SKU5"],"buyQuantity":3,"payQuantity":2},
  {"id":"PR-SAVE5","label":"5 euro off","kind":"amount_off","target":"basket",
   "amountCents":500,"couponCode":"SAVE5","singleUse":true},
  {"id":"PR-ONCE","label":"1 euro off once","kind":"amount_off","target":"basket",
   "amountCents":100,"couponCode":"ONCE1","singleUse":true}
])";

constexpr qint64 cashier = 7; // AMS01
constexpr qint64 manager = 9; // AMS01, added in initTestCase

struct Draft
{
    qint64 productId = 1;
    int quantity = 1;
    qint64 unitCents = 1000;
    QString sku; // empty: SKU<productId>
    std::optional<Core::ManualDiscount> manual;
};

Draft line(qint64 productId, int quantity, qint64 unitCents, const QString &sku = {},
    std::optional<Core::ManualDiscount> manual = std::nullopt)
{
    return { productId, quantity, unitCents, sku, std::move(manual) };
}

} // namespace

class TestSaleCheck final : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_server;
    QString m_deviceId;
    QString m_token;
    qint64 m_seq = 1;
    QList<Core::Promotion> m_promotions;
    QString m_couponSale; // the applied sale that used SAVE5

    // A sale as the tablet builds it: Core::buildSale with the tablet's copy of the rules.
    Core::Sale tabletSale(const QList<Draft> &drafts, Core::SaleContext context = {})
    {
        QList<Core::DraftLine> lines;
        for (const Draft &d : drafts) {
            Core::DraftLine line;
            line.lineId = QStringLiteral("L%1").arg(lines.size() + 1);
            line.productId = d.productId;
            line.sku = d.sku.isEmpty() ? QStringLiteral("SKU%1").arg(d.productId) : d.sku;
            line.name = QStringLiteral("Product %1").arg(d.productId);
            line.brand = QStringLiteral("Brand");
            line.vatClass = Core::VatClass::Standard;
            line.quantity = d.quantity;
            line.unitPrice = Money::fromCents(d.unitCents);
            line.regularPrice = line.unitPrice;
            line.manualDiscount = d.manual;
            lines.append(line);
        }
        Core::SaleRules rules;
        rules.vatTable = Core::VatTable::builtIn();
        rules.country = QStringLiteral("NL");
        rules.storeCode = QStringLiteral("AMS01");
        rules.promotions = m_promotions;
        rules.loyalty = Core::LoyaltyRules::defaults();
        if (!context.soldAt.isValid())
            context.soldAt = QDateTime::currentDateTimeUtc();
        auto built = Core::buildSale(lines, rules, context);
        if (!built) {
            qWarning() << "buildSale:" << built.error().code << built.error().detail;
            return {};
        }
        Core::Sale sale = built.value();
        sale.saleId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        sale.receiptNumber = QStringLiteral("AMS01-T1-") + sale.saleId.left(8);
        sale.staffId = cashier;
        sale.tenders = { cardTender(sale.total) };
        sale.pointsEarned = Core::pointsEarned(sale, Core::LoyaltyRules::defaults());
        return sale;
    }

    HttpAnswer push(const QList<Core::Sale> &sales, QStringList *ids = nullptr)
    {
        const QByteArray body = toBody(makePush(m_deviceId, cashier, sales, m_seq, ids));
        m_seq += sales.size();
        return m_server.request("POST", QStringLiteral("/v1/events"), body, m_token);
    }

    HttpAnswer pushEvent(const QString &type, const QJsonObject &payload)
    {
        Sync::Protocol::PushRequest request;
        request.deviceId = m_deviceId;
        Sync::Protocol::EventEnvelope event;
        event.eventId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        event.deviceId = m_deviceId;
        event.deviceSeq = m_seq++;
        event.type = type;
        event.staffId = cashier;
        event.occurredAt = QDateTime::currentDateTimeUtc();
        event.payload = payload;
        request.events.append(event);
        return m_server.request(
            "POST", QStringLiteral("/v1/events"), toBody(request.toJson()), m_token);
    }

    static QJsonObject firstResult(const HttpAnswer &answer)
    {
        return answer.json.value(QStringLiteral("results")).toArray().at(0).toObject();
    }

    qint64 sales() { return m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM sales")); }

    // A refused sale: 422, its code, nothing written, and the supervisor's list shows it.
    void expectRejected(const Core::Sale &sale, const QString &code)
    {
        const qint64 before = sales();
        const qint64 stockBefore
            = m_server.scalar(QStringLiteral("SELECT SUM(quantity) FROM stock"));
        QStringList ids;
        const HttpAnswer answer = push({ sale }, &ids);
        QCOMPARE(answer.status, 422);
        QCOMPARE(firstResult(answer).value(QStringLiteral("outcome")).toString(),
            QStringLiteral("rejected"));
        QCOMPARE(firstResult(answer).value(QStringLiteral("code")).toString(), code);
        QCOMPARE(sales(), before);
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT SUM(quantity) FROM stock")), stockBefore);
        const HttpAnswer rejected
            = m_server.request("GET", QStringLiteral("/v1/events/rejected"), {}, m_token);
        bool listed = false;
        for (const QJsonValue &item : rejected.json.value(QStringLiteral("rejected")).toArray()) {
            const QJsonObject o = item.toObject();
            listed = listed
                || (o.value(QStringLiteral("eventId")).toString() == ids.first()
                    && o.value(QStringLiteral("code")).toString() == code
                    && !o.value(QStringLiteral("reason")).toString().isEmpty());
        }
        QVERIFY2(listed, "the supervisor's list shows the refused sale with its reason");
    }

    void expectApplied(const Core::Sale &sale)
    {
        const qint64 before = sales();
        const HttpAnswer answer = push({ sale });
        QVERIFY2(answer.status == 200, answer.body.constData());
        QCOMPARE(firstResult(answer).value(QStringLiteral("outcome")).toString(),
            QStringLiteral("applied"));
        QCOMPARE(sales(), before + 1);
    }

    QString writeFile(const QString &name, const QByteArray &content)
    {
        QFile file(m_server.dataDir() + QLatin1Char('/') + name);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(content);
        return file.fileName();
    }

private slots:
    void initTestCase()
    {
        if (ServerFixture::wantsPostgres() && qEnvironmentVariableIsEmpty("TOONBANK_TEST_PG_URL"))
            QSKIP("TOONBANK_TEST_PG_URL is not set (tests/run.sh sets it)");
        QVERIFY(m_server.seed());
        QVERIFY(m_server.admin({ QStringLiteral("add-staff"), QStringLiteral("--id"),
            QString::number(manager), QStringLiteral("--code"), QStringLiteral("E9"),
            QStringLiteral("--name"), QStringLiteral("Max"), QStringLiteral("--role"),
            QStringLiteral("manager"), QStringLiteral("--store"), QStringLiteral("AMS01"),
            QStringLiteral("--pin"), QStringLiteral("9999") }));
        QVERIFY(m_server.admin({ QStringLiteral("import"), QStringLiteral("promotions"),
            writeFile(QStringLiteral("promotions.json"), promotionsJson) }));
        for (const QJsonValue &item : QJsonDocument::fromJson(promotionsJson).array()) {
            auto promotion = Sync::Protocol::promotionFromJson(item.toObject());
            QVERIFY(promotion);
            m_promotions.append(promotion.value());
        }
        QVERIFY(m_server.admin({ QStringLiteral("import"), QStringLiteral("customers"),
            writeFile(QStringLiteral("customers.csv"),
                "id,code,name,email,phone,loyaltyPoints,tier,homeStoreCode\n"
                "1,2990000000011,Eva de Vries,eva@example.nl,+31611111111,0,basic,AMS01\n"
                "2,2990000000028,Sam Jansen,sam@example.nl,,0,basic,UTR01\n") }));
        QVERIFY(m_server.start());
        const HttpAnswer enrolled = m_server.request("POST", QStringLiteral("/v1/enrol"),
            toBody({ { QStringLiteral("code"), m_server.enrolmentCode(QStringLiteral("AMS01")) },
                { QStringLiteral("deviceName"), QStringLiteral("Till") } }));
        QCOMPARE(enrolled.status, 200);
        auto parsed = Sync::Protocol::EnrolResponse::fromJson(enrolled.json);
        QVERIFY(parsed);
        m_deviceId = parsed->deviceId;
        m_token = parsed->token;
    }

    void catalogPriceIsAccepted() { expectApplied(tabletSale({ line(1, 2, 1000) })); }

    void priceNoRuleExplainsIsRejected()
    {
        // Consistent in itself (lines, VAT, total, tenders add up), but no catalog version
        // ever sold product 2 for 9.00.
        expectRejected(tabletSale({ line(2, 1, 900) }), QStringLiteral("sale.price_unexplained"));
    }

    void skuMismatchIsRejected()
    {
        expectRejected(tabletSale({ line(3, 1, 1000, QStringLiteral("SKU4")) }),
            QStringLiteral("sale.sku_mismatch"));
    }

    void promotionTheServerDoesNotKnowIsRejected()
    {
        Core::Sale sale = tabletSale({ line(4, 1, 1000) });
        sale.lines[0].adjustments.append({ Core::AdjustmentKind::Promotion,
            QStringLiteral("PR-MADE-UP"), QStringLiteral("Free money"), Money::fromCents(200), 0 });
        sale.vat = Core::vatBreakdown(sale.lines);
        sale.total = sale.lines[0].lineTotal();
        sale.tenders[0].amount = sale.total;
        expectRejected(sale, QStringLiteral("sale.adjustment_unexplained"));
    }

    void manualDiscountAboveLimitNeedsApproval()
    {
        // 30 % off by a cashier (own limit 10 % / 20.00): without approval refused …
        Core::ManualDiscount manual;
        manual.amount = Money::fromCents(300);
        manual.reason = QStringLiteral("damaged box");
        manual.requestedBy = cashier;
        expectRejected(
            tabletSale({ line(6, 1, 1000, {}, manual) }), QStringLiteral("sale.approval_missing"));

        // … approved by a cashier (who may not approve) still refused …
        Core::ManualDiscount byPeer = manual;
        byPeer.approvedBy = cashier;
        Core::SaleContext peerContext;
        peerContext.authorisations = { { Core::Permission::ApproveManualDiscount, cashier, cashier,
            QStringLiteral("L1"), Money::fromCents(300), QStringLiteral("damaged box"),
            QDateTime::currentDateTimeUtc() } };
        expectRejected(tabletSale({ line(6, 1, 1000, {}, byPeer) }, peerContext),
            QStringLiteral("sale.approval_missing"));

        // … approved by the manager accepted.
        Core::ManualDiscount approved = manual;
        approved.approvedBy = manager;
        Core::SaleContext context;
        context.authorisations = { { Core::Permission::ApproveManualDiscount, cashier, manager,
            QStringLiteral("L1"), Money::fromCents(300), QStringLiteral("damaged box"),
            QDateTime::currentDateTimeUtc() } };
        const Core::Sale sale = tabletSale({ line(6, 1, 1000, {}, approved) }, context);
        QCOMPARE(sale.total, Money::fromCents(700));
        expectApplied(sale);
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT approved_by FROM sale_authorisations "
                                                "WHERE sale_id = ?"),
                     { sale.saleId }),
            manager);

        // Within the cashier's own limit no approval is needed.
        Core::ManualDiscount small = manual;
        small.amount = Money::fromCents(50);
        expectApplied(tabletSale({ line(6, 1, 1000, {}, small) }));
    }

    void priceChangeNeedsAnApprovalCoveringIt()
    {
        auto changed = [this](qint64 approver, qint64 amountCents) {
            Core::SaleContext context;
            context.authorisations = { { Core::Permission::ChangePrice, cashier, approver,
                QStringLiteral("L1"), Money::fromCents(amountCents),
                QStringLiteral("price tag says 8"), QDateTime::currentDateTimeUtc() } };
            return tabletSale({ line(11, 1, 800) }, context);
        };
        // 10.00 → 8.00 approved by the manager for 2.00: accepted.
        expectApplied(changed(manager, 200));
        // Approved for less than the difference: the price stays unexplained.
        expectRejected(changed(manager, 100), QStringLiteral("sale.price_unexplained"));
        // "Approved" by a cashier, who may not change prices: refused.
        expectRejected(changed(cashier, 200), QStringLiteral("sale.approval_missing"));
    }

    void threeForTwoWithCouponIsAccepted()
    {
        Core::SaleContext context;
        context.couponCodes = { QStringLiteral("SAVE5") };
        const Core::Sale sale = tabletSale({ line(5, 3, 1000) }, context);
        // 3 × 10.00, one free, 5.00 off the basket.
        QCOMPARE(sale.total, Money::fromCents(1500));

        // Single-use: not claimed yet → refused.
        expectRejected(sale, QStringLiteral("sale.coupon_unclaimed"));

        // Two tills claim the code: one yes, one no.
        const QByteArray claim = toBody({ { QStringLiteral("code"), QStringLiteral("save5") },
            { QStringLiteral("saleId"), sale.saleId } });
        const HttpAnswer first
            = m_server.request("POST", QStringLiteral("/v1/coupons/claim"), claim, m_token);
        QCOMPARE(first.status, 200);
        const HttpAnswer other = m_server.request("POST", QStringLiteral("/v1/coupons/claim"),
            toBody({ { QStringLiteral("code"), QStringLiteral("SAVE5") },
                { QStringLiteral("saleId"), QUuid::createUuid().toString(QUuid::WithoutBraces) } }),
            m_token);
        QCOMPARE(other.status, 409);
        QCOMPARE(other.json.value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("code"))
                     .toString(),
            QStringLiteral("coupon.claimed"));
        // The same sale again (a retry after a lost answer) is still a yes.
        QCOMPARE(
            m_server.request("POST", QStringLiteral("/v1/coupons/claim"), claim, m_token).status,
            200);

        Core::Sale again = sale;
        again.saleId = sale.saleId; // the claimed sale
        expectApplied(again);
        m_couponSale = sale.saleId;
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM sale_adjustments WHERE "
                                                "sale_id = ? AND source_id = 'PR-3FOR2'"),
                     { sale.saleId }),
            1);
    }

    void couponReleaseGivesAnUnusedClaimBack()
    {
        auto errorCode = [](const HttpAnswer &answer) {
            return answer.json.value(QStringLiteral("error"))
                .toObject()
                .value(QStringLiteral("code"))
                .toString();
        };
        auto body = [](const QString &code, const QString &saleId) {
            return toBody(
                { { QStringLiteral("code"), code }, { QStringLiteral("saleId"), saleId } });
        };
        const QString claim = QStringLiteral("/v1/coupons/claim");
        const QString release = QStringLiteral("/v1/coupons/release");
        const QString abandoned = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString next = QUuid::createUuid().toString(QUuid::WithoutBraces);

        // A second till of the same store.
        const HttpAnswer enrolled = m_server.request("POST", QStringLiteral("/v1/enrol"),
            toBody({ { QStringLiteral("code"), m_server.enrolmentCode(QStringLiteral("AMS01")) },
                { QStringLiteral("deviceName"), QStringLiteral("Till 2") } }));
        QCOMPARE(enrolled.status, 200);
        const QString otherToken = enrolled.json.value(QStringLiteral("token")).toString();

        // Claimed for a sale that is then abandoned.
        QCOMPARE(m_server.request("POST", claim, body(QStringLiteral("once1"), abandoned), m_token)
                     .status,
            200);
        QCOMPARE(
            m_server.request("POST", claim, body(QStringLiteral("ONCE1"), next), m_token).status,
            409);
        // Another device cannot give it back, nor can this one for another sale.
        const HttpAnswer foreign = m_server.request(
            "POST", release, body(QStringLiteral("ONCE1"), abandoned), otherToken);
        QCOMPARE(foreign.status, 404);
        QCOMPARE(errorCode(foreign), QStringLiteral("coupon.not_claimed"));
        QCOMPARE(
            m_server.request("POST", release, body(QStringLiteral("ONCE1"), next), m_token).status,
            404);
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM coupon_claims WHERE code = "
                                                "'ONCE1'")),
            1);
        // The claiming device releases it (case of the code ignored): another sale claims it.
        const HttpAnswer released
            = m_server.request("POST", release, body(QStringLiteral("once1"), abandoned), m_token);
        QCOMPARE(released.status, 200);
        QCOMPARE(released.json.value(QStringLiteral("released")).toBool(), true);
        QCOMPARE(
            m_server.request("POST", release, body(QStringLiteral("ONCE1"), abandoned), m_token)
                .status,
            404); // nothing left to release
        QCOMPARE(
            m_server.request("POST", claim, body(QStringLiteral("ONCE1"), next), otherToken).status,
            200);

        // SAVE5 was used by an applied sale (threeForTwoWithCouponIsAccepted): never released.
        const QString consumedSale = m_couponSale;
        QVERIFY(!consumedSale.isEmpty());
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM sales WHERE sale_id = ?"),
                     { consumedSale }),
            1);
        const HttpAnswer consumed = m_server.request(
            "POST", release, body(QStringLiteral("SAVE5"), consumedSale), m_token);
        QCOMPARE(consumed.status, 409);
        QCOMPARE(errorCode(consumed), QStringLiteral("coupon.consumed"));
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM coupon_claims WHERE code = "
                                                "'SAVE5' AND claimed_by_sale = ?"),
                     { consumedSale }),
            1);
    }

    void pointsAreCreditedOnceAndReplayCreditsNothing()
    {
        Core::SaleContext context;
        context.customer
            = Core::SaleCustomer { 1, QStringLiteral("2990000000011"), QStringLiteral("basic") };
        const Core::Sale sale = tabletSale({ line(7, 2, 1000) }, context);
        QCOMPARE(sale.pointsEarned, 20);
        const QByteArray body = toBody(makePush(m_deviceId, cashier, { sale }, m_seq));
        m_seq += 1;
        const HttpAnswer first
            = m_server.request("POST", QStringLiteral("/v1/events"), body, m_token);
        QCOMPARE(first.status, 200);
        auto balance = [this] {
            return m_server.scalar(
                QStringLiteral("SELECT points_balance FROM customers WHERE id = 1"));
        };
        QCOMPARE(balance(), 20);
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT SUM(points) FROM loyalty_ledger WHERE "
                                                "customer_id = 1")),
            20);
        // The same batch again: a duplicate; no points, no ledger row.
        const HttpAnswer replay
            = m_server.request("POST", QStringLiteral("/v1/events"), body, m_token);
        QCOMPARE(replay.status, 200);
        QCOMPARE(firstResult(replay).value(QStringLiteral("outcome")).toString(),
            QStringLiteral("duplicate"));
        QCOMPARE(balance(), 20);
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM loyalty_ledger")), 1);

        // Points the rules do not give are refused.
        Core::Sale greedy = tabletSale({ line(7, 1, 1000) }, context);
        greedy.pointsEarned = 500;
        expectRejected(greedy, QStringLiteral("sale.points_mismatch"));

        // The profile shows the ledger and the purchase.
        const HttpAnswer profile
            = m_server.request("GET", QStringLiteral("/v1/customers/profile?id=1"), {}, m_token);
        QCOMPARE(profile.status, 200);
        QCOMPARE(profile.json.value(QStringLiteral("ledger")).toArray().size(), 1);
        QCOMPARE(profile.json.value(QStringLiteral("purchases")).toArray().size(), 1);
        QCOMPARE(profile.json.value(QStringLiteral("customer"))
                     .toObject()
                     .value(QStringLiteral("loyaltyPoints"))
                     .toInteger(),
            20);
    }

    void oldPriceAfterAPriceChangeIsAccepted()
    {
        QVERIFY(m_server.admin({ QStringLiteral("import"), QStringLiteral("prices"),
            writeFile(QStringLiteral("prices.csv"), "sku,priceCents\nSKU8,1200\n") }));
        // A tablet offline since before the change still sells at 10.00 …
        expectApplied(tabletSale({ line(8, 1, 1000) }));
        // … the new price is fine too …
        expectApplied(tabletSale({ line(8, 1, 1200) }));
        // … a price between the two never existed.
        expectRejected(tabletSale({ line(8, 1, 1100) }), QStringLiteral("sale.price_unexplained"));
    }

    void enrolmentMergesIntoAnExistingCustomer()
    {
        auto enrol = [](const QString &card, const QString &email, const QString &phone) {
            return QJsonObject { { QStringLiteral("cardNumber"), card },
                { QStringLiteral("name"), QStringLiteral("Eva") },
                { QStringLiteral("email"), email }, { QStringLiteral("phone"), phone },
                { QStringLiteral("consentEmail"), true }, { QStringLiteral("consentSms"), false },
                { QStringLiteral("consentPersonalised"), false },
                { QStringLiteral("enrolledAt"),
                    QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) } };
        };
        const qint64 before = m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM customers"));
        // Same e-mail as customer 1 (different case): merged, the answer says into whom.
        HttpAnswer merged = pushEvent(QStringLiteral("customer_enrolled"),
            enrol(QStringLiteral("2990000000905"), QStringLiteral("EVA@example.nl"), QString()));
        QCOMPARE(merged.status, 200);
        QCOMPARE(firstResult(merged).value(QStringLiteral("serverId")).toInteger(), 1);
        QCOMPARE(firstResult(merged).value(QStringLiteral("merged")).toBool(), true);
        QCOMPARE(firstResult(merged).value(QStringLiteral("cardNumber")).toString(),
            QStringLiteral("2990000000011")); // the card the server kept
        QCOMPARE(firstResult(merged).value(QStringLiteral("mergedOn")).toString(),
            QStringLiteral("email"));
        // Same phone as customer 1: merged too.
        merged = pushEvent(QStringLiteral("customer_enrolled"),
            enrol(QStringLiteral("2990000000912"), QString(), QStringLiteral("+31611111111")));
        QCOMPARE(firstResult(merged).value(QStringLiteral("serverId")).toInteger(), 1);
        QCOMPARE(firstResult(merged).value(QStringLiteral("mergedOn")).toString(),
            QStringLiteral("phone"));
        // The answer was lost and the tablet sends the same event again: a duplicate that
        // still says into whom it was merged.
        {
            Sync::Protocol::PushRequest request;
            request.deviceId = m_deviceId;
            Sync::Protocol::EventEnvelope event;
            event.eventId = QUuid::createUuid().toString(QUuid::WithoutBraces);
            event.deviceId = m_deviceId;
            event.deviceSeq = m_seq++;
            event.type = QStringLiteral("customer_enrolled");
            event.staffId = cashier;
            event.occurredAt = QDateTime::currentDateTimeUtc();
            event.payload = enrol(
                QStringLiteral("2990000000967"), QStringLiteral("eva@example.nl"), QString());
            request.events.append(event);
            const QByteArray body = toBody(request.toJson());
            QCOMPARE(
                m_server.request("POST", QStringLiteral("/v1/events"), body, m_token).status, 200);
            const HttpAnswer again
                = m_server.request("POST", QStringLiteral("/v1/events"), body, m_token);
            QCOMPARE(again.status, 200);
            QCOMPARE(firstResult(again).value(QStringLiteral("outcome")).toString(),
                QStringLiteral("duplicate"));
            QCOMPARE(firstResult(again).value(QStringLiteral("serverId")).toInteger(), 1);
            QCOMPARE(firstResult(again).value(QStringLiteral("merged")).toBool(), true);
            QCOMPARE(firstResult(again).value(QStringLiteral("cardNumber")).toString(),
                QStringLiteral("2990000000011"));
        }
        // A sale made offline for a merged card is the kept customer's: points credited once.
        {
            const qint64 points = m_server.scalar(
                QStringLiteral("SELECT points_balance FROM customers WHERE id = 1"));
            Core::SaleContext context;
            context.customer = Core::SaleCustomer { 0, QStringLiteral("2990000000905"),
                QStringLiteral("basic") };
            const Core::Sale sale = tabletSale({ line(7, 1, 1000) }, context);
            QCOMPARE(sale.pointsEarned, 10);
            expectApplied(sale);
            QCOMPARE(
                m_server.scalar(QStringLiteral("SELECT customer_id FROM sales WHERE sale_id = ?"),
                    { sale.saleId }),
                1);
            QCOMPARE(m_server.scalar(
                         QStringLiteral("SELECT points_balance FROM customers WHERE id = 1")),
                points + 10);
        }
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM customers")), before);

        // A new customer gets a new id and is in this store's customers feed.
        const HttpAnswer fresh = pushEvent(QStringLiteral("customer_enrolled"),
            enrol(QStringLiteral("2990000000929"), QStringLiteral("new@example.nl"),
                QStringLiteral("+31622222222")));
        QCOMPARE(fresh.status, 200);
        const qint64 id = firstResult(fresh).value(QStringLiteral("serverId")).toInteger();
        QVERIFY(id > 2);
        QVERIFY(!firstResult(fresh).value(QStringLiteral("merged")).toBool());
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM customers")), before + 1);

        const HttpAnswer feed = m_server.request(
            "GET", QStringLiteral("/v1/changes?kind=customers&since=0"), {}, m_token);
        QCOMPARE(feed.status, 200);
        QSet<qint64> ids;
        for (const QJsonValue &c : feed.json.value(QStringLiteral("customers")).toArray())
            ids.insert(c.toObject().value(QStringLiteral("id")).toInteger());
        QVERIFY(ids.contains(1)); // home store AMS01
        QVERIFY(ids.contains(id)); // enrolled here
        QVERIFY(!ids.contains(2)); // UTR01, never seen here: not sent to this store

        // The online search finds by phone as typed and by name.
        const HttpAnswer byPhone
            = m_server.request("GET", QStringLiteral("/v1/customers?q=06%2022222222"), {}, m_token);
        QCOMPARE(byPhone.json.value(QStringLiteral("customers")).toArray().size(), 1);
        const HttpAnswer byName
            = m_server.request("GET", QStringLiteral("/v1/customers?q=jansen"), {}, m_token);
        QCOMPARE(byName.json.value(QStringLiteral("customers")).toArray().size(), 1);
    }

    void consentChangesAreKeptAsHistory()
    {
        const qint64 before = m_server.scalar(
            QStringLiteral("SELECT COUNT(*) FROM consent_history WHERE customer_id = 1"));
        const HttpAnswer changed = pushEvent(QStringLiteral("consent_changed"),
            { { QStringLiteral("customerId"), 1 }, { QStringLiteral("consentEmail"), true },
                { QStringLiteral("consentSms"), true },
                { QStringLiteral("consentPersonalised"), false },
                { QStringLiteral("changedAt"),
                    QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) } });
        QCOMPARE(changed.status, 200);
        QCOMPARE(m_server.scalar(
                     QStringLiteral("SELECT COUNT(*) FROM consent_history WHERE customer_id = 1")),
            before + 1);
        QCOMPARE(
            m_server.scalar(QStringLiteral("SELECT consent_sms FROM customers WHERE id = 1")), 1);
        QCOMPARE(
            m_server.scalar(QStringLiteral(
                "SELECT staff_id FROM consent_history WHERE customer_id = 1 AND consent_sms = 1")),
            cashier);
        // A customer nobody knows is refused.
        const HttpAnswer unknown = pushEvent(QStringLiteral("consent_changed"),
            { { QStringLiteral("cardNumber"), QStringLiteral("2990000009999") },
                { QStringLiteral("consentEmail"), true }, { QStringLiteral("consentSms"), true },
                { QStringLiteral("consentPersonalised"), false },
                { QStringLiteral("changedAt"),
                    QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) } });
        QCOMPARE(unknown.status, 422);
        QCOMPARE(firstResult(unknown).value(QStringLiteral("code")).toString(),
            QStringLiteral("customer.unknown"));
    }

    void enrolmentAndSaleInOneBatchCreditTheNewCustomer()
    {
        // Offline: a customer enrolled on the tablet (no server id yet) and buys at once; both
        // events travel in one batch, in order, and the points land on the new customer.
        const QString card = QStringLiteral("2990000000936");
        Sync::Protocol::PushRequest request;
        request.deviceId = m_deviceId;
        Sync::Protocol::EventEnvelope enrolment;
        enrolment.eventId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        enrolment.deviceId = m_deviceId;
        enrolment.deviceSeq = m_seq++;
        enrolment.type = QStringLiteral("customer_enrolled");
        enrolment.staffId = cashier;
        enrolment.occurredAt = QDateTime::currentDateTimeUtc();
        enrolment.payload = { { QStringLiteral("cardNumber"), card },
            { QStringLiteral("name"), QStringLiteral("Noor") },
            { QStringLiteral("consentEmail"), false }, { QStringLiteral("consentSms"), false },
            { QStringLiteral("consentPersonalised"), false },
            { QStringLiteral("enrolledAt"),
                QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) } };
        request.events.append(enrolment);
        Core::SaleContext context;
        context.customer = Core::SaleCustomer { 0, card, QStringLiteral("basic") };
        Core::Sale sale = tabletSale({ line(9, 3, 1000) }, context);
        QCOMPARE(sale.pointsEarned, 30);
        const QJsonObject salePush = makePush(m_deviceId, cashier, { sale }, m_seq++);
        request.events.append(Sync::Protocol::PushRequest::fromJson(salePush)->events.first());
        const HttpAnswer answer = m_server.request(
            "POST", QStringLiteral("/v1/events"), toBody(request.toJson()), m_token);
        QVERIFY2(answer.status == 200, answer.body.constData());
        const qint64 id = firstResult(answer).value(QStringLiteral("serverId")).toInteger();
        QVERIFY(id > 0);
        QCOMPARE(m_server.scalar(
                     QStringLiteral("SELECT points_balance FROM customers WHERE id = ?"), { id }),
            30);
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT customer_id FROM sales WHERE sale_id = ?"),
                     { sale.saleId }),
            id);

        // The wishlist follows the same customer by card.
        const HttpAnswer added = pushEvent(QStringLiteral("wishlist_changed"),
            { { QStringLiteral("cardNumber"), card }, { QStringLiteral("productId"), 12 },
                { QStringLiteral("action"), QStringLiteral("add") },
                { QStringLiteral("changedAt"),
                    QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) } });
        QCOMPARE(added.status, 200);
        QCOMPARE(m_server.scalar(
                     QStringLiteral("SELECT COUNT(*) FROM wishlist WHERE customer_id = ?"), { id }),
            1);
        const HttpAnswer removed = pushEvent(QStringLiteral("wishlist_changed"),
            { { QStringLiteral("customerId"), id }, { QStringLiteral("productId"), 12 },
                { QStringLiteral("action"), QStringLiteral("remove") },
                { QStringLiteral("changedAt"),
                    QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) } });
        QCOMPARE(removed.status, 200);
        QCOMPARE(m_server.scalar(
                     QStringLiteral("SELECT COUNT(*) FROM wishlist WHERE customer_id = ?"), { id }),
            0);
    }

    void protocol1SaleQueuedBeforeTheUpdateIsApplied()
    {
        const QString saleId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QJsonObject v1 {
            { QStringLiteral("saleId"), saleId },
            { QStringLiteral("receiptNumber"), QStringLiteral("AMS01-T1-V1") },
            { QStringLiteral("locationCode"), QStringLiteral("AMS01") },
            { QStringLiteral("soldAt"),
                QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) },
            { QStringLiteral("lines"),
                QJsonArray { QJsonObject { { QStringLiteral("productId"), 10 },
                    { QStringLiteral("sku"), QStringLiteral("SKU10") },
                    { QStringLiteral("quantity"), 1 }, { QStringLiteral("unitPriceCents"), 1000 },
                    { QStringLiteral("lineDiscountCents"), 0 },
                    { QStringLiteral("lineTotalCents"), 1000 },
                    { QStringLiteral("vatClass"), QStringLiteral("standard") },
                    { QStringLiteral("vatBasisPoints"), 2100 } } } },
            { QStringLiteral("vat"),
                QJsonArray { QJsonObject { { QStringLiteral("basisPoints"), 2100 },
                    { QStringLiteral("grossCents"), 1000 }, { QStringLiteral("vatCents"), 174 },
                    { QStringLiteral("netCents"), 826 } } } },
            { QStringLiteral("totalCents"), 1000 },
            { QStringLiteral("roundingCents"), 0 },
            { QStringLiteral("payments"),
                QJsonArray { QJsonObject { { QStringLiteral("method"), QStringLiteral("card") },
                    { QStringLiteral("amountCents"), 1000 }, { QStringLiteral("tenderedCents"), 0 },
                    { QStringLiteral("changeCents"), 0 },
                    { QStringLiteral("reference"), QStringLiteral("T") } } } },
            { QStringLiteral("customerId"), 0 },
            { QStringLiteral("training"), false },
        };
        const HttpAnswer answer = pushEvent(QStringLiteral("sale"), v1);
        QVERIFY2(answer.status == 200, answer.body.constData());
        QCOMPARE(m_server.scalar(
                     QStringLiteral("SELECT staff_id FROM sales WHERE sale_id = ?"), { saleId }),
            cashier);
    }

    void benchBaselineFlagSkipsTheRecheck()
    {
        // bench_sync's baseline server (--no-sale-checks) takes a price no version had; the
        // envelope checks (unknown product) still hold.
        ServerFixture baseline;
        QVERIFY(baseline.seed(5));
        QVERIFY(baseline.start({ QStringLiteral("--no-sale-checks") }));
        const HttpAnswer enrolled = baseline.request("POST", QStringLiteral("/v1/enrol"),
            toBody({ { QStringLiteral("code"), baseline.enrolmentCode(QStringLiteral("AMS01")) },
                { QStringLiteral("deviceName"), QStringLiteral("Till") } }));
        auto device = Sync::Protocol::EnrolResponse::fromJson(enrolled.json);
        QVERIFY(device);
        const HttpAnswer odd = baseline.request("POST", QStringLiteral("/v1/events"),
            toBody(makePush(device->deviceId, cashier, { tabletSale({ line(2, 1, 900) }) }, 1)),
            device->token);
        QCOMPARE(odd.status, 200);
        const HttpAnswer unknown = baseline.request("POST", QStringLiteral("/v1/events"),
            toBody(makePush(device->deviceId, cashier, { tabletSale({ line(99, 1, 1000) }) }, 2)),
            device->token);
        QCOMPARE(unknown.status, 422);
        QCOMPARE(firstResult(unknown).value(QStringLiteral("code")).toString(),
            QStringLiteral("sale.unknown_product"));
    }

    void promotionImportWithBadRowsImportsNothing()
    {
        const qint64 before = m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM promotions"));
        const QString file = writeFile(QStringLiteral("bad-promotions.csv"),
            "id,label,kind,target,targetKeys,amountCents,percentBasisPoints,validFrom,validUntil\n"
            "PR-OK,Fine,percent_off,item,SKU1,,1000,,\n"
            "PR-SKU,Unknown sku,percent_off,item,SKU1|NOPE,,1000,,\n"
            "PR-NEG,Negative,amount_off,item,SKU2,-100,,,\n"
            "PR-DATES,Backwards,percent_off,item,SKU3,,1000,2026-12-31,2026-01-01\n");
        QString output;
        QVERIFY(!m_server.admin(
            { QStringLiteral("import"), QStringLiteral("promotions"), file }, &output));
        QVERIFY2(output.contains(QStringLiteral(":3: unknown sku NOPE")), qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral(":4: ")), qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral(":5: ")), qPrintable(output));
        QVERIFY2(!output.contains(QStringLiteral(":2: ")), qPrintable(output));
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM promotions")), before);

        // The promotions feed carries what was imported, as Core::Promotion.
        const HttpAnswer feed = m_server.request(
            "GET", QStringLiteral("/v1/changes?kind=promotions&since=0"), {}, m_token);
        QCOMPARE(feed.status, 200);
        QCOMPARE(feed.json.value(QStringLiteral("promotions")).toArray().size(),
            3); // PR-3FOR2, PR-SAVE5, PR-ONCE
    }
};

QTEST_GUILESS_MAIN(TestSaleCheck)
#include "tst_salecheck.moc"
