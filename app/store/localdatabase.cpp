#include "localdatabase.h"

#include "schema.h"
#include "storeerrors.h"

#include "app/core/tr.h"

#include <QAtomicInteger>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QtEndian>

#include <sqlite3.h>

#include <chrono>
#include <thread>

namespace Toonbank::Store {

namespace {

// Waits for another connection's write transaction by polling every 200 µs for up to 5 s.
// SQLite's own busy timeout sleeps longer and longer (up to 100 ms a try): against a writer
// that runs short transactions back to back — the first sync's staging — a sale would miss
// gap after gap. The writer leaves a gap of a fraction of a millisecond between its
// transactions (SyncEngine::Options::snapshotYieldUs); a poll this fine finds it.
constexpr int lockPollMicroseconds = 200;
constexpr int lockWaitMicroseconds = 5'000'000;

int waitForLock(void *, int tries)
{
    if (tries >= lockWaitMicroseconds / lockPollMicroseconds)
        return 0; // SQLITE_BUSY: the caller reports the database as busy
    std::this_thread::sleep_for(std::chrono::microseconds(lockPollMicroseconds));
    return 1;
}

Core::Error corrupt(const QString &path, const QString &detail)
{
    return Core::Error::make(QStringLiteral("cache.corrupt"),
        Core::Tr::tr("The product cache %1 is damaged. It will be rebuilt "
                     "at the next sync.")
            .arg(path),
        detail);
}

Core::Error openFailed(const QString &path, const QString &detail)
{
    return Core::Error::make(QStringLiteral("cache.open_failed"),
        Core::Tr::tr("The product cache %1 could not be opened.").arg(path), detail);
}

// Cheap structural checks on the 100-byte SQLite header, so a file of garbage or one cut
// short by a full disk is refused without reading the whole file (quick_check would read
// every page of a 1 GB cache). Returns an empty string when the header looks sound.
QString headerProblem(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {}; // let SQLite report why it cannot open it
    const qint64 size = file.size();
    if (size == 0)
        return QStringLiteral("empty file");
    const QByteArray header = file.read(100);
    if (header.size() < 100)
        return QStringLiteral("shorter than a SQLite header");
    if (!header.startsWith(QByteArrayView("SQLite format 3\0", 16)))
        return QStringLiteral("not a SQLite file");
    const auto *bytes = reinterpret_cast<const uchar *>(header.constData());
    qint64 pageSize = qFromBigEndian<quint16>(bytes + 16);
    if (pageSize == 1)
        pageSize = 65536;
    if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) != 0)
        return QStringLiteral("bad page size %1").arg(pageSize);
    if (size % pageSize != 0)
        return QStringLiteral("size %1 is not a whole number of %2-byte pages")
            .arg(size)
            .arg(pageSize);
    // The in-header page count is only valid when the change counter matches
    // "version-valid-for" (file format §1.3.7).
    const quint32 changeCounter = qFromBigEndian<quint32>(bytes + 24);
    const quint32 pageCount = qFromBigEndian<quint32>(bytes + 28);
    const quint32 validFor = qFromBigEndian<quint32>(bytes + 92);
    if (changeCounter == validFor && pageCount > 0 && size < qint64(pageCount) * pageSize)
        return QStringLiteral("truncated: %1 bytes, header says %2 pages").arg(size).arg(pageCount);
    return {};
}

bool isCorruptionCode(int code)
{
    const int primary = code & 0xff;
    return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
}

QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("toonbank-local-%1").arg(counter.fetchAndAddRelaxed(1) + 1);
}

} // namespace

LocalDatabase::LocalDatabase(QString path, QString connectionName)
    : m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
{ }

