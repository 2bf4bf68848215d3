#include "controllers.h"

#include "serverdatabase.h"

#include "sync/protocol/changefeed.h"
#include "sync/protocol/enrolment.h"
#include "sync/protocol/pushbatch.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QUrlQuery>

namespace Toonbank::Sync::Server {

ApiReply StatusController::status(const ApiRequest &)
{
    return ApiReply::json({ { QStringLiteral("status"), QStringLiteral("ok") },
        { QStringLiteral("protocol"), Protocol::protocolVersion },
        { QStringLiteral("schema"), m_db.schemaVersion() },
        { QStringLiteral("database"),
            m_db.dialect() == Dialect::Sqlite ? QStringLiteral("sqlite")
                                              : QStringLiteral("postgresql") } });
}

ApiReply EnrolmentController::enrol(const ApiRequest &request)
{
    auto body = request.jsonBody();
    if (auto *error = std::get_if<ApiError>(&body))
        return ApiReply::error(*error);
    Core::Result<Protocol::EnrolRequest> parsed
        = Protocol::EnrolRequest::fromJson(std::get<QJsonObject>(body));
    if (!parsed)
        return ApiReply::error(ApiError::fromCore(ApiErrorKind::BadRequest, parsed.error()));
    auto enrolled = m_devices.enrol(parsed.value(), m_caPem);
    if (auto *error = std::get_if<ApiError>(&enrolled))
        return ApiReply::error(*error);
    return ApiReply::json(std::get<Protocol::EnrolResponse>(enrolled).toJson());
}

ApiReply EventsController::push(const ApiRequest &request)
{
    auto body = request.jsonBody();
    if (auto *error = std::get_if<ApiError>(&body))
        return ApiReply::error(*error);
    Core::Result<Protocol::PushRequest> parsed
        = Protocol::PushRequest::fromJson(std::get<QJsonObject>(body));
    if (!parsed)
        return ApiReply::error(ApiError::fromCore(ApiErrorKind::BadRequest, parsed.error()));
    auto applied = m_applier.apply(*request.device, parsed.value());
    if (auto *error = std::get_if<ApiError>(&applied))
        return ApiReply::error(*error);
    const auto &outcome = std::get<EventApplier::Outcome>(applied);
    QJsonObject json = outcome.response.toJson();
    if (!outcome.anyRejected)
        return ApiReply::json(json);
    // 422: the batch was refused as a whole; results say which events were invalid.
    json.insert(QStringLiteral("error"),
        QJsonObject { { QStringLiteral("code"), QStringLiteral("events.rejected") },
            { QStringLiteral("message"),
                QStringLiteral("the batch holds invalid events; nothing was applied") } });
    return ApiReply::json(json, httpStatus(ApiErrorKind::Unprocessable));
}

ApiReply EventsController::rejected(const ApiRequest &request)
{
    auto query = m_db.exec(
        QStringLiteral(
            "SELECT event_id, device_seq, type, reason_code, reason, received_at FROM events "
            "WHERE device_id = ? AND status = 'rejected' ORDER BY device_seq LIMIT 1000"),
        { request.device->deviceId });
    if (!query)
        return ApiReply::error(ApiError::fromCore(ApiErrorKind::Internal, query.error()));
    QJsonArray items;
    while (query.value().next()) {
        QSqlQuery &q = query.value();
        items.append(QJsonObject { { QStringLiteral("eventId"), q.value(0).toString() },
            { QStringLiteral("deviceSeq"), q.value(1).toLongLong() },
            { QStringLiteral("type"), q.value(2).toString() },
            { QStringLiteral("code"), q.value(3).toString() },
            { QStringLiteral("reason"), q.value(4).toString() },
            { QStringLiteral("receivedAt"), q.value(5).toString() } });
    }
    return ApiReply::json({ { QStringLiteral("rejected"), items } });
}

ApiReply ChangesController::changes(const ApiRequest &request)
{
    const QUrlQuery query = request.http.query();
    for (const auto &[key, value] : query.queryItems()) {
        if (key != QLatin1String("since") && key != QLatin1String("limit")
            && key != QLatin1String("kind"))
            return ApiReply::error(
                { ApiErrorKind::BadRequest, QStringLiteral("protocol.unknown_field"),
                    QStringLiteral("unknown query parameter %1").arg(key.left(40)) });
    }
    bool sinceOk = true;
    bool limitOk = true;
    const qint64 since = query.hasQueryItem(QStringLiteral("since"))
        ? query.queryItemValue(QStringLiteral("since")).toLongLong(&sinceOk)
        : 0;
    const qint64 limit = query.hasQueryItem(QStringLiteral("limit"))
        ? query.queryItemValue(QStringLiteral("limit")).toLongLong(&limitOk)
        : Protocol::defaultChangePageSize;
    if (!sinceOk || since < 0)
        return ApiReply::error({ ApiErrorKind::BadRequest, QStringLiteral("protocol.out_of_range"),
            QStringLiteral("since must be a whole number >= 0") });
    if (!limitOk || limit < 1 || limit > Protocol::maxChangePageSize)
        return ApiReply::error({ ApiErrorKind::BadRequest, QStringLiteral("protocol.out_of_range"),
            QStringLiteral("limit must be 1 to %1").arg(Protocol::maxChangePageSize) });
    const QString kindName = query.hasQueryItem(QStringLiteral("kind"))
        ? query.queryItemValue(QStringLiteral("kind"))
        : Protocol::name(Protocol::FeedKind::Catalog);
    const std::optional<Protocol::FeedKind> kind = Protocol::feedKindFromName(kindName);
    if (!kind)
        return ApiReply::error({ ApiErrorKind::BadRequest, QStringLiteral("protocol.unknown_kind"),
            QStringLiteral("unknown feed kind %1").arg(kindName.left(40)) });
    auto page = m_reader.page(*request.device, *kind, since, int(limit));
    if (auto *error = std::get_if<ApiError>(&page))
        return ApiReply::error(*error);
    return { 200, std::get<QByteArray>(page) };
}

} // namespace Toonbank::Sync::Server
