// Child process for tst_shiftcrash: works a drawer's shift on a cache and stops inside one
// step's transaction right before COMMIT, printing "PAUSED" (the parent then SIGKILLs it).
//   shiftcrash_helper CACHE open     stops in the shift's open
//   shiftcrash_helper CACHE move     opens a shift (€ 50), sells one cash sale, stops in a cash in
//   shiftcrash_helper CACHE close    opens a shift (€ 50), sells one cash sale, cash in € 20,
//                                    stops in the close
// Every finished step prints "DONE <step>".
#include "app/services/saleservice.h"
#include "app/services/session.h"
#include "app/services/shiftservice.h"
#include "app/services/terminal.h"
#include "app/store/shiftledger.h"
#include "tests/support/testcache.h"

#include <QCoreApplication>
#include <QThread>

#include <cstdio>

using namespace Toonbank;

namespace {

void pauseBeforeCommit(Services::ShiftService &shifts)
{
    shifts.ledger().setBeforeCommitHook([] {
        std::printf("PAUSED\n");
        std::fflush(stdout);
        for (;;)
            QThread::sleep(1);
    });
}

void done(const char *step)
{
    std::printf("DONE %s\n", step);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3)
        return 2;
    auto terminal = Services::Terminal::open(args.at(1));
    if (!terminal
        || !terminal.value()->session().logIn(Tests::TestCache::managerId, QStringLiteral("3333")))
        return 3;
    Services::Terminal &t = *terminal.value();
    t.requireShifts();
    Services::ShiftService &shifts = t.shifts();
    const QString step = args.at(2);

    Core::CashCount floatCount;
    floatCount.pieces = { { 1000, 5 } };
    if (step == QLatin1String("open"))
        pauseBeforeCommit(shifts);
    if (auto opened = shifts.open(floatCount); !opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().message));
        return 4;
    }
    done("open");
    if (!t.sale().scan(Tests::TestCache::jeansBarcode))
        return 5;
    if (auto sold = t.sale().payCash(Core::Money::fromCents(9000)); !sold) {
        std::fprintf(stderr, "%s\n", qPrintable(sold.error().message));
        return 5;
    }
    done("sale");
    if (step == QLatin1String("move"))
        pauseBeforeCommit(shifts);
    if (auto in = shifts.moveCash(
            Core::CashMovementKind::CashIn, Core::Money::fromCents(2000), QStringLiteral("Wissel"));
        !in) {
        std::fprintf(stderr, "%s\n", qPrintable(in.error().message));
        return 6;
    }
    done("move");
    pauseBeforeCommit(shifts);
    Core::CashCount counted;
    counted.pieces = { { 1000, 9 }, { 500, 1 } }; // € 95 of the € 159,95 expected
    if (auto z = shifts.close(counted, false); !z) {
        std::fprintf(stderr, "%s\n", qPrintable(z.error().message));
        return 7;
    }
    done("close");
    return 0;
}
