#include "demoseed.h"

#include "chainadmin.h"
#include "serverdatabase.h"

#include "sync/protocol/promotionjson.h"

#include "app/core/payment.h"
#include "app/core/pickup.h"
#include "app/core/returns.h"
#include "app/store/catalogtypes.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

namespace Toonbank::Sync::Server {

DemoSeedSink::DemoSeedSink(ChainAdmin &admin, QSet<qint64> stockLocations)
    : m_admin(admin)
    , m_stockLocations(std::move(stockLocations))
{ }

Core::Status DemoSeedSink::upsertLocation(const Store::Location &location)
{
    Protocol::LocationData data;
    data.id = location.id;
    data.code = location.code;
    data.name = location.name;
    data.kind = location.kind == Store::LocationKind::WebWarehouse ? QStringLiteral("web_warehouse")
                                                                   : QStringLiteral("store");
    data.address = location.address;
    data.city = location.city;
    data.country = location.country;
    data.latitude = location.latitude;
    data.longitude = location.longitude;
    data.cashRounding = location.cashRounding;
    // The demo chain is one company per country, each with a VAT number of the right shape
    // (NL: 9 digits passing the 11-test + B01; BE: 0 + 8 digits + their mod-97 check).
    data.vatNumber = location.vatNumber;
    if (data.vatNumber.isEmpty() && data.country == QLatin1String("NL"))
        data.vatNumber = QStringLiteral("NL859123455B01");
    else if (data.vatNumber.isEmpty() && data.country == QLatin1String("BE"))
        data.vatNumber = QStringLiteral("BE0712345630");
    m_locations.append(data);
    return Core::success();
}

BulkProduct DemoSeedSink::bulkProduct(const Store::ProductRecord &product)
{
    Protocol::ProductData data;
    data.id = product.id;
    data.sku = product.sku;
    data.name = product.name;
    data.brand = product.brand;
    data.category = product.category;
    data.description = product.description;
    data.vatClass = product.vatClass;
    data.priceCents = product.price.cents();
    if (product.promoPrice)
        data.promoPriceCents = product.promoPrice->cents();
    data.promoFrom = product.promoFrom;
    data.promoUntil = product.promoUntil;
    data.attributes = product.attributes;
    data.variantGroup = product.variantGroup;
    data.variantLabel = product.variantLabel;
    data.ratingTenths = product.ratingTenths;
    data.reviewCount = product.reviewCount;
    data.imageRef = product.imageRef;
    data.webDeliveryDays = product.webDeliveryDays;
    data.barcodes = product.barcodes;
    return ChainAdmin::bulkProduct(data);
}

Core::Status DemoSeedSink::upsertProduct(const Store::ProductRecord &product)
{
    // Locations and staff come first from the generator; products reference neither, but
    // stock does, so locations are written before the first product batch.
    if (!m_locations.isEmpty()) {
        if (auto done = m_admin.upsertLocations(m_locations); !done)
            return done;
        m_locations.clear();
    }
    m_products.push_back(bulkProduct(product));
    if (m_products.size() >= size_t(batchProducts))
        return flush();
    return Core::success();
}

Core::Status DemoSeedSink::writeBatch(
    std::vector<BulkProduct> &products, std::vector<BulkStock> &stock)
{
    if (auto done = flush(); !done)
        return done;
    std::vector<BulkStock> kept;
    if (!m_stockLocations.isEmpty()) {
        kept.reserve(stock.size() / 4);
        for (const BulkStock &s : stock) {
            if (m_stockLocations.contains(s.locationId))
                kept.push_back(s);
        }
    }
    return m_admin.writeCatalog(products, m_stockLocations.isEmpty() ? stock : kept);
}

namespace {

// The generator's side of DemoSeedSink::generate(): buffers locations and staff as they come
// and products (in their wire form) with their stock in batches, and hands each over through
// a short queue to the thread that owns the database connection.
class HandOverSink final : public Store::CatalogSink
{
public:
    struct Item
    {
        std::optional<Store::Location> location;
        std::optional<QPair<Store::StaffMember, QString>> staff;
        std::vector<BulkProduct> products;
        std::vector<BulkStock> stock;
        bool last = false;
    };

