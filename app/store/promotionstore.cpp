#include "promotionstore.h"

#include "localdatabase.h"
#include "storeerrors.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Toonbank::Store {

namespace {

const QString localFormat = QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz");

// Store-local wall-clock text. A UTC or offset time is first converted to local time, the way
// Core::isActive reads it.
QString wallClock(const QDateTime &time)
{
    const QDateTime local = time.timeSpec() == Qt::LocalTime ? time : time.toLocalTime();
    return local.toString(localFormat);
}

QVariant localText(const QDateTime &time)
{
    if (!time.isValid())
        return QVariant(QMetaType(QMetaType::QString));
    return wallClock(time);
}

QDateTime fromLocalText(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromString(value.toString(), localFormat);
}

QString listJson(const QStringList &list)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QStringList listFrom(const QVariant &value)
{
    QStringList list;
    const QJsonArray array = QJsonDocument::fromJson(value.toString().toUtf8()).array();
    for (const QJsonValue &item : array)
        list.append(item.toString());
    return list;
}

bool run(QSqlQuery &query, const QString &sql, const QVariantList &values)
{
    if (!query.prepare(sql))
        return false;
    for (const QVariant &value : values)
        query.addBindValue(value);
    return query.exec();
}

const QString columns = QStringLiteral(
    "id, label, kind, target, target_keys, percent_basis_points, amount_cents, threshold_cents, "
    "buy_quantity, pay_quantity, valid_from, valid_until, store_codes, exclusive, priority, "
    "coupon_code, single_use, customer_id, tier, version");

bool bumpGeneration(QSqlQuery &q)
{
    return q.exec(QStringLiteral("INSERT INTO counters(name, value) VALUES('promotions', 1) "
                                 "ON CONFLICT(name) DO UPDATE SET value = value + 1"));
}

bool inStore(const Core::Promotion &promotion, const QString &storeCode)
{
    return promotion.storeCodes.isEmpty()
        || promotion.storeCodes.contains(storeCode, Qt::CaseInsensitive);
}

} // namespace

PromotionStore::PromotionStore(LocalDatabase &database)
    : m_db(database)
{ }

Core::Status PromotionStore::upsert(const Core::Promotion &p)
{
    return m_db.transaction([&]() -> Core::Status {
        QSqlQuery q(m_db.connection());
        if (!run(q,
                QStringLiteral("INSERT OR REPLACE INTO promotions(") + columns
                    + QStringLiteral(
                        ") VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                { p.id, p.label.isNull() ? QString(QLatin1String("")) : p.label, Core::name(p.kind),
                    Core::name(p.target), listJson(p.targetKeys), p.percentBasisPoints,
                    p.amount.cents(), p.threshold.cents(), p.buyQuantity, p.payQuantity,
                    localText(p.validFrom), localText(p.validUntil), listJson(p.storeCodes),
                    p.exclusive ? 1 : 0, p.priority,
                    p.couponCode.isNull() ? QString(QLatin1String("")) : p.couponCode,
                    p.singleUse ? 1 : 0, p.customerId,
                    p.tier.isNull() ? QString(QLatin1String("")) : p.tier, p.version })
            || !bumpGeneration(q))
            return Internal::queryFailed(q.lastError().text());
        return Core::success();
    });
}

Core::Status PromotionStore::remove(const QString &id)
{
    return m_db.transaction([&]() -> Core::Status {
        QSqlQuery q(m_db.connection());
        if (!run(q, QStringLiteral("DELETE FROM promotions WHERE id = ?"), { id })
            || !bumpGeneration(q))
            return Internal::queryFailed(q.lastError().text());
        return Core::success();
    });
}

Core::Result<QList<Core::Promotion>> PromotionStore::select(
    const QString &where, const QVariantList &values) const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!run(q,
            QStringLiteral("SELECT ") + columns + QStringLiteral(" FROM promotions ") + where
                + QStringLiteral(" ORDER BY priority DESC, id"),
            values))
        return Internal::queryFailed(q.lastError().text());
    QList<Core::Promotion> promotions;
    while (q.next()) {
        Core::Promotion p;
        p.id = q.value(0).toString();
        p.label = q.value(1).toString();
        const auto kind = Core::promotionKindFromName(q.value(2).toString());
        const auto target = Core::promotionTargetFromName(q.value(3).toString());
        if (!kind || !target)
            continue; // written by a newer build: ignored, like an unknown feed field
        p.kind = *kind;
        p.target = *target;
        p.targetKeys = listFrom(q.value(4));
        p.percentBasisPoints = q.value(5).toInt();
        p.amount = Core::Money::fromCents(q.value(6).toLongLong());
        p.threshold = Core::Money::fromCents(q.value(7).toLongLong());
        p.buyQuantity = q.value(8).toInt();
        p.payQuantity = q.value(9).toInt();
        p.validFrom = fromLocalText(q.value(10));
        p.validUntil = fromLocalText(q.value(11));
        p.storeCodes = listFrom(q.value(12));
        p.exclusive = q.value(13).toInt() != 0;
        p.priority = q.value(14).toInt();
        p.couponCode = q.value(15).toString();
        p.singleUse = q.value(16).toInt() != 0;
        p.customerId = q.value(17).toLongLong();
        p.tier = q.value(18).toString();
        p.version = q.value(19).toLongLong();
        promotions.append(p);
    }
    return promotions;
}

Core::Result<QList<Core::Promotion>> PromotionStore::activeAt(
    const QDateTime &local, const QString &storeCode) const
{
    const QString at = wallClock(local);
    auto candidates = select(QStringLiteral("WHERE (valid_from IS NULL OR valid_from <= ?) AND "
                                            "(valid_until IS NULL OR valid_until >= ?)"),
        { at, at });
    if (!candidates)
        return candidates;
    QList<Core::Promotion> active;
    for (const Core::Promotion &p : candidates.value()) {
        if (Core::isActive(p, local, storeCode))
            active.append(p);
    }
    return active;
}

Core::Result<QList<Core::Promotion>> PromotionStore::activeOn(
    const QDate &day, const QString &storeCode) const
{
    const QString start = QDateTime(day, QTime(0, 0)).toString(localFormat);
    const QString end = QDateTime(day, QTime(23, 59, 59, 999)).toString(localFormat);
    auto candidates = select(QStringLiteral("WHERE (valid_from IS NULL OR valid_from <= ?) AND "
                                            "(valid_until IS NULL OR valid_until >= ?)"),
        { end, start });
    if (!candidates)
        return candidates;
    QList<Core::Promotion> active;
    for (const Core::Promotion &p : candidates.value()) {
        if (inStore(p, storeCode))
            active.append(p);
    }
    return active;
}

Core::Result<QList<Core::Promotion>> PromotionStore::withCoupon(const QString &code) const
{
    return select(QStringLiteral("WHERE coupon_code <> '' AND lower(coupon_code) = lower(?)"),
        { code.trimmed() });
}

Core::Result<QList<Core::Promotion>> PromotionStore::all() const
{
    return select({}, {});
}

Core::Result<qint64> PromotionStore::generation() const
{
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("SELECT value FROM counters WHERE name = 'promotions'")))
        return Internal::queryFailed(q.lastError().text());
    return q.next() ? q.value(0).toLongLong() : qint64(0);
}

} // namespace Toonbank::Store
