// The /v1 API against the real toonbank-server process: enrolment, authentication, every
// input check, exactly-once push, the change feed and device scope. Runs on SQLite, and on
// PostgreSQL when registered with TOONBANK_TEST_BACKEND=postgresql.
#include "serverfixture.h"

#include "sync/protocol/changefeed.h"
#include "sync/protocol/enrolment.h"
#include "sync/protocol/pushbatch.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QtTest>

using namespace Toonbank;
using namespace Toonbank::Tests;
using Core::Sale;

namespace {

QByteArray toBody(const QJsonObject &json)
{
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

struct Device
{
    QString id;
    QString token;
};

} // namespace

class TestServerApi final : public QObject
{
    Q_OBJECT

private:
    Device enrol(const QString &store)
    {
        const QString code = m_server.enrolmentCode(store);
        const HttpAnswer answer = m_server.request("POST", QStringLiteral("/v1/enrol"),
            toBody({ { QStringLiteral("code"), code },
                { QStringLiteral("deviceName"), QStringLiteral("Till") } }));
        if (answer.status != 200)
            return {};
        auto parsed = Sync::Protocol::EnrolResponse::fromJson(answer.json);
        if (!parsed)
            return {};
        return { parsed->deviceId, parsed->token };
    }

    qint64 stock(qint64 productId, qint64 locationId)
    {
        return m_server.scalar(
            QStringLiteral("SELECT quantity FROM stock WHERE product_id = ? AND location_id = ?"),
            { productId, locationId });
    }

    ServerFixture m_server;
    Device m_ams; // a till of AMS01
    Device m_utr; // a till of UTR01
    qint64 m_seq = 1;

private slots:
    void initTestCase()
    {
        if (ServerFixture::wantsPostgres() && qEnvironmentVariableIsEmpty("TOONBANK_TEST_PG_URL"))
            QSKIP("TOONBANK_TEST_PG_URL is not set (tests/run.sh sets it)");
        QVERIFY(m_server.seed());
        QVERIFY(m_server.start());
        m_ams = enrol(QStringLiteral("AMS01"));
        m_utr = enrol(QStringLiteral("UTR01"));
        QVERIFY(!m_ams.token.isEmpty());
        QVERIFY(!m_utr.token.isEmpty());
    }

    void statusAnswersWithoutToken()
    {
        const HttpAnswer answer = m_server.request("GET", QStringLiteral("/v1/status"));
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.json.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(answer.json.value(QStringLiteral("database")).toString(),
            ServerFixture::wantsPostgres() ? QStringLiteral("postgresql")
                                           : QStringLiteral("sqlite"));
    }

