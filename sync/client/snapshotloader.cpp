#include "snapshotloader.h"

#include "app/core/digest.h"
#include "app/core/tr.h"
#include "app/store/feedcursors.h"
#include "app/store/localdatabase.h"

#include <QDebug>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

namespace Toonbank::Sync::Client {

using Core::Error;
using Core::Tr;

QString name(BootstrapProgress::Phase phase)
{
    switch (phase) {
    case BootstrapProgress::Phase::None:
        return QStringLiteral("none");
    case BootstrapProgress::Phase::Download:
        return QStringLiteral("download");
    case BootstrapProgress::Phase::Verify:
        return QStringLiteral("verify");
    case BootstrapProgress::Phase::Stage:
        return QStringLiteral("stage");
    case BootstrapProgress::Phase::Swap:
        return QStringLiteral("swap");
    }
    return QStringLiteral("none");
}

namespace {

const QString keyId = QStringLiteral("snapshot.id");
const QString keySize = QStringLiteral("snapshot.size");
const QString keySha = QStringLiteral("snapshot.sha256");
const QString keyCursor = QStringLiteral("snapshot.cursor");
const QString keyRows = QStringLiteral("snapshot.rows");
const QString keyStage = QStringLiteral("snapshot.stage");
const QString keyRowsDone = QStringLiteral("snapshot.rows_done");
const QString keyCreated = QStringLiteral("snapshot.next_created");
const QString keyIndexes = QStringLiteral("snapshot.indexes");
const QString keyOnly = QStringLiteral("snapshot.only_cursor");
const QString copiedPrefix = QStringLiteral("snapshot.copied.");
const QString tableDone = QStringLiteral("*");

const QString stageDownload = QStringLiteral("download");
const QString stageStage = QStringLiteral("stage");
const QString stageSwapped = QStringLiteral("swapped");
const QString stageCleanup = QStringLiteral("cleanup");

constexpr int knownFormat = 1;

// The catalog kind's bulk tables, in copy order (a product before its barcodes), then the
// FTS index's shadow tables. Only the first four count as rows for progress (the manifest's
// row_count counts those).
struct CopyTable
{
    const char *source;
    const char *target;
    bool counted;
};
constexpr CopyTable copyTables[] = {
    { "locations", "locations_next", true },
    { "products", "products_next", true },
    { "barcodes", "barcodes_next", true },
    { "stock", "stock_next", true },
    { "product_search_config", "product_search_config_next", false },
    { "product_search_docsize", "product_search_docsize_next", false },
    { "product_search_idx", "product_search_idx_next", false },
    { "product_search_data", "product_search_data_next", false },
};
// What the swap renames: the catalog tables and the FTS index's shadow tables (plain tables;
// the virtual table product_search itself stays and reads the new ones after the swap, as the
// schema change makes every connection reconnect it). Renaming the virtual table instead
// renames its shadow tables one by one inside the swap and doubles its time.
const char *const swapTables[]
    = { "locations", "products", "barcodes", "stock", "product_search_data", "product_search_idx",
          "product_search_docsize", "product_search_config" };

QString q(const QString &identifier)
{
    return QLatin1Char('"') + QString(identifier).replace(QLatin1Char('"'), QLatin1String("\"\""))
        + QLatin1Char('"');
}

Error failed(const QString &detail)
{
    return Error::make(QStringLiteral("snapshot.stage_failed"),
        Tr::tr("The product catalog could not be copied onto this tablet; it is tried again."),
        detail);
}

// A small statement helper over the raw handle (all of this runs on the worker connection).
class Sql final
{
    Q_DISABLE_COPY_MOVE(Sql)
public:
    Sql(sqlite3 *db, const QString &sql)
        : m_db(db)
    {
        const QByteArray text = sql.toUtf8();
        m_rc = sqlite3_prepare_v2(db, text.constData(), int(text.size()), &m_stmt, nullptr);
    }
    ~Sql() { sqlite3_finalize(m_stmt); }
    bool ok() const { return m_rc == SQLITE_OK || m_rc == SQLITE_ROW || m_rc == SQLITE_DONE; }
    sqlite3_stmt *handle() const { return m_stmt; }
    int step()
    {
        m_rc = sqlite3_step(m_stmt);
        return m_rc;
    }
    QString error() const { return QString::fromUtf8(sqlite3_errmsg(m_db)); }
    QString text(int column) const
    {
        const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
        return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
    }

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_stmt = nullptr;
    int m_rc = SQLITE_ERROR;
};

Core::Status exec(sqlite3 *db, const QString &sql)
{
    char *message = nullptr;
    const int rc = sqlite3_exec(db, sql.toUtf8().constData(), nullptr, nullptr, &message);
    if (rc == SQLITE_OK)
        return Core::success();
    const QString detail = QString::fromUtf8(message ? message : sqlite3_errstr(rc));
    sqlite3_free(message);
    return failed(sql.left(120) + QLatin1String(": ") + detail);
}

QStringList columnsOf(sqlite3 *db, const QString &schema, const QString &table, bool keysOnly)
{
    Sql sql(db,
        QStringLiteral("SELECT name, pk FROM pragma_table_info(?1, ?2) ORDER BY %1")
            .arg(keysOnly ? QStringLiteral("pk") : QStringLiteral("cid")));
    const QByteArray t = table.toUtf8();
    const QByteArray s = schema.toUtf8();
    sqlite3_bind_text(sql.handle(), 1, t.constData(), int(t.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(sql.handle(), 2, s.constData(), int(s.size()), SQLITE_TRANSIENT);
    QStringList out;
    while (sql.step() == SQLITE_ROW) {
        if (!keysOnly || sqlite3_column_int(sql.handle(), 1) > 0)
            out.append(sql.text(0));
    }
    return out;
}

bool tableExists(sqlite3 *db, const QString &schema, const QString &table)
{
    Sql sql(db,
        QStringLiteral("SELECT 1 FROM %1.sqlite_master WHERE type = 'table' AND name = ?1")
            .arg(schema));
    const QByteArray t = table.toUtf8();
    sqlite3_bind_text(sql.handle(), 1, t.constData(), int(t.size()), SQLITE_TRANSIENT);
    return sql.step() == SQLITE_ROW;
}

// A key value kept as text in sync_state: "i:42", "r:1.5", "t:text", "x:hex", "n:".
QString encodeValue(sqlite3_stmt *stmt, int column)
{
    switch (sqlite3_column_type(stmt, column)) {
    case SQLITE_INTEGER:
        return QLatin1String("i:") + QString::number(sqlite3_column_int64(stmt, column));
    case SQLITE_FLOAT:
        return QLatin1String("r:") + QString::number(sqlite3_column_double(stmt, column), 'g', 17);
    case SQLITE_TEXT:
        return QLatin1String("t:")
            + QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, column)),
                sqlite3_column_bytes(stmt, column));
    case SQLITE_BLOB:
        return QLatin1String("x:")
            + QString::fromLatin1(
                QByteArray(static_cast<const char *>(sqlite3_column_blob(stmt, column)),
                    sqlite3_column_bytes(stmt, column))
                    .toHex());
    default:
        return QStringLiteral("n:");
    }
}

void bindValue(sqlite3_stmt *stmt, int index, const QString &encoded)
{
    const QString body = encoded.mid(2);
    if (encoded.startsWith(QLatin1String("i:"))) {
        sqlite3_bind_int64(stmt, index, body.toLongLong());
    } else if (encoded.startsWith(QLatin1String("r:"))) {
        sqlite3_bind_double(stmt, index, body.toDouble());
    } else if (encoded.startsWith(QLatin1String("t:"))) {
        const QByteArray utf8 = body.toUtf8();
        sqlite3_bind_text(stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    } else if (encoded.startsWith(QLatin1String("x:"))) {
        const QByteArray bytes = QByteArray::fromHex(body.toLatin1());
        sqlite3_bind_blob(stmt, index, bytes.constData(), int(bytes.size()), SQLITE_TRANSIENT);
    } else {
        sqlite3_bind_null(stmt, index);
    }
}

// "CREATE TABLE products(" → "CREATE TABLE products_next(" (also for virtual tables and
// quoted names); an index's "ON barcodes(" likewise.
QString renamedDdl(const QString &sql, const QString &from, const QString &to, bool index)
{
    const QString pattern = index
        ? QStringLiteral("(\\bON\\s+)[\"'`]?%1[\"'`]?(\\s*\\()")
              .arg(QRegularExpression::escape(from))
        : QStringLiteral("^(CREATE\\s+(?:VIRTUAL\\s+)?TABLE\\s+)[\"'`]?%1[\"'`]?(\\s|\\()")
              .arg(QRegularExpression::escape(from));
    QString out = sql;
    out.replace(QRegularExpression(pattern, QRegularExpression::CaseInsensitiveOption),
        QStringLiteral("\\1%1\\2").arg(q(to)));
    return out;
}

} // namespace

SnapshotLoader::SnapshotLoader(Store::LocalDatabase &database)
    : m_db(database)
    , m_partPath(partPath(database.path()))
{
    const QString now = stage();
    if (!now.isEmpty()) {
        const Protocol::SnapshotManifest m = recorded();
        m_progress.rowsTotal = m.rowCount;
        m_progress.bytesTotal = m.sizeBytes;
        m_progress.rowsDone = value(keyRowsDone).toLongLong();
        m_progress.bytesDone = downloadedBytes();
        m_progress.phase = now == stageDownload ? BootstrapProgress::Phase::Download
            : now == stageStage                 ? BootstrapProgress::Phase::Stage
                                                : BootstrapProgress::Phase::Swap;
    }
}

SnapshotLoader::~SnapshotLoader()
{
    detach();
}

QString SnapshotLoader::partPath(const QString &cachePath)
{
    return cachePath + QLatin1String(".snapshot.part");
}

QString SnapshotLoader::value(const QString &key) const
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT value FROM sync_state WHERE key = ?"));
    query.addBindValue(key);
    if (query.exec() && query.next())
        return query.value(0).toString();
    return {};
}

