#include "core/domain/exam.h"
#include "core/grading/gradingorchestrator.h"
#include "core/secrets/secretstore.h"
#include "core/session/sessiondatabase.h"
#include "core/session/sessionstore.h"
#include "core/settings/appsettings.h"
#include "core/workflow/sessionimport.h"
#include "tests/support/fakellmserver.h"
#include "ui/dialogs/gradesetupdialog.h"
#include "ui/dialogs/messagebox.h"
#include "ui/dialogs/progressdialog.h"
#include "ui/dialogs/rubricdialog.h"
#include "ui/dialogs/settingsdialog.h"
#include "ui/gradeallcontroller.h"

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QtTest>

#include "screenshot.h"

using namespace Corrige;
using Test::FakeLlmServer;

namespace {

const QString scansPdf = QStringLiteral(CORRIGE_TEST_DATA_DIR "/scans/zesje_demo_submissions_5students_20pages.pdf");
const QString specsDir = QStringLiteral(CORRIGE_TEST_DATA_DIR "/api/specs");

template<typename T>
T *child(QWidget *parent, const char *name)
{
    auto *widget = parent ? parent->findChild<T *>(QString::fromLatin1(name)) : nullptr;
    if (!widget)
        qWarning("no child named %s", name);
    return widget;
}

QString labelText(QWidget *parent, const char *name)
{
    auto *label = child<QLabel>(parent, name);
    return label ? label->text() : QString();
}

// Saves a picture of `widget` when CORRIGE_SCREENSHOT_DIR is set (for the documentation).
void screenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("CORRIGE_SCREENSHOT_DIR");
    if (dir.isEmpty() || !widget)
        return;
    QDir().mkpath(dir);
    QCoreApplication::sendPostedEvents(); // the layouts of texts that just changed
    QVERIFY(widget->grab().save(QDir(dir).filePath(name + QStringLiteral(".png"))));
}

QString copyLabelOf(const QByteArray &body)
{
    static const QRegularExpression pattern(QStringLiteral("Copy: (Copy \\d+) \\("));
    const QRegularExpressionMatch match = pattern.match(QString::fromUtf8(body));
    return match.hasMatch() ? match.captured(1) : QString();
}

// The fake models: A gives every question its maximum; B agrees, except on question 5 of Copy 2 where it gives
// 0 (a disagreement beyond any tolerance). Both send an answer without grades for Copy 1, which then fails.
QJsonObject respond(const QJsonObject &body, const QString &api, const QString &)
{
    const QByteArray text = QJsonDocument(body).toJson(QJsonDocument::Compact);
    const QJsonObject schema = FakeLlmServer::responseSchemaOf(body, api);
    const QJsonObject properties = schema.value(QStringLiteral("properties")).toObject();
    if (properties.contains(QStringLiteral("criteria"))) {
        static const QRegularExpression maximum(QStringLiteral("Maximum: ([0-9.]+) points"));
        const double max = maximum.match(QString::fromUtf8(text)).captured(1).toDouble();
        return QJsonObject{{QStringLiteral("criteria"),
                            QJsonArray{QJsonObject{{QStringLiteral("description"), QStringLiteral("Drafted criterion")},
                                                   {QStringLiteral("points"), max}}}},
                           {QStringLiteral("guidelines"), QStringLiteral("Drafted guidelines")}};
    }
    const QString copy = copyLabelOf(text);
    if (copy == QLatin1String("Copy 1"))
        return QJsonObject{{QStringLiteral("questions"), QJsonArray{}}};
    const QJsonArray ids = properties.value(QStringLiteral("questions"))
                               .toObject()
                               .value(QStringLiteral("items"))
                               .toObject()
                               .value(QStringLiteral("properties"))
                               .toObject()
                               .value(QStringLiteral("id"))
                               .toObject()
                               .value(QStringLiteral("enum"))
                               .toArray();
    QJsonArray questions;
    for (const QJsonValue &id : ids) {
        const bool five = id.toString() == QLatin1String("q5");
        double score = five ? 4.0 : 1.0;
        if (five && copy == QLatin1String("Copy 2") && api == QLatin1String("openai"))
            score = 0.0;
        questions.append(QJsonObject{{QStringLiteral("id"), id},
                                     {QStringLiteral("score"), score},
                                     {QStringLiteral("justification"), QStringLiteral("Fake justification")},
                                     {QStringLiteral("transcription"), QStringLiteral("Fake transcription")},
                                     {QStringLiteral("confidence"), 0.9},
                                     {QStringLiteral("flags"), QJsonArray{}}});
    }
    return QJsonObject{{QStringLiteral("questions"), questions}};
}

} // namespace

