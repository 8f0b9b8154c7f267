#pragma once

#include "core/llm/llmprovider.h"

namespace Corrige::Core {

// Gemini Developer API: POST {base}/v1beta/models/{model}:generateContent, key in x-goog-api-key, page images as
// inlineData parts, structured output through responseMimeType + responseJsonSchema, temperature 0.
class GeminiProvider final : public LlmProvider
{
public:
    using LlmProvider::parseResponse;

    ProviderKind kind() const override { return ProviderKind::Gemini; }
    QNetworkRequest buildHttpRequest(const ProviderConfig &config) const override;
    QByteArray buildBody(const LlmRequest &request, const ProviderConfig &config) const override;
    LlmOutcome parseResponse(int httpStatus, const QByteArray &body, const HttpHeaders &headers,
                             const QJsonObject &responseSchema) const override;

    // {base}/v1beta/models/{model}:generateContent; a leading "models/" in the model name is accepted.
    static QUrl endpoint(const ProviderConfig &config);
};

} // namespace Corrige::Core
