#pragma once

#include "changefeed.h"

#include "app/store/catalogtypes.h"

// The catalog feed's wire rows as the cache's records: one mapping for the tablet's sync worker
// (feed pages into CatalogWriter) and the server's snapshot builder (the same cache format).
// Header-only: the protocol library itself does not link the store library.

namespace Toonbank::Sync::Protocol {

inline Store::Location toStore(const LocationData &in)
{
    Store::Location out;
    out.id = in.id;
    out.code = in.code;
    out.name = in.name;
    out.kind = in.kind == QLatin1String("web_warehouse") ? Store::LocationKind::WebWarehouse
                                                         : Store::LocationKind::Store;
    out.address = in.address;
    out.city = in.city;
    out.country = in.country;
    out.latitude = in.latitude;
    out.longitude = in.longitude;
    out.cashRounding = in.cashRounding;
    out.vatNumber = in.vatNumber;
    return out;
}

inline Store::ProductRecord toStore(const ProductData &in)
{
    Store::ProductRecord out;
    out.id = in.id;
    out.sku = in.sku;
    out.name = in.name;
    out.brand = in.brand;
    out.category = in.category;
    out.description = in.description;
    out.vatClass = in.vatClass;
    out.price = Core::Money::fromCents(in.priceCents);
    if (in.promoPriceCents)
        out.promoPrice = Core::Money::fromCents(*in.promoPriceCents);
    out.promoFrom = in.promoFrom;
    out.promoUntil = in.promoUntil;
    out.attributes = in.attributes;
    out.variantGroup = in.variantGroup;
    out.variantLabel = in.variantLabel;
    out.ratingTenths = in.ratingTenths;
    out.reviewCount = in.reviewCount;
    out.imageRef = in.imageRef;
    out.webDeliveryDays = in.webDeliveryDays;
    out.barcodes = in.barcodes;
    return out;
}

} // namespace Toonbank::Sync::Protocol
