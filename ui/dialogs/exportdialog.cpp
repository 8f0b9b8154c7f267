#include "ui/dialogs/exportdialog.h"

#include "core/export/annotatedpdfexporter.h"
#include "core/export/csvexporter.h"
#include "core/export/exportfile.h"
#include "core/export/reviewgate.h"
#include "core/export/xlsxexporter.h"
#include "core/session/sessionstore.h"
#include "ui/dialogs/filedialog.h"
#include "ui/dialogs/messagebox.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QRadioButton>
#include <QStyle>
#include <QThreadPool>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace Corrige::Ui {

using namespace Corrige::Core;

namespace {

std::optional<CsvPreset> presetOf(ExportDialog::Format format)
{
    switch (format) {
    case ExportDialog::Format::Csv: return CsvPreset::Plain;
    case ExportDialog::Format::Moodle: return CsvPreset::Moodle;
    case ExportDialog::Format::Pronote: return CsvPreset::Pronote;
    case ExportDialog::Format::AnnotatedPdfs:
    case ExportDialog::Format::Xlsx: break;
    }
    return std::nullopt;
}

// A title turned into a file name that every system accepts.
QString safeFileName(const QString &text)
{
    QString name;
    for (const QChar c : text) {
        if (c < QChar(0x20) || QStringLiteral("/\\:*?\"<>|").contains(c))
            name.append(QLatin1Char(' '));
        else
            name.append(c);
    }
    name = name.simplified();
    while (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    return name;
}

} // namespace

ExportDialog::ExportDialog(QThreadPool *workPool, SessionStore *store, const SessionSnapshot &snapshot,
                           QWidget *parent)
    : QDialog(parent)
    , m_workPool(workPool)
    , m_store(store)
    , m_snapshot(snapshot)
    , m_report(StatusReport::build(snapshot.exam, snapshot.copies, snapshot.grades, snapshot.comments))
{
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export"));
    buildUi();
    formatChanged();
}

ExportDialog::~ExportDialog()
{
    // The task reports only through the watcher, which goes with this dialog; stop it early if it runs.
    if (m_cancel)
        *m_cancel = true;
}

void ExportDialog::buildUi()
{
    auto *layout = new QVBoxLayout(this);

    auto *formatBox = new QGroupBox(tr("Format"), this);
    auto *formatLayout = new QGridLayout(formatBox);
    formatLayout->setColumnStretch(1, 1);
    formatLayout->setHorizontalSpacing(12);
    m_formatGroup = new QButtonGroup(this);
    struct Choice {
        Format format;
        const char *objectName;
        QString title;
        QString explanation;
    };
    const QList<Choice> choices{
        {Format::Xlsx, "xlsxRadio", tr("Spreadsheet (Excel, LibreOffice)"),
         tr("Every question as numbers, the total, the mark out of 20, the status, and a sheet of statistics.")},
        {Format::Csv, "csvRadio", tr("CSV file"),
         tr("The same columns as plain text, for scripts or a spreadsheet.")},
        {Format::Moodle, "moodleRadio", tr("Moodle grade import"),
         tr("One identifier and the total (and feedback), for Moodle's \"Import grades from CSV\".")},
        {Format::Pronote, "pronoteRadio", tr("Pronote (paste into the marks table)"),
         tr("\"NOM Prénom\" in Pronote's order and the mark out of 20, with decimal commas.")},
        {Format::AnnotatedPdfs, "pdfRadio", tr("Annotated PDFs, one per student"),
         tr("A summary with each score, its justification and your comments, then the original scans.")},
    };
    int row = 0;
    for (const Choice &choice : choices) {
        auto *radio = new QRadioButton(choice.title, formatBox);
        radio->setObjectName(QLatin1String(choice.objectName));
        m_formatGroup->addButton(radio, int(choice.format));
        auto *explanation = new QLabel(choice.explanation, formatBox);
        explanation->setObjectName(QLatin1String(choice.objectName) + QStringLiteral("Explanation"));
        explanation->setForegroundRole(QPalette::PlaceholderText);
        explanation->setBuddy(radio);
        formatLayout->addWidget(radio, row, 0);
        formatLayout->addWidget(explanation, row, 1);
        ++row;
    }
    m_formatGroup->button(int(Format::Xlsx))->setChecked(true);
    connect(m_formatGroup, &QButtonGroup::idToggled, this, [this](int, bool checked) {
        if (checked)
            formatChanged();
    });
    layout->addWidget(formatBox);

    auto *destinationRow = new QHBoxLayout;
    m_destinationLabel = new QLabel(this);
    m_destinationEdit = new QLineEdit(this);
    m_destinationEdit->setObjectName(QStringLiteral("destinationEdit"));
    m_destinationEdit->setMinimumWidth(360);
    m_destinationLabel->setBuddy(m_destinationEdit);
    m_browseButton = new QPushButton(tr("&Choose…"), this);
    m_browseButton->setObjectName(QStringLiteral("browseButton"));
    destinationRow->addWidget(m_destinationLabel);
    destinationRow->addWidget(m_destinationEdit, 1);
    destinationRow->addWidget(m_browseButton);
    layout->addLayout(destinationRow);
    connect(m_browseButton, &QPushButton::clicked, this, &ExportDialog::chooseDestination);
    connect(m_destinationEdit, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_destinations.insert(int(format()), text);
        m_errorLabel->hide();
        refreshButtons();
    });

