#pragma once

#include "core/domain/copy.h"
#include "core/domain/exam.h"
#include "core/domain/grade.h"
#include "core/grading/dualcomparator.h"

#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace Corrige::Core {

// What one copy's answers come to, ready to store in one transaction.
struct CopyOutcome {
    CopyStatus status = CopyStatus::Graded; // Graded, NeedsReview, or Failed
    QList<QuestionGrade> stored;            // each model's grades and the final ones
    QString note;                           // Failed: the reason; dual with one answer: why the other is missing
    QList<QuestionComparison> comparisons;  // dual mode: one per question both models graded

    QList<QuestionGrade> finals() const;
};

// Turns each model's grades (or its error) for one copy into the grades to store, as live and batch grading both do:
// single mode keeps the model's grades; dual mode compares the two per question (within tolerance: the mean rounded
// to the rubric's step; beyond it: a provisional mean flagged for review), keeps one model's answer alone flagged for
// review when the other failed, and fails the copy when neither answered. Illegible or suspicious answers are flagged
// for review. Pure.
class CopyGrades
{
public:
    static CopyOutcome combine(const Exam &exam, bool dual, const Tolerance &tolerance,
                               const std::array<std::optional<QList<QuestionGrade>>, 2> &grades,
                               const std::array<QString, 2> &errors);
};

} // namespace Corrige::Core
