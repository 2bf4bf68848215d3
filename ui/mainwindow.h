#pragma once

#include "app/core/result.h"
#include "app/core/sale.h"

#include <QWidget>

#include <functional>

class QStackedWidget;

namespace Toonbank::Services {
class CustomerService;
class ManagerService;
class OrderService;
class OverrideService;
class PaymentService;
class PickupService;
class ReservationService;
class ProductService;
class ReturnService;
class SaleService;
class Session;
class ShiftService;
class SyncStatus;
struct CompletedReturn;
struct CompletedSale;
} // namespace Toonbank::Services

namespace Toonbank::Ui {

class CashMoveSheet;
class ConfirmSheet;
class ChoiceSheet;
class CouponSheet;
class CustomerFormSheet;
class CustomerScreen;
class DiscountSheet;
class EmailReceiptSheet;
class GiftCardSheet;
class Language;
class OrderSheet;
class OverrideSheet;
class LoginScreen;
class ManagerScreen;
class ParkedScreen;
class PickupScreen;
class ReserveSheet;
class PayScreen;
class ProductScreen;
class ReceiptScreen;
class ReturnScreen;
class ScanInterceptor;
class SellScreen;
class ShiftScreen;
class SyncScreen;
class TopBar;
class TrainingSheet;

/// The one window: the top bar and a stack of full-screen pages (no small dialogs).
class MainWindow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    /// Sends a completed sale's receipt to an e-mail address (the receipt mail service).
    using ReceiptMailer
        = std::function<Core::Status(const Services::CompletedSale &, const QString &address)>;

    MainWindow(Services::Session &session, Services::SaleService &sale,
        Services::PaymentService &payments, Services::CustomerService &customers,
        Services::OverrideService &overrides, Services::ProductService &products,
        Services::SyncStatus &syncStatus, Language &language, ScanInterceptor &scanner,
        QWidget *parent = nullptr);

    /// Wires the receipt screen's E-mail button; without a mailer it stays disabled.
    void setReceiptMailer(ReceiptMailer mailer);
    /// Wires returns (the Return screen, the menu's "Returns", a receipt or web-order QR
    /// scanned on the sell screen). Without it returns are not offered.
    void setReturnService(Services::ReturnService &returns);
    /// Sends a return's receipt to an e-mail address; without it E-mail stays disabled there.
    using ReturnMailer
        = std::function<Core::Status(const Services::CompletedReturn &, const QString &address)>;
    void setReturnReceiptMailer(ReturnMailer mailer);
    /// Wires shifts (the Shift screen, the menu's "Shift", the sell screen's refusal when no
    /// shift is open). Without it shifts are not offered.
    void setShiftService(Services::ShiftService &shifts);
    /// Wires the manager's day (the Manager screen, the menu's "Manager's day" for supervisors
    /// and managers).
    void setManagerService(Services::ManagerService &manager);
    /// Wires the endless aisle (issue 11): the order sheet, opened by the product screen's
    /// orderRequested(productId, pickupLocationId) (0 = home delivery) or openOrder().
    void setOrderService(Services::OrderService &orders);
    /// nullptr until setOrderService().
    OrderSheet *orderSheet() const { return m_orderSheet; }

