// The "return" event through the real toonbank-server (docs/RETURNS.md "The return event"):
// a claimed web-order return refunded to the web payment (one web_refunds row, replayed:
// nothing doubled), a store sale returned to card and cash with cash rounding, store credit,
// a gift card and points moved once, goods back on the shelf or to damaged stock, an offline
// return of the store's own sale counting its quantity itself — and flagged, never counted
// twice, when another store claimed the line first — the rejections with their codes, and an
// exchange (a return and a sale paid with its return_credit in one batch). SQLite, and
// PostgreSQL when registered with TOONBANK_TEST_BACKEND=postgresql.
#include "serverfixture.h"

#include "sync/protocol/enrolment.h"
#include "sync/protocol/pushbatch.h"
#include "sync/protocol/returns.h"

#include "app/core/loyalty.h"
#include "app/core/payment.h"
#include "app/core/returns.h"
#include "app/core/sale.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>
#include <QtTest>

using namespace Toonbank;
using namespace Toonbank::Tests;
using Core::Money;

namespace {

constexpr qint64 cashier = 7; // AMS01
constexpr qint64 supervisor = 8; // UTR01
constexpr qint64 manager = 9; // AMS01
constexpr qint64 eva = 1; // customer with 500 points
const QString evaCard = QStringLiteral("2990000000011");
const QString giftCard = QStringLiteral("6036990000001001"); // 50.00
const QString chainTag = QStringLiteral("TESTCHAIN"); // "Test chain"

QByteArray toBody(const QJsonObject &json)
{
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString isoUtc(const QDateTime &at)
{
    return at.toUTC().toString(Qt::ISODateWithMs);
}

struct Device
{
    QString store;
    qint64 staffId = 0;
    QString id;
    QString token;
    qint64 seq = 1;
};

// One event to push: a sale or a return.
struct Event
{
    QString type;
    QJsonObject payload;
    QDateTime at;
};

Event saleEvent(const Core::Sale &sale)
{
    return { QStringLiteral("sale"), Sync::Protocol::saleToJson(sale), sale.soldAt };
}

Event returnEvent(const Core::Return &ret)
{
    return { QStringLiteral("return"), Sync::Protocol::returnToJson(ret), ret.returnedAt };
}

} // namespace

class TestReturnHandler final : public QObject
{
    Q_OBJECT

private:
    ServerFixture m_server;
    Device m_ams { QStringLiteral("AMS01"), cashier, {}, {}, 1 };
    Device m_utr { QStringLiteral("UTR01"), supervisor, {}, {}, 1 };
    int m_receipt = 0;

    QString writeFile(const QString &name, const QByteArray &content)
    {
        QFile file(m_server.dataDir() + QLatin1Char('/') + name);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(content);
        return file.fileName();
    }

    qint64 sql(const QString &statement, const QVariantList &params = {})
    {
        return m_server.scalar(statement, params);
    }

    bool enrol(Device &device)
    {
        const HttpAnswer enrolled = m_server.request("POST", QStringLiteral("/v1/enrol"),
            toBody({ { QStringLiteral("code"), m_server.enrolmentCode(device.store) },
                { QStringLiteral("deviceName"), QStringLiteral("Till ") + device.store } }));
        auto parsed = Sync::Protocol::EnrolResponse::fromJson(enrolled.json);
        if (enrolled.status != 200 || !parsed)
            return false;
        device.id = parsed->deviceId;
        device.token = parsed->token;
        return true;
    }

    // The push body of `events` from `device` (kept, so a test can send it again).
    QByteArray pushBody(Device &device, const QList<Event> &events)
    {
        Sync::Protocol::PushRequest push;
        push.deviceId = device.id;
        for (const Event &e : events) {
            Sync::Protocol::EventEnvelope envelope;
            envelope.eventId = newId();
            envelope.deviceId = device.id;
            envelope.deviceSeq = device.seq++;
            envelope.type = e.type;
            envelope.staffId = device.staffId;
            envelope.occurredAt = e.at;
            envelope.payload = e.payload;
            push.events.append(envelope);
        }
        return toBody(push.toJson());
    }

    HttpAnswer send(Device &device, const QByteArray &body)
    {
        return m_server.request("POST", QStringLiteral("/v1/events"), body, device.token);
    }

    static QStringList outcomes(const HttpAnswer &answer)
    {
        QStringList list;
        for (const QJsonValue &r : answer.json.value(QStringLiteral("results")).toArray())
            list.append(r[QStringLiteral("outcome")].toString());
        return list;
    }

    static QJsonObject result(const HttpAnswer &answer, int index)
    {
        return answer.json.value(QStringLiteral("results")).toArray().at(index).toObject();
    }

    bool pushApplied(Device &device, const QList<Event> &events, QByteArray *body = nullptr)
    {
        const QByteArray sent = pushBody(device, events);
        if (body)
            *body = sent;
        const HttpAnswer answer = send(device, sent);
        const QStringList got = outcomes(answer);
        if (answer.status != 200 || got != QStringList(events.size(), QStringLiteral("applied"))) {
            qWarning() << "push:" << answer.status << answer.body;
            return false;
        }
        return true;
    }

    // Pushes one return that must be refused with `code`; nothing of it is kept.
    void expectRejected(Device &device, const Core::Return &ret, const QString &code)
    {
        const qint64 returns = sql(QStringLiteral("SELECT COUNT(*) FROM returns"));
        const qint64 webRefunds = sql(QStringLiteral("SELECT COUNT(*) FROM web_refunds"));
        const qint64 refunded = sql(QStringLiteral(
            "SELECT (SELECT COALESCE(SUM(refunded_cents), 0) FROM sale_tenders) + (SELECT "
            "COALESCE(SUM(refunded_cents), 0) FROM web_order_tenders)"));
        const qint64 ledger = sql(QStringLiteral("SELECT COUNT(*) FROM loyalty_ledger"));
        const HttpAnswer answer = send(device, pushBody(device, { returnEvent(ret) }));
        QCOMPARE(answer.status, 422);
        QCOMPARE(result(answer, 0).value(QStringLiteral("outcome")).toString(),
            QStringLiteral("rejected"));
        QCOMPARE(result(answer, 0).value(QStringLiteral("code")).toString(), code);
        QVERIFY(!result(answer, 0).value(QStringLiteral("reason")).toString().isEmpty());
        QCOMPARE(sql(QStringLiteral("SELECT COUNT(*) FROM returns")), returns);
        QCOMPARE(sql(QStringLiteral("SELECT COUNT(*) FROM web_refunds")), webRefunds);
        QCOMPARE(sql(QStringLiteral(
                     "SELECT (SELECT COALESCE(SUM(refunded_cents), 0) FROM sale_tenders) + "
                     "(SELECT COALESCE(SUM(refunded_cents), 0) FROM web_order_tenders)")),
            refunded);
        QCOMPARE(sql(QStringLiteral("SELECT COUNT(*) FROM loyalty_ledger")), ledger);
    }

