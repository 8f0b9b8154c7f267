#pragma once

#include <QString>

#include "core/llm/llmerror.h"
#include "core/llm/providerconfig.h"

namespace Corrige::Core {

// Builds the typed, teacher-readable errors of the model layer, so every provider words them the same way.
// `detail` is what the server said; it is shortened and cleaned of anything shaped like a key.
class LlmErrors
{
public:
    static LlmError missingKey(ProviderKind kind, int httpStatus, const QString &detail = QString());
    static LlmError invalidKey(ProviderKind kind, int httpStatus, const QString &detail = QString());
    static LlmError quotaExhausted(ProviderKind kind, int httpStatus, const QString &detail = QString());
    static LlmError rateLimited(ProviderKind kind, int httpStatus, qint64 retryAfterMs,
                                const QString &detail = QString());
    static LlmError serverError(ProviderKind kind, int httpStatus, const QString &detail = QString());
    static LlmError badRequest(ProviderKind kind, int httpStatus, const QString &detail = QString());
    static LlmError modelNotFound(ProviderKind kind, int httpStatus, const QString &detail = QString());
    static LlmError badResponse(ProviderKind kind, int httpStatus, const QString &why);
    static LlmError truncated(ProviderKind kind, const QString &finishReason);
    static LlmError safetyBlocked(ProviderKind kind, const QString &reason);
    static LlmError refused(ProviderKind kind, const QString &refusal);
    static LlmError timeout(ProviderKind kind, int timeoutMs);
    static LlmError network(ProviderKind kind, const QString &what, bool retryable);
    static LlmError cancelled();

    // Maps any non-2xx status without a more specific reading: 401/403 keys, 404 model, 408/409/5xx retryable…
    static LlmError forHttpStatus(ProviderKind kind, int httpStatus, const QString &detail = QString());

    // The environment variable that holds the key of a provider.
    static QString keyVariable(ProviderKind kind);
    // "The server said: “…”", shortened and redacted; empty for an empty detail.
    static QString serverSaid(const QString &detail);
};

} // namespace Corrige::Core
