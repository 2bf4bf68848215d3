// toonbank-synctool: the tablet's sync side without the UI. See usage below.
#include "sync/client/deviceconfig.h"
#include "sync/client/journalqueue.h"
#include "sync/client/serverconnection.h"
#include "sync/client/syncengine.h"

#include "app/core/journal.h"
#include "app/core/sale.h"
#include "app/core/vat.h"
#include "app/store/catalog.h"
#include "app/store/localdatabase.h"
#include "app/store/outbox.h"
#include "app/store/salesledger.h"
#include "app/store/staffdirectory.h"
#include "sync/protocol/saleevent.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QTimer>
#include <QUuid>

#include <csignal>
#include <cstdio>

using namespace Toonbank;

namespace {

const char usage[] = R"(commands (all take --cache FILE):
  enrol URL CODE FINGERPRINT [--name NAME]   enrol this cache with toonbank-server
  sync-once [--batch N] [--timeout S]        push the outbox, pull the feed; exit 0 when both finished
            [--die-after-ack]                  crash test: SIGKILL itself once the server answered a push
  sell N [--product ID] [--quantity Q] [--staff ID]
                                             record N card sales through the SalesLedger (offline)
  status                                     pending/rejected events, cursor, last pull
  stock PRODUCT LOCATION                     the cached stock figure
  retry-rejected                             supervisor: queue rejected events again
  set-server URL                             the server moved (new address or port); keeps the enrolment
  verify-journal                             re-verifies the cache's journal from entry 1, read-only
                                             (default cache: the app's): exit 0 OK, 1 broken (names
                                             the first broken entry), 2 not a Toonbank cache
)";

void out(const QString &text)
{
    std::printf("%s\n", qPrintable(text));
    std::fflush(stdout);
}

int fail(const QString &message)
{
    std::fprintf(stderr, "toonbank-synctool: %s\n", qPrintable(message));
    return 1;
}

int fail(const Core::Error &error)
{
    return fail(error.code + QStringLiteral(": ") + error.message
        + (error.detail.isEmpty() ? QString()
                                  : QStringLiteral(" (") + error.detail + QLatin1Char(')')));
}

int enrol(const QString &cache, const QStringList &args, const QString &deviceName)
{
    auto db = Store::LocalDatabase::open(cache);
    if (!db)
        return fail(db.error());
    Sync::Client::ServerConnection connection { QUrl(args.at(1)) };
    std::optional<Core::Result<Sync::Protocol::EnrolResponse>> answer;
    connection.enrol(args.at(2), deviceName, args.at(3), [&](auto result) {
        answer = std::move(result);
        QCoreApplication::quit();
    });
    QCoreApplication::exec();
    if (!answer || !answer->ok())
        return answer ? fail(answer->error()) : fail(QStringLiteral("no answer"));
    Sync::Client::DeviceConfig config;
    config.serverUrl = QUrl(args.at(1));
    config.deviceId = answer->value().deviceId;
    config.token = answer->value().token;
    config.caCertificatePem = answer->value().caCertificatePem;
    config.locationId = answer->value().locationId;
    config.locationCode = answer->value().locationCode;
    if (auto saved = config.save(*db.value()); !saved)
        return fail(saved.error());
    out(QStringLiteral("enrolled device %1 for store %2")
            .arg(config.deviceId, config.locationCode));
    return 0;
}

int syncOnce(const QString &cache, int batch, int timeoutSeconds, bool dieAfterAck)
{
    Sync::Client::SyncEngine::Options options;
    options.automatic = false;
    options.pushBatchSize = batch;
    if (dieAfterAck) {
        // The server has committed the batch; the tablet dies before it can forget the events.
        options.afterPushAnswer = [] { ::raise(SIGKILL); };
    }
    Sync::Client::SyncEngine engine(cache, options);
    bool ok = false;
    QObject::connect(
        &engine, &Sync::Client::SyncEngine::progress, [](const QString &message) { out(message); });
    QObject::connect(&engine, &Sync::Client::SyncEngine::cycleFinished, [&ok](bool finished) {
        ok = finished;
        QCoreApplication::quit();
    });
    QTimer::singleShot(timeoutSeconds * 1000, [] {
        std::fprintf(stderr, "toonbank-synctool: timed out\n");
        QCoreApplication::exit(2);
    });
    engine.start();
    engine.syncNow();
    const int code = QCoreApplication::exec();
    const Sync::Client::SyncState state = engine.state();
    out(QStringLiteral("online=%1 pending=%2 rejected=%3 lastPull=%4 error=%5")
            .arg(state.online ? QStringLiteral("yes") : QStringLiteral("no"))
            .arg(state.pendingEvents)
            .arg(state.rejectedEvents)
            .arg(state.lastPullAt.toString(Qt::ISODate), state.lastErrorCode));
    return code != 0 ? code : (ok ? 0 : 1);
}

