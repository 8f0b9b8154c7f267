#include "core/domain/copy.h"
#include "core/domain/exam.h"
#include "core/domain/grade.h"

#include <QtTest>

using namespace Corrige::Core;

class TstDomain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void examJson_roundTrips();
    void examJson_rejectsBadInput_data();
    void examJson_rejectsBadInput();
    void gradeFlags_roundTripThroughStrings();
    void enums_roundTripThroughStrings();
};

void TstDomain::examJson_roundTrips()
{
    const QByteArray json = R"({"title": "Optics", "language": "fr", "questions": [
        {"id": "q1", "label": "Question 1", "text": "Define refraction.", "maxPoints": 2, "pages": [1],
         "rubric": {"criteria": [{"description": "Bending of light", "points": 1},
                                 {"description": "Change of medium", "points": 1}], "guidelines": "Be lenient."}},
        {"id": 2, "text": "Compute n.", "maxPoints": 3.5}]})";
    const Result<Exam> exam = Exam::fromJson(json, QStringLiteral("optics.json"));
    QVERIFY2(exam.isOk(), qPrintable(exam.errorString()));
    QCOMPARE(exam->title, QStringLiteral("Optics"));
    QCOMPARE(exam->language, QStringLiteral("fr"));
    QCOMPARE(exam->questions.size(), 2);
    QCOMPARE(exam->questions.at(1).id, QStringLiteral("2"));
    QCOMPARE(exam->maxTotal(), 5.5);
    QVERIFY(exam->questions.at(0).rubric.has_value());
    QCOMPARE(exam->questions.at(0).rubric->criteria.size(), 2);
    QCOMPARE(exam->questions.at(0).rubric->origin, RubricOrigin::Exam);
    QCOMPARE(exam->questions.at(0).pages, QList<int>{1});
    QVERIFY(!exam->questions.at(1).rubric.has_value());

    const Result<Exam> again = Exam::fromJson(exam->toJson(), QStringLiteral("again.json"));
    QVERIFY2(again.isOk(), qPrintable(again.errorString()));
    QCOMPARE(again.value(), exam.value());
}

void TstDomain::examJson_rejectsBadInput_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");
    QTest::newRow("not json") << QByteArray("{\"title\": \n oops") << QStringLiteral("line 2");
    QTest::newRow("array") << QByteArray("[]") << QStringLiteral("JSON object");
    QTest::newRow("no title") << QByteArray(R"({"questions": [{"id": "a", "maxPoints": 1}]})")
                              << QStringLiteral("\"title\"");
    QTest::newRow("no questions") << QByteArray(R"({"title": "T", "questions": []})")
                                  << QStringLiteral("non-empty list");
    QTest::newRow("no id") << QByteArray(R"({"title": "T", "questions": [{"maxPoints": 1}]})")
                           << QStringLiteral("question 1 has no \"id\"");
    QTest::newRow("duplicate id")
        << QByteArray(R"({"title": "T", "questions": [{"id": "a", "maxPoints": 1}, {"id": "a", "maxPoints": 1}]})")
        << QStringLiteral("used twice");
    QTest::newRow("zero max") << QByteArray(R"({"title": "T", "questions": [{"id": "a", "maxPoints": 0}]})")
                              << QStringLiteral("greater than 0");
    QTest::newRow("max as text") << QByteArray(R"({"title": "T", "questions": [{"id": "a", "maxPoints": "4"}]})")
                                 << QStringLiteral("greater than 0");
    QTest::newRow("fractional id") << QByteArray(R"({"title": "T", "questions": [{"id": 1.5, "maxPoints": 1}]})")
                                   << QStringLiteral("has the id 1.5");
    QTest::newRow("huge id") << QByteArray(R"({"title": "T", "questions": [{"id": 1e300, "maxPoints": 1}]})")
                             << QStringLiteral("whole number");
    QTest::newRow("huge max") << QByteArray(R"({"title": "T", "questions": [{"id": "a", "maxPoints": 1e308}]})")
                              << QStringLiteral("at most 10000 points");
    // Found by fuzzing: an id holding a newline was quoted as is, and the message took two lines.
    QTest::newRow("newline in an id")
        << QByteArray(R"({"title": "T", "questions": [{"id": "a\nb", "maxPoints": 1,
                         "rubric": {"criteria": [{"description": "x", "points": 3}]}}]})")
        << QStringLiteral("more than its maximum");
    QTest::newRow("bad pages")
        << QByteArray(R"({"title": "T", "questions": [{"id": "a", "maxPoints": 1, "pages": [0]}]})")
        << QStringLiteral("whole page numbers");
    QTest::newRow("criteria over max")
        << QByteArray(R"({"title": "T", "questions": [{"id": "a", "maxPoints": 1,
                         "rubric": {"criteria": [{"description": "x", "points": 3}]}}]})")
        << QStringLiteral("more than its maximum");
}

void TstDomain::examJson_rejectsBadInput()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    const Result<Exam> exam = Exam::fromJson(json, QStringLiteral("exam.json"));
    QVERIFY(!exam.isOk());
    QCOMPARE(exam.error().code, ErrorCode::InvalidInput);
    QVERIFY2(exam.errorString().contains(QStringLiteral("exam.json")), qPrintable(exam.errorString()));
    QVERIFY2(exam.errorString().contains(expected), qPrintable(exam.errorString()));
    QVERIFY(!exam.errorString().contains(QLatin1Char('\n')));
}

void TstDomain::gradeFlags_roundTripThroughStrings()
{
    const GradeFlags flags = GradeFlag::Blank | GradeFlag::Clamped | GradeFlag::NeedsReview;
    const QStringList names = gradeFlagsToStrings(flags);
    QCOMPARE(names, (QStringList{QStringLiteral("blank"), QStringLiteral("clamped"), QStringLiteral("needs_review")}));
    QCOMPARE(gradeFlagsFromStrings(names), flags);
}

void TstDomain::enums_roundTripThroughStrings()
{
    for (GradeSource source : {GradeSource::ModelA, GradeSource::ModelB, GradeSource::Teacher, GradeSource::Final}) {
        bool ok = false;
        QCOMPARE(gradeSourceFromString(gradeSourceToString(source), &ok), source);
        QVERIFY(ok);
    }
    bool ok = true;
    gradeSourceFromString(QStringLiteral("robot"), &ok);
    QVERIFY(!ok);
    for (CopyStatus status : {CopyStatus::Pending, CopyStatus::Graded, CopyStatus::Failed, CopyStatus::NeedsReview})
        QCOMPARE(copyStatusFromString(copyStatusToString(status)), status);
    QCOMPARE(copyStatusToString(CopyStatus::NeedsReview), QStringLiteral("needs_review"));
}

QTEST_GUILESS_MAIN(TstDomain)
#include "tst_domain.moc"
