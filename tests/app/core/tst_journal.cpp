#include "app/core/journal.h"

#include <QJsonObject>
#include <QTest>

using namespace Toonbank::Core;

namespace {

QJsonObject journalEvent(int n)
{
    return { { QStringLiteral("n"), n },
        { QStringLiteral("receipt"), QStringLiteral("S-%1").arg(n) } };
}

// Six entries: sales, a return (negative amount), a training sale (amount 0).
QList<JournalEntry> chain()
{
    const QList<std::pair<QString, qint64>> kinds { { QStringLiteral("sale"), 1250 },
        { QStringLiteral("sale"), 999 }, { QStringLiteral("return"), -500 },
        { QStringLiteral("training_sale"), 0 }, { QStringLiteral("shift_closed"), 0 },
        { QStringLiteral("sale"), 4200 } };
    QList<JournalEntry> entries;
    for (qsizetype i = 0; i < kinds.size(); ++i) {
        const JournalEntry *previous = entries.isEmpty() ? nullptr : &entries.last();
        entries.append(nextJournalEntry(previous,
            QStringLiteral("2026-11-29T10:%1:00.000Z").arg(i, 2, 10, QLatin1Char('0')),
            kinds.at(i).first, QStringLiteral("S-%1").arg(i + 1), kinds.at(i).second,
            journalEvent(int(i + 1))));
    }
    return entries;
}

// Rebuilds entry `index` as a consistent entry from its own fields (body and hash recomputed).
void reseal(
    QList<JournalEntry> &entries, qsizetype index, qint64 grandTotal, const QString &reference)
{
    JournalEntry &e = entries[index];
    e.reference = reference;
    e.grandTotalCents = grandTotal;
    e.body = journalBody(e.seq, e.recordedAt, e.kind, e.reference, e.amountCents, e.grandTotalCents,
        journalEvent(int(e.seq)));
    e.hash = journalHash(e.prevHash, e.body);
}

} // namespace

class tst_Journal : public QObject
{
    Q_OBJECT

private slots:
    void bodyFormatIsUnchanged();
    void chainVerifies();
    void tampering_data();
    void tampering();
    void firstEntryMustStartAtGenesis();
};

void tst_Journal::bodyFormatIsUnchanged()
{
    // Pinned bytes and hash: the tablet journals written since issue 6 must keep verifying.
    const QByteArray body = journalBody(1, QStringLiteral("2026-11-29T10:00:00.000Z"),
        QStringLiteral("sale"), QStringLiteral("S-1"), 1250, 1250,
        { { QStringLiteral("totalCents"), 1250 },
            { QStringLiteral("receipt"), QStringLiteral("S-1") } });
    QCOMPARE(body,
        QByteArray(
            R"({"amountCents":1250,"event":{"receipt":"S-1","totalCents":1250},)"
            R"("grandTotalCents":1250,"kind":"sale","recordedAt":"2026-11-29T10:00:00.000Z",)"
            R"("reference":"S-1","seq":1})"));
    QCOMPARE(journalGenesisHash(), QString(64, QLatin1Char('0')));
    QCOMPARE(journalHash(journalGenesisHash(), body),
        QStringLiteral("37c3198b458e8e053e7018c110cc5e8e2c182a40bc092ebf1a03efb777cdb9b1"));
}

void tst_Journal::chainVerifies()
{
    const QList<JournalEntry> entries = chain();
    QCOMPARE(entries.size(), 6);
    QCOMPARE(entries.first().seq, 1);
    QCOMPARE(entries.first().prevHash, journalGenesisHash());
    QCOMPARE(entries.last().seq, 6);
    QCOMPARE(entries.last().grandTotalCents, 1250 + 999 - 500 + 4200);
    for (qsizetype i = 1; i < entries.size(); ++i)
        QCOMPARE(entries.at(i).prevHash, entries.at(i - 1).hash);
    const Status status = verifyJournalChain(entries);
    QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().detail));
    QVERIFY(verifyJournalChain({}).ok());
    QVERIFY(checkJournalEntry(nullptr, entries.first()).ok());
    QVERIFY(checkJournalEntry(&entries.at(2), entries.at(3)).ok());
}

