#include "saleevent.h"

#include "jsonreader.h"
#include "stockelsewhere.h"

#include "app/core/tr.h"

#include <QJsonArray>
#include <QSet>

#include <QUuid>
#include <algorithm>

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

QJsonObject saleToJson(const Core::Sale &sale)
{
    QJsonArray lineArray;
    for (const Core::SaleLine &line : sale.lines) {
        QJsonArray adjustments;
        for (const Core::Adjustment &adjustment : line.adjustments) {
            adjustments.append(QJsonObject {
                { QStringLiteral("kind"), Core::name(adjustment.kind) },
                { QStringLiteral("sourceId"), adjustment.sourceId },
                { QStringLiteral("label"), adjustment.label },
                { QStringLiteral("amountCents"), adjustment.amount.cents() },
                { QStringLiteral("approvedBy"), adjustment.approvedBy },
            });
        }
        lineArray.append(QJsonObject {
            { QStringLiteral("lineId"), line.lineId },
            { QStringLiteral("productId"), line.productId },
            { QStringLiteral("sku"), line.sku },
            { QStringLiteral("name"), line.name },
            { QStringLiteral("category"), line.category },
            { QStringLiteral("brand"), line.brand },
            { QStringLiteral("vatClass"), Core::name(line.vatClass) },
            { QStringLiteral("vatBasisPoints"), line.vatRate.basisPoints },
            { QStringLiteral("quantity"), line.quantity },
            { QStringLiteral("unitPriceCents"), line.unitPrice.cents() },
            { QStringLiteral("regularPriceCents"), line.regularPrice.cents() },
            { QStringLiteral("adjustments"), adjustments },
            { QStringLiteral("lineTotalCents"), line.lineTotal().cents() },
        });
        // Issue 9, additive: only a gift-card line carries the card number.
        if (!line.giftCardNumber.isEmpty()) {
            QJsonObject last = lineArray.last().toObject();
            last.insert(QStringLiteral("giftCardNumber"), line.giftCardNumber);
            lineArray.replace(lineArray.size() - 1, last);
        }
    }
    QJsonArray vatArray;
    for (const Core::VatBreakdown &rate : sale.vat) {
        vatArray.append(QJsonObject {
            { QStringLiteral("vatClass"), rate.rate.vatClass },
            { QStringLiteral("basisPoints"), rate.rate.basisPoints },
            { QStringLiteral("grossCents"), rate.gross.cents() },
            { QStringLiteral("vatCents"), rate.vat.cents() },
            { QStringLiteral("netCents"), rate.net.cents() },
        });
    }
    QJsonArray tenderArray;
    for (const Core::Tender &tender : sale.tenders) {
        QJsonObject json {
            { QStringLiteral("method"), Core::name(tender.method) },
            { QStringLiteral("amountCents"), tender.amount.cents() },
            { QStringLiteral("tenderedCents"), tender.tendered.cents() },
            { QStringLiteral("changeCents"), tender.change.cents() },
            { QStringLiteral("reference"), tender.reference },
        };
        // Issue 9 fields (docs/PAYMENTS.md), written only when set so a cash tender stays as
        // it was and an older server-side reader sees nothing new on it.
        const std::pair<const char *, QString> texts[] {
            { "claimId", tender.claimId },
            { "maskedPan", tender.maskedPan },
            { "cardBrand", tender.cardBrand },
            { "authCode", tender.authCode },
        };
        for (const auto &[key, value] : texts) {
            if (!value.isEmpty())
                json.insert(QLatin1String(key), value);
        }
        if (tender.points != 0)
            json.insert(QStringLiteral("points"), tender.points);
        if (tender.balanceLeft)
            json.insert(QStringLiteral("balanceLeftCents"), tender.balanceLeft->cents());
        tenderArray.append(json);
    }
    QJsonArray authorisationArray;
    for (const Core::Authorisation &a : sale.authorisations) {
        authorisationArray.append(QJsonObject {
            { QStringLiteral("permission"), Core::name(a.permission) },
            { QStringLiteral("requestedBy"), a.requestedBy },
            { QStringLiteral("approvedBy"), a.approvedBy },
            { QStringLiteral("lineId"), a.lineId },
            { QStringLiteral("amountCents"), a.amount.cents() },
            { QStringLiteral("reason"), a.reason },
            { QStringLiteral("approvedAt"), isoTime(a.approvedAt) },
        });
    }
    QJsonObject json {
        { QStringLiteral("saleId"), sale.saleId },
        { QStringLiteral("receiptNumber"), sale.receiptNumber },
        { QStringLiteral("storeCode"), sale.storeCode },
        { QStringLiteral("soldAt"), isoTime(sale.soldAt) },
        { QStringLiteral("staffId"), sale.staffId },
        { QStringLiteral("lines"), lineArray },
        { QStringLiteral("vat"), vatArray },
        { QStringLiteral("totalCents"), sale.total.cents() },
        { QStringLiteral("roundingCents"), sale.rounding.cents() },
        { QStringLiteral("tenders"), tenderArray },
        { QStringLiteral("couponCodes"), QJsonArray::fromStringList(sale.couponCodes) },
        { QStringLiteral("authorisations"), authorisationArray },
        { QStringLiteral("pointsEarned"), sale.pointsEarned },
        { QStringLiteral("pointsRedeemed"), sale.pointsRedeemed },
        { QStringLiteral("catalogVersion"), sale.catalogVersion },
        { QStringLiteral("training"), sale.training },
    };
    if (!sale.shiftId.isEmpty())
        json.insert(QStringLiteral("shiftId"), sale.shiftId);
    if (sale.order)
        json.insert(QStringLiteral("order"), toJson(*sale.order));
    if (sale.customer) {
        json.insert(QStringLiteral("customer"),
            QJsonObject { { QStringLiteral("id"), sale.customer->id },
                { QStringLiteral("code"), sale.customer->code },
                { QStringLiteral("tier"), sale.customer->tier } });
    }
    return json;
}

