#include "tests/support/schemainstancegenerator.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <limits>

namespace Corrige::Test {

namespace {

constexpr int maxDepth = 24;

QString schemaType(const QJsonObject &schema)
{
    const QJsonValue type = schema.value(QLatin1String("type"));
    if (type.isString())
        return type.toString().toLower();
    if (type.isArray()) {
        const QJsonArray types = type.toArray();
        for (const QJsonValue &t : types) {
            if (t.toString().toLower() != QLatin1String("null"))
                return t.toString().toLower();
        }
        return types.isEmpty() ? QString() : types.first().toString().toLower();
    }
    if (schema.contains(QLatin1String("properties")))
        return QStringLiteral("object");
    if (schema.contains(QLatin1String("items")) || schema.contains(QLatin1String("prefixItems")))
        return QStringLiteral("array");
    const QJsonArray values = schema.value(QLatin1String("enum")).toArray();
    if (!values.isEmpty()) {
        switch (values.first().type()) {
        case QJsonValue::Double: return QStringLiteral("number");
        case QJsonValue::Bool: return QStringLiteral("boolean");
        default: return QStringLiteral("string");
        }
    }
    return QStringLiteral("string");
}

bool isNullOnly(const QJsonObject &schema)
{
    return schema.value(QLatin1String("type")).toString().toLower() == QLatin1String("null");
}

QString lastSegment(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    QString name = path.mid(slash + 1);
    const qsizetype bracket = name.indexOf(QLatin1Char('['));
    if (bracket >= 0)
        name.truncate(bracket);
    return name;
}

QJsonArray variantsOf(const QJsonObject &schema)
{
    if (schema.contains(QLatin1String("anyOf")))
        return schema.value(QLatin1String("anyOf")).toArray();
    if (schema.contains(QLatin1String("oneOf")))
        return schema.value(QLatin1String("oneOf")).toArray();
    return schema.value(QLatin1String("any_of")).toArray();
}

QJsonValue wrongTypeFor(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Double: return QStringLiteral("high");
    case QJsonValue::String: return -1;
    case QJsonValue::Bool: return QStringLiteral("no");
    case QJsonValue::Array: return QStringLiteral("none");
    case QJsonValue::Object: return QJsonArray{QStringLiteral("none")};
    default: return false;
    }
}

} // namespace

SchemaInstanceGenerator::SchemaInstanceGenerator(QJsonObject rootSchema, QString seed)
    : m_root(std::move(rootSchema))
    , m_seed(std::move(seed))
{
}

QJsonValue SchemaInstanceGenerator::generate() const
{
    return generate(m_root, QString(), 0);
}

QJsonObject SchemaInstanceGenerator::generateMismatch() const
{
    const QJsonValue valid = generate();
    if (!valid.isObject())
        return QJsonObject{{QStringLiteral("unexpected"), true}};
    return mismatch(valid.toObject());
}

QJsonObject SchemaInstanceGenerator::mismatch(const QJsonObject &valid) const
{
    QJsonObject object = valid;
    const QJsonObject root = mergeAllOf(resolve(m_root));
    const QJsonArray required = root.value(QLatin1String("required")).toArray();
    const QString dropped = required.isEmpty() ? (object.isEmpty() ? QString() : object.keys().first())
                                               : required.first().toString();
    object.remove(dropped);
    for (auto it = object.begin(); it != object.end(); ++it)
        it.value() = wrongTypeFor(it.value());
    object.insert(QStringLiteral("unexpected"), true);
    return object;
}

QHash<QString, SchemaInstanceGenerator::QuestionHint> SchemaInstanceGenerator::questionHints(const QString &promptText)
{
    static const QRegularExpression line(
        QStringLiteral("\\bid:\\s*([^\\s,;:()]+)[^\\n]*?\\bmax(?:imum)?\\W+([0-9]+(?:[.,][0-9]+)?)(?:[^\\n]*?\\bstep\\W+([0-9]+(?:[.,][0-9]+)?))?"),
        QRegularExpression::CaseInsensitiveOption);
    QHash<QString, QuestionHint> hints;
    auto number = [](QString text) { return text.replace(QLatin1Char(','), QLatin1Char('.')).toDouble(); };
    for (auto it = line.globalMatch(promptText); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        QuestionHint hint;
        hint.maxPoints = number(match.captured(2));
        hint.step = match.captured(3).isEmpty() ? 0 : number(match.captured(3));
        hints.insert(match.captured(1), hint);
    }
    return hints;
}

