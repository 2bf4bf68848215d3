#include "sync/protocol/saleevent.h"
#include "sync/protocol/stockelsewhere.h"

#include <QTest>
#include <QTimeZone>

using namespace Toonbank;
namespace P = Sync::Protocol;

namespace {

const QString uuid = QStringLiteral("0d8f6a52-5a0e-4c57-9f8a-0c1f2e3d4b5a");

QDateTime at(int h, int m)
{
    return QDateTime(QDate(2026, 11, 29), QTime(h, m, 0, 250), QTimeZone::utc());
}

Core::Delivery homeDelivery()
{
    Core::Delivery d;
    d.kind = Core::DeliveryKind::Home;
    d.optionCode = QStringLiteral("standard");
    d.address = { QStringLiteral("Sanne de Vries"), QStringLiteral("Kalverstraat 12"),
        QStringLiteral("1012 AB"), QStringLiteral("Amsterdam"), QStringLiteral("NL") };
    d.price = Core::Money::fromCents(495);
    return d;
}

} // namespace

class TestStockElsewhereJson : public QObject
{
    Q_OBJECT

private slots:
    void holdRequestRoundTrip()
    {
        P::HoldRequest r;
        r.holdId = uuid;
        r.productId = 42;
        r.locationCode = QStringLiteral("UTR01");
        r.quantity = 2;
        r.staffId = 7;
        r.customer = { QString(), QStringLiteral("Jan Jansen"), QStringLiteral("+31612345678") };
        const auto back = P::holdRequestFromJson(P::toJson(r));
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().detail));
        QCOMPARE(back->holdId, uuid);
        QCOMPARE(back->quantity, 2);
        QCOMPARE(back->customer.phone, QStringLiteral("+31612345678"));
    }

    void holdRequestStrict()
    {
        P::HoldRequest r;
        r.holdId = uuid;
        r.productId = 42;
        r.locationCode = QStringLiteral("UTR01");
        r.staffId = 7;
        r.customer.name = QStringLiteral("Jan");
        QJsonObject json = P::toJson(r);
        json.insert(QStringLiteral("extra"), 1);
        QVERIFY(!P::holdRequestFromJson(json).ok());
        json = P::toJson(r);
        json.insert(QStringLiteral("holdId"), QStringLiteral("not-a-uuid"));
        QVERIFY(!P::holdRequestFromJson(json).ok());
        json = P::toJson(r);
        json.insert(QStringLiteral("quantity"), 0);
        QVERIFY(!P::holdRequestFromJson(json).ok());
        json = P::toJson(r);
        json.insert(QStringLiteral("quantity"), 1.5);
        QVERIFY(!P::holdRequestFromJson(json).ok());
        r.customer.name.clear();
        QVERIFY(!P::holdRequestFromJson(P::toJson(r)).ok());
    }

    void holdAnswerTolerant()
    {
        P::HoldData h;
        h.holdId = uuid;
        h.productId = 42;
        h.locationCode = QStringLiteral("UTR01");
        h.quantity = 1;
        h.createdAt = at(10, 0);
        h.expiresAt = at(10, 0).addDays(2);
        h.pickupCode = QStringLiteral("042917");
        h.available = 3;
        QJsonObject json = P::toJson(h);
        json.insert(QStringLiteral("newerField"), true);
        QVERIFY(!P::holdFromJson(json, P::Reading::Strict).ok());
        const auto back = P::holdFromJson(json, P::Reading::Tolerant);
        QVERIFY(back.ok());
        QCOMPARE(back->pickupCode, QStringLiteral("042917"));
        QCOMPARE(back->expiresAt, h.expiresAt);
        QCOMPARE(back->status, Core::HoldStatus::Held);
        json.insert(QStringLiteral("status"), QStringLiteral("lost"));
        QVERIFY(!P::holdFromJson(json, P::Reading::Tolerant).ok());
    }

    void orderRoundTrip()
    {
        P::OrderRequest r;
        r.orderId = uuid;
        r.staffId = 3;
        r.fromLocationCode = QStringLiteral("WEB");
        r.lines = { { 42, 1, 5995 }, { 43, 2, 1995 } };
        r.delivery = homeDelivery();
        r.customer.name = QStringLiteral("Sanne de Vries");
        const auto back = P::orderRequestFromJson(P::toJson(r));
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().detail));
        QCOMPARE(back->lines.size(), 2);
        QCOMPARE(back->lines[1].unitPriceCents, 1995);
        QCOMPARE(back->delivery, r.delivery);
        r.lines.clear();
        QVERIFY(!P::orderRequestFromJson(P::toJson(r)).ok());
    }

    void saleCarriesOrder()
    {
        Core::Sale sale;
        sale.saleId = uuid;
        sale.receiptNumber = QStringLiteral("R-1");
        sale.storeCode = QStringLiteral("AMS01");
        sale.soldAt = at(11, 0);
        sale.staffId = 1;
        Core::SaleLine line;
        line.lineId = QStringLiteral("L1");
        line.productId = 42;
        line.sku = QStringLiteral("SKU42");
        line.name = QStringLiteral("Jeans");
        line.vatRate = { 2100, QStringLiteral("standard") };
        line.unitPrice = Core::Money::fromCents(5995);
        line.regularPrice = line.unitPrice;
        sale.lines = { line };
        sale.vat = Core::vatBreakdown(sale.lines);
        sale.total = line.lineTotal();
        Core::Tender cash;
        cash.amount = sale.total;
        sale.tenders = { cash };
        Core::SaleOrder order;
        order.orderId = uuid;
        order.orderNumber = QStringLiteral("WS00001234");
        order.delivery = homeDelivery();
        order.lineIds = { QStringLiteral("L1") };
        sale.order = order;
        const auto back = P::saleFromJson(P::saleToJson(sale));
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().detail));
        QVERIFY(back->order.has_value());
        QCOMPARE(*back->order, order);
        sale.order.reset();
        const auto without = P::saleFromJson(P::saleToJson(sale));
        QVERIFY(without.ok());
        QVERIFY(!without->order.has_value());
    }

    void pickupRowAndEvents()
    {
        P::PickupData p;
        p.reference = QStringLiteral("WS00001234");
        p.kind = Core::PickupKind::WebOrder;
        p.locationId = 2;
        p.customerName = QStringLiteral("Sanne");
        p.codeHash = Core::pickupCodeHash(p.reference, QStringLiteral("123456"));
        p.readyAt = at(9, 0);
        p.totalCents = 8985;
        p.lines = { { QStringLiteral("L1"), 42, QStringLiteral("SKU42"), QStringLiteral("Jeans"), 2,
            1 } };
        const auto back = P::pickupFromJson(P::toJson(p), P::Reading::Tolerant);
        QVERIFY(back.ok());
        QCOMPARE(back->lines[0].collectedQuantity, 1);
        QCOMPARE(back->status, Core::PickupStatus::Ready);
        QVERIFY(!back->expiresAt.isValid());
        QJsonObject bad = P::toJson(p);
        QJsonObject badLine = P::toJson(p)[QStringLiteral("lines")].toArray()[0].toObject();
        badLine.insert(QStringLiteral("collectedQuantity"), 3);
        bad.insert(QStringLiteral("lines"), QJsonArray { badLine });
        QVERIFY(!P::pickupFromJson(bad, P::Reading::Tolerant).ok());

        P::PickupHandover h;
        h.handoverId = uuid;
        h.reference = p.reference;
        h.storeCode = QStringLiteral("UTR01");
        h.staffId = 4;
        h.at = at(12, 0);
        h.verifiedBy = Core::PickupVerification::IdDocument;
        h.lines = { { QStringLiteral("L1"), 1 } };
        const auto hb = P::pickupHandoverFromJson(P::toJson(h));
        QVERIFY(hb.ok());
        QCOMPARE(hb->verifiedBy, Core::PickupVerification::IdDocument);
        QCOMPARE(hb->lines, h.lines);
        QVERIFY(!P::toJson(h).contains(QStringLiteral("code"))); // an ID check has none
        QJsonObject extra = P::toJson(h);
        extra.insert(QStringLiteral("x"), 1);
        QVERIFY(!P::pickupHandoverFromJson(extra).ok());
        // A code check carries the typed code; without it, or a code with an ID check: refused.
        QJsonObject idWithCode = P::toJson(h);
        idWithCode.insert(QStringLiteral("code"), QStringLiteral("123456"));
        QCOMPARE(P::pickupHandoverFromJson(idWithCode).error().code,
            QStringLiteral("protocol.bad_value"));
        h.verifiedBy = Core::PickupVerification::Code;
        h.code = QStringLiteral("123456");
        const auto hc = P::pickupHandoverFromJson(P::toJson(h));
        QVERIFY(hc.ok());
        QCOMPARE(hc->code, QStringLiteral("123456"));
        QJsonObject codeMissing = P::toJson(h);
        codeMissing.remove(QStringLiteral("code"));
        const auto missing = P::pickupHandoverFromJson(codeMissing);
        QCOMPARE(missing.error().code, QStringLiteral("protocol.missing_field"));
        QVERIFY(!missing.error().detail.contains(QStringLiteral("123456")));

        P::PickupNotCollected n;
        n.handoverId = uuid;
        n.reference = p.reference;
        n.storeCode = QStringLiteral("UTR01");
        n.staffId = 4;
        n.at = at(12, 0);
        QVERIFY(P::pickupNotCollectedFromJson(P::toJson(n)).ok());
    }

    void manifest()
    {
        P::SnapshotManifest m;
        m.snapshotId = QString(64, QLatin1Char('a'));
        m.sha256 = m.snapshotId;
        m.cursor = 1234;
        m.sizeBytes = 1 << 20;
        m.rowCount = 99;
        m.builtAt = at(3, 0);
        m.cacheSchemaVersion = 6;
        const auto back = P::snapshotManifestFromJson(P::toJson(m), P::Reading::Tolerant);
        QVERIFY(back.ok());
        QCOMPARE(back->cursor, 1234);
        m.sha256 = QStringLiteral("xyz");
        QVERIFY(!P::snapshotManifestFromJson(P::toJson(m), P::Reading::Tolerant).ok());
    }

    void liveStock()
    {
        P::LiveStock s;
        s.productId = 42;
        s.at = at(12, 0);
        s.figures = { { 1, QStringLiteral("AMS01"), 3, 5, 2, at(11, 50) } };
        const auto back = P::liveStockFromJson(P::toJson(s), P::Reading::Tolerant);
        QVERIFY(back.ok());
        QCOMPARE(back->figures[0].held, 2);
        QCOMPARE(back->figures[0].asOf, at(11, 50));
    }
};

QTEST_APPLESS_MAIN(TestStockElsewhereJson)
#include "tst_stockelsewherejson.moc"
