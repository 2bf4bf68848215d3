#pragma once

#include "shiftservice.h"

#include "app/core/result.h"

#include <QString>

namespace Toonbank::Services::Internal {

/// Selling and refunding need an open shift (issue 12, docs/STOREOPS.md): the id of the
/// drawer's open shift for the sale or return about to take or give back money. Empty when no
/// ShiftService is hooked in (tests that predate shifts) or when the store does not count cash
/// and no shift is open. Error "shift.not_open" (ShiftService::requireOpenShift). A training
/// sale or return moves no shift cash: it needs no open shift (a trainee cannot open one) and
/// gets the open one's id when there is one (the report counts it as training).
inline Core::Result<QString> shiftForMoney(const ShiftService *shifts, bool training)
{
    if (!shifts)
        return QString();
    if (const Core::Status open = shifts->requireOpenShift(); !open && !training)
        return open.error();
    Core::Result<std::optional<Core::Shift>> shift = shifts->openShift();
    if (!shift)
        return shift.error();
    return shift.value() ? shift.value()->shiftId : QString();
}

} // namespace Toonbank::Services::Internal
