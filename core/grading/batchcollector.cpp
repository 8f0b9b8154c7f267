#include "core/grading/batchcollector.h"

#include "core/grading/copygrades.h"
#include "core/grading/gradingprompt.h"
#include "core/grading/gradingresponse.h"
#include "core/grading/storecalls.h"
#include "core/llm/batchclient.h"
#include "core/llm/llmprovider.h"
#include "core/session/sessiondatabase.h"
#include "core/session/sessionstore.h"

#include <QJsonArray>
#include <QTimer>

#include <array>

namespace Corrige::Core {

namespace {

bool isFatal(ErrorCode code)
{
    return code == ErrorCode::MissingKey || code == ErrorCode::InvalidKey;
}

QString modelLabel(const BatchJob &job)
{
    return job.provider + QLatin1Char('/') + job.model;
}

} // namespace

struct BatchCollector::Loaded {
    QList<BatchJob> jobs;
    Exam exam;
    QHash<qint64, Copy> copies;
    QList<RunInfo> runs;
};

BatchCollector::BatchCollector(SessionStore *store, QObject *parent)
    : QObject(parent), m_store(store), m_calls(std::make_unique<StoreCalls>(store, this)), m_timer(new QTimer(this))
{
    qRegisterMetaType<CollectSummary>();
    qRegisterMetaType<BatchJob>();
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &BatchCollector::pass);
}

BatchCollector::~BatchCollector() = default;

Status BatchCollector::start(const CollectOptions &options)
{
    if (m_running)
        return Status::failure(ErrorCode::InvalidInput, tr("The batches are already being collected."));
    m_options = options;
    if (m_options.cancel)
        m_options.wait = true;
    m_summary = {};
    m_results.clear();
    m_cancelSent.clear();
    m_clients.clear();
    m_interval = std::max(1, m_options.pollMs);
    m_running = true;
    m_stopping = false;
    QTimer::singleShot(0, this, &BatchCollector::pass);
    return Status::ok();
}

void BatchCollector::stop()
{
    m_stopping = true;
    m_timer->stop();
    if (m_running && m_outstanding == 0 && m_importsOutstanding == 0 && m_calls->pending() == 0) {
        m_running = false;
        emit finished(m_summary);
    }
}

void BatchCollector::pass()
{
    if (m_stopping)
        return stop();
    auto loaded = std::make_shared<Loaded>();
    m_calls->run(
        [loaded](SessionDatabase *db) {
            loaded->jobs = db->batchJobs();
            loaded->exam = db->exam();
            for (const Copy &copy : db->copies())
                loaded->copies.insert(copy.id, copy);
            loaded->runs = db->runs();
            return Status::ok();
        },
        [this, loaded](const Status &status) {
            if (!status)
                return stopFatally(status.error());
            onLoaded(loaded);
        });
}

BatchClient *BatchCollector::clientFor(const BatchJob &job)
{
    bool ok = false;
    const ProviderKind kind = providerKindFromString(job.provider, &ok);
    if (!ok)
        return nullptr;
    const auto account = std::find_if(m_options.accounts.cbegin(), m_options.accounts.cend(),
                                      [kind](const ProviderConfig &config) { return config.kind == kind; });
    if (account == m_options.accounts.cend())
        return nullptr;
    ProviderConfig config = *account;
    config.model = job.model;
    if (config.baseUrl.isEmpty())
        config.baseUrl = QUrl(job.baseUrl);
    const QString id = job.provider + QLatin1Char('|') + config.baseUrl.toString() + QLatin1Char('|') + job.model;
    std::shared_ptr<BatchClient> &client = m_clients[id];
    if (!client) {
        client = std::make_shared<BatchClient>(config);
        client->setRetryBaseMs(m_options.retryBaseMs);
    }
    return client.get();
}