LocalDatabase::~LocalDatabase()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Core::Result<std::unique_ptr<LocalDatabase>> LocalDatabase::open(const QString &path, OpenMode mode)
{
    const QFileInfo info(path);
    const bool existed = info.exists();
    if (!existed && mode == OpenMode::ExistingOnly) {
        return Core::Error::make(QStringLiteral("cache.missing"),
            Core::Tr::tr("There is no product cache at %1 yet.").arg(path));
    }
    if (existed && info.isDir())
        return openFailed(path, QStringLiteral("is a directory"));
    if (existed) {
        const QString problem = headerProblem(path);
        if (!problem.isEmpty())
            return corrupt(path, problem);
    }

    // The object owns the connection from here on: its destructor removes it on every error path.
    std::unique_ptr<LocalDatabase> self(new LocalDatabase(path, nextConnectionName()));
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), self->m_connectionName);
        if (!db.isValid())
            return openFailed(path, QStringLiteral("the QSQLITE driver is not available"));
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open())
            return openFailed(path, db.lastError().text());
    }
    sqlite3 *handle = self->rawHandle();
    if (!handle)
        return openFailed(path, QStringLiteral("no sqlite3 handle from the driver"));
    sqlite3_busy_handler(handle, &waitForLock, nullptr);

    // WAL: readers (search, lookups) never wait for the sync writer. NORMAL is durable
    // enough for a cache that the server can rebuild; the sales path raises it to FULL.
    // 32 MB of page cache and a 256 MB map keep hot b-tree pages close without ever
    // reading the file whole; mapped pages only count once touched.
    static const char *const pragmas[] = {
        "PRAGMA journal_mode=WAL",
        "PRAGMA synchronous=NORMAL",
        "PRAGMA foreign_keys=ON",
        "PRAGMA cache_size=-32768",
        "PRAGMA mmap_size=268435456",
        "PRAGMA temp_store=MEMORY",
    };
    for (const char *pragma : pragmas) {
        char *message = nullptr;
        const int rc = sqlite3_exec(handle, pragma, nullptr, nullptr, &message);
        const QString detail = QString::fromUtf8(message ? message : sqlite3_errstr(rc));
        sqlite3_free(message);
        if (rc != SQLITE_OK) {
            if (isCorruptionCode(sqlite3_extended_errcode(handle)) || isCorruptionCode(rc))
                return corrupt(path, detail);
            return openFailed(path, detail);
        }
    }

    // Reading the schema parses every page-1 entry: garbage that passed the header check fails
    // here.
    sqlite3_stmt *probe = nullptr;
    int rc = sqlite3_prepare_v2(handle, "SELECT count(*) FROM sqlite_schema", -1, &probe, nullptr);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(probe);
    sqlite3_finalize(probe);
    if (rc != SQLITE_ROW) {
        const QString detail = QString::fromUtf8(sqlite3_errmsg(handle));
        if (isCorruptionCode(sqlite3_extended_errcode(handle)) || isCorruptionCode(rc))
            return corrupt(path, detail);
        return openFailed(path, detail);
    }

    const int version = self->schemaVersion();
    if (version < 0)
        return corrupt(path, QStringLiteral("cannot read user_version"));
    if (version > currentSchemaVersion) {
        return Core::Error::make(QStringLiteral("cache.newer_schema"),
            Core::Tr::tr("The product cache was written by a newer Toonbank. Update the app."),
            QStringLiteral("file schema %1, this build %2").arg(version).arg(currentSchemaVersion));
    }

    if (existed && QFileInfo(path).size() <= quickCheckMaxBytes) {
        if (auto status = self->checkIntegrity(); !status)
            return status.error();
    }

    if (version < currentSchemaVersion) {
        // All steps and the version bump in one transaction: a crash mid-way leaves the old
        // version intact and the next start simply runs the steps again.
        const auto status = self->transaction([&]() -> Core::Status {
            QSqlQuery query(self->connection());
            for (const auto &migration : Internal::migrations()) {
                if (migration.version <= version)
                    continue;
                for (const QString &statement : migration.statements) {
                    if (!query.exec(statement))
                        return Internal::queryFailed(query.lastError().text());
                }
            }
            // PRAGMA takes no bound parameters; the value is our own constant.
            if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(currentSchemaVersion)))
                return Internal::queryFailed(query.lastError().text());
            return Core::success();
        });
        if (!status) {
            if (isCorruptionCode(sqlite3_extended_errcode(handle)))
                return corrupt(path, status.error().detail);
            return openFailed(path, status.error().detail);
        }
    }
    return self;
}

QSqlDatabase LocalDatabase::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

