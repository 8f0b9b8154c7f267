#include "app/cli/gradecommand.h"

#include "app/cli/batchcommand.h"
#include "app/cli/clicommands.h"
#include "app/cli/clioutput.h"
#include "app/cli/signalwatcher.h"
#include "app/cli/terminalprogress.h"
#include "core/grading/batchcollector.h"
#include "core/grading/gradingorchestrator.h"
#include "core/grading/rubricdraft.h"
#include "core/llm/llmclient.h"
#include "core/llm/pricetable.h"
#include "core/pdf/pageimageextractor.h"
#include "core/pdf/pdfinspector.h"
#include "core/session/sessiondatabase.h"
#include "core/secrets/secretstore.h"
#include "core/session/sessionstore.h"
#include "core/settings/appsettings.h"
#include "core/workflow/pricing.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QLocale>
#include <QTextStream>
#include <QThreadPool>

namespace Corrige::Cli {

using namespace Corrige::Core;

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Corrige::Cli", text, disambiguation, n);
}

struct ProviderOptions {
    QCommandLineOption provider;
    QCommandLineOption model;
    QCommandLineOption baseUrl;
};

ProviderOptions providerOptions(const QString &suffix)
{
    return {QCommandLineOption(QStringLiteral("provider") + suffix,
                               tr("Model provider: gemini, openai or compatible (Ollama, vLLM, llama.cpp)."),
                               QStringLiteral("name")),
            QCommandLineOption(QStringLiteral("model") + suffix, tr("Model name."), QStringLiteral("model")),
            QCommandLineOption(QStringLiteral("base-url") + suffix,
                               tr("Replaces the provider's scheme, host and prefix (http only for this computer)."),
                               QStringLiteral("url"))};
}

// Reads the provider options of one model, with its key from the environment or the keychain.
Result<ProviderConfig> readProvider(const QCommandLineParser &parser, const ProviderOptions &options, ModelSlot slot)
{
    const QString providerName = parser.isSet(options.provider) ? parser.value(options.provider)
                                                                 : AppSettings::defaultProvider(slot);
    bool ok = false;
    ProviderConfig config;
    config.kind = providerKindFromString(providerName, &ok);
    if (!ok)
        return Result<ProviderConfig>::failure(
            ErrorCode::InvalidInput,
            tr("Unknown provider \"%1\" for --%2: use gemini, openai or compatible.").arg(providerName, options.provider.names().constFirst()));
    config.model = parser.isSet(options.model) ? parser.value(options.model) : AppSettings::defaultModel(providerName);
    if (config.model.isEmpty())
        return Result<ProviderConfig>::failure(
            ErrorCode::InvalidInput,
            tr("Name the model to use with --%1 (for example the model you pulled in Ollama).").arg(options.model.names().constFirst()));
    if (parser.isSet(options.baseUrl)) {
        config.baseUrl = QUrl(parser.value(options.baseUrl));
        const Status valid = validateBaseUrl(config.baseUrl);
        if (!valid)
            return valid.error();
    }
    const QString providerKey = providerKindToString(config.kind);
    const bool useKeychain = qEnvironmentVariableIsEmpty("CORRIGE_NO_KEYCHAIN");
    const auto key = SecretStore::readBlocking(providerKey, 5000, useKeychain);
    if (key)
        config.apiKey = key->first;
    if (config.apiKey.isEmpty() && config.kind != ProviderKind::Compatible)
        return Result<ProviderConfig>::failure(
            ErrorCode::MissingKey,
            tr("No API key for %1. Set %2 in the environment, or save the key in Corrige's settings (system keychain).")
                .arg(providerDisplayName(config.kind), SecretStore::environmentVariable(providerKey)));
    return config;
}

