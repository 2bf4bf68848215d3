// Child process for tst_returncrash: refunds a card sale through a return (nexo Reversal against
// toonbank-terminal-sim) and kills itself (SIGKILL) at a chosen moment, or recovers after it.
//   returncrash_helper CACHE ENDPOINT sell             pays jeans by card; prints "SOLD <receipt>"
//   returncrash_helper CACHE ENDPOINT approved NUMBER  the terminal approved the reversal;
//                                                      SIGKILL right before the return's COMMIT
//   returncrash_helper CACHE ENDPOINT unsent NUMBER    SIGKILL right after the pending refund
//                                                      part was written, before the request left
//   returncrash_helper CACHE ENDPOINT recover          ReturnService::recover(); prints
//                                                      "RECOVERED <return receipt>", "OPEN", "NONE"
#include "app/devices/paymentterminal.h"
#include "app/services/paymentservice.h"
#include "app/services/returnservice.h"
#include "app/services/saleservice.h"
#include "app/services/session.h"
#include "app/services/terminal.h"
#include "app/store/returnsledger.h"
#include "tests/support/testcache.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>
#include <QTimer>

#include <csignal>
#include <cstdio>

using namespace Toonbank;

namespace {

void say(const QByteArray &line)
{
    std::printf("%s\n", line.constData());
    std::fflush(stdout);
}

[[noreturn]] void die(const char *where)
{
    say(QByteArray("KILLED ") + where);
    std::raise(SIGKILL);
    for (;;)
        QThread::sleep(1);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 4)
        return 2;
    const QString mode = args.at(3);
    auto opened = Services::Terminal::open(args.at(1));
    if (!opened)
        return 3;
    Services::Terminal &terminal = *opened.value();
    Devices::NexoHttpTerminal::Config config;
    config.endpoint = QUrl(args.at(2));
    config.saleId = QStringLiteral("AMS01-T1");
    config.poiId = QStringLiteral("SIM-0001");
    config.paymentTimeoutMs = 1500;
    config.requestTimeoutMs = 2000;
    Devices::NexoHttpTerminal card(config);
    terminal.setPaymentTerminal(&card);
    Services::ReturnService &returns = terminal.returns();
    returns.setStatusBackoff({ 200, 400, 800, 1600 });
    QObject::connect(
        &returns, &Services::ReturnService::completed, [](const Services::CompletedReturn &done) {
            say("RECOVERED " + done.receiptNumber.toUtf8());
            QCoreApplication::exit(0);
        });

    if (mode == QLatin1String("recover")) {
        returns.recover();
        if (returns.lastCompleted())
            return 0;
        QElapsedTimer waited;
        waited.start();
        while (returns.view().stage == Services::ReturnView::Stage::Refunding
            && waited.elapsed() < 20000) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
            if (returns.lastCompleted())
                return 0;
        }
        say(returns.view().stage == Services::ReturnView::Stage::Refunding ? "OPEN" : "NONE");
        return 0;
    }

    if (!terminal.session().logIn(Tests::TestCache::cashierId, QStringLiteral("1111")))
        return 4;
    if (mode == QLatin1String("sell")) {
        Services::PaymentService &pay = terminal.payments();
        if (!terminal.sale().scan(Tests::TestCache::jeansBarcode) || !pay.begin())
            return 5;
        QObject::connect(
            &pay, &Services::PaymentService::completed, [](const Services::CompletedSale &sale) {
                say("SOLD " + sale.receiptNumber.toUtf8());
                QCoreApplication::exit(0);
            });
        if (!pay.payCard(pay.view().remaining))
            return 6;
        QTimer::singleShot(20000, [] { QCoreApplication::exit(9); });
        return QCoreApplication::exec();
    }
    if (args.size() < 5)
        return 2;
    if (const Core::Status found = returns.find(args.at(4)); !found) {
        std::fprintf(stderr, "%s\n", qPrintable(found.error().message));
        return 7;
    }
    const Services::ReturnView view = returns.view();
    if (view.lines.isEmpty() || !returns.setQuantity(view.lines.first().line.lineId, 1))
        return 8;
    if (mode == QLatin1String("approved"))
        returns.ledger().setBeforeCommitHook([] { die("before-commit"); });
    else if (mode != QLatin1String("unsent"))
        return 10;
    const Core::Status started = returns.refund();
    if (!started) {
        std::fprintf(stderr, "%s\n", qPrintable(started.error().message));
        return 11;
    }
    // The reversal is sent from the event loop: dying here, it never left.
    if (mode == QLatin1String("unsent"))
        die("unsent");
    QTimer::singleShot(20000, [] { QCoreApplication::exit(9); });
    return QCoreApplication::exec();
}
