// Batch grading end to end: `corrige-cli grade --batch` and `corrige-cli batch` against the fake server's Batch APIs,
// on the real demo scans.
#include "core/domain/importplan.h"
#include "core/session/sessiondatabase.h"
#include "tests/support/fakebatchapis.h"
#include "tests/support/fakellmserver.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Corrige;
using Script = Test::FakeBatchApis::Script;
using End = Test::FakeBatchApis::End;

namespace {

const QString demoDir = QStringLiteral(CORRIGE_DEMO_DIR);
const QString scans = QStringLiteral(CORRIGE_TEST_DATA_DIR "/scans/zesje_demo_submissions_5students_20pages.pdf");
const QString geminiKey = QStringLiteral("test-gemini-key-5c1e");
const QString openAiKey = QStringLiteral("sk-test-openai-key-77aa");

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList statuses(const QJsonObject &status)
{
    QStringList list;
    for (const QJsonValue &copy : status.value(QStringLiteral("copies")).toArray())
        list.append(copy.toObject().value(QStringLiteral("status")).toString());
    return list;
}

int countOf(const QStringList &list, const QString &value)
{
    return int(list.count(value));
}

} // namespace

class TstBatch : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void dual200_oneBatchPerModel_everyCopyImportedOnce_atTheBatchPrice();
    void batchLines_areTheRequestsLiveGradingSends();
    void kill9DuringPolling_thenBatchAgain_importsEverythingOnce();
    void crashBetweenCreateAndRecord_theNextPollAdoptsByTag();
    void expiredBatch_keepsItsCompletedLines_andTheRestGoesBackToPending();
    void cancelledBatch_keepsWhatRan_andTheRestIsGradedLive();
    void failedValidation_putsEverythingBackToPending();
    void failedAndMissingLines_failOrReturnTheirCopies();
    void gemini_lateResultsFile_jobStateSpelling_and429OnCreate();
    void compatibleServers_haveNoBatch();

private:
    QString createSession(int copies);
    Run runCli(const QStringList &arguments, int timeoutMs = 300000);
    QProcess *startCli(const QStringList &arguments);
    Run finish(QProcess *process, int timeoutMs = 300000);
    QJsonObject status(const QString &session);
    QStringList gradeBatch(const QString &session, bool dual);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Test::FakeLlmServer> m_server;
    QProcessEnvironment m_env;
};

void TstBatch::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_server = std::make_unique<Test::FakeLlmServer>(QStringLiteral(CORRIGE_TEST_DATA_DIR "/api/specs"));
    QVERIFY2(m_server->specsError().isEmpty(), qPrintable(m_server->specsError()));
    QVERIFY(m_server->listen());
    m_server->batches().setTimeline({50, 300, 50});
    m_env = QProcessEnvironment::systemEnvironment();
    m_env.insert(QStringLiteral("GEMINI_API_KEY"), geminiKey);
    m_env.insert(QStringLiteral("OPENAI_API_KEY"), openAiKey);
    m_env.insert(QStringLiteral("CORRIGE_NO_KEYCHAIN"), QStringLiteral("1"));
    m_env.insert(QStringLiteral("CORRIGE_BATCH_POLL_MS"), QStringLiteral("100"));
    m_env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    m_env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
}

Run TstBatch::finish(QProcess *process, int timeoutMs)
{
    QSignalSpy finished(process, &QProcess::finished);
    if (process->state() != QProcess::NotRunning && !finished.wait(timeoutMs)) {
        process->kill();
        process->waitForFinished();
    }
    Run run;
    run.exitCode = process->exitStatus() == QProcess::NormalExit ? process->exitCode() : -1;
    run.out = QString::fromUtf8(process->readAllStandardOutput());
    run.err = QString::fromUtf8(process->readAllStandardError());
    process->deleteLater();
    return run;
}

QProcess *TstBatch::startCli(const QStringList &arguments)
{
    auto *process = new QProcess(this);
    process->setProcessEnvironment(m_env);
    process->start(QStringLiteral(CORRIGE_CLI_PATH), arguments);
    return process;
}

Run TstBatch::runCli(const QStringList &arguments, int timeoutMs)
{
    // The event loop runs while waiting: the fake server answers from this thread.
    return finish(startCli(arguments), timeoutMs);
}

QJsonObject TstBatch::status(const QString &session)
{
    const Run run = runCli({QStringLiteral("status"), session, QStringLiteral("--json")});
    return QJsonDocument::fromJson(run.out.toUtf8()).object();
}

