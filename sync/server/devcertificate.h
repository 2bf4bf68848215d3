#pragma once

#include "app/core/result.h"

#include <QString>
#include <QStringList>

namespace Toonbank::Sync::Server {

/// A development CA and a server certificate signed by it (ECDSA P-256, SHA-256), made with
/// OpenSSL's C API. Written as PEM: ca.crt, ca.key, server.crt, server.key in `directory`.
/// `hosts` become the server certificate's subjectAltNames (IP addresses or DNS names).
Core::Status createDevCertificates(
    const QString &directory, const QStringList &hosts, int validDays = 825);

} // namespace Toonbank::Sync::Server
