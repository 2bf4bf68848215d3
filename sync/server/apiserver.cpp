#include "apiserver.h"

#include "controllers.h"
#include "reportscontroller.h"
#include "returnscontroller.h"
#include "serverdatabase.h"
#include "snapshotcontroller.h"
#include "walletcontroller.h"

#include "sync/protocol/enrolment.h"

#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QTcpSocket>
#include <QUrl>

namespace Toonbank::Sync::Server {

using Method = QHttpServerRequest::Method;

ApiReply ApiReply::json(const QJsonObject &object, int status)
{
    ApiReply reply;
    reply.status = status;
    reply.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return reply;
}

ApiReply ApiReply::error(const ApiError &error)
{
    return json(
        Protocol::ApiErrorBody { error.code, error.message }.toJson(), httpStatus(error.kind));
}

std::variant<QJsonObject, ApiError> ApiRequest::jsonBody() const
{
    const QByteArray contentType = http.value("Content-Type").toLower();
    if (!contentType.startsWith("application/json"))
        return ApiError { ApiErrorKind::UnsupportedMedia, QStringLiteral("http.content_type"),
            QStringLiteral("the body must be application/json") };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(http.body(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return ApiError { ApiErrorKind::BadRequest, QStringLiteral("protocol.malformed_json"),
            QStringLiteral("malformed JSON at offset %1: %2")
                .arg(parseError.offset)
                .arg(parseError.errorString()) };
    if (!document.isObject())
        return ApiError { ApiErrorKind::BadRequest, QStringLiteral("protocol.wrong_type"),
            QStringLiteral("the body must be a JSON object") };
    return document.object();
}

struct ApiServer::Controllers
{
    StatusController status;
    EnrolmentController enrolment;
    EventsController events;
    ChangesController changes;
    CustomersController customers;
    CouponsController coupons;
    WalletController wallet;
    MailController mail;
    ReturnsController returns;
    ReportsController reports;
    SnapshotController snapshots;
};

ApiServer::ApiServer(ServerDatabase &database, Options options, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_db(database)
    , m_options(std::move(options))
    , m_devices(database)
    , m_handlers(EventHandlerRegistry::standard({ m_options.checkSales }))
    , m_controllers(new Controllers { StatusController(database),
          EnrolmentController(m_devices, m_options.caCertificatePem),
          EventsController(database, *m_handlers), ChangesController(database),
          CustomersController(database), CouponsController(database), WalletController(database),
          MailController(database), ReturnsController(database), ReportsController(database),
          SnapshotController(database, m_options.dataDir) })
{
    Controllers &c = *m_controllers;
    m_routes = {
        { QStringLiteral("/v1/status"), Method::Get, false,
            [&c](const ApiRequest &r) { return c.status.status(r); } },
        { QStringLiteral("/v1/enrol"), Method::Post, false,
            [&c](const ApiRequest &r) { return c.enrolment.enrol(r); } },
        { QStringLiteral("/v1/events"), Method::Post, true,
            [&c](const ApiRequest &r) { return c.events.push(r); } },
        { QStringLiteral("/v1/events/rejected"), Method::Get, true,
            [&c](const ApiRequest &r) { return c.events.rejected(r); } },
        { QStringLiteral("/v1/changes"), Method::Get, true,
            [&c](const ApiRequest &r) { return c.changes.changes(r); } },
        { QStringLiteral("/v1/customers"), Method::Get, true,
            [&c](const ApiRequest &r) { return c.customers.search(r); } },
        { QStringLiteral("/v1/customers/profile"), Method::Get, true,
            [&c](const ApiRequest &r) { return c.customers.profile(r); } },
        { QStringLiteral("/v1/coupons/claim"), Method::Post, true,
            [&c](const ApiRequest &r) { return c.coupons.claim(r); } },
        { QStringLiteral("/v1/coupons/release"), Method::Post, true,
            [&c](const ApiRequest &r) { return c.coupons.release(r); } },
        { QStringLiteral("/v1/giftcards/balance"), Method::Get, true,
            [&c](const ApiRequest &r) { return c.wallet.giftCardBalance(r); } },
        { QStringLiteral("/v1/storecredit"), Method::Get, true,
            [&c](const ApiRequest &r) { return c.wallet.storeCreditBalance(r); } },
        { QStringLiteral("/v1/wallet/claims"), Method::Post, true,
            [&c](const ApiRequest &r) { return c.wallet.claim(r); } },
        { QStringLiteral("/v1/wallet/claims"), Method::Get, true,
            [&c](const ApiRequest &r) { return c.wallet.status(r); } },
        { QStringLiteral("/v1/wallet/claims/release"), Method::Post, true,
            [&c](const ApiRequest &r) { return c.wallet.release(r); } },
        { QStringLiteral("/v1/mail/failed"), Method::Get, true,
            [&c](const ApiRequest &r) { return c.mail.failed(r); } },
        { QStringLiteral("/v1/returns/lookup"), Method::Get, true,
            [&c](const ApiRequest &r) { return c.returns.lookup(r); } },
        { QStringLiteral("/v1/returns"), Method::Post, true,
            [&c](const ApiRequest &r) { return c.returns.claim(r); } },
        { QStringLiteral("/v1/returns/*/release"), Method::Post, true,
            [&c](const ApiRequest &r) { return c.returns.release(r); } },
        { QStringLiteral("/v1/returns/*"), Method::Get, true,
            [&c](const ApiRequest &r) { return c.returns.status(r); } },
        { QStringLiteral("/v1/reports/day"), Method::Get, true,
            [&c](const ApiRequest &r) { return c.reports.day(r); } },
        { QStringLiteral("/v1/snapshot"), Method::Get, true,
            [&c](const ApiRequest &r) { return c.snapshots.manifest(r); } },
        { QStringLiteral("/v1/snapshot/file"), Method::Get, true,
            [&c](const ApiRequest &r) { return c.snapshots.file(r); } },
    };
}

ApiServer::~ApiServer() = default;

namespace {

// A route path matches exactly, or segment by segment where the route has "*" (one non-empty
// segment: /v1/returns/*/release). 2: exact, 1: through a wildcard, 0: no match.
int pathMatch(const QString &routePath, const QString &path)
{
    if (routePath == path)
        return 2;
    if (!routePath.contains(QLatin1Char('*')))
        return 0;
    const QStringList want = routePath.split(QLatin1Char('/'));
    const QStringList have = path.split(QLatin1Char('/'));
    if (want.size() != have.size())
        return 0;
    for (qsizetype i = 0; i < want.size(); ++i) {
        if (want.at(i) == QLatin1String("*") ? have.at(i).isEmpty() : want.at(i) != have.at(i))
            return 0;
    }
    return 1;
}

} // namespace

ApiReply ApiServer::dispatch(const QHttpServerRequest &request)
{
    const QString path = request.url().path();
    const Route *match = nullptr;
    int matchQuality = 0;
    bool pathKnown = false;
    for (const Route &route : m_routes) {
        const int quality = pathMatch(route.path, path);
        if (quality == 0)
            continue;
        pathKnown = true;
        if (route.method == request.method() && quality > matchQuality) {
            match = &route;
            matchQuality = quality;
        }
    }
    if (!pathKnown)
        return ApiReply::error({ ApiErrorKind::NotFound, QStringLiteral("http.not_found"),
            QStringLiteral("no such resource") });
    if (!match)
        return ApiReply::error({ ApiErrorKind::MethodNotAllowed, QStringLiteral("http.method"),
            QStringLiteral("method not allowed on this resource") });
    // Qt 6.4 reads the whole body before handing the request over, so this bounds what a
    // controller parses; the socket read itself is bounded by the reverse proxy in production.
    const qint64 declared = request.value("Content-Length").toLongLong();
    if (declared > m_options.maxBodyBytes || request.body().size() > m_options.maxBodyBytes)
        return ApiReply::error({ ApiErrorKind::PayloadTooLarge, QStringLiteral("http.too_large"),
            QStringLiteral("the body is larger than %1 bytes").arg(m_options.maxBodyBytes) });
    ApiRequest apiRequest { request, std::nullopt };
    if (match->needsDevice) {
        apiRequest.device = m_devices.authenticate(request.value("Authorization"));
        if (!apiRequest.device)
            return ApiReply::error({ ApiErrorKind::Unauthorized, QStringLiteral("auth.token"),
                QStringLiteral("missing, unknown or revoked device token") });
    }
    return match->handler(apiRequest);
}

bool ApiServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    send(request, socket, dispatch(request));
    return true;
}

void ApiServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    send(request, socket,
        ApiReply::error({ ApiErrorKind::NotFound, QStringLiteral("http.not_found"),
            QStringLiteral("no such resource") }));
}

void ApiServer::send(const QHttpServerRequest &request, QTcpSocket *socket, const ApiReply &reply)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(reply.status));
    responder.writeHeader(QByteArrayLiteral("Content-Type"), reply.contentType);
    responder.writeHeader(QByteArrayLiteral("Cache-Control"), reply.cacheControl);
    responder.writeHeader(
        QByteArrayLiteral("Content-Length"), QByteArray::number(reply.body.size()));
    for (const auto &[key, value] : reply.headers)
        responder.writeHeader(key, value);
    responder.writeBody(reply.body);
}

} // namespace Toonbank::Sync::Server
