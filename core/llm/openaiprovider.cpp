#include "core/llm/openaiprovider.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QRegularExpression>

#include "core/llm/jsonreplycheck.h"
#include "core/llm/llmerrors.h"
#include "core/llm/retryhint.h"

namespace Corrige::Core {

namespace {

constexpr int maxSchemaNameLength = 64;

TokenUsage usageFrom(const QJsonObject &usage)
{
    TokenUsage tokens;
    tokens.input = qint64(usage.value(QLatin1String("prompt_tokens")).toDouble());
    tokens.output = qint64(usage.value(QLatin1String("completion_tokens")).toDouble());
    tokens.total = qint64(usage.value(QLatin1String("total_tokens")).toDouble());
    if (tokens.total == 0)
        tokens.total = tokens.input + tokens.output;
    return tokens;
}

struct OpenAiErrorBody {
    QString message;
    QString type;
    QString code; // string, or an integer written out, or empty for null
};

// {"error": {message, type, param, code}} (code a string, an integer or null), vLLM's older top-level
// {"object": "error", message, type, code}, llama.cpp's {"error": {code, message, type}}, and the array form of
// Gemini's compatibility endpoint.
std::optional<OpenAiErrorBody> errorBodyFrom(const QJsonDocument &document)
{
    QJsonObject root;
    if (document.isArray() && !document.array().isEmpty())
        root = document.array().first().toObject();
    else
        root = document.object();
    QJsonObject error;
    if (root.value(QLatin1String("error")).isObject())
        error = root.value(QLatin1String("error")).toObject();
    else if (root.value(QLatin1String("object")).toString() == QLatin1String("error"))
        error = root;
    else if (root.value(QLatin1String("error")).isString()) // e.g. Ollama's native {"error": "..."}
        return OpenAiErrorBody { root.value(QLatin1String("error")).toString(), QString(), QString() };
    else
        return std::nullopt;
    OpenAiErrorBody body;
    body.message = error.value(QLatin1String("message")).toString();
    body.type = error.value(QLatin1String("type")).toString();
    if (body.type.isEmpty())
        body.type = error.value(QLatin1String("status")).toString();
    const QJsonValue code = error.value(QLatin1String("code"));
    if (code.isString())
        body.code = code.toString();
    else if (code.isDouble())
        body.code = QString::number(code.toInteger());
    return body;
}

LlmError errorFromBody(ProviderKind kind, int httpStatus, const OpenAiErrorBody &error, const HttpHeaders &headers)
{
    const QString &detail = error.message;
    LlmError result;
    if (error.code == QLatin1String("insufficient_quota") || error.type == QLatin1String("insufficient_quota")
        || error.code == QLatin1String("billing_hard_limit_reached")) {
        result = LlmErrors::quotaExhausted(kind, httpStatus, detail);
    } else if (error.code == QLatin1String("invalid_api_key") || httpStatus == 401) {
        result = LlmErrors::invalidKey(kind, httpStatus, detail);
    } else if (error.message.startsWith(QLatin1String("Request too large"))) {
        // Larger than the whole per-minute allowance: waiting cannot help.
        result = LlmErrors::rateLimited(kind, httpStatus, -1, detail);
        result.retryable = false;
    } else if (httpStatus == 429 || error.code == QLatin1String("rate_limit_exceeded")) {
        qint64 hint = RetryHint::fromHeaders(headers);
        if (hint < 0)
            hint = RetryHint::fromMessage(error.message);
        result = LlmErrors::rateLimited(kind, httpStatus, hint, detail);
    } else if (error.code == QLatin1String("model_not_found")) {
        result = LlmErrors::modelNotFound(kind, httpStatus, detail);
    } else {
        result = LlmErrors::forHttpStatus(kind, httpStatus, detail);
        if (result.retryable)
            result.retryAfterMs = RetryHint::fromHeaders(headers);
    }
    return result;
}

LlmError applyShouldRetryHeader(LlmError error, const HttpHeaders &headers)
{
    // The server's own x-should-retry overrides the status-based decision, except for errors retrying cannot fix.
    const std::optional<bool> should = RetryHint::shouldRetryHeader(headers);
    if (should && error.code() != ErrorCode::QuotaExhausted && error.code() != ErrorCode::InvalidKey
        && error.code() != ErrorCode::MissingKey)
        error.retryable = *should;
    return error;
}

QString messageText(const QJsonValue &content)
{
    if (content.isString())
        return content.toString();
    QString text;
    for (const QJsonValue &part : content.toArray()) { // some servers send [{"type": "text", "text": …}]
        const QJsonObject object = part.toObject();
        if (object.value(QLatin1String("text")).isString())
            text += object.value(QLatin1String("text")).toString();
    }
    return text;
}

} // namespace

OpenAiProvider::OpenAiProvider(ProviderKind kind)
    : m_kind(kind == ProviderKind::Compatible ? ProviderKind::Compatible : ProviderKind::OpenAi)
{
}

QUrl OpenAiProvider::endpoint(const ProviderConfig &config)
{
    QUrl url = config.effectiveBaseUrl();
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QLatin1String("/chat/completions"));
    return url;
}

