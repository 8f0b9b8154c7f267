#include "ui/widgets/gradepanel.h"

#include "ui/widgets/questiongradecard.h"
#include "ui/widgets/scorespinbox.h"
#include "ui/widgets/statusicon.h"
#include "ui/widgets/teardown.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QScrollArea>
#include <QScrollBar>
#include <QShortcut>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace Corrige::Ui {

using namespace Corrige::Core;

namespace {

QString number(double value)
{
    return QLocale().toString(value, 'g', QLocale::FloatingPointShortest);
}

} // namespace

GradePanel::GradePanel(QWidget *parent)
    : QWidget(parent)
{
    qRegisterMetaType<std::optional<double>>();
    setObjectName(QStringLiteral("gradePanel"));

    m_emptyLabel = new QLabel(tr("Select a copy to see its grades."), this);
    m_emptyLabel->setObjectName(QStringLiteral("gradePanelEmptyLabel"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setForegroundRole(QPalette::PlaceholderText);

    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);

    // Who, and the total that will be exported.
    auto *header = new QWidget(content);
    header->setObjectName(QStringLiteral("gradePanelHeader"));
    auto *headerLayout = new QGridLayout(header);
    const int margin = fontMetrics().averageCharWidth();
    headerLayout->setContentsMargins(margin, margin / 2, margin, margin / 2);
    m_titleLabel = new QLabel(header);
    m_titleLabel->setObjectName(QStringLiteral("copyTitleLabel"));
    m_titleLabel->setTextFormat(Qt::PlainText);
    QFont titleFont = m_titleLabel->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_titleLabel->setFont(titleFont);
    m_subtitleLabel = new QLabel(header);
    m_subtitleLabel->setObjectName(QStringLiteral("copySubtitleLabel"));
    m_subtitleLabel->setTextFormat(Qt::PlainText);
    m_subtitleLabel->setForegroundRole(QPalette::PlaceholderText);
    m_totalLabel = new QLabel(header);
    m_totalLabel->setObjectName(QStringLiteral("totalLabel"));
    m_totalLabel->setFont(titleFont);
    m_totalLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_summaryLabel = new QLabel(header);
    m_summaryLabel->setObjectName(QStringLiteral("summaryLabel"));
    m_summaryLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_detailsAllButton = new QToolButton(header);
    m_detailsAllButton->setObjectName(QStringLiteral("detailsAllButton"));
    m_detailsAllButton->setCheckable(true);
    m_detailsAllButton->setAutoRaise(true);
    m_detailsAllButton->setText(tr("Show all details"));
    m_detailsAllButton->setToolTip(tr("Show or hide the justification and transcription of every question"));
    headerLayout->addWidget(m_titleLabel, 0, 0);
    headerLayout->addWidget(m_totalLabel, 0, 1);
    headerLayout->addWidget(m_subtitleLabel, 1, 0);
    headerLayout->addWidget(m_summaryLabel, 1, 1);
    headerLayout->addWidget(m_detailsAllButton, 2, 0, 1, 2, Qt::AlignLeft);
    headerLayout->setColumnStretch(0, 1);
    contentLayout->addWidget(header);

    m_errorLabel = new QLabel(content);
    m_errorLabel->setObjectName(QStringLiteral("copyErrorLabel"));
    m_errorLabel->setTextFormat(Qt::PlainText);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setFrameShape(QFrame::StyledPanel);
    m_errorLabel->setMargin(margin);
    {
        QPalette palette = m_errorLabel->palette();
        palette.setColor(QPalette::WindowText, StatusColor::problem);
        m_errorLabel->setPalette(palette);
    }
    m_errorLabel->hide();
    contentLayout->addWidget(m_errorLabel);

    m_scroll = new QScrollArea(content);
    m_scroll->setObjectName(QStringLiteral("gradeScrollArea"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_cardsWidget = new QWidget(m_scroll);
    m_cardsWidget->setObjectName(QStringLiteral("gradeCards"));
    m_cardsLayout = new QVBoxLayout(m_cardsWidget);
    m_cardsLayout->setContentsMargins(margin / 2, 0, margin / 2, 0);
    m_copyCommentEdit = new QLineEdit(m_cardsWidget);
    m_copyCommentEdit->setObjectName(QStringLiteral("copyCommentEdit"));
    m_copyCommentEdit->setPlaceholderText(tr("Comment on the whole copy, for the student"));
    m_copyCommentEdit->setClearButtonEnabled(true);
    m_cardsLayout->addWidget(m_copyCommentEdit);
    connect(m_copyCommentEdit, &QLineEdit::editingFinished, this, [this] {
        const QString text = m_copyCommentEdit->text().trimmed();
        if (!m_hasCopy || text == m_copyComment)
            return;
        m_copyComment = text;
        Q_EMIT commentChanged(m_copy.id, QString(), text);
    });
    m_cardsLayout->addStretch(1);
    m_scroll->setWidget(m_cardsWidget);
    contentLayout->addWidget(m_scroll, 1);

    const QKeySequence next(Qt::ALT | Qt::Key_Down);
    const QKeySequence previous(Qt::ALT | Qt::Key_Up);
    m_hintLabel = new QLabel(tr("%1 / %2: next or previous question. Type a score, Enter confirms and goes on.")
                                 .arg(next.toString(QKeySequence::NativeText),
                                      previous.toString(QKeySequence::NativeText)),
                             content);
    m_hintLabel->setObjectName(QStringLiteral("keyboardHintLabel"));
    m_hintLabel->setWordWrap(true);
    m_hintLabel->setForegroundRole(QPalette::PlaceholderText);
    QFont hintFont = m_hintLabel->font();
    hintFont.setPointSizeF(hintFont.pointSizeF() * 0.9);
    m_hintLabel->setFont(hintFont);
    m_hintLabel->setContentsMargins(margin, 0, margin, 0);
    contentLayout->addWidget(m_hintLabel);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_emptyLabel);
    m_stack->addWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    auto *nextShortcut = new QShortcut(next, this);
    nextShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(nextShortcut, &QShortcut::activated, this, &GradePanel::focusNextQuestion);
    auto *previousShortcut = new QShortcut(previous, this);
    previousShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(previousShortcut, &QShortcut::activated, this, &GradePanel::focusPreviousQuestion);

    connect(m_detailsAllButton, &QToolButton::toggled, this, [this](bool expanded) {
        m_detailsAllButton->setText(expanded ? tr("Hide all details") : tr("Show all details"));
        for (QuestionGradeCard *card : std::as_const(m_cards)) {
            card->setDetailsExpanded(expanded);
            m_expanded.insert(card->questionId(), expanded);
        }
    });
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        if (QuestionGradeCard *card = cardContaining(now))
            setCurrentCard(card);
    });

    clear();
}

