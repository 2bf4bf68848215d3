// The manager's day from this tablet's own data (issue 12, docs/STOREOPS.md): a day of sales
// by two staff members in different hours with cash and card, a payment cancelled after a card
// part was approved (a void), a return outside its window with a manager's approval, and a
// manual discount above the cashier's limit with a manager's approval. The per-hour, per-staff
// and per-tender figures, the refunds and the override list are checked; a cashier is refused;
// the chain source is used when it answers and the local figures when it does not; the PDF
// renders.
#include "app/devices/paymentterminal.h"
#include "app/services/managerservice.h"
#include "app/services/overrideservice.h"
#include "app/services/paymentservice.h"
#include "app/services/returnservice.h"
#include "app/services/saleservice.h"
#include "app/services/serverlookups.h"
#include "app/services/session.h"
#include "app/services/terminal.h"
#include "app/store/localdatabase.h"
#include "tests/support/testcache.h"

#include <QFile>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Toonbank;
using namespace Toonbank::Tests;
using Core::Money;
using Sync::Protocol::DayReport;

namespace {

Money cents(qint64 value)
{
    return Money::fromCents(value);
}

/// A card terminal that approves every payment and reversal at once (queued, like a real one).
class ApprovingTerminal final : public Devices::PaymentTerminal
{
public:
    int number = 0;
    QString poiId() const override { return QStringLiteral("APPROVE-1"); }
    void startPayment(const Devices::CardPaymentRequest &request) override
    {
        Devices::CardPaymentResult result;
        result.serviceId = request.serviceId;
        result.outcome = Devices::TerminalOutcome::Approved;
        result.amount = request.amount;
        result.poiTransactionId = QStringLiteral("POI-%1").arg(++number);
        result.poiTimestamp = QDateTime(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC);
        result.maskedPan = QStringLiteral("**** 1234");
        result.cardBrand = QStringLiteral("VISA");
        result.authCode = QStringLiteral("A1");
        QMetaObject::invokeMethod(
            this, [this, result] { emit paymentFinished(result); }, Qt::QueuedConnection);
    }
    void abort(const QString &) override { }
    void requestStatus(const QString &) override { }
    void reverse(const Devices::ReversalRequest &request) override
    {
        Devices::ReversalResult result;
        result.serviceId = request.serviceId;
        result.outcome = Devices::TerminalOutcome::Approved;
        result.poiTransactionId = QStringLiteral("REV-%1").arg(++number);
        QMetaObject::invokeMethod(
            this, [this, result] { emit reversalFinished(result); }, Qt::QueuedConnection);
    }
};

} // namespace

