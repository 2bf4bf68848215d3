#include "giftcardsheet.h"

#include "keypad.h"
#include "uihelpers.h"

#include "app/core/payment.h"
#include "app/services/paymentservice.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace Toonbank::Ui {

namespace {
constexpr qint64 sellEuros[] = { 10, 25, 50 };
constexpr qint64 maxAmountCents = 50000; // € 500 on one card: more is a typing slip
} // namespace

GiftCardSheet::GiftCardSheet(Services::PaymentService &payments, QWidget *host)
    : SideSheet(host)
    , m_payments(payments)
    , m_hint(roleLabel(panel(), "subtle"))
    , m_number(new QLineEdit(panel()))
    , m_check(touchButton(panel()))
    , m_balanceText(roleLabel(panel(), "giftBalance"))
    , m_expiryText(roleLabel(panel(), "section"))
    , m_amountCaption(roleLabel(panel(), "caption"))
    , m_amount(roleLabel(panel(), "sheetWhat"))
    , m_quickRow(new QWidget(panel()))
    , m_keypad(new Keypad(QStringLiteral("gift"), panel()))
    , m_error(roleLabel(panel(), "error"))
    , m_close(touchButton(panel()))
    , m_confirm(touchButton(panel(), "primary"))
{
    setObjectName(QStringLiteral("giftCardSheet"));
    m_number->setObjectName(QStringLiteral("giftCardNumber"));
    m_number->setInputMethodHints(Qt::ImhDigitsOnly);
    m_check->setObjectName(QStringLiteral("giftCardCheck"));
    m_balanceText->setObjectName(QStringLiteral("giftCardBalance"));
    m_expiryText->setObjectName(QStringLiteral("giftCardExpiry"));
    m_amount->setObjectName(QStringLiteral("giftCardAmount"));
    m_error->setObjectName(QStringLiteral("giftCardError"));
    m_close->setObjectName(QStringLiteral("giftCardClose"));
    m_confirm->setObjectName(QStringLiteral("giftCardConfirm"));
    for (QLabel *label : { m_hint, m_balanceText, m_expiryText, m_error })
        label->setWordWrap(true);
    m_amount->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    auto *numberRow = new QHBoxLayout;
    numberRow->addWidget(m_number, 1);
    numberRow->addWidget(m_check);
    auto *amountRow = new QHBoxLayout;
    amountRow->addWidget(m_amountCaption, 1);
    amountRow->addWidget(m_amount);
    auto *quick = new QHBoxLayout(m_quickRow);
    quick->setContentsMargins(0, 0, 0, 0);
    for (qint64 euros : sellEuros) {
        QPushButton *button = touchButton(m_quickRow, "quick");
        button->setObjectName(QStringLiteral("giftQuick%1").arg(euros));
        button->setText(QStringLiteral("€ %1").arg(euros));
        connect(button, &QPushButton::clicked, this, [this, euros] { setAmount(euros * 100); });
        quick->addWidget(button);
        m_quick.append(button);
    }
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_close, 1);
    buttons->addWidget(m_confirm, 2);
    content()->addWidget(m_hint);
    content()->addLayout(numberRow);
    content()->addWidget(m_balanceText);
    content()->addWidget(m_expiryText);
    content()->addLayout(amountRow);
    content()->addWidget(m_quickRow);
    content()->addWidget(m_keypad);
    content()->addWidget(m_error);
    content()->addStretch(1);
    content()->addLayout(buttons);

    connect(m_check, &QPushButton::clicked, this, &GiftCardSheet::lookUp);
    connect(m_number, &QLineEdit::returnPressed, this, [this] {
        if (m_mode == Mode::Pay)
            lookUp();
    });
    connect(m_number, &QLineEdit::textChanged, this, [this] {
        // Another number: the balance shown belonged to the one before.
        if (m_checkedNumber.isEmpty()) {
            refresh();
            return;
        }
        const Core::Result<QString> number = Core::normaliseGiftCardNumber(m_number->text());
        if (!number || number.value() != m_checkedNumber) {
            m_checkedNumber.clear();
            m_balance.reset();
            m_error->clear();
            refresh();
        }
    });
    connect(m_keypad, &Keypad::digitPressed, this, &GiftCardSheet::typeDigit);
    connect(m_keypad, &Keypad::backspacePressed, this, &GiftCardSheet::backspace);
    connect(m_close, &QPushButton::clicked, this, &SideSheet::close);
    connect(m_confirm, &QPushButton::clicked, this, &GiftCardSheet::confirm);
    retranslate();
}

void GiftCardSheet::reset()
{
    m_number->clear();
    m_checkedNumber.clear();
    m_balance.reset();
    m_expiresOn.reset();
    m_amountCents = 0;
    m_typing = false;
    m_error->clear();
}

void GiftCardSheet::startPay(Core::Money remaining)
{
    m_mode = Mode::Pay;
    m_remaining = remaining;
    reset();
    retranslate();
    open();
    m_number->setFocus();
}

void GiftCardSheet::startSell()
{
    m_mode = Mode::Sell;
    m_remaining = Core::Money();
    reset();
    retranslate();
    open();
    m_number->setFocus();
}

void GiftCardSheet::takeScannedCode(const QString &code)
{
    m_number->setText(code);
    if (m_mode == Mode::Pay)
        lookUp();
}

