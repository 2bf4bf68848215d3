#pragma once

#include "app/core/money.h"
#include "app/core/pickup.h"
#include "app/core/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace Toonbank::Store {

class LocalDatabase;
class SalesLedger;
namespace Internal {
class DataCipher;
} // namespace Internal

/// One line of a pickup as cached.
struct PickupLine
{
    QString lineId;
    qint64 productId = 0;
    QString sku;
    QString name;
    int quantity = 0;
    int collected = 0;
    int remaining() const { return quantity - collected; }
};

/// A web order or reservation waiting at (or handed over at, or released by) this store, as the
/// "pickups" feed sends it (Protocol::PickupData, converted by the sync worker) and as the
/// cache keeps it. `status` read back is the effective one: this tablet's own handover or
/// release while the server still reports the pickup open.
struct StoredPickup
{
    QString reference; // web order number or hold id
    Core::PickupKind kind = Core::PickupKind::WebOrder;
    qint64 locationId = 0;
    Core::PickupStatus status = Core::PickupStatus::Ready;
    QString customerName;
    QString customerPhone;
    QString codeHash;
    QDateTime readyAt; // UTC
    QDateTime expiresAt; // reservations: the hold's expiry
    Core::Money total;
    bool paid = true;
    QList<PickupLine> lines;
    int wrongCodes = 0; // wrong codes typed here (Core::checkPickupCode); kept across feed rows

    QList<Core::PickupLineState> lineStates() const;
    int unitsRemaining() const;
};

/// What one handover or release left behind.
struct RecordedPickupEvent
{
    QString eventId; // outbox event UUID
    qint64 journalSeq = 0;
    Core::PickupStatus status = Core::PickupStatus::Ready; // the pickup's status after it
};

/// The cache's click-and-collect tables (schema v6: pickups, pickup_lines, pickup_handovers;
/// v7: pickups.wrong_codes). The customer's name and phone are sealed with the cache's
/// DataCipher (like CustomerCache).
/// A handover or a release is ONE durable transaction: the local status and lines, the
/// pickup_handovers row, the outbox event ("pickup_handed_over" / "pickup_not_collected",
/// payload built by the service) and the journal entry (kind "pickup", amount 0). Writes run
/// inside the caller's transaction when one is open. A payload carrying the typed pickup code
/// (field "code") is stored sealed in the outbox (Outbox::Privacy::Personal) and the journal
/// entry is the payload without it: the plain code is never at rest in the cache file.
class PickupStore final
{
    Q_DISABLE_COPY_MOVE(PickupStore)
public:
    /// Builds the event payload inside the transaction from the pickup as it stands there (an
    /// error rolls everything back).
    using PayloadBuilder = std::function<Core::Result<QByteArray>(const StoredPickup &before)>;

    explicit PickupStore(LocalDatabase &database);
    ~PickupStore();

    /// Inserts or replaces a pickup from the feed (its whole state). Units this tablet handed
    /// over that the server does not report yet are kept (collected = the larger of both), and
    /// so is this tablet's status while the server still reports the pickup open.
    Core::Status upsertFromFeed(const StoredPickup &pickup);

    /// Open pickups (ready, partly collected) at `locationId`, oldest first (ready time).
    Core::Result<QList<StoredPickup>> openPickups(qint64 locationId) const;
    /// Error "pickup.unknown".
    Core::Result<StoredPickup> pickup(const QString &reference) const;

    /// Checks a code typed at the counter with Core::checkPickupCode against the pickup's hash
    /// and its count of wrong codes, and keeps the new count (one transaction): a wrong code
    /// adds one, a right one sets it back to 0, a malformed entry or a locked pickup changes
    /// nothing. Errors: "pickup.unknown", "pickup.store_failed" (the count could not be kept:
    /// the code counts as not checked).
    Core::Result<Core::PickupCodeAttempt> checkCode(const QString &reference, const QString &code);

    /// Hands over `lines` of `reference`: re-checks Core::checkHandover against the cached
    /// state inside the transaction. Errors: those of checkHandover, "pickup.unknown",
    /// "pickup.store_failed", those of `payload`.
    Core::Result<RecordedPickupEvent> recordHandover(const QString &reference,
        const QString &handoverId, qint64 staffId, Core::PickupVerification verifiedBy,
        const QList<Core::HandoverLine> &lines, const QDateTime &at, const PayloadBuilder &payload);
    /// Marks an open pickup not collected. Errors: "pickup.already_collected", "pickup.closed",
    /// "pickup.unknown", "pickup.store_failed", those of `payload`.
    Core::Result<RecordedPickupEvent> recordNotCollected(const QString &reference,
        const QString &handoverId, qint64 staffId, const QDateTime &at,
        const PayloadBuilder &payload);

    /// Handover rows recorded here for a reference, oldest first (kind, lines JSON).
    struct HandoverRow
    {
        QString handoverId;
        QString kind; // "handed_over" | "not_collected"
        qint64 staffId = 0;
        QString verifiedBy;
        QByteArray linesJson;
        QDateTime at;
    };
    Core::Result<QList<HandoverRow>> handovers(const QString &reference) const;

    /// Called inside the transaction right before COMMIT (tests).
    void setBeforeCommitHook(std::function<void()> hook) { m_beforeCommit = std::move(hook); }

private:
    Core::Status ensureCipher() const;
    Core::Result<std::optional<StoredPickup>> find(const QString &reference) const;
    /// find() inside a write: a failed read is "could not be saved", a missing one unknown.
    Core::Result<StoredPickup> pickupToWrite(const QString &reference) const;
    Core::Result<QList<StoredPickup>> select(
        const QString &where, const QVariantList &values) const;
    Core::Result<RecordedPickupEvent> record(const QString &reference, const QString &handoverId,
        qint64 staffId, const QString &verifiedBy, const QList<Core::HandoverLine> &lines,
        bool notCollected, const QDateTime &at, const PayloadBuilder &payload);

    LocalDatabase &m_db;
    std::unique_ptr<SalesLedger> m_ledger;
    mutable std::shared_ptr<const Internal::DataCipher> m_cipher;
    std::function<void()> m_beforeCommit;
};

} // namespace Toonbank::Store
