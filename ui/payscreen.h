#pragma once

#include "app/core/money.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace Toonbank::Services {
class SaleService;
struct CompletedSale;
} // namespace Toonbank::Services

namespace Toonbank::Ui {

/// Cash payment: amount due (rounded to 5 cents when the store rounds, with the rounding as
/// its own line), what the customer hands over (numpad and quick buttons), the change.
class PayScreen final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PayScreen)
public:
    explicit PayScreen(Services::SaleService &sale, QWidget *parent = nullptr);

    /// Called when the screen opens: shows the current basket's amounts, nothing tendered.
    void start();
    Core::Money tendered() const { return Core::Money::fromCents(m_tenderedCents); }

signals:
    void cancelled();
    void completed(const Services::CompletedSale &sale);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void retranslate();
    void refresh();
    void typeDigits(const QString &digits);
    void setTendered(qint64 cents);
    void complete();

    Services::SaleService &m_sale;
    qint64 m_tenderedCents = 0;
    bool m_typing = false; // digits typed since a quick button: they build a new amount

    QLabel *m_title;
    QLabel *m_totalCaption;
    QLabel *m_total;
    QLabel *m_roundingCaption;
    QLabel *m_rounding;
    QLabel *m_dueCaption;
    QLabel *m_due;
    QLabel *m_tenderedCaption;
    QLabel *m_tendered;
    QLabel *m_changeCaption;
    QLabel *m_change;
    QLabel *m_error;
    QPushButton *m_exact;
    QList<QPushButton *> m_quick;
    QPushButton *m_clear;
    QPushButton *m_cancel;
    QPushButton *m_done;
};

} // namespace Toonbank::Ui
