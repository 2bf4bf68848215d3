#pragma once

#include "serverdatabase.h"

#include "app/core/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QThread>

#include <atomic>

namespace Toonbank::Sync::Server {

/// One row of mail_queue as the admin tool and GET /v1/mail/failed list it.
struct QueuedMail
{
    QString id; // the receipt_email event id
    QString storeCode;
    QString saleId;
    QString receiptNumber;
    QString address;
    QString language;
    QString state; // queued, sent, failed
    int attempts = 0;
    QString lastError; // the SMTP server's answer or the connection error
    QString createdAt;
    QString nextAttemptAt;
    QString sentAt;
};

/// The mail queue, oldest first. `failedOnly`: state failed. `storeCode` empty: every store.
Core::Result<QList<QueuedMail>> listMail(
    ServerDatabase &database, bool failedOnly, const QString &storeCode = {}, int limit = 1000);

/// A message to send: what the mailer reads from mail_queue.
struct ReceiptMail
{
    QString id;
    QString storeName;
    QString receiptNumber;
    QString address;
    QString language; // "nl" or "en"
    QByteArray pdf;
};

/// The MIME message (RFC 5322 / 2045): From, To, Subject (RFC 2047 encoded-word), Date,
/// Message-ID, a multipart/mixed body with a short UTF-8 text (Dutch or English by the
/// message's language) and the PDF attached as application/pdf in base64. CRLF line ends.
QByteArray buildReceiptMessage(const ReceiptMail &mail, const QString &from, const QDateTime &now);

struct MailerOptions
{
    QString smtpUrl; // smtp://host:port or smtps://…; empty: nothing is sent (stays queued)
    QString from; // envelope and header sender
    qint64 retryMs = 60000; // wait after the first failure; doubles with each further one
    qint64 maxRetryMs = 3600000; // longest wait between attempts
    int maxAttempts = 5; // then the message is marked failed (and kept)
    int pollMs = 1000; // how often the queue is looked at
    qint64 leaseMs = 300000; // a message being sent is not taken by another instance meanwhile
};

/// The server's mailer: a thread with its own database connection that sends the due
/// messages of mail_queue through the SMTP server with libcurl, retrying with back-off, and
/// marks a message failed (with the SMTP error) after its last attempt. Several server
/// instances may run one each: a message is taken with a conditional UPDATE (a lease), so
/// only one of them sends it.
class Mailer final : public QThread
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Mailer)
public:
    Mailer(QString databaseSpec, QString dataDir, MailerOptions options, QObject *parent = nullptr);
    ~Mailer() override;

    /// One SMTP delivery with libcurl; empty on success, else the error (SMTP code and text).
    static QString send(const MailerOptions &options, const QString &to, const QByteArray &message);
    /// Call once in main() before any thread starts (curl_global_init).
    static void globalInit();

    void stop();

protected:
    void run() override;

private:
    /// Sends what is due; returns how many were attempted.
    int sendDue(ServerDatabase &database);

    QString m_spec;
    QString m_dataDir;
    MailerOptions m_options;
    std::atomic_bool m_stop { false };
    bool m_warnedNoSmtp = false;
};

} // namespace Toonbank::Sync::Server
