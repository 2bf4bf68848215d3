// The split services on the test cache with a fixed clock: SaleService (scan path, promotions,
// coupons, manual discount with override, parking, paying), CustomerService (find, enrol,
// consent, wish list, points) and OverrideService (approvers, PIN, lock-out, roles). Every bad
// input leaves the basket and the store unchanged.
#include "app/core/barcode.h"
#include "app/core/customerrules.h"
#include "app/core/loyalty.h"
#include "app/services/customerservice.h"
#include "app/services/overrideservice.h"
#include "app/services/saleservice.h"
#include "app/services/session.h"
#include "app/services/terminal.h"
#include "app/store/customercache.h"
#include "app/store/localdatabase.h"
#include "app/store/outbox.h"
#include "app/store/parkedbaskets.h"
#include "app/store/promotionstore.h"
#include "app/store/salesledger.h"
#include "sync/protocol/saleevent.h"
#include "tests/support/testcache.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Toonbank;
using namespace Toonbank::Tests;
using Core::Money;
using Services::ChangeOutcome;

namespace {

QString cardNumber(const QString &nine)
{
    const QString twelve = QStringLiteral("299") + nine;
    return twelve + QString::number(Core::Barcode::checkDigit(twelve));
}

const QString pietCard = cardNumber(QStringLiteral("000000501"));

Core::Promotion promotion(const QString &id, Core::PromotionKind kind, Core::PromotionTarget target,
    const QStringList &keys = {})
{
    Core::Promotion p;
    p.id = id;
    p.label = id;
    p.kind = kind;
    p.target = target;
    p.targetKeys = keys;
    return p;
}

class FakeClaimer final : public Services::CouponClaimer
{
public:
    bool online = true;
    QStringList claimed;
    QStringList released;
    bool isOnline() const override { return online; }
    Core::Result<Services::CouponClaim> claim(
        const QString &code, const QString &, const QString &) override
    {
        if (claimed.contains(code))
            return Core::Error::make(QStringLiteral("coupon.already_used"), QStringLiteral("used"));
        claimed.append(code);
        return Services::CouponClaim { code, QStringLiteral("claim-") + code };
    }
    void release(const Services::CouponClaim &claim) override { released.append(claim.code); }
};

class FakeDirectory final : public Services::CustomerDirectory
{
public:
    bool online = true;
    int calls = 0;
    QList<Services::DirectoryCustomer> customers;
    bool isOnline() const override { return online; }
    Core::Result<QList<Services::DirectoryCustomer>> find(
        Field field, const QString &value) override
    {
        ++calls;
        QList<Services::DirectoryCustomer> found;
        for (const Services::DirectoryCustomer &c : customers) {
            if ((field == Field::Card && c.cardNumber == value)
                || (field == Field::Phone && c.phone == value)
                || (field == Field::Email && c.email == value))
                found.append(c);
        }
        return found;
    }
};

} // namespace