class TstGradeAll : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void dual_storesScoresAndFlagsDisagreements();
    void cancelMidway_keepsGradedCopies_andGradingAgainResumes();
    void missingKey_isSaidWithAWayToSettings();
    void cancelAtReview_endsTheFlowWithoutGrading();
    void draftWithAi_fillsTheRubricAndSavesIt();
    void setup_masksNamesAndCanSendQuestionsWithTheirPages();

private:
    // Creates a session of the demo exam with the 5 demo copies (4 pages each) and opens it in m_store.
    void createSession();
    Core::SessionSnapshot reload();
    void driveToSetup(bool dual);
    void pressStart();
    QStringList requestedCopies(const QString &api) const;

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_ini;
    std::unique_ptr<Core::AppSettings> m_settings;
    std::unique_ptr<Core::SecretStore> m_secrets;
    std::unique_ptr<FakeLlmServer> m_server;
    std::unique_ptr<Core::SessionStore> m_store;
    std::unique_ptr<QWidget> m_window;
    std::unique_ptr<Ui::GradeAllController> m_controller;
    QThreadPool m_pool;
    QString m_sessionPath;
    Core::SessionSnapshot m_snapshot;
    int m_sessions = 0;
};

void TstGradeAll::initTestCase()
{
    installEnglishCatalogue(this);
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QVERIFY(QFile::exists(scansPdf));
    qputenv("CORRIGE_NO_KEYCHAIN", "1");
    m_pool.setMaxThreadCount(2);
}

void TstGradeAll::init()
{
    qputenv("GEMINI_API_KEY", "test-gemini-key");
    qputenv("OPENAI_API_KEY", "test-openai-key");

    m_server = std::make_unique<FakeLlmServer>();
    QVERIFY(m_server->setSpecsDir(specsDir));
    QVERIFY(m_server->listen());
    m_server->setResponder(respond);

    m_ini = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings-%1.ini").arg(m_sessions)),
                                        QSettings::IniFormat);
    m_settings = std::make_unique<Core::AppSettings>(m_ini.get());
    m_settings->setProvider(Core::ModelSlot::A, QStringLiteral("gemini"));
    m_settings->setModel(Core::ModelSlot::A, QStringLiteral("gemini-2.5-flash"));
    m_settings->setBaseUrl(Core::ModelSlot::A, m_server->geminiBaseUrl().toString());
    m_settings->setProvider(Core::ModelSlot::B, QStringLiteral("openai"));
    m_settings->setModel(Core::ModelSlot::B, QStringLiteral("gpt-4.1-mini"));
    m_settings->setBaseUrl(Core::ModelSlot::B, m_server->openAiBaseUrl().toString());
    m_settings->setMode(QStringLiteral("single"));
    m_settings->setConcurrency(2);
    m_settings->setMaxAttempts(2);

    m_secrets = std::make_unique<Core::SecretStore>();
    m_secrets->setKeychainEnabled(false);

    createSession();

    m_window = std::make_unique<QWidget>();
    m_window->resize(1000, 700);
    m_window->show();
    m_controller = std::make_unique<Ui::GradeAllController>(m_store.get(), &m_pool, m_window.get());
    m_controller->setSettings(m_settings.get());
    m_controller->setSecretStore(m_secrets.get());
}

void TstGradeAll::cleanup()
{
    Ui::MessageBox::setNextAnswer(QMessageBox::NoButton);
    m_controller.reset();
    m_window.reset();
    m_store.reset();
    m_pool.waitForDone();
    m_secrets.reset();
    m_settings.reset();
    m_ini.reset();
    m_server.reset();
}

