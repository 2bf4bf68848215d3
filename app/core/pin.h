#pragma once

#include "result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace Toonbank::Core {

/// Staff PINs: 4 to 8 digits, stored only as a salted PBKDF2-HMAC-SHA256 hash with a random
/// per-hash salt. The stored form names algorithm and iteration count so they can be raised:
/// "pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>".
namespace Pin {

constexpr int defaultIterations = 600000; // OWASP 2023 figure for PBKDF2-HMAC-SHA256

/// Checks the form of a PIN: "pin.empty", "pin.not_digits", "pin.length".
Status validate(const QString &pin);
/// Hashes a valid PIN with a fresh random salt.
Result<QString> hash(const QString &pin, int iterations = defaultIterations);
/// Constant-time comparison against a stored hash. A malformed stored hash never matches.
bool verify(const QString &pin, const QString &storedHash);

} // namespace Pin

/// After 5 wrong PINs in a row an account is locked for a delay that doubles with each further
/// wrong PIN: 30 s, 60 s, 120 s, … capped at 15 minutes. A correct PIN resets the count.
namespace LoginThrottle {

constexpr int freeAttempts = 5;
/// Seconds to lock after `failedAttempts` consecutive failures (0 while under the limit).
int lockSeconds(int failedAttempts);

} // namespace LoginThrottle

} // namespace Toonbank::Core
