#pragma once

#include "app/core/result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <functional>
#include <memory>
#include <unordered_map>

namespace Toonbank::Sync::Server {

enum class Dialect { Sqlite, Postgres };

/// The server's one SQL layer for SQLite and PostgreSQL: portable SQL with bound parameters,
/// the few dialect differences (how to begin a write transaction, the migration lock) in here.
/// One instance per thread: QSqlDatabase connections must not cross threads.
class ServerDatabase final
{
    Q_DISABLE_COPY_MOVE(ServerDatabase)
public:
    /// The schema version this build writes; migrations to it run at open in one transaction.
    static constexpr int currentSchemaVersion = 7;

    /// `spec` empty: SQLite file `<dataDir>/toonbank.db`. "postgresql://user:pw@host:port/db":
    /// PostgreSQL through QPSQL. Errors: "db.open", "db.migrate", "db.newer_schema".
    static Core::Result<std::unique_ptr<ServerDatabase>> open(
        const QString &spec, const QString &dataDir);
    ~ServerDatabase();

    Dialect dialect() const { return m_dialect; }
    QSqlDatabase connection() const;
    int schemaVersion() const;

    /// Runs `work` in one write transaction; rolls back when it fails. A transient conflict
    /// (PostgreSQL deadlock / serialization failure, SQLite busy) reruns `work` a few times,
    /// so `work` must be safe to run again (it is: it only touches the database).
    Core::Status transaction(const std::function<Core::Status()> &work);
    /// Runs `work`, a single statement that is a transaction by itself (PostgreSQL's implicit
    /// transaction of one statement, data-modifying WITH queries included), retried on a
    /// transient conflict like transaction(). Saves the BEGIN and COMMIT round trips.
    Core::Status autocommit(const std::function<Core::Status()> &work);

    /// Prepares and runs one statement with positional `?` parameters.
    Core::Result<QSqlQuery> exec(const QString &sql, const QVariantList &params = {});
    /// The result of execKept(): reads like the QSqlQuery it wraps.
    class KeptQuery
    {
    public:
        explicit KeptQuery(QSqlQuery owned);
        KeptQuery(QSqlQuery *kept, bool *busy);
        KeptQuery(KeptQuery &&other) noexcept;
        KeptQuery &operator=(KeptQuery &&) = delete;
        ~KeptQuery();
        QSqlQuery &query() { return m_kept ? *m_kept : m_owned; }
        bool next() { return query().next(); }
        QVariant value(int index) { return query().value(index); }

    private:
        QSqlQuery m_owned;
        QSqlQuery *m_kept = nullptr;
        bool *m_busy = nullptr;
    };
    /// Like exec(), for the statements every request runs (device authentication, order
    /// lookups, claims): on PostgreSQL the statement is prepared once per connection and then
    /// only executed, without a parse or (after a few runs) a plan per call. While a result is
    /// read, the same text run again gets a statement of its own.
    Core::Result<KeptQuery> execKept(const QString &sql, const QVariantList &params);
    /// INSERT of many rows in as few statements as the parameter limits allow. `suffix` is
    /// appended to each statement (an ON CONFLICT clause).
    Core::Status insertRows(const QString &table, const QStringList &columns,
        const QList<QVariantList> &rows, const QString &suffix = {});
    /// Moves stock: rows of (product_id, location_id, units, as_of, change_seq); `units` is
    /// added to the on-hand quantity (negative for a sale), a row is made where none was.
    Core::Status addStock(const QList<QVariantList> &rows);

    /// Reserves `count` change-feed sequence numbers and returns the first. Called first in a
    /// write transaction: the row lock it takes orders all writers, so sequence order is commit
    /// order and a reader never skips a change that commits late.
    Core::Result<qint64> reserveSequence(qint64 count);
    /// Takes the writer lock without reserving (for transactions that might write the feed).
    Core::Status lockFeed();

    static Core::Error dbError(const QSqlError &error, const QString &what);

private:
    ServerDatabase(Dialect dialect, QString connectionName);
    Core::Status migrate();

    Dialect m_dialect;
    QString m_connectionName;
    struct Kept
    {
        QSqlQuery query;
        bool busy = false; // a KeptQuery reads it
    };
    // execKept()'s prepared statements (PostgreSQL); the pointers stay put for KeptQuery.
    std::unordered_map<QString, std::unique_ptr<Kept>> m_kept;
};

} // namespace Toonbank::Sync::Server
