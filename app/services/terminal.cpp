#include "terminal.h"

#include "checkoutservice.h"
#include "customerservice.h"
#include "managerservice.h"
#include "orderservice.h"
#include "overrideservice.h"
#include "paymentservice.h"
#include "pickupservice.h"
#include "productservice.h"
#include "receiptservice.h"
#include "reservationservice.h"
#include "returnservice.h"
#include "serverlookups.h"
#include "session.h"
#include "shiftservice.h"
#include "syncstatus.h"

#include "app/core/tr.h"
#include "app/store/catalog.h"
#include "app/store/localdatabase.h"

namespace Toonbank::Services {

const QString Terminal::locationSettingKey = QStringLiteral("location_id");

Core::Result<std::unique_ptr<Terminal>> Terminal::open(
    const QString &cachePath, bool createIfMissing, const Core::Clock *clock)
{
    auto database = Store::LocalDatabase::open(cachePath,
        createIfMissing ? Store::LocalDatabase::OpenMode::CreateIfMissing
                        : Store::LocalDatabase::OpenMode::ExistingOnly);
    if (!database)
        return database.error();
    std::unique_ptr<Terminal> terminal(new Terminal);
    terminal->m_db = std::move(database.value());

    bool known = false;
    qint64 here = terminal->m_db->setting(locationSettingKey).toLongLong(&known);
    if (!known) {
        // A cache without the setting (a fresh demo): the first store in it is ours.
        Store::Catalog probe(*terminal->m_db, 0);
        Core::Result<QList<Store::Location>> locations = probe.locations();
        if (locations) {
            for (const Store::Location &location : locations.value()) {
                if (location.kind == Store::LocationKind::Store) {
                    here = location.id;
                    known = true;
                    break;
                }
            }
        }
    }
    if (!known)
        return Core::Error::make(QStringLiteral("terminal.no_store"),
            Core::Tr::tr("This cache does not name a store for this device."));

    terminal->m_catalog = std::make_unique<Store::Catalog>(*terminal->m_db, here);
    terminal->m_clock = clock ? clock : &Core::SystemClock::instance();
    const Core::Clock &now = *terminal->m_clock;
    terminal->m_session = std::make_unique<Session>(*terminal->m_db, here);
    terminal->m_session->setClock(now);
    terminal->m_customers = std::make_unique<CustomerService>(
        *terminal->m_db, *terminal->m_catalog, *terminal->m_session, now);
    terminal->m_sale = std::make_unique<SaleService>(
        *terminal->m_db, *terminal->m_catalog, *terminal->m_session, now);
    terminal->m_sale->setCustomerService(terminal->m_customers.get());
    terminal->m_lookups = std::make_unique<ServerLookups>(*terminal->m_db);
    terminal->m_customers->setDirectory(terminal->m_lookups.get());
    terminal->m_sale->setCouponClaimer(terminal->m_lookups.get());
    // Personal data of customers unseen for the store's N days leaves the tablet at start
    // (an indexed delete; nothing is decrypted).
    (void)terminal->m_customers->purgeUnseen();
    terminal->m_overrides
        = std::make_unique<OverrideService>(*terminal->m_db, *terminal->m_session, now);
    terminal->m_checkout = std::make_unique<CheckoutService>(*terminal->m_sale);
    terminal->m_payments
        = std::make_unique<PaymentService>(*terminal->m_sale, *terminal->m_session, now);
    terminal->m_payments->setCustomers(terminal->m_customers.get());
    // Gift cards and store credit online through the same enrolment as the other look-ups.
    terminal->m_payments->setStoredValue(terminal->m_lookups.get());
    terminal->m_products
        = std::make_unique<ProductService>(*terminal->m_catalog, *terminal->m_session);
    terminal->m_syncStatus = std::make_unique<SyncStatus>(*terminal->m_db, *terminal->m_session);
    QObject::connect(terminal->m_checkout.get(), &CheckoutService::saleCompleted,
        terminal->m_syncStatus.get(), &SyncStatus::refresh);
    terminal->m_receipts = std::make_unique<ReceiptService>(
        *terminal->m_db, *terminal->m_sale, *terminal->m_session, now);
    QObject::connect(terminal->m_receipts.get(), &ReceiptService::emailQueued,
        terminal->m_syncStatus.get(),
        [status = terminal->m_syncStatus.get()] { status->refresh(); });
    terminal->m_returns = std::make_unique<ReturnService>(
        *terminal->m_db, *terminal->m_catalog, *terminal->m_session, *terminal->m_sale, now);
    terminal->m_returns->setClient(&terminal->m_lookups->returns());
    terminal->m_returns->setPayments(terminal->m_payments.get());
    QObject::connect(terminal->m_returns.get(), &ReturnService::completed,
        terminal->m_syncStatus.get(),
        [status = terminal->m_syncStatus.get()] { status->refresh(); });
    // The manager's day: the whole store's from the server when online, else this tablet's.
    terminal->m_manager
        = std::make_unique<ManagerService>(*terminal->m_db, *terminal->m_session, now);
    terminal->m_manager->setChainSource(
        [lookups = terminal->m_lookups.get(), session = terminal->m_session.get()](
            const QString &storeCode, const QDate &date) {
            return lookups->dayReport(storeCode, date, session->staff() ? session->staff()->id : 0);
        });
    terminal->m_shifts = std::make_unique<ShiftService>(*terminal->m_db, *terminal->m_session, now);
    terminal->m_pickups = std::make_unique<PickupService>(
        *terminal->m_db, *terminal->m_session, *terminal->m_sale, now);
    QObject::connect(terminal->m_pickups.get(), &PickupService::changed,
        terminal->m_syncStatus.get(),
        [status = terminal->m_syncStatus.get()] { status->refresh(); });
    terminal->m_reservations = std::make_unique<ReservationService>(
        *terminal->m_catalog, *terminal->m_session, terminal->m_lookups.get());
    terminal->m_serverOrders = std::make_unique<ServerOrders>(*terminal->m_lookups);
    terminal->m_orders = std::make_unique<OrderService>(
        *terminal->m_sale, *terminal->m_catalog, *terminal->m_session, *terminal->m_serverOrders);
    return terminal;
}

Terminal::~Terminal() = default;

void Terminal::requireShifts()
{
    m_sale->setShiftService(m_shifts.get());
    m_returns->setShiftService(m_shifts.get());
}

void Terminal::setPaymentTerminal(Devices::PaymentTerminal *terminal)
{
    m_payments->setTerminal(terminal);
    m_returns->setTerminal(terminal);
}

} // namespace Toonbank::Services