    /// Wires click-and-collect (issue 11): the Pickup screen (the menu's "Pickup") and the
    /// product screen's "Reserve" through the reserve sheet. Without it neither is offered.
    void setPickupService(
        Services::PickupService &pickups, Services::ReservationService &reservations);

public slots:
    /// Opens the order sheet for a product: home delivery (`pickupLocationId` 0) or pickup in
    /// that store. Nothing without setOrderService().
    void openOrder(qint64 productId, qint64 pickupLocationId);

public:
    LoginScreen *loginScreen() const { return m_login; }
    SellScreen *sellScreen() const { return m_sell; }
    PayScreen *payScreen() const { return m_pay; }
    ReceiptScreen *receiptScreen() const { return m_receipt; }
    ProductScreen *productScreen() const { return m_product; }
    ParkedScreen *parkedScreen() const { return m_parked; }
    SyncScreen *syncScreen() const { return m_syncScreen; }
    CustomerScreen *customerScreen() const { return m_customerScreen; }
    /// nullptr until setReturnService().
    ReturnScreen *returnScreen() const { return m_return; }
    /// nullptr until setShiftService() / setManagerService().
    ShiftScreen *shiftScreen() const { return m_shiftScreen; }
    ManagerScreen *managerScreen() const { return m_managerScreen; }
    CashMoveSheet *cashMoveSheet() const { return m_cashSheet; }
    TrainingSheet *trainingSheet() const { return m_trainingSheet; }
    TopBar *topBar() const { return m_topBar; }
    /// nullptr until setPickupService().
    PickupScreen *pickupScreen() const { return m_pickupScreen; }
    ReserveSheet *reserveSheet() const { return m_reserveSheet; }
    ChoiceSheet *choiceSheet() const { return m_choiceSheet; }
    DiscountSheet *discountSheet() const { return m_discountSheet; }
    OverrideSheet *overrideSheet() const { return m_overrideSheet; }
    CouponSheet *couponSheet() const { return m_couponSheet; }
    GiftCardSheet *giftCardSheet() const { return m_giftCardSheet; }
    ConfirmSheet *confirmSheet() const { return m_confirmSheet; }
    EmailReceiptSheet *emailReceiptSheet() const { return m_emailSheet; }
    CustomerFormSheet *customerForm() const { return m_customerForm; }
    QWidget *currentScreen() const;

private:
    void showScreen(QWidget *screen);
    void onScan(const QString &code);
    void openDiscount(const QString &lineId);
    void applyDiscount(const QString &lineId, int mode, qint64 value, const QString &reason);
    void openCustomer(const QString &cardNumber);
    void openEmailReceipt(const Services::CompletedSale &sale);
    void openReturn(const QString &code);
    void openShift();
    void startPayment();
    void openReturnEmail(const Services::CompletedReturn &ret);
    /// The address of a customer who agreed to be e-mailed; empty otherwise.
    QString emailAddressOf(const std::optional<Core::SaleCustomer> &customer) const;
    bool sheetOpen() const;

    Services::Session &m_session;
    Services::SaleService &m_sale;
    Services::PaymentService &m_payments;
    Services::CustomerService &m_customers;
    Services::SyncStatus &m_syncStatus;
    ReceiptMailer m_mailer;
    ReturnMailer m_returnMailer;
    TopBar *m_topBar;
    QStackedWidget *m_stack;
    LoginScreen *m_login;
    SellScreen *m_sell;
    PayScreen *m_pay;
    ReceiptScreen *m_receipt;
    ProductScreen *m_product;
    ParkedScreen *m_parked;
    SyncScreen *m_syncScreen;
    CustomerFormSheet *m_customerForm;
    CustomerScreen *m_customerScreen;
    DiscountSheet *m_discountSheet;
    OverrideSheet *m_overrideSheet;
    CouponSheet *m_couponSheet;
    GiftCardSheet *m_giftCardSheet;
    ConfirmSheet *m_confirmSheet;
    EmailReceiptSheet *m_emailSheet;
    ChoiceSheet *m_choiceSheet;
    TrainingSheet *m_trainingSheet;
    Services::ShiftService *m_shifts = nullptr;
    ShiftScreen *m_shiftScreen = nullptr;
    CashMoveSheet *m_cashSheet = nullptr;
    ManagerScreen *m_managerScreen = nullptr;
    Services::ReturnService *m_returns = nullptr;
    ReturnScreen *m_return = nullptr;
    PickupScreen *m_pickupScreen = nullptr;
    ReserveSheet *m_reserveSheet = nullptr;
    OrderSheet *m_orderSheet = nullptr;
    bool m_receiptWaiting = false; // a recovered sale's receipt, shown after the login
};

} // namespace Toonbank::Ui