QString formatDuration(qint64 ms)
{
    const qint64 seconds = ms / 1000;
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

// Parses the command line of a command that works on one existing session: its path, or an empty string
// with *exitCode set (help shown, bad usage, no such file).
QString parseSessionArguments(QCommandLineParser &parser, const QStringList &arguments, int *exitCode)
{
    if (!parseArguments(parser, arguments, exitCode))
        return {};
    if (parser.positionalArguments().size() != 1) {
        *exitCode = fail(ExitBadInput, tr("name one session file.\n%1").arg(parser.helpText()));
        return {};
    }
    const QString sessionPath = parser.positionalArguments().constFirst();
    if (!QFileInfo::exists(sessionPath)) {
        *exitCode = fail(ExitBadInput,
                         tr("The session %1 does not exist. Create it first with: corrige-cli new %1 --exam EXAM.json")
                             .arg(sessionPath));
        return {};
    }
    return sessionPath;
}

} // namespace

int commandRubricGenerate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Draft a rubric with a model for every question that has none. Drafts are marked as AI drafts until a "
           "teacher edits them."));
    parser.addPositionalArgument(QStringLiteral("SESSION"), tr("The session file."));
    const QCommandLineOption generateOption(QStringLiteral("generate"), tr("Draft the missing rubrics with a model."));
    const QCommandLineOption showOption(QStringLiteral("show"), tr("Print the rubrics afterwards."));
    const QCommandLineOption blankOption(QStringLiteral("blank"),
                                         tr("The blank exam as a PDF, shown to the model for context."),
                                         QStringLiteral("PDF"));
    const ProviderOptions first = providerOptions(QString());
    parser.addOptions({generateOption, showOption, blankOption, first.provider, first.model, first.baseUrl});
    int exitCode = ExitOk;
    const QString sessionPath = parseSessionArguments(parser, arguments, &exitCode);
    if (sessionPath.isEmpty())
        return exitCode;
    Result<ProviderConfig> config = readProvider(parser, first, ModelSlot::A);
    if (!config)
        return fail(ExitBadInput, config.errorString());

    QList<QByteArray> blankPages;
    if (parser.isSet(blankOption)) {
        const Result<ImportDocument> blank = PdfInspector::load(parser.value(blankOption));
        if (!blank)
            return fail(ExitBadInput, blank.errorString());
        QList<int> pages;
        for (int i = 0; i < std::min(blank->pageCount, 6); ++i)
            pages.append(i);
        const Result<QList<PageImage>> images = PageImageExtractor::extract(blank->data, pages, PageImageOptions{1600, 80, 2 * 1024 * 1024});
        if (!images)
            return fail(ExitBadInput, images.errorString());
        for (const PageImage &image : images.value())
            blankPages.append(image.jpeg);
    }

    Result<std::unique_ptr<SessionDatabase>> opened = SessionDatabase::open(sessionPath);
    if (!opened)
        return fail(opened.error().code == ErrorCode::Database ? ExitFailure : ExitBadInput, opened.errorString());
    SessionDatabase &db = *opened.value();
    const Exam exam = db.exam();

    LlmClient client(config.value());
    client.setMaxConcurrency(2);
    QHash<quint64, QString> questionByRequest;
    for (const Question &question : exam.questions) {
        if (question.rubric && !question.rubric->criteria.isEmpty())
            continue;
        questionByRequest.insert(client.submit(RubricDraft::build(exam, question, blankPages)), question.id);
    }
    if (questionByRequest.isEmpty()) {
        out() << tr("Every question already has a rubric; nothing to draft.") << Qt::endl;
        return ExitOk;
    }

    QEventLoop loop;
    int failed = 0;
    int remaining = int(questionByRequest.size());
    QString fatal;
    QObject::connect(&client, &LlmClient::finished, &loop, [&](quint64 id, const LlmOutcome &outcome, int) {
        const Question *question = exam.question(questionByRequest.value(id));
        if (!question)
            return;
        if (!outcome) {
            if (outcome.code() == ErrorCode::MissingKey || outcome.code() == ErrorCode::InvalidKey
                || outcome.code() == ErrorCode::QuotaExhausted) {
                fatal = outcome.error().message();
                client.cancelAll();
            } else if (outcome.code() != ErrorCode::Cancelled) {
                ++failed;
                err() << tr("corrige-cli: no draft for %1: %2").arg(question->displayLabel(), outcome.error().message())
                            << Qt::endl;
            }
        } else {
            const Result<Rubric> rubric = RubricDraft::parse(outcome.reply().json, *question);
            const Status saved = rubric ? db.setRubric(question->id, rubric.value(), QStringLiteral("ai"))
                                        : Status(rubric.error());
            if (!saved) {
                ++failed;
                err() << tr("corrige-cli: no draft for %1: %2").arg(question->displayLabel(), saved.errorString())
                            << Qt::endl;
            } else {
                out() << tr("Drafted the rubric of %1: %n criterion(s).", nullptr, int(rubric->criteria.size()))
                           .arg(question->displayLabel())
                    << Qt::endl;
            }
        }
        if (--remaining == 0)
            loop.quit();
    });
    loop.exec();
    if (!fatal.isEmpty())
        return fail(ExitBadInput, fatal);
    if (parser.isSet(showOption))
        out() << tr("Review the drafts with: corrige-cli rubric %1 --show").arg(sessionPath) << Qt::endl;
    return failed > 0 ? ExitSomeFailed : ExitOk;
}

