#include "returns.h"

#include "jsonreader.h"

#include "app/core/tr.h"

#include <QJsonArray>
#include <QSet>
#include <QUuid>

#include <array>

namespace Toonbank::Sync::Protocol {

using Core::Error;
using Core::Money;
using Core::Tr;

namespace {

QString isoTime(const QDateTime &when)
{
    return when.isValid() ? when.toUTC().toString(Qt::ISODateWithMs) : QString();
}

bool isUuid(const QString &text)
{
    return !QUuid::fromString(text).isNull();
}

Error returnDataError(const QString &code, const QString &detail)
{
    return Error::make(code, Tr::tr("The return data does not add up: %1").arg(detail), detail);
}

constexpr int maxLines = 1000;

// The elements of `array` as objects, or the error naming the first that is not one.
Core::Result<QList<QJsonObject>> objectsOf(const QJsonArray &array, const QString &what)
{
    QList<QJsonObject> objects;
    objects.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject())
            return returnDataError(QStringLiteral("protocol.wrong_type"),
                QStringLiteral("%1[%2] is not an object").arg(what).arg(i));
        objects.append(array.at(i).toObject());
    }
    return objects;
}

QJsonObject customerToJson(const Core::SaleCustomer &customer)
{
    return { { QStringLiteral("id"), customer.id }, { QStringLiteral("code"), customer.code },
        { QStringLiteral("tier"), customer.tier } };
}

Core::Result<Core::SaleCustomer> customerFromJson(const QJsonObject &json, const QString &context)
{
    JsonReader r(json, context);
    Core::SaleCustomer c;
    c.id = r.integer(QStringLiteral("id"), true, 0);
    c.code = r.string(QStringLiteral("code"));
    c.tier = r.string(QStringLiteral("tier"));
    r.rejectUnknownFields();
    if (!r.ok())
        return r.error();
    if (c.id == 0 && c.code.isEmpty())
        return returnDataError(QStringLiteral("protocol.missing_field"),
            QStringLiteral("%1 has neither id nor card number").arg(context));
    return c;
}

template <typename Enum>
bool readEnum(JsonReader &reader, const QString &key, const QString &context,
    std::optional<Enum> (*fromName)(const QString &), Enum &into)
{
    const QString text = reader.string(key);
    if (!reader.ok())
        return false;
    const std::optional<Enum> value = fromName(text);
    if (!value) {
        reader.fail(QStringLiteral("protocol.bad_value"),
            QStringLiteral("%1.%2 has unknown value %3").arg(context, key, text.left(30)));
        return false;
    }
    into = *value;
    return true;
}

QJsonArray claimLinesToJson(const QList<ReturnClaimRequest::Line> &lines)
{
    QJsonArray array;
    for (const ReturnClaimRequest::Line &line : lines)
        array.append(QJsonObject { { QStringLiteral("lineId"), line.lineId },
            { QStringLiteral("quantity"), line.quantity } });
    return array;
}

Core::Result<QList<ReturnClaimRequest::Line>> claimLinesFromJson(
    const QJsonArray &array, const QString &context)
{
    const auto objects = objectsOf(array, context);
    if (!objects)
        return objects.error();
    if (objects->isEmpty() || objects->size() > maxLines)
        return returnDataError(QStringLiteral("protocol.bad_value"),
            QStringLiteral("%1 needs 1 to 1000 lines").arg(context));
    QList<ReturnClaimRequest::Line> lines;
    QSet<QString> ids;
    for (qsizetype i = 0; i < objects->size(); ++i) {
        JsonReader r(objects->at(i), QStringLiteral("%1[%2]").arg(context).arg(i));
        ReturnClaimRequest::Line line;
        line.lineId = r.string(QStringLiteral("lineId"));
        line.quantity = int(r.integer(QStringLiteral("quantity"), true, 1, 100000));
        r.rejectUnknownFields();
        if (!r.ok())
            return r.error();
        if (line.lineId.isEmpty() || ids.contains(line.lineId))
            return returnDataError(QStringLiteral("protocol.bad_value"),
                QStringLiteral("%1[%2] has no unique line id").arg(context).arg(i));
        ids.insert(line.lineId);
        lines.append(line);
    }
    return lines;
}

