#pragma once

#include "app/core/journal.h"
#include "app/core/result.h"

#include <QList>
#include <QString>

namespace Toonbank::Sync::Server {

class ServerDatabase;

/// A break, gap or conflict found in a device's journal as it arrived (journal_alerts).
struct JournalAlert
{
    qint64 id = 0;
    QString deviceId;
    qint64 seq = 0;
    QString code; // Core::checkJournalEntry's code, or "journal.conflict"
    QString detail; // the plain message ("entry 17 …")
    QString detectedAt; // ISO-8601 UTC
};

/// Each device's journal on the server (journal_entries) and the alerts for IT
/// (journal_alerts): docs/STOREOPS.md, "The journal, verified end to end".
class JournalStore final
{
    Q_DISABLE_COPY_MOVE(JournalStore)
public:
    explicit JournalStore(ServerDatabase &database);

    /// Stores and verifies the entries a device pushed, in one transaction of its own (before
    /// the push's events are applied, so a rejected event never leaves a gap). Per entry: the
    /// same (device, seq) already stored with the same hash → nothing; with another hash → alert
    /// "journal.conflict" (the first one stays); new → Core::checkJournalEntry against the
    /// device's previous stored entry (none: nullptr, so it must be seq 1), a failure becomes an
    /// alert with the check's code and message, and the entry is stored anyway (the chain goes
    /// on from it). The same conflict is alerted once. Serialised per device (PostgreSQL: the
    /// device row's lock; SQLite: the write lock), and the primary key with ON CONFLICT DO
    /// NOTHING keeps two instances from storing an entry twice. Returns the device's highest
    /// stored seq (0: none).
    Core::Result<qint64> receive(const QString &deviceId, const QList<Core::JournalEntry> &entries);

    /// The device's highest stored seq (0: none).
    Core::Result<qint64> highestSeq(const QString &deviceId);
    /// Every stored entry of the device, in seq order.
    Core::Result<QList<Core::JournalEntry>> entries(const QString &deviceId);
    /// Unresolved alerts (resolved_at empty), of one device or (empty) all, oldest first.
    Core::Result<QList<JournalAlert>> unresolvedAlerts(const QString &deviceId = {});
    /// Whether the server knows the device: enrolled, or any journal entry stored.
    Core::Result<bool> knowsDevice(const QString &deviceId);

private:
    ServerDatabase &m_db;
};

} // namespace Toonbank::Sync::Server
