#include "ui/dialogs/newsessiondialog.h"

#include "core/grading/examdraft.h"
#include "core/llm/llmclient.h"
#include "core/pdf/importplanner.h"
#include "core/pdf/pageimageextractor.h"
#include "core/pdf/pdfinspector.h"
#include "core/session/sessiondatabase.h"
#include "core/secrets/secretstore.h"
#include "core/session/sessionstore.h"
#include "core/settings/appsettings.h"
#include "ui/dialogs/filedialog.h"
#include "ui/dialogs/messagebox.h"
#include "ui/widgets/pointsdelegate.h"
#include "ui/widgets/statusicon.h"
#include "ui/widgets/teardown.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMimeData>
#include <QPainter>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QStyle>
#include <QTableWidget>
#include <QThreadPool>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace Corrige::Ui {

using namespace Corrige::Core;

std::optional<QString> NewSessionDialog::s_nextPassword;
bool NewSessionDialog::s_hasNextPassword = false;

namespace {

enum QuestionColumn { IdColumn, LabelColumn, TextColumn, MaxPointsColumn, QuestionColumnCount };
constexpr int questionRole = Qt::UserRole + 1;  // the Question a row started from (rubric, pages)
constexpr int thumbnailRole = Qt::UserRole + 2; // bool: the preview item shows the real first page
constexpr int thumbnailLongSide = 220;

struct PdfCheck {
    std::optional<ImportDocument> document;
    Error error;
};

struct RosterCheck {
    std::optional<QList<RosterEntry>> entries;
    Error error;
};

// The blank exam, checked, rendered and built into a request body off the GUI thread.
struct DraftInput {
    PreparedRequest request;
    int pagesSent = 0;
    int pageCount = 0;
    Error error;
};

constexpr int draftPageLongSide = 1600;

struct Thumbnails {
    QByteArray sha256;
    QList<int> pages;
    QList<QImage> images;
};

QString thumbnailKey(const QByteArray &sha256, int page)
{
    return QString::fromLatin1(sha256) + QLatin1Char(':') + QString::number(page);
}

QString number(double value)
{
    return QLocale().toString(value, 'g', QLocale::FloatingPointShortest);
}

bool isPdf(const QString &path)
{
    return path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive);
}

// A page-shaped placeholder while the real first page is rendered.
QIcon placeholderIcon(const QSize &size)
{
    QPixmap pixmap(size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    const int width = size.height() * 210 / 297;
    const QRect page((size.width() - width) / 2, 0, width - 1, size.height() - 1);
    painter.fillRect(page, QColor(0xf4, 0xf4, 0xf4));
    painter.setPen(QColor(0xbd, 0xbd, 0xbd));
    painter.drawRect(page);
    painter.end();
    return QIcon(pixmap);
}

// The thumbnail framed like a sheet of paper, centred in the icon box.
QIcon pageIcon(const QImage &image, const QSize &size)
{
    QPixmap pixmap(size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    const QSize scaled = image.size().scaled(size - QSize(2, 2), Qt::KeepAspectRatio);
    const QRect target((size.width() - scaled.width()) / 2, (size.height() - scaled.height()) / 2, scaled.width(),
                       scaled.height());
    painter.drawImage(target, image);
    painter.setPen(QColor(0x9e, 0x9e, 0x9e));
    painter.drawRect(target.adjusted(0, 0, -1, -1));
    painter.end();
    return QIcon(pixmap);
}

void removeSessionFiles(const QString &path)
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"),
                                  QStringLiteral("-journal")})
        QFile::remove(path + suffix);
}

QString pageRange(const QList<int> &pages)
{
    if (pages.isEmpty())
        return {};
    if (pages.size() == 1)
        return NewSessionDialog::tr("page %1").arg(pages.constFirst() + 1);
    return NewSessionDialog::tr("pages %1–%2").arg(pages.constFirst() + 1).arg(pages.constLast() + 1);
}

// The page-split problem in the words of this dialog: which file, and the numbers of pages per copy that fit.
Error splitError(const QList<ImportDocument> &documents, int pagesPerCopy)
{
    for (const ImportDocument &document : documents) {
        if (pagesPerCopy <= 0 || document.pageCount % pagesPerCopy == 0)
            continue;
        QStringList fits;
        for (int n = 1; n <= document.pageCount; ++n) {
            if (document.pageCount % n == 0)
                fits.append(QString::number(n));
        }
        return {ErrorCode::BadPageSplit,
                NewSessionDialog::tr("%1 has %2 pages, which cannot be cut into copies of %3 pages. Set the pages "
                                     "per copy to a number that fits (%4), or scan the missing pages again.")
                    .arg(document.fileName)
                    .arg(document.pageCount)
                    .arg(pagesPerCopy)
                    .arg(fits.join(QLatin1String(", ")))};
    }
    return {ErrorCode::BadPageSplit, NewSessionDialog::tr("The scans cannot be cut into copies of %1 pages.")
                                         .arg(pagesPerCopy)};
}

bool samePlan(const std::optional<ImportPlan> &a, const std::optional<ImportPlan> &b)
{
    if (a.has_value() != b.has_value())
        return false;
    if (!a)
        return true;
    if (a->documents.size() != b->documents.size() || a->copies.size() != b->copies.size())
        return false;
    for (int i = 0; i < a->documents.size(); ++i) {
        if (a->documents.at(i).sha256 != b->documents.at(i).sha256)
            return false;
    }
    for (int i = 0; i < a->copies.size(); ++i) {
        const PlannedCopy &x = a->copies.at(i);
        const PlannedCopy &y = b->copies.at(i);
        if (x.label != y.label || x.studentName != y.studentName || x.documentIndex != y.documentIndex
            || x.pageIndexes != y.pageIndexes)
            return false;
    }
    return true;
}

QString safeFileName(const QString &title)
{
    QString name = title.simplified();
    static const QString forbidden = QStringLiteral("/\\:*?\"<>|");
    for (QChar &c : name) {
        if (forbidden.contains(c))
            c = QLatin1Char('-');
    }
    return name.isEmpty() ? NewSessionDialog::tr("exam") : name;
}

} // namespace

NewSessionDialog::NewSessionDialog(QThreadPool *workPool, QWidget *parent)
    : QDialog(parent)
    , m_mode(Mode::NewSession)
    , m_workPool(workPool)
{
    buildUi();
}

NewSessionDialog::NewSessionDialog(QThreadPool *workPool, SessionStore *store, const Exam &exam, int existingCopies,
                                   QWidget *parent)
    : QDialog(parent)
    , m_mode(Mode::ImportScans)
    , m_workPool(workPool)
    , m_targetStore(store)
    , m_existingCopies(existingCopies)
    , m_targetExam(exam)
{
    buildUi();
}

NewSessionDialog::~NewSessionDialog()
{
    disconnectTeardownSenders(this);
    // Nothing the client reports may reach a half-destroyed dialog.
    if (m_draftClient) {
        disconnect(m_draftClient, nullptr, this, nullptr);
        delete m_draftClient.data();
    }
}

void NewSessionDialog::setNextPassword(const std::optional<QString> &password)
{
    s_nextPassword = password;
    s_hasNextPassword = true;
}

// ---------------------------------------------------------------------------------------------------------------
// Layout

