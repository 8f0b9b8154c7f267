#include "core/domain/exam.h"
#include "core/export/csvexporter.h"
#include "core/export/statusreport.h"
#include "core/session/sessiondatabase.h"
#include "core/session/sessionstore.h"
#include "core/settings/appsettings.h"
#include "core/workflow/sessionimport.h"
#include "ui/dialogs/exportdialog.h"
#include "ui/dialogs/filedialog.h"
#include "ui/dialogs/messagebox.h"
#include "ui/mainwindow.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPdfDocument>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThreadPool>
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

QList<Core::QuestionGrade> graded(qint64 copyId, const Core::Question &question, double score)
{
    QList<Core::QuestionGrade> grades;
    for (const Core::GradeSource source : {Core::GradeSource::ModelA, Core::GradeSource::Final}) {
        Core::QuestionGrade grade;
        grade.copyId = copyId;
        grade.questionId = question.id;
        grade.source = source;
        grade.score = score;
        grade.maxPoints = question.maxPoints;
        grade.justification = QStringLiteral("Checked against the rubric.");
        grade.model = QStringLiteral("fake/model");
        grades.append(grade);
    }
    return grades;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TstExportDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void destination_isSuggestedFromTheExamTitle();
    void csv_writesTheTeachersGrade();
    void moodle_showsNotesForCopiesWithoutEmail();
    void pdfs_oneReadablePdfPerCopy();
    void existingFiles_areRefusedUnlessReplacing();
    void mainWindow_exportActionNeedsASession();

private:
    std::unique_ptr<Ui::ExportDialog> newDialog();
    void exportAndWait(Ui::ExportDialog &dialog);

    QTemporaryDir m_dir;
    QThreadPool m_pool;
    QString m_sessionPath;
    std::unique_ptr<Core::SessionStore> m_store;
    Core::SessionSnapshot m_snapshot;
};

void TstExportDialog::initTestCase()
{
    installEnglishCatalogue(this);
    QStandardPaths::setTestModeEnabled(true);
    qputenv("CORRIGE_NO_KEYCHAIN", "1");
    m_pool.setMaxThreadCount(2);
    QVERIFY(m_dir.isValid());

    QFile examFile(QStringLiteral(":/demo/exam.json"));
    QVERIFY(examFile.open(QIODevice::ReadOnly));
    const Core::Result<Core::Exam> exam = Core::Exam::fromJson(examFile.readAll(), examFile.fileName());
    QVERIFY2(exam, qPrintable(exam.errorString()));

    m_sessionPath = m_dir.filePath(QStringLiteral("export.corrige"));
    {
        auto created = Core::SessionDatabase::create(m_sessionPath, *exam);
        QVERIFY2(created, qPrintable(created.errorString()));
        Core::SessionDatabase &db = *created.value();
        Core::ImportRequest request;
        request.pdfPaths = {dataDir + QStringLiteral("/scans/zesje_demo_submissions_5students_20pages.pdf")};
        request.pagesPerCopy = 4;
        const Core::Result<Core::ImportOutcome> imported = Core::SessionImport::run(db, request);
        QVERIFY2(imported, qPrintable(imported.errorString()));
        QCOMPARE(imported->copyIds.size(), 5);

        // Four copies graded by the model (every question half right), the fifth not graded yet.
        for (int i = 0; i < 4; ++i) {
            const qint64 copyId = imported->copyIds.at(i);
            QList<Core::QuestionGrade> grades;
            for (const Core::Question &question : exam->questions)
                grades += graded(copyId, question, question.maxPoints / 2);
            QVERIFY(db.saveCopyResult(copyId, grades, Core::CopyStatus::Graded, {}));
        }
        // The teacher gives the first copy's last question 3.75 out of 4 (the model gave 2).
        QVERIFY(db.setStudent(imported->copyIds.at(0), QStringLiteral("Ada Lovelace"), QStringLiteral("S-001"), {}));
        QVERIFY(db.setTeacherGrade(imported->copyIds.at(0), QStringLiteral("q5"), 3.75));
    }

    m_store = std::make_unique<Core::SessionStore>();
    QSignalSpy opened(m_store.get(), &Core::SessionStore::opened);
    m_store->open(m_sessionPath);
    // The spy records from the storage thread, perhaps before a wait() would start: count instead.
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 30000);
    m_snapshot = opened.constFirst().at(1).value<Core::SessionSnapshot>();
    QCOMPARE(m_snapshot.copies.size(), 5);
}

void TstExportDialog::cleanupTestCase()
{
    m_store.reset();
    m_pool.waitForDone();
}

