#pragma once

#include "changefeed.h"

#include "app/core/delivery.h"
#include "app/core/pickup.h"
#include "app/core/result.h"
#include "app/core/sale.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// The wire forms of issue 11, "Stock elsewhere" (docs/STOCK.md is the reference): live stock,
// holds (reservations), endless-aisle orders, the pickups feed rows, the pickup events and the
// catalog snapshot manifest. Requests and events are read strictly (unknown fields, wrong
// types: "protocol.*"); answers and feed rows that the tablet reads use Reading::Tolerant.

namespace Toonbank::Sync::Protocol {

/// GET /v1/stock?product=ID: every location's figure for one product, now.
struct LiveStockFigure
{
    qint64 locationId = 0;
    QString locationCode;
    qint64 available = 0; // Core::availableQuantity(onHand, held): what the tablet shows
    qint64 onHand = 0;
    qint64 held = 0;
    QDateTime asOf; // when the on-hand figure was true (UTC)
};
struct LiveStock
{
    qint64 productId = 0;
    QDateTime at; // server time of the answer (UTC)
    QList<LiveStockFigure> figures;
};
QJsonObject toJson(const LiveStock &stock);
Core::Result<LiveStock> liveStockFromJson(const QJsonObject &json, Reading reading);

/// The customer a hold or order is for: a loyalty card, or a name and phone (E.164 or as
/// typed, at least 6 digits). Name required.
struct HoldCustomer
{
    QString cardNumber;
    QString name;
    QString phone;
};

/// POST /v1/holds (a reservation in another store, or this one). `holdId` is the tablet's
/// UUID: the same request again answers the same hold (idempotent); the same id with other
/// content is 409 "hold.id_conflict".
struct HoldRequest
{
    QString holdId;
    qint64 productId = 0;
    QString locationCode; // the store that holds the unit
    int quantity = 1;
    qint64 staffId = 0;
    HoldCustomer customer;
};
QJsonObject toJson(const HoldRequest &request);
Core::Result<HoldRequest> holdRequestFromJson(const QJsonObject &json);

/// A hold as the server answers it (201 on creation, 200 on a repeat or GET /v1/holds/ID).
/// `pickupCode` only in the answer that created it (the server keeps only its hash).
struct HoldData
{
    QString holdId;
    Core::HoldPurpose purpose = Core::HoldPurpose::Reservation;
    qint64 productId = 0;
    QString locationCode;
    int quantity = 0;
    Core::HoldStatus status = Core::HoldStatus::Held;
    QDateTime createdAt;
    QDateTime expiresAt;
    QString pickupCode;
    QString orderNumber; // purpose Order
    qint64 available = 0; // at the holding location after this hold
};
QJsonObject toJson(const HoldData &hold);
Core::Result<HoldData> holdFromJson(const QJsonObject &json, Reading reading);

/// POST /v1/orders: an endless-aisle order, all lines held at once (all or nothing) from
/// `fromLocationCode` (the web warehouse for Home, the pickup store for StorePickup). The server
/// computes the delivery price with Core::deliveryPrice and answers it. `orderId` is the
/// tablet's UUID (idempotent like a hold).
struct OrderRequestLine
{
    qint64 productId = 0;
    int quantity = 1;
    qint64 unitPriceCents = 0; // the price the tablet shows (server checks against its own)
};
struct OrderRequest
{
    QString orderId;
    qint64 staffId = 0;
    QString fromLocationCode;
    QList<OrderRequestLine> lines;
    Core::Delivery delivery; // price ignored in the request; the answer carries it
    HoldCustomer customer;
};
QJsonObject toJson(const OrderRequest &request);
Core::Result<OrderRequest> orderRequestFromJson(const QJsonObject &json);

/// The answer: the order number ("WS" + 8 digits), its holds (purpose Order, one per line, in
/// request order), the delivery price, the pickup code (StorePickup, once) and until when the
/// unpaid order holds its stock (30 minutes by default).
struct OrderData
{
    QString orderId;
    QString orderNumber;
    QList<HoldData> holds;
    qint64 deliveryPriceCents = 0;
    QString pickupCode;
    QDateTime expiresAt;
};
QJsonObject toJson(const OrderData &order);
Core::Result<OrderData> orderFromJson(const QJsonObject &json, Reading reading);

/// A sale's "order" section (Core::SaleOrder), inside saleToJson.
QJsonObject toJson(const Core::SaleOrder &order);
Core::Result<Core::SaleOrder> saleOrderFromJson(const QJsonObject &json);
QJsonObject toJson(const Core::Address &address);
Core::Result<Core::Address> addressFromJson(const QJsonObject &json);
QJsonObject toJson(const Core::Delivery &delivery);
Core::Result<Core::Delivery> deliveryFromJson(const QJsonObject &json);

/// One row of the "pickups" feed kind: a web order or a reservation waiting at (or handed over
/// at, or released by) the device's store. Rows carry their whole state (upsert).
struct PickupLineData
{
    QString lineId;
    qint64 productId = 0;
    QString sku;
    QString name;
    int quantity = 0;
    int collectedQuantity = 0;
};
struct PickupData
{
    QString reference; // web order number or hold id
    Core::PickupKind kind = Core::PickupKind::WebOrder;
    qint64 locationId = 0;
    Core::PickupStatus status = Core::PickupStatus::Ready;
    QString customerName;
    QString customerPhone;
    QString codeHash; // Core::pickupCodeHash(reference, code)
    QDateTime readyAt;
    QDateTime expiresAt; // reservations: the hold's expiry; web orders: invalid
    qint64 totalCents = 0;
    bool paid = true; // web orders are paid; a reservation is paid at pickup
    QList<PickupLineData> lines;
};
QJsonObject toJson(const PickupData &pickup);
Core::Result<PickupData> pickupFromJson(const QJsonObject &json, Reading reading);

/// Event "pickup_handed_over". `staffId` is who handed over and who checked the customer (code
/// or ID). With verifiedBy code, `code` is the code typed at the counter (normalized, required):
/// the server checks it against its own hash and never keeps it (its events table stores the
/// payload without it; the tablet's outbox keeps it sealed, its journal never). With verifiedBy
/// id it must be absent.
struct PickupHandover
{
    QString handoverId; // UUID
    QString reference;
    Core::PickupKind kind = Core::PickupKind::WebOrder;
    QString storeCode;
    qint64 staffId = 0;
    QDateTime at;
    Core::PickupVerification verifiedBy = Core::PickupVerification::Code;
    QString code; // verifiedBy Code only
    QList<Core::HandoverLine> lines;
    QString saleId; // reservation paid at pickup: the sale that paid it (may be empty)
};
QJsonObject toJson(const PickupHandover &handover);
Core::Result<PickupHandover> pickupHandoverFromJson(const QJsonObject &json);

/// Event "pickup_not_collected": staff release an overdue pickup back to stock.
struct PickupNotCollected
{
    QString handoverId; // UUID of this event's record
    QString reference;
    Core::PickupKind kind = Core::PickupKind::WebOrder;
    QString storeCode;
    qint64 staffId = 0;
    QDateTime at;
};
QJsonObject toJson(const PickupNotCollected &release);
Core::Result<PickupNotCollected> pickupNotCollectedFromJson(const QJsonObject &json);

/// GET /v1/snapshot: the newest catalog snapshot the answering instance holds.
/// The file is GET /v1/snapshot/file?id=<snapshotId> with HTTP Range (206 + Content-Range).
struct SnapshotManifest
{
    QString snapshotId; // = sha256 (hex) of the file
    int format = 1; // the tablet refuses a format it does not know
    qint64 cursor = 0; // the catalog feed position the snapshot is complete up to
    qint64 sizeBytes = 0;
    QString sha256;
    qint64 rowCount = 0; // locations + products + barcodes + stock rows (for progress)
    QDateTime builtAt;
    int cacheSchemaVersion = 0; // Store::LocalDatabase::currentSchemaVersion of the builder
};
QJsonObject toJson(const SnapshotManifest &manifest);
Core::Result<SnapshotManifest> snapshotManifestFromJson(const QJsonObject &json, Reading reading);

} // namespace Toonbank::Sync::Protocol
