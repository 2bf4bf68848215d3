// Benchmark of customer lookup in the tablet's cache (not a CTest test; run by hand):
//   bench_customers [--customers N] [--lookups N] [--cache FILE]
// Fills a cache with N customers (default 200,000) through Store::CustomerCache — name,
// e-mail and phone sealed with AES-256-GCM, blind indexes for phone/e-mail/name words — then
// times lookups through Services::CustomerService (normalising, decrypting, pending points):
// by phone, by card number, by e-mail and by name. Prints median and p99 per kind; the target
// is p99 <= 5 ms for phone and card. A random machine key file is used (TOONBANK_DEVICE_KEY_FILE).
#include "app/core/barcode.h"
#include "app/core/clock.h"
#include "app/services/customerservice.h"
#include "app/services/session.h"
#include "app/services/terminal.h"
#include "app/store/customercache.h"
#include "app/store/localdatabase.h"
#include "tests/support/testcache.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace Toonbank;

namespace {

void report(const char *what, QList<double> ms)
{
    std::sort(ms.begin(), ms.end());
    const double median = ms.at(ms.size() / 2);
    const double p99 = ms.at(std::min<qsizetype>(ms.size() - 1, qsizetype(ms.size() * 0.99)));
    std::printf("%-34s n=%-6lld median %7.3f ms   p99 %7.3f ms   max %7.3f ms\n", what,
        qint64(ms.size()), median, p99, ms.last());
}

QString cardFor(int i)
{
    const QString twelve = QStringLiteral("299%1").arg(i, 9, 10, QLatin1Char('0'));
    return twelve + QString::number(Core::Barcode::checkDigit(twelve));
}

QString phoneFor(int i)
{
    return QStringLiteral("+3161%1").arg(i, 7, 10, QLatin1Char('0'));
}

const QStringList firstNames = { QStringLiteral("Anna"), QStringLiteral("Piet"),
    QStringLiteral("Sanne"), QStringLiteral("Mehmet"), QStringLiteral("Zoë"),
    QStringLiteral("Daan"), QStringLiteral("Fatima"), QStringLiteral("Jeroen") };
const QStringList lastNames = { QStringLiteral("de Vries"), QStringLiteral("Jansen"),
    QStringLiteral("Bakker"), QStringLiteral("Yilmaz"), QStringLiteral("Vermeulen"),
    QStringLiteral("El Amrani"), QStringLiteral("Visser"), QStringLiteral("Smit") };

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("customers"), QStringLiteral("Customers to cache."),
        QStringLiteral("n"), QStringLiteral("200000") });
    parser.addOption({ QStringLiteral("lookups"), QStringLiteral("Lookups per kind."),
        QStringLiteral("n"), QStringLiteral("2000") });
    parser.addOption({ QStringLiteral("cache"),
        QStringLiteral("Cache file (default: a temporary one)."), QStringLiteral("file") });
    parser.process(app);
    const int customers = parser.value(QStringLiteral("customers")).toInt();
    const int lookups = parser.value(QStringLiteral("lookups")).toInt();

    QTemporaryDir dir;
    const QString keyFile = dir.filePath(QStringLiteral("machine-id"));
    {
        QFile key(keyFile);
        if (!key.open(QIODevice::WriteOnly))
            return 2;
        key.write(QByteArray::number(QRandomGenerator::system()->generate64(), 16));
    }
    qputenv("TOONBANK_DEVICE_KEY_FILE", QFile::encodeName(keyFile));
    const QString path = parser.isSet(QStringLiteral("cache"))
        ? parser.value(QStringLiteral("cache"))
        : dir.filePath(QStringLiteral("customers.sqlite"));
    QFile::remove(path);
    if (const QString failure = Tests::TestCache::create(path); !failure.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(failure));
        return 2;
    }

    {
        auto db = Store::LocalDatabase::open(path);
        if (!db)
            return 3;
        Store::CustomerCache cache(*db.value());
        QElapsedTimer fill;
        fill.start();
        const QDateTime seen = QDateTime::currentDateTimeUtc();
        const Core::Status filled = db.value()->transaction([&]() -> Core::Status {
            for (int i = 0; i < customers; ++i) {
                Store::CustomerRecord r;
                r.id = i + 1;
                r.cardNumber = cardFor(i);
                r.name = firstNames.at(i % firstNames.size()) + QLatin1Char(' ')
                    + lastNames.at((i / firstNames.size()) % lastNames.size())
                    + QStringLiteral(" %1").arg(i);
                r.email = QStringLiteral("klant%1@example.nl").arg(i);
                r.phone = phoneFor(i);
                r.tier = QStringLiteral("basic");
                r.pointsBalance = i % 5000;
                r.homeStoreCode = QStringLiteral("AMS01");
                r.lastSeenAt = seen;
                if (auto done = cache.upsertFromServer(r); !done)
                    return done;
            }
            return Core::success();
        });
        if (!filled) {
            std::fprintf(stderr, "%s\n", qPrintable(filled.error().detail));
            return 4;
        }
        std::printf("filled %d customers in %.1f s (%lld bytes)\n", customers,
            double(fill.elapsed()) / 1000.0, qint64(QFileInfo(path).size()));
    }

    auto terminal = Services::Terminal::open(path);
    if (!terminal
        || !terminal.value()->session().logIn(Tests::TestCache::cashierId, QStringLiteral("1111")))
        return 5;
    Services::CustomerService &service = terminal.value()->customers();
    auto *random = QRandomGenerator::global();
    QList<double> byPhone, byCard, byEmail, byName;
    QElapsedTimer timer;
    int misses = 0;
    for (int n = 0; n < lookups; ++n) {
        const int i = int(random->bounded(customers));
        // As staff type it: national notation, spaces.
        const QString typed = QStringLiteral("06 1%1").arg(i, 7, 10, QLatin1Char('0'));
        timer.start();
        auto phone = service.findByPhone(typed);
        byPhone.append(double(timer.nsecsElapsed()) / 1e6);
        misses += !phone || phone->first().cardNumber != cardFor(i);

        timer.start();
        auto card = service.findByCard(cardFor(i));
        byCard.append(double(timer.nsecsElapsed()) / 1e6);
        misses += !card || card->phone != phoneFor(i);

        timer.start();
        auto email = service.findByEmail(QStringLiteral("Klant%1@Example.nl").arg(i));
        byEmail.append(double(timer.nsecsElapsed()) / 1e6);
        misses += !email || email->first().cardNumber != cardFor(i);

        if (n < lookups / 4) {
            timer.start();
            auto name = service.findByName(lastNames.at((i / firstNames.size()) % lastNames.size())
                + QStringLiteral(" %1").arg(i));
            byName.append(double(timer.nsecsElapsed()) / 1e6);
            misses += !name || name->first().cardNumber != cardFor(i);
        }
    }
    std::printf("customers %d, misses %d\n", customers, misses);
    report("lookup by phone (target p99<=5ms)", byPhone);
    report("lookup by card (target p99<=5ms)", byCard);
    report("lookup by e-mail", byEmail);
    report("lookup by name words", byName);
    return misses == 0 ? 0 : 1;
}
