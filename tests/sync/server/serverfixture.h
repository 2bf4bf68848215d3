#pragma once

#include "sync/protocol/saleevent.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>
#include <vector>

namespace Toonbank::Tests {

/// One HTTP answer as a test sees it.
struct HttpAnswer
{
    int status = 0; // 0: no answer (connection refused, TLS failure)
    QJsonObject json;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers; // as the server sent them
};

/// Starts the real toonbank-server on a free loopback port (the server picks it: --port 0)
/// with a throw-away data folder and database, seeds a small chain with toonbank-admin, and can
/// SIGKILL and restart it. With TOONBANK_TEST_BACKEND=postgresql it creates a fresh database on
/// the cluster named by TOONBANK_TEST_PG_URL and drops it afterwards.
class ServerFixture final
{
    Q_DISABLE_COPY_MOVE(ServerFixture)
public:
    ServerFixture();
    ~ServerFixture();

    static bool wantsPostgres();
    /// Creates the database, dev certificate and chain: stores AMS01 (id 1) and UTR01 (id 2),
    /// products 1..productCount with stock 100 in both stores, staff 7 (AMS01) and 8 (UTR01).
    bool seed(int productCount = 20);
    bool start(const QStringList &extraArgs = {});
    /// After kill(): the main server again (with `extraArgs`, e.g. --smtp-url) on the same
    /// database, data folder and port, so a tablet that knows its URL finds it back. False when the
    /// port was taken meanwhile.
    bool restartOnSamePort(const QStringList &extraArgs = {});
    /// One more toonbank-server on the same database and data folder (same TLS identity), as a
    /// second instance behind a load balancer (with `extraArgs`). Returns its port, 0 on failure;
    /// kill() stops it too.
    quint16 startExtraInstance(const QStringList &extraArgs = {});
    /// haproxy in TCP mode (TLS passes through to the instances) on a free loopback port in front
    /// of every instance started; returns its port, 0 on failure. kill() stops it too.
    quint16 startHaproxy();
    void kill(); // SIGKILL, no goodbye (extra instances and haproxy too)
    bool admin(const QStringList &args, QString *output = nullptr);
    QString enrolmentCode(const QString &store);

    QUrl url(const QString &path) const;
    quint16 port() const { return m_port; }
    QString dataDir() const { return m_dir.path(); }
    QString databaseSpec() const { return m_databaseUrl; }
    QList<QSslCertificate> caCertificates() const;

    /// A synchronous request with the fixture's CA. `body` null: no body.
    HttpAnswer request(const QByteArray &method, const QString &path, const QByteArray &body = {},
        const QString &token = {}, const QByteArray &contentType = "application/json");

    /// Server-side figures, read through the database directly.
    qint64 scalar(const QString &sql, const QVariantList &params = {});
    /// The same for a text answer (every row's first column, joined by newlines).
    QString text(const QString &sql, const QVariantList &params = {});

private:
    void stopMain();
    static QString binary(const QString &name);
    QTemporaryDir m_dir;
    QString m_databaseUrl;
    QString m_pgDatabase;
    std::unique_ptr<QProcess> m_server;
    quint16 m_port = 0;
    std::vector<std::unique_ptr<QProcess>> m_extra; // further instances, haproxy
    QList<quint16> m_extraPorts;
    QNetworkAccessManager m_network;
};

/// A race tablet: its own network access manager, so its own kept-alive connection (behind
/// haproxy's round robin, two such tablets talk to two instances).
struct RaceTablet
{
    QString store;
    QString deviceId;
    QString token;
    std::unique_ptr<QNetworkAccessManager> network;
};
/// A request of `tablet` to `path` at `front` (haproxy) with the fixture's CA and the token.
QNetworkRequest raceRequest(
    const ServerFixture &server, const QUrl &front, const RaceTablet &tablet, const QString &path);
/// Waits (30 s at most) for `reply`, returns its HTTP status (0: none) and body; deletes it later.
int waitReply(QNetworkReply *reply, QByteArray *body = nullptr);

/// A valid sale of `quantity` × product `productId` at €10.00 each (21 % VAT) for `store`.
Core::Sale makeSale(const QString &store, qint64 productId, int quantity);
/// A card tender of `amount` with a terminal reference and a fresh ServiceID.
Core::Tender cardTender(Core::Money amount);
/// Recomputes VAT, total and one card tender from the lines (after a test changed them).
void finishSale(Core::Sale &sale);
/// A push body for `sales` numbered from `firstSeq` (a sale's staffId 0 becomes `staffId`).
/// Event ids are returned through `eventIds`.
QJsonObject makePush(const QString &deviceId, qint64 staffId, const QList<Core::Sale> &sales,
    qint64 firstSeq, QStringList *eventIds = nullptr);

/// Runs the tablet's toonbank-synctool on `cache` with `args` (enrol, sync-once, status, …);
/// returns what it printed, `exitCode` -1 when it crashed or hung (two minutes).
QString runSyncTool(const QString &cache, const QStringList &args, int *exitCode);

} // namespace Toonbank::Tests
