// End-to-end grading through the real corrige-cli binary against the in-process fake LLM server, on the
// real demo scans.
#include "core/pdf/pageimageextractor.h"
#include "core/session/sessiondatabase.h"
#include "tests/support/fakellmserver.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Corrige;
using Fault = Test::FakeLlmServer::Fault;

namespace {

const QString demoDir = QStringLiteral(CORRIGE_DEMO_DIR);
const QString geminiKey = QStringLiteral("test-gemini-key-5c1e");
const QString openAiKey = QStringLiteral("sk-test-openai-key-77aa");

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

// Scores per question id, by API: what the scripted "models" answer.
using Scores = QHash<QString, double>;

Test::FakeLlmServer::Responder scripted(Scores gemini, Scores openai)
{
    return [gemini, openai](const QJsonObject &body, const QString &api, const QString &) {
        const QJsonObject schema = Test::FakeLlmServer::responseSchemaOf(body, api);
        const QJsonArray ids = schema.value(QStringLiteral("properties")).toObject().value(QStringLiteral("questions"))
                                   .toObject().value(QStringLiteral("items")).toObject().value(QStringLiteral("properties"))
                                   .toObject().value(QStringLiteral("id")).toObject().value(QStringLiteral("enum")).toArray();
        const Scores &scores = api == QLatin1String("gemini") ? gemini : openai;
        QJsonArray questions;
        for (const QJsonValue &id : ids) {
            questions.append(QJsonObject{{QStringLiteral("id"), id},
                                         {QStringLiteral("score"), scores.value(id.toString(), 0)},
                                         {QStringLiteral("justification"), QStringLiteral("Scripted answer.")},
                                         {QStringLiteral("transcription"), QStringLiteral("B) 11.00")},
                                         {QStringLiteral("confidence"), 0.9},
                                         {QStringLiteral("flags"), QJsonArray{}}});
        }
        return QJsonObject{{QStringLiteral("questions"), questions}};
    };
}

const Scores goodScores{{QStringLiteral("q1"), 1}, {QStringLiteral("q2"), 0}, {QStringLiteral("q3"), 1},
                        {QStringLiteral("q4"), 1}, {QStringLiteral("q5"), 3.5}};

} // namespace

class TstGrade : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void singleMode_storesTheScriptedScores();
    void dualMode_agreesOrAsksForReview();
    void faults_areRetriedOrReported_andGradingAgainResumes();
    void failedCopies_areReported_andGradingAgainResendsOnlyThem();
    void outOfRangeScores_areClampedAndFlagged();
    void concurrency_neverExceedsTheCap();
    void sigint_keepsGradedCopies_andResumes();
    void kill9_leavesAHealthySession_thatResumes();
    void keys_missingOrRefused_stopWithAClearMessage();
    void quota_isNotRetried();
    void teacherGrades_areNeverOverwritten();
    void rubricGenerate_draftsTheMissingRubrics();
    void networkGone_stopsTheRun_andGradingAgainResumes();
    void perQuestion_sendsOnlyTheMappedPages();
    void scannedPages_areSentAsTheScannerMadeThem();
    void storeFailure_endsTheRun_andGradingAgainFinishes();
    void missingScan_failsItsCopyOnly();

private:
    QString createSession();
    QProcess *startGrade(const QStringList &extra, const QString &session);
    Run runCli(const QStringList &arguments, int timeoutMs = 120000);
    Run finish(QProcess *process, int timeoutMs = 120000);
    QJsonObject status(const QString &session);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Test::FakeLlmServer> m_server;
    QProcessEnvironment m_env;
};

void TstGrade::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_server = std::make_unique<Test::FakeLlmServer>(QStringLiteral(CORRIGE_TEST_DATA_DIR "/api/specs"));
    QVERIFY2(m_server->specsError().isEmpty(), qPrintable(m_server->specsError()));
    QVERIFY(m_server->listen());
    m_server->setResponder(scripted(goodScores, goodScores));
    m_env = QProcessEnvironment::systemEnvironment();
    m_env.insert(QStringLiteral("GEMINI_API_KEY"), geminiKey);
    m_env.insert(QStringLiteral("OPENAI_API_KEY"), openAiKey);
    m_env.insert(QStringLiteral("CORRIGE_NO_KEYCHAIN"), QStringLiteral("1"));
    m_env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    m_env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
}