int commandGrade(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Grade every copy that has no grade yet. Teacher grades are never changed. Keys come from GEMINI_API_KEY, "
           "OPENAI_API_KEY or CORRIGE_API_KEY, or the system keychain."));
    parser.addPositionalArgument(QStringLiteral("SESSION"), tr("The session file."));
    const QCommandLineOption modeOption(QStringLiteral("mode"), tr("single (one model) or dual (two models)."),
                                        QStringLiteral("mode"), QStringLiteral("single"));
    const QCommandLineOption concurrencyOption(QStringLiteral("concurrency"), tr("Requests in flight per model (1-32)."),
                                               QStringLiteral("N"), QStringLiteral("4"));
    const QCommandLineOption attemptsOption(QStringLiteral("max-attempts"), tr("Attempts per request (1-10)."),
                                            QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption regradeOption(QStringLiteral("regrade"),
                                           tr("Grade again copies already graded by a model (teacher grades are kept)."));
    const QCommandLineOption perQuestionOption(
        QStringLiteral("per-question"),
        tr("Send each question with only the pages it is on (from the exam's \"pages\"), instead of the whole copy."));
    const QCommandLineOption noMaskOption(QStringLiteral("no-mask"),
                                          tr("Send the first page whole, name included (by default its top is hidden)."));
    const QCommandLineOption batchOption(
        QStringLiteral("batch"),
        tr("Submit the copies as provider batches (Gemini, OpenAI): half price, results usually within hours, at most "
           "24 h. Collect them with 'corrige-cli batch'."));
    const ProviderOptions first = providerOptions(QString());
    const ProviderOptions second = providerOptions(QStringLiteral("2"));
    parser.addOptions({modeOption, concurrencyOption, attemptsOption, regradeOption, perQuestionOption, noMaskOption,
                       batchOption, first.provider,
                       first.model, first.baseUrl, second.provider, second.model, second.baseUrl});
    int exitCode = ExitOk;
    const QString sessionPath = parseSessionArguments(parser, arguments, &exitCode);
    if (sessionPath.isEmpty())
        return exitCode;

    GradingOptions options;
    const QString mode = parser.value(modeOption);
    if (mode != QLatin1String("single") && mode != QLatin1String("dual"))
        return fail(ExitBadInput, tr("--mode is single or dual (got \"%1\").").arg(mode));
    options.dual = mode == QLatin1String("dual");
    bool ok = false;
    options.concurrency = parser.value(concurrencyOption).toInt(&ok);
    if (!ok || options.concurrency < 1 || options.concurrency > 32)
        return fail(ExitBadInput, tr("--concurrency takes a whole number from 1 to 32."));
    options.maxAttempts = parser.value(attemptsOption).toInt(&ok);
    if (!ok || options.maxAttempts < 1 || options.maxAttempts > 10)
        return fail(ExitBadInput, tr("--max-attempts takes a whole number from 1 to 10."));
    options.regrade = parser.isSet(regradeOption);
    options.anonymize = !parser.isSet(noMaskOption);
    options.perQuestion = parser.isSet(perQuestionOption);

    Result<ProviderConfig> configA = readProvider(parser, first, ModelSlot::A);
    if (!configA)
        return fail(ExitBadInput, configA.errorString());
    options.modelA = configA.value();
    if (options.dual) {
        Result<ProviderConfig> configB = readProvider(parser, second, ModelSlot::B);
        if (!configB)
            return fail(ExitBadInput, configB.errorString());
        options.modelB = configB.value();
    }
    // Running cost: the built-in prices, or the teacher's own from Settings.
    options.usePrices(effectivePrices(AppSettings()));
    if (parser.isSet(batchOption))
        return runBatchSubmit(sessionPath, options);

    // Page images are prepared on a small pool of our own; the network and the storage thread do the rest.
    QThreadPool pool;
    pool.setMaxThreadCount(std::max(1, std::min(QThread::idealThreadCount(), 4)));
    SessionStore store;
    int openExit = ExitOk;
    const std::optional<SessionSnapshot> snapshot = openSnapshot(store, sessionPath, &openExit);
    if (!snapshot)
        return openExit;
    QEventLoop loop;
    if (snapshot->readOnly)
        return fail(ExitBadInput,
                    tr("%1 is open in another Corrige (%2). Grading writes to it: close it there first, then grade "
                       "again.")
                        .arg(sessionPath, snapshot->lockHolder ? snapshot->lockHolder->description() : QString()));

    GradingOrchestrator orchestrator(&store, &pool);
    TerminalProgress progress(tr("Grading"));
    SignalWatcher watcher;
    bool interrupted = false;
    RunProgress summary;
    const auto showProgress = [&] {
        const RunProgress now = orchestrator.snapshot();
        QString detail = tr("%1 failed").arg(now.failed);
        if (now.done > 0 && now.done < now.total) {
            const qint64 eta = now.elapsedMs * (now.total - now.done) / now.done;
            detail += QStringLiteral(" · ") + tr("ETA %1").arg(formatDuration(eta));
        }
        detail += QStringLiteral(" · ") + tr("%1 tokens").arg(now.tokens.input + now.tokens.output);
        if (now.cost > 0)
            detail += QStringLiteral(" · ~%1").arg(PriceTable::formatUsd(now.cost));
        progress.update(now.done, now.total, detail);
    };
    QObject::connect(&orchestrator, &GradingOrchestrator::progressChanged, &loop, showProgress);
    QObject::connect(&orchestrator, &GradingOrchestrator::costChanged, &loop, showProgress);
    // Without a progress bar (a log, a pipe) each failure is said as it happens; with one, in the summary.
    QObject::connect(&orchestrator, &GradingOrchestrator::copyFailed, &loop, [&](qint64 copyId, const QString &reason) {
        if (progress.isEnabled())
            return;
        QString label = QString::number(copyId);
        for (const Copy &copy : std::as_const(snapshot->copies)) {
            if (copy.id == copyId)
                label = copy.label;
        }
        err() << tr("corrige-cli: failed: %1").arg(tr("%1: %2").arg(label, reason)) << Qt::endl;
    });
    QObject::connect(&orchestrator, &GradingOrchestrator::runFinished, &loop, [&](const RunProgress &finished) {
        summary = finished;
        loop.quit();
    });
    QObject::connect(&watcher, &SignalWatcher::interrupted, &loop, [&](int count) {
        interrupted = true;
        if (count == 1) {
            err() << Qt::endl
                                << tr("corrige-cli: stopping; graded copies are kept (press Ctrl+C again to quit now).")
                                << Qt::endl;
            orchestrator.cancel();
        } else {
            loop.exit(1);
        }
    });

    const Status started = orchestrator.start(*snapshot, options);
    if (!started)
        return fail(ExitBadInput, started.errorString());
    if (loop.exec() != 0) {
        store.flush();
        return ExitInterrupted;
    }
    progress.finish();
    store.flush();

    err().flush();
    out() << tr("%n copy(ies) graded", nullptr, summary.graded + summary.needsReview);
    out() << QStringLiteral(", ") << tr("%n to review", nullptr, summary.needsReview);
    out() << QStringLiteral(", ") << tr("%n failed", nullptr, summary.failed);
    if (summary.cancelled)
        out() << QStringLiteral(", ") << tr("%n not graded (still pending)", nullptr, summary.total - summary.done);
    out() << QStringLiteral(". ")
        << tr("%1 input and %2 output tokens, about %3, in %4.")
               .arg(summary.tokens.input)
               .arg(summary.tokens.output)
               .arg(PriceTable::formatUsd(summary.cost), formatDuration(summary.elapsedMs))
        << Qt::endl;
    if (options.dual && summary.agreement.compared > 0)
        out() << tr("Agreement between the models: %1% exact, %2% within tolerance, mean difference %3 points.")
                   .arg(qRound(summary.agreement.exactRate() * 100))
                   .arg(qRound(summary.agreement.withinToleranceRate() * 100))
                   .arg(summary.agreement.meanAbsoluteDifference(), 0, 'f', 2)
            << Qt::endl;
    if (progress.isEnabled()) {
        for (const QString &failure : std::as_const(summary.failures))
            err() << tr("corrige-cli: failed: %1").arg(failure) << Qt::endl;
    }

    if (!summary.fatalError.isEmpty()) {
        fail(summary.fatalCode == ErrorCode::MissingKey || summary.fatalCode == ErrorCode::InvalidKey ? ExitBadInput
                                                                                                      : ExitFailure,
             summary.fatalError);
        return summary.fatalCode == ErrorCode::MissingKey || summary.fatalCode == ErrorCode::InvalidKey ? ExitBadInput
                                                                                                        : ExitFailure;
    }
    if (interrupted)
        return ExitInterrupted;
    if (summary.failed > 0)
        return ExitSomeFailed;
    return ExitOk;
}