    explicit HandOverSink(size_t batchProducts)
        : m_batchProducts(batchProducts)
    { }

    Core::Status upsertLocation(const Store::Location &location) override
    {
        Item item;
        item.location = location;
        return push(std::move(item));
    }
    Core::Status upsertStaff(const Store::StaffMember &member, const QString &pinHash) override
    {
        Item item;
        item.staff = qMakePair(member, pinHash);
        return push(std::move(item));
    }
    Core::Status upsertProduct(const Store::ProductRecord &product) override
    {
        if (m_batch.products.size() >= m_batchProducts) {
            if (auto done = push(std::move(m_batch)); !done)
                return done;
            m_batch = Item();
            m_batch.products.reserve(m_batchProducts);
            m_batch.stock.reserve(m_batchProducts * 13);
        }
        m_batch.products.push_back(DemoSeedSink::bulkProduct(product));
        return Core::success();
    }
    Core::Status setStock(
        qint64 productId, qint64 locationId, int quantity, const QDateTime &asOf) override
    {
        m_batch.stock.push_back({ productId, locationId, quantity, asOf.toMSecsSinceEpoch() });
        return Core::success();
    }
    /// The generator is done (or failed): what is left, and the end mark.
    void finish()
    {
        m_batch.last = true;
        std::lock_guard lock(m_mutex);
        if (m_cancelled) { // the writer waits only for the end mark
            m_batch.products.clear();
            m_batch.stock.clear();
        }
        m_queue.push_back(std::move(m_batch));
        m_changed.notify_all();
    }
    /// The writer gave up: the generator's next hand-over fails.
    void cancel()
    {
        std::lock_guard lock(m_mutex);
        m_cancelled = true;
        m_queue.clear();
        m_changed.notify_all();
    }
    Item pop()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return !m_queue.empty(); });
        Item item = std::move(m_queue.front());
        m_queue.pop_front();
        m_changed.notify_all();
        return item;
    }

private:
    Core::Status push(Item item)
    {
        std::unique_lock lock(m_mutex);
        // Two batches ahead at most: memory stays bounded while both threads work.
        m_changed.wait(lock, [this] { return m_cancelled || m_queue.size() < 2; });
        if (m_cancelled)
            return Core::Error::make(
                QStringLiteral("demo.cancelled"), QStringLiteral("the demo seed stopped"));
        m_queue.push_back(std::move(item));
        m_changed.notify_all();
        return Core::success();
    }

    const size_t m_batchProducts;
    Item m_batch;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Item> m_queue;
    bool m_cancelled = false;
};

} // namespace

Core::Result<Store::DemoChain::Summary> DemoSeedSink::generate(ServerDatabase &database,
    const Store::DemoChain::Options &options, QSet<qint64> stockLocations,
    const Store::DemoChain::Progress &progress)
{
    ChainAdmin admin(database);
    DemoSeedSink sink(admin, std::move(stockLocations));
    HandOverSink handOver { size_t(batchProducts) };
    Core::Result<Store::DemoChain::Summary> summary = Core::Error {};
    std::thread generator([&] {
        summary = Store::DemoChain::generate(handOver, options, progress);
        handOver.finish();
    });
    Core::Status written = Core::success();
    for (;;) {
        HandOverSink::Item item = handOver.pop();
        if (written) {
            if (item.location)
                written = sink.upsertLocation(*item.location);
            else if (item.staff)
                written = sink.upsertStaff(item.staff->first, item.staff->second);
            else if (!item.products.empty() || !item.stock.empty())
                written = sink.writeBatch(item.products, item.stock);
            if (!written)
                handOver.cancel();
        }
        if (item.last)
            break;
    }
    generator.join();
    if (!written)
        return written.error();
    if (!summary)
        return summary;
    if (auto done = sink.flush(); !done)
        return done.error();
    return summary;
}

Core::Status DemoSeedSink::setStock(
    qint64 productId, qint64 locationId, int quantity, const QDateTime &asOf)
{
    if (!m_stockLocations.isEmpty() && !m_stockLocations.contains(locationId))
        return Core::success();
    // Flushed with the products (a batch's stock belongs to its products).
    m_stock.push_back({ productId, locationId, quantity, asOf.toMSecsSinceEpoch() });
    return Core::success();
}

