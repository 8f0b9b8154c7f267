#pragma once

// Runs the real corrige-cli binary (CORRIGE_CLI_PATH) and waits for it, for tests that need no event loop
// while it runs.

#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>

struct CliRun {
    int exitCode = -1; // -1 when it crashed or had to be killed
    QString out;
    QString err;
};

inline CliRun runCorrigeCli(const QStringList &arguments, int timeoutMs = 120000)
{
    QProcess process;
    process.setProgram(QStringLiteral(CORRIGE_CLI_PATH));
    process.setArguments(arguments);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    // PDF exports start Qt GUI (offscreen), which wants a private runtime folder as a desktop session has.
    static QTemporaryDir runtimeDir;
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtimeDir.path());
    process.setProcessEnvironment(environment);
    process.start();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}
