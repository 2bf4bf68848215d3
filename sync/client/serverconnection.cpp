#include "serverconnection.h"

#include "app/core/tr.h"
#include "sync/protocol/saleevent.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSslConfiguration>

namespace Toonbank::Sync::Client {

using Core::Error;
using Core::Tr;

namespace {

Error offline(const QString &detail)
{
    return Error::make(QStringLiteral("sync.offline"),
        Tr::tr("The server cannot be reached; sales are kept and sent later."), detail);
}

Error fromStatus(int status, const QJsonObject &json)
{
    const QString detail
        = QStringLiteral("HTTP %1: %2")
              .arg(status)
              .arg(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)).left(300));
    if (status == 401)
        return Error::make(QStringLiteral("sync.unauthorized"),
            Tr::tr("This tablet is not (or no longer) enrolled with the server."), detail);
    if (status >= 500 || status == 0)
        return offline(detail);
    return Error::make(QStringLiteral("sync.refused"),
        Tr::tr("The server refused the data from this tablet."), detail);
}

} // namespace

ServerConnection::ServerConnection(QUrl baseUrl, QObject *parent)
    : QObject(parent)
    , m_baseUrl(std::move(baseUrl))
{
    m_parser.setMaxThreadCount(1);
}

ServerConnection::~ServerConnection()
{
    m_parser.waitForDone();
}

void ServerConnection::setCredentials(const QList<QSslCertificate> &ca, const QString &token)
{
    m_ca = ca;
    m_token = token;
}

QNetworkRequest ServerConnection::makeRequest(const QString &path) const
{
    QUrl url = m_baseUrl;
    const qsizetype question = path.indexOf(QLatin1Char('?'));
    url.setPath(path.left(question));
    if (question >= 0)
        url.setQuery(path.mid(question + 1));
    QNetworkRequest request(url);
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates(m_ca); // only the chain's CA, not the system store
    request.setSslConfiguration(ssl);
    request.setTransferTimeout(m_timeoutMs);
    // The protocol this tablet speaks; the server reads protocol-1 sales too (queued before
    // an update), so the header is informational for logs and future refusals.
    request.setRawHeader("Toonbank-Protocol", QByteArray::number(Protocol::protocolVersion));
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
    return request;
}

void ServerConnection::send(const QByteArray &method, const QString &path, const QByteArray &body,
    std::function<void(int, const QJsonObject &, const Error &)> done)
{
    QNetworkRequest request = makeRequest(path);
    if (!body.isNull())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
        done(status, json, status == 0 ? offline(reply->errorString()) : Error {});
    });
}

void ServerConnection::fetch(const QString &path,
    std::function<void(int, const QByteArray &, const QByteArray &, const Error &)> done)
{
    QNetworkReply *reply = m_network.get(makeRequest(path));
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        done(status, reply->readAll(), reply->rawHeader("ETag"),
            status == 0 ? offline(reply->errorString()) : Error {});
    });
}

void ServerConnection::enrol(const QString &code, const QString &deviceName,
    const QString &caFingerprintHex,
    std::function<void(Core::Result<Protocol::EnrolResponse>)> done)
{
    // First learn the CA: a status call that fails verification (we trust nothing yet) still
    // shows the peer chain. No secret is sent on it. The CA is accepted only by fingerprint,
    // and the enrolment itself then runs with full verification against it.
    QNetworkRequest probe = makeRequest(QStringLiteral("/v1/status"));
    QSslConfiguration ssl = probe.sslConfiguration();
    ssl.setCaCertificates({});
    probe.setSslConfiguration(ssl);
    // Its own manager: QNetworkAccessManager keeps per-host connection state, and the probe's
    // empty trust must not leak into the real call.
    auto *probeNetwork = new QNetworkAccessManager(this);
    QNetworkReply *reply = probeNetwork->get(probe);
    auto chain = std::make_shared<QList<QSslCertificate>>();
    connect(reply, &QNetworkReply::sslErrors, this, [reply, chain](const QList<QSslError> &errors) {
        *chain = reply->sslConfiguration().peerCertificateChain();
        for (const QSslError &error : errors) {
            if (!error.certificate().isNull())
                chain->append(error.certificate());
        }
    });
    connect(reply, &QNetworkReply::finished, this, [=, this, done = std::move(done)]() mutable {
        reply->deleteLater();
        probeNetwork->deleteLater();
        QList<QSslCertificate> pinned;
        for (const QSslCertificate &cert : *chain) {
            if (QString::fromLatin1(cert.digest(QCryptographicHash::Sha256).toHex())
                    .compare(caFingerprintHex.trimmed(), Qt::CaseInsensitive)
                == 0)
                pinned.append(cert);
        }
        if (pinned.isEmpty()) {
            done(Error::make(QStringLiteral("sync.ca_mismatch"),
                Tr::tr("The server's certificate does not match the enrolment details."),
                reply->errorString()));
            return;
        }
        m_ca = pinned;
        const QByteArray body = QJsonDocument(Protocol::EnrolRequest { code, deviceName }.toJson())
                                    .toJson(QJsonDocument::Compact);
        send("POST", QStringLiteral("/v1/enrol"), body,
            [this, pinned, done](int status, const QJsonObject &json, const Error &transport) {
                if (status == 0)
                    return done(transport);
                if (status != 200)
                    return done(fromStatus(status, json));
                Core::Result<Protocol::EnrolResponse> response
                    = Protocol::EnrolResponse::fromJson(json);
                if (response
                    && QSslCertificate(response->caCertificatePem.toLatin1()) != pinned.first())
                    return done(Error::make(QStringLiteral("sync.ca_mismatch"),
                        Tr::tr("The server's certificate does not match the enrolment details."),
                        {}));
                if (response)
                    m_token = response->token;
                done(response);
            });
    });
}