    // The options of the chosen format, the same as corrige-cli export's.
    m_optionsRow = new QWidget(this);
    auto *optionsLayout = new QHBoxLayout(m_optionsRow);
    optionsLayout->setContentsMargins(0, 0, 0, 0);
    m_dialectLabel = new QLabel(tr("&Spelling:"), m_optionsRow);
    m_dialectCombo = new QComboBox(m_optionsRow);
    m_dialectCombo->setObjectName(QStringLiteral("csvDialectCombo"));
    m_dialectCombo->addItem(tr("French spreadsheet (semicolons, decimal commas)"), int(CsvDialect::ExcelFr));
    m_dialectCombo->addItem(tr("Standard CSV (commas, decimal points)"), int(CsvDialect::Rfc4180));
    //: The CSV spelling chosen by default in this language: "excel-fr" in French, "rfc4180" otherwise
    const CsvDialect dialect = CsvExporter::dialectFromName(tr("rfc4180")).value_or(CsvDialect::Rfc4180);
    m_dialectCombo->setCurrentIndex(m_dialectCombo->findData(int(dialect)));
    m_dialectLabel->setBuddy(m_dialectCombo);
    m_moodleIdLabel = new QLabel(tr("&Map users from:"), m_optionsRow);
    m_moodleIdCombo = new QComboBox(m_optionsRow);
    m_moodleIdCombo->setObjectName(QStringLiteral("moodleIdCombo"));
    const int copyCount = int(m_report.copies().size());
    int best = -1;
    int bestCount = -1;
    for (const auto &[identifier, name] : {std::pair{MoodleIdentifier::Email, tr("Email address")},
                                           std::pair{MoodleIdentifier::IdNumber, tr("ID number")},
                                           std::pair{MoodleIdentifier::Username, tr("Username")}}) {
        const int count = CsvExporter::moodleCount(m_report, identifier);
        //: A Moodle identifier and how many copies have it: "Email address (4 of 5 copies)"
        m_moodleIdCombo->addItem(tr("%1 (%2 of %n copies)", nullptr, copyCount).arg(name).arg(count), int(identifier));
        if (count > bestCount) {
            best = m_moodleIdCombo->count() - 1;
            bestCount = count;
        }
    }
    m_moodleIdCombo->setCurrentIndex(best);
    m_moodleIdLabel->setBuddy(m_moodleIdCombo);
    m_feedbackCheck = new QCheckBox(tr("Add &feedback"), m_optionsRow);
    m_feedbackCheck->setObjectName(QStringLiteral("moodleFeedbackCheck"));
    m_feedbackCheck->setToolTip(tr("A Feedback column with each question's justification and your comments."));
    m_mergedCheck = new QCheckBox(tr("Also one &PDF of the whole class, for printing"), m_optionsRow);
    m_mergedCheck->setObjectName(QStringLiteral("mergedCheck"));
    optionsLayout->addWidget(m_dialectLabel);
    optionsLayout->addWidget(m_dialectCombo);
    optionsLayout->addWidget(m_moodleIdLabel);
    optionsLayout->addWidget(m_moodleIdCombo);
    optionsLayout->addWidget(m_feedbackCheck);
    optionsLayout->addWidget(m_mergedCheck);
    optionsLayout->addStretch(1);
    layout->addWidget(m_optionsRow);
    connect(m_moodleIdCombo, &QComboBox::currentIndexChanged, this, [this] { formatChanged(); });
    connect(m_feedbackCheck, &QCheckBox::toggled, this, [this] { formatChanged(); });