class TestSaleService final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    // Wednesday 25 November 2026, 14:00 UTC.
    Core::FixedClock m_clock { QDateTime(QDate(2026, 11, 25), QTime(14, 0), Qt::UTC) };
    std::unique_ptr<Services::Terminal> m_terminal;

    Services::SaleService &sale() { return m_terminal->sale(); }
    Services::CustomerService &customers() { return m_terminal->customers(); }
    Services::OverrideService &overrides() { return m_terminal->overrides(); }
    Store::LocalDatabase &db() { return m_terminal->database(); }

    qint64 scalar(const QString &sql)
    {
        QSqlQuery q(db().connection());
        if (!q.exec(sql) || !q.next())
            return -1;
        return q.value(0).toLongLong();
    }

    void logIn(qint64 staffId = TestCache::cashierId, const QString &pin = QStringLiteral("1111"))
    {
        auto member = m_terminal->session().logIn(staffId, pin);
        QVERIFY2(member.ok(), member.ok() ? "" : qPrintable(member.error().message));
    }

    void seedPromotionsAndCustomer()
    {
        Store::PromotionStore promotions(db());
        Core::Promotion socks
            = promotion(QStringLiteral("PR-SOCKS-3V2"), Core::PromotionKind::BuyNPayM,
                Core::PromotionTarget::Item, { QStringLiteral("SOCK-BAMBOO-3P") });
        socks.label = QStringLiteral("3 voor 2 sokken");
        socks.buyQuantity = 3;
        socks.payQuantity = 2;
        QVERIFY(promotions.upsert(socks));

        Core::Promotion welcome = promotion(QStringLiteral("CP-WELKOM10"),
            Core::PromotionKind::PercentOff, Core::PromotionTarget::Basket);
        welcome.label = QStringLiteral("Welkom 10%");
        welcome.percentBasisPoints = 1000;
        welcome.couponCode = QStringLiteral("WELKOM10");
        QVERIFY(promotions.upsert(welcome));

        Core::Promotion old = welcome;
        old.id = QStringLiteral("CP-OUD5");
        old.couponCode = QStringLiteral("OUD5");
        old.validUntil = QDateTime(QDate(2026, 1, 31), QTime(23, 59, 59));
        QVERIFY(promotions.upsert(old));

        Core::Promotion utrecht = welcome;
        utrecht.id = QStringLiteral("CP-UTRECHT");
        utrecht.couponCode = QStringLiteral("UTRECHT");
        utrecht.storeCodes = { QStringLiteral("UTR02") };
        QVERIFY(promotions.upsert(utrecht));

        Core::Promotion once = welcome;
        once.id = QStringLiteral("CP-EENMALIG");
        once.couponCode = QStringLiteral("EENMALIG");
        once.singleUse = true;
        QVERIFY(promotions.upsert(once));

        Core::Promotion personal = promotion(QStringLiteral("PO-PIET"),
            Core::PromotionKind::AmountOff, Core::PromotionTarget::Basket);
        personal.label = QStringLiteral("Voor Piet: € 5 korting");
        personal.amount = Money::fromCents(500);
        personal.customerId = 501;
        personal.couponCode = QStringLiteral("PIET5");
        QVERIFY(promotions.upsert(personal));

        Store::CustomerRecord piet;
        piet.id = 501;
        piet.cardNumber = pietCard;
        piet.name = QStringLiteral("Piet Jansen");
        piet.email = QStringLiteral("piet@example.nl");
        piet.phone = QStringLiteral("+31612345678");
        piet.tier = QStringLiteral("silver");
        piet.pointsBalance = 1200;
        piet.lifetimePoints = 2300;
        piet.homeStoreCode = QStringLiteral("AMS01");
        piet.lastSeenAt = m_clock.nowUtc().addDays(-3);
        QVERIFY(Store::CustomerCache(db()).upsertFromServer(piet));
    }

    struct Snapshot
    {
        QStringList lines;
        Money total;
        QStringList coupons;
        bool customer = false;
        qint64 outbox = 0;
        qint64 customersCached = 0;
        qint64 journal = 0;
        bool operator==(const Snapshot &) const = default;
    };
    Snapshot snapshot()
    {
        Snapshot s;
        for (const Services::BasketLineView &line : sale().view().lines)
            s.lines.append(QStringLiteral("%1:%2x%3=%4")
                               .arg(line.lineId, line.sku)
                               .arg(line.quantity)
                               .arg(line.lineTotal.cents()));
        s.total = sale().view().total;
        s.coupons = sale().view().couponCodes;
        s.customer = sale().view().customer.has_value();
        s.outbox = scalar(QStringLiteral("SELECT count(*) FROM outbox"));
        s.customersCached = scalar(QStringLiteral("SELECT count(*) FROM customers"));
        s.journal = scalar(QStringLiteral("SELECT count(*) FROM journal"));
        return s;
    }

