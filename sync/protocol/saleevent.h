#pragma once

#include "app/core/money.h"
#include "app/core/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Toonbank::Sync::Protocol {

constexpr int protocolVersion = 1;

/// The envelope every outbox event travels in (see PROTOCOL.md).
struct EventEnvelope
{
    QString eventId; // UUID, created on the tablet when the event is written
    QString deviceId;
    qint64 deviceSeq = 0; // strictly increasing per device
    QString type; // "sale" (later: "return", "loyalty", "drawer", …)
    qint64 staffId = 0;
    QDateTime occurredAt; // UTC
    QJsonObject payload;

    QJsonObject toJson() const;
    /// Validates types, required fields and unknown fields. Errors: "protocol.*".
    static Core::Result<EventEnvelope> fromJson(const QJsonObject &json);
};

struct SaleLine
{
    qint64 productId = 0;
    QString sku;
    int quantity = 0; // negative for a return line inside an exchange
    Core::Money unitPrice;
    Core::Money lineDiscount;
    Core::Money lineTotal; // unitPrice * quantity - lineDiscount
    QString vatClass;
    int vatBasisPoints = 0;
};

struct SaleVat
{
    int basisPoints = 0;
    Core::Money gross;
    Core::Money vat;
    Core::Money net;
};

struct SalePayment
{
    QString method; // "cash", "card", …
    Core::Money amount; // what this payment settles (cash: after rounding)
    Core::Money tendered; // cash handed over (0 for card)
    Core::Money change;
    QString reference; // terminal reference for card
};

/// A finished sale as the tablet reports it. The server re-checks that it adds up.
struct SaleEvent
{
    QString saleId; // UUID of the sale (== receipt's QR content key)
    QString receiptNumber; // "AMS01-T1-000123"
    QString locationCode; // store code
    QDateTime soldAt; // UTC
    QList<SaleLine> lines;
    QList<SaleVat> vat; // per rate
    Core::Money total; // sum of line totals (unrounded)
    Core::Money rounding; // cash rounding applied (may be negative); paid = total + rounding
    QList<SalePayment> payments;
    qint64 customerId = 0; // 0 = anonymous
    bool training = false;

    QJsonObject toJson() const;
    /// Parses and validates: types, no unknown fields, quantities non-zero, money non-negative
    /// where it must be, line totals = unit*qty - discount, sum(lines) = total,
    /// per-rate VAT consistent (net + vat == gross, gross sums to total), payments settle
    /// total + rounding. Errors: "protocol.*" / "sale.*" with a plain message.
    static Core::Result<SaleEvent> fromJson(const QJsonObject &json);
};

} // namespace Toonbank::Sync::Protocol
