#pragma once

#include "sidesheet.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Toonbank::Services {
class CustomerService;
} // namespace Toonbank::Services

namespace Toonbank::Ui {

/// Enrol a customer (name, e-mail, phone, card, and the three consents, none ticked before
/// the customer says yes), or edit an existing customer's consents.
class CustomerFormSheet final : public SideSheet
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CustomerFormSheet)
public:
    CustomerFormSheet(Services::CustomerService &customers, QWidget *host);

    /// A new customer; `cardNumber` is a new card scanned before (may be empty).
    void startEnrolment(const QString &cardNumber = {});
    /// A card scanned while enrolling: the new customer's card number.
    void takeScannedCard(const QString &code);
    void startConsent(
        const QString &cardNumber, const QString &name, bool email, bool sms, bool personalised);

signals:
    void enrolled(const QString &cardNumber);
    void consentChanged(const QString &cardNumber);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void submit();

    Services::CustomerService &m_customers;
    bool m_enrolling = true;
    QString m_cardNumber;
    QString m_name;

    QLabel *m_intro;
    QLabel *m_nameCaption;
    QLineEdit *m_nameField;
    QLabel *m_emailCaption;
    QLineEdit *m_emailField;
    QLabel *m_phoneCaption;
    QLineEdit *m_phoneField;
    QLabel *m_cardCaption;
    QLineEdit *m_cardField;
    QLabel *m_consentCaption;
    QCheckBox *m_consentEmail;
    QCheckBox *m_consentSms;
    QCheckBox *m_consentPersonalised;
    QLabel *m_error;
    QPushButton *m_cancel;
    QPushButton *m_save;
};

} // namespace Toonbank::Ui
