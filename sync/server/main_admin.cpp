// toonbank-admin: the chain's IT command line (create the chain, import data, enrol devices).
#include "chainadmin.h"
#include "demoseed.h"
#include "devcertificate.h"
#include "deviceregistry.h"
#include "journalstore.h"
#include "mailer.h"
#include "returnorders.h"
#include "serverdatabase.h"
#include "snapshotbuilder.h"

#include "app/devices/qrcode.h"

#include "app/core/clock.h"
#include "app/core/money.h"
#include "app/core/returns.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QSqlQuery>
#include <QSslCertificate>
#include <QStandardPaths>

#include <cstdio>

using namespace Toonbank::Sync::Server;
namespace Protocol = Toonbank::Sync::Protocol;

namespace {

void out(const QString &text)
{
    std::printf("%s\n", qPrintable(text));
}

int fail(const QString &message)
{
    std::fprintf(stderr, "toonbank-admin: %s\n", qPrintable(message));
    return 1;
}

int fail(const Toonbank::Core::Error &error)
{
    return fail(error.detail.isEmpty()
            ? error.message
            : error.message + QStringLiteral(" (") + error.detail + QStringLiteral(")"));
}

const char usage[] = R"(commands:
  init-chain NAME
  add-store CODE NAME --id N --country NL [--city C] [--address A] [--lat X --lon Y] [--kind store|web_warehouse]
                           [--vat-number NL859123455B01]
  import KIND FILE         KIND: locations, products (catalog), prices, stock, customers, web-orders, staff,
                           promotions, gift-cards, return-policies (every row checked; nothing
                           imported when one is bad; gift-cards: number, balance, expires_on,
                           issued_at, state; web-orders and return-policies: docs/RETURNS.md)
                           FILE: .csv with a header row, .json array or JSON lines
  add-staff --id N --code E1 --name NAME --role cashier|supervisor|manager --store CODE --pin 1234
  enrol STORE [--hours 24] one-time enrolment code for a tablet of STORE
  revoke DEVICE_ID
  dev-cert [--hosts 127.0.0.1,localhost]   development CA + server certificate in <data-dir>/tls
  rejected                 events the server refused, for the supervisor
  mail-queue [--failed] [--store CODE]
                           e-mailed receipts: queued, sent and failed (with the SMTP error)
  web-order-qr ORDER [--png FILE]
                           the QR payload of a web order (packing slip / order e-mail)
  web-refunds [--state requested|sent|refunded|failed]
                           refunds of web orders for the web shop's payment provider
  return-conflicts         offline returns that met an already returned line
  stats                    counts of events, sales, stock rows
  demo-seed [--products N] [--seed S] [--stock-stores all|home]
                           the demo chain of toonbank-demogen (same generator), for demo.sh;
                           ends with a fresh catalog snapshot
  build-snapshot           builds the catalog snapshot first syncs start from, now (prints
                           its path, rows and seconds; docs/STOCK.md §2)
  journal-alerts [--device ID]
                           unresolved breaks, gaps and conflicts in the devices' journals
  verify-journal DEVICE_ID re-verifies a device's stored journal from entry 1: exit 0 OK,
                           1 broken (names the first broken entry), 2 unknown device
)";

// journal-alerts: one tab-separated line per unresolved alert.
int journalAlerts(ServerDatabase &db, const QString &device)
{
    auto alerts = JournalStore(db).unresolvedAlerts(device);
    if (!alerts)
        return fail(alerts.error());
    out(QStringLiteral("device\tseq\tcode\tdetail\tdetected"));
    for (const JournalAlert &alert : alerts.value())
        out(QStringList { alert.deviceId, QString::number(alert.seq), alert.code,
            QString(alert.detail).replace(QLatin1Char('\n'), QLatin1Char(' ')), alert.detectedAt }
                .join(QLatin1Char('\t')));
    return 0;
}

