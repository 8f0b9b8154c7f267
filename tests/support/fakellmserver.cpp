#include "tests/support/fakellmserver.h"

#include "tests/support/fakebatchapis.h"
#include "tests/support/httpconnection.h"
#include "tests/support/jsonschemavalidator.h"
#include "tests/support/providerbodies.h"
#include "tests/support/schemainstancegenerator.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QMutexLocker>
#include <QPointer>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>

namespace Corrige::Test {

namespace {

const QString gemini = QStringLiteral("gemini");
const QString openAi = QStringLiteral("openai");
const QString geminiSpecFile = QStringLiteral("gemini_v1beta_rest.schema.json");
const QString openAiSpecFile = QStringLiteral("chat_completions.openapi.json");
const QString geminiRequestPointer = QStringLiteral("#/$defs/GenerateContentRequest");
const QString openAiRequestPointer = QStringLiteral("#/components/schemas/CreateChatCompletionRequest");

constexpr qint64 geminiImageTokens = 258;
constexpr qint64 openAiHighDetailImageTokens = 765;
constexpr qint64 openAiLowDetailImageTokens = 85;

qint64 tokensForChars(qint64 chars)
{
    return std::max<qint64>(1, (chars + 3) / 4);
}

// Prompt size: text by characters, images by a fixed count per image as the providers bill them.
void countPrompt(const QJsonValue &value, const QString &api, qint64 &chars, qint64 &imageTokens)
{
    if (value.isString()) {
        chars += value.toString().size();
        return;
    }
    if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            countPrompt(item, api, chars, imageTokens);
        return;
    }
    if (!value.isObject())
        return;
    const QJsonObject object = value.toObject();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QString &key = it.key();
        if (key == QLatin1String("inlineData") || key == QLatin1String("inline_data") || key == QLatin1String("fileData")
            || key == QLatin1String("file_data")) {
            imageTokens += geminiImageTokens;
        } else if (key == QLatin1String("image_url")) {
            const QString detail = it.value().toObject().value(QLatin1String("detail")).toString();
            imageTokens += detail == QLatin1String("low") ? openAiLowDetailImageTokens : openAiHighDetailImageTokens;
        } else if (key == QLatin1String("generationConfig") || key == QLatin1String("generation_config")
                   || key == QLatin1String("response_format") || key == QLatin1String("model")) {
            continue;
        } else {
            countPrompt(it.value(), api, chars, imageTokens);
        }
    }
}

TokenCounts promptTokens(const QJsonObject &body, const QString &api)
{
    qint64 chars = 0;
    qint64 images = 0;
    countPrompt(body, api, chars, images);
    TokenCounts tokens;
    tokens.textPrompt = tokensForChars(chars);
    tokens.imagePrompt = images;
    return tokens;
}

// The prompt's text: every string of the request except images and the requested schema.
void collectText(const QJsonValue &value, QString &out)
{
    if (value.isString()) {
        out += value.toString();
        out += QLatin1Char('\n');
    } else if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            collectText(item, out);
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            static const QStringList skipped{QStringLiteral("inlineData"),        QStringLiteral("inline_data"),
                                             QStringLiteral("fileData"),          QStringLiteral("file_data"),
                                             QStringLiteral("image_url"),         QStringLiteral("generationConfig"),
                                             QStringLiteral("generation_config"), QStringLiteral("response_format")};
            if (!skipped.contains(it.key()))
                collectText(it.value(), out);
        }
    }
}

bool isThinkingModel(const QString &model)
{
    return model.contains(QLatin1String("2.5")) || model.startsWith(QLatin1String("gemini-3"));
}

// A stable seed for one request: the model and a digest of the request's strings.
QString requestSeed(const QJsonValue &value, quint32 &h)
{
    auto mix = [&h](const QString &text) {
        for (const QChar c : text) {
            h ^= c.unicode();
            h *= 16777619u;
        }
    };
    if (value.isString()) {
        const QString text = value.toString();
        if (text.size() > 4096) {
            mix(text.left(1024));
            mix(text.right(1024));
            mix(QString::number(text.size()));
        } else {
            mix(text);
        }
    } else if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            requestSeed(item, h);
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            mix(it.key());
            requestSeed(it.value(), h);
        }
    }
    return QString::number(h, 16);
}

QString camelToSnake(const QString &name)
{
    QString out;
    for (const QChar c : name) {
        if (c.isUpper()) {
            if (!out.isEmpty())
                out += QLatin1Char('_');
            out += c.toLower();
        } else {
            out += c;
        }
    }
    return out;
}

bool isIndex(const QString &segment)
{
    bool ok = false;
    segment.toInt(&ok);
    return ok;
}

// A JSON path as an API's error message spells it: indexes in brackets, names joined by dots.
QString fieldPath(const QStringList &path, QString (*name)(const QString &))
{
    QString out;
    for (const QString &segment : path) {
        if (isIndex(segment)) {
            out += QLatin1Char('[') + segment + QLatin1Char(']');
        } else {
            if (!out.isEmpty())
                out += QLatin1Char('.');
            out += name(segment);
        }
    }
    return out;
}

// contents[0].parts[1].inline_data: how Google names a field in errors (proto names, snake_case).
QString googleFieldPath(const QStringList &path)
{
    return fieldPath(path, camelToSnake);
}

// messages[0].content: how OpenAI names a parameter in errors.
QString openAiParam(const QStringList &path)
{
    return fieldPath(path, [](const QString &segment) { return segment; });
}

QString compactJson(const QJsonValue &value)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

