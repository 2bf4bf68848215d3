// The server side of the snapshot first sync (docs/STOCK.md §2 "Server"): SnapshotBuilder
// writes a 3,000-product chain with holds into a tablet cache file (opens as a cache, passes
// the integrity check, every product, barcode and stock row with available figures, FTS finds
// a product, snapshot_meta's cursor is the feed head of the read; a later change is not in
// it), the manifest and ranged file reads over real HTTPS (slices concatenate to the file,
// 8 MiB cap, 416, snapshot.gone), /v1/changes?only=&until=, `toonbank-admin build-snapshot`
// keeping the two newest, and the server's background build at start. SQLite, and PostgreSQL
// when registered with TOONBANK_TEST_BACKEND=postgresql.
#include "serverfixture.h"

#include "app/store/localdatabase.h"
#include "sync/protocol/enrolment.h"
#include "sync/protocol/stockelsewhere.h"
#include "sync/server/serverdatabase.h"
#include "sync/server/snapshotbuilder.h"

#include <QCryptographicHash>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSqlQuery>
#include <QTimer>
#include <QtTest>

#include <map>

using namespace Toonbank;
using namespace Toonbank::Tests;
using Sync::Server::ServerDatabase;
using Sync::Server::SnapshotBuilder;
using Sync::Server::SnapshotInfo;

namespace {

constexpr int productCount = 3000;
constexpr qint64 zebraProduct = 1234; // the one product named "Zebracoat"

/// A valid EAN-13 for product `id` (prefix 200, internal numbers).
QString ean13(qint64 id)
{
    const QString twelve = QStringLiteral("200%1").arg(id, 9, 10, QLatin1Char('0'));
    int sum = 0;
    for (int i = 0; i < 12; ++i)
        sum += (twelve.at(i).unicode() - u'0') * (i % 2 ? 3 : 1);
    return twelve + QString::number((10 - sum % 10) % 10);
}

struct Ranged
{
    int status = 0;
    QByteArray body;
    QByteArray contentType;
    QByteArray contentRange;
    QJsonObject json;
};

} // namespace

class TestSnapshotServer final : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_server;
    std::unique_ptr<ServerDatabase> m_db;
    QString m_token;
    SnapshotInfo m_built;
    QTemporaryDir m_work;
    QNetworkAccessManager m_network;

    Core::Status exec(const QString &sql, const QVariantList &params = {})
    {
        auto done = m_db->exec(sql, params);
        if (!done)
            return done.error();
        return Core::success();
    }

    qint64 head() { return m_server.scalar(QStringLiteral("SELECT seq FROM feed_head")); }

    QString snapshotPath(const SnapshotInfo &info) const
    {
        return QDir(Sync::Server::Snapshots::directory(m_server.dataDir())).filePath(info.fileName);
    }

    /// A copy of the snapshot to open as a cache (opening it switches it to WAL, which would
    /// change the served file).
    std::unique_ptr<Store::LocalDatabase> openCopy(const SnapshotInfo &info, const QString &name)
    {
        const QString copy = m_work.filePath(name);
        QFile::remove(copy);
        if (!QFile::copy(snapshotPath(info), copy))
            return {};
        auto opened
            = Store::LocalDatabase::open(copy, Store::LocalDatabase::OpenMode::ExistingOnly);
        if (!opened) {
            qWarning() << opened.error().code << opened.error().detail;
            return {};
        }
        return std::move(opened).value();
    }

    Ranged get(const QString &path, const QByteArray &range = {}, bool withToken = true)
    {
        QNetworkRequest request(m_server.url(path));
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates(m_server.caCertificates());
        request.setSslConfiguration(ssl);
        if (withToken)
            request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
        if (!range.isEmpty())
            request.setRawHeader("Range", range);
        QNetworkReply *reply = m_network.get(request);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        loop.exec();
        Ranged answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.body = reply->readAll();
        answer.contentType = reply->rawHeader("Content-Type");
        answer.contentRange = reply->rawHeader("Content-Range");
        answer.json = QJsonDocument::fromJson(answer.body).object();
        reply->deleteLater();
        return answer;
    }

    QString errorCode(const QJsonObject &json) const
    {
        return json.value(QStringLiteral("error"))
            .toObject()
            .value(QStringLiteral("code"))
            .toString();
    }

    QList<qint64> ids(const QJsonObject &page, const QString &key) const
    {
        QList<qint64> found;
        for (const QJsonValue &row : page.value(key).toArray())
            found.append(row.toObject().value(QStringLiteral("id")).toInteger());
        return found;
    }