int commandBatch(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Collect the session's batches: import what has finished, show the rest. By default each batch is collected "
           "from the server it was submitted to, with the provider's key from the environment or the keychain."));
    parser.addPositionalArgument(QStringLiteral("SESSION"), tr("The session file."));
    const QCommandLineOption waitOption(QStringLiteral("wait"), tr("Poll until every batch is imported."));
    const QCommandLineOption cancelOption(
        QStringLiteral("cancel"),
        tr("Cancel the batches still running, import what they completed, and put the other copies back to pending "
           "(grade them live afterwards)."));
    const ProviderOptions first = providerOptions(QString());
    const ProviderOptions second = providerOptions(QStringLiteral("2"));
    parser.addOptions({waitOption, cancelOption, first.provider, first.model, first.baseUrl, second.provider,
                       second.model, second.baseUrl});
    int exitCode = ExitOk;
    const QString sessionPath = parseSessionArguments(parser, arguments, &exitCode);
    if (sessionPath.isEmpty())
        return exitCode;

    CollectOptions options;
    options.wait = parser.isSet(waitOption);
    options.cancel = parser.isSet(cancelOption);
    bool ok = false;
    const int pollMs = qEnvironmentVariableIntValue("CORRIGE_BATCH_POLL_MS", &ok);
    if (ok && pollMs > 0)
        options.pollMs = pollMs;
    options.prices = effectivePrices(AppSettings());
    const bool useKeychain = qEnvironmentVariableIsEmpty("CORRIGE_NO_KEYCHAIN");
    for (const ProviderKind kind : {ProviderKind::Gemini, ProviderKind::OpenAi}) {
        ProviderConfig config;
        config.kind = kind;
        const QString name = providerKindToString(kind);
        // --base-url (or --base-url2) replaces the recorded server for the provider it names.
        for (const ProviderOptions *options_ : {&first, &second}) {
            if (parser.isSet(options_->baseUrl)
                && (parser.isSet(options_->provider) ? parser.value(options_->provider) : name) == name) {
                config.baseUrl = QUrl(parser.value(options_->baseUrl));
                const Status valid = validateBaseUrl(config.baseUrl);
                if (!valid)
                    return fail(ExitBadInput, valid.errorString());
                break;
            }
        }
        const auto key = SecretStore::readBlocking(name, 5000, useKeychain);
        if (!key || key->first.isEmpty())
            continue;
        config.apiKey = key->first;
        options.accounts.append(config);
    }
    return runBatchCollect(sessionPath, options);
}

} // namespace Corrige::Cli
