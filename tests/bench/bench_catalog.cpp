// bench_catalog: the scan path, the search box and the basket on a big product cache.
//
//   bench_catalog --cache FILE [--products N] [--seed S] [--lookups K] [--searches K]
//
// Generates FILE with the demo chain when it does not exist (in a child process, so the peak
// RSS reported below is that of a tablet that only opens the cache). Prints median, p99 and
// mean; nothing is asserted (see STYLE.md: benchmarks are run by hand and reported).

#include "app/core/basket.h"
#include "app/core/vat.h"
#include "app/store/catalog.h"
#include "app/store/demochain.h"
#include "app/store/localdatabase.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTextStream>

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <numeric>
#include <vector>

using namespace Toonbank;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

// Same splitmix64 as the generator: reproducible picks for a given seed.
struct Rng
{
    quint64 state;
    quint64 next()
    {
        quint64 z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    int below(int n) { return int(next() % quint64(n)); }
};

using Clock = std::chrono::steady_clock;

double microsSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::micro>(Clock::now() - start).count();
}

void report(const QString &what, std::vector<double> samples, const QString &target = {})
{
    if (samples.empty())
        return;
    std::sort(samples.begin(), samples.end());
    const auto n = samples.size();
    const double median = samples[n / 2];
    const double p99 = samples[std::min(n - 1, size_t(std::ceil(0.99 * double(n))) - 1)];
    const double mean = std::accumulate(samples.begin(), samples.end(), 0.0) / double(n);
    out() << QStringLiteral("%1  n=%2  median %3 µs  p99 %4 µs  mean %5 µs  max %6 µs%7")
                 .arg(what, -34)
                 .arg(n)
                 .arg(median, 0, 'f', 1)
                 .arg(p99, 0, 'f', 1)
                 .arg(mean, 0, 'f', 1)
                 .arg(samples.back(), 0, 'f', 1)
                 .arg(target.isEmpty() ? QString() : QStringLiteral("   (target %1)").arg(target))
          << Qt::endl;
}

