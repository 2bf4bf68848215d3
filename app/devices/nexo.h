#pragma once

#include "app/core/money.h"
#include "app/core/result.h"
#include "app/devices/paymentterminal.h"

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

/// The nexo Sale-to-POI JSON message model (the one Adyen's Terminal API follows), pure: no
/// network, no clock. The POS side builds requests and parses responses; the simulator parses
/// requests and builds responses with the same functions, so both speak one dialect.
///
///   {"SaleToPOIRequest": {"MessageHeader": {"ProtocolVersion": "3.0", "MessageClass": "Service",
///     "MessageCategory": "Payment", "MessageType": "Request", "ServiceID": "…", "SaleID": "…",
///     "POIID": "…"}, "PaymentRequest": {…}}}
///
/// Parsing ignores unknown fields; a missing or wrongly typed required field, another message
/// category or an answer for another ServiceID gives an Invalid outcome (responses) or an error
/// (requests) with a detail for the log.
namespace Toonbank::Devices::Nexo {

inline constexpr auto protocolVersion = "3.0";

enum class Category { Payment, Abort, TransactionStatus, Reversal };
QString name(Category category); // the nexo MessageCategory: "Payment", "Abort", …
std::optional<Category> categoryFromName(const QString &name);

/// MessageHeader.
struct Header
{
    QString messageClass = QStringLiteral("Service"); // "Service" | "Device"
    Category category = Category::Payment;
    bool response = false; // MessageType "Response" (else "Request")
    QString serviceId;
    QString saleId;
    QString poiId;
};
QJsonObject headerToJson(const Header &header);
Core::Result<Header> headerFromJson(const QJsonValue &value);

/// nexo amounts are decimal numbers (RequestedAmount 12.5); we hold integer cents.
QJsonValue amountToJson(Core::Money amount);
/// Exact: rounds away binary noise (0.1 + 0.2 is 30 cents) but rejects a third decimal, a
/// negative amount, a non-number and anything above 9,999,999.99.
Core::Result<Core::Money> amountFromJson(const QJsonValue &value);

/// nexo ISODateTime in UTC with milliseconds ("2026-11-29T07:30:00.123Z").
QString timestampToJson(const QDateTime &utc);
std::optional<QDateTime> timestampFromJson(const QJsonValue &value);

/// A new ServiceID: 10 characters from a UUID (nexo allows 1..10).
QString newServiceId();

// --- POS side: requests ------------------------------------------------------------------

QByteArray paymentRequest(
    const Header &header, const CardPaymentRequest &request, const QDateTime &saleTimestampUtc);
/// Aborts the payment `paymentServiceId` (MessageReference), reason "MerchantAbort".
QByteArray abortRequest(const Header &header, const QString &paymentServiceId);
/// Asks for the payment `paymentServiceId` (MessageReference.ServiceID).
QByteArray transactionStatusRequest(const Header &header, const QString &paymentServiceId);
QByteArray reversalRequest(const Header &header, const ReversalRequest &request);

// --- POS side: responses -----------------------------------------------------------------

/// What the POS expects a response to be about.
struct Expected
{
    QString serviceId; // the request's own ServiceID
    QString saleId; // empty: not checked
};

/// A PaymentResponse. Anything unusable gives outcome Invalid with `message` = the detail.
CardPaymentResult parsePaymentResponse(const QByteArray &body, const Expected &expected);
/// A TransactionStatusResponse for the payment `paymentServiceId`: the repeated payment's
/// outcome, InProgress, NotFound or Invalid. result.serviceId is always `paymentServiceId`.
CardPaymentResult parseTransactionStatusResponse(
    const QByteArray &body, const Expected &expected, const QString &paymentServiceId);
ReversalResult parseReversalResponse(const QByteArray &body, const Expected &expected);

// --- POI side (the simulator) ------------------------------------------------------------

/// A request as the terminal reads it: the header and the fields of its category.
struct Request
{
    Header header;
    // Payment
    QString saleTransactionId;
    QDateTime saleTimestamp;
    Core::Money amount; // Payment: RequestedAmount; Reversal: ReversedAmount (if given)
    bool amountGiven = false;
    QString currency;
    // Abort and TransactionStatus: MessageReference
    QString referencedServiceId;
    Category referencedCategory = Category::Payment;
    // Reversal
    QString originalPoiTransactionId;
    QDateTime originalTimestamp;
    QString reversalReason;
};
Core::Result<Request> parseRequest(const QByteArray &body);

/// Response.Result and its refinement.
struct Outcome
{
    bool success = false;
    QString errorCondition; // "Refusal", "Aborted", "Busy", "InProgress", "NotFound", …
    QString additionalResponse;
};
QJsonObject responseToJson(const Outcome &outcome);

/// The body of a PaymentResponse (what goes under "PaymentResponse").
struct PaymentDetails
{
    Outcome outcome;
    QString saleTransactionId;
    QDateTime saleTimestamp;
    QString poiTransactionId; // set for every payment the terminal started
    QDateTime poiTimestamp;
    Core::Money authorizedAmount; // Success
    QString currency = QStringLiteral("EUR");
    QString maskedPan;
    QString paymentBrand;
    QString approvalCode;
};
QJsonObject paymentResponseBody(const PaymentDetails &details);

struct ReversalDetails
{
    Outcome outcome;
    QString poiTransactionId; // the reversal's own transaction (Success)
    QDateTime poiTimestamp;
    Core::Money reversedAmount; // Success
};
QJsonObject reversalResponseBody(const ReversalDetails &details);

/// {"SaleToPOIResponse": {"MessageHeader": header, "<Category>Response": body}}.
QByteArray response(const Header &header, const QJsonObject &body);
/// A TransactionStatusResponse repeating the stored original message (its header and its
/// "<Category>Response" body) on success.
QJsonObject transactionStatusResponseBody(const Outcome &outcome,
    const QString &referencedServiceId, const QString &saleId,
    const std::optional<QJsonObject> &repeatedHeader, const QJsonObject &repeatedBody,
    Category repeatedCategory);

/// The request's header turned into the response's (same ServiceID, SaleID, POIID).
Header responseHeader(const Header &requestHeader);

} // namespace Toonbank::Devices::Nexo
