#include "ui/dialogs/rubricdialog.h"

#include "ui/dialogs/messagebox.h"
#include "ui/models/criteriamodel.h"
#include "ui/widgets/pointsdelegate.h"
#include "ui/widgets/statusicon.h"
#include "ui/widgets/teardown.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QToolButton>
#include <QUndoCommand>
#include <QUndoStack>
#include <QVBoxLayout>

#include <cmath>

namespace Corrige::Ui {

using namespace Corrige::Core;

namespace {

constexpr double pointsEpsilon = 1e-6;
constexpr int questionIdRole = Qt::UserRole + 1;
constexpr int stateRole = Qt::UserRole + 2;

bool samePoints(double a, double b)
{
    return std::abs(a - b) < pointsEpsilon;
}

QString points(double value)
{
    return QLocale().toString(value, 'g', 6);
}

// "1 point", "4 points", "0.5 points": points can be fractional, so not a %n plural.
QString pointsWithUnit(double value)
{
    return samePoints(value, 1.0) ? RubricDialog::tr("%1 point").arg(points(value))
                                  : RubricDialog::tr("%1 points").arg(points(value));
}

// One undoable change, as a pair of closures. The first redo() may be skipped when the change was already
// made by the view (an edit committed through the model).
class ClosureCommand final : public QUndoCommand
{
public:
    ClosureCommand(const QString &text, std::function<void(bool)> redo, std::function<void()> undo)
        : QUndoCommand(text)
        , m_redo(std::move(redo))
        , m_undo(std::move(undo))
    {
    }

