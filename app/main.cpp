#include "app/devices/cashdrawer.h"
#include "app/devices/paymentterminal.h"
#include "app/devices/receipt.h"
#include "app/devices/receiptprinter.h"
#include "app/services/customerservice.h"
#include "app/services/imagecache.h"
#include "app/services/livestock.h"
#include "app/services/overrideservice.h"
#include "app/services/paymentservice.h"
#include "app/services/receiptservice.h"
#include "app/services/returnservice.h"
#include "app/services/saleservice.h"
#include "app/services/serverlookups.h"
#include "app/services/shiftservice.h"
#include "app/services/syncstatus.h"
#include "app/services/terminal.h"
#include "app/store/localdatabase.h"
#include "sync/client/deviceconfig.h"
#include "sync/client/syncengine.h"
#include "ui/language.h"
#include "ui/mainwindow.h"
#include "ui/managerscreen.h"
#include "ui/productscreen.h"
#include "ui/receiptscreen.h"
#include "ui/scaninterceptor.h"
#include "ui/sellscreen.h"
#include "ui/syncscreen.h"
#include "ui/uihelpers.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QStandardPaths>
#include <QUrl>

#include <cstdio>

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
    const QCommandLineOption terminalUrlOption(QStringLiteral("terminal-url"),
        QStringLiteral("nexo endpoint of the card payment terminal, e.g. "
                       "http://127.0.0.1:8043/nexo (toonbank-terminal-sim). Without it the "
                       "tablet takes no cards."),
        QStringLiteral("URL"));
    parser.addOptions({ cacheOption, langOption, printerOption, terminalUrlOption });
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
    // Issue 12: the drawer's shift — opened, moved and closed through the Shift screen; selling
    // and refunding need it open (unless the store sets shift.required = 0).
    terminal.value()->shifts().setCashDrawer(&drawer);
    terminal.value()->shifts().setReceiptPrinter(&printer);
    terminal.value()->requireShifts();

    // The card terminal (nexo Sale-to-POI over HTTP). SaleID names this tablet: the store and
    // the device id it was enrolled with; POIID the terminal (settings terminal_sale_id and
    // terminal_poi_id override both).
    std::unique_ptr<Devices::NexoHttpTerminal> cardTerminal;
    Services::PaymentService &payments = terminal.value()->payments();
    if (parser.isSet(terminalUrlOption)) {
        const QUrl url(parser.value(terminalUrlOption), QUrl::StrictMode);
        if (!url.isValid()
            || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
            std::fprintf(stderr,
                "toonbank: --terminal-url must be an http(s) URL, e.g. "
                "http://127.0.0.1:8043/nexo\n");
            return 1;
        }
        const Store::LocalDatabase &database = terminal.value()->database();
        QString tablet = terminal.value()->sale().location().code;
        if (auto device = Sync::Client::DeviceConfig::load(database);
            device && !device->deviceId.isEmpty())
            tablet += QLatin1Char('-') + device->deviceId.left(8);
        Devices::NexoHttpTerminal::Config config;
        config.endpoint = url;
        config.saleId = database.setting(QStringLiteral("terminal_sale_id"), tablet);
        config.poiId
            = database.setting(QStringLiteral("terminal_poi_id"), QStringLiteral("SIM-0001"));
        cardTerminal = std::make_unique<Devices::NexoHttpTerminal>(config);
        terminal.value()->setPaymentTerminal(cardTerminal.get());
    }

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
    Ui::MainWindow window(terminal.value()->session(), terminal.value()->sale(), payments,
        terminal.value()->customers(), terminal.value()->overrides(), terminal.value()->products(),
        terminal.value()->syncStatus(), language, scanner);
    // The supervisor sees the e-mailed receipts the SMTP server kept refusing (Sync screen).
    window.syncScreen()->setFailedMailSource(
        [&lookups = terminal.value()->lookups()] { return lookups.failedMail(); });
    // Issue 11: live stock on the product screen (Refresh) and product photos there and in the
    // search results, kept next to the cache file.
    Services::LiveStock liveStock(terminal.value()->lookups(), terminal.value()->catalog());
    Services::ImageCache images(parser.value(cacheOption) + QStringLiteral(".images"),
        [&lookups = terminal.value()->lookups()] { return lookups.connection(); });
    window.productScreen()->setLiveStock(&liveStock);
    window.productScreen()->setImageCache(&images);
    window.sellScreen()->setImageCache(&images);
    // Returns and exchanges: the menu's "Returns" and a receipt or web-order QR on the sell screen.
    window.setReturnService(terminal.value()->returns());
    // Issue 12: the Shift screen (menu "Shift", and the sell screen's way there when no shift is
    // open), the manager's day (supervisors and managers), training mode (top bar band).
    window.setShiftService(terminal.value()->shifts());
    // Issue 11: click-and-collect (the menu's "Pickup") and the product screen's "Reserve".
    window.setPickupService(terminal.value()->pickups(), terminal.value()->reservations());
    window.setManagerService(terminal.value()->manager());
    // Issue 11: the endless aisle (order for home delivery or pickup in another store).
    window.setOrderService(terminal.value()->orders());
    window.managerScreen()->setPrinter(&printer);
    Services::ReceiptService &receipts = terminal.value()->receipts();
    window.setReceiptMailer([&receipts](const Services::CompletedSale &sale, const QString &to) {
        return receipts.email(sale, to);
    });
    // A return's receipt: the same layout, printer and mail queue as a sale's.
    window.setReturnReceiptMailer([&receipts](const Services::CompletedReturn &ret,
                                      const QString &to) { return receipts.email(ret, to); });
    window.receiptScreen()->setReturnReceipt(
        [&sale = terminal.value()->sale()](const Services::CompletedReturn &ret) {
            return Devices::ReceiptLayout::layout(
                Services::ReceiptService::receiptFor(ret, sale.location()));
        },
        [&receipts](
            const Services::CompletedReturn &ret, bool copy) { return receipts.print(ret, copy); });
    // A return a crash interrupted first: a pending card refund is settled with the terminal, a
    // fully refunded return is recorded (once), an exchange's credit goes back to the sale in
    // progress (so that a recovered payment records the return with its sale).
    terminal.value()->returns().recover();
    // A payment a crash interrupted: its pending tenders are settled with the terminal and the
    // server, and a sale that was fully paid is recorded (once); an open one comes back on the
    // pay screen after the login.
    payments.recover();
    window.resize(1280, 800);
    window.show();
    const int status = QApplication::exec();
    app.removeEventFilter(&scanner);
    return status;
}
