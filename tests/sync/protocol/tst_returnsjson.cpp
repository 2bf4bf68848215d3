#include "sync/protocol/returns.h"

#include <QJsonArray>
#include <QTest>

using namespace Toonbank;
using Core::Money;

namespace {

Money eur(qint64 cents)
{
    return Money::fromCents(cents);
}

Core::ReturnableOrder sampleOrder()
{
    Core::ReturnableOrder order;
    order.origin = Core::ReturnOrigin::WebOrder;
    order.number = QStringLiteral("W-100234");
    order.saleId = QStringLiteral("100234");
    order.soldAt = QDateTime(QDate(2026, 11, 1), QTime(9, 30), QTimeZone::utc());
    order.deliveredOn = QDate(2026, 11, 3);
    order.deliveryCost = eur(495);
    Core::ReturnableLine a;
    a.lineId = QStringLiteral("W1");
    a.productId = 11;
    a.sku = QStringLiteral("SHIRT-M");
    a.name = QStringLiteral("Shirt M");
    a.category = QStringLiteral("Shirts");
    a.vatBasisPoints = 2100;
    a.sold = 2;
    a.returned = 1;
    a.lineTotal = eur(5998);
    Core::ReturnableLine b = a;
    b.lineId = QStringLiteral("W2");
    b.sku = QStringLiteral("GIFT");
    b.vatClass = Core::VatClass::Zero;
    b.vatBasisPoints = 0;
    b.sold = 1;
    b.returned = 0;
    b.lineTotal = eur(2500);
    b.giftCardNumber = QStringLiteral("6064360000000001");
    order.lines = { a, b };
    order.total = eur(8498);
    Core::OriginalTender ideal;
    ideal.method = QStringLiteral("ideal");
    ideal.amount = eur(8993);
    ideal.refunded = eur(2999);
    ideal.reference = QStringLiteral("PSP-778");
    ideal.at = QDateTime(QDate(2026, 11, 1), QTime(9, 31), QTimeZone::utc());
    order.tenders = { ideal };
    order.customer
        = Core::SaleCustomer { 42, QStringLiteral("2990000000015"), QStringLiteral("silver") };
    order.pointsEarned = 170;
    order.pointsTakenBack = 60;
    return order;
}

Core::Return sampleReturn()
{
    Core::Return ret;
    ret.returnId = QStringLiteral("9b6f3c1e-6c1d-4a55-8d0e-2f4c1a7b9e10");
    ret.receiptNumber = QStringLiteral("AMS01-T1-R000001");
    ret.storeCode = QStringLiteral("AMS01");
    ret.returnedAt = QDateTime(QDate(2026, 11, 10), QTime(14, 5), QTimeZone::utc());
    ret.staffId = 7;
    ret.origin = Core::ReturnOrigin::StoreSale;
    ret.originNumber = QStringLiteral("AMS01-T1-000042");
    ret.originSaleId = QStringLiteral("6f1c2a5e-2b7f-4a59-9a0e-6a3c1d2e4f50");
    ret.claimId = QStringLiteral("1c7d3e2a-4b5f-4c6d-8e9f-0a1b2c3d4e5f");
    Core::ReturnLine shirt;
    shirt.lineId = QStringLiteral("R1");
    shirt.originalLineId = QStringLiteral("L1");
    shirt.productId = 11;
    shirt.sku = QStringLiteral("SHIRT-M");
    shirt.name = QStringLiteral("Shirt M");
    shirt.category = QStringLiteral("Shirts");
    shirt.vatBasisPoints = 2100;
    shirt.quantity = 1;
    shirt.refund = eur(2999);
    shirt.reason = Core::ReturnReason::WrongSize;
    Core::ReturnLine book = shirt;
    book.lineId = QStringLiteral("R2");
    book.originalLineId = QStringLiteral("L2");
    book.sku = QStringLiteral("BOOK");
    book.vatClass = Core::VatClass::Reduced;
    book.vatBasisPoints = 900;
    book.refund = eur(1004);
    book.reason = Core::ReturnReason::Defective;
    book.condition = Core::ItemCondition::Damaged;
    ret.lines = { shirt, book };
    ret.goods = eur(4003);
    ret.total = eur(4003);
    ret.rounding = eur(2);
    Core::Refund card;
    card.method = Core::RefundMethod::Card;
    card.amount = eur(3000);
    card.reference = QStringLiteral("POI-R-1");
    card.originalReference = QStringLiteral("POI-1");
    card.claimId = QStringLiteral("svc-77");
    card.maskedPan = QStringLiteral("**** **** **** 1234");
    Core::Refund cash;
    cash.method = Core::RefundMethod::Cash;
    cash.amount = eur(1005);
    ret.refunds = { card, cash };
    ret.vat = Core::returnVat(ret.lines);
    ret.customer
        = Core::SaleCustomer { 42, QStringLiteral("2990000000015"), QStringLiteral("silver") };
    ret.pointsTakenBack = 40;
    Core::Authorisation approval;
    approval.permission = Core::Permission::ApproveReturnException;
    approval.requestedBy = 7;
    approval.approvedBy = 3;
    approval.lineId = QStringLiteral("R2");
    approval.reason = QStringLiteral("window passed");
    approval.approvedAt = ret.returnedAt;
    ret.authorisations = { approval };
    return ret;
}

QJsonObject withLine(QJsonObject json, const char *arrayKey, qsizetype index, const char *key,
    const QJsonValue &value)
{
    QJsonArray array = json.value(QLatin1String(arrayKey)).toArray();
    QJsonObject item = array.at(index).toObject();
    if (value.isUndefined())
        item.remove(QLatin1String(key));
    else
        item.insert(QLatin1String(key), value);
    array.replace(index, item);
    json.insert(QLatin1String(arrayKey), array);
    return json;
}

} // namespace

