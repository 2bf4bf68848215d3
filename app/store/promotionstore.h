#pragma once

#include "app/core/promotion.h"
#include "app/core/result.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

namespace Toonbank::Store {

class LocalDatabase;

/// The promotions this tablet knows (the "promotions" feed kind), as Core::Promotion. The sync
/// client writes them; the sale service reads them and hands them to Core::PromotionEngine.
/// All writes run inside the caller's transaction when one is open.
class PromotionStore final
{
    Q_DISABLE_COPY_MOVE(PromotionStore)
public:
    explicit PromotionStore(LocalDatabase &database);

    /// Inserts or replaces the promotion with this id (the server validated it). Bumps
    /// generation(). Error: "cache.query_failed".
    Core::Status upsert(const Core::Promotion &promotion);
    /// Removes it (ended early or deleted on the server); an unknown id is not an error.
    Core::Status remove(const QString &id);

    /// The promotions active at `local` (store local time) in `storeCode`, by Core::isActive.
    Core::Result<QList<Core::Promotion>> activeAt(
        const QDateTime &local, const QString &storeCode) const;
    /// Those that can be active at some moment of `day` in `storeCode` (date range and store
    /// scope only): what the sale service loads once per day and per generation, so a scan
    /// never reads promotions from disk. The engine still judges each at the sale's time.
    Core::Result<QList<Core::Promotion>> activeOn(const QDate &day, const QString &storeCode) const;
    /// Every promotion whose coupon code equals `code` (case-insensitive), whatever its dates
    /// and stores: lets the service tell "unknown" from "expired" from "other store".
    Core::Result<QList<Core::Promotion>> withCoupon(const QString &code) const;
    Core::Result<QList<Core::Promotion>> all() const;

    /// Changes with every upsert/remove: a reader that caches promotions reloads when it moves.
    Core::Result<qint64> generation() const;

private:
    Core::Result<QList<Core::Promotion>> select(
        const QString &where, const QVariantList &values) const;
    LocalDatabase &m_db;
};

} // namespace Toonbank::Store
