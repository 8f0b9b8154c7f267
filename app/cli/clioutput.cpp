#include "app/cli/clioutput.h"

#include "app/cli/clicommands.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

namespace Corrige::Cli {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

int fail(int code, const QString &message)
{
    out().flush();
    err() << QCoreApplication::translate("Corrige::Cli", "corrige-cli: %1").arg(message) << Qt::endl;
    return code;
}

bool parseArguments(QCommandLineParser &parser, const QStringList &arguments, int *exitCode)
{
    parser.addHelpOption();
    if (!parser.parse(arguments)) {
        *exitCode = fail(ExitBadInput, parser.errorText());
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        out().flush();
        *exitCode = ExitOk;
        return false;
    }
    return true;
}

} // namespace Corrige::Cli
