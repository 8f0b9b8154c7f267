#include "core/workflow/demosession.h"
#include "ui/dialogs/filedialog.h"
#include "ui/dialogs/messagebox.h"
#include "ui/mainwindow.h"
#include "ui/models/copylistmodel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QLabel>
#include <QPdfDocument>
#include <QPdfView>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QtTest>

#include "screenshot.h"

using namespace Corrige;

class TstMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void startsWithAnInvitationToOpenSomething();
    void openDemo_showsTheFiveCopiesAndTheirScans();
    void openSession_ofCorruptFile_saysSoAndKeepsTheFile();
    void copyListModel_passesModelTester();

private:
    QThreadPool m_pool;
    QTemporaryDir m_dir;
};

void TstMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("CorrigeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    QFile::remove(Core::DemoSession::defaultPath());
    m_pool.setMaxThreadCount(2);
    QVERIFY(m_dir.isValid());
}

void TstMainWindow::startsWithAnInvitationToOpenSomething()
{
    Ui::MainWindow window(&m_pool);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *label = window.findChild<QLabel *>(QStringLiteral("emptyLabel"));
    QVERIFY(label);
    QVERIFY(label->isVisible());
    QVERIFY(label->text().contains(QStringLiteral("demo")));
}

void TstMainWindow::openDemo_showsTheFiveCopiesAndTheirScans()
{
    Ui::MainWindow window(&m_pool);
    window.show();
    QSignalSpy opened(&window, &Ui::MainWindow::sessionOpened);
    window.openDemo();
    QVERIFY(opened.wait(30000));
    QCOMPARE(opened.constFirst().constFirst().toString(), Core::DemoSession::defaultPath());

    auto *view = window.findChild<QTableView *>(QStringLiteral("copyList"));
    QVERIFY(view);
    QVERIFY(view->isVisible());
    QCOMPARE(view->model()->rowCount(), 5);
    QCOMPARE(view->model()->index(0, Ui::CopyListModel::StudentColumn).data().toString(),
             QStringLiteral("Bob the Builder"));
    QCOMPARE(view->model()->index(4, Ui::CopyListModel::LabelColumn).data().toString(), QStringLiteral("Copy 5"));
    QVERIFY(window.windowTitle().contains(QStringLiteral("Zesje test exam")));

    // The first copy is selected and its scan is shown.
    auto *pdfView = window.findChild<QPdfView *>(QStringLiteral("pageView"));
    QVERIFY(pdfView);
    QTRY_COMPARE_WITH_TIMEOUT(pdfView->document()->status(), QPdfDocument::Status::Ready, 20000);
    QCOMPARE(pdfView->document()->pageCount(), 20);

    window.resize(1280, 800);
    QTest::qWait(300);
    saveScreenshotIfAsked(&window, QStringLiteral("main-window"));

    // Keyboard: next copy.
    QTest::keyClick(&window, Qt::Key_Down, Qt::ControlModifier);
    QTRY_COMPARE(view->currentIndex().row(), 1);

    // A second run opens the existing demo file.
    Ui::MainWindow again(&m_pool);
    QSignalSpy openedAgain(&again, &Ui::MainWindow::sessionOpened);
    again.openDemo();
    QVERIFY(openedAgain.wait(30000));
    QCOMPARE(again.findChild<QTableView *>(QStringLiteral("copyList"))->model()->rowCount(), 5);
}

void TstMainWindow::openSession_ofCorruptFile_saysSoAndKeepsTheFile()
{
    const QString path = m_dir.filePath(QStringLiteral("broken.corrige"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    const QByteArray junk("SQLite format 3\0 but not really a database at all", 50);
    file.write(junk);
    file.close();

    Ui::MainWindow window(&m_pool);
    QSignalSpy failed(&window, &Ui::MainWindow::sessionFailed);
    Ui::MessageBox::setNextAnswer(QMessageBox::Ok);
    Ui::FileDialog::setNextFileName(path);
    window.findChild<QAction *>(QStringLiteral("openAction"))->trigger();
    QVERIFY(failed.wait(10000));
    QVERIFY2(failed.constFirst().constFirst().toString().contains(QStringLiteral("broken.corrige")),
             qPrintable(failed.constFirst().constFirst().toString()));
    QVERIFY(Ui::MessageBox::lastText().contains(QStringLiteral("broken.corrige")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), junk);
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
    model.setReport(Core::StatusReport::build(exam, {}, {}));
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(TstMainWindow)
#include "tst_mainwindow.moc"
