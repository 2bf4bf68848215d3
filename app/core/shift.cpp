#include "shift.h"

#include "enumnames_p.h"
#include "tr.h"

#include <algorithm>

namespace Toonbank::Core {

namespace {

constexpr qint64 maxPieces = 100'000; // a count must stay below this per denomination
constexpr qint64 maxMovementCents = 100'000'00; // € 100,000
constexpr int maxReasonLength = 200;

constexpr Internal::EnumNames<CashMovementKind, 3> movementKindNames { {
    { CashMovementKind::CashIn, "cash_in" },
    { CashMovementKind::CashOut, "cash_out" },
    { CashMovementKind::NoSale, "no_sale" },
} };

constexpr Internal::EnumNames<ShiftState, 2> shiftStateNames { {
    { ShiftState::Open, "open" },
    { ShiftState::Closed, "closed" },
} };

// "€ 0,50" for a coin below a euro, "€ 20" for whole euros: how staff read the count screen.
QString denominationText(qint64 cents)
{
    if (cents % 100 == 0)
        return QStringLiteral("€ %1").arg(cents / 100);
    return QStringLiteral("€ %1,%2").arg(cents / 100).arg(cents % 100, 2, 10, QLatin1Char('0'));
}

Error unknownDenomination(qint64 denomination)
{
    return Error::make(QStringLiteral("count.unknown_denomination"),
        Tr::tr("%1 is not a euro coin or note.").arg(denominationText(denomination)),
        QStringLiteral("denomination %1 cents").arg(denomination));
}

Error negativePieces(qint64 denomination, const QString &what)
{
    return Error::make(QStringLiteral("count.negative"),
        Tr::tr("The count for %1 cannot be negative.").arg(denominationText(denomination)),
        QStringLiteral("denomination %1: %2").arg(denomination).arg(what));
}

Error tooManyPieces(qint64 denomination, const QString &what)
{
    return Error::make(QStringLiteral("count.too_large"),
        Tr::tr("The count for %1 is too large.").arg(denominationText(denomination)),
        QStringLiteral("denomination %1: %2").arg(denomination).arg(what));
}

void addVat(QList<VatBreakdown> &into, const VatBreakdown &row, int sign)
{
    for (VatBreakdown &existing : into) {
        if (existing.rate == row.rate) {
            existing.gross += row.gross * sign;
            existing.vat += row.vat * sign;
            existing.net += row.net * sign;
            return;
        }
    }
    into.append(VatBreakdown { row.rate, row.gross * sign, row.vat * sign, row.net * sign });
}

} // namespace

const QList<qint64> &euroDenominations()
{
    static const QList<qint64> denominations { 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000,
        10000, 20000, 50000 };
    return denominations;
}

bool isCoin(qint64 denominationCents)
{
    return denominationCents <= 200 && euroDenominations().contains(denominationCents);
}

Money CashCount::total() const
{
    Money sum;
    for (auto it = pieces.constBegin(); it != pieces.constEnd(); ++it)
        sum += Money::fromCents(it.key()) * it.value();
    return sum;
}

bool CashCount::isEmpty() const
{
    return std::all_of(pieces.cbegin(), pieces.cend(), [](qint64 n) { return n == 0; });
}

Result<CashCount> parseCashCount(const QMap<qint64, QString> &typed)
{
    CashCount count;
    for (auto it = typed.constBegin(); it != typed.constEnd(); ++it) {
        const qint64 denomination = it.key();
        if (!euroDenominations().contains(denomination))
            return unknownDenomination(denomination);
        const QString text = it.value().trimmed();
        if (text.isEmpty())
            continue;
        const bool negative = text.startsWith(QLatin1Char('-'));
        const QString digits = negative ? text.mid(1) : text;
        const bool allDigits = !digits.isEmpty()
            && std::all_of(digits.cbegin(), digits.cend(),
                [](QChar c) { return c >= QLatin1Char('0') && c <= QLatin1Char('9'); });
        if (!allDigits)
            return Error::make(QStringLiteral("count.not_integer"),
                Tr::tr("The count for %1 must be a whole number of pieces.")
                    .arg(denominationText(denomination)),
                QStringLiteral("denomination %1: \"%2\"").arg(denomination).arg(text.left(32)));
        if (negative) {
            if (digits.count(QLatin1Char('0')) == digits.size())
                continue; // "-0" is nothing
            return negativePieces(denomination, text.left(32));
        }
        bool fits = false;
        const qint64 pieces = digits.size() <= 12 ? digits.toLongLong(&fits) : 0;
        if (!fits || pieces >= maxPieces)
            return tooManyPieces(denomination, text.left(32));
        if (pieces > 0)
            count.pieces.insert(denomination, pieces);
    }
    return count;
}

Status checkCashCount(const CashCount &count)
{
    for (auto it = count.pieces.constBegin(); it != count.pieces.constEnd(); ++it) {
        if (!euroDenominations().contains(it.key()))
            return unknownDenomination(it.key());
        if (it.value() < 0)
            return negativePieces(it.key(), QString::number(it.value()));
        if (it.value() >= maxPieces)
            return tooManyPieces(it.key(), QString::number(it.value()));
    }
    return success();
}

QString name(CashMovementKind kind)
{
    return Internal::nameOf(movementKindNames, kind);
}

std::optional<CashMovementKind> cashMovementKindFromName(const QString &name)
{
    return Internal::valueOf(movementKindNames, name);
}

QString name(ShiftState state)
{
    return Internal::nameOf(shiftStateNames, state);
}

std::optional<ShiftState> shiftStateFromName(const QString &name)
{
    return Internal::valueOf(shiftStateNames, name);
}

Money ShiftTotals::expectedCash() const
{
    return openingFloat + cashSales - cashRefunds + cashIn - cashOut;
}

ShiftTotals shiftTotals(
    Money openingFloat, const QList<ShiftDocument> &documents, const QList<CashMovement> &moves)
{
    ShiftTotals totals;
    totals.openingFloat = openingFloat;
    for (const ShiftDocument &doc : documents) {
        if (doc.training) {
            ++totals.trainingCount;
            continue;
        }
        if (doc.voided) {
            ++totals.voidCount;
            continue;
        }
        const bool isSale = doc.sign >= 0;
        const int sign = isSale ? 1 : -1;
        if (isSale) {
            ++totals.saleCount;
            totals.itemsSold += doc.items;
            totals.grossSales += doc.total + doc.rounding;
            totals.rounding += doc.rounding;
        } else {
            ++totals.returnCount;
            totals.refunds += doc.total;
            totals.rounding -= doc.rounding;
        }
        for (const VatBreakdown &row : doc.vat)
            addVat(totals.vat, row, sign);
        for (const Tender &tender : doc.tenders) {
            const QString method = name(tender.method);
            if (isSale) {
                totals.salesByTender[method] += tender.amount;
                if (tender.method == TenderMethod::Cash)
                    totals.cashSales += tender.amount;
            } else {
                totals.refundsByTender[method] += tender.amount;
                if (tender.method == TenderMethod::Cash)
                    totals.cashRefunds += tender.amount;
            }
        }
    }
    std::stable_sort(
        totals.vat.begin(), totals.vat.end(), [](const VatBreakdown &a, const VatBreakdown &b) {
            return a.rate.basisPoints > b.rate.basisPoints;
        });
    for (const CashMovement &move : moves) {
        switch (move.kind) {
        case CashMovementKind::CashIn:
            totals.cashIn += move.amount;
            break;
        case CashMovementKind::CashOut:
            totals.cashOut += move.amount;
            break;
        case CashMovementKind::NoSale:
            ++totals.noSaleCount;
            break;
        }
    }
    return totals;
}

Status checkCashMovement(const CashMovement &move, Money cashInDrawer)
{
    const QString reason = move.reason.trimmed();
    if (reason.isEmpty() || move.reason.size() > maxReasonLength)
        return Error::make(QStringLiteral("shift.reason"),
            Tr::tr("Give a reason of 1 to %1 characters.").arg(maxReasonLength),
            QStringLiteral("reason length %1").arg(move.reason.size()));
    if (move.kind == CashMovementKind::NoSale) {
        if (!move.amount.isZero())
            return Error::make(QStringLiteral("shift.amount"),
                Tr::tr("A drawer opened without a sale moves no money."),
                QStringLiteral("no_sale amount %1").arg(move.amount.toPlainString()));
        return success();
    }
    if (move.amount.cents() <= 0 || move.amount.cents() > maxMovementCents)
        return Error::make(QStringLiteral("shift.amount"),
            Tr::tr("The amount must be more than %1 and at most %2.")
                .arg(Money().toDisplayString(),
                    Money::fromCents(maxMovementCents).toDisplayString()),
            QStringLiteral("%1 amount %2").arg(name(move.kind), move.amount.toPlainString()));
    if (move.kind == CashMovementKind::CashOut && move.amount > cashInDrawer)
        return Error::make(QStringLiteral("shift.cash_out_exceeds"),
            Tr::tr("The drawer holds only %1; %2 cannot be taken out.")
                .arg(cashInDrawer.toDisplayString(), move.amount.toDisplayString()),
            QStringLiteral("cash out %1, drawer %2")
                .arg(move.amount.toPlainString(), cashInDrawer.toPlainString()));
    return success();
}

} // namespace Toonbank::Core
