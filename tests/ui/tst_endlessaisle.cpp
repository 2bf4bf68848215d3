// The endless aisle's "done when" (docs/STOCK.md §5), end to end through the real window
// (offscreen): a real toonbank-server (SQLite, HTTPS) with two stores and the web warehouse, a
// tablet cache enrolled by toonbank-synctool and synced by the SyncEngine, as main() wires them.
// 1. Home delivery: the order sheet refuses an address without postcode ("Enter the
//    postcode.") before the server is asked; with a good address the server answers the order
//    number; the basket holds the ordered line and the "Delivery" line; paid in cash through
//    the normal pay screen; the receipt shows the order number and its QR. After the push the
//    web order exists on the server with the delivery cents and the tender, the selling store's
//    stock did not move, the web warehouse's did; the returns look-up finds the order.
// 2. Store pickup: an order for pickup in store 2, paid in cash, is ready in store 2's pickups
//    feed.
// Screenshots (order sheet home with an error, pickup; the receipt) in nl and en, landscape and
// portrait.
#include "app/devices/receipt.h"
#include "app/services/customerservice.h"
#include "app/services/orderservice.h"
#include "app/services/paymentservice.h"
#include "app/services/returnservice.h"
#include "app/services/saleservice.h"
#include "app/services/serverlookups.h"
#include "app/services/session.h"
#include "app/services/syncstatus.h"
#include "app/services/terminal.h"
#include "sync/protocol/enrolment.h"
#include "tests/ui/flowfixture.h"
#include "ui/ordersheet.h"
#include "ui/payscreen.h"
#include "ui/receiptscreen.h"
#include "ui/receiptview.h"
#include "ui/sellscreen.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTest>

using namespace Toonbank;
using namespace Toonbank::Tests;

namespace {

constexpr qint64 cashier = 7; // Ann, AMS01, PIN 1234 (ServerFixture::seed)
constexpr qint64 homeProduct = 1; // "Product 1", € 10,00 (ServerFixture::seed)
constexpr qint64 pickupProduct = 2;
constexpr qint64 ams = 1;
constexpr qint64 utrecht = 2;
constexpr qint64 web = 3;

} // namespace

class TestEndlessAisle final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    ServerFixture m_server;
    FlowUi m_ui;
    FlowTablet m_tablet;
    QString m_homeOrder;
    QString m_pickupOrder;

    Ui::MainWindow *window() { return m_tablet.window.get(); }
    Services::Terminal &terminal() { return *m_tablet.terminal; }
    template <typename T> T *find(const char *name) { return m_tablet.find<T>(name); }
    void click(const char *name) { m_tablet.click(name); }
    Services::SaleService &sale() { return terminal().sale(); }
    QWidget *current() { return m_tablet.current(); }
    void type(const char *field, const QString &text)
    {
        auto *edit = find<QLineEdit>(field);
        QVERIFY(edit);
        edit->clear();
        QTest::keyClicks(edit, text);
    }
    void syncNow() { m_tablet.syncNow(); }
    void shots(const QString &name) { Tests::shots(window(), *m_ui.language, name); }

    qint64 stockOnServer(qint64 productId, qint64 locationId)
    {
        return m_server.scalar(
            QStringLiteral("SELECT quantity FROM stock WHERE product_id = ? AND location_id = ?"),
            { productId, locationId });
    }
    qint64 heldOnServer(qint64 productId, qint64 locationId)
    {
        return m_server.scalar(
            QStringLiteral("SELECT held FROM stock WHERE product_id = ? AND location_id = ?"),
            { productId, locationId });
    }

    /// Pays the basket in cash on the real pay screen; the completed sale.
    Services::CompletedSale payCash() { return m_tablet.payCash(); }

    QString receiptText()
    {
        auto *view = window()->receiptScreen()->findChild<Ui::ReceiptView *>();
        return view ? Devices::ReceiptLayout::toPlainText(view->lines()) : QString();
    }

