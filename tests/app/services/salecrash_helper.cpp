// Child process for tst_salecrash: records cash sales on a cache until it is killed.
//   salecrash_helper CACHE loop            sells forever, prints "DONE <receipt>" after each sale
//   salecrash_helper CACHE pause COUNT     sells COUNT sales, then stops inside the next sale's
//                                          transaction right before COMMIT and prints "PAUSED"
#include "app/services/checkoutservice.h"
#include "app/services/session.h"
#include "app/services/terminal.h"
#include "app/store/salesledger.h"
#include "tests/support/testcache.h"

#include <QCoreApplication>
#include <QThread>

#include <cstdio>

using namespace Toonbank;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3)
        return 2;
    auto terminal = Services::Terminal::open(args.at(1));
    if (!terminal
        || !terminal.value()->session().logIn(Tests::TestCache::cashierId, QStringLiteral("1111")))
        return 3;
    Services::CheckoutService &checkout = terminal.value()->checkout();
    const bool pause = args.at(2) == QLatin1String("pause");
    const int before = pause && args.size() > 3 ? args.at(3).toInt() : -1;
    for (int sale = 0;; ++sale) {
        if (pause && sale == before) {
            checkout.ledger().setBeforeCommitHook([] {
                std::printf("PAUSED\n");
                std::fflush(stdout);
                for (;;)
                    QThread::sleep(1);
            });
        }
        if (!checkout.addScannedCode(Tests::TestCache::jeansBarcode)
            || !checkout.addScannedCode(Tests::TestCache::appleJuiceBarcode))
            return 4;
        auto done = checkout.payCash(Core::Money::fromCents(10000));
        if (!done) {
            std::fprintf(stderr, "%s\n", qPrintable(done.error().message));
            return 5;
        }
        std::printf("DONE %s\n", qPrintable(done->receiptNumber));
        std::fflush(stdout);
    }
}
