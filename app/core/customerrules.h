#pragma once

#include "result.h"

#include <QString>

namespace Toonbank::Core {

/// What a scanned or typed code is: the one scan path decides by the code itself.
enum class ScanKind {
    Product, // EAN-13/EAN-8/UPC-A/internal product code (see Barcode)
    LoyaltyCard, // EAN-13 in the GS1 internal range 299…: the customer's card number
    CustomerAppQr, // "TBCUST:" + card number, from the customer's app
    Unknown,
};
ScanKind classifyScan(const QString &code);

/// The card number inside a LoyaltyCard or CustomerAppQr scan ("2990000012345").
Result<QString> loyaltyCardNumber(const QString &code);

/// Normalises an NL/BE phone number to E.164 ("06 1234 5678" → "+31612345678",
/// "0470 12 34 56" in BE → "+32470123456"; "+31…"/"0031…" kept). Error "customer.phone".
Result<QString> normalisePhone(const QString &text, const QString &country);
/// Trims and lower-cases; a plain syntax check (one @, a dot in the domain). Error
/// "customer.email".
Result<QString> normaliseEmail(const QString &text);

} // namespace Toonbank::Core
