#pragma once

#include "app/core/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Toonbank::Sync::Protocol {

/// Largest receipt PDF a "receipt_email" event may carry (decoded bytes).
constexpr qsizetype maxReceiptPdfBytes = 512 * 1024;

/// Whether a normalised address (Core::normaliseEmail) can go into an SMTP envelope and a
/// message header as it is: printable ASCII without the characters that would need quoting
/// or could break a header (<>()[],;:"\\ and controls).
bool isMailableAddress(const QString &normalised);

/// The "receipt_email" event: the customer asked for the receipt by e-mail. The tablet
/// renders the PDF (the one receipt layout); the server queues one message per (sale, address)
/// and its mailer sends it. Personal data: the outbox seals it at rest.
///
/// `{"saleId", "receiptNumber", "storeCode", "address", "language": "nl"|"en",
///   "requestedAt", "resend": false, "pdf": "<base64>"}`
struct ReceiptEmail
{
    QString saleId;
    QString receiptNumber;
    QString storeCode;
    QString address; // normalised (Core::normaliseEmail)
    QString language = QStringLiteral("nl"); // of the message text: "nl" or "en"
    QDateTime requestedAt; // UTC
    bool resend = false; // true: send again even if this sale went to this address before
    QByteArray pdf; // the PDF bytes

    QJsonObject toJson() const;
    /// Strict: unknown fields, a malformed address, a language other than nl/en, a PDF that is
    /// not a PDF or larger than maxReceiptPdfBytes are errors ("protocol.*", "receipt.*").
    static Core::Result<ReceiptEmail> fromJson(const QJsonObject &json);
};

/// One e-mailed receipt the SMTP server kept refusing: GET /v1/mail/failed?store=CODE answers
/// `{"messages": [FailedMail…]}`.
struct FailedMail
{
    QString id;
    QString saleId;
    QString receiptNumber;
    QString address;
    int attempts = 0;
    QString lastError;
    QDateTime createdAt; // UTC

    /// Reads the whole answer tolerantly (unknown fields ignored). Error: "protocol.*".
    static Core::Result<QList<FailedMail>> listFromJson(const QJsonObject &json);
};

} // namespace Toonbank::Sync::Protocol
