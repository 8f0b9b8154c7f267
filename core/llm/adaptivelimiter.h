#pragma once

#include <QtGlobal>

#include <deque>

namespace Corrige::Core {

// Decides how many model requests may be in flight, with additive increase and multiplicative decrease:
// a rate-limit answer halves the limit (never below 1) and blocks new starts until the server's retry hint
// has passed; every `limit` successes in a row raise it by one, up to the configured cap.
//
// It also paces starts once a server has rate-limited: the requests it accepted since the previous pause,
// and the moment its hint says a slot frees, give its window and how many requests fit in it; starts are
// then spaced a little wider than that (5 %), so the run keeps close to the server's rate without being
// refused again and again. The spacing shrinks slowly with every success, to find a higher limit. When too few
// requests were accepted to measure the window (a burst of refusals), the spacing is a guess that doubles at
// each pause and shrinks fast with successes. Either way it never exceeds the server's retry hint.
//
// Pure logic: the caller passes the time (any monotonic milliseconds) and owns the timers.
class AdaptiveLimiter
{
public:
    explicit AdaptiveLimiter(int cap = 4);

    int cap() const { return m_cap; }
    void setCap(int cap); // also resets the current limit to the new cap
    int limit() const { return m_limit; }
    int inFlight() const { return m_inFlight; }
    qint64 notBefore() const { return m_notBefore; }

    double startIntervalMs() const { return m_intervalMs; }

    bool canStart(qint64 nowMs) const;
    // Milliseconds until the rate-limit pause and the pacing interval are over (0 when there are none).
    // A free slot is also needed.
    qint64 msUntilOpen(qint64 nowMs) const;

    // Book-keeping of one request. onStarted returns a ticket to hand back to onRateLimited; give it the
    // time so that starts can be paced.
    quint64 onStarted(qint64 nowMs = -1);
    void onFinished();

    // `startedAtMs`: when the successful request started (for pacing), or -1.
    void onSuccess(qint64 startedAtMs = -1);
    // Halves the limit once per wave: requests that were already in flight when the limit dropped do not
    // halve it again. The pause lasts `retryAfterMs` (or `fallbackPauseMs` when the server gave no hint).
    void onRateLimited(qint64 nowMs, qint64 retryAfterMs, quint64 ticket);

    static constexpr qint64 fallbackPauseMs = 1000;
    static constexpr qint64 minimumIntervalMs = 100; // the first guess, and the lowest ceiling

private:
    void learnPace();

    int m_cap = 4;
    int m_limit = 4;
    int m_inFlight = 0;
    int m_successes = 0;
    qint64 m_notBefore = 0;
    quint64 m_epoch = 0; // bumped at every decrease
    std::deque<qint64> m_accepted;  // start times of requests the server accepted since the last pause
    double m_intervalMs = 0.0;      // minimum spacing of starts; 0 until the server rate-limits
    qint64 m_lastStart = -1;
    qint64 m_windowEnd = -1;        // when the server said a slot frees, until the pace is learned
    qint64 m_pauseMs = 0;           // the longest pause the server asked for in its last wave of refusals
    bool m_paceMeasured = false;    // the spacing comes from a measured window, not a guess
};

} // namespace Corrige::Core
