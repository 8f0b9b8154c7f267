#include "core/export/csvexporter.h"

#include "core/export/statusreport.h"

#include <QFileInfo>
#include <QSaveFile>

#include <cmath>

namespace Corrige::Core {

// Formats, as they stood when this was written:
//
// Moodle ("Import grades from CSV", docs.moodle.org/en/Grade_import, and grade/import/csv in moodle/moodle):
// the file is UTF-8 (a BOM is stripped), comma-separated, one row per student with a header row. On the
// preview page the teacher maps one column to a user field ("Map from" a column, "Map to" Email address,
// ID number, username or user id) and each other column to a grade item, "new grade item" (named after the
// column header) or "ignore" (the default). A grade cell is read with unformat_float(), so a dot is always a
// decimal point; an empty cell is imported as "no grade". A row whose user cannot be found stops the whole
// import, and a row whose identifier cell is empty is given to the student of the row above (the mapped user
// is not reset between rows), so rows without any identifier are left out and the notes say which column to
// map. Grades are not scaled: the grade item's maximum must be the exam's.
//
// Pronote (Index Éducation) has no published CSV format for a test's marks: teachers type them or paste a
// column copied from a spreadsheet into the test's column. The file is therefore made for a French
// spreadsheet: UTF-8 with a BOM (so Excel on Windows reads the accents), semicolons, decimal commas, the
// student, the total as is and the total out of 20, at most two decimals.
//
// The plain preset is RFC 4180 with a BOM, commas and decimal points.

namespace {

constexpr char bom[] = "\xEF\xBB\xBF";

struct Format {
    QChar separator;
    QChar decimalPoint;
    int decimals = 2;
    bool byteOrderMark = true;
};

Format formatOf(CsvPreset preset)
{
    switch (preset) {
    case CsvPreset::Plain: return {QLatin1Char(','), QLatin1Char('.'), 3, true};
    case CsvPreset::Moodle: return {QLatin1Char(','), QLatin1Char('.'), 3, false};
    case CsvPreset::Pronote: return {QLatin1Char(';'), QLatin1Char(','), 2, true};
    }
    return {QLatin1Char(','), QLatin1Char('.'), 3, true};
}

// Rounded to `decimals`, without trailing zeros: 2.5, 0.25, 3.
QString number(double value, const Format &format)
{
    const double scale = std::pow(10.0, format.decimals);
    double rounded = std::round(value * scale) / scale;
    if (rounded == 0.0)
        rounded = 0.0; // no "-0"
    QString text = QString::number(rounded, 'f', format.decimals);
    if (text.contains(QLatin1Char('.'))) {
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(QLatin1Char('.')))
            text.chop(1);
    }
    text.replace(QLatin1Char('.'), format.decimalPoint);
    return text;
}

// A text cell a spreadsheet will not run as a formula.
QString text(const QString &value)
{
    if (!value.isEmpty()) {
        const QChar first = value.front();
        if (first == QLatin1Char('=') || first == QLatin1Char('+') || first == QLatin1Char('-')
            || first == QLatin1Char('@') || first == QLatin1Char('\t') || first == QLatin1Char('\r'))
            return QLatin1Char('\'') + value;
    }
    return value;
}

// RFC 4180: a field holding the separator, a quote or a line break is quoted, its quotes doubled.
QString quoted(const QString &field, const Format &format)
{
    if (!field.contains(format.separator) && !field.contains(QLatin1Char('"')) && !field.contains(QLatin1Char('\n'))
        && !field.contains(QLatin1Char('\r')))
        return field;
    QString escaped = field;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

void appendRow(QString &out, const QStringList &fields, const Format &format)
{
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            out += format.separator;
        out += quoted(fields.at(i), format);
    }
    out += QStringLiteral("\r\n");
}

bool isComplete(const CopyReport &copy)
{
    return !copy.questions.isEmpty() && copy.gradedQuestions == copy.questions.size();
}

QString statusText(const Copy &copy)
{
    switch (copy.status) {
    case CopyStatus::Pending: return CsvExporter::tr("pending");
    case CopyStatus::Submitted: return CsvExporter::tr("in a batch");
    case CopyStatus::Graded: return CsvExporter::tr("graded");
    case CopyStatus::NeedsReview: return CsvExporter::tr("to review");
    case CopyStatus::Failed:
        return copy.error.isEmpty() ? CsvExporter::tr("failed") : CsvExporter::tr("failed: %1").arg(copy.error);
    }
    return {};
}

QString flagsText(const Exam &exam, const CopyReport &copy)
{
    QStringList parts;
    for (qsizetype i = 0; i < copy.questions.size(); ++i) {
        const EffectiveGrade &grade = copy.questions.at(i);
        QStringList words;
        if (grade.flags.testFlag(GradeFlag::Blank))
            words.append(CsvExporter::tr("blank"));
        if (grade.flags.testFlag(GradeFlag::Illegible))
            words.append(CsvExporter::tr("illegible"));
        if (grade.flags.testFlag(GradeFlag::Suspicious))
            words.append(CsvExporter::tr("suspicious"));
        if (grade.flags.testFlag(GradeFlag::Clamped))
            words.append(CsvExporter::tr("clamped"));
        if (grade.flags.testFlag(GradeFlag::NeedsReview) && !grade.byTeacher)
            words.append(CsvExporter::tr("needs review"));
        if (words.isEmpty())
            continue;
        const QString label = i < exam.questions.size() ? exam.questions.at(i).displayLabel() : grade.questionId;
        //: One question's flags in the Flags column of a CSV export, e.g. "Question 2: blank, illegible"
        parts.append(CsvExporter::tr("%1: %2").arg(label, words.join(QStringLiteral(", "))));
    }
    return parts.join(QStringLiteral("; "));
}

QString plain(const StatusReport &report, const Format &format)
{
    const Exam &exam = report.exam();
    QString out;
    QStringList header{CsvExporter::tr("Copy"), CsvExporter::tr("Student"), CsvExporter::tr("Student ID"), CsvExporter::tr("Email")};
    for (const Question &question : exam.questions)
        //: CSV column of one question: its label and its maximum, e.g. "Question 1 (/4)"
        header.append(text(CsvExporter::tr("%1 (/%2)").arg(question.displayLabel(), number(question.maxPoints, format))));
    header << CsvExporter::tr("Total") << CsvExporter::tr("Max") << CsvExporter::tr("Status") << CsvExporter::tr("Flags");
    appendRow(out, header, format);

    for (const CopyReport &copy : report.copies()) {
        QStringList row{text(copy.copy.label), text(copy.copy.studentName), text(copy.copy.studentId),
                        text(copy.copy.studentEmail)};
        for (const EffectiveGrade &grade : copy.questions)
            row.append(grade.score ? number(*grade.score, format) : QString());
        row << (isComplete(copy) ? number(copy.total, format) : QString()) << number(copy.maxTotal, format)
            << text(statusText(copy.copy)) << text(flagsText(exam, copy));
        appendRow(out, row, format);
    }
    return out;
}

QString moodle(const StatusReport &report, const Format &format)
{
    QString out;
    // The total's header names the grade item Moodle creates when the column is mapped to "new grade item".
    const QString title = report.exam().title.trimmed();
    appendRow(out, {QStringLiteral("Email address"), QStringLiteral("ID number"), text(title.isEmpty() ? CsvExporter::tr("Total") : title)},
              format);
    for (const CopyReport &copy : report.copies()) {
        if (copy.copy.studentEmail.trimmed().isEmpty() && copy.copy.studentId.trimmed().isEmpty())
            continue;
        appendRow(out,
                  {text(copy.copy.studentEmail.trimmed()), text(copy.copy.studentId.trimmed()),
                   isComplete(copy) ? number(copy.total, format) : QString()},
                  format);
    }
    return out;
}

QString pronote(const StatusReport &report, const Format &format)
{
    QString out;
    appendRow(out, {QStringLiteral("Élève"), QStringLiteral("Note"), QStringLiteral("Note /20")}, format);
    for (const CopyReport &copy : report.copies()) {
        const bool complete = isComplete(copy);
        appendRow(out,
                  {text(copy.copy.displayName()), complete ? number(copy.total, format) : QString(),
                   complete && copy.maxTotal > 0 ? number(copy.total * 20.0 / copy.maxTotal, format) : QString()},
                  format);
    }
    return out;
}

} // namespace

