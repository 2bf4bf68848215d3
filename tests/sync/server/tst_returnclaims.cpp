// Returns through the real toonbank-server (docs/RETURNS.md): looking up a store sale of
// another store, a web order (QR and typed), a return (return.of_return), an unknown number
// and another chain's codes; claims (201, the same claim again: the same 201, other lines under
// the same id: 409 claim.mismatch, more than is left: 409 return.quantity with what is
// returnable), a line returned over several visits until nothing is left, release (the
// quantities come back, once) and a new claim, a used claim that cannot be released, and
// `toonbank-admin import web-orders` refusing a file with bad rows as a whole. SQLite, and
// PostgreSQL when registered with TOONBANK_TEST_BACKEND=postgresql.
#include "serverfixture.h"

#include "sync/protocol/enrolment.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>
#include <QUuid>
#include <QtTest>

using namespace Toonbank;
using namespace Toonbank::Tests;

namespace {

constexpr qint64 cashier = 7; // AMS01

QByteArray toBody(const QJsonObject &json)
{
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString errorCode(const HttpAnswer &answer)
{
    return answer.json.value(QStringLiteral("error"))
        .toObject()
        .value(QStringLiteral("code"))
        .toString();
}

QJsonObject lineOf(const QJsonObject &order, const QString &lineId)
{
    for (const QJsonValue &line : order.value(QStringLiteral("lines")).toArray()) {
        if (line[QStringLiteral("lineId")].toString() == lineId)
            return line.toObject();
    }
    return {};
}

// The web orders of the suite: W-7001 (3 × SKU1 and 1 × SKU2, delivered, card + gift card,
// delivery 4.95), W-7002 (2 × SKU3, not delivered), W-7003 (an old order without lines).
const char webOrders[] = R"([
{"id": 7001, "orderNumber": "W-7001", "locationCode": "AMS01", "customerId": 1,
 "status": "collected", "channel": "web", "orderedAt": "2026-11-01T10:00:00Z",
 "deliveredOn": "2026-11-03", "deliveryCents": 495, "totalCents": 3800,
 "lines": [
  {"lineId": "1", "sku": "SKU1", "quantity": 3, "unitPriceCents": 1000, "lineTotalCents": 2700},
  {"lineId": "2", "productId": 2, "name": "Product two", "category": "Shoes", "quantity": 1,
   "unitPriceCents": 1100, "lineTotalCents": 1100, "vatBasisPoints": 2100}],
 "tenders": [
  {"method": "web_card", "amountCents": 3295, "reference": "PSP-1", "paidAt": "2026-11-01T10:01:00Z"},
  {"method": "gift_card", "amountCents": 1000, "reference": "6036990000009999"}]},
{"id": 7002, "orderNumber": "W-7002", "locationCode": "UTR01", "status": "shipped",
 "totalCents": 2000,
 "lines": [{"lineId": "A", "sku": "SKU3", "quantity": 2, "unitPriceCents": 1000, "lineTotalCents": 2000}],
 "tenders": [{"method": "ideal", "amountCents": 2000, "reference": "PSP-2"}]},
{"id": 7003, "orderNumber": "W-7003", "locationId": 1, "status": "shipped", "totalCents": 1500,
 "details": {"note": "imported before returns"}}
])";

} // namespace

