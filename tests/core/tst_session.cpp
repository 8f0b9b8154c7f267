#include "core/session/sessiondatabase.h"
#include "core/session/sessionschema.h"
#include "core/session/sessionstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Corrige::Core;

namespace {

Exam sampleExam()
{
    Exam exam;
    exam.title = QStringLiteral("Physique — contrôle 3");
    exam.language = QStringLiteral("fr");
    Question q1;
    q1.id = QStringLiteral("q1");
    q1.label = QStringLiteral("Question 1");
    q1.text = QStringLiteral("Énoncez la loi d'Ohm.");
    q1.maxPoints = 2;
    q1.pages = {1};
    Rubric rubric;
    rubric.criteria = {{QStringLiteral("U = RI"), 1.5}, {QStringLiteral("Unités"), 0.5}};
    rubric.guidelines = QStringLiteral("Accepter V = RI.");
    q1.rubric = rubric;
    Question q2;
    q2.id = QStringLiteral("q2");
    q2.label = QStringLiteral("Question 2");
    q2.text = QStringLiteral("Calculez R.");
    q2.maxPoints = 4;
    exam.questions = {q1, q2};
    return exam;
}

ImportDocument document(const QByteArray &data, const QString &name, int pages)
{
    return {name, QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex(), data, pages};
}

ImportPlan twoCopiesOf(const ImportDocument &doc)
{
    ImportPlan plan;
    plan.documents = {doc};
    plan.copies = {{QStringLiteral("Copy 1"), QStringLiteral("Ada"), QStringLiteral("1"), QString(), 0, {0, 1}},
                   {QStringLiteral("Copy 2"), QStringLiteral("Alan"), QStringLiteral("2"), QString(), 0, {2, 3}}};
    return plan;
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

QuestionGrade modelGrade(qint64 copyId, const QString &question, GradeSource source, double score, double max,
                         GradeFlags flags = {})
{
    QuestionGrade grade;
    grade.copyId = copyId;
    grade.questionId = question;
    grade.source = source;
    grade.score = score;
    grade.maxPoints = max;
    grade.justification = QStringLiteral("ok");
    grade.flags = flags;
    grade.model = QStringLiteral("gemini/gemini-2.5-flash");
    return grade;
}

} // namespace

class TstSession : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void createAndReopenKeepsTheExam()
    {
        const QString path = m_dir->filePath(QStringLiteral("class.corrige"));
        {
            auto created = SessionDatabase::create(path, sampleExam());
            QVERIFY2(created, qPrintable(created.errorString()));
            QCOMPARE(created.value()->schemaVersion(), SessionSchema::currentVersion);
        }
        auto opened = SessionDatabase::open(path);
        QVERIFY2(opened, qPrintable(opened.errorString()));
        QCOMPARE(opened.value()->exam(), sampleExam());

        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        raw.setDatabaseName(path);
        QVERIFY(raw.open());
        QSqlQuery query(raw);
        QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode")) && query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("wal"));
        query.finish();
        raw.close();
        raw = {};
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    }

