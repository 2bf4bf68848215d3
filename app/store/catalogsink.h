#pragma once

#include "catalogtypes.h"

#include "app/core/result.h"

namespace Toonbank::Store {

/// Where generated or imported catalog data goes: the tablet cache (CatalogWriter) or, for
/// `toonbank-admin demo-seed`, the server's database. Lets the demo generator feed both
/// without a second copy of it.
class CatalogSink
{
public:
    virtual ~CatalogSink() = default;
    virtual Core::Status upsertLocation(const Location &location) = 0;
    virtual Core::Status upsertProduct(const ProductRecord &product) = 0;
    virtual Core::Status setStock(
        qint64 productId, qint64 locationId, int quantity, const QDateTime &asOf)
        = 0;
    /// `pinHash` is already hashed (Core::Pin::hash); a PIN never passes through a sink.
    virtual Core::Status upsertStaff(const StaffMember &member, const QString &pinHash) = 0;
};

} // namespace Toonbank::Store
