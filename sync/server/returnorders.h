#pragma once

#include "app/core/result.h"
#include "app/core/returns.h"

#include <QString>

namespace Toonbank::Sync::Server {

class ServerDatabase;

/// The chain's tag in a web order's QR code (docs/RETURNS.md): `chain.name` upper-cased with
/// the spaces removed ("" before `toonbank-admin create-chain`).
Core::Result<QString> chainTag(ServerDatabase &db);

/// What a scanned or typed code names for a return, as the server's tables have it now: a
/// store sale of any store of the chain (sales, sale_lines, sale_tenders; returned quantities,
/// open claims included, from sale_lines.returned_quantity; what each tender refunded; points
/// earned and taken back), a web order (web_orders, web_order_lines, web_order_tenders; the
/// delivery; the customer), or a return (answered with `isReturn` set: never returnable —
/// the lookup route turns it into 422 "return.of_return").
///
/// A typed number is looked up as a receipt number, then a return number, then a web order
/// number. Errors: "return.invalid_code" (parseReturnCode could not read it),
/// "return.other_chain" (a web QR with another chain's tag, or a receipt number whose store
/// code is not one of ours), "return.not_found"; "db.*" when the database fails.
/// Every query is an indexed lookup. Works on SQLite and PostgreSQL.
Core::Result<Core::ReturnableOrder> loadReturnableOrder(
    ServerDatabase &db, const QString &codeText);

/// The same for an order named by origin and number (a claim, a return event).
/// `saleId` non-empty narrows a store sale to that UUID.
Core::Result<Core::ReturnableOrder> loadReturnableOrder(ServerDatabase &db,
    Core::ReturnOrigin origin, const QString &number, const QString &saleId = {});

/// The return policy of a store: its own row in return_policies, else the chain's row
/// (location_id 0), else Core::ReturnPolicy::defaults().
Core::Result<Core::ReturnPolicy> loadReturnPolicy(ServerDatabase &db, qint64 locationId);

} // namespace Toonbank::Sync::Server
