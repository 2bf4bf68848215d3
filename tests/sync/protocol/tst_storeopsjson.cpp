#include "sync/protocol/pushbatch.h"
#include "sync/protocol/storeops.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

#include <functional>

using namespace Toonbank;
using Core::Money;
namespace P = Sync::Protocol;

namespace {

const QString shiftUuid = QStringLiteral("0d8f6a52-5a0e-4c57-9f8a-0c1f2e3d4b5a");
const QString moveUuid = QStringLiteral("7e1b2c3d-4f5a-4b6c-8d7e-9f0a1b2c3d4e");

Money eur(qint64 cents)
{
    return Money::fromCents(cents);
}

QDateTime at(int h, int m)
{
    return QDateTime(QDate(2026, 11, 29), QTime(h, m, 0, 250), QTimeZone::utc());
}

Core::CashCount sampleCount()
{
    Core::CashCount count;
    count.pieces = { { 5, 4 }, { 50, 10 }, { 200, 5 }, { 2000, 3 }, { 5000, 1 } };
    return count;
}

Core::Shift sampleShift()
{
    Core::Shift shift;
    shift.shiftId = shiftUuid;
    shift.drawerId = QStringLiteral("T1");
    shift.storeCode = QStringLiteral("AMS01");
    shift.openedBy = 3;
    shift.openedAt = at(8, 55);
    shift.openingCount = sampleCount();
    return shift;
}

Core::CashMovement sampleNoSale()
{
    Core::CashMovement move;
    move.movementId = moveUuid;
    move.kind = Core::CashMovementKind::NoSale;
    move.reason = QStringLiteral("change for the market stall");
    move.staffId = 7;
    move.at = at(11, 2);
    Core::Authorisation approval;
    approval.permission = Core::Permission::OpenDrawerNoSale;
    approval.requestedBy = 7;
    approval.approvedBy = 3;
    approval.reason = move.reason;
    approval.approvedAt = at(11, 1);
    move.approval = approval;
    return move;
}

P::ShiftClosed sampleClose()
{
    P::ShiftClosed closed;
    closed.shift = sampleShift();
    closed.shift.closedBy = 4;
    closed.shift.closedAt = at(18, 30);
    closed.shift.closingCount = sampleCount();
    closed.shift.closingCount.pieces[1] = 3;
    closed.shift.zNumber = 12;
    closed.variance.counted = closed.shift.closingCount.total();
    closed.variance.expected = closed.variance.counted + eur(20);
    closed.saleCount = 41;
    closed.returnCount = 2;
    return closed;
}

Core::JournalEntry entryAfter(const Core::JournalEntry *previous, qint64 amount)
{
    return Core::nextJournalEntry(previous, at(9, 0).toString(Qt::ISODateWithMs),
        QStringLiteral("sale"), QStringLiteral("AMS01-T1-000001"), amount,
        { { QStringLiteral("x"), 1 } });
}

QJsonObject changed(QJsonObject json, const QString &key, const QJsonValue &value)
{
    if (value.isUndefined())
        json.remove(key);
    else
        json.insert(key, value);
    return json;
}

} // namespace

class tst_StoreOpsJson : public QObject
{
    Q_OBJECT

private slots:
    void cashCountRoundTrip();
    void cashCountRejects_data();
    void cashCountRejects();
    void shiftOpenedRoundTrip();
    void cashMovementRoundTrip();
    void shiftClosedRoundTrip();
    void rejects_data();
    void rejects();
    void dayReportRoundTrip();
    void dayReportRejects();
    void journalEntryRoundTrip();
    void journalEntryRejects();
    void pushCarriesJournal();
    void pushJournalRejects();
    void pushResponseJournalSeq();
};

