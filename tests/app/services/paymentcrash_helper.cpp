// Child process for tst_paymentcrash: pays a sale by card against toonbank-terminal-sim and
// kills itself (SIGKILL) at a chosen moment, or recovers after such a kill.
//   paymentcrash_helper CACHE ENDPOINT approved     the terminal approved; SIGKILL inside the
//                                                   sale's transaction right before COMMIT
//   paymentcrash_helper CACHE ENDPOINT in-flight    SIGKILL 300 ms after the payment request
//                                                   left, before its answer came
//   paymentcrash_helper CACHE ENDPOINT unsent       SIGKILL right after the pending tender was
//                                                   written, before the request could leave
//   paymentcrash_helper CACHE ENDPOINT recover      PaymentService::recover(); prints
//                                                   "RECOVERED <receipt>" or "OPEN" / "NONE"
#include "app/core/money.h"
#include "app/devices/paymentterminal.h"
#include "app/services/paymentservice.h"
#include "app/services/saleservice.h"
#include "app/services/session.h"
#include "app/services/terminal.h"
#include "app/store/salesledger.h"
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
    Services::PaymentService &pay = terminal.payments();
    pay.setStatusBackoff({ 200, 400, 800, 1600 });

    if (mode == QLatin1String("recover")) {
        QObject::connect(
            &pay, &Services::PaymentService::completed, [](const Services::CompletedSale &sale) {
                say("RECOVERED " + sale.receiptNumber.toUtf8());
                QCoreApplication::exit(0);
            });
        pay.recover();
        if (pay.lastCompleted())
            return 0;
        // Card statuses answer asynchronously.
        QElapsedTimer waited;
        waited.start();
        while (pay.isOpen() && waited.elapsed() < 20000) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
            if (pay.lastCompleted())
                return 0;
            const auto view = pay.view();
            const bool pending = std::any_of(
                view.tenders.cbegin(), view.tenders.cend(), [](const Services::TenderView &t) {
                    return t.state == Services::TenderView::State::Pending;
                });
            if (!pending && view.terminal != Services::TerminalState::Checking)
                break;
        }
        say(pay.isOpen() ? "OPEN" : "NONE");
        return 0;
    }

    if (!terminal.session().logIn(Tests::TestCache::cashierId, QStringLiteral("1111")))
        return 4;
    if (!terminal.sale().scan(Tests::TestCache::jeansBarcode)
        || !terminal.sale().scan(Tests::TestCache::appleJuiceBarcode))
        return 5;
    if (!pay.begin())
        return 6;
    if (mode == QLatin1String("approved")) {
        terminal.sale().ledger().setBeforeCommitHook([] { die("before-commit"); });
    } else if (mode == QLatin1String("in-flight")) {
        QTimer::singleShot(300, [] { die("in-flight"); });
    } else if (mode != QLatin1String("unsent")) {
        return 7;
    }
    const Core::Status started = pay.payCard(pay.view().remaining);
    if (!started) {
        std::fprintf(stderr, "%s\n", qPrintable(started.error().message));
        return 8;
    }
    // The request is sent from the event loop: dying here, it never left.
    if (mode == QLatin1String("unsent"))
        die("unsent");
    say("PAYING " + pay.view().tenders.first().claimId.toUtf8());
    QTimer::singleShot(20000, [] { QCoreApplication::exit(9); });
    return QCoreApplication::exec();
}
