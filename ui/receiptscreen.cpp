#include "receiptscreen.h"

#include "receiptview.h"
#include "uihelpers.h"

#include <QBoxLayout>
#include <QEvent>
#include <QFrame>
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
    , m_tendersCaption(roleLabel(this, "caption"))
    , m_tenders(roleLabel(this, "section"))
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
    m_tenders->setObjectName(QStringLiteral("receiptTenders"));
    m_tenders->setWordWrap(true);
    m_tenders->setTextFormat(Qt::PlainText);
    // Without a mail service the button stays, disabled, with the reason on screen (no hover
    // on a tablet, so a tooltip alone would not do).
    m_email->setEnabled(false);
    connect(m_email, &QPushButton::clicked, this, [this] {
        if (m_return)
            emit returnEmailRequested(*m_return);
        else
            emit emailRequested(m_sale);
    });
    m_scroll->setWidget(m_view); // reparents the view into the scroll area
    m_scroll->setAlignment(Qt::AlignHCenter);
    m_scroll->setFocusPolicy(Qt::NoFocus);

    // What happened (the sale, change, how it was paid, the printer) scrolls when it is long;
    // the receipt actions and "New sale" stay in place under it.
    auto *info = new QWidget(this);
    info->setObjectName(QStringLiteral("receiptInfo"));
    auto *infoLayout = new QVBoxLayout(info);
    infoLayout->setContentsMargins(0, 0, 8, 0);
    infoLayout->addWidget(m_title);
    auto *changeRow = new QHBoxLayout;
    changeRow->addWidget(m_changeCaption);
    changeRow->addWidget(m_change, 1, Qt::AlignRight | Qt::AlignVCenter);
    infoLayout->addLayout(changeRow);
    infoLayout->addWidget(m_tendersCaption);
    infoLayout->addWidget(m_tenders);
    infoLayout->addWidget(m_printStatus);
    infoLayout->addStretch(1);
    auto *infoScroll = new QScrollArea(this);
    infoScroll->setObjectName(QStringLiteral("receiptInfoScroll"));
    infoScroll->setWidget(info);
    infoScroll->setWidgetResizable(true);
    infoScroll->setFrameShape(QFrame::NoFrame);
    infoScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    infoScroll->setFocusPolicy(Qt::NoFocus);

    auto *side = new QVBoxLayout;
    side->addWidget(infoScroll, 1);
    side->addWidget(m_receiptCaption);
    // Print gets a row of its own ("Kopie afdrukken" needs the room); E-mail and None share one.
    auto *actions = new QGridLayout;
    actions->setSpacing(12);
    actions->addWidget(m_print, 0, 0, 1, 2);
    actions->addWidget(m_email, 1, 0);
    actions->addWidget(m_none, 1, 1);
    side->addLayout(actions);
    side->addWidget(m_emailNote);
    side->addWidget(m_newSale);

    // Portrait stacks the receipt over the actions.
    auto *layout = new QBoxLayout(QBoxLayout::LeftToRight, this);
    layout->setContentsMargins(24, 16, 24, 16);
    layout->setSpacing(24);
    layout->addWidget(m_scroll, 3);
    layout->addLayout(side, 2);
    connect(m_newSale, &QPushButton::clicked, this, &ReceiptScreen::newSaleRequested);
    connect(m_print, &QPushButton::clicked, this, &ReceiptScreen::printCopy);
    // "None": no (further) receipt for this customer; the sale is done.
    connect(m_none, &QPushButton::clicked, this, &ReceiptScreen::newSaleRequested);
    retranslate();
}

void ReceiptScreen::setEmailAvailable(bool available)
{
    m_emailAvailable = available;
    retranslate();
}

void ReceiptScreen::setReturnReceipt(ReturnLayout layout, ReturnPrinter printer)
{
    m_returnLayout = std::move(layout);
    m_printReturn = std::move(printer);
    retranslate();
}

void ReceiptScreen::setReturnEmailAvailable(bool available)
{
    m_emailReturn = available;
    retranslate();
}

void ReceiptScreen::showSale(const Services::CompletedSale &sale)
{
    m_return.reset();
    m_sale = sale;
    m_copyStatus.clear();
    m_emailedTo.clear();
    retranslate();
}

void ReceiptScreen::showReturn(const Services::CompletedReturn &ret)
{
    m_return = ret;
    m_sale = Services::CompletedSale();
    m_copyStatus.clear();
    m_emailedTo.clear();
    retranslate();
}

