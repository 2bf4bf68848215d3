// The journal verified end to end (docs/STOREOPS.md): a real tablet cache (enrolled and synced
// with toonbank-synctool, sales recorded by the SalesLedger, an approval journaled without an
// outbox event) sends its hash-chained journal to the real toonbank-server, which stores and
// verifies it as it arrives; the real toonbank-admin re-verifies the stored chain
// (verify-journal) and lists the alerts (journal-alerts). Tampering on the server is found by
// verify-journal, tampering on the tablet before sending becomes an alert while the events still
// apply. SQLite, and PostgreSQL with TOONBANK_TEST_BACKEND=postgresql.
#include "app/core/journal.h"
#include "app/core/money.h"
#include "app/store/localdatabase.h"
#include "app/store/salesledger.h"
#include "serverfixture.h"
#include "sync/client/journalqueue.h"

#include <QCryptographicHash>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QtTest>

using namespace Toonbank;
using namespace Toonbank::Tests;

class TestJournalVerify final : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    ServerFixture m_server;
    QString m_cache;
    QString m_device;

    struct Run
    {
        int exitCode = -1;
        QString output;
        QString errors;
    };

    // The real toonbank-admin on the fixture's database; exit code and what it printed.
    Run admin(const QStringList &args)
    {
        QProcess process;
        QStringList all { QStringLiteral("--data-dir"), m_server.dataDir() };
        if (!m_server.databaseSpec().isEmpty())
            all << QStringLiteral("--database") << m_server.databaseSpec();
        process.start(qEnvironmentVariable("TOONBANK_TEST_BUILD_DIR")
                + QStringLiteral("/sync/server/toonbank-admin"),
            all + args);
        process.waitForFinished(120000);
        Run run;
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.output = QString::fromUtf8(process.readAllStandardOutput());
        run.errors = QString::fromUtf8(process.readAllStandardError()); // PostgreSQL NOTICEs too
        return run;
    }

    Run verifyOnServer() { return admin({ QStringLiteral("verify-journal"), m_device }); }

    bool syncOnce()
    {
        int code = 0;
        const QString output = runSyncTool(m_cache, { QStringLiteral("sync-once") }, &code);
        if (code != 0)
            qWarning().noquote() << output;
        return code == 0;
    }

    bool sell(int count)
    {
        int code = 0;
        const QString output
            = runSyncTool(m_cache, { QStringLiteral("sell"), QString::number(count) }, &code);
        if (code != 0)
            qWarning().noquote() << output;
        return code == 0;
    }

    // The server's database, on a connection of the test's own (tampering, snapshots).
    QSqlDatabase serverDb()
    {
        const QString name = QStringLiteral("journalverify-server");
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (!db.isValid()) {
            if (m_server.databaseSpec().isEmpty()) {
                db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
                db.setDatabaseName(
                    QDir(m_server.dataDir()).filePath(QStringLiteral("toonbank.db")));
            } else {
                const QUrl url(m_server.databaseSpec());
                db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
                db.setHostName(url.host());
                db.setPort(url.port(5432));
                db.setUserName(url.userName());
                db.setPassword(url.password());
                db.setDatabaseName(url.path().mid(1));
            }
        }
        if (!db.isOpen())
            db.open();
        return db;
    }

    // Rows changed, -1 on an error.
    int serverExec(const QString &sql, const QVariantList &params = {})
    {
        QSqlQuery q(serverDb());
        q.prepare(sql);
        for (const QVariant &value : params)
            q.addBindValue(value);
        if (!q.exec()) {
            qWarning().noquote() << sql << q.lastError().text();
            return -1;
        }
        return q.numRowsAffected();
    }

    qint64 tabletMaxSeq()
    {
        auto db = Store::LocalDatabase::open(m_cache, Store::LocalDatabase::OpenMode::ExistingOnly);
        if (!db)
            return -1;
        QSqlQuery q(db.value()->connection());
        return q.exec(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM journal")) && q.next()
            ? q.value(0).toLongLong()
            : -1;
    }

    // Runs `sql` on the tablet's cache (the tampering a thief with a shell would do).
    bool tabletExec(const QStringList &statements)
    {
        auto db = Store::LocalDatabase::open(m_cache, Store::LocalDatabase::OpenMode::ExistingOnly);
        if (!db)
            return false;
        QSqlQuery q(db.value()->connection());
        for (const QString &sql : statements) {
            if (!q.exec(sql)) {
                qWarning().noquote() << sql << q.lastError().text();
                return false;
            }
        }
        return true;
    }

    QList<Core::JournalEntry> tabletJournal()
    {
        auto db = Store::LocalDatabase::open(m_cache, Store::LocalDatabase::OpenMode::ExistingOnly);
        if (!db)
            return {};
        auto entries = Sync::Client::readJournal(db.value()->connection(), 0, -1);
        return entries ? entries.value() : QList<Core::JournalEntry>();
    }

    qint64 appliedSales()
    {
        return m_server.scalar(QStringLiteral("SELECT count(*) FROM events WHERE type = 'sale' "
                                              "AND status = 'applied' AND device_id = ?"),
            { m_device });
    }

private slots:
    void initTestCase()
    {
        if (ServerFixture::wantsPostgres() && qEnvironmentVariableIsEmpty("TOONBANK_TEST_PG_URL"))
            QSKIP("TOONBANK_TEST_PG_URL is not set");
        QFile key(m_dir.filePath(QStringLiteral("machine-id")));
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write("00112233445566778899aabbccddeeff\n");
        key.close();
        qputenv("TOONBANK_DEVICE_KEY_FILE", QFile::encodeName(key.fileName()));

        QVERIFY(m_server.seed());
        QVERIFY(m_server.start());
        m_cache = m_dir.filePath(QStringLiteral("tablet.sqlite"));
        int code = 0;
        const QString out = runSyncTool(m_cache,
            { QStringLiteral("enrol"), m_server.url(QString()).toString(),
                m_server.enrolmentCode(QStringLiteral("AMS01")),
                QString::fromLatin1(
                    m_server.caCertificates().first().digest(QCryptographicHash::Sha256).toHex()) },
            &code);
        QVERIFY2(code == 0, qPrintable(out));
        QVERIFY(syncOnce());
        auto db = Store::LocalDatabase::open(m_cache, Store::LocalDatabase::OpenMode::ExistingOnly);
        QVERIFY(db);
        m_device = db.value()->setting(QStringLiteral("sync.device_id"));
        QVERIFY(!m_device.isEmpty());
    }

    // Sales and an approval reach the server as the same chain; an approval alone (no outbox
    // event) is pushed too; verify-journal says OK with the tablet's grand total.
    void chainArrivesIntact()
    {
        QVERIFY(sell(5));
        {
            auto db
                = Store::LocalDatabase::open(m_cache, Store::LocalDatabase::OpenMode::ExistingOnly);
            QVERIFY(db);
            Store::SalesLedger ledger(*db.value());
            QVERIFY(ledger.recordJournal(QStringLiteral("approval"), QStringLiteral("override-1"),
                { { QStringLiteral("permission"), QStringLiteral("change_price") },
                    { QStringLiteral("requestedBy"), 7 }, { QStringLiteral("approvedBy"), 9 } },
                QDateTime::currentDateTimeUtc()));
        }
        QVERIFY(syncOnce());
        QList<Core::JournalEntry> tablet = tabletJournal();
        QCOMPARE(tablet.size(), 6);
        QCOMPARE(appliedSales(), 5);

        // An approval alone: nothing in the outbox, only the journal waits.
        {
            auto db
                = Store::LocalDatabase::open(m_cache, Store::LocalDatabase::OpenMode::ExistingOnly);
            QVERIFY(db);
            Store::SalesLedger ledger(*db.value());
            QVERIFY(ledger.recordJournal(QStringLiteral("approval"), QStringLiteral("override-2"),
                { { QStringLiteral("permission"), QStringLiteral("open_drawer_no_sale") },
                    { QStringLiteral("requestedBy"), 7 }, { QStringLiteral("approvedBy"), 9 } },
                QDateTime::currentDateTimeUtc()));
        }
        QVERIFY(syncOnce());
        tablet = tabletJournal();
        QCOMPARE(tablet.size(), 7);
        QCOMPARE(tablet.constLast().kind, QStringLiteral("approval"));

        // The server holds the same chain, entry by entry.
        QSqlQuery q(serverDb());
        QVERIFY(q.prepare(QStringLiteral("SELECT seq, hash, body, prev_hash, grand_total_cents "
                                         "FROM journal_entries WHERE device_id = ? ORDER BY seq")));
        q.addBindValue(m_device);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        int i = 0;
        while (q.next()) {
            QVERIFY(i < tablet.size());
            QCOMPARE(q.value(0).toLongLong(), tablet.at(i).seq);
            QCOMPARE(q.value(1).toString(), tablet.at(i).hash);
            QCOMPARE(q.value(2).toString().toUtf8(), tablet.at(i).body);
            QCOMPARE(q.value(3).toString(), tablet.at(i).prevHash);
            QCOMPARE(q.value(4).toLongLong(), tablet.at(i).grandTotalCents);
            ++i;
        }
        QCOMPARE(i, tablet.size());
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT count(*) FROM journal_alerts")), 0);
        {
            auto db
                = Store::LocalDatabase::open(m_cache, Store::LocalDatabase::OpenMode::ExistingOnly);
            QVERIFY(db);
            Sync::Client::JournalQueue queue(*db.value());
            QCOMPARE(queue.ackedSeq(), 7);
            QVERIFY(queue.unsent(500)->isEmpty());
        }

        const Run run = verifyOnServer();
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.output.trimmed(),
            QStringLiteral("OK: 7 entries, grand total € %1")
                .arg(Core::Money::fromCents(tablet.constLast().grandTotalCents).toPlainString()));
        QVERIFY(tablet.constLast().grandTotalCents > 0);
    }

    // Tampering with the stored chain on the server: verify-journal exits 1 and names the
    // first broken entry. Each case is undone afterwards (verify-journal OK again).
    void serverTamperIsFound_data()
    {
        QTest::addColumn<QStringList>("tamper");
        QTest::addColumn<qint64>("brokenAt");
        const QString where = QStringLiteral(" WHERE device_id = :device AND seq = ");
        QTest::newRow("one byte of a body") << QStringList {
            QStringLiteral("UPDATE journal_entries SET body = replace(body, 'synctool', "
                           "'synctoax')")
            + where + QStringLiteral("3")
        } << qint64(3);
        QTest::newRow("an entry deleted") << QStringList {
            QStringLiteral("DELETE FROM journal_entries") + where + QStringLiteral("4")
        } << qint64(5);
        QTest::newRow("two entries swapped") << QStringList {
            QStringLiteral("UPDATE journal_entries SET seq = 1000000") + where
                + QStringLiteral("2"),
            QStringLiteral("UPDATE journal_entries SET seq = 2") + where + QStringLiteral("3"),
            QStringLiteral("UPDATE journal_entries SET seq = 3") + where
                + QStringLiteral("1000000"),
        } << qint64(2);
    }

    void serverTamperIsFound()
    {
        QFETCH(QStringList, tamper);
        QFETCH(qint64, brokenAt);
        // The rows as they were, to put back afterwards.
        QList<QSqlRecord> saved;
        {
            QSqlQuery q(serverDb());
            QVERIFY(q.prepare(
                QStringLiteral("SELECT * FROM journal_entries WHERE device_id = ? ORDER BY seq")));
            q.addBindValue(m_device);
            QVERIFY(q.exec());
            while (q.next())
                saved.append(q.record());
        }
        QCOMPARE(saved.size(), 7);
        for (QString sql : std::as_const(tamper)) {
            sql.replace(
                QStringLiteral(":device"), QLatin1Char('\'') + m_device + QLatin1Char('\''));
            QCOMPARE(serverExec(sql), 1); // one row changed
        }

        const Run broken = verifyOnServer();
        QCOMPARE(broken.exitCode, 1);
        QVERIFY2(broken.output.startsWith(QStringLiteral("BROKEN at entry %1: ").arg(brokenAt)),
            qPrintable(broken.output));
        QVERIFY2(broken.output.contains(QString::number(brokenAt)), qPrintable(broken.output));

        // Put the chain back as it was.
        QVERIFY(serverExec(
                    QStringLiteral("DELETE FROM journal_entries WHERE device_id = ?"), { m_device })
            > 0);
        for (const QSqlRecord &row : std::as_const(saved)) {
            QStringList columns;
            QVariantList values;
            for (int c = 0; c < row.count(); ++c) {
                columns.append(row.fieldName(c));
                values.append(row.value(c));
            }
            QCOMPARE(
                serverExec(QStringLiteral("INSERT INTO journal_entries(")
                        + columns.join(QLatin1Char(',')) + QStringLiteral(") VALUES (")
                        + QStringList(columns.size(), QStringLiteral("?")).join(QLatin1Char(','))
                        + QStringLiteral(")"),
                    values),
                1);
        }
        QCOMPARE(verifyOnServer().exitCode, 0);
    }

    // Tampering with the tablet's journal before its entries are sent: the server stores them,
    // alerts with the check's code at the entry, journal-alerts lists it, and the sales still
    // apply.
    void tabletTamperIsAlerted_data()
    {
        QTest::addColumn<QString>("kind"); // byte | removed | reordered
        QTest::addColumn<int>("alertOffset"); // the alerted entry: first unsent + offset
        QTest::addColumn<QString>("code");
        QTest::newRow("one byte of an unsent body")
            << QStringLiteral("byte") << 1 << QStringLiteral("journal.hash");
        QTest::newRow("an unsent entry removed")
            << QStringLiteral("removed") << 2 << QStringLiteral("journal.gap");
        QTest::newRow("two unsent entries reordered")
            << QStringLiteral("reordered") << 0 << QStringLiteral("journal.prev_hash");
    }

    void tabletTamperIsAlerted()
    {
        QFETCH(QString, kind);
        QFETCH(int, alertOffset);
        QFETCH(QString, code);
        const qint64 last = tabletMaxSeq();
        QVERIFY(last > 0);
        const qint64 salesBefore = appliedSales();
        QVERIFY(sell(3)); // entries last+1 .. last+3, not sent yet
        QCOMPARE(tabletMaxSeq(), last + 3);
        const qint64 first = last + 1;
        if (kind == QLatin1String("byte")) {
            QVERIFY(tabletExec({ QStringLiteral("UPDATE journal SET body = replace(body, "
                                                "'synctool', 'synctoax') WHERE seq = %1")
                                     .arg(first + 1) }));
        } else if (kind == QLatin1String("removed")) {
            QVERIFY(tabletExec(
                { QStringLiteral("DELETE FROM journal WHERE seq = %1").arg(first + 1) }));
        } else {
            QVERIFY(tabletExec({
                QStringLiteral("UPDATE journal SET seq = -1 WHERE seq = %1").arg(first),
                QStringLiteral("UPDATE journal SET seq = %1 WHERE seq = %2")
                    .arg(first)
                    .arg(first + 1),
                QStringLiteral("UPDATE journal SET seq = %1 WHERE seq = -1").arg(first + 1),
            }));
        }
        const qint64 alertedSeq = first + alertOffset;
        // What the one core check says about the tampered entry is what the server stores.
        {
            const QList<Core::JournalEntry> tablet = tabletJournal();
            const Core::JournalEntry *previous = nullptr;
            for (const Core::JournalEntry &entry : tablet) {
                if (entry.seq == alertedSeq) {
                    const Core::Status checked = Core::checkJournalEntry(previous, entry);
                    QVERIFY(!checked);
                    QCOMPARE(checked.error().code, code);
                    break;
                }
                previous = &entry;
            }
        }

        QVERIFY(syncOnce());
        QCOMPARE(appliedSales(), salesBefore + 3); // the events themselves applied
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT count(*) FROM events WHERE status = "
                                                "'rejected'")),
            0);
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT count(*) FROM journal_alerts WHERE "
                                                "device_id = ? AND seq = ? AND code = ?"),
                     { m_device, alertedSeq, code }),
            1);
        // Nothing alerted before the tampered entry in this round.
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT count(*) FROM journal_alerts WHERE "
                                                "device_id = ? AND seq > ? AND seq < ?"),
                     { m_device, last, alertedSeq }),
            0);
        // Everything the tablet holds is stored (the entries go in even when they fail).
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT MAX(seq) FROM journal_entries WHERE "
                                                "device_id = ?"),
                     { m_device }),
            tabletMaxSeq());

        const Run alerts = admin({ QStringLiteral("journal-alerts") });
        QCOMPARE(alerts.exitCode, 0);
        const QString line = m_device + QLatin1Char('\t') + QString::number(alertedSeq)
            + QLatin1Char('\t') + code + QLatin1Char('\t');
        QVERIFY2(alerts.output.contains(line), qPrintable(alerts.output));
        const Run mine
            = admin({ QStringLiteral("journal-alerts"), QStringLiteral("--device"), m_device });
        QCOMPARE(mine.exitCode, 0);
        QVERIFY2(mine.output.contains(line), qPrintable(mine.output));
        const Run other = admin({ QStringLiteral("journal-alerts"), QStringLiteral("--device"),
            QStringLiteral("no-such-device") });
        QCOMPARE(other.exitCode, 0);
        QVERIFY(!other.output.contains(m_device));

        // The stored chain is broken (at the first alert of all rounds).
        const Run verified = verifyOnServer();
        QCOMPARE(verified.exitCode, 1);
        const qint64 firstAlert = m_server.scalar(
            QStringLiteral("SELECT MIN(seq) FROM journal_alerts WHERE device_id = ?"),
            { m_device });
        QVERIFY2(verified.output.startsWith(QStringLiteral("BROKEN at entry %1: ").arg(firstAlert)),
            qPrintable(verified.output));
    }

    // Sending the same entries again (an answer lost) stores nothing twice and alerts nothing.
    void resentEntriesChangeNothing()
    {
        const qint64 alerts
            = m_server.scalar(QStringLiteral("SELECT count(*) FROM journal_alerts"));
        const qint64 entries
            = m_server.scalar(QStringLiteral("SELECT count(*) FROM journal_entries"));
        QVERIFY(tabletExec({ QStringLiteral("UPDATE sync_state SET value = '0' WHERE key = "
                                            "'journal_acked_seq'") }));
        QVERIFY(syncOnce());
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT count(*) FROM journal_alerts")), alerts);
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT count(*) FROM journal_entries")), entries);
        auto db = Store::LocalDatabase::open(m_cache, Store::LocalDatabase::OpenMode::ExistingOnly);
        QVERIFY(db);
        QCOMPARE(Sync::Client::JournalQueue(*db.value()).ackedSeq(), tabletMaxSeq());
    }

    // Two server instances on one PostgreSQL database receive the same entries of one device
    // at the same moment (two copies of the cache pushing at once): each entry is stored once
    // and nothing is alerted.
    void twoInstancesStoreEachEntryOnce()
    {
        if (!ServerFixture::wantsPostgres())
            QSKIP("two instances share a PostgreSQL database");
        const quint16 second = m_server.startExtraInstance();
        QVERIFY(second != 0);
        QUrl secondUrl = m_server.url(QString());
        secondUrl.setPort(second);
        const qint64 alerts
            = m_server.scalar(QStringLiteral("SELECT count(*) FROM journal_alerts"));
        const QString copy = m_dir.filePath(QStringLiteral("tablet-copy.sqlite"));
        for (int round = 0; round < 5; ++round) {
            {
                auto db = Store::LocalDatabase::open(
                    m_cache, Store::LocalDatabase::OpenMode::ExistingOnly);
                QVERIFY(db);
                Store::SalesLedger ledger(*db.value());
                for (int i = 0; i < 150; ++i)
                    QVERIFY(ledger.recordJournal(QStringLiteral("approval"),
                        QStringLiteral("race-%1-%2").arg(round).arg(i),
                        { { QStringLiteral("approvedBy"), 9 } }, QDateTime::currentDateTimeUtc()));
            }
            for (const QString &suffix :
                { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") })
                QFile::remove(copy + suffix);
            QVERIFY(QFile::copy(m_cache, copy));
            int code = 0;
            const QString moved
                = runSyncTool(copy, { QStringLiteral("set-server"), secondUrl.toString() }, &code);
            QVERIFY2(code == 0, qPrintable(moved));

            const QString tool = qEnvironmentVariable("TOONBANK_TEST_BUILD_DIR")
                + QStringLiteral("/sync/client/synctool/toonbank-synctool");
            QProcess first;
            QProcess other;
            first.setProcessChannelMode(QProcess::MergedChannels);
            other.setProcessChannelMode(QProcess::MergedChannels);
            first.start(tool, { QStringLiteral("--cache"), m_cache, QStringLiteral("sync-once") });
            other.start(tool, { QStringLiteral("--cache"), copy, QStringLiteral("sync-once") });
            QVERIFY(first.waitForFinished(120000));
            QVERIFY(other.waitForFinished(120000));
            QVERIFY2(first.exitCode() == 0, first.readAll().constData());
            QVERIFY2(other.exitCode() == 0, other.readAll().constData());

            const qint64 tablet = tabletJournal().size(); // one was deleted on the tablet
            QCOMPARE(m_server.scalar(QStringLiteral("SELECT count(*) FROM journal_entries WHERE "
                                                    "device_id = ?"),
                         { m_device }),
                tablet);
            QCOMPARE(m_server.scalar(QStringLiteral("SELECT count(DISTINCT seq) FROM "
                                                    "journal_entries WHERE device_id = ?"),
                         { m_device }),
                tablet);
            QCOMPARE(
                m_server.scalar(QStringLiteral("SELECT count(*) FROM journal_alerts")), alerts);
        }
    }

    void unknownDevice()
    {
        const Run run
            = admin({ QStringLiteral("verify-journal"), QStringLiteral("no-such-device") });
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errors.contains(QStringLiteral("unknown device no-such-device")),
            qPrintable(run.errors));
        QVERIFY(run.output.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestJournalVerify)
#include "tst_journalverify.moc"
