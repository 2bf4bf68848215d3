#pragma once

#include "app/core/clock.h"
#include "app/core/permissions.h"
#include "app/core/result.h"
#include "app/store/catalogtypes.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

namespace Toonbank::Store {
class LocalDatabase;
class StaffDirectory;
} // namespace Toonbank::Store

namespace Toonbank::Services {

/// What a staff member may do: the one role → permission table is Core::allows().
using Permission = Core::Permission;

/// Who is using the tablet. Every service asks the session before it acts, so a permission is
/// enforced here and not just by hiding a button. The tablet locks itself after an idle time.
class Session final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Session)
public:
    static constexpr int defaultIdleLockSeconds = 120;

    Session(Store::LocalDatabase &database, qint64 hereLocationId, QObject *parent = nullptr);
    ~Session() override;

    /// The staff of this store, for the login tiles.
    Core::Result<QList<Store::StaffMember>> staffHere() const;
    /// Errors: those of StaffDirectory::verifyPin, "login.wrong_store".
    Core::Result<Store::StaffMember> logIn(qint64 staffId, const QString &pin);
    /// Ends the session (switch user, or the idle lock). The basket stays where it is.
    void logOut();

    bool isLoggedIn() const { return m_staff.has_value(); }
    const std::optional<Store::StaffMember> &staff() const { return m_staff; }
    /// Core::allows() for the logged-in staff member's role. Error "permission.denied" (or
    /// "session.locked") with a message naming what is missing.
    Core::Status require(Permission permission) const;
    /// The logged-in staff member's role (Cashier when nobody is logged in).
    Core::Role role() const;

    /// Where "now" comes from (PIN lock-out times). Default: the wall clock.
    void setClock(const Core::Clock &clock) { m_clock = &clock; }
    const Core::Clock &clock() const { return *m_clock; }

    int idleLockSeconds() const { return m_idleLockSeconds; }
    /// Stored on the device; needs Permission::ChangeSettings. 0 turns the lock off.
    Core::Status setIdleLockSeconds(int seconds);
    /// The UI language last chosen on this device ("nl", "en"; empty when never chosen), so a
    /// restart comes back in it. Chosen on the login screen: no login or permission needed.
    QString preferredLanguage() const;
    /// Error "settings.invalid" for a code other than "nl" or "en".
    Core::Status setPreferredLanguage(const QString &code);
    /// Called by the UI on any touch or key: postpones the idle lock.
    void noteActivity();

    /// Training mode (issue 12, docs/STOREOPS.md): switched on or off for a staff member of
    /// this store by a supervisor or manager (Permission::SwitchTraining, checked here; error
    /// "permission.denied"; "training.unknown_staff"). Kept on the device (setting
    /// "training_staff") and journaled at once (kind "training_switched"). While the logged-in
    /// staff member is in training every sale and return is marked training: never moves stock,
    /// loyalty, gift cards or shift cash, journaled as training (amount 0 to the grand total)
    /// and left out of every total and report; every screen and receipt shows it.
    Core::Status setTraining(qint64 staffId, bool on);
    /// The logged-in staff member is in training.
    bool isTraining() const;
    bool isTraining(qint64 staffId) const;

    static QString roleDisplayName(Store::StaffRole role);
    static Core::Role coreRole(Store::StaffRole role);

signals:
    void trainingChanged();
    void loggedIn();
    void loggedOut(bool idleLock);

private:
    void checkIdle();

    Store::LocalDatabase &m_db;
    qint64 m_here;
    std::unique_ptr<Store::StaffDirectory> m_directory;
    std::optional<Store::StaffMember> m_staff;
    const Core::Clock *m_clock = &Core::SystemClock::instance();
    int m_idleLockSeconds = defaultIdleLockSeconds;
    QElapsedTimer m_lastActivity;
    QTimer m_idleCheck;
};

} // namespace Toonbank::Services
