// PaymentService on the test cache with a fixed clock, against the REAL toonbank-terminal-sim
// process (tests/support/terminalsimprocess): split card + cash with and without cash rounding,
// declined / cancelled / busy cards, a lost answer settled by TransactionStatus, cancelling a
// payment with an approved card (reversed at the simulator), gift cards and store credit
// through a stored-value client, points offline, the frozen basket, gift cards sold at the
// till, restoring an open payment, and bad input that writes nothing.
#include "app/core/barcode.h"
#include "app/core/payment.h"
#include "app/devices/paymentterminal.h"
#include "app/services/paymentservice.h"
#include "app/services/saleservice.h"
#include "app/services/session.h"
#include "app/services/terminal.h"
#include "app/store/catalogwriter.h"
#include "app/store/customercache.h"
#include "app/store/localdatabase.h"
#include "app/store/paymentstore.h"
#include "sync/protocol/saleevent.h"
#include "tests/support/terminalsimprocess.h"
#include "tests/support/testcache.h"

#include <QElapsedTimer>
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
using Services::PaymentService;
using Services::TenderView;
using Services::TerminalState;

namespace {

QString cardNumber(const QString &nine)
{
    const QString twelve = QStringLiteral("299") + nine;
    return twelve + QString::number(Core::Barcode::checkDigit(twelve));
}

const QString pietCard = cardNumber(QStringLiteral("000000501"));
const QString giftCard = QStringLiteral("6001234567890123");

Money cents(qint64 value)
{
    return Money::fromCents(value);
}

/// The online wallet as the server answers it, in memory: balances, idempotent claims by id.
class FakeWallet final : public Services::StoredValueClient
{
public:
    bool online = true;
    QHash<QString, qint64> giftCards { { giftCard, 2000 } };
    qint64 storeCredit = 1500;
    struct Claim
    {
        QString number;
        qint64 amount = 0;
        qint64 left = 0;
        Services::StoredValueClaim::State state = Services::StoredValueClaim::State::Claimed;
    };
    QHash<QString, Claim> claims;
    bool loseNextAnswer = false; // the claim is made, but the answer is a timeout
    QStringList released;

    bool isOnline() const override { return online; }
    Core::Result<Services::StoredValueBalance> giftCardBalance(const QString &number) override
    {
        if (!giftCards.contains(number))
            return Core::Error::make(QStringLiteral("giftcard.unknown"), QStringLiteral("unknown"));
        return Services::StoredValueBalance { number, cents(giftCards.value(number)), {},
            Services::StoredValueBalance::State::Active };
    }
    Core::Result<Services::StoredValueClaim> take(
        const QString &claimId, const QString &number, qint64 &balance, Money amount)
    {
        if (claims.contains(claimId)) {
            const Claim &c = claims.value(claimId);
            return Services::StoredValueClaim { claimId, c.number, cents(c.amount), cents(c.left),
                c.state };
        }
        if (balance < amount.cents())
            return Core::Error::make(QStringLiteral("giftcard.insufficient"),
                QStringLiteral("Only %1 on the card.").arg(balance));
        balance -= amount.cents();
        claims.insert(claimId, { number, amount.cents(), balance });
        if (loseNextAnswer) {
            loseNextAnswer = false;
            return Core::Error::make(QStringLiteral("sync.timeout"), QStringLiteral("timeout"));
        }
        return Services::StoredValueClaim { claimId, number, amount, cents(balance),
            Services::StoredValueClaim::State::Claimed };
    }
    Core::Result<Services::StoredValueClaim> redeemGiftCard(const QString &claimId,
        const QString &number, Money amount, const QString &, const QString &) override
    {
        if (!giftCards.contains(number))
            return Core::Error::make(QStringLiteral("giftcard.unknown"), QStringLiteral("unknown"));
        return take(claimId, number, giftCards[number], amount);
    }
    Core::Result<Services::StoredValueBalance> storeCreditBalance(qint64) override
    {
        return Services::StoredValueBalance { pietCard, cents(storeCredit), {},
            Services::StoredValueBalance::State::Active };
    }
    Core::Result<Services::StoredValueClaim> redeemStoreCredit(
        const QString &claimId, qint64, Money amount, const QString &, const QString &) override
    {
        return take(claimId, pietCard, storeCredit, amount);
    }
    Core::Status releaseClaim(const QString &claimId) override
    {
        if (!claims.contains(claimId))
            return Core::Error::make(QStringLiteral("claim.unknown"), QStringLiteral("unknown"));
        Claim &c = claims[claimId];
        if (c.state == Services::StoredValueClaim::State::Claimed) {
            c.state = Services::StoredValueClaim::State::Released;
            if (giftCards.contains(c.number))
                giftCards[c.number] += c.amount;
            else
                storeCredit += c.amount;
            released.append(claimId);
        }
        return Core::success();
    }
    Core::Result<Services::StoredValueClaim> claimStatus(const QString &claimId) override
    {
        if (!claims.contains(claimId))
            return Core::Error::make(QStringLiteral("claim.unknown"), QStringLiteral("unknown"));
        const Claim &c = claims.value(claimId);
        return Services::StoredValueClaim { claimId, c.number, cents(c.amount), cents(c.left),
            c.state };
    }
};

} // namespace

