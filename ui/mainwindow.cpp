#include "mainwindow.h"

#include "language.h"
#include "loginscreen.h"
#include "parkedscreen.h"
#include "payscreen.h"
#include "productscreen.h"
#include "receiptscreen.h"
#include "scaninterceptor.h"
#include "sellscreen.h"
#include "syncscreen.h"
#include "topbar.h"

#include "app/services/checkoutservice.h"
#include "app/services/session.h"

#include <QStackedWidget>
#include <QVBoxLayout>

namespace Toonbank::Ui {

MainWindow::MainWindow(Services::Session &session, Services::CheckoutService &checkout,
    Services::ProductService &products, Services::SyncStatus &syncStatus, Language &language,
    ScanInterceptor &scanner, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_checkout(checkout)
    , m_topBar(new TopBar(session, checkout, syncStatus, this))
    , m_stack(new QStackedWidget(this))
    , m_login(new LoginScreen(session, checkout, syncStatus, language, m_stack))
    , m_sell(new SellScreen(checkout, &scanner, m_stack))
    , m_pay(new PayScreen(checkout, m_stack))
    , m_receipt(new ReceiptScreen(checkout, m_stack))
    , m_product(new ProductScreen(products, checkout, m_stack))
    , m_parked(new ParkedScreen(checkout, m_stack))
    , m_syncScreen(new SyncScreen(syncStatus, m_stack))
{
    setObjectName(QStringLiteral("mainWindow"));
    for (QWidget *screen : { static_cast<QWidget *>(m_login), static_cast<QWidget *>(m_sell),
             static_cast<QWidget *>(m_pay), static_cast<QWidget *>(m_receipt),
             static_cast<QWidget *>(m_product), static_cast<QWidget *>(m_parked),
             static_cast<QWidget *>(m_syncScreen) }) {
        // An explicit minimum: the landscape layout's wide minimum must not stop the window
        // from turning portrait, where each screen stacks its columns.
        screen->setMinimumSize(480, 480);
        m_stack->addWidget(screen);
    }

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_topBar);
    layout->addWidget(m_stack, 1);

    connect(&session, &Services::Session::loggedIn, this, [this] { showScreen(m_sell); });
    connect(&session, &Services::Session::loggedOut, this, [this](bool idleLock) {
        m_login->reset(idleLock);
        showScreen(m_login);
    });
    connect(&scanner, &ScanInterceptor::scanned, this, &MainWindow::onScan);
    connect(&scanner, &ScanInterceptor::userActivity, &session, &Services::Session::noteActivity);
    connect(&checkout, &Services::CheckoutService::saleCompleted, m_topBar, &TopBar::refresh);

    connect(m_topBar, &TopBar::switchUserRequested, &session, &Services::Session::logOut);
    connect(m_topBar, &TopBar::parkedSalesRequested, this, [this] {
        m_parked->reload();
        showScreen(m_parked);
    });
    connect(m_topBar, &TopBar::syncRequested, this, [this] {
        showScreen(m_syncScreen);
        m_syncScreen->reload();
    });
    connect(m_syncScreen, &SyncScreen::closed, this, [this] { showScreen(m_sell); });
    connect(m_sell, &SellScreen::payRequested, this, [this] {
        m_pay->start();
        showScreen(m_pay);
    });
    connect(m_sell, &SellScreen::productRequested, this, [this](qint64 productId) {
        m_product->showProduct(productId);
        showScreen(m_product);
    });
    connect(m_pay, &PayScreen::cancelled, this, [this] { showScreen(m_sell); });
    connect(m_pay, &PayScreen::completed, this, [this](const Services::CompletedSale &sale) {
        m_receipt->showSale(sale);
        showScreen(m_receipt);
    });
    connect(m_receipt, &ReceiptScreen::newSaleRequested, this, [this] { showScreen(m_sell); });
    connect(m_product, &ProductScreen::closed, this, [this] { showScreen(m_sell); });
    connect(m_product, &ProductScreen::added, this, [this] { showScreen(m_sell); });
    connect(m_parked, &ParkedScreen::closed, this, [this] { showScreen(m_sell); });
    connect(m_parked, &ParkedScreen::resumed, this, [this] { showScreen(m_sell); });

    // Comes back in the language last chosen on this device, unless one was asked for
    // explicitly (--lang) for this run.
    if (const QString saved = session.preferredLanguage();
        !language.isExplicit() && !saved.isEmpty() && saved != language.current())
        language.setLanguage(saved);
    m_login->reset();
    showScreen(m_login);
}

QWidget *MainWindow::currentScreen() const
{
    return m_stack->currentWidget();
}

void MainWindow::showScreen(QWidget *screen)
{
    m_topBar->setVisible(screen != m_login);
    m_topBar->refresh();
    m_stack->setCurrentWidget(screen);
    if (screen == m_sell)
        m_sell->focusSearch();
    else
        screen->setFocus();
}

void MainWindow::onScan(const QString &code)
{
    if (!m_session.isLoggedIn())
        return;
    // A scan anywhere in a sale brings the sell screen forward; on the pay and receipt
    // screens it would change a basket being paid, so it starts only from the others.
    if (m_stack->currentWidget() == m_pay)
        return;
    if (m_stack->currentWidget() == m_receipt || m_stack->currentWidget() == m_product
        || m_stack->currentWidget() == m_parked || m_stack->currentWidget() == m_syncScreen)
        showScreen(m_sell);
    m_sell->handleScan(code);
}

} // namespace Toonbank::Ui
