#pragma once

#include "receipt.h"

#include <QString>
#include <QStringList>

// The building blocks of printed documents (receipts, shift reports): shared by receipt.cpp and
// shiftreport.cpp so every printout lines up the same way. Not part of the devices API.
namespace Toonbank::Devices::Internal {

/// `left` and `right` on one line of `width` characters, at least one space between them;
/// `left` is cut when both do not fit.
QString leftRight(const QString &left, const QString &right, int width);

ReceiptLine text(QString content, ReceiptLine::Align align = ReceiptLine::Align::Left,
    bool bold = false, bool large = false);

ReceiptLine rule();

/// Greedy word wrap; a word longer than a line is cut into pieces of the line's length.
QStringList wrapWords(const QString &text, int lineLength);

/// A VAT summary row in four columns (rate, net, VAT, gross), figures right-aligned.
QString vatColumns(
    const QString &rate, const QString &net, const QString &vat, const QString &gross, int width);

} // namespace Toonbank::Devices::Internal
