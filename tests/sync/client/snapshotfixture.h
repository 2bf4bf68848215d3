#pragma once
// Shared by the snapshot tests: a snapshot file as the server writes one, and a tiny HTTP
// server for the endpoints a first sync uses (/v1/snapshot, /v1/snapshot/file with Range,
// /v1/changes), counting what it sends. No toonbank-server needed.

#include "app/store/demochain.h"
#include "app/store/localdatabase.h"
#include "sync/client/snapshotloader.h"
#include "sync/protocol/changefeed.h"
#include "sync/protocol/stockelsewhere.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>
#include <QUrlQuery>

namespace Toonbank::Tests::SnapshotFixture {

using Sync::Client::SnapshotLoader;
using Sync::Protocol::SnapshotManifest;

struct Snapshot
{
    QString path;
    QByteArray bytes;
    SnapshotManifest manifest;
    qint64 locations = 0;
    qint64 products = 0;
    qint64 barcodes = 0;
    qint64 stock = 0;
    QString aBarcode; // of some product in it
    QString aName; // that product's name
};

inline qint64 count(Store::LocalDatabase &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

inline QString text(Store::LocalDatabase &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    if (!q.exec(sql) || !q.next())
        return {};
    return q.value(0).toString();
}

inline SnapshotManifest manifestOf(const QByteArray &bytes, qint64 cursor, qint64 rows)
{
    SnapshotManifest m;
    m.sha256
        = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    m.snapshotId = m.sha256;
    m.sizeBytes = bytes.size();
    m.cursor = cursor;
    m.rowCount = rows;
    m.format = 1;
    m.builtAt = QDateTime::currentDateTimeUtc();
    m.cacheSchemaVersion = Store::LocalDatabase::currentSchemaVersion;
    return m;
}

// A snapshot file as the server writes one: a cache of the demo chain without staff, plus
// snapshot_meta, in rollback-journal mode so it is one self-contained file.
inline Snapshot buildSnapshot(const QString &path, int products, qint64 cursor, int format = 1)
{
    Snapshot s;
    s.path = path;
    {
        auto db = Store::LocalDatabase::open(path);
        if (!db)
            return s;
        Store::DemoChain::Options options;
        options.productCount = products;
        options.pinIterations = 1;
        options.seed = 11;
        if (!Store::DemoChain::generateInto(*db.value(), options))
            return s;
        QSqlQuery q(db.value()->connection());
        q.exec(QStringLiteral("DELETE FROM staff"));
        q.exec(QStringLiteral("CREATE TABLE snapshot_meta(key TEXT PRIMARY KEY, value)"));
        s.locations = count(*db.value(), QStringLiteral("SELECT count(*) FROM locations"));
        s.products = count(*db.value(), QStringLiteral("SELECT count(*) FROM products"));
        s.barcodes = count(*db.value(), QStringLiteral("SELECT count(*) FROM barcodes"));
        s.stock = count(*db.value(), QStringLiteral("SELECT count(*) FROM stock"));
        const qint64 rows = s.locations + s.products + s.barcodes + s.stock;
        const std::pair<const char *, QString> meta[]
            = { { "format", QString::number(format) }, { "cursor", QString::number(cursor) },
                  { "built_at", QDateTime::currentDateTimeUtc().toString(Qt::ISODate) },
                  { "row_count", QString::number(rows) } };
        for (const auto &[key, value] : meta) {
            q.prepare(QStringLiteral("INSERT INTO snapshot_meta(key, value) VALUES(?, ?)"));
            q.addBindValue(QString::fromLatin1(key));
            q.addBindValue(value);
            q.exec();
        }
        s.aBarcode = text(*db.value(),
            QStringLiteral("SELECT code FROM barcodes WHERE kind = 'ean13' ORDER BY product_id "
                           "DESC LIMIT 1"));
        if (s.aBarcode.isEmpty())
            s.aBarcode = text(*db.value(),
                QStringLiteral("SELECT code FROM barcodes ORDER BY product_id DESC LIMIT 1"));
        s.aName = text(*db.value(),
            QStringLiteral("SELECT p.name FROM products p JOIN barcodes b ON b.product_id = p.id "
                           "WHERE b.code = '%1'")
                .arg(s.aBarcode));
        q.finish();
        q.exec(QStringLiteral("PRAGMA journal_mode=DELETE"));
        s.manifest.rowCount = rows;
    }
    QFile file(path);
    if (file.open(QIODevice::ReadOnly))
        s.bytes = file.readAll();
    const qint64 rows = s.manifest.rowCount;
    s.manifest = manifestOf(s.bytes, cursor, rows);
    return s;
}

// Feeds the loader the way the sync worker does, in `range`-byte pieces from its offset.
inline qint64 download(
    SnapshotLoader &loader, const QByteArray &bytes, qint64 range, qint64 stopAfter = -1)
{
    qint64 asked = 0;
    while (loader.downloadedBytes() < bytes.size()) {
        const qint64 from = loader.downloadedBytes();
        const QByteArray piece = bytes.mid(from, range);
        asked += piece.size();
        if (!loader.append(from, piece))
            return -1;
        if (stopAfter >= 0 && asked >= stopAfter)
            break;
    }
    return asked;
}

// A tiny HTTP/1.1 server for the endpoints a first sync uses: /v1/snapshot,
// /v1/snapshot/file (Range), /v1/changes (empty pages; staff with only=). Counts what it sends.
class FakeServer final : public QObject
{
public:
    QByteArray file;
    QString filePath; // instead of `file`: ranges read from disk (the benchmark's big file)
    SnapshotManifest manifest;
    bool hasSnapshot = true;
    int failRangesAfter = -1; // answer 503 to range requests once this many were served
    int rangesServed = 0;
    qint64 bytesServed = 0;
    QList<qint64> rangeStarts;
    QStringList requests;
    Sync::Protocol::StaffData staff;
    QList<QJsonObject> pagedProducts; // the catalog for a server without snapshots

    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    QUrl url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
    }

    FakeServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { serve(socket); });
            }
        });
    }

