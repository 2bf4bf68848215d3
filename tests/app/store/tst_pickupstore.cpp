// The cache's click-and-collect tables: feed rows applied and upserted (whole state, this
// tablet's own handovers kept until the server reports them), the customer sealed at rest,
// open pickups oldest first, and a handover / release written with its status, outbox event
// and journal entry in ONE transaction (all or nothing).
#include "app/store/localdatabase.h"
#include "app/store/outbox.h"
#include "app/store/pickupstore.h"
#include "app/store/salesledger.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QtTest>

using namespace Toonbank;
using Store::LocalDatabase;
using Store::PickupStore;
using Store::StoredPickup;

namespace {

const QDateTime readyAt { QDate(2026, 11, 20), QTime(9, 0), Qt::UTC };

StoredPickup webOrder(const QString &reference, const QDateTime &ready = readyAt)
{
    StoredPickup p;
    p.reference = reference;
    p.kind = Core::PickupKind::WebOrder;
    p.locationId = 2;
    p.status = Core::PickupStatus::Ready;
    p.customerName = QStringLiteral("Anouk Visser-Zwemstra");
    p.customerPhone = QStringLiteral("+31687654321");
    p.codeHash = Core::pickupCodeHash(reference, QStringLiteral("123456"));
    p.readyAt = ready;
    p.total = Core::Money::fromCents(8995);
    p.lines = { { QStringLiteral("1"), 11, QStringLiteral("JNS-501"), QStringLiteral("Jeans"), 2,
                    0 },
        { QStringLiteral("2"), 12, QStringLiteral("SHT-200"), QStringLiteral("Shirt"), 1, 0 } };
    return p;
}

int count(LocalDatabase &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toInt();
}

PickupStore::PayloadBuilder payload(const QString &marker)
{
    return [marker](const StoredPickup &before) -> Core::Result<QByteArray> {
        return QJsonDocument(QJsonObject { { QStringLiteral("reference"), before.reference },
                                 { QStringLiteral("marker"), marker } })
            .toJson(QJsonDocument::Compact);
    };
}

} // namespace

class TestPickupStore final : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    const QDateTime m_now { QDate(2026, 11, 29), QTime(10, 0), Qt::UTC };