std::unique_ptr<Ui::ExportDialog> TstExportDialog::newDialog()
{
    auto dialog = std::make_unique<Ui::ExportDialog>(&m_pool, m_store.get(), m_snapshot);
    dialog->show();
    return dialog;
}

void TstExportDialog::exportAndWait(Ui::ExportDialog &dialog)
{
    QSignalSpy finished(&dialog, &Ui::ExportDialog::exportFinished);
    QSignalSpy failed(&dialog, &Ui::ExportDialog::exportFailed);
    // "Export anyway" at the review gate, then close the "finished" message.
    Ui::MessageBox::setNextAnswers({QMessageBox::Yes, QMessageBox::Close});
    QPushButton *exportButton = child<QPushButton>(&dialog, "exportButton");
    QVERIFY(exportButton && exportButton->isEnabled());
    QTest::mouseClick(exportButton, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() + failed.size() > 0, 120000);
    QVERIFY(!dialog.isBusy());
}

void TstExportDialog::destination_isSuggestedFromTheExamTitle()
{
    auto dialog = newDialog();
    QCOMPARE(dialog->format(), Ui::ExportDialog::Format::Xlsx);
    const QString expected = QFileInfo(m_sessionPath).absoluteDir().filePath(
        QStringLiteral("Zesje test exam (TI-1337) - grades.xlsx"));
    QCOMPARE(QDir::fromNativeSeparators(dialog->destination()), expected);
    QTest::mouseClick(child<QRadioButton>(dialog.get(), "pronoteRadio"), Qt::LeftButton);
    QVERIFY(dialog->destination().endsWith(QStringLiteral("Zesje test exam (TI-1337) - Pronote.csv")));
    QCOMPARE(Ui::ExportDialog::suggestedFileName(QStringLiteral("Maths: test 3/4"), Ui::ExportDialog::Format::Moodle),
             QStringLiteral("Maths test 3 4 - Moodle.csv"));
    // The PDFs go into a folder.
    QTest::mouseClick(child<QRadioButton>(dialog.get(), "pdfRadio"), Qt::LeftButton);
    QVERIFY(dialog->destination().endsWith(QStringLiteral("Zesje test exam (TI-1337) - annotated PDFs")));
}

void TstExportDialog::csv_writesTheTeachersGrade()
{
    auto dialog = newDialog();
    QTest::mouseClick(child<QRadioButton>(dialog.get(), "csvRadio"), Qt::LeftButton, {}, QPoint(8, 8)); // on its indicator
    const QString path = m_dir.filePath(QStringLiteral("grades.csv"));
    Ui::FileDialog::setNextFileName(path);
    QTest::mouseClick(child<QPushButton>(dialog.get(), "browseButton"), Qt::LeftButton);
    QCOMPARE(QDir::fromNativeSeparators(dialog->destination()), path);

    QSignalSpy finished(dialog.get(), &Ui::ExportDialog::exportFinished);
    exportAndWait(*dialog);
    QCOMPARE(finished.size(), 1);
    QVERIFY2(dialog->errorText().isEmpty(), qPrintable(dialog->errorText()));
    QCOMPARE(dialog->writtenFiles(), QStringList{QFileInfo(path).absoluteFilePath()});
    QVERIFY(Ui::MessageBox::lastText().contains(QDir::toNativeSeparators(path)));
    QVERIFY(dialog->result() == QDialog::Accepted);

    const QByteArray csv = readAll(path);
    QCOMPARE(dialog->csvOptions().dialect, Core::CsvDialect::Rfc4180); // the English default
    QCOMPARE(csv, Core::CsvExporter::exportReport(Core::CsvPreset::Plain,
                                                  Core::StatusReport::build(m_snapshot.exam, m_snapshot.copies,
                                                                            m_snapshot.grades),
                                                  dialog->csvOptions()));
    // Ada's row: 0.5 on each of the four 1-point questions, the teacher's 3.75 on q5, total 5.75.
    QByteArray adaRow;
    for (const QByteArray &line : csv.split('\n')) {
        if (line.contains("Ada Lovelace"))
            adaRow = line.trimmed();
    }
    QVERIFY2(!adaRow.isEmpty(), csv.constData());
    QVERIFY2(adaRow.contains(",3.75,"), adaRow.constData());
    QVERIFY2(adaRow.contains(",5.75,"), adaRow.constData());
}

