// E-mailed receipts on the real toonbank-server (SQLite and PostgreSQL) with a real SMTP server
// on loopback (tests/support/smtpsink.py): a receipt_email event becomes one message with the
// PDF attached even when pushed twice or asked for twice; a refusing SMTP server makes the
// mailer retry, then mark the message failed — listed by `toonbank-admin mail-queue --failed`
// and GET /v1/mail/failed, never deleted; without an SMTP server the message waits.
#include "serverfixture.h"
#include "smtpsinkfixture.h"

#include "sync/protocol/enrolment.h"
#include "sync/protocol/pushbatch.h"
#include "sync/protocol/receiptemail.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>
#include <QUuid>
#include <QtTest>

using namespace Toonbank;
using namespace Toonbank::Tests;

namespace {

constexpr qint64 staff = 7; // AMS01 (ServerFixture::seed)

struct Device
{
    QString id;
    QString token;
};

// A small PDF is all the server needs: it checks the bytes are one, it never draws them.
QByteArray fakePdf(const QString &receiptNumber)
{
    return "%PDF-1.4\n% receipt " + receiptNumber.toLatin1() + "\n" + QByteArray(2000, 'x')
        + "\n%%EOF\n";
}

Sync::Protocol::EventEnvelope receiptEvent(const Device &device, qint64 seq, const QString &saleId,
    const QString &receiptNumber, const QString &address,
    const QString &language = QStringLiteral("nl"), bool resend = false)
{
    Sync::Protocol::ReceiptEmail mail;
    mail.saleId = saleId;
    mail.receiptNumber = receiptNumber;
    mail.storeCode = QStringLiteral("AMS01");
    mail.address = address;
    mail.language = language;
    mail.requestedAt = QDateTime::currentDateTimeUtc();
    mail.resend = resend;
    mail.pdf = fakePdf(receiptNumber);
    Sync::Protocol::EventEnvelope event;
    event.eventId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    event.deviceId = device.id;
    event.deviceSeq = seq;
    event.type = QStringLiteral("receipt_email");
    event.staffId = staff;
    event.occurredAt = mail.requestedAt;
    event.payload = mail.toJson();
    return event;
}

QByteArray pushBody(const Device &device, const QList<Sync::Protocol::EventEnvelope> &events)
{
    Sync::Protocol::PushRequest push;
    push.deviceId = device.id;
    push.events = events;
    return QJsonDocument(push.toJson()).toJson(QJsonDocument::Compact);
}

} // namespace

class TestReceiptMail final : public QObject
{
    Q_OBJECT
private:
    static QStringList fastMail(const SmtpSink *sink, int attempts = 3)
    {
        QStringList args { QStringLiteral("--mail-retry-ms"), QStringLiteral("150"),
            QStringLiteral("--mail-poll-ms"), QStringLiteral("50"),
            QStringLiteral("--mail-max-attempts"), QString::number(attempts),
            QStringLiteral("--mail-from"), QStringLiteral("receipts@toonbank.test") };
        if (sink)
            args << QStringLiteral("--smtp-url") << sink->url();
        return args;
    }

    static Device enrol(ServerFixture &server)
    {
        const HttpAnswer enrolled = server.request("POST", QStringLiteral("/v1/enrol"),
            QJsonDocument(
                Sync::Protocol::EnrolRequest {
                    server.enrolmentCode(QStringLiteral("AMS01")), QStringLiteral("Till") }
                    .toJson())
                .toJson());
        auto device = Sync::Protocol::EnrolResponse::fromJson(enrolled.json);
        if (!device)
            return {};
        return { device->deviceId, device->token };
    }

    static bool waitFor(ServerFixture &server, const QString &sql, qint64 expected,
        const QVariantList &params = {}, int timeoutMs = 20000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (server.scalar(sql, params) != expected) {
            if (deadline.hasExpired())
                return false;
            QThread::msleep(50);
        }
        return true;
    }

private slots:
    void initTestCase()
    {
        if (ServerFixture::wantsPostgres() && qEnvironmentVariableIsEmpty("TOONBANK_TEST_PG_URL"))
            QSKIP("TOONBANK_TEST_PG_URL is not set (tests/run.sh sets it)");
    }

