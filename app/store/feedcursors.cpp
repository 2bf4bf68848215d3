#include "feedcursors.h"

#include "localdatabase.h"
#include "storeerrors.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Toonbank::Store {

FeedCursors::FeedCursors(LocalDatabase &database)
    : m_db(database)
{ }

Core::Result<qint64> FeedCursors::cursor(const QString &kind) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT cursor FROM feed_cursors WHERE kind = ?"));
    q.addBindValue(kind);
    if (!q.exec())
        return Internal::queryFailed(q.lastError().text());
    return q.next() ? q.value(0).toLongLong() : qint64(0);
}

Core::Status FeedCursors::setCursor(const QString &kind, qint64 value)
{
    if (value < 0)
        return Core::Error::make(QStringLiteral("feed.bad_cursor"),
            Core::Tr::tr("The server sent an invalid change-feed position."),
            QStringLiteral("%1 cursor %2").arg(kind).arg(value));
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO feed_cursors(kind, cursor) VALUES(?, ?) "
                             "ON CONFLICT(kind) DO UPDATE SET cursor = excluded.cursor"));
    q.addBindValue(kind);
    q.addBindValue(value);
    if (!q.exec())
        return Internal::queryFailed(q.lastError().text());
    return Core::success();
}

} // namespace Toonbank::Store
