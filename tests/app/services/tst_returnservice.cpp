// ReturnService against the real toonbank-server (enrolled with toonbank-synctool like a real
// tablet) and the real toonbank-terminal-sim process: a web order's line refunded to the
// original card (one reversal of exactly that amount at the terminal), partial returns over two
// visits, another store's sale claimed online, the last unit claimed elsewhere first (409: a
// plain message, lines refreshed), the window passed (a cashier's approval refused, a
// manager's accepted), no receipt (store credit with a manager), exchanges with a bigger and a
// smaller new sale (one transaction, the return's event first), bad input, and this tablet's
// own sale returned offline with its returned quantity counted locally; a card reversal the
// terminal refuses (retried with a new ServiceID, then moved onto a gift card or store credit,
// the server accepting the event; a web order that has no other way: retry or cancel), and a
// claim whose answer was lost, asked again by "Check again".
#include "app/core/permissions.h"
#include "app/devices/nexo.h"
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

// The real client, with answers that can be lost on purpose (the network dropping the reply).
class LossyReturnsClient final : public Services::ReturnsClient
{
public:
    explicit LossyReturnsClient(Services::ReturnsClient &real)
        : m_real(real)
    { }
    bool loseClaimAnswer = false; // claim(): no answer
    bool claimReachesServer = true; // … after the server got it (or not)
    bool loseGrantedAnswer = false; // claimGranted(): no answer

