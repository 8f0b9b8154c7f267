#include "core/export/annotatedpdfexporter.h"
#include "core/export/csvexporter.h"
#include "core/export/statusreport.h"
#include "core/session/sessiondatabase.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFont>
#include <QPainter>
#include <QPdfDocument>
#include <QPdfWriter>
#include <QTemporaryDir>
#include <QTest>

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
    void plainCsv_hasEveryQuestionAndExactBytes();
    void moodleCsv_identifiesStudentsAndLeavesOutAnonymousCopies();
    void pronoteCsv_usesSemicolonsAndDecimalCommas();
    void notes_tellWhatTheFileLeavesOut();
    void presetNames_roundTrip();
    void writeFile_refusesToReplaceUnlessAllowed();
    void fileName_isSafeOnEverySystem_data();
    void fileName_isSafeOnEverySystem();
    void annotatedPdf_summaryThenScansWithMarginNotes();
    void annotatedPdf_refusesToReplaceFilesUnlessAllowed();
    void annotatedPdf_cancelKeepsOnlyFinishedFiles();
    void annotatedPdf_reportsUnreadableScans();
    void annotatedPdf_landscapeScansAndLongJustifications();

private:
    StatusReport report() const;
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
    return StatusReport::build(m_db->exam(), m_db->copies(), m_db->grades());
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
    job.imageOptions.maxLongSide = 800; // small renders keep the test quick; the layout is the same
    return job;
}

void TstExport::plainCsv_hasEveryQuestionAndExactBytes()
{
    const QByteArray expected =
        "\xEF\xBB\xBF"
        "Copy,Student,Student ID,Email,Question 1 (/2),Question 2 (/3),'=Bonus (/1),Total,Max,Status,Flags\r\n"
        "Copy 1,Ada Lovelace,1001,ada@example.org,2,2.25,0.5,4.75,6,graded,\r\n"
        "Copy 2,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",'-1002,'@evil,0,3,1,4,6,graded,Question 1: blank\r\n"
        "Copy 3,\"Doe, Jane\",,jane@example.org,,,,,6,pending,\r\n"
        "Copy 4,'+Bob,1004,,,,,,6,\"failed: Quota exhausted, retry tomorrow\",\r\n"
        "Copy 5,,,,1,1,0,2,6,to review,Question 1: needs review\r\n";
    const QByteArray actual = CsvExporter::exportReport(CsvPreset::Plain, report());
    QCOMPARE(QString::fromUtf8(actual), QString::fromUtf8(expected));
    QCOMPARE(actual, expected);
}

void TstExport::moodleCsv_identifiesStudentsAndLeavesOutAnonymousCopies()
{
    const QByteArray expected = "Email address,ID number,Physique — contrôle 3\r\n"
                                "ada@example.org,1001,4.75\r\n"
                                "'@evil,'-1002,4\r\n"
                                "jane@example.org,,\r\n"
                                ",1004,\r\n";
    const QByteArray actual = CsvExporter::exportReport(CsvPreset::Moodle, report());
    QCOMPARE(QString::fromUtf8(actual), QString::fromUtf8(expected));
    QCOMPARE(actual, expected);
}

void TstExport::pronoteCsv_usesSemicolonsAndDecimalCommas()
{
    const QByteArray expected = "\xEF\xBB\xBF"
                                "Élève;Note;Note /20\r\n"
                                "Ada Lovelace;4,75;15,83\r\n"
                                "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\";4;13,33\r\n"
                                "Doe, Jane;;\r\n"
                                "'+Bob;;\r\n"
                                "Copy 5;2;6,67\r\n";
    const QByteArray actual = CsvExporter::exportReport(CsvPreset::Pronote, report());
    QCOMPARE(QString::fromUtf8(actual), QString::fromUtf8(expected));
    QCOMPARE(actual, expected);
}

