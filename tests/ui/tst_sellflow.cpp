#include "app/core/pin.h"
#include "app/devices/receiptprinter.h"
#include "app/services/customerservice.h"
#include "app/services/overrideservice.h"
#include "app/services/paymentservice.h"
#include "app/services/saleservice.h"
#include "app/services/session.h"
#include "app/services/terminal.h"
#include "app/store/catalogwriter.h"
#include "app/store/localdatabase.h"
#include "tests/support/testcache.h"
#include "tests/ui/widgetdriver.h"
#include "ui/language.h"
#include "ui/loginscreen.h"
#include "ui/mainwindow.h"
#include "ui/parkedscreen.h"
#include "ui/payscreen.h"
#include "ui/productscreen.h"
#include "ui/receiptscreen.h"
#include "ui/scaninterceptor.h"
#include "ui/searchresultsmodel.h"
#include "ui/sellscreen.h"
#include "ui/uihelpers.h"

#include <QApplication>
#include <QDebug>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QScroller>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Toonbank;
using namespace Toonbank::Tests;
using SearchResultsModelColumn = Ui::SearchResultsModel;

/// Drives the real widgets: log in, scan through the keyboard wedge, search, add, change
/// quantity, pay cash, see the change and the receipt; bad barcodes; languages; parking.
class TestSellFlow final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    QString m_printerFile;
    std::unique_ptr<Services::Terminal> m_terminal;
    std::unique_ptr<Devices::EscPosPrinterSimulator> m_printer;
    std::unique_ptr<Ui::Language> m_language;
    std::unique_ptr<Ui::ScanInterceptor> m_scanner;
    std::unique_ptr<Ui::MainWindow> m_window;

    template <typename T> T *find(const char *name) { return findNamed<T>(m_window.get(), name); }
    void click(const char *name) { tapButton(m_window.get(), name); }
    void clickCell(QTableWidget *table, int row, int column)
    {
        QTableWidgetItem *cell = table->item(row, column);
        QVERIFY(cell);
        const QRect rect = table->visualItemRect(cell);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
    }
    void screenshot(const QString &name) { saveScreenshot(m_window.get(), name); }
    void start()
    {
        m_window.reset();
        m_terminal.reset();
        auto terminal = Services::Terminal::open(m_path);
        QVERIFY(terminal.ok());
        m_terminal = std::move(terminal.value());
        m_terminal->sale().setReceiptPrinter(m_printer.get());
        m_window = std::make_unique<Ui::MainWindow>(m_terminal->session(), m_terminal->sale(),
            m_terminal->payments(), m_terminal->customers(), m_terminal->overrides(),
            m_terminal->products(), m_terminal->syncStatus(), *m_language, *m_scanner);
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }
    void logIn(qint64 staffId, const QString &pin)
    {
        QCOMPARE(m_window->currentScreen(), static_cast<QWidget *>(m_window->loginScreen()));
        click(qPrintable(QStringLiteral("staffTile%1").arg(staffId)));
        for (QChar digit : pin)
            click(qPrintable(QStringLiteral("pinKey%1").arg(digit)));
        click("pinOk");
    }
    /// A hand scanner: fast keystrokes ending in Enter, sent to whatever has focus.
    void scan(const QString &code)
    {
        QWidget *target
            = QApplication::focusWidget() ? QApplication::focusWidget() : m_window.get();
        QTest::keyClicks(target, code);
        QTest::keyClick(target, Qt::Key_Return);
    }
    void clickCell(QTableView *table, int row, int column)
    {
        const QModelIndex index = table->model()->index(row, column);
        QVERIFY(index.isValid());
        table->scrollTo(index);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
    }
    QTableWidget *basket() { return find<QTableWidget>("basketTable"); }
    QTableView *results() { return find<QTableView>("searchResults"); }
    QString vatSummaryText()
    {
        QStringList cells;
        for (QLabel *cell : find<QWidget>("vatSummary")->findChildren<QLabel *>()) {
            if (cell->isVisible())
                cells.append(cell->text());
        }
        return cells.join(QLatin1Char('|'));
    }
    /// Every visible label inside a staff tile shows its whole text on one line or wraps.
    void verifyTileTextsFit()
    {
        const QList<QPushButton *> tiles = m_window->loginScreen()->findChildren<QPushButton *>();
        int checked = 0;
        for (QPushButton *tile : tiles) {
            if (!tile->objectName().startsWith(QStringLiteral("staffTile")))
                continue;
            for (QLabel *label : tile->findChildren<QLabel *>()) {
                QVERIFY(!label->text().isEmpty());
                const QRect room = label->contentsRect();
                const QRect needed = label->fontMetrics().boundingRect(
                    room, int(label->alignment() | Qt::TextWordWrap), label->text());
                QVERIFY2(needed.width() <= room.width() && needed.height() <= room.height(),
                    qPrintable(label->text()));
                QVERIFY2(tile->rect().contains(label->geometry()), qPrintable(label->text()));
                ++checked;
            }
        }
        QVERIFY(checked >= 4);
    }
    QString resultText(int row, int column)
    {
        return results()->model()->index(row, column).data().toString();
    }

