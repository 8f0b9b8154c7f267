#include "app/cli/clicommands.h"

#include "app/cli/exportcommand.h"
#include "app/cli/clioutput.h"
#include "app/cli/gradecommand.h"
#include "app/cli/terminalprogress.h"
#include "core/domain/exam.h"
#include "core/export/statusreport.h"
#include "core/session/sessiondatabase.h"
#include "core/workflow/appinfo.h"
#include "core/workflow/sessionimport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QTextStream>

#include <cstdio>

namespace Corrige::Cli {

using namespace Corrige::Core;

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Corrige::Cli", text, disambiguation, n);
}

// Bad input is the user's to fix (exit 2); anything else is ours or the machine's (exit 1).
int failWith(const Error &error)
{
    switch (error.code) {
    case ErrorCode::Database:
    case ErrorCode::Internal:
        return fail(ExitFailure, error.message);
    default:
        return fail(ExitBadInput, error.message);
    }
}

QString usage()
{
    return tr("Usage: corrige-cli <command> [options]\n"
              "\n"
              "Commands:\n"
              "  new    SESSION --exam EXAM.json          create a session for an exam\n"
              "  import SESSION PDF... [--pages-per-copy N] [--roster CSV] [--password-file FILE] [--allow-duplicate]\n"
              "                                           add scanned copies\n"
              "  rubric SESSION [--show] [--generate]     print the rubrics, or draft the missing ones with a model\n"
              "  grade  SESSION [--mode single|dual] [--concurrency N] [--max-attempts N] [--regrade]\n"
              "         [--provider P --model M --base-url URL] [--provider2 P --model2 M --base-url2 URL]\n"
              "         [--batch]                         grade every copy not graded yet (--batch: as provider\n"
              "                                           batches, half price, results within 24 h)\n"
              "  batch  SESSION [--wait] [--cancel]       collect (or cancel) the submitted batches\n"
              "  export SESSION --format csv|xlsx|moodle|pronote|pdf --out PATH [--force] [--allow-unreviewed]\n"
              "         [--csv-dialect excel-fr|rfc4180] [--moodle-id email|idnumber|username]\n"
              "                                           write the grades for a spreadsheet, Moodle or Pronote,\n"
              "                                           or one annotated PDF per student\n"
              "  status SESSION [--json]                  show the copies and their grades\n"
              "\n"
              "Run 'corrige-cli <command> --help' for the options of a command.");
}

// Parses `arguments` (command name first) and reports errors the contract's way.
bool parse(QCommandLineParser &parser, const QStringList &arguments, int minPositional, int *exitCode)
{
    if (!parseArguments(parser, arguments, exitCode))
        return false;
    if (parser.positionalArguments().size() < minPositional) {
        *exitCode = fail(ExitBadInput, tr("missing arguments.\n%1").arg(parser.helpText()));
        return false;
    }
    return true;
}

// Commands that write take the session's lock and are refused (exit 2) while another Corrige writes to it;
// commands that only read open it read-only and work meanwhile.
Result<std::unique_ptr<SessionDatabase>> openSession(const QString &path,
                                                     SessionDatabase::Access access = SessionDatabase::Access::ReadWrite)
{
    if (!QFileInfo::exists(path))
        return Result<std::unique_ptr<SessionDatabase>>::failure(
            ErrorCode::FileNotFound,
            tr("The session %1 does not exist. Create it first with: corrige-cli new %1 --exam EXAM.json").arg(path));
    return SessionDatabase::open(path, access);
}

