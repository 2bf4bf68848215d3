// ReturnService against the real toonbank-server (enrolled with toonbank-synctool like a real
// tablet) and the real toonbank-terminal-sim process: a web order's line refunded to the
// original card (one reversal of exactly that amount at the terminal), partial returns over two
// visits, another store's sale claimed online, the last unit claimed elsewhere first (409: a
// plain message, lines refreshed), the window passed (a cashier's approval refused, a
// manager's accepted), no receipt (store credit with a manager), exchanges with a bigger and a
// smaller new sale (one transaction, the return's event first), bad input, and this tablet's
// own sale returned offline with its returned quantity counted locally.
#include "app/core/permissions.h"
#include "app/devices/paymentterminal.h"
#include "app/devices/receipt.h"
#include "app/services/overrideservice.h"
#include "app/services/paymentservice.h"
#include "app/services/receiptservice.h"
#include "app/services/returnservice.h"
#include "app/services/saleservice.h"
#include "app/services/serverlookups.h"
#include "app/services/session.h"
#include "app/services/terminal.h"
#include "app/store/localdatabase.h"
#include "app/store/salesledger.h"
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
const QString customerCard = QStringLiteral("2990000000011");

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QVariant value(Store::LocalDatabase &db, const QString &sql, const QVariantList &params = {})
{
    QSqlQuery q(db.connection());
    q.prepare(sql);
    for (const QVariant &p : params)
        q.addBindValue(p);
    if (!q.exec() || !q.next())
        return {};
    return q.value(0);
}

} // namespace

