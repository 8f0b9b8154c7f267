#pragma once

#include <QDateTime>
#include <QString>

#include "core/llm/llmprovider.h"

namespace Corrige::Core {

// Reads a server's "wait this long before trying again" hint, wherever the provider puts it.
class RetryHint
{
public:
    // `retry-after-ms` (milliseconds), then `Retry-After` (seconds or an HTTP date, relative to `now`).
    // -1 when there is no usable hint.
    static qint64 fromHeaders(const HttpHeaders &headers, const QDateTime &now = QDateTime::currentDateTimeUtc());

    // A duration such as Google's "15s", "0.5s", "1.250s" or OpenAI's "644ms", "1m30s", "6m0s". -1 when unreadable.
    static qint64 parseDuration(const QString &text);

    // The "Please retry in 58.93s" / "Please try again in 644ms" sentence some error messages carry. -1 if none.
    static qint64 fromMessage(const QString &message);

    // `x-should-retry: true|false`, which overrides the status-based decision. Empty when absent.
    static std::optional<bool> shouldRetryHeader(const HttpHeaders &headers);

    // Case-insensitive header lookup.
    static QByteArray header(const HttpHeaders &headers, const QByteArray &name);
};

} // namespace Corrige::Core
