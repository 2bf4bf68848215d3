// PickupService on a real cache (issue 11, docs/STOCK.md §6): the customer verified by the
// pickup code (a wrong code is "pickup.code"; five lock the code check, also after a restart,
// a right one before resets the count; the typed code travels sealed in the event) or an ID, a web
// order handed over partly then fully, a second handover refused as already collected, a
// reservation's products put in the basket, "Not collected" only for a supervisor or manager and
// only once overdue (pickup.release_days), each write with its outbox event and journal entry.
#include "app/services/pickupservice.h"
#include "app/services/saleservice.h"
#include "app/services/session.h"
#include "app/services/terminal.h"
#include "app/store/localdatabase.h"
#include "app/store/outbox.h"
#include "app/store/pickupstore.h"
#include "app/store/salesledger.h"
#include "sync/protocol/stockelsewhere.h"
#include "tests/support/testcache.h"

#include <QFile>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Toonbank;
using namespace Toonbank::Tests;

namespace {

const QString code = QStringLiteral("482913");

Store::StoredPickup pickup(const QString &reference, Core::PickupKind kind, const QDateTime &ready)
{
    Store::StoredPickup p;
    p.reference = reference;
    p.kind = kind;
    p.locationId = TestCache::hereId;
    p.customerName = QStringLiteral("Bram Dekker");
    p.customerPhone = QStringLiteral("+31611122233");
    p.codeHash = Core::pickupCodeHash(reference, code);
    p.readyAt = ready;
    p.paid = kind == Core::PickupKind::WebOrder;
    p.lines = { { QStringLiteral("1"), TestCache::jeansId, QStringLiteral("JNS"),
                    QStringLiteral("Jeans"), 2, 0 },
        { QStringLiteral("2"), TestCache::appleJuiceId, QStringLiteral("AJ"),
            QStringLiteral("Apple juice"), 1, 0 } };
    if (kind == Core::PickupKind::Reservation)
        p.lines.removeLast();
    return p;
}

} // namespace

class TestPickupService final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Core::FixedClock m_clock { QDateTime(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC) };
    std::unique_ptr<Services::Terminal> m_terminal;

    Services::PickupService &pickups() { return m_terminal->pickups(); }
    Store::LocalDatabase &db() { return m_terminal->database(); }
    const QString webRef = QStringLiteral("WS10000001");
    const QString holdRef = QStringLiteral("0f5a3c1e-7d4b-4a6e-9c2d-1b8e5f0a9d33");

    qint64 scalar(const QString &sql)
    {
        QSqlQuery q(db().connection());
        if (!q.exec(sql) || !q.next())
            return -1;
        return q.value(0).toLongLong();
    }

    void logIn(qint64 staffId)
    {
        m_terminal->session().logOut();
        const QString pin
            = staffId == TestCache::managerId ? QStringLiteral("3333") : QStringLiteral("1111");
        auto member = m_terminal->session().logIn(staffId, pin);
        QVERIFY2(member.ok(), member.ok() ? "" : qPrintable(member.error().message));
    }

