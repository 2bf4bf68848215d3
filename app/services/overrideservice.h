#pragma once

#include "app/core/clock.h"
#include "app/core/money.h"
#include "app/core/permissions.h"
#include "app/core/result.h"
#include "app/core/sale.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <memory>

namespace Toonbank::Store {
class LocalDatabase;
class SalesLedger;
class StaffDirectory;
} // namespace Toonbank::Store

namespace Toonbank::Services {

class Session;

/// A manager tile on the override sheet.
struct ApproverTile
{
    qint64 staffId = 0;
    QString displayName;
    QString initials; // "MY"
    QString roleLabel; // translated: "Manager"
};

/// What is being approved, as the sheet and the journal describe it.
struct OverrideSubject
{
    QString lineId; // empty when it concerns the whole sale
    Core::Money amount; // the discount or price difference
    QString what; // translated description, e.g. from ApprovalRequest::what
};

/// Manager override: a staff member whose role allows a permission (Core::allows) approves,
/// with their PIN, what the logged-in staff member may not do alone. Wrong PINs count toward
/// THAT manager's lock-out (Store::StaffDirectory). Each approval is written to the journal at
/// once (kind "approval") and travels in the sale it is used in.
class OverrideService final
{
    Q_DECLARE_TR_FUNCTIONS(Toonbank::Services::OverrideService)
    Q_DISABLE_COPY_MOVE(OverrideService)
public:
    OverrideService(Store::LocalDatabase &database, Session &session, const Core::Clock &clock);
    ~OverrideService();

    /// Staff of this store whose role allows `permission`, by name: the tiles of the sheet.
    Core::Result<QList<ApproverTile>> approvers(Core::Permission permission) const;

    /// Checks the approver's PIN and role and returns the Authorisation to pass to the
    /// service call that asked for it (requestedBy = the logged-in staff member).
    /// Errors: "session.locked"; pin.* (malformed), "login.wrong_pin", "login.locked",
    /// "login.unknown_staff" (StaffDirectory::verifyPin; nothing approved);
    /// "override.wrong_store" (not staff of this store); "override.not_allowed" (the role does
    /// not allow it — a cashier cannot approve); "override.self" (nobody approves their own
    /// request above their limit); "override.reason" (a reason is required).
    Core::Result<Core::Authorisation> approve(qint64 approverStaffId, const QString &pin,
        Core::Permission permission, const OverrideSubject &what, const QString &reason);

private:
    Store::LocalDatabase &m_db;
    Session &m_session;
    const Core::Clock &m_clock;
    std::unique_ptr<Store::StaffDirectory> m_directory;
    std::unique_ptr<Store::SalesLedger> m_ledger;
};

} // namespace Toonbank::Services