class TestReturnService final : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    ServerFixture m_server;
    TerminalSimProcess m_sim;
    std::unique_ptr<Devices::NexoHttpTerminal> m_card;
    QString m_cache; // AMS01
    QString m_utrecht; // UTR01
    QString m_poiTransaction; // the web order's card payment at the terminal
    QString m_utrechtReceipt;
    QString m_returnReceipt;

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

    std::unique_ptr<Services::Terminal> open(const Core::Clock *clock = nullptr)
    {
        auto opened = Services::Terminal::open(m_cache, false, clock);
        if (!opened) {
            qWarning().noquote() << opened.error().message;
            return {};
        }
        std::unique_ptr<Services::Terminal> terminal = std::move(opened.value());
        if (!terminal->session().logIn(cashier, QStringLiteral("1234")))
            return {};
        terminal->setPaymentTerminal(m_card.get());
        terminal->returns().setStatusBackoff({ 100, 200, 400 });
        return terminal;
    }

    // A cash sale of `quantity` × product on this tablet; its receipt number.
    static QString sellCash(Services::Terminal &terminal, qint64 productId, int quantity)
    {
        for (int i = 0; i < quantity; ++i) {
            if (!terminal.sale().addProduct(productId))
                return {};
        }
        auto paid = terminal.sale().payCash(terminal.sale().view().total);
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

    QList<QJsonObject> reversals()
    {
        QList<QJsonObject> out;
        for (const QJsonValue &t : m_sim.transactions()) {
            if (t.toObject().value(QStringLiteral("kind")).toString() == QLatin1String("reversal"))
                out.append(t.toObject());
        }
        return out;
    }

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        QFile key(m_dir.filePath(QStringLiteral("machine-id")));
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write("00112233445566778899aabbccddeeff\n");
        key.close();
        qputenv("TOONBANK_DEVICE_KEY_FILE", QFile::encodeName(key.fileName()));

        QVERIFY(m_server.seed(6));
        QVERIFY(m_server.admin({ QStringLiteral("add-staff"), QStringLiteral("--id"),
            QString::number(manager), QStringLiteral("--code"), QStringLiteral("E9"),
            QStringLiteral("--name"), QStringLiteral("Max Manager"), QStringLiteral("--role"),
            QStringLiteral("manager"), QStringLiteral("--store"), QStringLiteral("AMS01"),
            QStringLiteral("--pin"), QStringLiteral("9999") }));
        QVERIFY(m_server.admin({ QStringLiteral("import"), QStringLiteral("customers"),
            writeFile(QStringLiteral("customers.csv"),
                "id,code,name,email,phone,loyaltyPoints,tier,homeStoreCode\n"
                "1,2990000000011,Eva de Vries,eva@example.nl,,0,basic,AMS01\n") }));
        QVERIFY(m_server.start());
        QVERIFY(m_sim.start());
        m_card = std::make_unique<Devices::NexoHttpTerminal>(Devices::NexoHttpTerminal::Config {
            m_sim.endpoint(), QStringLiteral("AMS01-T1"), m_sim.poiId(), 5000, 3000 });
        m_cache = m_dir.filePath(QStringLiteral("ams.sqlite"));
        m_utrecht = m_dir.filePath(QStringLiteral("utr.sqlite"));
        QVERIFY(enrol(m_cache, QStringLiteral("AMS01")));
        QVERIFY(enrol(m_utrecht, QStringLiteral("UTR01")));

        // The web order W1001 was paid by card at the terminal: € 50 for 2 × product 1 and
        // 3 × product 2, delivered three days ago.
        QSignalSpy paid(m_card.get(), &Devices::PaymentTerminal::paymentFinished);
        m_card->startPayment({ QStringLiteral("WEBPAY0001"), newId(), Money::fromCents(5000) });
        QVERIFY(paid.wait(10000));
        const auto payment = paid.first().first().value<Devices::CardPaymentResult>();
        QCOMPARE(payment.outcome, Devices::TerminalOutcome::Approved);
        m_poiTransaction = payment.poiTransactionId;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(m_server.scalar(
                     QStringLiteral(
                         "INSERT INTO web_orders(id, order_number, location_id, data, change_seq, "
                         "customer_id, status, channel, ordered_at, delivered_on, delivery_cents, "
                         "total_cents) VALUES (9001, 'W1001', 1, '{}', 0, 0, 'delivered', 'web', "
                         "?, ?, 0, 5000) RETURNING id"),
                     { now.addDays(-5).toString(Qt::ISODateWithMs),
                         now.date().addDays(-3).toString(Qt::ISODate) }),
            9001);
        QCOMPARE(m_server.scalar(QStringLiteral(
                     "INSERT INTO web_order_lines(order_id, line_id, line_no, product_id, sku, "
                     "name, vat_basis_points, quantity, unit_price_cents, line_total_cents) "
                     "VALUES (9001, 'W1', 1, 1, 'SKU1', 'Product 1', 2100, 2, 1000, 2000), "
                     "(9001, 'W2', 2, 2, 'SKU2', 'Product 2', 2100, 3, 1000, 3000) "
                     "RETURNING 1")),
            1);
        QCOMPARE(m_server.scalar(QStringLiteral("INSERT INTO web_order_tenders(order_id, "
                                                "tender_no, method, amount_cents, reference, "
                                                "paid_at) VALUES (9001, 1, 'card', 5000, ?, ?) "
                                                "RETURNING 1"),
                     { m_poiTransaction, payment.poiTimestamp.toString(Qt::ISODateWithMs) }),
            1);
    }

    void webOrderLineBackToTheOriginalCard()
    {
        auto terminal = open();
        QVERIFY(terminal);
        Services::ReturnService &returns = terminal->returns();
        QSignalSpy completed(&returns, &Services::ReturnService::completed);
        const Core::Status found = returns.find(QStringLiteral("W1001"));
        QVERIFY2(found, found ? "" : qPrintable(found.error().detail));
        Services::ReturnView view = returns.view();
        QCOMPARE(view.stage, Services::ReturnView::Stage::Found);
        QVERIFY(view.online);
        QCOMPARE(view.order->origin, Core::ReturnOrigin::WebOrder);
        QCOMPARE(view.lines.size(), 2);
        QVERIFY(returns.setQuantity(QStringLiteral("W1"), 1));
        view = returns.view();
        QCOMPARE(view.total, Money::fromCents(1000));
        QCOMPARE(view.parts.size(), 1);
        QCOMPARE(view.parts.first().method, Core::RefundMethod::Card);

        const Core::Status refunded = returns.refund();
        QVERIFY2(refunded, refunded ? "" : qPrintable(refunded.error().message));
        QVERIFY(waitCompleted(returns, completed));
        const Core::Return &ret = returns.lastCompleted()->ret;
        QCOMPARE(ret.total, Money::fromCents(1000));
        QCOMPARE(ret.refunds.size(), 1);
        QCOMPARE(ret.refunds.first().method, Core::RefundMethod::Card);
        QCOMPARE(ret.refunds.first().originalReference, m_poiTransaction);
        QVERIFY(ret.receiptNumber.contains(QStringLiteral("-R0")));

        // The terminal made exactly one reversal, of exactly that amount, of that payment.
        const QList<QJsonObject> made = reversals();
        QCOMPARE(made.size(), 1);
        QCOMPARE(made.first().value(QStringLiteral("amountCents")).toInteger(), 1000);
        QCOMPARE(made.first().value(QStringLiteral("originalPoiTransactionId")).toString(),
            m_poiTransaction);
        QCOMPARE(ret.refunds.first().reference,
            made.first().value(QStringLiteral("poiTransactionId")).toString());
        // The server holds the claim; the tablet one return, one event, one journal entry.
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT returned_quantity FROM web_order_lines "
                                                "WHERE order_id = 9001 AND line_id = 'W1'")),
            1);
        Store::LocalDatabase &db = terminal->database();
        QCOMPARE(value(db, QStringLiteral("SELECT count(*) FROM returns")).toInt(), 1);
        QCOMPARE(
            value(db, QStringLiteral("SELECT count(*) FROM outbox WHERE type = 'return'")).toInt(),
            1);
        QCOMPARE(value(db, QStringLiteral("SELECT amount_cents FROM journal WHERE kind = 'return'"))
                     .toLongLong(),
            -1000);
        QVERIFY(terminal->sale().ledger().verifyJournal());
        m_returnReceipt = ret.receiptNumber;

        // Its receipt: the return form as a PDF, e-mailed like a sale's (saleId = return id).
        auto pdf = terminal->receipts().pdf(*returns.lastCompleted());
        QVERIFY2(pdf, pdf ? "" : qPrintable(pdf.error().detail));
        QVERIFY(pdf->startsWith("%PDF"));
        const Devices::ReceiptData receipt = Services::ReceiptService::receiptFor(
            *returns.lastCompleted(), terminal->sale().location());
        QVERIFY(receipt.returnPart);
        QCOMPARE(receipt.receiptNumber, ret.receiptNumber);
        QCOMPARE(receipt.returnPart->originalNumber, QStringLiteral("W1001"));
        QVERIFY(
            terminal->receipts().email(*returns.lastCompleted(), QStringLiteral("eva@example.nl")));
        QCOMPARE(
            value(db, QStringLiteral("SELECT count(*) FROM outbox WHERE type = 'receipt_email'"))
                .toInt(),
            1);
    }

    void partialReturnsOverTwoVisits()
    {
        auto terminal = open();
        QVERIFY(terminal);
        Services::ReturnService &returns = terminal->returns();
        QSignalSpy completed(&returns, &Services::ReturnService::completed);
        Money refunded;
        for (int visit = 1; visit <= 2; ++visit) {
            QVERIFY(returns.cancel());
            QVERIFY(returns.find(QStringLiteral("W1001")));
            const Services::ReturnView view = returns.view();
            const int returnable = view.lines.at(1).line.returnable();
            QCOMPARE(returnable, visit == 1 ? 3 : 2);
            // Never more than is left.
            QCOMPARE(returns.setQuantity(QStringLiteral("W2"), returnable + 1).error().code,
                QStringLiteral("return.quantity"));
            QVERIFY(returns.setQuantity(QStringLiteral("W2"), visit == 1 ? 1 : 2));
            QVERIFY(returns.refund());
            completed.clear();
            QVERIFY(waitCompleted(returns, completed));
            refunded += returns.lastCompleted()->ret.total;
        }
        // Every unit over both visits sums to the line total exactly.
        QCOMPARE(refunded, Money::fromCents(3000));
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT returned_quantity FROM web_order_lines "
                                                "WHERE order_id = 9001 AND line_id = 'W2'")),
            3);
        qint64 reversed = 0;
        for (const QJsonObject &r : reversals())
            reversed += r.value(QStringLiteral("amountCents")).toInteger();
        QCOMPARE(reversed, 4000);
        QCOMPARE(reversals().size(), 3);
    }

    void anotherStoresSaleClaimedOnline()
    {
        {
            auto opened = Services::Terminal::open(m_utrecht);
            QVERIFY(opened);
            QVERIFY(opened.value()->session().logIn(supervisorUtrecht, QStringLiteral("5678")));
            m_utrechtReceipt = sellCash(*opened.value(), 3, 2);
            QVERIFY(!m_utrechtReceipt.isEmpty());
        }
        QVERIFY(syncOnce(m_utrecht));

        auto terminal = open();
        QVERIFY(terminal);
        Services::ReturnService &returns = terminal->returns();
        QSignalSpy completed(&returns, &Services::ReturnService::completed);
        const qint64 stockBefore = value(terminal->database(),
            QStringLiteral("SELECT quantity FROM stock WHERE product_id = 3 AND location_id = 1"))
                                       .toLongLong();
        const Core::Status found = returns.find(m_utrechtReceipt);
        QVERIFY2(found, found ? "" : qPrintable(found.error().detail));
        QCOMPARE(returns.view().order->storeCode, QStringLiteral("UTR01"));
        QVERIFY(!returns.view().offlineOwnSale);
        const QString lineId = returns.view().lines.first().line.lineId;
        QVERIFY(returns.setQuantity(lineId, 1));
        QCOMPARE(returns.view().parts.first().method, Core::RefundMethod::Cash);
        QVERIFY(returns.refund());
        QVERIFY(waitCompleted(returns, completed));
        QCOMPARE(returns.lastCompleted()->ret.refunds.first().amount, Money::fromCents(1000));
        QVERIFY(!returns.lastCompleted()->ret.claimId.isEmpty());
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT returned_quantity FROM sale_lines l JOIN "
                                                "sales s ON s.sale_id = l.sale_id WHERE "
                                                "s.receipt_number = ?"),
                     { m_utrechtReceipt }),
            1);
        // Back on the shelf here (resellable).
        QCOMPARE(value(terminal->database(),
                     QStringLiteral(
                         "SELECT quantity FROM stock WHERE product_id = 3 AND location_id = 1"))
                     .toLongLong(),
            stockBefore + 1);
    }

    void someoneElseGotTheLastUnitFirst()
    {
        auto terminal = open();
        QVERIFY(terminal);
        Services::ReturnService &returns = terminal->returns();
        QVERIFY(returns.find(m_utrechtReceipt));
        const Services::ReturnView view = returns.view();
        const QString lineId = view.lines.first().line.lineId;
        QCOMPARE(view.lines.first().line.returnable(), 1);
        QVERIFY(returns.setQuantity(lineId, 1));

        // Meanwhile Utrecht takes the last unit back.
        {
            auto utrecht = Services::Terminal::open(m_utrecht);
            QVERIFY(utrecht);
            auto other = utrecht.value()->lookups().returns().claim(
                newId(), newId(), *view.order, { { lineId, 1 } }, QStringLiteral("UTR01"));
            QVERIFY2(other, other ? "" : qPrintable(other.error().detail));
        }

        const Core::Status refunded = returns.refund();
        QVERIFY(!refunded);
        QCOMPARE(refunded.error().code, QStringLiteral("return.quantity"));
        QVERIFY(!refunded.error().message.contains(QStringLiteral("HTTP")));
        QVERIFY2(refunded.error().message.contains(QStringLiteral("Product 3: 0")),
            qPrintable(refunded.error().message));
        QVERIFY(!refunded.error().message.isEmpty());
        // The lines are refreshed: nothing is left to return, nothing selected, no money went.
        const Services::ReturnView after = returns.view();
        QCOMPARE(after.stage, Services::ReturnView::Stage::Found);
        QCOMPARE(after.lines.first().line.returnable(), 0);
        QCOMPARE(after.lines.first().selected, 0);
        QCOMPARE(after.total, Money());
        Store::LocalDatabase &db = terminal->database();
        QCOMPARE(value(db, QStringLiteral("SELECT count(*) FROM returns WHERE origin_number = ?"),
                     { m_utrechtReceipt })
                     .toInt(),
            1);
        QCOMPARE(
            value(db, QStringLiteral("SELECT count(*) FROM refund_sessions WHERE state = 'open'"))
                .toInt(),
            0);
    }

    void windowPassedNeedsAnApproval()
    {
        QString receipt;
        {
            // Sold 40 days ago here (30-day window).
            Core::FixedClock past(QDateTime::currentDateTimeUtc().addDays(-40));
            auto old = open(&past);
            QVERIFY(old);
            receipt = sellCash(*old, 4, 1);
            QVERIFY(!receipt.isEmpty());
        }
        auto terminal = open();
        QVERIFY(terminal);
        Services::ReturnService &returns = terminal->returns();
        QSignalSpy completed(&returns, &Services::ReturnService::completed);
        QVERIFY(returns.find(receipt));
        QVERIFY(returns.view().lines.first().windowPassed);
        QVERIFY(returns.setQuantity(QStringLiteral("L1"), 1));
        QCOMPARE(returns.view().needsApproval,
            std::optional<Core::Permission>(Core::Permission::ApproveReturnException));
        QVERIFY(!returns.view().approvalWhy.isEmpty());
        QCOMPARE(returns.refund().error().code, QStringLiteral("return.approval_missing"));

        // A cashier's "approval" is refused here, not only on the sheet.
        Core::Authorisation byCashier;
        byCashier.permission = Core::Permission::ApproveReturnException;
        byCashier.requestedBy = cashier;
        byCashier.approvedBy = cashier;
        byCashier.approvedAt = QDateTime::currentDateTimeUtc();
        QCOMPARE(returns.approve(byCashier).error().code, QStringLiteral("override.not_allowed"));
        QVERIFY(returns.view().needsApproval);

        auto approval = terminal->overrides().approve(manager, QStringLiteral("9999"),
            Core::Permission::ApproveReturnException,
            { QStringLiteral("L1"), Money(), returns.view().approvalWhy },
            QStringLiteral("Customer was abroad"));
        QVERIFY2(approval, approval ? "" : qPrintable(approval.error().message));
        QVERIFY(returns.approve(*approval));
        QVERIFY(!returns.view().needsApproval);
        QVERIFY(returns.refund());
        QVERIFY(waitCompleted(returns, completed));
        QCOMPARE(returns.lastCompleted()->ret.authorisations.size(), 1);
        QCOMPARE(returns.lastCompleted()->ret.authorisations.first().approvedBy, manager);
    }

    void noReceiptStoreCreditWithAManager()
    {
        auto terminal = open();
        QVERIFY(terminal);
        Services::ReturnService &returns = terminal->returns();
        QSignalSpy completed(&returns, &Services::ReturnService::completed);
        const Core::Status attached = terminal->sale().attachCustomer(customerCard);
        QVERIFY2(attached, attached ? "" : qPrintable(attached.error().message));
        QVERIFY(returns.startWithoutReceipt());
        QVERIFY(returns.addProduct(2, 1));
        const Services::ReturnView view = returns.view();
        QCOMPARE(view.methods,
            QList<Core::RefundMethod>(
                { Core::RefundMethod::StoreCredit, Core::RefundMethod::Exchange }));
        QCOMPARE(view.needsApproval,
            std::optional<Core::Permission>(Core::Permission::RefundWithoutReceipt));
        QCOMPARE(view.total, Money::fromCents(1000));
        QCOMPARE(returns.refund().error().code, QStringLiteral("return.approval_missing"));
        auto approval = terminal->overrides().approve(manager, QStringLiteral("9999"),
            Core::Permission::RefundWithoutReceipt, { QString(), view.total, view.approvalWhy },
            QStringLiteral("Gift without receipt"));
        QVERIFY(approval);
        QVERIFY(returns.approve(*approval));
        QVERIFY(returns.refund());
        QVERIFY(waitCompleted(returns, completed));
        const Core::Return &ret = returns.lastCompleted()->ret;
        QCOMPARE(ret.origin, Core::ReturnOrigin::NoReceipt);
        QCOMPARE(ret.refunds.size(), 1);
        QCOMPARE(ret.refunds.first().method, Core::RefundMethod::StoreCredit);
        QCOMPARE(ret.refunds.first().reference, customerCard);
        QCOMPARE(ret.refunds.first().amount, Money::fromCents(1000));
        QVERIFY(terminal->sale().clear());
    }

    void exchangeWithABiggerAndASmallerSale()
    {
        auto terminal = open();
        QVERIFY(terminal);
        const QString receipt = sellCash(*terminal, 1, 3); // € 30
        QVERIFY(!receipt.isEmpty());
        Services::ReturnService &returns = terminal->returns();
        Services::PaymentService &pay = terminal->payments();
        QSignalSpy completed(&returns, &Services::ReturnService::completed);
        Store::LocalDatabase &db = terminal->database();

        // Bigger: € 10 back, € 20 new → € 10 still to pay.
        QVERIFY(returns.find(receipt));
        QVERIFY(returns.setQuantity(QStringLiteral("L1"), 1));
        const Core::Status started = returns.startExchange();
        QVERIFY2(started, started ? "" : qPrintable(started.error().message));
        QVERIFY(terminal->sale().exchangeCredit());
        QVERIFY(terminal->sale().addProduct(2));
        QVERIFY(terminal->sale().addProduct(2));
        QVERIFY(pay.begin());
        QCOMPARE(pay.view().tenders.size(), 1);
        QCOMPARE(pay.view().tenders.first().method, Core::TenderMethod::ReturnCredit);
        QCOMPARE(pay.view().remaining, Money::fromCents(1000));
        QVERIFY(completed.isEmpty());
        QVERIFY(pay.payCash(Money::fromCents(1000)));
        QVERIFY(waitCompleted(returns, completed));
        const Core::Return bigger = returns.lastCompleted()->ret;
        QCOMPARE(bigger.refunds.size(), 1);
        QCOMPARE(bigger.refunds.first().method, Core::RefundMethod::Exchange);
        QCOMPARE(bigger.refunds.first().amount, Money::fromCents(1000));
        QCOMPARE(bigger.exchangeSaleId, pay.lastCompleted()->saleId);
        // The new sale's receipt names the return by its receipt number, not its id (the
        // sale's tender keeps the id: the wire form is unchanged).
        {
            const Devices::ReceiptData printed = terminal->sale().receiptFor(*pay.lastCompleted());
            const auto credit = std::find_if(printed.tenders.cbegin(), printed.tenders.cend(),
                [](const Devices::ReceiptData::TenderRow &row) {
                    return row.method == Core::TenderMethod::ReturnCredit;
                });
            QVERIFY(credit != printed.tenders.cend());
            QCOMPARE(credit->reference, returns.lastCompleted()->receiptNumber);
            QString text;
            for (const Devices::ReceiptLine &line : Devices::ReceiptLayout::layout(printed))
                text += line.text + QLatin1Char('\n');
            QVERIFY2(text.contains(QStringLiteral("Return %1").arg(bigger.receiptNumber)),
                qPrintable(text));
            QVERIFY2(!text.contains(bigger.returnId), qPrintable(text));
            QCOMPARE(pay.lastCompleted()->sale.tenders.first().reference, bigger.returnId);
        }
        // One transaction: the return's event is pushed before the new sale's.
        QVERIFY(value(db,
                    QStringLiteral("SELECT device_seq FROM outbox WHERE type = 'return' "
                                   "ORDER BY device_seq DESC LIMIT 1"))
                    .toLongLong()
            < value(db,
                QStringLiteral(
                    "SELECT device_seq FROM outbox WHERE type = 'sale' ORDER BY device_seq DESC "
                    "LIMIT 1"))
                  .toLongLong());

        // Smaller: € 20 back, € 10 new → the credit pays it all; € 10 back in cash.
        completed.clear();
        QVERIFY(returns.find(receipt));
        QCOMPARE(returns.view().lines.first().line.returnable(), 2);
        QVERIFY(returns.setQuantity(QStringLiteral("L1"), 2));
        QVERIFY(returns.startExchange());
        QVERIFY(terminal->sale().addProduct(2));
        QVERIFY(pay.begin()); // the credit settles the whole sale: recorded at once
        QVERIFY(waitCompleted(returns, completed));
        const Core::Return smaller = returns.lastCompleted()->ret;
        QCOMPARE(smaller.total, Money::fromCents(2000));
        QCOMPARE(smaller.refunds.size(), 2);
        QCOMPARE(smaller.refunds.at(0).method, Core::RefundMethod::Exchange);
        QCOMPARE(smaller.refunds.at(0).amount, Money::fromCents(1000));
        QCOMPARE(smaller.refunds.at(1).method, Core::RefundMethod::Cash);
        QCOMPARE(smaller.refunds.at(1).amount, Money::fromCents(1000));
        QCOMPARE(value(db,
                     QStringLiteral("SELECT returned_quantity FROM sale_lines l JOIN sales s ON "
                                    "s.id = l.sale_id WHERE s.receipt_number = ?"),
                     { receipt })
                     .toInt(),
            3);
        QVERIFY(!terminal->sale().exchangeCredit());
        QVERIFY(terminal->sale().ledger().verifyJournal());

        // Clearing the basket gives an exchange up (nothing recorded).
        const qint64 returnsBefore
            = value(db, QStringLiteral("SELECT count(*) FROM returns")).toLongLong();
        const QString second = sellCash(*terminal, 1, 1);
        QVERIFY(returns.find(second));
        QVERIFY(returns.setQuantity(QStringLiteral("L1"), 1));
        QVERIFY(returns.startExchange());
        QVERIFY(terminal->sale().addProduct(2));
        QVERIFY(terminal->sale().clear());
        QVERIFY(!terminal->sale().exchangeCredit());
        QCOMPARE(returns.view().stage, Services::ReturnView::Stage::Found);
        QCOMPARE(
            value(db, QStringLiteral("SELECT count(*) FROM returns")).toLongLong(), returnsBefore);
        QCOMPARE(
            value(db, QStringLiteral("SELECT count(*) FROM refund_sessions WHERE state = 'open'"))
                .toInt(),
            0);
    }

    void badInput_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("code");
        QTest::newRow("invalid code") << "invalid"
                                      << "return.invalid_code";
        QTest::newRow("control characters") << "control"
                                            << "return.invalid_code";
        QTest::newRow("quantity above returnable") << "quantity"
                                                   << "return.quantity";
        QTest::newRow("unknown line") << "line"
                                      << "return.unknown_line";
        QTest::newRow("return of a return") << "of_return"
                                            << "return.of_return";
        QTest::newRow("refund method not allowed") << "method"
                                                   << "refund.method";
    }

    void badInput()
    {
        QFETCH(QString, what);
        QFETCH(QString, code);
        auto terminal = open();
        QVERIFY(terminal);
        Services::ReturnService &returns = terminal->returns();
        const QString receipt = sellCash(*terminal, 5, 2);
        QVERIFY(!receipt.isEmpty());
        Core::Status status = Core::success();
        if (what == QLatin1String("invalid")) {
            status = returns.find(QString());
        } else if (what == QLatin1String("control")) {
            status = returns.find(QStringLiteral("AMS\x01-1"));
        } else if (what == QLatin1String("of_return")) {
            QVERIFY(!m_returnReceipt.isEmpty());
            status = returns.find(m_returnReceipt);
        } else {
            QVERIFY(returns.find(receipt));
            if (what == QLatin1String("quantity"))
                status = returns.setQuantity(QStringLiteral("L1"), 3);
            else if (what == QLatin1String("line"))
                status = returns.setQuantity(QStringLiteral("L9"), 1);
            else if (what == QLatin1String("method"))
                status = returns.chooseMethod(Core::RefundMethod::Card); // paid in cash
        }
        QVERIFY(!status);
        QCOMPARE(status.error().code, code);
        QVERIFY(!status.error().message.isEmpty());
    }

    void ownSaleOffline()
    {
        auto terminal = open();
        QVERIFY(terminal);
        const QString receipt = sellCash(*terminal, 6, 2);
        QVERIFY(!receipt.isEmpty());
        m_server.kill();
        Services::ReturnService &returns = terminal->returns();
        QSignalSpy completed(&returns, &Services::ReturnService::completed);
        const Core::Status found = returns.find(receipt);
        QVERIFY2(found, found ? "" : qPrintable(found.error().detail));
        QVERIFY(returns.view().offlineOwnSale);
        QVERIFY(!returns.view().online);
        QVERIFY(returns.setQuantity(QStringLiteral("L1"), 1));
        QVERIFY(returns.refund());
        QVERIFY(waitCompleted(returns, completed));
        QVERIFY(returns.lastCompleted()->ret.claimId.isEmpty());
        Store::LocalDatabase &db = terminal->database();
        QCOMPARE(value(db,
                     QStringLiteral("SELECT returned_quantity FROM sale_lines l JOIN sales s ON "
                                    "s.id = l.sale_id WHERE s.receipt_number = ?"),
                     { receipt })
                     .toInt(),
            1);
        // Counted locally: one left on the next visit.
        QVERIFY(returns.find(receipt));
        QCOMPARE(returns.view().lines.first().line.returnable(), 1);
        QVERIFY(returns.cancel());
        // Another store's number needs the network.
        QCOMPARE(returns.find(QStringLiteral("W1001")).error().code,
            QStringLiteral("return.needs_network"));
        QVERIFY(m_server.restartOnSamePort());
    }
};

QTEST_MAIN(TestReturnService)
#include "tst_returnservice.moc"
