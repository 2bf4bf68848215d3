#pragma once

#include "eventhandler.h"

#include "sync/protocol/storeops.h"

#include "app/core/shift.h"

#include <QHash>
#include <QList>

#include <optional>

namespace Toonbank::Sync::Server {

/// What the shift handlers read of a pushed batch: every event that concerns shifts, parsed
/// once per check() (events of a batch are checked before any of them is applied, so a close
/// must count the sales, returns and movements that come before it in the same push).
/// Events that do not parse are left out (they are rejected, so nothing of the batch applies).
class ShiftBatch final
{
public:
    /// `withDocuments` false: only the shift events (enough for opens; totals() then counts
    /// the tables only).
    explicit ShiftBatch(
        const QList<const Protocol::EventEnvelope *> &batch, bool withDocuments = true);

    /// The position of `envelope` in the batch (-1: not there).
    qsizetype indexOf(const Protocol::EventEnvelope *envelope) const;

    /// A shift as the server holds it, or as an earlier event of this batch left it.
    struct ShiftView
    {
        QString shiftId;
        QString storeCode;
        QString drawerId;
        Core::Money openingFloat;
        bool open = true;
    };
    /// The shift `shiftId` just before the event at `before`: the table row, then the
    /// batch's opens and closes before it. nullopt: unknown.
    Core::Result<std::optional<ShiftView>> shift(
        ServerDatabase &db, const QString &shiftId, qsizetype before) const;
    /// The open shifts of a drawer just before the event at `before`.
    Core::Result<QStringList> openShifts(ServerDatabase &db, const QString &storeCode,
        const QString &drawerId, qsizetype before) const;
    /// The drawer's highest Z number just before the event at `before` (0: none yet).
    Core::Result<int> lastZNumber(ServerDatabase &db, const QString &storeCode,
        const QString &drawerId, qsizetype before) const;
    /// What went through the shift so far: Core::shiftTotals over its sales and returns
    /// (sales.shift_id, returns.shift_id) and cash movements in the tables, plus those of the
    /// batch before `before` that the tables do not hold yet.
    Core::Result<Core::ShiftTotals> totals(
        ServerDatabase &db, const ShiftView &shift, qsizetype before) const;

private:
    struct Document
    {
        QString id; // sale_id / return_id
        QString shiftId;
        Core::ShiftDocument document;
    };
    struct Item
    {
        std::optional<Core::Shift> opened;
        std::optional<Protocol::ShiftClosed> closed;
        std::optional<Protocol::ShiftCashMovement> movement;
        std::optional<Document> document;
    };
    QList<const Protocol::EventEnvelope *> m_envelopes;
    QList<Item> m_items;
};

/// Why a sale or return naming `shiftId` cannot belong to it at `position` of the batch: the
/// shift is unknown, of another store, or closed before it ("shift.not_open"); nullopt when it
/// may (an empty shift id: a store that does not count cash). An error is a database failure.
Core::Result<std::optional<QString>> shiftRefusal(ServerDatabase &db, const ShiftBatch &batch,
    const QString &shiftId, const QString &storeCode, qsizetype position);

/// A return's refunds as the tenders Core::ShiftDocument counts (method, amount): cash stays
/// cash, the other methods never touch the drawer.
QList<Core::Tender> refundsAsTenders(const QList<std::pair<QString, Core::Money>> &refunds);

} // namespace Toonbank::Sync::Server
