// Grade-all benchmark (ARCHITECTURE §8): grades N copies of the real demo scans against the fake LLM server and
// prints ratios measured in the same run.
//
//  1. Fixed latency: wall time ÷ the ideal ceil(N / concurrency) × latency (target ≤ 1.10).
//  2. Server rate limit of R requests per window: sustained throughput ÷ R (target ≥ 0.9) and the share of
//     requests the server refused (target < 5 %).
//  3. After a burst of refusals (six 429s with a 1 s hint): the throughput in the minute after the burst ÷ the
//     limit, concurrency ÷ latency (target ≥ 0.9).
//  4. Closing mid-run, with many copies queued for preparation: the time the orchestrator and the store take to
//     go (target < 1 s), ÷ the time the same copies take to prepare.
//
// The fake server runs on its own thread so that its work (parsing and validating multi-megabyte bodies) is
// not counted against the orchestrator's thread. Usage: bench_gradeall [copies] [concurrency] [latency-ms]
#include "core/grading/gradingorchestrator.h"
#include "core/pdf/pdfinspector.h"
#include "core/session/sessiondatabase.h"
#include "core/session/sessionstore.h"
#include "tests/support/fakellmserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTimer>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QThreadPool>

#include <cmath>
#include <memory>

using namespace Corrige;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

Core::Exam benchExam()
{
    Core::Exam exam;
    exam.title = QStringLiteral("Benchmark");
    for (int i = 1; i <= 5; ++i) {
        Core::Question question;
        question.id = QStringLiteral("q%1").arg(i);
        question.text = QStringLiteral("Question %1").arg(i);
        question.maxPoints = i == 5 ? 4 : 1;
        exam.questions.append(question);
    }
    return exam;
}

// A session of `copies` copies, each 4 pages of the real 20-page scan (stored once).
bool createSession(const QString &path, int copies)
{
    auto document = Core::PdfInspector::load(
        QStringLiteral(CORRIGE_TEST_DATA_DIR "/scans/zesje_demo_submissions_5students_20pages.pdf"));
    if (!document)
        return false;
    auto session = Core::SessionDatabase::create(path, benchExam());
    if (!session)
        return false;
    Core::ImportPlan plan;
    plan.documents = {document.value()};
    for (int i = 0; i < copies; ++i) {
        const int first = (i % 5) * 4;
        plan.copies.append({QStringLiteral("Copy %1").arg(i + 1), {}, {}, {}, 0, {first, first + 1, first + 2, first + 3}});
    }
    return bool(session.value()->applyImport(plan));
}

struct ServerThread {
    QThread thread;
    QObject anchor; // lives in `thread`
    Test::FakeLlmServer *server = nullptr;

    ServerThread()
    {
        anchor.moveToThread(&thread);
        thread.start();
        QMetaObject::invokeMethod(
            &anchor,
            [this] {
                // Created in the server's thread: it lives there.
                server = new Test::FakeLlmServer(QStringLiteral(CORRIGE_TEST_DATA_DIR "/api/specs"));
                server->setKeepBodies(false);
                server->listen();
            },
            Qt::BlockingQueuedConnection);
    }
    ~ServerThread()
    {
        QMetaObject::invokeMethod(server, [this] { delete server; }, Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
    }
    template<typename F>
    void run(F f)
    {
        QMetaObject::invokeMethod(server, f, Qt::BlockingQueuedConnection);
    }
};

struct RunResult {
    qint64 wallMs = 0;
    qint64 longestStallMs = 0; // the longest the orchestrator's (GUI) thread went without running its timers
    Core::RunProgress summary;
};

// Peak resident memory of this process so far, in KiB (Linux; 0 elsewhere).
qint64 peakRssKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').constFirst().toLongLong();
    }
    return 0;
}