class tst_ReturnsJson : public QObject
{
    Q_OBJECT

private slots:
    void orderRoundTrip();
    void orderRejects_data();
    void orderRejects();
    void policyRoundTrip();
    void policyRejects_data();
    void policyRejects();
    void claimRoundTrip();
    void claimRejects_data();
    void claimRejects();
    void conflictBody();
    void returnRoundTrip();
    void returnRejects_data();
    void returnRejects();
    void returnShiftIdTravels();
};

void tst_ReturnsJson::orderRoundTrip()
{
    const Core::ReturnableOrder order = sampleOrder();
    const QJsonObject json = Sync::Protocol::toJson(order);
    QCOMPARE(json.value(QStringLiteral("deliveredOn")).toString(), QStringLiteral("2026-11-03"));
    QCOMPARE(json.value(QStringLiteral("origin")).toString(), QStringLiteral("web_order"));
    const auto back = Sync::Protocol::returnableOrderFromJson(json);
    QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().detail));
    QCOMPARE(Sync::Protocol::toJson(back.value()), json);
    QCOMPARE(back->lines.at(1).giftCardNumber, QStringLiteral("6064360000000001"));
    QCOMPARE(back->lines.at(0).returnable(), 1);
    QCOMPARE(back->tenders.at(0).refundable(), eur(5994));
    QCOMPARE(*back->deliveredOn, QDate(2026, 11, 3));
    QCOMPARE(back->customer->tier, QStringLiteral("silver"));

    // A store sale, not delivered, no customer: the optional fields stay away.
    Core::ReturnableOrder store = order;
    store.origin = Core::ReturnOrigin::StoreSale;
    store.deliveredOn.reset();
    store.customer.reset();
    const QJsonObject storeJson = Sync::Protocol::toJson(store);
    QVERIFY(!storeJson.contains(QStringLiteral("deliveredOn")));
    QVERIFY(!storeJson.contains(QStringLiteral("customer")));
    const auto storeBack = Sync::Protocol::returnableOrderFromJson(storeJson);
    QVERIFY(storeBack.ok());
    QVERIFY(!storeBack->deliveredOn);
    QVERIFY(!storeBack->customer);
}