    // A sale as the tablet builds it: `lines` (product id → quantity, 10.00 each), sold
    // `daysAgo`, paid by `tenders` plus a card for the rest (`unitCents` each unit).
    Core::Sale makeStoreSale(const QList<std::pair<qint64, int>> &lines,
        std::optional<Core::SaleCustomer> customer = {}, QList<Core::Tender> tenders = {},
        int daysAgo = 1, qint64 unitCents = 1000)
    {
        QList<Core::DraftLine> drafts;
        for (const auto &[productId, quantity] : lines) {
            Core::DraftLine line;
            line.lineId = QStringLiteral("L%1").arg(drafts.size() + 1);
            line.productId = productId;
            line.sku = QStringLiteral("SKU%1").arg(productId);
            line.name = QStringLiteral("Product %1").arg(productId);
            line.brand = QStringLiteral("Brand");
            line.quantity = quantity;
            line.unitPrice = Money::fromCents(unitCents);
            line.regularPrice = line.unitPrice;
            drafts.append(line);
        }
        Core::SaleRules rules;
        rules.vatTable = Core::VatTable::builtIn();
        rules.country = QStringLiteral("NL");
        rules.storeCode = m_ams.store;
        rules.loyalty = Core::LoyaltyRules::defaults();
        Core::SaleContext context;
        context.soldAt = QDateTime::currentDateTimeUtc().addDays(-daysAgo);
        context.customer = customer;
        auto built = Core::buildSale(drafts, rules, context);
        if (!built) {
            qWarning() << "buildSale:" << built.error().code << built.error().detail;
            return {};
        }
        Core::Sale sale = built.value();
        sale.saleId = newId();
        sale.receiptNumber
            = QStringLiteral("AMS01-T1-%1").arg(++m_receipt, 6, 10, QLatin1Char('0'));
        sale.staffId = cashier;
        Money paid;
        qint64 redeemed = 0;
        Money cash;
        for (const Core::Tender &t : tenders) {
            if (t.method == Core::TenderMethod::Cash)
                cash += t.amount;
            else
                paid += t.amount;
            redeemed += t.points;
        }
        if (cash.cents() > 0) {
            // The cash pays what the other tenders leave, rounded to 5 cents.
            QList<Core::Tender> others;
            for (const Core::Tender &t : tenders) {
                if (t.method != Core::TenderMethod::Cash)
                    others.append(t);
            }
            const Money due = sale.total - paid;
            const Money rounded = Money::fromCents((due.cents() + 2) / 5 * 5);
            Core::Tender c;
            c.method = Core::TenderMethod::Cash;
            c.amount = rounded;
            c.tendered = rounded;
            others.append(c);
            sale.rounding = rounded - due;
            tenders = others;
        } else if (paid < sale.total) {
            tenders.append(cardTender(sale.total - paid));
        }
        sale.tenders = tenders;
        sale.pointsRedeemed = redeemed;
        sale.pointsEarned = Core::pointsEarned(sale, Core::LoyaltyRules::defaults());
        return sale;
    }

    // The order as GET /v1/returns/lookup shows it to `device`.
    std::optional<Core::ReturnableOrder> lookup(Device &device, const QString &code)
    {
        const HttpAnswer answer = m_server.request("GET",
            QStringLiteral("/v1/returns/lookup?code=")
                + QString::fromLatin1(QUrl::toPercentEncoding(code)),
            {}, device.token);
        if (answer.status != 200) {
            qWarning() << "lookup" << code << answer.status << answer.body;
            return std::nullopt;
        }
        auto order = Sync::Protocol::returnableOrderFromJson(
            answer.json.value(QStringLiteral("order")).toObject());
        if (!order) {
            qWarning() << "lookup answer:" << order.error().code << order.error().detail;
            return std::nullopt;
        }
        return order.value();
    }

    std::optional<Core::ReturnableOrder> lookupSale(Device &device, const Core::Sale &sale)
    {
        return lookup(
            device, QStringLiteral("TOONBANK:SALE:%1:%2").arg(sale.receiptNumber, sale.saleId));
    }

    // POST /v1/returns: claims `lines` of `order` for return `returnId`; the claim id.
    QString claim(Device &device, const Core::ReturnableOrder &order, const QString &returnId,
        const QList<std::pair<QString, int>> &lines, int expectStatus = 201)
    {
        Sync::Protocol::ReturnClaimRequest request;
        request.claimId = newId();
        request.returnId = returnId;
        request.origin = order.origin;
        request.number = order.number;
        request.storeCode = device.store;
        for (const auto &[lineId, quantity] : lines)
            request.lines.append({ lineId, quantity });
        const HttpAnswer answer = m_server.request(
            "POST", QStringLiteral("/v1/returns"), toBody(request.toJson()), device.token);
        if (answer.status != expectStatus) {
            qWarning() << "claim:" << answer.status << answer.body;
            return {};
        }
        return request.claimId;
    }

    // A return as the tablet finishes it: the core's plan to the original tenders (card
    // refunds carry their own terminal reference), cash rounded, VAT and points.
    Core::Return makeReturn(Device &device, const Core::ReturnableOrder &order,
        const QList<Core::ReturnRequestLine> &requests, const QString &claimId = {},
        const QString &returnId = newId())
    {
        Core::Return ret;
        ret.returnId = returnId;
        ret.receiptNumber = QStringLiteral("%1-T1-R%2")
                                .arg(device.store)
                                .arg(++m_receipt, 6, 10, QLatin1Char('0'));
        ret.storeCode = device.store;
        ret.returnedAt = QDateTime::currentDateTimeUtc();
        ret.staffId = device.staffId;
        ret.origin = order.origin;
        ret.originNumber = order.number;
        ret.originSaleId = order.saleId;
        ret.claimId = claimId;
        auto plan = Core::planRefund(order, requests, Core::LoyaltyRules::defaults());
        if (!plan) {
            qWarning() << "planRefund:" << plan.error().code << plan.error().detail;
            return ret;
        }
        for (qsizetype i = 0; i < requests.size(); ++i) {
            const Core::ReturnRequestLine &request = requests.at(i);
            for (const Core::ReturnableLine &original : order.lines) {
                if (original.lineId != request.lineId)
                    continue;
                Core::ReturnLine line;
                line.lineId = QStringLiteral("R%1").arg(i + 1);
                line.originalLineId = original.lineId;
                line.productId = original.productId;
                line.sku = original.sku;
                line.name = original.name;
                line.category = original.category;
                line.vatClass = original.vatClass;
                line.vatBasisPoints = original.vatBasisPoints;
                line.quantity = request.quantity;
                line.refund = plan->lineRefunds.at(i);
                line.reason = request.reason;
                line.condition = request.condition;
                ret.lines.append(line);
            }
        }
        ret.goods = plan->goods;
        ret.delivery = plan->delivery;
        ret.total = plan->total;
        ret.refunds = plan->refunds;
        for (Core::Refund &refund : ret.refunds) {
            if (refund.method == Core::RefundMethod::Card) {
                refund.reference = QStringLiteral("POI-R-") + ret.returnId.left(8);
                refund.claimId = newId();
            }
        }
        ret.rounding = Core::finaliseCash(ret.refunds, order, true);
        ret.vat = Core::returnVat(ret.lines);
        ret.customer = order.customer;
        ret.pointsTakenBack = plan->pointsTakenBack;
        ret.pointsGivenBack = plan->pointsGivenBack;
        return ret;
    }