class TestReturnClaims final : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_server;
    QString m_amsDevice;
    QString m_amsToken;
    QString m_utrToken;
    qint64 m_seq = 1;
    Core::Sale m_sale; // 3 × product 1 at AMS01, receipt AMS01-T1-000101

    QString writeFile(const QString &name, const QByteArray &content)
    {
        QFile file(m_server.dataDir() + QLatin1Char('/') + name);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(content);
        return file.fileName();
    }

    QString enrol(const QString &store, QString *deviceId = nullptr)
    {
        const HttpAnswer enrolled = m_server.request("POST", QStringLiteral("/v1/enrol"),
            toBody({ { QStringLiteral("code"), m_server.enrolmentCode(store) },
                { QStringLiteral("deviceName"), QStringLiteral("Till ") + store } }));
        auto parsed = Sync::Protocol::EnrolResponse::fromJson(enrolled.json);
        if (enrolled.status != 200 || !parsed)
            return {};
        if (deviceId)
            *deviceId = parsed->deviceId;
        return parsed->token;
    }

    HttpAnswer lookup(const QString &code, const QString &token)
    {
        QUrlQuery query;
        query.addQueryItem(
            QStringLiteral("code"), QString::fromLatin1(QUrl::toPercentEncoding(code)));
        return m_server.request("GET",
            QStringLiteral("/v1/returns/lookup?") + query.toString(QUrl::FullyEncoded), {}, token);
    }

    static QJsonObject claimBody(const QString &claimId, const QString &origin,
        const QString &number, const QString &store, const QList<QPair<QString, int>> &lines)
    {
        QJsonArray array;
        for (const auto &[lineId, quantity] : lines)
            array.append(QJsonObject {
                { QStringLiteral("lineId"), lineId }, { QStringLiteral("quantity"), quantity } });
        return { { QStringLiteral("claimId"), claimId }, { QStringLiteral("returnId"), newId() },
            { QStringLiteral("origin"), origin }, { QStringLiteral("number"), number },
            { QStringLiteral("storeCode"), store }, { QStringLiteral("lines"), array } };
    }

    HttpAnswer claim(const QJsonObject &body, const QString &token)
    {
        return m_server.request("POST", QStringLiteral("/v1/returns"), toBody(body), token);
    }
    HttpAnswer webClaim(
        const QString &claimId, const QString &number, const QList<QPair<QString, int>> &lines)
    {
        return claim(
            claimBody(claimId, QStringLiteral("web_order"), number, QStringLiteral("UTR01"), lines),
            m_utrToken);
    }
    HttpAnswer release(const QString &claimId, const QString &token)
    {
        return m_server.request(
            "POST", QStringLiteral("/v1/returns/%1/release").arg(claimId), QByteArray(), token);
    }
    qint64 webReturned(qint64 orderId, const QString &lineId)
    {
        return m_server.scalar(QStringLiteral("SELECT returned_quantity FROM web_order_lines "
                                              "WHERE order_id = ? AND line_id = ?"),
            { orderId, lineId });
    }
    qint64 saleReturned(const QString &saleId)
    {
        return m_server.scalar(
            QStringLiteral("SELECT returned_quantity FROM sale_lines WHERE sale_id = ?"),
            { saleId });
    }

