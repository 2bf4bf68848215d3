#pragma once

#include "app/core/money.h"
#include "app/core/result.h"
#include "app/core/shift.h"

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

/// A shift as stored, with what its close recorded (zero while open).
struct StoredShift
{
    Core::Shift shift;
    Core::Money counted; // closing count total (closed only)
    Core::Money expected; // expected cash at the close (closed only)

    Core::Money openingFloat() const { return shift.openingCount.total(); }
};

/// What one shift write left behind: its outbox event and its journal entry.
struct RecordedShiftEvent
{
    QString eventId; // outbox event UUID
    qint64 journalSeq = 0;
};

/// The close as its builder computed it inside the close's transaction.
struct ShiftClosePayload
{
    QByteArray payload; // compact JSON of the "shift_closed" event
    Core::Money expected; // the expected cash the payload states
};

/// The drawer's shifts and cash movements (tablet schema v5: shifts, cash_movements) and the
/// shift's sales and returns as Core::shiftTotals needs them (sales.shift_id,
/// returns.shift_id). Every write is ONE durable transaction (synchronous=FULL, like
/// SalesLedger::record) holding the rows, the outbox event and the hash-chained journal entry
/// (amount 0: the grand total is sales money). The store does not know the wire format: the
/// service passes the event payloads in.
class ShiftLedger final
{
    Q_DISABLE_COPY_MOVE(ShiftLedger)
public:
    /// Builds the "shift_closed" payload inside the close's transaction, once the Z number is
    /// drawn (`closed` carries it, with the closing count, who and when). An error rolls the
    /// close back.
    using CloseBuilder = std::function<Core::Result<ShiftClosePayload>(const Core::Shift &closed)>;

    explicit ShiftLedger(LocalDatabase &database);
    ~ShiftLedger();

    // --- writes ------------------------------------------------------------------------------
    /// The "shift_opened" row, event and journal entry. Errors: "shift.already_open" (the
    /// drawer has an open shift), "shift.store_failed". Nothing is written on error.
    Core::Result<RecordedShiftEvent> open(const Core::Shift &shift, const QByteArray &payload);
    /// A "cash_movement" (cash in / cash out / no-sale) of an open shift. Errors:
    /// "shift.not_open" (unknown or closed shift), "shift.store_failed".
    Core::Result<RecordedShiftEvent> addMovement(
        const QString &shiftId, const Core::CashMovement &move, const QByteArray &payload);
    /// Closes the open shift `shiftId`: draws the drawer's next Z number (its highest + 1, in
    /// this transaction), lets `build` compute the payload, and writes the closed state, the
    /// "shift_closed" event and the journal entry. Returns the closed shift (Z number set).
    /// Errors: "shift.not_open" (unknown or already closed), "shift.store_failed", those of
    /// `build`.
    Core::Result<Core::Shift> close(const QString &shiftId, qint64 closedBy,
        const QDateTime &closedAt, const Core::CashCount &counted, const CloseBuilder &build);

    /// Called inside the transaction right before COMMIT (crash tests only).
    void setBeforeCommitHook(std::function<void()> hook) { m_beforeCommit = std::move(hook); }

    // --- reading -----------------------------------------------------------------------------
    Core::Result<std::optional<StoredShift>> openShift(const QString &drawerId) const;
    Core::Result<std::optional<StoredShift>> shift(const QString &shiftId) const;
    Core::Result<std::optional<StoredShift>> shiftByZNumber(
        const QString &drawerId, int zNumber) const;
    /// The drawer's closed shifts, highest Z number first.
    Core::Result<QList<StoredShift>> closedShifts(const QString &drawerId, int limit) const;
    /// The shift's cash movements in the order they happened.
    Core::Result<QList<Core::CashMovement>> movements(const QString &shiftId) const;
    /// The shift's sales and returns (training ones marked) and its voided sales (payments
    /// cancelled after a part was taken, while the shift was open), as Core::shiftTotals adds
    /// them up. One document per sale and return so counts stay counts, but the sales come
    /// from ONE aggregate query: the first real sale's document carries the money of all of
    /// them (totals, rounding, items, VAT per rate, tenders per method) and the others are
    /// empty — shiftTotals gives exactly the figures it gives one sale at a time. Returns are
    /// few: one full document each.
    Core::Result<QList<Core::ShiftDocument>> documents(const StoredShift &shift) const;
    /// Whether a payment or a refund is in progress on this tablet (an open payment or refund
    /// session): a shift cannot close then.
    Core::Result<bool> paymentInProgress() const;

    /// A count as stored: `{"500": 2, "20": 13}` (denomination in cents → pieces).
    static QByteArray countToJson(const Core::CashCount &count);
    static Core::CashCount countFromJson(const QByteArray &json);

private:
    LocalDatabase &m_db;
    std::unique_ptr<SalesLedger> m_sales;
    std::function<void()> m_beforeCommit;
};

} // namespace Toonbank::Store
