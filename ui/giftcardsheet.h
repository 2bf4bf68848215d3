#pragma once

#include "sidesheet.h"

#include "app/core/money.h"
#include "app/core/result.h"

#include <QDate>

#include <functional>
#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QWidget;

namespace Toonbank::Services {
class PaymentService;
} // namespace Toonbank::Services

namespace Toonbank::Ui {

class Keypad;

/// A gift card, scanned or typed. Two uses:
/// - Pay: checks the card online and shows its balance and expiry, then takes the amount to
///   use (the remaining or the balance, whichever is less) and claims it (PaymentService).
/// - Sell: a gift card sold or topped up at the till, as a line of the sale (number, amount).
class GiftCardSheet final : public SideSheet
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GiftCardSheet)
public:
    enum class Mode { Pay, Sell };
    /// Adds a gift card line to the sale (SaleService::addGiftCard).
    using SellAction = std::function<Core::Status(const QString &number, Core::Money amount)>;

    GiftCardSheet(Services::PaymentService &payments, QWidget *host);

    void setSellAction(SellAction action) { m_sell = std::move(action); }
    /// Paying: `remaining` is what is left of the sale.
    void startPay(Core::Money remaining);
    void startSell();
    /// A card scanned while the sheet is open: entered as if typed, and looked up.
    void takeScannedCode(const QString &code);
    Mode mode() const { return m_mode; }

signals:
    /// Pay: the amount was claimed. Sell: the line was added.
    void accepted(const QString &number, Core::Money amount);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void reset();
    void lookUp();
    void typeDigit(int digit);
    void backspace();
    void setAmount(qint64 cents);
    void refresh();
    void confirm();

    Services::PaymentService &m_payments;
    SellAction m_sell;
    Mode m_mode = Mode::Pay;
    Core::Money m_remaining;
    QString m_checkedNumber; // the number the balance below belongs to
    std::optional<Core::Money> m_balance;
    std::optional<QDate> m_expiresOn; // of the card checked; none: no end date
    qint64 m_amountCents = 0;
    bool m_typing = false;

    QLabel *m_hint;
    QLineEdit *m_number;
    QPushButton *m_check;
    QLabel *m_balanceText;
    QLabel *m_expiryText;
    QLabel *m_amountCaption;
    QLabel *m_amount;
    QWidget *m_quickRow;
    QList<QPushButton *> m_quick;
    Keypad *m_keypad;
    QLabel *m_error;
    QPushButton *m_close;
    QPushButton *m_confirm;
};

} // namespace Toonbank::Ui
