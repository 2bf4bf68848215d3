#pragma once

#include <QWidget>

class QStackedWidget;

namespace Toonbank::Services {
class CheckoutService;
class ProductService;
class Session;
class SyncStatus;
} // namespace Toonbank::Services

namespace Toonbank::Ui {

class Language;
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
    MainWindow(Services::Session &session, Services::CheckoutService &checkout,
        Services::ProductService &products, Services::SyncStatus &syncStatus, Language &language,
        ScanInterceptor &scanner, QWidget *parent = nullptr);

    LoginScreen *loginScreen() const { return m_login; }
    SellScreen *sellScreen() const { return m_sell; }
    PayScreen *payScreen() const { return m_pay; }
    ReceiptScreen *receiptScreen() const { return m_receipt; }
    ProductScreen *productScreen() const { return m_product; }
    ParkedScreen *parkedScreen() const { return m_parked; }
    SyncScreen *syncScreen() const { return m_syncScreen; }
    QWidget *currentScreen() const;

private:
    void showScreen(QWidget *screen);
    void onScan(const QString &code);

    Services::Session &m_session;
    Services::CheckoutService &m_checkout;
    TopBar *m_topBar;
    QStackedWidget *m_stack;
    LoginScreen *m_login;
    SellScreen *m_sell;
    PayScreen *m_pay;
    ReceiptScreen *m_receipt;
    ProductScreen *m_product;
    ParkedScreen *m_parked;
    SyncScreen *m_syncScreen;
};

} // namespace Toonbank::Ui