    m_replaceCheck = new QCheckBox(tr("&Replace existing files"), this);
    m_replaceCheck->setObjectName(QStringLiteral("replaceCheck"));
    layout->addWidget(m_replaceCheck);

    m_notesTitle = new QLabel(tr("Before you import the file:"), this);
    m_notesTitle->setObjectName(QStringLiteral("notesTitle"));
    layout->addWidget(m_notesTitle);
    m_notesList = new QListWidget(this);
    m_notesList->setObjectName(QStringLiteral("notesList"));
    m_notesList->setWordWrap(true);
    m_notesList->setSelectionMode(QAbstractItemView::NoSelection);
    m_notesList->setFocusPolicy(Qt::NoFocus);
    m_notesList->setMaximumHeight(150);
    layout->addWidget(m_notesList);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorLabel->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; }"));
    m_errorLabel->hide();
    layout->addWidget(m_errorLabel);

    auto *progressRow = new QHBoxLayout;
    m_progressLabel = new QLabel(this);
    m_progressLabel->setObjectName(QStringLiteral("progressLabel"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("exportProgress"));
    progressRow->addWidget(m_progressLabel);
    progressRow->addWidget(m_progress, 1);
    layout->addLayout(progressRow);
    m_progressLabel->hide();
    m_progress->hide();

    layout->addStretch(1);
    m_buttons = new QDialogButtonBox(this);
    m_exportButton = m_buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    m_exportButton->setDefault(true);
    m_cancelButton = m_buttons->addButton(QDialogButtonBox::Cancel);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    layout->addWidget(m_buttons);
    connect(m_exportButton, &QPushButton::clicked, this, &ExportDialog::startExport);
    connect(m_cancelButton, &QPushButton::clicked, this, &ExportDialog::reject);
}

ExportDialog::Format ExportDialog::format() const
{
    return Format(m_formatGroup->checkedId());
}

void ExportDialog::setFormat(Format format)
{
    if (QAbstractButton *button = m_formatGroup->button(int(format)))
        button->setChecked(true);
}

QString ExportDialog::destination() const
{
    return m_destinationEdit->text().trimmed();
}

void ExportDialog::setDestination(const QString &path)
{
    m_destinations.insert(int(format()), path);
    m_destinationEdit->setText(path);
    m_errorLabel->hide();
    refreshButtons();
}

bool ExportDialog::replacesExisting() const
{
    return m_replaceCheck->isChecked();
}

void ExportDialog::setReplacesExisting(bool replace)
{
    m_replaceCheck->setChecked(replace);
}

