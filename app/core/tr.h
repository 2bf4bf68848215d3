#pragma once

#include <QCoreApplication>

namespace Toonbank::Core {

// Translation context for code without a QObject (Qt Creator's todotr.h pattern).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Toonbank)
};

} // namespace Toonbank::Core