QString googleTypeName(const QJsonValue &expected)
{
    const QString type = (expected.isArray() ? expected.toArray().first() : expected).toString().toLower();
    if (type == QLatin1String("string"))
        return QStringLiteral("TYPE_STRING");
    if (type == QLatin1String("integer"))
        return QStringLiteral("TYPE_INT32");
    if (type == QLatin1String("number"))
        return QStringLiteral("TYPE_FLOAT");
    if (type == QLatin1String("boolean"))
        return QStringLiteral("TYPE_BOOL");
    return QStringLiteral("TYPE_MESSAGE");
}

HttpReply geminiValidationError(const SchemaViolation &v)
{
    if (v.keyword == QLatin1String("additionalProperties"))
        return GeminiBodies::unknownField(v.property, googleFieldPath(v.path.mid(0, v.path.size() - 1)));
    if (v.keyword == QLatin1String("required")) {
        const QString field = googleFieldPath(v.path + QStringList{v.property});
        return GeminiBodies::error(400, QStringLiteral("INVALID_ARGUMENT"),
                                   QStringLiteral("* GenerateContentRequest.%1: %2 is not specified\n")
                                       .arg(field, camelToSnake(v.property)));
    }
    const QString field = googleFieldPath(v.path);
    if (v.keyword == QLatin1String("type") || v.keyword == QLatin1String("enum")) {
        const QString typeName = v.keyword == QLatin1String("enum") ? QStringLiteral("TYPE_ENUM") : googleTypeName(v.expected);
        const QString message = QStringLiteral("Invalid value at '%1' (%2), %3").arg(field, typeName, compactJson(v.value));
        return GeminiBodies::invalidArgument(message, field, message);
    }
    return GeminiBodies::invalidArgument(QStringLiteral("Request contains an invalid argument."), field, v.message);
}

QString openAiTypeName(const QString &type)
{
    if (type == QLatin1String("object"))
        return QStringLiteral("an object");
    if (type == QLatin1String("array"))
        return QStringLiteral("an array");
    if (type == QLatin1String("string"))
        return QStringLiteral("a string");
    if (type == QLatin1String("integer"))
        return QStringLiteral("an integer");
    if (type == QLatin1String("number"))
        return QStringLiteral("a decimal");
    if (type == QLatin1String("boolean"))
        return QStringLiteral("a boolean");
    return type;
}

QString openAiValueType(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Object: return openAiTypeName(QStringLiteral("object"));
    case QJsonValue::Array: return openAiTypeName(QStringLiteral("array"));
    case QJsonValue::String: return openAiTypeName(QStringLiteral("string"));
    case QJsonValue::Bool: return openAiTypeName(QStringLiteral("boolean"));
    case QJsonValue::Double: return openAiTypeName(QStringLiteral("number"));
    default: return QStringLiteral("null");
    }
}

QString quotedList(const QJsonArray &values)
{
    QStringList items;
    for (const QJsonValue &value : values)
        items.append(QLatin1Char('\'') + (value.isString() ? value.toString() : compactJson(value)) + QLatin1Char('\''));
    if (items.size() <= 1)
        return items.join(QString());
    const QString last = items.takeLast();
    return items.join(QLatin1String(", ")) + QStringLiteral(", and ") + last;
}

HttpReply openAiValidationError(const SchemaViolation &v)
{
    const QString invalidRequest = QStringLiteral("invalid_request_error");
    if (v.keyword == QLatin1String("required")) {
        const QString param = openAiParam(v.path + QStringList{v.property});
        return OpenAiBodies::error(400, QStringLiteral("Missing required parameter: '%1'.").arg(param), invalidRequest,
                                   param, QStringLiteral("missing_required_parameter"));
    }
    const QString param = openAiParam(v.path);
    if (v.keyword == QLatin1String("additionalProperties")) {
        return OpenAiBodies::error(400, QStringLiteral("Unknown parameter: '%1'.").arg(param), invalidRequest, param,
                                   QStringLiteral("unknown_parameter"));
    }
    if (v.keyword == QLatin1String("type")) {
        QStringList expected;
        const QJsonArray types = v.expected.isArray() ? v.expected.toArray() : QJsonArray{v.expected};
        for (const QJsonValue &t : types) {
            if (t.toString() != QLatin1String("null"))
                expected.append(openAiTypeName(t.toString().toLower()));
        }
        return OpenAiBodies::error(400,
                                   QStringLiteral("Invalid type for '%1': expected %2, but got %3 instead.")
                                       .arg(param, expected.join(QLatin1String(" or ")), openAiValueType(v.value)),
                                   invalidRequest, param, QStringLiteral("invalid_type"));
    }
    if (v.keyword == QLatin1String("enum") || v.keyword == QLatin1String("const")) {
        const QJsonArray supported = v.expected.isArray() ? v.expected.toArray() : QJsonArray{v.expected};
        return OpenAiBodies::error(400,
                                   QStringLiteral("Invalid value: '%1'. Supported values are: %2.")
                                       .arg(v.value.isString() ? v.value.toString() : compactJson(v.value),
                                            quotedList(supported)),
                                   invalidRequest, param, QStringLiteral("invalid_value"));
    }
    if (v.keyword == QLatin1String("minItems") && v.value.toArray().isEmpty()) {
        return OpenAiBodies::error(400,
                                   QStringLiteral("Invalid '%1': empty array. Expected an array with minimum length %2, "
                                                  "but got an empty array instead.")
                                       .arg(param)
                                       .arg(v.expected.toInteger()),
                                   invalidRequest, param, QStringLiteral("empty_array"));
    }
    if (v.keyword == QLatin1String("maximum") || v.keyword == QLatin1String("minimum")) {
        // The bounded parameters (temperature, top_p, penalties) are decimals.
        const bool above = v.keyword == QLatin1String("maximum");
        return OpenAiBodies::error(
            400,
            QStringLiteral("Invalid '%1': decimal %2 value. Expected a value %3 %4, but got %5 instead.")
                .arg(param, above ? QStringLiteral("above maximum") : QStringLiteral("below minimum"),
                     above ? QStringLiteral("<=") : QStringLiteral(">="), compactJson(v.expected), compactJson(v.value)),
            invalidRequest, param,
            above ? QStringLiteral("decimal_above_max_value") : QStringLiteral("decimal_below_min_value"));
    }
    if (v.keyword == QLatin1String("maxLength")) {
        return OpenAiBodies::error(400,
                                   QStringLiteral("Invalid '%1': string too long. Expected a string with maximum length "
                                                  "%2, but got a string with length %3 instead.")
                                       .arg(param)
                                       .arg(v.expected.toInteger())
                                       .arg(v.value.toString().size()),
                                   invalidRequest, param, QStringLiteral("string_above_max_length"));
    }
    return OpenAiBodies::error(400, QStringLiteral("Invalid value for '%1': %2.").arg(param, v.message), invalidRequest,
                               param.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(param),
                               QStringLiteral("invalid_value"));
}

