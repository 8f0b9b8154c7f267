// Batch grading in the GUI: the setup dialog's choice and estimate, the batch panel with its states and counts,
// polling and importing while the session is open, picking up on reopening, and cancelling to grade the rest live.
#include "core/domain/exam.h"
#include "core/secrets/secretstore.h"
#include "core/session/sessiondatabase.h"
#include "core/session/sessionstore.h"
#include "core/settings/appsettings.h"
#include "core/workflow/sessionimport.h"
#include "tests/support/fakebatchapis.h"
#include "tests/support/fakellmserver.h"
#include "ui/batchcontroller.h"
#include "ui/dialogs/gradesetupdialog.h"
#include "ui/dialogs/rubricdialog.h"
#include "ui/gradeallcontroller.h"
#include "ui/widgets/batchpanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QtTest>

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

int countStatus(const Core::SessionSnapshot &snapshot, Core::CopyStatus status)
{
    return int(std::count_if(snapshot.copies.cbegin(), snapshot.copies.cend(),
                             [status](const Core::Copy &copy) { return copy.status == status; }));
}

} // namespace

class TstBatchGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void setup_offersBatchAtHalfPrice_andHandsTheOptionsOver();
    void panel_showsEachBatch_pollsImports_andAReopenedSessionPicksUp();
    void cancel_importsWhatRan_andTheRestWaitsForLiveGrading();

private:
    Core::SessionSnapshot openSession(Core::SessionStore &store);
    Core::GradingOptions options() const;

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_ini;
    std::unique_ptr<Core::AppSettings> m_settings;
    std::unique_ptr<Core::SecretStore> m_secrets;
    std::unique_ptr<FakeLlmServer> m_server;
    QThreadPool m_pool;
    QString m_sessionPath;
    int m_sessions = 0;
};

void TstBatchGui::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qputenv("CORRIGE_NO_KEYCHAIN", "1");
    m_pool.setMaxThreadCount(2);
}

void TstBatchGui::init()
{
    qputenv("GEMINI_API_KEY", "test-gemini-key");
    qputenv("OPENAI_API_KEY", "test-openai-key");
    m_server = std::make_unique<FakeLlmServer>();
    QVERIFY(m_server->setSpecsDir(specsDir));
    QVERIFY(m_server->listen());
    m_server->batches().setTimeline({50, 400, 50});
    m_ini = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings-%1.ini").arg(m_sessions)), QSettings::IniFormat);
    m_settings = std::make_unique<Core::AppSettings>(m_ini.get());
    m_settings->setProvider(Core::ModelSlot::A, QStringLiteral("gemini"));
    m_settings->setModel(Core::ModelSlot::A, QStringLiteral("gemini-2.5-flash"));
    m_settings->setBaseUrl(Core::ModelSlot::A, m_server->geminiBaseUrl().toString());
    m_settings->setMode(QStringLiteral("single"));
    m_secrets = std::make_unique<Core::SecretStore>();
    m_secrets->setKeychainEnabled(false);

    QFile examFile(QStringLiteral(":/demo/exam.json"));
    QVERIFY(examFile.open(QIODevice::ReadOnly));
    const Core::Result<Core::Exam> exam = Core::Exam::fromJson(examFile.readAll(), QStringLiteral("exam.json"));
    QVERIFY(exam.isOk());
    m_sessionPath = m_dir.filePath(QStringLiteral("class-%1.corrige").arg(++m_sessions));
    auto database = Core::SessionDatabase::create(m_sessionPath, exam.value());
    QVERIFY(database.isOk());
    Core::ImportRequest request;
    request.pdfPaths = {scansPdf};
    request.pagesPerCopy = 4;
    QVERIFY(Core::SessionImport::run(*database.value(), request).isOk());
}

void TstBatchGui::cleanup()
{
    m_pool.waitForDone();
    m_secrets.reset();
    m_settings.reset();
    m_ini.reset();
    m_server.reset();
}

Core::SessionSnapshot TstBatchGui::openSession(Core::SessionStore &store)
{
    QSignalSpy opened(&store, &Core::SessionStore::opened);
    store.open(m_sessionPath);
    [&] { QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 10000); }();
    return opened.isEmpty() ? Core::SessionSnapshot{} : opened.first().at(1).value<Core::SessionSnapshot>();
}