const std::array<std::pair<ReturnClaim::State, const char *>, 3> claimStateNames { {
    { ReturnClaim::State::Claimed, "claimed" },
    { ReturnClaim::State::Used, "used" },
    { ReturnClaim::State::Released, "released" },
} };

std::optional<ReturnClaim::State> claimStateFromName(const QString &text)
{
    for (const auto &[state, label] : claimStateNames) {
        if (text == QLatin1String(label))
            return state;
    }
    return std::nullopt;
}

} // namespace

// ---- ReturnableOrder -------------------------------------------------------------------------

QJsonObject toJson(const Core::ReturnableOrder &order)
{
    QJsonArray lines;
    for (const Core::ReturnableLine &line : order.lines) {
        QJsonObject json {
            { QStringLiteral("lineId"), line.lineId },
            { QStringLiteral("productId"), line.productId },
            { QStringLiteral("sku"), line.sku },
            { QStringLiteral("name"), line.name },
            { QStringLiteral("category"), line.category },
            { QStringLiteral("vatClass"), Core::name(line.vatClass) },
            { QStringLiteral("vatBasisPoints"), line.vatBasisPoints },
            { QStringLiteral("sold"), line.sold },
            { QStringLiteral("returned"), line.returned },
            { QStringLiteral("lineTotalCents"), line.lineTotal.cents() },
        };
        if (!line.giftCardNumber.isEmpty())
            json.insert(QStringLiteral("giftCardNumber"), line.giftCardNumber);
        lines.append(json);
    }
    QJsonArray tenders;
    for (const Core::OriginalTender &tender : order.tenders) {
        QJsonObject json {
            { QStringLiteral("method"), tender.method },
            { QStringLiteral("amountCents"), tender.amount.cents() },
            { QStringLiteral("refundedCents"), tender.refunded.cents() },
            { QStringLiteral("reference"), tender.reference },
            { QStringLiteral("points"), tender.points },
            { QStringLiteral("pointsGivenBack"), tender.pointsGivenBack },
        };
        if (tender.at.isValid())
            json.insert(QStringLiteral("at"), isoTime(tender.at));
        tenders.append(json);
    }
    QJsonObject json {
        { QStringLiteral("origin"), Core::name(order.origin) },
        { QStringLiteral("number"), order.number },
        { QStringLiteral("saleId"), order.saleId },
        { QStringLiteral("storeCode"), order.storeCode },
        { QStringLiteral("soldAt"), isoTime(order.soldAt) },
        { QStringLiteral("totalCents"), order.total.cents() },
        { QStringLiteral("deliveryCents"), order.deliveryCost.cents() },
        { QStringLiteral("deliveryRefunded"), order.deliveryRefunded },
        { QStringLiteral("lines"), lines },
        { QStringLiteral("tenders"), tenders },
        { QStringLiteral("pointsEarned"), order.pointsEarned },
        { QStringLiteral("pointsTakenBack"), order.pointsTakenBack },
        { QStringLiteral("isReturn"), order.isReturn },
    };
    if (order.deliveredOn && order.deliveredOn->isValid())
        json.insert(QStringLiteral("deliveredOn"), order.deliveredOn->toString(Qt::ISODate));
    if (order.customer)
        json.insert(QStringLiteral("customer"), customerToJson(*order.customer));
    return json;
}

