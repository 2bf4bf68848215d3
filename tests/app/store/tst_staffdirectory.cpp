#include "app/core/pin.h"
#include "app/store/catalogwriter.h"
#include "app/store/localdatabase.h"
#include "app/store/staffdirectory.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Toonbank;
using Store::LocalDatabase;
using Store::StaffDirectory;

namespace {

constexpr int iterations = 1000; // fast for tests; the stored hash names its own count
const QString goodPin = QStringLiteral("4821");
const QString wrongPin = QStringLiteral("1111");
const QDateTime start(QDate(2025, 6, 2), QTime(9, 0), Qt::UTC);

} // namespace

class tst_StaffDirectory : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_fileNo = 0;

    // A fresh database with one store and four staff: 1 Anna (cashier), 2 Bram (manager),
    // 3 Cees (inactive), 4 Dirk (another store).
    std::unique_ptr<LocalDatabase> makeDatabase(QString *pathOut = nullptr)
    {
        const QString path = m_dir.filePath(QStringLiteral("staff-%1.db").arg(++m_fileNo));
        if (pathOut)
            *pathOut = path;
        auto db = LocalDatabase::open(path);
        if (!db)
            qFatal("open: %s", qPrintable(db.error().detail));
        Store::CatalogWriter writer(**db);
        if (!writer.begin())
            qFatal("begin");
        Store::Location store;
        store.id = 1;
        store.code = QStringLiteral("AMS01");
        store.name = QStringLiteral("Amsterdam");
        store.country = QStringLiteral("NL");
        (void)writer.upsertLocation(store);
        auto add = [&](qint64 id, const char *name, Store::StaffRole role, qint64 home, bool active) {
            Store::StaffMember member;
            member.id = id;
            member.code = QStringLiteral("E%1").arg(id);
            member.displayName = QString::fromLatin1(name);
            member.role = role;
            member.homeLocationId = home;
            member.active = active;
            if (!writer.upsertStaff(member, Core::Pin::hash(goodPin, iterations).value()))
                qFatal("staff");
        };
        add(2, "Bram", Store::StaffRole::Manager, 1, true);
        add(1, "Anna", Store::StaffRole::Cashier, 1, true);
        add(3, "Cees", Store::StaffRole::Supervisor, 1, false);
        add(4, "Dirk", Store::StaffRole::Cashier, 2, true);
        if (!writer.commit())
            qFatal("commit");
        return std::move(db).value();
    }

    static int failedAttempts(LocalDatabase &db, qint64 id)
    {
        QSqlQuery query(db.connection());
        query.prepare(QStringLiteral("SELECT failed_attempts FROM staff WHERE id = ?"));
        query.addBindValue(id);
        if (!query.exec() || !query.next())
            return -1;
        return query.value(0).toInt();
    }

