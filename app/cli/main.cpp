#include "app/cli/clicommands.h"
#include "app/i18n.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Corrige"));
    QCoreApplication::setApplicationName(QStringLiteral("Corrige"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CORRIGE_VERSION));
    Corrige::installTranslators(app);
    return Corrige::Cli::runCommand(QCoreApplication::arguments());
}
