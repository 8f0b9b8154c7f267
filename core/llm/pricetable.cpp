#include "core/llm/pricetable.h"

#include <QLocale>

namespace Corrige::Core {

namespace {

struct DefaultPrice {
    const char *model;
    double input;
    double output;
};

// Editable defaults: USD per million tokens, standard (non-batch) tier, prompts up to 200k tokens.
// Check the providers' price pages (ai.google.dev/gemini-api/docs/pricing, openai.com/api/pricing) and
// correct them in the settings when they change.
constexpr DefaultPrice defaultPrices[] = {
    { "gemini-2.5-pro", 1.25, 10.00 },
    { "gemini-2.5-flash", 0.30, 2.50 },
    { "gemini-2.5-flash-lite", 0.10, 0.40 },
    { "gemini-2.0-flash", 0.10, 0.40 },
    { "gemini-2.0-flash-lite", 0.075, 0.30 },
    { "gpt-4o", 2.50, 10.00 },
    { "gpt-4o-mini", 0.15, 0.60 },
    { "gpt-4.1", 2.00, 8.00 },
    { "gpt-4.1-mini", 0.40, 1.60 },
    { "gpt-4.1-nano", 0.10, 0.40 },
    { "gpt-5", 1.25, 10.00 },
    { "gpt-5-mini", 0.25, 2.00 },
    { "gpt-5-nano", 0.05, 0.40 },
    { "o3", 2.00, 8.00 },
    { "o4-mini", 1.10, 4.40 },
};

} // namespace

PriceTable PriceTable::defaults()
{
    PriceTable table;
    for (const DefaultPrice &entry : defaultPrices)
        table.setPrice(QString::fromLatin1(entry.model), ModelPrice { entry.input, entry.output });
    return table;
}

QString PriceTable::normalised(const QString &model)
{
    QString name = model.trimmed().toLower();
    if (name.startsWith(QLatin1String("models/")))
        name = name.mid(7);
    return name;
}

void PriceTable::setPrice(const QString &model, ModelPrice price)
{
    const QString name = normalised(model);
    if (!name.isEmpty())
        m_prices.insert(name, price);
}

void PriceTable::removePrice(const QString &model)
{
    m_prices.remove(normalised(model));
}

std::optional<ModelPrice> PriceTable::price(const QString &model) const
{
    const QString name = normalised(model);
    if (name.isEmpty())
        return std::nullopt;
    const auto exact = m_prices.constFind(name);
    if (exact != m_prices.constEnd())
        return exact.value();
    const QString *best = nullptr;
    for (auto it = m_prices.constBegin(); it != m_prices.constEnd(); ++it) {
        const QString &known = it.key();
        if (name.size() > known.size() && name.startsWith(known) && name.at(known.size()) == QLatin1Char('-')
            && (!best || known.size() > best->size()))
            best = &it.key();
    }
    if (!best)
        return std::nullopt;
    return m_prices.value(*best);
}

double PriceTable::cost(const QString &model, const TokenUsage &usage) const
{
    const std::optional<ModelPrice> known = price(model);
    if (!known)
        return 0.0;
    return (double(usage.input) * known->inputPerMillion + double(usage.output) * known->outputPerMillion) / 1e6;
}

QJsonObject PriceTable::toJson() const
{
    QJsonObject json;
    for (auto it = m_prices.constBegin(); it != m_prices.constEnd(); ++it) {
        json.insert(it.key(),
                    QJsonObject { { QStringLiteral("input"), it.value().inputPerMillion },
                                  { QStringLiteral("output"), it.value().outputPerMillion } });
    }
    return json;
}

PriceTable PriceTable::fromJson(const QJsonObject &json)
{
    PriceTable table;
    for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
        const QJsonObject entry = it.value().toObject();
        const double input = entry.value(QLatin1String("input")).toDouble(-1);
        const double output = entry.value(QLatin1String("output")).toDouble(-1);
        if (input >= 0 && output >= 0)
            table.setPrice(it.key(), ModelPrice { input, output });
    }
    return table;
}

QString PriceTable::formatUsd(double amount)
{
    QLocale locale;
    if (locale.language() == QLocale::C)
        locale = QLocale(QLocale::English, QLocale::UnitedStates);
    const int decimals = amount > 0 && amount < 0.01 ? 4 : amount > 0 && amount < 0.1 ? 3 : 2;
    return locale.toCurrencyString(amount, QStringLiteral("$"), decimals);
}

} // namespace Corrige::Core