private slots:
    void staffAtListsActiveStaffByName()
    {
        auto db = makeDatabase();
        StaffDirectory directory(*db);
        const auto staff = directory.staffAt(1);
        QVERIFY(staff);
        QCOMPARE(staff->size(), 2);
        QCOMPARE(staff->at(0).displayName, QStringLiteral("Anna"));
        QCOMPARE(staff->at(0).role, Store::StaffRole::Cashier);
        QCOMPARE(staff->at(1).displayName, QStringLiteral("Bram"));
        QCOMPARE(staff->at(1).role, Store::StaffRole::Manager);
        QVERIFY(directory.staffAt(99)->isEmpty());
    }

    void memberLookup()
    {
        auto db = makeDatabase();
        StaffDirectory directory(*db);
        const auto bram = directory.member(2);
        QVERIFY(bram);
        QCOMPARE(bram->code, QStringLiteral("E2"));
        QCOMPARE(bram->homeLocationId, 1);
        QCOMPARE(directory.member(42).error().code, QStringLiteral("login.unknown_staff"));
    }

    void correctPin()
    {
        auto db = makeDatabase();
        StaffDirectory directory(*db);
        const auto who = directory.verifyPin(1, goodPin, start);
        QVERIFY(who);
        QCOMPARE(who->displayName, QStringLiteral("Anna"));
    }

    void unknownOrInactiveStaff()
    {
        auto db = makeDatabase();
        StaffDirectory directory(*db);
        QCOMPARE(directory.verifyPin(42, goodPin, start).error().code, QStringLiteral("login.unknown_staff"));
        QCOMPARE(directory.verifyPin(3, goodPin, start).error().code, QStringLiteral("login.unknown_staff"));
    }

    void malformedPinChangesNothing_data()
    {
        QTest::addColumn<QString>("pin");
        QTest::addColumn<QString>("code");
        QTest::newRow("empty") << QString() << QStringLiteral("pin.empty");
        QTest::newRow("letters") << QStringLiteral("12a4") << QStringLiteral("pin.not_digits");
        QTest::newRow("sql") << QStringLiteral("1' OR 1=1") << QStringLiteral("pin.not_digits");
        QTest::newRow("too short") << QStringLiteral("12") << QStringLiteral("pin.length");
        QTest::newRow("too long") << QStringLiteral("123456789") << QStringLiteral("pin.length");
    }

    void malformedPinChangesNothing()
    {
        QFETCH(QString, pin);
        QFETCH(QString, code);
        auto db = makeDatabase();
        StaffDirectory directory(*db);
        for (int i = 0; i < 10; ++i) {
            const auto result = directory.verifyPin(1, pin, start);
            QVERIFY(!result);
            QCOMPARE(result.error().code, code);
        }
        QCOMPARE(failedAttempts(*db, 1), 0);
        QVERIFY(directory.verifyPin(1, goodPin, start));
    }

    void wrongPinCountsDown()
    {
        auto db = makeDatabase();
        StaffDirectory directory(*db);
        for (int attempt = 1; attempt < Core::LoginThrottle::freeAttempts; ++attempt) {
            const auto result = directory.verifyPin(1, wrongPin, start);
            QVERIFY(!result);
            QCOMPARE(result.error().code, QStringLiteral("login.wrong_pin"));
            const int left = Core::LoginThrottle::freeAttempts - attempt;
            QVERIFY2(result.error().message.contains(QString::number(left)),
                     qPrintable(result.error().message));
            QCOMPARE(failedAttempts(*db, 1), attempt);
        }
        // A correct PIN before the lock resets the count.
        QVERIFY(directory.verifyPin(1, goodPin, start));
        QCOMPARE(failedAttempts(*db, 1), 0);
    }

    void lockOutAfterFiveWrongPinsPersistsAcrossReopen()
    {
        QString path;
        {
            auto db = makeDatabase(&path);
            StaffDirectory directory(*db);
            for (int attempt = 1; attempt < 5; ++attempt)
                QCOMPARE(directory.verifyPin(1, wrongPin, start).error().code, QStringLiteral("login.wrong_pin"));
            const auto fifth = directory.verifyPin(1, wrongPin, start);
            QCOMPARE(fifth.error().code, QStringLiteral("login.locked"));
            QVERIFY(fifth.error().message.contains(QLatin1Char('1'))); // 30 s → "1 minute"
            // Locked: even the right PIN is refused, and nothing is counted.
            QCOMPARE(directory.verifyPin(1, goodPin, start.addSecs(10)).error().code,
                     QStringLiteral("login.locked"));
            QCOMPARE(failedAttempts(*db, 1), 5);
            // Other staff are not affected.
            QVERIFY(directory.verifyPin(2, goodPin, start));
        }
        auto db = LocalDatabase::open(path, LocalDatabase::OpenMode::ExistingOnly);
        QVERIFY(db);
        StaffDirectory directory(**db);
        QCOMPARE(directory.verifyPin(1, goodPin, start.addSecs(20)).error().code, QStringLiteral("login.locked"));
        // After the 30 s lock the right PIN works and clears everything.
        QVERIFY(directory.verifyPin(1, goodPin, start.addSecs(31)));
        QCOMPARE(failedAttempts(**db, 1), 0);
    }

    void lockDoublesWithFurtherFailures()
    {
        auto db = makeDatabase();
        StaffDirectory directory(*db);
        QDateTime now = start;
        for (int attempt = 1; attempt <= 5; ++attempt)
            (void)directory.verifyPin(1, wrongPin, now);
        now = now.addSecs(31); // first lock (30 s) over
        const auto sixth = directory.verifyPin(1, wrongPin, now);
        QCOMPARE(sixth.error().code, QStringLiteral("login.locked"));
        QCOMPARE(directory.verifyPin(1, goodPin, now.addSecs(45)).error().code, QStringLiteral("login.locked"));
        QVERIFY(directory.verifyPin(1, goodPin, now.addSecs(61)));
    }

    void newPinHashClearsLock()
    {
        auto db = makeDatabase();
        StaffDirectory directory(*db);
        for (int attempt = 1; attempt <= 5; ++attempt)
            (void)directory.verifyPin(1, wrongPin, start);
        {
            Store::CatalogWriter writer(*db);
            QVERIFY(writer.begin());
            Store::StaffMember anna = directory.member(1).value();
            QVERIFY(writer.upsertStaff(anna, Core::Pin::hash(QStringLiteral("5555"), iterations).value()));
            QVERIFY(writer.commit());
        }
        QCOMPARE(failedAttempts(*db, 1), 0);
        QVERIFY(directory.verifyPin(1, QStringLiteral("5555"), start));
    }
};

QTEST_GUILESS_MAIN(tst_StaffDirectory)
#include "tst_staffdirectory.moc"
