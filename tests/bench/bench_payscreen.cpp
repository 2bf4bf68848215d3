// Benchmark (not a CTest test; run by hand):
//   QT_QPA_PLATFORM=offscreen build/tests/bench/bench_payscreen [--payments N]
// Tablet overhead for a card payment: the terminal's answer arrives → the sale is durable
// (PaymentService records it through SaleService in one SQLite transaction) → the receipt
// screen is painted. The terminal is an in-process PaymentTerminal that answers the moment it
// is told to, so the figure is the tablet's own work, not the network's or the customer's.
// The real MainWindow on the small test cache (tests/support), one sale of two lines per
// payment. Prints median and p99 (target p99 ≤ 50 ms).
#include "app/devices/paymentterminal.h"
#include "app/services/customerservice.h"
#include "app/services/overrideservice.h"
#include "app/services/paymentservice.h"
#include "app/services/saleservice.h"
#include "app/services/session.h"
#include "app/services/terminal.h"
#include "benchreport.h"
#include "tests/support/testcache.h"
#include "ui/language.h"
#include "ui/mainwindow.h"
#include "ui/payscreen.h"
#include "ui/receiptscreen.h"
#include "ui/receiptview.h"
#include "ui/scaninterceptor.h"
#include "ui/sellscreen.h"
#include "ui/uihelpers.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace Toonbank;

namespace {

void report(const char *what, const QList<double> &ms)
{
    Bench::report(what, ms, { 48, 5, 7, 2 });
}

/// A terminal that approves when asked to (answer()), synchronously on this thread.
class InstantTerminal final : public Devices::PaymentTerminal
{
public:
    using PaymentTerminal::PaymentTerminal;
    QString poiId() const override { return QStringLiteral("BENCH-1"); }
    void startPayment(const Devices::CardPaymentRequest &request) override { m_request = request; }
    void abort(const QString &) override { }
    void requestStatus(const QString &serviceId) override
    {
        Devices::CardPaymentResult result;
        result.serviceId = serviceId;
        result.outcome = Devices::TerminalOutcome::NotFound;
        emit statusReceived(serviceId, result);
    }
    void reverse(const Devices::ReversalRequest &request) override
    {
        Devices::ReversalResult result;
        result.serviceId = request.serviceId;
        result.outcome = Devices::TerminalOutcome::Approved;
        result.amount = request.amount;
        emit reversalFinished(result);
    }
    bool hasRequest() const { return !m_request.serviceId.isEmpty(); }
    /// The approval of the running payment, as NexoHttpTerminal delivers a parsed answer.
    void answer()
    {
        Devices::CardPaymentResult result;
        result.serviceId = m_request.serviceId;
        result.outcome = Devices::TerminalOutcome::Approved;
        result.amount = m_request.amount;
        result.poiTransactionId = QStringLiteral("TX-%1").arg(++m_counter);
        result.poiTimestamp = QDateTime::currentDateTimeUtc();
        result.maskedPan = QStringLiteral("**** **** **** 1234");
        result.cardBrand = QStringLiteral("VISA");
        result.authCode = QStringLiteral("123456");
        m_request = {};
        emit paymentFinished(result);
    }

private:
    Devices::CardPaymentRequest m_request;
    int m_counter = 0;
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption paymentsOption(QStringLiteral("payments"),
        QStringLiteral("Card payments to time (default 300)."), QStringLiteral("N"),
        QStringLiteral("300"));
    parser.addHelpOption();
    parser.addOption(paymentsOption);
    parser.process(app);
    const int count = qMax(1, parser.value(paymentsOption).toInt());

    QTemporaryDir dir;
    const QString cache = dir.filePath(QStringLiteral("bench.sqlite"));
    if (const QString failed = Tests::TestCache::create(cache); !failed.isEmpty()) {
        std::fprintf(stderr, "bench_payscreen: %s\n", qPrintable(failed));
        return 1;
    }
    auto opened = Services::Terminal::open(cache);
    if (!opened) {
        std::fprintf(stderr, "bench_payscreen: %s\n", qPrintable(opened.error().detail));
        return 1;
    }
    Services::Terminal &terminal = *opened.value();
    InstantTerminal cardTerminal;
    Services::PaymentService &payments = terminal.payments();
    payments.setTerminal(&cardTerminal);

    app.setStyleSheet(Ui::styleSheet());
    Ui::Language language;
    language.setLanguage(QStringLiteral("en"));
    Ui::ScanInterceptor scanner;
    Ui::MainWindow window(terminal.session(), terminal.sale(), payments, terminal.customers(),
        terminal.overrides(), terminal.products(), terminal.syncStatus(), language, scanner);
    window.resize(1280, 800);
    window.show();
    QApplication::processEvents();
    if (!terminal.session().logIn(Tests::TestCache::cashierId, QStringLiteral("1111"))) {
        std::fprintf(stderr, "bench_payscreen: cannot log in\n");
        return 1;
    }
    QApplication::processEvents();

    bool completed = false;
    QObject::connect(&payments, &Services::PaymentService::completed, &window,
        [&completed] { completed = true; });
    QList<double> overhead;
    QList<double> durable;
    for (int i = 0; i < count; ++i) {
        if (!terminal.sale().addProduct(Tests::TestCache::jeansId)
            || !terminal.sale().addProduct(Tests::TestCache::socksId)) {
            std::fprintf(stderr, "bench_payscreen: cannot fill the basket\n");
            return 1;
        }
        QMetaObject::invokeMethod(window.sellScreen(), "payRequested");
        QApplication::processEvents();
        if (const Core::Status paid = payments.payCard(payments.view().remaining); !paid) {
            std::fprintf(stderr, "bench_payscreen: %s\n", qPrintable(paid.error().message));
            return 1;
        }
        QApplication::processEvents(); // the pay screen shows "Follow the instructions…"
        if (!cardTerminal.hasRequest()) {
            std::fprintf(stderr, "bench_payscreen: the payment never reached the terminal\n");
            return 1;
        }
        completed = false;
        QElapsedTimer timer;
        timer.start();
        cardTerminal.answer();
        while (!completed)
            QApplication::processEvents(QEventLoop::AllEvents, 5);
        const double recorded = double(timer.nsecsElapsed()) / 1e6;
        // The receipt screen painted, as the user sees it.
        window.receiptScreen()->repaint();
        const double painted = double(timer.nsecsElapsed()) / 1e6;
        if (window.currentScreen() != window.receiptScreen()) {
            std::fprintf(stderr, "bench_payscreen: the receipt screen did not come up\n");
            return 1;
        }
        durable.append(recorded);
        overhead.append(painted);
        QMetaObject::invokeMethod(window.receiptScreen(), "newSaleRequested");
        QApplication::processEvents();
    }
    report("answer → sale durable", durable);
    report("answer → sale durable and receipt painted", overhead);
    return 0;
}
