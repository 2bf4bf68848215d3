#include "consentchangedhandler.h"

#include "customerref.h"

#include "sync/server/serverdatabase.h"

#include <QSqlQuery>

namespace Toonbank::Sync::Server {

namespace {

struct ConsentChange
{
    CustomerRef customer;
    bool consentEmail = false;
    bool consentSms = false;
    bool consentPersonalised = false;
    QDateTime changedAt;
};

} // namespace

Core::Result<std::any> ConsentChangedHandler::parse(
    const DeviceIdentity &, const Protocol::EventEnvelope &envelope) const
{
    Protocol::JsonReader r(envelope.payload, QStringLiteral("consent_changed"));
    ConsentChange c;
    c.customer.read(r);
    c.consentEmail = r.boolean(QStringLiteral("consentEmail"));
    c.consentSms = r.boolean(QStringLiteral("consentSms"));
    c.consentPersonalised = r.boolean(QStringLiteral("consentPersonalised"));
    c.changedAt = r.timestamp(QStringLiteral("changedAt"));
    r.rejectUnknownFields();
    if (!r.ok())
        return r.error();
    return std::any(c);
}

Core::Status ConsentChangedHandler::check(BatchContext &context, const QList<BatchEvent *> &events)
{
    for (BatchEvent *event : events) {
        Core::Result<bool> known = event->as<ConsentChange>().customer.knownFor(context, *event);
        if (!known)
            return known.error();
        if (!known.value())
            event->reject(QStringLiteral("customer.unknown"),
                QStringLiteral("consent of a customer the server does not know"));
    }
    return Core::success();
}

Core::Status ConsentChangedHandler::apply(BatchContext &context, const QList<BatchEvent *> &events)
{
    ServerDatabase &db = context.db;
    for (BatchEvent *event : events) {
        const auto &c = event->as<ConsentChange>();
        Core::Result<qint64> id = c.customer.resolve(db);
        if (!id)
            return id.error();
        const QString changedAt = c.changedAt.toUTC().toString(Qt::ISODateWithMs);
        Core::Result<qint64> seq = db.reserveSequence(1);
        if (!seq)
            return seq.error();
        // Offline tablets may report changes out of order: the latest change wins.
        if (auto done = db.exec(
                QStringLiteral("UPDATE customers SET consent_email = ?, consent_sms = ?, "
                               "consent_personalised = ?, consent_changed_at = ?, change_seq = ? "
                               "WHERE id = ? AND consent_changed_at <= ?"),
                { int(c.consentEmail), int(c.consentSms), int(c.consentPersonalised), changedAt,
                    seq.value(), id.value(), changedAt });
            !done)
            return done.error();
        if (Core::Status s = db.insertRows(QStringLiteral("consent_history"),
                { QStringLiteral("customer_id"), QStringLiteral("event_id"),
                    QStringLiteral("changed_at"), QStringLiteral("consent_email"),
                    QStringLiteral("consent_sms"), QStringLiteral("consent_personalised"),
                    QStringLiteral("staff_id"), QStringLiteral("location_id") },
                { { id.value(), event->envelope->eventId, changedAt, int(c.consentEmail),
                    int(c.consentSms), int(c.consentPersonalised), event->envelope->staffId,
                    context.device.locationId } },
                QStringLiteral("ON CONFLICT(customer_id, event_id) DO NOTHING"));
            !s)
            return s;
        event->result.serverId = id.value();
    }
    return Core::success();
}

} // namespace Toonbank::Sync::Server