void tst_Journal::tampering_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("code");
    QTest::addColumn<qint64>("brokenSeq");

    QTest::newRow("one byte changed in a body")
        << QStringLiteral("body_byte") << QStringLiteral("journal.hash") << 3LL;
    QTest::newRow("one character changed in a hash")
        << QStringLiteral("hash_char") << QStringLiteral("journal.hash") << 3LL;
    QTest::newRow("an entry removed")
        << QStringLiteral("remove") << QStringLiteral("journal.gap") << 4LL;
    QTest::newRow("the last entry removed then one appended in its place")
        << QStringLiteral("replace_last") << QStringLiteral("journal.prev_hash") << 6LL;
    QTest::newRow("two entries swapped")
        << QStringLiteral("swap") << QStringLiteral("journal.gap") << 4LL;
    QTest::newRow("a wrong grand total, entry resealed")
        << QStringLiteral("grand_total_resealed") << QStringLiteral("journal.grand_total") << 3LL;
    QTest::newRow("a wrong grand total column only")
        << QStringLiteral("grand_total_column") << QStringLiteral("journal.body") << 3LL;
    QTest::newRow("an amount column changed")
        << QStringLiteral("amount_column") << QStringLiteral("journal.body") << 2LL;
    QTest::newRow("an entry rewritten and resealed")
        << QStringLiteral("rewritten") << QStringLiteral("journal.prev_hash") << 4LL;
    QTest::newRow("a body not canonical")
        << QStringLiteral("not_canonical") << QStringLiteral("journal.body") << 5LL;
}

void tst_Journal::tampering()
{
    QFETCH(QString, change);
    QFETCH(QString, code);
    QFETCH(qint64, brokenSeq);

    QList<JournalEntry> entries = chain();
    if (change == QLatin1String("body_byte")) {
        QByteArray &body = entries[2].body;
        const qsizetype at = body.indexOf("S-3");
        body[at + 2] = '8'; // "S-3" → "S-8"
    } else if (change == QLatin1String("hash_char")) {
        QString &hash = entries[2].hash;
        hash[10] = hash.at(10) == QLatin1Char('a') ? QLatin1Char('b') : QLatin1Char('a');
    } else if (change == QLatin1String("remove")) {
        entries.removeAt(2);
    } else if (change == QLatin1String("replace_last")) {
        const JournalEntry oldLast = entries.takeLast();
        JournalEntry fake = nextJournalEntry(&entries.last(), oldLast.recordedAt, oldLast.kind,
            oldLast.reference, 1, journalEvent(99));
        fake.prevHash = oldLast.prevHash.left(63) + QLatin1Char('f'); // a guessed link
        fake.hash = journalHash(fake.prevHash, fake.body);
        entries.append(fake);
    } else if (change == QLatin1String("swap")) {
        entries.swapItemsAt(2, 3);
    } else if (change == QLatin1String("grand_total_resealed")) {
        reseal(entries, 2, entries.at(2).grandTotalCents + 100, entries.at(2).reference);
    } else if (change == QLatin1String("grand_total_column")) {
        entries[2].grandTotalCents += 100;
    } else if (change == QLatin1String("amount_column")) {
        entries[1].amountCents = 99;
    } else if (change == QLatin1String("rewritten")) {
        reseal(entries, 2, entries.at(2).grandTotalCents, QStringLiteral("S-999"));
    } else if (change == QLatin1String("not_canonical")) {
        JournalEntry &e = entries[4];
        e.body.replace(",", ", ");
        e.hash = journalHash(e.prevHash, e.body);
        // The next entry links to the new hash so only the body itself is at fault.
        entries[5].prevHash = e.hash;
        entries[5].hash = journalHash(entries[5].prevHash, entries[5].body);
    } else {
        QFAIL("unknown change");
    }

    const Status status = verifyJournalChain(entries);
    QVERIFY(!status.ok());
    QCOMPARE(status.error().code, code);
    QCOMPARE(status.error().detail, QString::number(brokenSeq));
    QVERIFY2(status.error().message.contains(QString::number(brokenSeq)),
        qPrintable(status.error().message));

    // Every entry before the broken one still checks on its own.
    const JournalEntry *previous = nullptr;
    for (const JournalEntry &entry : entries) {
        const Status one = checkJournalEntry(previous, entry);
        if (entry.seq == brokenSeq && (previous == nullptr || previous->seq != brokenSeq)) {
            QVERIFY(!one.ok());
            QCOMPARE(one.error().code, code);
            break;
        }
        QVERIFY(one.ok());
        previous = &entry;
    }
}

void tst_Journal::firstEntryMustStartAtGenesis()
{
    QList<JournalEntry> entries = chain();
    // Seq 2 without seq 1: a gap at the start.
    Status status = checkJournalEntry(nullptr, entries.at(1));
    QCOMPARE(status.error().code, QStringLiteral("journal.gap"));
    // Seq 1 linked to something else than the genesis hash.
    JournalEntry first = entries.first();
    first.prevHash = QString(64, QLatin1Char('1'));
    first.hash = journalHash(first.prevHash, first.body);
    status = checkJournalEntry(nullptr, first);
    QCOMPARE(status.error().code, QStringLiteral("journal.prev_hash"));
    QVERIFY(status.error().message.contains(QLatin1String("1")));
}

QTEST_APPLESS_MAIN(tst_Journal)
#include "tst_journal.moc"