    void sentOnceWithThePdfEvenWhenPushedTwice()
    {
        SmtpSink sink;
        QVERIFY(sink.start());
        ServerFixture server;
        QVERIFY(server.seed(3));
        QVERIFY(server.start(fastMail(&sink)));
        const Device device = enrol(server);
        QVERIFY(!device.token.isEmpty());

        // The same receipt asked for twice (two events, same sale and address), the batch
        // pushed twice (a retry after a lost answer).
        const QString sale = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QByteArray body = pushBody(device,
            { receiptEvent(device, 1, sale, QStringLiteral("AMS01-T1-000007"),
                  QStringLiteral("noor@example.nl")),
                receiptEvent(device, 2, sale, QStringLiteral("AMS01-T1-000007"),
                    QStringLiteral("noor@example.nl")) });
        const HttpAnswer first
            = server.request("POST", QStringLiteral("/v1/events"), body, device.token);
        QCOMPARE(first.status, 200);
        const HttpAnswer again
            = server.request("POST", QStringLiteral("/v1/events"), body, device.token);
        QCOMPARE(again.status, 200);
        for (const QJsonValue &result : again.json.value(QStringLiteral("results")).toArray())
            QCOMPARE(result.toObject().value(QStringLiteral("outcome")).toString(),
                QStringLiteral("duplicate"));

        QVERIFY(sink.waitForMessages(1));
        QVERIFY(waitFor(
            server, QStringLiteral("SELECT COUNT(*) FROM mail_queue WHERE state = 'sent'"), 1));
        QThread::msleep(1000); // time for a second message, which must not come
        QCOMPARE(sink.messages().size(), 1);
        QCOMPARE(server.scalar(QStringLiteral("SELECT COUNT(*) FROM mail_queue")), 1);
        // The event log keeps neither the address nor the PDF (they are in mail_queue only).
        QCOMPARE(server.scalar(QStringLiteral("SELECT COUNT(*) FROM events WHERE type = "
                                              "'receipt_email' AND (payload LIKE '%noor@%' OR "
                                              "payload LIKE '%\"pdf\"%')")),
            0);

        const QJsonObject message = SmtpSink::parse(sink.messages().first());
        QVERIFY(!message.isEmpty());
        QCOMPARE(message.value(QStringLiteral("defects")).toInt(), 0);
        QVERIFY(message.value(QStringLiteral("to"))
                    .toString()
                    .contains(QStringLiteral("noor@example.nl")));
        QCOMPARE(message.value(QStringLiteral("envelopeTo")).toString(),
            QStringLiteral("noor@example.nl"));
        QVERIFY(message.value(QStringLiteral("from"))
                    .toString()
                    .contains(QStringLiteral("receipts@toonbank.test")));
        QVERIFY2(message.value(QStringLiteral("subject"))
                     .toString()
                     .contains(QStringLiteral("AMS01-T1-000007")),
            qPrintable(message.value(QStringLiteral("subject")).toString()));
        const QJsonArray parts = message.value(QStringLiteral("parts")).toArray();
        QCOMPARE(parts.size(), 2);
        const QJsonObject text = parts.at(0).toObject();
        QCOMPARE(
            text.value(QStringLiteral("contentType")).toString(), QStringLiteral("text/plain"));
        QVERIFY(text.value(QStringLiteral("text")).toString().contains(QStringLiteral("kassabon")));
        const QJsonObject pdf = parts.at(1).toObject();
        QCOMPARE(
            pdf.value(QStringLiteral("contentType")).toString(), QStringLiteral("application/pdf"));
        QCOMPARE(pdf.value(QStringLiteral("disposition")).toString(), QStringLiteral("attachment"));
        QCOMPARE(pdf.value(QStringLiteral("fileName")).toString(),
            QStringLiteral("kassabon-AMS01-T1-000007.pdf"));
        QVERIFY(pdf.value(QStringLiteral("isPdf")).toBool());
        QCOMPARE(pdf.value(QStringLiteral("size")).toInt(),
            int(fakePdf(QStringLiteral("AMS01-T1-000007")).size()));

        // Asked to send it again: a second message; another address: a third (in English).
        QCOMPARE(server
                     .request("POST", QStringLiteral("/v1/events"),
                         pushBody(device,
                             { receiptEvent(device, 3, sale, QStringLiteral("AMS01-T1-000007"),
                                   QStringLiteral("noor@example.nl"), QStringLiteral("nl"), true),
                                 receiptEvent(device, 4, sale, QStringLiteral("AMS01-T1-000007"),
                                     QStringLiteral("jan@example.be"), QStringLiteral("en")) }),
                         device.token)
                     .status,
            200);
        QVERIFY(sink.waitForMessages(3));
        bool english = false;
        for (const QString &path : sink.messages()) {
            const QJsonObject m = SmtpSink::parse(path);
            if (m.value(QStringLiteral("envelopeTo")).toString() == QLatin1String("jan@example.be"))
                english = m.value(QStringLiteral("subject"))
                              .toString()
                              .startsWith(QStringLiteral("Your receipt"));
        }
        QVERIFY(english);
        QThread::msleep(500);
        QCOMPARE(sink.messages().size(), 3);
    }

