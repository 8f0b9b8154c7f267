// Drives the real corrige-cli export on a session made by corrige-cli new/import, as a teacher's script would.
#include "core/session/sessiondatabase.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QPdfDocument>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QtTest>

#include "clirunner.h"

using namespace Corrige::Core;

namespace {

const QString dataDir = QStringLiteral(CORRIGE_TEST_DATA_DIR);
const QString demoDir = QStringLiteral(CORRIGE_DEMO_DIR);

using Run = CliRun;

Run runCli(const QStringList &arguments)
{
    return runCorrigeCli(arguments);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QByteArray fileHash(const QString &path)
{
    return QCryptographicHash::hash(readAll(path), QCryptographicHash::Sha256).toHex();
}

// Hashes of every file in a folder, by name.
QMap<QString, QByteArray> folderHashes(const QString &path)
{
    QMap<QString, QByteArray> hashes;
    const QDir dir(path);
    for (const QString &name : dir.entryList(QDir::Files | QDir::Hidden))
        hashes.insert(name, fileHash(dir.filePath(name)));
    return hashes;
}

QuestionGrade finalGrade(qint64 copyId, const QString &question, double score, double max)
{
    QuestionGrade grade;
    grade.copyId = copyId;
    grade.questionId = question;
    grade.source = GradeSource::Final;
    grade.score = score;
    grade.maxPoints = max;
    grade.justification = QStringLiteral("Checked against the rubric.");
    grade.model = QStringLiteral("gemini/gemini-2.5-flash");
    return grade;
}

} // namespace

class TstExportCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void reviewGate_exits3WithTheList();
    void csv_writesEffectiveGrades();
    void moodleAndPronote_presets();
    void xlsx_writesASpreadsheet();
    void csv_refusesToOverwriteWithoutForce();
    void sessionFile_isNeverATarget();
    void fullDisk_exits1AndKeepsTheOldFile();
    void pdf_writesOneAnnotatedPdfPerCopy();
    void pdf_refusesToOverwriteWithoutForce();
    void badUsage_exits2WithOneLine_data();
    void badUsage_exits2WithOneLine();
    void writeFailure_exits1();

private:
    QString path(const QString &name) const { return m_dir->filePath(name); }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_session;
};

void TstExportCli::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_session = path(QStringLiteral("class.corrige"));
    const Run created = runCli({QStringLiteral("new"), m_session, QStringLiteral("--exam"), demoDir + QStringLiteral("/exam.json")});
    QVERIFY2(created.exitCode == 0, qPrintable(created.err));
    const Run imported = runCli({QStringLiteral("import"), m_session,
                                 dataDir + QStringLiteral("/scans/zesje_demo_submissions_5students_20pages.pdf"),
                                 QStringLiteral("--pages-per-copy"), QStringLiteral("4"), QStringLiteral("--roster"),
                                 demoDir + QStringLiteral("/roster.csv")});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));

    // Three copies graded (the teacher changed one grade of the first), one failed, one pending.
    auto db = SessionDatabase::open(m_session);
    QVERIFY2(db, qPrintable(db.errorString()));
    const QList<Copy> copies = db.value()->copies();
    QCOMPARE(copies.size(), 5);
    const QList<QList<double>> scores{{1, 0, 1, 1, 2}, {1, 1, 0, 1, 4}, {0, 0, 0, 0, 0.5}};
    const QStringList questions{QStringLiteral("q1"), QStringLiteral("q2"), QStringLiteral("q3"), QStringLiteral("q4"),
                                QStringLiteral("q5")};
    const QList<double> maxima{1, 1, 1, 1, 4};
    for (int c = 0; c < scores.size(); ++c) {
        QList<QuestionGrade> grades;
        for (int q = 0; q < questions.size(); ++q)
            grades.append(finalGrade(copies.at(c).id, questions.at(q), scores.at(c).at(q), maxima.at(q)));
        QVERIFY(db.value()->saveCopyResult(copies.at(c).id, grades, CopyStatus::Graded, {}));
    }
    QVERIFY(db.value()->setTeacherGrade(copies.at(0).id, QStringLiteral("q5"), 3.5, QStringLiteral("Steps shown.")));
    QVERIFY(db.value()->saveCopyResult(copies.at(3).id, {}, CopyStatus::Failed, QStringLiteral("The model refused.")));
}

