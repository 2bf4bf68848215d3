// toonbank-demogen: writes the product cache of a believable NL/BE demo chain.

#include "app/core/pin.h"
#include "app/core/tr.h"
#include "app/store/demochain.h"
#include "app/store/localdatabase.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDate>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

using namespace Toonbank;

namespace {

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

int fail(const QString &message)
{
    err() << message << Qt::endl;
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("toonbank-demogen"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        Core::Tr::tr("Writes the product cache of the Toonbank demo chain: 12 stores in the "
                     "Netherlands and Belgium, a web warehouse in Tilburg, 5 staff per store and "
                     "N products with barcodes, variants, promotions and stock everywhere.\n"
                     "The tablet's home is the first store (Amsterdam).\n\n"
                     "Demo PINs (every staff member has their own salt):\n"
                     "  cashier     %1   (staff E1001-E1003 in Amsterdam, 3 per store)\n"
                     "  supervisor  %2   (E1004 in Amsterdam, 1 per store)\n"
                     "  manager     %3   (E1005 in Amsterdam, 1 per store)")
            .arg(Store::DemoChain::demoPin(Store::StaffRole::Cashier),
                Store::DemoChain::demoPin(Store::StaffRole::Supervisor),
                Store::DemoChain::demoPin(Store::StaffRole::Manager)));
    parser.addHelpOption();
    const QCommandLineOption outOption(
        QStringLiteral("out"), Core::Tr::tr("The cache file to write."), QStringLiteral("file"));
    const QCommandLineOption productsOption(QStringLiteral("products"),
        Core::Tr::tr("Number of products, %1 to %2 (default 10000).")
            .arg(Store::DemoChain::minProducts)
            .arg(Store::DemoChain::maxProducts),
        QStringLiteral("n"), QStringLiteral("10000"));
    const QCommandLineOption seedOption(QStringLiteral("seed"),
        Core::Tr::tr("Seed: the same seed gives the same chain (default 1)."), QStringLiteral("s"),
        QStringLiteral("1"));
    const QCommandLineOption iterationsOption(QStringLiteral("pin-iterations"),
        Core::Tr::tr("PBKDF2 iterations for the staff PIN hashes (default %1; lower it for quick "
                     "test data).")
            .arg(Core::Pin::defaultIterations),
        QStringLiteral("k"), QString::number(Core::Pin::defaultIterations));
    const QCommandLineOption dateOption(QStringLiteral("date"),
        Core::Tr::tr("Reference day yyyy-mm-dd: promotions run around it (default today)."),
        QStringLiteral("day"));
    const QCommandLineOption forceOption(
        QStringLiteral("force"), Core::Tr::tr("Overwrite the file when it exists."));
    parser.addOptions(
        { outOption, productsOption, seedOption, iterationsOption, dateOption, forceOption });
    parser.process(app);

    const QString out = parser.value(outOption);
    if (out.isEmpty())
        return fail(Core::Tr::tr("Give the file to write with --out FILE."));
    bool ok = false;
    Store::DemoChain::Options options;
    options.productCount = parser.value(productsOption).toInt(&ok);
    if (!ok)
        return fail(Core::Tr::tr("--products needs a whole number."));
    options.seed = parser.value(seedOption).toULongLong(&ok);
    if (!ok)
        return fail(Core::Tr::tr("--seed needs a whole number."));
    options.pinIterations = parser.value(iterationsOption).toInt(&ok);
    if (!ok || options.pinIterations < 1)
        return fail(Core::Tr::tr("--pin-iterations needs a positive whole number."));
    options.referenceDate = QDate::currentDate();
    options.referenceTime = QDateTime::currentDateTimeUtc(); // stock ages count back from now
    if (parser.isSet(dateOption)) {
        options.referenceTime = QDateTime();
        options.referenceDate = QDate::fromString(parser.value(dateOption), Qt::ISODate);
        if (!options.referenceDate.isValid())
            return fail(Core::Tr::tr("--date needs a day as yyyy-mm-dd."));
    }

    if (QFile::exists(out)) {
        if (!parser.isSet(forceOption))
            return fail(Core::Tr::tr("%1 exists already; add --force to overwrite it.").arg(out));
        for (const QString &suffix :
            { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") }) {
            if (QFile::exists(out + suffix) && !QFile::remove(out + suffix))
                return fail(Core::Tr::tr("Cannot remove %1.").arg(out + suffix));
        }
    }

    options.unjournaledFreshFile = true; // the file was just created (or removed above)

    QElapsedTimer timer;
    timer.start();
    auto opened = Store::LocalDatabase::open(out, Store::LocalDatabase::OpenMode::CreateIfMissing);
    if (!opened)
        return fail(opened.error().message + QLatin1Char(' ') + opened.error().detail);
    std::unique_ptr<Store::LocalDatabase> database = std::move(opened).value();

    const auto summary
        = Store::DemoChain::generateInto(*database, options, [&timer](int done, int total) {
              if (done % 100000 == 0 || done == total) {
                  err() << Core::Tr::tr("%1 of %2 products (%3 s)")
                               .arg(done)
                               .arg(total)
                               .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1)
                        << Qt::endl;
              }
          });
    if (!summary) {
        database.reset();
        // Written without a journal: a failed load is removed, never left looking whole.
        for (const QString &suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") })
            QFile::remove(out + suffix);
        return fail(summary.error().message + QLatin1Char(' ') + summary.error().detail);
    }

    QTextStream(stdout) << Core::Tr::tr(
        "Wrote %1: %2 locations, %3 staff, %4 products, %5 barcodes, "
        "%6 stock figures in %7 s.")
                               .arg(out)
                               .arg(summary->locations)
                               .arg(summary->staff)
                               .arg(summary->products)
                               .arg(summary->barcodes)
                               .arg(summary->stockRows)
                               .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1)
                        << Qt::endl;
    return 0;
}
