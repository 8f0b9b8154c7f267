#include "core/secrets/secretstore.h"
#include "core/session/sessiondatabase.h"
#include "core/session/sessionstore.h"
#include "core/workflow/sessionimport.h"
#include "core/settings/appsettings.h"
#include "tests/support/fakellmserver.h"
#include "ui/dialogs/filedialog.h"
#include "ui/dialogs/messagebox.h"
#include "ui/dialogs/newsessiondialog.h"

#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QToolButton>
#include <QtTest>

#include "screenshot.h"

using namespace Corrige;

namespace {

const QString dataDir = QStringLiteral(CORRIGE_TEST_DATA_DIR);
const QString demoDir = QStringLiteral(CORRIGE_DEMO_DIR);
const QString scansName = QStringLiteral("zesje_demo_submissions_5students_20pages.pdf");

QString scansPath()
{
    return dataDir + QStringLiteral("/scans/") + scansName;
}

QString blankExamPath()
{
    return dataDir + QStringLiteral("/scans/zesje_demo_blank_exam_source.pdf");
}

// The fake model A's reading of the blank exam: a duplicated id, a question without printed points.
QJsonObject draftAnswer(const QJsonObject &, const QString &, const QString &)
{
    const auto question = [](const char *id, const char *label, const char *text, double points, QJsonArray pages) {
        return QJsonObject{{QStringLiteral("id"), QLatin1String(id)},
                           {QStringLiteral("label"), QLatin1String(label)},
                           {QStringLiteral("text"), QLatin1String(text)},
                           {QStringLiteral("points"), points},
                           {QStringLiteral("pages"), pages}};
    };
    return QJsonObject{
        {QStringLiteral("title"), QStringLiteral("Zesje demo exam")},
        {QStringLiteral("language"), QStringLiteral("en-US")},
        {QStringLiteral("questions"),
         QJsonArray{question("q1", "Question 1", "What is the capital of the Netherlands?", 1, {2}),
                    question("q1", "", "Explain why the sky is blue.", 0, {2, 3}),
                    question("q3", "Question 3", "Sketch the graph of y = x^2.", 4, {3})}}};
}

int inlineImageCount(const QByteArray &body)
{
    int count = 0;
    for (const QJsonValue &content : QJsonDocument::fromJson(body).object().value(QStringLiteral("contents")).toArray()) {
        for (const QJsonValue &part : content.toObject().value(QStringLiteral("parts")).toArray())
            count += part.toObject().contains(QStringLiteral("inlineData")) ? 1 : 0;
    }
    return count;
}

QString protectedPath()
{
    return dataDir + QStringLiteral("/bad_pdfs/pypdf_r4_aes128_user_password_asdfzxcv.pdf");
}

template<typename T>
T *child(QWidget *parent, const char *name)
{
    T *widget = parent->findChild<T *>(QLatin1String(name));
    if (!widget)
        qWarning("No %s", name);
    return widget;
}

} // namespace

class TstNewSessionDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void startsWithWhatIsMissing();
    void loadExamJson_fillsTitleLanguageAndQuestions();
    void loadExamJson_withErrors_namesTheFile();
    void questions_addRemoveAndReorder();
    void scans_fourPagesPerCopy_previewFiveCopiesWithThumbnails();
    void scans_wrongSplit_showsTheErrorAndDisablesCreate();
    void roster_namesTheCopies_andAWrongCountIsExplained();
    void notAPdf_isNamedWithTheFix();
    void protectedPdf_asksForThePassword();
    void protectedPdf_wrongPassword_canBeRetried();
    void create_writesTheSessionWithFiveCopies();
    void create_neverReplacesAnExistingFile();
    void create_whenAScanVanished_leavesNoFileBehind();
    void addScans_alreadyImported_asksFirst();
    void draft_fillsTheQuestionsFromTheBlankExam();
    void draft_asksBeforeReplacingQuestions();
    void draft_withoutKey_namesTheVariable();
    void draft_notAPdf_isNamed();

