#pragma once

#include "core/domain/result.h"

#include <QByteArray>
#include <QCoreApplication>

namespace Corrige::Core {

class StatusReport;

// The grades as a real spreadsheet (Office Open XML, written with libxlsxwriter).
//
// Sheet "Grades": one row per copy; the copy, the student, the ID and the email as text (no zero lost, nothing run
// as a formula); one column per question, then the total, the mark out of 20, the status, its reason and the flags.
// Scores are numbers shown to their question's step; a missing or undecided grade is an empty cell. The header row
// is frozen. Sheet "Statistics": for each question and the total, the mean, median, standard deviation (of the
// class, STDEVP), minimum and maximum as formulas over the first sheet, with their values cached for readers that
// do not compute.
class XlsxExporter
{
    Q_DECLARE_TR_FUNCTIONS(Corrige::Core::XlsxExporter)

public:
    static Result<QByteArray> exportReport(const StatusReport &report);
};

} // namespace Corrige::Core