void TstExportCli::reviewGate_exits3WithTheList()
{
    const QString out = path(QStringLiteral("grades.csv"));
    for (const QString &format : {QStringLiteral("csv"), QStringLiteral("xlsx"), QStringLiteral("moodle"),
                                  QStringLiteral("pronote"), QStringLiteral("pdf")}) {
        const Run run = runCli({QStringLiteral("export"), m_session, QStringLiteral("--format"), format,
                                QStringLiteral("--out"), out});
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(QStringLiteral("#4 Alexander Maxim: grading failed: The model refused.")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("#5 Donald Duck: not graded yet")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("--allow-unreviewed")), qPrintable(run.err));
        QVERIFY(!QFile::exists(out));
    }
}

void TstExportCli::csv_writesEffectiveGrades()
{
    const QString out = path(QStringLiteral("grades.csv"));
    const Run run = runCli({QStringLiteral("export"), m_session, QStringLiteral("--format"), QStringLiteral("csv"),
                            QStringLiteral("--out"), out, QStringLiteral("--allow-unreviewed"), QStringLiteral("--csv-dialect"),
                            QStringLiteral("rfc4180")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(out), qPrintable(run.out));
    const QByteArray expected =
        "Copy,Student,Student ID,Email,Question 1 (/1),Question 2 (/1),Question 3 (/1),Question 4 (/1),Question 5 (/4),"
        "Total,Max,Status,Reason,Flags\r\n"
        "Copy 1,Bob the Builder,7655555,bob@builder.me,1,0,1,1,3.5,6.5,8,graded,,\r\n"
        "Copy 2,Justin van der Krieken,4443332,my@email.nl,1,1,0,1,4,7,8,graded,,\r\n"
        "Copy 3,Nick Cleintuar,3300957,test@mail.nl,0,0,0,0,0.5,0.5,8,graded,,\r\n"
        "Copy 4,Alexander Maxim,2784377,maxim@hotmail.com,,,,,,,8,failed,grading failed: The model refused.,\r\n"
        "Copy 5,Donald Duck,4853320,dduck@ducks.com,,,,,,,8,not graded,not graded yet,\r\n";
    QCOMPARE(readAll(out), expected);
    QVERIFY2(run.err.contains(QStringLiteral("no total yet")), qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("#4 Alexander Maxim")), qPrintable(run.err));

    // excel-fr: semicolons, decimal commas and a BOM.
    const QString fr = path(QStringLiteral("grades-fr.csv"));
    const Run french = runCli({QStringLiteral("export"), m_session, QStringLiteral("--format"), QStringLiteral("csv"),
                               QStringLiteral("--out"), fr, QStringLiteral("--allow-unreviewed"), QStringLiteral("--csv-dialect"),
                               QStringLiteral("excel-fr")});
    QVERIFY2(french.exitCode == 0, qPrintable(french.err));
    QVERIFY(readAll(fr).startsWith("\xEF\xBB\xBF" "Copy;Student;"));
    QVERIFY(readAll(fr).contains("Copy 1;Bob the Builder;7655555;bob@builder.me;1;0;1;1;3,5;6,5;8;graded;;\r\n"));
}

