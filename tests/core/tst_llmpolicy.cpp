#include <QtTest>

#include "core/llm/adaptivelimiter.h"
#include "core/llm/retryhint.h"
#include "core/llm/llmerrors.h"
#include "core/llm/retrypolicy.h"

using namespace Corrige::Core;

namespace {

LlmError errorOf(ErrorCode code, bool retryable, qint64 hintMs = -1)
{
    return LlmError::make(code, QStringLiteral("x"), 0, retryable, hintMs);
}

} // namespace

class TstLlmPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void retry_decidesByErrorAndAttempt_data();
    void retry_decidesByErrorAndAttempt();
    void retry_backoffIsExponentialJitteredAndCapped_data();
    void retry_backoffIsExponentialJitteredAndCapped();
    void retry_serverHintWins();
    void retry_randomJitterStaysInRange();
    void retry_parsedErrorsFollowThePolicy();

    void limiter_neverExceedsLimit();
    void limiter_halvesOncePerWaveAndPauses();
    void limiter_growsBackAfterSuccesses();
    void limiter_neverBelowOne();
    void limiter_capChangeResets();
    void limiter_pacesStartsToTheServersWindow();
    void limiter_spacingAfterABurstIsCappedAndRecovers();
    void retryHint_hugeNumbersStayInRange();
};

void TstLlmPolicy::retry_decidesByErrorAndAttempt_data()
{
    QTest::addColumn<int>("attempt");
    QTest::addColumn<int>("code");
    QTest::addColumn<bool>("retryable");
    QTest::addColumn<qlonglong>("hint");
    QTest::addColumn<int>("contentFailures");
    QTest::addColumn<bool>("retry");
    const auto row = [](const char *name) -> QTestData & { return QTest::newRow(name); };
    row("rate limited, 1st") << 1 << int(ErrorCode::RateLimited) << true << 2000LL << 0 << true;
    row("rate limited, 2nd") << 2 << int(ErrorCode::RateLimited) << true << -1LL << 0 << true;
    row("rate limited, last attempt") << 3 << int(ErrorCode::RateLimited) << true << -1LL << 0 << false;
    row("hint too long") << 1 << int(ErrorCode::RateLimited) << true << 3600000LL << 0 << false;
    row("hint at the limit") << 1 << int(ErrorCode::RateLimited) << true << 120000LL << 0 << true;
    row("server error") << 1 << int(ErrorCode::ServerError) << true << -1LL << 0 << true;
    row("server error told not to") << 1 << int(ErrorCode::ServerError) << false << -1LL << 0 << false;
    row("timeout") << 2 << int(ErrorCode::Timeout) << true << -1LL << 0 << true;
    row("network") << 1 << int(ErrorCode::Network) << true << -1LL << 0 << true;
    row("tls failure") << 1 << int(ErrorCode::Network) << false << -1LL << 0 << false;
    row("malformed, first") << 1 << int(ErrorCode::BadResponse) << true << -1LL << 1 << true;
    row("malformed, second") << 2 << int(ErrorCode::BadResponse) << true << -1LL << 2 << false;
    row("malformed after a 503") << 2 << int(ErrorCode::BadResponse) << true << -1LL << 1 << true;
    row("truncated, first") << 1 << int(ErrorCode::Truncated) << true << -1LL << 1 << true;
    row("truncated, second") << 2 << int(ErrorCode::Truncated) << true << -1LL << 2 << false;
    row("quota") << 1 << int(ErrorCode::QuotaExhausted) << true << 1000LL << 0 << false;
    row("invalid key") << 1 << int(ErrorCode::InvalidKey) << true << -1LL << 0 << false;
    row("missing key") << 1 << int(ErrorCode::MissingKey) << true << -1LL << 0 << false;
    row("safety") << 1 << int(ErrorCode::SafetyBlocked) << true << -1LL << 0 << false;
    row("refused") << 1 << int(ErrorCode::Refused) << true << -1LL << 0 << false;
    row("cancelled") << 1 << int(ErrorCode::Cancelled) << true << -1LL << 0 << false;
    row("bad request") << 1 << int(ErrorCode::InvalidInput) << true << -1LL << 0 << false;
}

void TstLlmPolicy::retry_decidesByErrorAndAttempt()
{
    QFETCH(int, attempt);
    QFETCH(int, code);
    QFETCH(bool, retryable);
    QFETCH(qlonglong, hint);
    QFETCH(int, contentFailures);
    QFETCH(bool, retry);
    const RetryPolicy policy;
    QCOMPARE(policy.shouldRetry(attempt, errorOf(ErrorCode(code), retryable, hint), contentFailures), retry);
}