int sell(const QString &cache, int count, qint64 productId, int quantity, qint64 staffOption)
{
    auto db = Store::LocalDatabase::open(cache, Store::LocalDatabase::OpenMode::ExistingOnly);
    if (!db)
        return fail(db.error());
    const qint64 here
        = db.value()->setting(QStringLiteral("location_id"), QStringLiteral("0")).toLongLong();
    Store::Catalog catalog(*db.value(), here);
    auto location = catalog.location(here);
    if (!location)
        return fail(location.error());
    auto product = catalog.product(productId);
    if (!product)
        return fail(product.error());
    qint64 staffId = staffOption;
    if (staffId <= 0) {
        Store::StaffDirectory staff(*db.value());
        auto members = staff.staffAt(here);
        if (!members || members->isEmpty())
            return fail(
                QStringLiteral("no staff for store %1 in the cache: sync first or pass --staff")
                    .arg(here));
        staffId = members->first().id;
    }
    const Store::ProductRecord &record = product->record;
    const Core::Money unit = record.priceOn(QDate::currentDate());
    // VAT from the one VAT implementation: the store's country, the rate valid today. A cache
    // without a country is a Dutch test store (the chain's home country).
    const QString country = location->country.isEmpty() ? QStringLiteral("NL") : location->country;
    const auto rate = Core::VatTable::builtIn().rateFor(
        country, record.vatClass, QDateTime::currentDateTimeUtc().toLocalTime().date());
    if (!rate)
        return fail(rate.error());
    const int basisPoints = rate->basisPoints;
    Store::SalesLedger ledger(*db.value());
    for (int i = 0; i < count; ++i) {
        Store::LedgerSale sale;
        sale.saleUuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        sale.locationId = here;
        sale.locationCode = location->code;
        sale.staffId = staffId;
        sale.soldAt = QDateTime::currentDateTimeUtc();
        Store::LedgerLine line;
        line.productId = record.id;
        line.sku = record.sku;
        line.name = record.name;
        line.quantity = quantity;
        line.unitPrice = unit;
        line.lineTotal = Core::Money::fromCents(unit.cents() * quantity);
        line.vatClass = record.vatClass;
        line.vatBasisPoints = basisPoints;
        sale.lines = { line };
        Core::SaleLine vatLine;
        vatLine.vatRate = rate.value();
        vatLine.quantity = quantity;
        vatLine.unitPrice = unit;
        sale.vat.clear();
        for (const Core::VatBreakdown &breakdown : Core::vatBreakdown({ vatLine }))
            sale.vat.append(
                { breakdown.rate.basisPoints, breakdown.gross, breakdown.vat, breakdown.net });
        sale.total = line.lineTotal;
        // A card tender names its terminal transaction (Core::checkTenders): the synctool's
        // stand-in ServiceID is the sale's own id, as in the ledger.
        const QString serviceId = sale.saleUuid;
        Store::LedgerPayment payment;
        payment.method = QStringLiteral("card");
        payment.amount = sale.total;
        payment.reference = QStringLiteral("synctool");
        payment.claimId = serviceId;
        sale.payments = { payment };
        auto recorded = ledger.record(sale, [&](const QString &receiptNumber) {
            Core::Sale event;
            event.saleId = sale.saleUuid;
            event.receiptNumber = receiptNumber;
            event.storeCode = sale.locationCode;
            event.soldAt = sale.soldAt;
            event.staffId = sale.staffId;
            Core::SaleLine saleLine;
            saleLine.lineId = QStringLiteral("L1");
            saleLine.productId = line.productId;
            saleLine.sku = line.sku;
            saleLine.name = line.name;
            saleLine.vatClass
                = Core::vatClassFromName(line.vatClass).value_or(Core::VatClass::Standard);
            saleLine.vatRate = { line.vatBasisPoints, line.vatClass };
            saleLine.quantity = line.quantity;
            saleLine.unitPrice = line.unitPrice;
            saleLine.regularPrice = line.unitPrice;
            event.lines = { saleLine };
            event.vat = Core::vatBreakdown(event.lines);
            event.total = sale.total;
            Core::Tender card;
            card.method = Core::TenderMethod::Card;
            card.amount = sale.total;
            card.reference = QStringLiteral("synctool");
            card.claimId = serviceId; // stands in for the nexo ServiceID
            event.tenders = { card };
            return QJsonDocument(Sync::Protocol::saleToJson(event)).toJson(QJsonDocument::Compact);
        });
        if (!recorded)
            return fail(recorded.error());
    }
    out(QStringLiteral("recorded %1 sales").arg(count));
    return 0;
}