    static Core::ReturnRequestLine request(const QString &lineId, int quantity,
        Core::ItemCondition condition = Core::ItemCondition::Resellable)
    {
        Core::ReturnRequestLine r;
        r.lineId = lineId;
        r.quantity = quantity;
        r.condition = condition;
        return r;
    }

    // Puts the refund on one method instead of the original tenders, as the tablet does
    // (Core::alternativeRefunds: redeemed points still go back as points).
    static void refundAs(Core::Return &ret, Core::RefundMethod method, const QString &reference)
    {
        Core::RefundPlan plan;
        plan.total = ret.total;
        plan.refunds = ret.refunds;
        ret.refunds = Core::alternativeRefunds(plan, method, reference);
        ret.rounding = Money();
    }

    // A web order as the web shop exports it (`toonbank-admin import web-orders`), delivered
    // `deliveredDaysAgo`: lines (line id, product, quantity, line total) and one payment.
    QJsonObject webOrder(qint64 id, const QString &number,
        const QList<std::tuple<QString, qint64, int, qint64>> &lines, qint64 deliveryCents,
        const QString &method, const QString &psp, int deliveredDaysAgo = 3)
    {
        qint64 total = 0;
        QJsonArray lineArray;
        for (const auto &[lineId, productId, quantity, lineTotal] : lines) {
            total += lineTotal;
            lineArray.append(QJsonObject { { QStringLiteral("lineId"), lineId },
                { QStringLiteral("sku"), QStringLiteral("SKU%1").arg(productId) },
                { QStringLiteral("name"), QStringLiteral("Product %1").arg(productId) },
                { QStringLiteral("category"), QStringLiteral("Clothing") },
                { QStringLiteral("quantity"), quantity },
                { QStringLiteral("unitPriceCents"), lineTotal / quantity },
                { QStringLiteral("lineTotalCents"), lineTotal },
                { QStringLiteral("vatBasisPoints"), 2100 } });
        }
        const QDateTime ordered = QDateTime::currentDateTimeUtc().addDays(-deliveredDaysAgo - 2);
        return { { QStringLiteral("id"), id }, { QStringLiteral("orderNumber"), number },
            { QStringLiteral("locationCode"), QStringLiteral("AMS01") },
            { QStringLiteral("customerId"), 0 },
            { QStringLiteral("status"), QStringLiteral("delivered") },
            { QStringLiteral("channel"), QStringLiteral("web") },
            { QStringLiteral("orderedAt"), isoUtc(ordered) },
            { QStringLiteral("deliveredOn"),
                QDate::currentDate().addDays(-deliveredDaysAgo).toString(Qt::ISODate) },
            { QStringLiteral("deliveryCents"), deliveryCents },
            { QStringLiteral("totalCents"), total }, { QStringLiteral("lines"), lineArray },
            { QStringLiteral("tenders"),
                QJsonArray { QJsonObject { { QStringLiteral("method"), method },
                    { QStringLiteral("amountCents"), total + deliveryCents },
                    { QStringLiteral("reference"), psp },
                    { QStringLiteral("paidAt"), isoUtc(ordered) } } } } };
    }

    qint64 stock(qint64 productId, qint64 locationId = 1)
    {
        return sql(
            QStringLiteral("SELECT quantity FROM stock WHERE product_id = ? AND location_id = ?"),
            { productId, locationId });
    }
    qint64 saleLineReturned(const Core::Sale &sale, const QString &lineId)
    {
        return sql(QStringLiteral("SELECT returned_quantity FROM sale_lines WHERE sale_id = ? AND "
                                  "line_id = ?"),
            { sale.saleId, lineId });
    }

private slots:
    void initTestCase()
    {
        if (ServerFixture::wantsPostgres() && qEnvironmentVariableIsEmpty("TOONBANK_TEST_PG_URL"))
            QSKIP("TOONBANK_TEST_PG_URL is not set (tests/run.sh sets it)");
        QVERIFY(m_server.seed(6));
        QVERIFY(m_server.admin({ QStringLiteral("import"), QStringLiteral("staff"),
            writeFile(QStringLiteral("manager.csv"),
                "id,code,displayName,role,homeLocationCode,pin\n9,E9,Mia,manager,AMS01,4321\n") }));
        QVERIFY(m_server.admin({ QStringLiteral("import"), QStringLiteral("customers"),
            writeFile(QStringLiteral("customers.csv"),
                "id,code,name,email,phone,loyaltyPoints,tier,homeStoreCode\n"
                "1,2990000000011,Eva de Vries,eva@example.nl,,500,basic,AMS01\n") }));
        QVERIFY(m_server.admin({ QStringLiteral("import"), QStringLiteral("gift-cards"),
            writeFile(QStringLiteral("cards.csv"),
                "number,balance,expires_on,issued_at,state\n6036990000001001,50.00,,,\n") }));
        QVERIFY(m_server.start());
        QVERIFY(enrol(m_ams));
        QVERIFY(enrol(m_utr));
        const QJsonArray orders {
            webOrder(5001, QStringLiteral("W1001"),
                { { QStringLiteral("1"), 1, 2, 2000 }, { QStringLiteral("2"), 2, 1, 2000 } }, 495,
                QStringLiteral("ideal"), QStringLiteral("PSP-W1001")),
            webOrder(5002, QStringLiteral("W1002"), { { QStringLiteral("1"), 3, 1, 2000 } }, 495,
                QStringLiteral("paypal"), QStringLiteral("PSP-W1002")),
        };
        QString output;
        QVERIFY2(m_server.admin({ QStringLiteral("import"), QStringLiteral("web-orders"),
                                    writeFile(QStringLiteral("web-orders.json"),
                                        QJsonDocument(orders).toJson()) },
                     &output),
            qPrintable(output));
        QCOMPARE(sql(QStringLiteral(
                     "SELECT COUNT(*) FROM web_order_lines WHERE order_id IN (5001, 5002)")),
            3);
    }