// Python's repr of a tuple of path parts, as OpenAI prints the "context" of a strict-schema problem.
QString contextRepr(const QStringList &context)
{
    QStringList items;
    for (const QString &part : context)
        items.append(isIndex(part) ? part : QLatin1Char('\'') + part + QLatin1Char('\''));
    if (items.size() == 1)
        return QLatin1Char('(') + items.first() + QStringLiteral(",)");
    return QLatin1Char('(') + items.join(QLatin1String(", ")) + QLatin1Char(')');
}

// Structured Outputs' strict mode: every object closes additionalProperties and requires all its properties.
QString strictSchemaProblem(const QJsonValue &value, const QStringList &context, int depth)
{
    if (!value.isObject() || depth > 32)
        return {};
    const QJsonObject schema = value.toObject();
    const QJsonValue type = schema.value(QLatin1String("type"));
    const bool isObject = type.toString() == QLatin1String("object")
        || type.toArray().contains(QStringLiteral("object")) || schema.contains(QLatin1String("properties"));
    if (isObject && !schema.contains(QLatin1String("$ref"))) {
        if (schema.value(QLatin1String("additionalProperties")) != QJsonValue(false)) {
            return QStringLiteral("In context=%1, 'additionalProperties' is required to be supplied and to be false.")
                .arg(contextRepr(context));
        }
        const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
        const QJsonArray required = schema.value(QLatin1String("required")).toArray();
        for (auto it = properties.constBegin(); it != properties.constEnd(); ++it) {
            if (!required.contains(it.key())) {
                return QStringLiteral("In context=%1, 'required' is required to be supplied and to be an array including "
                                      "every key in properties. Missing '%2'.")
                    .arg(contextRepr(context), it.key());
            }
        }
    }
    const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
    for (auto it = properties.constBegin(); it != properties.constEnd(); ++it) {
        const QString problem =
            strictSchemaProblem(it.value(), context + QStringList{QStringLiteral("properties"), it.key()}, depth + 1);
        if (!problem.isEmpty())
            return problem;
    }
    if (schema.contains(QLatin1String("items"))) {
        const QString problem =
            strictSchemaProblem(schema.value(QLatin1String("items")), context + QStringList{QStringLiteral("items")}, depth + 1);
        if (!problem.isEmpty())
            return problem;
    }
    for (const char *keyword : {"anyOf", "allOf"}) {
        const QJsonArray branches = schema.value(QLatin1String(keyword)).toArray();
        for (qsizetype i = 0; i < branches.size(); ++i) {
            const QString problem = strictSchemaProblem(
                branches.at(i), context + QStringList{QLatin1String(keyword), QString::number(i)}, depth + 1);
            if (!problem.isEmpty())
                return problem;
        }
    }
    for (const char *keyword : {"$defs", "definitions"}) {
        const QJsonObject defs = schema.value(QLatin1String(keyword)).toObject();
        for (auto it = defs.constBegin(); it != defs.constEnd(); ++it) {
            const QString problem =
                strictSchemaProblem(it.value(), context + QStringList{QLatin1String(keyword), it.key()}, depth + 1);
            if (!problem.isEmpty())
                return problem;
        }
    }
    return {};
}

QString strictProblemOf(const QJsonObject &body)
{
    const QJsonObject format = body.value(QLatin1String("response_format")).toObject();
    if (format.value(QLatin1String("type")).toString() != QLatin1String("json_schema"))
        return {};
    const QJsonObject jsonSchema = format.value(QLatin1String("json_schema")).toObject();
    if (!jsonSchema.value(QLatin1String("strict")).toBool())
        return {};
    const QJsonObject schema = jsonSchema.value(QLatin1String("schema")).toObject();
    const QString rootType = schema.value(QLatin1String("type")).toString();
    if (rootType != QLatin1String("object") || schema.contains(QLatin1String("anyOf"))) {
        return QStringLiteral("schema must be a JSON Schema of 'type: \"object\"', got 'type: \"%1\"'.")
            .arg(rootType.isEmpty() ? QStringLiteral("None") : rootType);
    }
    return strictSchemaProblem(schema, {}, 0);
}

