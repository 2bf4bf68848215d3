#include "mailer.h"

#include <QLocale>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QUuid>

#include <curl/curl.h>

#include <algorithm>
#include <cstring>

namespace Toonbank::Sync::Server {

namespace {

QString isoTime(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}

// Base64 in lines of 76 characters (RFC 2045), CRLF ended.
QByteArray base64Lines(const QByteArray &data)
{
    const QByteArray encoded = data.toBase64();
    QByteArray out;
    out.reserve(encoded.size() + encoded.size() / 76 * 2 + 2);
    for (qsizetype at = 0; at < encoded.size(); at += 76)
        out += encoded.mid(at, 76) + "\r\n";
    return out;
}

// An RFC 2047 encoded-word for a header holding non-ASCII text.
QByteArray encodedWord(const QString &text)
{
    return "=?UTF-8?B?" + text.toUtf8().toBase64() + "?=";
}

struct Upload
{
    const QByteArray *data = nullptr;
    qsizetype position = 0;
};

size_t readMessage(char *buffer, size_t size, size_t count, void *user)
{
    auto *upload = static_cast<Upload *>(user);
    const size_t room = size * count;
    const size_t left = size_t(upload->data->size() - upload->position);
    const size_t chunk = std::min(room, left);
    if (chunk > 0) {
        std::memcpy(buffer, upload->data->constData() + upload->position, chunk);
        upload->position += qsizetype(chunk);
    }
    return chunk;
}

} // namespace

Core::Result<QList<QueuedMail>> listMail(
    ServerDatabase &database, bool failedOnly, const QString &storeCode, int limit)
{
    QString sql = QStringLiteral(
        "SELECT id, store_code, sale_id, receipt_number, address, language, state, attempts, "
        "last_error, created_at, next_attempt_at, sent_at FROM mail_queue WHERE 1 = 1");
    QVariantList params;
    if (failedOnly)
        sql += QStringLiteral(" AND state = 'failed'");
    if (!storeCode.isEmpty()) {
        sql += QStringLiteral(" AND store_code = ?");
        params.append(storeCode);
    }
    sql += QStringLiteral(" ORDER BY created_at, id LIMIT %1").arg(qBound(1, limit, 10000));
    auto q = database.exec(sql, params);
    if (!q)
        return q.error();
    QList<QueuedMail> mails;
    while (q.value().next()) {
        const QSqlQuery &r = q.value();
        QueuedMail m;
        m.id = r.value(0).toString();
        m.storeCode = r.value(1).toString();
        m.saleId = r.value(2).toString();
        m.receiptNumber = r.value(3).toString();
        m.address = r.value(4).toString();
        m.language = r.value(5).toString();
        m.state = r.value(6).toString();
        m.attempts = r.value(7).toInt();
        m.lastError = r.value(8).toString();
        m.createdAt = r.value(9).toString();
        m.nextAttemptAt = r.value(10).toString();
        m.sentAt = r.value(11).toString();
        mails.append(m);
    }
    return mails;
}

QByteArray buildReceiptMessage(const ReceiptMail &mail, const QString &from, const QDateTime &now)
{
    const bool dutch = mail.language == QLatin1String("nl");
    const QString store = mail.storeName.isEmpty() ? QStringLiteral("Toonbank") : mail.storeName;
    const QString subject = dutch
        ? QStringLiteral("Uw kassabon %1 van %2").arg(mail.receiptNumber, store)
        : QStringLiteral("Your receipt %1 from %2").arg(mail.receiptNumber, store);
    const QString body = dutch
        ? QStringLiteral("Beste klant,\r\n\r\nBedankt voor uw aankoop bij %1. In de bijlage vindt "
                         "u uw kassabon %2 als PDF.\r\n\r\nMet vriendelijke groet,\r\n%1\r\n")
              .arg(store, mail.receiptNumber)
        : QStringLiteral("Dear customer,\r\n\r\nThank you for shopping at %1. Your receipt %2 is "
                         "attached as a PDF.\r\n\r\nKind regards,\r\n%1\r\n")
              .arg(store, mail.receiptNumber);
    QString safeNumber = mail.receiptNumber;
    safeNumber.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]")), QStringLiteral("_"));
    const QByteArray fileName
        = (dutch ? QStringLiteral("kassabon-%1.pdf") : QStringLiteral("receipt-%1.pdf"))
              .arg(safeNumber)
              .toLatin1();
    const QByteArray boundary
        = "=_toonbank_" + QUuid::createUuid().toString(QUuid::Id128).toLatin1();
    const QByteArray domain = from.contains(QLatin1Char('@'))
        ? from.mid(from.indexOf(QLatin1Char('@')) + 1).toLatin1()
        : QByteArray("toonbank.invalid");
    const QByteArray date
        = QLocale::c().toString(now.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss")).toLatin1()
        + " +0000";

    QByteArray m;
    m += "From: " + encodedWord(store) + " <" + from.toLatin1() + ">\r\n";
    m += "To: <" + mail.address.toLatin1() + ">\r\n";
    m += "Subject: " + encodedWord(subject) + "\r\n";
    m += "Date: " + date + "\r\n";
    m += "Message-ID: <" + mail.id.toLatin1() + "@" + domain + ">\r\n";
    m += "MIME-Version: 1.0\r\n";
    m += "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n";
    m += "\r\n";
    m += "This is a multi-part message in MIME format.\r\n";
    m += "--" + boundary + "\r\n";
    m += "Content-Type: text/plain; charset=UTF-8\r\n";
    m += "Content-Transfer-Encoding: base64\r\n";
    m += "\r\n";
    m += base64Lines(body.toUtf8());
    m += "--" + boundary + "\r\n";
    m += "Content-Type: application/pdf; name=\"" + fileName + "\"\r\n";
    m += "Content-Transfer-Encoding: base64\r\n";
    m += "Content-Disposition: attachment; filename=\"" + fileName + "\"\r\n";
    m += "\r\n";
    m += base64Lines(mail.pdf);
    m += "--" + boundary + "--\r\n";
    return m;
}

void Mailer::globalInit()
{
    curl_global_init(CURL_GLOBAL_DEFAULT);
}

QString Mailer::send(const MailerOptions &options, const QString &to, const QByteArray &message)
{
    CURL *curl = curl_easy_init();
    if (!curl)
        return QStringLiteral("curl_easy_init failed");
    char errors[CURL_ERROR_SIZE] = {};
    const QByteArray url = options.smtpUrl.toUtf8();
    const QByteArray from = "<" + options.from.toLatin1() + ">";
    const QByteArray rcpt = "<" + to.toLatin1() + ">";
    curl_slist *recipients = curl_slist_append(nullptr, rcpt.constData());
    Upload upload { &message, 0 };
    curl_easy_setopt(curl, CURLOPT_URL, url.constData());
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.constData());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, &readMessage);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errors);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, 10000L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, 60000L);
    // Encrypt when the server offers STARTTLS; smtps:// URLs are TLS from the start.
    curl_easy_setopt(curl, CURLOPT_USE_SSL, long(CURLUSESSL_TRY));
    const CURLcode result = curl_easy_perform(curl);
    long response = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response);
    curl_slist_free_all(recipients);
    curl_easy_cleanup(curl);
    if (result == CURLE_OK)
        return {};
    const QString text
        = errors[0] ? QString::fromUtf8(errors) : QString::fromUtf8(curl_easy_strerror(result));
    return response > 0 ? QStringLiteral("SMTP %1: %2").arg(response).arg(text) : text;
}