void GiftCardSheet::lookUp()
{
    m_error->clear();
    m_balance.reset();
    m_checkedNumber.clear();
    const Core::Result<QString> number = Core::normaliseGiftCardNumber(m_number->text());
    if (!number) {
        m_error->setText(number.error().message);
        refresh();
        return;
    }
    const Core::Result<Services::StoredValueBalance> balance
        = m_payments.giftCardBalance(number.value());
    if (!balance) {
        m_error->setText(balance.error().message);
        refresh();
        return;
    }
    m_checkedNumber = number.value();
    const Services::StoredValueBalance &card = balance.value();
    const QString expiry
        = card.expiresOn ? QLocale().toString(*card.expiresOn, QLocale::LongFormat) : QString();
    switch (card.state) {
    case Services::StoredValueBalance::State::Active:
        m_balance = card.balance;
        m_expiresOn = card.expiresOn;
        if (card.balance.cents() <= 0)
            m_error->setText(tr("This gift card is empty."));
        break;
    case Services::StoredValueBalance::State::Expired:
        m_error->setText(tr("This gift card expired on %1. It cannot be used.").arg(expiry));
        m_expiryText->clear();
        break;
    case Services::StoredValueBalance::State::Inactive:
        m_error->setText(
            tr("This gift card has not been activated. Sell it first, or use another card."));
        m_expiryText->clear();
        break;
    }
    if (m_balance)
        m_amountCents = qMax<qint64>(0, qMin(m_balance->cents(), m_remaining.cents()));
    m_typing = false;
    refresh();
}

void GiftCardSheet::typeDigit(int digit)
{
    qint64 cents = m_typing ? m_amountCents : 0;
    cents = cents * 10 + digit;
    m_typing = true;
    if (cents <= maxAmountCents)
        m_amountCents = cents;
    m_error->clear();
    refresh();
}

void GiftCardSheet::backspace()
{
    m_amountCents /= 10;
    m_typing = true;
    refresh();
}

void GiftCardSheet::setAmount(qint64 cents)
{
    m_amountCents = cents;
    m_typing = false;
    m_error->clear();
    refresh();
}

void GiftCardSheet::confirm()
{
    if (m_mode == Mode::Pay && (m_checkedNumber.isEmpty() || !m_balance)) {
        lookUp();
        return;
    }
    m_error->clear();
    const Core::Result<QString> number = Core::normaliseGiftCardNumber(m_number->text());
    if (!number) {
        m_error->setText(number.error().message);
        return;
    }
    const Core::Money amount = Core::Money::fromCents(m_amountCents);
    Core::Status done = Core::success();
    if (m_mode == Mode::Pay) {
        done = m_payments.payGiftCard(number.value(), amount);
    } else if (m_sell) {
        done = m_sell(number.value(), amount);
    } else {
        done = Core::Status(Core::Error::make(QStringLiteral("giftcard.unavailable"),
            tr("Gift cards cannot be sold on this tablet.")));
    }
    if (!done) {
        m_error->setText(done.error().message);
        return;
    }
    close();
    emit accepted(number.value(), amount);
}

void GiftCardSheet::refresh()
{
    const bool pay = m_mode == Mode::Pay;
    const bool checked = !m_checkedNumber.isEmpty() && m_balance.has_value();
    m_check->setVisible(pay);
    m_balanceText->setVisible(pay && checked);
    m_expiryText->setVisible(pay && checked);
    if (checked) {
        // Rendered here, so a change of language shows the date in the new one.
        m_balanceText->setText(tr("Balance: %1").arg(m_balance->toDisplayString()));
        m_expiryText->setText(m_expiresOn
                ? tr("Valid until %1").arg(QLocale().toString(*m_expiresOn, QLocale::LongFormat))
                : tr("No end date"));
    }
    // Paying: the amount only once the card is known; selling: at once.
    const bool amountShown = !pay || checked;
    m_amountCaption->setVisible(amountShown);
    m_amount->setVisible(amountShown);
    m_keypad->setVisible(amountShown);
    m_quickRow->setVisible(!pay);
    const Core::Money amount = Core::Money::fromCents(m_amountCents);
    m_amount->setText(amount.toDisplayString());
    if (pay) {
        m_confirm->setText(
            checked ? tr("Use %1").arg(amount.toDisplayString()) : tr("Check the gift card"));
        m_confirm->setEnabled(
            !checked || (amount.cents() > 0 && amount <= *m_balance && amount <= m_remaining));
    } else {
        m_confirm->setText(tr("Add %1").arg(amount.toDisplayString()));
        m_confirm->setEnabled(amount.cents() > 0 && !m_number->text().trimmed().isEmpty());
    }
    if (pay && checked && amount > m_remaining)
        m_error->setText(tr("The sale needs only %1 more.").arg(m_remaining.toDisplayString()));
    else if (pay && checked && amount > *m_balance)
        m_error->setText(tr("The card holds only %1.").arg(m_balance->toDisplayString()));
}

void GiftCardSheet::retranslate()
{
    const bool pay = m_mode == Mode::Pay;
    setTitle(pay ? tr("Pay with a gift card") : tr("Sell or top up a gift card"));
    m_hint->setText(pay ? tr("Scan the gift card or type its number.")
                        : tr("Scan the gift card or type its number, then choose the amount "
                             "to put on it. A card the customer already has is topped up."));
    m_number->setPlaceholderText(tr("Gift card number"));
    m_check->setText(tr("Check"));
    m_amountCaption->setText(pay ? tr("Amount to use") : tr("Amount to put on the card"));
    m_close->setText(tr("Close"));
    refresh();
}

void GiftCardSheet::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    SideSheet::changeEvent(event);
}

} // namespace Toonbank::Ui