private slots:
    void initTestCase()
    {
        if (ServerFixture::wantsPostgres() && qEnvironmentVariableIsEmpty("TOONBANK_TEST_PG_URL"))
            QSKIP("TOONBANK_TEST_PG_URL is not set (tests/run.sh sets it)");
        QVERIFY(m_server.seed(5));
        QVERIFY(m_server.admin({ QStringLiteral("import"), QStringLiteral("customers"),
            writeFile(QStringLiteral("customers.csv"),
                "id,code,name,email,phone,loyaltyPoints,tier,homeStoreCode\n"
                "1,2990000000011,Eva de Vries,eva@example.nl,,500,gold,AMS01\n") }));
        QString output;
        QVERIFY2(m_server.admin({ QStringLiteral("import"), QStringLiteral("web-orders"),
                                    writeFile(QStringLiteral("orders.json"), webOrders) },
                     &output),
            qPrintable(output));
        QVERIFY2(output.contains(QLatin1String("imported 3")), qPrintable(output));
        QVERIFY(m_server.start());
        m_amsToken = enrol(QStringLiteral("AMS01"), &m_amsDevice);
        m_utrToken = enrol(QStringLiteral("UTR01"));
        QVERIFY(!m_amsToken.isEmpty() && !m_utrToken.isEmpty());

        m_sale = makeSale(QStringLiteral("AMS01"), 1, 3);
        m_sale.receiptNumber = QStringLiteral("AMS01-T1-000101");
        const HttpAnswer pushed = m_server.request("POST", QStringLiteral("/v1/events"),
            toBody(makePush(m_amsDevice, cashier, { m_sale }, m_seq++)), m_amsToken);
        QVERIFY2(pushed.status == 200, pushed.body.constData());
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM sales WHERE sale_id = ?"),
                     { m_sale.saleId }),
            1);
    }

    void importWritesRowsAndKeepsOldOrders()
    {
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM web_orders")), 3);
        QCOMPARE(m_server.scalar(
                     QStringLiteral("SELECT COUNT(*) FROM web_order_lines WHERE order_id = 7001")),
            2);
        QCOMPARE(m_server.scalar(QStringLiteral(
                     "SELECT SUM(amount_cents) FROM web_order_tenders WHERE order_id = 7001")),
            3800 + 495);
        QCOMPARE(m_server.scalar(
                     QStringLiteral("SELECT delivery_cents FROM web_orders WHERE id = 7001")),
            495);
        QCOMPARE(
            m_server.scalar(QStringLiteral("SELECT customer_id FROM web_orders WHERE id = 7001")),
            1);
        // The old row without lines imported as before, with nothing to return.
        QCOMPARE(m_server.scalar(
                     QStringLiteral("SELECT COUNT(*) FROM web_order_lines WHERE order_id = 7003")),
            0);
        // Product two's line took the catalog's SKU; a line naming nothing takes the name.
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM web_order_lines WHERE "
                                                "order_id = 7001 AND line_id = '2' AND sku = "
                                                "'SKU2' AND category = 'Shoes'")),
            1);
    }

    void lookupStoreSaleOfAnotherStore_data()
    {
        QTest::addColumn<QString>("code");
        QTest::newRow("typed") << QStringLiteral("AMS01-T1-000101");
        QTest::newRow("typed lower case, spaces") << QStringLiteral("  ams01-t1-000101 ");
        QTest::newRow("receipt QR")
            << QStringLiteral("TOONBANK:SALE:AMS01-T1-000101:") + m_sale.saleId;
    }
    void lookupStoreSaleOfAnotherStore()
    {
        QFETCH(QString, code);
        const HttpAnswer found = lookup(code, m_utrToken);
        QVERIFY2(found.status == 200, found.body.constData());
        const QJsonObject order = found.json.value(QStringLiteral("order")).toObject();
        QCOMPARE(order.value(QStringLiteral("origin")).toString(), QStringLiteral("store_sale"));
        QCOMPARE(order.value(QStringLiteral("number")).toString(), m_sale.receiptNumber);
        QCOMPARE(order.value(QStringLiteral("saleId")).toString(), m_sale.saleId);
        QCOMPARE(order.value(QStringLiteral("storeCode")).toString(), QStringLiteral("AMS01"));
        QCOMPARE(order.value(QStringLiteral("isReturn")).toBool(), false);
        const QJsonObject line = lineOf(order, QStringLiteral("L1"));
        QCOMPARE(line.value(QStringLiteral("sold")).toInt(), 3);
        QCOMPARE(line.value(QStringLiteral("lineTotalCents")).toInteger(), 3000);
        QCOMPARE(line.value(QStringLiteral("sku")).toString(), QStringLiteral("SKU1"));
        const QJsonArray tenders = order.value(QStringLiteral("tenders")).toArray();
        QCOMPARE(tenders.size(), 1);
        QCOMPARE(tenders.at(0)[QStringLiteral("method")].toString(), QStringLiteral("card"));
        QCOMPARE(tenders.at(0)[QStringLiteral("amountCents")].toInteger(), 3000);
        QCOMPARE(tenders.at(0)[QStringLiteral("refundedCents")].toInteger(), 0);
        // The asking store's policy comes along (no rows: the defaults).
        const QJsonObject policy = found.json.value(QStringLiteral("policy")).toObject();
        QCOMPARE(policy.value(QStringLiteral("defaultWindowDays")).toInt(), 30);
        QCOMPARE(policy.value(QStringLiteral("webWithdrawalDays")).toInt(), 14);
    }

    void lookupWebOrder_data()
    {
        QTest::addColumn<QString>("code");
        QTest::newRow("packing slip QR") << QStringLiteral("TOONBANK:WEB:TESTCHAIN:W-7001");
        QTest::newRow("QR, tag with spaces") << QStringLiteral("TOONBANK:WEB:Test Chain:W-7001");
        QTest::newRow("typed") << QStringLiteral("w-7001");
    }
    void lookupWebOrder()
    {
        QFETCH(QString, code);
        const HttpAnswer found = lookup(code, m_amsToken);
        QVERIFY2(found.status == 200, found.body.constData());
        const QJsonObject order = found.json.value(QStringLiteral("order")).toObject();
        QCOMPARE(order.value(QStringLiteral("origin")).toString(), QStringLiteral("web_order"));
        QCOMPARE(order.value(QStringLiteral("number")).toString(), QStringLiteral("W-7001"));
        QCOMPARE(order.value(QStringLiteral("saleId")).toString(), QStringLiteral("7001"));
        QCOMPARE(
            order.value(QStringLiteral("deliveredOn")).toString(), QStringLiteral("2026-11-03"));
        QCOMPARE(order.value(QStringLiteral("deliveryCents")).toInteger(), 495);
        QCOMPARE(order.value(QStringLiteral("totalCents")).toInteger(), 3800);
        QCOMPARE(order.value(QStringLiteral("lines")).toArray().size(), 2);
        QCOMPARE(
            lineOf(order, QStringLiteral("1")).value(QStringLiteral("lineTotalCents")).toInteger(),
            2700);
        QCOMPARE(lineOf(order, QStringLiteral("2")).value(QStringLiteral("category")).toString(),
            QStringLiteral("Shoes"));
        const QJsonArray tenders = order.value(QStringLiteral("tenders")).toArray();
        QCOMPARE(tenders.size(), 2);
        QCOMPARE(tenders.at(0)[QStringLiteral("reference")].toString(), QStringLiteral("PSP-1"));
        QCOMPARE(tenders.at(1)[QStringLiteral("method")].toString(), QStringLiteral("gift_card"));
        QCOMPARE(order.value(QStringLiteral("customer"))[QStringLiteral("code")].toString(),
            QStringLiteral("2990000000011"));
        QCOMPARE(order.value(QStringLiteral("customer"))[QStringLiteral("tier")].toString(),
            QStringLiteral("gold"));
    }

    void lookupNotDeliveredWebOrder()
    {
        const HttpAnswer found = lookup(QStringLiteral("W-7002"), m_amsToken);
        QVERIFY2(found.status == 200, found.body.constData());
        QVERIFY(!found.json.value(QStringLiteral("order"))
                     .toObject()
                     .contains(QStringLiteral("deliveredOn")));
    }

    void lookupReturnIsOfReturn()
    {
        // A return the handler recorded (inserted directly: the return event is another suite).
        const QString returnId = newId();
        const QString eventId = newId();
        QCOMPARE(m_server.scalar(
                     QStringLiteral("INSERT INTO events(event_id, device_id, device_seq, type, "
                                    "staff_id, occurred_at, received_at, status, payload) VALUES "
                                    "(?, ?, 999, 'return', 7, '2026-11-20T10:00:00Z', "
                                    "'2026-11-20T10:00:00Z', 'applied', '{}') RETURNING 1"),
                     { eventId, m_amsDevice }),
            1);
        QCOMPARE(
            m_server.scalar(
                QStringLiteral("INSERT INTO returns(return_id, event_id, receipt_number, "
                               "location_id, store_code, device_id, staff_id, returned_at, "
                               "origin, goods_cents, total_cents) VALUES (?, ?, "
                               "'AMS01-T1-R000001', 1, 'AMS01', ?, 7, "
                               "'2026-11-20T10:00:00Z', 'store_sale', 1000, 1000) RETURNING 1"),
                { returnId, eventId, m_amsDevice }),
            1);
        for (const QString &code : { QStringLiteral("TOONBANK:RETURN:AMS01-T1-R000001:") + returnId,
                 QStringLiteral("AMS01-T1-R000001") }) {
            const HttpAnswer found = lookup(code, m_utrToken);
            QCOMPARE(found.status, 422);
            QCOMPARE(errorCode(found), QStringLiteral("return.of_return"));
        }
    }

    void lookupRefusals_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown receipt of ours")
            << QStringLiteral("AMS01-T1-999999") << 404 << QStringLiteral("return.not_found");
        QTest::newRow("unknown web order")
            << QStringLiteral("W-9999") << 404 << QStringLiteral("return.not_found");
        QTest::newRow("receipt of a store not ours")
            << QStringLiteral("ZZZ09-T1-000101") << 422 << QStringLiteral("return.other_chain");
        QTest::newRow("other chain's web QR") << QStringLiteral("TOONBANK:WEB:OTHERSHOP:W-7001")
                                              << 422 << QStringLiteral("return.other_chain");
        QTest::newRow("unreadable QR") << QStringLiteral("TOONBANK:SALE:nothing") << 422
                                       << QStringLiteral("return.invalid_code");
        QTest::newRow("empty") << QString() << 422 << QStringLiteral("return.invalid_code");
    }
    void lookupRefusals()
    {
        QFETCH(QString, code);
        QFETCH(int, status);
        QFETCH(QString, error);
        const HttpAnswer found = lookup(code, m_amsToken);
        QCOMPARE(found.status, status);
        QCOMPARE(errorCode(found), error);
    }

    void lookupNeedsADevice() { QCOMPARE(lookup(QStringLiteral("W-7001"), QString()).status, 401); }

    void claimIsIdempotentAndMismatchIsRefused()
    {
        const QString claimId = newId();
        const QJsonObject body = claimBody(claimId, QStringLiteral("store_sale"),
            m_sale.receiptNumber, QStringLiteral("UTR01"), { { QStringLiteral("L1"), 1 } });
        const HttpAnswer first = claim(body, m_utrToken);
        QVERIFY2(first.status == 201, first.body.constData());
        QCOMPARE(first.json.value(QStringLiteral("state")).toString(), QStringLiteral("claimed"));
        QCOMPARE(first.json.value(QStringLiteral("claimId")).toString(), claimId);
        const QJsonObject after = first.json.value(QStringLiteral("order")).toObject();
        QCOMPARE(lineOf(after, QStringLiteral("L1")).value(QStringLiteral("returned")).toInt(), 1);
        QCOMPARE(saleReturned(m_sale.saleId), 1);

        // The same claim again (a retry): the same answer, nothing counted twice.
        const HttpAnswer again = claim(body, m_utrToken);
        QCOMPARE(again.status, 201);
        QCOMPARE(again.json.value(QStringLiteral("claimId")).toString(), claimId);
        QCOMPARE(
            again.json.value(QStringLiteral("lines")), first.json.value(QStringLiteral("lines")));
        QCOMPARE(saleReturned(m_sale.saleId), 1);
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM return_claims WHERE "
                                                "claim_id = ?"),
                     { claimId }),
            1);

        // The same id for other lines or another order.
        const HttpAnswer other
            = claim(claimBody(claimId, QStringLiteral("store_sale"), m_sale.receiptNumber,
                        QStringLiteral("UTR01"), { { QStringLiteral("L1"), 2 } }),
                m_utrToken);
        QCOMPARE(other.status, 409);
        QCOMPARE(errorCode(other), QStringLiteral("claim.mismatch"));
        const HttpAnswer otherOrder
            = webClaim(claimId, QStringLiteral("W-7001"), { { QStringLiteral("1"), 1 } });
        QCOMPARE(otherOrder.status, 409);
        QCOMPARE(errorCode(otherOrder), QStringLiteral("claim.mismatch"));
        QCOMPARE(saleReturned(m_sale.saleId), 1);
        QCOMPARE(webReturned(7001, QStringLiteral("1")), 0);

        // GET: what the server knows of it (recovery).
        const HttpAnswer status = m_server.request(
            "GET", QStringLiteral("/v1/returns/") + claimId, QByteArray(), m_utrToken);
        QCOMPARE(status.status, 200);
        QCOMPARE(status.json.value(QStringLiteral("state")).toString(), QStringLiteral("claimed"));
        const HttpAnswer unknown = m_server.request(
            "GET", QStringLiteral("/v1/returns/") + newId(), QByteArray(), m_utrToken);
        QCOMPARE(unknown.status, 404);
        QCOMPARE(errorCode(unknown), QStringLiteral("claim.unknown"));
    }

    void overQuantityIsRefusedWithWhatIsLeft()
    {
        const qint64 before = saleReturned(m_sale.saleId);
        const HttpAnswer refused
            = claim(claimBody(newId(), QStringLiteral("store_sale"), m_sale.receiptNumber,
                        QStringLiteral("UTR01"), { { QStringLiteral("L1"), 3 } }),
                m_utrToken);
        QCOMPARE(refused.status, 409);
        QCOMPARE(refused.json.value(QStringLiteral("code")).toString(),
            QStringLiteral("return.quantity"));
        const QJsonArray left = refused.json.value(QStringLiteral("returnable")).toArray();
        QCOMPARE(left.size(), 1);
        QCOMPARE(left.at(0)[QStringLiteral("lineId")].toString(), QStringLiteral("L1"));
        QCOMPARE(left.at(0)[QStringLiteral("returnable")].toInt(), int(3 - before));
        QCOMPARE(saleReturned(m_sale.saleId), before);
    }

    void claimRefusals_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown line") << claimBody(newId(), QStringLiteral("web_order"),
            QStringLiteral("W-7001"), QStringLiteral("UTR01"), { { QStringLiteral("9"), 1 } })
                                      << 422 << QStringLiteral("return.unknown_line");
        QTest::newRow("unknown order") << claimBody(newId(), QStringLiteral("web_order"),
            QStringLiteral("W-0000"), QStringLiteral("UTR01"), { { QStringLiteral("1"), 1 } })
                                       << 404 << QStringLiteral("return.not_found");
        QTest::newRow("another store's code") << claimBody(newId(), QStringLiteral("web_order"),
            QStringLiteral("W-7001"), QStringLiteral("AMS01"), { { QStringLiteral("1"), 1 } })
                                              << 403 << QStringLiteral("scope.location");
        QTest::newRow("a line twice") << claimBody(newId(), QStringLiteral("web_order"),
            QStringLiteral("W-7001"), QStringLiteral("UTR01"),
            { { QStringLiteral("1"), 1 }, { QStringLiteral("1"), 1 } })
                                      << 400 << QStringLiteral("protocol.bad_value");
    }
    void claimRefusals()
    {
        QFETCH(QJsonObject, body);
        QFETCH(int, status);
        QFETCH(QString, error);
        const HttpAnswer refused = claim(body, m_utrToken);
        QCOMPARE(refused.status, status);
        QCOMPARE(errorCode(refused), error);
        QCOMPARE(webReturned(7001, QStringLiteral("1")), 0);
    }

    void partialReturnsOverSeveralVisits()
    {
        // W-7001 line 1: 3 units, one per visit, until nothing is left.
        for (int visit = 1; visit <= 3; ++visit) {
            const HttpAnswer granted
                = webClaim(newId(), QStringLiteral("W-7001"), { { QStringLiteral("1"), 1 } });
            QVERIFY2(granted.status == 201, granted.body.constData());
            const QJsonObject order = granted.json.value(QStringLiteral("order")).toObject();
            QCOMPARE(lineOf(order, QStringLiteral("1")).value(QStringLiteral("returned")).toInt(),
                visit);
            QCOMPARE(webReturned(7001, QStringLiteral("1")), visit);
        }
        const HttpAnswer none
            = webClaim(newId(), QStringLiteral("W-7001"), { { QStringLiteral("1"), 1 } });
        QCOMPARE(none.status, 409);
        QCOMPARE(none.json.value(QStringLiteral("returnable"))
                     .toArray()
                     .at(0)[QStringLiteral("returnable")]
                     .toInt(),
            0);
        // A claim of two lines where one has nothing left takes nothing of the other.
        const HttpAnswer mixed = webClaim(newId(), QStringLiteral("W-7001"),
            { { QStringLiteral("2"), 1 }, { QStringLiteral("1"), 1 } });
        QCOMPARE(mixed.status, 409);
        QCOMPARE(webReturned(7001, QStringLiteral("2")), 0);
        // The lookup shows it from any store.
        const HttpAnswer found = lookup(QStringLiteral("W-7001"), m_amsToken);
        QCOMPARE(lineOf(found.json.value(QStringLiteral("order")).toObject(), QStringLiteral("1"))
                     .value(QStringLiteral("returned"))
                     .toInt(),
            3);
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COALESCE(SUM(l.quantity), 0) FROM "
                                                "return_claim_lines l JOIN return_claims c ON "
                                                "c.claim_id = l.claim_id WHERE c.origin_number = "
                                                "'W-7001' AND l.line_id = '1'")),
            3);
    }

    void releaseGivesBackOnceAndAllowsANewClaim()
    {
        const QString claimId = newId();
        const HttpAnswer granted
            = webClaim(claimId, QStringLiteral("W-7002"), { { QStringLiteral("A"), 2 } });
        QVERIFY2(granted.status == 201, granted.body.constData());
        QCOMPARE(webReturned(7002, QStringLiteral("A")), 2);
        QCOMPARE(webClaim(newId(), QStringLiteral("W-7002"), { { QStringLiteral("A"), 1 } }).status,
            409);

        // Another store cannot release it.
        const HttpAnswer foreign = release(claimId, m_amsToken);
        QCOMPARE(foreign.status, 404);
        QCOMPARE(errorCode(foreign), QStringLiteral("claim.unknown"));
        QCOMPARE(webReturned(7002, QStringLiteral("A")), 2);

        const HttpAnswer released = release(claimId, m_utrToken);
        QVERIFY2(released.status == 200, released.body.constData());
        QCOMPARE(
            released.json.value(QStringLiteral("state")).toString(), QStringLiteral("released"));
        QCOMPARE(webReturned(7002, QStringLiteral("A")), 0);
        // Again: the same answer, nothing given back twice.
        QCOMPARE(release(claimId, m_utrToken).status, 200);
        QCOMPARE(webReturned(7002, QStringLiteral("A")), 0);
        const HttpAnswer status = m_server.request(
            "GET", QStringLiteral("/v1/returns/") + claimId, QByteArray(), m_utrToken);
        QCOMPARE(status.json.value(QStringLiteral("state")).toString(), QStringLiteral("released"));

        // The units are returnable again.
        const HttpAnswer again
            = webClaim(newId(), QStringLiteral("W-7002"), { { QStringLiteral("A"), 2 } });
        QCOMPARE(again.status, 201);
        QCOMPARE(webReturned(7002, QStringLiteral("A")), 2);
        QCOMPARE(release(newId(), m_utrToken).status, 404);
    }

    void usedClaimCannotBeReleased()
    {
        const QString claimId = newId();
        const HttpAnswer granted
            = claim(claimBody(claimId, QStringLiteral("store_sale"), m_sale.receiptNumber,
                        QStringLiteral("AMS01"), { { QStringLiteral("L1"), 1 } }),
                m_amsToken);
        QVERIFY2(granted.status == 201, granted.body.constData());
        const qint64 returned = saleReturned(m_sale.saleId);
        // The return event that uses a claim is ReturnHandler's (another suite): here the claim
        // is marked used through SQL, as the handler does when it applies the return.
        QCOMPARE(m_server.scalar(QStringLiteral("UPDATE return_claims SET state = 'used', "
                                                "used_by_return = 'r' WHERE claim_id = ? "
                                                "RETURNING 1"),
                     { claimId }),
            1);
        const HttpAnswer refused = release(claimId, m_amsToken);
        QCOMPARE(refused.status, 409);
        QCOMPARE(errorCode(refused), QStringLiteral("claim.used"));
        QCOMPARE(saleReturned(m_sale.saleId), returned);
    }

    void importWithBadRowsImportsNothing()
    {
        const qint64 orders = m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM web_orders"));
        const qint64 lines
            = m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM web_order_lines"));
        const QByteArray file
            = R"({"id": 8001, "orderNumber": "W-8001", "locationCode": "AMS01", "status": "shipped", "totalCents": 1000, "lines": [{"lineId": "1", "sku": "SKU1", "quantity": 1, "unitPriceCents": 1000, "lineTotalCents": 1000}], "tenders": [{"method": "ideal", "amountCents": 1000, "reference": "P"}]}
{"id": 8002, "orderNumber": "W-8002", "locationCode": "AMS01", "status": "shipped", "totalCents": 1000, "lines": [{"lineId": "1", "sku": "NOPE", "quantity": 1, "unitPriceCents": 1000, "lineTotalCents": 1000}], "tenders": [{"method": "ideal", "amountCents": 1000}]}
{"id": 8003, "orderNumber": "W-8003", "locationCode": "AMS01", "status": "shipped", "totalCents": 1500, "lines": [{"lineId": "1", "sku": "SKU1", "quantity": 1, "unitPriceCents": 1000, "lineTotalCents": 1000}], "tenders": [{"method": "ideal", "amountCents": 1500}]}
{"id": 8004, "orderNumber": "W-8004", "locationCode": "AMS01", "status": "shipped", "totalCents": 1000, "deliveryCents": 495, "lines": [{"lineId": "1", "sku": "SKU1", "quantity": 1, "unitPriceCents": 1000, "lineTotalCents": 1000}], "tenders": [{"method": "ideal", "amountCents": 1000}]}
{"id": 8005, "orderNumber": "W-8005", "locationCode": "AMS01", "status": "shipped", "totalCents": 1000, "lines": [{"lineId": "1", "sku": "SKU1", "quantity": -1, "unitPriceCents": 1000, "lineTotalCents": 1000}], "tenders": [{"method": "ideal", "amountCents": 1000}]}
{"id": 8006, "orderNumber": "W-8006", "locationCode": "XX99", "status": "shipped", "totalCents": 0}
{"id": 8007, "orderNumber": "W-8007", "locationId": 99, "status": "shipped", "totalCents": 0}
{"id": 8008, "orderNumber": "W-8008", "locationCode": "AMS01", "status": "shipped", "totalCents": 1000, "deliveryCents": -5, "lines": [{"lineId": "1", "sku": "SKU1", "quantity": 1, "unitPriceCents": 1000, "lineTotalCents": 1000}], "tenders": [{"method": "ideal", "amountCents": 995}]}
)";
        QString output;
        QVERIFY(!m_server.admin({ QStringLiteral("import"), QStringLiteral("web-orders"),
                                    writeFile(QStringLiteral("bad.jsonl"), file) },
            &output));
        for (const char *expected : { "bad.jsonl:2: line 1: unknown sku", "bad.jsonl:3: the lines",
                 "bad.jsonl:4: the tenders", "bad.jsonl:5: line 1: quantity",
                 "bad.jsonl:6: unknown locationCode", "bad.jsonl:7: unknown store",
                 "bad.jsonl:8: deliveryCents" })
            QVERIFY2(output.contains(QLatin1String(expected)),
                qPrintable(QStringLiteral("%1 not in %2").arg(QLatin1String(expected), output)));
        QVERIFY2(!output.contains(QLatin1String("bad.jsonl:1:")), qPrintable(output));
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM web_orders")), orders);
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM web_order_lines")), lines);
    }

    void cleanupTestCase() { m_server.kill(); }
};

QTEST_GUILESS_MAIN(TestReturnClaims)
#include "tst_returnclaims.moc"
