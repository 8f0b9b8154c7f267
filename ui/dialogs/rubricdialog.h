#pragma once

#include "core/domain/exam.h"

#include <QDialog>
#include <QSet>
#include <QStringList>

#include <functional>
#include <optional>

class QAction;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableView;
class QToolButton;
class QUndoStack;
class QWidget;

namespace Corrige::Ui {

class CriteriaModel;
class PointsDelegate;

// Reviews and edits the rubric of every question before grading (or from the menu). The same rubric is used
// for every copy. Drafting with a model is asynchronous and done by the owner: the dialog asks with
// draftRequested() and shows a busy state until applyDraft(), draftFailed() or a cancel. It does no IO.
class RubricDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RubricDialog)

public:
    enum class Mode {
        ReviewBeforeGrading, // accept button "Continue…" (the grading setup comes next)
        Edit,                // accept button "Save"
    };

    explicit RubricDialog(const Core::Exam &exam, Mode mode, QWidget *parent = nullptr);
    ~RubricDialog() override;

    // The exam with the rubrics as edited; after Cancel, the exam exactly as given.
    Core::Exam exam() const;
    Mode mode() const { return m_mode; }
    bool isModified() const;

    QString currentQuestionId() const;
    void setCurrentQuestion(const QString &questionId);

    bool isDrafting() const { return !m_drafting.isEmpty(); }
    QStringList draftingQuestionIds() const { return m_drafting; }

    // The owner's answers to draftRequested(). Answers for questions no longer awaited (cancelled) are ignored.
    void applyDraft(const QString &questionId, const Core::Rubric &rubric);
    void draftFailed(const QString &questionId, const QString &message);
    void cancelDrafts();

    void accept() override;
    void reject() override;

Q_SIGNALS:
    void draftRequested(const QStringList &questionIds);
    void draftCancelled();
    void draftingChanged(bool drafting);

private:
    enum class State { Drafting, Missing, AiNotReviewed, Mismatch, Ok };

    void buildUi();
    void loadQuestion(int row);
    void showQuestion(const QString &questionId);
    Core::Question *workingQuestion(const QString &questionId);
    const Core::Question *workingQuestion(const QString &questionId) const;
    State stateOf(const Core::Question &question) const;
    void refreshStatuses();
    void refreshSum();
    void refreshEnabled();
    void refreshDraftBar();

    void commitOpenEditor();
    void addCriterion();
    void removeCriterion();
    void moveCriterion(int delta);
    void recordEdit(int row, const Core::Criterion &before, const Core::Criterion &after);
    void pushCriteriaChange(const QString &text, const std::function<void()> &apply,
                            const std::function<void()> &revert, bool alreadyApplied);
    void storeCriteria(const QString &questionId);
    void restoreCriteria(const QString &questionId, const std::optional<Core::Rubric> &before);
    void editGuidelines();
    void editStep();
    Core::Rubric &ensureRubric(Core::Question &question);

    void requestDraft(const QStringList &questionIds);
    void finishDraft(const QString &questionId);
    QStringList problems() const;

    const Core::Exam m_original;
    Core::Exam m_working;
    const Mode m_mode;
    bool m_rejected = false;
    bool m_loading = false;
    int m_currentRow = -1;
    QSet<QString> m_reviewed;         // drafted rubrics the teacher has looked at
    QSet<QString> m_touchedByTeacher; // guidelines or step edited, outside the undo stack
    QStringList m_drafting;
    int m_draftBatchTotal = 0;
    QStringList m_draftErrors;

    QUndoStack *m_undoStack = nullptr;
    CriteriaModel *m_model = nullptr;
    PointsDelegate *m_pointsDelegate = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;

    QLabel *m_introLabel = nullptr;
    QListWidget *m_questionList = nullptr;
    QPushButton *m_draftMissingButton = nullptr;
    QWidget *m_editor = nullptr;
    QLabel *m_questionTitle = nullptr;
    QLabel *m_originLabel = nullptr;
    QLabel *m_questionText = nullptr;
    QLabel *m_maxPointsLabel = nullptr;
    QComboBox *m_stepCombo = nullptr;
    QTableView *m_criteriaView = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_removeButton = nullptr;
    QToolButton *m_moveUpButton = nullptr;
    QToolButton *m_moveDownButton = nullptr;
    QToolButton *m_undoButton = nullptr;
    QToolButton *m_redoButton = nullptr;
    QPushButton *m_draftQuestionButton = nullptr;
    QLabel *m_sumIcon = nullptr;
    QLabel *m_sumLabel = nullptr;
    QPlainTextEdit *m_guidelinesEdit = nullptr;
    QLabel *m_draftErrorLabel = nullptr;
    QWidget *m_draftBar = nullptr;
    QProgressBar *m_draftProgress = nullptr;
    QLabel *m_draftStatusLabel = nullptr;
    QPushButton *m_cancelDraftButton = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_acceptButton = nullptr;
};

} // namespace Corrige::Ui
