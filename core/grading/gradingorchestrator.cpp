#include "core/grading/gradingorchestrator.h"

#include "core/grading/anonymizer.h"
#include "core/grading/copygrades.h"
#include "core/grading/copypreparation.h"
#include "core/grading/gradingplan.h"
#include "core/grading/gradingresponse.h"
#include "core/llm/llmclient.h"
#include "core/llm/llmerror.h"
#include "core/session/sessionstore.h"

#include <QCoreApplication>
#include <QMutexLocker>
#include <QThreadPool>

namespace Corrige::Core {

namespace {

QString modelLabel(const ProviderConfig &config)
{
    return providerKindToString(config.kind) + QLatin1Char('/') + config.model;
}

bool isFatal(ErrorCode code)
{
    // Every following request would fail the same way: stop instead of failing the whole class one by one.
    return code == ErrorCode::MissingKey || code == ErrorCode::InvalidKey || code == ErrorCode::QuotaExhausted;
}

} // namespace

// One request per model: all the copy's questions with all its pages, or (per-question mode) the questions
// that share a set of pages, with only those pages.
struct RequestPart {
    QStringList questionIds;
    QList<int> pages; // 0-based positions within the copy
    PreparedRequest prepared[2];
    quint64 requestIds[2] = {0, 0};
    bool answered[2] = {false, false};
    int parseRetries[2] = {0, 0};
    std::optional<QList<QuestionGrade>> grades[2];
    QString errors[2];
};

struct GradingOrchestrator::CopyJob {
    Copy copy;
    QStringList questionIds;
    enum class Stage { Loading, Preparing, Sending, Storing } stage = Stage::Loading;
    QList<RequestPart> parts;
    bool ready = false; // page images and bodies prepared, waiting for the copies before it to be sent
    std::optional<QList<QuestionGrade>> grades[2]; // per model, once every part has answered
    QString errors[2];
    QList<RequestLogEntry> log;
    QList<QuestionGrade> finals;
};


void GradingOptions::usePrices(const PriceTable &prices)
{
    const ModelPrice priceA = prices.price(modelA.model).value_or(ModelPrice{});
    inputPricePerMillion = priceA.inputPerMillion;
    outputPricePerMillion = priceA.outputPerMillion;
    const ModelPrice priceB = dual ? prices.price(modelB.model).value_or(ModelPrice{}) : ModelPrice{};
    inputPricePerMillionB = priceB.inputPerMillion;
    outputPricePerMillionB = priceB.outputPerMillion;
}

GradingOrchestrator::GradingOrchestrator(SessionStore *store, QThreadPool *pool, QObject *parent)
    : QObject(parent), m_store(store), m_pool(pool)
{
    qRegisterMetaType<RunProgress>();
    m_storeConnections.append(connect(m_store, &SessionStore::documentLoaded, this,
                                      [this](quint64 requestId, qint64 documentId, const QByteArray &data) {
                                          if (!m_documentRequests.remove(requestId))
                                              return;
                                          m_documents.insert(documentId, data);
                                          pump();
                                      }));
    m_storeConnections.append(connect(m_store, &SessionStore::runStarted, this, [this](quint64 requestId, qint64 runId) {
        if (requestId == m_runRequest)
            onRunStarted(runId);
    }));
    m_storeConnections.append(connect(m_store, &SessionStore::saved, this, [this](quint64 requestId) {
        if (requestId == m_finishRequest && m_finishRequest) {
            m_finishRequest = 0;
            m_progress.running = false;
            m_progress.elapsedMs = m_clock.elapsed();
            emit runFinished(m_progress);
            return;
        }
        const auto it = m_saveRequests.constFind(requestId);
        if (it == m_saveRequests.constEnd())
            return;
        const qint64 copyId = *it;
        m_saveRequests.erase(it);
        const std::shared_ptr<CopyJob> job = m_jobs.take(copyId);
        m_progress.copiesInFlight.removeAll(copyId);
        ++m_progress.done;
        if (!job || job->copy.status == CopyStatus::Failed) {
            ++m_progress.failed;
            emit copyFailed(copyId, job ? job->copy.error : QString());
        } else {
            if (job->copy.status == CopyStatus::NeedsReview)
                ++m_progress.needsReview;
            else
                ++m_progress.graded;
            for (const QuestionGrade &grade : std::as_const(job->finals))
                emit questionGraded(copyId, grade.questionId, grade.score);
            emit copyFinished(copyId, int(job->copy.status));
        }
        emit progressChanged(m_progress.done, m_progress.total);
        pump();
    }));
    m_storeConnections.append(connect(m_store, &SessionStore::failed, this, [this](quint64 requestId, const Error &error) {
        if (requestId == m_runRequest && m_progress.runId == 0) {
            m_progress.fatalError = error.message;
            m_progress.fatalCode = error.code;
            m_progress.running = false;
            emit runFinished(m_progress);
        } else if (const auto document = m_documentRequests.constFind(requestId);
                   document != m_documentRequests.constEnd()) {
            const qint64 documentId = *document;
            m_documentRequests.erase(document);
            if (error.code == ErrorCode::CorruptSession) {
                // One scan missing from the file: the copies on it fail with the reason, the others go on.
                m_missingDocuments.insert(documentId, error.message);
                pump();
            } else {
                stopFatally(error.code, error.message);
            }
        } else if (const auto save = m_saveRequests.constFind(requestId); save != m_saveRequests.constEnd()) {
            // The copy could not be written (a full disk, a locked file): it stays pending in the session, and so
            // do the copies after it. Storing the next ones would fail the same way: the run ends here.
            const qint64 copyId = *save;
            m_saveRequests.erase(save);
            m_jobs.remove(copyId);
            m_progress.copiesInFlight.removeAll(copyId);
            stopFatally(error.code, error.message);
            maybeFinish();
        } else if (requestId == m_finishRequest && m_finishRequest) {
            m_finishRequest = 0;
            m_progress.running = false;
            if (m_progress.fatalError.isEmpty())
                m_progress.fatalError = error.message;
            emit runFinished(m_progress);
        }
    }));
}

GradingOrchestrator::~GradingOrchestrator()
{
    m_cancelled->store(true);
    for (const QMetaObject::Connection &connection : std::as_const(m_storeConnections))
        disconnect(connection);
    for (auto &client : m_clients) {
        if (client)
            client->cancelAll();
    }
    QMutexLocker locker(&m_taskMutex);
    while (m_tasks > 0)
        m_tasksDone.wait(&m_taskMutex);
}

RunProgress GradingOrchestrator::snapshot() const
{
    RunProgress progress = m_progress;
    if (progress.running)
        progress.elapsedMs = m_clock.elapsed();
    return progress;
}

Status GradingOrchestrator::start(const SessionSnapshot &snapshot, const GradingOptions &options)
{
    if (m_progress.running)
        return Status::failure(ErrorCode::InvalidInput, tr("Grading is already running."));
    const int models = options.dual ? 2 : 1;
    for (int model = 0; model < models; ++model) {
        const ProviderConfig &config = model == 0 ? options.modelA : options.modelB;
        const Status valid = config.validate();
        if (!valid)
            return valid;
    }

    m_snapshot = snapshot;
    m_options = options;
    if (m_options.concurrency < 1)
        m_options.concurrency = 1;
    if (m_options.prefetchCopies <= 0)
        m_options.prefetchCopies = std::max(2 * m_options.concurrency, m_options.concurrency + 2);
    if (m_options.mask.isEmpty())
        m_options.mask = Anonymizer::defaultMask();
    m_progress = {};
    m_cancelled = std::make_shared<std::atomic_bool>(false);
    m_networkFailures = 0;
    m_sendOrder.clear();
    m_jobs.clear();
    m_queue.clear();
    m_documents.clear();
    m_missingDocuments.clear();

    const QList<PlannedWork> plan = GradingPlan::build(snapshot.exam, snapshot.copies, snapshot.grades, options.regrade);
    m_plan.clear();
    for (const PlannedWork &work : plan) {
        m_queue.push_back(work.copyId);
        m_plan.insert(work.copyId, work.questionIds);
    }
    m_documentUses.clear();
    for (const Copy &copy : snapshot.copies) {
        if (!m_plan.contains(copy.id))
            continue;
        QSet<qint64> documents;
        for (const PageRef &page : copy.pages)
            documents.insert(page.documentId);
        for (qint64 documentId : documents)
            ++m_documentUses[documentId];
    }

    for (int model = 0; model < 2; ++model)
        m_clients[model].reset();
    for (int model = 0; model < models; ++model) {
        const ProviderConfig &config = model == 0 ? m_options.modelA : m_options.modelB;
        m_clients[model] = std::make_unique<LlmClient>(config);
        RetryPolicy policy;
        policy.maxAttempts = m_options.maxAttempts;
        m_clients[model]->setRetryPolicy(policy);
        m_clients[model]->setMaxConcurrency(m_options.concurrency);
        connect(m_clients[model].get(), &LlmClient::finished, this,
                [this, model](quint64 id, const LlmOutcome &outcome, int attempts) {
                    onModelFinished(model, id, outcome, attempts);
                });
        connect(m_clients[model].get(), &LlmClient::attemptFinished, this,
                [this, model](quint64 id, const AttemptRecord &record) { onAttempt(model, id, record); });
    }

    m_progress.total = int(m_queue.size());
    m_progress.running = true;
    m_clock.start();
    QString models_ = modelLabel(m_options.modelA);
    if (m_options.dual)
        models_ += QStringLiteral(" + ") + modelLabel(m_options.modelB);
    m_runRequest = m_store->beginRun(m_options.dual ? QStringLiteral("dual") : QStringLiteral("single"), models_);
    emit progressChanged(0, m_progress.total);
    return Status::ok();
}

void GradingOrchestrator::onRunStarted(qint64 runId)
{
    m_progress.runId = runId;
    pump();
}

void GradingOrchestrator::pump()
{
    if (!m_progress.running || m_progress.runId == 0)
        return;
    while (!m_progress.cancelled && !m_queue.empty() && m_jobs.size() < m_options.prefetchCopies) {
        const qint64 copyId = m_queue.front();
        m_queue.pop_front();
        auto copyIt = std::find_if(m_snapshot.copies.cbegin(), m_snapshot.copies.cend(),
                                   [copyId](const Copy &copy) { return copy.id == copyId; });
        if (copyIt == m_snapshot.copies.cend())
            continue;
        auto job = std::make_shared<CopyJob>();
        job->copy = *copyIt;
        job->questionIds = m_plan.value(copyId);
        m_jobs.insert(copyId, job);
        m_sendOrder.push_back(copyId);
        m_progress.copiesInFlight.append(copyId);
        emit copyStarted(copyId);
    }
    // Start the preparation of every job whose scans are loaded; ask the store for the others.
    const QList<std::shared_ptr<CopyJob>> jobs = m_jobs.values(); // fail() may change m_jobs' storage
    for (const std::shared_ptr<CopyJob> &job : jobs) {
        if (job->stage != CopyJob::Stage::Loading)
            continue;
        const auto missing = std::find_if(job->copy.pages.cbegin(), job->copy.pages.cend(), [this](const PageRef &page) {
            return m_missingDocuments.contains(page.documentId);
        });
        if (missing != job->copy.pages.cend()) {
            releaseDocuments(job->copy);
            fail(job.get(), m_missingDocuments.value(missing->documentId));
            continue;
        }
        bool ready = true;
        for (const PageRef &page : job->copy.pages) {
            if (m_documents.contains(page.documentId))
                continue;
            ready = false;
            if (!m_documentRequests.values().contains(page.documentId))
                m_documentRequests.insert(m_store->loadDocument(page.documentId), page.documentId);
        }
        if (ready)
            prepare(job.get());
    }
    maybeFinish();
}

void GradingOrchestrator::taskStarted()
{
    QMutexLocker locker(&m_taskMutex);
    ++m_tasks;
}

void GradingOrchestrator::taskDone()
{
    QMutexLocker locker(&m_taskMutex);
    if (--m_tasks == 0)
        m_tasksDone.wakeAll();
}

void GradingOrchestrator::prepare(CopyJob *job)
{
    job->stage = CopyJob::Stage::Preparing;
    // Group the copy's pages by scan, in order.
    QList<std::pair<QByteArray, QList<int>>> groups;
    qint64 lastDocument = -1;
    for (const PageRef &page : job->copy.pages) {
        if (page.documentId != lastDocument) {
            groups.append({m_documents.value(page.documentId), {}});
            lastDocument = page.documentId;
        }
        groups.last().second.append(page.pageIndex);
    }
    const qint64 copyId = job->copy.id;
    CopyPreparationInput input;
    input.scans = groups;
    input.images = m_options.images;
    input.anonymize = m_options.anonymize;
    input.mask = m_options.mask;
    input.exam = m_snapshot.exam;
    input.parts = CopyPreparation::splitIntoParts(input.exam, job->questionIds, int(job->copy.pages.size()), m_options.perQuestion);
    job->parts.clear();
    for (const RequestPartPlan &plan : std::as_const(input.parts)) {
        RequestPart part;
        part.questionIds = plan.questionIds;
        part.pages = plan.pages;
        job->parts.append(part);
    }
    input.pseudonym = job->copy.label;
    input.models = {m_options.modelA};
    if (m_options.dual)
        input.models.append(m_options.modelB);
    const std::shared_ptr<std::atomic_bool> cancelled = m_cancelled;
    taskStarted();
    m_pool->start([this, copyId, input, cancelled] {
        if (cancelled->load()) {
            taskDone(); // cancelled or closed before this task started: nothing to prepare, nothing to wait for
            return;
        }
        const Result<QList<PreparedRequest>> result = CopyPreparation::prepare(input, cancelled.get());
        QMetaObject::invokeMethod(this, [this, copyId, result] { onPrepared(copyId, result); }, Qt::QueuedConnection);
        taskDone();
    });
}

void GradingOrchestrator::onPrepared(qint64 copyId, const Result<QList<PreparedRequest>> &prepared)
{
    const std::shared_ptr<CopyJob> job = m_jobs.value(copyId);
    if (!job || job->stage != CopyJob::Stage::Preparing)
        return;
    releaseDocuments(job->copy);
    if (!prepared) {
        fail(job.get(), prepared.errorString());
        sendReadyCopies();
        return;
    }
    const int models = m_options.dual ? 2 : 1;
    if (prepared->size() != job->parts.size() * models) {
        fail(job.get(), tr("Internal error while preparing the requests."));
        sendReadyCopies();
        return;
    }
    for (int part = 0; part < job->parts.size(); ++part) {
        for (int model = 0; model < models; ++model)
            job->parts[part].prepared[model] = prepared->at(part * models + model);
    }
    job->ready = true;
    sendReadyCopies();
}

// Copies are sent in the order of the class, whatever order their pages were ready in.
void GradingOrchestrator::sendReadyCopies()
{
    const int models = m_options.dual ? 2 : 1;
    while (!m_sendOrder.empty()) {
        const std::shared_ptr<CopyJob> job = m_jobs.value(m_sendOrder.front());
        if (job && job->stage == CopyJob::Stage::Preparing && !job->ready)
            return;
        m_sendOrder.pop_front();
        if (!job || job->stage != CopyJob::Stage::Preparing)
            continue; // failed while preparing, or cancelled
        job->stage = CopyJob::Stage::Sending;
        for (int part = 0; part < job->parts.size(); ++part) {
            for (int model = 0; model < models; ++model)
                submit(job.get(), part, model);
        }
    }
}

void GradingOrchestrator::releaseDocuments(const Copy &copy)
{
    QSet<qint64> documents;
    for (const PageRef &page : copy.pages)
        documents.insert(page.documentId);
    for (qint64 documentId : std::as_const(documents)) {
        if (--m_documentUses[documentId] <= 0) {
            m_documentUses.remove(documentId);
            m_documents.remove(documentId); // keeps memory flat however many scans the class has
        }
    }
}

void GradingOrchestrator::submit(CopyJob *job, int partIndex, int model)
{
    RequestPart &part = job->parts[partIndex];
    part.answered[model] = false;
    const quint64 id = m_clients[model]->submit(part.prepared[model]);
    part.requestIds[model] = id;
    m_requests[model].insert(id, {job->copy.id, partIndex});
}

void GradingOrchestrator::onAttempt(int model, quint64 requestId, const AttemptRecord &record)
{
    const std::shared_ptr<CopyJob> job = m_jobs.value(m_requests[model].value(requestId).first);
    if (!job)
        return;
    const ProviderConfig &config = model == 0 ? m_options.modelA : m_options.modelB;
    RequestLogEntry entry;
    entry.runId = m_progress.runId;
    entry.copyId = job->copy.id;
    entry.provider = providerKindToString(config.kind);
    entry.model = config.model;
    entry.attempt = record.attempt;
    entry.httpStatus = record.httpStatus;
    entry.latencyMs = record.latencyMs;
    entry.inputTokens = record.usage.input;
    entry.outputTokens = record.usage.output;
    entry.error = record.errorCode == ErrorCode::None ? QString() : errorCodeName(record.errorCode);
    entry.at = QDateTime::currentDateTimeUtc();
    job->log.append(entry);

    m_progress.tokens += record.usage;
    const double inPrice = model == 0 ? m_options.inputPricePerMillion : m_options.inputPricePerMillionB;
    const double outPrice = model == 0 ? m_options.outputPricePerMillion : m_options.outputPricePerMillionB;
    m_progress.cost += (record.usage.input * inPrice + record.usage.output * outPrice) / 1e6;
    emit costChanged(m_progress.cost, m_progress.tokens.input, m_progress.tokens.output);
}

void GradingOrchestrator::onModelFinished(int model, quint64 requestId, const LlmOutcome &outcome, int attempts)
{
    Q_UNUSED(attempts);
    const auto [copyId, partIndex] = m_requests[model].take(requestId);
    const std::shared_ptr<CopyJob> job = m_jobs.value(copyId);
    if (!job || job->stage != CopyJob::Stage::Sending || partIndex < 0 || partIndex >= job->parts.size()
        || job->parts[partIndex].requestIds[model] != requestId)
        return;
    RequestPart &part = job->parts[partIndex];
    if (!outcome) {
        if (outcome.code() == ErrorCode::Cancelled)
            return;
        if (isFatal(outcome.code())) {
            stopFatally(outcome.code(), outcome.error().message());
            return;
        }
        if (outcome.code() == ErrorCode::Network || outcome.code() == ErrorCode::Timeout) {
            // Each of these already went through every retry: after a few in a row the network is gone, and
            // failing the rest of the class one copy at a time would help no one.
            if (++m_networkFailures >= networkFailuresBeforeStop) {
                stopFatally(ErrorCode::Network,
                            tr("The model's server cannot be reached (%1). Check the connection, then grade again: "
                               "the copies already graded are kept.")
                                .arg(outcome.error().message()));
                return;
            }
        }
        part.errors[model] = outcome.error().message();
    } else {
        m_networkFailures = 0;
        const ProviderConfig &config = model == 0 ? m_options.modelA : m_options.modelB;
        Result<QList<QuestionGrade>> grades =
            GradingResponse::parse(outcome.reply().json, m_snapshot.exam, part.questionIds, job->copy.id,
                                   model == 0 ? GradeSource::ModelA : GradeSource::ModelB, modelLabel(config));
        if (!grades && part.parseRetries[model] < 1) {
            ++part.parseRetries[model]; // an answer that misses a question is usually fixed by asking again
            submit(job.get(), partIndex, model);
            return;
        }
        if (grades) {
            for (QuestionGrade &grade : grades.value())
                grade.runId = m_progress.runId;
            part.grades[model] = grades.value();
        } else {
            part.errors[model] = grades.errorString();
        }
    }
    part.answered[model] = true;

    const int models = m_options.dual ? 2 : 1;
    for (const RequestPart &each : std::as_const(job->parts)) {
        for (int m = 0; m < models; ++m) {
            if (!each.answered[m])
                return;
        }
    }
    // Every part has answered: a model's grades for the copy are all its parts', or its first error.
    for (int m = 0; m < models; ++m) {
        QList<QuestionGrade> all;
        bool complete = true;
        for (const RequestPart &each : std::as_const(job->parts)) {
            if (!each.grades[m]) {
                complete = false;
                job->errors[m] = each.errors[m];
                break;
            }
            all += *each.grades[m];
        }
        if (complete)
            job->grades[m] = all;
    }
    complete(job.get());
}

void GradingOrchestrator::complete(CopyJob *job)
{
    const CopyOutcome outcome = CopyGrades::combine(m_snapshot.exam, m_options.dual, m_options.tolerance,
                                                    {job->grades[0], job->grades[1]}, {job->errors[0], job->errors[1]});
    for (const QuestionComparison &comparison : outcome.comparisons)
        m_progress.agreement.add(comparison);
    if (outcome.status == CopyStatus::Failed) {
        fail(job, outcome.note);
        return;
    }
    job->copy.status = outcome.status;
    job->finals = outcome.finals();
    store(job, outcome.stored, CopyStatus::Graded, outcome.note);
}

void GradingOrchestrator::store(CopyJob *job, const QList<QuestionGrade> &grades, CopyStatus status, const QString &error)
{
    job->stage = CopyJob::Stage::Storing;
    m_saveRequests.insert(m_store->saveCopyResult(job->copy.id, grades, status, error, job->log), job->copy.id);
}

void GradingOrchestrator::fail(CopyJob *job, const QString &reason)
{
    job->copy.status = CopyStatus::Failed;
    job->copy.error = reason;
    job->grades[0].reset();
    job->grades[1].reset();
    m_progress.failures.append(tr("%1: %2").arg(job->copy.label, reason));
    store(job, {}, CopyStatus::Failed, reason);
}

void GradingOrchestrator::stopFatally(ErrorCode code, const QString &reason)
{
    if (m_progress.fatalError.isEmpty()) {
        m_progress.fatalError = reason;
        m_progress.fatalCode = code;
    }
    cancel();
}

void GradingOrchestrator::cancel()
{
    if (!m_progress.running || m_progress.cancelled)
        return;
    m_progress.cancelled = true;
    m_cancelled->store(true);
    m_queue.clear();
    m_sendOrder.clear();
    // Copies being stored finish; the others go back to waiting, untouched in the session.
    for (auto it = m_jobs.begin(); it != m_jobs.end();) {
        if ((*it)->stage == CopyJob::Stage::Storing) {
            ++it;
            continue;
        }
        m_progress.copiesInFlight.removeAll(it.key());
        it = m_jobs.erase(it);
    }
    m_documentRequests.clear();
    for (auto &client : m_clients) {
        if (client)
            client->cancelAll();
    }
    maybeFinish();
}

void GradingOrchestrator::maybeFinish()
{
    if (!m_progress.running || m_finishRequest || m_runRequest == 0 || m_progress.runId == 0)
        return;
    if (!m_jobs.isEmpty() || (!m_queue.empty() && !m_progress.cancelled))
        return;
    RunInfo run;
    run.id = m_progress.runId;
    run.status = m_progress.cancelled ? QStringLiteral("cancelled") : QStringLiteral("finished");
    run.graded = m_progress.graded + m_progress.needsReview;
    run.failed = m_progress.failed;
    run.inputTokens = m_progress.tokens.input;
    run.outputTokens = m_progress.tokens.output;
    run.cost = m_progress.cost;
    m_finishRequest = m_store->finishRun(run);
}

} // namespace Corrige::Core
