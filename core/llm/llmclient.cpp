#include "core/llm/llmclient.h"

#include <algorithm>

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QThread>
#include <QTimer>

#include "core/llm/llmerrors.h"

Q_LOGGING_CATEGORY(lcLlm, "corrige.llm", QtWarningMsg)

namespace Corrige::Core {

struct LlmClient::Job {
    PreparedRequest request;
    int attempts = 0; // attempts started
    int contentFailures = 0; // malformed, off-schema or cut-off replies so far
    QNetworkReply *reply = nullptr; // while in flight; deleted with deleteLater()
    quint64 ticket = 0; // limiter ticket of the attempt in flight
    QElapsedTimer started;
    std::unique_ptr<QTimer> timer; // per-attempt timeout, then the wait before a retry
    bool queued = false;
};

void registerLlmMetaTypes()
{
    qRegisterMetaType<Corrige::Core::AttemptRecord>();
    qRegisterMetaType<Corrige::Core::LlmOutcome>();
    qRegisterMetaType<Corrige::Core::LlmReply>();
    qRegisterMetaType<Corrige::Core::LlmError>();
    qRegisterMetaType<Corrige::Core::LlmRequest>();
    qRegisterMetaType<Corrige::Core::PreparedRequest>();
    qRegisterMetaType<Corrige::Core::TokenUsage>();
}

LlmClient::LlmClient(ProviderConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_configStatus(m_config.validate())
    , m_provider(makeProvider(m_config.kind))
    , m_network(new QNetworkAccessManager(this))
    , m_wakeTimer(new QTimer(this))
{
    registerLlmMetaTypes();
    m_clock.start();
    m_wakeTimer->setSingleShot(true);
    m_wakeTimer->setTimerType(Qt::PreciseTimer); // never before the server's retry hint
    connect(m_wakeTimer, &QTimer::timeout, this, &LlmClient::schedule);
    // No cookies, no cache: every request stands alone.
    m_network->setCookieJar(nullptr);
    m_network->setCache(nullptr);
    applyConcurrency();
}

LlmClient::~LlmClient()
{
    // Abort silently: nobody should hear from a client that is going away.
    for (auto &[id, job] : m_jobs)
        dropReply(*job);
}

void LlmClient::assertThread() const
{
    Q_ASSERT_X(QThread::currentThread() == thread(), "LlmClient", "used from a thread it does not live in");
}

void LlmClient::setRetryPolicy(const RetryPolicy &policy)
{
    assertThread();
    m_policy = policy;
    m_policy.maxAttempts = std::max(1, m_policy.maxAttempts);
}

void LlmClient::setMaxConcurrency(int maximum)
{
    assertThread();
    m_maxConcurrency = std::max(1, maximum);
    applyConcurrency();
    scheduleSoon();
}

void LlmClient::applyConcurrency()
{
    int cap = m_maxConcurrency;
    if (m_config.effectiveBaseUrl().scheme().compare(QLatin1String("http"), Qt::CaseInsensitive) == 0)
        cap = std::min(cap, http1ConnectionsPerHost);
    m_limiter.setCap(cap);
}

PreparedRequest LlmClient::prepare(const ProviderConfig &config, const LlmRequest &request)
{
    PreparedRequest prepared;
    prepared.kind = config.kind;
    prepared.body = makeProvider(config.kind)->buildBody(request, config);
    prepared.responseSchema = request.responseSchema;
    return prepared;
}

quint64 LlmClient::submit(const LlmRequest &request)
{
    return submit(prepare(m_config, request));
}

quint64 LlmClient::submit(const PreparedRequest &request)
{
    assertThread();
    const quint64 id = ++m_lastId;
    auto job = std::make_unique<Job>();
    job->request = request;
    job->queued = true;
    m_jobs.emplace(id, std::move(job));
    m_queue.push_back(id);
    scheduleSoon();
    return id;
}

void LlmClient::scheduleSoon()
{
    if (m_schedulePosted)
        return;
    m_schedulePosted = true;
    QMetaObject::invokeMethod(this, &LlmClient::schedule, Qt::QueuedConnection);
}

void LlmClient::schedule()
{
    m_schedulePosted = false;
    const qint64 now = m_clock.elapsed();
    while (!m_queue.empty() && m_limiter.canStart(now)) {
        const quint64 id = m_queue.front();
        m_queue.pop_front();
        startAttempt(id);
    }
    if (!m_queue.empty() && m_limiter.inFlight() < m_limiter.limit()) {
        // Only the rate-limit pause holds the queue back: wake up when it ends.
        const qint64 wait = m_limiter.msUntilOpen(now);
        if (!m_wakeTimer->isActive() || m_wakeTimer->remainingTime() > wait)
            m_wakeTimer->start(int(std::clamp<qint64>(wait, 0, std::numeric_limits<int>::max())));
    }
}

void LlmClient::startAttempt(quint64 id)
{
    const auto it = m_jobs.find(id);
    if (it == m_jobs.end())
        return;
    Job &job = *it->second;
    job.queued = false;

    if (!m_configStatus) {
        const Error &error = m_configStatus.error();
        finish(id, LlmError::make(error.code, redactSecrets(error.message, m_config.apiKey)));
        return;
    }
    if (job.request.kind != m_config.kind) {
        finish(
            id,
            LlmError::make(
                ErrorCode::Internal,
                tr("This request was prepared for another provider than %1.").arg(providerDisplayName(m_config.kind))));
        return;
    }

    ++job.attempts;
    job.ticket = m_limiter.onStarted(m_clock.elapsed());
    job.started.start();
    QNetworkReply *reply = m_network->post(m_provider->buildHttpRequest(m_config), job.request.body);
    job.reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, id, reply] { onReplyFinished(id, reply); });

