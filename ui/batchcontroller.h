#pragma once

#include "core/grading/batchcollector.h"
#include "core/session/sessiontypes.h"

#include <QObject>
#include <QPointer>
#include <QSet>

class QThreadPool;

namespace Corrige::Core {
class BatchSubmitter;
class SecretStore;
class SessionStore;
struct BatchSubmission;
struct GradingOptions;
}

namespace Corrige::Ui {

// Batch grading in the main window: submits a class as provider batches, then polls them while the session is
// open and imports what has finished (the same BatchSubmitter and BatchCollector as corrige-cli). A session that
// is opened with batches still out picks them up: the keys are read from the key store (keychain or
// environment), and each batch is polled on the server it was submitted to.
//
// Everything runs in the GUI thread without waiting: network I/O is asynchronous, preparation on the pool,
// storage on the store's thread.
class BatchController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchController)

public:
    // None of these is owned; all must outlive the controller.
    BatchController(Core::SessionStore *store, QThreadPool *pool, Core::SecretStore *secrets, QObject *parent = nullptr);
    ~BatchController() override;

    // The first poll waits this long, then the interval grows by half up to ten minutes (30 s by default, or
    // CORRIGE_BATCH_POLL_MS).
    void setPollInterval(int ms) { m_pollMs = ms; }

    void submit(const Core::SessionSnapshot &snapshot, const Core::GradingOptions &options);
    // The session as the window shows it: polls while it has batches not imported yet.
    void setSession(const Core::SessionSnapshot &snapshot);
    // Cancels the batches still running; what they completed is imported and the other copies go back to
    // pending, to be graded live.
    void cancelBatches();
    // Stops polling (the session is closing); nothing is lost, the next opening picks up.
    void stop();

    bool isSubmitting() const;
    bool isPolling() const;
    QList<Core::BatchJob> jobs() const { return m_jobs; }

Q_SIGNALS:
    void jobsChanged(const QList<Corrige::Core::BatchJob> &jobs);
    // A sentence for the status bar: "Submitted…", "Imported 12 copies from a batch." or a problem.
    void message(const QString &text);
    void sessionChanged();

private:
    void startCollecting(bool cancel);
    void keyRead(const QString &provider, const QString &key);

    Core::SessionStore *m_store;           // not owned
    QThreadPool *m_pool;                   // not owned
    QPointer<Core::SecretStore> m_secrets; // not owned
    Core::BatchSubmitter *m_submitter = nullptr; // owned (child)
    Core::BatchCollector *m_collector = nullptr; // owned (child)
    QList<Core::BatchJob> m_jobs;
    QHash<QString, QString> m_keys;        // provider → key, in memory only
    QSet<QString> m_pendingKeys;
    bool m_wantCollect = false;
    bool m_wantCancel = false;
    bool m_restartWithCancel = false;
    int m_pollMs = 30000;
    int m_importedThisPass = 0;
};

} // namespace Corrige::Ui