void TstExportCli::moodleAndPronote_presets()
{
    const QString moodle = path(QStringLiteral("moodle.csv"));
    const Run moodleRun = runCli({QStringLiteral("export"), m_session, QStringLiteral("--format"), QStringLiteral("moodle"),
                                  QStringLiteral("--out"), moodle, QStringLiteral("--allow-unreviewed")});
    QVERIFY2(moodleRun.exitCode == 0, qPrintable(moodleRun.err));
    QCOMPARE(QString::fromUtf8(readAll(moodle)),
             QStringLiteral("Email address,Zesje test exam (TI-1337)\r\n"
                            "bob@builder.me,6.5\r\n"
                            "my@email.nl,7\r\n"
                            "test@mail.nl,0.5\r\n"
                            "maxim@hotmail.com,-\r\n"
                            "dduck@ducks.com,-\r\n"));
    QVERIFY2(moodleRun.err.contains(QStringLiteral("maximum grade of 8")), qPrintable(moodleRun.err));

    const QString byId = path(QStringLiteral("moodle-id.csv"));
    const Run idRun = runCli({QStringLiteral("export"), m_session, QStringLiteral("--format"), QStringLiteral("moodle"),
                              QStringLiteral("--out"), byId, QStringLiteral("--allow-unreviewed"), QStringLiteral("--moodle-id"),
                              QStringLiteral("idnumber"), QStringLiteral("--feedback")});
    QVERIFY2(idRun.exitCode == 0, qPrintable(idRun.err));
    const QStringList lines = QString::fromUtf8(readAll(byId)).split(QStringLiteral("\r\n"));
    QCOMPARE(lines.at(0), QStringLiteral("ID number,Zesje test exam (TI-1337),Feedback"));
    QVERIFY2(lines.at(1).startsWith(QStringLiteral("7655555,6.5,")), qPrintable(lines.at(1)));
    QVERIFY2(lines.at(1).contains(QStringLiteral("Steps shown.")), qPrintable(lines.at(1)));
    QCOMPARE(lines.at(4), QStringLiteral("2784377,-,")); // failed: no grade and no error text for the student

    const QString pronote = path(QStringLiteral("pronote.csv"));
    const Run pronoteRun = runCli({QStringLiteral("export"), m_session, QStringLiteral("--format=pronote"),
                                   QStringLiteral("--out"), pronote, QStringLiteral("--allow-unreviewed")});
    QVERIFY2(pronoteRun.exitCode == 0, qPrintable(pronoteRun.err));
    QCOMPARE(readAll(pronote),
             QByteArray("\xEF\xBB\xBF") + QStringLiteral("Élève;Note;Note /20\r\n"
                            "BUILDER Bob the;6,5;16,25\r\n"
                            "CLEINTUAR Nick;0,5;1,25\r\n"
                            "DUCK Donald;;\r\n"
                            "KRIEKEN Justin van der;7;17,5\r\n"
                            "MAXIM Alexander;;\r\n").toUtf8());
}

void TstExportCli::xlsx_writesASpreadsheet()
{
    const QString out = path(QStringLiteral("grades.xlsx"));
    const Run run = runCli({QStringLiteral("export"), m_session, QStringLiteral("--format"), QStringLiteral("xlsx"),
                            QStringLiteral("--out"), out, QStringLiteral("--allow-unreviewed")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(readAll(out).startsWith("PK\x03\x04")); // a zip, as every .xlsx
}

void TstExportCli::csv_refusesToOverwriteWithoutForce()
{
    const QString out = path(QStringLiteral("grades.csv"));
    QFile existing(out);
    QVERIFY(existing.open(QIODevice::WriteOnly));
    existing.write("the teacher's own spreadsheet\n");
    existing.close();
    const QByteArray before = fileHash(out);

    const Run refused = runCli({QStringLiteral("export"), m_session, QStringLiteral("--format"), QStringLiteral("csv"),
                                QStringLiteral("--out"), out, QStringLiteral("--allow-unreviewed")});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains(QStringLiteral("already exists")), qPrintable(refused.err));
    QVERIFY2(refused.err.contains(QStringLiteral("--force")), qPrintable(refused.err));
    QCOMPARE(refused.err.trimmed().count(QLatin1Char('\n')), 0);
    QCOMPARE(fileHash(out), before);

    const Run forced = runCli({QStringLiteral("export"), m_session, QStringLiteral("--format"), QStringLiteral("csv"),
                               QStringLiteral("--out"), out, QStringLiteral("--force"), QStringLiteral("--allow-unreviewed"),
                               QStringLiteral("--csv-dialect"), QStringLiteral("rfc4180")});
    QVERIFY2(forced.exitCode == 0, qPrintable(forced.err));
    QVERIFY(readAll(out).startsWith("Copy,Student"));
    // Nothing but the export was written next to it.
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden).filter(QStringLiteral("grades")),
             QStringList{QStringLiteral("grades.csv")});
}