namespace {

// Reads one element of an array as an object, or fails the reader it came from.
bool objectAt(const QJsonArray &array, qsizetype i, const QString &what, Core::Error &error,
    QJsonObject &into)
{
    if (!array.at(i).isObject()) {
        error = saleError(QStringLiteral("protocol.wrong_type"),
            QStringLiteral("%1[%2] is not an object").arg(what).arg(i));
        return false;
    }
    into = array.at(i).toObject();
    return true;
}

} // namespace

namespace {

// Keys a v1 object may have; anything else is refused as in v1.
bool onlyKeys(const QJsonObject &json, std::initializer_list<const char *> keys, QString &unknown)
{
    for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
        if (std::none_of(keys.begin(), keys.end(),
                [&it](const char *key) { return it.key() == QLatin1String(key); })) {
            unknown = it.key().left(64);
            return false;
        }
    }
    return true;
}

// A protocol-1 sale (what a tablet queued before its update) in protocol-2 form: line ids
// "L1"…, a line discount as a manual adjustment, payments as tenders, no staff (the
// envelope's). Field types are checked by the protocol-2 reading that follows.
Core::Result<QJsonObject> version1ToVersion2(const QJsonObject &v1)
{
    QString unknown;
    if (!onlyKeys(v1,
            { "saleId", "receiptNumber", "locationCode", "soldAt", "lines", "vat", "totalCents",
                "roundingCents", "payments", "customerId", "training" },
            unknown))
        return Error::make(QStringLiteral("protocol.unknown_field"),
            QStringLiteral("sale.%1 is not a known field").arg(unknown),
            QStringLiteral("sale.%1 is not a known field").arg(unknown));
    QJsonObject v2 = v1;
    v2.remove(QStringLiteral("locationCode"));
    v2.remove(QStringLiteral("payments"));
    v2.remove(QStringLiteral("customerId"));
    v2.insert(QStringLiteral("storeCode"), v1.value(QStringLiteral("locationCode")));
    // A protocol-1 card payment had only its terminal reference: that is its claim id.
    QJsonArray tenders;
    for (const QJsonValue &payment : v1.value(QStringLiteral("payments")).toArray()) {
        QJsonObject tender = payment.toObject();
        if (payment.isObject() && tender.value(QStringLiteral("method")) == QLatin1String("card")
            && tender.value(QStringLiteral("reference")).isString())
            tender.insert(QStringLiteral("claimId"), tender.value(QStringLiteral("reference")));
        tenders.append(payment.isObject() ? QJsonValue(tender) : payment);
    }
    v2.insert(QStringLiteral("tenders"),
        v1.value(QStringLiteral("payments")).isArray() ? QJsonValue(tenders)
                                                       : v1.value(QStringLiteral("payments")));
    QJsonArray lines;
    const QJsonArray v1Lines = v1.value(QStringLiteral("lines")).toArray();
    for (qsizetype i = 0; i < v1Lines.size(); ++i) {
        QJsonObject line = v1Lines.at(i).toObject();
        if (!onlyKeys(line,
                { "productId", "sku", "quantity", "unitPriceCents", "lineDiscountCents",
                    "lineTotalCents", "vatClass", "vatBasisPoints" },
                unknown))
            return Error::make(QStringLiteral("protocol.unknown_field"),
                QStringLiteral("sale.lines[%1].%2 is not a known field").arg(i).arg(unknown),
                QStringLiteral("sale.lines[%1].%2 is not a known field").arg(i).arg(unknown));
        const QJsonValue discount = line.take(QStringLiteral("lineDiscountCents"));
        QJsonArray adjustments;
        if (discount.toDouble() > 0)
            adjustments.append(QJsonObject { { QStringLiteral("kind"), QStringLiteral("manual") },
                { QStringLiteral("sourceId"), QStringLiteral("manual") },
                { QStringLiteral("label"), QString() },
                { QStringLiteral("amountCents"), discount } });
        line.insert(QStringLiteral("lineId"), QStringLiteral("L%1").arg(i + 1));
        line.insert(
            QStringLiteral("regularPriceCents"), line.value(QStringLiteral("unitPriceCents")));
        line.insert(QStringLiteral("adjustments"), adjustments);
        lines.append(line);
    }
    v2.insert(QStringLiteral("lines"), lines);
    const qint64 customerId = v1.value(QStringLiteral("customerId")).toInteger();
    if (customerId > 0)
        v2.insert(QStringLiteral("customer"),
            QJsonObject { { QStringLiteral("id"), customerId },
                { QStringLiteral("code"), QString() }, { QStringLiteral("tier"), QString() } });
    v2.insert(QStringLiteral("couponCodes"), QJsonArray());
    v2.insert(QStringLiteral("authorisations"), QJsonArray());
    v2.insert(QStringLiteral("pointsEarned"), 0);
    v2.insert(QStringLiteral("pointsRedeemed"), 0);
    v2.insert(QStringLiteral("catalogVersion"), 0);
    return v2;
}

