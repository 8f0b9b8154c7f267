#include "app/cli/exportcommand.h"

#include "app/cli/clioutput.h"

#include "app/cli/clicommands.h"
#include "app/cli/signalwatcher.h"
#include "app/cli/terminalprogress.h"
#include "core/export/annotatedpdfexporter.h"
#include "core/export/csvexporter.h"
#include "core/export/exportfile.h"
#include "core/export/reviewgate.h"
#include "core/export/statusreport.h"
#include "core/export/xlsxexporter.h"
#include "core/session/sessiondatabase.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QTextStream>

#include <atomic>
#include <cstring>

namespace Corrige::Cli {

using namespace Corrige::Core;

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Corrige::Cli", text, disambiguation, n);
}

// The user's to fix (exit 2), or a failure to read the session or write the export (exit 1).
int failWith(const Error &error)
{
    return fail(error.code == ErrorCode::InvalidInput || error.code == ErrorCode::FileNotFound
                        || error.code == ErrorCode::NotASession || error.code == ErrorCode::NewerSession
                        || error.code == ErrorCode::CorruptSession || error.code == ErrorCode::FileUnreadable
                    ? ExitBadInput
                    : ExitFailure,
                error.message);
}

void printNotes(const QStringList &notes)
{
    for (const QString &note : notes)
        err() << tr("Note: %1").arg(note) << Qt::endl;
}

// The copies that should not leave without the teacher knowing. Without --allow-unreviewed: listed, exit 3.
bool passesReviewGate(const StatusReport &report, bool allowUnreviewed, int *exitCode)
{
    const QList<ReviewItem> items = ReviewGate::items(report);
    if (items.isEmpty())
        return true;
    const QStringList lines = ReviewGate::lines(items);
    if (!allowUnreviewed) {
        err() << tr("corrige-cli: %n copy(ies) need review, failed, or are not graded:", nullptr, int(items.size()))
              << Qt::endl;
        for (const QString &line : lines)
            err() << QStringLiteral("  ") << line << Qt::endl;
        err() << tr("Review them first (corrige-cli status, corrige-cli score), or add --allow-unreviewed to export "
                    "anyway.")
              << Qt::endl;
        *exitCode = ExitSomeFailed;
        return false;
    }
    err() << tr("Exporting with %n copy(ies) not reviewed:", nullptr, int(items.size())) << Qt::endl;
    for (const QString &line : lines)
        err() << QStringLiteral("  ") << line << Qt::endl;
    return true;
}

int failWrite(const Error &error)
{
    return fail(error.code == ErrorCode::InvalidInput ? ExitBadInput : ExitFailure, error.message);
}

int exportFile(const QByteArray &data, const QString &path, bool force, int copies, const QStringList &notes)
{
    const Status written = ExportFile::write(path, data, force);
    if (!written)
        return failWrite(written.error());
    out() << tr("Wrote %1 (%n copy(ies)).", nullptr, copies).arg(QDir::toNativeSeparators(path)) << Qt::endl;
    printNotes(notes);
    return ExitOk;
}

int exportPdf(const SessionDatabase &db, const StatusReport &report, const QString &directory, bool force,
              const QString &merged)
{
    AnnotatedPdfJob job;
    job.exam = db.exam();
    job.copies = db.copies();
    job.grades = db.grades();
    job.comments = db.comments();
    job.loadDocument = [&db](qint64 documentId) { return db.documentData(documentId); };
    job.directory = directory;
    job.overwrite = force;
    job.mergedFile = merged;

    // A first Ctrl+C stops after the PDF being written; the PDFs already written stay.
    SignalWatcher watcher;
    std::atomic_bool cancel = false;
    QObject::connect(&watcher, &SignalWatcher::interrupted, &watcher, [&cancel](int) { cancel = true; });
    TerminalProgress progress(tr("Writing PDFs"));
    const Result<AnnotatedPdfOutcome> outcome = AnnotatedPdfExporter::run(
        job,
        [&progress](int done, int total, const QString &fileName) {
            progress.update(done, total, fileName);
            QCoreApplication::processEvents(); // delivers a pending interrupt
        },
        &cancel);
    progress.finish();
    if (!outcome)
        return failWrite(outcome.error());
    const QString folder = QDir::toNativeSeparators(QDir(directory).absolutePath());
    if (outcome->cancelled) {
        err() << tr("Interrupted: %1 of %2 PDFs written to %3.")
                     .arg(outcome->files.size())
                     .arg(outcome->planned)
                     .arg(folder)
              << Qt::endl;
        return ExitInterrupted;
    }
    out() << tr("Wrote %n annotated PDF(s) to %1.", nullptr, int(outcome->files.size())).arg(folder) << Qt::endl;
    if (!outcome->mergedFile.isEmpty())
        out() << tr("Wrote %1, every PDF in class order, for printing.").arg(QDir::toNativeSeparators(outcome->mergedFile))
              << Qt::endl;
    for (const QString &skipped : outcome->skipped)
        err() << tr("Note: no PDF for %1.").arg(skipped) << Qt::endl;
    Q_UNUSED(report);
    return ExitOk;
}

} // namespace

