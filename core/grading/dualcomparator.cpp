#include "core/grading/dualcomparator.h"

#include <algorithm>
#include <cmath>

namespace Corrige::Core {

namespace {
constexpr double epsilon = 1e-9;
}

double Tolerance::forMaximum(double maxPoints) const
{
    return std::max(points, fraction * maxPoints);
}

void Agreement::add(const QuestionComparison &comparison)
{
    ++compared;
    exact += comparison.exact ? 1 : 0;
    withinTolerance += comparison.withinTolerance ? 1 : 0;
    sumAbsoluteDifference += comparison.difference;
}

DualComparator::DualComparator(Tolerance tolerance)
    : m_tolerance(tolerance)
{
}

double DualComparator::roundToStep(double score, double step, double maxPoints)
{
    double rounded = step > 0.0 ? std::round(score / step) * step : score;
    // Whole steps may not land on an odd maximum (step 0.5, max 2.25): never exceed it.
    rounded = std::clamp(rounded, 0.0, maxPoints);
    return std::round(rounded * 1e6) / 1e6;
}

QuestionComparison DualComparator::compare(double scoreA, double scoreB, double maxPoints, double step) const
{
    QuestionComparison comparison;
    comparison.difference = std::abs(scoreA - scoreB);
    comparison.exact = comparison.difference < epsilon;
    comparison.withinTolerance = comparison.difference <= m_tolerance.forMaximum(maxPoints) + epsilon;
    if (comparison.withinTolerance)
        comparison.finalScore = roundToStep((scoreA + scoreB) / 2.0, step, maxPoints);
    return comparison;
}

std::optional<QuestionGrade> DualComparator::finalGrade(QuestionGrade &a, QuestionGrade &b, double step,
                                                        QuestionComparison *comparison) const
{
    const QuestionComparison result = compare(a.score, b.score, a.maxPoints, step);
    if (comparison)
        *comparison = result;
    if (!result.withinTolerance) {
        a.flags |= GradeFlag::NeedsReview;
        b.flags |= GradeFlag::NeedsReview;
        return std::nullopt;
    }
    QuestionGrade final = a;
    final.source = GradeSource::Final;
    final.score = *result.finalScore;
    final.flags = (a.flags | b.flags) & ~GradeFlags(GradeFlag::NeedsReview);
    final.justification.clear();
    final.transcription.clear();
    final.model.clear();
    final.confidence = (a.confidence >= 0 && b.confidence >= 0) ? std::min(a.confidence, b.confidence) : -1;
    return final;
}

} // namespace Corrige::Core
