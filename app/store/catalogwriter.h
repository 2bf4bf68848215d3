#pragma once

#include "catalogsink.h"
#include "catalogtypes.h"

#include "app/core/result.h"

#include <memory>

namespace Toonbank::Store {

class LocalDatabase;

/// Write side of the product cache, for the demo generator and the sync pull: upserts in one
/// transaction and keeps the FTS index in step. Nothing is visible until commit().
class CatalogWriter final : public CatalogSink
{
    Q_DISABLE_COPY_MOVE(CatalogWriter)
public:
    explicit CatalogWriter(LocalDatabase &database);
    ~CatalogWriter() override; // rolls back when commit() was not called

    Core::Status begin();
    Core::Status upsertLocation(const Location &location) override;
    Core::Status upsertProduct(const ProductRecord &product) override;
    /// During a first load into an empty catalog, stock rows are buffered and written in
    /// batches, so a failure may be reported by a later call or by commit().
    Core::Status setStock(
        qint64 productId, qint64 locationId, int quantity, const QDateTime &asOf) override;
    /// Stores the staff member with an already-hashed PIN (Core::Pin::hash).
    Core::Status upsertStaff(const StaffMember &member, const QString &pinHash) override;
    Core::Status commit();
    void rollback();

private:
    struct Private;
    LocalDatabase &m_db;
    std::unique_ptr<Private> d;
};

} // namespace Toonbank::Store
