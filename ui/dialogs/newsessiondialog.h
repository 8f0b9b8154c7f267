#pragma once

#include "core/domain/exam.h"
#include "core/domain/importplan.h"
#include "core/domain/result.h"
#include "core/llm/providerconfig.h"
#include "core/pdf/rostercsv.h"
#include "core/workflow/sessionimport.h"

#include <QDialog>
#include <QHash>
#include <QImage>
#include <QPointer>
#include <QSet>

#include <memory>
#include <optional>

class QButtonGroup;
class QComboBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTableWidget;
class QThreadPool;
class QToolButton;

namespace Corrige::Core {
class AppSettings;
class LlmClient;
class LlmOutcome;
class SecretStore;
class SessionStore;
}

namespace Corrige::Ui {

// Starts a session: the exam (title, language, questions, or its JSON file) and the scanned copies (PDFs, how
// they split into copies, an optional roster), with a preview of every copy that will be created and the
// first page of each. Every file is checked off the GUI thread as soon as it is added; each problem is shown
// with the file it concerns and what to do, and Create stays disabled until there is none.
//
// Create asks where to save, then writes the session and imports the scans in one go on a storage thread:
// either everything is written, or no file is left behind. In ImportScans mode the same checks and preview
// add scans to the session open in a SessionStore, in one transaction.
class NewSessionDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NewSessionDialog)

public:
    enum class Mode { NewSession, ImportScans };

    explicit NewSessionDialog(QThreadPool *workPool, QWidget *parent = nullptr);
    // Imports scans into the session open in `store`; new copies are numbered after `existingCopies`.
    NewSessionDialog(QThreadPool *workPool, Core::SessionStore *store, const Core::Exam &exam, int existingCopies,
                     QWidget *parent = nullptr);
    ~NewSessionDialog() override;

    Mode mode() const { return m_mode; }

    // What drafting the questions from the blank exam needs: the settings of model A and the key store (both
    // not owned; they must outlive the dialog). Without them the Draft button stays disabled.
    void setModelAccess(Core::AppSettings *settings, Core::SecretStore *secrets);

    // Filling in, as the teacher does with the buttons.
    bool loadExamFile(const QString &path);
    // Asks model A for the questions printed in the blank exam at `blankPdfPath` (its first pages, at most
    // maxDraftPages), then fills the title, language and questions for the teacher to review.
    void draftExam(const QString &blankPdfPath);
    void cancelDraft();
    bool isDrafting() const { return m_draftStage != DraftStage::Idle; }
    static constexpr int maxDraftPages = 8;
    void setExam(const Core::Exam &exam);
    void addPdfs(const QStringList &paths);
    void setPagesPerCopy(int pagesPerCopy); // 0: one PDF per copy
    void setRosterPath(const QString &path);

    // The exam as edited (rubrics and answer pages of a loaded exam JSON are kept).
    Core::Exam exam() const;
    Core::ImportRequest importRequest() const;

    // What stops Create, one sentence each (empty when ready or while files are being checked).
    QStringList problems() const;
    bool isChecking() const;
    bool isReady() const;
    bool isBusy() const { return m_busy; }
    int previewCopyCount() const;
    int thumbnailCount() const;
    // The session file written, once sessionCreated() was emitted.
    QString sessionPath() const { return m_sessionPath; }

    void accept() override;
    void reject() override;

    // Seam for tests: the next password prompt answers this at once (nullopt: the teacher cancels).
    static void setNextPassword(const std::optional<QString> &password);

