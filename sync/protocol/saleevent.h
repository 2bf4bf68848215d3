#pragma once

#include "app/core/result.h"
#include "app/core/sale.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace Toonbank::Sync::Protocol {

/// 2: sales travel as Core::Sale (adjustments, tenders, customer, coupons, authorisations,
/// points, catalog version); customer events; feed kinds.
constexpr int protocolVersion = 2;

/// The envelope every outbox event travels in (see docs/SYNC.md).
struct EventEnvelope
{
    QString eventId; // UUID, created on the tablet when the event is written
    QString deviceId;
    qint64 deviceSeq = 0; // strictly increasing per device
    QString type; // an EventType name: "sale", "customer_enrolled", …
    qint64 staffId = 0;
    QDateTime occurredAt; // UTC
    QJsonObject payload;

    QJsonObject toJson() const;
    /// Validates types, required fields and unknown fields. Errors: "protocol.*".
    static Core::Result<EventEnvelope> fromJson(const QJsonObject &json);
};

/// The one mapping of a sale to the wire: the payload of a "sale" event.
QJsonObject saleToJson(const Core::Sale &sale);

/// Parses strictly (types, no unknown fields, names of every enum) and checks the sale adds
/// up on its own: unique line ids, quantities non-zero, adjustments non-negative and never
/// more than the line, line totals, the total, the VAT summary equal to vatBreakdown() of the
/// lines, the tenders settling total + rounding. Whether the prices and adjustments are
/// right is the server's re-check (SaleHandler). A protocol-1 sale (locationCode, payments;
/// events a tablet queued before its update) is read too and comes back with staffId 0 (the
/// envelope's staff member sold it). Errors: "protocol.*" / "sale.*".
Core::Result<Core::Sale> saleFromJson(const QJsonObject &json);

} // namespace Toonbank::Sync::Protocol