QString ExportDialog::suggestedFileName(const QString &examTitle, Format format)
{
    QString title = safeFileName(examTitle);
    if (title.isEmpty())
        title = tr("Exam");
    QString name;
    switch (format) {
    //: Part of a suggested file name: "<exam title> - grades.csv"
    case Format::Csv: name = tr("grades"); break;
    case Format::Moodle: name = tr("Moodle"); break;
    case Format::Pronote: name = tr("Pronote"); break;
    case Format::AnnotatedPdfs: return tr("%1 - annotated PDFs").arg(title);
    case Format::Xlsx:
        //: A suggested file name: "<exam title> - grades.xlsx"
        return tr("%1 - grades.xlsx").arg(title);
    }
    //: A suggested file name: exam title, then the format
    return tr("%1 - %2.csv").arg(title, name);
}

void ExportDialog::formatChanged()
{
    const Format current = format();
    const bool pdfs = current == Format::AnnotatedPdfs;
    m_destinationLabel->setText(pdfs ? tr("&Folder:") : tr("&File:"));
    QString path = m_destinations.value(int(current));
    if (path.isEmpty()) {
        const QString folder = m_snapshot.path.isEmpty() ? QDir::homePath() : QFileInfo(m_snapshot.path).absolutePath();
        path = QDir::toNativeSeparators(QDir(folder).filePath(suggestedFileName(m_snapshot.exam.title, current)));
    }
    m_destinationEdit->setText(path);

    m_dialectLabel->setVisible(current == Format::Csv);
    m_dialectCombo->setVisible(current == Format::Csv);
    m_moodleIdLabel->setVisible(current == Format::Moodle);
    m_moodleIdCombo->setVisible(current == Format::Moodle);
    m_feedbackCheck->setVisible(current == Format::Moodle);
    m_mergedCheck->setVisible(pdfs);

    const std::optional<CsvPreset> preset = presetOf(current);
    m_notes = preset ? CsvExporter::notes(*preset, m_report, csvOptions()) : QStringList();
    if (pdfs) {
        QStringList skipped;
        for (const CopyReport &copy : m_report.copies()) {
            if (copy.copy.status == CopyStatus::Failed || copy.gradedQuestions == 0)
                skipped.append(tr("#%1 %2").arg(copy.copy.position).arg(copy.copy.displayName()));
        }
        if (!skipped.isEmpty())
            m_notes.append(tr("No PDF for %n copy(ies) not graded or whose grading failed: %1.", nullptr,
                              int(skipped.size()))
                               .arg(skipped.join(QStringLiteral(", "))));
    }
    const int toReview = int(ReviewGate::items(m_report).size());
    if (toReview > 0)
        m_notes.append(tr("%n copy(ies) need review, failed, or are not graded: you will be asked before writing.",
                           nullptr, toReview));
    m_notesList->clear();
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (const QString &note : std::as_const(m_notes))
        m_notesList->addItem(new QListWidgetItem(warning, note));
    m_notesTitle->setText(pdfs ? tr("Before you send the PDFs:") : tr("Before you import the file:"));
    m_notesTitle->setVisible(!m_notes.isEmpty());
    m_notesList->setVisible(!m_notes.isEmpty());
    m_errorLabel->hide();
    refreshButtons();
}

void ExportDialog::refreshButtons()
{
    m_exportButton->setEnabled(!m_busy && !destination().isEmpty() && !m_snapshot.copies.isEmpty());
    for (QAbstractButton *button : m_formatGroup->buttons())
        button->setEnabled(!m_busy);
    m_destinationEdit->setEnabled(!m_busy);
    m_browseButton->setEnabled(!m_busy);
    m_replaceCheck->setEnabled(!m_busy);
    m_optionsRow->setEnabled(!m_busy);
}

CsvOptions ExportDialog::csvOptions() const
{
    CsvOptions options;
    options.dialect = CsvDialect(m_dialectCombo->currentData().toInt());
    options.moodleIdentifier = MoodleIdentifier(m_moodleIdCombo->currentData().toInt());
    options.moodleFeedback = m_feedbackCheck->isChecked();
    return options;
}