void TstGradeAll::createSession()
{
    QFile examFile(QStringLiteral(":/demo/exam.json"));
    QVERIFY2(examFile.open(QIODevice::ReadOnly), "the demo exam is missing from the resources");
    const Core::Result<Core::Exam> exam = Core::Exam::fromJson(examFile.readAll(), QStringLiteral("exam.json"));
    QVERIFY2(exam.isOk(), qPrintable(exam.errorString()));

    m_sessionPath = m_dir.filePath(QStringLiteral("class-%1.corrige").arg(++m_sessions));
    {
        auto database = Core::SessionDatabase::create(m_sessionPath, exam.value());
        QVERIFY2(database.isOk(), qPrintable(database.errorString()));
        Core::ImportRequest request;
        request.pdfPaths = {scansPdf};
        request.pagesPerCopy = 4;
        const auto imported = Core::SessionImport::run(*database.value(), request);
        QVERIFY2(imported.isOk(), qPrintable(imported.errorString()));
        QCOMPARE(imported->copyIds.size(), 5);
    }
    m_store = std::make_unique<Core::SessionStore>();
    QSignalSpy opened(m_store.get(), &Core::SessionStore::opened);
    m_store->open(m_sessionPath);
    // The spy records from the storage thread, perhaps before a wait() would start: count instead.
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 10000);
    m_snapshot = opened.first().at(1).value<Core::SessionSnapshot>();
    QCOMPARE(m_snapshot.copies.size(), 5);
}

Core::SessionSnapshot TstGradeAll::reload()
{
    QSignalSpy opened(m_store.get(), &Core::SessionStore::opened);
    QSignalSpy failed(m_store.get(), &Core::SessionStore::failed);
    const quint64 id = m_store->reload();
    [&] { QTRY_VERIFY_WITH_TIMEOUT(!opened.isEmpty() || !failed.isEmpty(), 10000); }();
    for (const QList<QVariant> &arguments : std::as_const(failed))
        qWarning() << "reload failed:" << arguments.at(1).value<Core::Error>().message;
    for (const QList<QVariant> &arguments : std::as_const(opened)) {
        if (arguments.at(0).toULongLong() == id)
            return arguments.at(1).value<Core::SessionSnapshot>();
    }
    return {};
}

QStringList TstGradeAll::requestedCopies(const QString &api) const
{
    QStringList copies;
    for (const FakeLlmServer::Record &record : m_server->records()) {
        if (record.api == api)
            copies.append(copyLabelOf(record.body));
    }
    copies.sort();
    return copies;
}

void TstGradeAll::driveToSetup(bool dual)
{
    m_controller->start(m_snapshot);
    QVERIFY(m_controller->isRunning());
    QTRY_VERIFY(m_controller->rubricDialog() && m_controller->rubricDialog()->isVisible());
    Ui::RubricDialog *review = m_controller->rubricDialog();
    QCOMPARE(review->mode(), Ui::RubricDialog::Mode::ReviewBeforeGrading);
    QTest::mouseClick(child<QPushButton>(review, "acceptButton"), Qt::LeftButton);

    QTRY_VERIFY(m_controller->setupDialog() && m_controller->setupDialog()->isVisible());
    Ui::GradeSetupDialog *setup = m_controller->setupDialog();
    QTest::mouseClick(child<QRadioButton>(setup, dual ? "dualRadio" : "singleRadio"), Qt::LeftButton);
    QCOMPARE(setup->isDual(), dual);
    QTRY_VERIFY(!setup->isReadingKeys());
}

void TstGradeAll::pressStart()
{
    Ui::GradeSetupDialog *setup = m_controller->setupDialog();
    QVERIFY(setup);
    auto *start = child<QPushButton>(setup, "startButton");
    QTRY_VERIFY(start->isEnabled());
    QTest::mouseClick(start, Qt::LeftButton);
    QTRY_VERIFY(m_controller->isGrading() || m_controller->progressDialog());
}