    // Two server instances on one database, each with its mailer: every message is taken by
    // one of them only (the conditional UPDATE), so each arrives once.
    void twoInstancesSendEachMessageOnce()
    {
        SmtpSink sink;
        QVERIFY(sink.start());
        ServerFixture server;
        QVERIFY(server.seed(3));
        QVERIFY(server.start(fastMail(&sink)));
        QVERIFY(server.startExtraInstance(fastMail(&sink)) != 0);
        const Device device = enrol(server);
        QList<Sync::Protocol::EventEnvelope> events;
        constexpr int count = 20;
        for (int i = 0; i < count; ++i)
            events.append(
                receiptEvent(device, i + 1, QUuid::createUuid().toString(QUuid::WithoutBraces),
                    QStringLiteral("AMS01-T1-%1").arg(200 + i, 6, 10, QLatin1Char('0')),
                    QStringLiteral("twice%1@example.nl").arg(i)));
        QCOMPARE(server
                     .request("POST", QStringLiteral("/v1/events"), pushBody(device, events),
                         device.token)
                     .status,
            200);
        QVERIFY(sink.waitForMessages(count));
        QVERIFY(waitFor(
            server, QStringLiteral("SELECT COUNT(*) FROM mail_queue WHERE state = 'sent'"), count));
        QThread::msleep(800);
        QCOMPARE(sink.messages().size(), count);
        QCOMPARE(server.scalar(QStringLiteral("SELECT SUM(attempts) FROM mail_queue")), count);
    }

    void refusedIsRetriedThenFailedAndListed()
    {
        SmtpSink sink;
        QVERIFY(sink.start());
        sink.refuse(QStringLiteral("550 5.7.1 Mailbox unavailable"));
        ServerFixture server;
        QVERIFY(server.seed(3));
        QVERIFY(server.start(fastMail(&sink, 3)));
        const Device device = enrol(server);
        QVERIFY(!device.token.isEmpty());
        const QString sale = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QCOMPARE(server
                     .request("POST", QStringLiteral("/v1/events"),
                         pushBody(device,
                             { receiptEvent(device, 1, sale, QStringLiteral("AMS01-T1-000099"),
                                 QStringLiteral("bounce@example.nl")) }),
                         device.token)
                     .status,
            200);
        QVERIFY(waitFor(
            server, QStringLiteral("SELECT COUNT(*) FROM mail_queue WHERE state = 'failed'"), 1));
        QCOMPARE(server.scalar(QStringLiteral("SELECT attempts FROM mail_queue")), 3);
        QCOMPARE(sink.messages().size(), 0);

        // Visible to the supervisor: the admin tool and the store's API.
        QString listed;
        QVERIFY(
            server.admin({ QStringLiteral("mail-queue"), QStringLiteral("--failed") }, &listed));
        QVERIFY2(listed.contains(QStringLiteral("AMS01-T1-000099")), qPrintable(listed));
        QVERIFY2(listed.contains(QStringLiteral("550")), qPrintable(listed));
        QVERIFY(listed.contains(QStringLiteral("failed")));
        const HttpAnswer failed = server.request(
            "GET", QStringLiteral("/v1/mail/failed?store=AMS01"), {}, device.token);
        QCOMPARE(failed.status, 200);
        const QJsonArray messages = failed.json.value(QStringLiteral("messages")).toArray();
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages.first().toObject().value(QStringLiteral("receiptNumber")).toString(),
            QStringLiteral("AMS01-T1-000099"));
        QVERIFY(messages.first()
                    .toObject()
                    .value(QStringLiteral("lastError"))
                    .toString()
                    .contains(QStringLiteral("550")));
        QCOMPARE(
            server.request("GET", QStringLiteral("/v1/mail/failed?store=UTR01"), {}, device.token)
                .status,
            403);

