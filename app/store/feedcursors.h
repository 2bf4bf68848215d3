#pragma once

#include "app/core/result.h"

#include <QString>

namespace Toonbank::Store {

class LocalDatabase;

/// Where this cache stands in each kind of the server's change feed (feed_cursors table).
/// Kinds: "catalog" (locations, products, stock, staff — v1's single pull cursor, migrated),
/// "promotions", "customers". A kind never written yet is at 0, so a new kind starts from its
/// own beginning without pulling the catalog again.
class FeedCursors final
{
    Q_DISABLE_COPY_MOVE(FeedCursors)
public:
    explicit FeedCursors(LocalDatabase &database);

    /// 0 for a kind not seen yet. Error: "cache.query_failed".
    Core::Result<qint64> cursor(const QString &kind) const;
    /// Runs inside the caller's transaction when one is open (write the cursor in the same
    /// transaction as the page it follows). Error "feed.bad_cursor" for a negative value.
    Core::Status setCursor(const QString &kind, qint64 value);

    static inline const QString catalog = QStringLiteral("catalog");
    static inline const QString promotions = QStringLiteral("promotions");
    static inline const QString customers = QStringLiteral("customers");

private:
    LocalDatabase &m_db;
};

} // namespace Toonbank::Store
