#include "ui/widgets/questiongradecard.h"

#include "core/grading/dualcomparator.h"
#include "ui/widgets/elidedlabel.h"
#include "ui/widgets/flagtags.h"
#include "ui/widgets/scorespinbox.h"
#include "ui/widgets/statusicon.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMouseEvent>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace Corrige::Ui {

using namespace Corrige::Core;

namespace {

constexpr double scoreEpsilon = 1e-6;

QString number(double value)
{
    return QLocale().toString(value, 'g', QLocale::FloatingPointShortest);
}

QLabel *makeTextLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText); // model output is untrusted: never rich text
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    return label;
}

QLabel *makeCaption(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 0.9);
    label->setFont(font);
    return label;
}

// What the model read, set apart from its own words.
QLabel *makeTranscriptionLabel(QWidget *parent, const QString &objectName)
{
    QLabel *label = makeTextLabel(parent, objectName);
    label->setFrameShape(QFrame::StyledPanel);
    label->setAutoFillBackground(true);
    label->setBackgroundRole(QPalette::Base);
    label->setMargin(label->fontMetrics().averageCharWidth());
    QFont font = label->font();
    font.setItalic(true);
    label->setFont(font);
    return label;
}

QString confidenceText(double confidence)
{
    return QuestionGradeCard::tr("Confidence: %1%").arg(qRound(confidence * 100));
}

QString modelHeader(const QString &which, const QuestionGrade &grade)
{
    return QuestionGradeCard::tr("%1: %2 / %3").arg(which, number(grade.score), number(grade.maxPoints));
}

QString modelSubheader(const QuestionGrade &grade)
{
    QStringList parts;
    if (!grade.model.isEmpty())
        parts.append(grade.model);
    if (grade.confidence >= 0)
        parts.append(confidenceText(grade.confidence));
    return parts.join(QStringLiteral(" · "));
}

QLabel *makeSubheader(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

QString orNothing(const QString &text)
{
    return text.trimmed().isEmpty() ? QuestionGradeCard::tr("(nothing)") : text.trimmed();
}

} // namespace

std::optional<double> QuestionGradeSet::effectiveScore() const
{
    if (teacher)
        return teacher->score;
    if (final)
        return final->score;
    return std::nullopt;
}

