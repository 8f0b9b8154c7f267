#include "core/export/annotatedpdfexporter.h"
#include "core/export/csvexporter.h"
#include "core/export/exportfile.h"
#include "core/export/reviewgate.h"
#include "core/export/statusreport.h"
#include "core/export/xlsxexporter.h"
#include "tests/core/moodleimport.h"
#include "core/session/sessiondatabase.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFont>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QPainter>
#include <QPdfDocument>
#include <QPdfWriter>
#include <QTemporaryDir>
#include <QTest>

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <cstring>

using namespace Corrige::Core;

namespace {

constexpr int pagesPerCopy = 2;
constexpr int copyCount = 5;

Exam sampleExam()
{
    Exam exam;
    exam.title = QStringLiteral("Physique — contrôle 3");
    exam.language = QStringLiteral("fr");
    Question q1;
    q1.id = QStringLiteral("q1");
    q1.label = QStringLiteral("Question 1");
    q1.maxPoints = 2;
    q1.pages = {1};
    Question q2;
    q2.id = QStringLiteral("q2");
    q2.label = QStringLiteral("Question 2");
    q2.maxPoints = 3;
    q2.pages = {2};
    Question q3;
    q3.id = QStringLiteral("q3");
    q3.label = QStringLiteral("=Bonus"); // a label a spreadsheet would run as a formula; no pages: noted on page 1
    q3.maxPoints = 1;
    exam.questions = {q1, q2, q3};
    return exam;
}

// A scan-like PDF: one page per copy page, each saying which it is.
QByteArray scansPdf(int pages, QPageLayout::Orientation orientation = QPageLayout::Portrait)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setResolution(72);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageOrientation(orientation);
    QPainter painter(&writer);
    QFont font = painter.font();
    font.setPixelSize(40);
    painter.setFont(font);
    for (int page = 0; page < pages; ++page) {
        if (page > 0)
            writer.newPage();
        painter.drawRect(QRect(20, 20, 400, 300));
        painter.drawText(QRect(40, 40, 400, 200), QStringLiteral("Scan page %1").arg(page + 1));
    }
    painter.end();
    return bytes;
}

QuestionGrade grade(qint64 copyId, const QString &question, GradeSource source, double score, double max,
                    const QString &justification = {}, GradeFlags flags = {})
{
    QuestionGrade result;
    result.copyId = copyId;
    result.questionId = question;
    result.source = source;
    result.score = score;
    result.maxPoints = max;
    result.justification = justification;
    result.flags = flags;
    result.model = source == GradeSource::Teacher ? QString() : QStringLiteral("gemini/gemini-2.5-flash");
    return result;
}

// Model A's grade and the final grade derived from it.
QList<QuestionGrade> graded(qint64 copyId, const QString &question, double score, double max,
                            const QString &justification, GradeFlags flags = {})
{
    return {grade(copyId, question, GradeSource::ModelA, score, max, justification, flags),
            grade(copyId, question, GradeSource::Final, score, max, justification, flags)};
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

} // namespace

class TstExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void plainCsv_rfc4180IsTheTextAsStored();
    void plainCsv_excelFrUsesSemicolonsDecimalCommasAndABom();
    void moodleCsv_mapsOnTheChosenIdentifier_data();
    void moodleCsv_mapsOnTheChosenIdentifier();
    void moodleCsv_neverGivesAGradeToTheWrongStudent();
    void moodleFeedback_isWrittenForTheStudent();
    void dualDisagreement_isNeverExportedAsTheMean();
    void pronoteCsv_followsPronotesOrder();
    void reviewGate_listsWhatNeedsTheTeacher();
    void notes_tellWhatTheFileLeavesOut();
    void presetNames_roundTrip();
    void writeFile_refusesToReplaceUnlessAllowed();
    void writeFile_neverReplacesASession();
    void writeFile_aFailedWriteKeepsTheOldFile();
    void writeFile_fullDiskKeepsTheOldFile();
    void xlsx_readsBackWithAnIndependentReader();
    void fileName_isSafeOnEverySystem_data();
    void fileName_isSafeOnEverySystem();
    void annotatedPdf_summaryThenTheScans();
    void annotatedPdf_copiesRealScansByteForByte();
    void annotatedPdf_refusesToReplaceFilesUnlessAllowed();
    void annotatedPdf_cancelKeepsOnlyFinishedFiles();
    void annotatedPdf_reportsUnreadableScans();

private:
    StatusReport report() const;
    void checkAgainstMoodle(const QByteArray &csv, const CsvOptions &options, const StatusReport &report);
    AnnotatedPdfJob pdfJob(const QString &directory) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SessionDatabase> m_db;
};

