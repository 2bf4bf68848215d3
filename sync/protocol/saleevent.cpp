#include "saleevent.h"

#include "jsonreader.h"

#include "app/core/tr.h"

#include <QJsonArray>
#include <QUuid>

namespace Toonbank::Sync::Protocol {

using Core::Error;
using Core::Money;
using Core::Tr;

namespace {

QString isoTime(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}

bool isUuid(const QString &text)
{
    return !QUuid::fromString(text).isNull();
}

Error saleError(const QString &code, const QString &detail)
{
    return Error::make(code, Tr::tr("The sale does not add up: %1").arg(detail), detail);
}

} // namespace

QJsonObject EventEnvelope::toJson() const
{
    return {
        { QStringLiteral("eventId"), eventId },
        { QStringLiteral("deviceId"), deviceId },
        { QStringLiteral("deviceSeq"), deviceSeq },
        { QStringLiteral("type"), type },
        { QStringLiteral("staffId"), staffId },
        { QStringLiteral("occurredAt"), isoTime(occurredAt) },
        { QStringLiteral("payload"), payload },
    };
}

Core::Result<EventEnvelope> EventEnvelope::fromJson(const QJsonObject &json)
{
    JsonReader reader(json, QStringLiteral("event"));
    EventEnvelope event;
    event.eventId = reader.string(QStringLiteral("eventId"));
    event.deviceId = reader.string(QStringLiteral("deviceId"));
    event.deviceSeq = reader.integer(QStringLiteral("deviceSeq"), true, 1);
    event.type = reader.string(QStringLiteral("type"));
    event.staffId = reader.integer(QStringLiteral("staffId"), true, 1);
    event.occurredAt = reader.timestamp(QStringLiteral("occurredAt"));
    event.payload = reader.object(QStringLiteral("payload"));
    reader.rejectUnknownFields();
    if (reader.ok() && !isUuid(event.eventId))
        reader.fail(
            QStringLiteral("protocol.bad_id"), QStringLiteral("event.eventId is not a UUID"));
    if (reader.ok() && event.deviceId.isEmpty())
        reader.fail(QStringLiteral("protocol.bad_id"), QStringLiteral("event.deviceId is empty"));
    if (!reader.ok())
        return reader.error();
    return event;
}

QJsonObject SaleEvent::toJson() const
{
    QJsonArray lineArray;
    for (const SaleLine &line : lines) {
        lineArray.append(QJsonObject {
            { QStringLiteral("productId"), line.productId },
            { QStringLiteral("sku"), line.sku },
            { QStringLiteral("quantity"), line.quantity },
            { QStringLiteral("unitPriceCents"), line.unitPrice.cents() },
            { QStringLiteral("lineDiscountCents"), line.lineDiscount.cents() },
            { QStringLiteral("lineTotalCents"), line.lineTotal.cents() },
            { QStringLiteral("vatClass"), line.vatClass },
            { QStringLiteral("vatBasisPoints"), line.vatBasisPoints },
        });
    }
    QJsonArray vatArray;
    for (const SaleVat &rate : vat) {
        vatArray.append(QJsonObject {
            { QStringLiteral("basisPoints"), rate.basisPoints },
            { QStringLiteral("grossCents"), rate.gross.cents() },
            { QStringLiteral("vatCents"), rate.vat.cents() },
            { QStringLiteral("netCents"), rate.net.cents() },
        });
    }
    QJsonArray paymentArray;
    for (const SalePayment &payment : payments) {
        paymentArray.append(QJsonObject {
            { QStringLiteral("method"), payment.method },
            { QStringLiteral("amountCents"), payment.amount.cents() },
            { QStringLiteral("tenderedCents"), payment.tendered.cents() },
            { QStringLiteral("changeCents"), payment.change.cents() },
            { QStringLiteral("reference"), payment.reference },
        });
    }
    return {
        { QStringLiteral("saleId"), saleId },
        { QStringLiteral("receiptNumber"), receiptNumber },
        { QStringLiteral("locationCode"), locationCode },
        { QStringLiteral("soldAt"), isoTime(soldAt) },
        { QStringLiteral("lines"), lineArray },
        { QStringLiteral("vat"), vatArray },
        { QStringLiteral("totalCents"), total.cents() },
        { QStringLiteral("roundingCents"), rounding.cents() },
        { QStringLiteral("payments"), paymentArray },
        { QStringLiteral("customerId"), customerId },
        { QStringLiteral("training"), training },
    };
}

Core::Result<SaleEvent> SaleEvent::fromJson(const QJsonObject &json)
{
    JsonReader reader(json, QStringLiteral("sale"));
    SaleEvent sale;
    sale.saleId = reader.string(QStringLiteral("saleId"));
    sale.receiptNumber = reader.string(QStringLiteral("receiptNumber"));
    sale.locationCode = reader.string(QStringLiteral("locationCode"));
    sale.soldAt = reader.timestamp(QStringLiteral("soldAt"));
    const QJsonArray lineArray = reader.array(QStringLiteral("lines"));
    const QJsonArray vatArray = reader.array(QStringLiteral("vat"));
    sale.total = reader.money(QStringLiteral("totalCents"), true);
    sale.rounding = reader.money(QStringLiteral("roundingCents"), true);
    const QJsonArray paymentArray = reader.array(QStringLiteral("payments"));
    sale.customerId = reader.integer(QStringLiteral("customerId"), true, 0);
    sale.training = reader.boolean(QStringLiteral("training"));
    reader.rejectUnknownFields();
    if (!reader.ok())
        return reader.error();
    if (!isUuid(sale.saleId))
        return saleError(QStringLiteral("protocol.bad_id"), QStringLiteral("saleId is not a UUID"));
    if (sale.receiptNumber.isEmpty() || sale.locationCode.isEmpty())
        return saleError(QStringLiteral("protocol.missing_field"),
            QStringLiteral("receipt number or store missing"));
    constexpr int maxLines = 1000;
    if (lineArray.isEmpty() || lineArray.size() > maxLines)
        return saleError(
            QStringLiteral("sale.lines"), QStringLiteral("a sale needs 1 to 1000 lines"));

    Money lineSum;
    for (qsizetype i = 0; i < lineArray.size(); ++i) {
        if (!lineArray.at(i).isObject())
            return saleError(QStringLiteral("protocol.wrong_type"),
                QStringLiteral("line %1 is not an object").arg(i + 1));
        JsonReader lineReader(lineArray.at(i).toObject(), QStringLiteral("sale.lines[%1]").arg(i));
        SaleLine line;
        line.productId = lineReader.integer(QStringLiteral("productId"), true, 1);
        line.sku = lineReader.string(QStringLiteral("sku"));
        line.quantity
            = static_cast<int>(lineReader.integer(QStringLiteral("quantity"), true, -10000, 10000));
        line.unitPrice = lineReader.money(QStringLiteral("unitPriceCents"));
        line.lineDiscount = lineReader.money(QStringLiteral("lineDiscountCents"));
        line.lineTotal = lineReader.money(QStringLiteral("lineTotalCents"), true);
        line.vatClass = lineReader.string(QStringLiteral("vatClass"));
        line.vatBasisPoints = static_cast<int>(
            lineReader.integer(QStringLiteral("vatBasisPoints"), true, 0, 10000));
        lineReader.rejectUnknownFields();
        if (!lineReader.ok())
            return lineReader.error();
        if (line.quantity == 0)
            return saleError(QStringLiteral("sale.quantity"),
                QStringLiteral("line %1 has quantity 0").arg(i + 1));
        if (line.unitPrice * line.quantity - line.lineDiscount != line.lineTotal)
            return saleError(QStringLiteral("sale.line_total"),
                QStringLiteral("line %1 total is wrong").arg(i + 1));
        lineSum += line.lineTotal;
        sale.lines.append(line);
    }
    if (lineSum != sale.total)
        return saleError(
            QStringLiteral("sale.total"), QStringLiteral("the lines do not add up to the total"));

    Money vatGross;
    for (qsizetype i = 0; i < vatArray.size(); ++i) {
        JsonReader vatReader(vatArray.at(i).toObject(), QStringLiteral("sale.vat[%1]").arg(i));
        SaleVat rate;
        rate.basisPoints
            = static_cast<int>(vatReader.integer(QStringLiteral("basisPoints"), true, 0, 10000));
        rate.gross = vatReader.money(QStringLiteral("grossCents"), true);
        rate.vat = vatReader.money(QStringLiteral("vatCents"), true);
        rate.net = vatReader.money(QStringLiteral("netCents"), true);
        vatReader.rejectUnknownFields();
        if (!vatArray.at(i).isObject() || !vatReader.ok())
            return vatReader.ok() ? saleError(QStringLiteral("protocol.wrong_type"),
                       QStringLiteral("vat entry is not an object"))
                                  : vatReader.error();
        if (rate.net + rate.vat != rate.gross)
            return saleError(
                QStringLiteral("sale.vat"), QStringLiteral("net + VAT differs from gross"));
        vatGross += rate.gross;
        sale.vat.append(rate);
    }
    if (vatGross != sale.total)
        return saleError(QStringLiteral("sale.vat"),
            QStringLiteral("the VAT summary does not add up to the total"));

    Money paid;
    for (qsizetype i = 0; i < paymentArray.size(); ++i) {
        JsonReader paymentReader(
            paymentArray.at(i).toObject(), QStringLiteral("sale.payments[%1]").arg(i));
        SalePayment payment;
        payment.method = paymentReader.string(QStringLiteral("method"));
        payment.amount = paymentReader.money(QStringLiteral("amountCents"), true);
        payment.tendered = paymentReader.money(QStringLiteral("tenderedCents"));
        payment.change = paymentReader.money(QStringLiteral("changeCents"));
        payment.reference = paymentReader.string(QStringLiteral("reference"), false);
        paymentReader.rejectUnknownFields();
        if (!paymentArray.at(i).isObject() || !paymentReader.ok())
            return paymentReader.ok() ? saleError(QStringLiteral("protocol.wrong_type"),
                       QStringLiteral("payment is not an object"))
                                      : paymentReader.error();
        paid += payment.amount;
        sale.payments.append(payment);
    }
    if (paid != sale.total + sale.rounding)
        return saleError(QStringLiteral("sale.payments"),
            QStringLiteral("the payments do not settle the total"));
    return sale;
}

} // namespace Toonbank::Sync::Protocol
