#include "deviceregistry.h"

#include "serverdatabase.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QUuid>

namespace Toonbank::Sync::Server {

using Core::Error;

namespace {

QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

// Codes are typed by a person: no 0/O/1/I, groups of four. 16 symbols of 32 = 80 bits.
QString normaliseCode(const QString &code)
{
    QString clean;
    for (QChar c : code) {
        if (c.isLetterOrNumber())
            clean += c.toUpper();
    }
    return clean;
}

} // namespace

DeviceRegistry::DeviceRegistry(ServerDatabase &database)
    : m_db(database)
{ }

QString DeviceRegistry::hashSecret(const QString &secret)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(secret.toUtf8(), QCryptographicHash::Sha256).toHex());
}

Core::Result<QString> DeviceRegistry::issueCode(const QString &locationCode, int validityHours)
{
    static constexpr char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    QString code;
    for (int i = 0; i < 16; ++i) {
        if (i && i % 4 == 0)
            code += QLatin1Char('-');
        code += QLatin1Char(alphabet[QRandomGenerator::system()->bounded(32)]);
    }
    Core::Status stored = m_db.transaction([&]() -> Core::Status {
        auto location = m_db.exec(
            QStringLiteral("SELECT id FROM locations WHERE code = ? AND kind = 'store'"),
            { locationCode });
        if (!location)
            return location.error();
        if (!location.value().next())
            return Error::make(QStringLiteral("admin.unknown_store"),
                QStringLiteral("no store with code %1").arg(locationCode));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto inserted = m_db.exec(
            QStringLiteral(
                "INSERT INTO enrolment_codes(code_hash, location_id, created_at, expires_at) "
                "VALUES (?, ?, ?, ?)"),
            { hashSecret(normaliseCode(code)), location.value().value(0).toLongLong(),
                now.toString(Qt::ISODateWithMs),
                now.addSecs(qint64(validityHours) * 3600).toString(Qt::ISODateWithMs) });
        if (!inserted)
            return inserted.error();
        return Core::success();
    });
    if (!stored)
        return stored.error();
    return code;
}

std::variant<Protocol::EnrolResponse, ApiError> DeviceRegistry::enrol(
    const Protocol::EnrolRequest &request, const QString &caCertificatePem)
{
    Protocol::EnrolResponse response;
    std::optional<ApiError> refused;
    Core::Status done = m_db.transaction([&]() -> Core::Status {
        const QString now = nowText();
        const QString codeHash = hashSecret(normaliseCode(request.code));
        auto code = m_db.exec(
            QStringLiteral("SELECT c.location_id, l.code FROM enrolment_codes c "
                           "JOIN locations l ON l.id = c.location_id "
                           "WHERE c.code_hash = ? AND c.used_at IS NULL AND c.expires_at > ?"),
            { codeHash, now });
        if (!code)
            return code.error();
        if (!code.value().next()) {
            refused = ApiError { ApiErrorKind::Unauthorized, QStringLiteral("enrol.code"),
                QStringLiteral("the enrolment code is unknown, used or expired") };
            return Core::success();
        }
        response.locationId = code.value().value(0).toLongLong();
        response.locationCode = code.value().value(1).toString();
        response.deviceId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QByteArray secret = [] {
            QByteArray bytes(32, Qt::Uninitialized);
            QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), 8);
            return bytes;
        }();
        response.token = QString::fromLatin1(
            secret.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        // The "used_at IS NULL" guard and the row count make the code single-use even when
        // two tablets race with it through two server instances.
        auto used
            = m_db.exec(QStringLiteral("UPDATE enrolment_codes SET used_at = ?, device_id = ? "
                                       "WHERE code_hash = ? AND used_at IS NULL"),
                { now, response.deviceId, codeHash });
        if (!used)
            return used.error();
        if (used.value().numRowsAffected() != 1) {
            refused = ApiError { ApiErrorKind::Unauthorized, QStringLiteral("enrol.code"),
                QStringLiteral("the enrolment code is unknown, used or expired") };
            return Core::success();
        }
        auto device = m_db.exec(
            QStringLiteral("INSERT INTO devices(id, name, location_id, token_hash, enrolled_at) "
                           "VALUES (?, ?, ?, ?, ?)"),
            { response.deviceId, request.deviceName, response.locationId,
                hashSecret(response.token), now });
        if (!device)
            return device.error();
        return Core::success();
    });
    if (!done)
        return ApiError::fromCore(ApiErrorKind::Internal, done.error());
    if (refused)
        return *refused;
    response.caCertificatePem = caCertificatePem;
    response.serverTime = QDateTime::currentDateTimeUtc();
    return response;
}

std::optional<DeviceIdentity> DeviceRegistry::authenticate(const QByteArray &authorizationHeader)
{
    static const QByteArray prefix("Bearer ");
    if (!authorizationHeader.startsWith(prefix))
        return std::nullopt;
    const QString token = QString::fromLatin1(authorizationHeader.mid(prefix.size()).trimmed());
    if (token.isEmpty() || token.size() > 200)
        return std::nullopt;
    auto query = m_db.execKept(QStringLiteral("SELECT d.id, d.location_id, l.code FROM devices d "
                                              "JOIN locations l ON l.id = d.location_id "
                                              "WHERE d.token_hash = ? AND d.revoked_at IS NULL"),
        { hashSecret(token) });
    if (!query || !query.value().next())
        return std::nullopt;
    return DeviceIdentity { query.value().value(0).toString(), query.value().value(1).toLongLong(),
        query.value().value(2).toString() };
}

Core::Status DeviceRegistry::revoke(const QString &deviceId)
{
    auto query = m_db.exec(
        QStringLiteral("UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"),
        { nowText(), deviceId });
    if (!query)
        return query.error();
    if (query.value().numRowsAffected() != 1)
        return Error::make(QStringLiteral("admin.unknown_device"),
            QStringLiteral("no active device %1").arg(deviceId));
    return Core::success();
}

} // namespace Toonbank::Sync::Server
