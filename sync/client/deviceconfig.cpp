#include "deviceconfig.h"

#include "app/core/tr.h"
#include "app/store/localdatabase.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRandomGenerator>

#include <openssl/evp.h>

#include <memory>

namespace Toonbank::Sync::Client {

namespace {

const QString keyServerUrl = QStringLiteral("sync.server_url");
const QString keyDeviceId = QStringLiteral("sync.device_id");
const QString keyToken = QStringLiteral("sync.token_sealed");
const QString keyCa = QStringLiteral("sync.ca_certificate_pem");
const QString keyLocationId = QStringLiteral("location_id"); // shared with the services
const QString keyLocationCode = QStringLiteral("sync.location_code");
const QLatin1String sealPrefix("gcm1:");
constexpr int nonceBytes = 12;
constexpr int tagBytes = 16;

QByteArray machineKey()
{
    QString path = qEnvironmentVariable("TOONBANK_DEVICE_KEY_FILE");
    if (path.isEmpty())
        path = QStringLiteral("/etc/machine-id");
    QFile file(path);
    QByteArray identity = file.open(QIODevice::ReadOnly) ? file.readAll().trimmed() : QByteArray();
    // Without any machine identity the key is still not in the file, but it is guessable:
    // the doc comment in the header says what this does and does not protect against.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData("toonbank-device-token-v1");
    hash.addData(identity);
    return hash.result();
}

using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

} // namespace

namespace Internal {

QString sealSecret(const QString &secret)
{
    const QByteArray key = machineKey();
    QByteArray nonce(nonceBytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(
        reinterpret_cast<quint32 *>(nonce.data()), nonceBytes / 4);
    const QByteArray plain = secret.toUtf8();
    QByteArray cipher(plain.size() + 16, Qt::Uninitialized);
    QByteArray tag(tagBytes, Qt::Uninitialized);
    CipherContext ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    int len = 0;
    int total = 0;
    const auto *k = reinterpret_cast<const unsigned char *>(key.constData());
    const auto *n = reinterpret_cast<const unsigned char *>(nonce.constData());
    if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, k, n) != 1
        || EVP_EncryptUpdate(ctx.get(), reinterpret_cast<unsigned char *>(cipher.data()), &len,
               reinterpret_cast<const unsigned char *>(plain.constData()), int(plain.size()))
            != 1)
        return {};
    total = len;
    if (EVP_EncryptFinal_ex(
            ctx.get(), reinterpret_cast<unsigned char *>(cipher.data()) + total, &len)
            != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, tagBytes, tag.data()) != 1)
        return {};
    total += len;
    cipher.truncate(total);
    return sealPrefix + QString::fromLatin1((nonce + cipher + tag).toBase64());
}

Core::Result<QString> unsealSecret(const QString &sealed)
{
    const auto unreadable = [](const QString &detail) {
        return Core::Error::make(QStringLiteral("sync.token_unreadable"),
            Core::Tr::tr(
                "The server credentials on this tablet cannot be read. Enrol the tablet again."),
            detail);
    };
    if (!sealed.startsWith(sealPrefix))
        return unreadable(QStringLiteral("unknown sealing format"));
    const QByteArray raw = QByteArray::fromBase64(sealed.mid(sealPrefix.size()).toLatin1());
    if (raw.size() < nonceBytes + tagBytes)
        return unreadable(QStringLiteral("too short"));
    const QByteArray key = machineKey();
    const QByteArray nonce = raw.left(nonceBytes);
    QByteArray tag = raw.right(tagBytes);
    const QByteArray cipher = raw.mid(nonceBytes, raw.size() - nonceBytes - tagBytes);
    QByteArray plain(cipher.size() + 16, Qt::Uninitialized);
    CipherContext ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    int len = 0;
    int total = 0;
    if (!ctx
        || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr,
               reinterpret_cast<const unsigned char *>(key.constData()),
               reinterpret_cast<const unsigned char *>(nonce.constData()))
            != 1
        || EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char *>(plain.data()), &len,
               reinterpret_cast<const unsigned char *>(cipher.constData()), int(cipher.size()))
            != 1)
        return unreadable(QStringLiteral("decrypt failed"));
    total = len;
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, tagBytes, tag.data()) != 1
        || EVP_DecryptFinal_ex(
               ctx.get(), reinterpret_cast<unsigned char *>(plain.data()) + total, &len)
            != 1)
        return unreadable(QStringLiteral("authentication failed (sealed on another machine?)"));
    total += len;
    plain.truncate(total);
    return QString::fromUtf8(plain);
}

} // namespace Internal

Core::Result<DeviceConfig> DeviceConfig::load(const Store::LocalDatabase &database)
{
    DeviceConfig config;
    config.serverUrl = QUrl(database.setting(keyServerUrl));
    config.deviceId = database.setting(keyDeviceId);
    config.caCertificatePem = database.setting(keyCa);
    config.locationId = database.setting(keyLocationId, QStringLiteral("0")).toLongLong();
    config.locationCode = database.setting(keyLocationCode);
    const QString sealed = database.setting(keyToken);
    if (config.deviceId.isEmpty() || sealed.isEmpty())
        return Core::Error::make(QStringLiteral("sync.not_enrolled"),
            Core::Tr::tr("This tablet is not enrolled with a server yet."));
    auto token = Internal::unsealSecret(sealed);
    if (!token)
        return token.error();
    config.token = token.value();
    return config;
}

Core::Status DeviceConfig::save(Store::LocalDatabase &database) const
{
    const QString sealed = Internal::sealSecret(token);
    if (sealed.isEmpty())
        return Core::Error::make(QStringLiteral("sync.token_unreadable"),
            Core::Tr::tr("The server credentials could not be saved."),
            QStringLiteral("sealing failed"));
    return database.transaction([&]() -> Core::Status {
        const QList<QPair<QString, QString>> values { { keyServerUrl, serverUrl.toString() },
            { keyDeviceId, deviceId }, { keyToken, sealed }, { keyCa, caCertificatePem },
            { keyLocationId, QString::number(locationId) }, { keyLocationCode, locationCode } };
        for (const auto &[key, value] : values) {
            if (auto done = database.setSetting(key, value); !done)
                return done;
        }
        return Core::success();
    });
}

} // namespace Toonbank::Sync::Client
