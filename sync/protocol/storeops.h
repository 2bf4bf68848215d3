#pragma once

#include "app/core/result.h"
#include "app/core/shift.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

// The wire forms of issue 12, "Store operations" (docs/STOREOPS.md). Reading is strict:
// unknown fields, wrong types, negative or non-integer counts are "protocol.*" / "count.*"
// errors.

namespace Toonbank::Sync::Protocol {

/// A count on the wire: `{"500": 2, "20": 13}` (denomination in cents → pieces).
QJsonObject toJson(const Core::CashCount &count);
Core::Result<Core::CashCount> cashCountFromJson(const QJsonObject &json);

/// "shift_opened": {shiftId, drawerId, storeCode, openedBy, openedAt, openingCount,
/// openingFloatCents}.
QJsonObject shiftOpenedToJson(const Core::Shift &shift);
Core::Result<Core::Shift> shiftOpenedFromJson(const QJsonObject &json);

/// "cash_movement": {shiftId, movementId, kind, amountCents, reason, staffId, at,
/// approval?} (approval: an Authorisation as in a sale, required for a no-sale).
QJsonObject cashMovementToJson(const QString &shiftId, const Core::CashMovement &move);
struct ShiftCashMovement
{
    QString shiftId;
    Core::CashMovement movement;
};
Core::Result<ShiftCashMovement> cashMovementFromJson(const QJsonObject &json);

/// "shift_closed": {shiftId, drawerId, storeCode, closedBy, closedAt, closingCount,
/// countedCents, expectedCents, varianceCents, zNumber, saleCount, returnCount}. The server
/// recomputes expected cash from the shift's sales, returns and movements it holds (events
/// arrive in order, so all of them came before the close) and rejects a close whose figures
/// differ ("shift.expected"), a second close ("shift.not_open") or a Z number out of sequence
/// ("shift.z_number").
struct ShiftClosed
{
    Core::Shift shift; // shiftId, drawerId, storeCode, closedBy, closedAt, closingCount, zNumber
    Core::ShiftVariance variance;
    int saleCount = 0;
    int returnCount = 0;
};
QJsonObject toJson(const ShiftClosed &closed);
Core::Result<ShiftClosed> shiftClosedFromJson(const QJsonObject &json);

/// GET /v1/reports/day?store=CODE&date=yyyy-MM-dd (supervisor or manager of that store's
/// devices; another store's code: 403 "scope.location"): the manager's day chain-wide for one
/// store, from the server's tables. Training sales and returns are left out.
struct DayReport
{
    QString storeCode;
    QDate date; // store local date
    struct Hour
    {
        int hour = 0; // 0..23 local
        int saleCount = 0;
        Core::Money sales; // paid (total + rounding)
    };
    QList<Hour> perHour; // only hours with sales, ascending
    struct Staff
    {
        qint64 staffId = 0;
        QString name;
        int saleCount = 0;
        Core::Money sales;
        int returnCount = 0;
        Core::Money refunds;
    };
    QList<Staff> perStaff; // by sales, highest first
    QMap<QString, Core::Money> perTender; // TenderMethod name → amount of sales
    struct Refund
    {
        QString receiptNumber;
        QDateTime at;
        qint64 staffId = 0;
        Core::Money amount;
        QString approvedBy; // name of the manager when an approval was needed
    };
    QList<Refund> refunds;
    struct Override
    {
        QDateTime at;
        QString what; // permission name ("approve_manual_discount", "open_drawer_no_sale", …)
        QString reference; // receipt number or shift id
        qint64 requestedBy = 0;
        qint64 approvedBy = 0;
        QString approverName;
        QString reason;
    };
    QList<Override> overrides; // from the journal's approval entries and the no-sales
    struct OpenShift
    {
        QString shiftId;
        QString drawerId;
        qint64 openedBy = 0;
        QDateTime openedAt;
    };
    QList<OpenShift> openShifts;
    int voidCount = 0;

    QJsonObject toJson() const;
    static Core::Result<DayReport> fromJson(const QJsonObject &json);
};

} // namespace Toonbank::Sync::Protocol
