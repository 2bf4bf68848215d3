#pragma once
// Shared by the tests and benchmarks that enrol a tablet: device tokens are sealed under a
// fixed test key instead of the machine's own id.

#include <QByteArray>
#include <QDir>
#include <QFile>

namespace Toonbank::Tests {

/// Writes `machineId` to `dir`/machine-id and points TOONBANK_DEVICE_KEY_FILE at it. False when
/// the file cannot be written.
inline bool useDeviceKey(const QString &dir, const QByteArray &machineId)
{
    QFile key(QDir(dir).filePath(QStringLiteral("machine-id")));
    if (!key.open(QIODevice::WriteOnly))
        return false;
    key.write(machineId + '\n');
    key.close();
    qputenv("TOONBANK_DEVICE_KEY_FILE", QFile::encodeName(key.fileName()));
    return true;
}

} // namespace Toonbank::Tests
