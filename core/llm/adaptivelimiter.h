#pragma once

#include <QtGlobal>

namespace Corrige::Core {

// Decides how many model requests may be in flight, with additive increase and multiplicative decrease:
// a rate-limit answer halves the limit (never below 1) and blocks new starts until the server's retry hint
// has passed; every `limit` successes in a row raise it by one, up to the configured cap. Pure logic: the
// caller passes the time (any monotonic milliseconds) and owns the timers.
class AdaptiveLimiter
{
public:
    explicit AdaptiveLimiter(int cap = 4);

    int cap() const { return m_cap; }
    void setCap(int cap); // also resets the current limit to the new cap
    int limit() const { return m_limit; }
    int inFlight() const { return m_inFlight; }
    qint64 notBefore() const { return m_notBefore; }

    bool canStart(qint64 nowMs) const;
    // Milliseconds until the rate-limit pause is over (0 when there is none). A free slot is also needed.
    qint64 msUntilOpen(qint64 nowMs) const;

    // Book-keeping of one request. onStarted returns a ticket to hand back to onRateLimited.
    quint64 onStarted();
    void onFinished();

    void onSuccess();
    // Halves the limit once per wave: requests that were already in flight when the limit dropped do not
    // halve it again. The pause lasts `retryAfterMs` (or `fallbackPauseMs` when the server gave no hint).
    void onRateLimited(qint64 nowMs, qint64 retryAfterMs, quint64 ticket);

    static constexpr qint64 fallbackPauseMs = 1000;

private:
    int m_cap = 4;
    int m_limit = 4;
    int m_inFlight = 0;
    int m_successes = 0;
    qint64 m_notBefore = 0;
    quint64 m_epoch = 0; // bumped at every decrease
};

} // namespace Corrige::Core
