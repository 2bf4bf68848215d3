#include "nexo.h"

#include "app/core/tr.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QUuid>

#include <cmath>

namespace Toonbank::Devices::Nexo {

namespace {

constexpr qint64 maxAmountCents = 999999999; // 9,999,999.99

const QString kSaleToPoiRequest = QStringLiteral("SaleToPOIRequest");
const QString kSaleToPoiResponse = QStringLiteral("SaleToPOIResponse");
const QString kMessageHeader = QStringLiteral("MessageHeader");

Core::Error parseError(const QString &detail)
{
    return Core::Error::make(QStringLiteral("nexo.invalid"),
        Core::Tr::tr("The payment terminal sent a message the till cannot read."), detail);
}

/// Reads required and optional fields, remembering the first problem with its JSON path.
class Reader
{
public:
    bool failed() const { return !m_error.isEmpty(); }
    const QString &error() const { return m_error; }
    void fail(const QString &detail)
    {
        if (m_error.isEmpty())
            m_error = detail;
    }

    QJsonObject object(
        const QJsonObject &parent, const QString &key, const QString &path, bool required = true)
    {
        const QJsonValue value = parent.value(key);
        if (value.isObject())
            return value.toObject();
        if (required || !value.isUndefined())
            fail(value.isUndefined() ? QStringLiteral("missing %1").arg(join(path, key))
                                     : QStringLiteral("%1 is not an object").arg(join(path, key)));
        return {};
    }

    QString string(
        const QJsonObject &parent, const QString &key, const QString &path, bool required = true)
    {
        const QJsonValue value = parent.value(key);
        if (value.isString() && (!required || !value.toString().isEmpty()))
            return value.toString();
        if (value.isString())
            fail(QStringLiteral("%1 is empty").arg(join(path, key)));
        else if (required || !value.isUndefined())
            fail(value.isUndefined() ? QStringLiteral("missing %1").arg(join(path, key))
                                     : QStringLiteral("%1 is not a string").arg(join(path, key)));
        return {};
    }

    Core::Money amount(const QJsonObject &parent, const QString &key, const QString &path)
    {
        const QJsonValue value = parent.value(key);
        if (value.isUndefined()) {
            fail(QStringLiteral("missing %1").arg(join(path, key)));
            return {};
        }
        const auto amount = amountFromJson(value);
        if (!amount) {
            fail(QStringLiteral("%1: %2").arg(join(path, key), amount.error().detail));
            return {};
        }
        return *amount;
    }

    QDateTime timestamp(
        const QJsonObject &parent, const QString &key, const QString &path, bool required = true)
    {
        const QJsonValue value = parent.value(key);
        if (value.isUndefined() && !required)
            return {};
        const auto time = timestampFromJson(value);
        if (!time) {
            fail(value.isUndefined()
                    ? QStringLiteral("missing %1").arg(join(path, key))
                    : QStringLiteral("%1 is not an ISO date and time").arg(join(path, key)));
            return {};
        }
        return *time;
    }

    static QString join(const QString &path, const QString &key)
    {
        return path.isEmpty() ? key : path + QLatin1Char('.') + key;
    }

private:
    QString m_error;
};

std::optional<QJsonObject> envelope(const QByteArray &body, const QString &key, QString *detail)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        *detail = QStringLiteral("not JSON (%1 at offset %2): %3")
                      .arg(error.errorString())
                      .arg(error.offset)
                      .arg(QString::fromUtf8(body.left(80)));
        return std::nullopt;
    }
    if (!document.isObject() || !document.object().value(key).isObject()) {
        *detail = QStringLiteral("not a %1 message").arg(key);
        return std::nullopt;
    }
    return document.object().value(key).toObject();
}

QString bodyKey(Category category, bool response)
{
    return name(category) + (response ? QStringLiteral("Response") : QStringLiteral("Request"));
}

QByteArray requestDocument(const Header &header, const QJsonObject &body)
{
    Header h = header;
    h.response = false;
    return QJsonDocument(QJsonObject { { kSaleToPoiRequest,
                             QJsonObject { { kMessageHeader, headerToJson(h) },
                                 { bodyKey(h.category, false), body } } } })
        .toJson(QJsonDocument::Compact);
}

