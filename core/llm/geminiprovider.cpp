#include "core/llm/geminiprovider.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QStringList>

#include "core/llm/jsonreplycheck.h"
#include "core/llm/llmerrors.h"
#include "core/llm/retryhint.h"

namespace Corrige::Core {

namespace {

// Finish reasons that mean the content was withheld by a filter (python-genai FinishReason).
bool isBlockingFinish(const QString &reason)
{
    static const QStringList blocking {
        QStringLiteral("SAFETY"),
        QStringLiteral("RECITATION"),
        QStringLiteral("BLOCKLIST"),
        QStringLiteral("PROHIBITED_CONTENT"),
        QStringLiteral("SPII"),
        QStringLiteral("IMAGE_SAFETY"),
        QStringLiteral("IMAGE_PROHIBITED_CONTENT"),
        QStringLiteral("IMAGE_RECITATION"),
    };
    return blocking.contains(reason);
}

qint64 int64Field(const QJsonObject &object, QLatin1String key)
{
    // int64 fields are strings in proto3 JSON; int32 ones are numbers.
    const QJsonValue value = object.value(key);
    if (value.isString())
        return value.toString().toLongLong();
    return qint64(value.toDouble());
}

TokenUsage usageFrom(const QJsonObject &metadata)
{
    TokenUsage usage;
    usage.input = int64Field(metadata, QLatin1String("promptTokenCount"))
        + int64Field(metadata, QLatin1String("toolUsePromptTokenCount"));
    usage.output = int64Field(metadata, QLatin1String("candidatesTokenCount"))
        + int64Field(metadata, QLatin1String("thoughtsTokenCount"));
    usage.total = int64Field(metadata, QLatin1String("totalTokenCount"));
    if (usage.total == 0)
        usage.total = usage.input + usage.output;
    return usage;
}

struct GoogleStatus {
    int code = 0;
    QString status; // "RESOURCE_EXHAUSTED"…
    QString message;
    QJsonArray details;
};

// {"error": {...}} or, from some endpoints, [{"error": {...}}].
std::optional<GoogleStatus> googleStatusFrom(const QJsonDocument &document)
{
    QJsonObject root;
    if (document.isArray() && !document.array().isEmpty())
        root = document.array().first().toObject();
    else if (document.isObject())
        root = document.object();
    const QJsonValue errorValue = root.value(QLatin1String("error"));
    if (!errorValue.isObject())
        return std::nullopt;
    const QJsonObject error = errorValue.toObject();
    GoogleStatus status;
    status.code = error.value(QLatin1String("code")).toInt();
    status.status = error.value(QLatin1String("status")).toString();
    status.message = error.value(QLatin1String("message")).toString();
    status.details = error.value(QLatin1String("details")).toArray();
    return status;
}

QList<QJsonObject> detailsOfType(const QJsonArray &details, QLatin1String typeSuffix)
{
    QList<QJsonObject> found;
    for (const QJsonValue &detail : details) {
        const QJsonObject object = detail.toObject();
        if (object.value(QLatin1String("@type")).toString().endsWith(typeSuffix))
            found.append(object);
    }
    return found;
}

// RESOURCE_EXHAUSTED covers both "slow down" and "nothing left". A per-day quota, or a quota whose limit is
// zero (the model is not available on this plan), will not come back by retrying within a run.
bool isHardQuota(const GoogleStatus &status)
{
    auto isHard = [](const QString &id, const QString &value) {
        return id.contains(QLatin1String("PerDay"), Qt::CaseInsensitive)
            || id.contains(QLatin1String("per_day"), Qt::CaseInsensitive) || value == QLatin1String("0");
    };
    for (const QJsonObject &failure : detailsOfType(status.details, QLatin1String("google.rpc.QuotaFailure"))) {
        for (const QJsonValue &violation : failure.value(QLatin1String("violations")).toArray()) {
            const QJsonObject v = violation.toObject();
            const QString value = v.value(QLatin1String("quotaValue")).toVariant().toString();
            if (isHard(v.value(QLatin1String("quotaId")).toString(), value)
                || isHard(v.value(QLatin1String("quotaMetric")).toString(), value))
                return true;
        }
    }
    for (const QJsonObject &info : detailsOfType(status.details, QLatin1String("google.rpc.ErrorInfo"))) {
        const QJsonObject metadata = info.value(QLatin1String("metadata")).toObject();
        if (isHard(metadata.value(QLatin1String("quota_limit")).toString(),
                   metadata.value(QLatin1String("quota_limit_value")).toString()))
            return true;
    }
    return false;
}

QString errorInfoReason(const GoogleStatus &status)
{
    for (const QJsonObject &info : detailsOfType(status.details, QLatin1String("google.rpc.ErrorInfo"))) {
        const QString reason = info.value(QLatin1String("reason")).toString();
        if (!reason.isEmpty())
            return reason;
    }
    return QString();
}

qint64 retryInfoDelay(const GoogleStatus &status)
{
    for (const QJsonObject &info : detailsOfType(status.details, QLatin1String("google.rpc.RetryInfo"))) {
        const QJsonValue delay = info.value(QLatin1String("retryDelay"));
        qint64 ms = -1;
        if (delay.isString())
            ms = RetryHint::parseDuration(delay.toString());
        else if (delay.isObject()) // Duration as {"seconds": "15", "nanos": 0}
            ms = delay.toObject().value(QLatin1String("seconds")).toVariant().toLongLong() * 1000
                + delay.toObject().value(QLatin1String("nanos")).toInt() / 1000000;
        if (ms >= 0)
            return ms;
    }
    return -1;
}

LlmError errorFromStatus(int httpStatus, const GoogleStatus &status, const HttpHeaders &headers)
{
    constexpr ProviderKind kind = ProviderKind::Gemini;
    const QString reason = errorInfoReason(status);
    // The message is safe to show; DebugInfo details are not (they can quote the key).
    const QString &detail = status.message;

    if (reason == QLatin1String("API_KEY_INVALID") || reason == QLatin1String("API_KEY_SERVICE_BLOCKED")
        || reason == QLatin1String("API_KEY_HTTP_REFERRER_BLOCKED")
        || reason == QLatin1String("API_KEY_IP_ADDRESS_BLOCKED"))
        return LlmErrors::invalidKey(kind, httpStatus, detail);
    if (httpStatus == 403 || status.status == QLatin1String("PERMISSION_DENIED")
        || status.status == QLatin1String("UNAUTHENTICATED") || httpStatus == 401) {
        if (status.message.contains(QLatin1String("unregistered callers"))
            || reason == QLatin1String("CREDENTIALS_MISSING"))
            return LlmErrors::missingKey(kind, httpStatus, detail);
        return LlmErrors::invalidKey(kind, httpStatus, detail);
    }
    if (httpStatus == 429 || status.status == QLatin1String("RESOURCE_EXHAUSTED")) {
        if (isHardQuota(status))
            return LlmErrors::quotaExhausted(kind, httpStatus, detail);
        qint64 hint = retryInfoDelay(status);
        if (hint < 0)
            hint = RetryHint::fromHeaders(headers);
        if (hint < 0)
            hint = RetryHint::fromMessage(status.message);
        return LlmErrors::rateLimited(kind, httpStatus, hint, detail);
    }
    if (status.status == QLatin1String("FAILED_PRECONDITION") && httpStatus == 400) // region or billing
        return LlmErrors::quotaExhausted(kind, httpStatus, detail);
    LlmError error = LlmErrors::forHttpStatus(kind, httpStatus, detail);
    if (error.retryable)
        error.retryAfterMs = RetryHint::fromHeaders(headers);
    return error;
}

} // namespace

QUrl GeminiProvider::endpoint(const ProviderConfig &config)
{
    QUrl url = config.effectiveBaseUrl();
    QString model = config.model.trimmed();
    if (model.startsWith(QLatin1String("models/")))
        model = model.mid(7);
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QLatin1String("/v1beta/models/") + model + QLatin1String(":generateContent"));
    return url;
}

