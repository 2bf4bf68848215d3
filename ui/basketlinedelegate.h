#pragma once

#include <QStyledItemDelegate>

namespace Toonbank::Ui {

/// Paints a basket line's cells without rich text (a scan repaints the basket, so this stays
/// cheap): the name cell shows the name in bold, "2 × € 4,99" and one row per adjustment (its
/// label wrapping on the left, "−€ 4,99" whole on the right, in green); the price cell shows
/// the price before adjustments struck through over the line total.
class BasketLineDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BasketLineDelegate)
public:
    enum Role {
        NameRole = Qt::UserRole + 1, // QString
        UnitRole, // QString: "3 × € 4,99"
        AdjustmentLabelsRole, // QStringList
        AdjustmentAmountsRole, // QStringList, same length
        TotalRole, // QString: the line total
        GrossRole, // QString: before adjustments; empty when nothing came off
    };

    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// The height the name cell needs at `width` in `font`.
    static int nameCellHeight(const QFont &font, int width, const QModelIndex &index);
};

} // namespace Toonbank::Ui
