#include "elidedlabel.h"

#include <QPainter>
#include <QStyle>

namespace Toonbank::Ui {

ElidedLabel::ElidedLabel(QWidget *parent)
    : QLabel(parent)
{ }

QSize ElidedLabel::minimumSizeHint() const
{
    // Room for a few letters and the ellipsis; the full text stays the size hint.
    const QSize full = QLabel::minimumSizeHint();
    return { qMin(full.width(), fontMetrics().horizontalAdvance(QStringLiteral("Mmm…"))),
        full.height() };
}

void ElidedLabel::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QRect area = contentsRect();
    const QString shown = fontMetrics().elidedText(text(), Qt::ElideRight, area.width());
    style()->drawItemText(
        &painter, area, int(alignment()), palette(), isEnabled(), shown, foregroundRole());
}

} // namespace Toonbank::Ui