void NewSessionDialog::buildUi()
{
    setObjectName(QStringLiteral("newSessionDialog"));
    setAcceptDrops(true);
    setSizeGripEnabled(true);

    m_introLabel = new QLabel(this);
    m_introLabel->setObjectName(QStringLiteral("introLabel"));
    m_introLabel->setWordWrap(true);

    m_problemLabel = new QLabel(this);
    m_problemLabel->setObjectName(QStringLiteral("problemLabel"));
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setTextFormat(Qt::RichText);
    m_problemLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_busyRow = new QWidget(this);
    auto *busyLayout = new QHBoxLayout(m_busyRow);
    busyLayout->setContentsMargins(0, 0, 0, 0);
    m_busyLabel = new QLabel(m_busyRow);
    m_busyLabel->setObjectName(QStringLiteral("busyLabel"));
    m_progress = new QProgressBar(m_busyRow);
    m_progress->setObjectName(QStringLiteral("createProgress"));
    m_progress->setRange(0, 0);
    busyLayout->addWidget(m_busyLabel, 1);
    busyLayout->addWidget(m_progress, 1);
    m_busyRow->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_createButton = m_buttons->addButton(m_mode == Mode::NewSession ? tr("&Create session…") : tr("&Import"),
                                          QDialogButtonBox::AcceptRole);
    m_createButton->setObjectName(QStringLiteral("createButton"));
    m_createButton->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &NewSessionDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &NewSessionDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_introLabel);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(buildScansSection());
    rightLayout->addWidget(buildPreviewSection(), 1);

    if (m_mode == Mode::NewSession) {
        setWindowTitle(tr("New session"));
        m_introLabel->setText(tr("Describe the exam and add the scanned copies. Corrige checks every file now; "
                                 "nothing is written until you press Create."));
        auto *splitter = new QSplitter(this);
        splitter->setObjectName(QStringLiteral("newSessionSplitter"));
        splitter->setChildrenCollapsible(false);
        splitter->addWidget(buildExamSection());
        splitter->addWidget(right);
        splitter->setStretchFactor(0, 5);
        splitter->setStretchFactor(1, 6);
        layout->addWidget(splitter, 1);
        resize(1180, 760);
    } else {
        setWindowTitle(tr("Import scans"));
        m_introLabel->setText(
            tr("Add scanned copies to “%1”. The new copies follow the %n already in the session; nothing is "
               "written until you press Import.",
               nullptr, m_existingCopies)
                .arg(m_targetExam.title.toHtmlEscaped()));
        layout->addWidget(right, 1);
        resize(760, 700);
    }
    layout->addWidget(m_problemLabel);
    layout->addWidget(m_busyRow);
    layout->addWidget(m_buttons);

    refresh();
}