bool needsGuiApplication(int argc, char *argv[])
{
    if (argc < 2 || std::strcmp(argv[1], "export") != 0)
        return false;
    for (int i = 2; i < argc; ++i) {
        if (std::strcmp(argv[i], "--format=pdf") == 0
            || (std::strcmp(argv[i], "--format") == 0 && i + 1 < argc && std::strcmp(argv[i + 1], "pdf") == 0))
            return true;
    }
    return false;
}

int commandExport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Export a session's grades: a spreadsheet (xlsx: numbers, text and statistics; csv: every question, for "
           "scripts or a spreadsheet; moodle: for Moodle's grade import; pronote: in Pronote's order, to paste), or "
           "one annotated PDF per copy (pdf). Copies that need review, failed or are not graded stop the export "
           "(exit 3) unless --allow-unreviewed."));
    parser.addPositionalArgument(QStringLiteral("SESSION"), tr("The session file."));
    const QCommandLineOption formatOption(QStringLiteral("format"), tr("csv, xlsx, moodle, pronote or pdf."),
                                          QStringLiteral("FORMAT"));
    const QCommandLineOption outOption(QStringLiteral("out"),
                                       tr("The file to write; for pdf, the folder to write the PDFs in (created if "
                                          "missing)."),
                                       QStringLiteral("PATH"));
    const QCommandLineOption forceOption(QStringLiteral("force"), tr("Replace files that already exist."));
    const QCommandLineOption allowOption(QStringLiteral("allow-unreviewed"),
                                         tr("Export even if some copies need review, failed or are not graded (they "
                                            "are listed)."));
    const QCommandLineOption dialectOption(QStringLiteral("csv-dialect"),
                                           tr("For csv: excel-fr (semicolons, decimal commas, BOM; the default in "
                                              "French) or rfc4180 (commas, decimal points; the default otherwise)."),
                                           QStringLiteral("DIALECT"));
    const QCommandLineOption moodleIdOption(QStringLiteral("moodle-id"),
                                            tr("For moodle: the identifier Moodle maps users from: email (the "
                                               "default), idnumber or username. Copies without it are left out."),
                                            QStringLiteral("FIELD"));
    const QCommandLineOption feedbackOption(QStringLiteral("feedback"),
                                            tr("For moodle: add a Feedback column (each question's justification "
                                               "and your comments)."));
    const QCommandLineOption mergedOption(QStringLiteral("merged"),
                                          tr("For pdf: also write every PDF into this one file, in class order, "
                                             "for printing."),
                                          QStringLiteral("FILE"));
    parser.addOptions({formatOption, outOption, forceOption, allowOption, dialectOption, moodleIdOption,
                       feedbackOption, mergedOption});
    int exitCode = ExitOk;
    if (!parseArguments(parser, arguments, &exitCode))
        return exitCode;
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return fail(ExitBadInput, tr("'export' needs the session file: corrige-cli export SESSION --format FORMAT "
                                     "--out PATH."));
    if (positional.size() > 1)
        return fail(ExitBadInput, tr("'export' takes one session file, but got also \"%1\".").arg(positional.at(1)));
    if (!parser.isSet(formatOption))
        return fail(ExitBadInput, tr("'export' needs --format csv, xlsx, moodle, pronote or pdf."));
    const QString format = parser.value(formatOption);
    const std::optional<CsvPreset> preset = CsvExporter::presetFromName(format);
    const bool xlsx = format == QLatin1String("xlsx");
    const bool pdf = format == QLatin1String("pdf");
    if (!preset && !xlsx && !pdf)
        return fail(ExitBadInput,
                    tr("Unknown format \"%1\" for --format: use csv, xlsx, moodle, pronote or pdf.").arg(format));
    if (!parser.isSet(outOption) || parser.value(outOption).isEmpty())
        return fail(ExitBadInput, pdf ? tr("'export' needs --out FOLDER, the folder to write the PDFs in.")
                                      : tr("'export' needs --out FILE, the file to write."));

    CsvOptions csvOptions;
    csvOptions.dialect = CsvExporter::defaultDialect(QLocale::system().language() == QLocale::French
                                                         ? QStringLiteral("fr")
                                                         : QStringLiteral("en"));
    if (parser.isSet(dialectOption)) {
        if (preset != CsvPreset::Plain)
            return fail(ExitBadInput, tr("--csv-dialect is for --format csv only."));
        const std::optional<CsvDialect> dialect = CsvExporter::dialectFromName(parser.value(dialectOption));
        if (!dialect)
            return fail(ExitBadInput, tr("Unknown dialect \"%1\" for --csv-dialect: use excel-fr or rfc4180.")
                                          .arg(parser.value(dialectOption)));
        csvOptions.dialect = *dialect;
    }
    if (parser.isSet(moodleIdOption) || parser.isSet(feedbackOption)) {
        if (preset != CsvPreset::Moodle)
            return fail(ExitBadInput, tr("--moodle-id and --feedback are for --format moodle only."));
    }
    if (parser.isSet(moodleIdOption)) {
        const std::optional<MoodleIdentifier> identifier =
            CsvExporter::moodleIdentifierFromName(parser.value(moodleIdOption));
        if (!identifier)
            return fail(ExitBadInput, tr("Unknown identifier \"%1\" for --moodle-id: use email, idnumber or username.")
                                          .arg(parser.value(moodleIdOption)));
        csvOptions.moodleIdentifier = *identifier;
    }
    csvOptions.moodleFeedback = parser.isSet(feedbackOption);
    if (parser.isSet(mergedOption) && !pdf)
        return fail(ExitBadInput, tr("--merged is for --format pdf only."));
    const QString merged = parser.value(mergedOption);

    const QString out = parser.value(outOption);
    const bool force = parser.isSet(forceOption);
    const QString sessionPath = positional.constFirst();

    // Refuse what cannot work before opening the session.
    if (ExportFile::isSessionFile(out) || (!merged.isEmpty() && ExportFile::isSessionFile(merged))
        || (QFileInfo::exists(sessionPath)
            && QFileInfo(out).absoluteFilePath() == QFileInfo(sessionPath).absoluteFilePath()))
        return fail(ExitBadInput, tr("%1 is a session file: an export never replaces a session. Choose another "
                                     "name.")
                                      .arg(QDir::toNativeSeparators(merged.isEmpty() || ExportFile::isSessionFile(out)
                                                                        ? out
                                                                        : merged)));
    const QFileInfo outInfo(out);
    if (!pdf) {
        const Status target = ExportFile::checkTarget(out, force);
        if (!target) {
            if (target.error().code == ErrorCode::InvalidInput && outInfo.exists() && !outInfo.isDir())
                return fail(ExitBadInput,
                            tr("%1 already exists. Choose another name, or add --force to replace it.").arg(out));
            return failWrite(target.error());
        }
    } else {
        if (outInfo.exists() && !outInfo.isDir())
            return fail(ExitBadInput, tr("%1 is a file. Give the folder where the PDFs should go.").arg(out));
        if (!merged.isEmpty()) {
            const Status target = ExportFile::checkTarget(merged, force);
            if (!target)
                return failWrite(target.error());
        }
    }

    if (!QFileInfo::exists(sessionPath))
        return fail(ExitBadInput, tr("The session %1 does not exist.").arg(sessionPath));
    // Exporting only reads: it works while another Corrige writes to the session.
    const Result<std::unique_ptr<SessionDatabase>> session =
        SessionDatabase::open(sessionPath, SessionDatabase::Access::ReadOnly);
    if (!session)
        return failWith(session.error());
    const SessionDatabase &db = *session.value();
    if (db.copies().isEmpty())
        return fail(ExitBadInput, tr("%1 has no copies to export yet. Import the scans first: corrige-cli import %1 "
                                     "PDF...")
                                      .arg(sessionPath));
    if (pdf && !force) {
        for (const Copy &copy : db.copies()) {
            const QString path = QDir(out).filePath(AnnotatedPdfExporter::fileName(copy));
            if (QFileInfo::exists(path))
                return fail(ExitBadInput,
                            tr("%1 already exists. Choose another folder, or add --force to replace the PDFs.").arg(path));
        }
    }
    const StatusReport report = StatusReport::build(db.exam(), db.copies(), db.grades(), db.comments());
    if (!passesReviewGate(report, parser.isSet(allowOption), &exitCode))
        return exitCode;

    const int copies = int(report.copies().size());
    if (pdf)
        return exportPdf(db, report, out, force, merged);
    if (xlsx) {
        const Result<QByteArray> data = XlsxExporter::exportReport(report);
        if (!data)
            return failWrite(data.error());
        return exportFile(data.value(), out, force, copies, {});
    }
    const int rows = *preset == CsvPreset::Moodle ? CsvExporter::moodleCount(report, csvOptions.moodleIdentifier) : copies;
    return exportFile(CsvExporter::exportReport(*preset, report, csvOptions), out, force, rows,
                      CsvExporter::notes(*preset, report, csvOptions));
}

} // namespace Corrige::Cli