Run TstGrade::finish(QProcess *process, int timeoutMs)
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

Run TstGrade::runCli(const QStringList &arguments, int timeoutMs)
{
    auto *process = new QProcess(this);
    process->setProcessEnvironment(m_env);
    process->start(QStringLiteral(CORRIGE_CLI_PATH), arguments);
    // Wait with the event loop running: the fake server answers from this thread.
    return finish(process, timeoutMs);
}

QProcess *TstGrade::startGrade(const QStringList &extra, const QString &session)
{
    auto *process = new QProcess(this);
    process->setProcessEnvironment(m_env);
    process->start(QStringLiteral(CORRIGE_CLI_PATH),
                   QStringList{QStringLiteral("grade"), session, QStringLiteral("--base-url"),
                               m_server->geminiBaseUrl().toString()}
                       + extra);
    return process;
}

QString TstGrade::createSession()
{
    const QString session = m_dir->filePath(QStringLiteral("class.corrige"));
    const Run created = runCli({QStringLiteral("new"), session, QStringLiteral("--exam"), demoDir + QStringLiteral("/exam.json")});
    if (created.exitCode != 0)
        qWarning("%s", qPrintable(created.err));
    const Run imported = runCli({QStringLiteral("import"), session,
                                 QStringLiteral(CORRIGE_TEST_DATA_DIR "/scans/zesje_demo_submissions_5students_20pages.pdf"),
                                 QStringLiteral("--pages-per-copy"), QStringLiteral("4"), QStringLiteral("--roster"),
                                 demoDir + QStringLiteral("/roster.csv")});
    if (imported.exitCode != 0)
        qWarning("%s", qPrintable(imported.err));
    return session;
}

QJsonObject TstGrade::status(const QString &session)
{
    const Run run = runCli({QStringLiteral("status"), session, QStringLiteral("--json")});
    return QJsonDocument::fromJson(run.out.toUtf8()).object();
}

namespace {

QJsonObject question(const QJsonObject &copy, const QString &id)
{
    for (const QJsonValue &value : copy.value(QStringLiteral("questions")).toArray()) {
        if (value.toObject().value(QStringLiteral("id")).toString() == id)
            return value.toObject();
    }
    return {};
}

QStringList statuses(const QJsonObject &status)
{
    QStringList list;
    for (const QJsonValue &copy : status.value(QStringLiteral("copies")).toArray())
        list.append(copy.toObject().value(QStringLiteral("status")).toString());
    return list;
}

// Runs SQL on a session file behind Corrige's back (foreign keys off, as any SQLite tool would).
bool execSql(const QString &path, const QStringList &statements)
{
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
        db.setDatabaseName(path);
        ok = db.open();
        QSqlQuery query(db);
        for (const QString &statement : statements) {
            if (ok && !query.exec(statement)) {
                qWarning("%s: %s", qPrintable(statement), qPrintable(query.lastError().text()));
                ok = false;
            }
        }
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
    return ok;
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

void TstGrade::singleMode_storesTheScriptedScores()
{
    const QString session = createSession();
    const Run run = finish(startGrade({QStringLiteral("--concurrency"), QStringLiteral("3")}, session));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(QStringLiteral("5 copies graded")), qPrintable(run.out));
    // The running cost uses the built-in price of the model: not zero, in dollars.
    QVERIFY2(QRegularExpression(QStringLiteral("about \\$0\\.0*[1-9]")).match(run.out).hasMatch(), qPrintable(run.out));

    const QJsonObject result = status(session);
    const QJsonArray copies = result.value(QStringLiteral("copies")).toArray();
    QCOMPARE(copies.size(), 5);
    for (const QJsonValue &value : copies) {
        const QJsonObject copy = value.toObject();
        QCOMPARE(copy.value(QStringLiteral("status")).toString(), QStringLiteral("graded"));
        QCOMPARE(copy.value(QStringLiteral("total")).toDouble(), 6.5);
        QCOMPARE(question(copy, QStringLiteral("q5")).value(QStringLiteral("score")).toDouble(), 3.5);
        QCOMPARE(question(copy, QStringLiteral("q5")).value(QStringLiteral("source")).toString(), QStringLiteral("ai"));
    }
    QCOMPARE(result.value(QStringLiteral("summary")).toObject().value(QStringLiteral("graded")).toInt(), 5);

    // One request per copy, each valid against the official schema, carrying the 4 pages and no student name.
    const QList<Test::FakeLlmServer::Record> records = m_server->records();
    QCOMPARE(records.size(), 5);
    for (const auto &record : records) {
        QVERIFY2(record.schemaValid, qPrintable(record.schemaError));
        QCOMPARE(record.api, QStringLiteral("gemini"));
        QCOMPARE(record.status, 200);
        QCOMPARE(record.body.count("\"inlineData\""), 4);
        for (const char *name : {"Bob the Builder", "Donald Duck", "Nick Cleintuar"})
            QVERIFY(!record.body.contains(name));
    }
    // The key is never stored in the session.
    QVERIFY(!fileBytes(session).contains(geminiKey.toUtf8()));
    QVERIFY(!fileBytes(session + QStringLiteral("-wal")).contains(geminiKey.toUtf8()));

    // Grading again sends nothing: everything is graded.
    m_server->reset();
    const Run again = finish(startGrade({}, session));
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(m_server->requestCount(), 0);
}

void TstGrade::dualMode_agreesOrAsksForReview()
{
    const QString session = createSession();
    Scores other = goodScores;
    other[QStringLiteral("q1")] = 1;   // exact
    other[QStringLiteral("q5")] = 1.0; // 2.5 points apart on a 4-point question: beyond tolerance
    m_server->setResponder(scripted(goodScores, other));
    const Run run = finish(startGrade({QStringLiteral("--mode"), QStringLiteral("dual"), QStringLiteral("--provider2"),
                                       QStringLiteral("openai"), QStringLiteral("--base-url2"),
                                       m_server->openAiBaseUrl().toString()},
                                      session));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(QStringLiteral("Agreement between the models: 80% exact")), qPrintable(run.out));