void tst_StoreOpsJson::cashCountRoundTrip()
{
    const QJsonObject json = P::toJson(sampleCount());
    QCOMPARE(json.value(QStringLiteral("2000")).toInteger(), 3);
    QCOMPARE(json.value(QStringLiteral("5")).toInteger(), 4);
    const auto parsed
        = P::cashCountFromJson(QJsonDocument::fromJson(QJsonDocument(json).toJson()).object());
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().detail));
    QVERIFY(parsed.value() == sampleCount());
    QCOMPARE(parsed->total(), sampleCount().total());
    const auto empty = P::cashCountFromJson({});
    QVERIFY(empty.ok());
    QVERIFY(empty->isEmpty());
}

void tst_StoreOpsJson::cashCountRejects_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("code");

    QTest::newRow("negative pieces")
        << QStringLiteral("500") << QJsonValue(-1) << QStringLiteral("count.negative");
    QTest::newRow("fraction of a piece")
        << QStringLiteral("500") << QJsonValue(2.5) << QStringLiteral("count.not_integer");
    QTest::newRow("pieces as text") << QStringLiteral("500") << QJsonValue(QStringLiteral("2"))
                                    << QStringLiteral("protocol.wrong_type");
    QTest::newRow("pieces as bool")
        << QStringLiteral("500") << QJsonValue(true) << QStringLiteral("protocol.wrong_type");
    QTest::newRow("too many pieces")
        << QStringLiteral("500") << QJsonValue(100000) << QStringLiteral("count.too_large");
    QTest::newRow("unknown denomination")
        << QStringLiteral("300") << QJsonValue(1) << QStringLiteral("count.unknown_denomination");
    QTest::newRow("denomination not a number")
        << QStringLiteral("fiver") << QJsonValue(1) << QStringLiteral("count.unknown_denomination");
    QTest::newRow("denomination with a leading zero")
        << QStringLiteral("0500") << QJsonValue(1) << QStringLiteral("count.unknown_denomination");
    QTest::newRow("denomination in euros")
        << QStringLiteral("5.00") << QJsonValue(1) << QStringLiteral("count.unknown_denomination");
}

void tst_StoreOpsJson::cashCountRejects()
{
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QFETCH(QString, code);
    QJsonObject json = P::toJson(sampleCount());
    json.insert(key, value);
    const auto parsed = P::cashCountFromJson(json);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().code, code);
    QVERIFY(!parsed.error().message.isEmpty());
}

void tst_StoreOpsJson::shiftOpenedRoundTrip()
{
    const Core::Shift shift = sampleShift();
    const QJsonObject json = P::shiftOpenedToJson(shift);
    QCOMPARE(json.value(QStringLiteral("openingFloatCents")).toInteger(),
        shift.openingCount.total().cents());
    const auto parsed = P::shiftOpenedFromJson(json);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().detail));
    QCOMPARE(parsed->shiftId, shift.shiftId);
    QCOMPARE(parsed->drawerId, shift.drawerId);
    QCOMPARE(parsed->storeCode, shift.storeCode);
    QCOMPARE(parsed->openedBy, shift.openedBy);
    QCOMPARE(parsed->openedAt, shift.openedAt);
    QVERIFY(parsed->openingCount == shift.openingCount);
    QCOMPARE(parsed->state, Core::ShiftState::Open);
}

void tst_StoreOpsJson::cashMovementRoundTrip()
{
    const Core::CashMovement noSale = sampleNoSale();
    auto parsed = P::cashMovementFromJson(P::cashMovementToJson(shiftUuid, noSale));
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().detail));
    QCOMPARE(parsed->shiftId, shiftUuid);
    QCOMPARE(parsed->movement.movementId, noSale.movementId);
    QCOMPARE(parsed->movement.kind, Core::CashMovementKind::NoSale);
    QCOMPARE(parsed->movement.amount, eur(0));
    QCOMPARE(parsed->movement.reason, noSale.reason);
    QCOMPARE(parsed->movement.staffId, 7);
    QCOMPARE(parsed->movement.at, noSale.at);
    QVERIFY(parsed->movement.approval.has_value());
    QCOMPARE(parsed->movement.approval->permission, Core::Permission::OpenDrawerNoSale);
    QCOMPARE(parsed->movement.approval->approvedBy, 3);
    QCOMPARE(parsed->movement.approval->approvedAt, noSale.approval->approvedAt);

    Core::CashMovement out = noSale;
    out.kind = Core::CashMovementKind::CashOut;
    out.amount = eur(20000);
    out.approval.reset();
    const QJsonObject json = P::cashMovementToJson(shiftUuid, out);
    QVERIFY(!json.contains(QStringLiteral("approval")));
    parsed = P::cashMovementFromJson(json);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->movement.kind, Core::CashMovementKind::CashOut);
    QCOMPARE(parsed->movement.amount, eur(20000));
    QVERIFY(!parsed->movement.approval.has_value());
}

