#include "core/llm/llmprovider.h"

#include "core/llm/geminiprovider.h"
#include "core/llm/openaiprovider.h"

namespace Corrige::Core {

LlmProvider::~LlmProvider() = default;

QString LlmProvider::displayName() const
{
    return providerDisplayName(kind());
}

std::unique_ptr<LlmProvider> makeProvider(ProviderKind kind)
{
    switch (kind) {
    case ProviderKind::Gemini:
        return std::make_unique<GeminiProvider>();
    case ProviderKind::OpenAi:
    case ProviderKind::Compatible:
        return std::make_unique<OpenAiProvider>(kind);
    }
    return nullptr;
}

} // namespace Corrige::Core
