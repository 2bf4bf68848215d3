#include "customerenrolledhandler.h"

#include "sync/protocol/jsonreader.h"
#include "sync/server/serverdatabase.h"

#include "app/core/customerrules.h"

#include <QSqlQuery>

namespace Toonbank::Sync::Server {

namespace {

struct Enrolment
{
    QString cardNumber;
    QString name;
    QString email; // lower case, empty = not given
    QString phone; // E.164, empty = not given
    bool consentEmail = false;
    bool consentSms = false;
    bool consentPersonalised = false;
    QDateTime enrolledAt;
};

// SQL NULL (an invalid variant; ServerDatabase::exec turns a null QString into ''): e-mail
// and phone are UNIQUE, and many customers have neither.
QVariant orNull(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

} // namespace

Core::Result<std::any> CustomerEnrolledHandler::parse(
    const DeviceIdentity &, const Protocol::EventEnvelope &envelope) const
{
    Protocol::JsonReader r(envelope.payload, QStringLiteral("customer_enrolled"));
    Enrolment e;
    e.cardNumber = r.string(QStringLiteral("cardNumber"));
    e.name = r.string(QStringLiteral("name"));
    e.email = r.string(QStringLiteral("email"), false).trimmed().toLower();
    e.phone = r.string(QStringLiteral("phone"), false).trimmed();
    e.consentEmail = r.boolean(QStringLiteral("consentEmail"));
    e.consentSms = r.boolean(QStringLiteral("consentSms"));
    e.consentPersonalised = r.boolean(QStringLiteral("consentPersonalised"));
    e.enrolledAt = r.timestamp(QStringLiteral("enrolledAt"));
    r.rejectUnknownFields();
    if (r.ok() && (e.cardNumber.isEmpty() || e.name.trimmed().isEmpty()))
        r.fail(QStringLiteral("customer.missing"), QStringLiteral("card number and name needed"));
    if (r.ok() && !e.email.isEmpty()) {
        // The core's one e-mail rule, as on the tablet.
        Core::Result<QString> email = Core::normaliseEmail(e.email);
        if (!email)
            return email.error();
        e.email = email.value();
    }
    if (r.ok() && !e.phone.isEmpty() && !e.phone.startsWith(QLatin1Char('+')))
        r.fail(QStringLiteral("customer.phone"), QStringLiteral("phone is not in E.164 form"));
    if (!r.ok())
        return r.error();
    return std::any(e);
}

Core::Status CustomerEnrolledHandler::check(BatchContext &, const QList<BatchEvent *> &)
{
    return Core::success(); // a duplicate is merged, never refused
}

Core::Status CustomerEnrolledHandler::apply(
    BatchContext &context, const QList<BatchEvent *> &events)
{
    ServerDatabase &db = context.db;
    for (BatchEvent *event : events) {
        const auto &e = event->as<Enrolment>();
        // The same card first (or a card merged before: the enrolment sent again), then the
        // same e-mail, then the same phone.
        auto existing = db.exec(
            QStringLiteral("SELECT id, card_number, email FROM customers WHERE card_number = ? "
                           "OR id IN (SELECT customer_id FROM customer_card_aliases WHERE "
                           "card_number = ?) "
                           "OR (email IS NOT NULL AND email = ?) OR (phone IS NOT NULL AND "
                           "phone = ?) ORDER BY CASE WHEN card_number = ? THEN 0 WHEN id IN "
                           "(SELECT customer_id FROM customer_card_aliases WHERE card_number = ?) "
                           "THEN 1 WHEN email = ? THEN 2 ELSE 3 END, id LIMIT 1"),
            { e.cardNumber, e.cardNumber, e.email, e.phone, e.cardNumber, e.cardNumber, e.email });
        if (!existing)
            return existing.error();
        Core::Result<qint64> seq = db.reserveSequence(1);
        if (!seq)
            return seq.error();
        if (existing.value().next()) {
            const qint64 id = existing.value().value(0).toLongLong();
            const QString keptCard = existing.value().value(1).toString();
            const bool sameCard = keptCard == e.cardNumber;
            const bool sameEmail
                = !e.email.isEmpty() && existing.value().value(2).toString() == e.email;
            existing.value().finish();
            // Fill what the existing customer lacks; keep what it has.
            auto updated = db.exec(
                QStringLiteral("UPDATE customers SET email = COALESCE(email, ?), "
                               "phone = COALESCE(phone, ?), last_seen_at = ?, "
                               "last_seen_location_id = ?, change_seq = ? WHERE id = ? "
                               "AND NOT EXISTS(SELECT 1 FROM customers o WHERE o.id <> ? AND "
                               "(o.email = ? OR o.phone = ?))"),
                { orNull(e.email), orNull(e.phone), context.now, context.device.locationId,
                    seq.value(), id, id, e.email, e.phone });
            if (!updated)
                return updated.error();
            event->result.serverId = id;
            event->result.merged = !sameCard;
            if (!sameCard) {
                // The offline card stays an alias of the customer kept (once per card).
                auto alias = db.exec(
                    QStringLiteral("INSERT INTO customer_card_aliases(card_number, customer_id, "
                                   "merged_at) VALUES (?, ?, ?) ON CONFLICT(card_number) DO "
                                   "NOTHING"),
                    { e.cardNumber, id, context.now });
                if (!alias)
                    return alias.error();
                event->result.cardNumber = keptCard;
                event->result.mergedOn
                    = sameEmail ? QStringLiteral("email") : QStringLiteral("phone");
            }
            continue;
        }
        auto next = db.exec(QStringLiteral("SELECT COALESCE(MAX(id), 0) + 1 FROM customers"));
        if (!next)
            return next.error();
        next.value().next();
        const qint64 id = next.value().value(0).toLongLong();
        const QString enrolledAt = e.enrolledAt.toUTC().toString(Qt::ISODateWithMs);
        if (Core::Status s = db.insertRows(QStringLiteral("customers"),
                { QStringLiteral("id"), QStringLiteral("card_number"), QStringLiteral("name"),
                    QStringLiteral("email"), QStringLiteral("phone"), QStringLiteral("tier"),
                    QStringLiteral("home_location_id"), QStringLiteral("consent_email"),
                    QStringLiteral("consent_sms"), QStringLiteral("consent_personalised"),
                    QStringLiteral("consent_changed_at"), QStringLiteral("enrolled_at"),
                    QStringLiteral("last_seen_at"), QStringLiteral("last_seen_location_id"),
                    QStringLiteral("change_seq") },
                { { id, e.cardNumber, e.name.trimmed(), orNull(e.email), orNull(e.phone),
                    QStringLiteral("basic"), context.device.locationId, int(e.consentEmail),
                    int(e.consentSms), int(e.consentPersonalised), enrolledAt, enrolledAt,
                    context.now, context.device.locationId, seq.value() } });
            !s)
            return s;
        if (Core::Status s = db.insertRows(QStringLiteral("consent_history"),
                { QStringLiteral("customer_id"), QStringLiteral("event_id"),
                    QStringLiteral("changed_at"), QStringLiteral("consent_email"),
                    QStringLiteral("consent_sms"), QStringLiteral("consent_personalised"),
                    QStringLiteral("staff_id"), QStringLiteral("location_id") },
                { { id, event->envelope->eventId, enrolledAt, int(e.consentEmail),
                    int(e.consentSms), int(e.consentPersonalised), event->envelope->staffId,
                    context.device.locationId } });
            !s)
            return s;
        event->result.serverId = id;
    }
    return Core::success();
}

} // namespace Toonbank::Sync::Server