int commandNew(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Create a session file for an exam."));
    parser.addPositionalArgument(QStringLiteral("SESSION"), tr("The session file to create (*.corrige)."));
    const QCommandLineOption examOption(QStringLiteral("exam"), tr("The exam definition (JSON)."), tr("EXAM.json"));
    parser.addOption(examOption);
    int exitCode = ExitOk;
    if (!parse(parser, arguments, 1, &exitCode))
        return exitCode;
    const QString sessionPath = parser.positionalArguments().constFirst();
    if (!parser.isSet(examOption))
        return fail(ExitBadInput, tr("'new' needs --exam EXAM.json, the exam's questions and points."));
    const QString examPath = parser.value(examOption);
    if (QFileInfo::exists(sessionPath))
        return fail(ExitBadInput, tr("%1 already exists. Choose another name or remove it first.").arg(sessionPath));

    QFile examFile(examPath);
    if (!examFile.open(QIODevice::ReadOnly))
        return fail(ExitBadInput, tr("Cannot read the exam %1: %2.").arg(examPath, examFile.errorString()));
    const Result<Exam> exam = Exam::fromJson(examFile.readAll(), QFileInfo(examPath).fileName());
    if (!exam)
        return failWith(exam.error());
    const Result<std::unique_ptr<SessionDatabase>> session = SessionDatabase::create(sessionPath, exam.value());
    if (!session)
        return failWith(session.error());
    out() << tr("Created %1 for \"%2\" (%n question(s)).", nullptr, int(exam->questions.size()))
                 .arg(sessionPath, exam->title)
          << Qt::endl;
    return ExitOk;
}

int commandImport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Add scanned copies to a session. Nothing is stored unless every PDF is valid."));
    parser.addPositionalArgument(QStringLiteral("SESSION"), tr("The session file."));
    parser.addPositionalArgument(QStringLiteral("PDF"), tr("One PDF per copy, or big scans to split."),
                                 QStringLiteral("PDF..."));
    const QCommandLineOption pagesOption(QStringLiteral("pages-per-copy"),
                                         tr("Split every PDF into copies of N pages."), QStringLiteral("N"));
    const QCommandLineOption rosterOption(QStringLiteral("roster"),
                                          tr("A CSV with a 'name' column (and optional 'id', 'email') naming the "
                                             "copies in order."),
                                          QStringLiteral("CSV"));
    const QCommandLineOption passwordOption(QStringLiteral("password-file"),
                                            tr("A file whose first line is the password of protected PDFs."),
                                            QStringLiteral("FILE"));
    const QCommandLineOption duplicateOption(QStringLiteral("allow-duplicate"),
                                             tr("Import a scan even if its copies are already in the session."));
    parser.addOptions({pagesOption, rosterOption, passwordOption, duplicateOption});
    int exitCode = ExitOk;
    if (!parse(parser, arguments, 2, &exitCode))
        return exitCode;

    ImportRequest request;
    request.pdfPaths = parser.positionalArguments().mid(1);
    if (parser.isSet(pagesOption)) {
        bool ok = false;
        request.pagesPerCopy = parser.value(pagesOption).toInt(&ok);
        if (!ok || request.pagesPerCopy < 1)
            return fail(ExitBadInput, tr("--pages-per-copy takes a whole number of pages, 1 or more (got \"%1\").")
                                          .arg(parser.value(pagesOption)));
    }
    request.rosterPath = parser.value(rosterOption);
    request.allowDuplicate = parser.isSet(duplicateOption);
    if (parser.isSet(passwordOption)) {
        QFile file(parser.value(passwordOption));
        if (!file.open(QIODevice::ReadOnly))
            return fail(ExitBadInput, tr("Cannot read the password file %1: %2.")
                                          .arg(parser.value(passwordOption), file.errorString()));
        request.password = QString::fromUtf8(file.readLine()).remove(QLatin1Char('\r')).remove(QLatin1Char('\n'));
    }

    Result<std::unique_ptr<SessionDatabase>> session = openSession(parser.positionalArguments().constFirst());
    if (!session)
        return failWith(session.error());

    TerminalProgress progress(tr("Checking PDFs"));
    const Result<ImportOutcome> outcome = SessionImport::run(
        *session.value(), request,
        [&progress](int done, int total, const QString &fileName) { progress.update(done, total, fileName); });
    progress.finish();
    if (!outcome)
        return failWith(outcome.error());
    out() << tr("Imported %n copy(ies)", nullptr, int(outcome->copyIds.size())) << ' '
          << tr("from %n PDF(s).", nullptr, outcome->documents) << Qt::endl;
    return ExitOk;
}

