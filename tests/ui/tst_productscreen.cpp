// Issue 11 §3, the Product screen through the real window (offscreen) on a demo chain cache
// (13 locations, long store names) with the real services, enrolled with a real toonbank-server
// (SQLite):
// - every store's whole name in its row (word-wrapped, never elided; the label grows in height
//   when the column is narrow), this store first, the other stores nearest first with their
//   distance, the web warehouse last with its delivery time;
// - ages in words from a fixed Core::Clock ("12 min ago", "3 h ago", "2 days ago");
// - variant buttons with their whole label (a flow layout wraps them);
// - Refresh: a figure changed on the server shows after one tap, and is in the cache;
// - "Reserve in …", "Pick up in …" and "Order for home" emit their signals online;
// - the photo and the search results' thumbnails come from the server's drawings;
// - offline (server gone), Refresh shows a plain message and the figures stay; the actions
//   are disabled with a hint.
// Screenshots (nl and en, landscape and portrait) in <build>/test-output/screenshots and
// $TOONBANK_SCREENS_DIR.
#include "app/core/clock.h"
#include "app/services/customerservice.h"
#include "app/services/imagecache.h"
#include "app/services/livestock.h"
#include "app/services/overrideservice.h"
#include "app/services/paymentservice.h"
#include "app/services/productservice.h"
#include "app/services/saleservice.h"
#include "app/services/serverlookups.h"
#include "app/services/session.h"
#include "app/services/syncstatus.h"
#include "app/services/terminal.h"
#include "app/store/catalog.h"
#include "app/store/demochain.h"
#include "app/store/localdatabase.h"
#include "tests/support/testcache.h"
#include "tests/ui/flowfixture.h"
#include "ui/productscreen.h"
#include "ui/searchresultsmodel.h"
#include "ui/sellscreen.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Toonbank;
using namespace Toonbank::Tests;

class TestProductScreen final : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_cache;
    ServerFixture m_server;
    Core::FixedClock m_clock { QDateTime(QDate(2025, 6, 2), QTime(12, 0), Qt::UTC) };
    std::unique_ptr<Services::Terminal> m_terminal;
    std::unique_ptr<Services::LiveStock> m_live;
    std::unique_ptr<Services::ImageCache> m_images;
    FlowUi m_ui;
    std::unique_ptr<Ui::MainWindow> m_window;
    qint64 m_productId = 0; // a pair of jeans with many sizes, id ≤ 5 (also on the server)

    Ui::ProductScreen *screen() { return m_window->productScreen(); }
    template <typename T> T *find(const QString &name)
    {
        return findNamed<T>(m_window.get(), qPrintable(name));
    }
    QList<Store::StockFigure> figures()
    {
        auto stock = m_terminal->products().stockEverywhere(m_productId);
        return stock ? stock.value() : QList<Store::StockFigure>();
    }
    void open(qint64 productId)
    {
        emit m_window->sellScreen()->productRequested(productId);
        QApplication::processEvents();
        QCOMPARE(m_window->currentScreen(), screen());
    }
    /// Until the image cache has nothing in flight (or 10 s).
    void waitForImages()
    {
        QTRY_COMPARE_WITH_TIMEOUT(m_images->pending(), 0, 10000);
        QApplication::processEvents();
    }
    void shots(const QString &name) { Tests::shots(m_window.get(), *m_ui.language, name); }

