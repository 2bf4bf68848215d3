#pragma once

#include "app/core/promotion.h"
#include "app/core/result.h"

#include <QList>
#include <QSqlQuery>
#include <QStringList>
#include <QVariantList>

namespace Toonbank::Sync::Server {

class ServerDatabase;

/// The promotions table as Core::Promotion: the columns in select order, a row to a
/// promotion and a promotion to a row (lists joined by newlines).
namespace PromotionRows {

QStringList columns(); // without change_seq
QVariantList toRow(const Core::Promotion &promotion, qint64 changeSeq);
/// Reads columns() then change_seq (as version) from the current row of `query`.
Core::Promotion fromQuery(const QSqlQuery &query);
/// Every promotion, ordered by id.
Core::Result<QList<Core::Promotion>> loadAll(ServerDatabase &db);

} // namespace PromotionRows

} // namespace Toonbank::Sync::Server
