// Drives the real corrige-cli binary as scripts do, and checks the contract of ARCHITECTURE §6.
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "clirunner.h"

namespace {

const QString dataDir = QStringLiteral(CORRIGE_TEST_DATA_DIR);
const QString demoDir = QStringLiteral(CORRIGE_DEMO_DIR);

using Run = CliRun;

Run runCli(const QStringList &arguments)
{
    return runCorrigeCli(arguments, 60000);
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex();
}

QString scan(const QString &name)
{
    return dataDir + QStringLiteral("/scans/") + name;
}

QString badPdf(const QString &name)
{
    return dataDir + QStringLiteral("/bad_pdfs/") + name;
}

} // namespace

class TstCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void noCommand_printsUsageAndExits2();
    void unknownCommand_exits2();
    void new_createsSession();
    void new_refusesBadExamAndLeavesNoFile_data();
    void new_refusesBadExamAndLeavesNoFile();
    void new_refusesExistingFile();
    void import_splitsRealScanIntoCopiesWithRoster();
    void import_onePdfPerCopy();
    void import_rejectsBadInputAndLeavesSessionUnchanged_data();
    void import_rejectsBadInputAndLeavesSessionUnchanged();
    void import_opensProtectedPdfWithPasswordFile();
    void import_isAllOrNothingAcrossFiles();
    void import_sameScanTwice_isRefusedUnlessAllowed();
    void status_jsonFollowsTheContract();
    void status_refusesNonSessionFile();
    void rubric_showPrintsCriteria();

private:
    QString createDemoSession();

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TstCli::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString TstCli::createDemoSession()
{
    const QString session = m_dir->filePath(QStringLiteral("class.corrige"));
    const Run run = runCli({QStringLiteral("new"), session, QStringLiteral("--exam"), demoDir + QStringLiteral("/exam.json")});
    if (run.exitCode != 0)
        qWarning("new failed: %s", qPrintable(run.err));
    return session;
}

void TstCli::noCommand_printsUsageAndExits2()
{
    const Run run = runCli({});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains(QStringLiteral("Usage")));
}

void TstCli::unknownCommand_exits2()
{
    const Run run = runCli({QStringLiteral("frobnicate")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains(QStringLiteral("frobnicate")));
}

void TstCli::new_createsSession()
{
    const QString session = createDemoSession();
    QVERIFY(QFile::exists(session));
    const Run status = runCli({QStringLiteral("status"), session, QStringLiteral("--json")});
    QCOMPARE(status.exitCode, 0);
    const QJsonObject root = QJsonDocument::fromJson(status.out.toUtf8()).object();
    QCOMPARE(root.value(QStringLiteral("exam")).toObject().value(QStringLiteral("title")).toString(),
             QStringLiteral("Zesje test exam (TI-1337)"));
    QCOMPARE(root.value(QStringLiteral("exam")).toObject().value(QStringLiteral("questions")).toArray().size(), 5);
    QCOMPARE(root.value(QStringLiteral("copies")).toArray().size(), 0);
}

void TstCli::new_refusesBadExamAndLeavesNoFile_data()
{
    QTest::addColumn<QByteArray>("exam");
    QTest::addColumn<QString>("expected");
    QTest::newRow("syntax") << QByteArray("{\"title\": \"x\",\n \"questions\": [}") << QStringLiteral("line 2");
    QTest::newRow("no max") << QByteArray(R"({"title": "x", "questions": [{"id": "q1"}]})")
                            << QStringLiteral("maxPoints");
}

void TstCli::new_refusesBadExamAndLeavesNoFile()
{
    QFETCH(QByteArray, exam);
    QFETCH(QString, expected);
    const QString examPath = m_dir->filePath(QStringLiteral("broken-exam.json"));
    QFile file(examPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(exam);
    file.close();
    const QString session = m_dir->filePath(QStringLiteral("new.corrige"));
    const Run run = runCli({QStringLiteral("new"), session, QStringLiteral("--exam"), examPath});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QStringLiteral("broken-exam.json")), qPrintable(run.err));
    QVERIFY2(run.err.contains(expected), qPrintable(run.err));
    QVERIFY(!QFile::exists(session));

    const Run missing = runCli({QStringLiteral("new"), session, QStringLiteral("--exam"),
                                m_dir->filePath(QStringLiteral("nowhere.json"))});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY(missing.err.contains(QStringLiteral("nowhere.json")));
    QVERIFY(!QFile::exists(session));
}

