// Retry hints: Retry-After headers (seconds or an HTTP date), Gemini's retryDelay durations, hints in messages.
#include "core/llm/retryhint.h"
#include "tests/fuzz/fuzzsupport.h"

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    Corrige::Fuzz::startApplication(false);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using Corrige::Core::RetryHint;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    Corrige::Core::HttpHeaders headers;
    const qsizetype split = bytes.indexOf('\n');
    headers.insert("retry-after", bytes.left(split));
    headers.insert("retry-after-ms", bytes.left(split));
    headers.insert("x-should-retry", bytes.left(split));
    const QString text = QString::fromUtf8(split < 0 ? bytes : bytes.mid(split + 1));
    const qint64 fromHeaders = RetryHint::fromHeaders(headers);
    const qint64 duration = RetryHint::parseDuration(text);
    const qint64 fromMessage = RetryHint::fromMessage(text);
    RetryHint::shouldRetryHeader(headers);
    // A hint is a wait in milliseconds, or -1 for none: never another negative number.
    if (fromHeaders < -1 || duration < -1 || fromMessage < -1)
        std::abort();
    return 0;
}
