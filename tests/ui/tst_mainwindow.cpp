#include "core/session/sessiondatabase.h"
#include "core/session/sessionstore.h"
#include "core/settings/appsettings.h"
#include "core/workflow/demosession.h"
#include "ui/dialogs/filedialog.h"
#include "ui/dialogs/messagebox.h"
#include "ui/dialogs/newsessiondialog.h"
#include "ui/dialogs/rubricdialog.h"
#include "ui/gradeallcontroller.h"
#include "ui/mainwindow.h"
#include "ui/models/copyfilterproxy.h"
#include "ui/models/copylistmodel.h"
#include "ui/widgets/gradepanel.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPdfDocument>
#include <QPdfPageNavigator>
#include <QPdfView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QUndoStack>
#include <QtTest>

#include "screenshot.h"

using namespace Corrige;

namespace {

const QString dataDir = QStringLiteral(CORRIGE_TEST_DATA_DIR);

template<typename T>
T *child(QObject *parent, const char *name)
{
    T *object = parent->findChild<T *>(QLatin1String(name));
    if (!object)
        qWarning("No %s", name);
    return object;
}

QAction *windowAction(Ui::MainWindow &window, const char *name)
{
    QAction *action = window.findChild<QAction *>(QLatin1String(name));
    if (!action)
        qFatal("No action %s", name);
    return action;
}

std::optional<double> storedTeacherScore(const QString &path, qint64 copyId, const QString &questionId)
{
    Core::Result<std::unique_ptr<Core::SessionDatabase>> session = Core::SessionDatabase::open(path);
    if (!session) {
        qWarning("%s", qPrintable(session.errorString()));
        return std::nullopt;
    }
    for (const Core::QuestionGrade &grade : session.value()->grades(copyId)) {
        if (grade.questionId == questionId && grade.source == Core::GradeSource::Teacher)
            return grade.score;
    }
    return std::nullopt;
}

void sendDrop(QWidget *target, const QList<QUrl> &urls, bool *accepted)
{
    QMimeData mime;
    mime.setUrls(urls);
    QDragEnterEvent enter(QPoint(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    *accepted = enter.isAccepted();
    if (!*accepted)
        return;
    QDropEvent drop(QPointF(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
}

Core::QuestionGrade grade(qint64 copyId, const QString &questionId, Core::GradeSource source, double score,
                          double max, const QString &justification, const QString &transcription, double confidence,
                          Core::GradeFlags flags = {})
{
    Core::QuestionGrade g;
    g.copyId = copyId;
    g.questionId = questionId;
    g.source = source;
    g.score = score;
    g.maxPoints = max;
    g.justification = justification;
    g.transcription = transcription;
    g.confidence = confidence;
    g.flags = flags;
    g.model = source == Core::GradeSource::Final ? QString() : QStringLiteral("gemini/gemini-2.5-flash");
    return g;
}

// Model grades for the demo's copies: four graded, one to review, as a grading run leaves them.
void insertModelGrades(const QString &path)
{
    Core::Result<std::unique_ptr<Core::SessionDatabase>> opened = Core::SessionDatabase::open(path);
    QVERIFY2(opened, qPrintable(opened.errorString()));
    Core::SessionDatabase &session = *opened.value();
    const QList<Core::Copy> copies = session.copies();
    QCOMPARE(copies.size(), 5);
    using Core::GradeSource;
    for (int i = 0; i < copies.size(); ++i) {
        const qint64 id = copies.at(i).id;
        QList<Core::QuestionGrade> grades;
        for (const auto source : {GradeSource::ModelA, GradeSource::Final}) {
            grades << grade(id, QStringLiteral("q1"), source, 1, 1, QStringLiteral("Circles B) 11.00 only."),
                            QStringLiteral("(B) circled"), 0.97)
                   << grade(id, QStringLiteral("q2"), source, i == 1 ? 0 : 1, 1,
                            i == 1 ? QStringLiteral("Circles B) 5; the answer is C) 9.")
                                   : QStringLiteral("Circles C) 9 only."),
                            i == 1 ? QStringLiteral("(B) circled") : QStringLiteral("(C) circled"), 0.95)
                   << grade(id, QStringLiteral("q3"), source, 1, 1, QStringLiteral("Circles A) Yes only."),
                            QStringLiteral("(A) circled"), 0.93)
                   << grade(id, QStringLiteral("q4"), source, 1, 1, QStringLiteral("Photograph (B) is ticked."),
                            QStringLiteral("tick on (B)"), 0.9);
            if (i == 1) {
                grades << grade(id, QStringLiteral("q5"), source, 3, 4,
                                QStringLiteral("The total of 1200 hours and the report's 60 hours are right, but the "
                                               "report is removed before the 25 % overhead, so the overhead also "
                                               "applies to it: 855 h instead of 840 h. A first attempt is crossed "
                                               "out."),
                                QStringLiteral("[crossed out] ((10 × 40 × 4) − (4·20)) 0.75 = 1140\n"
                                               "(10 × 40 × 3 − 3·20) 0.75 = 855"),
                                0.55, Core::GradeFlag::NeedsReview);
            } else {
                grades << grade(id, QStringLiteral("q5"), source, 4, 4,
                                QStringLiteral("1200 h, minus 25 % = 900 h, minus 60 h of report = 840 h, with the "
                                               "reasoning shown."),
                                QStringLiteral("3·10·40 = 1200 ; ·0.75 = 900 ; −3·20 = 840 h"), 0.88);
            }
        }
        const Core::CopyStatus status = i == 1 ? Core::CopyStatus::NeedsReview : Core::CopyStatus::Graded;
        const Core::Status saved = session.saveCopyResult(id, grades, status, QString());
        QVERIFY2(saved, qPrintable(saved.errorString()));
    }
}

} // namespace

class TstMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void startPage_offersNewOpenDemoAndRecentSessions();
    void startPage_newSession_opensTheDialog();
    void recentSession_thatNoLongerExists_isDropped();
    void openDemo_showsTheCopiesTheirPagesAndGrades();
    void dropOfASessionFile_opensIt();
    void dropOfPdfs_withoutSession_preparesANewSession();
    void dropOfPdfs_intoASession_importsAfterConfirmation();
    void teacherGrade_undoAndRedo_areWrittenToTheSession();
    void studentName_editedInTheList_isStoredAndUndoable();
    void rubrics_editedInTheDialog_areSaved();
    void rubrics_draftWithAi_saysWhichKeyIsMissing();
    void filters_keepTheRightCopies();
    void gradedSession_showsModelGradesAndTheCopyToReview();
    void unfinishedRun_offersToResume();
    void gradeAll_startsTheFlow_andClosingTheWindowEndsIt();
    void openSession_ofCorruptFile_saysSoAndKeepsTheFile();
    void copyListModel_passesModelTester();

private:
    QString freshDemo(const QString &name);
    bool openIn(Ui::MainWindow &window, const QString &path);

    QThreadPool m_pool;
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_qsettings;
    std::unique_ptr<Core::AppSettings> m_settings;
};

void TstMainWindow::initTestCase()
{
    installEnglishCatalogue(this);
    QStandardPaths::setTestModeEnabled(true);
    qputenv("CORRIGE_NO_KEYCHAIN", "1");
    QCoreApplication::setOrganizationName(QStringLiteral("CorrigeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    QFile::remove(Core::DemoSession::defaultPath());
    m_pool.setMaxThreadCount(2);
    QVERIFY(m_dir.isValid());
    m_qsettings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    m_settings = std::make_unique<Core::AppSettings>(m_qsettings.get());
}

void TstMainWindow::init()
{
    m_settings->clearRecentSessions();
}

QString TstMainWindow::freshDemo(const QString &name)
{
    const QString path = m_dir.filePath(name);
    const Core::Status status = Core::DemoSession::create(path);
    if (!status)
        qWarning("%s", qPrintable(status.errorString()));
    return path;
}

bool TstMainWindow::openIn(Ui::MainWindow &window, const QString &path)
{
    QSignalSpy opened(&window, &Ui::MainWindow::sessionOpened);
    window.openSession(path);
    return opened.wait(30000);
}

void TstMainWindow::startPage_offersNewOpenDemoAndRecentSessions()
{
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("Teaching/Class 2B")));
    const QString physics = freshDemo(QStringLiteral("Teaching/Class 2B/Physics — test 3.corrige"));
    const QString history = freshDemo(QStringLiteral("Teaching/Class 2B/History — essay.corrige"));
    m_settings->addRecentSession(history);
    m_settings->addRecentSession(physics);

    Ui::MainWindow window(&m_pool, m_settings.get());
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *stack = child<QStackedWidget>(&window, "centralStack");
    QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("startPage"));
    for (const char *name : {"newSessionButton", "openSessionButton", "openDemoButton"})
        QVERIFY(child<QPushButton>(&window, name)->isVisible());
    QVERIFY(child<QLabel>(&window, "startExplanation")->text().contains(QStringLiteral("handwritten")));
    auto *recent = child<QListWidget>(&window, "recentList");
    QCOMPARE(recent->count(), 2);
    QVERIFY(recent->item(0)->text().contains(QStringLiteral("Physics — test 3")));
    // Session actions wait for a session.
    QVERIFY(!windowAction(window, "gradeAllAction")->isEnabled());
    QVERIFY(!windowAction(window, "rubricsAction")->isEnabled());
    QTest::qWait(100);
    saveScreenshotIfAsked(&window, QStringLiteral("start"));

    // A click on a recent session opens it and puts it first.
    QSignalSpy opened(&window, &Ui::MainWindow::sessionOpened);
    QTest::mouseClick(recent->viewport(), Qt::LeftButton, {}, recent->visualItemRect(recent->item(1)).center());
    QVERIFY(opened.wait(30000));
    QCOMPARE(opened.size(), 1);
    QCOMPARE(window.sessionPath(), history);
    QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("sessionPage"));
    QCOMPARE(m_settings->recentSessions().constFirst(), history);
    QVERIFY(windowAction(window, "gradeAllAction")->isEnabled());
    QCOMPARE(windowAction(window, "gradeAllAction")->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_G));