void TstExport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto created = SessionDatabase::create(m_dir->filePath(QStringLiteral("class.corrige")), sampleExam());
    QVERIFY2(created, qPrintable(created.errorString()));
    m_db = std::move(created).value();

    const QByteArray pdf = scansPdf(copyCount * pagesPerCopy);
    ImportPlan plan;
    plan.documents = {{QStringLiteral("scans.pdf"), QCryptographicHash::hash(pdf, QCryptographicHash::Sha256).toHex(),
                       pdf, copyCount * pagesPerCopy}};
    const QStringList names{QStringLiteral("Ada Lovelace"), QStringLiteral("=HYPERLINK(\"http://evil.example\",\"x\")"),
                            QStringLiteral("Doe, Jane"), QStringLiteral("+Bob"), QString()};
    const QStringList ids{QStringLiteral("1001"), QStringLiteral("-1002"), QString(), QStringLiteral("1004"), QString()};
    const QStringList emails{QStringLiteral("ada@example.org"), QStringLiteral("@evil"),
                             QStringLiteral("jane@example.org"), QString(), QString()};
    for (int i = 0; i < copyCount; ++i)
        plan.copies.append({QStringLiteral("Copy %1").arg(i + 1), names.at(i), ids.at(i), emails.at(i), 0,
                            {i * pagesPerCopy, i * pagesPerCopy + 1}});
    const auto ids_ = m_db->applyImport(plan);
    QVERIFY2(ids_, qPrintable(ids_.errorString()));
    const QList<qint64> copyIds = ids_.value();

    // Ada: the models hesitated on question 2; the teacher settled it.
    QVERIFY(m_db->saveCopyResult(copyIds.at(0),
                                 graded(copyIds.at(0), QStringLiteral("q1"), 2, 2, QStringLiteral("Ohm's law stated."))
                                     + graded(copyIds.at(0), QStringLiteral("q2"), 1.5, 3, QStringLiteral("Unit missing."),
                                              GradeFlag::NeedsReview)
                                     + graded(copyIds.at(0), QStringLiteral("q3"), 0.5, 1, QStringLiteral("Half the bonus.")),
                                 CopyStatus::NeedsReview, {}));
    QVERIFY(m_db->setTeacherGrade(copyIds.at(0), QStringLiteral("q2"), 2.25, QStringLiteral("Unit given on the back.")));
    // The copy with a formula for a name: graded, question 1 left blank.
    QVERIFY(m_db->saveCopyResult(copyIds.at(1),
                                 graded(copyIds.at(1), QStringLiteral("q1"), 0, 2, QStringLiteral("Nothing written."),
                                        GradeFlag::Blank)
                                     + graded(copyIds.at(1), QStringLiteral("q2"), 3, 3, QStringLiteral("Correct."))
                                     + graded(copyIds.at(1), QStringLiteral("q3"), 1, 1, QStringLiteral("Correct.")),
                                 CopyStatus::Graded, {}));
    // Jane: not graded yet. Bob: grading failed.
    QVERIFY(m_db->saveCopyResult(copyIds.at(3), {}, CopyStatus::Failed, QStringLiteral("Quota exhausted, retry tomorrow")));
    // Copy 5: no student known, still to review.
    QVERIFY(m_db->saveCopyResult(copyIds.at(4),
                                 graded(copyIds.at(4), QStringLiteral("q1"), 1, 2, QStringLiteral("Half."),
                                        GradeFlag::NeedsReview)
                                     + graded(copyIds.at(4), QStringLiteral("q2"), 1, 3, QStringLiteral("Partly."))
                                     + graded(copyIds.at(4), QStringLiteral("q3"), 0, 1, QStringLiteral("Wrong."))
                                     ,
                                 CopyStatus::NeedsReview, {}));
}

StatusReport TstExport::report() const
{
    return StatusReport::build(m_db->exam(), m_db->copies(), m_db->grades(), m_db->comments());
}

// Runs a Moodle export through the port of Moodle's import rules, with every student of the session enrolled,
// and checks that each one gets exactly their own total (or no grade), and their own feedback.
void TstExport::checkAgainstMoodle(const QByteArray &csv, const CsvOptions &options, const StatusReport &report)
{
    QList<MoodleUser> users;
    QHash<qint64, const CopyReport *> byUser;
    qint64 nextId = 100;
    for (const CopyReport &copy : report.copies()) {
        MoodleUser user{++nextId, copy.copy.studentEmail, copy.copy.studentId, copy.copy.studentUsername};
        users.append(user);
        byUser.insert(user.id, &copy);
    }
    const QString field = options.moodleIdentifier == MoodleIdentifier::Email      ? QStringLiteral("email")
                          : options.moodleIdentifier == MoodleIdentifier::IdNumber ? QStringLiteral("idnumber")
                                                                                   : QStringLiteral("username");
    const MoodleImport imported = moodleImport(csv, 0, field, 1, options.moodleFeedback ? 2 : -1, users);
    QVERIFY2(imported.error.isEmpty(), qPrintable(imported.error + QLatin1Char('\n') + QString::fromUtf8(csv)));
    QCOMPARE(imported.rowsPerUser.size(), CsvExporter::moodleCount(report, options.moodleIdentifier));
    for (auto it = imported.rowsPerUser.cbegin(); it != imported.rowsPerUser.cend(); ++it) {
        QCOMPARE(it.value(), 1); // one row per student: nobody's grade lands on another
        const CopyReport &copy = *byUser.value(it.key());
        const std::optional<double> grade = imported.grades.value(it.key());
        if (copy.isComplete() && copy.copy.status != CopyStatus::Failed) {
            QVERIFY(grade);
            QCOMPARE(*grade, copy.total);
        } else {
            QVERIFY2(!grade, qPrintable(copy.copy.displayName())); // "-": no grade, never 0
        }
    }
}

AnnotatedPdfJob TstExport::pdfJob(const QString &directory) const
{
    AnnotatedPdfJob job;
    job.exam = m_db->exam();
    job.copies = m_db->copies();
    job.grades = m_db->grades();
    SessionDatabase *db = m_db.get();
    job.loadDocument = [db](qint64 id) { return db->documentData(id); };
    job.directory = directory;
    job.comments = m_db->comments();
    return job;
}

void TstExport::plainCsv_rfc4180IsTheTextAsStored()
{
    const QByteArray expected =
        "Copy,Student,Student ID,Email,Question 1 (/2),Question 2 (/3),=Bonus (/1),Total,Max,Status,Reason,Flags\r\n"
        "Copy 1,Ada Lovelace,1001,ada@example.org,2,2.25,0.5,4.75,6,graded,,\r\n"
        "Copy 2,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",-1002,@evil,0,3,1,4,6,graded,,Question 1: blank\r\n"
        "Copy 3,\"Doe, Jane\",,jane@example.org,,,,,6,not graded,not graded yet,\r\n"
        "Copy 4,+Bob,1004,,,,,,6,failed,\"grading failed: Quota exhausted, retry tomorrow\",\r\n"
        "Copy 5,,,,1,1,0,2,6,to review,to check: Question 1,Question 1: needs review\r\n";
    const QByteArray actual = CsvExporter::exportReport(CsvPreset::Plain, report());
    QCOMPARE(QString::fromUtf8(actual), QString::fromUtf8(expected));
    QCOMPARE(actual, expected);
}

