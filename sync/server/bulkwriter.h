#pragma once

#include "app/core/result.h"

#include <QByteArray>
#include <QDateTime>

#include <functional>

#include <optional>
#include <vector>

namespace Toonbank::Sync::Server {

class ServerDatabase;

/// One product version for BulkWriter: the `products` row (the wire form as compact JSON,
/// which the feed sends as it is) and its `product_prices` row. Text is UTF-8.
struct BulkProduct
{
    qint64 id = 0;
    QByteArray sku;
    QByteArray data; // compact JSON of Protocol::toJson(ProductData)
    qint64 priceCents = 0;
    std::optional<qint64> promoPriceCents;
    QByteArray promoFrom; // ISO date or empty
    QByteArray promoUntil;
};

/// One stock figure for BulkWriter. `asOfMsecs`: UTC milliseconds since the epoch (compact:
/// a stock import of a whole chain holds millions of these).
struct BulkStock
{
    qint64 productId = 0;
    qint64 locationId = 0;
    qint64 quantity = 0;
    qint64 asOfMsecs = 0;
};

/// The bulk write of the catalog (docs/STOCK.md §1): products with their price versions and
/// stock figures, many rows per call, each row taking its own feed sequence number from one
/// reserveSequence() per call. Call it inside ServerDatabase::transaction(): it writes in the
/// caller's transaction, so a failure anywhere leaves nothing written.
///
/// SQLite: the sqlite3 C API on the Qt connection's handle, prepared INSERT … ON CONFLICT DO
/// UPDATE statements reused for every row, keys sorted (B-tree appends), a larger page cache
/// for the call. PostgreSQL: libpq COPY … FROM STDIN (text format) on the QPSQL connection's
/// PGconn into a TEMP table (ON COMMIT DROP), then one INSERT … SELECT … ON CONFLICT DO UPDATE
/// per target table; when no row of the batch's key range exists yet (a first load), COPY goes
/// straight into the target table. `synchronous_commit` is off for the transaction: a crash
/// can lose an import the admin was not yet told succeeded (they run it again), never a half
/// one, and other transactions keep their durability.
///
/// Stock: sets quantity, as_of and change_seq; `held` is never touched by an update (holds
/// stay valid), a new row starts with held 0.
class BulkWriter final
{
    Q_DISABLE_COPY_MOVE(BulkWriter)
public:
    explicit BulkWriter(ServerDatabase &database);

    /// Writes products (sorted by id here; of two rows with the same id the later wins) and
    /// then stock (sorted by product and location; the later of two equal keys wins), with
    /// products.size() + stock.size() sequence numbers reserved in one step.
    Core::Status write(std::vector<BulkProduct> &products, std::vector<BulkStock> &stock);

    /// A price update of known products (docs/STOCK.md §1): each row's `data` (the document
    /// with its new price) and change_seq replace the stored ones, the sku stays as it is
    /// (its index is not touched), and a new product_prices version is added. A row naming
    /// no stored product fails the call (import.sku_unknown).
    Core::Status updatePrices(std::vector<BulkProduct> &products);

    /// Looks up the stored products of `skus` (UTF-8, each once) in one pass: SQLite one
    /// prepared statement stepped per sku, PostgreSQL one query over an array of them.
    /// Calls `found` for each sku the catalog has, with its id and (when `withData`) its
    /// document; SKUs not stored are not reported. Reads outside any transaction of its own.
    using FoundProduct = std::function<void(const QByteArray &sku, qint64 id, QByteArray data)>;
    Core::Status findProducts(
        const std::vector<QByteArray> &skus, bool withData, const FoundProduct &found);

    /// `msecs` (UTC) as Qt::ISODateWithMs writes a UTC QDateTime ("2026-03-02T07:00:00.000Z"),
    /// without a QDateTime per value.
    static QByteArray isoUtc(qint64 msecs);
    static qint64 toMsecs(const QDateTime &at) { return at.toMSecsSinceEpoch(); }

private:
    Core::Status writeSqlite(const std::vector<BulkProduct> &products,
        const std::vector<BulkStock> &stock, qint64 firstSeq, bool pricesOnly);
    Core::Status writePostgres(const std::vector<BulkProduct> &products,
        const std::vector<BulkStock> &stock, qint64 firstSeq, bool pricesOnly);

    ServerDatabase &m_db;
};

} // namespace Toonbank::Sync::Server
