#pragma once

#include "core/domain/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace Corrige::Core {

class StatusReport;

// The spreadsheet files a teacher takes elsewhere.
enum class CsvPreset {
    Plain,   // "csv": every question, the total, the status and the flags
    Moodle,  // "moodle": an identifier and the total, for Moodle's "Import grades from CSV"
    Pronote, // "pronote": the student and the total (as is and out of 20), for a French spreadsheet
};

// Turns a session's grades into CSV bytes. Pure: the same report always gives the same bytes.
//
// Every preset: the effective grade of each question (the teacher's over the AI's), RFC 4180 quoting with CRLF
// line ends, empty cells (never 0) where there is no grade, and text cells that a spreadsheet would run as a
// formula (starting with = + - @, a tab or a carriage return) prefixed with an apostrophe. A total is written
// only when every question of the copy has a grade.
class CsvExporter
{
    Q_DECLARE_TR_FUNCTIONS(Corrige::Core::CsvExporter)

public:
    static QByteArray exportReport(CsvPreset preset, const StatusReport &report);

    // What the teacher should know before importing the file (copies left out, copies without a grade, the
    // maximum to give the grade item). Translated sentences, empty when there is nothing to say.
    static QStringList notes(CsvPreset preset, const StatusReport &report);

    // "csv", "moodle", "pronote" (the names of `corrige-cli export --format`).
    static std::optional<CsvPreset> presetFromName(const QString &name);
    static QString presetName(CsvPreset preset);

    // Writes `data` to `path` atomically (QSaveFile): an existing file is either replaced whole or left as it
    // was. Refuses to replace an existing file unless `overwrite` (InvalidInput); a write error is Internal.
    static Status writeFile(const QString &path, const QByteArray &data, bool overwrite);
};

} // namespace Corrige::Core