    void claimedWebReturnRequestsOneWebRefund()
    {
        auto order = lookup(m_ams, Core::webOrderQrPayload(chainTag, QStringLiteral("W1001")));
        QVERIFY(order);
        const QString returnId = newId();
        const QString claimId = claim(m_ams, *order, returnId, { { QStringLiteral("1"), 1 } });
        QVERIFY(!claimId.isEmpty());
        const Core::Return ret
            = makeReturn(m_ams, *order, { request(QStringLiteral("1"), 1) }, claimId, returnId);
        QCOMPARE(ret.total, Money::fromCents(1000));
        QCOMPARE(ret.delivery, Money());
        const qint64 stockBefore = stock(1);
        QByteArray body;
        QVERIFY(pushApplied(m_ams, { returnEvent(ret) }, &body));

        auto checkOnce = [&] {
            QCOMPARE(sql(QStringLiteral("SELECT COUNT(*) FROM web_refunds WHERE return_id = ?"),
                         { returnId }),
                1);
            QCOMPARE(sql(QStringLiteral("SELECT amount_cents FROM web_refunds WHERE return_id = ? "
                                        "AND psp_reference = 'PSP-W1001' AND state = 'requested' "
                                        "AND method = 'ideal' AND order_number = 'W1001'"),
                         { returnId }),
                1000);
            QCOMPARE(sql(QStringLiteral(
                         "SELECT refunded_cents FROM web_order_tenders WHERE order_id = 5001")),
                1000);
            QCOMPARE(sql(QStringLiteral("SELECT returned_quantity FROM web_order_lines WHERE "
                                        "order_id = 5001 AND line_id = '1'")),
                1);
            QCOMPARE(sql(QStringLiteral("SELECT COUNT(*) FROM return_claims WHERE claim_id = ? AND "
                                        "state = 'used' AND used_by_return = ?"),
                         { claimId, returnId }),
                1);
            QCOMPARE(sql(QStringLiteral(
                         "SELECT delivery_refunded_cents FROM web_orders WHERE id = 5001")),
                0);
            QCOMPARE(stock(1), stockBefore + 1);
        };
        checkOnce();
        // The answer was lost: the same push again changes nothing.
        const HttpAnswer again = send(m_ams, body);
        QCOMPARE(again.status, 200);
        QCOMPARE(outcomes(again), QStringList { QStringLiteral("duplicate") });
        checkOnce();
    }

    void partialWebReturnRefundsNoDelivery()
    {
        auto order = lookup(m_ams, Core::webOrderQrPayload(chainTag, QStringLiteral("W1001")));
        QVERIFY(order);
        const QString returnId = newId();
        const QString claimId = claim(m_ams, *order, returnId, { { QStringLiteral("2"), 1 } });
        QVERIFY(!claimId.isEmpty());
        Core::Return ret
            = makeReturn(m_ams, *order, { request(QStringLiteral("2"), 1) }, claimId, returnId);
        QCOMPARE(ret.delivery, Money()); // one unit of line 1 stays with the customer
        ret.delivery = Money::fromCents(495);
        ret.total += ret.delivery;
        ret.refunds.first().amount += ret.delivery;
        expectRejected(m_ams, ret, QStringLiteral("return.delivery_mismatch"));
    }

    void fullWithdrawalRefundsDeliveryOnce()
    {
        auto order = lookup(m_ams, Core::webOrderQrPayload(chainTag, QStringLiteral("W1002")));
        QVERIFY(order);
        const QString returnId = newId();
        const QString claimId = claim(m_ams, *order, returnId, { { QStringLiteral("1"), 1 } });
        const Core::Return ret = makeReturn(m_ams, *order,
            { request(QStringLiteral("1"), 1, Core::ItemCondition::Damaged) }, claimId, returnId);
        QCOMPARE(ret.delivery, Money::fromCents(495));
        const qint64 stockBefore = stock(3);
        QVERIFY(pushApplied(m_ams, { returnEvent(ret) }));
        QCOMPARE(sql(QStringLiteral("SELECT amount_cents FROM web_refunds WHERE return_id = ?"),
                     { returnId }),
            2495);
        QCOMPARE(
            sql(QStringLiteral("SELECT delivery_refunded_cents FROM web_orders WHERE id = 5002")),
            495);
        QCOMPARE(sql(QStringLiteral(
                     "SELECT refunded_cents FROM web_order_tenders WHERE order_id = 5002")),
            2495);
        // Damaged: not back on the shelf.
        QCOMPARE(stock(3), stockBefore);
        QCOMPARE(
            sql(QStringLiteral(
                "SELECT quantity FROM damaged_stock WHERE product_id = 3 AND location_id = 1")),
            1);
    }

    void storeSaleToCardAndRoundedCash()
    {
        Core::Tender cash; // pays the rest, rounded
        cash.method = Core::TenderMethod::Cash;
        cash.amount = Money::fromCents(1);
        Core::Sale sale
            = makeStoreSale({ { 1, 3 } }, {}, { cardTender(Money::fromCents(1234)), cash });
        QCOMPARE(sale.rounding, Money::fromCents(-1)); // 17.66 cash paid as 17.65
        QVERIFY(pushApplied(m_ams, { saleEvent(sale) }));
        auto order = lookupSale(m_ams, sale);
        QVERIFY(order);
        // Offline, the store's own sale: no claim; the handler counts the quantity itself.
        const Core::Return ret = makeReturn(m_ams, *order, { request(QStringLiteral("L1"), 1) });
        QCOMPARE(ret.refunds.size(), 2);
        QCOMPARE(ret.refunds.at(1).method, Core::RefundMethod::Cash);
        QCOMPARE(ret.refunds.at(1).amount.cents() % 5, 0);
        QVERIFY(ret.rounding.cents() != 0); // 5.89 of cash handed back as 5.90
        const qint64 stockBefore = stock(1);
        QVERIFY(pushApplied(m_ams, { returnEvent(ret) }));
        QCOMPARE(saleLineReturned(sale, QStringLiteral("L1")), 1);
        QCOMPARE(
            sql(QStringLiteral(
                    "SELECT refunded_cents FROM sale_tenders WHERE sale_id = ? AND tender_no = 1"),
                { sale.saleId }),
            ret.refunds.at(0).amount.cents());
        QCOMPARE(
            sql(QStringLiteral(
                    "SELECT refunded_cents FROM sale_tenders WHERE sale_id = ? AND tender_no = 2"),
                { sale.saleId }),
            ret.refunds.at(1).amount.cents());
        QCOMPARE(sql(QStringLiteral("SELECT rounding_cents FROM returns WHERE return_id = ?"),
                     { ret.returnId }),
            ret.rounding.cents());
        QCOMPARE(sql(QStringLiteral("SELECT COUNT(*) FROM return_conflicts WHERE return_id = ?"),
                     { ret.returnId }),
            0);
        QCOMPARE(stock(1), stockBefore + 1);

        // A return receipt is never returned.
        Core::Return ofReturn = makeReturn(m_ams, *order, { request(QStringLiteral("L1"), 1) });
        ofReturn.originNumber = ret.receiptNumber;
        ofReturn.originSaleId = ret.returnId;
        expectRejected(m_ams, ofReturn, QStringLiteral("return.of_return"));

        // More to the card than the card can still take.
        auto now = lookupSale(m_ams, sale);
        QVERIFY(now);
        Core::Return tooMuch = makeReturn(m_ams, *now, { request(QStringLiteral("L1"), 1) });
        QVERIFY(tooMuch.total > now->tenders.at(0).refundable());
        Core::Refund card = tooMuch.refunds.at(0);
        card.amount = tooMuch.total;
        tooMuch.refunds = { card };
        tooMuch.rounding = Money();
        expectRejected(m_ams, tooMuch, QStringLiteral("refund.tender_exceeded"));

        // A line refunding more than its paid share.
        Core::Return share = makeReturn(m_ams, *now, { request(QStringLiteral("L1"), 1) });
        share.lines.first().refund += Money::fromCents(1);
        share.goods += Money::fromCents(1);
        share.total += Money::fromCents(1);
        share.refunds.first().amount += Money::fromCents(1);
        share.vat = Core::returnVat(share.lines);
        expectRejected(m_ams, share, QStringLiteral("return.refund_mismatch"));
    }

