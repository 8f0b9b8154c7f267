#include "tests/support/providerbodies.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRandomGenerator>

#include <algorithm>

namespace Corrige::Test {

namespace {

QByteArray randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    for (char &c : bytes)
        c = static_cast<char>(QRandomGenerator::global()->bounded(256));
    return bytes;
}

QString randomAlnum(int count)
{
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString out;
    out.reserve(count);
    for (int i = 0; i < count; ++i)
        out += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(int(sizeof(alphabet) - 1))]);
    return out;
}

QJsonArray safetyRatings(bool blockHate)
{
    auto rating = [](const char *category, const char *probability) {
        return QJsonObject{{QStringLiteral("category"), QLatin1String(category)},
                           {QStringLiteral("probability"), QLatin1String(probability)}};
    };
    QJsonObject hate = rating("HARM_CATEGORY_HATE_SPEECH", blockHate ? "HIGH" : "NEGLIGIBLE");
    if (blockHate)
        hate.insert(QStringLiteral("blocked"), true);
    return QJsonArray{rating("HARM_CATEGORY_SEXUALLY_EXPLICIT", "NEGLIGIBLE"), hate,
                      rating("HARM_CATEGORY_HARASSMENT", "NEGLIGIBLE"),
                      rating("HARM_CATEGORY_DANGEROUS_CONTENT", "NEGLIGIBLE")};
}

QJsonObject usageMetadata(const TokenCounts &tokens, bool promptOnly)
{
    QJsonObject usage;
    usage.insert(QStringLiteral("promptTokenCount"), tokens.prompt());
    const qint64 output = promptOnly ? 0 : tokens.output;
    const qint64 thoughts = promptOnly ? 0 : tokens.thoughts;
    // proto3 JSON omits fields at their default value.
    if (output > 0)
        usage.insert(QStringLiteral("candidatesTokenCount"), output);
    usage.insert(QStringLiteral("totalTokenCount"), tokens.prompt() + output + thoughts);
    QJsonArray promptDetails;
    if (tokens.textPrompt > 0) {
        promptDetails.append(QJsonObject{{QStringLiteral("modality"), QStringLiteral("TEXT")},
                                         {QStringLiteral("tokenCount"), tokens.textPrompt}});
    }
    if (tokens.imagePrompt > 0) {
        promptDetails.append(QJsonObject{{QStringLiteral("modality"), QStringLiteral("IMAGE")},
                                         {QStringLiteral("tokenCount"), tokens.imagePrompt}});
    }
    if (!promptDetails.isEmpty())
        usage.insert(QStringLiteral("promptTokensDetails"), promptDetails);
    if (thoughts > 0) {
        usage.insert(QStringLiteral("thoughtsTokenCount"), thoughts);
    } else if (output > 0) {
        usage.insert(QStringLiteral("candidatesTokensDetails"),
                     QJsonArray{QJsonObject{{QStringLiteral("modality"), QStringLiteral("TEXT")},
                                            {QStringLiteral("tokenCount"), output}}});
    }
    return usage;
}