private slots:
    void initTestCase()
    {
        QFile key(m_dir.filePath(QStringLiteral("machine-id")));
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write("fedcba9876543210fedcba9876543210\n");
        key.close();
        qputenv("TOONBANK_DEVICE_KEY_FILE", QFile::encodeName(key.fileName()));
    }

    void init()
    {
        m_path = m_dir.filePath(QStringLiteral("cache-%1.sqlite")
                                    .arg(QString::fromLatin1(QTest::currentTestFunction())));
        const QString failure = TestCache::create(m_path);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        auto terminal = Services::Terminal::open(m_path, false, &m_clock);
        QVERIFY2(terminal.ok(), terminal.ok() ? "" : qPrintable(terminal.error().message));
        m_terminal = std::move(terminal.value());
        seedPromotionsAndCustomer();
    }
    void cleanup() { m_terminal.reset(); }

    void offlineCheckoutWithCardThreeForTwoCouponAndApprovedDiscount()
    {
        logIn();
        // The loyalty card goes through the same scan path as the products.
        auto scanned = sale().scan(pietCard);
        QVERIFY2(scanned, scanned ? "" : qPrintable(scanned.error().message));
        QCOMPARE(scanned->kind, Services::ScanResult::Kind::CustomerAttached);
        QVERIFY(sale().view().customer);
        QCOMPARE(sale().view().customer->name, QStringLiteral("Piet Jansen"));
        QCOMPARE(sale().view().customer->points, 1200);
        QVERIFY(sale().isEmpty());

        for (int i = 0; i < 3; ++i)
            QVERIFY(sale().scan(TestCache::socksBarcode));
        auto jeans = sale().scan(TestCache::jeansBarcode);
        QVERIFY(jeans);
        QCOMPARE(sale().view().lines.size(), 2);
        QCOMPARE(sale().view().lines.at(0).quantity, 3);
        QVERIFY(sale().addCoupon(QStringLiteral("welkom10"))); // codes are case-insensitive

        // €25 off the jeans is above a cashier's limit: the override sheet, nothing applied.
        const QString jeansLine = jeans->lineId;
        auto asked = sale().setManualDiscount(
            jeansLine, Money::fromCents(2500), 0, QStringLiteral("Kleine vlek"));
        QVERIFY(asked);
        QCOMPARE(asked->state, ChangeOutcome::State::NeedsApproval);
        QCOMPARE(asked->approval.permission, Core::Permission::ApproveManualDiscount);
        QCOMPARE(asked->approval.amount, Money::fromCents(2500));
        for (const auto &adjustment : sale().view().lines.at(1).adjustments)
            QVERIFY(adjustment.kind != Core::AdjustmentKind::Manual);

        auto tiles = overrides().approvers(Core::Permission::ApproveManualDiscount);
        QVERIFY(tiles);
        QCOMPARE(tiles->size(), 1);
        QCOMPARE(tiles->first().staffId, TestCache::managerId);
        auto approval = overrides().approve(TestCache::managerId, QStringLiteral("3333"),
            asked->approval.permission,
            { asked->approval.lineId, asked->approval.amount, asked->approval.what },
            QStringLiteral("Kleine vlek"));
        QVERIFY2(approval, approval ? "" : qPrintable(approval.error().message));
        QCOMPARE(approval->requestedBy, TestCache::cashierId);
        QCOMPARE(approval->approvedBy, TestCache::managerId);
        auto applied = sale().setManualDiscount(
            jeansLine, Money::fromCents(2500), 0, QStringLiteral("Kleine vlek"), *approval);
        QVERIFY2(applied, applied ? "" : qPrintable(applied.error().message));
        QVERIFY(applied->applied());

        auto built = sale().currentSale();
        QVERIFY(built);
        const Core::Sale &preview = built.value();
        QCOMPARE(preview.lines.size(), 2);
        const Core::SaleLine &socks = preview.lines.at(0);
        const Core::SaleLine &jeansSale = preview.lines.at(1);
        Money promotion, coupon, manual;
        for (const Core::SaleLine &line : preview.lines) {
            for (const Core::Adjustment &a : line.adjustments) {
                if (a.kind == Core::AdjustmentKind::Promotion) {
                    QCOMPARE(a.sourceId, QStringLiteral("PR-SOCKS-3V2"));
                    QCOMPARE(line.lineId, socks.lineId);
                    promotion += a.amount;
                } else if (a.kind == Core::AdjustmentKind::Coupon) {
                    coupon += a.amount;
                } else if (a.kind == Core::AdjustmentKind::Manual) {
                    QCOMPARE(line.lineId, jeansSale.lineId);
                    QCOMPARE(a.approvedBy, TestCache::managerId);
                    manual += a.amount;
                }
            }
        }
        QCOMPARE(promotion, Money::fromCents(499)); // one pair of the three free
        // 10 % of what the promotion left: (3 × 4,99 − 4,99) + 89,95 = 99,93.
        QVERIFY2(coupon.cents() >= 999 && coupon.cents() <= 1000,
            qPrintable(QString::number(coupon.cents())));
        QCOMPARE(manual, Money::fromCents(2500));
        QCOMPARE(preview.total, Money::fromCents(1497 + 8995) - promotion - coupon - manual);
        QCOMPARE(preview.authorisations.size(), 1);
        QCOMPARE(preview.couponCodes, QStringList { QStringLiteral("WELKOM10") });

        const qint64 outboxBefore = scalar(QStringLiteral("SELECT count(*) FROM outbox"));
        auto done = sale().payCash(Money::fromCents(10000));
        QVERIFY2(done, done ? "" : qPrintable(done.error().message));
        const Core::Sale &recorded = done->sale;
        QVERIFY(recorded.customer);
        QCOMPARE(recorded.customer->code, pietCard);
        QCOMPARE(recorded.customer->id, 501);
        QCOMPARE(recorded.tenders.size(), 1);
        QCOMPARE(recorded.tenders.first().method, Core::TenderMethod::Cash);
        QCOMPARE(
            recorded.pointsEarned, Core::pointsEarned(recorded, Core::LoyaltyRules::defaults()));
        QVERIFY(recorded.pointsEarned > 0);
        // Silver earns 2 per whole euro.
        QCOMPARE(recorded.pointsEarned, (recorded.total.cents() / 100) * 2);
        QCOMPARE(recorded.soldAt, m_clock.nowUtc());

        // One outbox event, the ledger rows, the pending points, the journal.
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox")), outboxBefore + 1);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE type = 'sale'")), 1);
        // The event is the Core::Sale on the wire: adjustments, approval, customer, points.
        auto events = Store::Outbox(db()).pending(10);
        QVERIFY(events);
        auto wire = Sync::Protocol::saleFromJson(
            QJsonDocument::fromJson(events->last().payload).object());
        QVERIFY2(wire, wire ? "" : qPrintable(wire.error().detail));
        QCOMPARE(wire->saleId, recorded.saleId);
        QCOMPARE(wire->receiptNumber, done->receiptNumber);
        QCOMPARE(wire->customer->code, pietCard);
        QCOMPARE(wire->pointsEarned, recorded.pointsEarned);
        QCOMPARE(wire->couponCodes, recorded.couponCodes);
        QCOMPARE(wire->authorisations.size(), 1);
        QCOMPARE(wire->authorisations.first().approvedBy, TestCache::managerId);
        QCOMPARE(wire->lines.size(), 2);
        for (int i = 0; i < 2; ++i)
            QCOMPARE(wire->lines.at(i).adjustments, recorded.lines.at(i).adjustments);
        QCOMPARE(wire->total, recorded.total);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM sale_adjustments")), 4);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM sale_adjustments WHERE kind = "
                                       "'manual' AND approved_by = 11")),
            1);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM sale_authorisations WHERE "
                                       "permission = 'approve_manual_discount' AND "
                                       "requested_by = 10 AND approved_by = 11")),
            1);
        QCOMPARE(scalar(QStringLiteral("SELECT points_earned FROM sales")), recorded.pointsEarned);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM sales WHERE customer_code = '%1'")
                            .arg(pietCard)),
            1);
        QCOMPARE(customers().pointsOf(pietCard).value(), 1200 + recorded.pointsEarned);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM journal WHERE kind = 'approval'")), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM journal WHERE kind = 'sale'")), 1);
        QVERIFY(sale().ledger().verifyJournal());
        QVERIFY(sale().isEmpty());
        QVERIFY(!sale().view().customer);

        auto profile = customers().profile(pietCard);
        QVERIFY(profile);
        QCOMPARE(profile->purchases.size(), 1);
        QCOMPARE(profile->purchases.first().receiptNumber, done->receiptNumber);
        QCOMPARE(profile->pendingPoints, recorded.pointsEarned);
        QCOMPARE(profile->recentLedger.size(), 1);
        QVERIFY(profile->recentLedger.first().pending);
        QCOMPARE(profile->personalOffers.size(), 1);
        QCOMPARE(profile->personalOffers.first().promotionId, QStringLiteral("PO-PIET"));

        // The server acknowledges the sale: its points move into the cached balance.
        QVERIFY(Store::Outbox(db()).markAcknowledged({ events->last().eventId }));
        QCOMPARE(Store::CustomerCache(db()).pendingPoints(pietCard).value(), 0);
        QCOMPARE(Store::CustomerCache(db()).byCard(pietCard)->pointsBalance,
            1200 + recorded.pointsEarned);
        QCOMPARE(customers().pointsOf(pietCard).value(), 1200 + recorded.pointsEarned);
    }

    void badCouponsLeaveTheBasketUnchanged_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown") << QStringLiteral("BESTAATNIET")
                                 << QStringLiteral("coupon.unknown");
        QTest::newRow("empty") << QStringLiteral("  ") << QStringLiteral("coupon.unknown");
        QTest::newRow("expired") << QStringLiteral("OUD5") << QStringLiteral("coupon.expired");
        QTest::newRow("other store")
            << QStringLiteral("UTRECHT") << QStringLiteral("coupon.other_store");
        QTest::newRow("single use offline")
            << QStringLiteral("EENMALIG") << QStringLiteral("coupon.needs_network");
        QTest::newRow("personal, no customer")
            << QStringLiteral("PIET5") << QStringLiteral("coupon.needs_customer");
    }
    void badCouponsLeaveTheBasketUnchanged()
    {
        QFETCH(QString, code);
        QFETCH(QString, error);
        logIn();
        QVERIFY(sale().scan(TestCache::jeansBarcode));
        const Snapshot before = snapshot();
        auto added = sale().addCoupon(code);
        QVERIFY(!added);
        QCOMPARE(added.error().code, error);
        QVERIFY(!added.error().message.isEmpty());
        QCOMPARE(snapshot(), before);
    }

    void singleUseCouponIsClaimedOnlineOnce()
    {
        logIn();
        FakeClaimer claimer;
        sale().setCouponClaimer(&claimer);
        QVERIFY(sale().scan(TestCache::jeansBarcode));
        claimer.online = false;
        QCOMPARE(sale().addCoupon(QStringLiteral("EENMALIG")).error().code,
            QStringLiteral("coupon.needs_network"));
        claimer.online = true;
        QVERIFY(sale().addCoupon(QStringLiteral("EENMALIG")));
        QCOMPARE(claimer.claimed, QStringList { QStringLiteral("EENMALIG") });
        QCOMPARE(sale().addCoupon(QStringLiteral("eenmalig")).error().code,
            QStringLiteral("coupon.duplicate"));
        QVERIFY(sale().removeCoupon(QStringLiteral("EENMALIG")));
        QCOMPARE(claimer.released, QStringList { QStringLiteral("EENMALIG") });
        // Claimed again by another sale: the server says no, the basket stays.
        const Snapshot before = snapshot();
        QCOMPARE(sale().addCoupon(QStringLiteral("EENMALIG")).error().code,
            QStringLiteral("coupon.already_used"));
        QCOMPARE(snapshot(), before);
        sale().setCouponClaimer(nullptr);
    }

    void customerNotFoundLeavesTheBasketUnchanged()
    {
        logIn();
        QVERIFY(sale().scan(TestCache::jeansBarcode));
        const Snapshot before = snapshot();
        auto scanned = sale().scan(cardNumber(QStringLiteral("999999999")));
        QVERIFY(!scanned);
        QCOMPARE(scanned.error().code, QStringLiteral("customer.not_found"));
        QCOMPARE(snapshot(), before);
        QCOMPARE(customers().findByPhone(QStringLiteral("06 9999 9999")).error().code,
            QStringLiteral("customer.not_found"));
        QCOMPARE(customers().findByEmail(QStringLiteral("nobody@example.nl")).error().code,
            QStringLiteral("customer.not_found"));
        QCOMPARE(customers().findByName(QStringLiteral("Niemand")).error().code,
            QStringLiteral("customer.not_found"));
        // Found in the cache by phone (any notation), e-mail and name.
        QCOMPARE(customers().findByPhone(QStringLiteral("06-12 34 56 78"))->first().cardNumber,
            pietCard);
        QCOMPARE(customers().findByEmail(QStringLiteral(" Piet@Example.NL "))->first().cardNumber,
            pietCard);
        QCOMPARE(customers().findByName(QStringLiteral("jansen"))->first().cardNumber, pietCard);
        QCOMPARE(snapshot(), before);
    }

    void appQrAndOnlineDirectory()
    {
        logIn();
        // The customer's app shows a QR with the card number: the same scan path.
        auto qr = sale().scan(QStringLiteral("TBCUST:") + pietCard);
        QVERIFY2(qr, qr ? "" : qPrintable(qr.error().message));
        QCOMPARE(qr->kind, Services::ScanResult::Kind::CustomerAttached);
        QCOMPARE(sale().view().customer->cardNumber, pietCard);
        sale().detachCustomer();

        // Another store's customer: not cached; offline not found, online fetched and cached.
        const QString other = cardNumber(QStringLiteral("000000777"));
        FakeDirectory directory;
        Services::DirectoryCustomer sanne;
        sanne.id = 777;
        sanne.cardNumber = other;
        sanne.name = QStringLiteral("Sanne Visser");
        sanne.phone = QStringLiteral("+31687654321");
        sanne.email = QStringLiteral("sanne@example.nl");
        sanne.tier = QStringLiteral("gold");
        sanne.pointsBalance = 7000;
        sanne.homeStoreCode = QStringLiteral("UTR02");
        sanne.lastSeenAt = m_clock.nowUtc().addDays(-20);
        directory.customers = { sanne };
        customers().setDirectory(&directory);
        directory.online = false;
        QCOMPARE(sale().scan(other).error().code, QStringLiteral("customer.not_found"));
        QCOMPARE(directory.calls, 0);
        directory.online = true;
        auto found = customers().findByPhone(QStringLiteral("06 8765 4321"));
        QVERIFY(found);
        QVERIFY(found->first().fromServer);
        QCOMPARE(directory.calls, 1);
        QVERIFY(sale().scan(other)); // from the cache now: no second server call
        QCOMPARE(directory.calls, 1);
        QCOMPARE(sale().view().customer->tier, QStringLiteral("gold"));
        QCOMPARE(sale().view().customer->points, 7000);
        customers().setDirectory(nullptr);
    }

    void enrolmentOfflineWithConsent()
    {
        logIn();
        Services::EnrolmentRequest request;
        request.name = QStringLiteral("  Zoë   Vermeulen ");
        request.email = QStringLiteral("Zoe.Vermeulen@Example.NL");
        request.phone = QStringLiteral("06 1111 2222");
        request.consentEmail = true;
        request.consentPersonalised = true;
        auto enrolled = customers().enrol(request);
        QVERIFY2(enrolled, enrolled ? "" : qPrintable(enrolled.error().message));
        QCOMPARE(enrolled->name, QStringLiteral("Zoë Vermeulen"));
        QCOMPARE(enrolled->phone, QStringLiteral("+31611112222"));
        QCOMPARE(enrolled->id, 0);
        QCOMPARE(Core::classifyScan(enrolled->cardNumber), Core::ScanKind::LoyaltyCard);

        Store::Outbox outbox(db());
        auto pending = outbox.pending(10);
        QVERIFY(pending);
        QCOMPARE(pending->size(), 1);
        QCOMPARE(pending->first().type, QStringLiteral("customer_enrolled"));
        const QJsonObject payload = QJsonDocument::fromJson(pending->first().payload).object();
        QCOMPARE(payload.value(QStringLiteral("cardNumber")).toString(), enrolled->cardNumber);
        QCOMPARE(payload.value(QStringLiteral("email")).toString(),
            QStringLiteral("zoe.vermeulen@example.nl"));
        QCOMPARE(payload.value(QStringLiteral("phone")).toString(), QStringLiteral("+31611112222"));
        QCOMPARE(payload.value(QStringLiteral("name")).toString(), QStringLiteral("Zoë Vermeulen"));
        QVERIFY(payload.value(QStringLiteral("consentEmail")).toBool());
        QVERIFY(!payload.value(QStringLiteral("consentSms")).toBool());
        QVERIFY(payload.value(QStringLiteral("consentPersonalised")).toBool());
        QCOMPARE(payload.value(QStringLiteral("enrolledAt")).toString(),
            m_clock.nowUtc().toString(Qt::ISODateWithMs));
        // Sealed in the file.
        QCOMPARE(scalar(QStringLiteral(
                     "SELECT count(*) FROM outbox WHERE payload LIKE '%zoe.vermeulen%'")),
            0);

        // Consent edit and wish list: one event each, history kept.
        QVERIFY(customers().setConsent(enrolled->cardNumber, false, true, true));
        QVERIFY(customers().addToWishlist(enrolled->cardNumber, TestCache::jeansId));
        QVERIFY(customers().removeFromWishlist(enrolled->cardNumber, TestCache::jeansId));
        pending = outbox.pending(10);
        QCOMPARE(pending->size(), 4);
        QCOMPARE(pending->at(1).type, QStringLiteral("consent_changed"));
        const QJsonObject consent = QJsonDocument::fromJson(pending->at(1).payload).object();
        QCOMPARE(consent.value(QStringLiteral("cardNumber")).toString(), enrolled->cardNumber);
        QVERIFY(consent.value(QStringLiteral("consentSms")).toBool());
        QVERIFY(!consent.value(QStringLiteral("consentEmail")).toBool());
        QCOMPARE(pending->at(2).type, QStringLiteral("wishlist_changed"));
        const QJsonObject wish = QJsonDocument::fromJson(pending->at(2).payload).object();
        QCOMPARE(wish.value(QStringLiteral("action")).toString(), QStringLiteral("add"));
        QCOMPARE(wish.value(QStringLiteral("productId")).toInteger(), TestCache::jeansId);
        QCOMPARE(wish.value(QStringLiteral("changedAt")).toString(),
            m_clock.nowUtc().toString(Qt::ISODateWithMs));
        QCOMPARE(QJsonDocument::fromJson(pending->at(3).payload)
                     .object()
                     .value(QStringLiteral("action"))
                     .toString(),
            QStringLiteral("remove"));
        auto profile = customers().profile(enrolled->cardNumber);
        QVERIFY(profile);
        QCOMPARE(profile->consentHistory.size(), 2);
        QCOMPARE(profile->consentHistory.first().source, QStringLiteral("edit"));
        QCOMPARE(profile->consentHistory.first().changedBy, QStringLiteral("Anna de Vries"));
        QVERIFY(profile->consent.sms);
        QCOMPARE(profile->wishlist.size(), 0);
    }

    void badEnrolmentsChangeNothing_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("phone");
        QTest::addColumn<QString>("card");
        QTest::addColumn<QString>("error");
        QTest::newRow("duplicate e-mail")
            << QStringLiteral("Piet Twee") << QStringLiteral("PIET@example.nl") << QString()
            << QString() << QStringLiteral("customer.duplicate");
        QTest::newRow("duplicate phone")
            << QStringLiteral("Piet Drie") << QString() << QStringLiteral("+31 6 12345678")
            << QString() << QStringLiteral("customer.duplicate");
        QTest::newRow("duplicate card")
            << QStringLiteral("Piet Vier") << QStringLiteral("vier@example.nl") << QString()
            << pietCard << QStringLiteral("customer.duplicate");
        QTest::newRow("malformed e-mail")
            << QStringLiteral("Els") << QStringLiteral("els@@x") << QString() << QString()
            << QStringLiteral("customer.email");
        QTest::newRow("e-mail without domain dot")
            << QStringLiteral("Els") << QStringLiteral("els@localhost") << QString() << QString()
            << QStringLiteral("customer.email");
        QTest::newRow("malformed phone")
            << QStringLiteral("Els") << QString() << QStringLiteral("06 12") << QString()
            << QStringLiteral("customer.phone");
        QTest::newRow("letters in phone")
            << QStringLiteral("Els") << QString() << QStringLiteral("06-abcdefgh") << QString()
            << QStringLiteral("customer.phone");
        QTest::newRow("no name") << QStringLiteral("   ") << QStringLiteral("els@example.nl")
                                 << QString() << QString() << QStringLiteral("customer.name");
        QTest::newRow("not a card")
            << QStringLiteral("Els") << QStringLiteral("els@example.nl") << QString()
            << TestCache::jeansBarcode << QStringLiteral("customer.card");
    }
    void badEnrolmentsChangeNothing()
    {
        QFETCH(QString, name);
        QFETCH(QString, email);
        QFETCH(QString, phone);
        QFETCH(QString, card);
        QFETCH(QString, error);
        logIn();
        const Snapshot before = snapshot();
        Services::EnrolmentRequest request;
        request.name = name;
        request.email = email;
        request.phone = phone;
        request.cardNumber = card;
        auto enrolled = customers().enrol(request);
        QVERIFY(!enrolled);
        QCOMPARE(enrolled.error().code, error);
        QVERIFY(!enrolled.error().message.isEmpty());
        QCOMPARE(snapshot(), before);
    }

    void manualDiscountBeyondTheLimitNeedsApproval()
    {
        logIn();
        auto jeans = sale().scan(TestCache::jeansBarcode);
        QVERIFY(jeans);
        // Within a cashier's limit (10 %, € 20): applied at once, no approval.
        auto small = sale().setManualDiscount(jeans->lineId, {}, 500, QStringLiteral("Vlekje"));
        QVERIFY(small);
        QVERIFY(small->applied());
        QCOMPARE(sale().view().lines.first().lineTotal, Money::fromCents(8995 - 450));
        QVERIFY(sale().removeManualDiscount(jeans->lineId));

        const Snapshot before = snapshot();
        auto big = sale().setManualDiscount(jeans->lineId, {}, 3000, QStringLiteral("Kapot"));
        QVERIFY(big);
        QCOMPARE(big->state, ChangeOutcome::State::NeedsApproval);
        QCOMPARE(big->approval.amount, Money::fromCents(2699));
        QCOMPARE(snapshot(), before);

        // An approval for less than asked, or for another line, does not do.
        Core::Authorisation tooSmall;
        tooSmall.permission = Core::Permission::ApproveManualDiscount;
        tooSmall.requestedBy = TestCache::cashierId;
        tooSmall.approvedBy = TestCache::managerId;
        tooSmall.lineId = jeans->lineId;
        tooSmall.amount = Money::fromCents(2000);
        QCOMPARE(sale()
                     .setManualDiscount(jeans->lineId, {}, 3000, QStringLiteral("Kapot"), tooSmall)
                     .error()
                     .code,
            QStringLiteral("approval.mismatch"));
        QCOMPARE(snapshot(), before);
        // More than the line, and nonsense, are refused.
        QCOMPARE(
            sale().setManualDiscount(jeans->lineId, Money::fromCents(9000), 0, {}).error().code,
            QStringLiteral("discount.invalid"));
        QCOMPARE(sale().setManualDiscount(jeans->lineId, {}, 0, {}).error().code,
            QStringLiteral("discount.invalid"));
        QCOMPARE(sale().setManualDiscount(QStringLiteral("L99"), {}, 100, {}).error().code,
            QStringLiteral("basket.no_line"));
        QCOMPARE(snapshot(), before);

        // A price change always needs a manager for a cashier.
        auto price
            = sale().changePrice(jeans->lineId, Money::fromCents(7995), QStringLiteral("Oud"));
        QVERIFY(price);
        QCOMPARE(price->state, ChangeOutcome::State::NeedsApproval);
        QCOMPARE(price->approval.permission, Core::Permission::ChangePrice);
        QCOMPARE(price->approval.amount, Money::fromCents(1000));
        QCOMPARE(snapshot(), before);
    }

    void wrongManagerPinCountsTowardThatManagersLockOut()
    {
        logIn();
        auto jeans = sale().scan(TestCache::jeansBarcode);
        QVERIFY(jeans);
        const Snapshot before = snapshot();
        const Services::OverrideSubject what { jeans->lineId, Money::fromCents(3000), {} };
        auto wrong = overrides().approve(TestCache::managerId, QStringLiteral("9999"),
            Core::Permission::ApproveManualDiscount, what, QStringLiteral("Kapot"));
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().code, QStringLiteral("login.wrong_pin"));
        QCOMPARE(scalar(QStringLiteral("SELECT failed_attempts FROM staff WHERE id = 11")), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT failed_attempts FROM staff WHERE id = 10")), 0);
        QCOMPARE(snapshot(), before); // no journal entry either
        // The lock follows the throttle: enough wrong PINs lock that manager.
        QString last;
        for (int i = 0; i < 10 && last != QLatin1String("login.locked"); ++i) {
            last = overrides()
                       .approve(TestCache::managerId, QStringLiteral("9999"),
                           Core::Permission::ApproveManualDiscount, what, QStringLiteral("x"))
                       .error()
                       .code;
        }
        QCOMPARE(last, QStringLiteral("login.locked"));
        QCOMPARE(overrides()
                     .approve(TestCache::managerId, QStringLiteral("3333"),
                         Core::Permission::ApproveManualDiscount, what, QStringLiteral("x"))
                     .error()
                     .code,
            QStringLiteral("login.locked"));
        // The cashier who asked is not locked.
        QVERIFY(m_terminal->session().isLoggedIn());
        QCOMPARE(snapshot(), before);
    }

    void aCashierCannotApprove()
    {
        // The manager asks (e.g. for a no-sale drawer); the cashier's tile is refused by role,
        // before any PIN is checked or counted.
        logIn(TestCache::managerId, QStringLiteral("3333"));
        const Snapshot before = snapshot();
        auto byCashier = overrides().approve(TestCache::cashierId, QStringLiteral("1111"),
            Core::Permission::ApproveManualDiscount, {}, QStringLiteral("Kapot"));
        QVERIFY(!byCashier);
        QCOMPARE(byCashier.error().code, QStringLiteral("override.not_allowed"));
        QCOMPARE(scalar(QStringLiteral("SELECT failed_attempts FROM staff WHERE id = 10")), 0);
        QCOMPARE(overrides()
                     .approve(TestCache::managerId, QStringLiteral("3333"),
                         Core::Permission::ApproveManualDiscount, {}, QStringLiteral("x"))
                     .error()
                     .code,
            QStringLiteral("override.self"));
        QCOMPARE(overrides()
                     .approve(12, QStringLiteral("2222"), Core::Permission::ApproveManualDiscount,
                         {}, QStringLiteral("x"))
                     .error()
                     .code,
            QStringLiteral("override.wrong_store"));
        auto tiles = overrides().approvers(Core::Permission::ChangePrice);
        QVERIFY(tiles);
        QCOMPARE(tiles->size(), 1);
        QCOMPARE(tiles->first().initials, QStringLiteral("MY"));
        QCOMPARE(snapshot(), before);
        // A manager's own discount needs nobody.
        auto jeans = sale().scan(TestCache::jeansBarcode);
        auto own = sale().setManualDiscount(jeans->lineId, Money::fromCents(5000), 0, {});
        QVERIFY(own);
        QVERIFY(own->applied());
        // Permissions come from Core::allows.
        QVERIFY(m_terminal->session().require(Core::Permission::ChangePrice));
        m_terminal->session().logOut();
        logIn();
        QCOMPARE(m_terminal->session().require(Core::Permission::ChangeSettings).error().code,
            QStringLiteral("permission.denied"));
    }

    void parkedBasketKeepsAdjustments()
    {
        logIn();
        QVERIFY(sale().attachCustomer(pietCard));
        for (int i = 0; i < 3; ++i)
            QVERIFY(sale().scan(TestCache::socksBarcode));
        auto jeans = sale().scan(TestCache::jeansBarcode);
        QVERIFY(sale().addCoupon(QStringLiteral("WELKOM10")));
        auto asked = sale().setManualDiscount(
            jeans->lineId, Money::fromCents(2500), 0, QStringLiteral("Vlek"));
        auto approval = overrides().approve(TestCache::managerId, QStringLiteral("3333"),
            asked->approval.permission, { jeans->lineId, asked->approval.amount, {} },
            QStringLiteral("Vlek"));
        QVERIFY(approval);
        QVERIFY(sale().setManualDiscount(
            jeans->lineId, Money::fromCents(2500), 0, QStringLiteral("Vlek"), *approval));
        const Core::Sale before = sale().currentSale().value();
        const Services::BasketView viewBefore = sale().view();

        QVERIFY(sale().park(QStringLiteral("Piet")));
        QVERIFY(sale().isEmpty());
        QVERIFY(!sale().view().customer);
        auto parked = sale().listParked();
        QVERIFY(parked);
        QCOMPARE(parked->size(), 1);
        QCOMPARE(parked->first().itemCount, 4);
        // The parked form is versioned and carries no personal data.
        auto raw = Store::ParkedBaskets(db()).list();
        const QJsonObject json = QJsonDocument::fromJson(raw->first().basketJson).object();
        QCOMPARE(json.value(QStringLiteral("version")).toInt(), 2);
        QVERIFY(!raw->first().basketJson.contains("Piet Jansen"));

        QVERIFY(sale().resume(parked->first().id));
        const Core::Sale after = sale().currentSale().value();
        QCOMPARE(after.lines.size(), before.lines.size());
        for (int i = 0; i < before.lines.size(); ++i) {
            QCOMPARE(after.lines.at(i).lineId, before.lines.at(i).lineId);
            QCOMPARE(after.lines.at(i).quantity, before.lines.at(i).quantity);
            QCOMPARE(after.lines.at(i).adjustments, before.lines.at(i).adjustments);
        }
        QCOMPARE(after.total, before.total);
        QCOMPARE(after.authorisations.size(), 1);
        QCOMPARE(after.customer->code, pietCard);
        QCOMPARE(sale().view().customer->name, QStringLiteral("Piet Jansen"));
        QCOMPARE(sale().view().couponCodes, viewBefore.couponCodes);
        // A new line continues the ids.
        auto more = sale().scan(TestCache::appleJuiceBarcode);
        QCOMPARE(more->lineId, QStringLiteral("L3"));
    }

    void v1ParkedBasketStillResumes()
    {
        logIn();
        const QByteArray v1
            = R"({"lines":[{"productId":103,"sku":"SOCK-BAMBOO-3P","name":"Bamboo socks 3-pack","unitPriceCents":499,"regularPriceCents":499,"quantity":3,"vatClass":"standard","lineDiscountCents":0}]})";
        auto id = Store::ParkedBaskets(db()).park(
            TestCache::cashierId, QStringLiteral("old"), v1, m_clock.nowUtc());
        QVERIFY(id);
        QVERIFY(sale().resume(id.value()));
        QCOMPARE(sale().view().lines.size(), 1);
        QCOMPARE(sale().view().lines.first().lineId, QStringLiteral("L1"));
        // Promotions apply to it now: 3 for 2.
        QCOMPARE(sale().view().total, Money::fromCents(998));
        QCOMPARE(sale().view().lines.first().adjustments.size(), 1);
    }

    void promotionsAreLoadedOncePerChange()
    {
        logIn();
        QVERIFY(sale().scan(TestCache::socksBarcode));
        // Not loaded: the expired coupon and Utrecht's.
        QCOMPARE(sale().rules().promotions.size(), 4);
        Core::Promotion extra
            = promotion(QStringLiteral("PR-JUICE"), Core::PromotionKind::FixedPrice,
                Core::PromotionTarget::Item, { QStringLiteral("APL-JUICE-1L") });
        extra.amount = Money::fromCents(150);
        QVERIFY(Store::PromotionStore(db()).upsert(extra));
        QVERIFY(sale().scan(TestCache::appleJuiceBarcode));
        QCOMPARE(sale().rules().promotions.size(), 5);
        QCOMPARE(sale().view().lines.at(1).lineTotal, Money::fromCents(150));
    }
};

QTEST_GUILESS_MAIN(TestSaleService)
#include "tst_saleservice.moc"
