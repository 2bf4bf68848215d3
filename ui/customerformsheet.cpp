#include "customerformsheet.h"

#include "uihelpers.h"

#include "app/services/customerservice.h"

#include <QCheckBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace Toonbank::Ui {

CustomerFormSheet::CustomerFormSheet(Services::CustomerService &customers, QWidget *host)
    : SideSheet(host)
    , m_customers(customers)
    , m_intro(new QLabel(panel()))
    , m_nameCaption(roleLabel(panel(), "caption"))
    , m_nameField(new QLineEdit(panel()))
    , m_emailCaption(roleLabel(panel(), "caption"))
    , m_emailField(new QLineEdit(panel()))
    , m_phoneCaption(roleLabel(panel(), "caption"))
    , m_phoneField(new QLineEdit(panel()))
    , m_cardCaption(roleLabel(panel(), "caption"))
    , m_cardField(new QLineEdit(panel()))
    , m_consentCaption(roleLabel(panel(), "caption"))
    , m_consentEmail(new QCheckBox(panel()))
    , m_consentSms(new QCheckBox(panel()))
    , m_consentPersonalised(new QCheckBox(panel()))
    , m_error(roleLabel(panel(), "error"))
    , m_cancel(touchButton(panel()))
    , m_save(touchButton(panel(), "primary"))
{
    setObjectName(QStringLiteral("customerFormSheet"));
    m_nameField->setObjectName(QStringLiteral("enrolName"));
    m_emailField->setObjectName(QStringLiteral("enrolEmail"));
    m_phoneField->setObjectName(QStringLiteral("enrolPhone"));
    m_cardField->setObjectName(QStringLiteral("enrolCard"));
    m_consentEmail->setObjectName(QStringLiteral("consentEmail"));
    m_consentSms->setObjectName(QStringLiteral("consentSms"));
    m_consentPersonalised->setObjectName(QStringLiteral("consentPersonalised"));
    m_error->setObjectName(QStringLiteral("customerFormError"));
    m_cancel->setObjectName(QStringLiteral("customerFormCancel"));
    m_save->setObjectName(QStringLiteral("customerFormSave"));
    m_emailField->setInputMethodHints(Qt::ImhEmailCharactersOnly);
    m_phoneField->setInputMethodHints(Qt::ImhDialableCharactersOnly);
    m_cardField->setInputMethodHints(Qt::ImhDigitsOnly);
    for (QLabel *label : { m_intro, m_error })
        label->setWordWrap(true);
    for (QCheckBox *box : { m_consentEmail, m_consentSms, m_consentPersonalised })
        box->setFocusPolicy(Qt::NoFocus);

    // The form scrolls inside the sheet; the buttons stay at the bottom.
    auto *form = new QWidget;
    form->setObjectName(QStringLiteral("sheetForm"));
    auto *formLayout = new QVBoxLayout(form);
    formLayout->setContentsMargins(0, 0, 8, 0);
    formLayout->setSpacing(8);
    formLayout->addWidget(m_intro);
    // Two fields a row, so the whole form and all three consents fit a landscape sheet.
    auto *fields = new QGridLayout;
    fields->setHorizontalSpacing(16);
    fields->setVerticalSpacing(4);
    int index = 0;
    for (const auto &[caption, field] : { std::pair { m_nameCaption, m_nameField },
             std::pair { m_emailCaption, m_emailField }, std::pair { m_phoneCaption, m_phoneField },
             std::pair { m_cardCaption, m_cardField } }) {
        caption->setWordWrap(true);
        caption->setAlignment(Qt::AlignLeft | Qt::AlignBottom);
        fields->addWidget(caption, (index / 2) * 2, index % 2);
        fields->addWidget(field, (index / 2) * 2 + 1, index % 2);
        ++index;
    }
    fields->setColumnStretch(0, 1);
    fields->setColumnStretch(1, 1);
    formLayout->addLayout(fields);
    formLayout->addSpacing(8);
    formLayout->addWidget(m_consentCaption);
    formLayout->addWidget(m_consentEmail);
    formLayout->addWidget(m_consentSms);
    formLayout->addWidget(m_consentPersonalised);
    formLayout->addStretch(1);
    QScrollArea *scroll = scrollingForm(form);

    connect(m_cancel, &QPushButton::clicked, this, &SideSheet::close);
    connect(m_save, &QPushButton::clicked, this, &CustomerFormSheet::submit);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_cancel, 1);
    buttons->addWidget(m_save, 2);
    content()->addWidget(scroll, 1);
    content()->addWidget(m_error);
    content()->addLayout(buttons);
    retranslate();
}

