#include "pickupservice.h"

#include "saleservice.h"
#include "session.h"

#include "app/store/localdatabase.h"
#include "sync/protocol/stockelsewhere.h"

#include <QJsonDocument>
#include <QLocale>
#include <QUuid>

namespace Toonbank::Services {

using Core::Error;

namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QByteArray compact(const QJsonObject &json)
{
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

} // namespace

PickupService::PickupService(Store::LocalDatabase &database, Session &session, SaleService &sale,
    const Core::Clock &clock, QObject *parent)
    : QObject(parent)
    , m_db(database)
    , m_session(session)
    , m_sale(sale)
    , m_clock(clock)
    , m_store(std::make_unique<Store::PickupStore>(database))
{
    connect(&m_session, &Session::loggedOut, this, [this] { m_verified.clear(); });
}

PickupService::~PickupService() = default;

Core::Result<QList<Store::StoredPickup>> PickupService::list() const
{
    return m_store->openPickups(m_sale.location().id);
}

Core::Result<Store::StoredPickup> PickupService::pickup(const QString &reference) const
{
    return m_store->pickup(reference);
}

int PickupService::releaseDays() const
{
    bool ok = false;
    const int days = m_db.setting(QStringLiteral("pickup.release_days")).toInt(&ok);
    return ok && days > 0 ? days : defaultReleaseDays;
}

bool PickupService::isOverdue(const Store::StoredPickup &pickup) const
{
    return Core::isOpen(pickup.status)
        && Core::isOverdue(pickup.readyAt, releaseDays(), m_clock.nowUtc());
}

Core::Status PickupService::verifyCode(const QString &reference, const QString &code)
{
    if (auto allowed = m_session.require(Core::Permission::HandOverPickup); !allowed)
        return allowed;
    m_verified.remove(reference);
    Core::Result<Core::PickupCodeAttempt> attempt = m_store->checkCode(reference, code);
    if (!attempt)
        return attempt.error();
    if (attempt->verdict == Core::PickupCodeVerdict::Wrong
        || attempt->verdict == Core::PickupCodeVerdict::Locked)
        qWarning("pickup %s: wrong pickup code (%d of %d)", qUtf8Printable(reference.left(60)),
            attempt->wrongCodes, Core::maxWrongPickupCodes);
    if (const Core::Status ok = Core::pickupCodeStatus(attempt.value(), reference); !ok)
        return ok;
    const qint64 staffId = m_session.staff() ? m_session.staff()->id : 0;
    m_verified.insert(
        reference, { Core::PickupVerification::Code, staffId, Core::normalizedPickupCode(code) });
    return Core::success();
}

Core::Status PickupService::confirmId(const QString &reference)
{
    if (auto allowed = m_session.require(Core::Permission::HandOverPickup); !allowed)
        return allowed;
    Core::Result<Store::StoredPickup> found = m_store->pickup(reference);
    if (!found)
        return found.error();
    const qint64 staffId = m_session.staff() ? m_session.staff()->id : 0;
    m_verified.insert(reference, { Core::PickupVerification::IdDocument, staffId, QString() });
    return Core::success();
}

std::optional<Core::PickupVerification> PickupService::verification(const QString &reference) const
{
    const auto it = m_verified.constFind(reference);
    if (it == m_verified.cend())
        return std::nullopt;
    // Whoever checked is who hands over: a check by another staff member does not count.
    const qint64 staffId = m_session.staff() ? m_session.staff()->id : 0;
    if (it->staffId != staffId)
        return std::nullopt;
    return it->by;
}

bool PickupService::codeLocked(const QString &reference) const
{
    Core::Result<Store::StoredPickup> found = m_store->pickup(reference);
    return found && Core::isPickupCodeLocked(found->wrongCodes);
}

Core::Result<HandoverOutcome> PickupService::handOverAll(const QString &reference)
{
    Core::Result<Store::StoredPickup> found = m_store->pickup(reference);
    if (!found)
        return found.error();
    QList<Core::HandoverLine> lines;
    for (const Store::PickupLine &line : found->lines) {
        if (line.remaining() > 0)
            lines.append({ line.lineId, line.remaining() });
    }
    return handOver(reference, lines);
}

Core::Result<HandoverOutcome> PickupService::handOver(
    const QString &reference, const QList<Core::HandoverLine> &lines)
{
    if (auto allowed = m_session.require(Core::Permission::HandOverPickup); !allowed)
        return allowed.error();
    Core::Result<Store::StoredPickup> found = m_store->pickup(reference);
    if (!found)
        return found.error();
    // Refusals that do not depend on who checked the customer come first.
    if (auto ok = Core::checkHandover(found->status, found->lineStates(), lines); !ok)
        return ok.error();
    const auto verified = verification(reference);
    if (!verified)
        return Error::make(QStringLiteral("pickup.not_verified"),
            tr("Check the customer first: type their pickup code, or check their ID."),
            QStringLiteral("reference %1").arg(reference));
    const bool toBasket = found->kind == Core::PickupKind::Reservation;
    if (toBasket && m_sale.isFrozen())
        return Error::make(QStringLiteral("basket.frozen"),
            tr("Finish or cancel the payment in progress first: this reservation is paid at "
               "pickup."),
            QStringLiteral("payment in progress"));

    const qint64 staffId = m_session.staff() ? m_session.staff()->id : 0;
    const QDateTime now = m_clock.nowUtc();
    HandoverOutcome outcome;
    outcome.handoverId = newId();
    Core::Result<Store::RecordedPickupEvent> recorded
        = m_store->recordHandover(reference, outcome.handoverId, staffId, *verified, lines, now,
            [&](const Store::StoredPickup &before) -> Core::Result<QByteArray> {
                Sync::Protocol::PickupHandover event;
                event.handoverId = outcome.handoverId;
                event.reference = reference;
                event.kind = before.kind;
                event.storeCode = m_sale.location().code;
                event.staffId = staffId;
                event.at = now;
                event.verifiedBy = *verified;
                if (*verified == Core::PickupVerification::Code)
                    event.code = m_verified.value(reference).code;
                for (const Core::HandoverLine &line : lines) {
                    if (line.quantity > 0)
                        event.lines.append(line);
                }
                return compact(Sync::Protocol::toJson(event));
            });
    if (!recorded)
        return recorded.error();
    outcome.status = recorded->status;
    for (const Core::HandoverLine &line : lines)
        outcome.units += line.quantity;
    m_verified.remove(reference);

    // A reservation is paid now: its products go into the basket (the hold is collected by the
    // event; the sale moves the stock as usual).
    if (toBasket) {
        for (const Core::HandoverLine &line : lines) {
            const auto product = std::find_if(found->lines.cbegin(), found->lines.cend(),
                [&](const Store::PickupLine &l) { return l.lineId == line.lineId; });
            if (product == found->lines.cend() || line.quantity <= 0)
                continue;
            Core::Result<QString> added = m_sale.addProduct(product->productId);
            if (!added) {
                qWarning("pickup %s: product %lld not added to the basket: %s",
                    qUtf8Printable(reference), product->productId,
                    qUtf8Printable(added.error().detail));
                continue;
            }
            int quantity = line.quantity;
            const auto view = std::find_if(m_sale.view().lines.cbegin(), m_sale.view().lines.cend(),
                [&](const BasketLineView &l) { return l.lineId == added.value(); });
            if (view != m_sale.view().lines.cend())
                quantity = view->quantity + line.quantity - 1;
            if (quantity > 1) {
                if (const Core::Status set = m_sale.setQuantity(added.value(), quantity); !set) {
                    qWarning("pickup %s: quantity %d not set: %s", qUtf8Printable(reference),
                        quantity, qUtf8Printable(set.error().detail));
                    outcome.unitsInBasket += 1;
                    continue;
                }
            }
            outcome.unitsInBasket += line.quantity;
        }
    }
    emit changed();
    return outcome;
}

Core::Status PickupService::markNotCollected(const QString &reference)
{
    if (auto allowed = m_session.require(Core::Permission::ReleasePickup); !allowed)
        return allowed;
    Core::Result<Store::StoredPickup> found = m_store->pickup(reference);
    if (!found)
        return found.error();
    if (Core::isOpen(found->status) && !isOverdue(found.value()))
        return Error::make(QStringLiteral("pickup.not_overdue"),
            tr("This order can be marked not collected from %1 (after %n day(s) waiting).", nullptr,
                releaseDays())
                .arg(QLocale().toString(
                    found->readyAt.addDays(releaseDays()).toLocalTime(), QLocale::ShortFormat)),
            QStringLiteral("ready at %1").arg(found->readyAt.toString(Qt::ISODate)));
    const qint64 staffId = m_session.staff() ? m_session.staff()->id : 0;
    const QDateTime now = m_clock.nowUtc();
    const QString id = newId();
    Core::Result<Store::RecordedPickupEvent> recorded = m_store->recordNotCollected(
        reference, id, staffId, now, [&](const Store::StoredPickup &before) {
            Sync::Protocol::PickupNotCollected event;
            event.handoverId = id;
            event.reference = reference;
            event.kind = before.kind;
            event.storeCode = m_sale.location().code;
            event.staffId = staffId;
            event.at = now;
            return Core::Result<QByteArray>(compact(Sync::Protocol::toJson(event)));
        });
    if (!recorded)
        return recorded.error();
    m_verified.remove(reference);
    emit changed();
    return Core::success();
}

} // namespace Toonbank::Services
