// What the tablet records, the server accepts: the tablet's ReturnService (enrolled and synced
// with toonbank-synctool like a real tablet, the real toonbank-terminal-sim for card reversals)
// makes each kind of return, the real sync engine pushes it, and the server's return handler —
// which re-checks every return with the core rules — applies it: the event is "applied", and
// its effects are there (returns rows, web_refunds, stock, loyalty_ledger, store_credit,
// refunded_cents of the original tenders, returned_quantity, return_conflicts).
// SQLite, and PostgreSQL with TOONBANK_TEST_BACKEND=postgresql.
#include "app/core/permissions.h"
#include "app/devices/paymentterminal.h"
#include "app/services/overrideservice.h"
#include "app/services/paymentservice.h"
#include "app/services/returnservice.h"
#include "app/services/saleservice.h"
#include "app/services/serverlookups.h"
#include "app/services/session.h"
#include "app/services/terminal.h"
#include "app/store/localdatabase.h"
#include "serverfixture.h"
#include "tests/support/terminalsimprocess.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QUuid>
#include <QtTest>

using namespace Toonbank;
using namespace Toonbank::Tests;
using Core::Money;

namespace {

constexpr qint64 cashier = 7; // Ann, AMS01, PIN 1234 (ServerFixture::seed)
constexpr qint64 supervisorUtrecht = 8; // Bob, UTR01, PIN 5678
constexpr qint64 manager = 9; // Max, AMS01, PIN 9999 (added here)
const QString customerCard = QStringLiteral("2990000000011"); // Eva, 1000 points

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

class TestReturnSync final : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    ServerFixture m_server;
    TerminalSimProcess m_sim;
    std::unique_ptr<Devices::NexoHttpTerminal> m_card;
    QString m_cache; // AMS01
    QString m_utrecht; // UTR01

