#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace Corrige::Core {

// What went wrong, in a form both a person and a program can act on.
enum class ErrorCode {
    None,
    InvalidInput,      // bad usage or bad data given by the user (exit code 2 in the CLI)
    FileNotFound,
    FileUnreadable,
    NotAPdf,
    DamagedPdf,
    PasswordRequired,
    WrongPassword,
    EmptyPdf,
    BadPageSplit,
    NotASession,
    CorruptSession,
    NewerSession,
    SessionLocked,     // another Corrige writes to this session (its lock file names it)
    Database,
    Network,
    Timeout,
    Cancelled,
    MissingKey,
    InvalidKey,
    QuotaExhausted,
    RateLimited,
    ServerError,
    BadResponse,
    Refused,
    Truncated,
    SafetyBlocked,
    Internal,
};

struct Error {
    ErrorCode code = ErrorCode::None;
    QString message; // translated, names the file and the fix where there is one

    bool isError() const { return code != ErrorCode::None; }
};

// A value or an error. Fallible core APIs return this instead of throwing.
template<typename T>
class Result
{
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Error error) : m_error(std::move(error)) {}

    static Result failure(ErrorCode code, QString message) { return Result(Error{code, std::move(message)}); }

    bool isOk() const { return m_value.has_value(); }
    explicit operator bool() const { return isOk(); }
    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    const T *operator->() const { return &*m_value; }
    const T &operator*() const { return *m_value; }
    const Error &error() const { return m_error; }
    QString errorString() const { return m_error.message; }

private:
    std::optional<T> m_value;
    Error m_error;
};

// Result of an operation with nothing to return.
class Status
{
public:
    Status() = default;
    Status(Error error) : m_error(std::move(error)) {}
    static Status ok() { return Status(); }
    static Status failure(ErrorCode code, QString message) { return Status(Error{code, std::move(message)}); }

    bool isOk() const { return !m_error.isError(); }
    explicit operator bool() const { return isOk(); }
    const Error &error() const { return m_error; }
    QString errorString() const { return m_error.message; }

private:
    Error m_error;
};

} // namespace Corrige::Core
