#include "core/llm/jsonreplycheck.h"

#include <cmath>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

namespace Corrige::Core {

namespace {

constexpr int maxDepth = 64;

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("boolean");
    case QJsonValue::Double:
        return QStringLiteral("number");
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Object:
        return QStringLiteral("object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

bool isIntegral(double number)
{
    return std::isfinite(number) && number == std::floor(number);
}

bool matchesType(const QJsonValue &value, const QString &rawType)
{
    const QString type = rawType.toLower(); // Gemini's OpenAPI-style schemas spell types in upper case
    if (type == QLatin1String("object"))
        return value.isObject();
    if (type == QLatin1String("array"))
        return value.isArray();
    if (type == QLatin1String("string"))
        return value.isString();
    if (type == QLatin1String("number"))
        return value.isDouble();
    if (type == QLatin1String("integer"))
        return value.isDouble() && isIntegral(value.toDouble());
    if (type == QLatin1String("boolean"))
        return value.isBool();
    if (type == QLatin1String("null"))
        return value.isNull();
    return true; // unknown type names are not ours to judge
}

QString joinPath(const QString &path, const QString &key)
{
    QString escaped = key;
    escaped.replace(QLatin1Char('~'), QLatin1String("~0")).replace(QLatin1Char('/'), QLatin1String("~1"));
    return path + QLatin1Char('/') + escaped;
}

class Checker
{
public:
    explicit Checker(const QJsonObject &root)
        : m_root(root)
    {
    }

    QString check(const QJsonValue &value, const QJsonObject &schemaIn, const QString &path, int depth) const
    {
        if (depth > maxDepth)
            return QStringLiteral("%1: the schema nests too deeply").arg(shown(path));
        QJsonObject schema = schemaIn;
        if (schema.contains(QLatin1String("$ref"))) {
            const QJsonObject target = resolve(schema.value(QLatin1String("$ref")).toString());
            if (target.isEmpty())
                return QString(); // an unresolvable reference cannot be checked here
            schema = target;
        }

        if (schema.value(QLatin1String("nullable")).toBool() && value.isNull())
            return QString();

        const QJsonValue typeValue = schema.value(QLatin1String("type"));
        if (typeValue.isString() && !matchesType(value, typeValue.toString())) {
            return QStringLiteral("%1: expected %2, found %3")
                .arg(shown(path), typeValue.toString().toLower(), typeName(value));
        }
        if (typeValue.isArray()) {
            bool any = false;
            QStringList names;
            for (const QJsonValue &type : typeValue.toArray()) {
                names.append(type.toString().toLower());
                any = any || matchesType(value, type.toString());
            }
            if (!any) {
                return QStringLiteral("%1: expected %2, found %3")
                    .arg(shown(path), names.join(QLatin1String(" or ")), typeName(value));
            }
        }

        if (schema.contains(QLatin1String("enum"))) {
            const QJsonArray allowed = schema.value(QLatin1String("enum")).toArray();
            if (!allowed.contains(value))
                return QStringLiteral("%1: value not among the allowed ones").arg(shown(path));
        }
        if (schema.contains(QLatin1String("const")) && schema.value(QLatin1String("const")) != value)
            return QStringLiteral("%1: value differs from the required constant").arg(shown(path));

        for (const QString &keyword : { QStringLiteral("anyOf"), QStringLiteral("oneOf") }) {
            if (!schema.contains(keyword))
                continue;
            bool any = false;
            for (const QJsonValue &option : schema.value(keyword).toArray()) {
                if (check(value, option.toObject(), path, depth + 1).isEmpty()) {
                    any = true;
                    break;
                }
            }
            if (!any)
                return QStringLiteral("%1: matches none of the allowed shapes").arg(shown(path));
        }
        if (schema.contains(QLatin1String("allOf"))) {
            for (const QJsonValue &part : schema.value(QLatin1String("allOf")).toArray()) {
                const QString problem = check(value, part.toObject(), path, depth + 1);
                if (!problem.isEmpty())
                    return problem;
            }
        }

        if (value.isObject())
            return checkObject(value.toObject(), schema, path, depth);
        if (value.isArray())
            return checkArray(value.toArray(), schema, path, depth);
        return QString();
    }

private:
    static QString shown(const QString &path) { return path.isEmpty() ? QStringLiteral("/") : path; }

    QJsonObject resolve(const QString &ref) const
    {
        if (!ref.startsWith(QLatin1String("#/")))
            return ref == QLatin1String("#") ? m_root : QJsonObject();
        QJsonValue node = m_root;
        const QStringList parts = ref.mid(2).split(QLatin1Char('/'));
        for (QString part : parts) {
            part.replace(QLatin1String("~1"), QLatin1String("/")).replace(QLatin1String("~0"), QLatin1String("~"));
            node = node.toObject().value(part);
        }
        return node.toObject();
    }

    QString checkObject(const QJsonObject &object, const QJsonObject &schema, const QString &path, int depth) const
    {
        for (const QJsonValue &required : schema.value(QLatin1String("required")).toArray()) {
            if (!object.contains(required.toString()))
                return QStringLiteral("%1: \"%2\" is missing").arg(shown(path), required.toString());
        }
        const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
        const QJsonValue additional = schema.value(QLatin1String("additionalProperties"));
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString childPath = joinPath(path, it.key());
            if (properties.contains(it.key())) {
                const QString problem = check(it.value(), properties.value(it.key()).toObject(), childPath, depth + 1);
                if (!problem.isEmpty())
                    return problem;
            } else if (additional.isBool() && !additional.toBool()) {
                return QStringLiteral("%1: unexpected property").arg(childPath);
            } else if (additional.isObject()) {
                const QString problem = check(it.value(), additional.toObject(), childPath, depth + 1);
                if (!problem.isEmpty())
                    return problem;
            }
        }
        return QString();
    }

    QString checkArray(const QJsonArray &array, const QJsonObject &schema, const QString &path, int depth) const
    {
        const QJsonValue minItems = schema.value(QLatin1String("minItems"));
        const QJsonValue maxItems = schema.value(QLatin1String("maxItems"));
        if (!minItems.isUndefined() && array.size() < minItems.toVariant().toLongLong())
            return QStringLiteral("%1: too few items").arg(shown(path));
        if (!maxItems.isUndefined() && array.size() > maxItems.toVariant().toLongLong())
            return QStringLiteral("%1: too many items").arg(shown(path));
        const QJsonArray prefix = schema.value(QLatin1String("prefixItems")).toArray();
        const QJsonValue items = schema.value(QLatin1String("items"));
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString childPath = joinPath(path, QString::number(i));
            QJsonObject itemSchema;
            if (i < prefix.size())
                itemSchema = prefix.at(i).toObject();
            else if (items.isObject())
                itemSchema = items.toObject();
            else if (items.isBool() && !items.toBool())
                return QStringLiteral("%1: unexpected item").arg(childPath);
            else
                continue;
            const QString problem = check(array.at(i), itemSchema, childPath, depth + 1);
            if (!problem.isEmpty())
                return problem;
        }
        return QString();
    }

    QJsonObject m_root;
};

} // namespace

QString JsonReplyCheck::firstProblem(const QJsonValue &value, const QJsonObject &schema)
{
    if (schema.isEmpty())
        return QString();
    return Checker(schema).check(value, schema, QString(), 0);
}

QString JsonReplyCheck::readAnswer(const QString &text, const QJsonObject &schema, QJsonObject *json)
{
    const QJsonDocument answer = QJsonDocument::fromJson(text.toUtf8());
    if (answer.isObject())
        *json = answer.object();
    if (schema.isEmpty())
        return {};
    if (!answer.isObject())
        return QCoreApplication::translate("JsonReplyCheck", "the answer is not a JSON object");
    const QString problem = firstProblem(*json, schema);
    if (!problem.isEmpty())
        return QCoreApplication::translate("JsonReplyCheck", "the answer does not follow the requested format: %1")
            .arg(problem);
    return {};
}

} // namespace Corrige::Core
