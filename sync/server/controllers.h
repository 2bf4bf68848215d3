#pragma once

#include "apiserver.h"
#include "changefeedreader.h"
#include "eventapplier.h"

namespace Toonbank::Sync::Server {

/// GET /v1/status — unauthenticated liveness for load balancers and test fixtures.
class StatusController final
{
public:
    explicit StatusController(ServerDatabase &database)
        : m_db(database)
    { }
    ApiReply status(const ApiRequest &request);

private:
    ServerDatabase &m_db;
};

/// POST /v1/enrol — a one-time code for a device token and the CA certificate.
class EnrolmentController final
{
public:
    EnrolmentController(DeviceRegistry &devices, QString caPem)
        : m_devices(devices)
        , m_caPem(std::move(caPem))
    { }
    ApiReply enrol(const ApiRequest &request);

private:
    DeviceRegistry &m_devices;
    QString m_caPem;
};

/// POST /v1/events — push a batch of outbox events; GET /v1/events/rejected — what the server
/// refused from this device, for the supervisor.
class EventsController final
{
public:
    EventsController(ServerDatabase &database, const EventHandlerRegistry &handlers)
        : m_db(database)
        , m_applier(database, handlers)
    { }
    ApiReply push(const ApiRequest &request);
    ApiReply rejected(const ApiRequest &request);

private:
    ServerDatabase &m_db;
    EventApplier m_applier;
};

/// GET /v1/changes?since=S&limit=N — one page of the change feed.
class ChangesController final
{
public:
    explicit ChangesController(ServerDatabase &database)
        : m_reader(database)
    { }
    ApiReply changes(const ApiRequest &request);

private:
    ChangeFeedReader m_reader;
};

/// Online customer look-ups (the tablet asks while a customer stands at the till):
/// GET /v1/customers?q=TEXT — by card number, e-mail, phone or name, chain-wide, at most 20;
/// GET /v1/customers/profile?id=N — the customer, the loyalty ledger and purchase history
/// (store sales and web orders), newest first.
class CustomersController final
{
public:
    explicit CustomersController(ServerDatabase &database)
        : m_db(database)
    { }
    ApiReply search(const ApiRequest &request);
    ApiReply profile(const ApiRequest &request);

private:
    ServerDatabase &m_db;
};

/// POST /v1/coupons/claim {code, saleId} — claims a single-use coupon for a sale with one
/// conditional INSERT on the code's primary key: of two claims one gets 200, the other 409.
/// Claiming again for the same sale is a 200 (a retry after a lost answer). See release().
class CouponsController final
{
public:
    explicit CouponsController(ServerDatabase &database)
        : m_db(database)
    { }
    ApiReply claim(const ApiRequest &request);
    /// POST /v1/coupons/release {code, saleId} — gives back a claim this device made for a
    /// sale that was abandoned: one conditional DELETE (same code, sale and device, and no
    /// applied sale with that id), under the feed lock the event applier takes, so a release
    /// and the sale's push never both win. 200 `{code, saleId, released: true}`; 409
    /// `coupon.consumed` when the sale was applied; 404 `coupon.not_claimed` when this device
    /// holds no claim of the code for that sale (never claimed, released before, or another
    /// device's or sale's claim).
    ApiReply release(const ApiRequest &request);

private:
    ServerDatabase &m_db;
};

/// GET /v1/mail/failed?store=CODE — e-mailed receipts of the device's own store that the
/// SMTP server kept refusing (state failed), for the supervisor: `{"messages": [{id, saleId,
/// receiptNumber, address, attempts, lastError, createdAt}]}`. Another store: 403
/// `scope.location`.
class MailController final
{
public:
    explicit MailController(ServerDatabase &database)
        : m_db(database)
    { }
    ApiReply failed(const ApiRequest &request);

private:
    ServerDatabase &m_db;
};

} // namespace Toonbank::Sync::Server
