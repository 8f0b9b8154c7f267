#pragma once

#include <optional>

#include <QMetaType>
#include <QString>

#include "core/domain/result.h"
#include "core/llm/llmreply.h"

namespace Corrige::Core {

// An error from a model call, with what the retry logic needs to know.
struct LlmError {
    Error error; // code and a translated, teacher-readable message (never contains a key)
    int httpStatus = 0; // 0 when no HTTP response arrived
    qint64 retryAfterMs = -1; // the server's own hint (Retry-After, RetryInfo.retryDelay…), -1 when none
    bool retryable = false; // worth another attempt (subject to the RetryPolicy)
    TokenUsage usage; // tokens billed for a reply that was still refused (cut off, off-schema…)

    ErrorCode code() const { return error.code; }
    QString message() const { return error.message; }

    static LlmError make(ErrorCode code, QString message, int httpStatus = 0, bool retryable = false,
                         qint64 retryAfterMs = -1);
    // The same error with every occurrence of `secret` (and anything shaped like an API key) removed
    // from the message.
    LlmError redacted(const QString &secret) const;
};

// Stable lower-case name of an error code for logs and the request log: "rate_limited", "timeout"…
QString errorCodeName(ErrorCode code);

// Removes `secret` and anything that looks like an API key (sk-…, AIza…) from text meant for people.
QString redactSecrets(const QString &text, const QString &secret = QString());

// A reply, or the error that replaced it.
class LlmOutcome
{
public:
    LlmOutcome() = default;
    LlmOutcome(LlmReply reply)
        : m_reply(std::move(reply))
    {
    }
    LlmOutcome(LlmError error)
        : m_error(std::move(error))
    {
    }

    bool isOk() const { return m_reply.has_value(); }
    explicit operator bool() const { return isOk(); }
    const LlmReply &reply() const { return *m_reply; }
    const LlmError &error() const { return m_error; }
    ErrorCode code() const { return m_error.error.code; }
    Result<LlmReply> toResult() const;

private:
    std::optional<LlmReply> m_reply;
    LlmError m_error { Error { ErrorCode::Internal, QString() } };
};

} // namespace Corrige::Core

Q_DECLARE_METATYPE(Corrige::Core::LlmError)
Q_DECLARE_METATYPE(Corrige::Core::LlmOutcome)