private slots:
    void initTestCase()
    {
        prepareDevice(m_dir, "00112233445566778899aabbccddeeff");
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));

        // The demo chain: 13 locations with their long names, products from id 1.
        m_cache = m_dir.filePath(QStringLiteral("till.sqlite"));
        {
            auto db = Store::LocalDatabase::open(
                m_cache, Store::LocalDatabase::OpenMode::CreateIfMissing);
            QVERIFY(db);
            Store::DemoChain::Options options;
            options.productCount = 400;
            options.pinIterations = 1000;
            options.customersPerStore = 0;
            auto summary = Store::DemoChain::generateInto(*db.value(), options);
            QVERIFY2(summary, summary ? "" : qPrintable(summary.error().detail));
            QCOMPARE(summary->locations, 13);
        }
        // The server knows products 1..5 in stores 1 and 2 (enough for Refresh).
        QVERIFY(m_server.seed(5));
        QVERIFY(m_server.start());
        enrolWithSyncTool(m_server, m_cache, QStringLiteral("AMS01"));
        QVERIFY(!QTest::currentTestFailed());

        auto opened = Services::Terminal::open(m_cache, false, &m_clock);
        QVERIFY(opened);
        m_terminal = std::move(opened).value();
        m_live
            = std::make_unique<Services::LiveStock>(m_terminal->lookups(), m_terminal->catalog());
        m_images = std::make_unique<Services::ImageCache>(m_cache + QStringLiteral(".images"),
            [this] { return m_terminal->lookups().connection(); });

        m_ui.start();
        m_window = std::make_unique<Ui::MainWindow>(m_terminal->session(), m_terminal->sale(),
            m_terminal->payments(), m_terminal->customers(), m_terminal->overrides(),
            m_terminal->products(), m_terminal->syncStatus(), *m_ui.language, *m_ui.scanner);
        screen()->setClock(&m_clock);
        screen()->setLiveStock(m_live.get());
        screen()->setImageCache(m_images.get());
        m_window->sellScreen()->setImageCache(m_images.get());
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

        // Staff 1 is a cashier of the first store (this tablet's).
        logIn(m_window.get(), 1, Store::DemoChain::demoPin(Store::StaffRole::Cashier));
        QVERIFY(m_terminal->session().isLoggedIn());

        // The product with the most variants among the server's five.
        int most = 0;
        for (qint64 id = 1; id <= 5; ++id) {
            auto detail = m_terminal->products().product(id);
            QVERIFY(detail);
            if (detail->variants.size() > most) {
                most = int(detail->variants.size());
                m_productId = id;
            }
        }
        QVERIFY2(most >= 3, "the first demo products have variants");
        QVERIFY(m_live->isOnline());
    }

    void cleanupTestCase()
    {
        m_ui.stop();
        m_window.reset();
        m_images.reset();
        m_live.reset();
        m_terminal.reset();
    }

    void storesInOrderWithWholeNames()
    {
        open(m_productId);
        const QList<Store::StockFigure> stock = figures();
        QCOMPARE(stock.size(), 13);
        const qint64 here = m_terminal->catalog().hereLocationId();
        QCOMPARE(stock.first().location.id, here);
        QCOMPARE(stock.last().location.kind, Store::LocationKind::WebWarehouse);
        int lastY = -1;
        double lastKm = -1;
        for (int i = 0; i < stock.size(); ++i) {
            const Store::Location &location = stock.at(i).location;
            auto *row = find<QWidget>(QStringLiteral("stockRow%1").arg(location.id));
            QVERIFY2(row && row->isVisible(), qPrintable(location.name));
            // On screen in this order, one under the other.
            QVERIFY(row->y() > lastY);
            lastY = row->y();
            auto *name = find<QLabel>(QStringLiteral("stockName%1").arg(location.id));
            QVERIFY(name);
            QVERIFY(name->wordWrap());
            QVERIFY2(name->text().contains(location.name), qPrintable(name->text()));
            QVERIFY(!name->text().contains(QChar(0x2026)));
            auto *where = find<QLabel>(QStringLiteral("stockWhere%1").arg(location.id));
            QVERIFY(where);
            if (location.id == here) {
                QVERIFY(name->text().contains(QStringLiteral("this store")));
            } else if (location.kind == Store::LocationKind::Store) {
                QVERIFY(stock.at(i).distanceKm >= lastKm);
                lastKm = stock.at(i).distanceKm;
                QVERIFY2(where->text().contains(QStringLiteral(" km")), qPrintable(where->text()));
            }
        }
        auto detail = m_terminal->products().product(m_productId);
        QVERIFY(detail);
        const int days = detail->record.webDeliveryDays;
        const QString delivered
            = find<QLabel>(QStringLiteral("stockWhere%1").arg(stock.last().location.id))->text();
        if (days >= 0) {
            QCOMPARE(delivered, Ui::ProductScreen::tr("Delivered in %n day(s)", nullptr, days));
            QVERIFY(delivered.contains(QString::number(days)));
        } else {
            QCOMPARE(delivered, Ui::ProductScreen::tr("Not sold in the web shop"));
        }
    }

    void longNamesWrapInANarrowColumn()
    {
        open(m_productId);
        m_window->resize(820, 800); // two narrow columns
        QApplication::processEvents();
        QLabel *longest = nullptr;
        for (const Store::StockFigure &figure : figures()) {
            auto *name = find<QLabel>(QStringLiteral("stockName%1").arg(figure.location.id));
            QVERIFY(name);
            // Never cut: the label is as tall as its wrapped text needs.
            QVERIFY2(
                name->height() >= name->heightForWidth(name->width()), qPrintable(name->text()));
            if (!longest || name->text().size() > longest->text().size())
                longest = name;
        }
        QVERIFY(longest);
        const int line = longest->fontMetrics().height();
        QVERIFY2(longest->fontMetrics().horizontalAdvance(longest->text()) > longest->width(),
            qPrintable(
                QStringLiteral("%1 fits in %2 px").arg(longest->text()).arg(longest->width())));
        QVERIFY2(longest->height() >= 2 * line,
            qPrintable(
                QStringLiteral("%1: %2 px high").arg(longest->text()).arg(longest->height())));
        m_window->resize(1280, 800);
        QApplication::processEvents();
    }

    void agesInWords_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("expected");
        QTest::newRow("just now") << qint64(20) << QStringLiteral("just now");
        QTest::newRow("12 min") << qint64(12 * 60 + 5) << QStringLiteral("12 min ago");
        QTest::newRow("3 h") << qint64(3 * 3600 + 100) << QStringLiteral("3 h ago");
        QTest::newRow("2 days") << qint64(2 * 86400 + 100)
                                << Services::ProductService::tr("%n day(s) ago", nullptr, 2);
    }
    void agesInWords()
    {
        QFETCH(qint64, seconds);
        QFETCH(QString, expected);
        const Store::StockFigure figure = figures().at(3);
        const QDateTime saved = m_clock.nowUtc();
        m_clock.set(figure.asOf.addSecs(seconds));
        open(m_productId);
        QCOMPARE(
            find<QLabel>(QStringLiteral("stockAge%1").arg(figure.location.id))->text(), expected);
        m_clock.set(saved);
    }

    void variantsShowTheirWholeLabel()
    {
        open(m_productId);
        m_window->resize(800, 1280);
        QApplication::processEvents();
        auto detail = m_terminal->products().product(m_productId);
        QVERIFY(detail);
        QVERIFY(detail->variants.size() >= 3);
        int rows = 0;
        int lastY = -1;
        for (const Store::Variant &variant : detail->variants) {
            auto *button = find<QPushButton>(QStringLiteral("variant%1").arg(variant.productId));
            QVERIFY(button);
            QCOMPARE(button->text(), variant.label.isEmpty() ? variant.sku : variant.label);
            QVERIFY2(button->width() >= button->sizeHint().width(), qPrintable(button->text()));
            QVERIFY(button->isVisible());
            if (button->y() != lastY) {
                ++rows;
                lastY = button->y();
            }
        }
        QVERIFY(rows >= 1);
        m_window->resize(1280, 800);
        QApplication::processEvents();
    }

    void refreshShowsTheServersFigure()
    {
        open(m_productId);
        const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        QCOMPARE(
            m_server.scalar(QStringLiteral("UPDATE stock SET quantity = 42, held = 5, as_of = ? "
                                           "WHERE product_id = ? AND location_id = 2 "
                                           "RETURNING quantity"),
                { now, m_productId }),
            42);
        tapButton(m_window.get(), "stockRefresh");
        // Available = 42 − 5 held, on screen and in the cache.
        QVERIFY(!find<QLabel>(QStringLiteral("stockNote"))
                     ->text()
                     .contains(QStringLiteral("No connection")));
        bool seen = false;
        for (const Store::StockFigure &figure : figures()) {
            if (figure.location.id == 2) {
                QCOMPARE(figure.quantity, 37);
                seen = true;
            }
        }
        QVERIFY(seen);
        const QStringList labels = [&] {
            QStringList texts;
            for (QLabel *label :
                find<QWidget>(QStringLiteral("stockRow2"))->findChildren<QLabel *>())
                texts.append(label->text());
            return texts;
        }();
        QVERIFY2(labels.contains(Ui::ProductScreen::tr("%n in stock", nullptr, 37)),
            qPrintable(labels.join(QLatin1Char('|'))));
        // An older figure from the server never overwrites a newer one in the cache.
        QCOMPARE(m_server.scalar(QStringLiteral("UPDATE stock SET quantity = 1, held = 0, as_of = "
                                                "'2020-01-01T00:00:00.000Z' WHERE product_id = ? "
                                                "AND location_id = 2 RETURNING quantity"),
                     { m_productId }),
            1);
        tapButton(m_window.get(), "stockRefresh");
        for (const Store::StockFigure &figure : figures()) {
            if (figure.location.id == 2)
                QCOMPARE(figure.quantity, 37);
        }
    }

    void actionsEmitTheirSignals()
    {
        open(m_productId);
        QSignalSpy reserve(screen(), &Ui::ProductScreen::reserveRequested);
        QSignalSpy order(screen(), &Ui::ProductScreen::orderRequested);
        // Store 2 has 37 now (the refresh above).
        auto *reserveButton = find<QPushButton>(QStringLiteral("reserve2"));
        QVERIFY(reserveButton);
        QVERIFY(reserveButton->isEnabled());
        QVERIFY(reserveButton->text().contains(QStringLiteral("Rotterdam")));
        tapButton(m_window.get(), "reserve2");
        QCOMPARE(reserve.size(), 1);
        QCOMPARE(reserve.at(0).at(0).toLongLong(), m_productId);
        QCOMPARE(reserve.at(0).at(1).toLongLong(), 2);
        tapButton(m_window.get(), "pickup2");
        QCOMPARE(order.size(), 1);
        QCOMPARE(order.at(0).at(1).toLongLong(), 2);
        // A store with none: no reserving there.
        for (const Store::StockFigure &figure : figures()) {
            if (figure.location.kind == Store::LocationKind::Store && figure.quantity == 0
                && figure.location.id != m_terminal->catalog().hereLocationId()) {
                QVERIFY(!find<QPushButton>(QStringLiteral("reserve%1").arg(figure.location.id))
                             ->isEnabled());
            }
        }
        auto *home = find<QPushButton>(QStringLiteral("productOrderHome"));
        QVERIFY(home);
        if (home->isEnabled()) {
            tapButton(m_window.get(), "productOrderHome");
            QCOMPARE(order.size(), 2);
            QCOMPARE(order.at(1).at(0).toLongLong(), m_productId);
            QCOMPARE(order.at(1).at(1).toLongLong(), 0);
        }
    }

    void photosFromTheServer()
    {
        open(m_productId);
        auto detail = m_terminal->products().product(m_productId);
        QVERIFY(detail);
        QVERIFY(detail->record.imageRef.startsWith(QStringLiteral("demo/")));
        waitForImages();
        QVERIFY(m_images->isOnDisk(detail->record.imageRef, Services::ImageCache::Size::Large));
        shots(QStringLiteral("90-product"));

        // The sell screen's search results with thumbnails.
        tapButton(m_window.get(), "productBack");
        auto *search = find<QLineEdit>(QStringLiteral("searchField"));
        QVERIFY(search);
        search->setText(QStringLiteral("jeans"));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->sellScreen()->searchResults()->rowCount() > 0, 5000);
        auto *results = find<QTableView>(QStringLiteral("searchResults"));
        QVERIFY(results);
        results->viewport()->repaint();
        waitForImages();
        const QString ref = m_window->sellScreen()->searchResults()->product(0).imageRef;
        QVERIFY(m_images->isOnDisk(ref, Services::ImageCache::Size::Thumb));
        const QVariant decoration = m_window->sellScreen()->searchResults()->data(
            m_window->sellScreen()->searchResults()->index(0, Ui::SearchResultsModel::Name),
            Qt::DecorationRole);
        QVERIFY(decoration.canConvert<QPixmap>());
        shots(QStringLiteral("91-search-thumbnails"));
        search->clear();
        QApplication::processEvents();
    }

    void offlineRefreshSaysSo()
    {
        open(m_productId);
        const QList<Store::StockFigure> before = figures();
        m_server.kill();
        tapButton(m_window.get(), "stockRefresh");
        auto *note = find<QLabel>(QStringLiteral("stockNote"));
        QVERIFY(note->isVisible());
        QVERIFY2(note->text().contains(QStringLiteral("No connection to the server")),
            qPrintable(note->text()));
        const QList<Store::StockFigure> after = figures();
        QCOMPARE(after.size(), before.size());
        for (int i = 0; i < after.size(); ++i)
            QCOMPARE(after.at(i).quantity, before.at(i).quantity);
        // Offline: no reserving or ordering, and the row says why.
        QVERIFY(!m_live->isOnline());
        QVERIFY(!find<QPushButton>(QStringLiteral("reserve2"))->isEnabled());
        QVERIFY(!find<QPushButton>(QStringLiteral("productOrderHome"))->isEnabled());
        shots(QStringLiteral("92-product-offline"));
    }
};

QTEST_MAIN(TestProductScreen)
#include "tst_productscreen.moc"
