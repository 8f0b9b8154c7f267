#pragma once

#include "core/domain/grade.h"

#include <QList>
#include <QString>

#include <optional>

namespace Corrige::Core {

// How far apart two models may be on one question and still agree.
struct Tolerance {
    double points = 0.5;    // absolute tolerance
    double fraction = 0.10; // of the question's maximum
    // The larger of the two applies: 0.5 point on a 2-point question, 1 point on a 10-point one.
    double forMaximum(double maxPoints) const;
};

struct QuestionComparison {
    double difference = 0.0;          // |A - B|
    bool exact = false;
    bool withinTolerance = false;
    std::optional<double> finalScore; // mean rounded to the step, when within tolerance
};

struct Agreement {
    int compared = 0;
    int exact = 0;
    int withinTolerance = 0;
    double sumAbsoluteDifference = 0.0;

    double meanAbsoluteDifference() const { return compared ? sumAbsoluteDifference / compared : 0.0; }
    double exactRate() const { return compared ? double(exact) / compared : 0.0; }
    double withinToleranceRate() const { return compared ? double(withinTolerance) / compared : 0.0; }
    void add(const QuestionComparison &comparison);
};

// Dual mode: two models grade independently; per question the difference decides.
class DualComparator
{
public:
    explicit DualComparator(Tolerance tolerance = {});

    QuestionComparison compare(double scoreA, double scoreB, double maxPoints, double step) const;

    // Combines the two grades of one question into the `final` grade: the rounded mean when they agree,
    // nothing (and the NeedsReview flag on both) when they do not.
    std::optional<QuestionGrade> finalGrade(QuestionGrade &a, QuestionGrade &b, double step,
                                            QuestionComparison *comparison = nullptr) const;

    static double roundToStep(double score, double step, double maxPoints);

private:
    Tolerance m_tolerance;
};

} // namespace Corrige::Core