void TstLlmPolicy::retry_backoffIsExponentialJitteredAndCapped_data()
{
    QTest::addColumn<int>("attempt");
    QTest::addColumn<double>("jitter");
    QTest::addColumn<qlonglong>("delay");
    QTest::newRow("1, no jitter") << 1 << 0.0 << 500LL;
    QTest::newRow("2, no jitter") << 2 << 0.0 << 1000LL;
    QTest::newRow("3, no jitter") << 3 << 0.0 << 2000LL;
    QTest::newRow("3, full jitter") << 3 << 1.0 << 1500LL;
    QTest::newRow("3, half jitter") << 3 << 0.5 << 1750LL;
    QTest::newRow("8 capped") << 8 << 0.0 << 30000LL;
    QTest::newRow("40 capped") << 40 << 0.0 << 30000LL;
    QTest::newRow("40 capped, jitter") << 40 << 1.0 << 22500LL;
}

void TstLlmPolicy::retry_backoffIsExponentialJitteredAndCapped()
{
    QFETCH(int, attempt);
    QFETCH(double, jitter);
    QFETCH(qlonglong, delay);
    const RetryPolicy policy;
    QCOMPARE(policy.delayFor(attempt, errorOf(ErrorCode::ServerError, true), jitter), delay);
}

void TstLlmPolicy::retry_serverHintWins()
{
    const RetryPolicy policy;
    const LlmError hinted = errorOf(ErrorCode::RateLimited, true, 15000);
    QCOMPARE(policy.delayFor(1, hinted, 0.0), 15000);
    QCOMPARE(policy.delayFor(1, hinted, 1.0), 16000); // never earlier than asked, spread by at most 1 s
    // Longer than maxDelayMs still wins: the server knows when it will accept again.
    QCOMPARE(policy.delayFor(1, errorOf(ErrorCode::RateLimited, true, 58930), 0.0), 58930);
    QCOMPARE(policy.delayFor(3, errorOf(ErrorCode::RateLimited, true, 0), 1.0), 0);
    QCOMPARE(policy.delayFor(1, errorOf(ErrorCode::RateLimited, true, 200), 1.0), 220);
}

void TstLlmPolicy::retry_randomJitterStaysInRange()
{
    RetryPolicy policy;
    policy.baseDelayMs = 1000;
    for (int i = 0; i < 200; ++i) {
        const qint64 delay = policy.delayFor(2, errorOf(ErrorCode::Timeout, true));
        QVERIFY2(delay >= 1500 && delay <= 2000, qPrintable(QString::number(delay)));
        const qint64 hinted = policy.delayFor(2, errorOf(ErrorCode::RateLimited, true, 3000));
        QVERIFY(hinted >= 3000 && hinted <= 3300);
    }
}

void TstLlmPolicy::retry_parsedErrorsFollowThePolicy()
{
    const RetryPolicy policy;
    QVERIFY(policy.shouldRetry(1, LlmErrors::rateLimited(ProviderKind::Gemini, 429, 15000)));
    QVERIFY(policy.shouldRetry(1, LlmErrors::serverError(ProviderKind::OpenAi, 503)));
    QVERIFY(policy.shouldRetry(1, LlmErrors::timeout(ProviderKind::OpenAi, 1000)));
    QVERIFY(policy.shouldRetry(1, LlmErrors::badResponse(ProviderKind::Gemini, 200, QStringLiteral("x")), 1));
    QVERIFY(policy.shouldRetry(1, LlmErrors::truncated(ProviderKind::Gemini, QStringLiteral("MAX_TOKENS")), 1));
    QVERIFY(!policy.shouldRetry(1, LlmErrors::quotaExhausted(ProviderKind::OpenAi, 429)));
    QVERIFY(!policy.shouldRetry(1, LlmErrors::invalidKey(ProviderKind::OpenAi, 401)));
    QVERIFY(!policy.shouldRetry(1, LlmErrors::safetyBlocked(ProviderKind::Gemini, QStringLiteral("SAFETY"))));
    QVERIFY(!policy.shouldRetry(1, LlmErrors::refused(ProviderKind::OpenAi, QStringLiteral("no"))));
    QVERIFY(!policy.shouldRetry(1, LlmErrors::badRequest(ProviderKind::OpenAi, 400)));
    QVERIFY(!policy.shouldRetry(1, LlmErrors::cancelled()));
}

