#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QMetaType>

#include "core/llm/providerconfig.h"

namespace Corrige::Core {

// A request body already built for one provider (see LlmClient::prepare), ready to send as many times as
// retries need.
struct PreparedRequest {
    ProviderKind kind = ProviderKind::Gemini;
    QByteArray body;
    QJsonObject responseSchema; // the reply is checked against it; empty = plain text
};

} // namespace Corrige::Core

Q_DECLARE_METATYPE(Corrige::Core::PreparedRequest)
