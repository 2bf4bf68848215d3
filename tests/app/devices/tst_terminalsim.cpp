#include "app/devices/nexo.h"
#include "app/devices/paymentterminal.h"
#include "tests/support/terminalsimprocess.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace Toonbank;
using namespace Toonbank::Devices;
using Core::Money;
using Tests::TerminalSimProcess;

namespace {

const QString saleId = QStringLiteral("AMS01-T1");

CardPaymentRequest paymentOf(qint64 cents, const QString &sale = QStringLiteral("sale-1"))
{
    CardPaymentRequest request;
    request.serviceId = Nexo::newServiceId();
    request.saleTransactionId = sale;
    request.amount = Money::fromCents(cents);
    return request;
}

} // namespace

/// NexoHttpTerminal against the real toonbank-terminal-sim process: every way a card payment
/// can end, and afterwards the terminal's own list says what was charged.
class TestTerminalSim final : public QObject
{
    Q_OBJECT

private:
    TerminalSimProcess m_sim;

    std::unique_ptr<NexoHttpTerminal> terminal(int paymentTimeoutMs = 15000)
    {
        NexoHttpTerminal::Config config;
        config.endpoint = m_sim.endpoint();
        config.saleId = saleId;
        config.poiId = m_sim.poiId();
        config.paymentTimeoutMs = paymentTimeoutMs;
        config.requestTimeoutMs = 3000;
        return std::make_unique<NexoHttpTerminal>(config);
    }

    static CardPaymentResult pay(
        PaymentTerminal &terminal, const CardPaymentRequest &request, int waitMs = 15000)
    {
        QSignalSpy finished(&terminal, &PaymentTerminal::paymentFinished);
        terminal.startPayment(request);
        if (!finished.wait(waitMs))
            return {};
        return finished.at(0).at(0).value<CardPaymentResult>();
    }

    static CardPaymentResult status(PaymentTerminal &terminal, const QString &serviceId)
    {
        QSignalSpy received(&terminal, &PaymentTerminal::statusReceived);
        terminal.requestStatus(serviceId);
        if (!received.wait(10000))
            return {};
        if (received.at(0).at(0).toString() != serviceId)
            return {};
        return received.at(0).at(1).value<CardPaymentResult>();
    }

    static ReversalResult reverse(
        PaymentTerminal &terminal, const CardPaymentResult &payment, qint64 cents)
    {
        ReversalRequest request;
        request.serviceId = Nexo::newServiceId();
        request.originalPoiTransactionId = payment.poiTransactionId;
        request.originalTimestamp = payment.poiTimestamp;
        request.amount = Money::fromCents(cents);
        QSignalSpy finished(&terminal, &PaymentTerminal::reversalFinished);
        terminal.reverse(request);
        if (!finished.wait(10000))
            return {};
        return finished.at(0).at(0).value<ReversalResult>();
    }

    QJsonObject transaction(const QString &serviceId)
    {
        for (const QJsonValue &value : m_sim.transactions())
            if (value.toObject().value(QStringLiteral("serviceId")).toString() == serviceId)
                return value.toObject();
        return {};
    }

private slots:
    void initTestCase() { QVERIFY(m_sim.start()); }

    void init()
    {
        if (!m_sim.running())
            QVERIFY(m_sim.restart());
        QVERIFY(m_sim.reset());
    }

    void approve()
    {
        auto t = terminal();
        QSignalSpy display(t.get(), &PaymentTerminal::displayChanged);
        const CardPaymentRequest request = paymentOf(1250);
        const CardPaymentResult result = pay(*t, request);
        QCOMPARE(result.outcome, TerminalOutcome::Approved);
        QCOMPARE(result.serviceId, request.serviceId);
        QCOMPARE(result.amount.cents(), 1250);
        QCOMPARE(result.maskedPan, QStringLiteral("**** **** **** 4242"));
        QCOMPARE(result.cardBrand, QStringLiteral("VISA"));
        QVERIFY(!result.authCode.isEmpty());
        QVERIFY(!result.poiTransactionId.isEmpty());
        QVERIFY(result.poiTimestamp.isValid());
        QVERIFY(!display.isEmpty());
        QVERIFY(!display.at(0).at(0).toString().isEmpty());
        QCOMPARE(t->poiId(), QStringLiteral("SIM-0001"));

        const QJsonObject recorded = transaction(request.serviceId);
        QCOMPARE(recorded.value(QStringLiteral("state")).toString(), QStringLiteral("approved"));
        QCOMPARE(recorded.value(QStringLiteral("saleTransactionId")).toString(),
            QStringLiteral("sale-1"));
        QCOMPARE(
            recorded.value(QStringLiteral("poiTransactionId")).toString(), result.poiTransactionId);
        QCOMPARE(m_sim.approvedPayments(), 1);
        QCOMPARE(m_sim.chargedCents(), 1250);
    }

