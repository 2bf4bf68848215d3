#include "serverlookups.h"

#include "app/core/tr.h"
#include "app/store/localdatabase.h"
#include "app/store/outbox.h"
#include "sync/client/deviceconfig.h"
#include "sync/client/serverconnection.h"
#include "sync/protocol/returns.h"

#include <QDateTime>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSslCertificate>
#include <QTimer>
#include <QUrl>

#include <optional>

namespace Toonbank::Services {

namespace {

constexpr qint64 offlinePauseMs = 30000;

qint64 nowMs()
{
    // Only a back-off interval, not a business time.
    return QDateTime::currentMSecsSinceEpoch();
}

// Runs `start` and waits for its callback (or the time-out) with a local event loop.
template <typename T, typename Start>
std::optional<Core::Result<T>> waitFor(int timeoutMs, Start start)
{
    std::optional<Core::Result<T>> answer;
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    start([&answer, &loop](Core::Result<T> result) {
        answer.emplace(std::move(result));
        loop.quit();
    });
    if (!answer) {
        timer.start(timeoutMs);
        loop.exec();
    }
    return answer;
}

DirectoryCustomer directoryCustomer(const Sync::Protocol::CustomerData &c)
{
    DirectoryCustomer d;
    d.id = c.id;
    d.cardNumber = c.code;
    d.name = c.name;
    d.email = c.email;
    d.phone = c.phone;
    d.tier = c.tier.isEmpty() ? QStringLiteral("basic") : c.tier;
    d.pointsBalance = c.loyaltyPoints;
    d.lifetimePoints = c.lifetimePoints;
    d.homeStoreCode = c.homeStoreCode;
    d.consentEmail = c.consentEmail;
    d.consentSms = c.consentSms;
    d.consentPersonalised = c.consentPersonalised;
    d.consentChangedAt = c.consentChangedAt;
    d.lastSeenAt = c.lastSeenAt;
    return d;
}

} // namespace

ServerLookups::ServerLookups(Store::LocalDatabase &database, int timeoutMs)
    : m_db(database)
    , m_timeoutMs(timeoutMs)
    , m_returns(std::make_unique<ServerReturns>(*this))
{
    auto config = Sync::Client::DeviceConfig::load(database);
    if (!config || !config->isComplete())
        return;
    m_connection = std::make_unique<Sync::Client::ServerConnection>(config->serverUrl);
    m_connection->setCredentials(
        QSslCertificate::fromData(config->caCertificatePem.toLatin1()), config->token);
    m_connection->setTimeoutMs(timeoutMs);
}

ServerLookups::~ServerLookups() = default;

bool ServerLookups::isOnline() const
{
    return m_connection && nowMs() >= m_offlineUntilMs;
}

void ServerLookups::noteOffline()
{
    m_offlineUntilMs = nowMs() + offlinePauseMs;
}

Core::Result<QList<DirectoryCustomer>> ServerLookups::find(Field field, const QString &value)
{
    if (!m_connection)
        return QList<DirectoryCustomer>();
    auto answer = waitFor<QList<Sync::Protocol::CustomerData>>(
        m_timeoutMs, [&](auto done) { m_connection->searchCustomers(value, std::move(done)); });
    if (!answer || !answer->ok()) {
        if (!answer || answer->error().code == QLatin1String("sync.offline"))
            noteOffline();
        return answer ? answer->error()
                      : Core::Error::make(
                          QStringLiteral("sync.offline"), tr("The server did not answer in time."));
    }
    QList<DirectoryCustomer> customers;
    for (const Sync::Protocol::CustomerData &c : answer->value()) {
        const bool exact = field == Field::Name || (field == Field::Card && c.code == value)
            || (field == Field::Phone && c.phone == value)
            || (field == Field::Email && c.email.compare(value, Qt::CaseInsensitive) == 0);
        if (exact)
            customers.append(directoryCustomer(c));
    }
    return customers;
}

Core::Result<DirectoryProfile> ServerLookups::profile(qint64 serverId)
{
    if (!m_connection)
        return Core::Error::make(QStringLiteral("sync.offline"),
            tr("This tablet is not connected to a server."), QStringLiteral("not enrolled"));
    auto answer = waitFor<Sync::Protocol::CustomerProfile>(
        m_timeoutMs, [&](auto done) { m_connection->customerProfile(serverId, std::move(done)); });
    if (!answer || !answer->ok()) {
        if (!answer || answer->error().code == QLatin1String("sync.offline"))
            noteOffline();
        return answer ? answer->error()
                      : Core::Error::make(
                          QStringLiteral("sync.offline"), tr("The server did not answer in time."));
    }
    const Sync::Protocol::CustomerProfile &server = answer->value();
    DirectoryProfile profile;
    profile.customer = directoryCustomer(server.customer);
    for (const Sync::Protocol::LedgerEntry &entry : server.ledger)
        profile.ledger.append(
            { entry.eventId, entry.points, entry.reason, entry.saleId, entry.at.toUTC() });
    for (const Sync::Protocol::Purchase &purchase : server.purchases)
        profile.purchases.append({ purchase.channel, purchase.id, purchase.reference,
            purchase.storeCode, purchase.at.isValid() ? purchase.at.toUTC() : QDateTime(),
            purchase.status, purchase.totalCents, purchase.pointsEarned });
    return profile;
}

Core::Result<QList<FailedReceiptMail>> ServerLookups::failedMail()
{
    if (!m_connection)
        return Core::Error::make(QStringLiteral("sync.offline"),
            tr("This tablet is not connected to a server."), QStringLiteral("not enrolled"));
    if (!isOnline())
        return Core::Error::make(QStringLiteral("sync.offline"),
            tr("The server cannot be reached right now."), QStringLiteral("offline"));
    auto answer = waitFor<QList<Sync::Protocol::FailedMail>>(
        m_timeoutMs, [&](auto done) { m_connection->failedMail(std::move(done)); });
    if (!answer || !answer->ok()) {
        if (!answer || answer->error().code == QLatin1String("sync.offline"))
            noteOffline();
        return answer ? answer->error()
                      : Core::Error::make(
                          QStringLiteral("sync.offline"), tr("The server did not answer in time."));
    }
    QList<FailedReceiptMail> mails;
    for (const Sync::Protocol::FailedMail &m : answer->value())
        mails.append({ m.receiptNumber, m.address, m.attempts, m.lastError, m.createdAt });
    return mails;
}

Core::Result<Sync::Protocol::DayReport> ServerLookups::dayReport(
    const QString &storeCode, const QDate &date, qint64 staffId)
{
    const auto needsNetwork = [](const QString &detail) {
        return Core::Error::make(QStringLiteral("report.needs_network"),
            tr("The whole store's day needs a connection to the server. This tablet's own "
               "figures are shown instead."),
            detail);
    };
    if (!m_connection)
        return needsNetwork(QStringLiteral("not enrolled"));
    const QString path = QStringLiteral("/v1/reports/day?store=%1&date=%2&staff=%3")
                             .arg(QString::fromLatin1(QUrl::toPercentEncoding(storeCode)),
                                 date.toString(QStringLiteral("yyyy-MM-dd")))
                             .arg(staffId);
    auto answer = waitFor<WalletAnswer>(m_timeoutMs, [&](auto done) {
        m_connection->call("GET", path, nullptr,
            [done = std::move(done)](
                int status, const QJsonObject &json, const Core::Error &transport) mutable {
                if (status == 0)
                    return done(transport);
                done(WalletAnswer { status, json });
            });
    });
    if (!answer || !answer->ok() || answer->value().status >= 500) {
        noteOffline();
        return needsNetwork(!answer ? QStringLiteral("no answer in time")
                : !answer->ok()     ? answer->error().detail
                                    : QStringLiteral("HTTP %1").arg(answer->value().status));
    }
    const WalletAnswer &reply = answer->value();
    if (reply.status != 200) {
        const QJsonObject error = reply.json.value(QStringLiteral("error")).toObject();
        const QString code = error.value(QStringLiteral("code")).toString();
        const QString detail
            = QStringLiteral("HTTP %1 %2: %3")
                  .arg(reply.status)
                  .arg(code, error.value(QStringLiteral("message")).toString().left(200));
        if (reply.status == 401)
            return Core::Error::make(QStringLiteral("sync.unauthorized"),
                tr("This tablet is not (or no longer) enrolled with the server."), detail);
        if (code == QLatin1String("scope.location"))
            return Core::Error::make(
                code, tr("This tablet may only see the figures of its own store."), detail);
        if (reply.status == 403)
            return Core::Error::make(QStringLiteral("permission.denied"),
                tr("Only a supervisor or manager can see the manager's day."), detail);
        return Core::Error::make(code.isEmpty() ? QStringLiteral("report.failed") : code,
            tr("The server could not make the day's report."), detail);
    }
    return Sync::Protocol::DayReport::fromJson(reply.json);
}

Core::Result<CouponClaim> ServerLookups::claim(
    const QString &code, const QString &saleId, const QString &)
{
    const auto needsNetwork = [&code]() {
        return Core::Error::make(QStringLiteral("coupon.needs_network"),
            tr("The coupon %1 can be used only once and needs a connection to the server. "
               "Try again when the tablet is online.")
                .arg(code));
    };
    if (!m_connection)
        return needsNetwork();
    flushPendingReleases(); // codes given back while offline are free again first
    auto answer = waitFor<bool>(
        m_timeoutMs, [&](auto done) { m_connection->claimCoupon(code, saleId, std::move(done)); });
    if (!answer || !answer->ok()) {
        if (!answer || answer->error().code == QLatin1String("sync.offline")) {
            noteOffline();
            return needsNetwork();
        }
        return answer->error();
    }
    if (!answer->value())
        return Core::Error::make(QStringLiteral("coupon.already_used"),
            tr("The coupon %1 has already been used.").arg(code));
    return CouponClaim { code, saleId };
}

void ServerLookups::release(const CouponClaim &claim)
{
    if (claim.code.isEmpty() || claim.claimId.isEmpty())
        return;
    if (isOnline() && sendRelease(claim))
        return;
    qWarning().noquote() << "coupon release deferred (server not reachable):" << claim.code
                         << "sale" << claim.claimId;
    QList<CouponClaim> pending = pendingReleases();
    for (const CouponClaim &kept : std::as_const(pending)) {
        if (kept.code == claim.code && kept.claimId == claim.claimId)
            return;
    }
    pending.append(claim);
    setPendingReleases(pending);
}

int ServerLookups::flushPendingReleases()
{
    QList<CouponClaim> pending = pendingReleases();
    if (pending.isEmpty() || !isOnline())
        return int(pending.size());
    QList<CouponClaim> kept;
    for (const CouponClaim &claim : std::as_const(pending)) {
        if (!kept.isEmpty() || !sendRelease(claim))
            kept.append(claim); // offline again: keep the rest for later
    }
    setPendingReleases(kept);
    return int(kept.size());
}

bool ServerLookups::sendRelease(const CouponClaim &claim)
{
    if (!m_connection)
        return false;
    auto answer = waitFor<bool>(m_timeoutMs, [&](auto done) {
        m_connection->releaseCoupon(claim.code, claim.claimId, std::move(done));
    });
    if (!answer || (!answer->ok() && answer->error().code == QLatin1String("sync.offline"))) {
        noteOffline();
        return false;
    }
    if (!answer->ok()) {
        // Refused for good (token, scope, …): sending it again would not help.
        qWarning().noquote() << "coupon release failed:" << claim.code << "sale" << claim.claimId
                             << answer->error().code << answer->error().detail;
        return true;
    }
    if (!answer->value())
        qInfo().noquote() << "coupon release: nothing to release for" << claim.code << "sale"
                          << claim.claimId << "(sale applied or claim not held)";
    return true;
}

QList<CouponClaim> ServerLookups::pendingReleases() const
{
    QList<CouponClaim> claims;
    const QJsonArray array = QJsonDocument::fromJson(
        Store::Outbox(m_db).syncValue(QStringLiteral("coupon.pending_releases")).toUtf8())
                                 .array();
    for (const QJsonValue &value : array) {
        const QJsonObject item = value.toObject();
        claims.append({ item.value(QStringLiteral("code")).toString(),
            item.value(QStringLiteral("saleId")).toString() });
    }
    return claims;
}

void ServerLookups::setPendingReleases(const QList<CouponClaim> &claims)
{
    QJsonArray array;
    for (const CouponClaim &claim : claims)
        array.append(QJsonObject {
            { QStringLiteral("code"), claim.code }, { QStringLiteral("saleId"), claim.claimId } });
    if (Core::Status saved
        = Store::Outbox(m_db).setSyncValue(QStringLiteral("coupon.pending_releases"),
            QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)));
        !saved)
        qWarning().noquote() << "coupon release not kept:" << saved.error().detail;
}

} // namespace Toonbank::Services