    void redo() override
    {
        m_redo(m_first);
        m_first = false;
    }
    void undo() override { m_undo(); }

private:
    std::function<void(bool)> m_redo;
    std::function<void()> m_undo;
    bool m_first = true;
};

} // namespace

RubricDialog::RubricDialog(const Exam &exam, Mode mode, QWidget *parent)
    : QDialog(parent)
    , m_original(exam)
    , m_working(exam)
    , m_mode(mode)
{
    setObjectName(QStringLiteral("rubricDialog"));
    m_undoStack = new QUndoStack(this);
    m_model = new CriteriaModel(this);
    m_pointsDelegate = new PointsDelegate(this);
    buildUi();

    for (const Question &question : m_working.questions) {
        auto *item = new QListWidgetItem(m_questionList);
        item->setData(questionIdRole, question.id);
    }
    refreshStatuses();
    if (!m_working.questions.isEmpty())
        m_questionList->setCurrentRow(0);
    else
        loadQuestion(-1);
    refreshDraftBar();
}

RubricDialog::~RubricDialog()
{
    // Children outlive this class's part of the object: their last signals (the criteria header resized as
    // the view goes) must not reach it.
    disconnectTeardownSenders(this);
}

void RubricDialog::buildUi()
{
    const bool review = m_mode == Mode::ReviewBeforeGrading;
    setWindowTitle(review ? tr("Review the rubric before grading") : tr("Rubric"));
    setSizeGripEnabled(true);

    m_introLabel = new QLabel(review ? tr("Check the rubric of each question, then continue to the choice of models. "
                                          "The same rubric is used for every copy.")
                                     : tr("The same rubric is used for every copy. Changes apply to the "
                                          "next grading run."),
                              this);
    m_introLabel->setObjectName(QStringLiteral("introLabel"));
    m_introLabel->setWordWrap(true);

    // Left: the questions and how far each rubric is.
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto *listTitle = new QLabel(tr("Questions"), left);
    m_questionList = new QListWidget(left);
    m_questionList->setObjectName(QStringLiteral("questionList"));
    m_questionList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_questionList->setUniformItemSizes(false);
    m_questionList->setWordWrap(true);
    m_questionList->setTextElideMode(Qt::ElideRight);
    listTitle->setBuddy(m_questionList);
    m_draftMissingButton = new QPushButton(tr("Draft missing rubrics with AI"), left);
    m_draftMissingButton->setObjectName(QStringLiteral("draftMissingButton"));
    m_draftMissingButton->setToolTip(tr("Ask the model to draft a rubric for every question that has none. "
                                        "You review the drafts before grading."));
    leftLayout->addWidget(listTitle);
    leftLayout->addWidget(m_questionList, 1);
    leftLayout->addWidget(m_draftMissingButton);

    // Right: the selected question's rubric.
    m_editor = new QWidget(this);
    m_editor->setObjectName(QStringLiteral("rubricEditor"));
    auto *editorLayout = new QVBoxLayout(m_editor);
    editorLayout->setContentsMargins(0, 0, 0, 0);

    auto *titleRow = new QHBoxLayout;
    m_questionTitle = new QLabel(m_editor);
    m_questionTitle->setObjectName(QStringLiteral("questionTitle"));
    QFont titleFont = m_questionTitle->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_questionTitle->setFont(titleFont);
    m_originLabel = new QLabel(m_editor);
    m_originLabel->setObjectName(QStringLiteral("originLabel"));
    m_originLabel->setForegroundRole(QPalette::PlaceholderText);
    titleRow->addWidget(m_questionTitle, 1);
    titleRow->addWidget(m_originLabel);
    editorLayout->addLayout(titleRow);

    m_questionText = new QLabel(m_editor);
    m_questionText->setObjectName(QStringLiteral("questionText"));
    m_questionText->setTextFormat(Qt::PlainText);
    m_questionText->setWordWrap(true);
    m_questionText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_questionText->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    editorLayout->addWidget(m_questionText);

    auto *pointsRow = new QHBoxLayout;
    m_maxPointsLabel = new QLabel(m_editor);
    m_maxPointsLabel->setObjectName(QStringLiteral("maxPointsLabel"));
    auto *stepLabel = new QLabel(tr("Scores in steps of"), m_editor);
    m_stepCombo = new QComboBox(m_editor);
    m_stepCombo->setObjectName(QStringLiteral("stepCombo"));
    for (const double step : {0.25, 0.5, 1.0})
        m_stepCombo->addItem(points(step), step);
    m_stepCombo->setToolTip(tr("Grades for this question are rounded to a multiple of this step."));
    stepLabel->setBuddy(m_stepCombo);
    pointsRow->addWidget(m_maxPointsLabel);
    pointsRow->addStretch(1);
    pointsRow->addWidget(stepLabel);
    pointsRow->addWidget(m_stepCombo);
    editorLayout->addLayout(pointsRow);

    auto *criteriaTitle = new QLabel(tr("Criteria"), m_editor);
    editorLayout->addWidget(criteriaTitle);
    m_criteriaView = new QTableView(m_editor);
    m_criteriaView->setObjectName(QStringLiteral("criteriaView"));
    m_criteriaView->setModel(m_model);
    m_criteriaView->setItemDelegateForColumn(CriteriaModel::PointsColumn, m_pointsDelegate);
    m_criteriaView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_criteriaView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_criteriaView->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                                    | QAbstractItemView::AnyKeyPressed);
    m_criteriaView->setWordWrap(true);
    m_criteriaView->setAlternatingRowColors(true);
    m_criteriaView->horizontalHeader()->setSectionResizeMode(CriteriaModel::DescriptionColumn,
                                                             QHeaderView::Stretch);
    m_criteriaView->horizontalHeader()->setSectionResizeMode(CriteriaModel::PointsColumn,
                                                             QHeaderView::ResizeToContents);
    // Long criteria wrap; rows follow the description column's width.
    m_criteriaView->verticalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    // Deferred: during a resize the header reports new widths before the view has taken them.
    const auto fitRows = [this] {
        QMetaObject::invokeMethod(m_criteriaView, &QTableView::resizeRowsToContents, Qt::QueuedConnection);
    };
    connect(m_criteriaView->horizontalHeader(), &QHeaderView::sectionResized, this, fitRows);
    connect(m_model, &QAbstractItemModel::modelReset, this, fitRows);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, fitRows);
    connect(m_model, &QAbstractItemModel::rowsMoved, this, fitRows);
    connect(m_model, &QAbstractItemModel::dataChanged, this, fitRows);
    criteriaTitle->setBuddy(m_criteriaView);
    editorLayout->addWidget(m_criteriaView, 3);

    m_undoAction = new QAction(tr("Undo"), this);
    m_undoAction->setObjectName(QStringLiteral("undoAction"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_undoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_redoAction = new QAction(tr("Redo"), this);
    m_redoAction->setObjectName(QStringLiteral("redoAction"));
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    const QKeySequence ctrlShiftZ(Qt::CTRL | Qt::SHIFT | Qt::Key_Z);
    if (!redoKeys.contains(ctrlShiftZ))
        redoKeys.append(ctrlShiftZ);
    m_redoAction->setShortcuts(redoKeys);
    m_redoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_undoAction);
    addAction(m_redoAction);

    auto *buttonRow = new QHBoxLayout;
    m_addButton = new QPushButton(tr("Add"), m_editor);
    m_addButton->setObjectName(QStringLiteral("addCriterionButton"));
    m_addButton->setToolTip(tr("Add a criterion below the selected one"));
    m_removeButton = new QPushButton(tr("Remove"), m_editor);
    m_removeButton->setObjectName(QStringLiteral("removeCriterionButton"));
    m_moveUpButton = new QToolButton(m_editor);
    m_moveUpButton->setObjectName(QStringLiteral("moveUpButton"));
    m_moveUpButton->setArrowType(Qt::UpArrow);
    m_moveUpButton->setToolTip(tr("Move up"));
    m_moveUpButton->setAccessibleName(tr("Move up"));
    m_moveDownButton = new QToolButton(m_editor);
    m_moveDownButton->setObjectName(QStringLiteral("moveDownButton"));
    m_moveDownButton->setArrowType(Qt::DownArrow);
    m_moveDownButton->setToolTip(tr("Move down"));
    m_moveDownButton->setAccessibleName(tr("Move down"));
    m_undoButton = new QToolButton(m_editor);
    m_undoButton->setObjectName(QStringLiteral("undoButton"));
    m_undoButton->setDefaultAction(m_undoAction);
    m_undoAction->setToolTip(tr("Undo (%1)").arg(m_undoAction->shortcut().toString(QKeySequence::NativeText)));
    m_redoButton = new QToolButton(m_editor);
    m_redoButton->setObjectName(QStringLiteral("redoButton"));
    m_redoButton->setDefaultAction(m_redoAction);
    m_redoAction->setToolTip(tr("Redo (%1)").arg(ctrlShiftZ.toString(QKeySequence::NativeText)));
    m_draftQuestionButton = new QPushButton(tr("Draft with AI"), m_editor);
    m_draftQuestionButton->setObjectName(QStringLiteral("draftQuestionButton"));
    m_draftQuestionButton->setToolTip(tr("Ask the model to draft the criteria of this question. "
                                         "The draft replaces the current criteria; you can undo it."));
    buttonRow->addWidget(m_addButton);
    buttonRow->addWidget(m_removeButton);
    buttonRow->addWidget(m_moveUpButton);
    buttonRow->addWidget(m_moveDownButton);
    buttonRow->addSpacing(fontMetrics().averageCharWidth() * 2);
    buttonRow->addWidget(m_undoButton);
    buttonRow->addWidget(m_redoButton);
    buttonRow->addStretch(1);
    buttonRow->addWidget(m_draftQuestionButton);
    editorLayout->addLayout(buttonRow);

    auto *sumRow = new QHBoxLayout;
    m_sumIcon = new QLabel(m_editor);
    m_sumIcon->setObjectName(QStringLiteral("sumIcon"));
    m_sumLabel = new QLabel(m_editor);
    m_sumLabel->setObjectName(QStringLiteral("sumLabel"));
    m_sumLabel->setWordWrap(true);
    sumRow->addWidget(m_sumIcon);
    sumRow->addWidget(m_sumLabel, 1);
    editorLayout->addLayout(sumRow);

    auto *guidelinesTitle = new QLabel(tr("Guidelines for the model"), m_editor);
    m_guidelinesEdit = new QPlainTextEdit(m_editor);
    m_guidelinesEdit->setObjectName(QStringLiteral("guidelinesEdit"));
    m_guidelinesEdit->setPlaceholderText(tr("What to accept, common mistakes, how to give partial credit…"));
    m_guidelinesEdit->setTabChangesFocus(true);
    guidelinesTitle->setBuddy(m_guidelinesEdit);
    editorLayout->addWidget(guidelinesTitle);
    editorLayout->addWidget(m_guidelinesEdit, 1);

    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("rubricSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(left);
    splitter->addWidget(m_editor);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);

    // Bottom: drafting state and errors, then the decision.
    m_draftErrorLabel = new QLabel(this);
    m_draftErrorLabel->setObjectName(QStringLiteral("draftErrorLabel"));
    m_draftErrorLabel->setTextFormat(Qt::PlainText); // messages may quote a server's reply
    m_draftErrorLabel->setWordWrap(true);
    m_draftErrorLabel->setFrameShape(QFrame::StyledPanel);
    m_draftErrorLabel->setMargin(fontMetrics().averageCharWidth());
    {
        QPalette palette = m_draftErrorLabel->palette();
        palette.setColor(QPalette::WindowText, StatusColor::problem);
        m_draftErrorLabel->setPalette(palette);
    }
    m_draftErrorLabel->hide();

    m_draftBar = new QWidget(this);
    m_draftBar->setObjectName(QStringLiteral("draftBar"));
    auto *draftLayout = new QHBoxLayout(m_draftBar);
    draftLayout->setContentsMargins(0, 0, 0, 0);
    m_draftStatusLabel = new QLabel(m_draftBar);
    m_draftStatusLabel->setObjectName(QStringLiteral("draftStatusLabel"));
    m_draftProgress = new QProgressBar(m_draftBar);
    m_draftProgress->setObjectName(QStringLiteral("draftProgress"));
    m_draftProgress->setTextVisible(false);
    m_cancelDraftButton = new QPushButton(tr("Cancel draft"), m_draftBar);
    m_cancelDraftButton->setObjectName(QStringLiteral("cancelDraftButton"));
    draftLayout->addWidget(m_draftStatusLabel);
    draftLayout->addWidget(m_draftProgress, 1);
    draftLayout->addWidget(m_cancelDraftButton);

    m_buttons = new QDialogButtonBox(this);
    m_buttons->setObjectName(QStringLiteral("buttonBox"));
    m_acceptButton = m_buttons->addButton(review ? tr("Continue…") : tr("Save"), QDialogButtonBox::AcceptRole);
    m_acceptButton->setObjectName(QStringLiteral("acceptButton"));
    m_acceptButton->setDefault(true);
    QPushButton *cancel = m_buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    cancel->setAutoDefault(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_introLabel);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_draftErrorLabel);
    layout->addWidget(m_draftBar);
    layout->addWidget(m_buttons);

    const QFontMetrics metrics = fontMetrics();
    resize(metrics.averageCharWidth() * 150, metrics.lineSpacing() * 40);

    connect(m_questionList, &QListWidget::currentRowChanged, this, &RubricDialog::loadQuestion);
    connect(m_model, &CriteriaModel::criterionEdited, this, &RubricDialog::recordEdit);
    connect(m_criteriaView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &RubricDialog::refreshEnabled);
    connect(m_addButton, &QPushButton::clicked, this, &RubricDialog::addCriterion);
    connect(m_removeButton, &QPushButton::clicked, this, &RubricDialog::removeCriterion);
    connect(m_moveUpButton, &QToolButton::clicked, this, [this] { moveCriterion(-1); });
    connect(m_moveDownButton, &QToolButton::clicked, this, [this] { moveCriterion(+1); });
    connect(m_guidelinesEdit, &QPlainTextEdit::textChanged, this, &RubricDialog::editGuidelines);
    connect(m_stepCombo, &QComboBox::currentIndexChanged, this, &RubricDialog::editStep);
    connect(m_undoAction, &QAction::triggered, m_undoStack, &QUndoStack::undo);
    connect(m_redoAction, &QAction::triggered, m_undoStack, &QUndoStack::redo);
    connect(m_undoStack, &QUndoStack::indexChanged, this, &RubricDialog::refreshEnabled);
    connect(m_draftQuestionButton, &QPushButton::clicked, this, [this] {
        const QString id = currentQuestionId();
        if (!id.isEmpty())
            requestDraft({id});
    });
    connect(m_draftMissingButton, &QPushButton::clicked, this, [this] {
        QStringList ids;
        for (const Question &question : std::as_const(m_working.questions)) {
            if (stateOf(question) == State::Missing)
                ids.append(question.id);
        }
        requestDraft(ids);
    });
    connect(m_cancelDraftButton, &QPushButton::clicked, this, &RubricDialog::cancelDrafts);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RubricDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &RubricDialog::reject);
}

