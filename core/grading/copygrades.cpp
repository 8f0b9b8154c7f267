#include "core/grading/copygrades.h"

#include <QCoreApplication>

namespace Corrige::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Corrige::Core::CopyGrades", text);
}

} // namespace

QList<QuestionGrade> CopyOutcome::finals() const
{
    QList<QuestionGrade> out;
    for (const QuestionGrade &grade : stored) {
        if (grade.source == GradeSource::Final)
            out.append(grade);
    }
    return out;
}

CopyOutcome CopyGrades::combine(const Exam &exam, bool dual, const Tolerance &tolerance,
                                const std::array<std::optional<QList<QuestionGrade>>, 2> &grades,
                                const std::array<QString, 2> &errors)
{
    const auto step = [&exam](const QString &questionId) {
        const Question *question = exam.question(questionId);
        return question && question->rubric ? question->rubric->step : 0.5;
    };
    const auto toFinal = [](QuestionGrade grade, GradeFlags extra) {
        grade.source = GradeSource::Final;
        grade.flags |= extra;
        return grade;
    };
    const GradeFlags worthAReview = GradeFlag::Illegible | GradeFlag::Suspicious;

    CopyOutcome outcome;
    if (!dual || (grades[0].has_value() != grades[1].has_value())) {
        const int model = grades[0] ? 0 : 1;
        if (!grades[model]) {
            outcome.status = CopyStatus::Failed;
            outcome.note = errors[0];
            return outcome;
        }
        // In dual mode, one model's answer alone is kept for the teacher to confirm.
        const GradeFlags extra = dual ? GradeFlags(GradeFlag::NeedsReview) : GradeFlags();
        if (dual)
            outcome.note = tr("Only one model answered: %1").arg(errors[1 - model]);
        for (const QuestionGrade &grade : *grades[model]) {
            outcome.stored.append(grade);
            const GradeFlags review = grade.flags & worthAReview ? GradeFlags(GradeFlag::NeedsReview) : GradeFlags();
            outcome.stored.append(toFinal(grade, extra | review));
        }
    } else if (!grades[0]) {
        outcome.status = CopyStatus::Failed;
        outcome.note = errors[0];
        return outcome;
    } else {
        const DualComparator comparator(tolerance);
        for (QuestionGrade a : *grades[0]) {
            const auto bIt = std::find_if(grades[1]->begin(), grades[1]->end(),
                                          [&a](const QuestionGrade &b) { return b.questionId == a.questionId; });
            if (bIt == grades[1]->end())
                continue;
            QuestionGrade b = *bIt;
            QuestionComparison comparison;
            std::optional<QuestionGrade> final = comparator.finalGrade(a, b, step(a.questionId), &comparison);
            outcome.comparisons.append(comparison);
            if (!final) {
                // Beyond tolerance: a provisional mean, flagged, until the teacher decides.
                QuestionGrade provisional = a;
                provisional.source = GradeSource::Final;
                provisional.score = DualComparator::roundToStep((a.score + b.score) / 2.0, step(a.questionId), a.maxPoints);
                provisional.justification.clear();
                provisional.transcription.clear();
                provisional.model.clear();
                provisional.flags = (a.flags | b.flags | GradeFlag::NeedsReview) & ~GradeFlags(GradeFlag::Clamped);
                final = provisional;
            } else if ((a.flags | b.flags) & worthAReview) {
                final->flags |= GradeFlag::NeedsReview;
            }
            outcome.stored.append(a);
            outcome.stored.append(b);
            outcome.stored.append(*final);
        }
    }

    bool review = false;
    for (const QuestionGrade &grade : std::as_const(outcome.stored)) {
        if (grade.source == GradeSource::Final && grade.flags.testFlag(GradeFlag::NeedsReview))
            review = true;
    }
    outcome.status = review ? CopyStatus::NeedsReview : CopyStatus::Graded;
    return outcome;
}

} // namespace Corrige::Core