qint64 statusKb(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

int generateOnly(const QString &path, int products, quint64 seed, int pinIterations)
{
    auto db = Store::LocalDatabase::open(path);
    if (!db) {
        QTextStream(stderr) << db.error().detail << Qt::endl;
        return 1;
    }
    Store::DemoChain::Options options;
    options.productCount = products;
    options.seed = seed;
    options.pinIterations = pinIterations;
    options.referenceDate = QDate::currentDate();
    options.unjournaledFreshFile = true;
    const auto summary = Store::DemoChain::generateInto(**db, options);
    if (!summary) {
        QTextStream(stderr) << summary.error().message << ' ' << summary.error().detail << Qt::endl;
        return 1;
    }
    return 0;
}

// The catalog's barcode query, verbatim, on a separate plain sqlite3 connection.
constexpr const char *rawLookupSql
    = "SELECT p.id, p.sku, p.name, p.brand, p.vat_class, p.price_cents, "
      "CASE WHEN p.promo_price_cents IS NOT NULL "
      " AND (p.promo_from IS NULL OR p.promo_from <= :today) "
      " AND (p.promo_until IS NULL OR p.promo_until >= :today) THEN p.promo_price_cents END, "
      "s.quantity FROM barcodes b JOIN products p ON p.id = b.product_id "
      "LEFT JOIN stock s ON s.product_id = p.id AND s.location_id = :here WHERE b.code = :code";

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption cacheOption(
        QStringLiteral("cache"), QStringLiteral("Cache file."), QStringLiteral("file"));
    const QCommandLineOption productsOption(QStringLiteral("products"),
        QStringLiteral("Products when generating."), QStringLiteral("n"),
        QStringLiteral("1000000"));
    const QCommandLineOption seedOption(
        QStringLiteral("seed"), QStringLiteral("Seed."), QStringLiteral("s"), QStringLiteral("1"));
    const QCommandLineOption lookupsOption(QStringLiteral("lookups"),
        QStringLiteral("Barcode lookups."), QStringLiteral("k"), QStringLiteral("20000"));
    const QCommandLineOption searchesOption(QStringLiteral("searches"), QStringLiteral("Searches."),
        QStringLiteral("k"), QStringLiteral("2000"));
    const QCommandLineOption pinOption(QStringLiteral("pin-iterations"),
        QStringLiteral("PBKDF2 iterations for the 60 demo staff when generating "
                       "(kept low: the benchmark times the catalog)."),
        QStringLiteral("k"), QStringLiteral("1000"));
    const QCommandLineOption generateOnlyOption(
        QStringLiteral("generate-only"), QStringLiteral("Internal."));
    parser.addOptions({ cacheOption, productsOption, seedOption, lookupsOption, searchesOption,
        pinOption, generateOnlyOption });
    parser.process(app);

    const QString cache = parser.value(cacheOption);
    if (cache.isEmpty()) {
        QTextStream(stderr) << "usage: bench_catalog --cache FILE [--products N --seed S]"
                            << Qt::endl;
        return 2;
    }
    const int products = parser.value(productsOption).toInt();
    const quint64 seed = parser.value(seedOption).toULongLong();
    if (parser.isSet(generateOnlyOption))
        return generateOnly(cache, products, seed, parser.value(pinOption).toInt());

    out() << "bench_catalog  cache " << cache << Qt::endl;
    if (!QFile::exists(cache)) {
        out() << "generating " << products << " products (seed " << seed << ") …" << Qt::endl;
        QElapsedTimer timer;
        timer.start();
        const int rc = QProcess::execute(QCoreApplication::applicationFilePath(),
            { QStringLiteral("--generate-only"), QStringLiteral("--cache"), cache,
                QStringLiteral("--products"), QString::number(products), QStringLiteral("--seed"),
                QString::number(seed), QStringLiteral("--pin-iterations"),
                parser.value(pinOption) });
        if (rc != 0) {
            QTextStream(stderr) << "generation failed" << Qt::endl;
            return 1;
        }
        out() << QStringLiteral(
            "generate + load %1 products: %2 s  (file %3 MB)   (target well under 60 s)")
                     .arg(products)
                     .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1)
                     .arg(QFileInfo(cache).size() / (1024 * 1024))
              << Qt::endl;
    }

    const qint64 rssBefore = statusKb("VmHWM");
    const auto openStart = Clock::now();
    auto db = Store::LocalDatabase::open(cache, Store::LocalDatabase::OpenMode::ExistingOnly);
    if (!db) {
        QTextStream(stderr) << db.error().code << ' ' << db.error().detail << Qt::endl;
        return 1;
    }
    std::unique_ptr<Store::LocalDatabase> database = std::move(db).value();
    const qint64 here
        = database->setting(QStringLiteral("location_id"), QStringLiteral("1")).toLongLong();
    auto catalog = std::make_unique<Store::Catalog>(*database, here);
    const double openMicros = microsSince(openStart);
    const QDate today = QDate::currentDate();

    // Random existing barcodes, fetched on a separate raw connection.
    sqlite3 *raw = nullptr;
    if (sqlite3_open_v2(cache.toUtf8().constData(), &raw, SQLITE_OPEN_READONLY, nullptr)
        != SQLITE_OK) {
        QTextStream(stderr) << "raw open failed" << Qt::endl;
        return 1;
    }
    sqlite3_exec(
        raw, "PRAGMA cache_size=-32768; PRAGMA mmap_size=268435456", nullptr, nullptr, nullptr);
    qint64 maxId = 0;
    {
        sqlite3_stmt *stmt = nullptr;
        sqlite3_prepare_v2(raw, "SELECT max(id) FROM products", -1, &stmt, nullptr);
        if (sqlite3_step(stmt) == SQLITE_ROW)
            maxId = sqlite3_column_int64(stmt, 0);
        sqlite3_finalize(stmt);
    }
    Rng rng { seed * 7919 + 17 };
    const int lookups = parser.value(lookupsOption).toInt();
    std::vector<QByteArray> codes;
    qint64 rssAfterOpen = 0;
    codes.reserve(size_t(lookups));
    {
        sqlite3_stmt *stmt = nullptr;
        sqlite3_prepare_v2(raw, "SELECT json_extract(barcodes, '$[0]') FROM products WHERE id = ?",
            -1, &stmt, nullptr);
        while (int(codes.size()) < lookups) {
            sqlite3_bind_int64(stmt, 1, 1 + qint64(rng.next() % quint64(maxId)));
            if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_type(stmt, 0) != SQLITE_NULL)
                codes.emplace_back(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
            sqlite3_reset(stmt);
            // A few lookups right after opening, for the RSS figure. (Collecting the rest of
            // the codes touches thousands of pages of the mapped file, which count as RSS too.)
            if (codes.size() == 100 && rssAfterOpen == 0) {
                for (int i = 0; i < 100; ++i)
                    (void)catalog->findByBarcode(QString::fromLatin1(codes[size_t(i)]), today);
                rssAfterOpen = statusKb("VmHWM");
            }
        }
        sqlite3_finalize(stmt);
    }
    out() << QStringLiteral("open existing cache: %1 ms   peak RSS after open + 100 lookups: %2 MB "
                            "(before open %3 MB)   (target ≤ 150 MB)")
                 .arg(openMicros / 1000.0, 0, 'f', 1)
                 .arg(double(rssAfterOpen) / 1024.0, 0, 'f', 1)
                 .arg(double(rssBefore) / 1024.0, 0, 'f', 1)
          << Qt::endl;

    // Barcode lookups: ours and raw interleaved, alternating who goes first, so both see the
    // same warm or cold pages.
    sqlite3_stmt *rawLookup = nullptr;
    if (sqlite3_prepare_v3(raw, rawLookupSql, -1, SQLITE_PREPARE_PERSISTENT, &rawLookup, nullptr)
        != SQLITE_OK) {
        QTextStream(stderr) << sqlite3_errmsg(raw) << Qt::endl;
        return 1;
    }
    const QByteArray todayText = today.toString(Qt::ISODate).toLatin1();
    std::vector<double> ours;
    std::vector<double> rawTimes;
    ours.reserve(codes.size());
    rawTimes.reserve(codes.size());
    qint64 checksum = 0;
    int misses = 0;
    for (size_t i = 0; i < codes.size(); ++i) {
        auto runOurs = [&] {
            const QString scanned = QString::fromLatin1(codes[i]);
            const auto start = Clock::now();
            const auto hit = catalog->findByBarcode(scanned, today);
            ours.push_back(microsSince(start));
            if (hit)
                checksum += hit->id;
            else
                ++misses;
        };
        auto runRaw = [&] {
            const auto start = Clock::now();
            sqlite3_bind_text(rawLookup, sqlite3_bind_parameter_index(rawLookup, ":today"),
                todayText.constData(), int(todayText.size()), SQLITE_STATIC);
            sqlite3_bind_int64(rawLookup, sqlite3_bind_parameter_index(rawLookup, ":here"), here);
            sqlite3_bind_text(rawLookup, sqlite3_bind_parameter_index(rawLookup, ":code"),
                codes[i].constData(), int(codes[i].size()), SQLITE_STATIC);
            if (sqlite3_step(rawLookup) == SQLITE_ROW) {
                checksum -= sqlite3_column_int64(rawLookup, 0);
                for (int c = 1; c < 5; ++c)
                    (void)sqlite3_column_text(rawLookup, c);
                (void)sqlite3_column_int64(rawLookup, 5);
                (void)sqlite3_column_int64(rawLookup, 6);
                (void)sqlite3_column_int(rawLookup, 7);
            }
            sqlite3_reset(rawLookup);
            rawTimes.push_back(microsSince(start));
        };
        if (i % 2 == 0) {
            runOurs();
            runRaw();
        } else {
            runRaw();
            runOurs();
        }
    }
    sqlite3_finalize(rawLookup);
    report(QStringLiteral("barcode lookup Catalog::findByBarcode"), ours,
        QStringLiteral("p99 ≤ 1000 µs"));
    report(QStringLiteral("barcode lookup raw sqlite3 C API"), rawTimes);
    {
        auto sorted = [](std::vector<double> v) {
            std::sort(v.begin(), v.end());
            return v;
        };
        const auto a = sorted(ours);
        const auto b = sorted(rawTimes);
        out() << QStringLiteral(
            "ratio ours/raw: median %1×  mean %2×   (target ≤ 3×)   misses %3 checksum %4")
                     .arg(a[a.size() / 2] / b[b.size() / 2], 0, 'f', 2)
                     .arg(std::accumulate(a.begin(), a.end(), 0.0)
                             / std::accumulate(b.begin(), b.end(), 0.0),
                         0, 'f', 2)
                     .arg(misses)
                     .arg(checksum)
              << Qt::endl;
    }

    // Prefix search of three random letters, first 50 results.
    {
        const int searches = parser.value(searchesOption).toInt();
        std::vector<double> times;
        times.reserve(size_t(searches));
        qint64 results = 0;
        int withHits = 0;
        for (int i = 0; i < searches; ++i) {
            QString text;
            for (int c = 0; c < 3; ++c)
                text.append(QChar(u'a' + rng.below(26)));
            const auto start = Clock::now();
            const auto hits = catalog->search(text, today, 50);
            times.push_back(microsSince(start));
            if (hits) {
                results += hits->size();
                withHits += hits->isEmpty() ? 0 : 1;
            }
        }
        report(QStringLiteral("search 3 random letters, 50 results"), times,
            QStringLiteral("p99 ≤ 20000 µs"));
        out() << QStringLiteral("    %1 of %2 searches found something, %3 results on average")
                     .arg(withHits)
                     .arg(searches)
                     .arg(double(results) / searches, 0, 'f', 1)
              << Qt::endl;
        // The same on the common prefixes staff actually type first, the worst case for ranking.
        std::vector<double> common;
        for (const char *text : { "jea", "sne", "shi", "bla", "whi", "nav", "lev", "nik", "cho",
                 "the", "pur", "mel", "sta", "spe", "org", "pre", "bra", "sli", "cla", "kok" }) {
            for (int repeat = 0; repeat < 10; ++repeat) {
                const auto start = Clock::now();
                (void)catalog->search(QString::fromLatin1(text), today, 50);
                common.push_back(microsSince(start));
            }
        }
        report(QStringLiteral("search common 3-letter prefixes"), common,
            QStringLiteral("p99 ≤ 20000 µs"));
    }

    // A scanned item added to a 50-line basket, totals recomputed.
    {
        const Core::VatTable vat = Core::VatTable::builtIn();
        const auto here_ = catalog->location(here);
        const QString country = here_ ? here_->country : QStringLiteral("NL");
        auto lineFor = [&](const Store::ProductSummary &p) {
            Core::BasketLine line;
            line.productId = p.id;
            line.sku = p.sku;
            line.name = p.name;
            line.unitPrice = p.effectivePrice();
            line.regularPrice = p.price;
            line.quantity = 1;
            const auto rate = vat.rateFor(country, p.vatClass, today);
            if (rate)
                line.vatRate = rate.value();
            return line;
        };
        Core::Basket base;
        for (size_t i = 0; base.lines().size() < 50 && i < codes.size(); ++i) {
            if (auto p = catalog->findByBarcode(QString::fromLatin1(codes[i]), today))
                base.add(lineFor(*p));
        }
        std::vector<double> times;
        const size_t rounds = std::min<size_t>(codes.size(), 10000);
        Core::Money total;
        for (size_t i = 0; i < rounds; ++i) {
            Core::Basket basket = base;
            basket.setQuantity(
                0, basket.lines().constFirst().quantity); // detach outside the timing
            const QString scanned = QString::fromLatin1(codes[codes.size() - 1 - i]);
            const auto start = Clock::now();
            if (auto p = catalog->findByBarcode(scanned, today)) {
                basket.add(lineFor(*p));
                total += basket.totals().total;
            }
            times.push_back(microsSince(start));
        }
        report(QStringLiteral("scan + add to 50-line basket + totals"), times,
            QStringLiteral("p99 ≤ 2000 µs"));
        Q_UNUSED(total);
    }

    // Pages of the mapped cache file count as RSS once touched (RssFile: shared, reclaimable
    // page cache, here from two connections); RssAnon is the process's own memory.
    out() << QStringLiteral("peak RSS at the end (after %1 lookups and all searches): %2 MB; now "
                            "RssAnon %3 MB, RssFile %4 MB")
                 .arg(codes.size())
                 .arg(double(statusKb("VmHWM")) / 1024.0, 0, 'f', 1)
                 .arg(double(statusKb("RssAnon")) / 1024.0, 0, 'f', 1)
                 .arg(double(statusKb("RssFile")) / 1024.0, 0, 'f', 1)
          << Qt::endl;
    catalog.reset();
    database.reset();
    sqlite3_close(raw);
    return 0;
}