void tst_ReturnsJson::orderRejects_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QString>("code");

    const QJsonObject good = Sync::Protocol::toJson(sampleOrder());
    QJsonObject unknown = good;
    unknown.insert(QStringLiteral("discount"), 5);
    QTest::newRow("unknown field") << unknown << QStringLiteral("protocol.unknown_field");
    QTest::newRow("unknown line field") << withLine(good, "lines", 0, "colour",
        QStringLiteral("red")) << QStringLiteral("protocol.unknown_field");
    QTest::newRow("negative sold")
        << withLine(good, "lines", 0, "sold", -1) << QStringLiteral("protocol.out_of_range");
    QTest::newRow("negative returned")
        << withLine(good, "lines", 0, "returned", -1) << QStringLiteral("protocol.out_of_range");
    QTest::newRow("returned above sold")
        << withLine(good, "lines", 0, "returned", 3) << QStringLiteral("protocol.bad_value");
    QTest::newRow("lines do not add up")
        << withLine(good, "lines", 0, "lineTotalCents", 5999) << QStringLiteral("order.total");
    QTest::newRow("refunded above paid") << withLine(good, "tenders", 0, "refundedCents", 9000)
                                         << QStringLiteral("protocol.bad_value");
    QTest::newRow("negative tender") << withLine(good, "tenders", 0, "amountCents", -1)
                                     << QStringLiteral("protocol.out_of_range");
    QTest::newRow("fractional cents") << withLine(good, "lines", 0, "lineTotalCents", 59.5)
                                      << QStringLiteral("protocol.wrong_type");
    QJsonObject badOrigin = good;
    badOrigin.insert(QStringLiteral("origin"), QStringLiteral("mail_order"));
    QTest::newRow("unknown origin") << badOrigin << QStringLiteral("protocol.bad_value");
    QJsonObject badDate = good;
    badDate.insert(QStringLiteral("deliveredOn"), QStringLiteral("3 Nov"));
    QTest::newRow("bad delivery date") << badDate << QStringLiteral("protocol.bad_value");
    QJsonObject missing = good;
    missing.remove(QStringLiteral("number"));
    QTest::newRow("missing number") << missing << QStringLiteral("protocol.missing_field");
    QJsonObject points = good;
    points.insert(QStringLiteral("pointsTakenBack"), 171);
    QTest::newRow("more points taken back than earned")
        << points << QStringLiteral("protocol.bad_value");
}

void tst_ReturnsJson::orderRejects()
{
    QFETCH(QJsonObject, json);
    QFETCH(QString, code);
    const auto order = Sync::Protocol::returnableOrderFromJson(json);
    QVERIFY(!order.ok());
    QCOMPARE(order.error().code, code);
}

void tst_ReturnsJson::policyRoundTrip()
{
    const Core::ReturnPolicy policy = Core::ReturnPolicy::defaults();
    const QJsonObject json = Sync::Protocol::toJson(policy);
    QCOMPARE(json.value(QStringLiteral("windowDaysByCategory"))
                 .toObject()
                 .value(QStringLiteral("Electronics"))
                 .toInt(),
        14);
    const auto back = Sync::Protocol::returnPolicyFromJson(json);
    QVERIFY(back.ok());
    QCOMPARE(back->webWithdrawalDays, 14);
    QCOMPARE(back->defaultWindowDays, 30);
    QCOMPARE(back->windowDaysByCategory, policy.windowDaysByCategory);
    QCOMPARE(back->finalSaleCategories, policy.finalSaleCategories);
    QCOMPARE(back->receiptRequired, true);
    QCOMPARE(Sync::Protocol::toJson(back.value()), json);
}