private slots:
    void initTestCase()
    {
        QFile key(m_dir.filePath(QStringLiteral("machine-id")));
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write("fedcba9876543210fedcba9876543210\n");
        key.close();
        qputenv("TOONBANK_DEVICE_KEY_FILE", QFile::encodeName(key.fileName()));
    }

    void init()
    {
        m_clock.set(QDateTime(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC));
        const QString path
            = m_dir.filePath(QStringLiteral("cache-%1.sqlite")
                                 .arg(QString::fromLatin1(QTest::currentTestFunction())));
        QFile::remove(path);
        const QString failure = TestCache::create(path);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        auto terminal = Services::Terminal::open(path, false, &m_clock);
        QVERIFY2(terminal.ok(), terminal.ok() ? "" : qPrintable(terminal.error().message));
        m_terminal = std::move(terminal.value());
        const QDateTime now = m_clock.nowUtc();
        QVERIFY(pickups().store().upsertFromFeed(
            pickup(webRef, Core::PickupKind::WebOrder, now.addDays(-2))));
        QVERIFY(pickups().store().upsertFromFeed(
            pickup(holdRef, Core::PickupKind::Reservation, now.addSecs(-3600))));
        Store::StoredPickup elsewhere
            = pickup(QStringLiteral("WS10000009"), Core::PickupKind::WebOrder, now.addDays(-5));
        elsewhere.locationId = TestCache::otherStoreId;
        QVERIFY(pickups().store().upsertFromFeed(elsewhere));
    }
    void cleanup() { m_terminal.reset(); }

    void listsThisStoreOldestFirst()
    {
        logIn(TestCache::cashierId);
        auto list = pickups().list();
        QVERIFY(list);
        QCOMPARE(list->size(), 2);
        QCOMPARE(list->at(0).reference, webRef);
        QCOMPARE(list->at(1).reference, holdRef);
    }

    void codeMatchAndMismatch_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("expected"); // error code; empty: verified
        QTest::addColumn<int>("wrongCodes"); // kept for the pickup afterwards
        QTest::newRow("right") << code << QString() << 0;
        QTest::newRow("right with spaces") << QStringLiteral("482 913") << QString() << 0;
        QTest::newRow("one digit off")
            << QStringLiteral("482914") << QStringLiteral("pickup.code") << 1;
        QTest::newRow("empty") << QString() << QStringLiteral("pickup.code_format") << 0;
        QTest::newRow("another order's")
            << QStringLiteral("123456") << QStringLiteral("pickup.code") << 1;
    }
    void codeMatchAndMismatch()
    {
        QFETCH(QString, typed);
        QFETCH(QString, expected);
        QFETCH(int, wrongCodes);
        const bool matches = expected.isEmpty();
        logIn(TestCache::cashierId);
        const Core::Status verified = pickups().verifyCode(webRef, typed);
        QCOMPARE(verified.ok(), matches);
        QCOMPARE(pickups().pickup(webRef)->wrongCodes, wrongCodes);
        if (!matches) {
            QCOMPARE(verified.error().code, expected);
            QVERIFY(!verified.error().message.isEmpty());
            QVERIFY(!pickups().verification(webRef));
            // Not verified: no handover.
            auto refused = pickups().handOverAll(webRef);
            QCOMPARE(refused.error().code, QStringLiteral("pickup.not_verified"));
            QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox")), 0);
        } else {
            QCOMPARE(*pickups().verification(webRef), Core::PickupVerification::Code);
        }
    }

    void partialThenRestThenAlreadyCollected()
    {
        logIn(TestCache::cashierId);
        QVERIFY(pickups().verifyCode(webRef, code));
        auto part = pickups().handOver(webRef, { { QStringLiteral("1"), 1 } });
        QVERIFY2(part, part ? "" : qPrintable(part.error().detail));
        QCOMPARE(part->status, Core::PickupStatus::PartlyCollected);
        QCOMPARE(part->units, 1);
        QCOMPARE(part->unitsInBasket, 0); // a web order is paid already
        QVERIFY(m_terminal->sale().isEmpty());
        QCOMPARE(pickups().list()->at(0).status, Core::PickupStatus::PartlyCollected);

        // The event as the server reads it.
        QSqlQuery q(db().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT payload FROM outbox WHERE type = "
                                      "'pickup_handed_over'"))
            && q.next());
        QVERIFY(!q.value(0).toString().contains(code)); // sealed at rest
        q.finish();
        auto pending = Store::Outbox(db()).pending(10);
        QVERIFY(pending && pending->size() == 1);
        auto event = Sync::Protocol::pickupHandoverFromJson(
            QJsonDocument::fromJson(pending->first().payload).object());
        QVERIFY2(event, event ? "" : qPrintable(event.error().detail));
        QCOMPARE(event->reference, webRef);
        QCOMPARE(event->storeCode, m_terminal->sale().location().code);
        QCOMPARE(event->staffId, TestCache::cashierId);
        QCOMPARE(event->verifiedBy, Core::PickupVerification::Code);
        QCOMPARE(event->code, code); // for the server to check again
        QCOMPARE(event->lines.size(), 1);
        q.finish();

        // Verified again for the rest (a handover uses up the verification), by ID this time.
        auto unverified = pickups().handOverAll(webRef);
        QCOMPARE(unverified.error().code, QStringLiteral("pickup.not_verified"));
        QVERIFY(pickups().confirmId(webRef));
        auto rest = pickups().handOverAll(webRef);
        QVERIFY(rest);
        QCOMPARE(rest->status, Core::PickupStatus::Collected);
        // By ID: no code in the event, the staff member who checked is the one recorded.
        auto both = Store::Outbox(db()).pending(10);
        QVERIFY(both && both->size() == 2);
        auto byId = Sync::Protocol::pickupHandoverFromJson(
            QJsonDocument::fromJson(both->at(1).payload).object());
        QVERIFY(byId);
        QCOMPARE(byId->verifiedBy, Core::PickupVerification::IdDocument);
        QVERIFY(byId->code.isEmpty());
        QCOMPARE(byId->staffId, TestCache::cashierId);
        QCOMPARE(pickups().store().handovers(webRef)->at(1).staffId, TestCache::cashierId);
        QCOMPARE(rest->units, 2);
        QCOMPARE(pickups().list()->size(), 1);

        QVERIFY(pickups().confirmId(webRef));
        auto twice = pickups().handOver(webRef, { { QStringLiteral("1"), 1 } });
        QCOMPARE(twice.error().code, QStringLiteral("pickup.already_collected"));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox")), 2);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM journal WHERE kind = 'pickup'")), 2);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM journal WHERE kind = 'pickup' AND "
                                       "body LIKE '%")
                     + code + QStringLiteral("%'")),
            0);
        QVERIFY(Store::SalesLedger(db()).verifyJournal());
    }

    void fiveWrongCodesLockUntilIdChecked()
    {
        logIn(TestCache::cashierId);
        for (int i = 1; i < Core::maxWrongPickupCodes; ++i) {
            const Core::Status wrong = pickups().verifyCode(webRef, QStringLiteral("000000"));
            QCOMPARE(wrong.error().code, QStringLiteral("pickup.code"));
            QVERIFY(!pickups().codeLocked(webRef));
        }
        const Core::Status fifth = pickups().verifyCode(webRef, QStringLiteral("000000"));
        QCOMPARE(fifth.error().code, QStringLiteral("pickup.code_locked"));
        QCOMPARE(fifth.error().message,
            QStringLiteral("Too many wrong codes. Check the customer's ID instead."));
        QVERIFY(pickups().codeLocked(webRef));
        QVERIFY(!pickups().codeLocked(holdRef)); // per pickup
        // The right code no longer verifies.
        QCOMPARE(
            pickups().verifyCode(webRef, code).error().code, QStringLiteral("pickup.code_locked"));
        QVERIFY(!pickups().verification(webRef));

        // A restart (the terminal and its cache reopened, another log-in) does not reset it.
        const QString path = db().path();
        m_terminal.reset();
        auto terminal = Services::Terminal::open(path, false, &m_clock);
        QVERIFY(terminal);
        m_terminal = std::move(terminal.value());
        logIn(TestCache::cashierId);
        QVERIFY(pickups().codeLocked(webRef));
        QCOMPARE(
            pickups().verifyCode(webRef, code).error().code, QStringLiteral("pickup.code_locked"));

        // Only the ID check is left.
        QVERIFY(pickups().confirmId(webRef));
        auto done = pickups().handOverAll(webRef);
        QVERIFY2(done, done ? "" : qPrintable(done.error().detail));
        auto pending = Store::Outbox(db()).pending(10);
        QVERIFY(pending && pending->size() == 1);
        auto event = Sync::Protocol::pickupHandoverFromJson(
            QJsonDocument::fromJson(pending->first().payload).object());
        QVERIFY(event);
        QCOMPARE(event->verifiedBy, Core::PickupVerification::IdDocument);
        QVERIFY(event->code.isEmpty());
    }

    void rightCodeResetsTheCount()
    {
        logIn(TestCache::cashierId);
        for (int i = 1; i < Core::maxWrongPickupCodes; ++i)
            QVERIFY(!pickups().verifyCode(holdRef, QStringLiteral("111111")));
        QCOMPARE(pickups().pickup(holdRef)->wrongCodes, Core::maxWrongPickupCodes - 1);
        QVERIFY(pickups().verifyCode(holdRef, code));
        QCOMPARE(pickups().pickup(holdRef)->wrongCodes, 0);
        // Four more wrong ones are allowed again before the lock.
        for (int i = 1; i < Core::maxWrongPickupCodes; ++i)
            QCOMPARE(pickups().verifyCode(holdRef, QStringLiteral("111111")).error().code,
                QStringLiteral("pickup.code"));
        QVERIFY(!pickups().codeLocked(holdRef));
    }

    void verificationIsTheCheckersOwn()
    {
        logIn(TestCache::cashierId);
        QVERIFY(pickups().verifyCode(webRef, code));
        // Another staff member logs in: the check does not carry over.
        logIn(TestCache::managerId);
        QVERIFY(!pickups().verification(webRef));
        QCOMPARE(pickups().handOverAll(webRef).error().code, QStringLiteral("pickup.not_verified"));
    }

    void tooManyAndEmptyRefused()
    {
        logIn(TestCache::cashierId);
        QVERIFY(pickups().verifyCode(webRef, code));
        QCOMPARE(pickups().handOver(webRef, { { QStringLiteral("1"), 3 } }).error().code,
            QStringLiteral("pickup.quantity"));
        QCOMPARE(pickups().handOver(webRef, { { QStringLiteral("1"), 0 } }).error().code,
            QStringLiteral("pickup.empty"));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox")), 0);
    }

    void reservationGoesIntoTheBasket()
    {
        logIn(TestCache::cashierId);
        QVERIFY(pickups().verifyCode(holdRef, code));
        auto done = pickups().handOverAll(holdRef);
        QVERIFY2(done, done ? "" : qPrintable(done.error().detail));
        QCOMPARE(done->status, Core::PickupStatus::Collected);
        QCOMPARE(done->unitsInBasket, 2);
        const auto &lines = m_terminal->sale().view().lines;
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines.at(0).productId, TestCache::jeansId);
        QCOMPARE(lines.at(0).quantity, 2);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE type = "
                                       "'pickup_handed_over'")),
            1);
    }

    void notCollectedNeedsSupervisorAndOverdue_data()
    {
        QTest::addColumn<qint64>("staff");
        QTest::addColumn<int>("daysWaiting");
        QTest::addColumn<QString>("releaseDays"); // store setting; empty: default 7
        QTest::addColumn<QString>("expected"); // error code; empty: success
        QTest::newRow("cashier, overdue")
            << TestCache::cashierId << 8 << QString() << QStringLiteral("permission.denied");
        QTest::newRow("manager, 2 of 7 days")
            << TestCache::managerId << 2 << QString() << QStringLiteral("pickup.not_overdue");
        QTest::newRow("manager, exactly 7 days")
            << TestCache::managerId << 7 << QString() << QString();
        QTest::newRow("manager, 3 days, store says 3")
            << TestCache::managerId << 3 << QStringLiteral("3") << QString();
        QTest::newRow("manager, 3 days, store says 4")
            << TestCache::managerId << 3 << QStringLiteral("4")
            << QStringLiteral("pickup.not_overdue");
    }
    void notCollectedNeedsSupervisorAndOverdue()
    {
        QFETCH(qint64, staff);
        QFETCH(int, daysWaiting);
        QFETCH(QString, releaseDays);
        QFETCH(QString, expected);
        if (!releaseDays.isEmpty())
            QVERIFY(db().setSetting(QStringLiteral("pickup.release_days"), releaseDays));
        // The web order was ready 2 days before the clock's start.
        m_clock.set(m_clock.nowUtc().addDays(daysWaiting - 2));
        logIn(staff);
        QCOMPARE(pickups().isOverdue(*pickups().pickup(webRef)),
            expected != QLatin1String("pickup.not_overdue") && expected != QLatin1String("x"));
        const Core::Status released = pickups().markNotCollected(webRef);
        if (expected.isEmpty()) {
            QVERIFY2(released, released ? "" : qPrintable(released.error().detail));
            QCOMPARE(pickups().pickup(webRef)->status, Core::PickupStatus::NotCollected);
            QCOMPARE(pickups().list()->size(), 1);
            QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE type = "
                                           "'pickup_not_collected'")),
                1);
            QCOMPARE(
                scalar(QStringLiteral("SELECT count(*) FROM journal WHERE kind = 'pickup'")), 1);
            // Released: no handover any more.
            QVERIFY(pickups().confirmId(webRef));
            QCOMPARE(pickups().handOverAll(webRef).error().code, QStringLiteral("pickup.closed"));
        } else {
            QVERIFY(!released);
            QCOMPARE(released.error().code, expected);
            QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox")), 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestPickupService)
#include "tst_pickupservice.moc"
