#include "core/workflow/sessionimport.h"

#include "core/pdf/importplanner.h"
#include "core/pdf/pdfinspector.h"
#include "core/pdf/rostercsv.h"
#include "core/session/sessiondatabase.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSet>

namespace Corrige::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Corrige::Core::SessionImport", text);
}

} // namespace

QStringList SessionImport::alreadyImported(const SessionDatabase &session, const QList<QByteArray> &sha256s)
{
    QSet<qint64> used;
    for (const Copy &copy : session.copies()) {
        for (const PageRef &page : copy.pages)
            used.insert(page.documentId);
    }
    QStringList names;
    for (const StoredDocument &document : session.documents()) {
        if (used.contains(document.id) && sha256s.contains(document.sha256))
            names.append(document.fileName);
    }
    return names;
}

Result<ImportOutcome> SessionImport::run(SessionDatabase &session, const ImportRequest &request,
                                         const Progress &progress)
{
    if (request.pdfPaths.isEmpty())
        return Result<ImportOutcome>::failure(ErrorCode::InvalidInput, tr("No PDF to import. Name one or more PDF files."));
    if (request.pagesPerCopy < 0)
        return Result<ImportOutcome>::failure(ErrorCode::InvalidInput,
                                              tr("The number of pages per copy must be 1 or more."));

    QList<RosterEntry> roster;
    if (!request.rosterPath.isEmpty()) {
        QFile file(request.rosterPath);
        if (!file.open(QIODevice::ReadOnly))
            return Result<ImportOutcome>::failure(ErrorCode::FileUnreadable,
                                                  tr("Cannot read the roster %1: %2. Check the path and try again.")
                                                      .arg(request.rosterPath, file.errorString()));
        Result<QList<RosterEntry>> parsed = RosterCsv::parse(file.readAll(), QFileInfo(request.rosterPath).fileName());
        if (!parsed)
            return parsed.error();
        roster = parsed.value();
    }

    QSet<QByteArray> stored;
    for (const StoredDocument &document : session.documents())
        stored.insert(document.sha256);

    ImportOutcome outcome;
    QList<ImportDocument> documents;
    QSet<QByteArray> seen;
    int done = 0;
    for (const QString &path : request.pdfPaths) {
        Result<ImportDocument> document = PdfInspector::load(path, request.password);
        if (!document)
            return document.error();
        if (seen.contains(document->sha256))
            return Result<ImportOutcome>::failure(
                ErrorCode::InvalidInput,
                tr("%1 is given twice (the same file under two names?). Import each scan once.")
                    .arg(QFileInfo(path).fileName()));
        seen.insert(document->sha256);
        if (!stored.contains(document->sha256))
            ++outcome.newDocuments;
        documents.append(std::move(document).value());
        ++done;
        if (progress)
            progress(done, int(request.pdfPaths.size()), QFileInfo(path).fileName());
    }
    outcome.documents = int(documents.size());
    if (!request.allowDuplicate) {
        QList<QByteArray> sha256s;
        for (const ImportDocument &document : std::as_const(documents))
            sha256s.append(document.sha256);
        const QStringList twice = alreadyImported(session, sha256s);
        if (!twice.isEmpty())
            return Result<ImportOutcome>::failure(
                ErrorCode::InvalidInput,
                tr("%1 is already in this session: importing it again would add its copies a second time. Leave it "
                   "out, or add --allow-duplicate to import it again on purpose.")
                    .arg(twice.join(QStringLiteral(", "))));
    }

    Result<ImportPlan> plan = ImportPlanner::plan(documents, request.pagesPerCopy, roster,
                                                  int(session.copies().size()) + 1);
    if (!plan)
        return plan.error();
    Result<QList<qint64>> ids = session.applyImport(plan.value());
    if (!ids)
        return ids.error();
    outcome.copyIds = ids.value();
    return outcome;
}

} // namespace Corrige::Core