void TstGradeAll::dual_storesScoresAndFlagsDisagreements()
{
    // One copy at a time, so that the progress window is seen with a failure while the run goes on.
    m_server->setDefaultLatency(100);
    m_settings->setConcurrency(1);
    QSignalSpy finished(m_controller.get(), &Ui::GradeAllController::finished);
    QSignalSpy changed(m_controller.get(), &Ui::GradeAllController::sessionChanged);

    m_controller->start(m_snapshot);
    QTRY_VERIFY(m_controller->rubricDialog() && m_controller->rubricDialog()->isVisible());
    screenshot(m_controller->rubricDialog(), QStringLiteral("rubric-review"));
    QTest::mouseClick(child<QPushButton>(m_controller->rubricDialog(), "acceptButton"), Qt::LeftButton);
    QTRY_VERIFY(m_controller->setupDialog() && m_controller->setupDialog()->isVisible());
    Ui::GradeSetupDialog *setup = m_controller->setupDialog();
    QTest::mouseClick(child<QRadioButton>(setup, "dualRadio"), Qt::LeftButton);
    QTRY_VERIFY(!setup->isReadingKeys());

    // What the setup says before starting.
    QCOMPARE(setup->copiesToGrade(), 5);
    QCOMPARE(setup->skippedByModel(), 0);
    QCOMPARE(setup->skippedByTeacher(), 0);
    QVERIFY(labelText(setup, "copiesLabel").contains(QStringLiteral("5 of 5")));
    QVERIFY(labelText(setup, "keyStatusLabelA").contains(QStringLiteral("GEMINI_API_KEY")));
    QVERIFY(labelText(setup, "keyStatusLabelB").contains(QStringLiteral("OPENAI_API_KEY")));
    QVERIFY(!child<QPushButton>(setup, "openSettingsButtonA")->isVisible());
    QVERIFY(labelText(setup, "tokensLabel").startsWith(QStringLiteral("about ")));
    QVERIFY2(labelText(setup, "costLabel").contains(QStringLiteral("$")), qPrintable(labelText(setup, "costLabel")));
    const Core::GradingOptions options = setup->options();
    QVERIFY(options.dual);
    QCOMPARE(options.modelA.apiKey, QStringLiteral("test-gemini-key"));
    QCOMPARE(options.modelB.apiKey, QStringLiteral("test-openai-key"));
    QCOMPARE(options.modelB.baseUrl, m_server->openAiBaseUrl());
    screenshot(setup, QStringLiteral("grade-setup"));
    pressStart();

    // Mid-run: the progress window shows itself and follows the run.
    QTRY_VERIFY(m_controller->progressDialog() && m_controller->progressDialog()->isVisible());
    Ui::ProgressDialog *progress = m_controller->progressDialog();
    QCOMPARE(child<QProgressBar>(progress, "progressBar")->maximum(), 5);
    // Best seen with Copy 1's failure listed; the order of the copies depends on how fast their pages are ready.
    QTRY_VERIFY_WITH_TIMEOUT((progress->progress().failed >= 1 && progress->progress().done >= 2)
                                 || progress->progress().done >= 3 || !progress->isRunning(),
                             30000);
    QVERIFY(progress->isRunning());
    QCOMPARE(child<QListWidget>(progress, "failureList")->count(), progress->progress().failed);
    screenshot(progress, QStringLiteral("progress"));

    QTRY_VERIFY_WITH_TIMEOUT(!m_controller->isGrading(), 60000);
    QTRY_VERIFY(progress->isVisible());
    QVERIFY(child<QWidget>(progress, "summaryPanel")->isVisible());
    QCOMPARE(labelText(progress, "summaryGradedLabel"), QStringLiteral("3"));
    QVERIFY(labelText(progress, "summaryReviewLabel").startsWith(QStringLiteral("1 ")));
    QVERIFY(labelText(progress, "summaryFailedLabel").startsWith(QStringLiteral("1 ")));
    QVERIFY(child<QLabel>(progress, "agreementLabel")->isVisible());
    QCOMPARE(child<QListWidget>(progress, "failureList")->count(), 1);
    QVERIFY(child<QListWidget>(progress, "failureList")->item(0)->text().startsWith(QStringLiteral("Copy 1: ")));
    screenshot(progress, QStringLiteral("progress-summary"));
    QVERIFY(changed.count() >= 1);

    // Every request was valid for its API, and both models saw every copy.
    for (const FakeLlmServer::Record &record : m_server->records())
        QVERIFY2(record.schemaValid, qPrintable(record.schemaError));
    for (const QString &api : {QStringLiteral("gemini"), QStringLiteral("openai")}) {
        QStringList copies = requestedCopies(api);
        copies.removeDuplicates();
        QCOMPARE(copies, (QStringList{QStringLiteral("Copy 1"), QStringLiteral("Copy 2"), QStringLiteral("Copy 3"),
                                      QStringLiteral("Copy 4"), QStringLiteral("Copy 5")}));
    }

    // "Review first flagged copy" hands Copy 2 to the main window.
    const Core::SessionSnapshot after = reload();
    qint64 copy2 = 0;
    for (const Core::Copy &copy : after.copies) {
        if (copy.label == QLatin1String("Copy 2"))
            copy2 = copy.id;
    }
    QCOMPARE(progress->firstFlaggedCopy(), copy2);
    QTest::mouseClick(child<QPushButton>(progress, "reviewButton"), Qt::LeftButton);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().toLongLong(), copy2);
    QVERIFY(!m_controller->isRunning());

    // The session file has the scores, the disagreement flagged, and the failure.
    for (const Core::Copy &copy : after.copies) {
        const Core::CopyStatus expected = copy.label == QLatin1String("Copy 2") ? Core::CopyStatus::NeedsReview
            : copy.label == QLatin1String("Copy 1")                            ? Core::CopyStatus::Failed
                                                                                : Core::CopyStatus::Graded;
        QVERIFY2(copy.status == expected, qPrintable(copy.label + QStringLiteral(": ")
                                                     + Core::copyStatusToString(copy.status)));
        if (expected == Core::CopyStatus::Failed)
            QVERIFY(!copy.error.isEmpty());
    }
    int finals = 0;
    for (const Core::QuestionGrade &grade : after.grades) {
        const Core::Copy *copy = nullptr;
        for (const Core::Copy &candidate : after.copies) {
            if (candidate.id == grade.copyId)
                copy = &candidate;
        }
        QVERIFY(copy);
        QVERIFY(copy->label != QLatin1String("Copy 1"));
        if (grade.source != Core::GradeSource::Final)
            continue;
        ++finals;
        const bool disputed = copy->label == QLatin1String("Copy 2") && grade.questionId == QLatin1String("q5");
        QCOMPARE(grade.flags.testFlag(Core::GradeFlag::NeedsReview), disputed);
        if (!disputed)
            QCOMPARE(grade.score, grade.questionId == QLatin1String("q5") ? 4.0 : 1.0);
    }
    QCOMPARE(finals, 4 * 5); // 4 graded copies × 5 questions
}

