#include "storeops.h"

#include "jsonreader.h"

#include "app/core/tr.h"

#include <QJsonArray>
#include <QUuid>

#include <limits>

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

Error storeOpsError(const QString &code, const QString &detail)
{
    return Error::make(code, Tr::tr("The data received is not valid: %1").arg(detail), detail);
}

Error countError(const QString &code, const QString &detail)
{
    return Error::make(
        code, Tr::tr("The cash count received is not valid: %1").arg(detail), detail);
}

QJsonObject authorisationToJson(const Core::Authorisation &a)
{
    return {
        { QStringLiteral("permission"), Core::name(a.permission) },
        { QStringLiteral("requestedBy"), a.requestedBy },
        { QStringLiteral("approvedBy"), a.approvedBy },
        { QStringLiteral("lineId"), a.lineId },
        { QStringLiteral("amountCents"), a.amount.cents() },
        { QStringLiteral("reason"), a.reason },
        { QStringLiteral("approvedAt"), isoTime(a.approvedAt) },
    };
}

Core::Result<Core::Authorisation> authorisationFromJson(
    const QJsonObject &json, const QString &context)
{
    JsonReader r(json, context);
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
    const auto value = Core::permissionFromName(permission);
    if (!value)
        return storeOpsError(QStringLiteral("protocol.bad_value"),
            QStringLiteral("%1.permission has unknown value %2").arg(context, permission.left(30)));
    a.permission = *value;
    return a;
}

// Reads a count field of `reader`'s object (the object itself is checked by cashCountFromJson).
Core::Result<Core::CashCount> countField(JsonReader &reader, const QString &key)
{
    const QJsonObject json = reader.object(key);
    if (!reader.ok())
        return reader.error();
    return cashCountFromJson(json);
}

// An array of objects, or the error naming the first element that is not one.
Core::Result<QList<QJsonObject>> objectsOf(const QJsonArray &array, const QString &what)
{
    QList<QJsonObject> objects;
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject())
            return storeOpsError(QStringLiteral("protocol.wrong_type"),
                QStringLiteral("%1[%2] is not an object").arg(what).arg(i));
        objects.append(array.at(i).toObject());
    }
    return objects;
}

} // namespace

QJsonObject toJson(const Core::CashCount &count)
{
    QJsonObject json;
    for (auto it = count.pieces.constBegin(); it != count.pieces.constEnd(); ++it)
        json.insert(QString::number(it.key()), it.value());
    return json;
}

Core::Result<Core::CashCount> cashCountFromJson(const QJsonObject &json)
{
    Core::CashCount count;
    for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
        bool isNumber = false;
        const qint64 denomination = it.key().toLongLong(&isNumber);
        if (!isNumber || QString::number(denomination) != it.key())
            return countError(QStringLiteral("count.unknown_denomination"),
                QStringLiteral("count key %1 is not a denomination in cents")
                    .arg(it.key().left(30)));
        if (!Core::euroDenominations().contains(denomination))
            return countError(QStringLiteral("count.unknown_denomination"),
                QStringLiteral("%1 cents is not a euro coin or note").arg(denomination));
        if (!it->isDouble())
            return countError(QStringLiteral("protocol.wrong_type"),
                QStringLiteral("count %1 must be a number of pieces").arg(denomination));
        constexpr qint64 notWhole = std::numeric_limits<qint64>::min();
        const qint64 pieces = it->toInteger(notWhole);
        if (pieces == notWhole)
            return countError(QStringLiteral("count.not_integer"),
                QStringLiteral("count %1 must be a whole number of pieces").arg(denomination));
        count.pieces.insert(denomination, pieces);
    }
    const Core::Status valid = Core::checkCashCount(count);
    if (!valid)
        return valid.error();
    return count;
}

