#include "eventtype.h"

#include <array>
#include <utility>

namespace Toonbank::Sync::Protocol {

namespace {

constexpr std::array<std::pair<EventType, const char *>, 11> names { {
    { EventType::Sale, "sale" },
    { EventType::CustomerEnrolled, "customer_enrolled" },
    { EventType::ConsentChanged, "consent_changed" },
    { EventType::WishlistChanged, "wishlist_changed" },
    { EventType::ReceiptEmail, "receipt_email" },
    { EventType::Return, "return" },
    { EventType::ShiftOpened, "shift_opened" },
    { EventType::CashMoved, "cash_movement" },
    { EventType::ShiftClosed, "shift_closed" },
    { EventType::PickupHandedOver, "pickup_handed_over" },
    { EventType::PickupNotCollected, "pickup_not_collected" },
} };

} // namespace

QString name(EventType type)
{
    for (const auto &[value, text] : names) {
        if (value == type)
            return QLatin1String(text);
    }
    return {};
}

std::optional<EventType> eventTypeFromName(const QString &name)
{
    for (const auto &[value, text] : names) {
        if (name == QLatin1String(text))
            return value;
    }
    return std::nullopt;
}

} // namespace Toonbank::Sync::Protocol
