#include "basketlinedelegate.h"

#include <QApplication>
#include <QHash>
#include <QPainter>

namespace Toonbank::Ui {

namespace {

constexpr int margin = 6;
constexpr int gap = 10; // between an adjustment's label and its amount
const QColor savingColour(0x0b, 0x6b, 0x34);
const QColor subtleColour(0x3b, 0x42, 0x50);

// Wrapped text heights, remembered: a scan re-measures every line of the basket, and shaping
// text is what costs (the same names and labels come back scan after scan).
int wrappedHeight(const QFont &font, const QFontMetrics &metrics, int width, const QString &text)
{
    static QHash<QString, int> cache;
    // QFont::key() builds a string each call: kept for the font last asked about (a name cell
    // asks with the same two fonts over and over).
    static QFont lastFont;
    static QString lastFontKey;
    if (lastFontKey.isEmpty() || !(font == lastFont)) {
        lastFont = font;
        lastFontKey = font.key();
    }
    const QString key
        = lastFontKey + QLatin1Char('|') + QString::number(width) + QLatin1Char('|') + text;
    if (const auto found = cache.constFind(key); found != cache.constEnd())
        return found.value();
    if (cache.size() > 4096)
        cache.clear();
    const int height
        = metrics.boundingRect(QRect(0, 0, width, 100000), Qt::AlignLeft | Qt::TextWordWrap, text)
              .height();
    cache.insert(key, height);
    return height;
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
    const QFont bold = boldOf(font);
    const QFontMetrics boldMetrics(bold);
    const QFontMetrics metrics(font);
    const int width = area.width() - 2 * margin;
    int y = area.top() + margin;
    const int flags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap;

    const QString name = index.data(BasketLineDelegate::NameRole).toString();
    QRect room(area.left() + margin, y, width, 10000);
    if (painter) {
        painter->setFont(bold);
        painter->drawText(room, flags, name);
    }
    y += wrappedHeight(bold, boldMetrics, width, name);

    const QString unit = index.data(BasketLineDelegate::UnitRole).toString();
    room = QRect(area.left() + margin, y, width, 10000);
    if (painter) {
        painter->setFont(font);
        painter->setPen(subtleColour);
        painter->drawText(room, flags, unit);
    }
    y += wrappedHeight(font, metrics, width, unit);

    const QStringList labels = index.data(BasketLineDelegate::AdjustmentLabelsRole).toStringList();
    const QStringList amounts
        = index.data(BasketLineDelegate::AdjustmentAmountsRole).toStringList();
    for (int i = 0; i < labels.size() && i < amounts.size(); ++i) {
        const int amountWidth = boldMetrics.horizontalAdvance(amounts.at(i));
        const QRect labelRoom(area.left() + margin, y, qMax(40, width - amountWidth - gap), 10000);
        const int labelHeight = wrappedHeight(bold, boldMetrics, labelRoom.width(), labels.at(i));
        if (painter) {
            painter->setFont(bold);
            painter->setPen(savingColour);
            painter->drawText(labelRoom, flags, labels.at(i));
            painter->drawText(QRect(area.left() + margin, y, width, boldMetrics.height()),
                Qt::AlignRight | Qt::AlignTop, amounts.at(i));
        }
        y += qMax(labelHeight, boldMetrics.height());
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
        const QFont bold = boldOf(option.font);
        const QFontMetrics metrics(bold);
        const QString total = index.data(TotalRole).toString();
        const QString gross = index.data(GrossRole).toString();
        const QRect area = option.rect.adjusted(margin, margin, -margin - 2, -margin);
        const int lines = gross.isEmpty() ? 1 : 2;
        int y = area.center().y() - lines * metrics.height() / 2;
        if (!gross.isEmpty()) {
            QFont struck = option.font;
            struck.setStrikeOut(true);
            painter->setFont(struck);
            painter->setPen(subtleColour);
            painter->drawText(QRect(area.left(), y, area.width(), metrics.height()),
                Qt::AlignRight | Qt::AlignVCenter, gross);
            y += metrics.height();
        }
        painter->setFont(bold);
        painter->setPen(option.palette.color(QPalette::Text));
        painter->drawText(QRect(area.left(), y, area.width(), metrics.height()),
            Qt::AlignRight | Qt::AlignVCenter, total);
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
