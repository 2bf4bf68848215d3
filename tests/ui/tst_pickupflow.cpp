// Issue 11's "done when" for reservations and click-and-collect, end to end through two real
// windows (offscreen) and a real toonbank-server over HTTPS (SQLite):
// 1. Tablet A (AMS01) opens a product, taps "Reserve" on Utrecht's stock row, the reserve sheet
//    refuses more than is available there, then reserves 1 and shows the six-digit code.
// 2. Tablet B (UTR01) syncs: its Pickup screen lists the reservation; a wrong code is refused in
//    plain words, the right one verifies; Hand over puts the product in the basket; the event
//    reaches the server and the hold is collected there.
// 3. A web order ready at UTR01 is handed over partly (ID checked), then the rest (code); a
//    second handover of the collected order is refused; the server holds it collected.
// 4. Five wrong codes for one order lock its code check: the screen says so plainly, the keypad
//    goes, only "ID checked" remains.
// Screenshots of the Pickup screen (list, detail, error, locked) and the reserve sheet (form,
// error, code), nl and en, landscape and portrait.
#include "app/services/livestock.h"
#include "app/services/pickupservice.h"
#include "app/services/reservationservice.h"
#include "app/services/saleservice.h"
#include "app/services/session.h"
#include "app/services/syncstatus.h"
#include "app/services/terminal.h"
#include "tests/ui/flowfixture.h"
#include "ui/pickupscreen.h"
#include "ui/productscreen.h"
#include "ui/reservesheet.h"
#include "ui/sellscreen.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Toonbank;
using namespace Toonbank::Tests;

namespace {

constexpr qint64 ann = 7; // cashier, AMS01, PIN 1234 (ServerFixture::seed)
constexpr qint64 bob = 8; // supervisor, UTR01, PIN 5678
constexpr qint64 productId = 1; // SKU1, stock 100 in both stores
constexpr qint64 utrechtId = 2;
const QString webOrderNumber = QStringLiteral("W-20077");
const QString webCode = QStringLiteral("305117");

/// One tablet with the live stock its product screen asks.
struct Tablet : FlowTablet
{
    std::unique_ptr<Services::LiveStock> liveStock;
};

} // namespace

class TestPickupFlow final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    ServerFixture m_server;
    Tablet m_a;
    Tablet m_b;
    FlowUi m_ui;
    QString m_holdId;
    QString m_holdCode;

    template <typename T> T *find(Tablet &t, const QString &name)
    {
        return findNamed<T>(t.window.get(), qPrintable(name));
    }
    void click(Tablet &t, const QString &name) { tapButton(t.window.get(), qPrintable(name)); }
    QString text(Tablet &t, const QString &name)
    {
        auto *label = find<QLabel>(t, name);
        return label ? label->text() : QString();
    }

    void syncNow(Tablet &t) { t.syncNow(); }
    void shots(Tablet &t, const QString &name)
    {
        Tests::shots(t.window.get(), *m_ui.language, name);
    }

    void openTablet(Tablet &t, const QString &store, qint64 staff, const QString &pin)
    {
        t.open(m_server, m_dir.filePath(store + QStringLiteral(".sqlite")), store);
        if (QTest::currentTestFailed())
            return;
        t.createWindow(m_ui);
        t.window->setPickupService(t.terminal->pickups(), t.terminal->reservations());
        // As main() wires it: the product screen knows whether the server answers.
        t.liveStock
            = std::make_unique<Services::LiveStock>(t.terminal->lookups(), t.terminal->catalog());
        t.window->productScreen()->setLiveStock(t.liveStock.get());
        t.showAndLogIn(staff, pin);
    }

    void openPickupFromMenu(Tablet &t)
    {
        openFromMenu(t.window.get(), QStringLiteral("Pickup"));
        QCOMPARE(t.window->currentScreen(), static_cast<QWidget *>(t.window->pickupScreen()));
    }

    void typeCode(Tablet &t, const QString &code)
    {
        for (QChar digit : code)
            click(t, QStringLiteral("pickupKey%1").arg(digit));
    }

