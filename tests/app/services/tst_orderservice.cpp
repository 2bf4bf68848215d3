// The endless aisle on the tablet (docs/STOCK.md §5): OrderService builds the POST /v1/orders
// request from the products, the delivery choice and the customer; refuses a bad address before
// the server is asked; puts the ordered lines in the basket marked as ordered plus a "Delivery"
// line at the server's price; gives the order's holds back when the basket is cleared or an
// ordered line removed; keeps the order through parking; pays it without moving stock here;
// prints the order on the receipt. The server side is a fake here (tst_endlessaisle runs the
// real one); offline it is the real ServerLookups without an enrolment.
#include "app/core/delivery.h"
#include "app/devices/receipt.h"
#include "app/services/orderservice.h"
#include "app/services/saleservice.h"
#include "app/services/serverlookups.h"
#include "app/services/session.h"
#include "app/services/terminal.h"
#include "app/store/localdatabase.h"
#include "sync/protocol/saleevent.h"
#include "sync/protocol/stockelsewhere.h"
#include "tests/support/devicekey.h"
#include "tests/support/testcache.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Toonbank;
using namespace Toonbank::Tests;
using Core::Money;

namespace {

/// The server's answer as POST /v1/orders gives it: one hold per line, the delivery price by
/// Core::deliveryPrice over the request's prices, a pickup code for store pickup.
class FakeOrders final : public Services::OrderClient
{
public:
    QList<Sync::Protocol::OrderRequest> requests;
    QStringList cancelled;
    std::optional<Core::Error> refuse;
    int placed = 0;

    Core::Result<Sync::Protocol::OrderData> placeOrder(
        const Sync::Protocol::OrderRequest &request) override
    {
        requests.append(request);
        if (refuse)
            return *refuse;
        Sync::Protocol::OrderData data;
        data.orderId = request.orderId;
        data.orderNumber = QStringLiteral("WS%1").arg(12345678 + placed++);
        Money goods;
        for (const Sync::Protocol::OrderRequestLine &line : request.lines) {
            goods += Money::fromCents(line.unitPriceCents) * line.quantity;
            Sync::Protocol::HoldData hold;
            hold.holdId = QUuid::createUuid().toString(QUuid::WithoutBraces);
            hold.purpose = Core::HoldPurpose::Order;
            hold.productId = line.productId;
            hold.quantity = line.quantity;
            hold.locationCode = request.fromLocationCode;
            hold.orderNumber = data.orderNumber;
            data.holds.append(hold);
        }
        auto price = Core::deliveryPrice(
            Core::defaultDeliveryOptions(), request.delivery.optionCode, goods);
        data.deliveryPriceCents = price ? price->cents() : 0;
        if (request.delivery.kind == Core::DeliveryKind::StorePickup)
            data.pickupCode = QStringLiteral("483920");
        data.expiresAt = QDateTime::currentDateTimeUtc().addSecs(1800);
        return data;
    }
    Core::Status cancelHold(const QString &holdId) override
    {
        cancelled.append(holdId);
        return Core::success();
    }
};

Core::Address goodAddress()
{
    return { QStringLiteral("Sanne de Boer"), QStringLiteral("Keizersgracht 12"),
        QStringLiteral("1015cs"), QStringLiteral("Amsterdam"), QStringLiteral("NL") };
}

Services::OrderChoice homeChoice(qint64 productId = TestCache::jeansId, int quantity = 1,
    const QString &option = QStringLiteral("standard"))
{
    Services::OrderChoice choice;
    choice.items = { { productId, quantity } };
    choice.delivery.kind = Core::DeliveryKind::Home;
    choice.delivery.optionCode = option;
    choice.delivery.address = goodAddress();
    choice.customerPhone = QStringLiteral("+31 6 1234 5678");
    return choice;
}

} // namespace

class TestOrderService final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Core::FixedClock m_clock { QDateTime(QDate(2026, 11, 25), QTime(14, 0), Qt::UTC) };
    std::unique_ptr<Services::Terminal> m_terminal;
    FakeOrders m_server;

    Services::SaleService &sale() { return m_terminal->sale(); }
    Services::OrderService &orders() { return m_terminal->orders(); }

    qint64 scalar(const QString &sql)
    {
        QSqlQuery q(m_terminal->database().connection());
        if (!q.exec(sql) || !q.next())
            return -1;
        return q.value(0).toLongLong();
    }