Core::Status SnapshotLoader::setValue(const QString &key, const QString &value)
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("INSERT INTO sync_state(key, value) VALUES(?, ?) "
                                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    query.addBindValue(key);
    query.addBindValue(value);
    if (!query.exec())
        return failed(query.lastError().text());
    return Core::success();
}

Core::Status SnapshotLoader::clearState()
{
    QSqlQuery query(m_db.connection());
    if (!query.exec(QStringLiteral("DELETE FROM sync_state WHERE key LIKE 'snapshot.%'")))
        return failed(query.lastError().text());
    return Core::success();
}

QString SnapshotLoader::stage() const
{
    return value(keyStage);
}

Protocol::SnapshotManifest SnapshotLoader::recorded() const
{
    Protocol::SnapshotManifest m;
    m.snapshotId = value(keyId);
    m.sha256 = value(keySha);
    m.sizeBytes = value(keySize).toLongLong();
    m.cursor = value(keyCursor).toLongLong();
    m.rowCount = value(keyRows).toLongLong();
    return m;
}

qint64 SnapshotLoader::onlyCursor() const
{
    return value(keyOnly).toLongLong();
}

Core::Status SnapshotLoader::setOnlyCursor(qint64 cursor)
{
    return setValue(keyOnly, QString::number(cursor));
}

