#pragma once

#include "core/domain/importplan.h"
#include "core/domain/result.h"
#include "core/pdf/rostercsv.h"

#include <QCoreApplication>
#include <QList>

namespace Corrige::Core {

// Turns validated PDFs into the copies an import creates.
class ImportPlanner
{
    Q_DECLARE_TR_FUNCTIONS(Corrige::Core::ImportPlanner)

public:
    // pagesPerCopy == 0: each document is one copy (all its pages). pagesPerCopy > 0: every document is cut
    // every pagesPerCopy pages; a page count that does not divide gives BadPageSplit, naming the file and
    // the splits that would fit. Copies are labelled "Copy <n>" with n counting from firstPosition across
    // all documents, in order. A non-empty roster must have exactly one entry per copy (InvalidInput
    // otherwise, naming both counts); its names, ids and emails go to the copies in order.
    static Result<ImportPlan> plan(const QList<ImportDocument> &documents, int pagesPerCopy,
                                   const QList<RosterEntry> &roster = {}, int firstPosition = 1);
};

} // namespace Corrige::Core