// A session of the demo exam with `copies` one-page copies cut from the real scans.
QString TstBatch::createSession(int copies)
{
    const QString session = m_dir->filePath(QStringLiteral("class%1.corrige").arg(QRandomGenerator::global()->generate()));
    const Run created = runCli({QStringLiteral("new"), session, QStringLiteral("--exam"), demoDir + QStringLiteral("/exam.json")});
    if (created.exitCode != 0)
        qWarning("%s", qPrintable(created.err));
    auto db = Core::SessionDatabase::open(session);
    if (!db)
        return {};
    Core::ImportPlan plan;
    const QByteArray pdf = fileBytes(scans);
    plan.documents.append({QStringLiteral("scans.pdf"), QCryptographicHash::hash(pdf, QCryptographicHash::Sha256).toHex(), pdf, 20});
    for (int i = 0; i < copies; ++i)
        plan.copies.append({QStringLiteral("Copy %1").arg(i + 1), QStringLiteral("Student %1").arg(i + 1), QString(), QString(), 0, {i % 20}});
    if (!db.value()->applyImport(plan))
        return {};
    return session;
}

QStringList TstBatch::gradeBatch(const QString &session, bool dual)
{
    QStringList arguments{QStringLiteral("grade"), session, QStringLiteral("--batch"), QStringLiteral("--base-url"),
                          m_server->geminiBaseUrl().toString()};
    if (dual)
        arguments += {QStringLiteral("--mode"), QStringLiteral("dual"), QStringLiteral("--provider2"), QStringLiteral("openai"),
                      QStringLiteral("--base-url2"), m_server->openAiBaseUrl().toString()};
    return arguments;
}

