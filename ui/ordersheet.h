#pragma once

#include "sidesheet.h"

#include "app/core/delivery.h"

#include <QList>
#include <QMap>

class QAbstractButton;
class QButtonGroup;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QWidget;

namespace Toonbank::Services {
class OrderService;
} // namespace Toonbank::Services

namespace Toonbank::Ui {

/// The endless aisle's order sheet (docs/STOCK.md §5): a product ordered for home delivery
/// (name, street and number, postcode, city, country NL/BE; the delivery options with price and
/// days) or for pickup in another store (the store, the customer's name and phone). Errors are
/// shown under the field they concern ("Enter the postcode."); Confirm places the order online
/// and puts its lines in the basket (OrderService::placeOrder).
class OrderSheet final : public SideSheet
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrderSheet)
public:
    OrderSheet(Services::OrderService &orders, QWidget *host);

    /// Opens the sheet for `productId`: home delivery when `pickupLocationId` is 0, else pickup
    /// in that store (ProductScreen::orderRequested).
    void start(qint64 productId, qint64 pickupLocationId);
    /// Test access: the field error under `field` ("name", "street", "postcode", "city",
    /// "country", "customer", "phone"), or the sheet's general error ("").
    QString errorText(const QString &field) const;

signals:
    void orderPlaced(const QString &orderNumber);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showKind();
    void refreshOptions();
    void clearErrors();
    void showError(const QString &code, const QString &message);
    void confirm();

    Services::OrderService &m_orders;
    qint64 m_productId = 0;
    Core::DeliveryKind m_kind = Core::DeliveryKind::Home;
    QString m_productName;

    QLabel *m_product;
    QPushButton *m_homeButton;
    QPushButton *m_pickupButton;
    QWidget *m_homePart;
    QWidget *m_pickupPart;
    QLabel *m_optionsCaption;
    QButtonGroup *m_optionGroup;
    QList<QRadioButton *> m_optionButtons; // in Core::defaultDeliveryOptions order (Home)
    QStringList m_optionCodes;
    QLabel *m_storesCaption;
    QButtonGroup *m_storeGroup;
    QList<QRadioButton *> m_storeButtons;
    QStringList m_storeCodes;
    QGridLayout *m_customerGrid;
    QMap<QString, QLabel *> m_captions;
    QMap<QString, QLineEdit *> m_fields;
    QMap<QString, QLabel *> m_errors;
    QPushButton *m_countryNl;
    QPushButton *m_countryBe;
    QLabel *m_error;
    QPushButton *m_cancel;
    QPushButton *m_confirm;
};

} // namespace Toonbank::Ui