    const QJsonObject result = status(session);
    QCOMPARE(statuses(result), QStringList(5, QStringLiteral("needs_review")));
    const QJsonObject first = result.value(QStringLiteral("copies")).toArray().first().toObject();
    QVERIFY(question(first, QStringLiteral("q5")).value(QStringLiteral("flagged")).toBool());
    QVERIFY(!question(first, QStringLiteral("q1")).value(QStringLiteral("flagged")).toBool());
    QCOMPARE(result.value(QStringLiteral("summary")).toObject().value(QStringLiteral("needsReview")).toInt(), 5);

    int gemini = 0;
    int openai = 0;
    for (const auto &record : m_server->records()) {
        QVERIFY2(record.schemaValid, qPrintable(record.schemaError));
        (record.api == QLatin1String("gemini") ? gemini : openai)++;
        if (record.api == QLatin1String("openai"))
            QCOMPARE(record.headers.value("authorization"), QByteArray("Bearer ") + openAiKey.toUtf8());
    }
    QCOMPARE(gemini, 5);
    QCOMPARE(openai, 5);

    // Both models' grades are kept for the teacher.
    auto db = Core::SessionDatabase::open(session);
    QVERIFY(db);
    int modelA = 0, modelB = 0;
    for (const Core::QuestionGrade &grade : db.value()->grades()) {
        modelA += grade.source == Core::GradeSource::ModelA;
        modelB += grade.source == Core::GradeSource::ModelB;
    }
    QCOMPARE(modelA, 25);
    QCOMPARE(modelB, 25);
}

void TstGrade::faults_areRetriedOrReported_andGradingAgainResumes()
{
    const QString session = createSession();
    // Passing faults: each costs one more attempt and nothing else.
    m_server->enqueue(Fault::Unavailable503);
    m_server->enqueue({Fault::RateLimit429, -1, 200});
    m_server->enqueue(Fault::ResetMidBody);
    m_server->enqueue(Fault::MalformedJson);
    const Run run = finish(startGrade({QStringLiteral("--concurrency"), QStringLiteral("1")}, session));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(m_server->requestCount(), 9);
    QCOMPARE(statuses(status(session)), QStringList(5, QStringLiteral("graded")));

    // The request log keeps every attempt, never the key.
    {
        auto db = Core::SessionDatabase::open(session);
        QVERIFY(db);
        const QList<Core::RequestLogEntry> log = db.value()->requestLog(db.value()->runs().constLast().id);
        QCOMPARE(log.size(), 9);
        int errors = 0;
        for (const auto &entry : log) {
            QVERIFY(!entry.error.contains(geminiKey));
            errors += !entry.error.isEmpty();
        }
        QCOMPARE(errors, 4);
    }
}