void TstBatch::dual200_oneBatchPerModel_everyCopyImportedOnce_atTheBatchPrice()
{
    const QString session = createSession(200);
    QVERIFY(!session.isEmpty());
    const Run submitted = runCli(gradeBatch(session, true));
    QVERIFY2(submitted.exitCode == 0, qPrintable(submitted.err + submitted.out));
    QVERIFY2(QRegularExpression(QStringLiteral("^200 cop(y\\(ies\\)|ies) submitted"), QRegularExpression::MultilineOption).match(submitted.out).hasMatch(), qPrintable(submitted.out));

    // One create per model: the limits do not force a split for 200 copies.
    QCOMPARE(m_server->batches().createCount(), 2);
    const QList<Test::FakeBatchApis::LineRecord> lines = m_server->batches().lineRecords();
    QCOMPARE(lines.size(), 400);
    QSet<QString> keys;
    for (const auto &line : lines) {
        QVERIFY2(line.schemaValid, qPrintable(line.key + QStringLiteral(": ") + line.schemaError));
        keys.insert(line.api + line.key);
    }
    QCOMPARE(keys.size(), 400);

    // The session knows both batches and that every copy is submitted.
    QJsonObject before = status(session);
    QCOMPARE(countOf(statuses(before), QStringLiteral("submitted")), 200);
    const QJsonArray batches = before.value(QStringLiteral("batches")).toArray();
    QCOMPARE(batches.size(), 2);
    QSet<QString> providers;
    for (const QJsonValue &batch : batches) {
        providers.insert(batch.toObject().value(QStringLiteral("provider")).toString());
        QVERIFY(!batch.toObject().value(QStringLiteral("id")).toString().isEmpty());
        QCOMPARE(batch.toObject().value(QStringLiteral("counts")).toObject().value(QStringLiteral("total")).toInt(), 200);
    }
    QCOMPARE(providers, (QSet<QString>{QStringLiteral("gemini"), QStringLiteral("openai")}));
    QCOMPARE(before.value(QStringLiteral("summary")).toObject().value(QStringLiteral("submitted")).toInt(), 200);

    // Grading again submits nothing more while the copies are in a batch.
    const Run again = runCli(gradeBatch(session, true));
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(m_server->batches().createCount(), 2);

    const Run collected = runCli({QStringLiteral("batch"), session, QStringLiteral("--wait")});
    QVERIFY2(collected.exitCode == 0, qPrintable(collected.err + collected.out));
    QVERIFY2(QRegularExpression(QStringLiteral("^200 cop(y\\(ies\\)|ies) imported"), QRegularExpression::MultilineOption).match(collected.out).hasMatch(), qPrintable(collected.out));
    const QJsonObject after = status(session);
    const QStringList done = statuses(after);
    QCOMPARE(countOf(done, QStringLiteral("graded")) + countOf(done, QStringLiteral("needs_review")), 200);
    for (const QJsonValue &batch : after.value(QStringLiteral("batches")).toArray())
        QCOMPARE(batch.toObject().value(QStringLiteral("state")).toString(), QStringLiteral("imported"));
    // Uploaded input files are deleted once imported.
    QVERIFY(m_server->batches().liveFileIds().isEmpty());

    // Every copy has both models' grades once, and the costs are at half the list price.
    auto db = Core::SessionDatabase::open(session);
    QVERIFY(db);
    QHash<qint64, int> modelA;
    QHash<qint64, int> modelB;
    for (const Core::QuestionGrade &grade : db.value()->grades()) {
        modelA[grade.copyId] += grade.source == Core::GradeSource::ModelA;
        modelB[grade.copyId] += grade.source == Core::GradeSource::ModelB;
    }
    QCOMPARE(modelA.size(), 200);
    for (auto it = modelA.cbegin(); it != modelA.cend(); ++it) {
        QCOMPARE(it.value(), 5);
        QCOMPARE(modelB.value(it.key()), 5);
    }
    const QList<Core::RunInfo> runs = db.value()->runs();
    QCOMPARE(runs.size(), 1);
    const Core::RunInfo run = runs.first();
    QCOMPARE(run.status, QStringLiteral("finished"));
    QCOMPARE(run.graded, 200);
    const QList<Core::RequestLogEntry> log = db.value()->requestLog(run.id);
    QCOMPARE(log.size(), 400);
    qint64 geminiIn = 0, geminiOut = 0, openAiIn = 0, openAiOut = 0;
    for (const Core::RequestLogEntry &entry : log) {
        (entry.provider == QLatin1String("gemini") ? geminiIn : openAiIn) += entry.inputTokens;
        (entry.provider == QLatin1String("gemini") ? geminiOut : openAiOut) += entry.outputTokens;
    }
    QVERIFY(geminiIn > 0 && openAiIn > 0);
    // Built-in list prices per million tokens: gemini-2.5-flash 0.30 / 2.50, gpt-4.1-mini 0.40 / 1.60.
    const double list = (geminiIn * 0.30 + geminiOut * 2.50 + openAiIn * 0.40 + openAiOut * 1.60) / 1e6;
    QVERIFY2(qAbs(run.cost - list / 2) < 1e-9, qPrintable(QStringLiteral("%1 vs %2").arg(run.cost).arg(list / 2)));

    // Collecting again imports nothing twice and creates nothing.
    m_server->reset();
    const Run twice = runCli({QStringLiteral("batch"), session, QStringLiteral("--wait")});
    QCOMPARE(twice.exitCode, 0);
    QCOMPARE(m_server->batches().createRequests(), 0);
    QCOMPARE(db.value()->requestLog(run.id).size(), 400);
}

