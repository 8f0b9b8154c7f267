#include "core/llm/llmerrors.h"

#include <QCoreApplication>

namespace Corrige::Core {

namespace {

constexpr int maxDetailLength = 300;

// The provider's name at the start of a sentence.
QString subject(ProviderKind kind)
{
    QString name = providerDisplayName(kind);
    if (!name.isEmpty())
        name[0] = name.at(0).toUpper();
    return name;
}

QString withDetail(const QString &message, const QString &detail)
{
    const QString said = LlmErrors::serverSaid(detail);
    return said.isEmpty() ? message : message + QLatin1Char(' ') + said;
}

} // namespace

QString LlmErrors::keyVariable(ProviderKind kind)
{
    switch (kind) {
    case ProviderKind::Gemini:
        return QStringLiteral("GEMINI_API_KEY");
    case ProviderKind::OpenAi:
        return QStringLiteral("OPENAI_API_KEY");
    case ProviderKind::Compatible:
        return QStringLiteral("CORRIGE_API_KEY");
    }
    return QString();
}

QString LlmErrors::serverSaid(const QString &detail)
{
    QString text = redactSecrets(detail.simplified());
    if (text.isEmpty())
        return QString();
    if (text.size() > maxDetailLength)
        text = text.left(maxDetailLength - 1) + QChar(0x2026);
    //: %1 is the error message of the model's server, usually in English
    return QCoreApplication::translate("LlmErrors", "The server said: \u201c%1\u201d").arg(text);
}

LlmError LlmErrors::missingKey(ProviderKind kind, int httpStatus, const QString &detail)
{
    return LlmError::make(ErrorCode::MissingKey,
                          withDetail(QCoreApplication::translate(
                                         "LlmErrors",
                                         "%1 received no API key (HTTP %2). Enter the key in the provider settings "
                                         "or set the %3 environment variable.")
                                         .arg(subject(kind))
                                         .arg(httpStatus)
                                         .arg(keyVariable(kind)),
                                     detail),
                          httpStatus);
}

LlmError LlmErrors::invalidKey(ProviderKind kind, int httpStatus, const QString &detail)
{
    return LlmError::make(ErrorCode::InvalidKey,
                          withDetail(QCoreApplication::translate(
                                         "LlmErrors",
                                         "%1 refused the API key (HTTP %2). Check the key in the provider settings "
                                         "or in the %3 environment variable: it may be mistyped, revoked, or not "
                                         "allowed to use this model.")
                                         .arg(subject(kind))
                                         .arg(httpStatus)
                                         .arg(keyVariable(kind)),
                                     detail),
                          httpStatus);
}

LlmError LlmErrors::quotaExhausted(ProviderKind kind, int httpStatus, const QString &detail)
{
    return LlmError::make(
        ErrorCode::QuotaExhausted,
        withDetail(QCoreApplication::translate(
                       "LlmErrors",
                       "%1 says the account has used up its quota or credit (HTTP %2); retrying will not "
                       "help. Check the plan and billing on the provider's website, then grade "
                       "again: Corrige resumes where it stopped.")
                       .arg(subject(kind))
                       .arg(httpStatus),
                   detail),
        httpStatus);
}

LlmError LlmErrors::rateLimited(ProviderKind kind, int httpStatus, qint64 retryAfterMs, const QString &detail)
{
    return LlmError::make(ErrorCode::RateLimited,
                          withDetail(QCoreApplication::translate(
                                         "LlmErrors",
                                         "%1 is limiting the request rate (HTTP %2). Corrige waits and tries again "
                                         "by itself; if this keeps happening, lower the number of parallel "
                                         "requests.")
                                         .arg(subject(kind))
                                         .arg(httpStatus),
                                     detail),
                          httpStatus, true, retryAfterMs);
}

LlmError LlmErrors::serverError(ProviderKind kind, int httpStatus, const QString &detail)
{
    return LlmError::make(ErrorCode::ServerError,
                          withDetail(QCoreApplication::translate(
                                         "LlmErrors",
                                         "%1 had a temporary problem (HTTP %2). Corrige tries again by itself; if it "
                                         "persists, grade again later.")
                                         .arg(subject(kind))
                                         .arg(httpStatus),
                                     detail),
                          httpStatus, true);
}

LlmError LlmErrors::badRequest(ProviderKind kind, int httpStatus, const QString &detail)
{
    return LlmError::make(ErrorCode::InvalidInput,
                          withDetail(QCoreApplication::translate(
                                         "LlmErrors",
                                         "%1 rejected the request (HTTP %2). Check the model and server address in "
                                         "the provider settings; a page image may also be unreadable for this "
                                         "model.")
                                         .arg(subject(kind))
                                         .arg(httpStatus),
                                     detail),
                          httpStatus);
}

LlmError LlmErrors::modelNotFound(ProviderKind kind, int httpStatus, const QString &detail)
{
    return LlmError::make(
        ErrorCode::InvalidInput,
        withDetail(QCoreApplication::translate("LlmErrors",
                                               "%1 does not offer the requested model, or the server address is wrong "
                                               "(HTTP %2). Check the model name and server address in the provider "
                                               "settings.")
                       .arg(subject(kind))
                       .arg(httpStatus),
                   detail),
        httpStatus);
}

LlmError LlmErrors::badResponse(ProviderKind kind, int httpStatus, const QString &why)
{
    return LlmError::make(
        ErrorCode::BadResponse,
        QCoreApplication::translate("LlmErrors",
                                    "%1 sent a reply Corrige could not use (%2). Corrige tries once more; if it keeps "
                                    "happening, choose another model.")
            .arg(subject(kind), redactSecrets(why)),
        httpStatus, true);
}

LlmError LlmErrors::truncated(ProviderKind kind, const QString &finishReason)
{
    return LlmError::make(ErrorCode::Truncated,
                          QCoreApplication::translate(
                              "LlmErrors",
                              "%1 stopped before the end of its reply (%2): it reached the maximum output length. "
                              "Raise the maximum output tokens in the provider settings.")
                              .arg(subject(kind), finishReason),
                          200, true);
}

LlmError LlmErrors::safetyBlocked(ProviderKind kind, const QString &reason)
{
    return LlmError::make(ErrorCode::SafetyBlocked,
                          QCoreApplication::translate(
                              "LlmErrors",
                              "%1 blocked this request with its safety filter (%2). Grade this copy by hand, or try "
                              "another provider.")
                              .arg(subject(kind), reason),
                          200);
}

LlmError LlmErrors::refused(ProviderKind kind, const QString &refusal)
{
    return LlmError::make(
        ErrorCode::Refused,
        withDetail(QCoreApplication::translate("LlmErrors",
                                               "%1 declined to answer. Grade this copy by hand, or try another model.")
                       .arg(subject(kind)),
                   refusal),
        200);
}

LlmError LlmErrors::timeout(ProviderKind kind, int timeoutMs)
{
    const int seconds = (timeoutMs + 999) / 1000;
    return LlmError::make(
        ErrorCode::Timeout,
        QCoreApplication::translate("LlmErrors",
                                    "%1 did not answer within %n second(s). Corrige tries again by itself; if it keeps "
                                    "happening, raise the timeout in the provider settings or check the connection.",
                                    nullptr, seconds)
            .arg(subject(kind)),
        0, true);
}

LlmError LlmErrors::network(ProviderKind kind, const QString &what, bool retryable)
{
    return LlmError::make(ErrorCode::Network,
                          QCoreApplication::translate(
                              "LlmErrors",
                              "Could not talk to %1: %2. Check the internet connection and the server address in the "
                              "provider settings.")
                              .arg(providerDisplayName(kind), redactSecrets(what)),
                          0, retryable);
}

LlmError LlmErrors::cancelled()
{
    return LlmError::make(ErrorCode::Cancelled, QCoreApplication::translate("LlmErrors", "Cancelled."));
}

LlmError LlmErrors::forHttpStatus(ProviderKind kind, int httpStatus, const QString &detail)
{
    switch (httpStatus) {
    case 401:
        return invalidKey(kind, httpStatus, detail);
    case 403:
        return invalidKey(kind, httpStatus, detail);
    case 404:
        return modelNotFound(kind, httpStatus, detail);
    case 408:
    case 409:
    case 425:
    case 499:
        return serverError(kind, httpStatus, detail);
    case 429:
        return rateLimited(kind, httpStatus, -1, detail);
    default:
        break;
    }
    if (httpStatus >= 500)
        return serverError(kind, httpStatus, detail);
    if (httpStatus >= 300 && httpStatus < 400) {
        return LlmError::make(ErrorCode::InvalidInput,
                              QCoreApplication::translate(
                                  "LlmErrors",
                                  "%1 answered with a redirection (HTTP %2), which Corrige does not follow so the key "
                                  "is never sent elsewhere. Check the server address in the provider settings.")
                                  .arg(subject(kind))
                                  .arg(httpStatus),
                              httpStatus);
    }
    return badRequest(kind, httpStatus, detail);
}

} // namespace Corrige::Core
