#include "app/devices/cashdrawer.h"
#include "app/devices/paymentterminal.h"
#include "app/devices/receiptprinter.h"
#include "app/services/customerservice.h"
#include "app/services/overrideservice.h"
#include "app/services/paymentservice.h"
#include "app/services/receiptservice.h"
#include "app/services/saleservice.h"
#include "app/services/serverlookups.h"
#include "app/services/syncstatus.h"
#include "app/services/terminal.h"
#include "app/store/salesledger.h"
#include "sync/client/syncengine.h"
#include "ui/language.h"
#include "ui/mainwindow.h"
#include "ui/scaninterceptor.h"
#include "ui/syncscreen.h"
#include "ui/uihelpers.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QStandardPaths>
#include <QUrl>

#include <cstdio>
#include <memory>

using namespace Toonbank;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("toonbank"));
    QApplication::setOrganizationName(QStringLiteral("Toonbank"));
    QApplication::setApplicationVersion(QStringLiteral(TOONBANK_VERSION));

    Ui::Language language;
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Toonbank in-store mPOS"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    const QCommandLineOption cacheOption(QStringLiteral("cache"),
        QStringLiteral("Local cache file (default %1)")
            .arg(dataDir + QStringLiteral("/cache.sqlite")),
        QStringLiteral("FILE"), dataDir + QStringLiteral("/cache.sqlite"));
    const QCommandLineOption langOption(QStringLiteral("lang"),
        QStringLiteral("User interface language: nl or en."), QStringLiteral("nl|en"),
        QStringLiteral("nl"));
    const QCommandLineOption printerOption(QStringLiteral("printer-out"),
        QStringLiteral("File receiving the receipt printer's ESC/POS bytes."),
        QStringLiteral("FILE"), dataDir + QStringLiteral("/receipts.escpos"));
    const QCommandLineOption terminalOption(QStringLiteral("terminal-url"),
        QStringLiteral("The card terminal's nexo endpoint (toonbank-terminal-sim: "
                       "http://127.0.0.1:PORT/nexo). Without it the tablet takes no cards."),
        QStringLiteral("URL"));
    parser.addOptions({ cacheOption, langOption, printerOption, terminalOption });
    parser.process(app);

    // An explicit --lang wins for this run; without it MainWindow restores the language saved
    // at login (device setting ui_language), falling back to the option's default.
    language.setLanguage(parser.value(langOption));
    language.setExplicit(parser.isSet(langOption));
    app.setStyleSheet(Ui::styleSheet());

    QDir().mkpath(dataDir);
    auto terminal = Services::Terminal::open(parser.value(cacheOption));
    if (!terminal) {
        std::fprintf(stderr, "toonbank: %s\n%s\n", qPrintable(terminal.error().message),
            qPrintable(QCoreApplication::translate(
                "Toonbank", "Create a demo cache with toonbank-demogen --out FILE.")));
        return 1;
    }

    Devices::EscPosPrinterSimulator printer(parser.value(printerOption));
    Devices::CashDrawerSimulator drawer;
    terminal.value()->sale().setReceiptPrinter(&printer);
    terminal.value()->sale().setCashDrawer(&drawer);

    // The card terminal (nexo Sale-to-POI over HTTP), then whatever a crash left: pending
    // tenders are settled with the terminal / server, an open payment comes back frozen, a
    // fully paid one is recorded.
    std::unique_ptr<Devices::NexoHttpTerminal> cardTerminal;
    if (parser.isSet(terminalOption)) {
        Devices::NexoHttpTerminal::Config config;
        config.endpoint = QUrl(parser.value(terminalOption));
        config.saleId = terminal.value()->sale().location().code + QStringLiteral("-")
            + terminal.value()->sale().ledger().terminalCode();
        config.poiId = QStringLiteral("SIM-0001");
        cardTerminal = std::make_unique<Devices::NexoHttpTerminal>(config);
        terminal.value()->setPaymentTerminal(cardTerminal.get());
    }
    terminal.value()->payments().recover();

    // ---- Sync engine (sync/client, added by the sync work; keep this block whole) -----------
    // Pushes sales and pulls catalog/stock on its own thread once the cache is enrolled
    // (toonbank-synctool enrol); an unenrolled cache leaves it idle. The top bar can show
    // syncEngine.state() and follow SyncEngine::stateChanged (Sync::Client::SyncState).
    Sync::Client::SyncEngine syncEngine(parser.value(cacheOption));
    QObject::connect(&terminal.value()->sale(), &Services::SaleService::saleCompleted, &syncEngine,
        &Sync::Client::SyncEngine::syncNow);
    syncEngine.start();
    // ---- end of sync engine block -----------------------------------------------------------
    terminal.value()->syncStatus().attachEngine(
        &syncEngine); // the top bar and Sync screen follow it
    // An e-mailed receipt goes to the server's mailer as soon as the link allows.
    QObject::connect(&terminal.value()->receipts(), &Services::ReceiptService::emailQueued,
        &syncEngine, &Sync::Client::SyncEngine::syncNow);

    Ui::ScanInterceptor scanner;
    app.installEventFilter(&scanner);
    Ui::MainWindow window(terminal.value()->session(), terminal.value()->sale(),
        terminal.value()->customers(), terminal.value()->overrides(), terminal.value()->products(),
        terminal.value()->syncStatus(), language, scanner);
    // The supervisor sees the e-mailed receipts the SMTP server kept refusing (Sync screen).
    window.syncScreen()->setFailedMailSource(
        [&lookups = terminal.value()->lookups()] { return lookups.failedMail(); });
    window.resize(1280, 800);
    window.show();
    const int status = QApplication::exec();
    app.removeEventFilter(&scanner);
    return status;
}
