#include "core/grading/anonymizer.h"
#include "core/grading/dualcomparator.h"
#include "core/grading/gradingplan.h"

#include <QBuffer>
#include <QImage>
#include <QImageWriter>
#include <QtTest>

using namespace Corrige::Core;

class TstGrading : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tolerance_isTheLargerOfPointsAndFraction();
    void compare_decidesByDifference_data();
    void compare_decidesByDifference();
    void finalGrade_flagsDisagreementForReview();
    void agreement_reportsRates();
    void plan_skipsTeacherAndFinalGrades();
    void plan_regradeKeepsTeacherGrades();
    void anonymizer_paintsTheMaskWhite();
    void anonymizer_maskRoundTripsThroughJson();
};

void TstGrading::tolerance_isTheLargerOfPointsAndFraction()
{
    const Tolerance tolerance;
    QCOMPARE(tolerance.forMaximum(2.0), 0.5);
    QCOMPARE(tolerance.forMaximum(10.0), 1.0);
    QCOMPARE((Tolerance{0.25, 0.0}).forMaximum(20.0), 0.25);
}

void TstGrading::compare_decidesByDifference_data()
{
    QTest::addColumn<double>("a");
    QTest::addColumn<double>("b");
    QTest::addColumn<double>("max");
    QTest::addColumn<double>("step");
    QTest::addColumn<bool>("exact");
    QTest::addColumn<bool>("within");
    QTest::addColumn<double>("final"); // -1: none
    QTest::newRow("same") << 3.0 << 3.0 << 4.0 << 0.5 << true << true << 3.0;
    QTest::newRow("half apart, rounds up") << 1.0 << 1.5 << 4.0 << 0.5 << false << true << 1.5;
    QTest::newRow("quarter step") << 1.0 << 1.5 << 4.0 << 0.25 << false << true << 1.25;
    QTest::newRow("at tolerance") << 2.0 << 3.0 << 10.0 << 0.5 << false << true << 2.5;
    QTest::newRow("beyond tolerance") << 1.0 << 3.0 << 4.0 << 0.5 << false << false << -1.0;
    QTest::newRow("whole points") << 7.0 << 8.0 << 10.0 << 1.0 << false << true << 8.0;
    QTest::newRow("never above max") << 2.25 << 2.25 << 2.25 << 0.5 << true << true << 2.25;
}

void TstGrading::compare_decidesByDifference()
{
    QFETCH(double, a);
    QFETCH(double, b);
    QFETCH(double, max);
    QFETCH(double, step);
    QFETCH(bool, exact);
    QFETCH(bool, within);
    QFETCH(double, final);
    const QuestionComparison comparison = DualComparator().compare(a, b, max, step);
    QCOMPARE(comparison.exact, exact);
    QCOMPARE(comparison.withinTolerance, within);
    QCOMPARE(comparison.finalScore.has_value(), final >= 0);
    if (final >= 0)
        QCOMPARE(*comparison.finalScore, final);
}

void TstGrading::finalGrade_flagsDisagreementForReview()
{
    QuestionGrade a{1, QStringLiteral("q1"), GradeSource::ModelA, 0.0, 4.0};
    QuestionGrade b{1, QStringLiteral("q1"), GradeSource::ModelB, 4.0, 4.0};
    a.flags = GradeFlag::Illegible;
    QuestionComparison comparison;
    QVERIFY(!DualComparator().finalGrade(a, b, 0.5, &comparison).has_value());
    QVERIFY(a.flags.testFlag(GradeFlag::NeedsReview));
    QVERIFY(b.flags.testFlag(GradeFlag::NeedsReview));
    QCOMPARE(comparison.difference, 4.0);

    QuestionGrade c{1, QStringLiteral("q1"), GradeSource::ModelA, 3.0, 4.0};
    QuestionGrade d{1, QStringLiteral("q1"), GradeSource::ModelB, 3.5, 4.0};
    c.flags = GradeFlag::Illegible;
    const std::optional<QuestionGrade> final = DualComparator().finalGrade(c, d, 0.5);
    QVERIFY(final.has_value());
    QCOMPARE(final->source, GradeSource::Final);
    QCOMPARE(final->score, 3.5);
    QVERIFY(final->flags.testFlag(GradeFlag::Illegible));
    QVERIFY(!final->flags.testFlag(GradeFlag::NeedsReview));
}