private slots:
    void initTestCase() { prepareDevice(m_dir, "00112233445566778899aabbccddeeff"); }
    void cleanupTestCase()
    {
        m_ui.stop();
        m_tablet.reset();
    }

    void serverWithTwoStoresAndTheWebWarehouse()
    {
        QVERIFY(m_server.seed(5)); // AMS01 (1) and UTR01 (2), 100 of each product
        QVERIFY(m_server.admin({ QStringLiteral("add-store"), QStringLiteral("WEB"),
            QStringLiteral("Web warehouse"), QStringLiteral("--id"), QString::number(web),
            QStringLiteral("--kind"), QStringLiteral("web_warehouse") }));
        QVERIFY(m_server.admin({ QStringLiteral("import"), QStringLiteral("stock"),
            writeFile(m_dir, QStringLiteral("web-stock.csv"),
                "sku,locationCode,quantity\nSKU1,WEB,40\nSKU2,WEB,40\n") }));
        QVERIFY(m_server.start());
    }

    void tabletEnrolsSyncsAndOpens()
    {
        m_tablet.open(
            m_server, m_dir.filePath(QStringLiteral("tablet.sqlite")), QStringLiteral("AMS01"));
        QVERIFY(!QTest::currentTestFailed());
        QCOMPARE(terminal().orders().webWarehouse().code, QStringLiteral("WEB"));

        m_ui.start();
        m_tablet.createWindow(m_ui);
        window()->setOrderService(terminal().orders());
        m_tablet.showAndLogIn(cashier, QStringLiteral("1234"));
    }

    void homeDeliveryOrderedPaidAndOnTheServer()
    {
        QVERIFY2(window(), "no window: an earlier step failed");
        const qint64 amsBefore = stockOnServer(homeProduct, ams);
        const qint64 webBefore = stockOnServer(homeProduct, web);

        // The product screen's "Order for home" (ProductScreen::orderRequested(id, 0)).
        window()->openOrder(homeProduct, 0);
        Ui::OrderSheet *sheet = window()->orderSheet();
        QVERIFY(sheet && sheet->isOpen());
        QVERIFY(find<QRadioButton>("orderOption_standard")->isChecked());
        QCOMPARE(find<QRadioButton>("orderOption_standard")->text(),
            QStringLiteral("Standard delivery · €4.95 · 2 working days · free from €50.00"));
        type("orderField_name", QStringLiteral("Sanne de Boer"));
        type("orderField_street", QStringLiteral("Keizersgracht 12"));
        type("orderField_city", QStringLiteral("Amsterdam"));
        type("orderField_phone", QStringLiteral("0612345678"));
        click("orderConfirm");
        QVERIFY(sheet->isOpen());
        QCOMPARE(
            sheet->errorText(QStringLiteral("postcode")), QStringLiteral("Enter the postcode."));
        QCOMPARE(heldOnServer(homeProduct, web), 0); // refused here: nothing asked
        QVERIFY(sale().isEmpty());
        shots(QStringLiteral("70-order-home-error"));

        type("orderField_postcode", QStringLiteral("1015cs"));
        click("orderConfirm");
        QTRY_VERIFY(!sheet->isOpen());
        QCOMPARE(current(), static_cast<QWidget *>(window()->sellScreen()));
        QVERIFY(sale().basketOrder());
        m_homeOrder = sale().basketOrder()->order.orderNumber;
        QVERIFY2(QRegularExpression(QStringLiteral("^WS\\d{8}$")).match(m_homeOrder).hasMatch(),
            qPrintable(m_homeOrder));
        QCOMPARE(heldOnServer(homeProduct, web), 1); // the server holds it until it is paid
        const Services::BasketView &basket = sale().view();
        QCOMPARE(basket.lines.size(), 2);
        QVERIFY(basket.lines.at(0).ordered);
        QVERIFY(basket.lines.at(1).delivery);
        QCOMPARE(basket.lines.at(1).lineTotal, Core::Money::fromCents(495));
        QCOMPARE(basket.total, Core::Money::fromCents(1495));

        const Services::CompletedSale paid = payCash();
        QVERIFY(!paid.saleId.isEmpty());
        QCOMPARE(current(), static_cast<QWidget *>(window()->receiptScreen()));
        const QString printed = receiptText();
        QVERIFY2(printed.contains(QStringLiteral("Web order ") + m_homeOrder), qPrintable(printed));
        QVERIFY2(printed.contains(QStringLiteral("[QR ") + m_homeOrder + QLatin1Char(']')),
            qPrintable(printed));
        QVERIFY2(printed.contains(QStringLiteral("1015 CS Amsterdam")), qPrintable(printed));
        // The screen says it too, next to how it was paid.
        const QString paidWith = find<QLabel>("receiptTenders")->text();
        QVERIFY2(
            paidWith.contains(QStringLiteral("Web order ") + m_homeOrder), qPrintable(paidWith));
        shots(QStringLiteral("71-order-receipt"));

        // The push: the sale becomes the web order; stock leaves the web warehouse only.
        syncNow();
        QCOMPARE(
            m_server.text(QStringLiteral("SELECT status FROM web_orders WHERE order_number = ?"),
                { m_homeOrder }),
            QStringLiteral("ordered"));
        QCOMPARE(m_server.scalar(
                     QStringLiteral("SELECT delivery_cents FROM web_orders WHERE order_number = ?"),
                     { m_homeOrder }),
            495);
        QCOMPARE(m_server.text(QStringLiteral("SELECT sale_id FROM web_orders WHERE "
                                              "order_number = ?"),
                     { m_homeOrder }),
            paid.saleId);
        QCOMPARE(m_server.text(QStringLiteral("SELECT t.method FROM web_order_tenders t JOIN "
                                              "web_orders o ON o.id = t.order_id WHERE "
                                              "o.order_number = ?"),
                     { m_homeOrder }),
            QStringLiteral("cash"));
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT sum(t.amount_cents) FROM "
                                                "web_order_tenders t JOIN web_orders o ON o.id = "
                                                "t.order_id WHERE o.order_number = ?"),
                     { m_homeOrder }),
            1495);
        QCOMPARE(stockOnServer(homeProduct, ams), amsBefore);
        QCOMPARE(stockOnServer(homeProduct, web), webBefore - 1);
        QCOMPARE(heldOnServer(homeProduct, web), 0);

        // It can be returned like any web order: the returns look-up finds it.
        auto found = terminal().lookups().returns().lookup(m_homeOrder);
        QVERIFY2(found, found ? "" : qPrintable(found.error().detail));
        QCOMPARE(found->order.number, m_homeOrder);
        QCOMPARE(found->order.lines.size(), 1);
        click("newSaleButton");
    }

    void storePickupIsReadyInTheOtherStore()
    {
        QVERIFY2(window(), "no window: an earlier step failed");
        const qint64 amsBefore = stockOnServer(pickupProduct, ams);
        const qint64 utrBefore = stockOnServer(pickupProduct, utrecht);
        window()->openOrder(pickupProduct, utrecht);
        Ui::OrderSheet *sheet = window()->orderSheet();
        QVERIFY(sheet->isOpen());
        QVERIFY(find<QRadioButton>("orderStore_UTR01")->isChecked());
        type("orderField_customer", QStringLiteral("Joris Bakker"));
        type("orderField_phone", QStringLiteral("0687654321"));
        shots(QStringLiteral("72-order-pickup"));
        click("orderConfirm");
        QTRY_VERIFY(!sheet->isOpen());
        QVERIFY(sale().basketOrder());
        m_pickupOrder = sale().basketOrder()->order.orderNumber;
        QCOMPARE(sale().view().lines.size(), 1); // pickup is free: no delivery line
        QCOMPARE(heldOnServer(pickupProduct, utrecht), 1);

        const Services::CompletedSale paid = payCash();
        QVERIFY(!paid.saleId.isEmpty());
        QVERIFY(!paid.pickupCode.isEmpty());
        const QString printed = receiptText();
        QVERIFY2(printed.contains(QStringLiteral("Pickup code")), qPrintable(printed));
        QVERIFY2(printed.contains(paid.pickupCode), qPrintable(printed));
        QVERIFY2(printed.contains(QStringLiteral("Pick up at: Utrecht")), qPrintable(printed));
        QVERIFY(find<QLabel>("receiptTenders")
                    ->text()
                    .contains(QStringLiteral("Pickup code: ") + paid.pickupCode));
        shots(QStringLiteral("73-order-pickup-receipt"));
        syncNow();
        QCOMPARE(stockOnServer(pickupProduct, ams), amsBefore);
        QCOMPARE(stockOnServer(pickupProduct, utrecht), utrBefore - 1);

        // Store 2's pickups feed has it, ready.
        const HttpAnswer enrolled = m_server.request("POST", QStringLiteral("/v1/enrol"),
            QJsonDocument(QJsonObject { { QStringLiteral("code"),
                                            m_server.enrolmentCode(QStringLiteral("UTR01")) },
                              { QStringLiteral("deviceName"), QStringLiteral("Till UTR01") } })
                .toJson());
        auto parsed = Sync::Protocol::EnrolResponse::fromJson(enrolled.json);
        QVERIFY2(enrolled.status == 200 && parsed, enrolled.body.constData());
        const HttpAnswer feed = m_server.request(
            "GET", QStringLiteral("/v1/changes?kind=pickups&since=0"), {}, parsed->token);
        QCOMPARE(feed.status, 200);
        bool ready = false;
        const QJsonArray rows = feed.json.value(QStringLiteral("pickups")).toArray();
        for (const QJsonValue &row : rows) {
            const QJsonObject pickup = row.toObject();
            if (pickup.value(QStringLiteral("reference")).toString() == m_pickupOrder)
                ready = pickup.value(QStringLiteral("status")).toString() == QLatin1String("ready");
        }
        QVERIFY2(ready, feed.body.left(2000).constData());
        click("newSaleButton");
    }
};

QTEST_MAIN(TestEndlessAisle)
#include "tst_endlessaisle.moc"
