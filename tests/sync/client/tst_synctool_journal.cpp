// toonbank-synctool verify-journal (docs/STOREOPS.md): the real tool on a tablet cache whose
// journal the SalesLedger wrote — intact (exit 0, the grand total), tampered (exit 1, naming
// the first broken entry) and files that are no Toonbank cache (exit 2, a plain error, the file
// left as it was).
#include "app/core/money.h"
#include "app/store/localdatabase.h"
#include "app/store/salesledger.h"

#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace Toonbank;

class TestSynctoolJournal final : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_intact;
    qint64 m_grandTotal = 0;
    int m_copies = 0;

    struct Run
    {
        int exitCode = -1; // -1: crashed or hung
        QString out;
        QString err;
    };

    static Run verify(const QString &cache)
    {
        QProcess process;
        process.start(qEnvironmentVariable("TOONBANK_TEST_BUILD_DIR")
                + QStringLiteral("/sync/client/synctool/toonbank-synctool"),
            { QStringLiteral("--cache"), cache, QStringLiteral("verify-journal") });
        process.waitForFinished(60000);
        Run run;
        run.exitCode = process.exitStatus() == QProcess::NormalExit
                && process.state() == QProcess::NotRunning
            ? process.exitCode()
            : -1;
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

    QString copyOfIntact()
    {
        const QString path = m_dir.filePath(QStringLiteral("copy%1.sqlite").arg(++m_copies));
        return QFile::copy(m_intact, path) ? path : QString();
    }

    QString writeFile(const QString &name, const QByteArray &content)
    {
        QFile file(m_dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(content);
        return file.fileName();
    }

private slots:
    void initTestCase()
    {
        m_intact = m_dir.filePath(QStringLiteral("intact.sqlite"));
        auto db = Store::LocalDatabase::open(m_intact);
        QVERIFY(db);
        Store::SalesLedger ledger(*db.value());
        const QDateTime at = QDateTime::currentDateTimeUtc();
        const QList<qint64> amounts { 1250, 0, 999, -500, 2000, 0 };
        for (qsizetype i = 0; i < amounts.size(); ++i) {
            const QString kind = amounts.at(i) == 0
                ? QStringLiteral("approval")
                : (amounts.at(i) < 0 ? QStringLiteral("return") : QStringLiteral("sale"));
            auto seq = ledger.recordJournal(kind, QStringLiteral("R-%1").arg(i + 1),
                { { QStringLiteral("note"), QStringLiteral("entry %1").arg(i + 1) } },
                at.addSecs(i), Core::Money::fromCents(amounts.at(i)));
            QVERIFY(seq);
            QCOMPARE(seq.value(), i + 1);
            m_grandTotal += amounts.at(i);
        }
    }

    void intactCache()
    {
        const Run run = verify(m_intact);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.trimmed(),
            QStringLiteral("OK: 6 entries, grand total € %1")
                .arg(Core::Money::fromCents(m_grandTotal).toPlainString()));
    }

    void emptyJournal()
    {
        const QString path = m_dir.filePath(QStringLiteral("fresh.sqlite"));
        QVERIFY(Store::LocalDatabase::open(path));
        const Run run = verify(path);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.trimmed(), QStringLiteral("OK: 0 entries, grand total € 0.00"));
    }

    void tamperedCache_data()
    {
        QTest::addColumn<QStringList>("statements");
        QTest::addColumn<int>("brokenAt");
        QTest::newRow("one byte of a body") << QStringList { QStringLiteral(
            "UPDATE journal SET body = replace(body, 'entry 3', 'entry 8') WHERE seq = 3") }
                                            << 3;
        QTest::newRow("an amount changed") << QStringList { QStringLiteral(
            "UPDATE journal SET amount_cents = 1, grand_total_cents = grand_total_cents - "
            "998 WHERE seq = 3") } << 3;
        QTest::newRow("an entry removed")
            << QStringList { QStringLiteral("DELETE FROM journal WHERE seq = 3") } << 4;
        QTest::newRow("a stored hash replaced")
            << QStringList { QStringLiteral("UPDATE journal SET hash = '%1' WHERE seq = 5")
                                 .arg(QString(64, QLatin1Char('a'))) }
            << 5;
        QTest::newRow("two entries reordered")
            << QStringList { QStringLiteral("UPDATE journal SET seq = -1 WHERE seq = 2"),
                   QStringLiteral("UPDATE journal SET seq = 2 WHERE seq = 3"),
                   QStringLiteral("UPDATE journal SET seq = 3 WHERE seq = -1") }
            << 2;
    }

    void tamperedCache()
    {
        QFETCH(QStringList, statements);
        QFETCH(int, brokenAt);
        const QString path = copyOfIntact();
        QVERIFY(!path.isEmpty());
        {
            auto db
                = Store::LocalDatabase::open(path, Store::LocalDatabase::OpenMode::ExistingOnly);
            QVERIFY(db);
            QSqlQuery q(db.value()->connection());
            for (const QString &sql : std::as_const(statements)) {
                QVERIFY2(q.exec(sql), qPrintable(q.lastError().text()));
                QCOMPARE(q.numRowsAffected(), 1);
            }
        }
        const Run run = verify(path);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.startsWith(QStringLiteral("BROKEN at entry %1: ").arg(brokenAt)),
            qPrintable(run.out));
    }

    // Not a Toonbank cache: a plain error on stderr, exit 2, never a crash, and the file is
    // left exactly as it was (the tool never migrates or repairs what it verifies).
    void notACache_data()
    {
        QTest::addColumn<QString>("what");
        QTest::newRow("random bytes") << QStringLiteral("random");
        QTest::newRow("an empty file") << QStringLiteral("empty");
        QTest::newRow("another SQLite database") << QStringLiteral("other");
        QTest::newRow("an SQLite header and garbage") << QStringLiteral("garbage");
        QTest::newRow("no file") << QStringLiteral("missing");
        QTest::newRow("a directory") << QStringLiteral("directory");
    }

    void notACache()
    {
        QFETCH(QString, what);
        QString path;
        if (what == QLatin1String("random")) {
            QByteArray bytes(8192, Qt::Uninitialized);
            for (char &c : bytes)
                c = char(QRandomGenerator::global()->bounded(256));
            path = writeFile(QStringLiteral("random.bin"), bytes);
        } else if (what == QLatin1String("empty")) {
            path = writeFile(QStringLiteral("empty.sqlite"), {});
        } else if (what == QLatin1String("other")) {
            path = m_dir.filePath(QStringLiteral("other.sqlite"));
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), what);
                db.setDatabaseName(path);
                QVERIFY(db.open());
                QSqlQuery q(db);
                QVERIFY(q.exec(QStringLiteral("CREATE TABLE journal(seq INTEGER, note TEXT)")));
                QVERIFY(q.exec(QStringLiteral("INSERT INTO journal VALUES (1, 'x')")));
                db.close();
            }
            QSqlDatabase::removeDatabase(what);
        } else if (what == QLatin1String("garbage")) {
            QByteArray bytes("SQLite format 3", 16);
            bytes.append(QByteArray(4096, '\x5a'));
            path = writeFile(QStringLiteral("garbage.sqlite"), bytes);
        } else if (what == QLatin1String("missing")) {
            path = m_dir.filePath(QStringLiteral("missing.sqlite"));
        } else {
            path = m_dir.filePath(QStringLiteral("folder"));
            QVERIFY(QDir().mkpath(path));
        }
        QVERIFY(!path.isEmpty());
        QByteArray before;
        if (QFileInfo(path).isFile()) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            before = file.readAll();
        }
        const Run run = verify(path);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("is not a Toonbank cache")), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
        if (QFileInfo(path).isFile()) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QCOMPARE(file.readAll(), before);
        }
        QCOMPARE(QFileInfo::exists(path), what != QLatin1String("missing"));
    }
};

QTEST_GUILESS_MAIN(TestSynctoolJournal)
#include "tst_synctool_journal.moc"