QNetworkRequest GeminiProvider::buildHttpRequest(const ProviderConfig &config) const
{
    QNetworkRequest request(endpoint(config));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("x-goog-api-key", config.apiKey.trimmed().toUtf8());
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    return request;
}

QByteArray GeminiProvider::buildBody(const LlmRequest &request, const ProviderConfig &config) const
{
    QJsonArray parts;
    if (!request.userText.isEmpty())
        parts.append(QJsonObject { { QStringLiteral("text"), request.userText } });
    for (qsizetype i = 0; i < request.jpegImages.size(); ++i) {
        const QString label = request.imageLabels.value(i);
        if (!label.isEmpty())
            parts.append(QJsonObject { { QStringLiteral("text"), label } });
        const QJsonObject blob { { QStringLiteral("mimeType"), QStringLiteral("image/jpeg") },
                                 { QStringLiteral("data"), QString::fromLatin1(request.jpegImages.at(i).toBase64()) } };
        parts.append(QJsonObject { { QStringLiteral("inlineData"), blob } });
    }

    QJsonObject generation { { QStringLiteral("temperature"), 0 },
                             { QStringLiteral("maxOutputTokens"), config.maxOutputTokens } };
    if (!request.responseSchema.isEmpty()) {
        generation.insert(QStringLiteral("responseMimeType"), QStringLiteral("application/json"));
        generation.insert(QStringLiteral("responseJsonSchema"), request.responseSchema);
    }

    QJsonObject body {
        { QStringLiteral("contents"),
          QJsonArray { QJsonObject { { QStringLiteral("role"), QStringLiteral("user") },
                                     { QStringLiteral("parts"), parts } } } },
        { QStringLiteral("generationConfig"), generation },
    };
    if (!request.systemInstruction.isEmpty()) { // an empty instruction text is rejected
        body.insert(
            QStringLiteral("systemInstruction"),
            QJsonObject { { QStringLiteral("parts"),
                            QJsonArray { QJsonObject { { QStringLiteral("text"), request.systemInstruction } } } } });
    }
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

LlmOutcome GeminiProvider::parseResponse(int httpStatus, const QByteArray &body, const HttpHeaders &headers,
                                         const QJsonObject &responseSchema) const
{
    constexpr ProviderKind kind = ProviderKind::Gemini;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);

    if (httpStatus < 200 || httpStatus >= 300) {
        if (const std::optional<GoogleStatus> status = googleStatusFrom(document))
            return errorFromStatus(httpStatus, *status, headers);
        LlmError error = LlmErrors::forHttpStatus(kind, httpStatus);
        if (httpStatus == 429 || error.retryable)
            error.retryAfterMs = RetryHint::fromHeaders(headers);
        return error;
    }

    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return LlmErrors::badResponse(kind, httpStatus,
                                      QCoreApplication::translate("GeminiProvider", "the body is not a JSON object"));
    }
    const QJsonObject root = document.object();
    const std::optional<GoogleStatus> status = googleStatusFrom(document);
    if (status && (status->code != 0 || !status->message.isEmpty())) // an error inside a 200
        return errorFromStatus(status->code > 0 ? status->code : 500, *status, headers);

    const QJsonObject feedback = root.value(QLatin1String("promptFeedback")).toObject();
    const QJsonArray candidates = root.value(QLatin1String("candidates")).toArray();
    const QString blockReason = feedback.value(QLatin1String("blockReason")).toString();
    if (!blockReason.isEmpty() && blockReason != QLatin1String("BLOCK_REASON_UNSPECIFIED"))
        return LlmErrors::safetyBlocked(kind, blockReason);
    if (candidates.isEmpty()) {
        const QString message = feedback.value(QLatin1String("blockReasonMessage")).toString();
        if (!message.isEmpty() || !blockReason.isEmpty())
            return LlmErrors::safetyBlocked(kind, message.isEmpty() ? blockReason : redactSecrets(message));
        return LlmErrors::badResponse(kind, httpStatus,
                                      QCoreApplication::translate("GeminiProvider", "the reply holds no answer"));
    }

    const QJsonObject candidate = candidates.first().toObject();
    LlmReply reply;
    reply.finishReason = candidate.value(QLatin1String("finishReason")).toString();
    reply.usage = usageFrom(root.value(QLatin1String("usageMetadata")).toObject());
    // A refused reply is still billed: keep its usage for the cost.
    const auto billed = [&reply](LlmError error) {
        error.usage = reply.usage;
        return error;
    };
    reply.modelVersion = root.value(QLatin1String("modelVersion")).toString();

    if (reply.finishReason == QLatin1String("MAX_TOKENS"))
        return billed(LlmErrors::truncated(kind, reply.finishReason));
    if (isBlockingFinish(reply.finishReason))
        return billed(LlmErrors::safetyBlocked(kind, reply.finishReason));

    // The answer may be split over several text parts; thought summaries are not part of it.
    bool anyText = false;
    for (const QJsonValue &partValue :
         candidate.value(QLatin1String("content")).toObject().value(QLatin1String("parts")).toArray()) {
        const QJsonObject part = partValue.toObject();
        if (part.value(QLatin1String("thought")).toBool() || !part.value(QLatin1String("text")).isString())
            continue;
        reply.text += part.value(QLatin1String("text")).toString();
        anyText = true;
    }
    if (!anyText) {
        if (reply.finishReason == QLatin1String("OTHER")) {
            return billed(
                LlmErrors::serverError(kind, httpStatus, candidate.value(QLatin1String("finishMessage")).toString()));
        }
        return billed(LlmErrors::badResponse(kind, httpStatus,
                                             QCoreApplication::translate("GeminiProvider", "the reply holds no text")));
    }

    const QString problem = JsonReplyCheck::readAnswer(reply.text, responseSchema, &reply.json);
    if (!problem.isEmpty())
        return billed(LlmErrors::badResponse(kind, httpStatus, problem));
    return reply;
}

} // namespace Corrige::Core