private:
    void fillDemo(Ui::NewSessionDialog &dialog, int pagesPerCopy = 4);
    // Model A is the fake Gemini server; its key comes from GEMINI_API_KEY.
    void setUpModel(Ui::NewSessionDialog &dialog);

    std::unique_ptr<Test::FakeLlmServer> m_server;
    std::unique_ptr<QSettings> m_ini;
    std::unique_ptr<Core::AppSettings> m_settings;
    std::unique_ptr<Core::SecretStore> m_secrets;

    QThreadPool m_pool;
    QTemporaryDir m_dir;
};

void TstNewSessionDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_pool.setMaxThreadCount(2);
    QVERIFY(m_dir.isValid());
    QVERIFY(QFileInfo::exists(scansPath()));
    QVERIFY(QFileInfo::exists(demoDir + QStringLiteral("/exam.json")));
}

void TstNewSessionDialog::fillDemo(Ui::NewSessionDialog &dialog, int pagesPerCopy)
{
    Ui::FileDialog::setNextFileName(demoDir + QStringLiteral("/exam.json"));
    QTest::mouseClick(child<QPushButton>(&dialog, "loadExamButton"), Qt::LeftButton);
    Ui::FileDialog::setNextFileNames({scansPath()});
    QTest::mouseClick(child<QPushButton>(&dialog, "addPdfsButton"), Qt::LeftButton);
    if (pagesPerCopy > 0) {
        child<QRadioButton>(&dialog, "splitPagesRadio")->setChecked(true);
        child<QSpinBox>(&dialog, "pagesPerCopySpin")->setValue(pagesPerCopy);
    }
}

void TstNewSessionDialog::startsWithWhatIsMissing()
{
    Ui::NewSessionDialog dialog(&m_pool);
    dialog.show();
    auto *create = child<QPushButton>(&dialog, "createButton");
    QVERIFY(create);
    QVERIFY(!create->isEnabled());
    const QString problems = child<QLabel>(&dialog, "problemLabel")->text();
    QVERIFY2(problems.contains(QStringLiteral("title")), qPrintable(problems));
    QVERIFY2(problems.contains(QStringLiteral("PDF")), qPrintable(problems));
}

void TstNewSessionDialog::loadExamJson_fillsTitleLanguageAndQuestions()
{
    Ui::NewSessionDialog dialog(&m_pool);
    dialog.show();
    Ui::FileDialog::setNextFileName(demoDir + QStringLiteral("/exam.json"));
    QTest::mouseClick(child<QPushButton>(&dialog, "loadExamButton"), Qt::LeftButton);

    QCOMPARE(child<QLineEdit>(&dialog, "examTitleEdit")->text(), QStringLiteral("Zesje test exam (TI-1337)"));
    QCOMPARE(child<QComboBox>(&dialog, "examLanguageCombo")->currentData().toString(), QStringLiteral("en"));
    auto *table = child<QTableWidget>(&dialog, "questionTable");
    QCOMPARE(table->rowCount(), 5);
    QCOMPARE(table->item(4, 0)->text(), QStringLiteral("q5"));
    QCOMPARE(table->item(4, 3)->data(Qt::EditRole).toDouble(), 4.0);

    // The exam's rubrics and answer pages come along, and edits apply.
    table->item(0, 1)->setText(QStringLiteral("MCQ 1"));
    const Core::Exam exam = dialog.exam();
    QCOMPARE(exam.questions.size(), 5);
    QCOMPARE(exam.questions.at(0).label, QStringLiteral("MCQ 1"));
    QVERIFY(exam.questions.at(0).rubric.has_value());
    QCOMPARE(exam.questions.at(0).pages, QList<int>{2});
    QCOMPARE(exam.maxTotal(), 8.0);
    QCOMPARE(child<QLabel>(&dialog, "maxTotalLabel")->text(), QStringLiteral("Maximum total: 8"));
}

