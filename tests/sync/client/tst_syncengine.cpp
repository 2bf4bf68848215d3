// The SyncEngine in process against the real server: state snapshots for the top bar, a
// rejected event kept and reported while the rest go through, and resuming by itself (with
// backoff) when the server comes back.
#include "serverfixture.h"

#include "app/store/localdatabase.h"
#include "app/store/outbox.h"
#include "sync/client/deviceconfig.h"
#include "sync/client/serverconnection.h"
#include "sync/client/syncengine.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QUuid>
#include <QtTest>

#include "app/store/customercache.h"
#include "app/store/feedcursors.h"
#include "app/store/promotionstore.h"

using namespace Toonbank;
using namespace Toonbank::Tests;
using Sync::Client::SyncEngine;
using Sync::Client::SyncState;

class TestSyncEngine final : public QObject
{
    Q_OBJECT
private:
    static void appendSale(Store::LocalDatabase &db, qint64 productId)
    {
        Core::Sale sale = makeSale(QStringLiteral("AMS01"), productId, 1);
        sale.staffId = 7;
        QSqlQuery q(db.connection());
        q.prepare(QStringLiteral("INSERT INTO outbox(event_id, type, staff_id, occurred_at, "
                                 "payload) VALUES(?, 'sale', 7, ?, ?)"));
        q.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
        q.addBindValue(sale.soldAt.toString(Qt::ISODateWithMs));
        q.addBindValue(QString::fromUtf8(
            QJsonDocument(Sync::Protocol::saleToJson(sale)).toJson(QJsonDocument::Compact)));
        QVERIFY(q.exec());
    }

private slots:
    void sealedTokenRoundTrip()
    {
        const QString sealed = Sync::Client::Internal::sealSecret(QStringLiteral("secret-token"));
        QVERIFY(sealed.startsWith(QStringLiteral("gcm1:")));
        QVERIFY(!sealed.contains(QStringLiteral("secret-token")));
        QCOMPARE(
            Sync::Client::Internal::unsealSecret(sealed).value(), QStringLiteral("secret-token"));
        // One flipped ciphertext bit fails authentication.
        QByteArray raw = QByteArray::fromBase64(sealed.mid(5).toLatin1());
        raw[14] = char(raw.at(14) ^ 1);
        const auto tampered = Sync::Client::Internal::unsealSecret(
            QStringLiteral("gcm1:") + QString::fromLatin1(raw.toBase64()));
        QVERIFY(!tampered.ok());
        QCOMPARE(tampered.error().code, QStringLiteral("sync.token_unreadable"));
    }

    void rejectedKeptOthersAppliedAndResumesAfterOutage()
    {
        ServerFixture server;
        QVERIFY(server.seed(5));
        QVERIFY(server.start());
        QTemporaryDir dir;
        const QString cachePath = dir.filePath(QStringLiteral("cache.sqlite"));
        auto db = Store::LocalDatabase::open(cachePath);
        QVERIFY(db);

        // Enrol with the real connection and keep the config in the cache.
        Sync::Client::ServerConnection connection(server.url(QString()));
        std::optional<Core::Result<Sync::Protocol::EnrolResponse>> enrolled;
        connection.enrol(server.enrolmentCode(QStringLiteral("AMS01")), QStringLiteral("Till"),
            QString::fromLatin1(
                server.caCertificates().first().digest(QCryptographicHash::Sha256).toHex()),
            [&](auto result) { enrolled = result; });
        QTRY_VERIFY_WITH_TIMEOUT(enrolled.has_value(), 20000);
        QVERIFY(enrolled->ok());
        Sync::Client::DeviceConfig config;
        config.serverUrl = server.url(QString());
        config.deviceId = enrolled->value().deviceId;
        config.token = enrolled->value().token;
        config.caCertificatePem = enrolled->value().caCertificatePem;
        config.locationId = enrolled->value().locationId;
        config.locationCode = enrolled->value().locationCode;
        QVERIFY(config.save(*db.value()));
        QCOMPARE(Sync::Client::DeviceConfig::load(*db.value()).value().token, config.token);

        appendSale(*db.value(), 1);
        appendSale(*db.value(), 999); // unknown on the server: rejected, kept for a supervisor
        appendSale(*db.value(), 2);

        SyncEngine::Options options;
        options.backoffBaseMs = 100;
        options.backoffCapMs = 400;
        options.pollIntervalMs = 3600000;
        SyncEngine engine(cachePath, options);
        QList<SyncState> states;
        connect(&engine, &SyncEngine::stateChanged, this,
            [&](const SyncState &state) { states.append(state); });
        engine.start();
        QTRY_VERIFY_WITH_TIMEOUT(
            engine.state().lastPullAt.isValid() && !engine.state().syncing, 20000);
        SyncState state = engine.state();
        QVERIFY(state.enrolled);
        QVERIFY(state.online);
        QCOMPARE(state.pendingEvents, 0);
        QCOMPARE(state.rejectedEvents, 1);
        QVERIFY(state.lastError.isEmpty());
        QVERIFY(!states.isEmpty());
        QCOMPARE(
            server.scalar(QStringLiteral("SELECT COUNT(*) FROM events WHERE status = 'applied'")),
            2);
        QCOMPARE(
            server.scalar(QStringLiteral("SELECT COUNT(*) FROM events WHERE status = 'rejected'")),
            1);
        Store::Outbox outbox(*db.value());
        QVERIFY(outbox.rejected().value().first().second.startsWith(
            QStringLiteral("sale.unknown_product")));
        QVERIFY(outbox.pullCursor() > 0);
        // The pulled stock already shows the two sales.
        QSqlQuery q(db.value()->connection());
        QVERIFY(q.exec(QStringLiteral(
                    "SELECT quantity FROM stock WHERE product_id = 1 AND location_id = 1"))
            && q.next());
        QCOMPARE(q.value(0).toInt(), 99);

        // Outage: a sale waits, the state says offline; the server returns on the same port and
        // the engine resumes by itself (no syncNow()).
        const quint16 port = server.port();
        server.kill();
        appendSale(*db.value(), 3);
        engine.syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(
            engine.state().lastErrorCode == QLatin1String("sync.offline"), 20000);
        QVERIFY(!engine.state().online);
        QCOMPARE(engine.state().pendingEvents, 1);
        QVERIFY(server.start({ QStringLiteral("--port"), QString::number(port) }));
        QTRY_VERIFY_WITH_TIMEOUT(engine.state().pendingEvents == 0 && engine.state().online, 20000);
        QCOMPARE(
            server.scalar(QStringLiteral("SELECT COUNT(*) FROM events WHERE status = 'applied'")),
            3);
    }

