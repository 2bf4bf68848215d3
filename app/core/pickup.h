#pragma once

#include "money.h"
#include "result.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <algorithm>
#include <optional>

// Stock elsewhere (issue 11): the rules of holds, reservations and click-and-collect pickups,
// shared by the tablet (ReservationService, PickupService) and the server (POST /v1/holds,
// POST /v1/orders, the pickup event handlers). Pure rules, no I/O. docs/STOCK.md is the
// reference.
namespace Toonbank::Core {

/// A hold takes units of one product at one location for a reservation or an endless-aisle
/// order. Quantities 1..maxHoldQuantity.
enum class HoldPurpose { Reservation, Order };
QString name(HoldPurpose purpose);
std::optional<HoldPurpose> holdPurposeFromName(const QString &name);

enum class HoldStatus { Held, Collected, Released, Expired, Cancelled, Ordered };
QString name(HoldStatus status);
std::optional<HoldStatus> holdStatusFromName(const QString &name);

constexpr int maxHoldQuantity = 99;

/// available = on hand − held; holds never take it below 0, but an oversold store's negative
/// on-hand figure (it sold more than it had on record) stays visible as it is.
qint64 availableQuantity(qint64 onHand, qint64 held);

/// Errors: "hold.quantity" (below 1 or above maxHoldQuantity), "hold.unavailable" (more than
/// `available`; the message says how many are available).
Status checkHoldRequest(int quantity, qint64 available);

/// Errors: "hold.expired" (at or after expiresAt), "hold.closed" (status not Held: collected,
/// released, cancelled, ordered; the message says which).
Status checkHoldOpen(HoldStatus status, const QDateTime &expiresAt, const QDateTime &now);

/// What waits for pickup at a store.
enum class PickupKind { WebOrder, Reservation };
QString name(PickupKind kind);
std::optional<PickupKind> pickupKindFromName(const QString &name);

enum class PickupStatus { Ready, PartlyCollected, Collected, NotCollected, Expired, Cancelled };
QString name(PickupStatus status);
std::optional<PickupStatus> pickupStatusFromName(const QString &name);
/// Ready and PartlyCollected can still be handed over.
bool isOpen(PickupStatus status);

/// A six-digit pickup code from the system's secure random generator.
QString newPickupCode();
/// Hex SHA-256 of "toonbank-pickup-v1:<reference>:<code>" (the code trimmed, spaces removed).
/// The server and the tablet keep only this hash.
QString pickupCodeHash(const QString &reference, const QString &code);
/// Constant-time comparison of pickupCodeHash(reference, code) with `hash`.
bool pickupCodeMatches(const QString &reference, const QString &code, const QString &hash);

/// The code as it is compared and sent: trimmed, spaces removed ("482 913" → "482913").
QString normalizedPickupCode(const QString &code);
/// Six digits once normalized: the only entries that can be a pickup code.
bool isWellFormedPickupCode(const QString &code);

/// Wrong pickup codes at the counter (docs/STOCK.md §6, "Wrong codes and lock-out"), the same
/// rule on the tablet and the server. What counts: a well-formed code that does not match the
/// pickup's hash, one per check. A malformed entry (empty, not six digits) does not count: it
/// cannot be a guess. A right code before the limit sets the count back to 0. Once the count
/// reaches maxWrongPickupCodes the code check of that pickup is locked on the tablet (kept in
/// its pickup store, so a restart does not reset it): the code is no longer even compared, only
/// "ID checked" remains.
constexpr int maxWrongPickupCodes = 5;
bool isPickupCodeLocked(int wrongCodes);

enum class PickupCodeVerdict { Matched, Wrong, Malformed, Locked };

/// What one typed code did.
struct PickupCodeAttempt
{
    PickupCodeVerdict verdict = PickupCodeVerdict::Wrong;
    int wrongCodes = 0; // the pickup's count after this attempt (to be kept)
    bool locked() const { return isPickupCodeLocked(wrongCodes); }
    int triesLeft() const { return std::max(0, maxWrongPickupCodes - wrongCodes); }
};

/// One code typed for the pickup `reference` whose count stood at `wrongCodesBefore`:
/// Locked (count at the limit; the code is not compared, count unchanged), Malformed (count
/// unchanged), Matched (count 0) or Wrong (count + 1; the attempt that reaches the limit locks).
PickupCodeAttempt checkPickupCode(
    const QString &reference, const QString &code, const QString &hash, int wrongCodesBefore);

/// The attempt as a Status for the counter. Matched: success. Errors: "pickup.code" (does not
/// match; says how many tries are left), "pickup.code_locked" ("Too many wrong codes. Check the
/// customer's ID instead.", also for the attempt that reached the limit), "pickup.code_format"
/// (not six digits).
Status pickupCodeStatus(const PickupCodeAttempt &attempt, const QString &reference);

/// One line of a pickup: how many were ordered and how many have been handed over.
struct PickupLineState
{
    QString lineId;
    int quantity = 0;
    int collected = 0;
    int remaining() const { return quantity - collected; }
};

/// One line of a handover: `quantity` units of line `lineId`.
struct HandoverLine
{
    QString lineId;
    int quantity = 0;
    bool operator==(const HandoverLine &) const = default;
};

/// Checks a handover against the pickup as it stands. Errors: "pickup.already_collected"
/// (status Collected), "pickup.closed" (NotCollected, Expired, Cancelled: released to stock),
/// "pickup.empty" (no line or only zero quantities), "pickup.line_unknown",
/// "pickup.quantity" (more than remaining, or below 1), "pickup.line_twice".
Status checkHandover(
    PickupStatus status, const QList<PickupLineState> &lines, const QList<HandoverLine> &handover);

/// The lines after the handover (collected added), assuming checkHandover passed.
QList<PickupLineState> applyHandover(
    const QList<PickupLineState> &lines, const QList<HandoverLine> &handover);

/// Collected when every line is fully collected, PartlyCollected when some units are,
/// otherwise Ready.
PickupStatus statusAfter(const QList<PickupLineState> &lines);

/// A ready pickup not collected `releaseDays` full days after readyAt is overdue (then the
/// store may mark it not collected, and the server releases it on its own).
bool isOverdue(const QDateTime &readyAt, int releaseDays, const QDateTime &now);

/// How the customer was verified at the counter: the pickup code, or an ID document shown
/// (staff checked name against the order). Both need Permission::HandOverPickup (every role);
/// the staff member who checked is the one recorded with the handover (docs/STOCK.md §6).
enum class PickupVerification { Code, IdDocument };
QString name(PickupVerification verification);
std::optional<PickupVerification> pickupVerificationFromName(const QString &name);

} // namespace Toonbank::Core