void TstCli::new_refusesExistingFile()
{
    const QString session = createDemoSession();
    const QByteArray before = fileHash(session);
    const Run run = runCli({QStringLiteral("new"), session, QStringLiteral("--exam"), demoDir + QStringLiteral("/exam.json")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains(QStringLiteral("already exists")));
    QCOMPARE(fileHash(session), before);
}

void TstCli::import_splitsRealScanIntoCopiesWithRoster()
{
    const QString session = createDemoSession();
    const Run run = runCli({QStringLiteral("import"), session, scan(QStringLiteral("zesje_demo_submissions_5students_20pages.pdf")),
                            QStringLiteral("--pages-per-copy"), QStringLiteral("4"), QStringLiteral("--roster"),
                            demoDir + QStringLiteral("/roster.csv")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(QStringLiteral("5 copies")), qPrintable(run.out));

    const Run status = runCli({QStringLiteral("status"), session, QStringLiteral("--json")});
    QCOMPARE(status.exitCode, 0);
    const QJsonArray copies = QJsonDocument::fromJson(status.out.toUtf8()).object().value(QStringLiteral("copies")).toArray();
    QCOMPARE(copies.size(), 5);
    QCOMPARE(copies.at(0).toObject().value(QStringLiteral("student")).toString(), QStringLiteral("Bob the Builder"));
    QCOMPARE(copies.at(4).toObject().value(QStringLiteral("student")).toString(), QStringLiteral("Donald Duck"));
    for (const QJsonValue &copy : copies)
        QCOMPARE(copy.toObject().value(QStringLiteral("pages")).toInt(), 4);

    const Run text = runCli({QStringLiteral("status"), session});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains(QStringLiteral("Donald Duck")), qPrintable(text.out));
}

void TstCli::import_onePdfPerCopy()
{
    const QString session = createDemoSession();
    const Run run = runCli({QStringLiteral("import"), session, scan(QStringLiteral("solid_state_physics_minitest6_scans_8pages.pdf")),
                            scan(QStringLiteral("zesje_demo_submissions_5students_20pages.pdf"))});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const Run status = runCli({QStringLiteral("status"), session, QStringLiteral("--json")});
    const QJsonArray copies = QJsonDocument::fromJson(status.out.toUtf8()).object().value(QStringLiteral("copies")).toArray();
    QCOMPARE(copies.size(), 2);
    QCOMPARE(copies.at(0).toObject().value(QStringLiteral("pages")).toInt(), 8);
    QCOMPARE(copies.at(1).toObject().value(QStringLiteral("pages")).toInt(), 20);
}

void TstCli::import_rejectsBadInputAndLeavesSessionUnchanged_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    const QString scan20 = scan(QStringLiteral("zesje_demo_submissions_5students_20pages.pdf"));
    QTest::newRow("not a pdf") << QStringList{badPdf(QStringLiteral("qpdf_bad1_not_a_pdf.pdf"))}
                               << QStringLiteral("qpdf_bad1_not_a_pdf.pdf");
    QTest::newRow("broken trailer") << QStringList{badPdf(QStringLiteral("qpdf_bad7_broken_trailer_unrecoverable.pdf"))}
                                    << QStringLiteral("qpdf_bad7_broken_trailer_unrecoverable.pdf");
    QTest::newRow("password") << QStringList{badPdf(QStringLiteral("pypdf_r4_aes128_user_password_asdfzxcv.pdf"))}
                              << QStringLiteral("password");
    QTest::newRow("missing file") << QStringList{QStringLiteral("/nonexistent/scan.pdf")} << QStringLiteral("scan.pdf");
    QTest::newRow("wrong split") << QStringList{scan20, QStringLiteral("--pages-per-copy"), QStringLiteral("3")}
                                 << QStringLiteral("20");
    QTest::newRow("bad split value") << QStringList{scan20, QStringLiteral("--pages-per-copy"), QStringLiteral("zero")}
                                     << QStringLiteral("--pages-per-copy");
    QTest::newRow("roster too short") << QStringList{scan20, QStringLiteral("--pages-per-copy"), QStringLiteral("2"),
                                                     QStringLiteral("--roster"), demoDir + QStringLiteral("/roster.csv")}
                                      << QStringLiteral("10");
}

