#include "clock.h"

namespace Toonbank::Core {

const SystemClock &SystemClock::instance()
{
    static const SystemClock clock;
    return clock;
}

} // namespace Toonbank::Core