    QString writeFile(const QString &name, const QByteArray &content)
    {
        QFile file(m_dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(content);
        return file.fileName();
    }

    bool enrol(const QString &cache, const QString &store)
    {
        int code = 0;
        const QString out = runSyncTool(cache,
            { QStringLiteral("enrol"), m_server.url(QString()).toString(),
                m_server.enrolmentCode(store),
                QString::fromLatin1(
                    m_server.caCertificates().first().digest(QCryptographicHash::Sha256).toHex()) },
            &code);
        if (code != 0) {
            qWarning().noquote() << out;
            return false;
        }
        return syncOnce(cache);
    }

    bool syncOnce(const QString &cache)
    {
        int code = 0;
        const QString output = runSyncTool(cache, { QStringLiteral("sync-once") }, &code);
        if (code != 0)
            qWarning().noquote() << output;
        return code == 0;
    }

    std::unique_ptr<Services::Terminal> open(
        const QString &cache, qint64 staff, const QString &pin, const Core::Clock *clock = nullptr)
    {
        auto opened = Services::Terminal::open(cache, false, clock);
        if (!opened) {
            qWarning().noquote() << opened.error().message;
            return {};
        }
        std::unique_ptr<Services::Terminal> terminal = std::move(opened.value());
        if (!terminal->session().logIn(staff, pin))
            return {};
        terminal->setPaymentTerminal(m_card.get());
        terminal->returns().setStatusBackoff({ 100, 200, 400 });
        terminal->payments().setStatusBackoff({ 100, 200, 400 });
        return terminal;
    }
    std::unique_ptr<Services::Terminal> open(const Core::Clock *clock = nullptr)
    {
        return open(m_cache, cashier, QStringLiteral("1234"), clock);
    }

    // A cash sale of `quantity` × product on `terminal`; its receipt number.
    static QString sellCash(Services::Terminal &terminal, qint64 productId, int quantity)
    {
        for (int i = 0; i < quantity; ++i) {
            if (!terminal.sale().addProduct(productId))
                return {};
        }
        auto paid = terminal.sale().payCash(Money::fromCents(100000));
        if (!paid) {
            qWarning().noquote() << paid.error().message;
            return {};
        }
        return paid->receiptNumber;
    }

    static bool waitCompleted(Services::ReturnService &returns, QSignalSpy &spy)
    {
        if (!spy.isEmpty())
            return true;
        return spy.wait(15000) && returns.lastCompleted().has_value();
    }

    // Pushes what the tablet holds and says whether the server applied the return `returnId`
    // (its event "applied", a returns row) with no event of this test rejected.
    bool pushedAndApplied(const QString &cache, const QString &returnId)
    {
        if (!syncOnce(cache))
            return false;
        const QString rejected = m_server.text(QStringLiteral(
            "SELECT type || ': ' || reason_code || ': ' || reason FROM events WHERE status = "
            "'rejected'"));
        if (!rejected.isEmpty()) {
            qWarning().noquote() << "rejected:" << rejected;
            return false;
        }
        const qint64 applied = m_server.scalar(
            QStringLiteral("SELECT count(*) FROM returns r JOIN events e ON e.event_id = "
                           "r.event_id WHERE r.return_id = ? AND e.status = 'applied' AND e.type "
                           "= 'return'"),
            { returnId });
        if (applied != 1)
            qWarning() << "return" << returnId << "not applied:" << applied;
        return applied == 1;
    }

    qint64 serverStock(qint64 productId, qint64 locationId = 1)
    {
        return m_server.scalar(
            QStringLiteral("SELECT quantity FROM stock WHERE product_id = ? AND location_id = ?"),
            { productId, locationId });
    }

    qint64 returnedOnServer(const QString &receipt)
    {
        return m_server.scalar(QStringLiteral("SELECT SUM(l.returned_quantity) FROM sale_lines l "
                                              "JOIN sales s ON s.sale_id = l.sale_id WHERE "
                                              "s.receipt_number = ?"),
            { receipt });
    }

    qint64 refundedOnServer(const QString &receipt, const QString &method)
    {
        return m_server.scalar(QStringLiteral("SELECT COALESCE(SUM(t.refunded_cents), 0) FROM "
                                              "sale_tenders t JOIN sales s ON s.sale_id = "
                                              "t.sale_id WHERE s.receipt_number = ? AND t.method "
                                              "= ?"),
            { receipt, method });
    }

    qint64 storeCredit()
    {
        return m_server.scalar(QStringLiteral(
            "SELECT COALESCE((SELECT balance_cents FROM store_credit WHERE customer_id = 1), 0)"));
    }

    void insertWebOrder(qint64 id, const QString &number, const QString &method,
        const QString &reference, const QDateTime &paidAt)
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(m_server.scalar(
                     QStringLiteral(
                         "INSERT INTO web_orders(id, order_number, location_id, data, change_seq, "
                         "customer_id, status, channel, ordered_at, delivered_on, delivery_cents, "
                         "total_cents) VALUES (?, ?, 1, '{}', 0, 0, 'delivered', 'web', ?, ?, 0, "
                         "5000) RETURNING id"),
                     { id, number, now.addDays(-5).toString(Qt::ISODateWithMs),
                         now.date().addDays(-3).toString(Qt::ISODate) }),
            id);
        QCOMPARE(m_server.scalar(
                     QStringLiteral("INSERT INTO web_order_lines(order_id, line_id, line_no, "
                                    "product_id, sku, name, vat_basis_points, quantity, "
                                    "unit_price_cents, line_total_cents) VALUES (?, 'W1', 1, 1, "
                                    "'SKU1', 'Product 1', 2100, 2, 1000, 2000), (?, 'W2', 2, 2, "
                                    "'SKU2', 'Product 2', 2100, 3, 1000, 3000) RETURNING 1"),
                     { id, id }),
            1);
        QCOMPARE(m_server.scalar(QStringLiteral("INSERT INTO web_order_tenders(order_id, "
                                                "tender_no, method, amount_cents, reference, "
                                                "paid_at) VALUES (?, 1, ?, 5000, ?, ?) "
                                                "RETURNING 1"),
                     { id, method, reference, paidAt.toString(Qt::ISODateWithMs) }),
            1);
    }

