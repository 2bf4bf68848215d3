#include "datacipher.h"

#include "localdatabase.h"
#include "storeerrors.h"

#include "app/core/tr.h"

#include <QCryptographicHash>
#include <QFile>
#include <QMessageAuthenticationCode>

#include <openssl/evp.h>
#include <openssl/rand.h>

namespace Toonbank::Store::Internal {

namespace {

const QString keysSetting = QStringLiteral("customer.keys_sealed");
constexpr int keyBytes = 32;
constexpr int nonceBytes = 12;
constexpr int tagBytes = 16;

using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

Core::Error unreadable(const QString &detail)
{
    return Core::Error::make(QStringLiteral("customer.keys_unreadable"),
        Core::Tr::tr("The customer data on this tablet cannot be read. It will be fetched "
                     "again at the next sync."),
        detail);
}

// Same derivation as the device token's machine key (deviceconfig.cpp), other label.
QByteArray machineKey()
{
    QString path = qEnvironmentVariable("TOONBANK_DEVICE_KEY_FILE");
    if (path.isEmpty())
        path = QStringLiteral("/etc/machine-id");
    QFile file(path);
    const QByteArray identity
        = file.open(QIODevice::ReadOnly) ? file.readAll().trimmed() : QByteArray();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData("toonbank-cache-data-keys-v1");
    hash.addData(identity);
    return hash.result();
}

QByteArray gcmSeal(const QByteArray &key, const QByteArray &plain)
{
    QByteArray out(nonceBytes + plain.size() + tagBytes, Qt::Uninitialized);
    auto *bytes = reinterpret_cast<unsigned char *>(out.data());
    if (RAND_bytes(bytes, nonceBytes) != 1)
        return {};
    CipherContext ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    int len = 0;
    int total = 0;
    if (!ctx
        || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr,
               reinterpret_cast<const unsigned char *>(key.constData()), bytes)
            != 1
        || EVP_EncryptUpdate(ctx.get(), bytes + nonceBytes, &len,
               reinterpret_cast<const unsigned char *>(plain.constData()), int(plain.size()))
            != 1)
        return {};
    total = len;
    if (EVP_EncryptFinal_ex(ctx.get(), bytes + nonceBytes + total, &len) != 1)
        return {};
    total += len;
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, tagBytes, bytes + nonceBytes + total)
        != 1)
        return {};
    out.truncate(nonceBytes + total + tagBytes);
    return out;
}

Core::Result<QByteArray> gcmOpen(const QByteArray &key, const QByteArray &sealed)
{
    if (sealed.size() < nonceBytes + tagBytes)
        return unreadable(QStringLiteral("sealed value too short"));
    const auto *bytes = reinterpret_cast<const unsigned char *>(sealed.constData());
    const int cipherBytes = int(sealed.size()) - nonceBytes - tagBytes;
    QByteArray plain(cipherBytes, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(plain.data());
    QByteArray tag = sealed.right(tagBytes);
    CipherContext ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    int len = 0;
    int total = 0;
    if (!ctx
        || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr,
               reinterpret_cast<const unsigned char *>(key.constData()), bytes)
            != 1
        || EVP_DecryptUpdate(ctx.get(), out, &len, bytes + nonceBytes, cipherBytes) != 1)
        return unreadable(QStringLiteral("decrypt failed"));
    total = len;
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, tagBytes, tag.data()) != 1
        || EVP_DecryptFinal_ex(ctx.get(), out + total, &len) != 1)
        return unreadable(QStringLiteral("authentication failed (other keys or altered value)"));
    total += len;
    plain.truncate(total);
    return plain;
}

} // namespace

DataCipher::DataCipher(QByteArray dataKey, QByteArray indexKey)
    : m_dataKey(std::move(dataKey))
    , m_indexKey(std::move(indexKey))
{ }

QByteArray DataCipher::sealWithMachineKey(const QByteArray &plain)
{
    return gcmSeal(machineKey(), plain);
}

Core::Result<QByteArray> DataCipher::openWithMachineKey(const QByteArray &sealed)
{
    return gcmOpen(machineKey(), sealed);
}

Core::Result<std::shared_ptr<const DataCipher>> DataCipher::forDatabase(LocalDatabase &database)
{
    QString stored = database.setting(keysSetting);
    if (stored.isEmpty()) {
        QByteArray fresh(2 * keyBytes, Qt::Uninitialized);
        if (RAND_bytes(reinterpret_cast<unsigned char *>(fresh.data()), int(fresh.size())) != 1)
            return unreadable(QStringLiteral("no random bytes"));
        const QByteArray sealed = sealWithMachineKey(fresh);
        if (sealed.isEmpty())
            return unreadable(QStringLiteral("sealing the keys failed"));
        // Two connections may race to create them: the first one wins, both read it back.
        const Core::Status created = database.transaction([&]() -> Core::Status {
            if (!database.setting(keysSetting).isEmpty())
                return Core::success();
            return database.setSetting(keysSetting, QString::fromLatin1(sealed.toBase64()));
        });
        if (!created)
            return created.error();
        stored = database.setting(keysSetting);
    }
    Core::Result<QByteArray> keys = openWithMachineKey(QByteArray::fromBase64(stored.toLatin1()));
    if (!keys)
        return keys.error();
    if (keys->size() != 2 * keyBytes)
        return unreadable(QStringLiteral("bad key length"));
    return std::shared_ptr<const DataCipher>(
        new DataCipher(keys->left(keyBytes), keys->mid(keyBytes)));
}

QByteArray DataCipher::seal(const QByteArray &plain) const
{
    return gcmSeal(m_dataKey, plain);
}

Core::Result<QByteArray> DataCipher::open(const QByteArray &sealed) const
{
    return gcmOpen(m_dataKey, sealed);
}

Core::Result<QString> DataCipher::openText(const QByteArray &sealed) const
{
    Core::Result<QByteArray> plain = open(sealed);
    if (!plain)
        return plain.error();
    return QString::fromUtf8(plain.value());
}

QByteArray DataCipher::blindIndex(const char *domain, const QString &normalised) const
{
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, m_indexKey);
    mac.addData(domain, qstrlen(domain));
    mac.addData("\0", 1);
    mac.addData(normalised.toUtf8());
    return mac.result();
}

} // namespace Toonbank::Store::Internal
