// The shift events through the real toonbank-server (docs/STOREOPS.md "Shifts and cash"):
// a shift opened, sold in (cash and card), cash moved in and out and closed in one push is
// applied once (a replay is duplicate); the same over separate pushes with every refusal —
// a second open shift for the drawer, a cash out beyond the drawer, cash moved by a cashier, a
// no-sale without or with the wrong approval, an unknown or another store's shift, a wrong
// expected amount, a Z number out of sequence, a second close — each changing nothing; and a
// training sale that moves no stock, points or shift cash. SQLite, and PostgreSQL when
// registered with TOONBANK_TEST_BACKEND=postgresql.
#include "storeopskit.h"

#include "app/core/loyalty.h"
#include "app/core/returns.h"
#include "app/core/sale.h"

#include <QtTest>

using namespace Toonbank;
using namespace Toonbank::Tests;
using namespace Toonbank::Tests::StoreOps;
using Core::CashMovementKind;
using Core::Money;

namespace {

constexpr qint64 cashier = 7; // AMS01
constexpr qint64 otherSupervisor = 8; // UTR01
constexpr qint64 manager = 9; // AMS01
constexpr qint64 supervisor = 10; // AMS01
const QString evaCard = QStringLiteral("2990000000011");

} // namespace

class TestShiftHandler final : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_server;
    Client m_client { m_server };
    Device m_ams { QStringLiteral("AMS01"), cashier, {}, {}, 1 };
    Device m_utr { QStringLiteral("UTR01"), otherSupervisor, {}, {}, 1 };

    qint64 sql(const QString &statement, const QVariantList &params = {})
    {
        return m_server.scalar(statement, params);
    }

    // Everything a refused shift event could have changed.
    QString snapshot()
    {
        return m_server.text(QStringLiteral(
            "SELECT shift_id || ':' || state || ':' || z_number || ':' || expected_cents FROM "
            "shifts UNION ALL SELECT movement_id || ':' || shift_id FROM cash_movements UNION ALL "
            "SELECT 'events:' || COUNT(*) FROM events WHERE status = 'applied'"));
    }

    // Pushes `events`; the last is refused with `code` and nothing changes.
    void expectRefused(Device &device, const QList<Event> &events, const QString &code)
    {
        const QString before = snapshot();
        QCOMPARE(m_client.rejectedCode(device, events), code);
        QCOMPARE(snapshot(), before);
    }

    QString shiftRow(const QString &shiftId)
    {
        return m_server.text(
            QStringLiteral("SELECT state || ' z' || z_number || ' float ' || opening_float_cents "
                           "|| ' expected ' || expected_cents || ' counted ' || counted_cents || "
                           "' variance ' || variance_cents FROM shifts WHERE shift_id = ?"),
            { shiftId });
    }

    // One unit of line L1 (product 5, € 10.00) of `sold` back in cash at AMS01.
    Core::Return oneUnitBack(
        const Core::Sale &sold, const QString &receipt, const QString &shiftId, bool training)
    {
        Core::Return back;
        back.returnId = newId();
        back.receiptNumber = receipt;
        back.storeCode = m_ams.store;
        back.returnedAt = QDateTime::currentDateTimeUtc();
        back.staffId = cashier;
        back.origin = Core::ReturnOrigin::StoreSale;
        back.originNumber = sold.receiptNumber;
        back.originSaleId = sold.saleId;
        back.shiftId = shiftId;
        back.training = training;
        Core::ReturnLine returned;
        returned.lineId = QStringLiteral("R1");
        returned.originalLineId = QStringLiteral("L1");
        returned.productId = 5;
        returned.sku = QStringLiteral("SKU5");
        returned.name = QStringLiteral("Product 5");
        returned.vatBasisPoints = 2100;
        returned.quantity = 1;
        returned.refund = Money::fromCents(1000);
        back.lines = { returned };
        back.goods = back.total = returned.refund;
        Core::Refund cashBack;
        cashBack.method = Core::RefundMethod::Cash;
        cashBack.amount = returned.refund;
        back.refunds = { cashBack };
        back.vat = Core::returnVat(back.lines);
        return back;
    }

    qint64 stock(qint64 productId)
    {
        return sql(
            QStringLiteral("SELECT quantity FROM stock WHERE product_id = ? AND location_id = 1"),
            { productId });
    }

