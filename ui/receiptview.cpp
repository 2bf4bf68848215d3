#include "receiptview.h"

#include "app/devices/qrcode.h"

#include <QPainter>

namespace Toonbank::Ui {

namespace {
constexpr int qrModulePixels = 4;
constexpr int margin = 16;
} // namespace

ReceiptView::ReceiptView(QWidget *parent)
    : QWidget(parent)
    , m_font(QStringLiteral("DejaVu Sans Mono"))
{
    setObjectName(QStringLiteral("receiptView"));
    m_font.setPixelSize(18);
    m_largeFont = m_font;
    m_largeFont.setPixelSize(30);
    m_largeFont.setBold(true);
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

void ReceiptView::setLines(const QList<Devices::ReceiptLine> &lines)
{
    m_lines = lines;
    updateGeometry();
    resize(sizeHint());
    update();
}

int ReceiptView::lineHeight(const Devices::ReceiptLine &line) const
{
    if (line.kind == Devices::ReceiptLine::Kind::Qr)
        return (Devices::QrCode::encode(line.text).size + 8) * qrModulePixels;
    return QFontMetrics(line.large ? m_largeFont : m_font).lineSpacing();
}

QSize ReceiptView::sizeHint() const
{
    const int width = QFontMetrics(m_font).horizontalAdvance(
        QString(Devices::ReceiptLayout::defaultWidth, QLatin1Char('M')));
    int height = 2 * margin;
    for (const Devices::ReceiptLine &line : m_lines)
        height += lineHeight(line);
    return { width + 2 * margin, height };
}

void ReceiptView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), Qt::white);
    painter.setPen(Qt::black);
    const QRect area = rect().adjusted(margin, margin, -margin, -margin);
    int y = area.top();
    for (const Devices::ReceiptLine &line : m_lines) {
        const int height = lineHeight(line);
        switch (line.kind) {
        case Devices::ReceiptLine::Kind::Rule:
            painter.drawLine(area.left(), y + height / 2, area.right(), y + height / 2);
            break;
        case Devices::ReceiptLine::Kind::Qr: {
            const Devices::QrCode code = Devices::QrCode::encode(line.text);
            const int side = code.size * qrModulePixels;
            const int left = area.left() + (area.width() - side) / 2;
            const int top = y + 4 * qrModulePixels;
            for (int row = 0; row < code.size; ++row) {
                for (int column = 0; column < code.size; ++column) {
                    if (code.isDark(column, row))
                        painter.fillRect(left + column * qrModulePixels, top + row * qrModulePixels,
                            qrModulePixels, qrModulePixels, Qt::black);
                }
            }
            break;
        }
        case Devices::ReceiptLine::Kind::Text: {
            QFont font = line.large ? m_largeFont : m_font;
            font.setBold(line.bold || line.large);
            painter.setFont(font);
            const Qt::Alignment align = line.align == Devices::ReceiptLine::Align::Center
                ? Qt::AlignHCenter
                : line.align == Devices::ReceiptLine::Align::Right ? Qt::AlignRight
                                                                   : Qt::AlignLeft;
            painter.drawText(QRect(area.left(), y, area.width(), height),
                int(align | Qt::AlignVCenter), line.text);
            break;
        }
        }
        y += height;
    }
}

} // namespace Toonbank::Ui
