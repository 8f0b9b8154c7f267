#include "core/session/sessiondatabase.h"
#include "core/session/sessionschema.h"
#include "core/session/sessionstore.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

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

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TstSession)
#include "tst_session.moc"