QWidget *NewSessionDialog::buildExamSection()
{
    m_examBox = new QGroupBox(tr("1. The exam"), this);
    m_examBox->setObjectName(QStringLiteral("examBox"));

    m_titleEdit = new QLineEdit(m_examBox);
    m_titleEdit->setObjectName(QStringLiteral("examTitleEdit"));
    m_titleEdit->setPlaceholderText(tr("e.g. Physics — test 3 — class 2B"));

    m_languageCombo = new QComboBox(m_examBox);
    m_languageCombo->setObjectName(QStringLiteral("examLanguageCombo"));
    m_languageCombo->addItem(tr("French"), QStringLiteral("fr"));
    m_languageCombo->addItem(tr("English"), QStringLiteral("en"));
    m_languageCombo->addItem(tr("Other…"), QString());
    m_languageCombo->setToolTip(tr("The language the copies are written in; the models justify their grades in it"));
    m_languageCombo->setCurrentIndex(QLocale().language() == QLocale::French ? 0 : 1);
    m_languageEdit = new QLineEdit(m_examBox);
    m_languageEdit->setObjectName(QStringLiteral("examLanguageEdit"));
    m_languageEdit->setPlaceholderText(tr("language code, e.g. de, es, it"));
    m_languageEdit->setMaxLength(12);
    m_languageEdit->hide();
    auto *languageRow = new QHBoxLayout;
    languageRow->addWidget(m_languageCombo);
    languageRow->addWidget(m_languageEdit, 1);
    languageRow->addStretch(0);

    m_loadExamButton = new QPushButton(tr("&Load exam JSON…"), m_examBox);
    m_loadExamButton->setObjectName(QStringLiteral("loadExamButton"));
    m_loadExamButton->setToolTip(tr("Fill in the title and the questions (with their rubrics) from an exam file"));

    m_questionTable = new QTableWidget(0, QuestionColumnCount, m_examBox);
    m_questionTable->setObjectName(QStringLiteral("questionTable"));
    m_questionTable->setHorizontalHeaderLabels({tr("Id"), tr("Label"), tr("Question"), tr("Points")});
    m_questionTable->horizontalHeaderItem(IdColumn)->setToolTip(
        tr("A short key for the question, unique in the exam (q1, 2a…)"));
    m_questionTable->horizontalHeaderItem(MaxPointsColumn)->setToolTip(tr("The question's maximum"));
    m_questionTable->verticalHeader()->hide();
    m_questionTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_questionTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_questionTable->setWordWrap(false);
    m_questionTable->setAlternatingRowColors(true);
    QHeaderView *header = m_questionTable->horizontalHeader();
    header->setSectionResizeMode(IdColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(LabelColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(TextColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(MaxPointsColumn, QHeaderView::ResizeToContents);
    m_questionTable->setColumnWidth(LabelColumn, fontMetrics().averageCharWidth() * 14);
    auto *pointsDelegate = new PointsDelegate(m_questionTable);
    pointsDelegate->setStep(0.25);
    m_questionTable->setItemDelegateForColumn(MaxPointsColumn, pointsDelegate);

    m_addQuestionButton = new QPushButton(tr("&Add question"), m_examBox);
    m_addQuestionButton->setObjectName(QStringLiteral("addQuestionButton"));
    m_removeQuestionButton = new QPushButton(tr("Remove"), m_examBox);
    m_removeQuestionButton->setObjectName(QStringLiteral("removeQuestionButton"));
    m_moveUpButton = new QToolButton(m_examBox);
    m_moveUpButton->setObjectName(QStringLiteral("moveQuestionUpButton"));
    m_moveUpButton->setArrowType(Qt::UpArrow);
    m_moveUpButton->setToolTip(tr("Move the question up"));
    m_moveDownButton = new QToolButton(m_examBox);
    m_moveDownButton->setObjectName(QStringLiteral("moveQuestionDownButton"));
    m_moveDownButton->setArrowType(Qt::DownArrow);
    m_moveDownButton->setToolTip(tr("Move the question down"));
    m_maxTotalLabel = new QLabel(m_examBox);
    m_maxTotalLabel->setObjectName(QStringLiteral("maxTotalLabel"));

    auto *questionButtons = new QHBoxLayout;
    questionButtons->addWidget(m_addQuestionButton);
    questionButtons->addWidget(m_removeQuestionButton);
    questionButtons->addWidget(m_moveUpButton);
    questionButtons->addWidget(m_moveDownButton);
    questionButtons->addStretch(1);
    questionButtons->addWidget(m_maxTotalLabel);

    auto *form = new QFormLayout;
    auto *titleLabel = new QLabel(tr("&Title:"), m_examBox);
    titleLabel->setBuddy(m_titleEdit);
    form->addRow(titleLabel, m_titleEdit);
    auto *languageLabel = new QLabel(tr("Lan&guage:"), m_examBox);
    languageLabel->setBuddy(m_languageCombo);
    form->addRow(languageLabel, languageRow);
    auto *questionsLabel = new QLabel(tr("&Questions:"), m_examBox);
    questionsLabel->setBuddy(m_questionTable);

    m_draftExamButton = new QPushButton(tr("&Draft from the blank exam…"), m_examBox);
    m_draftExamButton->setObjectName(QStringLiteral("draftExamButton"));
    m_draftExamButton->setToolTip(
        tr("Model A reads the blank exam's PDF and lists its questions, for you to check and complete"));
    m_draftExamButton->setEnabled(false);

    m_draftRow = new QWidget(m_examBox);
    m_draftRow->setObjectName(QStringLiteral("draftRow"));
    auto *draftLayout = new QHBoxLayout(m_draftRow);
    draftLayout->setContentsMargins(0, 0, 0, 0);
    m_draftLabel = new QLabel(m_draftRow);
    m_draftLabel->setObjectName(QStringLiteral("draftLabel"));
    m_draftLabel->setWordWrap(true);
    m_draftProgress = new QProgressBar(m_draftRow);
    m_draftProgress->setObjectName(QStringLiteral("draftProgress"));
    m_draftProgress->setRange(0, 0);
    m_draftProgress->setMaximumWidth(fontMetrics().averageCharWidth() * 20);
    m_cancelDraftButton = new QPushButton(tr("Cancel"), m_draftRow);
    m_cancelDraftButton->setObjectName(QStringLiteral("cancelDraftButton"));
    draftLayout->addWidget(m_draftLabel, 1);
    draftLayout->addWidget(m_draftProgress);
    draftLayout->addWidget(m_cancelDraftButton);
    m_draftRow->hide();

    auto *questionsHeader = new QHBoxLayout;
    questionsHeader->addWidget(questionsLabel);
    questionsHeader->addStretch(1);
    questionsHeader->addWidget(m_draftExamButton);
    questionsHeader->addWidget(m_loadExamButton);

    auto *layout = new QVBoxLayout(m_examBox);
    layout->addLayout(form);
    layout->addLayout(questionsHeader);
    layout->addWidget(m_draftRow);
    layout->addWidget(m_questionTable, 1);
    layout->addLayout(questionButtons);

    connect(m_titleEdit, &QLineEdit::textChanged, this, &NewSessionDialog::refresh);
    connect(m_languageCombo, &QComboBox::currentIndexChanged, this, [this] {
        const bool other = m_languageCombo->currentData().toString().isEmpty();
        m_languageEdit->setVisible(other);
        if (other && !m_loadingExam)
            m_languageEdit->setFocus();
        refresh();
    });
    connect(m_languageEdit, &QLineEdit::textChanged, this, &NewSessionDialog::refresh);
    connect(m_loadExamButton, &QPushButton::clicked, this, &NewSessionDialog::chooseExamFile);
    connect(m_draftExamButton, &QPushButton::clicked, this, &NewSessionDialog::chooseBlankExam);
    connect(m_cancelDraftButton, &QPushButton::clicked, this, &NewSessionDialog::cancelDraft);
    connect(m_addQuestionButton, &QPushButton::clicked, this, &NewSessionDialog::addQuestion);
    connect(m_removeQuestionButton, &QPushButton::clicked, this, &NewSessionDialog::removeQuestion);
    connect(m_moveUpButton, &QToolButton::clicked, this, [this] { moveQuestion(-1); });
    connect(m_moveDownButton, &QToolButton::clicked, this, [this] { moveQuestion(1); });
    connect(m_questionTable, &QTableWidget::itemChanged, this, [this] {
        if (!m_loadingExam) {
            m_examFileError = {};
            refresh();
        }
    });
    connect(m_questionTable, &QTableWidget::itemSelectionChanged, this, &NewSessionDialog::refresh);
    return m_examBox;
}

QWidget *NewSessionDialog::buildScansSection()
{
    auto *box = new QGroupBox(m_mode == Mode::NewSession ? tr("2. The scanned copies") : tr("Scanned copies"),
                              this);
    box->setObjectName(QStringLiteral("scansBox"));

    m_pdfList = new QListWidget(box);
    m_pdfList->setObjectName(QStringLiteral("pdfList"));
    m_pdfList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_pdfList->setIconSize(QSize(16, 16));
    m_pdfList->setFixedHeight(fontMetrics().height() * 5 + 8);

    m_addPdfsButton = new QPushButton(tr("Add &PDFs…"), box);
    m_addPdfsButton->setObjectName(QStringLiteral("addPdfsButton"));
    m_removePdfButton = new QPushButton(tr("Remove"), box);
    m_removePdfButton->setObjectName(QStringLiteral("removePdfButton"));
    m_passwordButton = new QPushButton(tr("Pass&word…"), box);
    m_passwordButton->setObjectName(QStringLiteral("passwordButton"));
    m_passwordButton->setToolTip(tr("Enter the password of a protected PDF"));
    m_passwordButton->hide();

    auto *pdfButtons = new QVBoxLayout;
    pdfButtons->addWidget(m_addPdfsButton);
    pdfButtons->addWidget(m_removePdfButton);
    pdfButtons->addWidget(m_passwordButton);
    pdfButtons->addStretch(1);
    auto *pdfRow = new QHBoxLayout;
    pdfRow->addWidget(m_pdfList, 1);
    pdfRow->addLayout(pdfButtons);

    m_onePerPdfRadio = new QRadioButton(tr("One PDF per copy"), box);
    m_onePerPdfRadio->setObjectName(QStringLiteral("onePdfPerCopyRadio"));
    m_splitRadio = new QRadioButton(tr("One scan of the whole class, cut every"), box);
    m_splitRadio->setObjectName(QStringLiteral("splitPagesRadio"));
    m_pagesSpin = new QSpinBox(box);
    m_pagesSpin->setObjectName(QStringLiteral("pagesPerCopySpin"));
    m_pagesSpin->setRange(1, 999);
    m_pagesSpin->setValue(2);
    m_pagesSpin->setSuffix(tr(" pages"));
    m_pagesSpin->setEnabled(false);
    auto *group = new QButtonGroup(box);
    group->addButton(m_onePerPdfRadio);
    group->addButton(m_splitRadio);
    m_onePerPdfRadio->setChecked(true);
    auto *splitRow = new QHBoxLayout;
    splitRow->addWidget(m_splitRadio);
    splitRow->addWidget(m_pagesSpin);
    splitRow->addStretch(1);

    m_rosterEdit = new QLineEdit(box);
    m_rosterEdit->setObjectName(QStringLiteral("rosterEdit"));
    m_rosterEdit->setReadOnly(true);
    m_rosterEdit->setPlaceholderText(tr("optional: a CSV with a name column, one student per copy, in order"));
    m_rosterButton = new QPushButton(tr("C&hoose…"), box);
    m_rosterButton->setObjectName(QStringLiteral("chooseRosterButton"));
    m_clearRosterButton = new QToolButton(box);
    m_clearRosterButton->setObjectName(QStringLiteral("clearRosterButton"));
    m_clearRosterButton->setIcon(style()->standardIcon(QStyle::SP_LineEditClearButton));
    m_clearRosterButton->setToolTip(tr("No roster"));
    m_clearRosterButton->setAutoRaise(true);
    m_clearRosterButton->setEnabled(false);
    auto *rosterRow = new QHBoxLayout;
    rosterRow->addWidget(m_rosterEdit, 1);
    rosterRow->addWidget(m_clearRosterButton);
    rosterRow->addWidget(m_rosterButton);

    auto *form = new QFormLayout;
    form->addRow(tr("Copies:"), m_onePerPdfRadio);
    form->addRow(QString(), splitRow);
    auto *rosterLabel = new QLabel(tr("&Roster:"), box);
    rosterLabel->setBuddy(m_rosterButton);
    form->addRow(rosterLabel, rosterRow);

    auto *layout = new QVBoxLayout(box);
    layout->addLayout(pdfRow);
    layout->addLayout(form);

    connect(m_addPdfsButton, &QPushButton::clicked, this, &NewSessionDialog::choosePdfs);
    connect(m_removePdfButton, &QPushButton::clicked, this, &NewSessionDialog::removeSelectedPdf);
    connect(m_pdfList, &QListWidget::currentRowChanged, this, &NewSessionDialog::refresh);
    connect(m_passwordButton, &QPushButton::clicked, this, [this] {
        for (const PdfEntry &entry : std::as_const(m_pdfs)) {
            if (entry.error.code == ErrorCode::PasswordRequired || entry.error.code == ErrorCode::WrongPassword) {
                askPassword(QFileInfo(entry.path).fileName(), entry.error.code == ErrorCode::WrongPassword);
                return;
            }
        }
        askPassword(QString(), false);
    });
    connect(m_splitRadio, &QRadioButton::toggled, this, [this](bool split) {
        m_pagesSpin->setEnabled(split);
        replan();
    });
    connect(m_pagesSpin, &QSpinBox::valueChanged, this, &NewSessionDialog::replan);
    connect(m_rosterButton, &QPushButton::clicked, this, &NewSessionDialog::chooseRoster);
    connect(m_clearRosterButton, &QToolButton::clicked, this, [this] { setRosterPath(QString()); });
    return box;
}

QWidget *NewSessionDialog::buildPreviewSection()
{
    auto *box = new QGroupBox(m_mode == Mode::NewSession ? tr("3. The copies Corrige will create")
                                                         : tr("The copies Corrige will add"),
                              this);
    box->setObjectName(QStringLiteral("previewBox"));
    m_previewSummary = new QLabel(box);
    m_previewSummary->setObjectName(QStringLiteral("previewSummaryLabel"));
    m_previewSummary->setWordWrap(true);

    m_previewList = new QListWidget(box);
    m_previewList->setObjectName(QStringLiteral("copyPreview"));
    m_previewList->setViewMode(QListView::IconMode);
    m_previewList->setMovement(QListView::Static);
    m_previewList->setResizeMode(QListView::Adjust);
    m_previewList->setWrapping(true);
    m_previewList->setWordWrap(true);
    m_previewList->setSelectionMode(QAbstractItemView::NoSelection);
    const int iconHeight = fontMetrics().height() * 11;
    m_previewList->setIconSize(QSize(iconHeight * 210 / 297 + 2, iconHeight));
    m_previewList->setGridSize(QSize(std::max(iconHeight * 210 / 297 + 2, fontMetrics().averageCharWidth() * 22)
                                         + fontMetrics().averageCharWidth() * 2,
                                     iconHeight + fontMetrics().height() * 4));
    m_previewList->setSpacing(4);

    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_previewSummary);
    layout->addWidget(m_previewList, 1);
    return box;
}

// ---------------------------------------------------------------------------------------------------------------
// The exam

void NewSessionDialog::chooseExamFile()
{
    const QString path = FileDialog::getOpenFileName(this, tr("Load the exam"), QString(),
                                                     tr("Exam files (*.json);;All files (*)"));
    if (!path.isEmpty())
        loadExamFile(path);
}

bool NewSessionDialog::loadExamFile(const QString &path)
{
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_examFileError = {ErrorCode::FileUnreadable,
                           tr("Cannot read %1: %2. Check that the file exists and that you may read it.")
                               .arg(name, file.errorString())};
        refresh();
        return false;
    }
    // An exam file is a few kilobytes; anything much larger is not one.
    const QByteArray json = file.read(4 * 1024 * 1024);
    const Result<Exam> exam = Exam::fromJson(json, name);
    if (!exam) {
        m_examFileError = exam.error();
        refresh();
        return false;
    }
    m_examFileError = {};
    setExam(exam.value());
    return true;
}

// ---------------------------------------------------------------------------------------------------------------
// Drafting the exam from its blank PDF

void NewSessionDialog::setModelAccess(AppSettings *settings, SecretStore *secrets)
{
    if (m_secrets)
        disconnect(m_secrets, nullptr, this, nullptr);
    m_settings = settings;
    m_secrets = secrets;
    if (m_secrets) {
        connect(m_secrets, &SecretStore::keyRead, this,
                [this](const QString &provider, const QString &key, SecretLocation) { draftKeyRead(provider, key); });
        connect(m_secrets, &SecretStore::failed, this, &NewSessionDialog::draftKeyFailed);
    }
    if (m_draftExamButton)
        m_draftExamButton->setEnabled(m_settings && m_secrets && !isDrafting());
}

void NewSessionDialog::chooseBlankExam()
{
    const QString path = FileDialog::getOpenFileName(this, tr("Draft the questions from the blank exam"), QString(),
                                                     tr("PDF files (*.pdf);;All files (*)"));
    if (!path.isEmpty())
        draftExam(path);
}

void NewSessionDialog::draftExam(const QString &blankPdfPath)
{
    if (m_mode != Mode::NewSession || isDrafting())
        return;
    m_draftError = {};
    if (!m_settings || !m_secrets) {
        endDraft({ErrorCode::InvalidInput, tr("No model is set up to draft the exam. Choose model A in Settings.")});
        return;
    }
    m_draftPath = QFileInfo(blankPdfPath).absoluteFilePath();
    m_draftProvider = m_settings->provider(ModelSlot::A);
    ++m_draftSerial;
    setDrafting(DraftStage::ReadingKey, tr("Reading the key of model A…"));
    m_secrets->read(m_draftProvider);
}

ProviderConfig NewSessionDialog::draftConfig(const QString &key) const
{
    ProviderConfig config;
    config.kind = providerKindFromString(m_draftProvider);
    config.model = m_settings->model(ModelSlot::A);
    const QString url = m_settings->baseUrl(ModelSlot::A);
    if (!url.isEmpty())
        config.baseUrl = QUrl(url);
    config.apiKey = key;
    config.timeoutMs = m_settings->timeoutSeconds() * 1000;
    return config;
}

void NewSessionDialog::draftKeyFailed(const QString &provider, const QString &message)
{
    if (m_draftStage != DraftStage::ReadingKey || provider != m_draftProvider)
        return;
    const Status status = draftConfig(QString()).validate();
    endDraft({ErrorCode::MissingKey, status ? message : message + QLatin1Char(' ') + status.error().message});
}

void NewSessionDialog::draftKeyRead(const QString &provider, const QString &key)
{
    if (m_draftStage != DraftStage::ReadingKey || provider != m_draftProvider || !m_settings)
        return;
    const ProviderConfig config = draftConfig(key);
    if (const Status status = config.validate(); !status) {
        endDraft(status.error());
        return;
    }
    setDrafting(DraftStage::Rendering, tr("Reading the pages of %1…").arg(QFileInfo(m_draftPath).fileName()));

    ProviderConfig bodyConfig = config;
    bodyConfig.apiKey.clear(); // the body never holds the key
    const QString path = m_draftPath;
    const QString hint = language();
    const quint64 serial = m_draftSerial;
    auto *watcher = new QFutureWatcher<DraftInput>(this);
    connect(watcher, &QFutureWatcher<DraftInput>::finished, this, [this, watcher, serial, config] {
        watcher->deleteLater();
        if (serial != m_draftSerial || m_draftStage != DraftStage::Rendering)
            return;
        const DraftInput input = watcher->result();
        if (input.error.isError()) {
            endDraft(input.error);
            return;
        }
        m_draftPagesSent = input.pagesSent;
        m_draftPageCount = input.pageCount;
        delete m_draftClient.data();
        m_draftClient = new LlmClient(config, this);
        connect(m_draftClient, &LlmClient::finished, this,
                [this](quint64 id, const LlmOutcome &outcome, int) { draftAnswered(id, outcome); });
        setDrafting(DraftStage::Asking,
                    tr("Model A is reading %n page(s) of the blank exam…", nullptr, input.pagesSent));
        m_draftRequest = m_draftClient->submit(input.request);
    });
    watcher->setFuture(QtConcurrent::run(m_workPool, [path, hint, bodyConfig] {
        DraftInput input;
        const Result<ImportDocument> document = PdfInspector::load(path);
        if (!document) {
            input.error = document.error();
            return input;
        }
        input.pageCount = document->pageCount;
        QList<int> pages;
        for (int page = 0; page < std::min(document->pageCount, maxDraftPages); ++page)
            pages.append(page);
        PageImageOptions options;
        options.maxLongSide = draftPageLongSide;
        const Result<QList<PageImage>> images = PageImageExtractor::extract(document->data, pages, options);
        if (!images) {
            input.error = images.error();
            return input;
        }
        QList<QByteArray> jpegs;
        for (const PageImage &image : images.value())
            jpegs.append(image.jpeg);
        input.pagesSent = int(jpegs.size());
        input.request = LlmClient::prepare(bodyConfig, ExamDraft::build(jpegs, hint));
        return input;
    }));
}

void NewSessionDialog::draftAnswered(quint64 requestId, const LlmOutcome &outcome)
{
    if (m_draftStage != DraftStage::Asking || requestId != m_draftRequest)
        return;
    m_draftRequest = 0;
    if (!outcome) {
        endDraft({outcome.code(), tr("The exam could not be drafted: %1").arg(outcome.error().message())});
        return;
    }
    const Result<Exam> draft = ExamDraft::parse(outcome.reply().json);
    if (!draft) {
        endDraft(draft.error());
        return;
    }
    applyDraft(draft.value(), m_draftPagesSent, m_draftPageCount);
}

void NewSessionDialog::applyDraft(const Exam &draft, int pagesSent, int pageCount)
{
    if (m_questionTable->rowCount() > 0) {
        const QMessageBox::StandardButton answer = MessageBox::question(
            this, tr("Replace the questions?"),
            tr("The model found %n question(s) in the blank exam. Replace the questions already in the table "
               "with them?",
               nullptr, int(draft.questions.size())),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes) {
            endDraft({});
            m_draftLabel->setText(tr("The draft was set aside; your questions are unchanged."));
            m_draftRow->show();
            return;
        }
    }
    Exam exam = draft;
    // The teacher's own title stays; the language is the one printed on the exam when the model could tell.
    const QString title = m_titleEdit->text().simplified();
    if (!title.isEmpty() || exam.title.isEmpty())
        exam.title = title;
    if (exam.language.isEmpty()) {
        exam.language = language();
    } else {
        const QString primary = exam.language.section(QLatin1Char('-'), 0, 0);
        if (m_languageCombo->findData(primary) >= 0)
            exam.language = primary;
    }
    for (int i = 0; i < exam.questions.size(); ++i) {
        if (exam.questions.at(i).label.isEmpty())
            exam.questions[i].label = tr("Question %1").arg(i + 1);
    }
    m_examFileError = {};
    setExam(exam);
    endDraft({}, true);
    int unpriced = 0;
    for (const Question &question : std::as_const(exam.questions))
        unpriced += question.maxPoints > 0 ? 0 : 1;
    QString note = tr("Drafted %n question(s) from the blank exam: check each one against the paper.", nullptr,
                      int(exam.questions.size()));
    if (pageCount > pagesSent)
        note += QLatin1Char(' ')
                + tr("Only its first %1 of %2 pages were read; add the questions of the others.")
                      .arg(pagesSent)
                      .arg(pageCount);
    if (unpriced > 0)
        note += QLatin1Char(' ')
                + tr("%n question(s) have no points printed: set their maximum.", nullptr, unpriced);
    m_draftLabel->setText(note);
    m_draftRow->show();
}

void NewSessionDialog::cancelDraft()
{
    if (!isDrafting())
        return;
    endDraft({});
}

void NewSessionDialog::endDraft(const Error &error, bool applied)
{
    ++m_draftSerial;
    if (m_draftClient && m_draftRequest != 0)
        m_draftClient->cancel(m_draftRequest);
    m_draftRequest = 0;
    m_draftError = error;
    setDrafting(DraftStage::Idle, QString());
    refresh();
    Q_EMIT examDraftFinished(applied);
}

void NewSessionDialog::setDrafting(DraftStage stage, const QString &what)
{
    m_draftStage = stage;
    const bool drafting = stage != DraftStage::Idle;
    m_draftLabel->setText(what);
    m_draftRow->setVisible(drafting);
    m_draftProgress->setVisible(drafting);
    m_cancelDraftButton->setVisible(drafting);
    m_draftExamButton->setEnabled(!drafting && m_settings && m_secrets);
    m_loadExamButton->setEnabled(!drafting);
}

void NewSessionDialog::setExam(const Exam &exam)
{
    if (!m_questionTable)
        return;
    m_loadingExam = true;
    m_titleEdit->setText(exam.title);
    const int languageIndex = m_languageCombo->findData(exam.language);
    if (languageIndex >= 0 && !exam.language.isEmpty()) {
        m_languageCombo->setCurrentIndex(languageIndex);
    } else {
        m_languageCombo->setCurrentIndex(m_languageCombo->count() - 1);
        m_languageEdit->setText(exam.language);
    }
    m_questionTable->setRowCount(0);
    for (const Question &question : exam.questions)
        appendQuestionRow(question);
    m_loadingExam = false;
    refresh();
}

void NewSessionDialog::appendQuestionRow(const Question &question)
{
    const int row = m_questionTable->rowCount();
    m_questionTable->insertRow(row);
    auto *idItem = new QTableWidgetItem(question.id);
    idItem->setData(questionRole, QVariant::fromValue(question));
    m_questionTable->setItem(row, IdColumn, idItem);
    m_questionTable->setItem(row, LabelColumn, new QTableWidgetItem(question.label));
    auto *textItem = new QTableWidgetItem(question.text);
    textItem->setToolTip(question.text);
    m_questionTable->setItem(row, TextColumn, textItem);
    auto *pointsItem = new QTableWidgetItem;
    pointsItem->setData(Qt::EditRole, question.maxPoints);
    pointsItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_questionTable->setItem(row, MaxPointsColumn, pointsItem);
}

QString NewSessionDialog::newQuestionId() const
{
    QSet<QString> ids;
    for (int row = 0; row < m_questionTable->rowCount(); ++row)
        ids.insert(m_questionTable->item(row, IdColumn)->text().trimmed());
    for (int n = m_questionTable->rowCount() + 1;; ++n) {
        const QString id = QStringLiteral("q%1").arg(n);
        if (!ids.contains(id))
            return id;
    }
}

void NewSessionDialog::addQuestion()
{
    Question question;
    question.id = newQuestionId();
    question.label = tr("Question %1").arg(m_questionTable->rowCount() + 1);
    question.maxPoints = 1.0;
    m_loadingExam = true;
    appendQuestionRow(question);
    m_loadingExam = false;
    const int row = m_questionTable->rowCount() - 1;
    m_questionTable->setCurrentCell(row, TextColumn);
    m_questionTable->editItem(m_questionTable->item(row, TextColumn));
    refresh();
}

void NewSessionDialog::removeQuestion()
{
    const int row = m_questionTable->currentRow();
    if (row < 0)
        return;
    m_questionTable->removeRow(row);
    if (m_questionTable->rowCount() > 0)
        m_questionTable->selectRow(std::min(row, m_questionTable->rowCount() - 1));
    refresh();
}

void NewSessionDialog::moveQuestion(int delta)
{
    const int row = m_questionTable->currentRow();
    const int target = row + delta;
    if (row < 0 || target < 0 || target >= m_questionTable->rowCount())
        return;
    m_loadingExam = true;
    for (int column = 0; column < QuestionColumnCount; ++column) {
        QTableWidgetItem *a = m_questionTable->takeItem(row, column);
        QTableWidgetItem *b = m_questionTable->takeItem(target, column);
        m_questionTable->setItem(row, column, b);
        m_questionTable->setItem(target, column, a);
    }
    m_loadingExam = false;
    m_questionTable->selectRow(target);
    refresh();
}

QString NewSessionDialog::language() const
{
    if (!m_languageCombo)
        return m_targetExam.language;
    const QString code = m_languageCombo->currentData().toString();
    return code.isEmpty() ? m_languageEdit->text().trimmed() : code;
}

Exam NewSessionDialog::exam() const
{
    if (m_mode == Mode::ImportScans)
        return m_targetExam;
    Exam exam;
    exam.title = m_titleEdit->text().simplified();
    exam.language = language();
    for (int row = 0; row < m_questionTable->rowCount(); ++row) {
        Question question = m_questionTable->item(row, IdColumn)->data(questionRole).value<Question>();
        question.id = m_questionTable->item(row, IdColumn)->text().trimmed();
        question.label = m_questionTable->item(row, LabelColumn)->text().trimmed();
        question.text = m_questionTable->item(row, TextColumn)->text().trimmed();
        question.maxPoints = m_questionTable->item(row, MaxPointsColumn)->data(Qt::EditRole).toDouble();
        exam.questions.append(question);
    }
    return exam;
}

QStringList NewSessionDialog::examProblems() const
{
    QStringList problems;
    if (m_mode == Mode::ImportScans)
        return problems;
    const Exam current = exam();
    if (current.title.isEmpty())
        problems.append(tr("Give the exam a title."));
    if (current.language.isEmpty())
        problems.append(tr("Type the language of the copies (a code such as de, es or it)."));
    if (current.questions.isEmpty())
        problems.append(tr("Add the exam's questions, or load its JSON file."));
    QSet<QString> seen;
    for (int row = 0; row < current.questions.size(); ++row) {
        const Question &question = current.questions.at(row);
        if (question.id.isEmpty())
            problems.append(tr("Question %1 has no id: give it a short one such as q%1.").arg(row + 1));
        else if (seen.contains(question.id))
            problems.append(tr("Two questions have the id “%1”: each question needs its own.").arg(question.id));
        seen.insert(question.id);
        if (!(question.maxPoints > 0.0))
            problems.append(tr("Question %1 is worth 0 points: set its maximum.").arg(question.displayLabel()));
    }
    return problems;
}

// ---------------------------------------------------------------------------------------------------------------
// The scans

void NewSessionDialog::choosePdfs()
{
    const QStringList paths = FileDialog::getOpenFileNames(this, tr("Add scanned copies"), QString(),
                                                           tr("PDF files (*.pdf);;All files (*)"));
    addPdfs(paths);
}

void NewSessionDialog::addPdfs(const QStringList &paths)
{
    bool added = false;
    for (const QString &path : paths) {
        const QString absolute = QFileInfo(path).absoluteFilePath();
        const bool known = std::any_of(m_pdfs.cbegin(), m_pdfs.cend(),
                                       [&](const PdfEntry &entry) { return entry.path == absolute; });
        if (path.isEmpty() || known)
            continue;
        m_pdfs.append(PdfEntry{absolute});
        checkPdf(m_pdfs.last());
        added = true;
    }
    if (added) {
        m_startError = {};
        refresh();
    }
}

void NewSessionDialog::removeSelectedPdf()
{
    const int row = m_pdfList->currentRow();
    if (row < 0 || row >= m_pdfs.size())
        return;
    m_pdfs.removeAt(row);
    m_startError = {};
    refresh();
}

void NewSessionDialog::checkPdf(PdfEntry &entry)
{
    entry.serial = ++m_nextSerial;
    entry.checking = true;
    entry.document.reset();
    entry.error = {};
    const QString path = entry.path;
    const QString password = m_password;
    const quint64 serial = entry.serial;
    auto *watcher = new QFutureWatcher<PdfCheck>(this);
    connect(watcher, &QFutureWatcher<PdfCheck>::finished, this, [this, watcher, path, serial] {
        watcher->deleteLater();
        const PdfCheck check = watcher->result();
        pdfChecked(path, serial, check.document, check.error);
    });
    watcher->setFuture(QtConcurrent::run(m_workPool, [path, password] {
        PdfCheck check;
        Result<ImportDocument> document = PdfInspector::load(path, password);
        if (document)
            check.document = std::move(document).value();
        else
            check.error = document.error();
        return check;
    }));
}

void NewSessionDialog::pdfChecked(const QString &path, quint64 serial, const std::optional<ImportDocument> &document,
                                  const Error &error)
{
    auto entry = std::find_if(m_pdfs.begin(), m_pdfs.end(),
                              [&](const PdfEntry &candidate) { return candidate.path == path; });
    if (entry == m_pdfs.end() || entry->serial != serial)
        return;
    entry->checking = false;
    entry->document = document;
    entry->error = error;
    const QString fileName = QFileInfo(path).fileName();
    if (error.code == ErrorCode::PasswordRequired && !m_passwordAskedFor.contains(path)) {
        m_passwordAskedFor.insert(path);
        refresh();
        askPassword(fileName, false);
        return;
    }
    refresh();
}

void NewSessionDialog::askPassword(const QString &fileName, bool wrongPassword)
{
    if (s_hasNextPassword) {
        const std::optional<QString> answer = s_nextPassword;
        s_hasNextPassword = false;
        s_nextPassword.reset();
        if (answer)
            setPassword(*answer);
        return;
    }
    if (m_passwordPromptOpen)
        return;
    m_passwordPromptOpen = true;
    auto *prompt = new QInputDialog(this);
    prompt->setObjectName(QStringLiteral("passwordDialog"));
    prompt->setAttribute(Qt::WA_DeleteOnClose);
    prompt->setWindowTitle(tr("Password-protected PDF"));
    prompt->setTextEchoMode(QLineEdit::Password);
    QString text = fileName.isEmpty() ? tr("Password of the protected PDFs:")
                                      : tr("%1 is protected by a password. Enter it to import the scans; Corrige "
                                           "stores an unprotected copy inside the session.")
                                            .arg(fileName);
    if (wrongPassword)
        text = tr("That password does not open %1. Try again:").arg(fileName);
    prompt->setLabelText(text);
    connect(prompt, &QInputDialog::finished, this, [this, prompt](int result) {
        m_passwordPromptOpen = false;
        if (result == QDialog::Accepted)
            setPassword(prompt->textValue());
    });
    prompt->open();
}

void NewSessionDialog::setPassword(const QString &password)
{
    m_password = password;
    for (PdfEntry &entry : m_pdfs) {
        if (entry.error.code == ErrorCode::PasswordRequired || entry.error.code == ErrorCode::WrongPassword)
            checkPdf(entry);
    }
    refresh();
}

void NewSessionDialog::chooseRoster()
{
    const QString path = FileDialog::getOpenFileName(this, tr("Choose the class roster"), QString(),
                                                     tr("CSV files (*.csv *.txt);;All files (*)"));
    if (!path.isEmpty())
        setRosterPath(path);
}

void NewSessionDialog::setRosterPath(const QString &path)
{
    m_rosterPath = path.isEmpty() ? QString() : QFileInfo(path).absoluteFilePath();
    m_rosterEdit->setText(QFileInfo(m_rosterPath).fileName());
    m_rosterEdit->setToolTip(QDir::toNativeSeparators(m_rosterPath));
    m_clearRosterButton->setEnabled(!m_rosterPath.isEmpty());
    m_roster.reset();
    m_rosterError = {};
    m_startError = {};
    checkRoster();
    refresh();
}

void NewSessionDialog::checkRoster()
{
    const quint64 serial = ++m_rosterSerial;
    if (m_rosterPath.isEmpty()) {
        m_rosterChecking = false;
        m_roster = QList<RosterEntry>();
        return;
    }
    m_rosterChecking = true;
    const QString path = m_rosterPath;
    auto *watcher = new QFutureWatcher<RosterCheck>(this);
    connect(watcher, &QFutureWatcher<RosterCheck>::finished, this, [this, watcher, serial] {
        watcher->deleteLater();
        if (serial != m_rosterSerial)
            return;
        const RosterCheck check = watcher->result();
        m_rosterChecking = false;
        m_roster = check.entries;
        m_rosterError = check.error;
        refresh();
    });
    watcher->setFuture(QtConcurrent::run(m_workPool, [path] {
        RosterCheck check;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            check.error = {ErrorCode::FileUnreadable,
                           tr("Cannot read the roster %1: %2. Check the file, or remove the roster.")
                               .arg(QFileInfo(path).fileName(), file.errorString())};
            return check;
        }
        Result<QList<RosterEntry>> parsed = RosterCsv::parse(file.readAll(), QFileInfo(path).fileName());
        if (parsed)
            check.entries = std::move(parsed).value();
        else
            check.error = parsed.error();
        return check;
    }));
}

