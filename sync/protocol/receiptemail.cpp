#include "receiptemail.h"

#include "jsonreader.h"

#include "app/core/customerrules.h"

#include <QJsonArray>

namespace Toonbank::Sync::Protocol {

bool isMailableAddress(const QString &normalised)
{
    if (normalised.isEmpty())
        return false;
    for (const QChar c : normalised) {
        if (c.unicode() <= 0x20 || c.unicode() >= 0x7f)
            return false;
        if (QStringView(u"<>()[],;:\"\\").contains(c))
            return false;
    }
    return true;
}

QJsonObject ReceiptEmail::toJson() const
{
    return {
        { QStringLiteral("saleId"), saleId },
        { QStringLiteral("receiptNumber"), receiptNumber },
        { QStringLiteral("storeCode"), storeCode },
        { QStringLiteral("address"), address },
        { QStringLiteral("language"), language },
        { QStringLiteral("requestedAt"), requestedAt.toUTC().toString(Qt::ISODateWithMs) },
        { QStringLiteral("resend"), resend },
        { QStringLiteral("pdf"), QString::fromLatin1(pdf.toBase64()) },
    };
}

Core::Result<ReceiptEmail> ReceiptEmail::fromJson(const QJsonObject &json)
{
    // The PDF is far longer than the reader's string limit: read on its own.
    QJsonObject rest = json;
    const QJsonValue pdfValue = rest.take(QStringLiteral("pdf"));
    JsonReader r(rest, QStringLiteral("receipt_email"));
    ReceiptEmail e;
    e.saleId = r.string(QStringLiteral("saleId"));
    e.receiptNumber = r.string(QStringLiteral("receiptNumber"));
    e.storeCode = r.string(QStringLiteral("storeCode"));
    const QString address = r.string(QStringLiteral("address"));
    e.language = r.string(QStringLiteral("language"));
    e.requestedAt = r.timestamp(QStringLiteral("requestedAt"));
    e.resend = r.boolean(QStringLiteral("resend"), false);
    r.rejectUnknownFields();
    if (r.ok() && !pdfValue.isString())
        r.fail(QStringLiteral("protocol.wrong_type"),
            QStringLiteral("receipt_email.pdf must be a string (base64)"));
    if (!r.ok())
        return r.error();
    const QString pdf = pdfValue.toString();
    const auto bad = [](const QString &code, const QString &detail) {
        return Core::Error::make(code, detail, detail);
    };
    if (e.saleId.isEmpty() || e.receiptNumber.isEmpty() || e.storeCode.isEmpty())
        return bad(QStringLiteral("protocol.bad_value"),
            QStringLiteral("receipt_email needs saleId, receiptNumber and storeCode"));
    if (e.language != QLatin1String("nl") && e.language != QLatin1String("en"))
        return bad(QStringLiteral("protocol.bad_value"),
            QStringLiteral("receipt_email language must be nl or en"));
    Core::Result<QString> normalised = Core::normaliseEmail(address);
    if (!normalised || normalised.value() != address || !isMailableAddress(address))
        return bad(QStringLiteral("receipt.email_invalid"),
            QStringLiteral("receipt_email address is not a normalised e-mail address"));
    e.address = normalised.value();
    if (pdf.size() > (maxReceiptPdfBytes / 3 + 1) * 4)
        return bad(QStringLiteral("receipt.pdf_too_large"),
            QStringLiteral("receipt_email PDF is larger than %1 bytes").arg(maxReceiptPdfBytes));
    auto decoded
        = QByteArray::fromBase64Encoding(pdf.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || !decoded.decoded.startsWith("%PDF"))
        return bad(QStringLiteral("receipt.pdf_invalid"),
            QStringLiteral("receipt_email pdf is not base64 of a PDF"));
    e.pdf = decoded.decoded;
    return e;
}

Core::Result<QList<FailedMail>> FailedMail::listFromJson(const QJsonObject &json)
{
    const QJsonValue messages = json.value(QStringLiteral("messages"));
    if (!messages.isArray())
        return Core::Error::make(QStringLiteral("protocol.wrong_type"),
            QStringLiteral("the answer has no messages array"),
            QStringLiteral("mail/failed: messages must be an array"));
    QList<FailedMail> list;
    for (const QJsonValue &value : messages.toArray()) {
        const QJsonObject o = value.toObject();
        FailedMail m;
        m.id = o.value(QStringLiteral("id")).toString();
        m.saleId = o.value(QStringLiteral("saleId")).toString();
        m.receiptNumber = o.value(QStringLiteral("receiptNumber")).toString();
        m.address = o.value(QStringLiteral("address")).toString();
        m.attempts = o.value(QStringLiteral("attempts")).toInt();
        m.lastError = o.value(QStringLiteral("lastError")).toString();
        m.createdAt = QDateTime::fromString(
            o.value(QStringLiteral("createdAt")).toString(), Qt::ISODateWithMs)
                          .toUTC();
        list.append(m);
    }
    return list;
}

} // namespace Toonbank::Sync::Protocol
