#include "core/grading/dualcomparator.h"
#include "ui/widgets/gradepanel.h"

#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QToolButton>
#include <QtTest>

#include <optional>

using namespace Corrige;

namespace {

constexpr qint64 copyId = 42;

Core::Question makeQuestion(const QString &id, double maxPoints, double step)
{
    Core::Question question;
    question.id = id;
    question.label = QStringLiteral("Question %1").arg(id.mid(1));
    question.text = QStringLiteral("Statement of %1, long enough to be elided in a narrow panel").arg(id);
    question.maxPoints = maxPoints;
    question.rubric = Core::Rubric{{{QStringLiteral("All of it"), maxPoints}}, {}, Core::RubricOrigin::Exam, step};
    return question;
}

Core::Exam makeExam()
{
    Core::Exam exam;
    exam.title = QStringLiteral("Mechanics");
    exam.questions = {makeQuestion(QStringLiteral("q1"), 4, 0.5), makeQuestion(QStringLiteral("q2"), 3, 0.25),
                      makeQuestion(QStringLiteral("q3"), 2, 0.5), makeQuestion(QStringLiteral("q4"), 1, 0.5)};
    return exam;
}

Core::Copy makeCopy()
{
    Core::Copy copy;
    copy.id = copyId;
    copy.position = 3;
    copy.label = QStringLiteral("Copy 3");
    copy.studentName = QStringLiteral("Alice Martin");
    return copy;
}

Core::QuestionGrade grade(const QString &questionId, Core::GradeSource source, double score,
                          Core::GradeFlags flags = {})
{
    Core::QuestionGrade g;
    g.copyId = copyId;
    g.questionId = questionId;
    g.source = source;
    g.score = score;
    g.maxPoints = makeExam().question(questionId)->maxPoints;
    g.flags = flags;
    if (source == Core::GradeSource::ModelA || source == Core::GradeSource::ModelB) {
        g.justification = QStringLiteral("Justification by %1").arg(Core::gradeSourceToString(source));
        g.transcription = QStringLiteral("What %1 read").arg(Core::gradeSourceToString(source));
        g.confidence = 0.8;
        g.model = source == Core::GradeSource::ModelA ? QStringLiteral("gemini") : QStringLiteral("gpt");
    }
    return g;
}

// q1: the models disagree (3 vs 1.5) and no final grade; q2: agreed (2 and 2.5, final 2.25) then the teacher
// set 3; q3: blank for both; q4: not graded.
QList<Core::QuestionGrade> dualGrades()
{
    using S = Core::GradeSource;
    return {grade(QStringLiteral("q1"), S::ModelA, 3, Core::GradeFlag::NeedsReview),
            grade(QStringLiteral("q1"), S::ModelB, 1.5, Core::GradeFlag::NeedsReview),
            grade(QStringLiteral("q2"), S::ModelA, 2),
            grade(QStringLiteral("q2"), S::ModelB, 2.5),
            grade(QStringLiteral("q2"), S::Final, 2.25),
            grade(QStringLiteral("q2"), S::Teacher, 3),
            grade(QStringLiteral("q3"), S::ModelA, 0, Core::GradeFlag::Blank),
            grade(QStringLiteral("q3"), S::ModelB, 0, Core::GradeFlag::Blank),
            grade(QStringLiteral("q3"), S::Final, 0, Core::GradeFlag::Blank)};
}

QList<Core::QuestionGrade> singleGrades()
{
    using S = Core::GradeSource;
    return {grade(QStringLiteral("q1"), S::ModelA, 2.5, Core::GradeFlag::Suspicious),
            grade(QStringLiteral("q1"), S::Final, 2.5, Core::GradeFlag::Suspicious),
            grade(QStringLiteral("q2"), S::ModelA, 1),
            grade(QStringLiteral("q2"), S::Final, 1),
            grade(QStringLiteral("q2"), S::Teacher, 2),
            grade(QStringLiteral("q3"), S::ModelA, 2),
            grade(QStringLiteral("q3"), S::Final, 2)};
}

QWidget *card(QWidget *panel, const QString &questionId)
{
    return panel->findChild<QWidget *>(QStringLiteral("questionCard_%1").arg(questionId));
}

template<typename T>
T *inCard(QWidget *panel, const QString &questionId, const char *name)
{
    QWidget *c = card(panel, questionId);
    return c ? c->findChild<T *>(QString::fromLatin1(name)) : nullptr;
}

std::optional<double> scoreOf(const QList<QVariant> &arguments)
{
    return arguments.at(2).value<std::optional<double>>();
}

} // namespace

class TstGradePanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void startsEmpty();
    void showsEffectiveScoreTeacherMarkerFlagsAndTotal();
    void dualMode_showsBothModelsAndTheDifference();
    void dualChoice_emitsTheChosenScore_data();
    void dualChoice_emitsTheChosenScore();
    void typingAScoreAndEnter_emitsItAndMovesOn();
    void enterOnAnUnchangedScore_emitsNothing();
    void clearingTheTeachersScore_emitsNullopt();
    void scoreAboveTheMaximum_isRefused();
    void altDownAndAltUp_moveBetweenQuestions();
    void setCopyAgain_keepsTheCurrentQuestionAndShowsTheNewGrade();
    void modelText_isNeverInterpretedAsRichText();
    void comments_areShownAndReported();

private:
    void showActive(Ui::GradePanel &panel);
};

void TstGradePanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TstGradePanel::showActive(Ui::GradePanel &panel)
{
    panel.resize(420, 900);
    panel.show();
    QApplication::setActiveWindow(&panel);
    QVERIFY(QTest::qWaitForWindowActive(&panel));
}

void TstGradePanel::startsEmpty()
{
    Ui::GradePanel panel;
    panel.show();
    QVERIFY(panel.findChild<QLabel *>(QStringLiteral("gradePanelEmptyLabel"))->isVisible());
    QVERIFY(!panel.hasCopy());
    panel.setCopy(makeExam(), makeCopy(), {});
    QVERIFY(!panel.findChild<QLabel *>(QStringLiteral("gradePanelEmptyLabel"))->isVisible());
    QCOMPARE(panel.findChild<QLabel *>(QStringLiteral("totalLabel"))->text(), QStringLiteral("– / 10"));
    panel.clear();
    QVERIFY(panel.findChild<QLabel *>(QStringLiteral("gradePanelEmptyLabel"))->isVisible());
}