void TstGrade::failedCopies_areReported_andGradingAgainResendsOnlyThem()
{
    const QString session = createSession();
    // One attempt only: the first request's 500 fails its copy.
    m_server->enqueue(Fault::ServerError500);
    // And the "model" keeps leaving a question out for Copy 3: retried once, then the copy fails.
    const auto good = scripted(goodScores, goodScores);
    m_server->setResponder([good](const QJsonObject &body, const QString &api, const QString &model) {
        QJsonObject answer = good(body, api, model);
        if (QJsonDocument(body).toJson().contains("Copy: Copy 3")) {
            QJsonArray questions = answer.value(QStringLiteral("questions")).toArray();
            questions.removeLast();
            answer.insert(QStringLiteral("questions"), questions);
        }
        return answer;
    });
    const Run run = finish(startGrade({QStringLiteral("--concurrency"), QStringLiteral("1"),
                                       QStringLiteral("--max-attempts"), QStringLiteral("1")},
                                      session));
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.err.contains(QStringLiteral("Copy 3")), qPrintable(run.err));
    QVERIFY2(run.out.contains(QStringLiteral("2 failed")), qPrintable(run.out + run.err));

    QJsonObject result = status(session);
    const QStringList after = statuses(result);
    QCOMPARE(after.count(QStringLiteral("failed")), 2);
    QCOMPARE(after.at(2), QStringLiteral("failed"));
    const QJsonObject third = result.value(QStringLiteral("copies")).toArray().at(2).toObject();
    QVERIFY2(third.value(QStringLiteral("error")).toString().contains(QStringLiteral("leaves out")),
             qPrintable(third.value(QStringLiteral("error")).toString()));
    QCOMPARE(result.value(QStringLiteral("summary")).toObject().value(QStringLiteral("failed")).toInt(), 2);

    // Grading again sends only the failed copies.
    m_server->reset();
    m_server->setResponder(good);
    const Run again = finish(startGrade({}, session));
    QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    QCOMPARE(m_server->requestCount(), 2);
    QCOMPARE(statuses(status(session)), QStringList(5, QStringLiteral("graded")));
}

void TstGrade::outOfRangeScores_areClampedAndFlagged()
{
    const QString session = createSession();
    Scores wild = goodScores;
    wild[QStringLiteral("q5")] = 7;   // above the 4-point maximum
    wild[QStringLiteral("q2")] = -2;  // below zero
    m_server->setResponder(scripted(wild, wild));
    const Run run = finish(startGrade({}, session));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QJsonObject copy = status(session).value(QStringLiteral("copies")).toArray().first().toObject();
    QCOMPARE(question(copy, QStringLiteral("q5")).value(QStringLiteral("score")).toDouble(), 4.0);
    QCOMPARE(question(copy, QStringLiteral("q2")).value(QStringLiteral("score")).toDouble(), 0.0);
    QVERIFY(question(copy, QStringLiteral("q5")).value(QStringLiteral("flags")).toArray().contains(QStringLiteral("clamped")));
    QCOMPARE(copy.value(QStringLiteral("total")).toDouble(), 7.0);
}

void TstGrade::concurrency_neverExceedsTheCap()
{
    const QString session = createSession();
    m_server->setDefaultLatency(400);
    const Run run = finish(startGrade({QStringLiteral("--concurrency"), QStringLiteral("2")}, session));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(m_server->requestCount(), 5);
    QCOMPARE(m_server->maxConcurrent(), 2);
}