int NewSessionDialog::pagesPerCopy() const
{
    return m_splitRadio->isChecked() ? m_pagesSpin->value() : 0;
}

void NewSessionDialog::setPagesPerCopy(int pagesPerCopy)
{
    if (pagesPerCopy > 0) {
        m_pagesSpin->setValue(pagesPerCopy);
        m_splitRadio->setChecked(true);
    } else {
        m_onePerPdfRadio->setChecked(true);
    }
    replan();
}

ImportRequest NewSessionDialog::importRequest() const
{
    ImportRequest request;
    for (const PdfEntry &entry : m_pdfs)
        request.pdfPaths.append(entry.path);
    request.pagesPerCopy = pagesPerCopy();
    request.rosterPath = m_rosterPath;
    request.password = m_password;
    request.allowDuplicate = m_allowDuplicate;
    return request;
}

// ---------------------------------------------------------------------------------------------------------------
// Preview and problems

bool NewSessionDialog::isChecking() const
{
    return m_rosterChecking
           || std::any_of(m_pdfs.cbegin(), m_pdfs.cend(), [](const PdfEntry &entry) { return entry.checking; });
}

void NewSessionDialog::collectProblems(QStringList *missing, QStringList *errors) const
{
    if (m_examFileError.isError())
        errors->append(m_examFileError.message);
    if (m_draftError.isError())
        errors->append(m_draftError.message);
    *missing += examProblems();
    if (m_pdfs.isEmpty())
        missing->append(tr("Add the scanned copies: one or more PDF files."));
    for (const PdfEntry &entry : m_pdfs) {
        if (!entry.checking && entry.error.isError())
            errors->append(entry.error.message);
    }
    if (m_rosterError.isError())
        errors->append(m_rosterError.message);
    if (m_planError.isError())
        errors->append(m_planError.message);
}

