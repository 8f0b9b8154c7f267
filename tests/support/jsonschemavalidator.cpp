#include "tests/support/jsonschemavalidator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QUrl>

#include <algorithm>
#include <cmath>

namespace Corrige::Test {

namespace {

constexpr int maxDepth = 256;

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("boolean");
    case QJsonValue::Double: {
        const double d = value.toDouble();
        return std::isfinite(d) && d == std::floor(d) ? QStringLiteral("integer") : QStringLiteral("number");
    }
    case QJsonValue::String: return QStringLiteral("string");
    case QJsonValue::Array: return QStringLiteral("array");
    case QJsonValue::Object: return QStringLiteral("object");
    default: return QStringLiteral("undefined");
    }
}

bool typeMatches(const QJsonValue &value, const QString &wanted)
{
    const QString type = wanted.toLower();
    const QString actual = typeName(value);
    if (type == actual)
        return true;
    return type == QLatin1String("number") && actual == QLatin1String("integer");
}

QString compact(const QJsonValue &value, int limit = 80)
{
    QString text;
    if (value.isObject())
        text = QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    else if (value.isArray())
        text = QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    else {
        const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
        text = QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
    }
    if (text.size() > limit)
        text = text.left(limit) + QStringLiteral("…");
    return text;
}

QString listed(const QJsonArray &values)
{
    QStringList items;
    for (const QJsonValue &value : values)
        items.append(compact(value, 40));
    return items.join(QLatin1String(", "));
}

bool jsonEqual(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isDouble() && b.isDouble())
        return a.toDouble() == b.toDouble();
    return a == b;
}

SchemaViolation violation(const QString &keyword, const QStringList &path, const QString &message)
{
    SchemaViolation v;
    v.keyword = keyword;
    v.path = path;
    v.message = message;
    return v;
}

qsizetype codePoints(const QString &text)
{
    qsizetype count = 0;
    for (const QChar c : text) {
        if (!c.isLowSurrogate())
            ++count;
    }
    return count;
}

qsizetype maxPathLength(const QList<SchemaViolation> &violations)
{
    qsizetype length = 0;
    for (const SchemaViolation &v : violations)
        length = std::max(length, v.path.size());
    return length;
}

} // namespace

QString SchemaViolation::pointer() const
{
    QString out;
    for (QString segment : path) {
        segment.replace(QLatin1Char('~'), QLatin1String("~0")).replace(QLatin1Char('/'), QLatin1String("~1"));
        out += QLatin1Char('/') + segment;
    }
    return out;
}

JsonSchemaValidator::JsonSchemaValidator(QJsonObject document)
    : m_document(std::move(document))
{
}

bool JsonSchemaValidator::loadFile(const QString &fileName, QString *errorString)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        if (errorString)
            *errorString = QStringLiteral("%1: %2").arg(fileName, file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        if (errorString) {
            *errorString = QStringLiteral("%1: not a JSON object (%2 at offset %3)")
                               .arg(fileName, parseError.errorString())
                               .arg(parseError.offset);
        }
        return false;
    }
    setDocument(document.object());
    return true;
}

void JsonSchemaValidator::setDocument(QJsonObject document)
{
    m_document = std::move(document);
    m_patterns.clear();
}

QJsonValue JsonSchemaValidator::resolvePointer(const QString &pointer) const
{
    if (!pointer.startsWith(QLatin1Char('#')))
        return QJsonValue(QJsonValue::Undefined);
    QJsonValue current = m_document;
    const QString fragment = QUrl::fromPercentEncoding(pointer.mid(1).toUtf8());
    if (fragment.isEmpty())
        return current;
    if (!fragment.startsWith(QLatin1Char('/')))
        return QJsonValue(QJsonValue::Undefined);
    const QStringList segments = fragment.mid(1).split(QLatin1Char('/'));
    for (QString segment : segments) {
        segment.replace(QLatin1String("~1"), QLatin1String("/")).replace(QLatin1String("~0"), QLatin1String("~"));
        if (current.isObject()) {
            const QJsonObject object = current.toObject();
            if (!object.contains(segment))
                return QJsonValue(QJsonValue::Undefined);
            current = object.value(segment);
        } else if (current.isArray()) {
            bool ok = false;
            const int index = segment.toInt(&ok);
            const QJsonArray array = current.toArray();
            if (!ok || index < 0 || index >= array.size())
                return QJsonValue(QJsonValue::Undefined);
            current = array.at(index);
        } else {
            return QJsonValue(QJsonValue::Undefined);
        }
    }
    return current;
}