void tst_StoreOpsJson::shiftClosedRoundTrip()
{
    const P::ShiftClosed closed = sampleClose();
    const QJsonObject json = P::toJson(closed);
    QCOMPARE(json.value(QStringLiteral("varianceCents")).toInteger(), -20);
    const auto parsed = P::shiftClosedFromJson(json);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().detail));
    QCOMPARE(parsed->shift.shiftId, closed.shift.shiftId);
    QCOMPARE(parsed->shift.closedBy, 4);
    QCOMPARE(parsed->shift.closedAt, closed.shift.closedAt);
    QVERIFY(parsed->shift.closingCount == closed.shift.closingCount);
    QCOMPARE(parsed->shift.zNumber, 12);
    QCOMPARE(parsed->shift.state, Core::ShiftState::Closed);
    QCOMPARE(parsed->variance.expected, closed.variance.expected);
    QCOMPARE(parsed->variance.counted, closed.variance.counted);
    QCOMPARE(parsed->variance.variance(), eur(-20));
    QCOMPARE(parsed->saleCount, 41);
    QCOMPARE(parsed->returnCount, 2);
}

void tst_StoreOpsJson::rejects_data()
{
    QTest::addColumn<QString>("which"); // opened, movement, closed
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value"); // undefined: removed
    QTest::addColumn<QString>("code");

    const QJsonValue removed(QJsonValue::Undefined);
    QTest::newRow("opened: unknown field")
        << QStringLiteral("opened") << QStringLiteral("till") << QJsonValue(1)
        << QStringLiteral("protocol.unknown_field");
    QTest::newRow("opened: missing drawer")
        << QStringLiteral("opened") << QStringLiteral("drawerId") << removed
        << QStringLiteral("protocol.missing_field");
    QTest::newRow("opened: openedBy as text")
        << QStringLiteral("opened") << QStringLiteral("openedBy") << QJsonValue(QStringLiteral("3"))
        << QStringLiteral("protocol.wrong_type");
    QTest::newRow("opened: not a UUID")
        << QStringLiteral("opened") << QStringLiteral("shiftId") << QJsonValue(QStringLiteral("S1"))
        << QStringLiteral("protocol.bad_id");
    QTest::newRow("opened: float disagrees with count")
        << QStringLiteral("opened") << QStringLiteral("openingFloatCents") << QJsonValue(1)
        << QStringLiteral("protocol.bad_value");
    QTest::newRow("opened: negative float")
        << QStringLiteral("opened") << QStringLiteral("openingFloatCents") << QJsonValue(-5)
        << QStringLiteral("protocol.out_of_range");
    QTest::newRow("opened: count with negative pieces")
        << QStringLiteral("opened") << QStringLiteral("openingCount")
        << QJsonValue(QJsonObject { { QStringLiteral("100"), -2 } })
        << QStringLiteral("count.negative");
    QTest::newRow("opened: count not an object")
        << QStringLiteral("opened") << QStringLiteral("openingCount") << QJsonValue(QJsonArray())
        << QStringLiteral("protocol.wrong_type");
    QTest::newRow("opened: bad time")
        << QStringLiteral("opened") << QStringLiteral("openedAt")
        << QJsonValue(QStringLiteral("yesterday")) << QStringLiteral("protocol.bad_time");
    QTest::newRow("movement: unknown kind")
        << QStringLiteral("movement") << QStringLiteral("kind")
        << QJsonValue(QStringLiteral("loan")) << QStringLiteral("protocol.bad_value");
    QTest::newRow("movement: negative amount")
        << QStringLiteral("movement") << QStringLiteral("amountCents") << QJsonValue(-100)
        << QStringLiteral("protocol.out_of_range");
    QTest::newRow("movement: fractional amount")
        << QStringLiteral("movement") << QStringLiteral("amountCents") << QJsonValue(10.5)
        << QStringLiteral("protocol.wrong_type");
    QTest::newRow("movement: missing reason")
        << QStringLiteral("movement") << QStringLiteral("reason") << removed
        << QStringLiteral("protocol.missing_field");
    QTest::newRow("movement: unknown field")
        << QStringLiteral("movement") << QStringLiteral("drawer") << QJsonValue(1)
        << QStringLiteral("protocol.unknown_field");
    QTest::newRow("movement: movementId not a UUID")
        << QStringLiteral("movement") << QStringLiteral("movementId")
        << QJsonValue(QStringLiteral("m-1")) << QStringLiteral("protocol.bad_id");
    QTest::newRow("movement: approval with an unknown permission")
        << QStringLiteral("movement") << QStringLiteral("approval")
        << QJsonValue(QJsonObject { { QStringLiteral("permission"), QStringLiteral("open_safe") },
               { QStringLiteral("requestedBy"), 7 }, { QStringLiteral("approvedBy"), 3 },
               { QStringLiteral("amountCents"), 0 },
               { QStringLiteral("approvedAt"), QStringLiteral("2026-11-29T11:01:00.000Z") } })
        << QStringLiteral("protocol.bad_value");
    QTest::newRow("movement: approval not an object")
        << QStringLiteral("movement") << QStringLiteral("approval") << QJsonValue(3)
        << QStringLiteral("protocol.wrong_type");
    QTest::newRow("closed: variance does not add up")
        << QStringLiteral("closed") << QStringLiteral("varianceCents") << QJsonValue(0)
        << QStringLiteral("protocol.bad_value");
    QTest::newRow("closed: counted is not the count")
        << QStringLiteral("closed") << QStringLiteral("countedCents") << QJsonValue(1)
        << QStringLiteral("protocol.bad_value");
    QTest::newRow("closed: Z number zero")
        << QStringLiteral("closed") << QStringLiteral("zNumber") << QJsonValue(0)
        << QStringLiteral("protocol.out_of_range");
    QTest::newRow("closed: Z number as text")
        << QStringLiteral("closed") << QStringLiteral("zNumber") << QJsonValue(QStringLiteral("12"))
        << QStringLiteral("protocol.wrong_type");
    QTest::newRow("closed: count with a fraction")
        << QStringLiteral("closed") << QStringLiteral("closingCount")
        << QJsonValue(QJsonObject { { QStringLiteral("100"), 1.5 } })
        << QStringLiteral("count.not_integer");
    QTest::newRow("closed: missing saleCount")
        << QStringLiteral("closed") << QStringLiteral("saleCount") << removed
        << QStringLiteral("protocol.missing_field");
    QTest::newRow("closed: unknown field")
        << QStringLiteral("closed") << QStringLiteral("note") << QJsonValue(QStringLiteral("x"))
        << QStringLiteral("protocol.unknown_field");
}