void BatchCollector::onLoaded(const std::shared_ptr<Loaded> &loaded)
{
    m_loaded = loaded;
    m_active.clear();
    for (const BatchJob &job : std::as_const(loaded->jobs)) {
        if (!job.isSettled())
            m_active.append(job);
    }
    m_summary.jobs = loaded->jobs;
    if (m_active.isEmpty())
        return endPass();
    for (const BatchJob &job : std::as_const(m_active)) {
        if (!clientFor(job)) {
            bool ok = false;
            const ProviderKind kind = providerKindFromString(job.provider, &ok);
            return stopFatally(Error{ErrorCode::MissingKey,
                                     tr("No API key for %1, where batch %2 was submitted. Give the same key as when it "
                                        "was submitted (environment or keychain).")
                                         .arg(ok ? providerDisplayName(kind) : job.provider, job.remoteId.isEmpty() ? job.localTag : job.remoteId)});
        }
    }
    m_outstanding = int(m_active.size());
    for (int index = 0; index < m_active.size(); ++index)
        step(index);
}

void BatchCollector::step(int index)
{
    const BatchJob &job = m_active.at(index);
    if (m_results.contains(job.id))
        return jobDone(); // ended and read in an earlier pass; waiting for the other batches of its copies
    if (job.remoteId.isEmpty() && job.state != QLatin1String("lost"))
        return adopt(index);
    if (job.state == QLatin1String("lost")) {
        m_results.insert(job.id, {});
        return jobDone();
    }
    const bool ended = job.state == QLatin1String("succeeded") || job.state == QLatin1String("failed")
        || job.state == QLatin1String("expired") || job.state == QLatin1String("cancelled");
    if (m_options.cancel && !ended && !m_cancelSent.contains(job.id)) {
        m_cancelSent.insert(job.id);
        clientFor(job)->cancel(job.remoteId, [this, index](const Status &status) {
            if (!status && isFatal(status.error().code))
                return stopFatally(status.error());
            if (!status)
                m_summary.notes.append(tr("Could not cancel batch %1: %2").arg(m_active.at(index).remoteId, status.errorString()));
            refresh(index);
        });
        return;
    }
    refresh(index);
}

// The create was never answered: the batch exists only if a list of the provider's batches holds its tag.
void BatchCollector::adopt(int index)
{
    clientFor(m_active.at(index))->list([this, index](const Result<QList<RemoteBatch>> &batches) {
        BatchJob &job = m_active[index];
        if (!batches) {
            if (isFatal(batches.error().code))
                return stopFatally(batches.error());
            m_summary.notes.append(tr("Could not list the batches to find %1: %2").arg(job.localTag, batches.errorString()));
            return jobDone();
        }
        const auto found = std::find_if(batches->cbegin(), batches->cend(),
                                        [&job](const RemoteBatch &remote) { return remote.tag == job.localTag; });
        if (found == batches->cend()) {
            job.state = QStringLiteral("lost");
            job.error = tr("The batch was never created; its copies go back to waiting.");
            m_results.insert(job.id, {});
            saveJob(job);
            return jobDone();
        }
        job.remoteId = found->id;
        job.state = batchStateToString(found->state);
        job.remoteState = found->rawState;
        job.error.clear();
        saveJob(job);
        m_summary.notes.append(tr("Found batch %1 again by its tag.").arg(job.remoteId));
        step(index);
    });
}

void BatchCollector::refresh(int index)
{
    clientFor(m_active.at(index))->get(m_active.at(index).remoteId, [this, index](const Result<RemoteBatch> &remote) {
        BatchJob &job = m_active[index];
        if (!remote) {
            if (isFatal(remote.error().code))
                return stopFatally(remote.error());
            m_summary.notes.append(tr("Could not check batch %1: %2").arg(job.remoteId, remote.errorString()));
            return jobDone();
        }
        const QString state = batchStateToString(remote->state);
        const bool changed = state != job.state || remote->completed != job.completed || remote->failed != job.failed;
        job.state = state;
        job.remoteState = remote->rawState;
        job.total = remote->total > 0 ? remote->total : job.total;
        job.completed = remote->completed;
        job.failed = remote->failed;
        if (!remote->error.isEmpty())
            job.error = remote->error;
        if (changed)
            saveJob(job);
        if (remote->resultsReady())
            return fetchResults(index, remote.value());
        jobDone(); // running, or "succeeded" without its results file yet: poll again
    });
}