void ExportDialog::setCsvOptions(const CsvOptions &options)
{
    m_dialectCombo->setCurrentIndex(m_dialectCombo->findData(int(options.dialect)));
    m_moodleIdCombo->setCurrentIndex(m_moodleIdCombo->findData(int(options.moodleIdentifier)));
    m_feedbackCheck->setChecked(options.moodleFeedback);
}

bool ExportDialog::writesMergedPdf() const
{
    return m_mergedCheck->isChecked();
}

void ExportDialog::setWritesMergedPdf(bool merged)
{
    m_mergedCheck->setChecked(merged);
}

QStringList ExportDialog::reviewList() const
{
    return ReviewGate::lines(ReviewGate::items(m_report));
}

bool ExportDialog::confirmUnreviewed()
{
    const QStringList lines = reviewList();
    if (lines.isEmpty())
        return true;
    constexpr int shown = 12;
    QStringList listed = lines.mid(0, shown);
    if (lines.size() > shown)
        listed.append(tr("… and %n more.", nullptr, int(lines.size() - shown)));
    const QString text = tr("%n copy(ies) need review, failed, or are not graded:", nullptr, int(lines.size()))
                         + QStringLiteral("\n\n") + listed.join(QLatin1Char('\n'));
    return MessageBox::choose(this, tr("Review before exporting?"), text, tr("Export anyway"), tr("Review first"))
           == QMessageBox::Yes;
}

void ExportDialog::chooseDestination()
{
    const Format current = format();
    QString path;
    if (current == Format::AnnotatedPdfs) {
        path = FileDialog::getExistingDirectory(this, tr("Folder for the annotated PDFs"), destination());
    } else {
        const bool xlsx = current == Format::Xlsx;
        path = FileDialog::getSaveFileName(this, tr("Export the grades"), destination(),
                                           xlsx ? tr("Spreadsheets (*.xlsx);;All files (*)")
                                                : tr("CSV files (*.csv);;All files (*)"),
                                           QFileDialog::DontConfirmOverwrite);
        if (!path.isEmpty() && QFileInfo(path).suffix().isEmpty())
            path += xlsx ? QStringLiteral(".xlsx") : QStringLiteral(".csv");
    }
    if (!path.isEmpty())
        setDestination(QDir::toNativeSeparators(path));
}

void ExportDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_progressLabel->setVisible(busy);
    m_progress->setVisible(busy);
    refreshButtons();
}

void ExportDialog::showError(const QString &message)
{
    m_errorText = message;
    m_errorLabel->setText(message);
    m_errorLabel->setVisible(!message.isEmpty());
}

void ExportDialog::startExport()
{
    if (m_busy || destination().isEmpty())
        return;
    if (!confirmUnreviewed()) {
        reject();
        return;
    }
    m_errorText.clear();
    m_errorLabel->hide();
    m_writtenFiles.clear();
    m_cancel = std::make_shared<std::atomic_bool>(false);
    if (format() == Format::AnnotatedPdfs)
        startPdfs();
    else
        startFile();
}

void ExportDialog::startFile()
{
    const std::optional<CsvPreset> preset = presetOf(format());
    const QString path = QDir::fromNativeSeparators(destination());
    const Status target = ExportFile::checkTarget(path, replacesExisting());
    if (!target) {
        finished(Outcome{{}, false, target.error()});
        return;
    }
    setBusy(true);
    m_progressLabel->setText(tr("Writing %1…").arg(QFileInfo(path).fileName()));
    m_progress->setRange(0, 0);

    auto *watcher = new QFutureWatcher<Outcome>(this);
    m_watcher = watcher;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        if (m_watcher != watcher)
            return;
        m_watcher = nullptr;
        finished(watcher->result());
    });
    const StatusReport report = m_report;
    const bool overwrite = replacesExisting();
    const CsvOptions options = csvOptions();
    watcher->setFuture(QtConcurrent::run(m_workPool, [preset, report, path, overwrite, options] {
        Outcome outcome;
        QByteArray data;
        if (preset) {
            data = CsvExporter::exportReport(*preset, report, options);
        } else {
            const Result<QByteArray> xlsx = XlsxExporter::exportReport(report);
            if (!xlsx) {
                outcome.error = xlsx.error();
                return outcome;
            }
            data = xlsx.value();
        }
        const Status written = ExportFile::write(path, data, overwrite);
        if (written)
            outcome.files.append(QFileInfo(path).absoluteFilePath());
        else
            outcome.error = written.error();
        return outcome;
    }));
}

