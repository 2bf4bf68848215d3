// Training mode (issue 12, docs/STOREOPS.md) on the test cache with a fixed clock: switching
// it needs a supervisor or manager and is journaled; a training sale moves no stock and no
// points, refuses gift card / store credit / points tenders, takes a card without asking the
// terminal (a counting fake), is journaled as training_sale with amount 0 (the grand total does
// not move) and the journal still verifies; a training return moves no stock; the manager's
// day leaves training out.
#include "app/core/barcode.h"
#include "app/devices/paymentterminal.h"
#include "app/services/managerservice.h"
#include "app/services/paymentservice.h"
#include "app/services/returnservice.h"
#include "app/services/saleservice.h"
#include "app/services/session.h"
#include "app/services/terminal.h"
#include "app/store/customercache.h"
#include "app/store/localdatabase.h"
#include "app/store/salesledger.h"
#include "sync/protocol/saleevent.h"
#include "tests/support/testcache.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Toonbank;
using namespace Toonbank::Tests;
using Core::Money;

namespace {

QString cardNumber(const QString &nine)
{
    const QString twelve = QStringLiteral("299") + nine;
    return twelve + QString::number(Core::Barcode::checkDigit(twelve));
}

const QString pietCard = cardNumber(QStringLiteral("000000501"));
const QString giftCard = QStringLiteral("6001234567890123");

/// A card terminal that only counts what it is asked: a training sale must ask nothing.
class CountingTerminal final : public Devices::PaymentTerminal
{
public:
    int payments = 0;
    int statuses = 0;
    int reversals = 0;
    QString poiId() const override { return QStringLiteral("COUNT-1"); }
    void startPayment(const Devices::CardPaymentRequest &) override { ++payments; }
    void abort(const QString &) override { }
    void requestStatus(const QString &) override { ++statuses; }
    void reverse(const Devices::ReversalRequest &) override { ++reversals; }
};

/// An online wallet that counts calls and always has money: training must not call it.
class CountingWallet final : public Services::StoredValueClient
{
public:
    int calls = 0;
    bool isOnline() const override { return true; }
    Core::Result<Services::StoredValueBalance> giftCardBalance(const QString &number) override
    {
        ++calls;
        return Services::StoredValueBalance { number, Money::fromCents(100000), {},
            Services::StoredValueBalance::State::Active };
    }
    Core::Result<Services::StoredValueClaim> redeemGiftCard(const QString &claimId,
        const QString &number, Money amount, const QString &, const QString &) override
    {
        ++calls;
        return Services::StoredValueClaim { claimId, number, amount, Money::fromCents(1000),
            Services::StoredValueClaim::State::Claimed };
    }
    Core::Result<Services::StoredValueBalance> storeCreditBalance(qint64) override
    {
        ++calls;
        return Services::StoredValueBalance { pietCard, Money::fromCents(100000), {},
            Services::StoredValueBalance::State::Active };
    }
    Core::Result<Services::StoredValueClaim> redeemStoreCredit(
        const QString &claimId, qint64, Money amount, const QString &, const QString &) override
    {
        ++calls;
        return Services::StoredValueClaim { claimId, pietCard, amount, Money::fromCents(1000),
            Services::StoredValueClaim::State::Claimed };
    }
    Core::Status releaseClaim(const QString &) override
    {
        ++calls;
        return Core::success();
    }
    Core::Result<Services::StoredValueClaim> claimStatus(const QString &claimId) override
    {
        ++calls;
        return Core::Error::make(QStringLiteral("claim.unknown"), claimId);
    }
};

} // namespace

