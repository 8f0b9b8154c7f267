#include "core/llm/adaptivelimiter.h"

#include <algorithm>

namespace Corrige::Core {

AdaptiveLimiter::AdaptiveLimiter(int cap)
{
    setCap(cap);
}

void AdaptiveLimiter::setCap(int cap)
{
    m_cap = std::max(1, cap);
    m_limit = m_cap;
    m_successes = 0;
}

bool AdaptiveLimiter::canStart(qint64 nowMs) const
{
    return m_inFlight < m_limit && nowMs >= m_notBefore;
}

qint64 AdaptiveLimiter::msUntilOpen(qint64 nowMs) const
{
    return std::max<qint64>(0, m_notBefore - nowMs);
}

quint64 AdaptiveLimiter::onStarted()
{
    ++m_inFlight;
    return m_epoch;
}

void AdaptiveLimiter::onFinished()
{
    Q_ASSERT(m_inFlight > 0);
    m_inFlight = std::max(0, m_inFlight - 1);
}

void AdaptiveLimiter::onSuccess()
{
    if (m_limit >= m_cap)
        return;
    if (++m_successes >= m_limit) {
        ++m_limit;
        m_successes = 0;
    }
}

void AdaptiveLimiter::onRateLimited(qint64 nowMs, qint64 retryAfterMs, quint64 ticket)
{
    m_successes = 0;
    if (ticket == m_epoch) {
        m_limit = std::max(1, m_limit / 2);
        ++m_epoch;
    }
    const qint64 pause = retryAfterMs >= 0 ? retryAfterMs : fallbackPauseMs;
    m_notBefore = std::max(m_notBefore, nowMs + pause);
}

} // namespace Corrige::Core
