// Checkout II's "done when" for the pay screen, end to end through the real window (offscreen):
// a real toonbank-server (SQLite) that knows a gift card (`toonbank-admin import gift-cards`),
// a tablet cache enrolled by toonbank-synctool and synced by the SyncEngine, and the real
// toonbank-terminal-sim process behind NexoHttpTerminal, as main() wires them.
// 1. One sale paid by card + gift card + cash (rounded, both totals on screen).
// 2. A sale whose card answer is lost: the pay screen says it is checking, TransactionStatus
//    settles it, the sale completes; the terminal charged once.
// 3. A declined card, then another card: declined in plain words with what to do next, then
//    approved; the sale carries the approved card only.
// Afterwards: each sale recorded once with its tenders, the terminal charged exactly the card
// parts, once. Screenshots of every state in nl and en, landscape and portrait.
#include "app/core/barcode.h"
#include "app/devices/paymentterminal.h"
#include "app/services/customerservice.h"
#include "app/services/paymentservice.h"
#include "app/services/receiptservice.h"
#include "app/services/saleservice.h"
#include "app/services/serverlookups.h"
#include "app/services/session.h"
#include "app/services/syncstatus.h"
#include "app/services/terminal.h"
#include "tests/support/terminalsimprocess.h"
#include "tests/ui/flowfixture.h"
#include "ui/confirmsheet.h"
#include "ui/emailreceiptsheet.h"
#include "ui/giftcardsheet.h"
#include "ui/loginscreen.h"
#include "ui/payscreen.h"
#include "ui/receiptscreen.h"
#include "ui/sellscreen.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QTest>

using namespace Toonbank;
using namespace Toonbank::Tests;

namespace {

constexpr qint64 cashier = 7; // Ann, AMS01, PIN 1234 (ServerFixture::seed)
constexpr qint64 headphonesId = 41; // € 39,99
constexpr qint64 cableId = 42; // € 12,34
const QString giftCard = QStringLiteral("6280001234567890"); // € 25,00 on the server

} // namespace

class TestPayFlow final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    ServerFixture m_server;
    TerminalSimProcess m_sim;
    FlowUi m_ui;
    FlowTablet m_tablet;

    Ui::MainWindow *window() { return m_tablet.window.get(); }
    Services::Terminal &terminal() { return *m_tablet.terminal; }
    template <typename T> T *find(const char *name) { return m_tablet.find<T>(name); }
    void click(const char *name) { m_tablet.click(name); }
    void typeAmount(const QString &digits)
    {
        for (QChar digit : digits)
            click(qPrintable(QStringLiteral("payKey%1").arg(digit)));
    }
    QString text(const char *name) { return m_tablet.text(name); }
    Services::SaleService &sale() { return terminal().sale(); }
    Services::PaymentService &payments() { return terminal().payments(); }
    QWidget *current() { return m_tablet.current(); }

    /// What is on screen now, in both languages and both orientations:
    /// <name>-<lang>-landscape.png / -portrait.png. Ends in English, landscape: the texts
    /// asserted are the English sources (the Dutch ones are translated afterwards).
    void shots(const QString &name)
    {
        Tests::shots(window(), *m_ui.language, name, ScreensDir::Ignore);
    }
    QList<QVariantList> cacheRows(const QString &sql, const QVariantList &params, int columns)
    {
        return m_tablet.cacheRows(sql, params, columns);
    }
    /// The tenders recorded for a sale in the tablet's ledger: method and amount.
    QList<QPair<QString, qint64>> recordedTenders(const QString &saleId)
    {
        QList<QPair<QString, qint64>> tenders;
        for (const QVariantList &row :
            cacheRows(
                QStringLiteral("SELECT p.method, p.amount_cents FROM sale_payments p JOIN sales "
                               "s ON s.id = p.sale_id WHERE s.sale_uuid = ? ORDER BY p.payment_no"),
                { saleId }, 2))
            tenders.append({ row.at(0).toString(), row.at(1).toLongLong() });
        return tenders;
    }
    int recordedSales(const QString &saleId)
    {
        return cacheRows(
            QStringLiteral("SELECT COUNT(*) FROM sales WHERE sale_uuid = ?"), { saleId }, 1)
            .value(0)
            .value(0)
            .toInt();
    }
    /// Approved card payments the terminal made for `saleId` (its own transaction list).
    int simPaymentsFor(const QString &saleId, qint64 *cents = nullptr)
    {
        int approved = 0;
        qint64 total = 0;
        const QJsonArray transactions = m_sim.transactions();
        for (const QJsonValue &value : transactions) {
            const QJsonObject transaction = value.toObject();
            if (transaction.value(QStringLiteral("saleTransactionId")).toString() != saleId)
                continue;
            if (transaction.value(QStringLiteral("kind")).toString() != QLatin1String("payment"))
                continue;
            if (transaction.value(QStringLiteral("state")).toString() != QLatin1String("approved"))
                continue;
            ++approved;
            total += transaction.value(QStringLiteral("amountCents")).toInteger();
        }
        if (cents)
            *cents = total;
        return approved;
    }

    void startSale()
    {
        QVERIFY(sale().addProduct(headphonesId));
        QVERIFY(sale().addProduct(cableId));
        QCOMPARE(sale().view().total, Core::Money::fromCents(5233));
        click("payButton");
        QCOMPARE(current(), static_cast<QWidget *>(window()->payScreen()));
        QVERIFY(payments().isOpen());
        // Nothing of an earlier sale: nothing paid, no tenders, no error.
        QCOMPARE(text("payTotal"), eur(5233));
        QCOMPARE(text("payPaid"), eur(0));
        QCOMPARE(text("payRemaining"), eur(5233));
        QVERIFY(!find<QWidget>("payTenders")->isVisible());
        QVERIFY(text("payError").isEmpty());
        // The terminal is there: the card is chosen first, for the whole remaining.
        QVERIFY(find<QPushButton>("payMethodCard")->isEnabled());
        QVERIFY(find<QPushButton>("payMethodCard")->isChecked());
        QCOMPARE(text("payTendered"), eur(5233));
    }

