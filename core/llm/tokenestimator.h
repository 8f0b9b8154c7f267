#pragma once

#include <QSize>
#include <QString>

#include "core/llm/llmreply.h"
#include "core/llm/providerconfig.h"

namespace Corrige::Core {

// Estimates, before a run, how many tokens the page images and prompts will cost, from each provider's
// published image rules. An estimate: the bill is what the server reports in its usage.
//
// Gemini 2.x: an image with both sides ≤ 384 px is 258 tokens; a larger one is cut into 768×768 tiles of 258
// tokens each. Gemini 3: 1120 tokens per image at the default (high) media resolution.
// OpenAI tile models (gpt-4o, gpt-4.1, gpt-5, o1, o3…) at detail "high": fit in 2048×2048, shrink the
// short side to 768, then base + perTile × 512-px tiles. Patch models (gpt-4.1-mini/nano, o4-mini, gpt-5-mini,
// gpt-5-nano): 32-px patches, at most 1536 (the image is shrunk to fit), times the model's multiplier.
// Unknown models and compatible servers are counted like gpt-4o.
class TokenEstimator
{
public:
    static qint64 imageTokens(ProviderKind kind, const QString &model, QSize imageSize);
    // About four characters per token.
    static qint64 textTokens(qint64 characters);

    // A whole run: `requests` requests, each with `imagesPerRequest` images of `imageSize`, `promptCharacters`
    // of instructions, rubric and schema, and about `outputTokensPerRequest` tokens of answer.
    static TokenUsage estimateRun(ProviderKind kind, const QString &model, int requests, int imagesPerRequest,
                                  QSize imageSize, qint64 promptCharacters, qint64 outputTokensPerRequest);
};

} // namespace Corrige::Core