void TstLlmPolicy::limiter_neverExceedsLimit()
{
    AdaptiveLimiter limiter(3);
    QCOMPARE(limiter.cap(), 3);
    QCOMPARE(limiter.limit(), 3);
    int started = 0;
    while (limiter.canStart(0)) {
        limiter.onStarted();
        ++started;
        QVERIFY(started <= 3);
    }
    QCOMPARE(started, 3);
    QCOMPARE(limiter.inFlight(), 3);
    limiter.onFinished();
    QVERIFY(limiter.canStart(0));
    limiter.onStarted();
    QVERIFY(!limiter.canStart(0));
}

void TstLlmPolicy::limiter_halvesOncePerWaveAndPauses()
{
    AdaptiveLimiter limiter(8);
    QList<quint64> tickets;
    for (int i = 0; i < 8; ++i)
        tickets.append(limiter.onStarted());

    // The whole wave comes back 429: the limit halves once, not eight times.
    for (int i = 0; i < 8; ++i) {
        limiter.onFinished();
        limiter.onRateLimited(1000, 5000, tickets.at(i));
    }
    QCOMPARE(limiter.limit(), 4);
    QCOMPARE(limiter.notBefore(), 6000);
    QVERIFY(!limiter.canStart(5999));
    QCOMPARE(limiter.msUntilOpen(2000), 4000);
    QVERIFY(limiter.canStart(6000));
    QCOMPARE(limiter.msUntilOpen(7000), 0);

    // A request started after the decrease that is still refused halves again.
    const quint64 ticket = limiter.onStarted();
    limiter.onFinished();
    limiter.onRateLimited(7000, -1, ticket);
    QCOMPARE(limiter.limit(), 2);
    QCOMPARE(limiter.notBefore(), 7000 + AdaptiveLimiter::fallbackPauseMs);

    // A shorter hint never shortens a pause already set.
    limiter.onRateLimited(7000, 10, ticket);
    QCOMPARE(limiter.notBefore(), 7000 + AdaptiveLimiter::fallbackPauseMs);
}

void TstLlmPolicy::limiter_growsBackAfterSuccesses()
{
    AdaptiveLimiter limiter(4);
    limiter.onRateLimited(0, 0, limiter.onStarted());
    limiter.onFinished();
    QCOMPARE(limiter.limit(), 2);
    limiter.onSuccess();
    QCOMPARE(limiter.limit(), 2);
    limiter.onSuccess();
    QCOMPARE(limiter.limit(), 3); // after `limit` successes in a row
    limiter.onSuccess();
    limiter.onSuccess();
    QCOMPARE(limiter.limit(), 3);
    limiter.onSuccess();
    QCOMPARE(limiter.limit(), 4);
    for (int i = 0; i < 20; ++i)
        limiter.onSuccess();
    QCOMPARE(limiter.limit(), 4); // never above the cap

    // A rate limit in the middle of a run of successes starts the count again.
    limiter.onRateLimited(0, 0, limiter.onStarted());
    limiter.onFinished();
    QCOMPARE(limiter.limit(), 2);
    limiter.onSuccess();
    limiter.onRateLimited(0, 0, limiter.onStarted());
    limiter.onFinished();
    QCOMPARE(limiter.limit(), 1);
    limiter.onSuccess();
    QCOMPARE(limiter.limit(), 2);
}

void TstLlmPolicy::limiter_neverBelowOne()
{
    AdaptiveLimiter limiter(1);
    for (int i = 0; i < 5; ++i) {
        limiter.onRateLimited(0, 0, limiter.onStarted());
        limiter.onFinished();
    }
    QCOMPARE(limiter.limit(), 1);
    QVERIFY(limiter.canStart(0));
    QCOMPARE(AdaptiveLimiter(0).cap(), 1);
    QCOMPARE(AdaptiveLimiter(-3).limit(), 1);
}

void TstLlmPolicy::limiter_capChangeResets()
{
    AdaptiveLimiter limiter(8);
    limiter.onRateLimited(0, 0, limiter.onStarted());
    QCOMPARE(limiter.limit(), 4);
    limiter.setCap(2);
    QCOMPARE(limiter.cap(), 2);
    QCOMPARE(limiter.limit(), 2);
    QCOMPARE(limiter.inFlight(), 1); // the request in flight is still counted
    limiter.onStarted();
    QVERIFY(!limiter.canStart(0));
}

