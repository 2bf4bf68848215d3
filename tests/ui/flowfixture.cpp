#include "tests/ui/flowfixture.h"

#include "app/core/money.h"
#include "app/services/syncstatus.h"
#include "tests/support/devicekey.h"
#include "ui/payscreen.h"
#include "ui/sellscreen.h"
#include "ui/uihelpers.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMenu>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

namespace Toonbank::Tests {

namespace {

constexpr int syncTimeoutMs = 180000;

} // namespace

QString eur(qint64 cents)
{
    return Core::Money::fromCents(cents).toDisplayString();
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly))
        return QString();
    file.write(content);
    return file.fileName();
}

QList<QVariantList> cacheRows(
    const QString &cache, const QString &sql, const QVariantList &params, int columns)
{
    QList<QVariantList> rows;
    const QString name = QStringLiteral("flowfixture-cache");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(cache);
        if (db.open()) {
            QSqlQuery query(db);
            query.prepare(sql);
            for (const QVariant &value : params)
                query.addBindValue(value);
            if (!query.exec())
                qWarning() << sql << query.lastError().text();
            while (query.next()) {
                QVariantList row;
                for (int c = 0; c < columns; ++c)
                    row.append(query.value(c));
                rows.append(row);
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return rows;
}

void enrolWithSyncTool(ServerFixture &server, const QString &cache, const QString &store)
{
    int code = 0;
    const QString enrolled = runSyncTool(cache,
        { QStringLiteral("enrol"), server.url(QString()).toString(), server.enrolmentCode(store),
            QString::fromLatin1(
                server.caCertificates().first().digest(QCryptographicHash::Sha256).toHex()) },
        &code);
    QVERIFY2(code == 0, qPrintable(enrolled));
}

void importWebOrder(ServerFixture &server, const QTemporaryDir &dir, const QJsonObject &order)
{
    QString output;
    QVERIFY2(server.admin({ QStringLiteral("import"), QStringLiteral("web-orders"),
                              writeFile(dir, QStringLiteral("weborders.json"),
                                  QJsonDocument(QJsonArray { order }).toJson()) },
                 &output),
        qPrintable(output));
}

QJsonObject webCardTender(qint64 cents, const QString &reference, const QDateTime &paidAt)
{
    return QJsonObject { { QStringLiteral("method"), QStringLiteral("card") },
        { QStringLiteral("amountCents"), cents }, { QStringLiteral("reference"), reference },
        { QStringLiteral("paidAt"), paidAt.toString(Qt::ISODate) } };
}

std::unique_ptr<Devices::NexoHttpTerminal> simCardTerminal(
    const TerminalSimProcess &sim, int requestTimeoutMs)
{
    Devices::NexoHttpTerminal::Config config;
    config.endpoint = sim.endpoint();
    config.saleId = QStringLiteral("AMS01-T1");
    config.poiId = sim.poiId();
    config.paymentTimeoutMs = 3000;
    config.requestTimeoutMs = requestTimeoutMs;
    return std::make_unique<Devices::NexoHttpTerminal>(config);
}

void prepareDevice(const QTemporaryDir &dir, const QByteArray &machineId)
{
    qApp->setStyleSheet(Ui::styleSheet());
    QVERIFY(useDeviceKey(dir.path(), machineId));
}

void shots(QWidget *window, Ui::Language &language, const QString &name, ScreensDir screensDir)
{
    const QString extra = screensDir == ScreensDir::Also
        ? QString::fromLocal8Bit(qgetenv("TOONBANK_SCREENS_DIR"))
        : QString();
    if (!extra.isEmpty())
        QVERIFY(QDir().mkpath(extra));
    for (const QString &lang : { QStringLiteral("nl"), QStringLiteral("en") }) {
        language.setLanguage(lang);
        QApplication::processEvents();
        for (const QSize size : { QSize(1280, 800), QSize(800, 1280) }) {
            window->resize(size);
            QApplication::processEvents();
            const QString file = QStringLiteral("%1-%2-%3")
                                     .arg(name, lang,
                                         size.width() > size.height() ? QStringLiteral("landscape")
                                                                      : QStringLiteral("portrait"));
            saveScreenshot(window, file);
            if (!extra.isEmpty())
                QVERIFY(window->grab().save(QDir(extra).filePath(file + QStringLiteral(".png"))));
        }
    }
    language.setLanguage(QStringLiteral("en"));
    window->resize(1280, 800);
    QApplication::processEvents();
}

void logIn(QWidget *window, qint64 staffId, const QString &pin)
{
    tapButton(window, qPrintable(QStringLiteral("staffTile%1").arg(staffId)));
    for (QChar digit : pin)
        tapButton(window, qPrintable(QStringLiteral("pinKey%1").arg(digit)));
    tapButton(window, "pinOk");
}

void openFromMenu(QWidget *window, const QString &label)
{
    tapButton(window, "menuButton");
    QMenu *menu = window->findChild<QMenu *>();
    QVERIFY(menu);
    QAction *chosen = nullptr;
    for (QAction *action : menu->actions()) {
        if (action->text() == label)
            chosen = action;
    }
    QVERIFY2(chosen && chosen->isVisible(), qPrintable(label));
    chosen->trigger();
    menu->close();
}

void FlowUi::start(bool interceptScans)
{
    language = std::make_unique<Ui::Language>();
    QVERIFY(language->setLanguage(QStringLiteral("en")));
    scanner = std::make_unique<Ui::ScanInterceptor>();
    if (interceptScans)
        qApp->installEventFilter(scanner.get());
}

void FlowUi::stop()
{
    if (scanner)
        qApp->removeEventFilter(scanner.get());
}

void FlowTablet::open(ServerFixture &server, const QString &cachePath, const QString &store)
{
    cache = cachePath;
    enrolWithSyncTool(server, cache, store);
    if (QTest::currentTestFailed())
        return;
    Sync::Client::SyncEngine::Options options;
    options.automatic = false;
    options.requestTimeoutMs = 60000;
    engine = std::make_unique<Sync::Client::SyncEngine>(cache, options);
    engine->start();
    syncNow();
    if (QTest::currentTestFailed())
        return;
    auto opened = Services::Terminal::open(cache);
    QVERIFY2(opened, opened ? "" : qPrintable(opened.error().detail));
    terminal = std::move(opened.value());
    terminal->syncStatus().attachEngine(engine.get());
}

void FlowTablet::syncNow()
{
    QSignalSpy finished(engine.get(), &Sync::Client::SyncEngine::cycleFinished);
    engine->syncNow();
    QVERIFY(finished.wait(syncTimeoutMs));
    QVERIFY2(finished.first().first().toBool(), qPrintable(engine->state().lastErrorCode));
}

void FlowTablet::createWindow(FlowUi &ui)
{
    window = std::make_unique<Ui::MainWindow>(terminal->session(), terminal->sale(),
        terminal->payments(), terminal->customers(), terminal->overrides(), terminal->products(),
        terminal->syncStatus(), *ui.language, *ui.scanner);
    QObject::connect(window->payScreen(), &Ui::PayScreen::completed, window.get(),
        [this](const Services::CompletedSale &done) { sold.append(done); });
}

void FlowTablet::showAndLogIn(qint64 staffId, const QString &pin)
{
    window->resize(1280, 800);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    logIn(window.get(), staffId, pin);
    QCOMPARE(window->currentScreen(), static_cast<QWidget *>(window->sellScreen()));
}

void FlowTablet::reset()
{
    window.reset();
    cardTerminal.reset();
    engine.reset();
    terminal.reset();
}

Services::CompletedSale FlowTablet::payCash()
{
    const qsizetype before = sold.size();
    click("payButton");
    click("payMethodCash");
    click("quickExact");
    click("payDone");
    if (!QTest::qWaitFor([&] { return sold.size() > before; }, 10000))
        return {};
    return sold.constLast();
}

QString FlowTablet::text(const char *name)
{
    auto *label = find<QLabel>(name);
    return label ? label->text() : QString();
}

} // namespace Toonbank::Tests