    void storeCreditAndPointsTakenBackOnce()
    {
        const Core::SaleCustomer customer { eva, evaCard, QStringLiteral("basic") };
        Core::Sale sale = makeStoreSale({ { 2, 3 } }, customer);
        QCOMPARE(sale.pointsEarned, 30);
        QVERIFY(pushApplied(m_ams, { saleEvent(sale) }));
        const qint64 points
            = sql(QStringLiteral("SELECT points_balance FROM customers WHERE id = 1"));
        auto order = lookupSale(m_ams, sale);
        QVERIFY(order);
        Core::Return ret = makeReturn(m_ams, *order, { request(QStringLiteral("L1"), 1) });
        QCOMPARE(ret.pointsTakenBack, 10);
        refundAs(ret, Core::RefundMethod::StoreCredit, evaCard);
        const qint64 credit = sql(QStringLiteral(
            "SELECT COALESCE((SELECT balance_cents FROM store_credit WHERE customer_id = 1), 0)"));
        QByteArray body;
        QVERIFY(pushApplied(m_ams, { returnEvent(ret) }, &body));
        auto checkOnce = [&] {
            QCOMPARE(
                sql(QStringLiteral("SELECT balance_cents FROM store_credit WHERE customer_id = 1")),
                credit + 1000);
            QCOMPARE(sql(QStringLiteral("SELECT points_balance FROM customers WHERE id = 1")),
                points - 10);
            QCOMPARE(sql(QStringLiteral("SELECT COUNT(*) FROM loyalty_ledger WHERE sale_id = ? AND "
                                        "reason = 'return_taken_back' AND points = -10"),
                         { ret.returnId }),
                1);
            QCOMPARE(sql(QStringLiteral("SELECT points_taken_back FROM sales WHERE sale_id = ?"),
                         { sale.saleId }),
                10);
        };
        checkOnce();
        QCOMPARE(outcomes(send(m_ams, body)), QStringList { QStringLiteral("duplicate") });
        checkOnce();
    }

    // Two returns of one sale both claimed online before either event arrives: A claims a unit
    // of L1, then B (looking the sale up after A's claim) the other two units of L1 and L2.
    // Each event is checked against what was returned just before its own claim (counting
    // B's units as "before" A would give A 4 points, not 3), so both apply in either order and
    // the points taken back add up to all the sale earned: 13 = 3 + 10.
    void twoClaimsBeforeEitherEvent_data()
    {
        QTest::addColumn<bool>("laterClaimFirst");
        QTest::newRow("events in claim order") << false;
        QTest::newRow("later claim's event first") << true;
    }

    void twoClaimsBeforeEitherEvent()
    {
        QFETCH(bool, laterClaimFirst);
        const Core::SaleCustomer customer { eva, evaCard, QStringLiteral("basic") };
        // Products 7 and 8 cost 3.35 (the seeded ones 10.00): shares that do not divide evenly.
        if (sql(QStringLiteral("SELECT COUNT(*) FROM products WHERE id = 7")) == 0) {
            QVERIFY(m_server.admin({ QStringLiteral("import"), QStringLiteral("products"),
                writeFile(QStringLiteral("odd-products.csv"),
                    "id,sku,name,brand,vatClass,priceCents,barcodes\n"
                    "7,SKU7,Product 7,Brand,standard,335,\n8,SKU8,Product "
                    "8,Brand,standard,335,\n") }));
            QVERIFY(m_server.admin({ QStringLiteral("import"), QStringLiteral("stock"),
                writeFile(QStringLiteral("odd-stock.csv"),
                    "sku,locationCode,quantity\nSKU7,AMS01,100\nSKU8,AMS01,100\n") }));
        }
        Core::Sale sale = makeStoreSale({ { 7, 3 }, { 8, 1 } }, customer, {}, 1, 335);
        QCOMPARE(sale.pointsEarned, 13); // 13.40
        QVERIFY(pushApplied(m_ams, { saleEvent(sale) }));
        const qint64 points
            = sql(QStringLiteral("SELECT points_balance FROM customers WHERE id = 1"));

        auto seenByA = lookupSale(m_ams, sale);
        QVERIFY(seenByA);
        const QString returnA = newId();
        const QString claimA = claim(m_ams, *seenByA, returnA, { { QStringLiteral("L1"), 1 } });
        QVERIFY(!claimA.isEmpty());
        const Core::Return a
            = makeReturn(m_ams, *seenByA, { request(QStringLiteral("L1"), 1) }, claimA, returnA);

        auto seenByB = lookupSale(m_utr, sale);
        QVERIFY(seenByB);
        QCOMPARE(seenByB->lines.at(0).returned, 1); // A's claim
        const QString returnB = newId();
        const QString claimB = claim(
            m_utr, *seenByB, returnB, { { QStringLiteral("L1"), 2 }, { QStringLiteral("L2"), 1 } });
        QVERIFY(!claimB.isEmpty());
        const Core::Return b = makeReturn(m_utr, *seenByB,
            { request(QStringLiteral("L1"), 2), request(QStringLiteral("L2"), 1) }, claimB,
            returnB);
        QCOMPARE(a.pointsTakenBack, 3);
        QCOMPARE(b.pointsTakenBack, 10);
        QCOMPARE(sql(QStringLiteral("SELECT returned_before FROM return_claim_lines WHERE "
                                    "claim_id = ? AND line_id = 'L1'"),
                     { claimB }),
            1);

        if (laterClaimFirst) {
            QVERIFY(pushApplied(m_utr, { returnEvent(b) }));
            QVERIFY(pushApplied(m_ams, { returnEvent(a) }));
        } else {
            QVERIFY(pushApplied(m_ams, { returnEvent(a) }));
            QVERIFY(pushApplied(m_utr, { returnEvent(b) }));
        }
        QCOMPARE(sql(QStringLiteral("SELECT COUNT(*) FROM returns WHERE return_id IN (?, ?)"),
                     { returnA, returnB }),
            2);
        QCOMPARE(saleLineReturned(sale, QStringLiteral("L1")), 3);
        QCOMPARE(saleLineReturned(sale, QStringLiteral("L2")), 1);
        QCOMPARE(sql(QStringLiteral("SELECT points_taken_back FROM sales WHERE sale_id = ?"),
                     { sale.saleId }),
            13);
        QCOMPARE(
            sql(QStringLiteral("SELECT points_balance FROM customers WHERE id = 1")), points - 13);
        QCOMPARE(sql(QStringLiteral("SELECT COALESCE(SUM(refunded_cents), 0) FROM sale_tenders "
                                    "WHERE sale_id = ?"),
                     { sale.saleId }),
            sale.total.cents());
        QCOMPARE(sql(QStringLiteral("SELECT COUNT(*) FROM return_conflicts WHERE return_id IN "
                                    "(?, ?)"),
                     { returnA, returnB }),
            0);
    }

