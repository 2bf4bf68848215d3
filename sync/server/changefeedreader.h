#pragma once

#include "apierror.h"
#include "deviceregistry.h"

#include "sync/protocol/changefeed.h"

#include <QByteArray>

#include <variant>

namespace Toonbank::Sync::Server {

class ServerDatabase;

/// A window of the feed (GET /v1/changes?until=C&only=staff,webOrders): after a snapshot
/// (docs/STOCK.md §2) the tablet fetches its store's staff and web orders up to the
/// snapshot's cursor only.
struct FeedWindow
{
    qint64 until = -1; // rows with sequence <= until only; -1: up to the head
    QStringList only; // the sections to fill (others are empty arrays); empty: all
};

/// Reads one page of one kind of the change feed for a device: every row of the kind's scope
/// whose change_seq is in (since, next]. The kinds are a table (feedKinds() in the .cpp): each
/// is a list of sections with a query, its scope and a row mapper, so adding a kind adds rows
/// there and nothing else.
///  - catalog: locations, products, stock of every location (chain-wide); staff and web
///    orders of the device's store only. `customers` stays an empty array for v1 tablets.
///  - promotions: every promotion (the engine picks the ones of the store and the time).
///  - customers: customers whose home store is the device's store, or who were seen or
///    bought there — not the whole chain.
class ChangeFeedReader final
{
    Q_DISABLE_COPY_MOVE(ChangeFeedReader)
public:
    explicit ChangeFeedReader(ServerDatabase &database);

    /// The page as the JSON body of a Protocol::ChangePage. Stored product documents are
    /// spliced in as they are: a million-product first sync never parses them. With `until`,
    /// the last page (more false) answers next = until (or the head, when that is lower).
    /// Errors: 400 "protocol.unknown_section" for a name in `only` the kind does not have.
    std::variant<QByteArray, ApiError> page(const DeviceIdentity &device, Protocol::FeedKind kind,
        qint64 since, int limit, const FeedWindow &window = {});

private:
    ServerDatabase &m_db;
};

} // namespace Toonbank::Sync::Server