QString schemaNameOf(const QJsonObject &body)
{
    return body.value(QLatin1String("response_format"))
        .toObject()
        .value(QLatin1String("json_schema"))
        .toObject()
        .value(QLatin1String("name"))
        .toString();
}

qint64 maxOutputTokensOf(const QJsonObject &body, const QString &api)
{
    if (api == gemini) {
        QJsonObject config = body.value(QLatin1String("generationConfig")).toObject();
        if (config.isEmpty())
            config = body.value(QLatin1String("generation_config")).toObject();
        const QJsonValue max = config.contains(QLatin1String("maxOutputTokens")) ? config.value(QLatin1String("maxOutputTokens"))
                                                                                   : config.value(QLatin1String("max_output_tokens"));
        return max.toInteger(-1);
    }
    const QJsonValue max = body.contains(QLatin1String("max_completion_tokens"))
        ? body.value(QLatin1String("max_completion_tokens"))
        : body.value(QLatin1String("max_tokens"));
    return max.toInteger(-1);
}

// Go-style duration as OpenAI prints it in x-ratelimit-reset-*: "12ms", "1.5s", "6m0s".
QByteArray resetDuration(qint64 ms)
{
    if (ms < 1000)
        return QByteArray::number(std::max<qint64>(ms, 0)) + "ms";
    if (ms < 60000) {
        QByteArray seconds = QByteArray::number(double(ms) / 1000.0, 'f', 3);
        while (seconds.endsWith('0'))
            seconds.chop(1);
        if (seconds.endsWith('.'))
            seconds.chop(1);
        return seconds + 's';
    }
    return QByteArray::number(ms / 60000) + 'm' + QByteArray::number((ms % 60000) / 1000) + 's';
}

QString jsonParseDetail(const QByteArray &body, int offset)
{
    const qsizetype lineStart = body.lastIndexOf('\n', std::max(0, offset - 1)) + 1;
    qsizetype lineEnd = body.indexOf('\n', offset);
    if (lineEnd < 0)
        lineEnd = body.size();
    const qsizetype from = std::max<qsizetype>(lineStart, offset - 40);
    const qsizetype to = std::min<qsizetype>(lineEnd, offset + 40);
    return QStringLiteral("Unexpected token.\n%1\n%2^")
        .arg(QString::fromUtf8(body.mid(from, to - from)), QString(offset - from, QLatin1Char(' ')));
}

} // namespace

struct FakeLlmServer::Pending {
    quint64 id = 0;
    int recordIndex = -1; // -1 once reset() forgot the record
    QPointer<HttpConnection> connection;
};

struct FakeLlmServer::Decision {
    enum class Delivery { Normal, Hang, Reset, Truncate };
    Delivery delivery = Delivery::Normal;
    HttpReply reply;
    Fault fault = Fault::None;
    bool immediate = false; // answered at once, without the latency
    bool schemaValid = true;
    QString schemaError;
    QString model;
};

FakeLlmServer::FakeLlmServer(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    // A batch line is answered as the same request sent live would be (validation and responder included).
    m_batches = std::make_unique<FakeBatchApis>([this](const QByteArray &body, const QString &api, const QString &model) {
        HttpRequest request;
        request.method = "POST";
        request.body = body;
        const Decision decision = decide(request, api, model, Step{}, true, true);
        FakeBatchApis::Answer answer;
        answer.status = decision.reply.status;
        answer.body = QJsonDocument::fromJson(decision.reply.body).object();
        answer.schemaValid = decision.schemaValid;
        answer.schemaError = decision.schemaError;
        return answer;
    });
    connect(m_server, &QTcpServer::newConnection, this, &FakeLlmServer::acceptConnections);
}

FakeLlmServer::FakeLlmServer(const QString &specsDir, QObject *parent)
    : FakeLlmServer(parent)
{
    setSpecsDir(specsDir);
}

FakeLlmServer::~FakeLlmServer()
{
    m_server->close();
    // Connections are children; deleting them closes their sockets.
}

bool FakeLlmServer::listen(quint16 port)
{
    return m_server->listen(QHostAddress::LocalHost, port);
}

quint16 FakeLlmServer::port() const
{
    return m_server->serverPort();
}

QUrl FakeLlmServer::geminiBaseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port());
    return url;
}

QUrl FakeLlmServer::openAiBaseUrl() const
{
    QUrl url = geminiBaseUrl();
    url.setPath(QStringLiteral("/v1"));
    return url;
}

bool FakeLlmServer::setSpecsDir(const QString &dir)
{
    auto geminiValidator = std::make_shared<JsonSchemaValidator>();
    auto openAiValidator = std::make_shared<JsonSchemaValidator>();
    QString error;
    const QDir specs(dir);
    bool ok = geminiValidator->loadFile(specs.filePath(geminiSpecFile), &error)
        && openAiValidator->loadFile(specs.filePath(openAiSpecFile), &error);
    if (ok && geminiValidator->resolvePointer(geminiRequestPointer).isUndefined()) {
        ok = false;
        error = QStringLiteral("%1 has no %2").arg(geminiSpecFile, geminiRequestPointer);
    }
    if (ok && openAiValidator->resolvePointer(openAiRequestPointer).isUndefined()) {
        ok = false;
        error = QStringLiteral("%1 has no %2").arg(openAiSpecFile, openAiRequestPointer);
    }
    openAiValidator->setRejectUndeclaredProperties(true);
    if (ok)
        ok = m_batches->loadSpecs(dir, &error);

    QMutexLocker locker(&m_mutex);
    m_specsDir = dir;
    m_specsError = ok ? QString() : error;
    m_geminiSchema = ok ? std::move(geminiValidator) : nullptr;
    m_openAiSchema = ok ? std::move(openAiValidator) : nullptr;
    return ok;
}