    bool isOnline() const override { return m_real.isOnline(); }
    Core::Result<Found> lookup(const QString &code) override { return m_real.lookup(code); }
    Core::Result<Core::ReturnableOrder> claim(const QString &claimId, const QString &returnId,
        const Core::ReturnableOrder &order, const QList<Core::ReturnRequestLine> &lines,
        const QString &storeCode, QList<QPair<QString, int>> *left) override
    {
        if (!loseClaimAnswer)
            return m_real.claim(claimId, returnId, order, lines, storeCode, left);
        if (claimReachesServer)
            (void)m_real.claim(claimId, returnId, order, lines, storeCode, left);
        return lost();
    }
    Core::Status releaseClaim(const QString &claimId) override
    {
        return m_real.releaseClaim(claimId);
    }
    Core::Result<bool> claimGranted(const QString &claimId) override
    {
        if (loseGrantedAnswer)
            return lost();
        return m_real.claimGranted(claimId);
    }

private:
    static Core::Error lost()
    {
        return Core::Error::make(QStringLiteral("sync.timeout"),
            QStringLiteral("No answer from the server"), QStringLiteral("lost on purpose"));
    }
    Services::ReturnsClient &m_real;
};

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

    // Pushes what the tablet holds; whether the server applied the return `returnId`.
    bool pushedAndApplied(const QString &returnId)
    {
        if (!syncOnce(m_cache))
            return false;
        const qint64 applied = m_server.scalar(
            QStringLiteral("SELECT count(*) FROM returns r JOIN events e ON e.event_id = "
                           "r.event_id WHERE r.return_id = ? AND e.status = 'applied' AND e.type "
                           "= 'return'"),
            { returnId });
        for (int row = 0; applied != 1 && row < 20; ++row) {
            const QString rejected = m_server.text(
                QStringLiteral("SELECT type || ': ' || reason_code || ': ' || reason || CASE WHEN "
                               "payload LIKE ? THEN ' (this return)' ELSE '' END FROM events "
                               "WHERE status = 'rejected' ORDER BY 1 LIMIT 1 OFFSET ?"),
                { QStringLiteral("%%1%").arg(returnId), row });
            if (rejected.isEmpty())
                break;
            qWarning().noquote() << "not applied:" << returnId << "; rejected:" << rejected;
        }
        return applied == 1;
    }

    // A sale of `quantity` × product paid by card at the terminal, with the customer's card
    // attached, pushed to the server; its receipt number and the card payment's POI id.
    QString sellByCard(qint64 productId, int quantity, QString *poiTransactionId)
    {
        auto terminal = open();
        if (!terminal)
            return {};
        if (!terminal->sale().attachCustomer(customerCard))
            return {};
        for (int i = 0; i < quantity; ++i) {
            if (!terminal->sale().addProduct(productId))
                return {};
        }
        Services::PaymentService &pay = terminal->payments();
        QSignalSpy paid(&pay, &Services::PaymentService::completed);
        if (!pay.begin() || !pay.payCard(pay.view().remaining) || !paid.wait(15000))
            return {};
        const QString receipt = pay.lastCompleted()->receiptNumber;
        terminal.reset();
        for (const QJsonValue &t : m_sim.transactions()) {
            if (t.toObject().value(QStringLiteral("kind")).toString() == QLatin1String("payment"))
                *poiTransactionId
                    = t.toObject().value(QStringLiteral("poiTransactionId")).toString();
        }
        return syncOnce(m_cache) ? receipt : QString();
    }

    // Somebody reverses `cents` of the payment at the terminal directly: later reversals of
    // more than is left are refused by the terminal.
    bool reverseAtTheTerminal(const QString &poiTransactionId, qint64 cents)
    {
        QSignalSpy reversed(m_card.get(), &Devices::PaymentTerminal::reversalFinished);
        m_card->reverse(
            { Devices::Nexo::newServiceId(), poiTransactionId, QDateTime::currentDateTimeUtc(),
                Money::fromCents(cents), QStringLiteral("MerchantCancel") });
        return reversed.wait(10000)
            && reversed.first().first().value<Devices::ReversalResult>().outcome
            == Devices::TerminalOutcome::Approved;
    }

    static bool waitFailed(QSignalSpy &failed, const QString &code)
    {
        if (failed.isEmpty() && !failed.wait(15000))
            return false;
        const auto error = failed.takeFirst().first().value<Core::Error>();
        if (error.code != code)
            qWarning().noquote() << "failed with" << error.code << error.detail;
        return error.code == code;
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

    void refusedCardPartRetriedThenMoved()
    {
        QString payment;
        const QString receipt = sellByCard(1, 2, &payment); // € 20 by card
        QVERIFY(!receipt.isEmpty());
        QVERIFY(!payment.isEmpty());
        // The payment was already given back in full at the terminal: it refuses any reversal.
        QVERIFY(reverseAtTheTerminal(payment, 2000));

        auto terminal = open();
        QVERIFY(terminal);
        Services::ReturnService &returns = terminal->returns();
        QSignalSpy completed(&returns, &Services::ReturnService::completed);
        QSignalSpy failed(&returns, &Services::ReturnService::failed);
        QVERIFY(returns.find(receipt));
        QVERIFY(returns.setQuantity(QStringLiteral("L1"), 1));
        QCOMPARE(returns.view().parts.first().method, Core::RefundMethod::Card);
        const int reversalsBefore = int(reversals().size());
        QVERIFY(returns.refund());
        QVERIFY(waitFailed(failed, QStringLiteral("refund.card_refused")));

        // The part failed; staff can retry it or give it back another way (a store sale with
        // the customer's card: store credit or a gift card; no cash was paid, so no cash).
        Services::RefundPartView part = returns.view().parts.first();
        QCOMPARE(part.state, Services::RefundPartView::State::Failed);
        QVERIFY(part.canRetry);
        QCOMPARE(part.moveTo,
            QList<Core::RefundMethod>(
                { Core::RefundMethod::StoreCredit, Core::RefundMethod::GiftCard }));
        QVERIFY(part.noAlternativeWhy.isEmpty());
        QCOMPARE(returns.refundFailedPartWith(0, Core::RefundMethod::Cash).error().code,
            QStringLiteral("refund.method"));
        QCOMPARE(returns.retryPart(1).error().code, QStringLiteral("refund.not_failed"));

        // Retry: a new reversal (its own ServiceID) goes to the terminal, refused again.
        QVERIFY(returns.retryPart(0));
        QVERIFY(waitFailed(failed, QStringLiteral("refund.card_refused")));
        const QList<QJsonObject> made = reversals();
        QCOMPARE(made.size(), reversalsBefore + 2);
        QVERIFY(made.at(made.size() - 1).value(QStringLiteral("serviceId")).toString()
            != made.at(made.size() - 2).value(QStringLiteral("serviceId")).toString());
        QCOMPARE(returns.view().parts.first().state, Services::RefundPartView::State::Failed);

        // Onto a gift card: it needs the card's number (a new card is activated by the server).
        QCOMPARE(returns.refundFailedPartWith(0, Core::RefundMethod::GiftCard).error().code,
            QStringLiteral("refund.reference_missing"));
        QCOMPARE(returns.setGiftCardNumber(QStringLiteral("12ab")).error().code,
            QStringLiteral("gift.number"));
        QVERIFY(returns.setGiftCardNumber(QStringLiteral("6000 1111 2222 3333")));
        QCOMPARE(returns.view().giftCardNumber, QStringLiteral("6000111122223333"));
        const Core::Status moved = returns.refundFailedPartWith(0, Core::RefundMethod::GiftCard);
        QVERIFY2(moved, moved ? "" : qPrintable(moved.error().message));
        QVERIFY(waitCompleted(returns, completed));
        const Core::Return gift = returns.lastCompleted()->ret;
        QCOMPARE(gift.refunds.size(), 1);
        QCOMPARE(gift.refunds.first().method, Core::RefundMethod::GiftCard);
        QCOMPARE(gift.refunds.first().reference, QStringLiteral("6000111122223333"));
        QCOMPARE(gift.refunds.first().amount, Money::fromCents(1000));
        QVERIFY(gift.refunds.first().claimId.isEmpty());
        QCOMPARE(gift.total, Money::fromCents(1000));
        // The server accepts the event and activates the new card with € 10 on it.
        terminal.reset();
        QVERIFY(pushedAndApplied(gift.returnId));
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT balance_cents FROM gift_cards WHERE "
                                                "number = '6000111122223333' AND state = "
                                                "'active'")),
            1000);

        // The second unit: refused again, given back as store credit.
        terminal = open();
        QVERIFY(terminal);
        Services::ReturnService &again = terminal->returns();
        QSignalSpy completedAgain(&again, &Services::ReturnService::completed);
        QSignalSpy failedAgain(&again, &Services::ReturnService::failed);
        QVERIFY(again.find(receipt));
        QVERIFY(again.setQuantity(QStringLiteral("L1"), 1));
        QVERIFY(again.refund());
        QVERIFY(waitFailed(failedAgain, QStringLiteral("refund.card_refused")));
        QVERIFY(again.refundFailedPartWith(0, Core::RefundMethod::StoreCredit));
        QVERIFY(waitCompleted(again, completedAgain));
        const Core::Return credit = again.lastCompleted()->ret;
        QCOMPARE(credit.refunds.size(), 1);
        QCOMPARE(credit.refunds.first().method, Core::RefundMethod::StoreCredit);
        QCOMPARE(credit.refunds.first().reference, customerCard);
        QCOMPARE(credit.refunds.first().amount, Money::fromCents(1000));
        terminal.reset();

        // The server accepts this one too: the customer has € 10 more store credit.
        const qint64 creditBefore = m_server.scalar(QStringLiteral(
            "SELECT COALESCE(SUM(balance_cents), 0) FROM store_credit WHERE customer_id = 1"));
        QVERIFY(pushedAndApplied(credit.returnId));
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COALESCE(SUM(balance_cents), 0) FROM "
                                                "store_credit WHERE customer_id = 1")),
            creditBefore + 1000);
    }

    void giftCardMethodNamesTheCard()
    {
        QString receipt;
        {
            auto terminal = open();
            QVERIFY(terminal);
            receipt = sellCash(*terminal, 3, 1);
            QVERIFY(!receipt.isEmpty());
        }
        QVERIFY(syncOnce(m_cache));
        auto terminal = open();
        QVERIFY(terminal);
        Services::ReturnService &returns = terminal->returns();
        QSignalSpy completed(&returns, &Services::ReturnService::completed);
        QVERIFY(returns.find(receipt));
        QVERIFY(returns.setQuantity(QStringLiteral("L1"), 1));
        QVERIFY(returns.chooseMethod(Core::RefundMethod::GiftCard));
        // No number: refused here, not by the server later.
        const Core::Status missing = returns.refund();
        QCOMPARE(missing.error().code, QStringLiteral("refund.reference_missing"));
        QVERIFY(!missing.error().message.isEmpty());
        QCOMPARE(returns.view().stage, Services::ReturnView::Stage::Found);
        // The card of the test above: it is active, so the server tops it up.
        QVERIFY(returns.setGiftCardNumber(QStringLiteral("6000-1111-2222-3333")));
        QVERIFY(returns.refund());
        QVERIFY(waitCompleted(returns, completed));
        const Core::Return ret = returns.lastCompleted()->ret;
        QCOMPARE(ret.refunds.size(), 1);
        QCOMPARE(ret.refunds.first().method, Core::RefundMethod::GiftCard);
        QCOMPARE(ret.refunds.first().reference, QStringLiteral("6000111122223333"));
        terminal.reset();
        QVERIFY(pushedAndApplied(ret.returnId));
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT balance_cents FROM gift_cards WHERE "
                                                "number = '6000111122223333'")),
            1000 + ret.total.cents());
    }

    void webOrderCardRefusedHasNoOtherWay()
    {
        // W1001's card payment (€ 50) had € 40 reversed by the returns above; the rest was
        // given back at the terminal: the last unit of W1 cannot go back to the card, and the
        // law wants a web order refunded to the original method.
        QVERIFY(reverseAtTheTerminal(m_poiTransaction, 1000));
        auto terminal = open();
        QVERIFY(terminal);
        Services::ReturnService &returns = terminal->returns();
        QSignalSpy failed(&returns, &Services::ReturnService::failed);
        QVERIFY(returns.find(QStringLiteral("W1001")));
        QVERIFY(returns.setQuantity(QStringLiteral("W1"), 1));
        QVERIFY(returns.refund());
        QVERIFY(waitFailed(failed, QStringLiteral("refund.card_refused")));
        const Services::RefundPartView part = returns.view().parts.first();
        QCOMPARE(part.state, Services::RefundPartView::State::Failed);
        QVERIFY(part.canRetry);
        QVERIFY(part.moveTo.isEmpty());
        QVERIFY(!part.noAlternativeWhy.isEmpty());
        const Core::Status other = returns.refundFailedPartWith(0, Core::RefundMethod::StoreCredit);
        QCOMPARE(other.error().code, QStringLiteral("refund.method"));
        QCOMPARE(other.error().message, part.noAlternativeWhy);
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT returned_quantity FROM web_order_lines "
                                                "WHERE order_id = 9001 AND line_id = 'W1'")),
            2); // claimed
        // Cancel gives the claim back: nothing was refunded.
        QVERIFY(returns.cancel());
        QCOMPARE(returns.view().stage, Services::ReturnView::Stage::Empty);
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT returned_quantity FROM web_order_lines "
                                                "WHERE order_id = 9001 AND line_id = 'W1'")),
            1);
    }

    void checkAgainAsksALostClaimAgain()
    {
        QString receipt;
        {
            auto terminal = open();
            QVERIFY(terminal);
            receipt = sellCash(*terminal, 2, 2);
            QVERIFY(!receipt.isEmpty());
        }
        QVERIFY(syncOnce(m_cache)); // on the server: a return of it is claimed there
        auto terminal = open();
        QVERIFY(terminal);
        Services::ReturnService &returns = terminal->returns();
        LossyReturnsClient lossy(terminal->lookups().returns());
        returns.setClient(&lossy);
        QSignalSpy completed(&returns, &Services::ReturnService::completed);
        QSignalSpy failed(&returns, &Services::ReturnService::failed);
        const auto returned = [this, &receipt] {
            return m_server.scalar(QStringLiteral("SELECT returned_quantity FROM sale_lines l "
                                                  "JOIN sales s ON s.sale_id = l.sale_id WHERE "
                                                  "s.receipt_number = ?"),
                { receipt });
        };

        // The server granted the claim, but its answer and the next one were lost.
        QVERIFY(returns.find(receipt));
        QVERIFY(!returns.view().offlineOwnSale);
        QVERIFY(returns.setQuantity(QStringLiteral("L1"), 1));
        lossy.loseClaimAnswer = true;
        lossy.loseGrantedAnswer = true;
        Core::Status refunded = returns.refund();
        QCOMPARE(refunded.error().code, QStringLiteral("return.claim_unknown"));
        QCOMPARE(returns.view().stage, Services::ReturnView::Stage::Refunding);
        QVERIFY(returns.view().waitingForClaim);
        QCOMPARE(returns.view().parts.first().state, Services::RefundPartView::State::Planned);
        QCOMPARE(returned(), 1);
        returns.checkAgain(); // still no answer: nothing runs
        QVERIFY(waitFailed(failed, QStringLiteral("return.claim_unknown")));
        QCOMPARE(returns.view().parts.first().state, Services::RefundPartView::State::Planned);
        QVERIFY(completed.isEmpty());
        lossy.loseGrantedAnswer = false;
        returns.checkAgain(); // granted: the cash goes
        QVERIFY(waitCompleted(returns, completed));
        QCOMPARE(returns.lastCompleted()->ret.refunds.first().method, Core::RefundMethod::Cash);
        QCOMPARE(returned(), 1);

        // The claim never reached the server: back to the lines, refunded anew.
        completed.clear();
        QVERIFY(returns.find(receipt));
        QVERIFY(returns.setQuantity(QStringLiteral("L1"), 1));
        lossy.claimReachesServer = false;
        lossy.loseGrantedAnswer = true;
        refunded = returns.refund();
        QCOMPARE(refunded.error().code, QStringLiteral("return.claim_unknown"));
        lossy.loseGrantedAnswer = false;
        returns.checkAgain();
        QCOMPARE(returns.view().stage, Services::ReturnView::Stage::Found);
        QCOMPARE(returns.view().lines.first().selected, 1);
        QVERIFY(!returns.view().waitingForClaim);
        QCOMPARE(returns.view().total, Money::fromCents(1000));
        QVERIFY(completed.isEmpty());
        QCOMPARE(returned(), 1);
        lossy.loseClaimAnswer = false;
        QVERIFY(returns.refund());
        QVERIFY(waitCompleted(returns, completed));
        QCOMPARE(returned(), 2);
        QCOMPARE(value(terminal->database(),
                     QStringLiteral("SELECT count(*) FROM refund_sessions WHERE state = 'open'"))
                     .toInt(),
            0);
        returns.setClient(&terminal->lookups().returns());
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
