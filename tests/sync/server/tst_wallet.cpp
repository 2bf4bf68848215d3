// The online wallet through the real toonbank-server (docs/PAYMENTS.md): gift-card and
// store-credit claims (idempotent by claim id, released once, refused with the right code),
// two tablets racing for the last euro of a card (one wins, the balance never goes below
// zero), the sale handler paying with claims and points (a tender without a matching claim,
// a used or released claim, a points overdraft: rejected, nothing changed), gift cards sold
// on a line (activated with the legal two-year validity, topped up), and `toonbank-admin
// import gift-cards` refusing a file with bad rows as a whole. SQLite, and PostgreSQL (with a
// second instance for the races) when registered with TOONBANK_TEST_BACKEND=postgresql.
#include "serverfixture.h"

#include "sync/protocol/enrolment.h"
#include "sync/protocol/pushbatch.h"

#include "app/core/loyalty.h"
#include "app/core/payment.h"
#include "app/core/sale.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QUuid>
#include <QtTest>

using namespace Toonbank;
using namespace Toonbank::Tests;
using Core::Money;

namespace {

constexpr qint64 cashier = 7; // AMS01
constexpr qint64 giftProduct = 100; // a gift card in the catalog: VAT class zero

const QString cardMain = QStringLiteral("6036990000001001"); // 50.00
const QString cardRace = QStringLiteral("6036990000001002"); // 10.00
const QString cardExpired = QStringLiteral("6036990000001003");
const QString cardBlocked = QStringLiteral("6036990000001004");
const QString cardEmpty = QStringLiteral("6036990000001005");
const QString cardSale = QStringLiteral("6036990000001006"); // 30.00
const QString cardMany = QStringLiteral("6036990000001007"); // 10.00

QByteArray toBody(const QJsonObject &json)
{
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonObject giftClaim(const QString &claimId, const QString &number, qint64 cents,
    const QString &saleId = newId(), const QString &store = QStringLiteral("AMS01"))
{
    return { { QStringLiteral("claimId"), claimId },
        { QStringLiteral("kind"), QStringLiteral("gift_card") },
        { QStringLiteral("number"), number }, { QStringLiteral("amountCents"), cents },
        { QStringLiteral("saleId"), saleId }, { QStringLiteral("storeCode"), store } };
}

QJsonObject creditClaim(const QString &claimId, qint64 customerId, qint64 cents)
{
    return { { QStringLiteral("claimId"), claimId },
        { QStringLiteral("kind"), QStringLiteral("store_credit") },
        { QStringLiteral("customerId"), customerId }, { QStringLiteral("amountCents"), cents },
        { QStringLiteral("saleId"), newId() },
        { QStringLiteral("storeCode"), QStringLiteral("AMS01") } };
}

QString errorCode(const HttpAnswer &answer)
{
    return answer.json.value(QStringLiteral("error"))
        .toObject()
        .value(QStringLiteral("code"))
        .toString();
}

Core::Tender tender(Core::TenderMethod method, qint64 cents, const QString &reference = {},
    const QString &claimId = {})
{
    Core::Tender t;
    t.method = method;
    t.amount = Money::fromCents(cents);
    t.reference = reference;
    t.claimId = claimId;
    return t;
}

} // namespace

class TestWallet final : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_server;
    quint16 m_secondPort = 0; // PostgreSQL: a second instance on the same database
    QString m_deviceId;
    QString m_token;
    qint64 m_seq = 1;
    QNetworkAccessManager m_network;