void TstCli::import_rejectsBadInputAndLeavesSessionUnchanged()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    const QString session = createDemoSession();
    const Run first = runCli({QStringLiteral("import"), session, scan(QStringLiteral("solid_state_physics_minitest6_scans_8pages.pdf")),
                              QStringLiteral("--pages-per-copy"), QStringLiteral("2")});
    QCOMPARE(first.exitCode, 0);
    const QString statusBefore = runCli({QStringLiteral("status"), session, QStringLiteral("--json")}).out;
    const QByteArray hashBefore = fileHash(session);

    const Run run = runCli(QStringList{QStringLiteral("import"), session} + arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(expected), qPrintable(run.err));
    QCOMPARE(run.err.count(QLatin1Char('\n')), 1); // one readable message, not a trace
    QCOMPARE(fileHash(session), hashBefore);
    QCOMPARE(runCli({QStringLiteral("status"), session, QStringLiteral("--json")}).out, statusBefore);
}

void TstCli::import_opensProtectedPdfWithPasswordFile()
{
    const QString session = createDemoSession();
    const QString wrong = m_dir->filePath(QStringLiteral("wrong.txt"));
    const QString right = m_dir->filePath(QStringLiteral("right.txt"));
    for (const auto &[path, text] : {std::pair{wrong, QByteArray("nope\n")}, std::pair{right, QByteArray("asdfzxcv\n")}}) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
    }
    const QString pdf = badPdf(QStringLiteral("pypdf_r4_aes128_user_password_asdfzxcv.pdf"));
    const Run refused = runCli({QStringLiteral("import"), session, pdf, QStringLiteral("--password-file"), wrong});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains(QStringLiteral("password")), qPrintable(refused.err));
    const Run accepted = runCli({QStringLiteral("import"), session, pdf, QStringLiteral("--password-file"), right});
    QVERIFY2(accepted.exitCode == 0, qPrintable(accepted.err));
    const QJsonArray copies = QJsonDocument::fromJson(runCli({QStringLiteral("status"), session, QStringLiteral("--json")}).out.toUtf8())
                                  .object().value(QStringLiteral("copies")).toArray();
    QCOMPARE(copies.size(), 1);
}

void TstCli::import_isAllOrNothingAcrossFiles()
{
    const QString session = createDemoSession();
    const Run run = runCli({QStringLiteral("import"), session, scan(QStringLiteral("solid_state_physics_minitest6_scans_8pages.pdf")),
                            badPdf(QStringLiteral("qpdf_bad1_not_a_pdf.pdf"))});
    QCOMPARE(run.exitCode, 2);
    const QJsonArray copies = QJsonDocument::fromJson(runCli({QStringLiteral("status"), session, QStringLiteral("--json")}).out.toUtf8())
                                  .object().value(QStringLiteral("copies")).toArray();
    QCOMPARE(copies.size(), 0);
}

