#pragma once

#include "core/llm/llmerror.h"

namespace Corrige::Core {

// When to try a failed model request again, and how long to wait first.
//
// Retried: rate limits, timeouts, connection errors, 408/409/5xx, up to maxAttempts in all. A malformed,
// off-schema or cut-off reply is retried at most maxContentRetries times (temperature 0 makes a second
// identical failure likely). Never retried: key, quota, safety, refusal and bad-request errors.
// The wait is the server's own hint when it gave one (Retry-After, RetryInfo.retryDelay), otherwise a
// jittered exponential backoff. A hint longer than maxHonouredHintMs ends the request instead: the teacher
// is better served by a clear error than by a run that silently waits for an hour.
struct RetryPolicy {
    int maxAttempts = 3;
    int baseDelayMs = 500;
    int maxDelayMs = 30000;
    int maxContentRetries = 1;
    qint64 maxHonouredHintMs = 120000;

    // `attempt` is the 1-based number of the attempt that just failed with `error`; `contentFailures` counts
    // the BadResponse/Truncated failures of this request so far, this one included.
    bool shouldRetry(int attempt, const LlmError &error, int contentFailures = 0) const;

    // Milliseconds to wait before the attempt after `attempt`. `jitter` in [0, 1) makes the wait
    // deterministic for tests; the overload without it draws one.
    qint64 delayFor(int attempt, const LlmError &error, double jitter) const;
    qint64 delayFor(int attempt, const LlmError &error) const;

    static bool isContentFailure(ErrorCode code);
};

} // namespace Corrige::Core
