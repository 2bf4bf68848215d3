#pragma once

#include "result.h"

#include <QString>

namespace Toonbank::Core {

/// A validated product barcode.
class Barcode
{
public:
    enum class Kind { Ean13, Ean8, UpcA, Internal };

    /// Validates what a scanner or a person typed: digits only, a known length (8, 12, 13),
    /// a correct GS1 check digit. EAN-13 with prefix 20–29 (GS1 in-store numbers) is Internal.
    /// Errors: "barcode.empty", "barcode.not_digits", "barcode.length",
    /// "barcode.check_digit" — each with a translated message naming the code.
    static Result<Barcode> parse(const QString &text);

    /// GS1 check digit for the digits before it.
    static int checkDigit(QStringView digitsWithoutCheck);

    Kind kind() const { return m_kind; }
    /// The code as printed (UPC-A keeps its 12 digits).
    const QString &code() const { return m_code; }
    /// The key the cache stores and looks up: UPC-A is widened to its EAN-13 form
    /// ("0" + 12 digits) so one product matches both.
    QString lookupKey() const;
    static QString kindName(Kind kind); // "ean13", "ean8", "upca", "internal"

private:
    Barcode(Kind kind, QString code)
        : m_kind(kind)
        , m_code(std::move(code))
    { }
    Kind m_kind;
    QString m_code;
};

} // namespace Toonbank::Core
