#include "app/i18n.h"
#include "core/secrets/secretstore.h"
#include "core/settings/appsettings.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QThreadPool>

#include <algorithm>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Corrige"));
    QApplication::setApplicationName(QStringLiteral("Corrige"));
    QApplication::setApplicationDisplayName(QStringLiteral("Corrige"));
    QApplication::setApplicationVersion(QStringLiteral(CORRIGE_VERSION));
    Corrige::Core::AppSettings settings;
    Corrige::installTranslators(app, settings.uiLanguage());

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Grade scanned exam copies."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(QStringLiteral("demo"),
                                        QApplication::translate("main", "Open the bundled demo session."));
    parser.addOption(demoOption);
    parser.addPositionalArgument(QStringLiteral("SESSION"),
                                 QApplication::translate("main", "A session file to open."),
                                 QStringLiteral("[SESSION]"));
    parser.process(app);

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

    const int code = QApplication::exec();
    workPool.clear();
    workPool.waitForDone();
    return code;
}
