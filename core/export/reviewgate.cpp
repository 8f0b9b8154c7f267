#include "core/export/reviewgate.h"

#include "core/export/statusreport.h"

namespace Corrige::Core {

QList<ReviewItem> ReviewGate::items(const StatusReport &report)
{
    const Exam &exam = report.exam();
    QList<ReviewItem> items;
    for (const CopyReport &copy : report.copies()) {
        ReviewItem item;
        item.copyId = copy.copy.id;
        item.position = copy.copy.position;
        item.who = copy.copy.displayName();
        if (copy.copy.status == CopyStatus::Failed) {
            item.kind = ReviewItem::Kind::Failed;
            item.reason = copy.copy.error.isEmpty() ? tr("grading failed")
                                                    : tr("grading failed: %1").arg(copy.copy.error);
            items.append(item);
            continue;
        }
        QStringList undecided;
        QStringList toCheck;
        QStringList missing;
        for (qsizetype i = 0; i < copy.questions.size(); ++i) {
            const EffectiveGrade &grade = copy.questions.at(i);
            const QString label = i < exam.questions.size() ? exam.questions.at(i).displayLabel() : grade.questionId;
            if (!grade.score)
                missing.append(label);
            else if (grade.undecided)
                undecided.append(label);
            else if (!grade.byTeacher && grade.flags.testFlag(GradeFlag::NeedsReview))
                toCheck.append(label);
        }
        if (copy.copy.status == CopyStatus::Pending || !missing.isEmpty()) {
            item.kind = ReviewItem::Kind::NotGraded;
            item.reason = missing.size() == copy.questions.size()
                              ? tr("not graded yet")
                              : tr("not graded yet: %1").arg(missing.join(QStringLiteral(", ")));
            items.append(item);
            continue;
        }
        if (undecided.isEmpty() && toCheck.isEmpty() && copy.copy.status != CopyStatus::NeedsReview)
            continue;
        item.kind = ReviewItem::Kind::NeedsReview;
        QStringList parts;
        if (!undecided.isEmpty())
            parts.append(tr("the models disagree on %1").arg(undecided.join(QStringLiteral(", "))));
        if (!toCheck.isEmpty())
            parts.append(tr("to check: %1").arg(toCheck.join(QStringLiteral(", "))));
        item.reason = parts.isEmpty() ? tr("to review") : parts.join(QStringLiteral("; "));
        items.append(item);
    }
    return items;
}

QStringList ReviewGate::lines(const QList<ReviewItem> &items)
{
    QStringList lines;
    for (const ReviewItem &item : items)
        //: One copy an export lists before writing: "#3 Ada Lovelace: grading failed: quota exhausted"
        lines.append(tr("#%1 %2: %3").arg(item.position).arg(item.who, item.reason));
    return lines;
}

QString ReviewGate::statusWord(ReviewItem::Kind kind)
{
    switch (kind) {
    case ReviewItem::Kind::NotGraded: return tr("not graded");
    case ReviewItem::Kind::Failed: return tr("failed");
    case ReviewItem::Kind::NeedsReview: return tr("to review");
    }
    return {};
}

} // namespace Corrige::Core
