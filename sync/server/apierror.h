#pragma once

#include "app/core/result.h"

#include <QString>

namespace Toonbank::Sync::Server {

/// Typed API errors: each kind maps to one HTTP status, so a controller never picks numbers.
enum class ApiErrorKind {
    BadRequest, // 400 malformed JSON, wrong types, unknown fields
    Unauthorized, // 401 missing, wrong or revoked device token
    Forbidden, // 403 outside the device's scope
    NotFound, // 404
    MethodNotAllowed, // 405
    PayloadTooLarge, // 413
    UnsupportedMedia, // 415 not application/json
    Conflict, // 409 the resource is taken (a single-use coupon claimed by another sale)
    Gone, // 410 the resource exists but can no longer be used (an expired gift card)
    Unprocessable, // 422 well-formed but invalid (a sale that does not add up)
    Internal, // 500 database trouble: the client retries
};

struct ApiError
{
    ApiErrorKind kind = ApiErrorKind::Internal;
    QString code; // stable: "protocol.unknown_field", "auth.token", …
    QString message; // plain English for the log and the supervisor screen

    static ApiError fromCore(ApiErrorKind kind, const Core::Error &error)
    {
        return { kind, error.code, error.detail.isEmpty() ? error.message : error.detail };
    }
};

int httpStatus(ApiErrorKind kind);

} // namespace Toonbank::Sync::Server