private slots:
    void initTestCase()
    {
        prepareDevice(m_dir, "00112233445566778899aabbccddeeff");
        QVERIFY(m_sim.start());
    }
    void cleanupTestCase()
    {
        m_ui.stop();
        m_tablet.reset();
    }

    void serverKnowsTheProductsAndTheGiftCard()
    {
        QVERIFY(m_server.seed(5));
        const QString headphones = QStringLiteral("871234500041");
        const QString cable = QStringLiteral("871234500042");
        QVERIFY(m_server.admin({ QStringLiteral("import"), QStringLiteral("products"),
            writeFile(m_dir, QStringLiteral("products.csv"),
                QStringLiteral("id,sku,name,brand,category,vatClass,priceCents,barcodes\n"
                               "%1,HEADPH,Headphones,Klank,Audio,standard,3999,%2\n"
                               "%3,CABLE,USB cable,Klank,Audio,standard,1234,%4\n"
                               // What a gift card line sells (SaleService::addGiftCard).
                               "900,GIFT-25,Gift card,Toonbank,Gift cards,zero,2500,\n")
                    .arg(headphonesId)
                    .arg(headphones + QString::number(Core::Barcode::checkDigit(headphones)))
                    .arg(cableId)
                    .arg(cable + QString::number(Core::Barcode::checkDigit(cable)))
                    .toUtf8()) }));
        QVERIFY(m_server.admin({ QStringLiteral("import"), QStringLiteral("gift-cards"),
            writeFile(m_dir, QStringLiteral("giftcards.csv"),
                QStringLiteral("number,balance,expires_on,issued_at,state\n"
                               "%1,25.00,2028-11-29,2026-11-29,active\n")
                    .arg(giftCard)
                    .toUtf8()) }));
        QVERIFY(m_server.start());
    }

    void tabletEnrolsSyncsAndOpensWithTheTerminal()
    {
        m_tablet.open(
            m_server, m_dir.filePath(QStringLiteral("tablet.sqlite")), QStringLiteral("AMS01"));
        QVERIFY(!QTest::currentTestFailed());

        m_tablet.cardTerminal = simCardTerminal(m_sim, 3000);
        payments().setTerminal(m_tablet.cardTerminal.get());
        payments().setStatusBackoff({ 300, 600, 1200, 2400 });
        payments().recover();

        m_ui.start();
        m_tablet.createWindow(m_ui);
        window()->setReceiptMailer(
            [this](const Services::CompletedSale &done, const QString &address) {
                return terminal().receipts().email(done, address);
            });
        m_tablet.showAndLogIn(cashier, QStringLiteral("1234"));
    }

    void cardPlusGiftCardPlusCash()
    {
        QVERIFY2(window(), "no window: an earlier step failed");
        startSale();

        // 1. € 20,00 by card; the customer takes a moment: the screen follows the terminal.
        QVERIFY(m_sim.queue(QStringLiteral("delay"), 4));
        typeAmount(QStringLiteral("2000"));
        QCOMPARE(text("payTendered"), eur(2000));
        QCOMPARE(
            find<QPushButton>("payDone")->text(), QStringLiteral("Pay %1 by card").arg(eur(2000)));
        click("payDone");
        QTRY_COMPARE(payments().view().terminal, Services::TerminalState::Waiting);
        QVERIFY(find<QWidget>("payTerminal")->isVisible());
        QCOMPARE(
            text("payTerminalHeadline"), QStringLiteral("Follow the instructions on the terminal"));
        QVERIFY(!find<QPushButton>("payDone")->isEnabled()); // nothing else while it runs
        QVERIFY(!find<QPushButton>("payCancel")->isEnabled());
        QVERIFY(find<QPushButton>("payStopCard")->isVisible());
        shots(QStringLiteral("40-pay-waiting-for-terminal"));
        QTRY_COMPARE_WITH_TIMEOUT(payments().view().paid, Core::Money::fromCents(2000), 15000);
        QTRY_COMPARE(text("payPaid"), eur(2000));
        QCOMPARE(text("payRemaining"), eur(3233));
        QCOMPARE(find<QLabel>("payTenderState0")->text(), QStringLiteral("Paid"));

        // 2. The gift card: scanned into its sheet, balance and expiry shown, € 25,00 used.
        click("payMethodGiftCard");
        QVERIFY(window()->giftCardSheet()->isOpen());
        find<QLineEdit>("giftCardNumber")->setText(giftCard);
        click("giftCardCheck");
        QVERIFY2(find<QLabel>("giftCardBalance")->isVisible(),
            qPrintable(find<QLabel>("giftCardError")->text()));
        QCOMPARE(
            find<QLabel>("giftCardBalance")->text(), QStringLiteral("Balance: %1").arg(eur(2500)));
        QVERIFY(find<QLabel>("giftCardExpiry")->text().contains(QStringLiteral("2028")));
        QCOMPARE(find<QLabel>("giftCardAmount")->text(), eur(2500));
        shots(QStringLiteral("41-pay-gift-card-sheet"));
        click("giftCardConfirm");
        QVERIFY2(!window()->giftCardSheet()->isOpen(),
            qPrintable(find<QLabel>("giftCardError")->text()));
        QCOMPARE(text("payPaid"), eur(4500));
        QCOMPARE(text("payRemaining"), eur(733));

        // 3. Cash for the rest: rounded to € 7,35, both totals on screen.
        click("payMethodCash");
        QVERIFY(find<QWidget>("payRoundingLine")->isVisible());
        QCOMPARE(text("payRounding"), QStringLiteral("+") + eur(2));
        QCOMPARE(text("payDue"), eur(735));
        QCOMPARE(text("payTotal"), eur(5233));
        click("quick10");
        QCOMPARE(text("payChange"), eur(265));
        QTRY_VERIFY(find<QLabel>("payTenderLabel1")->isVisible());
        shots(QStringLiteral("42-pay-split-rounding"));
        click("payDone");
        QTRY_COMPARE(current(), static_cast<QWidget *>(window()->receiptScreen()));
        QCOMPARE(m_tablet.sold.size(), 1);
        const Services::CompletedSale done = m_tablet.sold.constLast();

        // What the user sees: the tenders on the receipt screen.
        const QString tenders = text("receiptTenders");
        QVERIFY2(tenders.contains(done.sale.tenders.constFirst().maskedPan), qPrintable(tenders));
        QVERIFY2(tenders.contains(QStringLiteral("Gift card …7890: %1").arg(eur(2500))),
            qPrintable(tenders));
        QVERIFY2(tenders.contains(QStringLiteral("%1 left on the gift card").arg(eur(0))),
            qPrintable(tenders));
        QVERIFY2(
            tenders.contains(QStringLiteral("Cash: %1 (received %2)").arg(eur(735), eur(1000))),
            qPrintable(tenders));
        QCOMPARE(text("receiptChange"), eur(265));
        QVERIFY(find<QPushButton>("receiptEmail")->isEnabled());
        shots(QStringLiteral("43-receipt-tenders"));

        // E-mail: a malformed address is refused on the sheet, a good one queues the receipt.
        click("receiptEmail");
        QVERIFY(window()->emailReceiptSheet()->isOpen());
        find<QLineEdit>("emailAddress")->setText(QStringLiteral("noor@"));
        click("emailSend");
        QVERIFY(window()->emailReceiptSheet()->isOpen());
        QVERIFY(!find<QLabel>("emailError")->text().isEmpty());
        saveScreenshot(window(), QStringLiteral("43b-receipt-email-refused-en-landscape"));
        find<QLineEdit>("emailAddress")->setText(QStringLiteral("noor@example.nl"));
        click("emailSend");
        QVERIFY2(!window()->emailReceiptSheet()->isOpen(),
            qPrintable(find<QLabel>("emailError")->text()));
        QVERIFY(text("receiptEmailNote").contains(QStringLiteral("noor@example.nl")));

        // What is recorded: one sale, three tenders; the terminal charged € 20,00 once.
        QCOMPARE(recordedSales(done.saleId), 1);
        const QList<QPair<QString, qint64>> recorded = recordedTenders(done.saleId);
        QCOMPARE(recorded.size(), 3);
        QCOMPARE(recorded.at(0), qMakePair(QStringLiteral("card"), qint64(2000)));
        QCOMPARE(recorded.at(1), qMakePair(QStringLiteral("gift_card"), qint64(2500)));
        QCOMPARE(recorded.at(2), qMakePair(QStringLiteral("cash"), qint64(735)));
        QCOMPARE(done.sale.rounding, Core::Money::fromCents(2));
        qint64 charged = 0;
        QCOMPARE(simPaymentsFor(done.saleId, &charged), 1);
        QCOMPARE(charged, qint64(2000));
        click("newSaleButton");
    }

    void giftCardSoldAtTheTill()
    {
        QVERIFY2(window(), "no window: an earlier step failed");
        QCOMPARE(current(), static_cast<QWidget *>(window()->sellScreen()));
        click("giftCardButton");
        QVERIFY(window()->giftCardSheet()->isOpen());
        find<QLineEdit>("giftCardNumber")->setText(QStringLiteral("6280009999999999"));
        click("giftQuick25");
        QCOMPARE(find<QLabel>("giftCardAmount")->text(), eur(2500));
        shots(QStringLiteral("46-sell-gift-card-sheet"));
        click("giftCardConfirm");
        QVERIFY2(!window()->giftCardSheet()->isOpen(),
            qPrintable(find<QLabel>("giftCardError")->text()));
        QCOMPARE(sale().view().lines.size(), 1);
        QCOMPARE(sale().view().total, Core::Money::fromCents(2500));
        QCOMPARE(
            sale().draftLines().constFirst().giftCardNumber, QStringLiteral("6280009999999999"));
        shots(QStringLiteral("47-sell-gift-card-line"));
        click("clearButton");
        QVERIFY(sale().view().lines.isEmpty());
    }

    void lostCardAnswerIsRecoveredByTransactionStatus()
    {
        QVERIFY2(window(), "no window: an earlier step failed");
        startSale();
        // The terminal charges the card but its answer never reaches the tablet.
        QVERIFY(m_sim.queue(QStringLiteral("lose_answer")));
        click("payDone");
        QTRY_COMPARE_WITH_TIMEOUT(
            payments().view().terminal, Services::TerminalState::Checking, 15000);
        QCOMPARE(text("payTerminalHeadline"),
            QStringLiteral("No answer from the terminal — checking what happened…"));
        QVERIFY(!find<QPushButton>("payDone")->isEnabled()); // never paid blindly again
        QVERIFY(!find<QPushButton>("payCancel")->isEnabled());
        saveScreenshot(window(), QStringLiteral("44-pay-checking-en-landscape"));
        QTRY_COMPARE_WITH_TIMEOUT(
            current(), static_cast<QWidget *>(window()->receiptScreen()), 20000);
        QCOMPARE(m_tablet.sold.size(), 2);
        const Services::CompletedSale done = m_tablet.sold.constLast();
        QCOMPARE(recordedSales(done.saleId), 1);
        QCOMPARE(recordedTenders(done.saleId),
            (QList<QPair<QString, qint64>> { { QStringLiteral("card"), 5233 } }));
        qint64 charged = 0;
        QCOMPARE(simPaymentsFor(done.saleId, &charged), 1);
        QCOMPARE(charged, qint64(5233));
        QVERIFY(!done.sale.tenders.constFirst().maskedPan.isEmpty());
        click("newSaleButton");
    }

    void declinedCardThenAnotherCard()
    {
        QVERIFY2(window(), "no window: an earlier step failed");
        startSale();
        QVERIFY(m_sim.queue(QStringLiteral("decline")));
        click("payDone");
        QTRY_COMPARE_WITH_TIMEOUT(
            payments().view().terminal, Services::TerminalState::Declined, 15000);
        QCOMPARE(text("payTerminalHeadline"),
            QStringLiteral("Declined — ask for another card or another way to pay"));
        QCOMPARE(text("payPaid"), eur(0));
        QCOMPARE(text("payRemaining"), eur(5233));
        QCOMPARE(find<QLabel>("payTenderState0")->text(), QStringLiteral("Not paid"));
        // The next step is there: the card again (another card) or another way to pay.
        QVERIFY(find<QPushButton>("payDone")->isEnabled());
        QVERIFY(find<QPushButton>("payMethodCash")->isEnabled());
        shots(QStringLiteral("45-pay-declined"));

        QVERIFY(m_sim.queue(QStringLiteral("approve")));
        click("payDone");
        QTRY_COMPARE_WITH_TIMEOUT(
            current(), static_cast<QWidget *>(window()->receiptScreen()), 15000);
        QCOMPARE(m_tablet.sold.size(), 3);
        const Services::CompletedSale done = m_tablet.sold.constLast();
        QCOMPARE(recordedSales(done.saleId), 1);
        QCOMPARE(recordedTenders(done.saleId),
            (QList<QPair<QString, qint64>> { { QStringLiteral("card"), 5233 } }));
        qint64 charged = 0;
        QCOMPARE(simPaymentsFor(done.saleId, &charged), 1);
        QCOMPARE(charged, qint64(5233));
        click("newSaleButton");
        // The next sale's pay screen shows nothing of this one.
        QVERIFY(sale().addProduct(cableId));
        click("payButton");
        QCOMPARE(text("payTotal"), eur(1234));
        QCOMPARE(text("payPaid"), eur(0));
        QVERIFY(!find<QWidget>("payTerminal")->isVisible());
        QVERIFY(!find<QWidget>("payTenders")->isVisible());
        QVERIFY(text("payError").isEmpty());

        // € 5,00 by card, then the customer changes their mind: cancelling asks first, names
        // what is given back, and the terminal reverses the card payment.
        typeAmount(QStringLiteral("500"));
        QVERIFY(m_sim.queue(QStringLiteral("approve")));
        click("payDone");
        QTRY_COMPARE_WITH_TIMEOUT(payments().view().paid, Core::Money::fromCents(500), 15000);
        click("payCancel");
        QVERIFY(window()->confirmSheet()->isOpen());
        QVERIFY(text("confirmDetails").contains(eur(500)));
        shots(QStringLiteral("48-pay-cancel-confirm"));
        click("confirmYes");
        QTRY_COMPARE_WITH_TIMEOUT(current(), static_cast<QWidget *>(window()->sellScreen()), 15000);
        QVERIFY(!payments().isOpen());
        QCOMPARE(sale().view().lines.size(), 1); // the basket stays
        QTRY_COMPARE_WITH_TIMEOUT(m_sim.chargedCents(), qint64(2000 + 5233 + 5233), 15000);
        click("clearButton");
    }

    // The tablet locks (idle, or staff switch user) while the customer is still at the
    // terminal: the card answer completes the sale while nobody is logged in. After the next
    // login the receipt of that sale is shown first, so nobody charges the customer again.
    void saleFinishedWhileLockedShowsItsReceiptAfterLogin()
    {
        QVERIFY2(window(), "no window: an earlier step failed");
        startSale();
        QVERIFY(m_sim.queue(QStringLiteral("delay"), 2));
        click("payDone");
        terminal().session().logOut();
        QCOMPARE(current(), static_cast<QWidget *>(window()->loginScreen()));
        QTRY_COMPARE_WITH_TIMEOUT(m_tablet.sold.size(), 4, 15000);
        QCOMPARE(current(), static_cast<QWidget *>(window()->loginScreen()));
        const Services::CompletedSale done = m_tablet.sold.constLast();
        QCOMPARE(recordedSales(done.saleId), 1);

        logIn(window(), cashier, QStringLiteral("1234"));
        QCOMPARE(current(), static_cast<QWidget *>(window()->receiptScreen()));
        QVERIFY(text("receiptTenders").contains(eur(5233)));
        click("newSaleButton");
        QCOMPARE(current(), static_cast<QWidget *>(window()->sellScreen()));
    }
};

QTEST_MAIN(TestPayFlow)
#include "tst_payflow.moc"
