#pragma once

#include "core/llm/llmprovider.h"

namespace Corrige::Core {

// OpenAI Chat Completions (POST {base}/chat/completions, Bearer key, image_url data URLs, response_format
// json_schema) and, with ProviderKind::Compatible, the profile that Ollama, vLLM and llama.cpp accept:
// max_tokens instead of max_completion_tokens, no image detail, key optional, integer or null error codes and
// vLLM's legacy top-level error object.
class OpenAiProvider final : public LlmProvider
{
public:
    using LlmProvider::parseResponse;

    explicit OpenAiProvider(ProviderKind kind = ProviderKind::OpenAi);

    ProviderKind kind() const override { return m_kind; }
    QNetworkRequest buildHttpRequest(const ProviderConfig &config) const override;
    QByteArray buildBody(const LlmRequest &request, const ProviderConfig &config) const override;
    LlmOutcome parseResponse(int httpStatus, const QByteArray &body, const HttpHeaders &headers,
                             const QJsonObject &responseSchema) const override;

    // {base}/chat/completions
    static QUrl endpoint(const ProviderConfig &config);
    // Reasoning models (o1, o3, o4-mini, gpt-5…) refuse any temperature but the default.
    static bool acceptsTemperature(const QString &model);
    // json_schema.name must match [A-Za-z0-9_-]{1,64}.
    static QString schemaName(const QString &requested);

private:
    ProviderKind m_kind;
};

} // namespace Corrige::Core
