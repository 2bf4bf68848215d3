// Store operations' "done when" for the Shift screen, through the real window (offscreen) on a
// real LocalDatabase with the real services and the ESC/POS printer simulator:
// 1. Paying without an open shift is refused on the sell screen, with a way to the Shift screen.
// 2. A shift opened with a float counted per denomination (+/− and the keypad).
// 3. A sale paid in cash; a no-sale approved by a manager on the override sheet.
// 4. A cash out with a reason (a manager: cashiers may not move cash).
// 5. The X report; the close with a count that gives a variance (shown red), confirmed; the Z
//    report on screen, printed (the printer receives the Z report's bytes: its number and the
//    variance) and saved as PDF.
// 6. The Manager screen (the day from this tablet's data), printed and saved as PDF.
// 7. Training mode switched on for the cashier: the orange band on every screen.
// Screenshots of each state in nl and en, landscape and portrait (70-…, 71-…).
#include "app/core/shift.h"
#include "app/devices/cashdrawer.h"
#include "app/devices/receiptprinter.h"
#include "app/services/managerservice.h"
#include "app/services/overrideservice.h"
#include "app/services/paymentservice.h"
#include "app/services/saleservice.h"
#include "app/services/session.h"
#include "app/services/shiftservice.h"
#include "app/services/terminal.h"
#include "app/store/localdatabase.h"
#include "tests/support/testcache.h"
#include "tests/ui/flowfixture.h"
#include "ui/cashcountpanel.h"
#include "ui/cashmovesheet.h"
#include "ui/language.h"
#include "ui/mainwindow.h"
#include "ui/managerscreen.h"
#include "ui/overridesheet.h"
#include "ui/payscreen.h"
#include "ui/receiptscreen.h"
#include "ui/reportpane.h"
#include "ui/scaninterceptor.h"
#include "ui/sellscreen.h"
#include "ui/shiftscreen.h"
#include "ui/topbar.h"
#include "ui/trainingsheet.h"
#include "ui/uihelpers.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Toonbank;
using namespace Toonbank::Tests;

namespace {

constexpr qint64 floatCents = 15000; // 2 × € 50, 2 × € 20, 5 × € 2
constexpr qint64 jeansCents = 8995;
constexpr qint64 cashOutCents = 5000;
constexpr qint64 expectedCents = floatCents + jeansCents - cashOutCents; // € 189,95
constexpr qint64 countedCents = 18900; // € 100 + € 50 + € 20 + € 10 + € 5 + 2 × € 2
constexpr qint64 varianceCents = countedCents - expectedCents; // −€ 0,95

} // namespace

