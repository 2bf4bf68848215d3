// Benchmark of the store-operations core (not a CTest test; run by hand):
//   bench_storeops [--iterations N] [--entries E] [--documents D]
// Prints median and p99 of: verifyJournalChain over a chain of E entries (default 100,000: a
// busy tablet's year; what toonbank-synctool / toonbank-admin verify-journal do), one
// checkJournalEntry (what the server does per arriving entry), a push of 500 journal entries
// through JSON (PushRequest toJson + fromJson, as the tablet sends and the server reads), and
// shiftTotals over D documents (default 2,000: a long shift) with 50 cash movements (X/Z report,
// the server's re-check of a close).
#include "app/core/cashrounding.h"
#include "app/core/journal.h"
#include "app/core/shift.h"
#include "benchreport.h"
#include "sync/protocol/pushbatch.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>

#include <algorithm>
#include <cstdio>

using namespace Toonbank;
using Core::Money;

using Bench::msSince;

namespace {

void report(const char *what, const QList<double> &ms)
{
    Bench::report(what, ms, { 44, 6, 9, 3 });
}

QList<Core::JournalEntry> makeChain(int count)
{
    QList<Core::JournalEntry> entries;
    entries.reserve(count);
    for (int i = 0; i < count; ++i) {
        // A sale-sized event: what the tablet journals per sale.
        const QJsonObject event {
            { QStringLiteral("saleId"),
                QStringLiteral("0d8f6a52-5a0e-4c57-9f8a-%1").arg(i, 12, 10, QLatin1Char('0')) },
            { QStringLiteral("totalCents"), 1000 + i % 5000 }, { QStringLiteral("lines"), 3 },
            { QStringLiteral("staffId"), 7 }
        };
        entries.append(Core::nextJournalEntry(entries.isEmpty() ? nullptr : &entries.last(),
            QStringLiteral("2026-11-29T10:00:00.000Z"),
            i % 20 == 0 ? QStringLiteral("return") : QStringLiteral("sale"),
            QStringLiteral("AMS01-T1-%1").arg(i + 1, 6, 10, QLatin1Char('0')),
            i % 20 == 0 ? -(500 + i % 300) : 1000 + i % 5000, event));
    }
    return entries;
}

QList<Core::ShiftDocument> makeDocuments(int count)
{
    QList<Core::ShiftDocument> docs;
    for (int i = 0; i < count; ++i) {
        Core::ShiftDocument doc;
        doc.sign = i % 25 == 0 ? -1 : 1;
        doc.training = i % 97 == 0;
        doc.total = Money::fromCents(199 + 37 * i % 9000);
        const bool cash = i % 3 == 0;
        const Money paid = cash ? Core::roundToFiveCents(doc.total) : doc.total;
        doc.rounding = paid - doc.total;
        doc.items = 1 + i % 4;
        doc.vat = { Core::VatBreakdown {
            Core::VatRate { i % 4 == 0 ? 900 : 2100, QStringLiteral("standard") }, doc.total,
            Money::fromCents(doc.total.cents() / 6),
            doc.total - Money::fromCents(doc.total.cents() / 6) } };
        Core::Tender tender;
        tender.method = cash ? Core::TenderMethod::Cash : Core::TenderMethod::Card;
        tender.amount = paid;
        doc.tenders = { tender };
        docs.append(doc);
    }
    return docs;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption iterationsOption(QStringLiteral("iterations"),
        QStringLiteral("Samples per measurement (default 20)."), QStringLiteral("N"),
        QStringLiteral("20"));
    const QCommandLineOption entriesOption(QStringLiteral("entries"),
        QStringLiteral("Journal entries in the chain (default 100000)."), QStringLiteral("E"),
        QStringLiteral("100000"));
    const QCommandLineOption documentsOption(QStringLiteral("documents"),
        QStringLiteral("Sales and returns in the shift (default 2000)."), QStringLiteral("D"),
        QStringLiteral("2000"));
    parser.addOptions({ iterationsOption, entriesOption, documentsOption });
    parser.process(app);
    const int iterations = qMax(1, parser.value(iterationsOption).toInt());
    const int entryCount = qMax(2, parser.value(entriesOption).toInt());
    const int documentCount = qMax(1, parser.value(documentsOption).toInt());

    const QList<Core::JournalEntry> chain = makeChain(entryCount);
    std::printf("journal chain: %d entries, shift: %d documents\n", entryCount, documentCount);

    QList<double> samples;
    for (int i = 0; i < iterations; ++i) {
        QElapsedTimer timer;
        timer.start();
        const Core::Status status = Core::verifyJournalChain(chain);
        samples.append(msSince(timer));
        if (!status)
            return 1;
    }
    report("verifyJournalChain (whole chain)", samples);

    samples.clear();
    for (int i = 0; i < iterations * 1000; ++i) {
        const qsizetype at = 1 + i % (chain.size() - 1);
        QElapsedTimer timer;
        timer.start();
        const Core::Status status = Core::checkJournalEntry(&chain.at(at - 1), chain.at(at));
        samples.append(msSince(timer));
        if (!status)
            return 1;
    }
    report("checkJournalEntry (one entry)", samples);

    Sync::Protocol::PushRequest push;
    push.deviceId = QStringLiteral("dev-1");
    push.journal = chain.mid(0, Sync::Protocol::maxEventsPerPush);
    samples.clear();
    for (int i = 0; i < iterations; ++i) {
        QElapsedTimer timer;
        timer.start();
        const QByteArray wire = QJsonDocument(push.toJson()).toJson(QJsonDocument::Compact);
        const auto parsed
            = Sync::Protocol::PushRequest::fromJson(QJsonDocument::fromJson(wire).object());
        samples.append(msSince(timer));
        if (!parsed || parsed->journal.size() != push.journal.size())
            return 1;
    }
    report("push of 500 journal entries (JSON both ways)", samples);

    const QList<Core::ShiftDocument> docs = makeDocuments(documentCount);
    QList<Core::CashMovement> moves(50);
    for (int i = 0; i < moves.size(); ++i) {
        moves[i].kind = i % 2 ? Core::CashMovementKind::CashIn : Core::CashMovementKind::CashOut;
        moves[i].amount = Money::fromCents(1000);
    }
    samples.clear();
    qint64 sink = 0;
    for (int i = 0; i < iterations * 10; ++i) {
        QElapsedTimer timer;
        timer.start();
        const Core::ShiftTotals totals = Core::shiftTotals(Money::fromCents(10000), docs, moves);
        samples.append(msSince(timer));
        sink += totals.expectedCash().cents();
    }
    report("shiftTotals (whole shift)", samples);
    return sink == 0 ? 1 : 0;
}
