// Returns' "done when" for the return screen, end to end through the real window (offscreen): a
// real toonbank-server (SQLite) with a web order imported by `toonbank-admin import web-orders`,
// a tablet cache enrolled by toonbank-synctool and synced by the SyncEngine, and the real
// toonbank-terminal-sim process behind NexoHttpTerminal, as main() wires them.
// 1. One line of a web order back to the original card: the order's QR scanned on the sell
//    screen opens the return screen, one line picked, Refund, the terminal reverses exactly that
//    line's paid share of the web shop's card payment, the return receipt shows.
// 2. A final-sale item of a store sale: Refund asks a manager on the override sheet first.
// 3. An exchange of a store sale: one line returned as an exchange, another product added, the
//    difference paid in cash; the ledger holds the return and the new sale.
// Screenshots of every state in nl and en, landscape and portrait.
#include "app/core/barcode.h"
#include "app/core/returns.h"
#include "app/devices/nexo.h"
#include "app/devices/paymentterminal.h"
#include "app/services/customerservice.h"
#include "app/services/paymentservice.h"
#include "app/services/receiptservice.h"
#include "app/services/returnservice.h"
#include "app/services/saleservice.h"
#include "app/services/serverlookups.h"
#include "app/services/session.h"
#include "app/services/syncstatus.h"
#include "app/services/terminal.h"
#include "tests/support/terminalsimprocess.h"
#include "tests/ui/flowfixture.h"
#include "ui/choicesheet.h"
#include "ui/customerscreen.h"
#include "ui/overridesheet.h"
#include "ui/payscreen.h"
#include "ui/receiptscreen.h"
#include "ui/returnscreen.h"
#include "ui/sellscreen.h"

#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalSpy>
#include <QTest>

using namespace Toonbank;
using namespace Toonbank::Tests;

namespace {

constexpr qint64 cashier = 7; // Ann, AMS01, PIN 1234 (ServerFixture::seed)
constexpr qint64 manager = 9; // added here, AMS01, PIN 9999
constexpr qint64 headphonesId = 41; // € 39,99
constexpr qint64 cableId = 42; // € 12,34
constexpr qint64 boxersId = 43; // € 14,95, "Underwear": final sale (ReturnPolicy::defaults)
const QString webOrderNumber = QStringLiteral("W-10023");
const QString customerCard = QStringLiteral("2990000000019");
// The web order: headphones € 39,99 and two cables under "2 for € 20,00", € 4,95 delivery,
// paid by card at the web shop's payment provider (the same acquirer as the store terminal).
constexpr qint64 webCablesTotal = 2000;
constexpr qint64 webGoods = 3999 + webCablesTotal;
constexpr qint64 webDelivery = 495;

} // namespace

class TestReturnFlow final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    ServerFixture m_server;
    TerminalSimProcess m_sim;
    QString m_webPayment; // the web shop's card payment at the terminal: POI transaction id
    FlowUi m_ui;
    FlowTablet m_tablet;
    QList<Services::CompletedReturn> m_returned;

    Ui::MainWindow *window() { return m_tablet.window.get(); }
    Services::Terminal &terminal() { return *m_tablet.terminal; }
    template <typename T> T *find(const char *name) { return m_tablet.find<T>(name); }
    void click(const char *name) { m_tablet.click(name); }
    QString text(const char *name) { return m_tablet.text(name); }
    Services::SaleService &sale() { return terminal().sale(); }
    Services::ReturnService &returns() { return terminal().returns(); }
    QWidget *current() { return m_tablet.current(); }
    QWidget *returnScreen() { return window()->returnScreen(); }

    /// A hand scanner: fast keystrokes ending in Enter, sent to whatever has focus.
    void scan(const QString &code)
    {
        QWidget *target = QApplication::focusWidget() ? QApplication::focusWidget() : window();
        QTest::keyClicks(target, code);
        QTest::keyClick(target, Qt::Key_Return);
    }
    /// The menu's "Returns", as staff tap it.
    void openReturnsFromMenu()
    {
        openFromMenu(window(), QStringLiteral("Returns"));
        QCOMPARE(current(), returnScreen());
    }
    void syncNow() { m_tablet.syncNow(); }
    /// What is on screen now, in both languages and both orientations, saved under
    /// <build>/test-output/screenshots/ and, when TOONBANK_SCREENS_DIR is set, there too.
    void shots(const QString &name) { Tests::shots(window(), *m_ui.language, name); }
    QList<QVariantList> cacheRows(const QString &sql, const QVariantList &params, int columns)
    {
        return m_tablet.cacheRows(sql, params, columns);
    }
    /// Approved reversals the terminal made of the payment `poiTransactionId`.
    QList<qint64> simReversalsOf(const QString &poiTransactionId)
    {
        QList<qint64> amounts;
        const QJsonArray transactions = m_sim.transactions();
        for (const QJsonValue &value : transactions) {
            const QJsonObject t = value.toObject();
            if (t.value(QStringLiteral("kind")).toString() == QLatin1String("reversal")
                && t.value(QStringLiteral("originalPoiTransactionId")).toString()
                    == poiTransactionId
                && t.value(QStringLiteral("state")).toString() == QLatin1String("approved"))
                amounts.append(t.value(QStringLiteral("amountCents")).toInteger());
        }
        return amounts;
    }
    int simReversals()
    {
        int count = 0;
        const QJsonArray transactions = m_sim.transactions();
        for (const QJsonValue &value : transactions)
            count += value.toObject().value(QStringLiteral("kind")).toString()
                == QLatin1String("reversal");
        return count;
    }
    static QString barcode(const QString &twelve)
    {
        return twelve + QString::number(Core::Barcode::checkDigit(twelve));
    }
    /// Sells `productId` for cash on the real screens and returns the completed sale.
    Services::CompletedSale sellForCash(qint64 productId)
    {
        if (!sale().addProduct(productId))
            return {};
        const Services::CompletedSale sold = m_tablet.payCash();
        if (!sold.saleId.isEmpty())
            click("receiptNone");
        return sold;
    }

