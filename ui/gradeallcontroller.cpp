#include "ui/gradeallcontroller.h"

#include "core/grading/gradingorchestrator.h"
#include "core/secrets/secretstore.h"
#include "core/session/sessionstore.h"
#include "core/settings/appsettings.h"
#include "ui/dialogs/gradesetupdialog.h"
#include "ui/dialogs/messagebox.h"
#include "ui/dialogs/progressdialog.h"
#include "ui/dialogs/rubricdialog.h"
#include "ui/rubricdrafter.h"

#include <QTimer>
#include <QWidget>

namespace Corrige::Ui {

using namespace Corrige::Core;

namespace {

// During a run, the main window is told to reload at most this often.
constexpr int sessionChangedIntervalMs = 1000;

} // namespace

GradeAllController::GradeAllController(SessionStore *store, QThreadPool *pool, QWidget *window)
    : QObject(window)
    , m_store(store)
    , m_pool(pool)
    , m_window(window)
{
    Q_ASSERT(m_store);
    m_orchestrator = new GradingOrchestrator(m_store, m_pool, this);
    m_drafter = new RubricDrafter(this);
    m_sessionTimer = new QTimer(this);
    m_sessionTimer->setSingleShot(true);
    m_sessionTimer->setInterval(sessionChangedIntervalMs);
    connect(m_sessionTimer, &QTimer::timeout, this, &GradeAllController::sessionChanged);

    connect(m_orchestrator, &GradingOrchestrator::copyStarted, this, [this](qint64 copyId) {
        if (m_progressDialog)
            m_progressDialog->copyStarted(copyId);
    });
    connect(m_orchestrator, &GradingOrchestrator::copyFinished, this, &GradeAllController::onCopyFinished);
    connect(m_orchestrator, &GradingOrchestrator::copyFailed, this, [this](qint64 copyId, const QString &reason) {
        m_runStatus.insert(copyId, int(CopyStatus::Failed));
        if (m_progressDialog)
            m_progressDialog->copyFailed(copyId, reason);
        scheduleSessionChanged();
    });
    connect(m_orchestrator, &GradingOrchestrator::progressChanged, this, [this](int done, int total) {
        if (m_progressDialog)
            m_progressDialog->progressChanged(done, total);
    });
    connect(m_orchestrator, &GradingOrchestrator::costChanged, this,
            [this](double cost, qint64 inputTokens, qint64 outputTokens) {
                if (m_progressDialog)
                    m_progressDialog->costChanged(cost, inputTokens, outputTokens);
            });
    connect(m_orchestrator, &GradingOrchestrator::runFinished, this, &GradeAllController::onRunFinished);
    connect(m_store, &SessionStore::saved, this, &GradeAllController::onStoreSaved);
    connect(m_store, &SessionStore::failed, this, &GradeAllController::onStoreFailed);
}

GradeAllController::~GradeAllController()
{
    disconnect(m_store, nullptr, this, nullptr);
    if (m_orchestrator->isRunning())
        m_orchestrator->cancel();
    // The dialogs belong to the window, but they speak only to this flow.
    delete m_rubricDialog.data();
    delete m_setupDialog.data();
    delete m_progressDialog.data();
}

void GradeAllController::setSettings(AppSettings *settings)
{
    m_settings = settings;
}

void GradeAllController::setSecretStore(SecretStore *secrets)
{
    if (m_secrets)
        disconnect(m_secrets, nullptr, this, nullptr);
    m_secrets = secrets;
    if (!m_secrets)
        return;
    // The drafter of the rubric review waits for model A's key.
    connect(m_secrets, &SecretStore::keyRead, this, [this](const QString &provider, const QString &key, SecretLocation) {
        if (m_stage != Stage::Review || provider != m_draftProvider || m_drafter->hasProvider())
            return;
        ProviderConfig config;
        config.kind = providerKindFromString(provider);
        config.model = settings()->model(ModelSlot::A);
        const QString url = settings()->baseUrl(ModelSlot::A);
        if (!url.isEmpty())
            config.baseUrl = QUrl(url);
        config.apiKey = key;
        config.timeoutMs = settings()->timeoutSeconds() * 1000;
        m_drafter->setProvider(config);
    });
    connect(m_secrets, &SecretStore::failed, this, [this](const QString &provider, const QString &) {
        if (m_stage != Stage::Review || provider != m_draftProvider || m_drafter->hasProvider())
            return;
        ProviderConfig config; // no key: every draft then says which key is missing and where to put it
        config.kind = providerKindFromString(provider);
        config.model = settings()->model(ModelSlot::A);
        m_drafter->setProvider(config);
    });
}

AppSettings *GradeAllController::settings()
{
    if (!m_settings) {
        m_ownSettings = std::make_unique<AppSettings>();
        m_settings = m_ownSettings.get();
    }
    return m_settings;
}

SecretStore *GradeAllController::secrets()
{
    if (!m_secrets) {
        auto *store = new SecretStore(this);
        if (qEnvironmentVariableIntValue("CORRIGE_NO_KEYCHAIN") == 1)
            store->setKeychainEnabled(false);
        setSecretStore(store);
    }
    return m_secrets;
}

bool GradeAllController::isGrading() const
{
    return m_orchestrator->isRunning();
}

void GradeAllController::start(const SessionSnapshot &snapshot)
{
    if (isRunning()) {
        showProgress();
        return;
    }
    m_snapshot = snapshot;
    m_runStatus.clear();
    openReview();
}

void GradeAllController::openReview()
{
    m_stage = Stage::Review;
    // A fresh drafter for each review: it waits for model A's key, read now.
    delete m_drafter;
    m_drafter = new RubricDrafter(this);
    m_draftProvider = settings()->provider(ModelSlot::A);

    auto *dialog = new RubricDialog(m_snapshot.exam, RubricDialog::Mode::ReviewBeforeGrading, m_window);
    m_rubricDialog = dialog;
    m_drafter->attach(dialog);
    connect(dialog, &QDialog::finished, this, &GradeAllController::reviewFinished);
    dialog->open();
    secrets()->read(m_draftProvider);
}

void GradeAllController::reviewFinished(int result)
{
    RubricDialog *dialog = m_rubricDialog;
    if (!dialog)
        return;
    const Exam reviewed = dialog->exam();
    m_rubricDialog.clear();
    dialog->deleteLater();
    m_drafter->cancel();
    if (m_stage != Stage::Review)
        return;
    if (result != QDialog::Accepted) {
        end(0);
        return;
    }
    saveRubrics(m_snapshot.exam, reviewed);
    m_snapshot.exam = reviewed;
    openSetup();
}

void GradeAllController::saveRubrics(const Exam &before, const Exam &after)
{
    for (const Question &question : after.questions) {
        const Question *old = before.question(question.id);
        if (old && old->rubric == question.rubric)
            continue;
        m_rubricSaves.insert(m_store->setRubric(question.id, question.rubric, QStringLiteral("teacher")));
    }
}

void GradeAllController::onStoreSaved(quint64 requestId)
{
    if (m_rubricSaves.remove(requestId) && m_rubricSaves.isEmpty())
        emit sessionChanged();
}

void GradeAllController::onStoreFailed(quint64 requestId, const Error &error)
{
    if (!m_rubricSaves.remove(requestId))
        return;
    m_rubricSaves.clear();
    MessageBox::warning(m_window, tr("The rubric could not be saved"),
                        tr("The rubric could not be saved in the session, so grading was not started.\n\n%1")
                            .arg(error.message));
    cancel();
}

void GradeAllController::openSetup()
{
    m_stage = Stage::Setup;
    auto *dialog = new GradeSetupDialog(m_snapshot, settings(), secrets(), m_window);
    m_setupDialog = dialog;
    connect(dialog, &QDialog::finished, this, &GradeAllController::setupFinished);
    dialog->open();
}

void GradeAllController::setupFinished(int result)
{
    GradeSetupDialog *dialog = m_setupDialog;
    if (!dialog)
        return;
    const GradingOptions options = dialog->options();
    const bool batch = dialog->isBatch();
    m_setupDialog.clear();
    dialog->deleteLater();
    if (m_stage != Stage::Setup)
        return;
    if (result != QDialog::Accepted) {
        end(0);
        return;
    }
    if (batch) {
        end(0);
        emit batchRequested(options);
        return;
    }
    startRun(options);
}

void GradeAllController::startRun(const GradingOptions &options)
{
    m_runStatus.clear();
    const Status status = m_orchestrator->start(m_snapshot, options);
    if (!status) {
        MessageBox::warning(m_window, tr("Grading could not start"), status.errorString());
        end(0);
        return;
    }
    m_stage = Stage::Grading;
    ensureProgressDialog();
    QHash<qint64, QString> labels;
    for (const Copy &copy : std::as_const(m_snapshot.copies))
        labels.insert(copy.id, copy.label); // the names the orchestrator's messages use too
    m_progressDialog->setRunDescription(m_snapshot.exam.title, options.dual);
    m_progressDialog->setCopyLabels(labels);
    m_progressDialog->setFirstFlaggedCopy(0);
    m_progressDialog->setProgress(m_orchestrator->snapshot());
    m_progressDialog->show();
    m_progressDialog->raise();
}

void GradeAllController::ensureProgressDialog()
{
    if (m_progressDialog)
        return;
    auto *dialog = new ProgressDialog(m_window);
    m_progressDialog = dialog;
    connect(dialog, &ProgressDialog::cancelRequested, m_orchestrator, &GradingOrchestrator::cancel);
    connect(dialog, &ProgressDialog::reviewRequested, this, [this](qint64 copyId) {
        if (m_stage == Stage::Summary)
            end(copyId);
    });
    connect(dialog, &QDialog::finished, this, [this](int result) {
        // Accepted is "Review first flagged copy": reviewRequested() follows with the copy.
        if (result != QDialog::Accepted && m_stage == Stage::Summary)
            end(0);
    });
}

void GradeAllController::onCopyFinished(qint64 copyId, int status)
{
    m_runStatus.insert(copyId, status);
    if (m_progressDialog)
        m_progressDialog->copyFinished(copyId, status);
    scheduleSessionChanged();
}

void GradeAllController::onRunFinished(const RunProgress &summary)
{
    m_sessionTimer->stop();
    emit sessionChanged();
    if (m_stage != Stage::Grading)
        return;
    m_stage = Stage::Summary;
    ensureProgressDialog();
    m_progressDialog->runFinished(summary);
    m_progressDialog->setFirstFlaggedCopy(firstFlaggedCopy());
    // The end of a run is worth showing even if the window was hidden.
    m_progressDialog->show();
    m_progressDialog->raise();
}

qint64 GradeAllController::firstFlaggedCopy() const
{
    qint64 best = 0;
    int bestPosition = 0;
    for (const Copy &copy : m_snapshot.copies) {
        const CopyStatus status = CopyStatus(m_runStatus.value(copy.id, int(copy.status)));
        if (status != CopyStatus::NeedsReview)
            continue;
        if (best == 0 || copy.position < bestPosition) {
            best = copy.id;
            bestPosition = copy.position;
        }
    }
    return best;
}

void GradeAllController::scheduleSessionChanged()
{
    if (!m_sessionTimer->isActive())
        m_sessionTimer->start();
}

void GradeAllController::cancel()
{
    switch (m_stage) {
    case Stage::Idle:
        return;
    case Stage::Review:
        if (m_rubricDialog)
            m_rubricDialog->done(QDialog::Rejected); // no "discard changes?" question: the caller decided
        else
            end(0);
        return;
    case Stage::Setup:
        if (m_setupDialog)
            m_setupDialog->reject();
        else
            end(0);
        return;
    case Stage::Grading:
        m_orchestrator->cancel(); // the summary follows with runFinished()
        return;
    case Stage::Summary:
        if (m_progressDialog)
            m_progressDialog->done(QDialog::Rejected);
        else
            end(0);
        return;
    }
}

void GradeAllController::showProgress()
{
    QWidget *shown = nullptr;
    switch (m_stage) {
    case Stage::Idle:
        return;
    case Stage::Review:
        shown = m_rubricDialog;
        break;
    case Stage::Setup:
        shown = m_setupDialog;
        break;
    case Stage::Grading:
    case Stage::Summary:
        ensureProgressDialog();
        m_progressDialog->setProgress(m_orchestrator->snapshot());
        shown = m_progressDialog;
        break;
    }
    if (!shown)
        return;
    shown->show();
    shown->raise();
    shown->activateWindow();
}

void GradeAllController::end(qint64 copyToReview)
{
    if (m_stage == Stage::Idle)
        return;
    m_stage = Stage::Idle;
    m_drafter->cancel();
    if (m_progressDialog && m_progressDialog->isVisible())
        m_progressDialog->hide();
    emit finished(copyToReview);
}

} // namespace Corrige::Ui
