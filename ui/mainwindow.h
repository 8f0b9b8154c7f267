#pragma once

#include "core/domain/result.h"
#include "core/session/sessiontypes.h"

#include <QList>
#include <QMainWindow>
#include <QPointer>
#include <QSet>

#include <memory>
#include <optional>

class QAction;
class QBuffer;
class QComboBox;
class QLabel;
class QMenu;
class QPdfDocument;
class QPdfView;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTableView;
class QThreadPool;
class QToolButton;
class QUndoStack;

namespace Corrige::Core {
class AppSettings;
class SecretStore;
class SessionStore;
}

namespace Corrige::Ui {

class CopyFilterProxy;
class CopyListModel;
class BatchController;
class BatchPanel;
class GradeAllController;
class GradePanel;
class StartPage;

// The teacher's main window: a start page until a session is open; then the copies (with filters), the scan
// of the selected copy and its grades side by side. Every change goes through the session's storage thread
// and can be undone; the window shows the session again from a fresh snapshot after each save.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // `settings` holds the recent sessions; both must outlive the window.
    MainWindow(QThreadPool *workPool, Core::AppSettings *settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    // The API keys used by Grade all and the settings (not owned; it must outlive the window). Without one the
    // window keeps its own (no system keychain when CORRIGE_NO_KEYCHAIN=1).
    void setSecretStore(Core::SecretStore *secrets);

    void openSession(const QString &path);
    void openDemo();
    void closeSession();
    // The New session dialog, with these scans already added.
    void newSession(const QStringList &pdfPaths = {});
    // The Import scans dialog for the open session, with these scans already added.
    void importScans(const QStringList &pdfPaths = {});

    QString sessionPath() const { return m_sessionPath; }
    bool hasSession() const { return !m_sessionPath.isEmpty(); }
    bool isBusy() const { return m_busy; }
    // The session is open for reading only: another Corrige writes to it (its lock file says who).
    bool isReadOnly() const { return hasSession() && m_snapshot.readOnly; }
    const Core::SessionSnapshot &snapshot() const { return m_snapshot; }
    // The open session's storage, for tools and tests; nullptr when none is open.
    Core::SessionStore *sessionStore() const { return m_store.get(); }
    QUndoStack *undoStack() const { return m_undoStack; }
    // The "Grade all" flow of the open session, once started; nullptr before.
    GradeAllController *gradeAllController() const { return m_gradeAll; }
    qint64 currentCopyId() const;
    void selectCopy(qint64 copyId);
    // Index of the page shown within the selected copy (0-based), and its number of pages.
    int currentCopyPage() const { return m_copyPage; }
    int copyPageCount() const { return int(m_copyPages.size()); }

Q_SIGNALS:
    void sessionOpened(const QString &path);
    void sessionFailed(const QString &message);
    // A fresh snapshot is shown (after opening, and after each save).
    void snapshotShown();
    // Every change sent so far has been written and shown again.
    void changesSaved();

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private Q_SLOTS:
    // The one place where "Grade all" starts (menu, Ctrl+G, the Resume button of an unfinished run).
    void startGradeAll();
    // The Export dialog for the session shown (File > Export…, Ctrl+E).
    void exportSession();

private:
    void createActions();
    QWidget *createSessionPage();
    QWidget *createCopyListPane();
    QWidget *createScanPane();
    void refreshRecentSessions();
    void rememberSession(const QString &path);
    void openRecent(const QString &path);
    void chooseSessionToOpen();
    void refreshActions();

    void connectStore(Core::SessionStore *store);
    void showSnapshot(const Core::SessionSnapshot &snapshot, bool reloaded);
    void showSummary();
    void refreshFilterCounts();
    void showUnfinishedRun();
    void showReadOnlyState();
    bool refuseWhenReadOnly();
    void showAbout();
    void showHelp();
    void showError(const QString &title, const Core::Error &error);
    void zoomBy(double factor);
    double effectiveZoom() const;
    void setBusy(bool busy, const QString &message = {});

    void showSelectedCopy();
    void showGradesOfCurrentCopy();
    void showCopyPage(int index);
    void showDocument(qint64 documentId, const QByteArray &data);
    void refreshPageControls();
    void showQuestionPage(const QString &questionId);
    void moveToCopy(int delta);

    void chooseTeacherScore(qint64 copyId, const QString &questionId, std::optional<double> score);
    void applyTeacherScore(qint64 copyId, const QString &questionId, std::optional<double> score);
    void renameStudent(qint64 copyId, const QString &name);
    void applyStudentName(qint64 copyId, const QString &name);
    void write(quint64 requestId);
    void editRubrics();

    bool isGradingRunning() const;
    void cancelGrading();
    void dropGradeAllController();
    BatchController *batchController();
    void dropBatchController();
    void reload();
    Core::SecretStore *secrets();
    void editSettings();

    QThreadPool *m_workPool;          // not owned
    Core::AppSettings *m_settings;    // not owned
    QPointer<Core::SecretStore> m_secrets; // not owned, unless a child of this
    std::unique_ptr<Core::SessionStore> m_store;
    std::unique_ptr<Core::SessionStore> m_openingStore; // until its session is open
    Core::SessionSnapshot m_snapshot;
    QString m_sessionPath;
    QString m_openingPath;
    bool m_busy = false;
    quint64 m_reloadRequest = 0;
    QSet<quint64> m_pendingWrites;

    QStackedWidget *m_stack = nullptr;
    StartPage *m_startPage = nullptr;
    QWidget *m_sessionPage = nullptr;
    QSplitter *m_splitter = nullptr;
    QWidget *m_unfinishedBar = nullptr;
    QLabel *m_unfinishedLabel = nullptr;
    QWidget *m_readOnlyBar = nullptr;
    QLabel *m_readOnlyLabel = nullptr;

    CopyListModel *m_copyModel = nullptr;
    CopyFilterProxy *m_copyProxy = nullptr;
    QTableView *m_copyView = nullptr;
    QComboBox *m_filterCombo = nullptr;
    QLabel *m_listEmptyLabel = nullptr;

    QPdfDocument *m_pdfDocument = nullptr;
    QPdfView *m_pdfView = nullptr;
    QBuffer *m_pdfBuffer = nullptr;
    QLabel *m_pageLabel = nullptr;
    QLabel *m_scanTitle = nullptr;
    qint64 m_shownDocumentId = 0;
    quint64 m_documentRequest = 0;
    qint64 m_shownCopyId = 0;
    QList<Core::PageRef> m_copyPages;
    int m_copyPage = 0;
    std::optional<int> m_pendingPage; // a page of the document being loaded

    GradePanel *m_gradePanel = nullptr;
    GradeAllController *m_gradeAll = nullptr; // child; works on m_store, so it goes before it
    BatchController *m_batches = nullptr;     // child; works on m_store, dropped with it
    BatchPanel *m_batchPanel = nullptr;
    QLabel *m_batchStatus = nullptr;          // the batches' latest news, in the status bar
    qint64 m_selectAfterReload = 0;
    QUndoStack *m_undoStack = nullptr;

    QMenu *m_recentMenu = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_closeAction = nullptr;
    QAction *m_rubricsAction = nullptr;
    QAction *m_gradeAllAction = nullptr;
    QAction *m_nextCopyAction = nullptr;
    QAction *m_previousCopyAction = nullptr;
    QAction *m_nextPageAction = nullptr;
    QAction *m_previousPageAction = nullptr;
    QList<QAction *> m_sessionActions; // enabled only with a session open
    QList<QAction *> m_writeActions;   // and only when it may be written to
    bool m_pushing = false;
    bool m_settingCopy = false;         // the panel is being filled: its question changes are not the teacher's             // a command is being pushed: the panel already shows its change
};

} // namespace Corrige::Ui
