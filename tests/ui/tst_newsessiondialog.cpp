#include "core/session/sessiondatabase.h"
#include "ui/dialogs/filedialog.h"
#include "ui/dialogs/newsessiondialog.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
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

private:
    void fillDemo(Ui::NewSessionDialog &dialog, int pagesPerCopy = 4);

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

QTEST_MAIN(TstNewSessionDialog)
#include "tst_newsessiondialog.moc"
