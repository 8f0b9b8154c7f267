#pragma once

#include <QStringList>

namespace Corrige::Cli {

// corrige-cli grade SESSION [--mode single|dual] [--concurrency N] [--max-attempts N] [--regrade] + provider options
int commandGrade(const QStringList &arguments);

// corrige-cli batch SESSION [--wait] [--cancel] + provider options
int commandBatch(const QStringList &arguments);

// corrige-cli rubric SESSION --generate [--blank PDF] + provider options
int commandRubricGenerate(const QStringList &arguments);

} // namespace Corrige::Cli
