#include "core/llm/llmerror.h"

#include <QRegularExpression>

namespace Corrige::Core {

LlmError LlmError::make(ErrorCode code, QString message, int httpStatus, bool retryable, qint64 retryAfterMs)
{
    LlmError error;
    error.error = Error { code, std::move(message) };
    error.httpStatus = httpStatus;
    error.retryable = retryable;
    error.retryAfterMs = retryAfterMs;
    return error;
}

LlmError LlmError::redacted(const QString &secret) const
{
    LlmError copy = *this;
    copy.error.message = redactSecrets(error.message, secret);
    return copy;
}

QString redactSecrets(const QString &text, const QString &secret)
{
    QString result = text;
    const QString trimmed = secret.trimmed();
    if (trimmed.size() >= 4)
        result.replace(trimmed, QStringLiteral("[key hidden]"));
    // Shapes of keys that servers echo back in error messages, whole or masked ("sk-abc***xyz").
    static const QRegularExpression keyShapes(
        QStringLiteral("(?:\\bsk-[A-Za-z0-9_*\\-]{4,}|\\bAIza[0-9A-Za-z_\\-]{8,}|(?<=Bearer )[^\\s\"']{4,})"));
    result.replace(keyShapes, QStringLiteral("[key hidden]"));
    return result;
}

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::None:
        return QStringLiteral("none");
    case ErrorCode::InvalidInput:
        return QStringLiteral("invalid_input");
    case ErrorCode::FileNotFound:
        return QStringLiteral("file_not_found");
    case ErrorCode::FileUnreadable:
        return QStringLiteral("file_unreadable");
    case ErrorCode::NotAPdf:
        return QStringLiteral("not_a_pdf");
    case ErrorCode::DamagedPdf:
        return QStringLiteral("damaged_pdf");
    case ErrorCode::PasswordRequired:
        return QStringLiteral("password_required");
    case ErrorCode::WrongPassword:
        return QStringLiteral("wrong_password");
    case ErrorCode::EmptyPdf:
        return QStringLiteral("empty_pdf");
    case ErrorCode::BadPageSplit:
        return QStringLiteral("bad_page_split");
    case ErrorCode::NotASession:
        return QStringLiteral("not_a_session");
    case ErrorCode::CorruptSession:
        return QStringLiteral("corrupt_session");
    case ErrorCode::NewerSession:
        return QStringLiteral("newer_session");
    case ErrorCode::SessionLocked:
        return QStringLiteral("session_locked");
    case ErrorCode::Database:
        return QStringLiteral("database");
    case ErrorCode::Network:
        return QStringLiteral("network");
    case ErrorCode::Timeout:
        return QStringLiteral("timeout");
    case ErrorCode::Cancelled:
        return QStringLiteral("cancelled");
    case ErrorCode::MissingKey:
        return QStringLiteral("missing_key");
    case ErrorCode::InvalidKey:
        return QStringLiteral("invalid_key");
    case ErrorCode::QuotaExhausted:
        return QStringLiteral("quota_exhausted");
    case ErrorCode::RateLimited:
        return QStringLiteral("rate_limited");
    case ErrorCode::ServerError:
        return QStringLiteral("server_error");
    case ErrorCode::BadResponse:
        return QStringLiteral("bad_response");
    case ErrorCode::Refused:
        return QStringLiteral("refused");
    case ErrorCode::Truncated:
        return QStringLiteral("truncated");
    case ErrorCode::SafetyBlocked:
        return QStringLiteral("safety_blocked");
    case ErrorCode::Internal:
        return QStringLiteral("internal");
    }
    return QStringLiteral("unknown");
}

Result<LlmReply> LlmOutcome::toResult() const
{
    if (m_reply)
        return *m_reply;
    return m_error.error;
}

} // namespace Corrige::Core
