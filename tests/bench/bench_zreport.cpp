// Benchmark of the shift reports on a busy drawer (not a CTest test; run by hand):
//   bench_zreport [--sales N] [--returns N] [--runs N] [--cache FILE]
// Fills a cache (the test cache) with one open shift holding N sales (default 10,000: cash with
// 5-cent rounding, card, gift card, cash + card splits; 1–3 lines over two VAT rates), returns
// (default 100, cash and card refunds) and 40 cash movements, written through the real ledgers
// (SalesLedger::record, ReturnsLedger::record: rows, outbox events, journal). Then times
// ShiftService::xReport() --runs times (default 200), closes the shift once (the Z figures
// inside the close's transaction) and times ShiftService::zReport(1) (the Z report reprinted:
// the same figures from the closed shift) --runs times. Prints median and p99; the target is
// p99 <= 200 ms for the X and the Z report.
#include "app/core/clock.h"
#include "app/core/returns.h"
#include "app/core/sale.h"
#include "app/services/session.h"
#include "app/services/shiftservice.h"
#include "app/services/terminal.h"
#include "app/store/localdatabase.h"
#include "app/store/returnsledger.h"
#include "app/store/salesledger.h"
#include "benchreport.h"
#include "tests/support/testcache.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace Toonbank;
using Core::Money;

using Bench::msSince;
using Bench::threadCpuMs;

