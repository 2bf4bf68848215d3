#pragma once

#include "result.h"

#include <QLocale>
#include <QMetaType>
#include <QString>

#include <compare>
#include <cstdint>

namespace Toonbank::Core {

/// An amount of euros in integer cents. Never floating point: every total, VAT amount and
/// rounding step is exact.
class Money
{
public:
    constexpr Money() = default;
    static constexpr Money fromCents(qint64 cents) { return Money(cents); }

    constexpr qint64 cents() const { return m_cents; }
    constexpr bool isZero() const { return m_cents == 0; }
    constexpr bool isNegative() const { return m_cents < 0; }

    constexpr Money operator+(Money other) const { return Money(m_cents + other.m_cents); }
    constexpr Money operator-(Money other) const { return Money(m_cents - other.m_cents); }
    constexpr Money operator-() const { return Money(-m_cents); }
    constexpr Money operator*(qint64 factor) const { return Money(m_cents * factor); }
    constexpr Money &operator+=(Money other)
    {
        m_cents += other.m_cents;
        return *this;
    }
    constexpr Money &operator-=(Money other)
    {
        m_cents -= other.m_cents;
        return *this;
    }
    constexpr auto operator<=>(const Money &) const = default;

    /// "12.50" style, no currency sign, '.' separator: for the wire and the log.
    QString toPlainString() const;
    /// Locale formatted with the euro sign: "€ 12,50" in Dutch, "€12.50" in English.
    QString toDisplayString(const QLocale &locale = QLocale()) const;

    /// Parses what staff type or the wire carries: "12", "12.5", "12,50", "-3.10".
    /// More than two decimals, letters, empty or out-of-range text is an error.
    static Result<Money> parse(const QString &text);

private:
    constexpr explicit Money(qint64 cents)
        : m_cents(cents)
    { }
    qint64 m_cents = 0;
};

} // namespace Toonbank::Core

Q_DECLARE_METATYPE(Toonbank::Core::Money)