    void pointsGivenBackOnce()
    {
        const Core::SaleCustomer customer { eva, evaCard, QStringLiteral("basic") };
        Core::Tender points;
        points.method = Core::TenderMethod::LoyaltyPoints;
        points.amount = Money::fromCents(300);
        points.points = 300;
        points.reference = evaCard;
        Core::Sale sale = makeStoreSale({ { 4, 3 } }, customer, { points });
        QVERIFY(pushApplied(m_ams, { saleEvent(sale) }));
        const qint64 balance
            = sql(QStringLiteral("SELECT points_balance FROM customers WHERE id = 1"));
        auto order = lookupSale(m_ams, sale);
        QVERIFY(order);
        const Core::Return ret = makeReturn(m_ams, *order, { request(QStringLiteral("L1"), 1) });
        QVERIFY(ret.pointsGivenBack > 0);
        QByteArray body;
        QVERIFY(pushApplied(m_ams, { returnEvent(ret) }, &body));
        const qint64 moved = ret.pointsGivenBack - ret.pointsTakenBack;
        QCOMPARE(sql(QStringLiteral("SELECT points_balance FROM customers WHERE id = 1")),
            balance + moved);
        QCOMPARE(sql(QStringLiteral("SELECT points FROM loyalty_ledger WHERE sale_id = ? AND "
                                    "reason = 'return_given_back'"),
                     { ret.returnId }),
            ret.pointsGivenBack);
        QCOMPARE(outcomes(send(m_ams, body)), QStringList { QStringLiteral("duplicate") });
        QCOMPARE(sql(QStringLiteral("SELECT points_balance FROM customers WHERE id = 1")),
            balance + moved);
        QCOMPARE(sql(QStringLiteral("SELECT COUNT(*) FROM loyalty_ledger WHERE sale_id = ?"),
                     { ret.returnId }),
            ret.pointsTakenBack > 0 ? 2 : 1);
    }

    void pointsStayPointsWhenStoreCreditIsChosen()
    {
        const Core::SaleCustomer customer { eva, evaCard, QStringLiteral("basic") };
        Core::Tender points;
        points.method = Core::TenderMethod::LoyaltyPoints;
        points.amount = Money::fromCents(100);
        points.points = 100;
        points.reference = evaCard;
        Core::Sale sale = makeStoreSale({ { 5, 2 } }, customer, { points });
        QVERIFY(pushApplied(m_ams, { saleEvent(sale) }));
        auto order = lookupSale(m_ams, sale);
        QVERIFY(order);
        const Core::Return planned
            = makeReturn(m_ams, *order, { request(QStringLiteral("L1"), 1) });
        QCOMPARE(planned.pointsGivenBack, 50);

        // Everything as store credit and the points given back too: refunded twice.
        Core::Return twice = planned;
        Core::Refund all;
        all.method = Core::RefundMethod::StoreCredit;
        all.amount = twice.total;
        all.reference = evaCard;
        twice.refunds = { all };
        twice.rounding = Money();
        expectRejected(m_ams, twice, QStringLiteral("refund.points_mismatch"));

        // The points as points, the rest as store credit: applied.
        Core::Return ret = makeReturn(m_ams, *order, { request(QStringLiteral("L1"), 1) });
        refundAs(ret, Core::RefundMethod::StoreCredit, evaCard);
        QCOMPARE(ret.refunds.size(), 2);
        const qint64 credit = sql(QStringLiteral(
            "SELECT COALESCE((SELECT balance_cents FROM store_credit WHERE customer_id = 1), 0)"));
        QVERIFY(pushApplied(m_ams, { returnEvent(ret) }));
        QCOMPARE(
            sql(QStringLiteral("SELECT balance_cents FROM store_credit WHERE customer_id = 1")),
            credit + ret.total.cents() - 50);
        QCOMPARE(sql(QStringLiteral("SELECT points FROM loyalty_ledger WHERE sale_id = ? AND "
                                    "reason = 'return_given_back'"),
                     { ret.returnId }),
            50);
    }

    void giftCardRefundNeverOntoALoyaltyCard()
    {
        const Core::SaleCustomer customer { eva, evaCard, QStringLiteral("basic") };
        Core::Sale sale = makeStoreSale({ { 6, 1 } }, customer);
        QVERIFY(pushApplied(m_ams, { saleEvent(sale) }));
        auto order = lookupSale(m_ams, sale);
        QVERIFY(order);
        Core::Return ret = makeReturn(m_ams, *order, { request(QStringLiteral("L1"), 1) });
        refundAs(ret, Core::RefundMethod::GiftCard, evaCard);
        expectRejected(m_ams, ret, QStringLiteral("refund.reference_missing"));
        QCOMPARE(
            sql(QStringLiteral("SELECT COUNT(*) FROM gift_cards WHERE number = ?"), { evaCard }),
            0);
    }

    void giftCardToppedUpOrActivatedOnce()
    {
        Core::Sale sale = makeStoreSale({ { 5, 2 } });
        QVERIFY(pushApplied(m_ams, { saleEvent(sale) }));
        auto order = lookupSale(m_ams, sale);
        QVERIFY(order);
        const qint64 before = sql(
            QStringLiteral("SELECT balance_cents FROM gift_cards WHERE number = ?"), { giftCard });
        Core::Return onto = makeReturn(m_ams, *order, { request(QStringLiteral("L1"), 1) });
        refundAs(onto, Core::RefundMethod::GiftCard, giftCard);
        QByteArray body;
        QVERIFY(pushApplied(m_ams, { returnEvent(onto) }, &body));
        QCOMPARE(sql(QStringLiteral("SELECT balance_cents FROM gift_cards WHERE number = ?"),
                     { giftCard }),
            before + 1000);
        QCOMPARE(outcomes(send(m_ams, body)), QStringList { QStringLiteral("duplicate") });
        QCOMPARE(sql(QStringLiteral("SELECT balance_cents FROM gift_cards WHERE number = ?"),
                     { giftCard }),
            before + 1000);

        // The second unit onto a new card: activated with the legal validity.
        auto now = lookupSale(m_ams, sale);
        QVERIFY(now);
        const QString fresh = QStringLiteral("6036990000002008");
        Core::Return newCard = makeReturn(m_ams, *now, { request(QStringLiteral("L1"), 1) });
        refundAs(newCard, Core::RefundMethod::GiftCard, fresh);
        QVERIFY(pushApplied(m_ams, { returnEvent(newCard) }));
        QCOMPARE(
            sql(QStringLiteral(
                    "SELECT balance_cents FROM gift_cards WHERE number = ? AND state = 'active'"),
                { fresh }),
            1000);
        QCOMPARE(sql(QStringLiteral(
                         "SELECT COUNT(*) FROM gift_cards WHERE number = ? AND expires_on = ?"),
                     { fresh, Core::giftCardExpiry(QDate::currentDate()).toString(Qt::ISODate) }),
            1);
        QCOMPARE(saleLineReturned(sale, QStringLiteral("L1")), 2);
    }