QString formatPoints(double value)
{
    return QLocale().toString(value, 'g', 4);
}

int commandStatus(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Show the copies of a session and their grades."));
    parser.addPositionalArgument(QStringLiteral("SESSION"), tr("The session file."));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print JSON for scripts."));
    parser.addOption(jsonOption);
    int exitCode = ExitOk;
    if (!parse(parser, arguments, 1, &exitCode))
        return exitCode;
    const Result<std::unique_ptr<SessionDatabase>> session =
        openSession(parser.positionalArguments().constFirst(), SessionDatabase::Access::ReadOnly);
    if (!session)
        return failWith(session.error());
    const SessionDatabase &db = *session.value();
    const StatusReport report = StatusReport::build(db.exam(), db.copies(), db.grades());
    if (const Status read = db.takeReadError(); !read)
        return failWith(read.error());

    if (parser.isSet(jsonOption)) {
        QJsonObject json = report.toJson();
        const QList<BatchJob> jobs = db.batchJobs();
        if (!jobs.isEmpty()) {
            QJsonArray batches;
            for (const BatchJob &job : jobs) {
                batches.append(QJsonObject{
                    {QStringLiteral("provider"), job.provider},
                    {QStringLiteral("model"), job.model},
                    {QStringLiteral("id"), job.remoteId},
                    {QStringLiteral("tag"), job.localTag},
                    {QStringLiteral("state"), job.state},
                    {QStringLiteral("counts"), QJsonObject{{QStringLiteral("total"), job.total},
                                                           {QStringLiteral("completed"), job.completed},
                                                           {QStringLiteral("failed"), job.failed}}},
                    {QStringLiteral("submittedAt"), job.submittedAt.toString(Qt::ISODate)},
                    {QStringLiteral("finishedAt"), job.finishedAt.isValid() ? QJsonValue(job.finishedAt.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null)}});
            }
            json.insert(QStringLiteral("batches"), batches);
        }
        out() << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented));
        out().flush();
        return ExitOk;
    }
    const StatusSummary &summary = report.summary();
    out() << report.exam().title << Qt::endl;
    out() << tr("%n copy(ies):", nullptr, summary.copies) << ' '
          << tr("%1 graded, %2 to review, %3 failed, %4 pending")
                 .arg(summary.graded)
                 .arg(summary.needsReview)
                 .arg(summary.failed)
                 .arg(summary.pending);
    if (summary.submitted > 0)
        out() << QStringLiteral(", ") << tr("%n in a batch", nullptr, summary.submitted);
    out() << Qt::endl;
    for (const CopyReport &copy : report.copies()) {
        const QString total = copy.gradedQuestions > 0 ? formatPoints(copy.total) : QStringLiteral("-");
        QString status;
        switch (copy.copy.status) {
        case CopyStatus::Pending: status = tr("pending"); break;
        case CopyStatus::Graded: status = tr("graded"); break;
        case CopyStatus::Failed: status = tr("failed"); break;
        case CopyStatus::NeedsReview: status = tr("to review"); break;
        case CopyStatus::Submitted: status = tr("in a batch"); break;
        }
        out() << QStringLiteral("  %1  %2  %3  %4/%5")
                     .arg(copy.copy.label.leftJustified(9), copy.copy.studentName.leftJustified(24),
                          status.leftJustified(10), total.rightJustified(5), formatPoints(copy.maxTotal));
        if (!copy.copy.error.isEmpty())
            out() << "  " << copy.copy.error;
        out() << Qt::endl;
    }
    return ExitOk;
}