class TestPaymentService final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    Core::FixedClock m_clock { QDateTime(QDate(2026, 11, 25), QTime(14, 0), Qt::UTC) };
    TerminalSimProcess m_sim;
    std::unique_ptr<Devices::NexoHttpTerminal> m_card;
    FakeWallet m_wallet;
    std::unique_ptr<Services::Terminal> m_terminal;

    Services::SaleService &sale() { return m_terminal->sale(); }
    PaymentService &pay() { return m_terminal->payments(); }
    Store::LocalDatabase &db() { return m_terminal->database(); }

    qint64 scalar(const QString &sql)
    {
        QSqlQuery q(db().connection());
        if (!q.exec(sql) || !q.next())
            return -1;
        return q.value(0).toLongLong();
    }

    void openTerminal(int paymentTimeoutMs = 15000)
    {
        m_terminal.reset();
        auto terminal = Services::Terminal::open(m_path, false, &m_clock);
        QVERIFY2(terminal.ok(), terminal.ok() ? "" : qPrintable(terminal.error().message));
        m_terminal = std::move(terminal.value());
        Devices::NexoHttpTerminal::Config config;
        config.endpoint = m_sim.endpoint();
        config.saleId = QStringLiteral("AMS01-T1");
        config.poiId = m_sim.poiId();
        config.paymentTimeoutMs = paymentTimeoutMs;
        config.requestTimeoutMs = 3000;
        m_card = std::make_unique<Devices::NexoHttpTerminal>(config);
        m_terminal->setPaymentTerminal(m_card.get());
        pay().setStoredValue(&m_wallet);
        pay().setStatusBackoff({ 100, 200, 400 });
        auto member = m_terminal->session().logIn(TestCache::cashierId, QStringLiteral("1111"));
        QVERIFY(member.ok());
    }

    void setCashRounding(bool rounds)
    {
        QSqlQuery q(db().connection());
        QVERIFY(q.exec(QStringLiteral("UPDATE locations SET cash_rounding = %1 WHERE id = 1")
                           .arg(rounds ? 1 : 0)));
        openTerminal();
    }

    void addPiet(qint64 points)
    {
        Store::CustomerRecord piet;
        piet.id = 501;
        piet.cardNumber = pietCard;
        piet.name = QStringLiteral("Piet Jansen");
        piet.tier = QStringLiteral("basic");
        piet.pointsBalance = points;
        piet.homeStoreCode = QStringLiteral("AMS01");
        piet.lastSeenAt = m_clock.nowUtc();
        QVERIFY(Store::CustomerCache(db()).upsertFromServer(piet));
    }

    /// Adds products by barcode: "J" jeans € 89,95, "A" apple juice € 1,99, "S" socks € 4,99.
    void basket(const QString &codes)
    {
        for (const QChar c : codes) {
            const QString barcode = c == QLatin1Char('J') ? TestCache::jeansBarcode
                : c == QLatin1Char('A')                   ? TestCache::appleJuiceBarcode
                                                          : TestCache::socksBarcode;
            QVERIFY(sale().scan(barcode));
        }
    }

    /// Waits until no card payment or status check runs and nothing is pending.
    bool settle(int timeoutMs = 20000)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            const Services::PaymentView view = pay().view();
            const bool pending
                = std::any_of(view.tenders.cbegin(), view.tenders.cend(), [](const TenderView &t) {
                      return t.state == TenderView::State::Pending
                          || t.state == TenderView::State::Reversing;
                  });
            if (!pending && view.terminal != TerminalState::Waiting
                && view.terminal != TerminalState::Checking)
                return true;
            QTest::qWait(20);
        }
        return false;
    }

    Core::Sale recordedSale()
    {
        QSqlQuery q(db().connection());
        if (!q.exec(QStringLiteral("SELECT payload FROM outbox WHERE type = 'sale' ORDER BY "
                                   "device_seq DESC LIMIT 1"))
            || !q.next())
            return {};
        auto sale = Sync::Protocol::saleFromJson(
            QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object());
        return sale ? sale.value() : Core::Sale();
    }

    qint64 tenderRows() { return scalar(QStringLiteral("SELECT count(*) FROM payment_tenders")); }

