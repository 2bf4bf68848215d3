#pragma once

#include "apiserver.h"

#include "app/core/result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace Toonbank::Sync::Server {

class ServerDatabase;

/// One catalog snapshot file of this instance (a row of the `snapshots` table).
struct SnapshotInfo
{
    QString snapshotId; // = sha256 (hex) of the file
    qint64 cursor = 0;
    QString fileName; // inside Snapshots::directory()
    qint64 sizeBytes = 0;
    QString sha256;
    qint64 rowCount = 0;
    QDateTime builtAt;
    QString instance;
};

/// Where an instance keeps its snapshots and how it finds them again. An instance is the host
/// and its data folder: behind haproxy each instance serves only the files it has on disk.
namespace Snapshots {
/// "<host>:<absolute data dir>".
QString instanceName(const QString &dataDir);
/// `<dataDir>/snapshots`.
QString directory(const QString &dataDir);
/// This instance's snapshots whose file is on disk, newest (highest cursor) first.
Core::Result<QList<SnapshotInfo>> list(ServerDatabase &database, const QString &dataDir);
/// Every row of this instance (file on disk or not), newest first: for pruning.
Core::Result<QList<SnapshotInfo>> rows(ServerDatabase &database, const QString &dataDir);
} // namespace Snapshots

/// GET /v1/snapshot (the manifest of the newest snapshot this instance holds) and
/// GET /v1/snapshot/file?id=SHA (the file in slices of at most 8 MiB, HTTP Range).
class SnapshotController final
{
public:
    /// The largest slice one answer carries (a larger or open range is cut to it).
    static constexpr qint64 maxSliceBytes = 8 * 1024 * 1024;

    SnapshotController(ServerDatabase &database, QString dataDir);

    /// 200 Protocol::SnapshotManifest; 404 `snapshot.none` while this instance has none.
    ApiReply manifest(const ApiRequest &request);
    /// 206 with Content-Range and application/vnd.sqlite3; without Range the first slice (also
    /// 206); 416 for a range that starts past the end; 404 `snapshot.gone` for an unknown id.
    ApiReply file(const ApiRequest &request);

private:
    ServerDatabase &m_db;
    QString m_dataDir;
};

} // namespace Toonbank::Sync::Server