void TstGrade::sigint_keepsGradedCopies_andResumes()
{
#ifdef Q_OS_WIN
    QSKIP("Signals are POSIX; Windows uses Ctrl+Break, tested by hand.");
#else
    const QString session = createSession();
    m_server->setDefaultLatency(700);
    QProcess *process = startGrade({QStringLiteral("--concurrency"), QStringLiteral("1")}, session);
    QSignalSpy finishedRequests(m_server.get(), &Test::FakeLlmServer::requestFinished);
    QTRY_VERIFY_WITH_TIMEOUT(finishedRequests.size() >= 1, 60000);
    QTest::qWait(200); // the first copy is stored; the second is in flight
    ::kill(pid_t(process->processId()), SIGINT);
    const Run run = finish(process);
    QCOMPARE(run.exitCode, 130);

    const QStringList after = statuses(status(session));
    const int graded = int(after.count(QStringLiteral("graded")));
    QVERIFY2(graded >= 1 && graded < 5, qPrintable(after.join(QLatin1Char(','))));
    QCOMPARE(after.count(QStringLiteral("pending")), 5 - graded);

    m_server->reset();
    m_server->setDefaultLatency(0);
    const Run resumed = finish(startGrade({}, session));
    QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
    QCOMPARE(m_server->requestCount(), 5 - graded);
    QCOMPARE(statuses(status(session)), QStringList(5, QStringLiteral("graded")));
#endif
}

void TstGrade::kill9_leavesAHealthySession_thatResumes()
{
    const QString session = createSession();
    m_server->setDefaultLatency(500);
    QProcess *process = startGrade({QStringLiteral("--concurrency"), QStringLiteral("1")}, session);
    QSignalSpy finishedRequests(m_server.get(), &Test::FakeLlmServer::requestFinished);
    QTRY_VERIFY_WITH_TIMEOUT(finishedRequests.size() >= 2, 60000);
    QTest::qWait(150);
    process->kill(); // SIGKILL: no chance to clean up
    finish(process);

    {
        auto db = Core::SessionDatabase::open(session); // validates, including quick_check
        QVERIFY2(db, qPrintable(db.errorString()));
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        raw.setDatabaseName(session);
        QVERIFY(raw.open());
        QSqlQuery query(raw);
        QVERIFY(query.exec(QStringLiteral("PRAGMA integrity_check")) && query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("ok"));
        query.finish();
        raw.close();
        raw = {};
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
        int graded = 0;
        for (const Core::Copy &copy : db.value()->copies())
            graded += copy.status == Core::CopyStatus::Graded;
        QVERIFY(graded >= 1);
        QVERIFY(db.value()->unfinishedRun().has_value()); // the GUI offers to resume it
    }

    m_server->reset();
    m_server->setDefaultLatency(0);
    const Run resumed = finish(startGrade({}, session));
    QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
    QCOMPARE(statuses(status(session)), QStringList(5, QStringLiteral("graded")));
}

void TstGrade::keys_missingOrRefused_stopWithAClearMessage()
{
    const QString session = createSession();
    const QByteArray before = QCryptographicHash::hash(fileBytes(session), QCryptographicHash::Sha256);

    m_env.remove(QStringLiteral("GEMINI_API_KEY"));
    const Run missing = finish(startGrade({}, session));
    QCOMPARE(missing.exitCode, 2);
    QVERIFY2(missing.err.contains(QStringLiteral("GEMINI_API_KEY")), qPrintable(missing.err));
    QCOMPARE(m_server->requestCount(), 0);

    m_env.insert(QStringLiteral("GEMINI_API_KEY"), QStringLiteral("wrong-key-0000"));
    m_server->setRequiredKey(geminiKey);
    const Run refused = finish(startGrade({}, session));
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains(QStringLiteral("key"), Qt::CaseInsensitive), qPrintable(refused.err));
    QVERIFY(!refused.err.contains(QStringLiteral("wrong-key-0000")));
    QVERIFY(m_server->requestCount() <= 4); // stops at the first refusal instead of failing every copy
    QCOMPARE(statuses(status(session)), QStringList(5, QStringLiteral("pending")));
    Q_UNUSED(before);
}