Core::Result<Core::ReturnableOrder> returnableOrderFromJson(const QJsonObject &json)
{
    const QString context = QStringLiteral("order");
    JsonReader reader(json, context);
    Core::ReturnableOrder order;
    readEnum(reader, QStringLiteral("origin"), context, &Core::returnOriginFromName, order.origin);
    order.number = reader.string(QStringLiteral("number"));
    order.saleId = reader.string(QStringLiteral("saleId"));
    order.storeCode = reader.string(QStringLiteral("storeCode"));
    order.soldAt = reader.timestamp(QStringLiteral("soldAt"));
    const QString deliveredOn = reader.string(QStringLiteral("deliveredOn"), false);
    order.total = reader.money(QStringLiteral("totalCents"));
    order.deliveryCost = reader.money(QStringLiteral("deliveryCents"));
    order.deliveryRefunded = reader.boolean(QStringLiteral("deliveryRefunded"));
    const QJsonArray lineArray = reader.array(QStringLiteral("lines"));
    const QJsonArray tenderArray = reader.array(QStringLiteral("tenders"));
    const QJsonObject customer = reader.object(QStringLiteral("customer"), false);
    order.pointsEarned = reader.integer(QStringLiteral("pointsEarned"));
    order.pointsTakenBack = reader.integer(QStringLiteral("pointsTakenBack"));
    order.isReturn = reader.boolean(QStringLiteral("isReturn"));
    reader.rejectUnknownFields();
    if (!reader.ok())
        return reader.error();
    if (order.number.isEmpty())
        return returnDataError(
            QStringLiteral("protocol.missing_field"), QStringLiteral("order.number is empty"));
    if (!deliveredOn.isEmpty()) {
        const QDate date = QDate::fromString(deliveredOn, Qt::ISODate);
        if (!date.isValid())
            return returnDataError(QStringLiteral("protocol.bad_value"),
                QStringLiteral("order.deliveredOn is not a yyyy-MM-dd date"));
        order.deliveredOn = date;
    }
    if (json.contains(QStringLiteral("customer"))) {
        auto c = customerFromJson(customer, QStringLiteral("order.customer"));
        if (!c)
            return c.error();
        order.customer = c.value();
    }
    if (order.pointsTakenBack > order.pointsEarned)
        return returnDataError(QStringLiteral("protocol.bad_value"),
            QStringLiteral("order takes back more points than it earned"));

    const auto lineObjects = objectsOf(lineArray, QStringLiteral("order.lines"));
    if (!lineObjects)
        return lineObjects.error();
    if (lineObjects->size() > maxLines)
        return returnDataError(
            QStringLiteral("protocol.bad_value"), QStringLiteral("order has too many lines"));
    QSet<QString> lineIds;
    Money lineSum;
    for (qsizetype i = 0; i < lineObjects->size(); ++i) {
        const QString lineContext = QStringLiteral("order.lines[%1]").arg(i);
        JsonReader r(lineObjects->at(i), lineContext);
        Core::ReturnableLine line;
        line.lineId = r.string(QStringLiteral("lineId"));
        line.productId = r.integer(QStringLiteral("productId"));
        line.sku = r.string(QStringLiteral("sku"));
        line.name = r.string(QStringLiteral("name"), false);
        line.category = r.string(QStringLiteral("category"), false);
        readEnum(
            r, QStringLiteral("vatClass"), lineContext, &Core::vatClassFromName, line.vatClass);
        line.vatBasisPoints = int(r.integer(QStringLiteral("vatBasisPoints"), true, 0, 10000));
        line.sold = int(r.integer(QStringLiteral("sold"), true, 1, 100000));
        line.returned = int(r.integer(QStringLiteral("returned"), true, 0, 100000));
        line.lineTotal = r.money(QStringLiteral("lineTotalCents"));
        line.giftCardNumber = r.string(QStringLiteral("giftCardNumber"), false);
        r.rejectUnknownFields();
        if (!r.ok())
            return r.error();
        if (line.lineId.isEmpty() || lineIds.contains(line.lineId))
            return returnDataError(QStringLiteral("protocol.bad_value"),
                QStringLiteral("%1 has no unique line id").arg(lineContext));
        lineIds.insert(line.lineId);
        if (line.returned > line.sold)
            return returnDataError(QStringLiteral("protocol.bad_value"),
                QStringLiteral("%1 returned more than sold").arg(lineContext));
        lineSum += line.lineTotal;
        order.lines.append(line);
    }
    if (lineSum != order.total)
        return returnDataError(QStringLiteral("order.total"),
            QStringLiteral("the lines do not add up to the order total"));

    const auto tenderObjects = objectsOf(tenderArray, QStringLiteral("order.tenders"));
    if (!tenderObjects)
        return tenderObjects.error();
    for (qsizetype i = 0; i < tenderObjects->size(); ++i) {
        const QString tenderContext = QStringLiteral("order.tenders[%1]").arg(i);
        const QJsonObject &item = tenderObjects->at(i);
        JsonReader r(item, tenderContext);
        Core::OriginalTender tender;
        tender.method = r.string(QStringLiteral("method"));
        tender.amount = r.money(QStringLiteral("amountCents"));
        tender.refunded = r.money(QStringLiteral("refundedCents"));
        tender.reference = r.string(QStringLiteral("reference"), false);
        if (item.contains(QStringLiteral("at")))
            tender.at = r.timestamp(QStringLiteral("at"));
        tender.points = r.integer(QStringLiteral("points"), false);
        tender.pointsGivenBack = r.integer(QStringLiteral("pointsGivenBack"), false);
        r.rejectUnknownFields();
        if (!r.ok())
            return r.error();
        if (tender.method.isEmpty())
            return returnDataError(QStringLiteral("protocol.missing_field"),
                QStringLiteral("%1 has no method").arg(tenderContext));
        if (tender.refunded > tender.amount || tender.pointsGivenBack > tender.points)
            return returnDataError(QStringLiteral("protocol.bad_value"),
                QStringLiteral("%1 refunded more than it paid").arg(tenderContext));
        order.tenders.append(tender);
    }
    return order;
}

