#include "serverlookups.h"

#include "app/store/localdatabase.h"
#include "sync/client/deviceconfig.h"
#include "sync/client/serverconnection.h"

#include <QDateTime>
#include <QEventLoop>
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

} // namespace

ServerLookups::ServerLookups(Store::LocalDatabase &database, int timeoutMs)
    : m_timeoutMs(timeoutMs)
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
        if (!exact)
            continue;
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
        customers.append(d);
    }
    return customers;
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

void ServerLookups::release(const CouponClaim &)
{
    // No release call on the server: an unfinished sale's claim stays with that sale id.
}

} // namespace Toonbank::Services
