#pragma once

#include "app/core/result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace Toonbank::Store {

class LocalDatabase;

struct ParkedBasket
{
    qint64 id = 0;
    QDateTime parkedAt; // UTC
    qint64 staffId = 0;
    QString label;
    QByteArray basketJson;
};

/// Baskets put aside to serve the next customer. Stored in the cache, so they survive an app
/// restart; resuming one removes it in the same transaction that reads it.
class ParkedBaskets final
{
    Q_DISABLE_COPY_MOVE(ParkedBaskets)
public:
    explicit ParkedBaskets(LocalDatabase &database);

    Core::Result<qint64> park(
        qint64 staffId, const QString &label, const QByteArray &basketJson, const QDateTime &now);
    /// Oldest first.
    Core::Result<QList<ParkedBasket>> list() const;
    /// Reads and deletes one parked basket. Error: "parked.unknown".
    Core::Result<ParkedBasket> take(qint64 id);

private:
    LocalDatabase &m_db;
};

} // namespace Toonbank::Store