namespace Toonbank::Services {

namespace {

Core::Error needsNetwork(const QString &detail)
{
    return Core::Error::make(QStringLiteral("wallet.needs_network"),
        ServerLookups::tr("Gift cards and store credit need a connection to the server. Try "
                          "again when the tablet is online, or choose another way to pay."),
        detail);
}

StoredValueClaim claimFromJson(const QJsonObject &json)
{
    StoredValueClaim claim;
    claim.claimId = json.value(QStringLiteral("claimId")).toString();
    claim.number = json.value(QStringLiteral("number")).toString();
    claim.amount = Core::Money::fromCents(json.value(QStringLiteral("amountCents")).toInteger());
    claim.balanceLeft
        = Core::Money::fromCents(json.value(QStringLiteral("balanceLeftCents")).toInteger());
    const QString state = json.value(QStringLiteral("state")).toString();
    claim.state = state == QLatin1String("used") ? StoredValueClaim::State::Used
        : state == QLatin1String("released")     ? StoredValueClaim::State::Released
                                                 : StoredValueClaim::State::Claimed;
    return claim;
}

} // namespace

Core::Result<ServerLookups::WalletAnswer> ServerLookups::walletCall(
    const QByteArray &method, const QString &path, const QJsonObject *body)
{
    if (!m_connection)
        return needsNetwork(QStringLiteral("not enrolled"));
    auto answer = waitFor<WalletAnswer>(m_timeoutMs, [&](auto done) {
        m_connection->call(method, path, body,
            [done = std::move(done)](
                int status, const QJsonObject &json, const Core::Error &transport) mutable {
                if (status == 0)
                    return done(transport);
                done(WalletAnswer { status, json });
            });
    });
    if (!answer || !answer->ok() || answer->value().status >= 500) {
        noteOffline();
        const QString detail = !answer ? QStringLiteral("no answer in time")
            : !answer->ok()            ? answer->error().detail
                                       : QStringLiteral("HTTP %1").arg(answer->value().status);
        return needsNetwork(detail);
    }
    if (answer->value().status == 401)
        return Core::Error::make(QStringLiteral("sync.unauthorized"),
            tr("This tablet is not (or no longer) enrolled with the server."),
            QStringLiteral("HTTP 401 on %1").arg(path));
    return answer->value();
}

Core::Result<ServerLookups::OnlineAnswer> ServerLookups::onlineCall(const QByteArray &method,
    const QString &path, const QJsonObject *body, const QString &offlineCode,
    const QString &offlineMessage)
{
    const auto offline = [&](const QString &detail) {
        return Core::Error::make(offlineCode, offlineMessage, detail);
    };
    if (!m_connection)
        return offline(QStringLiteral("not enrolled"));
    auto answer = waitFor<OnlineAnswer>(m_timeoutMs, [&](auto done) {
        m_connection->call(method, path, body,
            [done = std::move(done)](
                int status, const QJsonObject &json, const Core::Error &transport) mutable {
                if (status == 0)
                    return done(transport);
                done(OnlineAnswer { status, json });
            });
    });
    if (!answer || !answer->ok() || answer->value().status >= 500) {
        noteOffline();
        return offline(!answer ? QStringLiteral("no answer in time")
                : !answer->ok()
                ? answer->error().detail
                : QStringLiteral("HTTP %1 on %2").arg(answer->value().status).arg(path));
    }
    if (answer->value().status == 401)
        return Core::Error::make(QStringLiteral("sync.unauthorized"),
            tr("This tablet is not (or no longer) enrolled with the server."),
            QStringLiteral("HTTP 401 on %1").arg(path));
    return answer->value();
}

Core::Error ServerLookups::walletError(const WalletAnswer &answer)
{
    const QJsonObject error = answer.json.value(QStringLiteral("error")).toObject();
    const QString code = error.value(QStringLiteral("code")).toString();
    const QString detail
        = QStringLiteral("HTTP %1 %2: %3")
              .arg(answer.status)
              .arg(code, error.value(QStringLiteral("message")).toString().left(200));
    const Core::Money balance
        = Core::Money::fromCents(answer.json.value(QStringLiteral("balanceCents")).toInteger());
    auto make = [&](const QString &message) { return Core::Error::make(code, message, detail); };
    if (code == QLatin1String("giftcard.unknown"))
        return make(tr("This gift card is not known. Check the number and try again."));
    if (code == QLatin1String("giftcard.expired"))
        return make(tr("This gift card has expired and cannot be used."));
    if (code == QLatin1String("giftcard.inactive"))
        return make(tr("This gift card is blocked and cannot be used."));
    if (code == QLatin1String("giftcard.empty"))
        return make(tr("This gift card is empty."));
    if (code == QLatin1String("giftcard.insufficient"))
        return make(tr("Only %1 left on this gift card.").arg(balance.toDisplayString()));
    if (code == QLatin1String("storecredit.none"))
        return make(tr("This customer has no store credit."));
    if (code == QLatin1String("storecredit.insufficient"))
        return make(tr("Only %1 of store credit left.").arg(balance.toDisplayString()));
    if (code == QLatin1String("claim.used"))
        return make(tr("A completed sale used this payment; it cannot be given back."));
    if (code == QLatin1String("claim.unknown"))
        return make(tr("The server has no record of this payment; nothing was taken."));
    if (code == QLatin1String("claim.mismatch"))
        return make(tr("This payment was already made for another card or amount."));
    if (code == QLatin1String("wallet.amount"))
        return make(tr("The amount must be more than zero."));
    return Core::Error::make(QStringLiteral("sync.refused"),
        tr("The server refused this payment (%1).").arg(code.isEmpty() ? tr("no reason") : code),
        detail);
}

Core::Result<StoredValueBalance> ServerLookups::giftCardBalance(const QString &number)
{
    auto answer = walletCall("GET",
        QStringLiteral("/v1/giftcards/balance?number=")
            + QString::fromLatin1(QUrl::toPercentEncoding(number)));
    if (!answer)
        return answer.error();
    if (answer->status != 200)
        return walletError(answer.value());
    const QJsonObject &json = answer->json;
    StoredValueBalance balance;
    balance.number = json.value(QStringLiteral("number")).toString();
    balance.balance
        = Core::Money::fromCents(json.value(QStringLiteral("balanceCents")).toInteger());
    const QDate expiresOn
        = QDate::fromString(json.value(QStringLiteral("expiresOn")).toString(), Qt::ISODate);
    if (expiresOn.isValid())
        balance.expiresOn = expiresOn;
    const QString state = json.value(QStringLiteral("state")).toString();
    balance.state = state == QLatin1String("inactive") ? StoredValueBalance::State::Inactive
        : state == QLatin1String("expired")            ? StoredValueBalance::State::Expired
                                                       : StoredValueBalance::State::Active;
    return balance;
}

Core::Result<StoredValueClaim> ServerLookups::redeemGiftCard(const QString &claimId,
    const QString &number, Core::Money amount, const QString &saleId, const QString &storeCode)
{
    const QJsonObject body { { QStringLiteral("claimId"), claimId },
        { QStringLiteral("kind"), QStringLiteral("gift_card") },
        { QStringLiteral("number"), number }, { QStringLiteral("amountCents"), amount.cents() },
        { QStringLiteral("saleId"), saleId }, { QStringLiteral("storeCode"), storeCode } };
    auto answer = walletCall("POST", QStringLiteral("/v1/wallet/claims"), &body);
    if (!answer)
        return answer.error();
    if (answer->status != 200 && answer->status != 201)
        return walletError(answer.value());
    return claimFromJson(answer->json);
}

Core::Result<StoredValueBalance> ServerLookups::storeCreditBalance(qint64 customerServerId)
{
    auto answer
        = walletCall("GET", QStringLiteral("/v1/storecredit?customerId=%1").arg(customerServerId));
    if (!answer)
        return answer.error();
    if (answer->status != 200)
        return walletError(answer.value());
    StoredValueBalance balance;
    balance.number = answer->json.value(QStringLiteral("cardNumber")).toString();
    balance.balance
        = Core::Money::fromCents(answer->json.value(QStringLiteral("balanceCents")).toInteger());
    return balance;
}

Core::Result<StoredValueClaim> ServerLookups::redeemStoreCredit(const QString &claimId,
    qint64 customerServerId, Core::Money amount, const QString &saleId, const QString &storeCode)
{
    const QJsonObject body { { QStringLiteral("claimId"), claimId },
        { QStringLiteral("kind"), QStringLiteral("store_credit") },
        { QStringLiteral("customerId"), customerServerId },
        { QStringLiteral("amountCents"), amount.cents() }, { QStringLiteral("saleId"), saleId },
        { QStringLiteral("storeCode"), storeCode } };
    auto answer = walletCall("POST", QStringLiteral("/v1/wallet/claims"), &body);
    if (!answer)
        return answer.error();
    if (answer->status != 200 && answer->status != 201)
        return walletError(answer.value());
    return claimFromJson(answer->json);
}

Core::Status ServerLookups::releaseClaim(const QString &claimId)
{
    const QJsonObject body { { QStringLiteral("claimId"), claimId } };
    auto answer = walletCall("POST", QStringLiteral("/v1/wallet/claims/release"), &body);
    if (!answer)
        return answer.error();
    if (answer->status == 200)
        return Core::success();
    const Core::Error error = walletError(answer.value());
    if (error.code == QLatin1String("claim.unknown"))
        return Core::success(); // never granted: nothing to give back
    return error;
}

Core::Result<StoredValueClaim> ServerLookups::claimStatus(const QString &claimId)
{
    auto answer = walletCall("GET",
        QStringLiteral("/v1/wallet/claims?id=")
            + QString::fromLatin1(QUrl::toPercentEncoding(claimId)));
    if (!answer)
        return answer.error();
    if (answer->status != 200)
        return walletError(answer.value());
    return claimFromJson(answer->json);
}

// --- returns ---------------------------------------------------------------------------------

namespace {

Core::Error returnsNeedNetwork(const QString &detail)
{
    return Core::Error::make(QStringLiteral("return.needs_network"),
        Core::Tr::tr("The server cannot be reached. Try again when the tablet is online."), detail);
}

// The server's refusal as an error with a plain message (the server's own message when it
// sent one: it names what is still returnable).
Core::Error returnsError(int status, const QJsonObject &json)
{
    const QJsonObject error = json.value(QStringLiteral("error")).toObject();
    QString code = error.value(QStringLiteral("code")).toString();
    QString message = error.value(QStringLiteral("message")).toString();
    if (code.isEmpty()) {
        code = json.value(QStringLiteral("code")).toString();
        message = json.value(QStringLiteral("message")).toString();
    }
    const QString detail
        = QStringLiteral("HTTP %1 %2: %3").arg(status).arg(code, message.left(200));
    if (code == QLatin1String("return.not_found"))
        return Core::Error::make(code,
            Core::Tr::tr("No sale or order with this number was found. Check the number."), detail);
    if (code == QLatin1String("return.other_chain"))
        return Core::Error::make(code,
            Core::Tr::tr("This order is from another shop and cannot be returned here."), detail);
    if (code == QLatin1String("return.of_return"))
        return Core::Error::make(
            code, Core::Tr::tr("This is a return receipt. A refund cannot be returned."), detail);
    if (code == QLatin1String("return.invalid_code"))
        return Core::Error::make(code,
            Core::Tr::tr("This is not a receipt or order number. Scan the QR code on the "
                         "receipt or type its number."),
            detail);
    if (code == QLatin1String("return.quantity"))
        return Core::Error::make(code,
            Core::Tr::tr("Someone else returned some of these items first. The lines show "
                         "what can still be returned."),
            detail);
    if (code.isEmpty())
        code = QStringLiteral("sync.refused");
    return Core::Error::make(code, Core::Tr::tr("The server refused the return."), detail);
}

} // namespace

ServerReturns::ServerReturns(ServerLookups &lookups)
    : m_lookups(lookups)
{ }

bool ServerReturns::isOnline() const
{
    return m_lookups.isOnline();
}

Core::Result<ReturnsClient::Found> ServerReturns::lookup(const QString &code)
{
    if (!m_lookups.isOnline())
        return returnsNeedNetwork(QStringLiteral("offline"));
    auto answer = m_lookups.walletCall("GET",
        QStringLiteral("/v1/returns/lookup?code=")
            + QString::fromLatin1(QUrl::toPercentEncoding(code)));
    if (!answer)
        return returnsNeedNetwork(answer.error().detail);
    if (answer->status != 200)
        return returnsError(answer->status, answer->json);
    auto order = Sync::Protocol::returnableOrderFromJson(
        answer->json.value(QStringLiteral("order")).toObject());
    if (!order)
        return order.error();
    auto policy = Sync::Protocol::returnPolicyFromJson(
        answer->json.value(QStringLiteral("policy")).toObject());
    if (!policy)
        return policy.error();
    return Found { order.value(), policy.value() };
}

Core::Result<Core::ReturnableOrder> ServerReturns::claim(const QString &claimId,
    const QString &returnId, const Core::ReturnableOrder &order,
    const QList<Core::ReturnRequestLine> &lines, const QString &storeCode,
    QList<QPair<QString, int>> *left)
{
    if (!m_lookups.isOnline())
        return returnsNeedNetwork(QStringLiteral("offline"));
    Sync::Protocol::ReturnClaimRequest request;
    request.claimId = claimId;
    request.returnId = returnId;
    request.origin = order.origin;
    request.number = order.number;
    request.storeCode = storeCode;
    for (const Core::ReturnRequestLine &line : lines)
        request.lines.append({ line.lineId, line.quantity });
    const QJsonObject body = request.toJson();
    auto answer = m_lookups.walletCall("POST", QStringLiteral("/v1/returns"), &body);
    if (!answer) {
        // No answer: the outcome is unknown ("sync.*"; ask claimGranted()).
        return Core::Error::make(QStringLiteral("sync.offline"),
            Core::Tr::tr("The server did not answer in time."), answer.error().detail);
    }
    if (answer->status == 200 || answer->status == 201) {
        auto claim = Sync::Protocol::ReturnClaim::fromJson(answer->json);
        if (!claim)
            return claim.error();
        return claim->order;
    }
    if (answer->status == 409 && left) {
        left->clear();
        for (const Sync::Protocol::ReturnableLeft &l :
            Sync::Protocol::returnableLeftFromJson(answer->json))
            left->append({ l.lineId, l.returnable });
    }
    return returnsError(answer->status, answer->json);
}

Core::Status ServerReturns::releaseClaim(const QString &claimId)
{
    auto answer = m_lookups.walletCall("POST",
        QStringLiteral("/v1/returns/%1/release")
            .arg(QString::fromLatin1(QUrl::toPercentEncoding(claimId))));
    if (!answer)
        return returnsNeedNetwork(answer.error().detail);
    if (answer->status == 200)
        return Core::success();
    return returnsError(answer->status, answer->json);
}

Core::Result<bool> ServerReturns::claimGranted(const QString &claimId)
{
    auto answer = m_lookups.walletCall("GET",
        QStringLiteral("/v1/returns/%1")
            .arg(QString::fromLatin1(QUrl::toPercentEncoding(claimId))));
    if (!answer)
        return returnsNeedNetwork(answer.error().detail);
    if (answer->status == 200) {
        auto claim = Sync::Protocol::ReturnClaim::fromJson(answer->json);
        if (!claim)
            return claim.error();
        return claim->state != Sync::Protocol::ReturnClaim::State::Released;
    }
    return returnsError(answer->status, answer->json); // "claim.unknown": never granted
}

} // namespace Toonbank::Services