QJsonObject messageReference(Category category, const QString &serviceId, const QString &saleId)
{
    QJsonObject reference { { QStringLiteral("MessageCategory"), name(category) },
        { QStringLiteral("ServiceID"), serviceId } };
    if (!saleId.isEmpty())
        reference.insert(QStringLiteral("SaleID"), saleId);
    return reference;
}

QJsonObject transactionId(const QString &id, const QDateTime &time)
{
    return { { QStringLiteral("TransactionID"), id },
        { QStringLiteral("TimeStamp"), timestampToJson(time) } };
}

/// The response envelope checked against what was asked: category, ServiceID, SaleID.
/// Returns the "<Category>Response" body.
std::optional<QJsonObject> responseBody(
    const QByteArray &body, Category category, const Expected &expected, QString *detail)
{
    const auto top = envelope(body, kSaleToPoiResponse, detail);
    if (!top)
        return std::nullopt;
    const auto header = headerFromJson(top->value(kMessageHeader));
    if (!header) {
        *detail = header.error().detail;
        return std::nullopt;
    }
    if (!header->response) {
        *detail = QStringLiteral("MessageHeader.MessageType is Request in a response");
        return std::nullopt;
    }
    if (header->category != category) {
        *detail = QStringLiteral("answer of category %1 to a %2 request")
                      .arg(name(header->category), name(category));
        return std::nullopt;
    }
    if (header->serviceId != expected.serviceId) {
        *detail = QStringLiteral("answer for ServiceID %1, asked %2")
                      .arg(header->serviceId, expected.serviceId);
        return std::nullopt;
    }
    if (!expected.saleId.isEmpty() && header->saleId != expected.saleId) {
        *detail = QStringLiteral("answer for SaleID %1, we are %2")
                      .arg(header->saleId, expected.saleId);
        return std::nullopt;
    }
    const QString key = bodyKey(category, true);
    const QJsonValue value = top->value(key);
    if (!value.isObject()) {
        *detail = QStringLiteral("missing %1").arg(key);
        return std::nullopt;
    }
    return value.toObject();
}

std::optional<Outcome> readOutcome(Reader &reader, const QJsonObject &body, const QString &path)
{
    const QJsonObject response = reader.object(body, QStringLiteral("Response"), path);
    const QString responsePath = Reader::join(path, QStringLiteral("Response"));
    const QString result = reader.string(response, QStringLiteral("Result"), responsePath);
    Outcome outcome;
    outcome.errorCondition
        = reader.string(response, QStringLiteral("ErrorCondition"), responsePath, false);
    outcome.additionalResponse
        = reader.string(response, QStringLiteral("AdditionalResponse"), responsePath, false);
    if (reader.failed())
        return std::nullopt;
    if (result == QLatin1String("Success") || result == QLatin1String("Partial"))
        outcome.success = true;
    else if (result != QLatin1String("Failure")) {
        reader.fail(QStringLiteral("%1.Result is %2, not Success, Partial or Failure")
                        .arg(responsePath, result));
        return std::nullopt;
    }
    return outcome;
}

/// A failed payment or reversal: the terminal did not take (or give back) the money.
TerminalOutcome failureOutcome(const QString &errorCondition)
{
    if (errorCondition == QLatin1String("Aborted") || errorCondition == QLatin1String("Cancel"))
        return TerminalOutcome::Cancelled;
    if (errorCondition == QLatin1String("Busy"))
        return TerminalOutcome::Busy;
    return TerminalOutcome::Declined; // Refusal, WrongPIN, NotAllowed, PaymentRestriction, …
}

CardPaymentResult invalidPayment(const QString &serviceId, const QString &detail)
{
    CardPaymentResult result;
    result.serviceId = serviceId;
    result.outcome = TerminalOutcome::Invalid;
    result.message = detail;
    return result;
}