void TstExportDialog::moodle_showsNotesForCopiesWithoutEmail()
{
    auto dialog = newDialog();
    QListWidget *notes = child<QListWidget>(dialog.get(), "notesList");
    QTest::mouseClick(child<QRadioButton>(dialog.get(), "moodleRadio"), Qt::LeftButton);
    QCOMPARE(dialog->format(), Ui::ExportDialog::Format::Moodle);
    // No copy has an email and one has an ID number: the dialog maps on the ID number.
    QCOMPARE(dialog->csvOptions().moodleIdentifier, Core::MoodleIdentifier::IdNumber);
    const QStringList expected = Core::CsvExporter::notes(
        Core::CsvPreset::Moodle, Core::StatusReport::build(m_snapshot.exam, m_snapshot.copies, m_snapshot.grades),
        dialog->csvOptions());
    QVERIFY(!expected.isEmpty());
    QCOMPARE(dialog->notes().mid(0, expected.size()), expected);
    QVERIFY(dialog->notes().constLast().contains(QStringLiteral("review")));
    QVERIFY(notes->isVisible());
    QCOMPARE(notes->count(), expected.size() + 1);
    bool namesTheLeftOut = false;
    for (int i = 0; i < notes->count(); ++i)
        namesTheLeftOut = namesTheLeftOut || notes->item(i)->text().contains(QStringLiteral("#5"));
    QVERIFY(namesTheLeftOut);
    // The identifier chosen in the dialog is the one written.
    QComboBox *identifier = child<QComboBox>(dialog.get(), "moodleIdCombo");
    QVERIFY(identifier->isVisible());
    identifier->setCurrentIndex(identifier->findData(int(Core::MoodleIdentifier::Email)));
    QCOMPARE(dialog->csvOptions().moodleIdentifier, Core::MoodleIdentifier::Email);
    const QString moodlePath = m_dir.filePath(QStringLiteral("moodle-email.csv"));
    dialog->setDestination(moodlePath);
    exportAndWait(*dialog);
    QVERIFY(readAll(moodlePath).startsWith("Email address,"));
    dialog = newDialog();
    QTest::mouseClick(child<QRadioButton>(dialog.get(), "moodleRadio"), Qt::LeftButton);
    dialog->setDestination(QStringLiteral("/home/teacher/Documents/Zesje test exam (TI-1337) - Moodle.csv"));
    dialog->resize(760, dialog->sizeHint().height());
    saveScreenshotIfAsked(dialog.get(), QStringLiteral("export"));

    // The plain spreadsheet keeps every copy: its notes differ.
    QTest::mouseClick(child<QRadioButton>(dialog.get(), "csvRadio"), Qt::LeftButton, {}, QPoint(8, 8)); // on its indicator
    QCOMPARE(dialog->notes().mid(0, dialog->notes().size() - 1),
             Core::CsvExporter::notes(Core::CsvPreset::Plain,
                                      Core::StatusReport::build(m_snapshot.exam, m_snapshot.copies, m_snapshot.grades),
                                      dialog->csvOptions()));
    QVERIFY(dialog->notes() != expected);
}

void TstExportDialog::pdfs_oneReadablePdfPerCopy()
{
    auto dialog = newDialog();
    QTest::mouseClick(child<QRadioButton>(dialog.get(), "pdfRadio"), Qt::LeftButton);
    const QString folder = m_dir.filePath(QStringLiteral("pdfs"));
    Ui::FileDialog::setNextFileName(folder);
    QTest::mouseClick(child<QPushButton>(dialog.get(), "browseButton"), Qt::LeftButton);
    QCOMPARE(QDir::fromNativeSeparators(dialog->destination()), folder);

    QSignalSpy finished(dialog.get(), &Ui::ExportDialog::exportFinished);
    QSignalSpy progress(child<QProgressBar>(dialog.get(), "exportProgress"), &QProgressBar::valueChanged);
    exportAndWait(*dialog);
    QVERIFY2(dialog->errorText().isEmpty(), qPrintable(dialog->errorText()));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.constFirst().at(1).toBool(), false);
    QVERIFY(!progress.isEmpty());
    // The fifth copy is not graded: it gets no PDF. (Progress updates may be coalesced: the last one seen is
    // at most the number of PDFs.)
    QVERIFY(progress.constLast().at(0).toInt() <= 4);

    const QStringList files = QDir(folder).entryList({QStringLiteral("*.pdf")}, QDir::Files, QDir::Name);
    QCOMPARE(files.size(), 4);
    QCOMPARE(dialog->writtenFiles().size(), 4);
    QVERIFY(files.constFirst().contains(QStringLiteral("Ada Lovelace")));
    for (const QString &name : files) {
        QPdfDocument pdf;
        QCOMPARE(pdf.load(QDir(folder).filePath(name)), QPdfDocument::Error::None);
        // A summary page, then the copy's four scanned pages.
        QVERIFY2(pdf.pageCount() >= 5, qPrintable(name));
    }
    QVERIFY(Ui::MessageBox::lastText().contains(QDir::toNativeSeparators(folder)));
}