QString geminiResponseId()
{
    return QString::fromLatin1(randomBytes(16).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QJsonObject errorInfo(const char *reason, const QJsonObject &metadata)
{
    return QJsonObject{{QStringLiteral("@type"), QStringLiteral("type.googleapis.com/google.rpc.ErrorInfo")},
                       {QStringLiteral("reason"), QLatin1String(reason)},
                       {QStringLiteral("domain"), QStringLiteral("googleapis.com")},
                       {QStringLiteral("metadata"), metadata}};
}

QJsonObject quotaHelp()
{
    return QJsonObject{
        {QStringLiteral("@type"), QStringLiteral("type.googleapis.com/google.rpc.Help")},
        {QStringLiteral("links"),
         QJsonArray{QJsonObject{{QStringLiteral("description"), QStringLiteral("Learn more about Gemini API quotas")},
                                {QStringLiteral("url"), QStringLiteral("https://ai.google.dev/gemini-api/docs/rate-limits")}}}}};
}

QJsonObject quotaFailure(const QString &model, const char *quotaId, const QString &quotaValue)
{
    return QJsonObject{
        {QStringLiteral("@type"), QStringLiteral("type.googleapis.com/google.rpc.QuotaFailure")},
        {QStringLiteral("violations"),
         QJsonArray{QJsonObject{
             {QStringLiteral("quotaMetric"),
              QStringLiteral("generativelanguage.googleapis.com/generate_content_free_tier_requests")},
             {QStringLiteral("quotaId"), QLatin1String(quotaId)},
             {QStringLiteral("quotaDimensions"),
              QJsonObject{{QStringLiteral("location"), QStringLiteral("global")}, {QStringLiteral("model"), model}}},
             {QStringLiteral("quotaValue"), quotaValue}}}}};
}

const QString geminiQuotaMessage = QStringLiteral(
    "You exceeded your current quota, please check your plan and billing details. For more information on this "
    "error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.");

QByteArray htmlEscaped(const QString &text)
{
    return text.toHtmlEscaped().toUtf8();
}

} // namespace

// ---------------------------------------------------------------------------------------------------------------
// Gemini

namespace GeminiBodies {

HttpReply json(int status, const QJsonObject &body)
{
    HttpReply reply;
    reply.status = status;
    reply.headers = {{"Content-Type", "application/json; charset=UTF-8"},
                     {"Vary", "Origin, X-Origin, Referer"},
                     {"Server", "scaffolding on HTTPServer2"},
                     {"X-XSS-Protection", "0"},
                     {"X-Frame-Options", "SAMEORIGIN"},
                     {"X-Content-Type-Options", "nosniff"}};
    reply.body = QJsonDocument(body).toJson(QJsonDocument::Indented);
    return reply;
}

HttpReply error(int code, const QString &status, const QString &message, const QJsonArray &details)
{
    QJsonObject error{{QStringLiteral("code"), code},
                      {QStringLiteral("message"), message},
                      {QStringLiteral("status"), status}};
    if (!details.isEmpty())
        error.insert(QStringLiteral("details"), details);
    return json(code, QJsonObject{{QStringLiteral("error"), error}});
}

QString duration(qint64 ms)
{
    ms = std::max<qint64>(ms, 0);
    if (ms % 1000 == 0)
        return QString::number(ms / 1000) + QLatin1Char('s');
    return QStringLiteral("%1.%2s").arg(ms / 1000).arg(ms % 1000, 3, 10, QLatin1Char('0'));
}

HttpReply invalidKey(const QString &key)
{
    const QString message = QStringLiteral("API key not valid. Please pass a valid API key.");
    return error(400, QStringLiteral("INVALID_ARGUMENT"), message,
                 QJsonArray{errorInfo("API_KEY_INVALID",
                                      {{QStringLiteral("service"), QStringLiteral("generativelanguage.googleapis.com")}}),
                            QJsonObject{{QStringLiteral("@type"), QStringLiteral("type.googleapis.com/google.rpc.LocalizedMessage")},
                                        {QStringLiteral("locale"), QStringLiteral("en-US")},
                                        {QStringLiteral("message"), message}},
                            QJsonObject{{QStringLiteral("@type"), QStringLiteral("type.googleapis.com/google.rpc.DebugInfo")},
                                        {QStringLiteral("detail"), QString(QStringLiteral("Invalid API key: ") + key)}}});
}

HttpReply missingKey()
{
    return error(403, QStringLiteral("PERMISSION_DENIED"),
                 QStringLiteral("Method doesn't allow unregistered callers (callers without established identity). "
                                "Please use API Key or other form of API consumer identity to call this API."));
}

HttpReply rateLimited(const QString &model, qint64 retryAfterMs, int limit)
{
    QJsonArray details{quotaFailure(model, "GenerateRequestsPerMinutePerProjectPerModel-FreeTier",
                                    QString::number(limit > 0 ? limit : 10)),
                       quotaHelp()};
    if (retryAfterMs >= 0) {
        details.append(QJsonObject{{QStringLiteral("@type"), QStringLiteral("type.googleapis.com/google.rpc.RetryInfo")},
                                   {QStringLiteral("retryDelay"), duration(retryAfterMs)}});
    }
    return error(429, QStringLiteral("RESOURCE_EXHAUSTED"), geminiQuotaMessage, details);
}

HttpReply quotaExhausted(const QString &model)
{
    return error(429, QStringLiteral("RESOURCE_EXHAUSTED"), geminiQuotaMessage,
                 QJsonArray{quotaFailure(model, "GenerateRequestsPerDayPerProjectPerModel-FreeTier", QStringLiteral("250")),
                            quotaHelp()});
}

HttpReply internalError()
{
    return error(500, QStringLiteral("INTERNAL"),
                 QStringLiteral("An internal error has occurred. Please retry or report in "
                                "https://developers.generativeai.google/guide/troubleshooting"));
}

HttpReply unavailable()
{
    return error(503, QStringLiteral("UNAVAILABLE"), QStringLiteral("The model is overloaded. Please try again later."));
}

HttpReply badRequest()
{
    return error(400, QStringLiteral("INVALID_ARGUMENT"), QStringLiteral("Request contains an invalid argument."));
}

HttpReply invalidJson(const QString &detail)
{
    const QString message = QStringLiteral("Invalid JSON payload received. %1").arg(detail);
    return error(400, QStringLiteral("INVALID_ARGUMENT"), message,
                 QJsonArray{QJsonObject{{QStringLiteral("@type"), QStringLiteral("type.googleapis.com/google.rpc.BadRequest")},
                                        {QStringLiteral("fieldViolations"),
                                         QJsonArray{QJsonObject{{QStringLiteral("description"), message}}}}}});
}

HttpReply unknownField(const QString &name, const QString &parentField)
{
    const QString where = parentField.isEmpty() ? QString() : QStringLiteral(" at '%1'").arg(parentField);
    const QString message =
        QStringLiteral("Invalid JSON payload received. Unknown name \"%1\"%2: Cannot find field.").arg(name, where);
    QJsonObject violation{{QStringLiteral("description"), message}};
    if (!parentField.isEmpty())
        violation.insert(QStringLiteral("field"), parentField);
    return error(400, QStringLiteral("INVALID_ARGUMENT"), message,
                 QJsonArray{QJsonObject{{QStringLiteral("@type"), QStringLiteral("type.googleapis.com/google.rpc.BadRequest")},
                                        {QStringLiteral("fieldViolations"), QJsonArray{violation}}}});
}

HttpReply invalidArgument(const QString &message, const QString &field, const QString &description)
{
    QJsonObject violation{{QStringLiteral("description"), description}};
    if (!field.isEmpty())
        violation.insert(QStringLiteral("field"), field);
    return error(400, QStringLiteral("INVALID_ARGUMENT"), message,
                 QJsonArray{QJsonObject{{QStringLiteral("@type"), QStringLiteral("type.googleapis.com/google.rpc.BadRequest")},
                                        {QStringLiteral("fieldViolations"), QJsonArray{violation}}}});
}

HttpReply methodNotFound()
{
    return error(404, QStringLiteral("NOT_FOUND"), QStringLiteral("Method not found."));
}

HttpReply notFoundPage(const QString &path)
{
    HttpReply reply;
    reply.status = 404;
    reply.headers = {{"Content-Type", "text/html; charset=UTF-8"}, {"Referrer-Policy", "no-referrer"}};
    reply.body = QByteArray("<!DOCTYPE html>\n<html lang=en>\n  <meta charset=utf-8>\n"
                            "  <meta name=viewport content=\"initial-scale=1, minimum-scale=1, width=device-width\">\n"
                            "  <title>Error 404 (Not Found)!!1</title>\n"
                            "  <a href=//www.google.com/><span id=logo aria-label=Google></span></a>\n"
                            "  <p><b>404.</b> <ins>That\xe2\x80\x99s an error.</ins>\n"
                            "  <p>The requested URL <code>")
        + htmlEscaped(path)
        + QByteArray("</code> was not found on this server.  <ins>That\xe2\x80\x99s all we know.</ins>\n");
    return reply;
}

QJsonObject response(const QStringList &textParts, const QString &finishReason, const TokenCounts &tokens,
                     const QString &model)
{
    QJsonArray parts;
    for (const QString &text : textParts)
        parts.append(QJsonObject{{QStringLiteral("text"), text}});
    QJsonObject candidate{{QStringLiteral("content"),
                           QJsonObject{{QStringLiteral("parts"), parts}, {QStringLiteral("role"), QStringLiteral("model")}}},
                          {QStringLiteral("finishReason"), finishReason},
                          {QStringLiteral("index"), 0}};
    return QJsonObject{{QStringLiteral("candidates"), QJsonArray{candidate}},
                       {QStringLiteral("usageMetadata"), usageMetadata(tokens, false)},
                       {QStringLiteral("modelVersion"), model},
                       {QStringLiteral("responseId"), geminiResponseId()}};
}

QJsonObject promptBlocked(const TokenCounts &tokens, const QString &model)
{
    return QJsonObject{{QStringLiteral("promptFeedback"),
                        QJsonObject{{QStringLiteral("blockReason"), QStringLiteral("SAFETY")},
                                    {QStringLiteral("safetyRatings"), safetyRatings(true)}}},
                       {QStringLiteral("usageMetadata"), usageMetadata(tokens, true)},
                       {QStringLiteral("modelVersion"), model},
                       {QStringLiteral("responseId"), geminiResponseId()}};
}

QJsonObject candidateBlocked(const TokenCounts &tokens, const QString &model)
{
    QJsonObject candidate{{QStringLiteral("finishReason"), QStringLiteral("SAFETY")},
                          {QStringLiteral("index"), 0},
                          {QStringLiteral("safetyRatings"), safetyRatings(true)}};
    return QJsonObject{{QStringLiteral("candidates"), QJsonArray{candidate}},
                       {QStringLiteral("usageMetadata"), usageMetadata(tokens, true)},
                       {QStringLiteral("modelVersion"), model},
                       {QStringLiteral("responseId"), geminiResponseId()}};
}

} // namespace GeminiBodies

// ---------------------------------------------------------------------------------------------------------------
// OpenAI

namespace OpenAiBodies {

HttpReply json(int status, const QJsonObject &body)
{
    HttpReply reply;
    reply.status = status;
    reply.headers = {{"Content-Type", "application/json"},
                     {"openai-version", "2020-10-01"},
                     {"openai-organization", "user-fake"},
                     {"openai-processing-ms", QByteArray::number(QRandomGenerator::global()->bounded(200, 2000))},
                     {"x-request-id", "req_" + randomBytes(16).toHex()}};
    reply.body = QJsonDocument(body).toJson(QJsonDocument::Indented);
    return reply;
}

HttpReply error(int status, const QString &message, const QString &type, const QJsonValue &param, const QJsonValue &code)
{
    return json(status, QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("message"), message},
                                                                          {QStringLiteral("type"), type},
                                                                          {QStringLiteral("param"), param},
                                                                          {QStringLiteral("code"), code}}}});
}