Exam RubricDialog::exam() const
{
    if (m_rejected)
        return m_original;
    Exam result = m_working;
    for (int i = 0; i < result.questions.size(); ++i) {
        Question &question = result.questions[i];
        // Typing then erasing guidelines must not turn "no rubric" into an empty one.
        if (question.rubric && question.rubric->isEmpty() && !m_original.questions.at(i).rubric)
            question.rubric.reset();
    }
    return result;
}

bool RubricDialog::isModified() const
{
    if (m_rejected)
        return false;
    return exam() != m_original;
}

QString RubricDialog::currentQuestionId() const
{
    if (m_currentRow < 0 || m_currentRow >= m_working.questions.size())
        return {};
    return m_working.questions.at(m_currentRow).id;
}

void RubricDialog::setCurrentQuestion(const QString &questionId)
{
    showQuestion(questionId);
}

Question *RubricDialog::workingQuestion(const QString &questionId)
{
    const int index = m_working.indexOf(questionId);
    return index >= 0 ? &m_working.questions[index] : nullptr;
}

const Question *RubricDialog::workingQuestion(const QString &questionId) const
{
    return m_working.question(questionId);
}

Rubric &RubricDialog::ensureRubric(Question &question)
{
    if (!question.rubric)
        question.rubric = Rubric{{}, {}, RubricOrigin::Teacher, 0.5};
    return *question.rubric;
}

