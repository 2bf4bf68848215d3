#pragma once

#include "apierror.h"
#include "deviceregistry.h"
#include "handlers/eventhandler.h"

#include <QAbstractHttpServer>
#include <QHttpServerRequest>
#include <QJsonObject>

#include <functional>
#include <memory>
#include <optional>
#include <variant>
#include <vector>

namespace Toonbank::Sync::Server {

class ServerDatabase;

/// What a controller answers: a status and a body, JSON unless `contentType` says otherwise
/// (snapshot files, product images), with any extra headers (Content-Range, ETag, …).
struct ApiReply
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = QByteArrayLiteral("application/json");
    QList<QPair<QByteArray, QByteArray>> headers; // e.g. {"Content-Range", "bytes 0-9/100"}
    /// Cache-Control: JSON answers are "no-store"; an image may set "max-age=86400".
    QByteArray cacheControl = QByteArrayLiteral("no-store");

    static ApiReply json(const QJsonObject &object, int status = 200);
    static ApiReply error(const ApiError &error);
};

/// One request as a controller sees it: the HTTP request and, on authenticated routes, the
/// device that made it.
struct ApiRequest
{
    const QHttpServerRequest &http;
    std::optional<DeviceIdentity> device;

    /// The body as a JSON object: 415 unless application/json, 400 when malformed or not an
    /// object. (The size limit is checked before any controller runs.)
    std::variant<QJsonObject, ApiError> jsonBody() const;
};

/// The /v1 API: a route table (path, allowed method, whether a device token is needed) in
/// front of one controller per resource. Unknown paths answer 404, a known path with another
/// method 405, every error as {"error": {"code", "message"}}.
class ApiServer final : public QAbstractHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiServer)
public:
    struct Options
    {
        qint64 maxBodyBytes = 8 * 1024 * 1024;
        QString caCertificatePem; // handed to tablets at enrolment
        bool checkSales = true; // false only for bench_sync (--no-sale-checks)
        /// The data folder whose snapshots/ this instance serves (empty: none, 404).
        QString dataDir;
    };

    ApiServer(ServerDatabase &database, Options options, QObject *parent = nullptr);
    ~ApiServer() override;

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct Route
    {
        QString path;
        QHttpServerRequest::Method method;
        bool needsDevice;
        std::function<ApiReply(const ApiRequest &)> handler;
    };

    ApiReply dispatch(const QHttpServerRequest &request);
    void send(const QHttpServerRequest &request, QTcpSocket *socket, const ApiReply &reply);

    ServerDatabase &m_db;
    Options m_options;
    DeviceRegistry m_devices;
    std::unique_ptr<EventHandlerRegistry> m_handlers;
    std::vector<Route> m_routes;
    struct Controllers;
    std::unique_ptr<Controllers> m_controllers;
};

} // namespace Toonbank::Sync::Server