private:
    void serve(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        qsizetype length = 0;
        QByteArray range;
        for (const QByteArray &line : lines) {
            const QByteArray l = line.trimmed();
            if (l.toLower().startsWith("content-length:"))
                length = l.mid(15).trimmed().toLongLong();
            if (l.toLower().startsWith("range:"))
                range = l.mid(6).trimmed();
        }
        if (buffer.size() < end + 4 + length)
            return;
        const QList<QByteArray> first = lines.first().trimmed().split(' ');
        buffer.clear();
        const QUrl url(QString::fromLatin1(first.value(1)));
        requests.append(QString::fromLatin1(first.value(1)));
        const QUrlQuery query(url);
        if (url.path() == QLatin1String("/v1/snapshot")) {
            if (!hasSnapshot)
                return reply(socket, 404, "application/json",
                    R"({"code":"snapshot.none","message":"none"})");
            return reply(socket, 200, "application/json",
                QJsonDocument(Sync::Protocol::toJson(manifest)).toJson(QJsonDocument::Compact));
        }
        if (url.path() == QLatin1String("/v1/snapshot/file")) {
            if (query.queryItemValue(QStringLiteral("id")) != manifest.snapshotId)
                return reply(socket, 404, "application/json", R"({"code":"snapshot.gone"})");
            if (failRangesAfter >= 0 && rangesServed >= failRangesAfter)
                return reply(socket, 503, "application/json", R"({"code":"down"})");
            const qint64 size = filePath.isEmpty() ? file.size() : QFileInfo(filePath).size();
            qint64 from = 0;
            qint64 to = qMin<qint64>(size, 8 * 1024 * 1024) - 1;
            if (range.startsWith("bytes=")) {
                const QList<QByteArray> ends = range.mid(6).split('-');
                from = ends.value(0).toLongLong();
                if (!ends.value(1).isEmpty())
                    to = qMin<qint64>(ends.value(1).toLongLong(), size - 1);
            }
            if (from >= size)
                return reply(socket, 416, "application/json", "{}");
            ++rangesServed;
            rangeStarts.append(from);
            QByteArray body;
            if (filePath.isEmpty()) {
                body = file.mid(from, to - from + 1);
            } else {
                QFile disk(filePath);
                if (disk.open(QIODevice::ReadOnly) && disk.seek(from))
                    body = disk.read(to - from + 1);
            }
            bytesServed += body.size();
            return reply(socket, 206, "application/octet-stream", body,
                "Content-Range: bytes " + QByteArray::number(from) + '-' + QByteArray::number(to)
                    + '/' + QByteArray::number(size) + "\r\n");
        }
        if (url.path() == QLatin1String("/v1/changes")) {
            const qint64 since = query.queryItemValue(QStringLiteral("since")).toLongLong();
            const QString kind = query.queryItemValue(QStringLiteral("kind"));
            QJsonObject page { { QStringLiteral("since"), since },
                { QStringLiteral("next"), since }, { QStringLiteral("more"), false },
                { QStringLiteral("kind"), kind.isEmpty() ? QStringLiteral("catalog") : kind } };
            if (query.hasQueryItem(QStringLiteral("only")) && since == 0) {
                page.insert(QStringLiteral("staff"), QJsonArray { Sync::Protocol::toJson(staff) });
                page.insert(QStringLiteral("next"),
                    query.queryItemValue(QStringLiteral("until")).toLongLong());
            } else if ((kind.isEmpty() || kind == QLatin1String("catalog")) && since == 0
                && !pagedProducts.isEmpty()) {
                QJsonArray products;
                for (const QJsonObject &p : pagedProducts)
                    products.append(p);
                page.insert(QStringLiteral("products"), products);
                page.insert(QStringLiteral("next"), 5);
            }
            return reply(socket, 200, "application/json",
                QJsonDocument(page).toJson(QJsonDocument::Compact));
        }
        reply(socket, 404, "application/json", R"({"code":"not_found"})");
    }

    static void reply(QTcpSocket *socket, int status, const char *type, const QByteArray &body,
        const QByteArray &extra = {})
    {
        QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: " + type
            + "\r\nContent-Length: " + QByteArray::number(body.size())
            + "\r\nConnection: keep-alive\r\n" + extra + "\r\n";
        socket->write(head + body);
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace Toonbank::Tests::SnapshotFixture