void RubricDialog::showQuestion(const QString &questionId)
{
    const int row = m_working.indexOf(questionId);
    if (row < 0 || row == m_currentRow)
        return;
    m_questionList->setCurrentRow(row); // loads it through currentRowChanged
}

void RubricDialog::loadQuestion(int row)
{
    commitOpenEditor(); // to the question it belongs to, before the model shows another one
    m_currentRow = row;
    m_loading = true;
    const Question *question = row >= 0 && row < m_working.questions.size() ? &m_working.questions.at(row) : nullptr;
    if (!question) {
        m_model->setCriteria({});
        m_questionTitle->clear();
        m_questionText->clear();
        m_maxPointsLabel->clear();
        m_originLabel->clear();
        m_guidelinesEdit->clear();
        m_loading = false;
        refreshSum();
        refreshEnabled();
        return;
    }
    m_reviewed.insert(question->id);
    m_questionTitle->setText(question->displayLabel());
    m_questionText->setText(question->text.isEmpty() ? tr("(No question text in the exam file.)") : question->text);
    m_maxPointsLabel->setText(tr("Maximum: %1").arg(pointsWithUnit(question->maxPoints)));
    m_model->setMaximumPoints(question->maxPoints);
    m_model->setCriteria(question->rubric ? question->rubric->criteria : QList<Criterion>());
    m_pointsDelegate->setMaximum(question->maxPoints);
    const double step = question->rubric ? question->rubric->step : 0.5;
    m_pointsDelegate->setStep(step);
    int stepIndex = m_stepCombo->findData(step);
    if (stepIndex < 0) {
        m_stepCombo->addItem(points(step), step);
        stepIndex = m_stepCombo->count() - 1;
    }
    m_stepCombo->setCurrentIndex(stepIndex);
    m_guidelinesEdit->setPlainText(question->rubric ? question->rubric->guidelines : QString());
    if (!question->rubric || question->rubric->criteria.isEmpty())
        m_originLabel->clear();
    else if (question->rubric->origin == RubricOrigin::Ai)
        m_originLabel->setText(tr("Drafted by AI"));
    else if (question->rubric->origin == RubricOrigin::Teacher)
        m_originLabel->setText(tr("Edited by you"));
    else
        m_originLabel->setText(tr("From the exam file"));
    m_loading = false;
    refreshSum();
    refreshStatuses();
    refreshEnabled();
}