    if (!job.timer) {
        job.timer = std::make_unique<QTimer>();
        job.timer->setSingleShot(true);
        job.timer->setTimerType(Qt::PreciseTimer); // a retry never starts before the server's hint
    }
    job.timer->disconnect();
    connect(job.timer.get(), &QTimer::timeout, this, [this, id] { onTimeout(id); });
    job.timer->start(m_config.timeoutMs);
    qCDebug(lcLlm) << "request" << id << "attempt" << job.attempts << "sent," << m_limiter.inFlight() << "in flight";
}

void LlmClient::dropReply(Job &job)
{
    if (job.timer)
        job.timer->stop();
    if (!job.reply)
        return;
    QNetworkReply *reply = job.reply;
    job.reply = nullptr;
    disconnect(reply, nullptr, this, nullptr);
    reply->abort();
    reply->deleteLater();
}

LlmError LlmClient::transportError(const QNetworkReply &reply) const
{
    const ProviderKind kind = m_config.kind;
    switch (reply.error()) {
    case QNetworkReply::ConnectionRefusedError:
        return LlmErrors::network(kind, tr("the connection was refused (is the server running?)"), true);
    case QNetworkReply::RemoteHostClosedError:
        return LlmErrors::network(kind, tr("the server closed the connection before the reply was complete"), true);
    case QNetworkReply::HostNotFoundError:
        return LlmErrors::network(kind, tr("the server name could not be found"), true);
    case QNetworkReply::TimeoutError:
        return LlmErrors::network(kind, tr("the connection timed out"), true);
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
        return LlmErrors::network(kind, tr("the network is not available"), true);
    case QNetworkReply::SslHandshakeFailedError:
        return LlmErrors::network(kind, tr("the secure connection could not be established"), false);
    case QNetworkReply::TooManyRedirectsError:
    case QNetworkReply::InsecureRedirectError:
        return LlmErrors::network(kind, tr("the server redirected the request"), false);
    default:
        break;
    }
    return LlmErrors::network(kind, redactSecrets(reply.errorString(), m_config.apiKey), true);
}

void LlmClient::onReplyFinished(quint64 id, QNetworkReply *reply)
{
    const auto it = m_jobs.find(id);
    if (it == m_jobs.end() || it->second->reply != reply) {
        reply->deleteLater();
        return;
    }
    Job &job = *it->second;
    job.timer->stop();
    job.reply = nullptr;
    m_limiter.onFinished();
    const qint64 latency = job.started.elapsed();

    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const int httpStatus = statusAttribute.isValid() ? statusAttribute.toInt() : 0;
    const QNetworkReply::NetworkError error = reply->error();
    // Errors 1–199 are transport or proxy failures (refused, reset mid-body, TLS…); the others come with a status.
    const bool transport
        = httpStatus == 0 || (error > QNetworkReply::NoError && error < QNetworkReply::ContentAccessDenied);

    LlmOutcome outcome;
    if (transport) {
        outcome = transportError(*reply);
    } else {
        HttpHeaders headers;
        for (const auto &[name, value] : reply->rawHeaderPairs())
            headers.insert(name.toLower(), value);
        outcome = m_provider->parseResponse(httpStatus, reply->readAll(), headers, job.request.responseSchema);
    }
    reply->deleteLater();
    handleOutcome(id, outcome, transport ? 0 : httpStatus, latency);
}

