#pragma once

#include "core/domain/exam.h"
#include "core/domain/grade.h"

#include <QFrame>

#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;
class QWidget;

namespace Corrige::Ui {

class ElidedLabel;
class FlagTags;
class ScoreSpinBox;

// Every grade of one question of one copy, by source.
struct QuestionGradeSet {
    std::optional<Core::QuestionGrade> modelA;
    std::optional<Core::QuestionGrade> modelB;
    std::optional<Core::QuestionGrade> teacher;
    std::optional<Core::QuestionGrade> final;

    bool isDual() const { return modelA.has_value() && modelB.has_value(); }
    // The teacher's grade wins; otherwise the derived final grade; otherwise none yet.
    std::optional<double> effectiveScore() const;
};

// One question in the grade panel: the score the teacher can change, what the model(s) said and why.
class QuestionGradeCard final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QuestionGradeCard)

public:
    explicit QuestionGradeCard(const Core::Question &question, QWidget *parent = nullptr);

    QString questionId() const { return m_question.id; }
    void setGrades(const QuestionGradeSet &grades);
    std::optional<double> shownScore() const { return m_shown; }
    bool isByTeacher() const { return m_shownByTeacher; }
    Core::GradeFlags shownFlags() const;
    // Settles a score typed but not confirmed yet (reported by scoreChosen()).
    void commitPending();

    void setCurrent(bool current);
    bool isCurrent() const { return m_current; }
    void focusScore();
    ScoreSpinBox *scoreSpin() const { return m_scoreSpin; }

    void setDetailsExpanded(bool expanded);
    // The teacher's comment for the student on this question.
    QString comment() const;
    void setComment(const QString &comment);
    bool isDetailsExpanded() const;

Q_SIGNALS:
    // The teacher chose a score (nullopt: remove theirs, back to the model's).
    void scoreChosen(std::optional<double> score);
    void confirmed();          // Enter in the score: go on to the next question
    void nextRequested();
    void previousRequested();
    void activated();          // clicked: becomes the current question
    void detailsToggled(bool expanded);
    void commentEdited(const QString &comment); // when the teacher leaves the field or presses Enter

protected:
    void mousePressEvent(QMouseEvent *event) override;

private:
    void commitTyped();
    void choose(std::optional<double> score);
    void refreshTeacherState();
    double step() const;

    Core::Question m_question;
    QuestionGradeSet m_grades;
    std::optional<double> m_shown;
    bool m_shownByTeacher = false;
    bool m_current = false;
    double m_mean = 0.0;

    ScoreSpinBox *m_scoreSpin = nullptr;
    QLabel *m_maxLabel = nullptr;
    QLabel *m_teacherTag = nullptr;
    QToolButton *m_clearButton = nullptr;
    FlagTags *m_flagTags = nullptr;
    QLabel *m_confidenceLabel = nullptr;
    QToolButton *m_detailsButton = nullptr;
    QWidget *m_infoRow = nullptr;
    QWidget *m_dualRow = nullptr;
    QPushButton *m_takeAButton = nullptr;
    QPushButton *m_takeBButton = nullptr;
    QPushButton *m_meanButton = nullptr;
    QLabel *m_differenceLabel = nullptr;
    QWidget *m_details = nullptr;
    QWidget *m_singleDetails = nullptr;
    QLabel *m_justificationLabel = nullptr;
    QLabel *m_transcriptionLabel = nullptr;
    QWidget *m_dualDetails = nullptr;
    QLabel *m_modelAHeader = nullptr;
    QLabel *m_modelASubheader = nullptr;
    QLabel *m_modelBSubheader = nullptr;
    QLabel *m_modelAJustification = nullptr;
    QLabel *m_modelATranscription = nullptr;
    QLabel *m_modelBHeader = nullptr;
    QLabel *m_modelBJustification = nullptr;
    QLabel *m_modelBTranscription = nullptr;
    QLineEdit *m_commentEdit = nullptr;
    QString m_comment;
};

} // namespace Corrige::Ui