QByteArray CsvExporter::exportReport(CsvPreset preset, const StatusReport &report)
{
    const Format format = formatOf(preset);
    QString body;
    switch (preset) {
    case CsvPreset::Plain: body = plain(report, format); break;
    case CsvPreset::Moodle: body = moodle(report, format); break;
    case CsvPreset::Pronote: body = pronote(report, format); break;
    }
    QByteArray bytes = format.byteOrderMark ? QByteArray(bom) : QByteArray();
    bytes += body.toUtf8();
    return bytes;
}

QStringList CsvExporter::notes(CsvPreset preset, const StatusReport &report)
{
    QStringList notes;
    int withoutTotal = 0;
    int toReview = 0;
    int leftOut = 0;
    int withoutEmail = 0;
    int withoutId = 0;
    for (const CopyReport &copy : report.copies()) {
        const bool noEmail = copy.copy.studentEmail.trimmed().isEmpty();
        const bool noId = copy.copy.studentId.trimmed().isEmpty();
        if (preset == CsvPreset::Moodle && noEmail && noId) {
            ++leftOut;
            continue;
        }
        withoutEmail += noEmail;
        withoutId += noId;
        if (!isComplete(copy))
            ++withoutTotal;
        else if (copy.copy.status == CopyStatus::NeedsReview)
            ++toReview;
    }
    if (leftOut > 0)
        notes.append(CsvExporter::tr("Left out %n copy(ies) without an email address or an ID number, since Moodle could not "
                        "tell whose they are. Add them to the roster, then export again.",
                        nullptr, leftOut));
    if (withoutTotal > 0)
        notes.append(preset == CsvPreset::Moodle
                         ? CsvExporter::tr("%n copy(ies) have no total yet: their grade cell is empty, which Moodle imports as "
                              "no grade.",
                              nullptr, withoutTotal)
                         : CsvExporter::tr("%n copy(ies) have no total yet: their cells are empty.", nullptr, withoutTotal));
    if (toReview > 0)
        notes.append(CsvExporter::tr("%n copy(ies) still need a review: their totals are the models' grades.", nullptr, toReview));
    if (preset == CsvPreset::Moodle && report.copies().size() > leftOut) {
        if (withoutEmail > 0 && withoutId > 0)
            notes.append(CsvExporter::tr("Some copies have no email address and others no ID number. Moodle gives a row whose "
                            "identifier is empty to the student of the row above: complete the roster before "
                            "importing."));
        else if (withoutEmail > 0)
            notes.append(CsvExporter::tr("In Moodle, map users from \"ID number\": %n copy(ies) have no email address.", nullptr,
                            withoutEmail));
        else
            notes.append(CsvExporter::tr("In Moodle, map users from \"Email address\" to the email address."));
        notes.append(CsvExporter::tr("Totals are out of %1 points: give the Moodle grade item a maximum grade of %1.")
                         .arg(number(report.exam().maxTotal(), formatOf(preset))));
    }
    return notes;
}

