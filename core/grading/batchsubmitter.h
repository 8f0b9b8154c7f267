#pragma once

#include "core/domain/result.h"
#include "core/grading/gradingorchestrator.h"
#include "core/llm/batchfilewriter.h"
#include "core/session/sessiontypes.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QTemporaryDir>
#include <QWaitCondition>

#include <deque>
#include <memory>

class QThreadPool;

namespace Corrige::Core {

class BatchClient;
class SessionStore;
class StoreCalls;

// What a submission did.
struct BatchSubmission {
    qint64 runId = 0;
    int copies = 0;             // copies now in a batch
    QList<BatchJob> jobs;       // the batches recorded, with their remote ids
    QStringList failures;       // "Copy 3: …" for copies that could not be prepared, or batches that could not be created
    QString fatalError;         // set when nothing more could be sent (a refused key, an unreachable server)
    ErrorCode fatalCode = ErrorCode::None;
};

// Grade through the providers' Batch APIs: prepares every copy still to grade exactly as live grading does (the
// same page images, name mask, pseudonym, prompt and schema, through CopyPreparation on the pool), writes each
// model's requests as JSONL input split under the provider's limits, and creates one batch per file.
//
// Creation is not idempotent, so each batch is recorded in the session first, with a unique local tag that goes
// into the batch's metadata (OpenAI) or display name (Gemini); the copies it holds are marked `submitted` in the
// same transaction. If Corrige stops before the create is answered, BatchCollector adopts the batch by its tag.
// Input files are uploaded before any batch is recorded, so a failed upload leaves the session as it was.
class BatchSubmitter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchSubmitter)

public:
    BatchSubmitter(SessionStore *store, QThreadPool *pool, QObject *parent = nullptr);
    ~BatchSubmitter() override;

    // Per provider; the defaults are the providers' own (BatchLimits::forProvider).
    void setLimits(ProviderKind kind, const BatchLimits &limits);
    // First back-off of retried calls (tests shorten it).
    void setRetryBaseMs(int ms) { m_retryBaseMs = ms; }

    // Gemini and OpenAI only: compatible servers have no Batch API. Errors in the options come back at once.
    Status start(const SessionSnapshot &snapshot, const GradingOptions &options);
    bool isRunning() const { return m_running; }

signals:
    void progressChanged(int prepared, int total);
    void jobSubmitted(const Corrige::Core::BatchJob &job);
    void finished(const Corrige::Core::BatchSubmission &result);

private:
    struct Chunk;

    void pump();
    void prepare(qint64 copyId);
    void onPrepared(qint64 copyId, const Result<QList<QList<std::pair<QString, QByteArray>>>> &lines);
    void releaseDocuments(const Copy &copy);
    void allPrepared();
    void uploadNext();
    void createNext();
    void done();
    void stopFatally(const Error &error);
    void taskStarted();
    void taskDone();

    SessionStore *m_store;   // not owned
    QThreadPool *m_pool;     // not owned
    std::unique_ptr<StoreCalls> m_calls;
    GradingOptions m_options;
    SessionSnapshot m_snapshot;
    BatchSubmission m_result;
    bool m_running = false;
    int m_retryBaseMs = 1000;
    QHash<int, BatchLimits> m_limits;            // by ProviderKind
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<BatchFileWriter> m_writers[2];
    std::unique_ptr<BatchClient> m_clients[2];
    QHash<QString, QJsonObject> m_keyInfo;       // key → {key, copy, part, model, questions}
    std::deque<qint64> m_queue;                  // copies to prepare
    QHash<qint64, QStringList> m_plan;
    QHash<qint64, Copy> m_copies;
    QSet<qint64> m_preparing;                    // taken from the queue
    QSet<qint64> m_inPool;                       // of those, being prepared on the pool
    QHash<qint64, QByteArray> m_documents;
    QHash<qint64, int> m_documentUses;
    QSet<qint64> m_documentsRequested;
    QMetaObject::Connection m_documentConnection;
    int m_total = 0;
    int m_prepared = 0;
    QSet<qint64> m_submittedCopies;
    QList<std::shared_ptr<Chunk>> m_chunks;      // every file, model A's first
    int m_nextChunk = 0;

    QMutex m_taskMutex;
    QWaitCondition m_tasksDone;
    int m_tasks = 0;
};

} // namespace Corrige::Core

Q_DECLARE_METATYPE(Corrige::Core::BatchSubmission)
