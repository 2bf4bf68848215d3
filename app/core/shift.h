#pragma once

#include "money.h"
#include "result.h"
#include "sale.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

// Shifts and cash (issue 12, "Store operations"): the rules of a drawer's day, shared by the
// tablet (ShiftService) and the server (the shift event handlers re-check with them). Pure
// rules, no I/O. docs/STOREOPS.md is the reference.
namespace Toonbank::Core {

/// The euro's coins and notes, in cents, smallest first: 1, 2, 5, 10, 20, 50, 100, 200 (coins),
/// 500, 1000, 2000, 5000, 10000, 20000, 50000 (notes).
const QList<qint64> &euroDenominations();
bool isCoin(qint64 denominationCents);

/// Cash counted per denomination (a float, a closing count). Pieces per denomination in cents.
struct CashCount
{
    QMap<qint64, qint64> pieces; // denomination (cents) → pieces; absent = 0

    Money total() const;
    bool isEmpty() const; // no pieces at all
    bool operator==(const CashCount &) const = default;
};

/// Checks a count as staff typed it: every denomination one of euroDenominations(), every
/// number of pieces a non-negative integer below 100,000. `typed` holds the text per
/// denomination as entered (empty = 0). Errors (message names the denomination):
/// "count.not_integer" ("2,5", "abc", "1e3"), "count.negative", "count.too_large",
/// "count.unknown_denomination".
Result<CashCount> parseCashCount(const QMap<qint64, QString> &typed);
/// The same checks on numbers already parsed (a count from JSON).
Status checkCashCount(const CashCount &count);

enum class CashMovementKind {
    CashIn, // "cash_in": money put in (change from the safe), with a reason
    CashOut, // "cash_out": money taken out (to the safe, a bank deposit, a small expense)
    NoSale, // "no_sale": the drawer opened without a sale (approved by a manager); amount 0
};
QString name(CashMovementKind kind);
std::optional<CashMovementKind> cashMovementKindFromName(const QString &name);

/// A cash movement in the open shift.
struct CashMovement
{
    QString movementId; // UUID
    CashMovementKind kind = CashMovementKind::CashIn;
    Money amount; // > 0 for cash in / out; 0 for a no-sale
    QString reason; // required for cash in / out and no-sale (1..200 characters)
    qint64 staffId = 0;
    QDateTime at; // UTC
    std::optional<Authorisation> approval; // a no-sale: the manager who approved
};

/// What went through a drawer during a shift, as the X and Z reports show it. Training sales
/// and returns are never counted (the report says how many there were).
struct ShiftTotals
{
    Money openingFloat;
    int saleCount = 0;
    int returnCount = 0;
    int itemsSold = 0;
    Money grossSales; // sum of sale totals + rounding (what customers paid)
    Money refunds; // sum of return totals (positive)
    Money rounding; // net cash rounding of the sales and returns
    QList<VatBreakdown> vat; // per rate of sales minus returns, highest first
    QMap<QString, Money> salesByTender; // TenderMethod name → amount (sales)
    QMap<QString, Money> refundsByTender; // TenderMethod name → amount (returns, positive)
    Money cashSales; // cash tenders of sales (amount settled, after rounding; change excluded)
    Money cashRefunds; // cash handed out by returns
    Money cashIn;
    Money cashOut;
    int noSaleCount = 0;
    int trainingCount = 0; // training sales and returns, left out of every figure above
    int voidCount = 0; // sales cancelled after a payment part (refunded at once)

    /// openingFloat + cashSales − cashRefunds + cashIn − cashOut.
    Money expectedCash() const;
};

/// One finished sale or return as the shift totals need it. `sign` +1 for a sale, −1 for a
/// return (a return's amounts are positive and subtracted).
struct ShiftDocument
{
    int sign = 1;
    bool training = false;
    bool voided = false;
    Money total; // unrounded
    Money rounding;
    int items = 0;
    QList<VatBreakdown> vat;
    QList<Tender> tenders; // sale tenders, or a return's refunds as tenders (method, amount)
};

/// Adds up a shift: the float, its sales and returns, its cash movements. The one function the
/// tablet (X/Z report, expected cash) and the server (re-check of a close) use.
ShiftTotals shiftTotals(
    Money openingFloat, const QList<ShiftDocument> &documents, const QList<CashMovement> &moves);

/// Cash in the drawer right now (expectedCash of what happened so far).
/// A cash out of more than that: "shift.cash_out_exceeds" (message says how much is there).
/// Amount ≤ 0 or over € 100,000: "shift.amount". Reason empty or > 200 characters:
/// "shift.reason".
Status checkCashMovement(const CashMovement &move, Money cashInDrawer);

/// The variance of a close: counted − expected (negative = cash missing).
struct ShiftVariance
{
    Money expected;
    Money counted;
    Money variance() const { return counted - expected; }
};

enum class ShiftState { Open, Closed };
QString name(ShiftState state);
std::optional<ShiftState> shiftStateFromName(const QString &name);

/// One drawer's shift: from the counted float to the closing count. A shift that runs past
/// midnight stays one shift (its business date is the date it opened, store local time).
struct Shift
{
    QString shiftId; // UUID
    QString drawerId; // the drawer (by default the tablet's terminal code, e.g. "T1")
    QString storeCode;
    qint64 openedBy = 0;
    QDateTime openedAt; // UTC
    CashCount openingCount;
    ShiftState state = ShiftState::Open;
    qint64 closedBy = 0;
    QDateTime closedAt; // UTC, when closed
    CashCount closingCount; // when closed
    int zNumber = 0; // when closed: the drawer's Z report number, 1, 2, 3, … without gaps
};

/// An X (any time, changes nothing) or Z (the close, numbered) report.
struct ShiftReport
{
    enum class Kind { X, Z };
    Kind kind = Kind::X;
    int zNumber = 0; // Z only
    Shift shift;
    ShiftTotals totals;
    std::optional<ShiftVariance> variance; // Z only
    QDateTime printedAt; // UTC
    QString storeName;
    QString staffName; // who asked for it
    QString openedByName; // the staff member who opened the shift (empty: shown by id)
    QString closedByName; // who closed it (Z)
    bool training = false; // asked in training mode: marked on the report
};

} // namespace Toonbank::Core
