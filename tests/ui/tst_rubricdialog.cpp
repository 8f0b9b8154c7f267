#include "ui/dialogs/messagebox.h"
#include "ui/dialogs/rubricdialog.h"
#include "ui/models/criteriamodel.h"

#include <QAbstractItemModelTester>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QToolButton>
#include <QtTest>

using namespace Corrige;

namespace {

Core::Question makeQuestion(const QString &id, double maxPoints, std::optional<Core::Rubric> rubric)
{
    Core::Question question;
    question.id = id;
    question.label = QStringLiteral("Question %1").arg(id.mid(1));
    question.text = QStringLiteral("Statement of %1").arg(id);
    question.maxPoints = maxPoints;
    question.rubric = std::move(rubric);
    return question;
}

// q1 has a complete rubric from the exam file (2 + 2 of 4), q2 a model-drafted one, q3 and q4 none.
Core::Exam makeExam()
{
    Core::Exam exam;
    exam.title = QStringLiteral("Mechanics");
    exam.questions = {
        makeQuestion(QStringLiteral("q1"), 4,
                     Core::Rubric{{{QStringLiteral("States the law"), 2.0}, {QStringLiteral("Applies it"), 2.0}},
                                  QStringLiteral("Accept g = 10."), Core::RubricOrigin::Exam, 0.5}),
        makeQuestion(QStringLiteral("q2"), 3,
                     Core::Rubric{{{QStringLiteral("Formula"), 1.0}, {QStringLiteral("Result"), 2.0}}, {},
                                  Core::RubricOrigin::Ai, 0.5}),
        makeQuestion(QStringLiteral("q3"), 2, std::nullopt),
        makeQuestion(QStringLiteral("q4"), 1, std::nullopt),
    };
    return exam;
}

template<typename T>
T *child(QWidget *parent, const char *name)
{
    auto *widget = parent->findChild<T *>(QString::fromLatin1(name));
    if (!widget)
        qWarning("no child named %s", name);
    return widget;
}

} // namespace

class TstRubricDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void criteriaModel_passesModelTester();
    void acceptButton_saysWhatHappensNext_data();
    void acceptButton_saysWhatHappensNext();
    void list_showsTheStateOfEveryRubric();
    void addEditReorderRemove_areReflectedInExam();
    void editingACriterion_makesTheRubricTheTeachers();
    void sumWarning_appearsAndDisappears();
    void undoRedo_restoreCriteriaAndOrigin();
    void cancel_leavesTheExamUnchanged();
    void cancel_withoutChanges_asksNothing();
    void draftMissing_requestsThoseQuestionsAndShowsBusyState();
    void draft_appliedFillsCriteriaAsAiDraft_andFailureIsShown();
    void draft_cancelled_emitsAndIgnoresLateAnswers();
    void accept_withSumMismatch_asksFirst();

private:
    void openAt(Ui::RubricDialog &dialog, int row);
};

void TstRubricDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TstRubricDialog::cleanup()
{
    Ui::MessageBox::setNextAnswer(QMessageBox::NoButton);
}

void TstRubricDialog::openAt(Ui::RubricDialog &dialog, int row)
{
    auto *list = child<QListWidget>(&dialog, "questionList");
    QVERIFY(list);
    const QRect rect = list->visualItemRect(list->item(row));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    QTRY_COMPARE(list->currentRow(), row);
}

void TstRubricDialog::criteriaModel_passesModelTester()
{
    Ui::CriteriaModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy edited(&model, &Ui::CriteriaModel::criterionEdited);
    model.setCriteria({{QStringLiteral("a"), 1.0}, {QStringLiteral("b"), 2.0}});
    model.insertCriterion(1, {QStringLiteral("c"), 0.5});
    model.moveCriterion(0, 2);
    model.moveCriterion(2, 0);
    QCOMPARE(model.criteria().at(1).description, QStringLiteral("c"));
    model.removeCriterion(1);
    QVERIFY(model.setData(model.index(1, Ui::CriteriaModel::PointsColumn), 1.5));
    QVERIFY(!model.setData(model.index(1, Ui::CriteriaModel::PointsColumn), -1.0));
    QCOMPARE(model.total(), 2.5);
    QCOMPARE(edited.size(), 1);
    QCOMPARE(edited.constFirst().at(0).toInt(), 1);
    model.setCriteria({});
    QCOMPARE(model.rowCount(), 0);
}

