#include "cashrounding.h"

namespace Toonbank::Core {

Money roundToFiveCents(Money amount)
{
    const qint64 magnitude = amount.cents() < 0 ? -amount.cents() : amount.cents();
    const qint64 lastDigit = magnitude % 10;
    const qint64 tens = magnitude - lastDigit;
    qint64 rounded = tens;
    if (lastDigit >= 8)
        rounded = tens + 10;
    else if (lastDigit >= 3)
        rounded = tens + 5;
    return Money::fromCents(amount.cents() < 0 ? -rounded : rounded);
}

} // namespace Toonbank::Core
