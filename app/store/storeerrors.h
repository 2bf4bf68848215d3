#pragma once

#include "app/core/result.h"
#include "app/core/tr.h"

namespace Toonbank::Store::Internal {

/// A read or write of the cache failed for a reason staff cannot fix (disk full, I/O error,
/// a bug). The detail carries SQLite's message for the log.
inline Core::Error queryFailed(const QString &detail)
{
    return Core::Error::make(QStringLiteral("cache.query_failed"),
        Core::Tr::tr("The product cache could not be read or written."), detail);
}

} // namespace Toonbank::Store::Internal