void TstExportDialog::existingFiles_areRefusedUnlessReplacing()
{
    // A spreadsheet over an existing file.
    const QString path = m_dir.filePath(QStringLiteral("keep.csv"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("teacher's own file\n");
    }
    auto dialog = newDialog();
    dialog->setFormat(Ui::ExportDialog::Format::Csv);
    dialog->setDestination(path);
    QVERIFY(!child<QCheckBox>(dialog.get(), "replaceCheck")->isChecked());
    QSignalSpy failed(dialog.get(), &Ui::ExportDialog::exportFailed);
    exportAndWait(*dialog);
    QCOMPARE(failed.size(), 1);
    QVERIFY2(dialog->errorText().contains(path), qPrintable(dialog->errorText()));
    QVERIFY(child<QLabel>(dialog.get(), "errorLabel")->isVisible());
    QVERIFY(dialog->isVisible());
    QCOMPARE(readAll(path), QByteArray("teacher's own file\n"));

    child<QCheckBox>(dialog.get(), "replaceCheck")->setChecked(true);
    exportAndWait(*dialog);
    QVERIFY2(dialog->errorText().isEmpty(), qPrintable(dialog->errorText()));
    QCOMPARE(readAll(path), Core::CsvExporter::exportReport(Core::CsvPreset::Plain,
                                                            Core::StatusReport::build(m_snapshot.exam,
                                                                                      m_snapshot.copies,
                                                                                      m_snapshot.grades),
                                                            dialog->csvOptions()));

    // "Review first" closes the dialog and writes nothing.
    const QString untouched = m_dir.filePath(QStringLiteral("review-first.csv"));
    auto gated = newDialog();
    gated->setDestination(untouched);
    QVERIFY(gated->reviewList().constFirst().contains(QStringLiteral("#5")));
    Ui::MessageBox::setNextAnswers({QMessageBox::No});
    QTest::mouseClick(child<QPushButton>(gated.get(), "exportButton"), Qt::LeftButton);
    QVERIFY(Ui::MessageBox::lastText().contains(QStringLiteral("#5")));
    QCOMPARE(gated->result(), int(QDialog::Rejected));
    QVERIFY(!gated->isVisible());
    QVERIFY(!QFile::exists(untouched));

    // PDFs over the ones of an earlier export: nothing is written.
    const QString folder = m_dir.filePath(QStringLiteral("pdfs-again"));
    QVERIFY(QDir().mkpath(folder));
    const QString existing = QDir(folder).filePath(QStringLiteral("1 - Ada Lovelace.pdf"));
    {
        QFile file(existing);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a pdf");
    }
    auto pdfDialog = newDialog();
    pdfDialog->setFormat(Ui::ExportDialog::Format::AnnotatedPdfs);
    pdfDialog->setDestination(folder);
    QSignalSpy pdfFailed(pdfDialog.get(), &Ui::ExportDialog::exportFailed);
    exportAndWait(*pdfDialog);
    QCOMPARE(pdfFailed.size(), 1);
    QVERIFY2(pdfDialog->errorText().contains(QStringLiteral("Ada Lovelace.pdf")), qPrintable(pdfDialog->errorText()));
    QCOMPARE(QDir(folder).entryList(QDir::Files), QStringList{QStringLiteral("1 - Ada Lovelace.pdf")});
    QCOMPARE(readAll(existing), QByteArray("not a pdf"));
}

void TstExportDialog::mainWindow_exportActionNeedsASession()
{
    QSettings qsettings(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    Core::AppSettings settings(&qsettings);
    Ui::MainWindow window(&m_pool, &settings);
    window.show();
    QAction *exportAction = child<QAction>(&window, "exportAction");
    QVERIFY(exportAction);
    QCOMPARE(exportAction->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_E));
    QVERIFY(!exportAction->isEnabled());

    QSignalSpy opened(&window, &Ui::MainWindow::snapshotShown);
    window.openSession(m_sessionPath);
    QVERIFY(opened.wait(30000));
    QVERIFY(exportAction->isEnabled());
    exportAction->trigger();
    Ui::ExportDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<Ui::ExportDialog *>()) && dialog->isVisible());
    QCOMPARE(dialog->format(), Ui::ExportDialog::Format::Xlsx);
    QVERIFY(dialog->notes().constLast().contains(QStringLiteral("review")));
    dialog->reject();
}

QTEST_MAIN(TstExportDialog)
#include "tst_exportdialog.moc"