HttpReply invalidKey(const QString &key)
{
    const QString masked = key.size() <= 8
        ? QString(key.size(), QLatin1Char('*'))
        : key.left(3) + QString(key.size() - 7, QLatin1Char('*')) + key.right(4);
    return error(401,
                 QStringLiteral("Incorrect API key provided: %1. You can find your API key at "
                                "https://platform.openai.com/account/api-keys.")
                     .arg(masked),
                 QStringLiteral("invalid_request_error"), QJsonValue::Null, QStringLiteral("invalid_api_key"));
}

HttpReply missingKey()
{
    return error(401,
                 QStringLiteral("You didn't provide an API key. You need to provide your API key in an Authorization "
                                "header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password "
                                "field (with blank username) if you're accessing the API from your browser and are "
                                "prompted for a username. You can obtain an API key from "
                                "https://platform.openai.com/account/api-keys."),
                 QStringLiteral("invalid_request_error"), QJsonValue::Null, QJsonValue::Null);
}

HttpReply rateLimited(const QString &model, qint64 retryAfterMs, int limit)
{
    const int shownLimit = limit > 0 ? limit : 3;
    const QString wait = retryAfterMs >= 1000 ? QStringLiteral("%1s").arg(double(retryAfterMs) / 1000.0, 0, 'f', 3)
                                              : QStringLiteral("%1ms").arg(std::max<qint64>(retryAfterMs, 1));
    HttpReply reply = error(429,
                            QStringLiteral("Rate limit reached for %1 in organization org-fake on requests per min "
                                           "(RPM): Limit %2, Used %2, Requested 1. Please try again in %3. Visit "
                                           "https://platform.openai.com/account/rate-limits to learn more.")
                                .arg(model)
                                .arg(shownLimit)
                                .arg(wait),
                            QStringLiteral("requests"), QJsonValue::Null, QStringLiteral("rate_limit_exceeded"));
    if (retryAfterMs >= 0) {
        const qint64 seconds = std::max<qint64>(1, (retryAfterMs + 999) / 1000);
        reply.headers.emplaceBack("Retry-After", QByteArray::number(seconds));
    }
    return reply;
}

