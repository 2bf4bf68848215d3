#pragma once

#include "customerdirectory.h"

#include "app/core/clock.h"
#include "app/core/money.h"
#include "app/core/promotion.h"
#include "app/core/result.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>

namespace Toonbank::Store {
class Catalog;
class CustomerCache;
class LocalDatabase;
class Outbox;
class PromotionStore;
struct CustomerRecord;
} // namespace Toonbank::Store

namespace Toonbank::Services {

class Session;

/// A customer in a search result or a card scan.
struct CustomerSummary
{
    qint64 id = 0; // server id; 0 while enrolled offline
    QString cardNumber;
    QString name;
    QString email;
    QString phone; // E.164
    QString tier;
    qint64 points = 0; // server balance + this tablet's pending changes
    QString homeStoreCode;
    bool fromServer = false; // found online, not (yet) in this tablet's cache
};

/// What staff enter to enrol a customer: explicit consent choices, nothing pre-ticked.
struct EnrolmentRequest
{
    QString cardNumber; // a new card scanned (or typed); empty = the tablet issues a number
    QString name;
    QString email; // as typed; normalised by the service
    QString phone; // as typed; normalised for the store's country
    bool consentEmail = false;
    bool consentSms = false;
    bool consentPersonalised = false;
};

struct ConsentView
{
    bool email = false;
    bool sms = false;
    bool personalised = false;
    QDateTime changedAt; // UTC
    QString changedBy; // staff display name, "server" or empty
    QString source; // "enrolment", "edit", "server"
};

struct PurchaseView
{
    QString receiptNumber; // web: the order number
    QDateTime soldAt; // UTC; invalid for web orders (the server gives no date)
    Core::Money total;
    int itemCount = 0; // 0 when unknown (sales of other tablets, web orders)
    qint64 pointsEarned = 0;
    QString channel = QStringLiteral("store"); // "store" | "web"
    QString storeCode; // the store that sold it (web: the serving store, or empty)
};

struct LedgerEntryView
{
    QDateTime at; // UTC
    QString reference; // receipt number or sale id
    qint64 points = 0; // + earned, − redeemed
    bool pending = false; // this tablet's, not yet confirmed by the server
};

struct WishView
{
    qint64 productId = 0;
    QString sku;
    QString name; // from the catalog; empty when no longer sold
    Core::Money price;
    QDateTime addedAt; // UTC
};

struct OfferView
{
    QString promotionId;
    QString label;
    QDateTime validUntil; // store local time; invalid = open-ended
};

/// Everything the customer screen shows.
struct CustomerProfile
{
    CustomerSummary customer;
    qint64 serverPoints = 0;
    qint64 pendingPoints = 0; // this tablet's, not yet confirmed
    qint64 lifetimePoints = 0;
    QList<LedgerEntryView> recentLedger; // newest first
    QList<OfferView> personalOffers; // active promotions for this customer
    /// Online: the server's store sales (every store) and web orders merged with this tablet's
    /// sales not yet on the server; offline: this tablet's sales only. Newest first.
    QList<PurchaseView> purchases;
    /// True when purchases and recentLedger come from the server (plus this tablet's pending
    /// sales); false when the server could not be asked and they are this tablet's only.
    bool historyFromServer = false;
    QDateTime lastSeenAt; // as the server last reported (store and web), UTC
    QList<WishView> wishlist;
    ConsentView consent;
    QList<ConsentView> consentHistory; // newest first
    /// Set when this tablet enrolled the customer offline and the server merged that enrolment
    /// into this existing customer (same e-mail or phone): a sentence for staff; empty otherwise.
    QString mergedNotice;
    QString mergedFromCard; // the card number handed out at the offline enrolment, if merged
};

/// Customers: attach by card, find by phone / e-mail / name (cache first, then the
/// CustomerDirectory when online), enrol offline with explicit consent, edit consent, wish
/// list, and the profile screen. Each change is one transaction: the cache plus its outbox
/// event, in the protocol-2 form the server reads strictly (sync/server/API_CHANGELOG.md):
///   customer_enrolled {cardNumber, name, email?, phone?, consentEmail, consentSms,
///                      consentPersonalised, enrolledAt} — sealed at rest (personal data);
///   consent_changed   {cardNumber, consentEmail, consentSms, consentPersonalised, changedAt};
///   wishlist_changed  {cardNumber, productId, action: "add"|"remove", changedAt}.
class CustomerService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CustomerService)
public:
    CustomerService(Store::LocalDatabase &database, Store::Catalog &catalog, Session &session,
        const Core::Clock &clock, QObject *parent = nullptr);
    ~CustomerService() override;

    void setDirectory(CustomerDirectory *directory) { m_directory = directory; }

    /// A loyalty card or app QR scan, or a typed card number. Cache first; online the
    /// directory (a hit is cached). Errors: "customer.not_found", "scan.not_a_card".
    Core::Result<CustomerSummary> findByCard(const QString &codeOrCard);
    /// Errors: "customer.phone" (malformed), "customer.not_found".
    Core::Result<QList<CustomerSummary>> findByPhone(const QString &phone);
    /// Errors: "customer.email" (malformed), "customer.not_found".
    Core::Result<QList<CustomerSummary>> findByEmail(const QString &email);
    /// Whole-word, case and accent insensitive. Error "customer.not_found".
    Core::Result<QList<CustomerSummary>> findByName(const QString &text);

    /// Enrols a customer on this tablet, offline too: validates (Core::normalisePhone for the
    /// store's country, Core::normaliseEmail, a name), refuses a duplicate e-mail or phone in
    /// the cache ("customer.duplicate"), then writes the cache and the outbox
    /// "customer_enrolled" event in one transaction. Needs Permission::EnrolCustomer.
    /// Errors: "permission.denied", "customer.name", "customer.phone", "customer.email",
    /// "customer.card", "customer.duplicate".
    Core::Result<CustomerSummary> enrol(const EnrolmentRequest &request);

    /// New consent choices: cache + local history + outbox "consent_changed".
    /// Needs Permission::EnrolCustomer. Errors: "customer.not_found", "permission.denied".
    Core::Status setConsent(const QString &cardNumber, bool email, bool sms, bool personalised);

    /// Wish list (from the product screen): cache + outbox "wishlist_changed".
    /// Errors: "customer.not_found", "product.unknown" (add only).
    Core::Status addToWishlist(const QString &cardNumber, qint64 productId);
    Core::Status removeFromWishlist(const QString &cardNumber, qint64 productId);

    /// The customer screen. Error "customer.not_found".
    Core::Result<CustomerProfile> profile(const QString &cardNumber) const;

    /// Points shown everywhere: server balance + this tablet's pending changes.
    Core::Result<qint64> pointsOf(const QString &cardNumber) const;

    /// Removes customers unseen for the store's "customer.purge_days" (default 90). Run at
    /// start and daily. Returns how many went.
    Core::Result<int> purgeUnseen();

    /// For SaleService: the cached record of a card (fetched online when missing); marks
    /// the customer as seen here.
    Core::Result<CustomerSummary> customerForSale(const QString &cardNumber);

signals:
    void customerChanged(const QString &cardNumber);

private:
    CustomerSummary summaryOf(const Store::CustomerRecord &record) const;
    Core::Result<QList<CustomerSummary>> fromDirectory(int field, const QString &value);
    /// The cache's matches, else the directory's (online); "customer.not_found" when neither has
    /// one.
    Core::Result<QList<CustomerSummary>> cacheThenDirectory(
        const Core::Result<QList<Store::CustomerRecord>> &cached, int field, const QString &value,
        const QString &what);
    Core::Status requireEnrol() const;
    QString countryCode() const;
    QString storeCode() const;
    QString issueCardNumber() const;

    Store::LocalDatabase &m_db;
    Store::Catalog &m_catalog;
    Session &m_session;
    const Core::Clock &m_clock;
    CustomerDirectory *m_directory = nullptr;
    std::unique_ptr<Store::CustomerCache> m_cache;
    std::unique_ptr<Store::Outbox> m_outbox;
    std::unique_ptr<Store::PromotionStore> m_promotions;
};

} // namespace Toonbank::Services