    HttpAnswer claim(const QJsonObject &body)
    {
        return m_server.request("POST", QStringLiteral("/v1/wallet/claims"), toBody(body), m_token);
    }
    HttpAnswer release(const QString &claimId)
    {
        return m_server.request("POST", QStringLiteral("/v1/wallet/claims/release"),
            toBody({ { QStringLiteral("claimId"), claimId } }), m_token);
    }
    qint64 balance(const QString &number)
    {
        return m_server.scalar(
            QStringLiteral("SELECT balance_cents FROM gift_cards WHERE number = ?"), { number });
    }
    qint64 claimRows(const QString &claimId)
    {
        return m_server.scalar(
            QStringLiteral("SELECT COUNT(*) FROM wallet_claims WHERE claim_id = ?"), { claimId });
    }
    qint64 sales() { return m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM sales")); }
    qint64 points(qint64 customerId)
    {
        return m_server.scalar(
            QStringLiteral("SELECT points_balance FROM customers WHERE id = ?"), { customerId });
    }

    QString writeFile(const QString &name, const QByteArray &content)
    {
        QFile file(m_server.dataDir() + QLatin1Char('/') + name);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(content);
        return file.fileName();
    }

    // Sends every body at once (half to the second instance when there is one) and waits for
    // all answers: the claims race inside the server(s).
    QList<HttpAnswer> claimAllAtOnce(const QList<QJsonObject> &bodies)
    {
        QList<QNetworkReply *> replies;
        for (qsizetype i = 0; i < bodies.size(); ++i) {
            QUrl url = m_server.url(QStringLiteral("/v1/wallet/claims"));
            if (m_secondPort != 0 && i % 2 == 1)
                url.setPort(m_secondPort);
            QNetworkRequest request(url);
            QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
            ssl.setCaCertificates(m_server.caCertificates());
            request.setSslConfiguration(ssl);
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
            request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
            replies.append(m_network.post(request, toBody(bodies.at(i))));
        }
        QList<HttpAnswer> answers;
        for (QNetworkReply *reply : replies) {
            if (!reply->isFinished()) {
                QEventLoop loop;
                QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
                QTimer::singleShot(60000, &loop, &QEventLoop::quit);
                loop.exec();
            }
            HttpAnswer answer;
            answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            answer.body = reply->readAll();
            answer.json = QJsonDocument::fromJson(answer.body).object();
            answers.append(answer);
            reply->deleteLater();
        }
        return answers;
    }

    // A sale of `quantity` × product 1 (10.00) as the tablet builds it, with `customer`.
    Core::Sale tabletSale(int quantity, std::optional<Core::SaleCustomer> customer = {},
        const QList<Core::DraftLine> &extra = {})
    {
        QList<Core::DraftLine> lines;
        if (quantity > 0) {
            Core::DraftLine line;
            line.lineId = QStringLiteral("L1");
            line.productId = 1;
            line.sku = QStringLiteral("SKU1");
            line.name = QStringLiteral("Product 1");
            line.brand = QStringLiteral("Brand");
            line.quantity = quantity;
            line.unitPrice = Money::fromCents(1000);
            line.regularPrice = line.unitPrice;
            lines.append(line);
        }
        lines.append(extra);
        Core::SaleRules rules;
        rules.vatTable = Core::VatTable::builtIn();
        rules.country = QStringLiteral("NL");
        rules.storeCode = QStringLiteral("AMS01");
        rules.loyalty = Core::LoyaltyRules::defaults();
        Core::SaleContext context;
        context.soldAt = QDateTime::currentDateTimeUtc();
        context.customer = customer;
        auto built = Core::buildSale(lines, rules, context);
        if (!built) {
            qWarning() << "buildSale:" << built.error().code << built.error().detail;
            return {};
        }
        Core::Sale sale = built.value();
        sale.saleId = newId();
        sale.receiptNumber = QStringLiteral("AMS01-W-") + sale.saleId.left(8);
        sale.staffId = cashier;
        return sale;
    }

    Core::DraftLine giftLine(const QString &lineId, const QString &number, qint64 cents)
    {
        Core::DraftLine line;
        line.lineId = lineId;
        line.productId = giftProduct;
        line.sku = QStringLiteral("GIFT");
        line.name = QStringLiteral("Gift card");
        line.brand = QStringLiteral("Toonbank");
        line.vatClass = Core::VatClass::Zero;
        line.unitPrice = Money::fromCents(cents);
        line.regularPrice = line.unitPrice;
        line.giftCardNumber = number;
        return line;
    }

    // Pays what the other tenders leave with a card, and sets the points of the sale.
    static void finish(Core::Sale &sale, QList<Core::Tender> tenders)
    {
        Money paid;
        qint64 redeemed = 0;
        for (const Core::Tender &t : tenders) {
            paid += t.amount;
            redeemed += t.points;
        }
        if (paid < sale.total)
            tenders.append(cardTender(sale.total - paid));
        sale.tenders = tenders;
        sale.pointsRedeemed = redeemed;
        sale.pointsEarned = Core::pointsEarned(sale, Core::LoyaltyRules::defaults());
    }

    HttpAnswer push(const Core::Sale &sale, QString *eventId = nullptr)
    {
        QStringList ids;
        const QByteArray body = toBody(makePush(m_deviceId, cashier, { sale }, m_seq++, &ids));
        if (eventId)
            *eventId = ids.first();
        return m_server.request("POST", QStringLiteral("/v1/events"), body, m_token);
    }

    static QJsonObject firstResult(const HttpAnswer &answer)
    {
        return answer.json.value(QStringLiteral("results")).toArray().at(0).toObject();
    }

    void expectRejected(const Core::Sale &sale, const QString &code)
    {
        const qint64 before = sales();
        const qint64 cards
            = m_server.scalar(QStringLiteral("SELECT COALESCE(SUM(balance_cents), 0) FROM "
                                             "gift_cards"));
        const qint64 used
            = m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM wallet_claims WHERE state = "
                                             "'used'"));
        const qint64 ledger
            = m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM loyalty_ledger"));
        const HttpAnswer answer = push(sale);
        QCOMPARE(answer.status, 422);
        QCOMPARE(firstResult(answer).value(QStringLiteral("outcome")).toString(),
            QStringLiteral("rejected"));
        QCOMPARE(firstResult(answer).value(QStringLiteral("code")).toString(), code);
        QVERIFY(!firstResult(answer).value(QStringLiteral("reason")).toString().isEmpty());
        QCOMPARE(sales(), before);
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COALESCE(SUM(balance_cents), 0) FROM "
                                                "gift_cards")),
            cards);
        QCOMPARE(m_server.scalar(
                     QStringLiteral("SELECT COUNT(*) FROM wallet_claims WHERE state = 'used'")),
            used);
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM loyalty_ledger")), ledger);
    }

    void expectApplied(const Core::Sale &sale)
    {
        const HttpAnswer answer = push(sale);
        QVERIFY2(answer.status == 200, answer.body.constData());
        QCOMPARE(firstResult(answer).value(QStringLiteral("outcome")).toString(),
            QStringLiteral("applied"));
    }

