#pragma once

#include "tests/support/httpconnection.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Corrige::Test {

// Tokens the fake bills for one request, estimated from its size.
struct TokenCounts {
    qint64 textPrompt = 0;
    qint64 imagePrompt = 0;
    qint64 output = 0;
    qint64 thoughts = 0; // Gemini thinking models only

    qint64 prompt() const { return textPrompt + imagePrompt; }
};

// Response bodies and headers of the Gemini API (generativelanguage.googleapis.com v1beta), shaped like the
// recorded ones: google.rpc.Status errors with their details, GenerateContentResponse envelopes.
namespace GeminiBodies {

HttpReply json(int status, const QJsonObject &body);
HttpReply error(int code, const QString &status, const QString &message, const QJsonArray &details = {});
// google.protobuf.Duration in JSON: "15s", "0.250s".
QString duration(qint64 ms);

HttpReply invalidKey(const QString &key);   // 400 INVALID_ARGUMENT, ErrorInfo reason API_KEY_INVALID
HttpReply missingKey();                     // 403 PERMISSION_DENIED "Method doesn't allow unregistered callers…"
// 429 RESOURCE_EXHAUSTED with QuotaFailure (per minute), Help and, when retryAfterMs >= 0, RetryInfo.retryDelay.
HttpReply rateLimited(const QString &model, qint64 retryAfterMs, int limit);
// 429 RESOURCE_EXHAUSTED with a per-day QuotaFailure and no RetryInfo: waiting a minute does not help.
HttpReply quotaExhausted(const QString &model);
HttpReply internalError();                  // 500 INTERNAL
HttpReply unavailable();                    // 503 UNAVAILABLE "The model is overloaded…"
HttpReply badRequest();                     // 400 INVALID_ARGUMENT "Request contains an invalid argument."
HttpReply invalidJson(const QString &detail); // 400 INVALID_ARGUMENT "Invalid JSON payload received. …"
// 400 INVALID_ARGUMENT "Invalid JSON payload received. Unknown name "x" at 'a.b': Cannot find field."
HttpReply unknownField(const QString &name, const QString &parentField);
// 400 INVALID_ARGUMENT with a google.rpc.BadRequest fieldViolation on `field`.
HttpReply invalidArgument(const QString &message, const QString &field, const QString &description);
HttpReply methodNotFound();                 // 404 NOT_FOUND for an unknown API method
HttpReply notFoundPage(const QString &path); // the Google front end's HTML 404 page

// A successful response: the text split over the given parts, usageMetadata from the counts.
QJsonObject response(const QStringList &textParts, const QString &finishReason, const TokenCounts &tokens,
                     const QString &model);
// HTTP 200 with no candidates and promptFeedback.blockReason SAFETY.
QJsonObject promptBlocked(const TokenCounts &tokens, const QString &model);
// A candidate stopped by safety with no content (finishReason SAFETY, a blocked HIGH safety rating).
QJsonObject candidateBlocked(const TokenCounts &tokens, const QString &model);

} // namespace GeminiBodies

// Response bodies and headers of the OpenAI API: {"error": {message, type, param, code}} errors and
// chat.completion envelopes.
namespace OpenAiBodies {

HttpReply json(int status, const QJsonObject &body);
HttpReply error(int status, const QString &message, const QString &type, const QJsonValue &param,
                const QJsonValue &code);

HttpReply invalidKey(const QString &key);   // 401 invalid_api_key, the key masked
HttpReply missingKey();                     // 401 "You didn't provide an API key…"
// 429 rate_limit_exceeded (type "requests"); Retry-After in whole seconds (at least 1) when retryAfterMs >= 0.
HttpReply rateLimited(const QString &model, qint64 retryAfterMs, int limit);
HttpReply quotaExhausted();                 // 429 insufficient_quota, no Retry-After
HttpReply serverError();                    // 500 server_error
HttpReply unavailable();                    // 503 server_error "The server is overloaded or not ready yet."
HttpReply badRequest(const QString &schemaName); // 400 "Invalid schema for response_format '…'" (recorded shape)
HttpReply invalidJson();                    // 400 "We could not parse the JSON body of your request. …"
HttpReply invalidUrl(const QByteArray &method, const QString &path); // 404 "Invalid URL (POST /v1/x)"

QJsonObject completion(const QJsonValue &content, const QJsonValue &refusal, const QString &finishReason,
                       const TokenCounts &tokens, const QString &model);

} // namespace OpenAiBodies

} // namespace Corrige::Test
