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
    return m_inFlight < m_limit && msUntilOpen(nowMs) == 0;
}

qint64 AdaptiveLimiter::msUntilOpen(qint64 nowMs) const
{
    qint64 open = m_notBefore;
    if (m_lastStart >= 0 && m_intervalMs > 0)
        open = std::max(open, m_lastStart + qint64(m_intervalMs));
    return std::max<qint64>(0, open - nowMs);
}

quint64 AdaptiveLimiter::onStarted(qint64 nowMs)
{
    ++m_inFlight;
    if (nowMs >= 0) {
        // The first start after a pause: every request of the refused wave has had its answer by now.
        if (m_windowEnd >= 0 && nowMs >= m_notBefore)
            learnPace();
        m_lastStart = nowMs;
    }
    return m_epoch;
}

void AdaptiveLimiter::learnPace()
{
    // The server said a slot frees within its hint: spacing starts wider than that would only slow the run.
    const double ceiling = double(std::max<qint64>(m_pauseMs, minimumIntervalMs));
    if (m_accepted.size() >= 2) {
        const double window = double(m_windowEnd - m_accepted.front());
        m_intervalMs = std::max(m_intervalMs, 1.05 * window / double(m_accepted.size()));
        m_paceMeasured = true;
    } else {
        // Too few answers to measure the window (a burst of refusals): a guess, which successes undo quickly.
        m_intervalMs = std::max(2 * m_intervalMs, double(minimumIntervalMs));
        m_paceMeasured = false;
    }
    m_intervalMs = std::min(m_intervalMs, ceiling);
    m_accepted.clear();
    m_windowEnd = -1;
}

void AdaptiveLimiter::onFinished()
{
    Q_ASSERT(m_inFlight > 0);
    m_inFlight = std::max(0, m_inFlight - 1);
}

void AdaptiveLimiter::onSuccess(qint64 startedAtMs)
{
    if (startedAtMs >= 0) {
        m_accepted.push_back(startedAtMs);
        if (m_accepted.size() > 4096)
            m_accepted.pop_front();
    }
    // A measured pace shrinks slowly, to probe for a higher limit; a guessed one is gone after a few seconds of
    // successes.
    m_intervalMs *= m_paceMeasured ? 0.998 : 0.7;
    if (m_intervalMs < 1.0)
        m_intervalMs = 0.0;
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
    const qint64 pause = retryAfterMs >= 0 ? retryAfterMs : fallbackPauseMs;
    if (ticket == m_epoch) {
        m_limit = std::max(1, m_limit / 2);
        ++m_epoch;
        if (m_windowEnd < 0)
            m_windowEnd = nowMs + pause;
        m_pauseMs = pause;
    } else {
        m_pauseMs = std::max(m_pauseMs, pause);
    }
    m_notBefore = std::max(m_notBefore, nowMs + pause);
}

} // namespace Corrige::Core
