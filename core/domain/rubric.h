#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

class QJsonObject;

namespace Corrige::Core {

struct Criterion {
    QString description;
    double points = 0.0;

    friend bool operator==(const Criterion &, const Criterion &) = default;
};

// Where a rubric came from. An AI draft stays `Ai` until a teacher edits it.
enum class RubricOrigin { Exam, Ai, Teacher };

QString rubricOriginToString(RubricOrigin origin);
RubricOrigin rubricOriginFromString(const QString &text);

// How one question is marked. The same rubric applies to every copy.
struct Rubric {
    QList<Criterion> criteria;
    QString guidelines; // free text for the model; never changes a maximum
    RubricOrigin origin = RubricOrigin::Exam;
    double step = 0.5;  // scores are rounded to multiples of this

    bool isEmpty() const { return criteria.isEmpty() && guidelines.trimmed().isEmpty(); }
    double criteriaTotal() const;

    QJsonObject toJson() const;
    static Rubric fromJson(const QJsonObject &object);

    friend bool operator==(const Rubric &, const Rubric &) = default;
};

} // namespace Corrige::Core

Q_DECLARE_METATYPE(Corrige::Core::Rubric)
