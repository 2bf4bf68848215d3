#include "demoseed.h"

#include "chainadmin.h"

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
    m_locations.append(data);
    return Core::success();
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
    m_products.append(std::move(data));
    if (m_products.size() >= batchRows)
        return flush();
    return Core::success();
}

Core::Status DemoSeedSink::setStock(
    qint64 productId, qint64 locationId, int quantity, const QDateTime &asOf)
{
    if (!m_stockLocations.isEmpty() && !m_stockLocations.contains(locationId))
        return Core::success();
    m_stock.append({ productId, locationId, quantity, asOf });
    if (m_stock.size() >= 4 * batchRows)
        return flush();
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
    if (!m_products.isEmpty()) {
        if (auto done = m_admin.upsertProducts(m_products); !done)
            return done;
        m_products.clear();
    }
    if (!m_stock.isEmpty()) {
        if (auto done = m_admin.setStock(m_stock); !done)
            return done;
        m_stock.clear();
    }
    return Core::success();
}

Core::Result<Store::DemoChain::Summary> DemoSeedSink::seed(ChainAdmin &admin,
    const Store::DemoChain::Options &options, QSet<qint64> stockLocations,
    const Store::DemoChain::Progress &progress)
{
    if (auto done = admin.createChain(QStringLiteral("Toonbank demo")); !done)
        return done.error();
    DemoSeedSink sink(admin, std::move(stockLocations));
    auto summary = Store::DemoChain::generate(sink, options, progress);
    if (!summary)
        return summary;
    if (auto done = sink.flush(); !done)
        return done.error();
    return summary;
}

} // namespace Toonbank::Sync::Server