    void declineThenAnotherCardApproved()
    {
        auto t = terminal();
        QVERIFY(m_sim.queue(QStringLiteral("decline")));
        const CardPaymentResult declined = pay(*t, paymentOf(4000));
        QCOMPARE(declined.outcome, TerminalOutcome::Declined);
        QCOMPARE(declined.errorCondition, QStringLiteral("Refusal"));
        QVERIFY(declined.settled());
        const CardPaymentResult approved = pay(*t, paymentOf(4000));
        QCOMPARE(approved.outcome, TerminalOutcome::Approved);
        QCOMPARE(m_sim.approvedPayments(), 1);
        QCOMPARE(m_sim.chargedCents(), 4000);
    }

    void customerCancels()
    {
        auto t = terminal();
        QVERIFY(m_sim.queue(QStringLiteral("cancel")));
        const CardPaymentRequest request = paymentOf(999);
        const CardPaymentResult result = pay(*t, request);
        QCOMPARE(result.outcome, TerminalOutcome::Cancelled);
        QCOMPARE(result.errorCondition, QStringLiteral("Aborted"));
        QCOMPARE(transaction(request.serviceId).value(QStringLiteral("state")).toString(),
            QStringLiteral("cancelled"));
        QCOMPARE(m_sim.chargedCents(), 0);
    }

    void busyTerminal()
    {
        auto t = terminal();
        QVERIFY(m_sim.queue(QStringLiteral("busy")));
        const CardPaymentRequest request = paymentOf(500);
        const CardPaymentResult result = pay(*t, request);
        QCOMPARE(result.outcome, TerminalOutcome::Busy);
        QCOMPARE(result.errorCondition, QStringLiteral("Busy"));
        QVERIFY(m_sim.transactions().isEmpty()); // no transaction started
        QCOMPARE(status(*t, request.serviceId).outcome, TerminalOutcome::NotFound);
    }

