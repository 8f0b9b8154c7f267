#include "core/grading/gradingresponse.h"

#include "core/grading/dualcomparator.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>

#include <cmath>

namespace Corrige::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Corrige::Core::GradingResponse", text);
}

} // namespace

Result<QList<QuestionGrade>> GradingResponse::parse(const QJsonObject &json, const Exam &exam,
                                                    const QStringList &questionIds, qint64 copyId, GradeSource source,
                                                    const QString &model)
{
    using R = Result<QList<QuestionGrade>>;
    const QJsonValue list = json.value(QStringLiteral("questions"));
    if (!list.isArray())
        return R::failure(ErrorCode::BadResponse, tr("The model's answer has no list of questions."));

    QHash<QString, QuestionGrade> byId;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QJsonValue &value : list.toArray()) {
        const QJsonObject item = value.toObject();
        const QString id = item.value(QStringLiteral("id")).toString();
        if (!questionIds.contains(id) || byId.contains(id))
            continue;
        const Question *question = exam.question(id);
        if (!question)
            continue;
        const QJsonValue scoreValue = item.value(QStringLiteral("score"));
        if (!scoreValue.isDouble() || !std::isfinite(scoreValue.toDouble()))
            return R::failure(ErrorCode::BadResponse,
                              tr("The model gave no usable score for %1.").arg(question->displayLabel()));
        QuestionGrade grade;
        grade.copyId = copyId;
        grade.questionId = id;
        grade.source = source;
        grade.maxPoints = question->maxPoints;
        grade.justification = item.value(QStringLiteral("justification")).toString().trimmed();
        grade.transcription = item.value(QStringLiteral("transcription")).toString();
        const QJsonValue confidence = item.value(QStringLiteral("confidence"));
        grade.confidence = confidence.isDouble() ? std::clamp(confidence.toDouble(), 0.0, 1.0) : -1.0;
        QStringList flagNames;
        for (const QJsonValue &flag : item.value(QStringLiteral("flags")).toArray())
            flagNames.append(flag.toString());
        // Only flags a model may raise; "clamped" and "needs_review" are Corrige's to set.
        grade.flags = gradeFlagsFromStrings(flagNames) & (GradeFlag::Blank | GradeFlag::Illegible | GradeFlag::Suspicious);
        double score = scoreValue.toDouble();
        if (score < 0 || score > question->maxPoints) {
            score = std::clamp(score, 0.0, question->maxPoints);
            grade.flags |= GradeFlag::Clamped;
        }
        const double step = question->rubric ? question->rubric->step : 0.5;
        grade.score = DualComparator::roundToStep(score, step, question->maxPoints);
        grade.model = model;
        grade.createdAt = now;
        byId.insert(id, grade);
    }

    QList<QuestionGrade> grades;
    QStringList missing;
    for (const QString &id : questionIds) {
        const auto it = byId.constFind(id);
        if (it == byId.constEnd()) {
            const Question *question = exam.question(id);
            missing.append(question ? question->displayLabel() : id);
        } else {
            grades.append(*it);
        }
    }
    if (!missing.isEmpty())
        return R::failure(ErrorCode::BadResponse,
                          tr("The model's answer leaves out %1.").arg(missing.join(QStringLiteral(", "))));
    return grades;
}

} // namespace Corrige::Core