void TstGradePanel::showsEffectiveScoreTeacherMarkerFlagsAndTotal()
{
    Ui::GradePanel panel;
    panel.show();
    panel.setCopy(makeExam(), makeCopy(), singleGrades());

    auto *spin1 = inCard<QDoubleSpinBox>(&panel, QStringLiteral("q1"), "scoreSpin");
    QVERIFY(spin1);
    QCOMPARE(spin1->text(), QStringLiteral("2.5"));
    QCOMPARE(spin1->maximum(), 4.0);
    QCOMPARE(spin1->singleStep(), 0.5);
    QVERIFY(!inCard<QLabel>(&panel, QStringLiteral("q1"), "teacherMarker")->isVisible());
    QVERIFY(inCard<QLabel>(&panel, QStringLiteral("q1"), "flagTag_suspicious")->isVisible());
    QVERIFY(!inCard<QLabel>(&panel, QStringLiteral("q1"), "flagTag_blank")->isVisible());
    QCOMPARE(inCard<QLabel>(&panel, QStringLiteral("q1"), "confidenceLabel")->text(), QStringLiteral("Confidence: 80%"));
    QCOMPARE(inCard<QLabel>(&panel, QStringLiteral("q1"), "justificationLabel")->text(),
             QStringLiteral("Justification by model_a"));
    QCOMPARE(inCard<QLabel>(&panel, QStringLiteral("q1"), "transcriptionLabel")->text(),
             QStringLiteral("What model_a read"));
    // Folded away until asked for.
    QVERIFY(!inCard<QWidget>(&panel, QStringLiteral("q1"), "detailsWidget")->isVisible());
    QTest::mouseClick(inCard<QToolButton>(&panel, QStringLiteral("q1"), "detailsButton"), Qt::LeftButton);
    QVERIFY(inCard<QWidget>(&panel, QStringLiteral("q1"), "detailsWidget")->isVisible());

    // The teacher's grade wins over the final one and is marked.
    auto *spin2 = inCard<QDoubleSpinBox>(&panel, QStringLiteral("q2"), "scoreSpin");
    QCOMPARE(spin2->value(), 2.0);
    QCOMPARE(spin2->singleStep(), 0.25);
    QVERIFY(inCard<QLabel>(&panel, QStringLiteral("q2"), "teacherMarker")->isVisible());
    QVERIFY(inCard<QToolButton>(&panel, QStringLiteral("q2"), "clearButton")->isVisible());

    // Not graded yet: no score, and the total says so.
    QCOMPARE(inCard<QDoubleSpinBox>(&panel, QStringLiteral("q4"), "scoreSpin")->text(), QStringLiteral("–"));
    QCOMPARE(panel.findChild<QLabel *>(QStringLiteral("copyTitleLabel"))->text(), QStringLiteral("Alice Martin"));
    QCOMPARE(panel.findChild<QLabel *>(QStringLiteral("copySubtitleLabel"))->text(), QStringLiteral("Copy 3"));
    QCOMPARE(panel.findChild<QLabel *>(QStringLiteral("totalLabel"))->text(), QStringLiteral("6.5 / 10"));
    QCOMPARE(panel.total(), std::optional<double>(6.5));
    QVERIFY(panel.findChild<QLabel *>(QStringLiteral("summaryLabel"))->text().contains(QStringLiteral("1 not graded")));
    // Single mode: no dual choices.
    QVERIFY(!inCard<QWidget>(&panel, QStringLiteral("q1"), "dualRow")->isVisible());
}

void TstGradePanel::dualMode_showsBothModelsAndTheDifference()
{
    Ui::GradePanel panel;
    panel.show();
    panel.setCopy(makeExam(), makeCopy(), dualGrades());

    QVERIFY(inCard<QWidget>(&panel, QStringLiteral("q1"), "dualRow")->isVisible());
    QCOMPARE(inCard<QPushButton>(&panel, QStringLiteral("q1"), "takeAButton")->text(), QStringLiteral("Take A: 3"));
    QCOMPARE(inCard<QPushButton>(&panel, QStringLiteral("q1"), "takeBButton")->text(), QStringLiteral("Take B: 1.5"));
    QCOMPARE(inCard<QLabel>(&panel, QStringLiteral("q1"), "differenceLabel")->text(), QStringLiteral("Difference: 1.5"));
    QVERIFY(inCard<QLabel>(&panel, QStringLiteral("q1"), "flagTag_needs_review")->isVisible());
    // A disagreement opens with both justifications side by side.
    QVERIFY(inCard<QWidget>(&panel, QStringLiteral("q1"), "detailsWidget")->isVisible());
    QCOMPARE(inCard<QLabel>(&panel, QStringLiteral("q1"), "modelAJustification")->text(),
             QStringLiteral("Justification by model_a"));
    QCOMPARE(inCard<QLabel>(&panel, QStringLiteral("q1"), "modelBJustification")->text(),
             QStringLiteral("Justification by model_b"));
    QCOMPARE(inCard<QLabel>(&panel, QStringLiteral("q1"), "modelBTranscription")->text(), QStringLiteral("What model_b read"));
    QCOMPARE(inCard<QDoubleSpinBox>(&panel, QStringLiteral("q1"), "scoreSpin")->text(), QStringLiteral("–"));

    // The teacher settled q2: "needs review" would be stale there. Same scores on q3: nothing to choose.
    QVERIFY(!inCard<QLabel>(&panel, QStringLiteral("q2"), "flagTag_needs_review")->isVisible());
    QVERIFY(!inCard<QWidget>(&panel, QStringLiteral("q3"), "dualRow")->isVisible());
    QVERIFY(inCard<QLabel>(&panel, QStringLiteral("q3"), "flagTag_blank")->isVisible());
    QVERIFY(panel.findChild<QLabel *>(QStringLiteral("summaryLabel"))->text().contains(QStringLiteral("1 to review")));
    QCOMPARE(panel.findChild<QLabel *>(QStringLiteral("totalLabel"))->text(), QStringLiteral("3 / 10"));
}

