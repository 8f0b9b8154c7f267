#include "ui/mainwindow.h"

#include "core/export/statusreport.h"
#include "core/secrets/secretstore.h"
#include "core/session/sessionstore.h"
#include "core/settings/appsettings.h"
#include "core/workflow/demosession.h"
#include "ui/commands/studentnamecommand.h"
#include "ui/commands/teachergradecommand.h"
#include "ui/dialogs/aboutdialog.h"
#include "ui/dialogs/exportdialog.h"
#include "ui/dialogs/filedialog.h"
#include "ui/dialogs/messagebox.h"
#include "ui/dialogs/newsessiondialog.h"
#include "ui/dialogs/rubricdialog.h"
#include "ui/dialogs/settingsdialog.h"
#include "ui/batchcontroller.h"
#include "ui/gradeallcontroller.h"
#include "ui/widgets/batchpanel.h"
#include "ui/rubricdrafter.h"
#include "ui/models/copyfilterproxy.h"
#include "ui/models/copylistmodel.h"
#include "ui/widgets/gradepanel.h"
#include "ui/widgets/startpage.h"
#include "ui/widgets/statusicon.h"
#include "ui/widgets/teardown.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QFileOpenEvent>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMimeData>
#include <QPdfDocument>
#include <QPdfPageNavigator>
#include <QPdfView>
#include <QPushButton>
#include <QScreen>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QThreadPool>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace Corrige::Ui {

using namespace Corrige::Core;

namespace {

constexpr double zoomStep = 1.25;
constexpr double minZoom = 0.1;
constexpr double maxZoom = 8.0;

std::optional<double> teacherScore(const QList<QuestionGrade> &grades, qint64 copyId, const QString &questionId)
{
    for (const QuestionGrade &grade : grades) {
        if (grade.copyId == copyId && grade.questionId == questionId && grade.source == GradeSource::Teacher)
            return grade.score;
    }
    return std::nullopt;
}

QString scoreText(std::optional<double> score)
{
    return score ? QLocale().toString(*score, 'g', QLocale::FloatingPointShortest) : MainWindow::tr("none");
}

bool isSessionFile(const QString &path)
{
    return path.endsWith(QLatin1String(".corrige"), Qt::CaseInsensitive);
}

bool isPdfFile(const QString &path)
{
    return path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive);
}

QToolButton *toolButtonFor(QAction *action, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setAutoRaise(true);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}

} // namespace

MainWindow::MainWindow(QThreadPool *workPool, AppSettings *settings, QWidget *parent)
    : QMainWindow(parent)
    , m_workPool(workPool)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Corrige"));
    setAcceptDrops(true);
    resize(1280, 800);

    m_undoStack = new QUndoStack(this);
    m_undoStack->setObjectName(QStringLiteral("undoStack"));

    m_startPage = new StartPage(this);
    m_sessionPage = createSessionPage();
    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("centralStack"));
    m_stack->addWidget(m_startPage);
    m_stack->addWidget(m_sessionPage);
    setCentralWidget(m_stack);

    connect(m_startPage, &StartPage::newSessionRequested, this, [this] { newSession(); });
    connect(m_startPage, &StartPage::openSessionRequested, this, &MainWindow::chooseSessionToOpen);
    connect(m_startPage, &StartPage::demoRequested, this, &MainWindow::openDemo);
    connect(m_startPage, &StartPage::recentSessionChosen, this, &MainWindow::openRecent);

    createActions();
    refreshRecentSessions();
    refreshActions();
    statusBar()->showMessage(tr("Ready"));
    // Ctrl+Z in a score field undoes the last grade once the field has nothing of its own to undo.
    qApp->installEventFilter(this);
}

MainWindow::~MainWindow()
{
    disconnectTeardownSenders(this);
    qApp->removeEventFilter(this);
    dropGradeAllController();
    dropBatchController();
    // Pending writes are finished by the stores' destructors before the window's widgets go.
    m_openingStore.reset();
    m_store.reset();
}

// ---------------------------------------------------------------------------------------------------------------
// Building the window

QWidget *MainWindow::createSessionPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("sessionPage"));

    // A grading run that stopped early: say so, and offer to go on.
    m_unfinishedBar = new QFrame(page);
    m_unfinishedBar->setObjectName(QStringLiteral("unfinishedRunBar"));
    static_cast<QFrame *>(m_unfinishedBar)->setFrameShape(QFrame::StyledPanel);
    m_unfinishedBar->setAutoFillBackground(true);
    {
        QPalette palette = m_unfinishedBar->palette();
        palette.setColor(QPalette::Window, QColor(0xff, 0xf4, 0xe0));
        palette.setColor(QPalette::WindowText, QColor(0x3e, 0x27, 0x00));
        m_unfinishedBar->setPalette(palette);
    }
    auto *barLayout = new QHBoxLayout(m_unfinishedBar);
    auto *barIcon = new QLabel(m_unfinishedBar);
    barIcon->setPixmap(statusDotIcon(StatusColor::attention).pixmap(16, 16));
    m_unfinishedLabel = new QLabel(m_unfinishedBar);
    m_unfinishedLabel->setObjectName(QStringLiteral("unfinishedRunLabel"));
    m_unfinishedLabel->setWordWrap(true);
    auto *resumeButton = new QPushButton(tr("&Resume"), m_unfinishedBar);
    resumeButton->setObjectName(QStringLiteral("resumeButton"));
    resumeButton->setToolTip(tr("Grade the copies left, keeping every grade already stored"));
    auto *dismissButton = new QToolButton(m_unfinishedBar);
    dismissButton->setObjectName(QStringLiteral("dismissUnfinishedButton"));
    dismissButton->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    dismissButton->setAutoRaise(true);
    dismissButton->setToolTip(tr("Hide this message"));
    barLayout->addWidget(barIcon);
    barLayout->addWidget(m_unfinishedLabel, 1);
    barLayout->addWidget(resumeButton);
    barLayout->addWidget(dismissButton);
    m_unfinishedBar->hide();
    connect(resumeButton, &QPushButton::clicked, this, &MainWindow::startGradeAll);
    connect(dismissButton, &QToolButton::clicked, m_unfinishedBar, &QWidget::hide);

    // Another Corrige writes to this session: it is shown read-only, and says who holds it.
    m_readOnlyBar = new QFrame(page);
    m_readOnlyBar->setObjectName(QStringLiteral("readOnlyBar"));
    static_cast<QFrame *>(m_readOnlyBar)->setFrameShape(QFrame::StyledPanel);
    m_readOnlyBar->setAutoFillBackground(true);
    {
        QPalette palette = m_readOnlyBar->palette();
        palette.setColor(QPalette::Window, QColor(0xe3, 0xf0, 0xfc));
        palette.setColor(QPalette::WindowText, QColor(0x0b, 0x2e, 0x4f));
        m_readOnlyBar->setPalette(palette);
    }
    auto *readOnlyLayout = new QHBoxLayout(m_readOnlyBar);
    auto *readOnlyIcon = new QLabel(m_readOnlyBar);
    readOnlyIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(16, 16));
    m_readOnlyLabel = new QLabel(m_readOnlyBar);
    m_readOnlyLabel->setObjectName(QStringLiteral("readOnlyLabel"));
    m_readOnlyLabel->setWordWrap(true);
    m_readOnlyLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *reopenButton = new QPushButton(tr("Open a&gain"), m_readOnlyBar);
    reopenButton->setObjectName(QStringLiteral("reopenButton"));
    reopenButton->setToolTip(tr("Open the session again, for writing if the other Corrige has closed it"));
    readOnlyLayout->addWidget(readOnlyIcon);
    readOnlyLayout->addWidget(m_readOnlyLabel, 1);
    readOnlyLayout->addWidget(reopenButton);
    m_readOnlyBar->hide();
    connect(reopenButton, &QPushButton::clicked, this, [this] {
        if (hasSession())
            openSession(m_sessionPath);
    });

    m_gradePanel = new GradePanel(page);
    connect(m_gradePanel, &GradePanel::teacherScoreChosen, this, &MainWindow::chooseTeacherScore);
    connect(m_gradePanel, &GradePanel::commentChanged, this,
            [this](qint64 copyId, const QString &questionId, const QString &text) {
                if (!m_store)
                    return;
                write(m_store->setComment(copyId, questionId, text));
                m_snapshot.comments.removeIf([&](const TeacherComment &comment) {
                    return comment.copyId == copyId && comment.questionId == questionId;
                });
                if (!text.isEmpty())
                    m_snapshot.comments.append({copyId, questionId, text});
            });
    connect(m_gradePanel, &GradePanel::currentQuestionChanged, this, &MainWindow::showQuestionPage);

    m_splitter = new QSplitter(page);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(createCopyListPane());
    m_splitter->addWidget(createScanPane());
    m_splitter->addWidget(m_gradePanel);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setStretchFactor(2, 0);
    m_splitter->setSizes({380, 500, 400});

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_readOnlyBar);
    layout->addWidget(m_unfinishedBar);
    layout->addWidget(m_splitter, 1);
    return page;
}

