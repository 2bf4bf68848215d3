#include "sync/protocol/saleevent.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUuid>

#include <functional>

using namespace Toonbank;
using Core::Money;
using Sync::Protocol::EventEnvelope;

namespace {

// A two-rate cash sale that adds up: 2 × 2.50 at 21 % with a 0.50 promotion, and 1 × 1.99 at
// 9 %, total 6.49, paid 6.50 in cash after rounding; a customer, a coupon, an approval.
Core::Sale validSale()
{
    Core::Sale sale;
    sale.saleId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    sale.receiptNumber = QStringLiteral("AMS01-T1-000001");
    sale.storeCode = QStringLiteral("AMS01");
    sale.soldAt = QDateTime(QDate(2026, 11, 24), QTime(10, 0), Qt::UTC);
    sale.staffId = 3;
    Core::SaleLine socks;
    socks.lineId = QStringLiteral("L1");
    socks.productId = 11;
    socks.sku = QStringLiteral("SKU-11");
    socks.name = QStringLiteral("Socks");
    socks.category = QStringLiteral("socks");
    socks.brand = QStringLiteral("Toon");
    socks.vatClass = Core::VatClass::Standard;
    socks.vatRate = { 2100, QStringLiteral("standard") };
    socks.quantity = 2;
    socks.unitPrice = Money::fromCents(250);
    socks.regularPrice = Money::fromCents(250);
    socks.adjustments = { { Core::AdjustmentKind::Promotion, QStringLiteral("PR-1"),
        QStringLiteral("20 % off"), Money::fromCents(50), 0 } };
    Core::SaleLine bread;
    bread.lineId = QStringLiteral("L2");
    bread.productId = 12;
    bread.sku = QStringLiteral("SKU-12");
    bread.vatClass = Core::VatClass::Reduced;
    bread.vatRate = { 900, QStringLiteral("reduced") };
    bread.quantity = 1;
    bread.unitPrice = Money::fromCents(199);
    bread.regularPrice = Money::fromCents(199);
    sale.lines = { socks, bread };
    sale.vat = Core::vatBreakdown(sale.lines);
    sale.total = Money::fromCents(649);
    sale.rounding = Money::fromCents(1);
    Core::Tender cash;
    cash.method = Core::TenderMethod::Cash;
    cash.amount = Money::fromCents(650);
    cash.tendered = Money::fromCents(1000);
    cash.change = Money::fromCents(350);
    sale.tenders = { cash };
    sale.customer
        = Core::SaleCustomer { 5, QStringLiteral("2990000000011"), QStringLiteral("silver") };
    sale.couponCodes = { QStringLiteral("WELCOME") };
    sale.authorisations = { { Core::Permission::ApproveManualDiscount, 3, 4, QStringLiteral("L1"),
        Money::fromCents(50), QStringLiteral("damaged"),
        QDateTime(QDate(2026, 11, 24), QTime(9, 59), Qt::UTC) } };
    sale.pointsEarned = 12;
    sale.catalogVersion = 4711;
    return sale;
}

QJsonObject mutate(const std::function<void(QJsonObject &)> &change)
{
    QJsonObject json = Sync::Protocol::saleToJson(validSale());
    change(json);
    return json;
}

QJsonObject mutateLine(const std::function<void(QJsonObject &)> &change)
{
    return mutate([&change](QJsonObject &json) {
        QJsonArray lines = json.value(QStringLiteral("lines")).toArray();
        QJsonObject first = lines.at(0).toObject();
        change(first);
        lines[0] = first;
        json[QStringLiteral("lines")] = lines;
    });
}

} // namespace

