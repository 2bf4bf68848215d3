#pragma once

#include "app/core/clock.h"
#include "app/core/result.h"

#include <QString>

#include <memory>

namespace Toonbank::Store {
class Catalog;
class LocalDatabase;
} // namespace Toonbank::Store

namespace Toonbank::Devices {
class PaymentTerminal;
} // namespace Toonbank::Devices

namespace Toonbank::Services {

class CheckoutService;
class PaymentService;
class PickupService;
class ReservationService;
class CustomerService;
class ManagerService;
class OrderService;
class OverrideService;
class ServerOrders;
class ProductService;
class ReceiptService;
class ReturnService;
class SaleService;
class ServerLookups;
class Session;
class ShiftService;
class SyncStatus;

/// This tablet's services over one opened cache, wired once for main(), the tests and the
/// benchmark. Opening reads settings only: the catalog is never scanned at start.
class Terminal final
{
    Q_DISABLE_COPY_MOVE(Terminal)
public:
    /// The settings key naming this device's store (locations.id).
    static const QString locationSettingKey;

    /// Errors: those of LocalDatabase::open, "terminal.no_store".
    /// `clock`: where every service gets "now" from (tests pass a Core::FixedClock; it must
    /// outlive the terminal). Default: the wall clock.
    static Core::Result<std::unique_ptr<Terminal>> open(
        const QString &cachePath, bool createIfMissing = false, const Core::Clock *clock = nullptr);
    ~Terminal();

    Store::LocalDatabase &database() { return *m_db; }
    Store::Catalog &catalog() { return *m_catalog; }
    Session &session() { return *m_session; }
    /// The v1 facade over sale(), kept for the existing screens.
    CheckoutService &checkout() { return *m_checkout; }
    SaleService &sale() { return *m_sale; }
    /// The receipt as a PDF and by e-mail (queued in the outbox for the server's mailer).
    ReceiptService &receipts() { return *m_receipts; }
    CustomerService &customers() { return *m_customers; }
    OverrideService &overrides() { return *m_overrides; }
    /// Online customer look-up and coupon claims over this cache's enrolment (offline when
    /// not enrolled); wired into customers() and sale() by open().
    ServerLookups &lookups() { return *m_lookups; }
    const Core::Clock &clock() const { return *m_clock; }
    ProductService &products() { return *m_products; }
    /// Paying the sale in progress with any mix of tenders (issue "Checkout II").
    PaymentService &payments() { return *m_payments; }
    /// Returns and exchanges (issue "Returns"): online through lookups().returns(), offline
    /// from this tablet's own ledger.
    ReturnService &returns() { return *m_returns; }
    /// The manager's day (issue 12): chain-wide through lookups().dayReport() when online,
    /// else from this tablet's own data.
    ManagerService &manager() { return *m_manager; }
    /// The drawer's shifts and cash (issue 12). Selling needs an open shift only once
    /// requireShifts() hooked it into sale() and returns() (main() does; older tests do not).
    ShiftService &shifts() { return *m_shifts; }
    /// The endless aisle (issue 11, docs/STOCK.md §5): orders for home delivery or pickup in
    /// another store over lookups(), paid in sale().
    OrderService &orders() { return *m_orders; }
    void requireShifts();
    /// Click-and-collect at this store and reservations elsewhere (issue 11, docs/STOCK.md).
    PickupService &pickups() { return *m_pickups; }
    ReservationService &reservations() { return *m_reservations; }
    /// The card terminal main() (or a test) connected; nullptr for none. Not owned.
    void setPaymentTerminal(Devices::PaymentTerminal *terminal);
    /// Outbox counts and, once main() attaches the engine, the link to the server.
    SyncStatus &syncStatus() { return *m_syncStatus; }

private:
    Terminal() = default;
    // Declared in construction order; destroyed in reverse, the database last.
    std::unique_ptr<Store::LocalDatabase> m_db;
    std::unique_ptr<Store::Catalog> m_catalog;
    const Core::Clock *m_clock = nullptr;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<CustomerService> m_customers;
    std::unique_ptr<SaleService> m_sale;
    std::unique_ptr<OverrideService> m_overrides;
    std::unique_ptr<ServerLookups> m_lookups;
    std::unique_ptr<CheckoutService> m_checkout;
    std::unique_ptr<PaymentService> m_payments;
    std::unique_ptr<ProductService> m_products;
    std::unique_ptr<SyncStatus> m_syncStatus;
    std::unique_ptr<ReceiptService> m_receipts;
    std::unique_ptr<ReturnService> m_returns;
    std::unique_ptr<ManagerService> m_manager;
    std::unique_ptr<ShiftService> m_shifts;
    std::unique_ptr<PickupService> m_pickups;
    std::unique_ptr<ReservationService> m_reservations;
    std::unique_ptr<ServerOrders> m_serverOrders;
    std::unique_ptr<OrderService> m_orders;
};

} // namespace Toonbank::Services
