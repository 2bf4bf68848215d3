#pragma once
// Shared by the benchmarks: one line a measured operation with its median and p99.

#include <QElapsedTimer>
#include <QList>

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace Toonbank::Bench {

/// How a benchmark lines up its report: the name's column, the count's and the figures' widths
/// and the figures' decimals.
struct ReportFormat
{
    int nameWidth = 40;
    int countWidth = 5;
    int figureWidth = 7;
    int decimals = 2;
};

/// Prints "<what> n=<samples> median … ms   p99 … ms   max … ms" for the samples `ms`
/// (milliseconds), or that there were none, and flushes (a long run shows its progress).
inline void report(const char *what, QList<double> ms, const ReportFormat &format = {})
{
    if (ms.isEmpty()) {
        std::printf("%-*s no samples\n", format.nameWidth, what);
        return;
    }
    std::sort(ms.begin(), ms.end());
    const double median = ms.at(ms.size() / 2);
    const double p99 = ms.at(std::min<qsizetype>(ms.size() - 1, qsizetype(ms.size() * 0.99)));
    const int w = format.figureWidth;
    const int d = format.decimals;
    std::printf("%-*s n=%-*lld median %*.*f ms   p99 %*.*f ms   max %*.*f ms\n", format.nameWidth,
        what, format.countWidth, qlonglong(ms.size()), w, d, median, w, d, p99, w, d, ms.last());
    std::fflush(stdout);
}

/// Milliseconds since `timer` started, with its nanosecond resolution.
inline double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

/// CPU time this thread has used, in ms: unlike the wall clock it hardly moves when other
/// processes (a parallel build) share the cores, so runs on a busy machine still compare.
inline double threadCpuMs()
{
    timespec now {};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

} // namespace Toonbank::Bench