QStringList NewSessionDialog::problems() const
{
    QStringList missing;
    QStringList errors;
    collectProblems(&missing, &errors);
    return errors + missing;
}

bool NewSessionDialog::isReady() const
{
    return !isChecking() && m_plan.has_value() && problems().isEmpty();
}

int NewSessionDialog::previewCopyCount() const
{
    return m_plan ? int(m_plan->copies.size()) : 0;
}

int NewSessionDialog::thumbnailCount() const
{
    int count = 0;
    for (int row = 0; row < m_previewList->count(); ++row) {
        if (m_previewList->item(row)->data(thumbnailRole).toBool())
            ++count;
    }
    return count;
}

void NewSessionDialog::refresh()
{
    replan();
}

void NewSessionDialog::replan()
{
    std::optional<ImportPlan> plan;
    Error planError;
    const bool allChecked = !m_pdfs.isEmpty() && !isChecking()
                            && std::all_of(m_pdfs.cbegin(), m_pdfs.cend(),
                                           [](const PdfEntry &entry) { return entry.document.has_value(); });
    if (allChecked && m_roster) {
        QList<ImportDocument> documents;
        for (const PdfEntry &entry : std::as_const(m_pdfs))
            documents.append(*entry.document);
        Result<ImportPlan> planned = ImportPlanner::plan(documents, pagesPerCopy(), {}, m_existingCopies + 1);
        if (planned && !m_roster->isEmpty()) {
            const qsizetype copies = planned->copies.size();
            if (m_roster->size() != copies) {
                planned = Result<ImportPlan>::failure(
                    ErrorCode::InvalidInput,
                    tr("The roster %1 has %2 names but the scans make %3 copies. Make the roster list one student "
                       "per copy, in scan order, or change how the scans are cut into copies.")
                        .arg(QFileInfo(m_rosterPath).fileName())
                        .arg(m_roster->size())
                        .arg(copies));
            } else {
                planned = ImportPlanner::plan(documents, pagesPerCopy(), *m_roster, m_existingCopies + 1);
            }
        }
        if (planned)
            plan = std::move(planned).value();
        else if (planned.error().code == ErrorCode::BadPageSplit)
            planError = splitError(documents, pagesPerCopy());
        else
            planError = planned.error();
    }
    const bool changed = !samePlan(plan, m_plan) || planError.message != m_planError.message;
    m_plan = std::move(plan);
    m_planError = planError;
    if (changed)
        rebuildPreview();
    refreshSummary();
    refreshPdfList();
    refreshProblems();
    if (changed)
        Q_EMIT previewChanged();
}

