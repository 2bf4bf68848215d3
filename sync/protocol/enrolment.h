#pragma once

#include "app/core/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace Toonbank::Sync::Protocol {

/// POST /v1/enrol (the only call without a device token): a one-time code for a device token.
struct EnrolRequest
{
    QString code; // as printed by `toonbank-admin enrol`, e.g. "K7QF-M2XD-9PLA-4TRE"
    QString deviceName; // "Till 2, Amsterdam"

    QJsonObject toJson() const;
    static Core::Result<EnrolRequest> fromJson(const QJsonObject &json);
};

struct EnrolResponse
{
    QString deviceId;
    QString token; // sent as "Authorization: Bearer <token>" from now on
    qint64 locationId = 0; // the store this device belongs to: its whole write scope
    QString locationCode;
    QString caCertificatePem; // verify the server with this CA from now on
    QDateTime serverTime;

    QJsonObject toJson() const;
    static Core::Result<EnrolResponse> fromJson(const QJsonObject &json);
};

/// The JSON body of every 4xx/5xx answer: {"error": {"code": "...", "message": "..."}}.
struct ApiErrorBody
{
    QString code;
    QString message;

    QJsonObject toJson() const;
    static Core::Result<ApiErrorBody> fromJson(const QJsonObject &json);
};

} // namespace Toonbank::Sync::Protocol
