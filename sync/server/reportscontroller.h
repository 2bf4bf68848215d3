#pragma once

#include "apiserver.h"

namespace Toonbank::Sync::Server {

/// The manager's day (docs/STOREOPS.md "The manager's day"), chain-wide for one store, from
/// the server's tables.
///
/// GET /v1/reports/day?store=CODE&date=yyyy-MM-dd&staff=ID → Protocol::DayReport
///
/// The device must belong to the store (403 `scope.location`); `staff` must be an active
/// supervisor or manager of that store (Permission::ViewManagerReport; 403
/// `permission.denied`); a missing or malformed date or staff id is 400 `protocol.bad_value`.
/// The day is the store's local date (the server runs in the chain's time zone, as the sale
/// re-check and the wallet do). Training sales and returns are left out. Sales per local hour,
/// per staff member (sales and refunds) and per tender; every refund with the manager who
/// approved it; overrides: the approvals recorded on sales and returns and the no-sales, with
/// who asked and who approved; the store's shifts still open at the end of the day.
class ReportsController final
{
public:
    explicit ReportsController(ServerDatabase &database)
        : m_db(database)
    { }
    ApiReply day(const ApiRequest &request);

private:
    ServerDatabase &m_db;
};

} // namespace Toonbank::Sync::Server