QList<SchemaViolation> JsonSchemaValidator::validate(const QJsonValue &instance, const QString &schemaPointer) const
{
    QList<SchemaViolation> out;
    const QJsonValue schema = resolvePointer(schemaPointer);
    if (schema.isUndefined()) {
        out.append(violation(QStringLiteral("$ref"), {}, QStringLiteral("no schema at %1").arg(schemaPointer)));
        return out;
    }
    validateValue(instance, schema, {}, Context{}, 0, out);
    return out;
}

bool JsonSchemaValidator::isValid(const QJsonValue &instance, const QString &schemaPointer) const
{
    return validate(instance, schemaPointer).isEmpty();
}

QList<SchemaViolation> JsonSchemaValidator::validateAgainst(const QJsonValue &instance, const QJsonObject &schema)
{
    return JsonSchemaValidator(schema).validate(instance);
}

QJsonObject JsonSchemaValidator::resolved(const QJsonValue &schema, int depth) const
{
    QJsonObject object = schema.toObject();
    while (object.contains(QLatin1String("$ref")) && depth++ < maxDepth) {
        const QJsonValue target = resolvePointer(object.value(QLatin1String("$ref")).toString());
        if (!target.isObject())
            return {};
        QJsonObject next = target.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (it.key() != QLatin1String("$ref") && !next.contains(it.key()))
                next.insert(it.key(), it.value());
        }
        object = next;
    }
    return object;
}

bool JsonSchemaValidator::matchesPattern(const QString &pattern, const QString &text) const
{
    auto it = m_patterns.find(pattern);
    if (it == m_patterns.end()) {
        QRegularExpression expression(pattern);
        expression.optimize();
        it = m_patterns.insert(pattern, expression);
    }
    if (!it->isValid())
        return true;
    return it->match(text).hasMatch();
}