void TstGradeAll::cancelMidway_keepsGradedCopies_andGradingAgainResumes()
{
    m_server->setResponder([](const QJsonObject &body, const QString &api, const QString &model) {
        QJsonObject answer = respond(body, api, model);
        if (answer.value(QStringLiteral("questions")).toArray().isEmpty()) // every copy gets grades here
            answer = FakeLlmServer::defaultResponse(body, api, model);
        return answer;
    });
    m_server->setDefaultLatency(300);
    m_settings->setConcurrency(1);
    QSignalSpy finished(m_controller.get(), &Ui::GradeAllController::finished);

    driveToSetup(false);
    pressStart();
    QTRY_VERIFY(m_controller->progressDialog());
    Ui::ProgressDialog *progress = m_controller->progressDialog();
    QTRY_VERIFY_WITH_TIMEOUT(progress->progress().done >= 1, 30000);

    // Hidden, the run goes on; shown again, the window starts from the orchestrator's snapshot.
    QTest::mouseClick(child<QPushButton>(progress, "hideButton"), Qt::LeftButton);
    QVERIFY(!progress->isVisible());
    QVERIFY(m_controller->isGrading());
    progress->setProgress({}); // forget what it knew: showProgress() must bring it back
    m_controller->showProgress();
    QVERIFY(progress->isVisible());
    QVERIFY(progress->isRunning());
    QCOMPARE(progress->progress().done, m_controller->orchestrator()->snapshot().done);
    QCOMPARE(child<QProgressBar>(progress, "progressBar")->maximum(), 5);

    Ui::MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(child<QPushButton>(progress, "stopButton"), Qt::LeftButton);
    QCOMPARE(Ui::MessageBox::lastText(), QStringLiteral("Stop grading? Copies already graded are kept."));
    QTRY_VERIFY_WITH_TIMEOUT(!m_controller->isGrading(), 30000);
    QVERIFY(progress->progress().cancelled);
    QVERIFY(labelText(progress, "headlineLabel").contains(QStringLiteral("kept")));
    const int graded = progress->progress().done;
    QVERIFY2(graded >= 1 && graded < 5, qPrintable(QString::number(graded)));
    QTest::mouseClick(child<QPushButton>(progress, "closeButton"), Qt::LeftButton);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().toLongLong(), 0);

    // The graded copies are stored, the others are pending again.
    m_snapshot = reload();
    QStringList pending;
    QStringList done;
    for (const Core::Copy &copy : std::as_const(m_snapshot.copies)) {
        QVERIFY(copy.status == Core::CopyStatus::Pending || copy.status == Core::CopyStatus::Graded);
        (copy.status == Core::CopyStatus::Pending ? pending : done).append(copy.label);
    }
    QCOMPARE(done.size(), graded);
    QCOMPARE(pending.size(), 5 - graded);

    // Grading again sends only the pending copies.
    m_server->reset();
    m_server->setDefaultLatency(0);
    driveToSetup(false);
    QCOMPARE(m_controller->setupDialog()->copiesToGrade(), 5 - graded);
    QCOMPARE(m_controller->setupDialog()->skippedByModel(), graded);
    QVERIFY(labelText(m_controller->setupDialog(), "skippedLabel").contains(QString::number(graded)));
    pressStart();
    QTRY_VERIFY_WITH_TIMEOUT(!m_controller->isGrading(), 30000);
    pending.sort();
    QCOMPARE(requestedCopies(QStringLiteral("gemini")), pending);
    m_snapshot = reload();
    for (const Core::Copy &copy : std::as_const(m_snapshot.copies))
        QCOMPARE(copy.status, Core::CopyStatus::Graded);
}

