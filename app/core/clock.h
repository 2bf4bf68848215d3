#pragma once

#include <QDateTime>

namespace Toonbank::Core {

/// Where services and the server get "now" from, so a VAT change date, a promotion's end or a
/// return window can be tested. Never call QDateTime::currentDateTime() in services.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime nowUtc() const = 0;
    /// Local time of the store, for what a person reads (promotion from/until, receipts).
    QDateTime nowLocal() const { return nowUtc().toLocalTime(); }
};

/// The wall clock.
class SystemClock final : public Clock
{
public:
    QDateTime nowUtc() const override { return QDateTime::currentDateTimeUtc(); }
    static const SystemClock &instance();
};

/// A clock tests set by hand.
class FixedClock final : public Clock
{
public:
    explicit FixedClock(QDateTime utc)
        : m_now(std::move(utc))
    { }
    QDateTime nowUtc() const override { return m_now; }
    void set(QDateTime utc) { m_now = std::move(utc); }
    void advanceSecs(qint64 seconds) { m_now = m_now.addSecs(seconds); }

private:
    QDateTime m_now;
};

} // namespace Toonbank::Core
