#pragma once

#include "app/core/result.h"

#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>

struct sqlite3;

namespace Toonbank::Store {

/// The tablet's local SQLite cache: catalog, stock, staff, sales, outbox and journal in one
/// file, in WAL mode. Opening runs the versioned migrations in one transaction.
class LocalDatabase final
{
    Q_DISABLE_COPY_MOVE(LocalDatabase)
public:
    enum class OpenMode { CreateIfMissing, ExistingOnly };

    /// The schema version this build writes. A file with a higher version was written by a
    /// newer Toonbank and is refused ("cache.newer_schema") rather than damaged.
    static constexpr int currentSchemaVersion = 8;

    /// Errors: "cache.missing" (ExistingOnly and no file), "cache.corrupt" (not a SQLite file,
    /// a truncated file, or fails the quick integrity check), "cache.newer_schema",
    /// "cache.open_failed". Catalog, CatalogWriter and StaffDirectory objects must be
    /// destroyed before the LocalDatabase they use (they keep prepared statements open).
    static Core::Result<std::unique_ptr<LocalDatabase>> open(
        const QString &path, OpenMode mode = OpenMode::CreateIfMissing);
    ~LocalDatabase();

    QSqlDatabase connection() const;
    /// The driver's sqlite3 handle, for the few hot paths (barcode lookup) that use
    /// prepared statements through the C API directly.
    sqlite3 *rawHandle() const;
    const QString &path() const { return m_path; }
    int schemaVersion() const;

    /// Runs `work` inside BEGIN IMMEDIATE … COMMIT; rolls back when it returns an error or
    /// when the commit fails. Nothing is half-written. Called inside an open transaction, it
    /// nests as a SAVEPOINT.
    Core::Status transaction(const std::function<Core::Status()> &work);
    /// transaction() with synchronous=FULL for its COMMIT: on disk before it returns (a sale,
    /// a return, a tender or a refund part written before a terminal is asked). Inside an open
    /// transaction it nests like transaction() and the outer COMMIT decides.
    Core::Status durableTransaction(const std::function<Core::Status()> &work);

    /// Key/value settings of this device (store location id, device id, cash rounding, …).
    QString setting(const QString &key, const QString &fallback = {}) const;
    Core::Status setSetting(const QString &key, const QString &value);

    /// Full PRAGMA quick_check. open() runs it only on small files (it reads every page, which
    /// would take seconds on a million-product cache); call it from a background job or after
    /// a crash. Error: "cache.corrupt".
    Core::Status checkIntegrity() const;

    /// Files up to this size get the full quick_check while opening.
    static constexpr qint64 quickCheckMaxBytes = 64 * 1024 * 1024;

private:
    LocalDatabase(QString path, QString connectionName);
    QString m_path;
    QString m_connectionName;
};

} // namespace Toonbank::Store