private slots:
    void initTestCase()
    {
        if (ServerFixture::wantsPostgres() && qEnvironmentVariableIsEmpty("TOONBANK_TEST_PG_URL"))
            QSKIP("TOONBANK_TEST_PG_URL is not set (tests/run.sh sets it)");
        QVERIFY(m_server.seed(6));
        QVERIFY(m_server.admin({ QStringLiteral("import"), QStringLiteral("staff"),
            m_client.writeFile(QStringLiteral("more-staff.csv"),
                "id,code,displayName,role,homeLocationCode,pin\n9,E9,Mia,manager,AMS01,4321\n"
                "10,E10,Sam,supervisor,AMS01,8765\n") }));
        QVERIFY(m_server.admin({ QStringLiteral("import"), QStringLiteral("customers"),
            m_client.writeFile(QStringLiteral("customers.csv"),
                "id,code,name,email,phone,loyaltyPoints,tier,homeStoreCode\n"
                "1,2990000000011,Eva de Vries,eva@example.nl,,500,basic,AMS01\n") }));
        QVERIFY(m_server.start());
        QVERIFY(m_client.enrol(m_ams));
        QVERIFY(m_client.enrol(m_utr));
    }

    void wholeShiftInOnePushIsAppliedOnce()
    {
        const Core::Shift open = shift(
            m_ams.store, QStringLiteral("T1"), cashier, count({ { 5000, 2 } })); // € 100.00 float
        const Core::Sale cashSale = sale(m_ams.store, cashier, open.shiftId, 1, 2, true);
        const Core::Sale cardSale = sale(m_ams.store, cashier, open.shiftId, 2, 1, false);
        const Core::CashMovement in = move(CashMovementKind::CashIn, 5000, supervisor);
        const Core::CashMovement out = move(CashMovementKind::CashOut, 3000, supervisor);
        // 100 + 20 (cash sale) + 50 − 30 = 140.00
        const auto closed = close(open, cashier, count({ { 5000, 2 }, { 2000, 2 } }), 14000, 1);
        const qint64 stockBefore = stock(1);
        QByteArray body;
        QVERIFY(m_client.pushApplied(m_ams,
            { openEvent(open), saleEvent(cashSale), saleEvent(cardSale),
                moveEvent(open.shiftId, in), moveEvent(open.shiftId, out), closeEvent(closed) },
            &body));

        auto checkOnce = [&] {
            QCOMPARE(shiftRow(open.shiftId),
                QStringLiteral("closed z1 float 10000 expected 14000 counted 14000 variance 0"));
            QCOMPARE(sql(QStringLiteral("SELECT COUNT(*) FROM sales WHERE shift_id = ?"),
                         { open.shiftId }),
                2);
            QCOMPARE(sql(QStringLiteral("SELECT COUNT(*) FROM cash_movements WHERE shift_id = ?"),
                         { open.shiftId }),
                2);
            QCOMPARE(sql(QStringLiteral("SELECT COUNT(*) FROM shifts WHERE shift_id = ? AND "
                                        "close_event_id <> ''"),
                         { open.shiftId }),
                1);
            QCOMPARE(stock(1), stockBefore - 2);
        };
        checkOnce();

        // The same push again (its answer was lost): every event duplicate, nothing twice.
        const HttpAnswer again = m_client.send(m_ams, body);
        QCOMPARE(again.status, 200);
        QCOMPARE(Client::outcomes(again), QStringList(6, QStringLiteral("duplicate")));
        checkOnce();
    }

    void refusalsChangeNothing()
    {
        const QString drawer = QStringLiteral("T2");
        const Core::Shift open
            = shift(m_ams.store, drawer, cashier, count({ { 2000, 2 }, { 1000, 1 } })); // 50.00
        QVERIFY(m_client.pushApplied(m_ams, { openEvent(open) }));
        QCOMPARE(shiftRow(open.shiftId),
            QStringLiteral("open z0 float 5000 expected 0 counted 0 variance 0"));

        // One open shift per drawer.
        expectRefused(m_ams, { openEvent(shift(m_ams.store, drawer, cashier, {})) },
            QStringLiteral("shift.already_open"));

        QVERIFY(m_client.pushApplied(
            m_ams, { saleEvent(sale(m_ams.store, cashier, open.shiftId, 3, 1, true)) }));
        // The drawer holds 60.00 now.
        expectRefused(m_ams,
            { moveEvent(open.shiftId, move(CashMovementKind::CashOut, 6001, supervisor)) },
            QStringLiteral("shift.cash_out_exceeds"));
        QVERIFY(m_client.pushApplied(
            m_ams, { moveEvent(open.shiftId, move(CashMovementKind::CashOut, 2000, supervisor)) }));
        // 40.00 left. A cashier may not move cash.
        expectRefused(m_ams,
            { moveEvent(open.shiftId, move(CashMovementKind::CashIn, 1000, cashier)) },
            QStringLiteral("permission.denied"));
        // No-sales: without an approval, by a supervisor, by another store's staff.
        expectRefused(m_ams,
            { moveEvent(open.shiftId, move(CashMovementKind::NoSale, 0, cashier)) },
            QStringLiteral("approval.missing"));
        Core::CashMovement noSale = move(CashMovementKind::NoSale, 0, cashier);
        noSale.approval = noSaleApproval(cashier, supervisor);
        expectRefused(m_ams, { moveEvent(open.shiftId, noSale) }, QStringLiteral("approval.role"));
        noSale.approval = noSaleApproval(cashier, otherSupervisor);
        expectRefused(m_ams, { moveEvent(open.shiftId, noSale) }, QStringLiteral("approval.role"));
        noSale.approval = noSaleApproval(cashier, manager);
        QVERIFY(m_client.pushApplied(m_ams, { moveEvent(open.shiftId, noSale) }));
        QCOMPARE(sql(QStringLiteral("SELECT approved_by FROM cash_movements WHERE movement_id = "
                                    "? AND kind = 'no_sale' AND amount_cents = 0"),
                     { noSale.movementId }),
            manager);
        // An unknown shift, and this shift from another store's device.
        expectRefused(m_ams,
            { moveEvent(newId(), move(CashMovementKind::CashIn, 1000, supervisor)) },
            QStringLiteral("shift.not_open"));
        expectRefused(m_utr,
            { moveEvent(open.shiftId, move(CashMovementKind::CashIn, 1000, otherSupervisor)) },
            QStringLiteral("shift.not_open"));

        // The close: 40.00 expected.
        const Core::CashCount counted = count({ { 2000, 2 } });
        expectRefused(m_ams, { closeEvent(close(open, cashier, counted, 4100, 1)) },
            QStringLiteral("shift.expected"));
        expectRefused(m_ams, { closeEvent(close(open, cashier, counted, 4000, 2)) },
            QStringLiteral("shift.z_number"));
        QVERIFY(
            m_client.pushApplied(m_ams, { closeEvent(close(open, cashier, counted, 4000, 1)) }));
        QCOMPARE(shiftRow(open.shiftId),
            QStringLiteral("closed z1 float 5000 expected 4000 counted 4000 variance 0"));
        // Closing twice, moving cash after the close.
        expectRefused(m_ams, { closeEvent(close(open, cashier, counted, 4000, 2)) },
            QStringLiteral("shift.not_open"));
        expectRefused(m_ams,
            { moveEvent(open.shiftId, move(CashMovementKind::CashIn, 1000, supervisor)) },
            QStringLiteral("shift.not_open"));
        // A sale in the closed shift, in an unknown shift, in another store's shift.
        expectRefused(m_ams, { saleEvent(sale(m_ams.store, cashier, open.shiftId, 3, 1, true)) },
            QStringLiteral("shift.not_open"));
        expectRefused(m_ams, { saleEvent(sale(m_ams.store, cashier, newId(), 3, 1, true)) },
            QStringLiteral("shift.not_open"));

        // The drawer's next shift: Z numbers go on without gaps; a short count is a variance.
        const Core::Shift next = shift(m_ams.store, drawer, cashier, count({ { 2000, 2 } }));
        QVERIFY(m_client.pushApplied(m_ams, { openEvent(next) }));
        const Core::CashCount short_ = count({ { 2000, 1 }, { 1000, 1 }, { 500, 1 } });
        expectRefused(m_ams, { closeEvent(close(next, cashier, short_, 4000, 1)) },
            QStringLiteral("shift.z_number"));
        QVERIFY(m_client.pushApplied(m_ams, { closeEvent(close(next, cashier, short_, 4000, 2)) }));
        QCOMPARE(shiftRow(next.shiftId),
            QStringLiteral("closed z2 float 4000 expected 4000 counted 3500 variance -500"));
    }

    void batchCountsItsOwnEarlierEvents()
    {
        // An empty float, a cash sale of 30.00 and a cash out of 40.00 in one push: the whole
        // push is refused (the cash out), nothing of it stored.
        const Core::Shift open = shift(m_ams.store, QStringLiteral("T3"), cashier, {});
        const Core::Sale cashSale = sale(m_ams.store, cashier, open.shiftId, 4, 3, true);
        const QString before = snapshot();
        const HttpAnswer answer = m_client.send(m_ams,
            m_client.pushBody(m_ams,
                { openEvent(open), saleEvent(cashSale),
                    moveEvent(open.shiftId, move(CashMovementKind::CashOut, 4000, supervisor)) }));
        QCOMPARE(answer.status, 422);
        QCOMPARE(Client::outcomes(answer),
            QStringList({ QStringLiteral("not_applied"), QStringLiteral("not_applied"),
                QStringLiteral("rejected") }));
        QCOMPARE(Client::result(answer, 2).value(QStringLiteral("code")).toString(),
            QStringLiteral("shift.cash_out_exceeds"));
        QCOMPARE(snapshot(), before);
        QCOMPARE(sql(QStringLiteral("SELECT COUNT(*) FROM sales WHERE sale_id = ?"),
                     { cashSale.saleId }),
            0);

        // Sent again with a cash out the drawer holds: the open, the sale, the cash out, a
        // second open of the drawer (refused: the first is open in the same push).
        QVERIFY(m_client.pushApplied(m_ams,
            { openEvent(open), saleEvent(cashSale),
                moveEvent(open.shiftId, move(CashMovementKind::CashOut, 3000, supervisor)),
                closeEvent(close(open, cashier, {}, 0, 1)),
                openEvent(shift(m_ams.store, QStringLiteral("T3"), cashier, {})) }));
        QCOMPARE(shiftRow(open.shiftId),
            QStringLiteral("closed z1 float 0 expected 0 counted 0 variance 0"));
        QCOMPARE(sql(QStringLiteral(
                     "SELECT COUNT(*) FROM shifts WHERE drawer_id = 'T3' AND state = 'open'")),
            1);
        const Core::Shift third = shift(m_ams.store, QStringLiteral("T3"), cashier, {});
        QCOMPARE(m_client.rejectedCode(m_ams, { openEvent(third) }),
            QStringLiteral("shift.already_open"));
    }

    void trainingSaleMovesNoStockPointsOrCash()
    {
        const Core::Shift open = shift(m_ams.store, QStringLiteral("T4"), cashier, {});
        QVERIFY(m_client.pushApplied(m_ams, { openEvent(open) }));

        // 3 × product 5 for Eva, in training, paid 30.00 cash.
        Core::DraftLine line;
        line.lineId = QStringLiteral("L1");
        line.productId = 5;
        line.sku = QStringLiteral("SKU5");
        line.name = QStringLiteral("Product 5");
        line.brand = QStringLiteral("Brand");
        line.quantity = 3;
        line.unitPrice = Money::fromCents(1000);
        line.regularPrice = line.unitPrice;
        Core::SaleRules rules;
        rules.vatTable = Core::VatTable::builtIn();
        rules.country = QStringLiteral("NL");
        rules.storeCode = m_ams.store;
        rules.loyalty = Core::LoyaltyRules::defaults();
        Core::SaleContext context;
        context.soldAt = QDateTime::currentDateTimeUtc();
        context.customer = Core::SaleCustomer { 1, evaCard, QStringLiteral("basic") };
        auto built = Core::buildSale({ line }, rules, context);
        QVERIFY2(built, qPrintable(built ? QString() : built.error().detail));
        Core::Sale training = built.value();
        training.saleId = newId();
        training.receiptNumber = QStringLiteral("AMS01-T4-000001");
        training.staffId = cashier;
        training.training = true;
        training.shiftId = open.shiftId;
        Core::Tender cash;
        cash.method = Core::TenderMethod::Cash;
        cash.amount = training.total;
        cash.tendered = training.total;
        training.tenders = { cash };
        training.pointsEarned = Core::pointsEarned(training, Core::LoyaltyRules::defaults());

        // Paying a training sale with a gift card is refused.
        Core::Sale withGiftCard = training;
        withGiftCard.saleId = newId();
        Core::Tender giftCard;
        giftCard.method = Core::TenderMethod::GiftCard;
        giftCard.amount = training.total;
        giftCard.reference = QStringLiteral("6036990000001001");
        giftCard.claimId = newId();
        withGiftCard.tenders = { giftCard };
        expectRefused(m_ams, { saleEvent(withGiftCard) }, QStringLiteral("training.not_allowed"));

        const qint64 stockBefore = stock(5);
        const qint64 ledgerBefore = sql(QStringLiteral("SELECT COUNT(*) FROM loyalty_ledger"));
        const qint64 pointsBefore
            = sql(QStringLiteral("SELECT points_balance FROM customers WHERE id = 1"));
        QVERIFY(m_client.pushApplied(m_ams, { saleEvent(training) }));
        QCOMPARE(
            sql(QStringLiteral("SELECT training FROM sales WHERE sale_id = ? AND shift_id = ?"),
                { training.saleId, open.shiftId }),
            1);
        QCOMPARE(stock(5), stockBefore);
        QCOMPARE(sql(QStringLiteral("SELECT COUNT(*) FROM loyalty_ledger")), ledgerBefore);
        QCOMPARE(
            sql(QStringLiteral("SELECT points_balance FROM customers WHERE id = 1")), pointsBefore);

        // A real return of the training sale would hand out money for nothing: refused.
        const Core::Return back
            = oneUnitBack(training, QStringLiteral("AMS01-T4-R000001"), open.shiftId, false);
        expectRefused(m_ams, { returnEvent(back) }, QStringLiteral("return.training_sale"));
        QCOMPARE(stock(5), stockBefore);

        // Its cash never reached the drawer: expected stays 0.
        expectRefused(m_ams, { closeEvent(close(open, cashier, count({ { 1000, 3 } }), 3000, 1)) },
            QStringLiteral("shift.expected"));
        QVERIFY(m_client.pushApplied(m_ams, { closeEvent(close(open, cashier, {}, 0, 1)) }));
    }

    // A training return of a real sale of another store claims nothing (the tablet asks no
    // claim in training): the server stores it, and it takes nothing from what the customer
    // can still return, moves no stock and no money.
    void trainingReturnWithoutClaimTakesNothing()
    {
        const Core::Sale real = sale(m_utr.store, otherSupervisor, QString(), 5, 2, true);
        QVERIFY(m_client.pushApplied(m_utr, { saleEvent(real) }));

        const qint64 stockBefore = stock(5);
        const Core::Return practice
            = oneUnitBack(real, QStringLiteral("AMS01-T4-R000077"), QString(), true);
        QVERIFY(m_client.pushApplied(m_ams, { returnEvent(practice) }));

        QCOMPARE(sql(QStringLiteral("SELECT training FROM returns WHERE return_id = ?"),
                     { practice.returnId }),
            1);
        QCOMPARE(sql(QStringLiteral("SELECT SUM(returned_quantity) FROM sale_lines WHERE "
                                    "sale_id = ?"),
                     { real.saleId }),
            0);
        QCOMPARE(sql(QStringLiteral("SELECT SUM(refunded_cents) FROM sale_tenders WHERE "
                                    "sale_id = ?"),
                     { real.saleId }),
            0);
        QCOMPARE(sql(QStringLiteral("SELECT COUNT(*) FROM return_conflicts WHERE return_id = ?"),
                     { practice.returnId }),
            0);
        QCOMPARE(stock(5), stockBefore);

        // The same return, real, without a claim: refused (another store's sale needs one).
        Core::Return real2 = practice;
        real2.returnId = newId();
        real2.receiptNumber = QStringLiteral("AMS01-T4-R000078");
        real2.training = false;
        expectRefused(m_ams, { returnEvent(real2) }, QStringLiteral("return.claim_missing"));
    }

    void cleanupTestCase() { m_server.kill(); }
};

QTEST_GUILESS_MAIN(TestShiftHandler)
#include "tst_shifthandler.moc"