    // Open… goes through the file dialog; Close goes back to the start page.
    Ui::FileDialog::setNextFileName(physics);
    windowAction(window, "openAction")->trigger();
    QVERIFY(opened.wait(30000));
    QCOMPARE(window.sessionPath(), physics);
    windowAction(window, "closeSessionAction")->trigger();
    QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("startPage"));
    QVERIFY(!window.hasSession());
    QCOMPARE(recent->item(0)->toolTip(), QDir::toNativeSeparators(physics));

    // The start page's own Open button.
    Ui::FileDialog::setNextFileName(history);
    QTest::mouseClick(child<QPushButton>(&window, "openSessionButton"), Qt::LeftButton);
    QVERIFY(opened.wait(30000));
    QCOMPARE(window.sessionPath(), history);
}

void TstMainWindow::startPage_newSession_opensTheDialog()
{
    Ui::MainWindow window(&m_pool, m_settings.get());
    window.show();
    QTest::mouseClick(child<QPushButton>(&window, "newSessionButton"), Qt::LeftButton);
    Ui::NewSessionDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<Ui::NewSessionDialog *>()) && dialog->isVisible());
    QCOMPARE(dialog->mode(), Ui::NewSessionDialog::Mode::NewSession);
    QVERIFY(dialog->isModal());
    dialog->reject();
}

