#pragma once

#include "core/session/sessiontypes.h"

#include <QString>

#include <optional>

namespace Corrige::Core {
struct CollectOptions;
struct GradingOptions;
class SessionStore;
} // namespace Corrige::Core

namespace Corrige::Cli {

// Opens the session on the store's thread and waits for its snapshot; on failure prints the error and sets
// *exitCode (1 for a database failure, 2 for a bad session file). Shared by grade and batch.
std::optional<Core::SessionSnapshot> openSnapshot(Core::SessionStore &store, const QString &sessionPath, int *exitCode);

// corrige-cli grade SESSION --batch: prepares and submits every copy still to grade as provider batches.
int runBatchSubmit(const QString &sessionPath, const Core::GradingOptions &options);

// corrige-cli batch SESSION [--wait] [--cancel]: polls the session's batches and imports what has finished.
int runBatchCollect(const QString &sessionPath, const Core::CollectOptions &options);

} // namespace Corrige::Cli
