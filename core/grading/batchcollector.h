#pragma once

#include "core/domain/copy.h"
#include "core/domain/exam.h"
#include "core/domain/result.h"
#include "core/grading/dualcomparator.h"
#include "core/llm/batchprotocol.h"
#include "core/llm/llmreply.h"
#include "core/llm/pricetable.h"
#include "core/llm/providerconfig.h"
#include "core/session/sessiontypes.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <memory>

class QTimer;

namespace Corrige::Core {

class BatchClient;
class SessionStore;
class StoreCalls;

struct CollectOptions {
    // The keys for each provider the batches went to. A base URL set here replaces the one recorded with the batch
    // (by default the batch is collected from the server it was submitted to).
    QList<ProviderConfig> accounts;
    bool wait = false;      // poll until every batch is imported
    bool cancel = false;    // cancel the batches still running, then import what they completed (implies wait)
    int pollMs = 30000;     // first interval between polls; grows by half each time, up to maxPollMs
    int maxPollMs = 10 * 60 * 1000;
    int retryBaseMs = 1000; // first back-off of a retried call
    PriceTable prices;      // list prices; batches cost half
};

// What collecting did so far.
struct CollectSummary {
    int graded = 0;        // imported graded (review included)
    int needsReview = 0;
    int failed = 0;        // copies failed (failed lines)
    int returned = 0;      // copies back to pending (expired, cancelled, missing lines, failed batches)
    int waiting = 0;       // copies still in a batch
    QList<BatchJob> jobs;
    QStringList failures;  // "Copy 3: …"
    QStringList notes;     // what happened to whole batches
    TokenUsage tokens;
    double cost = 0.0;     // at the batch price
    Agreement agreement;
    bool finished = false; // every batch settled
    QString fatalError;
    ErrorCode fatalCode = ErrorCode::None;
};

// Polls the session's batches and imports their results.
//
// Each pass reads the batch jobs from the session, adopts by their local tag those whose create was never answered
// (listing the provider's batches; a tag that is not there was never created and its copies go back to pending),
// asks each running batch where it is, and reads the output and error files of every batch that has ended, whatever
// its final state. A copy is imported when every batch holding its requests has ended: in one transaction, as live
// grading stores it (dual comparison and review flags through CopyGrades), and only while it is still `submitted`,
// so nothing is imported twice. A failed line fails its copy with the reason; lines that never ran (expired,
// cancelled, missing from the results) put their copy back to pending. Then the batch is marked imported and its
// uploaded input file deleted.
class BatchCollector final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchCollector)

public:
    explicit BatchCollector(SessionStore *store, QObject *parent = nullptr);
    ~BatchCollector() override;

    Status start(const CollectOptions &options);
    void stop(); // no more polls; what is being imported finishes
    bool isRunning() const { return m_running; }
    CollectSummary summary() const { return m_summary; }

signals:
    void jobChanged(const Corrige::Core::BatchJob &job);
    void copyImported(qint64 copyId, int status); // CopyStatus
    void passFinished(const Corrige::Core::CollectSummary &summary);
    void finished(const Corrige::Core::CollectSummary &summary);

private:
    struct Loaded;

    void pass();
    void onLoaded(const std::shared_ptr<Loaded> &loaded);
    void step(int index);
    void adopt(int index);
    void refresh(int index);
    void fetchResults(int index, const RemoteBatch &remote);
    void jobDone();
    void importReady();
    void settleJobs();
    void endPass();
    void saveJob(const BatchJob &job);
    BatchClient *clientFor(const BatchJob &job);
    void stopFatally(const Error &error);

    SessionStore *m_store; // not owned
    std::unique_ptr<StoreCalls> m_calls;
    CollectOptions m_options;
    CollectSummary m_summary;
    bool m_running = false;
    bool m_stopping = false;
    int m_interval = 0;
    QTimer *m_timer = nullptr; // owned (child)
    std::shared_ptr<Loaded> m_loaded;
    QList<BatchJob> m_active;                                  // this pass's unsettled jobs
    QHash<qint64, QHash<QString, BatchLineResult>> m_results;  // job id → results by key, once it has ended
    QSet<qint64> m_cancelSent;
    QHash<QString, std::shared_ptr<BatchClient>> m_clients;    // provider|base url
    QHash<qint64, RunInfo> m_runDelta;                         // run id → what this pass added
    int m_outstanding = 0;
    int m_importsOutstanding = 0;
};

} // namespace Corrige::Core

Q_DECLARE_METATYPE(Corrige::Core::CollectSummary)