RubricDialog::State RubricDialog::stateOf(const Question &question) const
{
    if (m_drafting.contains(question.id))
        return State::Drafting;
    if (!question.rubric || question.rubric->criteria.isEmpty())
        return State::Missing;
    if (question.rubric->origin == RubricOrigin::Ai && !m_reviewed.contains(question.id))
        return State::AiNotReviewed;
    if (!samePoints(question.rubric->criteriaTotal(), question.maxPoints))
        return State::Mismatch;
    return State::Ok;
}

void RubricDialog::refreshStatuses()
{
    for (int row = 0; row < m_working.questions.size() && row < m_questionList->count(); ++row) {
        const Question &question = m_working.questions.at(row);
        QListWidgetItem *item = m_questionList->item(row);
        const State state = stateOf(question);
        QString status;
        QColor color;
        switch (state) {
        case State::Drafting:
            status = tr("Drafting…");
            color = StatusColor::busy;
            break;
        case State::Missing:
            status = tr("No rubric");
            color = StatusColor::problem;
            break;
        case State::AiNotReviewed:
            status = tr("AI draft, not reviewed");
            color = StatusColor::attention;
            break;
        case State::Mismatch:
            status = tr("Sums to %1 of %2").arg(points(question.rubric->criteriaTotal()), points(question.maxPoints));
            color = StatusColor::problem;
            break;
        case State::Ok:
            status = tr("OK, %1").arg(pointsWithUnit(question.maxPoints));
            color = StatusColor::ok;
            break;
        }
        item->setText(tr("%1\n%2", "question label, then its rubric status on a second line")
                          .arg(question.displayLabel(), status));
        item->setToolTip(question.text);
        item->setIcon(statusDotIcon(color));
        item->setData(stateRole, int(state));
    }
    bool anyMissing = false;
    for (const Question &question : std::as_const(m_working.questions))
        anyMissing = anyMissing || stateOf(question) == State::Missing;
    m_draftMissingButton->setEnabled(anyMissing && !isDrafting());
}

void RubricDialog::refreshSum()
{
    const Question *question = workingQuestion(currentQuestionId());
    bool warning = false;
    QString text;
    if (!question) {
        text.clear();
    } else if (m_drafting.contains(question->id)) {
        text = tr("The model is drafting the criteria of this question…");
    } else if (m_model->rowCount() == 0) {
        warning = true;
        text = tr("No criteria yet: add some, or draft them with AI.");
    } else {
        const double total = m_model->total();
        warning = !samePoints(total, question->maxPoints);
        if (!warning)
            text = tr("Criteria add up to %1 of %2.");
        else if (total > question->maxPoints)
            text = tr("Criteria add up to %1 of %2: more than the maximum.");
        else
            text = tr("Criteria add up to %1 of %2: some points cannot be earned.");
        text = text.arg(points(total), pointsWithUnit(question->maxPoints));
    }
    m_sumLabel->setText(text);
    m_sumLabel->setProperty("warning", warning);
    QFont font = m_sumLabel->font();
    font.setBold(warning);
    m_sumLabel->setFont(font);
    QPalette palette = this->palette();
    if (warning)
        palette.setColor(QPalette::WindowText, StatusColor::problem);
    m_sumLabel->setPalette(palette);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    if (text.isEmpty() || (question && m_drafting.contains(question->id)))
        m_sumIcon->clear();
    else
        m_sumIcon->setPixmap(
            style()
                ->standardIcon(warning ? QStyle::SP_MessageBoxWarning : QStyle::SP_DialogApplyButton, nullptr, this)
                .pixmap(QSize(iconSize, iconSize), devicePixelRatioF()));
}