void tst_StoreOpsJson::rejects()
{
    QFETCH(QString, which);
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QFETCH(QString, code);

    Core::Error error;
    if (which == QLatin1String("opened")) {
        const auto r
            = P::shiftOpenedFromJson(changed(P::shiftOpenedToJson(sampleShift()), key, value));
        QVERIFY(!r.ok());
        error = r.error();
    } else if (which == QLatin1String("movement")) {
        const auto r = P::cashMovementFromJson(
            changed(P::cashMovementToJson(shiftUuid, sampleNoSale()), key, value));
        QVERIFY(!r.ok());
        error = r.error();
    } else {
        const auto r = P::shiftClosedFromJson(changed(P::toJson(sampleClose()), key, value));
        QVERIFY(!r.ok());
        error = r.error();
    }
    QCOMPARE(error.code, code);
    QVERIFY(!error.message.isEmpty());
}

void tst_StoreOpsJson::dayReportRoundTrip()
{
    P::DayReport report;
    report.storeCode = QStringLiteral("AMS01");
    report.date = QDate(2026, 11, 29);
    report.perHour = { { 9, 4, eur(8450) }, { 13, 11, eur(30125) } };
    report.perStaff = { { 3, QStringLiteral("Anna"), 10, eur(30000), 1, eur(1999) },
        { 7, QStringLiteral("Bram"), 5, eur(8575), 0, eur(0) } };
    report.perTender
        = { { QStringLiteral("cash"), eur(12000) }, { QStringLiteral("card"), eur(26575) } };
    report.refunds = { { QStringLiteral("AMS01-T1-R000003"), at(14, 3), 3, eur(1999),
        QStringLiteral("Mila") } };
    report.overrides = { { at(11, 1), QStringLiteral("open_drawer_no_sale"), shiftUuid, 7, 3,
        QStringLiteral("Mila"), QStringLiteral("change") } };
    report.openShifts = { { shiftUuid, QStringLiteral("T2"), 7, at(8, 0) } };
    report.voidCount = 2;

    const auto parsed = P::DayReport::fromJson(
        QJsonDocument::fromJson(QJsonDocument(report.toJson()).toJson()).object());
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().detail));
    QCOMPARE(parsed->storeCode, report.storeCode);
    QCOMPARE(parsed->date, report.date);
    QCOMPARE(parsed->perHour.size(), 2);
    QCOMPARE(parsed->perHour.at(1).hour, 13);
    QCOMPARE(parsed->perHour.at(1).saleCount, 11);
    QCOMPARE(parsed->perHour.at(1).sales, eur(30125));
    QCOMPARE(parsed->perStaff.size(), 2);
    QCOMPARE(parsed->perStaff.at(0).name, QStringLiteral("Anna"));
    QCOMPARE(parsed->perStaff.at(0).refunds, eur(1999));
    QCOMPARE(parsed->perTender.value(QStringLiteral("card")), eur(26575));
    QCOMPARE(parsed->refunds.size(), 1);
    QCOMPARE(parsed->refunds.at(0).approvedBy, QStringLiteral("Mila"));
    QCOMPARE(parsed->refunds.at(0).at, at(14, 3));
    QCOMPARE(parsed->overrides.size(), 1);
    QCOMPARE(parsed->overrides.at(0).what, QStringLiteral("open_drawer_no_sale"));
    QCOMPARE(parsed->overrides.at(0).approvedBy, 3);
    QCOMPARE(parsed->openShifts.size(), 1);
    QCOMPARE(parsed->openShifts.at(0).drawerId, QStringLiteral("T2"));
    QCOMPARE(parsed->voidCount, 2);
}