    void createRefusesAnExistingFile()
    {
        const QString path = m_dir->filePath(QStringLiteral("notes.txt"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("keep me");
        file.close();
        const auto created = SessionDatabase::create(path, sampleExam());
        QVERIFY(!created);
        QVERIFY(created.errorString().contains(QStringLiteral("notes.txt")));
        QVERIFY(created.errorString().contains(QStringLiteral("already exists")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("keep me"));
    }

    void importStoresDocumentsOnceAndCopiesInOrder()
    {
        auto session = SessionDatabase::create(m_dir->filePath(QStringLiteral("s.corrige")), sampleExam());
        QVERIFY(session);
        SessionDatabase &db = *session.value();
        const ImportDocument doc = document(QByteArray("%PDF-1.4 fake but stored as is"), QStringLiteral("scan.pdf"), 4);
        const auto first = db.applyImport(twoCopiesOf(doc));
        QVERIFY2(first, qPrintable(first.errorString()));
        QCOMPARE(first->size(), 2);
        const auto second = db.applyImport(twoCopiesOf(doc)); // the same scan again, e.g. under another name
        QVERIFY(second);

        QCOMPARE(db.documents().size(), 1);
        QCOMPARE(db.documents().constFirst().sha256, doc.sha256);
        QCOMPARE(db.documentData(db.documents().constFirst().id).value(), doc.data);
        const QList<Copy> copies = db.copies();
        QCOMPARE(copies.size(), 4);
        QCOMPARE(copies.at(0).studentName, QStringLiteral("Ada"));
        QCOMPARE(copies.at(3).position, 4);
        QCOMPARE(copies.at(1).pages, (QList<PageRef>{{db.documents().constFirst().id, 2}, {db.documents().constFirst().id, 3}}));
        QCOMPARE(copies.at(0).status, CopyStatus::Pending);
    }

    void importIsAllOrNothing()
    {
        auto session = SessionDatabase::create(m_dir->filePath(QStringLiteral("s.corrige")), sampleExam());
        QVERIFY(session);
        SessionDatabase &db = *session.value();
        ImportPlan plan = twoCopiesOf(document(QByteArray("first scan"), QStringLiteral("a.pdf"), 4));
        plan.copies.append({QStringLiteral("Copy 3"), {}, {}, {}, 5, {0}}); // names a document that is not in the plan
        QVERIFY(!db.applyImport(plan));
        QCOMPARE(db.documents().size(), 0);
        QCOMPARE(db.copies().size(), 0);
    }

    void teacherGradesAlwaysWin()
    {
        auto session = SessionDatabase::create(m_dir->filePath(QStringLiteral("s.corrige")), sampleExam());
        QVERIFY(session);
        SessionDatabase &db = *session.value();
        const qint64 copyId = db.applyImport(twoCopiesOf(document("scan", QStringLiteral("a.pdf"), 4))).value().constFirst();

        QList<QuestionGrade> grades = {modelGrade(copyId, QStringLiteral("q1"), GradeSource::ModelA, 1.5, 2),
                                       modelGrade(copyId, QStringLiteral("q1"), GradeSource::Final, 1.5, 2),
                                       modelGrade(copyId, QStringLiteral("q2"), GradeSource::ModelA, 1, 4),
                                       modelGrade(copyId, QStringLiteral("q2"), GradeSource::Final, 1, 4,
                                                  GradeFlag::NeedsReview)};
        QVERIFY(db.saveCopyResult(copyId, grades, CopyStatus::Graded, {}));
        QCOMPARE(db.copy(copyId)->status, CopyStatus::NeedsReview);

        QVERIFY(db.setTeacherGrade(copyId, QStringLiteral("q2"), 3.0));
        QCOMPARE(db.copy(copyId)->status, CopyStatus::Graded);

        // A later run with a teacher grade in its list must not replace the teacher's.
        QuestionGrade forged = modelGrade(copyId, QStringLiteral("q2"), GradeSource::Teacher, 0, 4);
        grades.append(forged);
        grades[3].score = 0.5;
        QVERIFY(db.saveCopyResult(copyId, grades, CopyStatus::Graded, {}));
        const QList<QuestionGrade> stored = db.grades(copyId);
        const auto teacher = std::find_if(stored.cbegin(), stored.cend(), [](const QuestionGrade &g) {
            return g.source == GradeSource::Teacher;
        });
        QVERIFY(teacher != stored.cend());
        QCOMPARE(teacher->score, 3.0);
        QCOMPARE(stored.size(), 5);
        QCOMPARE(db.copy(copyId)->status, CopyStatus::Graded);

        QVERIFY(!db.setTeacherGrade(copyId, QStringLiteral("q2"), 9.0)); // above the maximum
        QVERIFY(!db.setTeacherGrade(copyId, QStringLiteral("q9"), 1.0)); // no such question

        QVERIFY(db.setTeacherGrade(copyId, QStringLiteral("q2"), std::nullopt));
        QCOMPARE(db.copy(copyId)->status, CopyStatus::NeedsReview);
        const QList<AuditEntry> audit = db.auditLog();
        QCOMPARE(audit.size(), 3); // import, grade, removal
        QCOMPARE(audit.at(1).action, QStringLiteral("teacher_grade"));
        QCOMPARE(audit.at(1).after, QStringLiteral("3"));
        QCOMPARE(audit.at(2).before, QStringLiteral("3"));
        QVERIFY(audit.at(2).after.isEmpty());
    }

    void runsAndRequestLog()
    {
        auto session = SessionDatabase::create(m_dir->filePath(QStringLiteral("s.corrige")), sampleExam());
        QVERIFY(session);
        SessionDatabase &db = *session.value();
        const QList<qint64> ids = db.applyImport(twoCopiesOf(document("scan", QStringLiteral("a.pdf"), 4))).value();
        const qint64 run = db.beginRun(QStringLiteral("single"), QStringLiteral("gemini/gemini-2.5-flash")).value();
        RequestLogEntry entry;
        entry.runId = run;
        entry.provider = QStringLiteral("gemini");
        entry.model = QStringLiteral("gemini-2.5-flash");
        entry.attempt = 2;
        entry.httpStatus = 200;
        entry.latencyMs = 1234;
        entry.inputTokens = 2000;
        entry.outputTokens = 300;
        QVERIFY(db.saveCopyResult(ids.first(), {}, CopyStatus::Failed, QStringLiteral("quota"), {entry}));
        QCOMPARE(db.unfinishedRun()->id, run); // copy 2 still pending, run not finished
        const QList<RequestLogEntry> log = db.requestLog(run);
        QCOMPARE(log.size(), 1);
        QCOMPARE(log.first().copyId, ids.first());
        QCOMPARE(log.first().outputTokens, 300);
        QCOMPARE(db.copy(ids.first())->error, QStringLiteral("quota"));

        RunInfo info = db.runs().constLast();
        info.status = QStringLiteral("finished");
        info.failed = 1;
        QVERIFY(db.finishRun(info));
        QVERIFY(!db.unfinishedRun());
        QCOMPARE(db.runs().constLast().failed, 1);
    }

    void migratesAVersion1File()
    {
        const QString path = m_dir->filePath(QStringLiteral("old.corrige"));
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
            raw.setDatabaseName(path);
            QVERIFY(raw.open());
            QSqlQuery query(raw);
            QVERIFY(query.exec(QStringLiteral("PRAGMA application_id = %1").arg(SessionSchema::applicationId)));
            for (const QString &statement : SessionSchema::migration(1))
                QVERIFY2(query.exec(statement), qPrintable(statement));
            QVERIFY(query.exec(QStringLiteral("INSERT INTO meta VALUES('schema_version', '1')")));
            QVERIFY(query.exec(QStringLiteral("INSERT INTO exam VALUES(1, 'Old exam', 'en')")));
            QVERIFY(query.exec(QStringLiteral("INSERT INTO questions(id, position, label, text, max_points) "
                                              "VALUES('q1', 1, 'Q1', 'Why?', 3)")));
            QVERIFY(query.exec(QStringLiteral("INSERT INTO copies(position, label, student_name) VALUES(1, 'Copy 1', 'Grace')")));
            QVERIFY(query.exec(QStringLiteral("INSERT INTO grades(copy_id, question_id, source, score, max_points, created_at) "
                                              "VALUES(1, 'q1', 'teacher', 2.5, 3, '2026-01-01T10:00:00.000Z')")));
            query.finish();
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v1"));

        auto opened = SessionDatabase::open(path);
        QVERIFY2(opened, qPrintable(opened.errorString()));
        SessionDatabase &db = *opened.value();
        QCOMPARE(db.schemaVersion(), SessionSchema::currentVersion);
        QCOMPARE(db.exam().title, QStringLiteral("Old exam"));
        QCOMPARE(db.copies().size(), 1);
        QCOMPARE(db.copies().first().studentName, QStringLiteral("Grace"));
        QVERIFY(db.copies().first().studentEmail.isEmpty());
        QCOMPARE(db.grades().size(), 1);
        QCOMPARE(db.grades().first().score, 2.5);
        QVERIFY(db.setStudent(1, QStringLiteral("Grace H."), QStringLiteral("7"), QStringLiteral("grace@example.org")));
        QCOMPARE(db.copies().first().studentEmail, QStringLiteral("grace@example.org"));
    }

    void migratesToBatchJobs_andRecordsBatchesWithTheirCopies()
    {
        // A file as the version before batch jobs left it, with two copies.
        const QString path = m_dir->filePath(QStringLiteral("before-batches.corrige"));
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("prebatch"));
            raw.setDatabaseName(path);
            QVERIFY(raw.open());
            QSqlQuery query(raw);
            QVERIFY(query.exec(QStringLiteral("PRAGMA application_id = %1").arg(SessionSchema::applicationId)));
            for (int version = 1; version < SessionSchema::batchJobsVersion; ++version) {
                for (const QString &statement : SessionSchema::migration(version))
                    QVERIFY2(query.exec(statement), qPrintable(statement));
            }
            QVERIFY(query.exec(QStringLiteral("INSERT INTO meta VALUES('schema_version', '%1')").arg(SessionSchema::batchJobsVersion - 1)));
            QVERIFY(query.exec(QStringLiteral("INSERT INTO exam VALUES(1, 'Old exam', 'en')")));
            QVERIFY(query.exec(QStringLiteral("INSERT INTO questions(id, position, label, text, max_points) VALUES('q1', 1, 'Q1', 'Why?', 3)")));
            QVERIFY(query.exec(QStringLiteral("INSERT INTO copies(position, label) VALUES(1, 'Copy 1')")));
            QVERIFY(query.exec(QStringLiteral("INSERT INTO copies(position, label) VALUES(2, 'Copy 2')")));
            query.finish();
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("prebatch"));

        auto opened = SessionDatabase::open(path);
        QVERIFY2(opened, qPrintable(opened.errorString()));
        SessionDatabase &db = *opened.value();
        QCOMPARE(db.schemaVersion(), SessionSchema::currentVersion);
        QVERIFY(db.batchJobs().isEmpty());

        BatchJob job;
        job.provider = QStringLiteral("openai");
        job.model = QStringLiteral("gpt-4.1-mini");
        job.baseUrl = QStringLiteral("http://127.0.0.1:9/v1");
        job.localTag = QStringLiteral("corrige-tag-1");
        job.mode = QStringLiteral("single");
        job.keys = QJsonArray{QJsonObject{{QStringLiteral("key"), QStringLiteral("c1-p0-a")}, {QStringLiteral("copy"), 1},
                                          {QStringLiteral("part"), 0}, {QStringLiteral("model"), 0},
                                          {QStringLiteral("questions"), QJsonArray{QStringLiteral("q1")}}}};
        const Result<qint64> recorded = db.recordBatchJob(job);
        QVERIFY2(recorded, qPrintable(recorded.errorString()));
        // The copy it holds is submitted, the other untouched.
        QCOMPARE(db.copy(1)->status, CopyStatus::Submitted);
        QCOMPARE(db.copy(2)->status, CopyStatus::Pending);

        // The local tag is unique: a second record with it is refused, and changes nothing.
        BatchJob twin = job;
        twin.keys = QJsonArray{QJsonObject{{QStringLiteral("key"), QStringLiteral("c2-p0-a")}, {QStringLiteral("copy"), 2}}};
        QVERIFY(!db.recordBatchJob(twin));
        QCOMPARE(db.copy(2)->status, CopyStatus::Pending);
        QCOMPARE(db.batchJobs().size(), 1);

        BatchJob stored = db.batchJobs().first();
        QCOMPARE(stored.id, recorded.value());
        QCOMPARE(stored.state, QStringLiteral("creating"));
        QCOMPARE(stored.total, 1);
        QCOMPARE(stored.copyIds(), QList<qint64>{1});
        QVERIFY(stored.submittedAt.isValid());
        stored.remoteId = QStringLiteral("batch_123");
        stored.state = QStringLiteral("succeeded");
        stored.completed = 1;
        QVERIFY(db.updateBatchJob(stored));
        QCOMPARE(db.batchJobs().first().remoteId, QStringLiteral("batch_123"));
        QCOMPARE(db.batchJobs().first().completed, 1);

        // A copy is imported once, only while it is submitted.
        bool imported = false;
        const QList<QuestionGrade> grades{modelGrade(1, QStringLiteral("q1"), GradeSource::ModelA, 2, 3),
                                          modelGrade(1, QStringLiteral("q1"), GradeSource::Final, 2, 3)};
        QVERIFY(db.importBatchCopy(1, grades, CopyStatus::Graded, {}, {}, &imported));
        QVERIFY(imported);
        QCOMPARE(db.copy(1)->status, CopyStatus::Graded);
        QVERIFY(db.importBatchCopy(1, grades, CopyStatus::Graded, {}, {}, &imported));
        QVERIFY(!imported);
        QVERIFY(db.importBatchCopy(2, {}, CopyStatus::Failed, QStringLiteral("x"), {}, &imported));
        QVERIFY(!imported);
        QCOMPARE(db.copy(2)->status, CopyStatus::Pending);
        QCOMPARE(db.snapshot().batchJobs.size(), 1);
    }

    void refusesBadFilesAndLeavesThemUnchanged_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("expected");
        QTest::newRow("pdf") << "pdf" << int(ErrorCode::NotASession) << "not a Corrige session";
        QTest::newRow("empty") << "empty" << int(ErrorCode::NotASession) << "not a Corrige session";
        QTest::newRow("other sqlite") << "sqlite" << int(ErrorCode::NotASession) << "not a Corrige session";
        QTest::newRow("newer") << "newer" << int(ErrorCode::NewerSession) << "newer version of Corrige";
        QTest::newRow("truncated") << "truncated" << int(ErrorCode::CorruptSession) << "damaged";
        QTest::newRow("scrambled") << "scrambled" << int(ErrorCode::CorruptSession) << "damaged";
        QTest::newRow("missing") << "missing" << int(ErrorCode::FileNotFound) << "does not exist";
    }

