#include "pickuphandler.h"

#include "app/core/permissions.h"
#include "sync/protocol/stockelsewhere.h"
#include "sync/server/holds.h"
#include "sync/server/serverdatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace Toonbank::Sync::Server {

namespace {

// A pickup as the server holds it: a web order (ready_at set) or a reservation's hold.
struct PickupState
{
    bool found = false;
    qint64 locationId = 0;
    qint64 orderId = 0; // web order
    Core::PickupStatus status = Core::PickupStatus::Ready;
    QList<Core::PickupLineState> lines;
    QString codeHash; // Core::pickupCodeHash(reference, code) as the server keeps it
};

Core::PickupStatus statusOfHold(Core::HoldStatus status)
{
    switch (status) {
    case Core::HoldStatus::Held:
        return Core::PickupStatus::Ready;
    case Core::HoldStatus::Collected:
        return Core::PickupStatus::Collected;
    case Core::HoldStatus::Released:
        return Core::PickupStatus::NotCollected;
    case Core::HoldStatus::Expired:
        return Core::PickupStatus::Expired;
    case Core::HoldStatus::Cancelled:
    case Core::HoldStatus::Ordered:
        break;
    }
    return Core::PickupStatus::Cancelled;
}

Core::Result<PickupState> loadPickup(
    ServerDatabase &db, Core::PickupKind kind, const QString &reference)
{
    PickupState state;
    if (kind == Core::PickupKind::Reservation) {
        auto hold = loadHold(db, reference);
        if (!hold)
            return hold.error();
        if (!hold.value() || hold.value()->purpose != Core::HoldPurpose::Reservation)
            return state;
        state.found = true;
        state.locationId = hold.value()->locationId;
        state.codeHash = hold.value()->codeHash;
        state.status = statusOfHold(hold.value()->status);
        state.lines.append({ QStringLiteral("1"), hold.value()->quantity,
            state.status == Core::PickupStatus::Collected ? hold.value()->quantity : 0 });
        return state;
    }
    auto order = db.exec(QStringLiteral("SELECT id, location_id, status, ready_at, code_hash FROM "
                                        "web_orders WHERE order_number = ?"),
        { reference });
    if (!order)
        return order.error();
    if (!order.value().next() || order.value().value(3).toString().isEmpty())
        return state;
    state.found = true;
    state.orderId = order.value().value(0).toLongLong();
    state.locationId = order.value().value(1).toLongLong();
    state.codeHash = order.value().value(4).toString();
    // A status outside the pickup set (shipped, ordered): not waiting for pickup.
    state.status = Core::pickupStatusFromName(order.value().value(2).toString())
                       .value_or(Core::PickupStatus::Cancelled);
    auto lines = db.exec(QStringLiteral("SELECT line_id, quantity, collected_quantity FROM "
                                        "web_order_lines WHERE order_id = ? ORDER BY line_no"),
        { state.orderId });
    if (!lines)
        return lines.error();
    while (lines.value().next())
        state.lines.append({ lines.value().value(0).toString(), lines.value().value(1).toInt(),
            lines.value().value(2).toInt() });
    return state;
}

QString reasonOf(const Core::Error &error)
{
    return error.detail.isEmpty() ? error.message
                                  : QStringLiteral("%1 (%2)").arg(error.message, error.detail);
}

// The checks both events share: the handover id is new, the staff member known, the pickup
// exists at the device's store. Returns the state (from the batch's cache), nullptr when the
// event was rejected.
struct SharedCheck
{
    BatchContext &context;
    QHash<QString, PickupState> states; // by kind:reference, as earlier events of the batch left it
    QSet<QString> handoverIds;

