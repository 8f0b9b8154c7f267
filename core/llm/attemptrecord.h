#pragma once

#include <QMetaType>
#include <QString>

#include "core/domain/result.h"
#include "core/llm/llmreply.h"

namespace Corrige::Core {

// One HTTP attempt of a model request, for the session's request log. Never holds a key or a prompt.
struct AttemptRecord {
    int attempt = 1; // 1-based
    int httpStatus = 0; // 0 when no response arrived (timeout, connection error, cancel)
    qint64 latencyMs = 0;
    ErrorCode errorCode = ErrorCode::None;
    QString errorMessage; // teacher-readable, empty on success
    TokenUsage usage; // what this attempt was billed, when the server said
    qint64 retryDelayMs = -1; // wait before the next attempt; -1 when there is none
};

} // namespace Corrige::Core

Q_DECLARE_METATYPE(Corrige::Core::AttemptRecord)