RunResult grade(const QString &sessionPath, const QUrl &baseUrl, int concurrency, bool anonymize)
{
    QThreadPool pool;
    pool.setMaxThreadCount(2);
    Core::SessionStore store;
    QEventLoop loop;
    Core::SessionSnapshot snapshot;
    QObject::connect(&store, &Core::SessionStore::opened, &loop, [&](quint64, const Core::SessionSnapshot &opened) {
        snapshot = opened;
        loop.quit();
    });
    store.open(sessionPath);
    loop.exec();

    Core::GradingOrchestrator orchestrator(&store, &pool);
    Core::GradingOptions options;
    options.modelA.kind = Core::ProviderKind::Gemini;
    options.modelA.model = QStringLiteral("gemini-2.5-flash");
    options.modelA.baseUrl = baseUrl;
    options.modelA.apiKey = QStringLiteral("bench-key");
    options.concurrency = concurrency;
    options.maxAttempts = 5;
    options.anonymize = anonymize;
    RunResult result;
    QObject::connect(&orchestrator, &Core::GradingOrchestrator::runFinished, &loop,
                     [&](const Core::RunProgress &summary) {
                         result.summary = summary;
                         loop.quit();
                     });
    // A 5 ms heartbeat on the orchestrator's thread: the largest gap between beats is the longest stall a
    // window would suffer.
    QTimer heartbeat;
    heartbeat.setTimerType(Qt::PreciseTimer);
    QElapsedTimer sinceBeat;
    QObject::connect(&heartbeat, &QTimer::timeout, &loop, [&] {
        result.longestStallMs = std::max(result.longestStallMs, sinceBeat.restart());
    });
    QElapsedTimer timer;
    timer.start();
    if (!orchestrator.start(snapshot, options))
        return result;
    sinceBeat.start();
    heartbeat.start(5);
    loop.exec();
    heartbeat.stop();
    result.wallMs = timer.elapsed();
    store.flush();
    return result;
}

struct CloseResult {
    qint64 closeMs = 0;
    qint64 prepareMs = 0; // what the queued copies would have cost to prepare
    int queued = 0;
};

