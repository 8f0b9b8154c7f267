#pragma once

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QRegularExpression>
#include <QSet>
#include <QString>
#include <QStringList>

namespace Corrige::Test {

// One reason why an instance does not validate.
struct SchemaViolation {
    QString keyword;    // the schema keyword that failed: type, required, additionalProperties, enum, minimum…
    QStringList path;   // where in the instance: property names and array indices ("0", "1"…)
    QString property;   // the property named by required / additionalProperties, else empty
    QJsonValue value;   // the offending instance value (for type, enum, const and bounds)
    QJsonValue expected; // the expected type name(s), the enum values or the bound
    QString message;    // English description

    QString pointer() const; // JSON pointer of `path`, e.g. "/contents/0/parts"
};

// A small JSON Schema validator for the official request schemas of the LLM APIs (Draft 2020-12 keywords, plus
// OpenAPI 3.0's `nullable`). Supported: boolean schemas, type (string or list; "integer" = a number without a
// fraction), enum, const, properties, patternProperties, additionalProperties, required, minProperties,
// maxProperties, items (schema, or a list as in older drafts), prefixItems, minItems, maxItems, uniqueItems,
// minLength, maxLength (in code points), pattern, minimum, maximum, exclusiveMinimum, exclusiveMaximum (number or
// OpenAPI 3.0 boolean form), multipleOf, allOf, anyOf, oneOf, not, if/then/else, and $ref to any JSON pointer
// inside the same document (#/$defs/…, #/definitions/…, #/components/schemas/…). format, discriminator and
// annotations are ignored.
//
// When anyOf/oneOf fails, the violations of the branch that got furthest into the instance are reported, so
// errors name the deepest offending field; branches failing on the same field's type or enum are merged.
//
// Not thread-safe (compiled patterns are cached): one validator per thread.
class JsonSchemaValidator
{
public:
    JsonSchemaValidator() = default;
    explicit JsonSchemaValidator(QJsonObject document);

    // Reads a JSON document holding the schemas. On failure returns false and says why in `errorString`.
    bool loadFile(const QString &fileName, QString *errorString = nullptr);
    void setDocument(QJsonObject document);
    const QJsonObject &document() const { return m_document; }

    // OpenAPI style: an object schema that declares properties but no additionalProperties rejects properties it
    // does not declare (itself, its allOf parts and its anyOf/oneOf branches together), as the OpenAI API rejects
    // unknown parameters. Off by default (plain JSON Schema semantics).
    void setRejectUndeclaredProperties(bool reject) { m_rejectUndeclared = reject; }

    // Validates `instance` against the schema at `schemaPointer` ("#" = the whole document,
    // "#/$defs/GenerateContentRequest"…). Returns the violations, most relevant first; empty = valid.
    QList<SchemaViolation> validate(const QJsonValue &instance, const QString &schemaPointer = QStringLiteral("#")) const;
    bool isValid(const QJsonValue &instance, const QString &schemaPointer = QStringLiteral("#")) const;

    // Validates against a schema given inline (its $refs resolve inside `schema` itself).
    static QList<SchemaViolation> validateAgainst(const QJsonValue &instance, const QJsonObject &schema);

    // Resolves a local reference ("#/a/b"). Returns Undefined when it does not point anywhere.
    QJsonValue resolvePointer(const QString &pointer) const;

private:
    struct Context {
        const QSet<QString> *inheritedKnown = nullptr; // properties declared by an enclosing anyOf/oneOf parent
        bool undeclaredChecked = false;                // an enclosing allOf already checks undeclared properties
    };

    void validateValue(const QJsonValue &instance, const QJsonValue &schema, const QStringList &path,
                       const Context &context, int depth, QList<SchemaViolation> &out) const;
    void validateObject(const QJsonObject &object, const QJsonObject &schema, const QStringList &path,
                        const Context &context, int depth, QList<SchemaViolation> &out) const;
    void validateArray(const QJsonArray &array, const QJsonObject &schema, const QStringList &path, int depth,
                       QList<SchemaViolation> &out) const;
    void validateCombinators(const QJsonValue &instance, const QJsonObject &schema, const QStringList &path,
                             const Context &context, int depth, QList<SchemaViolation> &out) const;
    // Properties declared by `schema`, its allOf parts and its anyOf/oneOf branches; false when one of them is open.
    bool collectDeclared(const QJsonValue &schema, QSet<QString> &declared, int depth) const;
    QJsonObject resolved(const QJsonValue &schema, int depth) const;
    bool matchesPattern(const QString &pattern, const QString &text) const;

    QJsonObject m_document;
    bool m_rejectUndeclared = false;
    mutable QHash<QString, QRegularExpression> m_patterns;
};

} // namespace Corrige::Test