Core::Status DemoSeedSink::upsertStaff(const Store::StaffMember &member, const QString &pinHash)
{
    if (!m_locations.isEmpty()) {
        if (auto done = m_admin.upsertLocations(m_locations); !done)
            return done;
        m_locations.clear();
    }
    Protocol::StaffData data;
    data.id = member.id;
    data.code = member.code;
    data.displayName = member.displayName;
    data.role = Store::roleName(member.role);
    data.homeLocationId = member.homeLocationId;
    data.pinHash = pinHash; // already hashed: addStaff keeps it
    data.active = member.active;
    return m_admin.addStaff(data, QString());
}

Core::Status DemoSeedSink::flush()
{
    if (!m_locations.isEmpty()) {
        if (auto done = m_admin.upsertLocations(m_locations); !done)
            return done;
        m_locations.clear();
    }
    if (!m_products.empty() || !m_stock.empty()) {
        if (auto done = m_admin.writeCatalog(m_products, m_stock); !done)
            return done;
        m_products.clear();
        m_stock.clear();
    }
    return Core::success();
}

Core::Result<Store::DemoChain::Summary> DemoSeedSink::seed(ServerDatabase &database,
    const Store::DemoChain::Options &options, QSet<qint64> stockLocations,
    const Store::DemoChain::Progress &progress)
{
    ChainAdmin admin(database);
    if (auto done = admin.createChain(QStringLiteral("Toonbank demo")); !done)
        return done.error();
    auto summary = generate(database, options, std::move(stockLocations), progress);
    if (!summary)
        return summary;
    if (auto done = seedLoyalty(database, options, summary.value()); !done)
        return done.error();
    if (auto done = seedWallet(database, options.referenceDate); !done)
        return done.error();
    if (auto done = seedReturns(database, options.referenceDate); !done)
        return done.error();
    if (auto done = seedPickups(database, options.referenceDate); !done)
        return done.error();
    return summary;
}

namespace {

Core::Status importJson(ChainAdmin &admin, ChainAdmin::ImportKind kind, const QJsonArray &rows,
    const QString &fileName, int &imported)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(fileName);
    QFile file(path);
    if (!dir.isValid() || !file.open(QIODevice::WriteOnly)
        || file.write(QJsonDocument(rows).toJson(QJsonDocument::Compact)) < 0 || !file.flush())
        return Core::Error::make(QStringLiteral("demo.seed_file"),
            QStringLiteral("the demo data could not be written to a temporary file"),
            file.errorString());
    file.close();
    QList<ImportProblem> problems;
    Core::Status done = admin.importFile(kind, path, problems, imported);
    if (!done && !problems.isEmpty()) {
        Core::Error error = done.error();
        error.detail = QStringLiteral("%1: row %2: %3")
                           .arg(fileName)
                           .arg(problems.constFirst().line)
                           .arg(problems.constFirst().reason);
        return error;
    }
    return done;
}

} // namespace