void TstGrading::agreement_reportsRates()
{
    Agreement agreement;
    const DualComparator comparator;
    agreement.add(comparator.compare(1, 1, 4, 0.5));
    agreement.add(comparator.compare(1, 1.5, 4, 0.5));
    agreement.add(comparator.compare(0, 4, 4, 0.5));
    agreement.add(comparator.compare(2, 2, 4, 0.5));
    QCOMPARE(agreement.compared, 4);
    QCOMPARE(agreement.exact, 2);
    QCOMPARE(agreement.withinTolerance, 3);
    QCOMPARE(agreement.meanAbsoluteDifference(), 4.5 / 4);
    QCOMPARE(agreement.exactRate(), 0.5);
}

void TstGrading::plan_skipsTeacherAndFinalGrades()
{
    Exam exam;
    exam.questions = {Question{QStringLiteral("q1"), {}, {}, 1, {}, {}}, Question{QStringLiteral("q2"), {}, {}, 2, {}, {}}};
    Copy one;
    one.id = 1;
    one.pages = {PageRef{1, 0}};
    Copy two = one;
    two.id = 2;
    Copy three = one;
    three.id = 3;
    Copy empty;
    empty.id = 4; // no pages: nothing to send
    const QList<QuestionGrade> grades{
        {1, QStringLiteral("q1"), GradeSource::Teacher, 1, 1},
        {1, QStringLiteral("q2"), GradeSource::Final, 2, 2},
        {2, QStringLiteral("q1"), GradeSource::ModelA, 1, 1},
        {3, QStringLiteral("q2"), GradeSource::ModelA, 0, 2, {}, {}, -1, GradeFlag::NeedsReview},
    };
    const QList<PlannedWork> plan = GradingPlan::build(exam, {one, two, three, empty}, grades);
    QCOMPARE(plan.size(), 2);
    QCOMPARE(plan.at(0).copyId, 2);
    QCOMPARE(plan.at(0).questionIds, (QStringList{QStringLiteral("q1"), QStringLiteral("q2")}));
    QCOMPARE(plan.at(1).copyId, 3);
    QCOMPARE(plan.at(1).questionIds, QStringList{QStringLiteral("q1")});
}

void TstGrading::plan_regradeKeepsTeacherGrades()
{
    Exam exam;
    exam.questions = {Question{QStringLiteral("q1"), {}, {}, 1, {}, {}}, Question{QStringLiteral("q2"), {}, {}, 2, {}, {}}};
    Copy copy;
    copy.id = 1;
    copy.pages = {PageRef{1, 0}};
    const QList<QuestionGrade> grades{
        {1, QStringLiteral("q1"), GradeSource::Teacher, 1, 1},
        {1, QStringLiteral("q2"), GradeSource::Final, 2, 2},
    };
    QVERIFY(GradingPlan::build(exam, {copy}, grades).isEmpty());
    const QList<PlannedWork> plan = GradingPlan::build(exam, {copy}, grades, true);
    QCOMPARE(plan.size(), 1);
    QCOMPARE(plan.at(0).questionIds, QStringList{QStringLiteral("q2")});
}

void TstGrading::anonymizer_paintsTheMaskWhite()
{
    QImage page(200, 400, QImage::Format_RGB32);
    page.fill(Qt::black);
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(QImageWriter(&buffer, "JPEG").write(page));

    const Result<QByteArray> masked = Anonymizer::maskJpeg(jpeg, Anonymizer::defaultMask());
    QVERIFY2(masked.isOk(), qPrintable(masked.errorString()));
    QImage result;
    QVERIFY(result.loadFromData(masked.value(), "JPEG"));
    QCOMPARE(result.size(), page.size());
    QVERIFY(qGray(result.pixel(100, 20)) > 240);   // inside the top quarter: hidden
    QVERIFY(qGray(result.pixel(100, 95)) > 240);
    QVERIFY(qGray(result.pixel(100, 110)) < 15);   // below it: untouched
    QVERIFY(qGray(result.pixel(100, 390)) < 15);

    QVERIFY(!Anonymizer::maskJpeg(QByteArray("not a jpeg"), Anonymizer::defaultMask()).isOk());
}

void TstGrading::anonymizer_maskRoundTripsThroughJson()
{
    const QList<QRectF> mask{QRectF(0.5, 0.0, 0.5, 0.2), QRectF(0.0, 0.9, 1.0, 0.1)};
    QCOMPARE(Anonymizer::maskFromJson(Anonymizer::maskToJson(mask)), mask);
    // Out-of-page parts are cut; junk is ignored.
    QCOMPARE(Anonymizer::maskFromJson("[[0.5, 0.5, 1, 1], [1, 2], \"x\"]"), (QList<QRectF>{QRectF(0.5, 0.5, 0.5, 0.5)}));
    QVERIFY(Anonymizer::maskFromJson("not json").isEmpty());
}

QTEST_GUILESS_MAIN(TstGrading)
#include "tst_grading.moc"