Core::GradingOptions TstBatchGui::options() const
{
    Core::GradingOptions options;
    options.modelA.kind = Core::ProviderKind::Gemini;
    options.modelA.model = QStringLiteral("gemini-2.5-flash");
    options.modelA.baseUrl = m_server->geminiBaseUrl();
    options.modelA.apiKey = QStringLiteral("test-gemini-key");
    return options;
}

void TstBatchGui::setup_offersBatchAtHalfPrice_andHandsTheOptionsOver()
{
    Core::SessionStore store;
    const Core::SessionSnapshot snapshot = openSession(store);
    QWidget window;
    window.resize(1000, 700);
    window.show();
    Ui::GradeAllController controller(&store, &m_pool, &window);
    controller.setSettings(m_settings.get());
    controller.setSecretStore(m_secrets.get());
    QSignalSpy batchRequested(&controller, &Ui::GradeAllController::batchRequested);
    QSignalSpy finished(&controller, &Ui::GradeAllController::finished);
    controller.start(snapshot);
    QTRY_VERIFY(controller.rubricDialog() && controller.rubricDialog()->isVisible());
    QTest::mouseClick(child<QPushButton>(controller.rubricDialog(), "acceptButton"), Qt::LeftButton);
    QTRY_VERIFY(controller.setupDialog() && controller.setupDialog()->isVisible());
    Ui::GradeSetupDialog *setup = controller.setupDialog();
    QTRY_VERIFY(!setup->isReadingKeys());

    auto *batch = child<QCheckBox>(setup, "batchCheck");
    auto *cost = child<QLabel>(setup, "costLabel");
    auto *start = child<QPushButton>(setup, "startButton");
    QVERIFY(batch->isEnabled());
    QVERIFY(!batch->isChecked());
    const auto dollars = [cost] {
        static const QRegularExpression amount(QStringLiteral("\\$([0-9.]+)"));
        return amount.match(cost->text()).captured(1).toDouble();
    };
    const double live = dollars();
    QVERIFY2(live > 0, qPrintable(cost->text()));
    const QString liveStart = start->text();
    QTest::mouseClick(batch, Qt::LeftButton);
    QVERIFY(setup->isBatch());
    QVERIFY(start->text() != liveStart);
    QVERIFY(cost->text().contains(QStringLiteral("batch")));
    QVERIFY2(qAbs(dollars() - live / 2) <= 0.0011, qPrintable(cost->text())); // half, to the cent shown

    // A compatible server has no Batch API: the choice goes away.
    auto *provider = child<QComboBox>(setup, "providerComboA");
    QVERIFY(provider);
    const int compatible = provider->findData(QStringLiteral("compatible"));
    QVERIFY(compatible >= 0);
    provider->setCurrentIndex(compatible);
    QTRY_VERIFY(!batch->isEnabled());
    QVERIFY(!setup->isBatch());
    provider->setCurrentIndex(provider->findData(QStringLiteral("gemini")));
    QTRY_VERIFY(batch->isEnabled());
    if (!batch->isChecked())
        QTest::mouseClick(batch, Qt::LeftButton);
    QVERIFY(setup->isBatch());
    QTRY_VERIFY(start->isEnabled());
    QTest::mouseClick(start, Qt::LeftButton);
    QTRY_COMPARE(batchRequested.size(), 1);
    QCOMPARE(finished.size(), 1);
    QVERIFY(!controller.isGrading());
    const auto handed = batchRequested.first().at(0).value<Core::GradingOptions>();
    QCOMPARE(handed.modelA.kind, Core::ProviderKind::Gemini);
    QVERIFY(!handed.modelA.apiKey.isEmpty());
    QCOMPARE(m_server->requestCount(), 0); // nothing sent live
}