Error SnapshotLoader::corrupt(const QString &detail)
{
    detach();
    qWarning().noquote() << "snapshot.corrupt:" << detail;
    QFile::remove(m_partPath);
    (void)m_db.transaction([this] { return clearState(); });
    m_progress = {};
    return Error::make(QStringLiteral("snapshot.corrupt"),
        Tr::tr("The product catalog from the server arrived damaged; it is downloaded again."),
        detail);
}

Core::Status SnapshotLoader::begin(const Protocol::SnapshotManifest &manifest)
{
    if (manifest.format != knownFormat)
        return Error::make(QStringLiteral("snapshot.corrupt"),
            Tr::tr("The product catalog from the server has a form this app does not know. "
                   "Update the app."),
            QStringLiteral("manifest format %1").arg(manifest.format));
    const QString now = stage();
    const bool same = value(keyId) == manifest.snapshotId && now == stageDownload;
    if (!same) {
        if (!now.isEmpty() && now != stageDownload)
            return failed(QStringLiteral("a snapshot is already being staged (%1)").arg(now));
        QFile::remove(m_partPath);
        const Core::Status reset = m_db.transaction([&]() -> Core::Status {
            if (auto done = clearState(); !done)
                return done;
            const std::pair<QString, QString> values[] = {
                { keyId, manifest.snapshotId },
                { keySha, manifest.sha256.isEmpty() ? manifest.snapshotId : manifest.sha256 },
                { keySize, QString::number(manifest.sizeBytes) },
                { keyCursor, QString::number(manifest.cursor) },
                { keyRows, QString::number(manifest.rowCount) },
                { keyStage, stageDownload },
            };
            for (const auto &[key, text] : values) {
                if (auto done = setValue(key, text); !done)
                    return done;
            }
            return Core::success();
        });
        if (!reset)
            return reset;
    }
    m_progress = {};
    m_progress.phase = BootstrapProgress::Phase::Download;
    m_progress.bytesTotal = manifest.sizeBytes;
    m_progress.bytesDone = downloadedBytes();
    m_progress.rowsTotal = manifest.rowCount;
    m_rateClock.start();
    m_rateStart = m_progress.bytesDone;
    return Core::success();
}

qint64 SnapshotLoader::downloadedBytes() const
{
    const QFileInfo info(m_partPath);
    return info.exists() ? info.size() : 0;
}

bool SnapshotLoader::downloadComplete() const
{
    return downloadedBytes() >= value(keySize).toLongLong();
}

