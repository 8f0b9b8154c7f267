#pragma once

#include <optional>

#include <QJsonObject>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include "core/llm/llmreply.h"

namespace Corrige::Core {

// Price of one model in US dollars per million tokens (standard tier, text and image input alike).
struct ModelPrice {
    double inputPerMillion = 0.0;
    double outputPerMillion = 0.0;

    friend bool operator==(const ModelPrice &, const ModelPrice &) = default;
};

// Turns token counts into money. The defaults are the providers' public list prices when this table was
// written; they are editable defaults, not a live price list: prices change, and the settings let the teacher
// correct them (toJson/fromJson). A model is found by its exact id, else by the longest known id followed by
// "-" (dated snapshots such as "gpt-4o-2024-08-06" or "gemini-2.5-flash-preview-05-20"). Unknown models
// (local servers, new releases) have no price and cost 0.
class PriceTable
{
public:
    PriceTable() = default; // empty
    static PriceTable defaults();

    void setPrice(const QString &model, ModelPrice price);
    void removePrice(const QString &model);
    std::optional<ModelPrice> price(const QString &model) const;
    bool hasPrice(const QString &model) const { return price(model).has_value(); }
    QStringList models() const { return m_prices.keys(); }

    // US dollars for `usage` on `model`; 0 when the model has no price.
    double cost(const QString &model, const TokenUsage &usage) const;

    // {"gpt-4o": {"input": 2.5, "output": 10}, …}
    QJsonObject toJson() const;
    static PriceTable fromJson(const QJsonObject &json);

    // An amount in US dollars for people: "$0.05" (never "0.05$", as the C locale would print it), with
    // enough decimals that a run costing a fraction of a cent does not read "$0.00".
    static QString formatUsd(double amount);

private:
    static QString normalised(const QString &model);

    QMap<QString, ModelPrice> m_prices;
};

} // namespace Corrige::Core

Q_DECLARE_METATYPE(Corrige::Core::ModelPrice)