class TestTraining final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    Core::FixedClock m_clock { QDateTime(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC) };
    CountingTerminal m_card;
    CountingWallet m_wallet;
    std::unique_ptr<Services::Terminal> m_terminal;

    Services::Session &session() { return m_terminal->session(); }
    Services::SaleService &sale() { return m_terminal->sale(); }
    Services::PaymentService &pay() { return m_terminal->payments(); }
    Store::LocalDatabase &db() { return m_terminal->database(); }

    qint64 scalar(const QString &sql)
    {
        QSqlQuery q(db().connection());
        if (!q.exec(sql) || !q.next())
            return -1;
        return q.value(0).toLongLong();
    }
    qint64 jeansStock()
    {
        return scalar(QStringLiteral(
            "SELECT quantity FROM stock WHERE product_id = 100 AND location_id = 1"));
    }
    qint64 grandTotal()
    {
        return scalar(
            QStringLiteral("SELECT grand_total_cents FROM journal ORDER BY seq DESC LIMIT 1"));
    }
    QString lastJournalKind()
    {
        QSqlQuery q(db().connection());
        if (!q.exec(QStringLiteral("SELECT kind FROM journal ORDER BY seq DESC LIMIT 1"))
            || !q.next())
            return {};
        return q.value(0).toString();
    }

    void logIn(qint64 staffId)
    {
        session().logOut();
        const QString pin
            = staffId == TestCache::managerId ? QStringLiteral("3333") : QStringLiteral("1111");
        auto member = session().logIn(staffId, pin);
        QVERIFY2(member.ok(), member.ok() ? "" : qPrintable(member.error().message));
    }
    /// The manager puts the cashier in training (or out), then the cashier logs in again.
    void cashierTraining(bool on)
    {
        logIn(TestCache::managerId);
        const Core::Status switched = session().setTraining(TestCache::cashierId, on);
        QVERIFY2(switched, switched ? "" : qPrintable(switched.error().message));
        logIn(TestCache::cashierId);
        QCOMPARE(session().isTraining(), on);
    }
    Services::CompletedSale sellJeansCash()
    {
        if (!sale().scan(TestCache::jeansBarcode))
            return {};
        auto done = sale().payCash(Money::fromCents(10000));
        return done ? done.value() : Services::CompletedSale();
    }
    void addPiet()
    {
        Store::CustomerRecord piet;
        piet.id = 501;
        piet.cardNumber = pietCard;
        piet.name = QStringLiteral("Piet Jansen");
        piet.tier = QStringLiteral("basic");
        piet.pointsBalance = 5000;
        piet.homeStoreCode = QStringLiteral("AMS01");
        piet.lastSeenAt = m_clock.nowUtc();
        QVERIFY(Store::CustomerCache(db()).upsertFromServer(piet));
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
        m_card.payments = m_card.statuses = m_card.reversals = 0;
        m_wallet.calls = 0;
        m_path = m_dir.filePath(QStringLiteral("cache-%1.sqlite")
                                    .arg(QString::fromLatin1(QTest::currentTestFunction())));
        QFile::remove(m_path);
        const QString failure = TestCache::create(m_path);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        auto terminal = Services::Terminal::open(m_path, false, &m_clock);
        QVERIFY2(terminal.ok(), terminal.ok() ? "" : qPrintable(terminal.error().message));
        m_terminal = std::move(terminal.value());
        m_terminal->setPaymentTerminal(&m_card);
        pay().setStoredValue(&m_wallet);
    }

    void cleanup() { m_terminal.reset(); }

    void switchingNeedsASupervisorAndIsJournaled()
    {
        logIn(TestCache::cashierId);
        QSignalSpy changed(&session(), &Services::Session::trainingChanged);
        const Core::Status refused = session().setTraining(TestCache::cashierId, true);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("permission.denied"));
        QVERIFY(!session().isTraining());
        QCOMPARE(changed.count(), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM journal")), 0);

        logIn(TestCache::managerId);
        // Staff of another store (12, Utrecht) or nobody at all.
        QCOMPARE(
            session().setTraining(12, true).error().code, QStringLiteral("training.unknown_staff"));
        QCOMPARE(session().setTraining(999, true).error().code,
            QStringLiteral("training.unknown_staff"));
        QVERIFY(session().setTraining(TestCache::cashierId, true));
        QCOMPARE(changed.count(), 1);
        QVERIFY(session().isTraining(TestCache::cashierId));
        QVERIFY(!session().isTraining()); // the manager is not in training
        QCOMPARE(db().setting(QStringLiteral("training_staff")), QStringLiteral("[10]"));

        QSqlQuery q(db().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT kind, amount_cents, body FROM journal")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("training_switched"));
        QCOMPARE(q.value(1).toLongLong(), 0);
        const QJsonObject event = QJsonDocument::fromJson(q.value(2).toString().toUtf8())
                                      .object()
                                      .value(QStringLiteral("event"))
                                      .toObject();
        QCOMPARE(event.value(QStringLiteral("staffId")).toInteger(), TestCache::cashierId);
        QCOMPARE(event.value(QStringLiteral("on")).toBool(), true);
        QCOMPARE(event.value(QStringLiteral("switchedBy")).toInteger(), TestCache::managerId);

        // Kept on the device: a new session (a restart) still knows it.
        m_terminal.reset();
        auto reopened = Services::Terminal::open(m_path, false, &m_clock);
        QVERIFY(reopened.ok());
        m_terminal = std::move(reopened.value());
        logIn(TestCache::cashierId);
        QVERIFY(session().isTraining());

        cashierTraining(false);
        QCOMPARE(db().setting(QStringLiteral("training_staff")), QStringLiteral("[]"));
        QCOMPARE(
            scalar(QStringLiteral("SELECT count(*) FROM journal WHERE kind = 'training_switched'")),
            2);
        QVERIFY(Store::SalesLedger(db()).verifyJournal());
    }

    void trainingSaleMovesNoStockNoPointsAndNoGrandTotal()
    {
        addPiet();
        logIn(TestCache::cashierId);
        QVERIFY(!sellJeansCash().receiptNumber.isEmpty()); // a real sale first
        const qint64 stockBefore = jeansStock();
        const qint64 totalBefore = grandTotal();
        QCOMPARE(totalBefore, 8995);

        cashierTraining(true);
        QVERIFY(sale().attachCustomer(pietCard));
        const Services::CompletedSale done = sellJeansCash();
        QVERIFY(!done.receiptNumber.isEmpty());
        QVERIFY(done.sale.training);
        QCOMPARE(done.sale.pointsEarned, 0);
        QVERIFY(sale().receiptFor(done).training);

        QCOMPARE(jeansStock(), stockBefore);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM loyalty_pending")), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT training FROM sales WHERE receipt_number = '%1'")
                            .arg(done.receiptNumber)),
            1);
        QCOMPARE(lastJournalKind(), QStringLiteral("training_sale"));
        QCOMPARE(scalar(QStringLiteral("SELECT amount_cents FROM journal ORDER BY seq DESC "
                                       "LIMIT 1")),
            0);
        QCOMPARE(grandTotal(), totalBefore);
        QVERIFY(Store::SalesLedger(db()).verifyJournal());

        // The event still travels to the server, marked training.
        QSqlQuery q(db().connection());
        QVERIFY(q.exec(QStringLiteral(
            "SELECT payload FROM outbox WHERE type = 'sale' ORDER BY device_seq DESC LIMIT 1")));
        QVERIFY(q.next());
        auto event = Sync::Protocol::saleFromJson(
            QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object());
        QVERIFY(event.ok());
        QVERIFY(event->training);
        QCOMPARE(event->pointsEarned, 0);
    }

    void trainingPaymentRefusesStoredValueAndSkipsTheTerminal()
    {
        addPiet();
        cashierTraining(true);
        const qint64 stockBefore = jeansStock();
        const qint64 totalBefore = grandTotal();
        QVERIFY(sale().scan(TestCache::jeansBarcode));
        QVERIFY(sale().attachCustomer(pietCard));
        QVERIFY(pay().begin());

        const Core::Status gift = pay().payGiftCard(giftCard, Money::fromCents(1000));
        QCOMPARE(gift.error().code, QStringLiteral("training.not_allowed"));
        QVERIFY(!gift.error().message.isEmpty());
        QCOMPARE(pay().payStoreCredit(Money::fromCents(1000)).error().code,
            QStringLiteral("training.not_allowed"));
        QCOMPARE(pay().payPoints(100).error().code, QStringLiteral("training.not_allowed"));
        QCOMPARE(m_wallet.calls, 0);
        const Services::PaymentView view = pay().view();
        for (const Services::PaymentMethodView &method : view.methods) {
            const bool usable = method.method == Core::TenderMethod::Cash
                || method.method == Core::TenderMethod::Card;
            QCOMPARE(method.usable, usable);
        }

        QSignalSpy completed(&pay(), &Services::PaymentService::completed);
        QVERIFY(pay().payCard(Money::fromCents(8995)));
        QCOMPARE(completed.count(), 1);
        QCOMPARE(m_card.payments + m_card.statuses + m_card.reversals, 0);
        const Services::CompletedSale done = *pay().lastCompleted();
        QVERIFY(done.sale.training);
        QCOMPARE(done.sale.tenders.size(), 1);
        QCOMPARE(done.sale.tenders.first().method, Core::TenderMethod::Card);
        QCOMPARE(done.sale.tenders.first().reference, QStringLiteral("TRAINING"));
        QCOMPARE(jeansStock(), stockBefore);
        QCOMPARE(lastJournalKind(), QStringLiteral("training_sale"));
        QCOMPARE(grandTotal(), totalBefore);
        QVERIFY(Store::SalesLedger(db()).verifyJournal());
    }

    void cancellingATrainingCardGivesNothingBackAtTheTerminal()
    {
        cashierTraining(true);
        QVERIFY(sale().scan(TestCache::jeansBarcode));
        QVERIFY(pay().begin());
        QVERIFY(pay().payCard(Money::fromCents(1000)));
        QVERIFY(pay().cancel());
        QCOMPARE(m_card.payments + m_card.statuses + m_card.reversals, 0);
        const Services::PaymentView view = pay().view();
        QCOMPARE(view.tenders.size(), 1);
        QCOMPARE(view.tenders.first().state, Services::TenderView::State::Reversed);
    }

    void trainingReturnMovesNoStock_data()
    {
        QTest::addColumn<bool>("card");
        QTest::newRow("cash") << false;
        QTest::newRow("card") << true;
    }
    void trainingReturnMovesNoStock()
    {
        QFETCH(bool, card);
        cashierTraining(true);
        QVERIFY(sale().scan(TestCache::jeansBarcode));
        QVERIFY(pay().begin());
        if (card)
            QVERIFY(pay().payCard(Money::fromCents(8995)));
        else
            QVERIFY(pay().payCash(Money::fromCents(9000)));
        QVERIFY(pay().lastCompleted());
        const QString receipt = pay().lastCompleted()->receiptNumber;
        const qint64 stockBefore = jeansStock();
        const qint64 totalBefore = grandTotal();

        Services::ReturnService &returns = m_terminal->returns();
        QSignalSpy completed(&returns, &Services::ReturnService::completed);
        const Core::Status found = returns.find(receipt);
        QVERIFY2(found, found ? "" : qPrintable(found.error().message));
        QVERIFY(returns.setQuantity(QStringLiteral("L1"), 1));
        const Core::Status refunded = returns.refund();
        QVERIFY2(refunded, refunded ? "" : qPrintable(refunded.error().message));
        QCOMPARE(completed.count(), 1);
        QCOMPARE(m_card.payments + m_card.statuses + m_card.reversals, 0);
        const Services::CompletedReturn done = *returns.lastCompleted();
        QVERIFY(done.ret.training);
        QCOMPARE(jeansStock(), stockBefore);
        QCOMPARE(scalar(QStringLiteral("SELECT training FROM returns")), 1);
        QCOMPARE(lastJournalKind(), QStringLiteral("training_return"));
        QCOMPARE(grandTotal(), totalBefore);
        QVERIFY(Store::SalesLedger(db()).verifyJournal());
    }

    void trainingReturnOfARealSaleMovesNoStock()
    {
        logIn(TestCache::cashierId);
        const QString receipt = sellJeansCash().receiptNumber;
        QVERIFY(!receipt.isEmpty());
        const qint64 stockBefore = jeansStock();
        const qint64 totalBefore = grandTotal();
        cashierTraining(true);
        Services::ReturnService &returns = m_terminal->returns();
        QVERIFY(returns.find(receipt));
        QVERIFY(returns.setQuantity(QStringLiteral("L1"), 1));
        QVERIFY(returns.refund());
        QVERIFY(returns.lastCompleted());
        QVERIFY(returns.lastCompleted()->ret.training);
        QCOMPARE(jeansStock(), stockBefore);
        QCOMPARE(grandTotal(), totalBefore);
        QCOMPARE(lastJournalKind(), QStringLiteral("training_return"));
        // The real sale is still returnable in full, its cash not counted as refunded.
        QCOMPARE(scalar(QStringLiteral("SELECT returned_quantity FROM sale_lines l JOIN sales s "
                                       "ON s.id = l.sale_id WHERE s.receipt_number = '%1'")
                            .arg(receipt)),
            0);
        QCOMPARE(scalar(QStringLiteral("SELECT refunded_cents FROM sale_payments p JOIN sales s "
                                       "ON s.id = p.sale_id WHERE s.receipt_number = '%1'")
                            .arg(receipt)),
            0);
    }

    void managersDayLeavesTrainingOut()
    {
        logIn(TestCache::cashierId);
        QVERIFY(!sellJeansCash().receiptNumber.isEmpty());
        logIn(TestCache::managerId);
        Services::ManagerService manager(db(), session(), m_clock);
        auto before = manager.localDay();
        QVERIFY2(before.ok(), before.ok() ? "" : qPrintable(before.error().detail));

        cashierTraining(true);
        m_clock.advanceSecs(3600);
        QVERIFY(!sellJeansCash().receiptNumber.isEmpty());
        QVERIFY(sale().scan(TestCache::socksBarcode));
        QVERIFY(pay().begin());
        QVERIFY(pay().payCard(Money::fromCents(499)));
        logIn(TestCache::managerId);

        auto after = manager.localDay();
        QVERIFY(after.ok());
        QCOMPARE(after->perHour.size(), 1);
        QCOMPARE(after->perHour.first().saleCount, 1);
        QCOMPARE(after->perHour.first().sales, before->perHour.first().sales);
        QCOMPARE(after->perTender, before->perTender);
        QCOMPARE(after->perStaff.size(), 1);
        QCOMPARE(after->perStaff.first().saleCount, 1);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM sales WHERE training = 1")), 2);
    }
};

QTEST_MAIN(TestTraining)
#include "tst_training.moc"