    // Finds `code`, selects `quantity` of `lineId`, refunds, and waits for the return.
    static std::optional<Core::Return> returnOf(Services::ReturnService &returns,
        const QString &code, const QString &lineId, int quantity,
        std::optional<Core::RefundMethod> method = {})
    {
        QSignalSpy completed(&returns, &Services::ReturnService::completed);
        if (const Core::Status found = returns.find(code); !found) {
            qWarning().noquote() << "find" << code << found.error().message << found.error().detail;
            return {};
        }
        const QString line = lineId.isEmpty() ? returns.view().lines.first().line.lineId : lineId;
        if (!returns.setQuantity(line, quantity))
            return {};
        if (method) {
            if (const Core::Status chosen = returns.chooseMethod(method); !chosen) {
                qWarning().noquote() << "method" << chosen.error().message;
                return {};
            }
        }
        if (const Core::Status refunded = returns.refund(); !refunded) {
            qWarning().noquote() << "refund" << refunded.error().message << refunded.error().detail;
            return {};
        }
        if (!waitCompleted(returns, completed))
            return {};
        return returns.lastCompleted()->ret;
    }

private slots:
    void initTestCase()
    {
        if (ServerFixture::wantsPostgres() && qEnvironmentVariableIsEmpty("TOONBANK_TEST_PG_URL"))
            QSKIP("TOONBANK_TEST_PG_URL is not set");
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        QFile key(m_dir.filePath(QStringLiteral("machine-id")));
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write("00112233445566778899aabbccddeeff\n");
        key.close();
        qputenv("TOONBANK_DEVICE_KEY_FILE", QFile::encodeName(key.fileName()));

        QVERIFY(m_server.seed(9));
        // Product 7 costs € 3.33: a cash refund of it is rounded.
        QVERIFY(m_server.admin({ QStringLiteral("import"), QStringLiteral("products"),
            writeFile(QStringLiteral("products.csv"),
                "id,sku,name,brand,vatClass,priceCents,barcodes\n"
                "7,SKU7,Product 7,Brand,standard,333,\n") }));
        QVERIFY(m_server.admin({ QStringLiteral("add-staff"), QStringLiteral("--id"),
            QString::number(manager), QStringLiteral("--code"), QStringLiteral("E9"),
            QStringLiteral("--name"), QStringLiteral("Max Manager"), QStringLiteral("--role"),
            QStringLiteral("manager"), QStringLiteral("--store"), QStringLiteral("AMS01"),
            QStringLiteral("--pin"), QStringLiteral("9999") }));
        QVERIFY(m_server.admin({ QStringLiteral("import"), QStringLiteral("customers"),
            writeFile(QStringLiteral("customers.csv"),
                "id,code,name,email,phone,loyaltyPoints,tier,homeStoreCode\n"
                "1,2990000000011,Eva de Vries,eva@example.nl,,1000,basic,AMS01\n") }));
        QVERIFY(m_server.admin({ QStringLiteral("import"), QStringLiteral("gift-cards"),
            writeFile(QStringLiteral("cards.csv"),
                "number,balance,expires_on,issued_at\n"
                "6036990000002001,20.00,2099-12-31,2026-01-01\n") }));
        QVERIFY(m_server.start());
        QVERIFY(m_sim.start());
        m_card = std::make_unique<Devices::NexoHttpTerminal>(Devices::NexoHttpTerminal::Config {
            m_sim.endpoint(), QStringLiteral("AMS01-T1"), m_sim.poiId(), 5000, 3000 });
        m_cache = m_dir.filePath(QStringLiteral("ams.sqlite"));
        m_utrecht = m_dir.filePath(QStringLiteral("utr.sqlite"));
        QVERIFY(enrol(m_cache, QStringLiteral("AMS01")));
        QVERIFY(enrol(m_utrecht, QStringLiteral("UTR01")));

        // W1001 was paid by card at the terminal; W1002 with iDEAL on the web shop.
        QSignalSpy paid(m_card.get(), &Devices::PaymentTerminal::paymentFinished);
        m_card->startPayment({ QStringLiteral("WEBPAY0001"), newId(), Money::fromCents(5000) });
        QVERIFY(paid.wait(10000));
        const auto payment = paid.first().first().value<Devices::CardPaymentResult>();
        QCOMPARE(payment.outcome, Devices::TerminalOutcome::Approved);
        insertWebOrder(9001, QStringLiteral("W1001"), QStringLiteral("card"),
            payment.poiTransactionId, payment.poiTimestamp);
        insertWebOrder(9002, QStringLiteral("W1002"), QStringLiteral("ideal"),
            QStringLiteral("PSP-IDEAL-1"), QDateTime::currentDateTimeUtc().addDays(-5));
    }

