// Server schema v1 → v2: a database written by the v1 server (its DDL and rows made here, as
// the v1 server left them) is opened by this build. The data survives in the new relational
// form and the events it already applied come back as duplicates when a tablet resends them.
// SQLite, and PostgreSQL when registered with TOONBANK_TEST_BACKEND=postgresql.
#include "sync/protocol/eventtype.h"
#include "sync/server/eventapplier.h"
#include "sync/server/schema.h"
#include "sync/server/serverdatabase.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUrl>
#include <QUuid>
#include <QtTest>

using namespace Toonbank;
using namespace Toonbank::Sync;
using Server::ServerDatabase;

namespace {

const QString eventId = QStringLiteral("6d3f0a52-8a8e-4c57-9a4e-0a1f5f6b9c01");
const QString saleId = QStringLiteral("0c9f8a77-1111-4c57-9a4e-0a1f5f6b9c02");

QJsonObject v1SalePayload()
{
    return QJsonDocument::fromJson(R"({"saleId":"0c9f8a77-1111-4c57-9a4e-0a1f5f6b9c02",
        "receiptNumber":"AMS01-T1-000001","locationCode":"AMS01",
        "soldAt":"2026-03-01T10:00:00.000Z",
        "lines":[{"productId":1,"sku":"SKU1","quantity":2,"unitPriceCents":1000,
            "lineDiscountCents":0,"lineTotalCents":2000,"vatClass":"standard",
            "vatBasisPoints":2100}],
        "vat":[{"basisPoints":2100,"grossCents":2000,"vatCents":347,"netCents":1653}],
        "totalCents":2000,"roundingCents":0,
        "payments":[{"method":"card","amountCents":2000,"tenderedCents":0,"changeCents":0,
            "reference":"T-1"}],
        "customerId":1,"training":false})")
        .object();
}

} // namespace