void TstExport::notes_tellWhatTheFileLeavesOut()
{
    // No translator is loaded here, so plurals read "copy(ies)": check the numbers and the sense.
    const QStringList moodle = CsvExporter::notes(CsvPreset::Moodle, report());
    const QString all = moodle.join(QLatin1Char('\n'));
    QVERIFY2(moodle.filter(QStringLiteral("Left out")).size() == 1, qPrintable(all));
    QVERIFY2(moodle.filter(QStringLiteral("Left out")).constFirst().contains(QStringLiteral(" 1 ")), qPrintable(all));
    QVERIFY2(moodle.filter(QStringLiteral("no total yet")).size() == 1, qPrintable(all));
    QVERIFY2(moodle.filter(QStringLiteral("no total yet")).constFirst().startsWith(QStringLiteral("2 ")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("maximum grade of 6")), qPrintable(all));
    // Jane has no ID number and Bob no email: both columns have holes.
    QVERIFY2(all.contains(QStringLiteral("complete the roster")), qPrintable(all));

    const QStringList plain = CsvExporter::notes(CsvPreset::Plain, report());
    const QString plainText = plain.join(QLatin1Char('\n'));
    QVERIFY2(!plainText.contains(QStringLiteral("Left out")), qPrintable(plainText));
    QVERIFY2(plain.filter(QStringLiteral("need a review")).size() == 1, qPrintable(plainText));
    QVERIFY2(plain.filter(QStringLiteral("need a review")).constFirst().startsWith(QStringLiteral("1 ")), qPrintable(plainText));
    QVERIFY2(plain.filter(QStringLiteral("no total yet")).constFirst().startsWith(QStringLiteral("2 ")), qPrintable(plainText));
}

