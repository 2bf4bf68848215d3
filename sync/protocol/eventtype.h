#pragma once

#include <QString>

#include <optional>

namespace Toonbank::Sync::Protocol {

/// The kinds of outbox event a tablet pushes. The server has one handler per type
/// (sync/server/handlers); the wire carries the name.
enum class EventType {
    Sale, // "sale": a finished Core::Sale (saleToJson)
    CustomerEnrolled, // "customer_enrolled": a customer enrolled at the till
    ConsentChanged, // "consent_changed": e-mail / SMS / personalised consent changed
    WishlistChanged, // "wishlist_changed": a product added to or removed from a wishlist
    ReceiptEmail, // "receipt_email": a receipt to e-mail (receiptemail.h)
    Return, // "return": a finished Core::Return (returns.h returnToJson), also of an exchange
    ShiftOpened, // "shift_opened": a drawer's shift opened with its counted float (storeops.h)
    CashMoved, // "cash_movement": cash in / cash out / no-sale in the open shift (storeops.h)
    ShiftClosed, // "shift_closed": the closing count, expected cash, variance, Z number
    PickupHandedOver, // "pickup_handed_over": lines of a web order / reservation handed over
    PickupNotCollected, // "pickup_not_collected": a pickup the customer did not collect
};

QString name(EventType type);
std::optional<EventType> eventTypeFromName(const QString &name);

} // namespace Toonbank::Sync::Protocol
