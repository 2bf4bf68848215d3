#include "promotionrows.h"

#include "serverdatabase.h"

#include "sync/protocol/promotionjson.h"

namespace Toonbank::Sync::Server::PromotionRows {

QStringList columns()
{
    return { QStringLiteral("id"), QStringLiteral("label"), QStringLiteral("kind"),
        QStringLiteral("target"), QStringLiteral("target_keys"),
        QStringLiteral("percent_basis_points"), QStringLiteral("amount_cents"),
        QStringLiteral("threshold_cents"), QStringLiteral("buy_quantity"),
        QStringLiteral("pay_quantity"), QStringLiteral("valid_from"), QStringLiteral("valid_until"),
        QStringLiteral("store_codes"), QStringLiteral("exclusive"), QStringLiteral("priority"),
        QStringLiteral("coupon_code"), QStringLiteral("single_use"), QStringLiteral("customer_id"),
        QStringLiteral("tier") };
}

QVariantList toRow(const Core::Promotion &p, qint64 changeSeq)
{
    return { p.id, p.label, Core::name(p.kind), Core::name(p.target),
        p.targetKeys.join(QLatin1Char('\n')), p.percentBasisPoints, p.amount.cents(),
        p.threshold.cents(), p.buyQuantity, p.payQuantity, Protocol::promotionTimeText(p.validFrom),
        Protocol::promotionTimeText(p.validUntil), p.storeCodes.join(QLatin1Char('\n')),
        int(p.exclusive), p.priority, p.couponCode, int(p.singleUse), p.customerId, p.tier,
        changeSeq };
}

Core::Promotion fromQuery(const QSqlQuery &q)
{
    Core::Promotion p;
    p.id = q.value(0).toString();
    p.label = q.value(1).toString();
    p.kind = Core::promotionKindFromName(q.value(2).toString()).value_or(p.kind);
    p.target = Core::promotionTargetFromName(q.value(3).toString()).value_or(p.target);
    p.targetKeys = q.value(4).toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    p.percentBasisPoints = q.value(5).toInt();
    p.amount = Core::Money::fromCents(q.value(6).toLongLong());
    p.threshold = Core::Money::fromCents(q.value(7).toLongLong());
    p.buyQuantity = q.value(8).toInt();
    p.payQuantity = q.value(9).toInt();
    p.validFrom = Protocol::promotionTimeFromText(q.value(10).toString());
    p.validUntil = Protocol::promotionTimeFromText(q.value(11).toString());
    p.storeCodes = q.value(12).toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    p.exclusive = q.value(13).toInt() != 0;
    p.priority = q.value(14).toInt();
    p.couponCode = q.value(15).toString();
    p.singleUse = q.value(16).toInt() != 0;
    p.customerId = q.value(17).toLongLong();
    p.tier = q.value(18).toString();
    p.version = q.value(19).toLongLong();
    return p;
}

Core::Result<QList<Core::Promotion>> loadAll(ServerDatabase &db)
{
    auto q = db.exec(QStringLiteral("SELECT ") + columns().join(QLatin1Char(','))
        + QStringLiteral(", change_seq FROM promotions ORDER BY id"));
    if (!q)
        return q.error();
    QList<Core::Promotion> promotions;
    while (q.value().next())
        promotions.append(fromQuery(q.value()));
    return promotions;
}

} // namespace Toonbank::Sync::Server::PromotionRows