void SchemaInstanceGenerator::applyHint(QJsonObject &item, const QString &questionId, const QString &path) const
{
    const auto hint = m_hints.constFind(questionId);
    if (hint == m_hints.constEnd() || hint->maxPoints <= 0)
        return;
    for (auto it = item.begin(); it != item.end(); ++it) {
        const QString name = it.key().toLower();
        if (!it.value().isDouble()
            || !(name.contains(QLatin1String("score")) || name.contains(QLatin1String("point"))
                 || name.contains(QLatin1String("mark"))))
            continue;
        const double fraction = static_cast<double>(hash(path + QLatin1Char('/') + questionId) % 5) / 4.0;
        double value = hint->maxPoints * fraction;
        if (hint->step > 0)
            value = std::floor(value / hint->step + 1e-9) * hint->step;
        it.value() = std::clamp(value, 0.0, hint->maxPoints);
    }
}

quint32 SchemaInstanceGenerator::hash(const QString &path) const
{
    // FNV-1a: stable across runs and platforms, unlike qHash.
    quint32 h = 2166136261u;
    const QByteArray bytes = (m_seed + QLatin1Char('|') + path).toUtf8();
    for (const char c : bytes) {
        h ^= static_cast<quint8>(c);
        h *= 16777619u;
    }
    return h;
}

QJsonObject SchemaInstanceGenerator::resolve(const QJsonValue &schema) const
{
    QJsonObject current = schema.toObject();
    for (int guard = 0; guard < 32 && current.contains(QLatin1String("$ref")); ++guard) {
        const QString ref = current.value(QLatin1String("$ref")).toString();
        if (!ref.startsWith(QLatin1Char('#')))
            return {};
        QJsonValue target = m_root;
        const QStringList segments = ref.mid(1).split(QLatin1Char('/'), Qt::SkipEmptyParts);
        for (QString segment : segments) {
            segment.replace(QLatin1String("~1"), QLatin1String("/")).replace(QLatin1String("~0"), QLatin1String("~"));
            target = target.isArray() ? target.toArray().at(segment.toInt()) : target.toObject().value(segment);
        }
        QJsonObject next = target.toObject();
        // Keywords beside $ref (2020-12) refine the target.
        for (auto it = current.constBegin(); it != current.constEnd(); ++it) {
            if (it.key() != QLatin1String("$ref"))
                next.insert(it.key(), it.value());
        }
        current = next;
    }
    return current;
}

QJsonObject SchemaInstanceGenerator::mergeAllOf(const QJsonObject &schema) const
{
    if (!schema.contains(QLatin1String("allOf")))
        return schema;
    QJsonObject merged = schema;
    merged.remove(QLatin1String("allOf"));
    QJsonObject properties = merged.value(QLatin1String("properties")).toObject();
    QJsonArray required = merged.value(QLatin1String("required")).toArray();
    const QJsonArray parts = schema.value(QLatin1String("allOf")).toArray();
    for (const QJsonValue &part : parts) {
        const QJsonObject sub = mergeAllOf(resolve(part));
        for (auto it = sub.constBegin(); it != sub.constEnd(); ++it) {
            if (it.key() == QLatin1String("properties")) {
                const QJsonObject subProperties = it.value().toObject();
                for (auto p = subProperties.constBegin(); p != subProperties.constEnd(); ++p)
                    properties.insert(p.key(), p.value());
            } else if (it.key() == QLatin1String("required")) {
                for (const QJsonValue &name : it.value().toArray()) {
                    if (!required.contains(name))
                        required.append(name);
                }
            } else if (!merged.contains(it.key())) {
                merged.insert(it.key(), it.value());
            }
        }
    }
    if (!properties.isEmpty())
        merged.insert(QStringLiteral("properties"), properties);
    if (!required.isEmpty())
        merged.insert(QStringLiteral("required"), required);
    return merged;
}

QJsonValue SchemaInstanceGenerator::generate(const QJsonValue &schemaValue, const QString &path, int depth) const
{
    if (depth > maxDepth)
        return QJsonValue::Null;
    const QJsonObject schema = mergeAllOf(resolve(schemaValue));

    if (schema.contains(QLatin1String("const")))
        return schema.value(QLatin1String("const"));
    const QJsonArray values = schema.value(QLatin1String("enum")).toArray();
    for (const QJsonValue &value : values) {
        if (!value.isNull())
            return value;
    }
    if (!values.isEmpty())
        return values.first();

    const QJsonArray variants = variantsOf(schema);
    if (!variants.isEmpty()) {
        for (const QJsonValue &variant : variants) {
            if (!isNullOnly(resolve(variant)))
                return generate(variant, path, depth + 1);
        }
        return QJsonValue::Null;
    }

    const QString type = schemaType(schema);
    if (type == QLatin1String("object"))
        return generateObject(schema, path, depth);
    if (type == QLatin1String("array"))
        return generateArray(schema, path, depth);
    if (type == QLatin1String("integer"))
        return generateNumber(schema, true, path);
    if (type == QLatin1String("number"))
        return generateNumber(schema, false, path);
    if (type == QLatin1String("boolean"))
        return false;
    if (type == QLatin1String("null"))
        return QJsonValue::Null;
    return generateString(schema, path);
}