int commandRubric(const QStringList &arguments)
{
    // Drafting takes the provider options; it has its own parser.
    if (arguments.contains(QStringLiteral("--generate")))
        return commandRubricGenerate(arguments);
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Show the rubric of every question."));
    parser.addPositionalArgument(QStringLiteral("SESSION"), tr("The session file."));
    const QCommandLineOption showOption(QStringLiteral("show"), tr("Print the rubrics (the default)."));
    const QCommandLineOption generateOption(QStringLiteral("generate"),
                                            tr("Draft the missing rubrics with a model."));
    parser.addOptions({showOption, generateOption});
    int exitCode = ExitOk;
    if (!parse(parser, arguments, 1, &exitCode))
        return exitCode;
    if (parser.isSet(generateOption))
        return commandRubricGenerate(arguments);
    const Result<std::unique_ptr<SessionDatabase>> session =
        openSession(parser.positionalArguments().constFirst(), SessionDatabase::Access::ReadOnly);
    if (!session)
        return failWith(session.error());
    const Exam exam = session.value()->exam();
    out() << exam.title << Qt::endl;
    for (const Question &question : exam.questions) {
        out() << Qt::endl
              << tr("%1 (%2 points)").arg(question.displayLabel(), formatPoints(question.maxPoints)) << Qt::endl;
        if (!question.text.isEmpty())
            out() << "  " << question.text << Qt::endl;
        if (!question.rubric || question.rubric->isEmpty()) {
            out() << "  " << tr("No rubric yet.") << Qt::endl;
            continue;
        }
        const Rubric &rubric = *question.rubric;
        QString origin;
        switch (rubric.origin) {
        case RubricOrigin::Exam: origin = tr("from the exam file"); break;
        case RubricOrigin::Ai: origin = tr("drafted by a model, not reviewed"); break;
        case RubricOrigin::Teacher: origin = tr("written by the teacher"); break;
        }
        out() << "  " << tr("Rubric (%1):").arg(origin) << Qt::endl;
        for (const Criterion &criterion : rubric.criteria)
            out() << QStringLiteral("    [%1] %2").arg(formatPoints(criterion.points), criterion.description)
                  << Qt::endl;
        if (!rubric.guidelines.isEmpty())
            out() << "  " << tr("Guidelines: %1").arg(rubric.guidelines) << Qt::endl;
        if (rubric.criteriaTotal() != question.maxPoints)
            out() << "  " << tr("Note: the criteria add up to %1 of %2 points.")
                                 .arg(formatPoints(rubric.criteriaTotal()), formatPoints(question.maxPoints))
                  << Qt::endl;
    }
    return ExitOk;
}

} // namespace

int runCommand(const QStringList &arguments)
{
    if (arguments.size() < 2) {
        err() << usage() << Qt::endl;
        return ExitBadInput;
    }
    const QString command = arguments.at(1);
    // Each command parses its own options; the command name takes the program's place.
    const QStringList rest = QStringList{QStringLiteral("corrige-cli ") + command} + arguments.mid(2);
    if (command == QLatin1String("new"))
        return commandNew(rest);
    if (command == QLatin1String("import"))
        return commandImport(rest);
    if (command == QLatin1String("status"))
        return commandStatus(rest);
    if (command == QLatin1String("rubric"))
        return commandRubric(rest);
    if (command == QLatin1String("--help") || command == QLatin1String("-h") || command == QLatin1String("help")) {
        out() << usage() << Qt::endl;
        return ExitOk;
    }
    if (command == QLatin1String("--version")) {
        out() << AppInfo::versionLine() << Qt::endl;
        return ExitOk;
    }
    if (command == QLatin1String("grade"))
        return commandGrade(rest);
    if (command == QLatin1String("export"))
        return commandExport(rest);
    if (command == QLatin1String("batch"))
        return commandBatch(rest);
    err() << tr("corrige-cli: unknown command '%1'.").arg(command) << Qt::endl << usage() << Qt::endl;
    return ExitBadInput;
}

} // namespace Corrige::Cli