QWidget *MainWindow::createCopyListPane()
{
    auto *pane = new QWidget(this);
    pane->setObjectName(QStringLiteral("copyListPane"));

    m_copyModel = new CopyListModel(this);
    m_copyProxy = new CopyFilterProxy(this);
    m_copyProxy->setSourceModel(m_copyModel);
    connect(m_copyModel, &CopyListModel::studentNameEdited, this, &MainWindow::renameStudent);

    auto *filterLabel = new QLabel(tr("&Show:"), pane);
    m_filterCombo = new QComboBox(pane);
    m_filterCombo->setObjectName(QStringLiteral("copyFilter"));
    for (const CopyFilterProxy::Filter filter : CopyFilterProxy::filters())
        m_filterCombo->addItem(CopyFilterProxy::filterText(filter), int(filter));
    m_filterCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    filterLabel->setBuddy(m_filterCombo);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(filterLabel);
    filterRow->addWidget(m_filterCombo, 1);

    m_copyView = new QTableView(pane);
    m_copyView->setObjectName(QStringLiteral("copyList"));
    // Room for a student's name whatever the language of the page viewer's buttons beside it.
    m_copyView->setMinimumWidth(fontMetrics().averageCharWidth() * 64);
    m_copyView->setModel(m_copyProxy);
    m_copyView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_copyView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_copyView->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_copyView->setSortingEnabled(true);
    m_copyView->sortByColumn(CopyListModel::PositionColumn, Qt::AscendingOrder);
    m_copyView->verticalHeader()->hide();
    m_copyView->setWordWrap(false);
    // The position says which copy it is; the label ("Copy 3") is shown with the scan and in the panel.
    m_copyView->setColumnHidden(CopyListModel::LabelColumn, true);
    m_copyView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_copyView->setTextElideMode(Qt::ElideRight);
    QHeaderView *header = m_copyView->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(CopyListModel::StudentColumn, QHeaderView::Stretch);
    header->setSectionsMovable(false);
    m_copyView->setAlternatingRowColors(true);

    m_listEmptyLabel = new QLabel(tr("No copy matches this filter."), pane);
    m_listEmptyLabel->setObjectName(QStringLiteral("listEmptyLabel"));
    m_listEmptyLabel->setAlignment(Qt::AlignCenter);
    m_listEmptyLabel->setForegroundRole(QPalette::PlaceholderText);
    m_listEmptyLabel->hide();

    m_batchPanel = new BatchPanel(pane);
    connect(m_batchPanel, &BatchPanel::cancelRequested, this, [this] { batchController()->cancelBatches(); });

    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(4, 4, 0, 4);
    layout->addWidget(m_batchPanel);
    layout->addLayout(filterRow);
    layout->addWidget(m_copyView, 1);
    layout->addWidget(m_listEmptyLabel);

    connect(m_filterCombo, &QComboBox::currentIndexChanged, this, [this] {
        // A filter chosen by the teacher applies to every copy, the current one included.
        const qint64 current = m_shownCopyId;
        m_copyProxy->setPinnedCopyId(0);
        m_copyProxy->setFilter(CopyFilterProxy::Filter(m_filterCombo->currentData().toInt()));
        const int sourceRow = current != 0 ? m_copyModel->rowOfCopy(current) : -1;
        const QModelIndex proxy = sourceRow >= 0 ? m_copyProxy->mapFromSource(m_copyModel->index(sourceRow, 0))
                                                 : QModelIndex();
        if (proxy.isValid()) {
            m_copyView->setCurrentIndex(proxy.siblingAtColumn(CopyListModel::StudentColumn));
            m_copyView->selectRow(proxy.row());
            m_copyView->scrollTo(proxy);
        } else if (m_copyProxy->rowCount() > 0) {
            m_copyView->selectRow(0);
        }
        const QModelIndex shown = m_copyView->currentIndex();
        if (shown.isValid() && shown.data(CopyListModel::CopyIdRole).toLongLong() == m_shownCopyId)
            m_copyProxy->setPinnedCopyId(m_shownCopyId);
        m_listEmptyLabel->setVisible(m_copyProxy->rowCount() == 0);
    });
    connect(m_copyView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::showSelectedCopy);
    return pane;
}

QWidget *MainWindow::createScanPane()
{
    auto *pane = new QWidget(this);
    pane->setObjectName(QStringLiteral("scanPane"));

    m_pdfDocument = new QPdfDocument(this);
    m_pdfView = new QPdfView(pane);
    m_pdfView->setObjectName(QStringLiteral("pageView"));
    m_pdfView->setDocument(m_pdfDocument);
    m_pdfView->setPageMode(QPdfView::PageMode::SinglePage);
    m_pdfView->setZoomMode(QPdfView::ZoomMode::FitToWidth);
    m_pdfView->setFocusPolicy(Qt::ClickFocus);

    m_scanTitle = new QLabel(pane);
    m_scanTitle->setObjectName(QStringLiteral("scanTitleLabel"));
    m_scanTitle->setTextFormat(Qt::PlainText);
    QFont titleFont = m_scanTitle->font();
    titleFont.setBold(true);
    m_scanTitle->setFont(titleFont);
    m_pageLabel = new QLabel(pane);
    m_pageLabel->setObjectName(QStringLiteral("pageLabel"));

    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(2);
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 0, 6, 0);
    bar->addWidget(m_scanTitle, 1);
    bar->setObjectName(QStringLiteral("pageBar"));
    layout->addLayout(bar);
    layout->addWidget(m_pdfView, 1);

    connect(m_pdfDocument, &QPdfDocument::statusChanged, this, [this](QPdfDocument::Status status) {
        if (status == QPdfDocument::Status::Ready && m_pendingPage) {
            const int index = *m_pendingPage;
            m_pendingPage.reset();
            showCopyPage(index);
        }
    });
    return pane;
}