QJsonValue SchemaInstanceGenerator::generateObject(const QJsonObject &schema, const QString &path, int depth) const
{
    QJsonObject object;
    const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
    for (auto it = properties.constBegin(); it != properties.constEnd(); ++it) {
        QJsonValue value = generate(it.value(), path + QLatin1Char('/') + it.key(), depth + 1);
        if (value.isObject() && m_hints.contains(it.key())) {
            QJsonObject child = value.toObject();
            applyHint(child, it.key(), path);
            value = child;
        }
        object.insert(it.key(), value);
    }
    // Required names without a declared property take the additionalProperties schema.
    const QJsonValue additional = schema.value(QLatin1String("additionalProperties"));
    for (const QJsonValue &name : schema.value(QLatin1String("required")).toArray()) {
        const QString key = name.toString();
        if (!object.contains(key)) {
            object.insert(key, additional.isObject() ? generate(additional, path + QLatin1Char('/') + key, depth + 1)
                                                     : QJsonValue(QStringLiteral("text")));
        }
    }
    return object;
}

QJsonValue SchemaInstanceGenerator::generateArray(const QJsonObject &schema, const QString &path, int depth) const
{
    const int minItems = schema.value(QLatin1String("minItems")).toVariant().toInt();
    const int maxItems = schema.contains(QLatin1String("maxItems"))
        ? schema.value(QLatin1String("maxItems")).toVariant().toInt()
        : std::numeric_limits<int>::max();
    const QJsonValue items = schema.value(QLatin1String("items"));
    const QJsonObject itemSchema = mergeAllOf(resolve(items));
    auto itemPath = [&path](qsizetype i) -> QString { return path + QLatin1Char('[') + QString::number(i) + QLatin1Char(']'); };

    QJsonArray array;
    const QJsonArray prefixItems = schema.value(QLatin1String("prefixItems")).toArray();
    if (!prefixItems.isEmpty()) {
        for (const QJsonValue &prefix : prefixItems)
            array.append(generate(prefix, itemPath(array.size()), depth + 1));
    } else if (QJsonArray variants = variantsOf(itemSchema); variants.size() > 1) {
        // One variant per question: answer each once.
        for (const QJsonValue &variant : variants) {
            if (isNullOnly(resolve(variant)))
                continue;
            QJsonValue value = generate(variant, itemPath(array.size()), depth + 1);
            if (value.isObject()) {
                QJsonObject item = value.toObject();
                for (auto it = item.constBegin(); it != item.constEnd(); ++it) {
                    if (it.value().isString() && m_hints.contains(it.value().toString())) {
                        const QString id = it.value().toString();
                        applyHint(item, id, path);
                        break;
                    }
                }
                value = item;
            }
            array.append(value);
        }
    } else {
        // An item property listing the questions in an enum: one item per listed question.
        const QJsonObject properties = itemSchema.value(QLatin1String("properties")).toObject();
        const QJsonArray required = itemSchema.value(QLatin1String("required")).toArray();
        QString keyProperty;
        QJsonArray keyValues;
        for (auto it = properties.constBegin(); it != properties.constEnd(); ++it) {
            const QJsonObject property = mergeAllOf(resolve(it.value()));
            const QJsonArray values = property.value(QLatin1String("enum")).toArray();
            if (values.isEmpty() || !values.first().isString())
                continue;
            const bool preferred = required.contains(it.key())
                && (it.key().contains(QLatin1String("id"), Qt::CaseInsensitive)
                    || it.key().contains(QLatin1String("question"), Qt::CaseInsensitive));
            if (keyProperty.isEmpty() || preferred) {
                keyProperty = it.key();
                keyValues = values;
                if (preferred)
                    break;
            }
        }
        if (!keyProperty.isEmpty()) {
            for (const QJsonValue &value : std::as_const(keyValues)) {
                QJsonObject item = generate(items, itemPath(array.size()), depth + 1).toObject();
                item.insert(keyProperty, value);
                applyHint(item, value.toString(), path);
                array.append(item);
            }
        }
    }
    // Arrays of objects get at least one; arrays of plain values (flags, tags) only what minItems asks.
    const QString itemType = schemaType(itemSchema);
    const bool objectItems = itemType == QLatin1String("object") || !variantsOf(itemSchema).isEmpty();
    const int wanted = std::max(minItems, array.isEmpty() && objectItems ? 1 : 0);
    while (array.size() < wanted && !items.isUndefined() && items != QJsonValue(false))
        array.append(generate(items, itemPath(array.size()), depth + 1));
    if (!schema.contains(QLatin1String("items")) && array.isEmpty() && minItems > 0) {
        for (int i = 0; i < minItems; ++i)
            array.append(QStringLiteral("text"));
    }
    while (array.size() > maxItems && array.size() > minItems)
        array.removeLast();
    return array;
}

