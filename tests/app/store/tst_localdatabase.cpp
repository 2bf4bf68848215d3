#include "app/store/localdatabase.h"

#include <QFile>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Toonbank;
using Store::LocalDatabase;

class tst_LocalDatabase : public QObject
{
    Q_OBJECT

private:
    QString pathFor(const QString &name) const { return m_dir.filePath(name); }

    // A valid cache with enough rows to span many pages, closed again.
    QString makeFilledDatabase(const QString &name)
    {
        const QString path = pathFor(name);
        auto db = LocalDatabase::open(path);
        if (!db)
            qFatal("cannot create %s", qPrintable(db.error().detail));
        QSqlQuery query((*db)->connection());
        query.exec(QStringLiteral("BEGIN"));
        query.prepare(QStringLiteral("INSERT INTO settings(key, value) VALUES(?, ?)"));
        for (int i = 0; i < 3000; ++i) {
            query.addBindValue(QStringLiteral("key-%1").arg(i));
            query.addBindValue(QString(200, QLatin1Char('x')));
            query.exec();
        }
        query.exec(QStringLiteral("COMMIT"));
        return path;
    }

    static QString errorCode(const Core::Result<std::unique_ptr<LocalDatabase>> &result)
    {
        return result ? QString() : result.error().code;
    }

