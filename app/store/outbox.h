#pragma once

#include "app/core/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace Toonbank::Store {

class LocalDatabase;
struct EnrolmentAck;
namespace Internal {
class DataCipher;
} // namespace Internal

/// One event waiting for the server, as the sales ledger (and later other services) wrote it.
struct OutboxEvent
{
    qint64 deviceSeq = 0; // strictly increasing, never reused (AUTOINCREMENT)
    QString eventId; // UUID
    QString type; // "sale", …
    qint64 staffId = 0;
    QDateTime occurredAt; // UTC
    QByteArray payload; // compact JSON of the event body
    int attempts = 0;
};

struct OutboxCounts
{
    int pending = 0;
    int rejected = 0; // refused by the server; kept for a supervisor
};

/// The tablet's queue of events for the server (outbox table) and the sync bookkeeping
/// (sync_state table). The SyncEngine is its only writer besides the services that append.
class Outbox final
{
    Q_DISABLE_COPY_MOVE(Outbox)
public:
    explicit Outbox(LocalDatabase &database);
    ~Outbox();

    /// Whether a payload carries personal data (a customer's name, e-mail, phone).
    enum class Privacy { Plain, Personal };

    /// Appends one event at the next device_seq, inside the caller's transaction when one is
    /// open (so the event and the state change it reports commit together). A Personal payload
    /// is stored AES-256-GCM sealed (Internal::DataCipher) and handed back in clear by
    /// pending() and rejected(), so the cache file never holds it in clear. Returns the new
    /// event id (UUID). Errors: "cache.query_failed", "customer.keys_unreadable".
    Core::Result<QString> append(const QString &type, qint64 staffId, const QDateTime &occurredAt,
        const QByteArray &payload, Privacy privacy = Privacy::Plain);

    /// Pending (not rejected) events in device_seq order, at most `limit`.
    Core::Result<QList<OutboxEvent>> pending(int limit) const;

    /// The server's answer to one push, applied in one transaction: acknowledged events
    /// (applied or duplicate) leave the outbox, rejected ones stay marked with their reason,
    /// and every event of the batch counts one attempt.
    Core::Status recordOutcome(const QStringList &acknowledged,
        const QHash<QString, QString> &rejectedReasons, const QStringList &attempted);
    /// The same, with the server's answers to acknowledged customer_enrolled events (event id →
    /// server id, merged, kept card): CustomerCache::applyEnrolmentAck runs for each in the
    /// acknowledgement's transaction, before the acknowledged sales settle their points.
    Core::Status recordOutcome(const QStringList &acknowledged,
        const QHash<QString, QString> &rejectedReasons, const QStringList &attempted,
        const QHash<QString, EnrolmentAck> &enrolments);
    /// Removes acknowledged events in one transaction.
    Core::Status markAcknowledged(const QStringList &eventIds);
    Core::Status markRejected(const QString &eventId, const QString &reason);
    /// Counts one failed attempt (server unreachable, …) on each event, with the error for the log.
    Core::Status noteFailedAttempt(const QStringList &eventIds, const QString &error);

    Core::Result<OutboxCounts> counts() const;

    /// A supervisor sends the rejected events again, after fixing the cause on the server
    /// (e.g. the unknown product was imported). The server keeps the first outcome of an event
    /// id for ever, so each one is re-queued under a new event id and a new device_seq; the
    /// payload (and so the sale id, which the server also keeps unique) is unchanged, so a sale
    /// still cannot be applied twice. Returns how many were re-queued.
    Core::Result<int> retryRejected();

    /// The rejected events with their reasons, oldest first.
    Core::Result<QList<QPair<OutboxEvent, QString>>> rejected() const;

    /// The "catalog" change-feed cursor (FeedCursors, kind "catalog"): the feed sequence up to
    /// which this cache has applied the server's catalog changes. Written inside the same
    /// transaction as the page it follows (call it while that transaction is open on this
    /// database's connection). Kept for the v1 sync client; new code uses FeedCursors.
    qint64 pullCursor() const;
    Core::Status setPullCursor(qint64 cursor);
    /// When the last pull finished (UTC); null if never.
    QDateTime lastPullAt() const;
    Core::Status setLastPullAt(const QDateTime &when);

    /// Raw sync_state access for other sync bookkeeping.
    QString syncValue(const QString &key, const QString &fallback = {}) const;
    Core::Status setSyncValue(const QString &key, const QString &value);

private:
    QByteArray clearPayload(const QString &stored) const;

    LocalDatabase &m_db;
    mutable std::shared_ptr<const Internal::DataCipher> m_cipher;
};

} // namespace Toonbank::Store