private slots:
    void initTestCase()
    {
        prepareDevice(m_dir, "8899aabbccddeeff0011223344556677");
        m_ui.start(false);
    }
    void cleanupTestCase()
    {
        for (Tablet *t : { &m_a, &m_b }) {
            t->window.reset();
            t->liveStock.reset();
            t->reset();
        }
    }

    void serverWithAWebOrderReadyInUtrecht()
    {
        QVERIFY(m_server.seed(5));
        // Utrecht has 3 of product 1.
        QVERIFY(m_server.admin({ QStringLiteral("import"), QStringLiteral("stock"),
            writeFile(m_dir, QStringLiteral("stock.csv"),
                "sku,locationCode,quantity\nSKU1,UTR01,3\n") }));
        const QDate today = QDate::currentDate();
        const QJsonObject order {
            { QStringLiteral("id"), 7001 },
            { QStringLiteral("orderNumber"), webOrderNumber },
            { QStringLiteral("locationCode"), QStringLiteral("UTR01") },
            { QStringLiteral("status"), QStringLiteral("ordered") },
            { QStringLiteral("channel"), QStringLiteral("web") },
            { QStringLiteral("orderedAt"),
                QDateTime(today.addDays(-2), QTime(10, 0), Qt::UTC).toString(Qt::ISODate) },
            { QStringLiteral("totalCents"), 3000 },
            { QStringLiteral("lines"),
                QJsonArray { QJsonObject { { QStringLiteral("lineId"), QStringLiteral("1") },
                                 { QStringLiteral("sku"), QStringLiteral("SKU2") },
                                 { QStringLiteral("name"), QStringLiteral("Product 2") },
                                 { QStringLiteral("quantity"), 2 },
                                 { QStringLiteral("unitPriceCents"), 1000 },
                                 { QStringLiteral("lineTotalCents"), 2000 },
                                 { QStringLiteral("vatBasisPoints"), 2100 } },
                    QJsonObject { { QStringLiteral("lineId"), QStringLiteral("2") },
                        { QStringLiteral("sku"), QStringLiteral("SKU3") },
                        { QStringLiteral("name"), QStringLiteral("Product 3") },
                        { QStringLiteral("quantity"), 1 },
                        { QStringLiteral("unitPriceCents"), 1000 },
                        { QStringLiteral("lineTotalCents"), 1000 },
                        { QStringLiteral("vatBasisPoints"), 2100 } } } },
            { QStringLiteral("tenders"),
                QJsonArray { webCardTender(3000, QStringLiteral("PSP-1"),
                    QDateTime(today.addDays(-2), QTime(10, 1), Qt::UTC)) } },
        };
        importWebOrder(m_server, m_dir, order);
        QVERIFY(!QTest::currentTestFailed());
        // Ready for pickup at Utrecht since yesterday, with the customer's pickup code (as the
        // web shop's fulfilment marks it).
        const QString readyAt
            = QDateTime::currentDateTimeUtc().addSecs(-26 * 3600).toString(Qt::ISODateWithMs);
        QVERIFY(m_server.scalar(
                    QStringLiteral(
                        "UPDATE web_orders SET status = 'ready', code_hash = ?, ready_at = ?, "
                        "data = json_set(data, '$.details.customerName', 'Fenna Hoekstra', "
                        "'$.details.customerPhone', '+31645678901') WHERE order_number = ? "
                        "RETURNING id"),
                    { Core::pickupCodeHash(webOrderNumber, webCode), readyAt, webOrderNumber })
            > 0);
        QVERIFY(m_server.start());
    }

    void tabletAReservesInUtrecht()
    {
        openTablet(m_a, QStringLiteral("AMS01"), ann, QStringLiteral("1234"));
        QVERIFY(!QTest::currentTestFailed());
        emit m_a.window->sellScreen()->productRequested(productId);
        QCOMPARE(m_a.window->currentScreen(), static_cast<QWidget *>(m_a.window->productScreen()));
        click(m_a, QStringLiteral("reserve%1").arg(utrechtId));
        Ui::ReserveSheet *sheet = m_a.window->reserveSheet();
        QVERIFY(sheet->isOpen());
        QVERIFY(text(m_a, QStringLiteral("reserveWhere")).contains(QStringLiteral("Utrecht")));
        find<QLineEdit>(m_a, QStringLiteral("reserveName"))
            ->setText(QStringLiteral("Sanne de Jong"));
        find<QLineEdit>(m_a, QStringLiteral("reservePhone"))
            ->setText(QStringLiteral("06 12345678"));
        shots(m_a, QStringLiteral("60-reserve-sheet"));

        // More than Utrecht has: the server refuses, the sheet says how many there are.
        for (int i = 0; i < 3; ++i)
            click(m_a, QStringLiteral("reservePlus"));
        QCOMPARE(text(m_a, QStringLiteral("reserveQuantity")), QStringLiteral("4"));
        click(m_a, QStringLiteral("reserveConfirm"));
        QVERIFY(!sheet->lastReservation());
        QCOMPARE(
            text(m_a, QStringLiteral("reserveError")), QStringLiteral("Only 3 available there."));
        shots(m_a, QStringLiteral("61-reserve-sheet-unavailable"));
        for (int i = 0; i < 3; ++i)
            click(m_a, QStringLiteral("reserveMinus"));
        QCOMPARE(text(m_a, QStringLiteral("reserveQuantity")), QStringLiteral("1"));

        // One piece, through the sheet.
        QSignalSpy reserved(sheet, &Ui::ReserveSheet::reserved);
        click(m_a, QStringLiteral("reserveConfirm"));
        QCOMPARE(reserved.size(), 1);
        QVERIFY2(sheet->lastReservation(), qPrintable(text(m_a, QStringLiteral("reserveError"))));
        m_holdId = sheet->lastReservation()->holdId;
        m_holdCode = sheet->lastReservation()->pickupCode;
        QCOMPARE(m_holdCode.size(), 6);
        QCOMPARE(text(m_a, QStringLiteral("reserveCode")).remove(QLatin1Char(' ')), m_holdCode);
        QVERIFY(text(m_a, QStringLiteral("reserveUntil")).startsWith(QStringLiteral("Held until")));
        shots(m_a, QStringLiteral("62-reserve-sheet-code"));
        click(m_a, QStringLiteral("reserveClose"));
        QCOMPARE(m_server.text(
                     QStringLiteral("SELECT status FROM holds WHERE hold_id = ?"), { m_holdId }),
            QStringLiteral("held"));
        QCOMPARE(
            m_server.scalar(
                QStringLiteral("SELECT held FROM stock WHERE product_id = ? AND location_id = ?"),
                { productId, utrechtId }),
            1);
    }

    void tabletBHandsOverTheReservation()
    {
        QVERIFY(!m_holdId.isEmpty());
        openTablet(m_b, QStringLiteral("UTR01"), bob, QStringLiteral("5678"));
        QVERIFY(!QTest::currentTestFailed());
        openPickupFromMenu(m_b);
        // Oldest first: the web order (ready since yesterday), then the reservation.
        auto list = m_b.terminal->pickups().list();
        QVERIFY(list);
        QCOMPARE(list->size(), 2);
        QCOMPARE(list->at(0).reference, webOrderNumber);
        QCOMPARE(list->at(1).reference, m_holdId);
        QCOMPARE(list->at(1).customerName, QStringLiteral("Sanne de Jong"));
        QVERIFY(find<QPushButton>(m_b, QStringLiteral("pickupRow_") + m_holdId));
        QVERIFY(!find<QPushButton>(m_b, QStringLiteral("pickupHandOver"))->isEnabled());
        shots(m_b, QStringLiteral("63-pickup-list"));

        click(m_b, QStringLiteral("pickupRow_") + m_holdId);
        QVERIFY(text(m_b, QStringLiteral("pickupHeader")).contains(m_holdId.left(13)));
        QVERIFY(!find<QPushButton>(m_b, QStringLiteral("pickupHandOver"))->isEnabled());
        // A wrong code: refused in plain words, nothing handed over.
        QString wrong = m_holdCode;
        wrong[0] = wrong[0] == QLatin1Char('9') ? QLatin1Char('1') : QLatin1Char('9');
        typeCode(m_b, wrong);
        QVERIFY(text(m_b, QStringLiteral("pickupMessage")).contains(QStringLiteral("code")));
        QVERIFY(!find<QPushButton>(m_b, QStringLiteral("pickupHandOver"))->isEnabled());
        QVERIFY(!m_b.terminal->pickups().verification(m_holdId));
        shots(m_b, QStringLiteral("64-pickup-wrong-code"));
        // The right code.
        typeCode(m_b, m_holdCode);
        QCOMPARE(*m_b.terminal->pickups().verification(m_holdId), Core::PickupVerification::Code);
        QVERIFY(find<QPushButton>(m_b, QStringLiteral("pickupHandOver"))->isEnabled());
        shots(m_b, QStringLiteral("65-pickup-verified"));
        click(m_b, QStringLiteral("pickupHandOver"));
        // The product is in the basket to be paid; the sell screen says so.
        QCOMPARE(m_b.window->currentScreen(), static_cast<QWidget *>(m_b.window->sellScreen()));
        const auto &lines = m_b.terminal->sale().view().lines;
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines.first().productId, productId);
        QCOMPARE(lines.first().quantity, 1);

        // The event reaches the server: the hold is collected there, the unit no longer held.
        syncNow(m_b);
        QCOMPARE(m_server.text(
                     QStringLiteral("SELECT status FROM holds WHERE hold_id = ?"), { m_holdId }),
            QStringLiteral("collected"));
        QCOMPARE(
            m_server.scalar(
                QStringLiteral("SELECT held FROM stock WHERE product_id = ? AND location_id = ?"),
                { productId, utrechtId }),
            0);
        QCOMPARE(m_server.scalar(
                     QStringLiteral(
                         "SELECT quantity FROM stock WHERE product_id = ? AND location_id = ?"),
                     { productId, utrechtId }),
            3); // the sale that pays it moves the unit
    }

    void tabletBHandsOverTheWebOrderPartlyThenFully()
    {
        QVERIFY(m_b.window);
        openPickupFromMenu(m_b);
        QCOMPARE(m_b.terminal->pickups().list()->size(), 1);
        click(m_b, QStringLiteral("pickupRow_") + webOrderNumber);
        // The customer has no code with them: staff check their ID; one of the two of line 1.
        click(m_b, QStringLiteral("pickupIdChecked"));
        click(m_b, QStringLiteral("pickupMinus_1"));
        click(m_b, QStringLiteral("pickupMinus_2"));
        QCOMPARE(text(m_b, QStringLiteral("pickupCount_1")), QStringLiteral("1"));
        QCOMPARE(text(m_b, QStringLiteral("pickupCount_2")), QStringLiteral("0"));
        shots(m_b, QStringLiteral("66-pickup-web-order-partial"));
        click(m_b, QStringLiteral("pickupHandOver"));
        QVERIFY2(text(m_b, QStringLiteral("pickupMessage")).contains(QStringLiteral("1 item")),
            qPrintable(text(m_b, QStringLiteral("pickupMessage"))));
        QVERIFY(m_b.terminal->sale().view().lines.size() == 1); // a web order is paid already
        auto partly = m_b.terminal->pickups().pickup(webOrderNumber);
        QCOMPARE(partly->status, Core::PickupStatus::PartlyCollected);
        syncNow(m_b);
        QCOMPARE(
            m_server.text(QStringLiteral("SELECT status FROM web_orders WHERE order_number = ?"),
                { webOrderNumber }),
            QStringLiteral("partly_collected"));

        // The rest, with the code.
        click(m_b, QStringLiteral("pickupRow_") + webOrderNumber);
        typeCode(m_b, webCode);
        QCOMPARE(text(m_b, QStringLiteral("pickupCount_1")), QStringLiteral("1"));
        QCOMPARE(text(m_b, QStringLiteral("pickupCount_2")), QStringLiteral("1"));
        click(m_b, QStringLiteral("pickupHandOver"));
        QVERIFY(text(m_b, QStringLiteral("pickupMessage")).contains(QStringLiteral("complete")));
        QCOMPARE(m_b.terminal->pickups().list()->size(), 0);
        QVERIFY(find<QLabel>(m_b, QStringLiteral("pickupListEmpty"))->isVisible());
        shots(m_b, QStringLiteral("67-pickup-all-done"));

        // A second handover of the collected order is refused.
        QVERIFY(m_b.terminal->pickups().confirmId(webOrderNumber));
        auto again
            = m_b.terminal->pickups().handOver(webOrderNumber, { { QStringLiteral("1"), 1 } });
        QVERIFY(!again);
        QCOMPARE(again.error().code, QStringLiteral("pickup.already_collected"));

        syncNow(m_b);
        QCOMPARE(
            m_server.text(QStringLiteral("SELECT status FROM web_orders WHERE order_number = ?"),
                { webOrderNumber }),
            QStringLiteral("collected"));
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM pickup_handovers")), 3);
        QCOMPARE(m_b.terminal->syncStatus().overview().rejectedEvents, 0);
        // The code travelled to the server for its own check, and was not kept there.
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM events WHERE payload LIKE ?"),
                     { QStringLiteral("%") + webCode + QStringLiteral("%") }),
            0);
    }

    void tabletBLocksTheCodeAfterFiveWrongOnes()
    {
        QVERIFY(m_b.window);
        // One more order ready at Utrecht, as the pickups feed brings it.
        Store::StoredPickup p;
        p.reference = QStringLiteral("W-20078");
        p.kind = Core::PickupKind::WebOrder;
        p.locationId = utrechtId;
        p.customerName = QStringLiteral("Joris Bakker");
        p.codeHash = Core::pickupCodeHash(p.reference, QStringLiteral("271828"));
        p.readyAt = QDateTime::currentDateTimeUtc().addSecs(-3600);
        p.lines = { { QStringLiteral("1"), 2, QStringLiteral("SKU2"), QStringLiteral("Product 2"),
            1, 0 } };
        QVERIFY(m_b.terminal->pickups().store().upsertFromFeed(p));
        m_b.window->pickupScreen()->refresh();
        click(m_b, QStringLiteral("pickupRow_") + p.reference);
        for (int i = 1; i < Core::maxWrongPickupCodes; ++i) {
            typeCode(m_b, QStringLiteral("00000%1").arg(i));
            QVERIFY(text(m_b, QStringLiteral("pickupMessage")).contains(QStringLiteral("code")));
            QVERIFY(find<QWidget>(m_b, QStringLiteral("pickupKeypad"))->isVisible());
        }
        typeCode(m_b, QStringLiteral("000009"));
        const QString locked
            = QStringLiteral("Too many wrong codes. Check the customer's ID instead.");
        QCOMPARE(text(m_b, QStringLiteral("pickupVerified")), locked);
        QVERIFY(find<QLabel>(m_b, QStringLiteral("pickupVerified"))->isVisible());
        QVERIFY(text(m_b, QStringLiteral("pickupMessage")).isEmpty()); // said once
        QVERIFY(!find<QWidget>(m_b, QStringLiteral("pickupKeypad"))->isVisible());
        QVERIFY(!find<QWidget>(m_b, QStringLiteral("pickupCheckCode"))->isVisible());
        QVERIFY(find<QPushButton>(m_b, QStringLiteral("pickupIdChecked"))->isVisible());
        QVERIFY(!find<QPushButton>(m_b, QStringLiteral("pickupHandOver"))->isEnabled());
        shots(m_b, QStringLiteral("68-pickup-code-locked"));
        // Still locked when the screen is opened again.
        m_b.window->pickupScreen()->refresh();
        click(m_b, QStringLiteral("pickupRow_") + p.reference);
        QCOMPARE(text(m_b, QStringLiteral("pickupVerified")), locked);
        QVERIFY(!find<QWidget>(m_b, QStringLiteral("pickupKeypad"))->isVisible());
        // Only the ID check is left, and it works.
        click(m_b, QStringLiteral("pickupIdChecked"));
        QVERIFY(find<QPushButton>(m_b, QStringLiteral("pickupHandOver"))->isEnabled());
    }

    void tabletBReleasesAnOverdueOrder()
    {
        QVERIFY(m_b.window);
        // Ready for 9 days (the store releases after 7): Bob, a supervisor, may release it.
        Store::StoredPickup p;
        p.reference = QStringLiteral("W-20079");
        p.kind = Core::PickupKind::WebOrder;
        p.locationId = utrechtId;
        p.customerName = QStringLiteral("Noor Visser");
        p.codeHash = Core::pickupCodeHash(p.reference, QStringLiteral("314159"));
        p.readyAt = QDateTime::currentDateTimeUtc().addDays(-9);
        p.lines = { { QStringLiteral("1"), 1, QStringLiteral("SKU3"), QStringLiteral("Product 3"),
            1, 0 } };
        QVERIFY(m_b.terminal->pickups().store().upsertFromFeed(p));
        m_b.window->pickupScreen()->refresh();
        click(m_b, QStringLiteral("pickupRow_") + p.reference);
        auto *release = find<QPushButton>(m_b, QStringLiteral("pickupNotCollected"));
        QVERIFY(release->isVisible());
        QVERIFY(release->isEnabled());
        shots(m_b, QStringLiteral("69-pickup-overdue"));
        // Every button of the screen shows its whole label, in portrait too.
        for (auto *button : m_b.window->pickupScreen()->findChildren<QPushButton *>()) {
            if (button->isVisible())
                QVERIFY2(button->width() >= button->minimumSizeHint().width(),
                    qPrintable(button->objectName() + QLatin1String(": ") + button->text()));
        }
        click(m_b, QStringLiteral("pickupNotCollected"));
        QVERIFY2(text(m_b, QStringLiteral("pickupMessage")).contains(p.reference),
            qPrintable(text(m_b, QStringLiteral("pickupMessage"))));
        QVERIFY(!m_b.window->findChild<QWidget *>(QStringLiteral("pickupRow_") + p.reference));
    }
};

QTEST_MAIN(TestPickupFlow)
#include "tst_pickupflow.moc"
