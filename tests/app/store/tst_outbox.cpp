// The outbox API the sync engine drives: order, limits, acknowledgement in one transaction,
// rejection kept with its reason, supervisor retry under a new id, and the pull cursor.
#include "app/store/localdatabase.h"
#include "app/store/outbox.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace Toonbank;
using Store::LocalDatabase;
using Store::Outbox;

class TestOutbox final : public QObject
{
    Q_OBJECT
private:
    static void append(LocalDatabase &db, const QString &eventId)
    {
        QSqlQuery q(db.connection());
        q.prepare(QStringLiteral("INSERT INTO outbox(event_id, type, staff_id, occurred_at, "
                                 "payload) VALUES(?, 'sale', 7, ?, ?)"));
        q.addBindValue(eventId);
        q.addBindValue(QStringLiteral("2025-06-02T10:00:00.000Z"));
        q.addBindValue(QStringLiteral("{\"n\":\"%1\"}").arg(eventId));
        QVERIFY(q.exec());
    }

private slots:
    void pendingInOrderAndOutcomes()
    {
        QTemporaryDir dir;
        auto db = LocalDatabase::open(dir.filePath(QStringLiteral("cache.sqlite")));
        QVERIFY(db);
        for (int i = 1; i <= 5; ++i)
            append(*db.value(), QStringLiteral("e%1").arg(i));
        Outbox outbox(*db.value());

        auto firstThree = outbox.pending(3);
        QVERIFY(firstThree);
        QCOMPARE(firstThree->size(), 3);
        QCOMPARE(firstThree->at(0).eventId, QStringLiteral("e1"));
        QCOMPARE(firstThree->at(2).eventId, QStringLiteral("e3"));
        QVERIFY(firstThree->at(0).deviceSeq < firstThree->at(1).deviceSeq);
        QCOMPARE(firstThree->at(0).payload, QByteArray("{\"n\":\"e1\"}"));
        QCOMPARE(firstThree->at(0).occurredAt, QDateTime(QDate(2025, 6, 2), QTime(10, 0), Qt::UTC));

        QVERIFY(outbox.recordOutcome({ QStringLiteral("e1"), QStringLiteral("e3") },
            { { QStringLiteral("e2"), QStringLiteral("product 9 is unknown") } },
            { QStringLiteral("e1"), QStringLiteral("e2"), QStringLiteral("e3") }));
        auto counts = outbox.counts();
        QVERIFY(counts);
        QCOMPARE(counts->pending, 2);
        QCOMPARE(counts->rejected, 1);
        auto rest = outbox.pending(10);
        QCOMPARE(rest->size(), 2);
        QCOMPARE(rest->at(0).eventId, QStringLiteral("e4")); // the rejected one is not resent

        auto rejected = outbox.rejected();
        QVERIFY(rejected);
        QCOMPARE(rejected->size(), 1);
        QCOMPARE(rejected->at(0).second, QStringLiteral("product 9 is unknown"));
        QCOMPARE(rejected->at(0).first.attempts, 1);

        // A supervisor's retry: a new id, queued after everything else, same payload.
        auto requeued = outbox.retryRejected();
        QVERIFY(requeued);
        QCOMPARE(requeued.value(), 1);
        auto after = outbox.pending(10);
        QCOMPARE(after->size(), 3);
        QVERIFY(after->at(2).eventId != QStringLiteral("e2"));
        QCOMPARE(after->at(2).payload, QByteArray("{\"n\":\"e2\"}"));
        QVERIFY(after->at(2).deviceSeq > after->at(1).deviceSeq);
        QCOMPARE(outbox.counts()->rejected, 0);

        QVERIFY(outbox.markAcknowledged(
            { after->at(0).eventId, after->at(1).eventId, after->at(2).eventId }));
        QCOMPARE(outbox.counts()->pending, 0);
        // device_seq is never reused after rows leave (AUTOINCREMENT).
        append(*db.value(), QStringLiteral("e6"));
        QVERIFY(outbox.pending(1)->at(0).deviceSeq > after->at(2).deviceSeq);
    }

    void cursorJoinsTheOpenTransaction()
    {
        QTemporaryDir dir;
        auto db = LocalDatabase::open(dir.filePath(QStringLiteral("cache.sqlite")));
        QVERIFY(db);
        Outbox outbox(*db.value());
        QCOMPARE(outbox.pullCursor(), 0);
        QVERIFY(!outbox.lastPullAt().isValid());
        // A failed page rolls its cursor back with it.
        const auto status = db.value()->transaction([&]() -> Core::Status {
            if (auto set = outbox.setPullCursor(42); !set)
                return set;
            return Core::Error::make(QStringLiteral("test.fail"), QStringLiteral("page failed"));
        });
        QVERIFY(!status);
        QCOMPARE(outbox.pullCursor(), 0);
        QVERIFY(db.value()->transaction([&] { return outbox.setPullCursor(42); }));
        QCOMPARE(outbox.pullCursor(), 42);
        const QDateTime when(QDate(2025, 6, 2), QTime(9, 30, 1, 250), Qt::UTC);
        QVERIFY(outbox.setLastPullAt(when));
        QCOMPARE(outbox.lastPullAt(), when);
    }
};

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