void RubricDialog::refreshEnabled()
{
    const QString id = currentQuestionId();
    const bool drafting = isDrafting();
    const bool editable = !id.isEmpty() && !m_drafting.contains(id);
    const int row = m_criteriaView->currentIndex().isValid() ? m_criteriaView->currentIndex().row() : -1;
    m_criteriaView->setEnabled(editable);
    m_guidelinesEdit->setReadOnly(!editable);
    m_stepCombo->setEnabled(editable);
    m_addButton->setEnabled(editable);
    m_removeButton->setEnabled(editable && row >= 0);
    m_moveUpButton->setEnabled(editable && row > 0);
    m_moveDownButton->setEnabled(editable && row >= 0 && row < m_model->rowCount() - 1);
    // Undoing while a draft is on its way could rewrite the question the draft will land on.
    m_undoAction->setEnabled(!drafting && m_undoStack->canUndo());
    m_redoAction->setEnabled(!drafting && m_undoStack->canRedo());
    m_draftQuestionButton->setEnabled(editable && !drafting);
    m_acceptButton->setEnabled(!drafting);
}

void RubricDialog::refreshDraftBar()
{
    m_draftBar->setVisible(isDrafting());
    if (isDrafting()) {
        const int remaining = int(m_drafting.size());
        if (m_draftBatchTotal <= 1) {
            const Question *question = workingQuestion(m_drafting.constFirst());
            m_draftStatusLabel->setText(
                tr("Drafting the rubric of %1…").arg(question ? question->displayLabel() : m_drafting.constFirst()));
            m_draftProgress->setRange(0, 0);
        } else {
            m_draftStatusLabel->setText(tr("Drafting rubrics: %1 of %2 done…")
                                            .arg(m_draftBatchTotal - remaining)
                                            .arg(m_draftBatchTotal));
            m_draftProgress->setRange(0, m_draftBatchTotal);
            m_draftProgress->setValue(m_draftBatchTotal - remaining);
        }
    }
    m_draftErrorLabel->setText(m_draftErrors.join(QLatin1Char('\n')));
    m_draftErrorLabel->setVisible(!m_draftErrors.isEmpty());
    refreshStatuses();
    refreshEnabled();
}

void RubricDialog::commitOpenEditor()
{
    const QModelIndex current = m_criteriaView->currentIndex();
    if (!current.isValid() || !m_criteriaView->indexWidget(current))
        return;
    // Moving the current index away commits and closes the editor of the previous one.
    m_criteriaView->selectionModel()->setCurrentIndex(QModelIndex(), QItemSelectionModel::NoUpdate);
    m_criteriaView->selectionModel()->setCurrentIndex(current, QItemSelectionModel::NoUpdate);
}

void RubricDialog::addCriterion()
{
    const QString id = currentQuestionId();
    const Question *question = workingQuestion(id);
    if (!question || m_drafting.contains(id))
        return;
    const int row = m_criteriaView->currentIndex().isValid() ? m_criteriaView->currentIndex().row() + 1
                                                              : m_model->rowCount();
    // Offer the points still missing, so a teacher who adds the last criterion lands on the maximum.
    const double step = m_pointsDelegate->step();
    const double remaining = question->maxPoints - m_model->total();
    const Criterion criterion{QString(), remaining >= step ? std::floor(remaining / step + pointsEpsilon) * step
                                                           : step};
    pushCriteriaChange(
        tr("Add a criterion to %1").arg(question->displayLabel()),
        [this, row, criterion] { m_model->insertCriterion(row, criterion); },
        [this, row] { m_model->removeCriterion(row); }, false);
    const QModelIndex index = m_model->index(row, CriteriaModel::DescriptionColumn);
    m_criteriaView->setCurrentIndex(index);
    m_criteriaView->setFocus();
    m_criteriaView->edit(index);
}

void RubricDialog::removeCriterion()
{
    const QString id = currentQuestionId();
    const Question *question = workingQuestion(id);
    const QModelIndex current = m_criteriaView->currentIndex();
    if (!question || !current.isValid() || m_drafting.contains(id))
        return;
    const int row = current.row();
    const Criterion criterion = m_model->criteria().at(row);
    pushCriteriaChange(
        tr("Remove a criterion from %1").arg(question->displayLabel()),
        [this, row] { m_model->removeCriterion(row); },
        [this, row, criterion] { m_model->insertCriterion(row, criterion); }, false);
    if (m_model->rowCount() > 0)
        m_criteriaView->setCurrentIndex(m_model->index(std::min(row, m_model->rowCount() - 1), 0));
}

