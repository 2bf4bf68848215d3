#pragma once

#include "receipt.h"

#include "app/core/result.h"
#include "app/core/shift.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QLocale>

// The X and Z reports of a drawer (issue 12, docs/STOREOPS.md "Reports"), laid out once as
// ReceiptLines like a receipt, so the screen, the ESC/POS printer and the PDF show the same.
namespace Toonbank::Devices {

class ShiftReportLayout final
{
    Q_DECLARE_TR_FUNCTIONS(Toonbank::Devices::ShiftReportLayout)
public:
    /// Title ("X REPORT" / "Z REPORT nr N"), the training mark, store, drawer, opened/closed by
    /// and when (local time), sales and returns (count, amount), per tender, per VAT rate,
    /// rounding, the drawer (float, cash sales, cash refunds, cash in, cash out, no-sales,
    /// expected), for a Z the count per denomination and the variance, voids and training
    /// count. Money in the receipts' format for `locale`.
    static QList<ReceiptLine> layout(const Core::ShiftReport &report,
        int width = ReceiptLayout::defaultWidth, const QLocale &locale = QLocale());
    /// A tender method's name as staff read it ("Cash", "Gift card"); the wire name when unknown.
    static QString tenderName(const QString &methodName);
};

/// The report as the bytes an ESC/POS printer receives (EscPosPrinterSimulator::encode).
QByteArray shiftReportEscPos(
    const Core::ShiftReport &report, int columns = ReceiptLayout::defaultWidth);
/// The report as a PDF (ReceiptPdf::render; needs a QGuiApplication). Errors as ReceiptPdf:
/// "receipt.pdf_failed".
Core::Result<QByteArray> shiftReportPdf(const Core::ShiftReport &report);

} // namespace Toonbank::Devices
