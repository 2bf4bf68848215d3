#include "snapshotbuilder.h"

#include "serverdatabase.h"

#include "app/core/digest.h"
#include "app/core/pickup.h"
#include "app/store/catalogtypes.h"
#include "app/store/catalogwriter.h"
#include "app/store/localdatabase.h"
#include "sync/protocol/changefeed.h"
#include "sync/protocol/storerecords.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <fcntl.h>
#include <unistd.h>

#include <functional>

namespace Toonbank::Sync::Server {

using Core::Error;

namespace {

Error buildError(const QString &detail)
{
    return Error::make(
        QStringLiteral("snapshot.build"), QStringLiteral("the catalog snapshot failed"), detail);
}

QString isoTime(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}

using Protocol::toStore;

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
qint64 daysFromCivil(int y, int m, int d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = int(y - era * 400);
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/// The stock rows' as_of ("2026-11-29T14:03:00.000Z", the server's isoTime): 13 million of
/// them in a chain snapshot, so the common UTC form is read by hand; anything else (an offset)
/// goes through QDateTime.
QDateTime parseAsOf(const QString &text)
{
    const QChar *c = text.constData();
    const qsizetype n = text.size();
    auto digits = [&](qsizetype at, int count, int *value) {
        int v = 0;
        for (int i = 0; i < count; ++i) {
            if (at + i >= n)
                return false;
            const char16_t u = c[at + i].unicode();
            if (u < u'0' || u > u'9')
                return false;
            v = v * 10 + (u - u'0');
        }
        *value = v;
        return true;
    };
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    const bool shape = n >= 20 && digits(0, 4, &y) && c[4] == QLatin1Char('-') && digits(5, 2, &mo)
        && c[7] == QLatin1Char('-') && digits(8, 2, &d) && c[10] == QLatin1Char('T')
        && digits(11, 2, &h) && c[13] == QLatin1Char(':') && digits(14, 2, &mi)
        && c[16] == QLatin1Char(':') && digits(17, 2, &s);
    qsizetype at = 19;
    if (shape && at < n && c[at] == QLatin1Char('.')) {
        ++at;
        while (at < n && c[at].isDigit())
            ++at;
    }
    if (shape && at == n - 1 && c[at] == QLatin1Char('Z') && mo >= 1 && mo <= 12 && d >= 1
        && d <= 31 && h < 24 && mi < 60 && s < 61) {
        const qint64 secs = daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
        return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC);
    }
    return QDateTime::fromString(text, Qt::ISODateWithMs);
}

/// Runs `sql` and hands each row to `row`, never holding the result whole: SQLite steps a
/// forward-only statement; PostgreSQL reads a server-side cursor in pages (inside the open
/// REPEATABLE READ transaction).
Core::Status forEachRow(ServerDatabase &db, const QString &sql,
    const std::function<Core::Status(const QSqlQuery &)> &row)
{
    if (db.dialect() == Dialect::Sqlite) {
        auto query = db.exec(sql);
        if (!query)
            return query.error();
        QSqlQuery &q = query.value();
        while (q.next()) {
            if (Core::Status done = row(q); !done)
                return done;
        }
        if (q.lastError().isValid())
            return ServerDatabase::dbError(q.lastError(), sql.left(80));
        return Core::success();
    }
    if (auto declared
        = db.exec(QStringLiteral("DECLARE toonbank_snapshot NO SCROLL CURSOR FOR ") + sql);
        !declared)
        return declared.error();
    for (;;) {
        auto page = db.exec(QStringLiteral("FETCH FORWARD 10000 FROM toonbank_snapshot"));
        if (!page)
            return page.error();
        int rows = 0;
        QSqlQuery &q = page.value();
        while (q.next()) {
            ++rows;
            if (Core::Status done = row(q); !done)
                return done;
        }
        if (rows == 0)
            break;
    }
    if (auto closed = db.exec(QStringLiteral("CLOSE toonbank_snapshot")); !closed)
        return closed.error();
    return Core::success();
}

/// The consistent read: BEGIN on SQLite (WAL: the first read fixes what the transaction
/// sees), REPEATABLE READ on PostgreSQL; always ended by ROLLBACK (nothing is written).
class ReadTransaction
{
public:
    explicit ReadTransaction(ServerDatabase &db)
        : m_db(db)
    { }
    ~ReadTransaction()
    {
        if (m_open)
            (void)m_db.exec(QStringLiteral("ROLLBACK"));
    }
    Core::Status begin()
    {
        auto begun = m_db.exec(m_db.dialect() == Dialect::Postgres
                ? QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                : QStringLiteral("BEGIN DEFERRED"));
        if (!begun)
            return begun.error();
        m_open = true;
        return Core::success();
    }
    void end()
    {
        if (m_open)
            (void)m_db.exec(QStringLiteral("ROLLBACK"));
        m_open = false;
    }

private:
    ServerDatabase &m_db;
    bool m_open = false;
};

Core::Status execLocal(
    Store::LocalDatabase &db, const QString &sql, const QVariantList &params = {})
{
    QSqlQuery q(db.connection());
    if (!q.prepare(sql))
        return buildError(q.lastError().text());
    for (const QVariant &value : params)
        q.addBindValue(value);
    if (!q.exec())
        return buildError(sql.left(60) + QStringLiteral(": ") + q.lastError().text());
    return Core::success();
}

bool syncPath(const QString &path, bool directory)
{
    const int fd = ::open(
        QFile::encodeName(path).constData(), directory ? (O_RDONLY | O_DIRECTORY) : O_RDONLY);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

void removeCacheFiles(const QString &path)
{
    for (const QString &suffix :
        { QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal") })
        QFile::remove(path + suffix);
}

struct Counts
{
    qint64 locations = 0;
    qint64 products = 0;
    qint64 barcodes = 0;
    qint64 stock = 0;
    qint64 total() const { return locations + products + barcodes + stock; }
};

/// Everything inside the read transaction and the cache's write transaction.
Core::Status copyCatalog(ServerDatabase &db, Store::LocalDatabase &cache, const QDateTime &builtAt,
    qint64 *cursor, Counts *counts)
{
    ReadTransaction read(db);
    if (auto begun = read.begin(); !begun)
        return begun;
    // The first read fixes the transaction's view: the head it sees is exactly the feed the
    // rows below belong to (writers reserve their sequence first and hold the row lock until
    // they commit).
    {
        auto head = db.exec(QStringLiteral("SELECT seq FROM feed_head WHERE id = 1"));
        if (!head)
            return head.error();
        if (!head.value().next())
            return buildError(QStringLiteral("feed head missing"));
        *cursor = head.value().value(0).toLongLong();
    }

    Store::CatalogWriter writer(cache);
    if (auto begun = writer.begin(); !begun)
        return begun;

    Core::Status status = forEachRow(db,
        QStringLiteral("SELECT id, code, name, kind, address, city, country, latitude, longitude, "
                       "cash_rounding, vat_number FROM locations ORDER BY id"),
        [&](const QSqlQuery &q) {
            Protocol::LocationData l { q.value(0).toLongLong(), q.value(1).toString(),
                q.value(2).toString(), q.value(3).toString(), q.value(4).toString(),
                q.value(5).toString(), q.value(6).toString(), q.value(7).toDouble(),
                q.value(8).toDouble(), q.value(9).toInt() != 0, q.value(10).toString() };
            ++counts->locations;
            return writer.upsertLocation(toStore(l));
        });
    if (!status)
        return status;

    status = forEachRow(
        db, QStringLiteral("SELECT id, data FROM products ORDER BY id"), [&](const QSqlQuery &q) {
            QJsonParseError parseError;
            const QJsonDocument doc
                = QJsonDocument::fromJson(q.value(1).toString().toUtf8(), &parseError);
            if (!doc.isObject())
                return Core::Status(Error::make(QStringLiteral("snapshot.product"),
                    QStringLiteral("a stored product does not read"),
                    QStringLiteral("product %1: %2")
                        .arg(q.value(0).toLongLong())
                        .arg(parseError.errorString())));
            auto product = Protocol::productFromJson(doc.object(), Protocol::Reading::Tolerant);
            if (!product)
                return Core::Status(Error::make(QStringLiteral("snapshot.product"),
                    QStringLiteral("a stored product does not read"),
                    QStringLiteral("product %1: %2")
                        .arg(q.value(0).toLongLong())
                        .arg(product.error().detail)));
            ++counts->products;
            counts->barcodes += product->barcodes.size();
            return writer.upsertProduct(toStore(product.value()));
        });
    if (!status)
        return status;

    // Available figures: what a tablet may promise is what is not held for someone else.
    QString lastAsOfText;
    QDateTime lastAsOf;
    status = forEachRow(db,
        QStringLiteral("SELECT product_id, location_id, quantity, as_of, held FROM stock "
                       "ORDER BY product_id, location_id"),
        [&](const QSqlQuery &q) {
            const QString asOfText = q.value(3).toString();
            if (asOfText != lastAsOfText) {
                lastAsOfText = asOfText;
                lastAsOf = parseAsOf(asOfText);
            }
            const qint64 available
                = Core::availableQuantity(q.value(2).toLongLong(), q.value(4).toLongLong());
            ++counts->stock;
            return writer.setStock(q.value(0).toLongLong(), q.value(1).toLongLong(),
                int(std::clamp<qint64>(
                    available, std::numeric_limits<int>::min(), std::numeric_limits<int>::max())),
                lastAsOf);
        });
    if (!status)
        return status;
    read.end();

    // snapshot_meta in the same transaction as the rows: the file is whole or not at all.
    if (auto made = execLocal(cache,
            QStringLiteral(
                "CREATE TABLE snapshot_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)"));
        !made)
        return made;
    const QList<QPair<QString, QString>> meta {
        { QStringLiteral("format"), QString::number(SnapshotBuilder::format) },
        { QStringLiteral("cursor"), QString::number(*cursor) },
        { QStringLiteral("built_at"), isoTime(builtAt) },
        { QStringLiteral("row_count"), QString::number(counts->total()) },
    };
    for (const auto &[key, value] : meta) {
        if (auto put = execLocal(cache,
                QStringLiteral("INSERT INTO snapshot_meta(key, value) VALUES (?, ?)"),
                { key, value });
            !put)
            return put;
    }
    return writer.commit();
}

} // namespace

Core::Result<SnapshotInfo> SnapshotBuilder::build(
    ServerDatabase &database, const QString &dataDir, const Core::Clock &clock)
{
    const QString dirPath = Snapshots::directory(dataDir);
    if (!QDir().mkpath(dirPath))
        return buildError(QStringLiteral("cannot create %1").arg(dirPath));
    const QDir dir(dirPath);
    // What a killed build left behind (no build runs for hours; another instance's current
    // one is younger).
    for (const QFileInfo &stale :
        dir.entryInfoList({ QStringLiteral(".building-*") }, QDir::Files | QDir::Hidden)) {
        if (stale.lastModified().secsTo(QDateTime::currentDateTimeUtc()) > 6 * 3600)
            QFile::remove(stale.filePath());
    }
    const QString temp = dir.filePath(QStringLiteral(".building-")
        + QUuid::createUuid().toString(QUuid::Id128) + QStringLiteral(".sqlite"));
    removeCacheFiles(temp);
    const QDateTime builtAt = clock.nowUtc();

    qint64 cursor = 0;
    Counts counts;
    {
        auto opened
            = Store::LocalDatabase::open(temp, Store::LocalDatabase::OpenMode::CreateIfMissing);
        if (!opened)
            return opened.error();
        std::unique_ptr<Store::LocalDatabase> cache = std::move(opened).value();
        // A fresh file that is deleted when anything fails: no journal needed while loading
        // (as toonbank-demogen writes a cache).
        Core::Status status = execLocal(*cache, QStringLiteral("PRAGMA journal_mode=OFF"));
        if (status)
            status = execLocal(*cache, QStringLiteral("PRAGMA synchronous=OFF"));
        if (status)
            status = copyCatalog(database, *cache, builtAt, &cursor, &counts);
        // A rollback journal, not WAL: the tablet downloads one self-contained file.
        if (status)
            status = execLocal(*cache, QStringLiteral("PRAGMA journal_mode=DELETE"));
        if (!status) {
            cache.reset();
            removeCacheFiles(temp);
            return status.error();
        }
    }
    for (const QString &suffix : { QStringLiteral("-wal"), QStringLiteral("-shm") })
        QFile::remove(temp + suffix);

    // On disk before it is named and recorded.
    if (!syncPath(temp, false)) {
        removeCacheFiles(temp);
        return buildError(QStringLiteral("fsync %1 failed").arg(temp));
    }
    QFile file(temp);
    if (!file.open(QIODevice::ReadOnly)) {
        removeCacheFiles(temp);
        return buildError(QStringLiteral("cannot read back %1").arg(temp));
    }
    const std::optional<QByteArray> digest = Core::sha256(file);
    if (!digest) {
        removeCacheFiles(temp);
        return buildError(QStringLiteral("cannot hash %1").arg(temp));
    }
    const qint64 size = file.size();
    file.close();
    const QString sha = QString::fromLatin1(digest->toHex());
    const QString name = QStringLiteral("catalog-%1-%2.sqlite").arg(cursor).arg(sha.left(8));
    const QString finalPath = dir.filePath(name);
    if (QFile::exists(finalPath))
        QFile::remove(temp); // the same bytes are there already
    else if (!QFile::rename(temp, finalPath)) {
        removeCacheFiles(temp);
        return buildError(QStringLiteral("cannot rename %1 to %2").arg(temp, finalPath));
    }
    (void)syncPath(dirPath, true);

    SnapshotInfo info;
    info.snapshotId = sha;
    info.cursor = cursor;
    info.fileName = name;
    info.sizeBytes = size;
    info.sha256 = sha;
    info.rowCount = counts.total();
    info.builtAt = builtAt;
    info.instance = Snapshots::instanceName(dataDir);
    Core::Status recorded = database.transaction([&]() -> Core::Status {
        auto done = database.exec(
            QStringLiteral("INSERT INTO snapshots(snapshot_id, cursor, file_name, size_bytes, "
                           "sha256, row_count, built_at, instance) VALUES (?, ?, ?, ?, ?, ?, ?, "
                           "?) ON CONFLICT(snapshot_id) DO NOTHING"),
            { info.snapshotId, info.cursor, info.fileName, info.sizeBytes, info.sha256,
                info.rowCount, isoTime(info.builtAt), info.instance });
        if (!done)
            return done.error();
        return Core::success();
    });
    if (!recorded)
        return recorded.error();

    // Keep the newest `keep` of this instance; the rows of files gone from disk go too.
    auto all = Snapshots::rows(database, dataDir);
    if (!all)
        return all.error();
    int kept = 0;
    for (const SnapshotInfo &old : all.value()) {
        const QString path = dir.filePath(old.fileName);
        const bool onDisk = QFile::exists(path);
        if (onDisk && kept < keep) {
            ++kept;
            continue;
        }
        if (old.snapshotId == info.snapshotId)
            continue;
        if (onDisk && !QFile::remove(path))
            continue; // try again after the next build
        auto removed = database.exec(
            QStringLiteral("DELETE FROM snapshots WHERE snapshot_id = ? AND instance = ?"),
            { old.snapshotId, old.instance });
        if (!removed)
            return removed.error();
    }
    return info;
}

Core::Result<bool> SnapshotBuilder::due(
    ServerDatabase &database, const QString &dataDir, const QDateTime &nowUtc)
{
    auto found = Snapshots::list(database, dataDir);
    if (!found)
        return found.error();
    if (found->isEmpty())
        return true;
    const SnapshotInfo &newest = found->constFirst();
    if (!newest.builtAt.isValid() || newest.builtAt.secsTo(nowUtc) > maxAgeSecs)
        return true;
    qint64 rebuildRows = defaultRebuildRows;
    {
        auto setting = database.exec(
            QStringLiteral("SELECT value FROM chain_settings WHERE key = 'snapshot.rebuild_rows'"));
        if (!setting)
            return setting.error();
        if (setting.value().next()) {
            bool ok = false;
            const qint64 value = setting.value().value(0).toString().toLongLong(&ok);
            if (ok && value >= 0)
                rebuildRows = value;
        }
    }
    auto head = database.exec(QStringLiteral("SELECT seq FROM feed_head WHERE id = 1"));
    if (!head)
        return head.error();
    const qint64 seq = head.value().next() ? head.value().value(0).toLongLong() : 0;
    return seq - newest.cursor > rebuildRows;
}

SnapshotRebuilder::SnapshotRebuilder(
    QString databaseSpec, QString dataDir, qint64 intervalMs, QObject *parent)
    : QThread(parent)
    , m_spec(std::move(databaseSpec))
    , m_dataDir(std::move(dataDir))
    , m_intervalMs(intervalMs)
{ }

SnapshotRebuilder::~SnapshotRebuilder()
{
    stop();
}

void SnapshotRebuilder::stop()
{
    m_stop = true;
    if (isRunning())
        wait();
}

void SnapshotRebuilder::run()
{
    auto database = ServerDatabase::open(m_spec, m_dataDir);
    if (!database) {
        qWarning("snapshot: cannot open the database (%s); no catalog snapshot is built",
            qPrintable(database.error().detail));
        return;
    }
    while (!m_stop) {
        auto due = SnapshotBuilder::due(
            *database.value(), m_dataDir, Core::SystemClock::instance().nowUtc());
        if (!due) {
            qWarning("snapshot: %s", qPrintable(due.error().detail));
        } else if (due.value()) {
            auto built = SnapshotBuilder::build(*database.value(), m_dataDir);
            if (built)
                qInfo("snapshot: built %s (cursor %lld, %lld rows, %lld bytes)",
                    qPrintable(built->fileName), built->cursor, built->rowCount, built->sizeBytes);
            else
                qWarning("snapshot: %s (%s)", qPrintable(built.error().message),
                    qPrintable(built.error().detail));
        }
        for (qint64 slept = 0; slept < m_intervalMs && !m_stop; slept += 100)
            QThread::msleep(100);
    }
}

} // namespace Toonbank::Sync::Server
