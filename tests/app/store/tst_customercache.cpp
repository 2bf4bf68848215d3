// The customer cache: personal data sealed at rest (the raw file holds no name, e-mail or
// phone), indexed lookups by card, phone, e-mail and name words, consent history, wish list,
// pending points, the purge of customers unseen for N days, and the outbox's sealed payloads.
#include "app/store/customercache.h"
#include "app/store/localdatabase.h"
#include "app/store/outbox.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace Toonbank;
using Store::CustomerCache;
using Store::CustomerRecord;
using Store::LocalDatabase;

namespace {

CustomerRecord piet()
{
    CustomerRecord r;
    r.id = 501;
    r.cardNumber = QStringLiteral("2990000005012");
    r.name = QStringLiteral("Piet Jänsen");
    r.email = QStringLiteral("piet.jansen@example.nl");
    r.phone = QStringLiteral("+31612345678");
    r.tier = QStringLiteral("silver");
    r.pointsBalance = 1200;
    r.lifetimePoints = 2300;
    r.homeStoreCode = QStringLiteral("AMS01");
    r.consentEmail = true;
    r.lastSeenAt = QDateTime(QDate(2026, 11, 1), QTime(12, 0), Qt::UTC);
    return r;
}

} // namespace

class TestCustomerCache final : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    const QDateTime m_now { QDate(2026, 11, 29), QTime(10, 0), Qt::UTC };