class TestShiftFlow final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    QString m_printerFile;
    std::unique_ptr<Services::Terminal> m_terminal;
    std::unique_ptr<Devices::EscPosPrinterSimulator> m_printer;
    Devices::CashDrawerSimulator m_drawer;
    Services::ShiftService *m_shifts = nullptr;
    Services::ManagerService *m_manager = nullptr;
    FlowUi m_ui;
    std::unique_ptr<Ui::MainWindow> m_window;
    QList<Services::CompletedSale> m_sold;

    template <typename T> T *find(const char *name) { return findNamed<T>(m_window.get(), name); }
    void click(const char *name) { tapButton(m_window.get(), name); }
    void click(const QString &name) { tapButton(m_window.get(), qPrintable(name)); }
    QString text(const char *name)
    {
        auto *label = find<QLabel>(name);
        return label ? label->text() : QString();
    }
    QWidget *current() { return m_window->currentScreen(); }
    QWidget *shiftScreen() { return m_window->shiftScreen(); }
    Ui::ShiftScreen::Step step() { return m_window->shiftScreen()->step(); }

    void logIn(qint64 staffId, const QString &pin) { Tests::logIn(m_window.get(), staffId, pin); }
    /// The top bar's menu entry `label`, as staff tap it.
    void menu(const QString &label) { openFromMenu(m_window.get(), label); }
    bool menuOffers(const QString &label)
    {
        for (QAction *action : m_window->findChild<QMenu *>()->actions()) {
            if (action->text() == label)
                return action->isVisible();
        }
        return false;
    }
    void switchUser(qint64 staffId, const QString &pin)
    {
        menu(QStringLiteral("Switch user"));
        logIn(staffId, pin);
    }
    /// Types `pieces` into the row of `cents` with the screen's keypad.
    void typeCount(qint64 cents, int pieces)
    {
        QTest::mouseClick(
            find<QLineEdit>(qPrintable(QStringLiteral("count%1Field").arg(cents))), Qt::LeftButton);
        for (QChar digit : QString::number(pieces))
            click(QStringLiteral("countKey%1").arg(digit));
    }
    QByteArray printed()
    {
        QFile file(m_printerFile);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    /// What is on screen now, in both languages and both orientations, saved under
    /// <build>/test-output/screenshots/ and, when TOONBANK_SCREENS_DIR is set, there too.
    void shots(const QString &name) { Tests::shots(m_window.get(), *m_ui.language, name); }

private slots:
    void initTestCase()
    {
        qApp->setStyleSheet(Ui::styleSheet());
        m_path = m_dir.filePath(QStringLiteral("cache.sqlite"));
        const QString failure = TestCache::create(m_path);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        m_printerFile = m_dir.filePath(QStringLiteral("printer.escpos"));
        m_printer = std::make_unique<Devices::EscPosPrinterSimulator>(m_printerFile);

        auto terminal = Services::Terminal::open(m_path);
        QVERIFY2(terminal, terminal ? "" : qPrintable(terminal.error().detail));
        m_terminal = std::move(terminal.value());
        m_terminal->sale().setReceiptPrinter(m_printer.get());
        m_terminal->sale().setCashDrawer(&m_drawer);
        // As main() wires them: selling and refunding need the drawer's open shift.
        m_shifts = &m_terminal->shifts();
        m_shifts->setReceiptPrinter(m_printer.get());
        m_shifts->setCashDrawer(&m_drawer);
        m_terminal->requireShifts();
        m_manager = &m_terminal->manager();

        m_ui.start();
        m_window = std::make_unique<Ui::MainWindow>(m_terminal->session(), m_terminal->sale(),
            m_terminal->payments(), m_terminal->customers(), m_terminal->overrides(),
            m_terminal->products(), m_terminal->syncStatus(), *m_ui.language, *m_ui.scanner);
        m_window->setShiftService(*m_shifts);
        m_window->setManagerService(*m_manager);
        m_window->shiftScreen()->setPdfFolder(m_dir.filePath(QStringLiteral("pdf")));
        m_window->managerScreen()->setPdfFolder(m_dir.filePath(QStringLiteral("pdf")));
        m_window->managerScreen()->setPrinter(m_printer.get());
        connect(m_window->payScreen(), &Ui::PayScreen::completed, this,
            [this](const Services::CompletedSale &done) { m_sold.append(done); });
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }
    void cleanupTestCase()
    {
        m_ui.stop();
        m_window.reset();
        m_terminal.reset();
    }

    void payingWithoutAShiftSaysWhereToOpenOne()
    {
        logIn(TestCache::cashierId, QStringLiteral("1111"));
        QCOMPARE(current(), static_cast<QWidget *>(m_window->sellScreen()));
        // A cashier is offered the Shift screen, not the manager's day or training mode.
        click("menuButton");
        QVERIFY(menuOffers(QStringLiteral("Shift")));
        QVERIFY(!menuOffers(QStringLiteral("Manager's day")));
        QVERIFY(!menuOffers(QStringLiteral("Training mode…")));
        m_window->findChild<QMenu *>()->close();

        QVERIFY(m_terminal->sale().addProduct(TestCache::jeansId));
        click("payButton");
        // Refused on the sell screen, in plain words, with the way to the Shift screen.
        QCOMPARE(current(), static_cast<QWidget *>(m_window->sellScreen()));
        QVERIFY2(
            text("scanMessage").contains(QStringLiteral("shift")), qPrintable(text("scanMessage")));
        QVERIFY(find<QPushButton>("sellOpenShift")->isVisible());
        shots(QStringLiteral("70-shift-0-sell-refused"));
        click("sellOpenShift");
        QCOMPARE(current(), shiftScreen());
        QCOMPARE(step(), Ui::ShiftScreen::Step::CountFloat);
        QVERIFY(text("scanMessage").isEmpty()); // the refusal went with the step taken
    }

    void openAShiftWithACountedFloat()
    {
        QCOMPARE(text("shiftCountTotal"), eur(0));
        // + and − on the € 50 row, the keypad on the € 20 and € 2 rows.
        click("count5000Plus");
        click("count5000Plus");
        click("count5000Plus");
        click("count5000Minus");
        QCOMPARE(find<QLineEdit>("count5000Field")->text(), QStringLiteral("2"));
        typeCount(2000, 2);
        typeCount(200, 5);
        QCOMPARE(text("shiftCountTotal"), eur(floatCents));
        // A typing error shows red and the Open is refused, naming the denomination.
        find<QLineEdit>("count100Field")->setText(QStringLiteral("2,5"));
        QVERIFY(find<QLineEdit>("count100Field")->property("error").toBool());
        QCOMPARE(text("shiftCountTotal"), eur(floatCents)); // the bad row counts for nothing
        click("shiftCountNext");
        QVERIFY(!text("shiftCountError").isEmpty());
        QCOMPARE(step(), Ui::ShiftScreen::Step::CountFloat);
        QVERIFY(!m_shifts->openShift().value().has_value());
        find<QLineEdit>("count100Field")->clear();
        QVERIFY(text("shiftCountError").isEmpty()); // put right: the error goes
        shots(QStringLiteral("70-shift-1-count-float"));

        const int opensBefore = m_drawer.openCount();
        click("shiftCountNext");
        QCOMPARE(step(), Ui::ShiftScreen::Step::Open);
        const std::optional<Core::Shift> open = m_shifts->openShift().value();
        QVERIFY(open.has_value());
        QCOMPARE(open->openingCount.total().cents(), floatCents);
        QCOMPARE(open->openingCount.pieces.value(5000), 2);
        QCOMPARE(open->openingCount.pieces.value(2000), 2);
        QCOMPARE(open->openingCount.pieces.value(200), 5);
        QCOMPARE(open->openedBy, TestCache::cashierId);
        QCOMPARE(m_drawer.openCount(), opensBefore + 1);
        QCOMPARE(text("shiftCash"), eur(floatCents));
        QVERIFY(text("shiftWho").contains(QStringLiteral("Anna de Vries")));
        QVERIFY(!text("shiftInfo").isEmpty());
        shots(QStringLiteral("70-shift-2-open"));

        // A cashier may not move cash: said at the button, no sheet.
        click("shiftCashOut");
        QVERIFY(!m_window->cashMoveSheet()->isOpen());
        QVERIFY(!text("shiftError").isEmpty());
    }

    void sellWithCashAndANoSale()
    {
        click("shiftBack");
        QCOMPARE(current(), static_cast<QWidget *>(m_window->sellScreen()));
        QCOMPARE(m_terminal->sale().view().lines.size(), 1); // the jeans waited
        click("payButton");
        QCOMPARE(current(), static_cast<QWidget *>(m_window->payScreen()));
        click("payMethodCash");
        QVERIFY(find<QPushButton>("payDone")->isEnabled());
        click("payDone");
        QTRY_COMPARE(m_sold.size(), 1);
        click("receiptNone");

        // A no-sale: the cashier asks, the manager approves with a PIN on the override sheet.
        menu(QStringLiteral("Shift"));
        QCOMPARE(step(), Ui::ShiftScreen::Step::Open);
        click("shiftNoSale");
        QVERIFY(m_window->cashMoveSheet()->isOpen());
        QVERIFY(!find<QWidget>("cashMoveKey1")->isVisible()); // no amount for a no-sale
        click("cashMoveConfirm");
        QVERIFY(!text("cashMoveError").isEmpty()); // no reason yet
        click("cashMoveReason0");
        click("cashMoveConfirm");
        QVERIFY(!m_window->cashMoveSheet()->isOpen());
        QVERIFY(m_window->overrideSheet()->isOpen());
        click(QStringLiteral("approverTile%1").arg(TestCache::managerId));
        for (QChar digit : QStringLiteral("3333"))
            click(QStringLiteral("overridePinKey%1").arg(digit));
        click("overrideApprove");
        QVERIFY2(!m_window->overrideSheet()->isOpen(), qPrintable(text("overrideError")));
        QVERIFY2(
            text("shiftInfo").contains(QStringLiteral("Mehmet")), qPrintable(text("shiftInfo")));
        QCOMPARE(text("shiftCash"), eur(floatCents + jeansCents)); // a no-sale moves no cash
        // The sale belongs to the open shift.
        QCOMPARE(m_sold.constLast().sale.shiftId, m_shifts->openShift().value()->shiftId);
    }

    void cashOutWithAReason()
    {
        switchUser(TestCache::managerId, QStringLiteral("3333"));
        menu(QStringLiteral("Shift"));
        QCOMPARE(current(), shiftScreen());
        click("shiftCashOut");
        QVERIFY(m_window->cashMoveSheet()->isOpen());
        // More than the drawer holds: refused in the sheet, nothing moved.
        for (const char *key :
            { "cashMoveKey5", "cashMoveKey0", "cashMoveKey0", "cashMoveKey0", "cashMoveKey0" })
            click(key);
        click("cashMoveReason0"); // "To the safe"
        click("cashMoveConfirm");
        QVERIFY(m_window->cashMoveSheet()->isOpen());
        QVERIFY2(!text("cashMoveError").isEmpty(), "a cash out beyond the drawer is refused");
        for (int i = 0; i < 5; ++i)
            click("cashMoveBackspace");
        for (const char *key : { "cashMoveKey5", "cashMoveKey0", "cashMoveKey0", "cashMoveKey0" })
            click(key);
        QCOMPARE(text("cashMoveAmount"), eur(cashOutCents));
        QVERIFY(text("cashMoveError").isEmpty());
        shots(QStringLiteral("70-shift-3-cash-out"));
        click("cashMoveConfirm");
        QVERIFY2(!m_window->cashMoveSheet()->isOpen(), qPrintable(text("cashMoveError")));
        QCOMPARE(text("shiftCash"), eur(expectedCents));
        QVERIFY(text("shiftInfo").contains(eur(cashOutCents)));
        QVERIFY(text("shiftError").isEmpty());
    }

    void xReportChangesNothing()
    {
        click("shiftXReport");
        const std::optional<Core::ShiftReport> &x = m_window->shiftScreen()->shownReport();
        QVERIFY(x.has_value());
        QCOMPARE(x->kind, Core::ShiftReport::Kind::X);
        QCOMPARE(x->totals.expectedCash().cents(), expectedCents);
        QCOMPARE(x->totals.saleCount, 1);
        QVERIFY(!m_window->shiftScreen()->reportPane()->lines().isEmpty());
        QVERIFY(m_shifts->openShift().value().has_value());
        shots(QStringLiteral("70-shift-4-x-report"));
    }

    void closeWithAVarianceAndPrintTheZReport()
    {
        click("shiftClose");
        QCOMPARE(step(), Ui::ShiftScreen::Step::CountClose);
        QCOMPARE(text("shiftCountTotal"), eur(0)); // a fresh count, expected not shown yet
        typeCount(10000, 1);
        typeCount(5000, 1);
        typeCount(2000, 1);
        typeCount(1000, 1);
        typeCount(500, 1);
        click("count200Plus");
        click("count200Plus");
        QCOMPARE(text("shiftCountTotal"), eur(countedCents));
        shots(QStringLiteral("70-shift-5-close-count"));
        click("shiftCountNext");
        QCOMPARE(step(), Ui::ShiftScreen::Step::ReviewClose);
        QCOMPARE(text("shiftExpected"), eur(expectedCents));
        QCOMPARE(text("shiftCounted"), eur(countedCents));
        QCOMPARE(text("shiftVariance"), eur(varianceCents));
        QCOMPARE(
            find<QLabel>("shiftVariance")->property("state").toString(), QStringLiteral("short"));
        QVERIFY(text("shiftVarianceText").contains(eur(-varianceCents)));
        shots(QStringLiteral("70-shift-6-close-variance"));

        click("shiftConfirmClose");
        QCOMPARE(step(), Ui::ShiftScreen::Step::Closed);
        QVERIFY(!m_shifts->openShift().value().has_value());
        const std::optional<Core::ShiftReport> z = m_window->shiftScreen()->shownReport();
        QVERIFY(z.has_value());
        QCOMPARE(z->kind, Core::ShiftReport::Kind::Z);
        QCOMPARE(z->zNumber, 1);
        QVERIFY(z->variance.has_value());
        QCOMPARE(z->variance->variance().cents(), varianceCents);
        QVERIFY(text("shiftTitle").contains(QStringLiteral("1")));
        QVERIFY(!m_window->shiftScreen()->reportPane()->lines().isEmpty());

        // Print: the printer receives the Z report, its number and the variance.
        const qsizetype before = printed().size();
        click("shiftReportPrint");
        QVERIFY2(find<QLabel>("shiftReportStatus")->property("role").toString()
                != QLatin1String("error"),
            qPrintable(text("shiftReportStatus")));
        const QByteArray bytes = printed().mid(before);
        QVERIFY(bytes.startsWith(QByteArray("\x1b@", 2)));
        QVERIFY2(bytes.contains("Z"), bytes.constData());
        QVERIFY2(bytes.contains(Devices::EscPosPrinterSimulator::toPc858(eur(varianceCents))),
            bytes.constData());
        QVERIFY2(bytes.contains(Devices::EscPosPrinterSimulator::toPc858(eur(expectedCents))),
            bytes.constData());
        click("shiftReportPdf");
        QVERIFY(QFile::exists(m_window->shiftScreen()->lastPdf()));
        QFile pdf(m_window->shiftScreen()->lastPdf());
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
        shots(QStringLiteral("70-shift-7-z-report"));

        // Closing twice: the shift is closed, the screen offers the next one.
        QCOMPARE(m_shifts->close(Core::CashCount(), false).error().code,
            QStringLiteral("shift.not_open"));
        click("shiftNewShift");
        QCOMPARE(step(), Ui::ShiftScreen::Step::CountFloat);
        QCOMPARE(text("shiftCountTotal"), eur(0));
    }

    void managersDay()
    {
        menu(QStringLiteral("Manager's day"));
        QCOMPARE(current(), static_cast<QWidget *>(m_window->managerScreen()));
        const auto &day = m_window->managerScreen()->report();
        QVERIFY2(day.has_value(), qPrintable(text("managerTotals")));
        QVERIFY(!m_window->managerScreen()->fromServer()); // not enrolled: this tablet only
        QVERIFY(text("managerSource").contains(QStringLiteral("This tablet only")));
        QVERIFY(text("managerTotals").contains(eur(jeansCents)));
        QVERIFY(text("managerStaff").contains(QStringLiteral("Anna de Vries")));
        QVERIFY2(text("managerOverrides").contains(QStringLiteral("Mehmet")),
            qPrintable(text("managerOverrides")));
        shots(QStringLiteral("71-manager-day"));
        const qsizetype before = printed().size();
        click("managerPrint");
        QVERIFY(printed().size() > before);
        click("managerPdf");
        QFile pdf(m_window->managerScreen()->lastPdf());
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
        click("managerBack");
        QCOMPARE(current(), static_cast<QWidget *>(m_window->sellScreen()));
    }

    void trainingBandOnEveryScreen()
    {
        QVERIFY(!m_window->topBar()->trainingShown());
        menu(QStringLiteral("Training mode…"));
        QVERIFY(m_window->trainingSheet()->isOpen());
        auto *anna = find<QPushButton>(
            qPrintable(QStringLiteral("trainingSwitch%1").arg(TestCache::cashierId)));
        QVERIFY(anna && !anna->isChecked());
        click(QStringLiteral("trainingSwitch%1").arg(TestCache::cashierId));
        QVERIFY(anna->isChecked());
        QVERIFY(m_terminal->session().isTraining(TestCache::cashierId));
        QVERIFY(!m_window->topBar()->trainingShown()); // the manager is not in training
        shots(QStringLiteral("71-training-sheet"));
        click("trainingDone");

        switchUser(TestCache::cashierId, QStringLiteral("1111"));
        QVERIFY(m_window->topBar()->trainingShown());
        QVERIFY(find<QLabel>("trainingBand")->text().contains(QStringLiteral("TRAINING")));
        shots(QStringLiteral("71-training-band-sell"));
        menu(QStringLiteral("Shift"));
        QVERIFY(m_window->topBar()->trainingShown());
        // In training the drawer's cash does not move: opening a shift is refused, in words.
        click("shiftCountNext");
        QVERIFY(!text("shiftCountError").isEmpty());
        QCOMPARE(step(), Ui::ShiftScreen::Step::CountFloat);
        shots(QStringLiteral("71-training-band-shift"));
    }
};

QTEST_MAIN(TestShiftFlow)
#include "tst_shiftflow.moc"