GradePanel::~GradePanel()
{
    // The focus moves while the cards are destroyed: qApp's focusChanged must not reach the cards' list.
    disconnectTeardownSenders(this);
}

void GradePanel::clear()
{
    m_hasCopy = false;
    m_copy = {};
    m_stack->setCurrentWidget(m_emptyLabel);
}

void GradePanel::setCopy(const Exam &exam, const Copy &copy, const QList<QuestionGrade> &grades)
{
    const bool otherCopy = !m_hasCopy || copy.id != m_copy.id;
    // A score typed but not confirmed belongs to the copy it was typed on: settle it before moving on.
    if (otherCopy && m_hasCopy) {
        for (QuestionGradeCard *card : std::as_const(m_cards))
            card->commitPending();
    }
    const QString currentId = currentQuestionId();
    const bool hadFocus = m_current && m_current->scoreSpin()->hasFocus();
    if (!m_hasCopy || exam != m_exam) {
        m_exam = exam;
        rebuildCards();
    }
    m_copy = copy;
    m_hasCopy = true;

    QHash<QString, QuestionGradeSet> byQuestion;
    for (const QuestionGrade &grade : grades) {
        if (grade.copyId != copy.id)
            continue;
        QuestionGradeSet &set = byQuestion[grade.questionId];
        switch (grade.source) {
        case GradeSource::ModelA: set.modelA = grade; break;
        case GradeSource::ModelB: set.modelB = grade; break;
        case GradeSource::Teacher: set.teacher = grade; break;
        case GradeSource::Final: set.final = grade; break;
        }
    }
    for (QuestionGradeCard *card : std::as_const(m_cards)) {
        const QuestionGradeSet set = byQuestion.value(card->questionId());
        card->setGrades(set);
        if (otherCopy) {
            // Questions that need a decision open with their reasons shown, unless the teacher chose otherwise.
            bool needsReview = false;
            for (const auto *grade : {&set.modelA, &set.modelB, &set.final})
                needsReview = needsReview || (grade->has_value() && (*grade)->flags.testFlag(GradeFlag::NeedsReview));
            card->setDetailsExpanded(m_expanded.value(card->questionId(), needsReview && !set.teacher));
        }
    }
    refreshHeader();
    m_stack->setCurrentIndex(1);

    if (QuestionGradeCard *card = cardOf(currentId)) {
        setCurrentCard(card);
        if (hadFocus && otherCopy)
            card->focusScore();
    } else if (!m_cards.isEmpty()) {
        setCurrentCard(m_cards.constFirst());
    }
}

