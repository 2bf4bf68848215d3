#pragma once

#include "sidesheet.h"

class QLabel;
class QLineEdit;
class QPushButton;
class QVBoxLayout;

namespace Toonbank::Services {
class SaleService;
} // namespace Toonbank::Services

namespace Toonbank::Ui {

/// Enter a coupon code (typed, or scanned into the field); the coupons already on the sale,
/// each with Remove. A refused code says why in plain words and the basket stays as it was.
class CouponSheet final : public SideSheet
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CouponSheet)
public:
    CouponSheet(Services::SaleService &sale, QWidget *host);

    void start();
    /// A coupon's barcode scanned while the sheet is open: entered as if typed.
    void takeScannedCode(const QString &code);

signals:
    void accepted(const QString &code);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void apply();
    void refreshList();

    Services::SaleService &m_sale;
    QLabel *m_hint;
    QLineEdit *m_code;
    QLabel *m_error;
    QLabel *m_listCaption;
    QVBoxLayout *m_list;
    QPushButton *m_close;
    QPushButton *m_apply;
};

} // namespace Toonbank::Ui