void MainWindow::createActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *newAction = fileMenu->addAction(tr("&New session…"), this, [this] { newSession(); });
    newAction->setObjectName(QStringLiteral("newSessionAction"));
    newAction->setShortcut(QKeySequence::New);
    QAction *openAction = fileMenu->addAction(tr("&Open…"), this, &MainWindow::chooseSessionToOpen);
    openAction->setObjectName(QStringLiteral("openAction"));
    openAction->setShortcut(QKeySequence::Open);
    QAction *demoAction = fileMenu->addAction(tr("Open the &demo"), this, &MainWindow::openDemo);
    demoAction->setObjectName(QStringLiteral("openDemoAction"));
    m_recentMenu = fileMenu->addMenu(tr("&Recent sessions"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::refreshRecentSessions);
    fileMenu->addSeparator();
    m_importAction = fileMenu->addAction(tr("&Import scans…"), this, [this] { importScans(); });
    m_importAction->setObjectName(QStringLiteral("importScansAction"));
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    QAction *exportAction = fileMenu->addAction(tr("&Export…"), this, &MainWindow::exportSession);
    exportAction->setObjectName(QStringLiteral("exportAction"));
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_sessionActions.append(exportAction);
    m_closeAction = fileMenu->addAction(tr("&Close session"), this, &MainWindow::closeSession);
    m_closeAction->setObjectName(QStringLiteral("closeSessionAction"));
    m_closeAction->setShortcut(QKeySequence::Close);
    fileMenu->addSeparator();
    QAction *quitAction = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quitAction->setObjectName(QStringLiteral("quitAction"));
    quitAction->setShortcut(QKeySequence::Quit);
    quitAction->setMenuRole(QAction::QuitRole);

    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    QAction *undoAction = m_undoStack->createUndoAction(this, tr("&Undo"));
    undoAction->setObjectName(QStringLiteral("undoAction"));
    undoAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Z)});
    QAction *redoAction = m_undoStack->createRedoAction(this, tr("&Redo"));
    redoAction->setObjectName(QStringLiteral("redoAction"));
    redoAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    editMenu->addAction(undoAction);
    editMenu->addAction(redoAction);
    editMenu->addSeparator();
    QAction *renameAction = editMenu->addAction(tr("Edit the student's &name"), this, [this] {
        const QModelIndex index = m_copyView->currentIndex();
        if (index.isValid()) {
            m_copyView->setFocus();
            m_copyView->edit(index.siblingAtColumn(CopyListModel::StudentColumn));
        }
    });
    renameAction->setObjectName(QStringLiteral("renameStudentAction"));
    renameAction->setShortcut(QKeySequence(Qt::Key_F2));
    m_sessionActions.append(renameAction);
    m_writeActions.append(renameAction);
    editMenu->addSeparator();
    QAction *settingsAction = editMenu->addAction(tr("&Settings…"), this, &MainWindow::editSettings);
    settingsAction->setObjectName(QStringLiteral("settingsAction"));
    settingsAction->setShortcut(QKeySequence::Preferences);
    settingsAction->setMenuRole(QAction::PreferencesRole);
    settingsAction->setEnabled(m_settings != nullptr);

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    m_nextCopyAction = viewMenu->addAction(tr("&Next copy"), this, [this] { moveToCopy(1); });
    m_nextCopyAction->setObjectName(QStringLiteral("nextCopyAction"));
    m_nextCopyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Down));
    m_previousCopyAction = viewMenu->addAction(tr("&Previous copy"), this, [this] { moveToCopy(-1); });
    m_previousCopyAction->setObjectName(QStringLiteral("previousCopyAction"));
    m_previousCopyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Up));
    viewMenu->addSeparator();
    m_nextPageAction = viewMenu->addAction(tr("Next pa&ge"), this, [this] { showCopyPage(m_copyPage + 1); });
    m_nextPageAction->setObjectName(QStringLiteral("nextPageAction"));
    m_nextPageAction->setShortcut(QKeySequence(Qt::Key_PageDown));
    m_nextPageAction->setIcon(style()->standardIcon(QStyle::SP_ArrowRight));
    m_nextPageAction->setToolTip(tr("Next page of this copy (%1)")
                                     .arg(QKeySequence(Qt::Key_PageDown).toString(QKeySequence::NativeText)));
    m_previousPageAction = viewMenu->addAction(tr("Previous p&age"), this,
                                               [this] { showCopyPage(m_copyPage - 1); });
    m_previousPageAction->setObjectName(QStringLiteral("previousPageAction"));
    m_previousPageAction->setShortcut(QKeySequence(Qt::Key_PageUp));
    m_previousPageAction->setIcon(style()->standardIcon(QStyle::SP_ArrowLeft));
    m_previousPageAction->setToolTip(tr("Previous page of this copy (%1)")
                                         .arg(QKeySequence(Qt::Key_PageUp).toString(QKeySequence::NativeText)));
    viewMenu->addSeparator();
    QAction *fitWidth = viewMenu->addAction(tr("Fit &width"), this,
                                            [this] { m_pdfView->setZoomMode(QPdfView::ZoomMode::FitToWidth); });
    fitWidth->setObjectName(QStringLiteral("fitWidthAction"));
    fitWidth->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    QAction *fitPage = viewMenu->addAction(tr("Fit &page"), this,
                                           [this] { m_pdfView->setZoomMode(QPdfView::ZoomMode::FitInView); });
    fitPage->setObjectName(QStringLiteral("fitPageAction"));
    fitPage->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_9));
    QAction *zoomOut = viewMenu->addAction(tr("Zoom &out"), this, [this] { zoomBy(1.0 / zoomStep); });
    zoomOut->setObjectName(QStringLiteral("zoomOutAction"));
    zoomOut->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Minus), QKeySequence::ZoomOut});
    //: Short label of the zoom-out button above the scan
    zoomOut->setIconText(tr("−"));
    zoomOut->setToolTip(tr("Zoom out (%1)").arg(QKeySequence(Qt::CTRL | Qt::Key_Minus).toString(QKeySequence::NativeText)));
    QAction *zoomIn = viewMenu->addAction(tr("Zoom &in"), this, [this] { zoomBy(zoomStep); });
    zoomIn->setObjectName(QStringLiteral("zoomInAction"));
    zoomIn->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence::ZoomIn});
    //: Short label of the zoom-in button above the scan
    zoomIn->setIconText(tr("+"));
    zoomIn->setToolTip(tr("Zoom in (%1)").arg(QKeySequence(Qt::CTRL | Qt::Key_Equal).toString(QKeySequence::NativeText)));

    QMenu *gradingMenu = menuBar()->addMenu(tr("&Grading"));
    m_gradeAllAction = gradingMenu->addAction(tr("&Grade all…"), this, &MainWindow::startGradeAll);
    m_gradeAllAction->setObjectName(QStringLiteral("gradeAllAction"));
    m_gradeAllAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    m_rubricsAction = gradingMenu->addAction(tr("&Rubrics…"), this, &MainWindow::editRubrics);
    m_rubricsAction->setObjectName(QStringLiteral("rubricsAction"));
    m_rubricsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *helpAction = helpMenu->addAction(tr("Corrige &help"), this, &MainWindow::showHelp);
    helpAction->setObjectName(QStringLiteral("helpAction"));
    helpAction->setShortcut(QKeySequence::HelpContents);
    helpMenu->addSeparator();
    QAction *aboutAction = helpMenu->addAction(tr("&About Corrige"), this, &MainWindow::showAbout);
    aboutAction->setObjectName(QStringLiteral("aboutAction"));
    aboutAction->setMenuRole(QAction::AboutRole);

    m_writeActions += {m_importAction, m_gradeAllAction, m_rubricsAction};
    m_sessionActions += {m_importAction, m_closeAction, m_nextCopyAction, m_previousCopyAction, m_nextPageAction,
                         m_previousPageAction, fitWidth, fitPage, zoomIn, zoomOut, m_gradeAllAction, m_rubricsAction};

    // The page bar above the scan.
    if (auto *bar = m_sessionPage->findChild<QHBoxLayout *>(QStringLiteral("pageBar"))) {
        QWidget *pane = m_pdfView->parentWidget();
        auto *previous = new QToolButton(pane);
        previous->setObjectName(QStringLiteral("previousPageButton"));
        previous->setDefaultAction(m_previousPageAction);
        previous->setAutoRaise(true);
        auto *next = new QToolButton(pane);
        next->setObjectName(QStringLiteral("nextPageButton"));
        next->setDefaultAction(m_nextPageAction);
        next->setAutoRaise(true);
        bar->addWidget(previous);
        bar->addWidget(m_pageLabel);
        bar->addWidget(next);
        bar->addSpacing(12);
        bar->addWidget(toolButtonFor(fitWidth, pane));
        bar->addWidget(toolButtonFor(fitPage, pane));
        bar->addWidget(toolButtonFor(zoomOut, pane));
        bar->addWidget(toolButtonFor(zoomIn, pane));
    }
}