private slots:
    void initTestCase()
    {
        prepareDevice(m_dir, "00112233445566778899aabbccddeeff");
        QVERIFY(m_sim.start());
    }
    void cleanupTestCase()
    {
        m_ui.stop();
        m_tablet.reset();
    }

    void theWebShopTookACardPayment()
    {
        // The web shop's provider charged the customer's card (the same acquirer as the store
        // terminal): the web order's tender names that POI transaction.
        Devices::NexoHttpTerminal::Config config;
        config.endpoint = m_sim.endpoint();
        config.saleId = QStringLiteral("WEBSHOP");
        config.poiId = m_sim.poiId();
        Devices::NexoHttpTerminal webShop(config);
        QSignalSpy finished(&webShop, &Devices::PaymentTerminal::paymentFinished);
        Devices::CardPaymentRequest request;
        request.serviceId = QStringLiteral("WEB10023");
        request.saleTransactionId = webOrderNumber;
        request.amount = Core::Money::fromCents(webGoods + webDelivery);
        webShop.startPayment(request);
        QVERIFY(finished.wait(15000));
        const auto result = finished.first().first().value<Devices::CardPaymentResult>();
        QVERIFY2(result.outcome == Devices::TerminalOutcome::Approved, qPrintable(result.message));
        m_webPayment = result.poiTransactionId;
        QVERIFY(!m_webPayment.isEmpty());
    }

    void serverKnowsTheProductsAndTheWebOrder()
    {
        QVERIFY(!m_webPayment.isEmpty());
        QVERIFY(m_server.seed(5));
        QVERIFY(m_server.admin({ QStringLiteral("add-staff"), QStringLiteral("--id"),
            QString::number(manager), QStringLiteral("--code"), QStringLiteral("E9"),
            QStringLiteral("--name"), QStringLiteral("Max Manager"), QStringLiteral("--role"),
            QStringLiteral("manager"), QStringLiteral("--store"), QStringLiteral("AMS01"),
            QStringLiteral("--pin"), QStringLiteral("9999") }));
        // The web order's customer (journey 2: a web order found via the customer).
        QVERIFY(m_server.admin({ QStringLiteral("import"), QStringLiteral("customers"),
            writeFile(m_dir, QStringLiteral("customers.csv"),
                QStringLiteral("id,code,name,email,phone,loyaltyPoints,tier,homeStoreCode\n"
                               "1,%1,Eva de Vries,eva@example.nl,,0,basic,AMS01\n")
                    .arg(customerCard)
                    .toUtf8()) }));
        QVERIFY(m_server.admin({ QStringLiteral("import"), QStringLiteral("products"),
            writeFile(m_dir, QStringLiteral("products.csv"),
                QStringLiteral(
                    "id,sku,name,brand,category,vatClass,priceCents,barcodes\n"
                    "%1,HEADPH,Over-ear wireless headphones with noise cancelling,Klank,"
                    "Audio,standard,3999,%2\n"
                    "%3,CABLE,USB-C charging cable 2 m,Klank,Audio,standard,1234,%4\n"
                    "%5,BOXERS,Cotton boxer shorts (3-pack),Basis,Underwear,standard,1495,%6\n")
                    .arg(headphonesId)
                    .arg(barcode(QStringLiteral("871234500041")))
                    .arg(cableId)
                    .arg(barcode(QStringLiteral("871234500042")))
                    .arg(boxersId)
                    .arg(barcode(QStringLiteral("871234500043")))
                    .toUtf8()) }));

        // Delivered three days ago: inside the 14-day withdrawal period.
        const QDate today = QDate::currentDate();
        const QJsonObject order {
            { QStringLiteral("id"), 5001 },
            { QStringLiteral("orderNumber"), webOrderNumber },
            { QStringLiteral("locationCode"), QStringLiteral("AMS01") },
            { QStringLiteral("status"), QStringLiteral("delivered") },
            { QStringLiteral("channel"), QStringLiteral("web") },
            { QStringLiteral("customerId"), 1 },
            { QStringLiteral("orderedAt"),
                QDateTime(today.addDays(-5), QTime(10, 0), Qt::UTC).toString(Qt::ISODate) },
            { QStringLiteral("deliveredOn"), today.addDays(-3).toString(Qt::ISODate) },
            { QStringLiteral("deliveryCents"), webDelivery },
            { QStringLiteral("totalCents"), webGoods },
            { QStringLiteral("lines"),
                QJsonArray {
                    QJsonObject { { QStringLiteral("lineId"), QStringLiteral("1") },
                        { QStringLiteral("sku"), QStringLiteral("HEADPH") },
                        { QStringLiteral("name"),
                            QStringLiteral("Over-ear wireless headphones with noise cancelling") },
                        { QStringLiteral("category"), QStringLiteral("Audio") },
                        { QStringLiteral("quantity"), 1 },
                        { QStringLiteral("unitPriceCents"), 3999 },
                        { QStringLiteral("lineTotalCents"), 3999 },
                        { QStringLiteral("vatBasisPoints"), 2100 } },
                    QJsonObject { { QStringLiteral("lineId"), QStringLiteral("2") },
                        { QStringLiteral("sku"), QStringLiteral("CABLE") },
                        { QStringLiteral("name"), QStringLiteral("USB-C charging cable 2 m") },
                        { QStringLiteral("category"), QStringLiteral("Audio") },
                        { QStringLiteral("quantity"), 2 },
                        { QStringLiteral("unitPriceCents"), 1234 },
                        { QStringLiteral("lineTotalCents"), webCablesTotal },
                        { QStringLiteral("vatBasisPoints"), 2100 } } } },
            { QStringLiteral("tenders"),
                QJsonArray { webCardTender(webGoods + webDelivery, m_webPayment,
                    QDateTime(today.addDays(-5), QTime(10, 1), Qt::UTC)) } },
        };
        importWebOrder(m_server, m_dir, order);
        QVERIFY(!QTest::currentTestFailed());
        QVERIFY(m_server.start());
    }

    void tabletEnrolsSyncsAndOpensWithTheTerminal()
    {
        m_tablet.open(
            m_server, m_dir.filePath(QStringLiteral("tablet.sqlite")), QStringLiteral("AMS01"));
        QVERIFY(!QTest::currentTestFailed());

        // A long request timeout: a reversal is held at the terminal for the screenshots.
        m_tablet.cardTerminal = simCardTerminal(m_sim, 10000);
        terminal().setPaymentTerminal(m_tablet.cardTerminal.get());
        terminal().payments().recover();
        returns().recover();

        m_ui.start();
        m_tablet.createWindow(m_ui);
        window()->setReturnService(returns());
        window()->setReturnReceiptMailer(
            [this](const Services::CompletedReturn &done, const QString &address) {
                return terminal().receipts().email(done, address);
            });
        connect(&returns(), &Services::ReturnService::completed, this,
            [this](const Services::CompletedReturn &done) { m_returned.append(done); });
        m_tablet.showAndLogIn(cashier, QStringLiteral("1234"));
    }

    void webOrderLineBackToTheOriginalCard()
    {
        QVERIFY2(window(), "no window: an earlier step failed");

        // The menu leads to the return screen: nothing found yet, the next step said.
        openReturnsFromMenu();
        QVERIFY(!find<QLabel>("returnHint")->text().isEmpty());
        QVERIFY(!find<QPushButton>("returnRefund")->isEnabled());
        QVERIFY(find<QPushButton>("returnNoReceipt")->isVisible());
        shots(QStringLiteral("50-return-empty"));
        // A number that is no order: said in plain words, nothing found.
        find<QLineEdit>("returnCode")->setText(QStringLiteral("NOPE-404"));
        click("returnFind");
        QVERIFY(find<QLabel>("returnMessage")->isVisible());
        QVERIFY(!text("returnMessage").isEmpty());
        QCOMPARE(returns().view().stage, Services::ReturnView::Stage::Empty);
        shots(QStringLiteral("50b-return-not-found"));
        click("returnCancel");
        QCOMPARE(current(), static_cast<QWidget *>(window()->sellScreen()));

        // The packing slip's QR scanned on the sell screen opens the return screen with it.
        window()->sellScreen()->focusSearch();
        scan(Core::webOrderQrPayload(QStringLiteral("TESTCHAIN"), webOrderNumber));
        QTRY_COMPARE(current(), returnScreen());
        QCOMPARE(returns().view().stage, Services::ReturnView::Stage::Found);
        QVERIFY(sale().view().lines.isEmpty()); // the basket never saw the QR
        QVERIFY2(!find<QLabel>("returnMessage")->isVisible(), qPrintable(text("returnMessage")));
        const QString header = text("returnHeader");
        QVERIFY2(header.contains(webOrderNumber), qPrintable(header));
        QVERIFY2(header.contains(QStringLiteral("web shop")), qPrintable(header));
        QVERIFY2(header.contains(QStringLiteral("Return by")), qPrintable(header));
        QCOMPARE(text("returnLineName1"), QStringLiteral("USB-C charging cable 2 m"));
        QVERIFY2(text("returnLineFacts1")
                     .contains(QStringLiteral("Sold 2 · returned before 0 · returnable 2")),
            qPrintable(text("returnLineFacts1")));
        QVERIFY2(
            text("returnLineFacts1").contains(eur(1000)), qPrintable(text("returnLineFacts1")));
        QCOMPARE(text("returnTotal"), eur(0));
        shots(QStringLiteral("51-return-web-order-found"));

        // One cable comes back: its paid share (half of "2 for € 20,00"), to the card.
        click("returnLinePlus1");
        QCOMPARE(text("returnLineQty1"), QStringLiteral("1"));
        QCOMPARE(text("returnLineRefund1"), eur(1000));
        QCOMPARE(text("returnTotal"), eur(1000));
        QCOMPARE(returns().view().parts.size(), 1);
        QCOMPARE(returns().view().parts.constFirst().method, Core::RefundMethod::Card);
        QCOMPARE(text("returnPartAmount0"), eur(1000));
        QVERIFY(find<QPushButton>("returnLineReason1")->isVisible());
        shots(QStringLiteral("52-return-line-picked"));

        // Refund: the screen follows the terminal, which holds the reversal for a few seconds
        // (the customer's card at the terminal).
        QVERIFY(m_sim.queue(QStringLiteral("delay"), 6));
        click("returnRefund");
        QCOMPARE(returns().view().stage, Services::ReturnView::Stage::Refunding);
        QTRY_COMPARE(
            returns().view().parts.constFirst().state, Services::RefundPartView::State::Pending);
        QCOMPARE(text("returnTerminal"), QStringLiteral("Follow the instructions on the terminal"));
        QVERIFY(!find<QPushButton>("returnCancel")->isEnabled());
        QVERIFY(!find<QPushButton>("returnRefund")->isVisible());
        shots(QStringLiteral("53-return-refunding-card"));
        // Every grab showed the waiting state: the terminal had not answered yet.
        QCOMPARE(returns().view().stage, Services::ReturnView::Stage::Refunding);
        QCOMPARE(
            returns().view().parts.constFirst().state, Services::RefundPartView::State::Pending);
        QTRY_COMPARE_WITH_TIMEOUT(
            current(), static_cast<QWidget *>(window()->receiptScreen()), 20000);
        QCOMPARE(m_returned.size(), 1);
        const Services::CompletedReturn done = m_returned.constLast();
        QVERIFY(window()->receiptScreen()->showsReturn());
        QCOMPARE(text("receiptChange"), eur(1000));
        QVERIFY(find<QPushButton>("receiptEmail")->isEnabled()); // the return's receipt by e-mail
        QVERIFY2(text("receiptTenders").contains(QStringLiteral("Card")),
            qPrintable(text("receiptTenders")));
        shots(QStringLiteral("54-return-receipt"));

        // The terminal reversed exactly the paid share of the web shop's payment, once.
        QCOMPARE(simReversalsOf(m_webPayment), QList<qint64> { 1000 });
        QCOMPARE(simReversals(), 1);
        // The return is recorded once with its card refund …
        const auto recorded = cacheRows(
            QStringLiteral("SELECT r.origin, r.origin_number, r.total_cents, f.method, "
                           "f.amount_cents, f.original_reference FROM returns r JOIN "
                           "return_refunds f ON f.return_id = r.id WHERE r.return_uuid = ?"),
            { done.ret.returnId }, 6);
        QCOMPARE(recorded.size(), 1);
        QCOMPARE(recorded.first().at(0).toString(), QStringLiteral("web_order"));
        QCOMPARE(recorded.first().at(1).toString(), webOrderNumber);
        QCOMPARE(recorded.first().at(2).toLongLong(), 1000);
        QCOMPARE(recorded.first().at(3).toString(), QStringLiteral("card"));
        QCOMPARE(recorded.first().at(4).toLongLong(), 1000);
        QCOMPARE(recorded.first().at(5).toString(), m_webPayment);
        // … and the server counts the cable returned once it has the event.
        syncNow();
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM returns")), 1);
        QCOMPARE(m_server.scalar(QStringLiteral(
                     "SELECT returned_quantity FROM web_order_lines WHERE line_id = '2'")),
            1);

        // None: back to selling.
        click("receiptNone");
        QCOMPARE(current(), static_cast<QWidget *>(window()->sellScreen()));
    }

    void finalSaleNeedsAManager()
    {
        QVERIFY2(window(), "no window: an earlier step failed");
        const Services::CompletedSale sold = sellForCash(boxersId);
        QVERIFY(!sold.receiptNumber.isEmpty());
        syncNow(); // another tablet of the chain would find it on the server

        openReturnsFromMenu();
        auto *field = find<QLineEdit>("returnCode");
        field->setFocus();
        QTest::keyClicks(field, sold.receiptNumber);
        QTest::keyClick(field, Qt::Key_Return);
        QTRY_COMPARE(returns().view().stage, Services::ReturnView::Stage::Found);
        QVERIFY2(text("returnLineWindow0").contains(QStringLiteral("Final sale")),
            qPrintable(text("returnLineWindow0")));
        click("returnLinePlus0");
        QVERIFY(returns().view().needsApproval.has_value());
        QVERIFY(find<QLabel>("returnApproval")->isVisible());
        click("returnRefund");
        QVERIFY(window()->overrideSheet()->isOpen());
        QCOMPARE(returns().view().stage, Services::ReturnView::Stage::Found); // nothing yet
        shots(QStringLiteral("55-return-needs-approval"));

        // The manager approves with his PIN; the refund goes on by itself (cash).
        click(qPrintable(QStringLiteral("approverTile%1").arg(manager)));
        for (QChar digit : QStringLiteral("9999"))
            click(qPrintable(QStringLiteral("overridePinKey%1").arg(digit)));
        click("overrideApprove");
        QVERIFY2(!window()->overrideSheet()->isOpen(),
            qPrintable(find<QLabel>("overrideError")->text()));
        QTRY_COMPARE_WITH_TIMEOUT(
            current(), static_cast<QWidget *>(window()->receiptScreen()), 20000);
        QCOMPARE(m_returned.constLast().ret.authorisations.size(), 1);
        QCOMPARE(m_returned.constLast().ret.authorisations.constFirst().approvedBy, manager);
        click("receiptNone");
    }

    void withoutReceiptProductsAreScanned()
    {
        QVERIFY2(window(), "no window: an earlier step failed");
        openReturnsFromMenu();
        click("returnNoReceipt");
        QCOMPARE(returns().view().stage, Services::ReturnView::Stage::Found);
        QVERIFY2(text("returnHeader").contains(QStringLiteral("Without receipt")),
            qPrintable(text("returnHeader")));
        // The product by its barcode, as a hand scanner types it into the number field.
        find<QLineEdit>("returnCode")->setFocus();
        scan(barcode(QStringLiteral("871234500042")));
        QTRY_COMPARE(returns().view().lines.size(), 1);
        QVERIFY2(!find<QLabel>("returnMessage")->isVisible(), qPrintable(text("returnMessage")));
        QCOMPARE(text("returnLineName0"), QStringLiteral("USB-C charging cable 2 m"));
        if (returns().view().lines.constFirst().selected == 0)
            click("returnLinePlus0");
        QVERIFY(returns().view().needsApproval.has_value());
        QCOMPARE(*returns().view().needsApproval, Core::Permission::RefundWithoutReceipt);
        QVERIFY(find<QLabel>("returnApproval")->isVisible());
        // Today's price shows before the approval: what staff and the manager agree to.
        QCOMPARE(text("returnLineRefund0"), eur(1234));
        QCOMPARE(text("returnTotal"), eur(1234));
        QCOMPARE(
            find<QPushButton>("returnRefund")->text(), QStringLiteral("Refund %1").arg(eur(1234)));
        shots(QStringLiteral("59-return-no-receipt"));
        // Abandoned: nothing recorded, back to selling.
        const qsizetype before = m_returned.size();
        click("returnCancel");
        QCOMPARE(current(), static_cast<QWidget *>(window()->sellScreen()));
        QCOMPARE(returns().view().stage, Services::ReturnView::Stage::Empty);
        QCOMPARE(m_returned.size(), before);
    }

    void exchangeOfAStoreSale()
    {
        QVERIFY2(window(), "no window: an earlier step failed");
        const Services::CompletedSale sold = sellForCash(headphonesId);
        QVERIFY(!sold.receiptNumber.isEmpty());
        syncNow();

        // The receipt's QR scanned on the sell screen.
        window()->sellScreen()->focusSearch();
        scan(QStringLiteral("TOONBANK:SALE:%1:%2").arg(sold.receiptNumber, sold.saleId));
        QTRY_COMPARE(current(), returnScreen());
        QCOMPARE(returns().view().stage, Services::ReturnView::Stage::Found);
        QVERIFY2(
            text("returnHeader").contains(sold.receiptNumber), qPrintable(text("returnHeader")));
        click("returnLinePlus0");
        QCOMPARE(text("returnGoods"), eur(3999)); // the cash refund would be rounded to € 40,00
        click("returnExchange");
        QVERIFY2(!find<QLabel>("returnMessage")->isVisible(), qPrintable(text("returnMessage")));

        // The sell screen: the credit shown with the basket; the customer takes four cables.
        QCOMPARE(current(), static_cast<QWidget *>(window()->sellScreen()));
        QVERIFY(sale().exchangeCredit().has_value());
        for (int i = 0; i < 4; ++i)
            QVERIFY(sale().addProduct(cableId));
        QVERIFY(find<QLabel>("basketExchangeCredit")->isVisible());
        QVERIFY2(text("basketExchangeCredit").contains(eur(4936 - 3999)),
            qPrintable(text("basketExchangeCredit")));
        shots(QStringLiteral("56-exchange-sell"));

        // Pay the difference in cash.
        click("payButton");
        QCOMPARE(current(), static_cast<QWidget *>(window()->payScreen()));
        QTRY_COMPARE(text("payPaid"), eur(3999));
        shots(QStringLiteral("57-exchange-pay"));
        click("payMethodCash");
        click("quickExact");
        click("payDone");
        QTRY_COMPARE(current(), static_cast<QWidget *>(window()->receiptScreen()));
        const Services::CompletedSale exchanged = m_tablet.sold.constLast();
        QVERIFY2(
            text("receiptTenders").contains(QStringLiteral("Exchange credit: %1").arg(eur(3999))),
            qPrintable(text("receiptTenders")));
        shots(QStringLiteral("58-exchange-receipt"));

        // The ledger holds the return (for the new sale) and the sale with the credit.
        QCOMPARE(cacheRows(QStringLiteral("SELECT COUNT(*) FROM returns WHERE "
                                          "exchange_sale_id = ? AND origin_sale_id = ?"),
                     { exchanged.saleId, sold.saleId }, 1)
                     .value(0)
                     .value(0)
                     .toInt(),
            1);
        const auto tenders = cacheRows(
            QStringLiteral("SELECT p.method, p.amount_cents FROM sale_payments p JOIN sales s ON "
                           "s.id = p.sale_id WHERE s.sale_uuid = ? ORDER BY p.payment_no"),
            { exchanged.saleId }, 2);
        QCOMPARE(tenders.size(), 2);
        QCOMPARE(tenders.at(0).at(0).toString(), QStringLiteral("return_credit"));
        QCOMPARE(tenders.at(0).at(1).toLongLong(), 3999);
        QCOMPARE(tenders.at(1).at(0).toString(), QStringLiteral("cash"));
        // The server accepts both: the return before the sale that uses its credit.
        syncNow();
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM returns")), 3);
        click("receiptNone");
    }

    void aWebOrderIsFoundViaTheCustomer()
    {
        QVERIFY2(window(), "no window: an earlier step failed");
        // The customer's profile lists the web order with its own "Return…".
        click("customerButton");
        QCOMPARE(current(), static_cast<QWidget *>(window()->customerScreen()));
        find<QLineEdit>("customerSearch")->setText(customerCard);
        click("customerFind");
        QVERIFY2(QTest::qWaitFor(
                     [&] { return window()->customerScreen()->shownCard() == customerCard; }),
            qPrintable(text("customerMessage")));
        int row = -1;
        for (int i = 0; find<QLabel>(qPrintable(QStringLiteral("profilePurchaseText%1").arg(i)));
             ++i) {
            if (text(qPrintable(QStringLiteral("profilePurchaseText%1").arg(i)))
                    .contains(webOrderNumber))
                row = i;
        }
        QVERIFY2(row >= 0, "the web order is not in the purchase history");
        QVERIFY2(text(qPrintable(QStringLiteral("profilePurchaseText%1").arg(row)))
                     .startsWith(QStringLiteral("Web order")),
            qPrintable(text(qPrintable(QStringLiteral("profilePurchaseText%1").arg(row)))));
        const QByteArray action = QStringLiteral("profilePurchaseReturn%1").arg(row).toLatin1();
        QCOMPARE(find<QPushButton>(action.constData())->text(), QStringLiteral("Return…"));
        // In view, as staff see it.
        qobject_cast<QScrollArea *>(find<QWidget>("profileScroll"))
            ->ensureWidgetVisible(find<QPushButton>(action.constData()));
        shots(QStringLiteral("60-customer-history-return"));

        // Offline a web order cannot come back: the action says so and stays here.
        window()->customerScreen()->setOffline(true);
        click(action.constData());
        QCOMPARE(current(), static_cast<QWidget *>(window()->customerScreen()));
        QVERIFY(find<QLabel>("profilePurchaseMessage")->isVisible());
        QVERIFY2(text("profilePurchaseMessage").contains(QStringLiteral("needs the network")),
            qPrintable(text("profilePurchaseMessage")));
        QVERIFY2(text("profilePurchaseMessage").contains(webOrderNumber),
            qPrintable(text("profilePurchaseMessage")));
        QVERIFY(returns().view().stage != Services::ReturnView::Stage::Found); // nothing looked up
        window()->customerScreen()->setOffline(false);

        // Online it opens the return screen on that order.
        click(action.constData());
        QTRY_COMPARE(current(), returnScreen());
        QCOMPARE(returns().view().stage, Services::ReturnView::Stage::Found);
        QVERIFY2(text("returnHeader").contains(webOrderNumber), qPrintable(text("returnHeader")));
        // The cable returned earlier is counted.
        QVERIFY2(text("returnLineFacts1")
                     .contains(QStringLiteral("Sold 2 · returned before 1 · returnable 1")),
            qPrintable(text("returnLineFacts1")));
        click("returnCancel");
        QCOMPARE(current(), static_cast<QWidget *>(window()->sellScreen()));
        QCOMPARE(returns().view().stage, Services::ReturnView::Stage::Empty);
    }

    void refusedCardRefundOfAWebOrder()
    {
        QVERIFY2(window(), "no window: an earlier step failed");
        // The rest of the web shop's payment was given back at the terminal already: the
        // terminal refuses a reversal of the second cable.
        QSignalSpy reversed(
            m_tablet.cardTerminal.get(), &Devices::PaymentTerminal::reversalFinished);
        m_tablet.cardTerminal->reverse({ Devices::Nexo::newServiceId(), m_webPayment,
            QDateTime::currentDateTimeUtc(), Core::Money::fromCents(webGoods + webDelivery - 1000),
            QStringLiteral("MerchantCancel") });
        QVERIFY(reversed.wait(10000));
        QCOMPARE(reversed.first().first().value<Devices::ReversalResult>().outcome,
            Devices::TerminalOutcome::Approved);

        openReturnsFromMenu();
        find<QLineEdit>("returnCode")->setText(webOrderNumber);
        click("returnFind");
        QTRY_COMPARE(returns().view().stage, Services::ReturnView::Stage::Found);
        click("returnLinePlus1");
        const int before = simReversals();
        click("returnRefund");
        QTRY_COMPARE_WITH_TIMEOUT(returns().view().parts.constFirst().state,
            Services::RefundPartView::State::Failed, 20000);
        // Retry, no other way (a web order goes back to the way it was paid), plainly said;
        // Cancel return stays possible.
        QTRY_VERIFY(find<QPushButton>("returnPartRetry0")->isVisible());
        QVERIFY(!find<QPushButton>("returnPartAnother0")->isVisible());
        QVERIFY(find<QLabel>("returnPartWhy0")->isVisible());
        QVERIFY2(text("returnPartWhy0").contains(QStringLiteral("web order")),
            qPrintable(text("returnPartWhy0")));
        QVERIFY(find<QPushButton>("returnCancel")->isEnabled());
        QVERIFY(!find<QPushButton>("returnCheckAgain")->isVisible());
        shots(QStringLiteral("60-return-card-refused-web"));
        click("returnPartRetry0");
        QTRY_COMPARE_WITH_TIMEOUT(simReversals(), before + 2, 20000);
        QTRY_COMPARE(
            returns().view().parts.constFirst().state, Services::RefundPartView::State::Failed);
        click("returnCancel");
        QCOMPARE(current(), static_cast<QWidget *>(window()->sellScreen()));
        QCOMPARE(m_server.scalar(QStringLiteral(
                     "SELECT returned_quantity FROM web_order_lines WHERE line_id = '2'")),
            1);
    }

    void refusedCardRefundGoesOntoAGiftCard()
    {
        QVERIFY2(window(), "no window: an earlier step failed");
        // A store sale paid by card at the terminal …
        const qsizetype sales = m_tablet.sold.size();
        QVERIFY(sale().addProduct(cableId));
        click("payButton");
        click("payMethodCard");
        click("payDone"); // the amount is what remains
        QTRY_COMPARE_WITH_TIMEOUT(m_tablet.sold.size(), sales + 1, 20000);
        const Services::CompletedSale sold = m_tablet.sold.constLast();
        QTRY_COMPARE(current(), static_cast<QWidget *>(window()->receiptScreen()));
        click("receiptNone");
        syncNow();
        QString payment;
        for (const QJsonValue &t : m_sim.transactions()) {
            if (t.toObject().value(QStringLiteral("kind")).toString() == QLatin1String("payment"))
                payment = t.toObject().value(QStringLiteral("poiTransactionId")).toString();
        }
        // … and already given back at the terminal: it refuses the return's reversal.
        QSignalSpy reversed(
            m_tablet.cardTerminal.get(), &Devices::PaymentTerminal::reversalFinished);
        m_tablet.cardTerminal->reverse(
            { Devices::Nexo::newServiceId(), payment, QDateTime::currentDateTimeUtc(),
                Core::Money::fromCents(1234), QStringLiteral("MerchantCancel") });
        QVERIFY(reversed.wait(10000));

        openReturnsFromMenu();
        find<QLineEdit>("returnCode")->setText(sold.receiptNumber);
        click("returnFind");
        QTRY_COMPARE(returns().view().stage, Services::ReturnView::Stage::Found);
        click("returnLinePlus0");
        click("returnRefund");
        QTRY_COMPARE_WITH_TIMEOUT(returns().view().parts.constFirst().state,
            Services::RefundPartView::State::Failed, 20000);
        QTRY_VERIFY(find<QPushButton>("returnPartAnother0")->isVisible());
        QVERIFY(find<QPushButton>("returnPartRetry0")->isVisible());
        QVERIFY(!find<QLabel>("returnPartWhy0")->isVisible());
        shots(QStringLiteral("62-return-card-refused-store"));
        // Another way: the allowed methods as large choices (a gift card here).
        click("returnPartAnother0");
        QVERIFY(window()->choiceSheet()->isOpen());
        QCOMPARE(find<QPushButton>("choice0")->text(), QStringLiteral("Gift card"));
        click("choice0");
        QVERIFY(find<QWidget>("returnGiftCard")->isVisible());
        QCOMPARE(find<QPushButton>("returnGiftCardUse")->text(),
            QStringLiteral("Refund onto this card"));
        shots(QStringLiteral("63-return-failed-part-gift-card"));
        find<QLineEdit>("returnGiftCardNumber")->setText(QStringLiteral("6000 3333 4444 5555"));
        click("returnGiftCardUse");
        QTRY_COMPARE_WITH_TIMEOUT(
            current(), static_cast<QWidget *>(window()->receiptScreen()), 20000);
        const Core::Return ret = m_returned.constLast().ret;
        QCOMPARE(ret.refunds.size(), 1);
        QCOMPARE(ret.refunds.constFirst().method, Core::RefundMethod::GiftCard);
        QCOMPARE(ret.refunds.constFirst().reference, QStringLiteral("6000333344445555"));
        QCOMPARE(ret.refunds.constFirst().amount, Core::Money::fromCents(1234));
        syncNow();
        QCOMPARE(m_server.scalar(QStringLiteral(
                     "SELECT balance_cents FROM gift_cards WHERE number = '6000333344445555'")),
            1234);
        click("receiptNone");
    }

    void giftCardRefundAsksTheNumber()
    {
        QVERIFY2(window(), "no window: an earlier step failed");
        const Services::CompletedSale sold = sellForCash(cableId);
        QVERIFY(!sold.receiptNumber.isEmpty());
        syncNow();
        openReturnsFromMenu();
        find<QLineEdit>("returnCode")->setText(sold.receiptNumber);
        click("returnFind");
        QTRY_COMPARE(returns().view().stage, Services::ReturnView::Stage::Found);
        click("returnLinePlus0");
        QVERIFY(!find<QWidget>("returnGiftCard")->isVisible());
        click("returnMethod_gift_card");
        QVERIFY(find<QWidget>("returnGiftCard")->isVisible());
        // Refund without a number: said plainly, nothing runs.
        click("returnRefund");
        QCOMPARE(returns().view().stage, Services::ReturnView::Stage::Found);
        QVERIFY(find<QLabel>("returnMessage")->isVisible());
        shots(QStringLiteral("61-return-gift-card-number"));
        find<QLineEdit>("returnGiftCardNumber")->setText(QStringLiteral("6000 2222 3333 4444"));
        click("returnGiftCardUse");
        QVERIFY2(text("returnGiftCardCaption").contains(QStringLiteral("6000222233334444")),
            qPrintable(text("returnGiftCardCaption")));
        click("returnRefund");
        QTRY_COMPARE_WITH_TIMEOUT(
            current(), static_cast<QWidget *>(window()->receiptScreen()), 20000);
        const Core::Return ret = m_returned.constLast().ret;
        QCOMPARE(ret.refunds.size(), 1);
        QCOMPARE(ret.refunds.constFirst().method, Core::RefundMethod::GiftCard);
        QCOMPARE(ret.refunds.constFirst().reference, QStringLiteral("6000222233334444"));
        syncNow();
        QCOMPARE(m_server.scalar(QStringLiteral(
                     "SELECT balance_cents FROM gift_cards WHERE number = '6000222233334444'")),
            ret.refunds.constFirst().amount.cents());
        click("receiptNone");
    }
};

QTEST_MAIN(TestReturnFlow)
#include "tst_returnflow.moc"
