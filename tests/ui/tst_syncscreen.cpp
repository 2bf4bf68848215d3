#include "app/services/customerservice.h"
#include "app/services/overrideservice.h"
#include "app/services/paymentservice.h"
#include "app/services/saleservice.h"
#include "app/services/session.h"
#include "app/services/syncstatus.h"
#include "app/services/terminal.h"
#include "app/store/localdatabase.h"
#include "app/store/outbox.h"
#include "sync/client/syncengine.h"
#include "tests/support/testcache.h"
#include "tests/ui/widgetdriver.h"
#include "ui/language.h"
#include "ui/loginscreen.h"
#include "ui/mainwindow.h"
#include "ui/scaninterceptor.h"
#include "ui/sellscreen.h"
#include "ui/syncchip.h"
#include "ui/syncscreen.h"
#include "ui/uihelpers.h"

#include <QApplication>
#include <QFontInfo>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Toonbank;
using namespace Toonbank::Tests;

/// The sync chip and the Sync screen over real objects: a real SyncEngine on a cache that is
/// not enrolled (so there is no server and the sales stay in the outbox), the real services and
/// widgets. Rejections are made with Outbox::markRejected, as the engine would on the server's
/// answer.
class TestSyncScreen final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<Services::Terminal> m_terminal;
    std::unique_ptr<Sync::Client::SyncEngine> m_engine;
    std::unique_ptr<Ui::Language> m_language;
    std::unique_ptr<Ui::ScanInterceptor> m_scanner;
    std::unique_ptr<Ui::MainWindow> m_window;

    template <typename T> T *find(const char *name) { return findNamed<T>(m_window.get(), name); }
    void click(const char *name) { tapButton(m_window.get(), name); }
    void screenshot(const QString &name) { saveScreenshot(m_window.get(), name); }
    void showWindow()
    {
        m_window.reset();
        m_window = std::make_unique<Ui::MainWindow>(m_terminal->session(), m_terminal->sale(),
            m_terminal->payments(), m_terminal->customers(), m_terminal->overrides(),
            m_terminal->products(), m_terminal->syncStatus(), *m_language, *m_scanner);
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }
    void logIn(qint64 staffId, const QString &pin)
    {
        if (m_terminal->session().isLoggedIn())
            m_terminal->session().logOut();
        QCOMPARE(m_window->currentScreen(), static_cast<QWidget *>(m_window->loginScreen()));
        click(qPrintable(QStringLiteral("staffTile%1").arg(staffId)));
        for (QChar digit : pin)
            click(qPrintable(QStringLiteral("pinKey%1").arg(digit)));
        click("pinOk");
        QVERIFY(m_terminal->session().isLoggedIn());
    }
    void sell(const QString &barcode)
    {
        QVERIFY(m_terminal->sale().scan(barcode).ok());
        QVERIFY(m_terminal->sale().payCash(Core::Money::fromCents(100000)).ok());
    }
    QPushButton *chip() { return find<QPushButton>("syncChip"); }
    Store::OutboxCounts counts()
    {
        Store::Outbox outbox(m_terminal->database());
        auto counts = outbox.counts();
        return counts ? counts.value() : Store::OutboxCounts { -1, -1 };
    }