void TstBatch::batchLines_areTheRequestsLiveGradingSends()
{
    // Live first: the bodies as live grading sends them.
    const QString live = createSession(3);
    const Run graded = runCli({QStringLiteral("grade"), live, QStringLiteral("--base-url"), m_server->geminiBaseUrl().toString(),
                               QStringLiteral("--mode"), QStringLiteral("dual"), QStringLiteral("--provider2"), QStringLiteral("openai"),
                               QStringLiteral("--base-url2"), m_server->openAiBaseUrl().toString(), QStringLiteral("--concurrency"), QStringLiteral("1")});
    QVERIFY2(graded.exitCode == 0, qPrintable(graded.err));
    QList<QJsonObject> liveGemini;
    QList<QJsonObject> liveOpenAi;
    for (const auto &record : m_server->records())
        (record.api == QLatin1String("gemini") ? liveGemini : liveOpenAi).append(QJsonDocument::fromJson(record.body).object());
    QCOMPARE(liveGemini.size(), 3);
    QCOMPARE(liveOpenAi.size(), 3);

    // Then the same class through batch: the Gemini JSONL upload and OpenAI's.
    m_server->reset();
    const QString batch = createSession(3);
    const Run submitted = runCli(gradeBatch(batch, true));
    QVERIFY2(submitted.exitCode == 0, qPrintable(submitted.err));
    QList<QJsonObject> batchGemini;
    QList<QJsonObject> batchOpenAi;
    for (const auto &record : m_server->records()) {
        if (record.path.endsWith(QLatin1String(":batchGenerateContent"))) {
            const QJsonArray requests = QJsonDocument::fromJson(record.body).object().value(QStringLiteral("batch")).toObject()
                                            .value(QStringLiteral("inputConfig")).toObject().value(QStringLiteral("requests")).toObject()
                                            .value(QStringLiteral("requests")).toArray();
            for (const QJsonValue &request : requests)
                batchGemini.append(request.toObject().value(QStringLiteral("request")).toObject());
        } else if (record.path == QLatin1String("/v1/files")) {
            const QByteArray body = record.body;
            for (const QByteArray &line : body.split('\n')) {
                const QJsonObject object = QJsonDocument::fromJson(line).object();
                if (object.contains(QStringLiteral("custom_id")))
                    batchOpenAi.append(object.value(QStringLiteral("body")).toObject());
            }
        }
    }
    QCOMPARE(batchGemini.size(), 3);
    QCOMPARE(batchOpenAi.size(), 3);
    // Lines are written as copies are ready, not in class order: pair them by the copy's pseudonym.
    const auto byCopy = [](QList<QJsonObject> &requests) {
        static const QRegularExpression pseudonym(QStringLiteral("Copy: (Copy \\d+) \\("));
        std::sort(requests.begin(), requests.end(), [](const QJsonObject &a, const QJsonObject &b) {
            const auto label = [](const QJsonObject &request) {
                return pseudonym.match(QString::fromUtf8(QJsonDocument(request).toJson(QJsonDocument::Compact))).captured(1);
            };
            return label(a) < label(b);
        });
    };
    byCopy(liveGemini);
    byCopy(liveOpenAi);
    byCopy(batchGemini);
    byCopy(batchOpenAi);
    // Same prompt, page images, schema, name mask and pseudonyms; Gemini's keys spelled snake_case in batches.
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(batchOpenAi.at(i), liveOpenAi.at(i));
        const QByteArray liveText = QJsonDocument(liveGemini.at(i)).toJson(QJsonDocument::Compact);
        const QByteArray batchText = QJsonDocument(batchGemini.at(i)).toJson(QJsonDocument::Compact);
        QCOMPARE(batchGemini.at(i).value(QStringLiteral("contents")).toArray().size(), 1);
        const auto parts = [](const QJsonObject &request) {
            return request.value(QStringLiteral("contents")).toArray().first().toObject().value(QStringLiteral("parts")).toArray();
        };
        QCOMPARE(parts(batchGemini.at(i)).size(), parts(liveGemini.at(i)).size());
        for (qsizetype p = 0; p < parts(liveGemini.at(i)).size(); ++p) {
            const QJsonObject livePart = parts(liveGemini.at(i)).at(p).toObject();
            const QJsonObject batchPart = parts(batchGemini.at(i)).at(p).toObject();
            if (livePart.contains(QStringLiteral("text")))
                QCOMPARE(batchPart.value(QStringLiteral("text")), livePart.value(QStringLiteral("text")));
            else
                QCOMPARE(batchPart.value(QStringLiteral("inline_data")).toObject().value(QStringLiteral("data")),
                         livePart.value(QStringLiteral("inlineData")).toObject().value(QStringLiteral("data")));
        }
        QCOMPARE(batchGemini.at(i).value(QStringLiteral("generation_config")).toObject().value(QStringLiteral("response_json_schema")),
                 liveGemini.at(i).value(QStringLiteral("generationConfig")).toObject().value(QStringLiteral("responseJsonSchema")));
        QVERIFY(!batchText.contains("Student 1") && !liveText.contains("Student 1"));
    }
}

void TstBatch::kill9DuringPolling_thenBatchAgain_importsEverythingOnce()
{
    m_server->batches().setTimeline({100, 3000, 100});
    const QString session = createSession(6);
    const Run submitted = runCli(gradeBatch(session, false));
    QVERIFY2(submitted.exitCode == 0, qPrintable(submitted.err));
    QCOMPARE(m_server->batches().createCount(), 1);

    QProcess *polling = startCli({QStringLiteral("batch"), session, QStringLiteral("--wait")});
    QSignalSpy requests(m_server.get(), &Test::FakeLlmServer::requestFinished);
    QTRY_VERIFY_WITH_TIMEOUT(requests.size() >= 3, 60000); // a few polls
    polling->kill(); // SIGKILL in the middle of polling
    finish(polling);
    QCOMPARE(countOf(statuses(status(session)), QStringLiteral("submitted")), 6);

    const Run again = runCli({QStringLiteral("batch"), session, QStringLiteral("--wait")});
    QVERIFY2(again.exitCode == 0, qPrintable(again.err + again.out));
    QCOMPARE(countOf(statuses(status(session)), QStringLiteral("graded")), 6);
    QCOMPARE(m_server->batches().createCount(), 1);
    auto db = Core::SessionDatabase::open(session);
    QVERIFY(db);
    int finals = 0;
    for (const Core::QuestionGrade &grade : db.value()->grades())
        finals += grade.source == Core::GradeSource::Final;
    QCOMPARE(finals, 6 * 5);
    QCOMPARE(db.value()->requestLog(db.value()->runs().first().id).size(), 6);
}

