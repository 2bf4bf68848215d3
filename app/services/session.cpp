#include "session.h"

#include "app/store/localdatabase.h"
#include "app/store/salesledger.h"
#include "app/store/staffdirectory.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace Toonbank::Services {

using Core::Error;

namespace {
const QString idleSettingKey = QStringLiteral("idle_lock_seconds");
const QString languageSettingKey = QStringLiteral("ui_language");
const QString trainingSettingKey = QStringLiteral("training_staff");

// The staff ids in training on this device (setting "training_staff", a JSON array).
QList<qint64> trainingStaff(const Store::LocalDatabase &db)
{
    QList<qint64> ids;
    const QJsonArray stored
        = QJsonDocument::fromJson(db.setting(trainingSettingKey).toUtf8()).array();
    for (const QJsonValue &value : stored) {
        const qint64 id = value.toInteger();
        if (id > 0 && !ids.contains(id))
            ids.append(id);
    }
    return ids;
}
} // namespace

Session::Session(Store::LocalDatabase &database, qint64 hereLocationId, QObject *parent)
    : QObject(parent)
    , m_db(database)
    , m_here(hereLocationId)
    , m_directory(std::make_unique<Store::StaffDirectory>(database))
{
    bool ok = false;
    const int stored = m_db.setting(idleSettingKey).toInt(&ok);
    if (ok && stored >= 0)
        m_idleLockSeconds = stored;
    // A coarse poll instead of restarting a timer on every touch: noteActivity() stays a
    // clock read, which matters in the scanner's keystroke path.
    m_idleCheck.setInterval(250);
    connect(&m_idleCheck, &QTimer::timeout, this, &Session::checkIdle);
}

Session::~Session() = default;

Core::Result<QList<Store::StaffMember>> Session::staffHere() const
{
    return m_directory->staffAt(m_here);
}

Core::Result<Store::StaffMember> Session::logIn(qint64 staffId, const QString &pin)
{
    Core::Result<Store::StaffMember> member
        = m_directory->verifyPin(staffId, pin, m_clock->nowUtc());
    if (!member)
        return member;
    if (member->homeLocationId != m_here)
        return Error::make(QStringLiteral("login.wrong_store"),
            tr("%1 does not work in this store.").arg(member->displayName));
    m_staff = member.value();
    m_lastActivity.start();
    m_idleCheck.start();
    emit loggedIn();
    return member;
}

void Session::logOut()
{
    const bool wasLoggedIn = m_staff.has_value();
    m_staff.reset();
    m_idleCheck.stop();
    if (wasLoggedIn)
        emit loggedOut(false);
}

void Session::checkIdle()
{
    if (!m_staff || m_idleLockSeconds <= 0)
        return;
    if (m_lastActivity.elapsed() >= qint64(m_idleLockSeconds) * 1000) {
        m_staff.reset();
        m_idleCheck.stop();
        emit loggedOut(true);
    }
}

void Session::noteActivity()
{
    m_lastActivity.start();
}

Core::Status Session::require(Permission permission) const
{
    if (!m_staff)
        return Error::make(QStringLiteral("session.locked"), tr("Please log in first."));
    if (Core::allows(coreRole(m_staff->role), permission))
        return Core::success();
    QString message;
    switch (permission) {
    case Permission::ChangeSettings:
        message = tr("Only a supervisor or manager can change this setting.");
        break;
    case Permission::RetrySync:
        message = tr("Only a supervisor or manager can send rejected events again.");
        break;
    case Permission::EnrolCustomer:
        message = tr("Your role does not allow enrolling customers or changing their consent.");
        break;
    case Permission::ManualDiscount:
        message = tr("Your role does not allow manual discounts.");
        break;
    case Permission::ApproveManualDiscount:
    case Permission::ChangePrice:
    case Permission::RefundWithoutReceipt:
    case Permission::OpenDrawerNoSale:
    case Permission::ApproveReturnException:
        message = tr("This needs a manager's approval.");
        break;
    case Permission::Refund:
        message = tr("Your role does not allow returns.");
        break;
    case Permission::Sell:
        message = tr("Your role does not allow selling.");
        break;
    case Permission::OperateShift:
        message = tr("Your role does not allow opening or closing a shift.");
        break;
    case Permission::MoveCash:
        message = tr("Only a supervisor or manager can put cash in or take it out.");
        break;
    case Permission::SwitchTraining:
        message = tr("Only a supervisor or manager can switch training mode.");
        break;
    case Permission::ViewManagerReport:
        message = tr("Only a supervisor or manager can see the manager's day.");
        break;
    case Permission::HandOverPickup:
        message = tr("Your role does not allow handing over pickups.");
        break;
    case Permission::ReleasePickup:
        message = tr("Only a supervisor or manager can mark an order as not collected.");
        break;
    }
    return Error::make(QStringLiteral("permission.denied"), message, Core::name(permission));
}

