#pragma once

#include "app/core/pickup.h"
#include "app/core/result.h"

#include <QDateTime>
#include <QString>

#include <optional>

// Holds on stock (docs/STOCK.md §4–6), the parts the holds controller, the pickup handlers,
// the sale handler and the sweep share: chain settings, one hold as stored, releasing a hold's
// units, and the sweep of expired holds and overdue pickups.
namespace Toonbank::Sync::Server {

class ServerDatabase;

/// chain_settings `key`, or `fallback` when it is not set.
Core::Result<QString> chainSetting(ServerDatabase &db, const QString &key, const QString &fallback);
/// An integer chain setting (a value that is not a number counts as unset).
Core::Result<int> chainSettingInt(ServerDatabase &db, const QString &key, int fallback);
/// `pickup.release_days:<storeCode>`, else `pickup.release_days`, else 7.
Core::Result<int> pickupReleaseDays(ServerDatabase &db, const QString &storeCode);

/// ISO-8601 UTC with milliseconds: the form every time column is written in (so text order is
/// time order).
QString isoUtc(const QDateTime &when);

struct HoldRow
{
    QString holdId;
    Core::HoldPurpose purpose = Core::HoldPurpose::Reservation;
    qint64 productId = 0;
    qint64 locationId = 0;
    QString locationCode;
    int quantity = 0;
    Core::HoldStatus status = Core::HoldStatus::Held;
    QString customerName;
    QString customerPhone;
    QString codeHash;
    QString deviceId;
    qint64 staffId = 0;
    QDateTime createdAt;
    QDateTime expiresAt;
    QString orderNumber;
    QString requestHash;
};

/// The hold `holdId`, nullopt when there is none.
Core::Result<std::optional<HoldRow>> loadHold(ServerDatabase &db, const QString &holdId);

/// What a web order's customer did not collect (quantity − collected − returned per line)
/// goes back into the stock of `locationId`, its pickup store: the goods are on its shelf and
/// sellable again (the refund is the web shop's to make). Runs inside the caller's transaction,
/// once per order (the caller has just moved it to `not_collected`).
Core::Status restockUncollected(
    ServerDatabase &db, qint64 orderId, qint64 locationId, const QString &nowText);

/// Closes hold `holdId` when it is still held: status `to` (expired, released, cancelled,
/// collected), held −= quantity at its location, both rows with a new change_seq. Runs inside
/// the caller's transaction. Returns whether this call closed it.
Core::Result<bool> closeHeldHold(ServerDatabase &db, const QString &holdId, Core::HoldStatus to,
    const QString &now, const QString &closedBy);

/// One sweep (every minute in the server): holds past their expiry → expired; reservations
/// and ready web orders older than the store's release days → expired / not_collected. One
/// transaction per hold or order; safe to run on several instances at once. Returns how many
/// rows changed.
Core::Result<int> sweepHolds(ServerDatabase &db, const QDateTime &now);

} // namespace Toonbank::Sync::Server
