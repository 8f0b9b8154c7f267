#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace Corrige::Core {

// Tokens billed for one reply. Gemini's thinking tokens count as output, as they are billed.
struct TokenUsage {
    qint64 input = 0;
    qint64 output = 0;
    qint64 total = 0;

    TokenUsage &operator+=(const TokenUsage &other)
    {
        input += other.input;
        output += other.output;
        total += other.total;
        return *this;
    }
    friend bool operator==(const TokenUsage &, const TokenUsage &) = default;
};

// What a model answered.
struct LlmReply {
    QJsonObject json; // the structured output, parsed (empty for plain-text replies that are not JSON objects)
    QString text; // the reply's text as received (thought summaries excluded)
    QString finishReason; // as the provider spells it: "STOP", "stop"…
    TokenUsage usage;
    QString modelVersion; // the model that actually answered, when the provider says
};

} // namespace Corrige::Core

Q_DECLARE_METATYPE(Corrige::Core::TokenUsage)
Q_DECLARE_METATYPE(Corrige::Core::LlmReply)