    Core::Result<PickupState *> check(BatchEvent *event, const QString &handoverId,
        Core::PickupKind kind, const QString &reference, qint64 staffId,
        Core::Permission permission)
    {
        ServerDatabase &db = context.db;
        auto known = db.exec(
            QStringLiteral("SELECT 1 FROM pickup_handovers WHERE handover_id = ?"), { handoverId });
        if (!known)
            return known.error();
        if (known.value().next() || handoverIds.contains(handoverId)) {
            event->reject(QStringLiteral("pickup.duplicate"),
                QStringLiteral("handover %1 was already recorded under another event")
                    .arg(handoverId.left(60)));
            return nullptr;
        }
        auto staff = db.exec(
            QStringLiteral("SELECT role FROM staff WHERE id = ? AND active = 1"), { staffId });
        if (!staff)
            return staff.error();
        if (!staff.value().next()) {
            event->reject(QStringLiteral("event.unknown_staff"),
                QStringLiteral("staff %1 is unknown or inactive").arg(staffId));
            return nullptr;
        }
        // The one role table the tablet uses too: who may hand over (and check the customer's
        // code or ID), who may release.
        const std::optional<Core::Role> role
            = Core::roleFromName(staff.value().value(0).toString());
        staff.value().finish();
        if (!role || !Core::allows(*role, permission)) {
            event->reject(QStringLiteral("permission.denied"),
                QStringLiteral("staff %1 may not %2").arg(staffId).arg(Core::name(permission)));
            return nullptr;
        }
        const QString key = Core::name(kind) + QLatin1Char(':') + reference;
        if (!states.contains(key)) {
            auto loaded = loadPickup(db, kind, reference);
            if (!loaded)
                return loaded.error();
            states.insert(key, loaded.value());
        }
        PickupState &state = states[key];
        if (!state.found) {
            event->reject(QStringLiteral("pickup.unknown"),
                QStringLiteral("no %1 %2 waits for pickup")
                    .arg(Core::name(kind), reference.left(60)));
            return nullptr;
        }
        if (state.locationId != context.device.locationId) {
            event->reject(QStringLiteral("pickup.store"),
                QStringLiteral("%1 waits at another store").arg(reference.left(60)));
            return nullptr;
        }
        handoverIds.insert(handoverId);
        return &state;
    }
};

QString linesJson(const QList<Core::HandoverLine> &lines)
{
    QJsonArray array;
    for (const Core::HandoverLine &line : lines)
        array.append(QJsonObject { { QStringLiteral("lineId"), line.lineId },
            { QStringLiteral("quantity"), line.quantity } });
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

Core::Status recordHandover(BatchContext &context, const BatchEvent *event,
    const QString &handoverId, const QString &kind, const QString &reference,
    Core::PickupKind referenceKind, const QString &storeCode, qint64 staffId,
    const QString &verifiedBy, const QString &lines, const QDateTime &at)
{
    auto done = context.db.exec(
        QStringLiteral("INSERT INTO pickup_handovers(handover_id, event_id, kind, reference, "
                       "reference_kind, store_code, staff_id, verified_by, lines, at) VALUES (?, "
                       "?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        { handoverId, event->envelope->eventId, kind, reference, Core::name(referenceKind),
            storeCode, staffId, verifiedBy, lines, isoUtc(at) });
    return done ? Core::success() : Core::Status(done.error());
}

// A handover with a wrong code: rejected (changes nothing), and logged with the device and how
// many such events it has sent (earlier rejections are in the events table). A tablet checks the
// code itself and locks after Core::maxWrongPickupCodes, so a wrong code here means a tampered
// or broken tablet: IT should look at it. Never logs the code.
Core::Status logWrongCode(BatchContext &context, const Protocol::PickupHandover &handover)
{
    auto earlier = context.db.exec(
        QStringLiteral("SELECT COUNT(*) FROM events WHERE device_id = ? AND type = "
                       "'pickup_handed_over' AND reason_code = 'pickup.code_mismatch'"),
        { context.device.deviceId });
    if (!earlier)
        return earlier.error();
    const qint64 count = earlier.value().next() ? earlier.value().value(0).toLongLong() : 0;
    qWarning("pickup.code_mismatch: device %s (store %s) staff %lld handover %s of %s %s: the "
             "code does not match; wrong-code handovers from this device: %lld",
        qUtf8Printable(context.device.deviceId), qUtf8Printable(context.device.locationCode),
        handover.staffId, qUtf8Printable(handover.handoverId),
        qUtf8Printable(Core::name(handover.kind)), qUtf8Printable(handover.reference.left(60)),
        count + 1);
    return Core::success();
}

// The web order's status (column and data document) with a new change_seq.
Core::Status setWebOrderStatus(
    ServerDatabase &db, qint64 orderId, Core::PickupStatus status, const QString &collectedAt)
{
    auto seq = db.reserveSequence(1);
    if (!seq)
        return seq.error();
    auto data = db.exec(QStringLiteral("SELECT data FROM web_orders WHERE id = ?"), { orderId });
    if (!data)
        return data.error();
    QJsonObject document;
    if (data.value().next())
        document = QJsonDocument::fromJson(data.value().value(0).toString().toUtf8()).object();
    document.insert(QStringLiteral("status"), Core::name(status));
    auto done = db.exec(
        QStringLiteral("UPDATE web_orders SET status = ?, data = ?, change_seq = ?, collected_at "
                       "= CASE WHEN ? = '' THEN collected_at ELSE ? END WHERE id = ?"),
        { Core::name(status),
            QString::fromUtf8(QJsonDocument(document).toJson(QJsonDocument::Compact)), seq.value(),
            collectedAt, collectedAt, orderId });
    return done ? Core::success() : Core::Status(done.error());
}

} // namespace

Core::Result<std::any> PickupHandedOverHandler::parse(
    const DeviceIdentity &device, const Protocol::EventEnvelope &envelope) const
{
    auto parsed = Protocol::pickupHandoverFromJson(envelope.payload);
    if (!parsed)
        return parsed.error();
    if (parsed->storeCode != device.locationCode)
        return Core::Error::make(QStringLiteral("scope.location"), QString(),
            QStringLiteral("handover of store %1 pushed by a device of store %2")
                .arg(parsed->storeCode.left(20), device.locationCode));
    return std::any(std::move(parsed).value());
}

QJsonObject PickupHandedOverHandler::payloadToKeep(const Protocol::EventEnvelope &envelope) const
{
    QJsonObject kept = envelope.payload;
    kept.remove(QLatin1String("code"));
    return kept;
}

Core::Status PickupHandedOverHandler::check(
    BatchContext &context, const QList<BatchEvent *> &events)
{
    SharedCheck shared { context, {}, {} };
    for (BatchEvent *event : events) {
        const auto &handover = event->as<Protocol::PickupHandover>();
        auto state = shared.check(event, handover.handoverId, handover.kind, handover.reference,
            handover.staffId, Core::Permission::HandOverPickup);
        if (!state)
            return state.error();
        if (!state.value())
            continue;
        PickupState &pickup = *state.value();
        // The server trusts nothing: a code check is checked again against its own hash (the
        // same rule as the counter). An ID check is the staff member's word, recorded with them.
        if (handover.verifiedBy == Core::PickupVerification::Code
            && !Core::pickupCodeMatches(handover.reference, handover.code, pickup.codeHash)) {
            event->reject(QStringLiteral("pickup.code_mismatch"),
                QStringLiteral("the pickup code sent does not match %1")
                    .arg(handover.reference.left(60)));
            if (Core::Status logged = logWrongCode(context, handover); !logged)
                return logged;
            continue;
        }
        if (const Core::Status ok
            = Core::checkHandover(pickup.status, pickup.lines, handover.lines);
            !ok) {
            event->reject(ok.error().code, reasonOf(ok.error()));
            continue;
        }
        pickup.lines = Core::applyHandover(pickup.lines, handover.lines);
        pickup.status = Core::statusAfter(pickup.lines);
    }
    return Core::success();
}

Core::Status PickupHandedOverHandler::apply(
    BatchContext &context, const QList<BatchEvent *> &events)
{
    ServerDatabase &db = context.db;
    for (BatchEvent *event : events) {
        const auto &handover = event->as<Protocol::PickupHandover>();
        auto loaded = loadPickup(db, handover.kind, handover.reference);
        if (!loaded)
            return loaded.error();
        const PickupState &pickup = loaded.value();
        if (handover.kind == Core::PickupKind::WebOrder) {
            for (const Core::HandoverLine &line : handover.lines) {
                if (line.quantity <= 0)
                    continue;
                auto done = db.exec(QStringLiteral("UPDATE web_order_lines SET collected_quantity "
                                                   "= collected_quantity + ? WHERE order_id = ? "
                                                   "AND line_id = ?"),
                    { line.quantity, pickup.orderId, line.lineId });
                if (!done)
                    return done.error();
            }
            const Core::PickupStatus after
                = Core::statusAfter(Core::applyHandover(pickup.lines, handover.lines));
            if (Core::Status s = setWebOrderStatus(db, pickup.orderId, after, isoUtc(handover.at));
                !s)
                return s;
        } else {
            int quantity = 0;
            for (const Core::HandoverLine &line : handover.lines)
                quantity += line.quantity;
            const int holdQuantity = pickup.lines.isEmpty() ? 0 : pickup.lines.first().quantity;
            if (quantity >= holdQuantity) {
                auto closed = closeHeldHold(db, handover.reference, Core::HoldStatus::Collected,
                    context.now, QStringLiteral("handover:") + handover.handoverId);
                if (!closed)
                    return closed.error();
            } else if (quantity > 0) {
                // Part of a reservation handed over: the rest stays held.
                auto seq = db.reserveSequence(2);
                if (!seq)
                    return seq.error();
                auto hold = db.exec(
                    QStringLiteral("UPDATE holds SET quantity = quantity - ?, change_seq = ? "
                                   "WHERE hold_id = ? AND status = 'held' AND quantity > ? "
                                   "RETURNING product_id, location_id"),
                    { quantity, seq.value(), handover.reference, quantity });
                if (!hold)
                    return hold.error();
                if (hold.value().next()) {
                    auto stock = db.exec(
                        QStringLiteral("UPDATE stock SET held = CASE WHEN held >= ? THEN held - ? "
                                       "ELSE 0 END, change_seq = ? WHERE product_id = ? AND "
                                       "location_id = ?"),
                        { quantity, quantity, seq.value() + 1, hold.value().value(0),
                            hold.value().value(1) });
                    if (!stock)
                        return stock.error();
                }
            }
        }
        if (Core::Status s
            = recordHandover(context, event, handover.handoverId, QStringLiteral("handed_over"),
                handover.reference, handover.kind, handover.storeCode, handover.staffId,
                Core::name(handover.verifiedBy), linesJson(handover.lines), handover.at);
            !s)
            return s;
    }
    return Core::success();
}

Core::Result<std::any> PickupNotCollectedHandler::parse(
    const DeviceIdentity &device, const Protocol::EventEnvelope &envelope) const
{
    auto parsed = Protocol::pickupNotCollectedFromJson(envelope.payload);
    if (!parsed)
        return parsed.error();
    if (parsed->storeCode != device.locationCode)
        return Core::Error::make(QStringLiteral("scope.location"), QString(),
            QStringLiteral("release of store %1 pushed by a device of store %2")
                .arg(parsed->storeCode.left(20), device.locationCode));
    return std::any(std::move(parsed).value());
}

Core::Status PickupNotCollectedHandler::check(
    BatchContext &context, const QList<BatchEvent *> &events)
{
    SharedCheck shared { context, {}, {} };
    for (BatchEvent *event : events) {
        const auto &release = event->as<Protocol::PickupNotCollected>();
        auto state = shared.check(event, release.handoverId, release.kind, release.reference,
            release.staffId, Core::Permission::ReleasePickup);
        if (!state)
            return state.error();
        if (!state.value())
            continue;
        PickupState &pickup = *state.value();
        if (pickup.status == Core::PickupStatus::Collected) {
            event->reject(QStringLiteral("pickup.already_collected"),
                QStringLiteral("%1 has already been collected").arg(release.reference.left(60)));
            continue;
        }
        if (!Core::isOpen(pickup.status)) {
            event->reject(QStringLiteral("pickup.closed"),
                QStringLiteral("%1 is %2")
                    .arg(release.reference.left(60), Core::name(pickup.status)));
            continue;
        }
        pickup.status = Core::PickupStatus::NotCollected;
    }
    return Core::success();
}

Core::Status PickupNotCollectedHandler::apply(
    BatchContext &context, const QList<BatchEvent *> &events)
{
    ServerDatabase &db = context.db;
    for (BatchEvent *event : events) {
        const auto &release = event->as<Protocol::PickupNotCollected>();
        if (release.kind == Core::PickupKind::WebOrder) {
            auto loaded = loadPickup(db, release.kind, release.reference);
            if (!loaded)
                return loaded.error();
            if (Core::Status s = setWebOrderStatus(
                    db, loaded.value().orderId, Core::PickupStatus::NotCollected, QString());
                !s)
                return s;
            if (Core::Status s = restockUncollected(
                    db, loaded.value().orderId, loaded.value().locationId, context.now);
                !s)
                return s;
        } else {
            auto closed = closeHeldHold(db, release.reference, Core::HoldStatus::Released,
                context.now, QStringLiteral("not_collected:") + release.handoverId);
            if (!closed)
                return closed.error();
        }
        if (Core::Status s = recordHandover(context, event, release.handoverId,
                QStringLiteral("not_collected"), release.reference, release.kind, release.storeCode,
                release.staffId, QString(), QStringLiteral("[]"), release.at);
            !s)
            return s;
    }
    return Core::success();
}

} // namespace Toonbank::Sync::Server
