#include "app/devices/nexo.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

Q_DECLARE_METATYPE(Toonbank::Devices::TerminalOutcome)

using namespace Toonbank;
using namespace Toonbank::Devices;
using Core::Money;

namespace {

const QString paymentId = QStringLiteral("PAY0000001");
const QString statusId = QStringLiteral("STA0000001");
const QString reversalId = QStringLiteral("REV0000001");
const QString saleId = QStringLiteral("AMS01-T1");
const QString poiId = QStringLiteral("SIM-0001");
const QDateTime poiTime(QDate(2026, 11, 29), QTime(7, 30, 0, 123), Qt::UTC);

Nexo::Header header(Nexo::Category category, const QString &serviceId)
{
    Nexo::Header h;
    h.category = category;
    h.serviceId = serviceId;
    h.saleId = saleId;
    h.poiId = poiId;
    return h;
}

QJsonObject parse(const QByteArray &bytes)
{
    return QJsonDocument::fromJson(bytes).object();
}

QByteArray bytes(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

/// `object` with the value at `path` ("A.B.C") replaced; an undefined value removes it.
QJsonObject with(QJsonObject object, const QString &path, const QJsonValue &value)
{
    const qsizetype dot = path.indexOf(QLatin1Char('.'));
    if (dot < 0) {
        if (value.isUndefined())
            object.remove(path);
        else
            object.insert(path, value);
        return object;
    }
    const QString key = path.left(dot);
    object.insert(key, with(object.value(key).toObject(), path.mid(dot + 1), value));
    return object;
}

Nexo::PaymentDetails approvedDetails()
{
    Nexo::PaymentDetails details;
    details.outcome = { true, {}, {} };
    details.saleTransactionId = QStringLiteral("sale-1");
    details.saleTimestamp = poiTime;
    details.poiTransactionId = QStringLiteral("SIM-0001-000042");
    details.poiTimestamp = poiTime;
    details.authorizedAmount = Money::fromCents(1250);
    details.maskedPan = QStringLiteral("**** **** **** 4242");
    details.paymentBrand = QStringLiteral("VISA");
    details.approvalCode = QStringLiteral("123456");
    return details;
}

QJsonObject approvedPayment()
{
    return parse(Nexo::response(
        header(Nexo::Category::Payment, paymentId), Nexo::paymentResponseBody(approvedDetails())));
}

QJsonObject failedPayment(const QString &condition)
{
    Nexo::PaymentDetails details;
    details.outcome = { false, condition, QStringLiteral("because") };
    return parse(Nexo::response(
        header(Nexo::Category::Payment, paymentId), Nexo::paymentResponseBody(details)));
}

QJsonObject statusAnswer(const Nexo::Outcome &outcome, const QString &referenced)
{
    const QJsonObject original
        = approvedPayment().value(QStringLiteral("SaleToPOIResponse")).toObject();
    return parse(Nexo::response(header(Nexo::Category::TransactionStatus, statusId),
        Nexo::transactionStatusResponseBody(outcome, referenced, saleId,
            original.value(QStringLiteral("MessageHeader")).toObject(),
            original.value(QStringLiteral("PaymentResponse")).toObject(),
            Nexo::Category::Payment)));
}

QJsonObject reversalAnswer(bool success)
{
    Nexo::ReversalDetails details;
    details.outcome = success
        ? Nexo::Outcome { true, {}, {} }
        : Nexo::Outcome { false, QStringLiteral("Refusal"), QStringLiteral("only 100 cents left") };
    details.poiTransactionId = QStringLiteral("SIM-0001-000043");
    details.poiTimestamp = poiTime;
    details.reversedAmount = Money::fromCents(400);
    return parse(Nexo::response(
        header(Nexo::Category::Reversal, reversalId), Nexo::reversalResponseBody(details)));
}

const QString pr = QStringLiteral("SaleToPOIResponse.PaymentResponse.");
const QString hd = QStringLiteral("SaleToPOIResponse.MessageHeader.");

} // namespace

/// The nexo Sale-to-POI JSON model: what the till sends, and how strictly it reads answers.
class TestNexo final : public QObject
{
    Q_OBJECT

private slots:
    void amountsAreExactCents_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<qint64>("cents"); // -1: refused