CardPaymentResult readPaymentBody(
    const QJsonObject &body, const QString &serviceId, const QString &path)
{
    Reader reader;
    const auto outcome = readOutcome(reader, body, path);
    if (!outcome)
        return invalidPayment(serviceId, reader.error());
    CardPaymentResult result;
    result.serviceId = serviceId;
    result.errorCondition = outcome->errorCondition;
    result.message = outcome->additionalResponse;
    if (!outcome->success) {
        result.outcome = failureOutcome(outcome->errorCondition);
        return result;
    }
    const QString poiPath = Reader::join(path, QStringLiteral("POIData.POITransactionID"));
    const QJsonObject poiId = reader.object(reader.object(body, QStringLiteral("POIData"), path),
        QStringLiteral("POITransactionID"), Reader::join(path, QStringLiteral("POIData")));
    result.poiTransactionId = reader.string(poiId, QStringLiteral("TransactionID"), poiPath);
    result.poiTimestamp = reader.timestamp(poiId, QStringLiteral("TimeStamp"), poiPath);
    const QString resultPath = Reader::join(path, QStringLiteral("PaymentResult"));
    const QJsonObject paymentResult = reader.object(body, QStringLiteral("PaymentResult"), path);
    const QJsonObject amounts
        = reader.object(paymentResult, QStringLiteral("AmountsResp"), resultPath);
    result.amount = reader.amount(amounts, QStringLiteral("AuthorizedAmount"),
        Reader::join(resultPath, QStringLiteral("AmountsResp")));
    const QJsonObject instrument
        = reader.object(paymentResult, QStringLiteral("PaymentInstrumentData"), resultPath, false);
    const QJsonObject card = reader.object(instrument, QStringLiteral("CardData"),
        Reader::join(resultPath, QStringLiteral("PaymentInstrumentData")), false);
    const QString cardPath
        = Reader::join(resultPath, QStringLiteral("PaymentInstrumentData.CardData"));
    result.maskedPan = reader.string(card, QStringLiteral("MaskedPan"), cardPath, false);
    result.cardBrand = reader.string(card, QStringLiteral("PaymentBrand"), cardPath, false);
    const QJsonObject acquirer
        = reader.object(paymentResult, QStringLiteral("PaymentAcquirerData"), resultPath, false);
    result.authCode = reader.string(acquirer, QStringLiteral("ApprovalCode"),
        Reader::join(resultPath, QStringLiteral("PaymentAcquirerData")), false);
    if (reader.failed())
        return invalidPayment(serviceId, reader.error());
    if (result.amount.isZero())
        return invalidPayment(serviceId, QStringLiteral("approved with AuthorizedAmount 0"));
    result.outcome = TerminalOutcome::Approved;
    return result;
}

} // namespace

QString name(Category category)
{
    switch (category) {
    case Category::Payment:
        return QStringLiteral("Payment");
    case Category::Abort:
        return QStringLiteral("Abort");
    case Category::TransactionStatus:
        return QStringLiteral("TransactionStatus");
    case Category::Reversal:
        return QStringLiteral("Reversal");
    }
    return {};
}

std::optional<Category> categoryFromName(const QString &text)
{
    for (Category c :
        { Category::Payment, Category::Abort, Category::TransactionStatus, Category::Reversal })
        if (name(c) == text)
            return c;
    return std::nullopt;
}

QJsonObject headerToJson(const Header &header)
{
    return { { QStringLiteral("ProtocolVersion"), QLatin1String(protocolVersion) },
        { QStringLiteral("MessageClass"), header.messageClass },
        { QStringLiteral("MessageCategory"), name(header.category) },
        { QStringLiteral("MessageType"),
            header.response ? QStringLiteral("Response") : QStringLiteral("Request") },
        { QStringLiteral("ServiceID"), header.serviceId },
        { QStringLiteral("SaleID"), header.saleId }, { QStringLiteral("POIID"), header.poiId } };
}