Core::Status DemoSeedSink::seedLoyalty(ServerDatabase &database,
    const Store::DemoChain::Options &options, Store::DemoChain::Summary &summary)
{
    ChainAdmin admin(database);
    QJsonArray promotions;
    for (const Core::Promotion &promotion : Store::DemoChain::promotions(options))
        promotions.append(Protocol::promotionToJson(promotion));
    if (auto done = importJson(admin, ChainAdmin::ImportKind::Promotions, promotions,
            QStringLiteral("promotions.json"), summary.promotions);
        !done)
        return done;

    const QList<Store::DemoChain::Customer> customers = Store::DemoChain::customers(options);
    QJsonArray rows;
    QList<QVariantList> ledger;
    QList<QVariantList> lastSeen;
    for (const Store::DemoChain::Customer &c : customers) {
        Protocol::CustomerData data;
        data.id = c.id;
        data.code = c.cardNumber;
        data.name = c.name;
        data.email = c.email;
        data.phone = c.phone;
        data.loyaltyPoints = c.points;
        data.tier = c.tier;
        data.lifetimePoints = c.lifetimePoints;
        data.homeStoreCode = c.homeStoreCode;
        data.consentEmail = c.consentEmail;
        data.consentSms = c.consentSms;
        data.consentPersonalised = c.consentPersonalised;
        data.consentChangedAt = c.consentChangedAt;
        rows.append(Protocol::toJson(data));
        lastSeen.append({ c.lastSeenAt.toString(Qt::ISODateWithMs), c.id });
        for (const Store::DemoChain::LedgerEntry &e : c.ledger)
            ledger.append({ c.id, e.eventId, e.points, e.reason, QString(), e.locationId,
                e.at.toString(Qt::ISODateWithMs) });
    }
    if (auto done = importJson(admin, ChainAdmin::ImportKind::Customers, rows,
            QStringLiteral("customers.json"), summary.customers);
        !done)
        return done;
    // The history behind each balance (the ledger's unique key makes a second seed a no-op)
    // and the last visit, which the import does not carry: a tablet purges customers unseen
    // for long. One transaction, before any tablet pulls.
    if (auto done = database.transaction([&]() -> Core::Status {
            for (const QVariantList &seen : std::as_const(lastSeen)) {
                auto updated = database.exec(
                    QStringLiteral("UPDATE customers SET last_seen_at = ?, "
                                   "last_seen_location_id = home_location_id WHERE id = ?"),
                    seen);
                if (!updated)
                    return updated.error();
            }
            return database.insertRows(QStringLiteral("loyalty_ledger"),
                { QStringLiteral("customer_id"), QStringLiteral("event_id"),
                    QStringLiteral("points"), QStringLiteral("reason"), QStringLiteral("sale_id"),
                    QStringLiteral("location_id"), QStringLiteral("created_at") },
                ledger, QStringLiteral("ON CONFLICT(event_id, customer_id, reason) DO NOTHING"));
        });
        !done)
        return done;
    summary.ledgerEntries = ledger.size();
    return Core::success();
}

QList<DemoSeedSink::DemoGiftCard> DemoSeedSink::demoGiftCards()
{
    return {
        { QStringLiteral("6036990000000001"), 5000, QString() },
        { QStringLiteral("6036990000000002"), 2500, QString() },
        { QStringLiteral("6036990000000003"), 1250, QString() },
        { QStringLiteral("6036990000000004"), 10000, QString() },
        { QStringLiteral("6036990000000005"), 0, QStringLiteral("empty") },
        { QStringLiteral("6036990000000006"), 2000, QStringLiteral("expired") },
        { QStringLiteral("6036990000000007"), 3000, QStringLiteral("blocked") },
    };
}

QList<QPair<qint64, qint64>> DemoSeedSink::demoStoreCredit()
{
    return { { 1, 1500 }, { 2, 4000 }, { 3, 750 } };
}

Core::Status DemoSeedSink::seedWallet(ServerDatabase &database, const QDate &referenceDate)
{
    const QDate today = referenceDate.isValid() ? referenceDate : QDate::currentDate();
    QList<QVariantList> cards;
    for (const DemoGiftCard &card : demoGiftCards()) {
        QDate issued = today.addYears(-1);
        if (card.note == QLatin1String("expired"))
            issued = today.addYears(-2).addDays(-30); // expired a month ago
        cards.append({ card.number, card.balanceCents,
            QDateTime(issued, QTime(10, 0), Qt::UTC).toString(Qt::ISODateWithMs),
            Core::giftCardExpiry(issued).toString(Qt::ISODate),
            card.note == QLatin1String("blocked") ? QStringLiteral("inactive")
                                                  : QStringLiteral("active"),
            QStringLiteral("WEB") });
    }
    QList<QVariantList> credit;
    for (const auto &[customerId, cents] : demoStoreCredit())
        credit.append({ customerId, cents });
    return database.transaction([&]() -> Core::Status {
        if (Core::Status s = database.insertRows(QStringLiteral("gift_cards"),
                { QStringLiteral("number"), QStringLiteral("balance_cents"),
                    QStringLiteral("issued_at"), QStringLiteral("expires_on"),
                    QStringLiteral("state"), QStringLiteral("store") },
                cards, QStringLiteral("ON CONFLICT(number) DO NOTHING"));
            !s)
            return s;
        return database.insertRows(QStringLiteral("store_credit"),
            { QStringLiteral("customer_id"), QStringLiteral("balance_cents") }, credit,
            QStringLiteral("ON CONFLICT(customer_id) DO NOTHING"));
    });
}

