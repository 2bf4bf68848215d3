// Benchmark of the tablet app's hot paths on a big cache (not a CTest test; run by hand):
//   bench_app --cache FILE [--scans N] [--searches N] [--starts N] [--promotions N]
// Prints median and p99 for: scan keystroke → basket painted, search keystroke → results
// painted, and cold start → login screen (a fresh process each time). With --promotions N
// (default 500) the cache first gets N active promotions (item, category, brand, multi-buy,
// basket, spend threshold; half of the item ones on the scanned products), so every scan is
// priced by the promotion engine as in a store.
#include "app/services/checkoutservice.h"
#include "app/services/customerservice.h"
#include "app/services/overrideservice.h"
#include "app/services/paymentservice.h"
#include "app/services/saleservice.h"
#include "app/services/session.h"
#include "app/services/terminal.h"
#include "app/store/localdatabase.h"
#include "app/store/promotionstore.h"
#include "benchreport.h"
#include "ui/language.h"
#include "ui/mainwindow.h"
#include "ui/scaninterceptor.h"
#include "ui/sellscreen.h"
#include "ui/uihelpers.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QProcess>
#include <QSqlQuery>
#include <QTableWidget>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace Toonbank;

using Bench::msSince;
using Bench::report;
using Bench::threadCpuMs;

