#include "basketlinedelegate.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QHash>
#include <QPainter>
#include <QTextLayout>

#include <cmath>
#include <memory>

namespace Toonbank::Ui {

namespace {

constexpr int margin = 6;
constexpr int gap = 10; // between an adjustment's label and its amount
const QColor savingColour(0x0b, 0x6b, 0x34);
const QColor subtleColour(0x3b, 0x42, 0x50);

// One piece of text laid out once, the way QPainter::drawText(rect, flags, text) lays it out
// (same lines, same line positions, same height as QFontMetrics::boundingRect), and kept with
// its shaped glyphs: measuring it again costs nothing and painting it again only draws glyphs.
// A scan repaints the basket; without this every paint shaped every line's text again.
struct TextBlock
{
    QTextLayout layout;
    qreal width = 0; // the widest line
    qreal height = 0;
};

class TextCache
{
public:
    using Block = std::shared_ptr<const TextBlock>;

    // `wrapWidth` < 0: one line, never wrapped. Shared: stays valid while the cache forgets.
    Block block(const QFont &font, int wrapWidth, const QString &text)
    {
        const Key key { fontId(font), wrapWidth, text };
        if (const auto found = m_blocks.constFind(key); found != m_blocks.constEnd())
            return found.value();
        // The basket shows a few dozen lines; the texts of many baskets fit. Forgetting all
        // now and then keeps it bounded (what is on screen comes back on its next paint).
        if (m_blocks.size() > 4096)
            m_blocks.clear();
        auto made = std::make_shared<TextBlock>();
        lay(*made, font, wrapWidth, text);
        m_blocks.insert(key, made);
        return made;
    }

    int lineHeight(const QFont &font) { return m_fonts.at(fontId(font)).lineHeight; }

private:
    struct Key
    {
        int font = 0;
        int width = 0;
        QString text;
        bool operator==(const Key &other) const
        {
            return font == other.font && width == other.width && text == other.text;
        }
    };
    friend size_t qHash(const Key &key, size_t seed = 0) noexcept
    {
        return qHashMulti(seed, key.font, key.width, key.text);
    }
    struct KnownFont
    {
        QFont font;
        int lineHeight = 0;
    };

    static void lay(TextBlock &block, const QFont &font, int wrapWidth, const QString &text)
    {
        QString shown = text;
        shown.replace(QLatin1Char('\n'), QChar::LineSeparator);
        block.layout.setText(shown);
        block.layout.setFont(font);
        block.layout.setCacheEnabled(true);
        QTextOption option;
        option.setAlignment(Qt::AlignLeft); // aligned per line when drawn
        option.setWrapMode(QTextOption::WordWrap);
        block.layout.setTextOption(option);
        const qreal lineWidth = wrapWidth < 0 ? qreal(0x01000000) : qreal(qMax(0, wrapWidth));
        const qreal leading = QFontMetricsF(font).leading();
        qreal height = -leading;
        block.layout.beginLayout();
        for (QTextLine line = block.layout.createLine(); line.isValid();
             line = block.layout.createLine()) {
            line.setLineWidth(lineWidth);
            height = std::ceil(height + leading); // lines on whole pixels
            line.setPosition(QPointF(0, height));
            height += line.ascent() + line.descent();
            block.width = qMax(block.width, line.naturalTextWidth());
        }
        block.layout.endLayout();
        block.height = shown.isEmpty() ? QFontMetricsF(font).height() : height;
    }

    // A small number for each font a basket uses (normal, bold, struck through).
    int fontId(const QFont &font)
    {
        for (int id = 0; id < m_fonts.size(); ++id) {
            if (m_fonts.at(id).font == font)
                return id;
        }
        if (m_fonts.size() >= 16) { // fonts change rarely (a new stylesheet): start over
            m_fonts.clear();
            m_blocks.clear();
        }
        m_fonts.append({ font, QFontMetrics(font).height() });
        return int(m_fonts.size()) - 1;
    }

