#pragma once

#include "money.h"

namespace Toonbank::Core {

/// Rounds a cash total to 5 cents as NL/BE practice and BE law require: last digit 1,2 → 0;
/// 3,4,6,7 → 5; 8,9 → 10. Negative totals (refunds) round symmetrically. Only ever applied to
/// the part of a total paid in cash, never to card.
Money roundToFiveCents(Money amount);

} // namespace Toonbank::Core