void TstRubricDialog::acceptButton_saysWhatHappensNext_data()
{
    QTest::addColumn<Ui::RubricDialog::Mode>("mode");
    QTest::addColumn<QString>("text");
    QTest::newRow("before grading") << Ui::RubricDialog::Mode::ReviewBeforeGrading << QStringLiteral("Continue…");
    QTest::newRow("from the menu") << Ui::RubricDialog::Mode::Edit << QStringLiteral("Save");
}

void TstRubricDialog::acceptButton_saysWhatHappensNext()
{
    QFETCH(Ui::RubricDialog::Mode, mode);
    QFETCH(QString, text);
    Ui::RubricDialog dialog(makeExam(), mode);
    QCOMPARE(child<QPushButton>(&dialog, "acceptButton")->text(), text);
}

void TstRubricDialog::list_showsTheStateOfEveryRubric()
{
    Ui::RubricDialog dialog(makeExam(), Ui::RubricDialog::Mode::ReviewBeforeGrading);
    dialog.show();
    auto *list = child<QListWidget>(&dialog, "questionList");
    QCOMPARE(list->count(), 4);
    QVERIFY(list->item(0)->text().contains(QStringLiteral("OK")));
    QVERIFY(list->item(1)->text().contains(QStringLiteral("AI draft, not reviewed")));
    QVERIFY(list->item(2)->text().contains(QStringLiteral("No rubric")));
    // Looking at the draft counts as reviewing it; its sum (3 of 3) is fine.
    openAt(dialog, 1);
    QVERIFY2(list->item(1)->text().contains(QStringLiteral("OK")), qPrintable(list->item(1)->text()));
    QCOMPARE(child<QLabel>(&dialog, "originLabel")->text(), QStringLiteral("Drafted by AI"));
    QCOMPARE(child<QLabel>(&dialog, "questionText")->text(), QStringLiteral("Statement of q2"));
}

