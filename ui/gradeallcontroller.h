#pragma once

#include "core/session/sessiontypes.h"
#include "ui/dialogs/gradesetupdialog.h"
#include "ui/dialogs/progressdialog.h"
#include "ui/dialogs/rubricdialog.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <memory>

class QThreadPool;
class QTimer;
class QWidget;

namespace Corrige::Core {
class AppSettings;
class GradingOrchestrator;
class SecretStore;
class SessionStore;
struct Error;
struct GradingOptions;
struct RunProgress;
}

namespace Corrige::Ui {

class RubricDrafter;

// The "Grade all" flow of the main window:
//  1. the rubric review (RubricDialog, ReviewBeforeGrading), with drafting by model A; rubrics the teacher
//     changed are saved to the session; Cancel ends the flow;
//  2. the grade setup (one or two models, copies to grade, estimate, keys); Cancel ends the flow;
//  3. the run, with the ProgressDialog, which the teacher may hide and reopen (showProgress()); at the end a
//     summary, and "Review first flagged copy".
// The orchestrator runs in the GUI thread (network I/O is asynchronous, page images are prepared on the pool):
// nothing here waits.
//
// finished() is emitted once per start(), when the flow ends in any way. sessionChanged() says the session file
// has new rubrics or grades: reload it (a few times per second at most during a run).
class GradeAllController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GradeAllController)

public:
    // `store` and `pool` must outlive the controller; `window` parents the dialogs.
    GradeAllController(Core::SessionStore *store, QThreadPool *pool, QWidget *window);
    ~GradeAllController() override;

    // Settings and keys to use (not owned; they must outlive the controller). Without them the controller uses
    // the user's settings and a key store of its own (no keychain when CORRIGE_NO_KEYCHAIN=1).
    void setSettings(Core::AppSettings *settings);
    void setSecretStore(Core::SecretStore *secrets);

    // Starts the flow on `snapshot` (the session as the main window shows it). While a flow is under way,
    // brings its window forward instead.
    void start(const Core::SessionSnapshot &snapshot);
    // True from start() until finished().
    bool isRunning() const { return m_stage != Stage::Idle; }
    // True while the orchestrator grades.
    bool isGrading() const;
    // Ends the flow: closes the review or setup dialog, or stops the run (copies already graded are kept).
    void cancel();
    // Shows the progress window again (after "Hide"), up to date.
    void showProgress();

    // The dialogs of the flow, while they are open.
    RubricDialog *rubricDialog() const { return m_rubricDialog; }
    GradeSetupDialog *setupDialog() const { return m_setupDialog; }
    ProgressDialog *progressDialog() const { return m_progressDialog; }
    Core::GradingOrchestrator *orchestrator() const { return m_orchestrator; }

Q_SIGNALS:
    void finished(qint64 firstCopyToReview); // 0 if none
    // The teacher chose batch grading in the setup: the flow ends here and the batch is the caller's to submit.
    void batchRequested(const Corrige::Core::GradingOptions &options);
    void sessionChanged();

private:
    enum class Stage { Idle, Review, Setup, Grading, Summary };

    Core::AppSettings *settings();
    Core::SecretStore *secrets();
    void openReview();
    void reviewFinished(int result);
    void saveRubrics(const Core::Exam &before, const Core::Exam &after);
    void openSetup();
    void setupFinished(int result);
    void startRun(const Core::GradingOptions &options);
    void ensureProgressDialog();
    void onCopyFinished(qint64 copyId, int status);
    void onRunFinished(const Core::RunProgress &summary);
    void onStoreFailed(quint64 requestId, const Core::Error &error);
    void onStoreSaved(quint64 requestId);
    qint64 firstFlaggedCopy() const;
    void scheduleSessionChanged();
    void end(qint64 copyToReview);

    Core::SessionStore *m_store; // not owned
    QThreadPool *m_pool;         // not owned
    QPointer<QWidget> m_window;
    Core::AppSettings *m_settings = nullptr; // not owned
    std::unique_ptr<Core::AppSettings> m_ownSettings;
    QPointer<Core::SecretStore> m_secrets;   // not owned unless a child of this

    Stage m_stage = Stage::Idle;
    Core::SessionSnapshot m_snapshot;
    QSet<quint64> m_rubricSaves;             // setRubric requests not answered yet
    QHash<qint64, int> m_runStatus;          // copy id -> CopyStatus reached in this run
    QString m_draftProvider;                 // whose key the drafter waits for

    Core::GradingOrchestrator *m_orchestrator = nullptr; // child
    RubricDrafter *m_drafter = nullptr;                  // child
    QPointer<RubricDialog> m_rubricDialog;
    QPointer<GradeSetupDialog> m_setupDialog;
    QPointer<ProgressDialog> m_progressDialog;
    QTimer *m_sessionTimer = nullptr;
};

} // namespace Corrige::Ui