// verify-journal: exit 0 intact, 1 broken, 2 not a readable Toonbank cache. The file is only
// read (never migrated or repaired: it is the evidence), so anything that is not a cache —
// random bytes, an empty file, another SQLite database — is a plain error.
int verifyJournal(const QString &path)
{
    const auto notCache = [&path](const QString &why) {
        std::fprintf(stderr, "toonbank-synctool: %s is not a Toonbank cache: %s\n",
            qPrintable(path), qPrintable(why));
        return 2;
    };
    const QFileInfo info(path);
    if (!info.exists())
        return notCache(QStringLiteral("there is no such file"));
    if (!info.isFile())
        return notCache(QStringLiteral("it is not a file"));
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return notCache(file.errorString());
        // Every SQLite file starts with this 16-byte header, in a 100-byte first header.
        const QByteArray header = file.read(100);
        if (header.size() < 100 || !header.startsWith(QByteArrayView("SQLite format 3\0", 16)))
            return notCache(QStringLiteral("not an SQLite database"));
    }
    const QString connection = QStringLiteral("verify-journal");
    int code = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        code = [&]() {
            if (!db.open())
                return notCache(db.lastError().text());
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                                       "AND name IN ('settings', 'outbox', 'journal', "
                                       "'sync_state')"))
                || !q.next())
                return notCache(q.lastError().text());
            if (q.value(0).toInt() != 4)
                return notCache(QStringLiteral("it has no journal, outbox and settings tables"));
            q.finish();
            auto entries = Sync::Client::readJournal(db, 0, -1);
            if (!entries)
                return notCache(entries.error().detail);
            const Core::Status verified = Core::verifyJournalChain(entries.value());
            if (!verified) {
                out(QStringLiteral("BROKEN at entry %1: %2")
                        .arg(verified.error().detail, verified.error().message));
                return 1;
            }
            const qint64 total = entries->isEmpty() ? 0 : entries->constLast().grandTotalCents;
            out(QStringLiteral("OK: %1 entries, grand total € %2")
                    .arg(entries->size())
                    .arg(Core::Money::fromCents(total).toPlainString()));
            return 0;
        }();
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return code;
}

