#include "ui/mainwindow.h"

#include "core/export/statusreport.h"
#include "core/session/sessionstore.h"
#include "core/workflow/demosession.h"
#include "ui/dialogs/filedialog.h"
#include "ui/dialogs/messagebox.h"
#include "ui/models/copylistmodel.h"

#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QPdfDocument>
#include <QPdfPageNavigator>
#include <QPdfView>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QThreadPool>
#include <QtConcurrent>

namespace Corrige::Ui {

using namespace Corrige::Core;

MainWindow::MainWindow(QThreadPool *workPool, QWidget *parent)
    : QMainWindow(parent)
    , m_workPool(workPool)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Corrige"));
    resize(1200, 800);

    m_copyModel = new CopyListModel(this);
    m_copyProxy = new QSortFilterProxyModel(this);
    m_copyProxy->setSourceModel(m_copyModel);
    m_copyProxy->setSortRole(Qt::DisplayRole);

    m_copyView = new QTableView(this);
    m_copyView->setObjectName(QStringLiteral("copyList"));
    m_copyView->setModel(m_copyProxy);
    m_copyView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_copyView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_copyView->setSortingEnabled(true);
    m_copyView->sortByColumn(CopyListModel::PositionColumn, Qt::AscendingOrder);
    m_copyView->verticalHeader()->hide();
    m_copyView->horizontalHeader()->setStretchLastSection(false);
    m_copyView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_copyView->horizontalHeader()->setSectionResizeMode(CopyListModel::StudentColumn, QHeaderView::Stretch);
    m_copyView->setAlternatingRowColors(true);

    m_pdfDocument = new QPdfDocument(this);
    m_pdfView = new QPdfView(this);
    m_pdfView->setObjectName(QStringLiteral("pageView"));
    m_pdfView->setDocument(m_pdfDocument);
    m_pdfView->setPageMode(QPdfView::PageMode::MultiPage);
    m_pdfView->setZoomMode(QPdfView::ZoomMode::FitToWidth);

    m_emptyLabel = new QLabel(tr("<h2>No session open</h2>"
                                 "<p>Open a session with <b>File → Open…</b> (Ctrl+O),<br>"
                                 "or try Corrige on five real copies with <b>File → Open the demo</b>.</p>"),
                              this);
    m_emptyLabel->setObjectName(QStringLiteral("emptyLabel"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);

    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(m_copyView);
    splitter->addWidget(m_pdfView);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({380, 820});

    auto *stack = new QStackedWidget(this);
    stack->setObjectName(QStringLiteral("centralStack"));
    stack->addWidget(m_emptyLabel);
    stack->addWidget(splitter);
    setCentralWidget(stack);

    connect(this, &MainWindow::sessionOpened, stack, [stack, splitter] { stack->setCurrentWidget(splitter); });
    connect(m_copyView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::showSelectedCopy);
    connect(m_pdfDocument, &QPdfDocument::statusChanged, this, [this](QPdfDocument::Status status) {
        if (status == QPdfDocument::Status::Ready && !m_pendingPages.isEmpty()) {
            m_pdfView->pageNavigator()->jump(m_pendingPages.constFirst(), QPointF(), 0);
            m_pendingPages.clear();
        }
    });

    createActions();
    statusBar()->showMessage(tr("Ready"));
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *openAction = fileMenu->addAction(tr("&Open…"), this, &MainWindow::chooseSessionToOpen);
    openAction->setObjectName(QStringLiteral("openAction"));
    openAction->setShortcut(QKeySequence::Open);
    QAction *demoAction = fileMenu->addAction(tr("Open the &demo"), this, &MainWindow::openDemo);
    demoAction->setObjectName(QStringLiteral("openDemoAction"));
    fileMenu->addSeparator();
    QAction *quitAction = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quitAction->setShortcut(QKeySequence::Quit);
    quitAction->setMenuRole(QAction::QuitRole);

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    QAction *nextAction = viewMenu->addAction(tr("&Next copy"), this, [this] {
        const int row = m_copyView->currentIndex().row();
        if (row + 1 < m_copyProxy->rowCount())
            m_copyView->selectRow(row + 1);
    });
    nextAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Down), QKeySequence(Qt::Key_PageDown)});
    QAction *previousAction = viewMenu->addAction(tr("&Previous copy"), this, [this] {
        const int row = m_copyView->currentIndex().row();
        if (row > 0)
            m_copyView->selectRow(row - 1);
    });
    previousAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Up), QKeySequence(Qt::Key_PageUp)});
    viewMenu->addSeparator();
    viewMenu->addAction(tr("Fit &width"), this, [this] { m_pdfView->setZoomMode(QPdfView::ZoomMode::FitToWidth); });
    viewMenu->addAction(tr("Fit &page"), this, [this] { m_pdfView->setZoomMode(QPdfView::ZoomMode::FitInView); });
    QAction *zoomIn = viewMenu->addAction(tr("Zoom &in"), this, [this] {
        m_pdfView->setZoomMode(QPdfView::ZoomMode::Custom);
        m_pdfView->setZoomFactor(m_pdfView->zoomFactor() * 1.25);
    });
    zoomIn->setShortcut(QKeySequence::ZoomIn);
    QAction *zoomOut = viewMenu->addAction(tr("Zoom &out"), this, [this] {
        m_pdfView->setZoomMode(QPdfView::ZoomMode::Custom);
        m_pdfView->setZoomFactor(m_pdfView->zoomFactor() / 1.25);
    });
    zoomOut->setShortcut(QKeySequence::ZoomOut);
}

