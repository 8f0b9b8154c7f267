#pragma once

#include <memory>

#include <QByteArray>
#include <QJsonObject>
#include <QMap>

#include "core/domain/result.h"
#include "core/llm/llmerror.h"
#include "core/llm/llmreply.h"
#include "core/llm/llmrequest.h"
#include "core/llm/providerconfig.h"

class QNetworkRequest;

namespace Corrige::Core {

// Response headers; names in lower case.
using HttpHeaders = QMap<QByteArray, QByteArray>;

// One provider's wire protocol: how to build a request and how to read a response. Every member is pure
// (no I/O, no state) and may be called from any thread; LlmClient does the sending.
class LlmProvider
{
public:
    virtual ~LlmProvider();

    virtual ProviderKind kind() const = 0;

    // URL and headers (including the key) of a generation request.
    virtual QNetworkRequest buildHttpRequest(const ProviderConfig &config) const = 0;

    // The JSON body. Encodes the images in base64: call it on a worker thread for real page images.
    virtual QByteArray buildBody(const LlmRequest &request, const ProviderConfig &config) const = 0;

    // Turns an HTTP response into a reply or a typed error. `responseSchema` is the schema the request asked
    // for: when it is not empty the reply must be a JSON object matching it, otherwise it is BadResponse.
    // httpStatus 0 is not accepted here: transport failures are classified by LlmClient.
    virtual LlmOutcome parseResponse(int httpStatus, const QByteArray &body, const HttpHeaders &headers,
                                     const QJsonObject &responseSchema) const = 0;

    LlmOutcome parseResponse(int httpStatus, const QByteArray &body, const HttpHeaders &headers) const
    {
        return parseResponse(httpStatus, body, headers, QJsonObject());
    }

    // Teacher-facing name of the provider ("Gemini", "OpenAI", "the OpenAI-compatible server").
    QString displayName() const;

protected:
    LlmProvider() = default;
};

std::unique_ptr<LlmProvider> makeProvider(ProviderKind kind);

} // namespace Corrige::Core
