#include "snapshotcontroller.h"

#include "serverdatabase.h"

#include "app/store/localdatabase.h"
#include "sync/protocol/stockelsewhere.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostInfo>
#include <QRegularExpression>
#include <QUrlQuery>

namespace Toonbank::Sync::Server {

namespace Snapshots {

QString instanceName(const QString &dataDir)
{
    return QHostInfo::localHostName() + QLatin1Char(':') + QDir(dataDir).absolutePath();
}

QString directory(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("snapshots"));
}

Core::Result<QList<SnapshotInfo>> rows(ServerDatabase &database, const QString &dataDir)
{
    auto query = database.exec(
        QStringLiteral("SELECT snapshot_id, cursor, file_name, size_bytes, sha256, row_count, "
                       "built_at, instance FROM snapshots WHERE instance = ? "
                       "ORDER BY cursor DESC, built_at DESC"),
        { instanceName(dataDir) });
    if (!query)
        return query.error();
    QList<SnapshotInfo> found;
    QSqlQuery &q = query.value();
    while (q.next()) {
        SnapshotInfo info;
        info.snapshotId = q.value(0).toString();
        info.cursor = q.value(1).toLongLong();
        info.fileName = q.value(2).toString();
        info.sizeBytes = q.value(3).toLongLong();
        info.sha256 = q.value(4).toString();
        info.rowCount = q.value(5).toLongLong();
        info.builtAt = QDateTime::fromString(q.value(6).toString(), Qt::ISODateWithMs);
        info.instance = q.value(7).toString();
        found.append(info);
    }
    return found;
}

Core::Result<QList<SnapshotInfo>> list(ServerDatabase &database, const QString &dataDir)
{
    auto all = rows(database, dataDir);
    if (!all)
        return all.error();
    const QDir dir(directory(dataDir));
    QList<SnapshotInfo> onDisk;
    for (const SnapshotInfo &info : all.value()) {
        const QFileInfo file(dir.filePath(info.fileName));
        if (file.isFile() && file.size() == info.sizeBytes)
            onDisk.append(info);
    }
    return onDisk;
}

} // namespace Snapshots