void NewSessionDialog::rebuildPreview()
{
    m_previewList->clear();
    if (!m_plan)
        return;
    const QIcon placeholder = placeholderIcon(m_previewList->iconSize());
    for (const PlannedCopy &copy : std::as_const(m_plan->copies)) {
        const ImportDocument &document = m_plan->documents.at(copy.documentIndex);
        const QString who = copy.studentName.isEmpty() ? tr("(no name yet)") : copy.studentName;
        auto *item = new QListWidgetItem(tr("%1\n%2").arg(copy.label, who), m_previewList);
        item->setTextAlignment(Qt::AlignHCenter | Qt::AlignTop);
        item->setToolTip(tr("%1: %2, %3").arg(copy.label, document.fileName, pageRange(copy.pageIndexes)));
        const QString key = thumbnailKey(document.sha256, copy.pageIndexes.value(0));
        const QImage image = m_thumbnails.value(key);
        item->setIcon(image.isNull() ? placeholder : pageIcon(image, m_previewList->iconSize()));
        item->setData(thumbnailRole, !image.isNull());
    }
    requestThumbnails();
}

void NewSessionDialog::refreshSummary()
{
    if (!m_plan) {
        if (m_pdfs.isEmpty())
            m_previewSummary->setText(tr("Add the scans to see the copies here, with the first page of each."));
        else if (isChecking())
            m_previewSummary->setText(tr("Checking the files…"));
        else
            m_previewSummary->setText(tr("Fix the problems below to see the copies."));
        return;
    }
    const int copies = int(m_plan->copies.size());
    int pages = 0;
    for (const PlannedCopy &copy : std::as_const(m_plan->copies))
        pages += int(copy.pageIndexes.size());
    m_previewSummary->setText(
        tr("Copies: %1 · pages: %2. Check that each copy starts on its first page.").arg(copies).arg(pages));
}

