#pragma once

#include "result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

// The tamper-evident journal (issue 12): every sale, return, approval, shift and drawer event
// is an entry whose hash covers the previous entry's hash and its canonical body, with a
// perpetual grand total. The tablet writes it (Store::SalesLedger::recordJournal); the server
// verifies each device's chain as entries arrive and on demand (toonbank-admin verify-journal);
// toonbank-synctool verify-journal checks a tablet cache. One set of rules for all three.
namespace Toonbank::Core {

/// The hash before the first entry (64 zeros).
QString journalGenesisHash();

/// One journal entry as stored on the tablet and sent to the server.
struct JournalEntry
{
    qint64 seq = 0; // 1, 2, 3, … per device, without gaps
    QString recordedAt; // ISO-8601 UTC with milliseconds, as written
    QString kind; // "sale", "return", "approval", "shift_opened", "cash_movement",
                  // "shift_closed", "training_sale", "training_return", "training_switched", …
    QString reference; // receipt number, shift id, …
    qint64 amountCents = 0; // what this entry adds to the grand total (training: 0)
    qint64 grandTotalCents = 0; // perpetual: previous grand total + amount
    QByteArray body; // the canonical body (journalBody) exactly as hashed
    QString prevHash; // the previous entry's hash (journalGenesisHash() for seq 1)
    QString hash; // journalHash(prevHash, body), lower-case hex SHA-256

    QJsonObject toJson() const; // body as a string
    /// Strict: every field, types, no unknown fields. Errors "protocol.*".
    static Result<JournalEntry> fromJson(const QJsonObject &json);
};

/// The canonical body: compact JSON with sorted keys of seq, recordedAt, kind, reference,
/// amountCents, grandTotalCents and the event (the object the entry records).
QByteArray journalBody(qint64 seq, const QString &recordedAt, const QString &kind,
    const QString &reference, qint64 amountCents, qint64 grandTotalCents, const QJsonObject &event);
/// SHA-256 (hex) of prevHash followed by body.
QString journalHash(const QString &prevHash, const QByteArray &body);

/// Builds the entry that follows `previous` (nullptr: the first entry, seq 1).
JournalEntry nextJournalEntry(const JournalEntry *previous, const QString &recordedAt,
    const QString &kind, const QString &reference, qint64 amountCents, const QJsonObject &event);

/// Why an entry does not follow the one before it. Codes (stable, stored in journal_alerts):
/// "journal.gap" (seq is not previous seq + 1: an entry removed or reordered),
/// "journal.prev_hash" (prevHash is not the previous hash: reordered or removed),
/// "journal.hash" (hash does not match prevHash + body: a byte changed),
/// "journal.body" (the columns seq/recordedAt/kind/reference/amount/grand total disagree with
/// the body, or the body is not canonical JSON),
/// "journal.grand_total" (grand total is not previous + amount).
/// The message names the entry ("entry 17").
Status checkJournalEntry(const JournalEntry *previous, const JournalEntry &entry);

/// Verifies a whole chain from seq 1 in order: the first entry that fails, or success.
/// The error's detail carries the seq of the first broken entry as text.
Status verifyJournalChain(const QList<JournalEntry> &entries);

} // namespace Toonbank::Core