Core::Status SnapshotLoader::append(qint64 from, const QByteArray &bytes)
{
    const qint64 have = downloadedBytes();
    if (from != have)
        return failed(QStringLiteral("range from %1, file has %2").arg(from).arg(have));
    const qint64 size = value(keySize).toLongLong();
    if (have + bytes.size() > size)
        return corrupt(QStringLiteral("download longer than the manifest's %1 bytes").arg(size));
    QFile file(m_partPath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append))
        return failed(file.errorString());
    if (file.write(bytes) != bytes.size() || !file.flush())
        return failed(file.errorString());
    file.close();
    updateRate(have + bytes.size());
    m_progress.bytesDone = have + bytes.size();
    return Core::success();
}

void SnapshotLoader::updateRate(qint64 done)
{
    const qint64 total = m_progress.phase == BootstrapProgress::Phase::Download
        ? m_progress.bytesTotal
        : m_progress.rowsTotal;
    const qint64 elapsed = m_rateClock.isValid() ? m_rateClock.elapsed() : 0;
    const qint64 moved = done - m_rateStart;
    if (elapsed > 300 && moved > 0)
        m_progress.secondsLeft = int(qMax<qint64>(0, total - done) * elapsed / moved / 1000);
}

Core::Status SnapshotLoader::verify()
{
    m_progress.phase = BootstrapProgress::Phase::Verify;
    const Protocol::SnapshotManifest m = recorded();
    const qint64 have = downloadedBytes();
    if (have != m.sizeBytes)
        return corrupt(QStringLiteral("size %1, manifest %2").arg(have).arg(m.sizeBytes));
    {
        QFile file(m_partPath);
        if (!file.open(QIODevice::ReadOnly))
            return corrupt(file.errorString());
        const std::optional<QByteArray> digest = Core::sha256(file);
        if (!digest)
            return corrupt(QStringLiteral("cannot read the file"));
        const QString sha = QString::fromLatin1(digest->toHex());
        if (sha.compare(m.sha256, Qt::CaseInsensitive) != 0)
            return corrupt(QStringLiteral("sha256 %1, manifest %2").arg(sha, m.sha256));
    }
    {
        // A cut file: the header's page count (valid while the change counter matches the
        // version-valid-for number) times the page size must be the file's size.
        QFile file(m_partPath);
        const QByteArray header = file.open(QIODevice::ReadOnly) ? file.read(100) : QByteArray();
        auto be32 = [&header](int at) {
            return (quint32(quint8(header.at(at))) << 24)
                | (quint32(quint8(header.at(at + 1))) << 16)
                | (quint32(quint8(header.at(at + 2))) << 8) | quint32(quint8(header.at(at + 3)));
        };
        if (header.size() < 100 || !header.startsWith("SQLite format 3"))
            return corrupt(QStringLiteral("not an SQLite file"));
        const quint32 rawPage = (quint32(quint8(header.at(16))) << 8) | quint8(header.at(17));
        const qint64 pageSize = rawPage == 1 ? 65536 : rawPage;
        const qint64 pages = be32(28);
        if (be32(24) == be32(92) && pages > 0 && pages * pageSize != have)
            return corrupt(QStringLiteral("header says %1 pages of %2 bytes, file has %3 bytes")
                               .arg(pages)
                               .arg(pageSize)
                               .arg(have));
    }
    // Read-only, outside the cache: a file that is not SQLite or lacks the meta table fails
    // here without the cache ever attaching it.
    sqlite3 *file = nullptr;
    QString problem;
    if (sqlite3_open_v2(m_partPath.toUtf8().constData(), &file, SQLITE_OPEN_READONLY, nullptr)
        != SQLITE_OK) {
        problem = QString::fromUtf8(sqlite3_errmsg(file));
    } else {
        Sql meta(file, QStringLiteral("SELECT key, value FROM snapshot_meta"));
        if (!meta.ok())
            problem = meta.error();
        QHash<QString, QString> values;
        while (problem.isEmpty() && meta.step() == SQLITE_ROW)
            values.insert(meta.text(0), meta.text(1));
        if (problem.isEmpty() && !meta.ok())
            problem = meta.error();
        if (problem.isEmpty() && values.value(QStringLiteral("format")).toInt() != knownFormat)
            problem = QStringLiteral("snapshot_meta.format %1")
                          .arg(values.value(QStringLiteral("format")));
        if (problem.isEmpty() && values.value(QStringLiteral("cursor")).toLongLong() != m.cursor)
            problem = QStringLiteral("snapshot_meta.cursor %1, manifest %2")
                          .arg(values.value(QStringLiteral("cursor")))
                          .arg(m.cursor);
        for (const CopyTable &t : copyTables) {
            if (problem.isEmpty()
                && !tableExists(file, QStringLiteral("main"), QString::fromLatin1(t.source)))
                problem = QStringLiteral("no table %1").arg(QString::fromLatin1(t.source));
        }
    }
    sqlite3_close(file);
    if (!problem.isEmpty())
        return corrupt(problem);
    const Core::Status staged = m_db.transaction([&]() -> Core::Status {
        if (auto done = setValue(keyStage, stageStage); !done)
            return done;
        return setValue(keyRowsDone, QStringLiteral("0"));
    });
    if (!staged)
        return staged;
    m_progress.phase = BootstrapProgress::Phase::Stage;
    m_progress.rowsDone = 0;
    m_rateClock.start();
    m_rateStart = 0;
    m_progress.secondsLeft = -1;
    return Core::success();
}