void TstRubricDialog::addEditReorderRemove_areReflectedInExam()
{
    Ui::RubricDialog dialog(makeExam(), Ui::RubricDialog::Mode::Edit);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    openAt(dialog, 2); // q3: no rubric yet
    auto *view = child<QTableView>(&dialog, "criteriaView");
    QCOMPARE(view->model()->rowCount(), 0);

    // Add: a new row, its description opened for typing, the points defaulting to what is left (2 of 2).
    QTest::mouseClick(child<QPushButton>(&dialog, "addCriterionButton"), Qt::LeftButton);
    QCOMPARE(view->model()->rowCount(), 1);
    QLineEdit *editor = nullptr;
    QTRY_VERIFY((editor = qobject_cast<QLineEdit *>(QApplication::focusWidget())));
    QTest::keyClicks(editor, QStringLiteral("Names the friction"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(view->model()->index(0, 0).data().toString(), QStringLiteral("Names the friction"));

    // Edit the points through the spin box editor.
    const QModelIndex points = view->model()->index(0, Ui::CriteriaModel::PointsColumn);
    view->setCurrentIndex(points);
    view->edit(points);
    QDoubleSpinBox *spin = nullptr;
    QTRY_VERIFY((spin = view->findChild<QDoubleSpinBox *>(QStringLiteral("pointsEditor"))));
    QCOMPARE(spin->singleStep(), 0.5);
    QCOMPARE(spin->maximum(), 2.0);
    spin->setValue(1.5);
    QTest::keyClick(spin, Qt::Key_Return);
    QTRY_COMPARE(view->model()->index(0, 1).data(Qt::EditRole).toDouble(), 1.5);

    // A second criterion, added below, takes the remaining half point.
    view->setCurrentIndex(view->model()->index(0, 0));
    QTest::mouseClick(child<QPushButton>(&dialog, "addCriterionButton"), Qt::LeftButton);
    QTRY_VERIFY((editor = qobject_cast<QLineEdit *>(QApplication::focusWidget())));
    QTest::keyClicks(editor, QStringLiteral("Gives the unit"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(view->model()->index(1, 0).data().toString(), QStringLiteral("Gives the unit")); // committed queued

    Core::Rubric rubric = *dialog.exam().questions.at(2).rubric;
    QCOMPARE(rubric.criteria,
             (QList<Core::Criterion>{{QStringLiteral("Names the friction"), 1.5}, {QStringLiteral("Gives the unit"), 0.5}}));

    // Move the second one up.
    view->setCurrentIndex(view->model()->index(1, 0));
    QTest::mouseClick(child<QToolButton>(&dialog, "moveUpButton"), Qt::LeftButton);
    rubric = *dialog.exam().questions.at(2).rubric;
    QCOMPARE(rubric.criteria.at(0).description, QStringLiteral("Gives the unit"));
    QCOMPARE(view->currentIndex().row(), 0);
    QTest::mouseClick(child<QToolButton>(&dialog, "moveDownButton"), Qt::LeftButton);
    QCOMPARE(dialog.exam().questions.at(2).rubric->criteria.at(1).description, QStringLiteral("Gives the unit"));

    // Remove the first.
    view->setCurrentIndex(view->model()->index(0, 0));
    QTest::mouseClick(child<QPushButton>(&dialog, "removeCriterionButton"), Qt::LeftButton);
    rubric = *dialog.exam().questions.at(2).rubric;
    QCOMPARE(rubric.criteria, (QList<Core::Criterion>{{QStringLiteral("Gives the unit"), 0.5}}));
    QCOMPARE(rubric.origin, Core::RubricOrigin::Teacher);
    // Other questions are untouched.
    QCOMPARE(dialog.exam().questions.at(0), makeExam().questions.at(0));
}

void TstRubricDialog::editingACriterion_makesTheRubricTheTeachers()
{
    Ui::RubricDialog dialog(makeExam(), Ui::RubricDialog::Mode::Edit);
    dialog.show();
    openAt(dialog, 1); // the drafted one
    auto *view = child<QTableView>(&dialog, "criteriaView");
    QVERIFY(view->model()->setData(view->model()->index(0, 0), QStringLiteral("Writes Ec = ½ m v²")));
    const Core::Rubric rubric = *dialog.exam().questions.at(1).rubric;
    QCOMPARE(rubric.origin, Core::RubricOrigin::Teacher);
    QCOMPARE(rubric.criteria.at(0).description, QStringLiteral("Writes Ec = ½ m v²"));
    QCOMPARE(child<QLabel>(&dialog, "originLabel")->text(), QStringLiteral("Edited by you"));

    // Guidelines are part of the rubric too.
    auto *guidelines = child<QPlainTextEdit>(&dialog, "guidelinesEdit");
    guidelines->setFocus();
    QTest::keyClicks(guidelines, QStringLiteral("Half credit without unit."));
    QCOMPARE(dialog.exam().questions.at(1).rubric->guidelines, QStringLiteral("Half credit without unit."));
}

void TstRubricDialog::sumWarning_appearsAndDisappears()
{
    Ui::RubricDialog dialog(makeExam(), Ui::RubricDialog::Mode::Edit);
    dialog.show();
    auto *sum = child<QLabel>(&dialog, "sumLabel");
    auto *view = child<QTableView>(&dialog, "criteriaView");
    QCOMPARE(sum->property("warning").toBool(), false);
    QVERIFY(sum->text().contains(QStringLiteral("4 of 4")));

    QVERIFY(view->model()->setData(view->model()->index(1, Ui::CriteriaModel::PointsColumn), 1.0));
    QCOMPARE(sum->property("warning").toBool(), true);
    QVERIFY2(sum->text().contains(QStringLiteral("Criteria add up to 3 of 4 points")), qPrintable(sum->text()));
    auto *list = child<QListWidget>(&dialog, "questionList");
    QVERIFY(list->item(0)->text().contains(QStringLiteral("Sums to 3 of 4")));

    QVERIFY(view->model()->setData(view->model()->index(1, Ui::CriteriaModel::PointsColumn), 2.0));
    QCOMPARE(sum->property("warning").toBool(), false);
    QVERIFY(list->item(0)->text().contains(QStringLiteral("OK")));
}

void TstRubricDialog::undoRedo_restoreCriteriaAndOrigin()
{
    const Core::Exam original = makeExam();
    Ui::RubricDialog dialog(original, Ui::RubricDialog::Mode::Edit);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    auto *view = child<QTableView>(&dialog, "criteriaView");
    view->setCurrentIndex(view->model()->index(0, 0));
    QTest::mouseClick(child<QPushButton>(&dialog, "removeCriterionButton"), Qt::LeftButton);
    QVERIFY(view->model()->setData(view->model()->index(0, Ui::CriteriaModel::PointsColumn), 4.0));
    const Core::Exam edited = dialog.exam();
    QCOMPARE(edited.questions.at(0).rubric->criteria,
             (QList<Core::Criterion>{{QStringLiteral("Applies it"), 4.0}}));

    // Undo from another question brings the edited one back into view.
    openAt(dialog, 3);
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(dialog.currentQuestionId(), QStringLiteral("q1"));
    QCOMPARE(view->model()->index(0, 1).data(Qt::EditRole).toDouble(), 2.0);
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(dialog.exam(), original); // criteria and origin (Exam) restored
    QCOMPARE(view->model()->rowCount(), 2);
    QVERIFY(!dialog.isModified());

    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(dialog.exam(), edited);

    // The buttons do the same.
    QTest::mouseClick(child<QToolButton>(&dialog, "undoButton"), Qt::LeftButton);
    QTest::mouseClick(child<QToolButton>(&dialog, "undoButton"), Qt::LeftButton);
    QCOMPARE(dialog.exam(), original);
    QVERIFY(!child<QToolButton>(&dialog, "undoButton")->isEnabled());
}

void TstRubricDialog::cancel_leavesTheExamUnchanged()
{
    const Core::Exam original = makeExam();
    Ui::RubricDialog dialog(original, Ui::RubricDialog::Mode::Edit);
    dialog.show();
    auto *view = child<QTableView>(&dialog, "criteriaView");
    QVERIFY(view->model()->setData(view->model()->index(0, 0), QStringLiteral("Changed")));
    QVERIFY(dialog.isModified());

    // Keep editing: the dialog stays.
    Ui::MessageBox::setNextAnswer(QMessageBox::Cancel);
    QTest::mouseClick(child<QPushButton>(&dialog, "cancelButton"), Qt::LeftButton);
    QVERIFY(dialog.isVisible());
    QVERIFY(Ui::MessageBox::lastText().contains(QStringLiteral("Discard")));

    Ui::MessageBox::setNextAnswer(QMessageBox::Discard);
    QTest::mouseClick(child<QPushButton>(&dialog, "cancelButton"), Qt::LeftButton);
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(dialog.exam(), original);
}

void TstRubricDialog::cancel_withoutChanges_asksNothing()
{
    Ui::RubricDialog dialog(makeExam(), Ui::RubricDialog::Mode::Edit);
    dialog.show();
    const QString before = QStringLiteral("sentinel");
    Ui::MessageBox::setNextAnswer(QMessageBox::Ok);
    Ui::MessageBox::question(nullptr, {}, before, QMessageBox::Ok, QMessageBox::Ok);
    // Were the dialog to ask, this answer would keep it open and the text would change.
    Ui::MessageBox::setNextAnswer(QMessageBox::Cancel);
    QTest::mouseClick(child<QPushButton>(&dialog, "cancelButton"), Qt::LeftButton);
    QVERIFY(!dialog.isVisible());
    QCOMPARE(Ui::MessageBox::lastText(), before);
}

void TstRubricDialog::draftMissing_requestsThoseQuestionsAndShowsBusyState()
{
    Ui::RubricDialog dialog(makeExam(), Ui::RubricDialog::Mode::ReviewBeforeGrading);
    dialog.show();
    QSignalSpy requested(&dialog, &Ui::RubricDialog::draftRequested);
    QSignalSpy drafting(&dialog, &Ui::RubricDialog::draftingChanged);
    auto *bar = child<QWidget>(&dialog, "draftBar");
    QVERIFY(bar->isHidden());

    QTest::mouseClick(child<QPushButton>(&dialog, "draftMissingButton"), Qt::LeftButton);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.constFirst().constFirst().toStringList(), (QStringList{QStringLiteral("q3"), QStringLiteral("q4")}));
    QCOMPARE(drafting.size(), 1);
    QVERIFY(dialog.isDrafting());
    QVERIFY(bar->isVisible());
    QVERIFY(child<QProgressBar>(&dialog, "draftProgress")->isVisible());
    QVERIFY(child<QPushButton>(&dialog, "cancelDraftButton")->isVisible());
    QVERIFY(!child<QPushButton>(&dialog, "acceptButton")->isEnabled());
    QVERIFY(!child<QPushButton>(&dialog, "draftMissingButton")->isEnabled());
    auto *list = child<QListWidget>(&dialog, "questionList");
    QVERIFY(list->item(2)->text().contains(QStringLiteral("Drafting")));

    // The question being drafted cannot be edited meanwhile; the others can.
    openAt(dialog, 2);
    QVERIFY(!child<QPushButton>(&dialog, "addCriterionButton")->isEnabled());
    QVERIFY(!child<QTableView>(&dialog, "criteriaView")->isEnabled());
    QVERIFY(child<QPlainTextEdit>(&dialog, "guidelinesEdit")->isReadOnly());
    openAt(dialog, 0);
    QVERIFY(child<QPushButton>(&dialog, "addCriterionButton")->isEnabled());
}

void TstRubricDialog::draft_appliedFillsCriteriaAsAiDraft_andFailureIsShown()
{
    Ui::RubricDialog dialog(makeExam(), Ui::RubricDialog::Mode::ReviewBeforeGrading);
    dialog.show();
    QSignalSpy drafting(&dialog, &Ui::RubricDialog::draftingChanged);
    QTest::mouseClick(child<QPushButton>(&dialog, "draftMissingButton"), Qt::LeftButton);

    const Core::Rubric draft{{{QStringLiteral("Mentions friction"), 1.0}, {QStringLiteral("Mentions heat"), 1.0}},
                             QStringLiteral("Accept 'thermal energy'."), Core::RubricOrigin::Exam, 0.5};
    dialog.applyDraft(QStringLiteral("q3"), draft);
    const Core::Rubric applied = *dialog.exam().questions.at(2).rubric;
    QCOMPARE(applied.criteria, draft.criteria);
    QCOMPARE(applied.guidelines, draft.guidelines);
    QCOMPARE(applied.origin, Core::RubricOrigin::Ai);
    QVERIFY(dialog.isDrafting()); // q4 still on its way
    auto *list = child<QListWidget>(&dialog, "questionList");
    QVERIFY2(list->item(2)->text().contains(QStringLiteral("AI draft, not reviewed")), qPrintable(list->item(2)->text()));

    dialog.draftFailed(QStringLiteral("q4"), QStringLiteral("The quota of the API key is exhausted."));
    QVERIFY(!dialog.isDrafting());
    QCOMPARE(drafting.size(), 2);
    QCOMPARE(drafting.last().constFirst().toBool(), false);
    auto *error = child<QLabel>(&dialog, "draftErrorLabel");
    QVERIFY(error->isVisible());
    QVERIFY(error->text().contains(QStringLiteral("Question 4")));
    QVERIFY(error->text().contains(QStringLiteral("quota of the API key is exhausted")));
    QVERIFY(child<QWidget>(&dialog, "draftBar")->isHidden());
    QVERIFY(child<QPushButton>(&dialog, "acceptButton")->isEnabled());
    QVERIFY(!dialog.exam().questions.at(3).rubric);

    // Reviewing the draft shows its criteria; undo takes it back.
    openAt(dialog, 2);
    QCOMPARE(child<QTableView>(&dialog, "criteriaView")->model()->rowCount(), 2);
    QCOMPARE(child<QLabel>(&dialog, "originLabel")->text(), QStringLiteral("Drafted by AI"));
    QTest::mouseClick(child<QToolButton>(&dialog, "undoButton"), Qt::LeftButton);
    QVERIFY(!dialog.exam().questions.at(2).rubric);
}

void TstRubricDialog::draft_cancelled_emitsAndIgnoresLateAnswers()
{
    const Core::Exam original = makeExam();
    Ui::RubricDialog dialog(original, Ui::RubricDialog::Mode::Edit);
    dialog.show();
    QSignalSpy requested(&dialog, &Ui::RubricDialog::draftRequested);
    QSignalSpy cancelled(&dialog, &Ui::RubricDialog::draftCancelled);
    QTest::mouseClick(child<QPushButton>(&dialog, "draftQuestionButton"), Qt::LeftButton);
    QCOMPARE(requested.constFirst().constFirst().toStringList(), QStringList{QStringLiteral("q1")});
    QVERIFY(child<QLabel>(&dialog, "draftStatusLabel")->text().contains(QStringLiteral("Question 1")));

    QTest::mouseClick(child<QPushButton>(&dialog, "cancelDraftButton"), Qt::LeftButton);
    QCOMPARE(cancelled.size(), 1);
    QVERIFY(!dialog.isDrafting());
    QVERIFY(child<QWidget>(&dialog, "draftBar")->isHidden());
    QVERIFY(child<QPushButton>(&dialog, "addCriterionButton")->isEnabled());

    dialog.applyDraft(QStringLiteral("q1"), Core::Rubric{{{QStringLiteral("late"), 4.0}}, {}, Core::RubricOrigin::Ai, 0.5});
    QCOMPARE(dialog.exam(), original);

    // Closing the dialog while a draft is on its way cancels it too.
    QTest::mouseClick(child<QPushButton>(&dialog, "draftQuestionButton"), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>(&dialog, "cancelButton"), Qt::LeftButton);
    QCOMPARE(cancelled.size(), 2);
}

void TstRubricDialog::accept_withSumMismatch_asksFirst()
{
    Ui::RubricDialog dialog(makeExam(), Ui::RubricDialog::Mode::Edit);
    dialog.show();
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    auto *view = child<QTableView>(&dialog, "criteriaView");
    QVERIFY(view->model()->setData(view->model()->index(1, Ui::CriteriaModel::PointsColumn), 1.0));

    Ui::MessageBox::setNextAnswer(QMessageBox::No);
    QTest::mouseClick(child<QPushButton>(&dialog, "acceptButton"), Qt::LeftButton);
    QVERIFY(dialog.isVisible());
    QCOMPARE(accepted.size(), 0);
    QVERIFY2(Ui::MessageBox::lastText().contains(QStringLiteral("Question 1: criteria add up to 3 of 4 points")),
             qPrintable(Ui::MessageBox::lastText()));

    Ui::MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(child<QPushButton>(&dialog, "acceptButton"), Qt::LeftButton);
    QCOMPARE(accepted.size(), 1);
    QCOMPARE(dialog.exam().questions.at(0).rubric->criteriaTotal(), 3.0);
}

QTEST_MAIN(TstRubricDialog)
#include "tst_rubricdialog.moc"