private slots:
    void initTestCase()
    {
        qApp->setStyleSheet(Ui::styleSheet());
        m_path = m_dir.filePath(QStringLiteral("cache.sqlite"));
        const QString failure = TestCache::create(m_path);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        auto terminal = Services::Terminal::open(m_path);
        QVERIFY(terminal.ok());
        m_terminal = std::move(terminal.value());

        // As main() does: the engine on its own thread, syncNow after each sale.
        Sync::Client::SyncEngine::Options options;
        options.automatic = false;
        m_engine = std::make_unique<Sync::Client::SyncEngine>(m_path, options);
        connect(&m_terminal->sale(), &Services::SaleService::saleCompleted, m_engine.get(),
            &Sync::Client::SyncEngine::syncNow);
        m_terminal->syncStatus().attachEngine(m_engine.get());
        m_engine->start();

        m_language = std::make_unique<Ui::Language>();
        QVERIFY(m_language->setLanguage(QStringLiteral("nl")));
        m_scanner = std::make_unique<Ui::ScanInterceptor>();
        showWindow();
        // The engine opened the cache on its thread and found no enrolment.
        QTRY_COMPARE(
            m_terminal->syncStatus().overview().lastErrorCode, QStringLiteral("sync.not_enrolled"));
    }
    void cleanupTestCase()
    {
        m_window.reset();
        m_engine.reset();
        m_terminal.reset();
    }

    void loginScreenShowsTheSameState()
    {
        auto *loginChip = find<QPushButton>("loginSyncChip");
        QVERIFY(loginChip && loginChip->isVisible());
        QCOMPARE(loginChip->text(), QStringLiteral("offline"));
        QCOMPARE(loginChip->property("state").toString(), QStringLiteral("offline"));
        QVERIFY(loginChip->height() >= 48);
        screenshot(QStringLiteral("19-login-sync-chip"));
    }

    void chipCountsWaitingSalesWithoutAServer()
    {
        logIn(TestCache::cashierId, QStringLiteral("1111"));
        QVERIFY(chip()->isVisible());
        QCOMPARE(chip()->text(), QStringLiteral("offline"));
        sell(TestCache::jeansBarcode);
        sell(TestCache::socksBarcode);
        QTRY_COMPARE(chip()->text(), QStringLiteral("offline — 2 wachtend"));
        QCOMPARE(chip()->property("state").toString(), QStringLiteral("offline"));
        QVERIFY(chip()->height() >= 48);
        QVERIFY(QFontInfo(chip()->font()).pixelSize() >= 18);
        // The engine has nothing to talk to: it says so in plain words.
        const Services::SyncOverview overview = m_terminal->syncStatus().overview();
        QVERIFY(!overview.enrolled);
        QVERIFY(!overview.online);
        QCOMPARE(overview.pendingEvents, 2);
        QVERIFY(!overview.lastError.isEmpty());
    }

    void rejectedEventIsListedWithItsReason()
    {
        Store::Outbox outbox(m_terminal->database());
        auto pending = outbox.pending(10);
        QVERIFY(pending.ok());
        QCOMPARE(pending->size(), 2);
        QVERIFY(outbox
                    .markRejected(pending->first().eventId,
                        QStringLiteral("sale.unknown_product: Product 100 is not in the catalogue"))
                    .ok());
        m_terminal->syncStatus().refresh();
        QTRY_COMPARE(chip()->property("state").toString(), QStringLiteral("rejected"));
        QCOMPARE(chip()->text(), QStringLiteral("1 afgewezen · 1 wachtend"));

        QTest::mouseClick(chip(), Qt::LeftButton); // tap the chip for the details
        QCOMPARE(m_window->currentScreen(), static_cast<QWidget *>(m_window->syncScreen()));
        auto *table = find<QTableWidget>("rejectedTable");
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("Verkoop"));
        QCOMPARE(table->item(0, 2)->text(), QStringLiteral("Product 100 is not in the catalogue"));
        QVERIFY(find<QLabel>("rejectedDetails")
                    ->text()
                    .contains(QStringLiteral("sale.unknown_product")));
        QCOMPARE(find<QLabel>("syncWaiting")->text(), QStringLiteral("1 gebeurtenis"));
        QCOMPARE(find<QLabel>("syncLastPull")->text(), QStringLiteral("nooit"));
        QVERIFY(!find<QLabel>("syncLastError")->text().isEmpty());
        for (QPushButton *button : m_window->syncScreen()->findChildren<QPushButton *>()) {
            QVERIFY2(button->height() >= 48, qPrintable(button->objectName()));
            QVERIFY2(button->fontMetrics().horizontalAdvance(button->text())
                    <= button->contentsRect().width(),
                qPrintable(button->text())); // the label is not clipped
        }
        QCOMPARE(find<QPushButton>("syncRetry")->text(), QStringLiteral("Opnieuw versturen"));
        screenshot(QStringLiteral("20-sync-rejected"));
    }

    void cashierRetryIsRefusedByTheService()
    {
        // The service itself refuses, whatever the screen shows.
        const Core::Result<int> direct = m_terminal->syncStatus().retryRejected();
        QVERIFY(!direct.ok());
        QCOMPARE(direct.error().code, QStringLiteral("permission.denied"));
        // And the screen says why in the user's language.
        click("syncRetry");
        QCOMPARE(find<QLabel>("syncMessage")->text(),
            QStringLiteral("Alleen een supervisor of manager kan afgewezen gebeurtenissen opnieuw "
                           "versturen."));
        QCOMPARE(counts().rejected, 1);
        QCOMPARE(counts().pending, 1);
        screenshot(QStringLiteral("21-sync-cashier-refused"));
    }

    void supervisorRetryMovesItBackToPending()
    {
        logIn(TestCache::managerId, QStringLiteral("3333"));
        QMetaObject::invokeMethod(
            m_window->findChild<QObject *>(QStringLiteral("topBar")), "syncRequested");
        QCOMPARE(m_window->currentScreen(), static_cast<QWidget *>(m_window->syncScreen()));
        click("syncRetry");
        QCOMPARE(counts().rejected, 0);
        QCOMPARE(counts().pending, 2);
        QCOMPARE(find<QLabel>("syncMessage")->text(),
            QStringLiteral("1 gebeurtenis wordt opnieuw verstuurd."));
        QCOMPARE(find<QTableWidget>("rejectedTable")->rowCount(), 0);
        QTRY_COMPARE(chip()->text(), QStringLiteral("offline — 2 wachtend"));
        QCOMPARE(chip()->property("state").toString(), QStringLiteral("offline"));
        screenshot(QStringLiteral("22-sync-after-retry"));
        click("syncBack");
        QCOMPARE(m_window->currentScreen(), static_cast<QWidget *>(m_window->sellScreen()));
    }

    void chipSpeaksEnglishToo()
    {
        QVERIFY(m_language->setLanguage(QStringLiteral("en")));
        QTRY_COMPARE(chip()->text(), QStringLiteral("offline — 2 waiting"));
        QVERIFY(m_language->setLanguage(QStringLiteral("nl")));
        QTRY_COMPARE(chip()->text(), QStringLiteral("offline — 2 wachtend"));
    }

    void chipTextsForEveryState()
    {
        Services::SyncOverview overview;
        overview.online = true;
        QCOMPARE(Ui::SyncChip::stateFor(overview), QStringLiteral("online"));
        QCOMPARE(Ui::SyncChip::textFor(overview), QStringLiteral("online"));
        overview.pendingEvents = 3;
        QCOMPARE(Ui::SyncChip::stateFor(overview), QStringLiteral("waiting"));
        QCOMPARE(Ui::SyncChip::textFor(overview), QStringLiteral("online — 3 wachtend"));
        overview.online = false;
        overview.pendingEvents = 12;
        QCOMPARE(Ui::SyncChip::textFor(overview), QStringLiteral("offline — 12 wachtend"));
        overview.pendingEvents = 0;
        overview.rejectedEvents = 3;
        QCOMPARE(Ui::SyncChip::stateFor(overview), QStringLiteral("rejected"));
        QCOMPARE(Ui::SyncChip::textFor(overview), QStringLiteral("3 afgewezen"));
    }

    void explicitLanguageWinsOverTheSavedOne()
    {
        m_terminal->session().logOut();
        QVERIFY(m_terminal->session().setPreferredLanguage(QStringLiteral("en")).ok());
        // main() with --lang nl: the explicit choice holds.
        QVERIFY(m_language->setLanguage(QStringLiteral("nl")));
        m_language->setExplicit(true);
        showWindow();
        QCOMPARE(m_language->current(), QStringLiteral("nl"));
        // main() without --lang: the saved choice comes back.
        m_language->setExplicit(false);
        showWindow();
        QCOMPARE(m_language->current(), QStringLiteral("en"));
        QVERIFY(m_terminal->session().setPreferredLanguage(QStringLiteral("nl")).ok());
        QVERIFY(m_language->setLanguage(QStringLiteral("nl")));
    }

    // The e-mailed receipts the SMTP server kept refusing, as the server lists them
    // (ServerLookups::failedMail in main()), for the supervisor; none: the section says so.
    void failedReceiptMailIsShownToTheSupervisor()
    {
        Ui::SyncScreen *screen = m_window->syncScreen();
        auto *mail = find<QLabel>("failedMail");
        QVERIFY(mail);
        screen->reload();
        QVERIFY(mail->isHidden()); // no source: no section
        Services::FailedReceiptMail refused { QStringLiteral("AMS01-T1-000099"),
            QStringLiteral("bounce@example.nl"), 5,
            QStringLiteral("SMTP 550: RCPT failed: 550 5.7.1 Mailbox unavailable"),
            QDateTime(QDate(2026, 3, 2), QTime(9, 30), Qt::UTC) };
        QList<Services::FailedReceiptMail> failed { refused };
        screen->setFailedMailSource([&failed] { return Core::Result(failed); });
        screen->reload();
        QVERIFY(!mail->isHidden());
        QVERIFY2(
            mail->text().contains(QStringLiteral("AMS01-T1-000099")), qPrintable(mail->text()));
        QVERIFY(mail->text().contains(QStringLiteral("bounce@example.nl")));
        QVERIFY(mail->text().contains(QStringLiteral("550")));
        failed.clear();
        screen->reload();
        QVERIFY(mail->isHidden());
        screen->setFailedMailSource({});
    }
};

QTEST_MAIN(TestSyncScreen)
#include "tst_syncscreen.moc"
