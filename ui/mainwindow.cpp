#include "mainwindow.h"

#include "cashmovesheet.h"
#include "choicesheet.h"
#include "confirmsheet.h"
#include "couponsheet.h"
#include "customerformsheet.h"
#include "customerscreen.h"
#include "discountsheet.h"
#include "emailreceiptsheet.h"
#include "giftcardsheet.h"
#include "language.h"
#include "loginscreen.h"
#include "managerscreen.h"
#include "ordersheet.h"
#include "overridesheet.h"
#include "parkedscreen.h"
#include "payscreen.h"
#include "pickupscreen.h"
#include "productscreen.h"
#include "receiptscreen.h"
#include "reservesheet.h"
#include "returnscreen.h"
#include "scaninterceptor.h"
#include "sellscreen.h"
#include "shiftscreen.h"
#include "syncscreen.h"
#include "topbar.h"
#include "trainingsheet.h"

#include "app/services/customerservice.h"
#include "app/services/overrideservice.h"
#include "app/services/paymentservice.h"
#include "app/services/returnservice.h"
#include "app/services/saleservice.h"
#include "app/services/session.h"
#include "app/services/shiftservice.h"
#include "app/services/syncstatus.h"
#include "app/store/returnsledger.h"

#include <QStackedWidget>
#include <QVBoxLayout>