void TstGradePanel::dualChoice_emitsTheChosenScore_data()
{
    QTest::addColumn<QString>("button");
    QTest::addColumn<double>("expected");
    QTest::newRow("take A") << QStringLiteral("takeAButton") << 3.0;
    QTest::newRow("take B") << QStringLiteral("takeBButton") << 1.5;
    // (3 + 1.5) / 2 = 2.25, rounded to the rubric's 0.5 step.
    QTest::newRow("mean") << QStringLiteral("meanButton") << Core::DualComparator::roundToStep(2.25, 0.5, 4.0);
}

void TstGradePanel::dualChoice_emitsTheChosenScore()
{
    QFETCH(QString, button);
    QFETCH(double, expected);
    Ui::GradePanel panel;
    panel.show();
    panel.setCopy(makeExam(), makeCopy(), dualGrades());
    QSignalSpy chosen(&panel, &Ui::GradePanel::teacherScoreChosen);
    QTest::mouseClick(card(&panel, QStringLiteral("q1"))->findChild<QPushButton *>(button), Qt::LeftButton);
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(chosen.constFirst().at(0).toLongLong(), copyId);
    QCOMPARE(chosen.constFirst().at(1).toString(), QStringLiteral("q1"));
    QCOMPARE(scoreOf(chosen.constFirst()), std::optional<double>(expected));
    // Shown at once as the teacher's, before the owner stores it.
    QVERIFY(inCard<QLabel>(&panel, QStringLiteral("q1"), "teacherMarker")->isVisible());
    QCOMPARE(inCard<QDoubleSpinBox>(&panel, QStringLiteral("q1"), "scoreSpin")->value(), expected);
}

void TstGradePanel::typingAScoreAndEnter_emitsItAndMovesOn()
{
    Ui::GradePanel panel;
    showActive(panel);
    panel.setCopy(makeExam(), makeCopy(), singleGrades());
    QSignalSpy chosen(&panel, &Ui::GradePanel::teacherScoreChosen);
    panel.focusQuestion(QStringLiteral("q1"));
    auto *spin1 = inCard<QDoubleSpinBox>(&panel, QStringLiteral("q1"), "scoreSpin");
    QTRY_COMPARE(QApplication::focusWidget(), spin1);

    QTest::keyClicks(spin1, QStringLiteral("3.5"));
    QTest::keyClick(spin1, Qt::Key_Return);
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(chosen.constFirst().at(1).toString(), QStringLiteral("q1"));
    QCOMPARE(scoreOf(chosen.constFirst()), std::optional<double>(3.5));
    auto *spin2 = inCard<QDoubleSpinBox>(&panel, QStringLiteral("q2"), "scoreSpin");
    QTRY_COMPARE(QApplication::focusWidget(), spin2);
    QCOMPARE(panel.currentQuestionId(), QStringLiteral("q2"));
    QCOMPARE(panel.findChild<QLabel *>(QStringLiteral("totalLabel"))->text(), QStringLiteral("7.5 / 10"));

    // The whole score is selected: typing replaces it; a comma works as well as a point.
    QTest::keyClicks(spin2, QStringLiteral("1,75"));
    QTest::keyClick(spin2, Qt::Key_Enter);
    QCOMPARE(chosen.size(), 2);
    QCOMPARE(scoreOf(chosen.at(1)), std::optional<double>(1.75));
    // Leaving a field after typing also counts.
    auto *spin3 = inCard<QDoubleSpinBox>(&panel, QStringLiteral("q3"), "scoreSpin");
    QTRY_COMPARE(QApplication::focusWidget(), spin3);
    QTest::keyClicks(spin3, QStringLiteral("1"));
    QTest::keyClick(spin3, Qt::Key_Down, Qt::AltModifier);
    QCOMPARE(chosen.size(), 3);
    QCOMPARE(chosen.at(2).at(1).toString(), QStringLiteral("q3"));
    QCOMPARE(scoreOf(chosen.at(2)), std::optional<double>(1.0));
}

