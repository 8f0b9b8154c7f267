#include "core/domain/rubric.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Corrige::Core {

QString rubricOriginToString(RubricOrigin origin)
{
    switch (origin) {
    case RubricOrigin::Exam: return QStringLiteral("exam");
    case RubricOrigin::Ai: return QStringLiteral("ai");
    case RubricOrigin::Teacher: return QStringLiteral("teacher");
    }
    return QStringLiteral("exam");
}

RubricOrigin rubricOriginFromString(const QString &text)
{
    if (text == QLatin1String("ai"))
        return RubricOrigin::Ai;
    if (text == QLatin1String("teacher"))
        return RubricOrigin::Teacher;
    return RubricOrigin::Exam;
}

double Rubric::criteriaTotal() const
{
    double total = 0.0;
    for (const Criterion &criterion : criteria)
        total += criterion.points;
    return total;
}

QJsonObject Rubric::toJson() const
{
    QJsonArray array;
    for (const Criterion &criterion : criteria)
        array.append(QJsonObject{{QStringLiteral("description"), criterion.description},
                                 {QStringLiteral("points"), criterion.points}});
    QJsonObject object{{QStringLiteral("criteria"), array}};
    if (!guidelines.isEmpty())
        object.insert(QStringLiteral("guidelines"), guidelines);
    object.insert(QStringLiteral("source"), rubricOriginToString(origin));
    object.insert(QStringLiteral("step"), step);
    return object;
}

Rubric Rubric::fromJson(const QJsonObject &object)
{
    Rubric rubric;
    const QJsonArray array = object.value(QStringLiteral("criteria")).toArray();
    for (const QJsonValue &value : array) {
        const QJsonObject item = value.toObject();
        rubric.criteria.append({item.value(QStringLiteral("description")).toString(),
                                item.value(QStringLiteral("points")).toDouble()});
    }
    rubric.guidelines = object.value(QStringLiteral("guidelines")).toString();
    rubric.origin = rubricOriginFromString(object.value(QStringLiteral("source")).toString());
    rubric.step = object.value(QStringLiteral("step")).toDouble(0.5);
    if (rubric.step <= 0.0)
        rubric.step = 0.5;
    return rubric;
}

} // namespace Corrige::Core
