#pragma once

#include "app/core/money.h"
#include "app/core/result.h"
#include "app/core/returns.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace Toonbank::Store {

class LocalDatabase;
class SalesLedger;

struct RecordedReturn
{
    qint64 returnRowId = 0;
    QString receiptNumber;
    QString eventId; // outbox event UUID
    qint64 journalSeq = 0;
};

/// One part of the refund in progress (refund_parts).
struct RefundPartRecord
{
    int position = 0; // from 1
    QString method; // Core::name(RefundMethod)
    Core::Money amount;
    QString state = QStringLiteral("planned"); // planned|pending|done|failed
    QString serviceId; // card: the Reversal's nexo ServiceID (written before the terminal)
    QString reference; // card: the reversal's own POI transaction id once approved
    QString originalReference; // card: the original POI transaction id
    QDateTime originalAt; // card: the original POI timestamp (UTC)
    QString maskedPan;
    qint64 points = 0;
    QString detail;
};

/// The return in progress (refund_sessions), durable from the moment it is claimed.
struct RefundSessionRecord
{
    qint64 id = 0;
    QString returnId;
    QString claimId;
    QString claimState = QStringLiteral("none"); // none|asking|granted|released
    bool exchange = false;
    QByteArray draftJson; // {"return", "order", "policy"} in wire form (the service's)
    qint64 staffId = 0;
    QDateTime startedAt; // UTC
    QString state = QStringLiteral("open"); // open|completed|cancelled
    QList<RefundPartRecord> parts;
};

/// Writes finished returns and keeps the return in progress on disk.
///
/// record() writes, in ONE durable transaction: the returns / return_lines / return_refunds
/// rows (with the Core::Return JSON for a reprint), the receipt number ("<store>-<terminal>-R"
/// + 6 digits, its own counter), this tablet's own sale's returned quantities (conditional,
/// under CHECK(returned_quantity <= quantity)) and its tenders' refunded_cents, the stock back
/// here for resellable lines (not training), the outbox "return" event and the hash-chained
/// journal entry (kind "return", negative amount, through SalesLedger). Called inside an open
/// transaction (an exchange's sale) it joins it.
class ReturnsLedger final
{
    Q_DISABLE_COPY_MOVE(ReturnsLedger)
public:
    /// The wire form of the finished return once its receipt number is known (the store does
    /// not know the wire format). An empty result aborts ("return.invalid_event").
    using PayloadBuilder = std::function<QByteArray(const QString &receiptNumber)>;
    using AlsoWrite = std::function<Core::Status()>;

    ReturnsLedger(LocalDatabase &database, SalesLedger &sales);

    /// `ret.receiptNumber` is set here. Errors: "return.nothing", "return.quantity" (an
    /// offline return of an own sale met a line already returned), "return.store_failed",
    /// "return.invalid_event", those of `alsoWrite`. Nothing is written on error.
    Core::Result<RecordedReturn> record(Core::Return &ret, qint64 locationId,
        const PayloadBuilder &payload, const AlsoWrite &alsoWrite = {});

    /// This tablet's own sale by receipt number or sale uuid, as a return sees it (returned
    /// quantities and refunded amounts counted locally). A return's own number gives an order
    /// with isReturn set. none: not found here.
    Core::Result<std::optional<Core::ReturnableOrder>> ownSale(const QString &numberOrUuid) const;
    /// A recorded return's JSON (returnToJson) by its receipt number or uuid.
    Core::Result<std::optional<QJsonObject>> returnJson(const QString &numberOrUuid) const;

    // --- the return in progress ------------------------------------------------------------
    /// Errors: "return.busy" (another return is open on this tablet), "return.store_failed".
    Core::Result<qint64> openSession(const RefundSessionRecord &session);
    Core::Result<std::optional<RefundSessionRecord>> openedSession() const;
    /// Claim id, claim state, draft and every part, durably (before the server or the
    /// terminal is asked).
    Core::Status saveSession(const RefundSessionRecord &session);
    /// "completed" or "cancelled"; inside the caller's transaction when one is open.
    Core::Status finishSession(qint64 id, const QString &state, const QDateTime &at);

    /// Called inside the transaction right before COMMIT (crash tests only).
    void setBeforeCommitHook(std::function<void()> hook) { m_beforeCommit = std::move(hook); }

private:
    LocalDatabase &m_db;
    SalesLedger &m_sales;
    std::function<void()> m_beforeCommit;
};

} // namespace Toonbank::Store