void ReceiptScreen::refreshRefunds()
{
    // What went back, one line per part: what staff confirm to the customer.
    QStringList lines;
    for (const Core::Refund &refund : m_return->ret.refunds) {
        const QString amount = refund.amount.toDisplayString();
        switch (refund.method) {
        case Core::RefundMethod::Card:
            lines.append(refund.maskedPan.isEmpty()
                    ? tr("Card: %1").arg(amount)
                    : tr("Card %1: %2").arg(refund.maskedPan, amount));
            break;
        case Core::RefundMethod::Cash:
            lines.append(tr("Cash: %1 — hand it to the customer").arg(amount));
            break;
        case Core::RefundMethod::WebPayment:
            lines.append(
                tr("Web payment: %1 — the web shop pays it back within a few days").arg(amount));
            break;
        case Core::RefundMethod::GiftCard:
            lines.append(tr("Gift card …%1: %2").arg(refund.reference.right(4), amount));
            break;
        case Core::RefundMethod::StoreCredit:
            lines.append(tr("Store credit: %1").arg(amount));
            break;
        case Core::RefundMethod::LoyaltyPoints:
            lines.append(
                tr("%n loyalty point(s) given back: %1", nullptr, int(refund.points)).arg(amount));
            break;
        case Core::RefundMethod::Exchange:
            lines.append(tr("Exchange credit: %1").arg(amount));
            break;
        }
    }
    if (!m_return->ret.rounding.isZero())
        lines.append(tr("Cash rounding: %1").arg(m_return->ret.rounding.toDisplayString()));
    if (m_return->ret.pointsTakenBack > 0)
        lines.append(
            tr("%n loyalty point(s) taken back", nullptr, int(m_return->ret.pointsTakenBack)));
    m_tendersCaption->setText(tr("Refunded to"));
    m_tenders->setText(lines.join(QLatin1Char('\n')));
    m_tendersCaption->setVisible(!lines.isEmpty());
    m_tenders->setVisible(!lines.isEmpty());
}

void ReceiptScreen::noteEmailed(const QString &address)
{
    m_emailedTo = address;
    retranslate();
}

void ReceiptScreen::refreshTenders()
{
    // How the sale was paid, one line per tender: what staff confirm to the customer.
    QStringList lines;
    for (const Core::Tender &tender : m_sale.sale.tenders) {
        const QString amount = tender.amount.toDisplayString();
        switch (tender.method) {
        case Core::TenderMethod::Card: {
            QString card = QStringList { tender.cardBrand, tender.maskedPan }
                               .join(QLatin1Char(' '))
                               .trimmed();
            if (card.isEmpty())
                card = tr("Card");
            lines.append(tr("%1: %2").arg(card, amount));
            break;
        }
        case Core::TenderMethod::Cash:
            lines.append(tender.tendered > tender.amount
                    ? tr("Cash: %1 (received %2)").arg(amount, tender.tendered.toDisplayString())
                    : tr("Cash: %1").arg(amount));
            break;
        case Core::TenderMethod::GiftCard: {
            const QString number = tender.reference.right(4);
            QString line = tr("Gift card …%1: %2").arg(number, amount);
            if (tender.balanceLeft)
                line += QLatin1Char('\n')
                    + tr("%1 left on the gift card").arg(tender.balanceLeft->toDisplayString());
            lines.append(line);
            break;
        }
        case Core::TenderMethod::StoreCredit: {
            QString line = tr("Store credit: %1").arg(amount);
            if (tender.balanceLeft)
                line += QLatin1Char('\n')
                    + tr("%1 store credit left").arg(tender.balanceLeft->toDisplayString());
            lines.append(line);
            break;
        }
        case Core::TenderMethod::LoyaltyPoints:
            lines.append(tr("%n loyalty point(s): %1", nullptr, int(tender.points)).arg(amount));
            break;
        case Core::TenderMethod::ReturnCredit:
            lines.append(tr("Exchange credit: %1").arg(amount));
            break;
        }
    }
    if (!m_sale.sale.rounding.isZero())
        lines.append(tr("Cash rounding: %1").arg(m_sale.sale.rounding.toDisplayString()));
    // Endless aisle (issue 11): the order this sale paid, and the code for its pickup.
    if (m_sale.sale.order) {
        lines.append(tr("Web order %1").arg(m_sale.sale.order->orderNumber));
        if (!m_sale.pickupCode.isEmpty())
            lines.append(tr("Pickup code: %1").arg(m_sale.pickupCode));
    }
    m_tendersCaption->setText(tr("Paid with"));
    m_tenders->setText(lines.join(QLatin1Char('\n')));
    m_tendersCaption->setVisible(!lines.isEmpty());
    m_tenders->setVisible(!lines.isEmpty());
}

