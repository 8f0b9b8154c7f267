#include "app/cli/batchcommand.h"

#include "app/cli/clicommands.h"
#include "app/cli/clioutput.h"
#include "app/cli/signalwatcher.h"
#include "app/cli/terminalprogress.h"
#include "core/grading/batchcollector.h"
#include "core/grading/batchsubmitter.h"
#include "core/session/sessionstore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTextStream>
#include <QThreadPool>

namespace Corrige::Cli {

using namespace Corrige::Core;

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Corrige::Cli", text, disambiguation, n);
}

int exitFor(ErrorCode code)
{
    return code == ErrorCode::MissingKey || code == ErrorCode::InvalidKey || code == ErrorCode::InvalidInput ? ExitBadInput
                                                                                                             : ExitFailure;
}

// Opens the session on the store's thread; an empty optional (and *exitCode) when it cannot be opened.
QString age(const QDateTime &since)
{
    const qint64 minutes = std::max<qint64>(0, since.secsTo(QDateTime::currentDateTimeUtc()) / 60);
    if (minutes < 60)
        return tr("%n minute(s)", nullptr, int(minutes));
    return tr("%n hour(s)", nullptr, int(minutes / 60));
}

QString describe(const BatchJob &job)
{
    const QString id = job.remoteId.isEmpty() ? job.localTag : job.remoteId;
    return tr("%1 (%2/%3): %4, %5 of %6 done, %7 failed, submitted %8 ago")
        .arg(id, job.provider, job.model, job.state)
        .arg(job.completed)
        .arg(job.total)
        .arg(job.failed)
        .arg(age(job.submittedAt));
}

} // namespace

std::optional<SessionSnapshot> openSnapshot(SessionStore &store, const QString &sessionPath, int *exitCode)
{
    QEventLoop loop;
    std::optional<SessionSnapshot> snapshot;
    Error openError;
    QObject::connect(&store, &SessionStore::opened, &loop, [&](quint64, const SessionSnapshot &opened) {
        snapshot = opened;
        loop.quit();
    });
    QObject::connect(&store, &SessionStore::failed, &loop, [&](quint64, const Error &error) {
        openError = error;
        loop.quit();
    });
    store.open(sessionPath);
    loop.exec();
    QObject::disconnect(&store, nullptr, &loop, nullptr);
    if (!snapshot)
        *exitCode = fail(openError.code == ErrorCode::Database ? ExitFailure : ExitBadInput, openError.message);
    return snapshot;
}

int runBatchSubmit(const QString &sessionPath, const GradingOptions &options)
{
    QThreadPool pool;
    pool.setMaxThreadCount(std::max(1, std::min(QThread::idealThreadCount(), 4)));
    SessionStore store;
    int exitCode = ExitOk;
    const std::optional<SessionSnapshot> snapshot = openSnapshot(store, sessionPath, &exitCode);
    if (!snapshot)
        return exitCode;

    BatchSubmitter submitter(&store, &pool);
    TerminalProgress progress(tr("Preparing the batch"));
    QEventLoop loop;
    BatchSubmission result;
    SignalWatcher watcher;
    QObject::connect(&submitter, &BatchSubmitter::progressChanged, &loop,
                     [&](int prepared, int total) { progress.update(prepared, total, QString()); });
    QObject::connect(&submitter, &BatchSubmitter::finished, &loop, [&](const BatchSubmission &submitted) {
        result = submitted;
        loop.quit();
    });
    // Stopping halfway through would leave batches half created: a first Ctrl+C is refused, a second quits.
    QObject::connect(&watcher, &SignalWatcher::interrupted, &loop, [&](int count) {
        if (count == 1)
            err() << Qt::endl << tr("corrige-cli: submitting; press Ctrl+C again to quit now.") << Qt::endl;
        else
            loop.exit(1);
    });
    const Status started = submitter.start(*snapshot, options);
    if (!started)
        return fail(ExitBadInput, started.errorString());
    if (loop.exec() != 0) {
        store.flush();
        return ExitInterrupted;
    }
    progress.finish();
    store.flush();

    for (const QString &failure : std::as_const(result.failures))
        err() << tr("corrige-cli: failed: %1").arg(failure) << Qt::endl;
    if (result.copies == 0 && result.jobs.isEmpty() && result.fatalError.isEmpty()) {
        out() << tr("Nothing to grade: every copy is graded or already in a batch.") << Qt::endl;
        return result.failures.isEmpty() ? ExitOk : ExitSomeFailed;
    }
    if (!result.jobs.isEmpty()) {
        out() << tr("%n copy(ies) submitted", nullptr, result.copies) << QStringLiteral(" ")
              << tr("in %n batch(es), at half the live price.", nullptr, int(result.jobs.size())) << Qt::endl;
        for (const BatchJob &job : std::as_const(result.jobs))
            out() << QStringLiteral("  ") << describe(job) << Qt::endl;
        out() << tr("Results usually come within hours, at most 24 h. Collect them with: corrige-cli batch %1 --wait")
                     .arg(sessionPath)
              << Qt::endl;
    }
    if (!result.fatalError.isEmpty())
        return fail(exitFor(result.fatalCode), result.fatalError);
    return result.failures.isEmpty() ? ExitOk : ExitSomeFailed;
}