private slots:
    void initTestCase()
    {
        if (ServerFixture::wantsPostgres() && qEnvironmentVariableIsEmpty("TOONBANK_TEST_PG_URL"))
            QSKIP("TOONBANK_TEST_PG_URL is not set (tests/run.sh sets it)");
        QVERIFY(m_server.seed(5));
        QVERIFY(m_server.admin({ QStringLiteral("import"), QStringLiteral("products"),
            writeFile(QStringLiteral("gift.csv"),
                "id,sku,name,brand,vatClass,priceCents,barcodes\n"
                "100,GIFT,Gift card,Toonbank,zero,2500,\n") }));
        QVERIFY(m_server.admin({ QStringLiteral("import"), QStringLiteral("customers"),
            writeFile(QStringLiteral("customers.csv"),
                "id,code,name,email,phone,loyaltyPoints,tier,homeStoreCode\n"
                "1,2990000000011,Eva de Vries,eva@example.nl,,500,basic,AMS01\n"
                "2,2990000000028,Sam Jansen,sam@example.nl,,100,basic,AMS01\n") }));
        QString output;
        QVERIFY(m_server.admin({ QStringLiteral("import"), QStringLiteral("gift-cards"),
                                   writeFile(QStringLiteral("cards.csv"),
                                       "number,balance,expires_on,issued_at,state\n"
                                       "6036 9900 0000 1001,50.00,,,\n"
                                       "6036990000001002,10.00,2099-01-01,2026-01-01,\n"
                                       "6036990000001003,20.00,2022-01-01,2020-01-01,\n"
                                       "6036990000001004,30.00,,,inactive\n"
                                       "6036990000001005,0,,,\n"
                                       "6036990000001006,30.00,,,active\n"
                                       "6036990000001007,10.00,,,\n") },
            &output));
        QVERIFY2(output.contains(QLatin1String("7")), qPrintable(output));
        // Store credit is issued by returns (later); here straight into its table.
        QCOMPARE(m_server.scalar(QStringLiteral("INSERT INTO store_credit(customer_id, "
                                                "balance_cents) VALUES (1, 2000) RETURNING "
                                                "balance_cents")),
            2000);
        QVERIFY(m_server.start());
        if (ServerFixture::wantsPostgres()) {
            m_secondPort = m_server.startExtraInstance();
            QVERIFY(m_secondPort != 0);
        }
        const HttpAnswer enrolled = m_server.request("POST", QStringLiteral("/v1/enrol"),
            toBody({ { QStringLiteral("code"), m_server.enrolmentCode(QStringLiteral("AMS01")) },
                { QStringLiteral("deviceName"), QStringLiteral("Till") } }));
        QCOMPARE(enrolled.status, 200);
        auto parsed = Sync::Protocol::EnrolResponse::fromJson(enrolled.json);
        QVERIFY(parsed);
        m_deviceId = parsed->deviceId;
        m_token = parsed->token;
    }

    void balanceShowsStateAndExpiry_data()
    {
        QTest::addColumn<QString>("number");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("state");
        QTest::addColumn<qint64>("cents");
        QTest::newRow("active, typed with spaces")
            << QStringLiteral("6036 9900 0000 1001") << 200 << "active" << qint64(5000);
        QTest::newRow("expired") << cardExpired << 200 << "expired" << qint64(2000);
        QTest::newRow("blocked") << cardBlocked << 200 << "inactive" << qint64(3000);
        QTest::newRow("empty") << cardEmpty << 200 << "active" << qint64(0);
        QTest::newRow("unknown") << QStringLiteral("6036990000009999") << 404 << "" << qint64(0);
        QTest::newRow("not a number") << QStringLiteral("hello") << 404 << "" << qint64(0);
    }

    void balanceShowsStateAndExpiry()
    {
        QFETCH(QString, number);
        QFETCH(int, status);
        QFETCH(QString, state);
        QFETCH(qint64, cents);
        const HttpAnswer answer = m_server.request("GET",
            QStringLiteral("/v1/giftcards/balance?number=")
                + QString::fromLatin1(QUrl::toPercentEncoding(number)),
            {}, m_token);
        QCOMPARE(answer.status, status);
        if (status != 200) {
            QCOMPARE(errorCode(answer), QStringLiteral("giftcard.unknown"));
            return;
        }
        QCOMPARE(answer.json.value(QStringLiteral("state")).toString(), state);
        QCOMPARE(answer.json.value(QStringLiteral("balanceCents")).toInteger(), cents);
        if (number == cardExpired)
            QCOMPARE(answer.json.value(QStringLiteral("expiresOn")).toString(),
                QStringLiteral("2022-01-01"));
        if (number.contains(QLatin1Char(' ')))
            QVERIFY(answer.json.value(QStringLiteral("expiresOn")).isNull());
    }

    void withoutTokenNothing()
    {
        QCOMPARE(m_server
                     .request("POST", QStringLiteral("/v1/wallet/claims"),
                         toBody(giftClaim(newId(), cardMain, 100)))
                     .status,
            401);
        QCOMPARE(balance(cardMain), 5000);
    }

    void claimIsIdempotentAndReleasedOnce()
    {
        const QString id = newId();
        HttpAnswer first = claim(giftClaim(id, cardMain, 1250));
        QCOMPARE(first.status, 201);
        QCOMPARE(first.json.value(QStringLiteral("balanceLeftCents")).toInteger(), 3750);
        QCOMPARE(first.json.value(QStringLiteral("state")).toString(), QStringLiteral("claimed"));
        QCOMPARE(first.json.value(QStringLiteral("number")).toString(), cardMain);
        QCOMPARE(balance(cardMain), 3750);

        // A retry after a lost answer: the same claim, never a second deduction.
        HttpAnswer again = claim(giftClaim(id, cardMain, 1250));
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json.value(QStringLiteral("balanceLeftCents")).toInteger(), 3750);
        QCOMPARE(balance(cardMain), 3750);
        QCOMPARE(claimRows(id), 1);
        // The same id for another amount or card is refused.
        QCOMPARE(errorCode(claim(giftClaim(id, cardMain, 1000))), QStringLiteral("claim.mismatch"));
        QCOMPARE(claim(giftClaim(id, cardSale, 1250)).status, 409);
        QCOMPARE(balance(cardMain), 3750);
        QCOMPARE(balance(cardSale), 3000);

        HttpAnswer status
            = m_server.request("GET", QStringLiteral("/v1/wallet/claims?id=") + id, {}, m_token);
        QCOMPARE(status.status, 200);
        QCOMPARE(status.json.value(QStringLiteral("state")).toString(), QStringLiteral("claimed"));
        QCOMPARE(status.json.value(QStringLiteral("amountCents")).toInteger(), 1250);

        // Released: the amount goes back, once.
        HttpAnswer released = release(id);
        QCOMPARE(released.status, 200);
        QCOMPARE(
            released.json.value(QStringLiteral("state")).toString(), QStringLiteral("released"));
        QCOMPARE(balance(cardMain), 5000);
        QCOMPARE(release(id).status, 200);
        QCOMPARE(balance(cardMain), 5000);
        status = m_server.request("GET", QStringLiteral("/v1/wallet/claims?id=") + id, {}, m_token);
        QCOMPARE(status.json.value(QStringLiteral("state")).toString(), QStringLiteral("released"));
        // Asking again with a released claim id answers the released claim: no new deduction.
        QCOMPARE(
            claim(giftClaim(id, cardMain, 1250)).json.value(QStringLiteral("state")).toString(),
            QStringLiteral("released"));
        QCOMPARE(balance(cardMain), 5000);

        QCOMPARE(errorCode(release(newId())), QStringLiteral("claim.unknown"));
        QCOMPARE(
            m_server.request("GET", QStringLiteral("/v1/wallet/claims?id=") + newId(), {}, m_token)
                .status,
            404);
    }

    void refusals_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<qint64>("balanceCents"); // -1: not in the answer
        QTest::newRow("expired") << giftClaim(newId(), cardExpired, 500) << 410
                                 << "giftcard.expired" << qint64(-1);
        QTest::newRow("inactive") << giftClaim(newId(), cardBlocked, 500) << 410
                                  << "giftcard.inactive" << qint64(-1);
        QTest::newRow("unknown") << giftClaim(newId(), QStringLiteral("6036990000009999"), 500)
                                 << 404 << "giftcard.unknown" << qint64(-1);
        QTest::newRow("empty") << giftClaim(newId(), cardEmpty, 500) << 422 << "giftcard.empty"
                               << qint64(-1);
        QTest::newRow("insufficient")
            << giftClaim(newId(), cardMain, 5001) << 409 << "giftcard.insufficient" << qint64(5000);
        QTest::newRow("zero amount")
            << giftClaim(newId(), cardMain, 0) << 422 << "wallet.amount" << qint64(-1);
        QTest::newRow("negative amount")
            << giftClaim(newId(), cardMain, -100) << 422 << "wallet.amount" << qint64(-1);
        QTest::newRow("another store's claim")
            << giftClaim(newId(), cardMain, 100, newId(), QStringLiteral("UTR01")) << 403
            << "scope.location" << qint64(-1);
        QTest::newRow("no store credit")
            << creditClaim(newId(), 2, 100) << 404 << "storecredit.none" << qint64(-1);
        QTest::newRow("store credit insufficient")
            << creditClaim(newId(), 1, 2001) << 409 << "storecredit.insufficient" << qint64(2000);
        QJsonObject unknownKind = giftClaim(newId(), cardMain, 100);
        unknownKind[QStringLiteral("kind")] = QStringLiteral("voucher");
        QTest::newRow("unknown kind") << unknownKind << 400 << "protocol.bad_value" << qint64(-1);
    }

    void refusals()
    {
        QFETCH(QJsonObject, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(qint64, balanceCents);
        const qint64 cards
            = m_server.scalar(QStringLiteral("SELECT SUM(balance_cents) FROM gift_cards"));
        const HttpAnswer answer = claim(body);
        QCOMPARE(answer.status, status);
        QCOMPARE(errorCode(answer), code);
        QVERIFY(!answer.json.value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("message"))
                     .toString()
                     .isEmpty());
        if (balanceCents >= 0)
            QCOMPARE(answer.json.value(QStringLiteral("balanceCents")).toInteger(), balanceCents);
        QCOMPARE(claimRows(body.value(QStringLiteral("claimId")).toString()), 0);
        QCOMPARE(
            m_server.scalar(QStringLiteral("SELECT SUM(balance_cents) FROM gift_cards")), cards);
        QCOMPARE(m_server.scalar(QStringLiteral(
                     "SELECT balance_cents FROM store_credit WHERE customer_id = 1")),
            2000);
    }

    void twoTabletsRaceForTheLastEuro()
    {
        // Many rounds: the card holds 1.50, two claims of one euro arrive at the same moment
        // (on PostgreSQL through two server instances): one 201, one 409 naming the 0.50 left.
        constexpr int rounds = 25;
        for (int round = 0; round < rounds; ++round) {
            QCOMPARE(m_server.scalar(QStringLiteral("UPDATE gift_cards SET balance_cents = 150 "
                                                    "WHERE number = ? RETURNING balance_cents"),
                         { cardRace }),
                150);
            const QList<HttpAnswer> answers = claimAllAtOnce(
                { giftClaim(newId(), cardRace, 100), giftClaim(newId(), cardRace, 100) });
            int won = 0;
            int refused = 0;
            for (const HttpAnswer &a : answers) {
                won += a.status == 201;
                refused += a.status == 409 && errorCode(a) == QLatin1String("giftcard.insufficient")
                    && a.json.value(QStringLiteral("balanceCents")).toInteger() == 50;
            }
            QCOMPARE(won, 1);
            QCOMPARE(refused, 1);
            QCOMPARE(balance(cardRace), 50);
        }
        // The last 0.50 spent, the card is empty: said so.
        QCOMPARE(claim(giftClaim(newId(), cardRace, 50)).status, 201);
        QCOMPARE(
            errorCode(claim(giftClaim(newId(), cardRace, 50))), QStringLiteral("giftcard.empty"));
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM wallet_claims WHERE number "
                                                "= ?"),
                     { cardRace }),
            rounds + 1);
    }

    void manySpendsOfOneCardNeverOverdraw()
    {
        // 40 claims of 0.75 at once against 10.00: 13 fit (9.75), the rest are refused, and
        // the balance is what the granted claims left.
        QList<QJsonObject> bodies;
        for (int i = 0; i < 40; ++i)
            bodies.append(giftClaim(newId(), cardMany, 75));
        const QList<HttpAnswer> answers = claimAllAtOnce(bodies);
        int won = 0;
        int refused = 0;
        for (const HttpAnswer &a : answers) {
            won += a.status == 201;
            refused += a.status == 409;
        }
        QCOMPARE(won, 13);
        QCOMPARE(refused, 27);
        QCOMPARE(balance(cardMany), 1000 - 13 * 75);
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT SUM(amount_cents) FROM wallet_claims "
                                                "WHERE number = ?"),
                     { cardMany }),
            13 * 75);
    }

    void balanceCannotGoNegativeEvenByHand()
    {
        // The CHECK constraint is the last guard: a statement that would overdraw fails.
        QCOMPARE(m_server.scalar(QStringLiteral("UPDATE gift_cards SET balance_cents = "
                                                "balance_cents - 999999 WHERE number = ? "
                                                "RETURNING balance_cents"),
                     { cardMain }),
            -1);
        QCOMPARE(balance(cardMain), 5000);
    }

    void saleUsesItsGiftCardClaimOnce()
    {
        Core::Sale sale = tabletSale(2);
        const QString id = newId();
        QCOMPARE(claim(giftClaim(id, cardSale, 1500, sale.saleId)).status, 201);
        finish(sale, { tender(Core::TenderMethod::GiftCard, 1500, cardSale, id) });
        sale.tenders[0].balanceLeft = Money::fromCents(1500);
        expectApplied(sale);
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM wallet_claims WHERE "
                                                "claim_id = ? AND state = 'used' AND "
                                                "used_by_sale = ?"),
                     { id, sale.saleId }),
            1);
        QCOMPARE(balance(cardSale), 1500);
        // A used claim is not given back …
        QCOMPARE(errorCode(release(id)), QStringLiteral("claim.used"));
        QCOMPARE(balance(cardSale), 1500);
        // … and pays no second sale.
        Core::Sale second = tabletSale(2);
        finish(second, { tender(Core::TenderMethod::GiftCard, 1500, cardSale, id) });
        expectRejected(second, QStringLiteral("wallet.claim_used"));
    }

    void saleWithoutAMatchingClaimIsRejected()
    {
        // No claim at all.
        Core::Sale none = tabletSale(1);
        finish(none, { tender(Core::TenderMethod::GiftCard, 500, cardSale, newId()) });
        expectRejected(none, QStringLiteral("wallet.claim_unknown"));

        // A claim of 5.00 paying 6.00.
        const QString five = newId();
        QCOMPARE(claim(giftClaim(five, cardSale, 500)).status, 201);
        Core::Sale wrongAmount = tabletSale(1);
        finish(wrongAmount, { tender(Core::TenderMethod::GiftCard, 600, cardSale, five) });
        expectRejected(wrongAmount, QStringLiteral("wallet.claim_mismatch"));
        // The claim for another card.
        Core::Sale wrongCard = tabletSale(1);
        finish(wrongCard, { tender(Core::TenderMethod::GiftCard, 500, cardMain, five) });
        expectRejected(wrongCard, QStringLiteral("wallet.claim_mismatch"));
        // A gift-card claim used as store credit.
        Core::Sale wrongKind = tabletSale(
            1, Core::SaleCustomer { 1, QStringLiteral("2990000000011"), QStringLiteral("basic") });
        finish(wrongKind,
            { tender(
                Core::TenderMethod::StoreCredit, 500, QStringLiteral("2990000000011"), five) });
        expectRejected(wrongKind, QStringLiteral("wallet.claim_mismatch"));
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM wallet_claims WHERE "
                                                "claim_id = ? AND state = 'claimed'"),
                     { five }),
            1);
        // Released before the sale arrived.
        QCOMPARE(release(five).status, 200);
        Core::Sale released = tabletSale(1);
        finish(released, { tender(Core::TenderMethod::GiftCard, 500, cardSale, five) });
        expectRejected(released, QStringLiteral("wallet.claim_released"));
        // A gift card tender without its claim id is refused by the tender rules.
        Core::Sale bare = tabletSale(1);
        finish(bare, { tender(Core::TenderMethod::GiftCard, 500, cardSale) });
        expectRejected(bare, QStringLiteral("tender.reference_missing"));
    }

    void tenderRulesAreChecked()
    {
        // Card tender above the total (sum mismatch), and a zero tender.
        Core::Sale over = tabletSale(1);
        over.tenders = { cardTender(Money::fromCents(1500)) };
        over.pointsEarned = Core::pointsEarned(over, Core::LoyaltyRules::defaults());
        // The protocol refuses tenders that do not settle the total before the rules run.
        const HttpAnswer answer = push(over);
        QCOMPARE(answer.status, 422);
        QCOMPARE(firstResult(answer).value(QStringLiteral("code")).toString(),
            QStringLiteral("sale.payments"));
        Core::Sale zero = tabletSale(1);
        zero.tenders = { cardTender(Money::fromCents(1000)), cardTender(Money()) };
        expectRejected(zero, QStringLiteral("tender.not_positive"));
        // Cash in a store that rounds: 10.00 is fine, 9.99 + 0.01 card is not a 5-cent step.
        Core::Sale cash = tabletSale(1);
        Core::Tender c = tender(Core::TenderMethod::Cash, 999);
        c.tendered = Money::fromCents(999);
        cash.tenders = { c, cardTender(Money::fromCents(1)) };
        expectRejected(cash, QStringLiteral("tender.rounding"));
    }

    void pointsOverdraftIsRejectedAndPointsAreTakenOnce()
    {
        const Core::SaleCustomer sam { 2, QStringLiteral("2990000000028"),
            QStringLiteral("basic") };
        QCOMPARE(points(2), 100);
        Core::Sale overdraft = tabletSale(1, sam);
        Core::Tender pts = tender(Core::TenderMethod::LoyaltyPoints, 500, sam.code, newId());
        pts.points = 500;
        finish(overdraft, { pts });
        expectRejected(overdraft, QStringLiteral("loyalty.overdraft"));
        QCOMPARE(points(2), 100);

        Core::Sale covered = tabletSale(1, sam);
        pts.amount = Money::fromCents(100);
        pts.points = 100;
        finish(covered, { pts });
        QString eventId;
        const HttpAnswer answer = push(covered, &eventId);
        QVERIFY2(answer.status == 200, answer.body.constData());
        QCOMPARE(points(2), 100 - 100 + covered.pointsEarned);
        // The same event again: duplicate, nothing taken twice.
        Sync::Protocol::PushRequest replay;
        replay.deviceId = m_deviceId;
        Sync::Protocol::EventEnvelope event;
        event.eventId = eventId;
        event.deviceId = m_deviceId;
        event.deviceSeq = m_seq - 1;
        event.type = QStringLiteral("sale");
        event.staffId = cashier;
        event.occurredAt = covered.soldAt;
        event.payload = Sync::Protocol::saleToJson(covered);
        replay.events.append(event);
        const HttpAnswer again = m_server.request(
            "POST", QStringLiteral("/v1/events"), toBody(replay.toJson()), m_token);
        QCOMPARE(firstResult(again).value(QStringLiteral("outcome")).toString(),
            QStringLiteral("duplicate"));
        QCOMPARE(points(2), 100 - 100 + covered.pointsEarned);
        // Now 9 points or so are left: two sales in one batch may not spend them twice.
        const qint64 left = points(2);
        QVERIFY(left > 0);
        Core::Sale a = tabletSale(1, sam);
        Core::Sale b = tabletSale(1, sam);
        pts.amount = Money::fromCents(left);
        pts.points = left;
        finish(a, { pts });
        finish(b, { pts });
        const HttpAnswer both = m_server.request("POST", QStringLiteral("/v1/events"),
            toBody(makePush(m_deviceId, cashier, { a, b }, m_seq, nullptr)), m_token);
        m_seq += 2;
        QCOMPARE(both.status, 422);
        QCOMPARE(both.json.value(QStringLiteral("results"))
                     .toArray()
                     .at(1)
                     .toObject()
                     .value(QStringLiteral("code"))
                     .toString(),
            QStringLiteral("loyalty.overdraft"));
        QCOMPARE(points(2), left);
    }

    void giftCardSoldIsActivatedAndToppedUp()
    {
        const QString number = QStringLiteral("6036990000009001");
        const Core::SaleCustomer eva { 1, QStringLiteral("2990000000011"),
            QStringLiteral("basic") };
        Core::Sale sale = tabletSale(1, eva, { giftLine(QStringLiteral("L2"), number, 4000) });
        finish(sale, {});
        // The gift card earns no points: only the 10.00 product does.
        QCOMPARE(sale.pointsEarned, 10);
        const qint64 before = points(1);
        expectApplied(sale);
        QCOMPARE(balance(number), 4000);
        const QDate soldOn = sale.soldAt.toLocalTime().date();
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM gift_cards WHERE number = ? "
                                                "AND expires_on = ? AND state = 'active' AND "
                                                "issued_by_sale = ?"),
                     { number, Core::giftCardExpiry(soldOn).toString(Qt::ISODate), sale.saleId }),
            1);
        QVERIFY(Core::giftCardExpiry(soldOn) >= soldOn.addYears(2));
        QCOMPARE(points(1), before + 10);

        // Topped up in a later sale; then spendable.
        Core::Sale topUp = tabletSale(0, {}, { giftLine(QStringLiteral("L1"), number, 1000) });
        finish(topUp, {});
        expectApplied(topUp);
        QCOMPARE(balance(number), 5000);
        QCOMPARE(claim(giftClaim(newId(), number, 5000)).status, 201);
        QCOMPARE(balance(number), 0);

        // An expired or blocked card is not topped up; a gift-card line must be a plain
        // VAT-free voucher.
        Core::Sale expired
            = tabletSale(0, {}, { giftLine(QStringLiteral("L1"), cardExpired, 1000) });
        finish(expired, {});
        expectRejected(expired, QStringLiteral("giftcard.expired"));
        Core::Sale blocked
            = tabletSale(0, {}, { giftLine(QStringLiteral("L1"), cardBlocked, 1000) });
        finish(blocked, {});
        expectRejected(blocked, QStringLiteral("giftcard.inactive"));
        Core::DraftLine two
            = giftLine(QStringLiteral("L1"), QStringLiteral("6036990000009002"), 1000);
        two.quantity = 2;
        Core::Sale twice = tabletSale(0, {}, { two });
        finish(twice, {});
        expectRejected(twice, QStringLiteral("giftcard.line"));
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM gift_cards WHERE number = "
                                                "'6036990000009002'")),
            0);
        // Above the chain's limit (Core::checkGiftCardAmount, € 500): refused, no card.
        Core::Sale tooMuch = tabletSale(
            0, {}, { giftLine(QStringLiteral("L1"), QStringLiteral("6036990000009003"), 50001) });
        finish(tooMuch, {});
        expectRejected(tooMuch, QStringLiteral("giftcard.amount"));
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM gift_cards WHERE number = "
                                                "'6036990000009003'")),
            0);
    }

    void storeCreditIsSpentWithItsClaim()
    {
        const Core::SaleCustomer eva { 1, QStringLiteral("2990000000011"),
            QStringLiteral("basic") };
        const QString id = newId();
        HttpAnswer granted = claim(creditClaim(id, 1, 1500));
        QCOMPARE(granted.status, 201);
        QCOMPARE(granted.json.value(QStringLiteral("balanceLeftCents")).toInteger(), 500);
        QCOMPARE(granted.json.value(QStringLiteral("number")).toString(), eva.code);
        const HttpAnswer credit
            = m_server.request("GET", QStringLiteral("/v1/storecredit?customerId=1"), {}, m_token);
        QCOMPARE(credit.json.value(QStringLiteral("balanceCents")).toInteger(), 500);
        QCOMPARE(
            m_server.request("GET", QStringLiteral("/v1/storecredit?customerId=2"), {}, m_token)
                .status,
            404);

        // Store credit of another customer is refused.
        Core::Sale other = tabletSale(
            2, Core::SaleCustomer { 2, QStringLiteral("2990000000028"), QStringLiteral("basic") });
        finish(other, { tender(Core::TenderMethod::StoreCredit, 1500, eva.code, id) });
        expectRejected(other, QStringLiteral("wallet.claim_mismatch"));

        Core::Sale sale = tabletSale(2, eva);
        finish(sale, { tender(Core::TenderMethod::StoreCredit, 1500, eva.code, id) });
        expectApplied(sale);
        QCOMPARE(m_server.scalar(QStringLiteral(
                     "SELECT balance_cents FROM store_credit WHERE customer_id = 1")),
            500);
        QCOMPARE(errorCode(release(id)), QStringLiteral("claim.used"));
        const HttpAnswer more = claim(creditClaim(newId(), 1, 1000));
        QCOMPARE(errorCode(more), QStringLiteral("storecredit.insufficient"));
        QCOMPARE(more.json.value(QStringLiteral("balanceCents")).toInteger(), 500);
    }

    void importWithABadRowImportsNothing()
    {
        const qint64 before = m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM gift_cards"));
        QString output;
        QVERIFY(!m_server.admin({ QStringLiteral("import"), QStringLiteral("gift-cards"),
                                    writeFile(QStringLiteral("bad.csv"),
                                        "number,balance,expires_on\n"
                                        "6036990000007001,25.00,2030-01-01\n"
                                        "6036-99AB,25.00,\n"
                                        "6036990000007003,-5,\n"
                                        "6036990000007004,12.50,31-12-2030\n"
                                        "6036990000001001,10.00,\n"
                                        "6036990000007001,5.00,\n") },
            &output));
        for (const char *line : { ":3:", ":4:", ":5:", ":6:", ":7:" })
            QVERIFY2(output.contains(QLatin1String(line)), qPrintable(output));
        QVERIFY2(!output.contains(QLatin1String(":2:")), qPrintable(output));
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM gift_cards")), before);

        // JSON works the same; a good file is imported.
        QVERIFY(m_server.admin({ QStringLiteral("import"), QStringLiteral("gift-cards"),
            writeFile(QStringLiteral("good.json"),
                R"([{"number":"6036990000007001","balance":"25.00","expires_on":"2030-01-01"},
                    {"number":"6036990000007002","balance":12.5}])") }));
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM gift_cards")), before + 2);
        QCOMPARE(balance(QStringLiteral("6036990000007002")), 1250);
    }
};

QTEST_GUILESS_MAIN(TestWallet)
#include "tst_wallet.moc"