Core::Status SnapshotLoader::attach()
{
    if (m_attached)
        return Core::success();
    sqlite3 *db = m_db.rawHandle();
    Sql attachIt(db, QStringLiteral("ATTACH DATABASE ?1 AS snap"));
    const QByteArray path = m_partPath.toUtf8();
    sqlite3_bind_text(attachIt.handle(), 1, path.constData(), int(path.size()), SQLITE_TRANSIENT);
    if (attachIt.step() != SQLITE_DONE)
        return failed(QStringLiteral("attach: ") + attachIt.error());
    m_attached = true;
    // The snapshot is read once from start to end: a small page cache and no map, so the
    // copy does not grow the tablet's resident memory.
    (void)exec(db, QStringLiteral("PRAGMA snap.cache_size=-2048"));
    (void)exec(db, QStringLiteral("PRAGMA snap.mmap_size=0"));
    return Core::success();
}

void SnapshotLoader::detach()
{
    if (!m_attached)
        return;
    if (sqlite3 *db = m_db.rawHandle())
        (void)exec(db, QStringLiteral("DETACH DATABASE snap"));
    m_attached = false;
}

Core::Status SnapshotLoader::dropTables(const QStringList &names)
{
    sqlite3 *db = m_db.rawHandle();
    for (const QString &table : names) {
        if (auto done = exec(db, QStringLiteral("DROP TABLE IF EXISTS main.%1").arg(q(table)));
            !done)
            return done;
    }
    return Core::success();
}

Core::Status SnapshotLoader::createNextTables()
{
    sqlite3 *db = m_db.rawHandle();
    return m_db.transaction([&]() -> Core::Status {
        // Leftovers of an attempt that stopped before its state was recorded.
        QStringList stale;
        for (const char *t : swapTables)
            stale << QString::fromLatin1(t) + QLatin1String("_next");
        if (auto done = dropTables(stale); !done)
            return done;
        QJsonArray movedIndexes;
        for (const char *t : swapTables) {
            const QString table = QString::fromLatin1(t);
            const QString next = table + QLatin1String("_next");
            QString tableSql;
            {
                Sql ddl(db,
                    QStringLiteral("SELECT sql FROM main.sqlite_master WHERE type = 'table' AND "
                                   "name = '%1'")
                        .arg(table));
                if (ddl.step() != SQLITE_ROW)
                    return failed(QStringLiteral("no table %1 in the cache").arg(table));
                tableSql = ddl.text(0);
            } // statements are finished before the schema changes
            if (auto done = exec(db, renamedDdl(tableSql, table, next, false)); !done)
                return done;
            // Explicit indexes keep their names (the next migration may name them): the old
            // table's go now (it stays correct, only its look-ups by them get slower until
            // the swap), the new table gets them empty, so they fill as rows arrive.
            QList<std::pair<QString, QString>> found;
            {
                Sql indexes(db,
                    QStringLiteral("SELECT name, sql FROM main.sqlite_master WHERE type = "
                                   "'index' AND tbl_name = '%1' AND sql IS NOT NULL")
                        .arg(table));
                while (indexes.step() == SQLITE_ROW)
                    found.append({ indexes.text(0), indexes.text(1) });
            }
            for (const auto &[index, sql] : found) {
                movedIndexes.append(QJsonArray { table, sql });
                if (auto done = exec(db, QStringLiteral("DROP INDEX main.%1").arg(q(index))); !done)
                    return done;
                if (auto done = exec(db, renamedDdl(sql, table, next, true)); !done)
                    return done;
            }
        }
        if (auto done = setValue(keyIndexes,
                QString::fromUtf8(QJsonDocument(movedIndexes).toJson(QJsonDocument::Compact)));
            !done)
            return done;
        return setValue(keyCreated, QStringLiteral("1"));
    });
}