    void secondPaymentWhileOneRuns()
    {
        QVERIFY(m_sim.queue(QStringLiteral("delay"), 4));
        auto t = terminal();
        auto otherTablet = terminal();
        QSignalSpy finished(t.get(), &PaymentTerminal::paymentFinished);
        const CardPaymentRequest first = paymentOf(700);
        t->startPayment(first);
        QTRY_COMPARE_WITH_TIMEOUT(m_sim.transactions().size(), 1, 5000);

        // The same tablet: refused locally, nothing sent.
        const CardPaymentRequest second = paymentOf(800);
        t->startPayment(second);
        QVERIFY(finished.wait(1000));
        QCOMPARE(finished.at(0).at(0).value<CardPaymentResult>().serviceId, second.serviceId);
        QCOMPARE(finished.at(0).at(0).value<CardPaymentResult>().outcome, TerminalOutcome::Busy);
        // Another tablet on the same terminal: the terminal says Busy.
        const CardPaymentResult other = pay(*otherTablet, paymentOf(900));
        QCOMPARE(other.outcome, TerminalOutcome::Busy);

        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 10000);
        const CardPaymentResult done = finished.at(1).at(0).value<CardPaymentResult>();
        QCOMPARE(done.serviceId, first.serviceId);
        QCOMPARE(done.outcome, TerminalOutcome::Approved);
        QCOMPARE(m_sim.transactions().size(), 1);
        QCOMPARE(m_sim.chargedCents(), 700);
    }

    void delayThenAbort()
    {
        QVERIFY(m_sim.queue(QStringLiteral("delay"), 20));
        auto t = terminal();
        QSignalSpy finished(t.get(), &PaymentTerminal::paymentFinished);
        const CardPaymentRequest request = paymentOf(2500);
        QElapsedTimer clock;
        clock.start();
        t->startPayment(request);
        QTRY_COMPARE_WITH_TIMEOUT(m_sim.transactions().size(), 1, 5000);
        QCOMPARE(status(*t, request.serviceId).outcome, TerminalOutcome::InProgress);
        t->abort(request.serviceId);
        QVERIFY(finished.wait(10000));
        QVERIFY(clock.elapsed() < 15000);
        const CardPaymentResult result = finished.at(0).at(0).value<CardPaymentResult>();
        QCOMPARE(result.serviceId, request.serviceId);
        QCOMPARE(result.outcome, TerminalOutcome::Cancelled);
        QCOMPARE(status(*t, request.serviceId).outcome, TerminalOutcome::Cancelled);
        QCOMPARE(m_sim.chargedCents(), 0);
    }

    void delayThenDecline()
    {
        QVERIFY(m_sim.queue(QStringLiteral("delay"), 1, QStringLiteral("decline")));
        auto t = terminal();
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(pay(*t, paymentOf(100)).outcome, TerminalOutcome::Declined);
        QVERIFY(clock.elapsed() >= 900);
    }

    void lostAnswerIsRecoveredByStatus()
    {
        QVERIFY(m_sim.queue(QStringLiteral("lose_answer")));
        auto t = terminal(1500);
        const CardPaymentRequest request = paymentOf(8995, QStringLiteral("sale-lost"));
        QElapsedTimer clock;
        clock.start();
        const CardPaymentResult lost = pay(*t, request);
        QCOMPARE(lost.outcome, TerminalOutcome::Unreachable);
        QCOMPARE(lost.serviceId, request.serviceId);
        QVERIFY(!lost.settled());
        QVERIFY2(clock.elapsed() < 6000, qPrintable(QString::number(clock.elapsed())));

        const CardPaymentResult recovered = status(*t, request.serviceId);
        QCOMPARE(recovered.outcome, TerminalOutcome::Approved);
        QCOMPARE(recovered.serviceId, request.serviceId);
        QCOMPARE(recovered.amount.cents(), 8995);
        const QJsonObject recorded = transaction(request.serviceId);
        QCOMPARE(recovered.poiTransactionId,
            recorded.value(QStringLiteral("poiTransactionId")).toString());
        QVERIFY(!recovered.maskedPan.isEmpty());
        // Asked twice: the same answer, and still one charge.
        QCOMPARE(status(*t, request.serviceId).poiTransactionId, recovered.poiTransactionId);
        QCOMPARE(m_sim.approvedPayments(), 1);
        QCOMPARE(m_sim.chargedCents(), 8995);
    }

    void rebootMidwayIsNotCharged()
    {
        QVERIFY(m_sim.queue(QStringLiteral("reboot"), 2));
        auto t = terminal();
        const CardPaymentRequest request = paymentOf(3000);
        const CardPaymentResult interrupted = pay(*t, request);
        QCOMPARE(interrupted.outcome, TerminalOutcome::Unreachable);
        // While it restarts the terminal does not answer; then it knows the payment failed.
        CardPaymentResult settled = status(*t, request.serviceId);
        QCOMPARE(settled.outcome, TerminalOutcome::Unreachable);
        QElapsedTimer clock;
        clock.start();
        while (settled.outcome == TerminalOutcome::Unreachable && clock.elapsed() < 10000) {
            QTest::qWait(250);
            settled = status(*t, request.serviceId);
        }
        QCOMPARE(settled.outcome, TerminalOutcome::Cancelled);
        QCOMPARE(settled.errorCondition, QStringLiteral("Aborted"));
        QCOMPARE(transaction(request.serviceId).value(QStringLiteral("state")).toString(),
            QStringLiteral("aborted"));
        QCOMPARE(m_sim.chargedCents(), 0);
        // And it takes the next card normally.
        QCOMPARE(pay(*t, paymentOf(3000)).outcome, TerminalOutcome::Approved);
    }

    void garbageIsInvalid()
    {
        QVERIFY(m_sim.queue(QStringLiteral("garbage")));
        auto t = terminal();
        const CardPaymentRequest request = paymentOf(1500);
        const CardPaymentResult result = pay(*t, request);
        QCOMPARE(result.outcome, TerminalOutcome::Invalid);
        QVERIFY(result.message.contains(QStringLiteral("not JSON")));
        QVERIFY(!result.settled());
        // Outcome unknown until asked: the terminal did charge.
        QCOMPARE(status(*t, request.serviceId).outcome, TerminalOutcome::Approved);
        QCOMPARE(m_sim.approvedPayments(), 1);
    }

    void wrongServiceIdIsInvalid()
    {
        QVERIFY(m_sim.queue(QStringLiteral("wrong_service_id")));
        auto t = terminal();
        const CardPaymentRequest request = paymentOf(1500);
        const CardPaymentResult result = pay(*t, request);
        QCOMPARE(result.outcome, TerminalOutcome::Invalid);
        QCOMPARE(result.serviceId, request.serviceId);
        QVERIFY(result.message.contains(QStringLiteral("answer for ServiceID")));
        QCOMPARE(status(*t, request.serviceId).outcome, TerminalOutcome::Approved);
    }

    void unknownServiceIdIsNotFound()
    {
        auto t = terminal();
        QCOMPARE(status(*t, Nexo::newServiceId()).outcome, TerminalOutcome::NotFound);
    }

    void reversals()
    {
        auto t = terminal();
        const CardPaymentResult payment = pay(*t, paymentOf(1000));
        QCOMPARE(payment.outcome, TerminalOutcome::Approved);

        const ReversalResult part = reverse(*t, payment, 400);
        QCOMPARE(part.outcome, TerminalOutcome::Approved);
        QCOMPARE(part.amount.cents(), 400);
        QVERIFY(!part.poiTransactionId.isEmpty());
        QVERIFY(part.poiTransactionId != payment.poiTransactionId);
        QCOMPARE(m_sim.chargedCents(), 600);

        const ReversalResult tooMuch = reverse(*t, payment, 601);
        QCOMPARE(tooMuch.outcome, TerminalOutcome::Declined);
        QCOMPARE(tooMuch.errorCondition, QStringLiteral("Refusal"));
        QVERIFY(tooMuch.message.contains(QStringLiteral("600")));
        QCOMPARE(m_sim.chargedCents(), 600);

        const ReversalResult rest = reverse(*t, payment, 600);
        QCOMPARE(rest.outcome, TerminalOutcome::Approved);
        QCOMPARE(transaction(payment.serviceId).value(QStringLiteral("state")).toString(),
            QStringLiteral("reversed"));
        QCOMPARE(transaction(payment.serviceId).value(QStringLiteral("reversedCents")).toInteger(),
            1000);

        const ReversalResult again = reverse(*t, payment, 1);
        QCOMPARE(again.outcome, TerminalOutcome::Declined);
        QCOMPARE(m_sim.chargedCents(), 0);

        CardPaymentResult unknown = payment;
        unknown.poiTransactionId = QStringLiteral("SIM-0001-999999");
        QCOMPARE(reverse(*t, unknown, 100).outcome, TerminalOutcome::Declined);
    }

    void delayedReversal()
    {
        auto t = terminal();
        const CardPaymentResult payment = pay(*t, paymentOf(1000));
        QCOMPARE(payment.outcome, TerminalOutcome::Approved);

        // A queued delay holds the reversal: in progress meanwhile, then approved.
        QVERIFY(m_sim.queue(QStringLiteral("delay"), 2));
        ReversalRequest request;
        request.serviceId = Nexo::newServiceId();
        request.originalPoiTransactionId = payment.poiTransactionId;
        request.originalTimestamp = payment.poiTimestamp;
        request.amount = Money::fromCents(300);
        QSignalSpy finished(t.get(), &PaymentTerminal::reversalFinished);
        QElapsedTimer clock;
        clock.start();
        t->reverse(request);
        QTRY_COMPARE_WITH_TIMEOUT(
            transaction(request.serviceId).value(QStringLiteral("state")).toString(),
            QStringLiteral("in_progress"), 5000);
        QVERIFY(finished.isEmpty());
        QCOMPARE(status(*t, request.serviceId).outcome, TerminalOutcome::InProgress);
        QCOMPARE(m_sim.chargedCents(), 1000); // nothing given back yet
        QVERIFY(finished.wait(10000));
        QVERIFY(clock.elapsed() >= 1900);
        const ReversalResult done = finished.at(0).at(0).value<ReversalResult>();
        QCOMPARE(done.serviceId, request.serviceId);
        QCOMPARE(done.outcome, TerminalOutcome::Approved);
        QCOMPARE(done.amount.cents(), 300);
        QCOMPARE(m_sim.chargedCents(), 700);
        QCOMPARE(transaction(request.serviceId).value(QStringLiteral("state")).toString(),
            QStringLiteral("approved"));

        // "then": decline refuses it after the wait; nothing given back.
        QVERIFY(m_sim.queue(QStringLiteral("delay"), 1, QStringLiteral("decline")));
        clock.restart();
        const ReversalResult refused = reverse(*t, payment, 200);
        QCOMPARE(refused.outcome, TerminalOutcome::Declined);
        QVERIFY(clock.elapsed() >= 900);
        QCOMPARE(m_sim.chargedCents(), 700);
        QCOMPARE(m_sim.transactions().size(), 3);
    }

    void overReversalOfAFreshPaymentIsRefused()
    {
        auto t = terminal();
        const CardPaymentResult payment = pay(*t, paymentOf(1000));
        QCOMPARE(payment.outcome, TerminalOutcome::Approved);
        QCOMPARE(reverse(*t, payment, 1200).outcome, TerminalOutcome::Declined);
        QCOMPARE(reverse(*t, payment, 1000).outcome, TerminalOutcome::Approved);
        QCOMPARE(m_sim.chargedCents(), 0);
    }

    void unreachableTerminal()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        NexoHttpTerminal::Config config;
        config.endpoint = QUrl(QStringLiteral("http://127.0.0.1:%1/nexo").arg(port));
        config.saleId = saleId;
        config.poiId = QStringLiteral("SIM-0001");
        NexoHttpTerminal t(config);
        const CardPaymentRequest request = paymentOf(100);
        const CardPaymentResult result = pay(t, request);
        QCOMPARE(result.outcome, TerminalOutcome::Unreachable);
        QCOMPARE(status(t, request.serviceId).outcome, TerminalOutcome::Unreachable);
    }

    void killedAndRestartedStillAnswersStatus()
    {
        auto t = terminal();
        const CardPaymentRequest approved = paymentOf(2000);
        const CardPaymentResult paid = pay(*t, approved);
        QCOMPARE(paid.outcome, TerminalOutcome::Approved);
        // A payment running when the terminal dies never completes.
        QVERIFY(m_sim.queue(QStringLiteral("delay"), 30));
        const CardPaymentRequest running = paymentOf(3000);
        QSignalSpy finished(t.get(), &PaymentTerminal::paymentFinished);
        t->startPayment(running);
        QTRY_COMPARE_WITH_TIMEOUT(m_sim.transactions().size(), 2, 5000);

        m_sim.kill();
        QVERIFY(finished.wait(10000));
        QCOMPARE(
            finished.at(0).at(0).value<CardPaymentResult>().outcome, TerminalOutcome::Unreachable);
        QCOMPARE(status(*t, approved.serviceId).outcome, TerminalOutcome::Unreachable);
        QVERIFY(m_sim.restart());

        const CardPaymentResult again = status(*t, approved.serviceId);
        QCOMPARE(again.outcome, TerminalOutcome::Approved);
        QCOMPARE(again.poiTransactionId, paid.poiTransactionId);
        QCOMPARE(again.amount.cents(), 2000);
        QCOMPARE(status(*t, running.serviceId).outcome, TerminalOutcome::Cancelled);
        QCOMPARE(m_sim.approvedPayments(), 1);
        QCOMPARE(m_sim.chargedCents(), 2000);
        // The same ServiceID again never charges twice: the first answer is repeated.
        const CardPaymentResult repeated = pay(*t, approved);
        QCOMPARE(repeated.outcome, TerminalOutcome::Approved);
        QCOMPARE(repeated.poiTransactionId, paid.poiTransactionId);
        QCOMPARE(m_sim.approvedPayments(), 1);
    }
};

QTEST_GUILESS_MAIN(TestTerminalSim)
#include "tst_terminalsim.moc"
