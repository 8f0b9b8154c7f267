#pragma once

#include "core/domain/copy.h"
#include "core/domain/exam.h"
#include "core/domain/grade.h"

#include <QHash>
#include <QList>
#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QScrollArea;
class QStackedWidget;
class QToolButton;
class QVBoxLayout;

namespace Corrige::Ui {

class QuestionGradeCard;

// The selected copy's grades, question by question: the score that counts (editable), what the model(s) said
// and read, flags and confidence; in dual mode both models side by side with one-click choices.
// It does no IO: a teacher's choice is reported by teacherScoreChosen(); the owner stores it and calls setCopy()
// again with the new grades.
// Keyboard: Alt+Down / Alt+Up go to the next / previous question; type a score, Enter confirms and goes on.
class GradePanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GradePanel)

public:
    explicit GradePanel(QWidget *parent = nullptr);
    ~GradePanel() override;

    // `grades`: every grade of this copy, from every source (model_a, model_b, teacher, final).
    void setCopy(const Core::Exam &exam, const Core::Copy &copy, const QList<Core::QuestionGrade> &grades);
    void clear();
    // The teacher's comments for the student on this copy: by question id, "" for the whole copy.
    void setComments(const QHash<QString, QString> &comments);

    qint64 copyId() const { return m_copy.id; }
    bool hasCopy() const { return m_hasCopy; }
    // Sum of the scores shown (teacher's or final); nullopt when nothing is graded yet.
    std::optional<double> total() const;

    QString currentQuestionId() const;
    // Highlights and scrolls to a question without taking the keyboard focus.
    void setCurrentQuestion(const QString &questionId);
    // Puts the keyboard in that question's score, text selected so typing replaces it.
    void focusQuestion(const QString &questionId);
    void focusNextQuestion();
    void focusPreviousQuestion();

Q_SIGNALS:
    // nullopt: the teacher removed their score; the model's applies again.
    void teacherScoreChosen(qint64 copyId, const QString &questionId, std::optional<double> score);
    void currentQuestionChanged(const QString &questionId);
    // The teacher typed a comment (questionId "" for the whole copy); empty text removes it.
    void commentChanged(qint64 copyId, const QString &questionId, const QString &text);

private:
    void rebuildCards();
    void setCurrentCard(QuestionGradeCard *card);
    void refreshHeader();
    void focusRelative(int delta);
    void scrollTo(QWidget *card);
    QuestionGradeCard *cardOf(const QString &questionId) const;
    QuestionGradeCard *cardContaining(QWidget *widget) const;

    Core::Exam m_exam;
    Core::Copy m_copy;
    QList<QuestionGradeCard *> m_cards;
    QuestionGradeCard *m_current = nullptr;
    QHash<QString, bool> m_expanded; // the teacher's choice per question, kept from copy to copy
    bool m_hasCopy = false;

    QStackedWidget *m_stack = nullptr;
    QLabel *m_emptyLabel = nullptr;
    QLabel *m_titleLabel = nullptr;
    QLabel *m_subtitleLabel = nullptr;
    QLabel *m_totalLabel = nullptr;
    QLabel *m_summaryLabel = nullptr;
    QLabel *m_errorLabel = nullptr;
    QScrollArea *m_scroll = nullptr;
    QWidget *m_cardsWidget = nullptr;
    QVBoxLayout *m_cardsLayout = nullptr;
    QLabel *m_hintLabel = nullptr;
    QToolButton *m_detailsAllButton = nullptr;
    QLineEdit *m_copyCommentEdit = nullptr;
    QString m_copyComment;
};

} // namespace Corrige::Ui
