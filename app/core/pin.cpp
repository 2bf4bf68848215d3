#include "pin.h"

#include "tr.h"

#include <QList>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <algorithm>

namespace Toonbank::Core {

namespace Pin {

namespace {

constexpr int saltBytes = 16;
constexpr int hashBytes = 32;
// A stored hash is data from disk or the wire; an absurd iteration count must not freeze the
// login screen.
constexpr int maxIterations = 10'000'000;
const QLatin1String algorithm("pbkdf2-sha256");

bool isAsciiDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

bool derive(const QByteArray &pin, const QByteArray &salt, int iterations, QByteArray &out)
{
    return PKCS5_PBKDF2_HMAC(pin.constData(), int(pin.size()),
                             reinterpret_cast<const unsigned char *>(salt.constData()),
                             int(salt.size()), iterations, EVP_sha256(), int(out.size()),
                             reinterpret_cast<unsigned char *>(out.data()))
           == 1;
}

Error hashFailed(const QString &detail)
{
    return Error::make(QStringLiteral("pin.hash_failed"),
                       Tr::tr("The PIN could not be secured. Please try again."), detail);
}

} // namespace

Status validate(const QString &pin)
{
    if (pin.isEmpty())
        return Error::make(QStringLiteral("pin.empty"), Tr::tr("Please enter a PIN."));
    if (!std::all_of(pin.cbegin(), pin.cend(), isAsciiDigit)) {
        return Error::make(QStringLiteral("pin.not_digits"),
                           Tr::tr("A PIN consists of digits only."));
    }
    if (pin.size() < 4 || pin.size() > 8) {
        return Error::make(QStringLiteral("pin.length"),
                           Tr::tr("A PIN has 4 to 8 digits."),
                           QStringLiteral("length=%1").arg(pin.size()));
    }
    return success();
}

Result<QString> hash(const QString &pin, int iterations)
{
    const Status valid = validate(pin);
    if (!valid)
        return valid.error();
    Q_ASSERT(iterations > 0 && iterations <= maxIterations);
    if (iterations <= 0 || iterations > maxIterations)
        return hashFailed(QStringLiteral("iterations out of range: %1").arg(iterations));

    QByteArray salt(saltBytes, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(salt.data()), saltBytes) != 1)
        return hashFailed(QStringLiteral("RAND_bytes failed"));
    QByteArray pinBytes = pin.toUtf8();
    QByteArray derived(hashBytes, Qt::Uninitialized);
    const bool ok = derive(pinBytes, salt, iterations, derived);
    OPENSSL_cleanse(pinBytes.data(), size_t(pinBytes.size()));
    if (!ok)
        return hashFailed(QStringLiteral("PKCS5_PBKDF2_HMAC failed"));
    const QString stored = QStringLiteral("%1$%2$%3$%4")
                               .arg(algorithm)
                               .arg(iterations)
                               .arg(QString::fromLatin1(salt.toBase64()),
                                    QString::fromLatin1(derived.toBase64()));
    OPENSSL_cleanse(derived.data(), size_t(derived.size()));
    return stored;
}

bool verify(const QString &pin, const QString &storedHash)
{
    if (!validate(pin))
        return false;
    const QList<QStringView> parts = QStringView(storedHash).split(QLatin1Char('$'));
    if (parts.size() != 4 || parts.at(0) != algorithm)
        return false;
    bool numberOk = false;
    const int iterations = parts.at(1).toInt(&numberOk);
    if (!numberOk || iterations <= 0 || iterations > maxIterations)
        return false;
    const auto decode = [](QStringView text) {
        return QByteArray::fromBase64Encoding(text.toLatin1(),
                                              QByteArray::AbortOnBase64DecodingErrors);
    };
    const QByteArray::FromBase64Result salt = decode(parts.at(2));
    const QByteArray::FromBase64Result expected = decode(parts.at(3));
    if (!salt || salt.decoded.isEmpty() || !expected || expected.decoded.size() != hashBytes)
        return false;

    QByteArray pinBytes = pin.toUtf8();
    QByteArray derived(hashBytes, Qt::Uninitialized);
    const bool ok = derive(pinBytes, salt.decoded, iterations, derived);
    OPENSSL_cleanse(pinBytes.data(), size_t(pinBytes.size()));
    const bool match
        = ok && CRYPTO_memcmp(derived.constData(), expected.decoded.constData(), hashBytes) == 0;
    OPENSSL_cleanse(derived.data(), size_t(derived.size()));
    return match;
}

} // namespace Pin

namespace LoginThrottle {

int lockSeconds(int failedAttempts)
{
    constexpr int firstLock = 30;
    constexpr int maxLock = 15 * 60;
    if (failedAttempts < freeAttempts)
        return 0;
    int seconds = firstLock;
    // Stop doubling at the cap so a huge count cannot overflow.
    for (int extra = failedAttempts - freeAttempts; extra > 0 && seconds < maxLock; --extra)
        seconds *= 2;
    return std::min(seconds, maxLock);
}

} // namespace LoginThrottle

} // namespace Toonbank::Core