void BatchCollector::fetchResults(int index, const RemoteBatch &remote)
{
    const BatchJob &job = m_active.at(index);
    const bool gemini = job.provider == QLatin1String("gemini");
    auto results = std::make_shared<QHash<QString, BatchLineResult>>();
    const auto add = [results](const QList<BatchLineResult> &lines) {
        for (const BatchLineResult &line : lines)
            results->insert(line.key, line);
    };
    if (remote.hasInlined) {
        QStringList keys;
        for (const QJsonValue &key : job.keys)
            keys.append(key.toObject().value(QStringLiteral("key")).toString());
        add(BatchProtocol::parseGeminiInline(remote.inlined, keys));
    }
    QStringList files;
    if (!remote.outputFile.isEmpty())
        files.append(remote.outputFile);
    if (!remote.errorFile.isEmpty())
        files.append(remote.errorFile);
    auto left = std::make_shared<int>(int(files.size()));
    auto failed = std::make_shared<QString>();
    const auto finish = [this, index, results, failed] {
        if (!failed->isEmpty()) {
            m_summary.notes.append(tr("Could not read the results of batch %1: %2").arg(m_active.at(index).remoteId, *failed));
            return jobDone();
        }
        m_results.insert(m_active.at(index).id, *results);
        jobDone();
    };
    if (files.isEmpty())
        return finish();
    for (const QString &file : std::as_const(files)) {
        clientFor(job)->download(file, [gemini, add, left, failed, finish](const Result<QByteArray> &bytes) {
            if (!bytes)
                *failed = bytes.errorString();
            else
                add(gemini ? BatchProtocol::parseGeminiResults(bytes.value()) : BatchProtocol::parseOpenAiResults(bytes.value()));
            if (--*left == 0)
                finish();
        });
    }
}

void BatchCollector::saveJob(const BatchJob &job)
{
    const BatchJob copy = job;
    m_calls->run([copy](SessionDatabase *db) { return db->updateBatchJob(copy); }, [](const Status &) {});
    emit jobChanged(job);
}

void BatchCollector::jobDone()
{
    if (--m_outstanding == 0)
        importReady();
}

