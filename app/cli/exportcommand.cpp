#include "app/cli/exportcommand.h"

#include "app/cli/clioutput.h"

#include "app/cli/clicommands.h"
#include "app/cli/signalwatcher.h"
#include "app/cli/terminalprogress.h"
#include "core/export/annotatedpdfexporter.h"
#include "core/export/csvexporter.h"
#include "core/export/statusreport.h"
#include "core/session/sessiondatabase.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
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

int exportCsv(const SessionDatabase &db, CsvPreset preset, const QString &path, bool force)
{
    const StatusReport report = StatusReport::build(db.exam(), db.copies(), db.grades());
    const Status written = CsvExporter::writeFile(path, CsvExporter::exportReport(preset, report), force);
    if (!written)
        return fail(written.error().code == ErrorCode::InvalidInput ? ExitBadInput : ExitFailure,
                    written.errorString());
    out() << tr("Wrote %1 (%n copy(ies)).", nullptr, int(report.copies().size())).arg(path) << Qt::endl;
    printNotes(CsvExporter::notes(preset, report));
    return ExitOk;
}

int exportPdf(const SessionDatabase &db, const QString &directory, bool force)
{
    AnnotatedPdfJob job;
    job.exam = db.exam();
    job.copies = db.copies();
    job.grades = db.grades();
    job.loadDocument = [&db](qint64 documentId) { return db.documentData(documentId); };
    job.directory = directory;
    job.overwrite = force;

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
        return fail(outcome.error().code == ErrorCode::InvalidInput ? ExitBadInput : ExitFailure,
                    outcome.errorString());
    const QString folder = QDir::toNativeSeparators(QDir(directory).absolutePath());
    if (outcome->cancelled) {
        err() << tr("Interrupted: %1 of %2 PDFs written to %3.")
                           .arg(outcome->files.size())
                           .arg(job.copies.size())
                           .arg(folder)
                    << Qt::endl;
        return ExitInterrupted;
    }
    out() << tr("Wrote %n annotated PDF(s) to %1.", nullptr, int(outcome->files.size())).arg(folder) << Qt::endl;
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
        tr("Export a session's grades: a spreadsheet (csv: every question; moodle: for Moodle's grade import; "
           "pronote: semicolons and decimal commas, with the mark out of 20), or one annotated PDF per copy (pdf)."));
    parser.addPositionalArgument(QStringLiteral("SESSION"), tr("The session file."));
    const QCommandLineOption formatOption(QStringLiteral("format"), tr("csv, moodle, pronote or pdf."),
                                          QStringLiteral("FORMAT"));
    const QCommandLineOption outOption(QStringLiteral("out"),
                                       tr("The file to write; for pdf, the folder to write the PDFs in (created if "
                                          "missing)."),
                                       QStringLiteral("PATH"));
    const QCommandLineOption forceOption(QStringLiteral("force"), tr("Replace files that already exist."));
    parser.addOptions({formatOption, outOption, forceOption});
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
        return fail(ExitBadInput, tr("'export' needs --format csv, moodle, pronote or pdf."));
    const QString format = parser.value(formatOption);
    const std::optional<CsvPreset> preset = CsvExporter::presetFromName(format);
    if (!preset && format != QLatin1String("pdf"))
        return fail(ExitBadInput, tr("Unknown format \"%1\" for --format: use csv, moodle, pronote or pdf.").arg(format));
    if (!parser.isSet(outOption) || parser.value(outOption).isEmpty())
        return fail(ExitBadInput, preset ? tr("'export' needs --out FILE, the file to write.")
                                         : tr("'export' needs --out FOLDER, the folder to write the PDFs in."));
    const QString out = parser.value(outOption);
    const bool force = parser.isSet(forceOption);

    // Refuse what cannot work before opening the session.
    const QFileInfo outInfo(out);
    if (preset && outInfo.isDir())
        return fail(ExitBadInput, tr("%1 is a folder. Give the name of the file to write.").arg(out));
    if (preset && outInfo.exists() && !force)
        return fail(ExitBadInput, tr("%1 already exists. Choose another name, or add --force to replace it.").arg(out));
    if (!preset && outInfo.exists() && !outInfo.isDir())
        return fail(ExitBadInput, tr("%1 is a file. Give the folder where the PDFs should go.").arg(out));

    const QString sessionPath = positional.constFirst();
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
    if (!preset && !force) {
        for (const Copy &copy : db.copies()) {
            const QString path = QDir(out).filePath(AnnotatedPdfExporter::fileName(copy));
            if (QFileInfo::exists(path))
                return fail(ExitBadInput,
                            tr("%1 already exists. Choose another folder, or add --force to replace the PDFs.").arg(path));
        }
    }
    return preset ? exportCsv(db, *preset, out, force) : exportPdf(db, out, force);
}

} // namespace Corrige::Cli
