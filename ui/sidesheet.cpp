#include "sidesheet.h"

#include "uihelpers.h"

#include <QEvent>
#include <QFrame>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollArea>
#include <QScroller>
#include <QVBoxLayout>

namespace Toonbank::Ui {

SideSheet::SideSheet(QWidget *host)
    : QWidget(host)
    , m_panel(new QFrame(this))
    , m_title(roleLabel(m_panel, "title"))
    , m_content(new QVBoxLayout)
{
    m_panel->setObjectName(QStringLiteral("sheetPanel"));
    m_panel->setAutoFillBackground(true);
    m_title->setWordWrap(true);
    auto *layout = new QVBoxLayout(m_panel);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(14);
    layout->addWidget(m_title);
    layout->addLayout(m_content, 1);
    m_content->setSpacing(12);
    host->installEventFilter(this);
    hide();
}

void SideSheet::open()
{
    fitToHost();
    show();
    raise();
}

void SideSheet::close()
{
    if (!isVisible())
        return;
    hide();
    emit closed();
}

QScrollArea *SideSheet::scrollingForm(QWidget *form)
{
    auto *scroll = new QScrollArea(m_panel);
    scroll->setObjectName(QStringLiteral("sheetScroll"));
    scroll->setWidget(form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    QScroller::grabGesture(scroll->viewport(), QScroller::LeftMouseButtonGesture);
    return scroll;
}

void SideSheet::setTitle(const QString &title)
{
    m_title->setText(title);
}

bool SideSheet::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize)
        fitToHost();
    return QWidget::eventFilter(watched, event);
}

void SideSheet::fitToHost()
{
    const QWidget *host = parentWidget();
    setGeometry(host->rect());
    const bool portrait = host->width() < host->height();
    const int panelWidth
        = portrait ? host->width() * 9 / 10 : qBound(560, host->width() * 11 / 20, host->width());
    m_panel->setGeometry(host->width() - panelWidth, 0, panelWidth, host->height());
}

void SideSheet::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), QColor(0x11, 0x14, 0x1b, 150));
}

void SideSheet::mousePressEvent(QMouseEvent *event)
{
    // A tap beside the panel changes nothing: the sheet is closed with its own buttons only,
    // so a half-entered PIN or discount is never lost by accident.
    event->accept();
}

} // namespace Toonbank::Ui