    QHash<Key, Block> m_blocks;
    QList<KnownFont> m_fonts;
};

TextCache &textCache()
{
    static TextCache cache;
    return cache;
}

// The height QFontMetrics::boundingRect(QRect(0, 0, width, big), flags, text) reports.
int blockHeight(const TextBlock &block)
{
    return int(std::ceil(block.height));
}

// Draws `block` into `room` as QPainter::drawText(room, align, text) would.
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

QFont boldOf(QFont font)
{
    font.setBold(true);
    return font;
}

// Lays out (and with a painter, draws) the name cell; returns the height it takes.
int layoutNameCell(
    QPainter *painter, const QFont &font, const QRect &area, const QModelIndex &index)
{
    TextCache &cache = textCache();
    const QFont bold = boldOf(font);
    const int boldHeight = cache.lineHeight(bold);
    const int width = area.width() - 2 * margin;
    const int left = area.left() + margin;
    int y = area.top() + margin;
    const Qt::Alignment topLeft = Qt::AlignLeft | Qt::AlignTop;

    const auto name = cache.block(bold, width, index.data(BasketLineDelegate::NameRole).toString());
    if (painter)
        drawBlock(painter, *name, QRect(left, y, width, 10000), topLeft);
    y += blockHeight(*name);

    const auto unit = cache.block(font, width, index.data(BasketLineDelegate::UnitRole).toString());
    if (painter) {
        painter->setPen(subtleColour);
        drawBlock(painter, *unit, QRect(left, y, width, 10000), topLeft);
    }
    y += blockHeight(*unit);

    const QStringList labels = index.data(BasketLineDelegate::AdjustmentLabelsRole).toStringList();
    const QStringList amounts
        = index.data(BasketLineDelegate::AdjustmentAmountsRole).toStringList();
    if (painter && !labels.isEmpty())
        painter->setPen(savingColour);
    for (int i = 0; i < labels.size() && i < amounts.size(); ++i) {
        const auto amount = cache.block(bold, -1, amounts.at(i));
        const int labelWidth = qMax(40, width - int(std::lround(amount->width)) - gap);
        const auto label = cache.block(bold, labelWidth, labels.at(i));
        if (painter) {
            drawBlock(painter, *label, QRect(left, y, labelWidth, 10000), topLeft);
            drawBlock(
                painter, *amount, QRect(left, y, width, boldHeight), Qt::AlignRight | Qt::AlignTop);
        }
        y += qMax(blockHeight(*label), boldHeight);
    }
    return y + margin - area.top();
}

} // namespace

int BasketLineDelegate::nameCellHeight(const QFont &font, int width, const QModelIndex &index)
{
    return layoutNameCell(nullptr, font, QRect(0, 0, width, 0), index);
}

void BasketLineDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (!index.data(NameRole).isValid() && !index.data(TotalRole).isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // The background (selection included) as the style draws it; the text is ours.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    painter->save();
    painter->setClipRect(option.rect);
    painter->setPen(option.palette.color(QPalette::Text));
    if (index.data(NameRole).isValid()) {
        layoutNameCell(painter, option.font, option.rect, index);
    } else {
        TextCache &cache = textCache();
        const QFont bold = boldOf(option.font);
        const int lineHeight = cache.lineHeight(bold);
        const QString gross = index.data(GrossRole).toString();
        const QRect area = option.rect.adjusted(margin, margin, -margin - 2, -margin);
        const int lines = gross.isEmpty() ? 1 : 2;
        int y = area.center().y() - lines * lineHeight / 2;
        if (!gross.isEmpty()) {
            QFont struck = option.font;
            struck.setStrikeOut(true);
            painter->setPen(subtleColour);
            drawBlock(painter, *cache.block(struck, -1, gross),
                QRect(area.left(), y, area.width(), lineHeight), Qt::AlignRight | Qt::AlignVCenter);
            y += lineHeight;
        }
        painter->setPen(option.palette.color(QPalette::Text));
        drawBlock(painter, *cache.block(bold, -1, index.data(TotalRole).toString()),
            QRect(area.left(), y, area.width(), lineHeight), Qt::AlignRight | Qt::AlignVCenter);
    }
    painter->restore();
}

QSize BasketLineDelegate::sizeHint(
    const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (index.data(NameRole).isValid())
        return { option.rect.width(), nameCellHeight(option.font, option.rect.width(), index) };
    return QStyledItemDelegate::sizeHint(option, index);
}

} // namespace Toonbank::Ui