void MainWindow::refreshActions()
{
    const bool open = hasSession();
    for (QAction *action : std::as_const(m_sessionActions))
        action->setEnabled(open);
    for (QAction *action : std::as_const(m_writeActions))
        action->setEnabled(open && !isReadOnly());
    refreshPageControls();
}

// ---------------------------------------------------------------------------------------------------------------
// Recent sessions

void MainWindow::refreshRecentSessions()
{
    const QStringList recent = m_settings ? m_settings->recentSessions() : QStringList();
    m_startPage->setRecentSessions(recent);
    m_recentMenu->clear();
    for (const QString &path : recent) {
        QAction *action = m_recentMenu->addAction(QFileInfo(path).fileName(), this,
                                                  [this, path] { openRecent(path); });
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
    }
    if (recent.isEmpty()) {
        m_recentMenu->addAction(tr("No recent sessions"))->setEnabled(false);
    } else {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("&Clear the list"), this, [this] {
            if (m_settings)
                m_settings->clearRecentSessions();
            refreshRecentSessions();
        });
    }
}

void MainWindow::rememberSession(const QString &path)
{
    if (!m_settings)
        return;
    m_settings->addRecentSession(path);
    m_settings->sync();
    refreshRecentSessions();
}

void MainWindow::openRecent(const QString &path)
{
    if (!QFileInfo::exists(path)) {
        if (m_settings)
            m_settings->removeRecentSession(path);
        refreshRecentSessions();
        statusBar()->showMessage(tr("%1 no longer exists; it was removed from the recent sessions.")
                                     .arg(QDir::toNativeSeparators(path)));
        return;
    }
    openSession(path);
}

// ---------------------------------------------------------------------------------------------------------------
// Opening, creating, closing

void MainWindow::chooseSessionToOpen()
{
    const QString path = FileDialog::getOpenFileName(this, tr("Open a session"), QString(),
                                                     tr("Corrige sessions (*.corrige);;All files (*)"));
    if (!path.isEmpty())
        openSession(path);
}

void MainWindow::setBusy(bool busy, const QString &message)
{
    if (busy != m_busy) {
        if (busy)
            QApplication::setOverrideCursor(Qt::BusyCursor);
        else
            QApplication::restoreOverrideCursor();
    }
    m_busy = busy;
    if (!message.isEmpty())
        statusBar()->showMessage(message);
}

void MainWindow::openDemo()
{
    const QString path = DemoSession::defaultPath();
    if (QFileInfo::exists(path)) {
        openSession(path);
        return;
    }
    // Building the demo validates and stores a 20-page scan: off the GUI thread.
    setBusy(true, tr("Preparing the demo session…"));
    auto *watcher = new QFutureWatcher<Status>(this);
    connect(watcher, &QFutureWatcher<Status>::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        setBusy(false);
        const Status status = watcher->result();
        if (!status) {
            showError(tr("The demo could not be prepared"), status.error());
            return;
        }
        openSession(path);
    });
    watcher->setFuture(QtConcurrent::run(m_workPool, [path] { return DemoSession::create(path); }));
}

void MainWindow::openSession(const QString &path)
{
    const QString absolutePath = QFileInfo(path).absoluteFilePath();
    if (absolutePath == m_openingPath && m_openingStore)
        return;
    if (hasSession() && isGradingRunning()) {
        const auto answer = MessageBox::question(
            this, tr("Grading in progress"),
            tr("Copies are being graded in this session. Stop grading and open %1? Every grade already "
               "received is kept.")
                .arg(QFileInfo(path).fileName()),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes)
            return;
        cancelGrading();
    }
    setBusy(true, tr("Opening %1…").arg(QFileInfo(path).fileName()));
    m_openingPath = absolutePath;
    m_openingStore = std::make_unique<SessionStore>();
    connectStore(m_openingStore.get());
    m_openingStore->open(absolutePath);
}

