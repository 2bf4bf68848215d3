#include "barcode.h"

#include "tr.h"

#include <algorithm>

namespace Toonbank::Core {

namespace {

bool isAsciiDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

// A scanner gone wrong can send hundreds of characters; the message names the code without
// flooding the screen.
QString shownCode(const QString &code)
{
    constexpr qsizetype maxShown = 20;
    if (code.size() <= maxShown)
        return code;
    return code.left(maxShown) + QChar(0x2026);
}

} // namespace

Result<Barcode> Barcode::parse(const QString &text)
{
    const QString code = text.trimmed();
    if (code.isEmpty()) {
        return Error::make(QStringLiteral("barcode.empty"),
                           Tr::tr("No barcode was scanned or typed."));
    }
    if (!std::all_of(code.cbegin(), code.cend(), isAsciiDigit)) {
        return Error::make(QStringLiteral("barcode.not_digits"),
                           Tr::tr("Barcode %1 contains characters other than digits.")
                               .arg(shownCode(code)),
                           QStringLiteral("length=%1").arg(code.size()));
    }
    if (code.size() != 8 && code.size() != 12 && code.size() != 13) {
        return Error::make(QStringLiteral("barcode.length"),
                           Tr::tr("Barcode %1 has %n digit(s); a barcode has 8, 12 or 13.",
                                  nullptr, int(code.size()))
                               .arg(shownCode(code)),
                           QStringLiteral("length=%1").arg(code.size()));
    }
    const QStringView digits(code);
    const int expected = checkDigit(digits.first(code.size() - 1));
    if (digits.last().digitValue() != expected) {
        return Error::make(QStringLiteral("barcode.check_digit"),
                           Tr::tr("The check digit of barcode %1 is wrong. Please scan it again.")
                               .arg(code),
                           QStringLiteral("expected check digit %1").arg(expected));
    }
    Kind kind = Kind::Ean13;
    if (code.size() == 8)
        kind = Kind::Ean8;
    else if (code.size() == 12)
        kind = Kind::UpcA;
    else if (code.at(0) == QLatin1Char('2'))
        kind = Kind::Internal; // GS1 prefixes 20–29: numbers a retailer assigns in-store
    return Barcode(kind, code);
}

int Barcode::checkDigit(QStringView digitsWithoutCheck)
{
    // GS1: weights 3 and 1 alternate from the digit next to the check digit leftwards.
    int sum = 0;
    int weight = 3;
    for (qsizetype i = digitsWithoutCheck.size() - 1; i >= 0; --i) {
        Q_ASSERT(isAsciiDigit(digitsWithoutCheck.at(i)));
        sum += digitsWithoutCheck.at(i).digitValue() * weight;
        weight = weight == 3 ? 1 : 3;
    }
    return (10 - sum % 10) % 10;
}

QString Barcode::lookupKey() const
{
    if (m_kind == Kind::UpcA)
        return QLatin1Char('0') + m_code;
    return m_code;
}

QString Barcode::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Ean13:
        return QStringLiteral("ean13");
    case Kind::Ean8:
        return QStringLiteral("ean8");
    case Kind::UpcA:
        return QStringLiteral("upca");
    case Kind::Internal:
        return QStringLiteral("internal");
    }
    Q_UNREACHABLE();
    return {};
}

} // namespace Toonbank::Core