private slots:
    void initTestCase()
    {
        if (ServerFixture::wantsPostgres() && qEnvironmentVariableIsEmpty("TOONBANK_TEST_PG_URL"))
            QSKIP("TOONBANK_TEST_PG_URL is not set (tests/run.sh sets it)");
        QVERIFY(m_work.isValid());
        QVERIFY(m_server.seed(productCount));
        // The same products again with barcodes (every one; every tenth a second) and names
        // the search can tell apart.
        QFile products(m_work.filePath(QStringLiteral("products.csv")));
        QVERIFY(products.open(QIODevice::WriteOnly));
        products.write("id,sku,name,brand,vatClass,priceCents,barcodes\n");
        for (qint64 i = 1; i <= productCount; ++i) {
            const QString name = i == zebraProduct ? QStringLiteral("Zebracoat")
                                                   : QStringLiteral("Plain shirt %1").arg(i);
            QString codes = ean13(i);
            if (i % 10 == 0)
                codes += QLatin1Char('|') + ean13(100000 + i);
            products.write(QStringLiteral("%1,SKU%1,%2,Brand,standard,%3,%4\n")
                               .arg(i)
                               .arg(name)
                               .arg(1000 + i)
                               .arg(codes)
                               .toUtf8());
        }
        products.close();
        QVERIFY(m_server.admin(
            { QStringLiteral("import"), QStringLiteral("products"), products.fileName() }));
        // A second AMS01 staff member (before the snapshot: the feed window pages over two).
        QVERIFY(m_server.admin({ QStringLiteral("add-staff"), QStringLiteral("--id"),
            QStringLiteral("9"), QStringLiteral("--code"), QStringLiteral("E9"),
            QStringLiteral("--name"), QStringLiteral("Cas"), QStringLiteral("--role"),
            QStringLiteral("cashier"), QStringLiteral("--store"), QStringLiteral("AMS01"),
            QStringLiteral("--pin"), QStringLiteral("4321") }));

        auto db = ServerDatabase::open(m_server.databaseSpec(), m_server.dataDir());
        QVERIFY2(db, db ? "" : qPrintable(db.error().detail));
        m_db = std::move(db).value();
        // Holds: 30 of every seventh product in Amsterdam; more held than counted (a stock
        // import lowered the count under the holds) for product 14 in Utrecht.
        QVERIFY(exec(QStringLiteral("UPDATE stock SET held = 30 WHERE location_id = 1 AND "
                                    "product_id % 7 = 0")));
        QVERIFY(exec(QStringLiteral(
            "UPDATE stock SET held = 150 WHERE location_id = 2 AND product_id = 14")));

        QVERIFY(m_server.start({ QStringLiteral("--snapshot-check-ms"), QStringLiteral("0") }));
        const QString code = m_server.enrolmentCode(QStringLiteral("AMS01"));
        const HttpAnswer enrolled = m_server.request("POST", QStringLiteral("/v1/enrol"),
            QJsonDocument(QJsonObject { { QStringLiteral("code"), code },
                              { QStringLiteral("deviceName"), QStringLiteral("Till") } })
                .toJson());
        QCOMPARE(enrolled.status, 200);
        auto parsed = Sync::Protocol::EnrolResponse::fromJson(enrolled.json);
        QVERIFY(parsed);
        m_token = parsed->token;
    }

    void noSnapshotYet()
    {
        const Ranged manifest = get(QStringLiteral("/v1/snapshot"));
        QCOMPARE(manifest.status, 404);
        QCOMPARE(errorCode(manifest.json), QStringLiteral("snapshot.none"));
    }

    void buildHoldsTheCatalogWithAvailableFigures()
    {
        const qint64 headBefore = head();
        auto built = SnapshotBuilder::build(*m_db, m_server.dataDir());
        QVERIFY2(built, built ? "" : qPrintable(built.error().detail));
        m_built = built.value();
        QCOMPARE(m_built.cursor, headBefore);
        QVERIFY(QFile::exists(snapshotPath(m_built)));
        QVERIFY(m_built.fileName.startsWith(QStringLiteral("catalog-%1-").arg(m_built.cursor)));
        QCOMPARE(m_built.sizeBytes, QFileInfo(snapshotPath(m_built)).size());
        // Recorded with its hash for this instance.
        QCOMPARE(m_server.text(QStringLiteral("SELECT sha256 FROM snapshots WHERE snapshot_id = ?"),
                     { m_built.snapshotId }),
            m_built.sha256);

        // The file as a tablet will see it: a self-contained SQLite file (no WAL beside it).
        QVERIFY(!QFile::exists(snapshotPath(m_built) + QStringLiteral("-wal")));
        auto cache = openCopy(m_built, QStringLiteral("check.sqlite"));
        QVERIFY(cache);
        QVERIFY(cache->checkIntegrity());
        QSqlQuery q(cache->connection());
        auto count = [&q](const QString &sql) {
            return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
        };
        const qint64 barcodes = productCount + productCount / 10;
        const qint64 stockRows = 2 * productCount;
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM locations")), 2);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM products")), productCount);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM barcodes")), barcodes);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM stock")), stockRows);
        // Per store only: none of it in a snapshot.
        for (const char *table : { "staff", "customers", "sales", "pickups", "outbox" })
            QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM ") + QLatin1String(table)), 0);
        QCOMPARE(m_built.rowCount, 2 + productCount + barcodes + stockRows);

        // snapshot_meta.
        std::map<QString, QString> meta;
        QVERIFY(q.exec(QStringLiteral("SELECT key, value FROM snapshot_meta")));
        while (q.next())
            meta[q.value(0).toString()] = q.value(1).toString();
        QCOMPARE(meta[QStringLiteral("format")], QStringLiteral("1"));
        QCOMPARE(meta[QStringLiteral("cursor")], QString::number(headBefore));
        QCOMPARE(meta[QStringLiteral("row_count")], QString::number(m_built.rowCount));
        QCOMPARE(QDateTime::fromString(meta[QStringLiteral("built_at")], Qt::ISODateWithMs),
            m_built.builtAt);

        // Every product with its price, every barcode to its product.
        QVERIFY(q.exec(QStringLiteral("SELECT id, sku, price_cents FROM products")));
        while (q.next()) {
            const qint64 id = q.value(0).toLongLong();
            QCOMPARE(q.value(1).toString(), QStringLiteral("SKU%1").arg(id));
            QCOMPARE(q.value(2).toLongLong(), 1000 + id);
        }
        QVERIFY(q.exec(QStringLiteral("SELECT code, product_id FROM barcodes")));
        while (q.next()) {
            const qint64 id = q.value(1).toLongLong();
            QVERIFY(q.value(0).toString() == ean13(id)
                || (id % 10 == 0 && q.value(0).toString() == ean13(100000 + id)));
        }

        // Every stock row: available = quantity - held, never below 0, as_of kept.
        std::map<std::pair<qint64, qint64>, std::pair<qint64, qint64>> server;
        {
            auto rows = m_db->exec(
                QStringLiteral("SELECT product_id, location_id, quantity, held, as_of FROM stock"));
            QVERIFY(rows);
            while (rows.value().next()) {
                const QDateTime asOf
                    = QDateTime::fromString(rows.value().value(4).toString(), Qt::ISODateWithMs);
                server[{ rows.value().value(0).toLongLong(), rows.value().value(1).toLongLong() }]
                    = { std::max<qint64>(0,
                            rows.value().value(2).toLongLong()
                                - rows.value().value(3).toLongLong()),
                          asOf.toSecsSinceEpoch() };
            }
        }
        QCOMPARE(qint64(server.size()), stockRows);
        QVERIFY(
            q.exec(QStringLiteral("SELECT product_id, location_id, quantity, as_of FROM stock")));
        qint64 checked = 0;
        while (q.next()) {
            const auto found = server.find({ q.value(0).toLongLong(), q.value(1).toLongLong() });
            QVERIFY(found != server.end());
            QCOMPARE(q.value(2).toLongLong(), found->second.first);
            QCOMPARE(q.value(3).toLongLong(), found->second.second);
            ++checked;
        }
        QCOMPARE(checked, stockRows);
        // The figures the holds make.
        QCOMPARE(count(QStringLiteral(
                     "SELECT quantity FROM stock WHERE product_id = 7 AND location_id = 1")),
            70);
        QCOMPARE(count(QStringLiteral(
                     "SELECT quantity FROM stock WHERE product_id = 7 AND location_id = 2")),
            100);
        QCOMPARE(count(QStringLiteral(
                     "SELECT quantity FROM stock WHERE product_id = 14 AND location_id = 2")),
            0);

        // The search index is built: a product is found by a word of its name.
        QCOMPARE(count(QStringLiteral(
                     "SELECT rowid FROM product_search WHERE product_search MATCH 'zebracoat'")),
            zebraProduct);
        QCOMPARE(count(QStringLiteral(
                     "SELECT COUNT(*) FROM product_search WHERE product_search MATCH 'plain'")),
            productCount - 1);
    }

    void aLaterChangeIsNotInIt()
    {
        QFile stock(m_work.filePath(QStringLiteral("stock.csv")));
        QVERIFY(stock.open(QIODevice::WriteOnly));
        stock.write("sku,locationCode,quantity\nSKU1,AMS01,5\n");
        stock.close();
        QVERIFY(m_server.admin(
            { QStringLiteral("import"), QStringLiteral("stock"), stock.fileName() }));
        QVERIFY(head() > m_built.cursor);
        QCOMPARE(m_server.scalar(QStringLiteral(
                     "SELECT quantity FROM stock WHERE product_id = 1 AND location_id = 1")),
            5);
        auto cache = openCopy(m_built, QStringLiteral("later.sqlite"));
        QVERIFY(cache);
        QSqlQuery q(cache->connection());
        QVERIFY(q.exec(
            QStringLiteral("SELECT quantity FROM stock WHERE product_id = 1 AND location_id = 1")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toLongLong(), 100);
        // ... and it is in the feed after the snapshot's cursor, where the tablet goes on.
        const Ranged after
            = get(QStringLiteral("/v1/changes?kind=catalog&since=%1").arg(m_built.cursor));
        QCOMPARE(after.status, 200);
        const QJsonArray rows = after.json.value(QStringLiteral("stock")).toArray();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().toObject().value(QStringLiteral("productId")).toInteger(), 1);
    }

    void manifestOverHttps()
    {
        QCOMPARE(get(QStringLiteral("/v1/snapshot"), {}, false).status, 401);
        const Ranged answer = get(QStringLiteral("/v1/snapshot"));
        QCOMPARE(answer.status, 200);
        auto manifest = Sync::Protocol::snapshotManifestFromJson(
            answer.json, Sync::Protocol::Reading::Strict);
        QVERIFY2(manifest, manifest ? "" : qPrintable(manifest.error().detail));
        QCOMPARE(manifest->snapshotId, m_built.snapshotId);
        QCOMPARE(manifest->sha256, m_built.sha256);
        QCOMPARE(manifest->cursor, m_built.cursor);
        QCOMPARE(manifest->sizeBytes, m_built.sizeBytes);
        QCOMPARE(manifest->rowCount, m_built.rowCount);
        QCOMPARE(manifest->format, 1);
        QCOMPARE(manifest->cacheSchemaVersion, Store::LocalDatabase::currentSchemaVersion);
        QCOMPARE(manifest->builtAt, m_built.builtAt);
    }

    void rangesConcatenateToTheFile()
    {
        const QString file = QStringLiteral("/v1/snapshot/file?id=") + m_built.snapshotId;
        const qint64 size = m_built.sizeBytes;
        QVERIFY(size > 300000);
        QByteArray whole;
        // Uneven slices, the last one open-ended.
        const QList<qint64> cuts { 0, 1, 4096, 100000, 262143 };
        for (qsizetype i = 0; i < cuts.size(); ++i) {
            const QByteArray range = i + 1 < cuts.size()
                ? "bytes=" + QByteArray::number(cuts[i]) + '-' + QByteArray::number(cuts[i + 1] - 1)
                : "bytes=" + QByteArray::number(cuts[i]) + '-';
            const Ranged slice = get(file, range);
            QCOMPARE(slice.status, 206);
            QCOMPARE(slice.contentType, QByteArrayLiteral("application/vnd.sqlite3"));
            const qint64 last = i + 1 < cuts.size() ? cuts[i + 1] - 1 : size - 1;
            QCOMPARE(slice.contentRange,
                "bytes " + QByteArray::number(cuts[i]) + '-' + QByteArray::number(last) + '/'
                    + QByteArray::number(size));
            QCOMPARE(qint64(slice.body.size()), last - cuts[i] + 1);
            whole += slice.body;
        }
        QCOMPARE(qint64(whole.size()), size);
        QCOMPARE(QString::fromLatin1(
                     QCryptographicHash::hash(whole, QCryptographicHash::Sha256).toHex()),
            m_built.sha256);

        // No Range: the first slice (the whole of this small file), as 206 too.
        const Ranged all = get(file);
        QCOMPARE(all.status, 206);
        QCOMPARE(all.body, whole);
        QCOMPARE(all.contentRange,
            "bytes 0-" + QByteArray::number(size - 1) + '/' + QByteArray::number(size));
        // A range reaching past the end is cut at the end.
        const Ranged tail = get(file, "bytes=" + QByteArray::number(size - 10) + "-99999999999");
        QCOMPARE(tail.status, 206);
        QCOMPARE(tail.body, whole.right(10));
    }

    void pastTheEndUnknownAndMalformed()
    {
        const QString file = QStringLiteral("/v1/snapshot/file?id=") + m_built.snapshotId;
        const Ranged past = get(file, "bytes=" + QByteArray::number(m_built.sizeBytes) + '-');
        QCOMPARE(past.status, 416);
        QCOMPARE(past.contentRange, "bytes */" + QByteArray::number(m_built.sizeBytes));
        const Ranged unknown
            = get(QStringLiteral("/v1/snapshot/file?id=") + QString(64, QLatin1Char('0')));
        QCOMPARE(unknown.status, 404);
        QCOMPARE(errorCode(unknown.json), QStringLiteral("snapshot.gone"));
        QCOMPARE(errorCode(get(QStringLiteral("/v1/snapshot/file?id=nonsense")).json),
            QStringLiteral("snapshot.gone"));
        QCOMPARE(get(file, "bytes=abc").status, 400);
        QCOMPARE(get(file, {}, false).status, 401);
    }

    void sliceIsAtMostEightMiB()
    {
        // A larger file of this instance, registered as the newest: answers are cut to 8 MiB.
        const qint64 size = 9 * 1024 * 1024 + 123;
        QByteArray bytes(size, '\0');
        for (qint64 i = 0; i < size; ++i)
            bytes[i] = char((i * 131) % 251);
        const QString sha = QString::fromLatin1(
            QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        const QString name = QStringLiteral("catalog-big-test.sqlite");
        QFile big(QDir(Sync::Server::Snapshots::directory(m_server.dataDir())).filePath(name));
        QVERIFY(big.open(QIODevice::WriteOnly));
        QCOMPARE(big.write(bytes), size);
        big.close();
        QVERIFY(exec(QStringLiteral("INSERT INTO snapshots(snapshot_id, cursor, file_name, "
                                    "size_bytes, sha256, row_count, built_at, instance) VALUES "
                                    "(?, ?, ?, ?, ?, 1, ?, ?)"),
            { sha, m_built.cursor + 1000000, name, size, sha,
                m_built.builtAt.toString(Qt::ISODateWithMs),
                Sync::Server::Snapshots::instanceName(m_server.dataDir()) }));
        const QString file = QStringLiteral("/v1/snapshot/file?id=") + sha;
        QCOMPARE(
            get(QStringLiteral("/v1/snapshot")).json.value(QStringLiteral("snapshotId")).toString(),
            sha);
        const Ranged first = get(file);
        QCOMPARE(first.status, 206);
        QCOMPARE(first.body.size(), 8 * 1024 * 1024);
        QCOMPARE(first.contentRange, "bytes 0-8388607/" + QByteArray::number(size));
        const Ranged open = get(file, "bytes=1-");
        QCOMPARE(open.body.size(), 8 * 1024 * 1024);
        QCOMPARE(open.contentRange, "bytes 1-8388608/" + QByteArray::number(size));
        const Ranged rest = get(file, "bytes=8388608-");
        QCOMPARE(rest.status, 206);
        QCOMPARE(first.body + rest.body, bytes);
        // Gone from disk: the id is gone, the manifest falls back to the real snapshot.
        QVERIFY(QFile::remove(big.fileName()));
        QCOMPARE(errorCode(get(file).json), QStringLiteral("snapshot.gone"));
        QCOMPARE(
            get(QStringLiteral("/v1/snapshot")).json.value(QStringLiteral("snapshotId")).toString(),
            m_built.snapshotId);
        QVERIFY(exec(QStringLiteral("DELETE FROM snapshots WHERE snapshot_id = ?"), { sha }));
    }

    void feedWindowOfStaffUpToTheCursor()
    {
        // A staff member added after the snapshot is outside the window.
        QVERIFY(m_server.admin({ QStringLiteral("add-staff"), QStringLiteral("--id"),
            QStringLiteral("11"), QStringLiteral("--code"), QStringLiteral("E11"),
            QStringLiteral("--name"), QStringLiteral("Late"), QStringLiteral("--role"),
            QStringLiteral("cashier"), QStringLiteral("--store"), QStringLiteral("AMS01"),
            QStringLiteral("--pin"), QStringLiteral("2468") }));
        const QString base
            = QStringLiteral("/v1/changes?kind=catalog&only=staff,webOrders&until=%1")
                  .arg(m_built.cursor);
        const Ranged page = get(base + QStringLiteral("&since=0"));
        QCOMPARE(page.status, 200);
        QCOMPARE(ids(page.json, QStringLiteral("staff")), (QList<qint64> { 7, 9 }));
        QVERIFY(page.json.value(QStringLiteral("webOrders")).isArray());
        for (const char *other : { "locations", "products", "stock" })
            QVERIFY(page.json.value(QLatin1String(other)).toArray().isEmpty());
        QCOMPARE(page.json.value(QStringLiteral("more")).toBool(), false);
        QCOMPARE(page.json.value(QStringLiteral("next")).toInteger(), m_built.cursor);

        // Paged: one row a page, `more` and `next` lead through the window.
        const Ranged first = get(base + QStringLiteral("&since=0&limit=1"));
        QCOMPARE(ids(first.json, QStringLiteral("staff")), (QList<qint64> { 7 }));
        QCOMPARE(first.json.value(QStringLiteral("more")).toBool(), true);
        const qint64 next = first.json.value(QStringLiteral("next")).toInteger();
        QVERIFY(next > 0 && next < m_built.cursor);
        const Ranged second = get(base + QStringLiteral("&limit=1&since=%1").arg(next));
        QCOMPARE(ids(second.json, QStringLiteral("staff")), (QList<qint64> { 9 }));
        QCOMPARE(second.json.value(QStringLiteral("more")).toBool(), false);
        QCOMPARE(second.json.value(QStringLiteral("next")).toInteger(), m_built.cursor);

        // Without `until` the late one is there; without `only` every section is.
        const Ranged open = get(QStringLiteral("/v1/changes?kind=catalog&only=staff&since=0"));
        QCOMPARE(ids(open.json, QStringLiteral("staff")), (QList<qint64> { 7, 9, 11 }));
        const Ranged everything
            = get(QStringLiteral("/v1/changes?kind=catalog&since=0&until=%1&limit=20000")
                      .arg(m_built.cursor));
        QCOMPARE(everything.json.value(QStringLiteral("products")).toArray().size(), productCount);

        // Refused: an unknown section, an empty list, until before since.
        const Ranged bogus
            = get(QStringLiteral("/v1/changes?kind=catalog&only=staff,bogus&since=0"));
        QCOMPARE(bogus.status, 400);
        QCOMPARE(errorCode(bogus.json), QStringLiteral("protocol.unknown_section"));
        QCOMPARE(get(QStringLiteral("/v1/changes?kind=catalog&only=&since=0")).status, 400);
        QCOMPARE(get(QStringLiteral("/v1/changes?kind=catalog&since=10&until=5")).status, 400);
    }

    void adminBuildKeepsTheTwoNewest()
    {
        QString output;
        for (int i = 0; i < 3; ++i) {
            QVERIFY(m_server.admin({ QStringLiteral("build-snapshot") }, &output));
            QVERIFY2(output.contains(QStringLiteral("catalog snapshot ")), qPrintable(output));
            QVERIFY(output.contains(QStringLiteral(" rows")));
            QVERIFY(output.contains(QStringLiteral(" s")));
        }
        const QDir dir(Sync::Server::Snapshots::directory(m_server.dataDir()));
        const QStringList files
            = dir.entryList({ QStringLiteral("catalog-*.sqlite") }, QDir::Files);
        QCOMPARE(files.size(), 2);
        QVERIFY(!files.contains(m_built.fileName));
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM snapshots")), 2);
        QVERIFY(
            dir.entryList({ QStringLiteral(".building-*") }, QDir::Files | QDir::Hidden).isEmpty());
        // The manifest is the newest, at the head now; the first one is gone.
        const Ranged manifest = get(QStringLiteral("/v1/snapshot"));
        QCOMPARE(manifest.json.value(QStringLiteral("cursor")).toInteger(), head());
        QCOMPARE(errorCode(get(QStringLiteral("/v1/snapshot/file?id=") + m_built.snapshotId).json),
            QStringLiteral("snapshot.gone"));
        // Nothing is due now; a smaller rebuild_rows than the lag makes it due.
        auto due = SnapshotBuilder::due(*m_db, m_server.dataDir(), QDateTime::currentDateTimeUtc());
        QVERIFY(due);
        QVERIFY(!due.value());
        auto later = SnapshotBuilder::due(
            *m_db, m_server.dataDir(), QDateTime::currentDateTimeUtc().addSecs(25 * 3600));
        QVERIFY(later && later.value());
    }

    void serverBuildsOneAtStartWhenNoneExists()
    {
        m_server.kill();
        QVERIFY(exec(QStringLiteral("DELETE FROM snapshots")));
        QDir dir(Sync::Server::Snapshots::directory(m_server.dataDir()));
        for (const QString &name : dir.entryList(QDir::Files))
            QVERIFY(dir.remove(name));
        QVERIFY(exec(QStringLiteral(
            "INSERT INTO chain_settings(key, value) VALUES ('snapshot.rebuild_rows', '0')")));
        QVERIFY(m_server.start({ QStringLiteral("--snapshot-check-ms"), QStringLiteral("200") }));
        QDeadlineTimer deadline(30000);
        Ranged manifest;
        do {
            QTest::qWait(200);
            manifest = get(QStringLiteral("/v1/snapshot"));
        } while (manifest.status != 200 && !deadline.hasExpired());
        QCOMPARE(manifest.status, 200);
        const qint64 firstCursor = manifest.json.value(QStringLiteral("cursor")).toInteger();
        QCOMPARE(firstCursor, head());
        // rebuild_rows 0: any change makes the next check build again.
        QFile stock(m_work.filePath(QStringLiteral("stock2.csv")));
        QVERIFY(stock.open(QIODevice::WriteOnly));
        stock.write("sku,locationCode,quantity\nSKU2,AMS01,6\n");
        stock.close();
        QVERIFY(m_server.admin(
            { QStringLiteral("import"), QStringLiteral("stock"), stock.fileName() }));
        QDeadlineTimer again(30000);
        do {
            QTest::qWait(200);
            manifest = get(QStringLiteral("/v1/snapshot"));
        } while (manifest.json.value(QStringLiteral("cursor")).toInteger() == firstCursor
            && !again.hasExpired());
        QCOMPARE(manifest.json.value(QStringLiteral("cursor")).toInteger(), head());
    }

    void cleanupTestCase()
    {
        m_db.reset();
        m_server.kill();
    }
};

QTEST_GUILESS_MAIN(TestSnapshotServer)
#include "tst_snapshotserver.moc"
