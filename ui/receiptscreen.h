#pragma once

#include "app/services/returnservice.h"
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
    /// The return receipt's printer (`copy` marks a reprint) and, to replace the default
    /// (Devices::returnReceiptData with this store's header), its lines. Without a printer
    /// Print stays disabled for returns.
    using ReturnLayout
        = std::function<QList<Devices::ReceiptLine>(const Services::CompletedReturn &)>;
    using ReturnPrinter = std::function<Core::Status(const Services::CompletedReturn &, bool copy)>;
    void setReturnReceipt(ReturnLayout layout, ReturnPrinter printer);
    /// Whether a return's receipt can be e-mailed (returnEmailRequested() is wired).
    void setReturnEmailAvailable(bool available);
    void showSale(const Services::CompletedSale &sale);
    /// A finished return: its receipt, what went back to whom; Print · E-mail · None.
    void showReturn(const Services::CompletedReturn &ret);
    /// Whether a return (not a sale) is shown.
    bool showsReturn() const { return m_return.has_value(); }
    /// The receipt went out by e-mail to `address` (said under the buttons).
    void noteEmailed(const QString &address);
    const ReceiptView *receiptView() const { return m_view; }
    const Services::CompletedSale &sale() const { return m_sale; }

signals:
    void newSaleRequested();
    void emailRequested(const Toonbank::Services::CompletedSale &sale);
    void returnEmailRequested(const Toonbank::Services::CompletedReturn &ret);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void retranslate();
    void printCopy();
    void refreshTenders();
    void refreshRefunds();
    void retranslateReturn();

    Services::SaleService &m_saleService;
    Services::CompletedSale m_sale;
    std::optional<Services::CompletedReturn> m_return;
    ReturnLayout m_returnLayout;
    ReturnPrinter m_printReturn;
    bool m_emailReturn = false;
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