void TstGradePanel::enterOnAnUnchangedScore_emitsNothing()
{
    Ui::GradePanel panel;
    showActive(panel);
    panel.setCopy(makeExam(), makeCopy(), singleGrades());
    QSignalSpy chosen(&panel, &Ui::GradePanel::teacherScoreChosen);
    panel.focusQuestion(QStringLiteral("q1"));
    auto *spin1 = inCard<QDoubleSpinBox>(&panel, QStringLiteral("q1"), "scoreSpin");
    QTRY_COMPARE(QApplication::focusWidget(), spin1);
    QTest::keyClick(spin1, Qt::Key_Return);
    QTRY_COMPARE(panel.currentQuestionId(), QStringLiteral("q2"));
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("2.00"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QCOMPARE(chosen.size(), 0);
    QTRY_COMPARE(panel.currentQuestionId(), QStringLiteral("q3"));
}

void TstGradePanel::clearingTheTeachersScore_emitsNullopt()
{
    Ui::GradePanel panel;
    showActive(panel);
    panel.setCopy(makeExam(), makeCopy(), singleGrades());
    QSignalSpy chosen(&panel, &Ui::GradePanel::teacherScoreChosen);

    // By the keyboard: empty the field, Enter.
    panel.focusQuestion(QStringLiteral("q2"));
    auto *spin2 = inCard<QDoubleSpinBox>(&panel, QStringLiteral("q2"), "scoreSpin");
    QTRY_COMPARE(QApplication::focusWidget(), spin2);
    QTest::keyClick(spin2, Qt::Key_Backspace);
    QTest::keyClick(spin2, Qt::Key_Return);
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(chosen.constFirst().at(1).toString(), QStringLiteral("q2"));
    QCOMPARE(scoreOf(chosen.constFirst()), std::optional<double>());
    // Back to the model's score at once.
    QCOMPARE(spin2->value(), 1.0);
    QVERIFY(!inCard<QLabel>(&panel, QStringLiteral("q2"), "teacherMarker")->isVisible());

    // By the button.
    panel.setCopy(makeExam(), makeCopy(), singleGrades());
    QTest::mouseClick(inCard<QToolButton>(&panel, QStringLiteral("q2"), "clearButton"), Qt::LeftButton);
    QCOMPARE(chosen.size(), 2);
    QCOMPARE(scoreOf(chosen.at(1)), std::optional<double>());

    // Emptying a score that is the model's has nothing to clear.
    panel.focusQuestion(QStringLiteral("q1"));
    auto *spin1 = inCard<QDoubleSpinBox>(&panel, QStringLiteral("q1"), "scoreSpin");
    QTRY_COMPARE(QApplication::focusWidget(), spin1);
    QTest::keyClick(spin1, Qt::Key_Backspace);
    QTest::keyClick(spin1, Qt::Key_Return);
    QCOMPARE(chosen.size(), 2);
    QCOMPARE(spin1->text(), QStringLiteral("2.5"));
}

void TstGradePanel::scoreAboveTheMaximum_isRefused()
{
    Ui::GradePanel panel;
    showActive(panel);
    panel.setCopy(makeExam(), makeCopy(), singleGrades());
    QSignalSpy chosen(&panel, &Ui::GradePanel::teacherScoreChosen);
    panel.focusQuestion(QStringLiteral("q4")); // maximum 1
    auto *spin4 = inCard<QDoubleSpinBox>(&panel, QStringLiteral("q4"), "scoreSpin");
    QTRY_COMPARE(QApplication::focusWidget(), spin4);
    QTest::keyClicks(spin4, QStringLiteral("5"));
    QTest::keyClick(spin4, Qt::Key_Return);
    QCOMPARE(chosen.size(), 0);
    panel.focusQuestion(QStringLiteral("q4"));
    QTest::keyClicks(spin4, QStringLiteral("0.5"));
    QTest::keyClick(spin4, Qt::Key_Return);
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(scoreOf(chosen.constFirst()), std::optional<double>(0.5));
}

void TstGradePanel::altDownAndAltUp_moveBetweenQuestions()
{
    Ui::GradePanel panel;
    showActive(panel);
    panel.setCopy(makeExam(), makeCopy(), dualGrades());
    QSignalSpy current(&panel, &Ui::GradePanel::currentQuestionChanged);
    QCOMPARE(panel.currentQuestionId(), QStringLiteral("q1"));

    // From a button inside the panel too, not only from a score.
    auto *takeA = inCard<QPushButton>(&panel, QStringLiteral("q1"), "takeAButton");
    takeA->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), takeA);
    QTest::keyClick(takeA, Qt::Key_Down, Qt::AltModifier);
    QTRY_COMPARE(QApplication::focusWidget(), inCard<QDoubleSpinBox>(&panel, QStringLiteral("q2"), "scoreSpin"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down, Qt::AltModifier);
    QTRY_COMPARE(QApplication::focusWidget(), inCard<QDoubleSpinBox>(&panel, QStringLiteral("q3"), "scoreSpin"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down, Qt::AltModifier);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down, Qt::AltModifier); // stays on the last
    QTRY_COMPARE(panel.currentQuestionId(), QStringLiteral("q4"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Up, Qt::AltModifier);
    QTRY_COMPARE(QApplication::focusWidget(), inCard<QDoubleSpinBox>(&panel, QStringLiteral("q3"), "scoreSpin"));
    QCOMPARE(panel.currentQuestionId(), QStringLiteral("q3"));
    QCOMPARE(current.last().constFirst().toString(), QStringLiteral("q3"));
    QCOMPARE(current.size(), 4);
}

void TstGradePanel::setCopyAgain_keepsTheCurrentQuestionAndShowsTheNewGrade()
{
    Ui::GradePanel panel;
    showActive(panel);
    QList<Core::QuestionGrade> grades = dualGrades();
    panel.setCopy(makeExam(), makeCopy(), grades);
    QObject::connect(&panel, &Ui::GradePanel::teacherScoreChosen, &panel,
                     [&](qint64 id, const QString &questionId, std::optional<double> score) {
                         // What the owner does: store, then show the copy again.
                         QVERIFY(score.has_value());
                         grades.append(grade(questionId, Core::GradeSource::Teacher, *score));
                         QCOMPARE(id, copyId);
                         panel.setCopy(makeExam(), makeCopy(), grades);
                     });
    panel.focusQuestion(QStringLiteral("q1"));
    auto *spin1 = inCard<QDoubleSpinBox>(&panel, QStringLiteral("q1"), "scoreSpin");
    QTRY_COMPARE(QApplication::focusWidget(), spin1);
    QTest::keyClicks(spin1, QStringLiteral("2"));
    QTest::keyClick(spin1, Qt::Key_Return);
    QTRY_COMPARE(panel.currentQuestionId(), QStringLiteral("q2"));
    QCOMPARE(spin1->value(), 2.0);
    QVERIFY(inCard<QLabel>(&panel, QStringLiteral("q1"), "teacherMarker")->isVisible());
    QVERIFY(!inCard<QLabel>(&panel, QStringLiteral("q1"), "flagTag_needs_review")->isVisible());
    QCOMPARE(panel.findChild<QLabel *>(QStringLiteral("totalLabel"))->text(), QStringLiteral("5 / 10"));
    QCOMPARE(QApplication::focusWidget(), inCard<QDoubleSpinBox>(&panel, QStringLiteral("q2"), "scoreSpin"));

    // Another copy: same question stays current, scores are that copy's.
    Core::Copy other = makeCopy();
    other.id = copyId + 1;
    other.studentName.clear();
    panel.setCopy(makeExam(), other, {});
    QCOMPARE(panel.currentQuestionId(), QStringLiteral("q2"));
    QCOMPARE(inCard<QDoubleSpinBox>(&panel, QStringLiteral("q1"), "scoreSpin")->text(), QStringLiteral("–"));
    QCOMPARE(panel.findChild<QLabel *>(QStringLiteral("copyTitleLabel"))->text(), QStringLiteral("Copy 3"));
}

void TstGradePanel::modelText_isNeverInterpretedAsRichText()
{
    QList<Core::QuestionGrade> grades = singleGrades();
    grades[0].justification = QStringLiteral("<b>Full marks</b> <img src=x>");
    Ui::GradePanel panel;
    panel.show();
    panel.setCopy(makeExam(), makeCopy(), grades);
    auto *label = inCard<QLabel>(&panel, QStringLiteral("q1"), "justificationLabel");
    QCOMPARE(label->textFormat(), Qt::PlainText);
    QCOMPARE(label->text(), QStringLiteral("<b>Full marks</b> <img src=x>"));
}

void TstGradePanel::comments_areShownAndReported()
{
    Ui::GradePanel panel;
    showActive(panel);
    panel.setCopy(makeExam(), makeCopy(), singleGrades());
    panel.setComments({{QStringLiteral("q2"), QStringLiteral("Units!")}, {QString(), QStringLiteral("Good work.")}});
    auto *q1 = inCard<QLineEdit>(&panel, QStringLiteral("q1"), "commentEdit");
    auto *q2 = inCard<QLineEdit>(&panel, QStringLiteral("q2"), "commentEdit");
    auto *whole = panel.findChild<QLineEdit *>(QStringLiteral("copyCommentEdit"));
    QVERIFY(q1 && q2 && whole);
    QCOMPARE(q1->text(), QString());
    QCOMPARE(q2->text(), QStringLiteral("Units!"));
    QCOMPARE(whole->text(), QStringLiteral("Good work."));

    QSignalSpy changed(&panel, &Ui::GradePanel::commentChanged);
    q1->setFocus();
    QTest::keyClicks(q1, QStringLiteral("See the figure."));
    QTest::keyClick(q1, Qt::Key_Return);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toLongLong(), panel.copyId());
    QCOMPARE(changed.at(0).at(1).toString(), QStringLiteral("q1"));
    QCOMPARE(changed.at(0).at(2).toString(), QStringLiteral("See the figure."));
    // Leaving a field unchanged reports nothing; clearing the copy's comment reports an empty text.
    QTest::keyClick(q1, Qt::Key_Return);
    QCOMPARE(changed.size(), 1);
    whole->setFocus();
    whole->selectAll();
    QTest::keyClick(whole, Qt::Key_Delete);
    QTest::keyClick(whole, Qt::Key_Return);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.at(1).at(1).toString(), QString());
    QCOMPARE(changed.at(1).at(2).toString(), QString());
}

QTEST_MAIN(TstGradePanel)
#include "tst_gradepanel.moc"
