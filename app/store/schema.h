#pragma once

#include <QList>
#include <QStringList>

namespace Toonbank::Store::Internal {

/// One step of the local schema: the statements that take a database from version-1 to
/// `version`. Steps run in order, each inside the same transaction as the version bump.
struct Migration
{
    int version = 0;
    QStringList statements;
};

const QList<Migration> &migrations();

} // namespace Toonbank::Store::Internal