void TstCli::status_jsonFollowsTheContract()
{
    const QString session = createDemoSession();
    QCOMPARE(runCli({QStringLiteral("import"), session, scan(QStringLiteral("zesje_demo_submissions_5students_20pages.pdf")),
                     QStringLiteral("--pages-per-copy"), QStringLiteral("4")}).exitCode, 0);
    const Run status = runCli({QStringLiteral("status"), session, QStringLiteral("--json")});
    QCOMPARE(status.exitCode, 0);
    QJsonParseError error;
    const QJsonObject root = QJsonDocument::fromJson(status.out.toUtf8(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);

    const QJsonObject exam = root.value(QStringLiteral("exam")).toObject();
    QVERIFY(exam.value(QStringLiteral("title")).isString());
    const QJsonArray questions = exam.value(QStringLiteral("questions")).toArray();
    QCOMPARE(questions.size(), 5);
    QCOMPARE(questions.at(4).toObject().value(QStringLiteral("id")).toString(), QStringLiteral("q5"));
    QCOMPARE(questions.at(4).toObject().value(QStringLiteral("maxPoints")).toDouble(), 4.0);

    const QJsonObject copy = root.value(QStringLiteral("copies")).toArray().at(0).toObject();
    for (const char *key : {"id", "label", "pages", "status", "total", "maxTotal", "questions"})
        QVERIFY2(copy.contains(QLatin1String(key)), key);
    QCOMPARE(copy.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
    QVERIFY(copy.value(QStringLiteral("total")).isNull());
    QCOMPARE(copy.value(QStringLiteral("maxTotal")).toDouble(), 8.0);
    const QJsonObject question = copy.value(QStringLiteral("questions")).toArray().at(0).toObject();
    for (const char *key : {"id", "score", "maxPoints", "source", "flagged"})
        QVERIFY2(question.contains(QLatin1String(key)), key);

    const QJsonObject summary = root.value(QStringLiteral("summary")).toObject();
    QCOMPARE(summary.value(QStringLiteral("copies")).toInt(), 5);
    QCOMPARE(summary.value(QStringLiteral("pending")).toInt(), 5);
    for (const char *key : {"graded", "failed", "needsReview"})
        QCOMPARE(summary.value(QLatin1String(key)).toInt(-1), 0);
}

void TstCli::status_refusesNonSessionFile()
{
    const Run missing = runCli({QStringLiteral("status"), m_dir->filePath(QStringLiteral("none.corrige"))});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY(missing.err.contains(QStringLiteral("none.corrige")));

    const QString pdf = scan(QStringLiteral("solid_state_physics_minitest6_scans_8pages.pdf"));
    const QByteArray before = fileHash(pdf);
    const Run notSession = runCli({QStringLiteral("status"), pdf});
    QCOMPARE(notSession.exitCode, 2);
    QVERIFY2(notSession.err.contains(QStringLiteral("solid_state_physics_minitest6_scans_8pages.pdf")),
             qPrintable(notSession.err));
    QCOMPARE(fileHash(pdf), before);
}

void TstCli::rubric_showPrintsCriteria()
{
    const QString session = createDemoSession();
    const Run run = runCli({QStringLiteral("rubric"), session, QStringLiteral("--show")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains(QStringLiteral("Question 5 (4 points)")));
    QVERIFY(run.out.contains(QStringLiteral("[1] Total time: 3 students x 10 weeks x 40 hours = 1200 hours")));
    QVERIFY(run.out.contains(QStringLiteral("from the exam file")));
}

void TstCli::import_sameScanTwice_isRefusedUnlessAllowed()
{
    const QString session = createDemoSession();
    const QStringList import{QStringLiteral("import"), session, scan(QStringLiteral("zesje_demo_submissions_5students_20pages.pdf")),
                             QStringLiteral("--pages-per-copy"), QStringLiteral("4")};
    QCOMPARE(runCli(import).exitCode, 0);
    const QByteArray hashBefore = fileHash(session);
    const Run again = runCli(import);
    QCOMPARE(again.exitCode, 2); // it used to say "Imported 5 copies", and the class had 10
    QVERIFY2(again.err.contains(QStringLiteral("zesje_demo_submissions_5students_20pages.pdf"))
                 && again.err.contains(QStringLiteral("--allow-duplicate")),
             qPrintable(again.err));
    QCOMPARE(again.err.count(QLatin1Char('\n')), 1);
    QCOMPARE(fileHash(session), hashBefore);

    const Run allowed = runCli(import + QStringList{QStringLiteral("--allow-duplicate")});
    QVERIFY2(allowed.exitCode == 0, qPrintable(allowed.err));
    const Run status = runCli({QStringLiteral("status"), session, QStringLiteral("--json")});
    QCOMPARE(QJsonDocument::fromJson(status.out.toUtf8()).object().value(QStringLiteral("copies")).toArray().size(), 10);
}

QTEST_GUILESS_MAIN(TstCli)
#include "tst_cli.moc"