void TstMainWindow::recentSession_thatNoLongerExists_isDropped()
{
    const QString path = freshDemo(QStringLiteral("gone.corrige"));
    m_settings->addRecentSession(path);
    Ui::MainWindow window(&m_pool, m_settings.get());
    window.show();
    auto *recent = child<QListWidget>(&window, "recentList");
    QCOMPARE(recent->count(), 1);
    QVERIFY(QFile::remove(path));
    QTest::mouseClick(recent->viewport(), Qt::LeftButton, {}, recent->visualItemRect(recent->item(0)).center());
    QTRY_VERIFY(!recent->isVisible());
    QVERIFY(m_settings->recentSessions().isEmpty());
    QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("gone.corrige")));
    QVERIFY(child<QLabel>(&window, "noRecentLabel")->isVisible());
    QVERIFY(!window.hasSession());
}

void TstMainWindow::openDemo_showsTheCopiesTheirPagesAndGrades()
{
    Ui::MainWindow window(&m_pool, m_settings.get());
    window.resize(1280, 800);
    window.show();
    QSignalSpy opened(&window, &Ui::MainWindow::sessionOpened);
    QTest::mouseClick(child<QPushButton>(&window, "openDemoButton"), Qt::LeftButton);
    QVERIFY(opened.wait(30000));
    QCOMPARE(opened.constFirst().constFirst().toString(), Core::DemoSession::defaultPath());

    auto *view = child<QTableView>(&window, "copyList");
    QVERIFY(view->isVisible());
    QCOMPARE(view->model()->rowCount(), 5);
    QCOMPARE(view->model()->index(0, Ui::CopyListModel::StudentColumn).data().toString(),
             QStringLiteral("Bob the Builder"));
    QCOMPARE(view->model()->index(4, Ui::CopyListModel::LabelColumn).data().toString(), QStringLiteral("Copy 5"));
    QCOMPARE(view->model()->index(0, Ui::CopyListModel::TotalColumn).data().toString(), QStringLiteral("– / 8"));
    QVERIFY(window.windowTitle().contains(QStringLiteral("Zesje test exam")));

    // The first copy: its first page, "page 1 of 4", and its grades on the right.
    auto *pdfView = child<QPdfView>(&window, "pageView");
    QTRY_COMPARE_WITH_TIMEOUT(pdfView->document()->status(), QPdfDocument::Status::Ready, 20000);
    QCOMPARE(pdfView->document()->pageCount(), 20);
    QCOMPARE(pdfView->pageNavigator()->currentPage(), 0);
    QCOMPARE(child<QLabel>(&window, "pageLabel")->text(), QStringLiteral("Page 1 of 4"));
    auto *panel = child<Ui::GradePanel>(&window, "gradePanel");
    QVERIFY(panel->isVisible());
    QCOMPARE(panel->copyId(), window.currentCopyId());

    QTest::qWait(300);
    saveScreenshotIfAsked(&window, QStringLiteral("main-window"));

    // Pages within the copy: PgDn / PgUp, never past its last page.
    view->setFocus();
    QTest::keyClick(&window, Qt::Key_PageDown);
    QCOMPARE(pdfView->pageNavigator()->currentPage(), 1);
    for (int i = 0; i < 5; ++i)
        QTest::keyClick(&window, Qt::Key_PageDown);
    QCOMPARE(pdfView->pageNavigator()->currentPage(), 3);
    QCOMPARE(child<QLabel>(&window, "pageLabel")->text(), QStringLiteral("Page 4 of 4"));
    QVERIFY(!windowAction(window, "nextPageAction")->isEnabled());
    QTest::keyClick(&window, Qt::Key_PageUp);
    QCOMPARE(pdfView->pageNavigator()->currentPage(), 2);

    // Next copy: Ctrl+Down jumps to its first page (page 5 of the scan).
    QTest::keyClick(&window, Qt::Key_Down, Qt::ControlModifier);
    QTRY_COMPARE(view->currentIndex().row(), 1);
    QCOMPARE(pdfView->pageNavigator()->currentPage(), 4);
    QCOMPARE(child<QLabel>(&window, "pageLabel")->text(), QStringLiteral("Page 1 of 4"));
    QCOMPARE(panel->copyId(), window.currentCopyId());
    QTest::keyClick(&window, Qt::Key_Up, Qt::ControlModifier);
    QTRY_COMPARE(view->currentIndex().row(), 0);

    // Zoom: in, out, back to the width.
    windowAction(window, "zoomInAction")->trigger();
    QCOMPARE(pdfView->zoomMode(), QPdfView::ZoomMode::Custom);
    const double zoomed = pdfView->zoomFactor();
    windowAction(window, "zoomOutAction")->trigger();
    QVERIFY(pdfView->zoomFactor() < zoomed);
    windowAction(window, "fitWidthAction")->trigger();
    QCOMPARE(pdfView->zoomMode(), QPdfView::ZoomMode::FitToWidth);

    // A second window opens the existing demo file.
    Ui::MainWindow again(&m_pool, m_settings.get());
    QSignalSpy openedAgain(&again, &Ui::MainWindow::sessionOpened);
    again.openDemo();
    QVERIFY(openedAgain.wait(30000));
    QCOMPARE(child<QTableView>(&again, "copyList")->model()->rowCount(), 5);
}

