#include "app/cli/clicommands.h"
#include "app/cli/exportcommand.h"
#include "app/i18n.h"
#include "core/workflow/appinfo.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <memory>

int main(int argc, char *argv[])
{
    // Annotated PDFs draw text, and Qt's fonts need a QGuiApplication; corrige-cli never shows a window.
    std::unique_ptr<QCoreApplication> app;
    if (Corrige::Cli::needsGuiApplication(argc, argv)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setOrganizationName(QStringLiteral("Corrige"));
    QCoreApplication::setApplicationName(QStringLiteral("Corrige"));
    QCoreApplication::setApplicationVersion(Corrige::Core::AppInfo::version());
    Corrige::installTranslators(*app);
    return Corrige::Cli::runCommand(QCoreApplication::arguments());
}
