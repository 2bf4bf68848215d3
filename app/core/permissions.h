#pragma once

#include "money.h"

#include <QString>

#include <optional>

namespace Toonbank::Core {

/// A staff member's role. Stored and sent by name ("cashier", "supervisor", "manager").
enum class Role { Cashier, Supervisor, Manager };
QString name(Role role);
std::optional<Role> roleFromName(const QString &name);

/// What a staff member may do. The one role → permission table is `allows()`, used by the
/// tablet's services and by the server when it re-checks an approval.
enum class Permission {
    Sell, // scan, basket, take payment
    ChangeSettings, // device settings
    RetrySync, // resend rejected events
    ManualDiscount, // a manual discount up to the store's limit for the role
    ApproveManualDiscount, // approve a discount above the limit (manager override)
    ChangePrice, // approve a price change on a line
    EnrolCustomer, // enrol a customer, edit consent
    RefundWithoutReceipt, // approve a refund without receipt (store credit only)
    ApproveReturnException, // approve a return outside its window or of a final-sale item
    Refund, // process a return / refund with receipt
    OpenDrawerNoSale, // approve a no-sale drawer open
    OperateShift, // open a shift with a float, X report, close with a count (Z report)
    MoveCash, // cash in / cash out of the drawer with a reason
    SwitchTraining, // switch training mode on or off for a staff member
    ViewManagerReport, // the manager's day: sales per hour / staff / tender, refunds, overrides
    HandOverPickup, // hand over a click-and-collect order or reservation (every role)
    ReleasePickup, // mark an overdue pickup not collected, back to stock (supervisor, manager)
};
QString name(Permission permission);
std::optional<Permission> permissionFromName(const QString &name);

bool allows(Role role, Permission permission);

/// The store's limits for manual discounts without approval, per role, as a percentage of the
/// line (basis points) and as an amount. Above either, a manager must approve.
struct DiscountLimits
{
    int cashierMaxBasisPoints = 1000; // 10 %
    Money cashierMaxAmount = Money::fromCents(2000);
    int supervisorMaxBasisPoints = 2500;
    Money supervisorMaxAmount = Money::fromCents(10000);
    // A manager's own discounts need no approval.
};

/// Whether a manual discount of `discount` on an amount of `base` by `role` needs a manager's
/// approval under `limits`. A role without Permission::ManualDiscount always needs one.
bool manualDiscountNeedsApproval(
    Role role, Money base, Money discount, const DiscountLimits &limits);

} // namespace Toonbank::Core
