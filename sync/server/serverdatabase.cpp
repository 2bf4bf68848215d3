#include "serverdatabase.h"

#include "schema.h"

#include <QDir>
#include <QSqlError>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

namespace Toonbank::Sync::Server {

using Core::Error;

namespace {

// PostgreSQL: 40001 serialization_failure, 40P01 deadlock_detected. SQLite: 5 SQLITE_BUSY,
// 6 SQLITE_LOCKED.
bool isTransient(const Error &error, Dialect dialect)
{
    if (error.code != QLatin1String("db.error"))
        return false;
    if (dialect == Dialect::Postgres)
        return error.detail.startsWith(QLatin1String("[40001]"))
            || error.detail.startsWith(QLatin1String("[40P01]"));
    return error.detail.startsWith(QLatin1String("[5]"))
        || error.detail.startsWith(QLatin1String("[6]"));
}

// Statements carry at most this many bound values: below SQLite's 32766 and PostgreSQL's 65535.
constexpr int maxParamsPerStatement = 30000;

} // namespace

ServerDatabase::ServerDatabase(Dialect dialect, QString connectionName)
    : m_dialect(dialect)
    , m_connectionName(std::move(connectionName))
{ }

ServerDatabase::~ServerDatabase()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Error ServerDatabase::dbError(const QSqlError &error, const QString &what)
{
    // The native code (SQLSTATE / SQLite result code) travels in the detail so that
    // transaction() can tell a transient conflict from a real failure.
    return Error::make(QStringLiteral("db.error"), QStringLiteral("database error"),
        QStringLiteral("[%1] %2: %3").arg(error.nativeErrorCode(), what, error.text()));
}

Core::Result<std::unique_ptr<ServerDatabase>> ServerDatabase::open(
    const QString &spec, const QString &dataDir)
{
    const QString name
        = QStringLiteral("toonbank-server-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    std::unique_ptr<ServerDatabase> database;
    if (spec.isEmpty() || spec.startsWith(QLatin1String("sqlite:"))) {
        QString path = spec.mid(7);
        if (path.isEmpty()) {
            if (!QDir().mkpath(dataDir))
                return Error::make(
                    QStringLiteral("db.open"), QStringLiteral("cannot create %1").arg(dataDir));
            path = QDir(dataDir).filePath(QStringLiteral("toonbank.db"));
        }
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        // A second process (toonbank-admin) may write while the server runs: wait, don't fail.
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        database.reset(new ServerDatabase(Dialect::Sqlite, name));
        if (!db.open())
            return dbError(db.lastError(), QStringLiteral("open ") + path);
        // WAL lets the feed be read while a batch is written; FULL makes an acknowledged event
        // survive power loss, not only a process crash.
        for (const char *pragma :
            { "PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON" }) {
            Core::Result<QSqlQuery> done = database->exec(QLatin1String(pragma));
            if (!done)
                return done.error();
        }
    } else if (spec.startsWith(QLatin1String("postgresql://"))
        || spec.startsWith(QLatin1String("postgres://"))) {
        const QUrl url(spec);
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(url.host().isEmpty() ? QStringLiteral("127.0.0.1") : url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
        database.reset(new ServerDatabase(Dialect::Postgres, name));
        if (!db.open())
            return dbError(db.lastError(), QStringLiteral("open PostgreSQL ") + url.host());
    } else {
        return Error::make(QStringLiteral("db.open"),
            QStringLiteral("unknown database %1").arg(spec),
            QStringLiteral("use postgresql://user:password@host:port/dbname or sqlite:/path"));
    }
    if (Core::Status migrated = database->migrate(); !migrated)
        return migrated.error();
    return database;
}

QSqlDatabase ServerDatabase::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Core::Result<QSqlQuery> ServerDatabase::exec(const QString &sql, const QVariantList &params)
{
    QSqlQuery query(connection());
    query.setForwardOnly(true);
    // Without parameters run it directly: PostgreSQL cannot PREPARE DDL.
    if (params.isEmpty()) {
        if (!query.exec(sql))
            return dbError(query.lastError(), sql.left(80));
        return query;
    }
    if (!query.prepare(sql))
        return dbError(query.lastError(), sql.left(80));
    for (const QVariant &value : params) {
        // A null QString binds as SQL NULL; the schema wants '' for "no text".
        if (value.typeId() == QMetaType::QString && value.toString().isNull())
            query.addBindValue(QString(QLatin1String("")));
        else
            query.addBindValue(value);
    }
    if (!query.exec())
        return dbError(query.lastError(), sql.left(80));
    return query;
}

Core::Status ServerDatabase::insertRows(const QString &table, const QStringList &columns,
    const QList<QVariantList> &rows, const QString &suffix)
{
    if (rows.isEmpty())
        return Core::success();
    const qsizetype perStatement = std::max<qsizetype>(1, maxParamsPerStatement / columns.size());
    QString oneRow = QStringLiteral("(")
        + QStringList(columns.size(), QStringLiteral("?")).join(QLatin1Char(','))
        + QStringLiteral(")");
    for (qsizetype start = 0; start < rows.size(); start += perStatement) {
        const qsizetype count = std::min(perStatement, rows.size() - start);
        QString sql = QStringLiteral("INSERT INTO ") + table + QStringLiteral("(")
            + columns.join(QLatin1Char(',')) + QStringLiteral(") VALUES ");
        sql.reserve(sql.size() + count * (oneRow.size() + 1) + suffix.size() + 1);
        QVariantList params;
        params.reserve(count * columns.size());
        for (qsizetype i = 0; i < count; ++i) {
            if (i)
                sql += QLatin1Char(',');
            sql += oneRow;
            Q_ASSERT(rows.at(start + i).size() == columns.size());
            params += rows.at(start + i);
        }
        if (!suffix.isEmpty())
            sql += QLatin1Char(' ') + suffix;
        if (Core::Result<QSqlQuery> done = exec(sql, params); !done)
            return done.error();
    }
    return Core::success();
}

Core::Status ServerDatabase::transaction(const std::function<Core::Status()> &work)
{
    constexpr int attempts = 5;
    Core::Error last;
    for (int attempt = 1; attempt <= attempts; ++attempt) {
        // SQLite: IMMEDIATE takes the write lock up front, so two writers never deadlock
        // upgrading a read lock. PostgreSQL: READ COMMITTED plus the feed row lock.
        const QString begin = m_dialect == Dialect::Sqlite ? QStringLiteral("BEGIN IMMEDIATE")
                                                           : QStringLiteral("BEGIN");
        QSqlQuery query(connection());
        if (!query.exec(begin)) {
            last = dbError(query.lastError(), begin);
            if (isTransient(last, m_dialect)) {
                QThread::msleep(20 * attempt);
                continue;
            }
            return last;
        }
        Core::Status status = work();
        if (status) {
            if (query.exec(QStringLiteral("COMMIT")))
                return status;
            last = dbError(query.lastError(), QStringLiteral("COMMIT"));
        } else {
            last = status.error();
        }
        query.exec(QStringLiteral("ROLLBACK"));
        if (!isTransient(last, m_dialect))
            return last;
        QThread::msleep(20 * attempt);
    }
    return last;
}

Core::Result<qint64> ServerDatabase::reserveSequence(qint64 count)
{
    Core::Result<QSqlQuery> query = exec(
        QStringLiteral("UPDATE feed_head SET seq = seq + ? WHERE id = 1 RETURNING seq"), { count });
    if (!query)
        return query.error();
    if (!query.value().next())
        return Error::make(QStringLiteral("db.error"), QStringLiteral("feed head missing"));
    return query.value().value(0).toLongLong() - count + 1;
}

Core::Status ServerDatabase::lockFeed()
{
    Core::Result<qint64> reserved = reserveSequence(0);
    if (!reserved)
        return reserved.error();
    return Core::success();
}

int ServerDatabase::schemaVersion() const
{
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("SELECT MAX(version) FROM schema_version")) || !query.next())
        return 0;
    return query.value(0).toInt();
}

Core::Status ServerDatabase::migrate()
{
    return transaction([this]() -> Core::Status {
        if (m_dialect == Dialect::Postgres) {
            // Two instances starting together must not both run the same migration.
            if (auto locked = exec(QStringLiteral("SELECT pg_advisory_xact_lock(7316001)"));
                !locked)
                return locked.error();
        }
        if (auto created
            = exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version("
                                  "version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"));
            !created)
            return created.error();
        const int current = schemaVersion();
        if (current > currentSchemaVersion)
            return Error::make(QStringLiteral("db.newer_schema"),
                QStringLiteral("the database was written by a newer toonbank-server (schema %1)")
                    .arg(current));
        for (const Internal::Migration &step : Internal::migrations(m_dialect)) {
            if (step.version <= current)
                continue;
            for (const QString &statement : step.statements) {
                if (auto done = exec(statement); !done)
                    return Error::make(
                        QStringLiteral("db.migrate"), done.error().message, done.error().detail);
            }
            if (auto done = exec(
                    QStringLiteral("INSERT INTO schema_version(version, applied_at) VALUES (?, ?)"),
                    { step.version, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) });
                !done)
                return done.error();
        }
        return Core::success();
    });
}

} // namespace Toonbank::Sync::Server