    void webOrderLineToTheOriginalCard()
    {
        auto terminal = open();
        QVERIFY(terminal);
        const qint64 stockBefore = serverStock(1);
        auto ret = returnOf(terminal->returns(), QStringLiteral("W1001"), QStringLiteral("W1"), 1);
        QVERIFY(ret);
        QCOMPARE(ret->refunds.size(), 1);
        QCOMPARE(ret->refunds.first().method, Core::RefundMethod::Card);
        QVERIFY(pushedAndApplied(m_cache, ret->returnId));
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT returned_quantity FROM web_order_lines "
                                                "WHERE order_id = 9001 AND line_id = 'W1'")),
            1);
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT refunded_cents FROM web_order_tenders "
                                                "WHERE order_id = 9001")),
            1000);
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT count(*) FROM web_refunds WHERE "
                                                "return_id = ?"),
                     { ret->returnId }),
            0); // the terminal refunded it
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT count(*) FROM return_refunds WHERE "
                                                "return_id = ? AND method = 'card'"),
                     { ret->returnId }),
            1);
        QCOMPARE(serverStock(1), stockBefore + 1);
    }

    void webOrderLineToTheWebPayment()
    {
        auto terminal = open();
        QVERIFY(terminal);
        auto ret = returnOf(terminal->returns(), QStringLiteral("W1002"), QStringLiteral("W2"), 2);
        QVERIFY(ret);
        QCOMPARE(ret->refunds.size(), 1);
        QCOMPARE(ret->refunds.first().method, Core::RefundMethod::WebPayment);
        QVERIFY(pushedAndApplied(m_cache, ret->returnId));
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT amount_cents FROM web_refunds WHERE "
                                                "return_id = ? AND psp_reference = "
                                                "'PSP-IDEAL-1' AND order_number = 'W1002'"),
                     { ret->returnId }),
            2000);
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT refunded_cents FROM web_order_tenders "
                                                "WHERE order_id = 9002")),
            2000);
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT returned_quantity FROM web_order_lines "
                                                "WHERE order_id = 9002 AND line_id = 'W2'")),
            2);
    }

    void storeSaleReturnedOnlineWithCashRounding()
    {
        auto terminal = open();
        QVERIFY(terminal);
        const QString receipt = sellCash(*terminal, 7, 1); // € 3.33 → € 3.35 in cash
        QVERIFY(!receipt.isEmpty());
        QVERIFY(syncOnce(m_cache));
        QCOMPARE(returnedOnServer(receipt), 0);
        auto ret = returnOf(terminal->returns(), receipt, QString(), 1);
        QVERIFY(ret);
        QVERIFY(!ret->claimId.isEmpty());
        QCOMPARE(ret->total, Money::fromCents(333));
        QCOMPARE(ret->rounding, Money::fromCents(2));
        QCOMPARE(ret->refunds.first().amount, Money::fromCents(335));
        QVERIFY(pushedAndApplied(m_cache, ret->returnId));
        QCOMPARE(returnedOnServer(receipt), 1);
        QCOMPARE(refundedOnServer(receipt, QStringLiteral("cash")), 335);
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT rounding_cents FROM returns WHERE "
                                                "return_id = ?"),
                     { ret->returnId }),
            2);
    }

    void splitTenderReturnedInTwoParts()
    {
        auto terminal = open();
        QVERIFY(terminal);
        for (int i = 0; i < 3; ++i)
            QVERIFY(terminal->sale().addProduct(1)); // € 30
        Services::PaymentService &pay = terminal->payments();
        QSignalSpy sold(&pay, &Services::PaymentService::completed);
        QVERIFY(pay.begin());
        QVERIFY(pay.payCard(Money::fromCents(733)));
        QTRY_COMPARE_WITH_TIMEOUT(pay.view().remaining, Money::fromCents(2267), 15000);
        const Core::Status cash = pay.payCash(Money::fromCents(5000));
        QVERIFY2(cash, cash ? "" : qPrintable(cash.error().message));
        QTRY_VERIFY_WITH_TIMEOUT(!sold.isEmpty(), 15000);
        const QString receipt = pay.lastCompleted()->receiptNumber;
        QVERIFY(syncOnce(m_cache));

        Money back;
        for (int visit = 1; visit <= 2; ++visit) {
            (void)terminal->returns().cancel();
            auto ret = returnOf(terminal->returns(), receipt, QString(), 1);
            QVERIFY(ret);
            QCOMPARE(ret->total, Money::fromCents(1000));
            QCOMPARE(ret->refunds.size(), 2);
            QVERIFY(pushedAndApplied(m_cache, ret->returnId));
            for (const Core::Refund &r : ret->refunds)
                back += r.amount;
        }
        QCOMPARE(returnedOnServer(receipt), 2);
        QCOMPARE(refundedOnServer(receipt, QStringLiteral("card"))
                + refundedOnServer(receipt, QStringLiteral("cash")),
            back.cents());
        QVERIFY(refundedOnServer(receipt, QStringLiteral("card")) > 0);
        QVERIFY(refundedOnServer(receipt, QStringLiteral("card")) <= 733);
        QVERIFY(refundedOnServer(receipt, QStringLiteral("cash")) <= 2265);
    }

    void pointsTenderReturnedAsStoreCredit()
    {
        auto terminal = open();
        QVERIFY(terminal);
        const Core::Status attached = terminal->sale().attachCustomer(customerCard);
        QVERIFY2(attached, attached ? "" : qPrintable(attached.error().message));
        QVERIFY(terminal->sale().addProduct(2)); // € 10
        Services::PaymentService &pay = terminal->payments();
        QSignalSpy sold(&pay, &Services::PaymentService::completed);
        QVERIFY(pay.begin());
        const Core::Status points = pay.payPoints(500); // € 5
        QVERIFY2(points, points ? "" : qPrintable(points.error().message));
        QVERIFY(pay.payCash(Money::fromCents(500)));
        QTRY_VERIFY_WITH_TIMEOUT(!sold.isEmpty(), 15000);
        const QString receipt = pay.lastCompleted()->receiptNumber;
        QVERIFY(syncOnce(m_cache));
        const qint64 pointsBefore
            = m_server.scalar(QStringLiteral("SELECT points_balance FROM customers WHERE id = 1"));
        const qint64 creditBefore = storeCredit();

        auto ret
            = returnOf(terminal->returns(), receipt, QString(), 1, Core::RefundMethod::StoreCredit);
        QVERIFY(ret);
        QCOMPARE(ret->total, Money::fromCents(1000));
        QVERIFY(pushedAndApplied(m_cache, ret->returnId));
        // The redeemed points go back as points; the money part as store credit, never both.
        QCOMPARE(ret->pointsGivenBack, 500);
        Money asCredit;
        for (const Core::Refund &r : ret->refunds) {
            if (r.method == Core::RefundMethod::StoreCredit)
                asCredit += r.amount;
        }
        QCOMPARE(asCredit, Money::fromCents(500));
        QCOMPARE(storeCredit(), creditBefore + 500);
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COALESCE(SUM(points), 0) FROM "
                                                "loyalty_ledger WHERE customer_id = 1 AND "
                                                "event_id = (SELECT event_id FROM returns WHERE "
                                                "return_id = ?) AND points > 0"),
                     { ret->returnId }),
            500);
        QCOMPARE(
            m_server.scalar(QStringLiteral("SELECT points_balance FROM customers WHERE id = 1")),
            pointsBefore + 500 - ret->pointsTakenBack);
        QCOMPARE(returnedOnServer(receipt), 1);
    }

    void giftCardTenderBackOntoTheCard()
    {
        auto terminal = open();
        QVERIFY(terminal);
        QVERIFY(terminal->sale().addProduct(2)); // € 10
        Services::PaymentService &pay = terminal->payments();
        QSignalSpy sold(&pay, &Services::PaymentService::completed);
        QVERIFY(pay.begin());
        const Core::Status card
            = pay.payGiftCard(QStringLiteral("6036990000002001"), Money::fromCents(1000));
        QVERIFY2(card, card ? "" : qPrintable(card.error().message));
        QTRY_VERIFY_WITH_TIMEOUT(!sold.isEmpty(), 15000);
        const QString receipt = pay.lastCompleted()->receiptNumber;
        QVERIFY(syncOnce(m_cache));
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT balance_cents FROM gift_cards WHERE "
                                                "number = '6036990000002001'")),
            1000);
        auto ret = returnOf(terminal->returns(), receipt, QString(), 1);
        QVERIFY(ret);
        QCOMPARE(ret->refunds.size(), 1);
        QCOMPARE(ret->refunds.first().method, Core::RefundMethod::GiftCard);
        QVERIFY(pushedAndApplied(m_cache, ret->returnId));
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT balance_cents FROM gift_cards WHERE "
                                                "number = '6036990000002001'")),
            2000);
        QCOMPARE(refundedOnServer(receipt, QStringLiteral("gift_card")), 1000);
        QCOMPARE(returnedOnServer(receipt), 1);
    }

    void giftCardChosenForACashSale()
    {
        auto terminal = open();
        QVERIFY(terminal);
        QVERIFY(terminal->sale().attachCustomer(customerCard));
        const QString receipt = sellCash(*terminal, 2, 1);
        QVERIFY(!receipt.isEmpty());
        QVERIFY(syncOnce(m_cache));
        Services::ReturnService &returns = terminal->returns();
        QVERIFY(returns.find(receipt));
        QVERIFY(returns.view().methods.contains(Core::RefundMethod::GiftCard));
        QVERIFY(returns.setQuantity(QStringLiteral("L1"), 1));
        // Not onto the customer's loyalty card: a gift card must be named before the refund.
        QVERIFY(returns.chooseMethod(Core::RefundMethod::GiftCard));
        QCOMPARE(returns.refund().error().code, QStringLiteral("refund.reference_missing"));
        QCOMPARE(
            returns.chooseMethod(Core::RefundMethod::GiftCard, QStringLiteral("12ab")).error().code,
            QStringLiteral("gift.number"));
        const QString fresh = QStringLiteral("6036990000009999");
        QVERIFY(returns.chooseMethod(Core::RefundMethod::GiftCard, fresh));
        QSignalSpy completed(&returns, &Services::ReturnService::completed);
        QVERIFY(returns.refund());
        QVERIFY(waitCompleted(returns, completed));
        const Core::Return ret = returns.lastCompleted()->ret;
        QCOMPARE(ret.refunds.size(), 1);
        QCOMPARE(ret.refunds.first().method, Core::RefundMethod::GiftCard);
        QCOMPARE(ret.refunds.first().reference, fresh);
        QVERIFY(pushedAndApplied(m_cache, ret.returnId));
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT balance_cents FROM gift_cards WHERE "
                                                "number = ?"),
                     { fresh }),
            1000);
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT count(*) FROM gift_cards WHERE number = ?"),
                     { customerCard }),
            0);
        QCOMPARE(refundedOnServer(receipt, QStringLiteral("cash")), 0);
        QCOMPARE(returnedOnServer(receipt), 1);
    }

    void offlineReturnOfTheOwnSale()
    {
        auto terminal = open();
        QVERIFY(terminal);
        const QString receipt = sellCash(*terminal, 3, 2);
        QVERIFY(!receipt.isEmpty());
        QVERIFY(syncOnce(m_cache));
        const qint64 stockBefore = serverStock(3);
        m_server.kill();
        auto ret = returnOf(terminal->returns(), receipt, QString(), 1);
        QVERIFY(ret);
        QVERIFY(ret->claimId.isEmpty());
        QVERIFY(m_server.restartOnSamePort());
        QVERIFY(pushedAndApplied(m_cache, ret->returnId));
        QCOMPARE(returnedOnServer(receipt), 1);
        QCOMPARE(refundedOnServer(receipt, QStringLiteral("cash")), 1000);
        QCOMPARE(serverStock(3), stockBefore + 1);
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT count(*) FROM return_conflicts")), 0);
    }

    void offlineReturnMeetsAnOnlineClaimOfAnotherStore()
    {
        auto terminal = open();
        QVERIFY(terminal);
        const QString receipt = sellCash(*terminal, 4, 1);
        QVERIFY(!receipt.isEmpty());
        QVERIFY(syncOnce(m_cache));
        {
            // Utrecht takes the only unit back online, and pushes.
            auto utrecht = open(m_utrecht, supervisorUtrecht, QStringLiteral("5678"));
            QVERIFY(utrecht);
            auto first = returnOf(utrecht->returns(), receipt, QString(), 1);
            QVERIFY(first);
            QVERIFY(!first->claimId.isEmpty());
            QVERIFY(pushedAndApplied(m_utrecht, first->returnId));
        }
        QCOMPARE(returnedOnServer(receipt), 1);
        // This tablet, offline, does not know and returns it too.
        m_server.kill();
        auto ret = returnOf(terminal->returns(), receipt, QString(), 1);
        QVERIFY(ret);
        QVERIFY(ret->claimId.isEmpty());
        QVERIFY(m_server.restartOnSamePort());
        QVERIFY(pushedAndApplied(m_cache, ret->returnId));
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT count(*) FROM return_conflicts WHERE "
                                                "return_id = ? AND origin_number = ?"),
                     { ret->returnId, receipt }),
            1);
        QCOMPARE(returnedOnServer(receipt), 1); // never above sold
    }

    void noReceiptWithAManager()
    {
        auto terminal = open();
        QVERIFY(terminal);
        Services::ReturnService &returns = terminal->returns();
        QSignalSpy completed(&returns, &Services::ReturnService::completed);
        QVERIFY(terminal->sale().attachCustomer(customerCard));
        QVERIFY(returns.startWithoutReceipt());
        QVERIFY(returns.addProduct(5, 1));
        const Services::ReturnView view = returns.view();
        auto approval = terminal->overrides().approve(manager, QStringLiteral("9999"),
            Core::Permission::RefundWithoutReceipt, { QString(), view.total, view.approvalWhy },
            QStringLiteral("Gift without receipt"));
        QVERIFY(approval);
        QVERIFY(returns.approve(*approval));
        const qint64 creditBefore = storeCredit();
        const qint64 stockBefore = serverStock(5);
        QVERIFY(returns.refund());
        QVERIFY(waitCompleted(returns, completed));
        const Core::Return ret = returns.lastCompleted()->ret;
        QVERIFY(terminal->sale().clear());
        QVERIFY(pushedAndApplied(m_cache, ret.returnId));
        QCOMPARE(storeCredit(), creditBefore + 1000);
        QCOMPARE(serverStock(5), stockBefore + 1);
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT count(*) FROM return_authorisations WHERE "
                                                "return_id = ? AND approved_by = ?"),
                     { ret.returnId, manager }),
            1);
    }

    void windowPassedWithAManagersException()
    {
        QString receipt;
        {
            Core::FixedClock past(QDateTime::currentDateTimeUtc().addDays(-40));
            auto old = open(&past);
            QVERIFY(old);
            receipt = sellCash(*old, 6, 1);
            QVERIFY(!receipt.isEmpty());
        }
        QVERIFY(syncOnce(m_cache));
        auto terminal = open();
        QVERIFY(terminal);
        Services::ReturnService &returns = terminal->returns();
        QSignalSpy completed(&returns, &Services::ReturnService::completed);
        QVERIFY(returns.find(receipt));
        QVERIFY(returns.view().online);
        QVERIFY(returns.view().lines.first().windowPassed);
        QVERIFY(returns.setQuantity(QStringLiteral("L1"), 1));
        auto approval = terminal->overrides().approve(manager, QStringLiteral("9999"),
            Core::Permission::ApproveReturnException,
            { QStringLiteral("L1"), Money(), returns.view().approvalWhy },
            QStringLiteral("Customer was abroad"));
        QVERIFY(approval);
        QVERIFY(returns.approve(*approval));
        QVERIFY(returns.refund());
        QVERIFY(waitCompleted(returns, completed));
        const Core::Return ret = returns.lastCompleted()->ret;
        QVERIFY(pushedAndApplied(m_cache, ret.returnId));
        QCOMPARE(returnedOnServer(receipt), 1);
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT count(*) FROM return_authorisations WHERE "
                                                "return_id = ? AND permission = ?"),
                     { ret.returnId, Core::name(Core::Permission::ApproveReturnException) }),
            1);
    }

    void exchangesWithABiggerAndASmallerSale()
    {
        auto terminal = open();
        QVERIFY(terminal);
        const QString receipt = sellCash(*terminal, 8, 3); // € 30
        QVERIFY(!receipt.isEmpty());
        QVERIFY(syncOnce(m_cache));
        Services::ReturnService &returns = terminal->returns();
        Services::PaymentService &pay = terminal->payments();
        QSignalSpy completed(&returns, &Services::ReturnService::completed);

        // Bigger: € 10 back, € 20 new → € 10 still to pay.
        QVERIFY(returns.find(receipt));
        QVERIFY(returns.setQuantity(QStringLiteral("L1"), 1));
        QVERIFY(returns.startExchange());
        QVERIFY(terminal->sale().addProduct(9));
        QVERIFY(terminal->sale().addProduct(9));
        QVERIFY(pay.begin());
        QVERIFY(pay.payCash(Money::fromCents(1000)));
        QVERIFY(waitCompleted(returns, completed));
        const Core::Return bigger = returns.lastCompleted()->ret;
        const QString biggerSale = pay.lastCompleted()->saleId;
        QCOMPARE(bigger.exchangeSaleId, biggerSale);
        QVERIFY(pushedAndApplied(m_cache, bigger.returnId));
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT count(*) FROM sales s JOIN events e ON "
                                                "e.event_id = s.event_id WHERE s.sale_id = ? "
                                                "AND e.status = 'applied'"),
                     { biggerSale }),
            1);

        // Smaller: € 20 back, € 10 new → € 10 back in cash.
        completed.clear();
        QVERIFY(returns.find(receipt));
        QVERIFY(returns.setQuantity(QStringLiteral("L1"), 2));
        QVERIFY(returns.startExchange());
        QVERIFY(terminal->sale().addProduct(9));
        QVERIFY(pay.begin());
        QVERIFY(waitCompleted(returns, completed));
        const Core::Return smaller = returns.lastCompleted()->ret;
        QCOMPARE(smaller.refunds.size(), 2);
        QVERIFY(pushedAndApplied(m_cache, smaller.returnId));
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT count(*) FROM sales s JOIN events e ON "
                                                "e.event_id = s.event_id WHERE s.sale_id = ? "
                                                "AND e.status = 'applied'"),
                     { smaller.exchangeSaleId }),
            1);
        // The return's event came before its sale's.
        QVERIFY(m_server.scalar(QStringLiteral("SELECT e.device_seq FROM returns r JOIN events e "
                                               "ON e.event_id = r.event_id WHERE r.return_id = ?"),
                    { smaller.returnId })
            < m_server.scalar(QStringLiteral("SELECT e.device_seq FROM sales s JOIN events e ON "
                                             "e.event_id = s.event_id WHERE s.sale_id = ?"),
                { smaller.exchangeSaleId }));
        QCOMPARE(returnedOnServer(receipt), 3);
        // Only the cash handed back counts against the cash tender (an exchange is bounded by the
        // return's total, like store credit chosen instead).
        QCOMPARE(refundedOnServer(receipt, QStringLiteral("cash")), 1000);
    }

    void saleAndReturnBothOfflineInOnePush()
    {
        auto terminal = open();
        QVERIFY(terminal);
        m_server.kill();
        // Offline all along: the sale and its return go up in the same push.
        const QString receipt = sellCash(*terminal, 7, 3); // € 9.99 → € 10.00
        QVERIFY(!receipt.isEmpty());
        auto ret = returnOf(terminal->returns(), receipt, QString(), 2);
        QVERIFY(ret);
        QVERIFY(ret->claimId.isEmpty());
        QCOMPARE(ret->total, Money::fromCents(666));
        QCOMPARE(ret->refunds.first().amount, Money::fromCents(665));
        QVERIFY(m_server.restartOnSamePort());
        // The sync engine pushes a return in a push of its own, after the sale it returns.
        QVERIFY(pushedAndApplied(m_cache, ret->returnId));
        QCOMPARE(returnedOnServer(receipt), 2);
        QCOMPARE(refundedOnServer(receipt, QStringLiteral("cash")), 665);
    }

    void nothingWasRejected()
    {
        QCOMPARE(m_server.text(QStringLiteral("SELECT type || ' ' || reason_code FROM events "
                                              "WHERE status = 'rejected'")),
            QString());
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT count(*) FROM events WHERE status = "
                                                "'rejected'")),
            0);
        QVERIFY(m_server.scalar(QStringLiteral("SELECT count(*) FROM returns")) >= 11);
    }
};

QTEST_MAIN(TestReturnSync)
#include "tst_returnsync.moc"
