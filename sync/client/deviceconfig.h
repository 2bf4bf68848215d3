#pragma once

#include "app/core/result.h"

#include <QString>
#include <QUrl>

namespace Toonbank::Store {
class LocalDatabase;
} // namespace Toonbank::Store

namespace Toonbank::Sync::Client {

/// What enrolment leaves on the tablet, kept in the cache's settings table.
///
/// The device token is sealed with AES-256-GCM under a key derived from this machine's
/// identity (/etc/machine-id, or the file named by TOONBANK_DEVICE_KEY_FILE), so a copied cache
/// file is useless on another machine. It does not protect against someone with root on the
/// tablet itself (they can read the machine id too); a hardware keystore would, and the
/// sealing here is the seam to plug one into. The CA certificate and ids are not secret.
struct DeviceConfig
{
    QUrl serverUrl;
    QString deviceId;
    QString token;
    QString caCertificatePem;
    qint64 locationId = 0;
    QString locationCode;

    bool isComplete() const
    {
        return serverUrl.isValid() && !deviceId.isEmpty() && !token.isEmpty()
            && !caCertificatePem.isEmpty();
    }

    /// Errors: "sync.not_enrolled" (nothing saved), "sync.token_unreadable" (sealed on
    /// another machine or damaged: enrol again).
    static Core::Result<DeviceConfig> load(const Store::LocalDatabase &database);
    /// Saves all fields in one transaction; also sets the cache's "location_id".
    Core::Status save(Store::LocalDatabase &database) const;
};

namespace Internal {
/// "gcm1:" + base64(nonce | ciphertext | tag). Exposed for tests.
QString sealSecret(const QString &secret);
Core::Result<QString> unsealSecret(const QString &sealed);
} // namespace Internal

} // namespace Toonbank::Sync::Client