void BatchCollector::importReady()
{
    if (!m_running)
        return;
    const Exam &exam = m_loaded->exam;
    // Copies held by this pass's batches, in the class's order.
    QList<qint64> copies;
    for (const BatchJob &job : std::as_const(m_active)) {
        for (qint64 copyId : job.copyIds()) {
            if (!copies.contains(copyId))
                copies.append(copyId);
        }
    }
    std::sort(copies.begin(), copies.end(), [this](qint64 a, qint64 b) {
        return m_loaded->copies.value(a).position < m_loaded->copies.value(b).position;
    });
    m_summary.waiting = 0;
    for (qint64 copyId : std::as_const(copies)) {
        const Copy copy = m_loaded->copies.value(copyId);
        if (copy.status != CopyStatus::Submitted)
            continue; // imported before, or taken back
        // Every batch that holds one of its requests must have ended and been read.
        QList<std::pair<const BatchJob *, QJsonObject>> keys;
        bool ready = true;
        for (const BatchJob &job : std::as_const(m_active)) {
            for (const QJsonValue &value : job.keys) {
                if (value.toObject().value(QStringLiteral("copy")).toInteger() != copyId)
                    continue;
                keys.append({&job, value.toObject()});
                if (!m_results.contains(job.id))
                    ready = false;
            }
        }
        if (!ready) {
            ++m_summary.waiting;
            continue;
        }
        const bool dual = std::any_of(keys.cbegin(), keys.cend(), [](const auto &key) { return key.first->mode == QLatin1String("dual"); });
        std::array<std::optional<QList<QuestionGrade>>, 2> grades;
        std::array<QString, 2> errors;
        std::array<bool, 2> missing = {false, false};
        std::array<bool, 2> answered = {false, false};
        QList<RequestLogEntry> log;
        TokenUsage tokens;
        double cost = 0;
        for (int model = 0; model < (dual ? 2 : 1); ++model) {
            QList<QuestionGrade> all;
            for (const auto &[job, key] : std::as_const(keys)) {
                if (key.value(QStringLiteral("model")).toInt() != model)
                    continue;
                answered[model] = true;
                const QString name = key.value(QStringLiteral("key")).toString();
                const QHash<QString, BatchLineResult> &results = m_results[job->id];
                const auto found = results.constFind(name);
                if (found == results.constEnd() || found->notRun) {
                    missing[model] = true;
                    continue;
                }
                QStringList questions;
                for (const QJsonValue &id : key.value(QStringLiteral("questions")).toArray())
                    questions.append(id.toString());
                bool ok = false;
                const ProviderKind kind = providerKindFromString(job->provider, &ok);
                const LlmOutcome outcome = makeProvider(kind)->parseResponse(found->httpStatus, found->body, {},
                                                                             GradingPrompt::responseSchema(questions));
                const TokenUsage usage = outcome ? outcome.reply().usage : outcome.error().usage;
                RequestLogEntry entry;
                entry.runId = job->runId;
                entry.copyId = copyId;
                entry.provider = job->provider;
                entry.model = job->model;
                entry.httpStatus = found->httpStatus;
                entry.inputTokens = usage.input;
                entry.outputTokens = usage.output;
                entry.error = outcome ? QString() : errorCodeName(outcome.code());
                entry.at = QDateTime::currentDateTimeUtc();
                log.append(entry);
                tokens += usage;
                if (const std::optional<ModelPrice> price = m_options.prices.price(job->model))
                    cost += 0.5 * (usage.input * price->inputPerMillion + usage.output * price->outputPerMillion) / 1e6;
                if (!outcome) {
                    if (errors[model].isEmpty())
                        errors[model] = outcome.error().message();
                    continue;
                }
                const Result<QList<QuestionGrade>> parsed =
                    GradingResponse::parse(outcome.reply().json, exam, questions, copyId,
                                           model == 0 ? GradeSource::ModelA : GradeSource::ModelB, modelLabel(*job));
                if (!parsed) {
                    if (errors[model].isEmpty())
                        errors[model] = parsed.errorString();
                    continue;
                }
                for (QuestionGrade grade : parsed.value()) {
                    grade.runId = job->runId;
                    all.append(grade);
                }
            }
            if (answered[model] && !missing[model] && errors[model].isEmpty())
                grades[model] = all;
        }

        CopyStatus status = CopyStatus::Pending;
        QList<QuestionGrade> stored;
        QString note;
        const int models = dual ? 2 : 1;
        const bool anyGrades = grades[0] || grades[1];
        const bool anyError = !errors[0].isEmpty() || !errors[1].isEmpty();
        if (!anyGrades && !anyError) {
            // Nothing ran (expired, cancelled, lost, missing from the results): back to pending for the next grading.
            status = CopyStatus::Pending;
            note.clear();
            ++m_summary.returned;
        } else {
            for (int model = 0; model < models; ++model) {
                if (!grades[model] && errors[model].isEmpty())
                    errors[model] = tr("its batch ended before this request ran");
            }
            const CopyOutcome outcome = CopyGrades::combine(exam, dual, Tolerance{}, grades, errors);
            for (const QuestionComparison &comparison : outcome.comparisons)
                m_summary.agreement.add(comparison);
            status = outcome.status;
            stored = outcome.stored;
            note = outcome.note;
            if (status == CopyStatus::Failed) {
                ++m_summary.failed;
                m_summary.failures.append(tr("%1: %2").arg(copy.label, note));
            }
        }
        m_summary.tokens += tokens;
        m_summary.cost += cost;
        const qint64 runId = keys.isEmpty() ? 0 : keys.first().first->runId;
        RunInfo &delta = m_runDelta[runId];
        delta.inputTokens += tokens.input;
        delta.outputTokens += tokens.output;
        delta.cost += cost;
        if (status == CopyStatus::Failed)
            ++delta.failed;
        else if (status != CopyStatus::Pending)
            ++delta.graded;
        ++m_importsOutstanding;
        auto imported = std::make_shared<bool>(false);
        m_calls->run(
            [copyId, stored, status, note, log, imported](SessionDatabase *db) {
                return db->importBatchCopy(copyId, stored, status, note, log, imported.get());
            },
            [this, copyId, status, imported](const Status &saved) {
                --m_importsOutstanding;
                if (!saved) {
                    m_summary.notes.append(saved.errorString());
                } else {
                    m_loaded->copies[copyId].status = status; // no longer submitted
                    if (*imported)
                        emit copyImported(copyId, int(status));
                }
                if (m_importsOutstanding == 0)
                    settleJobs();
            });
        if (status != CopyStatus::Pending && status != CopyStatus::Failed) {
            ++m_summary.graded;
            if (status == CopyStatus::NeedsReview)
                ++m_summary.needsReview;
        }
    }
    if (m_importsOutstanding == 0)
        settleJobs();
}

