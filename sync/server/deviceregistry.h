#pragma once

#include "apierror.h"

#include "sync/protocol/enrolment.h"

#include <QDateTime>
#include <QString>

#include <optional>
#include <variant>

namespace Toonbank::Sync::Server {

class ServerDatabase;

/// Who is calling: the device a valid token belongs to and the store that is its scope.
struct DeviceIdentity
{
    QString deviceId;
    qint64 locationId = 0;
    QString locationCode;
};

/// Enrolment codes and device tokens. Codes and tokens are stored only as SHA-256 hashes:
/// both are long random secrets, so a fast hash is enough and a database leak yields nothing
/// usable.
class DeviceRegistry final
{
    Q_DISABLE_COPY_MOVE(DeviceRegistry)
public:
    explicit DeviceRegistry(ServerDatabase &database);

    /// A one-time code for a tablet of store `locationCode`, valid for `validity`.
    Core::Result<QString> issueCode(const QString &locationCode, int validityHours);
    /// Exchanges a code for a token. Errors: "enrol.code" (unknown, used or expired).
    std::variant<Protocol::EnrolResponse, ApiError> enrol(
        const Protocol::EnrolRequest &request, const QString &caCertificatePem);
    /// The device for "Bearer <token>"; nullopt for a missing, unknown or revoked token.
    std::optional<DeviceIdentity> authenticate(const QByteArray &authorizationHeader);
    Core::Status revoke(const QString &deviceId);

    static QString hashSecret(const QString &secret);

private:
    ServerDatabase &m_db;
};

} // namespace Toonbank::Sync::Server
