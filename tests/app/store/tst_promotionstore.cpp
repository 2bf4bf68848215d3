// Promotions in the cache: every Core::Promotion field survives the round trip, upsert
// replaces, remove removes, activeAt/activeOn judge dates (store local time) and stores, the
// coupon lookup ignores case, and the generation moves with every change.
#include "app/store/feedcursors.h"
#include "app/store/localdatabase.h"
#include "app/store/promotionstore.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace Toonbank;

class TestPromotionStore final : public QObject
{
    Q_OBJECT
private slots:
    void roundTripAndQueries()
    {
        QTemporaryDir dir;
        auto db = Store::LocalDatabase::open(dir.filePath(QStringLiteral("p.sqlite")));
        QVERIFY(db);
        Store::PromotionStore store(*db.value());
        QCOMPARE(store.generation().value(), 0);

        Core::Promotion p;
        p.id = QStringLiteral("PR-2026-114");
        p.label = QStringLiteral("3 voor 2 sokken");
        p.kind = Core::PromotionKind::BuyNPayM;
        p.target = Core::PromotionTarget::Category;
        p.targetKeys = { QStringLiteral("Socks"), QStringLiteral("Tights") };
        p.percentBasisPoints = 0;
        p.amount = Core::Money::fromCents(123);
        p.threshold = Core::Money::fromCents(5000);
        p.buyQuantity = 3;
        p.payQuantity = 2;
        p.validFrom = QDateTime(QDate(2026, 11, 1), QTime(0, 0));
        p.validUntil = QDateTime(QDate(2026, 11, 30), QTime(23, 59, 59));
        p.storeCodes = { QStringLiteral("AMS01") };
        p.exclusive = true;
        p.priority = 7;
        p.couponCode = QStringLiteral("Sok3");
        p.singleUse = true;
        p.customerId = 501;
        p.tier = QStringLiteral("gold");
        p.version = 9001;
        QVERIFY(store.upsert(p));
        QCOMPARE(store.generation().value(), 1);

        auto all = store.all();
        QVERIFY(all);
        QCOMPARE(all->size(), 1);
        const Core::Promotion &back = all->first();
        QCOMPARE(back.id, p.id);
        QCOMPARE(back.label, p.label);
        QCOMPARE(back.kind, p.kind);
        QCOMPARE(back.target, p.target);
        QCOMPARE(back.targetKeys, p.targetKeys);
        QCOMPARE(back.amount, p.amount);
        QCOMPARE(back.threshold, p.threshold);
        QCOMPARE(back.buyQuantity, 3);
        QCOMPARE(back.payQuantity, 2);
        QCOMPARE(back.validFrom, p.validFrom);
        QCOMPARE(back.validUntil, p.validUntil);
        QCOMPARE(back.storeCodes, p.storeCodes);
        QVERIFY(back.exclusive);
        QCOMPARE(back.priority, 7);
        QCOMPARE(back.couponCode, p.couponCode);
        QVERIFY(back.singleUse);
        QCOMPARE(back.customerId, 501);
        QCOMPARE(back.tier, p.tier);
        QCOMPARE(back.version, 9001);

        const QDateTime inside(QDate(2026, 11, 15), QTime(12, 0));
        QCOMPARE(store.activeAt(inside, QStringLiteral("AMS01"))->size(), 1);
        QCOMPARE(store.activeAt(inside, QStringLiteral("UTR02"))->size(), 0);
        QCOMPARE(
            store.activeAt(QDateTime(QDate(2026, 12, 1), QTime(0, 0)), QStringLiteral("AMS01"))
                ->size(),
            0);
        QCOMPARE(store
                     .activeAt(
                         QDateTime(QDate(2026, 11, 30), QTime(23, 59, 59)), QStringLiteral("AMS01"))
                     ->size(),
            1);
        QCOMPARE(store.activeOn(QDate(2026, 11, 30), QStringLiteral("AMS01"))->size(), 1);
        QCOMPARE(store.activeOn(QDate(2026, 10, 31), QStringLiteral("AMS01"))->size(), 0);
        QCOMPARE(store.withCoupon(QStringLiteral(" SOK3 "))->size(), 1);
        QCOMPARE(store.withCoupon(QStringLiteral("SOK4"))->size(), 0);

        // Upsert replaces; the writes join an open transaction with the feed cursor.
        p.label = QStringLiteral("3 voor 2");
        p.validUntil = {};
        QVERIFY(db.value()->transaction([&]() -> Core::Status {
            if (auto done = store.upsert(p); !done)
                return done;
            return Store::FeedCursors(*db.value()).setCursor(QStringLiteral("promotions"), 77);
        }));
        QCOMPARE(store.all()->first().label, QStringLiteral("3 voor 2"));
        QVERIFY(!store.all()->first().validUntil.isValid());
        QCOMPARE(store.activeAt(QDateTime(QDate(2030, 1, 1), QTime(0, 0)), QStringLiteral("AMS01"))
                     ->size(),
            1);
        QCOMPARE(Store::FeedCursors(*db.value()).cursor(QStringLiteral("promotions")).value(), 77);
        QCOMPARE(store.generation().value(), 2);
        QVERIFY(store.remove(p.id));
        QVERIFY(store.remove(QStringLiteral("unknown")));
        QCOMPARE(store.all()->size(), 0);
        QCOMPARE(store.generation().value(), 4);
        QCOMPARE(Store::FeedCursors(*db.value()).setCursor(QStringLiteral("x"), -1).error().code,
            QStringLiteral("feed.bad_cursor"));
    }
};

QTEST_GUILESS_MAIN(TestPromotionStore)
#include "tst_promotionstore.moc"