HttpReply quotaExhausted()
{
    return error(429,
                 QStringLiteral("You exceeded your current quota, please check your plan and billing details. For more "
                                "information on this error, read the docs: "
                                "https://platform.openai.com/docs/guides/error-codes/api-errors."),
                 QStringLiteral("insufficient_quota"), QJsonValue::Null, QStringLiteral("insufficient_quota"));
}

HttpReply serverError()
{
    return error(500, QStringLiteral("The server had an error while processing your request. Sorry about that!"),
                 QStringLiteral("server_error"), QJsonValue::Null, QJsonValue::Null);
}

HttpReply unavailable()
{
    return error(503, QStringLiteral("The server is overloaded or not ready yet."), QStringLiteral("server_error"),
                 QJsonValue::Null, QJsonValue::Null);
}

HttpReply badRequest(const QString &schemaName)
{
    return error(400,
                 QStringLiteral("Invalid schema for response_format '%1': In context=(), 'additionalProperties' is "
                                "required to be supplied and to be false.")
                     .arg(schemaName.isEmpty() ? QStringLiteral("default") : schemaName),
                 QStringLiteral("invalid_request_error"), QStringLiteral("response_format"), QJsonValue::Null);
}

HttpReply invalidJson()
{
    return error(400,
                 QStringLiteral("We could not parse the JSON body of your request. (HINT: This likely means you aren't "
                                "using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was "
                                "sent was not valid JSON. If you have trouble figuring out how to fix this, please "
                                "contact us through our help center at help.openai.com.)"),
                 QStringLiteral("invalid_request_error"), QJsonValue::Null, QJsonValue::Null);
}

