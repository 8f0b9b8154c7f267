#include "core/llm/tokenestimator.h"

#include <algorithm>
#include <cmath>

namespace Corrige::Core {

namespace {

constexpr qint64 geminiTileTokens = 258;
constexpr int geminiSmallSide = 384;
constexpr int geminiTile = 768;
constexpr qint64 gemini3ImageTokens = 1120;

struct TileModel {
    const char *prefix;
    qint64 base;
    qint64 perTile;
};

struct PatchModel {
    const char *prefix;
    double multiplier;
};

// Editable defaults from OpenAI's vision guide (gpt-4o-mini's constants and gpt-5-mini's multiplier are
// community measurements). Patch models are matched before tile models, longest prefix first.
constexpr PatchModel patchModels[] = {
    { "gpt-4.1-mini", 1.62 }, { "gpt-4.1-nano", 2.46 }, { "gpt-5-mini", 1.20 },
    { "gpt-5-nano", 1.50 },   { "o4-mini", 1.72 },
};
constexpr TileModel tileModels[] = {
    { "gpt-4o-mini", 2833, 5667 }, { "gpt-4o", 85, 170 }, { "gpt-4.1", 85, 170 }, { "gpt-4.5", 85, 170 },
    { "gpt-5", 70, 140 },          { "o1", 75, 150 },     { "o3", 75, 150 },
};
constexpr TileModel fallbackTile { "", 85, 170 };

qint64 ceilDiv(qint64 value, qint64 divisor)
{
    return (value + divisor - 1) / divisor;
}

QString bareModel(const QString &model)
{
    QString name = model.trimmed().toLower();
    if (name.startsWith(QLatin1String("models/")))
        name = name.mid(7);
    return name;
}

qint64 tileTokens(const TileModel &tiles, double width, double height)
{
    if (std::max(width, height) > 2048.0) {
        const double scale = 2048.0 / std::max(width, height);
        width *= scale;
        height *= scale;
    }
    if (std::min(width, height) > 768.0) {
        const double scale = 768.0 / std::min(width, height);
        width *= scale;
        height *= scale;
    }
    const qint64 count = qint64(std::ceil(width / 512.0 - 1e-9)) * qint64(std::ceil(height / 512.0 - 1e-9));
    return tiles.base + tiles.perTile * count;
}

qint64 patchTokens(double multiplier, double width, double height)
{
    constexpr double patch = 32.0;
    constexpr double maxPatches = 1536.0;
    double patches = std::ceil(width / patch) * std::ceil(height / patch);
    if (patches > maxPatches) {
        double scale = std::sqrt(patch * patch * maxPatches / (width * height));
        const double columns = width * scale / patch;
        const double rows = height * scale / patch;
        scale *= std::min(std::floor(columns) / columns, std::floor(rows) / rows);
        patches
            = std::min(maxPatches, std::ceil(width * scale / patch - 1e-9) * std::ceil(height * scale / patch - 1e-9));
    }
    return qint64(std::ceil(patches * multiplier - 1e-9));
}

} // namespace

qint64 TokenEstimator::imageTokens(ProviderKind kind, const QString &model, QSize imageSize)
{
    if (imageSize.isEmpty())
        return 0;
    const QString name = bareModel(model);
    const qint64 width = imageSize.width();
    const qint64 height = imageSize.height();

    if (kind == ProviderKind::Gemini) {
        if (name.startsWith(QLatin1String("gemini-3")))
            return gemini3ImageTokens;
        if (width <= geminiSmallSide && height <= geminiSmallSide)
            return geminiTileTokens;
        return ceilDiv(width, geminiTile) * ceilDiv(height, geminiTile) * geminiTileTokens;
    }

    if (kind == ProviderKind::OpenAi) {
        for (const PatchModel &patchModel : patchModels) {
            if (name.startsWith(QLatin1String(patchModel.prefix)))
                return patchTokens(patchModel.multiplier, double(width), double(height));
        }
        for (const TileModel &tileModel : tileModels) {
            if (name.startsWith(QLatin1String(tileModel.prefix)))
                return tileTokens(tileModel, double(width), double(height));
        }
    }
    return tileTokens(fallbackTile, double(width), double(height));
}

qint64 TokenEstimator::textTokens(qint64 characters)
{
    return characters <= 0 ? 0 : ceilDiv(characters, 4);
}

TokenUsage TokenEstimator::estimateRun(ProviderKind kind, const QString &model, int requests, int imagesPerRequest,
                                       QSize imageSize, qint64 promptCharacters, qint64 outputTokensPerRequest)
{
    TokenUsage usage;
    if (requests <= 0)
        return usage;
    const qint64 perRequest
        = textTokens(promptCharacters) + qint64(std::max(0, imagesPerRequest)) * imageTokens(kind, model, imageSize);
    usage.input = perRequest * requests;
    usage.output = std::max<qint64>(0, outputTokensPerRequest) * requests;
    usage.total = usage.input + usage.output;
    return usage;
}

} // namespace Corrige::Core