void TstExport::plainCsv_excelFrUsesSemicolonsDecimalCommasAndABom()
{
    CsvOptions options;
    options.dialect = CsvDialect::ExcelFr;
    const QByteArray actual = CsvExporter::exportReport(CsvPreset::Plain, report(), options);
    QVERIFY(actual.startsWith("\xEF\xBB\xBF"));
    const QStringList lines = QString::fromUtf8(actual.mid(3)).split(QStringLiteral("\r\n"));
    QCOMPARE(lines.at(0), QStringLiteral("Copy;Student;Student ID;Email;Question 1 (/2);Question 2 (/3);'=Bonus (/1);Total;Max;"
                                         "Status;Reason;Flags"));
    QCOMPARE(lines.at(1), QStringLiteral("Copy 1;Ada Lovelace;1001;ada@example.org;2;2,25;0,5;4,75;6;graded;;"));
    // A spreadsheet would run these as formulas: the guard keeps them text.
    QCOMPARE(lines.at(2), QStringLiteral("Copy 2;'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\");'-1002;'@evil;0;3;1;4;6;graded;;"
                                         "Question 1: blank")
                              .replace(QStringLiteral("'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")"),
                                       QStringLiteral("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"")));
    QCOMPARE(CsvExporter::defaultDialect(QStringLiteral("fr")), CsvDialect::ExcelFr);
    QCOMPARE(CsvExporter::defaultDialect(QStringLiteral("en")), CsvDialect::Rfc4180);
    QCOMPARE(CsvExporter::dialectFromName(QStringLiteral("excel-fr")), CsvDialect::ExcelFr);
    QCOMPARE(CsvExporter::dialectFromName(QStringLiteral("rfc4180")), CsvDialect::Rfc4180);
    QVERIFY(!CsvExporter::dialectFromName(QStringLiteral("excel")));
}

void TstExport::moodleCsv_mapsOnTheChosenIdentifier_data()
{
    QTest::addColumn<int>("identifier");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<QStringList>("leftOut");
    QTest::newRow("email") << int(MoodleIdentifier::Email)
                           << QByteArray("Email address,Physique — contrôle 3\r\n"
                                         "ada@example.org,4.75\r\n"
                                         "@evil,4\r\n"
                                         "jane@example.org,-\r\n")
                           << QStringList{QStringLiteral("#4 +Bob"), QStringLiteral("#5 Copy 5")};
    QTest::newRow("idnumber") << int(MoodleIdentifier::IdNumber)
                              << QByteArray("ID number,Physique — contrôle 3\r\n"
                                            "1001,4.75\r\n"
                                            "-1002,4\r\n"
                                            "1004,-\r\n")
                              << QStringList{QStringLiteral("#3 Doe, Jane"), QStringLiteral("#5 Copy 5")};
    QTest::newRow("username") << int(MoodleIdentifier::Username) << QByteArray("Username,Physique — contrôle 3\r\n")
                              << QStringList{QStringLiteral("#1 Ada Lovelace"), QStringLiteral("#2 =HYPERLINK(\"http://evil.example\",\"x\")"),
                                             QStringLiteral("#3 Doe, Jane"), QStringLiteral("#4 +Bob"), QStringLiteral("#5 Copy 5")};
}

void TstExport::moodleCsv_mapsOnTheChosenIdentifier()
{
    QFETCH(int, identifier);
    QFETCH(QByteArray, expected);
    QFETCH(QStringList, leftOut);
    CsvOptions options;
    options.moodleIdentifier = MoodleIdentifier(identifier);
    const QByteArray actual = CsvExporter::exportReport(CsvPreset::Moodle, report(), options);
    QCOMPARE(QString::fromUtf8(actual), QString::fromUtf8(expected));
    QCOMPARE(CsvExporter::moodleLeftOut(report(), options.moodleIdentifier), leftOut);
    const QString notes = CsvExporter::notes(CsvPreset::Moodle, report(), options).join(QLatin1Char('\n'));
    for (const QString &name : leftOut)
        QVERIFY2(notes.contains(name), qPrintable(notes));
    checkAgainstMoodle(actual, options, report());
}

void TstExport::moodleCsv_neverGivesAGradeToTheWrongStudent()
{
    // The case seen in a real export: a copy with an email but no ID number next to one with an ID number but no
    // email. Whatever the identifier, every row names its own student, and Moodle's rules give each their own total.
    for (const MoodleIdentifier identifier : {MoodleIdentifier::Email, MoodleIdentifier::IdNumber}) {
        for (const bool feedback : {false, true}) {
            CsvOptions options;
            options.moodleIdentifier = identifier;
            options.moodleFeedback = feedback;
            checkAgainstMoodle(CsvExporter::exportReport(CsvPreset::Moodle, report(), options), options, report());
        }
    }
    // An identifier PHP takes for nothing ("0", spaces) is left out as well.
    const QList<Copy> copies = m_db->copies();
    QVERIFY(m_db->setStudent(copies.at(0).id, copies.at(0).studentName, QStringLiteral("0"), copies.at(0).studentEmail));
    QVERIFY(m_db->setStudent(copies.at(1).id, copies.at(1).studentName, QStringLiteral("  "), copies.at(1).studentEmail));
    CsvOptions options;
    options.moodleIdentifier = MoodleIdentifier::IdNumber;
    const QByteArray csv = CsvExporter::exportReport(CsvPreset::Moodle, report(), options);
    QCOMPARE(csv, QByteArray("ID number,Physique — contrôle 3\r\n1004,-\r\n"));
    checkAgainstMoodle(csv, options, report());
}

void TstExport::moodleFeedback_isWrittenForTheStudent()
{
    const QList<Copy> copies = m_db->copies();
    QVERIFY(m_db->setComment(copies.at(0).id, QStringLiteral("q1"), QStringLiteral("Neat diagram.")));
    QVERIFY(m_db->setComment(copies.at(0).id, QString(), QStringLiteral("Good work overall.")));
    CsvOptions options;
    options.moodleFeedback = true;
    const QByteArray csv = CsvExporter::exportReport(CsvPreset::Moodle, report(), options);
    const QStringList lines = QString::fromUtf8(csv).split(QStringLiteral("\r\n"));
    QCOMPARE(lines.at(0), QStringLiteral("Email address,Physique — contrôle 3,Feedback"));
    QCOMPARE(lines.at(1), QStringLiteral("ada@example.org,4.75,Question 1 (2/2): Ohm's law stated. Neat diagram. — Question 2 "
                                         "(2.25/3): Unit given on the back. — =Bonus (0.5/1): Half the bonus. — Good work overall."));
    for (const QString &internal : {QStringLiteral("needs review"), QStringLiteral("Quota"), QStringLiteral("suspicious"),
                                    QStringLiteral("clamped"), QStringLiteral("blank")})
        QVERIFY2(!csv.contains(internal.toUtf8()), qPrintable(internal));
    checkAgainstMoodle(csv, options, report());
    // Comments are kept with the audit log, and a cleared comment is gone.
    const QList<AuditEntry> audit = m_db->auditLog();
    QVERIFY(std::any_of(audit.cbegin(), audit.cend(), [](const AuditEntry &entry) {
        return entry.action == QLatin1String("comment") && entry.questionId == QLatin1String("q1")
               && entry.after == QLatin1String("Neat diagram.");
    }));
    QVERIFY(m_db->setComment(copies.at(0).id, QStringLiteral("q1"), QString()));
    QCOMPARE(m_db->comments().size(), 1);
    QCOMPARE(m_db->comments().constFirst().questionId, QString());
    QCOMPARE(m_db->setComment(copies.at(0).id, QStringLiteral("q9"), QStringLiteral("x")).error().code, ErrorCode::InvalidInput);
}

void TstExport::dualDisagreement_isNeverExportedAsTheMean()
{
    // Jane, in dual mode: the models gave 2 and 0.5 on question 1 (beyond tolerance), and agree on the rest.
    const qint64 jane = m_db->copies().at(2).id;
    QList<QuestionGrade> grades;
    QuestionGrade a = grade(jane, QStringLiteral("q1"), GradeSource::ModelA, 2, 2, QStringLiteral("Right."), GradeFlag::NeedsReview);
    QuestionGrade b = grade(jane, QStringLiteral("q1"), GradeSource::ModelB, 0.5, 2, QStringLiteral("Wrong unit."), GradeFlag::NeedsReview);
    QuestionGrade provisional = grade(jane, QStringLiteral("q1"), GradeSource::Final, 1.5, 2, {}, GradeFlag::NeedsReview);
    grades << a << b << provisional;
    for (const QString &q : {QStringLiteral("q2"), QStringLiteral("q3")}) {
        grades << grade(jane, q, GradeSource::ModelA, 1, 3) << grade(jane, q, GradeSource::ModelB, 1, 3)
               << grade(jane, q, GradeSource::Final, 1, 3, QStringLiteral("Fine."));
    }
    QVERIFY(m_db->saveCopyResult(jane, grades, CopyStatus::NeedsReview, {}));
    const StatusReport undecided = report();
    QVERIFY(undecided.copies().at(2).questions.at(0).undecided);
    QVERIFY(!undecided.copies().at(2).isComplete());
    QVERIFY(CsvExporter::exportReport(CsvPreset::Moodle, undecided).contains("jane@example.org,-\r\n"));
    QVERIFY(CsvExporter::exportReport(CsvPreset::Plain, undecided)
                .contains("Copy 3,\"Doe, Jane\",,jane@example.org,,1,1,,6,to review,the models disagree on Question 1,"));
    const QList<ReviewItem> items = ReviewGate::items(undecided);
    QVERIFY(std::any_of(items.cbegin(), items.cend(), [jane](const ReviewItem &item) {
        return item.copyId == jane && item.kind == ReviewItem::Kind::NeedsReview && item.reason.contains(QStringLiteral("disagree"));
    }));

    // The teacher decides: the mark is theirs, and it is exported.
    QVERIFY(m_db->setTeacherGrade(jane, QStringLiteral("q1"), 1));
    QVERIFY(CsvExporter::exportReport(CsvPreset::Moodle, report()).contains("jane@example.org,3\r\n"));
}

void TstExport::pronoteCsv_followsPronotesOrder()
{
    const QList<Copy> copies = m_db->copies();
    QVERIFY(m_db->setStudent(copies.at(1).id, QStringLiteral("Émile Zola"), {}, {}));
    QVERIFY(m_db->setStudent(copies.at(3).id, QStringLiteral("DUPONT Marie"), {}, {}));
    QVERIFY(m_db->setStudent(copies.at(2).id, QStringLiteral("Jean de La Fontaine"), {}, {}));
    const QByteArray expected = "\xEF\xBB\xBF"
                                "Élève;Note;Note /20\r\n"
                                "DUPONT Marie;;\r\n"
                                "FONTAINE Jean de La;;\r\n"
                                "LOVELACE Ada;4,75;15,83\r\n"
                                "ZOLA Émile;4;13,33\r\n"
                                "Copy 5;2;6,67\r\n";
    const QByteArray actual = CsvExporter::exportReport(CsvPreset::Pronote, report());
    QCOMPARE(QString::fromUtf8(actual), QString::fromUtf8(expected));
    QCOMPARE(CsvExporter::pronoteName(QStringLiteral("Doe, Jane")), QStringLiteral("DOE Jane"));
    QCOMPARE(CsvExporter::pronoteName(QStringLiteral("Marie DE LA TOUR")), QStringLiteral("DE LA TOUR Marie"));
    QCOMPARE(CsvExporter::pronoteName(QStringLiteral("Zoé Müller")), QStringLiteral("MÜLLER Zoé"));
}

void TstExport::reviewGate_listsWhatNeedsTheTeacher()
{
    const QList<ReviewItem> items = ReviewGate::items(report());
    QCOMPARE(items.size(), 3);
    QCOMPARE(items.at(0).position, 3);
    QCOMPARE(items.at(0).kind, ReviewItem::Kind::NotGraded);
    QCOMPARE(items.at(1).position, 4);
    QCOMPARE(items.at(1).kind, ReviewItem::Kind::Failed);
    QVERIFY(items.at(1).reason.contains(QStringLiteral("Quota exhausted")));
    QCOMPARE(items.at(2).position, 5);
    QCOMPARE(items.at(2).kind, ReviewItem::Kind::NeedsReview);
    QCOMPARE(ReviewGate::lines(items).at(1), QStringLiteral("#4 +Bob: grading failed: Quota exhausted, retry tomorrow"));
}

void TstExport::notes_tellWhatTheFileLeavesOut()
{
    // No translator is loaded here, so plurals read "copy(ies)": check the numbers and the sense.
    const QStringList moodle = CsvExporter::notes(CsvPreset::Moodle, report());
    const QString all = moodle.join(QLatin1Char('\n'));
    QVERIFY2(moodle.filter(QStringLiteral("Left out")).size() == 1, qPrintable(all));
    QVERIFY2(moodle.filter(QStringLiteral("Left out")).constFirst().contains(QStringLiteral(" 2 ")), qPrintable(all));
    QVERIFY2(moodle.filter(QStringLiteral("no total yet")).constFirst().startsWith(QStringLiteral("1 ")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("\"-\"")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("maximum grade of 6")), qPrintable(all));

    const QStringList plain = CsvExporter::notes(CsvPreset::Plain, report());
    const QString plainText = plain.join(QLatin1Char('\n'));
    QVERIFY2(!plainText.contains(QStringLiteral("Left out")), qPrintable(plainText));
    QVERIFY2(plain.filter(QStringLiteral("no total yet")).constFirst().startsWith(QStringLiteral("2 ")), qPrintable(plainText));
}

void TstExport::presetNames_roundTrip()
{
    for (const CsvPreset preset : {CsvPreset::Plain, CsvPreset::Moodle, CsvPreset::Pronote})
        QCOMPARE(CsvExporter::presetFromName(CsvExporter::presetName(preset)), preset);
    QVERIFY(!CsvExporter::presetFromName(QStringLiteral("xlsx")));
    for (const MoodleIdentifier id : {MoodleIdentifier::Email, MoodleIdentifier::IdNumber, MoodleIdentifier::Username})
        QCOMPARE(CsvExporter::moodleIdentifierFromName(CsvExporter::moodleIdentifierName(id)), id);
}

void TstExport::writeFile_refusesToReplaceUnlessAllowed()
{
    const QString path = m_dir->filePath(QStringLiteral("grades.csv"));
    QVERIFY(CsvExporter::writeFile(path, "first", false));
    const Status refused = CsvExporter::writeFile(path, "second", false);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::InvalidInput);
    QVERIFY(refused.errorString().contains(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("first"));
    file.close();
    QVERIFY(CsvExporter::writeFile(path, "second", true));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("second"));

    const Status folder = CsvExporter::writeFile(m_dir->path(), "x", true);
    QCOMPARE(folder.error().code, ErrorCode::InvalidInput);
    const Status missing = CsvExporter::writeFile(m_dir->filePath(QStringLiteral("no/such/folder/grades.csv")), "x", false);
    QCOMPARE(missing.error().code, ErrorCode::FileNotFound);
    QVERIFY(missing.errorString().contains(QStringLiteral("no/such/folder")));
}

void TstExport::writeFile_neverReplacesASession()
{
    const QString session = m_dir->filePath(QStringLiteral("class.corrige"));
    const QByteArray before = fileHash(session);
    const Status refused = ExportFile::write(session, "Copy,Total\r\n", true);
    QCOMPARE(refused.error().code, ErrorCode::InvalidInput);
    QVERIFY(refused.errorString().contains(QStringLiteral("session")));
    QCOMPARE(fileHash(session), before);
    // Renamed, it is still a session; another name in any case is refused too.
    m_db.reset(); // closed: everything is in the file itself
    const QString renamed = m_dir->filePath(QStringLiteral("backup.csv"));
    QVERIFY(QFile::copy(session, renamed));
    QVERIFY(ExportFile::isSessionFile(renamed));
    QCOMPARE(ExportFile::write(renamed, "x", true).error().code, ErrorCode::InvalidInput);
    QVERIFY(ExportFile::isSessionFile(m_dir->filePath(QStringLiteral("new.CORRIGE"))));
    QVERIFY(!ExportFile::isSessionFile(m_dir->filePath(QStringLiteral("grades.csv"))));
}

void TstExport::writeFile_aFailedWriteKeepsTheOldFile()
{
    // An injected device failure in the middle of the bytes: nothing is committed, the old file stays whole and no
    // temporary file is left.
    const QString path = m_dir->filePath(QStringLiteral("out/grades.csv"));
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QVERIFY(ExportFile::write(path, "the good export", false));
    const QByteArray big(3 * 1024 * 1024, 'x');
    int calls = 0;
    const Status failed = ExportFile::write(path, big, true, [&calls](QIODevice &device, const char *data, qint64 size) -> qint64 {
        if (++calls == 2)
            return -1;
        return device.write(data, size);
    });
    QVERIFY(!failed);
    QCOMPARE(failed.error().code, ErrorCode::Internal);
    QVERIFY(failed.errorString().contains(path));
    QCOMPARE(calls, 2);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("the good export"));
    QCOMPARE(QDir(QFileInfo(path).absolutePath()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("grades.csv")});
}

void TstExport::writeFile_fullDiskKeepsTheOldFile()
{
    // A real full disk: a 64 KiB tmpfs (needs the right to mount, as root in CI).
    QTemporaryDir mountPoint;
    QVERIFY(mountPoint.isValid());
    QProcess mount;
    mount.start(QStringLiteral("mount"), {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                          QStringLiteral("size=64k"), QStringLiteral("tmpfs"), mountPoint.path()});
    if (!mount.waitForFinished(10000) || mount.exitStatus() != QProcess::NormalExit || mount.exitCode() != 0)
        QSKIP("Cannot mount a small tmpfs here (not root); the injected failure test covers the same path.");
    const auto unmount = qScopeGuard([&mountPoint] {
        QProcess::execute(QStringLiteral("umount"), {mountPoint.path()});
    });
    const QString path = QDir(mountPoint.path()).filePath(QStringLiteral("grades.csv"));
    QVERIFY(ExportFile::write(path, "the good export", false));
    const Status full = ExportFile::write(path, QByteArray(512 * 1024, 'x'), true);
    QVERIFY(!full);
    QCOMPARE(full.error().code, ErrorCode::Internal);
    QVERIFY2(full.errorString().contains(path), qPrintable(full.errorString()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("the good export"));
    file.close();
    QCOMPARE(QDir(mountPoint.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("grades.csv")});
    // A new file that does not fit leaves nothing behind.
    const QString fresh = QDir(mountPoint.path()).filePath(QStringLiteral("new.csv"));
    QVERIFY(!ExportFile::write(fresh, QByteArray(512 * 1024, 'x'), false));
    QVERIFY(!QFile::exists(fresh));
}

void TstExport::xlsx_readsBackWithAnIndependentReader()
{
    const QList<Copy> copies = m_db->copies();
    QVERIFY(m_db->setStudent(copies.at(3).id, QStringLiteral("+Bob"), QStringLiteral("007"), {}));
    const Result<QByteArray> xlsx = XlsxExporter::exportReport(report());
    QVERIFY2(xlsx, qPrintable(xlsx.errorString()));
    const QString path = m_dir->filePath(QStringLiteral("grades.xlsx"));
    QVERIFY(ExportFile::write(path, xlsx.value(), false));

    QProcess python;
    // Debian's python3, which has python3-openpyxl, even when another python3 comes first in PATH.
    const QString interpreter = QFile::exists(QStringLiteral("/usr/bin/python3")) ? QStringLiteral("/usr/bin/python3")
                                                                                  : QStringLiteral("python3");
    python.start(interpreter, {QStringLiteral(CORRIGE_TEST_SOURCE_DIR "/read_xlsx.py"), path});
    QVERIFY(python.waitForFinished(60000));
    QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
    const QJsonObject book = QJsonDocument::fromJson(python.readAllStandardOutput()).object();
    QCOMPARE(book.value(QStringLiteral("sheets")).toArray(), (QJsonArray{QStringLiteral("Grades"), QStringLiteral("Statistics")}));
    QCOMPARE(book.value(QStringLiteral("freeze")).toString(), QStringLiteral("A2"));
    const QJsonArray rows = book.value(QStringLiteral("rows")).toArray();
    QCOMPARE(rows.at(0).toArray(), (QJsonArray{QStringLiteral("Copy"), QStringLiteral("Student"), QStringLiteral("Student ID"),
                                               QStringLiteral("Email"), QStringLiteral("Question 1 (/2)"), QStringLiteral("Question 2 (/3)"),
                                               QStringLiteral("=Bonus (/1)"), QStringLiteral("Total (/6)"), QStringLiteral("Mark (/20)"),
                                               QStringLiteral("Status"), QStringLiteral("Reason"), QStringLiteral("Flags")}));
    // Ada: numbers are numbers, shown to the step; the mark out of 20 to two decimals.
    const QJsonArray ada = rows.at(1).toArray();
    QCOMPARE(ada.at(1).toString(), QStringLiteral("Ada Lovelace"));
    QCOMPARE(ada.at(2).toString(), QStringLiteral("1001")); // text, as stored
    QCOMPARE(ada.at(5).toDouble(), 2.25);
    QCOMPARE(ada.at(7).toDouble(), 4.75);
    QCOMPARE(ada.at(9).toString(), QStringLiteral("graded"));
    const QJsonArray formats = book.value(QStringLiteral("formats")).toArray().at(1).toArray();
    QCOMPARE(formats.at(2).toString(), QStringLiteral("@"));
    QCOMPARE(formats.at(4).toString(), QStringLiteral("0.0"));
    QCOMPARE(formats.at(8).toString(), QStringLiteral("0.00"));
    QCOMPARE(book.value(QStringLiteral("types")).toArray().at(1).toArray().at(5).toString(), QStringLiteral("n"));
    // Text that a spreadsheet would run is text, with no guard; no zero is lost.
    const QJsonArray evil = rows.at(2).toArray();
    QCOMPARE(evil.at(1).toString(), QStringLiteral("=HYPERLINK(\"http://evil.example\",\"x\")"));
    QCOMPARE(evil.at(2).toString(), QStringLiteral("-1002"));
    QCOMPARE(book.value(QStringLiteral("types")).toArray().at(2).toArray().at(1).toString(), QStringLiteral("s"));
    QCOMPARE(rows.at(4).toArray().at(2).toString(), QStringLiteral("007"));
    QCOMPARE(rows.at(4).toArray().at(9).toString(), QStringLiteral("failed"));
    QVERIFY(rows.at(4).toArray().at(7).isNull());
    // The statistics are formulas over the first sheet, their values cached.
    const QJsonArray stats = book.value(QStringLiteral("stats")).toArray();
    QCOMPARE(stats.at(1).toArray().at(1).toString(), QStringLiteral("=AVERAGE('Grades'!E2:E6)"));
    QCOMPARE(stats.at(1).toArray().at(3).toString(), QStringLiteral("=STDEVP('Grades'!E2:E6)"));
    const QJsonArray cached = book.value(QStringLiteral("statValues")).toArray();
    QCOMPARE(cached.at(1).toArray().at(1).toDouble(), 1.0);     // question 1: 2, 0, 1
    QCOMPARE(cached.at(4).toArray().at(1).toDouble(), 3.58333); // totals: 4.75, 4, 2 (mean rounded by the reader)
}

void TstExport::fileName_isSafeOnEverySystem_data()
{
    QTest::addColumn<QString>("student");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << QStringLiteral("Ada Lovelace") << QStringLiteral("Copy 3") << QStringLiteral("3 - Ada Lovelace.pdf");
    QTest::newRow("no name") << QString() << QStringLiteral("Copy 3") << QStringLiteral("3 - Copy 3.pdf");
    QTest::newRow("reserved characters") << QStringLiteral("AC/DC: <best>? \"yes\" | no*\\")
                                         << QStringLiteral("Copy 3") << QStringLiteral("3 - AC_DC_ _best__ _yes_ _ no__.pdf");
    QTest::newRow("trailing dots") << QStringLiteral("Martin Luther King Jr. ..") << QStringLiteral("Copy 3")
                                   << QStringLiteral("3 - Martin Luther King Jr.pdf");
    QTest::newRow("controls and bidi") << QStringLiteral("Eve\t\n\u202Efdp.exe") << QStringLiteral("Copy 3")
                                       << QStringLiteral("3 - Eve fdp.exe.pdf");
    QTest::newRow("accents kept") << QStringLiteral("Zoé Müller-Łukasiewicz") << QStringLiteral("Copy 3")
                                  << QStringLiteral("3 - Zoé Müller-Łukasiewicz.pdf");
    QTest::newRow("only forbidden") << QStringLiteral("...") << QStringLiteral("Copy 3") << QStringLiteral("3 - Copy 3.pdf");
    QTest::newRow("very long") << QString(300, QLatin1Char('a')) << QStringLiteral("Copy 3")
                               << QStringLiteral("3 - %1.pdf").arg(QString(100, QLatin1Char('a')));
}

void TstExport::fileName_isSafeOnEverySystem()
{
    QFETCH(QString, student);
    QFETCH(QString, label);
    QFETCH(QString, expected);
    Copy copy;
    copy.position = 3;
    copy.label = label;
    copy.studentName = student;
    QCOMPARE(AnnotatedPdfExporter::fileName(copy), expected);
}

void TstExport::annotatedPdf_summaryThenTheScans()
{
    const QList<Copy> copies = m_db->copies();
    QVERIFY(m_db->setComment(copies.at(0).id, QStringLiteral("q2"), QStringLiteral("Check the units next time.")));
    QVERIFY(m_db->setComment(copies.at(0).id, QString(), QStringLiteral("A fine first test.")));
    const QString out = m_dir->filePath(QStringLiteral("pdfs/new folder"));
    QList<int> progress;
    const auto outcome = AnnotatedPdfExporter::run(pdfJob(out), [&progress](int done, int total, const QString &) {
        QCOMPARE(total, 3);
        progress.append(done);
    });
    QVERIFY2(outcome, qPrintable(outcome.errorString()));
    QVERIFY(!outcome->cancelled);
    QCOMPARE(progress, (QList<int>{1, 2, 3}));
    // Jane is not graded and Bob's grading failed: no PDF reaches them, and the export says so.
    QCOMPARE(outcome->skipped, (QStringList{QStringLiteral("#3 Doe, Jane (not graded)"), QStringLiteral("#4 +Bob (grading failed)")}));
    QCOMPARE(QDir(out).entryList(QDir::Files, QDir::Name),
             (QStringList{QStringLiteral("1 - Ada Lovelace.pdf"), QStringLiteral("2 - =HYPERLINK(_http___evil.example_,_x_).pdf"),
                          QStringLiteral("5 - Copy 5.pdf")}));

    const QList<QStringList> expectations{
        {QStringLiteral("Physique — contrôle 3"), QStringLiteral("Total: 4.75 / 6"), QStringLiteral("Unit given on the back."),
         QStringLiteral("Check the units next time."), QStringLiteral("A fine first test."), QStringLiteral("Ohm's law stated."),
         QStringLiteral("1001")},
        {QStringLiteral("Total: 4 / 6"), QStringLiteral("No answer found.")},
        {QStringLiteral("Total: 2 / 6"), QStringLiteral("Half.")},
    };
    for (int i = 0; i < 3; ++i) {
        QPdfDocument pdf;
        QCOMPARE(pdf.load(outcome->files.at(i)), QPdfDocument::Error::None);
        QCOMPARE(pdf.pageCount(), 1 + pagesPerCopy);
        const QString summary = pdf.getAllText(0).text();
        for (const QString &text : expectations.at(i))
            QVERIFY2(summary.contains(text), qPrintable(QStringLiteral("%1 not in: %2").arg(text, summary)));
        // Nothing meant for the teacher reaches the student.
        for (const QString &internal : {QStringLiteral("review"), QStringLiteral("Quota"), QStringLiteral("failed"),
                                        QStringLiteral("instructions"), QStringLiteral("maximum"), QStringLiteral("AI")})
            QVERIFY2(!summary.contains(internal), qPrintable(QStringLiteral("%1 in: %2").arg(internal, summary)));
        // The scans come after, as they were: Corrige writes nothing on them.
        QCOMPARE(pdf.getAllText(1).text().trimmed(), QStringLiteral("Scan page %1").arg(2 * (i < 2 ? i : 4) + 1));
    }
}

void TstExport::annotatedPdf_copiesRealScansByteForByte()
{
    // A real scan: 4 copies of 2 pages, each page one 300 dpi JPEG.
    const QString source = QStringLiteral(CORRIGE_TEST_DATA_DIR "/scans/solid_state_physics_minitest6_scans_8pages.pdf");
    QFile file(source);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray scans = file.readAll();
    Exam exam = sampleExam();
    auto created = SessionDatabase::create(m_dir->filePath(QStringLiteral("real.corrige")), exam);
    QVERIFY(created);
    SessionDatabase &db = *created.value();
    ImportPlan plan;
    plan.documents = {{QStringLiteral("scans.pdf"), QCryptographicHash::hash(scans, QCryptographicHash::Sha256).toHex(), scans, 8}};
    for (int i = 0; i < 4; ++i)
        plan.copies.append({QStringLiteral("Copy %1").arg(i + 1), QStringLiteral("Student %1").arg(i + 1), {}, {}, 0, {2 * i, 2 * i + 1}});
    const auto ids = db.applyImport(plan);
    QVERIFY(ids);
    // A justification long enough for a second summary page, with words a ligature would spoil.
    QStringList words;
    for (int i = 0; i < 700; ++i)
        words.append(QStringLiteral("w%1").arg(i));
    const QString longText = QStringLiteral("The justification is fine and efficient. ") + words.join(QLatin1Char(' '));
    for (int i = 0; i < 4; ++i) {
        const qint64 id = ids->at(i);
        QVERIFY(db.saveCopyResult(id,
                                  graded(id, QStringLiteral("q1"), 1, 2, i == 0 ? longText : QStringLiteral("The justification is fine."))
                                      + graded(id, QStringLiteral("q2"), 2, 3, QStringLiteral("Sound."))
                                      + graded(id, QStringLiteral("q3"), 0, 1, QStringLiteral("Missing.")),
                                  CopyStatus::Graded, {}));
    }
    AnnotatedPdfJob job;
    job.exam = db.exam();
    job.copies = db.copies();
    job.grades = db.grades();
    job.loadDocument = [&db](qint64 id) { return db.documentData(id); };
    job.directory = m_dir->filePath(QStringLiteral("real"));
    job.mergedFile = m_dir->filePath(QStringLiteral("real/../class.pdf"));
    const auto outcome = AnnotatedPdfExporter::run(job);
    QVERIFY2(outcome, qPrintable(outcome.errorString()));
    QCOMPARE(outcome->files.size(), 4);

    QPDF original;
    original.processMemoryFile("original", scans.constData(), size_t(scans.size()));
    const std::vector<QPDFPageObjectHelper> originalPages = QPDFPageDocumentHelper(original).getAllPages();
    qint64 mergedPages = 0;
    for (int i = 0; i < 4; ++i) {
        const QString path = outcome->files.at(i);
        QProcess check;
        check.start(QStringLiteral("qpdf"), {QStringLiteral("--check"), path});
        QVERIFY(check.waitForFinished(60000));
        QVERIFY2(check.exitCode() == 0, check.readAllStandardOutput().constData());

        QFile out(path);
        QVERIFY(out.open(QIODevice::ReadOnly));
        const QByteArray bytes = out.readAll();
        QPDF written;
        written.processMemoryFile("written", bytes.constData(), size_t(bytes.size()));
        const std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(written).getAllPages();
        const int summaryPages = i == 0 ? 2 : 1;
        QCOMPARE(int(pages.size()), summaryPages + 2);
        mergedPages += qint64(pages.size());
        // Each scan's image stream is the stored one, byte for byte.
        qint64 imageBytes = 0;
        for (int p = 0; p < 2; ++p) {
            auto writtenImages = QPDFPageObjectHelper(pages.at(size_t(summaryPages + p))).getImages();
            auto originalImages = QPDFPageObjectHelper(originalPages.at(size_t(2 * i + p))).getImages();
            QCOMPARE(writtenImages.size(), originalImages.size());
            QVERIFY(!writtenImages.empty());
            for (auto &[name, image] : originalImages) {
                QVERIFY(writtenImages.count(name));
                const std::shared_ptr<Buffer> a = image.getRawStreamData();
                const std::shared_ptr<Buffer> b = writtenImages.at(name).getRawStreamData();
                QCOMPARE(b->getSize(), a->getSize());
                QVERIFY(std::memcmp(a->getBuffer(), b->getBuffer(), a->getSize()) == 0);
                imageBytes += qint64(a->getSize());
            }
        }
        // The size is the scans' plus a small summary, not a re-encoded copy.
        QVERIFY2(bytes.size() < imageBytes + 120 * 1024, qPrintable(QStringLiteral("%1 vs %2").arg(bytes.size()).arg(imageBytes)));

        QProcess text;
        text.start(QStringLiteral("pdftotext"), {QStringLiteral("-l"), QString::number(summaryPages), path, QStringLiteral("-")});
        QVERIFY(text.waitForFinished(60000));
        const QString extracted = QString::fromUtf8(text.readAllStandardOutput());
        QVERIFY2(extracted.contains(QStringLiteral("justification is fine")), qPrintable(extracted));
        QVERIFY2(extracted.contains(QStringLiteral("efficient")) || i > 0, qPrintable(extracted));
        QVERIFY2(extracted.contains(QStringLiteral("summary, page %1 of %1").arg(summaryPages)), qPrintable(extracted));
        if (i == 0) {
            // Paginated: every word once, the header on both pages, nothing of page 1 repeated on page 2.
            QCOMPARE(extracted.count(QStringLiteral("w699")), 1);
            QCOMPARE(extracted.count(QStringLiteral(" w350 ")) + extracted.count(QStringLiteral("\nw350 "))
                         + extracted.count(QStringLiteral(" w350\n")),
                     1);
            QCOMPARE(extracted.count(QStringLiteral("Comments")), 2);
            QCOMPARE(extracted.count(QStringLiteral("Total:")), 1);
        }
    }
    QPdfDocument merged;
    QCOMPARE(merged.load(outcome->mergedFile), QPdfDocument::Error::None);
    QCOMPARE(merged.pageCount(), mergedPages);
    QVERIFY(merged.getAllText(0).text().contains(QStringLiteral("Student 1")));
    QVERIFY(merged.getAllText(int(mergedPages) - 3).text().contains(QStringLiteral("Student 4")));
}

void TstExport::annotatedPdf_refusesToReplaceFilesUnlessAllowed()
{
    const QString out = m_dir->filePath(QStringLiteral("pdfs"));
    QVERIFY(AnnotatedPdfExporter::run(pdfJob(out)));
    const QString first = QDir(out).filePath(QStringLiteral("1 - Ada Lovelace.pdf"));
    const QString last = QDir(out).filePath(QStringLiteral("5 - Copy 5.pdf"));
    QVERIFY(QFile::remove(first));
    QFile stale(last);
    QVERIFY(stale.open(QIODevice::WriteOnly));
    stale.write("an older export");
    stale.close();

    const QByteArray staleHash = fileHash(last);
    const auto refused = AnnotatedPdfExporter::run(pdfJob(out));
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::InvalidInput);
    QVERIFY2(refused.errorString().contains(QStringLiteral("already exists")), qPrintable(refused.errorString()));
    QVERIFY(!QFile::exists(first)); // nothing written at all, not even the missing file
    QCOMPARE(fileHash(last), staleHash);

    AnnotatedPdfJob job = pdfJob(out);
    job.overwrite = true;
    const auto replaced = AnnotatedPdfExporter::run(job);
    QVERIFY2(replaced, qPrintable(replaced.errorString()));
    QVERIFY(QFile::exists(first));
    QCOMPARE(QDir(out).entryList(QDir::Files | QDir::Hidden).size(), 3); // no PDF for the copies not graded or failed
    QPdfDocument replacedPdf;
    QCOMPARE(replacedPdf.load(last), QPdfDocument::Error::None);
    QCOMPARE(replacedPdf.pageCount(), 1 + pagesPerCopy);

    QFile blocker(m_dir->filePath(QStringLiteral("a file")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const auto notAFolder = AnnotatedPdfExporter::run(pdfJob(blocker.fileName()));
    QCOMPARE(notAFolder.error().code, ErrorCode::InvalidInput);
}

void TstExport::annotatedPdf_cancelKeepsOnlyFinishedFiles()
{
    const QString out = m_dir->filePath(QStringLiteral("pdfs"));
    std::atomic_bool cancel = false;
    const auto outcome = AnnotatedPdfExporter::run(
        pdfJob(out), [&cancel](int done, int, const QString &) { cancel = done >= 2; }, &cancel);
    QVERIFY2(outcome, qPrintable(outcome.errorString()));
    QVERIFY(outcome->cancelled);
    QCOMPARE(outcome->files.size(), 2);
    // No half-written PDF and no temporary file is left behind.
    QCOMPARE(QDir(out).entryList(QDir::Files | QDir::Hidden, QDir::Name),
             (QStringList{QStringLiteral("1 - Ada Lovelace.pdf"), QStringLiteral("2 - =HYPERLINK(_http___evil.example_,_x_).pdf")}));
}

void TstExport::annotatedPdf_reportsUnreadableScans()
{
    const QString out = m_dir->filePath(QStringLiteral("pdfs"));
    AnnotatedPdfJob job = pdfJob(out);
    job.loadDocument = [](qint64) { return Result<QByteArray>(QByteArray("%PDF-1.4 broken")); };
    const auto outcome = AnnotatedPdfExporter::run(job);
    QVERIFY(!outcome);
    QCOMPARE(outcome.error().code, ErrorCode::DamagedPdf);
    QVERIFY2(outcome.errorString().contains(QStringLiteral("Ada Lovelace")), qPrintable(outcome.errorString()));
    QCOMPARE(QDir(out).entryList(QDir::Files | QDir::Hidden).size(), 0);
}

QTEST_MAIN(TstExport)
#include "tst_export.moc"