sqlite3 *LocalDatabase::rawHandle() const
{
    const QSqlDatabase db = connection();
    if (!db.isOpen())
        return nullptr;
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

int LocalDatabase::schemaVersion() const
{
    sqlite3 *handle = rawHandle();
    if (!handle)
        return -1;
    sqlite3_stmt *stmt = nullptr;
    int version = -1;
    if (sqlite3_prepare_v2(handle, "PRAGMA user_version", -1, &stmt, nullptr) == SQLITE_OK
        && sqlite3_step(stmt) == SQLITE_ROW) {
        version = sqlite3_column_int(stmt, 0);
    }
    sqlite3_finalize(stmt);
    return version;
}

Core::Status LocalDatabase::checkIntegrity() const
{
    sqlite3 *handle = rawHandle();
    if (!handle)
        return openFailed(m_path, QStringLiteral("not open"));
    sqlite3_stmt *stmt = nullptr;
    QString verdict;
    int rc = sqlite3_prepare_v2(handle, "PRAGMA quick_check(1)", -1, &stmt, nullptr);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(stmt);
        if (rc == SQLITE_ROW)
            verdict
                = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
    }
    const QString sqliteMessage = QString::fromUtf8(sqlite3_errmsg(handle));
    sqlite3_finalize(stmt);
    if (rc != SQLITE_ROW)
        return corrupt(m_path, sqliteMessage);
    if (verdict != QLatin1String("ok"))
        return corrupt(m_path, verdict);
    return Core::success();
}

Core::Status LocalDatabase::durableTransaction(const std::function<Core::Status()> &work)
{
    sqlite3 *handle = rawHandle();
    if (!handle || sqlite3_get_autocommit(handle) == 0)
        return transaction(work);
    // FULL syncs the WAL at the commit (the connection's default, NORMAL, may lose the last
    // commits on power loss); bulk catalog writes keep their own setting.
    QSqlQuery pragma(connection());
    pragma.exec(QStringLiteral("PRAGMA synchronous"));
    const QVariant previous = pragma.next() ? pragma.value(0) : QVariant(1);
    pragma.exec(QStringLiteral("PRAGMA synchronous=FULL"));
    const Core::Status status = transaction(work);
    pragma.exec(QStringLiteral("PRAGMA synchronous=%1").arg(previous.toInt()));
    return status;
}

Core::Status LocalDatabase::transaction(const std::function<Core::Status()> &work)
{
    sqlite3 *handle = rawHandle();
    if (!handle)
        return Internal::queryFailed(QStringLiteral("database not open"));

    // Nested call (e.g. a service transaction around a store helper): a savepoint, so the
    // inner work can fail alone without ending the outer transaction.
    const bool nested = sqlite3_get_autocommit(handle) == 0;
    const char *beginSql = nested ? "SAVEPOINT toonbank_nested" : "BEGIN IMMEDIATE";
    const char *commitSql = nested ? "RELEASE toonbank_nested" : "COMMIT";
    const char *rollbackSql
        = nested ? "ROLLBACK TO toonbank_nested; RELEASE toonbank_nested" : "ROLLBACK";

    if (sqlite3_exec(handle, beginSql, nullptr, nullptr, nullptr) != SQLITE_OK)
        return Internal::queryFailed(QString::fromUtf8(sqlite3_errmsg(handle)));

    Core::Status status = work();
    if (status) {
        if (sqlite3_exec(handle, commitSql, nullptr, nullptr, nullptr) == SQLITE_OK)
            return status;
        status = Internal::queryFailed(QString::fromUtf8(sqlite3_errmsg(handle)));
    }
    // A failed COMMIT may already have rolled back; ROLLBACK then fails harmlessly.
    sqlite3_exec(handle, rollbackSql, nullptr, nullptr, nullptr);
    return status;
}

QString LocalDatabase::setting(const QString &key, const QString &fallback) const
{
    QSqlQuery query(connection());
    query.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    query.addBindValue(key);
    if (query.exec() && query.next())
        return query.value(0).toString();
    return fallback;
}

Core::Status LocalDatabase::setSetting(const QString &key, const QString &value)
{
    QSqlQuery query(connection());
    query.prepare(QStringLiteral("INSERT INTO settings(key, value) VALUES(?, ?) "
                                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    query.addBindValue(key);
    query.addBindValue(value);
    if (!query.exec())
        return Internal::queryFailed(query.lastError().text());
    return Core::success();
}

} // namespace Toonbank::Store
