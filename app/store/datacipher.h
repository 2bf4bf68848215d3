#pragma once

#include "app/core/result.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace Toonbank::Store {

class LocalDatabase;

namespace Internal {

/// Personal data at rest in the cache: AES-256-GCM (OpenSSL EVP) with a fresh random 12-byte
/// nonce per value, and HMAC-SHA256 blind indexes under a second, separate key.
///
/// Keys: two random 32-byte keys per cache file, created on first use and stored in the
/// settings table sealed (AES-256-GCM) under a machine key derived exactly like the device
/// token's (sync/client/deviceconfig.cpp: SHA-256 over a label and /etc/machine-id, or the
/// file named by TOONBANK_DEVICE_KEY_FILE), with its own label. So the keys never sit in the
/// file in clear, a copied cache file alone reveals no customer, and a key file that a backup
/// would copy next to the cache is avoided. What it does not protect against: root on the
/// running tablet (same as the device token). A cache moved to another machine cannot read
/// its customers ("customer.keys_unreadable"); the cache is a copy of the server and is
/// re-pulled.
class DataCipher final
{
public:
    /// Loads this cache's keys, creating them on first use (inside the caller's transaction
    /// when one is open). Errors: "customer.keys_unreadable", "cache.query_failed".
    static Core::Result<std::shared_ptr<const DataCipher>> forDatabase(LocalDatabase &database);

    /// nonce ‖ ciphertext ‖ tag. Empty input still gives a sealed (authenticated) value.
    QByteArray seal(const QByteArray &plain) const;
    /// Error "customer.keys_unreadable" when the value was altered or sealed under other keys.
    Core::Result<QByteArray> open(const QByteArray &sealed) const;
    QByteArray sealText(const QString &text) const { return seal(text.toUtf8()); }
    Core::Result<QString> openText(const QByteArray &sealed) const;

    /// HMAC-SHA256 of `domain` ‖ 0 ‖ `normalised` under the index key (32 bytes). `domain`
    /// ("phone", "email", "name") keeps equal strings of different kinds apart.
    QByteArray blindIndex(const char *domain, const QString &normalised) const;

    /// The machine-bound sealing used for the key pair (exposed for tests).
    static QByteArray sealWithMachineKey(const QByteArray &plain);
    static Core::Result<QByteArray> openWithMachineKey(const QByteArray &sealed);

private:
    DataCipher(QByteArray dataKey, QByteArray indexKey);
    QByteArray m_dataKey;
    QByteArray m_indexKey;
};

} // namespace Internal
} // namespace Toonbank::Store