int runBatchCollect(const QString &sessionPath, const CollectOptions &options)
{
    SessionStore store;
    int exitCode = ExitOk;
    const std::optional<SessionSnapshot> snapshot = openSnapshot(store, sessionPath, &exitCode);
    if (!snapshot)
        return exitCode;
    if (snapshot->batchJobs.isEmpty()) {
        out() << tr("This session has no batch. Submit one with: corrige-cli grade %1 --batch").arg(sessionPath) << Qt::endl;
        return ExitOk;
    }

    BatchCollector collector(&store);
    QEventLoop loop;
    SignalWatcher watcher;
    CollectSummary summary;
    bool interrupted = false;
    QHash<qint64, QString> lastShown;
    QObject::connect(&collector, &BatchCollector::jobChanged, &loop, [&](const BatchJob &job) {
        const QString line = describe(job);
        if (lastShown.value(job.id) != job.state) {
            lastShown.insert(job.id, job.state);
            err() << QStringLiteral("  ") << line << Qt::endl;
        }
    });
    QObject::connect(&collector, &BatchCollector::finished, &loop, [&](const CollectSummary &finished) {
        summary = finished;
        loop.quit();
    });
    QObject::connect(&watcher, &SignalWatcher::interrupted, &loop, [&](int count) {
        interrupted = true;
        if (count == 1) {
            err() << Qt::endl << tr("corrige-cli: stopping; the batches keep running and can be collected later.") << Qt::endl;
            collector.stop();
        } else {
            loop.exit(1);
        }
    });
    const Status started = collector.start(options);
    if (!started)
        return fail(ExitBadInput, started.errorString());
    if (loop.exec() != 0) {
        store.flush();
        return ExitInterrupted;
    }
    store.flush();

    for (const QString &note : std::as_const(summary.notes))
        err() << tr("corrige-cli: %1").arg(note) << Qt::endl;
    for (const QString &failure : std::as_const(summary.failures))
        err() << tr("corrige-cli: failed: %1").arg(failure) << Qt::endl;
    for (const BatchJob &job : std::as_const(summary.jobs))
        out() << describe(job) << Qt::endl;
    out() << tr("%n copy(ies) imported", nullptr, summary.graded) << QStringLiteral(", ")
          << tr("%n to review", nullptr, summary.needsReview) << QStringLiteral(", ")
          << tr("%n failed", nullptr, summary.failed) << QStringLiteral(", ")
          << tr("%n back to pending", nullptr, summary.returned) << QStringLiteral(", ")
          << tr("%n still in a batch", nullptr, summary.waiting) << QStringLiteral(". ")
          << tr("%1 input and %2 output tokens, about %3 at the batch price.")
                 .arg(summary.tokens.input)
                 .arg(summary.tokens.output)
                 .arg(PriceTable::formatUsd(summary.cost))
          << Qt::endl;
    if (summary.agreement.compared > 0)
        out() << tr("Agreement between the models: %1% exact, %2% within tolerance, mean difference %3 points.")
                   .arg(qRound(summary.agreement.exactRate() * 100))
                   .arg(qRound(summary.agreement.withinToleranceRate() * 100))
                   .arg(summary.agreement.meanAbsoluteDifference(), 0, 'f', 2)
            << Qt::endl;
    if (summary.returned > 0)
        out() << tr("Copies back to pending are graded by the next 'corrige-cli grade' (live, or with --batch).") << Qt::endl;
    if (!summary.fatalError.isEmpty())
        return fail(exitFor(summary.fatalCode), summary.fatalError);
    if (interrupted)
        return ExitInterrupted;
    return summary.failed > 0 ? ExitSomeFailed : ExitOk;
}

} // namespace Corrige::Cli