        QTest::newRow("12.5") << QByteArray("12.5") << qint64(1250);
        QTest::newRow("19.99") << QByteArray("19.99") << qint64(1999);
        QTest::newRow("0.1") << QByteArray("0.1") << qint64(10);
        QTest::newRow("0.1+0.2 in binary") << QByteArray("0.30000000000000004") << qint64(30);
        QTest::newRow("1.1*1.1 style noise") << QByteArray("1.2100000000000002") << qint64(121);
        QTest::newRow("integer") << QByteArray("7") << qint64(700);
        QTest::newRow("exponent") << QByteArray("1e2") << qint64(10000);
        QTest::newRow("zero") << QByteArray("0") << qint64(0);
        QTest::newRow("largest") << QByteArray("9999999.99") << qint64(999999999);
        QTest::newRow("three decimals") << QByteArray("12.345") << qint64(-1);
        QTest::newRow("1.005") << QByteArray("1.005") << qint64(-1);
        QTest::newRow("a tenth of a cent") << QByteArray("0.001") << qint64(-1);
        QTest::newRow("negative") << QByteArray("-12.5") << qint64(-1);
        QTest::newRow("too large") << QByteArray("10000000") << qint64(-1);
        QTest::newRow("string") << QByteArray("\"12.50\"") << qint64(-1);
        QTest::newRow("null") << QByteArray("null") << qint64(-1);
        QTest::newRow("boolean") << QByteArray("true") << qint64(-1);
    }
    void amountsAreExactCents()
    {
        QFETCH(QByteArray, json);
        QFETCH(qint64, cents);
        const QJsonValue value = QJsonDocument::fromJson("[" + json + "]").array().at(0);
        const auto amount = Nexo::amountFromJson(value);
        if (cents < 0) {
            QVERIFY(!amount.ok());
            QCOMPARE(amount.error().code, QStringLiteral("nexo.invalid"));
            QVERIFY(!amount.error().detail.isEmpty());
        } else {
            QVERIFY2(amount.ok(), qPrintable(amount.ok() ? QString() : amount.error().detail));
            QCOMPARE(amount->cents(), cents);
        }
    }

    void amountsRoundTrip_data()
    {
        QTest::addColumn<qint64>("cents");
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("1 cent") << qint64(1) << QByteArray("0.01");
        QTest::newRow("10 cents") << qint64(10) << QByteArray("0.1");
        QTest::newRow("30 cents") << qint64(30) << QByteArray("0.3");
        QTest::newRow("12.50") << qint64(1250) << QByteArray("12.5");
        QTest::newRow("19.99") << qint64(1999) << QByteArray("19.99");
        QTest::newRow("100.00") << qint64(10000) << QByteArray("100");
        QTest::newRow("1234567.89") << qint64(123456789) << QByteArray("1234567.89");
    }
    void amountsRoundTrip()
    {
        QFETCH(qint64, cents);
        QFETCH(QByteArray, text);
        const QByteArray written
            = QJsonDocument(QJsonArray { Nexo::amountToJson(Money::fromCents(cents)) })
                  .toJson(QJsonDocument::Compact);
        QCOMPARE(written, "[" + text + "]");
        const auto back = Nexo::amountFromJson(QJsonDocument::fromJson(written).array().at(0));
        QVERIFY(back.ok());
        QCOMPARE(back->cents(), cents);
    }

