#include "parkedbaskets.h"

#include "localdatabase.h"

#include "app/core/tr.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Toonbank::Store {

using Core::Error;
using Core::Tr;

namespace {

Error parkFailed(const QSqlQuery &query)
{
    return Error::make(QStringLiteral("parked.store_failed"),
        Tr::tr("The parked sale could not be saved or read."), query.lastError().text());
}

} // namespace

ParkedBaskets::ParkedBaskets(LocalDatabase &database)
    : m_db(database)
{ }

Core::Result<qint64> ParkedBaskets::park(
    qint64 staffId, const QString &label, const QByteArray &basketJson, const QDateTime &now)
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO parked_baskets(parked_at, staff_id, label, basket_json) "
                             "VALUES(?, ?, ?, ?)"));
    q.addBindValue(now.toUTC().toString(Qt::ISODateWithMs));
    q.addBindValue(staffId);
    q.addBindValue(label.isNull() ? QString(QLatin1String("")) : label); // NOT NULL column
    q.addBindValue(QString::fromUtf8(basketJson));
    if (!q.exec())
        return parkFailed(q);
    return q.lastInsertId().toLongLong();
}

Core::Result<QList<ParkedBasket>> ParkedBaskets::list() const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.exec(
            QStringLiteral("SELECT id, parked_at, staff_id, label, basket_json FROM parked_baskets "
                           "ORDER BY id")))
        return parkFailed(q);
    QList<ParkedBasket> baskets;
    while (q.next()) {
        baskets.append({ q.value(0).toLongLong(),
            QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs),
            q.value(2).toLongLong(), q.value(3).toString(), q.value(4).toString().toUtf8() });
    }
    return baskets;
}

Core::Result<ParkedBasket> ParkedBaskets::take(qint64 id)
{
    ParkedBasket basket;
    const Core::Status status = m_db.transaction([&]() -> Core::Status {
        QSqlQuery q(m_db.connection());
        q.prepare(
            QStringLiteral("SELECT id, parked_at, staff_id, label, basket_json FROM parked_baskets "
                           "WHERE id = ?"));
        q.addBindValue(id);
        if (!q.exec())
            return parkFailed(q);
        if (!q.next())
            return Error::make(QStringLiteral("parked.unknown"),
                Tr::tr("This parked sale was already resumed on this device."));
        basket = { q.value(0).toLongLong(),
            QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs),
            q.value(2).toLongLong(), q.value(3).toString(), q.value(4).toString().toUtf8() };
        q.finish();
        q.prepare(QStringLiteral("DELETE FROM parked_baskets WHERE id = ?"));
        q.addBindValue(id);
        if (!q.exec())
            return parkFailed(q);
        return Core::success();
    });
    if (!status)
        return status.error();
    return basket;
}

} // namespace Toonbank::Store