void CustomerFormSheet::startEnrolment(const QString &cardNumber)
{
    m_enrolling = true;
    m_cardNumber.clear();
    m_name.clear();
    for (QLineEdit *field : { m_nameField, m_emailField, m_phoneField, m_cardField }) {
        field->clear();
        field->setVisible(true);
    }
    m_cardField->setText(cardNumber);
    for (QLabel *caption : { m_nameCaption, m_emailCaption, m_phoneCaption, m_cardCaption })
        caption->setVisible(true);
    // Nothing pre-ticked: the customer says yes to each, or it stays no.
    for (QCheckBox *box : { m_consentEmail, m_consentSms, m_consentPersonalised })
        box->setChecked(false);
    m_error->clear();
    retranslate();
    open();
    m_nameField->setFocus();
}

void CustomerFormSheet::takeScannedCard(const QString &code)
{
    if (m_enrolling)
        m_cardField->setText(code);
}

void CustomerFormSheet::startConsent(
    const QString &cardNumber, const QString &name, bool email, bool sms, bool personalised)
{
    m_enrolling = false;
    m_cardNumber = cardNumber;
    m_name = name;
    for (QLineEdit *field : { m_nameField, m_emailField, m_phoneField, m_cardField })
        field->setVisible(false);
    for (QLabel *caption : { m_nameCaption, m_emailCaption, m_phoneCaption, m_cardCaption })
        caption->setVisible(false);
    m_consentEmail->setChecked(email);
    m_consentSms->setChecked(sms);
    m_consentPersonalised->setChecked(personalised);
    m_error->clear();
    retranslate();
    open();
}

void CustomerFormSheet::submit()
{
    if (m_enrolling) {
        Services::EnrolmentRequest request;
        request.name = m_nameField->text().trimmed();
        request.email = m_emailField->text().trimmed();
        request.phone = m_phoneField->text().trimmed();
        request.cardNumber = m_cardField->text().trimmed();
        request.consentEmail = m_consentEmail->isChecked();
        request.consentSms = m_consentSms->isChecked();
        request.consentPersonalised = m_consentPersonalised->isChecked();
        Core::Result<Services::CustomerSummary> customer = m_customers.enrol(request);
        if (!customer) {
            m_error->setText(customer.error().message);
            return;
        }
        hide();
        emit enrolled(customer.value().cardNumber);
        emit closed();
        return;
    }
    const Core::Status changed = m_customers.setConsent(m_cardNumber, m_consentEmail->isChecked(),
        m_consentSms->isChecked(), m_consentPersonalised->isChecked());
    if (!changed) {
        m_error->setText(changed.error().message);
        return;
    }
    hide();
    emit consentChanged(m_cardNumber);
    emit closed();
}

void CustomerFormSheet::retranslate()
{
    setTitle(m_enrolling ? tr("New customer") : tr("Consent of %1").arg(m_name));
    m_intro->setText(m_enrolling
            ? tr("Ask the customer for each choice. Leave a box empty unless they say yes.")
            : tr("Change only what the customer asks for. The change is kept with the date "
                 "and your name."));
    m_nameCaption->setText(tr("Name"));
    m_emailCaption->setText(tr("E-mail"));
    m_phoneCaption->setText(tr("Mobile phone"));
    m_cardCaption->setText(tr("Card number (scan a new card, or leave empty)"));
    m_consentCaption->setText(tr("The customer agrees to"));
    m_consentEmail->setText(tr("News and offers by e-mail"));
    m_consentSms->setText(tr("Offers by text message (SMS)"));
    m_consentPersonalised->setText(tr("Personal offers based on purchases"));
    m_cancel->setText(tr("Cancel"));
    m_save->setText(m_enrolling ? tr("Enrol") : tr("Save consent"));
}

void CustomerFormSheet::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    SideSheet::changeEvent(event);
}

} // namespace Toonbank::Ui
