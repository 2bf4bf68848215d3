// GET /v1/reports/day through the real toonbank-server (docs/STOREOPS.md "The manager's
// day"): sales per local hour, per staff member and per tender, a refund with the manager who
// approved it, the overrides (a return approval and a no-sale) and the open shift, for one
// store's local date — training, other days and other stores left out; a cashier, another
// store's supervisor, another store's code and a bad date refused. SQLite, and PostgreSQL when
// registered with TOONBANK_TEST_BACKEND=postgresql.
#include "storeopskit.h"

#include "app/core/returns.h"

#include <QUrl>
#include <QtTest>

using namespace Toonbank;
using namespace Toonbank::Tests;
using namespace Toonbank::Tests::StoreOps;
using Core::Money;

namespace {

constexpr qint64 cashier = 7; // AMS01, "Ann"
constexpr qint64 otherSupervisor = 8; // UTR01
constexpr qint64 manager = 9; // AMS01, "Mia"
constexpr qint64 supervisor = 10; // AMS01

} // namespace

class TestDayReport final : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_server;
    Client m_client { m_server };
    Device m_ams { QStringLiteral("AMS01"), cashier, {}, {}, 1 };
    Device m_utr { QStringLiteral("UTR01"), otherSupervisor, {}, {}, 1 };
    const QDate m_day = QDate::currentDate().addDays(-1);
    Core::Shift m_shift;
    QString m_returnReceipt;

    QDateTime at(int hour, int minute, int daysBefore = 0) const
    {
        return QDateTime(m_day.addDays(-daysBefore), QTime(hour, minute)).toUTC();
    }

    HttpAnswer day(const QString &query)
    {
        return m_server.request("GET", QStringLiteral("/v1/reports/day?") + query, {}, m_ams.token);
    }

    QString dayQuery(qint64 staff) const
    {
        return QStringLiteral("store=AMS01&date=%1&staff=%2")
            .arg(m_day.toString(Qt::ISODate))
            .arg(staff);
    }

    // A return of one unit of line L1 of `sale` (paid in cash) at `when`, with a manager's
    // recorded approval.
    std::optional<Core::Return> returnOne(const Core::Sale &sale, const QDateTime &when)
    {
        const HttpAnswer answer = m_server.request("GET",
            QStringLiteral("/v1/returns/lookup?code=")
                + QString::fromLatin1(QUrl::toPercentEncoding(
                    QStringLiteral("TOONBANK:SALE:%1:%2").arg(sale.receiptNumber, sale.saleId))),
            {}, m_ams.token);
        if (answer.status != 200) {
            qWarning() << "lookup:" << answer.status << answer.body;
            return std::nullopt;
        }
        auto order = Sync::Protocol::returnableOrderFromJson(
            answer.json.value(QStringLiteral("order")).toObject());
        if (!order)
            return std::nullopt;
        Core::ReturnRequestLine request;
        request.lineId = QStringLiteral("L1");
        request.quantity = 1;
        request.condition = Core::ItemCondition::Resellable;
        auto plan = Core::planRefund(*order, { request }, Core::LoyaltyRules::defaults());
        if (!plan) {
            qWarning() << "planRefund:" << plan.error().code << plan.error().detail;
            return std::nullopt;
        }
        const Core::ReturnableLine &original = order->lines.first();
        Core::Return ret;
        ret.returnId = newId();
        ret.receiptNumber = QStringLiteral("AMS01-T9-R000001");
        ret.storeCode = m_ams.store;
        ret.returnedAt = when;
        ret.staffId = cashier;
        ret.origin = order->origin;
        ret.originNumber = order->number;
        ret.originSaleId = order->saleId;
        Core::ReturnLine line;
        line.lineId = QStringLiteral("R1");
        line.originalLineId = original.lineId;
        line.productId = original.productId;
        line.sku = original.sku;
        line.name = original.name;
        line.category = original.category;
        line.vatClass = original.vatClass;
        line.vatBasisPoints = original.vatBasisPoints;
        line.quantity = 1;
        line.refund = plan->lineRefunds.first();
        line.reason = request.reason;
        line.condition = request.condition;
        ret.lines = { line };
        ret.goods = plan->goods;
        ret.delivery = plan->delivery;
        ret.total = plan->total;
        ret.refunds = plan->refunds;
        ret.rounding = Core::finaliseCash(ret.refunds, *order, true);
        ret.vat = Core::returnVat(ret.lines);
        ret.shiftId = m_shift.shiftId;
        Core::Authorisation approval;
        approval.permission = Core::Permission::ApproveReturnException;
        approval.requestedBy = cashier;
        approval.approvedBy = manager;
        approval.lineId = line.lineId;
        approval.reason = QStringLiteral("worn once, label still on");
        approval.approvedAt = when;
        ret.authorisations = { approval };
        return ret;
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
        QVERIFY(m_server.start());
        QVERIFY(m_client.enrol(m_ams));
        QVERIFY(m_client.enrol(m_utr));

        // The day: a shift opened at 9:00 and left open; Ann sells 2 × 10.00 in cash at 10:15
        // and 1 × 10.00 by card at 10:40, Mia 4 × 10.00 by card at 14:30; a training sale at
        // 11:00; a no-sale approved by Mia at 12:00; at 15:00 Ann takes one unit of the cash
        // sale back with Mia's approval. Besides: a sale the day before, a sale in Utrecht.
        m_shift
            = shift(m_ams.store, QStringLiteral("T9"), cashier, count({ { 5000, 1 } }), at(9, 0));
        const Core::Sale cash = sale(m_ams.store, cashier, m_shift.shiftId, 1, 2, true, at(10, 15));
        const Core::Sale card
            = sale(m_ams.store, cashier, m_shift.shiftId, 2, 1, false, at(10, 40));
        const Core::Sale mia = sale(m_ams.store, manager, m_shift.shiftId, 3, 4, false, at(14, 30));
        Core::Sale training = sale(m_ams.store, cashier, m_shift.shiftId, 4, 5, false, at(11, 0));
        training.training = true;
        const Core::Sale dayBefore
            = sale(m_ams.store, cashier, QString(), 5, 6, false, at(10, 0, 1));
        Core::CashMovement noSale = move(Core::CashMovementKind::NoSale, 0, cashier, at(12, 0));
        noSale.reason = QStringLiteral("customer needed change");
        noSale.approval = noSaleApproval(cashier, manager);
        QVERIFY(m_client.pushApplied(m_ams,
            { openEvent(m_shift), saleEvent(dayBefore), saleEvent(cash), saleEvent(card),
                saleEvent(training), moveEvent(m_shift.shiftId, noSale), saleEvent(mia) }));
        QVERIFY(m_client.pushApplied(m_utr,
            { saleEvent(sale(m_utr.store, otherSupervisor, QString(), 1, 7, false, at(10, 5))) }));
        const auto ret = returnOne(cash, at(15, 0));
        QVERIFY(ret);
        QCOMPARE(ret->total + ret->rounding, Money::fromCents(1000));
        m_returnReceipt = ret->receiptNumber;
        QVERIFY(m_client.pushApplied(m_ams, { returnEvent(*ret) }));
    }

    void figuresOfTheStoresLocalDay()
    {
        const HttpAnswer answer = day(dayQuery(manager));
        QVERIFY2(answer.status == 200, answer.body.constData());
        auto parsed = Sync::Protocol::DayReport::fromJson(answer.json);
        QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().detail));
        const Sync::Protocol::DayReport report = parsed.value();
        QCOMPARE(report.storeCode, QStringLiteral("AMS01"));
        QCOMPARE(report.date, m_day);

        // Per local hour: 10:00 two sales (30.00), 14:00 one (40.00); training left out.
        QCOMPARE(report.perHour.size(), 2);
        QCOMPARE(report.perHour.at(0).hour, 10);
        QCOMPARE(report.perHour.at(0).saleCount, 2);
        QCOMPARE(report.perHour.at(0).sales, Money::fromCents(3000));
        QCOMPARE(report.perHour.at(1).hour, 14);
        QCOMPARE(report.perHour.at(1).saleCount, 1);
        QCOMPARE(report.perHour.at(1).sales, Money::fromCents(4000));

        // Per staff member, highest sales first.
        QCOMPARE(report.perStaff.size(), 2);
        QCOMPARE(report.perStaff.at(0).staffId, manager);
        QCOMPARE(report.perStaff.at(0).name, QStringLiteral("Mia"));
        QCOMPARE(report.perStaff.at(0).saleCount, 1);
        QCOMPARE(report.perStaff.at(0).sales, Money::fromCents(4000));
        QCOMPARE(report.perStaff.at(0).returnCount, 0);
        QCOMPARE(report.perStaff.at(1).staffId, cashier);
        QCOMPARE(report.perStaff.at(1).name, QStringLiteral("Ann"));
        QCOMPARE(report.perStaff.at(1).saleCount, 2);
        QCOMPARE(report.perStaff.at(1).sales, Money::fromCents(3000));
        QCOMPARE(report.perStaff.at(1).returnCount, 1);
        QCOMPARE(report.perStaff.at(1).refunds, Money::fromCents(1000));

        // Per tender.
        QCOMPARE(report.perTender.size(), 2);
        QCOMPARE(report.perTender.value(QStringLiteral("cash")), Money::fromCents(2000));
        QCOMPARE(report.perTender.value(QStringLiteral("card")), Money::fromCents(5000));

        // The refund with who approved it.
        QCOMPARE(report.refunds.size(), 1);
        QCOMPARE(report.refunds.at(0).receiptNumber, m_returnReceipt);
        QCOMPARE(report.refunds.at(0).staffId, cashier);
        QCOMPARE(report.refunds.at(0).amount, Money::fromCents(1000));
        QCOMPARE(report.refunds.at(0).approvedBy, QStringLiteral("Mia"));
        QCOMPARE(report.refunds.at(0).at, at(15, 0));

        // Overrides in time order: the no-sale, then the return's approval.
        QCOMPARE(report.overrides.size(), 2);
        QCOMPARE(report.overrides.at(0).what, QStringLiteral("open_drawer_no_sale"));
        QCOMPARE(report.overrides.at(0).reference, m_shift.shiftId);
        QCOMPARE(report.overrides.at(0).requestedBy, cashier);
        QCOMPARE(report.overrides.at(0).approvedBy, manager);
        QCOMPARE(report.overrides.at(0).approverName, QStringLiteral("Mia"));
        QCOMPARE(report.overrides.at(0).reason, QStringLiteral("customer needed change"));
        QCOMPARE(report.overrides.at(1).what, QStringLiteral("approve_return_exception"));
        QCOMPARE(report.overrides.at(1).reference, m_returnReceipt);
        QCOMPARE(report.overrides.at(1).approverName, QStringLiteral("Mia"));

        // The shift still open.
        QCOMPARE(report.openShifts.size(), 1);
        QCOMPARE(report.openShifts.at(0).shiftId, m_shift.shiftId);
        QCOMPARE(report.openShifts.at(0).drawerId, QStringLiteral("T9"));
        QCOMPARE(report.openShifts.at(0).openedBy, cashier);

        // A supervisor of the store sees the same.
        const HttpAnswer bySupervisor = day(dayQuery(supervisor));
        QCOMPARE(bySupervisor.status, 200);
        QCOMPARE(bySupervisor.json, answer.json);

        // The day before holds only its own sale.
        const HttpAnswer before = day(QStringLiteral("store=AMS01&date=%1&staff=%2")
                                          .arg(m_day.addDays(-1).toString(Qt::ISODate))
                                          .arg(manager));
        QCOMPARE(before.status, 200);
        auto earlier = Sync::Protocol::DayReport::fromJson(before.json);
        QVERIFY(earlier);
        QCOMPARE(earlier->perHour.size(), 1);
        QCOMPARE(earlier->perHour.at(0).sales, Money::fromCents(6000));
        QVERIFY(earlier->refunds.isEmpty());
        QVERIFY(earlier->overrides.isEmpty());
        QVERIFY(earlier->openShifts.isEmpty());
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        const QString date = m_day.toString(Qt::ISODate);
        QTest::newRow("cashier")
            << QStringLiteral("store=AMS01&date=%1&staff=%2").arg(date).arg(cashier) << 403
            << QStringLiteral("permission.denied");
        QTest::newRow("another store's supervisor")
            << QStringLiteral("store=AMS01&date=%1&staff=%2").arg(date).arg(otherSupervisor) << 403
            << QStringLiteral("permission.denied");
        QTest::newRow("unknown staff") << QStringLiteral("store=AMS01&date=%1&staff=999").arg(date)
                                       << 403 << QStringLiteral("permission.denied");
        QTest::newRow("another store")
            << QStringLiteral("store=UTR01&date=%1&staff=%2").arg(date).arg(otherSupervisor) << 403
            << QStringLiteral("scope.location");
        QTest::newRow("bad date")
            << QStringLiteral("store=AMS01&date=2026-13-01&staff=%1").arg(manager) << 400
            << QStringLiteral("protocol.bad_value");
        QTest::newRow("no date") << QStringLiteral("store=AMS01&staff=%1").arg(manager) << 400
                                 << QStringLiteral("protocol.bad_value");
        QTest::newRow("no staff") << QStringLiteral("store=AMS01&date=%1").arg(date) << 400
                                  << QStringLiteral("protocol.bad_value");
    }

    void refusals()
    {
        QFETCH(QString, query);
        QFETCH(int, status);
        QFETCH(QString, code);
        const HttpAnswer answer = day(query);
        QCOMPARE(answer.status, status);
        QCOMPARE(answer.json.value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("code"))
                     .toString(),
            code);
    }

    void cleanupTestCase() { m_server.kill(); }
};

QTEST_GUILESS_MAIN(TestDayReport)
#include "tst_dayreport.moc"
