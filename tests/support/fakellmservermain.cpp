// fake-llm-server: the tests' fake Gemini/OpenAI server as a standalone process, for manual runs and benchmarks.
//
//   fake-llm-server --port 8080 --latency-ms 800 --rpm 60 --fail-rate 0.05
//
// Point corrige-cli at it with --base-url (Gemini: the first URL printed, OpenAI/compatible: the second).
// Set CORRIGE_FAKE_REQUIRED_KEY to make it refuse other keys, as the real APIs do.

#include "tests/support/fakebatchapis.h"
#include "tests/support/fakellmserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QMetaEnum>
#include <QTextStream>

#include <cstdio>

using Corrige::Test::FakeLlmServer;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("fake-llm-server"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("A fake Gemini and OpenAI API server on 127.0.0.1 that answers every request with JSON "
                       "matching the requested response schema."));
    parser.addHelpOption();
    const QCommandLineOption portOption(QStringLiteral("port"), QStringLiteral("Port to listen on (0 = any free port)."),
                                        QStringLiteral("port"), QStringLiteral("0"));
    const QCommandLineOption latencyOption(QStringLiteral("latency-ms"), QStringLiteral("Delay before each answer."),
                                           QStringLiteral("ms"), QStringLiteral("0"));
    const QCommandLineOption rpmOption(QStringLiteral("rpm"),
                                       QStringLiteral("Requests per minute before answering 429 (0 = no limit)."),
                                       QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption failOption(QStringLiteral("fail-rate"),
                                        QStringLiteral("Share of requests answered 503 Unavailable, 0 to 1."),
                                        QStringLiteral("share"), QStringLiteral("0"));
    const QCommandLineOption specsOption(QStringLiteral("specs-dir"),
                                         QStringLiteral("Folder of the official request schemas to validate against."),
                                         QStringLiteral("dir"), QStringLiteral(CORRIGE_DEFAULT_SPECS_DIR));
    const QCommandLineOption verboseOption(QStringLiteral("verbose"), QStringLiteral("Print one line per request."));
    const QCommandLineOption batchOption(QStringLiteral("batch-running-ms"),
                                         QStringLiteral("How long a batch runs before it completes."),
                                         QStringLiteral("ms"), QStringLiteral("300"));
    parser.addOptions({portOption, latencyOption, rpmOption, failOption, specsOption, verboseOption, batchOption});
    parser.process(app);

    QTextStream err(stderr);
    bool ok = true;
    auto number = [&](const QCommandLineOption &option, double min, double max) {
        bool converted = false;
        const double value = parser.value(option).toDouble(&converted);
        if (!converted || value < min || value > max) {
            err << QStringLiteral("fake-llm-server: --%1 must be a number between %2 and %3.\n")
                       .arg(option.names().first())
                       .arg(min)
                       .arg(max);
            ok = false;
        }
        return value;
    };
    const auto port = static_cast<quint16>(number(portOption, 0, 65535));
    const int latency = static_cast<int>(number(latencyOption, 0, 3600000));
    const int rpm = static_cast<int>(number(rpmOption, 0, 1000000));
    const double failRate = number(failOption, 0, 1);
    const int batchRunning = static_cast<int>(number(batchOption, 0, 48 * 3600 * 1000));
    if (!ok)
        return 2;

    FakeLlmServer server;
    server.setKeepBodies(false);
    server.batches().setTimeline({100, batchRunning, 100});
    server.setDefaultLatency(latency);
    server.setRequestsPerMinute(rpm);
    server.setFailureRate(failRate, FakeLlmServer::Fault::Unavailable503);
    server.setRequiredKey(qEnvironmentVariable("CORRIGE_FAKE_REQUIRED_KEY"));
    if (!server.setSpecsDir(parser.value(specsOption)))
        err << QStringLiteral("fake-llm-server: requests will not be validated: %1\n").arg(server.specsError());
    if (!server.listen(port)) {
        err << QStringLiteral("fake-llm-server: cannot listen on 127.0.0.1:%1.\n").arg(port);
        return 1;
    }
    if (parser.isSet(verboseOption)) {
        QObject::connect(&server, &FakeLlmServer::requestFinished, &server, [&server, &err](int index) {
            const QList<FakeLlmServer::Record> records = server.records();
            if (index < 0 || index >= records.size())
                return;
            const FakeLlmServer::Record &record = records.at(index);
            const char *fault = QMetaEnum::fromType<FakeLlmServer::Fault>().valueToKey(int(record.fault));
            err << QStringLiteral("%1 %2 -> %3 %4 %5 ms%6\n")
                       .arg(record.model.isEmpty() ? QStringLiteral("-") : record.model, record.path)
                       .arg(record.status)
                       .arg(QLatin1String(fault))
                       .arg(record.finishedAtMs - record.receivedAtMs)
                       .arg(record.schemaValid ? QString() : QStringLiteral(" invalid request: ") + record.schemaError);
            err.flush();
        });
    }

    QTextStream out(stdout);
    out << "Gemini base URL: " << server.geminiBaseUrl().toString() << '\n'
        << "OpenAI base URL: " << server.openAiBaseUrl().toString() << '\n';
    out.flush();
    return app.exec();
}
