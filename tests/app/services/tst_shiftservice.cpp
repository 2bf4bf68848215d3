// ShiftService on a real cache (issue 12, docs/STOREOPS.md): the float, cash in and out, the
// no-sale with a manager's approval, the X report over cash sales (5-cent rounding), a card sale
// and a cash return, the close with a variance and Z numbers without gaps, a shift across
// midnight, selling and refunding without an open shift, permissions, and for every step its
// outbox event and journal entry with an intact chain. Wired like main(): Terminal::requireShifts.
#include "app/devices/cashdrawer.h"
#include "app/devices/receiptprinter.h"
#include "app/devices/shiftreport.h"
#include "app/services/overrideservice.h"
#include "app/services/returnservice.h"
#include "app/services/saleservice.h"
#include "app/services/session.h"
#include "app/services/shiftservice.h"
#include "app/services/terminal.h"
#include "app/store/localdatabase.h"
#include "app/store/salesledger.h"
#include "sync/protocol/storeops.h"
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
using Core::CashMovementKind;
using Core::Money;

Q_DECLARE_METATYPE(Core::CashMovementKind)

namespace {

Money euros(qint64 cents)
{
    return Money::fromCents(cents);
}

Core::CashCount count(const QMap<qint64, qint64> &pieces)
{
    Core::CashCount c;
    c.pieces = pieces;
    return c;
}

} // namespace