// Starts a run that prepares `queued` copies ahead, and closes everything (the window closing) once the first
// copy is sent; then prepares the same copies to the end, for the reference.
CloseResult closeMidRun(const QString &sessionPath, const QUrl &baseUrl, int queued)
{
    CloseResult result;
    result.queued = queued;
    for (int pass = 0; pass < 2; ++pass) {
        auto pool = std::make_unique<QThreadPool>();
        pool->setMaxThreadCount(2);
        auto store = std::make_unique<Core::SessionStore>();
        QEventLoop loop;
        Core::SessionSnapshot snapshot;
        QObject::connect(store.get(), &Core::SessionStore::opened, &loop,
                         [&](quint64, const Core::SessionSnapshot &opened) {
                             snapshot = opened;
                             loop.quit();
                         });
        store->open(sessionPath);
        loop.exec();
        auto orchestrator = std::make_unique<Core::GradingOrchestrator>(store.get(), pool.get());
        Core::GradingOptions options;
        options.modelA.kind = Core::ProviderKind::Gemini;
        options.modelA.model = QStringLiteral("gemini-2.5-flash");
        options.modelA.baseUrl = baseUrl;
        options.modelA.apiKey = QStringLiteral("bench-key");
        options.concurrency = pass == 0 ? 1 : queued;
        options.prefetchCopies = queued;
        options.anonymize = true;
        int finished = 0;
        QObject::connect(orchestrator.get(), &Core::GradingOrchestrator::copyFinished, &loop, [&] {
            if (++finished == (pass == 0 ? 1 : queued))
                loop.quit();
        });
        QObject::connect(orchestrator.get(), &Core::GradingOrchestrator::runFinished, &loop, [&] { loop.quit(); });
        QElapsedTimer timer;
        timer.start();
        if (!orchestrator->start(snapshot, options))
            return result;
        loop.exec();
        if (pass == 0) {
            timer.restart();
            orchestrator.reset();
            store.reset();
            pool.reset();
            result.closeMs = timer.elapsed();
        } else {
            result.prepareMs = timer.elapsed();
        }
    }
    return result;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int copies = args.size() > 1 ? args.at(1).toInt() : 200;
    const int concurrency = args.size() > 2 ? args.at(2).toInt() : 4;
    const int latencyMs = args.size() > 3 ? args.at(3).toInt() : 250;
    QTemporaryDir dir;

    ServerThread server;
    const QUrl baseUrl = server.server->geminiBaseUrl();

    // 0. Memory: a small class, then a ten times larger one; peak RSS must stay flat (prefetch is bounded).
    server.run([&] { server.server->setDefaultLatency(20); });
    const QString small = dir.filePath(QStringLiteral("small.corrige"));
    const QString large = dir.filePath(QStringLiteral("large.corrige"));
    const int smallCopies = std::max(5, copies / 4);
    createSession(small, smallCopies);
    createSession(large, smallCopies * 10);
    grade(small, baseUrl, concurrency, true);
    const qint64 smallPeak = peakRssKiB();
    grade(large, baseUrl, concurrency, true);
    const qint64 largePeak = peakRssKiB();
    out() << QStringLiteral("memory: peak RSS %1 MiB after %2 copies, %3 MiB after %4 more; ratio %5 (target <= 1.5)\n")
                 .arg(smallPeak / 1024).arg(smallCopies).arg(largePeak / 1024).arg(smallCopies * 10)
                 .arg(smallPeak ? double(largePeak) / smallPeak : 0.0, 0, 'f', 2);

    // 1. Fixed latency.
    const QString first = dir.filePath(QStringLiteral("latency.corrige"));
    if (!createSession(first, copies)) {
        out() << "could not build the benchmark session" << Qt::endl;
        return 1;
    }
    server.run([&] { server.server->setDefaultLatency(latencyMs); });
    const RunResult fixed = grade(first, baseUrl, concurrency, false);
    const double ideal = std::ceil(double(copies) / concurrency) * latencyMs;
    out() << QStringLiteral("fixed latency: %1 copies, concurrency %2, latency %3 ms, pass-through pages\n")
                 .arg(copies).arg(concurrency).arg(latencyMs);
    out() << QStringLiteral("  wall %1 ms, ideal %2 ms, ratio %3 (target <= 1.10), graded %4, failed %5\n")
                 .arg(fixed.wallMs).arg(ideal, 0, 'f', 0).arg(fixed.wallMs / ideal, 0, 'f', 3)
                 .arg(fixed.summary.graded).arg(fixed.summary.failed);
    out() << QStringLiteral("  longest stall of the orchestrator's thread: %1 ms (target < 50 ms)\n").arg(fixed.longestStallMs);

    // The same with the anonymisation mask (page 1 decoded, masked and re-encoded on the pool).
    const QString masked = dir.filePath(QStringLiteral("masked.corrige"));
    createSession(masked, copies);
    const RunResult withMask = grade(masked, baseUrl, concurrency, true);
    out() << QStringLiteral("  with the name mask: wall %1 ms, ratio %2\n")
                 .arg(withMask.wallMs).arg(withMask.wallMs / ideal, 0, 'f', 3);

    // 2. Rate limit: R requests per second-long window, low latency, more concurrency than the limit allows.
    const int limit = 10;
    const int windowMs = 1000;
    const int rateCopies = std::min(copies, 100);
    const QString limited = dir.filePath(QStringLiteral("limited.corrige"));
    createSession(limited, rateCopies);
    server.run([&] {
        server.server->reset();
        server.server->setDefaultLatency(50);
        server.server->setRateLimit(limit, windowMs);
    });
    const RunResult rate = grade(limited, baseUrl, 6, false);
    int refused = 0;
    int total = 0;
    server.run([&] {
        for (const auto &record : server.server->records()) {
            ++total;
            refused += record.status == 429;
        }
    });
    const double perWindow = double(rateCopies) / (double(rate.wallMs) / windowMs);
    out() << QStringLiteral("rate limit: %1 requests per %2 ms, %3 copies, concurrency 6\n").arg(limit).arg(windowMs).arg(rateCopies);
    out() << QStringLiteral("  sustained %1 per window, ratio %2 (target >= 0.9); refused %3 of %4 requests = %5 % (target < 5 %)\n")
                 .arg(perWindow, 0, 'f', 2).arg(perWindow / limit, 0, 'f', 3).arg(refused).arg(total)
                 .arg(total ? 100.0 * refused / total : 0.0, 0, 'f', 1);

    // 3. A burst of refusals, then a healthy server.
    const int burstCopies = std::min(copies, 100);
    const QString burst = dir.filePath(QStringLiteral("burst.corrige"));
    createSession(burst, burstCopies);
    const int burstLatencyMs = latencyMs;
    server.run([&] {
        server.server->reset();
        server.server->setRateLimit(0, windowMs);
        server.server->setDefaultLatency(burstLatencyMs);
        for (int i = 0; i < 6; ++i)
            server.server->enqueue(Test::FakeLlmServer::Step{Test::FakeLlmServer::Fault::RateLimit429, -1, 1000});
    });
    grade(burst, baseUrl, concurrency, false);
    qint64 burstEnd = 0;
    QList<Test::FakeLlmServer::Record> burstRecords;
    server.run([&] { burstRecords = server.server->records(); });
    for (const auto &record : std::as_const(burstRecords)) {
        if (record.status == 429)
            burstEnd = std::max(burstEnd, record.finishedAtMs + 1000);
    }
    int acceptedAfter = 0;
    qint64 lastAnswer = burstEnd;
    for (const auto &record : std::as_const(burstRecords)) {
        if (record.status == 200 && record.receivedAtMs >= burstEnd && record.receivedAtMs < burstEnd + 60000) {
            ++acceptedAfter;
            lastAnswer = std::max(lastAnswer, record.finishedAtMs);
        }
    }
    const double perSecond = acceptedAfter / std::max(0.001, double(lastAnswer - burstEnd) / 1000.0);
    const double burstLimit = concurrency * 1000.0 / burstLatencyMs;
    out() << QStringLiteral("after a burst of six 429s (1 s hint): %1 copies, concurrency %2, %3 ms latency\n")
                 .arg(burstCopies).arg(concurrency).arg(burstLatencyMs);
    const double healthyPerSecond = double(copies) * 1000.0 / std::max<qint64>(1, fixed.wallMs);
    out() << QStringLiteral("  %1 requests per second in the minute after, limit %2: ratio %3 (target >= 0.9); "
                            "%4 of the rate without a burst (%5 per second)\n")
                 .arg(perSecond, 0, 'f', 2).arg(burstLimit, 0, 'f', 1).arg(perSecond / burstLimit, 0, 'f', 3)
                 .arg(perSecond / healthyPerSecond, 0, 'f', 3).arg(healthyPerSecond, 0, 'f', 2);

    // 4. Closing mid-run.
    const int queued = 24;
    const QString closing = dir.filePath(QStringLiteral("closing.corrige"));
    createSession(closing, queued + 1);
    server.run([&] {
        server.server->reset();
        server.server->setDefaultLatency(latencyMs);
    });
    const CloseResult closed = closeMidRun(closing, baseUrl, queued);
    out() << QStringLiteral("closing mid-run with %1 copies queued for preparation: %2 ms (target < 1000 ms); "
                            "preparing them takes %3 ms, ratio %4\n")
                 .arg(closed.queued).arg(closed.closeMs).arg(closed.prepareMs)
                 .arg(closed.prepareMs ? double(closed.closeMs) / closed.prepareMs : 0.0, 0, 'f', 3);
    out().flush();
    return 0;
}