private slots:
    void initTestCase() { QVERIFY(useDeviceKey(m_dir.path(), "fedcba9876543210fedcba9876543210")); }

    void init()
    {
        const QString path
            = m_dir.filePath(QStringLiteral("cache-%1.sqlite")
                                 .arg(QString::fromLatin1(QTest::currentTestFunction())));
        const QString failure = TestCache::create(path);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        auto terminal = Services::Terminal::open(path, false, &m_clock);
        QVERIFY2(terminal.ok(), terminal.ok() ? "" : qPrintable(terminal.error().message));
        m_terminal = std::move(terminal.value());
        m_server = FakeOrders();
        orders().setClient(m_server);
        auto member = m_terminal->session().logIn(TestCache::cashierId, QStringLiteral("1111"));
        QVERIFY(member.ok());
    }
    void cleanup() { m_terminal.reset(); }

    void buildsTheRequestFromProductDeliveryAndCustomer()
    {
        auto placed = orders().placeOrder(homeChoice(TestCache::jeansId, 2));
        QVERIFY2(placed, placed ? "" : qPrintable(placed.error().message));
        QCOMPARE(m_server.requests.size(), 1);
        const Sync::Protocol::OrderRequest &request = m_server.requests.first();
        QVERIFY(!QUuid::fromString(request.orderId).isNull());
        QCOMPARE(request.staffId, TestCache::cashierId);
        QCOMPARE(request.fromLocationCode, QStringLiteral("WEB")); // home: the web warehouse
        QCOMPARE(request.lines.size(), 1);
        QCOMPARE(request.lines.first().productId, TestCache::jeansId);
        QCOMPARE(request.lines.first().quantity, 2);
        QCOMPARE(request.lines.first().unitPriceCents, 8995);
        QCOMPARE(request.delivery.kind, Core::DeliveryKind::Home);
        QCOMPARE(request.delivery.optionCode, QStringLiteral("standard"));
        QCOMPARE(request.delivery.address.postcode, QStringLiteral("1015 CS")); // normalised
        // Without an attached customer the name comes from the address, the phone as typed.
        QCOMPARE(request.customer.name, QStringLiteral("Sanne de Boer"));
        QCOMPARE(request.customer.phone, QStringLiteral("+31 6 1234 5678"));
        QVERIFY(request.customer.cardNumber.isEmpty());
        QCOMPARE(placed->orderNumber, QStringLiteral("WS12345678"));

        // Store pickup: held at that store, no address sent, the pickup code answered.
        QVERIFY(sale().clear());
        Services::OrderChoice pickup;
        pickup.items = { { TestCache::jeansId, 1 } };
        pickup.delivery.kind = Core::DeliveryKind::StorePickup;
        pickup.delivery.optionCode = QStringLiteral("store_pickup");
        pickup.delivery.pickupStoreCode = QStringLiteral("UTR02");
        pickup.customerName = QStringLiteral("Joris Bakker");
        pickup.customerPhone = QStringLiteral("0612345678");
        auto atStore = orders().placeOrder(pickup);
        QVERIFY2(atStore, atStore ? "" : qPrintable(atStore.error().message));
        QCOMPARE(m_server.requests.last().fromLocationCode, QStringLiteral("UTR02"));
        QCOMPARE(m_server.requests.last().delivery.address, Core::Address());
        QCOMPARE(m_server.requests.last().customer.name, QStringLiteral("Joris Bakker"));
        QCOMPARE(atStore->pickupCode, QStringLiteral("483920"));
        QVERIFY(atStore->deliveryLineId.isEmpty()); // pickup is free: no delivery line
        // This store is no pickup store of its own orders.
        for (const Store::Location &store : orders().pickupStores())
            QVERIFY(store.id != TestCache::hereId);
    }

    void basketLinesAreFlaggedWithTheDeliveryLine()
    {
        QVERIFY(sale().scan(TestCache::appleJuiceBarcode)); // an ordinary line stays ordinary
        auto placed = orders().placeOrder(homeChoice(TestCache::socksId, 2));
        QVERIFY2(placed, placed ? "" : qPrintable(placed.error().message));
        QCOMPARE(placed->deliveryPrice, Money::fromCents(495)); // € 9,98 < € 50: standard price
        QVERIFY(!placed->deliveryLineId.isEmpty());
        const Services::BasketView &view = sale().view();
        QCOMPARE(view.lines.size(), 3);
        QVERIFY(!view.lines.at(0).ordered);
        QVERIFY(!view.lines.at(0).delivery);
        QVERIFY(view.lines.at(1).ordered);
        QCOMPARE(view.lines.at(1).productId, TestCache::socksId);
        QCOMPARE(view.lines.at(1).quantity, 2);
        QVERIFY(view.lines.at(2).delivery);
        QVERIFY(!view.lines.at(2).ordered);
        QCOMPARE(view.lines.at(2).lineTotal, Money::fromCents(495));
        QCOMPARE(view.lines.at(2).vatLabel, QStringLiteral("21%"));
        QCOMPARE(view.total, Money::fromCents(199 + 998 + 495));

        auto built = sale().currentSale();
        QVERIFY(built);
        QVERIFY(built->order);
        QCOMPARE(built->order->orderNumber, QStringLiteral("WS12345678"));
        QCOMPARE(built->order->lineIds, QStringList { view.lines.at(1).lineId });
        QCOMPARE(built->order->deliveryLineId, view.lines.at(2).lineId);
        QCOMPARE(built->order->delivery.price, Money::fromCents(495));
        QCOMPARE(built->lines.at(2).vatClass, Core::VatClass::Standard);

        // An ordered line is not changed in place, and a scan of the same product makes its
        // own (take-home) line.
        QCOMPARE(sale().setQuantity(view.lines.at(1).lineId, 3).error().code,
            QStringLiteral("order.line_locked"));
        auto socks = sale().scan(TestCache::socksBarcode);
        QVERIFY(socks);
        QVERIFY(!sale().isOrderLine(socks->lineId));
        QCOMPARE(sale().view().lines.size(), 4);

        // One order per sale.
        auto second = orders().placeOrder(homeChoice());
        QVERIFY(!second);
        QCOMPARE(second.error().code, QStringLiteral("order.one_per_sale"));
        QCOMPARE(m_server.requests.size(), 1);
    }

    void freeDeliveryHasNoDeliveryLine()
    {
        auto placed = orders().placeOrder(homeChoice(TestCache::jeansId)); // € 89,95 ≥ € 50
        QVERIFY(placed);
        QCOMPARE(placed->deliveryPrice, Money());
        QVERIFY(placed->deliveryLineId.isEmpty());
        QCOMPARE(sale().view().lines.size(), 1);
        QVERIFY(sale().view().lines.first().ordered);
        // Express is never free.
        QVERIFY(sale().clear());
        auto express
            = orders().placeOrder(homeChoice(TestCache::jeansId, 1, QStringLiteral("express")));
        QVERIFY(express);
        QCOMPARE(express->deliveryPrice, Money::fromCents(995));
        QCOMPARE(sale().view().total, Money::fromCents(8995 + 995));
    }

    void clearingOrRemovingReleasesTheHolds()
    {
        auto placed = orders().placeOrder(homeChoice(TestCache::socksId, 2));
        QVERIFY(placed);
        QVERIFY(sale().clear());
        QCOMPARE(m_server.cancelled.size(), 1); // one hold per ordered line
        QVERIFY(sale().isEmpty());
        QVERIFY(!sale().basketOrder());

        // Removing the delivery line (or an ordered one) gives up the whole order.
        QVERIFY(sale().scan(TestCache::appleJuiceBarcode));
        Services::OrderChoice two = homeChoice(TestCache::socksId, 1);
        two.items.append({ TestCache::jeansBlackId, 1 });
        auto again = orders().placeOrder(two);
        QVERIFY(again);
        QCOMPARE(sale().view().lines.size(), 3); // juice, socks; jeans ≥ 50 → no delivery line
        QVERIFY(sale().removeLine(again->lineIds.first()));
        QCOMPARE(m_server.cancelled.size(), 3);
        QCOMPARE(sale().view().lines.size(), 1);
        QVERIFY(!sale().view().lines.first().ordered);
        QVERIFY(!sale().currentSale()->order);
    }

    void parkingKeepsTheOrder()
    {
        auto placed = orders().placeOrder(homeChoice(TestCache::socksId, 1));
        QVERIFY(placed);
        QVERIFY(sale().park(QStringLiteral("Sanne")));
        QVERIFY(m_server.cancelled.isEmpty()); // the holds travel with the parked basket
        QVERIFY(!sale().basketOrder());
        auto parked = sale().listParked();
        QVERIFY(parked);
        QCOMPARE(parked->size(), 1);
        QVERIFY(sale().resume(parked->first().id));
        QVERIFY(sale().basketOrder());
        QCOMPARE(sale().basketOrder()->order.orderNumber, placed->orderNumber);
        QCOMPARE(sale().basketOrder()->holdIds.size(), 1);
        QVERIFY(sale().view().lines.at(0).ordered);
        QVERIFY(sale().view().lines.at(1).delivery);
        QCOMPARE(sale().currentSale()->order->lineIds, placed->lineIds);
    }

    void addressErrorsRefuseBeforeTheServer_data()
    {
        QTest::addColumn<QString>("street");
        QTest::addColumn<QString>("postcode");
        QTest::addColumn<QString>("country");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("no postcode") << "Keizersgracht 12"
                                     << ""
                                     << "NL"
                                     << "address.postcode"
                                     << "Enter the postcode.";
        QTest::newRow("Dutch shape") << "Keizersgracht 12"
                                     << "101 CS"
                                     << "NL"
                                     << "address.postcode"
                                     << "";
        QTest::newRow("Belgian shape") << "Meir 1"
                                       << "1015 CS"
                                       << "BE"
                                       << "address.postcode"
                                       << "";
        QTest::newRow("no house number") << "Keizersgracht"
                                         << "1015 CS"
                                         << "NL"
                                         << "address.street"
                                         << "";
        QTest::newRow("country") << "Keizersgracht 12"
                                 << "1015 CS"
                                 << "DE"
                                 << "address.country"
                                 << "";
    }
    void addressErrorsRefuseBeforeTheServer()
    {
        QFETCH(QString, street);
        QFETCH(QString, postcode);
        QFETCH(QString, country);
        QFETCH(QString, code);
        QFETCH(QString, message);
        Services::OrderChoice choice = homeChoice();
        choice.delivery.address.street = street;
        choice.delivery.address.postcode = postcode;
        choice.delivery.address.country = country;
        auto placed = orders().placeOrder(choice);
        QVERIFY(!placed);
        QCOMPARE(placed.error().code, code);
        QVERIFY(!placed.error().message.isEmpty());
        if (!message.isEmpty())
            QCOMPARE(placed.error().message, message);
        QVERIFY(m_server.requests.isEmpty());
        QVERIFY(sale().isEmpty());
    }

    void serverRefusalsInPlainWords_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("price") << "order.price"
                               << "A price changed since this tablet last synced. Sync, then "
                                  "order again.";
        QTest::newRow("unavailable") << "hold.unavailable"
                                     << "There is not enough stock there any more for this order.";
        QTest::newRow("address") << "address.postcode"
                                 << "The server did not accept the address. Check it and try "
                                    "again.";
    }
    void serverRefusalsInPlainWords()
    {
        QFETCH(QString, code);
        QFETCH(QString, message);
        m_server.refuse = Core::Error::make(code, QStringLiteral("raw server text"));
        auto placed = orders().placeOrder(homeChoice());
        QVERIFY(!placed);
        QCOMPARE(placed.error().code, code);
        QCOMPARE(placed.error().message, message);
        QVERIFY(sale().isEmpty());
    }

    void offlineSaysItNeedsTheNetwork()
    {
        // The real server side over this cache's enrolment: there is none.
        Services::ServerOrders real(m_terminal->lookups());
        orders().setClient(real);
        auto placed = orders().placeOrder(homeChoice());
        QVERIFY(!placed);
        QCOMPARE(placed.error().code, QStringLiteral("stock.needs_network"));
        QCOMPARE(placed.error().message,
            QStringLiteral("Ordering needs the network. Try again when the tablet is online."));
        QVERIFY(sale().isEmpty());
        orders().setClient(m_server);
    }

    void payingMovesNoStockHereAndPrintsTheOrder()
    {
        const QString socksHere = QStringLiteral("SELECT coalesce(sum(quantity), 0) FROM stock "
                                                 "WHERE product_id = %1 AND location_id = %2")
                                      .arg(TestCache::socksId)
                                      .arg(TestCache::hereId);
        const QString juiceHere = QStringLiteral(
            "SELECT quantity FROM stock WHERE product_id = %1 AND location_id = %2")
                                      .arg(TestCache::appleJuiceId)
                                      .arg(TestCache::hereId);
        const qint64 socksBefore = scalar(socksHere);
        const qint64 juiceBefore = scalar(juiceHere);
        QVERIFY(sale().scan(TestCache::appleJuiceBarcode));
        auto placed = orders().placeOrder(homeChoice(TestCache::socksId, 2));
        QVERIFY(placed);
        auto paid = sale().payCash(Money::fromCents(5000));
        QVERIFY2(paid, paid ? "" : qPrintable(paid.error().message));
        QCOMPARE(scalar(socksHere), socksBefore); // ordered: nothing moves here
        QCOMPARE(scalar(juiceHere), juiceBefore - 1); // taken home: it does
        QVERIFY(m_server.cancelled.isEmpty()); // paid: the holds are the server's to convert
        QVERIFY(!sale().basketOrder());

        // The sale event carries the order section.
        QSqlQuery q(m_terminal->database().connection());
        QVERIFY(q.exec(QStringLiteral(
            "SELECT payload FROM outbox WHERE type = 'sale' ORDER BY device_seq DESC LIMIT 1")));
        QVERIFY(q.next());
        auto wire = Sync::Protocol::saleFromJson(
            QJsonDocument::fromJson(q.value(0).toByteArray()).object());
        QVERIFY2(wire, wire ? "" : qPrintable(wire.error().detail));
        QVERIFY(wire->order);
        QCOMPARE(wire->order->orderNumber, placed->orderNumber);
        QCOMPARE(wire->order->delivery.price, Money::fromCents(495));
        QCOMPARE(wire->order->delivery.address.postcode, QStringLiteral("1015 CS"));

        // The receipt: the order number, the delivery and a QR of the number.
        const Devices::ReceiptData receipt
            = sale().receiptFor(paid.value(), QLocale(QLocale::English));
        QVERIFY(receipt.orderPart);
        const QString text
            = Devices::ReceiptLayout::toPlainText(Devices::ReceiptLayout::layout(receipt));
        QVERIFY2(text.contains(QStringLiteral("Web order WS12345678")), qPrintable(text));
        QVERIFY2(
            text.contains(QStringLiteral("Standard delivery · 2 working days")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("1015 CS Amsterdam")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("[QR WS12345678]")), qPrintable(text));
    }

    void pickupReceiptPrintsTheCode()
    {
        Services::OrderChoice pickup;
        pickup.items = { { TestCache::jeansId, 1 } };
        pickup.delivery.kind = Core::DeliveryKind::StorePickup;
        pickup.delivery.optionCode = QStringLiteral("store_pickup");
        pickup.delivery.pickupStoreCode = QStringLiteral("UTR02");
        pickup.customerName = QStringLiteral("Joris Bakker");
        auto placed = orders().placeOrder(pickup);
        QVERIFY(placed);
        auto paid = sale().payCash(Money::fromCents(10000));
        QVERIFY2(paid, paid ? "" : qPrintable(paid.error().message));
        QCOMPARE(paid->pickupCode, QStringLiteral("483920"));
        const QString text = Devices::ReceiptLayout::toPlainText(Devices::ReceiptLayout::layout(
            sale().receiptFor(paid.value(), QLocale(QLocale::English))));
        QVERIFY2(text.contains(QStringLiteral("Pickup code")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("483920")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("[QR ") + placed->orderNumber), qPrintable(text));
    }
};

QTEST_GUILESS_MAIN(TestOrderService)
#include "tst_orderservice.moc"