QJsonObject shiftOpenedToJson(const Core::Shift &shift)
{
    return {
        { QStringLiteral("shiftId"), shift.shiftId },
        { QStringLiteral("drawerId"), shift.drawerId },
        { QStringLiteral("storeCode"), shift.storeCode },
        { QStringLiteral("openedBy"), shift.openedBy },
        { QStringLiteral("openedAt"), isoTime(shift.openedAt) },
        { QStringLiteral("openingCount"), toJson(shift.openingCount) },
        { QStringLiteral("openingFloatCents"), shift.openingCount.total().cents() },
    };
}

Core::Result<Core::Shift> shiftOpenedFromJson(const QJsonObject &json)
{
    JsonReader r(json, QStringLiteral("shift_opened"));
    Core::Shift shift;
    shift.shiftId = r.string(QStringLiteral("shiftId"));
    shift.drawerId = r.string(QStringLiteral("drawerId"));
    shift.storeCode = r.string(QStringLiteral("storeCode"));
    shift.openedBy = r.integer(QStringLiteral("openedBy"), true, 1);
    shift.openedAt = r.timestamp(QStringLiteral("openedAt"));
    const Money openingFloat = r.money(QStringLiteral("openingFloatCents"));
    auto count = countField(r, QStringLiteral("openingCount"));
    r.rejectUnknownFields();
    if (!r.ok())
        return r.error();
    if (!count)
        return count.error();
    shift.openingCount = count.value();
    if (!isUuid(shift.shiftId))
        return storeOpsError(
            QStringLiteral("protocol.bad_id"), QStringLiteral("shiftId is not a UUID"));
    if (shift.drawerId.isEmpty() || shift.storeCode.isEmpty())
        return storeOpsError(QStringLiteral("protocol.missing_field"),
            QStringLiteral("shift_opened has no drawer or store"));
    if (openingFloat != shift.openingCount.total())
        return storeOpsError(QStringLiteral("protocol.bad_value"),
            QStringLiteral("openingFloatCents %1 is not the count's total %2")
                .arg(openingFloat.cents())
                .arg(shift.openingCount.total().cents()));
    shift.state = Core::ShiftState::Open;
    return shift;
}

QJsonObject cashMovementToJson(const QString &shiftId, const Core::CashMovement &move)
{
    QJsonObject json {
        { QStringLiteral("shiftId"), shiftId },
        { QStringLiteral("movementId"), move.movementId },
        { QStringLiteral("kind"), Core::name(move.kind) },
        { QStringLiteral("amountCents"), move.amount.cents() },
        { QStringLiteral("reason"), move.reason },
        { QStringLiteral("staffId"), move.staffId },
        { QStringLiteral("at"), isoTime(move.at) },
    };
    if (move.approval)
        json.insert(QStringLiteral("approval"), authorisationToJson(*move.approval));
    return json;
}

Core::Result<ShiftCashMovement> cashMovementFromJson(const QJsonObject &json)
{
    JsonReader r(json, QStringLiteral("cash_movement"));
    ShiftCashMovement result;
    Core::CashMovement &move = result.movement;
    result.shiftId = r.string(QStringLiteral("shiftId"));
    move.movementId = r.string(QStringLiteral("movementId"));
    const QString kind = r.string(QStringLiteral("kind"));
    move.amount = r.money(QStringLiteral("amountCents"));
    move.reason = r.string(QStringLiteral("reason"));
    move.staffId = r.integer(QStringLiteral("staffId"), true, 1);
    move.at = r.timestamp(QStringLiteral("at"));
    const QJsonObject approval = r.object(QStringLiteral("approval"), false);
    r.rejectUnknownFields();
    if (!r.ok())
        return r.error();
    if (!isUuid(result.shiftId) || !isUuid(move.movementId))
        return storeOpsError(QStringLiteral("protocol.bad_id"),
            QStringLiteral("shiftId or movementId is not a UUID"));
    const auto kindValue = Core::cashMovementKindFromName(kind);
    if (!kindValue)
        return storeOpsError(QStringLiteral("protocol.bad_value"),
            QStringLiteral("cash_movement.kind has unknown value %1").arg(kind.left(30)));
    move.kind = *kindValue;
    if (json.contains(QStringLiteral("approval"))
        && !json.value(QStringLiteral("approval")).isNull()) {
        auto a = authorisationFromJson(approval, QStringLiteral("cash_movement.approval"));
        if (!a)
            return a.error();
        move.approval = a.value();
    }
    return result;
}

