#pragma once

#include "couponclaimer.h"
#include "customerdirectory.h"
#include "returnservice.h"
#include "storedvalue.h"

#include "sync/protocol/storeops.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>

#include <memory>

namespace Toonbank::Store {
class LocalDatabase;
} // namespace Toonbank::Store

namespace Toonbank::Sync::Client {
class ServerConnection;
} // namespace Toonbank::Sync::Client

namespace Toonbank::Services {

class ServerLookups;

/// ReturnsClient over ServerLookups' enrolment (docs/RETURNS.md): a separate object because
/// its releaseClaim() is the return claim's, not the wallet's (same signature).
class ServerReturns final : public ReturnsClient
{
    Q_DECLARE_TR_FUNCTIONS(Toonbank::Services::ServerReturns)
    Q_DISABLE_COPY_MOVE(ServerReturns)
public:
    explicit ServerReturns(ServerLookups &lookups);
    bool isOnline() const override;
    Core::Result<Found> lookup(const QString &code) override;
    Core::Result<Core::ReturnableOrder> claim(const QString &claimId, const QString &returnId,
        const Core::ReturnableOrder &order, const QList<Core::ReturnRequestLine> &lines,
        const QString &storeCode, QList<QPair<QString, int>> *left = nullptr) override;
    Core::Status releaseClaim(const QString &claimId) override;
    Core::Result<bool> claimGranted(const QString &claimId) override;

private:
    ServerLookups &m_lookups;
};

/// An e-mailed receipt the SMTP server kept refusing (the server gave up on it; it is kept
/// there), for the supervisor on the Sync screen.
struct FailedReceiptMail
{
    QString receiptNumber;
    QString address;
    int attempts = 0;
    QString lastError; // the SMTP server's answer
    QDateTime createdAt; // UTC
};

/// The online side of CustomerService, SaleService and PaymentService: customer look-up,
/// single-use coupon claims and the online wallet (gift cards, store credit; docs/PAYMENTS.md)
/// over this tablet's enrolment (Sync::Client::ServerConnection), answered on the calling
/// (GUI) thread within a short time-out. Without an enrolment, or for a while after the server
/// could not be reached, isOnline() is false and the services say so.
class ServerLookups final : public CustomerDirectory, public CouponClaimer, public StoredValueClient
{
    Q_DECLARE_TR_FUNCTIONS(Toonbank::Services::ServerLookups)
    Q_DISABLE_COPY_MOVE(ServerLookups)
public:
    explicit ServerLookups(Store::LocalDatabase &database, int timeoutMs = 5000);
    ~ServerLookups() override;

    bool isOnline() const override;
    /// GET /v1/customers?q=…; card, phone and e-mail hits are kept only when they match exactly.
    Core::Result<QList<DirectoryCustomer>> find(Field field, const QString &value) override;
    /// GET /v1/customers/profile?id=…: the ledger and store and web purchases.
    Core::Result<DirectoryProfile> profile(qint64 serverId) override;
    /// Errors: "coupon.already_used" (another sale holds it), "coupon.needs_network".
    Core::Result<CouponClaim> claim(
        const QString &code, const QString &saleId, const QString &storeCode) override;
    /// POST /v1/coupons/release: gives the claim back when its sale was abandoned or the
    /// coupon removed. Best effort and never blocks a cashier offline: a release that cannot
    /// reach the server (offline, time-out) is logged and kept in the sync state
    /// ("coupon.pending_releases") and sent again before the next claim() while online. The
    /// server refuses to release a claim whose sale it has applied, so a late release is safe.
    void release(const CouponClaim &claim) override;
    /// GET /v1/mail/failed: this store's e-mailed receipts that could not be sent.
    /// Errors: "sync.offline" (not enrolled, unreachable), the server's.
    Core::Result<QList<FailedReceiptMail>> failedMail();
    /// GET /v1/reports/day?store=CODE&date=yyyy-MM-dd&staff=ID (docs/STOREOPS.md): the
    /// manager's day chain-wide for one store, asked for by `staffId` (a supervisor or manager
    /// of that store). Errors: "report.needs_network" (not enrolled, no answer in time, a
    /// server error), the server's refusal ("permission.denied", "scope.location", …),
    /// "protocol.*" (an answer that cannot be read).
    Core::Result<Sync::Protocol::DayReport> dayReport(
        const QString &storeCode, const QDate &date, qint64 staffId);
    /// Sends the releases kept from offline moments; returns how many are still kept.
    int flushPendingReleases();

    /// One JSON call for the online features that live in their own classes (stock refresh,
    /// holds, orders; docs/STOCK.md), on the calling thread within the time-out. Not enrolled,
    /// no answer in time or a 5xx: an error with `offlineCode` and `offlineMessage` (and the
    /// tablet counts as offline for a while); 401: "sync.unauthorized". Any other status is an
    /// answer for the caller to read (`json` holds {"error": {code, message}} on a refusal).
    struct OnlineAnswer
    {
        int status = 0;
        QJsonObject json;
    };
    Core::Result<OnlineAnswer> onlineCall(const QByteArray &method, const QString &path,
        const QJsonObject *body, const QString &offlineCode, const QString &offlineMessage);
    /// The enrolment's connection for asynchronous use on the GUI thread (photos); null when
    /// this tablet is not enrolled.
    Sync::Client::ServerConnection *connection() { return m_connection.get(); }
    /// Returns look-up and claims over the same enrolment.
    ReturnsClient &returns() { return *m_returns; }

    // StoredValueClient: the server's answers as the error codes of storedvalue.h with plain
    // messages ("Only €12.50 left on this gift card."); no enrolment, no answer in time or a
    // server error is "wallet.needs_network" (and the tablet counts as offline for a while).
    Core::Result<StoredValueBalance> giftCardBalance(const QString &number) override;
    Core::Result<StoredValueClaim> redeemGiftCard(const QString &claimId, const QString &number,
        Core::Money amount, const QString &saleId, const QString &storeCode) override;
    Core::Result<StoredValueBalance> storeCreditBalance(qint64 customerServerId) override;
    Core::Result<StoredValueClaim> redeemStoreCredit(const QString &claimId,
        qint64 customerServerId, Core::Money amount, const QString &saleId,
        const QString &storeCode) override;
    /// A claim the server never granted ("claim.unknown") counts as given back: nothing was
    /// taken.
    Core::Status releaseClaim(const QString &claimId) override;
    Core::Result<StoredValueClaim> claimStatus(const QString &claimId) override;

private:
    friend class ServerReturns;
    struct WalletAnswer
    {
        int status = 0;
        QJsonObject json;
    };
    /// One wallet call; "wallet.needs_network" when no answer (or a 5xx) came.
    Core::Result<WalletAnswer> walletCall(
        const QByteArray &method, const QString &path, const QJsonObject *body = nullptr);
    /// The plain-words error for a refusal of the wallet.
    static Core::Error walletError(const WalletAnswer &answer);

    void noteOffline();
    /// One release call; false when the server could not be reached (kept for later).
    bool sendRelease(const CouponClaim &claim);
    QList<CouponClaim> pendingReleases() const;
    void setPendingReleases(const QList<CouponClaim> &claims);
    Store::LocalDatabase &m_db;
    std::unique_ptr<Sync::Client::ServerConnection> m_connection;
    int m_timeoutMs;
    qint64 m_offlineUntilMs = 0;
    std::unique_ptr<ServerReturns> m_returns;
};

} // namespace Toonbank::Services