void GradePanel::rebuildCards()
{
    m_current = nullptr;
    for (QuestionGradeCard *card : std::as_const(m_cards)) {
        // setCopy() may be called from a card's own signal: let it finish before it goes.
        card->hide();
        card->setObjectName(QString());
        card->deleteLater();
    }
    m_cards.clear();
    for (const Question &question : std::as_const(m_exam.questions)) {
        auto *card = new QuestionGradeCard(question, m_cardsWidget);
        m_cardsLayout->insertWidget(m_cardsLayout->count() - 2, card); // before the copy's comment
        connect(card, &QuestionGradeCard::commentEdited, this, [this, id = question.id](const QString &text) {
            Q_EMIT commentChanged(m_copy.id, id, text);
        });
        m_cards.append(card);
        const QString id = question.id;
        connect(card, &QuestionGradeCard::scoreChosen, this, [this, id](std::optional<double> score) {
            refreshHeader();
            Q_EMIT teacherScoreChosen(m_copy.id, id, score);
        });
        connect(card, &QuestionGradeCard::confirmed, this, &GradePanel::focusNextQuestion);
        connect(card, &QuestionGradeCard::nextRequested, this, &GradePanel::focusNextQuestion);
        connect(card, &QuestionGradeCard::previousRequested, this, &GradePanel::focusPreviousQuestion);
        connect(card, &QuestionGradeCard::activated, this, [this, card] {
            setCurrentCard(card);
            card->focusScore();
        });
        connect(card, &QuestionGradeCard::detailsToggled, this,
                [this, id](bool expanded) { m_expanded.insert(id, expanded); });
    }
}

