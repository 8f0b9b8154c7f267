#include "core/domain/grade.h"

#include <QStringList>

#include <array>
#include <utility>

namespace Corrige::Core {

namespace {

constexpr std::array<std::pair<GradeFlag, const char *>, 5> flagNames{{
    {GradeFlag::Blank, "blank"},
    {GradeFlag::Illegible, "illegible"},
    {GradeFlag::Suspicious, "suspicious"},
    {GradeFlag::Clamped, "clamped"},
    {GradeFlag::NeedsReview, "needs_review"},
}};

} // namespace

QString gradeSourceToString(GradeSource source)
{
    switch (source) {
    case GradeSource::ModelA: return QStringLiteral("model_a");
    case GradeSource::ModelB: return QStringLiteral("model_b");
    case GradeSource::Teacher: return QStringLiteral("teacher");
    case GradeSource::Final: return QStringLiteral("final");
    }
    return QStringLiteral("model_a");
}

GradeSource gradeSourceFromString(const QString &text, bool *ok)
{
    if (ok)
        *ok = true;
    if (text == QLatin1String("model_a"))
        return GradeSource::ModelA;
    if (text == QLatin1String("model_b"))
        return GradeSource::ModelB;
    if (text == QLatin1String("teacher"))
        return GradeSource::Teacher;
    if (text == QLatin1String("final"))
        return GradeSource::Final;
    if (ok)
        *ok = false;
    return GradeSource::ModelA;
}

QStringList gradeFlagsToStrings(GradeFlags flags)
{
    QStringList names;
    for (const auto &[flag, name] : flagNames) {
        if (flags.testFlag(flag))
            names.append(QString::fromLatin1(name));
    }
    return names;
}

GradeFlags gradeFlagsFromStrings(const QStringList &names)
{
    GradeFlags flags;
    for (const auto &[flag, name] : flagNames) {
        if (names.contains(QLatin1String(name)))
            flags |= flag;
    }
    return flags;
}

} // namespace Corrige::Core
