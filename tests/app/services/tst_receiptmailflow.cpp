// An e-mailed receipt from the tablet to the customer's mailbox: the cache enrolled and pulled
// by toonbank-synctool, a sale paid with SaleService, the receipt e-mailed with ReceiptService
// while the server is down (queued in the outbox), pushed when the server is back — and the
// SMTP sink receives it once with the tablet's PDF attached.
#include "app/services/receiptservice.h"
#include "app/services/saleservice.h"
#include "app/services/session.h"
#include "app/services/terminal.h"
#include "serverfixture.h"
#include "smtpsinkfixture.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

using namespace Toonbank;
using namespace Toonbank::Tests;

namespace {

constexpr qint64 cashier = 7; // Ann, AMS01, PIN 1234 (ServerFixture::seed)

qint64 outboxCount(const QString &cache, const QString &type)
{
    const QString connection = QStringLiteral("receiptmailflow-check");
    qint64 count = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(cache);
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("SELECT count(*) FROM outbox WHERE type = ?"));
            q.addBindValue(type);
            if (q.exec() && q.next())
                count = q.value(0).toLongLong();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return count;
}

} // namespace

class TestReceiptMailFlow final : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QFile key(m_dir.filePath(QStringLiteral("machine-id")));
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write("00112233445566778899aabbccddeeff\n");
        key.close();
        qputenv("TOONBANK_DEVICE_KEY_FILE", QFile::encodeName(key.fileName()));
    }

    void queuedOfflineAndSentOnceWithThePdf()
    {
        SmtpSink sink;
        QVERIFY(sink.start());
        const QStringList mailArgs { QStringLiteral("--smtp-url"), sink.url(),
            QStringLiteral("--mail-poll-ms"), QStringLiteral("50"),
            QStringLiteral("--mail-retry-ms"), QStringLiteral("200") };
        ServerFixture server;
        QVERIFY(server.seed(5));
        QVERIFY(server.start(mailArgs));
        const QString cache = m_dir.filePath(QStringLiteral("till.sqlite"));
        int code = 0;
        const QString enrolled = runSyncTool(cache,
            { QStringLiteral("enrol"), server.url(QString()).toString(),
                server.enrolmentCode(QStringLiteral("AMS01")),
                QString::fromLatin1(
                    server.caCertificates().first().digest(QCryptographicHash::Sha256).toHex()) },
            &code);
        QVERIFY2(code == 0, qPrintable(enrolled));
        const QString pulled = runSyncTool(cache, { QStringLiteral("sync-once") }, &code);
        QVERIFY2(code == 0, qPrintable(pulled));

        // The server goes away; the till sells and e-mails the receipt anyway.
        server.kill();
        QString receiptNumber;
        {
            auto opened = Services::Terminal::open(cache);
            QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message));
            Services::Terminal &terminal = *opened.value();
            QVERIFY(terminal.session().logIn(cashier, QStringLiteral("1234")));
            QVERIFY(terminal.sale().addProduct(3));
            auto paid = terminal.sale().payCash(Core::Money::fromCents(1000));
            QVERIFY2(paid, paid ? "" : qPrintable(paid.error().message));
            receiptNumber = paid->receiptNumber;
            const Core::Status mailed
                = terminal.receipts().email(paid.value(), QStringLiteral("Noor@Example.nl"));
            QVERIFY2(mailed, mailed ? "" : qPrintable(mailed.error().detail));
        }
        QCOMPARE(outboxCount(cache, QStringLiteral("receipt_email")), 1);
        (void)runSyncTool(cache, { QStringLiteral("sync-once") }, &code); // unreachable: stays
        QCOMPARE(outboxCount(cache, QStringLiteral("receipt_email")), 1);
        QCOMPARE(sink.messages().size(), 0);

        // Back: pushed, sent once — also when the till pushes again.
        QVERIFY(server.restartOnSamePort(mailArgs));
        const QString pushed = runSyncTool(cache, { QStringLiteral("sync-once") }, &code);
        QVERIFY2(code == 0, qPrintable(pushed));
        QCOMPARE(outboxCount(cache, QStringLiteral("receipt_email")), 0);
        QVERIFY(sink.waitForMessages(1));
        QVERIFY(runSyncTool(cache, { QStringLiteral("sync-once") }, &code).size() >= 0);
        QThread::msleep(800);
        QCOMPARE(sink.messages().size(), 1);

        const QJsonObject message = SmtpSink::parse(sink.messages().first());
        QCOMPARE(message.value(QStringLiteral("envelopeTo")).toString(),
            QStringLiteral("noor@example.nl"));
        QVERIFY(message.value(QStringLiteral("subject")).toString().contains(receiptNumber));
        const QJsonArray parts = message.value(QStringLiteral("parts")).toArray();
        QCOMPARE(parts.size(), 2);
        const QJsonObject pdf = parts.at(1).toObject();
        QCOMPARE(
            pdf.value(QStringLiteral("contentType")).toString(), QStringLiteral("application/pdf"));
        QVERIFY(pdf.value(QStringLiteral("isPdf")).toBool());
        QVERIFY(pdf.value(QStringLiteral("size")).toInt() > 1000);
        QCOMPARE(server.scalar(QStringLiteral("SELECT COUNT(*) FROM mail_queue WHERE state = "
                                              "'sent' AND receipt_number = ?"),
                     { receiptNumber }),
            1);
    }
};

QTEST_MAIN(TestReceiptMailFlow)
#include "tst_receiptmailflow.moc"