class tst_SaleEvent : public QObject
{
    Q_OBJECT
private slots:
    void shiftIdTravels()
    {
        Core::Sale sale = validSale();
        QVERIFY(!Sync::Protocol::saleToJson(sale).contains(QStringLiteral("shiftId")));
        const auto withoutShift = Sync::Protocol::saleFromJson(Sync::Protocol::saleToJson(sale));
        QVERIFY(withoutShift.ok());
        QVERIFY(withoutShift->shiftId.isEmpty());
        sale.shiftId = QStringLiteral("0d8f6a52-5a0e-4c57-9f8a-0c1f2e3d4b5a");
        const QJsonObject json = Sync::Protocol::saleToJson(sale);
        QCOMPARE(json.value(QStringLiteral("shiftId")).toString(), sale.shiftId);
        const auto parsed = Sync::Protocol::saleFromJson(json);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().detail));
        QCOMPARE(parsed->shiftId, sale.shiftId);
        QJsonObject wrong = json;
        wrong.insert(QStringLiteral("shiftId"), 5);
        QCOMPARE(Sync::Protocol::saleFromJson(wrong).error().code,
            QStringLiteral("protocol.wrong_type"));
    }

    void roundTrip()
    {
        const Core::Sale original = validSale();
        const QByteArray wire
            = QJsonDocument(Sync::Protocol::saleToJson(original)).toJson(QJsonDocument::Compact);
        const auto parsed = Sync::Protocol::saleFromJson(QJsonDocument::fromJson(wire).object());
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().detail));
        QCOMPARE(parsed->saleId, original.saleId);
        QCOMPARE(parsed->staffId, 3);
        QCOMPARE(parsed->lines.size(), 2);
        QCOMPARE(parsed->lines.at(0).lineId, QStringLiteral("L1"));
        QCOMPARE(parsed->lines.at(0).lineTotal(), Money::fromCents(450));
        QVERIFY(parsed->lines.at(0).adjustments == original.lines.at(0).adjustments);
        QCOMPARE(parsed->lines.at(1).vatClass, Core::VatClass::Reduced);
        QCOMPARE(parsed->vat.size(), 2);
        QCOMPARE(parsed->vat.at(0).vat, original.vat.at(0).vat);
        QCOMPARE(parsed->total, Money::fromCents(649));
        QCOMPARE(parsed->rounding, Money::fromCents(1));
        QCOMPARE(parsed->tenders.at(0).change, Money::fromCents(350));
        QCOMPARE(parsed->tenders.at(0).method, Core::TenderMethod::Cash);
        QVERIFY(parsed->customer.has_value());
        QCOMPARE(parsed->customer->code, QStringLiteral("2990000000011"));
        QCOMPARE(parsed->couponCodes, QStringList { QStringLiteral("WELCOME") });
        QCOMPARE(parsed->authorisations.size(), 1);
        QCOMPARE(parsed->authorisations.at(0).approvedBy, 4);
        QCOMPARE(parsed->authorisations.at(0).approvedAt, original.authorisations.at(0).approvedAt);
        QCOMPARE(parsed->pointsEarned, 12);
        QCOMPARE(parsed->catalogVersion, 4711);
        QCOMPARE(parsed->soldAt, original.soldAt);
    }

    void roundTripsPaymentFields()
    {
        // Issue 9: a card, a gift card, store credit and points, and a gift card sold on a line.
        Core::Sale sale = validSale();
        Core::SaleLine gift;
        gift.lineId = QStringLiteral("L3");
        gift.productId = 13;
        gift.sku = QStringLiteral("GIFT-25");
        gift.vatClass = Core::VatClass::Zero;
        gift.vatRate = { 0, QStringLiteral("zero") };
        gift.unitPrice = Money::fromCents(2500);
        gift.regularPrice = gift.unitPrice;
        gift.giftCardNumber = QStringLiteral("6036990000000017");
        sale.lines.append(gift);
        sale.vat = Core::vatBreakdown(sale.lines);
        sale.total = Money::fromCents(649 + 2500);
        sale.rounding = Money();
        Core::Tender card;
        card.method = Core::TenderMethod::Card;
        card.amount = Money::fromCents(1000);
        card.reference = QStringLiteral("POI-TX-1");
        card.claimId = QStringLiteral("SVC-0001");
        card.maskedPan = QStringLiteral("**** **** **** 1234");
        card.cardBrand = QStringLiteral("VISA");
        card.authCode = QStringLiteral("123456");
        Core::Tender giftTender;
        giftTender.method = Core::TenderMethod::GiftCard;
        giftTender.amount = Money::fromCents(1500);
        giftTender.reference = QStringLiteral("6036990000000025");
        giftTender.claimId = QStringLiteral("claim-1");
        giftTender.balanceLeft = Money::fromCents(0);
        Core::Tender points;
        points.method = Core::TenderMethod::LoyaltyPoints;
        points.amount = Money::fromCents(149);
        points.points = 149;
        points.reference = QStringLiteral("2990000000011");
        points.claimId = QStringLiteral("pts-1");
        points.balanceLeft = Money::fromCents(51);
        Core::Tender credit;
        credit.method = Core::TenderMethod::StoreCredit;
        credit.amount = Money::fromCents(500);
        credit.reference = QStringLiteral("2990000000011");
        credit.claimId = QStringLiteral("claim-2");
        sale.tenders = { card, giftTender, points, credit };
        const QJsonObject json = Sync::Protocol::saleToJson(sale);
        // Unset fields stay off the wire.
        const QJsonObject creditJson
            = json.value(QStringLiteral("tenders")).toArray().at(3).toObject();
        QVERIFY(!creditJson.contains(QStringLiteral("maskedPan")));
        QVERIFY(!creditJson.contains(QStringLiteral("balanceLeftCents")));
        QVERIFY(!json.value(QStringLiteral("lines"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .contains(QStringLiteral("giftCardNumber")));
        const auto parsed = Sync::Protocol::saleFromJson(
            QJsonDocument::fromJson(QJsonDocument(json).toJson()).object());
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().detail));
        QCOMPARE(parsed->tenders.size(), 4);
        QVERIFY(parsed->tenders.at(0) == card);
        QVERIFY(parsed->tenders.at(1) == giftTender);
        QVERIFY(parsed->tenders.at(2) == points);
        QVERIFY(parsed->tenders.at(3) == credit);
        QCOMPARE(parsed->lines.at(2).giftCardNumber, QStringLiteral("6036990000000017"));
        QVERIFY(parsed->lines.at(0).giftCardNumber.isEmpty());
    }

    void readsAnIssue8Sale()
    {
        // Queued by an issue-8 tablet: tenders without any of the new fields still read.
        QJsonObject json = Sync::Protocol::saleToJson(validSale());
        const QJsonObject tender = json.value(QStringLiteral("tenders")).toArray().at(0).toObject();
        QCOMPARE(tender.keys(),
            (QStringList { QStringLiteral("amountCents"), QStringLiteral("changeCents"),
                QStringLiteral("method"), QStringLiteral("reference"),
                QStringLiteral("tenderedCents") }));
        const auto parsed = Sync::Protocol::saleFromJson(json);
        QVERIFY(parsed.ok());
        QVERIFY(parsed->tenders.at(0).claimId.isEmpty());
        QVERIFY(!parsed->tenders.at(0).balanceLeft.has_value());
        QCOMPARE(parsed->tenders.at(0).points, 0);
    }

    void readsAProtocol1Sale()
    {
        // Queued on a tablet before its update: read as a Core::Sale, the line discount as a
        // manual adjustment, the payments as tenders, the seller left to the envelope.
        const QJsonObject v1
            = QJsonDocument::fromJson(R"({"saleId":"0c9f8a77-1111-4c57-9a4e-0a1f5f6b9c02",
            "receiptNumber":"AMS01-T1-000001","locationCode":"AMS01",
            "soldAt":"2026-03-01T10:00:00.000Z",
            "lines":[{"productId":1,"sku":"SKU1","quantity":2,"unitPriceCents":1000,
                "lineDiscountCents":100,"lineTotalCents":1900,"vatClass":"standard",
                "vatBasisPoints":2100}],
            "vat":[{"basisPoints":2100,"grossCents":1900,"vatCents":330,"netCents":1570}],
            "totalCents":1900,"roundingCents":0,
            "payments":[{"method":"card","amountCents":1900,"tenderedCents":0,"changeCents":0,
                "reference":"T-1"}],"customerId":0,"training":false})")
                  .object();
        const auto parsed = Sync::Protocol::saleFromJson(v1);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().detail));
        QCOMPARE(parsed->storeCode, QStringLiteral("AMS01"));
        QCOMPARE(parsed->staffId, 0);
        QCOMPARE(parsed->lines.first().lineId, QStringLiteral("L1"));
        QCOMPARE(parsed->lines.first().adjustments.size(), 1);
        QCOMPARE(parsed->lines.first().adjustments.first().kind, Core::AdjustmentKind::Manual);
        QCOMPARE(parsed->lines.first().lineTotal(), Money::fromCents(1900));
        QCOMPARE(parsed->tenders.first().method, Core::TenderMethod::Card);
        // Its terminal reference is its claim id (protocol 1 had no other).
        QCOMPARE(parsed->tenders.first().claimId, QStringLiteral("T-1"));
        QVERIFY(!parsed->customer.has_value());

        QJsonObject extra = v1;
        extra.insert(QStringLiteral("hack"), 1);
        QCOMPARE(Sync::Protocol::saleFromJson(extra).error().code,
            QStringLiteral("protocol.unknown_field"));
    }

    void rejectsInvalid_data()
    {
        QTest::addColumn<QJsonObject>("json");
        QTest::addColumn<QString>("code");
        QTest::newRow("unknown field")
            << mutate([](QJsonObject &j) { j[QStringLiteral("extra")] = 1; })
            << QStringLiteral("protocol.unknown_field");
        QTest::newRow("missing total")
            << mutate([](QJsonObject &j) { j.remove(QStringLiteral("totalCents")); })
            << QStringLiteral("protocol.missing_field");
        QTest::newRow("total as string") << mutate([](QJsonObject &j) {
            j[QStringLiteral("totalCents")] = QStringLiteral("699");
        }) << QStringLiteral("protocol.wrong_type");
        QTest::newRow("fractional cents")
            << mutate([](QJsonObject &j) { j[QStringLiteral("totalCents")] = 699.5; })
            << QStringLiteral("protocol.wrong_type");
        QTest::newRow("huge number")
            << mutate([](QJsonObject &j) { j[QStringLiteral("totalCents")] = 1e300; })
            << QStringLiteral("protocol.wrong_type");
        QTest::newRow("total does not add up")
            << mutate([](QJsonObject &j) { j[QStringLiteral("totalCents")] = 650; })
            << QStringLiteral("sale.total");
        QTest::newRow("no lines") << mutate([](QJsonObject &j) {
            j[QStringLiteral("lines")] = QJsonArray();
        }) << QStringLiteral("sale.lines");
        QTest::newRow("bad sale id")
            << mutate([](QJsonObject &j) { j[QStringLiteral("saleId")] = QStringLiteral("nope"); })
            << QStringLiteral("protocol.bad_id");
        QTest::newRow("bad time") << mutate([](QJsonObject &j) {
            j[QStringLiteral("soldAt")] = QStringLiteral("yesterday");
        }) << QStringLiteral("protocol.bad_time");
        QTest::newRow("zero quantity")
            << mutateLine([](QJsonObject &l) { l[QStringLiteral("quantity")] = 0; })
            << QStringLiteral("sale.quantity");
        QTest::newRow("negative unit price")
            << mutateLine([](QJsonObject &l) { l[QStringLiteral("unitPriceCents")] = -250; })
            << QStringLiteral("protocol.out_of_range");
        QTest::newRow("line total wrong")
            << mutateLine([](QJsonObject &l) { l[QStringLiteral("lineTotalCents")] = 499; })
            << QStringLiteral("sale.line_total");
        QTest::newRow("unknown line field") << mutateLine([](QJsonObject &l) {
            l[QStringLiteral("colour")] = QStringLiteral("red");
        }) << QStringLiteral("protocol.unknown_field");
        QTest::newRow("vat net+vat != gross") << mutate([](QJsonObject &j) {
            QJsonArray vat = j.value(QStringLiteral("vat")).toArray();
            QJsonObject first = vat.at(0).toObject();
            first[QStringLiteral("vatCents")] = 88;
            vat[0] = first;
            j[QStringLiteral("vat")] = vat;
        }) << QStringLiteral("sale.vat_mismatch");
        QTest::newRow("tenders short") << mutate([](QJsonObject &j) {
            QJsonArray tenders = j.value(QStringLiteral("tenders")).toArray();
            QJsonObject first = tenders.at(0).toObject();
            first[QStringLiteral("amountCents")] = 600;
            tenders[0] = first;
            j[QStringLiteral("tenders")] = tenders;
        }) << QStringLiteral("sale.payments");
        QTest::newRow("unknown tender method") << mutate([](QJsonObject &j) {
            QJsonArray tenders = j.value(QStringLiteral("tenders")).toArray();
            QJsonObject first = tenders.at(0).toObject();
            first[QStringLiteral("method")] = QStringLiteral("iou");
            tenders[0] = first;
            j[QStringLiteral("tenders")] = tenders;
        }) << QStringLiteral("protocol.bad_value");
        QTest::newRow("duplicate line id") << mutate([](QJsonObject &j) {
            QJsonArray lines = j.value(QStringLiteral("lines")).toArray();
            QJsonObject second = lines.at(1).toObject();
            second[QStringLiteral("lineId")] = QStringLiteral("L1");
            lines[1] = second;
            j[QStringLiteral("lines")] = lines;
        }) << QStringLiteral("sale.line_id");
        QTest::newRow("unknown adjustment kind") << mutateLine([](QJsonObject &l) {
            QJsonArray adjustments = l.value(QStringLiteral("adjustments")).toArray();
            QJsonObject first = adjustments.at(0).toObject();
            first[QStringLiteral("kind")] = QStringLiteral("gift");
            adjustments[0] = first;
            l[QStringLiteral("adjustments")] = adjustments;
        }) << QStringLiteral("protocol.bad_value");
        QTest::newRow("adjustment larger than the line") << mutateLine([](QJsonObject &l) {
            QJsonArray adjustments = l.value(QStringLiteral("adjustments")).toArray();
            QJsonObject first = adjustments.at(0).toObject();
            first[QStringLiteral("amountCents")] = 600;
            adjustments[0] = first;
            l[QStringLiteral("adjustments")] = adjustments;
            l[QStringLiteral("lineTotalCents")] = -100;
        }) << QStringLiteral("sale.adjustment_exceeds_line");
        QTest::newRow("unknown customer field") << mutate([](QJsonObject &j) {
            QJsonObject customer = j.value(QStringLiteral("customer")).toObject();
            customer[QStringLiteral("vip")] = true;
            j[QStringLiteral("customer")] = customer;
        }) << QStringLiteral("protocol.unknown_field");
        QTest::newRow("unknown permission") << mutate([](QJsonObject &j) {
            QJsonArray list = j.value(QStringLiteral("authorisations")).toArray();
            QJsonObject first = list.at(0).toObject();
            first[QStringLiteral("permission")] = QStringLiteral("anything");
            list[0] = first;
            j[QStringLiteral("authorisations")] = list;
        }) << QStringLiteral("protocol.bad_value");
        QTest::newRow("claim id not text") << mutate([](QJsonObject &j) {
            QJsonArray tenders = j.value(QStringLiteral("tenders")).toArray();
            QJsonObject t = tenders.at(0).toObject();
            t[QStringLiteral("claimId")] = 7;
            tenders[0] = t;
            j[QStringLiteral("tenders")] = tenders;
        }) << QStringLiteral("protocol.wrong_type");
        QTest::newRow("negative points") << mutate([](QJsonObject &j) {
            QJsonArray tenders = j.value(QStringLiteral("tenders")).toArray();
            QJsonObject t = tenders.at(0).toObject();
            t[QStringLiteral("points")] = -5;
            tenders[0] = t;
            j[QStringLiteral("tenders")] = tenders;
        }) << QStringLiteral("protocol.out_of_range");
        QTest::newRow("fractional balance left") << mutate([](QJsonObject &j) {
            QJsonArray tenders = j.value(QStringLiteral("tenders")).toArray();
            QJsonObject t = tenders.at(0).toObject();
            t[QStringLiteral("balanceLeftCents")] = 1.5;
            tenders[0] = t;
            j[QStringLiteral("tenders")] = tenders;
        }) << QStringLiteral("protocol.wrong_type");
        QTest::newRow("gift card number not text")
            << mutateLine([](QJsonObject &l) { l[QStringLiteral("giftCardNumber")] = 6036; })
            << QStringLiteral("protocol.wrong_type");
        QTest::newRow("line not an object")
            << mutate([](QJsonObject &j) { j[QStringLiteral("lines")] = QJsonArray { 42 }; })
            << QStringLiteral("protocol.wrong_type");
    }

    void rejectsInvalid()
    {
        QFETCH(QJsonObject, json);
        QFETCH(QString, code);
        const auto parsed = Sync::Protocol::saleFromJson(json);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, code);
        QVERIFY(!parsed.error().message.isEmpty());
    }

    void envelopeValidation()
    {
        EventEnvelope event;
        event.eventId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        event.deviceId = QStringLiteral("tablet-1");
        event.deviceSeq = 7;
        event.type = QStringLiteral("sale");
        event.staffId = 3;
        event.occurredAt = QDateTime::currentDateTimeUtc();
        event.payload = Sync::Protocol::saleToJson(validSale());
        const auto parsed = EventEnvelope::fromJson(event.toJson());
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->deviceSeq, 7);

        QJsonObject zeroSeq = event.toJson();
        zeroSeq[QStringLiteral("deviceSeq")] = 0;
        QCOMPARE(
            EventEnvelope::fromJson(zeroSeq).error().code, QStringLiteral("protocol.out_of_range"));

        QJsonObject noPayload = event.toJson();
        noPayload[QStringLiteral("payload")] = QStringLiteral("x");
        QCOMPARE(
            EventEnvelope::fromJson(noPayload).error().code, QStringLiteral("protocol.wrong_type"));
    }
};

QTEST_GUILESS_MAIN(tst_SaleEvent)
#include "tst_saleevent.moc"
