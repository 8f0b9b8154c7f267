#include "core/pdf/importplanner.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

namespace Corrige::Core {

namespace {

// The copy sizes that split `pageCount` pages evenly, leaving out 1 (one page per copy is rarely meant).
QString divisorList(int pageCount)
{
    QStringList divisors;
    for (int d = pageCount > 1 ? 2 : 1; d <= pageCount; ++d) {
        if (pageCount % d == 0)
            divisors.append(QString::number(d));
    }
    if (divisors.size() == 1)
        return divisors.first();
    const QString last = divisors.takeLast();
    //: The end of a list of numbers: "2, 4, 5 or 10".
    return ImportPlanner::tr("%1 or %2").arg(divisors.join(QStringLiteral(", ")), last);
}

} // namespace

Result<ImportPlan> ImportPlanner::plan(const QList<ImportDocument> &documents, int pagesPerCopy,
                                       const QList<RosterEntry> &roster, int firstPosition)
{
    if (documents.isEmpty())
        return Result<ImportPlan>::failure(ErrorCode::InvalidInput,
                                           ImportPlanner::tr("No PDF was given. Choose the scanned PDFs to import."));
    if (pagesPerCopy < 0)
        return Result<ImportPlan>::failure(
            ErrorCode::InvalidInput,
            ImportPlanner::tr("Pages per copy must be 0 (one copy per PDF) or more, not %1. Check --pages-per-copy.")
                .arg(pagesPerCopy));

    ImportPlan plan;
    plan.documents = documents;
    int position = firstPosition;
    for (qsizetype documentIndex = 0; documentIndex < documents.size(); ++documentIndex) {
        const ImportDocument &document = documents.at(documentIndex);
        if (document.pageCount <= 0)
            return Result<ImportPlan>::failure(
                ErrorCode::EmptyPdf,
                ImportPlanner::tr("%1 has no pages. Choose the PDF that contains the scans.").arg(document.fileName));
        const int size = pagesPerCopy == 0 ? document.pageCount : pagesPerCopy;
        if (document.pageCount % size != 0)
            return Result<ImportPlan>::failure(
                ErrorCode::BadPageSplit,
                ImportPlanner::tr("%1 has %2 pages, which cannot be split into copies of %3 pages. Check --pages-per-copy "
                   "(for example %4 would fit).")
                    .arg(document.fileName)
                    .arg(document.pageCount)
                    .arg(size)
                    .arg(divisorList(document.pageCount)));
        for (int first = 0; first < document.pageCount; first += size) {
            PlannedCopy copy;
            copy.label = ImportPlanner::tr("Copy %1").arg(position++);
            copy.documentIndex = int(documentIndex);
            for (int page = first; page < first + size; ++page)
                copy.pageIndexes.append(page);
            plan.copies.append(copy);
        }
    }

    if (!roster.isEmpty()) {
        if (roster.size() != plan.copies.size())
            return Result<ImportPlan>::failure(
                ErrorCode::InvalidInput,
                ImportPlanner::tr("The roster has %1 names but the scans make %2 copies. Make the roster list one student "
                   "per copy, in scan order, or check --pages-per-copy.")
                    .arg(roster.size())
                    .arg(plan.copies.size()));
        for (qsizetype i = 0; i < roster.size(); ++i) {
            PlannedCopy &copy = plan.copies[i];
            copy.studentName = roster.at(i).name;
            copy.studentId = roster.at(i).id;
            copy.studentEmail = roster.at(i).email;
            copy.studentUsername = roster.at(i).username;
        }
    }
    return plan;
}

} // namespace Corrige::Core