QStringList DemoSeedSink::demoWebOrderNumbers()
{
    QStringList numbers;
    for (int i = 1; i <= 12; ++i)
        numbers.append(QStringLiteral("WEB%1").arg(100100 + i));
    return numbers;
}

Core::Status DemoSeedSink::seedReturns(ServerDatabase &database, const QDate &referenceDate)
{
    const QDate today = referenceDate.isValid() ? referenceDate : QDate::currentDate();
    ChainAdmin admin(database);
    if (auto done = admin.setReturnPolicy(0, Core::ReturnPolicy::defaults()); !done)
        return done;

    // Real demo products (not gift cards, priced), in catalog order.
    struct Product
    {
        qint64 id = 0;
        QString sku;
        qint64 priceCents = 0;
    };
    QList<Product> products;
    auto q
        = database.exec(QStringLiteral("SELECT id, sku, data FROM products ORDER BY id LIMIT 200"));
    if (!q)
        return q.error();
    while (q.value().next()) {
        const QJsonObject data
            = QJsonDocument::fromJson(q.value().value(2).toString().toUtf8()).object();
        const qint64 price = data.value(QStringLiteral("priceCents")).toInteger();
        if (price <= 0
            || data.value(QStringLiteral("vatClass")).toString() == QLatin1String("zero"))
            continue;
        products.append({ q.value().value(0).toLongLong(), q.value().value(1).toString(), price });
    }
    QStringList stores;
    for (const Store::Location &l : Store::DemoChain::locations()) {
        if (l.kind == Store::LocationKind::Store)
            stores.append(l.code);
    }
    auto customers = database.exec(QStringLiteral("SELECT id FROM customers ORDER BY id LIMIT 12"));
    if (!customers)
        return customers.error();
    QList<qint64> customerIds;
    while (customers.value().next())
        customerIds.append(customers.value().value(0).toLongLong());
    if (products.size() < 12 || stores.isEmpty() || customerIds.isEmpty())
        return Core::success(); // a chain too small for the demo orders

    // Days since delivery per order; -1: not delivered yet.
    const int deliveredDaysAgo[12] = { 1, 3, 5, 7, 9, 12, 13, 15, 18, 20, 2, -1 };
    const QStringList numbers = demoWebOrderNumbers();
    const QList<DemoGiftCard> cards = demoGiftCards();
    QJsonArray rows;
    for (int i = 0; i < 12; ++i) {
        const bool threeForTwo = i == 4;
        const bool giftCardPaid = i == 2;
        const int lineCount = threeForTwo ? 3 : 1 + i % 3;
        QList<qint64> totals;
        QJsonArray lines;
        qint64 goods = 0;
        for (int l = 0; l < lineCount; ++l) {
            const Product &p = products.at((i * 17 + l * 5) % products.size());
            const int quantity = threeForTwo ? 1 : 1 + (i + l) % 2;
            lines.append(
                QJsonObject { { QStringLiteral("lineId"), QStringLiteral("L%1").arg(l + 1) },
                    { QStringLiteral("sku"), p.sku }, { QStringLiteral("quantity"), quantity },
                    { QStringLiteral("unitPriceCents"), p.priceCents },
                    { QStringLiteral("lineTotalCents"), p.priceCents * quantity } });
            totals.append(p.priceCents * quantity);
        }
        if (threeForTwo) {
            // 3 for 2: the cheapest is free, the discount spread over the lines pro rata to
            // their price (the last line takes the rounding), as the web shop's engine does.
            const qint64 gross = totals.at(0) + totals.at(1) + totals.at(2);
            const qint64 discount = std::min({ totals.at(0), totals.at(1), totals.at(2) });
            qint64 spread = 0;
            for (int l = 0; l < 3; ++l) {
                const qint64 share = l == 2 ? discount - spread : discount * totals.at(l) / gross;
                spread += share;
                totals[l] -= share;
                QJsonObject line = lines.at(l).toObject();
                line.insert(QStringLiteral("lineTotalCents"), totals.at(l));
                lines.replace(l, line);
            }
        }
        for (const qint64 t : std::as_const(totals))
            goods += t;
        const qint64 delivery = i % 2 == 0 ? 495 : 0; // free delivery on the others
        const QDate delivered
            = deliveredDaysAgo[i] >= 0 ? today.addDays(-deliveredDaysAgo[i]) : QDate();
        const QDate ordered = (delivered.isValid() ? delivered : today).addDays(-2);
        const QString paidAt
            = QDateTime(ordered, QTime(20, 15), Qt::UTC).toString(Qt::ISODateWithMs);
        QJsonArray tenders;
        const QString psp = QStringLiteral("PSP-%1").arg(numbers.at(i));
        if (giftCardPaid) {
            const qint64 fromCard = std::min<qint64>(2500, goods + delivery - 1);
            tenders.append(QJsonObject { { QStringLiteral("method"), QStringLiteral("ideal") },
                { QStringLiteral("amountCents"), goods + delivery - fromCard },
                { QStringLiteral("reference"), psp }, { QStringLiteral("paidAt"), paidAt } });
            tenders.append(QJsonObject { { QStringLiteral("method"), QStringLiteral("gift_card") },
                { QStringLiteral("amountCents"), fromCard },
                { QStringLiteral("reference"), cards.constFirst().number },
                { QStringLiteral("paidAt"), paidAt } });
        } else {
            static const char *methods[] = { "ideal", "web_card", "paypal" };
            tenders.append(
                QJsonObject { { QStringLiteral("method"), QLatin1String(methods[i % 3]) },
                    { QStringLiteral("amountCents"), goods + delivery },
                    { QStringLiteral("reference"), psp }, { QStringLiteral("paidAt"), paidAt } });
        }
        QJsonObject row { { QStringLiteral("id"), 9100 + i + 1 },
            { QStringLiteral("orderNumber"), numbers.at(i) },
            { QStringLiteral("locationCode"), stores.at(i % stores.size()) },
            { QStringLiteral("customerId"), customerIds.at(i % customerIds.size()) },
            { QStringLiteral("status"),
                delivered.isValid() ? QStringLiteral("collected") : QStringLiteral("shipped") },
            { QStringLiteral("channel"), QStringLiteral("web") },
            { QStringLiteral("orderedAt"),
                QDateTime(ordered, QTime(20, 10), Qt::UTC).toString(Qt::ISODateWithMs) },
            { QStringLiteral("deliveryCents"), delivery }, { QStringLiteral("totalCents"), goods },
            { QStringLiteral("lines"), lines }, { QStringLiteral("tenders"), tenders } };
        if (delivered.isValid())
            row.insert(QStringLiteral("deliveredOn"), delivered.toString(Qt::ISODate));
        rows.append(row);
    }
    int imported = 0;
    return importJson(admin, ChainAdmin::ImportKind::WebOrders, rows,
        QStringLiteral("web-orders.json"), imported);
}

