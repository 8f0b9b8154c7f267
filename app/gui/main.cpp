#include "app/i18n.h"
#include "core/secrets/secretstore.h"
#include "core/settings/appsettings.h"
#include "core/workflow/appinfo.h"
#include "core/workflow/singleinstance.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QThreadPool>

#include <algorithm>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Corrige"));
    QApplication::setApplicationName(QStringLiteral("Corrige"));
    QApplication::setApplicationDisplayName(QStringLiteral("Corrige"));
    QApplication::setDesktopFileName(QStringLiteral("org.corrige.Corrige"));
    Corrige::Core::AppSettings settings;
    Corrige::installTranslators(app, settings.uiLanguage());
    // --version prints the project's version and the Qt in use.
    QApplication::setApplicationVersion(QStringLiteral("%1 (%2)").arg(Corrige::Core::AppInfo::version(),
                                                                      Corrige::Core::AppInfo::qtVersion()));
    QIcon icon;
    for (int size : {16, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/corrige-%1.png").arg(size), QSize(size, size));
    QApplication::setWindowIcon(icon);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Grade scanned exam copies."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(QStringLiteral("demo"),
                                        QApplication::translate("main", "Open the bundled demo session."));
    parser.addOption(demoOption);
    const QCommandLineOption newInstanceOption(
        QStringLiteral("new-instance"),
        QApplication::translate("main", "Start a separate Corrige even if one is already running."));
    parser.addOption(newInstanceOption);
    parser.addPositionalArgument(QStringLiteral("SESSION"),
                                 QApplication::translate("main", "A session file to open."),
                                 QStringLiteral("[SESSION]"));
    parser.process(app);

    // A session double-clicked while Corrige runs opens in the running Corrige.
    Corrige::Core::SingleInstance instance;
    if (!parser.isSet(newInstanceOption)
        && instance.start(parser.positionalArguments(), parser.isSet(demoOption))
               == Corrige::Core::SingleInstance::Role::HandedOver)
        return 0;

    // Corrige's own bounded pool for CPU and disk work; the GUI thread never waits on it.
    QThreadPool workPool;
    workPool.setMaxThreadCount(std::max(2, QThread::idealThreadCount()));

    // API keys: the system keychain, the environment, or memory for this run; shared by every window.
    Corrige::Core::SecretStore secrets;
    if (qEnvironmentVariableIntValue("CORRIGE_NO_KEYCHAIN") == 1)
        secrets.setKeychainEnabled(false);

    Corrige::Ui::MainWindow window(&workPool, &settings);
    window.setSecretStore(&secrets);
    window.show();
    if (parser.isSet(demoOption))
        window.openDemo();
    else if (!parser.positionalArguments().isEmpty())
        window.openSession(parser.positionalArguments().constFirst());

    QObject::connect(&instance, &Corrige::Core::SingleInstance::openRequested, &window,
                     [&window](const QStringList &sessionPaths, bool demo) {
                         window.setWindowState((window.windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
                         window.raise();
                         window.activateWindow();
                         if (demo)
                             window.openDemo();
                         else if (!sessionPaths.isEmpty())
                             window.openSession(sessionPaths.constFirst());
                     });

    const int code = QApplication::exec();
    workPool.clear();
    workPool.waitForDone();
    return code;
}
