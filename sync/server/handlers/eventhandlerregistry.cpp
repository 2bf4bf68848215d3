#include "cashmovementhandler.h"
#include "consentchangedhandler.h"
#include "customerenrolledhandler.h"
#include "eventhandler.h"
#include "pickuphandler.h"
#include "receiptemailhandler.h"
#include "returnhandler.h"
#include "salehandler.h"
#include "shiftclosedhandler.h"
#include "shiftopenedhandler.h"
#include "wishlistchangedhandler.h"

namespace Toonbank::Sync::Server {

std::unique_ptr<EventHandlerRegistry> EventHandlerRegistry::standard(const Options &options)
{
    auto registry = std::make_unique<EventHandlerRegistry>();
    registry->add(std::make_unique<SaleHandler>(options.checkSales));
    registry->add(std::make_unique<CustomerEnrolledHandler>());
    registry->add(std::make_unique<ConsentChangedHandler>());
    registry->add(std::make_unique<WishlistChangedHandler>());
    registry->add(std::make_unique<ReceiptEmailHandler>());
    registry->add(std::make_unique<ReturnHandler>());
    registry->add(std::make_unique<ShiftOpenedHandler>());
    registry->add(std::make_unique<CashMovementHandler>());
    registry->add(std::make_unique<ShiftClosedHandler>());
    registry->add(std::make_unique<PickupHandedOverHandler>());
    registry->add(std::make_unique<PickupNotCollectedHandler>());
    return registry;
}

void EventHandlerRegistry::add(std::unique_ptr<EventHandler> handler)
{
    m_byName.insert(Protocol::name(handler->type()), handler.get());
    m_handlers.push_back(std::move(handler));
}

EventHandler *EventHandlerRegistry::find(const QString &typeName) const
{
    return m_byName.value(typeName, nullptr);
}

} // namespace Toonbank::Sync::Server
