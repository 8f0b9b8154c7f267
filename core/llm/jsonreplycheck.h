#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace Corrige::Core {

// Checks that a structured reply has the shape its JSON Schema asks for: types, required properties, enums,
// closed objects (additionalProperties: false), array item shapes and sizes, anyOf, local $ref. Numeric
// bounds are deliberately not enforced: a score above its maximum is clamped and flagged by the grading
// code, not treated as a broken reply.
class JsonReplyCheck
{
public:
    // Empty when `value` matches `schema`; otherwise where and how it does not ("/questions/2/score: expected
    // a number").
    static QString firstProblem(const QJsonValue &value, const QJsonObject &schema);
};

} // namespace Corrige::Core
