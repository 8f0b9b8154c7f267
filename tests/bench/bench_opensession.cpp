// Opening a large session (ARCHITECTURE §8: first paint under 0.5 s for 500 copies).
//
// Builds a session of N graded copies, then times, in the same run: reading its snapshot straight from the
// file (the reference: what any window must at least do), and the main window from openSession() to the first
// paint of the copy list with the first copy's scan requested. Prints both and their ratio.
// Usage: bench_opensession [copies]
#include "core/pdf/pdfinspector.h"
#include "core/session/sessiondatabase.h"
#include "core/settings/appsettings.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSettings>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThreadPool>
#include <QTimer>

using namespace Corrige;

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTextStream out(stdout);
    const int copies = app.arguments().size() > 1 ? app.arguments().at(1).toInt() : 500;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("large.corrige"));
    {
        Core::Exam exam;
        exam.title = QStringLiteral("Benchmark");
        for (int i = 1; i <= 8; ++i) {
            Core::Question question;
            question.id = QStringLiteral("q%1").arg(i);
            question.text = QStringLiteral("Question %1").arg(i);
            question.maxPoints = 2;
            exam.questions.append(question);
        }
        auto document = Core::PdfInspector::load(
            QStringLiteral(CORRIGE_TEST_DATA_DIR "/scans/zesje_demo_submissions_5students_20pages.pdf"));
        auto session = Core::SessionDatabase::create(path, exam);
        if (!document || !session) {
            out << "could not build the session" << Qt::endl;
            return 1;
        }
        Core::ImportPlan plan;
        plan.documents = {document.value()};
        for (int i = 0; i < copies; ++i) {
            const int first = (i % 5) * 4;
            plan.copies.append({QStringLiteral("Copy %1").arg(i + 1), QStringLiteral("Student %1").arg(i + 1), {}, {}, 0,
                                {first, first + 1, first + 2, first + 3}});
        }
        const QList<qint64> ids = session.value()->applyImport(plan).value();
        for (qint64 id : ids) {
            QList<Core::QuestionGrade> grades;
            for (const Core::Question &question : exam.questions) {
                for (Core::GradeSource source : {Core::GradeSource::ModelA, Core::GradeSource::Final}) {
                    Core::QuestionGrade grade;
                    grade.questionId = question.id;
                    grade.source = source;
                    grade.score = 1.5;
                    grade.maxPoints = 2;
                    grade.justification = QStringLiteral("A justification of a typical length for one question.");
                    grade.transcription = QStringLiteral("What the student wrote, as read by the model.");
                    grades.append(grade);
                }
            }
            session.value()->saveCopyResult(id, grades, Core::CopyStatus::Graded, {});
        }
    }

    // Reference: the snapshot read straight from the file, as any window must.
    QElapsedTimer timer;
    timer.start();
    {
        auto session = Core::SessionDatabase::open(path);
        const Core::SessionSnapshot snapshot = session.value()->snapshot();
        if (snapshot.copies.size() != copies)
            return 1;
    }
    const qint64 referenceMs = timer.elapsed();

    QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    Core::AppSettings appSettings(&settings);
    QThreadPool pool;
    pool.setMaxThreadCount(2);
    Ui::MainWindow window(&pool, &appSettings);
    window.resize(1280, 800);
    window.show();
    QEventLoop loop;
    QObject::connect(&window, &Ui::MainWindow::snapshotShown, &loop, &QEventLoop::quit);
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    timer.restart();
    window.openSession(path);
    loop.exec();
    window.repaint(); // the first paint of the filled window
    const qint64 windowMs = timer.elapsed();

    out << QStringLiteral("open a %1-copy session: snapshot from the file %2 ms; main window to first paint %3 ms "
                          "(target < 500 ms); ratio window/reference %4\n")
               .arg(copies).arg(referenceMs).arg(windowMs).arg(referenceMs ? double(windowMs) / referenceMs : 0.0, 0, 'f', 2);
    return 0;
}