void TstBatch::crashBetweenCreateAndRecord_theNextPollAdoptsByTag()
{
    Script script;
    script.hangCreate = true; // the batch is created, the answer never comes
    m_server->batches().enqueue(script);
    const QString session = createSession(4);
    QProcess *grading = startCli(gradeBatch(session, false));
    QTRY_VERIFY_WITH_TIMEOUT(m_server->batches().createCount() == 1, 120000);
    QTest::qWait(200);
    grading->kill();
    finish(grading);

    // The session holds the batch by its tag only; its copies are submitted.
    const QJsonObject before = status(session);
    QCOMPARE(countOf(statuses(before), QStringLiteral("submitted")), 4);
    const QJsonObject job = before.value(QStringLiteral("batches")).toArray().first().toObject();
    QCOMPARE(job.value(QStringLiteral("state")).toString(), QStringLiteral("creating"));
    QVERIFY(job.value(QStringLiteral("id")).toString().isEmpty());
    QVERIFY(job.value(QStringLiteral("tag")).toString().startsWith(QLatin1String("corrige-")));

    const Run collected = runCli({QStringLiteral("batch"), session, QStringLiteral("--wait")});
    QVERIFY2(collected.exitCode == 0, qPrintable(collected.err + collected.out));
    QVERIFY2(collected.err.contains(QStringLiteral("again by its tag")), qPrintable(collected.err));
    QCOMPARE(countOf(statuses(status(session)), QStringLiteral("graded")), 4);
    QCOMPARE(m_server->batches().createCount(), 1);
    QCOMPARE(m_server->batches().createRequests(), 1);
}

void TstBatch::expiredBatch_keepsItsCompletedLines_andTheRestGoesBackToPending()
{
    Script script;
    script.end = End::Expire;
    script.completeLines = 3;
    m_server->batches().enqueue(script);
    const QString session = createSession(5);
    QStringList arguments = gradeBatch(session, false);
    arguments += {QStringLiteral("--provider"), QStringLiteral("openai"), QStringLiteral("--base-url"), m_server->openAiBaseUrl().toString()};
    arguments.removeAt(3); // the Gemini --base-url given by gradeBatch
    arguments.removeAt(3);
    const Run submitted = runCli(arguments);
    QVERIFY2(submitted.exitCode == 0, qPrintable(submitted.err));
    const Run collected = runCli({QStringLiteral("batch"), session, QStringLiteral("--wait")});
    QVERIFY2(collected.exitCode == 0, qPrintable(collected.err + collected.out));
    const QJsonObject after = status(session);
    QCOMPARE(countOf(statuses(after), QStringLiteral("graded")), 3);
    QCOMPARE(countOf(statuses(after), QStringLiteral("pending")), 2);
    QCOMPARE(after.value(QStringLiteral("batches")).toArray().first().toObject().value(QStringLiteral("state")).toString(),
             QStringLiteral("imported"));

    // Grading again sends only the two left, live.
    m_server->reset();
    const Run live = runCli({QStringLiteral("grade"), session, QStringLiteral("--provider"), QStringLiteral("openai"),
                             QStringLiteral("--base-url"), m_server->openAiBaseUrl().toString()});
    QVERIFY2(live.exitCode == 0, qPrintable(live.err));
    QCOMPARE(m_server->requestCount(), 2);
    QCOMPARE(countOf(statuses(status(session)), QStringLiteral("graded")), 5);
}

