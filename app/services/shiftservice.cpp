#include "shiftservice.h"

#include "session.h"

#include "app/devices/cashdrawer.h"
#include "app/devices/receiptprinter.h"
#include "app/devices/shiftreport.h"
#include "app/store/localdatabase.h"
#include "app/store/shiftledger.h"
#include "app/store/staffdirectory.h"
#include "sync/protocol/storeops.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace Toonbank::Services {

using Core::Error;
using Core::Money;

namespace {

const QString drawerSettingKey = QStringLiteral("drawer_id");
const QString requiredSettingKey = QStringLiteral("shift.required");

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QByteArray compact(const QJsonObject &json)
{
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

} // namespace

ShiftService::ShiftService(
    Store::LocalDatabase &database, Session &session, const Core::Clock &clock, QObject *parent)
    : QObject(parent)
    , m_db(database)
    , m_session(session)
    , m_clock(clock)
    , m_ledger(std::make_unique<Store::ShiftLedger>(database))
{ }

ShiftService::~ShiftService() = default;

QString ShiftService::drawerId() const
{
    const QString drawer = m_db.setting(drawerSettingKey).trimmed();
    if (!drawer.isEmpty())
        return drawer;
    return m_db.setting(QStringLiteral("terminal_code"), QStringLiteral("T1"));
}

bool ShiftService::shiftRequired() const
{
    return m_db.setting(requiredSettingKey, QStringLiteral("1")).trimmed() != QLatin1String("0");
}

Core::Result<std::optional<Core::Shift>> ShiftService::openShift() const
{
    Core::Result<std::optional<Store::StoredShift>> stored = m_ledger->openShift(drawerId());
    if (!stored)
        return stored.error();
    if (!stored.value())
        return std::optional<Core::Shift>();
    return std::optional<Core::Shift>(stored.value()->shift);
}

Core::Status ShiftService::requireOpenShift() const
{
    if (!shiftRequired())
        return Core::success();
    Core::Result<std::optional<Core::Shift>> open = openShift();
    if (!open)
        return open.error();
    if (!open.value())
        return Error::make(QStringLiteral("shift.not_open"),
            tr("Open a shift first: count the float on the Shift screen."),
            QStringLiteral("drawer %1").arg(drawerId()));
    return Core::success();
}

// --- internals -------------------------------------------------------------------------------

namespace {

struct Here
{
    QString code;
    QString name;
};

// This tablet's store: the "location_id" setting (Terminal::locationSettingKey), else the first
// store in the cache (as Terminal::open decides).
Here storeHere(Store::LocalDatabase &db)
{
    QSqlQuery q(db.connection());
    bool known = false;
    const qint64 id = db.setting(QStringLiteral("location_id")).toLongLong(&known);
    if (known) {
        q.prepare(QStringLiteral("SELECT code, name FROM locations WHERE id = ?"));
        q.addBindValue(id);
    } else {
        q.prepare(QStringLiteral(
            "SELECT code, name FROM locations WHERE kind = 'store' ORDER BY id LIMIT 1"));
    }
    if (q.exec() && q.next())
        return { q.value(0).toString(), q.value(1).toString() };
    return {};
}

} // namespace

bool ShiftService::training() const
{
    return m_session.isTraining();
}

Core::Error ShiftService::trainingRefused() const
{
    return Error::make(QStringLiteral("training.not_allowed"),
        tr("Not in training mode: switch training off to work with the real drawer."));
}

Core::Result<Core::ShiftReport> ShiftService::report(
    const Store::StoredShift &stored, Core::ShiftReport::Kind kind) const
{
    Core::Result<QList<Core::CashMovement>> moves = m_ledger->movements(stored.shift.shiftId);
    if (!moves)
        return moves.error();
    Core::Result<QList<Core::ShiftDocument>> docs = m_ledger->documents(stored);
    if (!docs)
        return docs.error();
    Core::ShiftReport report;
    report.kind = kind;
    report.shift = stored.shift;
    report.totals = Core::shiftTotals(stored.openingFloat(), docs.value(), moves.value());
    if (kind == Core::ShiftReport::Kind::Z) {
        report.zNumber = stored.shift.zNumber;
        report.variance = Core::ShiftVariance { stored.expected, stored.counted };
    }
    report.printedAt = m_clock.nowUtc();
    report.storeName = storeHere(m_db).name;
    if (m_session.staff())
        report.staffName = m_session.staff()->displayName;
    report.training = training();
    Store::StaffDirectory staff(m_db);
    if (auto opener = staff.member(stored.shift.openedBy))
        report.openedByName = opener->displayName;
    if (stored.shift.closedBy != 0) {
        if (auto closer = staff.member(stored.shift.closedBy))
            report.closedByName = closer->displayName;
    }
    return report;
}

Core::Result<Store::StoredShift> ShiftService::requireOpen() const
{
    Core::Result<std::optional<Store::StoredShift>> stored = m_ledger->openShift(drawerId());
    if (!stored)
        return stored.error();
    if (!stored.value())
        return Error::make(QStringLiteral("shift.not_open"),
            tr("No shift is open on this drawer. Open a shift on the Shift screen first."),
            QStringLiteral("drawer %1").arg(drawerId()));
    return *stored.value();
}

void ShiftService::kickDrawer() const
{
    if (m_drawer)
        (void)
            m_drawer->open(); // a drawer that does not open is staff's to notice; the step is saved
}

// --- operations ------------------------------------------------------------------------------

Core::Result<Core::Shift> ShiftService::open(const Core::CashCount &openingFloat)
{
    if (const Core::Status allowed = m_session.require(Core::Permission::OperateShift); !allowed)
        return allowed.error();
    if (training())
        return trainingRefused();
    if (const Core::Status count = Core::checkCashCount(openingFloat); !count)
        return count.error();

    Core::Shift shift;
    shift.shiftId = newUuid();
    shift.drawerId = drawerId();
    shift.storeCode = storeHere(m_db).code;
    shift.openedBy = m_session.staff()->id;
    shift.openedAt = m_clock.nowUtc();
    shift.openingCount = openingFloat;
    shift.state = Core::ShiftState::Open;
    Core::Result<Store::RecordedShiftEvent> recorded
        = m_ledger->open(shift, compact(Sync::Protocol::shiftOpenedToJson(shift)));
    if (!recorded)
        return recorded.error();
    kickDrawer();
    emit shiftChanged();
    return shift;
}

Core::Result<Core::CashMovement> ShiftService::moveCash(
    Core::CashMovementKind kind, Money amount, const QString &reason)
{
    if (const Core::Status allowed = m_session.require(Core::Permission::MoveCash); !allowed)
        return allowed.error();
    if (training())
        return trainingRefused();
    if (kind == Core::CashMovementKind::NoSale)
        return Error::make(QStringLiteral("approval.missing"),
            tr("Opening the drawer without a sale needs a manager's approval."),
            QStringLiteral("moveCash(no_sale)"));
    Core::Result<Store::StoredShift> stored = requireOpen();
    if (!stored)
        return stored.error();

    Core::CashMovement move;
    move.movementId = newUuid();
    move.kind = kind;
    move.amount = amount;
    move.reason = reason.trimmed();
    move.staffId = m_session.staff()->id;
    move.at = m_clock.nowUtc();
    // Against what the drawer holds now: a cash out of more is refused, nothing written.
    Core::Result<Money> inDrawer = expectedCash();
    if (!inDrawer)
        return inDrawer.error();
    if (const Core::Status ok = Core::checkCashMovement(move, inDrawer.value()); !ok)
        return ok.error();
    Core::Result<Store::RecordedShiftEvent> recorded = m_ledger->addMovement(stored->shift.shiftId,
        move, compact(Sync::Protocol::cashMovementToJson(stored->shift.shiftId, move)));
    if (!recorded)
        return recorded.error();
    kickDrawer();
    emit shiftChanged();
    return move;
}

Core::Result<Core::CashMovement> ShiftService::noSale(
    const QString &reason, const std::optional<Core::Authorisation> &approval)
{
    if (!m_session.isLoggedIn())
        return Error::make(QStringLiteral("session.locked"), tr("Please log in first."));
    if (training())
        return trainingRefused();
    Core::Result<Store::StoredShift> stored = requireOpen();
    if (!stored)
        return stored.error();
    const Store::StaffMember me = *m_session.staff();

    Core::CashMovement move;
    move.movementId = newUuid();
    move.kind = Core::CashMovementKind::NoSale;
    move.reason = reason.trimmed();
    move.staffId = me.id;
    move.at = m_clock.nowUtc();
    if (approval) {
        if (approval->permission != Core::Permission::OpenDrawerNoSale
            || approval->requestedBy != me.id)
            return Error::make(QStringLiteral("approval.mismatch"),
                tr("This approval is for something else. Ask the manager to approve opening "
                   "the drawer."),
                QStringLiteral("approval %1 requested by %2")
                    .arg(Core::name(approval->permission))
                    .arg(approval->requestedBy));
        move.approval = approval;
    } else if (Core::allows(m_session.role(), Core::Permission::OpenDrawerNoSale)) {
        // A manager approves their own no-sale.
        Core::Authorisation own;
        own.permission = Core::Permission::OpenDrawerNoSale;
        own.requestedBy = me.id;
        own.approvedBy = me.id;
        own.reason = move.reason;
        own.approvedAt = move.at;
        move.approval = own;
    } else {
        return Error::make(QStringLiteral("approval.missing"),
            tr("Opening the drawer without a sale needs a manager's approval."),
            QStringLiteral("no_sale by %1").arg(me.id));
    }
    if (const Core::Status ok = Core::checkCashMovement(move, Money()); !ok)
        return ok.error();
    Core::Result<Store::RecordedShiftEvent> recorded = m_ledger->addMovement(stored->shift.shiftId,
        move, compact(Sync::Protocol::cashMovementToJson(stored->shift.shiftId, move)));
    if (!recorded)
        return recorded.error();
    kickDrawer();
    emit shiftChanged();
    return move;
}

Core::Result<Core::ShiftReport> ShiftService::xReport() const
{
    if (const Core::Status allowed = m_session.require(Core::Permission::OperateShift); !allowed)
        return allowed.error();
    Core::Result<Store::StoredShift> stored = requireOpen();
    if (!stored)
        return stored.error();
    return report(stored.value(), Core::ShiftReport::Kind::X);
}

Core::Result<Money> ShiftService::expectedCash() const
{
    Core::Result<Store::StoredShift> stored = requireOpen();
    if (!stored)
        return stored.error();
    Core::Result<Core::ShiftReport> x = report(stored.value(), Core::ShiftReport::Kind::X);
    if (!x)
        return x.error();
    return x->totals.expectedCash();
}

Core::Result<Core::ShiftReport> ShiftService::close(
    const Core::CashCount &counted, bool saleInProgress)
{
    if (const Core::Status allowed = m_session.require(Core::Permission::OperateShift); !allowed)
        return allowed.error();
    if (training())
        return trainingRefused();
    if (const Core::Status count = Core::checkCashCount(counted); !count)
        return count.error();
    Core::Result<Store::StoredShift> stored = requireOpen();
    if (!stored)
        return stored.error();
    Core::Result<bool> paying = m_ledger->paymentInProgress();
    if (!paying)
        return paying.error();
    if (saleInProgress || paying.value())
        return Error::make(QStringLiteral("shift.sale_open"),
            tr("A sale is still open. Finish or clear it before closing the shift."),
            saleInProgress ? QStringLiteral("basket has lines")
                           : QStringLiteral("payment or refund in progress"));

    // The figures are taken inside the close's transaction, with the Z number it draws.
    Core::ShiftReport z;
    Core::Result<Core::Shift> closed
        = m_ledger->close(stored->shift.shiftId, m_session.staff()->id, m_clock.nowUtc(), counted,
            [&](const Core::Shift &shift) -> Core::Result<Store::ShiftClosePayload> {
                Store::StoredShift now = stored.value();
                now.shift = shift;
                Core::Result<Core::ShiftReport> built = report(now, Core::ShiftReport::Kind::X);
                if (!built)
                    return built.error();
                z = built.value();
                z.kind = Core::ShiftReport::Kind::Z;
                z.zNumber = shift.zNumber;
                z.variance = Core::ShiftVariance { z.totals.expectedCash(), counted.total() };
                Sync::Protocol::ShiftClosed event;
                event.shift = shift;
                event.variance = *z.variance;
                event.saleCount = z.totals.saleCount;
                event.returnCount = z.totals.returnCount;
                return Store::ShiftClosePayload { compact(Sync::Protocol::toJson(event)),
                    z.totals.expectedCash() };
            });
    if (!closed)
        return closed.error();
    z.shift = closed.value();
    emit shiftChanged();
    return z;
}

Core::Result<Core::ShiftReport> ShiftService::zReport(int zNumber) const
{
    if (const Core::Status allowed = m_session.require(Core::Permission::OperateShift); !allowed)
        return allowed.error();
    Core::Result<std::optional<Store::StoredShift>> stored
        = m_ledger->shiftByZNumber(drawerId(), zNumber);
    if (!stored)
        return stored.error();
    if (!stored.value())
        return Error::make(QStringLiteral("shift.no_report"),
            tr("There is no Z report %1 for this drawer.").arg(zNumber),
            QStringLiteral("drawer %1").arg(drawerId()));
    return report(*stored.value(), Core::ShiftReport::Kind::Z);
}

Core::Result<QList<Core::ShiftReport>> ShiftService::recentZReports(int limit) const
{
    if (const Core::Status allowed = m_session.require(Core::Permission::OperateShift); !allowed)
        return allowed.error();
    Core::Result<QList<Store::StoredShift>> shifts = m_ledger->closedShifts(drawerId(), limit);
    if (!shifts)
        return shifts.error();
    // The list: number, opened, closed, variance (zReport() adds the full figures).
    QList<Core::ShiftReport> reports;
    const QString storeName = storeHere(m_db).name;
    for (const Store::StoredShift &stored : shifts.value()) {
        Core::ShiftReport report;
        report.kind = Core::ShiftReport::Kind::Z;
        report.zNumber = stored.shift.zNumber;
        report.shift = stored.shift;
        report.totals.openingFloat = stored.openingFloat();
        report.variance = Core::ShiftVariance { stored.expected, stored.counted };
        report.storeName = storeName;
        reports.append(report);
    }
    return reports;
}

Core::Status ShiftService::print(const Core::ShiftReport &report) const
{
    if (const Core::Status allowed = m_session.require(Core::Permission::OperateShift); !allowed)
        return allowed;
    if (!m_printer)
        return Error::make(QStringLiteral("shift.no_printer"),
            tr("No receipt printer is connected: the report cannot be printed."));
    // The same lines shiftReportEscPos encodes; the printer sends them as ESC/POS.
    return m_printer->print(Devices::ShiftReportLayout::layout(report));
}

Core::Result<QByteArray> ShiftService::pdf(const Core::ShiftReport &report) const
{
    if (const Core::Status allowed = m_session.require(Core::Permission::OperateShift); !allowed)
        return allowed.error();
    return Devices::shiftReportPdf(report);
}

} // namespace Toonbank::Services
