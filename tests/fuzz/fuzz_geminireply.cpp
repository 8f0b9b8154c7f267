// Gemini reply parser (the envelope, then the model's structured answer checked against a grading schema): any
// body, with any status, gives a reply or a typed error.
#include "core/llm/geminiprovider.h"
#include "tests/fuzz/fuzzsupport.h"

#include <QJsonDocument>

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    Corrige::Fuzz::startApplication(false);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static const int statuses[] = {200, 200, 200, 200, 400, 401, 403, 404, 408, 429, 500, 503};
    static const QJsonObject schema = QJsonDocument::fromJson(R"({"type": "object", "required": ["questions"],
        "properties": {"questions": {"type": "array", "items": {"type": "object",
            "required": ["id", "score", "justification"],
            "properties": {"id": {"type": "string", "enum": ["q1", "q2"]}, "score": {"type": "number"},
                           "justification": {"type": "string"}, "flags": {"type": "array", "items": {"type": "string"}}}}}}})")
                                          .object();
    const int status = statuses[data[0] % (sizeof statuses / sizeof *statuses)];
    const QByteArray body(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    Corrige::Core::HttpHeaders headers;
    if (data[0] & 0x80)
        headers.insert("retry-after", body.left(8));
    const Corrige::Core::GeminiProvider provider;
    const auto outcome = provider.parseResponse(status, body, headers, (data[0] & 0x40) ? QJsonObject() : schema);
    if (!outcome && outcome.error().message().isEmpty())
        std::abort();
    return 0;
}
