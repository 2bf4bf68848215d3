#include "serverdatabase.h"

#include "schema.h"

#include <QDir>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>
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

// PostgreSQL: Qt's QPSQL driver runs a bound statement as PREPARE, EXECUTE with the values
// written as literals by the driver's formatValue(), and DEALLOCATE: three round trips and a
// fresh plan every time. This writes the same escaped literals into the statement (each value
// as a quoted literal whose type PostgreSQL infers from its context, as it infers a
// parameter's), so a statement is one round trip. A '?' inside a quoted string or identifier
// is text, not a parameter.
Core::Result<QString> inlineParameters(
    const QSqlDriver *driver, const QString &sql, const QVariantList &params)
{
    QString out;
    out.reserve(sql.size() + params.size() * 12);
    qsizetype next = 0;
    QChar quote;
    bool tooFew = false;
    for (const QChar c : sql) {
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            out += c;
            continue;
        }
        if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            quote = c;
            out += c;
            continue;
        }
        if (c != QLatin1Char('?')) {
            out += c;
            continue;
        }
        if (next >= params.size()) {
            tooFew = true;
            break;
        }
        const QVariant &value = params.at(next++);
        if (value.isNull() && value.typeId() != QMetaType::QString) {
            out += QLatin1String("NULL");
            continue;
        }
        switch (value.typeId()) {
        case QMetaType::QDate:
        case QMetaType::QTime:
        case QMetaType::QDateTime: {
            QSqlField field(QString(), value.metaType());
            field.setValue(value);
            out += driver->formatValue(field);
            break;
        }
        default: {
            // A null QString binds as '' (the schema wants '' for "no text"), as in exec().
            QSqlField field(QString(), QMetaType(QMetaType::QString));
            field.setValue(value.typeId() == QMetaType::Bool
                    ? QString(value.toBool() ? QLatin1String("true") : QLatin1String("false"))
                    : value.toString());
            out += driver->formatValue(field);
            break;
        }
        }
    }
    if (tooFew || next != params.size())
        return Error::make(QStringLiteral("db.error"), QStringLiteral("database error"),
            QStringLiteral("[params] %1 values for the placeholders of: %2")
                .arg(params.size())
                .arg(sql.left(80)));
    return out;
}

} // namespace

ServerDatabase::ServerDatabase(Dialect dialect, QString connectionName)
    : m_dialect(dialect)
    , m_connectionName(std::move(connectionName))
{ }

ServerDatabase::~ServerDatabase()
{
    m_kept.clear(); // its statements use the connection closed below
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
    if (m_dialect == Dialect::Postgres) {
        Core::Result<QString> inlined = inlineParameters(connection().driver(), sql, params);
        if (!inlined)
            return inlined.error();
        if (!query.exec(inlined.value()))
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

ServerDatabase::KeptQuery::KeptQuery(QSqlQuery owned)
    : m_owned(std::move(owned))
{ }

ServerDatabase::KeptQuery::KeptQuery(QSqlQuery *kept, bool *busy)
    : m_kept(kept)
    , m_busy(busy)
{
    *m_busy = true;
}

ServerDatabase::KeptQuery::KeptQuery(KeptQuery &&other) noexcept
    : m_owned(std::move(other.m_owned))
    , m_kept(std::exchange(other.m_kept, nullptr))
    , m_busy(std::exchange(other.m_busy, nullptr))
{ }

ServerDatabase::KeptQuery::~KeptQuery()
{
    if (m_busy)
        *m_busy = false;
}

Core::Result<ServerDatabase::KeptQuery> ServerDatabase::execKept(
    const QString &sql, const QVariantList &params)
{
    auto fresh = [&]() -> Core::Result<KeptQuery> {
        Core::Result<QSqlQuery> done = exec(sql, params);
        if (!done)
            return done.error();
        return KeptQuery(std::move(done.value()));
    };
    if (m_dialect != Dialect::Postgres || params.isEmpty())
        return fresh();
    auto it = m_kept.find(sql);
    if (it == m_kept.end()) {
        // A bounded set: a statement whose text varies (a claim of n lines) adds one per n.
        constexpr size_t maxKept = 64;
        if (m_kept.size() >= maxKept)
            std::erase_if(m_kept, [](const auto &entry) { return !entry.second->busy; });
        auto kept = std::make_unique<Kept>();
        kept->query = QSqlQuery(connection());
        kept->query.setForwardOnly(true);
        if (!kept->query.prepare(sql))
            return dbError(kept->query.lastError(), sql.left(80));
        it = m_kept.emplace(sql, std::move(kept)).first;
    }
    Kept &kept = *it->second;
    if (kept.busy) // the same text while its last result is still read
        return fresh();
    for (qsizetype i = 0; i < params.size(); ++i) {
        const QVariant &value = params.at(i);
        // A null QString binds as SQL NULL; the schema wants '' for "no text".
        if (value.typeId() == QMetaType::QString && value.toString().isNull())
            kept.query.bindValue(int(i), QString(QLatin1String("")));
        else
            kept.query.bindValue(int(i), value);
    }
    if (!kept.query.exec()) {
        const QSqlError failed = kept.query.lastError();
        // A statement the server no longer knows (26000, a new session) or a lost connection
        // (08xxx): prepared again next time.
        const QString state = failed.nativeErrorCode();
        if (state.isEmpty() || state.startsWith(QLatin1String("26"))
            || state.startsWith(QLatin1String("08")))
            m_kept.erase(it);
        return dbError(failed, sql.left(80));
    }
    return KeptQuery(&kept.query, &kept.busy);
}

Core::Status ServerDatabase::addStock(const QList<QVariantList> &rows)
{
    return insertRows(QStringLiteral("stock"),
        { QStringLiteral("product_id"), QStringLiteral("location_id"), QStringLiteral("quantity"),
            QStringLiteral("as_of"), QStringLiteral("change_seq") },
        rows,
        QStringLiteral("ON CONFLICT(product_id, location_id) DO UPDATE SET "
                       "quantity = stock.quantity + excluded.quantity, "
                       "as_of = excluded.as_of, change_seq = excluded.change_seq"));
}

Core::Status ServerDatabase::insertRows(const QString &table, const QStringList &columns,
    const QList<QVariantList> &rows, const QString &suffix)
{
    if (rows.isEmpty())
        return Core::success();
    // SQLite: QSQLITE looks each bound value's name up by its index (sqlite3_bind_parameter_name,
    // a linear walk), so a statement of n values costs n² — keep them short there.
    const int maxParams = m_dialect == Dialect::Sqlite ? 990 : maxParamsPerStatement;
    const qsizetype perStatement = std::max<qsizetype>(1, maxParams / columns.size());
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

Core::Status ServerDatabase::autocommit(const std::function<Core::Status()> &work)
{
    constexpr int attempts = 5;
    Core::Status status = Core::success();
    for (int attempt = 1; attempt <= attempts; ++attempt) {
        status = work();
        if (status || !isTransient(status.error(), m_dialect))
            return status;
        QThread::msleep(20 * attempt);
    }
    return status;
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
