#pragma once

#include "serverdatabase.h"

#include <QList>
#include <QStringList>

namespace Toonbank::Sync::Server::Internal {

/// The statements that take the server schema from version-1 to `version`.
struct Migration
{
    int version = 0;
    QStringList statements;
};

QList<Migration> migrations(Dialect dialect);

} // namespace Toonbank::Sync::Server::Internal
