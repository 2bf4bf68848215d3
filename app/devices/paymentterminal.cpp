#include "paymentterminal.h"

#include <array>
#include <utility>

namespace Toonbank::Devices {

namespace {

constexpr std::array<std::pair<TerminalOutcome, const char *>, 8> outcomeNames { {
    { TerminalOutcome::Approved, "approved" },
    { TerminalOutcome::Declined, "declined" },
    { TerminalOutcome::Cancelled, "cancelled" },
    { TerminalOutcome::Busy, "busy" },
    { TerminalOutcome::InProgress, "in_progress" },
    { TerminalOutcome::NotFound, "not_found" },
    { TerminalOutcome::Unreachable, "unreachable" },
    { TerminalOutcome::Invalid, "invalid" },
} };

} // namespace

QString name(TerminalOutcome outcome)
{
    for (const auto &[value, text] : outcomeNames)
        if (value == outcome)
            return QLatin1String(text);
    return {};
}

std::optional<TerminalOutcome> terminalOutcomeFromName(const QString &text)
{
    for (const auto &[value, name] : outcomeNames)
        if (text == QLatin1String(name))
            return value;
    return std::nullopt;
}

} // namespace Toonbank::Devices