namespace {

// The child side of the cold-start figure: everything main() does up to a painted login screen.
int startupProbe(const QString &cache, QElapsedTimer &sinceMain)
{
    Ui::Language language;
    language.setLanguage(QStringLiteral("nl"));
    qApp->setStyleSheet(Ui::styleSheet());
    auto terminal = Services::Terminal::open(cache);
    if (!terminal)
        return 1;
    Ui::ScanInterceptor scanner;
    Ui::MainWindow window(terminal.value()->session(), terminal.value()->sale(),
        terminal.value()->payments(), terminal.value()->customers(), terminal.value()->overrides(),
        terminal.value()->products(), terminal.value()->syncStatus(), language, scanner);
    window.resize(1280, 800);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 2;
    window.repaint();
    std::printf("%.3f\n", msSince(sinceMain));
    return 0;
}

// What the benchmark types for a product name. QTest can only type ASCII keys: keep
// letters, digits and spaces, at most seven of them.
QString typedQuery(const QString &name)
{
    QString query;
    for (QChar c : name.toLower()) {
        if (query.size() < 7 && c.unicode() < 128
            && (c.isLetterOrNumber() || c == QLatin1Char(' ')))
            query.append(c);
    }
    return query;
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    qputenv("QT_QPA_PLATFORM",
        qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen")
                                             : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption cacheOption(QStringLiteral("cache"),
        QStringLiteral("Cache file (e.g. a 1M demo cache)."), QStringLiteral("FILE"));
    const QCommandLineOption scansOption(QStringLiteral("scans"), QStringLiteral("Scans to time."),
        QStringLiteral("N"), QStringLiteral("500"));
    const QCommandLineOption searchesOption(QStringLiteral("searches"),
        QStringLiteral("Search queries to type."), QStringLiteral("N"), QStringLiteral("100"));
    const QCommandLineOption startsOption(QStringLiteral("starts"),
        QStringLiteral("Cold starts to time."), QStringLiteral("N"), QStringLiteral("10"));
    const QCommandLineOption promotionsOption(QStringLiteral("promotions"),
        QStringLiteral("Active promotions to seed before timing (0: none)."), QStringLiteral("N"),
        QStringLiteral("500"));
    const QCommandLineOption probeOption(
        QStringLiteral("startup-probe"), QStringLiteral("Internal: one cold start."));
    parser.addHelpOption();
    parser.addOptions(
        { cacheOption, scansOption, searchesOption, startsOption, promotionsOption, probeOption });
    parser.process(app);
    const QString cache = parser.value(cacheOption);
    if (cache.isEmpty())
        parser.showHelp(1);
    if (parser.isSet(probeOption))
        return startupProbe(cache, sinceMain);

    // Cold start: a fresh process each time (the OS file cache stays warm, as on a tablet
    // that has run the app before).
    QList<double> startInProcess;
    QList<double> startWall;
    for (int i = 0; i < parser.value(startsOption).toInt(); ++i) {
        QElapsedTimer wall;
        wall.start();
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(),
            { QStringLiteral("--cache"), cache, QStringLiteral("--startup-probe") });
        if (!child.waitForFinished(60000) || child.exitCode() != 0) {
            std::fprintf(
                stderr, "startup probe failed: %s\n", child.readAllStandardError().constData());
            return 1;
        }
        startWall.append(msSince(wall));
        startInProcess.append(child.readAllStandardOutput().trimmed().toDouble());
    }

    Ui::Language language;
    language.setLanguage(QStringLiteral("nl"));
    app.setStyleSheet(Ui::styleSheet());
    auto opened = Services::Terminal::open(cache);
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().message));
        return 1;
    }
    Services::Terminal &terminal = *opened.value();
    Ui::ScanInterceptor scanner;
    app.installEventFilter(&scanner);
    Ui::MainWindow window(terminal.session(), terminal.sale(), terminal.payments(),
        terminal.customers(), terminal.overrides(), terminal.products(), terminal.syncStatus(),
        language, scanner);
    window.resize(1280, 800);
    window.show();
    (void)QTest::qWaitForWindowExposed(&window);

    auto staff = terminal.session().staffHere();
    bool loggedIn = false;
    for (const Store::StaffMember &member : staff.value()) {
        for (const QString &pin :
            { QStringLiteral("1111"), QStringLiteral("2222"), QStringLiteral("3333") }) {
            if (!loggedIn && terminal.session().logIn(member.id, pin))
                loggedIn = true;
        }
    }
    if (!loggedIn) {
        std::fprintf(stderr, "no demo staff member accepted a demo PIN\n");
        return 1;
    }
    QApplication::processEvents();

    QStringList codes;
    QStringList names;
    QStringList skus;
    QStringList categories;
    QStringList brands;
    {
        QSqlQuery q(terminal.database().connection());
        const int scans = parser.value(scansOption).toInt();
        q.exec(QStringLiteral("SELECT max(rowid) FROM products"));
        const qint64 maxId = q.next() ? q.value(0).toLongLong() : 0;
        q.prepare(
            QStringLiteral("SELECT json_extract(p.barcodes, '$[0]'), p.name, p.sku, p.category, "
                           "p.brand FROM products p WHERE p.id >= ? AND p.barcodes <> '[]' "
                           "LIMIT 1"));
        const int searches = parser.value(searchesOption).toInt();
        for (int i = 0; i < std::max(scans, searches); ++i) {
            q.addBindValue(
                qint64(1 + (quint64(i) * 2654435761u) % quint64(std::max<qint64>(maxId, 1))));
            if (q.exec() && q.next()) {
                codes.append(q.value(0).toString());
                names.append(q.value(1).toString());
                skus.append(q.value(2).toString());
                categories.append(q.value(3).toString());
                brands.append(q.value(4).toString());
            }
        }
        codes = codes.mid(0, scans);
        names = names.mid(0, searches);
    }
    const int promotionCount = parser.value(promotionsOption).toInt();
    if (promotionCount > 0 && !skus.isEmpty()) {
        Store::PromotionStore promotions(terminal.database());
        const Core::Status seeded = terminal.database().transaction([&]() -> Core::Status {
            for (int i = 0; i < promotionCount; ++i) {
                Core::Promotion p;
                p.id = QStringLiteral("BENCH-%1").arg(i, 4, 10, QLatin1Char('0'));
                p.label = QStringLiteral("Bench promotion %1").arg(i);
                const qsizetype pick = i % skus.size();
                switch (i % 6) {
                case 0:
                case 1:
                    p.kind = Core::PromotionKind::PercentOff;
                    p.target = Core::PromotionTarget::Item;
                    p.targetKeys = { skus.at(pick) };
                    p.percentBasisPoints = 1000 + 500 * (i % 3);
                    break;
                case 2:
                    p.kind = Core::PromotionKind::BuyNPayM;
                    p.target = Core::PromotionTarget::Category;
                    p.targetKeys = { categories.at(pick) };
                    p.buyQuantity = 3;
                    p.payQuantity = 2;
                    break;
                case 3:
                    p.kind = Core::PromotionKind::AmountOff;
                    p.target = Core::PromotionTarget::Brand;
                    p.targetKeys = { brands.at(pick) };
                    p.amount = Core::Money::fromCents(100);
                    break;
                case 4:
                    p.kind = Core::PromotionKind::NthAtPercentOff;
                    p.target = Core::PromotionTarget::Category;
                    p.targetKeys = { categories.at(pick) };
                    p.buyQuantity = 2;
                    p.percentBasisPoints = 5000;
                    break;
                default:
                    p.kind = Core::PromotionKind::SpendThreshold;
                    p.target = Core::PromotionTarget::Basket;
                    p.threshold = Core::Money::fromCents(5000 + 100 * i);
                    p.amount = Core::Money::fromCents(500);
                    break;
                }
                p.priority = i % 7;
                if (auto done = promotions.upsert(p); !done)
                    return done;
            }
            return Core::success();
        });
        if (!seeded) {
            std::fprintf(stderr, "seeding promotions: %s\n", qPrintable(seeded.error().detail));
            return 1;
        }
    }
    std::printf("cache %s: %lld scan codes, %lld search names, %d promotions seeded\n",
        qPrintable(cache), qlonglong(codes.size()), qlonglong(names.size()), promotionCount);

    auto *basket = window.findChild<QTableWidget *>(QStringLiteral("basketTable"));
    auto *search = window.findChild<QLineEdit *>(QStringLiteral("searchField"));
    auto *results = window.findChild<QAbstractItemView *>(QStringLiteral("searchResults"));
    auto *vat = window.findChild<QWidget *>(QStringLiteral("vatSummary"));
    auto *total = window.findChild<QWidget *>(QStringLiteral("basketTotal"));

    // Scan: the wedge's keystrokes go in fast; the clock runs from the final Enter until the
    // basket has been painted.
    QList<double> scanMs;
    QList<double> scanCpuMs;
    for (int i = 0; i < codes.size(); ++i) {
        if (i % 25 == 0) {
            (void)terminal.checkout().clear();
            QApplication::processEvents();
        }
        QWidget *target = QApplication::focusWidget() ? QApplication::focusWidget() : &window;
        QTest::keyClicks(target, codes.at(i));
        QElapsedTimer timer;
        timer.start();
        const double cpuAtStart = threadCpuMs();
        QTest::keyClick(target, Qt::Key_Return);
        // What a scan changes: the basket rows, the VAT summary and the total.
        basket->viewport()->repaint();
        vat->repaint();
        total->repaint();
        scanMs.append(msSince(timer));
        scanCpuMs.append(threadCpuMs() - cpuAtStart);
        QApplication::processEvents();
    }
    (void)terminal.checkout().clear();

    // The service alone (barcode lookup, VAT, basket), without widgets, on the same codes
    // (their pages are warm by now: this isolates the CPU cost).
    QList<double> lookupMs;
    for (const QString &code : std::as_const(codes)) {
        QElapsedTimer timer;
        timer.start();
        (void)terminal.checkout().addScannedCode(code);
        lookupMs.append(msSince(timer));
        if (terminal.checkout().basket().lines().size() >= 25)
            (void)terminal.checkout().clear();
    }
    (void)terminal.checkout().clear();
    QApplication::processEvents();

    // The search service alone on the same prefixes, without widgets: separates the query's
    // cost from the screen's.
    QList<double> searchServiceMs;
    for (const QString &name : std::as_const(names)) {
        const QString query = typedQuery(name);
        for (qsizetype length = 1; length <= query.size(); ++length) {
            QElapsedTimer timer;
            timer.start();
            (void)terminal.checkout().search(query.left(length), 12);
            searchServiceMs.append(msSince(timer));
        }
    }

    // Search as a person types: each keystroke searches at once; the clock runs from the
    // keystroke until the results are painted.
    scanner.setEnabled(false); // a typist's keys are never a burst; keeps the figure honest
    QList<double> searchMs;
    for (const QString &name : std::as_const(names)) {
        search->setFocus();
        search->clear();
        const QString query = typedQuery(name);
        for (QChar c : query) {
            QElapsedTimer timer;
            timer.start();
            QTest::keyClicks(search, QString(c));
            // The screen searches on the next turn of the event loop (keystrokes that arrive
            // meanwhile are coalesced): the clock runs until the results for this text are in.
            while (window.sellScreen()->searchPending())
                QApplication::processEvents();
            results->viewport()->repaint();
            searchMs.append(msSince(timer));
        }
        QApplication::processEvents();
    }
    app.removeEventFilter(&scanner);

    std::printf("\n");
    report("scan: service only (lookup+basket)", lookupMs);
    report("scan keystroke -> basket painted", scanMs);
    report("  the same, CPU time of the GUI thread", scanCpuMs);
    report("search: service only (12 rows)", searchServiceMs);
    report("search keystroke -> results painted", searchMs);
    report("cold start -> login painted (in process)", startInProcess);
    report("cold start -> login painted (exec to exit)", startWall);
    return 0;
}