void tst_StoreOpsJson::dayReportRejects()
{
    P::DayReport report;
    report.storeCode = QStringLiteral("AMS01");
    report.date = QDate(2026, 11, 29);
    const QJsonObject good = report.toJson();
    QVERIFY(P::DayReport::fromJson(good).ok());
    QCOMPARE(P::DayReport::fromJson(changed(good, QStringLiteral("extra"), 1)).error().code,
        QStringLiteral("protocol.unknown_field"));
    QCOMPARE(
        P::DayReport::fromJson(changed(good, QStringLiteral("date"), QStringLiteral("29-11-2026")))
            .error()
            .code,
        QStringLiteral("protocol.bad_value"));
    QCOMPARE(P::DayReport::fromJson(changed(good, QStringLiteral("perTender"),
                                        QJsonObject { { QStringLiteral("barter"), 5 } }))
                 .error()
                 .code,
        QStringLiteral("protocol.bad_value"));
    QCOMPARE(P::DayReport::fromJson(changed(good, QStringLiteral("perHour"),
                                        QJsonArray { QJsonObject { { QStringLiteral("hour"), 24 },
                                            { QStringLiteral("saleCount"), 1 },
                                            { QStringLiteral("salesCents"), 100 } } }))
                 .error()
                 .code,
        QStringLiteral("protocol.out_of_range"));
    QCOMPARE(P::DayReport::fromJson(changed(good, QStringLiteral("voidCount"), -1)).error().code,
        QStringLiteral("protocol.out_of_range"));
}