void JsonSchemaValidator::validateValue(const QJsonValue &instance, const QJsonValue &schemaValue,
                                        const QStringList &path, const Context &context, int depth,
                                        QList<SchemaViolation> &out) const
{
    if (depth > maxDepth)
        return;
    if (schemaValue.isBool()) {
        if (!schemaValue.toBool())
            out.append(violation(QStringLiteral("false"), path, QStringLiteral("no value is allowed here")));
        return;
    }
    if (!schemaValue.isObject())
        return;
    const QJsonObject schema = schemaValue.toObject();

    if (schema.contains(QLatin1String("$ref"))) {
        const QString ref = schema.value(QLatin1String("$ref")).toString();
        const QJsonValue target = resolvePointer(ref);
        if (target.isUndefined()) {
            out.append(violation(QStringLiteral("$ref"), path, QStringLiteral("unresolvable reference %1").arg(ref)));
            return;
        }
        if (schema.value(QLatin1String("nullable")).toBool() && instance.isNull())
            return;
        validateValue(instance, target, path, context, depth + 1, out);
    }

    if (schema.value(QLatin1String("nullable")).toBool() && instance.isNull())
        return;

    // type
    if (schema.contains(QLatin1String("type"))) {
        const QJsonValue type = schema.value(QLatin1String("type"));
        bool matched = false;
        QJsonArray expected;
        if (type.isArray()) {
            expected = type.toArray();
            for (const QJsonValue &t : expected)
                matched = matched || typeMatches(instance, t.toString());
        } else {
            expected.append(type);
            matched = typeMatches(instance, type.toString());
        }
        if (!matched) {
            QStringList names;
            for (const QJsonValue &t : std::as_const(expected))
                names.append(t.toString().toLower());
            SchemaViolation v = violation(QStringLiteral("type"), path,
                                          QStringLiteral("expected %1, got %2")
                                              .arg(names.join(QLatin1String(" or ")), typeName(instance)));
            v.value = instance;
            v.expected = type;
            out.append(v);
            return;
        }
    }

    if (schema.contains(QLatin1String("enum"))) {
        const QJsonArray values = schema.value(QLatin1String("enum")).toArray();
        const bool found = std::any_of(values.begin(), values.end(),
                                       [&instance](const QJsonValue &v) { return jsonEqual(v, instance); });
        if (!found) {
            SchemaViolation v = violation(QStringLiteral("enum"), path,
                                          QStringLiteral("%1 is not one of: %2").arg(compact(instance), listed(values)));
            v.value = instance;
            v.expected = values;
            out.append(v);
        }
    }
    if (schema.contains(QLatin1String("const"))) {
        const QJsonValue wanted = schema.value(QLatin1String("const"));
        if (!jsonEqual(wanted, instance)) {
            SchemaViolation v = violation(QStringLiteral("const"), path,
                                          QStringLiteral("%1 is not %2").arg(compact(instance), compact(wanted)));
            v.value = instance;
            v.expected = wanted;
            out.append(v);
        }
    }

    if (instance.isDouble()) {
        const double number = instance.toDouble();
        auto bound = [&](const char *keyword, bool failed, const QString &message) {
            if (!failed)
                return;
            SchemaViolation v = violation(QLatin1String(keyword), path, message);
            v.value = instance;
            v.expected = schema.value(QLatin1String(keyword));
            out.append(v);
        };
        const bool exclusiveMinFlag = schema.value(QLatin1String("exclusiveMinimum")).isBool()
            && schema.value(QLatin1String("exclusiveMinimum")).toBool();
        const bool exclusiveMaxFlag = schema.value(QLatin1String("exclusiveMaximum")).isBool()
            && schema.value(QLatin1String("exclusiveMaximum")).toBool();
        if (schema.contains(QLatin1String("minimum"))) {
            const double min = schema.value(QLatin1String("minimum")).toDouble();
            bound("minimum", exclusiveMinFlag ? number <= min : number < min,
                  QStringLiteral("%1 is below the minimum %2").arg(number).arg(min));
        }
        if (schema.contains(QLatin1String("maximum"))) {
            const double max = schema.value(QLatin1String("maximum")).toDouble();
            bound("maximum", exclusiveMaxFlag ? number >= max : number > max,
                  QStringLiteral("%1 is above the maximum %2").arg(number).arg(max));
        }
        if (schema.value(QLatin1String("exclusiveMinimum")).isDouble()) {
            const double min = schema.value(QLatin1String("exclusiveMinimum")).toDouble();
            bound("exclusiveMinimum", number <= min, QStringLiteral("%1 is not above %2").arg(number).arg(min));
        }
        if (schema.value(QLatin1String("exclusiveMaximum")).isDouble()) {
            const double max = schema.value(QLatin1String("exclusiveMaximum")).toDouble();
            bound("exclusiveMaximum", number >= max, QStringLiteral("%1 is not below %2").arg(number).arg(max));
        }
        if (schema.contains(QLatin1String("multipleOf"))) {
            const double step = schema.value(QLatin1String("multipleOf")).toDouble();
            if (step > 0) {
                const double ratio = number / step;
                bound("multipleOf", std::abs(ratio - std::round(ratio)) > 1e-9,
                      QStringLiteral("%1 is not a multiple of %2").arg(number).arg(step));
            }
        }
    }

    if (instance.isString()) {
        const QString text = instance.toString();
        if (schema.contains(QLatin1String("minLength")) || schema.contains(QLatin1String("maxLength"))) {
            const qsizetype length = codePoints(text);
            if (schema.contains(QLatin1String("minLength"))
                && length < schema.value(QLatin1String("minLength")).toInteger()) {
                SchemaViolation v = violation(QStringLiteral("minLength"), path,
                                              QStringLiteral("shorter than %1 characters")
                                                  .arg(schema.value(QLatin1String("minLength")).toInteger()));
                v.value = instance;
                v.expected = schema.value(QLatin1String("minLength"));
                out.append(v);
            }
            if (schema.contains(QLatin1String("maxLength"))
                && length > schema.value(QLatin1String("maxLength")).toInteger()) {
                SchemaViolation v = violation(QStringLiteral("maxLength"), path,
                                              QStringLiteral("longer than %1 characters")
                                                  .arg(schema.value(QLatin1String("maxLength")).toInteger()));
                v.value = instance;
                v.expected = schema.value(QLatin1String("maxLength"));
                out.append(v);
            }
        }
        if (schema.contains(QLatin1String("pattern"))) {
            const QString pattern = schema.value(QLatin1String("pattern")).toString();
            if (!matchesPattern(pattern, text)) {
                SchemaViolation v = violation(QStringLiteral("pattern"), path,
                                              QStringLiteral("%1 does not match %2").arg(compact(instance), pattern));
                v.value = instance;
                v.expected = pattern;
                out.append(v);
            }
        }
    }

    if (instance.isObject())
        validateObject(instance.toObject(), schema, path, context, depth, out);
    else if (instance.isArray())
        validateArray(instance.toArray(), schema, path, depth, out);

    validateCombinators(instance, schema, path, context, depth, out);
}

