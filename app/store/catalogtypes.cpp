#include "catalogtypes.h"

namespace Toonbank::Store {

bool ProductRecord::promoActiveOn(QDate day) const
{
    if (!promoPrice)
        return false;
    if (promoFrom.isValid() && day < promoFrom)
        return false;
    if (promoUntil.isValid() && day > promoUntil)
        return false;
    return true;
}

Core::Money ProductRecord::priceOn(QDate day) const
{
    return promoActiveOn(day) ? *promoPrice : price;
}

QString roleName(StaffRole role)
{
    switch (role) {
    case StaffRole::Cashier:
        return QStringLiteral("cashier");
    case StaffRole::Supervisor:
        return QStringLiteral("supervisor");
    case StaffRole::Manager:
        return QStringLiteral("manager");
    }
    Q_UNREACHABLE();
    return {};
}

std::optional<StaffRole> roleFromName(const QString &name)
{
    for (StaffRole role : { StaffRole::Cashier, StaffRole::Supervisor, StaffRole::Manager }) {
        if (roleName(role) == name)
            return role;
    }
    return std::nullopt;
}

} // namespace Toonbank::Store
