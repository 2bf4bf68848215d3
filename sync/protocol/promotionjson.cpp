#include "promotionjson.h"

#include "jsonreader.h"

#include <QJsonArray>

namespace Toonbank::Sync::Protocol {

QString promotionTimeText(const QDateTime &local)
{
    return local.isValid() ? local.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) : QString();
}

QDateTime promotionTimeFromText(const QString &text)
{
    if (text.isEmpty())
        return {};
    QDateTime when = QDateTime::fromString(text, Qt::ISODate);
    if (!when.isValid()) // a plain date: from its start
        when = QDateTime(QDate::fromString(text, Qt::ISODate), QTime(0, 0));
    if (!when.isValid())
        return {};
    return QDateTime(when.date(), when.time(), Qt::LocalTime);
}

QJsonObject promotionToJson(const Core::Promotion &p)
{
    return {
        { QStringLiteral("id"), p.id },
        { QStringLiteral("label"), p.label },
        { QStringLiteral("kind"), Core::name(p.kind) },
        { QStringLiteral("target"), Core::name(p.target) },
        { QStringLiteral("targetKeys"), QJsonArray::fromStringList(p.targetKeys) },
        { QStringLiteral("percentBasisPoints"), p.percentBasisPoints },
        { QStringLiteral("amountCents"), p.amount.cents() },
        { QStringLiteral("thresholdCents"), p.threshold.cents() },
        { QStringLiteral("buyQuantity"), p.buyQuantity },
        { QStringLiteral("payQuantity"), p.payQuantity },
        { QStringLiteral("validFrom"), promotionTimeText(p.validFrom) },
        { QStringLiteral("validUntil"), promotionTimeText(p.validUntil) },
        { QStringLiteral("storeCodes"), QJsonArray::fromStringList(p.storeCodes) },
        { QStringLiteral("exclusive"), p.exclusive },
        { QStringLiteral("priority"), p.priority },
        { QStringLiteral("couponCode"), p.couponCode },
        { QStringLiteral("singleUse"), p.singleUse },
        { QStringLiteral("customerId"), p.customerId },
        { QStringLiteral("tier"), p.tier },
        { QStringLiteral("version"), p.version },
    };
}

namespace {

QStringList readList(JsonReader &r, const QString &key)
{
    QStringList list;
    for (const QJsonValue &value : r.array(key, false)) {
        if (!value.isString()) {
            r.fail(QStringLiteral("protocol.wrong_type"),
                QStringLiteral("promotion.%1 must hold text").arg(key));
            return {};
        }
        list.append(value.toString());
    }
    return list;
}

QDateTime readTime(JsonReader &r, const QString &key)
{
    const QString text = r.string(key, false);
    const QDateTime when = promotionTimeFromText(text);
    if (r.ok() && !text.isEmpty() && !when.isValid())
        r.fail(QStringLiteral("protocol.bad_date"),
            QStringLiteral("promotion.%1 is not a date or date-time").arg(key));
    return when;
}

} // namespace

Core::Result<Core::Promotion> promotionFromJson(const QJsonObject &json, Reading reading)
{
    JsonReader r(json, QStringLiteral("promotion"));
    Core::Promotion p;
    p.id = r.string(QStringLiteral("id"));
    p.label = r.string(QStringLiteral("label"));
    const QString kind = r.string(QStringLiteral("kind"));
    const QString target = r.string(QStringLiteral("target"));
    p.targetKeys = readList(r, QStringLiteral("targetKeys"));
    p.percentBasisPoints
        = int(r.integer(QStringLiteral("percentBasisPoints"), false, -1000000, 1000000));
    p.amount = r.money(QStringLiteral("amountCents"), true, false);
    p.threshold = r.money(QStringLiteral("thresholdCents"), true, false);
    p.buyQuantity = int(r.integer(QStringLiteral("buyQuantity"), false, -100000, 100000));
    p.payQuantity = int(r.integer(QStringLiteral("payQuantity"), false, -100000, 100000));
    p.validFrom = readTime(r, QStringLiteral("validFrom"));
    p.validUntil = readTime(r, QStringLiteral("validUntil"));
    p.storeCodes = readList(r, QStringLiteral("storeCodes"));
    p.exclusive = r.boolean(QStringLiteral("exclusive"), false);
    p.priority = int(r.integer(QStringLiteral("priority"), false, -1000000, 1000000));
    p.couponCode = r.string(QStringLiteral("couponCode"), false);
    p.singleUse = r.boolean(QStringLiteral("singleUse"), false);
    p.customerId = r.integer(QStringLiteral("customerId"), false, 0);
    p.tier = r.string(QStringLiteral("tier"), false);
    p.version = r.integer(QStringLiteral("version"), false, 0);
    if (reading == Reading::Strict)
        r.rejectUnknownFields();
    if (!r.ok())
        return r.error();
    const auto kindValue = Core::promotionKindFromName(kind);
    const auto targetValue = Core::promotionTargetFromName(target);
    if (!kindValue || !targetValue)
        return Core::Error::make(QStringLiteral("protocol.bad_value"),
            QStringLiteral("unknown promotion kind or target"),
            QStringLiteral("promotion %1: kind %2, target %3")
                .arg(p.id.left(40), kind.left(30), target.left(30)));
    p.kind = *kindValue;
    p.target = *targetValue;
    return p;
}

} // namespace Toonbank::Sync::Protocol