void tst_ReturnsJson::policyRejects_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QString>("code");
    const QJsonObject good = Sync::Protocol::toJson(Core::ReturnPolicy::defaults());
    QJsonObject unknown = good;
    unknown.insert(QStringLiteral("restockingFee"), 5);
    QTest::newRow("unknown field") << unknown << QStringLiteral("protocol.unknown_field");
    QJsonObject shortWeb = good;
    shortWeb.insert(QStringLiteral("webWithdrawalDays"), 7);
    QTest::newRow("web below 14 days") << shortWeb << QStringLiteral("protocol.out_of_range");
    QJsonObject negative = good;
    negative.insert(QStringLiteral("defaultWindowDays"), -1);
    QTest::newRow("negative window") << negative << QStringLiteral("protocol.out_of_range");
    QJsonObject badWindow = good;
    badWindow.insert(QStringLiteral("windowDaysByCategory"),
        QJsonObject { { QStringLiteral("Shoes"), QStringLiteral("thirty") } });
    QTest::newRow("window not a number") << badWindow << QStringLiteral("protocol.wrong_type");
    QJsonObject badFinal = good;
    badFinal.insert(QStringLiteral("finalSaleCategories"), QJsonArray { 3 });
    QTest::newRow("final sale not text") << badFinal << QStringLiteral("protocol.wrong_type");
}

void tst_ReturnsJson::policyRejects()
{
    QFETCH(QJsonObject, json);
    QFETCH(QString, code);
    const auto policy = Sync::Protocol::returnPolicyFromJson(json);
    QVERIFY(!policy.ok());
    QCOMPARE(policy.error().code, code);
}

void tst_ReturnsJson::claimRoundTrip()
{
    Sync::Protocol::ReturnClaimRequest request;
    request.claimId = QStringLiteral("1c7d3e2a-4b5f-4c6d-8e9f-0a1b2c3d4e5f");
    request.returnId = QStringLiteral("9b6f3c1e-6c1d-4a55-8d0e-2f4c1a7b9e10");
    request.origin = Core::ReturnOrigin::WebOrder;
    request.number = QStringLiteral("W-100234");
    request.storeCode = QStringLiteral("AMS01");
    request.lines = { { QStringLiteral("W1"), 1 } };
    const QJsonObject json = request.toJson();
    const auto back = Sync::Protocol::ReturnClaimRequest::fromJson(json);
    QVERIFY(back.ok());
    QCOMPARE(back->toJson(), json);

    Sync::Protocol::ReturnClaim claim;
    claim.claimId = request.claimId;
    claim.returnId = request.returnId;
    claim.number = request.number;
    claim.state = Sync::Protocol::ReturnClaim::State::Used;
    claim.lines = request.lines;
    claim.order = sampleOrder();
    const QJsonObject claimJson = claim.toJson();
    QCOMPARE(claimJson.value(QStringLiteral("state")).toString(), QStringLiteral("used"));
    const auto claimBack = Sync::Protocol::ReturnClaim::fromJson(claimJson);
    QVERIFY(claimBack.ok());
    QCOMPARE(claimBack->toJson(), claimJson);
    QCOMPARE(claimBack->state, Sync::Protocol::ReturnClaim::State::Used);
    QCOMPARE(Sync::Protocol::name(Sync::Protocol::ReturnClaim::State::Released),
        QStringLiteral("released"));
}