void ServerConnection::push(const Protocol::PushRequest &request,
    std::function<void(Core::Result<Protocol::PushResponse>)> done)
{
    const QByteArray body = QJsonDocument(request.toJson()).toJson(QJsonDocument::Compact);
    send("POST", QStringLiteral("/v1/events"), body,
        [done = std::move(done)](int status, const QJsonObject &json, const Error &transport) {
            if (status == 0)
                return done(transport);
            // 422 still carries per-event results: the rejected ones and those to send again.
            if (status != 200 && status != 422)
                return done(fromStatus(status, json));
            done(Protocol::PushResponse::fromJson(json));
        });
}

void ServerConnection::pull(
    qint64 since, int limit, std::function<void(Core::Result<Protocol::ChangePage>)> done)
{
    // Without a kind the server answers the catalog feed (what a v1 tablet pulled).
    requestPage(
        QStringLiteral("/v1/changes?since=%1&limit=%2").arg(since).arg(limit), std::move(done));
}

void ServerConnection::pull(Protocol::FeedKind kind, qint64 since, int limit,
    std::function<void(Core::Result<Protocol::ChangePage>)> done)
{
    requestPage(QStringLiteral("/v1/changes?kind=%1&since=%2&limit=%3")
                    .arg(Protocol::name(kind))
                    .arg(since)
                    .arg(limit),
        std::move(done));
}

void ServerConnection::pullRange(Protocol::FeedKind kind, qint64 since, qint64 until,
    const QStringList &only, int limit,
    std::function<void(Core::Result<Protocol::ChangePage>)> done)
{
    requestPage(QStringLiteral("/v1/changes?kind=%1&since=%2&until=%3&only=%4&limit=%5")
                    .arg(Protocol::name(kind))
                    .arg(since)
                    .arg(until)
                    .arg(only.join(QLatin1Char(',')))
                    .arg(limit),
        std::move(done));
}

void ServerConnection::snapshotManifest(
    std::function<void(Core::Result<Protocol::SnapshotManifest>)> done)
{
    send("GET", QStringLiteral("/v1/snapshot"), {},
        [done = std::move(done)](int status, const QJsonObject &json, const Error &transport) {
            if (status == 0)
                return done(transport);
            if (status == 404)
                return done(Error::make(QStringLiteral("snapshot.none"),
                    Tr::tr("The server has no product catalog file ready yet."),
                    QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact))));
            if (status != 200)
                return done(fromStatus(status, json));
            done(Protocol::snapshotManifestFromJson(json, Protocol::Reading::Tolerant));
        });
}

void ServerConnection::downloadRange(const QString &path, qint64 from, qint64 to,
    std::function<void(const QByteArray &, qint64, const Core::Error &)> done)
{
    QNetworkRequest request = makeRequest(path);
    request.setRawHeader("Range", QStringLiteral("bytes=%1-%2").arg(from).arg(to).toLatin1());
    QNetworkReply *reply = m_network.get(request);
    connect(reply, &QNetworkReply::finished, this, [reply, from, to, done = std::move(done)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 0)
            return done({}, -1, offline(reply->errorString()));
        QByteArray body = reply->readAll();
        if (status == 404)
            return done({}, -1,
                Error::make(QStringLiteral("snapshot.gone"),
                    Tr::tr("The server no longer has this product catalog file; a newer one "
                           "is fetched."),
                    QString::fromUtf8(body.left(300))));
        if (status == 416)
            return done({}, -1,
                Error::make(QStringLiteral("snapshot.range"),
                    Tr::tr("The server refused the data from this tablet."),
                    QStringLiteral("416 for bytes %1-%2").arg(from).arg(to)));
        if (status != 206 && status != 200)
            return done({}, -1, fromStatus(status, QJsonDocument::fromJson(body).object()));
        qint64 total = -1;
        if (status == 206) {
            // "bytes a-b/total"
            const QByteArray range = reply->rawHeader("Content-Range");
            const qsizetype slash = range.lastIndexOf('/');
            const qsizetype dash = range.indexOf('-');
            const qint64 start = range.mid(6, dash - 6).trimmed().toLongLong();
            if (slash > 0)
                total = range.mid(slash + 1).trimmed().toLongLong();
            if (start != from)
                return done({}, -1,
                    Error::make(QStringLiteral("snapshot.range"),
                        Tr::tr("The server refused the data from this tablet."),
                        QStringLiteral("asked %1, got %2")
                            .arg(from)
                            .arg(QString::fromLatin1(range))));
        } else {
            total = body.size();
            body = body.mid(from, to - from + 1);
        }
        done(body, total, Error {});
    });
}

