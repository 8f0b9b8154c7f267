#include "app/i18n.h"
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
    Corrige::installTranslators(app);

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

    Corrige::Ui::MainWindow window(&workPool);
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