void NewSessionDialog::requestThumbnails()
{
    if (!m_plan)
        return;
    QHash<int, QList<int>> pagesByDocument;
    for (const PlannedCopy &copy : std::as_const(m_plan->copies)) {
        const ImportDocument &document = m_plan->documents.at(copy.documentIndex);
        const int page = copy.pageIndexes.value(0);
        const QString key = thumbnailKey(document.sha256, page);
        if (m_thumbnails.contains(key) || m_thumbnailsRequested.contains(key))
            continue;
        m_thumbnailsRequested.insert(key);
        pagesByDocument[copy.documentIndex].append(page);
    }
    for (auto it = pagesByDocument.cbegin(); it != pagesByDocument.cend(); ++it) {
        const QByteArray data = m_plan->documents.at(it.key()).data;
        const QByteArray sha256 = m_plan->documents.at(it.key()).sha256;
        const QList<int> pages = it.value();
        auto *watcher = new QFutureWatcher<Thumbnails>(this);
        connect(watcher, &QFutureWatcher<Thumbnails>::finished, this, [this, watcher] {
            watcher->deleteLater();
            const Thumbnails result = watcher->result();
            for (int i = 0; i < result.pages.size(); ++i) {
                const QString key = thumbnailKey(result.sha256, result.pages.at(i));
                m_thumbnailsRequested.remove(key);
                if (i < result.images.size() && !result.images.at(i).isNull())
                    m_thumbnails.insert(key, result.images.at(i));
            }
            if (!m_plan)
                return;
            // Put the new pictures in place without rebuilding the list.
            for (int row = 0; row < m_previewList->count() && row < m_plan->copies.size(); ++row) {
                const PlannedCopy &copy = m_plan->copies.at(row);
                const QString key
                    = thumbnailKey(m_plan->documents.at(copy.documentIndex).sha256, copy.pageIndexes.value(0));
                QListWidgetItem *item = m_previewList->item(row);
                if (!item->data(thumbnailRole).toBool() && m_thumbnails.contains(key)) {
                    item->setIcon(pageIcon(m_thumbnails.value(key), m_previewList->iconSize()));
                    item->setData(thumbnailRole, true);
                }
            }
            Q_EMIT previewChanged();
        });
        watcher->setFuture(QtConcurrent::run(m_workPool, [data, sha256, pages] {
            Thumbnails result;
            result.sha256 = sha256;
            result.pages = pages;
            PageImageOptions options;
            options.maxLongSide = thumbnailLongSide;
            options.jpegQuality = 80;
            const Result<QList<PageImage>> images = PageImageExtractor::extract(data, pages, options);
            if (images) {
                for (const PageImage &image : images.value()) {
                    QImage decoded = QImage::fromData(image.jpeg, "JPEG");
                    if (decoded.width() > thumbnailLongSide * 2 || decoded.height() > thumbnailLongSide * 2)
                        decoded = decoded.scaled(thumbnailLongSide, thumbnailLongSide, Qt::KeepAspectRatio,
                                                 Qt::SmoothTransformation);
                    result.images.append(decoded);
                }
            }
            return result;
        }));
    }
}

void NewSessionDialog::refreshPdfList()
{
    const int current = m_pdfList->currentRow();
    m_pdfList->clear();
    bool needsPassword = false;
    for (const PdfEntry &entry : std::as_const(m_pdfs)) {
        const QString name = QFileInfo(entry.path).fileName();
        auto *item = new QListWidgetItem(m_pdfList);
        QString tip = QDir::toNativeSeparators(entry.path);
        if (entry.checking) {
            item->setText(tr("%1 — checking…").arg(name));
            item->setIcon(statusDotIcon(StatusColor::busy));
        } else if (entry.document) {
            item->setText(tr("%1 — pages: %2").arg(name).arg(entry.document->pageCount));
            item->setIcon(statusDotIcon(StatusColor::ok));
        } else {
            QString what;
            switch (entry.error.code) {
            case ErrorCode::PasswordRequired: what = tr("needs its password"); break;
            case ErrorCode::WrongPassword: what = tr("wrong password"); break;
            default: what = tr("cannot be used"); break;
            }
            item->setText(tr("%1 — %2").arg(name, what));
            item->setIcon(statusDotIcon(StatusColor::problem));
            tip += QLatin1Char('\n') + entry.error.message;
        }
        needsPassword = needsPassword || entry.error.code == ErrorCode::PasswordRequired
                        || entry.error.code == ErrorCode::WrongPassword;
        item->setToolTip(tip);
    }
    if (current >= 0 && current < m_pdfList->count()) {
        const QSignalBlocker blocker(m_pdfList);
        m_pdfList->setCurrentRow(current);
    }
    m_removePdfButton->setEnabled(!m_busy && m_pdfList->currentRow() >= 0);
    m_passwordButton->setVisible(needsPassword);
}

