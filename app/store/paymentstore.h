#pragma once

#include "app/core/money.h"
#include "app/core/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace Toonbank::Store {

class LocalDatabase;

/// One payment of one sale (payment_sessions): the basket frozen when it began.
struct PaymentSessionRecord
{
    qint64 id = 0;
    QString saleId;
    QByteArray basketJson; // the draft basket in the versioned parked form
    QByteArray saleJson; // the sale as built when the payment began (no tenders)
    Core::Money total;
    QString customerCode;
    QStringList couponCodes;
    qint64 staffId = 0;
    QDateTime startedAt; // UTC
    QDateTime finishedAt; // UTC; null while open
    QString state = QStringLiteral("open"); // "open", "completed", "cancelled"
};

/// One tender of a payment (payment_tenders). Written before the terminal or the server is
/// asked; its state follows the answer.
struct PaymentTenderRecord
{
    QString claimId; // nexo ServiceID (card), server claim id (gift card, store credit), UUID
    qint64 sessionId = 0;
    QString saleId;
    int position = 0; // order within the payment, from 1 (set by addTender)
    QString method; // Core::name(TenderMethod)
    Core::Money amount;
    Core::Money tendered;
    Core::Money change;
    QString state = QStringLiteral("pending"); // pending|settled|failed|reversing|reversed
    QString reference; // POI transaction id, gift card number, customer card number
    QString maskedPan;
    QString cardBrand;
    QString authCode;
    QDateTime poiTimestamp; // UTC
    qint64 points = 0;
    std::optional<Core::Money> balanceLeft;
    QString detail; // plain words for staff: why it failed, what is left on the card
    QDateTime createdAt; // UTC
    QDateTime updatedAt; // UTC
};

/// The tablet's durable payment state. Every write is committed with synchronous=FULL before
/// it returns (a tender must be on disk before the terminal is asked), except finishSession,
/// which runs inside the sale's own transaction.
class PaymentStore final
{
    Q_DISABLE_COPY_MOVE(PaymentStore)
public:
    explicit PaymentStore(LocalDatabase &database);

    /// Errors: "pay.already_open" (another payment is open on this tablet), "pay.store_failed".
    Core::Result<qint64> openSession(const PaymentSessionRecord &session);
    /// The open payment of this tablet, if any.
    Core::Result<std::optional<PaymentSessionRecord>> openedSession() const;
    Core::Result<PaymentSessionRecord> session(qint64 id) const;
    /// "completed" or "cancelled"; inside the caller's transaction when one is open.
    Core::Status finishSession(qint64 id, const QString &state, const QDateTime &at);
    /// Marks the session cancelled and writes the given tenders in one durable transaction.
    Core::Status cancelSession(
        qint64 id, const QList<PaymentTenderRecord> &tenders, const QDateTime &at);

    /// Inserts the tender with the next position; returns that position.
    Core::Result<int> addTender(const PaymentTenderRecord &tender);
    /// Writes the tender's state and answer fields (by claim id).
    Core::Status updateTender(const PaymentTenderRecord &tender);
    Core::Result<QList<PaymentTenderRecord>> tenders(qint64 sessionId) const;
    /// Every tender still pending or reversing, in any session, oldest first.
    Core::Result<QList<PaymentTenderRecord>> unfinishedTenders() const;

    /// Points of this customer this tablet has spent and the server has not confirmed yet:
    /// points tenders of payments not yet recorded (pending or settled), plus the redemptions
    /// of recorded sales still in loyalty_pending.
    Core::Result<qint64> pendingRedemptions(const QString &cardNumber) const;

private:
    Core::Status durable(const std::function<Core::Status()> &work);
    LocalDatabase &m_db;
};

} // namespace Toonbank::Store