private slots:
    void initTestCase()
    {
        QFile key(m_dir.filePath(QStringLiteral("machine-id")));
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write("0123456789abcdef0123456789abcdef\n");
        key.close();
        qputenv("TOONBANK_DEVICE_KEY_FILE", QFile::encodeName(key.fileName()));
    }

    void lookupsByCardPhoneEmailAndName()
    {
        auto db = LocalDatabase::open(m_dir.filePath(QStringLiteral("lookups.sqlite")));
        QVERIFY(db);
        CustomerCache cache(*db.value());
        QVERIFY(cache.upsertFromServer(piet()));
        CustomerRecord other = piet();
        other.id = 502;
        other.cardNumber = QStringLiteral("2990000005029");
        other.name = QStringLiteral("Marieke Jansen-de Boer");
        other.email = QStringLiteral("marieke@example.nl");
        QVERIFY(cache.upsertFromServer(other)); // same phone: a family

        auto byCard = cache.byCard(piet().cardNumber);
        QVERIFY(byCard);
        QCOMPARE(byCard->name, piet().name);
        QCOMPARE(byCard->email, piet().email);
        QCOMPARE(byCard->phone, piet().phone);
        QCOMPARE(byCard->tier, QStringLiteral("silver"));
        QCOMPARE(byCard->pointsBalance, 1200);
        QCOMPARE(byCard->lastSeenAt, piet().lastSeenAt);
        QVERIFY(byCard->consentEmail);
        QVERIFY(!byCard->consentSms);

        QCOMPARE(cache.byPhone(QStringLiteral("+31612345678"))->size(), 2);
        QCOMPARE(cache.byPhone(QStringLiteral("+31612345679"))->size(), 0);
        QCOMPARE(cache.byEmail(QStringLiteral("marieke@example.nl"))->size(), 1);
        QCOMPARE(cache.byEmail(QStringLiteral("marieke@example.nl"))->first().id, 502);

        auto jansen = cache.byName(QStringLiteral("JANSEN"));
        QVERIFY(jansen);
        QCOMPARE(jansen->size(), 2);
        QCOMPARE(jansen->at(0).name, other.name); // by name: Marieke before Piet
        QCOMPARE(cache.byName(QStringLiteral("piet jansen"))->size(), 1);
        QCOMPARE(cache.byName(QStringLiteral("jan"))->size(), 0); // whole words only
        QCOMPARE(cache.byName(QStringLiteral("  "))->size(), 0);

        auto missing = cache.byCard(QStringLiteral("2990000009999"));
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, QStringLiteral("customer.not_found"));

        // A changed e-mail moves the index with it.
        CustomerRecord moved = piet();
        moved.email = QStringLiteral("piet@new.example");
        moved.name = QStringLiteral("Piet Pieters");
        QVERIFY(cache.upsertFromServer(moved));
        QCOMPARE(cache.byEmail(QStringLiteral("piet.jansen@example.nl"))->size(), 0);
        QCOMPARE(cache.byEmail(QStringLiteral("piet@new.example"))->size(), 1);
        QCOMPARE(cache.byName(QStringLiteral("jansen"))->size(), 1);
        QCOMPARE(cache.count().value(), 2);
    }

    void personalDataIsNotInTheFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("rest.sqlite"));
        {
            auto db = LocalDatabase::open(path);
            QVERIFY(db);
            CustomerCache cache(*db.value());
            QVERIFY(cache.upsertFromServer(piet()));
            CustomerRecord enrolled = piet();
            enrolled.id = 0;
            enrolled.cardNumber = QStringLiteral("2990000007771");
            enrolled.name = QStringLiteral("Zoë Vermeulen");
            enrolled.email = QStringLiteral("zoe.vermeulen@example.be");
            enrolled.phone = QStringLiteral("+32470123456");
            enrolled.localId = QStringLiteral("8d0c1111-2222-4333-8444-555566667777");
            QVERIFY(cache.insertEnrolled(enrolled, 10));
            Store::Outbox outbox(*db.value());
            auto id = outbox.append(QStringLiteral("customer_enrolled"), 10, m_now,
                "{\"name\":\"Zo\xc3\xab Vermeulen\",\"email\":\"zoe.vermeulen@example.be\","
                "\"phone\":\"+32470123456\"}",
                Store::Outbox::Privacy::Personal);
            QVERIFY(id);
            // The sync engine still gets the payload in clear.
            auto pending = outbox.pending(10);
            QVERIFY(pending);
            QVERIFY(pending->first().payload.contains("zoe.vermeulen@example.be"));
            QSqlQuery checkpoint(db.value()->connection());
            QVERIFY(checkpoint.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        }
        QByteArray raw;
        for (const QString &file : { path, path + QStringLiteral("-wal") }) {
            QFile f(file);
            if (f.open(QIODevice::ReadOnly))
                raw += f.readAll();
        }
        QVERIFY(raw.size() > 4096);
        QVERIFY(raw.contains("2990000007771")); // the card number is the clear key
        for (const QByteArray &secret : { QByteArray("piet.jansen@example.nl"),
                 QByteArray("+31612345678"), QByteArray("31612345678"), QByteArray("J\xc3\xa4nsen"),
                 QByteArray("Piet"), QByteArray("zoe.vermeulen"), QByteArray("+32470123456"),
                 QByteArray("Vermeulen"), QByteArray("Zo\xc3\xab") }) {
            QVERIFY2(!raw.contains(secret), secret.constData());
            QVERIFY2(
                !raw.contains(QString::fromUtf8(secret).toUtf8().toLower()), secret.constData());
        }
    }

    void otherMachineKeyCannotRead()
    {
        const QString path = m_dir.filePath(QStringLiteral("moved.sqlite"));
        {
            auto db = LocalDatabase::open(path);
            QVERIFY(db);
            QVERIFY(CustomerCache(*db.value()).upsertFromServer(piet()));
        }
        QFile other(m_dir.filePath(QStringLiteral("other-machine-id")));
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.write("ffffffffffffffffffffffffffffffff\n");
        other.close();
        const QByteArray saved = qgetenv("TOONBANK_DEVICE_KEY_FILE");
        qputenv("TOONBANK_DEVICE_KEY_FILE", QFile::encodeName(other.fileName()));
        auto db = LocalDatabase::open(path);
        QVERIFY(db);
        auto read = CustomerCache(*db.value()).byCard(piet().cardNumber);
        qputenv("TOONBANK_DEVICE_KEY_FILE", saved);
        QVERIFY(!read);
        QCOMPARE(read.error().code, QStringLiteral("customer.keys_unreadable"));
    }

    void enrolmentConsentHistoryAndDuplicates()
    {
        auto db = LocalDatabase::open(m_dir.filePath(QStringLiteral("consent.sqlite")));
        QVERIFY(db);
        CustomerCache cache(*db.value());
        CustomerRecord r = piet();
        r.id = 0;
        r.localId = QStringLiteral("uuid-1");
        r.consentChangedAt = m_now;
        QVERIFY(cache.insertEnrolled(r, 10));
        auto again = cache.insertEnrolled(r, 10);
        QVERIFY(!again);
        QCOMPARE(again.error().code, QStringLiteral("customer.duplicate"));

        QVERIFY(cache.setConsent(r.cardNumber, false, true, true, m_now.addSecs(60), 11));
        auto unknown
            = cache.setConsent(QStringLiteral("2990000000000"), true, true, true, m_now, 11);
        QCOMPARE(unknown.error().code, QStringLiteral("customer.not_found"));
        auto history = cache.consentHistory(r.cardNumber);
        QVERIFY(history);
        QCOMPARE(history->size(), 2);
        QCOMPARE(history->at(0).source, QStringLiteral("edit"));
        QCOMPARE(history->at(0).staffId, 11);
        QVERIFY(history->at(0).sms && !history->at(0).email);
        QCOMPARE(history->at(1).source, QStringLiteral("enrolment"));
        QVERIFY(history->at(1).email);
        auto stored = cache.byCard(r.cardNumber);
        QVERIFY(stored->consentSms && stored->consentPersonalised && !stored->consentEmail);
        QCOMPARE(stored->localId, QStringLiteral("uuid-1"));
        QCOMPARE(stored->id, 0);

        // The server learns of it and reports it back with its id and a consent change.
        CustomerRecord server = r;
        server.id = 777;
        server.consentSms = false;
        server.consentEmail = false;
        server.consentPersonalised = true;
        QVERIFY(cache.upsertFromServer(server));
        QCOMPARE(cache.byCard(r.cardNumber)->id, 777);
        QCOMPARE(cache.byCard(r.cardNumber)->localId, QStringLiteral("uuid-1"));
        QCOMPARE(cache.consentHistory(r.cardNumber)->first().source, QStringLiteral("server"));
    }

    void wishlistAndPendingPoints()
    {
        auto db = LocalDatabase::open(m_dir.filePath(QStringLiteral("wish.sqlite")));
        QVERIFY(db);
        CustomerCache cache(*db.value());
        const QString card = piet().cardNumber;
        QVERIFY(cache.upsertFromServer(piet()));
        QVERIFY(cache.addWish(card, 100, QStringLiteral("LEV-501-IND-32"), m_now));
        QVERIFY(cache.addWish(card, 103, QStringLiteral("SOCK-BAMBOO-3P"), m_now.addSecs(5)));
        QVERIFY(cache.addWish(card, 100, QStringLiteral("LEV-501-IND-32"), m_now)); // no double
        QCOMPARE(cache.wishlist(card)->size(), 2);
        QCOMPARE(cache.wishlist(card)->first().productId, 103);
        QVERIFY(cache.removeWish(card, 103));
        QCOMPARE(cache.wishlist(card)->size(), 1);

        QVERIFY(cache.addPendingPoints(card, QStringLiteral("sale-1"), 90, m_now));
        QVERIFY(cache.addPendingPoints(card, QStringLiteral("sale-2"), 40, m_now));
        QCOMPARE(cache.pendingPoints(card).value(), 130);
        QVERIFY(cache.confirmPoints({ QStringLiteral("sale-1") }));
        QCOMPARE(cache.pendingPoints(card).value(), 40);
    }

    void purgeOfUnseenCustomers()
    {
        auto db = LocalDatabase::open(m_dir.filePath(QStringLiteral("purge.sqlite")));
        QVERIFY(db);
        CustomerCache cache(*db.value());
        QCOMPARE(cache.purgeDays(), 90);
        QVERIFY(
            db.value()->setSetting(QStringLiteral("customer.purge_days"), QStringLiteral("30")));
        QCOMPARE(cache.purgeDays(), 30);

        auto make = [&](qint64 id, const QString &card, const QDateTime &seen) {
            CustomerRecord r = piet();
            r.id = id;
            r.cardNumber = card;
            r.name = QStringLiteral("Klant %1").arg(id);
            r.lastSeenAt = seen;
            return cache.upsertFromServer(r);
        };
        QVERIFY(make(1, QStringLiteral("2990000000011"), m_now.addDays(-100))); // goes
        QVERIFY(make(2, QStringLiteral("2990000000028"), m_now.addDays(-10))); // recent
        QVERIFY(make(3, QStringLiteral("2990000000035"), m_now.addDays(-100))); // seen here
        QVERIFY(cache.markSeen(QStringLiteral("2990000000035"), m_now.addDays(-1)));
        QVERIFY(make(4, QStringLiteral("2990000000042"), m_now.addDays(-100))); // points pending
        QVERIFY(make(5, QStringLiteral("2990000000066"), QDateTime())); // never seen: kept
        QVERIFY(
            cache.addPendingPoints(QStringLiteral("2990000000042"), QStringLiteral("s"), 5, m_now));
        CustomerRecord local = piet();
        local.id = 0;
        local.cardNumber = QStringLiteral("2990000000059");
        local.lastSeenAt = m_now.addDays(-100);
        QVERIFY(cache.insertEnrolled(local, 10)); // not on the server yet: kept
        QVERIFY(cache.addWish(QStringLiteral("2990000000011"), 100, QStringLiteral("X"), m_now));

        auto purged = cache.purgeUnseen(m_now, cache.purgeDays());
        QVERIFY(purged);
        QCOMPARE(purged.value(), 1);
        QCOMPARE(cache.byCard(QStringLiteral("2990000000011")).error().code,
            QStringLiteral("customer.not_found"));
        QCOMPARE(cache.wishlist(QStringLiteral("2990000000011"))->size(), 0);
        QCOMPARE(cache.byName(QStringLiteral("klant 1"))->size(), 0);
        QCOMPARE(cache.count().value(), 5);
        // The never-seen customer's days started at that purge: gone after 30 more.
        auto later = cache.purgeUnseen(m_now.addDays(31), cache.purgeDays());
        QVERIFY(later);
        QVERIFY(!cache.byCard(QStringLiteral("2990000000066")).ok());
    }
};

QTEST_GUILESS_MAIN(TestCustomerCache)
#include "tst_customercache.moc"