Core::Role Session::role() const
{
    return m_staff ? coreRole(m_staff->role) : Core::Role::Cashier;
}

Core::Role Session::coreRole(Store::StaffRole role)
{
    switch (role) {
    case Store::StaffRole::Cashier:
        return Core::Role::Cashier;
    case Store::StaffRole::Supervisor:
        return Core::Role::Supervisor;
    case Store::StaffRole::Manager:
        return Core::Role::Manager;
    }
    return Core::Role::Cashier;
}

Core::Status Session::setIdleLockSeconds(int seconds)
{
    if (const Core::Status allowed = require(Permission::ChangeSettings); !allowed)
        return allowed;
    if (seconds < 0)
        return Error::make(
            QStringLiteral("settings.invalid"), tr("The lock time cannot be negative."));
    if (const Core::Status stored = m_db.setSetting(idleSettingKey, QString::number(seconds));
        !stored)
        return stored;
    m_idleLockSeconds = seconds;
    return Core::success();
}

QString Session::preferredLanguage() const
{
    return m_db.setting(languageSettingKey);
}

Core::Status Session::setPreferredLanguage(const QString &code)
{
    if (code != QLatin1String("nl") && code != QLatin1String("en"))
        return Error::make(
            QStringLiteral("settings.invalid"), tr("This language is not available."), code);
    return m_db.setSetting(languageSettingKey, code);
}

Core::Status Session::setTraining(qint64 staffId, bool on)
{
    if (const Core::Status allowed = require(Permission::SwitchTraining); !allowed)
        return allowed;
    Core::Result<Store::StaffMember> member = m_directory->member(staffId);
    if (!member || member->homeLocationId != m_here)
        return Error::make(QStringLiteral("training.unknown_staff"),
            tr("This staff member does not work in this store."),
            member
                ? QStringLiteral("staff %1 of location %2").arg(staffId).arg(member->homeLocationId)
                : member.error().detail);
    QList<qint64> ids = trainingStaff(m_db);
    if (ids.contains(staffId) == on)
        return Core::success(); // already so: nothing to switch, nothing to journal
    if (on)
        ids.append(staffId);
    else
        ids.removeAll(staffId);
    std::sort(ids.begin(), ids.end());
    QJsonArray stored;
    for (const qint64 id : std::as_const(ids))
        stored.append(id);
    const QString value = QString::fromUtf8(QJsonDocument(stored).toJson(QJsonDocument::Compact));
    const QJsonObject event {
        { QStringLiteral("staffId"), staffId },
        { QStringLiteral("on"), on },
        { QStringLiteral("switchedBy"), m_staff->id },
    };
    // The setting and its journal entry together, or neither.
    const Core::Status status = m_db.transaction([&]() -> Core::Status {
        if (const Core::Status saved = m_db.setSetting(trainingSettingKey, value); !saved)
            return saved;
        Core::Result<qint64> seq
            = Store::SalesLedger(m_db).recordJournal(QStringLiteral("training_switched"),
                QString::number(staffId), event, m_clock->nowUtc());
        if (!seq)
            return seq.error();
        return Core::success();
    });
    if (!status)
        return status;
    emit trainingChanged();
    return Core::success();
}

bool Session::isTraining() const
{
    return m_staff && isTraining(m_staff->id);
}

bool Session::isTraining(qint64 staffId) const
{
    return staffId > 0 && trainingStaff(m_db).contains(staffId);
}

QString Session::roleDisplayName(Store::StaffRole role)
{
    switch (role) {
    case Store::StaffRole::Cashier:
        return tr("Cashier");
    case Store::StaffRole::Supervisor:
        return tr("Supervisor");
    case Store::StaffRole::Manager:
        return tr("Manager");
    }
    return {};
}

} // namespace Toonbank::Services