void tst_ReturnsJson::claimRejects_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QString>("code");
    Sync::Protocol::ReturnClaimRequest request;
    request.claimId = QStringLiteral("1c7d3e2a-4b5f-4c6d-8e9f-0a1b2c3d4e5f");
    request.returnId = QStringLiteral("9b6f3c1e-6c1d-4a55-8d0e-2f4c1a7b9e10");
    request.number = QStringLiteral("AMS01-T1-000042");
    request.storeCode = QStringLiteral("AMS01");
    request.lines = { { QStringLiteral("L1"), 2 }, { QStringLiteral("L2"), 1 } };
    const QJsonObject good = request.toJson();

    QJsonObject unknown = good;
    unknown.insert(QStringLiteral("force"), true);
    QTest::newRow("unknown field") << unknown << QStringLiteral("protocol.unknown_field");
    QTest::newRow("negative quantity")
        << withLine(good, "lines", 0, "quantity", -1) << QStringLiteral("protocol.out_of_range");
    QTest::newRow("zero quantity")
        << withLine(good, "lines", 0, "quantity", 0) << QStringLiteral("protocol.out_of_range");
    QTest::newRow("duplicate line") << withLine(good, "lines", 1, "lineId", QStringLiteral("L1"))
                                    << QStringLiteral("protocol.bad_value");
    QJsonObject noLines = good;
    noLines.insert(QStringLiteral("lines"), QJsonArray());
    QTest::newRow("no lines") << noLines << QStringLiteral("protocol.bad_value");
    QJsonObject badId = good;
    badId.insert(QStringLiteral("claimId"), QStringLiteral("claim-1"));
    QTest::newRow("claim id not a UUID") << badId << QStringLiteral("protocol.bad_id");
    QJsonObject noReceipt = good;
    noReceipt.insert(QStringLiteral("origin"), QStringLiteral("no_receipt"));
    QTest::newRow("no receipt has nothing to claim")
        << noReceipt << QStringLiteral("protocol.bad_value");
}

void tst_ReturnsJson::claimRejects()
{
    QFETCH(QJsonObject, json);
    QFETCH(QString, code);
    const auto request = Sync::Protocol::ReturnClaimRequest::fromJson(json);
    QVERIFY(!request.ok());
    QCOMPARE(request.error().code, code);
}

void tst_ReturnsJson::conflictBody()
{
    const QJsonObject body = Sync::Protocol::returnConflictToJson(QStringLiteral("return.quantity"),
        QStringLiteral("Only 1 can still be returned."),
        { { QStringLiteral("L1"), 1 }, { QStringLiteral("L2"), 0 } });
    QCOMPARE(body.value(QStringLiteral("code")).toString(), QStringLiteral("return.quantity"));
    const QList<Sync::Protocol::ReturnableLeft> left = Sync::Protocol::returnableLeftFromJson(body);
    QCOMPARE(left.size(), 2);
    QCOMPARE(left.at(0).lineId, QStringLiteral("L1"));
    QCOMPARE(left.at(0).returnable, 1);
    QCOMPARE(left.at(1).returnable, 0);
    QVERIFY(Sync::Protocol::returnableLeftFromJson(QJsonObject()).isEmpty());
}

void tst_ReturnsJson::returnRoundTrip()
{
    const Core::Return ret = sampleReturn();
    const QJsonObject json = Sync::Protocol::returnToJson(ret);
    const auto back = Sync::Protocol::returnFromJson(json);
    QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().detail));
    QCOMPARE(Sync::Protocol::returnToJson(back.value()), json);
    QCOMPARE(back->refunds, ret.refunds);
    QCOMPARE(back->lines.at(1).condition, Core::ItemCondition::Damaged);
    QCOMPARE(back->lines.at(1).reason, Core::ReturnReason::Defective);
    QCOMPARE(back->authorisations.at(0).permission, Core::Permission::ApproveReturnException);
    QCOMPARE(back->vat.size(), 2);
    QCOMPARE(back->returnedAt, ret.returnedAt);

    // An exchange without customer or claim (an offline return of the store's own sale).
    Core::Return exchange = ret;
    exchange.claimId.clear();
    exchange.customer.reset();
    exchange.rounding = Money();
    Core::Refund credit;
    credit.method = Core::RefundMethod::Exchange;
    credit.amount = ret.total;
    credit.reference = QStringLiteral("0d6a1f3b-2c4e-4f5a-9b8c-7d6e5f4a3b2c");
    exchange.refunds = { credit };
    exchange.exchangeSaleId = credit.reference;
    const auto exchangeBack
        = Sync::Protocol::returnFromJson(Sync::Protocol::returnToJson(exchange));
    QVERIFY(exchangeBack.ok());
    QCOMPARE(exchangeBack->exchangeSaleId, credit.reference);
    QVERIFY(!exchangeBack->customer);
}