void TstExportCli::sessionFile_isNeverATarget()
{
    const QByteArray before = fileHash(m_session);
    for (const QString &format : {QStringLiteral("csv"), QStringLiteral("xlsx"), QStringLiteral("moodle")}) {
        const Run run = runCli({QStringLiteral("export"), m_session, QStringLiteral("--format"), format, QStringLiteral("--out"),
                                m_session, QStringLiteral("--force"), QStringLiteral("--allow-unreviewed")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("session")), qPrintable(run.err));
        QCOMPARE(fileHash(m_session), before);
    }
    // Any .corrige, even one that does not exist yet.
    const Run other = runCli({QStringLiteral("export"), m_session, QStringLiteral("--format"), QStringLiteral("csv"),
                              QStringLiteral("--out"), path(QStringLiteral("other.corrige")), QStringLiteral("--allow-unreviewed")});
    QCOMPARE(other.exitCode, 2);
    QVERIFY(!QFile::exists(path(QStringLiteral("other.corrige"))));
}

void TstExportCli::fullDisk_exits1AndKeepsTheOldFile()
{
    QTemporaryDir mountPoint;
    QVERIFY(mountPoint.isValid());
    QProcess mount;
    mount.start(QStringLiteral("mount"), {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                          QStringLiteral("size=12k"), QStringLiteral("tmpfs"), mountPoint.path()});
    if (!mount.waitForFinished(10000) || mount.exitStatus() != QProcess::NormalExit || mount.exitCode() != 0)
        QSKIP("Cannot mount a small tmpfs here (not root); tst_export covers the same path with an injected failure.");
    const auto unmount = qScopeGuard([&mountPoint] { QProcess::execute(QStringLiteral("umount"), {mountPoint.path()}); });
    const QString out = QDir(mountPoint.path()).filePath(QStringLiteral("grades.xlsx"));
    QFile good(out);
    QVERIFY(good.open(QIODevice::WriteOnly));
    good.write("a good spreadsheet");
    good.close();
    // Fill the rest of the disk.
    QFile filler(QDir(mountPoint.path()).filePath(QStringLiteral("filler")));
    QVERIFY(filler.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
    while (filler.write(QByteArray(1024, 'x')) > 0) {
    }
    filler.close();
    const Run run = runCli({QStringLiteral("export"), m_session, QStringLiteral("--format"), QStringLiteral("xlsx"),
                            QStringLiteral("--out"), out, QStringLiteral("--force"), QStringLiteral("--allow-unreviewed")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(out), qPrintable(run.err));
    QCOMPARE(readAll(out), QByteArray("a good spreadsheet"));
    QCOMPARE(QDir(mountPoint.path()).entryList(QDir::Files | QDir::Hidden, QDir::Name),
             (QStringList{QStringLiteral("filler"), QStringLiteral("grades.xlsx")}));
}

void TstExportCli::pdf_writesOneAnnotatedPdfPerCopy()
{
    const QString out = path(QStringLiteral("annotated/3B"));
    const Run run = runCli({QStringLiteral("export"), m_session, QStringLiteral("--format"), QStringLiteral("pdf"),
                            QStringLiteral("--out"), out, QStringLiteral("--allow-unreviewed"), QStringLiteral("--merged"),
                            path(QStringLiteral("class.pdf"))});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    // The failed copy and the one not graded get no PDF, and the export names them.
    const QStringList expected{QStringLiteral("1 - Bob the Builder.pdf"), QStringLiteral("2 - Justin van der Krieken.pdf"),
                               QStringLiteral("3 - Nick Cleintuar.pdf")};
    QCOMPARE(QDir(out).entryList(QDir::Files | QDir::Hidden, QDir::Name), expected);
    QVERIFY2(run.err.contains(QStringLiteral("#4 Alexander Maxim (grading failed)")), qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("#5 Donald Duck (not graded)")), qPrintable(run.err));
    const QStringList totals{QStringLiteral("Total: 6.5 / 8"), QStringLiteral("Total: 7 / 8"), QStringLiteral("Total: 0.5 / 8")};
    for (int i = 0; i < expected.size(); ++i) {
        QPdfDocument pdf;
        QCOMPARE(pdf.load(QDir(out).filePath(expected.at(i))), QPdfDocument::Error::None);
        QCOMPARE(pdf.pageCount(), 1 + 4);
        const QString summary = pdf.getAllText(0).text();
        QVERIFY2(summary.contains(expected.at(i).mid(4).chopped(4)), qPrintable(summary)); // the student's name
        QVERIFY2(summary.contains(totals.at(i)), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("Zesje test exam (TI-1337)")), qPrintable(summary));
    }
    QPdfDocument bob;
    QCOMPARE(bob.load(QDir(out).filePath(expected.first())), QPdfDocument::Error::None);
    QVERIFY2(bob.getAllText(0).text().contains(QStringLiteral("Steps shown.")), qPrintable(bob.getAllText(0).text()));
    QPdfDocument merged;
    QCOMPARE(merged.load(path(QStringLiteral("class.pdf"))), QPdfDocument::Error::None);
    QCOMPARE(merged.pageCount(), 3 * 5);
}