std::optional<CsvPreset> CsvExporter::presetFromName(const QString &name)
{
    if (name == QLatin1String("csv"))
        return CsvPreset::Plain;
    if (name == QLatin1String("moodle"))
        return CsvPreset::Moodle;
    if (name == QLatin1String("pronote"))
        return CsvPreset::Pronote;
    return std::nullopt;
}

QString CsvExporter::presetName(CsvPreset preset)
{
    switch (preset) {
    case CsvPreset::Plain: return QStringLiteral("csv");
    case CsvPreset::Moodle: return QStringLiteral("moodle");
    case CsvPreset::Pronote: return QStringLiteral("pronote");
    }
    return QStringLiteral("csv");
}

Status CsvExporter::writeFile(const QString &path, const QByteArray &data, bool overwrite)
{
    const QFileInfo info(path);
    if (info.isDir())
        return Status::failure(ErrorCode::InvalidInput,
                               CsvExporter::tr("%1 is a folder. Give the name of the file to write.").arg(path));
    if (info.exists() && !overwrite)
        return Status::failure(ErrorCode::InvalidInput,
                               CsvExporter::tr("%1 already exists. Choose another name, or allow replacing it.").arg(path));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Status::failure(ErrorCode::Internal,
                               CsvExporter::tr("Cannot write %1: %2. Check that the folder exists and that you may write in it.")
                                   .arg(path, file.errorString()));
    if (file.write(data) != data.size() || !file.commit())
        return Status::failure(ErrorCode::Internal,
                               CsvExporter::tr("Cannot write %1: %2. Check the free space of the disk.").arg(path, file.errorString()));
    return Status::ok();
}

} // namespace Corrige::Core