void TstMainWindow::dropOfASessionFile_opensIt()
{
    const QString path = freshDemo(QStringLiteral("dropped.corrige"));
    Ui::MainWindow window(&m_pool, m_settings.get());
    window.show();
    QSignalSpy opened(&window, &Ui::MainWindow::sessionOpened);
    bool accepted = false;
    sendDrop(&window, {QUrl::fromLocalFile(path)}, &accepted);
    QVERIFY(accepted);
    QVERIFY(opened.wait(30000));
    QCOMPARE(window.sessionPath(), path);

    // Anything else is refused.
    sendDrop(&window, {QUrl::fromLocalFile(m_dir.filePath(QStringLiteral("notes.txt")))}, &accepted);
    QVERIFY(!accepted);
}

void TstMainWindow::dropOfPdfs_withoutSession_preparesANewSession()
{
    Ui::MainWindow window(&m_pool, m_settings.get());
    window.show();
    const QString scans = dataDir + QStringLiteral("/scans/zesje_demo_submissions_5students_20pages.pdf");
    bool accepted = false;
    sendDrop(&window, {QUrl::fromLocalFile(scans)}, &accepted);
    QVERIFY(accepted);
    Ui::NewSessionDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<Ui::NewSessionDialog *>()) && dialog->isVisible());
    QCOMPARE(dialog->mode(), Ui::NewSessionDialog::Mode::NewSession);
    QCOMPARE(dialog->importRequest().pdfPaths, QStringList{scans});
    QTRY_COMPARE_WITH_TIMEOUT(dialog->previewCopyCount(), 1, 20000);
    dialog->reject();
}

void TstMainWindow::dropOfPdfs_intoASession_importsAfterConfirmation()
{
    const QString path = freshDemo(QStringLiteral("import-into.corrige"));
    Ui::MainWindow window(&m_pool, m_settings.get());
    window.show();
    QVERIFY(openIn(window, path));

    const QString scans = dataDir + QStringLiteral("/scans/solid_state_physics_minitest6_scans_8pages.pdf");
    bool accepted = false;
    sendDrop(&window, {QUrl::fromLocalFile(scans)}, &accepted);
    QVERIFY(accepted);
    Ui::NewSessionDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<Ui::NewSessionDialog *>()) && dialog->isVisible());
    QCOMPARE(dialog->mode(), Ui::NewSessionDialog::Mode::ImportScans);
    // The session's copies have 4 pages each: the new scan is cut the same way, numbered after them.
    QCOMPARE(dialog->importRequest().pagesPerCopy, 4);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->previewCopyCount(), 2, 20000);
    QVERIFY(child<QListWidget>(dialog, "copyPreview")->item(0)->text().startsWith(QStringLiteral("Copy 6")));
    // Nothing is written before the teacher confirms.
    QCOMPARE(window.snapshot().copies.size(), 5);

    child<QSpinBox>(dialog, "pagesPerCopySpin")->setValue(2);
    QTRY_COMPARE(dialog->previewCopyCount(), 4);
    QSignalSpy saved(&window, &Ui::MainWindow::snapshotShown);
    QTRY_VERIFY(child<QPushButton>(dialog, "createButton")->isEnabled());
    QTest::mouseClick(child<QPushButton>(dialog, "createButton"), Qt::LeftButton);
    QVERIFY(saved.wait(30000));
    QCOMPARE(window.snapshot().copies.size(), 9);
    QCOMPARE(child<QTableView>(&window, "copyList")->model()->rowCount(), 9);
}

