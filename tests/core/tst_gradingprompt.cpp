#include "core/grading/gradingprompt.h"
#include "core/grading/gradingresponse.h"
#include "core/grading/rubricdraft.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Corrige::Core;

namespace {

Exam exam()
{
    Exam exam;
    exam.title = QStringLiteral("Mechanics");
    exam.language = QStringLiteral("fr");
    Question q1;
    q1.id = QStringLiteral("q1");
    q1.label = QStringLiteral("Question 1");
    q1.text = QStringLiteral("State Newton's second law.");
    q1.maxPoints = 2;
    q1.pages = {1};
    Rubric rubric;
    rubric.criteria = {{QStringLiteral("F = ma"), 1.5}, {QStringLiteral("Vectors"), 0.5}};
    rubric.guidelines = QStringLiteral("Give at most 1 point if units are missing.");
    q1.rubric = rubric;
    Question q2;
    q2.id = QStringLiteral("q2");
    q2.text = QStringLiteral("Compute the acceleration.");
    q2.maxPoints = 4;
    exam.questions = {q1, q2};
    return exam;
}

QJsonObject answer(const QJsonArray &questions)
{
    return QJsonObject{{QStringLiteral("questions"), questions}};
}

QJsonObject item(const QString &id, double score, const QStringList &flags = {})
{
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("score"), score},
                       {QStringLiteral("justification"), QStringLiteral("Correct law, no vectors.")},
                       {QStringLiteral("transcription"), QStringLiteral("F = m a")},
                       {QStringLiteral("confidence"), 0.8},
                       {QStringLiteral("flags"), QJsonArray::fromStringList(flags)}};
}

} // namespace

class TstGradingPrompt : public QObject
{
    Q_OBJECT

private slots:
    void promptCarriesQuestionsRubricsAndTrustRules()
    {
        const QList<QByteArray> pages{QByteArray("jpeg1"), QByteArray("jpeg2")};
        const LlmRequest request = GradingPrompt::build(exam(), {QStringLiteral("q1"), QStringLiteral("q2")},
                                                        QStringLiteral("Copy 7"), pages);
        QCOMPARE(request.jpegImages, pages);
        QCOMPARE(request.imageLabels, (QStringList{QStringLiteral("Page 1"), QStringLiteral("Page 2")}));
        QVERIFY(request.userText.contains(QStringLiteral("Copy 7")));
        QVERIFY(request.userText.contains(QStringLiteral("maximum 2 points")));
        QVERIFY(request.userText.contains(QStringLiteral("[1.5] F = ma")));
        QVERIFY(request.userText.contains(QStringLiteral("they never change the maximum of 2")));
        QVERIFY(request.systemInstruction.contains(QStringLiteral("untrusted data")));
        QVERIFY(request.systemInstruction.contains(QStringLiteral("suspicious")));
        QVERIFY(request.systemInstruction.contains(QStringLiteral("French")));
        const QJsonArray ids = request.responseSchema.value(QStringLiteral("properties")).toObject()
                                   .value(QStringLiteral("questions")).toObject().value(QStringLiteral("items")).toObject()
                                   .value(QStringLiteral("properties")).toObject().value(QStringLiteral("id")).toObject()
                                   .value(QStringLiteral("enum")).toArray();
        QCOMPARE(ids, (QJsonArray{QStringLiteral("q1"), QStringLiteral("q2")}));
    }

    void promptNeverCarriesTheStudentName()
    {
        const LlmRequest request = GradingPrompt::build(exam(), {QStringLiteral("q1")}, QStringLiteral("Copy 3"), {});
        QVERIFY(!request.userText.contains(QStringLiteral("Ada")));
    }

