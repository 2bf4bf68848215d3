#include "backoff.h"

#include <QRandomGenerator>

#include <algorithm>

namespace Toonbank::Sync::Client {

Backoff::Backoff(int baseMs, int capMs, std::function<double()> random)
    : m_baseMs(baseMs)
    , m_capMs(capMs)
    , m_random(
          random ? std::move(random) : [] { return QRandomGenerator::global()->generateDouble(); })
{ }

int Backoff::nextDelayMs()
{
    const int exponent = std::min(m_failures, 20);
    const qint64 ceiling = std::min<qint64>(m_capMs, qint64(m_baseMs) << exponent);
    ++m_failures;
    return int(m_random() * double(ceiling));
}

} // namespace Toonbank::Sync::Client