void TstGradeAll::missingKey_isSaidWithAWayToSettings()
{
    qunsetenv("OPENAI_API_KEY");
    QSignalSpy finished(m_controller.get(), &Ui::GradeAllController::finished);
    driveToSetup(true);
    Ui::GradeSetupDialog *setup = m_controller->setupDialog();
    QCOMPARE(labelText(setup, "keyStatusLabelB"), QStringLiteral("missing"));
    QVERIFY(labelText(setup, "problemLabel").contains(QStringLiteral("No API key")));
    QVERIFY(labelText(setup, "problemLabel").contains(QStringLiteral("OPENAI_API_KEY")));
    QVERIFY(child<QPushButton>(setup, "openSettingsButtonB")->isVisible());
    QVERIFY(!child<QPushButton>(setup, "openSettingsButtonA")->isVisible());
    QVERIFY(!child<QPushButton>(setup, "startButton")->isEnabled());
    QVERIFY(child<QLabel>(setup, "problemLabel")->isVisible());

    // Single mode needs only model A's key.
    QTest::mouseClick(child<QRadioButton>(setup, "singleRadio"), Qt::LeftButton);
    QTRY_VERIFY(child<QPushButton>(setup, "startButton")->isEnabled());
    QVERIFY(!child<QPushButton>(setup, "openSettingsButtonB")->isVisible());
    QTest::mouseClick(child<QRadioButton>(setup, "dualRadio"), Qt::LeftButton);
    QTRY_VERIFY(!setup->isReadingKeys());
    QVERIFY(!child<QPushButton>(setup, "startButton")->isEnabled());

    // The button opens Settings on the keys; a key typed there is used at once.
    QTest::mouseClick(child<QPushButton>(setup, "openSettingsButtonB"), Qt::LeftButton);
    QWidget *settings = nullptr;
    QTRY_VERIFY((settings = setup->findChild<QWidget *>(QStringLiteral("settingsDialog"))) && settings->isVisible());
    QSignalSpy written(m_secrets.get(), &Core::SecretStore::keyWritten);
    m_secrets->write(QStringLiteral("openai"), QStringLiteral("typed-openai-key"), false);
    QVERIFY(written.wait(5000));
    QTRY_VERIFY(child<QPushButton>(setup, "startButton")->isEnabled());
    QCOMPARE(setup->options().modelB.apiKey, QStringLiteral("typed-openai-key"));
    // Saving the settings keeps the choices made in the setup (dual mode here, single in the settings).
    emit static_cast<Ui::SettingsDialog *>(settings)->settingsSaved();
    QVERIFY(setup->isDual());
    QTRY_VERIFY(child<QPushButton>(setup, "startButton")->isEnabled());
    static_cast<QDialog *>(settings)->reject();

    QTest::mouseClick(child<QPushButton>(setup, "cancelButton"), Qt::LeftButton);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().toLongLong(), 0);
    QVERIFY(!m_controller->isRunning());
    QCOMPARE(m_server->requestCount(), 0);
}