// verify-journal: the stored chain of one device from entry 1 (Core::verifyJournalChain).
int verifyJournal(ServerDatabase &db, const QString &device)
{
    JournalStore store(db);
    auto entries = store.entries(device);
    if (!entries)
        return fail(entries.error());
    if (entries->isEmpty()) {
        auto known = store.knowsDevice(device);
        if (!known)
            return fail(known.error());
        if (!known.value()) {
            std::fprintf(stderr, "toonbank-admin: unknown device %s\n", qPrintable(device));
            return 2;
        }
    }
    const Toonbank::Core::Status verified = Toonbank::Core::verifyJournalChain(entries.value());
    if (!verified) {
        out(QStringLiteral("BROKEN at entry %1: %2")
                .arg(verified.error().detail, verified.error().message));
        return 1;
    }
    const qint64 total = entries->isEmpty() ? 0 : entries->constLast().grandTotalCents;
    out(QStringLiteral("OK: %1 entries, grand total € %2")
            .arg(entries->size())
            .arg(Toonbank::Core::Money::fromCents(total).toPlainString()));
    return 0;
}

// build-snapshot (and the end of demo-seed): one catalog snapshot now.
int buildSnapshot(ServerDatabase &db, const QString &dataDir)
{
    QElapsedTimer timer;
    timer.start();
    auto built = SnapshotBuilder::build(db, dataDir);
    if (!built)
        return fail(built.error());
    out(QStringLiteral("catalog snapshot %1: cursor %2, %3 rows, %4 MB in %5 s")
            .arg(QDir(Snapshots::directory(dataDir)).filePath(built->fileName))
            .arg(built->cursor)
            .arg(built->rowCount)
            .arg(double(built->sizeBytes) / (1024.0 * 1024.0), 0, 'f', 1)
            .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1));
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("toonbank-server"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QString::fromLatin1(usage));
    parser.addHelpOption();
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
        QStringLiteral("Server data folder."), QStringLiteral("dir"),
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    const QCommandLineOption database(QStringLiteral("database"),
        QStringLiteral("postgresql://… (default: SQLite in the data folder)."),
        QStringLiteral("url"));
    const QCommandLineOption id(QStringLiteral("id"), QStringLiteral("Id."), QStringLiteral("n"));
    const QCommandLineOption country(QStringLiteral("country"), QStringLiteral("Country."),
        QStringLiteral("cc"), QStringLiteral("NL"));
    const QCommandLineOption city(
        QStringLiteral("city"), QStringLiteral("City."), QStringLiteral("city"));
    const QCommandLineOption address(
        QStringLiteral("address"), QStringLiteral("Address."), QStringLiteral("text"));
    const QCommandLineOption lat(QStringLiteral("lat"), QStringLiteral("Latitude."),
        QStringLiteral("deg"), QStringLiteral("0"));
    const QCommandLineOption lon(QStringLiteral("lon"), QStringLiteral("Longitude."),
        QStringLiteral("deg"), QStringLiteral("0"));
    const QCommandLineOption vatNumber(QStringLiteral("vat-number"),
        QStringLiteral("The store's VAT number for receipts."), QStringLiteral("text"));
    const QCommandLineOption kind(QStringLiteral("kind"), QStringLiteral("Location kind."),
        QStringLiteral("kind"), QStringLiteral("store"));
    const QCommandLineOption code(
        QStringLiteral("code"), QStringLiteral("Staff code."), QStringLiteral("code"));
    const QCommandLineOption name(
        QStringLiteral("name"), QStringLiteral("Display name."), QStringLiteral("name"));
    const QCommandLineOption role(QStringLiteral("role"), QStringLiteral("Staff role."),
        QStringLiteral("role"), QStringLiteral("cashier"));
    const QCommandLineOption store(
        QStringLiteral("store"), QStringLiteral("Store code."), QStringLiteral("code"));
    const QCommandLineOption pin(
        QStringLiteral("pin"), QStringLiteral("PIN."), QStringLiteral("digits"));
    const QCommandLineOption hours(QStringLiteral("hours"),
        QStringLiteral("Validity of an enrolment code."), QStringLiteral("h"),
        QStringLiteral("24"));
    const QCommandLineOption hosts(QStringLiteral("hosts"),
        QStringLiteral("Server names for dev-cert."), QStringLiteral("list"),
        QStringLiteral("127.0.0.1,localhost,::1"));
    const QCommandLineOption products(QStringLiteral("products"),
        QStringLiteral("demo-seed: number of products."), QStringLiteral("n"),
        QStringLiteral("20000"));
    const QCommandLineOption seed(QStringLiteral("seed"),
        QStringLiteral("demo-seed: generator seed."), QStringLiteral("n"), QStringLiteral("42"));
    const QCommandLineOption stockStores(QStringLiteral("stock-stores"),
        QStringLiteral("demo-seed: stock for all locations or the home store only."),
        QStringLiteral("all|home"), QStringLiteral("all"));
    const QCommandLineOption failedOnly(
        QStringLiteral("failed"), QStringLiteral("mail-queue: only the failed messages."));
    const QCommandLineOption png(QStringLiteral("png"),
        QStringLiteral("web-order-qr: also write the QR code as a PNG image."),
        QStringLiteral("file"));
    const QCommandLineOption state(QStringLiteral("state"),
        QStringLiteral("web-refunds: only refunds in this state."), QStringLiteral("state"));
    parser.addOptions(
        { dataDir, database, id, country, city, address, lat, lon, vatNumber, kind, code, name,
            role, store, pin, hours, hosts, products, seed, stockStores, failedOnly, png, state });
    const QCommandLineOption deviceOption(QStringLiteral("device"),
        QStringLiteral("journal-alerts: only this device."), QStringLiteral("id"));
    parser.addOption(deviceOption);
    parser.addPositionalArgument(
        QStringLiteral("command"), QStringLiteral("What to do (see above)."));
    parser.process(app);

    const QStringList args = parser.positionalArguments();
    if (args.isEmpty())
        return fail(QStringLiteral("no command\n") + QString::fromLatin1(usage));
    const QString command = args.first();
    const QString dir = parser.value(dataDir);

    if (command == QLatin1String("dev-cert")) {
        const QString tls = QDir(dir).filePath(QStringLiteral("tls"));
        if (auto done = createDevCertificates(
                tls, parser.value(hosts).split(QLatin1Char(','), Qt::SkipEmptyParts));
            !done)
            return fail(done.error());
        QFile caFile(QDir(tls).filePath(QStringLiteral("ca.crt")));
        caFile.open(QIODevice::ReadOnly);
        const QSslCertificate ca(caFile.readAll());
        out(QStringLiteral("CA and server certificate written to %1").arg(tls));
        out(QStringLiteral("CA SHA-256 fingerprint: %1")
                .arg(QString::fromLatin1(ca.digest(QCryptographicHash::Sha256).toHex())));
        return 0;
    }

    auto db = ServerDatabase::open(parser.value(database), dir);
    if (!db)
        return fail(db.error());
    ChainAdmin admin(*db.value());
    DeviceRegistry devices(*db.value());

    if (command == QLatin1String("init-chain") && args.size() == 2) {
        if (auto done = admin.createChain(args.at(1)); !done)
            return fail(done.error());
        out(QStringLiteral("chain %1 ready").arg(args.at(1)));
        return 0;
    }
    if (command == QLatin1String("add-store") && args.size() == 3) {
        Protocol::LocationData l;
        l.id = parser.value(id).toLongLong();
        l.code = args.at(1);
        l.name = args.at(2);
        l.kind = parser.value(kind);
        l.country = parser.value(country);
        l.city = parser.value(city);
        l.address = parser.value(address);
        l.latitude = parser.value(lat).toDouble();
        l.longitude = parser.value(lon).toDouble();
        l.vatNumber = parser.value(vatNumber);
        if (l.id <= 0
            || (l.kind != QLatin1String("store") && l.kind != QLatin1String("web_warehouse")))
            return fail(
                QStringLiteral("add-store needs --id N (> 0) and --kind store or web_warehouse"));
        if (auto done = admin.upsertLocations({ l }); !done)
            return fail(done.error());
        out(QStringLiteral("store %1 (%2) saved").arg(l.code, l.name));
        return 0;
    }
    if (command == QLatin1String("import") && args.size() == 3) {
        const auto importKind = ChainAdmin::kindFromName(args.at(1));
        if (!importKind)
            return fail(QStringLiteral("unknown import kind %1").arg(args.at(1)));
        QList<ImportProblem> problems;
        int imported = 0;
        const auto done = admin.importFile(*importKind, args.at(2), problems, imported);
        for (const ImportProblem &problem : problems)
            std::fprintf(stderr, "%s:%d: %s\n", qPrintable(args.at(2)), problem.line,
                qPrintable(problem.reason));
        if (!done)
            return fail(done.error());
        out(QStringLiteral("imported %1 %2").arg(imported).arg(args.at(1)));
        return 0;
    }
    if (command == QLatin1String("add-staff")) {
        auto location = db.value()->exec(
            QStringLiteral("SELECT id FROM locations WHERE code = ?"), { parser.value(store) });
        if (!location || !location.value().next())
            return fail(QStringLiteral("unknown store %1").arg(parser.value(store)));
        Protocol::StaffData member;
        member.id = parser.value(id).toLongLong();
        member.code = parser.value(code);
        member.displayName = parser.value(name);
        member.role = parser.value(role);
        member.homeLocationId = location.value().value(0).toLongLong();
        if (member.id <= 0 || member.code.isEmpty() || member.displayName.isEmpty())
            return fail(QStringLiteral("add-staff needs --id, --code and --name"));
        if (member.role != QLatin1String("cashier") && member.role != QLatin1String("supervisor")
            && member.role != QLatin1String("manager"))
            return fail(QStringLiteral("--role must be cashier, supervisor or manager"));
        if (auto done = admin.addStaff(member, parser.value(pin)); !done)
            return fail(done.error());
        out(QStringLiteral("staff %1 saved").arg(member.code));
        return 0;
    }
    if (command == QLatin1String("enrol") && args.size() == 2) {
        auto issued = devices.issueCode(args.at(1), parser.value(hours).toInt());
        if (!issued)
            return fail(issued.error());
        QFile caFile(QDir(dir).filePath(QStringLiteral("tls/ca.crt")));
        QString fingerprint;
        if (caFile.open(QIODevice::ReadOnly))
            fingerprint = QString::fromLatin1(
                QSslCertificate(caFile.readAll()).digest(QCryptographicHash::Sha256).toHex());
        out(QStringLiteral("enrolment code: %1").arg(issued.value()));
        if (!fingerprint.isEmpty())
            out(QStringLiteral("CA SHA-256 fingerprint: %1").arg(fingerprint));
        return 0;
    }
    if (command == QLatin1String("revoke") && args.size() == 2) {
        if (auto done = devices.revoke(args.at(1)); !done)
            return fail(done.error());
        out(QStringLiteral("device %1 revoked").arg(args.at(1)));
        return 0;
    }
    if (command == QLatin1String("rejected")) {
        auto q = db.value()->exec(QStringLiteral(
            "SELECT received_at, device_id, device_seq, event_id, reason_code, reason FROM events "
            "WHERE status = 'rejected' ORDER BY received_at"));
        if (!q)
            return fail(q.error());
        while (q.value().next()) {
            QStringList fields;
            for (int i = 0; i < 6; ++i)
                fields.append(q.value().value(i).toString());
            out(fields.join(QLatin1Char('\t')));
        }
        return 0;
    }
    if (command == QLatin1String("mail-queue") && args.size() == 1) {
        auto mails = listMail(*db.value(), parser.isSet(failedOnly), parser.value(store), 10000);
        if (!mails)
            return fail(mails.error());
        out(QStringLiteral("id\tstore\treceipt\taddress\tstate\tattempts\tcreated\tsent\terror"));
        for (const QueuedMail &m : mails.value())
            out(QStringList { m.id, m.storeCode, m.receiptNumber, m.address, m.state,
                QString::number(m.attempts), m.createdAt, m.sentAt,
                QString(m.lastError).replace(QLatin1Char('\n'), QLatin1Char(' ')) }
                    .join(QLatin1Char('\t')));
        return 0;
    }
    if (command == QLatin1String("demo-seed") && args.size() == 1) {
        Toonbank::Store::DemoChain::Options options;
        options.productCount = parser.value(products).toInt();
        options.seed = parser.value(seed).toULongLong();
        // Promotions and product offers are dated around today (the entry point's clock).
        options.referenceDate = Toonbank::Core::SystemClock::instance().nowLocal().date();
        QSet<qint64> stockLocations;
        if (parser.value(stockStores) == QLatin1String("home"))
            stockLocations.insert(Toonbank::Store::DemoChain::locations().constFirst().id);
        auto summary = DemoSeedSink::seed(*db.value(), options, stockLocations,
            [](int done, int total) { std::fprintf(stderr, "\r%d / %d products", done, total); });
        std::fprintf(stderr, "\n");
        if (!summary)
            return fail(summary.error());
        out(QStringLiteral("demo chain seeded: %1 locations, %2 staff, %3 products, %4 "
                           "promotions, %5 customers (%6 loyalty ledger entries)")
                .arg(summary->locations)
                .arg(summary->staff)
                .arg(summary->products)
                .arg(summary->promotions)
                .arg(summary->customers)
                .arg(summary->ledgerEntries));
        out(QStringLiteral("demo PINs: cashier %1, supervisor %2, manager %3")
                .arg(Toonbank::Store::DemoChain::demoPin(Toonbank::Store::StaffRole::Cashier),
                    Toonbank::Store::DemoChain::demoPin(Toonbank::Store::StaffRole::Supervisor),
                    Toonbank::Store::DemoChain::demoPin(Toonbank::Store::StaffRole::Manager)));
        QStringList cards;
        for (const DemoSeedSink::DemoGiftCard &card : DemoSeedSink::demoGiftCards())
            cards.append(QStringLiteral("%1 (%2)").arg(card.number,
                card.note.isEmpty()
                    ? Toonbank::Core::Money::fromCents(card.balanceCents).toPlainString()
                    : card.note));
        out(QStringLiteral("demo gift cards: %1").arg(cards.join(QStringLiteral(", "))));
        out(QStringLiteral("demo store credit: 2990000000019 15.00, 2990000000026 40.00, "
                           "2990000000033 7.50"));
        out(QStringLiteral("demo web orders (returns): %1 — QR: toonbank-admin web-order-qr "
                           "ORDER [--png qr.png]")
                .arg(DemoSeedSink::demoWebOrderNumbers().join(QStringLiteral(", "))));
        return buildSnapshot(*db.value(), dir);
    }
    if (command == QLatin1String("build-snapshot") && args.size() == 1)
        return buildSnapshot(*db.value(), dir);
    if (command == QLatin1String("web-order-qr") && args.size() == 2) {
        auto order = db.value()->exec(
            QStringLiteral("SELECT order_number FROM web_orders WHERE order_number = ?"),
            { args.at(1).trimmed() });
        if (!order)
            return fail(order.error());
        if (!order.value().next())
            return fail(QStringLiteral("no web order %1").arg(args.at(1)));
        auto tag = chainTag(*db.value());
        if (!tag)
            return fail(tag.error());
        const QString payload
            = Toonbank::Core::webOrderQrPayload(tag.value(), order.value().value(0).toString());
        out(payload);
        if (parser.isSet(png)) {
            const auto qr = Toonbank::Devices::QrCode::encode(payload);
            if (qr.size == 0)
                return fail(QStringLiteral("cannot encode %1 as a QR code").arg(payload));
            constexpr int scale = 8;
            constexpr int quiet = 4; // modules of white around the code
            const int side = (qr.size + 2 * quiet) * scale;
            QImage image(side, side, QImage::Format_Grayscale8);
            image.fill(255);
            for (int y = 0; y < qr.size; ++y) {
                for (int x = 0; x < qr.size; ++x) {
                    if (!qr.isDark(x, y))
                        continue;
                    for (int dy = 0; dy < scale; ++dy) {
                        uchar *line = image.scanLine((y + quiet) * scale + dy);
                        std::fill_n(line + (x + quiet) * scale, scale, uchar(0));
                    }
                }
            }
            if (!image.save(parser.value(png), "PNG"))
                return fail(QStringLiteral("cannot write %1").arg(parser.value(png)));
            out(QStringLiteral("QR code written to %1").arg(parser.value(png)));
        }
        return 0;
    }
    if (command == QLatin1String("web-refunds") && args.size() == 1) {
        const bool filtered = parser.isSet(state);
        auto q = db.value()->exec(
            QStringLiteral("SELECT created_at, id, return_id, order_number, store_code, method, "
                           "psp_reference, amount_cents, state FROM web_refunds")
                + (filtered ? QStringLiteral(" WHERE state = ?") : QString())
                + QStringLiteral(" ORDER BY created_at, id"),
            filtered ? QVariantList { parser.value(state) } : QVariantList {});
        if (!q)
            return fail(q.error());
        out(QStringLiteral(
            "created\tid\treturn\torder\tstore\tmethod\tpsp reference\tamount\tstate"));
        while (q.value().next()) {
            QStringList fields;
            for (int i = 0; i < 9; ++i)
                fields.append(i == 7
                        ? Toonbank::Core::Money::fromCents(q.value().value(i).toLongLong())
                              .toPlainString()
                        : q.value().value(i).toString());
            out(fields.join(QLatin1Char('\t')));
        }
        return 0;
    }
    if (command == QLatin1String("return-conflicts") && args.size() == 1) {
        auto q = db.value()->exec(
            QStringLiteral("SELECT detected_at, return_id, line_id, origin_number, store_code, "
                           "asked, returnable, resolved_at FROM return_conflicts ORDER BY "
                           "detected_at, return_id, line_id"));
        if (!q)
            return fail(q.error());
        out(QStringLiteral("detected\treturn\tline\toriginal\tstore\tasked\treturnable\tresolved"));
        while (q.value().next()) {
            QStringList fields;
            for (int i = 0; i < 8; ++i)
                fields.append(q.value().value(i).toString());
            out(fields.join(QLatin1Char('\t')));
        }
        return 0;
    }
    if (command == QLatin1String("journal-alerts") && args.size() == 1)
        return journalAlerts(*db.value(), parser.value(deviceOption));
    if (command == QLatin1String("verify-journal") && args.size() == 2)
        return verifyJournal(*db.value(), args.at(1));
    if (command == QLatin1String("stats")) {
        for (const char *table :
            { "events", "sales", "sale_lines", "products", "stock", "devices" }) {
            auto q
                = db.value()->exec(QStringLiteral("SELECT COUNT(*) FROM ") + QLatin1String(table));
            if (!q || !q.value().next())
                return fail(QStringLiteral("cannot count %1").arg(QLatin1String(table)));
            out(QStringLiteral("%1\t%2")
                    .arg(QLatin1String(table))
                    .arg(q.value().value(0).toLongLong()));
        }
        return 0;
    }
    return fail(
        QStringLiteral("unknown command or wrong arguments: %1\n").arg(args.join(QLatin1Char(' ')))
        + QString::fromLatin1(usage));
}
