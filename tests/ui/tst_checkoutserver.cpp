// Checkout I's "done when", end to end: a real toonbank-server (SQLite, or PostgreSQL with
// TOONBANK_TEST_BACKEND=postgresql) seeded through toonbank-admin's own import paths, a tablet
// cache enrolled by toonbank-synctool and first synced by the SyncEngine, then — with the
// server gone — a checkout through the real MainWindow: cashier PIN, the customer's loyalty
// card scanned, three socks (3 for 2), a multi-use coupon, a manual discount above the
// cashier's limit approved on the override sheet by a manager's PIN, cash. The server is
// restarted on the same database, the SyncEngine pushes: the sale is applied and its points
// are credited once; replaying the batch (over HTTP and through the outbox) credits nothing
// again; and a sale whose price no rule explains, tampered in the outbox of the same tablet,
// is rejected with sale.price_unexplained and changes nothing.
#include "app/core/barcode.h"
#include "app/core/loyalty.h"
#include "app/core/sale.h"
#include "app/services/customerservice.h"
#include "app/services/overrideservice.h"
#include "app/services/paymentservice.h"
#include "app/services/saleservice.h"
#include "app/services/session.h"
#include "app/services/syncstatus.h"
#include "app/services/terminal.h"
#include "app/store/localdatabase.h"
#include "app/store/outbox.h"
#include "serverfixture.h"
#include "sync/client/deviceconfig.h"
#include "sync/client/syncengine.h"
#include "sync/protocol/pushbatch.h"
#include "sync/protocol/saleevent.h"
#include "tests/ui/flowfixture.h"
#include "ui/couponsheet.h"
#include "ui/discountsheet.h"
#include "ui/language.h"
#include "ui/mainwindow.h"
#include "ui/overridesheet.h"
#include "ui/payscreen.h"
#include "ui/scaninterceptor.h"
#include "ui/sellscreen.h"
#include "ui/uihelpers.h"

#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

using namespace Toonbank;
using namespace Toonbank::Tests;

namespace {

constexpr qint64 cashier = 7; // Ann, AMS01, PIN 1234 (ServerFixture::seed)
constexpr qint64 manager = 9; // added here, AMS01, PIN 9999
constexpr qint64 plainProduct = 1; // ServerFixture::seed: € 10,00, standard VAT
constexpr qint64 socksId = 31;
constexpr qint64 jacketId = 32;
constexpr qint64 customerId = 4242;
constexpr qint64 startingPoints = 500;
constexpr int syncTimeoutMs = 180000;
const QString couponCode = QStringLiteral("WELKOM10");

QString withCheckDigit(const QString &twelve)
{
    return twelve + QString::number(Core::Barcode::checkDigit(twelve));
}

QString cardNumber()
{
    return withCheckDigit(QStringLiteral("299000004242"));
}
QString socksBarcode()
{
    return withCheckDigit(QStringLiteral("871234500031"));
}
QString jacketBarcode()
{
    return withCheckDigit(QStringLiteral("871234500032"));
}

// The chain's promotions, imported with `toonbank-admin import promotions`.
const char promotionsJson[] = R"([
  {"id":"PR-SOCKS-3V2","label":"3 voor 2 sokken","kind":"buy_n_pay_m","target":"item",
   "targetKeys":["SOCKS"],"buyQuantity":3,"payQuantity":2},
  {"id":"PR-WELKOM10","label":"Welkom 10 %","kind":"percent_off","target":"basket",
   "percentBasisPoints":1000,"couponCode":"WELKOM10","singleUse":false}
])";

QByteArray toBody(const QJsonObject &json)
{
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

} // namespace

