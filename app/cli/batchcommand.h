#pragma once

#include <QString>

namespace Corrige::Core {
struct CollectOptions;
struct GradingOptions;
} // namespace Corrige::Core

namespace Corrige::Cli {

// corrige-cli grade SESSION --batch: prepares and submits every copy still to grade as provider batches.
int runBatchSubmit(const QString &sessionPath, const Core::GradingOptions &options);

// corrige-cli batch SESSION [--wait] [--cancel]: polls the session's batches and imports what has finished.
int runBatchCollect(const QString &sessionPath, const Core::CollectOptions &options);

} // namespace Corrige::Cli
