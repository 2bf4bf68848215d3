// The tablet's side of the online wallet (Services::ServerLookups as StoredValueClient) against
// the real toonbank-server: gift-card balance, claim (idempotent), the server's refusals as
// plain words ("Only €7.50 left on this gift card."), status, release, store credit, and
// "wallet.needs_network" when the server cannot be reached. Enrolled with toonbank-synctool
// like a real tablet. SQLite, and PostgreSQL with TOONBANK_TEST_BACKEND=postgresql.
#include "app/services/serverlookups.h"
#include "app/services/terminal.h"
#include "serverfixture.h"

#include <QCryptographicHash>
#include <QProcess>
#include <QUuid>
#include <QtTest>

using namespace Toonbank;
using namespace Toonbank::Tests;
using Core::Money;

namespace {

const QString card = QStringLiteral("6036990000002001"); // 20.00
const QString expired = QStringLiteral("6036990000002002");

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

class TestWalletLookups final : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    ServerFixture m_server;
    QString m_cache;

    QString writeFile(const QString &name, const QByteArray &content)
    {
        QFile file(m_dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(content);
        return file.fileName();
    }

private slots:
    void initTestCase()
    {
        if (ServerFixture::wantsPostgres() && qEnvironmentVariableIsEmpty("TOONBANK_TEST_PG_URL"))
            QSKIP("TOONBANK_TEST_PG_URL is not set");
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        QFile key(m_dir.filePath(QStringLiteral("machine-id")));
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write("00112233445566778899aabbccddeeff\n");
        key.close();
        qputenv("TOONBANK_DEVICE_KEY_FILE", QFile::encodeName(key.fileName()));

        QVERIFY(m_server.seed(3));
        QVERIFY(m_server.admin({ QStringLiteral("import"), QStringLiteral("customers"),
            writeFile(QStringLiteral("customers.csv"),
                "id,code,name,email,phone,loyaltyPoints,tier,homeStoreCode\n"
                "1,2990000000011,Eva de Vries,eva@example.nl,,0,basic,AMS01\n"
                "2,2990000000028,Sam Jansen,sam@example.nl,,0,basic,AMS01\n") }));
        QVERIFY(m_server.admin({ QStringLiteral("import"), QStringLiteral("gift-cards"),
            writeFile(QStringLiteral("cards.csv"),
                "number,balance,expires_on,issued_at\n"
                "6036990000002001,20.00,2099-12-31,2026-01-01\n"
                "6036990000002002,20.00,2023-01-01,2021-01-01\n") }));
        QCOMPARE(m_server.scalar(QStringLiteral("INSERT INTO store_credit(customer_id, "
                                                "balance_cents) VALUES (1, 1500) RETURNING "
                                                "balance_cents")),
            1500);
        QVERIFY(m_server.start());
        m_cache = m_dir.filePath(QStringLiteral("till.sqlite"));
        int code = 0;
        const QString enrolled = runSyncTool(m_cache,
            { QStringLiteral("enrol"), m_server.url(QString()).toString(),
                m_server.enrolmentCode(QStringLiteral("AMS01")),
                QString::fromLatin1(
                    m_server.caCertificates().first().digest(QCryptographicHash::Sha256).toHex()) },
            &code);
        QVERIFY2(code == 0, qPrintable(enrolled));
    }

    void giftCardOnline()
    {
        auto opened = Services::Terminal::open(m_cache);
        QVERIFY(opened);
        Services::ServerLookups lookups(opened.value()->database());
        Services::StoredValueClient &wallet = lookups;
        QVERIFY(wallet.isOnline());

        auto balance = wallet.giftCardBalance(QStringLiteral("6036 9900 0000 2001"));
        QVERIFY2(balance, balance ? "" : qPrintable(balance.error().detail));
        QCOMPARE(balance->number, card);
        QCOMPARE(balance->balance, Money::fromCents(2000));
        QCOMPARE(balance->state, Services::StoredValueBalance::State::Active);
        QCOMPARE(balance->expiresOn, std::optional<QDate>(QDate(2099, 12, 31)));
        auto old = wallet.giftCardBalance(expired);
        QVERIFY(old);
        QCOMPARE(old->state, Services::StoredValueBalance::State::Expired);
        QCOMPARE(wallet.giftCardBalance(QStringLiteral("6036990000002999")).error().code,
            QStringLiteral("giftcard.unknown"));

        const QString saleId = newId();
        const QString claimId = newId();
        auto claim = wallet.redeemGiftCard(
            claimId, card, Money::fromCents(1250), saleId, QStringLiteral("AMS01"));
        QVERIFY2(claim, claim ? "" : qPrintable(claim.error().detail));
        QCOMPARE(claim->claimId, claimId);
        QCOMPARE(claim->amount, Money::fromCents(1250));
        QCOMPARE(claim->balanceLeft, Money::fromCents(750));
        QCOMPARE(claim->state, Services::StoredValueClaim::State::Claimed);
        // Asked again after a lost answer: the same claim, nothing taken twice.
        auto again = wallet.redeemGiftCard(
            claimId, card, Money::fromCents(1250), saleId, QStringLiteral("AMS01"));
        QVERIFY(again);
        QCOMPARE(again->balanceLeft, Money::fromCents(750));
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT balance_cents FROM gift_cards WHERE "
                                                "number = ?"),
                     { card }),
            750);

        auto tooMuch = wallet.redeemGiftCard(
            newId(), card, Money::fromCents(1000), saleId, QStringLiteral("AMS01"));
        QVERIFY(!tooMuch);
        QCOMPARE(tooMuch.error().code, QStringLiteral("giftcard.insufficient"));
        QCOMPARE(tooMuch.error().message, QStringLiteral("Only €7.50 left on this gift card."));
        auto gone = wallet.redeemGiftCard(
            newId(), expired, Money::fromCents(100), saleId, QStringLiteral("AMS01"));
        QCOMPARE(gone.error().code, QStringLiteral("giftcard.expired"));
        QVERIFY(!gone.error().message.isEmpty());

        auto status = wallet.claimStatus(claimId);
        QVERIFY(status);
        QCOMPARE(status->state, Services::StoredValueClaim::State::Claimed);
        QVERIFY(wallet.releaseClaim(claimId));
        QCOMPARE(wallet.claimStatus(claimId)->state, Services::StoredValueClaim::State::Released);
        QVERIFY(wallet.releaseClaim(claimId)); // idempotent
        QVERIFY(wallet.releaseClaim(newId())); // never granted: nothing to give back
        QCOMPARE(wallet.claimStatus(newId()).error().code, QStringLiteral("claim.unknown"));
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT balance_cents FROM gift_cards WHERE "
                                                "number = ?"),
                     { card }),
            2000);
    }

    void storeCreditOnline()
    {
        auto opened = Services::Terminal::open(m_cache);
        QVERIFY(opened);
        Services::ServerLookups lookups(opened.value()->database());
        Services::StoredValueClient &wallet = lookups;
        auto credit = wallet.storeCreditBalance(1);
        QVERIFY(credit);
        QCOMPARE(credit->balance, Money::fromCents(1500));
        QCOMPARE(credit->number, QStringLiteral("2990000000011"));
        QCOMPARE(wallet.storeCreditBalance(2).error().code, QStringLiteral("storecredit.none"));
        auto claim = wallet.redeemStoreCredit(
            newId(), 1, Money::fromCents(1000), newId(), QStringLiteral("AMS01"));
        QVERIFY(claim);
        QCOMPARE(claim->balanceLeft, Money::fromCents(500));
        auto more = wallet.redeemStoreCredit(
            newId(), 1, Money::fromCents(1000), newId(), QStringLiteral("AMS01"));
        QCOMPARE(more.error().code, QStringLiteral("storecredit.insufficient"));
        QCOMPARE(more.error().message, QStringLiteral("Only €5.00 of store credit left."));
    }

    void offlineNeedsTheNetwork()
    {
        auto opened = Services::Terminal::open(m_cache);
        QVERIFY(opened);
        m_server.kill();
        Services::ServerLookups lookups(opened.value()->database(), 1500);
        Services::StoredValueClient &wallet = lookups;
        auto claim = wallet.redeemGiftCard(
            newId(), card, Money::fromCents(100), newId(), QStringLiteral("AMS01"));
        QVERIFY(!claim);
        QCOMPARE(claim.error().code, QStringLiteral("wallet.needs_network"));
        QVERIFY(!claim.error().message.isEmpty());
        QVERIFY(!wallet.isOnline());
        QCOMPARE(wallet.releaseClaim(newId()).error().code, QStringLiteral("wallet.needs_network"));
        QCOMPARE(wallet.giftCardBalance(card).error().code, QStringLiteral("wallet.needs_network"));
        QVERIFY(m_server.restartOnSamePort());
        Services::ServerLookups back(opened.value()->database());
        QVERIFY(back.giftCardBalance(card));
    }
};

QTEST_GUILESS_MAIN(TestWalletLookups)
#include "tst_walletlookups.moc"
