#pragma once

#include "app/core/result.h"

namespace Toonbank::Devices {

/// The cash drawer, usually kicked open through the receipt printer.
class CashDrawer
{
public:
    virtual ~CashDrawer() = default;
    virtual Core::Status open() = 0;
};

/// Counts how often the drawer was opened; nothing else happens.
class CashDrawerSimulator final : public CashDrawer
{
public:
    Core::Status open() override
    {
        ++m_opens;
        return Core::success();
    }
    int openCount() const { return m_opens; }

private:
    int m_opens = 0;
};

} // namespace Toonbank::Devices