Core::Result<bool> SnapshotLoader::stageStep()
{
    if (stage() != stageStage)
        return failed(QStringLiteral("stage %1, not staging").arg(stage()));
    m_progress.phase = BootstrapProgress::Phase::Stage;
    if (!m_rateClock.isValid()) {
        m_rateClock.start();
        m_rateStart = value(keyRowsDone).toLongLong();
    }
    if (downloadedBytes() != value(keySize).toLongLong()) {
        // The verified file went away (cleared by hand, another disk): from the start.
        abandon();
        return failed(QStringLiteral("the snapshot file is gone"));
    }
    if (value(keyCreated) != QLatin1String("1")) {
        QElapsedTimer took;
        took.start();
        if (auto done = createNextTables(); !done)
            return done.error();
        noteTransaction(took.elapsed(), QStringLiteral("create the _next tables"));
    }
    if (auto done = attach(); !done)
        return done.error();
    sqlite3 *db = m_db.rawHandle();
    // barcodes_next names "products" (the old table until the swap) in its foreign key: the
    // copy is checked as a whole by the snapshot's hash instead. Only this connection (the
    // sync worker's) goes without the check, and only during the chunk.
    (void)exec(db, QStringLiteral("PRAGMA foreign_keys=OFF"));
    struct Restore
    {
        sqlite3 *db;
        ~Restore() { (void)exec(db, QStringLiteral("PRAGMA foreign_keys=ON")); }
    } restore { db };
    for (const CopyTable &t : copyTables) {
        const QString source = QString::fromLatin1(t.source);
        const QString target = QString::fromLatin1(t.target);
        const QString copiedKey = copiedPrefix + target;
        const QString last = value(copiedKey);
        if (last == tableDone)
            continue;
        const QStringList keys = columnsOf(db, QStringLiteral("main"), target, true);
        if (keys.isEmpty())
            return failed(QStringLiteral("%1 has no primary key").arg(target));
        const QStringList sourceColumns = columnsOf(db, QStringLiteral("snap"), source, false);
        QStringList columns;
        QStringList selected;
        for (const QString &c : columnsOf(db, QStringLiteral("main"), target, false)) {
            if (sourceColumns.contains(c)) {
                columns.append(q(c));
                selected.append(q(c));
            } else if (source == QLatin1String("products") && c == QLatin1String("barcodes")) {
                // A snapshot of a server before schema v8 has no products.barcodes: the list
                // from its barcodes table (which still has the index by product).
                columns.append(q(c));
                selected.append(QStringLiteral(
                    "(SELECT json_group_array(b.code) FROM snap.barcodes b WHERE b.product_id = "
                    "products.id)"));
            }
        }
        QStringList keyList;
        QStringList keyDesc;
        QStringList params;
        for (qsizetype i = 0; i < keys.size(); ++i) {
            keyList.append(q(keys.at(i)));
            keyDesc.append(q(keys.at(i)) + QLatin1String(" DESC"));
            params.append(QStringLiteral("?%1").arg(i + 2));
        }
        QStringList lastKey;
        if (!last.isEmpty()) {
            for (const QJsonValue &v : QJsonDocument::fromJson(last.toUtf8()).array())
                lastKey.append(v.toString());
        }
        const QString where = lastKey.isEmpty()
            ? QString()
            : QStringLiteral(" WHERE (%1) > (%2)")
                  .arg(keyList.join(QLatin1Char(',')), params.join(QLatin1Char(',')));
        const QString copySql
            = QStringLiteral("INSERT INTO main.%1(%2) SELECT %3 FROM snap.%4%5 ORDER BY %6 "
                             "LIMIT ?1")
                  .arg(q(target), columns.join(QLatin1Char(',')), selected.join(QLatin1Char(',')),
                      q(source), where, keyList.join(QLatin1Char(',')));
        const int limit = chunkFor(target);
        QElapsedTimer took;
        took.start();
        qint64 copied = 0;
        const Core::Status done = m_db.transaction([&]() -> Core::Status {
            Sql copy(db, copySql);
            if (!copy.ok())
                return failed(copySql + QLatin1String(": ") + copy.error());
            sqlite3_bind_int(copy.handle(), 1, limit);
            for (qsizetype i = 0; i < lastKey.size(); ++i)
                bindValue(copy.handle(), int(i + 2), lastKey.at(i));
            if (copy.step() != SQLITE_DONE)
                return failed(copySql + QLatin1String(": ") + copy.error());
            copied = sqlite3_changes64(db);
            QString marker = tableDone;
            if (copied >= limit) {
                Sql lastRow(db,
                    QStringLiteral("SELECT %1 FROM main.%2 ORDER BY %3 LIMIT 1")
                        .arg(keyList.join(QLatin1Char(',')), q(target),
                            keyDesc.join(QLatin1Char(','))));
                if (lastRow.step() != SQLITE_ROW)
                    return failed(lastRow.error());
                QJsonArray key;
                for (int i = 0; i < keys.size(); ++i)
                    key.append(encodeValue(lastRow.handle(), i));
                marker = QString::fromUtf8(QJsonDocument(key).toJson(QJsonDocument::Compact));
            }
            if (auto set = setValue(copiedKey, marker); !set)
                return set;
            if (t.counted) {
                if (auto set = setValue(
                        keyRowsDone, QString::number(value(keyRowsDone).toLongLong() + copied));
                    !set)
                    return set;
            }
            return Core::success();
        });
        if (!done)
            return done.error();
        // Aim each transaction at targetMs: a sale on the GUI connection waits at most one.
        adapt(target, limit, copied, took.elapsed());
        checkpoint();
        if (t.counted) {
            m_progress.rowsDone += copied;
            updateRate(m_progress.rowsDone);
        }
        return false;
    }
    detach();
    return true;
}

