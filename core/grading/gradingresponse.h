#pragma once

#include "core/domain/exam.h"
#include "core/domain/grade.h"
#include "core/domain/result.h"

#include <QJsonObject>
#include <QStringList>

namespace Corrige::Core {

// Turns a model's structured answer into grades for one copy. Pure: no I/O.
//
// Scores outside [0, max] are clamped and flagged; scores are rounded to the rubric's step. A question the model
// left out makes the whole answer unusable (a retry can fix it); ids that were not asked are ignored.
class GradingResponse
{
public:
    static Result<QList<QuestionGrade>> parse(const QJsonObject &json, const Exam &exam, const QStringList &questionIds,
                                              qint64 copyId, GradeSource source, const QString &model);
};

} // namespace Corrige::Core
