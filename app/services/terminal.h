#pragma once

#include "app/core/result.h"

#include <QString>

#include <memory>

namespace Toonbank::Store {
class Catalog;
class LocalDatabase;
} // namespace Toonbank::Store

namespace Toonbank::Services {

class CheckoutService;
class ProductService;
class Session;
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
    static Core::Result<std::unique_ptr<Terminal>> open(
        const QString &cachePath, bool createIfMissing = false);
    ~Terminal();

    Store::LocalDatabase &database() { return *m_db; }
    Store::Catalog &catalog() { return *m_catalog; }
    Session &session() { return *m_session; }
    CheckoutService &checkout() { return *m_checkout; }
    ProductService &products() { return *m_products; }
    /// Outbox counts and, once main() attaches the engine, the link to the server.
    SyncStatus &syncStatus() { return *m_syncStatus; }

private:
    Terminal() = default;
    // Declared in construction order; destroyed in reverse, the database last.
    std::unique_ptr<Store::LocalDatabase> m_db;
    std::unique_ptr<Store::Catalog> m_catalog;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<CheckoutService> m_checkout;
    std::unique_ptr<ProductService> m_products;
    std::unique_ptr<SyncStatus> m_syncStatus;
};

} // namespace Toonbank::Services
