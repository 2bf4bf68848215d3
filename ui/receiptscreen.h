#pragma once

#include "app/services/saleservice.h"

#include <QWidget>

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

    void showSale(const Services::CompletedSale &sale);
    const ReceiptView *receiptView() const { return m_view; }

signals:
    void newSaleRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void printCopy();

    Services::SaleService &m_saleService;
    Services::CompletedSale m_sale;
    QScrollArea *m_scroll;
    ReceiptView *m_view;
    QLabel *m_title;
    QLabel *m_changeCaption;
    QLabel *m_change;
    QLabel *m_printStatus;
    QLabel *m_receiptCaption;
    QPushButton *m_print;
    QPushButton *m_email;
    QPushButton *m_none;
    QLabel *m_emailNote;
    QPushButton *m_newSale;
    QString m_copyStatus; // the last "print copy" outcome; empty before one
};

} // namespace Toonbank::Ui
