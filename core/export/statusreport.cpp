#include "core/export/statusreport.h"

#include <QHash>
#include <QJsonArray>

namespace Corrige::Core {

namespace {

constexpr GradeFlags attentionFlags = GradeFlag::Blank | GradeFlag::Illegible | GradeFlag::Suspicious
                                      | GradeFlag::Clamped | GradeFlag::NeedsReview;

QJsonValue scoreValue(const std::optional<double> &score)
{
    return score ? QJsonValue(*score) : QJsonValue(QJsonValue::Null);
}

} // namespace

StatusReport StatusReport::build(const Exam &exam, const QList<Copy> &copies, const QList<QuestionGrade> &grades,
                                 const QList<TeacherComment> &comments)
{
    QHash<qint64, QHash<QString, QString>> commentIndex;
    for (const TeacherComment &comment : comments) {
        if (!comment.text.trimmed().isEmpty())
            commentIndex[comment.copyId].insert(comment.questionId, comment.text.trimmed());
    }
    // Index the grades once: (copy, question) -> teacher and final grades.
    struct Pair {
        const QuestionGrade *teacher = nullptr;
        const QuestionGrade *final = nullptr;
        const QuestionGrade *modelA = nullptr;
        const QuestionGrade *modelB = nullptr;
        GradeFlags modelFlags;
    };
    QHash<qint64, QHash<QString, Pair>> index;
    for (const QuestionGrade &grade : grades) {
        Pair &pair = index[grade.copyId][grade.questionId];
        switch (grade.source) {
        case GradeSource::Teacher: pair.teacher = &grade; break;
        case GradeSource::Final: pair.final = &grade; break;
        case GradeSource::ModelA:
            pair.modelA = &grade;
            pair.modelFlags |= grade.flags;
            break;
        case GradeSource::ModelB:
            pair.modelB = &grade;
            pair.modelFlags |= grade.flags;
            break;
        }
    }

    StatusReport report;
    report.m_exam = exam;
    report.m_summary.copies = int(copies.size());
    for (const Copy &copy : copies) {
        CopyReport copyReport;
        copyReport.copy = copy;
        copyReport.maxTotal = exam.maxTotal();
        const QHash<QString, QString> copyComments = commentIndex.value(copy.id);
        copyReport.teacherComment = copyComments.value(QString());
        const QHash<QString, Pair> byQuestion = index.value(copy.id);
        for (const Question &question : exam.questions) {
            EffectiveGrade effective;
            effective.questionId = question.id;
            effective.maxPoints = question.maxPoints;
            const Pair pair = byQuestion.value(question.id);
            if (pair.teacher) {
                effective.score = pair.teacher->score;
                effective.byTeacher = true;
                effective.flags = pair.teacher->flags;
            } else if (pair.final) {
                effective.score = pair.final->score;
                effective.flags = pair.final->flags | pair.modelFlags;
            } else {
                effective.flags = pair.modelFlags;
            }
            // Two models that disagree beyond tolerance are both marked for review by the comparator; the final
            // grade stored meanwhile is their provisional mean.
            effective.undecided = !effective.byTeacher && pair.final && pair.modelA && pair.modelB
                                  && pair.final->flags.testFlag(GradeFlag::NeedsReview)
                                  && pair.modelA->flags.testFlag(GradeFlag::NeedsReview)
                                  && pair.modelB->flags.testFlag(GradeFlag::NeedsReview)
                                  && pair.modelA->score != pair.modelB->score;
            if (effective.byTeacher) {
                effective.justification = pair.teacher->justification.trimmed();
            } else {
                for (const QuestionGrade *candidate : {pair.final, pair.modelA, pair.modelB}) {
                    if (candidate && !candidate->justification.trimmed().isEmpty()) {
                        effective.justification = candidate->justification.trimmed();
                        break;
                    }
                }
            }
            effective.teacherComment = copyComments.value(question.id);
            // A teacher's decision settles the question: only AI grades raise a flag.
            effective.flagged = !effective.byTeacher && (effective.flags & attentionFlags);
            if (effective.score) {
                copyReport.total += *effective.score;
                ++copyReport.gradedQuestions;
            }
            if (effective.undecided)
                ++copyReport.undecidedQuestions;
            copyReport.questions.append(effective);
        }
        switch (copy.status) {
        case CopyStatus::Pending: ++report.m_summary.pending; break;
        case CopyStatus::Submitted: ++report.m_summary.submitted; break;
        case CopyStatus::Graded: ++report.m_summary.graded; break;
        case CopyStatus::Failed: ++report.m_summary.failed; break;
        case CopyStatus::NeedsReview: ++report.m_summary.needsReview; break;
        }
        report.m_copies.append(copyReport);
    }
    return report;
}

QJsonObject StatusReport::toJson() const
{
    QJsonArray questions;
    for (const Question &question : m_exam.questions)
        questions.append(QJsonObject{{QStringLiteral("id"), question.id},
                                     {QStringLiteral("label"), question.displayLabel()},
                                     {QStringLiteral("maxPoints"), question.maxPoints}});
    QJsonArray copies;
    for (const CopyReport &report : m_copies) {
        QJsonArray grades;
        for (const EffectiveGrade &grade : report.questions) {
            QJsonObject object{{QStringLiteral("id"), grade.questionId},
                               {QStringLiteral("score"), scoreValue(grade.score)},
                               {QStringLiteral("maxPoints"), grade.maxPoints},
                               {QStringLiteral("source"),
                                grade.score ? QJsonValue(grade.byTeacher ? QStringLiteral("teacher")
                                                                         : QStringLiteral("ai"))
                                            : QJsonValue(QJsonValue::Null)},
                               {QStringLiteral("flagged"), grade.flagged}};
            if (grade.flags)
                object.insert(QStringLiteral("flags"), QJsonArray::fromStringList(gradeFlagsToStrings(grade.flags)));
            grades.append(object);
        }
        QJsonObject copy{{QStringLiteral("id"), report.copy.id},
                         {QStringLiteral("label"), report.copy.label},
                         {QStringLiteral("pages"), report.copy.pages.size()},
                         {QStringLiteral("status"), copyStatusToString(report.copy.status)},
                         {QStringLiteral("total"),
                          report.gradedQuestions > 0 ? QJsonValue(report.total) : QJsonValue(QJsonValue::Null)},
                         {QStringLiteral("maxTotal"), report.maxTotal},
                         {QStringLiteral("questions"), grades}};
        if (!report.copy.studentName.isEmpty())
            copy.insert(QStringLiteral("student"), report.copy.studentName);
        if (!report.copy.error.isEmpty())
            copy.insert(QStringLiteral("error"), report.copy.error);
        copies.append(copy);
    }
    const QJsonObject summary{{QStringLiteral("copies"), m_summary.copies},
                              {QStringLiteral("graded"), m_summary.graded},
                              {QStringLiteral("failed"), m_summary.failed},
                              {QStringLiteral("pending"), m_summary.pending},
                              {QStringLiteral("needsReview"), m_summary.needsReview},
                              {QStringLiteral("submitted"), m_summary.submitted}};
    return QJsonObject{{QStringLiteral("exam"),
                        QJsonObject{{QStringLiteral("title"), m_exam.title},
                                    {QStringLiteral("language"), m_exam.language},
                                    {QStringLiteral("questions"), questions}}},
                       {QStringLiteral("copies"), copies},
                       {QStringLiteral("summary"), summary}};
}

} // namespace Corrige::Core
