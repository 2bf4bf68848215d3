#pragma once

#include "app/core/clock.h"
#include "app/core/result.h"
#include "app/core/shift.h"

#include <QObject>

#include <memory>
#include <optional>

namespace Toonbank::Store {
class LocalDatabase;
class ShiftLedger;
struct StoredShift;
} // namespace Toonbank::Store

namespace Toonbank::Devices {
class CashDrawer;
class ReceiptPrinter;
} // namespace Toonbank::Devices

namespace Toonbank::Services {

class Session;

/// The drawer's shift (issue 12, docs/STOREOPS.md): open with a counted float, cash in / out
/// with a reason, a no-sale drawer open with a manager's approval, an X report at any time,
/// and the close with the counted cash, the expected amount, the variance and a numbered Z
/// report. Every step is written durably (Store::ShiftLedger: rows, the outbox event and the
/// journal entry in one transaction) before the call returns. Permissions are checked here:
/// OperateShift (open, X, close), MoveCash (cash in / out), a no-sale needs an Authorisation
/// for Permission::OpenDrawerNoSale (OverrideService::approve). In training mode nothing moves
/// the shift's cash: open / close / cash movements are refused with "training.not_allowed".
///
/// The drawer is this tablet's (setting "drawer_id", default the terminal code). One open shift
/// per drawer; a shift that runs past midnight stays one shift. Selling and refunding need an
/// open shift unless the store does not count cash (setting "shift.required" = "0";
/// SaleService and ReturnService ask requireOpenShift()).
class ShiftService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShiftService)
public:
    ShiftService(Store::LocalDatabase &database, Session &session, const Core::Clock &clock,
        QObject *parent = nullptr);
    ~ShiftService() override;

    void setCashDrawer(Devices::CashDrawer *drawer) { m_drawer = drawer; }
    void setReceiptPrinter(Devices::ReceiptPrinter *printer) { m_printer = printer; }

    QString drawerId() const;
    /// Whether this store counts cash per shift (setting "shift.required", default on).
    bool shiftRequired() const;
    /// The drawer's open shift, if any.
    Core::Result<std::optional<Core::Shift>> openShift() const;
    /// Success when selling may go on: an open shift, or a store that does not count cash.
    /// Error "shift.not_open": "Open a shift first: count the float on the Shift screen."
    Core::Status requireOpenShift() const;

    /// Opens the drawer's shift with the counted float (may be empty: € 0). Opens the drawer.
    /// Errors: "permission.denied", "session.locked", count.* (Core::checkCashCount),
    /// "shift.already_open" (this drawer has an open shift), "training.not_allowed",
    /// "shift.store_failed".
    Core::Result<Core::Shift> open(const Core::CashCount &openingFloat);

    /// Cash in or out of the open shift with a reason; opens the drawer. Errors:
    /// "permission.denied", "shift.not_open", "shift.amount", "shift.reason",
    /// "shift.cash_out_exceeds" (Core::checkCashMovement against the cash in the drawer now),
    /// "training.not_allowed", "shift.store_failed".
    Core::Result<Core::CashMovement> moveCash(
        Core::CashMovementKind kind, Core::Money amount, const QString &reason);

    /// A no-sale drawer open: needs `approval` for Permission::OpenDrawerNoSale (from
    /// OverrideService::approve; a manager may approve their own). Errors: "shift.not_open",
    /// "approval.missing", "approval.mismatch", "shift.reason", "training.not_allowed".
    Core::Result<Core::CashMovement> noSale(
        const QString &reason, const std::optional<Core::Authorisation> &approval);

    /// The X report of the open shift (changes nothing). Error "shift.not_open".
    Core::Result<Core::ShiftReport> xReport() const;
    /// The cash the drawer should hold now (the X report's expected cash).
    Core::Result<Core::Money> expectedCash() const;

    /// Closes the open shift with the counted cash: the Z report with its number (the drawer's
    /// next, without gaps), expected, counted and variance. Errors: "permission.denied",
    /// count.*, "shift.not_open" (also: closed already — closing twice),
    /// "shift.sale_open" (a sale with lines or a payment in progress: finish or clear it first;
    /// the caller passes `saleInProgress`), "training.not_allowed", "shift.store_failed".
    Core::Result<Core::ShiftReport> close(const Core::CashCount &counted, bool saleInProgress);

    /// The Z report of a closed shift of this drawer, by its number (reprint).
    /// Error "shift.no_report".
    Core::Result<Core::ShiftReport> zReport(int zNumber) const;
    /// The closed shifts of this drawer, newest first (Z number, opened, closed, variance).
    Core::Result<QList<Core::ShiftReport>> recentZReports(int limit = 20) const;

    /// Prints a report on the receipt printer (ESC/POS) / renders it as PDF bytes.
    /// Errors: "printer.*", "shift.no_printer".
    Core::Status print(const Core::ShiftReport &report) const;
    Core::Result<QByteArray> pdf(const Core::ShiftReport &report) const;

    /// For the crash tests: see Store::ShiftLedger::setBeforeCommitHook.
    Store::ShiftLedger &ledger() { return *m_ledger; }

signals:
    void shiftChanged(); // opened, moved cash, closed

private:
    bool training() const;
    Core::Error trainingRefused() const;
    Core::Result<Store::StoredShift> requireOpen() const;
    Core::Result<Core::ShiftReport> report(
        const Store::StoredShift &stored, Core::ShiftReport::Kind kind) const;
    void kickDrawer() const;

    Store::LocalDatabase &m_db;
    Session &m_session;
    const Core::Clock &m_clock;
    std::unique_ptr<Store::ShiftLedger> m_ledger;
    Devices::CashDrawer *m_drawer = nullptr;
    Devices::ReceiptPrinter *m_printer = nullptr;
};

} // namespace Toonbank::Services