QString FakeLlmServer::specsError() const
{
    QMutexLocker locker(&m_mutex);
    return m_specsError;
}

void FakeLlmServer::enqueue(const Step &step)
{
    QMutexLocker locker(&m_mutex);
    m_steps.enqueue(step);
}

void FakeLlmServer::enqueue(Fault fault, int count)
{
    QMutexLocker locker(&m_mutex);
    for (int i = 0; i < count; ++i)
        m_steps.enqueue(Step{fault, -1, -1});
}

int FakeLlmServer::pendingSteps() const
{
    QMutexLocker locker(&m_mutex);
    return int(m_steps.size());
}

void FakeLlmServer::setDefaultLatency(int ms)
{
    QMutexLocker locker(&m_mutex);
    m_defaultLatency = std::max(0, ms);
}

void FakeLlmServer::setRequestsPerMinute(int limit)
{
    setRateLimit(limit, 60000);
}

void FakeLlmServer::setRateLimit(int limit, int windowMs)
{
    QMutexLocker locker(&m_mutex);
    m_rateLimit = std::max(0, limit);
    m_rateWindowMs = std::max(1, windowMs);
    m_rateWindow.clear();
}

void FakeLlmServer::setRequiredKey(const QString &key)
{
    QMutexLocker locker(&m_mutex);
    m_requiredKey = key;
}

void FakeLlmServer::setFailureRate(double share, Fault fault)
{
    QMutexLocker locker(&m_mutex);
    m_failureRate = std::clamp(share, 0.0, 1.0);
    m_failureFault = fault;
}

void FakeLlmServer::setKeepBodies(bool keep)
{
    QMutexLocker locker(&m_mutex);
    m_keepBodies = keep;
}

void FakeLlmServer::setResponder(Responder responder)
{
    QMutexLocker locker(&m_mutex);
    m_responder = std::move(responder);
}

QList<FakeLlmServer::Record> FakeLlmServer::records() const
{
    QMutexLocker locker(&m_mutex);
    return m_records;
}

int FakeLlmServer::requestCount() const
{
    QMutexLocker locker(&m_mutex);
    return int(m_records.size());
}

int FakeLlmServer::maxConcurrent() const
{
    QMutexLocker locker(&m_mutex);
    return m_maxConcurrent;
}

int FakeLlmServer::inFlight() const
{
    QMutexLocker locker(&m_mutex);
    return m_inFlight;
}

qint64 FakeLlmServer::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

FakeBatchApis &FakeLlmServer::batches()
{
    return *m_batches;
}

void FakeLlmServer::reset()
{
    m_batches->reset();
    QMutexLocker locker(&m_mutex);
    m_records.clear();
    m_steps.clear();
    m_rateWindow.clear();
    m_successCount = 0;
    for (const auto &pending : std::as_const(m_pending))
        pending->recordIndex = -1;
    m_maxConcurrent = m_inFlight;
}

QJsonObject FakeLlmServer::responseSchemaOf(const QJsonObject &requestBody, const QString &api)
{
    if (api == gemini) {
        QJsonObject config = requestBody.value(QLatin1String("generationConfig")).toObject();
        if (config.isEmpty())
            config = requestBody.value(QLatin1String("generation_config")).toObject();
        for (const char *key : {"responseJsonSchema", "response_json_schema", "_responseJsonSchema",
                                "response_json_schema_ordered", "responseSchema", "response_schema"}) {
            if (config.value(QLatin1String(key)).isObject())
                return config.value(QLatin1String(key)).toObject();
        }
        return {};
    }
    const QJsonObject format = requestBody.value(QLatin1String("response_format")).toObject();
    return format.value(QLatin1String("json_schema")).toObject().value(QLatin1String("schema")).toObject();
}

QJsonObject FakeLlmServer::defaultResponse(const QJsonObject &requestBody, const QString &api, const QString &model)
{
    const QJsonObject schema = responseSchemaOf(requestBody, api);
    if (schema.isEmpty())
        return QJsonObject{{QStringLiteral("answer"), QStringLiteral("The copy has been read.")}};
    quint32 h = 2166136261u;
    const QString seed = model + QLatin1Char('|') + requestSeed(requestBody, h);
    SchemaInstanceGenerator generator(schema, seed);
    QString prompt;
    collectText(requestBody, prompt);
    generator.setQuestionHints(SchemaInstanceGenerator::questionHints(prompt));
    const QJsonValue generated = generator.generate();
    if (generated.isObject())
        return generated.toObject();
    return QJsonObject{{QStringLiteral("value"), generated}};
}

void FakeLlmServer::acceptConnections()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        auto *connection = new HttpConnection(socket, this);
        connect(connection, &HttpConnection::requestReceived, this,
                [this, connection](const HttpRequest &request) { handleRequest(connection, request); });
        connect(connection, &HttpConnection::closed, this, [this, connection] { connectionClosed(connection); });
    }
}

void FakeLlmServer::connectionClosed(HttpConnection *connection)
{
    QList<quint64> open;
    {
        QMutexLocker locker(&m_mutex);
        for (auto it = m_pending.constBegin(); it != m_pending.constEnd(); ++it) {
            if (it.value()->connection == connection)
                open.append(it.key());
        }
    }
    for (const quint64 id : std::as_const(open))
        finish(id, 0);
    connection->deleteLater();
}

