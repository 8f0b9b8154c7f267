#include "core/grading/batchsubmitter.h"

#include "core/grading/anonymizer.h"
#include "core/grading/copypreparation.h"
#include "core/grading/gradingplan.h"
#include "core/grading/storecalls.h"
#include "core/llm/batchclient.h"
#include "core/llm/batchprotocol.h"
#include "core/session/sessiondatabase.h"
#include "core/session/sessionstore.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QMutexLocker>
#include <QRandomGenerator>
#include <QThreadPool>
#include <QTimer>

namespace Corrige::Core {

namespace {

QString keyFor(qint64 copyId, int part, int model)
{
    return QStringLiteral("c%1-p%2-%3").arg(copyId).arg(part).arg(model == 0 ? QLatin1Char('a') : QLatin1Char('b'));
}

QString newTag()
{
    return QStringLiteral("corrige-%1%2")
        .arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'))
        .arg(QDateTime::currentMSecsSinceEpoch() % 100000, 5, 10, QLatin1Char('0'));
}

bool isFatal(ErrorCode code)
{
    return code == ErrorCode::MissingKey || code == ErrorCode::InvalidKey || code == ErrorCode::QuotaExhausted;
}

} // namespace

struct BatchSubmitter::Chunk {
    int model = 0;
    BatchFileWriter::Chunk file;
    bool sendInline = false;
    QString fileId;
    BatchJob job;
};

BatchSubmitter::BatchSubmitter(SessionStore *store, QThreadPool *pool, QObject *parent)
    : QObject(parent), m_store(store), m_pool(pool), m_calls(std::make_unique<StoreCalls>(store, this))
{
    qRegisterMetaType<BatchSubmission>();
    qRegisterMetaType<BatchJob>();
    m_documentConnection = connect(m_store, &SessionStore::documentLoaded, this,
                                   [this](quint64, qint64 documentId, const QByteArray &data) {
                                       if (!m_documentsRequested.remove(documentId))
                                           return;
                                       m_documents.insert(documentId, data);
                                       pump();
                                   });
}

BatchSubmitter::~BatchSubmitter()
{
    disconnect(m_documentConnection);
    QMutexLocker locker(&m_taskMutex);
    while (m_tasks > 0)
        m_tasksDone.wait(&m_taskMutex);
}

void BatchSubmitter::setLimits(ProviderKind kind, const BatchLimits &limits)
{
    m_limits.insert(int(kind), limits);
}

Status BatchSubmitter::start(const SessionSnapshot &snapshot, const GradingOptions &options)
{
    if (m_running)
        return Status::failure(ErrorCode::InvalidInput, tr("A batch is already being submitted."));
    const int models = options.dual ? 2 : 1;
    for (int model = 0; model < models; ++model) {
        const ProviderConfig &config = model == 0 ? options.modelA : options.modelB;
        if (config.kind == ProviderKind::Compatible)
            return Status::failure(ErrorCode::InvalidInput,
                                   tr("OpenAI-compatible servers have no Batch API: grade live with them, or choose "
                                      "Gemini or OpenAI for batch grading."));
        const Status valid = config.validate();
        if (!valid)
            return valid;
    }
    m_snapshot = snapshot;
    m_options = options;
    if (m_options.mask.isEmpty())
        m_options.mask = Anonymizer::defaultMask();
    m_result = {};
    m_keyInfo.clear();
    m_queue.clear();
    m_plan.clear();
    m_copies.clear();
    m_documents.clear();
    m_documentUses.clear();
    m_documentsRequested.clear();
    m_preparing.clear();
    m_inPool.clear();
    m_submittedCopies.clear();
    m_chunks.clear();
    m_nextChunk = 0;
    m_prepared = 0;

    for (const PlannedWork &work : GradingPlan::build(snapshot.exam, snapshot.copies, snapshot.grades, options.regrade)) {
        m_queue.push_back(work.copyId);
        m_plan.insert(work.copyId, work.questionIds);
    }
    for (const Copy &copy : snapshot.copies) {
        if (!m_plan.contains(copy.id))
            continue;
        m_copies.insert(copy.id, copy);
        QSet<qint64> documents;
        for (const PageRef &page : copy.pages)
            documents.insert(page.documentId);
        for (qint64 documentId : std::as_const(documents))
            ++m_documentUses[documentId];
    }
    m_total = int(m_queue.size());
    m_dir = std::make_unique<QTemporaryDir>(QDir::temp().filePath(QStringLiteral("corrige-batch-XXXXXX")));
    if (!m_dir->isValid())
        return Status::failure(ErrorCode::FileUnreadable,
                               tr("Cannot create a temporary folder for the batch files (%1). Check the disk has space.")
                                   .arg(m_dir->errorString()));
    for (int model = 0; model < 2; ++model) {
        m_writers[model].reset();
        m_clients[model].reset();
    }
    for (int model = 0; model < models; ++model) {
        const ProviderConfig &config = model == 0 ? m_options.modelA : m_options.modelB;
        const BatchLimits limits = m_limits.value(int(config.kind), BatchLimits::forProvider(config.kind));
        m_writers[model] = std::make_unique<BatchFileWriter>(limits, m_dir->path(), model == 0 ? QStringLiteral("a") : QStringLiteral("b"));
        m_clients[model] = std::make_unique<BatchClient>(config);
        m_clients[model]->setRetryBaseMs(m_retryBaseMs);
    }
    m_running = true;
    emit progressChanged(0, m_total);
    if (m_total == 0) {
        QTimer::singleShot(0, this, [this] { done(); });
        return Status::ok();
    }
    QString label = providerKindToString(m_options.modelA.kind) + QLatin1Char('/') + m_options.modelA.model;
    if (m_options.dual)
        label += QStringLiteral(" + ") + providerKindToString(m_options.modelB.kind) + QLatin1Char('/') + m_options.modelB.model;
    auto runId = std::make_shared<qint64>(0);
    const QString mode = m_options.dual ? QStringLiteral("batch-dual") : QStringLiteral("batch-single");
    m_calls->run(
        [runId, mode, label](SessionDatabase *db) -> Status {
            const Result<qint64> run = db->beginRun(mode, label);
            if (!run)
                return run.error();
            *runId = run.value();
            return Status::ok();
        },
        [this, runId](const Status &status) {
            if (!status)
                return stopFatally(status.error());
            m_result.runId = *runId;
            pump();
        });
    return Status::ok();
}

void BatchSubmitter::taskStarted()
{
    QMutexLocker locker(&m_taskMutex);
    ++m_tasks;
}

void BatchSubmitter::taskDone()
{
    QMutexLocker locker(&m_taskMutex);
    if (--m_tasks == 0)
        m_tasksDone.wakeAll();
}

void BatchSubmitter::pump()
{
    if (!m_running || !m_result.fatalError.isEmpty())
        return;
    // Prefetch a bounded number of copies: memory stays flat however large the class.
    const int window = std::max(4, 4 * m_pool->maxThreadCount());
    while (!m_queue.empty() && m_preparing.size() < window) {
        m_preparing.insert(m_queue.front());
        m_queue.pop_front();
    }
    for (qint64 copyId : QSet<qint64>(m_preparing)) {
        if (m_inPool.contains(copyId))
            continue;
        const Copy &copy = m_copies[copyId];
        bool ready = true;
        for (const PageRef &page : copy.pages) {
            if (m_documents.contains(page.documentId))
                continue;
            ready = false;
            if (!m_documentsRequested.contains(page.documentId)) {
                m_documentsRequested.insert(page.documentId);
                m_store->loadDocument(page.documentId);
            }
        }
        if (ready) {
            m_inPool.insert(copyId);
            prepare(copyId);
        }
    }
}

void BatchSubmitter::prepare(qint64 copyId)
{
    const Copy &copy = m_copies[copyId];
    CopyPreparationInput input;
    qint64 lastDocument = -1;
    for (const PageRef &page : copy.pages) {
        if (page.documentId != lastDocument) {
            input.scans.append({m_documents.value(page.documentId), {}});
            lastDocument = page.documentId;
        }
        input.scans.last().second.append(page.pageIndex);
    }
    input.images = m_options.images;
    input.anonymize = m_options.anonymize;
    input.mask = m_options.mask;
    input.exam = m_snapshot.exam;
    input.parts = CopyPreparation::splitIntoParts(input.exam, m_plan.value(copyId), int(copy.pages.size()), m_options.perQuestion);
    input.pseudonym = copy.label;
    input.models = {m_options.modelA};
    if (m_options.dual)
        input.models.append(m_options.modelB);
    for (int part = 0; part < input.parts.size(); ++part) {
        for (int model = 0; model < input.models.size(); ++model) {
            const QString key = keyFor(copyId, part, model);
            m_keyInfo.insert(key, QJsonObject{{QStringLiteral("key"), key},
                                              {QStringLiteral("copy"), copyId},
                                              {QStringLiteral("part"), part},
                                              {QStringLiteral("model"), model},
                                              {QStringLiteral("questions"), QJsonArray::fromStringList(input.parts.at(part).questionIds)}});
        }
    }
    taskStarted();
    m_pool->start([this, copyId, input] {
        Result<QList<QList<std::pair<QString, QByteArray>>>> result = [&]() -> Result<QList<QList<std::pair<QString, QByteArray>>>> {
            const Result<QList<PreparedRequest>> prepared = CopyPreparation::prepare(input);
            if (!prepared)
                return prepared.error();
            const int models = int(input.models.size());
            QList<QList<std::pair<QString, QByteArray>>> lines(models);
            for (int part = 0; part < input.parts.size(); ++part) {
                for (int model = 0; model < models; ++model) {
                    const QString key = keyFor(copyId, part, model);
                    lines[model].append({key, BatchProtocol::inputLine(input.models.at(model).kind, key,
                                                                       prepared->at(part * models + model).body)});
                }
            }
            return lines;
        }();
        QMetaObject::invokeMethod(this, [this, copyId, result] { onPrepared(copyId, result); }, Qt::QueuedConnection);
        taskDone();
    });
}

void BatchSubmitter::releaseDocuments(const Copy &copy)
{
    QSet<qint64> documents;
    for (const PageRef &page : copy.pages)
        documents.insert(page.documentId);
    for (qint64 documentId : std::as_const(documents)) {
        if (--m_documentUses[documentId] <= 0) {
            m_documentUses.remove(documentId);
            m_documents.remove(documentId);
        }
    }
}

void BatchSubmitter::onPrepared(qint64 copyId, const Result<QList<QList<std::pair<QString, QByteArray>>>> &lines)
{
    if (!m_running)
        return;
    m_preparing.remove(copyId);
    m_inPool.remove(copyId);
    const Copy copy = m_copies.take(copyId);
    releaseDocuments(copy);
    ++m_prepared;
    if (!lines) {
        m_result.failures.append(tr("%1: %2").arg(copy.label, lines.errorString()));
        m_store->saveCopyResult(copyId, {}, CopyStatus::Failed, lines.errorString(), {});
    } else {
        for (int model = 0; model < lines->size(); ++model) {
            for (const auto &[key, line] : lines->at(model)) {
                const Status written = m_writers[model]->add(key, line);
                if (!written)
                    return stopFatally(written.error());
            }
        }
    }
    emit progressChanged(m_prepared, m_total);
    if (m_prepared == m_total)
        allPrepared();
    else
        pump();
}

void BatchSubmitter::allPrepared()
{
    const int models = m_options.dual ? 2 : 1;
    for (int model = 0; model < models; ++model) {
        const Status finished = m_writers[model]->finish();
        if (!finished)
            return stopFatally(finished.error());
        const ProviderConfig &config = model == 0 ? m_options.modelA : m_options.modelB;
        for (const BatchFileWriter::Chunk &file : m_writers[model]->chunks()) {
            auto chunk = std::make_shared<Chunk>();
            chunk->model = model;
            chunk->file = file;
            // Gemini takes requests inline up to 20 MB; above that, a JSONL file (with the images still inline).
            chunk->sendInline = config.kind == ProviderKind::Gemini && file.bytes < BatchProtocol::geminiInlineLimit * 9 / 10;
            m_chunks.append(chunk);
        }
    }
    m_nextChunk = 0;
    uploadNext();
}

// Every input file is uploaded before any batch is recorded: a failed upload leaves the session as it was.
void BatchSubmitter::uploadNext()
{
    while (m_nextChunk < m_chunks.size() && m_chunks.at(m_nextChunk)->sendInline)
        ++m_nextChunk;
    if (m_nextChunk >= m_chunks.size()) {
        m_nextChunk = 0;
        createNext();
        return;
    }
    const std::shared_ptr<Chunk> chunk = m_chunks.at(m_nextChunk);
    m_clients[chunk->model]->uploadFile(chunk->file.path, QStringLiteral("corrige-batch-%1").arg(m_nextChunk + 1),
                                        [this, chunk](const Result<QString> &fileId) {
                                            if (!fileId) {
                                                // Nothing was recorded: take back what was uploaded.
                                                for (const auto &each : std::as_const(m_chunks)) {
                                                    if (!each->fileId.isEmpty())
                                                        m_clients[each->model]->deleteFile(each->fileId, [](const Status &) {});
                                                }
                                                return stopFatally(Error{fileId.error().code,
                                                                         tr("The batch file could not be uploaded: %1").arg(fileId.errorString())});
                                            }
                                            chunk->fileId = fileId.value();
                                            ++m_nextChunk;
                                            uploadNext();
                                        });
}

void BatchSubmitter::createNext()
{
    if (m_nextChunk >= m_chunks.size())
        return done();
    const std::shared_ptr<Chunk> chunk = m_chunks.at(m_nextChunk++);
    const ProviderConfig &config = chunk->model == 0 ? m_options.modelA : m_options.modelB;
    BatchJob &job = chunk->job;
    job.runId = m_result.runId;
    job.provider = providerKindToString(config.kind);
    job.model = config.model;
    job.baseUrl = config.baseUrl.toString();
    job.localTag = newTag();
    job.inputFile = chunk->fileId;
    job.mode = m_options.dual ? QStringLiteral("dual") : QStringLiteral("single");
    job.state = QStringLiteral("creating");
    job.total = chunk->file.lines;
    job.submittedAt = QDateTime::currentDateTimeUtc();
    for (const QString &key : std::as_const(chunk->file.keys))
        job.keys.append(m_keyInfo.value(key));
    auto jobId = std::make_shared<qint64>(0);
    const BatchJob toRecord = job;
    m_calls->run(
        [toRecord, jobId](SessionDatabase *db) -> Status {
            const Result<qint64> id = db->recordBatchJob(toRecord);
            if (!id)
                return id.error();
            *jobId = id.value();
            return Status::ok();
        },
        [this, chunk, jobId](const Status &recorded) {
            if (!recorded)
                return stopFatally(recorded.error());
            chunk->job.id = *jobId;
            for (qint64 copyId : chunk->job.copyIds())
                m_submittedCopies.insert(copyId);
            const auto created = [this, chunk](const Result<RemoteBatch> &remote) {
                BatchJob &batch = chunk->job;
                if (remote) {
                    batch.remoteId = remote->id;
                    batch.state = batchStateToString(remote->state);
                    batch.remoteState = remote->rawState;
                } else {
                    // It stays "creating": the collector lists the provider's batches, adopts it if its tag is
                    // there, and otherwise gives its copies back to pending. Never created twice.
                    batch.error = remote.errorString();
                    if (remote.error().code != ErrorCode::Network && remote.error().code != ErrorCode::Timeout)
                        m_result.failures.append(tr("The %1 batch was refused: %2").arg(batch.model, remote.errorString()));
                }
                const BatchJob toUpdate = batch;
                m_calls->run([toUpdate](SessionDatabase *db) { return db->updateBatchJob(toUpdate); },
                             [this, chunk, remote](const Status &) {
                                 m_result.jobs.append(chunk->job);
                                 emit jobSubmitted(chunk->job);
                                 if (!remote && isFatal(remote.error().code))
                                     return stopFatally(remote.error());
                                 createNext();
                             });
            };
            if (chunk->sendInline) {
                QFile file(chunk->file.path);
                if (!file.open(QIODevice::ReadOnly))
                    return created(Error{ErrorCode::FileUnreadable, file.errorString()});
                m_clients[chunk->model]->createInline(file.readAll(), chunk->job.localTag, created);
            } else {
                m_clients[chunk->model]->createFromFile(chunk->fileId, chunk->job.localTag, created);
            }
        });
}

void BatchSubmitter::stopFatally(const Error &error)
{
    if (m_result.fatalError.isEmpty()) {
        m_result.fatalError = error.message;
        m_result.fatalCode = error.code;
    }
    m_queue.clear();
    m_preparing.clear();
    done();
}

void BatchSubmitter::done()
{
    if (!m_running)
        return;
    m_running = false;
    m_result.copies = int(m_submittedCopies.size());
    if (m_result.runId > 0) {
        RunInfo run;
        run.id = m_result.runId;
        run.status = QStringLiteral("submitted");
        m_store->finishRun(run);
    }
    m_dir.reset(); // the input files are uploaded or inline by now
    emit finished(m_result);
}

} // namespace Corrige::Core