Core::Result<Header> headerFromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return parseError(value.isUndefined() ? QStringLiteral("missing MessageHeader")
                                              : QStringLiteral("MessageHeader is not an object"));
    const QJsonObject object = value.toObject();
    Reader reader;
    const QString path = kMessageHeader;
    Header header;
    header.messageClass = reader.string(object, QStringLiteral("MessageClass"), path);
    const QString category = reader.string(object, QStringLiteral("MessageCategory"), path);
    const QString type = reader.string(object, QStringLiteral("MessageType"), path);
    header.serviceId = reader.string(object, QStringLiteral("ServiceID"), path);
    header.saleId = reader.string(object, QStringLiteral("SaleID"), path);
    header.poiId = reader.string(object, QStringLiteral("POIID"), path);
    reader.string(object, QStringLiteral("ProtocolVersion"), path, false);
    if (reader.failed())
        return parseError(reader.error());
    if (header.messageClass != QLatin1String("Service")
        && header.messageClass != QLatin1String("Device"))
        return parseError(QStringLiteral("MessageHeader.MessageClass %1 is not Service or Device")
                              .arg(header.messageClass));
    const auto known = categoryFromName(category);
    if (!known)
        return parseError(
            QStringLiteral("MessageHeader.MessageCategory %1 is not supported").arg(category));
    header.category = *known;
    if (type != QLatin1String("Request") && type != QLatin1String("Response"))
        return parseError(
            QStringLiteral("MessageHeader.MessageType %1 is not Request or Response").arg(type));
    header.response = type == QLatin1String("Response");
    if (header.serviceId.size() > 10)
        return parseError(QStringLiteral("MessageHeader.ServiceID %1 is longer than 10 characters")
                              .arg(header.serviceId));
    return header;
}

QJsonValue amountToJson(Core::Money amount)
{
    // cents / 100.0 is the double nearest to the decimal amount, which JSON writes shortest
    // ("12.5", "0.3"), and which amountFromJson turns back into the same cents.
    return QJsonValue(double(amount.cents()) / 100.0);
}

Core::Result<Core::Money> amountFromJson(const QJsonValue &value)
{
    if (!value.isDouble())
        return parseError(QStringLiteral("the amount is not a number"));
    const double amount = value.toDouble();
    if (!std::isfinite(amount))
        return parseError(QStringLiteral("the amount is not finite"));
    if (amount < 0)
        return parseError(QStringLiteral("the amount %1 is negative").arg(amount));
    if (amount > double(maxAmountCents) / 100.0 + 0.001)
        return parseError(QStringLiteral("the amount %1 is too large").arg(amount));
    const double cents = amount * 100.0;
    const double rounded = std::round(cents);
    // Binary noise (0.1 + 0.2 = 0.30000000000000004) is far below a millionth of a cent; a
    // third decimal is at least a tenth of a cent.
    if (std::fabs(cents - rounded) > 1e-6)
        return parseError(QStringLiteral("the amount %1 has more than two decimals")
                              .arg(QString::number(amount, 'g', 17)));
    return Core::Money::fromCents(qint64(rounded));
}

QString timestampToJson(const QDateTime &utc)
{
    return utc.toUTC().toString(Qt::ISODateWithMs);
}

std::optional<QDateTime> timestampFromJson(const QJsonValue &value)
{
    if (!value.isString())
        return std::nullopt;
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(value.toString(), Qt::ISODate);
    if (!time.isValid())
        return std::nullopt;
    return time.toUTC();
}

QString newServiceId()
{
    return QUuid::createUuid().toString(QUuid::Id128).left(10);
}

QByteArray paymentRequest(
    const Header &header, const CardPaymentRequest &request, const QDateTime &saleTimestampUtc)
{
    Header h = header;
    h.category = Category::Payment;
    h.serviceId = request.serviceId;
    const QJsonObject body {
        { QStringLiteral("SaleData"),
            QJsonObject { { QStringLiteral("SaleTransactionID"),
                transactionId(request.saleTransactionId, saleTimestampUtc) } } },
        { QStringLiteral("PaymentTransaction"),
            QJsonObject { { QStringLiteral("AmountsReq"),
                QJsonObject { { QStringLiteral("Currency"), request.currency },
                    { QStringLiteral("RequestedAmount"), amountToJson(request.amount) } } } } },
    };
    return requestDocument(h, body);
}

