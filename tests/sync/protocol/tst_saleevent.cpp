#include "sync/protocol/saleevent.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUuid>

#include <functional>

using namespace Toonbank;
using Core::Money;
using Sync::Protocol::EventEnvelope;
using Sync::Protocol::SaleEvent;

namespace {

// A two-rate cash sale that adds up: 2 × 2.50 at 21 % and 1 × 1.99 at 9 %, total 6.99, paid
// 7.00 in cash after rounding.
SaleEvent validSale()
{
    SaleEvent sale;
    sale.saleId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    sale.receiptNumber = QStringLiteral("AMS01-T1-000001");
    sale.locationCode = QStringLiteral("AMS01");
    sale.soldAt = QDateTime(QDate(2026, 11, 24), QTime(10, 0), Qt::UTC);
    sale.lines = {
        { 11, QStringLiteral("SKU-11"), 2, Money::fromCents(250), Money(), Money::fromCents(500),
            QStringLiteral("standard"), 2100 },
        { 12, QStringLiteral("SKU-12"), 1, Money::fromCents(199), Money(), Money::fromCents(199),
            QStringLiteral("reduced"), 900 },
    };
    sale.vat = {
        { 2100, Money::fromCents(500), Money::fromCents(87), Money::fromCents(413) },
        { 900, Money::fromCents(199), Money::fromCents(16), Money::fromCents(183) },
    };
    sale.total = Money::fromCents(699);
    sale.rounding = Money::fromCents(1);
    sale.payments = { { QStringLiteral("cash"), Money::fromCents(700), Money::fromCents(1000),
        Money::fromCents(300), QString() } };
    return sale;
}

QJsonObject mutate(const std::function<void(QJsonObject &)> &change)
{
    QJsonObject json = validSale().toJson();
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
    void roundTrip()
    {
        const SaleEvent original = validSale();
        const QByteArray wire = QJsonDocument(original.toJson()).toJson(QJsonDocument::Compact);
        const auto parsed = SaleEvent::fromJson(QJsonDocument::fromJson(wire).object());
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().detail));
        QCOMPARE(parsed->saleId, original.saleId);
        QCOMPARE(parsed->lines.size(), 2);
        QCOMPARE(parsed->lines.at(0).lineTotal, Money::fromCents(500));
        QCOMPARE(parsed->total, Money::fromCents(699));
        QCOMPARE(parsed->rounding, Money::fromCents(1));
        QCOMPARE(parsed->payments.at(0).change, Money::fromCents(300));
        QCOMPARE(parsed->soldAt, original.soldAt);
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
            << mutate([](QJsonObject &j) { j[QStringLiteral("totalCents")] = 700; })
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
        }) << QStringLiteral("sale.vat");
        QTest::newRow("payments short") << mutate([](QJsonObject &j) {
            QJsonArray payments = j.value(QStringLiteral("payments")).toArray();
            QJsonObject first = payments.at(0).toObject();
            first[QStringLiteral("amountCents")] = 650;
            payments[0] = first;
            j[QStringLiteral("payments")] = payments;
        }) << QStringLiteral("sale.payments");
        QTest::newRow("line not an object")
            << mutate([](QJsonObject &j) { j[QStringLiteral("lines")] = QJsonArray { 42 }; })
            << QStringLiteral("protocol.wrong_type");
    }

    void rejectsInvalid()
    {
        QFETCH(QJsonObject, json);
        QFETCH(QString, code);
        const auto parsed = SaleEvent::fromJson(json);
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
        event.payload = validSale().toJson();
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