QuestionGradeCard::QuestionGradeCard(const Question &question, QWidget *parent)
    : QFrame(parent)
    , m_question(question)
{
    setObjectName(QStringLiteral("questionCard_%1").arg(question.id));
    setProperty("questionId", question.id);
    setFrameShape(QFrame::StyledPanel);
    setFrameShadow(QFrame::Raised);
    setAutoFillBackground(true);

    auto *layout = new QVBoxLayout(this);
    const int spacing = fontMetrics().averageCharWidth();
    layout->setContentsMargins(spacing, spacing, spacing, spacing);
    layout->setSpacing(spacing / 2 + 2);

    // Which question.
    auto *titleRow = new QHBoxLayout;
    auto *title = new QLabel(question.displayLabel(), this);
    title->setObjectName(QStringLiteral("questionLabel"));
    title->setTextFormat(Qt::PlainText);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto *statement = new ElidedLabel(this);
    statement->setObjectName(QStringLiteral("questionText"));
    statement->setText(question.text);
    statement->setForegroundRole(QPalette::PlaceholderText);
    titleRow->addWidget(title);
    titleRow->addWidget(statement, 1);
    layout->addLayout(titleRow);

    // The score that counts.
    auto *scoreRow = new QHBoxLayout;
    m_scoreSpin = new ScoreSpinBox(this);
    m_scoreSpin->setObjectName(QStringLiteral("scoreSpin"));
    m_scoreSpin->setMaximumScore(question.maxPoints, step());
    m_scoreSpin->setAccessibleName(tr("Score for %1").arg(question.displayLabel()));
    m_scoreSpin->setToolTip(tr("Type your score and press Enter. Leave it empty and press Enter to go back "
                               "to the model's score."));
    m_scoreSpin->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("00.25")) * 2);
    m_maxLabel = new QLabel(tr("/ %1").arg(number(question.maxPoints)), this);
    m_maxLabel->setObjectName(QStringLiteral("maxLabel"));
    m_teacherTag = new QLabel(tr("Teacher"), this);
    m_teacherTag->setObjectName(QStringLiteral("teacherMarker"));
    m_teacherTag->setToolTip(tr("You set this score. Later grading runs never change it."));
    FlagTags::styleAsTag(m_teacherTag, StatusColor::busy);
    m_clearButton = new QToolButton(this);
    m_clearButton->setObjectName(QStringLiteral("clearButton"));
    m_clearButton->setText(tr("Use AI score"));
    m_clearButton->setToolTip(tr("Remove your score and use the model's again"));
    scoreRow->addWidget(m_scoreSpin);
    scoreRow->addWidget(m_maxLabel);
    scoreRow->addWidget(m_teacherTag);
    scoreRow->addWidget(m_clearButton);
    scoreRow->addStretch(1);
    layout->addLayout(scoreRow);

    // What to know about it: flags, then how sure the model was or how far apart the two were.
    m_infoRow = new QWidget(this);
    m_infoRow->setObjectName(QStringLiteral("infoRow"));
    auto *infoLayout = new QHBoxLayout(m_infoRow);
    infoLayout->setContentsMargins(0, 0, 0, 0);
    m_flagTags = new FlagTags(m_infoRow);
    m_confidenceLabel = new QLabel(m_infoRow);
    m_confidenceLabel->setObjectName(QStringLiteral("confidenceLabel"));
    m_differenceLabel = new QLabel(m_infoRow);
    m_differenceLabel->setObjectName(QStringLiteral("differenceLabel"));
    infoLayout->addWidget(m_flagTags, 1);
    infoLayout->addWidget(m_confidenceLabel);
    infoLayout->addWidget(m_differenceLabel);
    layout->addWidget(m_infoRow);

    // Dual mode: one click settles a disagreement.
    m_dualRow = new QWidget(this);
    m_dualRow->setObjectName(QStringLiteral("dualRow"));
    auto *dualLayout = new QHBoxLayout(m_dualRow);
    dualLayout->setContentsMargins(0, 0, 0, 0);
    m_takeAButton = new QPushButton(m_dualRow);
    m_takeAButton->setObjectName(QStringLiteral("takeAButton"));
    m_takeAButton->setAutoDefault(false);
    m_takeBButton = new QPushButton(m_dualRow);
    m_takeBButton->setObjectName(QStringLiteral("takeBButton"));
    m_takeBButton->setAutoDefault(false);
    m_meanButton = new QPushButton(m_dualRow);
    m_meanButton->setObjectName(QStringLiteral("meanButton"));
    m_meanButton->setAutoDefault(false);
    dualLayout->addWidget(m_takeAButton);
    dualLayout->addWidget(m_takeBButton);
    dualLayout->addWidget(m_meanButton);
    dualLayout->addStretch(1);
    layout->addWidget(m_dualRow);

    // Why: justification and what was read, folded away unless the question needs a look.
    m_detailsButton = new QToolButton(this);
    m_detailsButton->setObjectName(QStringLiteral("detailsButton"));
    m_detailsButton->setCheckable(true);
    m_detailsButton->setAutoRaise(true);
    m_detailsButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_detailsButton->setArrowType(Qt::RightArrow);
    m_detailsButton->setText(tr("Justification and transcription"));
    layout->addWidget(m_detailsButton);

    m_details = new QWidget(this);
    m_details->setObjectName(QStringLiteral("detailsWidget"));
    auto *detailsLayout = new QVBoxLayout(m_details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);

    m_singleDetails = new QWidget(m_details);
    auto *singleLayout = new QVBoxLayout(m_singleDetails);
    singleLayout->setContentsMargins(0, 0, 0, 0);
    m_justificationLabel = makeTextLabel(m_singleDetails, QStringLiteral("justificationLabel"));
    m_transcriptionLabel = makeTranscriptionLabel(m_singleDetails, QStringLiteral("transcriptionLabel"));
    singleLayout->addWidget(makeCaption(tr("Justification"), m_singleDetails));
    singleLayout->addWidget(m_justificationLabel);
    singleLayout->addWidget(makeCaption(tr("What the model read"), m_singleDetails));
    singleLayout->addWidget(m_transcriptionLabel);
    detailsLayout->addWidget(m_singleDetails);

    m_dualDetails = new QWidget(m_details);
    auto *grid = new QGridLayout(m_dualDetails);
    grid->setContentsMargins(0, 0, 0, 0);
    m_modelAHeader = makeTextLabel(m_dualDetails, QStringLiteral("modelAHeader"));
    m_modelAHeader->setFont(titleFont);
    m_modelAJustification = makeTextLabel(m_dualDetails, QStringLiteral("modelAJustification"));
    m_modelATranscription = makeTranscriptionLabel(m_dualDetails, QStringLiteral("modelATranscription"));
    m_modelBHeader = makeTextLabel(m_dualDetails, QStringLiteral("modelBHeader"));
    m_modelBHeader->setFont(titleFont);
    m_modelBJustification = makeTextLabel(m_dualDetails, QStringLiteral("modelBJustification"));
    m_modelBTranscription = makeTranscriptionLabel(m_dualDetails, QStringLiteral("modelBTranscription"));
    m_modelASubheader = makeSubheader(m_dualDetails, QStringLiteral("modelASubheader"));
    m_modelBSubheader = makeSubheader(m_dualDetails, QStringLiteral("modelBSubheader"));
    grid->addWidget(m_modelAHeader, 0, 0);
    grid->addWidget(m_modelASubheader, 1, 0);
    grid->addWidget(m_modelAJustification, 2, 0);
    grid->addWidget(m_modelATranscription, 3, 0);
    grid->addWidget(m_modelBHeader, 0, 1);
    grid->addWidget(m_modelBSubheader, 1, 1);
    grid->addWidget(m_modelBJustification, 2, 1);
    grid->addWidget(m_modelBTranscription, 3, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    grid->setRowStretch(4, 1);
    detailsLayout->addWidget(m_dualDetails);
    layout->addWidget(m_details);
    m_details->hide();

    m_commentEdit = new QLineEdit(this);
    m_commentEdit->setObjectName(QStringLiteral("commentEdit"));
    m_commentEdit->setPlaceholderText(tr("Comment for the student (shown in the PDF and in Moodle's feedback)"));
    m_commentEdit->setClearButtonEnabled(true);
    layout->addWidget(m_commentEdit);
    connect(m_commentEdit, &QLineEdit::editingFinished, this, [this] {
        const QString text = m_commentEdit->text().trimmed();
        if (text == m_comment)
            return;
        m_comment = text;
        Q_EMIT commentEdited(text);
    });

    connect(m_scoreSpin, &ScoreSpinBox::returnPressed, this, [this] {
        commitTyped();
        Q_EMIT confirmed();
    });
    connect(m_scoreSpin, &QAbstractSpinBox::editingFinished, this, &QuestionGradeCard::commitTyped);
    connect(m_scoreSpin, &ScoreSpinBox::nextRequested, this, &QuestionGradeCard::nextRequested);
    connect(m_scoreSpin, &ScoreSpinBox::previousRequested, this, &QuestionGradeCard::previousRequested);
    connect(m_clearButton, &QToolButton::clicked, this, [this] { choose(std::nullopt); });
    connect(m_takeAButton, &QPushButton::clicked, this, [this] {
        if (m_grades.modelA)
            choose(m_grades.modelA->score);
    });
    connect(m_takeBButton, &QPushButton::clicked, this, [this] {
        if (m_grades.modelB)
            choose(m_grades.modelB->score);
    });
    connect(m_meanButton, &QPushButton::clicked, this, [this] { choose(m_mean); });
    connect(m_detailsButton, &QToolButton::toggled, this, [this](bool expanded) {
        m_details->setVisible(expanded);
        m_detailsButton->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
        Q_EMIT detailsToggled(expanded);
    });

    setGrades({});
}