QJsonObject toJson(const ShiftClosed &closed)
{
    const Core::Shift &shift = closed.shift;
    return {
        { QStringLiteral("shiftId"), shift.shiftId },
        { QStringLiteral("drawerId"), shift.drawerId },
        { QStringLiteral("storeCode"), shift.storeCode },
        { QStringLiteral("closedBy"), shift.closedBy },
        { QStringLiteral("closedAt"), isoTime(shift.closedAt) },
        { QStringLiteral("closingCount"), toJson(shift.closingCount) },
        { QStringLiteral("countedCents"), closed.variance.counted.cents() },
        { QStringLiteral("expectedCents"), closed.variance.expected.cents() },
        { QStringLiteral("varianceCents"), closed.variance.variance().cents() },
        { QStringLiteral("zNumber"), shift.zNumber },
        { QStringLiteral("saleCount"), closed.saleCount },
        { QStringLiteral("returnCount"), closed.returnCount },
    };
}

Core::Result<ShiftClosed> shiftClosedFromJson(const QJsonObject &json)
{
    JsonReader r(json, QStringLiteral("shift_closed"));
    ShiftClosed closed;
    Core::Shift &shift = closed.shift;
    shift.shiftId = r.string(QStringLiteral("shiftId"));
    shift.drawerId = r.string(QStringLiteral("drawerId"));
    shift.storeCode = r.string(QStringLiteral("storeCode"));
    shift.closedBy = r.integer(QStringLiteral("closedBy"), true, 1);
    shift.closedAt = r.timestamp(QStringLiteral("closedAt"));
    closed.variance.counted = r.money(QStringLiteral("countedCents"));
    closed.variance.expected = r.money(QStringLiteral("expectedCents"), true);
    const Money variance = r.money(QStringLiteral("varianceCents"), true);
    shift.zNumber = int(r.integer(QStringLiteral("zNumber"), true, 1, 1'000'000'000));
    closed.saleCount = int(r.integer(QStringLiteral("saleCount"), true, 0, 1'000'000'000));
    closed.returnCount = int(r.integer(QStringLiteral("returnCount"), true, 0, 1'000'000'000));
    auto count = countField(r, QStringLiteral("closingCount"));
    r.rejectUnknownFields();
    if (!r.ok())
        return r.error();
    if (!count)
        return count.error();
    shift.closingCount = count.value();
    if (!isUuid(shift.shiftId))
        return storeOpsError(
            QStringLiteral("protocol.bad_id"), QStringLiteral("shiftId is not a UUID"));
    if (shift.drawerId.isEmpty() || shift.storeCode.isEmpty())
        return storeOpsError(QStringLiteral("protocol.missing_field"),
            QStringLiteral("shift_closed has no drawer or store"));
    if (closed.variance.counted != shift.closingCount.total())
        return storeOpsError(QStringLiteral("protocol.bad_value"),
            QStringLiteral("countedCents is not the closing count's total"));
    if (variance != closed.variance.variance())
        return storeOpsError(QStringLiteral("protocol.bad_value"),
            QStringLiteral("varianceCents is not counted minus expected"));
    shift.state = Core::ShiftState::Closed;
    return closed;
}

QJsonObject DayReport::toJson() const
{
    QJsonArray hours;
    for (const Hour &h : perHour)
        hours.append(QJsonObject { { QStringLiteral("hour"), h.hour },
            { QStringLiteral("saleCount"), h.saleCount },
            { QStringLiteral("salesCents"), h.sales.cents() } });
    QJsonArray staff;
    for (const Staff &s : perStaff)
        staff.append(QJsonObject { { QStringLiteral("staffId"), s.staffId },
            { QStringLiteral("name"), s.name }, { QStringLiteral("saleCount"), s.saleCount },
            { QStringLiteral("salesCents"), s.sales.cents() },
            { QStringLiteral("returnCount"), s.returnCount },
            { QStringLiteral("refundsCents"), s.refunds.cents() } });
    QJsonObject tenders;
    for (auto it = perTender.constBegin(); it != perTender.constEnd(); ++it)
        tenders.insert(it.key(), it.value().cents());
    QJsonArray refundArray;
    for (const Refund &r : refunds)
        refundArray.append(QJsonObject { { QStringLiteral("receiptNumber"), r.receiptNumber },
            { QStringLiteral("at"), isoTime(r.at) }, { QStringLiteral("staffId"), r.staffId },
            { QStringLiteral("amountCents"), r.amount.cents() },
            { QStringLiteral("approvedBy"), r.approvedBy } });
    QJsonArray overrideArray;
    for (const Override &o : overrides)
        overrideArray.append(QJsonObject { { QStringLiteral("at"), isoTime(o.at) },
            { QStringLiteral("what"), o.what }, { QStringLiteral("reference"), o.reference },
            { QStringLiteral("requestedBy"), o.requestedBy },
            { QStringLiteral("approvedBy"), o.approvedBy },
            { QStringLiteral("approverName"), o.approverName },
            { QStringLiteral("reason"), o.reason } });
    QJsonArray shifts;
    for (const OpenShift &s : openShifts)
        shifts.append(QJsonObject { { QStringLiteral("shiftId"), s.shiftId },
            { QStringLiteral("drawerId"), s.drawerId }, { QStringLiteral("openedBy"), s.openedBy },
            { QStringLiteral("openedAt"), isoTime(s.openedAt) } });
    return {
        { QStringLiteral("storeCode"), storeCode },
        { QStringLiteral("date"), date.toString(Qt::ISODate) },
        { QStringLiteral("perHour"), hours },
        { QStringLiteral("perStaff"), staff },
        { QStringLiteral("perTender"), tenders },
        { QStringLiteral("refunds"), refundArray },
        { QStringLiteral("overrides"), overrideArray },
        { QStringLiteral("openShifts"), shifts },
        { QStringLiteral("voidCount"), voidCount },
    };
}

Core::Result<DayReport> DayReport::fromJson(const QJsonObject &json)
{
    constexpr qint64 maxCount = 1'000'000'000;
    JsonReader r(json, QStringLiteral("dayReport"));
    DayReport report;
    report.storeCode = r.string(QStringLiteral("storeCode"));
    const QString date = r.string(QStringLiteral("date"));
    const QJsonArray hours = r.array(QStringLiteral("perHour"));
    const QJsonArray staff = r.array(QStringLiteral("perStaff"));
    const QJsonObject tenders = r.object(QStringLiteral("perTender"));
    const QJsonArray refundArray = r.array(QStringLiteral("refunds"));
    const QJsonArray overrideArray = r.array(QStringLiteral("overrides"));
    const QJsonArray shifts = r.array(QStringLiteral("openShifts"));
    report.voidCount = int(r.integer(QStringLiteral("voidCount"), true, 0, maxCount));
    r.rejectUnknownFields();
    if (!r.ok())
        return r.error();
    report.date = QDate::fromString(date, Qt::ISODate);
    if (!report.date.isValid())
        return storeOpsError(
            QStringLiteral("protocol.bad_value"), QStringLiteral("dayReport.date is not a date"));

    auto hourObjects = objectsOf(hours, QStringLiteral("dayReport.perHour"));
    if (!hourObjects)
        return hourObjects.error();
    for (qsizetype i = 0; i < hourObjects->size(); ++i) {
        JsonReader h(hourObjects->at(i), QStringLiteral("dayReport.perHour[%1]").arg(i));
        Hour hour;
        hour.hour = int(h.integer(QStringLiteral("hour"), true, 0, 23));
        hour.saleCount = int(h.integer(QStringLiteral("saleCount"), true, 0, maxCount));
        hour.sales = h.money(QStringLiteral("salesCents"), true);
        h.rejectUnknownFields();
        if (!h.ok())
            return h.error();
        report.perHour.append(hour);
    }
    auto staffObjects = objectsOf(staff, QStringLiteral("dayReport.perStaff"));
    if (!staffObjects)
        return staffObjects.error();
    for (qsizetype i = 0; i < staffObjects->size(); ++i) {
        JsonReader s(staffObjects->at(i), QStringLiteral("dayReport.perStaff[%1]").arg(i));
        Staff member;
        member.staffId = s.integer(QStringLiteral("staffId"));
        member.name = s.string(QStringLiteral("name"));
        member.saleCount = int(s.integer(QStringLiteral("saleCount"), true, 0, maxCount));
        member.sales = s.money(QStringLiteral("salesCents"), true);
        member.returnCount = int(s.integer(QStringLiteral("returnCount"), true, 0, maxCount));
        member.refunds = s.money(QStringLiteral("refundsCents"), true);
        s.rejectUnknownFields();
        if (!s.ok())
            return s.error();
        report.perStaff.append(member);
    }
    {
        JsonReader t(tenders, QStringLiteral("dayReport.perTender"));
        for (auto it = tenders.constBegin(); it != tenders.constEnd(); ++it) {
            if (!Core::tenderMethodFromName(it.key()))
                return storeOpsError(QStringLiteral("protocol.bad_value"),
                    QStringLiteral("dayReport.perTender has unknown method %1")
                        .arg(it.key().left(30)));
            report.perTender.insert(it.key(), t.money(it.key(), true));
        }
        if (!t.ok())
            return t.error();
    }
    auto refundObjects = objectsOf(refundArray, QStringLiteral("dayReport.refunds"));
    if (!refundObjects)
        return refundObjects.error();
    for (qsizetype i = 0; i < refundObjects->size(); ++i) {
        JsonReader f(refundObjects->at(i), QStringLiteral("dayReport.refunds[%1]").arg(i));
        Refund refund;
        refund.receiptNumber = f.string(QStringLiteral("receiptNumber"));
        refund.at = f.timestamp(QStringLiteral("at"));
        refund.staffId = f.integer(QStringLiteral("staffId"));
        refund.amount = f.money(QStringLiteral("amountCents"));
        refund.approvedBy = f.string(QStringLiteral("approvedBy"), false);
        f.rejectUnknownFields();
        if (!f.ok())
            return f.error();
        report.refunds.append(refund);
    }
    auto overrideObjects = objectsOf(overrideArray, QStringLiteral("dayReport.overrides"));
    if (!overrideObjects)
        return overrideObjects.error();
    for (qsizetype i = 0; i < overrideObjects->size(); ++i) {
        JsonReader o(overrideObjects->at(i), QStringLiteral("dayReport.overrides[%1]").arg(i));
        Override item;
        item.at = o.timestamp(QStringLiteral("at"));
        item.what = o.string(QStringLiteral("what"));
        item.reference = o.string(QStringLiteral("reference"), false);
        item.requestedBy = o.integer(QStringLiteral("requestedBy"));
        item.approvedBy = o.integer(QStringLiteral("approvedBy"));
        item.approverName = o.string(QStringLiteral("approverName"), false);
        item.reason = o.string(QStringLiteral("reason"), false);
        o.rejectUnknownFields();
        if (!o.ok())
            return o.error();
        report.overrides.append(item);
    }
    auto shiftObjects = objectsOf(shifts, QStringLiteral("dayReport.openShifts"));
    if (!shiftObjects)
        return shiftObjects.error();
    for (qsizetype i = 0; i < shiftObjects->size(); ++i) {
        JsonReader s(shiftObjects->at(i), QStringLiteral("dayReport.openShifts[%1]").arg(i));
        OpenShift open;
        open.shiftId = s.string(QStringLiteral("shiftId"));
        open.drawerId = s.string(QStringLiteral("drawerId"));
        open.openedBy = s.integer(QStringLiteral("openedBy"));
        open.openedAt = s.timestamp(QStringLiteral("openedAt"));
        s.rejectUnknownFields();
        if (!s.ok())
            return s.error();
        report.openShifts.append(open);
    }
    return report;
}

} // namespace Toonbank::Sync::Protocol