int SnapshotLoader::chunkFor(const QString &table) const
{
    return m_chunks.value(table, qMin(firstChunkRows, chunkRows));
}

void SnapshotLoader::adapt(const QString &table, int limit, qint64 rows, qint64 ms)
{
    noteTransaction(ms, QStringLiteral("%1 %2 of %3 rows").arg(table).arg(rows).arg(limit));
    if (rows < limit)
        return; // the table's last chunk says little about the next table
    // Proportional to the rows per ms just seen, never more than doubling (the next rows of a
    // table may be wider: the FTS index's segments, products with long descriptions).
    const qint64 fit = qint64(limit) * targetMs / qMax<qint64>(ms, 1);
    m_chunks.insert(
        table, int(qBound(qint64(100), qMin(fit, qint64(limit) * 2), qint64(chunkRows))));
}

void SnapshotLoader::noteTransaction(qint64 ms, const QString &what)
{
    if (ms <= m_longestMs)
        return;
    m_longestMs = ms;
    m_longestWhat = what;
}

void SnapshotLoader::checkpoint()
{
    // The chunks' pages go from the WAL into the file here, on the sync thread and without
    // the write lock. Otherwise the connection whose commit finds the WAL past its
    // auto-checkpoint size does it — often a sale, which then waits for megabytes of catalog.
    (void)exec(m_db.rawHandle(), QStringLiteral("PRAGMA main.wal_checkpoint(PASSIVE)"));
}

Core::Status SnapshotLoader::swap()
{
    if (stage() != stageStage)
        return failed(QStringLiteral("stage %1, cannot swap").arg(stage()));
    for (const CopyTable &t : copyTables) {
        if (value(copiedPrefix + QString::fromLatin1(t.target)) != tableDone)
            return failed(QStringLiteral("%1 not staged").arg(QString::fromLatin1(t.target)));
    }
    detach();
    m_progress.phase = BootstrapProgress::Phase::Swap;
    sqlite3 *db = m_db.rawHandle();
    const qint64 cursor = value(keyCursor).toLongLong();
    // Renames must not rewrite the foreign keys that name "products": barcodes_next points at
    // "products" already and the old barcodes may keep pointing there until it is dropped.
    // Both pragmas only take effect outside a transaction.
    (void)exec(db, QStringLiteral("PRAGMA foreign_keys=OFF"));
    (void)exec(db, QStringLiteral("PRAGMA legacy_alter_table=ON"));
    QElapsedTimer took;
    took.start();
    const Core::Status done = m_db.transaction([&]() -> Core::Status {
        QStringList all;
        for (const char *t : swapTables)
            all << QString::fromLatin1(t);
        for (const QString &table : all) {
            // A small old table (a new tablet's, or a cache of a few products) is dropped here:
            // a DROP frees few pages and updates the schema in place, where every rename
            // reparses all of it (about 3 ms each). A big one is renamed and emptied in chunks
            // by the clean-up, so this transaction stays short either way.
            bool small = false;
            {
                Sql rows(db,
                    QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM main.%1 LIMIT %2)")
                        .arg(q(table))
                        .arg(swapDropRows + 1));
                if (rows.step() != SQLITE_ROW)
                    return failed(rows.error());
                small = sqlite3_column_int64(rows.handle(), 0) <= swapDropRows;
            }
            const QString sql = small ? QStringLiteral("DROP TABLE main.%1").arg(q(table))
                                      : QStringLiteral("ALTER TABLE main.%1 RENAME TO %2")
                                            .arg(q(table), q(table + QLatin1String("_old")));
            if (auto r = exec(db, sql); !r)
                return r;
        }
        for (const QString &table : all) {
            if (auto r = exec(db,
                    QStringLiteral("ALTER TABLE main.%1 RENAME TO %2")
                        .arg(q(table + QLatin1String("_next")), q(table)));
                !r)
                return r;
        }
        if (auto r = Store::FeedCursors(m_db).setCursor(Store::FeedCursors::catalog, cursor); !r)
            return r;
        if (auto r = setValue(keyOnly, QStringLiteral("0")); !r)
            return r;
        return setValue(keyStage, stageSwapped);
    });
    noteTransaction(took.elapsed(), QStringLiteral("swap"));
    (void)exec(db, QStringLiteral("PRAGMA legacy_alter_table=OFF"));
    (void)exec(db, QStringLiteral("PRAGMA foreign_keys=ON"));
    checkpoint();
    return done;
}

