#pragma once

#include "catalogtypes.h"

#include "app/core/result.h"

#include <QDateTime>

namespace Toonbank::Store {

class LocalDatabase;

/// Staff of this device's store and their PIN checks, with lock-out (Core::LoginThrottle)
/// persisted so a restart does not reset it.
class StaffDirectory final
{
public:
    explicit StaffDirectory(LocalDatabase &database);

    /// Active staff whose home is `locationId`, by name.
    Core::Result<QList<StaffMember>> staffAt(qint64 locationId) const;
    Core::Result<StaffMember> member(qint64 staffId) const;

    /// Checks a PIN. Errors: pin.* (malformed, changes nothing), "login.locked" (message says
    /// for how long), "login.wrong_pin" (message says how many tries are left before the
    /// lock), "login.unknown_staff". Failures and the lock are stored in one transaction.
    /// The wrong PIN that triggers the lock answers "login.locked" (it says for how long);
    /// while locked no PIN is checked and nothing changes.
    Core::Result<StaffMember> verifyPin(qint64 staffId, const QString &pin, const QDateTime &now);

private:
    LocalDatabase &m_db;
};

} // namespace Toonbank::Store