void ExportDialog::startPdfs()
{
    const QString folder = QDir::fromNativeSeparators(destination());
    if (QFileInfo(folder).exists() && !QFileInfo(folder).isDir()) {
        showError(tr("%1 is a file. Choose the folder where the PDFs should go.").arg(QDir::toNativeSeparators(folder)));
        return;
    }
    if (!m_store) {
        showError(tr("The session is closed: open it again to export its PDFs."));
        return;
    }
    setBusy(true);
    m_pdfTotal = 0;
    for (const CopyReport &copy : m_report.copies())
        m_pdfTotal += copy.copy.status == CopyStatus::Failed || copy.gradedQuestions == 0 ? 0 : 1;
    m_progressLabel->setText(tr("Reading the scans…"));
    m_progress->setRange(0, 0);

    // Each stored PDF once, in the order the copies use them.
    QList<qint64> documentIds;
    for (const Copy &copy : std::as_const(m_snapshot.copies)) {
        for (const PageRef &page : copy.pages) {
            if (!documentIds.contains(page.documentId))
                documentIds.append(page.documentId);
        }
    }
    m_documents.clear();
    m_documentRequests.clear();
    connect(m_store, &SessionStore::documentLoaded, this, &ExportDialog::documentLoaded, Qt::UniqueConnection);
    connect(m_store, &SessionStore::failed, this, &ExportDialog::documentFailed, Qt::UniqueConnection);
    for (const qint64 id : std::as_const(documentIds))
        m_documentRequests.insert(m_store->loadDocument(id));
    if (m_documentRequests.isEmpty())
        writePdfs();
}

void ExportDialog::documentLoaded(quint64 requestId, qint64 documentId, const QByteArray &data)
{
    if (!m_documentRequests.remove(requestId))
        return;
    m_documents.insert(documentId, data);
    if (m_documentRequests.isEmpty()) {
        if (*m_cancel)
            finished(Outcome{{}, true, {}});
        else
            writePdfs();
    }
}

void ExportDialog::documentFailed(quint64 requestId, const Error &error)
{
    if (!m_documentRequests.contains(requestId))
        return;
    m_documentRequests.clear();
    m_documents.clear();
    finished(Outcome{{}, false, error});
}

