#pragma once

#include "receipt.h"

#include "app/core/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>

namespace Toonbank::Devices {

/// The receipt as a PDF: the same ReceiptLine list the printer and the screen preview get
/// (ReceiptLayout), drawn with Qt (QPdfWriter + QPainter) on one page as wide as the 80 mm
/// paper roll and as long as the receipt, in a monospaced font so the columns line up as on
/// paper; the QR code as an image. Text stays text (searchable, copyable). Needs a
/// QGuiApplication (fonts).
class ReceiptPdf final
{
    Q_DECLARE_TR_FUNCTIONS(Toonbank::Devices::ReceiptPdf)
public:
    /// `title`: the PDF's document title (the receipt number). Errors: "receipt.pdf_failed"
    /// (no GUI application, the writer could not paint).
    static Core::Result<QByteArray> render(const QList<ReceiptLine> &lines, const QString &title,
        int width = ReceiptLayout::defaultWidth);
};

} // namespace Toonbank::Devices
