#pragma once

#include <QString>

class QCommandLineParser;
class QTextStream;

namespace Corrige::Cli {

// The streams every command writes to (results on stdout, messages on stderr).
QTextStream &out();
QTextStream &err();

// Prints "corrige-cli: <message>" on stderr and returns `code`, for `return fail(ExitBadInput, …);`.
int fail(int code, const QString &message);

// Parses a command's arguments (command name first) the contract's way: a parse error is exit 2 with the
// parser's message, --help prints the help and is exit 0. Returns false, with *exitCode set, when the
// command must stop there.
bool parseArguments(QCommandLineParser &parser, const QStringList &arguments, int *exitCode);

} // namespace Corrige::Cli
