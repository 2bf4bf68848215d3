#pragma once

#include "app/core/money.h"
#include "app/core/sale.h"
#include "app/services/paymentservice.h"

#include <QMap>
#include <QWidget>

class QBoxLayout;
class QGridLayout;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace Toonbank::Services {
class SaleService;
struct CompletedSale;
} // namespace Toonbank::Services

namespace Toonbank::Ui {

/// Paying the sale, in parts, with any mix of card, cash, gift card, loyalty points and store
/// credit (SCREENS.md "Pay"), on PaymentService. Left: the amount due, what is paid so far and
/// what remains (large), the cash rounding line when cash pays the rest, the list of tenders
/// with their state and the card terminal's state in plain words with what to do next.
/// Right: the method tiles (an unusable one says why), the amount of the part (defaults to the
/// remaining), quick cash buttons and the numpad. Bottom: Cancel payment · Pay part.
class PayScreen final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PayScreen)
public:
    PayScreen(
        Services::PaymentService &payments, Services::SaleService &sale, QWidget *parent = nullptr);

    /// Called when the screen opens: starts paying the basket (or shows the payment still
    /// open after a restart). Nothing of an earlier sale stays on screen.
    void start();
    /// The amount typed for the part (cash: what the customer hands over).
    Core::Money amount() const { return Core::Money::fromCents(m_amountCents); }
    Core::TenderMethod method() const { return m_method; }
    /// Shows a failure said elsewhere (a side sheet of this payment) on the screen.
    void showError(const QString &message);
    /// Cancels the payment (after the confirmation when settled tenders are given back).
    void cancelPayment();

signals:
    /// The payment was cancelled (everything given back): back to the basket.
    void cancelled();
    void completed(const Services::CompletedSale &sale);
    /// The gift card tile: the sheet that scans the card and takes the amount.
    void giftCardRequested(Core::Money remaining);
    /// Cancel with settled tenders: asks to confirm, with what will be given back.
    void cancelConfirmationRequested(const QString &whatIsGivenBack);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void retranslate();
    void refresh();
    void refreshAmounts(const Services::PaymentView &view);
    void refreshTiles(const Services::PaymentView &view);
    void refreshTenders(const Services::PaymentView &view);
    void refreshTerminal(const Services::PaymentView &view);
    void refreshEntry(const Services::PaymentView &view);
    void arrangeAmounts(bool portrait);
    void chooseMethod(Core::TenderMethod method);
    void typeDigits(const QString &digits);
    void setAmount(qint64 cents);
    void resetAmount();
    void payPart();
    void askToCancel();
    void onFailed(const Core::Error &error);
    qint64 defaultAmountCents(const Services::PaymentView &view) const;
    qint64 pointsFor(Core::Money amount) const;
    QList<qint64> quickNotes(Core::Money due) const;
    bool cardRunning(const Services::PaymentView &view) const;

    Services::PaymentService &m_payments;
    Services::SaleService &m_sale;
    Core::TenderMethod m_method = Core::TenderMethod::Cash;
    qint64 m_amountCents = 0;
    bool m_typing = false; // digits typed since the amount was set: they build a new amount
    bool m_amountEdited = false; // staff chose the amount; otherwise it follows the remaining
    bool m_cancelling = false;
    bool m_portrait = false;
    Services::TerminalState m_lastTerminal = Services::TerminalState::Idle;
    int m_lastTenderCount = 0;

    QBoxLayout *m_panes;
    QBoxLayout *m_bottom = nullptr;
    QVBoxLayout *m_left;
    QVBoxLayout *m_right;
    QGridLayout *m_amounts;
    QLabel *m_totalCaption;
    QLabel *m_total;
    QLabel *m_paidCaption;
    QLabel *m_paid;
    QLabel *m_remainingCaption;
    QLabel *m_remaining;
    QWidget *m_roundingBox;
    QLabel *m_roundingCaption;
    QLabel *m_rounding;
    QLabel *m_dueCaption;
    QLabel *m_due;
    QLabel *m_tendersCaption;
    QWidget *m_tenders;
    QGridLayout *m_tenderGrid;
    QWidget *m_terminalBox;
    QLabel *m_terminalHeadline;
    QLabel *m_terminalDetail;
    QPushButton *m_stopCard;
    QPushButton *m_checkAgain;
    QLabel *m_error;

    QMap<Core::TenderMethod, QPushButton *> m_tiles;
    QMap<Core::TenderMethod, QLabel *> m_tileNames;
    QMap<Core::TenderMethod, QLabel *> m_tileNotes;
    QLabel *m_amountCaption;
    QLabel *m_amount;
    QLabel *m_changeCaption;
    QLabel *m_change;
    QLabel *m_methodNote;
    QWidget *m_quickRow;
    QPushButton *m_exact;
    QList<QPushButton *> m_quick;
    QWidget *m_pad;
    QPushButton *m_clear;
    QPushButton *m_cancel;
    QPushButton *m_done;
};

} // namespace Toonbank::Ui