double QuestionGradeCard::step() const
{
    return m_question.rubric && m_question.rubric->step > 0.0 ? m_question.rubric->step : 0.5;
}

void QuestionGradeCard::setGrades(const QuestionGradeSet &grades)
{
    m_grades = grades;
    m_shown = grades.effectiveScore();
    m_shownByTeacher = grades.teacher.has_value();
    m_scoreSpin->setScore(m_shown);
    refreshTeacherState();

    const bool dual = grades.isDual();
    // Flags describe the copy, so they stay visible after the teacher decides; only "needs review" is settled.
    GradeFlags flags;
    for (const auto *grade : {&grades.modelA, &grades.modelB, &grades.final}) {
        if (grade->has_value())
            flags |= (*grade)->flags;
    }
    if (grades.teacher)
        flags &= ~GradeFlags(GradeFlag::NeedsReview);
    m_flagTags->setFlags(flags);

    // In single mode the justification is the model's own; `final` may carry it too.
    const std::optional<QuestionGrade> &source =
        grades.final && !grades.final->justification.isEmpty() ? grades.final
        : grades.modelA                                        ? grades.modelA
                                                               : grades.modelB;
    const double confidence = dual ? -1 : (source ? source->confidence : -1);
    const bool graded = grades.modelA || grades.modelB || grades.final || grades.teacher;
    m_confidenceLabel->setVisible(confidence >= 0 || !graded);
    QPalette palette = this->palette();
    if (!graded) {
        m_confidenceLabel->setText(tr("Not graded yet"));
        palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    } else if (confidence >= 0) {
        m_confidenceLabel->setText(confidenceText(confidence));
        if (confidence < 0.5)
            palette.setColor(QPalette::WindowText, StatusColor::attention);
    }
    m_confidenceLabel->setPalette(palette);

    // When both models gave the same score there is nothing to choose between.
    m_dualRow->setVisible(dual && std::abs(grades.modelA->score - grades.modelB->score) >= scoreEpsilon);
    m_differenceLabel->setVisible(m_dualRow->isVisibleTo(this));
    m_infoRow->setVisible(flags != GradeFlags() || m_confidenceLabel->isVisibleTo(this)
                          || m_differenceLabel->isVisibleTo(this));
    m_singleDetails->setVisible(!dual);
    m_dualDetails->setVisible(dual);
    if (dual) {
        const double a = grades.modelA->score;
        const double b = grades.modelB->score;
        m_mean = DualComparator::roundToStep((a + b) / 2.0, step(), m_question.maxPoints);
        m_takeAButton->setText(tr("Take A: %1").arg(number(a)));
        m_takeAButton->setToolTip(tr("Use model A's score (%1)").arg(grades.modelA->model));
        m_takeBButton->setText(tr("Take B: %1").arg(number(b)));
        m_takeBButton->setToolTip(tr("Use model B's score (%1)").arg(grades.modelB->model));
        m_meanButton->setText(tr("Mean: %1").arg(number(m_mean)));
        m_meanButton->setToolTip(tr("The mean of both, rounded to steps of %1").arg(number(step())));
        const double difference = std::abs(a - b);
        m_differenceLabel->setText(tr("Difference: %1").arg(number(difference)));
        QFont font = m_differenceLabel->font();
        font.setBold(flags.testFlag(GradeFlag::NeedsReview));
        m_differenceLabel->setFont(font);
        m_modelAHeader->setText(modelHeader(tr("Model A"), *grades.modelA));
        m_modelASubheader->setText(modelSubheader(*grades.modelA));
        m_modelBSubheader->setText(modelSubheader(*grades.modelB));
        m_modelAJustification->setText(orNothing(grades.modelA->justification));
        m_modelATranscription->setText(orNothing(grades.modelA->transcription));
        m_modelBHeader->setText(modelHeader(tr("Model B"), *grades.modelB));
        m_modelBJustification->setText(orNothing(grades.modelB->justification));
        m_modelBTranscription->setText(orNothing(grades.modelB->transcription));
    } else {
        m_justificationLabel->setText(source ? orNothing(source->justification) : tr("Not graded yet."));
        m_transcriptionLabel->setText(source ? orNothing(source->transcription) : QString());
    }
    const bool hasDetails = grades.modelA || grades.modelB || (grades.final && !grades.final->justification.isEmpty());
    m_detailsButton->setVisible(hasDetails);
    if (!hasDetails)
        setDetailsExpanded(false);
}

