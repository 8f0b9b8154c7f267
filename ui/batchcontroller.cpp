#include "ui/batchcontroller.h"

#include "core/grading/batchsubmitter.h"
#include "core/secrets/secretstore.h"
#include "core/session/sessionstore.h"
#include "core/settings/appsettings.h"
#include "core/workflow/pricing.h"

#include <QThreadPool>

namespace Corrige::Ui {

using namespace Corrige::Core;

BatchController::BatchController(SessionStore *store, QThreadPool *pool, SecretStore *secrets, QObject *parent)
    : QObject(parent), m_store(store), m_pool(pool), m_secrets(secrets),
      m_submitter(new BatchSubmitter(store, pool, this)), m_collector(new BatchCollector(store, this))
{
    bool ok = false;
    const int pollMs = qEnvironmentVariableIntValue("CORRIGE_BATCH_POLL_MS", &ok);
    if (ok && pollMs > 0)
        m_pollMs = pollMs;
    if (m_secrets) {
        connect(m_secrets, &SecretStore::keyRead, this,
                [this](const QString &provider, const QString &key, SecretLocation) { keyRead(provider, key); });
        connect(m_secrets, &SecretStore::failed, this,
                [this](const QString &provider, const QString &) { keyRead(provider, QString()); });
    }
    connect(m_submitter, &BatchSubmitter::finished, this, [this](const BatchSubmission &result) {
        if (!result.fatalError.isEmpty())
            emit message(tr("The batch could not be submitted: %1").arg(result.fatalError));
        else if (result.copies > 0)
            emit message(tr("%n copy(ies) submitted as a batch; the results will be imported as they come.", nullptr,
                            result.copies));
        else
            emit message(tr("Nothing to submit: every copy is graded or already in a batch."));
        emit sessionChanged();
    });
    connect(m_collector, &BatchCollector::jobChanged, this, [this](const BatchJob &job) {
        for (BatchJob &known : m_jobs) {
            if (known.id == job.id)
                known = job;
        }
        emit jobsChanged(m_jobs);
    });
    connect(m_collector, &BatchCollector::copyImported, this, [this](qint64, int) { ++m_importedThisPass; });
    connect(m_collector, &BatchCollector::passFinished, this, [this](const CollectSummary &summary) {
        m_jobs = summary.jobs;
        emit jobsChanged(m_jobs);
        if (m_importedThisPass > 0) {
            emit message(tr("%n copy(ies) imported from the batches.", nullptr, m_importedThisPass));
            emit sessionChanged();
        }
        m_importedThisPass = 0;
    });
    connect(m_collector, &BatchCollector::finished, this, [this](const CollectSummary &summary) {
        if (!summary.fatalError.isEmpty())
            emit message(summary.fatalError);
        if (m_restartWithCancel) {
            m_restartWithCancel = false;
            startCollecting(true);
            return;
        }
        if (m_wantCancel && summary.finished)
            emit message(tr("The batches are cancelled: what they completed is imported, the other copies can be "
                            "graded live with Grade all."));
        m_wantCancel = false;
        emit sessionChanged();
    });
}

BatchController::~BatchController()
{
    m_collector->stop();
}

bool BatchController::isSubmitting() const
{
    return m_submitter->isRunning();
}

bool BatchController::isPolling() const
{
    // Reading the keys is the first step of polling.
    return m_collector->isRunning() || m_restartWithCancel || (m_wantCollect && !m_pendingKeys.isEmpty());
}

void BatchController::submit(const SessionSnapshot &snapshot, const GradingOptions &options)
{
    const Status started = m_submitter->start(snapshot, options);
    if (!started) {
        emit message(started.errorString());
        return;
    }
    emit message(tr("Preparing the batch…"));
}

void BatchController::setSession(const SessionSnapshot &snapshot)
{
    m_jobs = snapshot.batchJobs;
    emit jobsChanged(m_jobs);
    const bool open = std::any_of(m_jobs.cbegin(), m_jobs.cend(), [](const BatchJob &job) { return !job.isSettled(); });
    if (open && !m_collector->isRunning() && !m_submitter->isRunning())
        startCollecting(false);
}

void BatchController::cancelBatches()
{
    if (m_collector->isRunning()) {
        // The poll under way ends first; then the batches are cancelled (see finished).
        m_restartWithCancel = true;
        m_collector->stop();
        return;
    }
    startCollecting(true);
}

void BatchController::stop()
{
    m_wantCollect = false;
    m_collector->stop();
}

void BatchController::startCollecting(bool cancel)
{
    m_wantCollect = true;
    m_wantCancel = cancel;
    // The keys of the providers the batches went to, read again (keychain or environment), kept in memory only.
    QSet<QString> providers;
    for (const BatchJob &job : std::as_const(m_jobs)) {
        if (!job.isSettled())
            providers.insert(job.provider);
    }
    m_pendingKeys.clear();
    for (const QString &provider : std::as_const(providers)) {
        if (!m_keys.contains(provider))
            m_pendingKeys.insert(provider);
    }
    if (m_pendingKeys.isEmpty() || !m_secrets) {
        keyRead(QString(), QString());
        return;
    }
    for (const QString &provider : QSet<QString>(m_pendingKeys))
        m_secrets->read(provider);
}

void BatchController::keyRead(const QString &provider, const QString &key)
{
    if (!provider.isEmpty()) {
        if (!m_pendingKeys.remove(provider))
            return; // read for someone else
        m_keys.insert(provider, key);
    }
    if (!m_pendingKeys.isEmpty() || !m_wantCollect || m_collector->isRunning())
        return;
    CollectOptions options;
    options.wait = true;
    options.cancel = m_wantCancel;
    options.pollMs = m_pollMs;
    options.prices = effectivePrices(AppSettings());
    for (auto it = m_keys.constBegin(); it != m_keys.constEnd(); ++it) {
        if (it.value().isEmpty())
            continue;
        ProviderConfig config;
        config.kind = providerKindFromString(it.key());
        config.apiKey = it.value();
        options.accounts.append(config);
    }
    const Status started = m_collector->start(options);
    if (!started)
        emit message(started.errorString());
}

} // namespace Corrige::Ui