    QTemporaryDir m_dir;

private slots:
    void createsFreshDatabaseAtCurrentVersion()
    {
        auto db = LocalDatabase::open(pathFor(QStringLiteral("fresh.db")));
        QVERIFY2(db, db ? "" : qPrintable(db.error().detail));
        QCOMPARE((*db)->schemaVersion(), LocalDatabase::currentSchemaVersion);
        QVERIFY((*db)->rawHandle() != nullptr);
        QSqlQuery query((*db)->connection());
        QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode")) && query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(query.exec(QStringLiteral("PRAGMA foreign_keys")) && query.next());
        QCOMPARE(query.value(0).toInt(), 1);
        for (const char *table : {"products", "barcodes", "product_search", "stock", "staff",
                                  "sales", "outbox", "journal", "settings"}) {
            query.prepare(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = ?"));
            query.addBindValue(QString::fromLatin1(table));
            QVERIFY(query.exec() && query.next());
            QVERIFY2(query.value(0).toInt() == 1, table);
        }
    }

    void reopensExistingFile()
    {
        const QString path = pathFor(QStringLiteral("reopen.db"));
        {
            auto db = LocalDatabase::open(path);
            QVERIFY(db);
            QVERIFY((*db)->setSetting(QStringLiteral("location_id"), QStringLiteral("7")));
        }
        auto db = LocalDatabase::open(path, LocalDatabase::OpenMode::ExistingOnly);
        QVERIFY(db);
        QCOMPARE((*db)->setting(QStringLiteral("location_id")), QStringLiteral("7"));
    }

    void twoInstancesOnOneFile()
    {
        const QString path = pathFor(QStringLiteral("two.db"));
        auto first = LocalDatabase::open(path);
        auto second = LocalDatabase::open(path);
        QVERIFY(first && second);
        QVERIFY((*first)->connection().connectionName() != (*second)->connection().connectionName());
        QVERIFY((*first)->setSetting(QStringLiteral("a"), QStringLiteral("1")));
        QCOMPARE((*second)->setting(QStringLiteral("a")), QStringLiteral("1"));
    }

    void missingFile()
    {
        const QString path = pathFor(QStringLiteral("nothing-here.db"));
        QCOMPARE(errorCode(LocalDatabase::open(path, LocalDatabase::OpenMode::ExistingOnly)),
                 QStringLiteral("cache.missing"));
        QVERIFY(!QFile::exists(path)); // ExistingOnly never creates the file
    }

    void corruptFiles_data()
    {
        QTest::addColumn<QByteArray>("content");
        QByteArray garbage(64 * 1024, Qt::Uninitialized);
        QRandomGenerator generator(42);
        for (char &byte : garbage)
            byte = char(generator.bounded(256));
        QTest::newRow("random bytes") << garbage;
        QTest::newRow("text") << QByteArray("hello, this is not a database\n");
        QTest::newRow("header only") << QByteArray("SQLite format 3\0" "xxxx", 20);
        QByteArray fakeHeader("SQLite format 3\0", 16);
        fakeHeader += garbage.left(4096 - 16);
        QTest::newRow("magic then garbage") << fakeHeader;
    }

    void corruptFiles()
    {
        QFETCH(QByteArray, content);
        const QString path = pathFor(QStringLiteral("corrupt-%1.db").arg(QString::fromUtf8(QTest::currentDataTag())));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        QCOMPARE(errorCode(LocalDatabase::open(path, LocalDatabase::OpenMode::ExistingOnly)),
                 QStringLiteral("cache.corrupt"));
        QCOMPARE(errorCode(LocalDatabase::open(path, LocalDatabase::OpenMode::CreateIfMissing)),
                 QStringLiteral("cache.corrupt"));
    }

    void emptyExistingFileIsCorrupt()
    {
        const QString path = pathFor(QStringLiteral("empty.db"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QCOMPARE(errorCode(LocalDatabase::open(path, LocalDatabase::OpenMode::ExistingOnly)),
                 QStringLiteral("cache.corrupt"));
    }

    void truncatedDatabase()
    {
        const QString path = makeFilledDatabase(QStringLiteral("truncated.db"));
        QFile file(path);
        const qint64 size = file.size();
        QVERIFY(size > 100 * 1024);
        QVERIFY(file.resize(size / 2));
        QCOMPARE(errorCode(LocalDatabase::open(path, LocalDatabase::OpenMode::ExistingOnly)),
                 QStringLiteral("cache.corrupt"));
        // Cut at an odd offset too.
        QVERIFY(file.resize(size / 2 - 123));
        QCOMPARE(errorCode(LocalDatabase::open(path)), QStringLiteral("cache.corrupt"));
    }

    void damagedPagesFailQuickCheck()
    {
        const QString path = makeFilledDatabase(QStringLiteral("damaged.db"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        const qint64 size = file.size();
        // Overwrite pages in the middle, keeping the size and header intact.
        QVERIFY(file.seek(size / 2 - (size / 2) % 4096));
        file.write(QByteArray(3 * 4096, '\xA5'));
        file.close();
        QCOMPARE(errorCode(LocalDatabase::open(path, LocalDatabase::OpenMode::ExistingOnly)),
                 QStringLiteral("cache.corrupt"));
    }

    void newerSchemaIsRefused()
    {
        const QString path = pathFor(QStringLiteral("newer.db"));
        {
            auto db = LocalDatabase::open(path);
            QVERIFY(db);
            QSqlQuery query((*db)->connection());
            QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = %1")
                                   .arg(LocalDatabase::currentSchemaVersion + 1)));
        }
        const auto result = LocalDatabase::open(path);
        QCOMPARE(errorCode(result), QStringLiteral("cache.newer_schema"));
        QVERIFY(!result.error().message.isEmpty());
    }

    void openFailures()
    {
        QCOMPARE(errorCode(LocalDatabase::open(m_dir.path())), QStringLiteral("cache.open_failed"));
        QCOMPARE(errorCode(LocalDatabase::open(pathFor(QStringLiteral("no/such/dir/x.db")))),
                 QStringLiteral("cache.open_failed"));
    }

    void transactionCommitsOrRollsBack()
    {
        auto db = LocalDatabase::open(pathFor(QStringLiteral("tx.db")));
        QVERIFY(db);
        LocalDatabase &local = **db;
        const auto failed = local.transaction([&]() -> Core::Status {
            if (auto status = local.setSetting(QStringLiteral("k"), QStringLiteral("v")); !status)
                return status;
            return Core::Error::make(QStringLiteral("test.fail"), QStringLiteral("fail"));
        });
        QVERIFY(!failed);
        QCOMPARE(failed.error().code, QStringLiteral("test.fail"));
        QCOMPARE(local.setting(QStringLiteral("k"), QStringLiteral("none")), QStringLiteral("none"));

        const auto done = local.transaction([&] {
            // The inner step fails alone: its savepoint rolls back, the outer work commits.
            const auto inner = local.transaction([&]() -> Core::Status {
                (void)local.setSetting(QStringLiteral("inner"), QStringLiteral("x"));
                return Core::Error::make(QStringLiteral("test.inner"), QStringLiteral("inner"));
            });
            Q_UNUSED(inner);
            return local.setSetting(QStringLiteral("k"), QStringLiteral("v"));
        });
        QVERIFY(done);
        QCOMPARE(local.setting(QStringLiteral("k")), QStringLiteral("v"));
        QCOMPARE(local.setting(QStringLiteral("inner"), QStringLiteral("none")), QStringLiteral("none"));
    }

    void settingsOverwrite()
    {
        auto db = LocalDatabase::open(pathFor(QStringLiteral("settings.db")));
        QVERIFY(db);
        QCOMPARE((*db)->setting(QStringLiteral("device_id"), QStringLiteral("fallback")),
                 QStringLiteral("fallback"));
        QVERIFY((*db)->setSetting(QStringLiteral("device_id"), QStringLiteral("a")));
        QVERIFY((*db)->setSetting(QStringLiteral("device_id"), QStringLiteral("b")));
        QCOMPARE((*db)->setting(QStringLiteral("device_id")), QStringLiteral("b"));
        QVERIFY((*db)->checkIntegrity());
    }
};

QTEST_GUILESS_MAIN(tst_LocalDatabase)
#include "tst_localdatabase.moc"