void TstNewSessionDialog::loadExamJson_withErrors_namesTheFile()
{
    const QString path = m_dir.filePath(QStringLiteral("broken-exam.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"title": "T", "questions": [{"id": "q1", "maxPoints": "lots"}]})");
    file.close();

    Ui::NewSessionDialog dialog(&m_pool);
    dialog.show();
    QVERIFY(!dialog.loadExamFile(path));
    const QString problems = child<QLabel>(&dialog, "problemLabel")->text();
    QVERIFY2(problems.contains(QStringLiteral("broken-exam.json")), qPrintable(problems));
    QCOMPARE(child<QTableWidget>(&dialog, "questionTable")->rowCount(), 0);

    QVERIFY(!dialog.loadExamFile(m_dir.filePath(QStringLiteral("missing.json"))));
    QVERIFY(child<QLabel>(&dialog, "problemLabel")->text().contains(QStringLiteral("missing.json")));
}

void TstNewSessionDialog::questions_addRemoveAndReorder()
{
    Ui::NewSessionDialog dialog(&m_pool);
    dialog.show();
    auto *table = child<QTableWidget>(&dialog, "questionTable");
    auto *add = child<QPushButton>(&dialog, "addQuestionButton");
    QTest::mouseClick(add, Qt::LeftButton);
    QTest::mouseClick(add, Qt::LeftButton);
    QTest::mouseClick(add, Qt::LeftButton);
    QCOMPARE(table->rowCount(), 3);
    QCOMPARE(dialog.exam().questions.at(2).id, QStringLiteral("q3"));

    table->selectRow(2);
    QTest::mouseClick(child<QToolButton>(&dialog, "moveQuestionUpButton"), Qt::LeftButton);
    QCOMPARE(dialog.exam().questions.at(1).id, QStringLiteral("q3"));
    QCOMPARE(table->currentRow(), 1);
    QTest::mouseClick(child<QPushButton>(&dialog, "removeQuestionButton"), Qt::LeftButton);
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(dialog.exam().questions.at(1).id, QStringLiteral("q2"));

    // Two questions with one id are refused, with the id named.
    table->item(1, 0)->setText(QStringLiteral("q1"));
    QVERIFY(dialog.problems().join(QLatin1Char('\n')).contains(QStringLiteral("“q1”")));
    table->item(1, 0)->setText(QStringLiteral("q2"));
    QVERIFY(!dialog.problems().join(QLatin1Char('\n')).contains(QStringLiteral("“q1”")));
}

void TstNewSessionDialog::scans_fourPagesPerCopy_previewFiveCopiesWithThumbnails()
{
    Ui::NewSessionDialog dialog(&m_pool);
    dialog.resize(1280, 800);
    dialog.show();
    fillDemo(dialog);
    QTRY_COMPARE_WITH_TIMEOUT(dialog.previewCopyCount(), 5, 20000);
    auto *preview = child<QListWidget>(&dialog, "copyPreview");
    QCOMPARE(preview->count(), 5);
    QVERIFY(preview->item(0)->toolTip().contains(scansName));
    QVERIFY(preview->item(4)->toolTip().contains(QStringLiteral("17–20")));
    QTRY_COMPARE_WITH_TIMEOUT(dialog.thumbnailCount(), 5, 30000);
    QVERIFY(!preview->item(2)->icon().isNull());
    QTRY_VERIFY(child<QPushButton>(&dialog, "createButton")->isEnabled());
    QCOMPARE(child<QListWidget>(&dialog, "pdfList")->item(0)->text(), scansName + QStringLiteral(" — pages: 20"));

    const Core::ImportRequest request = dialog.importRequest();
    QCOMPARE(request.pdfPaths, QStringList{QFileInfo(scansPath()).absoluteFilePath()});
    QCOMPARE(request.pagesPerCopy, 4);

    dialog.setRosterPath(dataDir + QStringLiteral("/scans/zesje_demo_students.csv"));
    QTRY_VERIFY(preview->count() == 5 && preview->item(0)->text().contains(QStringLiteral("Bob the Builder")));
    QTRY_COMPARE(dialog.thumbnailCount(), 5);
    QTest::qWait(100);
    saveScreenshotIfAsked(&dialog, QStringLiteral("new-session"));
}

void TstNewSessionDialog::scans_wrongSplit_showsTheErrorAndDisablesCreate()
{
    Ui::NewSessionDialog dialog(&m_pool);
    dialog.show();
    fillDemo(dialog, 3);
    auto *create = child<QPushButton>(&dialog, "createButton");
    auto *problems = child<QLabel>(&dialog, "problemLabel");
    QTRY_VERIFY_WITH_TIMEOUT(problems->text().contains(scansName), 20000);
    QVERIFY(!create->isEnabled());
    QCOMPARE(dialog.previewCopyCount(), 0);
    QVERIFY(!dialog.isReady());
    QVERIFY2(problems->text().contains(QStringLiteral("has 20 pages, which cannot be cut into copies of 3 pages")),
             qPrintable(problems->text()));
    QVERIFY(problems->text().contains(QStringLiteral("(1, 2, 4, 5, 10, 20)")));

    // The fix the message names works.
    child<QSpinBox>(&dialog, "pagesPerCopySpin")->setValue(4);
    QTRY_VERIFY(create->isEnabled());
    QVERIFY(!problems->text().contains(scansName));
    QCOMPARE(dialog.previewCopyCount(), 5);

    // One PDF per copy gives one copy of 20 pages.
    child<QRadioButton>(&dialog, "onePdfPerCopyRadio")->setChecked(true);
    QTRY_COMPARE(dialog.previewCopyCount(), 1);
}

void TstNewSessionDialog::roster_namesTheCopies_andAWrongCountIsExplained()
{
    const QString path = m_dir.filePath(QStringLiteral("three.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("name\nAda\nBen\nChloe\n");
    file.close();

    Ui::NewSessionDialog dialog(&m_pool);
    dialog.show();
    fillDemo(dialog);
    dialog.setRosterPath(path);
    // The message names both counts and the fix.
    auto *problems = child<QLabel>(&dialog, "problemLabel");
    QTRY_VERIFY_WITH_TIMEOUT(problems->text().contains(QStringLiteral("three.csv has 3 names but the scans make 5")),
                             20000);
    QCOMPARE(dialog.previewCopyCount(), 0);
    QVERIFY(!child<QPushButton>(&dialog, "createButton")->isEnabled());

    QTest::mouseClick(child<QToolButton>(&dialog, "clearRosterButton"), Qt::LeftButton);
    QTRY_COMPARE(dialog.previewCopyCount(), 5);
    QVERIFY(dialog.importRequest().rosterPath.isEmpty());
}

void TstNewSessionDialog::notAPdf_isNamedWithTheFix()
{
    Ui::NewSessionDialog dialog(&m_pool);
    dialog.show();
    Ui::FileDialog::setNextFileName(demoDir + QStringLiteral("/exam.json"));
    QTest::mouseClick(child<QPushButton>(&dialog, "loadExamButton"), Qt::LeftButton);
    dialog.addPdfs({dataDir + QStringLiteral("/bad_pdfs/qpdf_bad1_not_a_pdf.pdf"), scansPath()});
    auto *problems = child<QLabel>(&dialog, "problemLabel");
    QTRY_VERIFY_WITH_TIMEOUT(problems->text().contains(QStringLiteral("qpdf_bad1_not_a_pdf.pdf")), 20000);
    QVERIFY(!child<QPushButton>(&dialog, "createButton")->isEnabled());
    QVERIFY(child<QListWidget>(&dialog, "pdfList")->item(0)->toolTip().contains(QStringLiteral("qpdf_bad1")));

    // Removing the bad file is the fix.
    child<QListWidget>(&dialog, "pdfList")->setCurrentRow(0);
    QTest::mouseClick(child<QPushButton>(&dialog, "removePdfButton"), Qt::LeftButton);
    QTRY_COMPARE(dialog.previewCopyCount(), 1);
    QVERIFY(child<QPushButton>(&dialog, "createButton")->isEnabled());
}

void TstNewSessionDialog::protectedPdf_asksForThePassword()
{
    Ui::NewSessionDialog dialog(&m_pool);
    dialog.show();
    Ui::NewSessionDialog::setNextPassword(QStringLiteral("asdfzxcv"));
    dialog.addPdfs({protectedPath()});
    QTRY_COMPARE_WITH_TIMEOUT(dialog.previewCopyCount(), 1, 20000);
    QCOMPARE(dialog.importRequest().password, QStringLiteral("asdfzxcv"));
    QVERIFY(!child<QPushButton>(&dialog, "passwordButton")->isVisible());
}

void TstNewSessionDialog::protectedPdf_wrongPassword_canBeRetried()
{
    Ui::NewSessionDialog dialog(&m_pool);
    dialog.show();
    Ui::NewSessionDialog::setNextPassword(QStringLiteral("not-it"));
    dialog.addPdfs({protectedPath()});
    auto *problems = child<QLabel>(&dialog, "problemLabel");
    QTRY_VERIFY_WITH_TIMEOUT(problems->text().contains(QStringLiteral("pypdf_r4_aes128")), 20000);
    auto *passwordButton = child<QPushButton>(&dialog, "passwordButton");
    QVERIFY(passwordButton->isVisible());
    QCOMPARE(dialog.previewCopyCount(), 0);

    Ui::NewSessionDialog::setNextPassword(QStringLiteral("asdfzxcv"));
    QTest::mouseClick(passwordButton, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(dialog.previewCopyCount(), 1, 20000);
    QVERIFY(!problems->text().contains(QStringLiteral("pypdf_r4_aes128")));
}

void TstNewSessionDialog::create_writesTheSessionWithFiveCopies()
{
    const QString path = m_dir.filePath(QStringLiteral("new-class.corrige"));
    Ui::NewSessionDialog dialog(&m_pool);
    dialog.show();
    fillDemo(dialog);
    dialog.setRosterPath(dataDir + QStringLiteral("/scans/zesje_demo_students.csv"));
    auto *create = child<QPushButton>(&dialog, "createButton");
    QTRY_VERIFY_WITH_TIMEOUT(create->isEnabled(), 20000);

    QSignalSpy created(&dialog, &Ui::NewSessionDialog::sessionCreated);
    Ui::FileDialog::setNextFileName(m_dir.filePath(QStringLiteral("new-class")));
    QTest::mouseClick(create, Qt::LeftButton);
    QVERIFY(created.wait(30000));
    QCOMPARE(created.constFirst().constFirst().toString(), path);
    QCOMPARE(dialog.sessionPath(), path);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    Core::Result<std::unique_ptr<Core::SessionDatabase>> session = Core::SessionDatabase::open(path);
    QVERIFY2(session, qPrintable(session.errorString()));
    const QList<Core::Copy> copies = session.value()->copies();
    QCOMPARE(copies.size(), 5);
    QCOMPARE(copies.at(0).pages.size(), 4);
    QCOMPARE(copies.at(0).studentName, QStringLiteral("Bob the Builder"));
    QCOMPARE(session.value()->exam().title, QStringLiteral("Zesje test exam (TI-1337)"));
    QCOMPARE(session.value()->exam().questions.size(), 5);
}

void TstNewSessionDialog::create_neverReplacesAnExistingFile()
{
    const QString path = m_dir.filePath(QStringLiteral("taken.corrige"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("keep me");
    file.close();

    Ui::NewSessionDialog dialog(&m_pool);
    dialog.show();
    fillDemo(dialog);
    auto *create = child<QPushButton>(&dialog, "createButton");
    QTRY_VERIFY_WITH_TIMEOUT(create->isEnabled(), 20000);
    Ui::FileDialog::setNextFileName(path);
    QTest::mouseClick(create, Qt::LeftButton);
    QVERIFY(child<QLabel>(&dialog, "problemLabel")->text().contains(QStringLiteral("taken.corrige")));
    QVERIFY(dialog.isVisible());
    QVERIFY(create->isEnabled()); // another name can be chosen
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("keep me"));
}

void TstNewSessionDialog::create_whenAScanVanished_leavesNoFileBehind()
{
    const QString scanCopy = m_dir.filePath(QStringLiteral("scan-to-vanish.pdf"));
    QVERIFY(QFile::copy(scansPath(), scanCopy));
    const QString path = m_dir.filePath(QStringLiteral("never.corrige"));

    Ui::NewSessionDialog dialog(&m_pool);
    dialog.show();
    Ui::FileDialog::setNextFileName(demoDir + QStringLiteral("/exam.json"));
    QTest::mouseClick(child<QPushButton>(&dialog, "loadExamButton"), Qt::LeftButton);
    dialog.addPdfs({scanCopy});
    auto *create = child<QPushButton>(&dialog, "createButton");
    QTRY_VERIFY_WITH_TIMEOUT(create->isEnabled(), 20000);
    QVERIFY(QFile::remove(scanCopy));

    Ui::FileDialog::setNextFileName(path);
    QTest::mouseClick(create, Qt::LeftButton);
    QVERIFY(dialog.isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), 30000);
    QVERIFY(child<QLabel>(&dialog, "problemLabel")->text().contains(QStringLiteral("scan-to-vanish.pdf")));
    QVERIFY(!QFileInfo::exists(path));
    QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal")));
    QVERIFY(dialog.isVisible());
}

void TstNewSessionDialog::addScans_alreadyImported_asksFirst()
{
    const QString path = m_dir.filePath(QStringLiteral("twice.corrige"));
    const Core::Result<Core::Exam> exam = Core::Exam::fromJson(
        [] {
            QFile file(demoDir + QStringLiteral("/exam.json"));
            return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        }(),
        QStringLiteral("exam.json"));
    QVERIFY(exam);
    {
        auto created = Core::SessionDatabase::create(path, exam.value());
        QVERIFY(created);
        Core::ImportRequest request;
        request.pdfPaths = {scansPath()};
        request.pagesPerCopy = 4;
        QVERIFY(Core::SessionImport::run(*created.value(), request));
    }
    Core::SessionStore store;
    QSignalSpy opened(&store, &Core::SessionStore::opened);
    store.open(path);
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 10000);

    const auto addTheSameScan = [&](QMessageBox::StandardButton answer) {
        auto dialog = std::make_unique<Ui::NewSessionDialog>(&m_pool, &store, exam.value(), 5);
        dialog->show();
        Ui::FileDialog::setNextFileNames({scansPath()});
        QTest::mouseClick(child<QPushButton>(dialog.get(), "addPdfsButton"), Qt::LeftButton);
        child<QRadioButton>(dialog.get(), "splitPagesRadio")->setChecked(true);
        child<QSpinBox>(dialog.get(), "pagesPerCopySpin")->setValue(4);
        auto *create = child<QPushButton>(dialog.get(), "createButton");
        QTRY_VERIFY_WITH_TIMEOUT(create->isEnabled(), 20000);
        QSignalSpy imported(dialog.get(), &Ui::NewSessionDialog::scansImported);
        Ui::MessageBox::setNextAnswer(answer);
        QTest::mouseClick(create, Qt::LeftButton);
        if (answer == QMessageBox::Yes) {
            QVERIFY(imported.wait(30000));
        } else {
            QTRY_VERIFY_WITH_TIMEOUT(create->isEnabled(), 20000);
            QVERIFY(imported.isEmpty());
            QVERIFY2(Ui::MessageBox::lastText().contains(QStringLiteral("zesje_demo_submissions_5students_20pages.pdf")),
                     qPrintable(Ui::MessageBox::lastText()));
        }
    };
    addTheSameScan(QMessageBox::No);
    store.flush();
    QCOMPARE(Core::SessionDatabase::openReadOnly(path).value()->copies().size(), 5);
    addTheSameScan(QMessageBox::Yes);
    store.flush();
    QCOMPARE(Core::SessionDatabase::openReadOnly(path).value()->copies().size(), 10);
}

void TstNewSessionDialog::setUpModel(Ui::NewSessionDialog &dialog)
{
    qputenv("CORRIGE_NO_KEYCHAIN", "1");
    qputenv("GEMINI_API_KEY", "test-gemini-key");
    m_server = std::make_unique<Test::FakeLlmServer>();
    QVERIFY(m_server->setSpecsDir(dataDir + QStringLiteral("/api/specs")));
    QVERIFY(m_server->listen());
    m_server->setRequiredKey(QStringLiteral("test-gemini-key"));
    m_server->setResponder(draftAnswer);
    m_settings.reset();
    m_ini = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("draft-settings.ini")), QSettings::IniFormat);
    m_ini->clear();
    m_settings = std::make_unique<Core::AppSettings>(m_ini.get());
    m_settings->setProvider(Core::ModelSlot::A, QStringLiteral("gemini"));
    m_settings->setModel(Core::ModelSlot::A, QStringLiteral("gemini-2.5-flash"));
    m_settings->setBaseUrl(Core::ModelSlot::A, m_server->geminiBaseUrl().toString());
    m_secrets = std::make_unique<Core::SecretStore>();
    m_secrets->setKeychainEnabled(false);
    dialog.setModelAccess(m_settings.get(), m_secrets.get());
}

void TstNewSessionDialog::draft_fillsTheQuestionsFromTheBlankExam()
{
    Ui::NewSessionDialog dialog(&m_pool);
    dialog.show();
    auto *draftButton = child<QPushButton>(&dialog, "draftExamButton");
    QVERIFY(draftButton);
    QVERIFY(!draftButton->isEnabled()); // no model yet
    setUpModel(dialog);
    QVERIFY(draftButton->isEnabled());
    child<QComboBox>(&dialog, "examLanguageCombo")->setCurrentIndex(0); // French, until the exam says otherwise

    QSignalSpy finished(&dialog, &Ui::NewSessionDialog::examDraftFinished);
    Ui::FileDialog::setNextFileName(blankExamPath());
    QTest::mouseClick(draftButton, Qt::LeftButton);
    QVERIFY(dialog.isDrafting());
    QVERIFY(child<QPushButton>(&dialog, "cancelDraftButton")->isVisible());
    QVERIFY(!draftButton->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 120000);
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QVERIFY(!dialog.isDrafting());

    QCOMPARE(m_server->requestCount(), 1);
    const Test::FakeLlmServer::Record record = m_server->records().at(0);
    QVERIFY2(record.schemaValid, qPrintable(record.schemaError));
    QCOMPARE(record.status, 200);
    QCOMPARE(inlineImageCount(record.body), 3);
    QVERIFY(record.body.contains("exam_draft") || record.body.contains("responseJsonSchema"));
    QVERIFY(!record.body.contains("test-gemini-key"));

    auto *table = child<QTableWidget>(&dialog, "questionTable");
    QCOMPARE(table->rowCount(), 3);
    QCOMPARE(child<QLineEdit>(&dialog, "examTitleEdit")->text(), QStringLiteral("Zesje demo exam"));
    QCOMPARE(child<QComboBox>(&dialog, "examLanguageCombo")->currentData().toString(), QStringLiteral("en"));
    const Core::Exam exam = dialog.exam();
    QCOMPARE(exam.questions.size(), 3);
    // The duplicated id made the draft renumber its questions.
    QCOMPARE(exam.questions.at(1).id, QStringLiteral("q2"));
    QCOMPARE(exam.questions.at(1).label, QStringLiteral("Question 2"));
    QCOMPARE(exam.questions.at(1).text, QStringLiteral("Explain why the sky is blue."));
    QCOMPARE(exam.questions.at(1).pages, (QList<int>{2, 3}));
    QCOMPARE(exam.questions.at(2).maxPoints, 4.0);
    QVERIFY(!exam.questions.at(0).rubric.has_value());
    // The question without printed points is what the teacher still has to fix.
    const QString problems = child<QLabel>(&dialog, "problemLabel")->text();
    QVERIFY2(problems.contains(QStringLiteral("Question 2 is worth 0 points")), qPrintable(problems));
    QVERIFY2(child<QLabel>(&dialog, "draftLabel")->text().contains(QStringLiteral("Drafted 3 question")),
             qPrintable(child<QLabel>(&dialog, "draftLabel")->text()));
}

void TstNewSessionDialog::draft_asksBeforeReplacingQuestions()
{
    Ui::NewSessionDialog dialog(&m_pool);
    dialog.show();
    setUpModel(dialog);
    child<QLineEdit>(&dialog, "examTitleEdit")->setText(QStringLiteral("Physics 2B"));
    QTest::mouseClick(child<QPushButton>(&dialog, "addQuestionButton"), Qt::LeftButton);
    auto *table = child<QTableWidget>(&dialog, "questionTable");
    QCOMPARE(table->rowCount(), 1);

    // No: the teacher's question stays.
    QSignalSpy finished(&dialog, &Ui::NewSessionDialog::examDraftFinished);
    Ui::MessageBox::setNextAnswer(QMessageBox::No);
    dialog.draftExam(blankExamPath());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 120000);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QVERIFY2(Ui::MessageBox::lastText().contains(QStringLiteral("Replace the questions already in the table")),
             qPrintable(Ui::MessageBox::lastText()));
    QCOMPARE(table->rowCount(), 1);

    // Yes: the draft replaces it, and the teacher's title stays.
    Ui::MessageBox::setNextAnswer(QMessageBox::Yes);
    dialog.draftExam(blankExamPath());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 120000);
    QCOMPARE(finished.at(1).at(0).toBool(), true);
    QCOMPARE(table->rowCount(), 3);
    QCOMPARE(child<QLineEdit>(&dialog, "examTitleEdit")->text(), QStringLiteral("Physics 2B"));
    QCOMPARE(m_server->requestCount(), 2);
}