void TstGradeAll::cancelAtReview_endsTheFlowWithoutGrading()
{
    QSignalSpy finished(m_controller.get(), &Ui::GradeAllController::finished);
    m_controller->start(m_snapshot);
    QTRY_VERIFY(m_controller->rubricDialog() && m_controller->rubricDialog()->isVisible());
    // A second "Grade all" while the flow is open brings it forward instead of starting another.
    m_controller->start(m_snapshot);
    QCOMPARE(m_window->findChildren<Ui::RubricDialog *>().size(), 1);

    QTest::mouseClick(child<QPushButton>(m_controller->rubricDialog(), "cancelButton"), Qt::LeftButton);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().toLongLong(), 0);
    QVERIFY(!m_controller->isRunning());
    QVERIFY(!m_controller->setupDialog());
    QCOMPARE(m_server->requestCount(), 0);
    const Core::SessionSnapshot after = reload();
    QVERIFY(!after.unfinishedRun.has_value());
    for (const Core::Copy &copy : after.copies)
        QCOMPARE(copy.status, Core::CopyStatus::Pending);
}

void TstGradeAll::draftWithAi_fillsTheRubricAndSavesIt()
{
    QSignalSpy changed(m_controller.get(), &Ui::GradeAllController::sessionChanged);
    m_controller->start(m_snapshot);
    QTRY_VERIFY(m_controller->rubricDialog() && m_controller->rubricDialog()->isVisible());
    Ui::RubricDialog *review = m_controller->rubricDialog();
    review->setCurrentQuestion(QStringLiteral("q5"));
    QTest::mouseClick(child<QPushButton>(review, "draftQuestionButton"), Qt::LeftButton);
    QVERIFY(review->isDrafting());
    QTRY_VERIFY_WITH_TIMEOUT(!review->isDrafting(), 15000);
    const Core::Exam reviewed = review->exam();
    const Core::Question *q5 = reviewed.question(QStringLiteral("q5"));
    QVERIFY2(q5 && q5->rubric, qPrintable(labelText(review, "draftErrorLabel")));
    QCOMPARE(q5->rubric->origin, Core::RubricOrigin::Ai);
    QCOMPARE(q5->rubric->criteria.size(), 1);
    QCOMPARE(q5->rubric->criteria.first().description, QStringLiteral("Drafted criterion"));
    QCOMPARE(q5->rubric->criteria.first().points, 4.0);
    QCOMPARE(m_server->requestCount(), 1);
    QCOMPARE(m_server->records().first().api, QStringLiteral("gemini"));
    QVERIFY(m_server->records().first().schemaValid);

    Ui::MessageBox::setNextAnswer(QMessageBox::Yes); // in case the dialog asks about the unreviewed draft
    QTest::mouseClick(child<QPushButton>(review, "acceptButton"), Qt::LeftButton);
    QTRY_VERIFY(m_controller->setupDialog());
    QTRY_VERIFY(changed.count() >= 1);
    const Core::SessionSnapshot after = reload();
    const Core::Question *stored = after.exam.question(QStringLiteral("q5"));
    QVERIFY(stored && stored->rubric);
    QCOMPARE(stored->rubric->criteria.first().description, QStringLiteral("Drafted criterion"));
    const Core::Question *untouched = after.exam.question(QStringLiteral("q1"));
    QCOMPARE(untouched->rubric, m_snapshot.exam.question(QStringLiteral("q1"))->rubric);
    m_controller->cancel();
    QVERIFY(!m_controller->isRunning());
}

void TstGradeAll::setup_masksNamesAndCanSendQuestionsWithTheirPages()
{
    driveToSetup(false);
    Ui::GradeSetupDialog *setup = m_controller->setupDialog();
    auto *mask = child<QCheckBox>(setup, "maskCheck");
    auto *perQuestion = child<QCheckBox>(setup, "perQuestionCheck");
    QVERIFY(mask->isChecked()); // names hidden unless the teacher says otherwise
    QVERIFY(perQuestion->isEnabled()); // the demo exam says where each answer is
    QVERIFY(!setup->options().perQuestion);
    QVERIFY(setup->options().anonymize);
    QTest::mouseClick(perQuestion, Qt::LeftButton);
    QVERIFY(setup->options().perQuestion);
    pressStart();
    QTRY_VERIFY_WITH_TIMEOUT(!m_controller->isGrading(), 60000);
    // Questions 1-4 are on page 2 and question 5 on page 3: every request carries one page.
    const QList<FakeLlmServer::Record> records = m_server->records();
    QVERIFY(records.size() >= 10);
    for (const FakeLlmServer::Record &record : records)
        QCOMPARE(record.body.count("\"inlineData\""), 1);
}

QTEST_MAIN(TstGradeAll)
#include "tst_gradeall.moc"
