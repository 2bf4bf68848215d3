#pragma once

#include "app/core/money.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QUrl>

#include <optional>

namespace Toonbank::Devices {

/// How a request to the payment terminal ended, in the words of nexo Sale-to-POI (Result
/// Success / Failure with an ErrorCondition), plus what the POS itself saw of the link.
enum class TerminalOutcome {
    Approved, // Result Success
    Declined, // Failure / Refusal (card refused, insufficient funds, wrong PIN, …)
    Cancelled, // Failure / Aborted (customer or staff cancelled)
    Busy, // Failure / Busy (another transaction runs on the terminal)
    InProgress, // TransactionStatus: the asked-for transaction still runs
    NotFound, // TransactionStatus: the terminal never saw that ServiceID
    Unreachable, // no answer in time, connection refused: the outcome is UNKNOWN
    Invalid, // an answer that is not nexo, or answers another ServiceID: outcome UNKNOWN
};
QString name(TerminalOutcome outcome); // "approved", "declined", …, "invalid"
std::optional<TerminalOutcome> terminalOutcomeFromName(const QString &name);

/// A card payment request (nexo PaymentRequest). `serviceId` is unique per sale system for
/// at least a day (we use 10 characters from a UUID); it is written durably with the pending
/// tender BEFORE the request leaves, so the outcome can always be asked for again.
struct CardPaymentRequest
{
    QString serviceId;
    QString saleTransactionId; // our sale id
    Core::Money amount; // > 0
    QString currency = QStringLiteral("EUR");
};

/// What the terminal answered about a payment (PaymentResponse, or the payment repeated
/// inside a TransactionStatusResponse).
struct CardPaymentResult
{
    QString serviceId; // the payment this result is about
    TerminalOutcome outcome = TerminalOutcome::Invalid;
    QString errorCondition; // nexo ErrorCondition on failure ("Refusal", "Aborted", …)
    QString message; // nexo AdditionalResponse: for the log, never shown raw to staff
    Core::Money amount; // the authorised amount (Approved)
    QString poiTransactionId; // POITransactionID.TransactionID (Approved): for reversals
    QDateTime poiTimestamp; // POITransactionID.TimeStamp, UTC
    QString maskedPan; // "**** **** **** 1234"
    QString cardBrand; // PaymentBrand: "VISA", "MC", "MAESTRO", …
    QString authCode; // ApprovalCode

    bool settled() const
    {
        return outcome == TerminalOutcome::Approved || outcome == TerminalOutcome::Declined
            || outcome == TerminalOutcome::Cancelled || outcome == TerminalOutcome::Busy;
    }
};

/// A referenced reversal (nexo ReversalRequest naming the original POITransactionID): a
/// cancelled sale's card payment, later also a (partial) refund of a return.
struct ReversalRequest
{
    QString serviceId; // this request's own ServiceID
    QString originalPoiTransactionId;
    QDateTime originalTimestamp; // UTC
    Core::Money amount; // ≤ what the original payment approved, minus earlier reversals
    QString reason = QStringLiteral("MerchantCancel"); // nexo ReversalReason
};

struct ReversalResult
{
    QString serviceId;
    TerminalOutcome outcome = TerminalOutcome::Invalid; // Approved = reversed
    QString errorCondition;
    QString message;
    Core::Money amount;
    QString poiTransactionId; // the reversal's own transaction id
};

/// The card payment terminal, asynchronous: each call returns at once and its answer arrives
/// as a signal on the thread the terminal lives in. One transaction at a time. A real nexo
/// terminal driver (Adyen Terminal API, or a nexo Retailer terminal over TCP) implements this
/// same interface; NexoHttpTerminal talks to toonbank-terminal-sim.
///
/// Rules for callers (PaymentService):
/// - write the pending tender (ServiceID, sale, amount) durably before startPayment();
/// - an Unreachable or Invalid answer means "outcome unknown": never repeat the payment and
///   never treat it as declined; ask requestStatus(serviceId) until the answer is Approved,
///   a failure, or NotFound (= the terminal never started it: safe to try again with a new
///   ServiceID);
/// - at start-up, every pending tender left by a crash is settled the same way.
class PaymentTerminal : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~PaymentTerminal() override = default;

    /// The terminal's POIID (shown in settings and recorded on the tender).
    virtual QString poiId() const = 0;
    /// nexo Payment. Answer: paymentFinished(result) with result.serviceId == serviceId.
    virtual void startPayment(const CardPaymentRequest &request) = 0;
    /// nexo Abort of the running payment `serviceId` (staff pressed "Cancel payment"). The
    /// payment itself still answers through paymentFinished (Cancelled, or Approved when the
    /// customer was faster).
    virtual void abort(const QString &serviceId) = 0;
    /// nexo TransactionStatus for an earlier payment. Answer: statusReceived(serviceId, result)
    /// where result.outcome is the original outcome, InProgress, NotFound, Unreachable or
    /// Invalid.
    virtual void requestStatus(const QString &serviceId) = 0;
    /// nexo Reversal. Answer: reversalFinished(result).
    virtual void reverse(const ReversalRequest &request) = 0;

signals:
    void paymentFinished(const Toonbank::Devices::CardPaymentResult &result);
    void statusReceived(
        const QString &serviceId, const Toonbank::Devices::CardPaymentResult &result);
    void reversalFinished(const Toonbank::Devices::ReversalResult &result);
    /// What the terminal asks of the customer now, in plain words for staff ("Insert, tap or
    /// swipe card", "Enter PIN", "Processing"), from nexo DisplayRequest / EventNotification.
    void displayChanged(const QString &text);
};

/// Talks nexo Sale-to-POI JSON over HTTP(S) POST to one terminal endpoint: the message model
/// Adyen's Terminal API uses ({"SaleToPOIRequest": {"MessageHeader": {...}, "PaymentRequest":
/// {...}}}). Used against toonbank-terminal-sim; a terminal with the same local API works too.
class NexoHttpTerminal final : public PaymentTerminal
{
    Q_OBJECT
public:
    struct Config
    {
        QUrl endpoint; // e.g. http://127.0.0.1:8043/nexo
        QString saleId; // nexo SaleID: this tablet ("AMS01-T1")
        QString poiId; // nexo POIID: the terminal ("SIM-0001")
        int paymentTimeoutMs = 120000; // a payment waits for the customer
        int requestTimeoutMs = 10000; // status, abort, reversal
    };
    explicit NexoHttpTerminal(Config config, QObject *parent = nullptr);
    ~NexoHttpTerminal() override;

    QString poiId() const override { return m_config.poiId; }
    void startPayment(const CardPaymentRequest &request) override;
    void abort(const QString &serviceId) override;
    void requestStatus(const QString &serviceId) override;
    void reverse(const ReversalRequest &request) override;

private:
    struct Private;
    Config m_config;
    std::unique_ptr<Private> d;
};

} // namespace Toonbank::Devices

Q_DECLARE_METATYPE(Toonbank::Devices::CardPaymentResult)
Q_DECLARE_METATYPE(Toonbank::Devices::ReversalResult)