void MainWindow::connectStore(SessionStore *store)
{
    connect(store, &SessionStore::opened, this, [this, store](quint64 requestId, const SessionSnapshot &snapshot) {
        if (store == m_openingStore.get()) {
            setBusy(false);
            // The new session replaces the old one only once it is open.
            dropGradeAllController();
    dropBatchController();
            m_store = std::move(m_openingStore);
            m_undoStack->clear();
            m_pendingWrites.clear();
            m_reloadRequest = 0;
            m_sessionPath = m_openingPath;
            m_openingPath.clear();
            m_shownCopyId = 0;
            m_copyProxy->setPinnedCopyId(0);
            m_shownDocumentId = 0;
            m_documentRequest = 0;
            m_pendingPage.reset();
            m_copyPages.clear();
            m_pdfDocument->close();
            m_filterCombo->setCurrentIndex(0);
            rememberSession(m_sessionPath);
            showSnapshot(snapshot, false);
            Q_EMIT sessionOpened(m_sessionPath);
        } else if (store == m_store.get() && requestId == m_reloadRequest) {
            m_reloadRequest = 0;
            showSnapshot(snapshot, true);
            if (m_selectAfterReload != 0) {
                selectCopy(m_selectAfterReload);
                m_selectAfterReload = 0;
            }
            if (m_pendingWrites.isEmpty())
                Q_EMIT changesSaved();
        }
    });
    connect(store, &SessionStore::failed, this, [this, store](quint64 requestId, const Error &error) {
        if (store == m_openingStore.get()) {
            setBusy(false);
            m_openingStore.release()->deleteLater();
            m_openingPath.clear();
            showError(tr("The session could not be opened"), error);
            return;
        }
        if (store != m_store.get())
            return;
        if (m_pendingWrites.remove(requestId)) {
            // The file is unchanged: show it as it is.
            reload();
            showError(tr("The change could not be saved"), error);
        } else if (requestId == m_documentRequest) {
            m_documentRequest = 0;
            statusBar()->showMessage(error.message);
        } else if (requestId == m_reloadRequest) {
            m_reloadRequest = 0;
            showError(tr("The session could not be read"), error);
        }
    });
    connect(store, &SessionStore::saved, this, [this, store](quint64 requestId) {
        if (store != m_store.get() || !m_pendingWrites.remove(requestId))
            return;
        if (m_pendingWrites.isEmpty())
            reload();
    });
    connect(store, &SessionStore::documentLoaded, this,
            [this, store](quint64 requestId, qint64 documentId, const QByteArray &data) {
                if (store == m_store.get() && requestId == m_documentRequest) {
                    m_documentRequest = 0;
                    showDocument(documentId, data);
                }
            });
}

void MainWindow::closeSession()
{
    if (!hasSession())
        return;
    if (isGradingRunning()) {
        const auto answer = MessageBox::question(
            this, tr("Grading in progress"),
            tr("Copies are being graded. Stop grading and close the session? Every grade already received is "
               "kept."),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes)
            return;
        cancelGrading();
    }
    m_undoStack->clear();
    m_pendingWrites.clear();
    dropGradeAllController();
    dropBatchController();
    m_store.reset();
    m_snapshot = {};
    m_sessionPath.clear();
    m_shownCopyId = 0;
    m_copyProxy->setPinnedCopyId(0);
    m_shownDocumentId = 0;
    m_documentRequest = 0;
    m_copyPages.clear();
    m_pdfDocument->close();
    m_gradePanel->clear();
    m_copyModel->setReport(StatusReport::build({}, {}, {}));
    m_unfinishedBar->hide();
    setWindowTitle(tr("Corrige"));
    m_stack->setCurrentWidget(m_startPage);
    refreshRecentSessions();
    refreshActions();
    statusBar()->showMessage(tr("Ready"));
}