// ---- ReturnPolicy ----------------------------------------------------------------------------

QJsonObject toJson(const Core::ReturnPolicy &policy)
{
    QJsonObject windows;
    for (auto it = policy.windowDaysByCategory.cbegin(); it != policy.windowDaysByCategory.cend();
         ++it)
        windows.insert(it.key(), it.value());
    return {
        { QStringLiteral("webWithdrawalDays"), policy.webWithdrawalDays },
        { QStringLiteral("defaultWindowDays"), policy.defaultWindowDays },
        { QStringLiteral("windowDaysByCategory"), windows },
        { QStringLiteral("finalSaleCategories"),
            QJsonArray::fromStringList(policy.finalSaleCategories) },
        { QStringLiteral("receiptRequired"), policy.receiptRequired },
        { QStringLiteral("storeCreditForStoreSales"), policy.storeCreditForStoreSales },
        { QStringLiteral("giftCardForStoreSales"), policy.giftCardForStoreSales },
    };
}

Core::Result<Core::ReturnPolicy> returnPolicyFromJson(const QJsonObject &json)
{
    JsonReader reader(json, QStringLiteral("policy"));
    Core::ReturnPolicy policy;
    policy.webWithdrawalDays
        = int(reader.integer(QStringLiteral("webWithdrawalDays"), true, 14, 3650));
    policy.defaultWindowDays
        = int(reader.integer(QStringLiteral("defaultWindowDays"), true, 0, 3650));
    const QJsonObject windows = reader.object(QStringLiteral("windowDaysByCategory"));
    const QJsonArray finalSale = reader.array(QStringLiteral("finalSaleCategories"));
    policy.receiptRequired = reader.boolean(QStringLiteral("receiptRequired"));
    policy.storeCreditForStoreSales = reader.boolean(QStringLiteral("storeCreditForStoreSales"));
    policy.giftCardForStoreSales = reader.boolean(QStringLiteral("giftCardForStoreSales"));
    reader.rejectUnknownFields();
    if (!reader.ok())
        return reader.error();
    JsonReader windowReader(windows, QStringLiteral("policy.windowDaysByCategory"));
    for (auto it = windows.constBegin(); it != windows.constEnd(); ++it) {
        const int days = int(windowReader.integer(it.key(), true, 0, 3650));
        if (!windowReader.ok())
            return windowReader.error();
        if (it.key().isEmpty())
            return returnDataError(
                QStringLiteral("protocol.bad_value"), QStringLiteral("a window has no category"));
        policy.windowDaysByCategory.insert(it.key(), days);
    }
    for (const QJsonValue &category : finalSale) {
        if (!category.isString() || category.toString().isEmpty())
            return returnDataError(QStringLiteral("protocol.wrong_type"),
                QStringLiteral("policy.finalSaleCategories holds a non-text or empty category"));
        policy.finalSaleCategories.append(category.toString());
    }
    return policy;
}

// ---- Claims ----------------------------------------------------------------------------------

QJsonObject ReturnClaimRequest::toJson() const
{
    return {
        { QStringLiteral("claimId"), claimId },
        { QStringLiteral("returnId"), returnId },
        { QStringLiteral("origin"), Core::name(origin) },
        { QStringLiteral("number"), number },
        { QStringLiteral("storeCode"), storeCode },
        { QStringLiteral("lines"), claimLinesToJson(lines) },
    };
}