namespace {

ApiReply internal(const Core::Error &error)
{
    return ApiReply::error(ApiError::fromCore(ApiErrorKind::Internal, error));
}

ApiReply gone()
{
    return ApiReply::error({ ApiErrorKind::NotFound, QStringLiteral("snapshot.gone"),
        QStringLiteral("this server does not hold that snapshot (any more): ask for the "
                       "manifest again") });
}

struct ByteRange
{
    qint64 first = 0;
    qint64 last = -1; // -1: open ("bytes=a-")
    qint64 suffix = -1; // "bytes=-n": the last n bytes
};

/// "bytes=a-b", "bytes=a-" or "bytes=-n" (one range only); nullopt when malformed.
std::optional<ByteRange> parseRange(const QByteArray &header)
{
    static const QRegularExpression form(QStringLiteral(R"(^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$)"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = form.match(QString::fromLatin1(header));
    if (!match.hasMatch())
        return std::nullopt;
    const QString a = match.captured(1);
    const QString b = match.captured(2);
    ByteRange range;
    bool ok = true;
    if (a.isEmpty()) {
        if (b.isEmpty())
            return std::nullopt;
        range.suffix = b.toLongLong(&ok);
        return ok ? std::optional(range) : std::nullopt;
    }
    range.first = a.toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    if (!b.isEmpty()) {
        range.last = b.toLongLong(&ok);
        if (!ok || range.last < range.first)
            return std::nullopt;
    }
    return range;
}

} // namespace

SnapshotController::SnapshotController(ServerDatabase &database, QString dataDir)
    : m_db(database)
    , m_dataDir(std::move(dataDir))
{ }

ApiReply SnapshotController::manifest(const ApiRequest &)
{
    if (m_dataDir.isEmpty())
        return ApiReply::error({ ApiErrorKind::NotFound, QStringLiteral("snapshot.none"),
            QStringLiteral("no catalog snapshot on this server") });
    auto found = Snapshots::list(m_db, m_dataDir);
    if (!found)
        return internal(found.error());
    if (found->isEmpty())
        return ApiReply::error({ ApiErrorKind::NotFound, QStringLiteral("snapshot.none"),
            QStringLiteral("no catalog snapshot built yet: use the change feed") });
    const SnapshotInfo &newest = found->constFirst();
    Protocol::SnapshotManifest m;
    m.snapshotId = newest.snapshotId;
    m.format = 1;
    m.cursor = newest.cursor;
    m.sizeBytes = newest.sizeBytes;
    m.sha256 = newest.sha256;
    m.rowCount = newest.rowCount;
    m.builtAt = newest.builtAt;
    m.cacheSchemaVersion = Store::LocalDatabase::currentSchemaVersion;
    return ApiReply::json(Protocol::toJson(m));
}

ApiReply SnapshotController::file(const ApiRequest &request)
{
    const QUrlQuery query(request.http.url());
    const QString id = query.queryItemValue(QStringLiteral("id"));
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    if (m_dataDir.isEmpty() || !hex.match(id).hasMatch())
        return gone();
    auto found = Snapshots::list(m_db, m_dataDir);
    if (!found)
        return internal(found.error());
    const auto it = std::find_if(found->cbegin(), found->cend(),
        [&id](const SnapshotInfo &info) { return info.snapshotId == id; });
    if (it == found->cend())
        return gone();

    QFile file(QDir(Snapshots::directory(m_dataDir)).filePath(it->fileName));
    if (!file.open(QIODevice::ReadOnly))
        return gone(); // pruned between the lookup and now
    const qint64 size = file.size();

    qint64 first = 0;
    qint64 last = std::min(size, maxSliceBytes) - 1;
    const QByteArray header = request.http.value("Range");
    if (!header.isEmpty()) {
        const std::optional<ByteRange> range = parseRange(header);
        if (!range)
            return ApiReply::error({ ApiErrorKind::BadRequest, QStringLiteral("http.range"),
                QStringLiteral("Range must be bytes=first-last (one range)") });
        if (range->suffix >= 0) {
            first = std::max<qint64>(0, size - range->suffix);
            last = size - 1;
        } else {
            first = range->first;
            last = range->last < 0 ? size - 1 : std::min(range->last, size - 1);
        }
        if (first >= size || (range->suffix == 0)) {
            ApiReply reply = ApiReply::error({ ApiErrorKind::BadRequest,
                QStringLiteral("http.range_unsatisfiable"),
                QStringLiteral("the range starts past the end of the %1-byte file").arg(size) });
            reply.status = 416;
            reply.headers.append({ QByteArrayLiteral("Content-Range"),
                QByteArrayLiteral("bytes */") + QByteArray::number(size) });
            return reply;
        }
        last = std::min(last, first + maxSliceBytes - 1);
    }

    ApiReply reply;
    reply.status = 206;
    reply.contentType = QByteArrayLiteral("application/vnd.sqlite3");
    reply.cacheControl = QByteArrayLiteral("no-cache");
    if (!file.seek(first))
        return internal(Core::Error::make(QStringLiteral("snapshot.read"),
            QStringLiteral("cannot read the snapshot"), file.errorString()));
    reply.body = file.read(last - first + 1);
    if (reply.body.size() != last - first + 1)
        return internal(Core::Error::make(QStringLiteral("snapshot.read"),
            QStringLiteral("cannot read the snapshot"),
            QStringLiteral("short read: %1").arg(file.errorString())));
    reply.headers.append({ QByteArrayLiteral("Content-Range"),
        QByteArrayLiteral("bytes ") + QByteArray::number(first) + '-' + QByteArray::number(last)
            + '/' + QByteArray::number(size) });
    reply.headers.append({ QByteArrayLiteral("Accept-Ranges"), QByteArrayLiteral("bytes") });
    reply.headers.append({ QByteArrayLiteral("ETag"), '"' + id.toLatin1() + '"' });
    return reply;
}

} // namespace Toonbank::Sync::Server
