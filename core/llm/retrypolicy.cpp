#include "core/llm/retrypolicy.h"

#include <algorithm>
#include <cmath>

#include <QRandomGenerator>

namespace Corrige::Core {

bool RetryPolicy::isContentFailure(ErrorCode code)
{
    return code == ErrorCode::BadResponse || code == ErrorCode::Truncated;
}

bool RetryPolicy::shouldRetry(int attempt, const LlmError &error, int contentFailures) const
{
    if (!error.retryable || attempt >= maxAttempts)
        return false;
    switch (error.code()) {
    case ErrorCode::MissingKey:
    case ErrorCode::InvalidKey:
    case ErrorCode::QuotaExhausted:
    case ErrorCode::SafetyBlocked:
    case ErrorCode::Refused:
    case ErrorCode::Cancelled:
    case ErrorCode::InvalidInput:
        return false;
    default:
        break;
    }
    if (isContentFailure(error.code()) && contentFailures > maxContentRetries)
        return false;
    if (error.retryAfterMs > maxHonouredHintMs)
        return false;
    return true;
}

qint64 RetryPolicy::delayFor(int attempt, const LlmError &error, double jitter) const
{
    jitter = std::clamp(jitter, 0.0, 1.0);
    if (error.retryAfterMs >= 0) {
        // Never earlier than asked; a little later spreads the requests that were told the same thing.
        const qint64 spread = std::min<qint64>(error.retryAfterMs / 10, 1000);
        return error.retryAfterMs + qint64(std::llround(spread * jitter));
    }
    const int exponent = std::clamp(attempt - 1, 0, 30);
    const double backoff = std::min(double(maxDelayMs), double(baseDelayMs) * std::pow(2.0, exponent));
    // openai-python's shape: up to a quarter shorter, so retries of simultaneous failures spread out.
    return std::max<qint64>(0, std::llround(backoff * (1.0 - 0.25 * jitter)));
}

qint64 RetryPolicy::delayFor(int attempt, const LlmError &error) const
{
    return delayFor(attempt, error, QRandomGenerator::global()->generateDouble());
}

} // namespace Corrige::Core