void TstGrade::quota_isNotRetried()
{
    const QString session = createSession();
    m_server->enqueue(Fault::QuotaExhausted, 10);
    const Run run = finish(startGrade({QStringLiteral("--concurrency"), QStringLiteral("1")}, session));
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("quota"), Qt::CaseInsensitive), qPrintable(run.err));
    QCOMPARE(m_server->requestCount(), 1);
    QCOMPARE(statuses(status(session)), QStringList(5, QStringLiteral("pending")));
}

void TstGrade::teacherGrades_areNeverOverwritten()
{
    const QString session = createSession();
    qint64 firstCopy = 0;
    {
        auto db = Core::SessionDatabase::open(session);
        QVERIFY(db);
        firstCopy = db.value()->copies().constFirst().id;
        QVERIFY(db.value()->setTeacherGrade(firstCopy, QStringLiteral("q5"), 2.0));
    }
    QVERIFY(finish(startGrade({}, session)).exitCode == 0);
    m_server->reset();
    const Run regrade = finish(startGrade({QStringLiteral("--regrade")}, session));
    QVERIFY2(regrade.exitCode == 0, qPrintable(regrade.err));
    const QJsonObject copy = status(session).value(QStringLiteral("copies")).toArray().first().toObject();
    QCOMPARE(question(copy, QStringLiteral("q5")).value(QStringLiteral("score")).toDouble(), 2.0);
    QCOMPARE(question(copy, QStringLiteral("q5")).value(QStringLiteral("source")).toString(), QStringLiteral("teacher"));
    QCOMPARE(copy.value(QStringLiteral("total")).toDouble(), 5.0);
    // The regrade asked again about every copy, but never about the teacher-graded question.
    const QList<Test::FakeLlmServer::Record> records = m_server->records();
    QCOMPARE(records.size(), 5);
    int withoutQ5 = 0;
    for (const auto &record : records)
        withoutQ5 += !record.body.contains("\"q5\"");
    QCOMPARE(withoutQ5, 1);
}