Q_SIGNALS:
    void previewChanged();
    void sessionCreated(const QString &path);
    void scansImported(int copies);
    // A draft ended: `applied` is false when it failed, was cancelled, or the teacher kept the questions.
    void examDraftFinished(bool applied);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    enum class DraftStage { Idle, ReadingKey, Rendering, Asking };

    struct PdfEntry {
        QString path;
        quint64 serial = 0; // of the check in flight or done; stale answers are dropped
        bool checking = false;
        std::optional<Core::ImportDocument> document;
        Core::Error error;
    };

    void buildUi();
    QWidget *buildExamSection();
    QWidget *buildScansSection();
    QWidget *buildPreviewSection();

    // Exam
    void chooseExamFile();
    void chooseBlankExam();
    void draftKeyRead(const QString &provider, const QString &key);
    void draftKeyFailed(const QString &provider, const QString &message);
    void draftAnswered(quint64 requestId, const Core::LlmOutcome &outcome);
    void applyDraft(const Core::Exam &draft, int pagesSent, int pageCount);
    void endDraft(const Core::Error &error, bool applied = false);
    void setDrafting(DraftStage stage, const QString &what);
    Core::ProviderConfig draftConfig(const QString &key) const;
    void addQuestion();
    void removeQuestion();
    void moveQuestion(int delta);
    void appendQuestionRow(const Core::Question &question);
    QString newQuestionId() const;
    QString language() const;
    QStringList examProblems() const;

    // Scans
    void choosePdfs();
    void removeSelectedPdf();
    void checkPdf(PdfEntry &entry);
    void pdfChecked(const QString &path, quint64 serial, const std::optional<Core::ImportDocument> &document,
                    const Core::Error &error);
    void askPassword(const QString &fileName, bool wrongPassword);
    void setPassword(const QString &password);
    void chooseRoster();
    void checkRoster();
    int pagesPerCopy() const;

    // Preview
    void refresh();
    void replan();
    void rebuildPreview();
    void requestThumbnails();
    void refreshSummary();
    void refreshPdfList();
    void collectProblems(QStringList *missing, QStringList *errors) const;
    void refreshProblems();

    // Create / import
    void start();
    void finish(bool ok, const Core::Error &error);
    void setBusy(bool busy);

    const Mode m_mode;
    QThreadPool *m_workPool;                   // not owned
    QPointer<Core::SessionStore> m_targetStore; // ImportScans: the open session's store, not owned
    std::unique_ptr<Core::SessionStore> m_ownStore; // NewSession: writes the new file
    int m_existingCopies = 0;
    Core::Exam m_targetExam;

    QList<PdfEntry> m_pdfs;
    quint64 m_nextSerial = 0;
    QString m_password;
    QSet<QString> m_passwordAskedFor;
    bool m_passwordPromptOpen = false;
    QString m_rosterPath;
    quint64 m_rosterSerial = 0;
    bool m_rosterChecking = false;
    std::optional<QList<Core::RosterEntry>> m_roster = QList<Core::RosterEntry>(); // none chosen: no names
    Core::Error m_rosterError;
    std::optional<Core::ImportPlan> m_plan;
    Core::Error m_planError;
    Core::Error m_examFileError;
    Core::Error m_startError;
    QHash<QString, QImage> m_thumbnails; // "sha256:page"
    QSet<QString> m_thumbnailsRequested;
    bool m_busy = false;
    quint64 m_startRequest = 0;
    bool m_allowDuplicate = false; // the teacher confirmed importing again scans already in the session
    QString m_sessionPath;
    QString m_pendingPath;
    bool m_loadingExam = false;

    Core::AppSettings *m_settings = nullptr;  // not owned
    QPointer<Core::SecretStore> m_secrets;    // not owned
    QPointer<Core::LlmClient> m_draftClient;  // owned (child), one per draft
    DraftStage m_draftStage = DraftStage::Idle;
    quint64 m_draftSerial = 0;                // stale page renders are dropped
    quint64 m_draftRequest = 0;
    QString m_draftPath;
    QString m_draftProvider;
    int m_draftPagesSent = 0;
    int m_draftPageCount = 0;
    Core::Error m_draftError;

    QLabel *m_introLabel = nullptr;
    QGroupBox *m_examBox = nullptr;
    QLineEdit *m_titleEdit = nullptr;
    QComboBox *m_languageCombo = nullptr;
    QLineEdit *m_languageEdit = nullptr;
    QPushButton *m_loadExamButton = nullptr;
    QPushButton *m_draftExamButton = nullptr;
    QWidget *m_draftRow = nullptr;
    QLabel *m_draftLabel = nullptr;
    QProgressBar *m_draftProgress = nullptr;
    QPushButton *m_cancelDraftButton = nullptr;
    QTableWidget *m_questionTable = nullptr;
    QPushButton *m_addQuestionButton = nullptr;
    QPushButton *m_removeQuestionButton = nullptr;
    QToolButton *m_moveUpButton = nullptr;
    QToolButton *m_moveDownButton = nullptr;
    QLabel *m_maxTotalLabel = nullptr;

    QListWidget *m_pdfList = nullptr;
    QPushButton *m_addPdfsButton = nullptr;
    QPushButton *m_removePdfButton = nullptr;
    QPushButton *m_passwordButton = nullptr;
    QRadioButton *m_onePerPdfRadio = nullptr;
    QRadioButton *m_splitRadio = nullptr;
    QSpinBox *m_pagesSpin = nullptr;
    QLineEdit *m_rosterEdit = nullptr;
    QPushButton *m_rosterButton = nullptr;
    QToolButton *m_clearRosterButton = nullptr;

    QLabel *m_previewSummary = nullptr;
    QListWidget *m_previewList = nullptr;
    QLabel *m_problemLabel = nullptr;
    QWidget *m_busyRow = nullptr;
    QLabel *m_busyLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_createButton = nullptr;

    static std::optional<QString> s_nextPassword;
    static bool s_hasNextPassword;
};

} // namespace Corrige::Ui