void TstNewSessionDialog::draft_withoutKey_namesTheVariable()
{
    Ui::NewSessionDialog dialog(&m_pool);
    dialog.show();
    setUpModel(dialog);
    qunsetenv("GEMINI_API_KEY");
    QSignalSpy finished(&dialog, &Ui::NewSessionDialog::examDraftFinished);
    Ui::FileDialog::setNextFileName(blankExamPath());
    QTest::mouseClick(child<QPushButton>(&dialog, "draftExamButton"), Qt::LeftButton);
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    const QString problems = child<QLabel>(&dialog, "problemLabel")->text();
    QVERIFY2(problems.contains(QStringLiteral("GEMINI_API_KEY")), qPrintable(problems));
    QVERIFY2(problems.contains(QStringLiteral("settings")), qPrintable(problems));
    QCOMPARE(m_server->requestCount(), 0);
    QCOMPARE(child<QTableWidget>(&dialog, "questionTable")->rowCount(), 0);
    QVERIFY(child<QPushButton>(&dialog, "draftExamButton")->isEnabled());
}

void TstNewSessionDialog::draft_notAPdf_isNamed()
{
    const QString path = m_dir.filePath(QStringLiteral("blank-exam.pdf"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("This is a text file, not a PDF.\n");
    file.close();
    Ui::NewSessionDialog dialog(&m_pool);
    dialog.show();
    setUpModel(dialog);
    QSignalSpy finished(&dialog, &Ui::NewSessionDialog::examDraftFinished);
    dialog.draftExam(path);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    const QString problems = child<QLabel>(&dialog, "problemLabel")->text();
    QVERIFY2(problems.contains(QStringLiteral("blank-exam.pdf")), qPrintable(problems));
    QCOMPARE(m_server->requestCount(), 0);
}

QTEST_MAIN(TstNewSessionDialog)
#include "tst_newsessiondialog.moc"
