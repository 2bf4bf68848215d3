// Benchmark of the Product screen (docs/STOCK.md §3; not a CTest test, run by hand):
//   toonbank-demogen --out /tmp/chain.sqlite --products 200000
//   bench_productscreen --cache /tmp/chain.sqlite [--opens 500] [--refreshes 200]
// 1. Open → painted: the real window logged in, the product screen shown for random products
//    (13 locations each), timed from showProduct() until the screen has been painted
//    (QWidget::repaint, offscreen). Target p99 ≤ 16 ms.
// 2. The LiveStock round trip (Refresh: GET /v1/stock and the write into the cache) to a local
//    toonbank-server (SQLite, a small seeded chain; TOONBANK_TEST_BUILD_DIR or the build dir).
//    Target p99 ≤ 300 ms.
// Prints median and p99 of each.
#include "app/services/customerservice.h"
#include "app/services/livestock.h"
#include "app/services/overrideservice.h"
#include "app/services/paymentservice.h"
#include "app/services/saleservice.h"
#include "app/services/serverlookups.h"
#include "app/services/session.h"
#include "app/services/syncstatus.h"
#include "app/services/terminal.h"
#include "app/store/catalog.h"
#include "app/store/demochain.h"
#include "app/store/localdatabase.h"
#include "benchreport.h"
#include "serverfixture.h"
#include "tests/support/devicekey.h"
#include "ui/language.h"
#include "ui/mainwindow.h"
#include "ui/productscreen.h"
#include "ui/scaninterceptor.h"
#include "ui/sellscreen.h"
#include "ui/uihelpers.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace Toonbank;

using Bench::msSince;
using Bench::report;
using Bench::threadCpuMs;

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "bench_productscreen: %s\n", qPrintable(message));
    return 1;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption cacheOption(QStringLiteral("cache"),
        QStringLiteral("A cache made by toonbank-demogen (13 locations)."), QStringLiteral("file"));
    const QCommandLineOption opensOption(QStringLiteral("opens"),
        QStringLiteral("Product screens to open."), QStringLiteral("n"), QStringLiteral("500"));
    const QCommandLineOption refreshOption(QStringLiteral("refreshes"),
        QStringLiteral("LiveStock round trips (0: skip)."), QStringLiteral("n"),
        QStringLiteral("200"));
    parser.addOptions({ cacheOption, opensOption, refreshOption });
    parser.process(app);
    if (!parser.isSet(cacheOption))
        return fail(QStringLiteral("give --cache FILE (made by toonbank-demogen)"));
    const int opens = parser.value(opensOption).toInt();
    const int refreshes = parser.value(refreshOption).toInt();

    {
        auto terminal = Services::Terminal::open(parser.value(cacheOption));
        if (!terminal)
            return fail(terminal.error().message + QLatin1Char(' ') + terminal.error().detail);
        Services::Terminal &t = *terminal.value();
        QSqlQuery count(t.database().connection());
        count.exec(QStringLiteral("SELECT MAX(id) FROM products"));
        const qint64 maxId = count.next() ? count.value(0).toLongLong() : 0;
        if (maxId <= 0)
            return fail(QStringLiteral("no products in the cache"));
        auto locations = t.catalog().locations();
        std::printf("cache: %lld products, %lld locations\n", qlonglong(maxId),
            qlonglong(locations ? locations->size() : 0));

        // Log in the first cashier (the demo PIN): the screens need a session.
        auto staff = t.session().staffHere();
        if (!staff || staff->isEmpty())
            return fail(QStringLiteral("no staff here"));
        const Store::StaffMember &member = staff->constFirst();
        if (!t.session().logIn(member.id, Store::DemoChain::demoPin(member.role)))
            return fail(QStringLiteral("cannot log in staff %1").arg(member.id));

        app.setStyleSheet(Ui::styleSheet());
        Ui::Language language;
        language.setLanguage(QStringLiteral("en"));
        Ui::ScanInterceptor scanner;
        Ui::MainWindow window(t.session(), t.sale(), t.payments(), t.customers(), t.overrides(),
            t.products(), t.syncStatus(), language, scanner);
        window.resize(1280, 800);
        window.show();
        Ui::ProductScreen *screen = window.productScreen();
        emit window.sellScreen()->productRequested(1);
        QApplication::processEvents();

        QList<double> ms;
        QList<double> cpu;
        QRandomGenerator random(42);
        for (int i = 0; i < opens + 20; ++i) {
            const qint64 id = 1 + qint64(random.bounded(quint64(maxId)));
            QElapsedTimer timer;
            timer.start();
            const double cpuStart = threadCpuMs();
            screen->showProduct(id);
            screen->repaint(); // layout and paint, now
            const double took = msSince(timer);
            if (i >= 20) { // warm-up
                ms.append(took);
                cpu.append(threadCpuMs() - cpuStart);
            }
        }
        report("product screen open -> painted", ms);
        report("  the same, CPU time of the GUI thread", cpu);
    }

    if (refreshes > 0) {
        if (qEnvironmentVariableIsEmpty("TOONBANK_TEST_BUILD_DIR"))
            qputenv("TOONBANK_TEST_BUILD_DIR", TOONBANK_BUILD_DIR);
        QTemporaryDir dir;
        if (!Tests::useDeviceKey(dir.path(), "00112233445566778899aabbccddeeff"))
            return fail(QStringLiteral("cannot write the device key"));
        qputenv("TOONBANK_TEST_BACKEND", "sqlite");
        Tests::ServerFixture server;
        if (!server.seed(50) || !server.start())
            return fail(QStringLiteral("cannot start a local toonbank-server"));
        const QString cache = dir.filePath(QStringLiteral("till.sqlite"));
        int code = 0;
        const QString enrolled = Tests::runSyncTool(cache,
            { QStringLiteral("enrol"), server.url(QString()).toString(),
                server.enrolmentCode(QStringLiteral("AMS01")),
                QString::fromLatin1(
                    server.caCertificates().first().digest(QCryptographicHash::Sha256).toHex()) },
            &code);
        if (code != 0)
            return fail(enrolled);
        auto terminal = Services::Terminal::open(cache);
        if (!terminal)
            return fail(terminal.error().message);
        Services::LiveStock live(terminal.value()->lookups(), terminal.value()->catalog());
        QList<double> ms;
        for (int i = 0; i < refreshes + 5; ++i) {
            QElapsedTimer timer;
            timer.start();
            auto refreshed = live.refresh(1 + i % 50);
            const double took = msSince(timer);
            if (!refreshed)
                return fail(refreshed.error().code + QLatin1Char(' ') + refreshed.error().detail);
            if (i >= 5)
                ms.append(took);
        }
        report("LiveStock round trip (local server)", ms);
    }
    return 0;
}
