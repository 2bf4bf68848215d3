// Benchmark of the tablet's own part of a card payment (not a CTest test; run by hand):
//   bench_payment [--sales N]
// Against the real toonbank-terminal-sim process, N sales (default 200) of two products are
// paid by card. Measured per sale: from the terminal's answer arriving in the tablet
// (NexoHttpTerminal::paymentFinished) to the sale durable in the ledger (synchronous=FULL
// commit, outbox event, journal) and PaymentService::completed emitted, plus the receipt laid
// out (ReceiptLayout::layout, the layout the screen preview and the printer paint). Prints
// median and p99; the target is p99 ≤ 50 ms.
#include "app/devices/paymentterminal.h"
#include "app/devices/receipt.h"
#include "app/services/paymentservice.h"
#include "app/services/saleservice.h"
#include "app/services/session.h"
#include "app/services/terminal.h"
#include "benchreport.h"
#include "tests/support/terminalsimprocess.h"
#include "tests/support/testcache.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>

using namespace Toonbank;

namespace {

void report(const char *what, const QList<double> &ms)
{
    Bench::report(what, ms, { 44, 5, 7, 2 });
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption salesOption(QStringLiteral("sales"),
        QStringLiteral("Sales to pay (default 200)."), QStringLiteral("N"), QStringLiteral("200"));
    parser.addOption(salesOption);
    parser.process(app);
    const int sales = std::max(1, parser.value(salesOption).toInt());

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.sqlite"));
    if (const QString failure = Tests::TestCache::create(path); !failure.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(failure));
        return 1;
    }
    Tests::TerminalSimProcess sim;
    if (!sim.start())
        return 1;
    auto opened = Services::Terminal::open(path);
    if (!opened)
        return 1;
    Services::Terminal &terminal = *opened.value();
    if (!terminal.session().logIn(Tests::TestCache::cashierId, QStringLiteral("1111")))
        return 1;
    Devices::NexoHttpTerminal::Config config;
    config.endpoint = sim.endpoint();
    config.saleId = QStringLiteral("AMS01-T1");
    config.poiId = sim.poiId();
    Devices::NexoHttpTerminal card(config);
    // Connected before the PaymentService: the clock starts when the answer arrives.
    QElapsedTimer sinceAnswer;
    QObject::connect(&card, &Devices::PaymentTerminal::paymentFinished,
        [&sinceAnswer](const Devices::CardPaymentResult &) { sinceAnswer.start(); });
    terminal.setPaymentTerminal(&card);
    Services::PaymentService &pay = terminal.payments();

    QList<double> durable;
    QList<double> withReceipt;
    int done = 0;
    QObject::connect(
        &pay, &Services::PaymentService::completed, [&](const Services::CompletedSale &sale) {
            durable.append(double(sinceAnswer.nsecsElapsed()) / 1e6);
            const QList<Devices::ReceiptLine> lines
                = Devices::ReceiptLayout::layout(terminal.sale().receiptFor(sale));
            withReceipt.append(double(sinceAnswer.nsecsElapsed()) / 1e6);
            if (lines.isEmpty())
                std::fprintf(stderr, "empty receipt\n");
            ++done;
        });
    for (int i = 0; i < sales; ++i) {
        if (!terminal.sale().scan(Tests::TestCache::jeansBarcode)
            || !terminal.sale().scan(Tests::TestCache::appleJuiceBarcode) || !pay.begin()
            || !pay.payCard(pay.view().remaining)) {
            std::fprintf(stderr, "sale %d could not start\n", i);
            return 1;
        }
        if (!QTest::qWaitFor([&] { return done == i + 1; }, 15000)) {
            std::fprintf(stderr, "sale %d did not complete\n", i);
            return 1;
        }
    }
    report("card answer -> sale durable", durable);
    report("card answer -> sale durable + receipt laid out", withReceipt);
    std::printf("terminal charged %d payments, %lld cents\n", sim.approvedPayments(),
        qlonglong(sim.chargedCents()));
    return 0;
}
