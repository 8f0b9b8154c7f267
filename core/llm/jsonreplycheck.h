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

    // Parses `text` as the reply's JSON object into `json` (left empty when it is not one) and, when a schema
    // was asked for, checks it. Empty when the answer can be used; otherwise why not, for a teacher.
    static QString readAnswer(const QString &text, const QJsonObject &schema, QJsonObject *json);
};

} // namespace Corrige::Core
