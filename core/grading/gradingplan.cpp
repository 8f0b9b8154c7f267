#include "core/grading/gradingplan.h"

#include <QHash>
#include <QSet>

namespace Corrige::Core {

QList<PlannedWork> GradingPlan::build(const Exam &exam, const QList<Copy> &copies,
                                      const QList<QuestionGrade> &grades, bool regrade)
{
    QHash<qint64, QSet<QString>> settled; // questions that need nothing more
    for (const QuestionGrade &grade : grades) {
        if (grade.source == GradeSource::Teacher) {
            settled[grade.copyId].insert(grade.questionId);
        } else if (!regrade && grade.source == GradeSource::Final) {
            settled[grade.copyId].insert(grade.questionId);
        } else if (!regrade && grade.flags.testFlag(GradeFlag::NeedsReview)) {
            // The models disagreed: the teacher decides, grading again would not help.
            settled[grade.copyId].insert(grade.questionId);
        }
    }

    QList<PlannedWork> plan;
    for (const Copy &copy : copies) {
        if (copy.pages.isEmpty() || copy.status == CopyStatus::Submitted)
            continue; // a copy in a batch is graded when the batch comes back (or after it is cancelled)
        PlannedWork work;
        work.copyId = copy.id;
        const QSet<QString> done = settled.value(copy.id);
        for (const Question &question : exam.questions) {
            if (!done.contains(question.id))
                work.questionIds.append(question.id);
        }
        if (!work.questionIds.isEmpty())
            plan.append(work);
    }
    return plan;
}

} // namespace Corrige::Core
