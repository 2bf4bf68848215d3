#include "customerref.h"

#include "sync/server/serverdatabase.h"

#include <QSqlQuery>

namespace Toonbank::Sync::Server {

void CustomerRef::read(Protocol::JsonReader &reader)
{
    id = reader.integer(QStringLiteral("customerId"), false, 0);
    cardNumber = reader.string(QStringLiteral("cardNumber"), false);
    if (reader.ok() && id == 0 && cardNumber.isEmpty())
        reader.fail(QStringLiteral("protocol.missing_field"),
            QStringLiteral("customerId or cardNumber is required"));
}

Core::Result<qint64> CustomerRef::resolve(ServerDatabase &db) const
{
    auto q = id != 0
        ? db.exec(QStringLiteral("SELECT id FROM customers WHERE id = ?"), { id })
        : db.exec(QStringLiteral("SELECT id FROM customers WHERE card_number = ? UNION ALL "
                                 "SELECT customer_id FROM customer_card_aliases WHERE "
                                 "card_number = ?"),
            { cardNumber, cardNumber });
    if (!q)
        return q.error();
    return q.value().next() ? q.value().value(0).toLongLong() : qint64(0);
}

Core::Result<bool> CustomerRef::knownFor(BatchContext &context, const BatchEvent &event) const
{
    Core::Result<qint64> found = resolve(context.db);
    if (!found)
        return found.error();
    if (found.value() != 0)
        return true;
    if (cardNumber.isEmpty())
        return false;
    const QString enrolled = Protocol::name(Protocol::EventType::CustomerEnrolled);
    for (const Protocol::EventEnvelope *earlier : context.batch) {
        if (earlier == event.envelope)
            break;
        if (earlier->type == enrolled
            && earlier->payload.value(QStringLiteral("cardNumber")).toString() == cardNumber)
            return true;
    }
    return false;
}

} // namespace Toonbank::Sync::Server