bool OpenAiProvider::acceptsTemperature(const QString &model)
{
    static const QRegularExpression reasoning(QStringLiteral("^(?:openai/)?(?:o\\d|gpt-5)"),
                                              QRegularExpression::CaseInsensitiveOption);
    return !reasoning.match(model.trimmed()).hasMatch();
}

QString OpenAiProvider::schemaName(const QString &requested)
{
    QString name;
    for (const QChar c : requested) {
        const bool allowed = (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
            || (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            || c == QLatin1Char('_') || c == QLatin1Char('-');
        name.append(allowed ? c : QLatin1Char('_'));
    }
    name.truncate(maxSchemaNameLength);
    return name.isEmpty() ? QStringLiteral("response") : name;
}

QNetworkRequest OpenAiProvider::buildHttpRequest(const ProviderConfig &config) const
{
    QNetworkRequest request(endpoint(config));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Accept", "application/json");
    const QString key = config.apiKey.trimmed();
    if (!key.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + key.toUtf8());
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    return request;
}

QByteArray OpenAiProvider::buildBody(const LlmRequest &request, const ProviderConfig &config) const
{
    const bool compatible = m_kind == ProviderKind::Compatible;
    QJsonArray messages;
    if (!request.systemInstruction.isEmpty()) {
        messages.append(QJsonObject { { QStringLiteral("role"), QStringLiteral("system") },
                                      { QStringLiteral("content"), request.systemInstruction } });
    }
    QJsonArray content;
    if (!request.userText.isEmpty()) {
        content.append(QJsonObject { { QStringLiteral("type"), QStringLiteral("text") },
                                     { QStringLiteral("text"), request.userText } });
    }
    for (qsizetype i = 0; i < request.jpegImages.size(); ++i) {
        const QString label = request.imageLabels.value(i);
        if (!label.isEmpty()) {
            content.append(
                QJsonObject { { QStringLiteral("type"), QStringLiteral("text") }, { QStringLiteral("text"), label } });
        }
        const QString dataUrl
            = QStringLiteral("data:image/jpeg;base64,") + QString::fromLatin1(request.jpegImages.at(i).toBase64());
        QJsonObject imageUrl { { QStringLiteral("url"), dataUrl } };
        if (!compatible) // handwriting needs the full resolution; compatible servers ignore or reject detail
            imageUrl.insert(QStringLiteral("detail"), QStringLiteral("high"));
        content.append(QJsonObject { { QStringLiteral("type"), QStringLiteral("image_url") },
                                     { QStringLiteral("image_url"), imageUrl } });
    }
    if (content.isEmpty()) // a content array needs at least one item
        content.append(
            QJsonObject { { QStringLiteral("type"), QStringLiteral("text") }, { QStringLiteral("text"), QString() } });
    messages.append(
        QJsonObject { { QStringLiteral("role"), QStringLiteral("user") }, { QStringLiteral("content"), content } });

    QJsonObject body { { QStringLiteral("model"), config.model.trimmed() }, { QStringLiteral("messages"), messages } };
    // Ollama reads only max_tokens; OpenAI's reasoning models accept only max_completion_tokens.
    body.insert(compatible ? QStringLiteral("max_tokens") : QStringLiteral("max_completion_tokens"),
                config.maxOutputTokens);
    // Ollama defaults to temperature 1 when it is omitted, so compatible servers always get 0.
    if (compatible || acceptsTemperature(config.model))
        body.insert(QStringLiteral("temperature"), 0);
    if (!request.responseSchema.isEmpty()) {
        body.insert(QStringLiteral("response_format"),
                    QJsonObject { { QStringLiteral("type"), QStringLiteral("json_schema") },
                                  { QStringLiteral("json_schema"),
                                    QJsonObject { { QStringLiteral("name"), schemaName(request.schemaName) },
                                                  { QStringLiteral("strict"), true },
                                                  { QStringLiteral("schema"), request.responseSchema } } } });
    }
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

LlmOutcome OpenAiProvider::parseResponse(int httpStatus, const QByteArray &body, const HttpHeaders &headers,
                                         const QJsonObject &responseSchema) const
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);

    if (httpStatus < 200 || httpStatus >= 300) {
        if (const std::optional<OpenAiErrorBody> error = errorBodyFrom(document))
            return applyShouldRetryHeader(errorFromBody(m_kind, httpStatus, *error, headers), headers);
        LlmError error = LlmErrors::forHttpStatus(m_kind, httpStatus);
        error.retryAfterMs = RetryHint::fromHeaders(headers);
        return applyShouldRetryHeader(error, headers);
    }

    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return LlmErrors::badResponse(m_kind, httpStatus,
                                      QCoreApplication::translate("OpenAiProvider", "the body is not a JSON object"));
    }
    const QJsonObject root = document.object();
    const std::optional<OpenAiErrorBody> embedded = errorBodyFrom(document);
    if (embedded && !embedded->message.isEmpty()) { // an error inside a 200; an empty {"error": {}} is not one
        const std::optional<OpenAiErrorBody> &error = embedded;
        const int status = error->code.toInt() >= 400 ? error->code.toInt() : 500;
        return errorFromBody(m_kind, status, *error, headers);
    }

    const QJsonArray choices = root.value(QLatin1String("choices")).toArray();
    if (choices.isEmpty()) {
        return LlmErrors::badResponse(m_kind, httpStatus,
                                      QCoreApplication::translate("OpenAiProvider", "the reply holds no answer"));
    }
    const QJsonObject choice = choices.first().toObject();
    const QJsonObject message = choice.value(QLatin1String("message")).toObject();
    LlmReply reply;
    reply.finishReason = choice.value(QLatin1String("finish_reason")).toString();
    reply.usage = usageFrom(root.value(QLatin1String("usage")).toObject());
    // A refused reply is still billed: keep its usage for the cost.
    const auto billed = [&reply](LlmError error) {
        error.usage = reply.usage;
        return error;
    };
    reply.modelVersion = root.value(QLatin1String("model")).toString();

    const QString refusal = message.value(QLatin1String("refusal")).toString();
    if (!refusal.isEmpty())
        return billed(LlmErrors::refused(m_kind, refusal));
    if (reply.finishReason == QLatin1String("length"))
        return billed(LlmErrors::truncated(m_kind, reply.finishReason));
    if (reply.finishReason == QLatin1String("content_filter"))
        return billed(LlmErrors::safetyBlocked(m_kind, reply.finishReason));

    const QJsonValue content = message.value(QLatin1String("content"));
    if (!content.isString() && !content.isArray()) {
        return billed(LlmErrors::badResponse(m_kind, httpStatus,
                                             QCoreApplication::translate("OpenAiProvider", "the reply holds no text")));
    }
    reply.text = messageText(content);

    const QString problem = JsonReplyCheck::readAnswer(reply.text, responseSchema, &reply.json);
    if (!problem.isEmpty())
        return billed(LlmErrors::badResponse(m_kind, httpStatus, problem));
    return reply;
}

} // namespace Corrige::Core