Core::Status SnapshotLoader::markPulled()
{
    return m_db.transaction([this] { return setValue(keyStage, stageCleanup); });
}

Core::Result<bool> SnapshotLoader::cleanupStep()
{
    if (stage() != stageCleanup)
        return failed(QStringLiteral("stage %1, not cleaning up").arg(stage()));
    sqlite3 *db = m_db.rawHandle();
    // Children first: barcodes_old still names "products" in its foreign key.
    QList<std::pair<QString, QString>> tables;
    for (const char *t : swapTables)
        tables.append({ QString::fromLatin1(t) + QLatin1String("_old"), QStringLiteral("1") });
    std::swap(tables[0], tables[2]); // barcodes, products, locations, stock, …
    for (const auto &[table, filter] : tables) {
        if (!tableExists(db, QStringLiteral("main"), table))
            continue;
        const QStringList keys = columnsOf(db, QStringLiteral("main"), table, true);
        const int limit = chunkFor(table);
        qint64 rows = 0;
        {
            Sql count(db,
                QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM main.%1 WHERE %2 LIMIT %3)")
                    .arg(q(table), filter)
                    .arg(limit + 1));
            if (count.step() != SQLITE_ROW)
                return failed(count.error());
            rows = sqlite3_column_int64(count.handle(), 0);
        }
        if (rows == 0)
            continue; // dropped below, after the children
        QStringList keyList;
        for (const QString &k : keys)
            keyList.append(q(k));
        const QString key
            = keyList.isEmpty() ? QStringLiteral("rowid") : keyList.join(QLatin1Char(','));
        const QString sql = rows <= limit
            ? QStringLiteral("DELETE FROM main.%1 WHERE %2").arg(q(table), filter)
            : QStringLiteral("DELETE FROM main.%1 WHERE %3 AND (%2) <= (SELECT %2 FROM main.%1 "
                             "WHERE %3 ORDER BY %2 LIMIT 1 OFFSET %4)")
                  .arg(q(table), key, filter)
                  .arg(limit - 1);
        QElapsedTimer took;
        took.start();
        if (auto done = m_db.transaction([&] { return exec(db, sql); }); !done)
            return done.error();
        adapt(table, limit, qMin<qint64>(rows, limit), took.elapsed());
        checkpoint();
        return false;
    }
    // Everything is empty: the tables go in one short transaction.
    const Core::Status dropped = m_db.transaction([&]() -> Core::Status {
        QStringList old;
        for (const auto &entry : tables)
            old << entry.first;
        if (auto done = dropTables(old); !done)
            return done;
        return clearState();
    });
    if (!dropped)
        return dropped.error();
    QFile::remove(m_partPath);
    m_progress = {};
    return true;
}

void SnapshotLoader::abandon()
{
    detach();
    const QString now = stage();
    if (now == stageSwapped || now == stageCleanup)
        return; // the snapshot is the catalog now: only finishing is left
    sqlite3 *db = m_db.rawHandle();
    const QString indexes = value(keyIndexes);
    (void)m_db.transaction([&]() -> Core::Status {
        QStringList next;
        for (const char *t : swapTables)
            next << QString::fromLatin1(t) + QLatin1String("_next");
        if (auto done = dropTables(next); !done)
            return done;
        // The old tables get back the indexes that moved to the staged ones.
        for (const QJsonValue &entry : QJsonDocument::fromJson(indexes.toUtf8()).array()) {
            const QString sql = entry.toArray().at(1).toString();
            if (auto done = exec(db, sql); !done)
                return done;
        }
        return clearState();
    });
    QFile::remove(m_partPath);
    m_progress = {};
}

BootstrapProgress SnapshotLoader::progress() const
{
    return m_progress;
}

} // namespace Toonbank::Sync::Client