namespace {

void report(const char *what, const QList<double> &ms)
{
    Bench::report(what, ms, { 44, 5, 7, 2 });
}

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Rounds a cash amount to 5 cents (half up), as NL cash rounding does.
Money roundedCash(Money amount)
{
    const qint64 cents = amount.cents();
    const qint64 rest = cents % 5;
    return Money::fromCents(rest < 3 ? cents - rest : cents + 5 - rest);
}

// The fewest coins and notes that make `amount`.
Core::CashCount countOf(Money amount)
{
    Core::CashCount count;
    qint64 left = amount.cents();
    const QList<qint64> &denominations = Core::euroDenominations();
    for (auto it = denominations.crbegin(); it != denominations.crend(); ++it) {
        if (left >= *it) {
            count.pieces.insert(*it, left / *it);
            left %= *it;
        }
    }
    return count;
}

struct Product
{
    qint64 id;
    const char *sku;
    const char *vatClass;
    int basisPoints;
    qint64 priceCents;
};

const Product products[] = {
    { Tests::TestCache::jeansId, "JEANS-501", "standard", 2100, 8995 },
    { Tests::TestCache::socksId, "SOCK-BAMBOO-3P", "standard", 2100, 499 },
    { Tests::TestCache::appleJuiceId, "JUICE-APPLE", "reduced", 900, 199 },
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("sales"), QStringLiteral("Sales in the shift."),
        QStringLiteral("n"), QStringLiteral("10000") });
    parser.addOption({ QStringLiteral("returns"), QStringLiteral("Returns in the shift."),
        QStringLiteral("n"), QStringLiteral("100") });
    parser.addOption({ QStringLiteral("runs"), QStringLiteral("Reports timed per kind."),
        QStringLiteral("n"), QStringLiteral("200") });
    parser.addOption({ QStringLiteral("cache"),
        QStringLiteral("Cache file (default: a temporary one)."), QStringLiteral("file") });
    parser.process(app);
    const int saleCount = parser.value(QStringLiteral("sales")).toInt();
    const int returnCount = parser.value(QStringLiteral("returns")).toInt();
    const int runs = parser.value(QStringLiteral("runs")).toInt();

    QTemporaryDir dir;
    const QString keyFile = dir.filePath(QStringLiteral("machine-id"));
    {
        QFile key(keyFile);
        if (!key.open(QIODevice::WriteOnly))
            return 2;
        key.write(QByteArray::number(QRandomGenerator::system()->generate64(), 16));
    }
    qputenv("TOONBANK_DEVICE_KEY_FILE", QFile::encodeName(keyFile));
    const QString path = parser.isSet(QStringLiteral("cache"))
        ? parser.value(QStringLiteral("cache"))
        : dir.filePath(QStringLiteral("zreport.sqlite"));
    QFile::remove(path);
    if (const QString failure = Tests::TestCache::create(path); !failure.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(failure));
        return 2;
    }

    Core::FixedClock clock(QDateTime(QDate(2026, 11, 25), QTime(7, 0), Qt::UTC));
    auto terminal = Services::Terminal::open(path, false, &clock);
    if (!terminal) {
        std::fprintf(stderr, "%s\n", qPrintable(terminal.error().message));
        return 3;
    }
    Services::Terminal &t = *terminal.value();
    if (auto in = t.session().logIn(Tests::TestCache::managerId, QStringLiteral("3333")); !in) {
        std::fprintf(stderr, "%s\n", qPrintable(in.error().message));
        return 3;
    }
    Services::ShiftService &shifts = t.shifts();
    Core::CashCount floatCount;
    floatCount.pieces = { { 2000, 5 }, { 1000, 5 }, { 200, 10 }, { 50, 20 } };
    auto shift = shifts.open(floatCount);
    if (!shift) {
        std::fprintf(stderr, "%s\n", qPrintable(shift.error().message));
        return 3;
    }

    // The shift's sales and returns, through the ledgers, in one transaction (filling only).
    QElapsedTimer fill;
    fill.start();
    Store::SalesLedger sales(t.database());
    Store::ReturnsLedger returns(t.database(), sales);
    QRandomGenerator random(12);
    QList<Core::Sale> cashSales;
    const Core::Status filled = t.database().transaction([&]() -> Core::Status {
        for (int i = 0; i < saleCount; ++i) {
            clock.advanceSecs(3);
            Core::Sale sale;
            sale.saleId = uuid();
            sale.storeCode = QStringLiteral("AMS01");
            sale.soldAt = clock.nowUtc();
            sale.staffId = Tests::TestCache::managerId;
            sale.shiftId = shift->shiftId;
            const int lineCount = 1 + int(random.bounded(3));
            QMap<int, Money> grossPerRate;
            for (int l = 0; l < lineCount; ++l) {
                const Product &p = products[random.bounded(3)];
                Core::SaleLine line;
                line.lineId = QStringLiteral("L%1").arg(l + 1);
                line.productId = p.id;
                line.sku = QLatin1String(p.sku);
                line.name = QLatin1String(p.sku);
                line.vatClass = Core::vatClassFromName(QLatin1String(p.vatClass))
                                    .value_or(Core::VatClass::Standard);
                line.vatRate = Core::VatRate { p.basisPoints, QLatin1String(p.vatClass) };
                line.quantity = 1 + int(random.bounded(2));
                line.unitPrice = Money::fromCents(p.priceCents);
                line.regularPrice = line.unitPrice;
                sale.lines.append(line);
                sale.total += line.lineTotal();
            }
            sale.vat = Core::vatBreakdown(sale.lines);
            Core::Tender first;
            switch (i % 4) {
            case 0: { // cash, rounded to 5 cents
                const Money due = roundedCash(sale.total);
                sale.rounding = due - sale.total;
                first.method = Core::TenderMethod::Cash;
                first.amount = due;
                first.tendered = due;
                sale.tenders = { first };
                break;
            }
            case 1:
                first.method = Core::TenderMethod::Card;
                first.amount = sale.total;
                first.reference = QStringLiteral("POI-%1").arg(i);
                first.claimId = uuid();
                sale.tenders = { first };
                break;
            case 2:
                first.method = Core::TenderMethod::GiftCard;
                first.amount = sale.total;
                first.reference = QStringLiteral("6280001234567890");
                first.claimId = uuid();
                sale.tenders = { first };
                break;
            default: { // € 1 in cash, the rest by card
                first.method = Core::TenderMethod::Cash;
                first.amount = Money::fromCents(100);
                first.tendered = first.amount;
                Core::Tender card;
                card.method = Core::TenderMethod::Card;
                card.amount = sale.total - first.amount;
                card.reference = QStringLiteral("POI-%1").arg(i);
                card.claimId = uuid();
                sale.tenders = { first, card };
                break;
            }
            }
            const QByteArray payload = QByteArrayLiteral("{\"bench\":true}");
            Core::Result<Store::RecordedSale> recorded
                = sales.record(Store::ledgerSaleFrom(sale, Tests::TestCache::hereId),
                    [&](const QString &) { return payload; });
            if (!recorded)
                return recorded.error();
            sale.receiptNumber = recorded->receiptNumber;
            if (i % 4 == 0)
                cashSales.append(sale);
        }
        for (int r = 0; r < returnCount && r < cashSales.size(); ++r) {
            const Core::Sale &original = cashSales.at(r);
            clock.advanceSecs(5);
            Core::Return ret;
            ret.returnId = uuid();
            ret.storeCode = QStringLiteral("AMS01");
            ret.returnedAt = clock.nowUtc();
            ret.staffId = Tests::TestCache::managerId;
            ret.origin = Core::ReturnOrigin::StoreSale;
            ret.originNumber = original.receiptNumber;
            ret.originSaleId = original.saleId;
            ret.shiftId = shift->shiftId;
            const Core::SaleLine &line = original.lines.first();
            Core::ReturnLine back;
            back.lineId = QStringLiteral("R1");
            back.originalLineId = line.lineId;
            back.productId = line.productId;
            back.sku = line.sku;
            back.name = line.name;
            back.vatClass = line.vatClass;
            back.vatBasisPoints = line.vatRate.basisPoints;
            back.quantity = 1;
            back.refund = line.unitPrice;
            ret.lines = { back };
            ret.goods = back.refund;
            ret.total = back.refund;
            ret.vat = Core::returnVat(ret.lines);
            Core::Refund refund;
            refund.method = Core::RefundMethod::Cash;
            refund.amount = roundedCash(ret.total);
            ret.rounding = refund.amount - ret.total;
            ret.refunds = { refund };
            Core::Result<Store::RecordedReturn> recorded
                = returns.record(ret, Tests::TestCache::hereId,
                    [](const QString &) { return QByteArrayLiteral("{\"bench\":true}"); });
            if (!recorded)
                return recorded.error();
        }
        return Core::success();
    });
    if (!filled) {
        std::fprintf(stderr, "fill: %s (%s)\n", qPrintable(filled.error().message),
            qPrintable(filled.error().detail));
        return 4;
    }
    // Cash movements through the service (each its own durable transaction).
    for (int m = 0; m < 40; ++m) {
        clock.advanceSecs(60);
        const bool in = m % 2 == 0;
        auto moved
            = shifts.moveCash(in ? Core::CashMovementKind::CashIn : Core::CashMovementKind::CashOut,
                Money::fromCents(in ? 5000 : 2500), QStringLiteral("Kluis"));
        if (!moved) {
            std::fprintf(stderr, "move: %s\n", qPrintable(moved.error().message));
            return 4;
        }
    }
    std::printf("filled %d sales, %d returns, 40 cash movements in %.0f ms\n", saleCount,
        int(std::min<qsizetype>(returnCount, cashSales.size())), msSince(fill));

    QList<double> xMs;
    QList<double> xCpu;
    Core::ShiftTotals x;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        const double cpu = threadCpuMs();
        auto report = shifts.xReport();
        xCpu.append(threadCpuMs() - cpu);
        xMs.append(msSince(timer));
        if (!report) {
            std::fprintf(stderr, "x: %s\n", qPrintable(report.error().message));
            return 5;
        }
        x = report->totals;
    }
    std::printf("X: %d sales, %d returns, gross %s, cash sales %s, refunds %s, expected %s\n",
        x.saleCount, x.returnCount, qPrintable(x.grossSales.toPlainString()),
        qPrintable(x.cashSales.toPlainString()), qPrintable(x.refunds.toPlainString()),
        qPrintable(x.expectedCash().toPlainString()));
    report("xReport() wall (target p99<=200ms)", xMs);
    report("xReport() CPU of this thread", xCpu);

    const Core::CashCount counted = countOf(x.expectedCash());
    QElapsedTimer closing;
    closing.start();
    auto z = shifts.close(counted, false);
    const double closeMs = msSince(closing);
    if (!z) {
        std::fprintf(stderr, "close: %s\n", qPrintable(z.error().message));
        return 6;
    }
    std::printf("close (Z %d, figures in the transaction, durable): %.2f ms, variance %s\n",
        z->zNumber, closeMs, qPrintable(z->variance->variance().toPlainString()));

    QList<double> zMs;
    QList<double> zCpu;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        const double cpu = threadCpuMs();
        auto reprint = shifts.zReport(z->zNumber);
        zCpu.append(threadCpuMs() - cpu);
        zMs.append(msSince(timer));
        if (!reprint || reprint->totals.saleCount != x.saleCount) {
            std::fprintf(stderr, "z: %s\n",
                reprint ? "figures differ" : qPrintable(reprint.error().message));
            return 7;
        }
    }
    report("zReport(1) wall (target p99<=200ms)", zMs);
    report("zReport(1) CPU of this thread", zCpu);
    return 0;
}