Core::Result<Core::Sale> parseSale(const QJsonObject &json, bool version1);

} // namespace

Core::Result<Core::Sale> saleFromJson(const QJsonObject &json)
{
    // A tablet updated with events still queued in protocol 1: read them as such.
    if (json.contains(QStringLiteral("locationCode"))
        && !json.contains(QStringLiteral("storeCode"))) {
        Core::Result<QJsonObject> converted = version1ToVersion2(json);
        if (!converted)
            return converted.error();
        return parseSale(converted.value(), true);
    }
    return parseSale(json, false);
}

namespace {

Core::Result<Core::Sale> parseSale(const QJsonObject &json, bool version1)
{
    JsonReader reader(json, QStringLiteral("sale"));
    Core::Sale sale;
    sale.saleId = reader.string(QStringLiteral("saleId"));
    sale.receiptNumber = reader.string(QStringLiteral("receiptNumber"));
    sale.storeCode = reader.string(QStringLiteral("storeCode"));
    sale.soldAt = reader.timestamp(QStringLiteral("soldAt"));
    sale.staffId = version1 ? 0 : reader.integer(QStringLiteral("staffId"), true, 1);
    const QJsonArray lineArray = reader.array(QStringLiteral("lines"));
    const QJsonArray vatArray = reader.array(QStringLiteral("vat"));
    sale.total = reader.money(QStringLiteral("totalCents"), true);
    sale.rounding = reader.money(QStringLiteral("roundingCents"), true);
    const QJsonArray tenderArray = reader.array(QStringLiteral("tenders"));
    const QJsonObject customer = reader.object(QStringLiteral("customer"), false);
    const QJsonArray couponArray = reader.array(QStringLiteral("couponCodes"));
    const QJsonArray authorisationArray = reader.array(QStringLiteral("authorisations"));
    sale.pointsEarned = reader.integer(QStringLiteral("pointsEarned"));
    sale.pointsRedeemed = reader.integer(QStringLiteral("pointsRedeemed"));
    sale.catalogVersion = reader.integer(QStringLiteral("catalogVersion"));
    sale.training = reader.boolean(QStringLiteral("training"));
    sale.shiftId = reader.string(QStringLiteral("shiftId"), false);
    const QJsonObject order = reader.object(QStringLiteral("order"), false);
    reader.rejectUnknownFields();
    if (!reader.ok())
        return reader.error();
    if (json.contains(QStringLiteral("order"))) {
        auto read = saleOrderFromJson(order);
        if (!read)
            return read.error();
        sale.order = read.value();
    }
    if (!isUuid(sale.saleId))
        return saleError(QStringLiteral("protocol.bad_id"), QStringLiteral("saleId is not a UUID"));
    if (sale.receiptNumber.isEmpty() || sale.storeCode.isEmpty())
        return saleError(QStringLiteral("protocol.missing_field"),
            QStringLiteral("receipt number or store missing"));
    constexpr int maxLines = 1000;
    if (lineArray.isEmpty() || lineArray.size() > maxLines)
        return saleError(
            QStringLiteral("sale.lines"), QStringLiteral("a sale needs 1 to 1000 lines"));

    Core::Error error;
    QJsonObject item;
    if (json.contains(QStringLiteral("customer"))) {
        JsonReader r(customer, QStringLiteral("sale.customer"));
        Core::SaleCustomer c;
        c.id = r.integer(QStringLiteral("id"), true, 0);
        c.code = r.string(QStringLiteral("code"));
        c.tier = r.string(QStringLiteral("tier"));
        r.rejectUnknownFields();
        if (!r.ok())
            return r.error();
        if (c.id == 0 && c.code.isEmpty())
            return saleError(QStringLiteral("protocol.missing_field"),
                QStringLiteral("the customer has neither id nor card number"));
        sale.customer = c;
    }
    for (const QJsonValue &code : couponArray) {
        if (!code.isString() || code.toString().isEmpty())
            return saleError(QStringLiteral("protocol.wrong_type"),
                QStringLiteral("couponCodes holds a non-text or empty code"));
        sale.couponCodes.append(code.toString());
    }

    QSet<QString> lineIds;
    Money lineSum;
    for (qsizetype i = 0; i < lineArray.size(); ++i) {
        if (!objectAt(lineArray, i, QStringLiteral("lines"), error, item))
            return error;
        JsonReader r(item, QStringLiteral("sale.lines[%1]").arg(i));
        Core::SaleLine line;
        line.lineId = r.string(QStringLiteral("lineId"));
        line.productId = r.integer(QStringLiteral("productId"), true, 1);
        line.sku = r.string(QStringLiteral("sku"));
        line.name = r.string(QStringLiteral("name"), false);
        line.category = r.string(QStringLiteral("category"), false);
        line.brand = r.string(QStringLiteral("brand"), false);
        const QString vatClass = r.string(QStringLiteral("vatClass"));
        line.vatRate.basisPoints
            = static_cast<int>(r.integer(QStringLiteral("vatBasisPoints"), true, 0, 10000));
        line.quantity
            = static_cast<int>(r.integer(QStringLiteral("quantity"), true, -10000, 10000));
        line.unitPrice = r.money(QStringLiteral("unitPriceCents"));
        line.regularPrice = r.money(QStringLiteral("regularPriceCents"));
        const QJsonArray adjustmentArray = r.array(QStringLiteral("adjustments"));
        const Money lineTotal = r.money(QStringLiteral("lineTotalCents"), true);
        line.giftCardNumber = r.string(QStringLiteral("giftCardNumber"), false);
        r.rejectUnknownFields();
        if (!r.ok())
            return r.error();
        const auto vatClassValue = Core::vatClassFromName(vatClass);
        if (!vatClassValue)
            return saleError(QStringLiteral("protocol.bad_value"),
                QStringLiteral("line %1 has unknown VAT class %2")
                    .arg(i + 1)
                    .arg(vatClass.left(20)));
        line.vatClass = *vatClassValue;
        line.vatRate.vatClass = vatClass;
        if (line.lineId.isEmpty() || lineIds.contains(line.lineId))
            return saleError(QStringLiteral("sale.line_id"),
                QStringLiteral("line %1 has no unique line id").arg(i + 1));
        lineIds.insert(line.lineId);
        if (line.quantity == 0)
            return saleError(QStringLiteral("sale.quantity"),
                QStringLiteral("line %1 has quantity 0").arg(i + 1));
        for (qsizetype a = 0; a < adjustmentArray.size(); ++a) {
            if (!objectAt(adjustmentArray, a, QStringLiteral("adjustments"), error, item))
                return error;
            JsonReader ar(item, QStringLiteral("sale.lines[%1].adjustments[%2]").arg(i).arg(a));
            Core::Adjustment adjustment;
            const QString kind = ar.string(QStringLiteral("kind"));
            adjustment.sourceId = ar.string(QStringLiteral("sourceId"));
            adjustment.label = ar.string(QStringLiteral("label"), false);
            adjustment.amount = ar.money(QStringLiteral("amountCents"));
            adjustment.approvedBy = ar.integer(QStringLiteral("approvedBy"), false, 0);
            ar.rejectUnknownFields();
            if (!ar.ok())
                return ar.error();
            const auto kindValue = Core::adjustmentKindFromName(kind);
            if (!kindValue)
                return saleError(QStringLiteral("protocol.bad_value"),
                    QStringLiteral("line %1 has an adjustment of unknown kind %2")
                        .arg(i + 1)
                        .arg(kind.left(20)));
            adjustment.kind = *kindValue;
            line.adjustments.append(adjustment);
        }
        if (line.quantity > 0 && line.discountTotal() > line.grossTotal())
            return saleError(QStringLiteral("sale.adjustment_exceeds_line"),
                QStringLiteral("line %1 is reduced below zero").arg(i + 1));
        if (line.lineTotal() != lineTotal)
            return saleError(QStringLiteral("sale.line_total"),
                QStringLiteral("line %1 total is wrong").arg(i + 1));
        lineSum += line.lineTotal();
        sale.lines.append(line);
    }
    if (lineSum != sale.total)
        return saleError(
            QStringLiteral("sale.total"), QStringLiteral("the lines do not add up to the total"));

    for (qsizetype i = 0; i < vatArray.size(); ++i) {
        if (!objectAt(vatArray, i, QStringLiteral("vat"), error, item))
            return error;
        JsonReader r(item, QStringLiteral("sale.vat[%1]").arg(i));
        Core::VatBreakdown rate;
        rate.rate.vatClass = r.string(QStringLiteral("vatClass"), false);
        rate.rate.basisPoints
            = static_cast<int>(r.integer(QStringLiteral("basisPoints"), true, 0, 10000));
        rate.gross = r.money(QStringLiteral("grossCents"), true);
        rate.vat = r.money(QStringLiteral("vatCents"), true);
        rate.net = r.money(QStringLiteral("netCents"), true);
        r.rejectUnknownFields();
        if (!r.ok())
            return r.error();
        sale.vat.append(rate);
    }
    // The VAT summary is the one VAT function's answer for these lines, cent for cent.
    const QList<Core::VatBreakdown> expected = Core::vatBreakdown(sale.lines);
    bool vatAgrees = expected.size() == sale.vat.size();
    for (qsizetype i = 0; vatAgrees && i < expected.size(); ++i) {
        const Core::VatBreakdown &a = expected.at(i);
        const Core::VatBreakdown &b = sale.vat.at(i);
        vatAgrees = a.rate.basisPoints == b.rate.basisPoints && a.gross == b.gross && a.vat == b.vat
            && a.net == b.net;
    }
    if (!vatAgrees)
        return saleError(QStringLiteral("sale.vat_mismatch"),
            QStringLiteral("the VAT summary differs from the lines"));

    Money paid;
    for (qsizetype i = 0; i < tenderArray.size(); ++i) {
        if (!objectAt(tenderArray, i, QStringLiteral("tenders"), error, item))
            return error;
        JsonReader r(item, QStringLiteral("sale.tenders[%1]").arg(i));
        Core::Tender tender;
        const QString method = r.string(QStringLiteral("method"));
        tender.amount = r.money(QStringLiteral("amountCents"), true);
        tender.tendered = r.money(QStringLiteral("tenderedCents"));
        tender.change = r.money(QStringLiteral("changeCents"));
        tender.reference = r.string(QStringLiteral("reference"), false);
        // Issue 9 (docs/PAYMENTS.md): optional, absent on sales queued before it.
        tender.claimId = r.string(QStringLiteral("claimId"), false);
        tender.maskedPan = r.string(QStringLiteral("maskedPan"), false);
        tender.cardBrand = r.string(QStringLiteral("cardBrand"), false);
        tender.authCode = r.string(QStringLiteral("authCode"), false);
        tender.points = r.integer(QStringLiteral("points"), false, 0);
        if (item.contains(QStringLiteral("balanceLeftCents")))
            tender.balanceLeft = r.money(QStringLiteral("balanceLeftCents"));
        r.rejectUnknownFields();
        if (!r.ok())
            return r.error();
        const auto methodValue = Core::tenderMethodFromName(method);
        if (!methodValue)
            return saleError(QStringLiteral("protocol.bad_value"),
                QStringLiteral("unknown tender method %1").arg(method.left(20)));
        tender.method = *methodValue;
        paid += tender.amount;
        sale.tenders.append(tender);
    }
    if (paid != sale.total + sale.rounding)
        return saleError(
            QStringLiteral("sale.payments"), QStringLiteral("the tenders do not settle the total"));

    for (qsizetype i = 0; i < authorisationArray.size(); ++i) {
        if (!objectAt(authorisationArray, i, QStringLiteral("authorisations"), error, item))
            return error;
        JsonReader r(item, QStringLiteral("sale.authorisations[%1]").arg(i));
        Core::Authorisation a;
        const QString permission = r.string(QStringLiteral("permission"));
        a.requestedBy = r.integer(QStringLiteral("requestedBy"), true, 1);
        a.approvedBy = r.integer(QStringLiteral("approvedBy"), true, 1);
        a.lineId = r.string(QStringLiteral("lineId"), false);
        a.amount = r.money(QStringLiteral("amountCents"));
        a.reason = r.string(QStringLiteral("reason"), false);
        a.approvedAt = r.timestamp(QStringLiteral("approvedAt"));
        r.rejectUnknownFields();
        if (!r.ok())
            return r.error();
        const auto permissionValue = Core::permissionFromName(permission);
        if (!permissionValue)
            return saleError(QStringLiteral("protocol.bad_value"),
                QStringLiteral("unknown permission %1").arg(permission.left(30)));
        a.permission = *permissionValue;
        sale.authorisations.append(a);
    }
    return sale;
}

} // namespace

} // namespace Toonbank::Sync::Protocol
