#include "emailreceiptsheet.h"

#include "uihelpers.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Toonbank::Ui {

EmailReceiptSheet::EmailReceiptSheet(QWidget *host)
    : SideSheet(host)
    , m_hint(roleLabel(panel(), "section"))
    , m_address(new QLineEdit(panel()))
    , m_error(roleLabel(panel(), "error"))
    , m_close(touchButton(panel()))
    , m_sendButton(touchButton(panel(), "primary"))
{
    setObjectName(QStringLiteral("emailReceiptSheet"));
    m_address->setObjectName(QStringLiteral("emailAddress"));
    m_address->setInputMethodHints(Qt::ImhEmailCharactersOnly);
    m_error->setObjectName(QStringLiteral("emailError"));
    m_close->setObjectName(QStringLiteral("emailClose"));
    m_sendButton->setObjectName(QStringLiteral("emailSend"));
    m_hint->setWordWrap(true);
    m_error->setWordWrap(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_close, 1);
    buttons->addWidget(m_sendButton, 2);
    content()->addWidget(m_hint);
    content()->addWidget(m_address);
    content()->addWidget(m_error);
    content()->addStretch(1);
    content()->addLayout(buttons);
    connect(m_close, &QPushButton::clicked, this, &SideSheet::close);
    connect(m_sendButton, &QPushButton::clicked, this, &EmailReceiptSheet::send);
    connect(m_address, &QLineEdit::returnPressed, this, &EmailReceiptSheet::send);
    connect(m_address, &QLineEdit::textEdited, m_error, &QLabel::clear);
    retranslate();
}

void EmailReceiptSheet::start(const QString &receiptNumber, const QString &address, Send send)
{
    m_receiptNumber = receiptNumber;
    m_send = std::move(send);
    m_address->setText(address);
    m_error->clear();
    retranslate();
    open();
    m_address->setFocus();
}

void EmailReceiptSheet::send()
{
    const QString address = m_address->text().trimmed();
    if (address.isEmpty()) {
        m_error->setText(tr("Type the customer's e-mail address."));
        return;
    }
    if (!m_send) {
        m_error->setText(tr("E-mail receipts are not available on this tablet."));
        return;
    }
    const Core::Status sent = m_send(address);
    if (!sent) {
        m_error->setText(sent.error().message);
        return;
    }
    close();
    emit this->sent(address);
}

void EmailReceiptSheet::retranslate()
{
    setTitle(tr("E-mail the receipt"));
    m_hint->setText(tr("Receipt %1 is sent as a PDF to this address.").arg(m_receiptNumber));
    m_address->setPlaceholderText(tr("name@example.com"));
    m_close->setText(tr("Close"));
    m_sendButton->setText(tr("Send receipt"));
}

void EmailReceiptSheet::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    SideSheet::changeEvent(event);
}

} // namespace Toonbank::Ui
