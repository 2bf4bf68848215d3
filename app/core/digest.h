#pragma once

#include <QByteArray>

#include <optional>

class QIODevice;

namespace Toonbank::Core {

/// SHA-256 of everything `device` still has to read, read in 1 MiB blocks (a snapshot file of
/// hundreds of MB never sits in memory). OpenSSL's implementation uses the CPU's SHA
/// instructions: about seven times Qt 6.4's QCryptographicHash on a snapshot (docs/SYNC.md).
/// The 32 raw bytes; nullopt when the device fails to read.
std::optional<QByteArray> sha256(QIODevice &device);

} // namespace Toonbank::Core