void ExportDialog::writePdfs()
{
    m_progressLabel->setText(tr("Writing the PDFs…"));
    m_progress->setRange(0, m_pdfTotal);
    m_progress->setValue(0);

    AnnotatedPdfJob job;
    job.exam = m_snapshot.exam;
    job.copies = m_snapshot.copies;
    job.grades = m_snapshot.grades;
    job.comments = m_snapshot.comments;
    if (writesMergedPdf()) {
        QString title = safeFileName(m_snapshot.exam.title);
        if (title.isEmpty())
            title = tr("Exam");
        //: The single PDF of the whole class, in the folder of the annotated PDFs
        job.mergedFile = QDir(QDir::fromNativeSeparators(destination())).filePath(tr("%1 - whole class.pdf").arg(title));
    }
    const QHash<qint64, QByteArray> documents = m_documents;
    m_documents.clear();
    job.loadDocument = [documents](qint64 documentId) -> Result<QByteArray> {
        const auto found = documents.constFind(documentId);
        if (found == documents.cend())
            return Result<QByteArray>::failure(ErrorCode::Internal,
                                               ExportDialog::tr("A scan of this session could not be read."));
        return *found;
    };
    job.directory = QDir::fromNativeSeparators(destination());
    job.overwrite = replacesExisting();

    auto *watcher = new QFutureWatcher<Outcome>(this);
    m_watcher = watcher;
    connect(watcher, &QFutureWatcherBase::progressValueChanged, this, [this, watcher](int done) {
        if (m_watcher == watcher)
            m_progress->setValue(done);
    });
    connect(watcher, &QFutureWatcherBase::progressTextChanged, this, [this, watcher](const QString &fileName) {
        if (m_watcher == watcher && !fileName.isEmpty())
            m_progressLabel->setText(tr("Written: %1").arg(fileName));
    });
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        if (m_watcher != watcher)
            return;
        m_watcher = nullptr;
        finished(watcher->result());
    });
    const std::shared_ptr<std::atomic_bool> cancel = m_cancel;
    watcher->setFuture(QtConcurrent::run(m_workPool, [job, cancel](QPromise<Outcome> &promise) {
        promise.setProgressRange(0, int(job.copies.size()));
        const Result<AnnotatedPdfOutcome> result = AnnotatedPdfExporter::run(
            job,
            [&promise](int done, int, const QString &fileName) {
                promise.setProgressValueAndText(done, QFileInfo(fileName).fileName());
            },
            cancel.get());
        Outcome outcome;
        if (result) {
            outcome.files = result->files;
            outcome.cancelled = result->cancelled;
        } else {
            outcome.error = result.error();
        }
        promise.addResult(outcome);
    }));
}

void ExportDialog::cancelExport()
{
    if (!m_busy || !m_cancel)
        return;
    *m_cancel = true;
    m_progressLabel->setText(tr("Stopping after the PDF being written…"));
    m_cancelButton->setEnabled(false);
}

void ExportDialog::reject()
{
    if (m_busy) {
        cancelExport();
        return;
    }
    QDialog::reject();
}

void ExportDialog::finished(const Outcome &outcome)
{
    setBusy(false);
    m_cancelButton->setEnabled(true);
    m_writtenFiles = outcome.files;
    if (outcome.error.isError()) {
        showError(outcome.error.message);
        Q_EMIT exportFailed(outcome.error.message);
        return;
    }

    const bool pdfs = format() == Format::AnnotatedPdfs;
    QString folder;
    QString text;
    if (pdfs) {
        folder = QDir::toNativeSeparators(QDir(QDir::fromNativeSeparators(destination())).absolutePath());
        text = outcome.cancelled
                   ? tr("Export stopped: %1 of %2 PDFs written to %3.")
                         .arg(outcome.files.size())
                         .arg(m_pdfTotal)
                         .arg(folder)
                   : tr("Wrote %n annotated PDF(s) to %1.", nullptr, int(outcome.files.size())).arg(folder);
    } else {
        const QString file = QDir::toNativeSeparators(outcome.files.value(0));
        folder = QDir::toNativeSeparators(QFileInfo(outcome.files.value(0)).absolutePath());
        text = tr("Wrote %1 (%n copy(ies)).", nullptr, int(m_report.copies().size())).arg(file);
    }
    Q_EMIT exportFinished(outcome.files, outcome.cancelled);

    const QMessageBox::StandardButton answer =
        MessageBox::question(this, outcome.cancelled ? tr("Export stopped") : tr("Export finished"),
                             tr("%1\n\nOpen the folder?").arg(text), QMessageBox::Open | QMessageBox::Close,
                             QMessageBox::Close);
    if (answer == QMessageBox::Open)
        QDesktopServices::openUrl(QUrl::fromLocalFile(QDir::fromNativeSeparators(folder)));
    if (!outcome.cancelled)
        accept();
}

} // namespace Corrige::Ui