void TstExport::presetNames_roundTrip()
{
    for (const CsvPreset preset : {CsvPreset::Plain, CsvPreset::Moodle, CsvPreset::Pronote})
        QCOMPARE(CsvExporter::presetFromName(CsvExporter::presetName(preset)), preset);
    QVERIFY(!CsvExporter::presetFromName(QStringLiteral("xlsx")));
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
    QCOMPARE(missing.error().code, ErrorCode::Internal);
    QVERIFY(missing.errorString().contains(QStringLiteral("no/such/folder")));
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

void TstExport::annotatedPdf_summaryThenScansWithMarginNotes()
{
    const QString out = m_dir->filePath(QStringLiteral("pdfs/new folder"));
    QList<int> progress;
    const auto outcome = AnnotatedPdfExporter::run(pdfJob(out), [&progress](int done, int total, const QString &) {
        QCOMPARE(total, copyCount);
        progress.append(done);
    });
    QVERIFY2(outcome, qPrintable(outcome.errorString()));
    QVERIFY(!outcome->cancelled);
    QCOMPARE(progress, (QList<int>{1, 2, 3, 4, 5}));
    QCOMPARE(outcome->files.size(), copyCount);
    QCOMPARE(QDir(out).entryList(QDir::Files, QDir::Name),
             (QStringList{QStringLiteral("1 - Ada Lovelace.pdf"), QStringLiteral("2 - =HYPERLINK(_http___evil.example_,_x_).pdf"),
                          QStringLiteral("3 - Doe, Jane.pdf"), QStringLiteral("4 - +Bob.pdf"),
                          QStringLiteral("5 - Copy 5.pdf")}));

    struct Expected {
        QString student;
        QStringList summary;
        QStringList firstPage;
        QStringList secondPage;
    };
    const QList<Expected> expectations{
        {QStringLiteral("Ada Lovelace"),
         {QStringLiteral("Physique — contrôle 3"), QStringLiteral("Total: 4.75 / 6"), QStringLiteral("Unit given on the back."),
          QStringLiteral("teacher"), QStringLiteral("Ohm's law stated."), QStringLiteral("1001")},
         {QStringLiteral("Question 1: 2 / 2"), QStringLiteral("=Bonus: 0.5 / 1")},
         {QStringLiteral("Question 2: 2.25 / 3 (teacher)")}},
        {QStringLiteral("=HYPERLINK"), {QStringLiteral("Total: 4 / 6"), QStringLiteral("blank")}, {QStringLiteral("Question 1: 0 / 2")}, {}},
        {QStringLiteral("Doe, Jane"), {QStringLiteral("Not graded yet")}, {QStringLiteral("Question 1: – / 2")}, {}},
        {QStringLiteral("+Bob"), {QStringLiteral("Grading failed: Quota exhausted")}, {}, {}},
        {QStringLiteral("Copy 5"), {QStringLiteral("Total: 2 / 6"), QStringLiteral("needs review")}, {}, {}},
    };
    for (int i = 0; i < copyCount; ++i) {
        QPdfDocument pdf;
        QCOMPARE(pdf.load(outcome->files.at(i)), QPdfDocument::Error::None);
        QCOMPARE(pdf.pageCount(), 1 + pagesPerCopy);
        const Expected &expected = expectations.at(i);
        const QString summary = pdf.getAllText(0).text();
        QVERIFY2(summary.contains(expected.student), qPrintable(summary));
        for (const QString &text : expected.summary)
            QVERIFY2(summary.contains(text), qPrintable(QStringLiteral("%1 not in: %2").arg(text, summary)));
        const QString first = pdf.getAllText(1).text();
        QVERIFY2(first.contains(QStringLiteral("Page 1 of 2")), qPrintable(first));
        for (const QString &text : expected.firstPage)
            QVERIFY2(first.contains(text), qPrintable(QStringLiteral("%1 not in: %2").arg(text, first)));
        const QString second = pdf.getAllText(2).text();
        QVERIFY2(second.contains(QStringLiteral("Page 2 of 2")), qPrintable(second));
        QVERIFY2(!second.contains(QStringLiteral("Question 1")), qPrintable(second));
        for (const QString &text : expected.secondPage)
            QVERIFY2(second.contains(text), qPrintable(QStringLiteral("%1 not in: %2").arg(text, second)));
        // The scan itself is drawn on the page: a rendered page is far from blank.
        const QImage page = pdf.render(1, QSize(300, 424));
        QVERIFY(!page.isNull());
        int dark = 0;
        for (int y = 0; y < page.height(); ++y)
            for (int x = 0; x < page.width(); ++x)
                dark += qGray(page.pixel(x, y)) < 128;
        QVERIFY2(dark > 200, qPrintable(QString::number(dark)));
    }
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
    QCOMPARE(QDir(out).entryList(QDir::Files | QDir::Hidden).size(), copyCount);
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

void TstExport::annotatedPdf_landscapeScansAndLongJustifications()
{
    Exam exam = sampleExam();
    exam.questions.resize(1);
    exam.questions[0].pages = {};
    auto created = SessionDatabase::create(m_dir->filePath(QStringLiteral("wide.corrige")), exam);
    QVERIFY(created);
    SessionDatabase &db = *created.value();
    const QByteArray pdf = scansPdf(2, QPageLayout::Landscape);
    ImportPlan plan;
    plan.documents = {{QStringLiteral("wide.pdf"), QCryptographicHash::hash(pdf, QCryptographicHash::Sha256).toHex(), pdf, 2}};
    plan.copies = {{QStringLiteral("Copy 1"), QStringLiteral("Ada Lovelace"), {}, {}, 0, {0, 1}}};
    const auto ids = db.applyImport(plan);
    QVERIFY(ids);
    QStringList words;
    for (int i = 0; i < 400; ++i)
        words.append(QStringLiteral("word%1").arg(i));
    QVERIFY(db.saveCopyResult(ids->constFirst(),
                              graded(ids->constFirst(), QStringLiteral("q1"), 1.5, 2, words.join(QLatin1Char(' '))),
                              CopyStatus::Graded, {}));

    AnnotatedPdfJob job;
    job.exam = db.exam();
    job.copies = db.copies();
    job.grades = db.grades();
    job.loadDocument = [&db](qint64 id) { return db.documentData(id); };
    job.directory = m_dir->filePath(QStringLiteral("wide"));
    job.imageOptions.maxLongSide = 800;
    const auto outcome = AnnotatedPdfExporter::run(job);
    QVERIFY2(outcome, qPrintable(outcome.errorString()));

    QPdfDocument out;
    QCOMPARE(out.load(outcome->files.constFirst()), QPdfDocument::Error::None);
    // The justification runs over two summary pages, then come the two scans, on landscape pages.
    QCOMPARE(out.pageCount(), 2 + 2);
    QVERIFY(out.getAllText(0).text().contains(QStringLiteral("Total: 1.5 / 2")));
    QVERIFY(out.getAllText(0).text().contains(QStringLiteral("word0 ")));
    QVERIFY(out.getAllText(1).text().contains(QStringLiteral("word399")));
    QVERIFY(out.pagePointSize(0).width() < out.pagePointSize(0).height());
    QVERIFY(out.pagePointSize(2).width() > out.pagePointSize(2).height());
    QVERIFY(out.pagePointSize(3).width() > out.pagePointSize(3).height());
    // A question without pages is noted on the first scan only.
    QVERIFY(out.getAllText(2).text().contains(QStringLiteral("Question 1: 1.5 / 2")));
    QVERIFY(!out.getAllText(3).text().contains(QStringLiteral("Question 1")));
}

QTEST_MAIN(TstExport)
#include "tst_export.moc"
