// E-mailed receipts on the tablet: a malformed address is refused with nothing queued; a good
// one queues one receipt_email event whose address and PDF are sealed at rest and which the
// server's strict parser accepts; the printed receipt shows the tenders of the sale.
#include "app/devices/receipt.h"
#include "app/devices/receiptprinter.h"
#include "app/services/receiptservice.h"
#include "app/services/saleservice.h"
#include "app/services/session.h"
#include "app/services/terminal.h"
#include "app/store/outbox.h"
#include "sync/protocol/receiptemail.h"
#include "tests/support/testcache.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace Toonbank;
using namespace Toonbank::Tests;

class TestReceiptService final : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_path;
    Core::FixedClock m_clock { QDateTime(QDate(2026, 3, 2), QTime(9, 30), Qt::UTC) };
    std::unique_ptr<Services::Terminal> m_terminal;

    qint64 scalar(const QString &sql)
    {
        const QString name = QStringLiteral("receiptservice-check");
        qint64 value = -1;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(m_path);
            if (db.open()) {
                QSqlQuery q(db);
                if (q.exec(sql) && q.next())
                    value = q.value(0).toLongLong();
            }
        }
        QSqlDatabase::removeDatabase(name);
        return value;
    }

    QStringList storedPayloads()
    {
        const QString name = QStringLiteral("receiptservice-payloads");
        QStringList payloads;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(m_path);
            if (db.open()) {
                QSqlQuery q(db);
                if (q.exec(QStringLiteral("SELECT payload FROM outbox WHERE type = "
                                          "'receipt_email'"))) {
                    while (q.next())
                        payloads.append(q.value(0).toString());
                }
            }
        }
        QSqlDatabase::removeDatabase(name);
        return payloads;
    }

    Services::CompletedSale sell()
    {
        Services::SaleService &sale = m_terminal->sale();
        if (!sale.scan(TestCache::jeansBarcode))
            return {};
        auto paid = sale.payCash(Core::Money::fromCents(10000));
        return paid ? paid.value() : Services::CompletedSale {};
    }

