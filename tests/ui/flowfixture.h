#pragma once
// Shared by the offscreen UI flow tests that run the real window against a real toonbank-server:
// the device key, a tablet enrolled by toonbank-synctool and synced by a manual SyncEngine, its
// Terminal and MainWindow wired as main() wires them, the PIN login, the top bar's menu, the
// screenshots in both languages and orientations, and reads of the tablet's cache.

#include "app/devices/nexo.h"
#include "app/services/terminal.h"
#include "serverfixture.h"
#include "sync/client/syncengine.h"
#include "tests/support/terminalsimprocess.h"
#include "tests/ui/widgetdriver.h"
#include "ui/language.h"
#include "ui/mainwindow.h"
#include "ui/scaninterceptor.h"

#include <QJsonObject>
#include <QLabel>
#include <QTemporaryDir>
#include <QVariantList>

#include <memory>

namespace Toonbank::Tests {

/// `cents` as the screens show an amount (Core::Money::toDisplayString).
QString eur(qint64 cents);

/// Writes `content` to `name` in `dir`; the file's path, empty when it could not be written.
QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content);

/// The window's style sheet, and `machineId` as this device's key file (in `dir`), as a
/// tablet's first start sees them. Fails the test when the file cannot be written.
void prepareDevice(const QTemporaryDir &dir, const QByteArray &machineId);

/// Rows of `sql` (with `params`) on the tablet cache at `cache`, `columns` values a row, read
/// through a connection of its own (the terminal's is busy with the UI).
QList<QVariantList> cacheRows(
    const QString &cache, const QString &sql, const QVariantList &params, int columns);

/// `toonbank-synctool enrol` of the tablet cache `cache` with `server` as a till of `store`,
/// pinning the server's CA. Fails the test when the tool does.
void enrolWithSyncTool(ServerFixture &server, const QString &cache, const QString &store);

/// `toonbank-admin import web-orders` of `order` (written to `dir` first).
void importWebOrder(ServerFixture &server, const QTemporaryDir &dir, const QJsonObject &order);
/// A web order's card tender as `toonbank-admin import web-orders` reads it.
QJsonObject webCardTender(qint64 cents, const QString &reference, const QDateTime &paidAt);

/// The card terminal as main() wires it for --terminal-url, talking to `sim` as till AMS01-T1:
/// a short payment timeout (3 s) so a lost answer is noticed quickly.
std::unique_ptr<Devices::NexoHttpTerminal> simCardTerminal(
    const TerminalSimProcess &sim, int requestTimeoutMs);

/// Whether shots() also saves into the folder named by TOONBANK_SCREENS_DIR (when set).
enum class ScreensDir { Also, Ignore };

/// What `window` shows now, in nl and en, landscape (1280 × 800) and portrait: saved as
/// <build>/test-output/screenshots/<name>-<lang>-<orientation>.png and, with ScreensDir::Also
/// and TOONBANK_SCREENS_DIR set, there too. Ends in English, landscape: the texts tests assert
/// are the English sources.
void shots(QWidget *window, Ui::Language &language, const QString &name,
    ScreensDir screensDir = ScreensDir::Also);

/// Staff `staffId` taps their tile and types `pin` on the login screen's keypad.
void logIn(QWidget *window, qint64 staffId, const QString &pin);

/// The top bar's menu entry `label`, as staff tap it (it must be offered).
void openFromMenu(QWidget *window, const QString &label);

/// The app-wide parts main() makes once: the language (English to start) and the scan
/// interceptor, installed on the application when `interceptScans`.
struct FlowUi
{
    std::unique_ptr<Ui::Language> language;
    std::unique_ptr<Ui::ScanInterceptor> scanner;

    void start(bool interceptScans = true);
    /// Takes the scan interceptor off the application again (cleanupTestCase).
    void stop();
};

/// One tablet of a flow test: its cache, sync engine, services and window.
struct FlowTablet
{
    QString cache;
    std::unique_ptr<Sync::Client::SyncEngine> engine;
    std::unique_ptr<Services::Terminal> terminal;
    std::unique_ptr<Ui::MainWindow> window;
    /// The card terminal, when the test wires one (simCardTerminal).
    std::unique_ptr<Devices::NexoHttpTerminal> cardTerminal;
    /// Every sale the window's pay screen completed, oldest first.
    QList<Services::CompletedSale> sold;

    /// Enrols `cachePath` with `server` as a till of `store` (toonbank-synctool enrol with the
    /// server's CA pin), starts a manual SyncEngine on it, syncs once and opens the Terminal on
    /// the synced cache, its sync status following the engine. Stops at the first failure (the
    /// caller checks QTest::currentTestFailed()).
    void open(ServerFixture &server, const QString &cachePath, const QString &store);
    /// One sync cycle, which must succeed (three minutes at most).
    void syncNow();
    /// The MainWindow over the terminal's services; its completed sales go to `sold`.
    void createWindow(FlowUi &ui);
    /// Shows the window landscape and logs `staffId` in: the sell screen shows.
    void showAndLogIn(qint64 staffId, const QString &pin);
    /// The window first, then the card terminal, the engine and the terminal (the window uses
    /// them).
    void reset();

    template <typename T> T *find(const char *name) { return findNamed<T>(window.get(), name); }
    void click(const char *name) { tapButton(window.get(), name); }
    /// A label's text; empty when there is no such label.
    QString text(const char *name);
    QWidget *current() { return window->currentScreen(); }

    /// Pays the basket in cash on the real pay screen (the exact amount); the completed sale,
    /// empty when none completed within 10 s.
    Services::CompletedSale payCash();

    QList<QVariantList> cacheRows(const QString &sql, const QVariantList &params, int columns)
    {
        return Tests::cacheRows(cache, sql, params, columns);
    }
};

} // namespace Toonbank::Tests
