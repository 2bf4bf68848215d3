#pragma once

#include "app/core/result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace Toonbank::Services {

// Header-only, so the sync client can implement it without linking the services.

/// Found by a server lookup (the sync client implements CustomerDirectory).
struct DirectoryCustomer
{
    qint64 id = 0;
    QString cardNumber;
    QString name;
    QString email;
    QString phone;
    QString tier;
    qint64 pointsBalance = 0;
    qint64 lifetimePoints = 0;
    QString homeStoreCode;
    bool consentEmail = false;
    bool consentSms = false;
    bool consentPersonalised = false;
    QDateTime consentChangedAt; // UTC
    QDateTime lastSeenAt; // UTC
};

/// One loyalty ledger row of a customer's server profile.
struct DirectoryLedgerEntry
{
    QString eventId;
    qint64 points = 0; // + earned, − redeemed
    QString reason; // "sale", "redeem", …
    QString saleId;
    QDateTime at; // UTC
};

/// One purchase of a customer's server profile: a store sale (any store) or a web order.
struct DirectoryPurchase
{
    QString channel; // "store" | "web"
    QString id; // sale id (store) or order number (web)
    QString reference; // receipt number (store) or order number (web)
    QString storeCode; // the store that sold it (web: the store that serves the order, or empty)
    QDateTime at; // UTC; store sales only (invalid for web orders)
    QString status; // web orders only
    qint64 totalCents = 0;
    qint64 pointsEarned = 0;
};

/// GET /v1/customers/profile: what the server knows of a customer across stores and the web.
struct DirectoryProfile
{
    DirectoryCustomer customer;
    QList<DirectoryLedgerEntry> ledger; // newest first
    QList<DirectoryPurchase> purchases; // store sales newest first, then web orders
};

/// Online lookup of customers the cache does not hold (another store's customers). The sync
/// client implements it; the service asks only when the cache has no match and isOnline().
class CustomerDirectory
{
public:
    enum class Field { Card, Phone, Email, Name };
    virtual ~CustomerDirectory() = default;
    virtual bool isOnline() const = 0;
    /// `value` is normalised (E.164 phone, lower-case e-mail, card number) or name words.
    /// Errors: "sync.*" (network).
    virtual Core::Result<QList<DirectoryCustomer>> find(Field field, const QString &value) = 0;
    /// The server's profile of a customer by server id: ledger and purchases (store and web).
    /// Errors: "sync.*" (network, unknown customer). The default has no server to ask.
    virtual Core::Result<DirectoryProfile> profile(qint64 serverId)
    {
        return Core::Error::make(QStringLiteral("sync.offline"), QString(),
            QStringLiteral("no server profile for customer %1").arg(serverId));
    }
};

} // namespace Toonbank::Services
