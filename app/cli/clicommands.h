#pragma once

#include <QStringList>

namespace Corrige::Cli {

// The exit codes of the corrige-cli contract (ARCHITECTURE §6).
enum ExitCode : int {
    ExitOk = 0,
    ExitFailure = 1,
    ExitBadInput = 2,
    ExitSomeFailed = 3,
    ExitInterrupted = 130,
};

// Runs one corrige-cli command. `arguments` is the full argv, program name first.
int runCommand(const QStringList &arguments);

} // namespace Corrige::Cli