private slots:
    void initTestCase()
    {
        qApp->setStyleSheet(Ui::styleSheet());
        m_path = m_dir.filePath(QStringLiteral("cache.sqlite"));
        const QString failure = TestCache::create(m_path);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        m_printerFile
            = TestCache::outputDir(QStringLiteral("printer")) + QStringLiteral("/receipts.escpos");
        QFile::remove(m_printerFile);
        m_printer = std::make_unique<Devices::EscPosPrinterSimulator>(m_printerFile);
        m_language = std::make_unique<Ui::Language>();
        QVERIFY(m_language->setLanguage(QStringLiteral("nl")));
        m_scanner = std::make_unique<Ui::ScanInterceptor>();
        qApp->installEventFilter(m_scanner.get());
        start();
    }
    void cleanupTestCase()
    {
        qApp->removeEventFilter(m_scanner.get());
        m_window.reset();
        m_terminal.reset();
    }

    void loginWithPinPad()
    {
        screenshot(QStringLiteral("01-login-nl"));
        verifyTileTextsFit(); // "Kassamedewerker" is not clipped
        logIn(TestCache::cashierId, QStringLiteral("9999"));
        QVERIFY(!find<QLabel>("loginError")->text().isEmpty()); // wrong PIN says so
        QCOMPARE(m_window->currentScreen(), static_cast<QWidget *>(m_window->loginScreen()));
        logIn(TestCache::cashierId, QStringLiteral("1111"));
        QCOMPARE(m_window->currentScreen(), static_cast<QWidget *>(m_window->sellScreen()));
        const QString staff = find<QLabel>("staffLabel")->text();
        QVERIFY2(staff.contains(QStringLiteral("Anna de Vries"))
                && staff.contains(QStringLiteral("Kassamedewerker")),
            qPrintable(staff));
    }

    void scanFromAnywhere()
    {
        // Focus in the search field: the scan must not end up as search text.
        find<QLineEdit>("searchField")->setFocus();
        scan(TestCache::jeansBarcode);
        QCOMPARE(basket()->rowCount(), 1);
        QCOMPARE(find<QLineEdit>("searchField")->text(), QString());
        // No focus at all: the wedge still catches it.
        if (QWidget *focused = QApplication::focusWidget())
            focused->clearFocus();
        scan(TestCache::appleJuiceBarcode);
        QCOMPARE(basket()->rowCount(), 2);
        QCOMPARE(find<QLabel>("basketTotal")->text(), QStringLiteral("€ 91,94"));
    }

    void badBarcodeFlashesAndLeavesTheBasket()
    {
        scan(TestCache::unknownBarcode);
        QCOMPARE(basket()->rowCount(), 2);
        QCOMPARE(find<QLabel>("basketTotal")->text(), QStringLiteral("€ 91,94"));
        QVERIFY(find<QLabel>("scanMessage")->text().contains(TestCache::unknownBarcode));
        QCOMPARE(find<QLineEdit>("searchField")->property("error").toBool(), true);
        screenshot(QStringLiteral("03-sell-bad-barcode"));
        scan(TestCache::badCheckDigitBarcode);
        QCOMPARE(basket()->rowCount(), 2);
        QVERIFY(!find<QLabel>("scanMessage")->text().isEmpty());
    }

    void searchAddAndChangeQuantity()
    {
        auto *search = find<QLineEdit>("searchField");
        search->setFocus();
        QTest::keyClicks(search, QStringLiteral("sok"));
        QTest::qWait(80); // past the scanner's burst window
        search->clear();
        QTest::keyClick(search, Qt::Key_B);
        QTest::qWait(80);
        QTest::keyClick(search, Qt::Key_A);
        QTest::qWait(80);
        QTest::keyClick(search, Qt::Key_M);
        QTRY_COMPARE(results()->model()->rowCount(), 1);
        QVERIFY(
            resultText(0, SearchResultsModelColumn::Name).contains(QStringLiteral("Bamboo socks")));
        // The test cache has no stock figure for the socks in this store: unknown, not zero.
        QCOMPARE(resultText(0, SearchResultsModelColumn::StockHere), QStringLiteral("–"));
        screenshot(QStringLiteral("02-sell-search"));
        clickCell(results(), 0, 0);
        QCOMPARE(basket()->rowCount(), 3);
        clickCell(basket(), 2, 3); // +
        clickCell(basket(), 2, 3); // +
        QCOMPARE(basket()->item(2, 2)->text(), QStringLiteral("3"));
        clickCell(basket(), 2, 1); // −
        QCOMPARE(basket()->item(2, 2)->text(), QStringLiteral("2"));
        QCOMPARE(find<QLabel>("basketTotal")->text(), QStringLiteral("€ 101,92"));
        // The VAT summary: a table per rate, in body size (≥ 18 px) and not monospace.
        const QString vat = vatSummaryText();
        QVERIFY2(vat.contains(QStringLiteral("btw 21%")) && vat.contains(QStringLiteral("btw 9%")),
            qPrintable(vat));
        QVERIFY2(vat.contains(QStringLiteral("€ 17,34")) && vat.contains(QStringLiteral("€ 82,59")),
            qPrintable(vat));
        for (QLabel *cell : find<QWidget>("vatSummary")->findChildren<QLabel *>()) {
            if (cell->isVisible()) {
                QVERIFY(QFontInfo(cell->font()).pixelSize() >= 18);
                QVERIFY(!QFontInfo(cell->font()).fixedPitch());
                QVERIFY2(cell->fontMetrics().horizontalAdvance(cell->text())
                        <= cell->contentsRect().width(),
                    qPrintable(cell->text()));
            }
        }
        screenshot(QStringLiteral("04-sell-basket"));
        clickCell(basket(), 2, 5); // ✕
        QCOMPARE(basket()->rowCount(), 2);
    }

    void keystrokesFasterThanResultsSearchOnceForTheNewestText()
    {
        auto *search = find<QLineEdit>("searchField");
        search->clear();
        QTRY_VERIFY(!m_window->sellScreen()->searchPending());
        m_scanner->setEnabled(false); // a typist, not a scanner burst
        QSignalSpy shown(m_window->sellScreen(), &Ui::SellScreen::searchShown);
        // Five keys land before the event loop turns: one search, for "jeans", not five.
        QTest::keyClicks(search, QStringLiteral("jeans"));
        QCOMPARE(shown.count(), 0);
        QTRY_COMPARE(shown.count(), 1);
        QCOMPARE(shown.at(0).at(0).toString(), QStringLiteral("jeans"));
        QCOMPARE(m_window->sellScreen()->searchResults()->query(), QStringLiteral("jeans"));
        QTest::qWait(50);
        QCOMPARE(shown.count(), 1);
        // One more key, one more search: results still follow every keystroke.
        QTest::keyClick(search, Qt::Key_Space);
        QTRY_COMPARE(shown.count(), 2);
        QCOMPARE(shown.at(1).at(0).toString(), QStringLiteral("jeans "));
        m_scanner->setEnabled(true);
        search->clear();
        QTRY_VERIFY(!m_window->sellScreen()->searchPending());
    }

    void productDetail()
    {
        auto *search = find<QLineEdit>("searchField");
        search->clear();
        QTest::qWait(80);
        QTest::keyClicks(search, QStringLiteral("jeans"));
        QTest::qWait(80);
        QTest::keyClick(search, Qt::Key_Space); // one more keystroke after the burst window
        QTRY_VERIFY(results()->model()->rowCount() >= 2);
        // Stock here comes with every hit: 7 of the indigo jeans in this store.
        QVERIFY(resultText(0, SearchResultsModelColumn::Name).contains(QStringLiteral("501")));
        QCOMPARE(resultText(0, SearchResultsModelColumn::StockHere), QStringLiteral("7"));
        clickCell(results(), 0, 3); // ⓘ
        QCOMPARE(m_window->currentScreen(), static_cast<QWidget *>(m_window->productScreen()));
        QVERIFY(find<QLabel>("productName")->text().contains(QStringLiteral("501")));
        // Here, then the other stores nearest first with their distance, then the web: one row
        // each, the whole store name in it.
        QVERIFY(find<QLabel>("stockName1")->text().contains(QStringLiteral("Amsterdam")));
        QVERIFY(find<QLabel>("stockName2")->text().contains(QStringLiteral("Utrecht")));
        QVERIFY(find<QWidget>("stockRow1")->y() < find<QWidget>("stockRow2")->y());
        QVERIFY(find<QWidget>("stockRow2")->y() < find<QWidget>("stockRow3")->y());
        // Kalverstraat – Hoog Catharijne
        QVERIFY2(find<QLabel>("stockWhere2")->text().startsWith(QStringLiteral("35 km")),
            qPrintable(find<QLabel>("stockWhere2")->text()));
        QVERIFY(!find<QLabel>("stockWhere1")->text().contains(QStringLiteral("km")));
        QVERIFY(!find<QLabel>("stockWhere3")->text().contains(QStringLiteral("km")));
        QVERIFY(find<QLabel>("stockQty2")->text().startsWith(QStringLiteral("3 ")));
        screenshot(QStringLiteral("05-product"));
        click("productBack");
        search->clear();
        QCOMPARE(m_window->currentScreen(), static_cast<QWidget *>(m_window->sellScreen()));
    }

    void payCashAndSeeTheReceipt()
    {
        click("payButton");
        QCOMPARE(m_window->currentScreen(), static_cast<QWidget *>(m_window->payScreen()));
        QCOMPARE(find<QLabel>("payTotal")->text(), QStringLiteral("€ 91,94"));
        QCOMPARE(find<QLabel>("payRounding")->text(), QStringLiteral("+€ 0,01"));
        QVERIFY(find<QLabel>("payRounding")->isVisible());
        QCOMPARE(find<QLabel>("payDue")->text(), QStringLiteral("€ 91,95"));
        // No card terminal here: cash is chosen, for exactly what is due.
        QVERIFY(find<QPushButton>("payMethodCash")->isChecked());
        QVERIFY(!find<QPushButton>("payMethodCard")->isEnabled());
        QCOMPARE(find<QLabel>("payTendered")->text(), QStringLiteral("€ 91,95"));
        QVERIFY(find<QPushButton>("payDone")->isEnabled());
        // Quick cash: the notes above what is due only.
        QVERIFY(!m_window->findChild<QPushButton *>(QStringLiteral("quick50")));
        click("quick100");
        QCOMPARE(find<QLabel>("payTendered")->text(), QStringLiteral("€ 100,00"));
        for (const char *key : { "payKey1", "payKey0", "payKey0", "payKey00" })
            click(key);
        QCOMPARE(find<QLabel>("payTendered")->text(), QStringLiteral("€ 100,00"));
        QCOMPARE(find<QLabel>("payChange")->text(), QStringLiteral("€ 8,05"));
        screenshot(QStringLiteral("06-pay"));
        click("payDone");
        QCOMPARE(m_window->currentScreen(), static_cast<QWidget *>(m_window->receiptScreen()));
        QCOMPARE(find<QLabel>("receiptChange")->text(), QStringLiteral("€ 8,05"));
        screenshot(QStringLiteral("07-receipt"));
        QVERIFY(find<QPushButton>("syncChip")->text().contains(QStringLiteral("1")));

        QFile printed(m_printerFile);
        QVERIFY(printed.open(QIODevice::ReadOnly));
        const QByteArray bytes = printed.readAll();
        QVERIFY(bytes.startsWith(QByteArray("\x1b@", 2)));
        QVERIFY(bytes.contains("AMS01-T1-000001"));
        QVERIFY(bytes.contains(QByteArray("\x1dV", 2)));
        QVERIFY(!bytes.contains("KOPIE"));
        // The store name in double size is wrapped, never cut at the paper's edge.
        QVERIFY(bytes.contains("Toonbank Amsterdam"));
        QVERIFY(bytes.contains("Centrum"));

        // Print again: a second receipt, marked as a copy.
        QVERIFY(!find<QPushButton>("receiptEmail")->isEnabled());
        QVERIFY(find<QLabel>("receiptEmailNote")->isVisible());
        QVERIFY(!find<QLabel>("receiptEmailNote")->text().isEmpty());
        click("receiptPrint");
        printed.seek(0);
        const QByteArray withCopy = printed.readAll();
        QCOMPARE(withCopy.count(QByteArray("\x1b@", 2)), 2);
        QVERIFY(withCopy.mid(bytes.size()).contains("*** KOPIE ***"));
        QVERIFY(withCopy.mid(bytes.size()).contains("AMS01-T1-000001"));
        QVERIFY(find<QLabel>("receiptPrintStatus")->text().contains(QStringLiteral("KOPIE")));
        screenshot(QStringLiteral("07b-receipt-copy"));

        click("newSaleButton");
        QCOMPARE(m_window->currentScreen(), static_cast<QWidget *>(m_window->sellScreen()));
        QCOMPARE(basket()->rowCount(), 0);
    }

    void languageSwitchesAtRunTime()
    {
        scan(TestCache::socksBarcode);
        QCOMPARE(find<QLabel>("basketTotal")->text(), QStringLiteral("€ 4,99"));
        QVERIFY(m_language->setLanguage(QStringLiteral("en")));
        QTRY_COMPARE(find<QLabel>("basketTotal")->text(), QStringLiteral("€4.99"));
        QCOMPARE(find<QPushButton>("payButton")->text(), QStringLiteral("Pay"));
        screenshot(QStringLiteral("08-sell-en"));
        QVERIFY(m_language->setLanguage(QStringLiteral("nl")));
        QTRY_COMPARE(find<QPushButton>("payButton")->text(), QStringLiteral("Afrekenen"));
        QCOMPARE(find<QLabel>("basketTotal")->text(), QStringLiteral("€ 4,99"));
    }

    void parkAndResumeAfterRestart()
    {
        click("parkButton");
        QCOMPARE(basket()->rowCount(), 0);
        start(); // a new app: the cache is all that survives
        logIn(TestCache::managerId, QStringLiteral("3333"));
        m_window->findChild<QWidget *>(QStringLiteral("topBar"));
        QMetaObject::invokeMethod(
            m_window->findChild<QObject *>(QStringLiteral("topBar")), "parkedSalesRequested");
        QCOMPARE(m_window->currentScreen(), static_cast<QWidget *>(m_window->parkedScreen()));
        auto *parked = find<QTableWidget>("parkedTable");
        QCOMPARE(parked->rowCount(), 1);
        screenshot(QStringLiteral("09-parked"));
        clickCell(parked, 0, 3);
        QCOMPARE(m_window->currentScreen(), static_cast<QWidget *>(m_window->sellScreen()));
        QCOMPARE(basket()->rowCount(), 1);
        QCOMPARE(find<QLabel>("basketTotal")->text(), QStringLiteral("€ 4,99"));
    }

    void switchUserAndIdleLock()
    {
        QMetaObject::invokeMethod(
            m_window->findChild<QObject *>(QStringLiteral("topBar")), "switchUserRequested");
        QCOMPARE(m_window->currentScreen(), static_cast<QWidget *>(m_window->loginScreen()));
        logIn(TestCache::managerId, QStringLiteral("3333"));
        QVERIFY(m_terminal->session().setIdleLockSeconds(1).ok());
        QTRY_COMPARE_WITH_TIMEOUT(
            m_window->currentScreen(), static_cast<QWidget *>(m_window->loginScreen()), 4000);
        screenshot(QStringLiteral("10-login-locked"));
        QCOMPARE(m_terminal->sale().draftLines().size(), 1); // the sale waits for the next login
    }

    void languageChosenAtLoginSurvivesARestart()
    {
        QCOMPARE(m_window->currentScreen(), static_cast<QWidget *>(m_window->loginScreen()));
        click("languageEn");
        QCOMPARE(m_language->current(), QStringLiteral("en"));
        QCOMPARE(
            m_terminal->database().setting(QStringLiteral("ui_language")), QStringLiteral("en"));
        // A restart: main() starts in its default language; the device setting wins.
        QVERIFY(m_language->setLanguage(QStringLiteral("nl")));
        start();
        QCOMPARE(m_language->current(), QStringLiteral("en"));
        QTRY_COMPARE(find<QPushButton>("pinOk")->text(), QStringLiteral("OK"));
        QTRY_VERIFY(find<QPushButton>("languageEn")->isChecked());
        screenshot(QStringLiteral("12-login-en-after-restart"));
        click("languageNl");
        QCOMPARE(m_language->current(), QStringLiteral("nl"));
        start();
        QCOMPARE(m_language->current(), QStringLiteral("nl"));
        QCOMPARE(
            m_terminal->database().setting(QStringLiteral("ui_language")), QStringLiteral("nl"));
    }

    void portraitStacksThePanes()
    {
        logIn(TestCache::cashierId, QStringLiteral("1111"));
        m_window->resize(800, 1280);
        QTRY_VERIFY(m_window->width() <= 840 && m_window->width() < m_window->height());
        QTRY_VERIFY(basket()->mapTo(m_window.get(), QPoint()).y()
            > find<QLineEdit>("searchField")->mapTo(m_window.get(), QPoint()).y() + 200);
        // What staff tap in the top bar keeps its full size; the names give way.
        for (const char *name : { "syncChip", "menuButton" }) {
            auto *button = find<QPushButton>(name);
            QVERIFY(button);
            QVERIFY2(button->width() >= button->sizeHint().width(), name);
        }
        screenshot(QStringLiteral("11-sell-portrait"));
        m_window->resize(1280, 800);
    }

    void manyStaffTilesScroll()
    {
        {
            Store::CatalogWriter writer(m_terminal->database());
            QVERIFY(writer.begin().ok());
            auto hash = Core::Pin::hash(QStringLiteral("4444"), 1000);
            QVERIFY(hash.ok());
            for (int i = 0; i < 18; ++i) {
                Store::StaffMember member;
                member.id = 200 + i;
                member.code = QStringLiteral("E%1").arg(200 + i);
                member.displayName
                    = QStringLiteral("Medewerker %1 van Oosterhout-Vermeulen").arg(i + 1);
                member.role = i % 3 == 0 ? Store::StaffRole::Supervisor : Store::StaffRole::Cashier;
                member.homeLocationId = TestCache::hereId;
                QVERIFY(writer.upsertStaff(member, hash.value()).ok());
            }
            QVERIFY(writer.commit().ok());
        }
        start();
        QCOMPARE(m_window->currentScreen(), static_cast<QWidget *>(m_window->loginScreen()));
        QScrollArea *area = m_window->loginScreen()->staffTileArea();
        QCOMPARE(area->objectName(), QStringLiteral("staffTiles"));
        int tiles = 0;
        for (QPushButton *tile : area->widget()->findChildren<QPushButton *>())
            tiles += tile->objectName().startsWith(QStringLiteral("staffTile")) ? 1 : 0;
        QCOMPARE(tiles, 20);
        // More than fit: the list scrolls, the PIN pad stays where it is.
        QVERIFY(area->verticalScrollBar()->maximum() > 0);
        QVERIFY(area->widget()->height() > area->viewport()->height());
        QVERIFY(QScroller::hasScroller(area->viewport()));
        QVERIFY(find<QPushButton>("pinOk")->isVisible());
        screenshot(QStringLiteral("13-login-many-staff"));
        verifyTileTextsFit();

        // The last tile: scrolled into view, tapped, logged in.
        auto *last = find<QPushButton>("staffTile217");
        QVERIFY(last);
        area->ensureWidgetVisible(last);
        QApplication::processEvents();
        QVERIFY(area->verticalScrollBar()->value() > 0);
        const QRect visible(last->mapTo(area->viewport(), QPoint()), last->size());
        QVERIFY(area->viewport()->rect().contains(visible));
        screenshot(QStringLiteral("14-login-many-staff-scrolled"));
        logIn(217, QStringLiteral("4444"));
        QCOMPARE(m_window->currentScreen(), static_cast<QWidget *>(m_window->sellScreen()));
        QVERIFY(find<QLabel>("staffLabel")->text().contains(QStringLiteral("Medewerker 18")));
    }
};

QTEST_MAIN(TestSellFlow)
#include "tst_sellflow.moc"