void TstGrade::rubricGenerate_draftsTheMissingRubrics()
{
    // An exam with two questions without rubric.
    const QString examPath = m_dir->filePath(QStringLiteral("exam.json"));
    {
        QFile file(examPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"title": "Optics", "language": "fr", "questions": [
            {"id": "a", "text": "Define refraction.", "maxPoints": 2},
            {"id": "b", "text": "Compute the focal length.", "maxPoints": 3},
            {"id": "c", "text": "Draw the ray.", "maxPoints": 1,
             "rubric": {"criteria": [{"description": "Ray through the focus", "points": 1}]}}]})");
    }
    const QString session = m_dir->filePath(QStringLiteral("optics.corrige"));
    QCOMPARE(runCli({QStringLiteral("new"), session, QStringLiteral("--exam"), examPath}).exitCode, 0);
    // The "model" proposes criteria whose points do not add up: Corrige makes them fit the maximum.
    m_server->setResponder([](const QJsonObject &, const QString &, const QString &) {
        return QJsonObject{{QStringLiteral("criteria"),
                            QJsonArray{QJsonObject{{QStringLiteral("description"), QStringLiteral("Critère principal")},
                                                   {QStringLiteral("points"), 4}},
                                       QJsonObject{{QStringLiteral("description"), QStringLiteral("Unités")},
                                                   {QStringLiteral("points"), 1}}}},
                           {QStringLiteral("guidelines"), QStringLiteral("Ne jamais dépasser 10 points.")}};
    });
    const Run run = runCli({QStringLiteral("rubric"), session, QStringLiteral("--generate"), QStringLiteral("--base-url"),
                            m_server->geminiBaseUrl().toString(), QStringLiteral("--blank"),
                            QStringLiteral(CORRIGE_TEST_DATA_DIR "/scans/zesje_demo_blank_exam_source.pdf")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(m_server->requestCount(), 2); // question c already had a rubric
    for (const auto &record : m_server->records()) {
        QVERIFY2(record.schemaValid, qPrintable(record.schemaError));
        QCOMPARE(record.body.count("\"inlineData\""), 3); // the blank exam's pages
    }

    auto db = Core::SessionDatabase::open(session);
    QVERIFY(db);
    const Core::Exam exam = db.value()->exam();
    for (const Core::Question &question : exam.questions) {
        QVERIFY(question.rubric.has_value());
        QVERIFY(qFuzzyCompare(question.rubric->criteriaTotal(), question.maxPoints));
    }
    QCOMPARE(exam.questions.at(0).rubric->origin, Core::RubricOrigin::Ai);
    QCOMPARE(exam.questions.at(2).rubric->origin, Core::RubricOrigin::Exam);
    QCOMPARE(exam.questions.at(1).maxPoints, 3.0); // guidance text never changes a maximum
    const Run shown = runCli({QStringLiteral("rubric"), session, QStringLiteral("--show")});
    QVERIFY2(shown.out.contains(QStringLiteral("Critère principal")), qPrintable(shown.out));
}

void TstGrade::networkGone_stopsTheRun_andGradingAgainResumes()
{
    const QString session = createSession();
    m_server->setDefaultLatency(400);
    QProcess *process = startGrade({QStringLiteral("--concurrency"), QStringLiteral("1"),
                                    QStringLiteral("--max-attempts"), QStringLiteral("2")},
                                   session);
    QSignalSpy finishedRequests(m_server.get(), &Test::FakeLlmServer::requestFinished);
    QTRY_VERIFY_WITH_TIMEOUT(finishedRequests.size() >= 2, 60000);
    const QUrl oldUrl = m_server->geminiBaseUrl();
    m_server.reset(); // the network goes away: connections refused from now on
    const Run run = finish(process);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("cannot be reached")), qPrintable(run.err));

    const QStringList after = statuses(status(session));
    const int graded = int(after.count(QStringLiteral("graded")));
    QVERIFY2(graded >= 2, qPrintable(after.join(QLatin1Char(','))));
    QCOMPARE(after.count(QStringLiteral("graded")) + after.count(QStringLiteral("pending"))
                 + after.count(QStringLiteral("failed")), 5);
    QVERIFY(after.count(QStringLiteral("failed")) <= 2);

    // Back online: grading again finishes the class.
    m_server = std::make_unique<Test::FakeLlmServer>(QStringLiteral(CORRIGE_TEST_DATA_DIR "/api/specs"));
    QVERIFY(m_server->listen(quint16(oldUrl.port())) || m_server->listen());
    m_server->setResponder(scripted(goodScores, goodScores));
    const Run resumed = finish(startGrade({}, session));
    QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
    QCOMPARE(m_server->requestCount(), 5 - graded);
    QCOMPARE(statuses(status(session)), QStringList(5, QStringLiteral("graded")));
}

void TstGrade::perQuestion_sendsOnlyTheMappedPages()
{
    // The demo exam maps questions 1-4 to page 2 and question 5 to page 3.
    const QString session = createSession();
    const Run run = finish(startGrade({QStringLiteral("--per-question")}, session));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QList<Test::FakeLlmServer::Record> records = m_server->records();
    QCOMPARE(records.size(), 10);
    int q5Only = 0;
    for (const auto &record : records) {
        QVERIFY2(record.schemaValid, qPrintable(record.schemaError));
        QCOMPARE(record.body.count("\"inlineData\""), 1);
        if (record.body.contains("\"q5\"")) {
            ++q5Only;
            QVERIFY(!record.body.contains("\"q1\""));
            QVERIFY(record.body.contains("Page 3"));
        } else {
            QVERIFY(record.body.contains("Page 2"));
        }
    }
    QCOMPARE(q5Only, 5);
    for (const QJsonValue &value : status(session).value(QStringLiteral("copies")).toArray())
        QCOMPARE(value.toObject().value(QStringLiteral("total")).toDouble(), 6.5);
}

