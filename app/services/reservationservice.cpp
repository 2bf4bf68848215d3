#include "reservationservice.h"

#include "serverlookups.h"
#include "session.h"

#include "app/core/pickup.h"
#include "app/store/catalog.h"
#include "sync/protocol/stockelsewhere.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QUuid>

namespace Toonbank::Services {

using Core::Error;

namespace {

const QString needsNetwork = QStringLiteral("stock.needs_network");

int digitCount(const QString &text)
{
    int digits = 0;
    for (const QChar c : text)
        digits += c.isDigit() ? 1 : 0;
    return digits;
}

QString requestKey(const ReservationRequest &r)
{
    return QStringLiteral("%1|%2|%3|%4|%5|%6")
        .arg(r.productId)
        .arg(r.locationId)
        .arg(r.quantity)
        .arg(r.cardNumber, r.customerName.trimmed(), r.customerPhone.trimmed());
}

} // namespace

ReservationService::ReservationService(
    Store::Catalog &catalog, Session &session, ServerLookups *lookups)
    : m_catalog(catalog)
    , m_session(session)
    , m_lookups(lookups)
{ }

bool ReservationService::isOnline() const
{
    return m_lookups && m_lookups->isOnline();
}

Core::Result<ReserveTarget> ReservationService::target(qint64 productId, qint64 locationId) const
{
    Core::Result<Store::Location> location = m_catalog.location(locationId);
    if (!location)
        return Error::make(QStringLiteral("hold.location"),
            tr("This store is not known on this tablet. Sync and try again."),
            QStringLiteral("location %1: %2").arg(locationId).arg(location.error().detail));
    Core::Result<Store::ProductDetail> product = m_catalog.product(productId);
    if (!product)
        return product.error();
    ReserveTarget t;
    t.productName = product->record.name;
    t.sku = product->record.sku;
    t.locationName = location->name;
    t.locationCode = location->code;
    if (Core::Result<QList<Store::StockFigure>> stock = m_catalog.stockEverywhere(productId)) {
        for (const Store::StockFigure &figure : stock.value()) {
            if (figure.location.id == locationId) {
                t.cachedQuantity = figure.quantity;
                t.cachedAsOf = figure.asOf;
            }
        }
    }
    return t;
}

Core::Status ReservationService::check(const ReservationRequest &r) const
{
    if (auto allowed = m_session.require(Core::Permission::Sell); !allowed)
        return allowed;
    if (auto quantity = Core::checkHoldRequest(r.quantity, Core::maxHoldQuantity); !quantity)
        return quantity;
    if (r.cardNumber.isEmpty()) {
        if (r.customerName.trimmed().isEmpty())
            return Error::make(QStringLiteral("hold.customer"),
                tr("Type the customer's name, or attach the customer first."),
                QStringLiteral("no name"));
        if (digitCount(r.customerPhone) < 6)
            return Error::make(QStringLiteral("hold.customer"),
                tr("Type the customer's phone number so the store can call them."),
                QStringLiteral("phone has %1 digits").arg(digitCount(r.customerPhone)));
    }
    Core::Result<Store::Location> location = m_catalog.location(r.locationId);
    if (!location)
        return Error::make(QStringLiteral("hold.location"),
            tr("This store is not known on this tablet. Sync and try again."),
            QStringLiteral("location %1: %2").arg(r.locationId).arg(location.error().detail));
    return Core::success();
}

Core::Result<Reservation> ReservationService::reserve(const ReservationRequest &r)
{
    if (auto ok = check(r); !ok)
        return ok.error();
    const QString offlineMessage = tr("Reserving needs the network. Try again when the tablet "
                                      "is online, or call the store.");
    if (!m_lookups)
        return Error::make(needsNetwork, offlineMessage, QStringLiteral("no server"));
    const Store::Location location = m_catalog.location(r.locationId).value();

    const QString key = requestKey(r);
    Sync::Protocol::HoldRequest request;
    request.holdId = key == m_retryKey && !m_retryHoldId.isEmpty()
        ? m_retryHoldId
        : QUuid::createUuid().toString(QUuid::WithoutBraces);
    request.productId = r.productId;
    request.locationCode = location.code;
    request.quantity = r.quantity;
    request.staffId = m_session.staff() ? m_session.staff()->id : 0;
    request.customer.cardNumber = r.cardNumber;
    request.customer.name = r.customerName.trimmed();
    request.customer.phone = r.customerPhone.trimmed();
    const QJsonObject body = Sync::Protocol::toJson(request);

    Core::Result<ServerLookups::OnlineAnswer> answer = m_lookups->onlineCall(
        "POST", QStringLiteral("/v1/holds"), &body, needsNetwork, offlineMessage);
    if (!answer) {
        // No answer: the server may hold it already; the same request again asks the same id.
        m_retryKey = key;
        m_retryHoldId = request.holdId;
        return answer.error();
    }
    m_retryKey.clear();
    m_retryHoldId.clear();
    const int status = answer->status;
    const QJsonObject &json = answer->json;
    if (status != 200 && status != 201) {
        const QJsonObject error = json.value(QStringLiteral("error")).toObject();
        const QString code = error.value(QStringLiteral("code")).toString();
        const QString message = error.value(QStringLiteral("message")).toString();
        const QString detail = QStringLiteral("HTTP %1 %2: %3").arg(status).arg(code, message);
        if (code == QLatin1String("hold.unavailable")) {
            // The available number: a field of the answer, or the server's detail.
            qint64 available = -1;
            if (error.contains(QStringLiteral("available")))
                available = error.value(QStringLiteral("available")).toInteger();
            else if (json.contains(QStringLiteral("available")))
                available = json.value(QStringLiteral("available")).toInteger();
            else {
                static const QRegularExpression number(QStringLiteral("available\\D*(\\d+)"));
                const QRegularExpressionMatch match = number.match(message);
                if (match.hasMatch())
                    available = match.captured(1).toLongLong();
            }
            if (available >= 0 && available < r.quantity) {
                Core::Status refused = Core::checkHoldRequest(r.quantity, available);
                return Error::make(code, refused.error().message, detail);
            }
            return Error::make(code, tr("Not enough left to reserve there."), detail);
        }
        if (code == QLatin1String("hold.quantity"))
            return Error::make(
                code, tr("Reserve between 1 and %1 pieces.").arg(Core::maxHoldQuantity), detail);
        if (code == QLatin1String("permission.denied"))
            return Error::make(code, tr("Your role does not allow reserving."), detail);
        return Error::make(code.isEmpty() ? QStringLiteral("hold.refused") : code,
            tr("The server did not take the reservation. Try again, or call the store."), detail);
    }
    Core::Result<Sync::Protocol::HoldData> hold
        = Sync::Protocol::holdFromJson(json, Sync::Protocol::Reading::Tolerant);
    if (!hold)
        return hold.error();
    Reservation done;
    done.holdId = hold->holdId;
    done.pickupCode = hold->pickupCode;
    done.expiresAt = hold->expiresAt;
    done.locationCode = location.code;
    done.locationName = location.name;
    done.quantity = hold->quantity;
    done.availableAfter = hold->available;
    return done;
}

} // namespace Toonbank::Services