class TestShiftService final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    // Wednesday 25 November 2026, 10:00 UTC (11:00 in Amsterdam).
    Core::FixedClock m_clock { QDateTime(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC) };
    std::unique_ptr<Services::Terminal> m_terminal;
    Devices::CashDrawerSimulator m_drawer;

    Services::ShiftService &shifts() { return m_terminal->shifts(); }
    Services::SaleService &sale() { return m_terminal->sale(); }
    Services::ReturnService &returns() { return m_terminal->returns(); }
    Store::LocalDatabase &db() { return m_terminal->database(); }

    qint64 scalar(const QString &sql, const QVariantList &values = {})
    {
        QSqlQuery q(db().connection());
        q.prepare(sql);
        for (const QVariant &value : values)
            q.addBindValue(value);
        if (!q.exec() || !q.next())
            return -1;
        return q.value(0).toLongLong();
    }
    QString text(const QString &sql, const QVariantList &values = {})
    {
        QSqlQuery q(db().connection());
        q.prepare(sql);
        for (const QVariant &value : values)
            q.addBindValue(value);
        if (!q.exec() || !q.next())
            return QStringLiteral("<none>");
        return q.value(0).toString();
    }

    void logIn(qint64 staffId)
    {
        m_terminal->session().logOut();
        const QString pin
            = staffId == TestCache::managerId ? QStringLiteral("3333") : QStringLiteral("1111");
        auto member = m_terminal->session().logIn(staffId, pin);
        QVERIFY2(member.ok(), member.ok() ? "" : qPrintable(member.error().message));
    }

    // Everything a shift step writes, to prove a refused step wrote nothing.
    struct Trail
    {
        qint64 shifts = 0;
        qint64 movements = 0;
        qint64 outbox = 0;
        qint64 journal = 0;
        qint64 sales = 0;
        qint64 returns = 0;
        bool operator==(const Trail &) const = default;
    };
    Trail trail()
    {
        return { scalar(QStringLiteral("SELECT count(*) FROM shifts")),
            scalar(QStringLiteral("SELECT count(*) FROM cash_movements")),
            scalar(QStringLiteral("SELECT count(*) FROM outbox")),
            scalar(QStringLiteral("SELECT count(*) FROM journal")),
            scalar(QStringLiteral("SELECT count(*) FROM sales")),
            scalar(QStringLiteral("SELECT count(*) FROM returns")) };
    }

    // The last outbox event of `type` and the last journal entry: the step left both, the
    // journal entry records the event and moves no money, and the chain is intact.
    QJsonObject checkLastStep(const QString &type, const QString &reference)
    {
        QSqlQuery q(db().connection());
        q.prepare(QStringLiteral("SELECT payload FROM outbox WHERE type = ? "
                                 "ORDER BY device_seq DESC LIMIT 1"));
        q.addBindValue(type);
        if (!q.exec() || !q.next()) {
            QTest::qFail(qPrintable(QStringLiteral("no %1 event").arg(type)), __FILE__, __LINE__);
            return {};
        }
        const QJsonObject payload = QJsonDocument::fromJson(q.value(0).toByteArray()).object();
        q.finish();
        if (!q.exec(QStringLiteral("SELECT kind, reference, amount_cents, body FROM journal "
                                   "ORDER BY seq DESC LIMIT 1"))
            || !q.next()) {
            QTest::qFail("no journal entry", __FILE__, __LINE__);
            return {};
        }
        const bool matches = q.value(0).toString() == type && q.value(1).toString() == reference
            && q.value(2).toLongLong() == 0
            && QJsonDocument::fromJson(q.value(3).toByteArray())
                    .object()
                    .value(QStringLiteral("event"))
                    .toObject()
                == payload;
        if (!matches)
            QTest::qFail(
                qPrintable(QStringLiteral("journal entry %1/%2 does not record the %3 event")
                               .arg(q.value(0).toString(), q.value(1).toString(), type)),
                __FILE__, __LINE__);
        const Core::Status chain = Store::SalesLedger(db()).verifyJournal();
        if (!chain)
            QTest::qFail(qPrintable(chain.error().message), __FILE__, __LINE__);
        return payload;
    }

    Core::Shift openShift(const Core::CashCount &floatCount)
    {
        auto opened = shifts().open(floatCount);
        if (!opened) {
            QTest::qFail(qPrintable(opened.error().message), __FILE__, __LINE__);
            return {};
        }
        return opened.value();
    }

    Core::Result<Services::CompletedSale> sellCash(const QString &barcode, Money tendered)
    {
        if (auto scanned = sale().scan(barcode); !scanned)
            return scanned.error();
        m_clock.advanceSecs(60);
        return sale().payCash(tendered);
    }

    // A card sale as PaymentService records it once the terminal approved (the terminal itself
    // is tst_paymentservice's).
    Core::Result<Services::CompletedSale> sellCard(const QString &barcode)
    {
        if (auto scanned = sale().scan(barcode); !scanned)
            return scanned.error();
        m_clock.advanceSecs(60);
        Core::Result<Services::PaymentBasket> frozen = sale().freezeForPayment();
        if (!frozen)
            return frozen.error();
        Core::Sale paid = frozen->sale;
        Core::Tender card;
        card.method = Core::TenderMethod::Card;
        card.amount = paid.total;
        card.reference = QStringLiteral("POI-%1").arg(m_clock.nowUtc().toSecsSinceEpoch());
        card.claimId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        card.maskedPan = QStringLiteral("**** **** **** 1234");
        card.cardBrand = QStringLiteral("VISA");
        card.authCode = QStringLiteral("123456");
        paid.tenders = { card };
        return sale().recordSale(paid);
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
        m_clock.set(QDateTime(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC));
        m_drawer = Devices::CashDrawerSimulator();
        const QString path
            = m_dir.filePath(QStringLiteral("cache-%1.sqlite")
                                 .arg(QString::fromLatin1(QTest::currentTestFunction())));
        QFile::remove(path);
        const QString failure = TestCache::create(path);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        auto terminal = Services::Terminal::open(path, false, &m_clock);
        QVERIFY2(terminal.ok(), terminal.ok() ? "" : qPrintable(terminal.error().message));
        m_terminal = std::move(terminal.value());
        m_terminal->shifts().setCashDrawer(&m_drawer);
        m_terminal->requireShifts();
    }
    void cleanup() { m_terminal.reset(); }

    void openWithFloatAndCashIn()
    {
        logIn(TestCache::cashierId);
        QCOMPARE(shifts().drawerId(), QStringLiteral("T1"));
        QVERIFY(shifts().shiftRequired());
        QVERIFY(!shifts().openShift().value());

        // € 50 float: 2 × € 20, 4 × € 2, 20 × € 0,10.
        const Core::CashCount floatCount = count({ { 2000, 2 }, { 200, 4 }, { 10, 20 } });
        const Core::Shift shift = openShift(floatCount);
        QCOMPARE(shift.drawerId, QStringLiteral("T1"));
        QCOMPARE(shift.storeCode, QStringLiteral("AMS01"));
        QCOMPARE(shift.openedBy, TestCache::cashierId);
        QCOMPARE(shift.openedAt, m_clock.nowUtc());
        QCOMPARE(m_drawer.openCount(), 1);
        auto open = shifts().openShift();
        QVERIFY(open && open.value());
        QCOMPARE(open.value()->shiftId, shift.shiftId);
        QCOMPARE(open.value()->openingCount, floatCount);
        QCOMPARE(shifts().expectedCash().value(), euros(5000));
        const QJsonObject opened = checkLastStep(QStringLiteral("shift_opened"), shift.shiftId);
        auto parsed = Sync::Protocol::shiftOpenedFromJson(opened);
        QVERIFY2(parsed, parsed ? "" : qPrintable(parsed.error().message));
        QCOMPARE(parsed->shiftId, shift.shiftId);
        QCOMPARE(parsed->openingCount, floatCount);

        // A second open on the same drawer is refused and writes nothing.
        const Trail before = trail();
        auto again = shifts().open({});
        QVERIFY(!again);
        QCOMPARE(again.error().code, QStringLiteral("shift.already_open"));
        QCOMPARE(trail(), before);

        // Cash in (a supervisor or manager).
        logIn(TestCache::managerId);
        m_clock.advanceSecs(600);
        auto in = shifts().moveCash(
            CashMovementKind::CashIn, euros(2500), QStringLiteral(" Wisselgeld uit de kluis "));
        QVERIFY2(in, in ? "" : qPrintable(in.error().message));
        QCOMPARE(in->reason, QStringLiteral("Wisselgeld uit de kluis"));
        QCOMPARE(in->staffId, TestCache::managerId);
        QCOMPARE(m_drawer.openCount(), 2);
        QCOMPARE(shifts().expectedCash().value(), euros(7500));
        const QJsonObject moved = checkLastStep(QStringLiteral("cash_movement"), shift.shiftId);
        auto movement = Sync::Protocol::cashMovementFromJson(moved);
        QVERIFY2(movement, movement ? "" : qPrintable(movement.error().message));
        QCOMPARE(movement->shiftId, shift.shiftId);
        QCOMPARE(movement->movement.kind, CashMovementKind::CashIn);
        QCOMPARE(movement->movement.amount, euros(2500));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM cash_movements WHERE shift_id = ?"),
                     { shift.shiftId }),
            1);
    }

    void openRefusesABadCount()
    {
        logIn(TestCache::cashierId);
        const Trail before = trail();
        auto opened = shifts().open(count({ { 300, 1 } })); // no € 3 coin
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, QStringLiteral("count.unknown_denomination"));
        opened = shifts().open(count({ { 500, -2 } }));
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, QStringLiteral("count.negative"));
        QCOMPARE(trail(), before);
        QCOMPARE(m_drawer.openCount(), 0);
        // An empty count is a € 0 float.
        QVERIFY(shifts().open({}));
        QCOMPARE(shifts().expectedCash().value(), Money());
    }

    void moveCashRefused_data()
    {
        QTest::addColumn<CashMovementKind>("kind");
        QTest::addColumn<qint64>("cents");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("code");
        const QString reason = QStringLiteral("Naar de kluis");
        QTest::newRow("cash out beyond the drawer")
            << CashMovementKind::CashOut << qint64(5001) << reason
            << QStringLiteral("shift.cash_out_exceeds");
        QTest::newRow("zero") << CashMovementKind::CashIn << qint64(0) << reason
                              << QStringLiteral("shift.amount");
        QTest::newRow("negative") << CashMovementKind::CashOut << qint64(-100) << reason
                                  << QStringLiteral("shift.amount");
        QTest::newRow("over 100,000") << CashMovementKind::CashIn << qint64(10'000'001) << reason
                                      << QStringLiteral("shift.amount");
        QTest::newRow("no reason") << CashMovementKind::CashIn << qint64(1000)
                                   << QStringLiteral("  ") << QStringLiteral("shift.reason");
        QTest::newRow("reason too long")
            << CashMovementKind::CashIn << qint64(1000) << QString(201, QLatin1Char('x'))
            << QStringLiteral("shift.reason");
        QTest::newRow("no-sale is not a movement") << CashMovementKind::NoSale << qint64(0)
                                                   << reason << QStringLiteral("approval.missing");
    }
    void moveCashRefused()
    {
        QFETCH(CashMovementKind, kind);
        QFETCH(qint64, cents);
        QFETCH(QString, reason);
        QFETCH(QString, code);
        logIn(TestCache::managerId);
        openShift(count({ { 1000, 5 } })); // € 50
        const int opens = m_drawer.openCount();
        const Trail before = trail();
        auto moved = shifts().moveCash(kind, euros(cents), reason);
        QVERIFY(!moved);
        QCOMPARE(moved.error().code, code);
        QVERIFY(!moved.error().message.isEmpty());
        QCOMPARE(trail(), before);
        QCOMPARE(m_drawer.openCount(), opens);
    }

    void cashOutUpToTheDrawer()
    {
        logIn(TestCache::managerId);
        const Core::Shift shift = openShift(count({ { 1000, 5 } }));
        auto out
            = shifts().moveCash(CashMovementKind::CashOut, euros(3000), QStringLiteral("Kluis"));
        QVERIFY2(out, out ? "" : qPrintable(out.error().message));
        checkLastStep(QStringLiteral("cash_movement"), shift.shiftId);
        QCOMPARE(shifts().expectedCash().value(), euros(2000));
        // € 20 is in the drawer: € 20,01 is refused, € 20 is all of it.
        auto tooMuch
            = shifts().moveCash(CashMovementKind::CashOut, euros(2001), QStringLiteral("Kluis"));
        QVERIFY(!tooMuch);
        QCOMPARE(tooMuch.error().code, QStringLiteral("shift.cash_out_exceeds"));
        QVERIFY(tooMuch.error().message.contains(euros(2000).toDisplayString()));
        QVERIFY(shifts().moveCash(CashMovementKind::CashOut, euros(2000), QStringLiteral("Kluis")));
        QCOMPARE(shifts().expectedCash().value(), Money());
        auto x = shifts().xReport();
        QVERIFY(x);
        QCOMPARE(x->totals.cashOut, euros(5000));
    }

    void permissions()
    {
        // Nobody logged in: nothing.
        m_terminal->session().logOut();
        auto opened = shifts().open({});
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, QStringLiteral("session.locked"));
        QCOMPARE(shifts().xReport().error().code, QStringLiteral("session.locked"));

        // A cashier opens, reads the X report and closes, but moves no cash.
        logIn(TestCache::cashierId);
        openShift(count({ { 5000, 2 } }));
        const Trail before = trail();
        for (CashMovementKind kind : { CashMovementKind::CashIn, CashMovementKind::CashOut }) {
            auto moved = shifts().moveCash(kind, euros(1000), QStringLiteral("Kluis"));
            QVERIFY(!moved);
            QCOMPARE(moved.error().code, QStringLiteral("permission.denied"));
        }
        QCOMPARE(trail(), before);
        QVERIFY(shifts().xReport());
        QVERIFY(shifts().close(count({ { 5000, 2 } }), false));
    }

    void noSaleNeedsAManager()
    {
        logIn(TestCache::cashierId);
        const Core::Shift shift = openShift({});
        const int opens = m_drawer.openCount();
        const Trail before = trail();
        auto refused = shifts().noSale(QStringLiteral("Klant wil wisselen"), std::nullopt);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("approval.missing"));
        QCOMPARE(trail(), before);
        QCOMPARE(m_drawer.openCount(), opens);

        // An approval for something else does not open the drawer.
        Core::Authorisation other;
        other.permission = Core::Permission::ApproveManualDiscount;
        other.requestedBy = TestCache::cashierId;
        other.approvedBy = TestCache::managerId;
        refused = shifts().noSale(QStringLiteral("Klant wil wisselen"), other);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("approval.mismatch"));
        QCOMPARE(trail(), before);

        // The manager approves with their PIN (journaled as an approval), then the no-sale.
        auto approval = m_terminal->overrides().approve(TestCache::managerId,
            QStringLiteral("3333"), Core::Permission::OpenDrawerNoSale,
            { {}, Money(), QStringLiteral("Lade openen zonder verkoop") },
            QStringLiteral("Klant wil wisselen"));
        QVERIFY2(approval, approval ? "" : qPrintable(approval.error().message));
        m_clock.advanceSecs(30);
        auto noSale = shifts().noSale(QStringLiteral("Klant wil wisselen"), *approval);
        QVERIFY2(noSale, noSale ? "" : qPrintable(noSale.error().message));
        QCOMPARE(noSale->kind, CashMovementKind::NoSale);
        QCOMPARE(noSale->amount, Money());
        QVERIFY(noSale->approval);
        QCOMPARE(noSale->approval->approvedBy, TestCache::managerId);
        QCOMPARE(m_drawer.openCount(), opens + 1);
        const QJsonObject event = checkLastStep(QStringLiteral("cash_movement"), shift.shiftId);
        auto parsed = Sync::Protocol::cashMovementFromJson(event);
        QVERIFY2(parsed, parsed ? "" : qPrintable(parsed.error().message));
        QCOMPARE(parsed->movement.kind, CashMovementKind::NoSale);
        QVERIFY(parsed->movement.approval);
        QCOMPARE(parsed->movement.approval->approvedBy, TestCache::managerId);
        QCOMPARE(
            scalar(QStringLiteral("SELECT approved_by FROM cash_movements WHERE kind = 'no_sale'")),
            TestCache::managerId);

        // A manager approves their own.
        logIn(TestCache::managerId);
        auto own = shifts().noSale(QStringLiteral("Bon nakijken"), std::nullopt);
        QVERIFY2(own, own ? "" : qPrintable(own.error().message));
        QCOMPARE(own->approval->approvedBy, TestCache::managerId);

        auto x = shifts().xReport();
        QVERIFY(x);
        QCOMPARE(x->totals.noSaleCount, 2);
        QCOMPARE(x->totals.expectedCash(), Money());
    }

    void xReportAfterCashSalesCardSaleAndCashReturn()
    {
        logIn(TestCache::cashierId);
        const Core::Shift shift = openShift(count({ { 5000, 2 } })); // € 100
        const Trail opened = trail();

        // Socks € 4,99 → € 5,00 in cash (+1 ct); juice € 1,99 → € 2,00 (+1 ct); jeans € 89,95 (no
        // rounding), paid with € 100 (change € 10,05 is not in the drawer).
        auto socks = sellCash(TestCache::socksBarcode, euros(500));
        QVERIFY2(socks, socks ? "" : qPrintable(socks.error().message));
        QCOMPARE(socks->cash.rounding, euros(1));
        auto juice = sellCash(TestCache::appleJuiceBarcode, euros(200));
        QVERIFY2(juice, juice ? "" : qPrintable(juice.error().message));
        QCOMPARE(juice->cash.rounding, euros(1));
        auto jeans = sellCash(TestCache::jeansBarcode, euros(10000));
        QVERIFY2(jeans, jeans ? "" : qPrintable(jeans.error().message));
        QCOMPARE(jeans->change, euros(1005));
        auto card = sellCard(TestCache::jeansBarcode);
        QVERIFY2(card, card ? "" : qPrintable(card.error().message));
        QCOMPARE(card->sale.shiftId, shift.shiftId);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM sales WHERE shift_id = ?"),
                     { shift.shiftId }),
            4);
        QCOMPARE(trail().movements, opened.movements);

        // The socks come back for cash.
        m_clock.advanceSecs(600);
        QVERIFY(returns().find(socks->receiptNumber));
        const QString line = returns().view().lines.first().line.lineId;
        QVERIFY(returns().setQuantity(line, 1));
        QVERIFY(returns().chooseMethod(Core::RefundMethod::Cash));
        const Core::Status refunded = returns().refund();
        QVERIFY2(refunded, refunded ? "" : qPrintable(refunded.error().message));
        QCOMPARE(returns().view().stage, Services::ReturnView::Stage::Done);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM returns WHERE shift_id = ?"),
                     { shift.shiftId }),
            1);
        const qint64 cashBack = scalar(
            QStringLiteral("SELECT sum(amount_cents) FROM return_refunds WHERE method = 'cash'"));
        QCOMPARE(cashBack, 500); // € 4,99 paid as € 5,00 in cash: € 5,00 back

        const Trail before = trail();
        auto x = shifts().xReport();
        QVERIFY2(x, x ? "" : qPrintable(x.error().message));
        QCOMPARE(trail(), before); // an X report changes nothing
        QCOMPARE(x->kind, Core::ShiftReport::Kind::X);
        QCOMPARE(x->shift.shiftId, shift.shiftId);
        QCOMPARE(x->storeName, QStringLiteral("Toonbank Amsterdam Centrum"));
        const Core::ShiftTotals &t = x->totals;
        QCOMPARE(t.openingFloat, euros(10000));
        QCOMPARE(t.saleCount, 4);
        QCOMPARE(t.returnCount, 1);
        QCOMPARE(t.itemsSold, 4);
        QCOMPARE(t.grossSales, euros(500 + 200 + 8995 + 8995));
        QCOMPARE(t.salesByTender.value(QStringLiteral("cash")), euros(500 + 200 + 8995));
        QCOMPARE(t.salesByTender.value(QStringLiteral("card")), euros(8995));
        QCOMPARE(t.cashSales, euros(9695));
        QCOMPARE(t.cashRefunds, euros(500));
        QCOMPARE(t.refundsByTender.value(QStringLiteral("cash")), euros(500));
        QCOMPARE(t.refunds, euros(499));
        QCOMPARE(t.rounding, euros(1 + 1 - 1)); // the return gives its cent back
        QCOMPARE(t.cashIn, Money());
        QCOMPARE(t.cashOut, Money());
        QCOMPARE(t.trainingCount, 0);
        // 21 %: socks + 2 × jeans − the socks back; 9 %: the juice.
        QCOMPARE(t.vat.size(), 2);
        QCOMPARE(t.vat.at(0).rate.basisPoints, 2100);
        QCOMPARE(t.vat.at(0).gross, euros(499 + 8995 + 8995 - 499));
        QCOMPARE(t.vat.at(1).rate.basisPoints, 900);
        QCOMPARE(t.vat.at(1).gross, euros(199));
        QCOMPARE(t.expectedCash(), euros(10000 + 9695 - 500));
        QCOMPARE(shifts().expectedCash().value(), euros(19195));
    }

    void closeWithVarianceThenNextShiftIsZ2()
    {
        logIn(TestCache::cashierId);
        const Core::Shift first = openShift(count({ { 1000, 5 } })); // € 50
        QVERIFY(sellCash(TestCache::socksBarcode, euros(500)));
        QCOMPARE(shifts().expectedCash().value(), euros(5500));

        // Counted € 54,90: € 0,10 short.
        m_clock.advanceSecs(3600);
        const Core::CashCount counted = count({ { 1000, 5 }, { 200, 2 }, { 50, 1 }, { 20, 2 } });
        QCOMPARE(counted.total(), euros(5490));
        auto z = shifts().close(counted, false);
        QVERIFY2(z, z ? "" : qPrintable(z.error().message));
        QCOMPARE(z->kind, Core::ShiftReport::Kind::Z);
        QCOMPARE(z->zNumber, 1);
        QCOMPARE(z->shift.zNumber, 1);
        QCOMPARE(z->shift.state, Core::ShiftState::Closed);
        QCOMPARE(z->shift.closedBy, TestCache::cashierId);
        // The report names who opened and closed the shift, not just their ids.
        QVERIFY(!z->openedByName.isEmpty());
        QCOMPARE(z->openedByName, z->closedByName);
        QCOMPARE(z->openedByName, m_terminal->session().staff()->displayName);
        QCOMPARE(z->shift.closedAt, m_clock.nowUtc());
        QCOMPARE(z->shift.closingCount, counted);
        QVERIFY(z->variance);
        QCOMPARE(z->variance->expected, euros(5500));
        QCOMPARE(z->variance->counted, euros(5490));
        QCOMPARE(z->variance->variance(), euros(-10));
        QCOMPARE(z->totals.saleCount, 1);
        const QJsonObject event = checkLastStep(QStringLiteral("shift_closed"), first.shiftId);
        auto closed = Sync::Protocol::shiftClosedFromJson(event);
        QVERIFY2(closed, closed ? "" : qPrintable(closed.error().message));
        QCOMPARE(closed->shift.zNumber, 1);
        QCOMPARE(closed->variance.expected, euros(5500));
        QCOMPARE(closed->variance.counted, euros(5490));
        QCOMPARE(closed->saleCount, 1);
        QCOMPARE(
            text(QStringLiteral("SELECT state FROM shifts WHERE shift_id = ?"), { first.shiftId }),
            QStringLiteral("closed"));
        QVERIFY(!shifts().openShift().value());

        // Closing twice: nothing open, nothing written.
        const Trail before = trail();
        auto twice = shifts().close(counted, false);
        QVERIFY(!twice);
        QCOMPARE(twice.error().code, QStringLiteral("shift.not_open"));
        QCOMPARE(trail(), before);
        QCOMPARE(shifts().xReport().error().code, QStringLiteral("shift.not_open"));

        // The next shift gets Z 2.
        m_clock.advanceSecs(3600);
        const Core::Shift second = openShift(counted);
        QVERIFY(second.shiftId != first.shiftId);
        auto z2 = shifts().close(counted, false);
        QVERIFY2(z2, z2 ? "" : qPrintable(z2.error().message));
        QCOMPARE(z2->zNumber, 2);
        QCOMPARE(z2->variance->variance(), Money());

        // Reprints and the list.
        auto reprint = shifts().zReport(1);
        QVERIFY2(reprint, reprint ? "" : qPrintable(reprint.error().message));
        QCOMPARE(reprint->shift.shiftId, first.shiftId);
        QCOMPARE(reprint->variance->variance(), euros(-10));
        QCOMPARE(reprint->totals.saleCount, 1);
        QCOMPARE(reprint->totals.expectedCash(), euros(5500));
        QCOMPARE(shifts().zReport(3).error().code, QStringLiteral("shift.no_report"));
        auto recent = shifts().recentZReports();
        QVERIFY(recent);
        QCOMPARE(recent->size(), 2);
        QCOMPARE(recent->at(0).zNumber, 2);
        QCOMPARE(recent->at(1).zNumber, 1);
        QCOMPARE(recent->at(1).variance->variance(), euros(-10));
    }

    void closeWhileASaleIsOpenIsRefused()
    {
        logIn(TestCache::cashierId);
        openShift({});
        QVERIFY(sale().scan(TestCache::socksBarcode));
        const Trail before = trail();
        auto refused = shifts().close({}, !sale().isEmpty());
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("shift.sale_open"));
        QCOMPARE(trail(), before);
        QVERIFY(shifts().openShift().value());
        // Cleared: it closes.
        QVERIFY(sale().clear());
        QVERIFY(shifts().close({}, !sale().isEmpty()));
    }

    void aShiftAcrossMidnightIsOneShift()
    {
        // 23:30 in Amsterdam on 25 November (22:30 UTC).
        m_clock.set(QDateTime(QDate(2026, 11, 25), QTime(22, 30), Qt::UTC));
        logIn(TestCache::cashierId);
        const Core::Shift shift = openShift(count({ { 2000, 1 } }));
        QVERIFY(sellCash(TestCache::socksBarcode, euros(500)));
        m_clock.set(QDateTime(QDate(2026, 11, 26), QTime(1, 15), Qt::UTC)); // 02:15 local
        QVERIFY(sellCash(TestCache::socksBarcode, euros(500)));
        auto x = shifts().xReport();
        QVERIFY(x);
        QCOMPARE(x->shift.shiftId, shift.shiftId);
        QCOMPARE(x->totals.saleCount, 2);
        auto z = shifts().close(count({ { 2000, 1 }, { 500, 2 } }), false);
        QVERIFY2(z, z ? "" : qPrintable(z.error().message));
        QCOMPARE(z->zNumber, 1);
        QCOMPARE(z->totals.saleCount, 2);
        QCOMPARE(z->variance->variance(), Money());
        QCOMPARE(z->shift.openedAt.date(), QDate(2026, 11, 25));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM shifts")), 1);
        QCOMPARE(
            scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE type = 'shift_closed'")), 1);
    }

    void sellingAndRefundingNeedAnOpenShift()
    {
        logIn(TestCache::cashierId);
        QVERIFY(sale().scan(TestCache::socksBarcode));
        const Trail before = trail();
        auto cash = sale().payCash(euros(500));
        QVERIFY(!cash);
        QCOMPARE(cash.error().code, QStringLiteral("shift.not_open"));
        QCOMPARE(cash.error().message,
            QStringLiteral("Open a shift first: count the float on the Shift screen."));
        auto frozen = sale().freezeForPayment();
        QVERIFY(!frozen);
        QCOMPARE(frozen.error().code, QStringLiteral("shift.not_open"));
        QVERIFY(!sale().isFrozen());
        QCOMPARE(trail(), before);
        QCOMPARE(sale().view().lines.size(), 1); // the basket stays

        // With a shift the sale goes through and carries the shift; then the shift closes and a
        // return of it is refused before any money goes back.
        const Core::Shift shift = openShift({});
        auto sold = sale().payCash(euros(500));
        QVERIFY2(sold, sold ? "" : qPrintable(sold.error().message));
        QCOMPARE(sold->sale.shiftId, shift.shiftId);
        QVERIFY(shifts().close(count({ { 500, 1 } }), false));
        QVERIFY(returns().find(sold->receiptNumber));
        QVERIFY(returns().setQuantity(returns().view().lines.first().line.lineId, 1));
        QVERIFY(returns().chooseMethod(Core::RefundMethod::Cash));
        const Trail closed = trail();
        const Core::Status refused = returns().refund();
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("shift.not_open"));
        QCOMPARE(trail(), closed);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM refund_sessions")), 0);

        // A store that does not count cash: no shift needed, none recorded.
        QVERIFY(db().setSetting(QStringLiteral("shift.required"), QStringLiteral("0")));
        QVERIFY(!shifts().shiftRequired());
        QVERIFY(shifts().requireOpenShift());
        const Core::Status refundedNow = returns().refund();
        QVERIFY2(refundedNow, refundedNow ? "" : qPrintable(refundedNow.error().message));
        QCOMPARE(text(QStringLiteral("SELECT shift_id FROM returns")), QString());
        QVERIFY(sale().scan(TestCache::socksBarcode));
        auto noShift = sale().payCash(euros(500));
        QVERIFY2(noShift, noShift ? "" : qPrintable(noShift.error().message));
        QCOMPARE(noShift->sale.shiftId, QString());
        QCOMPARE(text(QStringLiteral("SELECT shift_id FROM sales WHERE sale_uuid = ?"),
                     { noShift->saleId }),
            QString());
    }

    void trainingMovesNoShiftCash()
    {
        logIn(TestCache::managerId);
        const Core::Shift shift = openShift(count({ { 1000, 2 } }));
        QVERIFY(m_terminal->session().setTraining(TestCache::cashierId, true));
        logIn(TestCache::cashierId);
        QVERIFY(m_terminal->session().isTraining());

        // The drawer's shift is refused in training, nothing written.
        const Trail before = trail();
        const int opens = m_drawer.openCount();
        QCOMPARE(shifts().open({}).error().code, QStringLiteral("training.not_allowed"));
        QCOMPARE(shifts().close({}, false).error().code, QStringLiteral("training.not_allowed"));
        QCOMPARE(shifts().noSale(QStringLiteral("Oefenen"), std::nullopt).error().code,
            QStringLiteral("training.not_allowed"));
        QCOMPARE(trail(), before);
        QCOMPARE(m_drawer.openCount(), opens);

        // A training sale belongs to the shift but is left out of its figures.
        auto practice = sellCash(TestCache::socksBarcode, euros(500));
        QVERIFY2(practice, practice ? "" : qPrintable(practice.error().message));
        QVERIFY(practice->sale.training);
        QCOMPARE(practice->sale.shiftId, shift.shiftId);
        auto x = shifts().xReport();
        QVERIFY(x);
        QVERIFY(x->training);
        QCOMPARE(x->totals.trainingCount, 1);
        QCOMPARE(x->totals.saleCount, 0);
        QCOMPARE(x->totals.expectedCash(), euros(2000));

        // With the shift closed a trainee still practises (no shift needed, none recorded).
        logIn(TestCache::managerId);
        QVERIFY(m_terminal->session().setTraining(TestCache::cashierId, false));
        QVERIFY(shifts().close(count({ { 1000, 2 } }), false));
        QVERIFY(m_terminal->session().setTraining(TestCache::cashierId, true));
        logIn(TestCache::cashierId);
        auto later = sellCash(TestCache::socksBarcode, euros(500));
        QVERIFY2(later, later ? "" : qPrintable(later.error().message));
        QCOMPARE(later->sale.shiftId, QString());
        // Out of training the same cashier needs the shift again.
        logIn(TestCache::managerId);
        QVERIFY(m_terminal->session().setTraining(TestCache::cashierId, false));
        logIn(TestCache::cashierId);
        QVERIFY(sale().scan(TestCache::socksBarcode));
        QCOMPARE(sale().payCash(euros(500)).error().code, QStringLiteral("shift.not_open"));
    }

    void printAndPdf()
    {
        logIn(TestCache::cashierId);
        openShift(count({ { 1000, 3 } }));
        QVERIFY(sellCash(TestCache::socksBarcode, euros(500)));
        auto x = shifts().xReport();
        QVERIFY(x);
        auto noPrinter = shifts().print(*x);
        QVERIFY(!noPrinter);
        QCOMPARE(noPrinter.error().code, QStringLiteral("shift.no_printer"));

        const QString out = m_dir.filePath(QStringLiteral("shift-report.escpos"));
        QFile::remove(out);
        Devices::EscPosPrinterSimulator printer(out);
        shifts().setReceiptPrinter(&printer);
        const Core::Status printed = shifts().print(*x);
        QVERIFY2(printed, printed ? "" : qPrintable(printed.error().message));
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), Devices::shiftReportEscPos(*x));

        auto z = shifts().close(count({ { 1000, 3 }, { 500, 1 } }), false);
        QVERIFY(z);
        auto pdf = shifts().pdf(*z);
        QVERIFY2(pdf, pdf ? "" : qPrintable(pdf.error().message));
        QVERIFY(pdf->startsWith("%PDF"));
        shifts().setReceiptPrinter(nullptr);
    }

    void everyStepIsJournaledInOrder()
    {
        logIn(TestCache::managerId);
        const Core::Shift shift = openShift(count({ { 2000, 2 } }));
        QVERIFY(shifts().moveCash(CashMovementKind::CashIn, euros(1000), QStringLiteral("Wissel")));
        QVERIFY(sellCash(TestCache::jeansBarcode, euros(9000)));
        QVERIFY(shifts().moveCash(CashMovementKind::CashOut, euros(5000), QStringLiteral("Kluis")));
        QVERIFY(shifts().noSale(QStringLiteral("Bon nakijken"), std::nullopt));
        QVERIFY(shifts().close(count({ { 2000, 4 }, { 1000, 1 }, { 500, 1 } }), false));

        QStringList kinds;
        QSqlQuery q(db().connection());
        QVERIFY(q.exec(
            QStringLiteral("SELECT kind, reference, amount_cents FROM journal ORDER BY seq")));
        qint64 money = 0;
        while (q.next()) {
            kinds.append(q.value(0).toString());
            if (q.value(0).toString() != QLatin1String("sale")) {
                QCOMPARE(q.value(1).toString(), shift.shiftId);
                QCOMPARE(q.value(2).toLongLong(), 0);
            }
            money += q.value(2).toLongLong();
        }
        QCOMPARE(kinds,
            QStringList({ QStringLiteral("shift_opened"), QStringLiteral("cash_movement"),
                QStringLiteral("sale"), QStringLiteral("cash_movement"),
                QStringLiteral("cash_movement"), QStringLiteral("shift_closed") }));
        QCOMPARE(money, 8995); // only the sale moves the grand total
        QStringList types;
        QVERIFY(q.exec(QStringLiteral("SELECT type FROM outbox ORDER BY device_seq")));
        while (q.next())
            types.append(q.value(0).toString());
        QCOMPARE(types,
            QStringList({ QStringLiteral("shift_opened"), QStringLiteral("cash_movement"),
                QStringLiteral("sale"), QStringLiteral("cash_movement"),
                QStringLiteral("cash_movement"), QStringLiteral("shift_closed") }));
        const Core::Status chain = Store::SalesLedger(db()).verifyJournal();
        QVERIFY2(chain, chain ? "" : qPrintable(chain.error().message));
    }
};

QTEST_MAIN(TestShiftService)
#include "tst_shiftservice.moc"