Core::Result<ReturnClaimRequest> ReturnClaimRequest::fromJson(const QJsonObject &json)
{
    const QString context = QStringLiteral("claim");
    JsonReader reader(json, context);
    ReturnClaimRequest request;
    request.claimId = reader.string(QStringLiteral("claimId"));
    request.returnId = reader.string(QStringLiteral("returnId"));
    readEnum(
        reader, QStringLiteral("origin"), context, &Core::returnOriginFromName, request.origin);
    request.number = reader.string(QStringLiteral("number"));
    request.storeCode = reader.string(QStringLiteral("storeCode"));
    const QJsonArray lines = reader.array(QStringLiteral("lines"));
    reader.rejectUnknownFields();
    if (!reader.ok())
        return reader.error();
    if (!isUuid(request.claimId) || !isUuid(request.returnId))
        return returnDataError(
            QStringLiteral("protocol.bad_id"), QStringLiteral("claimId or returnId is not a UUID"));
    if (request.number.isEmpty() || request.storeCode.isEmpty())
        return returnDataError(QStringLiteral("protocol.missing_field"),
            QStringLiteral("claim.number or claim.storeCode is empty"));
    if (request.origin == Core::ReturnOrigin::NoReceipt)
        return returnDataError(QStringLiteral("protocol.bad_value"),
            QStringLiteral("a return without receipt has nothing to claim"));
    auto parsed = claimLinesFromJson(lines, QStringLiteral("claim.lines"));
    if (!parsed)
        return parsed.error();
    request.lines = parsed.value();
    return request;
}

QString name(ReturnClaim::State state)
{
    for (const auto &[candidate, label] : claimStateNames) {
        if (candidate == state)
            return QLatin1String(label);
    }
    return {};
}

QJsonObject ReturnClaim::toJson() const
{
    return {
        { QStringLiteral("claimId"), claimId },
        { QStringLiteral("returnId"), returnId },
        { QStringLiteral("number"), number },
        { QStringLiteral("state"), name(state) },
        { QStringLiteral("lines"), claimLinesToJson(lines) },
        { QStringLiteral("order"), Protocol::toJson(order) },
    };
}

Core::Result<ReturnClaim> ReturnClaim::fromJson(const QJsonObject &json)
{
    const QString context = QStringLiteral("claim");
    JsonReader reader(json, context);
    ReturnClaim claim;
    claim.claimId = reader.string(QStringLiteral("claimId"));
    claim.returnId = reader.string(QStringLiteral("returnId"));
    claim.number = reader.string(QStringLiteral("number"));
    readEnum(reader, QStringLiteral("state"), context, &claimStateFromName, claim.state);
    const QJsonArray lines = reader.array(QStringLiteral("lines"));
    const QJsonObject order = reader.object(QStringLiteral("order"));
    reader.rejectUnknownFields();
    if (!reader.ok())
        return reader.error();
    if (!isUuid(claim.claimId) || !isUuid(claim.returnId))
        return returnDataError(
            QStringLiteral("protocol.bad_id"), QStringLiteral("claimId or returnId is not a UUID"));
    auto parsed = claimLinesFromJson(lines, QStringLiteral("claim.lines"));
    if (!parsed)
        return parsed.error();
    claim.lines = parsed.value();
    auto parsedOrder = returnableOrderFromJson(order);
    if (!parsedOrder)
        return parsedOrder.error();
    claim.order = parsedOrder.value();
    return claim;
}

QJsonObject returnConflictToJson(
    const QString &code, const QString &message, const QList<ReturnableLeft> &left)
{
    QJsonArray returnable;
    for (const ReturnableLeft &line : left)
        returnable.append(QJsonObject { { QStringLiteral("lineId"), line.lineId },
            { QStringLiteral("returnable"), line.returnable } });
    return { { QStringLiteral("code"), code }, { QStringLiteral("message"), message },
        { QStringLiteral("returnable"), returnable } };
}

QList<ReturnableLeft> returnableLeftFromJson(const QJsonObject &json)
{
    QList<ReturnableLeft> left;
    for (const QJsonValue &value : json.value(QStringLiteral("returnable")).toArray()) {
        const QJsonObject line = value.toObject();
        const QJsonValue lineId = line.value(QStringLiteral("lineId"));
        const QJsonValue returnable = line.value(QStringLiteral("returnable"));
        if (!lineId.isString() || !returnable.isDouble())
            continue;
        left.append(
            ReturnableLeft { lineId.toString(), int(std::max<qint64>(0, returnable.toInteger())) });
    }
    return left;
}

// ---- The "return" event ----------------------------------------------------------------------