class TestManagerService final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    Core::FixedClock m_clock { QDateTime(QDate(2026, 11, 25), QTime(10, 15), Qt::UTC) };
    ApprovingTerminal m_card;
    std::unique_ptr<Services::Terminal> m_terminal;
    std::unique_ptr<Services::ManagerService> m_manager;

    Services::Session &session() { return m_terminal->session(); }
    Services::SaleService &sale() { return m_terminal->sale(); }
    Services::PaymentService &pay() { return m_terminal->payments(); }

    static QTimeZone zone() { return QTimeZone::systemTimeZone(); }
    int localHour(const QTime &utc) const
    {
        return QDateTime(QDate(2026, 11, 25), utc, Qt::UTC).toTimeZone(zone()).time().hour();
    }
    QDate localDate() const { return m_clock.nowUtc().toTimeZone(zone()).date(); }
    void at(const QTime &utc) { m_clock.set(QDateTime(QDate(2026, 11, 25), utc, Qt::UTC)); }

    void logIn(qint64 staffId)
    {
        session().logOut();
        const QString pin
            = staffId == TestCache::managerId ? QStringLiteral("3333") : QStringLiteral("1111");
        auto member = session().logIn(staffId, pin);
        QVERIFY2(member.ok(), member.ok() ? "" : qPrintable(member.error().message));
    }
    QString sellCash(const QString &barcode, qint64 tendered)
    {
        if (!sale().scan(barcode))
            return {};
        auto done = sale().payCash(cents(tendered));
        return done ? done->receiptNumber : QString();
    }

    /// Records the day; returns the receipt numbers: [discounted sale, return].
    QStringList recordTheDay()
    {
        QStringList numbers;
        // 40 days ago: the jeans that come back today, outside the 30-day window.
        m_clock.set(QDateTime(QDate(2026, 10, 16), QTime(11, 0), Qt::UTC));
        logIn(TestCache::cashierId);
        const QString old = sellCash(TestCache::jeansBarcode, 10000);

        // 10:15 cashier, cash jeans € 89,95.
        at(QTime(10, 15));
        if (sellCash(TestCache::jeansBarcode, 10000).isEmpty())
            return {};
        // 10:40 cashier, card socks € 4,99.
        at(QTime(10, 40));
        QSignalSpy completed(&pay(), &Services::PaymentService::completed);
        if (!sale().scan(TestCache::socksBarcode) || !pay().begin() || !pay().payCard(cents(499))
            || !completed.wait(5000))
            return {};
        // 10:50 cashier: € 1 by card, then the payment is cancelled (a void).
        at(QTime(10, 50));
        if (!sale().scan(TestCache::socksBarcode) || !pay().begin() || !pay().payCard(cents(100)))
            return {};
        QTest::qWait(50);
        if (!pay().cancel())
            return {};
        QTest::qWait(50);
        if (!sale().clear())
            return {};

        // 14:30 cashier, jeans with a € 30 discount approved by the manager, cash.
        at(QTime(14, 30));
        auto line = sale().addProduct(TestCache::jeansId);
        if (!line)
            return {};
        auto asked = sale().setManualDiscount(
            *line, cents(3000), 0, QStringLiteral("Damaged seam"), std::nullopt);
        if (!asked || asked->applied())
            return {};
        auto approval = m_terminal->overrides().approve(TestCache::managerId,
            QStringLiteral("3333"), Core::Permission::ApproveManualDiscount,
            { *line, cents(3000), asked->approval.what }, QStringLiteral("Damaged seam"));
        if (!approval)
            return {};
        auto applied = sale().setManualDiscount(
            *line, cents(3000), 0, QStringLiteral("Damaged seam"), approval.value());
        if (!applied || !applied->applied())
            return {};
        auto discounted = sale().payCash(cents(6000));
        if (!discounted)
            return {};
        numbers.append(discounted->receiptNumber);

        // 14:50 manager, apple juice € 1,99 cash (rounded to € 2,00).
        at(QTime(14, 50));
        logIn(TestCache::managerId);
        if (sellCash(TestCache::appleJuiceBarcode, 200).isEmpty())
            return {};

        // 16:00 cashier returns the old jeans with the manager's approval (window passed).
        at(QTime(16, 0));
        logIn(TestCache::cashierId);
        Services::ReturnService &returns = m_terminal->returns();
        if (!returns.find(old) || !returns.setQuantity(QStringLiteral("L1"), 1)
            || returns.view().needsApproval != Core::Permission::ApproveReturnException)
            return {};
        auto exception = m_terminal->overrides().approve(TestCache::managerId,
            QStringLiteral("3333"), Core::Permission::ApproveReturnException, { {}, {}, {} },
            QStringLiteral("Goodwill"));
        if (!exception || !returns.approve(exception.value()) || !returns.refund()
            || !returns.lastCompleted())
            return {};
        numbers.append(returns.lastCompleted()->receiptNumber);
        at(QTime(17, 0));
        return numbers;
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
        QFile::remove(m_path);
        const QString failure = TestCache::create(m_path);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        auto terminal = Services::Terminal::open(m_path, false, &m_clock);
        QVERIFY2(terminal.ok(), terminal.ok() ? "" : qPrintable(terminal.error().message));
        m_terminal = std::move(terminal.value());
        m_terminal->setPaymentTerminal(&m_card);
        m_manager = std::make_unique<Services::ManagerService>(
            m_terminal->database(), session(), m_clock);
    }

    void cleanup()
    {
        m_manager.reset();
        m_terminal.reset();
    }

    void aDayOfSalesReturnsAndOverrides()
    {
        const QStringList numbers = recordTheDay();
        QCOMPARE(numbers.size(), 2);
        logIn(TestCache::managerId);
        auto day = m_manager->localDay(localDate());
        QVERIFY2(day.ok(), day.ok() ? "" : qPrintable(day.error().detail));
        const DayReport &report = day.value();
        QCOMPARE(report.storeCode, QStringLiteral("AMS01"));
        QCOMPARE(report.date, localDate());

        // Per hour (store local time): 10:xx two sales, 14:xx two sales.
        QCOMPARE(report.perHour.size(), 2);
        QCOMPARE(report.perHour.at(0).hour, localHour(QTime(10, 15)));
        QCOMPARE(report.perHour.at(0).saleCount, 2);
        QCOMPARE(report.perHour.at(0).sales, cents(8995 + 499));
        QCOMPARE(report.perHour.at(1).hour, localHour(QTime(14, 30)));
        QCOMPARE(report.perHour.at(1).saleCount, 2);
        QCOMPARE(report.perHour.at(1).sales, cents(5995 + 200));

        // Per staff member, highest sales first, with names and the return.
        QCOMPARE(report.perStaff.size(), 2);
        QCOMPARE(report.perStaff.at(0).staffId, TestCache::cashierId);
        QCOMPARE(report.perStaff.at(0).name, QStringLiteral("Anna de Vries"));
        QCOMPARE(report.perStaff.at(0).saleCount, 3);
        QCOMPARE(report.perStaff.at(0).sales, cents(8995 + 499 + 5995));
        QCOMPARE(report.perStaff.at(0).returnCount, 1);
        QCOMPARE(report.perStaff.at(0).refunds, cents(8995));
        QCOMPARE(report.perStaff.at(1).staffId, TestCache::managerId);
        QCOMPARE(report.perStaff.at(1).name, QStringLiteral("Mehmet Yilmaz"));
        QCOMPARE(report.perStaff.at(1).saleCount, 1);
        QCOMPARE(report.perStaff.at(1).sales, cents(200));
        QCOMPARE(report.perStaff.at(1).returnCount, 0);

        // Per tender: cash after rounding, card; the cancelled € 1 is not there.
        QCOMPARE(report.perTender.size(), 2);
        QCOMPARE(report.perTender.value(QStringLiteral("cash")), cents(8995 + 5995 + 200));
        QCOMPARE(report.perTender.value(QStringLiteral("card")), cents(499));

        // The refund with who approved it.
        QCOMPARE(report.refunds.size(), 1);
        QCOMPARE(report.refunds.first().receiptNumber, numbers.at(1));
        QCOMPARE(report.refunds.first().staffId, TestCache::cashierId);
        QCOMPARE(report.refunds.first().amount, cents(8995));
        QCOMPARE(report.refunds.first().approvedBy, QStringLiteral("Mehmet Yilmaz"));
        QCOMPARE(report.refunds.first().at, QDateTime(QDate(2026, 11, 25), QTime(16, 0), Qt::UTC));

        // Overrides in time order: the discount (on its sale), the return exception.
        QCOMPARE(report.overrides.size(), 2);
        const DayReport::Override &discount = report.overrides.at(0);
        QCOMPARE(discount.what, QStringLiteral("approve_manual_discount"));
        QCOMPARE(discount.reference, numbers.at(0));
        QCOMPARE(discount.requestedBy, TestCache::cashierId);
        QCOMPARE(discount.approvedBy, TestCache::managerId);
        QCOMPARE(discount.approverName, QStringLiteral("Mehmet Yilmaz"));
        QCOMPARE(discount.reason, QStringLiteral("Damaged seam"));
        QCOMPARE(discount.at, QDateTime(QDate(2026, 11, 25), QTime(14, 30), Qt::UTC));
        const DayReport::Override &exception = report.overrides.at(1);
        QCOMPARE(exception.what, QStringLiteral("approve_return_exception"));
        QCOMPARE(exception.reference, numbers.at(1));
        QCOMPARE(exception.requestedBy, TestCache::cashierId);
        QCOMPARE(exception.reason, QStringLiteral("Goodwill"));

        QCOMPARE(report.voidCount, 1);
        QVERIFY(report.openShifts.isEmpty());

        // Another day has nothing.
        auto other = m_manager->localDay(localDate().addDays(-1));
        QVERIFY(other.ok());
        QVERIFY(other->perHour.isEmpty());
        QVERIFY(other->refunds.isEmpty());
        QVERIFY(other->overrides.isEmpty());
    }

    void openShiftsAndNoSalesAreListed()
    {
        logIn(TestCache::managerId);
        Store::LocalDatabase &db = m_terminal->database();
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral(
            "INSERT INTO shifts(shift_id, drawer_id, store_code, opened_by, opened_at, "
            "opening_count, opening_float_cents, state) VALUES('S-1', 'T1', 'AMS01', 11, "
            "'2026-11-25T08:00:00.000Z', '{}', 0, 'open')")));
        QVERIFY(q.exec(QStringLiteral(
            "INSERT INTO cash_movements(movement_id, shift_id, kind, amount_cents, reason, "
            "staff_id, at, approved_by) VALUES('M-1', 'S-1', 'no_sale', 0, 'Change for the "
            "till', 10, '2026-11-25T09:00:00.000Z', 11)")));
        auto day = m_manager->localDay(QDate(2026, 11, 25));
        QVERIFY(day.ok());
        QCOMPARE(day->openShifts.size(), 1);
        QCOMPARE(day->openShifts.first().shiftId, QStringLiteral("S-1"));
        QCOMPARE(day->openShifts.first().drawerId, QStringLiteral("T1"));
        QCOMPARE(day->openShifts.first().openedBy, TestCache::managerId);
        QCOMPARE(day->overrides.size(), 1);
        QCOMPARE(day->overrides.first().what, QStringLiteral("open_drawer_no_sale"));
        QCOMPARE(day->overrides.first().reference, QStringLiteral("S-1"));
        QCOMPARE(day->overrides.first().requestedBy, TestCache::cashierId);
        QCOMPARE(day->overrides.first().approverName, QStringLiteral("Mehmet Yilmaz"));
    }

    void aCashierIsRefused()
    {
        logIn(TestCache::cashierId);
        QCOMPARE(m_manager->localDay().error().code, QStringLiteral("permission.denied"));
        bool fromServer = true;
        QCOMPARE(m_manager->day({}, &fromServer).error().code, QStringLiteral("permission.denied"));
        QVERIFY(!fromServer);
        QCOMPARE(m_manager->pdf(DayReport()).error().code, QStringLiteral("permission.denied"));
        session().logOut();
        QCOMPARE(m_manager->localDay().error().code, QStringLiteral("session.locked"));
    }

    void theChainIsAskedFirst()
    {
        logIn(TestCache::managerId);
        QString askedStore;
        QDate askedDate;
        m_manager->setChainSource([&](const QString &store, const QDate &date) {
            askedStore = store;
            askedDate = date;
            DayReport chain;
            chain.storeCode = store;
            chain.date = date;
            chain.voidCount = 42;
            return Core::Result<DayReport>(chain);
        });
        bool fromServer = false;
        auto day = m_manager->day(QDate(2026, 11, 25), &fromServer);
        QVERIFY(day.ok());
        QVERIFY(fromServer);
        QCOMPARE(day->voidCount, 42);
        QCOMPARE(askedStore, QStringLiteral("AMS01"));
        QCOMPARE(askedDate, QDate(2026, 11, 25));

        m_manager->setChainSource([](const QString &, const QDate &) {
            return Core::Result<DayReport>(Core::Error::make(
                QStringLiteral("report.needs_network"), QStringLiteral("offline")));
        });
        day = m_manager->day(QDate(2026, 11, 25), &fromServer);
        QVERIFY(day.ok());
        QVERIFY(!fromServer);
        QCOMPARE(day->voidCount, 0);
        QCOMPARE(day->storeCode, QStringLiteral("AMS01"));

        // The terminal's own wiring: not enrolled, so ServerLookups::dayReport answers
        // "report.needs_network" and the tablet's figures are shown.
        QCOMPARE(m_terminal->lookups()
                     .dayReport(QStringLiteral("AMS01"), QDate(2026, 11, 25), TestCache::managerId)
                     .error()
                     .code,
            QStringLiteral("report.needs_network"));
        fromServer = true;
        day = m_terminal->manager().day(QDate(2026, 11, 25), &fromServer);
        QVERIFY(day.ok());
        QVERIFY(!fromServer);
    }

    void thePdfRenders()
    {
        QCOMPARE(recordTheDay().size(), 2);
        logIn(TestCache::managerId);
        auto day = m_manager->localDay(localDate());
        QVERIFY(day.ok());
        auto pdf = m_manager->pdf(day.value());
        QVERIFY2(pdf.ok(), pdf.ok() ? "" : qPrintable(pdf.error().detail));
        QVERIFY(pdf->startsWith("%PDF"));
        QVERIFY(pdf->size() > 1000);
        QFile out(TestCache::outputDir(QStringLiteral("manager")) + QStringLiteral("/day.pdf"));
        if (out.open(QIODevice::WriteOnly))
            out.write(pdf.value());
    }
};

QTEST_MAIN(TestManagerService)
#include "tst_managerservice.moc"
