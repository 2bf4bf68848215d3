#pragma once

#include "app/core/result.h"
#include "app/core/returns.h"

#include "sync/protocol/changefeed.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <vector>

namespace Toonbank::Sync::Server {

class ServerDatabase;
struct BulkProduct;
struct BulkStock;

/// One bad row of an import: where it is and why.
struct ImportProblem
{
    ImportProblem() = default;
    ImportProblem(int line, QString reason, QString code = QStringLiteral("import.bad_row"))
        : line(line)
        , reason(std::move(reason))
        , code(std::move(code))
    { }
    int line = 0; // 1-based line of the file (JSON array: 1-based item number)
    QString reason;
    /// Stable code: "import.bad_row", or a more precise one ("import.location_unknown",
    /// "import.sku_unknown", "import.duplicate").
    QString code = QStringLiteral("import.bad_row");
};

/// What toonbank-admin does to the chain's data. Every write is one transaction that takes
/// feed sequence numbers, so the change goes to the tablets on their next pull.
class ChainAdmin final
{
    Q_DISABLE_COPY_MOVE(ChainAdmin)
public:
    enum class ImportKind {
        Locations,
        Products,
        Prices,
        Stock,
        Customers,
        WebOrders,
        Staff,
        Promotions,
        GiftCards, // issued elsewhere (web shop): number, balance, expires_on, issued_at, state
        ReturnPolicies, // {"locationCode"|"locationId" (0 or "*": the chain), ReturnPolicy fields}
    };
    static std::optional<ImportKind> kindFromName(const QString &name);

    explicit ChainAdmin(ServerDatabase &database);

    Core::Status createChain(const QString &name);
    Core::Status upsertLocations(const QList<Protocol::LocationData> &locations);
    Core::Status upsertProducts(const QList<Protocol::ProductData> &products);
    Core::Status setStock(const QList<Protocol::StockData> &figures);
    /// Products (with their price versions) and stock in one transaction through BulkWriter
    /// (docs/STOCK.md §1): the path of imports and demo-seed. The vectors are sorted in place.
    Core::Status writeCatalog(std::vector<BulkProduct> &products, std::vector<BulkStock> &stock);
    /// A product's row for writeCatalog(): its wire form as the feed sends it.
    static BulkProduct bulkProduct(const Protocol::ProductData &product);
    /// The return policy of a store (`locationId` 0: the chain's default).
    Core::Status setReturnPolicy(qint64 locationId, const Core::ReturnPolicy &policy);
    /// `pin` is hashed here (Core::Pin::hash) — the server never stores it in clear.
    Core::Status addStaff(Protocol::StaffData member, const QString &pin);

    /// Reads CSV (header row of wire field names) or JSON (an array or one object per line),
    /// checks every row, and writes all of them in one transaction only when none is bad.
    /// On bad rows returns them in `problems` and changes nothing.
    Core::Status importFile(
        ImportKind kind, const QString &path, QList<ImportProblem> &problems, int &imported);

private:
    ServerDatabase &m_db;
};

} // namespace Toonbank::Sync::Server