QByteArray abortRequest(const Header &header, const QString &paymentServiceId)
{
    Header h = header;
    h.category = Category::Abort;
    const QJsonObject body {
        { QStringLiteral("MessageReference"),
            messageReference(Category::Payment, paymentServiceId, header.saleId) },
        { QStringLiteral("AbortReason"), QStringLiteral("MerchantAbort") },
    };
    return requestDocument(h, body);
}

QByteArray transactionStatusRequest(const Header &header, const QString &paymentServiceId)
{
    Header h = header;
    h.category = Category::TransactionStatus;
    const QJsonObject body {
        { QStringLiteral("MessageReference"),
            messageReference(Category::Payment, paymentServiceId, header.saleId) },
    };
    return requestDocument(h, body);
}

QByteArray reversalRequest(const Header &header, const ReversalRequest &request)
{
    Header h = header;
    h.category = Category::Reversal;
    h.serviceId = request.serviceId;
    QJsonObject original { { QStringLiteral("TransactionID"), request.originalPoiTransactionId } };
    if (request.originalTimestamp.isValid())
        original.insert(QStringLiteral("TimeStamp"), timestampToJson(request.originalTimestamp));
    const QJsonObject body {
        { QStringLiteral("OriginalPOITransaction"),
            QJsonObject { { QStringLiteral("POITransactionID"), original } } },
        { QStringLiteral("ReversalReason"), request.reason },
        { QStringLiteral("ReversedAmount"), amountToJson(request.amount) },
    };
    return requestDocument(h, body);
}

CardPaymentResult parsePaymentResponse(const QByteArray &body, const Expected &expected)
{
    QString detail;
    const auto payment = responseBody(body, Category::Payment, expected, &detail);
    if (!payment)
        return invalidPayment(expected.serviceId, detail);
    return readPaymentBody(*payment, expected.serviceId, QStringLiteral("PaymentResponse"));
}

