#pragma once

#include "apierror.h"
#include "deviceregistry.h"

#include <QByteArray>

#include <variant>

namespace Toonbank::Sync::Server {

class ServerDatabase;

/// Reads one page of the change feed for a device: every row of its scope whose change_seq is
/// in (since, next]. Catalog, prices, promotions (inside products), stock of every location,
/// customers and locations are chain-wide; staff and web orders only of the device's store.
class ChangeFeedReader final
{
    Q_DISABLE_COPY_MOVE(ChangeFeedReader)
public:
    explicit ChangeFeedReader(ServerDatabase &database);

    /// The page as the JSON body of a Protocol::ChangePage. Stored product and customer
    /// documents are spliced in as they are: a million-product first sync never parses them.
    std::variant<QByteArray, ApiError> page(const DeviceIdentity &device, qint64 since, int limit);

private:
    ServerDatabase &m_db;
};

} // namespace Toonbank::Sync::Server