    void stockBackOrDamaged()
    {
        Core::Sale sale = makeStoreSale({ { 6, 1 }, { 4, 1 } });
        QVERIFY(pushApplied(m_ams, { saleEvent(sale) }));
        auto order = lookupSale(m_ams, sale);
        QVERIFY(order);
        const qint64 shelf6 = stock(6);
        const qint64 shelf4 = stock(4);
        const qint64 damaged4
            = sql(QStringLiteral("SELECT COALESCE((SELECT quantity FROM damaged_stock WHERE "
                                 "product_id = 4 AND location_id = 1), 0)"));
        const Core::Return ret = makeReturn(m_ams, *order,
            { request(QStringLiteral("L1"), 1),
                request(QStringLiteral("L2"), 1, Core::ItemCondition::Damaged) });
        QVERIFY(pushApplied(m_ams, { returnEvent(ret) }));
        QCOMPARE(stock(6), shelf6 + 1);
        QCOMPARE(stock(4), shelf4);
        QCOMPARE(
            sql(QStringLiteral(
                "SELECT quantity FROM damaged_stock WHERE product_id = 4 AND location_id = 1")),
            damaged4 + 1);
        // The tablets see the stock change in the feed.
        QVERIFY(sql(QStringLiteral(
                    "SELECT change_seq FROM stock WHERE product_id = 6 AND location_id = 1"))
            > 0);
    }

    void offlineReturnMeetingAnotherStoresClaimIsFlagged()
    {
        Core::Sale sale = makeStoreSale({ { 5, 1 } });
        QVERIFY(pushApplied(m_ams, { saleEvent(sale) }));
        auto order = lookupSale(m_ams, sale);
        QVERIFY(order);
        // Utrecht claims the one unit first (the customer brought it there).
        auto seenThere = lookupSale(m_utr, sale);
        QVERIFY(seenThere);
        QVERIFY(!claim(m_utr, *seenThere, newId(), { { QStringLiteral("L1"), 1 } }).isEmpty());
        QCOMPARE(saleLineReturned(sale, QStringLiteral("L1")), 1);
        // Amsterdam, offline, returned it too from its own ledger: applied and flagged.
        const Core::Return ret = makeReturn(m_ams, *order, { request(QStringLiteral("L1"), 1) });
        QVERIFY(pushApplied(m_ams, { returnEvent(ret) }));
        QCOMPARE(saleLineReturned(sale, QStringLiteral("L1")), 1); // never counted twice
        QCOMPARE(
            sql(QStringLiteral(
                    "SELECT COUNT(*) FROM return_conflicts WHERE return_id = ? AND "
                    "line_id = 'L1' AND asked = 1 AND returnable = 0 AND store_code = 'AMS01'"),
                { ret.returnId }),
            1);
        QCOMPARE(sql(QStringLiteral(
                         "SELECT COUNT(*) FROM returns WHERE return_id = ? AND conflict <> ''"),
                     { ret.returnId }),
            1);
        // Another store's sale is never returned without a claim.
        Core::Return unclaimed
            = makeReturn(m_utr, *seenThere, { request(QStringLiteral("L1"), 1) });
        expectRejected(m_utr, unclaimed, QStringLiteral("return.claim_missing"));
    }

    void offlineReturnsInOneBatchCountEachOther()
    {
        Core::Sale sale = makeStoreSale({ { 3, 2 } });
        QVERIFY(pushApplied(m_ams, { saleEvent(sale) }));
        auto order = lookupSale(m_ams, sale);
        QVERIFY(order);
        // Two returns of one unit each, made offline one after the other: the second sees the
        // first (its paid share and the tender's room), both count.
        const Core::Return first = makeReturn(m_ams, *order, { request(QStringLiteral("L1"), 1) });
        Core::ReturnableOrder after = *order;
        after.lines.first().returned = 1;
        after.tenders.first().refunded = first.refunds.first().amount;
        const Core::Return second = makeReturn(m_ams, after, { request(QStringLiteral("L1"), 1) });
        QVERIFY(pushApplied(m_ams, { returnEvent(first), returnEvent(second) }));
        QCOMPARE(saleLineReturned(sale, QStringLiteral("L1")), 2);
        QCOMPARE(sql(QStringLiteral("SELECT refunded_cents FROM sale_tenders WHERE sale_id = ?"),
                     { sale.saleId }),
            2000);
        QCOMPARE(
            sql(QStringLiteral("SELECT COUNT(*) FROM return_conflicts WHERE return_id IN (?, ?)"),
                { first.returnId, second.returnId }),
            0);
    }

    void windowPassedNeedsAManager()
    {
        Core::Sale sale = makeStoreSale({ { 3, 2 } }, {}, {}, 45);
        QVERIFY(pushApplied(m_ams, { saleEvent(sale) }));
        auto order = lookupSale(m_ams, sale);
        QVERIFY(order);
        Core::Return ret = makeReturn(m_ams, *order, { request(QStringLiteral("L1"), 1) });
        expectRejected(m_ams, ret, QStringLiteral("return.approval_missing"));

        Core::Authorisation approval;
        approval.permission = Core::Permission::ApproveReturnException;
        approval.requestedBy = cashier;
        approval.approvedBy = cashier; // a cashier may not approve it
        approval.lineId = QStringLiteral("R1");
        approval.reason = QStringLiteral("Window passed");
        approval.approvedAt = QDateTime::currentDateTimeUtc();
        ret.authorisations = { approval };
        expectRejected(m_ams, ret, QStringLiteral("return.approval_missing"));

        ret.authorisations.first().approvedBy = manager;
        QVERIFY(pushApplied(m_ams, { returnEvent(ret) }));
        QCOMPARE(
            sql(QStringLiteral("SELECT approved_by FROM return_authorisations WHERE return_id = ?"),
                { ret.returnId }),
            manager);
    }

