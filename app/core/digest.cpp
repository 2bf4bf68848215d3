#include "digest.h"

#include <QIODevice>

#include <openssl/evp.h>

#include <memory>

namespace Toonbank::Core {

std::optional<QByteArray> sha256(QIODevice &device)
{
    const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(
        EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    if (!context || EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr) != 1)
        return std::nullopt;
    QByteArray block(1 << 20, Qt::Uninitialized);
    for (;;) {
        const qint64 read = device.read(block.data(), block.size());
        if (read < 0)
            return std::nullopt;
        if (read == 0)
            break;
        if (EVP_DigestUpdate(context.get(), block.constData(), size_t(read)) != 1)
            return std::nullopt;
    }
    QByteArray digest(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(context.get(), reinterpret_cast<unsigned char *>(digest.data()), &length)
        != 1)
        return std::nullopt;
    digest.truncate(int(length));
    return digest;
}

} // namespace Toonbank::Core