QJsonObject returnToJson(const Core::Return &ret)
{
    QJsonArray lines;
    for (const Core::ReturnLine &line : ret.lines) {
        lines.append(QJsonObject {
            { QStringLiteral("lineId"), line.lineId },
            { QStringLiteral("originalLineId"), line.originalLineId },
            { QStringLiteral("productId"), line.productId },
            { QStringLiteral("sku"), line.sku },
            { QStringLiteral("name"), line.name },
            { QStringLiteral("category"), line.category },
            { QStringLiteral("vatClass"), Core::name(line.vatClass) },
            { QStringLiteral("vatBasisPoints"), line.vatBasisPoints },
            { QStringLiteral("quantity"), line.quantity },
            { QStringLiteral("refundCents"), line.refund.cents() },
            { QStringLiteral("reason"), Core::name(line.reason) },
            { QStringLiteral("condition"), Core::name(line.condition) },
        });
    }
    QJsonArray refunds;
    for (const Core::Refund &refund : ret.refunds) {
        refunds.append(QJsonObject {
            { QStringLiteral("method"), Core::name(refund.method) },
            { QStringLiteral("amountCents"), refund.amount.cents() },
            { QStringLiteral("reference"), refund.reference },
            { QStringLiteral("originalReference"), refund.originalReference },
            { QStringLiteral("claimId"), refund.claimId },
            { QStringLiteral("maskedPan"), refund.maskedPan },
            { QStringLiteral("points"), refund.points },
        });
    }
    QJsonArray vat;
    for (const Core::VatBreakdown &rate : ret.vat) {
        vat.append(QJsonObject {
            { QStringLiteral("vatClass"), rate.rate.vatClass },
            { QStringLiteral("basisPoints"), rate.rate.basisPoints },
            { QStringLiteral("grossCents"), rate.gross.cents() },
            { QStringLiteral("vatCents"), rate.vat.cents() },
            { QStringLiteral("netCents"), rate.net.cents() },
        });
    }
    QJsonArray authorisations;
    for (const Core::Authorisation &a : ret.authorisations) {
        authorisations.append(QJsonObject {
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
        { QStringLiteral("returnId"), ret.returnId },
        { QStringLiteral("receiptNumber"), ret.receiptNumber },
        { QStringLiteral("storeCode"), ret.storeCode },
        { QStringLiteral("returnedAt"), isoTime(ret.returnedAt) },
        { QStringLiteral("staffId"), ret.staffId },
        { QStringLiteral("origin"), Core::name(ret.origin) },
        { QStringLiteral("originNumber"), ret.originNumber },
        { QStringLiteral("originSaleId"), ret.originSaleId },
        { QStringLiteral("claimId"), ret.claimId },
        { QStringLiteral("lines"), lines },
        { QStringLiteral("goodsCents"), ret.goods.cents() },
        { QStringLiteral("deliveryCents"), ret.delivery.cents() },
        { QStringLiteral("totalCents"), ret.total.cents() },
        { QStringLiteral("roundingCents"), ret.rounding.cents() },
        { QStringLiteral("refunds"), refunds },
        { QStringLiteral("vat"), vat },
        { QStringLiteral("pointsTakenBack"), ret.pointsTakenBack },
        { QStringLiteral("pointsGivenBack"), ret.pointsGivenBack },
        { QStringLiteral("authorisations"), authorisations },
        { QStringLiteral("exchangeSaleId"), ret.exchangeSaleId },
        { QStringLiteral("training"), ret.training },
    };
    if (!ret.shiftId.isEmpty())
        json.insert(QStringLiteral("shiftId"), ret.shiftId);
    if (ret.customer)
        json.insert(QStringLiteral("customer"), customerToJson(*ret.customer));
    return json;
}

Core::Result<Core::Return> returnFromJson(const QJsonObject &json)
{
    const QString context = QStringLiteral("return");
    JsonReader reader(json, context);
    Core::Return ret;
    ret.returnId = reader.string(QStringLiteral("returnId"));
    ret.receiptNumber = reader.string(QStringLiteral("receiptNumber"));
    ret.storeCode = reader.string(QStringLiteral("storeCode"));
    ret.returnedAt = reader.timestamp(QStringLiteral("returnedAt"));
    ret.staffId = reader.integer(QStringLiteral("staffId"), true, 1);
    readEnum(reader, QStringLiteral("origin"), context, &Core::returnOriginFromName, ret.origin);
    ret.originNumber = reader.string(QStringLiteral("originNumber"), false);
    ret.originSaleId = reader.string(QStringLiteral("originSaleId"), false);
    ret.claimId = reader.string(QStringLiteral("claimId"), false);
    const QJsonArray lineArray = reader.array(QStringLiteral("lines"));
    ret.goods = reader.money(QStringLiteral("goodsCents"));
    ret.delivery = reader.money(QStringLiteral("deliveryCents"));
    ret.total = reader.money(QStringLiteral("totalCents"));
    ret.rounding = reader.money(QStringLiteral("roundingCents"), true);
    const QJsonArray refundArray = reader.array(QStringLiteral("refunds"));
    const QJsonArray vatArray = reader.array(QStringLiteral("vat"));
    const QJsonObject customer = reader.object(QStringLiteral("customer"), false);
    ret.pointsTakenBack = reader.integer(QStringLiteral("pointsTakenBack"));
    ret.pointsGivenBack = reader.integer(QStringLiteral("pointsGivenBack"));
    const QJsonArray authorisationArray = reader.array(QStringLiteral("authorisations"));
    ret.exchangeSaleId = reader.string(QStringLiteral("exchangeSaleId"), false);
    ret.training = reader.boolean(QStringLiteral("training"));
    ret.shiftId = reader.string(QStringLiteral("shiftId"), false);
    reader.rejectUnknownFields();
    if (!reader.ok())
        return reader.error();
    if (!isUuid(ret.returnId))
        return returnDataError(
            QStringLiteral("protocol.bad_id"), QStringLiteral("returnId is not a UUID"));
    if (ret.receiptNumber.isEmpty() || ret.storeCode.isEmpty())
        return returnDataError(QStringLiteral("protocol.missing_field"),
            QStringLiteral("receipt number or store missing"));
    if (!ret.claimId.isEmpty() && !isUuid(ret.claimId))
        return returnDataError(
            QStringLiteral("protocol.bad_id"), QStringLiteral("claimId is not a UUID"));
    if (json.contains(QStringLiteral("customer"))) {
        auto c = customerFromJson(customer, QStringLiteral("return.customer"));
        if (!c)
            return c.error();
        ret.customer = c.value();
    }

    const auto lineObjects = objectsOf(lineArray, QStringLiteral("return.lines"));
    if (!lineObjects)
        return lineObjects.error();
    if (lineObjects->isEmpty() || lineObjects->size() > maxLines)
        return returnDataError(
            QStringLiteral("return.lines"), QStringLiteral("a return needs 1 to 1000 lines"));
    QSet<QString> lineIds;
    Money lineSum;
    for (qsizetype i = 0; i < lineObjects->size(); ++i) {
        const QString lineContext = QStringLiteral("return.lines[%1]").arg(i);
        JsonReader r(lineObjects->at(i), lineContext);
        Core::ReturnLine line;
        line.lineId = r.string(QStringLiteral("lineId"));
        line.originalLineId = r.string(QStringLiteral("originalLineId"), false);
        line.productId = r.integer(QStringLiteral("productId"));
        line.sku = r.string(QStringLiteral("sku"));
        line.name = r.string(QStringLiteral("name"), false);
        line.category = r.string(QStringLiteral("category"), false);
        readEnum(
            r, QStringLiteral("vatClass"), lineContext, &Core::vatClassFromName, line.vatClass);
        line.vatBasisPoints = int(r.integer(QStringLiteral("vatBasisPoints"), true, 0, 10000));
        line.quantity = int(r.integer(QStringLiteral("quantity"), true, 1, 100000));
        line.refund = r.money(QStringLiteral("refundCents"));
        readEnum(
            r, QStringLiteral("reason"), lineContext, &Core::returnReasonFromName, line.reason);
        readEnum(r, QStringLiteral("condition"), lineContext, &Core::itemConditionFromName,
            line.condition);
        r.rejectUnknownFields();
        if (!r.ok())
            return r.error();
        if (line.lineId.isEmpty() || lineIds.contains(line.lineId))
            return returnDataError(QStringLiteral("return.line_id"),
                QStringLiteral("line %1 has no unique line id").arg(i + 1));
        lineIds.insert(line.lineId);
        lineSum += line.refund;
        ret.lines.append(line);
    }
    if (lineSum != ret.goods)
        return returnDataError(
            QStringLiteral("return.goods"), QStringLiteral("the line refunds do not add up"));
    if (ret.goods + ret.delivery != ret.total)
        return returnDataError(QStringLiteral("return.total"),
            QStringLiteral("goods and delivery do not add up to the total"));

    const auto vatObjects = objectsOf(vatArray, QStringLiteral("return.vat"));
    if (!vatObjects)
        return vatObjects.error();
    for (qsizetype i = 0; i < vatObjects->size(); ++i) {
        JsonReader r(vatObjects->at(i), QStringLiteral("return.vat[%1]").arg(i));
        Core::VatBreakdown rate;
        rate.rate.vatClass = r.string(QStringLiteral("vatClass"), false);
        rate.rate.basisPoints = int(r.integer(QStringLiteral("basisPoints"), true, 0, 10000));
        rate.gross = r.money(QStringLiteral("grossCents"), true);
        rate.vat = r.money(QStringLiteral("vatCents"), true);
        rate.net = r.money(QStringLiteral("netCents"), true);
        r.rejectUnknownFields();
        if (!r.ok())
            return r.error();
        ret.vat.append(rate);
    }
    const QList<Core::VatBreakdown> expected = Core::returnVat(ret.lines);
    bool vatAgrees = expected.size() == ret.vat.size();
    for (qsizetype i = 0; vatAgrees && i < expected.size(); ++i) {
        const Core::VatBreakdown &a = expected.at(i);
        const Core::VatBreakdown &b = ret.vat.at(i);
        vatAgrees = a.rate.basisPoints == b.rate.basisPoints && a.gross == b.gross && a.vat == b.vat
            && a.net == b.net;
    }
    if (!vatAgrees)
        return returnDataError(QStringLiteral("return.vat_mismatch"),
            QStringLiteral("the VAT summary differs from the lines"));

    const auto refundObjects = objectsOf(refundArray, QStringLiteral("return.refunds"));
    if (!refundObjects)
        return refundObjects.error();
    Money refunded;
    for (qsizetype i = 0; i < refundObjects->size(); ++i) {
        const QString refundContext = QStringLiteral("return.refunds[%1]").arg(i);
        JsonReader r(refundObjects->at(i), refundContext);
        Core::Refund refund;
        readEnum(
            r, QStringLiteral("method"), refundContext, &Core::refundMethodFromName, refund.method);
        refund.amount = r.money(QStringLiteral("amountCents"));
        refund.reference = r.string(QStringLiteral("reference"), false);
        refund.originalReference = r.string(QStringLiteral("originalReference"), false);
        refund.claimId = r.string(QStringLiteral("claimId"), false);
        refund.maskedPan = r.string(QStringLiteral("maskedPan"), false);
        refund.points = r.integer(QStringLiteral("points"), false);
        r.rejectUnknownFields();
        if (!r.ok())
            return r.error();
        refunded += refund.amount;
        ret.refunds.append(refund);
    }
    if (refunded != ret.total + ret.rounding)
        return returnDataError(QStringLiteral("return.refunds"),
            QStringLiteral("the refunds do not pay the total and rounding"));

    const auto authorisationObjects
        = objectsOf(authorisationArray, QStringLiteral("return.authorisations"));
    if (!authorisationObjects)
        return authorisationObjects.error();
    for (qsizetype i = 0; i < authorisationObjects->size(); ++i) {
        const QString aContext = QStringLiteral("return.authorisations[%1]").arg(i);
        JsonReader r(authorisationObjects->at(i), aContext);
        Core::Authorisation a;
        readEnum(
            r, QStringLiteral("permission"), aContext, &Core::permissionFromName, a.permission);
        a.requestedBy = r.integer(QStringLiteral("requestedBy"), true, 1);
        a.approvedBy = r.integer(QStringLiteral("approvedBy"), true, 1);
        a.lineId = r.string(QStringLiteral("lineId"), false);
        a.amount = r.money(QStringLiteral("amountCents"));
        a.reason = r.string(QStringLiteral("reason"), false);
        a.approvedAt = r.timestamp(QStringLiteral("approvedAt"));
        r.rejectUnknownFields();
        if (!r.ok())
            return r.error();
        ret.authorisations.append(a);
    }
    return ret;
}

} // namespace Toonbank::Sync::Protocol
