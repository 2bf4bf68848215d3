#pragma once

#include <QtGlobal>

#include <functional>

namespace Toonbank::Sync::Client {

/// Exponential backoff with full jitter (AWS architecture blog): after n failures wait a
/// random time in [0, min(cap, base * 2^n)], so a store's tablets coming back together do not
/// hammer the server in step.
class Backoff final
{
public:
    explicit Backoff(int baseMs = 500, int capMs = 60000, std::function<double()> random = {});

    /// The delay before the next attempt, and one more failure counted.
    int nextDelayMs();
    void reset() { m_failures = 0; }
    int failures() const { return m_failures; }

private:
    int m_baseMs;
    int m_capMs;
    int m_failures = 0;
    std::function<double()> m_random; // uniform in [0, 1)
};

} // namespace Toonbank::Sync::Client