class TestCheckoutServer final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_cache;
    ServerFixture m_server;
    std::unique_ptr<Sync::Client::SyncEngine> m_engine;
    QStringList m_progress;
    // A progress line that starts with `text` (a push line goes on with its journal count).
    bool progressed(const QString &text) const
    {
        return std::any_of(m_progress.cbegin(), m_progress.cend(),
            [&text](const QString &line) { return line.startsWith(text); });
    }
    std::unique_ptr<Services::Terminal> m_terminal;
    std::unique_ptr<Ui::Language> m_language;
    std::unique_ptr<Ui::ScanInterceptor> m_scanner;
    std::unique_ptr<Ui::MainWindow> m_window;
    std::optional<Services::CompletedSale> m_completed;
    Store::OutboxEvent m_saleEvent; // the offline sale as the outbox held it
    qint64 m_pointsEarned = 0;

    template <typename T> T *find(const char *name) { return findNamed<T>(m_window.get(), name); }
    void click(const char *name) { tapButton(m_window.get(), name); }
    void clickKeys(const char *prefix, const QString &digits)
    {
        for (QChar digit : digits)
            click(qPrintable(QStringLiteral("%1Key%2").arg(QLatin1String(prefix), digit)));
    }
    void scan(const QString &code)
    {
        QWidget *target
            = QApplication::focusWidget() ? QApplication::focusWidget() : m_window.get();
        QTest::keyClicks(target, code);
        QTest::keyClick(target, Qt::Key_Return);
    }
    Services::SaleService &sale() { return m_terminal->sale(); }
    int rowOf(qint64 productId)
    {
        const QList<Services::BasketLineView> &lines = sale().view().lines;
        for (int row = 0; row < lines.size(); ++row) {
            if (lines.at(row).productId == productId)
                return row;
        }
        return -1;
    }

    /// The engine as main() wires it, but cycles only on syncNow() (no timers in a test).
    void makeEngine()
    {
        m_engine.reset();
        Sync::Client::SyncEngine::Options options;
        options.automatic = false;
        options.requestTimeoutMs = 60000;
        m_engine = std::make_unique<Sync::Client::SyncEngine>(m_cache, options);
        connect(m_engine.get(), &Sync::Client::SyncEngine::progress, this,
            [this](const QString &message) { m_progress.append(message); });
        if (m_terminal) {
            connect(&m_terminal->sale(), &Services::SaleService::saleCompleted, m_engine.get(),
                &Sync::Client::SyncEngine::syncNow);
            m_terminal->syncStatus().attachEngine(m_engine.get());
        }
        m_engine->start();
    }
    /// One push/pull cycle; returns its `ok`, or nullopt when none finished in time.
    std::optional<bool> syncCycle()
    {
        QSignalSpy finished(m_engine.get(), &Sync::Client::SyncEngine::cycleFinished);
        m_engine->syncNow();
        if (finished.isEmpty() && !finished.wait(syncTimeoutMs))
            return std::nullopt;
        return finished.first().first().toBool();
    }

    /// The tablet cache read through its own connection (the terminal's is busy with the UI).
    QList<QVariantList> cacheRows(const QString &sql, int columns)
    {
        return Tests::cacheRows(m_cache, sql, {}, columns);
    }
    bool cacheExec(const QString &sql, const QVariantList &params)
    {
        const QString name = QStringLiteral("checkoutserver-cache-write");
        bool done = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(m_cache);
            if (db.open()) {
                QSqlQuery query(db);
                query.prepare(sql);
                for (const QVariant &value : params)
                    query.addBindValue(value);
                done = query.exec();
                if (!done)
                    qWarning() << sql << query.lastError().text();
            }
        }
        QSqlDatabase::removeDatabase(name);
        return done;
    }
    QList<Store::OutboxEvent> pendingSales()
    {
        Store::Outbox outbox(m_terminal->database());
        auto pending = outbox.pending(1000);
        QList<Store::OutboxEvent> sales;
        if (pending) {
            for (const Store::OutboxEvent &event : pending.value()) {
                if (event.type == QLatin1String("sale"))
                    sales.append(event);
            }
        }
        return sales;
    }

    qint64 serverBalance()
    {
        return m_server.scalar(
            QStringLiteral("SELECT points_balance FROM customers WHERE card_number = ?"),
            { cardNumber() });
    }
    qint64 ledgerRows()
    {
        return m_server.scalar(
            QStringLiteral("SELECT COUNT(*) FROM loyalty_ledger WHERE customer_id = ?"),
            { customerId });
    }
    qint64 serverSales() { return m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM sales")); }

    QString writeFile(const QString &name, const QByteArray &content)
    {
        return Tests::writeFile(m_dir, name, content);
    }

private slots:
    void initTestCase()
    {
        if (ServerFixture::wantsPostgres() && qEnvironmentVariableIsEmpty("TOONBANK_TEST_PG_URL"))
            QSKIP("TOONBANK_TEST_PG_URL is not set (tests/run.sh sets it)");
        // The device token is sealed under this key (not the machine's).
        prepareDevice(m_dir, "00112233445566778899aabbccddeeff");
        m_cache = m_dir.filePath(QStringLiteral("tablet.sqlite"));
    }
    void cleanupTestCase()
    {
        if (m_scanner)
            qApp->removeEventFilter(m_scanner.get());
        m_window.reset();
        m_engine.reset();
        m_terminal.reset();
    }

    void serverIsSeededThroughItsAdminPaths()
    {
        QVERIFY(m_server.seed(5));
        QVERIFY(m_server.admin({ QStringLiteral("add-staff"), QStringLiteral("--id"),
            QString::number(manager), QStringLiteral("--code"), QStringLiteral("E9"),
            QStringLiteral("--name"), QStringLiteral("Max Manager"), QStringLiteral("--role"),
            QStringLiteral("manager"), QStringLiteral("--store"), QStringLiteral("AMS01"),
            QStringLiteral("--pin"), QStringLiteral("9999") }));
        QVERIFY(m_server.admin({ QStringLiteral("import"), QStringLiteral("products"),
            writeFile(QStringLiteral("products.csv"),
                QStringLiteral("id,sku,name,brand,vatClass,priceCents,barcodes\n"
                               "%1,SOCKS,Bamboo socks,Sokkerij,standard,499,%2\n"
                               "%3,JACKET,Rain jacket,Regen,standard,6000,%4\n")
                    .arg(socksId)
                    .arg(socksBarcode())
                    .arg(jacketId)
                    .arg(jacketBarcode())
                    .toUtf8()) }));
        QVERIFY(m_server.admin({ QStringLiteral("import"), QStringLiteral("promotions"),
            writeFile(QStringLiteral("promotions.json"), promotionsJson) }));
        QVERIFY(m_server.admin({ QStringLiteral("import"), QStringLiteral("customers"),
            writeFile(QStringLiteral("customers.csv"),
                QStringLiteral("id,code,name,email,phone,loyaltyPoints,tier,homeStoreCode\n"
                               "%1,%2,Noor Bakker,noor@example.nl,+31622223333,%3,basic,AMS01\n")
                    .arg(customerId)
                    .arg(cardNumber())
                    .arg(startingPoints)
                    .toUtf8()) }));
        QVERIFY(m_server.start());
        QCOMPARE(serverBalance(), startingPoints);
    }

    void tabletEnrolsAndTheEngineDoesTheFirstSync()
    {
        enrolWithSyncTool(m_server, m_cache, QStringLiteral("AMS01"));
        QVERIFY(!QTest::currentTestFailed());
        makeEngine();
        const std::optional<bool> first = syncCycle();
        QVERIFY2(first.has_value(), "the first sync did not finish in time");
        QVERIFY2(*first, qPrintable(m_engine->state().lastErrorCode));
        QVERIFY(m_engine->state().lastPullAt.isValid());
        QVERIFY2(
            m_progress.contains(
                QStringLiteral("pulled 1 customers up to %1")
                    .arg(m_server.scalar(QStringLiteral("SELECT MAX(change_seq) FROM customers")))),
            qPrintable(m_progress.join(QLatin1Char('\n'))));

        // The tablet now knows, from the server alone, the customer, the promotions and the
        // products (catalog, promotions and customers feed kinds).
        QCOMPARE(cacheRows(QStringLiteral("SELECT COUNT(*) FROM promotions WHERE id IN "
                                          "('PR-SOCKS-3V2', 'PR-WELKOM10')"),
                     1)
                     .value(0)
                     .value(0)
                     .toInt(),
            2);

        auto terminal = Services::Terminal::open(m_cache);
        QVERIFY2(terminal, terminal ? "" : qPrintable(terminal.error().detail));
        m_terminal = std::move(terminal.value());
        // From now on the engine follows sales as in main().
        connect(&m_terminal->sale(), &Services::SaleService::saleCompleted, m_engine.get(),
            &Sync::Client::SyncEngine::syncNow);
        m_terminal->syncStatus().attachEngine(m_engine.get());

        m_language = std::make_unique<Ui::Language>();
        QVERIFY(m_language->setLanguage(QStringLiteral("nl")));
        m_scanner = std::make_unique<Ui::ScanInterceptor>();
        qApp->installEventFilter(m_scanner.get());
        m_window = std::make_unique<Ui::MainWindow>(m_terminal->session(), sale(),
            m_terminal->payments(), m_terminal->customers(), m_terminal->overrides(),
            m_terminal->products(), m_terminal->syncStatus(), *m_language, *m_scanner);
        connect(m_window->payScreen(), &Ui::PayScreen::completed, this,
            [this](const Services::CompletedSale &done) { m_completed = done; });
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void serverGoesAway()
    {
        QVERIFY2(m_window, "no window: an earlier step failed");
        m_server.kill();
        // The tablet finds out the way it would: a cycle that cannot reach the server.
        const std::optional<bool> offline = syncCycle();
        QVERIFY(offline.has_value());
        QVERIFY(!*offline);
        QCOMPARE(m_engine->state().lastErrorCode, QStringLiteral("sync.offline"));
        QTRY_VERIFY(!m_terminal->syncStatus().overview().online);
    }

    void offlineCheckoutThroughTheWindow()
    {
        QVERIFY2(m_window, "no window: an earlier step failed");
        // Cashier PIN login.
        logIn(m_window.get(), cashier, QStringLiteral("1234"));
        QCOMPARE(m_window->currentScreen(), static_cast<QWidget *>(m_window->sellScreen()));
        auto known = m_terminal->customers().findByCard(cardNumber());
        QVERIFY2(known, known ? "" : qPrintable(known.error().code));
        QVERIFY(!known->fromServer); // from the cache: the server is down
        QCOMPARE(known->points, startingPoints);

        // The loyalty card scanned: the customer the server sent is attached.
        scan(cardNumber());
        QVERIFY(sale().view().customer.has_value());
        QCOMPARE(sale().view().customer->cardNumber, cardNumber());
        QVERIFY(find<QPushButton>("customerChip")->isVisible());
        QVERIFY(find<QPushButton>("customerChip")->text().contains(QStringLiteral("Noor Bakker")));

        // Three socks: the server's 3-for-2 takes one off.
        for (int unit = 0; unit < 3; ++unit)
            scan(socksBarcode());
        scan(jacketBarcode());
        const int socksRow = rowOf(socksId);
        QVERIFY(socksRow >= 0);
        QCOMPARE(sale().view().lines.at(socksRow).quantity, 3);
        QCOMPARE(sale().view().lines.at(socksRow).lineTotal, Core::Money::fromCents(998));

        // The multi-use coupon, offline.
        const Core::Money beforeCoupon = sale().view().total;
        click("couponButton");
        QVERIFY(m_window->couponSheet()->isOpen());
        find<QLineEdit>("couponField")->setText(couponCode);
        click("couponApply");
        QVERIFY2(
            !m_window->couponSheet()->isOpen(), qPrintable(find<QLabel>("couponError")->text()));
        QCOMPARE(sale().view().couponCodes, QStringList { couponCode });
        QVERIFY(sale().view().total < beforeCoupon);

        // € 15,00 off the € 60,00 jacket is above a cashier's limit: the override sheet asks
        // a manager, who approves with his PIN.
        const int jacketRow = rowOf(jacketId);
        QVERIFY(jacketRow >= 0);
        auto *basket = find<QTableWidget>("basketTable");
        QTableWidgetItem *cell = basket->item(jacketRow, 0);
        QVERIFY(cell);
        QTest::mouseClick(
            basket->viewport(), Qt::LeftButton, {}, basket->visualItemRect(cell).center());
        QCOMPARE(
            m_window->sellScreen()->selectedLineId(), sale().view().lines.at(jacketRow).lineId);
        const Core::Money beforeDiscount = sale().view().total;
        click("discountButton");
        QVERIFY(m_window->discountSheet()->isOpen());
        clickKeys("discount", QStringLiteral("1500"));
        click("discountReason1");
        click("discountApply");
        QVERIFY(m_window->overrideSheet()->isOpen());
        QCOMPARE(sale().view().total, beforeDiscount); // nothing until approved
        click(qPrintable(QStringLiteral("approverTile%1").arg(manager)));
        clickKeys("overridePin", QStringLiteral("9999"));
        click("overrideApprove");
        QVERIFY2(!m_window->overrideSheet()->isOpen(),
            qPrintable(find<QLabel>("overrideError")->text()));
        QVERIFY(sale().view().total < beforeDiscount);

        // Cash. The sale completes although the server is down; the engine's try fails.
        QSignalSpy cycles(m_engine.get(), &Sync::Client::SyncEngine::cycleFinished);
        click("payButton");
        QCOMPARE(m_window->currentScreen(), static_cast<QWidget *>(m_window->payScreen()));
        click("quickExact");
        click("payDone");
        QVERIFY(m_completed.has_value());
        QVERIFY(find<QPushButton>("newSaleButton")->isVisible()); // the UI says done
        const Core::Sale &done = m_completed->sale;
        QVERIFY(done.customer.has_value());
        QCOMPARE(done.customer->code, cardNumber());
        QVERIFY(done.pointsEarned > 0);
        m_pointsEarned = done.pointsEarned;
        QCOMPARE(done.couponCodes, QStringList { couponCode });
        bool threeForTwo = false, coupon = false, manual = false;
        for (const Core::SaleLine &line : done.lines) {
            for (const Core::Adjustment &adjustment : line.adjustments) {
                threeForTwo |= adjustment.kind == Core::AdjustmentKind::Promotion
                    && adjustment.sourceId == QLatin1String("PR-SOCKS-3V2")
                    && adjustment.amount == Core::Money::fromCents(499);
                coupon |= adjustment.kind == Core::AdjustmentKind::Coupon;
                manual |= adjustment.kind == Core::AdjustmentKind::Manual
                    && adjustment.approvedBy == manager
                    && adjustment.amount == Core::Money::fromCents(1500);
            }
        }
        QVERIFY(threeForTwo);
        QVERIFY(coupon);
        QVERIFY(manual);
        QCOMPARE(done.authorisations.size(), 1);
        QCOMPARE(done.authorisations.constFirst().approvedBy, manager);
        QCOMPARE(done.authorisations.constFirst().requestedBy, cashier);

        const QList<Store::OutboxEvent> pending = pendingSales();
        QCOMPARE(pending.size(), 1);
        m_saleEvent = pending.constFirst();
        QCOMPARE(QJsonDocument::fromJson(m_saleEvent.payload)
                     .object()
                     .value(QStringLiteral("saleId"))
                     .toString(),
            done.saleId);
        // The sale asked the engine to send it; offline, that cycle failed and kept it.
        QTRY_VERIFY_WITH_TIMEOUT(!cycles.isEmpty(), syncTimeoutMs);
        QVERIFY(!cycles.first().first().toBool());
        QCOMPARE(pendingSales().size(), 1);
        QTRY_COMPARE(m_terminal->syncStatus().overview().pendingEvents, 1);
        // The tablet's balance: last known server balance + its own pending points.
        QCOMPARE(m_terminal->customers().pointsOf(cardNumber()).value(),
            startingPoints + m_pointsEarned);
        click("newSaleButton");
    }

    void serverBackOnlineAcceptsTheSaleAndCreditsPointsOnce()
    {
        QVERIFY2(m_window, "no window: an earlier step failed");
        const qint64 salesBefore = serverSales();
        QCOMPARE(ledgerRows(), 0);
        // A real restart on the same database. The tablet knows the server by its URL, so the
        // restart uses the same port; should the port have been taken meanwhile, the server
        // starts elsewhere and the tablet is told its new address (synctool set-server).
        if (!m_server.restartOnSamePort()) {
            qWarning("the server's port was taken meanwhile: it moves, the tablet is told");
            QVERIFY(m_server.start());
            int code = 0;
            const QString moved = runSyncTool(m_cache,
                { QStringLiteral("set-server"), m_server.url(QString()).toString() }, &code);
            QVERIFY2(code == 0, qPrintable(moved));
            makeEngine();
        }
        m_progress.clear();
        const std::optional<bool> cycle = syncCycle();
        QVERIFY2(cycle.has_value(), "the push did not finish in time");
        QVERIFY2(*cycle, qPrintable(m_engine->state().lastErrorCode));
        QVERIFY2(progressed(QStringLiteral("pushed 1 (applied 1, duplicate 0, rejected 0)")),
            qPrintable(m_progress.join(QLatin1Char('\n'))));
        QVERIFY(pendingSales().isEmpty());
        QTRY_COMPARE(m_terminal->syncStatus().overview().pendingEvents, 0);
        QCOMPARE(m_terminal->syncStatus().overview().rejectedEvents, 0);

        const QString saleId = QJsonDocument::fromJson(m_saleEvent.payload)
                                   .object()
                                   .value(QStringLiteral("saleId"))
                                   .toString();
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM events WHERE event_id = ? "
                                                "AND status = 'applied'"),
                     { m_saleEvent.eventId }),
            1);
        QCOMPARE(serverSales(), salesBefore + 1);
        QCOMPARE(m_server.scalar(
                     QStringLiteral("SELECT customer_id FROM sales WHERE sale_id = ?"), { saleId }),
            customerId);
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM sale_authorisations")), 1);
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM loyalty_ledger WHERE "
                                                "sale_id = ?"),
                     { saleId }),
            1);
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT points FROM loyalty_ledger WHERE "
                                                "sale_id = ?"),
                     { saleId }),
            m_pointsEarned);
        QCOMPARE(ledgerRows(), 1);
        QCOMPARE(serverBalance(), startingPoints + m_pointsEarned);
        // The tablet pulled the new balance and no longer adds the points as pending.
        QCOMPARE(m_terminal->customers().pointsOf(cardNumber()).value(),
            startingPoints + m_pointsEarned);
    }

    void replayingTheBatchCreditsNothingAgain()
    {
        QVERIFY2(m_window, "no window: an earlier step failed");
        const qint64 salesBefore = serverSales();
        const qint64 balanceBefore = serverBalance();
        // 1. The same batch, byte for byte the tablet's event, sent again over HTTP.
        auto config = Sync::Client::DeviceConfig::load(m_terminal->database());
        QVERIFY2(config, config ? "" : qPrintable(config.error().detail));
        Sync::Protocol::PushRequest batch;
        batch.deviceId = config->deviceId;
        Sync::Protocol::EventEnvelope envelope;
        envelope.eventId = m_saleEvent.eventId;
        envelope.deviceId = config->deviceId;
        envelope.deviceSeq = m_saleEvent.deviceSeq;
        envelope.type = m_saleEvent.type;
        envelope.staffId = m_saleEvent.staffId;
        envelope.occurredAt = m_saleEvent.occurredAt;
        envelope.payload = QJsonDocument::fromJson(m_saleEvent.payload).object();
        batch.events.append(envelope);
        const HttpAnswer replay = m_server.request(
            "POST", QStringLiteral("/v1/events"), toBody(batch.toJson()), config->token);
        QVERIFY2(replay.status == 200, replay.body.constData());
        const QJsonObject result
            = replay.json.value(QStringLiteral("results")).toArray().at(0).toObject();
        QCOMPARE(result.value(QStringLiteral("eventId")).toString(), m_saleEvent.eventId);
        QCOMPARE(result.value(QStringLiteral("outcome")).toString(), QStringLiteral("duplicate"));
        QCOMPARE(serverSales(), salesBefore);
        QCOMPARE(ledgerRows(), 1);
        QCOMPARE(serverBalance(), balanceBefore);

        // 2. The acknowledged event put back into the outbox (as if the answer had been lost):
        // the engine sends it again, the server says duplicate, the tablet lets it go.
        QVERIFY(
            cacheExec(QStringLiteral("INSERT INTO outbox(device_seq, event_id, type, "
                                     "staff_id, occurred_at, payload) VALUES(?, ?, ?, ?, ?, ?)"),
                { m_saleEvent.deviceSeq, m_saleEvent.eventId, m_saleEvent.type, m_saleEvent.staffId,
                    m_saleEvent.occurredAt.toString(Qt::ISODateWithMs),
                    QString::fromUtf8(m_saleEvent.payload) }));
        QCOMPARE(pendingSales().size(), 1);
        m_progress.clear();
        const std::optional<bool> cycle = syncCycle();
        QVERIFY(cycle.has_value());
        QVERIFY2(*cycle, qPrintable(m_engine->state().lastErrorCode));
        QVERIFY2(progressed(QStringLiteral("pushed 1 (applied 0, duplicate 1, rejected 0)")),
            qPrintable(m_progress.join(QLatin1Char('\n'))));
        QVERIFY(pendingSales().isEmpty());
        QCOMPARE(serverSales(), salesBefore);
        QCOMPARE(ledgerRows(), 1);
        QCOMPARE(serverBalance(), balanceBefore);
        QCOMPARE(m_terminal->customers().pointsOf(cardNumber()).value(), balanceBefore);
    }

    void saleAtAPriceNoRuleExplainsIsRejected()
    {
        QVERIFY2(m_window, "no window: an earlier step failed");
        // A second sale on the same tablet, for the same customer, tampered in the outbox
        // before the push: product 1 at € 9,00, a price no catalog version ever had. The sale
        // adds up in itself (VAT, total, tender, points), so only the price is wrong.
        const qint64 salesBefore = serverSales();
        const qint64 balanceBefore = serverBalance();
        const qint64 ledgerBefore = ledgerRows();

        // The engine's trigger parked while the sale is recorded and tampered.
        disconnect(&m_terminal->sale(), &Services::SaleService::saleCompleted, m_engine.get(),
            &Sync::Client::SyncEngine::syncNow);
        QVERIFY(sale().attachCustomer(cardNumber()));
        QVERIFY(sale().addProduct(plainProduct));
        auto paid = sale().payCash(Core::Money::fromCents(1000));
        QVERIFY2(paid, paid ? "" : qPrintable(paid.error().message));
        const QList<Store::OutboxEvent> pending = pendingSales();
        QCOMPARE(pending.size(), 1);
        const Store::OutboxEvent event = pending.constFirst();
        auto parsed = Sync::Protocol::saleFromJson(QJsonDocument::fromJson(event.payload).object());
        QVERIFY2(parsed, parsed ? "" : qPrintable(parsed.error().detail));
        Core::Sale tampered = parsed.value();
        QCOMPARE(tampered.lines.size(), 1);
        tampered.lines[0].unitPrice = Core::Money::fromCents(900);
        tampered.lines[0].regularPrice = tampered.lines[0].unitPrice;
        tampered.rounding = Core::Money();
        finishSale(tampered);
        tampered.pointsEarned = Core::pointsEarned(tampered, Core::LoyaltyRules::defaults());
        QVERIFY(tampered.pointsEarned > 0); // a credit that must not happen
        const QJsonObject payload = Sync::Protocol::saleToJson(tampered);
        auto consistent = Sync::Protocol::saleFromJson(payload);
        QVERIFY2(consistent, consistent ? "" : qPrintable(consistent.error().detail));
        QVERIFY(cacheExec(QStringLiteral("UPDATE outbox SET payload = ? WHERE event_id = ?"),
            { QString::fromUtf8(toBody(payload)), event.eventId }));

        m_progress.clear();
        const std::optional<bool> cycle = syncCycle();
        QVERIFY(cycle.has_value());
        QVERIFY2(*cycle, qPrintable(m_engine->state().lastErrorCode));
        QVERIFY2(progressed(QStringLiteral("pushed 1 (applied 0, duplicate 0, rejected 1)")),
            qPrintable(m_progress.join(QLatin1Char('\n'))));

        // The server: rejected with its reason, nothing written.
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM events WHERE event_id = ? "
                                                "AND status = 'rejected' AND reason_code = ?"),
                     { event.eventId, QStringLiteral("sale.price_unexplained") }),
            1);
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM sales WHERE sale_id = ?"),
                     { tampered.saleId }),
            0);
        QCOMPARE(serverSales(), salesBefore);
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM loyalty_ledger WHERE "
                                                "sale_id = ? OR event_id = ?"),
                     { tampered.saleId, event.eventId }),
            0);
        QCOMPARE(ledgerRows(), ledgerBefore);
        QCOMPARE(serverBalance(), balanceBefore);

        // The tablet: kept for a supervisor, who sees the reason code.
        QTRY_COMPARE(m_terminal->syncStatus().overview().rejectedEvents, 1);
        auto rejected = m_terminal->syncStatus().rejectedEvents();
        QVERIFY(rejected);
        QCOMPARE(rejected->size(), 1);
        QCOMPARE(rejected->constFirst().eventId, event.eventId);
        QCOMPARE(rejected->constFirst().reasonCode, QStringLiteral("sale.price_unexplained"));
    }
};

QTEST_MAIN(TestCheckoutServer)
#include "tst_checkoutserver.moc"