QList<DemoSeedSink::DemoPickup> DemoSeedSink::demoPickups()
{
    return { { QStringLiteral("WEB200101"), QStringLiteral("246810"), 0, 0 },
        { QStringLiteral("WEB200102"), QStringLiteral("135791"), 0, 1 },
        { QStringLiteral("WEB200103"), QStringLiteral("112233"), 0, 10 },
        { QStringLiteral("WEB200104"), QStringLiteral("987654"), 1, 2 } };
}

Core::Status DemoSeedSink::seedPickups(ServerDatabase &database, const QDate &referenceDate)
{
    const QDate today = referenceDate.isValid() ? referenceDate : QDate::currentDate();
    QStringList stores;
    for (const Store::Location &l : Store::DemoChain::locations()) {
        if (l.kind == Store::LocationKind::Store)
            stores.append(l.code);
    }
    QList<QPair<QString, qint64>> products; // sku, price
    auto q = database.exec(QStringLiteral("SELECT sku, data FROM products ORDER BY id LIMIT 60"));
    if (!q)
        return q.error();
    while (q.value().next()) {
        const QJsonObject data
            = QJsonDocument::fromJson(q.value().value(1).toString().toUtf8()).object();
        const qint64 price = data.value(QStringLiteral("priceCents")).toInteger();
        if (price > 0 && data.value(QStringLiteral("vatClass")).toString() != QLatin1String("zero"))
            products.append({ q.value().value(0).toString(), price });
    }
    auto customers = database.exec(QStringLiteral("SELECT id FROM customers ORDER BY id LIMIT 4"));
    if (!customers)
        return customers.error();
    QList<qint64> customerIds;
    while (customers.value().next())
        customerIds.append(customers.value().value(0).toLongLong());
    if (products.size() < 8 || stores.size() < 2 || customerIds.isEmpty())
        return Core::success(); // a chain too small for the demo pickups

    static const char *names[] = { "Sanne Jansen", "Daan Bakker", "Lotte Visser", "Bram Smit" };
    const QList<DemoPickup> pickups = demoPickups();
    QJsonArray rows;
    for (qsizetype i = 0; i < pickups.size(); ++i) {
        const DemoPickup &pickup = pickups.at(i);
        QJsonArray lines;
        qint64 goods = 0;
        for (int l = 0; l < 1 + int(i % 2); ++l) {
            const auto &[sku, price] = products.at((i * 7 + l * 3) % products.size());
            lines.append(
                QJsonObject { { QStringLiteral("lineId"), QStringLiteral("L%1").arg(l + 1) },
                    { QStringLiteral("sku"), sku }, { QStringLiteral("quantity"), 1 },
                    { QStringLiteral("unitPriceCents"), price },
                    { QStringLiteral("lineTotalCents"), price } });
            goods += price;
        }
        const QDate ordered = today.addDays(-pickup.readyDaysAgo - 1);
        rows.append(QJsonObject { { QStringLiteral("id"), 9200 + i + 1 },
            { QStringLiteral("orderNumber"), pickup.orderNumber },
            { QStringLiteral("locationCode"), stores.at(pickup.storeIndex) },
            { QStringLiteral("customerId"), customerIds.at(i % customerIds.size()) },
            { QStringLiteral("status"), QStringLiteral("ready") },
            { QStringLiteral("channel"), QStringLiteral("web") },
            { QStringLiteral("orderedAt"),
                QDateTime(ordered, QTime(19, 30), Qt::UTC).toString(Qt::ISODateWithMs) },
            { QStringLiteral("totalCents"), goods }, { QStringLiteral("lines"), lines },
            { QStringLiteral("details"),
                QJsonObject { { QStringLiteral("customerName"), QLatin1String(names[i % 4]) },
                    { QStringLiteral("customerPhone"),
                        QStringLiteral("+3161234%1").arg(5670 + i) } } },
            { QStringLiteral("tenders"),
                QJsonArray { QJsonObject { { QStringLiteral("method"), QStringLiteral("ideal") },
                    { QStringLiteral("amountCents"), goods },
                    { QStringLiteral("reference"), QStringLiteral("PSP-") + pickup.orderNumber },
                    { QStringLiteral("paidAt"),
                        QDateTime(ordered, QTime(19, 31), Qt::UTC)
                            .toString(Qt::ISODateWithMs) } } } } });
    }
    ChainAdmin admin(database);
    int imported = 0;
    if (Core::Status done = importJson(admin, ChainAdmin::ImportKind::WebOrders, rows,
            QStringLiteral("pickups.json"), imported);
        !done)
        return done;
    // Ready for pickup: when, and the hash of the code the customer got by e-mail.
    return database.transaction([&]() -> Core::Status {
        auto seq = database.reserveSequence(pickups.size());
        if (!seq)
            return seq.error();
        for (qsizetype i = 0; i < pickups.size(); ++i) {
            const DemoPickup &pickup = pickups.at(i);
            const QString readyAt
                = QDateTime(today.addDays(-pickup.readyDaysAgo), QTime(9, 0), Qt::UTC)
                      .toString(Qt::ISODateWithMs);
            auto done = database.exec(
                QStringLiteral("UPDATE web_orders SET ready_at = ?, code_hash = ?, change_seq = ? "
                               "WHERE order_number = ?"),
                { readyAt, Core::pickupCodeHash(pickup.orderNumber, pickup.pickupCode),
                    seq.value() + i, pickup.orderNumber });
            if (!done)
                return done.error();
        }
        return Core::success();
    });
}

} // namespace Toonbank::Sync::Server