void tst_StoreOpsJson::journalEntryRoundTrip()
{
    const Core::JournalEntry first = entryAfter(nullptr, 1250);
    const QJsonObject json = first.toJson();
    QCOMPARE(json.value(QStringLiteral("body")).toString(), QString::fromUtf8(first.body));
    const auto parsed = Core::JournalEntry::fromJson(
        QJsonDocument::fromJson(QJsonDocument(json).toJson(QJsonDocument::Compact)).object());
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().detail));
    QCOMPARE(parsed->seq, 1);
    QCOMPARE(parsed->recordedAt, first.recordedAt);
    QCOMPARE(parsed->kind, first.kind);
    QCOMPARE(parsed->reference, first.reference);
    QCOMPARE(parsed->amountCents, 1250);
    QCOMPARE(parsed->grandTotalCents, 1250);
    QCOMPARE(parsed->body, first.body); // byte for byte: the hash still matches
    QCOMPARE(parsed->prevHash, first.prevHash);
    QCOMPARE(parsed->hash, first.hash);
    QVERIFY(Core::checkJournalEntry(nullptr, parsed.value()).ok());
    // A return: a negative amount travels.
    const Core::JournalEntry second = entryAfter(&first, -300);
    const auto back = Core::JournalEntry::fromJson(second.toJson());
    QVERIFY(back.ok());
    QCOMPARE(back->amountCents, -300);
    QCOMPARE(back->grandTotalCents, 950);
}

void tst_StoreOpsJson::journalEntryRejects()
{
    const QJsonObject good = entryAfter(nullptr, 100).toJson();
    QCOMPARE(Core::JournalEntry::fromJson(changed(good, QStringLiteral("extra"), 1)).error().code,
        QStringLiteral("protocol.unknown_field"));
    QCOMPARE(
        Core::JournalEntry::fromJson(changed(good, QStringLiteral("hash"), QJsonValue::Undefined))
            .error()
            .code,
        QStringLiteral("protocol.missing_field"));
    QCOMPARE(Core::JournalEntry::fromJson(changed(good, QStringLiteral("seq"), QStringLiteral("1")))
                 .error()
                 .code,
        QStringLiteral("protocol.wrong_type"));
    QCOMPARE(Core::JournalEntry::fromJson(changed(good, QStringLiteral("seq"), 0)).error().code,
        QStringLiteral("protocol.out_of_range"));
    QCOMPARE(Core::JournalEntry::fromJson(changed(good, QStringLiteral("amountCents"), 1.5))
                 .error()
                 .code,
        QStringLiteral("protocol.wrong_type"));
    QCOMPARE(Core::JournalEntry::fromJson(changed(good, QStringLiteral("body"), QJsonObject()))
                 .error()
                 .code,
        QStringLiteral("protocol.wrong_type"));
}