void TstLlmPolicy::limiter_pacesStartsToTheServersWindow()
{
    AdaptiveLimiter limiter(6);
    QCOMPARE(limiter.startIntervalMs(), 0.0); // no pacing until a server rate-limits
    // Ten requests accepted within the first 90 ms, then the eleventh is refused at 100 ms: the server says a
    // slot frees in 900 ms, so its window is 1000 ms wide and holds ten requests.
    for (int i = 0; i < 10; ++i) {
        limiter.onStarted(i * 10);
        limiter.onFinished();
        limiter.onSuccess(i * 10);
    }
    const quint64 ticket = limiter.onStarted(95);
    limiter.onFinished();
    limiter.onRateLimited(100, 900, ticket);
    QVERIFY(!limiter.canStart(999));
    QVERIFY(limiter.canStart(1000));
    limiter.onStarted(1000);
    limiter.onFinished();
    QVERIFY(qAbs(limiter.startIntervalMs() - 105.0) < 1.0); // 5 % under the server's rate
    QVERIFY(!limiter.canStart(1100));
    QCOMPARE(limiter.msUntilOpen(1100), 5);
    QVERIFY(limiter.canStart(1105));
    // Successes shrink the spacing slowly, to probe for a higher limit.
    limiter.onSuccess(1000);
    QVERIFY(limiter.startIntervalMs() < 105.0);
    QVERIFY(limiter.startIntervalMs() > 104.0);
}

void TstLlmPolicy::limiter_spacingAfterABurstIsCappedAndRecovers()
{
    // Waves of refusals with a 1 s hint and no request accepted in between: the guessed spacing doubles at each
    // pause but never beyond the hint (it used to double without end: 51 s between requests after ten waves).
    AdaptiveLimiter limiter(4);
    qint64 now = 0;
    for (int wave = 0; wave < 12; ++wave) {
        const quint64 ticket = limiter.onStarted(now);
        limiter.onFinished();
        limiter.onRateLimited(now, 1000, ticket);
        now = limiter.notBefore();
        limiter.onStarted(now);
        limiter.onFinished();
        QVERIFY2(limiter.startIntervalMs() <= 1000.0, qPrintable(QString::number(limiter.startIntervalMs())));
        now += limiter.msUntilOpen(now);
    }
    QCOMPARE(limiter.startIntervalMs(), 1000.0);
    // The server accepts again: a few seconds of successes bring the spacing back to nothing, and the limit back
    // to its cap.
    const qint64 recoveryStart = now;
    int successes = 0;
    while ((limiter.startIntervalMs() > 0 || limiter.limit() < 4) && successes < 100) {
        QVERIFY(limiter.canStart(now + limiter.msUntilOpen(now)));
        now += limiter.msUntilOpen(now);
        limiter.onStarted(now);
        limiter.onFinished();
        limiter.onSuccess(now);
        ++successes;
    }
    QCOMPARE(limiter.startIntervalMs(), 0.0);
    QCOMPARE(limiter.limit(), 4);
    QVERIFY2(successes <= 25, qPrintable(QString::number(successes)));
    QVERIFY2(now - recoveryStart < 5000, qPrintable(QString::number(now - recoveryStart))); // seconds, not minutes

    // A measured pace is also never wider than the hint that taught it.
    AdaptiveLimiter measured(6);
    measured.onStarted(0);
    measured.onFinished();
    measured.onSuccess(0);
    measured.onStarted(5000);
    measured.onFinished();
    measured.onSuccess(5000);
    const quint64 ticket = measured.onStarted(5010);
    measured.onFinished();
    measured.onRateLimited(5010, 200, ticket); // two requests in a 5.2 s window, but a slot frees in 200 ms
    measured.onStarted(5210);
    QCOMPARE(measured.startIntervalMs(), 200.0);
}

// Found by fuzzing: a hint of 1e50 seconds overflowed the conversion to qint64 (undefined behaviour).
void TstLlmPolicy::retryHint_hugeNumbersStayInRange()
{
    const qint64 day = 24LL * 3600 * 1000;
    QCOMPARE(RetryHint::fromHeaders({{"retry-after", "1e50"}}), day);
    QCOMPARE(RetryHint::fromHeaders({{"retry-after-ms", "1e300"}}), day);
    QCOMPARE(RetryHint::parseDuration(QStringLiteral("99999999999999999999999h")), day);
    QCOMPARE(RetryHint::fromHeaders({{"retry-after", "30"}}), 30000);
}

QTEST_GUILESS_MAIN(TstLlmPolicy)
#include "tst_llmpolicy.moc"