void ServerConnection::requestPage(
    const QString &path, std::function<void(Core::Result<Protocol::ChangePage>)> done)
{
    QNetworkReply *reply = m_network.get(makeRequest(path));
    connect(reply, &QNetworkReply::finished, this, [this, reply, done = std::move(done)]() mutable {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 0)
            return done(offline(reply->errorString()));
        QByteArray body = reply->readAll();
        if (status != 200)
            return done(fromStatus(status, QJsonDocument::fromJson(body).object()));
        // The destructor waits for this task, so `this` outlives it; the queued call is dropped
        // if the connection is gone by the time it would run.
        m_parser.start([this, body = std::move(body), done = std::move(done)]() mutable {
            auto page = std::make_shared<Core::Result<Protocol::ChangePage>>(
                Protocol::ChangePage::fromJson(QJsonDocument::fromJson(body).object()));
            QMetaObject::invokeMethod(
                this, [page, done = std::move(done)] { done(std::move(*page)); },
                Qt::QueuedConnection);
        });
    });
}

void ServerConnection::searchCustomers(
    const QString &text, std::function<void(Core::Result<QList<Protocol::CustomerData>>)> done)
{
    send("GET",
        QStringLiteral("/v1/customers?q=") + QString::fromLatin1(QUrl::toPercentEncoding(text)), {},
        [done = std::move(done)](int status, const QJsonObject &json, const Error &transport) {
            if (status == 0)
                return done(transport);
            if (status != 200)
                return done(fromStatus(status, json));
            done(Protocol::customerSearchFromJson(json));
        });
}

void ServerConnection::customerProfile(
    qint64 customerId, std::function<void(Core::Result<Protocol::CustomerProfile>)> done)
{
    send("GET", QStringLiteral("/v1/customers/profile?id=%1").arg(customerId), {},
        [done = std::move(done)](int status, const QJsonObject &json, const Error &transport) {
            if (status == 0)
                return done(transport);
            if (status != 200)
                return done(fromStatus(status, json));
            done(Protocol::CustomerProfile::fromJson(json));
        });
}

void ServerConnection::failedMail(
    std::function<void(Core::Result<QList<Protocol::FailedMail>>)> done)
{
    send("GET", QStringLiteral("/v1/mail/failed"), {},
        [done = std::move(done)](int status, const QJsonObject &json, const Error &transport) {
            if (status == 0)
                return done(transport);
            if (status != 200)
                return done(fromStatus(status, json));
            done(Protocol::FailedMail::listFromJson(json));
        });
}

void ServerConnection::claimCoupon(
    const QString &code, const QString &saleId, std::function<void(Core::Result<bool>)> done)
{
    const QByteArray body = QJsonDocument(
        QJsonObject { { QStringLiteral("code"), code },
            { QStringLiteral("saleId"),
                saleId } }).toJson(QJsonDocument::Compact);
    send("POST", QStringLiteral("/v1/coupons/claim"), body,
        [done = std::move(done)](int status, const QJsonObject &json, const Error &transport) {
            if (status == 0)
                return done(transport);
            if (status == 409)
                return done(false);
            if (status != 200)
                return done(fromStatus(status, json));
            done(true);
        });
}

void ServerConnection::call(const QByteArray &method, const QString &path, const QJsonObject *body,
    std::function<void(int, const QJsonObject &, const Error &)> done)
{
    send(method, path, body ? QJsonDocument(*body).toJson(QJsonDocument::Compact) : QByteArray(),
        std::move(done));
}

void ServerConnection::releaseCoupon(
    const QString &code, const QString &saleId, std::function<void(Core::Result<bool>)> done)
{
    const QByteArray body = QJsonDocument(
        QJsonObject { { QStringLiteral("code"), code },
            { QStringLiteral("saleId"),
                saleId } }).toJson(QJsonDocument::Compact);
    send("POST", QStringLiteral("/v1/coupons/release"), body,
        [done = std::move(done)](int status, const QJsonObject &json, const Error &transport) {
            if (status == 0)
                return done(transport);
            if (status == 409 || status == 404)
                return done(false);
            if (status != 200)
                return done(fromStatus(status, json));
            done(true);
        });
}

} // namespace Toonbank::Sync::Client
