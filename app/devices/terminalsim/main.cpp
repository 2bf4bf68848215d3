#include "terminalsimulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>

#include <cstdio>

using namespace Toonbank::Devices::Sim;

namespace {

const char *const description = R"(A card payment terminal simulator for Toonbank.

Speaks nexo Sale-to-POI JSON (the message model of Adyen's Terminal API) on
  POST /nexo   {"SaleToPOIRequest": {"MessageHeader": {...}, "<Category>Request": {...}}}
with the categories Payment, Abort, TransactionStatus and Reversal.

- Payment: what happens is decided by the next queued control action (approve when the
  queue is empty). A payment while another runs answers Failure/Busy. A ServiceID seen
  before repeats the first answer, never charges twice.
- TransactionStatus (MessageReference.ServiceID): the stored original answer (Success with
  the repeated PaymentResponse), Failure/InProgress while it runs, Failure/NotFound when the
  terminal never saw that ServiceID.
- Abort (MessageReference.ServiceID): cancels that payment while it runs; it answers
  Failure/Aborted.
- Reversal (OriginalPOITransaction.POITransactionID, optional ReversedAmount): reverses up to
  what is left of an approved payment, partially too; more is Failure/Refusal.

Control API (for tests and the demo):
  POST /control/next          {"action": A, "seconds": N, "then": "approve"|"decline"}
                              queues what the next payment (or, for delay, reversal) does.
                              A is one of
      approve                 approved (the default when the queue is empty)
      decline                 Failure/Refusal
      cancel                  the customer cancels: Failure/Aborted
      delay                   takes N seconds (default 5), then approves or declines ("then");
                              an Abort meanwhile cancels it; status says InProgress. A delay
                              at the head of the queue holds the next Reversal too (then
                              "decline" refuses it); other actions are for payments only
      lose_answer             charged (recorded approved) but the HTTP answer never comes:
                              the connection stays silent until the client gives up
      busy                    Failure/Busy, no transaction
      reboot                  after 0.2 s the connection drops, the payment ends Aborted
                              (not charged) and /nexo answers 503 for N seconds (default 3)
      garbage                 charged, but the answer is HTTP 200 with non-nexo bytes
      wrong_service_id        charged, but the answer carries another ServiceID
  GET  /control/transactions  every transaction as a JSON list: kind (payment|reversal),
                              serviceId, saleId, saleTransactionId, amountCents, state
                              (in_progress|approved|declined|cancelled|aborted|reversed;
                              reversals: approved|refused), reversedCents, poiTransactionId,
                              poiTimestamp, maskedPan, paymentBrand, approvalCode
  POST /control/reset         forgets the queue and every transaction

Every transaction is written to the --state file (atomically) before it is answered, so a
restarted simulator still answers TransactionStatus. The queue is not kept across restarts.
Once listening it prints "listening on http://127.0.0.1:PORT".)";

int fail(const QString &message)
{
    std::fprintf(stderr, "toonbank-terminal-sim: %s\n", qPrintable(message));
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("toonbank-terminal-sim"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QString::fromUtf8(description));
    parser.addHelpOption();
    const QCommandLineOption portOption(QStringLiteral("port"),
        QStringLiteral("Port to listen on; 0 picks a free one (default 8043)."),
        QStringLiteral("port"), QStringLiteral("8043"));
    const QCommandLineOption listenOption(QStringLiteral("listen"),
        QStringLiteral("Address to listen on (default 127.0.0.1)."), QStringLiteral("address"),
        QStringLiteral("127.0.0.1"));
    const QCommandLineOption stateOption(QStringLiteral("state"),
        QStringLiteral("JSON file keeping every transaction (default: memory only)."),
        QStringLiteral("file"));
    const QCommandLineOption poiOption(QStringLiteral("poi-id"),
        QStringLiteral("The terminal's POIID (default SIM-0001)."), QStringLiteral("id"),
        QStringLiteral("SIM-0001"));
    parser.addOptions({ portOption, listenOption, stateOption, poiOption });
    parser.process(app);

    bool portOk = false;
    const uint port = parser.value(portOption).toUInt(&portOk);
    if (!portOk || port > 65535)
        return fail(QStringLiteral("--port must be a number from 0 to 65535"));
    const QHostAddress address(parser.value(listenOption));
    if (address.isNull())
        return fail(QStringLiteral("--listen must be an IP address"));

    TerminalSimulator simulator({ parser.value(stateOption), parser.value(poiOption) });
    QString error;
    if (!simulator.load(&error))
        return fail(error);
    const quint16 listening = simulator.listen(address, quint16(port));
    if (listening == 0)
        return fail(QStringLiteral("cannot listen on %1:%2").arg(address.toString()).arg(port));
    std::printf("listening on http://%s:%u\n", qPrintable(address.toString()), listening);
    std::fflush(stdout);
    return app.exec();
}
