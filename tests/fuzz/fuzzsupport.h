#pragma once

// Shared by the libFuzzer targets: one Qt application object for the whole run, and the promise every bad input
// must keep (one line, naming the file).
#include <QGuiApplication>
#include <QString>

#include <cstdio>
#include <cstdlib>

namespace Corrige::Fuzz {

inline void startApplication(bool gui)
{
    static int argc = 1;
    static char name[] = "corrige-fuzz";
    static char *argv[] = {name, nullptr};
    // Never destroyed: libFuzzer leaves through exit(), after Qt's own globals may be gone.
    static QCoreApplication *app = nullptr;
    if (app)
        return;
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("QT_LOGGING_RULES", "*=false");
    if (gui)
        app = new QGuiApplication(argc, argv);
    else
        app = new QCoreApplication(argc, argv);
}

// A refused input gets one readable line that names the file: anything else is a finding.
inline void checkMessage(const QString &message, const QString &fileName)
{
    if (message.isEmpty() || message.contains(QLatin1Char('\n')) || message.contains(QChar(0))
        || !message.contains(fileName)) {
        std::fprintf(stderr, "bad error message: \"%s\"\n", qPrintable(message));
        std::abort();
    }
}

} // namespace Corrige::Fuzz
