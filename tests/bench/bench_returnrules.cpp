// Benchmark of the returns core (not a CTest test; run by hand):
//   bench_returns [--iterations N] [--lines L]
// An order of L lines (default 200) paid with card, gift card, points and cash, half of it
// already returned. Prints median and p99 of: checkReturnLine for every line, planRefund of
// every returnable unit, checkRefunds of the plan, and the "return" event JSON round trip
// (returnToJson + returnFromJson, which recomputes the VAT) — what the tablet and the server
// do per return.
#include "app/core/returns.h"
#include "benchreport.h"
#include "sync/protocol/returns.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QUuid>

#include <algorithm>
#include <cstdio>

using namespace Toonbank;
using Core::Money;

using Bench::msSince;

namespace {

void report(const char *what, const QList<double> &ms)
{
    Bench::report(what, ms, { 40, 5, 7, 3 });
}

Core::ReturnableOrder makeOrder(int lineCount)
{
    Core::ReturnableOrder order;
    order.number = QStringLiteral("AMS01-T1-000042");
    order.saleId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    order.soldAt = QDateTime(QDate(2026, 11, 20), QTime(10, 0), QTimeZone::utc());
    for (int i = 0; i < lineCount; ++i) {
        Core::ReturnableLine line;
        line.lineId = QStringLiteral("L%1").arg(i + 1);
        line.productId = i + 1;
        line.sku = QStringLiteral("SKU-%1").arg(i + 1);
        line.name = QStringLiteral("Product %1").arg(i + 1);
        line.category = i % 3 == 0 ? QStringLiteral("Electronics") : QStringLiteral("Shirts");
        line.vatBasisPoints = i % 4 == 0 ? 900 : 2100;
        line.vatClass = i % 4 == 0 ? Core::VatClass::Reduced : Core::VatClass::Standard;
        line.sold = 4;
        line.returned = i % 2 == 0 ? 2 : 0;
        line.lineTotal = Money::fromCents(1997 + 37 * i);
        order.total += line.lineTotal;
        order.lines.append(line);
    }
    const qint64 total = order.total.cents();
    auto tender = [](const char *method, qint64 cents, const char *reference) {
        Core::OriginalTender t;
        t.method = QLatin1String(method);
        t.amount = Money::fromCents(cents);
        t.reference = QLatin1String(reference);
        return t;
    };
    Core::OriginalTender points = tender("loyalty_points", 2000, "2990000000015");
    points.points = 2000;
    order.tenders
        = { tender("card", total / 2, "POI-1"), tender("gift_card", total / 4, "6064360000000001"),
              points, tender("cash", total - total / 2 - total / 4 - 2000, "") };
    order.customer
        = Core::SaleCustomer { 42, QStringLiteral("2990000000015"), QStringLiteral("gold") };
    order.pointsEarned = total / 100 * 3;
    return order;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption iterationsOption(QStringLiteral("iterations"),
        QStringLiteral("Runs per figure."), QStringLiteral("N"), QStringLiteral("500"));
    const QCommandLineOption linesOption(QStringLiteral("lines"),
        QStringLiteral("Lines in the order."), QStringLiteral("L"), QStringLiteral("200"));
    parser.addOption(iterationsOption);
    parser.addOption(linesOption);
    parser.process(app);
    const int iterations = qMax(1, parser.value(iterationsOption).toInt());
    const int lineCount = qMax(1, parser.value(linesOption).toInt());

    const Core::ReturnableOrder order = makeOrder(lineCount);
    const Core::ReturnPolicy policy = Core::ReturnPolicy::defaults();
    const Core::LoyaltyRules loyalty = Core::LoyaltyRules::defaults();
    const QTimeZone zone(QByteArrayLiteral("Europe/Amsterdam"));
    QList<Core::ReturnRequestLine> requests;
    for (const Core::ReturnableLine &line : order.lines)
        requests.append({ line.lineId, line.returnable(), Core::ReturnReason::ChangedMind,
            Core::ItemCondition::Resellable });

    QList<double> check, plan, refunds, json;
    for (int i = 0; i < iterations; ++i) {
        QElapsedTimer timer;
        timer.start();
        for (const Core::ReturnRequestLine &request : requests) {
            if (!Core::checkReturnLine(order, request, policy, QDate(2026, 11, 29), zone, false))
                qFatal("checkReturnLine refused a line");
        }
        check.append(msSince(timer));

        timer.restart();
        Core::Result<Core::RefundPlan> planned = Core::planRefund(order, requests, loyalty);
        plan.append(msSince(timer));
        if (!planned)
            qFatal("planRefund: %s", qPrintable(planned.error().detail));

        QList<Core::Refund> parts = planned->refunds;
        for (Core::Refund &part : parts) {
            if (part.method == Core::RefundMethod::Card)
                part.reference = QStringLiteral("POI-R-1");
        }
        timer.restart();
        const Money rounding = Core::finaliseCash(parts, order, true);
        const Core::Status ok
            = Core::checkRefunds(order, parts, planned->total, rounding, policy, true);
        refunds.append(msSince(timer));
        if (!ok)
            qFatal("checkRefunds: %s", qPrintable(ok.error().detail));

        Core::Return ret;
        ret.returnId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        ret.receiptNumber = QStringLiteral("AMS01-T1-R000001");
        ret.storeCode = QStringLiteral("AMS01");
        ret.returnedAt = QDateTime::currentDateTimeUtc();
        ret.staffId = 7;
        ret.originNumber = order.number;
        ret.originSaleId = order.saleId;
        for (qsizetype l = 0; l < requests.size(); ++l) {
            const Core::ReturnableLine &line = order.lines.at(l);
            Core::ReturnLine returned;
            returned.lineId = QStringLiteral("R%1").arg(l + 1);
            returned.originalLineId = line.lineId;
            returned.productId = line.productId;
            returned.sku = line.sku;
            returned.name = line.name;
            returned.vatClass = line.vatClass;
            returned.vatBasisPoints = line.vatBasisPoints;
            returned.quantity = requests.at(l).quantity;
            returned.refund = planned->lineRefunds.at(l);
            ret.lines.append(returned);
        }
        ret.goods = planned->goods;
        ret.total = planned->total;
        ret.rounding = rounding;
        ret.refunds = parts;
        ret.vat = Core::returnVat(ret.lines);
        timer.restart();
        const auto back = Sync::Protocol::returnFromJson(Sync::Protocol::returnToJson(ret));
        json.append(msSince(timer));
        if (!back)
            qFatal("returnFromJson: %s", qPrintable(back.error().detail));
    }
    std::printf("order of %d lines, %lld tenders, %d iterations\n", lineCount,
        qlonglong(order.tenders.size()), iterations);
    report("checkReturnLine (every line)", check);
    report("planRefund (every returnable unit)", plan);
    report("finaliseCash + checkRefunds", refunds);
    report("return event JSON round trip", json);
    return 0;
}
