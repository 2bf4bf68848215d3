#pragma once

#include "returnservice.h"
#include "saleservice.h"

#include "app/core/clock.h"
#include "app/core/result.h"

#include <QByteArray>
#include <QLocale>
#include <QObject>
#include <QString>

#include <functional>

namespace Toonbank::Store {
class LocalDatabase;
} // namespace Toonbank::Store

namespace Toonbank::Services {

class Session;

/// Receipts beyond the printer: the PDF of a completed sale (the one receipt layout, drawn by
/// Devices::ReceiptPdf) and e-mailing it. email() queues a "receipt_email" event in the outbox
/// — address and PDF sealed at rest like other personal data, durable, waiting while offline —
/// and the server's mailer sends it (docs/PAYMENTS.md "E-mailed receipts"). The server sends
/// one message per (sale, address); `resend` asks for another one.
class ReceiptService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReceiptService)
public:
    ReceiptService(Store::LocalDatabase &database, SaleService &sales, Session &session,
        const Core::Clock &clock, QObject *parent = nullptr);
    ~ReceiptService() override;

    /// The receipt as a PDF. Errors: "receipt.pdf_failed".
    Core::Result<QByteArray> pdf(
        const CompletedSale &sale, const QLocale &locale = QLocale()) const;

    /// A return's receipt (ret-core's return form of the one layout): header from `location`.
    static Devices::ReceiptData receiptFor(const CompletedReturn &ret,
        const Store::Location &location, const QLocale &locale = QLocale());
    /// The return receipt as a PDF. Errors: "receipt.pdf_failed".
    Core::Result<QByteArray> pdf(
        const CompletedReturn &ret, const QLocale &locale = QLocale()) const;
    /// Prints a return receipt (a duplicate is marked as such). Errors: "permission.denied",
    /// "session.locked", "printer.none", "printer.*".
    Core::Status print(const CompletedReturn &ret, bool duplicate);

    /// The address as it will be used (trimmed, lower case), for the e-mail field's live check.
    /// Error: "receipt.email_invalid" with a plain message.
    static Core::Result<QString> checkAddress(const QString &address);

    /// Queues the receipt of `sale` for e-mail to `address`. `language` of the message ("nl"
    /// or "en"; empty: the tablet's language, Dutch unless it runs in English). Nothing is
    /// queued on any error. Errors: "receipt.email_invalid", "permission.denied",
    /// "session.locked", "receipt.pdf_failed", "receipt.no_sale", "cache.query_failed",
    /// "customer.keys_unreadable".
    Core::Status email(const CompletedSale &sale, const QString &address,
        const QString &language = {}, bool resend = false);
    /// The same for a return's receipt: the "receipt_email" event with saleId = the return id.
    Core::Status email(const CompletedReturn &ret, const QString &address,
        const QString &language = {}, bool resend = false);

signals:
    /// An e-mail was queued (the outbox grew): for the sync status.
    void emailQueued(const QString &receiptNumber);

private:
    using Renderer = std::function<Core::Result<QByteArray>(const QLocale &locale)>;
    Core::Status queueEmail(const QString &id, const QString &receiptNumber,
        const QString &storeCode, qint64 staffId, const QString &address, const QString &language,
        bool resend, const Renderer &render);
    Store::LocalDatabase &m_db;
    SaleService &m_sales;
    Session &m_session;
    const Core::Clock &m_clock;
};

} // namespace Toonbank::Services
