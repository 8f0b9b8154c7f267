#pragma once

#include "core/domain/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QLocale>
#include <QString>
#include <QStringList>

#include <optional>

namespace Corrige::Core {

class StatusReport;

// The spreadsheet files a teacher takes elsewhere.
enum class CsvPreset {
    Plain,   // "csv": every question, the total, the status, its reason and the flags
    Moodle,  // "moodle": the identifier Moodle maps users from, the total, optionally a feedback column
    Pronote, // "pronote": "NOM Prénom" in Pronote's order, the total as is and out of 20, for a paste
};

// How the plain CSV is spelled.
enum class CsvDialect {
    Rfc4180, // "rfc4180": UTF-8 without BOM, commas, decimal points, text exactly as stored (for scripts)
    ExcelFr, // "excel-fr": UTF-8 with BOM, semicolons, decimal commas, formula guard (French Excel, LibreOffice)
};

// The user field Moodle's "Import grades from CSV" maps rows to.
enum class MoodleIdentifier { Email, IdNumber, Username };

struct CsvOptions {
    CsvDialect dialect = CsvDialect::Rfc4180;           // the plain preset only
    MoodleIdentifier moodleIdentifier = MoodleIdentifier::Email;
    bool moodleFeedback = false;                         // a "Feedback" column for Moodle's feedback mapping
};

// Turns a session's grades into CSV bytes. Pure: the same report always gives the same bytes.
//
// Every preset writes the effective grade of each question (the teacher's over the AI's), never a dual-mode
// question the teacher has not decided, RFC 4180 quoting with CRLF line ends, and a total only when every question
// of the copy has a grade.
//
// Moodle: one row per copy that has the chosen identifier, written byte for byte (Moodle evaluates no formula, and
// a changed identifier stops its whole import); a copy without it is left out and named in the notes, since Moodle
// would give its grade to the student of the row above. "-" where there is no grade (Moodle reads an empty cell as
// 0 for a new grade item). The feedback is written for the student: the justifications and the teacher's comments,
// never a flag or an error.
class CsvExporter
{
    Q_DECLARE_TR_FUNCTIONS(Corrige::Core::CsvExporter)

public:
    static QByteArray exportReport(CsvPreset preset, const StatusReport &report, const CsvOptions &options = {});

    // What the teacher should know before importing the file (copies left out and who they are, copies without a
    // grade, the maximum to give the grade item). Translated sentences, empty when there is nothing to say.
    static QStringList notes(CsvPreset preset, const StatusReport &report, const CsvOptions &options = {});

    // The copies a Moodle export leaves out for want of the identifier: "#3 Jane Doe".
    static QStringList moodleLeftOut(const StatusReport &report, MoodleIdentifier identifier);
    // How many copies have the identifier (to suggest one in the GUI).
    static int moodleCount(const StatusReport &report, MoodleIdentifier identifier);

    // "NOM Prénom" from a stored name ("Marie Dupont", "Dupont, Marie", "DUPONT Marie", "Marie DE LA TOUR").
    static QString pronoteName(const QString &name);

    // "csv", "moodle", "pronote" (the names of `corrige-cli export --format`).
    static std::optional<CsvPreset> presetFromName(const QString &name);
    static QString presetName(CsvPreset preset);
    // "rfc4180", "excel-fr".
    static std::optional<CsvDialect> dialectFromName(const QString &name);
    static QString dialectName(CsvDialect dialect);
    // excel-fr when the interface speaks French, else rfc4180.
    static CsvDialect defaultDialect(const QString &interfaceLanguage);
    // "email", "idnumber", "username".
    static std::optional<MoodleIdentifier> moodleIdentifierFromName(const QString &name);
    static QString moodleIdentifierName(MoodleIdentifier identifier);

    // Writes `data` to `path` through ExportFile (atomic; a session file is never a target).
    static Status writeFile(const QString &path, const QByteArray &data, bool overwrite);
};

} // namespace Corrige::Core