private slots:
    void initTestCase()
    {
        QFile key(m_dir.filePath(QStringLiteral("machine-id")));
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write("0123456789abcdef0123456789abcdef\n");
        key.close();
        qputenv("TOONBANK_DEVICE_KEY_FILE", QFile::encodeName(key.fileName()));
    }

    void feedRowsAppliedAndUpserted()
    {
        auto db = LocalDatabase::open(m_dir.filePath(QStringLiteral("feed.sqlite")));
        QVERIFY(db);
        PickupStore store(*db.value());
        QVERIFY(store.upsertFromFeed(webOrder(QStringLiteral("WS00000002"), readyAt.addDays(1))));
        QVERIFY(store.upsertFromFeed(webOrder(QStringLiteral("WS00000001"))));
        StoredPickup otherStore = webOrder(QStringLiteral("WS00000003"));
        otherStore.locationId = 3;
        QVERIFY(store.upsertFromFeed(otherStore));

        auto open = store.openPickups(2);
        QVERIFY(open);
        QCOMPARE(open->size(), 2);
        QCOMPARE(open->at(0).reference, QStringLiteral("WS00000001")); // oldest first
        QCOMPARE(open->at(1).reference, QStringLiteral("WS00000002"));
        const StoredPickup &first = open->at(0);
        QCOMPARE(first.customerName, QStringLiteral("Anouk Visser-Zwemstra"));
        QCOMPARE(first.customerPhone, QStringLiteral("+31687654321"));
        QCOMPARE(first.readyAt, readyAt);
        QCOMPARE(first.total.cents(), 8995);
        QCOMPARE(first.lines.size(), 2);
        QCOMPARE(first.lines.at(0).quantity, 2);
        QCOMPARE(first.unitsRemaining(), 3);

        // The same reference again replaces the whole state (a line gone, status moved on).
        StoredPickup changed = webOrder(QStringLiteral("WS00000001"));
        changed.lines.removeLast();
        changed.lines[0].collected = 1;
        changed.status = Core::PickupStatus::PartlyCollected;
        QVERIFY(store.upsertFromFeed(changed));
        auto again = store.pickup(QStringLiteral("WS00000001"));
        QVERIFY(again);
        QCOMPARE(again->status, Core::PickupStatus::PartlyCollected);
        QCOMPARE(again->lines.size(), 1);
        QCOMPARE(again->lines.at(0).collected, 1);
        QCOMPARE(count(*db.value(), QStringLiteral("SELECT count(*) FROM pickups")), 3);

        // Collected on the server: no longer in the open list.
        changed.status = Core::PickupStatus::Collected;
        changed.lines[0].collected = 2;
        QVERIFY(store.upsertFromFeed(changed));
        QCOMPARE(store.openPickups(2)->size(), 1);
        QCOMPARE(
            store.pickup(QStringLiteral("nope")).error().code, QStringLiteral("pickup.unknown"));
    }

    void customerSealedAtRest()
    {
        const QString path = m_dir.filePath(QStringLiteral("sealed.sqlite"));
        {
            auto db = LocalDatabase::open(path);
            QVERIFY(db);
            PickupStore store(*db.value());
            QVERIFY(store.upsertFromFeed(webOrder(QStringLiteral("WS00000010"))));
            QSqlQuery q(db.value()->connection());
            QVERIFY(q.exec(QStringLiteral("SELECT customer_sealed FROM pickups")) && q.next());
            const QString sealed = q.value(0).toString();
            QVERIFY(!sealed.isEmpty());
            QVERIFY(!sealed.contains(QStringLiteral("Anouk")));
        }
        QFile raw(path);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        const QByteArray bytes = raw.readAll();
        QVERIFY(!bytes.contains("Visser"));
        QVERIFY(!bytes.contains("+31687654321"));
    }

    void handoverWritesRowEventAndJournalTogether()
    {
        auto db = LocalDatabase::open(m_dir.filePath(QStringLiteral("handover.sqlite")));
        QVERIFY(db);
        LocalDatabase &d = *db.value();
        PickupStore store(d);
        const QString ref = QStringLiteral("WS00000020");
        QVERIFY(store.upsertFromFeed(webOrder(ref)));
        const int journalBefore = count(d, QStringLiteral("SELECT count(*) FROM journal"));

        // Part: one jeans.
        auto part
            = store.recordHandover(ref, QStringLiteral("h-1"), 7, Core::PickupVerification::Code,
                { { QStringLiteral("1"), 1 } }, m_now, payload(QStringLiteral("part")));
        QVERIFY2(part, qPrintable(part ? QString() : part.error().detail));
        QCOMPARE(part->status, Core::PickupStatus::PartlyCollected);
        auto after = store.pickup(ref);
        QCOMPARE(after->status, Core::PickupStatus::PartlyCollected);
        QCOMPARE(after->lines.at(0).collected, 1);
        QCOMPARE(count(d, QStringLiteral("SELECT count(*) FROM pickup_handovers")), 1);
        QCOMPARE(count(d,
                     QStringLiteral("SELECT count(*) FROM outbox WHERE type = "
                                    "'pickup_handed_over'")),
            1);
        QCOMPARE(count(d, QStringLiteral("SELECT count(*) FROM journal")), journalBefore + 1);
        QSqlQuery q(d.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT kind, reference, amount_cents FROM journal ORDER "
                                      "BY seq DESC LIMIT 1"))
            && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("pickup"));
        QCOMPARE(q.value(1).toString(), ref);
        QCOMPARE(q.value(2).toLongLong(), 0);
        q.finish();
        QVERIFY(Store::SalesLedger(d).verifyJournal());

        // A feed row that does not know the handover yet keeps what was handed over here.
        QVERIFY(store.upsertFromFeed(webOrder(ref)));
        QCOMPARE(store.pickup(ref)->lines.at(0).collected, 1);
        QCOMPARE(store.pickup(ref)->status, Core::PickupStatus::PartlyCollected);

        // More than remains: refused, nothing written.
        auto tooMany
            = store.recordHandover(ref, QStringLiteral("h-2"), 7, Core::PickupVerification::Code,
                { { QStringLiteral("1"), 2 } }, m_now, payload(QStringLiteral("x")));
        QVERIFY(!tooMany);
        QCOMPARE(tooMany.error().code, QStringLiteral("pickup.quantity"));
        QCOMPARE(count(d, QStringLiteral("SELECT count(*) FROM pickup_handovers")), 1);

        // A failure inside the transaction (the payload builder) leaves nothing behind.
        auto broken = store.recordHandover(ref, QStringLiteral("h-3"), 7,
            Core::PickupVerification::Code, { { QStringLiteral("2"), 1 } }, m_now,
            [](const StoredPickup &) -> Core::Result<QByteArray> {
                return Core::Error::make(QStringLiteral("test.fail"), QStringLiteral("no"), {});
            });
        QVERIFY(!broken);
        QCOMPARE(store.pickup(ref)->lines.at(1).collected, 0);
        QCOMPARE(count(d, QStringLiteral("SELECT count(*) FROM outbox")), 1);

        // The rest: collected; a further handover is refused as already collected.
        auto rest = store.recordHandover(ref, QStringLiteral("h-4"), 7,
            Core::PickupVerification::IdDocument,
            { { QStringLiteral("1"), 1 }, { QStringLiteral("2"), 1 } }, m_now,
            payload(QStringLiteral("rest")));
        QVERIFY(rest);
        QCOMPARE(rest->status, Core::PickupStatus::Collected);
        QCOMPARE(store.openPickups(2)->size(), 0);
        auto twice
            = store.recordHandover(ref, QStringLiteral("h-5"), 7, Core::PickupVerification::Code,
                { { QStringLiteral("1"), 1 } }, m_now, payload(QStringLiteral("x")));
        QCOMPARE(twice.error().code, QStringLiteral("pickup.already_collected"));
        auto rows = store.handovers(ref);
        QCOMPARE(rows->size(), 2);
        QCOMPARE(rows->at(1).verifiedBy, QStringLiteral("id"));
        QCOMPARE(count(d, QStringLiteral("SELECT count(*) FROM outbox")), 2);
        QVERIFY(Store::SalesLedger(d).verifyJournal());
    }

    void fiveWrongCodesLockAcrossReopening()
    {
        const QString path = m_dir.filePath(QStringLiteral("lockout.sqlite"));
        const QString ref = QStringLiteral("WS00000040");
        const QString other = QStringLiteral("WS00000041");
        {
            auto db = LocalDatabase::open(path);
            QVERIFY(db);
            PickupStore store(*db.value());
            QVERIFY(store.upsertFromFeed(webOrder(ref)));
            QVERIFY(store.upsertFromFeed(webOrder(other)));
            // Four wrong, then the right one: the count goes back to 0.
            for (int i = 1; i <= 4; ++i) {
                auto wrong = store.checkCode(ref, QStringLiteral("65432%1").arg(i));
                QVERIFY(wrong);
                QCOMPARE(wrong->verdict, Core::PickupCodeVerdict::Wrong);
                QCOMPARE(wrong->wrongCodes, i);
                QCOMPARE(store.pickup(ref)->wrongCodes, i);
            }
            auto right = store.checkCode(ref, QStringLiteral("123456"));
            QCOMPARE(right->verdict, Core::PickupCodeVerdict::Matched);
            QCOMPARE(store.pickup(ref)->wrongCodes, 0);
            // A malformed entry does not count.
            QCOMPARE(store.checkCode(ref, QStringLiteral("12"))->verdict,
                Core::PickupCodeVerdict::Malformed);
            QCOMPARE(store.pickup(ref)->wrongCodes, 0);
            // Five wrong in a row lock it.
            for (int i = 1; i <= Core::maxWrongPickupCodes; ++i)
                QCOMPARE(store.checkCode(ref, QStringLiteral("000000"))->wrongCodes, i);
            QVERIFY(Core::isPickupCodeLocked(store.pickup(ref)->wrongCodes));
            // Another pickup has its own count.
            QCOMPARE(store.pickup(other)->wrongCodes, 0);
            // A feed row for the pickup (the server knows nothing of wrong codes) keeps it.
            QVERIFY(store.upsertFromFeed(webOrder(ref)));
            QCOMPARE(store.pickup(ref)->wrongCodes, Core::maxWrongPickupCodes);
            QCOMPARE(store.checkCode(QStringLiteral("nope"), QStringLiteral("123456")).error().code,
                QStringLiteral("pickup.unknown"));
        }
        // Reopened (a restart): still locked; even the right code is not compared.
        auto db = LocalDatabase::open(path);
        QVERIFY(db);
        PickupStore store(*db.value());
        QCOMPARE(store.pickup(ref)->wrongCodes, Core::maxWrongPickupCodes);
        auto locked = store.checkCode(ref, QStringLiteral("123456"));
        QVERIFY(locked);
        QCOMPARE(locked->verdict, Core::PickupCodeVerdict::Locked);
        QCOMPARE(store.pickup(ref)->wrongCodes, Core::maxWrongPickupCodes);
    }

    void typedCodeSealedInOutboxNeverInJournal()
    {
        const QString path = m_dir.filePath(QStringLiteral("code-at-rest.sqlite"));
        const QString ref = QStringLiteral("WS00000050");
        const QString typed = QStringLiteral("735204");
        {
            auto db = LocalDatabase::open(path);
            QVERIFY(db);
            LocalDatabase &d = *db.value();
            PickupStore store(d);
            StoredPickup p = webOrder(ref);
            p.codeHash = Core::pickupCodeHash(ref, typed);
            QVERIFY(store.upsertFromFeed(p));
            auto done = store.recordHandover(ref, QStringLiteral("h-50"), 7,
                Core::PickupVerification::Code, { { QStringLiteral("1"), 2 } }, m_now,
                [&](const StoredPickup &before) -> Core::Result<QByteArray> {
                    return QJsonDocument(
                        QJsonObject { { QStringLiteral("reference"), before.reference },
                            { QStringLiteral("verifiedBy"), QStringLiteral("code") },
                            { QStringLiteral("code"), typed } })
                        .toJson(QJsonDocument::Compact);
                });
            QVERIFY2(done, done ? "" : qPrintable(done.error().detail));
            // The outbox hands it back in clear for the push, stored sealed.
            auto pending = Store::Outbox(d).pending(10);
            QVERIFY(pending);
            QCOMPARE(pending->size(), 1);
            QCOMPARE(QJsonDocument::fromJson(pending->first().payload)
                         .object()
                         .value(QStringLiteral("code"))
                         .toString(),
                typed);
            QSqlQuery q(d.connection());
            QVERIFY(q.exec(QStringLiteral("SELECT payload FROM outbox")) && q.next());
            QVERIFY(!q.value(0).toString().contains(typed));
            q.finish();
            // The journal keeps the handover without the code.
            QVERIFY(q.exec(QStringLiteral("SELECT * FROM journal WHERE kind = 'pickup'")));
            int entries = 0;
            while (q.next()) {
                ++entries;
                for (int c = 0; c < q.record().count(); ++c)
                    QVERIFY(!q.value(c).toString().contains(typed));
            }
            QCOMPARE(entries, 1);
            q.finish();
            QVERIFY(Store::SalesLedger(d).verifyJournal());
        }
        QFile raw(path);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        QVERIFY(!raw.readAll().contains(typed.toLatin1()));
        QFile wal(path + QStringLiteral("-wal"));
        if (wal.open(QIODevice::ReadOnly))
            QVERIFY(!wal.readAll().contains(typed.toLatin1()));
    }

    void crashBeforeCommitLeavesNothing()
    {
        auto db = LocalDatabase::open(m_dir.filePath(QStringLiteral("rollback.sqlite")));
        QVERIFY(db);
        LocalDatabase &d = *db.value();
        PickupStore store(d);
        const QString ref = QStringLiteral("WS00000030");
        QVERIFY(store.upsertFromFeed(webOrder(ref)));
        // The outer transaction fails after the handover wrote everything: all of it goes.
        bool innerDone = false;
        const Core::Status outer = d.transaction([&]() -> Core::Status {
            auto done = store.recordNotCollected(
                ref, QStringLiteral("n-1"), 9, m_now, payload(QStringLiteral("nc")));
            if (!done)
                return done.error();
            innerDone = true;
            // Inside the transaction everything is there.
            if (count(d, QStringLiteral("SELECT count(*) FROM journal")) != 1)
                return Core::Error::make(QStringLiteral("test.journal"), QStringLiteral("j"), {});
            return Core::Error::make(QStringLiteral("test.abort"), QStringLiteral("abort"), {});
        });
        QVERIFY(!outer);
        QVERIFY(innerDone);
        QCOMPARE(outer.error().code, QStringLiteral("test.abort"));
        QCOMPARE(store.pickup(ref)->status, Core::PickupStatus::Ready);
        QCOMPARE(count(d, QStringLiteral("SELECT count(*) FROM pickup_handovers")), 0);
        QCOMPARE(count(d, QStringLiteral("SELECT count(*) FROM outbox")), 0);
        QCOMPARE(count(d, QStringLiteral("SELECT count(*) FROM journal")), 0);

        auto released = store.recordNotCollected(
            ref, QStringLiteral("n-2"), 9, m_now, payload(QStringLiteral("nc")));
        QVERIFY(released);
        QCOMPARE(store.pickup(ref)->status, Core::PickupStatus::NotCollected);
        QCOMPARE(count(d,
                     QStringLiteral("SELECT count(*) FROM outbox WHERE type = "
                                    "'pickup_not_collected'")),
            1);
        auto again = store.recordNotCollected(
            ref, QStringLiteral("n-3"), 9, m_now, payload(QStringLiteral("nc")));
        QCOMPARE(again.error().code, QStringLiteral("pickup.closed"));
    }
};

QTEST_GUILESS_MAIN(TestPickupStore)
#include "tst_pickupstore.moc"