        // Never lost: still there (with its PDF), and no further attempts.
        QThread::msleep(600);
        QCOMPARE(server.scalar(QStringLiteral("SELECT attempts FROM mail_queue")), 3);
        QCOMPARE(
            server.scalar(QStringLiteral("SELECT COUNT(*) FROM mail_queue WHERE pdf <> ''")), 1);
    }

    void temporaryRefusalIsRetriedUntilAccepted()
    {
        SmtpSink sink;
        QVERIFY(sink.start());
        sink.refuse(QStringLiteral("451 4.3.0 Try again later"));
        ServerFixture server;
        QVERIFY(server.seed(3));
        QVERIFY(server.start(fastMail(&sink, 50)));
        const Device device = enrol(server);
        QCOMPARE(server
                     .request("POST", QStringLiteral("/v1/events"),
                         pushBody(device,
                             { receiptEvent(device, 1,
                                 QUuid::createUuid().toString(QUuid::WithoutBraces),
                                 QStringLiteral("AMS01-T1-000100"),
                                 QStringLiteral("later@example.nl")) }),
                         device.token)
                     .status,
            200);
        QDeadlineTimer deadline(20000);
        while (server.scalar(QStringLiteral("SELECT attempts FROM mail_queue")) < 2
            && !deadline.hasExpired())
            QThread::msleep(50);
        QVERIFY(server.scalar(QStringLiteral("SELECT attempts FROM mail_queue")) >= 2);
        QCOMPARE(sink.messages().size(), 0);
        sink.accept();
        QVERIFY(sink.waitForMessages(1));
        QVERIFY(waitFor(
            server, QStringLiteral("SELECT COUNT(*) FROM mail_queue WHERE state = 'sent'"), 1));
    }

    void withoutSmtpServerTheMessageWaits()
    {
        ServerFixture server;
        QVERIFY(server.seed(3));
        QVERIFY(server.start(fastMail(nullptr)));
        const Device device = enrol(server);
        QCOMPARE(server
                     .request("POST", QStringLiteral("/v1/events"),
                         pushBody(device,
                             { receiptEvent(device, 1,
                                 QUuid::createUuid().toString(QUuid::WithoutBraces),
                                 QStringLiteral("AMS01-T1-000101"),
                                 QStringLiteral("wait@example.nl")) }),
                         device.token)
                     .status,
            200);
        QThread::msleep(800);
        QCOMPARE(server.scalar(QStringLiteral("SELECT COUNT(*) FROM mail_queue WHERE state = "
                                              "'queued' AND attempts = 0")),
            1);
        // An SMTP server configured at the next start: the message goes out.
        SmtpSink sink;
        QVERIFY(sink.start());
        server.kill();
        QVERIFY(server.restartOnSamePort(fastMail(&sink)));
        QVERIFY(sink.waitForMessages(1));
    }

    void badReceiptEventIsRejectedAndNothingQueued_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("code");
        QTest::newRow("malformed address")
            << QStringLiteral("address") << QJsonValue(QStringLiteral("not-an-address"))
            << QStringLiteral("receipt.email_invalid");
        QTest::newRow("header injection")
            << QStringLiteral("address") << QJsonValue(QStringLiteral("a@b.nl\r\nBcc: c@d.nl"))
            << QStringLiteral("receipt.email_invalid");
        QTest::newRow("not a pdf")
            << QStringLiteral("pdf")
            << QJsonValue(QString::fromLatin1(QByteArray("hello").toBase64()))
            << QStringLiteral("receipt.pdf_invalid");
        QTest::newRow("language") << QStringLiteral("language") << QJsonValue(QStringLiteral("fr"))
                                  << QStringLiteral("protocol.bad_value");
        QTest::newRow("other store")
            << QStringLiteral("storeCode") << QJsonValue(QStringLiteral("UTR01"))
            << QStringLiteral("scope.location");
    }

    void badReceiptEventIsRejectedAndNothingQueued()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(QString, code);
        ServerFixture server;
        QVERIFY(server.seed(3));
        QVERIFY(server.start(fastMail(nullptr)));
        const Device device = enrol(server);
        Sync::Protocol::EventEnvelope event
            = receiptEvent(device, 1, QUuid::createUuid().toString(QUuid::WithoutBraces),
                QStringLiteral("AMS01-T1-000102"), QStringLiteral("ok@example.nl"));
        event.payload.insert(field, value);
        const HttpAnswer answer = server.request(
            "POST", QStringLiteral("/v1/events"), pushBody(device, { event }), device.token);
        QCOMPARE(answer.status, 422);
        const QJsonObject result
            = answer.json.value(QStringLiteral("results")).toArray().first().toObject();
        QCOMPARE(result.value(QStringLiteral("outcome")).toString(), QStringLiteral("rejected"));
        QCOMPARE(result.value(QStringLiteral("code")).toString(), code);
        QCOMPARE(server.scalar(QStringLiteral("SELECT COUNT(*) FROM mail_queue")), 0);
    }
};

QTEST_GUILESS_MAIN(TestReceiptMail)
#include "tst_receiptmail.moc"