bool JsonSchemaValidator::collectDeclared(const QJsonValue &schemaValue, QSet<QString> &declared, int depth) const
{
    if (depth > 32)
        return true;
    const QJsonObject schema = resolved(schemaValue, depth);
    if (schema.contains(QLatin1String("additionalProperties"))
        && schema.value(QLatin1String("additionalProperties")) != QJsonValue(false))
        return false;
    const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
    for (auto it = properties.constBegin(); it != properties.constEnd(); ++it)
        declared.insert(it.key());
    bool closed = true;
    for (const char *keyword : {"allOf", "anyOf", "oneOf"}) {
        const QJsonArray parts = schema.value(QLatin1String(keyword)).toArray();
        for (const QJsonValue &part : parts)
            closed = collectDeclared(part, declared, depth + 1) && closed;
    }
    return closed;
}

void JsonSchemaValidator::validateObject(const QJsonObject &object, const QJsonObject &schema,
                                         const QStringList &path, const Context &context, int depth,
                                         QList<SchemaViolation> &out) const
{
    const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
    const QJsonObject patternProperties = schema.value(QLatin1String("patternProperties")).toObject();
    const bool hasAdditional = schema.contains(QLatin1String("additionalProperties"));
    const QJsonValue additional = schema.value(QLatin1String("additionalProperties"));

    // Undeclared properties, OpenAPI style: checked once per group (a schema with its allOf parts).
    QSet<QString> declared;
    bool checkUndeclared = false;
    if (m_rejectUndeclared && !hasAdditional && !context.undeclaredChecked) {
        QSet<QString> own;
        bool closed = true;
        for (auto it = properties.constBegin(); it != properties.constEnd(); ++it)
            own.insert(it.key());
        const QJsonArray parts = schema.value(QLatin1String("allOf")).toArray();
        for (const QJsonValue &part : parts)
            closed = collectDeclared(part, own, depth + 1) && closed;
        if (closed && !own.isEmpty()) {
            declared = own;
            for (const char *keyword : {"anyOf", "oneOf"}) {
                const QJsonArray branches = schema.value(QLatin1String(keyword)).toArray();
                for (const QJsonValue &branch : branches)
                    closed = collectDeclared(branch, declared, depth + 1) && closed;
            }
            if (context.inheritedKnown)
                declared.unite(*context.inheritedKnown);
            checkUndeclared = closed;
        }
    }

    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QString &key = it.key();
        bool matched = false;
        if (properties.contains(key)) {
            matched = true;
            validateValue(it.value(), properties.value(key), path + QStringList{key}, Context{}, depth + 1, out);
        }
        for (auto p = patternProperties.constBegin(); p != patternProperties.constEnd(); ++p) {
            if (matchesPattern(p.key(), key)) {
                matched = true;
                validateValue(it.value(), p.value(), path + QStringList{key}, Context{}, depth + 1, out);
            }
        }
        if (matched)
            continue;
        if (hasAdditional) {
            if (additional.isBool() && !additional.toBool()) {
                SchemaViolation v = violation(QStringLiteral("additionalProperties"), path + QStringList{key},
                                              QStringLiteral("property '%1' is not allowed").arg(key));
                v.property = key;
                out.append(v);
            } else if (additional.isObject()) {
                validateValue(it.value(), additional, path + QStringList{key}, Context{}, depth + 1, out);
            }
        } else if (checkUndeclared && !declared.contains(key)) {
            SchemaViolation v = violation(QStringLiteral("additionalProperties"), path + QStringList{key},
                                          QStringLiteral("property '%1' is not allowed").arg(key));
            v.property = key;
            out.append(v);
        }
    }

    const QJsonArray required = schema.value(QLatin1String("required")).toArray();
    for (const QJsonValue &name : required) {
        if (!object.contains(name.toString())) {
            SchemaViolation v = violation(QStringLiteral("required"), path,
                                          QStringLiteral("missing required property '%1'").arg(name.toString()));
            v.property = name.toString();
            out.append(v);
        }
    }
    if (schema.contains(QLatin1String("minProperties"))
        && object.size() < schema.value(QLatin1String("minProperties")).toInteger()) {
        out.append(violation(QStringLiteral("minProperties"), path,
                             QStringLiteral("fewer than %1 properties")
                                 .arg(schema.value(QLatin1String("minProperties")).toInteger())));
    }
    if (schema.contains(QLatin1String("maxProperties"))
        && object.size() > schema.value(QLatin1String("maxProperties")).toInteger()) {
        out.append(violation(QStringLiteral("maxProperties"), path,
                             QStringLiteral("more than %1 properties")
                                 .arg(schema.value(QLatin1String("maxProperties")).toInteger())));
    }
}

