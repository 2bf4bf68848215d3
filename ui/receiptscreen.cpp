#include "receiptscreen.h"

#include "receiptview.h"
#include "uihelpers.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace Toonbank::Ui {

ReceiptScreen::ReceiptScreen(Services::SaleService &sale, QWidget *parent)
    : QWidget(parent)
    , m_saleService(sale)
    , m_scroll(new QScrollArea(this))
    , m_view(new ReceiptView(this))
    , m_title(roleLabel(this, "title"))
    , m_changeCaption(roleLabel(this, "title"))
    , m_change(roleLabel(this, "change"))
    , m_printStatus(roleLabel(this, "subtle"))
    , m_receiptCaption(roleLabel(this, "subtle"))
    , m_print(touchButton(this))
    , m_email(touchButton(this))
    , m_none(touchButton(this))
    , m_emailNote(roleLabel(this, "subtle"))
    , m_newSale(touchButton(this, "primary"))
{
    setObjectName(QStringLiteral("receiptScreen"));
    m_change->setObjectName(QStringLiteral("receiptChange"));
    m_newSale->setObjectName(QStringLiteral("newSaleButton"));
    m_printStatus->setObjectName(QStringLiteral("receiptPrintStatus"));
    m_printStatus->setWordWrap(true);
    m_title->setWordWrap(true);
    m_print->setObjectName(QStringLiteral("receiptPrint"));
    m_email->setObjectName(QStringLiteral("receiptEmail"));
    m_none->setObjectName(QStringLiteral("receiptNone"));
    m_emailNote->setObjectName(QStringLiteral("receiptEmailNote"));
    m_emailNote->setWordWrap(true);
    // No mail server exists for this tablet yet: the button stays, disabled, with the reason
    // on screen (no hover on a tablet, so the tooltip alone would not do).
    m_email->setEnabled(false);
    m_scroll->setWidget(m_view); // reparents the view into the scroll area
    m_scroll->setAlignment(Qt::AlignHCenter);
    m_scroll->setFocusPolicy(Qt::NoFocus);

    auto *side = new QVBoxLayout;
    side->addWidget(m_title);
    auto *changeRow = new QHBoxLayout;
    changeRow->addWidget(m_changeCaption);
    changeRow->addWidget(m_change, 1, Qt::AlignRight | Qt::AlignVCenter);
    side->addLayout(changeRow);
    side->addWidget(m_printStatus);
    side->addWidget(m_receiptCaption);
    // Print gets a row of its own ("Kopie afdrukken" needs the room); E-mail and None share one.
    auto *actions = new QGridLayout;
    actions->setSpacing(12);
    actions->addWidget(m_print, 0, 0, 1, 2);
    actions->addWidget(m_email, 1, 0);
    actions->addWidget(m_none, 1, 1);
    side->addLayout(actions);
    side->addWidget(m_emailNote);
    side->addStretch(1);
    side->addWidget(m_newSale);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(24, 16, 24, 16);
    layout->setSpacing(32);
    layout->addWidget(m_scroll, 3);
    layout->addLayout(side, 2);
    connect(m_newSale, &QPushButton::clicked, this, &ReceiptScreen::newSaleRequested);
    connect(m_print, &QPushButton::clicked, this, &ReceiptScreen::printCopy);
    // "None": no (further) receipt for this customer; the sale is done.
    connect(m_none, &QPushButton::clicked, this, &ReceiptScreen::newSaleRequested);
    retranslate();
}

void ReceiptScreen::showSale(const Services::CompletedSale &sale)
{
    m_sale = sale;
    m_copyStatus.clear();
    retranslate();
}

void ReceiptScreen::printCopy()
{
    const bool originalPrinted = m_sale.printError.isEmpty();
    const Core::Status printed = m_saleService.printReceipt(m_sale, originalPrinted);
    if (printed && !originalPrinted)
        m_sale.printError.clear(); // the original is out now; the next one is a copy
    if (!printed)
        m_copyStatus = printed.error().message;
    else
        m_copyStatus = originalPrinted ? tr("A copy marked \"COPY\" has been printed.") : QString();
    retranslate();
}

void ReceiptScreen::retranslate()
{
    m_title->setText(m_sale.receiptNumber.isEmpty()
            ? QString()
            : tr("Sale %1 completed").arg(m_sale.receiptNumber));
    m_changeCaption->setText(tr("Change"));
    m_change->setText(m_sale.change.toDisplayString());
    QString status
        = m_sale.printError.isEmpty() ? tr("The receipt has been printed.") : m_sale.printError;
    if (!m_copyStatus.isEmpty())
        status += QLatin1Char('\n') + m_copyStatus;
    m_printStatus->setText(status);
    m_receiptCaption->setText(tr("Receipt for the customer"));
    m_print->setText(m_sale.printError.isEmpty() ? tr("Print copy") : tr("Print"));
    m_print->setEnabled(m_saleService.hasReceiptPrinter() && !m_sale.receiptNumber.isEmpty());
    m_email->setText(tr("E-mail"));
    m_none->setText(tr("None"));
    const QString emailUnavailable = tr("E-mail receipts are not available on this tablet yet.");
    m_emailNote->setText(emailUnavailable);
    m_email->setToolTip(emailUnavailable);
    m_newSale->setText(tr("New sale"));
    if (!m_sale.receiptNumber.isEmpty())
        m_view->setLines(Devices::ReceiptLayout::layout(m_saleService.receiptFor(m_sale)));
}

void ReceiptScreen::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace Toonbank::Ui
