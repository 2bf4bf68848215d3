#pragma once

#include "app/services/checkoutservice.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QScrollArea;

namespace Toonbank::Ui {

class ReceiptView;

/// The finished sale: receipt preview with QR on the left, the change due and "New sale".
class ReceiptScreen final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReceiptScreen)
public:
    explicit ReceiptScreen(Services::CheckoutService &checkout, QWidget *parent = nullptr);

    void showSale(const Services::CompletedSale &sale);
    const ReceiptView *receiptView() const { return m_view; }

signals:
    void newSaleRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    Services::CheckoutService &m_checkout;
    Services::CompletedSale m_sale;
    QScrollArea *m_scroll;
    ReceiptView *m_view;
    QLabel *m_title;
    QLabel *m_changeCaption;
    QLabel *m_change;
    QLabel *m_printStatus;
    QPushButton *m_newSale;
};

} // namespace Toonbank::Ui
