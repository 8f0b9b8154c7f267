#pragma once

#include <deque>
#include <map>
#include <memory>

#include <QElapsedTimer>
#include <QObject>

#include "core/llm/adaptivelimiter.h"
#include "core/llm/attemptrecord.h"
#include "core/llm/llmerror.h"
#include "core/llm/llmprovider.h"
#include "core/llm/llmrequest.h"
#include "core/llm/preparedrequest.h"
#include "core/llm/providerconfig.h"
#include "core/llm/retrypolicy.h"

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace Corrige::Core {

// Sends model requests for one provider configuration: a queue, at most maxConcurrency() requests in flight
// (lowered automatically while the server rate-limits), a timeout per attempt, and retries per the RetryPolicy.
//
// Threading: the client owns its QNetworkAccessManager and must be used only from the thread it lives in
// (the GUI thread is fine: network I/O is asynchronous). Building a body base64-encodes the page images,
// which is CPU work: call the static, thread-safe prepare() on a worker thread (QtConcurrent on the app's
// pool) and submit the PreparedRequest here. submit(LlmRequest) builds on the calling thread and is meant
// for small requests (rubric drafts, tests, the command line).
//
// Every submitted request ends with exactly one finished() signal, emitted from the event loop (never from
// inside submit()), after one attemptFinished() per HTTP attempt. cancel()/cancelAll() end requests at once
// with ErrorCode::Cancelled. No message ever contains the key.
//
// Qt 6.4 opens at most 6 HTTP/1.1 connections per host; for a plain-http (local) server the effective
// concurrency is therefore capped at 6. HTTPS servers negotiate HTTP/2, which multiplexes without that cap.
class LlmClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LlmClient)

public:
    explicit LlmClient(ProviderConfig config, QObject *parent = nullptr);
    ~LlmClient() override;

    const ProviderConfig &config() const { return m_config; }

    void setRetryPolicy(const RetryPolicy &policy);
    RetryPolicy retryPolicy() const { return m_policy; }

    // The configured maximum of requests in flight (at least 1).
    void setMaxConcurrency(int maximum);
    int maxConcurrency() const { return m_maxConcurrency; }
    // The limit in force now: lower than the maximum while backing off from rate limits.
    int currentLimit() const { return m_limiter.limit(); }

    // Pure and thread-safe: builds the provider's body for `request`.
    static PreparedRequest prepare(const ProviderConfig &config, const LlmRequest &request);

    // Queue a request; returns its id (never 0). A request prepared for another provider kind fails with
    // ErrorCode::Internal.
    quint64 submit(const PreparedRequest &request);
    quint64 submit(const LlmRequest &request);

    void cancel(quint64 id);
    void cancelAll();

    int pendingCount() const { return int(m_jobs.size()); } // queued, waiting to retry or in flight
    int inFlightCount() const { return m_limiter.inFlight(); }

    static constexpr int http1ConnectionsPerHost = 6;

Q_SIGNALS:
    void attemptFinished(quint64 id, const Corrige::Core::AttemptRecord &record);
    void finished(quint64 id, const Corrige::Core::LlmOutcome &outcome, int attempts);

private:
    struct Job;

    void scheduleSoon();
    void schedule();
    void startAttempt(quint64 id);
    void onReplyFinished(quint64 id, QNetworkReply *reply);
    void onTimeout(quint64 id);
    void onRetryDue(quint64 id);
    void handleOutcome(quint64 id, const LlmOutcome &outcome, int httpStatus, qint64 latencyMs);
    void finish(quint64 id, const LlmOutcome &outcome);
    void dropReply(Job &job);
    LlmError transportError(const QNetworkReply &reply) const;
    void applyConcurrency();
    void assertThread() const;

    ProviderConfig m_config;
    Status m_configStatus;
    std::unique_ptr<LlmProvider> m_provider;
    QNetworkAccessManager *m_network = nullptr; // owned (child)
    QTimer *m_wakeTimer = nullptr; // owned (child): ends a rate-limit pause
    RetryPolicy m_policy;
    AdaptiveLimiter m_limiter;
    int m_maxConcurrency = 4;
    QElapsedTimer m_clock;
    std::map<quint64, std::unique_ptr<Job>> m_jobs;
    std::deque<quint64> m_queue; // ready to start, in order
    quint64 m_lastId = 0;
    bool m_schedulePosted = false;
};

// Registers the llm value types with the meta-type system (done by LlmClient's constructor too).
void registerLlmMetaTypes();

} // namespace Corrige::Core
