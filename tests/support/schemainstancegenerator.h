#pragma once

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace Corrige::Test {

// Builds a plausible JSON value that validates against a response schema, the way a well-behaved model would
// answer. Understands JSON Schema (responseJsonSchema, OpenAI json_schema.schema: type, properties, required,
// items, prefixItems, enum, const, anyOf/oneOf/allOf, $ref to #/$defs or #/definitions, minimum/maximum,
// multipleOf, minItems/maxItems, minLength/maxLength, nullable) and Gemini's upper-case responseSchema.
//
// Numbers bounded by a maximum get a value in [minimum, maximum] (a grading score between 0 and the question's
// maximum); unbounded ones get their minimum or 0, except a "confidence" (0.5 to 1). An array whose items name one
// question each (an item property with an enum, or one anyOf/oneOf variant per question, or prefixItems) gets one
// item per question; other arrays of objects get one item, arrays of plain values their minItems.
// When the prompt told the maximum of a question (see questionHints()), that question's score (a number property
// named score, points or mark) lies between 0 and that maximum, in its steps.
// Values are deterministic for a given `seed` and differ between seeds.
class SchemaInstanceGenerator
{
public:
    struct QuestionHint {
        double maxPoints = 0;
        double step = 0; // 0 = any value
    };

    SchemaInstanceGenerator(QJsonObject rootSchema, QString seed);

    // Question maxima read from a prompt: lines such as "id: q1 — Question 1 (maximum 4 points, step 0.5)".
    static QHash<QString, QuestionHint> questionHints(const QString &promptText);
    void setQuestionHints(QHash<QString, QuestionHint> hints) { m_hints = std::move(hints); }

    QJsonValue generate() const;

    // A JSON object that is valid JSON but does not match the schema: a required property missing and every
    // other value of the wrong type.
    QJsonObject generateMismatch() const;
    // The same damage done to a given object.
    QJsonObject mismatch(const QJsonObject &valid) const;

private:
    QJsonValue generate(const QJsonValue &schema, const QString &path, int depth) const;
    QJsonObject resolve(const QJsonValue &schema) const;
    QJsonObject mergeAllOf(const QJsonObject &schema) const;
    QJsonValue generateNumber(const QJsonObject &schema, bool integer, const QString &path) const;
    QJsonValue generateString(const QJsonObject &schema, const QString &path) const;
    QJsonValue generateArray(const QJsonObject &schema, const QString &path, int depth) const;
    QJsonValue generateObject(const QJsonObject &schema, const QString &path, int depth) const;
    quint32 hash(const QString &path) const;
    void applyHint(QJsonObject &item, const QString &questionId, const QString &path) const;

    QJsonObject m_root;
    QString m_seed;
    QHash<QString, QuestionHint> m_hints;
};

} // namespace Corrige::Test