void TstMainWindow::teacherGrade_undoAndRedo_areWrittenToTheSession()
{
    const QString path = freshDemo(QStringLiteral("undo.corrige"));
    qint64 copyId = 0;
    {
        Ui::MainWindow window(&m_pool, m_settings.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(openIn(window, path));
        copyId = window.currentCopyId();
        QVERIFY(copyId > 0);

        // Type a score in the panel, Enter.
        auto *panel = child<Ui::GradePanel>(&window, "gradePanel");
        panel->focusQuestion(QStringLiteral("q5"));
        auto *card = panel->findChild<QWidget *>(QStringLiteral("questionCard_q5"));
        QVERIFY(card);
        auto *spin = card->findChild<QDoubleSpinBox *>(QStringLiteral("scoreSpin"));
        QTRY_COMPARE(QApplication::focusWidget(), spin);
        QSignalSpy saved(&window, &Ui::MainWindow::changesSaved);
        QTest::keyClicks(spin, QStringLiteral("3.5"));
        QTest::keyClick(spin, Qt::Key_Return);
        QVERIFY(saved.wait(10000));
        window.sessionStore()->flush();
        QCOMPARE(storedTeacherScore(path, copyId, QStringLiteral("q5")), std::optional<double>(3.5));
        QCOMPARE(child<QTableView>(&window, "copyList")->model()->index(0, Ui::CopyListModel::TotalColumn).data(),
                 QVariant(QStringLiteral("3.5 / 8")));

        QAction *undo = windowAction(window, "undoAction");
        QAction *redo = windowAction(window, "redoAction");
        QVERIFY(undo->isEnabled());
        QVERIFY(undo->text().contains(QStringLiteral("Bob the Builder")));

        // Undo removes the teacher's score (there was none before).
        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(saved.wait(10000));
        window.sessionStore()->flush();
        QCOMPARE(storedTeacherScore(path, copyId, QStringLiteral("q5")), std::nullopt);
        QVERIFY(redo->isEnabled());

        // Redo writes it again, even from another copy, and brings that copy back.
        QTest::keyClick(&window, Qt::Key_Down, Qt::ControlModifier);
        QTRY_VERIFY(window.currentCopyId() != copyId);
        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(saved.wait(10000));
        window.sessionStore()->flush();
        QCOMPARE(storedTeacherScore(path, copyId, QStringLiteral("q5")), std::optional<double>(3.5));
        QCOMPARE(window.currentCopyId(), copyId);
        QCOMPARE(panel->currentQuestionId(), QStringLiteral("q5"));

        // A second score on the same question; undo goes back to the first, not to nothing.
        panel->focusQuestion(QStringLiteral("q5"));
        QTRY_COMPARE(QApplication::focusWidget(), spin);
        QTest::keyClicks(spin, QStringLiteral("2"));
        QTest::keyClick(spin, Qt::Key_Return);
        QVERIFY(saved.wait(10000));
        undo->trigger();
        QVERIFY(saved.wait(10000));
        window.sessionStore()->flush();
        QCOMPARE(storedTeacherScore(path, copyId, QStringLiteral("q5")), std::optional<double>(3.5));

        // The session keeps the teacher's actions in its audit log.
        Core::Result<std::unique_ptr<Core::SessionDatabase>> session = Core::SessionDatabase::open(path);
        QVERIFY(session);
        int teacherActions = 0;
        for (const Core::AuditEntry &entry : session.value()->auditLog()) {
            if (entry.action == QLatin1String("teacher_grade"))
                ++teacherActions;
        }
        QCOMPARE(teacherActions, 5);
    }

    // Reopened, the session shows the same state.
    Ui::MainWindow window(&m_pool, m_settings.get());
    window.show();
    QVERIFY(openIn(window, path));
    QCOMPARE(window.currentCopyId(), copyId);
    QCOMPARE(child<QTableView>(&window, "copyList")->model()->index(0, Ui::CopyListModel::TotalColumn).data(),
             QVariant(QStringLiteral("3.5 / 8")));
    auto *card = child<Ui::GradePanel>(&window, "gradePanel")->findChild<QWidget *>(QStringLiteral("questionCard_q5"));
    QCOMPARE(card->findChild<QDoubleSpinBox *>(QStringLiteral("scoreSpin"))->value(), 3.5);
    QVERIFY(card->findChild<QLabel *>(QStringLiteral("teacherMarker"))->isVisible());
    QVERIFY(!windowAction(window, "undoAction")->isEnabled());
}

void TstMainWindow::studentName_editedInTheList_isStoredAndUndoable()
{
    const QString path = freshDemo(QStringLiteral("names.corrige"));
    Ui::MainWindow window(&m_pool, m_settings.get());
    window.show();
    QVERIFY(openIn(window, path));
    auto *view = child<QTableView>(&window, "copyList");
    const QModelIndex cell = view->model()->index(2, Ui::CopyListModel::StudentColumn);
    QVERIFY(view->model()->flags(cell).testFlag(Qt::ItemIsEditable));
    const qint64 copyId = cell.data(Ui::CopyListModel::CopyIdRole).toLongLong();

    // Double-click opens the editor; typing and Enter store the name.
    view->scrollTo(cell);
    const QPoint where = view->visualRect(cell).center();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, where);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, where);
    QLineEdit *editor = nullptr;
    QTRY_VERIFY((editor = view->findChild<QLineEdit *>()) && editor->isVisible());
    QSignalSpy saved(&window, &Ui::MainWindow::changesSaved);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("Nicole Cleintuar"));
    QTest::keyClick(editor, Qt::Key_Return);
    QVERIFY(saved.wait(10000));
    window.sessionStore()->flush();
    {
        auto session = Core::SessionDatabase::open(path);
        QVERIFY(session);
        QCOMPARE(session.value()->copy(copyId)->studentName, QStringLiteral("Nicole Cleintuar"));
        QCOMPARE(session.value()->copy(copyId)->studentEmail, QStringLiteral("test@mail.nl"));
    }
    windowAction(window, "undoAction")->trigger();
    QVERIFY(saved.wait(10000));
    window.sessionStore()->flush();
    auto session = Core::SessionDatabase::open(path);
    QVERIFY(session);
    QCOMPARE(session.value()->copy(copyId)->studentName, QStringLiteral("Nick Cleintuar"));
    QCOMPARE(view->model()->index(2, Ui::CopyListModel::StudentColumn).data().toString(),
             QStringLiteral("Nick Cleintuar"));
}

void TstMainWindow::rubrics_editedInTheDialog_areSaved()
{
    const QString path = freshDemo(QStringLiteral("rubrics.corrige"));
    Ui::MainWindow window(&m_pool, m_settings.get());
    window.show();
    QVERIFY(openIn(window, path));
    windowAction(window, "rubricsAction")->trigger();
    Ui::RubricDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<Ui::RubricDialog *>()) && dialog->isVisible());
    QCOMPARE(dialog->mode(), Ui::RubricDialog::Mode::Edit);
    QCOMPARE(dialog->exam().questions.size(), 5);

    dialog->setCurrentQuestion(QStringLiteral("q5"));
    auto *guidelines = child<QPlainTextEdit>(dialog, "guidelinesEdit");
    guidelines->setPlainText(QStringLiteral("Half a point off for a missing unit."));
    QSignalSpy saved(&window, &Ui::MainWindow::changesSaved);
    QTest::mouseClick(child<QPushButton>(dialog, "acceptButton"), Qt::LeftButton);
    QVERIFY(saved.wait(10000));
    window.sessionStore()->flush();
    auto session = Core::SessionDatabase::open(path);
    QVERIFY(session);
    const Core::Exam exam = session.value()->exam();
    QCOMPARE(exam.question(QStringLiteral("q5"))->rubric->guidelines, QStringLiteral("Half a point off for a missing unit."));
    QCOMPARE(exam.question(QStringLiteral("q1"))->rubric->origin, Core::RubricOrigin::Exam);
    QCOMPARE(window.snapshot().exam.question(QStringLiteral("q5"))->rubric->guidelines,
             QStringLiteral("Half a point off for a missing unit."));
}

