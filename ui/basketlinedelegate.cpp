#include "basketlinedelegate.h"

#include "textcache.h"

#include <QApplication>
#include <QHash>
#include <QPainter>

#include <cmath>

namespace Toonbank::Ui {

namespace {

constexpr int margin = 6;
constexpr int gap = 10; // between an adjustment's label and its amount
const QColor savingColour(0x0b, 0x6b, 0x34);
const QColor subtleColour(0x3b, 0x42, 0x50);

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
