#include "receiptemailhandler.h"

#include "sync/protocol/receiptemail.h"
#include "sync/server/serverdatabase.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace Toonbank::Sync::Server {

Core::Result<std::any> ReceiptEmailHandler::parse(
    const DeviceIdentity &device, const Protocol::EventEnvelope &envelope) const
{
    Core::Result<Protocol::ReceiptEmail> parsed
        = Protocol::ReceiptEmail::fromJson(envelope.payload);
    if (!parsed)
        return parsed.error();
    if (parsed->storeCode != device.locationCode)
        return Core::Error::make(QStringLiteral("scope.location"), QString(),
            QStringLiteral("receipt of store %1 pushed by a device of store %2")
                .arg(parsed->storeCode.left(20), device.locationCode));
    return std::any(std::move(parsed).value());
}

Core::Status ReceiptEmailHandler::check(BatchContext &, const QList<BatchEvent *> &)
{
    // Nothing to check against the database: a receipt goes out even when its sale arrives
    // later or was refused (it is what the customer got at the till).
    return Core::success();
}

Core::Status ReceiptEmailHandler::apply(BatchContext &context, const QList<BatchEvent *> &events)
{
    for (BatchEvent *event : events) {
        const auto &mail = event->as<Protocol::ReceiptEmail>();
        const QString eventId = event->envelope->eventId;
        // One message per (sale, address); a resend is one per event.
        const QString dedupe = mail.resend
            ? QStringLiteral("%1|%2|%3").arg(mail.saleId, mail.address, eventId)
            : QStringLiteral("%1|%2").arg(mail.saleId, mail.address);
        auto done = context.db.exec(
            QStringLiteral("INSERT INTO mail_queue(id, dedupe_key, kind, location_id, store_code, "
                           "device_id, sale_id, receipt_number, address, language, pdf, state, "
                           "attempts, next_attempt_at, created_at) VALUES (?, ?, 'receipt', ?, "
                           "?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?) ON CONFLICT(dedupe_key) DO "
                           "NOTHING"),
            { eventId, dedupe, context.device.locationId, mail.storeCode, context.device.deviceId,
                mail.saleId, mail.receiptNumber, mail.address, mail.language,
                QString::fromLatin1(mail.pdf.toBase64()), context.now, context.now });
        if (!done)
            return done.error();
        // The address and the PDF live in mail_queue only: the event log keeps the rest, so
        // personal data and the document are not stored twice.
        QJsonObject kept = event->envelope->payload;
        kept.remove(QStringLiteral("address"));
        kept.remove(QStringLiteral("pdf"));
        kept.insert(QStringLiteral("pdfBytes"), qint64(mail.pdf.size()));
        auto redacted
            = context.db.exec(QStringLiteral("UPDATE events SET payload = ? WHERE event_id = ?"),
                { QString::fromUtf8(QJsonDocument(kept).toJson(QJsonDocument::Compact)), eventId });
        if (!redacted)
            return redacted.error();
    }
    return Core::success();
}

} // namespace Toonbank::Sync::Server