void TstExportCli::pdf_refusesToOverwriteWithoutForce()
{
    const QString out = path(QStringLiteral("annotated"));
    const QStringList arguments{QStringLiteral("export"), m_session, QStringLiteral("--format"), QStringLiteral("pdf"),
                                QStringLiteral("--out"), out, QStringLiteral("--allow-unreviewed")};
    const Run first = runCli(arguments);
    QVERIFY2(first.exitCode == 0, qPrintable(first.err));
    QVERIFY(QFile::remove(QDir(out).filePath(QStringLiteral("3 - Nick Cleintuar.pdf"))));
    const QMap<QString, QByteArray> before = folderHashes(out);
    QCOMPARE(before.size(), 2);

    const Run refused = runCli(arguments);
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains(QStringLiteral("1 - Bob the Builder.pdf")), qPrintable(refused.err));
    QVERIFY2(refused.err.contains(QStringLiteral("--force")), qPrintable(refused.err));
    QCOMPARE(folderHashes(out), before); // nothing written, not even the missing PDF

    const Run forced = runCli(arguments + QStringList{QStringLiteral("--force")});
    QVERIFY2(forced.exitCode == 0, qPrintable(forced.err));
    QCOMPARE(folderHashes(out).size(), 3);
}

void TstExportCli::badUsage_exits2WithOneLine_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no format") << QStringList{QStringLiteral("--out"), QStringLiteral("@dir/x.csv")}
                               << QStringLiteral("--format");
    QTest::newRow("unknown format") << QStringList{QStringLiteral("--format"), QStringLiteral("docx"), QStringLiteral("--out"),
                                                   QStringLiteral("@dir/x.docx")}
                                    << QStringLiteral("docx");
    QTest::newRow("unknown dialect") << QStringList{QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--out"),
                                                    QStringLiteral("@dir/x.csv"), QStringLiteral("--csv-dialect"), QStringLiteral("excel")}
                                     << QStringLiteral("excel-fr");
    QTest::newRow("dialect for moodle") << QStringList{QStringLiteral("--format"), QStringLiteral("moodle"), QStringLiteral("--out"),
                                                       QStringLiteral("@dir/x.csv"), QStringLiteral("--csv-dialect"), QStringLiteral("excel-fr")}
                                        << QStringLiteral("--csv-dialect");
    QTest::newRow("unknown moodle id") << QStringList{QStringLiteral("--format"), QStringLiteral("moodle"), QStringLiteral("--out"),
                                                      QStringLiteral("@dir/x.csv"), QStringLiteral("--moodle-id"), QStringLiteral("id")}
                                       << QStringLiteral("idnumber");
    QTest::newRow("no out") << QStringList{QStringLiteral("--format"), QStringLiteral("csv")} << QStringLiteral("--out");
    QTest::newRow("csv into a folder") << QStringList{QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--out"),
                                                      QStringLiteral("@dir")}
                                       << QStringLiteral("folder");
    QTest::newRow("pdf into a file") << QStringList{QStringLiteral("--format"), QStringLiteral("pdf"), QStringLiteral("--out"),
                                                    QStringLiteral("@dir/class.corrige")}
                                     << QStringLiteral("session file");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--out"),
                                                   QStringLiteral("@dir/x.csv"), QStringLiteral("--colour")}
                                    << QStringLiteral("colour");
}