Mailer::Mailer(QString databaseSpec, QString dataDir, MailerOptions options, QObject *parent)
    : QThread(parent)
    , m_spec(std::move(databaseSpec))
    , m_dataDir(std::move(dataDir))
    , m_options(std::move(options))
{ }

Mailer::~Mailer()
{
    stop();
}

void Mailer::stop()
{
    m_stop = true;
    if (isRunning())
        wait();
}

void Mailer::run()
{
    auto database = ServerDatabase::open(m_spec, m_dataDir);
    if (!database) {
        qWarning("mailer: cannot open the database (%s); no e-mail is sent",
            qPrintable(database.error().detail));
        return;
    }
    while (!m_stop) {
        sendDue(*database.value());
        for (int slept = 0; slept < m_options.pollMs && !m_stop; slept += 50)
            QThread::msleep(50);
    }
}

int Mailer::sendDue(ServerDatabase &database)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto due = database.exec(
        QStringLiteral("SELECT q.id, q.receipt_number, q.address, q.language, q.pdf, "
                       "q.next_attempt_at, q.attempts, COALESCE(l.name, '') FROM mail_queue q "
                       "LEFT JOIN locations l ON l.id = q.location_id WHERE q.state = 'queued' "
                       "AND q.next_attempt_at <= ? ORDER BY q.next_attempt_at LIMIT 20"),
        { isoTime(now) });
    if (!due) {
        qWarning("mailer: %s", qPrintable(due.error().detail));
        return 0;
    }
    struct Due
    {
        ReceiptMail mail;
        QString nextAttemptAt;
        int attempts = 0;
    };
    QList<Due> messages;
    while (due.value().next()) {
        const QSqlQuery &r = due.value();
        Due d;
        d.mail.id = r.value(0).toString();
        d.mail.receiptNumber = r.value(1).toString();
        d.mail.address = r.value(2).toString();
        d.mail.language = r.value(3).toString();
        d.mail.pdf = QByteArray::fromBase64(r.value(4).toString().toLatin1());
        d.nextAttemptAt = r.value(5).toString();
        d.attempts = r.value(6).toInt();
        d.mail.storeName = r.value(7).toString();
        messages.append(d);
    }
    due = Core::Error(); // release the statement before writing
    if (messages.isEmpty())
        return 0;
    if (m_options.smtpUrl.isEmpty()) {
        if (!m_warnedNoSmtp)
            qWarning("mailer: no SMTP server configured (--smtp-url): e-mailed receipts stay "
                     "queued");
        m_warnedNoSmtp = true;
        return 0;
    }
    int attempted = 0;
    for (const Due &d : messages) {
        if (m_stop)
            break;
        // Take the message: only the instance whose UPDATE changes the row sends it.
        const QDateTime start = QDateTime::currentDateTimeUtc();
        auto taken = database.exec(
            QStringLiteral("UPDATE mail_queue SET next_attempt_at = ? WHERE id = ? AND state = "
                           "'queued' AND next_attempt_at = ?"),
            { isoTime(start.addMSecs(m_options.leaseMs)), d.mail.id, d.nextAttemptAt });
        if (!taken || taken.value().numRowsAffected() != 1)
            continue;
        ++attempted;
        const QString error = send(m_options, d.mail.address,
            buildReceiptMessage(d.mail, m_options.from, QDateTime::currentDateTimeUtc()));
        const int attempts = d.attempts + 1;
        const QDateTime done = QDateTime::currentDateTimeUtc();
        Core::Result<QSqlQuery> written = Core::Error();
        if (error.isEmpty()) {
            written = database.exec(
                QStringLiteral("UPDATE mail_queue SET state = 'sent', attempts = ?, sent_at = ?, "
                               "last_error = '' WHERE id = ?"),
                { attempts, isoTime(done), d.mail.id });
            qInfo("mailer: receipt %s sent (message %s, attempt %d)",
                qPrintable(d.mail.receiptNumber), qPrintable(d.mail.id), attempts);
        } else if (attempts >= m_options.maxAttempts) {
            written = database.exec(
                QStringLiteral("UPDATE mail_queue SET state = 'failed', attempts = ?, last_error "
                               "= ? WHERE id = ?"),
                { attempts, error.left(1000), d.mail.id });
            qWarning("mailer: receipt %s failed after %d attempts: %s",
                qPrintable(d.mail.receiptNumber), attempts, qPrintable(error));
        } else {
            // Back-off: retryMs, then doubling, at most maxRetryMs.
            qint64 wait = m_options.retryMs;
            for (int i = 1; i < attempts && wait < m_options.maxRetryMs; ++i)
                wait *= 2;
            wait = std::min(wait, m_options.maxRetryMs);
            written = database.exec(
                QStringLiteral("UPDATE mail_queue SET attempts = ?, last_error = ?, "
                               "next_attempt_at = ? WHERE id = ?"),
                { attempts, error.left(1000), isoTime(done.addMSecs(wait)), d.mail.id });
            qWarning("mailer: receipt %s not sent (attempt %d, again in %lld ms): %s",
                qPrintable(d.mail.receiptNumber), attempts, qlonglong(wait), qPrintable(error));
        }
        if (!written)
            qWarning("mailer: %s", qPrintable(written.error().detail));
    }
    return attempted;
}

} // namespace Toonbank::Sync::Server