void TstBatchGui::panel_showsEachBatch_pollsImports_andAReopenedSessionPicksUp()
{
    m_server->batches().setTimeline({100, 1500, 100});
    {
        Core::SessionStore store;
        const Core::SessionSnapshot snapshot = openSession(store);
        Ui::BatchController controller(&store, &m_pool, m_secrets.get());
        controller.setPollInterval(100);
        Ui::BatchPanel panel;
        connect(&controller, &Ui::BatchController::jobsChanged, &panel, &Ui::BatchPanel::setJobs);
        QSignalSpy messages(&controller, &Ui::BatchController::message);
        QSignalSpy changed(&controller, &Ui::BatchController::sessionChanged);
        controller.submit(snapshot, options());
        QTRY_VERIFY_WITH_TIMEOUT(changed.size() >= 1, 60000);
        QTRY_VERIFY(!controller.isSubmitting());
        QCOMPARE(m_server->batches().createCount(), 1);

        // The window reloads: the panel shows the batch, and polling starts.
        Core::SessionSnapshot reloaded = openSession(store);
        QCOMPARE(countStatus(reloaded, Core::CopyStatus::Submitted), 5);
        QCOMPARE(reloaded.batchJobs.size(), 1);
        panel.setJobs(reloaded.batchJobs);
        QVERIFY(!panel.isHidden());
        QVERIFY(child<QLabel>(&panel, "batchList")->text().contains(QStringLiteral("gemini-2.5-flash")));
        QVERIFY(child<QLabel>(&panel, "batchList")->text().contains(QStringLiteral("0 of 5")));
        // The window closes before the batch is done: nothing is lost.
        controller.stop();
    }
    // Reopened (as on another computer with the same keys): the batch is picked up and imported.
    Core::SessionStore store;
    const Core::SessionSnapshot snapshot = openSession(store);
    QCOMPARE(countStatus(snapshot, Core::CopyStatus::Submitted), 5);
    Ui::BatchController controller(&store, &m_pool, m_secrets.get());
    controller.setPollInterval(100);
    Ui::BatchPanel panel;
    connect(&controller, &Ui::BatchController::jobsChanged, &panel, &Ui::BatchPanel::setJobs);
    QSignalSpy messages(&controller, &Ui::BatchController::message);
    controller.setSession(snapshot);
    QTRY_VERIFY(controller.isPolling());
    QTRY_VERIFY_WITH_TIMEOUT(!controller.isPolling(), 60000);
    bool said = false;
    for (const QList<QVariant> &message : std::as_const(messages))
        said = said || message.at(0).toString().contains(QStringLiteral("imported"));
    QVERIFY(said);
    const Core::SessionSnapshot done = openSession(store);
    QCOMPARE(countStatus(done, Core::CopyStatus::Graded) + countStatus(done, Core::CopyStatus::NeedsReview), 5);
    panel.setJobs(done.batchJobs);
    QVERIFY(panel.isHidden());
    QCOMPARE(m_server->batches().createCount(), 1);
}

void TstBatchGui::cancel_importsWhatRan_andTheRestWaitsForLiveGrading()
{
    m_server->batches().setTimeline({50, 60000, 200});
    Test::FakeBatchApis::Script script;
    script.completeLines = 2;
    m_server->batches().enqueue(script);
    Core::SessionStore store;
    const Core::SessionSnapshot snapshot = openSession(store);
    Ui::BatchController controller(&store, &m_pool, m_secrets.get());
    controller.setPollInterval(100);
    Ui::BatchPanel panel;
    connect(&controller, &Ui::BatchController::jobsChanged, &panel, &Ui::BatchPanel::setJobs);
    connect(&panel, &Ui::BatchPanel::cancelRequested, &controller, &Ui::BatchController::cancelBatches);
    QSignalSpy changed(&controller, &Ui::BatchController::sessionChanged);
    controller.submit(snapshot, options());
    QTRY_VERIFY_WITH_TIMEOUT(changed.size() >= 1 && !controller.isSubmitting(), 60000);
    controller.setSession(openSession(store));
    QTRY_VERIFY(!panel.isHidden());
    panel.show();
    QSignalSpy messages(&controller, &Ui::BatchController::message);
    QTest::mouseClick(child<QPushButton>(&panel, "cancelBatchesButton"), Qt::LeftButton);
    QVERIFY(controller.isPolling());
    QTRY_VERIFY_WITH_TIMEOUT(!controller.isPolling(), 60000);
    bool said = false;
    for (const QList<QVariant> &message : std::as_const(messages))
        said = said || message.at(0).toString().contains(QStringLiteral("cancelled"));
    QVERIFY(said);
    const Core::SessionSnapshot after = openSession(store);
    QCOMPARE(countStatus(after, Core::CopyStatus::Graded) + countStatus(after, Core::CopyStatus::NeedsReview), 2);
    QCOMPARE(countStatus(after, Core::CopyStatus::Pending), 3);
    QCOMPARE(after.batchJobs.first().state, QStringLiteral("imported"));
}

QTEST_MAIN(TstBatchGui)
#include "tst_batchgui.moc"