void MainWindow::chooseSessionToOpen()
{
    const QString path = FileDialog::getOpenFileName(this, tr("Open a session"), QString(),
                                                     tr("Corrige sessions (*.corrige);;All files (*)"));
    if (!path.isEmpty())
        openSession(path);
}

void MainWindow::setBusy(bool busy, const QString &message)
{
    m_busy = busy;
    if (busy)
        QApplication::setOverrideCursor(Qt::BusyCursor);
    else
        QApplication::restoreOverrideCursor();
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
    setBusy(true, tr("Opening %1…").arg(QFileInfo(path).fileName()));
    auto store = std::make_unique<SessionStore>();
    SessionStore *raw = store.get();
    const QString absolutePath = QFileInfo(path).absoluteFilePath();
    connect(raw, &SessionStore::opened, this, [this, raw, absolutePath](quint64, const SessionSnapshot &snapshot) {
        if (raw != m_store.get())
            return;
        setBusy(false);
        m_sessionPath = absolutePath;
        showSnapshot(snapshot);
        Q_EMIT sessionOpened(absolutePath);
    });
    connect(raw, &SessionStore::failed, this, [this, raw](quint64, const Error &error) {
        if (raw != m_store.get())
            return;
        setBusy(false);
        showError(tr("The session could not be opened"), error);
    });
    connect(raw, &SessionStore::documentLoaded, this,
            [this, raw](quint64 requestId, qint64 documentId, const QByteArray &data) {
                if (raw == m_store.get() && requestId == m_documentRequest)
                    showDocument(documentId, data);
            });
    m_store = std::move(store);
    m_shownDocumentId = 0;
    m_store->open(absolutePath);
}

void MainWindow::showSnapshot(const SessionSnapshot &snapshot)
{
    const StatusReport report = StatusReport::build(snapshot.exam, snapshot.copies, snapshot.grades);
    m_copyModel->setReport(report);
    setWindowTitle(tr("%1 — %2").arg(snapshot.exam.title, QFileInfo(m_sessionPath).fileName()));
    const StatusSummary &summary = report.summary();
    statusBar()->showMessage(tr("%n copy(ies)", nullptr, summary.copies) + QStringLiteral(" · ")
                             + tr("%1 graded, %2 to review, %3 failed, %4 not graded")
                                   .arg(summary.graded)
                                   .arg(summary.needsReview)
                                   .arg(summary.failed)
                                   .arg(summary.pending));
    if (m_copyProxy->rowCount() > 0)
        m_copyView->selectRow(0);
}

void MainWindow::showSelectedCopy()
{
    const QModelIndex index = m_copyProxy->mapToSource(m_copyView->currentIndex());
    const CopyReport *report = m_copyModel->copyAt(index.row());
    if (!report || report->copy.pages.isEmpty() || !m_store)
        return;
    const PageRef first = report->copy.pages.constFirst();
    m_pendingPages.clear();
    for (const PageRef &page : report->copy.pages) {
        if (page.documentId == first.documentId)
            m_pendingPages.append(page.pageIndex);
    }
    if (first.documentId == m_shownDocumentId && m_pdfDocument->status() == QPdfDocument::Status::Ready) {
        m_pdfView->pageNavigator()->jump(m_pendingPages.constFirst(), QPointF(), 0);
        m_pendingPages.clear();
        return;
    }
    m_documentRequest = m_store->loadDocument(first.documentId);
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
}

void MainWindow::showError(const QString &title, const Error &error)
{
    statusBar()->showMessage(error.message);
    Q_EMIT sessionFailed(error.message);
    MessageBox::warning(this, title, error.message);
}

} // namespace Corrige::Ui