void RubricDialog::moveCriterion(int delta)
{
    const QString id = currentQuestionId();
    const Question *question = workingQuestion(id);
    const QModelIndex current = m_criteriaView->currentIndex();
    if (!question || !current.isValid() || m_drafting.contains(id))
        return;
    const int from = current.row();
    const int to = from + delta;
    if (to < 0 || to >= m_model->rowCount())
        return;
    pushCriteriaChange(
        tr("Move a criterion of %1").arg(question->displayLabel()),
        [this, from, to] { m_model->moveCriterion(from, to); },
        [this, from, to] { m_model->moveCriterion(to, from); }, false);
    m_criteriaView->setCurrentIndex(m_model->index(to, current.column()));
}

void RubricDialog::recordEdit(int row, const Criterion &before, const Criterion &after)
{
    const Question *question = workingQuestion(currentQuestionId());
    if (!question)
        return;
    pushCriteriaChange(
        tr("Edit a criterion of %1").arg(question->displayLabel()),
        [this, row, after] { m_model->setCriterion(row, after); },
        [this, row, before] { m_model->setCriterion(row, before); }, true);
}

void RubricDialog::pushCriteriaChange(const QString &text, const std::function<void()> &apply,
                                      const std::function<void()> &revert, bool alreadyApplied)
{
    const QString id = currentQuestionId();
    const Question *question = workingQuestion(id);
    Q_ASSERT(question);
    const std::optional<Rubric> before = question->rubric;
    auto redo = [this, id, apply, alreadyApplied](bool first) {
        showQuestion(id);
        if (!(first && alreadyApplied))
            apply();
        storeCriteria(id);
    };
    auto undo = [this, id, revert, before] {
        showQuestion(id);
        revert();
        restoreCriteria(id, before);
    };
    m_undoStack->push(new ClosureCommand(text, redo, undo));
}

void RubricDialog::storeCriteria(const QString &questionId)
{
    Question *question = workingQuestion(questionId);
    Q_ASSERT(question && questionId == currentQuestionId());
    Rubric &rubric = ensureRubric(*question);
    rubric.criteria = m_model->criteria();
    rubric.origin = RubricOrigin::Teacher;
    m_originLabel->setText(tr("Edited by you"));
    refreshSum();
    refreshStatuses();
    refreshEnabled();
}

void RubricDialog::restoreCriteria(const QString &questionId, const std::optional<Rubric> &before)
{
    Question *question = workingQuestion(questionId);
    Q_ASSERT(question);
    if (!m_touchedByTeacher.contains(questionId)) {
        question->rubric = before;
    } else {
        // Guidelines or step were edited since: keep them, and the rubric stays the teacher's.
        Rubric &rubric = ensureRubric(*question);
        rubric.criteria = before ? before->criteria : QList<Criterion>();
        rubric.origin = RubricOrigin::Teacher;
    }
    loadQuestion(m_currentRow);
}

void RubricDialog::editGuidelines()
{
    Question *question = workingQuestion(currentQuestionId());
    if (m_loading || !question)
        return;
    Rubric &rubric = ensureRubric(*question);
    if (rubric.guidelines == m_guidelinesEdit->toPlainText())
        return;
    rubric.guidelines = m_guidelinesEdit->toPlainText();
    rubric.origin = RubricOrigin::Teacher;
    m_touchedByTeacher.insert(question->id);
    if (!rubric.criteria.isEmpty())
        m_originLabel->setText(tr("Edited by you"));
    refreshStatuses();
}

void RubricDialog::editStep()
{
    Question *question = workingQuestion(currentQuestionId());
    if (m_loading || !question)
        return;
    const double step = m_stepCombo->currentData().toDouble();
    Rubric &rubric = ensureRubric(*question);
    if (samePoints(rubric.step, step))
        return;
    rubric.step = step;
    rubric.origin = RubricOrigin::Teacher;
    m_touchedByTeacher.insert(question->id);
    m_pointsDelegate->setStep(step);
    refreshStatuses();
}

void RubricDialog::requestDraft(const QStringList &questionIds)
{
    QStringList ids;
    for (const QString &id : questionIds) {
        if (workingQuestion(id) && !m_drafting.contains(id))
            ids.append(id);
    }
    if (ids.isEmpty())
        return;
    commitOpenEditor();
    const bool wasDrafting = isDrafting();
    if (!wasDrafting) {
        m_draftBatchTotal = 0;
        m_draftErrors.clear();
    }
    m_drafting.append(ids);
    m_draftBatchTotal += int(ids.size());
    refreshDraftBar();
    if (!wasDrafting)
        Q_EMIT draftingChanged(true);
    Q_EMIT draftRequested(ids);
}

