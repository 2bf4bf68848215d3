#include "customerlookup.h"

#include <QJsonArray>

namespace Toonbank::Sync::Protocol {

namespace {

QDateTime time(const QJsonObject &json, const char *key)
{
    return QDateTime::fromString(json.value(QLatin1String(key)).toString(), Qt::ISODateWithMs);
}

} // namespace

Core::Result<CustomerProfile> CustomerProfile::fromJson(const QJsonObject &json)
{
    CustomerProfile profile;
    auto customer
        = customerFromJson(json.value(QStringLiteral("customer")).toObject(), Reading::Tolerant);
    if (!customer)
        return customer.error();
    profile.customer = customer.value();
    for (const QJsonValue &value : json.value(QStringLiteral("ledger")).toArray()) {
        const QJsonObject o = value.toObject();
        profile.ledger.append({ o.value(QStringLiteral("eventId")).toString(),
            o.value(QStringLiteral("points")).toInteger(),
            o.value(QStringLiteral("reason")).toString(),
            o.value(QStringLiteral("saleId")).toString(), time(o, "at") });
    }
    for (const QJsonValue &value : json.value(QStringLiteral("purchases")).toArray()) {
        const QJsonObject o = value.toObject();
        Purchase p;
        p.channel = o.value(QStringLiteral("channel")).toString();
        p.id = o.value(QStringLiteral("id")).toString();
        p.reference = o.value(QStringLiteral("reference")).toString();
        p.storeCode = o.value(QStringLiteral("storeCode")).toString();
        p.at = time(o, "at");
        p.status = o.value(QStringLiteral("status")).toString();
        p.totalCents = o.value(QStringLiteral("totalCents")).toInteger();
        p.pointsEarned = o.value(QStringLiteral("pointsEarned")).toInteger();
        profile.purchases.append(p);
    }
    return profile;
}

Core::Result<QList<CustomerData>> customerSearchFromJson(const QJsonObject &json)
{
    QList<CustomerData> customers;
    for (const QJsonValue &value : json.value(QStringLiteral("customers")).toArray()) {
        auto customer = customerFromJson(value.toObject(), Reading::Tolerant);
        if (!customer)
            return customer.error();
        customers.append(customer.value());
    }
    return customers;
}

} // namespace Toonbank::Sync::Protocol
