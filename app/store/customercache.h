#pragma once

#include "app/core/result.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>

namespace Toonbank::Store {

class LocalDatabase;
namespace Internal {
class DataCipher;
} // namespace Internal

/// A customer as this tablet caches it: those of this store and those seen here.
struct CustomerRecord
{
    qint64 id = 0; // server id; 0 while enrolled offline and not yet known to the server
    QString cardNumber; // loyalty card number ("2990000012345"), the key across devices
    QString name;
    QString email; // normalised (Core::normaliseEmail); empty = none
    QString phone; // E.164 (Core::normalisePhone); empty = none
    QString tier; // "basic", "silver", "gold"
    qint64 pointsBalance = 0; // the server's balance (without this tablet's pending changes)
    qint64 lifetimePoints = 0;
    QString homeStoreCode;
    bool consentEmail = false;
    bool consentSms = false;
    bool consentPersonalised = false;
    QDateTime consentChangedAt; // UTC
    QDateTime lastSeenAt; // UTC, as the server last saw the customer anywhere
    QString localId; // UUID of an offline enrolment on this tablet; empty otherwise
};

/// One entry of a customer's consent history (local).
struct ConsentChange
{
    bool email = false;
    bool sms = false;
    bool personalised = false;
    QDateTime changedAt; // UTC
    qint64 staffId = 0; // 0 when it came from the server
    QString source; // "enrolment", "edit", "server"
};

/// One of this tablet's unconfirmed point changes.
struct PendingPoints
{
    QString saleId;
    qint64 points = 0;
    QDateTime createdAt; // UTC
};

struct WishItem
{
    qint64 productId = 0;
    QString sku;
    QDateTime addedAt; // UTC
};

/// The server's answer to a customer_enrolled event of this tablet (Protocol::PushResult).
struct EnrolmentAck
{
    qint64 serverId = 0; // the server's customer id (new, or the one merged into)
    bool merged = false; // the server kept an existing customer with the same e-mail/phone
    QString keptCardNumber; // merged: the card number the server kept
    QString mergedOn; // merged: "email" or "phone"
};

/// Staff see it on the customer kept: this tablet's offline enrolment was merged into it.
struct MergeNotice
{
    QString offlineCardNumber; // the card handed out at the offline enrolment
    QString mergedOn; // "email" or "phone"
    QDateTime at; // UTC, when the tablet heard of it
};

/// The customer cache (customers table and its companions). Name, e-mail and phone are
/// AES-256-GCM sealed at rest (Internal::DataCipher); phone, e-mail and each name token also
/// get an HMAC-SHA256 blind index, so every lookup is an indexed equality match that decrypts
/// only the rows it returns. All writes run inside the caller's transaction when one is open.
class CustomerCache final
{
    Q_DISABLE_COPY_MOVE(CustomerCache)
public:
    explicit CustomerCache(LocalDatabase &database);
    ~CustomerCache();

    /// Inserts or updates the customer with this card number from the "customers" feed.
    /// A consent different from the cached one adds a "server" history entry.
    Core::Status upsertFromServer(const CustomerRecord &record);
    /// The server erased the customer or it left this store's scope.
    Core::Status removeFromServer(const QString &cardNumber);
    /// An enrolment on this tablet (record.localId set, id 0), with its "enrolment" consent
    /// entry. Error "customer.duplicate" when the card number is already cached.
    Core::Status insertEnrolled(const CustomerRecord &record, qint64 staffId);

    /// Error "customer.not_found".
    Core::Result<CustomerRecord> byCard(const QString &cardNumber) const;
    /// Exact match on the E.164 number / the normalised e-mail (several customers may share
    /// one, e.g. a family).
    Core::Result<QList<CustomerRecord>> byPhone(const QString &e164) const;
    Core::Result<QList<CustomerRecord>> byEmail(const QString &normalisedEmail) const;
    /// Customers whose name contains every word of `text` as a whole word (case and accents
    /// ignored): "jansen" and "Piet JANSEN" find "Piet Jansen". At most `limit`, by name.
    Core::Result<QList<CustomerRecord>> byName(const QString &text, int limit = 20) const;