void MainWindow::newSession(const QStringList &pdfPaths)
{
    auto *dialog = new NewSessionDialog(m_workPool, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setModelAccess(m_settings, secrets());
    dialog->addPdfs(pdfPaths);
    connect(dialog, &NewSessionDialog::sessionCreated, this, &MainWindow::openSession);
    dialog->open();
}

void MainWindow::exportSession()
{
    if (!m_store)
        return;
    auto *dialog = new ExportDialog(m_workPool, m_store.get(), m_snapshot, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::importScans(const QStringList &pdfPaths)
{
    if (!m_store || refuseWhenReadOnly())
        return;
    auto *dialog = new NewSessionDialog(m_workPool, m_store.get(), m_snapshot.exam, int(m_snapshot.copies.size()),
                                        this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // Scans of the same exam usually split like the ones already there.
    int pagesPerCopy = 0;
    if (!m_snapshot.copies.isEmpty()) {
        const Copy &first = m_snapshot.copies.constFirst();
        for (const StoredDocument &document : std::as_const(m_snapshot.documents)) {
            if (!first.pages.isEmpty() && document.id == first.pages.constFirst().documentId
                && document.pageCount > first.pages.size())
                pagesPerCopy = int(first.pages.size());
        }
    }
    dialog->setPagesPerCopy(pagesPerCopy);
    dialog->addPdfs(pdfPaths);
    connect(dialog, &NewSessionDialog::scansImported, this, [this](int copies) {
        statusBar()->showMessage(tr("Copies imported: %1.").arg(copies));
        reload();
    });
    dialog->open();
}

// ---------------------------------------------------------------------------------------------------------------
// Showing the session

void MainWindow::showSnapshot(const SessionSnapshot &snapshot, bool reloaded)
{
    const qint64 keep = reloaded ? m_shownCopyId : 0;
    m_snapshot = snapshot;
    m_batchPanel->setJobs(snapshot.batchJobs);
    if (!snapshot.batchJobs.isEmpty())
        batchController()->setSession(snapshot); // polls while batches are out, imports what finished
    const StatusReport report = StatusReport::build(snapshot.exam, snapshot.copies, snapshot.grades);
    {
        // The list is rebuilt: keep the teacher on the copy they were on.
        const QSignalBlocker blocker(m_copyView->selectionModel());
        m_copyModel->setReport(report);
    }
    if (snapshot.readOnly)
        //: Window title: %1 exam, %2 session file
        setWindowTitle(tr("%1 — %2 (read-only)").arg(snapshot.exam.title, QFileInfo(m_sessionPath).fileName()));
    else
        setWindowTitle(tr("%1 — %2").arg(snapshot.exam.title, QFileInfo(m_sessionPath).fileName()));
    m_stack->setCurrentWidget(m_sessionPage);
    showReadOnlyState();
    showSummary();
    refreshFilterCounts();

    QModelIndex target;
    if (keep != 0 && m_copyModel->rowOfCopy(keep) >= 0)
        target = m_copyProxy->mapFromSource(m_copyModel->index(m_copyModel->rowOfCopy(keep), 0));
    if (!target.isValid() && m_copyProxy->rowCount() > 0)
        target = m_copyProxy->index(0, 0);
    if (target.isValid()) {
        m_copyView->setCurrentIndex(target.siblingAtColumn(CopyListModel::StudentColumn));
        m_copyView->selectRow(target.row());
        m_copyView->scrollTo(target);
        showSelectedCopy();
    } else {
        m_shownCopyId = 0;
        m_gradePanel->clear();
    }
    m_listEmptyLabel->setVisible(m_copyProxy->rowCount() == 0 && m_copyModel->rowCount() > 0);
    if (!reloaded)
        showUnfinishedRun();
    refreshActions();
    Q_EMIT snapshotShown();
}

void MainWindow::showSummary()
{
    const StatusReport report = StatusReport::build(m_snapshot.exam, m_snapshot.copies, m_snapshot.grades);
    const StatusSummary &summary = report.summary();
    statusBar()->showMessage(tr("Copies: %1 · graded %2 · to review %3 · failed %4 · not graded %5")
                                 .arg(summary.copies)
                                 .arg(summary.graded)
                                 .arg(summary.needsReview)
                                 .arg(summary.failed)
                                 .arg(summary.pending));
}

void MainWindow::refreshFilterCounts()
{
    for (int i = 0; i < m_filterCombo->count(); ++i) {
        const auto filter = CopyFilterProxy::Filter(m_filterCombo->itemData(i).toInt());
        int count = 0;
        for (int row = 0; row < m_copyModel->rowCount(); ++row) {
            const QModelIndex index = m_copyModel->index(row, 0);
            if (CopyFilterProxy::accepts(filter, CopyStatus(index.data(CopyListModel::StatusRole).toInt()),
                                         index.data(CopyListModel::FlaggedRole).toBool()))
                ++count;
        }
        m_filterCombo->setItemText(i, tr("%1 (%2)").arg(CopyFilterProxy::filterText(filter)).arg(count));
    }
}

void MainWindow::showReadOnlyState()
{
    const bool readOnly = m_snapshot.readOnly;
    if (readOnly) {
        const QString name = QFileInfo(m_sessionPath).fileName();
        if (m_snapshot.lockHolder)
            m_readOnlyLabel->setText(tr("Read-only: %1 is open in another Corrige, by %2. You can read and export "
                                        "it here; to change it, close it there, then open it again here.")
                                         .arg(name, m_snapshot.lockHolder->description()));
        else
            m_readOnlyLabel->setText(tr("Read-only: %1 was open in another Corrige, which has closed it since. Open "
                                        "it again to make changes.")
                                         .arg(name));
    }
    m_readOnlyBar->setVisible(readOnly);
    m_copyView->setEditTriggers(readOnly ? QAbstractItemView::NoEditTriggers
                                         : QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
}

bool MainWindow::refuseWhenReadOnly()
{
    if (!isReadOnly())
        return false;
    statusBar()->showMessage(tr("This session is read-only: another Corrige writes to it."));
    return true;
}

void MainWindow::showUnfinishedRun()
{
    if (!m_snapshot.unfinishedRun || m_snapshot.readOnly) {
        m_unfinishedBar->hide();
        return;
    }
    int left = 0;
    for (const Copy &copy : std::as_const(m_snapshot.copies)) {
        if (copy.status == CopyStatus::Pending)
            ++left;
    }
    m_unfinishedLabel->setText(tr("The last grading run stopped with %n copies left.", nullptr, left));
    m_unfinishedBar->show();
}

qint64 MainWindow::currentCopyId() const
{
    return m_shownCopyId;
}

void MainWindow::selectCopy(qint64 copyId)
{
    const int sourceRow = m_copyModel->rowOfCopy(copyId);
    if (sourceRow < 0)
        return;
    QModelIndex index = m_copyProxy->mapFromSource(m_copyModel->index(sourceRow, 0));
    if (!index.isValid()) {
        // Filtered out: show every copy rather than hide the one asked for.
        m_filterCombo->setCurrentIndex(0);
        index = m_copyProxy->mapFromSource(m_copyModel->index(sourceRow, 0));
    }
    if (!index.isValid())
        return;
    m_copyView->setCurrentIndex(index.siblingAtColumn(CopyListModel::StudentColumn));
    m_copyView->selectRow(index.row());
    m_copyView->scrollTo(index);
}

void MainWindow::moveToCopy(int delta)
{
    const int rows = m_copyProxy->rowCount();
    if (rows == 0)
        return;
    const QModelIndex current = m_copyView->currentIndex();
    const int row = current.isValid() ? std::clamp(current.row() + delta, 0, rows - 1) : 0;
    m_copyView->setCurrentIndex(m_copyProxy->index(row, CopyListModel::StudentColumn));
    m_copyView->selectRow(row);
}

void MainWindow::showSelectedCopy()
{
    const QModelIndex index = m_copyView->currentIndex();
    if (!index.isValid())
        return;
    const CopyReport *report = m_copyModel->copyAt(m_copyProxy->mapToSource(index).row());
    if (!report)
        return;
    if (report->copy.id != m_shownCopyId) {
        m_shownCopyId = report->copy.id;
        // The copy the teacher is on stays listed; the one they left follows the filter again (once this
        // selection change is over).
        QMetaObject::invokeMethod(
            m_copyProxy, [proxy = m_copyProxy, id = m_shownCopyId] { proxy->setPinnedCopyId(id); },
            Qt::QueuedConnection);
        m_copyPages = report->copy.pages;
        m_scanTitle->setText(report->copy.studentName.isEmpty()
                                 ? report->copy.label
                                 : tr("%1 — %2").arg(report->copy.label, report->copy.studentName));
        showCopyPage(0);
    }
    showGradesOfCurrentCopy();
}

void MainWindow::showGradesOfCurrentCopy()
{
    for (const Copy &copy : std::as_const(m_snapshot.copies)) {
        if (copy.id != m_shownCopyId)
            continue;
        QList<QuestionGrade> grades;
        for (const QuestionGrade &grade : std::as_const(m_snapshot.grades)) {
            if (grade.copyId == copy.id)
                grades.append(grade);
        }
        m_settingCopy = true;
        m_gradePanel->setCopy(m_snapshot.exam, copy, grades);
        QHash<QString, QString> comments;
        for (const TeacherComment &comment : std::as_const(m_snapshot.comments)) {
            if (comment.copyId == copy.id)
                comments.insert(comment.questionId, comment.text);
        }
        m_gradePanel->setComments(comments);
        m_settingCopy = false;
        if (m_snapshot.readOnly) {
            // Scores can be read and copied, not changed.
            for (auto *box : m_gradePanel->findChildren<QAbstractSpinBox *>())
                box->setReadOnly(true);
            for (const char *name : {"clearButton", "takeAButton", "takeBButton", "meanButton"}) {
                for (auto *button : m_gradePanel->findChildren<QAbstractButton *>(QLatin1String(name)))
                    button->setEnabled(false);
            }
        }
        return;
    }
    m_gradePanel->clear();
}

void MainWindow::showCopyPage(int index)
{
    if (m_copyPages.isEmpty() || !m_store) {
        refreshPageControls();
        return;
    }
    index = std::clamp(index, 0, int(m_copyPages.size()) - 1);
    m_copyPage = index;
    const PageRef page = m_copyPages.at(index);
    if (page.documentId == m_shownDocumentId && m_pdfDocument->status() == QPdfDocument::Status::Ready) {
        m_pendingPage.reset();
        m_pdfView->pageNavigator()->jump(page.pageIndex, QPointF(), 0);
    } else {
        m_pendingPage = index;
        if (m_documentRequest == 0 || page.documentId != m_shownDocumentId) {
            m_shownDocumentId = page.documentId;
            m_pdfDocument->close();
            m_documentRequest = m_store->loadDocument(page.documentId);
        }
    }
    refreshPageControls();
}

void MainWindow::showDocument(qint64 documentId, const QByteArray &data)
{
    m_pdfDocument->close();
    delete m_pdfBuffer;
    m_pdfBuffer = new QBuffer(this);
    m_pdfBuffer->setData(data);
    m_pdfBuffer->open(QIODevice::ReadOnly);
    m_shownDocumentId = documentId;
    m_pdfDocument->load(m_pdfBuffer);
    if (m_pdfDocument->status() == QPdfDocument::Status::Error) {
        statusBar()->showMessage(tr("The scan of this copy cannot be shown (the PDF stored in the session does "
                                    "not open)."));
        return;
    }
    if (m_pdfDocument->status() == QPdfDocument::Status::Ready && m_pendingPage) {
        const int index = *m_pendingPage;
        m_pendingPage.reset();
        showCopyPage(index);
    }
}

void MainWindow::refreshPageControls()
{
    const int count = int(m_copyPages.size());
    m_pageLabel->setText(count > 0 ? tr("Page %1 of %2").arg(m_copyPage + 1).arg(count) : QString());
    const bool open = hasSession();
    m_previousPageAction->setEnabled(open && m_copyPage > 0);
    m_nextPageAction->setEnabled(open && m_copyPage + 1 < count);
}

void MainWindow::showQuestionPage(const QString &questionId)
{
    // The teacher moves to a question: show the page where its answer is, when the exam says so.
    if (m_settingCopy)
        return;
    const Question *question = m_snapshot.exam.question(questionId);
    if (!question || question->pages.isEmpty())
        return;
    const int page = question->pages.constFirst() - 1;
    if (page >= 0 && page < m_copyPages.size() && page != m_copyPage)
        showCopyPage(page);
}

double MainWindow::effectiveZoom() const
{
    if (m_pdfView->zoomMode() == QPdfView::ZoomMode::Custom || m_pdfDocument->status() != QPdfDocument::Status::Ready)
        return m_pdfView->zoomFactor();
    const int page = m_pdfView->pageNavigator()->currentPage();
    const QSizeF points = m_pdfDocument->pagePointSize(page);
    if (points.isEmpty())
        return m_pdfView->zoomFactor();
    const double dpi = m_pdfView->logicalDpiX();
    const QSizeF pixels = points * dpi / 72.0;
    const QMargins margins = m_pdfView->documentMargins();
    const QSize viewport = m_pdfView->viewport()->size().shrunkBy(margins);
    const double width = viewport.width() / pixels.width();
    if (m_pdfView->zoomMode() == QPdfView::ZoomMode::FitToWidth)
        return width;
    return std::min(width, viewport.height() / pixels.height());
}

void MainWindow::zoomBy(double factor)
{
    const double zoom = std::clamp(effectiveZoom() * factor, minZoom, maxZoom);
    m_pdfView->setZoomMode(QPdfView::ZoomMode::Custom);
    m_pdfView->setZoomFactor(zoom);
}

void MainWindow::showError(const QString &title, const Error &error)
{
    statusBar()->showMessage(error.message);
    Q_EMIT sessionFailed(error.message);
    MessageBox::warning(this, title, error.message);
}

// ---------------------------------------------------------------------------------------------------------------
// Changes, undo and redo

void MainWindow::write(quint64 requestId)
{
    m_pendingWrites.insert(requestId);
}

void MainWindow::chooseTeacherScore(qint64 copyId, const QString &questionId, std::optional<double> score)
{
    if (!m_store || refuseWhenReadOnly())
        return;
    const std::optional<double> before = teacherScore(m_snapshot.grades, copyId, questionId);
    if (before == score)
        return;
    QString copyName;
    for (const Copy &copy : std::as_const(m_snapshot.copies)) {
        if (copy.id == copyId)
            copyName = copy.displayName();
    }
    const Question *question = m_snapshot.exam.question(questionId);
    const QString text = tr("score of %1, %2: %3 → %4")
                             .arg(copyName, question ? question->displayLabel() : questionId, scoreText(before),
                                  scoreText(score));
    m_pushing = true;
    m_undoStack->push(new TeacherGradeCommand(
        copyId, questionId, before, score, text,
        [this](qint64 id, const QString &questionKey, std::optional<double> value) {
            applyTeacherScore(id, questionKey, value);
        }));
    m_pushing = false;
}

void MainWindow::applyTeacherScore(qint64 copyId, const QString &questionId, std::optional<double> score)
{
    if (!m_store)
        return;
    // The snapshot follows at once, so that the next change knows what it replaces.
    auto existing = std::find_if(m_snapshot.grades.begin(), m_snapshot.grades.end(), [&](const QuestionGrade &grade) {
        return grade.copyId == copyId && grade.questionId == questionId && grade.source == GradeSource::Teacher;
    });
    if (score) {
        if (existing == m_snapshot.grades.end()) {
            QuestionGrade grade;
            grade.copyId = copyId;
            grade.questionId = questionId;
            grade.source = GradeSource::Teacher;
            const Question *question = m_snapshot.exam.question(questionId);
            grade.maxPoints = question ? question->maxPoints : 0.0;
            m_snapshot.grades.append(grade);
            existing = m_snapshot.grades.end() - 1;
        }
        existing->score = *score;
    } else if (existing != m_snapshot.grades.end()) {
        m_snapshot.grades.erase(existing);
    }
    write(m_store->setTeacherGrade(copyId, questionId, score));
    if (!m_pushing) {
        // Undo and redo show the change they make.
        if (copyId != m_shownCopyId)
            selectCopy(copyId);
        else
            showGradesOfCurrentCopy();
        m_gradePanel->setCurrentQuestion(questionId);
    }
}

void MainWindow::renameStudent(qint64 copyId, const QString &name)
{
    if (!m_store || refuseWhenReadOnly())
        return;
    QString before;
    for (const Copy &copy : std::as_const(m_snapshot.copies)) {
        if (copy.id == copyId)
            before = copy.studentName;
    }
    if (before == name)
        return;
    m_pushing = true;
    m_undoStack->push(new StudentNameCommand(
        copyId, before, name, tr("student's name: %1 → %2").arg(before, name),
        [this](qint64 id, const QString &value) { applyStudentName(id, value); }));
    m_pushing = false;
}

void MainWindow::applyStudentName(qint64 copyId, const QString &name)
{
    if (!m_store)
        return;
    for (Copy &copy : m_snapshot.copies) {
        if (copy.id != copyId)
            continue;
        copy.studentName = name;
        write(m_store->setStudent(copyId, name, copy.studentId, copy.studentEmail));
        break;
    }
    if (!m_pushing && copyId != m_shownCopyId)
        selectCopy(copyId);
}

void MainWindow::editRubrics()
{
    if (!m_store || refuseWhenReadOnly())
        return;
    const Exam before = m_snapshot.exam;
    auto *dialog = new RubricDialog(before, RubricDialog::Mode::Edit, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // "Draft with AI" uses model A of the settings; the drafter waits for its key, read now.
    auto *drafter = new RubricDrafter(dialog);
    drafter->attach(dialog);
    if (m_settings) {
        const QString provider = m_settings->provider(ModelSlot::A);
        const auto configure = [this, drafter, provider](const QString &key) {
            if (drafter->hasProvider())
                return;
            ProviderConfig config;
            config.kind = providerKindFromString(provider);
            config.model = m_settings->model(ModelSlot::A);
            const QString url = m_settings->baseUrl(ModelSlot::A);
            if (!url.isEmpty())
                config.baseUrl = QUrl(url);
            config.apiKey = key; // empty: each draft then says which key is missing and where to put it
            config.timeoutMs = m_settings->timeoutSeconds() * 1000;
            drafter->setProvider(config);
        };
        connect(secrets(), &SecretStore::keyRead, drafter,
                [configure, provider](const QString &which, const QString &key, SecretLocation) {
                    if (which == provider)
                        configure(key);
                });
        connect(secrets(), &SecretStore::failed, drafter, [configure, provider](const QString &which, const QString &) {
            if (which == provider)
                configure(QString());
        });
        secrets()->read(provider);
    }
    connect(dialog, &QDialog::accepted, this, [this, dialog, before] {
        if (!m_store)
            return;
        const Exam after = dialog->exam();
        for (const Question &question : after.questions) {
            const Question *old = before.question(question.id);
            if (old && old->rubric != question.rubric)
                write(m_store->setRubric(question.id, question.rubric, QStringLiteral("teacher")));
        }
    });
    dialog->open();
}

// ---------------------------------------------------------------------------------------------------------------
// Grading

void MainWindow::startGradeAll()
{
    if (!m_store || refuseWhenReadOnly())
        return;
    if (!m_gradeAll) {
        m_gradeAll = new GradeAllController(m_store.get(), m_workPool, this);
        if (m_settings)
            m_gradeAll->setSettings(m_settings);
        m_gradeAll->setSecretStore(secrets());
        connect(m_gradeAll, &GradeAllController::sessionChanged, this, &MainWindow::reload);
        connect(m_gradeAll, &GradeAllController::batchRequested, this,
                [this](const GradingOptions &options) { batchController()->submit(m_snapshot, options); });
        connect(m_gradeAll, &GradeAllController::finished, this, [this](qint64 firstCopyToReview) {
            m_selectAfterReload = firstCopyToReview;
            reload();
        });
    }
    m_unfinishedBar->hide();
    m_gradeAll->start(m_snapshot);
}

// ---------------------------------------------------------------------------------------------------------------
// Help

void MainWindow::showAbout()
{
    auto *dialog = new AboutDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AboutDialog::helpRequested, this, &MainWindow::showHelp);
    dialog->open();
}

void MainWindow::showHelp()
{
    if (auto *open = findChild<HelpWindow *>(QString(), Qt::FindDirectChildrenOnly)) {
        open->raise();
        open->activateWindow();
        return;
    }
    auto *help = new HelpWindow(this);
    help->setAttribute(Qt::WA_DeleteOnClose);
    help->show();
}

void MainWindow::setSecretStore(SecretStore *secrets)
{
    if (m_secrets && m_secrets->parent() == this)
        m_secrets->deleteLater();
    m_secrets = secrets;
}

SecretStore *MainWindow::secrets()
{
    if (!m_secrets) {
        auto *store = new SecretStore(this);
        if (qEnvironmentVariableIntValue("CORRIGE_NO_KEYCHAIN") == 1)
            store->setKeychainEnabled(false);
        m_secrets = store;
    }
    return m_secrets;
}

void MainWindow::editSettings()
{
    if (!m_settings)
        return;
    auto *dialog = new SettingsDialog(m_settings, secrets(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::reload()
{
    // Changes of the teacher's still on their way: the reload after them shows everything.
    if (m_store && m_pendingWrites.isEmpty())
        m_reloadRequest = m_store->reload();
}

bool MainWindow::isGradingRunning() const
{
    return m_gradeAll && m_gradeAll->isGrading();
}

void MainWindow::cancelGrading()
{
    if (m_gradeAll && m_gradeAll->isRunning())
        m_gradeAll->cancel();
}

BatchController *MainWindow::batchController()
{
    if (!m_batches) {
        m_batches = new BatchController(m_store.get(), m_workPool, secrets(), this);
        connect(m_batches, &BatchController::jobsChanged, m_batchPanel, &BatchPanel::setJobs);
        // In a label of its own: the copies' summary that follows each reload does not wipe it out.
        if (!m_batchStatus) {
            m_batchStatus = new QLabel(this);
            m_batchStatus->setObjectName(QStringLiteral("batchStatus"));
            statusBar()->addPermanentWidget(m_batchStatus);
        }
        connect(m_batches, &BatchController::message, m_batchStatus, &QLabel::setText);
        connect(m_batches, &BatchController::sessionChanged, this, &MainWindow::reload);
    }
    return m_batches;
}

void MainWindow::dropBatchController()
{
    if (!m_batches)
        return;
    m_batches->disconnect(this);
    m_batches->stop();
    delete m_batches;
    m_batches = nullptr;
    if (m_batchPanel)
        m_batchPanel->setJobs({});
    if (m_batchStatus)
        m_batchStatus->clear();
}

void MainWindow::dropGradeAllController()
{
    if (!m_gradeAll)
        return;
    m_gradeAll->disconnect(this);
    cancelGrading();
    delete m_gradeAll;
    m_gradeAll = nullptr;
}

// ---------------------------------------------------------------------------------------------------------------
// Events

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (isGradingRunning()) {
        const auto answer = MessageBox::question(
            this, tr("Grading in progress"),
            tr("Copies are being graded. Stop grading and quit? Every grade already received is kept; grading "
               "again later goes on with the copies left."),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
    }
    cancelGrading();
    event->accept();
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    // macOS hands a double-clicked session to the running application as an event, not as an argument.
    if (event->type() == QEvent::FileOpen && watched == qApp) {
        const QString path = static_cast<QFileOpenEvent *>(event)->file();
        if (isSessionFile(path)) {
            openSession(path);
            return true;
        }
        return false;
    }
    if (event->type() != QEvent::ShortcutOverride || !watched->isWidgetType())
        return QMainWindow::eventFilter(watched, event);
    auto *widget = static_cast<QWidget *>(watched);
    if (!m_gradePanel->isAncestorOf(widget))
        return false;
    auto *key = static_cast<QKeyEvent *>(event);
    const bool undo = key->matches(QKeySequence::Undo);
    const bool redo = key->matches(QKeySequence::Redo)
                      || key->keyCombination() == QKeyCombination(Qt::CTRL | Qt::SHIFT, Qt::Key_Z);
    if (!undo && !redo)
        return false;
    auto *edit = qobject_cast<QLineEdit *>(widget);
    if (!edit)
        edit = widget->findChild<QLineEdit *>();
    const bool fieldCanAnswer = edit && !edit->isReadOnly() && (undo ? edit->isUndoAvailable() : edit->isRedoAvailable());
    if (fieldCanAnswer)
        return false;
    // Not the field's: let the window's Undo / Redo shortcuts have it.
    event->ignore();
    return true;
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!event->mimeData()->hasUrls())
        return;
    for (const QUrl &url : event->mimeData()->urls()) {
        const QString path = url.toLocalFile();
        if (isSessionFile(path) || isPdfFile(path)) {
            event->acceptProposedAction();
            return;
        }
    }
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList pdfs;
    QString session;
    for (const QUrl &url : event->mimeData()->urls()) {
        const QString path = url.toLocalFile();
        if (isSessionFile(path) && session.isEmpty())
            session = path;
        else if (isPdfFile(path))
            pdfs.append(path);
    }
    if (session.isEmpty() && pdfs.isEmpty())
        return;
    event->acceptProposedAction();
    // Act once the drop is over: the drag source is not kept waiting on a dialog.
    QMetaObject::invokeMethod(
        this,
        [this, session, pdfs] {
            if (!session.isEmpty())
                openSession(session);
            else if (hasSession())
                importScans(pdfs);
            else
                newSession(pdfs);
        },
        Qt::QueuedConnection);
}

} // namespace Corrige::Ui
