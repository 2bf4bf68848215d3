#pragma once

#include "eventhandler.h"

#include "sync/protocol/jsonreader.h"

#include <QSet>

namespace Toonbank::Sync::Server {

/// How a customer event names its customer: the server id when the tablet knows it, else the
/// card number (a customer enrolled offline is known by card until the server answers).
struct CustomerRef
{
    qint64 id = 0;
    QString cardNumber;

    void read(Protocol::JsonReader &reader);
    /// The server id, 0 when no customer matches.
    Core::Result<qint64> resolve(ServerDatabase &db) const;
    /// Known now, or enrolled by an earlier customer_enrolled event of the same batch.
    Core::Result<bool> knownFor(BatchContext &context, const BatchEvent &event) const;
};

} // namespace Toonbank::Sync::Server