HttpReply invalidUrl(const QByteArray &method, const QString &path)
{
    return error(404, QStringLiteral("Invalid URL (%1 %2)").arg(QString::fromLatin1(method), path),
                 QStringLiteral("invalid_request_error"), QJsonValue::Null, QJsonValue::Null);
}

QJsonObject completion(const QJsonValue &content, const QJsonValue &refusal, const QString &finishReason,
                       const TokenCounts &tokens, const QString &model)
{
    const QJsonObject message{{QStringLiteral("role"), QStringLiteral("assistant")},
                              {QStringLiteral("content"), content},
                              {QStringLiteral("refusal"), refusal},
                              {QStringLiteral("annotations"), QJsonArray{}}};
    const QJsonObject choice{{QStringLiteral("index"), 0},
                             {QStringLiteral("message"), message},
                             {QStringLiteral("logprobs"), QJsonValue::Null},
                             {QStringLiteral("finish_reason"), finishReason}};
    const QJsonObject usage{
        {QStringLiteral("prompt_tokens"), tokens.prompt()},
        {QStringLiteral("completion_tokens"), tokens.output},
        {QStringLiteral("total_tokens"), tokens.prompt() + tokens.output},
        {QStringLiteral("prompt_tokens_details"),
         QJsonObject{{QStringLiteral("cached_tokens"), 0}, {QStringLiteral("audio_tokens"), 0}}},
        {QStringLiteral("completion_tokens_details"),
         QJsonObject{{QStringLiteral("reasoning_tokens"), 0},
                     {QStringLiteral("audio_tokens"), 0},
                     {QStringLiteral("accepted_prediction_tokens"), 0},
                     {QStringLiteral("rejected_prediction_tokens"), 0}}}};
    return QJsonObject{{QStringLiteral("id"), QString(QStringLiteral("chatcmpl-") + randomAlnum(29))},
                       {QStringLiteral("object"), QStringLiteral("chat.completion")},
                       {QStringLiteral("created"), QDateTime::currentSecsSinceEpoch()},
                       {QStringLiteral("model"), model},
                       {QStringLiteral("choices"), QJsonArray{choice}},
                       {QStringLiteral("usage"), usage},
                       {QStringLiteral("service_tier"), QStringLiteral("default")}};
}

} // namespace OpenAiBodies

} // namespace Corrige::Test