QJsonValue SchemaInstanceGenerator::generateNumber(const QJsonObject &schema, bool integer, const QString &path) const
{
    const double step = integer ? 1.0 : 0.01;
    const bool hasMin = schema.contains(QLatin1String("minimum")) || schema.contains(QLatin1String("exclusiveMinimum"));
    const bool hasMax = schema.contains(QLatin1String("maximum")) || schema.contains(QLatin1String("exclusiveMaximum"));
    double lo = schema.contains(QLatin1String("minimum")) ? schema.value(QLatin1String("minimum")).toDouble()
        : schema.contains(QLatin1String("exclusiveMinimum")) ? schema.value(QLatin1String("exclusiveMinimum")).toDouble() + step
                                                              : 0.0;
    const double hi = schema.contains(QLatin1String("maximum")) ? schema.value(QLatin1String("maximum")).toDouble()
        : schema.contains(QLatin1String("exclusiveMaximum")) ? schema.value(QLatin1String("exclusiveMaximum")).toDouble() - step
                                                              : lo;
    if (hasMax && !hasMin)
        lo = std::min(0.0, hi);
    const double multipleOf = schema.value(QLatin1String("multipleOf")).toDouble();

    double value = lo;
    if (!hasMax && lastSegment(path).contains(QLatin1String("confidence"), Qt::CaseInsensitive)) {
        value = std::max(lo, 0.5 + 0.1 * static_cast<double>(hash(path) % 6));
    } else if (hasMax && hi > lo) {
        const double fraction = static_cast<double>(hash(path) % 5) / 4.0;
        value = lo + (hi - lo) * fraction;
        if (multipleOf > 0)
            value = std::floor(value / multipleOf + 1e-9) * multipleOf;
        else if (integer)
            value = std::floor(value);
        else if (hi - lo >= 2)
            value = std::round(value * 2) / 2;
        else
            value = std::round(value * 100) / 100;
        value = std::clamp(value, lo, hi);
    } else if (multipleOf > 0) {
        value = std::ceil(value / multipleOf - 1e-9) * multipleOf;
    }
    if (integer)
        return static_cast<qint64>(std::ceil(value - 1e-9));
    return value;
}

QJsonValue SchemaInstanceGenerator::generateString(const QJsonObject &schema, const QString &path) const
{
    const QString name = lastSegment(path).toLower();
    const QString format = schema.value(QLatin1String("format")).toString();
    QString text;
    if (format == QLatin1String("date-time"))
        text = QStringLiteral("2026-01-15T10:00:00Z");
    else if (format == QLatin1String("date"))
        text = QStringLiteral("2026-01-15");
    else if (format == QLatin1String("uri") || format == QLatin1String("url"))
        text = QStringLiteral("https://example.com/");
    else if (name.contains(QLatin1String("justif")) || name.contains(QLatin1String("comment"))
             || name.contains(QLatin1String("reason")) || name.contains(QLatin1String("feedback"))
             || name.contains(QLatin1String("explanation")) || name.contains(QLatin1String("rationale")))
        text = QStringLiteral("The method is right and clearly set out, but the final result is incomplete.");
    else if (name.contains(QLatin1String("transcri")) || name.contains(QLatin1String("answer")))
        text = QStringLiteral("x = 2, so f(x) = 4");
    else if (name == QLatin1String("id") || name.endsWith(QLatin1String("id")))
        text = QStringLiteral("q1");
    else if (name.contains(QLatin1String("lang")))
        text = QStringLiteral("en");
    else
        text = QStringLiteral("text");

    const int minLength = schema.value(QLatin1String("minLength")).toVariant().toInt();
    if (text.size() < minLength)
        text += QString(minLength - text.size(), QLatin1Char('x'));
    if (schema.contains(QLatin1String("maxLength")))
        text.truncate(std::max(minLength, schema.value(QLatin1String("maxLength")).toVariant().toInt()));
    return text;
}

} // namespace Corrige::Test
