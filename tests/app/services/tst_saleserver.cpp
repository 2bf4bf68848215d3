// The tablet's services against the real server: a cache enrolled and pulled by
// toonbank-synctool, a sale made by SaleService with a manager-approved manual discount and a
// customer enrolled offline by CustomerService, pushed by the sync engine — the server's
// re-check accepts both, once.
#include "app/services/customerservice.h"
#include "app/services/overrideservice.h"
#include "app/services/saleservice.h"
#include "app/services/serverlookups.h"
#include "app/services/session.h"
#include "app/services/terminal.h"
#include "app/store/customercache.h"
#include "serverfixture.h"

#include <QCryptographicHash>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

using namespace Toonbank;
using namespace Toonbank::Tests;

namespace {

constexpr qint64 cashier = 7; // Ann, AMS01, PIN 1234 (ServerFixture::seed)
constexpr qint64 manager = 9;

} // namespace

class TestSaleServer final : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_card;

    bool syncOnce(const QString &cache)
    {
        int code = 0;
        const QString output = runSyncTool(cache, { QStringLiteral("sync-once") }, &code);
        if (code != 0)
            qWarning().noquote() << output;
        return code == 0;
    }

private slots:
    void initTestCase()
    {
        if (ServerFixture::wantsPostgres() && qEnvironmentVariableIsEmpty("TOONBANK_TEST_PG_URL"))
            QSKIP("TOONBANK_TEST_PG_URL is not set");
        QFile key(m_dir.filePath(QStringLiteral("machine-id")));
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write("00112233445566778899aabbccddeeff\n");
        key.close();
        qputenv("TOONBANK_DEVICE_KEY_FILE", QFile::encodeName(key.fileName()));
    }

    void serviceSaleAndEnrolmentAreAcceptedOnce()
    {
        ServerFixture server;
        QVERIFY(server.seed(5));
        QVERIFY(server.admin({ QStringLiteral("add-staff"), QStringLiteral("--id"),
            QString::number(manager), QStringLiteral("--code"), QStringLiteral("E9"),
            QStringLiteral("--name"), QStringLiteral("Max Manager"), QStringLiteral("--role"),
            QStringLiteral("manager"), QStringLiteral("--store"), QStringLiteral("AMS01"),
            QStringLiteral("--pin"), QStringLiteral("9999") }));
        QVERIFY(server.start());
        const QString cache = m_dir.filePath(QStringLiteral("till.sqlite"));
        int code = 0;
        const QString enrolled = runSyncTool(cache,
            { QStringLiteral("enrol"), server.url(QString()).toString(),
                server.enrolmentCode(QStringLiteral("AMS01")),
                QString::fromLatin1(
                    server.caCertificates().first().digest(QCryptographicHash::Sha256).toHex()) },
            &code);
        QVERIFY2(code == 0, qPrintable(enrolled));
        QVERIFY(syncOnce(cache));

        {
            auto opened = Services::Terminal::open(cache);
            QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message));
            Services::Terminal &terminal = *opened.value();
            QVERIFY(terminal.session().logIn(cashier, QStringLiteral("1234")));
            Services::SaleService &sale = terminal.sale();
            auto line = sale.addProduct(3);
            QVERIFY2(line, line ? "" : qPrintable(line.error().message));
            QVERIFY(sale.addProduct(3));
            QCOMPARE(sale.view().total, Core::Money::fromCents(2000));
            // € 3 off € 20 is above a cashier's 10 %: a manager approves.
            auto asked = sale.setManualDiscount(
                line.value(), Core::Money::fromCents(300), 0, QStringLiteral("Damaged box"));
            QVERIFY(asked);
            QCOMPARE(asked->state, Services::ChangeOutcome::State::NeedsApproval);
            auto approval = terminal.overrides().approve(manager, QStringLiteral("9999"),
                asked->approval.permission,
                { line.value(), asked->approval.amount, asked->approval.what },
                QStringLiteral("Damaged box"));
            QVERIFY2(approval, approval ? "" : qPrintable(approval.error().message));
            QVERIFY(sale.setManualDiscount(line.value(), Core::Money::fromCents(300), 0,
                QStringLiteral("Damaged box"), *approval));
            auto paid = sale.payCash(Core::Money::fromCents(2000));
            QVERIFY2(paid, paid ? "" : qPrintable(paid.error().message));
            QCOMPARE(paid->sale.total, Core::Money::fromCents(1700));

            Services::EnrolmentRequest request;
            request.name = QStringLiteral("Noor Bakker");
            request.email = QStringLiteral("noor@example.nl");
            request.phone = QStringLiteral("06 2222 3333");
            request.consentEmail = true;
            auto customer = terminal.customers().enrol(request);
            QVERIFY2(customer, customer ? "" : qPrintable(customer.error().message));
            m_card = customer->cardNumber;
        }

        const qint64 salesBefore = server.scalar(QStringLiteral("SELECT COUNT(*) FROM sales"));
        const qint64 customersBefore
            = server.scalar(QStringLiteral("SELECT COUNT(*) FROM customers"));
        QVERIFY(syncOnce(cache));
        QVERIFY(syncOnce(cache)); // nothing again
        QCOMPARE(server.scalar(QStringLiteral("SELECT COUNT(*) FROM sales")), salesBefore + 1);

        // Nothing was rejected: the outbox is empty.
        const QString connection = QStringLiteral("saleserver-check");
        qint64 left = -1;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
            db.setDatabaseName(cache);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM outbox")) && q.next());
            left = q.value(0).toLongLong();
            if (left != 0 && q.exec(QStringLiteral("SELECT type, last_error FROM outbox"))) {
                while (q.next())
                    qWarning() << q.value(0).toString() << q.value(1).toString();
            }
        }
        QSqlDatabase::removeDatabase(connection);
        QCOMPARE(left, 0);
        QCOMPARE(
            server.scalar(QStringLiteral("SELECT COUNT(*) FROM customers")), customersBefore + 1);

        // The enrolled customer buys (offline-enrolled, so known to the tablet by card only),
        // edits consent and adds a wish: all accepted, the points credited once.
        {
            auto opened = Services::Terminal::open(cache);
            QVERIFY(opened);
            Services::Terminal &terminal = *opened.value();
            QVERIFY(terminal.session().logIn(cashier, QStringLiteral("1234")));
            QVERIFY(terminal.sale().attachCustomer(m_card));
            QVERIFY(terminal.sale().addProduct(2));
            QVERIFY(terminal.sale().addProduct(2));
            auto paid = terminal.sale().payCash(Core::Money::fromCents(2000));
            QVERIFY2(paid, paid ? "" : qPrintable(paid.error().message));
            QCOMPARE(paid->sale.pointsEarned, 20); // basic: 1 per euro
            QCOMPARE(terminal.customers().pointsOf(m_card).value(), 20); // 0 + pending
            QVERIFY(terminal.customers().setConsent(m_card, true, true, false));
            QVERIFY(terminal.customers().addToWishlist(m_card, 4));
        }
        QVERIFY(syncOnce(cache));
        QVERIFY(syncOnce(cache));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
            db.setDatabaseName(cache);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM outbox")) && q.next());
            left = q.value(0).toLongLong();
            if (left != 0 && q.exec(QStringLiteral("SELECT type, last_error FROM outbox"))) {
                while (q.next())
                    qWarning() << q.value(0).toString() << q.value(1).toString();
            }
        }
        QSqlDatabase::removeDatabase(connection);
        QCOMPARE(left, 0);
        QCOMPARE(server.scalar(QStringLiteral("SELECT COUNT(*) FROM sales")), salesBefore + 2);
        QCOMPARE(server.scalar(QStringLiteral("SELECT points_balance FROM customers WHERE "
                                              "card_number = ?"),
                     { m_card }),
            20);
        QCOMPARE(server.scalar(QStringLiteral("SELECT COUNT(*) FROM wishlist w JOIN customers c "
                                              "ON c.id = w.customer_id WHERE c.card_number = ?"),
                     { m_card }),
            1);
        QCOMPARE(server.scalar(QStringLiteral("SELECT consent_sms FROM customers WHERE "
                                              "card_number = ?"),
                     { m_card }),
            1);

        // Online look-up through the enrolment: a customer not in the cache is found on the
        // server by card, phone and e-mail, and cached.
        {
            auto opened = Services::Terminal::open(cache);
            QVERIFY(opened);
            Services::Terminal &terminal = *opened.value();
            QVERIFY(terminal.session().logIn(cashier, QStringLiteral("1234")));
            QVERIFY(Store::CustomerCache(terminal.database()).removeFromServer(m_card));
            Services::ServerLookups lookups(terminal.database());
            QVERIFY(lookups.isOnline());
            terminal.customers().setDirectory(&lookups);
            auto byCard = terminal.customers().findByCard(m_card);
            QVERIFY2(byCard, byCard ? "" : qPrintable(byCard.error().detail));
            QVERIFY(byCard->fromServer);
            QVERIFY(byCard->id > 0);
            QCOMPARE(byCard->points, 20);
            QCOMPARE(terminal.customers().findByPhone(QStringLiteral("06 2222 3333"))->size(), 1);
            QVERIFY(Store::CustomerCache(terminal.database()).removeFromServer(m_card));
            auto byEmail = terminal.customers().findByEmail(QStringLiteral("NOOR@example.nl"));
            QVERIFY2(byEmail, byEmail ? "" : qPrintable(byEmail.error().detail));
            QVERIFY(byEmail->first().fromServer);
            QCOMPARE(
                terminal.customers().findByEmail(QStringLiteral("nobody@example.nl")).error().code,
                QStringLiteral("customer.not_found"));
            terminal.customers().setDirectory(nullptr);
        }
    }
};

QTEST_GUILESS_MAIN(TestSaleServer)
#include "tst_saleserver.moc"