void tst_ReturnsJson::returnRejects_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QString>("code");
    const QJsonObject good = Sync::Protocol::returnToJson(sampleReturn());

    QJsonObject unknown = good;
    unknown.insert(QStringLiteral("note"), QStringLiteral("x"));
    QTest::newRow("unknown field") << unknown << QStringLiteral("protocol.unknown_field");
    QTest::newRow("unknown refund field")
        << withLine(good, "refunds", 0, "tip", 1) << QStringLiteral("protocol.unknown_field");
    QTest::newRow("negative quantity")
        << withLine(good, "lines", 0, "quantity", -1) << QStringLiteral("protocol.out_of_range");
    QTest::newRow("negative refund") << withLine(good, "lines", 0, "refundCents", -2999)
                                     << QStringLiteral("protocol.out_of_range");
    QTest::newRow("lines do not add up to goods")
        << withLine(good, "lines", 0, "refundCents", 3000) << QStringLiteral("return.goods");
    QJsonObject total = good;
    total.insert(QStringLiteral("totalCents"), 4500);
    QTest::newRow("goods and delivery do not add up") << total << QStringLiteral("return.total");
    QTest::newRow("refunds do not add up")
        << withLine(good, "refunds", 1, "amountCents", 1000) << QStringLiteral("return.refunds");
    QTest::newRow("VAT differs") << withLine(good, "vat", 0, "vatCents", 1)
                                 << QStringLiteral("return.vat_mismatch");
    QTest::newRow("unknown refund method") << withLine(good, "refunds", 1, "method",
        QStringLiteral("cheque")) << QStringLiteral("protocol.bad_value");
    QTest::newRow("unknown condition") << withLine(good, "lines", 0, "condition",
        QStringLiteral("soiled")) << QStringLiteral("protocol.bad_value");
    QTest::newRow("duplicate line id") << withLine(good, "lines", 1, "lineId", QStringLiteral("R1"))
                                       << QStringLiteral("return.line_id");
    QJsonObject badId = good;
    badId.insert(QStringLiteral("returnId"), QStringLiteral("R-1"));
    QTest::newRow("return id not a UUID") << badId << QStringLiteral("protocol.bad_id");
    QJsonObject noLines = good;
    noLines.insert(QStringLiteral("lines"), QJsonArray());
    QTest::newRow("no lines") << noLines << QStringLiteral("return.lines");
    QJsonObject noStaff = good;
    noStaff.remove(QStringLiteral("staffId"));
    QTest::newRow("no staff") << noStaff << QStringLiteral("protocol.missing_field");
}

void tst_ReturnsJson::returnRejects()
{
    QFETCH(QJsonObject, json);
    QFETCH(QString, code);
    const auto ret = Sync::Protocol::returnFromJson(json);
    QVERIFY(!ret.ok());
    QCOMPARE(ret.error().code, code);
}

void tst_ReturnsJson::returnShiftIdTravels()
{
    Core::Return ret = sampleReturn();
    QVERIFY(!Sync::Protocol::returnToJson(ret).contains(QStringLiteral("shiftId")));
    ret.shiftId = QStringLiteral("0d8f6a52-5a0e-4c57-9f8a-0c1f2e3d4b5a");
    const QJsonObject json = Sync::Protocol::returnToJson(ret);
    QCOMPARE(json.value(QStringLiteral("shiftId")).toString(), ret.shiftId);
    const auto parsed = Sync::Protocol::returnFromJson(json);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().detail));
    QCOMPARE(parsed->shiftId, ret.shiftId);
    QJsonObject wrong = json;
    wrong.insert(QStringLiteral("shiftId"), true);
    QCOMPARE(
        Sync::Protocol::returnFromJson(wrong).error().code, QStringLiteral("protocol.wrong_type"));
}

QTEST_GUILESS_MAIN(tst_ReturnsJson)
#include "tst_returnsjson.moc"
