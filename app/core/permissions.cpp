#include "permissions.h"

#include <array>
#include <utility>

namespace Toonbank::Core {

namespace {

constexpr std::array<std::pair<Role, const char *>, 3> roleNames { {
    { Role::Cashier, "cashier" },
    { Role::Supervisor, "supervisor" },
    { Role::Manager, "manager" },
} };

constexpr std::array<std::pair<Permission, const char *>, 17> permissionNames { {
    { Permission::Sell, "sell" },
    { Permission::ChangeSettings, "change_settings" },
    { Permission::RetrySync, "retry_sync" },
    { Permission::ManualDiscount, "manual_discount" },
    { Permission::ApproveManualDiscount, "approve_manual_discount" },
    { Permission::ChangePrice, "change_price" },
    { Permission::EnrolCustomer, "enrol_customer" },
    { Permission::RefundWithoutReceipt, "refund_without_receipt" },
    { Permission::OpenDrawerNoSale, "open_drawer_no_sale" },
    { Permission::ApproveReturnException, "approve_return_exception" },
    { Permission::Refund, "refund" },
    { Permission::OperateShift, "operate_shift" },
    { Permission::MoveCash, "move_cash" },
    { Permission::SwitchTraining, "switch_training" },
    { Permission::ViewManagerReport, "view_manager_report" },
    { Permission::HandOverPickup, "hand_over_pickup" },
    { Permission::ReleasePickup, "release_pickup" },
} };

// A discount is within a limit when it is at most `maxAmount` and at most `maxBasisPoints` of
// `base` (compared exactly, in integers).
bool withinLimit(Money base, Money discount, int maxBasisPoints, Money maxAmount)
{
    if (discount > maxAmount)
        return false;
    if (base.cents() <= 0)
        return false;
    return discount.cents() * 10000 <= base.cents() * qint64(maxBasisPoints);
}

} // namespace

QString name(Role role)
{
    for (const auto &[value, text] : roleNames) {
        if (value == role)
            return QLatin1String(text);
    }
    return {};
}

std::optional<Role> roleFromName(const QString &name)
{
    for (const auto &[value, text] : roleNames) {
        if (name == QLatin1String(text))
            return value;
    }
    return std::nullopt;
}

QString name(Permission permission)
{
    for (const auto &[value, text] : permissionNames) {
        if (value == permission)
            return QLatin1String(text);
    }
    return {};
}

std::optional<Permission> permissionFromName(const QString &name)
{
    for (const auto &[value, text] : permissionNames) {
        if (name == QLatin1String(text))
            return value;
    }
    return std::nullopt;
}

bool allows(Role role, Permission permission)
{
    switch (permission) {
    case Permission::Sell:
    case Permission::ManualDiscount:
    case Permission::EnrolCustomer:
    case Permission::Refund:
    case Permission::OperateShift:
    case Permission::HandOverPickup:
        return true; // every role
    case Permission::ChangeSettings:
    case Permission::RetrySync:
    case Permission::MoveCash:
    case Permission::SwitchTraining:
    case Permission::ViewManagerReport:
    case Permission::ReleasePickup:
        return role == Role::Supervisor || role == Role::Manager;
    case Permission::ApproveManualDiscount:
    case Permission::ChangePrice:
    case Permission::RefundWithoutReceipt:
    case Permission::OpenDrawerNoSale:
    case Permission::ApproveReturnException:
        return role == Role::Manager;
    }
    return false;
}

bool manualDiscountNeedsApproval(
    Role role, Money base, Money discount, const DiscountLimits &limits)
{
    if (!allows(role, Permission::ManualDiscount))
        return true;
    if (discount.cents() <= 0)
        return false;
    switch (role) {
    case Role::Manager:
        return false;
    case Role::Supervisor:
        return !withinLimit(
            base, discount, limits.supervisorMaxBasisPoints, limits.supervisorMaxAmount);
    case Role::Cashier:
        return !withinLimit(base, discount, limits.cashierMaxBasisPoints, limits.cashierMaxAmount);
    }
    return true;
}

} // namespace Toonbank::Core