void NewSessionDialog::refreshProblems()
{
    if (m_mode == Mode::NewSession) {
        double total = 0.0;
        for (int row = 0; row < m_questionTable->rowCount(); ++row)
            total += m_questionTable->item(row, MaxPointsColumn)->data(Qt::EditRole).toDouble();
        m_maxTotalLabel->setText(tr("Maximum total: %1").arg(number(total)));
        const int row = m_questionTable->currentRow();
        m_removeQuestionButton->setEnabled(!m_busy && row >= 0);
        m_moveUpButton->setEnabled(!m_busy && row > 0);
        m_moveDownButton->setEnabled(!m_busy && row >= 0 && row + 1 < m_questionTable->rowCount());
    }
    QStringList missing;
    QStringList errors;
    collectProblems(&missing, &errors);
    if (m_startError.isError())
        errors.prepend(m_startError.message);
    QStringList lines;
    // Problems with a file come first, in red; what is simply missing follows, in the normal colour.
    for (const QString &line : std::as_const(errors))
        lines.append(QStringLiteral("<span style=\"color:%1\">%2</span>")
                         .arg(StatusColor::problem.name(), line.toHtmlEscaped()));
    for (const QString &line : std::as_const(missing))
        lines.append(line.toHtmlEscaped());
    if (lines.isEmpty() && isChecking())
        lines.append(tr("Checking the files…"));
    if (lines.isEmpty() && m_plan)
        lines.append(m_mode == Mode::NewSession
                         ? tr("Ready: Create asks where to save the session, then imports the scans.")
                         : tr("Ready to import."));
    m_problemLabel->setText(lines.join(QLatin1String("<br>")));
    m_createButton->setEnabled(!m_busy && !isDrafting() && isReady());
}

// ---------------------------------------------------------------------------------------------------------------
// Drops

void NewSessionDialog::dragEnterEvent(QDragEnterEvent *event)
{
    if (m_busy || !event->mimeData()->hasUrls())
        return;
    for (const QUrl &url : event->mimeData()->urls()) {
        const QString path = url.toLocalFile();
        if (isPdf(path) || path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)
            || path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)) {
            event->acceptProposedAction();
            return;
        }
    }
}

void NewSessionDialog::dropEvent(QDropEvent *event)
{
    QStringList pdfs;
    for (const QUrl &url : event->mimeData()->urls()) {
        const QString path = url.toLocalFile();
        if (isPdf(path))
            pdfs.append(path);
        else if (path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) && m_mode == Mode::NewSession)
            loadExamFile(path);
        else if (path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive))
            setRosterPath(path);
    }
    addPdfs(pdfs);
    event->acceptProposedAction();
}

// ---------------------------------------------------------------------------------------------------------------
// Create or import

void NewSessionDialog::accept()
{
    if (m_busy || isDrafting() || !isReady())
        return;
    start();
}

void NewSessionDialog::reject()
{
    // The import runs to its end in one transaction; closing meanwhile would hide its outcome.
    if (m_busy)
        return;
    cancelDraft();
    QDialog::reject();
}

void NewSessionDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_busyRow->setVisible(busy);
    if (m_examBox)
        m_examBox->setEnabled(!busy);
    for (QWidget *widget : std::initializer_list<QWidget *>{m_addPdfsButton, m_passwordButton, m_onePerPdfRadio,
                                                            m_splitRadio, m_rosterButton})
        widget->setEnabled(!busy);
    m_clearRosterButton->setEnabled(!busy && !m_rosterPath.isEmpty());
    m_pagesSpin->setEnabled(!busy && m_splitRadio->isChecked());
    m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(!busy);
    refreshPdfList();
    refreshProblems();
}

void NewSessionDialog::start()
{
    const ImportRequest request = importRequest();
    const int total = int(request.pdfPaths.size());
    SessionStore *store = nullptr;
    QString path;
    if (m_mode == Mode::NewSession) {
        const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        const QString suggested = QDir(documents).filePath(safeFileName(exam().title) + QLatin1String(".corrige"));
        path = FileDialog::getSaveFileName(this, tr("Save the new session"), suggested,
                                           tr("Corrige sessions (*.corrige)"), QFileDialog::DontConfirmOverwrite);
        if (path.isEmpty())
            return;
        if (QFileInfo(path).suffix().isEmpty())
            path += QLatin1String(".corrige");
        path = QFileInfo(path).absoluteFilePath();
        if (QFileInfo::exists(path)) {
            m_startError = {ErrorCode::InvalidInput,
                            tr("%1 already exists. Corrige never replaces a session: choose another name.")
                                .arg(QFileInfo(path).fileName())};
            refreshProblems();
            return;
        }
        m_ownStore = std::make_unique<SessionStore>();
        store = m_ownStore.get();
    } else {
        store = m_targetStore.data();
        if (!store) {
            m_startError = {ErrorCode::Internal, tr("The session was closed. Open it again to import scans.")};
            refreshProblems();
            return;
        }
    }
    m_startError = {};
    m_pendingPath = path;
    m_progress->setRange(0, total);
    m_progress->setValue(0);
    m_busyLabel->setText(m_mode == Mode::NewSession ? tr("Writing the session…") : tr("Importing the scans…"));
    setBusy(true);

    // Progress comes back through a future: its watcher lives here, the storage thread only reports.
    auto promise = std::make_shared<QPromise<void>>();
    auto *watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcher<void>::progressValueChanged, this, [this, total](int done) {
        m_progress->setValue(done);
        m_busyLabel->setText(tr("Checking and storing the scans (%1 of %2)…").arg(done).arg(total));
    });
    connect(watcher, &QFutureWatcher<void>::finished, watcher, &QObject::deleteLater);
    watcher->setFuture(promise->future());

    const auto progress = [promise](int done, int, const QString &fileName) {
        promise->setProgressValueAndText(done, fileName);
    };
    std::function<Status(SessionDatabase *)> work;
    auto duplicates = std::make_shared<QStringList>(); // written on the storage thread before failed() is sent
    if (m_mode == Mode::NewSession) {
        const Exam newExam = exam();
        work = [path, newExam, request, promise, progress, total](SessionDatabase *) -> Status {
            promise->start();
            promise->setProgressRange(0, total);
            Status status;
            {
                Result<std::unique_ptr<SessionDatabase>> created = SessionDatabase::create(path, newExam);
                if (!created) {
                    status = created.error();
                } else {
                    const Result<ImportOutcome> outcome = SessionImport::run(*created.value(), request, progress);
                    if (!outcome) {
                        status = outcome.error();
                        created.value().reset();
                        removeSessionFiles(path);
                    }
                }
            }
            promise->finish();
            return status;
        };
    } else {
        QList<QByteArray> sha256s;
        if (m_plan) {
            for (const ImportDocument &document : std::as_const(m_plan->documents))
                sha256s.append(document.sha256);
        }
        work = [request, promise, progress, total, sha256s, duplicates](SessionDatabase *database) -> Status {
            promise->start();
            promise->setProgressRange(0, total);
            Status status;
            if (!database) {
                status = Status::failure(ErrorCode::Internal, tr("No session is open. Open one, then import."));
            } else if (!request.allowDuplicate
                       && !(*duplicates = SessionImport::alreadyImported(*database, sha256s)).isEmpty()) {
                status = Status::failure(ErrorCode::InvalidInput, duplicates->join(QStringLiteral(", ")));
            } else {
                const Result<ImportOutcome> outcome = SessionImport::run(*database, request, progress);
                if (!outcome)
                    status = outcome.error();
            }
            promise->finish();
            return status;
        };
    }

    connect(store, &SessionStore::saved, this, [this](quint64 requestId) {
        if (requestId == m_startRequest)
            finish(true, {});
    });
    connect(store, &SessionStore::failed, this, [this, duplicates](quint64 requestId, const Error &error) {
        if (requestId != m_startRequest)
            return;
        if (duplicates->isEmpty()) {
            finish(false, error);
            return;
        }
        // The same scan again would double the class: ask, and import only on purpose.
        const QString names = duplicates->join(QStringLiteral(", "));
        duplicates->clear(); // this connection stays: later answers are not about duplicates
        m_startRequest = 0;
        setBusy(false);
        const QMessageBox::StandardButton answer = MessageBox::question(
            this, tr("Scans already imported"),
            tr("%1 is already in this session. Importing it again adds its copies a second time.\n\nImport it "
               "again anyway?")
                .arg(names),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes) {
            m_startError = {ErrorCode::InvalidInput,
                            tr("%1 is already in this session. Remove it from the list to import the others.")
                                .arg(names)};
            refreshProblems();
            return;
        }
        m_allowDuplicate = true;
        start();
    });
    m_startRequest = store->post(std::move(work));
}

void NewSessionDialog::finish(bool ok, const Error &error)
{
    m_startRequest = 0;
    setBusy(false);
    if (!ok) {
        m_startError = error;
        refreshProblems();
        return;
    }
    if (m_mode == Mode::NewSession) {
        m_sessionPath = m_pendingPath;
        Q_EMIT sessionCreated(m_sessionPath);
    } else {
        Q_EMIT scansImported(previewCopyCount());
    }
    QDialog::accept();
}

} // namespace Corrige::Ui