void LlmClient::onTimeout(quint64 id)
{
    const auto it = m_jobs.find(id);
    if (it == m_jobs.end() || !it->second->reply)
        return;
    Job &job = *it->second;
    const qint64 latency = job.started.elapsed();
    dropReply(job);
    m_limiter.onFinished();
    handleOutcome(id, LlmErrors::timeout(m_config.kind, m_config.timeoutMs), 0, latency);
}

void LlmClient::handleOutcome(quint64 id, const LlmOutcome &outcome, int httpStatus, qint64 latencyMs)
{
    Job &job = *m_jobs.at(id);
    AttemptRecord record;
    record.attempt = job.attempts;
    record.httpStatus = httpStatus;
    record.latencyMs = latencyMs;

    if (outcome.isOk()) {
        m_limiter.onSuccess(m_clock.elapsed() - latencyMs);
        record.usage = outcome.reply().usage;
        emit attemptFinished(id, record);
        finish(id, outcome);
        scheduleSoon();
        return;
    }

    const LlmError error = outcome.error().redacted(m_config.apiKey);
    record.errorCode = error.code();
    record.errorMessage = error.message();
    record.usage = error.usage;
    if (error.code() == ErrorCode::RateLimited)
        m_limiter.onRateLimited(m_clock.elapsed(), error.retryAfterMs, job.ticket);
    if (RetryPolicy::isContentFailure(error.code()))
        ++job.contentFailures;

    if (m_policy.shouldRetry(job.attempts, error, job.contentFailures)) {
        const qint64 delay = m_policy.delayFor(job.attempts, error);
        record.retryDelayMs = delay;
        job.timer->disconnect();
        connect(job.timer.get(), &QTimer::timeout, this, [this, id] { onRetryDue(id); });
        job.timer->start(int(std::clamp<qint64>(delay, 0, std::numeric_limits<int>::max())));
        qCDebug(lcLlm) << "request" << id << "attempt" << job.attempts << "failed:" << errorCodeName(error.code())
                       << "retrying in" << delay << "ms";
        emit attemptFinished(id, record);
    } else {
        emit attemptFinished(id, record);
        finish(id, error);
    }
    scheduleSoon();
}

void LlmClient::onRetryDue(quint64 id)
{
    const auto it = m_jobs.find(id);
    if (it == m_jobs.end() || it->second->reply || it->second->queued)
        return;
    it->second->queued = true;
    m_queue.push_front(id); // retries go first so started copies finish first
    schedule();
}

void LlmClient::finish(quint64 id, const LlmOutcome &outcome)
{
    const auto it = m_jobs.find(id);
    if (it == m_jobs.end())
        return; // already ended (cancelled from a slot connected to attemptFinished)
    std::unique_ptr<Job> job = std::move(it->second);
    m_jobs.erase(it);
    if (job->queued)
        m_queue.erase(std::remove(m_queue.begin(), m_queue.end(), id), m_queue.end());
    const int attempts = job->attempts;
    job.reset();
    emit finished(id, outcome, attempts);
}

void LlmClient::cancel(quint64 id)
{
    assertThread();
    const auto it = m_jobs.find(id);
    if (it == m_jobs.end())
        return;
    Job &job = *it->second;
    const bool inFlight = job.reply != nullptr;
    const qint64 latency = inFlight ? job.started.elapsed() : 0;
    dropReply(job);
    const LlmError cancelled = LlmErrors::cancelled();
    if (inFlight) {
        m_limiter.onFinished();
        AttemptRecord record;
        record.attempt = job.attempts;
        record.latencyMs = latency;
        record.errorCode = ErrorCode::Cancelled;
        record.errorMessage = cancelled.message();
        emit attemptFinished(id, record);
    }
    finish(id, cancelled);
    scheduleSoon();
}

void LlmClient::cancelAll()
{
    assertThread();
    std::vector<quint64> ids;
    ids.reserve(m_jobs.size());
    for (const auto &entry : m_jobs)
        ids.push_back(entry.first);
    for (quint64 id : ids)
        cancel(id);
}

} // namespace Corrige::Core
