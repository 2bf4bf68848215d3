#include "receiptpdf.h"

#include "qrcode.h"

#include <QBuffer>
#include <QFont>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

namespace Toonbank::Devices {

namespace {

constexpr int dpi = 300;
constexpr double paperMm = 80.0;
constexpr double marginMm = 4.0;
constexpr double qrMm = 28.0;

constexpr double mmToDots(double mm)
{
    return mm * dpi / 25.4;
}

Core::Error failed(const QString &detail)
{
    return Core::Error::make(QStringLiteral("receipt.pdf_failed"),
        ReceiptPdf::tr("The receipt could not be made into a PDF."), detail);
}

} // namespace

Core::Result<QByteArray> ReceiptPdf::render(
    const QList<ReceiptLine> &lines, const QString &title, int width)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return failed(QStringLiteral("no QGuiApplication: fonts are not available"));
    width = qMax(8, width);

    QByteArray pdf;
    QBuffer buffer(&pdf);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setResolution(dpi);
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("Toonbank"));

    // A monospaced font sized so `width` characters fill the printable width, as on paper.
    QFont font(QStringLiteral("DejaVu Sans Mono"));
    font.setStyleHint(QFont::Monospace);
    font.setFixedPitch(true);
    font.setPixelSize(100);
    const double advance100 = QFontMetricsF(font, &writer).horizontalAdvance(QLatin1Char('M'));
    if (advance100 <= 0)
        return failed(QStringLiteral("the font has no width"));
    const double textWidth = mmToDots(paperMm - 2 * marginMm);
    const int pixelSize = qMax(1, int(100.0 * textWidth / (width * advance100)));
    font.setPixelSize(pixelSize);
    QFont large = font;
    large.setPixelSize(pixelSize * 2);
    const double charWidth = QFontMetricsF(font, &writer).horizontalAdvance(QLatin1Char('M'));
    const double lineHeight = QFontMetricsF(font, &writer).lineSpacing();
    const double largeHeight = QFontMetricsF(large, &writer).lineSpacing();
    const double ruleHeight = lineHeight * 0.8;
    const double qrSize = mmToDots(qrMm);

    double height = 0;
    for (const ReceiptLine &line : lines) {
        switch (line.kind) {
        case ReceiptLine::Kind::Text:
            height += line.large ? largeHeight : lineHeight;
            break;
        case ReceiptLine::Kind::Rule:
            height += ruleHeight;
            break;
        case ReceiptLine::Kind::Qr:
            height += qrSize + lineHeight;
            break;
        }
    }
    const double pageHeightMm = height * 25.4 / dpi + 2 * marginMm;
    writer.setPageLayout(
        QPageLayout(QPageSize(QSizeF(paperMm, qMax(paperMm, pageHeightMm)), QPageSize::Millimeter),
            QPageLayout::Portrait, QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter));

    QPainter painter;
    if (!painter.begin(&writer))
        return failed(QStringLiteral("QPainter::begin on the PDF writer failed"));
    painter.setPen(Qt::black);
    const double left = mmToDots(marginMm);
    double y = mmToDots(marginMm);
    for (const ReceiptLine &line : lines) {
        switch (line.kind) {
        case ReceiptLine::Kind::Rule: {
            const double middle = y + ruleHeight / 2;
            painter.drawLine(QPointF(left, middle), QPointF(left + textWidth, middle));
            y += ruleHeight;
            break;
        }
        case ReceiptLine::Kind::Qr: {
            const QrCode code = QrCode::encode(line.text);
            if (code.size > 0) {
                QImage image(code.size, code.size, QImage::Format_Mono);
                image.fill(1);
                image.setColor(0, qRgb(0, 0, 0));
                image.setColor(1, qRgb(255, 255, 255));
                for (int row = 0; row < code.size; ++row) {
                    for (int column = 0; column < code.size; ++column) {
                        if (code.isDark(column, row))
                            image.setPixel(column, row, 0);
                    }
                }
                const QRectF target(left + (textWidth - qrSize) / 2, y, qrSize, qrSize);
                painter.drawImage(target, image);
            }
            y += qrSize + lineHeight;
            break;
        }
        case ReceiptLine::Kind::Text: {
            const QFont &used = line.large ? large : font;
            const double cell = line.large ? 2 * charWidth : charWidth;
            const int room = line.large ? width / 2 : width;
            QFont drawn = used;
            drawn.setBold(line.bold);
            painter.setFont(drawn);
            const int pad = room - int(line.text.size());
            double x = left;
            if (line.align == ReceiptLine::Align::Center && pad > 0)
                x += (pad / 2) * cell;
            else if (line.align == ReceiptLine::Align::Right && pad > 0)
                x += pad * cell;
            const double rowHeight = line.large ? largeHeight : lineHeight;
            const double baseline = y + QFontMetricsF(drawn, &writer).ascent();
            painter.drawText(QPointF(x, baseline), line.text);
            y += rowHeight;
            break;
        }
        }
    }
    if (!painter.end())
        return failed(QStringLiteral("QPainter::end on the PDF writer failed"));
    buffer.close();
    if (!pdf.startsWith("%PDF"))
        return failed(QStringLiteral("the writer produced no PDF"));
    return pdf;
}

} // namespace Toonbank::Devices
