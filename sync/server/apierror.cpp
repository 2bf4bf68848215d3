#include "apierror.h"

namespace Toonbank::Sync::Server {

int httpStatus(ApiErrorKind kind)
{
    switch (kind) {
    case ApiErrorKind::BadRequest:
        return 400;
    case ApiErrorKind::Unauthorized:
        return 401;
    case ApiErrorKind::Forbidden:
        return 403;
    case ApiErrorKind::NotFound:
        return 404;
    case ApiErrorKind::MethodNotAllowed:
        return 405;
    case ApiErrorKind::PayloadTooLarge:
        return 413;
    case ApiErrorKind::UnsupportedMedia:
        return 415;
    case ApiErrorKind::Conflict:
        return 409;
    case ApiErrorKind::Gone:
        return 410;
    case ApiErrorKind::Unprocessable:
        return 422;
    case ApiErrorKind::Internal:
        return 500;
    }
    return 500;
}

} // namespace Toonbank::Sync::Server
