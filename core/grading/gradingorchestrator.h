#pragma once

#include "core/domain/result.h"
#include "core/grading/dualcomparator.h"
#include "core/llm/llmreply.h"
#include "core/llm/pricetable.h"
#include "core/llm/preparedrequest.h"
#include "core/llm/providerconfig.h"
#include "core/pdf/pageimageextractor.h"
#include "core/session/sessiontypes.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QRectF>
#include <QWaitCondition>

#include <atomic>
#include <deque>
#include <memory>

class QThreadPool;

namespace Corrige::Core {

class LlmClient;
class LlmOutcome;
class SessionStore;
struct AttemptRecord;

struct GradingOptions {
    bool dual = false;
    ProviderConfig modelA;
    ProviderConfig modelB;          // dual mode only
    int concurrency = 4;            // requests in flight per model
    int maxAttempts = 3;
    bool regrade = false;           // grade again copies already graded by a model (teacher grades still win)
    bool perQuestion = false;       // one request per set of pages a question is on, instead of one per copy
    Tolerance tolerance;
    // Scanned A4 pages at 200-300 dpi are 2340-3510 px tall: up to 3600 px the scanner's own JPEG is sent
    // untouched (fast, and as sharp as the scan); providers downscale large images on their side.
    PageImageOptions images = PageImageOptions{3600, 85, 4 * 1024 * 1024};
    bool anonymize = true;
    QList<QRectF> mask;             // page fractions hidden on each copy's first page; empty = the default area
    int prefetchCopies = 0;         // copies prepared ahead of the network; 0 = twice the concurrency
    double inputPricePerMillion = 0;   // model A; for the estimate shown while running
    double outputPricePerMillion = 0;
    double inputPricePerMillionB = 0;
    double outputPricePerMillionB = 0;

    // Takes the prices of the chosen models from `prices` (0 for a model it does not know).
    void usePrices(const PriceTable &prices);
};

// Where a run stands; what a dialog that opens late shows first.
struct RunProgress {
    qint64 runId = 0;
    int total = 0;
    int done = 0;
    int graded = 0;
    int needsReview = 0;
    int failed = 0;
    QList<QString> failures;         // "Copy 3: the model's answer was cut off", newest last
    QList<qint64> copiesInFlight;
    TokenUsage tokens;
    double cost = 0.0;
    qint64 elapsedMs = 0;
    Agreement agreement;             // dual mode
    bool running = false;
    bool cancelled = false;
    QString fatalError;              // set when the run stopped early (refused key, quota, disk)
    ErrorCode fatalCode = ErrorCode::None;
};

// Grade all: plan → prepare (page images, on the pool) → send (LlmClient) → parse → store → signals.
//
// Lives in one thread (the GUI thread, or the CLI's main thread); network I/O is asynchronous and the CPU
// work runs on the given bounded pool. Each finished copy is written in one transaction at once, so a cancel,
// a crash or a kill loses at most the copies in flight.
class GradingOrchestrator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GradingOrchestrator)

public:
    GradingOrchestrator(SessionStore *store, QThreadPool *pool, QObject *parent = nullptr);
    ~GradingOrchestrator() override;

    // Starts grading what the snapshot has left to grade. Errors in the options (a missing key, a bad URL) are
    // returned at once and nothing starts.
    Status start(const SessionSnapshot &snapshot, const GradingOptions &options);
    // Stops scheduling, aborts requests in flight; everything already stored stays, the rest stays pending.
    void cancel();
    bool isRunning() const { return m_progress.running; }
    RunProgress snapshot() const;

signals:
    void copyStarted(qint64 copyId);
    void questionGraded(qint64 copyId, const QString &questionId, double score);
    void copyFinished(qint64 copyId, int status);          // CopyStatus
    void copyFailed(qint64 copyId, const QString &reason);
    void progressChanged(int done, int total);
    void costChanged(double cost, qint64 inputTokens, qint64 outputTokens);
    void runFinished(const Corrige::Core::RunProgress &summary);

private:
    struct CopyJob;

    void onRunStarted(qint64 runId);
    void pump();
    void prepare(CopyJob *job);
    void onPrepared(qint64 copyId, const Result<QList<PreparedRequest>> &prepared);
    void releaseDocuments(const Copy &copy);
    void sendReadyCopies();
    void submit(CopyJob *job, int partIndex, int model);
    void onModelFinished(int model, quint64 requestId, const LlmOutcome &outcome, int attempts);
    void onAttempt(int model, quint64 requestId, const AttemptRecord &record);
    void complete(CopyJob *job);
    void store(CopyJob *job, const QList<QuestionGrade> &grades, CopyStatus status, const QString &error);
    void fail(CopyJob *job, const QString &reason);
    void stopFatally(ErrorCode code, const QString &reason);
    void maybeFinish();
    void taskStarted();
    void taskDone();

    SessionStore *m_store;
    QThreadPool *m_pool;
    GradingOptions m_options;
    SessionSnapshot m_snapshot;
    RunProgress m_progress;
    QElapsedTimer m_clock;
    std::deque<qint64> m_queue;                              // copies not started yet
    std::deque<qint64> m_sendOrder;                          // started copies not sent yet, in class order
    QHash<qint64, std::shared_ptr<CopyJob>> m_jobs;          // started, not finished
    QHash<qint64, QStringList> m_plan;                       // copy id → questions to grade
    QHash<qint64, QByteArray> m_documents;                   // PDF bytes by document id, loaded on demand
    QHash<qint64, int> m_documentUses;                       // copies still to prepare from each document
    QHash<qint64, QString> m_missingDocuments;               // document id → why it cannot be read
    QHash<quint64, std::pair<qint64, int>> m_requests[2];    // client request id → (copy id, part), per model
    QHash<quint64, qint64> m_documentRequests;               // store request id → document id
    QHash<quint64, qint64> m_saveRequests;                   // store request id → copy id
    quint64 m_runRequest = 0;
    quint64 m_finishRequest = 0;
    std::unique_ptr<LlmClient> m_clients[2];
    QList<QMetaObject::Connection> m_storeConnections;
    int m_networkFailures = 0; // requests in a row that failed to reach the server, retries included
    static constexpr int networkFailuresBeforeStop = 3;

    // Set on cancel and on destruction: queued preparation tasks then return at once instead of running.
    std::shared_ptr<std::atomic_bool> m_cancelled = std::make_shared<std::atomic_bool>(false);
    // Pool tasks still running; the destructor waits for them.
    QMutex m_taskMutex;
    QWaitCondition m_tasksDone;
    int m_tasks = 0;
};

} // namespace Corrige::Core

Q_DECLARE_METATYPE(Corrige::Core::RunProgress)