void tst_StoreOpsJson::pushCarriesJournal()
{
    P::PushRequest request;
    request.deviceId = QStringLiteral("dev-1");
    const Core::JournalEntry first = entryAfter(nullptr, 100);
    const Core::JournalEntry second = entryAfter(&first, 200);
    request.journal = { first, second };
    // Journal entries and no events: a valid push.
    const QJsonObject json = request.toJson();
    QCOMPARE(json.value(QStringLiteral("journal")).toArray().size(), 2);
    const auto parsed = P::PushRequest::fromJson(json);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().detail));
    QVERIFY(parsed->events.isEmpty());
    QCOMPARE(parsed->journal.size(), 2);
    QCOMPARE(parsed->journal.at(1).seq, 2);
    QCOMPARE(parsed->journal.at(1).hash, second.hash);
    QVERIFY(Core::verifyJournalChain(parsed->journal).ok());

    // Without entries the key is left out (older servers never see it).
    request.journal.clear();
    QVERIFY(!request.toJson().contains(QStringLiteral("journal")));
}

void tst_StoreOpsJson::pushJournalRejects()
{
    const Core::JournalEntry first = entryAfter(nullptr, 100);
    const Core::JournalEntry second = entryAfter(&first, 200);
    P::PushRequest request;
    request.deviceId = QStringLiteral("dev-1");

    request.journal = { second, first };
    QCOMPARE(P::PushRequest::fromJson(request.toJson()).error().code,
        QStringLiteral("protocol.sequence"));
    request.journal = { first, first };
    QCOMPARE(P::PushRequest::fromJson(request.toJson()).error().code,
        QStringLiteral("protocol.sequence"));

    QList<Core::JournalEntry> many;
    for (int i = 0; i <= P::maxEventsPerPush; ++i)
        many.append(entryAfter(many.isEmpty() ? nullptr : &many.last(), 1));
    request.journal = many;
    QCOMPARE(P::PushRequest::fromJson(request.toJson()).error().code,
        QStringLiteral("protocol.batch_size"));
    many.removeLast();
    request.journal = many;
    QVERIFY(P::PushRequest::fromJson(request.toJson()).ok());

    // Neither events nor entries.
    request.journal.clear();
    QCOMPARE(P::PushRequest::fromJson(request.toJson()).error().code,
        QStringLiteral("protocol.batch_size"));

    QJsonObject json = changed(request.toJson(), QStringLiteral("journal"), QJsonArray { 5 });
    QCOMPARE(P::PushRequest::fromJson(json).error().code, QStringLiteral("protocol.wrong_type"));
    json = changed(request.toJson(), QStringLiteral("journal"), QStringLiteral("all"));
    QCOMPARE(P::PushRequest::fromJson(json).error().code, QStringLiteral("protocol.wrong_type"));
    QJsonObject entry = first.toJson();
    entry.insert(QStringLiteral("device"), 1);
    json = changed(request.toJson(), QStringLiteral("journal"), QJsonArray { entry });
    QCOMPARE(P::PushRequest::fromJson(json).error().code, QStringLiteral("protocol.unknown_field"));
}

void tst_StoreOpsJson::pushResponseJournalSeq()
{
    P::PushResponse response;
    QVERIFY(!response.toJson().contains(QStringLiteral("journalSeq")));
    auto parsed = P::PushResponse::fromJson(response.toJson());
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->journalSeq, 0);
    response.journalSeq = 4711;
    QCOMPARE(response.toJson().value(QStringLiteral("journalSeq")).toInteger(), 4711);
    parsed = P::PushResponse::fromJson(response.toJson());
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->journalSeq, 4711);
    QCOMPARE(P::PushResponse::fromJson(
                 changed(response.toJson(), QStringLiteral("journalSeq"), QStringLiteral("4711")))
                 .error()
                 .code,
        QStringLiteral("protocol.wrong_type"));
    QCOMPARE(P::PushResponse::fromJson(changed(response.toJson(), QStringLiteral("journalSeq"), -1))
                 .error()
                 .code,
        QStringLiteral("protocol.out_of_range"));
}

QTEST_GUILESS_MAIN(tst_StoreOpsJson)
#include "tst_storeopsjson.moc"
