#pragma once

#include "sidesheet.h"

#include "app/services/reservationservice.h"

#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace Toonbank::Services {
class SaleService;
} // namespace Toonbank::Services

namespace Toonbank::Ui {

/// Reserve a product in this or another store (docs/STOCK.md §4, the product screen's
/// "Reserve"): the product and store, the quantity (−/+), the customer — the attached one, or a
/// name and phone — and Reserve. The server holds the units or says why not ("Only 1 available
/// there."). Then the sheet shows the six-digit pickup code to give the customer and until when
/// the store holds it.
class ReserveSheet final : public SideSheet
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReserveSheet)
public:
    ReserveSheet(
        Services::ReservationService &reservations, Services::SaleService &sale, QWidget *host);

    /// Opens the sheet for `productId` at `locationId` (an error shows on the sheet when the
    /// product or store is unknown).
    void start(qint64 productId, qint64 locationId);
    /// The last reservation made (tests).
    const std::optional<Services::Reservation> &lastReservation() const { return m_done; }
    void showError(const QString &message);

signals:
    void reserved(const Toonbank::Services::Reservation &reservation);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void refreshQuantity();
    void submit();
    void showDone(const Services::Reservation &reservation);

    Services::ReservationService &m_reservations;
    Services::SaleService &m_sale;
    qint64 m_productId = 0;
    qint64 m_locationId = 0;
    int m_quantity = 1;
    QString m_cardNumber; // the attached customer's, when used
    std::optional<Services::ReserveTarget> m_target;
    std::optional<Services::Reservation> m_done;

    QStackedWidget *m_pages;
    // The form.
    QLabel *m_what;
    QLabel *m_where;
    QLabel *m_quantityCaption;
    QPushButton *m_minus;
    QLabel *m_quantityValue;
    QPushButton *m_plus;
    QLabel *m_customerCaption;
    QLabel *m_attached;
    QPushButton *m_otherCustomer;
    QLabel *m_nameCaption;
    QLineEdit *m_name;
    QLabel *m_phoneCaption;
    QLineEdit *m_phone;
    QLabel *m_error;
    QPushButton *m_cancel;
    QPushButton *m_confirm;
    // The answer.
    QLabel *m_doneWhat;
    QLabel *m_codeCaption;
    QLabel *m_code;
    QLabel *m_until;
    QLabel *m_hint;
    QPushButton *m_close;
};

} // namespace Toonbank::Ui