// The app's own cache (app/main.cpp: AppLocalDataLocation of Toonbank/toonbank).
QString appCachePath()
{
    const QString name = QCoreApplication::applicationName();
    const QString organisation = QCoreApplication::organizationName();
    QCoreApplication::setApplicationName(QStringLiteral("toonbank"));
    QCoreApplication::setOrganizationName(QStringLiteral("Toonbank"));
    const QString path = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)
        + QStringLiteral("/cache.sqlite");
    QCoreApplication::setApplicationName(name);
    QCoreApplication::setOrganizationName(organisation);
    return path;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("toonbank-synctool"));
    std::signal(SIGPIPE, SIG_IGN);
    QCommandLineParser parser;
    parser.setApplicationDescription(QString::fromLatin1(usage));
    parser.addHelpOption();
    const QCommandLineOption cacheOption(
        QStringLiteral("cache"), QStringLiteral("Tablet cache file."), QStringLiteral("file"));
    const QCommandLineOption nameOption(QStringLiteral("name"), QStringLiteral("Device name."),
        QStringLiteral("name"), QStringLiteral("toonbank-synctool"));
    const QCommandLineOption batchOption(QStringLiteral("batch"),
        QStringLiteral("Events per push."), QStringLiteral("n"), QStringLiteral("200"));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout"),
        QStringLiteral("Give up after S seconds."), QStringLiteral("s"), QStringLiteral("300"));
    const QCommandLineOption productOption(QStringLiteral("product"), QStringLiteral("Product id."),
        QStringLiteral("id"), QStringLiteral("1"));
    const QCommandLineOption quantityOption(QStringLiteral("quantity"),
        QStringLiteral("Quantity per sale."), QStringLiteral("q"), QStringLiteral("1"));
    const QCommandLineOption staffOption(QStringLiteral("staff"), QStringLiteral("Staff id."),
        QStringLiteral("id"), QStringLiteral("0"));
    const QCommandLineOption dieAfterAckOption(QStringLiteral("die-after-ack"),
        QStringLiteral("Crash test: SIGKILL this process when the first push answer arrives."));
    parser.addOptions({ cacheOption, nameOption, batchOption, timeoutOption, productOption,
        quantityOption, staffOption, dieAfterAckOption });
    parser.addPositionalArgument(
        QStringLiteral("command"), QStringLiteral("What to do (see above)."));
    parser.process(app);

    const QStringList args = parser.positionalArguments();
    const QString cache = parser.value(cacheOption);
    if (args.size() == 1 && args.first() == QLatin1String("verify-journal"))
        return verifyJournal(cache.isEmpty() ? appCachePath() : cache);
    if (args.isEmpty() || cache.isEmpty())
        return fail(
            QStringLiteral("need --cache FILE and a command\n") + QString::fromLatin1(usage));
    const QString command = args.first();

    if (command == QLatin1String("enrol") && args.size() == 4)
        return enrol(cache, args, parser.value(nameOption));
    if (command == QLatin1String("sync-once") && args.size() == 1)
        return syncOnce(cache, parser.value(batchOption).toInt(),
            parser.value(timeoutOption).toInt(), parser.isSet(dieAfterAckOption));
    if (command == QLatin1String("sell") && args.size() == 2)
        return sell(cache, args.at(1).toInt(), parser.value(productOption).toLongLong(),
            parser.value(quantityOption).toInt(), parser.value(staffOption).toLongLong());

    auto db = Store::LocalDatabase::open(cache, Store::LocalDatabase::OpenMode::ExistingOnly);
    if (!db)
        return fail(db.error());
    Store::Outbox outbox(*db.value());
    if (command == QLatin1String("status") && args.size() == 1) {
        auto counts = outbox.counts();
        if (!counts)
            return fail(counts.error());
        auto config = Sync::Client::DeviceConfig::load(*db.value());
        out(QStringLiteral("device=%1 store=%2 pending=%3 rejected=%4 cursor=%5 lastPull=%6")
                .arg(config ? config->deviceId : QStringLiteral("-"),
                    config ? config->locationCode : QStringLiteral("-"))
                .arg(counts->pending)
                .arg(counts->rejected)
                .arg(outbox.pullCursor())
                .arg(outbox.lastPullAt().toString(Qt::ISODate)));
        return 0;
    }
    if (command == QLatin1String("stock") && args.size() == 3) {
        Store::Catalog catalog(*db.value(), args.at(2).toLongLong());
        auto figures = catalog.stockEverywhere(args.at(1).toLongLong());
        if (!figures)
            return fail(figures.error());
        for (const Store::StockFigure &figure : figures.value()) {
            if (figure.location.id == args.at(2).toLongLong()) {
                out(QString::number(figure.quantity));
                return 0;
            }
        }
        return fail(QStringLiteral("no stock figure"));
    }
    if (command == QLatin1String("set-server") && args.size() == 2) {
        auto config = Sync::Client::DeviceConfig::load(*db.value());
        if (!config)
            return fail(config.error());
        Sync::Client::DeviceConfig moved = config.value();
        moved.serverUrl = QUrl(args.at(1));
        if (!moved.serverUrl.isValid() || moved.serverUrl.scheme() != QLatin1String("https"))
            return fail(QStringLiteral("need an https:// URL"));
        if (auto saved = moved.save(*db.value()); !saved)
            return fail(saved.error());
        out(QStringLiteral("server is now %1").arg(moved.serverUrl.toString()));
        return 0;
    }
    if (command == QLatin1String("retry-rejected") && args.size() == 1) {
        auto requeued = outbox.retryRejected();
        if (!requeued)
            return fail(requeued.error());
        out(QStringLiteral("queued %1 events again").arg(requeued.value()));
        return 0;
    }
    return fail(
        QStringLiteral("unknown command or wrong arguments\n") + QString::fromLatin1(usage));
}