    void parseReadsScoresAndClampsOutOfRange()
    {
        const auto grades = GradingResponse::parse(answer({item(QStringLiteral("q2"), 5.2), item(QStringLiteral("q1"), 1.4, {QStringLiteral("suspicious"), QStringLiteral("needs_review")}),
                                                           item(QStringLiteral("q9"), 3)}),
                                                   exam(), {QStringLiteral("q1"), QStringLiteral("q2")}, 42,
                                                   GradeSource::ModelA, QStringLiteral("gemini/x"));
        QVERIFY2(grades, qPrintable(grades.errorString()));
        QCOMPARE(grades->size(), 2);
        const QuestionGrade &q1 = grades->at(0);
        QCOMPARE(q1.questionId, QStringLiteral("q1"));
        QCOMPARE(q1.score, 1.5); // rounded to the 0.5 step
        QCOMPARE(q1.flags, GradeFlags(GradeFlag::Suspicious)); // a model cannot raise needs_review itself
        QCOMPARE(q1.copyId, 42);
        QCOMPARE(q1.confidence, 0.8);
        const QuestionGrade &q2 = grades->at(1);
        QCOMPARE(q2.score, 4.0);
        QVERIFY(q2.flags.testFlag(GradeFlag::Clamped));
        QCOMPARE(q2.maxPoints, 4.0);

        const auto negative = GradingResponse::parse(answer({item(QStringLiteral("q1"), -1)}), exam(),
                                                     {QStringLiteral("q1")}, 1, GradeSource::ModelB, {});
        QCOMPARE(negative->first().score, 0.0);
        QVERIFY(negative->first().flags.testFlag(GradeFlag::Clamped));
    }

    void parseRejectsMissingQuestionsAndBadScores()
    {
        const auto missing = GradingResponse::parse(answer({item(QStringLiteral("q1"), 1)}), exam(),
                                                    {QStringLiteral("q1"), QStringLiteral("q2")}, 1, GradeSource::ModelA, {});
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::BadResponse);
        QVERIFY(missing.errorString().contains(QStringLiteral("q2")));

        QJsonObject bad = item(QStringLiteral("q1"), 1);
        bad.insert(QStringLiteral("score"), QStringLiteral("two"));
        QVERIFY(!GradingResponse::parse(answer({bad}), exam(), {QStringLiteral("q1")}, 1, GradeSource::ModelA, {}));
        QVERIFY(!GradingResponse::parse(QJsonObject{}, exam(), {QStringLiteral("q1")}, 1, GradeSource::ModelA, {}));
    }

    void rubricDraftSumsToTheMaximum_data()
    {
        QTest::addColumn<QList<double>>("points");
        QTest::addColumn<double>("max");
        QTest::newRow("exact") << QList<double>{2, 1, 1} << 4.0;
        QTest::newRow("too many") << QList<double>{3, 3, 4} << 4.0;
        QTest::newRow("too few") << QList<double>{1, 0.5} << 6.0;
        QTest::newRow("small max") << QList<double>{1, 1, 1} << 1.0;
    }

    void rubricDraftSumsToTheMaximum()
    {
        QFETCH(QList<double>, points);
        QFETCH(double, max);
        QJsonArray criteria;
        for (double p : points)
            criteria.append(QJsonObject{{QStringLiteral("description"), QStringLiteral("c%1").arg(criteria.size())},
                                        {QStringLiteral("points"), p}});
        Question question;
        question.id = QStringLiteral("q");
        question.maxPoints = max;
        const auto rubric = RubricDraft::parse(QJsonObject{{QStringLiteral("criteria"), criteria},
                                                           {QStringLiteral("guidelines"), QStringLiteral("Max 100 points!")}},
                                               question);
        QVERIFY2(rubric, qPrintable(rubric.errorString()));
        QCOMPARE(rubric->origin, RubricOrigin::Ai);
        QVERIFY(qFuzzyCompare(rubric->criteriaTotal(), max));
        for (const Criterion &criterion : rubric->criteria)
            QVERIFY(criterion.points > 0);
    }

    void rubricDraftWithoutCriteriaIsAnError()
    {
        Question question;
        question.id = QStringLiteral("q");
        question.maxPoints = 2;
        QVERIFY(!RubricDraft::parse(QJsonObject{{QStringLiteral("criteria"), QJsonArray{}}}, question));
        const LlmRequest request = RubricDraft::build(exam(), exam().questions.at(1));
        QVERIFY(request.userText.contains(QStringLiteral("Maximum: 4 points")));
        QCOMPARE(request.schemaName, QStringLiteral("rubric_draft"));
    }
};

QTEST_GUILESS_MAIN(TstGradingPrompt)
#include "tst_gradingprompt.moc"
