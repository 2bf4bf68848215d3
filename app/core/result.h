#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace Toonbank::Core {

/// An error a user can cause: a stable code for programs and tests, a translated message
/// for the screen, and a detail for the log (never shown to staff).
struct Error
{
    QString code; // stable, e.g. "barcode.check_digit"
    QString message; // user-presentable, already translated
    QString detail; // for the log

    static Error make(QString code, QString message, QString detail = {})
    {
        return Error { std::move(code), std::move(message), std::move(detail) };
    }
};

/// The value or a user-presentable error. Errors a user can cause travel as values, never as
/// exceptions across layers.
template <typename T> class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_state(std::in_place_index<0>, std::move(value))
    { }
    Result(Error error)
        : m_state(std::in_place_index<1>, std::move(error))
    { }

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const &
    {
        Q_ASSERT(ok());
        return std::get<0>(m_state);
    }
    T &value() &
    {
        Q_ASSERT(ok());
        return std::get<0>(m_state);
    }
    T &&value() &&
    {
        Q_ASSERT(ok());
        return std::get<0>(std::move(m_state));
    }
    const T *operator->() const { return &value(); }
    const T &operator*() const { return value(); }

    const Error &error() const
    {
        Q_ASSERT(!ok());
        return std::get<1>(m_state);
    }

private:
    std::variant<T, Error> m_state;
};

/// For operations that return nothing but may fail.
struct Done
{
};
using Status = Result<Done>;

inline Status success()
{
    return Done {};
}

} // namespace Toonbank::Core
