#pragma once

#include "app/services/saleservice.h"

#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QScrollArea;

namespace Toonbank::Ui {

class ReceiptView;

/// The finished sale: receipt preview with QR on the left; on the right the change due, the
/// receipt actions (print a copy, e-mail, none) and "New sale".
class ReceiptScreen final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReceiptScreen)
public:
    explicit ReceiptScreen(Services::SaleService &sale, QWidget *parent = nullptr);

    /// Whether e-mailing receipts works here (a mail service is wired in); without it the
    /// E-mail button stays, disabled, with the reason on screen.
    void setEmailAvailable(bool available);
    void showSale(const Services::CompletedSale &sale);
    /// The receipt went out by e-mail to `address` (said under the buttons).
    void noteEmailed(const QString &address);
    const ReceiptView *receiptView() const { return m_view; }
    const Services::CompletedSale &sale() const { return m_sale; }

signals:
    void newSaleRequested();
    void emailRequested(const Toonbank::Services::CompletedSale &sale);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void retranslate();
    void printCopy();
    void refreshTenders();

    Services::SaleService &m_saleService;
    Services::CompletedSale m_sale;
    QScrollArea *m_scroll;
    ReceiptView *m_view;
    QLabel *m_title;
    QLabel *m_changeCaption;
    QLabel *m_change;
    QLabel *m_printStatus;
    QLabel *m_tendersCaption;
    QLabel *m_tenders;
    QLabel *m_receiptCaption;
    QPushButton *m_print;
    QPushButton *m_email;
    QPushButton *m_none;
    QLabel *m_emailNote;
    QPushButton *m_newSale;
    QString m_copyStatus; // the last "print copy" outcome; empty before one
    QString m_emailedTo; // the address this receipt was e-mailed to; empty before
    bool m_emailAvailable = false;
};

} // namespace Toonbank::Ui
