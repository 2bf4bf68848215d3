#include "textcache.h"

#include <QPainter>
#include <QStyle>

namespace Toonbank::Ui {

TextCache &textCache()
{
    static TextCache cache;
    return cache;
}

int blockHeight(const TextBlock &block)
{
    return int(std::ceil(block.height));
}

void drawBlock(QPainter *painter, const TextBlock &block, const QRect &room, Qt::Alignment align)
{
    qreal yoff = 0;
    if (align & Qt::AlignBottom)
        yoff = room.height() - block.height;
    else if (align & Qt::AlignVCenter)
        yoff = (room.height() - block.height) / 2;
    qreal xoff = 0;
    if (align & Qt::AlignRight)
        xoff = room.width() - block.width;
    else if (align & Qt::AlignHCenter)
        xoff = (room.width() - block.width) / 2;
    const QRectF bounds(room.x() + xoff, room.y() + yoff, block.width, block.height);
    const bool clip = !QRectF(room).contains(bounds);
    if (clip) {
        painter->save();
        painter->setClipRect(room, Qt::IntersectClip);
    }
    for (int i = 0; i < block.layout.lineCount(); ++i) {
        const QTextLine line = block.layout.lineAt(i);
        qreal x = 0;
        if (align & Qt::AlignRight)
            x = room.width() - line.horizontalAdvance();
        else if (align & Qt::AlignHCenter)
            x = (room.width() - line.horizontalAdvance()) / 2;
        line.draw(painter, QPointF(room.x() + x, room.y() + yoff));
    }
    if (clip)
        painter->restore();
}

void CachedTextLabel::paintEvent(QPaintEvent *event)
{
    const QString shown = text();
    const Qt::TextFormat format = textFormat();
    const bool plain
        = format == Qt::PlainText || (format == Qt::AutoText && !Qt::mightBeRichText(shown));
    if (!plain || shown.isEmpty() || wordWrap() || frameWidth() != 0 || indent() > 0 || !isEnabled()
        || !pixmap().isNull() || hasSelectedText()) {
        QLabel::paintEvent(event);
        return;
    }
    // What QLabel::paintEvent does for such a label: the (empty) frame, then the text in the
    // contents rectangle with the foreground colour, drawn as QPainter::drawText would.
    QPainter painter(this);
    drawFrame(&painter);
    const int m = margin();
    const QRect room = contentsRect().adjusted(m, m, -m, -m);
    painter.setPen(QPen(palette().brush(foregroundRole()), painter.pen().widthF()));
    const auto block = textCache().block(painter.font(), -1, shown);
    drawBlock(&painter, *block, room, QStyle::visualAlignment(layoutDirection(), alignment()));
}

} // namespace Toonbank::Ui