void TstMainWindow::rubrics_draftWithAi_saysWhichKeyIsMissing()
{
    const QByteArray savedKey = qgetenv("GEMINI_API_KEY");
    qunsetenv("GEMINI_API_KEY");
    const QString path = freshDemo(QStringLiteral("rubric-draft.corrige"));
    Ui::MainWindow window(&m_pool, m_settings.get());
    window.show();
    QVERIFY(openIn(window, path));
    windowAction(window, "rubricsAction")->trigger();
    Ui::RubricDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<Ui::RubricDialog *>()) && dialog->isVisible());
    QTest::mouseClick(child<QPushButton>(dialog, "draftQuestionButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isDrafting(), 10000);
    auto *error = child<QLabel>(dialog, "draftErrorLabel");
    QVERIFY2(error->text().contains(QStringLiteral("GEMINI_API_KEY")), qPrintable(error->text()));
    QTest::mouseClick(child<QPushButton>(dialog, "cancelButton"), Qt::LeftButton);
    if (!savedKey.isEmpty())
        qputenv("GEMINI_API_KEY", savedKey);
}

void TstMainWindow::filters_keepTheRightCopies()
{
    Core::Exam exam;
    exam.title = QStringLiteral("T");
    exam.questions.append(Core::Question{QStringLiteral("q1"), {}, {}, 2.0, {}, std::nullopt});
    QList<Core::Copy> copies;
    QList<Core::QuestionGrade> grades;
    const QList<Core::CopyStatus> statuses{Core::CopyStatus::Pending, Core::CopyStatus::Graded,
                                           Core::CopyStatus::Failed, Core::CopyStatus::NeedsReview,
                                           Core::CopyStatus::Graded};
    for (int i = 0; i < statuses.size(); ++i) {
        Core::Copy copy;
        copy.id = 10 + i;
        copy.position = i + 1;
        copy.label = QStringLiteral("Copy %1").arg(i + 1);
        copy.status = statuses.at(i);
        copies.append(copy);
        if (statuses.at(i) == Core::CopyStatus::Graded || statuses.at(i) == Core::CopyStatus::NeedsReview) {
            Core::QuestionGrade g;
            g.copyId = copy.id;
            g.questionId = QStringLiteral("q1");
            g.source = Core::GradeSource::Final;
            g.score = 1.0 + i * 0.25;
            g.maxPoints = 2.0;
            if (i == 3)
                g.flags = Core::GradeFlag::NeedsReview;
            if (i == 4)
                g.flags = Core::GradeFlag::Blank;
            grades.append(g);
        }
    }
    Ui::CopyListModel model;
    Ui::CopyFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setReport(Core::StatusReport::build(exam, copies, grades));
    proxy.sort(Ui::CopyListModel::PositionColumn);

    const auto labels = [&proxy] {
        QStringList list;
        for (int row = 0; row < proxy.rowCount(); ++row)
            list.append(proxy.index(row, Ui::CopyListModel::LabelColumn).data().toString());
        return list;
    };
    using Filter = Ui::CopyFilterProxy::Filter;
    QCOMPARE(labels().size(), 5);
    proxy.setFilter(Filter::NotGraded);
    QCOMPARE(labels(), QStringList{QStringLiteral("Copy 1")});
    proxy.setFilter(Filter::Failed);
    QCOMPARE(labels(), QStringList{QStringLiteral("Copy 3")});
    proxy.setFilter(Filter::ToReview);
    QCOMPARE(labels(), QStringList{QStringLiteral("Copy 4")});
    proxy.setFilter(Filter::Flagged);
    QCOMPARE(labels(), (QStringList{QStringLiteral("Copy 4"), QStringLiteral("Copy 5")}));
    QCOMPARE(proxy.index(1, Ui::CopyListModel::FlagsColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("q1: Blank"));
    // The report changes under the filter.
    copies[4].status = Core::CopyStatus::NeedsReview;
    grades.removeLast();
    model.setReport(Core::StatusReport::build(exam, copies, grades));
    QCOMPARE(labels(), QStringList{QStringLiteral("Copy 4")});
    // The copy the teacher is on stays, whatever the filter, until they leave it.
    proxy.setPinnedCopyId(10);
    QCOMPARE(labels(), (QStringList{QStringLiteral("Copy 1"), QStringLiteral("Copy 4")}));
    proxy.setPinnedCopyId(0);
    QCOMPARE(labels(), QStringList{QStringLiteral("Copy 4")});
    proxy.setFilter(Filter::All);
    QCOMPARE(labels().size(), 5);

    // Totals sort as numbers, ungraded copies first.
    proxy.sort(Ui::CopyListModel::TotalColumn, Qt::DescendingOrder);
    QCOMPARE(labels().constFirst(), QStringLiteral("Copy 4"));
    QCOMPARE(proxy.index(0, Ui::CopyListModel::TotalColumn).data().toString(), QStringLiteral("1.75 / 2"));
}

void TstMainWindow::gradedSession_showsModelGradesAndTheCopyToReview()
{
    const QString path = freshDemo(QStringLiteral("graded.corrige"));
    insertModelGrades(path);
    if (QTest::currentTestFailed())
        return;

    Ui::MainWindow window(&m_pool, m_settings.get());
    window.resize(1280, 800);
    window.show();
    QVERIFY(openIn(window, path));
    auto *view = child<QTableView>(&window, "copyList");
    QCOMPARE(view->model()->index(0, Ui::CopyListModel::TotalColumn).data().toString(), QStringLiteral("8 / 8"));
    QCOMPARE(view->model()->index(1, Ui::CopyListModel::StatusColumn).data().toString(), QStringLiteral("To review"));
    QCOMPARE(view->model()->index(1, Ui::CopyListModel::FlagsColumn).data().toInt(), 1);

    // The "To review" filter keeps that copy and selects it.
    auto *filter = child<QComboBox>(&window, "copyFilter");
    QCOMPARE(filter->itemText(filter->findData(int(Ui::CopyFilterProxy::Filter::ToReview))),
             QStringLiteral("To review (1)"));
    filter->setCurrentIndex(filter->findData(int(Ui::CopyFilterProxy::Filter::ToReview)));
    QCOMPARE(view->model()->rowCount(), 1);
    QCOMPARE(view->currentIndex().row(), 0);
    QCOMPARE(view->model()->index(0, Ui::CopyListModel::StudentColumn).data().toString(),
             QStringLiteral("Justin van der Krieken"));
    auto *panel = child<Ui::GradePanel>(&window, "gradePanel");
    QCOMPARE(panel->copyId(), window.currentCopyId());
    auto *pdfView = child<QPdfView>(&window, "pageView");
    QTRY_COMPARE_WITH_TIMEOUT(pdfView->document()->status(), QPdfDocument::Status::Ready, 20000);
    QCOMPARE(window.currentCopyPage(), 0);
    // Going to question 5 shows the copy's third page, where the exam says its answer is.
    panel->setCurrentQuestion(QStringLiteral("q5"));
    QCOMPARE(window.currentCopyPage(), 2);
    QCOMPARE(pdfView->pageNavigator()->currentPage(), 6);
    QCOMPARE(child<QLabel>(&window, "pageLabel")->text(), QStringLiteral("Page 3 of 4"));

    // No copy matches: the list says so.
    filter->setCurrentIndex(filter->findData(int(Ui::CopyFilterProxy::Filter::Failed)));
    QCOMPARE(view->model()->rowCount(), 0);
    QVERIFY(child<QLabel>(&window, "listEmptyLabel")->isVisible());
    filter->setCurrentIndex(filter->findData(int(Ui::CopyFilterProxy::Filter::ToReview)));
    QVERIFY(!child<QLabel>(&window, "listEmptyLabel")->isVisible());
    // Back to every copy: the copy under review stays selected, on its page.
    filter->setCurrentIndex(filter->findData(int(Ui::CopyFilterProxy::Filter::All)));
    QCOMPARE(view->model()->rowCount(), 5);
    QCOMPARE(view->currentIndex().row(), 1);
    QCOMPARE(window.currentCopyPage(), 2);
    QTest::qWait(300);
    saveScreenshotIfAsked(&window, QStringLiteral("main-window-review"));

    // The teacher settles question 5 with the "To review" filter on: the copy becomes graded but stays in the
    // list while they are on it.
    const qint64 reviewed = window.currentCopyId();
    filter->setCurrentIndex(filter->findData(int(Ui::CopyFilterProxy::Filter::ToReview)));
    panel->focusQuestion(QStringLiteral("q5"));
    auto *spin = panel->findChild<QWidget *>(QStringLiteral("questionCard_q5"))->findChild<QDoubleSpinBox *>(
        QStringLiteral("scoreSpin"));
    QTRY_COMPARE(QApplication::focusWidget(), spin);
    QSignalSpy saved(&window, &Ui::MainWindow::changesSaved);
    QTest::keyClicks(spin, QStringLiteral("3.5"));
    QTest::keyClick(spin, Qt::Key_Return);
    QVERIFY(saved.wait(10000));
    QCOMPARE(view->model()->index(0, Ui::CopyListModel::StatusColumn).data().toString(), QStringLiteral("Graded"));
    QCOMPARE(view->model()->rowCount(), 1);
    QCOMPARE(window.currentCopyId(), reviewed);
    QCOMPARE(filter->currentText(), QStringLiteral("To review (0)"));
    // Choosing the filter again applies it to every copy.
    filter->setCurrentIndex(filter->findData(int(Ui::CopyFilterProxy::Filter::All)));
    filter->setCurrentIndex(filter->findData(int(Ui::CopyFilterProxy::Filter::ToReview)));
    QCOMPARE(view->model()->rowCount(), 0);
    QVERIFY(child<QLabel>(&window, "listEmptyLabel")->isVisible());
}

void TstMainWindow::unfinishedRun_offersToResume()
{
    const QString path = freshDemo(QStringLiteral("unfinished.corrige"));
    {
        auto session = Core::SessionDatabase::open(path);
        QVERIFY(session);
        QVERIFY(session.value()->beginRun(QStringLiteral("single"), QStringLiteral("gemini/gemini-2.5-flash")));
        const QList<Core::Copy> copies = session.value()->copies();
        QList<Core::QuestionGrade> grades;
        for (const Core::Question &question : session.value()->exam().questions)
            grades << grade(copies.at(0).id, question.id, Core::GradeSource::Final, question.maxPoints,
                            question.maxPoints, QStringLiteral("Right."), QString(), 0.9);
        const Core::Status saved = session.value()->saveCopyResult(copies.at(0).id, grades, Core::CopyStatus::Graded,
                                                                   QString());
        QVERIFY2(saved, qPrintable(saved.errorString()));
        QCOMPARE(session.value()->copy(copies.at(0).id)->status, Core::CopyStatus::Graded);
    }
    Ui::MainWindow window(&m_pool, m_settings.get());
    window.show();
    QVERIFY(openIn(window, path));
    QVERIFY(window.snapshot().unfinishedRun.has_value());
    auto *bar = child<QWidget>(&window, "unfinishedRunBar");
    QVERIFY(bar->isVisible());
    QCOMPARE(child<QLabel>(&window, "unfinishedRunLabel")->text(),
             QStringLiteral("The last grading run stopped with 4 copies left."));
    QVERIFY(child<QPushButton>(&window, "resumeButton")->isVisible());
    QTest::mouseClick(child<QToolButton>(&window, "dismissUnfinishedButton"), Qt::LeftButton);
    QVERIFY(!bar->isVisible());

    // Reopened, the bar is back; Resume starts Grade all.
    QVERIFY(openIn(window, path));
    QVERIFY(bar->isVisible());
    QTest::mouseClick(child<QPushButton>(&window, "resumeButton"), Qt::LeftButton);
    QVERIFY(window.gradeAllController());
    QVERIFY(window.gradeAllController()->isRunning());
    QVERIFY(!bar->isVisible());
    window.gradeAllController()->cancel();
}

void TstMainWindow::gradeAll_startsTheFlow_andClosingTheWindowEndsIt()
{
    const QString path = freshDemo(QStringLiteral("grade-all.corrige"));
    Ui::MainWindow window(&m_pool, m_settings.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(openIn(window, path));
    QVERIFY(!window.gradeAllController());

    QTest::keyClick(&window, Qt::Key_G, Qt::ControlModifier);
    Ui::GradeAllController *controller = window.gradeAllController();
    QVERIFY(controller);
    QVERIFY(controller->isRunning());
    // The flow starts with the rubrics, reviewed before grading.
    QTRY_VERIFY(controller->rubricDialog() && controller->rubricDialog()->isVisible());
    QCOMPARE(controller->rubricDialog()->mode(), Ui::RubricDialog::Mode::ReviewBeforeGrading);
    QCOMPARE(controller->rubricDialog()->exam(), window.snapshot().exam);

    // Nothing is being graded yet: closing asks nothing and ends the flow.
    QSignalSpy finished(controller, &Ui::GradeAllController::finished);
    Ui::MessageBox::setNextAnswer(QMessageBox::NoButton);
    QVERIFY(window.close());
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY(!controller->isRunning());
}

void TstMainWindow::openSession_ofCorruptFile_saysSoAndKeepsTheFile()
{
    const QString path = m_dir.filePath(QStringLiteral("broken.corrige"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    const QByteArray junk("SQLite format 3\0 but not really a database at all", 50);
    file.write(junk);
    file.close();

    Ui::MainWindow window(&m_pool, m_settings.get());
    QSignalSpy failed(&window, &Ui::MainWindow::sessionFailed);
    Ui::MessageBox::setNextAnswer(QMessageBox::Ok);
    Ui::FileDialog::setNextFileName(path);
    windowAction(window, "openAction")->trigger();
    QVERIFY(failed.wait(10000));
    QVERIFY2(failed.constFirst().constFirst().toString().contains(QStringLiteral("broken.corrige")),
             qPrintable(failed.constFirst().constFirst().toString()));
    QVERIFY(Ui::MessageBox::lastText().contains(QStringLiteral("broken.corrige")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), junk);
    QVERIFY(!window.hasSession());
    QCOMPARE(child<QStackedWidget>(&window, "centralStack")->currentWidget()->objectName(),
             QStringLiteral("startPage"));
    QVERIFY(m_settings->recentSessions().isEmpty());
}

void TstMainWindow::copyListModel_passesModelTester()
{
    Ui::CopyListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Core::Exam exam;
    exam.title = QStringLiteral("T");
    exam.questions.append(Core::Question{QStringLiteral("q1"), {}, {}, 2.0, {}, std::nullopt});
    Core::Copy copy;
    copy.id = 7;
    copy.position = 1;
    copy.label = QStringLiteral("Copy 1");
    Core::QuestionGrade grade;
    grade.copyId = 7;
    grade.questionId = QStringLiteral("q1");
    grade.source = Core::GradeSource::Teacher;
    grade.score = 1.5;
    model.setReport(Core::StatusReport::build(exam, {copy}, {grade}));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, Ui::CopyListModel::TotalColumn).data().toString(), QStringLiteral("1.5 / 2"));

    QSignalSpy edited(&model, &Ui::CopyListModel::studentNameEdited);
    QVERIFY(model.setData(model.index(0, Ui::CopyListModel::StudentColumn), QStringLiteral("  Ada   Lovelace ")));
    QCOMPARE(edited.size(), 1);
    QCOMPARE(edited.constFirst().at(1).toString(), QStringLiteral("Ada Lovelace"));
    QVERIFY(!model.setData(model.index(0, Ui::CopyListModel::StudentColumn), QStringLiteral("Ada Lovelace")));
    QVERIFY(!model.setData(model.index(0, Ui::CopyListModel::LabelColumn), QStringLiteral("x")));
    QCOMPARE(edited.size(), 1);

    model.setReport(Core::StatusReport::build(exam, {}, {}));
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(TstMainWindow)
#include "tst_mainwindow.moc"
