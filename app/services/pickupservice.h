#pragma once

#include "app/core/clock.h"
#include "app/core/pickup.h"
#include "app/core/result.h"
#include "app/store/pickupstore.h"

#include <QHash>
#include <QObject>

#include <memory>

namespace Toonbank::Store {
class LocalDatabase;
} // namespace Toonbank::Store

namespace Toonbank::Services {

class SaleService;
class Session;

/// What a handover did.
struct HandoverOutcome
{
    QString handoverId;
    Core::PickupStatus status = Core::PickupStatus::Ready; // the pickup's status after it
    int units = 0; // units handed over now
    int unitsInBasket = 0; // a reservation: units put in the basket to be paid
};

/// Click-and-collect at the counter (docs/STOCK.md §6): the store's open pickups from the cache
/// (the "pickups" feed), verifying the customer by the pickup code (Core::checkPickupCode,
/// works offline; five wrong codes lock the code check of that pickup on this tablet) or an ID
/// document, handing over all or some lines, and marking an overdue pickup not collected. Every
/// write is one transaction in Store::PickupStore (status, outbox event, journal). The code
/// typed is kept in memory only until the handover (or log-out) and then travels in the event
/// (sealed in the outbox, never in the journal) for the server to check again. Handing over a
/// reservation puts its products in the current basket to be paid. Permissions are checked
/// here: Core::Permission::HandOverPickup (every role; for the code check and the ID check
/// alike, the staff member who checked is recorded), Core::Permission::ReleasePickup
/// (supervisor, manager).
class PickupService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PickupService)
public:
    PickupService(Store::LocalDatabase &database, Session &session, SaleService &sale,
        const Core::Clock &clock, QObject *parent = nullptr);
    ~PickupService() override;

    /// The open pickups of this store, oldest first.
    Core::Result<QList<Store::StoredPickup>> list() const;
    /// Error "pickup.unknown".
    Core::Result<Store::StoredPickup> pickup(const QString &reference) const;

    /// Checks the customer's code (Core::checkPickupCode; the count of wrong codes is kept in
    /// the pickup store). Errors: "pickup.code" (does not match; says how many tries are left),
    /// "pickup.code_locked" (too many wrong codes: check the ID instead), "pickup.code_format",
    /// "pickup.unknown", "pickup.store_failed", "permission.denied". On success the pickup
    /// counts as verified by code, by the staff member logged in, until a handover or log-out.
    Core::Status verifyCode(const QString &reference, const QString &code);
    /// Staff checked the customer's ID against the order's name (also after a lock-out).
    /// Errors: "pickup.unknown", "permission.denied".
    Core::Status confirmId(const QString &reference);
    /// How the customer of this pickup was verified; nullopt: not yet.
    std::optional<Core::PickupVerification> verification(const QString &reference) const;
    /// Whether the code check of this pickup is locked (too many wrong codes).
    bool codeLocked(const QString &reference) const;

    /// Hands over `lines` (line id → units). Needs a verified customer ("pickup.not_verified"),
    /// Permission::HandOverPickup. Errors of Core::checkHandover ("pickup.already_collected",
    /// "pickup.closed", "pickup.quantity", "pickup.empty", …), "basket.frozen" (a reservation
    /// while a payment runs), "pickup.store_failed".
    Core::Result<HandoverOutcome> handOver(
        const QString &reference, const QList<Core::HandoverLine> &lines);
    /// Every remaining unit.
    Core::Result<HandoverOutcome> handOverAll(const QString &reference);

    /// Marks an overdue open pickup not collected (released to stock by the server). Needs
    /// Permission::ReleasePickup. Errors: "pickup.not_overdue" (ready for fewer than
    /// releaseDays() days), "pickup.already_collected", "pickup.closed", "pickup.unknown".
    Core::Status markNotCollected(const QString &reference);

    /// The store setting "pickup.release_days" (default 7).
    int releaseDays() const;
    static constexpr int defaultReleaseDays = 7;
    bool isOverdue(const Store::StoredPickup &pickup) const;
    const Core::Clock &clock() const { return m_clock; }

    Store::PickupStore &store() { return *m_store; }

signals:
    /// A handover or release was recorded (the list changed).
    void changed();

private:
    Store::LocalDatabase &m_db;
    Session &m_session;
    SaleService &m_sale;
    const Core::Clock &m_clock;
    std::unique_ptr<Store::PickupStore> m_store;
    // Verified pickups, by reference: how, by whom, and the code typed (in memory only).
    struct Verified
    {
        Core::PickupVerification by = Core::PickupVerification::Code;
        qint64 staffId = 0;
        QString code;
    };
    QHash<QString, Verified> m_verified;
};

} // namespace Toonbank::Services