    /// Sets the consent flags and records the change in the local history.
    Core::Status setConsent(const QString &cardNumber, bool email, bool sms, bool personalised,
        const QDateTime &changedAt, qint64 staffId);
    /// Newest first.
    Core::Result<QList<ConsentChange>> consentHistory(const QString &cardNumber) const;

    /// The customer was used here now (attached to a sale, looked up): postpones the purge.
    Core::Status markSeen(const QString &cardNumber, const QDateTime &now);
    /// (Destroy the cache before its LocalDatabase: it keeps prepared statements open.)
    /// Removes customers neither seen here nor by the server for `days` days, with their wish
    /// list, pending-free history and name index. Keeps those with unconfirmed points and
    /// those enrolled here that the server does not know yet. A customer never seen anywhere
    /// (no last visit) counts its days from the first purge after it arrived. Returns how many
    /// went.
    Core::Result<int> purgeUnseen(const QDateTime &now, int days);
    /// The store setting "customer.purge_days" (default 90).
    int purgeDays() const;
    static constexpr int defaultPurgeDays = 90;

    /// Points this tablet earned (+) or redeemed (−) for a sale, not yet confirmed.
    Core::Status addPendingPoints(
        const QString &cardNumber, const QString &saleId, qint64 points, const QDateTime &now);
    /// This customer's unconfirmed point changes, newest first.
    Core::Result<QList<PendingPoints>> pendingEntries(const QString &cardNumber) const;
    /// Sum of this customer's unconfirmed points.
    Core::Result<qint64> pendingPoints(const QString &cardNumber) const;
    /// The server has credited these sales' points (its balance includes them now): the
    /// pending rows go. Called by the sync client when the customers feed or the push
    /// acknowledgement says so.
    Core::Status confirmPoints(const QStringList &saleIds);
    /// The server acknowledged these sales (Outbox::recordOutcome calls it in the same
    /// transaction): their pending points move into the cached balance (and lifetime points),
    /// so the shown total stays right until the customers feed brings the server's own figure.
    Core::Status settlePoints(const QStringList &saleIds);

    /// The server acknowledged this tablet's enrolment of `offlineCard` (Outbox::recordOutcome
    /// calls it in the acknowledgement's transaction). Not merged: the customer gets its server
    /// id. Merged: the offline record is folded into the customer the server kept (cached now
    /// under the kept card number, with the server id): its pending points and wish list move
    /// there, its own row and consent entries go (the kept customer's consent counts, as on the
    /// server), and a MergeNotice is recorded on the kept card. Sales already queued with the
    /// offline card are credited by the server to the kept customer (its card alias).
    Core::Status applyEnrolmentAck(
        const QString &offlineCard, const EnrolmentAck &ack, const QDateTime &now);
    /// The merge notice of this card; an empty offlineCardNumber when there is none.
    MergeNotice mergeNotice(const QString &cardNumber) const;

    Core::Status addWish(
        const QString &cardNumber, qint64 productId, const QString &sku, const QDateTime &now);
    Core::Status removeWish(const QString &cardNumber, qint64 productId);
    /// Newest first.
    Core::Result<QList<WishItem>> wishlist(const QString &cardNumber) const;

    Core::Result<int> count() const;

    /// Lower-cased, accent-free words of a name, as indexed.
    static QStringList nameTokens(const QString &name);

private:
    Core::Status ensureCipher() const;
    Core::Result<QList<CustomerRecord>> select(
        const QString &where, const QVariantList &values, int limit = -1) const;
    Core::Status writeNameTokens(const QString &cardNumber, const QString &name);
    Core::Status addConsentEntry(const QString &cardNumber, bool email, bool sms, bool personalised,
        const QDateTime &at, qint64 staffId, const QString &source);

    /// A statement prepared once per cache object and reused (the feed writes thousands of
    /// customers per page); bound and executed with `values`. Reset before it is returned.
    QSqlQuery &prepared(const QString &sql, const QVariantList &values, bool *ok) const;

    LocalDatabase &m_db;
    mutable std::shared_ptr<const Internal::DataCipher> m_cipher;
    mutable QHash<QString, QSqlQuery> m_statements;
};

} // namespace Toonbank::Store