CardPaymentResult parseTransactionStatusResponse(
    const QByteArray &body, const Expected &expected, const QString &paymentServiceId)
{
    QString detail;
    const auto status = responseBody(body, Category::TransactionStatus, expected, &detail);
    if (!status)
        return invalidPayment(paymentServiceId, detail);
    const QString path = QStringLiteral("TransactionStatusResponse");
    Reader reader;
    const auto outcome = readOutcome(reader, *status, path);
    const QJsonObject reference
        = reader.object(*status, QStringLiteral("MessageReference"), path, false);
    const QString referenced = reader.string(reference, QStringLiteral("ServiceID"),
        Reader::join(path, QStringLiteral("MessageReference")), false);
    if (!outcome || reader.failed())
        return invalidPayment(paymentServiceId, reader.error());
    if (!referenced.isEmpty() && referenced != paymentServiceId)
        return invalidPayment(paymentServiceId,
            QStringLiteral("status of ServiceID %1, asked %2").arg(referenced, paymentServiceId));
    if (!outcome->success) {
        CardPaymentResult result;
        result.serviceId = paymentServiceId;
        result.errorCondition = outcome->errorCondition;
        result.message = outcome->additionalResponse;
        if (outcome->errorCondition == QLatin1String("InProgress"))
            result.outcome = TerminalOutcome::InProgress;
        else if (outcome->errorCondition == QLatin1String("NotFound"))
            result.outcome = TerminalOutcome::NotFound;
        else {
            result.outcome = TerminalOutcome::Invalid;
            result.message = QStringLiteral("status failed with %1: %2")
                                 .arg(outcome->errorCondition, outcome->additionalResponse);
        }
        return result;
    }
    if (referenced.isEmpty())
        return invalidPayment(
            paymentServiceId, QStringLiteral("missing %1.MessageReference.ServiceID").arg(path));
    const QJsonObject repeated
        = reader.object(*status, QStringLiteral("RepeatedMessageResponse"), path);
    const QString repeatedPath = Reader::join(path, QStringLiteral("RepeatedMessageResponse"));
    if (reader.failed())
        return invalidPayment(paymentServiceId, reader.error());
    const auto header = headerFromJson(repeated.value(kMessageHeader));
    if (!header)
        return invalidPayment(
            paymentServiceId, QStringLiteral("%1: %2").arg(repeatedPath, header.error().detail));
    if (header->category == Category::Reversal && header->serviceId == paymentServiceId) {
        // The status of a reversal (a return's card refund whose answer was lost): the
        // repeated ReversalResponse, as a result whose poiTransactionId is the reversal's own.
        const QJsonObject repeatedBody
            = reader.object(repeated, QStringLiteral("RepeatedResponseMessageBody"), repeatedPath);
        const QString bodyPath
            = Reader::join(repeatedPath, QStringLiteral("RepeatedResponseMessageBody"));
        const QJsonObject reversal
            = reader.object(repeatedBody, QStringLiteral("ReversalResponse"), bodyPath);
        const QString reversalPath = Reader::join(bodyPath, QStringLiteral("ReversalResponse"));
        const auto reversed
            = reader.failed() ? std::nullopt : readOutcome(reader, reversal, reversalPath);
        if (!reversed || reader.failed())
            return invalidPayment(paymentServiceId, reader.error());
        CardPaymentResult result;
        result.serviceId = paymentServiceId;
        result.errorCondition = reversed->errorCondition;
        result.message = reversed->additionalResponse;
        if (!reversed->success) {
            result.outcome = failureOutcome(reversed->errorCondition);
            return result;
        }
        const QJsonObject poiId
            = reader.object(reader.object(reversal, QStringLiteral("POIData"), reversalPath),
                QStringLiteral("POITransactionID"),
                Reader::join(reversalPath, QStringLiteral("POIData")));
        result.poiTransactionId = reader.string(poiId, QStringLiteral("TransactionID"),
            Reader::join(reversalPath, QStringLiteral("POIData.POITransactionID")));
        if (reversal.contains(QStringLiteral("ReversedAmount")))
            result.amount = reader.amount(reversal, QStringLiteral("ReversedAmount"), reversalPath);
        if (reader.failed())
            return invalidPayment(paymentServiceId, reader.error());
        result.outcome = TerminalOutcome::Approved;
        return result;
    }
    if (header->category != Category::Payment || header->serviceId != paymentServiceId)
        return invalidPayment(paymentServiceId,
            QStringLiteral("repeated %1 for ServiceID %2, asked Payment %3")
                .arg(name(header->category), header->serviceId, paymentServiceId));
    const QJsonObject repeatedBody
        = reader.object(repeated, QStringLiteral("RepeatedResponseMessageBody"), repeatedPath);
    const QString bodyPath
        = Reader::join(repeatedPath, QStringLiteral("RepeatedResponseMessageBody"));
    const QJsonObject payment
        = reader.object(repeatedBody, QStringLiteral("PaymentResponse"), bodyPath);
    if (reader.failed())
        return invalidPayment(paymentServiceId, reader.error());
    return readPaymentBody(
        payment, paymentServiceId, Reader::join(bodyPath, QStringLiteral("PaymentResponse")));
}

ReversalResult parseReversalResponse(const QByteArray &body, const Expected &expected)
{
    ReversalResult result;
    result.serviceId = expected.serviceId;
    QString detail;
    const auto reversal = responseBody(body, Category::Reversal, expected, &detail);
    if (!reversal) {
        result.message = detail;
        return result;
    }
    const QString path = QStringLiteral("ReversalResponse");
    Reader reader;
    const auto outcome = readOutcome(reader, *reversal, path);
    if (!outcome) {
        result.message = reader.error();
        return result;
    }
    result.errorCondition = outcome->errorCondition;
    result.message = outcome->additionalResponse;
    if (!outcome->success) {
        result.outcome = failureOutcome(outcome->errorCondition);
        return result;
    }
    const QJsonObject poiId
        = reader.object(reader.object(*reversal, QStringLiteral("POIData"), path),
            QStringLiteral("POITransactionID"), Reader::join(path, QStringLiteral("POIData")));
    result.poiTransactionId = reader.string(poiId, QStringLiteral("TransactionID"),
        Reader::join(path, QStringLiteral("POIData.POITransactionID")));
    if (reversal->contains(QStringLiteral("ReversedAmount")))
        result.amount = reader.amount(*reversal, QStringLiteral("ReversedAmount"), path);
    if (reader.failed()) {
        result.errorCondition.clear();
        result.message = reader.error();
        return result;
    }
    result.outcome = TerminalOutcome::Approved;
    return result;
}

