#pragma once

#include <QWidget>

class QStackedWidget;

namespace Toonbank::Services {
class CustomerService;
class OverrideService;
class ProductService;
class SaleService;
class Session;
class SyncStatus;
} // namespace Toonbank::Services

namespace Toonbank::Ui {

class CouponSheet;
class CustomerFormSheet;
class CustomerScreen;
class DiscountSheet;
class Language;
class OverrideSheet;
class LoginScreen;
class ParkedScreen;
class PayScreen;
class ProductScreen;
class ReceiptScreen;
class ScanInterceptor;
class SellScreen;
class SyncScreen;
class TopBar;

/// The one window: the top bar and a stack of full-screen pages (no small dialogs).
class MainWindow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    MainWindow(Services::Session &session, Services::SaleService &sale,
        Services::CustomerService &customers, Services::OverrideService &overrides,
        Services::ProductService &products, Services::SyncStatus &syncStatus, Language &language,
        ScanInterceptor &scanner, QWidget *parent = nullptr);

    LoginScreen *loginScreen() const { return m_login; }
    SellScreen *sellScreen() const { return m_sell; }
    PayScreen *payScreen() const { return m_pay; }
    ReceiptScreen *receiptScreen() const { return m_receipt; }
    ProductScreen *productScreen() const { return m_product; }
    ParkedScreen *parkedScreen() const { return m_parked; }
    SyncScreen *syncScreen() const { return m_syncScreen; }
    CustomerScreen *customerScreen() const { return m_customerScreen; }
    DiscountSheet *discountSheet() const { return m_discountSheet; }
    OverrideSheet *overrideSheet() const { return m_overrideSheet; }
    CouponSheet *couponSheet() const { return m_couponSheet; }
    CustomerFormSheet *customerForm() const { return m_customerForm; }
    QWidget *currentScreen() const;

private:
    void showScreen(QWidget *screen);
    void onScan(const QString &code);
    void openDiscount(const QString &lineId);
    void applyDiscount(const QString &lineId, int mode, qint64 value, const QString &reason);
    void openCustomer(const QString &cardNumber);
    bool sheetOpen() const;

    Services::Session &m_session;
    Services::SaleService &m_sale;
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
};

} // namespace Toonbank::Ui