    void refusesBadFilesAndLeavesThemUnchanged()
    {
        QFETCH(QString, kind);
        QFETCH(int, code);
        QFETCH(QString, expected);
        const QString path = m_dir->filePath(QStringLiteral("bad.corrige"));
        if (kind == QLatin1String("pdf")) {
            QVERIFY(QFile::copy(QStringLiteral(CORRIGE_TEST_DATA_DIR "/scans/solid_state_physics_minitest6_scans_8pages.pdf"), path));
        } else if (kind == QLatin1String("empty")) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
        } else if (kind == QLatin1String("sqlite")) {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
            raw.setDatabaseName(path);
            QVERIFY(raw.open());
            QSqlQuery(raw).exec(QStringLiteral("CREATE TABLE t(x)"));
            raw.close();
            raw = {};
            QSqlDatabase::removeDatabase(QStringLiteral("other"));
        } else if (kind != QLatin1String("missing")) {
            {
                auto session = SessionDatabase::create(path, sampleExam());
                QVERIFY(session);
                // Enough rows that the file spans many pages.
                ImportPlan plan = twoCopiesOf(document(QByteArray(200000, 'x'), QStringLiteral("big.pdf"), 4));
                QVERIFY(session.value()->applyImport(plan));
                if (kind == QLatin1String("newer"))
                    QVERIFY(session.value()->setMeta(QStringLiteral("schema_version"), QStringLiteral("99")));
            }
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadWrite));
            const qint64 size = file.size();
            QVERIFY(size > 16384);
            if (kind == QLatin1String("truncated")) {
                QVERIFY(file.resize(size / 2));
            } else if (kind == QLatin1String("scrambled")) {
                // Overwrite the schema page's b-tree area and a page in the middle.
                QVERIFY(file.seek(100));
                file.write(QByteArray(3000, '\xA5'));
                QVERIFY(file.seek(size / 2));
                file.write(QByteArray(8192, '\x5A'));
            }
        }
        const QByteArray before = fileHash(path);
        const auto opened = SessionDatabase::open(path);
        QVERIFY(!opened);
        QCOMPARE(int(opened.error().code), code);
        QVERIFY2(opened.errorString().contains(expected), qPrintable(opened.errorString()));
        if (kind != QLatin1String("missing"))
            QVERIFY2(opened.errorString().contains(QStringLiteral("bad.corrige")), qPrintable(opened.errorString()));
        QCOMPARE(fileHash(path), before);
    }

    void storeWorksOnItsOwnThread()
    {
        const QString path = m_dir->filePath(QStringLiteral("s.corrige"));
        {
            auto session = SessionDatabase::create(path, sampleExam());
            QVERIFY(session);
            QVERIFY(session.value()->applyImport(twoCopiesOf(document("pdf bytes", QStringLiteral("a.pdf"), 4))));
        }
        SessionStore store;
        // The spies record from the storage thread as soon as a signal is emitted, perhaps before a wait() would
        // start: count instead of waiting for the next one.
        QSignalSpy opened(&store, &SessionStore::opened);
        QSignalSpy saved(&store, &SessionStore::saved);
        QSignalSpy failed(&store, &SessionStore::failed);
        QSignalSpy loaded(&store, &SessionStore::documentLoaded);
        const quint64 openId = store.open(path);
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 10000);
        QCOMPARE(opened.first().at(0).toULongLong(), openId);
        const auto snapshot = opened.first().at(1).value<SessionSnapshot>();
        QCOMPARE(snapshot.copies.size(), 2);
        QCOMPARE(snapshot.documents.size(), 1);

        store.setTeacherGrade(snapshot.copies.first().id, QStringLiteral("q1"), 2.0);
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 10000);
        store.loadDocument(snapshot.documents.first().id);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 10000);
        QCOMPARE(loaded.first().at(2).toByteArray(), QByteArray("pdf bytes"));
        store.setTeacherGrade(snapshot.copies.first().id, QStringLiteral("q1"), 7.0); // above max
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
        QCOMPARE(failed.first().at(1).value<Error>().code, ErrorCode::InvalidInput);

        store.reload();
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 2, 10000);
        QCOMPARE(opened.last().at(1).value<SessionSnapshot>().grades.size(), 1);

        store.open(m_dir->filePath(QStringLiteral("nothing.corrige")));
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, 10000);
        QCOMPARE(failed.last().at(1).value<Error>().code, ErrorCode::FileNotFound);
    }

    void shutdownKeepsEveryQueuedWrite()
    {
        const QString path = m_dir->filePath(QStringLiteral("s.corrige"));
        {
            auto session = SessionDatabase::create(path, sampleExam());
            QVERIFY(session);
            QVERIFY(session.value()->applyImport(twoCopiesOf(document("pdf bytes", QStringLiteral("a.pdf"), 4))));
        }
        const QList<Copy> copies = SessionDatabase::open(path).value()->copies();
        QCOMPARE(copies.size(), 2);
        {
            // The writes are queued while the storage thread is still opening the file, and the store is
            // destroyed at once (a score typed, then Ctrl+Q).
            SessionStore store;
            store.open(path);
            for (int i = 0; i < 40; ++i)
                store.setStudent(copies.at(i % 2).id, QStringLiteral("Student %1").arg(i), QString::number(i), QString());
            store.setTeacherGrade(copies.first().id, QStringLiteral("q1"), 1.5);
        }
        auto reopened = SessionDatabase::open(path);
        QVERIFY2(reopened, qPrintable(reopened.errorString()));
        const QList<Copy> after = reopened.value()->copies();
        QCOMPARE(after.at(0).studentName, QStringLiteral("Student 38"));
        QCOMPARE(after.at(1).studentName, QStringLiteral("Student 39"));
        const QList<QuestionGrade> grades = reopened.value()->grades(copies.first().id);
        QCOMPARE(grades.size(), 1);
        QCOMPARE(grades.first().source, GradeSource::Teacher);
        QCOMPARE(grades.first().score, 1.5);
    }

    void oneModelNote_isKeptWithTheCopyToReview()
    {
        auto session = SessionDatabase::create(m_dir->filePath(QStringLiteral("s.corrige")), sampleExam());
        QVERIFY(session);
        SessionDatabase &db = *session.value();
        QVERIFY(db.applyImport(twoCopiesOf(document("pdf bytes", QStringLiteral("a.pdf"), 4))));
        const qint64 copyId = db.copies().first().id;
        const QString note = QStringLiteral("Only one model answered: the answer was cut off");
        QList<QuestionGrade> grades;
        for (const auto &[question, max] : {std::pair{QStringLiteral("q1"), 2.0}, std::pair{QStringLiteral("q2"), 4.0}}) {
            grades.append(modelGrade(copyId, question, GradeSource::ModelA, 1, max));
            grades.append(modelGrade(copyId, question, GradeSource::Final, 1, max, GradeFlag::NeedsReview));
        }
        QVERIFY(db.saveCopyResult(copyId, grades, CopyStatus::Graded, note));
        QCOMPARE(db.copy(copyId)->status, CopyStatus::NeedsReview);
        QCOMPARE(db.copy(copyId)->error, note);
        // Once the teacher has settled every question, the note has done its job.
        QVERIFY(db.setTeacherGrade(copyId, QStringLiteral("q1"), 1.0));
        QVERIFY(db.setTeacherGrade(copyId, QStringLiteral("q2"), 2.0));
        QCOMPARE(db.copy(copyId)->status, CopyStatus::Graded);
        QCOMPARE(db.copy(copyId)->error, QString());
    }

    void crafted_pageIndexOutOfItsScan_isRefusedAtOpen()
    {
        const QString path = m_dir->filePath(QStringLiteral("crafted.corrige"));
        {
            auto session = SessionDatabase::create(path, sampleExam());
            QVERIFY(session);
            QVERIFY(session.value()->applyImport(twoCopiesOf(document("pdf bytes", QStringLiteral("a.pdf"), 4))));
        }
        QVERIFY(rawExec(path, QStringLiteral("UPDATE copy_pages SET page_index = 2147483647 WHERE position = 1 AND "
                                             "copy_id = (SELECT id FROM copies WHERE label = 'Copy 2')")));
        const QByteArray before = fileHash(path);
        for (const auto &opened : {SessionDatabase::open(path), SessionDatabase::openReadOnly(path)}) {
            QVERIFY(!opened);
            QCOMPARE(opened.error().code, ErrorCode::CorruptSession);
            QVERIFY2(opened.errorString().contains(QStringLiteral("Copy 2"))
                         && opened.errorString().contains(QStringLiteral("2147483647"))
                         && opened.errorString().contains(QStringLiteral("crafted.corrige")),
                     qPrintable(opened.errorString()));
        }
        QCOMPARE(fileHash(path), before);
    }

    void quickCheck_onlyWhenNotClosedCleanly()
    {
        const QString path = m_dir->filePath(QStringLiteral("s.corrige"));
        {
            auto session = SessionDatabase::create(path, sampleExam());
            QVERIFY(session);
            QVERIFY(session.value()->applyImport(twoCopiesOf(document(QByteArray(200000, 'p'), QStringLiteral("a.pdf"), 4))));
        }
        QCOMPARE(rawValue(path, QStringLiteral("SELECT value FROM meta WHERE key = 'closed_cleanly'")), QStringLiteral("1"));
        // Damage only quick_check sees: a broken link in the chain of pages that holds the stored scan.
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadWrite));
            const QByteArray bytes = file.readAll();
            const qsizetype pageSize = 4096;
            qsizetype broken = -1;
            for (qsizetype page = bytes.size() / pageSize / 2; page < bytes.size() / pageSize && broken < 0; ++page) {
                if (bytes.mid(page * pageSize + 4, pageSize - 4) == QByteArray(pageSize - 4, 'p'))
                    broken = page * pageSize;
            }
            QVERIFY(broken > 0);
            QVERIFY(file.seek(broken));
            file.write(QByteArray(4, '\x7f')); // the next page of the chain now lies far beyond the file
        }
        // Closed cleanly: opening skips the full read.
        {
            auto opened = SessionDatabase::open(path);
            QVERIFY2(opened, qPrintable(opened.errorString()));
            // A session only read is left as it was, marker included.
        }
        QCOMPARE(rawValue(path, QStringLiteral("SELECT value FROM meta WHERE key = 'closed_cleanly'")), QStringLiteral("1"));
        // Not closed cleanly (a write, then a crash): the next open runs quick_check and refuses the file.
        QVERIFY(rawExec(path, QStringLiteral("UPDATE meta SET value = '0' WHERE key = 'closed_cleanly'")));
        const auto opened = SessionDatabase::open(path);
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, ErrorCode::CorruptSession);
        // SQLite's report spans several lines; the message is one (found by fuzzing).
        QVERIFY2(!opened.errorString().contains(QLatin1Char('\n')), qPrintable(opened.errorString()));
    }

    void readOnlyFolder_isReadWithoutLeavingFiles()
    {
        if (::geteuid() == 0)
            QSKIP("root may write into read-only folders");
        const QString folder = m_dir->filePath(QStringLiteral("shared"));
        QVERIFY(QDir().mkpath(folder));
        const QString path = folder + QStringLiteral("/class.corrige");
        {
            auto session = SessionDatabase::create(path, sampleExam());
            QVERIFY(session);
            QVERIFY(session.value()->applyImport(twoCopiesOf(document("pdf bytes", QStringLiteral("a.pdf"), 4))));
        }
        QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner));
        const auto cleanup = qScopeGuard([&] { QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner); });
        auto opened = SessionDatabase::openReadOnly(path);
        QVERIFY2(opened, qPrintable(opened.errorString()));
        QCOMPARE(opened.value()->copies().size(), 2);
        QVERIFY(opened.value()->takeReadError());
        opened = Result<std::unique_ptr<SessionDatabase>>(Error{ErrorCode::None, {}});
        QCOMPARE(QDir(folder).entryList(QDir::Files), QStringList{QStringLiteral("class.corrige")});
    }

    void readOnlyOpen_leavesNoWalOrShm()
    {
        const QString path = m_dir->filePath(QStringLiteral("class.corrige"));
        {
            auto session = SessionDatabase::create(path, sampleExam());
            QVERIFY(session);
            QVERIFY(session.value()->applyImport(twoCopiesOf(document("pdf bytes", QStringLiteral("a.pdf"), 4))));
        }
        const QByteArray before = fileHash(path);
        {
            auto opened = SessionDatabase::openReadOnly(path);
            QVERIFY2(opened, qPrintable(opened.errorString()));
            QCOMPARE(opened.value()->copies().size(), 2);
            QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
            QVERIFY(!QFile::exists(path + QStringLiteral("-shm")));
        }
        QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), QStringList{QStringLiteral("class.corrige")});
        QCOMPARE(fileHash(path), before);
    }

    void readers_reportTheirFailures()
    {
        const QString path = m_dir->filePath(QStringLiteral("s.corrige"));
        {
            auto session = SessionDatabase::create(path, sampleExam());
            QVERIFY(session);
            QVERIFY(session.value()->applyImport(twoCopiesOf(document("pdf bytes", QStringLiteral("a.pdf"), 4))));
        }
        auto opened = SessionDatabase::open(path);
        QVERIFY(opened);
        QVERIFY(opened.value()->takeReadError());
        // A table gone behind Corrige's back: the readers say so instead of answering "no copies".
        QVERIFY(rawExec(path, QStringLiteral("ALTER TABLE copies RENAME TO copies_gone")));
        QVERIFY(opened.value()->copies().isEmpty());
        const Status read = opened.value()->takeReadError();
        QVERIFY(!read);
        QVERIFY2(read.error().message.contains(QStringLiteral("s.corrige")), qPrintable(read.error().message));
        QVERIFY(opened.value()->takeReadError()); // reported once

        // Through the store, the window gets an error, not an empty class.
        opened = Result<std::unique_ptr<SessionDatabase>>(Error{ErrorCode::None, {}});
        SessionStore store;
        QSignalSpy openedSpy(&store, &SessionStore::opened);
        QSignalSpy failed(&store, &SessionStore::failed);
        store.open(path);
        QTRY_COMPARE_WITH_TIMEOUT(failed.size() + openedSpy.size(), 1, 10000);
        QCOMPARE(failed.size(), 1);
    }

private:
    static bool rawExec(const QString &path, const QString &statements)
    {
        bool ok = true;
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
            raw.setDatabaseName(path);
            ok = raw.open();
            QSqlQuery query(raw);
            for (const QString &statement : statements.split(QStringLiteral("; "), Qt::SkipEmptyParts)) {
                if (ok && !query.exec(statement)) {
                    qWarning("%s: %s", qPrintable(statement), qPrintable(query.lastError().text()));
                    ok = false;
                }
            }
            query.finish();
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
        return ok;
    }

    static QString rawValue(const QString &path, const QString &select)
    {
        QString value;
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
            raw.setDatabaseName(path);
            if (raw.open()) {
                QSqlQuery query(raw);
                if (query.exec(select) && query.next())
                    value = query.value(0).toString();
            }
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("peek"));
        return value;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TstSession)
#include "tst_session.moc"