class TestServerMigration final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_spec; // empty: SQLite in m_dir
    QString m_pgDatabase;

    bool postgres() const
    {
        return qEnvironmentVariable("TOONBANK_TEST_BACKEND") == QLatin1String("postgresql");
    }

    QSqlDatabase raw(const QString &name, const QString &databaseName = {})
    {
        if (!postgres()) {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(m_dir.filePath(QStringLiteral("toonbank.db")));
            return db;
        }
        const QUrl url(qEnvironmentVariable("TOONBANK_TEST_PG_URL"));
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(databaseName.isEmpty() ? url.path().mid(1) : databaseName);
        return db;
    }

    // The v1 schema exactly as the v1 server created it, and rows as it wrote them.
    void writeVersion1()
    {
        QSqlDatabase db = raw(QStringLiteral("v1"), m_pgDatabase);
        QVERIFY2(db.open(), qPrintable(db.lastError().text()));
        QSqlQuery q(db);
        auto run = [&q](const QString &sql) {
            if (!q.exec(sql))
                qWarning().noquote() << sql.left(120) << q.lastError().text();
            return q.lastError().type() == QSqlError::NoError;
        };
        const auto dialect = postgres() ? Server::Dialect::Postgres : Server::Dialect::Sqlite;
        QVERIFY(run(QStringLiteral(
            "CREATE TABLE schema_version(version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)")));
        const auto steps = Server::Internal::migrations(dialect);
        for (const QString &statement : steps.first().statements)
            QVERIFY(run(statement));
        const QStringList rows {
            QStringLiteral("INSERT INTO schema_version VALUES (1, '2026-01-01T00:00:00Z')"),
            QStringLiteral("UPDATE feed_head SET seq = 10"),
            QStringLiteral("INSERT INTO locations VALUES (1, 'AMS01', 'Amsterdam', 'store', '', "
                           "'', 'NL', 52.37, 4.89, 1, 1)"),
            QStringLiteral(
                R"(INSERT INTO products VALUES (1, 'SKU1', '{"id":1,"sku":"SKU1","name":"Sock","brand":"B","vatClass":"standard","priceCents":1000}', 2))"),
            QStringLiteral(
                R"(INSERT INTO products VALUES (2, 'SKU2', '{"id":2,"sku":"SKU2","name":"Hat","brand":"B","vatClass":"standard","priceCents":2500,"promoPriceCents":1999,"promoFrom":"2026-03-01","promoUntil":"2026-03-31"}', 3))"),
            QStringLiteral("INSERT INTO stock VALUES (1, 1, 98, '2026-03-01T10:00:00Z', 9)"),
            QStringLiteral("INSERT INTO staff VALUES (7, 'E7', 'Ann', 'cashier', 1, 'x', 1, 4)"),
            QStringLiteral(
                R"(INSERT INTO customers VALUES (1, '2990000000011', '{"id":1,"code":"2990000000011","name":"Eva","email":"eva@example.nl","phone":"+31611111111","loyaltyPoints":120}', 5))"),
            // A v1 duplicate e-mail: after the migration only the lower id keeps it.
            QStringLiteral(
                R"(INSERT INTO customers VALUES (2, '2990000000028', '{"id":2,"code":"2990000000028","name":"Eva B","email":"eva@example.nl","phone":"","loyaltyPoints":0}', 6))"),
            QStringLiteral("INSERT INTO devices VALUES ('dev-1', 'Till', 1, 'hash', "
                           "'2026-01-01T00:00:00Z', NULL)"),
            QStringLiteral("INSERT INTO events VALUES ('%1', 'dev-1', 1, 'sale', 7, "
                           "'2026-03-01T10:00:00.000Z', '2026-03-01T10:00:01.000Z', 'applied', "
                           "'', '', '%2')")
                .arg(eventId,
                    QString::fromUtf8(
                        QJsonDocument(v1SalePayload()).toJson(QJsonDocument::Compact))),
            QStringLiteral("INSERT INTO sales VALUES ('%1', '%2', 1, 'dev-1', 7, "
                           "'AMS01-T1-000001', '2026-03-01T10:00:00.000Z', 2000, 0, 1, 0)")
                .arg(saleId, eventId),
            QStringLiteral("INSERT INTO sale_lines VALUES ('%1', 1, 1, 'SKU1', 2, 1000, 0, 2000, "
                           "2100)")
                .arg(saleId),
        };
        for (const QString &row : rows)
            QVERIFY(run(row));
        db.close();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (postgres()) {
            if (qEnvironmentVariable("TOONBANK_TEST_PG_URL").isEmpty())
                QSKIP("TOONBANK_TEST_PG_URL not set");
            m_pgDatabase = QStringLiteral("toonbank_m_")
                + QUuid::createUuid().toString(QUuid::Id128).left(16);
            {
                QSqlDatabase admin = raw(QStringLiteral("admin"));
                QVERIFY(admin.open());
                QVERIFY(QSqlQuery(admin).exec(QStringLiteral("CREATE DATABASE ") + m_pgDatabase));
            }
            QSqlDatabase::removeDatabase(QStringLiteral("admin"));
            QUrl url(qEnvironmentVariable("TOONBANK_TEST_PG_URL"));
            url.setPath(QLatin1Char('/') + m_pgDatabase);
            m_spec = url.toString();
        }
        writeVersion1();
        QSqlDatabase::removeDatabase(QStringLiteral("v1"));
    }

    void cleanupTestCase()
    {
        if (m_pgDatabase.isEmpty())
            return;
        {
            QSqlDatabase admin = raw(QStringLiteral("drop"));
            if (admin.open())
                QSqlQuery(admin).exec(QStringLiteral("DROP DATABASE IF EXISTS ") + m_pgDatabase);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("drop"));
    }

    void dataSurvivesAndEventsReplayAsDuplicates()
    {
        auto opened = ServerDatabase::open(m_spec, m_dir.path());
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().detail));
        ServerDatabase &db = *opened.value();
        QCOMPARE(db.schemaVersion(), Sync::Server::ServerDatabase::currentSchemaVersion);

        auto value = [&db](const QString &sql, const QVariantList &params = {}) {
            auto q = db.exec(sql, params);
            if (!q || !q.value().next())
                return QVariant();
            return q.value().value(0);
        };
        // Customers: columns from the v1 document; the duplicate e-mail stays on id 1 only.
        QCOMPARE(value(QStringLiteral("SELECT card_number FROM customers WHERE id = 1")).toString(),
            QStringLiteral("2990000000011"));
        QCOMPARE(value(QStringLiteral("SELECT name FROM customers WHERE id = 1")).toString(),
            QStringLiteral("Eva"));
        QCOMPARE(value(QStringLiteral("SELECT email FROM customers WHERE id = 1")).toString(),
            QStringLiteral("eva@example.nl"));
        QCOMPARE(value(QStringLiteral("SELECT phone FROM customers WHERE id = 1")).toString(),
            QStringLiteral("+31611111111"));
        QCOMPARE(
            value(QStringLiteral("SELECT points_balance FROM customers WHERE id = 1")).toLongLong(),
            120);
        QCOMPARE(value(QStringLiteral("SELECT COUNT(*) FROM customers WHERE email IS NULL "
                                      "AND phone IS NULL AND id = 2"))
                     .toLongLong(),
            1);
        QCOMPARE(
            value(QStringLiteral("SELECT change_seq FROM customers WHERE id = 2")).toLongLong(), 6);
        // Price history: one version per product, promo carried over.
        QCOMPARE(value(QStringLiteral("SELECT COUNT(*) FROM product_prices")).toLongLong(), 2);
        QCOMPARE(value(QStringLiteral(
                           "SELECT promo_price_cents FROM product_prices WHERE product_id = 2"))
                     .toLongLong(),
            1999);
        QVERIFY(value(
            QStringLiteral("SELECT promo_price_cents FROM product_prices WHERE product_id = 1"))
                    .isNull());
        QCOMPARE(value(QStringLiteral("SELECT valid_from_seq FROM product_prices WHERE "
                                      "product_id = 2"))
                     .toLongLong(),
            3);
        // Sales: VAT and tenders from the v1 payload, store code, line ids.
        QCOMPARE(value(QStringLiteral("SELECT store_code FROM sales")).toString(),
            QStringLiteral("AMS01"));
        QCOMPARE(value(QStringLiteral("SELECT line_id FROM sale_lines")).toString(),
            QStringLiteral("L1"));
        QCOMPARE(
            value(QStringLiteral("SELECT vat_cents FROM sale_vat WHERE sale_id = ?"), { saleId })
                .toLongLong(),
            347);
        QCOMPARE(
            value(QStringLiteral("SELECT method FROM sale_tenders WHERE sale_id = ?"), { saleId })
                .toString(),
            QStringLiteral("card"));
        QCOMPARE(value(QStringLiteral("SELECT amount_cents FROM sale_tenders WHERE sale_id = ?"),
                     { saleId })
                     .toLongLong(),
            2000);
        QCOMPARE(value(QStringLiteral("SELECT quantity FROM stock")).toLongLong(), 98);

        // The tablet resends the event the v1 server applied: a duplicate, nothing changes.
        auto handlers = Server::EventHandlerRegistry::standard({});
        Server::EventApplier applier(db, *handlers);
        Protocol::PushRequest push;
        push.deviceId = QStringLiteral("dev-1");
        Protocol::EventEnvelope event;
        event.eventId = eventId;
        event.deviceId = push.deviceId;
        event.deviceSeq = 1;
        event.type = Protocol::name(Protocol::EventType::Sale);
        event.staffId = 7;
        event.occurredAt = QDateTime(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC);
        event.payload = v1SalePayload();
        push.events.append(event);
        auto outcome = applier.apply({ QStringLiteral("dev-1"), 1, QStringLiteral("AMS01") }, push);
        QVERIFY(std::holds_alternative<Server::EventApplier::Outcome>(outcome));
        const auto &results = std::get<Server::EventApplier::Outcome>(outcome).response.results;
        QCOMPARE(results.size(), 1);
        QCOMPARE(results.first().outcome, Protocol::PushOutcome::Duplicate);
        QCOMPARE(value(QStringLiteral("SELECT COUNT(*) FROM sales")).toLongLong(), 1);
        QCOMPARE(value(QStringLiteral("SELECT quantity FROM stock")).toLongLong(), 98);

        // Opening again is a no-op: the migration ran once.
        opened.value().reset();
        auto again = ServerDatabase::open(m_spec, m_dir.path());
        QVERIFY(again);
        QCOMPARE(
            again.value()->schemaVersion(), Sync::Server::ServerDatabase::currentSchemaVersion);
    }
};

QTEST_GUILESS_MAIN(TestServerMigration)
#include "tst_servermigration.moc"
