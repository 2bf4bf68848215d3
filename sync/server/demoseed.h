#pragma once

#include "app/core/result.h"
#include "app/store/catalogsink.h"
#include "app/store/demochain.h"

#include "sync/protocol/changefeed.h"
#include "sync/server/bulkwriter.h"

#include <QList>
#include <QSet>
#include <QStringList>

namespace Toonbank::Sync::Server {

class ChainAdmin;
class ServerDatabase;

/// Feeds the shared demo generator (Store::DemoChain) into the server's database through
/// ChainAdmin, so `toonbank-admin demo-seed` and `toonbank-demogen` produce the same chain.
/// Rows are buffered and written batchProducts products (with their stock) at a time through
/// the bulk path of imports (ChainAdmin::writeCatalog, BulkWriter): each batch one transaction
/// that takes its feed sequence numbers in one step.
class DemoSeedSink final : public Store::CatalogSink
{
    Q_DISABLE_COPY_MOVE(DemoSeedSink)
public:
    /// `stockLocations` empty: stock for every location; otherwise only for those ids (a
    /// million-product benchmark does not need 13 million stock rows).
    DemoSeedSink(ChainAdmin &admin, QSet<qint64> stockLocations = {});

    Core::Status upsertLocation(const Store::Location &location) override;
    Core::Status upsertProduct(const Store::ProductRecord &product) override;
    Core::Status setStock(
        qint64 productId, qint64 locationId, int quantity, const QDateTime &asOf) override;
    Core::Status upsertStaff(const Store::StaffMember &member, const QString &pinHash) override;
    /// Writes what is still buffered.
    Core::Status flush();

    /// The catalog part of seed(): locations, staff, products and stock. The generator runs
    /// in a thread of its own (and turns products into their wire form there) while this
    /// thread writes the batches it hands over, so generating and writing overlap.
    static Core::Result<Store::DemoChain::Summary> generate(ServerDatabase &database,
        const Store::DemoChain::Options &options, QSet<qint64> stockLocations = {},
        const Store::DemoChain::Progress &progress = {});

    /// Generates the demo chain into the server: all locations, staff, products and stock,
    /// then the promotions and loyalty customers (seedLoyalty()).
    static Core::Result<Store::DemoChain::Summary> seed(ServerDatabase &database,
        const Store::DemoChain::Options &options, QSet<qint64> stockLocations = {},
        const Store::DemoChain::Progress &progress = {});

    /// The demo promotions and customers (Store::DemoChain::promotions()/customers()) through
    /// the same checked path as `toonbank-admin import promotions|customers` (ChainAdmin::
    /// importFile: wire form, Core::Promotion::validate, known SKUs), then each customer's
    /// points history into loyalty_ledger. Needs the catalog seeded first. Fills
    /// `summary.promotions`, `.customers` and `.ledgerEntries`.
    static Core::Status seedLoyalty(ServerDatabase &database,
        const Store::DemoChain::Options &options, Store::DemoChain::Summary &summary);

    /// A gift card of the demo (README and demo.sh list them).
    struct DemoGiftCard
    {
        QString number;
        qint64 balanceCents = 0;
        QString note; // "", "empty", "expired", "blocked"
    };
    static QList<DemoGiftCard> demoGiftCards();
    /// Store credit of the demo: customer id → cents (the first three demo customers).
    static QList<QPair<qint64, qint64>> demoStoreCredit();
    /// The demo gift cards (issued a year before the reference date, valid two years; one
    /// empty, one expired, one blocked) and store credit. A second seed changes nothing.
    static Core::Status seedWallet(ServerDatabase &database, const QDate &referenceDate);

    /// The demo's web orders (12, of the first demo customers, with real demo products,
    /// picked up at the demo stores): their numbers, for the seed output and the README.
    static QStringList demoWebOrderNumbers();
    /// The chain's default return policy (Core::ReturnPolicy::defaults()) and the demo web
    /// orders through `import web-orders`: delivered 1 to 20 days before the reference date
    /// (some outside the 14 days, one not delivered yet), one with a 3-for-2 discount spread
    /// over its lines, one paid with iDEAL and a demo gift card, delivery 4.95 on half of them.
    /// Needs the catalog and customers seeded first; a second seed changes nothing.
    static Core::Status seedReturns(ServerDatabase &database, const QDate &referenceDate);

    /// One batch of products (wire form) and their stock, as generate()'s thread hands over.
    Core::Status writeBatch(std::vector<BulkProduct> &products, std::vector<BulkStock> &stock);
    static BulkProduct bulkProduct(const Store::ProductRecord &product);
    /// A web order of the demo waiting for pickup (README and the seed output list them).
    struct DemoPickup
    {
        QString orderNumber;
        QString pickupCode; // what the customer shows at the counter
        int storeIndex = 0; // of the demo's stores, in DemoChain::locations() order
        int readyDaysAgo = 0; // 10: overdue (past the default 7 release days)
    };
    static QList<DemoPickup> demoPickups();
    /// The demo pickups (docs/STOCK.md §6): web orders ready for pickup at the first two demo
    /// stores with known pickup codes (hashed with Core::pickupCodeHash), ready 0 to 2 days ago,
    /// one overdue. Needs the catalog and customers seeded first; a second seed changes nothing.
    static Core::Status seedPickups(ServerDatabase &database, const QDate &referenceDate);

private:
    /// Products per batch: each batch (with its stock) is one transaction through BulkWriter.
    static constexpr int batchProducts = 50'000;
    ChainAdmin &m_admin;
    QSet<qint64> m_stockLocations;
    QList<Protocol::LocationData> m_locations;
    std::vector<BulkProduct> m_products;
    std::vector<BulkStock> m_stock;
};

} // namespace Toonbank::Sync::Server