Core::GradeFlags QuestionGradeCard::shownFlags() const
{
    return m_flagTags->flags();
}

void QuestionGradeCard::commitPending()
{
    if (m_scoreSpin->isTyping())
        commitTyped();
    m_scoreSpin->stopTyping();
}

void QuestionGradeCard::refreshTeacherState()
{
    m_teacherTag->setVisible(m_shownByTeacher);
    m_clearButton->setVisible(m_shownByTeacher);
    QFont font = m_scoreSpin->font();
    font.setBold(m_shownByTeacher);
    m_scoreSpin->setFont(font);
}

void QuestionGradeCard::commitTyped()
{
    const std::optional<double> entered = m_scoreSpin->enteredScore();
    m_scoreSpin->stopTyping(); // what was typed is settled now; let the field show the outcome
    if (!entered) {
        if (m_shownByTeacher)
            choose(std::nullopt);
        else
            m_scoreSpin->setScore(m_shown); // nothing to clear: show the model's score again
        return;
    }
    if (m_shown && std::abs(*entered - *m_shown) < scoreEpsilon) {
        m_scoreSpin->setScore(m_shown); // unchanged: normalise "2.50" to "2.5", emit nothing
        return;
    }
    choose(*entered);
}

void QuestionGradeCard::choose(std::optional<double> score)
{
    if (score)
        score = std::clamp(*score, 0.0, m_question.maxPoints);
    // Shown at once; the owner confirms by calling setGrades() with the stored grades.
    if (score) {
        m_shown = score;
        m_shownByTeacher = true;
    } else {
        m_shown = m_grades.final ? std::optional<double>(m_grades.final->score) : std::nullopt;
        m_shownByTeacher = false;
    }
    m_scoreSpin->setScore(m_shown);
    refreshTeacherState();
    Q_EMIT scoreChosen(score);
}