void RubricDialog::finishDraft(const QString &questionId)
{
    m_drafting.removeAll(questionId);
    refreshDraftBar();
    if (m_currentRow >= 0 && currentQuestionId() == questionId)
        loadQuestion(m_currentRow);
    if (!isDrafting())
        Q_EMIT draftingChanged(false);
}

void RubricDialog::applyDraft(const QString &questionId, const Rubric &rubric)
{
    if (!m_drafting.contains(questionId))
        return; // cancelled, or never asked: a late answer must not overwrite the teacher's work
    Question *question = workingQuestion(questionId);
    Q_ASSERT(question);
    Rubric draft = rubric;
    draft.origin = RubricOrigin::Ai;
    if (draft.step <= 0.0)
        draft.step = question->rubric ? question->rubric->step : 0.5;
    const std::optional<Rubric> before = question->rubric;
    const bool wasTouched = m_touchedByTeacher.contains(questionId);
    auto redo = [this, questionId, draft](bool first) {
        if (!first)
            showQuestion(questionId);
        workingQuestion(questionId)->rubric = draft;
        m_touchedByTeacher.remove(questionId);
        if (currentQuestionId() != questionId)
            m_reviewed.remove(questionId);
        else
            loadQuestion(m_currentRow);
        refreshStatuses();
    };
    auto undo = [this, questionId, before, wasTouched] {
        showQuestion(questionId);
        workingQuestion(questionId)->rubric = before;
        if (wasTouched)
            m_touchedByTeacher.insert(questionId);
        loadQuestion(m_currentRow);
    };
    m_undoStack->push(new ClosureCommand(tr("Draft the rubric of %1").arg(question->displayLabel()), redo, undo));
    finishDraft(questionId);
}

void RubricDialog::draftFailed(const QString &questionId, const QString &message)
{
    if (!m_drafting.contains(questionId))
        return;
    const Question *question = workingQuestion(questionId);
    m_draftErrors.append(tr("Could not draft the rubric of %1: %2")
                             .arg(question ? question->displayLabel() : questionId, message));
    finishDraft(questionId);
}

void RubricDialog::cancelDrafts()
{
    if (!isDrafting())
        return;
    m_drafting.clear();
    refreshDraftBar();
    if (m_currentRow >= 0)
        loadQuestion(m_currentRow);
    Q_EMIT draftCancelled();
    Q_EMIT draftingChanged(false);
}

QStringList RubricDialog::problems() const
{
    QStringList lines;
    for (const Question &question : m_working.questions) {
        switch (stateOf(question)) {
        case State::Missing:
            if (m_mode == Mode::ReviewBeforeGrading)
                lines.append(tr("%1: no rubric; the model will grade from the question alone.")
                                 .arg(question.displayLabel()));
            break;
        case State::AiNotReviewed:
            if (m_mode == Mode::ReviewBeforeGrading)
                lines.append(tr("%1: drafted by AI, not reviewed yet.").arg(question.displayLabel()));
            if (!samePoints(question.rubric->criteriaTotal(), question.maxPoints))
                lines.append(tr("%1: criteria add up to %2 of %3.")
                                 .arg(question.displayLabel(), points(question.rubric->criteriaTotal()),
                                      pointsWithUnit(question.maxPoints)));
            break;
        case State::Mismatch:
            lines.append(tr("%1: criteria add up to %2 of %3.")
                             .arg(question.displayLabel(), points(question.rubric->criteriaTotal()),
                                  pointsWithUnit(question.maxPoints)));
            break;
        case State::Drafting:
        case State::Ok:
            break;
        }
        if (question.rubric) {
            for (const Criterion &criterion : question.rubric->criteria) {
                if (criterion.description.trimmed().isEmpty()) {
                    lines.append(tr("%1: a criterion has no description.").arg(question.displayLabel()));
                    break;
                }
            }
        }
    }
    return lines;
}

void RubricDialog::accept()
{
    if (isDrafting())
        return;
    commitOpenEditor(); // the cell being edited counts in the sums
    const QStringList lines = problems();
    if (!lines.isEmpty()) {
        const bool review = m_mode == Mode::ReviewBeforeGrading;
        const QString text = tr("Some rubrics need attention:\n\n%1\n\n%2")
                                 .arg(lines.join(QLatin1Char('\n')),
                                      review ? tr("Continue anyway?") : tr("Save anyway?"));
        const auto answer = MessageBox::question(this, review ? tr("Continue to grading?") : tr("Save the rubric?"), text,
                                                 QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes)
            return;
    }
    m_rejected = false;
    QDialog::accept();
}

void RubricDialog::reject()
{
    if (isModified()) {
        const auto answer = MessageBox::question(this, tr("Discard changes?"),
                                                 tr("Discard your changes to the rubric?"),
                                                 QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard)
            return;
    }
    cancelDrafts();
    m_rejected = true;
    QDialog::reject();
}

} // namespace Corrige::Ui
