#include "reportpane.h"

#include "receiptview.h"
#include "uihelpers.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace Toonbank::Ui {

ReportPane::ReportPane(const QString &prefix, QWidget *parent)
    : QFrame(parent)
    , m_title(roleLabel(this, "title"))
    , m_scroll(new QScrollArea(this))
    , m_view(new ReceiptView(this))
    , m_status(roleLabel(this, "subtle"))
    , m_print(touchButton(this))
    , m_pdf(touchButton(this))
{
    setProperty("role", QStringLiteral("pane"));
    m_title->setObjectName(prefix + QStringLiteral("Title"));
    m_title->setWordWrap(true);
    m_view->setObjectName(prefix + QStringLiteral("View"));
    m_status->setObjectName(prefix + QStringLiteral("Status"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_print->setObjectName(prefix + QStringLiteral("Print"));
    m_pdf->setObjectName(prefix + QStringLiteral("Pdf"));
    m_scroll->setObjectName(prefix + QStringLiteral("Scroll"));
    m_scroll->setWidget(m_view); // reparents the view into the scroll area
    m_scroll->setAlignment(Qt::AlignHCenter);
    m_scroll->setFocusPolicy(Qt::NoFocus);
    // The report's whole width (42 characters) and the scroll bar: read, never cut.
    m_view->ensurePolished();
    m_scroll->setMinimumWidth(m_view->sizeHint().width() + 2 * m_scroll->frameWidth() + 26);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(m_print, &QPushButton::clicked, this, &ReportPane::printRequested);
    connect(m_pdf, &QPushButton::clicked, this, &ReportPane::pdfRequested);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_print, 1);
    buttons->addWidget(m_pdf, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_scroll, 1);
    layout->addWidget(m_status);
    layout->addLayout(buttons);
    retranslate();
}

void ReportPane::setTitle(const QString &title)
{
    m_title->setText(title);
}

void ReportPane::setLines(const QList<Devices::ReceiptLine> &lines)
{
    m_view->setLines(lines);
}

const QList<Devices::ReceiptLine> &ReportPane::lines() const
{
    return m_view->lines();
}

void ReportPane::setStatus(const QString &text, bool error)
{
    setRole(m_status, error ? "error" : "subtle");
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

void ReportPane::setPrintAvailable(bool available)
{
    m_print->setEnabled(available);
}

void ReportPane::retranslate()
{
    m_print->setText(tr("Print"));
    m_pdf->setText(tr("PDF"));
}

void ReportPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

} // namespace Toonbank::Ui
