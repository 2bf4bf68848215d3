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
};

} // namespace Toonbank::Services