void JsonSchemaValidator::validateArray(const QJsonArray &array, const QJsonObject &schema, const QStringList &path,
                                        int depth, QList<SchemaViolation> &out) const
{
    qsizetype prefixLength = 0;
    QJsonArray prefix = schema.value(QLatin1String("prefixItems")).toArray();
    const QJsonValue items = schema.value(QLatin1String("items"));
    if (items.isArray())
        prefix = items.toArray();
    prefixLength = prefix.size();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QStringList itemPath = path + QStringList{QString::number(i)};
        if (i < prefixLength)
            validateValue(array.at(i), prefix.at(i), itemPath, Context{}, depth + 1, out);
        else if (items.isObject() || items.isBool())
            validateValue(array.at(i), items, itemPath, Context{}, depth + 1, out);
    }
    if (schema.contains(QLatin1String("minItems")) && array.size() < schema.value(QLatin1String("minItems")).toInteger()) {
        SchemaViolation v = violation(QStringLiteral("minItems"), path,
                                      QStringLiteral("fewer than %1 items")
                                          .arg(schema.value(QLatin1String("minItems")).toInteger()));
        v.value = array;
        v.expected = schema.value(QLatin1String("minItems"));
        out.append(v);
    }
    if (schema.contains(QLatin1String("maxItems")) && array.size() > schema.value(QLatin1String("maxItems")).toInteger()) {
        SchemaViolation v = violation(QStringLiteral("maxItems"), path,
                                      QStringLiteral("more than %1 items")
                                          .arg(schema.value(QLatin1String("maxItems")).toInteger()));
        v.value = array;
        v.expected = schema.value(QLatin1String("maxItems"));
        out.append(v);
    }
    if (schema.value(QLatin1String("uniqueItems")).toBool()) {
        for (qsizetype i = 0; i < array.size(); ++i) {
            for (qsizetype j = i + 1; j < array.size(); ++j) {
                if (jsonEqual(array.at(i), array.at(j))) {
                    out.append(violation(QStringLiteral("uniqueItems"), path,
                                         QStringLiteral("items %1 and %2 are equal").arg(i).arg(j)));
                    return;
                }
            }
        }
    }
}

