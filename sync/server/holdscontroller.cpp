#include "holdscontroller.h"

#include "holds.h"
#include "serverdatabase.h"

#include "sync/protocol/enrolment.h"
#include "sync/protocol/stockelsewhere.h"

#include "app/core/clock.h"
#include "app/core/delivery.h"
#include "app/core/pickup.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QUrl>

namespace Toonbank::Sync::Server {

using Protocol::HoldData;
using Protocol::HoldRequest;
using Protocol::OrderData;
using Protocol::OrderRequest;

namespace {

constexpr int orderHoldMinutes = 30;

ApiReply refuse(ApiErrorKind kind, const QString &code, const QString &message)
{
    return ApiReply::error({ kind, code, message });
}

ApiReply internal(const Core::Error &error)
{
    return ApiReply::error(ApiError::fromCore(ApiErrorKind::Internal, error));
}

QString requestHash(const QJsonObject &json)
{
    return QString::fromLatin1(QCryptographicHash::hash(
        QJsonDocument(json).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256)
                                   .toHex());
}

// The hold id from /v1/holds/{holdId}[/cancel].
QString holdIdFromPath(const ApiRequest &request)
{
    const QStringList parts
        = request.http.url().path(QUrl::FullyDecoded).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    return parts.size() >= 3 ? parts.at(2) : QString();
}

struct Location
{
    qint64 id = 0;
    QString kind;
};

Core::Result<std::optional<Location>> findLocation(ServerDatabase &db, const QString &code)
{
    auto q = db.exec(QStringLiteral("SELECT id, kind FROM locations WHERE code = ?"), { code });
    if (!q)
        return q.error();
    if (!q.value().next())
        return std::optional<Location>();
    return std::optional<Location>(
        Location { q.value().value(0).toLongLong(), q.value().value(1).toString() });
}

// The store that made the hold (its device's store) or the store that holds the units.
Core::Result<bool> ownStore(ServerDatabase &db, const HoldRow &row, qint64 deviceLocationId)
{
    if (row.locationId == deviceLocationId)
        return true;
    auto q
        = db.exec(QStringLiteral("SELECT location_id FROM devices WHERE id = ?"), { row.deviceId });
    if (!q)
        return q.error();
    return q.value().next() && q.value().value(0).toLongLong() == deviceLocationId;
}

Core::Result<qint64> availableAt(ServerDatabase &db, qint64 productId, qint64 locationId)
{
    auto q = db.exec(QStringLiteral("SELECT quantity, held FROM stock WHERE product_id = ? AND "
                                    "location_id = ?"),
        { productId, locationId });
    if (!q)
        return q.error();
    if (!q.value().next())
        return qint64(0);
    return Core::availableQuantity(
        q.value().value(0).toLongLong(), q.value().value(1).toLongLong());
}

// 409 hold.unavailable with the number available.
ApiReply unavailable(int quantity, qint64 available, qint64 productId = 0)
{
    const Core::Status check = Core::checkHoldRequest(quantity, available);
    const QString message = check ? QStringLiteral("not enough available") : check.error().message;
    QJsonObject body
        = Protocol::ApiErrorBody { QStringLiteral("hold.unavailable"), message }.toJson();
    body.insert(QStringLiteral("available"), available);
    if (productId != 0)
        body.insert(QStringLiteral("productId"), productId);
    return ApiReply::json(body, httpStatus(ApiErrorKind::Conflict));
}

HoldData describe(const HoldRow &row, qint64 available)
{
    HoldData data;
    data.holdId = row.holdId;
    data.purpose = row.purpose;
    data.productId = row.productId;
    data.locationCode = row.locationCode;
    data.quantity = row.quantity;
    data.status = row.status;
    data.createdAt = row.createdAt;
    data.expiresAt = row.expiresAt;
    data.orderNumber = row.orderNumber;
    data.available = available;
    return data;
}

Core::Result<HoldData> describeNow(ServerDatabase &db, const HoldRow &row)
{
    auto available = availableAt(db, row.productId, row.locationId);
    if (!available)
        return available.error();
    return describe(row, available.value());
}

Core::Result<qint64> customerIdOfCard(ServerDatabase &db, const QString &card)
{
    if (card.isEmpty())
        return qint64(0);
    auto q = db.exec(QStringLiteral("SELECT id FROM customers WHERE card_number = ?"), { card });
    if (!q)
        return q.error();
    return q.value().next() ? q.value().value(0).toLongLong() : qint64(0);
}

const QString unavailableCode = QStringLiteral("hold.unavailable");
const QString racedCode = QStringLiteral("hold.raced");

// The conditional statement that takes `quantity` units, and the hold's row. In the caller's
// transaction. Error hold.unavailable (detail: the product id) when too few are available.
Core::Status takeHold(ServerDatabase &db, const QVariantList &holdRow, qint64 productId,
    qint64 locationId, int quantity)
{
    auto seq = db.reserveSequence(2);
    if (!seq)
        return seq.error();
    auto taken = db.exec(
        QStringLiteral("UPDATE stock SET held = held + ?, change_seq = ? WHERE product_id = ? AND "
                       "location_id = ? AND quantity - held >= ? RETURNING held"),
        { quantity, seq.value(), productId, locationId, quantity });
    if (!taken)
        return taken.error();
    if (!taken.value().next())
        return Core::Error::make(unavailableCode, QString(), QString::number(productId));
    QVariantList row = holdRow;
    row.append(seq.value() + 1);
    auto inserted = db.exec(
        QStringLiteral("INSERT INTO holds(hold_id, purpose, product_id, location_id, quantity, "
                       "status, customer_id, customer_name, customer_phone, code_hash, "
                       "device_id, staff_id, created_at, expires_at, order_number, "
                       "request_hash, change_seq) VALUES (?, ?, ?, ?, ?, 'held', ?, ?, ?, ?, ?, "
                       "?, ?, ?, ?, ?, ?) ON CONFLICT(hold_id) DO NOTHING RETURNING hold_id"),
        row);
    if (!inserted)
        return inserted.error();
    if (!inserted.value().next())
        return Core::Error::make(racedCode, QString(), holdRow.value(0).toString());
    return Core::success();
}

Core::Status checkCustomer(const Protocol::HoldCustomer &customer)
{
    if (customer.name.trimmed().isEmpty() && customer.cardNumber.isEmpty())
        return Core::Error::make(QStringLiteral("hold.customer"), QString(),
            QStringLiteral("a hold names its customer (a card or a name)"));
    return Core::success();
}

// The price a product sells at today: the promo price inside its dates, else the price.
struct CurrentPrice
{
    bool known = false;
    QString sku;
    qint64 price = 0;
    std::optional<qint64> promo;
};

Core::Result<CurrentPrice> currentPrice(ServerDatabase &db, qint64 productId, const QDate &today)
{
    auto q = db.exec(QStringLiteral("SELECT sku, data FROM products WHERE id = ?"), { productId });
    if (!q)
        return q.error();
    CurrentPrice price;
    if (!q.value().next())
        return price;
    price.known = true;
    price.sku = q.value().value(0).toString();
    const QJsonObject data
        = QJsonDocument::fromJson(q.value().value(1).toString().toUtf8()).object();
    price.price = qint64(data.value(QStringLiteral("priceCents")).toDouble());
    const QJsonValue promo = data.value(QStringLiteral("promoPriceCents"));
    if (promo.isDouble()) {
        const QDate from
            = QDate::fromString(data.value(QStringLiteral("promoFrom")).toString(), Qt::ISODate);
        const QDate until
            = QDate::fromString(data.value(QStringLiteral("promoUntil")).toString(), Qt::ISODate);
        if ((!from.isValid() || from <= today) && (!until.isValid() || today <= until))
            price.promo = qint64(promo.toDouble());
    }
    return price;
}

QString newOrderNumber()
{
    return QStringLiteral("WS%1").arg(
        QRandomGenerator::system()->bounded(100000000), 8, 10, QLatin1Char('0'));
}

QString orderHoldId(const QString &orderId, qsizetype index)
{
    return orderId + QLatin1Char('#') + QString::number(index + 1);
}

} // namespace

ApiReply HoldsController::create(const ApiRequest &request)
{
    auto body = request.jsonBody();
    if (auto *error = std::get_if<ApiError>(&body))
        return ApiReply::error(*error);
    auto parsed = Protocol::holdRequestFromJson(std::get<QJsonObject>(body));
    if (!parsed)
        return ApiReply::error(ApiError::fromCore(ApiErrorKind::BadRequest, parsed.error()));
    const HoldRequest &asked = parsed.value();
    if (asked.holdId.isEmpty() || asked.holdId.size() > 100)
        return refuse(ApiErrorKind::BadRequest, QStringLiteral("protocol.bad_id"),
            QStringLiteral("holdId (1 to 100 characters) is required"));
    if (const Core::Status ok = Core::checkHoldRequest(asked.quantity, Core::maxHoldQuantity); !ok)
        return ApiReply::error(ApiError::fromCore(ApiErrorKind::BadRequest, ok.error()));
    if (const Core::Status ok = checkCustomer(asked.customer); !ok)
        return ApiReply::error(ApiError::fromCore(ApiErrorKind::BadRequest, ok.error()));
    const QString hash = requestHash(Protocol::toJson(asked));

    // The same hold id again: the hold as it is (a retry after a lost answer), without its code.
    auto answerExisting = [&](const HoldRow &row) -> ApiReply {
        if (row.requestHash != hash || row.purpose != Core::HoldPurpose::Reservation)
            return refuse(ApiErrorKind::Conflict, QStringLiteral("hold.id_conflict"),
                QStringLiteral("hold %1 was made for another request").arg(asked.holdId));
        auto data = describeNow(m_db, row);
        if (!data)
            return internal(data.error());
        return ApiReply::json(Protocol::toJson(data.value()), 200);
    };
    auto existing = loadHold(m_db, asked.holdId);
    if (!existing)
        return internal(existing.error());
    if (existing.value())
        return answerExisting(*existing.value());

    auto location = findLocation(m_db, asked.locationCode);
    if (!location)
        return internal(location.error());
    if (!location.value())
        return refuse(ApiErrorKind::NotFound, QStringLiteral("hold.location_unknown"),
            QStringLiteral("no location %1").arg(asked.locationCode.left(20)));
    auto customerId = customerIdOfCard(m_db, asked.customer.cardNumber);
    if (!customerId)
        return internal(customerId.error());

    const QDateTime now = Core::SystemClock::instance().nowUtc();
    auto expiryMinutes = chainSettingInt(m_db, QStringLiteral("hold.expiry_minutes"), 2880);
    if (!expiryMinutes)
        return internal(expiryMinutes.error());
    const QDateTime expiresAt = now.addSecs(qint64(std::max(1, expiryMinutes.value())) * 60);
    const QString code = Core::newPickupCode();
    const qint64 locationId = location.value()->id;
    const QVariantList holdRow { asked.holdId, QStringLiteral("reservation"), asked.productId,
        locationId, asked.quantity, customerId.value(), asked.customer.name.trimmed(),
        asked.customer.phone.trimmed(), Core::pickupCodeHash(asked.holdId, code),
        request.device->deviceId, asked.staffId, isoUtc(now), isoUtc(expiresAt), QString(), hash };
    const Core::Status done = m_db.transaction([&]() -> Core::Status {
        return takeHold(m_db, holdRow, asked.productId, locationId, asked.quantity);
    });
    if (!done) {
        if (done.error().code == racedCode) {
            auto again = loadHold(m_db, asked.holdId);
            if (!again)
                return internal(again.error());
            if (again.value())
                return answerExisting(*again.value());
        }
        if (done.error().code == unavailableCode) {
            // A retry whose first attempt took the last unit finds the hold that exists.
            auto again = loadHold(m_db, asked.holdId);
            if (!again)
                return internal(again.error());
            if (again.value())
                return answerExisting(*again.value());
            auto available = availableAt(m_db, asked.productId, locationId);
            if (!available)
                return internal(available.error());
            return unavailable(asked.quantity, available.value());
        }
        return internal(done.error());
    }
    auto created = loadHold(m_db, asked.holdId);
    if (!created)
        return internal(created.error());
    if (!created.value())
        return internal(Core::Error::make(
            QStringLiteral("db.error"), QString(), QStringLiteral("hold vanished")));
    auto data = describeNow(m_db, *created.value());
    if (!data)
        return internal(data.error());
    data.value().pickupCode = code;
    return ApiReply::json(Protocol::toJson(data.value()), 201);
}

ApiReply HoldsController::status(const ApiRequest &request)
{
    auto existing = loadHold(m_db, holdIdFromPath(request));
    if (!existing)
        return internal(existing.error());
    if (!existing.value())
        return refuse(ApiErrorKind::NotFound, QStringLiteral("hold.unknown"),
            QStringLiteral("no hold with this id"));
    // The customer's name and phone are on it: only the two stores concerned read it.
    auto allowed = ownStore(m_db, *existing.value(), request.device->locationId);
    if (!allowed)
        return internal(allowed.error());
    if (!allowed.value())
        return refuse(ApiErrorKind::Forbidden, QStringLiteral("hold.store"),
            QStringLiteral("another store's hold"));
    auto data = describeNow(m_db, *existing.value());
    if (!data)
        return internal(data.error());
    return ApiReply::json(Protocol::toJson(data.value()));
}

ApiReply HoldsController::cancel(const ApiRequest &request)
{
    const QString holdId = holdIdFromPath(request);
    auto existing = loadHold(m_db, holdId);
    if (!existing)
        return internal(existing.error());
    if (!existing.value())
        return refuse(ApiErrorKind::NotFound, QStringLiteral("hold.unknown"),
            QStringLiteral("no hold with this id"));
    const HoldRow &row = *existing.value();
    auto allowed = ownStore(m_db, row, request.device->locationId);
    if (!allowed)
        return internal(allowed.error());
    if (!allowed.value())
        return refuse(ApiErrorKind::Forbidden, QStringLiteral("hold.store"),
            QStringLiteral("another store's hold"));
    const QString now = isoUtc(Core::SystemClock::instance().nowUtc());
    bool closed = false;
    const Core::Status done = m_db.transaction([&]() -> Core::Status {
        auto result = closeHeldHold(m_db, holdId, Core::HoldStatus::Cancelled, now,
            QStringLiteral("device:") + request.device->deviceId);
        if (!result)
            return result.error();
        closed = result.value();
        return Core::success();
    });
    if (!done)
        return internal(done.error());
    auto after = loadHold(m_db, holdId);
    if (!after)
        return internal(after.error());
    if (!after.value())
        return internal(Core::Error::make(
            QStringLiteral("db.error"), QString(), QStringLiteral("hold vanished")));
    // Cancelled before (a retry): the same answer. Closed otherwise: hold.closed.
    if (!closed && after.value()->status != Core::HoldStatus::Cancelled) {
        const Core::Status open = Core::checkHoldOpen(after.value()->status,
            after.value()->expiresAt, Core::SystemClock::instance().nowUtc());
        return refuse(ApiErrorKind::Conflict, QStringLiteral("hold.closed"),
            open ? QStringLiteral("the hold is closed") : open.error().message);
    }
    auto data = describeNow(m_db, *after.value());
    if (!data)
        return internal(data.error());
    return ApiReply::json(Protocol::toJson(data.value()));
}

ApiReply HoldsController::order(const ApiRequest &request)
{
    auto body = request.jsonBody();
    if (auto *error = std::get_if<ApiError>(&body))
        return ApiReply::error(*error);
    auto parsed = Protocol::orderRequestFromJson(std::get<QJsonObject>(body));
    if (!parsed)
        return ApiReply::error(ApiError::fromCore(ApiErrorKind::BadRequest, parsed.error()));
    OrderRequest asked = parsed.value();
    if (asked.orderId.isEmpty() || asked.orderId.size() > 90)
        return refuse(ApiErrorKind::BadRequest, QStringLiteral("protocol.bad_id"),
            QStringLiteral("orderId (1 to 90 characters) is required"));
    if (asked.lines.isEmpty())
        return refuse(ApiErrorKind::BadRequest, QStringLiteral("protocol.missing_field"),
            QStringLiteral("an order has at least one line"));
    for (const Protocol::OrderRequestLine &line : asked.lines) {
        if (const Core::Status ok = Core::checkHoldRequest(line.quantity, Core::maxHoldQuantity);
            !ok)
            return ApiReply::error(ApiError::fromCore(ApiErrorKind::BadRequest, ok.error()));
    }
    if (const Core::Status ok = checkCustomer(asked.customer); !ok)
        return ApiReply::error(ApiError::fromCore(ApiErrorKind::BadRequest, ok.error()));
    const QString hash = requestHash(Protocol::toJson(asked));

    auto answerExisting = [&]() -> ApiReply {
        OrderData data;
        data.orderId = asked.orderId;
        for (qsizetype i = 0; i < asked.lines.size(); ++i) {
            auto row = loadHold(m_db, orderHoldId(asked.orderId, i));
            if (!row)
                return internal(row.error());
            if (!row.value() || row.value()->requestHash != hash)
                return refuse(ApiErrorKind::Conflict, QStringLiteral("hold.id_conflict"),
                    QStringLiteral("order %1 was made for another request").arg(asked.orderId));
            auto hold = describeNow(m_db, *row.value());
            if (!hold)
                return internal(hold.error());
            data.orderNumber = row.value()->orderNumber;
            data.expiresAt = row.value()->expiresAt;
            data.holds.append(hold.value());
        }
        Core::Money goods;
        for (const Protocol::OrderRequestLine &line : asked.lines)
            goods += Core::Money::fromCents(line.unitPriceCents * line.quantity);
        auto priced
            = Core::deliveryPrice(Core::defaultDeliveryOptions(), asked.delivery.optionCode, goods);
        data.deliveryPriceCents = priced ? priced.value().cents() : 0;
        return ApiReply::json(Protocol::toJson(data), 200);
    };
    {
        auto first = loadHold(m_db, orderHoldId(asked.orderId, 0));
        if (!first)
            return internal(first.error());
        if (first.value())
            return answerExisting();
    }

    // Prices: each line at the product's price or promo price today.
    const QDate today = Core::SystemClock::instance().nowLocal().date();
    Core::Money goods;
    for (const Protocol::OrderRequestLine &line : asked.lines) {
        auto price = currentPrice(m_db, line.productId, today);
        if (!price)
            return internal(price.error());
        if (!price->known)
            return refuse(ApiErrorKind::NotFound, QStringLiteral("order.unknown_product"),
                QStringLiteral("product %1 is unknown").arg(line.productId));
        if (line.unitPriceCents != price->price
            && (!price->promo || line.unitPriceCents != *price->promo))
            return refuse(ApiErrorKind::Conflict, QStringLiteral("order.price"),
                QStringLiteral("product %1 costs %2 cents now, not %3")
                    .arg(line.productId)
                    .arg(price->promo.value_or(price->price))
                    .arg(line.unitPriceCents));
        goods += Core::Money::fromCents(line.unitPriceCents * line.quantity);
    }
    // Delivery: the server's price for the goods total, the address or pickup store checked.
    const QList<Core::DeliveryOption> options = Core::defaultDeliveryOptions();
    auto deliveryPrice = Core::deliveryPrice(options, asked.delivery.optionCode, goods);
    if (!deliveryPrice)
        return ApiReply::error(ApiError::fromCore(ApiErrorKind::BadRequest, deliveryPrice.error()));
    asked.delivery.price = deliveryPrice.value();
    if (const Core::Status ok = Core::checkDelivery(asked.delivery, options, goods); !ok)
        return ApiReply::error(ApiError::fromCore(ApiErrorKind::BadRequest, ok.error()));
    auto from = findLocation(m_db, asked.fromLocationCode);
    if (!from)
        return internal(from.error());
    if (!from.value())
        return refuse(ApiErrorKind::NotFound, QStringLiteral("hold.location_unknown"),
            QStringLiteral("no location %1").arg(asked.fromLocationCode.left(20)));
    const bool pickup = asked.delivery.kind == Core::DeliveryKind::StorePickup;
    if (pickup ? (asked.fromLocationCode != asked.delivery.pickupStoreCode
            || from.value()->kind != QLatin1String("store"))
               : from.value()->kind != QLatin1String("web_warehouse"))
        return refuse(ApiErrorKind::BadRequest, QStringLiteral("delivery.store"),
            pickup ? QStringLiteral("a store pickup is held at the pickup store")
                   : QStringLiteral("a home delivery is held at the web warehouse"));
    auto customerId = customerIdOfCard(m_db, asked.customer.cardNumber);
    if (!customerId)
        return internal(customerId.error());

    const QDateTime now = Core::SystemClock::instance().nowUtc();
    const QDateTime expiresAt = now.addSecs(qint64(orderHoldMinutes) * 60);
    const QString code = pickup ? Core::newPickupCode() : QString();
    const qint64 locationId = from.value()->id;
    QString orderNumber;
    Core::Status done = Core::success();
    for (int attempt = 0; attempt < 5; ++attempt) {
        orderNumber = newOrderNumber();
        auto used = m_db.exec(QStringLiteral("SELECT 1 FROM web_orders WHERE order_number = ? "
                                             "UNION ALL SELECT 1 FROM holds WHERE order_number "
                                             "= ?"),
            { orderNumber, orderNumber });
        if (!used)
            return internal(used.error());
        if (!used.value().next())
            break;
    }
    const QString codeHash = pickup ? Core::pickupCodeHash(orderNumber, code) : QString();
    done = m_db.transaction([&]() -> Core::Status {
        for (qsizetype i = 0; i < asked.lines.size(); ++i) {
            const Protocol::OrderRequestLine &line = asked.lines.at(i);
            const QVariantList holdRow { orderHoldId(asked.orderId, i), QStringLiteral("order"),
                line.productId, locationId, line.quantity, customerId.value(),
                asked.customer.name.trimmed(), asked.customer.phone.trimmed(), codeHash,
                request.device->deviceId, asked.staffId, isoUtc(now), isoUtc(expiresAt),
                orderNumber, hash };
            if (Core::Status s = takeHold(m_db, holdRow, line.productId, locationId, line.quantity);
                !s)
                return s;
        }
        return Core::success();
    });
    if (!done) {
        if (done.error().code == racedCode)
            return answerExisting();
        if (done.error().code == unavailableCode) {
            const qint64 productId = done.error().detail.toLongLong();
            int quantity = 0;
            for (const Protocol::OrderRequestLine &line : asked.lines)
                quantity += line.productId == productId ? line.quantity : 0;
            auto available = availableAt(m_db, productId, locationId);
            if (!available)
                return internal(available.error());
            return unavailable(quantity, available.value(), productId);
        }
        return internal(done.error());
    }
    OrderData data;
    data.orderId = asked.orderId;
    data.orderNumber = orderNumber;
    data.deliveryPriceCents = deliveryPrice.value().cents();
    data.pickupCode = code;
    data.expiresAt = expiresAt;
    for (qsizetype i = 0; i < asked.lines.size(); ++i) {
        auto row = loadHold(m_db, orderHoldId(asked.orderId, i));
        if (!row)
            return internal(row.error());
        if (!row.value())
            return internal(Core::Error::make(
                QStringLiteral("db.error"), QString(), QStringLiteral("hold vanished")));
        auto hold = describeNow(m_db, *row.value());
        if (!hold)
            return internal(hold.error());
        data.holds.append(hold.value());
    }
    return ApiReply::json(Protocol::toJson(data), 201);
}

} // namespace Toonbank::Sync::Server