private slots:
    void initTestCase()
    {
        QFile key(m_dir.filePath(QStringLiteral("machine-id")));
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write("0123456789abcdef0123456789abcdef\n");
        key.close();
        qputenv("TOONBANK_DEVICE_KEY_FILE", QFile::encodeName(key.fileName()));
    }

    void init()
    {
        m_path = m_dir.filePath(QStringLiteral("cache-%1.sqlite")
                                    .arg(QString::fromLatin1(QTest::currentTestFunction())));
        const QString failure = TestCache::create(m_path);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        auto terminal = Services::Terminal::open(m_path, false, &m_clock);
        QVERIFY2(terminal.ok(), terminal.ok() ? "" : qPrintable(terminal.error().message));
        m_terminal = std::move(terminal.value());
        QVERIFY(m_terminal->session().logIn(TestCache::cashierId, QStringLiteral("1111")));
    }
    void cleanup() { m_terminal.reset(); }

    void malformedAddressIsRefusedAndNothingQueued_data()
    {
        QTest::addColumn<QString>("address");
        QTest::newRow("empty") << QString();
        QTest::newRow("no at") << QStringLiteral("noor.example.nl");
        QTest::newRow("two ats") << QStringLiteral("noor@@example.nl");
        QTest::newRow("no domain dot") << QStringLiteral("noor@example");
        QTest::newRow("space inside") << QStringLiteral("noor bakker@example.nl");
        QTest::newRow("header injection") << QStringLiteral("noor@example.nl\r\nBcc: x@y.nl");
        QTest::newRow("angle bracket") << QStringLiteral("noor>@example.nl");
        QTest::newRow("comma list") << QStringLiteral("a@example.nl,b@example.nl");
    }

    void malformedAddressIsRefusedAndNothingQueued()
    {
        QFETCH(QString, address);
        const Services::CompletedSale sale = sell();
        QVERIFY(!sale.saleId.isEmpty());
        const qint64 before = scalar(QStringLiteral("SELECT count(*) FROM outbox"));
        const Core::Status sent = m_terminal->receipts().email(sale, address);
        QVERIFY(!sent);
        QCOMPARE(sent.error().code, QStringLiteral("receipt.email_invalid"));
        QVERIFY(!sent.error().message.isEmpty());
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox")), before);
    }

    void emailIsQueuedSealedWithThePdf()
    {
        const Services::CompletedSale sale = sell();
        QVERIFY(!sale.saleId.isEmpty());
        const Core::Status sent
            = m_terminal->receipts().email(sale, QStringLiteral("  Noor@Example.NL "));
        QVERIFY2(sent, sent ? "" : qPrintable(sent.error().detail));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE type = "
                                       "'receipt_email'")),
            1);
        // Sealed at rest: neither the address nor the PDF is in the cache file in clear.
        const QStringList stored = storedPayloads();
        QCOMPARE(stored.size(), 1);
        QVERIFY(stored.first().startsWith(QStringLiteral("sealed:")));
        QVERIFY(!stored.first().contains(QStringLiteral("noor@example.nl")));

        // Handed back in clear to the sync engine, in the form the server parses.
        Store::Outbox outbox(m_terminal->database());
        auto pending = outbox.pending(100);
        QVERIFY(pending);
        const auto event = std::find_if(pending->cbegin(), pending->cend(),
            [](const Store::OutboxEvent &e) { return e.type == QLatin1String("receipt_email"); });
        QVERIFY(event != pending->cend());
        auto parsed = Sync::Protocol::ReceiptEmail::fromJson(
            QJsonDocument::fromJson(event->payload).object());
        QVERIFY2(parsed, parsed ? "" : qPrintable(parsed.error().detail));
        QCOMPARE(parsed->address, QStringLiteral("noor@example.nl"));
        QCOMPARE(parsed->saleId, sale.saleId);
        QCOMPARE(parsed->receiptNumber, sale.receiptNumber);
        QVERIFY(parsed->pdf.startsWith("%PDF"));
        QVERIFY(!parsed->storeCode.isEmpty());
        QVERIFY(parsed->language == QLatin1String("nl") || parsed->language == QLatin1String("en"));
        QCOMPARE(event->occurredAt, m_clock.nowUtc());
    }

    void languageIsKept()
    {
        const Services::CompletedSale sale = sell();
        QVERIFY(m_terminal->receipts().email(
            sale, QStringLiteral("jan@example.be"), QStringLiteral("en")));
        Store::Outbox outbox(m_terminal->database());
        auto pending = outbox.pending(100);
        QVERIFY(pending);
        for (const Store::OutboxEvent &e : pending.value()) {
            if (e.type == QLatin1String("receipt_email"))
                QCOMPARE(QJsonDocument::fromJson(e.payload)
                             .object()
                             .value(QStringLiteral("language"))
                             .toString(),
                    QStringLiteral("en"));
        }
    }

    void lockedSessionQueuesNothing()
    {
        const Services::CompletedSale sale = sell();
        m_terminal->session().logOut();
        const qint64 before = scalar(QStringLiteral("SELECT count(*) FROM outbox"));
        QVERIFY(!m_terminal->receipts().email(sale, QStringLiteral("noor@example.nl")));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM outbox")), before);
    }

    // A split payment: receiptFor carries every tender of the Core::Sale to the one layout, so
    // the screen, the ESC/POS printer and the PDF show them.
    void receiptShowsEveryTender()
    {
        Services::CompletedSale sale = sell();
        QVERIFY(!sale.saleId.isEmpty());
        Core::Tender card;
        card.method = Core::TenderMethod::Card;
        card.amount = sale.sale.total - Core::Money::fromCents(1000);
        card.cardBrand = QStringLiteral("MC");
        card.maskedPan = QStringLiteral("**** **** **** 4321");
        card.reference = QStringLiteral("POI-4711");
        card.authCode = QStringLiteral("OK1234");
        Core::Tender gift;
        gift.method = Core::TenderMethod::GiftCard;
        gift.amount = Core::Money::fromCents(1000);
        gift.reference = QStringLiteral("6001 0000 0000 9876");
        gift.balanceLeft = Core::Money::fromCents(500);
        sale.sale.tenders = { card, gift };
        sale.sale.rounding = Core::Money();
        const QList<Devices::ReceiptLine> lines
            = Devices::ReceiptLayout::layout(m_terminal->sale().receiptFor(sale));
        const QString plain = Devices::ReceiptLayout::toPlainText(lines);
        for (const QString &expected : { QStringLiteral("Card MC"),
                 QStringLiteral("**** **** **** 4321"), QStringLiteral("POI-4711"),
                 QStringLiteral("OK1234"), QStringLiteral("Gift card **** 9876"),
                 QStringLiteral("Balance left on card"), sale.receiptNumber })
            QVERIFY2(plain.contains(expected), qPrintable(expected + QLatin1Char('\n') + plain));
        QVERIFY(!plain.contains(QStringLiteral("Cash tendered")));
        const QByteArray escPos
            = Devices::EscPosPrinterSimulator::encode(lines, Devices::ReceiptLayout::defaultWidth);
        QVERIFY(escPos.contains("**** **** **** 4321"));
        QVERIFY(escPos.contains("Gift card **** 9876"));
        auto pdf = m_terminal->receipts().pdf(sale);
        QVERIFY(pdf);
        QVERIFY(pdf->startsWith("%PDF"));
    }

    void pdfHoldsTheSaleAndItsTender()
    {
        const Services::CompletedSale sale = sell();
        auto pdf = m_terminal->receipts().pdf(sale);
        QVERIFY2(pdf, pdf ? "" : qPrintable(pdf.error().detail));
        QVERIFY(pdf->startsWith("%PDF"));
        const QString plain = Devices::ReceiptLayout::toPlainText(
            Devices::ReceiptLayout::layout(m_terminal->sale().receiptFor(sale)));
        QVERIFY(plain.contains(sale.receiptNumber));
        QVERIFY(plain.contains(QStringLiteral("Cash tendered")));
    }
};

QTEST_MAIN(TestReceiptService)
#include "tst_receiptservice.moc"