    void trainingReturnWritesRowsOnly()
    {
        const Core::SaleCustomer customer { eva, evaCard, QStringLiteral("basic") };
        Core::Sale sale = makeStoreSale({ { 6, 2 } }, customer);
        QVERIFY(pushApplied(m_ams, { saleEvent(sale) }));
        auto order = lookupSale(m_ams, sale);
        QVERIFY(order);
        Core::Return ret = makeReturn(m_ams, *order, { request(QStringLiteral("L1"), 1) });
        QVERIFY(ret.pointsTakenBack > 0);
        refundAs(ret, Core::RefundMethod::StoreCredit, evaCard);
        ret.training = true;
        const qint64 shelf = stock(6);
        const qint64 points
            = sql(QStringLiteral("SELECT points_balance FROM customers WHERE id = 1"));
        const qint64 credit
            = sql(QStringLiteral("SELECT balance_cents FROM store_credit WHERE customer_id = 1"));
        const qint64 ledger = sql(QStringLiteral("SELECT COUNT(*) FROM loyalty_ledger"));
        QVERIFY(pushApplied(m_ams, { returnEvent(ret) }));
        QCOMPARE(sql(QStringLiteral("SELECT training FROM returns WHERE return_id = ?"),
                     { ret.returnId }),
            1);
        QCOMPARE(sql(QStringLiteral("SELECT COUNT(*) FROM return_lines WHERE return_id = ?"),
                     { ret.returnId }),
            1);
        QCOMPARE(stock(6), shelf);
        QCOMPARE(sql(QStringLiteral("SELECT points_balance FROM customers WHERE id = 1")), points);
        QCOMPARE(
            sql(QStringLiteral("SELECT balance_cents FROM store_credit WHERE customer_id = 1")),
            credit);
        QCOMPARE(sql(QStringLiteral("SELECT COUNT(*) FROM loyalty_ledger")), ledger);
        QCOMPARE(saleLineReturned(sale, QStringLiteral("L1")), 0);
    }

    void noReceiptIsStoreCreditAtTodaysPriceWithAManager()
    {
        Core::Return ret;
        ret.returnId = newId();
        ret.receiptNumber
            = QStringLiteral("AMS01-T1-R%1").arg(++m_receipt, 6, 10, QLatin1Char('0'));
        ret.storeCode = m_ams.store;
        ret.returnedAt = QDateTime::currentDateTimeUtc();
        ret.staffId = cashier;
        ret.origin = Core::ReturnOrigin::NoReceipt;
        Core::ReturnLine line;
        line.lineId = QStringLiteral("R1");
        line.productId = 2;
        line.sku = QStringLiteral("SKU2");
        line.name = QStringLiteral("Product 2");
        line.vatBasisPoints = 2100;
        line.quantity = 2;
        line.refund = Money::fromCents(2000); // today's price 10.00 × 2
        ret.lines = { line };
        ret.goods = line.refund;
        ret.total = line.refund;
        ret.vat = Core::returnVat(ret.lines);
        ret.customer = Core::SaleCustomer { eva, evaCard, QStringLiteral("basic") };
        refundAs(ret, Core::RefundMethod::StoreCredit, evaCard);
        expectRejected(m_ams, ret, QStringLiteral("return.approval_missing"));

        Core::Authorisation approval;
        approval.permission = Core::Permission::RefundWithoutReceipt;
        approval.requestedBy = cashier;
        approval.approvedBy = manager;
        approval.amount = ret.total;
        approval.reason = QStringLiteral("No receipt");
        approval.approvedAt = QDateTime::currentDateTimeUtc();
        ret.authorisations = { approval };
        // Above today's price: refused.
        Core::Return dearer = ret;
        dearer.lines.first().refund = Money::fromCents(2400);
        dearer.goods = dearer.total = dearer.refunds.first().amount = Money::fromCents(2400);
        dearer.vat = Core::returnVat(dearer.lines);
        expectRejected(m_ams, dearer, QStringLiteral("return.refund_mismatch"));

        const qint64 credit
            = sql(QStringLiteral("SELECT balance_cents FROM store_credit WHERE customer_id = 1"));
        const qint64 shelf = stock(2);
        QVERIFY(pushApplied(m_ams, { returnEvent(ret) }));
        QCOMPARE(
            sql(QStringLiteral("SELECT balance_cents FROM store_credit WHERE customer_id = 1")),
            credit + 2000);
        QCOMPARE(stock(2), shelf + 2);
    }

    void claimOfAnotherReturnIsRefused()
    {
        Core::Sale sale = makeStoreSale({ { 2, 2 } });
        QVERIFY(pushApplied(m_ams, { saleEvent(sale) }));
        auto order = lookupSale(m_utr, sale);
        QVERIFY(order);
        const QString claimId = claim(m_utr, *order, newId(), { { QStringLiteral("L1"), 1 } });
        QVERIFY(!claimId.isEmpty());
        const Core::Return other
            = makeReturn(m_utr, *order, { request(QStringLiteral("L1"), 1) }, claimId);
        expectRejected(m_utr, other, QStringLiteral("claim.mismatch"));
    }

    void exchangeInOneBatch()
    {
        Core::Sale old = makeStoreSale({ { 1, 1 } });
        QVERIFY(pushApplied(m_ams, { saleEvent(old) }));
        auto order = lookupSale(m_ams, old);
        QVERIFY(order);
        const QString newSaleId = newId();
        Core::Return ret = makeReturn(m_ams, *order, { request(QStringLiteral("L1"), 1) });
        refundAs(ret, Core::RefundMethod::Exchange, newSaleId);
        ret.exchangeSaleId = newSaleId;
        Core::Tender credit;
        credit.method = Core::TenderMethod::ReturnCredit;
        credit.amount = ret.total;
        credit.reference = ret.returnId;
        Core::Sale exchange = makeStoreSale({ { 2, 2 } }, {}, { credit });
        exchange.saleId = newSaleId;
        QVERIFY(pushApplied(m_ams, { returnEvent(ret), saleEvent(exchange) }));
        QCOMPARE(sql(QStringLiteral("SELECT amount_cents FROM sale_tenders WHERE sale_id = ? AND "
                                    "method = 'return_credit'"),
                     { newSaleId }),
            1000);
        QCOMPARE(sql(QStringLiteral("SELECT COUNT(*) FROM return_refunds WHERE return_id = ? AND "
                                    "method = 'exchange'"),
                     { ret.returnId }),
            1);

        // A return credit naming no return.
        Core::Tender nothing = credit;
        nothing.reference = newId();
        Core::Sale orphan = makeStoreSale({ { 2, 1 } }, {}, { nothing });
        const HttpAnswer answer = send(m_ams, pushBody(m_ams, { saleEvent(orphan) }));
        QCOMPARE(answer.status, 422);
        QCOMPARE(result(answer, 0).value(QStringLiteral("code")).toString(),
            QStringLiteral("exchange.return_missing"));
        // The credit again, for a sale the exchange did not name.
        Core::Sale twice = makeStoreSale({ { 2, 1 } }, {}, { credit });
        const HttpAnswer again = send(m_ams, pushBody(m_ams, { saleEvent(twice) }));
        QCOMPARE(again.status, 422);
        QCOMPARE(result(again, 0).value(QStringLiteral("code")).toString(),
            QStringLiteral("exchange.mismatch"));
    }
};

QTEST_GUILESS_MAIN(TestReturnHandler)
#include "tst_returnhandler.moc"