void JsonSchemaValidator::validateCombinators(const QJsonValue &instance, const QJsonObject &schema,
                                              const QStringList &path, const Context &context, int depth,
                                              QList<SchemaViolation> &out) const
{
    const QJsonArray allOf = schema.value(QLatin1String("allOf")).toArray();
    for (const QJsonValue &part : allOf) {
        Context partContext;
        partContext.inheritedKnown = context.inheritedKnown;
        partContext.undeclaredChecked = true;
        validateValue(instance, part, path, partContext, depth + 1, out);
    }

    // Properties the branches inherit from this level (its own and its allOf parts').
    QSet<QString> inherited;
    if (context.inheritedKnown)
        inherited = *context.inheritedKnown;
    if (m_rejectUndeclared) {
        const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
        for (auto it = properties.constBegin(); it != properties.constEnd(); ++it)
            inherited.insert(it.key());
        for (const QJsonValue &part : allOf)
            collectDeclared(part, inherited, depth + 1);
    }

    for (const char *keyword : {"anyOf", "oneOf"}) {
        if (!schema.contains(QLatin1String(keyword)))
            continue;
        const bool exactlyOne = qstrcmp(keyword, "oneOf") == 0;
        const QJsonArray branches = schema.value(QLatin1String(keyword)).toArray();
        QList<QList<SchemaViolation>> failures;
        int validCount = 0;
        for (const QJsonValue &branch : branches) {
            QList<SchemaViolation> branchOut;
            Context branchContext;
            branchContext.inheritedKnown = &inherited;
            validateValue(instance, branch, path, branchContext, depth + 1, branchOut);
            if (branchOut.isEmpty())
                ++validCount;
            else
                failures.append(branchOut);
        }
        if (exactlyOne && validCount > 1) {
            out.append(violation(QStringLiteral("oneOf"), path,
                                 QStringLiteral("matches %1 of the alternatives instead of exactly one").arg(validCount)));
            continue;
        }
        if (validCount > 0 || failures.isEmpty())
            continue;

        // Same field, same keyword (type or enum) in every branch: one merged violation.
        const SchemaViolation &first = failures.first().first();
        const bool mergeable = (first.keyword == QLatin1String("type") || first.keyword == QLatin1String("enum"))
            && std::all_of(failures.begin(), failures.end(), [&first](const QList<SchemaViolation> &f) {
                   return f.size() == 1 && f.first().keyword == first.keyword && f.first().path == first.path;
               });
        if (mergeable) {
            SchemaViolation merged = first;
            QJsonArray expected;
            QStringList names;
            for (const QList<SchemaViolation> &f : std::as_const(failures)) {
                const QJsonValue e = f.first().expected;
                const QJsonArray parts = e.isArray() ? e.toArray() : QJsonArray{e};
                for (const QJsonValue &p : parts) {
                    if (!expected.contains(p)) {
                        expected.append(p);
                        names.append(first.keyword == QLatin1String("type") ? p.toString().toLower() : compact(p, 40));
                    }
                }
            }
            merged.expected = expected;
            merged.message = first.keyword == QLatin1String("type")
                ? QStringLiteral("expected %1, got %2").arg(names.join(QLatin1String(" or ")), typeName(instance))
                : QStringLiteral("%1 is not one of: %2").arg(compact(instance), names.join(QLatin1String(", ")));
            out.append(merged);
            continue;
        }

        // A discriminating field (an enum or const just below) refused by every branch: one violation listing all
        // the values the branches accept (OpenAI's messages[].role).
        {
            QList<const SchemaViolation *> discriminators;
            for (const QList<SchemaViolation> &f : std::as_const(failures)) {
                const auto found = std::find_if(f.begin(), f.end(), [&path](const SchemaViolation &v) {
                    return (v.keyword == QLatin1String("enum") || v.keyword == QLatin1String("const"))
                        && v.path.size() == path.size() + 1 && v.path.mid(0, path.size()) == path;
                });
                if (found == f.end() || (!discriminators.isEmpty() && found->path != discriminators.first()->path))
                    break;
                discriminators.append(&*found);
            }
            if (discriminators.size() == failures.size()) {
                SchemaViolation merged = *discriminators.first();
                merged.keyword = QStringLiteral("enum");
                QJsonArray expected;
                for (const SchemaViolation *v : std::as_const(discriminators)) {
                    const QJsonArray values = v->keyword == QLatin1String("enum") ? v->expected.toArray()
                                                                                  : QJsonArray{v->expected};
                    for (const QJsonValue &value : values) {
                        if (!expected.contains(value))
                            expected.append(value);
                    }
                }
                merged.expected = expected;
                merged.message = QStringLiteral("%1 is not one of: %2").arg(compact(merged.value), listed(expected));
                out.append(merged);
                continue;
            }
        }

        // Otherwise the branch that fits best: not refused on the instance's own type or on a discriminating
        // enum/const just below it, then the deepest violation, then the fewest violations.
        auto mismatchRank = [&path](const QList<SchemaViolation> &f) {
            int rank = 0;
            for (const SchemaViolation &v : f) {
                if (v.path == path && v.keyword == QLatin1String("type"))
                    rank = std::max(rank, 2);
                else if (v.path.size() == path.size() + 1 && v.path.mid(0, path.size()) == path
                         && (v.keyword == QLatin1String("enum") || v.keyword == QLatin1String("const")))
                    rank = std::max(rank, 1);
            }
            return rank;
        };
        const auto best = std::min_element(failures.begin(), failures.end(),
                                           [&](const QList<SchemaViolation> &a, const QList<SchemaViolation> &b) {
                                               const int ra = mismatchRank(a);
                                               const int rb = mismatchRank(b);
                                               if (ra != rb)
                                                   return ra < rb;
                                               const qsizetype da = maxPathLength(a);
                                               const qsizetype db = maxPathLength(b);
                                               if (da != db)
                                                   return da > db;
                                               return a.size() < b.size();
                                           });
        out.append(*best);
    }

    if (schema.contains(QLatin1String("not"))) {
        QList<SchemaViolation> notOut;
        validateValue(instance, schema.value(QLatin1String("not")), path, Context{}, depth + 1, notOut);
        if (notOut.isEmpty()) {
            const QString description = schema.value(QLatin1String("description")).toString();
            out.append(violation(QStringLiteral("not"), path,
                                 description.isEmpty() ? QStringLiteral("matches a schema it must not match")
                                                       : description));
        }
    }

    if (schema.contains(QLatin1String("if"))) {
        QList<SchemaViolation> ifOut;
        validateValue(instance, schema.value(QLatin1String("if")), path, Context{}, depth + 1, ifOut);
        const char *branch = ifOut.isEmpty() ? "then" : "else";
        if (schema.contains(QLatin1String(branch))) {
            QList<SchemaViolation> branchOut;
            validateValue(instance, schema.value(QLatin1String(branch)), path, Context{}, depth + 1, branchOut);
            const QString description = schema.value(QLatin1String("description")).toString();
            for (SchemaViolation &v : branchOut) {
                if (!description.isEmpty())
                    v.message += QStringLiteral(" (%1)").arg(description);
                out.append(v);
            }
        }
    }
}

} // namespace Corrige::Test
