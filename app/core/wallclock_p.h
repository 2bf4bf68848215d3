#pragma once

#include <QDateTime>

namespace Toonbank::Core::Detail {

/// A store-local wall-clock time as milliseconds on one scale, for comparing promotion dates
/// quickly. Local (and unspecified) times are read as they are; a UTC or offset time is first
/// converted to the local time zone.
inline qint64 wallClockMsecs(const QDateTime &time)
{
    const QDateTime local = time.timeSpec() == Qt::LocalTime ? time : time.toLocalTime();
    return local.date().toJulianDay() * qint64(86'400'000) + local.time().msecsSinceStartOfDay();
}

} // namespace Toonbank::Core::Detail