private slots:
    void initTestCase()
    {
        QFile key(m_dir.filePath(QStringLiteral("machine-id")));
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write("fedcba9876543210fedcba9876543210\n");
        key.close();
        qputenv("TOONBANK_DEVICE_KEY_FILE", QFile::encodeName(key.fileName()));
        QVERIFY(m_sim.start());
    }

    void init()
    {
        QVERIFY(m_sim.reset());
        m_wallet = FakeWallet();
        m_path = m_dir.filePath(QStringLiteral("cache-%1-%2.sqlite")
                                    .arg(QString::fromLatin1(QTest::currentTestFunction()),
                                        QString::fromLatin1(QTest::currentDataTag())));
        QFile::remove(m_path);
        const QString failure = TestCache::create(m_path);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        openTerminal();
    }

    void cleanup()
    {
        m_terminal.reset();
        m_card.reset();
    }

    // --- split card + cash: rounding on the cash part only --------------------------------

    void splitCardAndCash_data()
    {
        QTest::addColumn<bool>("rounds");
        QTest::addColumn<QString>("items");
        // Steps in order: "card:CENTS", "cash:CENTS" (a part in cash), "cash" (the rest).
        QTest::addColumn<QStringList>("steps");
        QTest::addColumn<qint64>("total");
        QTest::addColumn<qint64>("rounding");
        QTest::addColumn<qint64>("cardCharged");

        const auto row = [](const char *tag, bool rounds, const char *items, QStringList steps,
                             qint64 total, qint64 rounding, qint64 card) {
            QTest::newRow(tag) << rounds << QString::fromLatin1(items) << steps << total << rounding
                               << card;
        };
        const QString rest = QStringLiteral("cash");
        row("rounds: card 50.00, cash rest 41.94 -> 41.95", true, "JA",
            { QStringLiteral("card:5000"), rest }, 9194, 1, 5000);
        row("no rounding: card 50.00, cash rest 41.94", false, "JA",
            { QStringLiteral("card:5000"), rest }, 9194, 0, 5000);
        row("rounds: card 41.97, cash rest 49.97 -> 49.95", true, "JA",
            { QStringLiteral("card:4197"), rest }, 9194, -2, 4197);
        row("rounds: card 90.00, cash rest 1.94 -> 1.95", true, "JA",
            { QStringLiteral("card:9000"), rest }, 9194, 1, 9000);
        row("rounds: cash 50.00 first, card 41.94 not rounded", true, "JA",
            { QStringLiteral("cash:5000"), QStringLiteral("card:4194") }, 9194, 0, 4194);
        row("no rounding: cash 50.01 first, card 41.93", false, "JA",
            { QStringLiteral("cash:5001"), QStringLiteral("card:4193") }, 9194, 0, 4193);
        row("rounds: cash 20.00 first, card 74.94", true, "JS",
            { QStringLiteral("cash:2000"), QStringLiteral("card:7494") }, 9494, 0, 7494);
        row("rounds: card pays 4.99 whole, never rounded", true, "S",
            { QStringLiteral("card:499") }, 499, 0, 499);
        row("no rounding: card pays 91.94 whole", false, "JA", { QStringLiteral("card:9194") },
            9194, 0, 9194);
        row("rounds: cash 1.00 first, card 0.99", true, "A",
            { QStringLiteral("cash:100"), QStringLiteral("card:99") }, 199, 0, 99);
        row("rounds: card 1.00, cash rest 0.99 -> 1.00", true, "A",
            { QStringLiteral("card:100"), rest }, 199, 1, 100);
        row("rounds: cash 3.00, card 2.00, cash rest 1.98 -> 2.00", true, "AS",
            { QStringLiteral("cash:300"), QStringLiteral("card:200"), rest }, 698, 2, 200);
        row("no rounding: card 0.01, cash rest 6.97", false, "AS",
            { QStringLiteral("card:1"), rest }, 698, 0, 1);
    }

    void splitCardAndCash()
    {
        QFETCH(bool, rounds);
        QFETCH(QString, items);
        QFETCH(QStringList, steps);
        QFETCH(qint64, total);
        QFETCH(qint64, rounding);
        QFETCH(qint64, cardCharged);

        if (!rounds)
            setCashRounding(false);
        basket(items);
        QSignalSpy completed(&pay(), &PaymentService::completed);
        QVERIFY(pay().begin());
        QCOMPARE(pay().view().total, cents(total));
        qint64 cashPaid = 0;
        for (const QString &step : std::as_const(steps)) {
            const QStringList parts = step.split(QLatin1Char(':'));
            if (parts.first() == QLatin1String("card")) {
                const Core::Status started = pay().payCard(cents(parts.at(1).toLongLong()));
                QVERIFY2(started, started ? "" : qPrintable(started.error().detail));
                QVERIFY(settle());
            } else if (parts.size() == 2) {
                const Money part = cents(parts.at(1).toLongLong());
                QVERIFY(pay().payCash(part, part));
                cashPaid += part.cents();
            } else {
                const Money due = pay().view().cash.due;
                QCOMPARE(due, Core::cashPart(pay().view().remaining, rounds).due);
                QVERIFY(pay().payCash(cents(10000), std::nullopt));
                cashPaid += due.cents();
            }
        }
        QCOMPARE(completed.size(), 1);
        QVERIFY(!pay().isOpen());
        QVERIFY(!sale().isFrozen());
        QVERIFY(sale().isEmpty());

        // One sale with exactly these tenders; the card part is charged once and unrounded.
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM sales")), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE type = 'sale'")), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT total_cents FROM sales")), total);
        QCOMPARE(scalar(QStringLiteral("SELECT rounding_cents FROM sales")), rounding);
        QCOMPARE(
            scalar(QStringLiteral(
                "SELECT coalesce(sum(amount_cents), 0) FROM sale_payments WHERE method = 'card'")),
            cardCharged);
        QCOMPARE(
            scalar(QStringLiteral(
                "SELECT coalesce(sum(amount_cents), 0) FROM sale_payments WHERE method = 'cash'")),
            cashPaid);
        QCOMPARE(m_sim.approvedPayments(), 1);
        QCOMPARE(m_sim.chargedCents(), cardCharged);
        const Core::Sale wire = recordedSale();
        QCOMPARE(wire.rounding, cents(rounding));
        QVERIFY(Core::checkTenders(wire, rounds, Core::LoyaltyRules::defaults()));
        for (const Core::Tender &tender : wire.tenders) {
            if (tender.method != Core::TenderMethod::Card)
                continue;
            QCOMPARE(tender.claimId.size(), 10);
            QVERIFY(!tender.reference.isEmpty());
            QVERIFY(!tender.maskedPan.isEmpty());
            QVERIFY(!tender.authCode.isEmpty());
        }
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM payment_sessions WHERE state = "
                                       "'completed'")),
            1);
        QCOMPARE(pay().lastCompleted()->sale.rounding, cents(rounding));
    }

    // --- card outcomes --------------------------------------------------------------------

    void declinedThenAnotherCard()
    {
        basket(QStringLiteral("JA"));
        QVERIFY(pay().begin());
        QSignalSpy failed(&pay(), &PaymentService::failed);
        QVERIFY(m_sim.queue(QStringLiteral("decline")));
        QVERIFY(pay().payCard(cents(9194)));
        QVERIFY(settle());
        QCOMPARE(pay().view().terminal, TerminalState::Declined);
        QCOMPARE(pay().view().tenders.size(), 1);
        QCOMPARE(pay().view().tenders.first().state, TenderView::State::Failed);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().first().value<Core::Error>().code, QStringLiteral("card.declined"));
        QCOMPARE(pay().view().paid, Money());
        QVERIFY(pay().isOpen());

        QSignalSpy completed(&pay(), &PaymentService::completed);
        QVERIFY(pay().payCard(cents(9194)));
        QVERIFY(settle());
        QCOMPARE(completed.size(), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM sales")), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM sale_payments")), 1);
        QCOMPARE(m_sim.approvedPayments(), 1);
        QCOMPARE(m_sim.chargedCents(), 9194);
    }

    void customerCancelsThenPaysCash()
    {
        basket(QStringLiteral("A"));
        QVERIFY(pay().begin());
        QVERIFY(pay().payCash(cents(100), cents(100)));
        QVERIFY(m_sim.queue(QStringLiteral("cancel")));
        QVERIFY(pay().payCard(cents(99)));
        QVERIFY(settle());
        QCOMPARE(pay().view().terminal, TerminalState::Cancelled);
        // The cash part stays settled.
        QCOMPARE(pay().view().paid, cents(100));
        QCOMPARE(pay().view().remaining, cents(99));
        QSignalSpy completed(&pay(), &PaymentService::completed);
        QVERIFY(pay().payCash(cents(100), std::nullopt));
        QCOMPARE(completed.size(), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT rounding_cents FROM sales")), 1);
        QCOMPARE(m_sim.approvedPayments(), 0);
    }

    void busyTerminal()
    {
        basket(QStringLiteral("S"));
        QVERIFY(pay().begin());
        QVERIFY(m_sim.queue(QStringLiteral("busy")));
        QVERIFY(pay().payCard(cents(499)));
        QVERIFY(settle());
        QCOMPARE(pay().view().terminal, TerminalState::Busy);
        QCOMPARE(pay().view().tenders.first().state, TenderView::State::Failed);
        QSignalSpy completed(&pay(), &PaymentService::completed);
        QVERIFY(pay().payCard(cents(499)));
        QVERIFY(settle());
        QCOMPARE(completed.size(), 1);
        QCOMPARE(m_sim.approvedPayments(), 1);
    }

    void lostAnswerSettledByTransactionStatus()
    {
        openTerminal(1500); // the tablet gives up on the payment answer after 1.5 s
        basket(QStringLiteral("JA"));
        QVERIFY(pay().begin());
        QVERIFY(m_sim.queue(QStringLiteral("lose_answer")));
        QSignalSpy completed(&pay(), &PaymentService::completed);
        QVERIFY(pay().payCard(cents(9194)));
        // Durable before the request left: the pending tender names the ServiceID.
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM payment_tenders WHERE state = "
                                       "'pending' AND method = 'card' AND length(claim_id) = 10")),
            1);
        QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, 20000);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM sales")), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM sale_payments WHERE method = "
                                       "'card'")),
            1);
        QCOMPARE(m_sim.approvedPayments(), 1); // never charged twice
        QCOMPARE(m_sim.chargedCents(), 9194);
        const Core::Sale wire = recordedSale();
        QCOMPARE(wire.tenders.size(), 1);
        const QJsonArray transactions = m_sim.transactions();
        QCOMPARE(wire.tenders.first().claimId,
            transactions.first().toObject().value(QStringLiteral("serviceId")).toString());
        QCOMPARE(wire.tenders.first().reference,
            transactions.first().toObject().value(QStringLiteral("poiTransactionId")).toString());
    }

    void unknownOutcomeSettledByStatus_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<bool>("charged");
        QTest::newRow("answer lost") << "lose_answer" << true;
        QTest::newRow("answer is garbage") << "garbage" << true;
        QTest::newRow("answer for another ServiceID") << "wrong_service_id" << true;
        QTest::newRow("terminal reboots mid-way") << "reboot" << false;
    }

    void unknownOutcomeSettledByStatus()
    {
        QFETCH(QString, action);
        QFETCH(bool, charged);
        openTerminal(1500);
        basket(QStringLiteral("JA"));
        QVERIFY(pay().begin());
        QVERIFY(m_sim.queue(action, 1));
        QSignalSpy completed(&pay(), &PaymentService::completed);
        QVERIFY(pay().payCard(cents(9194)));
        // Never charged again blindly: asked for, again when needed ("Check again").
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < 30000) {
            const Services::PaymentView view = pay().view();
            if (!view.open || view.tenders.first().state != TenderView::State::Pending)
                break;
            if (view.terminal == TerminalState::Unreachable)
                pay().checkAgain();
            QTest::qWait(100);
        }
        QCOMPARE(m_sim.approvedPayments(), charged ? 1 : 0);
        QCOMPARE(m_sim.transactions().size(), 1);
        if (charged) {
            QCOMPARE(completed.size(), 1);
            QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM sales")), 1);
            QCOMPARE(m_sim.chargedCents(), 9194);
            QCOMPARE(recordedSale().tenders.first().claimId,
                m_sim.transactions()
                    .first()
                    .toObject()
                    .value(QStringLiteral("serviceId"))
                    .toString());
        } else {
            QCOMPARE(completed.size(), 0);
            QVERIFY(pay().isOpen());
            QCOMPARE(pay().view().tenders.first().state, TenderView::State::Failed);
            QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM sales")), 0);
        }
    }

    void staffAbortsTheRunningCard()
    {
        basket(QStringLiteral("S"));
        QVERIFY(pay().begin());
        QVERIFY(m_sim.queue(QStringLiteral("delay"), 5));
        QVERIFY(pay().payCard(cents(499)));
        QCOMPARE(pay().view().terminal, TerminalState::Waiting);
        QTest::qWait(300);
        pay().abortCard();
        QVERIFY(settle());
        QCOMPARE(pay().view().terminal, TerminalState::Cancelled);
        QCOMPARE(pay().view().tenders.first().state, TenderView::State::Failed);
        QCOMPARE(m_sim.approvedPayments(), 0);
        QVERIFY(pay().isOpen());
    }

    void unreachableTerminalStaysPendingUntilCheckAgain()
    {
        openTerminal(1500);
        basket(QStringLiteral("S"));
        QVERIFY(pay().begin());
        QVERIFY(m_sim.queue(QStringLiteral("lose_answer")));
        QSignalSpy failed(&pay(), &PaymentService::failed);
        QVERIFY(pay().payCard(cents(499)));
        QTest::qWait(300);
        m_sim.kill(); // the terminal is gone before the status is asked
        QTRY_VERIFY_WITH_TIMEOUT(pay().view().terminal == TerminalState::Unreachable, 20000);
        QCOMPARE(pay().view().tenders.first().state, TenderView::State::Pending);
        QCOMPARE(failed.last().first().value<Core::Error>().code, QStringLiteral("card.unknown"));
        // Nothing else may be paid or cancelled while the outcome is unknown.
        QCOMPARE(pay().payCash(cents(500)).error().code, QStringLiteral("pay.busy"));
        QCOMPARE(pay().cancel().error().code, QStringLiteral("pay.busy"));
        QVERIFY(m_sim.restart());
        QSignalSpy completed(&pay(), &PaymentService::completed);
        pay().checkAgain();
        QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, 20000);
        QCOMPARE(m_sim.approvedPayments(), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM sales")), 1);
    }

    void cancelReversesApprovedCard()
    {
        basket(QStringLiteral("JA"));
        const int lines = sale().view().lines.size();
        QVERIFY(pay().begin());
        QCOMPARE(
            sale().scan(TestCache::socksBarcode).error().code, QStringLiteral("basket.frozen"));
        QVERIFY(pay().payCard(cents(5000)));
        QVERIFY(settle());
        QCOMPARE(pay().view().paid, cents(5000));
        QVERIFY(pay().payCash(cents(1000), cents(1000)));
        QVERIFY(pay().cancel());
        QVERIFY(!pay().isOpen());
        QVERIFY(!sale().isFrozen());
        QCOMPARE(sale().view().lines.size(), lines); // the basket is back, editable
        QVERIFY(settle());
        const Services::PaymentView view = pay().view();
        QCOMPARE(view.tenders.size(), 2);
        for (const TenderView &tender : view.tenders)
            QCOMPARE(tender.state, TenderView::State::Reversed);
        QCOMPARE(m_sim.chargedCents(), 0);
        const QJsonArray transactions = m_sim.transactions();
        QCOMPARE(transactions.size(), 2);
        QCOMPARE(transactions.at(0).toObject().value(QStringLiteral("state")).toString(),
            QStringLiteral("reversed"));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM sales")), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM payment_sessions WHERE state = "
                                       "'cancelled'")),
            1);
        QVERIFY(sale().scan(TestCache::socksBarcode));
    }

    // --- gift card, store credit, points ----------------------------------------------------

    void giftCardAndStoreCreditAndPoints()
    {
        addPiet(1200);
        basket(QStringLiteral("JA"));
        QVERIFY(sale().attachCustomer(pietCard));
        QVERIFY(pay().begin());
        QCOMPARE(pay().view().pointsAvailable.value_or(-1), 1200);
        QVERIFY(pay().payGiftCard(QStringLiteral("6001 2345 6789 0123"), cents(1500)));
        QCOMPARE(m_wallet.giftCards.value(giftCard), 500);
        // More than the card holds: refused, the settled gift card stays.
        const Core::Status tooMuch = pay().payGiftCard(giftCard, cents(600));
        QCOMPARE(tooMuch.error().code, QStringLiteral("giftcard.insufficient"));
        QCOMPARE(pay().view().paid, cents(1500));
        QVERIFY(pay().payStoreCredit(cents(1000)));
        QVERIFY(pay().payPoints(694));
        QCOMPARE(pay().view().pointsAvailable.value_or(-1), 1200 - 694);
        QSignalSpy completed(&pay(), &PaymentService::completed);
        QVERIFY(pay().payCard(cents(9194 - 1500 - 1000 - 694)));
        QVERIFY(settle());
        QCOMPARE(completed.size(), 1);
        const Core::Sale wire = recordedSale();
        QCOMPARE(wire.tenders.size(), 4);
        QCOMPARE(wire.pointsRedeemed, 694);
        QCOMPARE(wire.tenders.at(0).method, Core::TenderMethod::GiftCard);
        QCOMPARE(wire.tenders.at(0).reference, giftCard);
        QCOMPARE(wire.tenders.at(0).balanceLeft, cents(500));
        QCOMPARE(wire.tenders.at(1).method, Core::TenderMethod::StoreCredit);
        QCOMPARE(wire.tenders.at(2).points, 694);
        // The redemption stays pending (with the points earned) until the server confirms.
        QCOMPARE(
            scalar(QStringLiteral("SELECT points FROM loyalty_pending")), wire.pointsEarned - 694);
        QCOMPARE(
            scalar(QStringLiteral("SELECT count(*) FROM sale_payments WHERE claim_id <> ''")), 4);
    }

    void giftCardAnswerLostIsSettledByClaimStatus()
    {
        basket(QStringLiteral("S"));
        QVERIFY(pay().begin());
        m_wallet.loseNextAnswer = true;
        QSignalSpy completed(&pay(), &PaymentService::completed);
        QVERIFY(pay().payGiftCard(giftCard, cents(499)));
        QCOMPARE(completed.size(), 1);
        QCOMPARE(m_wallet.claims.size(), 1);
        QCOMPARE(m_wallet.giftCards.value(giftCard), 2000 - 499);
    }

    void cancelReleasesClaimsAndGivesPointsBack()
    {
        addPiet(300);
        basket(QStringLiteral("J"));
        QVERIFY(sale().attachCustomer(pietCard));
        QVERIFY(pay().begin());
        QVERIFY(pay().payGiftCard(giftCard, cents(1000)));
        QVERIFY(pay().payPoints(300));
        QCOMPARE(pay().view().pointsAvailable.value_or(-1), 0);
        QVERIFY(pay().cancel());
        QCOMPARE(m_wallet.released.size(), 1);
        QCOMPARE(m_wallet.giftCards.value(giftCard), 2000);
        QVERIFY(pay().begin());
        QCOMPARE(pay().view().pointsAvailable.value_or(-1), 300);
    }

    void pointsOfflineUpToBalanceMinusPending()
    {
        addPiet(1200);
        m_wallet.online = false;
        basket(QStringLiteral("S"));
        QVERIFY(sale().attachCustomer(pietCard));
        QVERIFY(pay().begin());
        // Online-only ways say why.
        for (const Services::PaymentMethodView &method : pay().view().methods) {
            if (method.method == Core::TenderMethod::GiftCard
                || method.method == Core::TenderMethod::StoreCredit) {
                QVERIFY(!method.usable);
                QVERIFY(!method.whyNot.isEmpty());
            }
        }
        QVERIFY(pay().payPoints(499));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM sales")), 1);
        // The next sale sees 1200 − 499 pending.
        basket(QStringLiteral("J"));
        QVERIFY(sale().attachCustomer(pietCard));
        QVERIFY(pay().begin());
        QCOMPARE(pay().view().pointsAvailable.value_or(-1), 701);
        QCOMPARE(pay().payPoints(702).error().code, QStringLiteral("points.insufficient"));
        QVERIFY(pay().payPoints(701));
    }

    // --- gift cards sold at the till ----------------------------------------------------------

    void giftCardLine()
    {
        QCOMPARE(sale().addGiftCard(giftCard, cents(2500)).error().code,
            QStringLiteral("giftcard.no_product"));
        {
            // The catalog's gift card product (the demo chain's "Gift cards" category).
            QSqlQuery q(db().connection());
            QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO products(id, sku, name, brand, category, vat_class, price_cents) "
                "VALUES(900, 'GIFT-25', 'Cadeaukaart', 'Toonbank', 'Gift cards', 'zero', 2500)")));
        }
        QCOMPARE(sale().addGiftCard(QStringLiteral("12345"), cents(2500)).error().code,
            QStringLiteral("gift.number"));
        QCOMPARE(sale().addGiftCard(giftCard, cents(499)).error().code,
            QStringLiteral("giftcard.amount"));
        QCOMPARE(sale().addGiftCard(giftCard, cents(50001)).error().code,
            QStringLiteral("giftcard.amount"));
        QVERIFY(sale().isEmpty());
        auto line = sale().addGiftCard(giftCard, cents(2500));
        QVERIFY(line);
        QCOMPARE(sale().addGiftCard(giftCard, cents(2500)).error().code,
            QStringLiteral("giftcard.duplicate"));
        QCOMPARE(
            sale().setQuantity(line.value(), 2).error().code, QStringLiteral("giftcard.quantity"));
        QCOMPARE(sale().view().vat.first().vat, Money());
        addPiet(0);
        QVERIFY(sale().attachCustomer(pietCard));
        QCOMPARE(sale().view().pointsToEarn, 0);
        QVERIFY(pay().begin());
        QVERIFY(pay().payCash(cents(2500)));
        const Core::Sale wire = recordedSale();
        QCOMPARE(wire.lines.first().giftCardNumber, giftCard);
        QCOMPARE(wire.lines.first().vatClass, Core::VatClass::Zero);
        QCOMPARE(wire.pointsEarned, 0);
        QCOMPARE(wire.lines.first().productId, 900);
        QCOMPARE(wire.lines.first().sku, QStringLiteral("GIFT-25"));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM stock WHERE product_id = 900")), 0);
        QCOMPARE(
            scalar(QStringLiteral("SELECT gift_card_number = '%1' FROM sale_lines").arg(giftCard)),
            1);
    }

    // --- restoring an open payment --------------------------------------------------------------

    void openPaymentIsRestoredFrozen()
    {
        basket(QStringLiteral("JA"));
        QVERIFY(pay().begin());
        QVERIFY(pay().payCash(cents(2000), cents(2000)));
        openTerminal(); // as after a crash: a new process on the same cache
        QVERIFY(!pay().isOpen());
        pay().recover();
        QVERIFY(pay().isOpen());
        QVERIFY(sale().isFrozen());
        QCOMPARE(sale().view().lines.size(), 2);
        QCOMPARE(pay().view().paid, cents(2000));
        QCOMPARE(pay().view().remaining, cents(9194 - 2000));
        QSignalSpy completed(&pay(), &PaymentService::completed);
        QVERIFY(pay().payCard(cents(9194 - 2000)));
        QVERIFY(settle());
        QCOMPARE(completed.size(), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM sales")), 1);
    }

    void giftCardClaimedBeforeACrashIsSettledAtStart()
    {
        // The tablet wrote the pending gift-card tender, the server took the claim, and the
        // tablet died before it heard the answer: at the next start claimStatus settles it
        // and, as it pays the whole sale, the sale is recorded ("the customer paid").
        basket(QStringLiteral("S"));
        QVERIFY(pay().begin());
        const qint64 session
            = scalar(QStringLiteral("SELECT id FROM payment_sessions WHERE state = 'open'"));
        Store::PaymentTenderRecord tender;
        tender.claimId = QStringLiteral("claim-before-crash");
        tender.sessionId = session;
        {
            QSqlQuery q(db().connection());
            QVERIFY(q.exec(QStringLiteral("SELECT sale_uuid FROM payment_sessions")) && q.next());
            tender.saleId = q.value(0).toString();
        }
        tender.method = QStringLiteral("gift_card");
        tender.amount = cents(499);
        tender.reference = giftCard;
        tender.createdAt = m_clock.nowUtc();
        tender.updatedAt = tender.createdAt;
        QVERIFY(Store::PaymentStore(db()).addTender(tender));
        m_wallet.claims.insert(tender.claimId, { giftCard, 499, 1501 });

        openTerminal(); // the next start
        QSignalSpy completed(&pay(), &PaymentService::completed);
        pay().recover();
        QCOMPARE(completed.size(), 1);
        QVERIFY(!pay().isOpen());
        QVERIFY(sale().isEmpty());
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM sales")), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT claim_id = 'claim-before-crash' FROM "
                                       "sale_payments")),
            1);
        QCOMPARE(recordedSale().tenders.first().balanceLeft, cents(1501));
        // A claim the server never granted: nothing taken, the tender fails, the payment
        // stays open for another try.
        basket(QStringLiteral("S"));
        QVERIFY(pay().begin());
        tender.claimId = QStringLiteral("never-granted");
        tender.sessionId
            = scalar(QStringLiteral("SELECT id FROM payment_sessions WHERE state = 'open'"));
        QVERIFY(Store::PaymentStore(db()).addTender(tender));
        openTerminal();
        pay().recover();
        QVERIFY(pay().isOpen());
        QCOMPARE(pay().view().tenders.first().state, TenderView::State::Failed);
        QCOMPARE(pay().view().paid, Money());
    }

    void sellerVatNumberFromTheCatalog()
    {
        QCOMPARE(sale().location().vatNumber, QStringLiteral("NL001234567B01"));
        Store::CatalogWriter writer(db());
        QVERIFY(writer.begin());
        Store::Location here = sale().location();
        here.vatNumber = QStringLiteral("NL009876543B01");
        QVERIFY(writer.upsertLocation(here));
        QVERIFY(writer.commit());
        openTerminal();
        QCOMPARE(sale().location().vatNumber, QStringLiteral("NL009876543B01"));
    }

    // --- bad input: a clear error, nothing written --------------------------------------------

    void badInput_data()
    {
        QTest::addColumn<QString>("call");
        QTest::addColumn<qint64>("amount");
        QTest::addColumn<QString>("code");
        QTest::newRow("card above what is due") << "card" << qint64(9195) << "pay.amount";
        QTest::newRow("card zero") << "card" << qint64(0) << "pay.amount";
        QTest::newRow("card negative") << "card" << qint64(-100) << "pay.amount";
        QTest::newRow("cash part zero") << "cashpart" << qint64(0) << "pay.amount";
        QTest::newRow("cash part negative") << "cashpart" << qint64(-5) << "pay.amount";
        QTest::newRow("cash part above due") << "cashpart" << qint64(9200) << "pay.amount";
        QTest::newRow("cash part not in 5-cent steps")
            << "cashpart" << qint64(1002) << "tender.rounding";
        QTest::newRow("cash handed over too little")
            << "cash" << qint64(9000) << "pay.insufficient";
        QTest::newRow("gift card above what is due") << "gift" << qint64(9195) << "pay.amount";
        QTest::newRow("gift card zero") << "gift" << qint64(0) << "pay.amount";
        QTest::newRow("points beyond balance minus pending")
            << "points" << qint64(1201) << "points.insufficient";
        QTest::newRow("points zero") << "points" << qint64(0) << "pay.amount";
        QTest::newRow("points worth more than due") << "points" << qint64(9195) << "pay.amount";
        QTest::newRow("card before begin") << "card-closed" << qint64(100) << "pay.not_open";
        QTest::newRow("locked session") << "locked" << qint64(100) << "session.locked";
    }

    void badInput()
    {
        QFETCH(QString, call);
        QFETCH(qint64, amount);
        QFETCH(QString, code);
        addPiet(1200);
        basket(QStringLiteral("JA"));
        QVERIFY(sale().attachCustomer(pietCard));
        if (call != QLatin1String("card-closed"))
            QVERIFY(pay().begin());
        const qint64 rowsBefore = tenderRows();
        Core::Status status = Core::success();
        if (call == QLatin1String("card") || call == QLatin1String("card-closed"))
            status = pay().payCard(cents(amount));
        else if (call == QLatin1String("cashpart"))
            status = pay().payCash(cents(10000), cents(amount));
        else if (call == QLatin1String("cash"))
            status = pay().payCash(cents(amount));
        else if (call == QLatin1String("gift"))
            status = pay().payGiftCard(giftCard, cents(amount));
        else if (call == QLatin1String("points"))
            status = pay().payPoints(amount);
        else if (call == QLatin1String("locked")) {
            m_terminal->session().logOut();
            status = pay().payCard(cents(amount));
        }
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, code);
        QVERIFY(!status.error().message.isEmpty());
        QCOMPARE(tenderRows(), rowsBefore);
        QCOMPARE(m_sim.transactions().size(), 0);
        QCOMPARE(m_wallet.claims.size(), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM sales")), 0);
    }
};

QTEST_GUILESS_MAIN(TestPaymentService)
#include "tst_paymentservice.moc"
