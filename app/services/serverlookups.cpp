#include "serverlookups.h"

#include "app/store/localdatabase.h"
#include "app/store/outbox.h"
#include "sync/client/deviceconfig.h"
#include "sync/client/serverconnection.h"

#include <QDateTime>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSslCertificate>
#include <QTimer>

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
