#pragma once

#include "changefeed.h"

#include "app/core/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Toonbank::Sync::Protocol {

/// One loyalty ledger row of GET /v1/customers/profile.
struct LedgerEntry
{
    QString eventId;
    qint64 points = 0; // + earned, − redeemed
    QString reason; // "sale", "redeem", …
    QString saleId;
    QDateTime at;
};

/// One purchase of a customer: a store sale or a web order.
struct Purchase
{
    QString channel; // "store" | "web"
    QString id; // sale id or order number
    QString reference; // receipt number or order number
    QString storeCode;
    QDateTime at; // store sales only
    QString status; // web orders only
    qint64 totalCents = 0;
    qint64 pointsEarned = 0;
};

/// GET /v1/customers/profile?id=N.
struct CustomerProfile
{
    CustomerData customer;
    QList<LedgerEntry> ledger;
    QList<Purchase> purchases;

    static Core::Result<CustomerProfile> fromJson(const QJsonObject &json); // tolerant
};

/// GET /v1/customers?q=TEXT (tolerant).
Core::Result<QList<CustomerData>> customerSearchFromJson(const QJsonObject &json);

} // namespace Toonbank::Sync::Protocol