    void enrolmentGivesTokenAndCa()
    {
        const QString code = m_server.enrolmentCode(QStringLiteral("AMS01"));
        const QByteArray body = toBody({ { QStringLiteral("code"), code },
            { QStringLiteral("deviceName"), QStringLiteral("Till 9") } });
        const HttpAnswer first = m_server.request("POST", QStringLiteral("/v1/enrol"), body);
        QCOMPARE(first.status, 200);
        auto parsed = Sync::Protocol::EnrolResponse::fromJson(first.json);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->locationCode, QStringLiteral("AMS01"));
        QCOMPARE(QSslCertificate(parsed->caCertificatePem.toLatin1()),
            m_server.caCertificates().first());
        // The token is stored hashed only.
        QCOMPARE(
            m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM devices WHERE token_hash = ?"),
                { parsed->token }),
            0);
        // One-time: the same code again is refused.
        const HttpAnswer again = m_server.request("POST", QStringLiteral("/v1/enrol"), body);
        QCOMPARE(again.status, 401);
        QCOMPARE(again.json.value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("code"))
                     .toString(),
            QStringLiteral("enrol.code"));
        const HttpAnswer wrong = m_server.request("POST", QStringLiteral("/v1/enrol"),
            toBody({ { QStringLiteral("code"), QStringLiteral("AAAA-BBBB-CCCC-DDDD") },
                { QStringLiteral("deviceName"), QStringLiteral("x") } }));
        QCOMPARE(wrong.status, 401);
    }

    void everyCallNeedsAValidToken_data()
    {
        QTest::addColumn<QString>("token");
        QTest::newRow("missing") << QString();
        QTest::newRow("wrong") << QStringLiteral("not-a-token");
    }

    void everyCallNeedsAValidToken()
    {
        QFETCH(QString, token);
        QCOMPARE(
            m_server.request("GET", QStringLiteral("/v1/changes?since=0"), {}, token).status, 401);
        QCOMPARE(m_server.request("POST", QStringLiteral("/v1/events"), "{}", token).status, 401);
    }

    void revokedTokenIsRefused()
    {
        const Device device = enrol(QStringLiteral("AMS01"));
        QCOMPARE(
            m_server.request("GET", QStringLiteral("/v1/changes?since=0&limit=1"), {}, device.token)
                .status,
            200);
        QVERIFY(m_server.admin({ QStringLiteral("revoke"), device.id }));
        QCOMPARE(
            m_server.request("GET", QStringLiteral("/v1/changes?since=0&limit=1"), {}, device.token)
                .status,
            401);
    }

    void routeTable()
    {
        QCOMPARE(
            m_server.request("GET", QStringLiteral("/v1/nothing"), {}, m_ams.token).status, 404);
        QCOMPARE(
            m_server.request("GET", QStringLiteral("/v1/events"), {}, m_ams.token).status, 405);
        QCOMPARE(
            m_server.request("DELETE", QStringLiteral("/v1/changes"), {}, m_ams.token).status, 405);
    }

    void badInputIsRefusedAndChangesNothing_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");

        const QJsonObject valid
            = makePush(m_ams.id, 7, { makeSale(QStringLiteral("AMS01"), 1, 1) }, 1000);
        auto mutateEvent = [&](const std::function<void(QJsonObject &)> &change) {
            QJsonObject push = valid;
            QJsonArray events = push.value(QStringLiteral("events")).toArray();
            QJsonObject event = events.at(0).toObject();
            // A fresh id per case: the server remembers a rejected id with its first reason.
            event[QStringLiteral("eventId")] = QUuid::createUuid().toString(QUuid::WithoutBraces);
            change(event);
            events[0] = event;
            push[QStringLiteral("events")] = events;
            return toBody(push);
        };
        auto mutateSale = [&](const std::function<void(QJsonObject &)> &change) {
            return mutateEvent([&](QJsonObject &event) {
                QJsonObject sale = event.value(QStringLiteral("payload")).toObject();
                change(sale);
                event[QStringLiteral("payload")] = sale;
            });
        };
        const QByteArray json("application/json");
        QTest::newRow("malformed JSON") << QByteArray("{\"deviceId\": ") << json << 400
                                        << QStringLiteral("protocol.malformed_json");
        QTest::newRow("not an object")
            << QByteArray("[1,2]") << json << 400 << QStringLiteral("protocol.wrong_type");
        QTest::newRow("wrong content type") << toBody(valid) << QByteArray("text/plain") << 415
                                            << QStringLiteral("http.content_type");
        QJsonObject withExtra = valid;
        withExtra.insert(QStringLiteral("extra"), 1);
        QTest::newRow("unknown batch field")
            << toBody(withExtra) << json << 400 << QStringLiteral("protocol.unknown_field");
        QTest::newRow("empty batch") << toBody({ { QStringLiteral("deviceId"), m_ams.id },
            { QStringLiteral("events"), QJsonArray() } })
                                     << json << 400 << QStringLiteral("protocol.batch_size");
        QTest::newRow("wrong type deviceSeq") << mutateEvent([](QJsonObject &e) {
            e[QStringLiteral("deviceSeq")] = QStringLiteral("7");
        }) << json << 400 << QStringLiteral("protocol.wrong_type");
        QTest::newRow("unknown event field")
            << mutateEvent([](QJsonObject &e) { e[QStringLiteral("hack")] = true; }) << json << 400
            << QStringLiteral("protocol.unknown_field");
        QTest::newRow("event id not a UUID") << mutateEvent([](QJsonObject &e) {
            e[QStringLiteral("eventId")] = QStringLiteral("42");
        }) << json << 400 << QStringLiteral("protocol.bad_id");
        QTest::newRow("other device in batch") << mutateEvent([](QJsonObject &e) {
            e[QStringLiteral("deviceId")] = QStringLiteral("someone-else");
        }) << json << 400 << QStringLiteral("protocol.device_mismatch");
        QTest::newRow("totals do not add up")
            << mutateSale([](QJsonObject &s) { s[QStringLiteral("totalCents")] = 1; }) << json
            << 422 << QStringLiteral("sale.total");
        QTest::newRow("unknown sale field") << mutateSale([](QJsonObject &s) {
            s[QStringLiteral("discountCode")] = QStringLiteral("FREE");
        }) << json << 422 << QStringLiteral("protocol.unknown_field");
        QTest::newRow("negative quantity") << mutateSale([](QJsonObject &s) {
            QJsonArray lines = s.value(QStringLiteral("lines")).toArray();
            QJsonObject line = lines.at(0).toObject();
            line[QStringLiteral("quantity")] = -1;
            line[QStringLiteral("lineTotalCents")] = -1000;
            lines[0] = line;
            s[QStringLiteral("lines")] = lines;
            s[QStringLiteral("totalCents")] = -1000;
            s[QStringLiteral("vat")] = QJsonArray { QJsonObject {
                { QStringLiteral("basisPoints"), 2100 }, { QStringLiteral("grossCents"), -1000 },
                { QStringLiteral("vatCents"), -174 }, { QStringLiteral("netCents"), -826 } } };
            QJsonArray tenders = s.value(QStringLiteral("tenders")).toArray();
            QJsonObject tender = tenders.at(0).toObject();
            tender[QStringLiteral("amountCents")] = -1000;
            tenders[0] = tender;
            s[QStringLiteral("tenders")] = tenders;
        }) << json << 422 << QStringLiteral("sale.negative_quantity");
        QTest::newRow("other store's sale") << mutateSale([](QJsonObject &s) {
            s[QStringLiteral("storeCode")] = QStringLiteral("UTR01");
        }) << json << 422 << QStringLiteral("scope.location");
        QTest::newRow("oversize body")
            << QByteArray(9 * 1024 * 1024, ' ') << json << 413 << QStringLiteral("http.too_large");
    }

    void badInputIsRefusedAndChangesNothing()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(int, status);
        QFETCH(QString, code);
        const qint64 salesBefore = m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM sales"));
        const qint64 stockBefore = stock(1, 1);
        const HttpAnswer answer = m_server.request(
            "POST", QStringLiteral("/v1/events"), body, m_ams.token, contentType);
        QCOMPARE(answer.status, status);
        if (status == 422) {
            const QJsonObject result
                = answer.json.value(QStringLiteral("results")).toArray().at(0).toObject();
            QCOMPARE(
                result.value(QStringLiteral("outcome")).toString(), QStringLiteral("rejected"));
            QCOMPARE(result.value(QStringLiteral("code")).toString(), code);
        } else {
            QCOMPARE(answer.json.value(QStringLiteral("error"))
                         .toObject()
                         .value(QStringLiteral("code"))
                         .toString(),
                code);
            QVERIFY(!answer.json.value(QStringLiteral("error"))
                         .toObject()
                         .value(QStringLiteral("message"))
                         .toString()
                         .isEmpty());
        }
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM sales")), salesBefore);
        QCOMPARE(stock(1, 1), stockBefore);
    }

    void badQueryIsRefused()
    {
        QCOMPARE(
            m_server.request("GET", QStringLiteral("/v1/changes?since=-1"), {}, m_ams.token).status,
            400);
        QCOMPARE(
            m_server.request("GET", QStringLiteral("/v1/changes?since=x"), {}, m_ams.token).status,
            400);
        QCOMPARE(
            m_server.request("GET", QStringLiteral("/v1/changes?limit=0"), {}, m_ams.token).status,
            400);
        QCOMPARE(
            m_server.request("GET", QStringLiteral("/v1/changes?what=1"), {}, m_ams.token).status,
            400);
    }

    void pushIsAppliedExactlyOnce()
    {
        const qint64 before = stock(2, 1);
        QStringList ids;
        const QByteArray body = toBody(makePush(m_ams.id, 7,
            { makeSale(QStringLiteral("AMS01"), 2, 3), makeSale(QStringLiteral("AMS01"), 2, 1) },
            m_seq, &ids));
        m_seq += 2;
        const HttpAnswer first
            = m_server.request("POST", QStringLiteral("/v1/events"), body, m_ams.token);
        QCOMPARE(first.status, 200);
        auto parsed = Sync::Protocol::PushResponse::fromJson(first.json);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->results.size(), 2);
        QCOMPARE(parsed->results.at(0).outcome, Sync::Protocol::PushOutcome::Applied);
        QCOMPARE(stock(2, 1), before - 4);
        // The replay (the answer got lost) changes nothing.
        const HttpAnswer replay
            = m_server.request("POST", QStringLiteral("/v1/events"), body, m_ams.token);
        QCOMPARE(replay.status, 200);
        parsed = Sync::Protocol::PushResponse::fromJson(replay.json);
        QCOMPARE(parsed->results.at(0).outcome, Sync::Protocol::PushOutcome::Duplicate);
        QCOMPARE(parsed->results.at(1).outcome, Sync::Protocol::PushOutcome::Duplicate);
        QCOMPARE(stock(2, 1), before - 4);
        QCOMPARE(
            m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM events WHERE event_id IN (?, ?)"),
                { ids.at(0), ids.at(1) }),
            2);
    }

    void rejectedEventIsKeptAndNothingApplied()
    {
        const qint64 before = stock(3, 1);
        Sale good = makeSale(QStringLiteral("AMS01"), 3, 1);
        Sale unknown = makeSale(QStringLiteral("AMS01"), 999, 1);
        QStringList ids;
        const QByteArray body = toBody(makePush(m_ams.id, 7, { good, unknown }, m_seq, &ids));
        m_seq += 2;
        const HttpAnswer answer
            = m_server.request("POST", QStringLiteral("/v1/events"), body, m_ams.token);
        QCOMPARE(answer.status, 422);
        auto parsed = Sync::Protocol::PushResponse::fromJson(answer.json);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->results.at(0).outcome, Sync::Protocol::PushOutcome::NotApplied);
        QCOMPARE(parsed->results.at(1).outcome, Sync::Protocol::PushOutcome::Rejected);
        QCOMPARE(parsed->results.at(1).code, QStringLiteral("sale.unknown_product"));
        QCOMPARE(stock(3, 1), before);
        // Kept for the supervisor, through the API and the admin tool.
        const HttpAnswer list
            = m_server.request("GET", QStringLiteral("/v1/events/rejected"), {}, m_ams.token);
        QCOMPARE(list.status, 200);
        bool found = false;
        for (const QJsonValue &item : list.json.value(QStringLiteral("rejected")).toArray())
            found
                = found || item.toObject().value(QStringLiteral("eventId")).toString() == ids.at(1);
        QVERIFY(found);
        QString output;
        QVERIFY(m_server.admin({ QStringLiteral("rejected") }, &output));
        QVERIFY(output.contains(ids.at(1)));
    }

    void otherDeviceCannotPushInMyName()
    {
        const QByteArray body
            = toBody(makePush(m_ams.id, 7, { makeSale(QStringLiteral("AMS01"), 1, 1) }, 5000));
        const HttpAnswer answer
            = m_server.request("POST", QStringLiteral("/v1/events"), body, m_utr.token);
        QCOMPARE(answer.status, 403);
    }

    void anotherTabletSeesTheNewStock()
    {
        // Pull everything as the Utrecht tablet, page by page, then sell in Amsterdam.
        auto pullAll = [&](qint64 since, Sync::Protocol::ChangePage &merged) {
            for (int pages = 0; pages < 1000; ++pages) {
                const HttpAnswer answer = m_server.request("GET",
                    QStringLiteral("/v1/changes?since=%1&limit=7").arg(since), {}, m_utr.token);
                if (answer.status != 200)
                    return qint64(-1);
                auto page = Sync::Protocol::ChangePage::fromJson(answer.json);
                if (!page || page->size() > 7)
                    return qint64(-1);
                merged.products += page->products;
                merged.stock += page->stock;
                merged.staff += page->staff;
                merged.locations += page->locations;
                since = page->next;
                if (!page->more)
                    return since;
            }
            return qint64(-1);
        };
        Sync::Protocol::ChangePage snapshot;
        const qint64 cursor = pullAll(0, snapshot);
        QVERIFY(cursor > 0);
        QCOMPARE(snapshot.products.size(), 20);
        QCOMPARE(snapshot.locations.size(), 2);
        // Staff are scoped to the device's store.
        QCOMPARE(snapshot.staff.size(), 1);
        QCOMPARE(snapshot.staff.first().code, QStringLiteral("E8"));

        const qint64 before = stock(5, 1);
        const QByteArray body
            = toBody(makePush(m_ams.id, 7, { makeSale(QStringLiteral("AMS01"), 5, 2) }, m_seq++));
        QCOMPARE(
            m_server.request("POST", QStringLiteral("/v1/events"), body, m_ams.token).status, 200);

        Sync::Protocol::ChangePage delta;
        QVERIFY(pullAll(cursor, delta) > cursor);
        QCOMPARE(delta.stock.size(), 1);
        QCOMPARE(delta.stock.first().productId, 5);
        QCOMPARE(delta.stock.first().locationId, 1);
        QCOMPARE(delta.stock.first().quantity, before - 2);
        QVERIFY(qAbs(delta.stock.first().asOf.secsTo(QDateTime::currentDateTimeUtc())) < 120);
    }

    void sameBatchConcurrentlyFromTwoConnections()
    {
        const qint64 before = stock(6, 1);
        QStringList ids;
        QList<Sale> sales;
        for (int i = 0; i < 50; ++i)
            sales.append(makeSale(QStringLiteral("AMS01"), 6, 1));
        const QByteArray body = toBody(makePush(m_ams.id, 7, sales, m_seq, &ids));
        m_seq += sales.size();

        // Two managers: two TCP/TLS connections, both requests in flight at once.
        QNetworkAccessManager first;
        QNetworkAccessManager second;
        QList<QNetworkReply *> replies;
        for (QNetworkAccessManager *manager : { &first, &second, &first, &second }) {
            QNetworkRequest request(m_server.url(QStringLiteral("/v1/events")));
            QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
            ssl.setCaCertificates(m_server.caCertificates());
            request.setSslConfiguration(ssl);
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
            request.setRawHeader("Authorization", "Bearer " + m_ams.token.toLatin1());
            replies.append(manager->post(request, body));
        }
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(replies.cbegin(), replies.cend(),
                                     [](QNetworkReply *r) { return r->isFinished(); }),
            60000);
        int applied = 0;
        int duplicate = 0;
        for (QNetworkReply *reply : replies) {
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
            auto parsed = Sync::Protocol::PushResponse::fromJson(
                QJsonDocument::fromJson(reply->readAll()).object());
            QVERIFY(parsed.ok());
            for (const auto &result : parsed->results)
                (result.outcome == Sync::Protocol::PushOutcome::Applied ? applied : duplicate)++;
            reply->deleteLater();
        }
        QCOMPARE(applied, 50);
        QCOMPARE(duplicate, 150);
        QCOMPARE(stock(6, 1), before - 50);
        QCOMPARE(m_server.scalar(
                     QStringLiteral("SELECT COUNT(*) FROM sales s JOIN events e ON e.event_id = "
                                    "s.event_id WHERE e.device_id = ? AND e.device_seq >= ?"),
                     { m_ams.id, m_seq - 50 }),
            50);
    }

    void importReportsBadRowsAndImportsNothing()
    {
        const QString path = m_server.dataDir() + QStringLiteral("/bad.csv");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("id,sku,name,vatClass,priceCents\n100,NEW1,New,standard,500\n101,NEW2,New,"
                   "standard,-5\n102,NEW3,,standard,abc\n");
        file.close();
        QString output;
        QVERIFY(!m_server.admin(
            { QStringLiteral("import"), QStringLiteral("products"), path }, &output));
        QVERIFY2(output.contains(QStringLiteral("bad.csv:3:")), qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral("bad.csv:4:")), qPrintable(output));
        QCOMPARE(
            m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM products WHERE id = 100")), 0);
    }

    void cleanupTestCase() { m_server.kill(); }
};

QTEST_GUILESS_MAIN(TestServerApi)
#include "tst_serverapi.moc"
