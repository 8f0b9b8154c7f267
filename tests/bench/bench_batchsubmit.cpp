// Batch submission benchmark: the time to prepare and submit N copies as a provider batch (page images, requests,
// the JSONL file written, uploaded and created against the fake server), against the time to prepare the same
// copies for live grading (page images and request bodies only). Target: ≤ 1.2×.
//
// The fake server runs on its own thread and does not validate bodies here, so that its own work is not counted.
// Usage: bench_batchsubmit [copies] [pages-per-copy]
#include "core/grading/anonymizer.h"
#include "core/grading/batchsubmitter.h"
#include "core/grading/copypreparation.h"
#include "core/pdf/pdfinspector.h"
#include "core/session/sessiondatabase.h"
#include "core/session/sessionstore.h"
#include "tests/support/fakebatchapis.h"
#include "tests/support/fakellmserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QMutex>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QThreadPool>

#include <atomic>

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

struct ServerThread {
    QThread thread;
    QObject anchor;
    Test::FakeLlmServer *server = nullptr;

    ServerThread()
    {
        anchor.moveToThread(&thread);
        thread.start();
        QMetaObject::invokeMethod(
            &anchor,
            [this] {
                server = new Test::FakeLlmServer(); // no specs: bodies are not validated here
                server->setKeepBodies(false);
                server->batches().setTimeline({1000000, 1000000, 1000000});
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
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int copies = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 500;
    const int pages = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 2;

    auto document = Core::PdfInspector::load(
        QStringLiteral(CORRIGE_TEST_DATA_DIR "/scans/zesje_demo_submissions_5students_20pages.pdf"));
    if (!document) {
        out() << "cannot read the scans: " << document.errorString() << Qt::endl;
        return 1;
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.corrige"));
    {
        auto session = Core::SessionDatabase::create(path, benchExam());
        if (!session)
            return 1;
        Core::ImportPlan plan;
        plan.documents = {document.value()};
        for (int i = 0; i < copies; ++i) {
            QList<int> indexes;
            for (int p = 0; p < pages; ++p)
                indexes.append((i * pages + p) % 20);
            plan.copies.append({QStringLiteral("Copy %1").arg(i + 1), {}, {}, {}, 0, indexes});
        }
        if (!session.value()->applyImport(plan))
            return 1;
    }

    ServerThread server;
    Core::GradingOptions options;
    options.modelA.kind = Core::ProviderKind::Gemini;
    options.modelA.model = QStringLiteral("gemini-2.5-flash");
    options.modelA.baseUrl = server.server->geminiBaseUrl();
    options.modelA.apiKey = QStringLiteral("bench-key");
    options.mask = Core::Anonymizer::defaultMask();

    Core::SessionStore store;
    QEventLoop loop;
    Core::SessionSnapshot snapshot;
    QObject::connect(&store, &Core::SessionStore::opened, &loop, [&](quint64, const Core::SessionSnapshot &opened) {
        snapshot = opened;
        loop.quit();
    });
    store.open(path);
    loop.exec();

    QThreadPool pool;
    pool.setMaxThreadCount(2);

    // 1. Live preparation: the same page images and request bodies, nothing sent.
    QElapsedTimer timer;
    timer.start();
    std::atomic<qint64> bytes = 0;
    for (const Core::Copy &copy : std::as_const(snapshot.copies)) {
        Core::CopyPreparationInput input;
        QList<int> indexes;
        for (const Core::PageRef &page : copy.pages)
            indexes.append(page.pageIndex);
        input.scans = {{document->data, indexes}};
        input.images = options.images;
        input.anonymize = true;
        input.mask = options.mask;
        input.exam = snapshot.exam;
        input.parts = Core::CopyPreparation::splitIntoParts(input.exam, {QStringLiteral("q1"), QStringLiteral("q2"), QStringLiteral("q3"), QStringLiteral("q4"), QStringLiteral("q5")}, int(copy.pages.size()), false);
        input.pseudonym = copy.label;
        input.models = {options.modelA};
        pool.start([input, &bytes] {
            const auto prepared = Core::CopyPreparation::prepare(input);
            if (prepared)
                bytes += prepared->first().body.size();
        });
    }
    pool.waitForDone();
    const qint64 liveMs = timer.elapsed();

    // 2. Batch: prepare, write the JSONL, upload it, create the batch.
    Core::BatchSubmitter submitter(&store, &pool);
    Core::BatchSubmission result;
    QObject::connect(&submitter, &Core::BatchSubmitter::finished, &loop, [&](const Core::BatchSubmission &done) {
        result = done;
        loop.quit();
    });
    qint64 preparedMs = 0;
    QObject::connect(&submitter, &Core::BatchSubmitter::progressChanged, &loop, [&](int prepared, int total) {
        if (prepared == total)
            preparedMs = timer.elapsed();
    });
    timer.restart();
    const Core::Status started = submitter.start(snapshot, options);
    if (!started) {
        out() << "cannot submit: " << started.errorString() << Qt::endl;
        return 1;
    }
    loop.exec();
    const qint64 batchMs = timer.elapsed();
    store.flush();
    if (!result.fatalError.isEmpty() || result.copies != copies) {
        out() << "the batch was not submitted: " << result.fatalError << Qt::endl;
        return 1;
    }

    out() << "copies: " << copies << ", pages per copy: " << pages << ", request bytes: " << bytes.load() / (1024 * 1024)
          << " MiB" << Qt::endl;
    out() << "prepare for live grading: " << liveMs << " ms" << Qt::endl;
    out() << "prepare and submit as a batch (" << result.jobs.size() << " batch(es)): " << batchMs << " ms, of which "
          << batchMs - preparedMs << " ms uploading and creating" << Qt::endl;
    const double ratio = double(batchMs) / std::max<qint64>(1, liveMs);
    out() << QStringLiteral("ratio batch / live: %1 (target <= 1.20) %2").arg(ratio, 0, 'f', 2).arg(ratio <= 1.2 ? QStringLiteral("PASS") : QStringLiteral("FAIL"))
          << Qt::endl;
    return 0;
}