    void paymentRequestCarriesTheHeaderAndAmount()
    {
        CardPaymentRequest request;
        request.serviceId = paymentId;
        request.saleTransactionId = QStringLiteral("sale-1");
        request.amount = Money::fromCents(1250);
        const QByteArray body
            = Nexo::paymentRequest(header(Nexo::Category::Payment, {}), request, poiTime);
        const QJsonObject top = parse(body).value(QStringLiteral("SaleToPOIRequest")).toObject();
        const QJsonObject h = top.value(QStringLiteral("MessageHeader")).toObject();
        QCOMPARE(h.value(QStringLiteral("ProtocolVersion")).toString(), QStringLiteral("3.0"));
        QCOMPARE(h.value(QStringLiteral("MessageClass")).toString(), QStringLiteral("Service"));
        QCOMPARE(h.value(QStringLiteral("MessageCategory")).toString(), QStringLiteral("Payment"));
        QCOMPARE(h.value(QStringLiteral("MessageType")).toString(), QStringLiteral("Request"));
        QCOMPARE(h.value(QStringLiteral("ServiceID")).toString(), paymentId);
        QCOMPARE(h.value(QStringLiteral("SaleID")).toString(), saleId);
        QCOMPARE(h.value(QStringLiteral("POIID")).toString(), poiId);
        QVERIFY(body.contains("\"RequestedAmount\":12.5"));
        QVERIFY(body.contains("\"Currency\":\"EUR\""));

        // The terminal's reading of it.
        const auto parsed = Nexo::parseRequest(body);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->header.category, Nexo::Category::Payment);
        QCOMPARE(parsed->header.serviceId, paymentId);
        QCOMPARE(parsed->saleTransactionId, QStringLiteral("sale-1"));
        QCOMPARE(parsed->saleTimestamp, poiTime);
        QCOMPARE(parsed->amount.cents(), 1250);
        QCOMPARE(parsed->currency, QStringLiteral("EUR"));
    }

    void otherRequestsRoundTrip()
    {
        const auto abort = Nexo::parseRequest(
            Nexo::abortRequest(header(Nexo::Category::Abort, QStringLiteral("ABO1")), paymentId));
        QVERIFY(abort.ok());
        QCOMPARE(abort->header.category, Nexo::Category::Abort);
        QCOMPARE(abort->header.serviceId, QStringLiteral("ABO1"));
        QCOMPARE(abort->referencedServiceId, paymentId);
        QCOMPARE(abort->referencedCategory, Nexo::Category::Payment);

        const auto status = Nexo::parseRequest(Nexo::transactionStatusRequest(
            header(Nexo::Category::TransactionStatus, statusId), paymentId));
        QVERIFY(status.ok());
        QCOMPARE(status->header.category, Nexo::Category::TransactionStatus);
        QCOMPARE(status->header.serviceId, statusId);
        QCOMPARE(status->referencedServiceId, paymentId);

        ReversalRequest reversal;
        reversal.serviceId = reversalId;
        reversal.originalPoiTransactionId = QStringLiteral("SIM-0001-000042");
        reversal.originalTimestamp = poiTime;
        reversal.amount = Money::fromCents(400);
        const QByteArray body
            = Nexo::reversalRequest(header(Nexo::Category::Reversal, {}), reversal);
        QVERIFY(body.contains("\"ReversedAmount\":4"));
        const auto parsed = Nexo::parseRequest(body);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->header.category, Nexo::Category::Reversal);
        QCOMPARE(parsed->header.serviceId, reversalId);
        QCOMPARE(parsed->originalPoiTransactionId, QStringLiteral("SIM-0001-000042"));
        QCOMPARE(parsed->originalTimestamp, poiTime);
        QCOMPARE(parsed->reversalReason, QStringLiteral("MerchantCancel"));
        QVERIFY(parsed->amountGiven);
        QCOMPARE(parsed->amount.cents(), 400);
    }

    void badRequestsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("detail");
        CardPaymentRequest request;
        request.serviceId = paymentId;
        request.saleTransactionId = QStringLiteral("sale-1");
        request.amount = Money::fromCents(1250);
        const QJsonObject good
            = parse(Nexo::paymentRequest(header(Nexo::Category::Payment, {}), request, poiTime));
        const QString amount = QStringLiteral(
            "SaleToPOIRequest.PaymentRequest.PaymentTransaction.AmountsReq.RequestedAmount");
        QTest::newRow("not JSON") << QByteArray("PAY 12.50") << QStringLiteral("not JSON");
        QTest::newRow("a response")
            << bytes(approvedPayment()) << QStringLiteral("not a SaleToPOIRequest");
        QTest::newRow("missing header") << bytes(
            with(good, QStringLiteral("SaleToPOIRequest.MessageHeader"), QJsonValue::Undefined))
                                        << QStringLiteral("missing MessageHeader");
        QTest::newRow("unsupported category") << bytes(
            with(good, QStringLiteral("SaleToPOIRequest.MessageHeader.MessageCategory"),
                QStringLiteral("Login"))) << QStringLiteral("Login is not supported");
        QTest::newRow("MessageType Response") << bytes(
            with(good, QStringLiteral("SaleToPOIRequest.MessageHeader.MessageType"),
                QStringLiteral("Response"))) << QStringLiteral("Response in a request");
        QTest::newRow("ServiceID too long")
            << bytes(with(good, QStringLiteral("SaleToPOIRequest.MessageHeader.ServiceID"),
                   QStringLiteral("12345678901")))
            << QStringLiteral("longer than 10");
        QTest::newRow("negative amount")
            << bytes(with(good, amount, -12.5)) << QStringLiteral("negative");
        QTest::newRow("three decimals")
            << bytes(with(good, amount, 12.505)) << QStringLiteral("more than two decimals");
        QTest::newRow("zero amount") << bytes(with(good, amount, 0)) << QStringLiteral("zero");
        QTest::newRow("amount as text")
            << bytes(with(good, amount, QStringLiteral("12.50"))) << QStringLiteral("not a number");
        QTest::newRow("missing sale transaction") << bytes(
            with(good, QStringLiteral("SaleToPOIRequest.PaymentRequest.SaleData"),
                QJsonValue::Undefined)) << QStringLiteral("missing PaymentRequest.SaleData");
        QTest::newRow("body of another category") << bytes(
            with(good, QStringLiteral("SaleToPOIRequest.MessageHeader.MessageCategory"),
                QStringLiteral("Reversal"))) << QStringLiteral("missing ReversalRequest");
    }
    void badRequestsAreRefused()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, detail);
        const auto parsed = Nexo::parseRequest(body);
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.error().detail.contains(detail), qPrintable(parsed.error().detail));
        QVERIFY(!parsed.error().message.isEmpty());
    }

    void paymentResponses_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<TerminalOutcome>("outcome");
        QTest::addColumn<QString>("detail"); // Invalid: in result.message; else errorCondition
        QTest::addColumn<qint64>("cents");

        const QJsonObject ok = approvedPayment();
        QTest::newRow("approved") << bytes(ok) << TerminalOutcome::Approved << QString()
                                  << qint64(1250);
        QTest::newRow("unknown fields ignored")
            << bytes(with(with(ok, pr + QStringLiteral("Extra.Thing"), 1),
                   hd + QStringLiteral("Vendor"), QStringLiteral("x")))
            << TerminalOutcome::Approved << QString() << qint64(1250);
        QTest::newRow("partial approval") << bytes(
            with(with(ok, pr + QStringLiteral("Response.Result"), QStringLiteral("Partial")),
                pr + QStringLiteral("PaymentResult.AmountsResp.AuthorizedAmount"), 5))
                                          << TerminalOutcome::Approved << QString() << qint64(500);
        QTest::newRow("declined") << bytes(failedPayment(QStringLiteral("Refusal")))
                                  << TerminalOutcome::Declined << QStringLiteral("Refusal")
                                  << qint64(0);
        QTest::newRow("aborted") << bytes(failedPayment(QStringLiteral("Aborted")))
                                 << TerminalOutcome::Cancelled << QStringLiteral("Aborted")
                                 << qint64(0);
        QTest::newRow("customer cancel")
            << bytes(failedPayment(QStringLiteral("Cancel"))) << TerminalOutcome::Cancelled
            << QStringLiteral("Cancel") << qint64(0);
        QTest::newRow("busy") << bytes(failedPayment(QStringLiteral("Busy")))
                              << TerminalOutcome::Busy << QStringLiteral("Busy") << qint64(0);
        QTest::newRow("other failure")
            << bytes(failedPayment(QStringLiteral("NotAllowed"))) << TerminalOutcome::Declined
            << QStringLiteral("NotAllowed") << qint64(0);

        const auto invalid = [](const char *row, const QByteArray &body, const QString &detail) {
            QTest::newRow(row) << body << TerminalOutcome::Invalid << detail << qint64(0);
        };
        invalid("not JSON", QByteArray("<html>\x01 panic"), QStringLiteral("not JSON"));
        invalid("JSON, not nexo", QByteArray("{\"hello\":1}"),
            QStringLiteral("not a SaleToPOIResponse"));
        invalid("an array", QByteArray("[1,2]"), QStringLiteral("not a SaleToPOIResponse"));
        invalid("missing header",
            bytes(
                with(ok, QStringLiteral("SaleToPOIResponse.MessageHeader"), QJsonValue::Undefined)),
            QStringLiteral("missing MessageHeader"));
        invalid("header not an object",
            bytes(with(ok, QStringLiteral("SaleToPOIResponse.MessageHeader"), 7)),
            QStringLiteral("MessageHeader is not an object"));
        invalid("missing ServiceID",
            bytes(with(ok, hd + QStringLiteral("ServiceID"), QJsonValue::Undefined)),
            QStringLiteral("missing MessageHeader.ServiceID"));
        invalid("ServiceID a number", bytes(with(ok, hd + QStringLiteral("ServiceID"), 42)),
            QStringLiteral("MessageHeader.ServiceID is not a string"));
        invalid("wrong category",
            bytes(with(ok, hd + QStringLiteral("MessageCategory"), QStringLiteral("Reversal"))),
            QStringLiteral("category Reversal"));
        invalid("unknown category",
            bytes(with(ok, hd + QStringLiteral("MessageCategory"), QStringLiteral("Login"))),
            QStringLiteral("not supported"));
        invalid("MessageType Request",
            bytes(with(ok, hd + QStringLiteral("MessageType"), QStringLiteral("Request"))),
            QStringLiteral("Request in a response"));
        invalid("another ServiceID",
            bytes(with(ok, hd + QStringLiteral("ServiceID"), QStringLiteral("OTHER00001"))),
            QStringLiteral("answer for ServiceID OTHER00001"));
        invalid("another SaleID",
            bytes(with(ok, hd + QStringLiteral("SaleID"), QStringLiteral("UTR01-T9"))),
            QStringLiteral("SaleID UTR01-T9"));
        invalid("missing body",
            bytes(with(
                ok, QStringLiteral("SaleToPOIResponse.PaymentResponse"), QJsonValue::Undefined)),
            QStringLiteral("missing PaymentResponse"));
        invalid("missing Result",
            bytes(with(ok, pr + QStringLiteral("Response.Result"), QJsonValue::Undefined)),
            QStringLiteral("missing PaymentResponse.Response.Result"));
        invalid("unknown Result",
            bytes(with(ok, pr + QStringLiteral("Response.Result"), QStringLiteral("Maybe"))),
            QStringLiteral("Maybe"));
        invalid("approved without POIData",
            bytes(with(ok, pr + QStringLiteral("POIData"), QJsonValue::Undefined)),
            QStringLiteral("missing PaymentResponse.POIData"));
        invalid("approved with a bad TimeStamp",
            bytes(with(ok, pr + QStringLiteral("POIData.POITransactionID.TimeStamp"),
                QStringLiteral("yesterday"))),
            QStringLiteral("not an ISO date"));
        invalid("approved without AuthorizedAmount",
            bytes(with(ok, pr + QStringLiteral("PaymentResult.AmountsResp.AuthorizedAmount"),
                QJsonValue::Undefined)),
            QStringLiteral("missing PaymentResponse.PaymentResult.AmountsResp.AuthorizedAmount"));
        invalid("negative AuthorizedAmount",
            bytes(
                with(ok, pr + QStringLiteral("PaymentResult.AmountsResp.AuthorizedAmount"), -12.5)),
            QStringLiteral("negative"));
        invalid("three-decimal AuthorizedAmount",
            bytes(with(
                ok, pr + QStringLiteral("PaymentResult.AmountsResp.AuthorizedAmount"), 12.505)),
            QStringLiteral("more than two decimals"));
        invalid("AuthorizedAmount as text",
            bytes(with(ok, pr + QStringLiteral("PaymentResult.AmountsResp.AuthorizedAmount"),
                QStringLiteral("12.50"))),
            QStringLiteral("not a number"));
    }
    void paymentResponses()
    {
        QFETCH(QByteArray, body);
        QFETCH(TerminalOutcome, outcome);
        QFETCH(QString, detail);
        QFETCH(qint64, cents);
        const CardPaymentResult result = Nexo::parsePaymentResponse(body, { paymentId, saleId });
        QVERIFY2(result.outcome == outcome,
            qPrintable(QStringLiteral("%1: %2").arg(name(result.outcome), result.message)));
        QCOMPARE(result.serviceId, paymentId);
        if (outcome == TerminalOutcome::Invalid) {
            QVERIFY2(result.message.contains(detail), qPrintable(result.message));
            return;
        }
        QCOMPARE(result.errorCondition, detail);
        QCOMPARE(result.amount.cents(), cents);
        if (outcome == TerminalOutcome::Approved) {
            QCOMPARE(result.poiTransactionId, QStringLiteral("SIM-0001-000042"));
            QCOMPARE(result.poiTimestamp, poiTime);
            QCOMPARE(result.maskedPan, QStringLiteral("**** **** **** 4242"));
            QCOMPARE(result.cardBrand, QStringLiteral("VISA"));
            QCOMPARE(result.authCode, QStringLiteral("123456"));
            QVERIFY(result.settled());
        }
    }

    void statusResponses_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<TerminalOutcome>("outcome");
        QTest::addColumn<QString>("detail");
        const QString ts = QStringLiteral("SaleToPOIResponse.TransactionStatusResponse.");
        const QJsonObject ok = statusAnswer({ true, {}, {} }, paymentId);
        QTest::newRow("repeats the approved payment")
            << bytes(ok) << TerminalOutcome::Approved << QString();
        QTest::newRow("in progress")
            << bytes(statusAnswer({ false, QStringLiteral("InProgress"), {} }, paymentId))
            << TerminalOutcome::InProgress << QString();
        QTest::newRow("not found")
            << bytes(statusAnswer({ false, QStringLiteral("NotFound"), {} }, paymentId))
            << TerminalOutcome::NotFound << QString();
        QTest::newRow("other failure")
            << bytes(statusAnswer({ false, QStringLiteral("UnavailableService"), {} }, paymentId))
            << TerminalOutcome::Invalid << QStringLiteral("UnavailableService");
        QTest::newRow("about another payment")
            << bytes(statusAnswer({ true, {}, {} }, QStringLiteral("OTHER00001")))
            << TerminalOutcome::Invalid << QStringLiteral("status of ServiceID OTHER00001");
        QTest::newRow("repeats another payment") << bytes(
            with(ok, ts + QStringLiteral("RepeatedMessageResponse.MessageHeader.ServiceID"),
                QStringLiteral("OTHER00001"))) << TerminalOutcome::Invalid
                                                 << QStringLiteral("ServiceID OTHER00001");
        QTest::newRow("answers the payment's ServiceID, not the status request's")
            << bytes(with(ok, hd + QStringLiteral("ServiceID"), paymentId))
            << TerminalOutcome::Invalid << QStringLiteral("answer for ServiceID");
        QTest::newRow("success without the repeated message")
            << bytes(
                   with(ok, ts + QStringLiteral("RepeatedMessageResponse"), QJsonValue::Undefined))
            << TerminalOutcome::Invalid
            << QStringLiteral("missing TransactionStatusResponse.RepeatedMessageResponse");
        QTest::newRow("success without MessageReference")
            << bytes(with(ok, ts + QStringLiteral("MessageReference"), QJsonValue::Undefined))
            << TerminalOutcome::Invalid << QStringLiteral("MessageReference");
        QTest::newRow("a payment response instead")
            << bytes(approvedPayment()) << TerminalOutcome::Invalid
            << QStringLiteral("category Payment");
    }
    void statusResponses()
    {
        QFETCH(QByteArray, body);
        QFETCH(TerminalOutcome, outcome);
        QFETCH(QString, detail);
        const CardPaymentResult result
            = Nexo::parseTransactionStatusResponse(body, { statusId, saleId }, paymentId);
        QVERIFY2(result.outcome == outcome,
            qPrintable(QStringLiteral("%1: %2").arg(name(result.outcome), result.message)));
        QCOMPARE(result.serviceId, paymentId);
        if (!detail.isEmpty())
            QVERIFY2(result.message.contains(detail), qPrintable(result.message));
        if (outcome == TerminalOutcome::Approved) {
            QCOMPARE(result.poiTransactionId, QStringLiteral("SIM-0001-000042"));
            QCOMPARE(result.amount.cents(), 1250);
        }
    }

    void reversalResponses()
    {
        const ReversalResult reversed
            = Nexo::parseReversalResponse(bytes(reversalAnswer(true)), { reversalId, saleId });
        QCOMPARE(reversed.outcome, TerminalOutcome::Approved);
        QCOMPARE(reversed.amount.cents(), 400);
        QCOMPARE(reversed.poiTransactionId, QStringLiteral("SIM-0001-000043"));

        const ReversalResult refused
            = Nexo::parseReversalResponse(bytes(reversalAnswer(false)), { reversalId, saleId });
        QCOMPARE(refused.outcome, TerminalOutcome::Declined);
        QCOMPARE(refused.errorCondition, QStringLiteral("Refusal"));
        QCOMPARE(refused.message, QStringLiteral("only 100 cents left"));

        const ReversalResult other = Nexo::parseReversalResponse(
            bytes(reversalAnswer(true)), { QStringLiteral("REV0000002"), saleId });
        QCOMPARE(other.outcome, TerminalOutcome::Invalid);
        QVERIFY(other.message.contains(QStringLiteral("answer for ServiceID")));

        const ReversalResult noId = Nexo::parseReversalResponse(
            bytes(with(reversalAnswer(true),
                QStringLiteral("SaleToPOIResponse.ReversalResponse.POIData"),
                QJsonValue::Undefined)),
            { reversalId, saleId });
        QCOMPARE(noId.outcome, TerminalOutcome::Invalid);
        QVERIFY(noId.message.contains(QStringLiteral("POIData")));
    }

    void outcomeNamesRoundTrip()
    {
        for (TerminalOutcome outcome :
            { TerminalOutcome::Approved, TerminalOutcome::Declined, TerminalOutcome::Cancelled,
                TerminalOutcome::Busy, TerminalOutcome::InProgress, TerminalOutcome::NotFound,
                TerminalOutcome::Unreachable, TerminalOutcome::Invalid }) {
            QVERIFY(!name(outcome).isEmpty());
            QCOMPARE(terminalOutcomeFromName(name(outcome)), outcome);
        }
        QCOMPARE(name(TerminalOutcome::Approved), QStringLiteral("approved"));
        QCOMPARE(terminalOutcomeFromName(QStringLiteral("maybe")), std::nullopt);
    }

    void serviceIdsAreShortAndUnique()
    {
        QSet<QString> seen;
        for (int i = 0; i < 1000; ++i) {
            const QString id = Nexo::newServiceId();
            QCOMPARE(id.size(), 10);
            QVERIFY(!seen.contains(id));
            seen.insert(id);
        }
    }
};

QTEST_GUILESS_MAIN(TestNexo)
#include "tst_nexo.moc"
