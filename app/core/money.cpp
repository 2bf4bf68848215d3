#include "money.h"

#include "tr.h"

#include <limits>

namespace Toonbank::Core {

QString Money::toPlainString() const
{
    const qint64 magnitude = m_cents < 0 ? -m_cents : m_cents;
    return QStringLiteral("%1%2.%3")
        .arg(m_cents < 0 ? QStringLiteral("-") : QString())
        .arg(magnitude / 100)
        .arg(magnitude % 100, 2, 10, QLatin1Char('0'));
}

QString Money::toDisplayString(const QLocale &locale) const
{
    const qint64 magnitude = m_cents < 0 ? -m_cents : m_cents;
    // Format the euros with the locale's grouping, then append the cents ourselves so no
    // floating point ever touches the amount.
    const QString euros = locale.toString(magnitude / 100);
    const QString cents = QStringLiteral("%1").arg(magnitude % 100, 2, 10, QLatin1Char('0'));
    const QString number = euros + locale.decimalPoint() + cents;
    const QString sign = m_cents < 0 ? locale.negativeSign() : QString();
    if (locale.language() == QLocale::Dutch)
        return QStringLiteral("€ %1%2").arg(sign, number);
    return QStringLiteral("%1€%2").arg(sign, number);
}

Result<Money> Money::parse(const QString &text)
{
    const QString trimmed = text.trimmed();
    auto invalid = [&text](const QString &why) {
        return Error::make(QStringLiteral("money.invalid"),
            Tr::tr("\"%1\" is not a valid amount.").arg(text.left(40)), why);
    };
    if (trimmed.isEmpty())
        return invalid(QStringLiteral("empty"));
    qsizetype pos = 0;
    bool negative = false;
    if (trimmed.at(0) == QLatin1Char('-') || trimmed.at(0) == QLatin1Char('+')) {
        negative = trimmed.at(0) == QLatin1Char('-');
        pos = 1;
    }
    qint64 euros = 0;
    int eurosDigits = 0;
    constexpr qint64 maxEuros = std::numeric_limits<qint64>::max() / 1000;
    while (pos < trimmed.size() && trimmed.at(pos).isDigit()) {
        euros = euros * 10 + trimmed.at(pos).digitValue();
        if (euros > maxEuros)
            return invalid(QStringLiteral("out of range"));
        ++eurosDigits;
        ++pos;
    }
    qint64 cents = 0;
    int centDigits = 0;
    if (pos < trimmed.size()
        && (trimmed.at(pos) == QLatin1Char('.') || trimmed.at(pos) == QLatin1Char(','))) {
        ++pos;
        while (pos < trimmed.size() && trimmed.at(pos).isDigit()) {
            if (++centDigits > 2)
                return invalid(QStringLiteral("more than two decimals"));
            cents = cents * 10 + trimmed.at(pos).digitValue();
            ++pos;
        }
        if (centDigits == 1)
            cents *= 10;
        if (centDigits == 0 && eurosDigits == 0)
            return invalid(QStringLiteral("no digits"));
    }
    if (pos != trimmed.size() || (eurosDigits == 0 && centDigits == 0))
        return invalid(QStringLiteral("unexpected character"));
    const qint64 total = euros * 100 + cents;
    return Money::fromCents(negative ? -total : total);
}

} // namespace Toonbank::Core