    void feedKindsFillTheirStores()
    {
        // After the catalog the worker pulls promotions and this store's customers, each from
        // its own cursor, into the cache's stores.
        ServerFixture server;
        QVERIFY(server.seed(5));
        QFile promotions(server.dataDir() + QStringLiteral("/promotions.csv"));
        QVERIFY(promotions.open(QIODevice::WriteOnly));
        promotions.write("id,label,kind,target,targetKeys,percentBasisPoints\n"
                         "PR-1,10 % off,percent_off,item,SKU1,1000\n");
        promotions.close();
        QFile customers(server.dataDir() + QStringLiteral("/customers.csv"));
        QVERIFY(customers.open(QIODevice::WriteOnly));
        customers.write("id,code,name,email,phone,tier,homeStoreCode\n"
                        "1,2990000000011,Eva,eva@example.nl,+31611111111,silver,AMS01\n"
                        "2,2990000000028,Sam,sam@example.nl,,basic,UTR01\n");
        customers.close();
        QVERIFY(server.admin(
            { QStringLiteral("import"), QStringLiteral("promotions"), promotions.fileName() }));
        QVERIFY(server.admin(
            { QStringLiteral("import"), QStringLiteral("customers"), customers.fileName() }));
        QVERIFY(server.start());
        QTemporaryDir dir;
        const QString cachePath = dir.filePath(QStringLiteral("cache.sqlite"));
        auto db = Store::LocalDatabase::open(cachePath);
        QVERIFY(db);
        Sync::Client::ServerConnection connection(server.url(QString()));
        std::optional<Core::Result<Sync::Protocol::EnrolResponse>> enrolled;
        connection.enrol(server.enrolmentCode(QStringLiteral("AMS01")), QStringLiteral("Till"),
            QString::fromLatin1(
                server.caCertificates().first().digest(QCryptographicHash::Sha256).toHex()),
            [&](auto result) { enrolled = result; });
        QTRY_VERIFY_WITH_TIMEOUT(enrolled.has_value(), 20000);
        QVERIFY(enrolled->ok());
        Sync::Client::DeviceConfig config;
        config.serverUrl = server.url(QString());
        config.deviceId = enrolled->value().deviceId;
        config.token = enrolled->value().token;
        config.caCertificatePem = enrolled->value().caCertificatePem;
        config.locationId = enrolled->value().locationId;
        config.locationCode = enrolled->value().locationCode;
        QVERIFY(config.save(*db.value()));

        SyncEngine::Options options;
        options.automatic = false;
        SyncEngine engine(cachePath, options);
        engine.start();
        engine.syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(
            engine.state().lastPullAt.isValid() && !engine.state().syncing, 20000);
        QVERIFY2(engine.state().lastError.isEmpty(), qPrintable(engine.state().lastErrorCode));

        Store::PromotionStore promotionStore(*db.value());
        QCOMPARE(promotionStore.all().value().size(), 1);
        QCOMPARE(promotionStore.all().value().first().id, QStringLiteral("PR-1"));
        Store::CustomerCache customerCache(*db.value());
        QCOMPARE(customerCache.byCard(QStringLiteral("2990000000011")).value().tier,
            QStringLiteral("silver"));
        QVERIFY(!customerCache.byCard(QStringLiteral("2990000000028")).ok()); // other store
        Store::FeedCursors cursors(*db.value());
        QVERIFY(cursors.cursor(Store::FeedCursors::promotions).value() > 0);
        QVERIFY(cursors.cursor(Store::FeedCursors::customers).value() > 0);
    }
};

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