Core::Result<Request> parseRequest(const QByteArray &body)
{
    QString detail;
    const auto top = envelope(body, kSaleToPoiRequest, &detail);
    if (!top)
        return parseError(detail);
    auto header = headerFromJson(top->value(kMessageHeader));
    if (!header)
        return header.error();
    if (header->response)
        return parseError(QStringLiteral("MessageHeader.MessageType is Response in a request"));
    Request request;
    request.header = *header;
    const QString key = bodyKey(request.header.category, false);
    Reader reader;
    const QJsonObject object = reader.object(*top, key, {});
    if (reader.failed())
        return parseError(reader.error());
    switch (request.header.category) {
    case Category::Payment: {
        const QString salePath = key + QStringLiteral(".SaleData.SaleTransactionID");
        const QJsonObject sale
            = reader.object(reader.object(object, QStringLiteral("SaleData"), key),
                QStringLiteral("SaleTransactionID"), key + QStringLiteral(".SaleData"));
        request.saleTransactionId = reader.string(sale, QStringLiteral("TransactionID"), salePath);
        request.saleTimestamp = reader.timestamp(sale, QStringLiteral("TimeStamp"), salePath);
        const QString amountsPath = key + QStringLiteral(".PaymentTransaction.AmountsReq");
        const QJsonObject amounts
            = reader.object(reader.object(object, QStringLiteral("PaymentTransaction"), key),
                QStringLiteral("AmountsReq"), key + QStringLiteral(".PaymentTransaction"));
        request.currency = reader.string(amounts, QStringLiteral("Currency"), amountsPath);
        request.amount = reader.amount(amounts, QStringLiteral("RequestedAmount"), amountsPath);
        request.amountGiven = true;
        if (!reader.failed() && request.amount.isZero())
            reader.fail(amountsPath + QStringLiteral(".RequestedAmount is zero"));
        break;
    }
    case Category::Abort:
    case Category::TransactionStatus: {
        const QString referencePath = key + QStringLiteral(".MessageReference");
        const QJsonObject reference
            = reader.object(object, QStringLiteral("MessageReference"), key);
        request.referencedServiceId
            = reader.string(reference, QStringLiteral("ServiceID"), referencePath);
        const QString category
            = reader.string(reference, QStringLiteral("MessageCategory"), referencePath, false);
        if (!category.isEmpty()) {
            const auto known = categoryFromName(category);
            if (!known)
                reader.fail(QStringLiteral("%1.MessageCategory %2 is not supported")
                                .arg(referencePath, category));
            else
                request.referencedCategory = *known;
        }
        break;
    }
    case Category::Reversal: {
        const QString originalPath
            = key + QStringLiteral(".OriginalPOITransaction.POITransactionID");
        const QJsonObject original = reader.object(
            reader.object(object, QStringLiteral("OriginalPOITransaction"), key),
            QStringLiteral("POITransactionID"), key + QStringLiteral(".OriginalPOITransaction"));
        request.originalPoiTransactionId
            = reader.string(original, QStringLiteral("TransactionID"), originalPath);
        request.originalTimestamp
            = reader.timestamp(original, QStringLiteral("TimeStamp"), originalPath, false);
        request.reversalReason = reader.string(object, QStringLiteral("ReversalReason"), key);
        if (object.contains(QStringLiteral("ReversedAmount"))) {
            request.amount = reader.amount(object, QStringLiteral("ReversedAmount"), key);
            request.amountGiven = true;
            if (!reader.failed() && request.amount.isZero())
                reader.fail(key + QStringLiteral(".ReversedAmount is zero"));
        }
        break;
    }
    }
    if (reader.failed())
        return parseError(reader.error());
    return request;
}

