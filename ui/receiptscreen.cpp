#include "receiptscreen.h"

#include "receiptview.h"
#include "uihelpers.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace Toonbank::Ui {

ReceiptScreen::ReceiptScreen(Services::CheckoutService &checkout, QWidget *parent)
    : QWidget(parent)
    , m_checkout(checkout)
    , m_scroll(new QScrollArea(this))
    , m_view(new ReceiptView(this))
    , m_title(roleLabel(this, "title"))
    , m_changeCaption(roleLabel(this, "title"))
    , m_change(roleLabel(this, "change"))
    , m_printStatus(roleLabel(this, "subtle"))
    , m_newSale(touchButton(this, "primary"))
{
    setObjectName(QStringLiteral("receiptScreen"));
    m_change->setObjectName(QStringLiteral("receiptChange"));
    m_newSale->setObjectName(QStringLiteral("newSaleButton"));
    m_printStatus->setWordWrap(true);
    m_scroll->setWidget(m_view); // reparents the view into the scroll area
    m_scroll->setAlignment(Qt::AlignHCenter);
    m_scroll->setFocusPolicy(Qt::NoFocus);

    auto *side = new QVBoxLayout;
    side->addWidget(m_title);
    side->addWidget(m_changeCaption);
    side->addWidget(m_change);
    side->addWidget(m_printStatus);
    side->addStretch(1);
    side->addWidget(m_newSale);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(24, 16, 24, 16);
    layout->setSpacing(32);
    layout->addWidget(m_scroll, 3);
    layout->addLayout(side, 2);
    connect(m_newSale, &QPushButton::clicked, this, &ReceiptScreen::newSaleRequested);
    retranslate();
}

void ReceiptScreen::showSale(const Services::CompletedSale &sale)
{
    m_sale = sale;
    retranslate();
}

void ReceiptScreen::retranslate()
{
    m_title->setText(m_sale.receiptNumber.isEmpty() ? QString() : tr("Sale %1 completed").arg(m_sale.receiptNumber));
    m_changeCaption->setText(tr("Change"));
    m_change->setText(m_sale.change.toDisplayString());
    m_printStatus->setText(m_sale.printError.isEmpty() ? tr("The receipt has been printed.") : m_sale.printError);
    m_newSale->setText(tr("New sale"));
    if (!m_sale.receiptNumber.isEmpty())
        m_view->setLines(Devices::ReceiptLayout::layout(m_checkout.receiptFor(m_sale)));
}

void ReceiptScreen::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace Toonbank::Ui
