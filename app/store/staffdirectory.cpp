#include "staffdirectory.h"

#include "localdatabase.h"
#include "storeerrors.h"

#include "app/core/pin.h"
#include "app/core/tr.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Toonbank::Store {

namespace {

constexpr auto staffColumns = "id, code, display_name, role, home_location_id, active";

StaffMember readMember(const QSqlQuery &query)
{
    StaffMember member;
    member.id = query.value(0).toLongLong();
    member.code = query.value(1).toString();
    member.displayName = query.value(2).toString();
    member.role = roleFromName(query.value(3).toString()).value_or(StaffRole::Cashier);
    member.homeLocationId = query.value(4).toLongLong();
    member.active = query.value(5).toInt() != 0;
    return member;
}

Core::Error unknownStaff(qint64 staffId)
{
    return Core::Error::make(QStringLiteral("login.unknown_staff"),
        Core::Tr::tr("This staff account does not exist or is no longer active."),
        QStringLiteral("staff id %1").arg(staffId));
}

// Whole minutes, rounded up: "locked for 1 minute" rather than "for 0 minutes" at 30 s.
int minutesFor(qint64 seconds)
{
    return int(qMax<qint64>(1, (seconds + 59) / 60));
}

Core::Error lockedError(qint64 secondsLeft, bool justLocked)
{
    const int minutes = minutesFor(secondsLeft);
    const QString message = justLocked
        ? Core::Tr::tr("Wrong PIN. Too many wrong PINs: this account is locked for %n minute(s).",
            nullptr, minutes)
        : Core::Tr::tr(
            "Too many wrong PINs: this account is locked for %n more minute(s).", nullptr, minutes);
    return Core::Error::make(
        QStringLiteral("login.locked"), message, QStringLiteral("%1 s left").arg(secondsLeft));
}

QString isoUtc(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

} // namespace

StaffDirectory::StaffDirectory(LocalDatabase &database)
    : m_db(database)
{ }

Core::Result<QList<StaffMember>> StaffDirectory::staffAt(qint64 locationId) const
{
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM staff WHERE home_location_id = ? AND active = 1 "
                                 "ORDER BY display_name, id")
                      .arg(QLatin1String(staffColumns)));
    query.addBindValue(locationId);
    if (!query.exec())
        return Internal::queryFailed(query.lastError().text());
    QList<StaffMember> members;
    while (query.next())
        members.append(readMember(query));
    return members;
}

Core::Result<StaffMember> StaffDirectory::member(qint64 staffId) const
{
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT %1 FROM staff WHERE id = ?").arg(QLatin1String(staffColumns)));
    query.addBindValue(staffId);
    if (!query.exec())
        return Internal::queryFailed(query.lastError().text());
    if (!query.next())
        return unknownStaff(staffId);
    return readMember(query);
}

Core::Result<StaffMember> StaffDirectory::verifyPin(
    qint64 staffId, const QString &pin, const QDateTime &now)
{
    // A malformed PIN is a typing slip, not a guess: it is refused before anything is read
    // or counted.
    if (auto valid = Core::Pin::validate(pin); !valid)
        return valid.error();

    QString storedHash;
    StaffMember who;
    {
        QSqlQuery query(m_db.connection());
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT %1, pin_hash, locked_until FROM staff WHERE id = ?")
                          .arg(QLatin1String(staffColumns)));
        query.addBindValue(staffId);
        if (!query.exec())
            return Internal::queryFailed(query.lastError().text());
        if (!query.next())
            return unknownStaff(staffId);
        who = readMember(query);
        if (!who.active)
            return unknownStaff(staffId);
        storedHash = query.value(6).toString();
        const QDateTime lockedUntil = QDateTime::fromString(query.value(7).toString(), Qt::ISODate);
        if (lockedUntil.isValid() && now < lockedUntil)
            return lockedError(now.secsTo(lockedUntil), false);
    }

    // PBKDF2 takes a noticeable fraction of a second: verify outside the write transaction so
    // the sales path is never kept waiting on the lock.
    const bool correct = Core::Pin::verify(pin, storedHash);

    std::optional<Core::Error> failure;
    const auto status = m_db.transaction([&]() -> Core::Status {
        QSqlQuery query(m_db.connection());
        if (correct) {
            query.prepare(QStringLiteral(
                "UPDATE staff SET failed_attempts = 0, locked_until = NULL WHERE id = ?"));
            query.addBindValue(staffId);
            if (!query.exec())
                return Internal::queryFailed(query.lastError().text());
            return Core::success();
        }
        // Count from the stored figure inside the transaction, so two tablets sharing the
        // file cannot both read 4 and both write 5.
        query.prepare(QStringLiteral("SELECT failed_attempts FROM staff WHERE id = ?"));
        query.addBindValue(staffId);
        if (!query.exec() || !query.next())
            return Internal::queryFailed(query.lastError().text());
        const int failures = query.value(0).toInt() + 1;
        query.finish();
        const int lockSeconds = Core::LoginThrottle::lockSeconds(failures);
        query.prepare(
            QStringLiteral("UPDATE staff SET failed_attempts = ?, locked_until = ? WHERE id = ?"));
        query.addBindValue(failures);
        query.addBindValue(lockSeconds > 0 ? QVariant(isoUtc(now.addSecs(lockSeconds)))
                                           : QVariant(QMetaType(QMetaType::QString)));
        query.addBindValue(staffId);
        if (!query.exec())
            return Internal::queryFailed(query.lastError().text());
        if (lockSeconds > 0) {
            failure = lockedError(lockSeconds, true);
        } else {
            const int left = Core::LoginThrottle::freeAttempts - failures;
            failure = Core::Error::make(QStringLiteral("login.wrong_pin"),
                Core::Tr::tr(
                    "Wrong PIN. %n attempt(s) left before this account is locked.", nullptr, left),
                QStringLiteral("%1 consecutive failures").arg(failures));
        }
        return Core::success();
    });
    if (!status)
        return status.error();
    if (failure)
        return *failure;
    return who;
}

} // namespace Toonbank::Store