void QuestionGradeCard::setCurrent(bool current)
{
    m_current = current;
    QPalette palette = parentWidget() ? parentWidget()->palette() : this->palette();
    if (current) {
        const QColor window = palette.color(QPalette::Window);
        const QColor highlight = palette.color(QPalette::Highlight);
        const double mix = 0.14;
        palette.setColor(QPalette::Window,
                         QColor::fromRgbF(window.redF() * (1 - mix) + highlight.redF() * mix,
                                          window.greenF() * (1 - mix) + highlight.greenF() * mix,
                                          window.blueF() * (1 - mix) + highlight.blueF() * mix));
    }
    setPalette(palette);
    setFrameShadow(current ? QFrame::Sunken : QFrame::Raised);
}

void QuestionGradeCard::focusScore()
{
    m_scoreSpin->setFocus(Qt::ShortcutFocusReason);
    m_scoreSpin->selectAll();
}

void QuestionGradeCard::setDetailsExpanded(bool expanded)
{
    m_detailsButton->setChecked(expanded);
}

bool QuestionGradeCard::isDetailsExpanded() const
{
    return m_detailsButton->isChecked();
}

void QuestionGradeCard::mousePressEvent(QMouseEvent *event)
{
    QFrame::mousePressEvent(event);
    Q_EMIT activated();
}

QString QuestionGradeCard::comment() const
{
    return m_comment;
}

void QuestionGradeCard::setComment(const QString &comment)
{
    m_comment = comment.trimmed();
    m_commentEdit->setText(m_comment);
}

} // namespace Corrige::Ui