// A batch whose copies are all imported (or taken back) is settled: marked imported, its input file deleted.
void BatchCollector::settleJobs()
{
    for (BatchJob &job : m_active) {
        if (!m_results.contains(job.id) || job.isSettled())
            continue;
        bool open = false;
        for (qint64 copyId : job.copyIds()) {
            if (m_loaded->copies.value(copyId).status == CopyStatus::Submitted)
                open = true;
        }
        if (open)
            continue;
        if (job.state != QLatin1String("lost"))
            job.state = QStringLiteral("imported");
        job.finishedAt = QDateTime::currentDateTimeUtc();
        if (!job.inputFile.isEmpty()) {
            clientFor(job)->deleteFile(job.inputFile, [](const Status &) {});
            job.inputFile.clear();
        }
        saveJob(job);
    }
    // Each run's totals, at the batch price.
    for (auto it = m_runDelta.constBegin(); it != m_runDelta.constEnd(); ++it) {
        const auto base = std::find_if(m_loaded->runs.cbegin(), m_loaded->runs.cend(),
                                       [&it](const RunInfo &run) { return run.id == it.key(); });
        if (it.key() == 0 || base == m_loaded->runs.cend())
            continue;
        RunInfo run = *base;
        run.graded += it->graded;
        run.failed += it->failed;
        run.inputTokens += it->inputTokens;
        run.outputTokens += it->outputTokens;
        run.cost += it->cost;
        bool open = false;
        for (const BatchJob &job : std::as_const(m_active)) {
            if (job.runId == run.id && !job.isSettled())
                open = true;
        }
        run.status = open ? QStringLiteral("submitted") : QStringLiteral("finished");
        m_store->finishRun(run);
    }
    m_runDelta.clear();
    endPass();
}

void BatchCollector::endPass()
{
    bool unsettled = false;
    for (const BatchJob &job : std::as_const(m_active)) {
        if (!job.isSettled())
            unsettled = true;
    }
    QList<BatchJob> jobs = m_loaded ? m_loaded->jobs : QList<BatchJob>{};
    for (BatchJob &job : jobs) {
        for (const BatchJob &active : std::as_const(m_active)) {
            if (active.id == job.id)
                job = active;
        }
    }
    m_summary.jobs = jobs;
    m_summary.finished = !unsettled;
    emit passFinished(m_summary);
    if (unsettled && m_options.wait && !m_stopping && m_summary.fatalError.isEmpty()) {
        m_timer->start(m_interval);
        m_interval = std::min(m_options.maxPollMs, m_interval + m_interval / 2);
        return;
    }
    // Settle the bookkeeping before saying we are done.
    m_calls->run([](SessionDatabase *) { return Status::ok(); }, [this](const Status &) {
        if (!m_running)
            return;
        m_running = false;
        emit finished(m_summary);
    });
}

void BatchCollector::stopFatally(const Error &error)
{
    if (m_summary.fatalError.isEmpty()) {
        m_summary.fatalError = error.message;
        m_summary.fatalCode = error.code;
    }
    m_stopping = true;
    m_timer->stop();
    if (!m_running)
        return;
    m_running = false;
    emit finished(m_summary);
}

} // namespace Corrige::Core