void TstExportCli::badUsage_exits2WithOneLine()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    arguments.replaceInStrings(QStringLiteral("@dir"), m_dir->path());
    const QByteArray sessionBefore = fileHash(m_session);
    const QStringList before = QDir(m_dir->path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);

    const Run run = runCli(QStringList{QStringLiteral("export"), m_session} + arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(expected), qPrintable(run.err));
    QVERIFY2(run.err.trimmed().count(QLatin1Char('\n')) == 0, qPrintable(run.err));
    QCOMPARE(fileHash(m_session), sessionBefore);
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), before);

    // The same mistakes about the session itself.
    const Run missing = runCli({QStringLiteral("export"), path(QStringLiteral("nowhere.corrige")), QStringLiteral("--format"),
                                QStringLiteral("csv"), QStringLiteral("--out"), path(QStringLiteral("x.csv"))});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY2(missing.err.contains(QStringLiteral("nowhere.corrige")), qPrintable(missing.err));
    const QString notSession = dataDir + QStringLiteral("/scans/zesje_demo_students.csv");
    const Run wrong = runCli({QStringLiteral("export"), notSession, QStringLiteral("--format"), QStringLiteral("csv"),
                              QStringLiteral("--out"), path(QStringLiteral("x.csv"))});
    QCOMPARE(wrong.exitCode, 2);
    QVERIFY(!QFile::exists(path(QStringLiteral("x.csv"))));
}

void TstExportCli::writeFailure_exits1()
{
    const QString out = path(QStringLiteral("no/such/folder/grades.csv"));
    const Run run = runCli({QStringLiteral("export"), m_session, QStringLiteral("--format"), QStringLiteral("csv"),
                            QStringLiteral("--out"), out});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("no/such/folder")), qPrintable(run.err));
    QVERIFY2(run.err.trimmed().count(QLatin1Char('\n')) == 0, qPrintable(run.err));

    // A session without copies has nothing to export.
    const QString empty = path(QStringLiteral("empty.corrige"));
    QCOMPARE(runCli({QStringLiteral("new"), empty, QStringLiteral("--exam"), demoDir + QStringLiteral("/exam.json")}).exitCode, 0);
    const Run nothing = runCli({QStringLiteral("export"), empty, QStringLiteral("--format"), QStringLiteral("csv"),
                                QStringLiteral("--out"), path(QStringLiteral("empty.csv"))});
    QCOMPARE(nothing.exitCode, 2);
    QVERIFY2(nothing.err.contains(QStringLiteral("import")), qPrintable(nothing.err));
    QVERIFY(!QFile::exists(path(QStringLiteral("empty.csv"))));
}

QTEST_MAIN(TstExportCli)
#include "tst_export_cli.moc"
