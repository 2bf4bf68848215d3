#pragma once

#include <QByteArray>
#include <QString>

#include <sqlite3.h>

namespace Toonbank::Store::Internal {

/// A prepared statement on the raw sqlite3 handle, kept open and reused. The scan path and
/// the bulk writer go through the C API because QSqlQuery costs several conversions per
/// value; everything else uses QSqlQuery. Must be destroyed before its LocalDatabase.
class Statement final
{
    Q_DISABLE_COPY_MOVE(Statement)
public:
    Statement() = default;
    ~Statement() { sqlite3_finalize(m_stmt); }

    /// Prepares `sql` (persistent: it will be reused many times). Returns the sqlite result code.
    int prepare(sqlite3 *db, const char *sql)
    {
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
        m_db = db;
        return sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr);
    }
    bool isValid() const { return m_stmt != nullptr; }
    sqlite3_stmt *handle() const { return m_stmt; }

    void reset()
    {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }

    void bind(int index, qint64 value) { sqlite3_bind_int64(m_stmt, index, value); }
    void bind(int index, int value) { sqlite3_bind_int(m_stmt, index, value); }
    void bind(int index, double value) { sqlite3_bind_double(m_stmt, index, value); }
    void bindNull(int index) { sqlite3_bind_null(m_stmt, index); }
    // SQLite converts UTF-16 to the database's UTF-8 itself; TRANSIENT because the QString
    // may not outlive the step.
    void bind(int index, const QString &value)
    {
        sqlite3_bind_text16(
            m_stmt, index, value.utf16(), int(value.size() * sizeof(char16_t)), SQLITE_TRANSIENT);
    }
    void bind(int index, const QByteArray &utf8)
    {
        sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    }

    /// SQLITE_ROW, SQLITE_DONE or an error code.
    int step() { return sqlite3_step(m_stmt); }

    /// Calls `onRow` for every row; true when all rows were read, false on an error
    /// (errorMessage() says which).
    template <typename OnRow> bool forEachRow(OnRow &&onRow)
    {
        int rc;
        while ((rc = step()) == SQLITE_ROW)
            onRow();
        return rc == SQLITE_DONE;
    }

    bool isNull(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }
    qint64 int64(int column) const { return sqlite3_column_int64(m_stmt, column); }
    int integer(int column) const { return sqlite3_column_int(m_stmt, column); }
    double real(int column) const { return sqlite3_column_double(m_stmt, column); }
    QString text(int column) const
    {
        const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
        return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
    }

    QString errorMessage() const { return QString::fromUtf8(sqlite3_errmsg(m_db)); }

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
};

/// Resets a statement when the scope ends, so an early return never leaves it mid-step
/// (a statement mid-step holds a read transaction open).
class StatementScope final
{
    Q_DISABLE_COPY_MOVE(StatementScope)
public:
    explicit StatementScope(Statement &statement)
        : m_statement(statement)
    { }
    ~StatementScope() { m_statement.reset(); }

private:
    Statement &m_statement;
};

} // namespace Toonbank::Store::Internal