void FakeLlmServer::finish(quint64 pendingId, int status)
{
    int index = -1;
    {
        QMutexLocker locker(&m_mutex);
        const std::shared_ptr<Pending> pending = m_pending.take(pendingId);
        if (!pending)
            return;
        --m_inFlight;
        index = pending->recordIndex;
        if (index >= 0 && index < m_records.size()) {
            Record &record = m_records[index];
            record.status = status;
            record.finishedAtMs = nowMs();
        } else {
            index = -1;
        }
    }
    if (index >= 0)
        emit requestFinished(index);
}

void FakeLlmServer::handleBatchRequest(HttpConnection *connection, const HttpRequest &request)
{
    const bool isGemini = !request.path.startsWith(QLatin1String("/v1/"));
    quint64 id = 0;
    QString requiredKey;
    {
        QMutexLocker locker(&m_mutex);
        Record record;
        record.api = isGemini ? gemini : openAi;
        record.path = request.path;
        record.bodyBytes = request.body.size();
        if (m_keepBodies)
            record.body = request.body;
        record.headers = request.headers;
        record.receivedAtMs = nowMs();
        m_records.append(record);
        auto pending = std::make_shared<Pending>();
        pending->connection = connection;
        pending->recordIndex = int(m_records.size() - 1);
        pending->id = id = m_nextPendingId++;
        m_pending.insert(id, pending);
        ++m_inFlight;
        m_maxConcurrent = std::max(m_maxConcurrent, m_inFlight);
        requiredKey = m_requiredKey;
    }
    QString key;
    if (isGemini) {
        key = QString::fromUtf8(request.headers.value("x-goog-api-key"));
    } else if (request.headers.value("authorization").startsWith("Bearer ")) {
        key = QString::fromUtf8(request.headers.value("authorization").mid(7).trimmed());
    }
    HttpReply reply;
    bool hang = false;
    if (!requiredKey.isEmpty() && !key.isEmpty() && key != requiredKey)
        reply = isGemini ? GeminiBodies::invalidKey(key) : OpenAiBodies::invalidKey(key);
    else
        reply = m_batches->handle(request, geminiBaseUrl(), &hang);
    if (hang)
        return; // finished when the client closes the connection
    connection->reply(reply);
    finish(id, reply.status);
}

void FakeLlmServer::handleRequest(HttpConnection *connection, const HttpRequest &request)
{
    if (FakeBatchApis::handles(request)) {
        handleBatchRequest(connection, request);
        return;
    }
    static const QRegularExpression geminiPath(QStringLiteral("^/v1beta/models/([^/:]+):generateContent$"));
    QString api;
    QString model;
    if (request.method == "POST") {
        if (const QRegularExpressionMatch match = geminiPath.match(request.path); match.hasMatch()) {
            api = gemini;
            model = match.captured(1);
        } else if (request.path == QLatin1String("/v1/chat/completions")) {
            api = openAi;
        }
    }

    QElapsedTimer sinceArrival;
    sinceArrival.start();
    auto pending = std::make_shared<Pending>();
    pending->connection = connection;
    Step step;
    bool scripted = false;
    {
        QMutexLocker locker(&m_mutex);
        Record record;
        record.api = api;
        record.model = model;
        record.path = request.path;
        record.bodyBytes = request.body.size();
        if (m_keepBodies)
            record.body = request.body;
        record.headers = request.headers;
        record.receivedAtMs = nowMs();
        m_records.append(record);
        pending->recordIndex = int(m_records.size() - 1);
        pending->id = m_nextPendingId++;
        m_pending.insert(pending->id, pending);
        ++m_inFlight;
        m_maxConcurrent = std::max(m_maxConcurrent, m_inFlight);
        if (!api.isEmpty() && !m_steps.isEmpty()) {
            step = m_steps.dequeue();
            scripted = true;
        }
    }

    Decision decision;
    if (api.isEmpty()) {
        decision.immediate = true;
        if (request.path.startsWith(QLatin1String("/v1/")))
            decision.reply = OpenAiBodies::invalidUrl(request.method, request.path);
        else if (request.path.startsWith(QLatin1String("/v1beta/")))
            decision.reply = GeminiBodies::methodNotFound();
        else
            decision.reply = GeminiBodies::notFoundPage(request.path);
    } else {
        decision = decide(request, api, model, step, scripted);
    }

    int latency = 0;
    {
        QMutexLocker locker(&m_mutex);
        if (pending->recordIndex >= 0 && pending->recordIndex < m_records.size()) {
            Record &record = m_records[pending->recordIndex];
            record.fault = decision.fault;
            record.schemaValid = decision.schemaValid;
            record.schemaError = decision.schemaError;
            if (!decision.model.isEmpty())
                record.model = decision.model;
        }
        if (!decision.immediate)
            latency = step.latencyMs >= 0 ? step.latencyMs : m_defaultLatency;
    }
    // The latency counts from the request's arrival, so the time spent here does not add to it.
    latency = int(std::max<qint64>(0, latency - sinceArrival.elapsed()));

    if (decision.delivery == Decision::Delivery::Hang)
        return; // finished when the client closes the connection

    const quint64 id = pending->id;
    const QPointer<HttpConnection> target(connection);
    QTimer::singleShot(latency, Qt::PreciseTimer, this, [this, id, target, decision] {
        if (!target || !target->isBusy())
            return; // the client went away; connectionClosed() recorded it
        HttpReply reply = decision.reply;
        switch (decision.delivery) {
        case Decision::Delivery::Reset:
            target->replyAndReset(reply, reply.body.size() / 2);
            break;
        case Decision::Delivery::Truncate:
            reply.body.truncate(reply.body.size() / 2);
            target->reply(reply);
            break;
        default:
            target->reply(reply);
            break;
        }
        finish(id, reply.status);
    });
}

