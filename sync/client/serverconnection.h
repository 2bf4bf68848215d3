#pragma once

#include "app/core/result.h"
#include "sync/protocol/changefeed.h"
#include "sync/protocol/customerlookup.h"
#include "sync/protocol/enrolment.h"
#include "sync/protocol/pushbatch.h"
#include "sync/protocol/receiptemail.h"
#include "sync/protocol/stockelsewhere.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QSslCertificate>
#include <QThreadPool>
#include <QUrl>

#include <functional>

namespace Toonbank::Sync::Client {

/// The tablet's HTTPS link to toonbank-server. It verifies the server with the chain's CA
/// only (never the system store, never ignoring errors); before enrolment it learns that CA
/// from the server's chain and accepts it only when its SHA-256 matches the fingerprint
/// printed next to the enrolment code. Lives in the sync thread; callbacks run there.
class ServerConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerConnection)
public:
    explicit ServerConnection(QUrl baseUrl, QObject *parent = nullptr);
    ~ServerConnection() override; // waits for a page still being parsed

    void setCredentials(const QList<QSslCertificate> &ca, const QString &token);

    /// Exchanges a one-time code for a token. `caFingerprintHex` pins the CA for this first call.
    void enrol(const QString &code, const QString &deviceName, const QString &caFingerprintHex,
        std::function<void(Core::Result<Protocol::EnrolResponse>)> done);
    /// Errors: "sync.offline" (no connection, TLS failure, 5xx: retry later),
    /// "sync.refused" (4xx other than 422: the request itself is wrong), "sync.unauthorized".
    void push(const Protocol::PushRequest &request,
        std::function<void(Core::Result<Protocol::PushResponse>)> done);
    /// The page is parsed on a helper thread (a 20 000-product page is tens of milliseconds of
    /// JSON), so the caller can write the previous page meanwhile; answers arrive in order.
    void pull(
        qint64 since, int limit, std::function<void(Core::Result<Protocol::ChangePage>)> done);
    /// One page of one feed kind (each kind has its own cursor on the tablet).
    void pull(Protocol::FeedKind kind, qint64 since, int limit,
        std::function<void(Core::Result<Protocol::ChangePage>)> done);

    /// One feed kind's rows with sequence in (since, until], only the named sections
    /// (`/v1/changes?kind=catalog&since=0&until=C&only=staff,webOrders`, docs/STOCK.md §2).
    void pullRange(Protocol::FeedKind kind, qint64 since, qint64 until, const QStringList &only,
        int limit, std::function<void(Core::Result<Protocol::ChangePage>)> done);

    /// GET /v1/snapshot. A 404 (none built yet, or a server without snapshots) is
    /// "snapshot.none"; other errors as push.
    void snapshotManifest(std::function<void(Core::Result<Protocol::SnapshotManifest>)> done);
    /// GET `path` with `Range: bytes=from-to` (inclusive). `done` gets the body, the whole
    /// resource's size from Content-Range (-1 when absent) and an error: "snapshot.gone" (404),
    /// "snapshot.range" (416), or the usual sync.* codes. A 200 answer (no range support) is
    /// cut to the asked range.
    void downloadRange(const QString &path, qint64 from, qint64 to,
        std::function<void(const QByteArray &bytes, qint64 total, const Core::Error &error)> done);

    /// Online look-ups while a customer stands at the till (same errors as push; a 404 on the
    /// profile is "sync.refused" with the server's code "customer.unknown" in the detail).
    void searchCustomers(
        const QString &text, std::function<void(Core::Result<QList<Protocol::CustomerData>>)> done);
    void customerProfile(
        qint64 customerId, std::function<void(Core::Result<Protocol::CustomerProfile>)> done);
    /// Claims a single-use coupon for a sale: true when this sale holds it now, false when
    /// another sale claimed it first (409); errors as above.
    void claimCoupon(
        const QString &code, const QString &saleId, std::function<void(Core::Result<bool>)> done);
    /// Gives back this device's claim of a single-use coupon for an abandoned sale: true when
    /// the server released it, false when there was nothing to release (the sale was applied —
    /// 409 "coupon.consumed" — or this device holds no such claim — 404); errors as above.
    void releaseCoupon(
        const QString &code, const QString &saleId, std::function<void(Core::Result<bool>)> done);

    /// A JSON call whose HTTP answers the caller reads itself (the online wallet, where 404,
    /// 409 and 410 are answers, not failures). `body` null: no body. `status` is 0 when no
    /// answer came (then `transportError` is "sync.offline").
    void call(const QByteArray &method, const QString &path, const QJsonObject *body,
        std::function<void(int status, const QJsonObject &json, const Core::Error &transportError)>
            done);
    /// A raw GET (product photos): the body as bytes with its status and ETag. `status` is 0
    /// when no answer came (then `transportError` is "sync.offline").
    void fetch(const QString &path,
        std::function<void(int status, const QByteArray &body, const QByteArray &etag,
            const Core::Error &transportError)>
            done);
    /// GET /v1/mail/failed: this store's e-mailed receipts the SMTP server kept refusing.
    void failedMail(std::function<void(Core::Result<QList<Protocol::FailedMail>>)> done);

    int timeoutMs() const { return m_timeoutMs; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

private:
    QNetworkRequest makeRequest(const QString &path) const;
    void requestPage(
        const QString &path, std::function<void(Core::Result<Protocol::ChangePage>)> done);
    void send(const QByteArray &method, const QString &path, const QByteArray &body,
        std::function<void(int status, const QJsonObject &json, const Core::Error &transportError)>
            done);

    QUrl m_baseUrl;
    QList<QSslCertificate> m_ca;
    QString m_token;
    int m_timeoutMs = 30000;
    QNetworkAccessManager m_network;
    QThreadPool m_parser; // one thread: pages are parsed, and delivered, in request order
};

} // namespace Toonbank::Sync::Client