QJsonObject responseToJson(const Outcome &outcome)
{
    QJsonObject response { { QStringLiteral("Result"),
        outcome.success ? QStringLiteral("Success") : QStringLiteral("Failure") } };
    if (!outcome.success && !outcome.errorCondition.isEmpty())
        response.insert(QStringLiteral("ErrorCondition"), outcome.errorCondition);
    if (!outcome.additionalResponse.isEmpty())
        response.insert(QStringLiteral("AdditionalResponse"), outcome.additionalResponse);
    return response;
}

QJsonObject paymentResponseBody(const PaymentDetails &details)
{
    QJsonObject body { { QStringLiteral("Response"), responseToJson(details.outcome) } };
    if (!details.saleTransactionId.isEmpty())
        body.insert(QStringLiteral("SaleData"),
            QJsonObject { { QStringLiteral("SaleTransactionID"),
                transactionId(details.saleTransactionId, details.saleTimestamp) } });
    if (!details.poiTransactionId.isEmpty())
        body.insert(QStringLiteral("POIData"),
            QJsonObject { { QStringLiteral("POITransactionID"),
                transactionId(details.poiTransactionId, details.poiTimestamp) } });
    if (details.outcome.success) {
        QJsonObject card;
        if (!details.maskedPan.isEmpty())
            card.insert(QStringLiteral("MaskedPan"), details.maskedPan);
        if (!details.paymentBrand.isEmpty())
            card.insert(QStringLiteral("PaymentBrand"), details.paymentBrand);
        QJsonObject result {
            { QStringLiteral("AmountsResp"),
                QJsonObject { { QStringLiteral("Currency"), details.currency },
                    { QStringLiteral("AuthorizedAmount"),
                        amountToJson(details.authorizedAmount) } } },
            { QStringLiteral("PaymentInstrumentData"),
                QJsonObject { { QStringLiteral("PaymentInstrumentType"), QStringLiteral("Card") },
                    { QStringLiteral("CardData"), card } } },
        };
        if (!details.approvalCode.isEmpty())
            result.insert(QStringLiteral("PaymentAcquirerData"),
                QJsonObject { { QStringLiteral("ApprovalCode"), details.approvalCode } });
        body.insert(QStringLiteral("PaymentResult"), result);
    }
    return body;
}

QJsonObject reversalResponseBody(const ReversalDetails &details)
{
    QJsonObject body { { QStringLiteral("Response"), responseToJson(details.outcome) } };
    if (details.outcome.success) {
        body.insert(QStringLiteral("POIData"),
            QJsonObject { { QStringLiteral("POITransactionID"),
                transactionId(details.poiTransactionId, details.poiTimestamp) } });
        body.insert(QStringLiteral("ReversedAmount"), amountToJson(details.reversedAmount));
    }
    return body;
}

QByteArray response(const Header &header, const QJsonObject &body)
{
    Header h = header;
    h.response = true;
    return QJsonDocument(QJsonObject { { kSaleToPoiResponse,
                             QJsonObject { { kMessageHeader, headerToJson(h) },
                                 { bodyKey(h.category, true), body } } } })
        .toJson(QJsonDocument::Compact);
}

QJsonObject transactionStatusResponseBody(const Outcome &outcome,
    const QString &referencedServiceId, const QString &saleId,
    const std::optional<QJsonObject> &repeatedHeader, const QJsonObject &repeatedBody,
    Category repeatedCategory)
{
    QJsonObject body { { QStringLiteral("Response"), responseToJson(outcome) },
        { QStringLiteral("MessageReference"),
            messageReference(repeatedCategory, referencedServiceId, saleId) } };
    if (outcome.success && repeatedHeader)
        body.insert(QStringLiteral("RepeatedMessageResponse"),
            QJsonObject { { kMessageHeader, *repeatedHeader },
                { QStringLiteral("RepeatedResponseMessageBody"),
                    QJsonObject { { bodyKey(repeatedCategory, true), repeatedBody } } } });
    return body;
}

Header responseHeader(const Header &requestHeader)
{
    Header header = requestHeader;
    header.response = true;
    return header;
}

} // namespace Toonbank::Devices::Nexo
