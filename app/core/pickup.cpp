#include "pickup.h"

#include "enumnames_p.h"
#include "tr.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QSet>

namespace Toonbank::Core {

namespace {

constexpr Internal::EnumNames<HoldPurpose, 2> purposeNames { {
    { HoldPurpose::Reservation, "reservation" },
    { HoldPurpose::Order, "order" },
} };

constexpr Internal::EnumNames<HoldStatus, 6> holdStatusNames { {
    { HoldStatus::Held, "held" },
    { HoldStatus::Collected, "collected" },
    { HoldStatus::Released, "released" },
    { HoldStatus::Expired, "expired" },
    { HoldStatus::Cancelled, "cancelled" },
    { HoldStatus::Ordered, "ordered" },
} };

constexpr Internal::EnumNames<PickupKind, 2> pickupKindNames { {
    { PickupKind::WebOrder, "web_order" },
    { PickupKind::Reservation, "reservation" },
} };

constexpr Internal::EnumNames<PickupStatus, 6> pickupStatusNames { {
    { PickupStatus::Ready, "ready" },
    { PickupStatus::PartlyCollected, "partly_collected" },
    { PickupStatus::Collected, "collected" },
    { PickupStatus::NotCollected, "not_collected" },
    { PickupStatus::Expired, "expired" },
    { PickupStatus::Cancelled, "cancelled" },
} };

constexpr Internal::EnumNames<PickupVerification, 2> verificationNames { {
    { PickupVerification::Code, "code" },
    { PickupVerification::IdDocument, "id" },
} };

} // namespace

QString name(HoldPurpose purpose)
{
    return Internal::nameOf(purposeNames, purpose);
}
std::optional<HoldPurpose> holdPurposeFromName(const QString &name)
{
    return Internal::valueOf(purposeNames, name);
}
QString name(HoldStatus status)
{
    return Internal::nameOf(holdStatusNames, status);
}
std::optional<HoldStatus> holdStatusFromName(const QString &name)
{
    return Internal::valueOf(holdStatusNames, name);
}
QString name(PickupKind kind)
{
    return Internal::nameOf(pickupKindNames, kind);
}
std::optional<PickupKind> pickupKindFromName(const QString &name)
{
    return Internal::valueOf(pickupKindNames, name);
}
QString name(PickupStatus status)
{
    return Internal::nameOf(pickupStatusNames, status);
}
std::optional<PickupStatus> pickupStatusFromName(const QString &name)
{
    return Internal::valueOf(pickupStatusNames, name);
}
QString name(PickupVerification verification)
{
    return Internal::nameOf(verificationNames, verification);
}
std::optional<PickupVerification> pickupVerificationFromName(const QString &name)
{
    return Internal::valueOf(verificationNames, name);
}

bool isOpen(PickupStatus status)
{
    return status == PickupStatus::Ready || status == PickupStatus::PartlyCollected;
}

qint64 availableQuantity(qint64 onHand, qint64 held)
{
    if (onHand < 0)
        return onHand; // oversold: the store sold more than it had on record; shown as such
    return std::max<qint64>(0, onHand - held);
}

Status checkHoldRequest(int quantity, qint64 available)
{
    if (quantity < 1 || quantity > maxHoldQuantity)
        return Error::make(QStringLiteral("hold.quantity"),
            Tr::tr("Reserve between 1 and %1 pieces.").arg(maxHoldQuantity),
            QStringLiteral("quantity %1").arg(quantity));
    if (quantity > available) {
        const QString message = available <= 0 ? Tr::tr("None left to reserve there.")
                                               : Tr::tr("Only %1 available there.").arg(available);
        return Error::make(QStringLiteral("hold.unavailable"), message,
            QStringLiteral("asked %1, available %2").arg(quantity).arg(available));
    }
    return success();
}

Status checkHoldOpen(HoldStatus status, const QDateTime &expiresAt, const QDateTime &now)
{
    if (status != HoldStatus::Held) {
        QString message;
        switch (status) {
        case HoldStatus::Collected:
            message = Tr::tr("This reservation has already been collected.");
            break;
        case HoldStatus::Ordered:
            message = Tr::tr("This hold is already part of a paid order.");
            break;
        case HoldStatus::Cancelled:
            message = Tr::tr("This reservation was cancelled.");
            break;
        case HoldStatus::Expired:
            message = Tr::tr("This reservation has expired.");
            break;
        default:
            message = Tr::tr("This reservation was released back to stock.");
            break;
        }
        return Error::make(status == HoldStatus::Expired ? QStringLiteral("hold.expired")
                                                         : QStringLiteral("hold.closed"),
            message, QStringLiteral("status %1").arg(name(status)));
    }
    if (expiresAt.isValid() && now >= expiresAt)
        return Error::make(QStringLiteral("hold.expired"), Tr::tr("This reservation has expired."),
            QStringLiteral("expired at %1").arg(expiresAt.toUTC().toString(Qt::ISODate)));
    return success();
}

QString newPickupCode()
{
    const quint32 value = QRandomGenerator::system()->bounded(1'000'000u);
    return QStringLiteral("%1").arg(value, 6, 10, QLatin1Char('0'));
}

QString normalizedPickupCode(const QString &code)
{
    QString cleaned = code.trimmed();
    cleaned.remove(QLatin1Char(' '));
    return cleaned;
}

bool isWellFormedPickupCode(const QString &code)
{
    const QString cleaned = normalizedPickupCode(code);
    return cleaned.size() == 6 && std::all_of(cleaned.cbegin(), cleaned.cend(), [](QChar c) {
        return c >= QLatin1Char('0') && c <= QLatin1Char('9');
    });
}

bool isPickupCodeLocked(int wrongCodes)
{
    return wrongCodes >= maxWrongPickupCodes;
}

PickupCodeAttempt checkPickupCode(
    const QString &reference, const QString &code, const QString &hash, int wrongCodesBefore)
{
    PickupCodeAttempt attempt;
    attempt.wrongCodes = std::max(0, wrongCodesBefore);
    if (isPickupCodeLocked(attempt.wrongCodes)) {
        attempt.verdict = PickupCodeVerdict::Locked;
        return attempt;
    }
    if (!isWellFormedPickupCode(code)) {
        attempt.verdict = PickupCodeVerdict::Malformed;
        return attempt;
    }
    if (pickupCodeMatches(reference, code, hash)) {
        attempt.verdict = PickupCodeVerdict::Matched;
        attempt.wrongCodes = 0;
        return attempt;
    }
    attempt.verdict = PickupCodeVerdict::Wrong;
    attempt.wrongCodes += 1;
    return attempt;
}

Status pickupCodeStatus(const PickupCodeAttempt &attempt, const QString &reference)
{
    const QString detail = QStringLiteral("reference %1, %2 wrong code(s)")
                               .arg(reference.left(60))
                               .arg(attempt.wrongCodes);
    switch (attempt.verdict) {
    case PickupCodeVerdict::Matched:
        return success();
    case PickupCodeVerdict::Malformed:
        return Error::make(QStringLiteral("pickup.code_format"),
            Tr::tr("A pickup code has 6 digits. Type all six from the customer's message."),
            detail);
    case PickupCodeVerdict::Locked:
        break;
    case PickupCodeVerdict::Wrong:
        if (attempt.locked())
            break;
        return Error::make(QStringLiteral("pickup.code"),
            Tr::tr("This code does not match the order. Tries left: %1. After that, only the "
                   "ID check remains.")
                .arg(attempt.triesLeft()),
            detail);
    }
    return Error::make(QStringLiteral("pickup.code_locked"),
        Tr::tr("Too many wrong codes. Check the customer's ID instead."), detail);
}

QString pickupCodeHash(const QString &reference, const QString &code)
{
    const QString cleaned = normalizedPickupCode(code);
    const QByteArray input
        = QByteArrayLiteral("toonbank-pickup-v1:") + reference.toUtf8() + ':' + cleaned.toUtf8();
    return QString::fromLatin1(QCryptographicHash::hash(input, QCryptographicHash::Sha256).toHex());
}

bool pickupCodeMatches(const QString &reference, const QString &code, const QString &hash)
{
    const QByteArray a = pickupCodeHash(reference, code).toLatin1();
    const QByteArray b = hash.toLatin1().toLower();
    if (a.size() != b.size() || b.isEmpty())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

Status checkHandover(
    PickupStatus status, const QList<PickupLineState> &lines, const QList<HandoverLine> &handover)
{
    if (status == PickupStatus::Collected)
        return Error::make(QStringLiteral("pickup.already_collected"),
            Tr::tr("This order has already been collected."), QStringLiteral("status collected"));
    if (!isOpen(status))
        return Error::make(QStringLiteral("pickup.closed"),
            Tr::tr("This order is no longer waiting for pickup: it was released."),
            QStringLiteral("status %1").arg(name(status)));
    int units = 0;
    QSet<QString> seen;
    for (const HandoverLine &h : handover) {
        if (seen.contains(h.lineId))
            return Error::make(QStringLiteral("pickup.line_twice"),
                Tr::tr("A line is listed twice in the handover."), h.lineId);
        seen.insert(h.lineId);
        const auto found = std::find_if(lines.cbegin(), lines.cend(),
            [&](const PickupLineState &l) { return l.lineId == h.lineId; });
        if (found == lines.cend())
            return Error::make(QStringLiteral("pickup.line_unknown"),
                Tr::tr("This line is not part of the order."), h.lineId);
        if (h.quantity < 0 || h.quantity > found->remaining())
            return Error::make(QStringLiteral("pickup.quantity"),
                Tr::tr("Only %1 of this line left to hand over.").arg(found->remaining()),
                QStringLiteral("line %1 asked %2 remaining %3")
                    .arg(h.lineId)
                    .arg(h.quantity)
                    .arg(found->remaining()));
        units += h.quantity;
    }
    if (units == 0)
        return Error::make(QStringLiteral("pickup.empty"),
            Tr::tr("Choose at least one item to hand over."), QStringLiteral("no units"));
    return success();
}

QList<PickupLineState> applyHandover(
    const QList<PickupLineState> &lines, const QList<HandoverLine> &handover)
{
    QList<PickupLineState> after = lines;
    for (const HandoverLine &h : handover) {
        for (PickupLineState &l : after) {
            if (l.lineId == h.lineId)
                l.collected += h.quantity;
        }
    }
    return after;
}

PickupStatus statusAfter(const QList<PickupLineState> &lines)
{
    bool all = !lines.isEmpty();
    bool some = false;
    for (const PickupLineState &l : lines) {
        all = all && l.collected >= l.quantity;
        some = some || l.collected > 0;
    }
    if (all)
        return PickupStatus::Collected;
    return some ? PickupStatus::PartlyCollected : PickupStatus::Ready;
}

bool isOverdue(const QDateTime &readyAt, int releaseDays, const QDateTime &now)
{
    if (!readyAt.isValid() || releaseDays <= 0)
        return false;
    return readyAt.toUTC().addDays(releaseDays) <= now.toUTC();
}

} // namespace Toonbank::Core
