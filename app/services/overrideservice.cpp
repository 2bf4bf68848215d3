#include "overrideservice.h"

#include "session.h"

#include "app/store/localdatabase.h"
#include "app/store/salesledger.h"
#include "app/store/staffdirectory.h"

#include <QJsonObject>

namespace Toonbank::Services {

using Core::Error;

namespace {

QString initialsOf(const QString &name)
{
    QString initials;
    const QStringList words = name.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (!words.isEmpty())
        initials += words.first().left(1).toUpper();
    if (words.size() > 1)
        initials += words.last().left(1).toUpper();
    return initials;
}

} // namespace

OverrideService::OverrideService(
    Store::LocalDatabase &database, Session &session, const Core::Clock &clock)
    : m_db(database)
    , m_session(session)
    , m_clock(clock)
    , m_directory(std::make_unique<Store::StaffDirectory>(database))
    , m_ledger(std::make_unique<Store::SalesLedger>(database))
{ }

OverrideService::~OverrideService() = default;

Core::Result<QList<ApproverTile>> OverrideService::approvers(Core::Permission permission) const
{
    Core::Result<QList<Store::StaffMember>> staff = m_session.staffHere();
    if (!staff)
        return staff.error();
    QList<ApproverTile> tiles;
    for (const Store::StaffMember &member : staff.value()) {
        if (!Core::allows(Session::coreRole(member.role), permission))
            continue;
        tiles.append({ member.id, member.displayName, initialsOf(member.displayName),
            Session::roleDisplayName(member.role) });
    }
    return tiles;
}

Core::Result<Core::Authorisation> OverrideService::approve(qint64 approverStaffId,
    const QString &pin, Core::Permission permission, const OverrideSubject &what,
    const QString &reason)
{
    if (!m_session.isLoggedIn())
        return Error::make(QStringLiteral("session.locked"), tr("Please log in first."));
    const Store::StaffMember requester = *m_session.staff();
    if (reason.trimmed().isEmpty())
        return Error::make(QStringLiteral("override.reason"),
            tr("Give a reason for the approval; it is kept with the sale."));
    if (approverStaffId == requester.id)
        return Error::make(QStringLiteral("override.self"),
            tr("Someone else must approve this: you cannot approve your own request."));
    // The role is checked before the PIN: a cashier's tile is refused without a PIN check, so
    // it neither counts toward a lock-out nor tells anything about the PIN.
    Core::Result<Store::StaffMember> approver = m_directory->member(approverStaffId);
    if (!approver)
        return approver.error();
    if (approver->homeLocationId != requester.homeLocationId || !approver->active)
        return Error::make(QStringLiteral("override.wrong_store"),
            tr("%1 does not work in this store.").arg(approver->displayName));
    if (!Core::allows(Session::coreRole(approver->role), permission))
        return Error::make(QStringLiteral("override.not_allowed"),
            tr("%1 is a %2 and cannot approve this.")
                .arg(approver->displayName, Session::roleDisplayName(approver->role)),
            Core::name(permission));
    // Wrong PINs count toward this approver's own lock-out.
    Core::Result<Store::StaffMember> verified
        = m_directory->verifyPin(approverStaffId, pin, m_clock.nowUtc());
    if (!verified)
        return verified.error();

    Core::Authorisation authorisation;
    authorisation.permission = permission;
    authorisation.requestedBy = requester.id;
    authorisation.approvedBy = approverStaffId;
    authorisation.lineId = what.lineId;
    authorisation.amount = what.amount;
    authorisation.reason = reason.trimmed();
    authorisation.approvedAt = m_clock.nowUtc();

    // Who asked, who approved, what and why: in the journal at once, whether or not the sale
    // is finished later.
    const QJsonObject event {
        { QStringLiteral("permission"), Core::name(permission) },
        { QStringLiteral("requestedBy"), requester.id },
        { QStringLiteral("approvedBy"), approverStaffId },
        { QStringLiteral("lineId"), what.lineId },
        { QStringLiteral("amountCents"), what.amount.cents() },
        { QStringLiteral("what"), what.what },
        { QStringLiteral("reason"), authorisation.reason },
    };
    Core::Result<qint64> journal = m_ledger->recordJournal(
        QStringLiteral("approval"), Core::name(permission), event, authorisation.approvedAt);
    if (!journal)
        return journal.error();
    return authorisation;
}

} // namespace Toonbank::Services