void ReceiptScreen::printCopy()
{
    if (m_return) {
        if (!m_printReturn)
            return;
        const bool originalPrinted = m_return->printError.isEmpty();
        const Core::Status printed = m_printReturn(*m_return, originalPrinted);
        if (printed && !originalPrinted)
            m_return->printError.clear();
        if (!printed)
            m_copyStatus = printed.error().message;
        else
            m_copyStatus
                = originalPrinted ? tr("A copy marked \"COPY\" has been printed.") : QString();
        retranslate();
        return;
    }
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
    if (m_return) {
        retranslateReturn();
        return;
    }
    m_title->setText(m_sale.receiptNumber.isEmpty()
            ? QString()
            : tr("Sale %1 completed").arg(m_sale.receiptNumber));
    m_changeCaption->setText(tr("Change"));
    m_change->setText(m_sale.change.toDisplayString());
    QString status;
    if (!m_saleService.hasReceiptPrinter())
        status = tr("No receipt printer on this tablet: e-mail the receipt or give none.");
    else
        status
            = m_sale.printError.isEmpty() ? tr("The receipt has been printed.") : m_sale.printError;
    if (!m_copyStatus.isEmpty())
        status += QLatin1Char('\n') + m_copyStatus;
    m_printStatus->setText(status);
    m_receiptCaption->setText(tr("Receipt for the customer"));
    m_print->setText(m_sale.printError.isEmpty() ? tr("Print copy") : tr("Print"));
    m_print->setEnabled(m_saleService.hasReceiptPrinter() && !m_sale.receiptNumber.isEmpty());
    m_email->setText(tr("E-mail"));
    m_none->setText(tr("None"));
    const bool canEmail = m_emailAvailable && !m_sale.receiptNumber.isEmpty();
    m_email->setEnabled(canEmail);
    if (!m_emailAvailable) {
        const QString emailUnavailable
            = tr("E-mail receipts are not available on this tablet yet.");
        m_emailNote->setText(emailUnavailable);
        m_email->setToolTip(emailUnavailable);
    } else {
        m_email->setToolTip(QString());
        m_emailNote->setText(m_emailedTo.isEmpty()
                ? QString()
                : tr("The receipt is on its way to %1.").arg(m_emailedTo));
    }
    m_emailNote->setVisible(!m_emailNote->text().isEmpty());
    refreshTenders();
    m_newSale->setText(tr("New sale"));
    if (!m_sale.receiptNumber.isEmpty())
        m_view->setLines(Devices::ReceiptLayout::layout(m_saleService.receiptFor(m_sale)));
}

void ReceiptScreen::resizeEvent(QResizeEvent *event)
{
    if (auto *box = qobject_cast<QBoxLayout *>(layout())) {
        // Portrait: the receipt (it scrolls) over the actions, which get the larger share so
        // how it was paid reads without scrolling.
        const bool portrait = width() < height();
        box->setDirection(portrait ? QBoxLayout::TopToBottom : QBoxLayout::LeftToRight);
        box->setStretch(0, portrait ? 2 : 3);
        box->setStretch(1, portrait ? 3 : 2);
    }
    QWidget::resizeEvent(event);
}

void ReceiptScreen::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ReceiptScreen::retranslateReturn()
{
    const Services::CompletedReturn &done = *m_return;
    m_title->setText(tr("Return %1 completed").arg(done.receiptNumber));
    m_changeCaption->setText(tr("Refunded"));
    m_change->setText((done.ret.total + done.ret.rounding).toDisplayString());
    QString status;
    if (!m_saleService.hasReceiptPrinter())
        status = tr("No receipt printer on this tablet: e-mail the receipt or give none.");
    else
        status = done.printError.isEmpty() ? tr("The return receipt has been printed.")
                                           : done.printError;
    if (!m_copyStatus.isEmpty())
        status += QLatin1Char('\n') + m_copyStatus;
    m_printStatus->setText(status);
    m_receiptCaption->setText(tr("Receipt for the customer"));
    m_print->setText(done.printError.isEmpty() ? tr("Print copy") : tr("Print"));
    m_print->setEnabled(m_saleService.hasReceiptPrinter() && bool(m_printReturn));
    m_email->setText(tr("E-mail"));
    m_none->setText(tr("None"));
    const bool canEmail = bool(m_emailReturn);
    m_email->setEnabled(canEmail);
    if (!canEmail) {
        const QString emailUnavailable
            = tr("E-mail receipts are not available on this tablet yet.");
        m_emailNote->setText(emailUnavailable);
        m_email->setToolTip(emailUnavailable);
    } else {
        m_email->setToolTip(QString());
        m_emailNote->setText(m_emailedTo.isEmpty()
                ? QString()
                : tr("The receipt is on its way to %1.").arg(m_emailedTo));
    }
    m_emailNote->setVisible(!m_emailNote->text().isEmpty());
    refreshRefunds();
    m_newSale->setText(tr("New sale"));
    if (m_returnLayout) {
        m_view->setLines(m_returnLayout(done));
    } else {
        // The one receipt layout, with this store's header.
        const Store::Location &store = m_saleService.location();
        Devices::ReceiptStoreInfo info;
        info.storeName = done.storeName.isEmpty() ? store.name : done.storeName;
        info.storeAddress = store.address;
        info.storeCity = store.city;
        info.vatNumber = store.vatNumber;
        info.staffName = done.staffName;
        info.locale = QLocale();
        Devices::ReceiptData receipt = Devices::returnReceiptData(done.ret, info);
        receipt.receiptNumber = done.receiptNumber;
        m_view->setLines(Devices::ReceiptLayout::layout(receipt));
    }
}

} // namespace Toonbank::Ui