FakeLlmServer::Decision FakeLlmServer::decide(const HttpRequest &request, const QString &api, const QString &modelInPath,
                                              const Step &step, bool scripted, bool batchLine)
{
    Decision d;
    const bool isGemini = api == gemini;
    QString model = modelInPath;

    // 1. The key.
    QString key;
    if (isGemini) {
        key = QString::fromUtf8(request.headers.value("x-goog-api-key"));
        if (key.isEmpty())
            key = request.query.queryItemValue(QStringLiteral("key"), QUrl::FullyDecoded);
    } else {
        const QByteArray authorization = request.headers.value("authorization");
        if (authorization.left(7).compare("Bearer ", Qt::CaseInsensitive) == 0)
            key = QString::fromUtf8(authorization.mid(7).trimmed());
    }
    QString requiredKey;
    int rateLimit = 0;
    Responder responder;
    std::shared_ptr<JsonSchemaValidator> validator;
    {
        QMutexLocker locker(&m_mutex);
        requiredKey = m_requiredKey;
        rateLimit = m_rateLimit;
        responder = m_responder;
        validator = isGemini ? m_geminiSchema : m_openAiSchema;
    }
    if (batchLine) {
        requiredKey.clear(); // the batch's own request carried the key
        rateLimit = 0;       // batch lines do not count against the live rate limit
        key = QStringLiteral("batch");
    }
    if (step.fault == Fault::InvalidKey || (!requiredKey.isEmpty() && !key.isEmpty() && key != requiredKey)) {
        d.fault = Fault::InvalidKey;
        d.reply = isGemini ? GeminiBodies::invalidKey(key) : OpenAiBodies::invalidKey(key);
        return d;
    }
    if (!requiredKey.isEmpty() && key.isEmpty()) {
        d.fault = Fault::InvalidKey;
        d.reply = isGemini ? GeminiBodies::missingKey() : OpenAiBodies::missingKey();
        return d;
    }

    // 2. Parse the body (the OpenAI model name is inside).
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    const QJsonObject body = document.object();
    if (!isGemini)
        model = body.value(QLatin1String("model")).toString();
    d.model = model;

    // 3. The rate limit, counted on accepted requests in a sliding window.
    QList<QPair<QByteArray, QByteArray>> rateHeaders;
    if (rateLimit > 0 && !batchLine) {
        QMutexLocker locker(&m_mutex);
        const qint64 now = nowMs();
        while (!m_rateWindow.empty() && m_rateWindow.front() <= now - m_rateWindowMs)
            m_rateWindow.pop_front();
        if (int(m_rateWindow.size()) >= m_rateLimit) {
            const qint64 retryAfter = std::max<qint64>(1, m_rateWindow.front() + m_rateWindowMs - now);
            locker.unlock();
            d.fault = Fault::RateLimit429;
            d.immediate = true;
            d.reply = isGemini ? GeminiBodies::rateLimited(model, retryAfter, rateLimit)
                               : OpenAiBodies::rateLimited(model, retryAfter, rateLimit);
            if (!isGemini) {
                d.reply.headers.emplaceBack("x-ratelimit-limit-requests", QByteArray::number(rateLimit));
                d.reply.headers.emplaceBack("x-ratelimit-remaining-requests", "0");
                d.reply.headers.emplaceBack("x-ratelimit-reset-requests", resetDuration(retryAfter));
            }
            return d;
        }
        m_rateWindow.push_back(now);
        if (!isGemini) {
            rateHeaders.emplaceBack("x-ratelimit-limit-requests", QByteArray::number(m_rateLimit));
            rateHeaders.emplaceBack("x-ratelimit-remaining-requests", QByteArray::number(m_rateLimit - int(m_rateWindow.size())));
            rateHeaders.emplaceBack("x-ratelimit-reset-requests", resetDuration(m_rateWindow.front() + m_rateWindowMs - now));
        }
    }
    auto withRateHeaders = [&rateHeaders](HttpReply reply) {
        reply.headers.append(rateHeaders);
        return reply;
    };

    // 4. Syntax and the official request schema.
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        d.schemaValid = false;
        if (parseError.error != QJsonParseError::NoError) {
            d.schemaError = QStringLiteral("invalid JSON: %1 at offset %2").arg(parseError.errorString()).arg(parseError.offset);
            d.reply = isGemini ? GeminiBodies::invalidJson(jsonParseDetail(request.body, parseError.offset))
                               : OpenAiBodies::invalidJson();
        } else {
            d.schemaError = QStringLiteral("the body is not a JSON object");
            d.reply = isGemini ? GeminiBodies::invalidJson(QStringLiteral("Unknown name \"\": Root element must be a message."))
                               : OpenAiBodies::invalidJson();
        }
        d.reply = withRateHeaders(d.reply);
        return d;
    }
    if (validator) {
        const QList<SchemaViolation> violations =
            validator->validate(body, isGemini ? geminiRequestPointer : openAiRequestPointer);
        if (!violations.isEmpty()) {
            const SchemaViolation &first = violations.first();
            d.schemaValid = false;
            d.schemaError = (first.pointer().isEmpty() ? QStringLiteral("/") : first.pointer()) + QStringLiteral(": ")
                + first.message;
            d.reply = withRateHeaders(isGemini ? geminiValidationError(first) : openAiValidationError(first));
            return d;
        }
    }
    if (!isGemini) {
        const QString problem = strictProblemOf(body);
        if (!problem.isEmpty()) {
            d.schemaValid = false;
            d.schemaError = QStringLiteral("strict json_schema: ") + problem;
            d.reply = withRateHeaders(OpenAiBodies::error(
                400, QStringLiteral("Invalid schema for response_format '%1': %2").arg(schemaNameOf(body), problem),
                QStringLiteral("invalid_request_error"), QStringLiteral("response_format"), QJsonValue::Null));
            return d;
        }
    }

    // 5. The scripted fault, or an answer.
    Fault fault = step.fault;
    {
        QMutexLocker locker(&m_mutex);
        if (!scripted && m_failureRate > 0 && QRandomGenerator::global()->generateDouble() < m_failureRate)
            fault = m_failureFault;
    }
    d.fault = fault;
    switch (fault) {
    case Fault::RateLimit429:
        d.reply = isGemini ? GeminiBodies::rateLimited(model, step.retryAfterMs, rateLimit)
                           : withRateHeaders(OpenAiBodies::rateLimited(model, step.retryAfterMs, rateLimit));
        return d;
    case Fault::ServerError500:
        d.reply = isGemini ? GeminiBodies::internalError() : withRateHeaders(OpenAiBodies::serverError());
        return d;
    case Fault::Unavailable503:
        d.reply = isGemini ? GeminiBodies::unavailable() : withRateHeaders(OpenAiBodies::unavailable());
        return d;
    case Fault::QuotaExhausted:
        d.reply = isGemini ? GeminiBodies::quotaExhausted(model) : withRateHeaders(OpenAiBodies::quotaExhausted());
        return d;
    case Fault::BadRequest400:
        d.reply = isGemini ? GeminiBodies::badRequest() : withRateHeaders(OpenAiBodies::badRequest(schemaNameOf(body)));
        return d;
    case Fault::Hang:
        d.delivery = Decision::Delivery::Hang;
        return d;
    default:
        break;
    }

    const QJsonObject schema = responseSchemaOf(body, api);
    QJsonObject answer = responder ? responder(body, api, model) : defaultResponse(body, api, model);
    if (fault == Fault::WrongSchema) {
        quint32 h = 2166136261u;
        answer = SchemaInstanceGenerator(schema, model + requestSeed(body, h)).mismatch(answer);
    }
    QString text = QString::fromUtf8(QJsonDocument(answer).toJson(QJsonDocument::Compact));
    if (fault == Fault::MalformedJson) {
        const QString mangled = QString(text).replace(QLatin1Char('"'), QLatin1Char('\''));
        text = mangled != text ? mangled : QStringLiteral("{") + text;
    }
    QString finishReason = isGemini ? QStringLiteral("STOP") : QStringLiteral("stop");
    TokenCounts tokens = promptTokens(body, api);
    tokens.output = tokensForChars(text.size());
    if (fault == Fault::MaxTokens) {
        qsizetype cut = std::max<qsizetype>(1, text.size() / 2);
        if (cut < text.size() && text.at(cut).isLowSurrogate())
            ++cut;
        text.truncate(cut);
        finishReason = isGemini ? QStringLiteral("MAX_TOKENS") : QStringLiteral("length");
        const qint64 max = maxOutputTokensOf(body, api);
        tokens.output = max > 0 ? max : tokensForChars(text.size());
    }
    if (isGemini && isThinkingModel(model))
        tokens.thoughts = tokens.output * 2;

    QJsonObject envelope;
    if (isGemini) {
        if (fault == Fault::SafetyBlock) {
            envelope = GeminiBodies::promptBlocked(tokens, model);
        } else if (fault == Fault::Refusal) {
            envelope = GeminiBodies::candidateBlocked(tokens, model);
        } else {
            QStringList parts{text};
            bool split = false;
            {
                QMutexLocker locker(&m_mutex);
                split = fault == Fault::None && (m_successCount++ % 2 == 1);
            }
            if (split && text.size() >= 2) {
                qsizetype middle = text.size() / 2;
                if (text.at(middle).isLowSurrogate())
                    ++middle;
                parts = QStringList{text.left(middle), text.mid(middle)};
            }
            envelope = GeminiBodies::response(parts, finishReason, tokens, model);
        }
        d.reply = GeminiBodies::json(200, envelope);
        d.reply.headers.emplaceBack("Server-Timing", "gfet4t7; dur=" + QByteArray::number(std::max(step.latencyMs, 1)));
    } else {
        if (fault == Fault::SafetyBlock) {
            tokens.output = 0;
            envelope = OpenAiBodies::completion(QJsonValue::Null, QJsonValue::Null, QStringLiteral("content_filter"),
                                                tokens, model);
        } else if (fault == Fault::Refusal) {
            const QString refusal = QStringLiteral("I'm sorry, I can't assist with that request.");
            tokens.output = tokensForChars(refusal.size());
            envelope = OpenAiBodies::completion(QJsonValue::Null, refusal, QStringLiteral("stop"), tokens, model);
        } else {
            envelope = OpenAiBodies::completion(text, QJsonValue::Null, finishReason, tokens, model);
        }
        d.reply = withRateHeaders(OpenAiBodies::json(200, envelope));
    }
    if (fault == Fault::TruncatedJson)
        d.delivery = Decision::Delivery::Truncate;
    else if (fault == Fault::ResetMidBody)
        d.delivery = Decision::Delivery::Reset;
    return d;
}

} // namespace Corrige::Test
