#pragma once

#include "couponclaimer.h"
#include "customerdirectory.h"

#include <QCoreApplication>

#include <memory>

namespace Toonbank::Store {
class LocalDatabase;
} // namespace Toonbank::Store

namespace Toonbank::Sync::Client {
class ServerConnection;
} // namespace Toonbank::Sync::Client

namespace Toonbank::Services {

/// The online side of CustomerService and SaleService: customer look-up and single-use coupon
/// claims over this tablet's enrolment (Sync::Client::ServerConnection), answered on the
/// calling (GUI) thread within a short time-out. Without an enrolment, or for a while after
/// the server could not be reached, isOnline() is false and the services say so.
class ServerLookups final : public CustomerDirectory, public CouponClaimer
{
    Q_DECLARE_TR_FUNCTIONS(Toonbank::Services::ServerLookups)
    Q_DISABLE_COPY_MOVE(ServerLookups)
public:
    explicit ServerLookups(Store::LocalDatabase &database, int timeoutMs = 5000);
    ~ServerLookups() override;

    bool isOnline() const override;
    /// GET /v1/customers?q=…; card, phone and e-mail hits are kept only when they match exactly.
    Core::Result<QList<DirectoryCustomer>> find(Field field, const QString &value) override;
    /// Errors: "coupon.already_used" (another sale holds it), "coupon.needs_network".
    Core::Result<CouponClaim> claim(
        const QString &code, const QString &saleId, const QString &storeCode) override;
    /// The server keeps a claim with its sale; a sale that is not finished leaves it unused.
    void release(const CouponClaim &claim) override;

private:
    void noteOffline();
    std::unique_ptr<Sync::Client::ServerConnection> m_connection;
    int m_timeoutMs;
    qint64 m_offlineUntilMs = 0;
};

} // namespace Toonbank::Services
