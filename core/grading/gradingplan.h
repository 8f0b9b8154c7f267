#pragma once

#include "core/domain/copy.h"
#include "core/domain/exam.h"
#include "core/domain/grade.h"

#include <QList>
#include <QString>

namespace Corrige::Core {

// One copy to send to the model(s), with the questions still to grade on it.
struct PlannedWork {
    qint64 copyId = 0;
    QStringList questionIds;
};

// Picks the copies × questions without a final grade, leaving out copies submitted in a batch. Teacher grades are never re-graded;
// with `regrade`, AI grades are graded again (teacher grades still win).
class GradingPlan
{
public:
    static QList<PlannedWork> build(const Exam &exam, const QList<Copy> &copies, const QList<QuestionGrade> &grades,
                                    bool regrade = false);
};

} // namespace Corrige::Core
