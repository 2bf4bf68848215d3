#include "enrolment.h"

#include "jsonreader.h"

namespace Toonbank::Sync::Protocol {

QJsonObject EnrolRequest::toJson() const
{
    return { { QStringLiteral("code"), code }, { QStringLiteral("deviceName"), deviceName } };
}

Core::Result<EnrolRequest> EnrolRequest::fromJson(const QJsonObject &json)
{
    JsonReader r(json, QStringLiteral("enrol"));
    EnrolRequest request;
    request.code = r.string(QStringLiteral("code"));
    request.deviceName = r.string(QStringLiteral("deviceName"));
    r.rejectUnknownFields();
    if (r.ok() && (request.code.size() > 64 || request.deviceName.size() > 200))
        r.fail(QStringLiteral("protocol.too_long"),
            QStringLiteral("enrol.code or enrol.deviceName is too long"));
    if (!r.ok())
        return r.error();
    return request;
}

QJsonObject EnrolResponse::toJson() const
{
    return { { QStringLiteral("deviceId"), deviceId }, { QStringLiteral("token"), token },
        { QStringLiteral("locationId"), locationId },
        { QStringLiteral("locationCode"), locationCode },
        { QStringLiteral("caCertificatePem"), caCertificatePem },
        { QStringLiteral("serverTime"), serverTime.toUTC().toString(Qt::ISODateWithMs) } };
}

Core::Result<EnrolResponse> EnrolResponse::fromJson(const QJsonObject &json)
{
    JsonReader r(json, QStringLiteral("enrolled"));
    EnrolResponse response;
    response.deviceId = r.string(QStringLiteral("deviceId"));
    response.token = r.string(QStringLiteral("token"));
    response.locationId = r.integer(QStringLiteral("locationId"), true, 1);
    response.locationCode = r.string(QStringLiteral("locationCode"));
    response.caCertificatePem = r.string(QStringLiteral("caCertificatePem"), false);
    response.serverTime = r.timestamp(QStringLiteral("serverTime"));
    r.rejectUnknownFields();
    if (!r.ok())
        return r.error();
    return response;
}

QJsonObject ApiErrorBody::toJson() const
{
    return { { QStringLiteral("error"),
        QJsonObject {
            { QStringLiteral("code"), code }, { QStringLiteral("message"), message } } } };
}

Core::Result<ApiErrorBody> ApiErrorBody::fromJson(const QJsonObject &json)
{
    const QJsonObject error = json.value(QStringLiteral("error")).toObject();
    JsonReader r(error, QStringLiteral("error"));
    ApiErrorBody body;
    body.code = r.string(QStringLiteral("code"));
    body.message = r.string(QStringLiteral("message"));
    if (!r.ok())
        return r.error();
    return body;
}

} // namespace Toonbank::Sync::Protocol
