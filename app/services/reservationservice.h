#pragma once

#include "app/core/clock.h"
#include "app/core/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace Toonbank::Store {
class Catalog;
} // namespace Toonbank::Store

namespace Toonbank::Services {

class ServerLookups;
class Session;

/// What the reserve sheet asks for: a quantity of one product at one store, for a customer (a
/// loyalty card, or a name and phone).
struct ReservationRequest
{
    qint64 productId = 0;
    qint64 locationId = 0; // the store that holds the units
    int quantity = 1;
    QString cardNumber; // the attached customer's card; empty: name + phone
    QString customerName;
    QString customerPhone;
};

/// A reservation the server took: the code to give the customer and until when it is held.
struct Reservation
{
    QString holdId;
    QString pickupCode; // six digits
    QDateTime expiresAt; // UTC
    QString locationCode;
    QString locationName;
    int quantity = 0;
    qint64 availableAfter = 0; // at that store, after this hold
};

/// What the reserve sheet shows about what is reserved where (from the cache).
struct ReserveTarget
{
    QString productName;
    QString sku;
    QString locationName;
    QString locationCode;
    int cachedQuantity = -1; // the cached figure there; -1: none known
    QDateTime cachedAsOf; // UTC
};

/// Reservations in this or another store (docs/STOCK.md §4): POST /v1/holds over
/// ServerLookups::onlineCall, online only. The server is the truth: it takes the units with
/// one conditional statement or refuses. Errors (plain messages): "stock.needs_network"
/// (offline, not enrolled, no answer in time), "hold.quantity", "hold.unavailable" ("Only 1
/// available there."), "hold.customer" (no name, or a phone of fewer than 6 digits),
/// "hold.location" (the store is not in the cache), "permission.denied" / "session.locked",
/// the server's other refusals with their codes.
class ReservationService final
{
    Q_DECLARE_TR_FUNCTIONS(Toonbank::Services::ReservationService)
    Q_DISABLE_COPY_MOVE(ReservationService)
public:
    ReservationService(Store::Catalog &catalog, Session &session, ServerLookups *lookups);

    bool isOnline() const;
    /// Checks the request, then asks the server. The same request again after a failed answer
    /// (no answer in time) reuses its hold id, so the server never holds twice.
    Core::Result<Reservation> reserve(const ReservationRequest &request);

    /// The product's and store's names and the cached figure. Errors: "hold.location",
    /// "catalog.*".
    Core::Result<ReserveTarget> target(qint64 productId, qint64 locationId) const;

    /// Local checks only (quantity, customer, store).
    Core::Status check(const ReservationRequest &request) const;

private:
    Store::Catalog &m_catalog;
    Session &m_session;
    ServerLookups *m_lookups;
    // The hold id of the last request that got no answer, reused when it is asked again.
    QString m_retryHoldId;
    QString m_retryKey;
};

} // namespace Toonbank::Services