void TstGrade::scannedPages_areSentAsTheScannerMadeThem()
{
    // Without the name mask, every page of a copy goes out as the JPEG stored in the scan, byte for byte
    // (PageImageExtractor's pass-through is checked against qpdf's raw stream in tst_pdfpageimages).
    const QString session = createSession();
    const Run run = finish(startGrade({QStringLiteral("--no-mask"), QStringLiteral("--concurrency"), QStringLiteral("1")}, session));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QFile scan(QStringLiteral(CORRIGE_TEST_DATA_DIR "/scans/zesje_demo_submissions_5students_20pages.pdf"));
    QVERIFY(scan.open(QIODevice::ReadOnly));
    const auto pages = Core::PageImageExtractor::extract(scan.readAll(), {0, 1, 2, 3}, Core::PageImageOptions{3600, 85, 4 * 1024 * 1024});
    QVERIFY(pages);
    const QList<Test::FakeLlmServer::Record> records = m_server->records();
    QCOMPARE(records.size(), 5);
    for (const Core::PageImage &page : pages.value()) {
        QVERIFY(page.passedThrough);
        QVERIFY(records.first().body.contains(page.jpeg.toBase64())); // Copy 1 is pages 1-4 of the scan
    }

    // With the mask (the default), the first page is re-encoded with its top hidden: not the scanner's bytes.
    m_server->reset();
    const QString masked = m_dir->filePath(QStringLiteral("masked.corrige"));
    QCOMPARE(runCli({QStringLiteral("new"), masked, QStringLiteral("--exam"), demoDir + QStringLiteral("/exam.json")}).exitCode, 0);
    QCOMPARE(runCli({QStringLiteral("import"), masked, scan.fileName(), QStringLiteral("--pages-per-copy"), QStringLiteral("4")}).exitCode, 0);
    QCOMPARE(finish(startGrade({QStringLiteral("--concurrency"), QStringLiteral("1")}, masked)).exitCode, 0);
    const QByteArray first = m_server->records().first().body;
    QVERIFY(!first.contains(pages->at(0).jpeg.toBase64()));
    QVERIFY(first.contains(pages->at(1).jpeg.toBase64()));
}


void TstGrade::storeFailure_endsTheRun_andGradingAgainFinishes()
{
    const QString session = createSession();
    // The disk fills up after two copies: every later write of a finished copy fails, as SQLITE_FULL would.
    QVERIFY(execSql(session, {QStringLiteral(
        "CREATE TRIGGER disk_full BEFORE UPDATE OF status ON copies WHEN NEW.status <> 'pending' AND "
        "(SELECT COUNT(*) FROM copies WHERE status <> 'pending') >= 2 "
        "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END")}));
    const Run run = finish(startGrade({QStringLiteral("--concurrency"), QStringLiteral("1")}, session), 60000);
    QCOMPARE(run.exitCode, 1); // before, the run never ended
    QVERIFY2(run.err.contains(QStringLiteral("disk is full")) && run.err.contains(QStringLiteral("class.corrige")),
             qPrintable(run.err));
    QCOMPARE(run.err.trimmed().count(QLatin1Char('\n')), 0); // one line

    QStringList after = statuses(status(session));
    QCOMPARE(after.count(QStringLiteral("graded")), 2);
    QCOMPARE(after.count(QStringLiteral("pending")), 3);

    // Room again: grading again finishes the class, sending only the copies left.
    QVERIFY(execSql(session, {QStringLiteral("DROP TRIGGER disk_full")}));
    m_server->reset();
    m_server->setResponder(scripted(goodScores, goodScores));
    const Run again = finish(startGrade({}, session));
    QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    QCOMPARE(m_server->requestCount(), 3);
    QCOMPARE(statuses(status(session)), QStringList(5, QStringLiteral("graded")));
}

void TstGrade::missingScan_failsItsCopyOnly()
{
    const QString session = createSession();
    // Copy 2's pages point to a scan the file no longer holds.
    QVERIFY(execSql(session, {QStringLiteral("UPDATE copy_pages SET document_id = 999 WHERE copy_id = "
                                             "(SELECT id FROM copies ORDER BY position LIMIT 1 OFFSET 1)")}));
    const Run run = finish(startGrade({}, session), 60000);
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.err.contains(QStringLiteral("Copy 2")), qPrintable(run.err));
    const QJsonObject result = status(session);
    const QStringList after = statuses(result);
    QCOMPARE(after, (QStringList{QStringLiteral("graded"), QStringLiteral("failed"), QStringLiteral("graded"),
                                 QStringLiteral("graded"), QStringLiteral("graded")}));
    const QString error = result.value(QStringLiteral("copies")).toArray().at(1).toObject().value(QStringLiteral("error")).toString();
    QVERIFY2(error.contains(QStringLiteral("missing")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TstGrade)
#include "tst_grade.moc"