namespace Toonbank::Ui {

MainWindow::MainWindow(Services::Session &session, Services::SaleService &sale,
    Services::PaymentService &payments, Services::CustomerService &customers,
    Services::OverrideService &overrides, Services::ProductService &products,
    Services::SyncStatus &syncStatus, Language &language, ScanInterceptor &scanner, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_sale(sale)
    , m_payments(payments)
    , m_customers(customers)
    , m_syncStatus(syncStatus)
    , m_topBar(new TopBar(session, sale, syncStatus, this))
    , m_stack(new QStackedWidget(this))
    , m_login(new LoginScreen(session, sale, syncStatus, language, m_stack))
    , m_sell(new SellScreen(sale, &scanner, m_stack))
    , m_pay(new PayScreen(payments, sale, m_stack))
    , m_receipt(new ReceiptScreen(sale, m_stack))
    , m_product(new ProductScreen(products, sale, customers, m_stack))
    , m_parked(new ParkedScreen(sale, m_stack))
    , m_syncScreen(new SyncScreen(syncStatus, m_stack))
    , m_customerForm(new CustomerFormSheet(customers, this))
    , m_customerScreen(new CustomerScreen(customers, sale, *m_customerForm, m_stack))
    , m_discountSheet(new DiscountSheet(this))
    , m_overrideSheet(new OverrideSheet(overrides, this))
    , m_couponSheet(new CouponSheet(sale, this))
    , m_giftCardSheet(new GiftCardSheet(payments, this))
    , m_confirmSheet(new ConfirmSheet(this))
    , m_emailSheet(new EmailReceiptSheet(this))
    , m_choiceSheet(new ChoiceSheet(this))
    , m_trainingSheet(new TrainingSheet(session, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    for (QWidget *screen : { static_cast<QWidget *>(m_login), static_cast<QWidget *>(m_sell),
             static_cast<QWidget *>(m_pay), static_cast<QWidget *>(m_receipt),
             static_cast<QWidget *>(m_product), static_cast<QWidget *>(m_parked),
             static_cast<QWidget *>(m_syncScreen), static_cast<QWidget *>(m_customerScreen) }) {
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

    connect(&session, &Services::Session::loggedIn, this, [this, &payments] {
        // A payment left open (the tablet restarted in the middle of it) comes back first.
        // A sale the recovery finished while nobody was logged in is shown first, so staff see
        // it was paid and never charge it again.
        if (payments.isOpen()) {
            m_pay->start();
            showScreen(m_pay);
        } else if (m_receiptWaiting) {
            m_receiptWaiting = false;
            showScreen(m_receipt);
        } else {
            showScreen(m_sell);
        }
    });
    connect(&session, &Services::Session::loggedOut, this, [this](bool idleLock) {
        m_login->reset(idleLock);
        showScreen(m_login);
    });
    connect(&scanner, &ScanInterceptor::scanned, this, &MainWindow::onScan);
    connect(&scanner, &ScanInterceptor::userActivity, &session, &Services::Session::noteActivity);
    connect(&sale, &Services::SaleService::saleCompleted, m_topBar, &TopBar::refresh);

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
    connect(m_sell, &SellScreen::payRequested, this, &MainWindow::startPayment);
    connect(m_sell, &SellScreen::productRequested, this, [this](qint64 productId) {
        m_product->showProduct(productId);
        showScreen(m_product);
    });
    connect(m_pay, &PayScreen::cancelled, this, [this] { showScreen(m_sell); });
    connect(m_pay, &PayScreen::completed, this, [this](const Services::CompletedSale &sale) {
        m_receipt->showSale(sale);
        // A sale finished by the recovery at start-up waits for the login.
        if (m_session.isLoggedIn())
            showScreen(m_receipt);
        else
            m_receiptWaiting = true;
    });
    connect(m_receipt, &ReceiptScreen::newSaleRequested, this, [this] { showScreen(m_sell); });
    connect(m_receipt, &ReceiptScreen::emailRequested, this, &MainWindow::openEmailReceipt);
    connect(m_receipt, &ReceiptScreen::returnEmailRequested, this, &MainWindow::openReturnEmail);
    connect(m_emailSheet, &EmailReceiptSheet::sent, m_receipt, &ReceiptScreen::noteEmailed);

    // Paying: the gift card sheet and the confirmation before settled parts are given back.
    connect(m_pay, &PayScreen::giftCardRequested, m_giftCardSheet, &GiftCardSheet::startPay);
    connect(m_pay, &PayScreen::cancelConfirmationRequested, this, [this](const QString &givenBack) {
        m_confirmSheet->start(tr("Cancel the payment?"),
            tr("What was paid is given back to the customer:\n%1\n\nThe basket stays, so "
               "the sale can be paid again.")
                .arg(givenBack),
            tr("Give back and cancel"), [this] { m_pay->cancelPayment(); });
    });
    connect(m_sell, &SellScreen::giftCardRequested, m_giftCardSheet, &GiftCardSheet::startSell);
    m_giftCardSheet->setSellAction([this](const QString &number, Core::Money amount) {
        const Core::Result<QString> added = m_sale.addGiftCard(number, amount);
        return added ? Core::success() : Core::Status(added.error());
    });
    connect(m_giftCardSheet, &GiftCardSheet::accepted, this,
        [this](const QString &number, Core::Money amount) {
            if (m_giftCardSheet->mode() == GiftCardSheet::Mode::Sell)
                m_sell->showInfo(tr("Gift card …%1 with %2 added to the sale.")
                                     .arg(number.right(4), amount.toDisplayString()));
        });
    connect(m_product, &ProductScreen::closed, this, [this] { showScreen(m_sell); });
    connect(m_product, &ProductScreen::added, this, [this] { showScreen(m_sell); });
    connect(m_parked, &ParkedScreen::closed, this, [this] { showScreen(m_sell); });
    connect(m_parked, &ParkedScreen::resumed, this, [this] { showScreen(m_sell); });

    // Customer: from the sell screen's button and the top bar's chip.
    connect(m_sell, &SellScreen::customerRequested, this, [this] {
        const auto &customer = m_sale.view().customer;
        openCustomer(customer ? customer->cardNumber : QString());
    });
    connect(m_topBar, &TopBar::customerRequested, this, &MainWindow::openCustomer);
    connect(m_customerScreen, &CustomerScreen::closed, this, [this] { showScreen(m_sell); });
    connect(m_customerScreen, &CustomerScreen::attached, this, [this] {
        showScreen(m_sell);
        if (const auto &customer = m_sale.view().customer)
            m_sell->showInfo(tr("Customer attached: %1.").arg(customer->name));
    });

    // Discount, price change and the manager override: side sheets over the sell screen.
    connect(m_sell, &SellScreen::discountRequested, this, &MainWindow::openDiscount);
    connect(m_discountSheet, &DiscountSheet::submitted, this,
        [this](const QString &lineId, DiscountSheet::Mode mode, qint64 value,
            const QString &reason) { applyDiscount(lineId, int(mode), value, reason); });
    connect(m_sell, &SellScreen::couponRequested, m_couponSheet, &CouponSheet::start);
    connect(m_couponSheet, &CouponSheet::accepted, this,
        [this](const QString &code) { m_sell->showInfo(tr("Coupon %1 added.").arg(code)); });
    connect(m_overrideSheet, &OverrideSheet::approved, this, [this] {
        if (m_stack->currentWidget() == m_sell)
            m_sell->showInfo(tr("Approved. The change is on the sale."));
    });
    // Training mode: supervisors and managers switch it per staff member (the session checks).
    m_topBar->setTrainingAvailable(true);
    connect(m_topBar, &TopBar::trainingRequested, m_trainingSheet, &TrainingSheet::start);
    // A new login or the idle lock closes whatever sheet was open.
    connect(&session, &Services::Session::loggedOut, this, [this] {
        m_discountSheet->close();
        m_overrideSheet->close();
        m_couponSheet->close();
        m_customerForm->close();
        m_giftCardSheet->close();
        m_confirmSheet->close();
        m_emailSheet->close();
        m_choiceSheet->close();
        m_trainingSheet->close();
        if (m_cashSheet)
            m_cashSheet->close();
        if (m_reserveSheet)
            m_reserveSheet->close();
        if (m_orderSheet)
            m_orderSheet->close();
    });

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

void MainWindow::setReceiptMailer(ReceiptMailer mailer)
{
    m_mailer = std::move(mailer);
    m_receipt->setEmailAvailable(bool(m_mailer));
}

void MainWindow::openEmailReceipt(const Services::CompletedSale &sale)
{
    if (!m_mailer)
        return;
    const QString address = emailAddressOf(sale.sale.customer);
    const ReceiptMailer mailer = m_mailer;
    m_emailSheet->start(sale.receiptNumber, address,
        [mailer, sale](const QString &to) { return mailer(sale, to); });
}

QString MainWindow::emailAddressOf(const std::optional<Core::SaleCustomer> &customer) const
{
    // The customer's address, when they agreed to be e-mailed.
    if (customer && !customer->code.isEmpty()) {
        if (auto profile = m_customers.profile(customer->code);
            profile && profile.value().consent.email)
            return profile.value().customer.email;
    }
    return QString();
}

void MainWindow::setReturnReceiptMailer(ReturnMailer mailer)
{
    m_returnMailer = std::move(mailer);
    m_receipt->setReturnEmailAvailable(bool(m_returnMailer));
}

void MainWindow::openReturnEmail(const Services::CompletedReturn &ret)
{
    if (!m_returnMailer)
        return;
    const ReturnMailer mailer = m_returnMailer;
    m_emailSheet->start(ret.receiptNumber, emailAddressOf(ret.ret.customer),
        [mailer, ret](const QString &to) { return mailer(ret, to); });
}

void MainWindow::openCustomer(const QString &cardNumber)
{
    m_customerScreen->start(cardNumber);
    showScreen(m_customerScreen);
}

void MainWindow::openDiscount(const QString &lineId)
{
    for (const Services::BasketLineView &line : m_sale.view().lines) {
        if (line.lineId == lineId) {
            m_discountSheet->start(lineId, line.name, line.lineTotal);
            return;
        }
    }
}

void MainWindow::applyDiscount(const QString &lineId, int mode, qint64 value, const QString &reason)
{
    // The same call twice: without approval first; above the limit the manager's approval
    // comes from the override sheet and the call is made again with it.
    auto attempt = [this, lineId, mode, value, reason](
                       const std::optional<Core::Authorisation> &approval) {
        if (DiscountSheet::Mode(mode) == DiscountSheet::Mode::Price)
            return m_sale.changePrice(lineId, Core::Money::fromCents(value), reason, approval);
        const bool percent = DiscountSheet::Mode(mode) == DiscountSheet::Mode::Percent;
        return m_sale.setManualDiscount(lineId,
            percent ? Core::Money() : Core::Money::fromCents(value), percent ? int(value) : 0,
            reason, approval);
    };
    Core::Result<Services::ChangeOutcome> outcome = attempt(std::nullopt);
    if (!outcome) {
        m_discountSheet->showError(outcome.error().message);
        return;
    }
    m_discountSheet->close();
    if (outcome.value().applied()) {
        m_sell->showInfo(tr("Discount applied."));
        return;
    }
    QString requester;
    if (const auto &staff = m_session.staff())
        requester = QStringLiteral("%1, %2").arg(
            staff->displayName, Services::Session::roleDisplayName(staff->role));
    m_overrideSheet->start(outcome.value().approval, reason, requester,
        [attempt](const Core::Authorisation &approval) {
            Core::Result<Services::ChangeOutcome> retried = attempt(approval);
            if (!retried)
                return Core::Status(retried.error());
            if (!retried.value().applied())
                return Core::Status(Core::Error::make(QStringLiteral("approval.mismatch"),
                    tr("This approval does not cover the change. Ask again.")));
            return Core::success();
        });
}

bool MainWindow::sheetOpen() const
{
    return m_discountSheet->isOpen() || m_overrideSheet->isOpen() || m_couponSheet->isOpen()
        || m_customerForm->isOpen() || m_giftCardSheet->isOpen() || m_confirmSheet->isOpen()
        || m_emailSheet->isOpen() || m_choiceSheet->isOpen() || m_trainingSheet->isOpen()
        || (m_cashSheet && m_cashSheet->isOpen()) || (m_orderSheet && m_orderSheet->isOpen());
}

void MainWindow::setOrderService(Services::OrderService &orders)
{
    if (m_orderSheet)
        return;
    m_orderSheet = new OrderSheet(orders, this);
    connect(m_orderSheet, &OrderSheet::orderPlaced, this, [this] { showScreen(m_sell); });
    // The product screen's "Order for home" / "Pick up in store X".
    connect(m_product, &ProductScreen::orderRequested, this, &MainWindow::openOrder);
}

void MainWindow::openOrder(qint64 productId, qint64 pickupLocationId)
{
    if (m_orderSheet)
        m_orderSheet->start(productId, pickupLocationId);
}

void MainWindow::onScan(const QString &code)
{
    if (!m_session.isLoggedIn())
        return;
    // A coupon's barcode goes to the coupon sheet, a new loyalty card to the enrolment form;
    // under any other sheet a scan must not change the basket being discounted or approved.
    if (m_couponSheet->isOpen()) {
        m_couponSheet->takeScannedCode(code);
        return;
    }
    if (m_customerForm->isOpen()) {
        m_customerForm->takeScannedCard(code);
        return;
    }
    if (m_giftCardSheet->isOpen()) {
        m_giftCardSheet->takeScannedCode(code);
        return;
    }
    if (sheetOpen())
        return;
    if (m_stack->currentWidget() == m_customerScreen) {
        m_customerScreen->handleScan(code);
        return;
    }
    if (m_return && m_stack->currentWidget() == m_return) {
        m_return->handleScan(code);
        return;
    }
    // A count in progress is never left for a scan.
    if (m_shiftScreen && m_stack->currentWidget() == m_shiftScreen)
        return;
    // A scan anywhere in a sale brings the sell screen forward; on the pay and receipt
    // screens it would change a basket being paid, so it starts only from the others.
    if (m_stack->currentWidget() == m_pay)
        return;
    if (m_stack->currentWidget() == m_receipt || m_stack->currentWidget() == m_product
        || m_stack->currentWidget() == m_parked || m_stack->currentWidget() == m_syncScreen
        || (m_managerScreen && m_stack->currentWidget() == m_managerScreen)
        || (m_pickupScreen && m_stack->currentWidget() == m_pickupScreen))
        showScreen(m_sell);
    m_sell->handleScan(code);
}

void MainWindow::setReturnService(Services::ReturnService &returns)
{
    if (m_return)
        return;
    m_returns = &returns;
    m_return
        = new ReturnScreen(returns, m_sale, m_session, *m_overrideSheet, *m_choiceSheet, m_stack);
    m_return->setMinimumSize(480, 480);
    m_stack->addWidget(m_return);
    m_topBar->setReturnsAvailable(true);
    m_sell->setReturnsAvailable(true);
    connect(m_topBar, &TopBar::returnsRequested, this, [this] { openReturn(QString()); });
    connect(m_sell, &SellScreen::returnCodeScanned, this, &MainWindow::openReturn);
    connect(m_return, &ReturnScreen::closed, this, [this] { showScreen(m_sell); });
    // Offline only this tablet's own sales can come back: the empty screen says so.
    connect(&m_syncStatus, &Services::SyncStatus::changed, m_return,
        [this](const Services::SyncOverview &overview) {
            m_return->setOffline(overview.enrolled && !overview.online);
        });
    m_return->setOffline(m_syncStatus.overview().enrolled && !m_syncStatus.overview().online);
    // A purchase on the customer's profile (store or web) goes back from there too.
    m_customerScreen->setOwnSaleCheck([&returns](const QString &number) {
        Core::Result<std::optional<Core::ReturnableOrder>> own = returns.ledger().ownSale(number);
        return own && own->has_value();
    });
    m_customerScreen->setOffline(
        m_syncStatus.overview().enrolled && !m_syncStatus.overview().online);
    connect(&m_syncStatus, &Services::SyncStatus::changed, m_customerScreen,
        [this](const Services::SyncOverview &overview) {
            m_customerScreen->setOffline(overview.enrolled && !overview.online);
        });
    m_customerScreen->setReturnsAvailable(true);
    connect(m_customerScreen, &CustomerScreen::returnRequested, this, &MainWindow::openReturn);
    connect(m_return, &ReturnScreen::exchangeStarted, this, [this](Core::Money credit) {
        showScreen(m_sell);
        m_sell->showInfo(tr("Exchange: %1 is credited to this sale. Add what the customer "
                            "takes instead, then Pay for the rest.")
                             .arg(credit.toDisplayString()));
    });
    connect(&returns, &Services::ReturnService::completed, this,
        [this](const Services::CompletedReturn &done) {
            // An exchange's return is recorded with its new sale: the sale's receipt shows.
            if (!done.ret.exchangeSaleId.isEmpty())
                return;
            m_receipt->showReturn(done);
            if (m_session.isLoggedIn())
                showScreen(m_receipt);
            else
                m_receiptWaiting = true;
        });
}

void MainWindow::openReturn(const QString &code)
{
    if (!m_return)
        return;
    showScreen(m_return);
    m_return->start(code);
}

} // namespace Toonbank::Ui

namespace Toonbank::Ui {

void MainWindow::startPayment()
{
    // No open shift, no sale (a store that does not count cash passes): said on the sell
    // screen with the way to the Shift screen. PaymentService asks again.
    if (m_shifts) {
        if (const Core::Status open = m_shifts->requireOpenShift(); !open) {
            m_sell->showShiftNeeded([this] {
                const Core::Status now = m_shifts->requireOpenShift();
                return now ? QString() : now.error().message;
            });
            return;
        }
    }
    m_pay->start();
    showScreen(m_pay);
}

void MainWindow::setShiftService(Services::ShiftService &shifts)
{
    if (m_shiftScreen)
        return;
    m_shifts = &shifts;
    m_cashSheet = new CashMoveSheet(this);
    m_shiftScreen = new ShiftScreen(shifts, m_session, *m_cashSheet, *m_overrideSheet, m_stack);
    m_shiftScreen->setMinimumSize(480, 480);
    m_stack->addWidget(m_shiftScreen);
    m_shiftScreen->setSaleInProgress(
        [this] { return !m_sale.view().lines.isEmpty() || m_payments.isOpen(); });
    m_topBar->setShiftAvailable(true);
    connect(m_topBar, &TopBar::shiftRequested, this, &MainWindow::openShift);
    connect(m_sell, &SellScreen::shiftRequested, this, &MainWindow::openShift);
    connect(m_shiftScreen, &ShiftScreen::closed, this, [this] { showScreen(m_sell); });
    // The cash sheet sits over the main window, like every other sheet.
    connect(&m_session, &Services::Session::loggedOut, m_cashSheet, &SideSheet::close);
}

void MainWindow::openShift()
{
    if (!m_shiftScreen)
        return;
    m_shiftScreen->start();
    showScreen(m_shiftScreen);
}

void MainWindow::setManagerService(Services::ManagerService &manager)
{
    if (m_managerScreen)
        return;
    m_managerScreen = new ManagerScreen(manager, m_session, m_stack);
    m_managerScreen->setMinimumSize(480, 480);
    m_stack->addWidget(m_managerScreen);
    m_topBar->setManagerAvailable(true);
    connect(m_topBar, &TopBar::managerRequested, this, [this] {
        m_managerScreen->start();
        showScreen(m_managerScreen);
    });
    connect(m_managerScreen, &ManagerScreen::closed, this, [this] { showScreen(m_sell); });
}

void MainWindow::setPickupService(
    Services::PickupService &pickups, Services::ReservationService &reservations)
{
    if (m_pickupScreen)
        return;
    m_pickupScreen = new PickupScreen(pickups, m_session, m_stack);
    m_pickupScreen->setMinimumSize(480, 480);
    m_stack->addWidget(m_pickupScreen);
    m_reserveSheet = new ReserveSheet(reservations, m_sale, this);
    m_topBar->setPickupAvailable(true);
    connect(m_topBar, &TopBar::pickupRequested, this, [this] {
        m_pickupScreen->refresh();
        showScreen(m_pickupScreen);
    });
    connect(m_pickupScreen, &PickupScreen::closed, this, [this] { showScreen(m_sell); });
    // A reservation handed over is paid now: its products are in the basket.
    connect(m_pickupScreen, &PickupScreen::reservationToPay, this, [this] {
        showScreen(m_sell);
        m_sell->showInfo(tr("The reserved items are in the basket. Take the payment."));
    });
    // The product screen's "Reserve" on a store's stock row.
    connect(m_product, &ProductScreen::reserveRequested, m_reserveSheet, &ReserveSheet::start);
    // New pickups arrive with the sync: the list follows while it shows.
    connect(&m_syncStatus, &Services::SyncStatus::changed, m_pickupScreen, [this] {
        if (m_stack->currentWidget() == m_pickupScreen)
            m_pickupScreen->refresh();
    });
}

} // namespace Toonbank::Ui