void GradePanel::refreshHeader()
{
    const bool named = !m_copy.studentName.isEmpty();
    m_titleLabel->setText(m_copy.displayName());
    m_subtitleLabel->setText(named ? m_copy.label : QString());
    m_subtitleLabel->setVisible(named);

    int notGraded = 0;
    int toReview = 0;
    for (const QuestionGradeCard *card : std::as_const(m_cards)) {
        if (card->shownFlags().testFlag(GradeFlag::NeedsReview))
            ++toReview;
        else if (!card->shownScore())
            ++notGraded;
    }
    const std::optional<double> sum = total();
    m_totalLabel->setText(sum ? tr("%1 / %2").arg(number(*sum), number(m_exam.maxTotal()))
                              : tr("– / %1").arg(number(m_exam.maxTotal())));
    QStringList summary;
    if (toReview > 0)
        summary.append(tr("%n to review", nullptr, toReview));
    if (notGraded > 0)
        summary.append(tr("%n not graded", nullptr, notGraded));
    m_summaryLabel->setText(summary.join(tr(", ", "separator between parts of the copy's summary")));
    m_summaryLabel->setVisible(!summary.isEmpty());
    QPalette palette = this->palette();
    if (toReview > 0)
        palette.setColor(QPalette::WindowText, StatusColor::problem);
    m_summaryLabel->setPalette(palette);

    const bool failed = m_copy.status == CopyStatus::Failed && !m_copy.error.isEmpty();
    m_errorLabel->setText(failed ? tr("Grading failed: %1").arg(m_copy.error) : QString());
    m_errorLabel->setVisible(failed);
}

std::optional<double> GradePanel::total() const
{
    std::optional<double> sum;
    for (const QuestionGradeCard *card : m_cards) {
        if (card->shownScore())
            sum = sum.value_or(0.0) + *card->shownScore();
    }
    return sum;
}

QString GradePanel::currentQuestionId() const
{
    return m_current ? m_current->questionId() : QString();
}

void GradePanel::setCurrentQuestion(const QString &questionId)
{
    if (QuestionGradeCard *card = cardOf(questionId))
        setCurrentCard(card);
}

void GradePanel::focusQuestion(const QString &questionId)
{
    if (QuestionGradeCard *card = cardOf(questionId)) {
        setCurrentCard(card);
        card->focusScore();
    }
}

void GradePanel::focusNextQuestion()
{
    focusRelative(+1);
}

void GradePanel::focusPreviousQuestion()
{
    focusRelative(-1);
}

void GradePanel::focusRelative(int delta)
{
    if (m_cards.isEmpty())
        return;
    const int index = m_current ? int(m_cards.indexOf(m_current)) : -1;
    const int target = index < 0 ? 0 : std::clamp(index + delta, 0, int(m_cards.size()) - 1);
    setCurrentCard(m_cards.at(target));
    m_cards.at(target)->focusScore();
}

void GradePanel::setCurrentCard(QuestionGradeCard *card)
{
    if (card && card != m_current) {
        if (m_current)
            m_current->setCurrent(false);
        m_current = card;
        m_current->setCurrent(true);
        Q_EMIT currentQuestionChanged(card->questionId());
    }
    if (m_current)
        scrollTo(m_current);
}

void GradePanel::scrollTo(QWidget *card)
{
    // Vertically only: ensureWidgetVisible() would also shift a card sideways when it is wider than the view.
    QScrollBar *bar = m_scroll->verticalScrollBar();
    const int margin = fontMetrics().height();
    const QRect rect = card->geometry();
    const int height = m_scroll->viewport()->height();
    if (rect.top() - margin < bar->value() || rect.height() + 2 * margin > height)
        bar->setValue(rect.top() - margin);
    else if (rect.bottom() + margin > bar->value() + height)
        bar->setValue(rect.bottom() + margin - height);
}

QuestionGradeCard *GradePanel::cardOf(const QString &questionId) const
{
    for (QuestionGradeCard *card : m_cards) {
        if (card->questionId() == questionId)
            return card;
    }
    return nullptr;
}

QuestionGradeCard *GradePanel::cardContaining(QWidget *widget) const
{
    for (QWidget *w = widget; w && w != this; w = w->parentWidget()) {
        if (auto *card = qobject_cast<QuestionGradeCard *>(w))
            return m_cards.contains(card) ? card : nullptr;
    }
    return nullptr;
}

void GradePanel::setComments(const QHash<QString, QString> &comments)
{
    for (QuestionGradeCard *card : std::as_const(m_cards))
        card->setComment(comments.value(card->questionId()));
    m_copyComment = comments.value(QString()).trimmed();
    m_copyCommentEdit->setText(m_copyComment);
}

} // namespace Corrige::Ui
