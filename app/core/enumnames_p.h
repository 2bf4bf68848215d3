#pragma once

#include <QLatin1String>
#include <QString>

#include <array>
#include <cstddef>
#include <optional>
#include <utility>

// The one lookup behind the core's closed sets that travel by name (name() / xxxFromName()):
// a constexpr table of (value, wire name) pairs per enum, searched both ways.

namespace Toonbank::Core::Internal {

template <typename Enum, std::size_t N>
using EnumNames = std::array<std::pair<Enum, const char *>, N>;

template <typename Enum, std::size_t N> QString nameOf(const EnumNames<Enum, N> &names, Enum value)
{
    for (const auto &[candidate, text] : names) {
        if (candidate == value)
            return QLatin1String(text);
    }
    return {};
}

template <typename Enum, std::size_t N>
std::optional<Enum> valueOf(const EnumNames<Enum, N> &names, const QString &name)
{
    for (const auto &[candidate, text] : names) {
        if (name == QLatin1String(text))
            return candidate;
    }
    return std::nullopt;
}

} // namespace Toonbank::Core::Internal