void TstBatch::cancelledBatch_keepsWhatRan_andTheRestIsGradedLive()
{
    m_server->batches().setTimeline({50, 60000, 200});
    Script script;
    script.completeLines = 2;
    m_server->batches().enqueue(script);
    const QString session = createSession(5);
    QVERIFY(runCli(gradeBatch(session, false)).exitCode == 0);
    const Run cancelled = runCli({QStringLiteral("batch"), session, QStringLiteral("--cancel")});
    QVERIFY2(cancelled.exitCode == 0, qPrintable(cancelled.err + cancelled.out));
    const QJsonObject after = status(session);
    QCOMPARE(countOf(statuses(after), QStringLiteral("graded")), 2);
    QCOMPARE(countOf(statuses(after), QStringLiteral("pending")), 3);
    m_server->reset();
    const Run live = runCli({QStringLiteral("grade"), session, QStringLiteral("--base-url"), m_server->geminiBaseUrl().toString()});
    QVERIFY2(live.exitCode == 0, qPrintable(live.err));
    QCOMPARE(m_server->requestCount(), 3);
    QCOMPARE(countOf(statuses(status(session)), QStringLiteral("graded")), 5);
}

void TstBatch::failedValidation_putsEverythingBackToPending()
{
    Script script;
    script.end = End::FailValidation;
    m_server->batches().enqueue(script);
    const QString session = createSession(3);
    QVERIFY(runCli(gradeBatch(session, false)).exitCode == 0);
    const Run collected = runCli({QStringLiteral("batch"), session, QStringLiteral("--wait")});
    QCOMPARE(collected.exitCode, 0);
    QVERIFY2(collected.out.contains(QStringLiteral("3 back to pending")), qPrintable(collected.out));
    const QJsonObject after = status(session);
    QCOMPARE(countOf(statuses(after), QStringLiteral("pending")), 3);
    QCOMPARE(after.value(QStringLiteral("batches")).toArray().first().toObject().value(QStringLiteral("state")).toString(),
             QStringLiteral("imported"));
}

void TstBatch::failedAndMissingLines_failOrReturnTheirCopies()
{
    Script script;
    script.failLines = 1;
    script.dropLines = 1;
    m_server->batches().enqueue(script);
    const QString session = createSession(5);
    QVERIFY(runCli(gradeBatch(session, false)).exitCode == 0);
    const Run collected = runCli({QStringLiteral("batch"), session, QStringLiteral("--wait")});
    QCOMPARE(collected.exitCode, 3); // as grade: finished, some copies failed
    const QJsonObject after = status(session);
    const QStringList states = statuses(after);
    QCOMPARE(countOf(states, QStringLiteral("graded")), 3);
    QCOMPARE(countOf(states, QStringLiteral("failed")), 1);
    QCOMPARE(countOf(states, QStringLiteral("pending")), 1);
    for (const QJsonValue &copy : after.value(QStringLiteral("copies")).toArray()) {
        if (copy.toObject().value(QStringLiteral("status")).toString() == QLatin1String("failed"))
            QVERIFY(!copy.toObject().value(QStringLiteral("error")).toString().isEmpty());
    }
    // Collecting again changes nothing.
    const Run again = runCli({QStringLiteral("batch"), session, QStringLiteral("--wait")});
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(statuses(status(session)), states);
}

void TstBatch::gemini_lateResultsFile_jobStateSpelling_and429OnCreate()
{
    Script script;
    script.resultsLatePolls = 3;
    script.jobStateSpelling = true;
    script.create429 = 1;
    m_server->batches().enqueue(script);
    // A small class goes inline (the 200-copy test sends Gemini a JSONL file).
    const QString session = createSession(4);
    const Run submitted = runCli(gradeBatch(session, false));
    QVERIFY2(submitted.exitCode == 0, qPrintable(submitted.err));
    QCOMPARE(m_server->batches().createCount(), 1);
    QCOMPARE(m_server->batches().createRequests(), 2); // the 429, then the create
    const Run collected = runCli({QStringLiteral("batch"), session, QStringLiteral("--wait")});
    QVERIFY2(collected.exitCode == 0, qPrintable(collected.err + collected.out));
    QCOMPARE(countOf(statuses(status(session)), QStringLiteral("graded")), 4);
}

void TstBatch::compatibleServers_haveNoBatch()
{
    const QString session = createSession(1);
    const Run run = runCli({QStringLiteral("grade"), session, QStringLiteral("--batch"), QStringLiteral("--provider"),
                            QStringLiteral("compatible"), QStringLiteral("--model"), QStringLiteral("llava"),
                            QStringLiteral("--base-url"), m_server->openAiBaseUrl().toString()});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QStringLiteral("no Batch API")), qPrintable(run.err));
    QCOMPARE(countOf(statuses(status(session)), QStringLiteral("pending")), 1);
}

QTEST_GUILESS_MAIN(TstBatch)
#include "tst_batch.moc"
